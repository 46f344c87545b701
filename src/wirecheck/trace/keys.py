"""Language-neutral index keys of a document, the currency of source tracing.

Two layers, both the same whatever the script:

* fact keys from the extractors (``p:`` person sound keys, ``gn:`` GeoNames ids, ``u:`` units,
  ``o:`` organisations, ``n:`` numbers, ``d:`` dates) when the full pipeline ran;
* surface keys any text yields cheaply: numbers, day-month dates in English/Russian/Ukrainian, and a
  sound-alike stem of every capitalised word (the first six letters of the sound key, so that
  Темирхановым and Temirkhanov, Северска and Seversk meet despite inflection and script).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wirecheck.textnorm import sound_key

# Prefix -> weight: a shared person or place says more about provenance than a shared number.
KEY_WEIGHTS: dict[str, float] = {
    "p": 3.0,    # person (fact)
    "gn": 3.0,   # resolved place
    "adm1": 1.5,  # region
    "pl": 2.0,   # unresolved place name
    "u": 2.5,    # military unit
    "o": 2.0,    # organisation
    "n": 1.5,    # number
    "d": 1.0,    # date
    "w": 1.0,    # capitalised-word stem
}
KIND_LABELS = {"p": "person", "gn": "place", "adm1": "region", "pl": "place", "u": "unit",
               "o": "organisation", "n": "number", "d": "date", "w": "name/term"}

STEM_LEN = 6
_WORD = re.compile(r"[^\W\d_][^\W\d_'’ʼ-]*", re.U)
_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")
_MONTHS: dict[str, int] = {}
for _i, _names in enumerate([
    "january янв січ", "february фев лют", "march мар берез", "april апр квіт", "may ма травн",
    "june июн черв", "july июл лип", "august авг серп", "september сент верес", "october окт жовт",
    "november нояб листоп", "december дек груд",
], start=1):
    for _n in _names.split():
        _MONTHS[_n] = _i
_EN_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_DATE_EN = re.compile(_EN_MONTH + r"\s+(\d{1,2})\b|\b(\d{1,2})\s+" + _EN_MONTH, re.I)
_DATE_CYR = re.compile(r"\b(\d{1,2})(?:-?го)?\s+([а-яёіїєґ]{3,})", re.I)

# Capitalised words that begin sentences or are everywhere in news copy carry no provenance signal.
_STOP = {sound_key(w)[:STEM_LEN] for w in (
    "The A An In On At For But And Of To By With From After Before Earlier Later He She It They We I "
    "This That These Those His Her Their Its As Also However Meanwhile According When While If "
    "В На По С Из За Для Как Это Он Она Они Ранее Кроме Также При После До Однако У І Та "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December"
).split()}


def _cyr_month(word: str) -> int | None:
    w = word.lower()
    for stem, m in _MONTHS.items():
        if len(stem) >= 3 and not stem.isascii() and w.startswith(stem):
            return m
    return None


def _number_value(raw: str) -> str:
    s = re.sub(r"[,\u00a0\u202f ]", "", raw) if re.search(r"\d[,\u00a0\u202f ]\d{3}", raw) else raw
    s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return raw
    return str(int(v)) if v == int(v) else f"{v:g}"


def surface_keys(text: str) -> set[str]:
    """Keys any text gives without NLP models: numbers, dates, capitalised-word stems."""
    keys: set[str] = set()
    for m in _DATE_EN.finditer(text):
        month = (m.group(1) or m.group(4)).lower()
        day = int(m.group(2) or m.group(3))
        if 1 <= day <= 31:
            keys.add(f"d:{_MONTHS[month]:02d}-{day:02d}")
    for m in _DATE_CYR.finditer(text):
        mo = _cyr_month(m.group(2))
        day = int(m.group(1))
        if mo and 1 <= day <= 31:
            keys.add(f"d:{mo:02d}-{day:02d}")
    for m in _NUM.finditer(text):
        keys.add("n:" + _number_value(m.group(0)))
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not w[0].isupper() or len(w) < 3:
            continue
        if w.isupper() and len(w) <= 5:
            key = sound_key(w)  # acronyms (TASS, ТАСС, DPR) as a whole
        else:
            key = sound_key(w)[:STEM_LEN]
        if len(key) >= 3 and key not in _STOP:
            keys.add("w:" + key)
    return keys


def fact_key(fact: dict[str, Any]) -> str | None:
    """The index key of one extracted fact (a dict as in ``Fact.to_dict``), or None."""
    key = str(fact.get("key") or "").strip()
    if not key:
        return None
    t = fact.get("type")
    if t == "person":
        return "p:" + key
    if t == "place":
        if key.startswith(("gn:", "adm1:")):
            return key
        return "pl:" + key.removeprefix("name:")
    if t == "unit":
        return "u:" + key
    if t == "organization":
        return "o:" + key
    if t == "number":
        return "n:" + key
    if t == "date":
        return "d:" + key.removeprefix("month:")
    return None


def doc_keys(text: str, facts: Iterable[dict[str, Any]] = ()) -> set[str]:
    keys = surface_keys(text)
    for f in facts:
        k = fact_key(f)
        if k:
            keys.add(k)
    return keys


def key_kind(key: str) -> str:
    return key.split(":", 1)[0]


def key_weight(key: str) -> float:
    return KEY_WEIGHTS.get(key_kind(key), 1.0)


_TERM = re.compile(r"[^\W\d_]{4,}", re.U)
_TERM_STOP = set("""
that this with from have were been their which would there about after before other these those while
into over than then them they when where will said says also more most some such only very what your
told according during under since against between being could should because until among
""".split())


def terms(text: str) -> set[str]:
    """Distinct lowercase words of four letters or more, as the full-text index sees them."""
    return {w for w in (m.group(0).lower() for m in _TERM.finditer(text)) if w not in _TERM_STOP}
