"""weapon_changed: an aligned story sentence attacks with other means than its source sentence.

"Russian forces attacked the city with missiles" written from «атакували Запоріжжя ударними
безпілотниками» keeps the place, the time and the damage; only the means changed.  Reported when the
story sentence names weapons, its aligned source sentences name weapons too, and no class is shared
(a sentence that adds a second weapon to the source's is left alone: "drones and missiles" may merge
two source sentences).
"""

from __future__ import annotations

from wirecheck.checks._common import aligned_facts
from wirecheck.checks.changed_facts import gloss
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding
from wirecheck.registry import check


def _plural(cls: str) -> str:
    return cls if cls.endswith("artillery") else cls + "s"


@check("weapons", kinds=[FindingKind.WEAPON_CHANGED], requires=["alignments"], order=83)
def weapon_changed(comp: Comparison) -> None:
    """Weapons named on both sides of an aligned pair, with no class in common."""
    assert comp.source is not None
    for a, ours, theirs in aligned_facts(comp, FactType.WEAPON):
        if not ours or not theirs:
            continue
        if {f.key for f in ours} & {f.key for f in theirs}:
            _named_system_changed(comp, a.source, ours, theirs)
            continue
        new, old = ours[0], theirs[0]
        _report(comp, new, old, gloss(old),
                f"The source says the attack used {_plural(old.key)} ('{old.text}'); the story says "
                f"{_plural(new.key)} ('{new.text}').", "slot:weapon", 0.75 if len(a.source) == 1 else 0.65)


def _report(comp: Comparison, new: Fact, old: Fact, english: str, message: str, rule: str,
            confidence: float) -> None:
    assert comp.source is not None
    said = old.text if comp.source.lang == "en" else f"{old.text} ({english})"
    comp.add(Finding(FindingKind.WEAPON_CHANGED, message, story=new.span, source=old.span, before=said,
                     after=new.text, rule=rule, confidence=confidence, story_fact=new.id, source_fact=old.id))


def _named_system_changed(comp: Comparison, src_sents: list[int], ours: list[Fact], theirs: list[Fact]) -> None:
    """Same class, other weapon: a named system swapped (an Iskander-M for a Kalibr), else a missile type
    said in words (a ballistic missile made a cruise one).  Only when both sides name one."""
    assert comp.source is not None
    for attr, what in (("model", "the {}"), ("kind", "a {} missile")):
        for cls in sorted({f.key for f in ours} & {f.key for f in theirs}):
            new = [f for f in ours if f.key == cls and f.attrs.get(attr)]
            old = [f for f in theirs if f.key == cls and f.attrs.get(attr)]
            if not new or not old or {f.attrs[attr] for f in new} & {f.attrs[attr] for f in old}:
                continue
            n, o = new[0], old[0]
            _report(comp, n, o, str(o.attrs[attr]),
                    f"The source names {what.format(o.attrs[attr])} ('{o.text}'); the story "
                    f"{what.format(n.attrs[attr])} ('{n.text}').", f"slot:weapon-{attr}",
                    0.7 if len(src_sents) == 1 else 0.6)
            return
