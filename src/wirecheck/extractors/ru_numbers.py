"""Russian and Ukrainian numbers and dates, in digits or words, keyed like the English ones.

"12 тыс. человек", "двенадцать тысяч человек" and "12 000 человек" all give key ``12000`` with noun
``person``; "11 декабря" gives ``month:12-11``, "в четверг" ``weekday:thursday``, "в тот же день"
``rel:same_day``.  Ordinals of units and the days of dates are not counted as numbers.
"""

from __future__ import annotations

import re

from wirecheck.extractors.en_dates import clock_key, settle_relative_days
from wirecheck.model import Document, FactType
from wirecheck.nlp.en_terms import ORDINAL_NOUNS
from wirecheck.nlp.russian import Token, match_term, ordinal_value, term_lookup, terms_of, tokens
from wirecheck.person_nouns import person_lemma
from wirecheck.registry import stage
from wirecheck.textnorm import normalise_apostrophes

EXTRACTOR = "ru_numbers"

MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
    "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}
MONTH_LEMMAS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6, "липень": 7,
    "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
}
WEEKDAYS = {
    "понедельник": "monday", "вторник": "tuesday", "среда": "wednesday", "четверг": "thursday",
    "пятница": "friday", "суббота": "saturday", "воскресенье": "sunday",
    "понеділок": "monday", "вівторок": "tuesday", "середа": "wednesday", "четвер": "thursday",
    "п'ятниця": "friday", "субота": "saturday", "неділя": "sunday",
}
# Relative expressions, matched on the lower-cased text (both languages).
RELATIVE = [
    (r"\b(?:в\s+тот\s+же\s+день|того\s+же\s+дня|в\s+той\s+же\s+день|того\s+ж\s+дня|цього\s+ж\s+дня"
     r"|в\s+этот\s+же\s+день)\b", "rel:same_day"),
    (r"\b(?:в\s+ночь\s+на|ночью|вночі|в\s+ніч\s+на|у\s+ніч\s+на|минулої\s+ночі|протягом\s+ночі"
     r"|этой\s+ночью|цієї\s+ночі|за\s+ночь|за\s+ніч)\b", "rel:overnight"),
    (r"\b(?:вчера|вчора)\b", "rel:yesterday"),
    (r"\b(?:сегодня|сьогодні)\b", "rel:today"),
    (r"\b(?:завтра)\b", "rel:tomorrow"),
    (r"\b(?:накануне|напередодні)\b", "rel:day_before"),
    (r"\b(?:на\s+прошлой\s+неделе|минулого\s+тижня|на\s+минулому\s+тижні)\b", "rel:week"),
]

# The period a report covers, keyed as the English "over the past day / week" is (dates.en): a daily
# tally told as a weekly one changes what its numbers mean.
_PAST = r"(?:минул\w*|останн\w*|попередн\w*|прошедш\w*|последн\w*|минувш\w*|истекш\w*)"
PERIODS = [
    (rf"\bза\s+{_PAST}\s+(?:добу|сутки)\b|\bза\s+(?:добу|сутки)\b", "duration:1 day"),
    (rf"\bза\s+{_PAST}\s+(?:тиждень|неделю)\b", "duration:1 week"),
    (rf"\bза\s+{_PAST}\s+(?:місяць|месяц)\b", "duration:1 month"),
    (rf"\bза\s+{_PAST}\s+(?:рік|год)\b", "duration:1 year"),
]

# A time of day: «в 03:40» (with a colon and two digits of minutes: «3:2» is a score, «4.30» a number).
_CLOCK = re.compile(r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])")

_UNITS = {0: "ноль нуль", 1: "один одна одно", 2: "два две дві", 3: "три", 4: "четыре чотири",
          5: "пять п'ять", 6: "шесть шість", 7: "семь сім", 8: "восемь вісім", 9: "девять дев'ять",
          10: "десять", 11: "одиннадцать одинадцять", 12: "двенадцать дванадцять",
          13: "тринадцать тринадцять", 14: "четырнадцать чотирнадцять", 15: "пятнадцать п'ятнадцять",
          16: "шестнадцать шістнадцять", 17: "семнадцать сімнадцять", 18: "восемнадцать вісімнадцять",
          19: "девятнадцать дев'ятнадцять", 20: "двадцать двадцять", 30: "тридцать тридцять",
          40: "сорок", 50: "пятьдесят п'ятдесят", 60: "шестьдесят шістдесят", 70: "семьдесят сімдесят",
          80: "восемьдесят вісімдесят", 90: "девяносто дев'яносто", 100: "сто",
          200: "двести двісті", 300: "триста", 400: "четыреста чотириста", 500: "пятьсот п'ятсот",
          600: "шестьсот шістсот", 700: "семьсот сімсот", 800: "восемьсот вісімсот",
          900: "девятьсот дев'ятсот"}
WORD_VALUES: dict[str, float] = {w: float(v) for v, ws in _UNITS.items() for w in ws.split()}
# Amounts said without a number, as the English "dozens", "hundreds", "thousands" are (approximate).
VAGUE = {"десятки": 24.0, "сотни": 200.0, "сотні": 200.0, "тысячи": 2000.0, "тисячі": 2000.0,
         # "several" (the English value, en_terms.VAGUE_AMOUNTS)
         "несколько": 3.0, "кілька": 3.0, "декілька": 3.0}
VAGUE_PAIRS = {("десятки", "тысяч"): 20000.0, ("десятки", "тисяч"): 20000.0, ("сотни", "тысяч"): 200000.0,
               ("сотні", "тисяч"): 200000.0}
WORD_VALUES |= {"полтора": 1.5, "півтора": 1.5, "десяток": 10,
                # collective numerals: «четверо поранені», «трое детей»
                "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
                "двоє": 2, "троє": 3, "п'ятеро": 5}
MULTIPLIERS = {"тысяча": 1e3, "тыс": 1e3, "тисяча": 1e3, "тис": 1e3, "миллион": 1e6, "млн": 1e6,
               "мільйон": 1e6, "миллиард": 1e9, "млрд": 1e9, "мільярд": 1e9}
QUALIFIERS = {"более": "more than", "свыше": "more than", "больше": "more than", "понад": "more than",
              "більше": "more than", "около": "about", "примерно": "about", "порядка": "about",
              "приблизно": "about", "близько": "about", "почти": "almost", "майже": "almost",
              "до": "up to", "менее": "less than", "меньше": "less than", "менше": "less than",
              "менш": "less than", "щонайменше": "at least", "минимум": "at least", "мінімум": "at least"}

_DIGITS = re.compile(r"(?<![\w.,:])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?![\w]|:\d)")  # 03:40 is a time


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _word_value(tok: Token) -> float | None:
    for lemma in sorted(tok.lemmas):
        lemma = normalise_apostrophes(lemma)
        if lemma in WORD_VALUES:
            return float(WORD_VALUES[lemma])
    return None


def _multiplier(tok: Token) -> float | None:
    for lemma in tok.lemmas:
        if lemma.rstrip(".") in MULTIPLIERS:
            return MULTIPLIERS[lemma.rstrip(".")]
    return None


def _taken(doc: Document, start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in doc.facts
               if f.type in (FactType.UNIT, FactType.DATE, FactType.NUMBER))


@stage("ru.dates", requires=["sentences"], provides=["facts.date"], langs=["ru", "uk"], order=33)
def dates(doc: Document) -> Document:
    """Calendar dates, weekdays and relative days."""
    text = doc.text
    lower = text.lower()
    # «с 1 по 10 марта», «з 1 до 10 березня», «1-10 марта»: the first day takes the month of the second.
    for m in re.finditer(r"\b(?:с|з|із)?\s*(\d{1,2})\s*(?:по|до|[-–—])\s*\d{1,2}\s+(" + "|".join(MONTHS) + r")\b",
                         lower):
        day, month = int(m.group(1)), MONTHS[m.group(2)]
        if 1 <= day <= 31:
            key = f"month:{month:02d}-{day:02d}"
            doc.add_fact(FactType.DATE, m.start(1), m.end(1), key=key, extractor=EXTRACTOR, value=key,
                         kind="absolute", relative=False)
    for m in re.finditer(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4})\s*(?:г\.|года|году|року|р\.)?)?",
                         lower):
        day, month, year = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
        if not 1 <= day <= 31:
            continue
        key = f"date:{year}-{month:02d}-{day:02d}" if year else f"month:{month:02d}-{day:02d}"
        end = m.end() if year else m.end(2)
        doc.add_fact(FactType.DATE, m.start(), end, key=key, extractor=EXTRACTOR, value=key, kind="absolute",
                     relative=False)
    toks = tokens(doc)
    for t in toks:
        if _taken(doc, t.start, t.end) or not t.is_word:
            continue
        for lemma in t.lemmas:
            lemma = normalise_apostrophes(lemma)
            if lemma in WEEKDAYS and t.i > 0 and toks[t.i - 1].lower in ("в", "во", "у"):
                key = f"weekday:{WEEKDAYS[lemma]}"
                doc.add_fact(FactType.DATE, t.start, t.end, key=key, extractor=EXTRACTOR, value=key,
                             kind="weekday", relative=False)
                break
            if lemma in WEEKDAYS and t.i > 1 and toks[t.i - 1].lower == "на" and \
                    toks[t.i - 2].lower in ("ночь", "ніч"):
                # «в ночь на вторник»: the night into Tuesday, which English also calls Monday night.
                week = list(dict.fromkeys(WEEKDAYS.values()))
                wd = WEEKDAYS[lemma]
                key = f"weekday:{wd}"
                doc.add_fact(FactType.DATE, t.start, t.end, key=key, extractor=EXTRACTOR, value=key,
                             kind="weekday", relative=False, also=f"weekday:{week[week.index(wd) - 1]}")
                break
            if lemma in MONTH_LEMMAS and t.i > 0 and toks[t.i - 1].lower in ("в", "у", "во") \
                    and "loct" in str(t.parses[0].tag if t.parses else ""):
                key = f"month:{MONTH_LEMMAS[lemma]:02d}"
                doc.add_fact(FactType.DATE, t.start, t.end, key=key, extractor=EXTRACTOR, value=key,
                             kind="absolute", relative=False)
                break
    for m in _CLOCK.finditer(lower):
        clock = clock_key(int(m.group("h")), int(m.group("m")), None)
        if clock is not None and not _taken(doc, m.start("h"), m.end()):
            doc.add_fact(FactType.DATE, m.start("h"), m.end(), key=clock, extractor=EXTRACTOR, value=clock,
                         kind="time", relative=False)
    for pattern, key in PERIODS:
        for m in re.finditer(pattern, lower):
            if not _taken(doc, m.start(), m.end()):
                doc.add_fact(FactType.DATE, m.start(), m.end(), key=key, extractor=EXTRACTOR, value=key,
                             kind="duration", relative=False, period=True)
    for pattern, key in RELATIVE:
        for m in re.finditer(pattern, lower):
            if not _taken(doc, m.start(), m.end()):
                doc.add_fact(FactType.DATE, m.start(), m.end(), key=key, extractor=EXTRACTOR, value=key,
                             kind="relative", relative=True)
    _durations(doc, toks)
    settle_relative_days(doc)
    for m in re.finditer(r"\b((?:19|20)\d{2})\s*(?:год[ауе]?|року|році|рік|г\.|р\.)", lower):
        if not _taken(doc, m.start(1), m.end(1)):
            doc.add_fact(FactType.DATE, m.start(1), m.end(1), key=f"year:{m.group(1)}", extractor=EXTRACTOR,
                         value=m.group(1), kind="year", relative=False)
    return doc


# «к 13 годам колонии», «18 лет лишения свободы», «на три місяці»: a length of time, as the English
# "18 years" is (a DATE of kind duration keyed 'duration:18 year'), not a count of years.
_DURATION_UNITS = {"год": "year", "лет": "year", "рік": "year", "роки": "year", "років": "year", "рок": "year",
                   "месяц": "month", "місяць": "month", "неделя": "week", "тиждень": "week", "день": "day",
                   "сутки": "day", "доба": "day", "час": "hour", "година": "hour"}


def _durations(doc: Document, toks: list[Token]) -> None:
    for k, t in enumerate(toks[:-1]):
        unit_tok = toks[k + 1]
        unit = next((_DURATION_UNITS[lem] for lem in sorted(unit_tok.lemmas) if lem in _DURATION_UNITS), None)
        if unit is None or _taken(doc, t.start, unit_tok.end):
            continue
        if unit == "hour" and unit_tok.lower.startswith("час") and unit_tok.lower not in ("часа", "часов", "часам"):
            continue  # «час» alone is also "an hour" said loosely; plural forms are the length
        if t.text.isdigit() and 0 < int(t.text) < 1000:
            n = int(t.text)
        elif (w := _word_value(t)) is not None and _is_number_word(t) and float(w).is_integer():
            n = int(w)
        else:
            continue
        if k > 0 and toks[k - 1].lower in ("в", "у") and unit == "year":
            continue  # «в 2024 году» is a year; «в 13 лет» an age
        if unit == "year" and _in_age_phrase(toks, t.start):
            continue
        key = f"duration:{n} {unit}"
        doc.add_fact(FactType.DATE, t.start, unit_tok.end, key=key, extractor=EXTRACTOR, value=key,
                     kind="duration", relative=False)


# Numeral stems of compound adjectives (Russian and Ukrainian), and the floor words they join.
_STOREY_STEMS = {stem: float(v) for v, stems in {
    1: "одно", 2: "двух дво дву", 3: "трех трёх три", 4: "четырех четырёх чотири", 5: "пяти п'яти",
    6: "шести", 7: "семи", 8: "восьми", 9: "девяти дев'яти", 10: "десяти", 12: "двенадцати дванадцяти",
    14: "четырнадцати чотирнадцяти", 16: "шестнадцати шістнадцяти", 17: "семнадцати сімнадцяти",
    20: "двадцати двадцяти", 24: "двадцатичетырех", 25: "двадцатипяти двадцятип'яти"}.items()
    for stem in stems.split()}
_STOREYS = re.compile(r"(?i)(?<![\w'’ʼ])(\d{1,3}(?=[-‑–])|" + "|".join(sorted(
    (re.escape(k).replace("'", "['’ʼ]") for k in _STOREY_STEMS), key=len, reverse=True))
    + r")[-‑–]?(?:этажн|этажк|поверхов|поверхівк)\w*")
_AMONG = re.compile(r"(?i)\b(?:среди них|в том числе|серед них|у тому числі|в тому числі)\s+(\w+)")
_AGE = re.compile(r"(?<![\d.,])(\d{1,3})\s*[-‑–]\s*(?:летн|річн)\w*", re.I)


@stage("ru.numbers", requires=["sentences", "facts.unit", "facts.date"], provides=["facts.number"],
       langs=["ru", "uk"], order=34)
def numbers(doc: Document) -> Document:
    """Quantities in digits or words, with the counted noun and a qualifier (более -> more than)."""
    toks = tokens(doc)
    by_start = {t.start: t for t in toks}
    # Ages («12-летний», «12-річна дитина») count "year-old", as the English "12-year-old" does.
    for m in _AGE.finditer(doc.text):
        if not _taken(doc, m.start(), m.end()):
            value = float(m.group(1))
            # «45-летний мужчина»: who is that old (see wirecheck.person_nouns).
            nxt = next((t for t in toks if t.start >= m.end()), None)
            person = person_lemma(nxt.lemmas) if nxt else None
            doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=_fmt(value), extractor=EXTRACTOR,
                         value=value, noun="year-old", qualifier=None, person=person)
    # «пятиэтажный дом», «9-поверховий будинок», «шестнадцатиэтажка»: floors, as "a five-storey building".
    for m in _STOREYS.finditer(doc.text):
        floors = float(m.group(1)) if m.group(1)[0].isdigit() else _STOREY_STEMS.get(
            m.group(1).lower().replace("’", "'").replace("ʼ", "'"))
        if floors is not None and not _taken(doc, m.start(), m.end()):
            doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=_fmt(floors), extractor=EXTRACTOR,
                         value=floors, noun="storey", qualifier=None)
    _ordinals(doc, toks)
    # «поранено трьох людей, серед них дитина»: one person of the kind named, counted as the English
    # "including a child" would be.
    for m in _AMONG.finditer(doc.text):
        t = next((x for x in toks if x.start == m.start(1)), None)
        if t is None or _taken(doc, t.start, t.end) or not t.has("nomn") or t.has("plur"):
            continue
        lemma = person_lemma(t.lemmas)
        if lemma is not None:
            doc.add_fact(FactType.NUMBER, t.start, t.end, key=_fmt(1.0), extractor=EXTRACTOR, value=1.0,
                         noun=term_lookup(doc.lang, "noun", lemma) or lemma, qualifier=None, implied=True)
    spans: list[tuple[int, int, float]] = []
    for m in _DIGITS.finditer(doc.text):
        raw = re.sub(r"[ \u00a0\u202f]", "", m.group(1)).replace(",", ".")
        end = m.end()
        after = doc.text[end:end + 3]
        if re.match(r"-[^\W\d_]", after):  # 6-й, 177-го: ordinals belong to units and dates (8-8,5% is a range)
            continue
        if _taken(doc, m.start(), end):
            continue
        value = float(raw)
        nxt = _next_token(toks, end)
        if nxt is not None and (mult := _multiplier(nxt)) is not None:
            value *= mult
            end = nxt.end
        spans.append((m.start(), end, value))
    # Number words: consecutive tokens with known values, then an optional multiplier.
    i = 0
    while i < len(toks):
        t = toks[i]
        v = _word_value(t) if t.is_word and not _taken(doc, t.start, t.end) else None
        if v is None or not _is_number_word(t):
            i += 1
            continue
        total, j = v, i + 1
        while j < len(toks) and (w := _word_value(toks[j])) is not None and _is_number_word(toks[j]):
            total += w
            j += 1
        if j < len(toks) and (mult := _multiplier(toks[j])) is not None:
            total *= mult
            j += 1
        spans.append((t.start, toks[j - 1].end, total))
        i = j
    for k, t in enumerate(toks):
        low = t.lower
        if low not in VAGUE or _taken(doc, t.start, t.end) or any(a <= t.start < b for a, b, _ in spans):
            continue  # (in «3 тысячи тонн» the word multiplies a count; alone it means "thousands")
        after = toks[k + 1].lower if k + 1 < len(toks) else ""
        if (low, after) in VAGUE_PAIRS:
            value, end = VAGUE_PAIRS[(low, after)], toks[k + 1].end
        else:
            value, end = VAGUE[low], t.end
        noun = _counted_noun(doc, toks, end)
        if noun is None:
            continue  # «тысячи» alone is not a claim about anything countable
        doc.add_fact(FactType.NUMBER, t.start, end, key=_fmt(value), extractor=EXTRACTOR, value=value,
                     noun=noun, qualifier=None, approx=True)
    for start, end, value in sorted(spans):
        if any(f.type == FactType.NUMBER and f.start < end and start < f.end for f in doc.facts):
            continue
        noun = "year-old" if _in_age_phrase(toks, start) else _counted_noun(doc, toks, end)
        if doc.text[max(0, start - 2):start].strip() == "№":
            noun = "no."  # «законопроєкт №10242»: a document's number
        # "21%", "8-8,5%": a percentage; "200 базисных пунктов": a rate move, kept in percentage points as
        # the English "200 basis points" is.
        tail = doc.text[end:end + 30].lower()
        if re.match(r"\s*%", tail) or re.match(r"\s*[-–]\s*\d+(?:[.,]\d+)?\s*%", tail):
            noun = "%"
        elif re.match(r"\s*базисн\w*\s+пункт|\s*базисн\w*\s+пункт|\s*б\.\s*п\.", tail):
            value, noun = value / 100, "percentage point"
        elif re.match(r"\s*процентн\w*\s+пункт|\s*відсотков\w*\s+пункт|\s*п\.\s*п\.", tail):
            noun = "percentage point"
        qualifier = _qualifier(toks, start, by_start)
        doc.add_fact(FactType.NUMBER, start, end, key=_fmt(value), extractor=EXTRACTOR, value=value,
                     noun=noun, qualifier=qualifier)
    return doc


def _ordinals(doc: Document, toks: list[Token]) -> None:
    """«второй визит», «третя хвиля», «5-й раунд»: a count of the noun, as the English "third visit" is
    (ordinals of units and dates are facts of their own; «в первый раз» is skipped, as "for the first time" is)."""
    nouns = [t for t in terms_of(doc.lang, "noun") if t.english in ORDINAL_NOUNS.values()]
    for t in toks:
        value = ordinal_value(t, bare_digits=False) if t.is_word or t.text[:1].isdigit() else None
        if value is None or _taken(doc, t.start, t.end):
            continue
        # The noun follows, maybe after one adjective («второй официальный визит»).
        for k in (t.i + 1, t.i + 2):
            m = match_term(toks, k, nouns) if k < len(toks) else None
            if m is not None and not (value == 1 and m[0].english == "time"):  # «впервые», «в первый раз»
                end = toks[m[1] - 1].end
                doc.add_fact(FactType.NUMBER, t.start, end, key=_fmt(value), extractor=EXTRACTOR,
                             value=float(value), noun=m[0].english, qualifier=None, ordinal=True)
                break
            if k >= len(toks) or not toks[k].has("ADJF"):
                break


_AGE_NOUNS = frozenset({"возраст", "вік"})


def _in_age_phrase(toks: list[Token], offset: int) -> bool:
    """«призывного возраста с 27 до 25 лет», «мобілізаційного віку з 27 до 25 років»: ages, counted as the
    English "from 27 to 25" after "age" is (year-old), not as lengths of time."""
    i = next((t.i for t in toks if t.start >= offset), len(toks))
    return any(toks[k].lemmas & _AGE_NOUNS for k in range(max(0, i - 5), i))


def _is_number_word(t: Token) -> bool:
    return any("NUMR" in p.tag.grammemes for p in t.parses) or _multiplier(t) is not None \
        or normalise_apostrophes(t.lower) in _COLLECTIVE


_COLLECTIVE = {"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "двоє", "троє", "п'ятеро"}


def _next_token(toks: list[Token], offset: int) -> Token | None:
    for t in toks:
        if t.start >= offset:
            return t
    return None


# Measures written as abbreviations («1,2 тыс. кв. м», «15 км», «300 га»), named as the English counts
# name them ("12,000 square meters" counts meters).
_MEASURES = {"кв.м": "meter", "кв.км": "kilometer", "км": "kilometer", "м": "meter", "га": "hectare",
          "т": "ton", "кг": "kilogram", "мм": "millimeter", "см": "centimeter"}
_UNIT_ABBREV = re.compile(r"\.?\s*(?:(?:тыс|тис|млн|млрд)\.?\s*)?(кв\.\s?км|кв\.\s?м|км|мм|см|га|кг|м|т)"
                          r"(?![\w-])(?!\.\s?е\.)\.?")  # not «т. е.» (that is)


def _counted_noun(doc: Document, toks: list[Token], end: int) -> str | None:
    """English lemma (term table) or Russian/Ukrainian lemma of the first noun after the number."""
    unit = _UNIT_ABBREV.match(doc.text, end)
    if unit:
        return _MEASURES[unit.group(1).replace(" ", "").rstrip(".").lower()]
    nouns = terms_of(doc.lang, "noun")
    start = next((t.i for t in toks if t.start >= end), len(toks))
    for k in range(start, min(start + 4, len(toks))):
        t = toks[k]
        if not t.is_word:
            abbrev = k > 0 and toks[k - 1].lower in ("тыс", "тис", "млн", "млрд")
            if t.text == "." and not abbrev:
                return None
            continue
        m = match_term(toks, k, nouns)
        if m is not None:
            return m[0].english
        if t.lower in ("из", "з", "із"):  # "38 из 52": the noun comes after the second number
            return None
        if t.has("PREP") or t.has("CONJ"):
            return None  # «з 27 до 25», «№10242 про»: a preposition ends the phrase (pymorphy also offers nouns)
        noun = t.lemma_with("NOUN")
        if noun is not None and not t.has("ADJF"):
            return term_lookup(doc.lang, "noun", noun) or noun
    return None


def _qualifier(toks: list[Token], start: int, by_start: dict[int, Token]) -> str | None:
    t = by_start.get(start)
    if t is None or t.i == 0:
        return None
    prev = toks[t.i - 1]
    if prev.lower == "не" or (t.i > 1 and toks[t.i - 2].lower == "не" and prev.lower in ("менее", "менше", "менш")):
        return "at least"
    return QUALIFIERS.get(prev.lower)
