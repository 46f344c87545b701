"""Helpers the checks share: evidence spans and short descriptions of facts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from wirecheck.model import Alignment, Comparison, Document, Fact, FactType, Span

T = TypeVar("T")
CLAUSE_DEPS = {"appos", "relcl", "acl", "parataxis", "ccomp", "advcl"}
# A phrase about the text being rewritten ("in the passage", "this summary"): a remark on the text, not a
# claim about the world.  "The report" or "the document" may be one the story is about, so not those.
ABOUT_THE_TEXT = re.compile(r"\b(?:the|this) (?:provided |given |above |original )?(?:passage|article|text|summary|"
                            r"excerpt)\b(?! of\b)|\bin summary\b", re.I)
MAX_CLAIM_CHARS = 160


def claim_span(doc: Document, fact: Fact) -> Span:
    """The phrase that carries an added fact: its appositive, clause or prepositional phrase when one
    holds it ("a key settlement in the Kharkiv region"), else the fact's own words ("hour-long")."""
    sp = doc.extras.get("spacy")
    if sp is None:
        return fact.span
    span = sp.char_span(fact.start, fact.end, alignment_mode="expand")
    if span is None:
        return fact.span
    node = span.root
    if node.dep_ in ("amod", "compound", "nummod", "npadvmod", "poss") and node.head.pos_ in ("NOUN", "PROPN"):
        return fact.span
    while node.head.i != node.i:  # spaCy makes a new Token object on every access: compare indices
        if node.dep_ in CLAUSE_DEPS or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return _subtree_span(doc, node, fact)
        if node.dep_ == "prep" and node.head.pos_ in ("NOUN", "PROPN", "NUM"):
            if node.head.dep_ == "appos":
                return _subtree_span(doc, node.head, fact)
            return _subtree_span(doc, node, fact)
        node = node.head
    return fact.span


def _subtree_span(doc: Document, node: Any, fact: Fact) -> Span:
    toks = list(node.subtree)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc.text[start:end].rstrip(",;:—–- ")
    end = start + len(text)
    if end - start > MAX_CLAIM_CHARS or end <= start:
        return fact.span
    return Span(start, end, text)


def parsed_tokens(doc: Document, indices: list[int]) -> Iterator[Any]:
    """The spaCy tokens of the given sentences, in order; none for a document without an English parse."""
    sp = doc.extras.get("spacy")
    if sp is None:
        return
    for i in indices:
        s = doc.sentences[i]
        span = sp.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            yield from span


def sentence_span(doc: Document, index: int) -> Span:
    s = doc.sentences[index]
    return Span(s.start, s.end, s.text)


def place_record(f: Fact) -> dict[str, Any] | None:
    """The gazetteer record a resolved place fact carries, for the finding's evidence."""
    if not f.attrs.get("geonameid") and not str(f.key).startswith("adm1:"):
        return None
    keys = ("geonameid", "name", "region", "admin1_code", "country", "country_code", "lat", "lon", "level",
            "resolution")
    return {k: f.attrs.get(k) for k in keys if f.attrs.get(k) is not None} | {"mention": f.text}


def where(f: Fact) -> str:
    parts = [str(f.attrs.get("name") or f.text)]
    for k in ("region", "country"):
        v = f.attrs.get(k)
        if v and v not in parts:
            parts.append(str(v))
    return ", ".join(parts)


def aligned_facts(comp: Comparison, *types: FactType) -> Iterator[tuple[Alignment, list[Fact], list[Fact]]]:
    """For each story sentence aligned to source sentences: the alignment, the story sentence's facts
    and the facts of its source sentences (of ``types``, or all)."""
    assert comp.source is not None
    for a in comp.alignments:
        if a.source:
            yield (a, comp.story.facts_in(a.story, *types),
                   [f for j in a.source for f in comp.source.facts_in(j, *types)])


def aligned_items(comp: Comparison, read: Callable[[Document, list[int]], Iterable[T]]
                  ) -> Iterator[tuple[list[T], list[T]]]:
    """For each story sentence aligned to source sentences in which ``read`` finds something: what it finds
    in the story sentence and in those source sentences (the loop the word-list checks share)."""
    assert comp.source is not None
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = list(read(comp.source, list(a.source)))
        if theirs:
            yield list(read(comp.story, [a.story])), theirs


def matches(comp: Comparison) -> list[Any]:
    return list(comp.extras.get("matches", []))
