"""Seats of government that stand for their state in news copy: "the Kremlin said", "a White House
spokesperson".  A story that names the seat where its source names the country (or the country's
president) says the same thing, so neither side's mention is new or dropped.  Organisation keys (as
:func:`wirecheck.extractors.en_orgs.org_key` makes them, plus the Russian/Ukrainian forms the term table
gives) -> ISO 3166-1 alpha-2."""

from __future__ import annotations

import re

SEATS: dict[str, str] = {
    "kremlin": "RU",
    "white house": "US",
    "pentagon": "US",
    "downing street": "GB",
    "elysee": "FR",
    "elysee palace": "FR",
    "zhongnanhai": "CN",
    "bankova": "UA",
}


def seat_country(key: str) -> str | None:
    """'kremlin' -> 'RU'; None for anything that is not a seat of government."""
    k = key.lower().replace("é", "e").removeprefix("the ").strip()
    return SEATS.get(k)


# As written in text: title case ("White House", "Elysee" or "Élysée"), never the common words.
SEAT_NAME = re.compile(r"\b(?:" + "|".join(sorted(
    (re.escape(k.title()).replace("Elysee", "(?:Elysee|Élysée)") for k in SEATS), key=len, reverse=True))
    + r")\b")
