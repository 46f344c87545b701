"""Russian and Ukrainian morphology, tokens and the bilingual term table, each loaded once per process.

natasha (bundled NER + navec) does Russian names and places; Ukrainian has no permissively licensed NER, so
the Ukrainian path relies on pymorphy3-uk grammemes (Name, Surn, Patr) and capitalisation.  Lemma helpers
collect every parse: ``parse()[0]`` is often wrong for proper names (Сіверська -> adjective first,
«полка» -> полка the shelf).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from wirecheck.errors import SetupError
from wirecheck.model import Document
from wirecheck.textnorm import normalise_apostrophes

NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=2)
def morph(lang: str) -> Any:
    """pymorphy3 analyser for ``ru`` or ``uk``."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")
    except (ImportError, ValueError, OSError) as e:  # missing dictionaries package
        raise SetupError(f"pymorphy3 dictionaries for {lang!r} are not installed ({e})") from None


@lru_cache(maxsize=1)
def natasha_models() -> dict[str, Any]:
    """natasha segmenter, NER tagger and morph vocabulary (bundled weights, ~1.5 s to load)."""
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    except ImportError as e:
        raise SetupError(f"natasha is not installed ({e})") from None
    emb = NewsEmbedding()
    return {"segmenter": Segmenter(), "ner": NewsNERTagger(emb), "morph": NewsMorphTagger(emb),
            "vocab": MorphVocab()}


@dataclass(frozen=True)
class NerSpan:
    type: str  # PER, LOC, ORG
    start: int
    end: int
    text: str
    normal: str


def natasha_spans(text: str) -> list[NerSpan]:
    """Russian NER spans with natasha's nominative normalisation (Ярамиром Темирхановым -> Ярамир Темирханов)."""
    return list(_natasha_spans(text))


@lru_cache(maxsize=64)  # organisations and people/places stages read the same document's spans
def _natasha_spans(text: str) -> tuple[NerSpan, ...]:
    from natasha import Doc

    m = natasha_models()
    d = Doc(text)
    d.segment(m["segmenter"])
    d.tag_ner(m["ner"])
    d.tag_morph(m["morph"])  # span.normalize() inflects by these tags
    out = []
    for s in d.spans:
        try:
            s.normalize(m["vocab"])
            normal = s.normal or s.text
        except Exception:  # natasha raises on spans without morph annotation
            normal = s.text
        out.append(NerSpan(s.type, s.start, s.stop, s.text, normal))
    return tuple(out)


# --------------------------------------------------------------------------------------------- tokens

@dataclass
class Token:
    i: int
    start: int
    end: int
    text: str
    parses: list[Any] = field(default_factory=list, repr=False)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def lemmas(self) -> set[str]:
        return {p.normal_form.replace("ё", "е") for p in self.parses} | {self.lower.replace("ё", "е")}

    def has(self, *grammemes: str) -> bool:
        return any(all(g in p.tag.grammemes for g in grammemes) for p in self.parses)

    def lemma_with(self, *grammemes: str, without: tuple[str, ...] = ()) -> str | None:
        for p in self.parses:
            if all(g in p.tag.grammemes for g in grammemes) and not any(g in p.tag.grammemes for g in without):
                return str(p.normal_form)
        return None

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


_APOS_IN_WORD = re.compile(r"(?<=\w)['’`]" + r"(?=\w)")


def tokens(doc: Document) -> list[Token]:
    """razdel tokens with all their pymorphy3 parses, computed once per document."""
    cached = doc.extras.get("ru.tokens")
    if cached is not None:
        return list(cached)
    from razdel import tokenize

    # razdel splits Куп’янськ at a typographic apostrophe but not at the modifier letter ʼ; swap
    # one character for one so offsets stay valid.
    text = _APOS_IN_WORD.sub("ʼ", doc.text)
    out: list[Token] = []
    for t in tokenize(text):
        start, stop = t.start, t.stop
        # "52." at a sentence end comes back as one token; keep the number clean.
        pieces = [(start, stop - 1), (stop - 1, stop)] if re.fullmatch(r"\d+\.", t.text) else [(start, stop)]
        for a, b in pieces:
            word = normalise_apostrophes(text[a:b])
            parses = _parse_cached(doc.lang, word) if word[:1].isalpha() else []
            out.append(Token(len(out), a, b, doc.text[a:b], parses))
    doc.extras["ru.tokens"] = out
    return list(out)


# Ordinals in digits ("6-й", "177-го", or a bare "6" before a unit type) and in words, both languages.
ORDINAL_DIGITS = re.compile(r"^(\d{1,4})(?:-?(?:й|я|е|го|му|м|х|ой|ая|ое|ый|ий|та|ти|ї|ий|ого|ому|ій|те|а))?$")
ORDINAL_WORDS = {
    # ru
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
    "восьмой": 8, "девятый": 9, "десятый": 10,
    # uk
    "перший": 1, "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6, "сьомий": 7,
    "восьмий": 8, "дев'ятий": 9, "десятий": 10,
}


def ordinal_value(tok: Token, *, bare_digits: bool = True) -> int | None:
    """6 for «6-й», «шестой» or «шостий»; a bare «6» only when ``bare_digits``."""
    m = ORDINAL_DIGITS.match(tok.lower)
    if m and (bare_digits or not tok.lower.isdigit()):
        return int(m.group(1))
    for lemma in tok.lemmas:
        if normalise_apostrophes(lemma) in ORDINAL_WORDS:
            return ORDINAL_WORDS[normalise_apostrophes(lemma)]
    return None


@lru_cache(maxsize=200_000)
def _parse_cached_raw(lang: str, word: str) -> tuple[Any, ...]:
    return tuple(morph(lang).parse(word))


def _parse_cached(lang: str, word: str) -> list[Any]:
    return list(_parse_cached_raw(lang, word))


def noun_lemma(lang: str, word: str) -> str:
    """Nominative lemma preferring noun parses (Северска -> северск, Сіверська -> сіверськ)."""
    parses = _parse_cached(lang, normalise_apostrophes(word))
    for want in (("NOUN", "Geox"), ("NOUN",)):
        for p in parses:
            if all(g in p.tag.grammemes for g in want) and not any(g in p.tag.grammemes for g in NAME_TAGS):
                return str(p.normal_form)
    for p in parses:
        if "NOUN" in p.tag.grammemes:
            return str(p.normal_form)
    return str(parses[0].normal_form) if parses else word.lower()


def name_lemma(lang: str, word: str, grammeme: str, gender: str | None = None) -> str | None:
    """Nominative of a first name / surname / patronymic word, keeping the gender of the parse;
    ``gender``: only from a parse of that gender (or none), as the first name beside it has."""
    for p in _parse_cached(lang, normalise_apostrophes(word)):
        if grammeme in p.tag.grammemes and (gender is None or p.tag.gender in (gender, None)):
            return str(p.normal_form)
    return None


def capitalise(lemma: str, like: str) -> str:
    """Restore the surface capitalisation of a name (all-caps abbreviations stay all caps)."""
    if like.isupper() and len(like) > 1:
        return lemma.upper()
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


def adjective_agree(lang: str, adj: str, noun: str) -> str:
    """Put an adjective lemma in the nominative gender of its noun (харківський + область -> харківська)."""
    an = morph(lang)
    nparse = next((p for p in an.parse(noun) if "NOUN" in p.tag.grammemes), None)
    gender = nparse.tag.gender if nparse is not None else None
    plural = nparse is not None and {"plur", "Pltm"} <= nparse.tag.grammemes
    for p in an.parse(adj):
        if "ADJF" in p.tag.grammemes:
            want = {"nomn", "plur"} if plural else {"nomn", gender} if gender else {"nomn"}
            inf = p.inflect(want)
            if inf is not None:
                return str(inf.word)
    return adj


# ----------------------------------------------------------------------------------------- term table

@dataclass(frozen=True)
class Term:
    kind: str  # unit_type, descriptor, title, role, org, noun, event, region, country, place_word ...
    lang: str  # ru, uk or * (both)
    words: tuple[frozenset[str], ...]  # lemma sets, one per word
    english: str
    source: str


def _line_lemmas(lang: str, phrase: str) -> tuple[frozenset[str], ...]:
    out = []
    for w in re.findall(r"[\w'’ʼ-]+|[«»\"]", phrase):
        w = normalise_apostrophes(w)
        ls = {w.lower().replace("ё", "е")}
        if w[:1].isalpha():
            ls |= {p.normal_form.replace("ё", "е") for p in _parse_cached(lang, w)}
        out.append(frozenset(ls))
    return tuple(out)


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The project's RU/UK -> English term table (data/terms_ru_uk_en.tsv), lemmatised once."""
    path = resources.files("wirecheck") / "data" / "terms_ru_uk_en.tsv"
    out: list[Term] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 4:
                continue
            kind, lang, phrase, english = (c.strip() for c in row[:4])
            for lg in (("ru", "uk") if lang == "*" else (lang,)):
                out.append(Term(kind, lg, _line_lemmas(lg, phrase), english, phrase))
    # Longest first so "пресс-служба Кремля" wins over "Кремль".
    out.sort(key=lambda t: -len(t.words))
    return tuple(out)


def terms_of(lang: str, *kinds: str) -> list[Term]:
    return [t for t in terms() if t.lang == lang and t.kind in kinds]


def match_term(toks: list[Token], i: int, candidates: list[Term]) -> tuple[Term, int] | None:
    """The longest term whose words all share a lemma with the tokens from ``i``; returns (term, end)."""
    for t in candidates:
        n = len(t.words)
        if i + n > len(toks):
            continue
        if all(toks[i + k].lemmas & t.words[k] for k in range(n)):
            return t, i + n
    return None


def find_terms(toks: list[Token], candidates: list[Term]) -> Iterator[tuple[Term, int, int]]:
    """Non-overlapping term matches, left to right: (term, first token index, end token index)."""
    i = 0
    while i < len(toks):
        m = match_term(toks, i, candidates) if toks[i].is_word else None
        if m is None:
            i += 1
            continue
        yield m[0], i, m[1]
        i = m[1]


def term_lookup(lang: str, kind: str, lemma: str) -> str | None:
    """English form of a one-word term of ``kind`` with this lemma."""
    lemma = lemma.lower().replace("ё", "е")
    for t in terms_of(lang, kind):
        if len(t.words) == 1 and lemma in t.words[0]:
            return t.english
    return None
