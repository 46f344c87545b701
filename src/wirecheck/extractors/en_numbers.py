"""Quantities in English text: digits and number words, with their qualifier ("more than") and the
noun they count ("52 drones", "thousands of residents")."""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Document, FactType
from wirecheck.nlp.en_terms import NUMBER_WORDS, ORDINAL_NOUNS, ORDINAL_WORDS, SCALES, VAGUE_AMOUNTS
from wirecheck.person_nouns import person_noun
from wirecheck.registry import stage

_QUALIFIERS = ("more than", "less than", "fewer than", "at least", "up to", "as many as", "nearly", "almost",
               "about", "around", "roughly", "approximately", "some", "over", "under", "at most", "only",
               "just", "an estimated", "estimated")
_NUM = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Ages: "a 41-year-old", "the 26-year-old Irishman"; spaCy calls them DATE, but an age is a quantity.
_AGE = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]years?[\s-]old\b"
                  r"|\b(?:aged|age of)\s+(?P<n2>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b"
                  # "Keating, 21, was", "the former City man, 30, won": the wire style of giving an age
                  r"|(?<=[A-Za-z’'], )(?P<n3>\d{1,3})(?=, [a-z])", re.I)
# "the 70th anniversary", "his third visit": a count, when it numbers one of these nouns (unit ordinals
# and dates are facts of their own and are skipped).  Only nouns of a formal sequence count, so "the first
# such attack" is no fact; "for the first time" is skipped too.  Shared with Russian/Ukrainian.
_COUNT_ORDINALS = dict(ORDINAL_WORDS)
_ORDINAL = re.compile(r"\b(?:(?P<n>\d{1,4})(?:st|nd|rd|th)|(?P<w>" + "|".join(_COUNT_ORDINALS) + r"))\s+"
                      r"(?:(?:consecutive|straight|successive|official|state)\s+)?"
                      r"(?P<noun>" + "|".join(ORDINAL_NOUNS) + r")s?\b", re.I)
# A standing: "finished 13th", "ranked third in the league", "is 21st in Belgium's Pro League" (a place).
_STANDING = re.compile(r"\b(?:finish(?:ed|es)?|rank(?:ed|s)?|plac(?:ed|es)|came|come|comes|sit(?:s|ting)?|sat|lie(?:s)?|"
                       r"lay|stand(?:s)?|stood|(?:is|are|was|were|currently)(?:\s+currently)?)\s+"
                       r"(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>" + "|".join(_COUNT_ORDINALS) + r"))"
                       r"(?=\s+(?:in|on|of|out|with|after|behind|place|position)\b|[,.;])", re.I)
# Scores and small ranges written with a dash ("won 14-6", "3-2 win", "10-15 people"): both numbers are
# facts, whether the tokenizer kept "14-6" as one token or split it.
_PAIR = re.compile(r"(?<![\w.,£$€-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w,£$€%]|[.-]\d)")
# A number glued to the next sentence or item by missing spaces ("£2,980,815,The Lib Dems").
# A temperature written with its scale letter: "1.45C", "40F", "2.5°C" (one token to spaCy, not like_num).
_DEGREES = re.compile(r"^([-−]?\d+(?:\.\d+)?)°?[CF]$")
_GLUED = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=[,.;:][A-Z])")


def parse_value(words: list[str]) -> float | None:
    """'12,000' -> 12000; 'two' -> 2; '2.5 million' -> 2.5e6; 'tens of thousands' -> 20000 (vague)."""
    joined = " ".join(w.lower() for w in words)
    if joined in VAGUE_AMOUNTS:
        return float(VAGUE_AMOUNTS[joined])
    total = 0.0
    current: float | None = None
    for w in (w.lower() for w in words):
        if _NUM.match(w):
            current = float(w.replace(",", ""))
        elif w in NUMBER_WORDS:
            v = NUMBER_WORDS[w]
            current = (current or 0) * v if w == "hundred" and current else (current or 0) + v
        elif w in SCALES:
            current = (current if current is not None else 1.0) * SCALES[w]
            total += current
            current = None
        elif w in ("and", "a", "-"):
            continue
        else:
            return None
    if current is not None:
        total += current
    return total


def fmt_value(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


@stage("numbers.en", requires=["sentences", "spacy"], provides=["facts.number"], langs=["en"], order=50,
       after=["facts.unit", "facts.date"])
def numbers_en(doc: Document) -> Document:
    """CARDINAL/QUANTITY/MONEY/PERCENT numbers and vague amounts, outside dates and unit names."""
    sp = doc.extras["spacy"]
    facts = [(f.start, f.end) for f in doc.facts if f.type in (FactType.UNIT, FactType.DATE)]
    ents = [(e.start_char, e.end_char) for e in sp.ents if e.label_ in ("DATE", "TIME", "ORDINAL")]
    # spaCy often calls "14-6 half-time" a TIME: pairs give way to extracted facts only.
    ages = _ages(doc, facts) + _ordinals(doc, facts) + _identifiers(doc, facts)
    blocked = facts + ents + ages + _pairs(doc, facts + ages)
    i = 0
    toks = list(sp)
    while i < len(toks):
        tok = toks[i]
        low = tok.lower_
        glued = _GLUED.match(tok.text)
        if glued and not any(a <= tok.idx < b for a, b in blocked):
            value = parse_value([glued.group()])
            if value is not None:
                doc.add_fact(FactType.NUMBER, tok.idx, tok.idx + glued.end(), key=fmt_value(value),
                             extractor="numbers.en", confidence=0.9, value=value, approx=False)
            i += 1
            continue
        deg = _DEGREES.match(tok.text)
        if deg and not any(a <= tok.idx < b for a, b in blocked):
            # "1.45C above pre-industrial levels" is the source's "1.45 degrees Celsius": a count of degrees
            value = float(deg.group(1).replace("−", "-"))
            start = tok.idx
            deg_attrs: dict[str, Any] = {"value": value, "approx": False, "noun": "degree", "noun_text": "degrees"}
            before = doc.text[max(0, start - 20):start].lower()
            q = next((q for q in _QUALIFIERS if before.rstrip().endswith(q)), None)
            if q is not None:
                deg_attrs["qualifier"] = q
                start = doc.text.lower().rindex(q, 0, start)
            doc.add_fact(FactType.NUMBER, start, tok.idx + len(tok.text), key=fmt_value(value),
                         extractor="numbers.en", confidence=0.9, **deg_attrs)
            i += 1
            continue
        if _list_marker(doc.text, tok):
            i += 1
            continue
        is_num = tok.like_num or low in VAGUE_AMOUNTS or low in ("dozen",) or (
            low == "tens" and i + 2 < len(toks) and toks[i + 1].lower_ == "of"
            and toks[i + 2].lower_ in ("thousands", "millions"))  # "tens of thousands"
        if low == "many" and i > 0 and toks[i - 1].lower_ in ("how", "so", "too", "as", "not"):
            is_num = False  # "how many people are missing" asks; "many people" claims
        if not is_num or any(a <= tok.idx < b for a, b in blocked) or re.match(r"^\d+(st|nd|rd|th)$", low):
            i += 1
            continue
        if _YEAR.match(tok.text) and not (i + 1 < len(toks) and toks[i + 1].pos_ == "NOUN"):
            i += 1
            continue
        if _in_name(toks, i):
            i += 1
            continue
        j = i + 1
        # Extend over number words and scales: "2.5 million", "tens of thousands", "twenty-five".
        while j < len(toks) and (toks[j].like_num or toks[j].lower_ in SCALES or
                                 (toks[j].lower_ in VAGUE_AMOUNTS and toks[j - 1].lower_ == "of") or
                                 (toks[j].lower_ in ("of", "-") and j + 1 < len(toks) and
                                  toks[j + 1].lower_ in VAGUE_AMOUNTS | SCALES.keys())):
            j += 1
        words = [t.text for t in toks[i:j]]
        value = parse_value(words)
        if value is None:
            i = j
            continue
        start, end = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
        attrs: dict[str, Any] = {"value": value, "approx": low in VAGUE_AMOUNTS or low == "tens"}
        before = doc.text[max(0, start - 20):start].lower()
        for q in _QUALIFIERS:
            if before.rstrip().endswith(q):
                attrs["qualifier"] = q
                start = doc.text.lower().rindex(q, 0, start)
                break
        noun = _counted_noun(toks, i, j)
        if noun is not None:
            attrs["noun"] = counted_noun_key(noun)
            attrs["noun_text"] = noun.text
            end = max(end, noun.idx + len(noun.text))
        elif any(t.lemma_ == "age" for t in toks[max(0, i - 5):i]):
            attrs["noun"] = "year-old"  # "lowering the conscription age from 27 to 25": ages
        elif (sym := doc.text[max(0, start - 1):start]) in _SYMBOLS:
            # "$5 million" counts dollars as "5 million dollars" does, so "$5 billion" is the same slot.
            attrs["noun"] = _SYMBOLS[sym]
            attrs["noun_text"] = _SYMBOLS[sym] if _SYMBOLS[sym] == "yen" else _SYMBOLS[sym] + "s"
        if low in ("one", "a") and noun is None:
            i = j
            continue
        doc.add_fact(FactType.NUMBER, start, end, key=fmt_value(value), extractor="numbers.en",
                     confidence=0.7 if attrs["approx"] else 0.95, **attrs)
        i = j
    _rate_points(doc)
    return doc


def _in_name(toks: list[Any], i: int) -> bool:
    """A spelled number capitalised inside a sentence, beside another capitalised word, is part of a
    name ("Six Flags Discovery Kingdom", "the Fantastic Four"), not a count; a headline in title case
    ("Shelling Kills Three Civilians") capitalises every word, so it is left alone."""
    tok = toks[i]
    if not (tok.is_alpha and tok.text[:1].isupper()) or tok.is_sent_start:
        return False
    near = [toks[k] for k in (i - 1, i + 1) if 0 <= k < len(toks)]
    if not any(t.is_alpha and t.text[:1].isupper() and not t.is_sent_start for t in near):
        return False
    sent = [t for t in tok.sent if t.is_alpha and not t.is_stop]
    return sum(t.text[:1].isupper() for t in sent) < 0.6 * len(sent)


# "100 basis points" = "a full percentage point" = "1 percentage point": rate moves in one measure.
_BASIS = re.compile(r"^[\s-]*(?:basis[\s-]points?|bps?)\b", re.I)
_PCT_POINT = re.compile(r"^[\s-]*percentage[\s-]points?\b", re.I)
_WORD_POINTS = re.compile(r"\b(?P<n>a quarter of a|three quarters of a|half a|a half|a full|a|one)\s+"
                          r"(?:full\s+)?percentage[\s-]point\b", re.I)
_WORD_POINT_VALUES = {"a quarter of a": 0.25, "three quarters of a": 0.75, "half a": 0.5, "a half": 0.5}


def _rate_points(doc: Document) -> None:
    """Basis points and percentage points as one quantity, in percentage points."""
    taken = []
    for f in doc.facts:
        if f.type is not FactType.NUMBER or f.attrs.get("value") is None:
            continue
        tail = doc.text[f.end:f.end + 25]
        head = doc.text[f.start:f.end]
        basis = _BASIS.match(tail) or re.search(r"\b(?:basis points?|bps?)$", head, re.I)
        pct = _PCT_POINT.match(tail) or re.search(r"\bpercentage points?$", head, re.I)
        if not (basis or pct):
            continue
        value = float(f.attrs["value"]) / (100 if basis else 1)
        f.attrs.update(value=value, noun="percentage point", noun_text="percentage points")
        f.key = fmt_value(value)
        taken.append((f.start, f.end))
    for m in _WORD_POINTS.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in taken) or any(
                f.type is FactType.NUMBER and f.start < m.end() and m.start() < f.end for f in doc.facts):
            continue
        value = _WORD_POINT_VALUES.get(m.group("n").lower(), 1.0)
        doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=fmt_value(value), extractor="numbers.en",
                     confidence=0.9, value=value, approx=False, noun="percentage point",
                     noun_text="percentage point")


def _ages(doc: Document, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ages as numbers counting 'year-old', so '39-year-old' for '41-year-old' is a changed number."""
    out: list[tuple[int, int]] = []
    for m in _AGE.finditer(doc.text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        value = parse_value((m.group("n") or m.group("n2") or m.group("n3")).replace("-", " ").split())
        if value is None or not 0 < value < 130:
            continue
        out.append((m.start(), m.end()))
        # "a 45-year-old man": who is that old, when the next word says (a woman for a man is a change).
        nxt = re.match(r"\s+([a-z]+)", doc.text[m.end():m.end() + 30])
        person = nxt.group(1) if nxt and person_noun(nxt.group(1)) else None
        doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=fmt_value(value), extractor="numbers.en",
                     confidence=0.9, value=value, approx=False, noun="year-old", noun_text="year-old",
                     person=person)
    return out


def _ordinals(doc: Document, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _STANDING.finditer(doc.text):
        a, b = m.start("n") if m.group("n") else m.start("w"), m.end()
        if any(x < b and a < y for x, y in blocked + out):
            continue
        value = float(m.group("n") or _COUNT_ORDINALS[m.group("w").lower()])
        doc.add_fact(FactType.NUMBER, a, b, key=fmt_value(value), extractor="numbers.en", confidence=0.85,
                     value=value, approx=False, noun="place", noun_text="place", ordinal=True)
        out.append((a, b))
    for m in _ORDINAL.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in blocked + out):
            continue
        value = float(m.group("n") or _COUNT_ORDINALS[m.group("w").lower()])
        noun = ORDINAL_NOUNS[m.group("noun").lower()]
        if value == 1 and noun == "time":
            continue  # "for the first time" is a manner of speaking far more often than a count
        doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=fmt_value(value), extractor="numbers.en",
                     confidence=0.9, value=value, approx=False, noun=noun, noun_text=noun, ordinal=True)
        out.append((m.start(), m.end()))
    return out


# "bill No. 10242", "Resolution #2231": a number that names a document, not an amount (spaCy calls it a DATE).
_IDENT = re.compile(r"\b(?:No\.?|Nos?\.|Number|#)\s?(?P<n>\d{1,7})\b")


def _identifiers(doc: Document, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _IDENT.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        value = float(m.group("n"))
        doc.add_fact(FactType.NUMBER, m.start(), m.end(), key=fmt_value(value), extractor="numbers.en",
                     confidence=0.9, value=value, approx=False, noun="no.", noun_text="No.")
        out.append((m.start(), m.end()))
    return out


def _pairs(doc: Document, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Both numbers of '14-6' (a score or range), each counting the noun after the pair if any."""
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        after = re.match(r"\s*([a-z]+)", doc.text[m.end():m.end() + 20])
        noun = after.group(1) if after and after.group(1) not in _NOT_NOUNS else None
        for g in ("a", "b"):
            value = float(m.group(g))
            extra = {"noun": noun, "noun_text": noun} if noun else {}
            doc.add_fact(FactType.NUMBER, m.start(g), m.end(g), key=fmt_value(value), extractor="numbers.en",
                         confidence=0.9, value=value, approx=False, pair=m.group(), **extra)
        out.append((m.start(), m.end()))
    return out


_NOT_NOUNS = frozenset({"in", "at", "on", "to", "for", "with", "and", "or", "but", "the", "a", "an", "after",
                        "before", "by", "of", "from", "as", "when", "while", "lead", "win", "victory", "defeat",
                        "loss", "draw", "score", "scoreline"})


def _list_marker(text: str, tok: Any) -> bool:
    """'1.' or '2)' opening a line: an item number, not a quantity."""
    line_start = text.rfind("\n", 0, tok.idx) + 1
    if text[line_start:tok.idx].strip():
        return False
    return text[tok.idx + len(tok.text): tok.idx + len(tok.text) + 1] in (".", ")") or \
        bool(re.match(r"^\d+[.)]$", tok.text))


# Words a rewrite uses interchangeably for what is counted, reduced to the form the RU/UK term table
# gives (data/terms_ru_uk_en.tsv: военнослужащий -> soldier, БПЛА -> drone), so "up to 470 soldiers" and
# "up to 740 servicemen" are the same count with another value.
_NOUN_FAMILY = {
    "serviceman": "soldier", "servicemen": "soldier", "servicemember": "soldier", "troop": "soldier",
    "personnel": "soldier", "uav": "drone", "quadcopter": "drone", "person": "people", "home": "house",
    "kilometre": "kilometer", "km": "kilometer", "casualty": "casualty", "kid": "child",
    "rouble": "ruble", "hryvna": "hryvnia", "grivna": "hryvnia", "mp": "lawmaker", "legislator": "lawmaker",
    "deputy": "lawmaker", "parliamentarian": "lawmaker", "story": "storey", "metre": "meter",
}


def counted_noun_key(noun: Any) -> str:
    """The comparable form of a counted noun: its lemma, with synonyms merged; "artillery pieces" are
    guns (a bare "piece" says nothing)."""
    lemma = str(noun.lemma_).lower()
    if noun.lower_ in _CURRENCIES:  # by its spelling: spaCy lemmatises "won" as "win"
        lemma = "real" if noun.lower_ == "reais" else noun.lower_.removesuffix("s")
    if lemma == "piece" and any(c.lower_ == "artillery" for c in noun.children):
        return "gun"
    return _NOUN_FAMILY.get(lemma, lemma)


# Currencies named after an amount; "won" and "pound" also parse as verbs ("4.6 trillion won analysts").
_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₴": "hryvnia", "₽": "ruble", "₹": "rupee"}
_CURRENCIES = frozenset("""won yen yuan renminbi rupee rupees rupiah ringgit baht peso pesos real reais rand lira
euro euros dollar dollars pound pounds franc francs ruble rubles rouble roubles hryvnia hryvnias shekel shekels
dirham dirhams riyal riyals naira""".split())


def _counted_noun(toks: list[Any], i: int, j: int) -> Any:
    head = toks[j - 1].head
    if j < len(toks) and toks[j].lower_ in _CURRENCIES:
        return toks[j]
    if toks[j - 1].dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN"):
        return head
    for k in range(j, min(j + 4, len(toks))):
        if toks[k].pos_ in ("NOUN", "PROPN"):
            return toks[k]
        if toks[k].pos_ in ("VERB", "AUX", "PUNCT", "SPACE") or "\n" in toks[k].text or (
                toks[k].pos_ == "ADP" and toks[k].lower_ != "of"):
            break  # "from 27 to 23 in its second reading": the noun after "in" is not what 23 counts
    return None
