"""What a count is a count of: "two killed, five wounded" gives 2 the fate ``kill`` and 5 ``wound``.

A number's value alone cannot tell "five killed, two wounded" from the source's "two killed, five
wounded": each value stands in the source.  The event class the counted people or things underwent
(en_events / ru.events classes) is stored on the number as ``fate``, so fact matching can see a count
moved from one fate to another.  English reads the dependency parse (the count or its noun is the
subject or object of the event verb, or the verb modifies it); Russian and Ukrainian, without a parse,
take the nearest event of the count's clause.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extractors.ru_numbers import QUALIFIERS
from wirecheck.model import Document, Fact, FactType
from wirecheck.nlp.russian import tokens
from wirecheck.registry import stage

# Classes something counted undergoes.  Acts done by the counted ("50 drones struck", "launched 40
# missiles") and moves of amounts are not fates: they say what the count did, not what became of it.
# Each with the words a report uses for it after a count ("five wounded").
FATE_WORDS = {"kill": "killed", "wound": "wounded", "missing": "missing", "evacuate": "evacuated",
              "hospitalise": "in hospital", "flee": "displaced", "arrest": "detained", "release": "released",
              "capture": "captured", "shoot_down": "shot down", "destroy": "destroyed", "damage": "damaged",
              "charge": "charged", "convict": "convicted", "acquit": "acquitted", "pardon": "pardoned",
              "dismiss": "dismissed", "resign": "resigned"}
FATES = frozenset(FATE_WORDS)
# Clause boundaries: punctuation and the conjunctions that join "two were killed and five wounded".
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\b(?:and|but|while|whereas|и|і|й|а|та|но|але|однак|однако)\b",
                           re.I)
_SUBJ_OBJ = ("nsubj", "nsubjpass", "dobj", "obj")
_MODIFIERS = ("acl", "amod", "relcl")


def _fate_events(doc: Document) -> list[Fact]:
    return [e for e in doc.facts_of(FactType.EVENT) if e.key in FATES and not e.attrs.get("negated")]


def _parsed_fate(sp: Any, f: Fact, by_token: dict[int, Fact]) -> Fact | None:
    """The event whose subject or object the count (or its noun) is, or that modifies it."""
    span = sp.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return None
    x = span.root
    if x.i in by_token and x.pos_ == "NOUN":
        return by_token[x.i]  # "two deaths", "five injuries": the counted noun is the event
    for c in x.children:
        if c.dep_ in _MODIFIERS and c.i in by_token:
            return by_token[c.i]  # "two people killed", "civilians who were wounded"
    if x.dep_ in _SUBJ_OBJ and x.head.i in by_token:
        return by_token[x.head.i]
    return None


def _governed(sp: Any, f: Fact) -> bool:
    """An English count inside a prepositional phrase ("killed in 5 attacks") counts no victims."""
    span = sp.char_span(f.start, f.end, alignment_mode="expand")
    return span is None or span.root.dep_ == "pobj" or span.root.head.pos_ == "ADP"


def _clause_fate(doc: Document, f: Fact, events: list[Fact]) -> Fact | None:
    """The nearest fate event in the count's clause of its sentence."""
    if f.sentence >= len(doc.sentences):
        return None
    s = doc.sentences[f.sentence]
    lo, hi = s.start, s.end
    for m in _CLAUSE_BREAK.finditer(doc.text, s.start, s.end):
        if m.end() <= f.start:
            lo = m.end()
        elif m.start() >= f.end:
            hi = m.start()
            break
    near = [e for e in events if lo <= e.start and e.end <= hi]
    if not near:
        return None
    return min(near, key=lambda e: max(e.start - f.end, f.start - e.end))


@stage("numbers.fate", requires=["sentences", "facts.number", "facts.event"], provides=["facts.number.fate"],
       order=60)
def count_fates(doc: Document) -> Document:
    """Each count's fate: the event class (killed, wounded, detained ...) of what it counts."""
    events = _fate_events(doc)
    if not events:
        return doc
    sp = doc.extras.get("spacy") if doc.lang == "en" else None
    by_token: dict[int, Fact] = {}
    if sp is not None:
        for e in events:
            tok = sp.char_span(e.end - 1, e.end, alignment_mode="expand")
            if tok is not None:
                by_token[tok.root.i] = e
    for f in doc.facts_of(FactType.NUMBER):
        if f.attrs.get("ordinal") or f.attrs.get("noun") in ("year-old", "%", "percentage point", "no."):
            continue
        if sp is not None:
            ev = _parsed_fate(sp, f, by_token)
            if ev is None and not _governed(sp, f):
                ev = _clause_fate(doc, f, events)  # "left two people dead and five injured"
        elif _after_preposition(doc, f):
            continue  # «в 5 районах погибли двое»: the districts are where, not who
        else:
            ev = _clause_fate(doc, f, events)
        if ev is not None:
            f.attrs["fate"] = ev.key
    return doc


def _after_preposition(doc: Document, f: Fact) -> bool:
    """A Russian or Ukrainian count governed by a preposition («в 5 районах», «из 52», «до 20»)."""
    prev = [t for t in tokens(doc) if t.end <= f.start and t.start >= f.start - 30]
    while prev and prev[-1].lower in QUALIFIERS:  # «до 20 человек погибли»: "up to", not a place
        prev.pop()
    return bool(prev) and prev[-1].has("PREP")
