"""description_changed: a named thing the story calls something else than the source does.

"the bulk carrier Eternity C" told as "the oil tanker Eternity C", "memory chipmaker SK Hynix" as
"smartphone maker SK Hynix".  The name is kept, so no fact check notices; what the thing is said to be
has changed.  The check reads, in both English texts, the type phrase written right before a name or as
its appositive ("Eternity C, a Liberian-flagged bulk carrier,") from a closed list of vessel and company
types, and reports a story type that fits none of the types the source gives the same name anywhere.
Unnamed things are compared between aligned sentences: a ship, a company, or the site a strike hit ("a
residential building" told as "a hospital"; a hospital the wounded were taken to is not such a site).

A generic word ("vessel", "company") fits every type of its class, and a type fits a narrower one that
contains it ("tanker" and "oil tanker"); only two specific types of one class count as a change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wirecheck.checks._common import aligned_items
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Finding, Span
from wirecheck.nlp.thing_types import NAMED_CLASSES, PARENT_TYPES, phrase_pattern
from wirecheck.nlp.thing_types import SLAVIC_TYPES as _SLAVIC_TYPES
from wirecheck.nlp.thing_types import TYPES as _TYPES
from wirecheck.registry import check
from wirecheck.textnorm import sound_key

_CLASS_OF = {phrase: cls for cls, types in _TYPES.items() for phrase in types}
_PHRASES = sorted(_CLASS_OF, key=len, reverse=True)


def _pattern(phrase: str) -> str:
    # A type may open a sentence ("Chipmaker SK Hynix said"): its first letter in either case.
    return f"[{phrase[0]}{phrase[0].upper()}]{phrase_pattern(phrase[1:])}"


_TYPE = r"(?P<type>" + "|".join(_pattern(p) for p in _PHRASES) + r")"
_NAME = r"(?<![\w'’.&-])(?P<name>(?:[A-Z][\w'’.&-]*)(?:[ \t]+(?:[A-Z][\w'’.&-]*|[0-9]+))*)"
# "the bulk carrier Eternity C", "memory chipmaker SK Hynix" (the type in lower case, then the name).
_BEFORE = re.compile(r"(?<![\w-])" + _TYPE + r"[ \t]+" + _NAME)
# "Eternity C, a Liberian-flagged bulk carrier, ..." / "SK Hynix, the world's second-largest memory chipmaker."
_APPOSITIVE = re.compile(_NAME + r",[ \t]+(?:a|an|the)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?" + _TYPE
                         + r"(?=[ \t]*(?:[,.;:)]|$|[ \t]+(?:that|which|who|with|carrying|owned|operated|flying|"
                           r"bound|from|in|on|at|of|off|headed|sailing|based)\b))", re.M)
_NOT_NAMES = frozenset({"The", "A", "An", "On", "In", "At", "It", "Its", "This", "That", "Monday", "Tuesday",
                        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
CONFIDENCE = 0.7


@dataclass(frozen=True)
class _Typed:
    name: str
    type: str  # the phrase as a key of _TYPES ("oil tanker")
    cls: str
    span: Span  # the type phrase and the name together


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def typed_names(doc: Document) -> Iterator[_Typed]:
    """Every (name, type) pair the text states, for the classes read before a name."""
    if doc.lang in ("ru", "uk"):
        for t, span, name in _slavic_types(doc, 0, len(doc.text)):
            if name and _CLASS_OF[t] in NAMED_CLASSES:
                yield _Typed(name, t, _CLASS_OF[t], span)
        return
    for pattern in (_BEFORE, _APPOSITIVE):
        for m in pattern.finditer(doc.text):
            name = m.group("name")
            words = name.split()
            for k in range(len(words) - 1, -1, -1):
                if k < len(words) - 1 and words[k].endswith(".") and len(words[k]) > 3:
                    words = words[k + 1:]  # "Jeddah. SK Hynix": a sentence ended inside the capitalised run
                    break
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if not words or (len(words) == 1 and len(words[0]) < 2):
                continue
            t = _key(m.group("type"))
            if _CLASS_OF[t] not in NAMED_CLASSES or pattern is _BEFORE and m.start() > 0 \
                    and doc.text[m.start() - 1].isupper():
                continue
            start = m.start() if pattern is _BEFORE else m.start("name") + name.rindex(words[0])
            yield _Typed(" ".join(words), t, _CLASS_OF[t], doc.span(start, m.end()))


def _a(phrase: str) -> str:
    return ("an " if phrase[:1] in "aeiou" else "a ") + phrase


def _fits(a: str, b: str) -> bool:
    """Can one thing be both an ``a`` and a ``b``?"""
    ca, cb = _TYPES[_CLASS_OF[a]][a], _TYPES[_CLASS_OF[b]][b]
    if not ca or not cb or ca == cb or PARENT_TYPES.get(ca) == cb or PARENT_TYPES.get(cb) == ca:
        return True
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa or set(ca.split()) <= set(cb.split()) or set(cb.split()) <= set(ca.split())


def _same_name(a: str, b: str) -> bool:
    if sound_key(a) == sound_key(b):  # «Адмирал Макаров» = Admiral Makarov
        return True
    wa, wb = a.lower().split(), b.lower().split()
    return wa == wb or (min(len(wa), len(wb)) >= 1 and (wa[:len(wb)] == wb or wb[:len(wa)] == wa)
                        and len(" ".join(wa[:min(len(wa), len(wb))])) >= 4)


_SLAVIC = re.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_SLAVIC_TYPES))
                     + r")\w*")
# The name after a Slavic type: in guillemets or quotes («Адмирал Макаров»), or capitalised (Eternity C).
_SLAVIC_NAME = re.compile(r"[ \t]+(?:[«\"“„](?P<q>[^»\"”\n]{2,40})[»\"”]|(?P<c>[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ \t]+"
                          r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]*|[A-Z0-9]+))*))")


def _slavic_types(doc: Document, start: int, end: int) -> Iterator[tuple[str, Span, str]]:
    """(English type, span, name or "") for each vessel word of a Russian or Ukrainian text."""
    for m in _SLAVIC.finditer(doc.text, start, end):
        k = next(i for i, g in enumerate(m.groups()) if g is not None)
        n = _SLAVIC_NAME.match(doc.text, m.end())
        name = (n.group("q") or n.group("c") or "") if n else ""
        yield _SLAVIC_TYPES[k][1], doc.span(m.start(), n.end() if n else m.end()), name


# A bare type may be plural ("hit two schools"); a type before a name is not.
_BARE = re.compile(r"(?<![\w-])" + _TYPE + r"(?:e?s)?(?![\w-])")
# Only two specific types can disagree: a text with none is skipped after one scan.
_SPECIFIC = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(
    phrase_pattern(p) for p in _PHRASES if _TYPES[_CLASS_OF[p]][p]) + r")(?:e?s)?(?![\w-])")
UNNAMED_CONFIDENCE = 0.6


# "Two people were taken to hospital", «доставлены в больницу»: where the wounded went, not what was hit.
_PATIENTS = re.compile(
    r"(?i)\b(?:taken|rushed|admitted|brought|transported|airlifted|evacuated|treated|died|hospitali[sz]ed|"
    r"remains?|remained|discharged|released|recovering|ferried|sent|is|are|was|were|being)"
    r"\s+(?:\w+\s+){0,2}?(?:to|in|at|from)\s+(?:(?:a|the|local|nearby|regional|city|district|military)\s+){0,2}$")
_PATIENTS_SLAVIC = re.compile(
    r"(?i)(?<!\w)(?:достав|госпитализ|госпіталіз|шпиталіз|поступ|лечат|лечени|лікуют|лікуван|перебува|"
    r"находя|находит|отвез|відвез|привез|доправ|помещен|поміщен|розміщен)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:в|во|у|до|из|із|з)\s+(?:\w+\s+)?$")


def _patients_there(doc: Document, t: str, at: int) -> bool:
    if _TYPES[_CLASS_OF[t]][t] != "hospital":
        return False
    before = doc.text[max(0, at - 60):at]
    return bool((_PATIENTS_SLAVIC if doc.lang in ("ru", "uk") else _PATIENTS).search(before))


def type_phrases(doc: Document, start: int, end: int) -> Iterator[tuple[str, Span]]:
    """Specific type phrases standing as a noun of their own between two offsets: "a Liberian-flagged bulk
    carrier" gives "bulk carrier"; "tanker traffic" (a modifier of another noun) gives nothing."""
    if doc.lang in ("ru", "uk"):
        yield from ((t, span) for t, span, _ in _slavic_types(doc, start, end)
                    if _TYPES[_CLASS_OF[t]][t] and not _patients_there(doc, t, span.start))
        return
    sp = doc.extras.get("spacy")
    for m in _BARE.finditer(doc.text, start, end):
        t = _key(m.group("type"))
        if not _TYPES[_CLASS_OF[t]][t] or _patients_there(doc, t, m.start()):
            continue
        if sp is not None:
            span = sp.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span[-1].pos_ != "NOUN" or span[-1].dep_ == "compound":
                continue
        yield t, doc.span(m.start(), m.end())


def _in_sentences(doc: Document, sentences: list[int]) -> Iterator[tuple[str, Span]]:
    for j in sentences:
        yield from type_phrases(doc, doc.sentences[j].start, doc.sentences[j].end)


def _unnamed(comp: Comparison, reported: set[int]) -> None:
    """An unnamed ship or company in an aligned sentence pair: "a Liberian-flagged bulk carrier" told as
    "a Panamanian-flagged oil tanker".  One specific type on each side, of one class, that cannot be the
    same thing, and the story's type nowhere in the source."""
    assert comp.source is not None
    everywhere = [t for t, _ in type_phrases(comp.source, 0, len(comp.source.text))]
    for ours, theirs in aligned_items(comp, _in_sentences):
        for cls in _TYPES:
            mine = [x for x in ours if _CLASS_OF[x[0]] == cls]
            peers = [x for x in theirs if _CLASS_OF[x[0]] == cls]
            if len(mine) != 1 or not peers or mine[0][1].start in reported:
                continue
            t, span = mine[0]
            if any(_fits(t, p) for p, _ in peers) or any(_fits(t, p) for p in everywhere if _CLASS_OF[p] == cls):
                continue
            comp.add(Finding(
                FindingKind.DESCRIPTION_CHANGED,
                f"The source's sentence has {_a(peers[0][0])}; the story's makes it {_a(t)}.",
                story=span, source=peers[0][1], before=peers[0][0], after=t,
                rule=f"description.{cls}.unnamed", confidence=UNNAMED_CONFIDENCE))


@check("descriptions", kinds=[FindingKind.DESCRIPTION_CHANGED], requires=["alignments"], order=85)
def changed_descriptions(comp: Comparison) -> None:
    """A named vessel or company, or an unnamed ship, company or struck site, given another specific type
    than in the source."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("en", "ru", "uk"):
        return
    if not _SPECIFIC.search(comp.story.text) or not (
            _SLAVIC.search(comp.source.text) if comp.source.lang != "en" else _SPECIFIC.search(comp.source.text)):
        return
    theirs = list(typed_names(comp.source))
    seen: set[tuple[str, str]] = set()
    reported: set[int] = set()
    for ours in typed_names(comp.story):
        peers = [t for t in theirs if t.cls == ours.cls and _same_name(t.name, ours.name)]
        if not peers or any(_fits(ours.type, t.type) for t in peers) or (ours.name, ours.type) in seen:
            continue
        seen.add((ours.name, ours.type))
        reported.add(ours.span.start)
        peer = peers[0]
        comp.add(Finding(
            FindingKind.DESCRIPTION_CHANGED,
            f"The source calls {peer.name} {_a(peer.type)}; the story calls it {_a(ours.type)}.",
            story=ours.span, source=peer.span, before=peer.type, after=ours.type,
            rule=f"description.{ours.cls}", confidence=CONFIDENCE))
    _unnamed(comp, reported)
