"""Where within a place: the city centre told as the outskirts, the north of a town as its south, «под
Харьковом» (near Kharkiv) as "central Kharkiv".  The place keeps its name, so its GeoNames id matches; the
part of it is a claim of its own.

A part is one of: ``centre``; ``outskirts`` (outskirts, suburbs, the edge of a town); ``near`` (a named
place the thing is near or outside of, never in); a compass direction (the north of the city, its northern
districts, 20 km south of it).  In an aligned sentence pair, a story part the source sentences do not state
is reported when it cannot hold together with one they do: the centre with the outskirts, with a place
nearby or with a compass side; a side with the opposite side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Finding, Span
from wirecheck.registry import check

_D = r"(?P<dir>north|south|east|west)(?:ern)?(?:-?(?P<dir2>east|west)(?:ern)?)?"
_PART_NOUNS = r"(?:parts?|side|end|edge|outskirts|suburbs?|districts?|neighbou?rhoods?|areas?|quarters?)"
_CAP = r"(?-i:[A-Z])[\w'’-]*"  # a name's first word (the span is carried to the end of its place fact)
_WHERE = r"(?:city|town|village|capital|" + _CAP + ")"
# Each pattern names its part by the group it fills: ``centre``, ``outskirts``, ``near`` or ``dir``.
_EN = [re.compile(p, re.I) for p in (
    r"\b(?P<centre>(?:city|town|village)\s+cent(?:re|er)|downtown|cent(?:re|er)\s+of\s+(?:the\s+)?" + _WHERE
    + r"|central\s+(?:part|districts?|" + _CAP + r"))",
    r"\b(?P<outskirts>(?:outskirts|suburbs?|periphery)(?:\s+of\s+(?:the\s+)?" + _WHERE + r")?|suburban"
    r"|edge\s+of\s+(?:the\s+)?(?:city|town|village))\b",
    r"\b(?P<near>near|close\s+to|outside|on\s+the\s+approach(?:es)?\s+to|in\s+the\s+vicinity\s+of)\s+" + _CAP,
    r"\b(?:in|on)\s+the\s+" + _D + r"(?:\s+" + _PART_NOUNS + r")?\s+of\s+(?:the\s+)?" + _WHERE,
    r"\b" + _D + r"\s+(?:outskirts|suburbs|districts?|part|side|neighbou?rhoods?)\b",
    r"\b" + _D + r"\s+of\s+(?:the\s+)?" + _WHERE,
)]
_RU_DIRS = {"север": "north", "юг": "south", "восток": "east", "запад": "west", "северн": "north", "южн": "south",
            "восточн": "east", "западн": "west", "північ": "north", "півден": "south", "півдн": "south",
            "схід": "east", "сход": "east", "східн": "east", "захід": "west", "заход": "west", "західн": "west"}
_RU_PLACE_WORDS = (r"(?:город\w*|міст\w*|сел\w*|посел\w*|селищ\w*|област\w*|регіон\w*|регион\w*|стран\w*|країн\w*"
                   r"|(?-i:[А-ЯЁІЇЄ])[\w'’ʼ-]*)")
_RU = [re.compile(p, re.I) for p in (
    # «в центре города», not «в центре внимания» (in the centre of attention)
    r"(?<!\w)(?P<centre>(?:в|у)\s+центр(?:е|і)(?:\s+" + _RU_PLACE_WORDS + r"|(?=\s*[.,;]))|центр\w*\s+(?:город|міст|сел)\w*"
    r"|центральн\w+\s+(?:район|част|частин)\w*)",
    r"(?<!\w)(?P<outskirts>(?:окраин|окраїн|околиц|пригород|предмест|передмі?ст)\w*)(?:\s+" + _RU_PLACE_WORDS + ")?",
    r"(?<!\w)(?P<near>под|під|возле|біля|вблизи|поблизу|неподалеку\s+от|неподалік\s+від|недалеко\s+(?:от|від)"
    r"|в\s+окрестностях|на\s+подступах\s+к|на\s+підступах\s+до)\s+(?-i:[А-ЯЁІЇЄ])[\w'’ʼ-]*",
    r"(?<!\w)на\s+(?P<dir>север|юг|восток|запад|півноч|півдн|сход|заход)\w*\s+" + _RU_PLACE_WORDS,
    r"(?<!\w)(?P<dir>северн|южн|восточн|западн|північн|південн|східн|західн)\w*\s+"
    r"(?:част|район|окраин|окраїн|околиц|пригород|передмі?ст)\w*",
    r"(?<!\w)(?:к|на)\s+(?P<dir>север|юг|восток|запад|північ|південь|схід|захід)\w*\s+(?:от|від)\b",
)]
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
CONFIDENCE = 0.6
_WORDS = {"centre": "the centre", "outskirts": "the outskirts", "near": "near it, not in it"}


@dataclass
class _Part:
    key: str  # centre, outskirts, near, or a direction ("north", "north-east")
    span: Span


def parts(doc: Document, sent: int) -> list[_Part]:
    """The parts of a place a sentence puts something in."""
    s = doc.sentences[sent]
    out: list[_Part] = []
    for rx in _EN if doc.lang == "en" else _RU:
        for m in rx.finditer(doc.text, s.start, s.end):
            if any(p.span.start < m.end() and m.start() < p.span.end for p in out):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            if "dir" in groups:
                key = "-".join(_direction(groups[k]) for k in ("dir", "dir2") if k in groups)
            else:
                key = next(iter(groups))
            last = m.group().split()[-1]
            if (key == "near" or last[:1].isupper()) and not _place_follows(doc, m.end()):
                # "near the railway station" may be in the centre: only a named place nearby is outside it;
                # and "Central Bank", "north of Trump's" are no part of a place
                continue
            out.append(_Part(key, doc.span(m.start(), _place_end(doc, m.start(), m.end()))))
    return out


def _direction(word: str) -> str:
    low = word.lower()
    return next((v for k, v in _RU_DIRS.items() if low.startswith(k)), low)


def _place_follows(doc: Document, match_end: int) -> bool:
    """The words after "near" are a place the text names ("near Bucha"), not a landmark in a town."""
    return any(f.start < match_end <= f.end for f in doc.facts_of(FactType.PLACE))


def _place_end(doc: Document, start: int, end: int) -> int:
    """The end of a part's words, carried over the whole name of a place they run into."""
    return max([end] + [f.end for f in doc.facts_of(FactType.PLACE) if start <= f.start < end])


def _conflict(a: str, b: str) -> bool:
    if a == b:
        return False
    if "centre" in (a, b):
        return True  # the centre is neither the edge, nor outside, nor one side
    if a in ("outskirts", "near") or b in ("outskirts", "near"):
        return False
    return any(_OPPOSITE.get(x) == y for x in a.split("-") for y in b.split("-"))


@check("place-parts", kinds=[FindingKind.PLACE_CHANGED], requires=["alignments"], order=85,
       after=["modifiers", "changed-facts"])
def place_parts(comp: Comparison) -> None:
    """A part of a place (centre, outskirts, near, a side) the aligned source sentences contradict."""
    assert comp.source is not None
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = [p for j in a.source for p in parts(comp.source, j)]
        if not theirs:
            continue
        keys = {p.key for p in theirs}
        same_lang = comp.story.lang == comp.source.lang
        for ours in parts(comp.story, a.story):
            rival = next((p for p in theirs if _conflict(ours.key, p.key)), None)
            if ours.key in keys or rival is None or _reported(comp, ours.span):
                continue
            comp.add(Finding(FindingKind.PLACE_CHANGED,
                             f"The source puts it at '{rival.span.text}' ({_WORDS.get(rival.key, 'the ' + rival.key)});"
                             f" the story at '{ours.span.text}' ({_WORDS.get(ours.key, 'the ' + ours.key)}).",
                             story=ours.span, source=rival.span, after=ours.span.text,
                             before=rival.span.text if same_lang else f"{rival.span.text} ({rival.key})",
                             rule="place.part-changed", confidence=CONFIDENCE))
            break


def _reported(comp: Comparison, span: Span) -> bool:
    """A place change already reported over these words ('the southern districts' by the modifier check)."""
    return any(f.kind is FindingKind.PLACE_CHANGED and f.story is not None and f.story.start < span.end
               and span.start < f.story.end for f in comp.findings)
