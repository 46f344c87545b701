"""Dates, relative times and durations in English text, normalised so that "Earlier that day" and
"earlier in the day" compare equal and "December 11" is month:12-11."""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Document, FactType
from wirecheck.nlp.en_terms import NUMBER_WORDS
from wirecheck.registry import stage

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({m[:3]: v for m, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_M = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MD = re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_DM = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
# "in May", "since March 2022", "by the end of June": a month on its own (capitalised, after a word that
# makes it a time, so the modal "may" and "to march" stay out); its year, if any, is a year fact of its own.
_MONTH_ONLY = re.compile(
    r"\b(?i:in|by|since|until|till|from|through|before|after|during|of|early|late|mid|last|next|this)"
    r"[\s-]+(?P<mon>" + "|".join(m.capitalize() for m in list(MONTHS)[:12]) + r")\b(?!\s*\d{1,2}\b(?!\d))")
# "the third quarter", "Q3", "the first half (of the year)": a period of a year, compared as such.
_PERIOD = re.compile(r"\b(?:(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<what>quarter|half)\b"
                     r"|Q(?P<q>[1-4])\b)", re.I)
_PERIOD_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = re.compile(r"(?<![\d,.$€£])\b(?:19[5-9]\d|20[0-4]\d)\b(?![\d,.]\d|\s*(?:people|soldiers|troops|drones|homes|km|kilometres|kilometers|tons|tonnes|residents))")
# "1991-2000", "2007 -- 11", "the 2016-17 season": the tail is a year of its own (century from the head).
_YEAR_RANGE = re.compile(r"\b(?P<head>(?:19|20)\d\d)\s*(?:-{1,2}|–|—|/|to|until)\s*(?P<tail>\d\d)(?![\d,.]\d)\b")
_AGE_AFTER = re.compile(r"^[\s-]*old\b", re.I)  # "21-year-old" is an age (a number fact), not a duration
_WD = re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I)
_DURATION = re.compile(r"\b(?P<n>[\w.]+)?[\s-]?(?P<unit>minute|hour|day|week|month|year)s?-long\b"
                       r"|\b(?P<n2>\w+)-(?P<unit2>minute|hour|day|week|month|year)\b", re.I)
# "for two weeks", "three years left": an amount of time written out (not "two years ago", an age or "a year").
_PLAIN_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|several)\s+(?:more\s+|further\s+|extra\s+|additional\s+)?"
    r"(?P<unit>minute|hour|day|week|month|year|decade)s?\b(?![\s-]+ago\b)", re.I)
RELATIVE = [
    (re.compile(r"\b(?:earlier|later)\s+(?:that|the same|in the|on the same)\s+day\b|\bthe same day\b|"
                r"\bearlier today\b|\bthat day\b", re.I), "rel:same_day"),
    (re.compile(r"\bovernight\b|\blast night\b|\bduring the night\b|\bat night\b", re.I), "rel:overnight"),
    (re.compile(r"\byesterday\b", re.I), "rel:yesterday"),
    (re.compile(r"\btoday\b|\bthis morning\b|\bthis afternoon\b|\bthis evening\b", re.I), "rel:today"),
    (re.compile(r"\btomorrow\b", re.I), "rel:tomorrow"),
    (re.compile(r"\blast week\b|\bthis week\b|\bearlier this week\b", re.I), "rel:week"),
    (re.compile(r"\b(?:in\s+)?(?:recent|past|previous|the last)\s+(?:few\s+)?(?:weeks|days|months)\b|"
                r"\bweeks of\b", re.I), "rel:recent"),
    (re.compile(r"\blast month\b|\bthis month\b", re.I), "rel:month"),
    (re.compile(r"\blast year\b|\bthis year\b", re.I), "rel:year"),
]


# A time of day: "03:40", "4:30 a.m.", "11 pm", "at 2.15pm" (a dot only with am/pm: "2.15" alone is a number).
_CLOCK = re.compile(r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)|\.(?P<m2>[0-5]\d)(?=\s*[ap]\.?m\b))?"
                    r"(?:\s*(?P<ap>[ap])\.?m\b\.?|(?(m)|(?!)))(?![\d:])", re.I)


def clock_key(hour: int, minute: int, ampm: str | None) -> str | None:
    """'time:16:30' for 4:30 pm; None for an impossible time."""
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return f"time:{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


# The period a report covers: "over the past day", "in the last 24 hours", "during the previous week"
# (a daily tally told as a weekly one changes what its numbers mean).  Keyed as a duration, as the
# Russian «за минувшие сутки» is.
_REPORT_PERIOD = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
    r"(?:(?P<hours>24|48|72)\s+hours|(?P<unit>day|week|month|year))\b", re.I)


# Relative days the dateline's date settles: "yesterday" in a report datelined November 14 is November 13.
_DAYS_BACK = {"rel:yesterday": 1, "rel:day_before": 1, "rel:today": 0}


def shifted_day(key: str, back: int) -> str | None:
    """'month:11-14' one day back -> 'month:11-13' (a year without 29 February when none is given)."""
    import datetime as dt

    m = re.fullmatch(r"(?:date:(\d{4})-|month:)(\d\d)-(\d\d)", key)
    if not m:
        return None
    year = int(m.group(1) or 2023)
    try:
        day = dt.date(year, int(m.group(2)), int(m.group(3))) - dt.timedelta(days=back)
    except ValueError:
        return None
    return f"date:{day:%Y-%m-%d}" if m.group(1) else f"month:{day:%m-%d}"


def settle_relative_days(doc: Document) -> None:
    """Give each 'yesterday', «накануне», 'today' the calendar day of the dateline's date (attr ``also``),
    so that a story writing that day out states no other date."""
    from wirecheck.segment.sentences import dateline_length

    head = dateline_length(doc.text)
    stamp = next((f for f in doc.facts_of(FactType.DATE) if f.start < head and f.attrs.get("kind") == "absolute"
                  and shifted_day(f.key, 0) is not None), None)  # a day, not a month alone
    if stamp is None:
        return
    for f in doc.facts_of(FactType.DATE):
        back = _DAYS_BACK.get(f.key)
        if back is not None and f.start >= head and not f.attrs.get("also"):
            day = shifted_day(stamp.key, back)
            if day is not None:
                f.attrs["also"] = day
        if f.key.startswith("weekday:") and f.start >= head:
            f.attrs["days"] = _weekday_days(stamp.key, f.key.split(":", 1)[1])


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_days(stamp: str, weekday: str) -> list[str]:
    """The month-days a weekday in a report datelined ``stamp`` can be: the last one on or before the
    dateline and the next one after it when the dateline gives its year; any day within six days of it
    when it does not, since then the weekday of no date is known."""
    import datetime as dt

    days = [d for back in range(-6, 7) if (d := shifted_day(stamp, back)) is not None]
    m = re.fullmatch(r"date:(\d{4})-(\d\d)-(\d\d)", stamp)
    if m and weekday in _WEEKDAYS:
        want = _WEEKDAYS.index(weekday)
        days = [d for d in days if dt.date.fromisoformat(d[5:]).weekday() == want]
    return [re.sub(r"^date:\d{4}-", "month:", d) for d in days]


def _add(doc: Document, start: int, end: int, key: str, kind: str, taken: list[tuple[int, int]],
         **attrs: Any) -> None:
    if any(a < end and start < b for a, b in taken):
        return
    taken.append((start, end))
    doc.add_fact(FactType.DATE, start, end, key=key, extractor="dates.en", kind=kind,
                 relative=kind == "relative", **attrs)


@stage("dates.en", requires=["sentences"], provides=["facts.date"], langs=["en"], order=35)
def dates_en(doc: Document) -> Document:
    """Absolute dates, weekdays, relative times and durations ("hour-long")."""
    taken: list[tuple[int, int]] = []
    t = doc.text
    for m in _CLOCK.finditer(t):
        key = clock_key(int(m.group("h")), int(m.group("m") or m.group("m2") or 0), m.group("ap"))
        if key is not None:
            _add(doc, m.start(), m.end(), key, "time", taken)
    for m in _REPORT_PERIOD.finditer(t):
        span = f"{int(m.group('hours')) // 24} day" if m.group("hours") else f"1 {m.group('unit').lower()}"
        _add(doc, m.start(), m.end(), f"duration:{span}", "duration", taken, period=True)
    for rx in (_MD, _DM):
        for m in rx.finditer(t):
            mon = MONTHS[m.group("mon").lower()]
            day = int(m.group("day"))
            if not 1 <= day <= 31 or (m.group("mon").lower() == "may" and rx is _MD and
                                      not m.group("mon")[0].isupper()):
                continue
            key = f"month:{mon:02d}-{day:02d}"
            if m.group("year"):
                key = f"date:{m.group('year')}-{mon:02d}-{day:02d}"
            n_taken = len(taken)
            _add(doc, m.start(), m.end(), key, "absolute", taken)
            if m.group("year") and len(taken) > n_taken:
                # The year of a full date on its own too, so "released in 2000" finds "December 5, 2000".
                # Its own kind: never reported apart from its date, never a slot for another year.
                doc.add_fact(FactType.DATE, m.start("year"), m.end("year"), key=f"year:{m.group('year')}",
                             extractor="dates.en", kind="year_of_date", relative=False)
    for m in _MONTH_ONLY.finditer(t):
        mon = MONTHS[m.group("mon").lower()]
        _add(doc, m.start("mon"), m.end("mon"), f"month:{mon:02d}", "absolute", taken)
    for m in _PERIOD.finditer(t):
        if m.group("q"):
            key = f"quarter:{m.group('q')}"
        else:
            key = f"{m.group('what').lower()}:{_PERIOD_N[m.group('n').lower()]}"
        _add(doc, m.start(), m.end(), key, "period", taken)
    for m in _WD.finditer(t):
        _add(doc, m.start(), m.end(), f"weekday:{m.group('wd').lower()}", "weekday", taken)
    for rx, key in RELATIVE:
        for m in rx.finditer(t):
            _add(doc, m.start(), m.end(), key, "relative", taken)
    for m in _YEAR.finditer(t):
        _add(doc, m.start(), m.end(), f"year:{m.group()}", "year", taken)
    for m in _YEAR_RANGE.finditer(t):
        year = int(m.group("head")[:2] + m.group("tail"))
        if year > int(m.group("head")):
            _add(doc, m.start("tail"), m.end("tail"), f"year:{year}", "year", taken)
    for m in _DURATION.finditer(t):
        if _AGE_AFTER.match(t[m.end():m.end() + 6]):
            continue
        unit = (m.group("unit") or m.group("unit2") or "").lower()
        n = (m.group("n") or m.group("n2") or "").lower()
        if m.group("n2") and not (n.isdigit() or n in NUMBER_WORDS or n in ("multi", "several")):
            continue
        _add(doc, m.start(), m.end(), _duration_key(n, unit), "duration", taken)
    for m in _PLAIN_DURATION.finditer(t):
        n, unit = m.group("n").lower(), m.group("unit").lower()
        if _AGE_AFTER.match(t[m.end():m.end() + 6]) or (n == "one" and unit == "day"):
            continue  # "41 years old" is an age; "one day" is usually "some day"
        _add(doc, m.start(), m.end(), _duration_key(n, unit), "duration", taken)
    settle_relative_days(doc)
    return doc


def _duration_key(n: str, unit: str) -> str:
    """'three-year', '3-year' and 'three years' -> 'duration:3 year'; 'hour-long' -> 'duration:hour'."""
    if n in ("a", "an"):
        n = ""  # "an hour-long call" is an "hour-long call"
    value = NUMBER_WORDS.get(n)
    if value is not None and value >= 1:
        n = str(int(value))
    return f"duration:{n + ' ' if n else ''}{unit}".strip()
