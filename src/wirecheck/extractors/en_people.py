"""People in English text, with rank/title ("Colonel", "Russian President") and role
("commander of the 6th ... Brigade").

spaCy PERSON entities are the base; a bare surname that spaCy mislabels (the small model calls
"Temirkhanov" a GPE) still counts when it repeats a person named earlier in the document.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Document, Fact, FactType
from wirecheck.nlp.en_terms import HONORIFICS, TITLES, canon_title
from wirecheck.nlp.thing_types import VESSEL_BEFORE
from wirecheck.registry import stage
from wirecheck.textnorm import person_key, same_name

# "Deputy Governor", "Acting Mayor", "First Deputy Minister": a rank below the office is another title.
_TITLE_RE = re.compile(
    r"(?:^|[\s(,\"“])(?P<title>(?:(?:first\s+)?(?:deputy|vice|acting|assistant|interim)\s+)?(?:"
    + "|".join(re.escape(t) for t in TITLES) + r"))\s+$", re.I)
_ROLE_RE = re.compile(
    r"^,?\s+(?:who\s+(?:leads|heads|commands)\s+|(?:the\s+|a\s+)?(?P<role>commander|head|chief|leader|"
    r"spokesperson|spokesman|spokeswoman|governor|mayor|director|chairman|secretary|minister|"
    r"deputy commander|chief of staff)\s+of\s+)(?P<of>(?:the\s+)?[^,;.]{2,90})", re.I)
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’\-]+$")
# "Governor Pavel Orlov": a title (any case) then one to three capitalised words on the same line.
_TITLED_NAME = re.compile(r"\b(?i:" + "|".join(re.escape(t) for t in TITLES if not t.endswith(".")) +
                          r")[ \t]+((?:[A-Z][\w'’\-]+[ \t]?){1,3})")
_AFFILIATION = re.compile(r"^['’]?s?\s+(?:chief|head|boss|director|spokes\w+|chairman|minister|commander|"
                          r"press secretary|general director|ceo)\s+[A-Z]", re.I)
_TITLE_WORDS = {w for t in TITLES for w in t.split()} | {"russian", "ukrainian", "american", "chinese"}


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"\s+", " ", text)


def _overlaps(doc: Document, start: int, end: int, types: tuple[FactType, ...]) -> bool:
    return any(f.start < end and start < f.end for f in doc.facts if f.type in types)


# Lower-case particles inside a name: "Virgil van Dijk", "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la",
                        "le", "ter", "ten", "bin", "ibn", "al", "el"})

_INDEFINITE = re.compile(r"\b(?:a|an|A|An)\s+$")


@stage("people.en", requires=["sentences", "spacy"], provides=["facts.person"], langs=["en"], order=40,
       after=["facts.place", "facts.unit"])
def people_en(doc: Document) -> Document:
    """PERSON entities plus repeated surnames, with titles and roles."""
    sp = doc.extras["spacy"]
    full: list[Fact] = []
    # Doc.ents builds every entity span anew on each call: read the PERSON entities once.
    entities = [_person_span(sp, e) for e in sp.ents if e.label_ == "PERSON"]
    # The tagger sometimes cuts one name in two ("Oleksandr" "Prokudin"): rejoin entities a space apart.
    joined: list[tuple[int, int]] = []
    for a, b in entities:
        if joined and doc.text[joined[-1][1]:a] == " ":
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    entities = joined
    spans: list[tuple[int, int]] = list(entities)
    # Title-led capitalised names the model missed ("Governor Oleh Syniehubov" tagged ORG).
    for m in _TITLED_NAME.finditer(doc.text):
        a, b = m.start(1), m.start(1) + len(m.group(1).rstrip())
        if not any(s < b and a < e for s, e in spans) and doc.text[a:b].split()[0] not in {"The", "A"}:
            spans.append((a, b))
    for tok in sp:
        # Bare capitalised tokens that repeat an earlier full name's surname.
        if _NAME_TOKEN.match(tok.text) and not any(s <= tok.idx < e for s, e in spans):
            spans.append((tok.idx, tok.idx + len(tok.text)))
    headlines = {s.index for s in doc.sentences if is_headline(s.text)}
    for start, end in sorted(spans):
        text = doc.text[start:end]
        if text.startswith("the "):
            start += 4
        name = _clean_name(doc.text[start:end])
        end = start + len(name)
        words = name.split()
        # "General Boubacar Sangare": leading rank words are the title, not the name.
        while words and (words[0].lower() in _TITLE_WORDS or words[0].lower().rstrip(".") in _TITLE_WORDS):
            start += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        end = start + len(name)
        if not words or not all(w[:1].isupper() or (0 < i < len(words) - 1 and w in _PARTICLES)
                                for i, w in enumerate(words)):
            continue
        if _overlaps(doc, start, end, (FactType.UNIT, FactType.ORGANIZATION)):
            continue
        if _AFFILIATION.match(doc.text[end:end + 40]):
            continue  # "Rosatom chief Sergei Kiriyenko": the word before a title is an employer
        is_entity = any(a <= start and end <= b for a, b in entities)
        earlier = next((f for f in reversed(full) if same_name(f.attrs["surname"], words[-1])), None)
        title = _title_before(doc.text, start) or _title_after(doc.text, end)
        if not is_entity and earlier is None and title is None:
            continue  # a bare capitalised word is a person only when it repeats a known name
        if earlier is None and title is None and VESSEL_BEFORE.search(doc.text[max(0, start - 30):start]):
            continue  # "the cargo ship Slavyanin": a ship's name, not a person's
        if doc.sentence_at(start) in headlines and earlier is None and not _named_later(sp, words[-1], end):
            continue  # Title Case Headlines make every word look like a name
        if len(words) == 1 and earlier is None and not title and _overlaps(doc, start, end, (FactType.PLACE,)):
            continue
        if is_entity and any(w in _PARTICLES for w in words):
            # "Leyen" of "Ursula von der Leyen" resolved as a place: the name owns it.
            doc.facts = [f for f in doc.facts if not (f.type is FactType.PLACE and start <= f.start and f.end <= end)]
        if _overlaps(doc, start, end, (FactType.PLACE,)) and earlier is None and title is None:
            continue
        if len(words) == 1 and earlier is None and not title and (
                _INDEFINITE.search(doc.text[max(0, start - 4):start]) or (len(name) > 1 and name.isupper())):
            continue  # "a Vampire rocket launcher": a make or model; "LSEG": an acronym, a body, not somebody
        if len(words) == 1 and earlier is None and not title and acts_as_company(sp, start, end):
            continue  # orgs.en takes it
        if len(words) == 1 and earlier is None and not title and _opens_sentence(doc, start) and (
                _common_word_elsewhere(doc.text, name) or _tagged_common_noun(sp, start, end)):
            continue  # "Turnout was high" where the text also writes "turnout": a capital opening a sentence
        if earlier is not None and len(words) == 1:
            # "Orlov wrote on Telegram" after "Governor Pavel Orlov": the surname, not the town.
            doc.facts = [f for f in doc.facts if not (f.type is FactType.PLACE and f.start == start
                                                      and f.end == end)]
        attrs: dict[str, Any] = {"surname": words[-1], "given": " ".join(words[:-1]) or None}
        if earlier is not None and len(words) < len(earlier.attrs["name"].split()):
            attrs["name"] = earlier.attrs["name"]
            attrs["coref"] = earlier.id
        else:
            attrs["name"] = name
        attrs["title"] = title or (earlier.attrs.get("title") if earlier is not None else None)
        rm = _ROLE_RE.match(doc.text[end:end + 160])
        if rm:
            attrs["role"] = (rm.group("role") or "commander").lower()
            attrs["role_of"] = rm.group("of").strip()
        fact = doc.add_fact(FactType.PERSON, start, end, key=person_key(attrs["name"]), extractor="people.en",
                            confidence=0.95 if is_entity else 0.8, **attrs)
        if earlier is None:
            full.append(fact)
    _link_descriptions(doc)
    return doc


def _opens_sentence(doc: Document, start: int) -> bool:
    s = doc.sentences[doc.sentence_at(start)] if doc.sentences else None
    return s is not None and not doc.text[s.start:start].strip(" \t\n\"“'‘(—–-")


def _tagged_common_noun(sp: Any, start: int, end: int) -> bool:
    """The tagger reads the word as a common noun (NN) though its entity layer says PERSON: "Turnout was
    52.3%" (a name opening a sentence is tagged NNP: "Putin said")."""
    span = sp.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].tag_ in ("NN", "NNS")


def _common_word_elsewhere(text: str, word: str) -> bool:
    """Does the text write ``word`` in lower case somewhere (so its capital is only a sentence start)?"""
    low = word.lower()
    return low != word and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


# "the Russian leader", "the president", "the governor": descriptions that refer back to a person
# named earlier, mapped to the titles they can stand for.
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "leader": ("president", "prime minister", "chancellor", "king", "queen", "leader", "head"),
    "president": ("president",), "head of state": ("president", "king", "queen"),
    "prime minister": ("prime minister",), "premier": ("prime minister",), "chancellor": ("chancellor",),
    "governor": ("governor", "acting governor"), "mayor": ("mayor",), "minister": ("minister",),
    "commander": ("commander", "colonel", "general"), "colonel": ("colonel",), "general": ("general",),
    "spokesperson": ("spokesperson",), "spokesman": ("spokesperson",), "official": (),
}
_DESC_RE = re.compile(r"\b[Tt]he\s+(?:(?:[A-Z][a-z]+|[a-z]+-[a-z]+)\s+)?(?P<desc>" +
                      "|".join(sorted(DESCRIPTIONS, key=len, reverse=True)) + r")\b(?![\s,]+[A-Z])")


def _link_descriptions(doc: Document) -> None:
    """Add a person fact for "the Russian leader" pointing at the last person it can stand for."""
    people = [f for f in doc.facts if f.type is FactType.PERSON]
    for m in _DESC_RE.finditer(doc.text):
        wanted = DESCRIPTIONS[m.group("desc").lower()]
        before = [p for p in people if p.end <= m.start() and any(
            str(p.attrs.get("title") or "").endswith(t) or str(p.attrs.get("role") or "") == t for t in wanted)]
        if not wanted or not before or _overlaps(doc, m.start(), m.end(), (FactType.PERSON, FactType.ORGANIZATION)):
            continue
        ante = before[-1]
        start = m.start() + 4  # without "the "
        doc.add_fact(FactType.PERSON, start, m.end(), key=ante.key, extractor="people.en", confidence=0.7,
                     name=ante.attrs.get("name"), surname=ante.attrs.get("surname"), given=ante.attrs.get("given"),
                     title=ante.attrs.get("title"), coref=ante.id, description=True)


def _person_span(sp: Any, ent: Any) -> tuple[int, int]:
    """A PERSON entity with the name words the small model leaves out: it stops "Ursula von der Leyen" at
    the particle ("Ursula von der" + GPE "Leyen"), and drops the first of three names at the start of a
    paragraph ("José | Antonio Kast won")."""
    start, end = ent.start_char, ent.end_char
    if ent[-1].text in _PARTICLES and ent.end < len(sp) and sp[ent.end].text[:1].isupper() \
            and not sp[ent.end].is_sent_start:
        end = sp[ent.end].idx + len(sp[ent.end].text)
    prev = sp[ent.start - 1] if ent.start > 0 else None
    if (prev is not None and prev.pos_ == "PROPN" and prev.is_title and not prev.ent_type_
            and prev.lower_ not in _TITLE_WORDS and prev.whitespace_ == " " and len(ent) >= 2):
        start = prev.idx
    return start, end


# Nouns a story uses to refer back to a company it just named ("Moderna said ... The company plans ...").
_COMPANY_NOUNS = ("company", "firm", "group", "maker", "drugmaker", "carmaker", "automaker", "chipmaker",
                  "retailer", "airline", "insurer", "lender", "bank", "operator", "manufacturer", "developer",
                  "startup", "giant", "conglomerate", "producer", "supplier", "broadcaster", "publisher")
_COMPANY_BACK = re.compile(r"^\s*(?:The|the)\s+(?:[a-z-]+\s+)?(?:" + "|".join(_COMPANY_NOUNS) + r")\b")


def acts_as_company(sp: Any, start: int, end: int) -> bool:
    """Whether a one-word name is a company by how the text refers to it: "Moderna said ... its vaccine"
    (a person's would be "his" or "her") or a next sentence opening "The company ...".

    The small model tags companies that speak ("Moderna said") as PERSON and leaves others untagged;
    a company swapped for another must read as an organisation change, not a new person."""
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    sent = tok.sent
    for t in sent[tok.i - sent.start + 1:]:
        if t.lower_ in ("his", "her", "he", "she", "him"):
            return False
        if t.lower_ == "its" and t.tag_ == "PRP$":
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NN", "NNP") and t.ent_type_ not in ("DATE", "TIME"):
            break  # another singular noun could be what "its" refers to
    nxt = sp[sent.end] if sent.end < len(sp) else None
    return bool(nxt is not None and _COMPANY_BACK.match(sp.text[nxt.idx:nxt.idx + 60]))


def is_headline(sentence: str) -> bool:
    """A Title Case line without final punctuation."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    if len(words) < 3 or sentence.rstrip()[-1:] in ".!?\"”":
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.6


def _named_later(sp: Any, surname: str, after: int) -> bool:
    """Whether a later PERSON entity carries this surname (headline names must be confirmed)."""
    return any(e.label_ == "PERSON" and e.start_char >= after and same_name(surname, e.text.split()[-1])
               for e in sp.ents)


# "his daughter Lamysa", "Khan's wife Faryal": a relative named after the kinship word, which is what a
# rewrite keeps or changes about them, as it does an official's title.
_KIN_RE = re.compile(r"(?:\b(?:his|her|their|its)|['’]s)\s+(?:(?:late|eldest|youngest|elder|younger|"
                     r"eight|nine|ten|\d+-year-old)\s+)?(?P<kin>daughter|son|wife|husband|mother|father|"
                     r"brother|sister|grandmother|grandfather|granddaughter|grandson|niece|nephew|cousin|"
                     r"uncle|aunt|widow|widower|fianc[eé]e?|partner|girlfriend|boyfriend|stepson|"
                     r"stepdaughter)\s+$", re.I)


# "Marin, a former justice minister, ...", "Lysak, the regional governor.": the title in an appositive.
_APPOSITIVE = re.compile(r"^,\s+(?:(?:the|a|an)\s+)?(?P<body>[^,.;:()\n]{2,60}?)\s*(?=[,.;:)]|\s+(?:who|since)\b)")


def _title_after(text: str, end: int) -> str | None:
    """The title an appositive right after the name ends with, if any."""
    m = _APPOSITIVE.match(text[end:end + 80])
    first = m.group("body").split()[0] if m else ""
    if not m or first[:1].isupper() and first.lower() not in _TITLE_WORDS and not re.search(r"['’]s$", first):
        return None  # ", Ukraine, ..." or ", Kyiv": a place, not a description ("Ukraine's minister" is one)
    t = _TITLE_RE.search(m.group("body") + " ")
    if t is None or t.end() < len(m.group("body")):
        return None  # the title must close the appositive ("a former minister of ..." is left alone)
    title = t.group("title")
    return None if title.lower() in HONORIFICS else canon_title(title)


def _title_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 45):start]
    m = _TITLE_RE.search(window)
    if not m:
        k = _KIN_RE.search(window)
        return k.group("kin").lower() if k else None
    t = m.group("title")
    return None if t.lower() in HONORIFICS else canon_title(t)
