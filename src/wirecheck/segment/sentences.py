"""Sentence segmentation: spaCy's parser for English, razdel for Russian and Ukrainian.

Paragraph breaks always end a sentence: wire copy and rewrites put one paragraph per line, and a
headline without a full stop must not merge with the first paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Document, Sentence
from wirecheck.nlp.english import parse
from wirecheck.registry import stage

_PARA = re.compile(r"[^\n]+")


def _add(doc: Document, start: int, end: int) -> None:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    if end > start:
        doc.sentences.append(Sentence(len(doc.sentences), start, end, doc.text[start:end]))


@stage("sentences.en", provides=["sentences", "spacy"], langs=["en"], order=10)
def sentences_en(doc: Document) -> Document:
    """Parse with spaCy once; split into sentences within paragraphs."""
    sp = parse(doc.text)
    _cut_entities_at_newlines(sp)
    doc.extras["spacy"] = sp
    paras = [(m.start(), m.end()) for m in _PARA.finditer(doc.text)]
    for p_start, p_end in paras:
        cuts = [p_start]
        for s in sp.sents:
            if p_start < s.start_char < p_end and not _unfinished(doc.text[cuts[-1]:s.start_char]) \
                    and not _CLOCK_GOES_ON.search(doc.text[max(p_start, s.start_char - 8):s.start_char + 24]):
                cuts.append(s.start_char)
        cuts.append(p_end)
        for a, b in zip(cuts, cuts[1:], strict=False):
            prev_dateline = bool(doc.sentences) and doc.sentences[-1].end > p_start and \
                bool(_DATELINE_ONLY.match(doc.sentences[-1].text))
            if (_merge_needed(doc.text[a:b]) or prev_dateline) and doc.sentences and doc.sentences[-1].end > p_start:
                # spaCy sometimes splits after an initial or inside a quote; glue tiny fragments back.
                last = doc.sentences.pop()
                _add(doc, last.start, b)
            else:
                _add(doc, a, b)
    return doc


_DATELINE_ONLY = re.compile(r"^[A-Z][\w .'’-]*,[^.]{0,40}\([^)]{1,40}\)\s*[-–—:.]?\s*$")


def _cut_entities_at_newlines(sp: Any) -> None:
    """spaCy's NER can run an entity across a paragraph break ("X.\nSchools"); keep the first line."""
    ents = []
    for e in sp.ents:
        if "\n" not in e.text:
            ents.append(e)
            continue
        first = e.text.split("\n", 1)[0].rstrip()
        cut = sp.char_span(e.start_char, e.start_char + len(first), label=e.label_, alignment_mode="contract")
        if cut is not None and len(cut) > 0:
            ents.append(cut)
    sp.ents = ents


# "at 4:30 a.m. Moscow time, ...": the abbreviation's full stop does not end the sentence when a time zone
# follows.
_CLOCK_GOES_ON = re.compile(r"\b[ap]\.m\.\s+(?:[A-Z][\w'’-]+\s+time\b|(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|"
                            r"CST|CDT|PST|PDT|ET|PT)\b)")
_FINAL = re.compile(r"[.!?:;…\"”’')\]-]\s*$")


def _unfinished(fragment: str) -> bool:
    """spaCy cuts a first name off a paragraph that follows a headline ("José | Antonio Kast won"): a piece
    of at most three words with no closing punctuation is the start of the next sentence, not a sentence."""
    return len(fragment.split()) <= 3 and not _FINAL.search(fragment)


def _merge_needed(fragment: str) -> bool:
    f = fragment.strip()
    return len(f) < 4 or (bool(f) and f[0].islower())


@stage("sentences.razdel", provides=["sentences"], langs=["ru", "uk"], order=10)
def sentences_razdel(doc: Document) -> Document:
    """razdel sentence splitter, within paragraphs."""
    from razdel import sentenize

    for m in _PARA.finditer(doc.text):
        for s in sentenize(m.group()):
            _add(doc, m.start() + s.start, m.start() + s.stop)
    return doc


# "MOSCOW, December 11 (TASS)." / "KYIV, March 4 (Ukrinform) -" / «МОСКВА, 3 апреля — РИА Новости.»: the
# dateline is not a claim.
_AGENCIES = r"(?:РИА Новости|RIA Novosti|ТАСС|TASS|Интерфакс|Interfax|Укрінформ|Ukrinform|УНІАН|UNIAN|Reuters|AFP|AP)"
_EN_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?")
_MONTHS = (r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
           r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)")
DATELINE = re.compile(r"^(?:(?:[^\n.]|\.(?=[ \t]\d)){0,60}?(?:\([^)]{1,40}\)\s*[.\-–—:]?|\s[-–—]\s(?:" + _AGENCIES + r"\.\s*)?)"
                      r"|[^\n]{0,40}?/[A-ZА-ЯІЇЄ][^/\n]{1,30}/\.?\s*"  # «БЕЛГОРОД, 14 марта. /ТАСС/.»
                      r"|[А-ЯІЇЄҐ][\w'’ -]{1,30},[ \t]+\d{1,2}[ \t]+" + _MONTHS + r"\.[ \t]+(?=[A-ZА-ЯІЇЄҐ«\"])"
                      r"|[A-Z][A-Z'’ -]{1,30},[ \t]+" + _EN_MONTHS + r"[ \t]+\d{1,2}\.[ \t]+(?=[A-Z\"“]))",
                      re.U)  # «Київ, 12 березня.» with no agency; "MOSCOW, November 20." (a wire's English);
# in "KYIV, Nov. 14 (Reuters) -" the abbreviated month's point ends nothing.


def dateline_length(text: str) -> int:
    """How many characters of ``text`` its opening dateline takes (0 if it has none)."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def dateline_only(doc: Document, index: int) -> bool:
    """Is sentence ``index`` a piece of the opening dateline and nothing else («ОДЕСА, 23 липня.», «/ТАСС/.»)?"""
    s = doc.sentences[index]
    return s.start + len(s.text.rstrip()) <= dateline_length(doc.text)
