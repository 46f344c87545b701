"""Claims the story makes that the source does not: whole sentences with no source counterpart, and
checkable details (a place, number, person, duration ...) added inside otherwise faithful sentences."""

from __future__ import annotations

import re

from wirecheck.checks._common import claim_span, matches, sentence_span
from wirecheck.extractors.en_people import is_headline
from wirecheck.gazetteer.seats import seat_country
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding, Verdict
from wirecheck.nlp.en_terms import NUMBER_WORDS, ORDINAL_WORDS, SCALES, TITLES
from wirecheck.registry import check

CHECKABLE = (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION, FactType.UNIT, FactType.NUMBER,
             FactType.QUOTE, FactType.DATE)
# A writer's remark about the text itself ("Here is a concise summary of the article:", "The passage
# mentions three topics:") is not a claim about the world; any checkable detail in it still is.
# Nouns that in a summary can only mean the text being summarised ("the report" or "the document" may
# well be one the story is about).
_TEXT_NOUNS = r"(?:passage|article|text|summary|excerpt)"
_META = re.compile(r"^\s*(?:it(?:'s| is) (?:important|worth) (?:to note|noting) that )?(?:here(?:'s| is| are)\b[^.]{0,60}\b(?:summary|rewrite|version|article|story|text|"
                   r"passage|points)|(?:the|this) (?:passage|article|text|story|report) (?:describes|discusses|"
                   r"reports|is about|covers|highlights)|in summary\b|to summari[sz]e\b|"
                   r"(?:the|this) (?:provided |given |above |original )?" + _TEXT_NOUNS +
                   r"(?: provided| given| above)? (?:describes|discusses|is about|covers|highlights|mentions|contains|provides|presents|appears|seems|includes|"
                   r"lists|focuses|talks|outlines|details|consists|refers|does not|doesn't)|"
                   r"based on the (?:provided |given |above )?" + _TEXT_NOUNS + r"\b|"
                   r"there (?:is|was) no " + _TEXT_NOUNS + r"\b|(?:however, )?if i were to\b)", re.I)
_ROLE_WORDS = {w for t in TITLES for w in t.split()} | {"leader", "member", "head", "deputy"}
PHRASE_TYPES = (FactType.PLACE, FactType.NUMBER, FactType.PERSON, FactType.UNIT, FactType.ORGANIZATION,
                FactType.DATE)


@check("added-claims", kinds=[FindingKind.ADDED_CLAIM], requires=["matches"], order=85)
def added_claims(comp: Comparison) -> None:
    """Unaligned story sentences and added facts inside aligned ones."""
    story = comp.story
    unaligned = {a.story for a in comp.alignments if not a.source}
    quotes = [(f.start, f.end) for f in story.facts if f.type is FactType.QUOTE]
    headlines: set[int] = set()
    for i in sorted(unaligned):
        sent = story.sentences[i]
        facts = [f for f in story.facts_in(i) if f.type in CHECKABLE]
        if is_headline(sent.text) or _META.match(sent.text) or sent.text.rstrip().endswith(":"):
            # A headline summarises and a remark about the text (or a line introducing a list) frames
            # it: only their added details are reported, below.
            headlines.add(i)
            continue
        if len(sent.text.split()) < 4:
            continue
        quoted = sum(min(b, sent.end) - max(a, sent.start) for a, b in quotes if a < sent.end and sent.start < b)
        if quoted > 0.5 * len(sent.text):
            continue  # a sentence that is mostly a quote: the quote checks report it
        named = sorted({f.text for f in facts if f.type is not FactType.DATE})
        new_words = comp.extras.get("novel_words_by_sentence", {}).get(i)
        if not named and new_words is not None and len(new_words) <= 1:
            # Every content word (but one) is the source's: a sentence that restates or combines source
            # sentences in other words, not an invention.  Kept as a weak finding for the reader.
            comp.add(Finding(FindingKind.ADDED_CLAIM, "No single source sentence matches this one, but its "
                             "words all occur in the source: probably a paraphrase combining several "
                             "sentences; check that it keeps their meaning.", story=sentence_span(story, i),
                             rule="sentence.unaligned-paraphrase", confidence=0.35))
            continue
        if named:
            msg = ("Nothing in the source supports this sentence; it adds checkable details: "
                   + ", ".join(named[:6]) + ".")
            conf = 0.9
        else:
            msg = "Nothing in the source supports this sentence (added context or commentary)."
            conf = 0.6
        comp.add(Finding(FindingKind.ADDED_CLAIM, msg, story=sentence_span(story, i), rule="sentence.unaligned",
                         confidence=conf))
    conversions = unit_conversions(comp)
    _appositives(comp, unaligned, conversions)
    _added_events(comp, unaligned, quotes)
    for m in matches(comp):
        f = m.story
        if f is None or m.status is not Verdict.ADDED or f.type not in PHRASE_TYPES:
            continue
        if f.sentence in unaligned and f.sentence not in headlines:
            continue
        if f.sentence in headlines and any(g.type is f.type and g.key == f.key and g.sentence not in headlines
                                           for g in story.facts):
            continue  # a headline repeating the body's figure: the body's finding, if any, covers it
        if any(a <= f.start < b for a, b in quotes):
            continue  # inside a quote: the quote checks judge it
        if f.type is FactType.DATE and f.attrs.get("kind") not in ("duration", "absolute", "year"):
            continue  # "on Thursday", "overnight": usually derivable from the dateline; not a claim
        if f.type is FactType.PLACE and f.attrs.get("level") == "country":
            continue
        if f.type is FactType.PLACE and _capital_acting_for_named_country(f, comp):
            continue
        if _seat_acting_for_named_country(f, comp):
            continue
        if _restated(comp, f):
            continue
        if f.type is FactType.NUMBER and _anaphoric_count(story.text, f.start, f.text, f.attrs.get("value")):
            continue
        if f.type is FactType.NUMBER and _vague_amount_in_source(comp, f):
            continue
        if f.id in conversions:
            continue
        span = claim_span(story, f)
        conf = 0.75 * f.confidence
        at = _name_in_source(comp, f)
        if at is not None and comp.source is not None:
            j = comp.source.sentence_at(at)
            if any(j in a.source for a in comp.alignments if a.story == f.sentence):
                continue  # named in the very sentence the story's was written from
            # Named elsewhere in the source: what the story attaches to the name is what is new.
            comp.add(Finding(FindingKind.ADDED_CLAIM,
                             f"The source names '{f.text}' only elsewhere, in a sentence that says something "
                             "else; what the story says of it here is new.",
                             story=span, source=sentence_span(comp.source, j), rule=f"context:{f.type.value}",
                             confidence=round(0.8 * conf, 3), story_fact=f.id))
            continue
        if f.type is FactType.NUMBER and float(f.attrs.get("value") or 0) <= 3 and not f.text[:1].isdigit() \
                and not _counted_otherwise(comp, f):
            conf *= 0.5  # "two films", "both sides": usually counted from what the source lists
        comp.add(Finding(FindingKind.ADDED_CLAIM,
                         f"The source has no {f.type.value} '{f.text}' here or anywhere else; "
                         "the story adds it.",
                         story=span, rule=f"fact.added:{f.type.value}", confidence=round(conf, 3),
                         story_fact=f.id))


# The span of figures a plural amount word stands for: "millions" is anything from one to 999 million.
_MAGNITUDES = {"dozens": (20, 100), "scores": (20, 100), "hundreds": (100, 1e3), "thousands": (1e3, 1e6),
               "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6), "millions": (1e6, 1e9)}


def _vague_amount_in_source(comp: Comparison, f: Fact) -> bool:
    """"would cost millions" where the source puts the cost at £3.35 million to £4.5 million: a plural
    amount word states only an order of magnitude, which a source figure of that size (of the same thing,
    when both say what they count) supports."""
    span = _MAGNITUDES.get(f.text.lower().strip())
    if span is None or comp.source is None:
        return False
    noun = f.attrs.get("noun")
    return any(span[0] <= float(g.attrs.get("value") or 0) < span[1]
               and (not noun or not g.attrs.get("noun") or g.attrs.get("noun") == noun)
               for g in comp.source.facts_of(FactType.NUMBER))


def _capital_acting_for_named_country(f: Fact, comp: Comparison) -> bool:
    """"Kyiv's forces", "Moscow said" where the source speaks of Ukrainian forces or Russia: the capital
    stands for its state, which the source names by its name or adjective."""
    cc = f.attrs.get("country_code")
    if not f.attrs.get("actor") or not cc or f.attrs.get("level") != "settlement":
        return False
    from wirecheck.gazetteer import get

    gz = get()
    place = gz.by_id(int(f.attrs["geonameid"])) if f.attrs.get("geonameid") else None
    if place is None or not gz.is_capital(place):
        return False
    return _country_named_in_source(comp, str(cc), f.text)


def _seat_acting_for_named_country(f: Fact, comp: Comparison) -> bool:
    """"Kremlin spokesman Dmitry Peskov" where the source has «пресс-секретарь президента РФ»: the seat of
    government stands for its state, which the source names."""
    if f.type is not FactType.ORGANIZATION:
        return False
    cc = seat_country(f.key)
    return cc is not None and _country_named_in_source(comp, cc, f.text)


def _country_named_in_source(comp: Comparison, cc: str, own: str) -> bool:
    """The source names country ``cc`` as a place or by its adjective (a word not starting with ``own``,
    the story's word standing for it)."""
    from wirecheck.gazetteer import get

    gz = get()
    if gz.country(cc) is None:
        return False
    assert comp.source is not None
    if any(g.type is FactType.PLACE and g.attrs.get("country_code") == cc and g.attrs.get("level") == "country"
           for g in comp.source.facts):
        return True
    words = re.findall(r"[A-ZА-ЯІЇЄҐ][\w'’-]+", comp.source.text)
    return gz.names_country({w for w in words if not w.lower().startswith(own.lower())}, cc)


_WORDS_FOR = {v: [w for w, x in {**NUMBER_WORDS, **ORDINAL_WORDS}.items() if x == v and " " not in w]
              for v in range(4, 13)}


def _number_forms(value: float) -> list[str]:
    """Patterns for how a text may write ``value``: digits (with or without thousands commas), a scaled
    mantissa ('6 million', '£6m'), and for 4..12 the cardinal and ordinal words ('six', 'sixth', '6th')."""
    forms = []
    if value == int(value):
        n = int(value)
        forms += [re.escape(f"{n:,}"), re.escape(str(n)) + r"(?:st|nd|rd|th)?"]
    else:
        forms.append(re.escape(f"{value:g}"))
    for word, scale in SCALES.items():
        if scale >= 1e3 and value >= scale and value % (scale / 10) == 0:
            forms.append(re.escape(f"{value / scale:g}") + r"\s?" + re.escape(word))
    out = [r"(?<![\d.,])" + f + r"(?![\d]|[.,]\d)" for f in forms]
    if value == int(value) and int(value) in _WORDS_FOR:
        out += [r"\b" + w + r"\b" for w in _WORDS_FOR[int(value)]]
    return out


def _number_in_source(comp: Comparison, f: Fact) -> bool:
    """The source writes this value where its extractor found no number ('collected his sixth' for
    'six-time', '5.68 m' for '5.68 meters'): the story restates it rather than adding it.  Values under 4
    are too common in running text to tell, and a match inside one of the source's dates does not count."""
    assert comp.source is not None
    try:
        value = float(str(f.attrs.get("value")))
    except ValueError:
        return False
    if value < 4:
        return False
    dates = [(g.start, g.end) for g in comp.source.facts_of(FactType.DATE)]
    text = comp.source.text
    return any(not any(a <= m.start() < b for a, b in dates)
               for rx in _number_forms(value) for m in re.finditer(rx, text, re.I))


def _restated(comp: Comparison, f: Fact) -> bool:
    """An unmatched story fact that only restates the source: a number it writes in words or where its
    extractor found none, a region the gazetteer puts one of its places in."""
    if f.type is FactType.NUMBER:
        return _number_in_source(comp, f)
    return f.type is FactType.PLACE and (_region_of_named_place(comp, f) or _place_adjective_in_source(comp, f))


# A Russian/Ukrainian place adjective in Latin letters: the name's stem, then -sk-/-tsk- and an ending
# (Zaporozhskoy, Kharkivskoi, Donetskoy).
_CYR_ADJECTIVE = re.compile(r"(?P<stem>[a-z]{4,}?)(?:s|ts|c)?k(?:[aeiouy][a-z]{0,3})$")


def _place_adjective_in_source(comp: Comparison, f: Fact) -> bool:
    """A Russian or Ukrainian source may name the story's place only by its adjective in the name of
    something else («Запорожской АЭС» for "the Zaporizhzhia nuclear power plant", «Курской АЭС»): the
    story names it, it does not add it."""
    src = comp.source
    gid = f.attrs.get("geonameid")
    if src is None or src.lang not in ("ru", "uk") or not gid:
        return False
    from wirecheck.gazetteer import get, name_key

    places = [(g.start, g.end) for g in src.facts_of(FactType.PLACE)]
    stems = set()
    for m in re.finditer(r"(?<!\w)[А-ЯІЇЄҐ][а-яіїєґё'’]+", src.text):
        if any(a <= m.start() < b for a, b in places):
            continue  # a place fact already: matched (or not) as itself
        a = _CYR_ADJECTIVE.fullmatch(name_key(m.group()))
        if a:
            stems.add(a.group("stem"))
    if not stems:
        return False
    names = {k.split()[0] for k, _ in get().names_of(int(gid)) if k}
    return any(len(n) >= 4 and n.startswith(st) and len(n) - len(st) <= 3 for n in names for st in stems)


def _name_in_source(comp: Comparison, f: Fact) -> int | None:
    """Where the source writes the very name of an unmatched person or organisation (its tagger typed it
    otherwise: "Nicola Sturgeon's" read as an organisation in the story, a person in the source; an
    organisation's words may come in another case), or None."""
    if comp.source is None or comp.source.lang != comp.story.lang or \
            f.type not in (FactType.PERSON, FactType.ORGANIZATION):
        return None
    name = re.sub(r"[’']s$", "", f.text.strip())
    if len(name) < 4 or " " not in name and f.type is FactType.ORGANIZATION:
        return None
    # A person's name of several words is the same in any case ("J.R.R. tolkien" in a lower-cased report).
    flags = re.I if f.type is FactType.ORGANIZATION or " " in name else 0
    m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", comp.source.text, flags)
    return m.start() if m else None


# The name a region qualifies: "Eugene, Oregon", "Eugene in Oregon", "Kramatorsk in the Donetsk region".
_QUALIFIED = re.compile(r"((?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*)(?:,\s*|\s+in\s+(?:the\s+)?(?:state\s+of\s+)?)$")


def _region_of_named_place(comp: Comparison, f: Fact) -> bool:
    """A region the gazetteer puts a place of the source in ('Eugene, Oregon' for the source's 'Eugene')
    adds reference knowledge, not a claim; the place-region check says when it is wrong."""
    if f.attrs.get("level") != "region" or comp.source is None:
        return False
    from wirecheck.gazetteer import get
    from wirecheck.resolvers.places import candidates_for

    gz = get()
    regions = [c for c in candidates_for(f, gz) if c.level == "region"]
    if not regions:
        return False
    places = [c for g in comp.source.facts_of(FactType.PLACE) if g.attrs.get("geonameid")
              and g.attrs.get("level") in ("settlement", "district")
              for c in candidates_for(g, gz) if str(c.id) == str(g.attrs["geonameid"])]
    m = _QUALIFIED.search(comp.story.text[max(0, f.start - 60):f.start])
    if m and re.search(r"(?<!\w)" + re.escape(m.group(1)) + r"(?!\w)", comp.source.text):
        # The qualified name stands in the source even if its tagger took it for a person ("Eugene").
        places += [c for c in gz.lookup(m.group(1), sound=False) if c.level in ("settlement", "district")]
    return any(gz.contains(r, p) for r in regions for p in places)


# Events that are claims in themselves: somebody died, was hurt, went missing, was arrested, charged,
# convicted or sentenced.  Classes whose verbs have everyday senses ('lost' a match, 'released' an album,
# 'took' a decision) or that a rewrite rewords freely (strikes, approvals) are left out.
CLAIM_EVENTS = frozenset({"kill", "wound", "missing", "arrest", "charge", "convict", "acquit", "pardon",
                          "death sentence", "life sentence", "prison term"})


def _added_events(comp: Comparison, unaligned: set[int], quotes: list[tuple[int, int]]) -> None:
    """'killing staff and patients' where the source only says the gunmen opened fire: an event of a class
    the source never reports, in a sentence that otherwise has a source counterpart."""
    assert comp.source is not None
    if comp.story.lang != comp.source.lang:
        return  # Russian/Ukrainian term tables cover fewer verbs: absence there proves less
    told = {g.key for g in comp.source.facts_of(FactType.EVENT)}
    seen: set[str] = set()
    for m in matches(comp):
        f = m.story
        if (f is None or f.type is not FactType.EVENT or m.status is not Verdict.ADDED or f.key not in CLAIM_EVENTS
                or f.key in told or f.key in seen or f.attrs.get("negated") or f.sentence in unaligned
                or any(a <= f.start < b for a, b in quotes)):
            continue
        seen.add(f.key)
        comp.add(Finding(FindingKind.ADDED_CLAIM,
                         f"The story says '{f.text}' ({f.key}); the source reports no such event anywhere.",
                         story=claim_span(comp.story, f), rule="event.added", confidence=0.6, story_fact=f.id))


# Units a writer converts in brackets ("10 km (6 miles)"): factor from the first to the second.
_CONVERSIONS = {("kilometer", "mile"): 0.6214, ("meter", "foot"): 3.281, ("metre", "foot"): 3.281,
                ("kilogram", "pound"): 2.205, ("hectare", "acre"): 2.471, ("centimeter", "inch"): 0.3937,
                ("centimetre", "inch"): 0.3937, ("liter", "gallon"): 0.2642, ("litre", "gallon"): 0.2642,
                ("square kilometer", "square mile"): 0.3861}
_UNIT_WORDS = {"km": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer", "kilometers": "kilometer",
               "miles": "mile", "m": "meter", "meters": "meter", "metres": "meter", "feet": "foot", "ft": "foot",
               "kg": "kilogram", "kilograms": "kilogram", "pounds": "pound", "lb": "pound", "lbs": "pound",
               "hectares": "hectare", "acres": "acre", "cm": "centimeter", "inches": "inch", "liters": "liter",
               "litres": "liter", "gallons": "gallon"}


def _unit(f: Fact, text: str) -> str:
    word = str(f.attrs.get("noun_text") or f.attrs.get("noun") or "").lower()
    if not word:
        m = re.match(r"\s*([a-z]+)", text[f.end:f.end + 12].lower())
        word = m.group(1) if m else ""
    return _UNIT_WORDS.get(word, word)


def unit_conversions(comp: Comparison) -> set[str]:
    """Ids of story numbers that only restate the number before them in other units, in brackets:
    '10 km (6 miles)' adds no claim when 10 km is about 6 miles."""
    text = comp.story.text
    nums = sorted((f for f in comp.story.facts if f.type is FactType.NUMBER and f.attrs.get("value") is not None),
                  key=lambda f: f.start)
    out: set[str] = set()
    for a, b in zip(nums, nums[1:], strict=False):
        between = text[a.end:b.start]
        if not re.fullmatch(r"\s*(?:[a-zA-Z]+\s*)?\(\s*(?:about|some|around|roughly|nearly)?\s*[$€£¥₴₽]?",
                            between):
            continue
        ua, ub = _unit(a, text), _unit(b, text)
        va, vb = float(a.attrs["value"]), float(b.attrs["value"])
        factor = _CONVERSIONS.get((ua, ub)) or (1 / _CONVERSIONS[(ub, ua)] if (ub, ua) in _CONVERSIONS else None)
        if factor and va > 0 and abs(va * factor - vb) <= 0.15 * va * factor + 0.5:
            out.add(b.id)
            continue
        # "2 million euros ($2.2 million)": an editor's conversion into another currency.  There is no
        # offline exchange rate to check it against, so only an absurd ratio keeps it a claim.
        ca, cb = _currency(a, text), _currency(b, text)
        if ca and cb and ca != cb and va > 0 and 0.001 <= vb / va <= 1000:
            out.add(b.id)
    return out


_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₴": "hryvnia", "₽": "ruble"}
_CURRENCIES = {"dollar", "euro", "yen", "ruble", "rouble", "hryvnia", "hryvnias", "real", "reais", "yuan",
               "rupee", "franc", "lira", "rand", "peso", "won", "zloty", "krona", "krone", "shekel", "dirham",
               "riyal", "naira", "shilling"}


def _currency(f: Fact, text: str) -> str:
    """The currency of an amount ('$2.2 million', '2 million euros'), or '' when it is not money."""
    before = text[max(0, f.start - 2):f.start].strip()
    if before[-1:] in _SYMBOLS:
        return _SYMBOLS[before[-1]]
    if text[f.start:f.start + 1] in _SYMBOLS:
        return _SYMBOLS[text[f.start]]
    word = str(f.attrs.get("noun") or "").lower()
    if word in _CURRENCIES:
        return word.rstrip("s") if word not in ("reais",) else "real"
    m = re.match(r"\s*(?:million|billion|thousand|bn|m)?\s*([a-z]+)", text[f.end:f.end + 24].lower())
    if m and m.group(1) in _CURRENCIES:
        return m.group(1)
    if m and m.group(1) == "pounds" and "£" in text[max(0, f.start - 3):f.start]:
        return "pound"
    return ""


def _counted_otherwise(comp: Comparison, f: Fact) -> bool:
    """The source counts the very thing the story's small count counts, with other values ("had three
    children" where the source gives two children twice): not a count of what the source lists."""
    noun = f.attrs.get("noun")
    if not noun or comp.source is None or float(f.attrs.get("value") or 0) < 2:
        return False  # "one game in seven": one of the things the source counts
    return any(g.attrs.get("noun") == noun for g in comp.source.facts_of(FactType.NUMBER))


def _anaphoric_count(text: str, start: int, words: str, value: object) -> bool:
    """'the two sides', 'the three men': a small count with a definite article refers back to parties the
    text has already named (the source's 'the warring parties'); it adds no number of its own."""
    try:
        small = float(str(value)) <= 3
    except ValueError:
        return False
    return small and not words[:1].isdigit() and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I) is not None


def _appositives(comp: Comparison, unaligned: set[int], conversions: set[str]) -> None:
    """'Sevsk, a key settlement in the Kharkiv region': a description the story attaches to a name is a
    claim of its own; when a fact inside it is not supported, the whole description is reported."""
    story = comp.story
    sp = story.extras.get("spacy")
    if sp is None:
        return
    status = {m.story.id: m.status for m in matches(comp) if m.story is not None}
    for tok in sp:
        if tok.dep_ != "appos" or story.sentence_at(tok.idx) in unaligned:
            continue
        sub = list(tok.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        if tok.lemma_.lower() in _ROLE_WORDS:
            continue  # "the commander of the 6th Brigade": a role, whose facts are checked one by one
        inner = [f for f in story.facts if start <= f.start and f.end <= end and f.id in status]
        # Added details, or a changed region ("in the Kharkiv region"): the description itself is new.
        bad = [f for f in inner if status[f.id] is Verdict.ADDED and f.type in PHRASE_TYPES
               and f.id not in conversions and not _restated(comp, f)
               or status[f.id] is Verdict.CHANGED and f.type is FactType.PLACE and f.attrs.get("level") == "region"]
        if not bad or end - start > 160:
            continue
        text = story.text[start:end]
        comp.add(Finding(FindingKind.ADDED_CLAIM,
                         f"The story describes it as '{text}'; the source says no such thing about it.",
                         story=story.span(start, end), rule="appositive.unsupported",
                         confidence=0.7, story_fact=bad[0].id))
