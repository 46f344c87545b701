"""Weapons and means of attack in English text ("Shahed drones", "cruise missiles", "glide bombs").

A rewrite that turns a drone attack into a missile strike keeps every name and number, so the means of
attack is a fact of its own.  Classes are coarse on purpose (a Russian «ракета» is translated as missile
or rocket; a Kalibr and an Iskander are both missiles); a named system or a stated missile type refines a
class fact (``weapon_models``).
"""

from __future__ import annotations

import re

from wirecheck.extractors.weapon_models import refine
from wirecheck.model import Document, FactType
from wirecheck.registry import stage

# Most specific first: an MLRS rocket is rocket artillery, a bare "rocket" is taken as a missile.
_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("rocket artillery", re.compile(
        r"\b(?:MLRS|multiple[- ]rocket[- ]launch(?:ers?|ing systems?|ers? systems?)|"
        r"(?:Grad|Uragan|Smerch|HIMARS)(?:\s+(?:rockets?|systems?|launchers?|MLRS))?)\b")),
    ("glide bomb", re.compile(r"\b(?:(?:guided\s+)?glide|guided\s+aerial|guided|aerial|air)\s+bombs?\b|\bKABs?\b",
                              re.I)),
    ("drone", re.compile(r"(?<![Aa]nti-)(?<![Aa]nti )\b(?:(?:attack|strike|kamikaze|combat|Shahed|Geran)[- ]?\s*)?"
                         r"(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles?|quadcopters?|Shaheds?|Gerans?|loitering\s+munitions?)\b",
                         re.I)),
    ("missile", re.compile(r"(?<![Aa]nti-)\b(?:(?:cruise|ballistic|anti-ship|guided|hypersonic)\s+)?"
                           r"(?:missiles?|rockets?)\b(?!\s+(?:defen[cs]e|shield|launch(?:er|ing)))", re.I)),
    ("artillery", re.compile(r"\b(?:artillery|howitzers?)\b|\bshells\b|\bshell\b(?=\s+(?:hit|struck|landed|exploded))",
                             re.I)),
    ("mortar", re.compile(r"\bmortars?\b", re.I)),
]


@stage("weapons.en", requires=["sentences"], provides=["facts.weapon"], langs=["en"], order=58)
def weapons_en(doc: Document) -> Document:
    """One fact per mention of a weapon class; a longer, more specific mention wins an overlap."""
    taken: list[tuple[int, int]] = []
    for cls, rx in _CLASSES:
        for m in rx.finditer(doc.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            doc.add_fact(FactType.WEAPON, m.start(), m.end(), key=cls, extractor="weapons.en",
                         confidence=0.9, weapon=cls)
            taken.append((m.start(), m.end()))
    refine(doc, "weapons.en")
    return doc
