"""English direct quotes and who said them.

A quote is a double-quoted passage; its speaker comes from the speech verb next to it ("...," Temirkhanov
said), from the clause it sits in (said that the plan was "a disaster"), from a lead-in sentence
ending in a colon, or, for a quote that runs on without a verb, from the quote just before it in the
same or the previous paragraph.  Pronouns and descriptions ("he", "the president") are resolved by
the attribution extractor's person mentions.  Short quoted words with no speaker are scare quotes and
are skipped: they are not claims anyone made.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extractors.en_attribution import Report, find_reports
from wirecheck.model import Document, FactType
from wirecheck.registry import stage
from wirecheck.textnorm import normalise_apostrophes, person_key

_MARKS = "\"“”„«»"
MIN_WORDS_WITHOUT_SPEAKER = 4


def quote_key(content: str) -> str:
    """Normalised content: lowercase, apostrophes unified, punctuation stripped, spaces collapsed."""
    s = normalise_apostrophes(content).lower()
    s = re.sub(r"[^\w\s']", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    if text.startswith("''", a) and text[b - 2:b] == "''":
        a, b = a + 2, b - 2  # the two-apostrophe quote marks of some newsroom copy
    while a < b and (text[a] in _MARKS or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in _MARKS or text[b - 1].isspace()):
        b -= 1
    return a, b


def _para_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


@stage("quotes.en", requires=["sentences", "spacy"], provides=["facts.quote"], langs=["en"], order=41)
def quotes_en(doc: Document) -> Document:
    """Direct quotes with their speaker (through pronouns and 'the president' to the name)."""
    reports = find_reports(doc)
    spans: list[tuple[int, int]] = doc.extras.get("en_quote_spans", [])
    text = doc.text
    prev: tuple[tuple[int, int], Report | None] | None = None
    for q in spans:
        rep = next((r for r in reports if q in r.quotes), None)
        if rep is None:
            # (Not from a clause taken only because the parse found no complement: "called on
            # "Meet the Press"" names a programme, it does not quote anyone.)
            rep = next((r for r in reports if r.kind != "according" and not r.loose
                        and any(a <= q[0] and q[1] <= b for a, b in r.content)), None)
        how = "cue"
        if rep is None:
            rep = _lead_in(doc, reports, q)
            how = "lead-in"
        if rep is None and prev is not None and prev[1] is not None and _runs_on(text, prev[0], q):
            rep, how = prev[1], "continued"
        c0, c1 = _inner(text, *q)
        while c1 > c0 and text[c1 - 1] in ",;:":
            c1 -= 1  # '"...matters," he said': the comma is the sentence's, not the speaker's
        content = text[c0:c1]
        n_words = len(re.findall(r"\w+", content))
        prev = (q, rep)
        if rep is None and n_words < MIN_WORDS_WITHOUT_SPEAKER:
            continue
        if n_words == 0:
            continue
        speaker = ""
        attrs: dict[str, Any] = {}
        if rep is not None:
            speaker = rep.resolved or rep.source_text
            attrs = {
                "speaker_type": rep.source_type,
                "speaker_mention": rep.source_text,
                "speaker_start": rep.source[0] if rep.source else None,
                "speaker_end": rep.source[1] if rep.source else None,
                "vague": rep.vague,
            }
        doc.add_fact(FactType.QUOTE, q[0], q[1], key=quote_key(content), extractor="quotes.en",
                     content=content, content_start=c0, content_end=c1, speaker=speaker,
                     speaker_key=person_key(speaker) if rep is not None and rep.source_type == "person"
                     and speaker else "",
                     cue=rep.cue_text if rep is not None else "", attribution=how if rep else "", **attrs)
    return doc


def _lead_in(doc: Document, reports: list[Report], q: tuple[int, int]) -> Report | None:
    """'Putin said:' followed by the quote in the same or the next paragraph."""
    text = doc.text
    before = text[:q[0]].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    best = None
    for r in reports:
        if r.kind != "according" and r.source is not None and r.cue[1] <= colon and \
                colon - r.cue[1] < 120 and "\n" not in text[r.cue[1]:colon]:
            best = r
    if best is not None and not best.quotes:
        best.content = [q]
    return best


def _runs_on(text: str, prev: tuple[int, int], q: tuple[int, int]) -> bool:
    """Does quote ``q`` continue the speaker of ``prev`` (same paragraph, or the next one opening with it)?"""
    pa, _ = _para_of(text, prev[0])
    qa, _ = _para_of(text, q[0])
    between = text[prev[1]:q[0]]
    if pa == qa:
        return len(between) < 400
    # The next paragraph opens with the quote, and nothing but that break lies between them.
    return text[qa:q[0]].strip() == "" and between.count("\n") <= 2 and len(between.strip()) < 3
