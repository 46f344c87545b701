"""Damage probes: one-sentence rewrites, each with one kind of damage a fact-checker looks for, in English,
Russian and Ukrainian sources.  Does wirecheck report it (any of the expected kinds), and does it stay
quiet on a faithful rewrite?

The sentences are the project's own, written for this list, so the figure is a coverage check of damage
classes, not an accuracy measure on data nobody here wrote (the FRANK, FaithBench, PolNeAR and geoparsing
benchmarks are those).  A miss is printed with what was found instead: the list is a to-do list.

    .venv/bin/python benchmarks/damage_probes.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecheck.pipeline import compare  # noqa: E402

EN = "KYIV, March 3 (Reuters) - "
NY = "NEW YORK, March 3 (Reuters) - "
RU = "МОСКВА, 14 ноября. /ТАСС/. "
UK = "КИЇВ, 3 березня. "
QUIET: frozenset[str] = frozenset()  # a faithful rewrite: no finding but dropped facts and pointers

# (damage class, source language, source, story, kinds any one of which catches it; QUIET: none may be reported)
PROBES: list[tuple[str, str, str, str, frozenset[str]]] = [
    ("date: night of", "ru", RU + "В ночь на 14 ноября силы ПВО сбили 41 беспилотник над Белгородской областью.",
     "Air defences shot down 41 drones over the Belgorod region on the night of November 12.",
     frozenset({"date_changed"})),
    ("date: day before by dateline", "ru", RU + "Накануне силы ПВО сбили 41 беспилотник над Белгородской областью.",
     "On November 12, air defences shot down 41 drones over the Belgorod region.", frozenset({"date_changed"})),
    ("date: faithful day before", "ru", RU + "Накануне силы ПВО сбили 41 беспилотник над Белгородской областью.",
     "On November 13, air defences shot down 41 drones over the Belgorod region.", QUIET),
    ("date: weekday", "ru", RU + "В среду силы ПВО сбили 41 беспилотник над Белгородской областью.",
     "On Thursday, air defences shot down 41 drones over the Belgorod region.", frozenset({"date_changed"})),
    ("period of a tally", "uk", UK + "За минулу добу окупанти 25 разів обстріляли Херсонщину.",
     "Over the past week, Russian forces shelled the Kherson region 25 times.", frozenset({"date_changed"})),
    ("time of day", "ru", RU + "Атака беспилотников произошла в 03:40 по московскому времени.",
     "The drone attack took place at 4:30 a.m. Moscow time.", frozenset({"date_changed"})),
    ("bound dropped", "ru", RU + "Более 20 человек пострадали при обстреле Горловки.",
     "20 people were injured in the shelling of Horlivka.", frozenset({"number_changed"})),
    ("number x10", "ru", RU + "Около 300 человек эвакуированы из Шебекино.",
     "About 3,000 people were evacuated from Shebekino.", frozenset({"number_changed"})),
    ("part as whole", "en", EN + "Ukraine's air force said it shot down 30 of 40 drones launched overnight.",
     "Ukraine's air force said it shot down all 40 drones launched overnight.", frozenset({"number_changed"})),
    ("casualties swapped", "ru", RU + "В результате обстрела погибли двое мирных жителей, еще пятеро ранены.",
     "Five civilians were killed and two were wounded in the shelling.", frozenset({"number_changed"})),
    ("age changed", "ru", RU + "Ранен 13-летний мальчик, его госпитализировали.",
     "A 15-year-old boy was wounded and taken to hospital.", frozenset({"number_changed"})),
    ("soldiers as civilians", "en", EN + "Two soldiers were killed in the shelling, the regional governor said.",
     "Two civilians were killed in the shelling, the regional governor said.",
     frozenset({"number_changed", "description_changed"})),
    ("evacuated as killed", "ru", RU + "Из приграничных сел эвакуированы около 300 человек.",
     "About 300 people were killed in border villages.", frozenset({"predicate_changed"})),
    ("nobody hurt as injured", "ru", RU + "В результате обстрела никто не пострадал.",
     "Several people were injured in the shelling.", frozenset({"predicate_changed", "added_claim"})),
    ("struck site", "ru", RU + "Российский беспилотник попал в жилой дом в Сумах.",
     "A Russian drone struck a hospital in Sumy.", frozenset({"description_changed"})),
    ("weapon", "uk", UK + "Ворог скинув на Херсон дві керовані авіабомби.",
     "Russian forces fired two missiles at Kherson.", frozenset({"weapon_changed"})),
    ("title: deputy dropped", "ru", RU + "Заместитель министра обороны России Алексей Криворучко посетил завод.",
     "Russian Defence Minister Alexei Krivoruchko visited the plant.", frozenset({"title_changed"})),
    ("person swapped", "ru", RU + "Губернатор Курской области Александр Хинштейн сообщил о повреждении ЛЭП.",
     "Kursk Governor Roman Starovoit reported damage to a power line.", frozenset({"person_changed"})),
    ("organization swapped", "uk", UK + "За даними Генштабу ЗСУ, за минулу добу відбулося 150 бойових зіткнень.",
     "According to Ukraine's Defence Ministry, 150 combat clashes took place over the past day.",
     frozenset({"organization_changed"})),
    ("country of an office", "uk", UK + "Президент Володимир Зеленський провів розмову з прем'єр-міністром Канади.",
     "President Volodymyr Zelensky held a call with the Prime Minister of Australia.",
     frozenset({"place_changed"})),
    ("claim stated as fact", "ru", RU + "Минобороны России утверждает, что силы ПВО сбили 41 беспилотник.",
     "Air defences shot down 41 drones.", frozenset({"certainty_changed"})),
    ("statement to the other side", "en", EN + "Russia said its forces had captured the village of Pishchane.",
     "Ukraine said Russian forces had captured the village of Pishchane.", frozenset({"misattributed_quote"})),
    ("quote padded", "en", EN + '"We will respond," the minister said.',
     '"We will respond decisively and without mercy," the minister said.', frozenset({"fabricated_quote"})),
    ("rate slowed as accelerated", "ru", RU + "Инфляция в России в феврале замедлилась до 7,5%.",
     "Inflation in Russia accelerated to 7.5% in February.", frozenset({"predicate_changed"})),
    ("rate kept as raised", "ru", RU + "ЦБ сохранил ключевую ставку на уровне 21%.",
     "The central bank raised its key rate to 21%.", frozenset({"predicate_changed"})),
    ("loss as profit", "en", NY + "The company reported a net loss of $2 billion for the quarter.",
     "The company reported a net profit of $2 billion for the quarter.", frozenset({"predicate_changed"})),
    ("million as billion", "en", NY + "Regulators fined the bank $5 million.", "Regulators fined the bank $5 billion.",
     frozenset({"number_changed"})),
    ("hedge dropped", "en", NY + "The central bank is expected to raise rates next week.",
     "The central bank raised rates this week.", frozenset({"certainty_changed", "date_changed"})),
    ("shares up as down", "en", NY + "Shares of Apple closed up 2% on Tuesday.", "Shares of Apple closed down 2% on Tuesday.",
     frozenset({"predicate_changed"})),
    ("sentenced as acquitted", "en", NY + "The court sentenced him to 10 years in prison.", "The court acquitted him.",
     frozenset({"predicate_changed"})),
    ("job cuts as hiring", "en", NY + "The CEO said the company would cut about 1,000 jobs.",
     "The CEO said the company would hire about 1,000 people.", frozenset({"predicate_changed"})),
    ("centre as outskirts", "en", EN + "The missile hit a residential building in the city centre.",
     "The missile hit a residential building on the outskirts of the city.",
     frozenset({"place_changed", "added_claim"})),
    ("count with another noun", "ru", RU + "К тушению пожара привлекались 86 человек и 24 единицы техники.",
     "More than 200 firefighters and 24 fire engines were involved in putting out the fire.",
     frozenset({"number_changed"})),
    ("area in thousands", "ru", RU + "Площадь возгорания составила 1,2 тыс. кв. м.",
     "The fire spread across 12,000 square meters.", frozenset({"number_changed"})),
    ("short circuit as arson", "ru", RU + "Причиной пожара стало короткое замыкание.",
     "The fire was caused by arson.", frozenset({"predicate_changed"})),
    ("inquiry as criminal case", "uk", UK + "Прокуратура розпочала перевірку за фактом пожежі.",
     "Prosecutors opened a criminal case over the fire.", frozenset({"predicate_changed"})),
    ("seat of government added", "ru", RU + "Пресс-секретарь президента РФ Дмитрий Песков назвал переговоры полезными.",
     "Pentagon spokesman Dmitry Peskov called the talks useful.", frozenset({"added_claim", "organization_changed"})),
    ("shares swapped between candidates", "en", NY + "Elena Marin won 41.2% of the vote, ahead of Victor Dobre on 36.8%.",
     "Victor Dobre won 41.2% of the vote, ahead of Elena Marin on 36.8%.", frozenset({"number_changed"})),
    ("faithful: thousands of tons", "ru", RU + "В порту разгрузили 3 тысячи тонн зерна.",
     "Some 3,000 tons of grain were unloaded at the port.", QUIET),
    ("faithful: Kremlin spokesman", "ru", RU + "Пресс-секретарь президента РФ Дмитрий Песков назвал переговоры полезными.",
     "Kremlin spokesman Dmitry Peskov called the talks useful.", QUIET),
    ("faithful: detained/arrested", "en", EN + "The suspect was detained on Monday, police said.",
     "The suspect was arrested on Monday, police said.", QUIET),
    ("faithful: office said", "en", EN + "President Volodymyr Zelenskiy said the attack was a war crime.",
     "President Volodymyr Zelenskiy's office said the attack was a war crime.", QUIET),
    ("faithful: damaged school", "uk", UK + "У Харківській області внаслідок атаки пошкоджено школу.",
     "A school was damaged in the attack in the Kharkiv region.", QUIET),
    ("faithful: a house is a home", "en", EN + "A Russian drone hit a residential building in Sumy.",
     "A Russian drone hit a house in Sumy.", QUIET),
]
_IGNORED = {"dropped_fact", "new_relation"}


def main() -> int:
    caught = 0
    misses: list[str] = []
    for name, lang, source, story, want in PROBES:
        comp = compare(story, source, story_lang="en", source_lang=lang)
        got = {f.kind.value for f in comp.findings} - _IGNORED
        ok = not got if not want else bool(got & want)
        caught += ok
        print(f"{'ok  ' if ok else 'MISS'} {name:32} {lang}  want {'/'.join(sorted(want)) or 'nothing':40} "
              f"got {', '.join(sorted(got)) or '-'}")
        if not ok:
            misses.append(name)
    print(f"\n{caught}/{len(PROBES)} damage probes handled; misses: {', '.join(misses) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
