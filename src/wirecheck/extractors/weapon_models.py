"""Named weapon systems and missile types, in Latin and Cyrillic script, for both weapon extractors.

The class facts ("missile", "drone") stay coarse; a named system or a stated type refines them, so a
rewrite that turns «балістичною ракетою «Іскандер-М»» into "a Kalibr cruise missile" keeps the class and
still changes the weapon.  Not a stage: ``weapons.en`` and ``ru.weapons`` call :func:`refine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.model import Document, Fact, FactType


@dataclass(frozen=True)
class Model:
    name: str  # canonical display name
    cls: str  # the en_weapons class it belongs to
    kind: str  # missile type ("ballistic", "cruise", ...) or ""
    pattern: re.Pattern[str]


def _m(name: str, cls: str, kind: str, rx: str) -> Model:
    return Model(name, cls, kind, re.compile(rx))


# Cyrillic names decline (Іскандером, Калибрами): a stem and any ending.  Hail («град») and a lancet
# are common words, so those systems need a capital and quotes or their launcher's abbreviation.
MODELS: tuple[Model, ...] = (
    _m("Iskander", "missile", "ballistic", r"\bIskander(?:-[MK])?\b|\b[ИІ]скандер\w*(?:-[МК])?"),
    _m("Kalibr", "missile", "cruise", r"\bKalibrs?\b|\bКал[иі]бр\w*"),
    _m("Kinzhal", "missile", "hypersonic", r"\bKinzhals?\b|\bКинд?жал\w*"),
    _m("Zircon", "missile", "hypersonic", r"\b(?:Zircon|Tsirkon)s?\b|\bЦ[иі]ркон\w*"),
    _m("Oniks", "missile", "cruise", r"\b(?:Oniks|Onyx)\b|\bОн[иі]кс\w*"),
    _m("Kh-101", "missile", "cruise", r"\b[KХ]h?-101\b|\bХ-101"),
    _m("Kh-22", "missile", "cruise", r"\bKh-22\b|\bХ-22\b"),
    _m("Kh-59", "missile", "cruise", r"\bKh-59\b|\bХ-59\b"),
    _m("Tochka-U", "missile", "ballistic", r"\bTochka(?:-U)?\b|\bТочк\w*-У\b"),
    _m("Oreshnik", "missile", "ballistic", r"\bOreshnik\b|\bОрешник\w*|\bГорішник\w*"),
    _m("KN-23", "missile", "ballistic", r"\bKN-23\b"),
    _m("S-300", "missile", "", r"\bS-300\b|\bС-300\b"),
    _m("S-400", "missile", "", r"\bS-400\b|\bС-400\b"),
    _m("Storm Shadow", "missile", "cruise", r"\bStorm\s+Shadows?\b"),
    _m("ATACMS", "missile", "ballistic", r"\bATACMS\b"),
    _m("Neptune", "missile", "cruise", r"\bNeptunes?\b(?=[- ](?:missile|anti-ship|cruise))|[«\"]Нептун\w*"),
    _m("Shahed", "drone", "", r"\b(?:Shahed|Geran)(?:-1?[0-9]{1,3})?s?\b|\b[Шш]ахед\w*|\bГерань?\w*-2|[«\"]Геран\w*"),
    _m("Lancet", "drone", "", r"\bLancets?\b|[«\"]Ланцет\w*"),
    _m("Bayraktar", "drone", "", r"\bBayraktars?\b|\bБайрактар\w*"),
    _m("HIMARS", "rocket artillery", "", r"\bHIMARS\b"),
    _m("Grad", "rocket artillery", "", r"\bGrads?\b(?=\s|$)|(?:РСЗ[ОВ]\s*[«\"]?|[«\"])Град\w*"),
    _m("Uragan", "rocket artillery", "", r"\bUragan\b|[«\"]Ураган\w*"),
    _m("Smerch", "rocket artillery", "", r"\bSmerch\b|[«\"]Смерч\w*"),
    _m("Vampire", "rocket artillery", "", r"\bVampire\b(?=[- ](?:multiple|MLRS|rocket|launcher|system))"
                                          r"|[«\"]Вамп[иі]р\w*"),
)

# Missile types said in words: "cruise missile", «крилата ракета», «баллистической ракетой».
_KINDS = (
    ("ballistic", re.compile(r"\bballistic\b|\bбаллистическ\w*|\bбалістичн\w*", re.I)),
    ("cruise", re.compile(r"\bcruise\b|\bкрылат\w*|\bкрилат\w*", re.I)),
    ("hypersonic", re.compile(r"\bhypersonic\b|\bгиперзвуков\w*|\bгіперзвуков\w*", re.I)),
    ("anti-ship", re.compile(r"\banti-ship\b|\bпротивокорабельн\w*|\bпротикорабельн\w*", re.I)),
)
_NEAR = 12  # characters between a named system and the class word it names ("Kh-101 air-launched missile")


def _beside(text: str, f: Fact, a: int, b: int) -> bool:
    """Whether the named system at a:b names weapon fact ``f``: inside it, or next to it in one phrase."""
    if f.start <= a and b <= f.end:
        return True
    gap = text[b:f.start] if f.start >= b else text[f.end:a] if a >= f.end else None
    return gap is not None and len(gap) <= _NEAR and not re.search(r"[,;:.!?]", gap)


def refine(doc: Document, extractor: str) -> None:
    """Give each weapon fact the named system and missile type said beside it; a named system with no
    class word next to it ("struck by an Iskander") becomes a weapon fact of its own."""
    weapons = [f for f in doc.facts if f.type is FactType.WEAPON]
    for model in MODELS:
        for m in model.pattern.finditer(doc.text):
            a, b = m.start(), m.end()
            while a < b and doc.text[a] in "«\"":
                a += 1
            near = [f for f in weapons if f.key == model.cls and _beside(doc.text, f, a, b)]
            if near:
                f = near[0]
                f.attrs["model"] = model.name
                if model.kind:
                    f.attrs.setdefault("kind", model.kind)
                gap = doc.text[b:f.start] if f.start >= b else doc.text[f.end:a]
                if len(gap) <= 3 and not re.search(r"\w", gap):
                    # "ракетою «Іскандер-М»", "Kalibr cruise missile": one phrase, one span of evidence.
                    f.start, f.end = min(f.start, a), max(f.end, b + int(b < len(doc.text) and doc.text[b] in "»\""))
                    f.text = doc.text[f.start:f.end]
            elif not any(f.start < b and a < f.end for f in doc.facts if f.type is FactType.WEAPON):
                fact = doc.add_fact(FactType.WEAPON, a, b, key=model.cls, extractor=extractor, confidence=0.85,
                                    weapon=model.cls, model=model.name, **({"kind": model.kind} if model.kind else {}))
                weapons.append(fact)
    for f in weapons:
        if f.key != "missile":
            continue
        window = doc.text[max(0, f.start - 25):f.end]
        for kind, rx in _KINDS:
            if rx.search(window):
                f.attrs["kind"] = kind  # said in words: it beats the named system's usual type
                break
