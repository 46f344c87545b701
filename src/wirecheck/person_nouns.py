"""Nouns that say who a person is by sex and age ("man", «женщина», «дитина»), in English, Russian and
Ukrainian lemmas.  Rewrites turn a killed man into a woman or a wounded child into a teenager; these
words are how a reader learns who the victims were.

Each noun has a sex ("m", "f" or "" when the word does not say) and an age group ("child", "teen",
"adult", "elderly" or "").  Two nouns describe different people when both say a sex and the sexes
differ, or both say an age group and the groups cannot overlap (a teenager may be called a child, and
a pensioner is an adult).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TABLE = """
m adult   man men gentleman husband father мужчина муж отец юноша парень чоловік батько юнак хлопець
f adult   woman women lady wife mother женщина жена мать девушка жінка дружина мати дівчина
m -       son brother male сын брат син
f -       daughter sister female дочь сестра донька дочка
m child   boy boys schoolboy мальчик школьник хлопчик школяр
f child   girl girls schoolgirl девочка школьница дівчинка школярка
- child   child children kid kids baby infant toddler newborn minor ребенок ребёнок дети младенец малыш
          дитина діти немовля малюк
- teen    teenager teen adolescent подросток підліток
- elderly pensioner elderly
m elderly grandfather пенсионер дедушка старик пенсіонер дідусь
f elderly grandmother пенсионерка бабушка старушка пенсіонерка бабуся
"""

NOUNS: dict[str, tuple[str, str]] = {}
for _line in re.sub(r"\n\s+(?=\S)", " ", _TABLE.strip()).splitlines():
    _sex, _age, *_words = _line.split()
    for _w in _words:
        NOUNS[_w] = ("" if _sex == "-" else _sex, "" if _age == "-" else _age)

_COMPATIBLE_AGES = {frozenset({"child", "teen"}), frozenset({"adult", "elderly"}), frozenset({"adult", "teen"})}


def person_noun(lemma: str) -> tuple[str, str] | None:
    """(sex, age group) of a person noun's lemma, or None for any other word."""
    return NOUNS.get(lemma.lower())


def person_lemma(lemmas: Iterable[str]) -> str | None:
    """The person noun among a Russian or Ukrainian token's possible lemmas, if one is (first in sorted order,
    so the choice does not depend on the parser's order)."""
    return next((lem for lem in sorted(lemmas) if person_noun(lem)), None)


# Combatants and civilians: "two soldiers were killed" told as "two civilians" changes who died.
_STATUS_TABLE = """
military  soldier soldiers serviceman servicemen servicewoman troops fighter fighters военный военнослужащий
          солдат боец военные военнослужащие солдаты бойцы військовий військовослужбовець боєць військові
          військовослужбовці солдати бійці
civilian  civilian civilians resident residents житель жители мирный мирные мешканець мешканці жителі
          цивільний цивільні
"""
STATUS: dict[str, str] = {w: _line.split()[0] for _line in re.sub(r"\n\s+(?=\S)", " ", _STATUS_TABLE.strip())
                          .splitlines() for w in _line.split()[1:]}


def different_people(a: str, b: str) -> bool:
    """Do the two nouns describe people of another sex or age group ("man" / «женщина», "boy" / "man"), or
    soldiers and civilians?"""
    sa, sb = STATUS.get(a.lower()), STATUS.get(b.lower())
    if sa and sb and sa != sb:
        return True
    pa, pb = person_noun(a), person_noun(b)
    if pa is None or pb is None:
        return False
    if pa[0] and pb[0] and pa[0] != pb[0]:
        return True
    return bool(pa[1] and pb[1] and pa[1] != pb[1] and frozenset({pa[1], pb[1]}) not in _COMPATIBLE_AGES)


_GLOSS = {("m", "adult"): "man", ("f", "adult"): "woman", ("m", "child"): "boy", ("f", "child"): "girl",
          ("", "child"): "child", ("", "teen"): "teenager", ("m", "elderly"): "elderly man",
          ("f", "elderly"): "elderly woman", ("", "elderly"): "pensioner", ("m", ""): "male relative",
          ("f", ""): "female relative"}


def english(lemma: str) -> str:
    """An English word for a person noun of any of the three languages ("женщина" -> "woman")."""
    p = person_noun(lemma)
    if p is None or lemma.isascii():
        return lemma
    return _GLOSS.get(p, lemma)


def people_of(a: str) -> str:
    """The plural of an English person noun, for counts."""
    irregular = {"man": "men", "woman": "women", "child": "children", "elderly man": "elderly men",
                 "elderly woman": "elderly women"}
    return irregular.get(a, a if a.endswith("s") else a + "s")
