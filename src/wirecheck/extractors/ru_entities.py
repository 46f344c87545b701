"""Russian and Ukrainian organisations, military units, people and places, keyed like the English facts.

Organisations and units come from the project's term table (data/terms_ru_uk_en.tsv) matched on lemmas,
so «177-го полка Каспийской флотилии» gives the unit ``177 regiment`` with parent ``caspian flotilla``
exactly as "177th Regiment of the Caspian Flotilla" does in English.  People and places come from
natasha's NER for Russian and from pymorphy3-uk grammemes plus capitalisation for Ukrainian.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Document, Fact, FactType
from wirecheck.nlp.russian import (
    NAME_TAGS,
    Token,
    adjective_agree,
    capitalise,
    match_term,
    morph,
    name_lemma,
    natasha_spans,
    noun_lemma,
    ordinal_value,
    term_lookup,
    terms_of,
    tokens,
)
from wirecheck.registry import stage
from wirecheck.textnorm import normalise_apostrophes, person_key, place_key, to_latin

EXTRACTOR = "ru_entities"


_REGION_NOUNS = {"область", "край", "республика", "республіка", "регион", "регіон"}
_AREA_NOUNS = _REGION_NOUNS | {"район", "округ", "громада"}
# Administrations whose head is the region's or city's governor or mayor.
_GOVERNED = {"regional military administration": "governor", "regional state administration": "governor",
             "city military administration": "mayor"}
# «Чорному морі», «Керченській протоці»: an adjective names the water the noun says it is.
_WATER_NOUNS = {"море", "протока", "затока", "озеро", "океан", "водосховище", "канал"}
_CYR_WORD = re.compile(r"^[\u0400-\u04FF]")
_LOC_PREPS = {"в", "у", "во", "на", "под", "під", "біля", "возле", "около", "поблизу", "из", "з", "із",
              "зі", "до", "над", "от", "від", "вблизи", "неподалеку", "неподалік", "через", "за"}


def _covered(doc: Document, start: int, end: int, *types: FactType) -> Fact | None:
    for f in doc.facts:
        if (not types or f.type in types) and f.start < end and start < f.end:
            return f
    return None


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    s = doc.sentences[doc.sentence_at(offset)] if doc.sentences else None
    return (s.start, s.end) if s else (0, len(doc.text))


# ------------------------------------------------------------------------------------ organisations

@stage("ru.organizations", requires=["sentences"], provides=["facts.organization"], langs=["ru", "uk"],
       order=30)
def organizations(doc: Document) -> Document:
    """Organisations from the bilingual term table, plus natasha ORG spans it does not know."""
    toks = tokens(doc)
    orgs = terms_of(doc.lang, "org")
    i = 0
    while i < len(toks):
        m = match_term(toks, i, orgs) if toks[i].is_word else None
        # One-word table entries that are ordinary words in lower case (ova) must be capitalised here.
        if m is None or (len(m[0].words) == 1 and not toks[i].is_cap):
            i += 1
            continue
        term, end = m
        doc.add_fact(FactType.ORGANIZATION, toks[i].start, toks[end - 1].end, key=term.english,
                     extractor=EXTRACTOR, name=_surface_name(doc, toks[i:end]), latin=term.english,
                     formation=_is_formation(term.english))
        i = end
    if doc.lang == "ru":
        for sp in natasha_spans(doc.text):
            if sp.type != "ORG" or _covered(doc, sp.start, sp.end) or \
                    _dateline_type(doc, sp.type, sp.start, sp.end) != "ORG":
                continue
            key = to_latin(sp.normal).lower()
            doc.add_fact(FactType.ORGANIZATION, sp.start, sp.end, key=key, extractor=EXTRACTOR,
                         confidence=0.7, name=sp.normal, latin=key)
    return doc


_FORMATION_WORDS = {"fleet", "flotilla", "army", "corps", "forces", "force", "navy", "guard", "defense"}


def _is_formation(english: str) -> bool:
    """Military formations: swapping one for another (Black Sea Fleet -> Baltic Fleet) is a change."""
    return english.split()[-1] in _FORMATION_WORDS


def _surface_name(doc: Document, toks: list[Token]) -> str:
    return doc.text[toks[0].start:toks[-1].end]


# ------------------------------------------------------------------------------------------- units

@stage("ru.units", requires=["sentences", "facts.organization"], provides=["facts.unit"],
       langs=["ru", "uk"], order=31)
def units(doc: Document) -> Document:
    """Military units: ordinal + descriptors + unit type (+ parent formation), in English canonical form."""
    toks = tokens(doc)
    types = terms_of(doc.lang, "unit_type")
    descs = terms_of(doc.lang, "descriptor")
    for i, tok in enumerate(toks):
        m = match_term(toks, i, types) if tok.is_word else None
        if m is None:
            continue
        unit_type = m[0].english
        org = _covered(doc, tok.start, tok.end, FactType.ORGANIZATION)
        # Walk back over descriptors (each may be several words) to an ordinal.
        before: list[str] = []
        j = i
        while j > 0:
            found = None
            for k in range(max(0, j - 3), j):
                dm = match_term(toks, k, descs)
                if dm is not None and dm[1] == j:
                    found = (k, dm[0].english)
                    break
            if found is None:
                break
            j, word = found
            before.insert(0, word)
        ordinal = ordinal_value(toks[j - 1]) if j > 0 else None
        start_i = j - 1 if ordinal is not None else j
        # Descriptors that follow the type: «бригада морской пехоты».
        end_i = i + 1
        after: list[str] = []
        while end_i < len(toks):
            dm = match_term(toks, end_i, descs)
            if dm is None or len(dm[0].words) < 2:
                break
            after.append(dm[0].english)
            end_i = dm[1]
        descriptors = before + after
        if org is not None and ordinal is None:
            continue  # «Каспийская флотилия» is an organisation, not a numbered unit
        if ordinal is None and not descriptors:
            continue  # a bare "бригада" is too vague to compare
        parent = None
        nxt = toks[end_i] if end_i < len(toks) else None
        if nxt is not None:
            pf = _covered(doc, nxt.start, nxt.end, FactType.ORGANIZATION)
            if pf is not None and pf.start == nxt.start:
                parent = pf.key
        parts = ([str(ordinal)] if ordinal is not None else []) + descriptors + [unit_type]
        key = " ".join(parts).lower()
        doc.add_fact(FactType.UNIT, toks[start_i].start, toks[end_i - 1].end, key=key, extractor=EXTRACTOR,
                     ordinal=ordinal, descriptors=descriptors, unit_type=unit_type, parent=parent)
    return doc


# ------------------------------------------------------------------------------------------ people

@stage("ru.people_places", requires=["sentences", "facts.unit", "facts.organization"],
       provides=["facts.person", "facts.place"], langs=["ru", "uk"], order=32)
def people_places(doc: Document) -> Document:
    """People (nominative name, title, role) and places (nominative lemma, level)."""
    toks = tokens(doc)
    if doc.lang == "ru":
        spans = [(_dateline_type(doc, sp.type, sp.start, sp.end), sp.start, sp.end, sp.normal)
                 for sp in natasha_spans(doc.text)]
        spans = [s for s in spans if s[0] in ("PER", "LOC")]
        spans = [piece for sp in spans for piece in _split_region_tail(toks, sp)]
        spans += _region_terms(doc, toks, spans)
    else:
        spans = _uk_spans(doc, toks)
    spans = _coordinated_regions(doc, toks, spans)
    spans = _administered_regions(doc, toks, spans)
    spans.sort(key=lambda s: s[1])
    for typ, start, end, normal in spans:
        if _covered(doc, start, end, FactType.ORGANIZATION, FactType.UNIT):
            continue
        if typ == "PER":
            if doc.lang == "ru":
                normal = _person_normal(doc, toks, start, end, normal)
            _add_person(doc, toks, start, end, normal)
        else:
            if doc.lang == "ru" and " " not in normal and (term := _region_form(doc.text[start:end])):
                normal = term  # «на Харьковщине», «в Подмосковье»: the dictionary has no lemma to give
            elif doc.lang == "ru" and " " not in normal:
                prep = re.search(r"(\w+)\s+$", doc.text[max(0, start - 12):start])
                normal = _geographic_lemma(doc.text[start:end], normal, prep.group(1).lower() if prep else "")
            elif doc.lang == "ru" and len(normal.split()) == 2 and not _gazetteer_has(normal):
                # natasha leaves «Набережными Челнами» as written: agree the words as a Ukrainian pair is.
                pair = [t for t in toks if start <= t.start and t.end <= end]
                normal = (_two_word_place(pair, "ru") if len(pair) == 2 else None) or normal
            _add_place(doc, start, end, normal, settlement=typ == "CITY")
    _mark_offices(doc)
    return doc


# The cases a preposition governs: «в Каменском» is a locative (the town Каменское), «под Каменском» an
# instrumental (Каменск).
_PREP_CASES = {"в": {"loct", "accs"}, "во": {"loct", "accs"}, "на": {"loct", "accs"}, "под": {"ablt", "accs"},
               "над": {"ablt"}, "за": {"ablt", "accs"}, "перед": {"ablt"}, "из": {"gent"}, "у": {"gent"},
               "от": {"gent"}, "до": {"gent"}, "около": {"gent"}, "возле": {"gent"}, "близ": {"gent"},
               "к": {"datv"}, "по": {"datv", "loct"}}


def _geographic_lemma(word: str, normal: str, prep: str = "") -> str:
    """natasha's nominative of a one-word Russian place, unless the dictionary reads the word as a
    geographic name with another nominative that the gazetteer knows: «в Сумах» is Сумы (natasha keeps
    «Сумах», which is also the sumac tree and a village in the Philippines).  A town named by an
    adjective («в Каменском»: Каменское, Kamianske) is read in the case the preposition ``prep`` governs,
    as the neuter or masculine adjective (natasha and the Geox reading make it Каменск)."""
    cases = _PREP_CASES.get(prep)
    geox, adjectival = [], []
    for p in morph("ru").parse(word):
        g = p.tag.grammemes
        if cases is not None and p.tag.case not in cases:
            continue
        if "Geox" in g:
            geox.append(str(p.normal_form))
        elif "ADJF" in g and "sing" in g:
            for gender in ("neut", "masc"):
                form = p.inflect({"ADJF", "nomn", "sing", gender})
                if form is not None:
                    adjectival.append(str(form.word))
        elif "Surn" in g and "sing" in g and re.search(r"[сц]кий$", str(p.normal_form)):
            # An adjectival surname's reading («Каменского»): the town Каменский or Каменское.
            adjectival += [str(p.normal_form), str(p.normal_form)[:-2] + "ое"]
    if normal.lower() in geox and not adjectival:
        return normal  # natasha's reading is one of the dictionary's («Кирове»: Киров, not Кирово)
    best = _most_populous([capitalise(lemma, word) for lemma in dict.fromkeys(geox + adjectival)])
    if best is None or (normal.lower() in geox and best.lower() not in geox and _population(best) <= _population(normal)):
        return normal
    return best


def _population(name: str) -> int:
    """The largest population of a place the gazetteer knows by this main, alias or alternate name (the
    Cyrillic ones are alternates; abbreviations and demonyms are not names here), -1 for none."""
    gz = _gazetteer()
    if gz is None:
        return -1
    from wirecheck.gazetteer import ALT

    return max((p.population for p in gz.lookup(name, sound=False) if p.match_kind <= ALT), default=-1)


_AND = frozenset({"и", "і", "й", "та", "или", "або", ","})


def _coordinated_regions(doc: Document, toks: list[Token], spans: list[tuple[str, int, int, str]]
                         ) -> list[tuple[str, int, int, str]]:
    """«Курской, Воронежской и Липецкой областей»: each adjective names a region of its own, though only
    the last stands by the noun (alone, «Курская» is a village in Stavropol Krai)."""
    out = list(spans)
    for k, noun in enumerate(toks):
        areas = noun.lemmas & _AREA_NOUNS
        if not areas or not noun.has("plur") or k == 0:
            continue
        chain = []
        j = k - 1
        while j >= 0 and toks[j].is_cap and toks[j].has("ADJF"):
            chain.append(toks[j])
            j -= 1
            if j >= 0 and toks[j].lower in _AND:
                j -= 1
                if j >= 0 and toks[j].lower in _AND:  # ", и"
                    j -= 1
            else:
                break
        if len(chain) < 2:
            continue
        lemma = next(iter(areas))
        for adj in chain[1:]:  # the adjective by the noun is its region already
            name = capitalise(adjective_agree(doc.lang, adj.lemma_with("ADJF") or adj.lower, lemma), adj.text)
            out = [sp for sp in out if not (sp[1] < adj.end and adj.start < sp[2])]
            out.append(("LOC", adj.start, adj.end, f"{name} {lemma}"))
    return out


def _administered_regions(doc: Document, toks: list[Token], spans: list[tuple[str, int, int, str]]
                          ) -> list[tuple[str, int, int, str]]:
    """«Голова Харківської ОВА»: the adjective before a regional administration names its region (the
    story's "Kharkiv regional governor"), though no area noun follows it."""
    out = list(spans)
    for f in doc.facts:
        if f.type is not FactType.ORGANIZATION or _GOVERNED.get(f.key) != "governor":
            continue
        k = _tok_index(toks, f.start)
        if k == 0 or toks[k].start != f.start:
            continue
        adj = toks[k - 1]
        if not (adj.is_cap and adj.has("ADJF")):
            continue
        name = capitalise(adjective_agree(doc.lang, adj.lemma_with("ADJF") or adj.lower, "область"), adj.text)
        out = [sp for sp in out if not (sp[1] < adj.end and adj.start < sp[2])]
        out.append(("LOC", adj.start, adj.end, f"{name} область"))
    return out


def _mark_offices(doc: Document) -> None:
    """A region named only as part of an administration's name («Харківської ОВА») records that office,
    so a story that names the office by its head ("the regional governor") is not said to drop it."""
    offices = {f.start: f.key for f in doc.facts_of(FactType.ORGANIZATION) if f.key in _GOVERNED}
    for f in doc.facts_of(FactType.PLACE):
        gap = len(doc.text[f.end:]) - len(doc.text[f.end:].lstrip())
        if f.end + gap in offices and 0 < gap <= 2:
            f.attrs["office"] = offices[f.end + gap]


def _region_form(word: str) -> str | None:
    """The Russian term-table region a one-word name inflects (Харьковщине, Подмосковья): the entry's
    stem with a case ending of at most two letters."""
    w = word.lower().replace("ё", "е")
    for t in terms_of("ru", "region"):
        stem = t.source.lower()[:-1]
        if len(t.words) == 1 and len(stem) >= 5 and w.startswith(stem) and len(w) - len(stem) <= 2:
            return t.source
    return None


def _split_region_tail(toks: list[Token], span: tuple[str, int, int, str]) -> list[tuple[str, int, int, str]]:
    """«Песчаное Харьковской области» as one LOC: the village and its region, two places."""
    typ, start, end, normal = span
    words = [t for t in toks if start <= t.start and t.end <= end and t.is_word]
    names = normal.split()
    if typ != "LOC" or len(words) < 3 or len(names) != len(words):
        return [span]
    noun, adj = words[-1], words[-2]
    if not (noun.lemmas & _REGION_NOUNS) or not adj.has("ADJF"):
        return [span]
    head = words[-3]
    return [("LOC", start, head.end, " ".join(names[:-2])),
            ("LOC", adj.start, end, " ".join(names[-2:]))]


def _dateline_type(doc: Document, typ: str, start: int, end: int) -> str:
    """«ЭНЕРГОДАР, 14 сентября.»: the first word of a dateline is a place whatever the NER says."""
    if start == 0 and re.match(r"\s*,\s*\d{1,2}\s+\w+", doc.text[end:end + 20]):
        return "LOC"
    return typ


def _person_normal(doc: Document, toks: list[Token], start: int, end: int, normal: str) -> str:
    """Keep a name that is already nominative (natasha turns «Евгения Яшина» into «Евгений Яшин»)."""
    words = [t for t in toks if start <= t.start and t.end <= end and t.is_word]
    if len(words) < 2:
        return normal
    prev = toks[words[0].i - 1] if words[0].i > 0 else None
    if prev is not None and prev.is_word and prev.parses and any("NOUN" in p.tag.grammemes for p in prev.parses) \
            and not any("nomn" in p.tag.grammemes for p in prev.parses):
        # «по словам губернатора Вячеслава Гладкова»: a title in another case than the nominative puts
        # the name in it too, so «Вячеслава» is not a woman's name here; natasha read the agreement.
        return normal
    genders = None
    for t in words:
        g = {p.tag.gender for p in t.parses if "nomn" in p.tag.grammemes and any(n in p.tag.grammemes for n in NAME_TAGS)}
        genders = g if genders is None else genders & g
    if genders:
        return " ".join(t.text for t in words)
    return normal


def _region_terms(doc: Document, toks: list[Token], have: list[tuple[str, int, int, str]]
                  ) -> list[tuple[str, int, int, str]]:
    """Regions the NER misses (ДНР, Харківщина): table entries, never overlapping an NER span."""
    out = []
    regions = terms_of(doc.lang, "region")
    for i, t in enumerate(toks):
        if not t.is_cap:
            continue
        m = match_term(toks, i, regions)
        if m is None:
            continue
        start, end = t.start, toks[m[1] - 1].end
        if any(s < end and start < e for _, s, e, _ in have):
            continue
        out.append(("LOC", start, end, doc.text[start:end]))
    return out


def _tok_index(toks: list[Token], offset: int) -> int:
    for t in toks:
        if t.end > offset:
            return t.i
    return len(toks)


def _add_person(doc: Document, toks: list[Token], start: int, end: int, normal: str) -> None:
    words = normal.split()
    surname = words[-1]
    name = normal
    key = person_key(surname)
    if len(words) == 1:
        # A later mention by surname alone takes the full name of the earlier mention.
        for f in doc.facts_of(FactType.PERSON):
            if f.key == key and len(f.attrs["name"].split()) > 1:
                name = f.attrs["name"]
                break
    i0 = _tok_index(toks, start)
    title, title_start = _title_before(doc, toks, i0)
    role, role_of, role_of_key = _role_near(doc, toks, title_start, _tok_index(toks, end))
    if title is None and len(words) == 1:
        prev = next((f for f in reversed(doc.facts_of(FactType.PERSON)) if f.key == key), None)
        if prev is not None:
            title = prev.attrs.get("title")
    doc.add_fact(FactType.PERSON, start, end, key=key,
                 extractor=EXTRACTOR, name=name, surname=surname, title=title, role=role,
                 role_of=role_of, role_of_key=role_of_key, latin=to_latin(name))


def _title_before(doc: Document, toks: list[Token], i0: int) -> tuple[str | None, int]:
    """A rank or title that ends right before the name (полковником Ярамиром -> colonel)."""
    titles = terms_of(doc.lang, "title")
    for k in range(max(0, i0 - 3), i0):
        m = match_term(toks, k, titles)
        if m is not None and m[1] == i0:
            return _head_title(toks, titles, k, m[0].english)  # «заместитель министра обороны»: a deputy
    # «заместитель министра финансов Алексей Моисеев»: a genitive noun or two of the office in between.
    for gap in (1, 2):
        between = toks[i0 - gap:i0] if i0 - gap >= 0 else []
        if not between or not all(t.is_word and not t.is_cap and t.has("gent") for t in between):
            continue
        for k in range(max(0, i0 - gap - 3), i0 - gap):
            m = match_term(toks, k, titles)
            if m is not None and m[1] == i0 - gap:
                return m[0].english, k
    # «губернатор Харьковской области Олег Синегубов»: the title governs a place or organisation.
    f = _fact_ending_at(doc, toks, i0)
    if f is not None:
        k0 = _tok_index(toks, f.start)
        # «начальник Херсонської ОВА»: the region's adjective may stand between the title and the office.
        starts = [k0] + ([k0 - 1] if k0 > 0 and toks[k0 - 1].is_cap and toks[k0 - 1].has("ADJF") else [])
        for k1 in starts:
            for k in range(max(0, k1 - 3), k1):
                m = match_term(toks, k, titles)
                if m is None or m[1] != k1:
                    continue
                title, k = _head_title(toks, titles, k, m[0].english)
                if f.type is FactType.ORGANIZATION and "ministry" in f.key.split() and title.endswith("head"):
                    # «глава МИД»: the foreign minister; «глава Минэкономразвития»: its minister
                    title = title[: -len("head")] + _minister_of(f.key)
                if f.type is FactType.ORGANIZATION and f.key in _GOVERNED and title in ("head", "chief"):
                    title = _GOVERNED[f.key]  # the head of a regional administration is its governor
                return title, k
    return None, i0


def _minister_of(ministry: str) -> str:
    """The minister heading a ministry keyed 'russian foreign ministry': 'foreign minister' (whose
    country the title does not say)."""
    words = ministry.split()
    field = [w for w in words[:words.index("ministry")] if not _is_demonym(w)]
    return " ".join(field + ["minister"])


def _is_demonym(word: str) -> bool:
    gz = _gazetteer()
    return gz is not None and gz.demonym_country(word.capitalize()) is not None


def _head_title(toks: list[Token], titles: Any, k: int, title: str) -> tuple[str, int]:
    """The title a name bears when the office found at ``k`` is only part of a longer one: «заместитель
    министра обороны» (a deputy defence minister, not the minister), «пресс-секретарь президента» (the
    president's spokesman, not the president)."""
    for j in range(max(0, k - 3), k):
        m = match_term(toks, j, titles)
        if m is None:
            continue
        outer = m[0].english
        if m[1] > k and outer.split()[-1] == title.split()[-1]:
            return " ".join(outer.split()[:-1] + [title]), j  # deputy + defence minister
        if m[1] == k and toks[k].has("gent"):
            return outer, j  # the first title governs the second in the genitive
    return title, k


def _fact_ending_at(doc: Document, toks: list[Token], i: int) -> Fact | None:
    if i == 0:
        return None
    prev_end = toks[i - 1].end
    for f in doc.facts:
        if f.end == prev_end and f.type in (FactType.UNIT, FactType.ORGANIZATION, FactType.PLACE):
            return f
    return None


def _role_near(doc: Document, toks: list[Token], before_i: int, after_i: int
               ) -> tuple[str | None, str | None, str | None]:
    """«командиром 6-й ... бригады полковником X» or «X, командир 177-го полка»."""
    roles = terms_of(doc.lang, "role")
    # Before: role noun, then a unit/organisation, then (optionally) the title, then the name.
    f = _fact_ending_at(doc, toks, before_i)
    if f is not None:
        k0 = _tok_index(toks, f.start)
        # «командиром 177-го полка Каспийской флотилии»: step from the parent back to its unit.
        g = _fact_ending_at(doc, toks, k0)
        if f.type == FactType.ORGANIZATION and g is not None and g.type == FactType.UNIT:
            f = g
            k0 = _tok_index(toks, f.start)
        if k0 > 0:
            m = match_term(toks, k0 - 1, roles)
            if m is not None:
                return m[0].english, f.text, f.key
    # After: ", командир X".
    if after_i + 1 < len(toks) and toks[after_i].text == ",":
        m = match_term(toks, after_i + 1, roles)
        if m is not None and m[1] < len(toks):
            nxt = toks[m[1]]
            for g in doc.facts:
                if g.start == nxt.start and g.type in (FactType.UNIT, FactType.ORGANIZATION, FactType.PLACE):
                    return m[0].english, g.text, g.key
            return m[0].english, None, None
    return None, None, None


# ------------------------------------------------------------------------------------------ places

def _place_level(doc: Document, name: str) -> str:
    words = name.lower().split()
    if words and (words[-1] in _REGION_NOUNS or "народная" in words or "народна" in words):
        return "region"
    if term_lookup(doc.lang, "region", name) is not None:
        return "region"
    if term_lookup(doc.lang, "country", name) is not None or (" " not in name and _is_country(name.lower())):
        return "country"  # «Канади»: the country, which the term table may lack, not a village named so
    return "settlement"


# «прем'єр-міністром Канади», «президента Франции»: the country whose office is meant (en_places.TITLE_OF).
_OFFICE_BEFORE = re.compile(r"(?:президент|премьер|прем.єр|министр|міністр|канцлер|корол|посол|посольств|"
                            r"правительств|уряд|лидер|лідер|парламент)[\w'’-]*\s+$")


def _add_place(doc: Document, start: int, end: int, normal: str, *, settlement: bool = False) -> None:
    name = normalise_apostrophes(normal)
    if name.isupper() and len(name) > 4:  # datelines: МОСКВА, КИЇВ
        name = " ".join(capitalise(w.lower(), w.lower()) for w in name.split())
    words = name.split()
    noun = noun_lemma(doc.lang, words[1].lower()) if len(words) == 2 else ""
    if noun in _AREA_NOUNS:
        # natasha leaves «Никитовском район», «Липецкая области»: agree the adjective with its noun.
        name = capitalise(adjective_agree(doc.lang, words[0].lower(), noun), words[0]) + " " + noun
    level = "settlement" if settlement else _place_level(doc, name)
    if words and words[-1].lower() in ("район", "округ") and level == "settlement":
        level = "district"
    office = bool(_OFFICE_BEFORE.search(doc.text[max(0, start - 40):start].lower()))
    doc.add_fact(FactType.PLACE, start, end, key=place_key(name, level), extractor=EXTRACTOR,
                 name=name, level=level, latin=to_latin(name), **({"office_of": True} if office else {}))


# ------------------------------------------------------------------------------- Ukrainian spans

def _uk_spans(doc: Document, toks: list[Token]) -> list[tuple[str, int, int, str]]:
    """People and places without an NER model: capitalised runs classified by pymorphy3-uk grammemes."""
    an = morph("uk")
    sent_starts = {s.start for s in doc.sentences}
    out: list[tuple[str, int, int, str]] = []
    regions = terms_of("uk", "region")
    i = 0
    while i < len(toks):
        t = toks[i]
        if not (t.is_word and t.is_cap) or _covered(doc, t.start, t.end, FactType.ORGANIZATION, FactType.UNIT):
            i += 1
            continue
        # Adjective + область/район: «Харківській області» -> Харківська область.
        if not _CYR_WORD.match(t.text):  # Telegram, Facebook
            i += 1
            continue
        if i + 1 < len(toks) and toks[i + 1].lemmas & (_AREA_NOUNS | _WATER_NOUNS) and t.has("ADJF"):
            noun = next(iter(toks[i + 1].lemmas & (_AREA_NOUNS | _WATER_NOUNS)))
            adj = t.lemma_with("ADJF") or t.lower
            name = capitalise(adjective_agree("uk", adj, noun), t.text) + " " + noun
            out.append(("LOC", t.start, toks[i + 1].end, name))
            i += 2
            continue
        m = match_term(toks, i, regions)
        if m is not None:
            # «Запоріжжя» names the city and, colloquially, its region; «на Запоріжжі» is the region,
            # «атакували Запоріжжя», «у Запоріжжі» the city.
            city = (m[1] == i + 1 and not (i > 0 and toks[i - 1].lower == "на")
                    and _is_city(m[0].source))
            out.append(("CITY" if city else "LOC", t.start, toks[m[1] - 1].end, m[0].source))
            i = m[1]
            continue
        # Regions in -щина decline regularly but are often missing from the dictionary (Донеччині).
        shchyna = next((r for r in regions if len(r.words) == 1 and r.source.lower().endswith("щина")
                        and t.lower[:-1] == r.source.lower()[:-1]), None)
        if shchyna is not None:
            out.append(("LOC", t.start, t.end, shchyna.source))
            i += 1
            continue
        official = _shchyna_official(t.lower)
        if official is not None:
            out.append(("LOC", t.start, t.end, official))
            i += 1
            continue
        if i == 0 and re.match(r"\s*,\s*\d{1,2}\s+\w+", doc.text[t.end:t.end + 20]):
            out.append(("LOC", t.start, t.end, capitalise(noun_lemma("uk", t.lower), "x")))
            i += 1
            continue
        if t.lower in _LOC_PREPS or any(t.has(g) for g in ("PREP", "CONJ", "PRCL", "NPRO")):
            i += 1  # «У Сумах», «Але Київ»: a capitalised function word opens no name
            continue
        if t.text.isupper() and len(t.text) > 1:
            i += 1  # abbreviations (КАБ, ЗСУ) are organisations or weapons; regions come from the table
            continue
        if match_term(toks, i, terms_of("uk", "title")) is not None:
            i += 1  # «Президент Зеленський» at a sentence start: the title is not part of the name
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].is_word and toks[j + 1].is_cap and not toks[j + 1].text.isupper() \
                and not _region_adjective(toks, j + 1):
            j += 1
        if j > i and (t.has("Geox") or _is_country(noun_lemma("uk", t.text))):
            j = i  # «Президент України Володимир Зеленський»: the country ends before the name starts
        run = toks[i:j + 1]
        at_start = t.start in sent_starts or (i > 0 and toks[i - 1].text in "«\"—–-:")
        two = _two_word_place(run[:2]) if len(run) >= 2 else None
        if two is not None:
            # «Нову Каховку», «Часів Яр», «Біла Церква»: a two-word town the gazetteer knows, before any
            # reading of its words as a person's name or a sentence opener.
            out.append(("LOC", run[0].start, run[1].end, two))
            i += 2
            continue
        if at_start and j > i and an.word_is_known(t.lower) and not t.has("Geox") and not t.has("ADJF") \
                and not any(g in p.tag.grammemes for p in t.parses for g in NAME_TAGS) \
                and not _gazetteer_has(" ".join(tk.text for tk in run)):
            # «Мешканці Харкова»: a common noun or verb capitalised only to open the sentence, not the
            # first word of a name (Нова Каховка, Часів Яр).
            i += 1
            continue
        person = [tk for tk in run if any(g in p.tag.grammemes for p in tk.parses for g in NAME_TAGS)
                  and not tk.has("Geox")]
        full_name = len(run) >= 2 and len(person) == len(run) and any(tk.has("Surn") for tk in run) or (
            len(run) >= 2 and run[0].has("Name") and len(person) == len(run))
        # The dictionary lacks many first names (Володимир) and every foreign surname (Вадефулем): a
        # two- or three-word run with a known first name or a known surname at its end is a name too.
        full_name = full_name or (len(run) in (2, 3) and (run[0].has("Name") or run[-1].has("Surn"))
                                  and not any(tk.has("Geox") for tk in run)
                                  and not any(_is_country(noun_lemma("uk", tk.text)) for tk in run))
        if full_name:
            words = []
            case = _name_case(run[0])
            # Beside «Олега», «Синєгубова» is his genitive, not a woman's surname (all the guesser offers):
            # no surname parse of his gender, so the case ending is undone instead.
            gender = _name_gender(run[0])
            for tk in run:
                lemma = (name_lemma("uk", tk.text, "Name") if tk is run[0] else None) or \
                    name_lemma("uk", tk.text, "Surn", gender) or name_lemma("uk", tk.text, "Patr") or \
                    _strip_case(tk.lower, case)
                words.append(capitalise(lemma, tk.text))
            out.append(("PER", run[0].start, run[-1].end, " ".join(words)))
        elif len(run) == 1 and not _adjective_of_next(toks, i) and (
                _known_surname(out, t) or (t.has("Surn") and _after_title(toks, i)) or (
                t.has("Surn", "ablt") and i > 0 and toks[i - 1].lower in ("з", "зі", "із")) or
                _speaker_after_verb(toks, i) or _subject_before_verb(toks, i)):
            sur = name_lemma("uk", t.text, "Surn") or t.lower
            out.append(("PER", t.start, t.end, capitalise(sur, t.text)))
        elif len(run) <= 2 and _uk_place_like(toks, i, run, at_start):
            if at_start and an.word_is_known(t.lower) and not t.has("Geox") and \
                    term_lookup("uk", "country", noun_lemma("uk", t.text)) is None:
                i = j + 1
                continue
            if len(run) == 2 and run[0].has("ADJF"):
                noun = noun_lemma("uk", run[1].text)
                name = capitalise(adjective_agree("uk", run[0].lemma_with("ADJF") or run[0].lower, noun),
                                  run[0].text) + " " + capitalise(noun, run[1].text)
            else:
                name = " ".join(capitalise(_place_lemma(tk.text), tk.text) for tk in run)
            out.append(("LOC", run[0].start, run[-1].end, name))
        i = j + 1
    return out


def _shchyna_official(word: str) -> str | None:
    """«Нікопольщину», «Куп'янщині»: a region or district called by its town's name and -щина (-ччина
    after ц), in any case; its official name is the town's adjective and область or район, whichever the
    gazetteer knows."""
    m = re.fullmatch(r"(.{3,}?)(щин|ччин)(?:а|и|у|і|ою|о)", word)
    if m is None:
        return None
    adj = m.group(1) + ("ськ" if m.group(2) == "щин" else "цьк")
    for name in (f"{adj}а область", f"{adj}ий район"):
        if _gazetteer_has(name):
            return name[:1].upper() + name[1:]
    return None


def _region_adjective(toks: list[Token], k: int) -> bool:
    """«Харківської» in «Піщане Харківської області»: the adjective of the area noun after it, which opens
    a name of its own rather than continuing the one before it."""
    return toks[k].has("ADJF") and k + 1 < len(toks) and bool(toks[k + 1].lemmas & _AREA_NOUNS)


_CASE_ENDINGS = {"ablt": ("ом", "ем", "єм"), "gent": ("а", "я"), "datv": ("ові", "еві", "у", "ю"),
                 "loct": ("ові", "еві", "і"), "accs": ("а", "я")}


def _name_case(tok: Token) -> str | None:
    """The case of a first name (from its Name parse), which a foreign surname beside it shares."""
    for p in tok.parses:
        if "Name" in p.tag.grammemes:
            return next((c for c in _CASE_ENDINGS if c in p.tag.grammemes), None)
    return None


def _adjective_of_next(toks: list[Token], i: int) -> bool:
    """«голови Сумської обласної військової адміністрації»: a capitalised adjective agreeing with the
    lower-case adjective or noun after it, not a surname (pymorphy also reads «Сумської» as one)."""
    if i + 1 >= len(toks) or not toks[i + 1].is_word or toks[i + 1].is_cap:
        return False
    cases = {c for p in toks[i].parses if "ADJF" in p.tag.grammemes for c in _CASES if c in p.tag.grammemes}
    return bool(cases) and any(c in p.tag.grammemes for p in toks[i + 1].parses
                               if {"ADJF", "NOUN"} & p.tag.grammemes for c in cases)


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


def _name_gender(tok: Token) -> str | None:
    """The gender of a first name's parse ('masc' for «Олега»), None when the dictionary lacks it."""
    return next((p.tag.gender for p in tok.parses if "Name" in p.tag.grammemes and p.tag.gender), None)


def _strip_case(word: str, case: str | None) -> str:
    """«вадефулем» beside «Йоганном» -> «вадефуль»: undo the case ending of a surname the dictionary
    does not know, so it keys like its nominative."""
    for ending in _CASE_ENDINGS.get(case or "", ()):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            return stem + "ь" if case == "ablt" and ending in ("ем", "єм") and stem[-1] in "лнцдтзс" else stem
    return word


# «повідомив Синєгубов»: a speech verb, then one capitalised word the dictionary does not know.
_SPEECH_VERBS_UK = frozenset({"повідомити", "заявити", "сказати", "написати", "зазначити", "додати", "розповісти",
                              "наголосити", "підкреслити", "уточнити"})


def _speaker_after_verb(toks: list[Token], i: int) -> bool:
    if i == 0 or not toks[i - 1].lemmas & _SPEECH_VERBS_UK:
        return False
    t = toks[i]
    return not t.has("Geox") and not any(p.score > 0.5 and p.tag.POS == "NOUN" and "Surn" not in p.tag.grammemes
                                         and "Name" not in p.tag.grammemes for p in t.parses if p.is_known) \
        and not _gazetteer_has(noun_lemma("uk", t.text))


def _subject_before_verb(toks: list[Token], i: int) -> bool:
    """«Зеленський провів зустріч», «Сибіга заявив»: a lone surname as the subject of the verb after it.
    A word the dictionary knows as a surname in the nominative, or, before a verb of speech, a word it
    does not know as a common noun or place."""
    if i + 1 >= len(toks) or not toks[i + 1].has("VERB"):
        return False
    t, verb = toks[i], toks[i + 1]
    if t.has("Geox"):
        return False
    # The verb agrees with one person: singular, and in the past of the surname's gender («Зеленський
    # провів»), which «Мешканці Львова залишили» (plural) does not.
    genders = {p.tag.gender or "any" for p in verb.parses
               if p.tag.POS == "VERB" and ("sing" in p.tag.grammemes or "past" in p.tag.grammemes)
               and "plur" not in p.tag.grammemes}
    if not genders:
        return False
    if any("Surn" in p.tag.grammemes and "nomn" in p.tag.grammemes
           and (p.tag.gender in genders or "any" in genders) for p in t.parses):
        return True
    return bool(verb.lemmas & _SPEECH_VERBS_UK) and not any(
        p.is_known and p.score > 0.3 and p.tag.POS in ("NOUN", "ADJF") and "Surn" not in p.tag.grammemes
        for p in t.parses) and not _gazetteer_has(noun_lemma("uk", t.text))


def _after_title(toks: list[Token], i: int) -> bool:
    """«президент Зеленський»: a lone surname right after a rank or title is a person."""
    titles = terms_of("uk", "title")
    return any((m := match_term(toks, k, titles)) is not None and m[1] == i for k in range(max(0, i - 3), i))


def _two_word_place(run: list[Token], lang: str = "uk") -> str | None:
    """The nominative of a two-word town name, when the gazetteer knows it: an adjective agreed with its
    noun (Нову Каховку -> Нова Каховка, Кривому Розі -> Кривий Ріг, Набережными Челнами -> Набережные
    Челны) or the words as written (Часів Яр, whose first word is a genitive that never changes)."""
    a, b = run
    nouns = [str(p.normal_form) for p in b.parses if "NOUN" in p.tag.grammemes] or [b.lower]
    adjs = sorted({str(p.normal_form) for p in a.parses if "ADJF" in p.tag.grammemes})
    cands: list[str] = []
    for noun in dict.fromkeys(nouns):
        cands += [capitalise(adjective_agree(lang, adj, noun), a.text) + " " + capitalise(noun, b.text)
                  for adj in adjs]
        cands.append(a.text + " " + capitalise(noun, b.text))
    cands.append(a.text + " " + b.text)
    known = [c for c in dict.fromkeys(cands) if _gazetteer_has(c)]
    return _most_populous(known) if known else None


def _uk_place_like(toks: list[Token], i: int, run: list[Token], at_start: bool) -> bool:
    """A capitalised Ukrainian run that names a place: dictionary geo tag, country, gazetteer name, or
    a non-name word after a locative preposition (villages the gazetteer lacks)."""
    t = toks[i]
    lemma = capitalise(_place_lemma(t.text), t.text)
    if t.has("Geox") or term_lookup("uk", "country", lemma) is not None:
        return True
    if len(run) == 1 and _gazetteer_has(lemma):
        return True
    after_prep = i > 0 and toks[i - 1].lower in _LOC_PREPS
    # After "з/від/за" a capitalised word is as often a person (від Зеленського) as a place.
    return after_prep and not any(tk.has(g) for tk in run for g in NAME_TAGS)


def _place_lemma(word: str) -> str:
    """Nominative of a Ukrainian place word, checked against the gazetteer when it is there: «Сумах» is
    Суми (plural), not сума; «Куп'янську» is Куп'янськ, not the adjective."""
    an = morph("uk")
    cands: list[str] = []
    for p in an.parse(normalise_apostrophes(word)):
        if "NOUN" in p.tag.grammemes or "Geox" in p.tag.grammemes:
            cands.append(str(p.normal_form))
            plural = p.inflect({"plur", "nomn"})
            if plural is not None:
                cands.append(str(plural.word))
    best = _most_populous([capitalise(c, word) for c in cands])
    return best.lower() if best is not None else noun_lemma("uk", word)


def _most_populous(names: list[str]) -> str | None:
    """The name whose place in the gazetteer is largest (first wins a tie), or None when it knows none:
    «Черкасах» may be the village Черкас or the city Черкаси, «Шахтах» Шахта or Шахты."""
    if _gazetteer() is None:
        return None
    best, size = None, -1
    for name in names:
        pop = _population(name)
        if pop > size:
            best, size = name, pop
    return best


def _gazetteer() -> Any | None:
    """The project's gazetteer, or None when it is not built: these extractors then fall back on context
    cues alone."""
    try:
        from wirecheck.gazetteer import get

        return get()
    except Exception:  # the gazetteer is optional here
        return None


def _is_country(lemma: str) -> bool:
    """Whether a (lower-case) lemma names a country: the term table, else the gazetteer."""
    if term_lookup("uk", "country", lemma) is not None:
        return True
    gz = _gazetteer()
    return gz is not None and any(p.level == "country" for p in gz.lookup(capitalise(lemma, "X"), sound=False))


def _is_city(name: str) -> bool:
    """Whether the gazetteer knows a city (100,000 people or more) of this name."""
    gz = _gazetteer()
    return gz is not None and any(p.level == "settlement" and p.population >= 100_000 and p.match_kind in (0, 1)
                                  for p in gz.lookup(name, sound=False))


def _gazetteer_has(name: str) -> bool:
    """Whether the project's gazetteer knows a place of this name."""
    gz = _gazetteer()
    return gz is not None and bool(gz.has_name(name))


def _known_surname(found: list[tuple[str, int, int, str]], tok: Token) -> bool:
    """A lone capitalised word is a person when it repeats the surname of a person already named."""
    key = person_key(name_lemma("uk", tok.text, "Surn") or tok.text)
    return any(typ == "PER" and person_key(normal) == key for typ, _, _, normal in found)
