"""Place mentions in English text: region phrases, a gazetteer matcher and spaCy GPE/LOC/FAC entities.

The small spaCy model tags Slavic town names as PERSON or ORG ("Kramatorsk", "Sloviansk") and misses
"DPR", so capitalised word runs are also matched against the gazetteer, longest first.  Matching stays
precise: a run must start with a capital, a lone word must look like a proper noun (or be tagged as an
entity), and words inside a longer person or organisation name are left alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wirecheck.gazetteer.seats import seat_country
from wirecheck.model import Document, FactType
from wirecheck.nlp.english import entity_span
from wirecheck.registry import stage
from wirecheck.textnorm import normalise_apostrophes, place_key

EXTRACTOR = "places.en"
MAX_WORDS = 5

# "the Kharkiv region", "Donetsk Oblast", "Metcalfe County", "the Donetsk and Luhansk regions".
_TYPE = (r"(?:region|regions|oblast|oblasts|Oblast|Oblasts|Region|province|Province|krai|Krai|"
         r"governorate|Governorate|raion|Raion|district|District|County|county|Parish|parish)")
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
# "the Kursk, Voronezh and Lipetsk regions": each name of a list before a plural type word is one.
_REGION_PHRASE = re.compile(rf"\b(?P<a>{_NAME})(?P<more>(?:,\s+{_NAME})*)(?:,?\s+and\s+(?P<b>{_NAME}))?"
                            rf"\s+(?P<type>{_TYPE})\b")
# "the eastern Spanish region of Valencia", "the province of Alberta": the name after the type word.
_REGION_OF = re.compile(rf"\b(?P<type>region|province|oblast|governorate|district|county)\s+of\s+(?:the\s+)?"
                        rf"(?P<a>{_NAME})")
_REGION_TYPES = {"region", "oblast", "province", "krai", "governorate"}
_DISTRICT_TYPES = {"raion", "district", "county", "parish"}

# Words that open a person's name; a place-like word after them is a surname.
_PERSON_CUES = {"mr", "mrs", "ms", "dr", "colonel", "col", "general", "gen", "major", "maj", "captain",
                "capt", "lieutenant", "lt", "sergeant", "sgt", "president", "minister", "senator", "sen",
                "governor", "gov", "mayor", "judge", "king", "queen", "prince", "pope", "saint", "st",
                "commander", "admiral", "chief", "rep", "representative", "officer", "deputy", "sir",
                "lord", "father", "rev", "reverend"}
_CONNECTORS = {"of", "de", "la", "le", "du", "upon", "on", "-", "'s", "’s", "del", "am", "an", "der"}
_ENT_PLACE = {"GPE", "LOC", "FAC"}
_NOT_PLACE = {"DATE", "TIME", "MONEY", "PERCENT"}


@dataclass
class Mention:
    start: int
    end: int
    name: str
    level: str = ""  # a level stated by the words themselves ("region", "district"), else ""
    source: str = ""  # what found it: region-phrase, gazetteer, spacy, demonym
    demonym: bool = False


# Words too generic to be a place on their own, whatever a GeoNames region happens to be called.
_GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
            "center", "gulf", "coast", "region", "capital", "island", "islands", "lakes", "mountains", "valley",
            "river", "sea", "bay", "upper", "lower", "middle", "interior", "highlands", "border", "federal",
            "national", "territory", "district", "city", "town", "state", "province", "metropolitan",
            "northwest", "northeast", "southwest", "southeast", "far", "coastal", "frontier"}


_ORG_NOUNS = {"fleet", "army", "forces", "command", "brigade", "regiment", "navy", "ministry", "council",
              "guard", "guards", "group", "corps", "division", "battalion", "flotilla", "front", "force"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words of the spaCy model's own vocabulary as shipped.

    Read from the package, not from ``nlp.vocab``: the live string store also holds every word of
    every text parsed so far, the towns included.
    """
    import json

    import spacy.util

    from wirecheck.nlp.english import MODEL

    try:
        root = spacy.util.get_package_path(MODEL)
        path = next(root.glob("*/vocab/strings.json"), None) or next(root.glob("vocab/strings.json"))
        words = json.loads(path.read_text(encoding="utf-8"))
    except (StopIteration, OSError, ValueError):
        return frozenset()
    return frozenset(w for w in words if isinstance(w, str) and w.isalpha() and w.islower())


def _gz() -> Any:
    from wirecheck.gazetteer import get

    return get()


def _clean(name: str) -> str:
    name = normalise_apostrophes(name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name)


_LOCATIVE = frozenset({"in", "at", "near", "off", "outside"})
@lru_cache(maxsize=1)
def speaking_verbs() -> frozenset[str]:
    """Verbs whose subject is somebody: the attribution lexicon's speech, thought and stance verbs ("Jara
    spoke", "Kast urged voters", "Hamilton said"), and "laugh"."""
    from wirecheck.extractors.en_attribution import COGNITION_VERBS, SPEECH_VERBS, STANCE_VERBS

    return SPEECH_VERBS | COGNITION_VERBS | STANCE_VERBS | {"laugh"}


def entity_tokens(e: Any) -> Any:
    """The tokens of a spaCy entity without a trailing place phrase it swallowed: the tagger reads "the oil
    tanker Eternity C in the Red Sea" as one ORG, but no name goes on "in the <Capitalised>" to its end."""
    for k in range(1, len(e) - 1):
        t = e[k]
        rest = [x for x in e[k + 1:] if x.lower_ != "the"]
        if t.lower_ in _LOCATIVE and t.text.islower() and rest and all(x.text[:1].isupper() for x in rest):
            return e[:k]
    return e


def find_mentions(sp: Any, text: str, *, demonyms: bool = False, gz: Any = None,
                  known_surnames: set[str] | None = None) -> list[Mention]:
    """Place mentions in a parsed English text, without overlaps (longest first).

    ``known_surnames``: surnames of people already found; a lone word equal to one is not a place.
    """
    gz = gz or _gz()
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    def add(m: Mention) -> None:
        out.append(m)
        taken.append((m.start, m.end))

    for m in _REGION_OF.finditer(text):
        typ = m.group("type").lower()
        name = re.split(r"\.(?:\s|$)", _clean(m.group("a")))[0]  # "of Alberta. Officials": a sentence ends
        a = m.start("a")
        before = re.search(r"([A-Z][\w'’.-]*)\s+$", text[max(0, m.start() - 40):m.start()])
        if before and before.group(1) not in ("The", "A", "In") and gz.demonym_country(before.group(1)) is None:
            continue  # "the Karak district of Jordan": the district is named before; "of" names where it is
        if free(a, a + len(name)) and (gz.has_name(f"{name} {typ}") or gz.has_name(name)):
            add(Mention(a, a + len(name), f"{name} {typ}", "region" if typ in _REGION_TYPES else "district",
                        "region-phrase"))
    for m in _REGION_PHRASE.finditer(text):
        typ_word = m.group("type")[:-1] if m.group("type").endswith("s") else m.group("type")
        typ = typ_word.lower()
        level = "region" if typ in _REGION_TYPES else "district"
        names = [(m.start("a"), m.end("a"))]
        base = m.start("more")
        names += [(base + x.start(1), base + x.end(1)) for x in re.finditer(rf",\s+({_NAME})", m.group("more"))]
        if m.group("b"):
            names.append((m.start("b"), m.end("b")))
        if m.group("more") and not m.group("type").endswith("s"):
            names = names[-1:]  # "Belgorod, Kursk region": a town, then a region
        for i, (a, b) in enumerate(names):
            # Drop leading words that are not part of the name ("In Kharkiv region", "Russia's Kursk
            # Region"): the longest tail the gazetteer knows, with or without the type word.
            words = list(re.finditer(r"\S+", text[a:b]))
            if len(words) == 1 and gz.demonym_country(text[a:b]) is not None:
                continue  # "the eastern Spanish region": which country's, not a region's name
            for w in words:
                tail = text[a + w.start():b]
                if gz.has_name(f"{tail} {typ_word}") or gz.has_name(tail):
                    a += w.start()
                    break
            else:
                continue
            name = text[a:b]
            full = f"{name} {typ_word}"
            # The type word belongs to the mention of the last name ("Donetsk and Luhansk regions").
            end = m.end() if i == len(names) - 1 else b
            if free(a, end):
                add(Mention(a, end, full, level, "region-phrase"))

    # Longer person/organisation names (leading "the" dropped): their words are not places on their own.
    person_spans = []
    for e in sp.ents:
        toks_e = [t for t in entity_tokens(e) if t.lower_ not in ("the", "a", "an")]
        # (Not across a comma: "in Bucharest, Dobre said" tagged as one ORG is two things.)
        if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW") and len(toks_e) > 1 \
                and not any(t.text == "," for t in toks_e):
            person_spans.append((toks_e[0].idx, toks_e[-1].idx + len(toks_e[-1].text)))
    surnames = {e[-1].text for e in sp.ents if e.label_ == "PERSON" and len(e) > 1} | (known_surnames or set())
    # A lone name the tagger calls a person and that speaks somewhere ("Hamilton said he was delighted") is
    # that person everywhere in the text, not Hamilton, Ontario.
    surnames |= {w for w in (e[0].text for e in sp.ents if e.label_ == "PERSON" and len(e) == 1
                             and e[0].dep_ == "nsubj" and e[0].head.lemma_.lower() in speaking_verbs())
                 if not re.search(rf"\b(?:in|at|near|outside|around|over|of|from|to|into)\s+{re.escape(w)}\b", text)}
    # "Hamilton was ahead of Rosberg", "Alonso beat Hamilton": a rival of a person is a person too.
    surnames |= {w for w in _rival_names(sp, surnames, gz)
                 if not re.search(rf"\b(?:in|at|near|outside|around|over|from|to|into)\s+{re.escape(w)}\b", text)}
    ent_at = {t.i: e.label_ for e in sp.ents for t in e}
    toks = list(sp)
    sp_text = sp.text
    # Title Case lines (headlines): every word is capitalised, so a capital says nothing.
    title_case: set[int] = set()
    breaks = [k for k, ch in enumerate(text) if ch == "\n"]
    line_toks: dict[int, list[Any]] = {}
    for t in toks:
        line_toks.setdefault(bisect.bisect_left(breaks, t.idx), []).append(t)
    for line in line_toks.values():
        content = [t for t in line if t.is_alpha and not t.is_stop]
        if len(content) >= 4 and sum(t.text[:1].isupper() for t in content) >= 0.85 * len(content):
            title_case.update(t.i for t in line)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.text[:1].isupper() or (i > 0 and toks[i - 1].lower_.rstrip(".") in _PERSON_CUES) \
                or ent_at.get(i) in _NOT_PLACE or tok.text in surnames:
            i += 1
            continue
        found = None
        for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            if not (last.text[:1].isupper() or last.text == "."):
                continue
            if any(not (t.text[:1].isupper() or t.lower_ in _CONNECTORS) for t in toks[i:i + n]):
                continue
            a, b = tok.idx, last.idx + len(last.text)
            span_text = text[a:b]
            if n == 1 and not _lone_word_ok(tok, ent_at, gz, span_text, demonyms, sp_text):
                continue
            if not free(a, b):
                continue
            # Inside a longer person or organisation name: "Jordan" in "Michael Jordan".
            a_name = a + 4 if span_text.startswith(("The ", "the ")) else a  # "The Bank" of "The Bank of England"
            if any(x <= a_name and b <= y and (y - x) > (b - a_name) for x, y in person_spans):
                continue
            hits = gz.lookup(span_text, sound=False, demonyms=demonyms)
            if not hits:
                continue
            is_dem = all(h.match_kind == 4 for h in hits)
            if is_dem and not demonyms:
                continue
            if n > 1 and i > 0 and toks[i - 1].lower_ == "the" and ent_at.get(i) not in ("GPE", "LOC") \
                    and all(t.lower_ in common_words() for t in toks[i:i + n]) \
                    and not any(h.level in ("country", "region") for h in hits):
                continue  # "the White House", "the Red Cross": an institution of common words, not a town
            if n == 1 and (tok.is_sent_start or i in title_case) and ent_at.get(i) not in _ENT_PLACE \
                    and not is_dem and hits[0].level == "settlement" and hits[0].population < 200_000 \
                    and tok.lower_ in common_words():
                continue  # a capitalised common word opening a sentence or headline ("Pace", "Split")
            if span_text.endswith(".") and len(last.text) > 2 and not re.search(r"\b[A-Z]\.$", span_text) and \
                    (last.is_sent_end or not text[b:b + 1].strip()):
                # "Viña del Mar." -- the tokenizer kept the full stop on a month-like abbreviation ("Mar.")
                b -= 1
                span_text = span_text[:-1]
            found = Mention(a, b, _clean(span_text), "", "gazetteer", is_dem)
            break
        if found:
            add(found)
            while i < len(toks) and toks[i].idx < found.end:
                i += 1
        else:
            i += 1

    # spaCy's own place entities the gazetteer does not know (spelling variants, small villages).
    for e in sp.ents:
        if e.label_ not in _ENT_PLACE and not _named_feature(e):
            continue
        a, b = e.start_char, e.end_char
        lead = re.match(r"(?:the|The)\s+", text[a:b])
        if lead:
            a += lead.end()
        if b <= a or not free(a, b) or not text[a:a + 1].isupper() or text[a:b] in surnames \
                or _quoted(text, a, b):
            continue
        if len(e) == 1 and (e[0].lower_ in _GENERIC or (e[0].lower_ in common_words()
                                                         and not gz.has_name(text[a:b]))):
            continue  # "Servicemen" tagged GPE: a common word the gazetteer does not know
        if any(t.lower_ in _ORG_NOUNS for t in e):
            continue  # "Northern Fleet", "Western Command": a formation, not a place
        if e.label_ == "FAC" and all(t.lower_ in common_words() for t in e if t.lower_ != "the"):
            # "the White House", "the Old Bailey": a building or landmark, not a town of that name
            add(Mention(a, b, _clean(text[a:b]), "facility", "spacy"))
            continue
        hits = gz.lookup(text[a:b], sound=False, demonyms=True)
        if hits and all(h.match_kind == 4 for h in hits) and not demonyms:
            continue  # "Ukrainian" tagged GPE: an adjective, not a place mention
        add(Mention(a, b, _clean(text[a:b]), "", "spacy", bool(hits) and hits[0].match_kind == 4))
    out.sort(key=lambda m: m.start)
    return out


# Natural features whose capitalised names spaCy may tag as anything ("Eighty Mile Beach" as a PERCENT).
_FEATURE_WORDS = frozenset("beach bay island islands mountain mountains lake river valley desert peninsula "
                           "forest cape coast creek falls canyon glacier reef".split())


def _named_feature(ent: Any) -> bool:
    """A capitalised name ending in a natural feature's word: a place whatever label spaCy gave it."""
    return (len(ent) >= 2 and ent[-1].lower_ in _FEATURE_WORDS
            and all(t.text[:1].isupper() or t.is_punct for t in ent if t.lower_ != "the"))


# Placings and contests: "X finished ahead of Y", "X was behind Y", "X beat Y", "X overtook Y".
_RIVAL_PREPS = frozenset({"behind"})
_RIVAL_ADVS = frozenset({"ahead", "clear"})  # "ahead of", "clear of"
_RIVAL_VERBS = frozenset({"beat", "defeat", "overtake", "outpace", "outscore", "outsprint", "outrun", "edge",
                          "trail", "pip", "upset", "outvote", "outpoll", "unseat", "oust", "succeed"})


def _rival_names(sp: Any, known: set[str], gz: Any) -> set[str]:
    """One-word names in a contest with a person ("Hamilton was ahead of Rosberg", "Alonso beat Hamilton"):
    the subject and the one placed or beaten are the same kind of thing, so when one is a person (tagged
    so, or a surname already known) a one-word name on the other side is a person, not the town of that
    name, unless it names a country or region ("Hamilton beat Brazil": a team)."""

    def is_person(t: Any) -> bool:
        return t.ent_type_ == "PERSON" or t.text in known

    def surely_person(t: Any) -> bool:  # a full name ("Lewis Hamilton") or a surname already known
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        return t.text in known or t.ent_type_ == "PERSON" and (t.ent_iob_ == "I" or (
            nxt is not None and nxt.ent_iob_ == "I"))

    def subject(verb: Any) -> Any:
        while True:  # "Smith started third and finished ahead of Jones": the first verb's subject
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
                return subj
            verb = verb.head

    def with_conjuncts(t: Any) -> list[Any]:
        return [t, *t.conjuncts]

    out: set[str] = set()
    for t in sp:
        other = None
        if t.dep_ == "pobj" and (t.head.lower_ in _RIVAL_PREPS
                                 or (t.head.lower_ == "of" and t.head.head.lower_ in _RIVAL_ADVS)):
            other = subject((t.head if t.head.lower_ in _RIVAL_PREPS else t.head.head).head)
        elif t.dep_ == "dobj" and t.head.lemma_.lower() in _RIVAL_VERBS:
            other = subject(t.head)
        if other is None:
            continue
        left, right = with_conjuncts(other), with_conjuncts(t)
        for side, rivals in ((left, right), (right, left)):
            for n in side:
                # A one-word name, not the head of "Port Talbot".
                if n.text in out or not (n.pos_ == "PROPN" and n.text[:1].isupper()) \
                        or any(c.dep_ == "compound" for c in n.children):
                    continue
                # A rival who is a person; or the tagger's person against another name ("Rosberg finished
                # ahead of Hamilton" with Hamilton tagged ORG), not against "troops".
                if not any(is_person(r) or (n.ent_type_ == "PERSON" and r.pos_ == "PROPN"
                                            and r.ent_type_ not in _ENT_PLACE) for r in rivals):
                    continue
                if n.ent_type_ in _ENT_PLACE and not any(surely_person(r) for r in rivals):
                    continue  # "Toronto finished ahead of Hamilton": a lone name tagged a person proves little
                hits = gz.lookup(n.text, sound=False) if n.ent_type_ != "PERSON" else []
                if not any(h.level in ("country", "region", "area", "continent") for h in hits[:1]):
                    out.add(n.text)
    return out


_LEADING_NOISE = {"in", "of", "the", "from", "to", "and", "at", "near", "across", "both", "for", "on", "with",
                  "into", "western", "eastern", "northern", "southern", "central"}


def _in_longer_entity(tok: Any, gz: Any) -> bool:
    """Whether the word is one part of a longer entity the gazetteer does not know ("Northern Fleet")."""
    ent = entity_span(tok)
    return ent is not None and len(ent) > 1 and not gz.has_name(ent.text)


def _quoted(text: str, a: int, b: int) -> bool:
    return a > 0 and b < len(text) and text[a - 1] in "\"“«'" and text[b] in "\"”»'"


def _lone_word_ok(tok: Any, ent_at: dict[int, str], gz: Any, word: str, demonyms: bool = False,
                  doc_text: str | None = None) -> bool:
    """One capitalised word is a place candidate if it reads as a name, not a common word.

    ``doc_text``: the spaCy doc's text, if the caller has it (``Doc.text`` joins every token anew).
    """
    label = ent_at.get(tok.i)
    if tok.is_stop or len(word) < 3 or tok.lower_ in _GENERIC:
        return False
    if doc_text is None:
        doc_text = tok.doc.text
    if _quoted(doc_text, tok.idx, tok.idx + len(tok.text)):
        return False  # a unit's or operation's name in quotes: Brigade "Magura"
    if label in _ENT_PLACE and not _in_longer_entity(tok, gz):
        return True
    if word.isupper() and len(word) <= 4:
        # DPR, LNR, US: only abbreviations the gazetteer knows as such (not every acronym).
        return any(h.match_kind in (1, 3) for h in gz.lookup(word, sound=False))
    # A capital inside a sentence marks a name whatever the tagger says ("shelled Sievierodonetsk"
    # came out as an adverb).
    mid_sentence = not tok.is_sent_start and tok.i > 0 and tok.nbor(-1).text not in ('"', "“", "(", "-", "—")
    if not (label in ("PERSON", "ORG") or tok.pos_ == "PROPN" or mid_sentence
            or tok.lower_ not in common_words()):
        return False
    # A sentence-initial word could be a capitalised common word ("Split", "Most").
    if tok.is_sent_start and tok.pos_ != "PROPN" and tok.lower_ in common_words():
        return False
    hits = gz.lookup(word, sound=False, demonyms=demonyms)
    if not hits:
        return False
    top = hits[0]
    # A city known by this name only as a GeoNames alternate (Zaporizhzhia; main name Zaporizhzhya)
    # outranks the hamlet that has it as its main name.
    city = max((h for h in hits if h.match_kind == 2 and h.level == "settlement" and h.population >= 100_000),
               key=lambda h: h.population, default=None)
    if city is not None and city.population > 100 * max(top.population, 1):
        top = city
    named = top.match_kind in (0, 1) or top is city  # a main name or alias, or a city's exonym
    big = top.level in ("country", "region", "area", "continent") or (named and top.population >= 200_000)
    if tok.lower_ in common_words() and not big:
        return False  # a common English word ("Fleet", "Minister", "Roman") naming a small place
    prev_cap = tok.i > 0 and not tok.is_sent_start and tok.nbor(-1).text[:1].isupper()
    next_cap = tok.i + 1 < len(tok.doc) and tok.nbor(1).text[:1].isupper() and tok.nbor(1).is_alpha
    if (prev_cap or next_cap) and not (big or (named and top.population >= 100_000)):
        return False  # one word of a longer name that is not a place ("Magura V5", "Orlov Street")
    return top.level != "settlement" or top.population >= 1000 or _settlement_cue(tok, doc_text)


_CUE_BEFORE = re.compile(r"\b(?:village|villages|settlement|settlements|town|towns|city|hamlet|locality|"
                         r"township)\s+of\s+(?:[A-Z][\w'’-]+,?\s+(?:and\s+)?)*$")
_CUE_AFTER = re.compile(r"^,?\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
                        r"(?:region|oblast|province|district|raion|krai|governorate)\b", re.I)


def _settlement_cue(tok: Any, doc_text: str | None = None) -> bool:
    """A small settlement named as one: "the village of Peschanoye", "Robotyne in the Zaporizhzhia
    region" (villages under 1,000 people are where front-line news happens)."""
    text = tok.doc.text if doc_text is None else doc_text
    before = text[max(0, tok.idx - 80):tok.idx]
    after = text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 60]
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(after))


_AFFIXED = re.compile(r"\b(?:post|pre|anti|pro|non|ex)-$", re.I)
_CLUB_AFTER = re.compile(r"\s+(?:City|United|FC|Athletic|Rovers|Wanderers|Hotspur|Albion|Rangers|Celtic)\b")
_STATE_AFTER = re.compile(r",\s+(?:[A-Z][a-z]+\.?)(?:\s+[A-Z][a-z]+)?\b")  # "White House, Tennessee"
_TIME_ZONE_AFTER = re.compile(r"\s+time\b", re.I)  # "4:30 a.m. Moscow time": a clock, not a location
# "the Prime Minister of Canada": the country whose office is meant (a slot another country can take).
TITLE_OF = re.compile(r"\b(?:minister|president|premier|chancellor|"
                      r"king|queen|ambassador|embassy|government|leader|parliament|foreign\s+ministry)\s+of\s+"
                      r"(?:the\s+)?$", re.I)


@stage("places.en", requires=["sentences", "spacy"], provides=["facts.place"], langs=["en"], order=35)
def places_en(doc: Document) -> Document:
    """Places: region phrases, gazetteer matches (even where spaCy says PERSON), GPE/LOC/FAC."""
    sp = doc.extras["spacy"]
    # People already found (when a person stage ran first) with a given name or title ("Governor Pavel
    # Orlov"): their surname alone later in the text is the person again, not a town of that name.
    surnames = {str(f.attrs.get("surname") or f.text.split()[-1]) for f in doc.facts_of(FactType.PERSON)
                if len(f.text.split()) > 1}
    for m in find_mentions(sp, doc.text, known_surnames=surnames):
        if _AFFIXED.search(doc.text[max(0, m.start - 6):m.start]):
            continue  # "post-Maidan", "pro-Kyiv": an era or a side, not a location
        if _TIME_ZONE_AFTER.match(doc.text[m.end:m.end + 8]):
            continue
        if _CLUB_AFTER.match(doc.text[m.end:m.end + 14]):
            continue  # "Manchester City", "Leeds United": a club named after its town ("Kansas City" is a
            #          gazetteer name of its own and is matched whole before this)
        if seat_country(doc.text[m.start:m.end]) and not _STATE_AFTER.match(doc.text[m.end:m.end + 30]):
            continue  # "White House spokeswoman": the seat of government (orgs.en), not White House, Tenn.
        span = sp.char_span(m.start, m.end, alignment_mode="expand")
        # "Beijing opposed the tariffs", "Washington's position": a place that acts stands for its state.
        root = span.root if span is not None else None
        while root is not None and root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Washington and Riyadh backed": both act
        actor = root is not None and root.dep_ in ("nsubj", "nsubjpass", "poss")
        doc.add_fact(FactType.PLACE, m.start, m.end, key=place_key(m.name, m.level or ""), extractor=EXTRACTOR,
                     confidence=0.9 if m.source != "spacy" else 0.7, name=m.name,
                     level=m.level or "", found_by=m.source, **({"demonym": True} if m.demonym else {}),
                     **({"actor": True} if actor else {}),
                     **({"office_of": True} if TITLE_OF.search(doc.text[max(0, m.start - 40):m.start]) else {}))
    return doc
