"""Faithful probes: short rewrites that change wording but no fact, in English, Russian and Ukrainian
sources.  Does wirecheck stay quiet?

Each probe is a paraphrase move real rewriters make (voice turned round, casualties told as "left dead",
digits and number words, dates written another way, titles reordered, names shortened after first
mention, acronyms, clauses reordered, sentences split or merged, reporting verbs swapped, "according to
X" for "X said", a region added that the source gives elsewhere, a unit conversion the source states, a
quote moved, and translations of Russian and Ukrainian wire copy).  A probe passes when no finding of
medium severity or above is reported (the severity table in ``src/wirecheck/kinds.py``: dropped facts,
unknown places and new-relation pointers are low and may appear; added claims, title, certainty and
attribution changes are medium and may not, nor anything high or critical).

The sentences are the project's own, written for this list: a false-alarm to-do list, not an accuracy
figure.  A miss is printed with the findings that broke it.

    .venv/bin/python benchmarks/faithful_probes.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecheck.kinds import Severity  # noqa: E402
from wirecheck.pipeline import compare  # noqa: E402

EN = "KYIV, Nov. 14 (Reuters) - "
NY = "NEW YORK, Nov. 14 (Reuters) - "
LO = "LONDON, Nov. 14 (Reuters) - "
RU = "МОСКВА, 14 ноября. /ТАСС/. "
UK = "КИЇВ, 14 листопада. "

# (paraphrase move, source language, source, story)
PROBES: list[tuple[str, str, str, str]] = [
    ("passive for active", "en", EN + "Russian shelling killed two civilians in Kherson on Thursday, the governor said.",
     "Two civilians were killed by Russian shelling in Kherson on Thursday, the governor said."),
    ("active for passive", "en", NY + "The bill was approved by the Senate on Wednesday.",
     "The Senate approved the bill on Wednesday."),
    ("left dead and injured", "en", EN + "The shelling killed two civilians and wounded five others, the governor said.",
     "The shelling left two people dead and five injured, the governor said."),
    ("left dead (one count)", "en", EN + "A Russian missile strike on Odesa killed four people, officials said.",
     "A Russian missile strike on Odesa left four people dead, officials said."),
    ("words for digits", "en", EN + "Three people were injured when a drone hit an apartment block in Odesa.",
     "3 people were injured when a drone hit an apartment block in Odesa."),
    ("digits for words", "en", LO + "Police arrested 12 people after the protest in central London.",
     "Police arrested twelve people after the protest in central London."),
    ("bound kept, voice changed", "en", EN + "More than 20 people were wounded in the attack on Zaporizhzhia.",
     "The attack on Zaporizhzhia wounded more than 20 people."),
    ("'at least' kept, clause moved", "en", EN + "At least 12 people were killed when a missile hit a hospital in Dnipro.",
     "A missile hit a hospital in Dnipro, killing at least 12 people."),
    ("date: Nov. 13 as 13 November", "en", EN + "Russia launched 52 drones at Ukraine on Nov. 13, the air force said.",
     "Russia launched 52 drones at Ukraine on 13 November, the air force said."),
    ("date: weekday as month-day", "en", EN + "Russia launched 52 drones at Ukraine on Thursday, the air force said.",
     "Russia launched 52 drones at Ukraine on November 13, the air force said."),
    ("title after the name", "en", EN + "Defence Minister Rustem Umerov said Ukraine needed more air defence systems.",
     "Rustem Umerov, the defence minister, said Ukraine needed more air defence systems."),
    ("title before the name", "en", LO + "Keir Starmer, the British prime minister, met the Ukrainian president on Friday.",
     "British Prime Minister Keir Starmer met the Ukrainian president on Friday."),
    ("surname after first mention", "en",
     EN + "Foreign Minister Andrii Sybiha arrived in Warsaw on Thursday. Sybiha said he would discuss air defence.",
     "Ukrainian Foreign Minister Andrii Sybiha arrived in Warsaw on Thursday. Sybiha said he would discuss "
     "air defence."),
    ("organisation by acronym", "en",
     EN + "The International Atomic Energy Agency said its inspectors had heard explosions near the plant.",
     "The IAEA said its inspectors had heard explosions near the plant."),
    ("clauses reordered", "en", LO + "After talks in Ankara on Tuesday, the two ministers agreed to extend the deal.",
     "The two ministers agreed to extend the deal after talks in Ankara on Tuesday."),
    ("sentence split", "en",
     LO + "Police arrested three men in Lyon on Friday and seized 40 kg of cocaine, prosecutors said.",
     "Police arrested three men in Lyon on Friday, prosecutors said. They also seized 40 kg of cocaine."),
    ("sentences merged", "en",
     NY + "The company reported a net profit of $2 billion. Revenue rose 5% to $20 billion.",
     "The company reported a net profit of $2 billion as revenue rose 5% to $20 billion."),
    ("told reporters for said", "en", NY + "The mayor said the bridge would reopen on Monday.",
     "The mayor told reporters the bridge would reopen on Monday."),
    ("stated for said", "en", LO + "The ministry said the vessel had left port on Tuesday.",
     "The ministry stated that the vessel had left port on Tuesday."),
    ("X said for according to X", "en", EN + "Five people died in the fire, according to the State Emergency Service.",
     "The State Emergency Service said five people died in the fire."),
    ("according to X for X said", "en", EN + "The air force said it had shot down 30 drones overnight.",
     "According to the air force, it had shot down 30 drones overnight."),
    ("region the source gives elsewhere", "en",
     EN + "Sumy regional governor Oleh Hryhorov said a drone had hit a substation in Shostka.",
     "A drone hit a substation in Shostka in the Sumy region, governor Oleh Hryhorov said."),
    ("unit conversion the source states", "en",
     NY + "The storm dropped 30 centimetres (12 inches) of snow on Buffalo.",
     "The storm dropped 12 inches of snow on Buffalo."),
    ("distance conversion the source states", "en",
     EN + "The drone flew about 100 km (62 miles) before it was shot down.",
     "The drone flew about 62 miles before it was shot down."),
    ("quote moved after the speaker", "en",
     EN + '"We will rebuild every house," Zelenskiy said in his nightly address.',
     'In his nightly address, Zelenskiy said: "We will rebuild every house."'),
    ("quote moved to a later sentence", "en",
     LO + 'The minister visited the port on Friday. "Trade must go on," she told reporters.',
     'The minister told reporters "trade must go on" when she visited the port on Friday.'),
    ("percent spelt out", "en", NY + "Apple's revenue rose 5% to $90 billion in the quarter.",
     "Apple said revenue climbed 5 percent to $90 billion in the quarter."),
    ("court sentence, voice changed", "en",
     NY + "A court in Moscow sentenced the journalist to six years in prison on Tuesday.",
     "The journalist was sentenced to six years in prison by a Moscow court on Tuesday."),
    ("age as apposition", "en", EN + "A 13-year-old boy was wounded in the shelling of Kharkiv.",
     "A boy, 13, was wounded in the shelling of Kharkiv."),
    ("country names", "en", LO + "The United States and the United Kingdom imposed sanctions on the bank.",
     "The U.S. and Britain imposed sanctions on the bank."),
    ("capital apposition", "en", EN + "Explosions were heard in the capital Kyiv early on Thursday.",
     "Explosions were heard in Kyiv, the capital, early on Thursday."),
    ("injured as hurt", "en", EN + "Six people were injured in the attack, the mayor said.",
     "Six people were hurt in the attack, the mayor said."),

    ("two sentences, surname only", "en",
     EN + "Ukrainian President Volodymyr Zelenskiy met NATO Secretary-General Mark Rutte in Kyiv on Thursday.",
     "Zelenskiy met Mark Rutte, NATO's secretary-general, in Kyiv on Thursday."),
    ("died for killed", "en", EN + "The attack killed two people, the regional governor said.",
     "Two people died in the attack, the regional governor said."),
    ("currency spelt out", "en", NY + "The government approved $1.2 billion in aid for farmers.",
     "The government approved 1.2 billion dollars in aid for farmers."),
    ("million written in full", "en", LO + "About 2.5 million people lost power after the storm.",
     "About 2,500,000 people lost power after the storm."),
    ("km abbreviated", "en", EN + "Russian troops advanced 20 kilometres west of Pokrovsk, the ministry said.",
     "Russian troops advanced 20 km west of Pokrovsk, the ministry said."),
    ("brigade with its country", "en", EN + "The 47th Mechanized Brigade said its troops repelled an assault.",
     "Ukraine's 47th Mechanized Brigade said its troops repelled an assault."),
    ("including, reordered", "en", EN + "Five people were injured, including two children, police said.",
     "Police said five people, two of them children, were injured."),
    ("apartment block for high-rise", "en", EN + "The attack damaged ten high-rise buildings in Kharkiv.",
     "Ten apartment blocks in Kharkiv were damaged in the attack."),
    ("morning for early on", "en", EN + "Explosions shook Kyiv early on Thursday, witnesses said.",
     "Explosions shook Kyiv on Thursday morning, witnesses said."),
    ("shares dropped for fell", "en", NY + "Shares of Tesla fell 3% on Monday after the report.",
     "Tesla shares dropped 3 percent on Monday after the report."),

    ("tally merged, destroyed as shot down", "en", EN + "Russian forces fired 120 drones and 8 missiles at Ukraine overnight, the air force said. Air defences destroyed 98 drones and six missiles.",
     "Ukraine's air force said Russia launched 120 drones and eight missiles overnight, of which 98 drones and six missiles were shot down."),
    ("speaker moved to the end", "en", EN + "Prime Minister Denys Shmyhal said the government would allocate 2 billion hryvnias for repairs.",
     "The government will set aside 2 billion hryvnias for repairs, Prime Minister Denys Shmyhal said."),
    ("no one hurt as no casualties", "en", LO + "A fire broke out at an oil depot in the city of Tuapse after a drone attack, local authorities said. No one was hurt.",
     "Local authorities said a drone attack sparked a fire at an oil depot in Tuapse. There were no casualties."),
    ("held as kept unchanged", "en", LO + "The Bank of England held interest rates at 5.25% on Thursday.",
     "The Bank of England kept interest rates unchanged at 5.25% on Thursday."),
    ("beat as lost to", "en", LO + "Manchester City beat Arsenal 2-1 at the Etihad Stadium on Sunday.",
     "Arsenal lost 2-1 to Manchester City at the Etihad on Sunday."),
    ("agency spelt out, km written out", "en", NY + "The earthquake, with a magnitude of 6.1, struck at a depth of 10 km, the USGS said.",
     "The magnitude 6.1 quake hit at a depth of 10 kilometres, according to the U.S. Geological Survey."),
    ("age in apposition, clause moved", "en", LO + "Police said a 34-year-old man had been charged with murder.",
     "A man, 34, has been charged with murder, police said."),
    ("put at for was", "en", NY + "Turnout was 62 percent, the election commission said.",
     "The election commission put turnout at 62%."),
    ("crew of 25, ship as vessel", "en", LO + "The ship, carrying 25 crew members, sank off the coast of Yemen.",
     "The vessel, with a crew of 25, sank off Yemen's coast."),
    ("spoke by phone as phone call", "en", EN + "Zelenskiy said he had spoken with U.S. President Donald Trump by phone.",
     "Zelenskiy said he had a phone call with U.S. President Donald Trump."),
    ("statement before the speaker", "en", LO + "Kremlin spokesman Dmitry Peskov told reporters that Moscow was open to talks.",
     "Moscow is open to talks, Kremlin spokesman Dmitry Peskov told reporters."),
    ("words for digits, part kept", "en", LO + "The blast injured 14 people, nine of them seriously, officials said.",
     "Fourteen people were hurt in the blast, nine seriously, officials said."),
    ("acronym for a possessive name", "en", LO + "The European Union's foreign policy chief Kaja Kallas said the bloc would keep up sanctions.",
     "EU foreign policy chief Kaja Kallas said the bloc would keep up sanctions."),
    ("country as its adjective", "en", LO + "Israel's military said it struck Hezbollah targets in southern Lebanon on Monday.",
     "The Israeli military said it hit Hezbollah targets in southern Lebanon on Monday."),
    ("apposition folded in", "en", LO + "The plane, an Airbus A320, landed safely in Warsaw.",
     "The Airbus A320 landed safely in Warsaw."),
    ("sentences merged with including", "en", EN + "The strike killed seven people. Two children were among the dead.",
     "The strike killed seven people, including two children."),

    # Russian and Ukrainian sources, faithful English stories.
    ("ru: killed and wounded", "ru", RU + "В результате обстрела погибли два человека, еще пять получили ранения.",
     "The shelling killed two people and wounded five."),
    ("ru: left dead and injured", "ru", RU + "В результате обстрела погибли два человека, еще пять получили ранения.",
     "The shelling left two people dead and five injured."),
    ("ru: ministry said, drones", "ru",
     RU + "Минобороны России сообщило, что силы ПВО сбили 41 беспилотник над Белгородской областью.",
     "Air defences shot down 41 drones over the Belgorod region, Russia's Defence Ministry said."),
    ("ru: bound kept", "ru", RU + "Более 20 человек пострадали при обстреле Горловки.",
     "More than 20 people were injured in the shelling of Horlivka."),
    ("ru: title reordered", "ru", RU + "Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам.",
     "Sergei Lavrov, Russia's foreign minister, said Moscow was ready for talks."),
    ("ru: quote moved", "ru", RU + "«Мы продолжим работу», — сказал Песков журналистам.",
     'Peskov told reporters: "We will continue our work."'),
    ("ru: according to", "ru", RU + "По данным МЧС, пожар на складе в Подмосковье потушен.",
     "The fire at a warehouse in the Moscow region has been put out, the Emergencies Ministry said."),
    ("ru: date written out", "ru", RU + "Встреча президентов состоится 20 ноября в Анкаре.",
     "The presidents will meet in Ankara on Nov. 20."),
    ("ru: evacuated, number word", "ru", RU + "Из Шебекино эвакуированы около трехсот человек.",
     "About 300 people were evacuated from Shebekino."),
    ("uk: governor, passive", "uk",
     UK + "Голова Харківської ОВА Олег Синєгубов повідомив, що внаслідок удару поранено трьох людей.",
     "Three people were wounded in the strike, Kharkiv regional governor Oleh Syniehubov said."),
    ("uk: general staff by name", "uk", UK + "За даними Генштабу ЗСУ, за минулу добу відбулося 150 бойових зіткнень.",
     "There were 150 combat clashes over the past day, Ukraine's General Staff said."),
    ("uk: two killed, words", "uk", UK + "Унаслідок обстрілу Херсона загинули двоє людей.",
     "Two people were killed in the shelling of Kherson."),
    ("uk: drone damaged a building", "uk", UK + "У Києві внаслідок атаки дронів пошкоджено багатоповерхівку.",
     "A drone attack damaged an apartment building in Kyiv."),
    ("uk: sentences merged", "uk", UK + "Вночі ворог атакував Одесу ударними дронами. Постраждали двоє людей.",
     "Russian drones attacked Odesa overnight, injuring two people."),
    ("uk: president met minister", "uk",
     UK + "Президент Володимир Зеленський зустрівся з міністром оборони Німеччини Борисом Пісторіусом.",
     "President Volodymyr Zelensky met German Defence Minister Boris Pistorius."),
    ("uk: quote kept", "uk", UK + "«Ми відновимо кожен будинок», — сказав Зеленський.",
     'Zelensky said: "We will rebuild every house."'),
    ("ru: governor's title", "ru",
     RU + "Губернатор Белгородской области Вячеслав Гладков сообщил, что в Шебекино ранены три человека.",
     "Three people were wounded in Shebekino, Belgorod Governor Vyacheslav Gladkov said."),
    ("ru: foreign minister by 'глава МИД'", "ru",
     RU + "Глава МИД Венгрии Петер Сийярто прибыл в Москву.",
     "Hungarian Foreign Minister Peter Szijjarto arrived in Moscow."),
    ("ru: region with its country", "ru", RU + "Беспилотник атаковал нефтебазу в Курской области.",
     "A drone attacked an oil depot in Russia's Kursk region."),
    ("ru: including children", "ru", RU + "Пострадали пять человек, в том числе двое детей.",
     "Five people, including two children, were injured."),
    ("ru: acronym", "ru", RU + "МАГАТЭ сообщило о взрывах вблизи Запорожской АЭС.",
     "The IAEA reported explosions near the Zaporizhzhia nuclear power plant."),
    ("uk: bound 'понад' kept", "uk", UK + "Понад 30 людей постраждали внаслідок атаки на Дніпро.",
     "More than 30 people were injured in the attack on Dnipro."),
    ("uk: date written out", "uk", UK + "Атака сталася 13 листопада близько 03:00.",
     "The attack took place at about 3 a.m. on Nov. 13."),
    ("uk: region administration as governor", "uk",
     UK + "Начальник Одеської ОВА Олег Кіпер повідомив, що пошкоджено порт.",
     "The port was damaged, Odesa regional governor Oleh Kiper said."),
    ("ru: foreign name by ear", "ru", RU + "Президент России Владимир Путин провел телефонный разговор с президентом США Дональдом Трампом.",
     "Russian President Vladimir Putin held a phone call with U.S. President Donald Trump."),
    ("ru: governor after the count", "ru", RU + "В Курской области за сутки сбиты 15 беспилотников, сообщил губернатор Александр Хинштейн.",
     "Fifteen drones were shot down over the Kursk region in the past day, Governor Alexander Khinshtein said."),
    ("ru: contracted title", "ru", RU + "Суд приговорил бывшего замминистра обороны Тимура Иванова к 13 годам колонии строгого режима.",
     "A court sentenced former deputy defence minister Timur Ivanov to 13 years in a maximum-security penal colony."),
    ("uk: part of a whole kept", "uk", UK + "Сили ППО знищили 45 із 60 ударних дронів, повідомили в Повітряних силах.",
     "Air defences destroyed 45 of 60 attack drones, Ukraine's air force said."),
    ("uk: killed and wounded by name", "uk", UK + "Унаслідок атаки на Запоріжжя загинули троє людей, ще 12 отримали поранення, повідомив Іван Федоров.",
     "Three people were killed and 12 wounded in the attack on Zaporizhzhia, Ivan Fedorov said."),
    ("uk: parliament by its role", "uk", UK + "Верховна Рада ухвалила закон у першому читанні.",
     "Ukraine's parliament passed the law in the first reading."),
    ("ru: annual rate", "ru", RU + "ЦБ повысил ключевую ставку до 21% годовых.",
     "Russia's central bank raised its key rate to 21%."),
    ("ru: village in its region", "ru", RU + "Минобороны РФ сообщило об освобождении населенного пункта Песчаное в Харьковской области.",
     "Russia's Defence Ministry said its forces had captured the village of Pishchane in the Kharkiv region."),
    ("uk: surname as subject", "uk", UK + "Зеленський провів зустріч із генсеком НАТО Марком Рютте у Києві.",
     "Zelensky met NATO Secretary-General Mark Rutte in Kyiv."),
    ("ru: including a child", "ru", RU + "В результате атаки ВСУ на Белгород пострадали четыре человека, в том числе ребенок.",
     "Four people, including a child, were injured in a Ukrainian attack on Belgorod."),
    ("uk: district by -щина", "uk", UK + "Ворог 14 разів атакував Нікопольщину.",
     "Russian forces attacked the Nikopol district 14 times."),
    ("ru: minister by his ministry", "ru", RU + "Глава МИД Сергей Лавров заявил журналистам, что Россия не против переговоров.",
     "Foreign Minister Sergei Lavrov told reporters Russia was not against negotiations."),
    ("uk: bound kept, voice changed", "uk", UK + "У Дніпрі внаслідок ракетного удару пошкоджено понад 20 будинків.",
     "More than 20 buildings were damaged in Dnipro by a missile strike."),
]


def main() -> int:
    quiet = 0
    misses: list[str] = []
    for name, lang, source, story in PROBES:
        comp = compare(story, source, story_lang="en", source_lang=lang)
        loud = [f for f in comp.findings if f.severity >= Severity.MEDIUM]
        ok = not loud
        quiet += ok
        print(f"{'ok  ' if ok else 'MISS'} {name:38} {lang}  "
              f"{', '.join(sorted({f.kind.value for f in loud})) or '-'}")
        for f in loud:
            print(f"       {f.kind.value} [{f.rule}] {f.before!r} -> {f.after!r}: {f.message}")
        if not ok:
            misses.append(name)
    print(f"\n{quiet}/{len(PROBES)} faithful probes quiet (no finding of medium severity or above); "
          f"to do: {', '.join(misses) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
