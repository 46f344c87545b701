"""Military units ("6th Separate Guards Motorized Rifle Brigade", "177th Regiment of the Caspian
Flotilla") and named formations ("the Black Sea Fleet", "Caspian Flotilla") in English text.

spaCy's small model splits or misses these, so they come from patterns over the text: an ordinal, up
to six descriptor words, a unit type, and an optional "of the <formation>" parent.
"""

from __future__ import annotations

import re

from wirecheck.model import Document, FactType
from wirecheck.nlp.en_terms import DESCRIPTORS, FORMATION_TYPES, UNIT_TYPES
from wirecheck.registry import stage

_TYPES = "|".join(sorted(UNIT_TYPES, key=len, reverse=True))
_FORMATION_WORDS = r"(?:Fleet|Flotilla|Army|Corps|Military\s+District|Legion|Group\s+of\s+Forces)"
_NAME_WORD = r"[A-Z][\w'’\-]*"
ORDINAL_START = re.compile(r"\b(?P<ord>\d{1,4})(?:st|nd|rd|th)\s+", re.I)
_WORD = re.compile(r"[\w'’\-]+")
PARENT_RE = re.compile(rf"[ \t]+of[ \t]+the[ \t]+(?P<pname>(?:{_NAME_WORD}[ \t]+){{1,4}}?{_FORMATION_WORDS})\b")
FORMATION_RE = re.compile(
    rf"\b(?P<name>(?:{_NAME_WORD}[ \t]+){{1,4}}?)(?P<type>{_FORMATION_WORDS})\b"
)
_STOP_NAME_WORDS = {"The", "A", "An", "Its", "His", "Her", "Their", "Our", "This", "That", "Of", "In", "And"}


def canon_words(words: list[str]) -> list[str]:
    """Map descriptor words to canonical forms, joining two-word descriptors."""
    out: list[str] = []
    i = 0
    low = [w.lower().strip("'’") for w in words]
    while i < len(low):
        two = " ".join(low[i:i + 2])
        if i + 1 < len(low) and two in DESCRIPTORS:
            out.append(DESCRIPTORS[two])
            i += 2
            continue
        out.append(DESCRIPTORS.get(low[i], low[i]))
        i += 1
    return out


def unit_key(ordinal: int | None, descriptors: list[str], unit_type: str) -> str:
    return " ".join(([str(ordinal)] if ordinal is not None else []) + descriptors + [unit_type])


def formation_key(name_words: list[str], ftype: str) -> str:
    return " ".join([w.lower() for w in name_words] + [re.sub(r"\s+", " ", ftype.lower())])


def _unit_after(text: str, pos: int) -> tuple[list[str], str, int] | None:
    """The longest run of descriptor words ending in a unit type, starting at ``pos``."""
    words: list[tuple[str, int]] = []
    for wm in _WORD.finditer(text, pos):
        gap = text[(words[-1][1] if words else pos):wm.start()]
        if words and not gap.isspace() or (not words and wm.start() != pos) or len(words) >= 8:
            break
        words.append((wm.group(), wm.end()))
    for k in range(len(words) - 1, -1, -1):
        w, end = words[k]
        if w.lower() in UNIT_TYPES and _desc_ok([x for x, _ in words[:k]]):
            # A lowercase formation word ("army") needs a capitalised type or ordinal context: it has one.
            return [x for x, _ in words[:k]], w, end
    return None


def _desc_ok(words: list[str]) -> bool:
    # Descriptors are capitalised or known unit vocabulary; anything else means the regex ran too far.
    return all(w[:1].isupper() or w.lower() in DESCRIPTORS or
               any(w.lower() in k.split() for k in DESCRIPTORS) for w in words)


@stage("units.en", requires=["sentences"], provides=["facts.unit", "facts.formation"], langs=["en"], order=30)
def units_en(doc: Document) -> Document:
    """Ordinal units with descriptors and parent formations; named fleets, flotillas, armies."""
    taken: list[tuple[int, int]] = []
    for m in ORDINAL_START.finditer(doc.text):
        found = _unit_after(doc.text, m.end())
        if found is None:
            continue
        desc_words, type_word, end = found
        parent = None
        # "177th Caspian Fleet Regiment": a formation named inside the descriptors is the parent.
        for j, w in enumerate(desc_words):
            if w.lower() in FORMATION_TYPES and j > 0:
                parent_words = desc_words[: j + 1]
                parent = formation_key(parent_words[:-1], parent_words[-1])
                p_start = m.end()
                p_end = p_start + len(" ".join(parent_words))
                doc.add_fact(FactType.ORGANIZATION, p_start, p_end, key=parent, extractor="units.en",
                             name=doc.text[p_start:p_end], formation=True)
                desc_words = desc_words[j + 1:]
                break
        pm = PARENT_RE.match(doc.text, end)
        if pm:
            pname = pm.group("pname").split()
            parent = formation_key(pname[:-1], pname[-1])
            doc.add_fact(FactType.ORGANIZATION, pm.start("pname"), pm.end("pname"), key=parent,
                         extractor="units.en", name=pm.group("pname"), formation=True)
        descriptors = canon_words(desc_words)
        utype = UNIT_TYPES[type_word.lower()]
        ordinal = int(m.group("ord"))
        doc.add_fact(FactType.UNIT, m.start(), end, key=unit_key(ordinal, descriptors, utype),
                     extractor="units.en", ordinal=ordinal, descriptors=descriptors, unit_type=utype,
                     parent=parent)
        taken.append((m.start(), pm.end() if pm else end))
    for m in FORMATION_RE.finditer(doc.text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        words = m.group("name").split()
        while words and words[0] in _STOP_NAME_WORDS:
            words = words[1:]
        if not words:
            continue
        start = m.start("name") + m.group("name").index(words[0])
        ftype = re.sub(r"\s+", " ", m.group("type"))
        doc.add_fact(FactType.ORGANIZATION, start, m.end(), key=formation_key(words, ftype),
                     extractor="units.en", name=doc.text[start:m.end()], formation=True)
    return doc
