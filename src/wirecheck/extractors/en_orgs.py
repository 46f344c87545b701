"""Organisations in English text: spaCy ORG entities, extended to "X press service" and similar,
minus what other stages already claimed (units, formations, places, people)."""

from __future__ import annotations

import re

from wirecheck.extractors.en_people import acts_as_company, is_headline
from wirecheck.extractors.en_places import entity_tokens
from wirecheck.gazetteer.seats import SEAT_NAME
from wirecheck.model import Document, FactType
from wirecheck.registry import stage
from wirecheck.textnorm import us_spelling

# Not 'spokesman': "Kremlin spokesman Dmitry Peskov" names the Kremlin; the spokesman is the person's title.
_SUFFIX = re.compile(r"^\s+(press service|press office|administration|"
                     r"government|ministry|command|headquarters)\b", re.I)
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_TITLE_AFTER = re.compile(r"^\s+(?:minister|secretary|chief|commander|head)\b", re.I)


_MINOR_WORDS = {"of", "the", "and", "for", "on", "in", "at", "de", "du", "des", "la", "le"}


def acronym_of(name: str) -> str | None:
    """'UN', 'U.N.' -> 'UN'; None when the name is not written as an acronym."""
    letters = re.sub(r"[.\s]", "", name.strip())
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


def initials_of(name: str) -> set[str]:
    """'United Nations' -> {'UN'}; 'Bank of England' -> {'BE', 'BOE'}: the acronyms a name is written as."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"\s*\([^()]*\)?$", "", _LEAD.sub("", name.strip())))
    if len(words) < 2:
        return set()
    main = "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()
    full = "".join(w[0] for w in words).upper()
    return {main, full}


def org_key(name: str) -> str:
    name = _LEAD.sub("", name.strip())
    name = re.sub(r"\s*\([^()]*\)?$", "", name) or name  # "Authority on Development (IGAD)": the name
    name = re.sub(r"['’]s$", "", name)
    return us_spelling(re.sub(r"\s+", " ", name).lower())


# State bodies that belong to a country: "Russia's Defence Ministry" is the Russian Defence Ministry.
_STATE_HEADS = frozenset("""ministry government army navy police parliament guard service forces staff command
council office agency""".split())
_POSSESSOR = re.compile(r"(?:^|\s)(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+$")
_OF_COUNTRY = re.compile(r"^(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")


def _country_adjective(name: str) -> str | None:
    """'Russia' -> 'russian' from the gazetteer's demonyms; None for anything not a country."""
    try:
        from wirecheck.gazetteer import DEMONYM, get

        gz = get()
        country = next((p for p in gz.lookup(name, sound=False) if p.level == "country"), None)
        if country is None:
            return None
        adjs = sorted((k for k, kind in gz.names_of(country.id) if kind == DEMONYM), key=len)
        return adjs[0] if adjs else None
    except Exception:  # noqa: BLE001 - the gazetteer is optional here: keep the plain key
        return None


def state_body_key(text: str, start: int, name: str) -> str:
    """The key of an organisation, with the country a state body belongs to when the text says it
    as a possessive or an "of" phrase ("Russia's Defence Ministry", "the Defence Ministry of Russia")."""
    key = org_key(name)
    m = _OF_COUNTRY.match(name.strip())
    body, country = (m.group("body"), m.group("country")) if m else (name, None)
    if not set(org_key(body).split()) & _STATE_HEADS:
        return key
    if country is None and (pm := _POSSESSOR.search(text[max(0, start - 40):start])):
        country = pm.group(1)
    adj = _country_adjective(country) if country else None
    if adj is None or org_key(body).startswith(adj):
        return key
    return f"{adj} {org_key(body)}"


# Institutions spaCy's small model often leaves untagged ("The Finnish Navy", "the Border Guard").
_INSTITUTION = re.compile(
    r"\b(?:the[ \t]+)?(?P<name>(?:[A-Z][a-z]+[ \t]+){0,3}(?:Navy|Army|Air Force|Border Guard|Coast Guard|"
    r"National Guard|Police|Security Service|Armed Forces|General Staff|Parliament|Government|"
    r"(?:Foreign|Defen[cs]e|Interior|Emergencies|Health|Justice)\s+Ministry|Ministry\s+of\s+(?:[A-Z][a-z]+"
    r"(?:\s+(?:and\s+)?[A-Z][a-z]+)?)|Guard|Agency|Service|Office|Command))\b")


def _acronyms_to_full_names(doc: Document) -> None:
    """'NBU' after 'the National Bank of Ukraine' is that bank: the acronym takes the full name's key, so
    it aligns and matches like the name (across languages too, where «НБУ» has the English name's key)."""
    orgs = doc.facts_of(FactType.ORGANIZATION)
    for f in orgs:
        short = acronym_of(str(f.attrs.get("name") or f.text))
        if short is None:
            continue
        full = next((g for g in orgs if g.start < f.start and short in initials_of(str(g.attrs.get("name") or g.text))),
                    None)
        if full is not None and full.key != f.key:
            f.attrs["acronym"] = f.key
            f.key = full.key


@stage("orgs.en", requires=["sentences", "spacy"], provides=["facts.organization"], langs=["en"], order=45,
       after=["facts.unit", "facts.place", "facts.person"])
def orgs_en(doc: Document) -> Document:
    """ORG entities not already claimed as units, formations, places or people."""
    sp = doc.extras["spacy"]
    claimed = [(f.start, f.end) for f in doc.facts
               if f.type in (FactType.UNIT, FactType.ORGANIZATION, FactType.PERSON)]
    for m in _INSTITUTION.finditer(doc.text):
        start, end = m.start("name"), m.end("name")
        words = m.group("name").split()
        if len(words) < 2 or any(a < end and start < b for a, b in claimed):
            continue  # a bare "Guard" or "Service" is not a name
        doc.add_fact(FactType.ORGANIZATION, start, end, key=state_body_key(doc.text, start, m.group("name")),
                     extractor="orgs.en",
                     confidence=0.8, name=m.group("name"))
        claimed.append((start, end))
    claimed += [(f.start, f.end) for f in doc.facts if f.type is FactType.PLACE]
    for m in SEAT_NAME.finditer(doc.text):
        # The tagger calls "the White House" a building (FAC) as often as an ORG: it speaks for a state.
        if not any(a < m.end() and m.start() < b for a, b in claimed) \
                and not re.search(r"\b(?:pro|anti)-$", doc.text[max(0, m.start() - 5):m.start()], re.I):
            doc.add_fact(FactType.ORGANIZATION, m.start(), m.end(), key=org_key(m.group()), extractor="orgs.en",
                         confidence=0.85, name=m.group())
            claimed.append((m.start(), m.end()))
    for ent in sp.ents:
        if ent.label_ != "ORG" or ent[0].like_num:
            continue  # "Four Britons" tagged ORG: a count of people, the number stage's
        ent = entity_tokens(ent)
        start, end = ent.start_char, ent.end_char
        lead = _LEAD.match(doc.text[start:end])
        if lead:
            start += lead.end()
        suffix = _SUFFIX.match(doc.text[end:end + 40])
        if suffix:
            end += suffix.end()
        if any(a < end and start < b for a, b in claimed):
            continue
        if _TITLE_AFTER.match(doc.text[end:end + 30]):
            continue  # "Estonian Defence Minister": part of a person's title
        if doc.text.count("(", start, end) > doc.text.count(")", start, end) and doc.text[end:end + 1] == ")":
            end += 1  # the tagger stops short of the closing bracket: "... Development (IGAD"
        name = doc.text[start:end]
        sent = ent.sent
        if is_headline(sent.text) and name not in doc.text[sent.end_char:]:
            # Title Case defeats the tagger ("Russian Forces Capture Peschanoye" as one ORG): a headline
            # organisation counts only when the story names it again below.
            continue
        doc.add_fact(FactType.ORGANIZATION, start, end, key=state_body_key(doc.text, start, name),
                     extractor="orgs.en",
                     confidence=0.85, name=name)
        claimed.append((start, end))
    _acronyms_to_full_names(doc)
    for tok in sp:
        # Companies the tagger missed or called people, known by how the text refers back to them.
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ not in ("", "PERSON"):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(a < end and start < b for a, b in claimed) or not acts_as_company(sp, start, end):
            continue
        doc.add_fact(FactType.ORGANIZATION, start, end, key=org_key(tok.text), extractor="orgs.en",
                     confidence=0.7, name=tok.text, by="reference")
        claimed.append((start, end))
    return doc
