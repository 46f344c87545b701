"""What happened, as a verb class: captured vs repelled, killed vs wounded, shot down vs hit.

Classes are language-neutral English names; Russian/Ukrainian extractors map their verbs to the same
classes.  A predicate change is two classes of one :data:`CONTRASTS` group in aligned sentences.
"""

from __future__ import annotations

from wirecheck.model import Document, FactType
from wirecheck.registry import stage

EVENT_LEMMAS: dict[str, str] = {
    # control of territory
    "capture": "capture", "seize": "capture", "liberate": "capture", "liberation": "capture",
    "occupy": "capture", "overrun": "capture", "take": "capture", "fall": "capture", "seizure": "capture",
    "repel": "repel", "repulse": "repel", "thwart": "repel", "defend": "hold",
    "retreat": "retreat", "withdraw": "retreat", "withdrawal": "retreat", "encircle": "encircle",
    "surround": "encircle", "advance": "advance", "push": "advance", "lose": "retreat",
    "drive": "retreat", "force": "retreat", "expel": "retreat", "oust": "retreat",
    # casualties
    "kill": "kill", "die": "kill", "dead": "kill", "death": "kill", "killing": "kill",
    "wound": "wound", "injure": "wound", "injury": "wound", "hurt": "wound", "wounded": "wound",
    "injured": "wound", "missing": "missing", "capture_person": "capture",
    # air and strikes
    "intercept": "shoot_down", "shoot": "shoot_down", "down": "shoot_down", "destroy": "destroy",
    "damage": "damage", "hit": "strike", "strike": "strike", "attack": "strike", "shell": "strike",
    "bomb": "strike", "launch": "launch", "fire": "launch",
    # people and politics
    "arrest": "arrest", "detain": "arrest", "release": "release", "free": "release",
    "resign": "resign", "dismiss": "dismiss", "fire_person": "dismiss", "sign": "sign", "reject": "reject",
    "approve": "approve", "deny": "deny", "confirm": "confirm", "evacuate": "evacuate", "flee": "flee",
    "displace": "flee",
}
# Groups of classes that contradict each other when one replaces another.
CONTRASTS: list[frozenset[str]] = [
    frozenset({"capture", "repel", "hold", "retreat", "encircle", "advance"}),
    frozenset({"kill", "wound", "missing"}),
    frozenset({"shoot_down", "strike", "destroy", "damage"}),
    frozenset({"arrest", "release"}),
    frozenset({"resign", "dismiss"}),
    frozenset({"approve", "reject", "sign"}),
    frozenset({"deny", "confirm"}),
]


def contrasting(a: str, b: str) -> bool:
    return a != b and any(a in g and b in g for g in CONTRASTS)


@stage("events.en", requires=["sentences", "spacy"], provides=["facts.event"], langs=["en"], order=55)
def events_en(doc: Document) -> Document:
    """Verbs, participles and event nouns mapped to event classes, with negation."""
    sp = doc.extras["spacy"]
    for tok in sp:
        lemma = tok.lemma_.lower()
        cls = EVENT_LEMMAS.get(lemma) or EVENT_LEMMAS.get(tok.lower_)
        if cls is None or tok.pos_ not in ("VERB", "NOUN", "ADJ", "ADP", "ADV"):
            continue
        if lemma in ("down",) and not (tok.head.lemma_ == "shoot" or tok.dep_ in ("prt", "ROOT")):
            continue
        if lemma == "shoot" and not any(c.lower_ == "down" for c in tok.children):
            continue
        if lemma in ("push", "drive", "force") and any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "back")
                                                       for c in tok.children):
            cls = "retreat"  # "push units out of": the other side retreats
        elif lemma in ("drive", "force"):
            continue
        if lemma == "take" and not any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("GPE", "LOC", "FAC")
                                       for c in tok.children):
            continue
        if lemma in ("fall", "push", "free", "fire", "lose", "hit", "down") and tok.pos_ != "VERB":
            continue
        negated = any(c.dep_ == "neg" for c in tok.children) or (
            tok.head is not tok and any(c.dep_ == "neg" for c in tok.head.children) and tok.dep_ == "xcomp")
        start = tok.idx
        if tok.pos_ == "ADJ" and tok.dep_ in ("oprd", "acomp") and tok.head.lemma_ != "be" and tok.head.i < tok.i:
            start = tok.head.idx  # "confirmed dead", "remain missing": the verb is part of the claim
        doc.add_fact(FactType.EVENT, start, tok.idx + len(tok.text), key=cls, extractor="events.en",
                     confidence=0.8, lemma=lemma, negated=negated)
    return doc
