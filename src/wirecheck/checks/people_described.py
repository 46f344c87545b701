"""description_changed for people: the story's sentence has a man where its source sentence has only a
woman, a girl where it has a boy, an adult where it has a child.

Counts and ages of people ("two women", "a 45-year-old man") are compared as numbers (align.facts); this
check reads the person nouns that carry no number ("A boy was taken to hospital" / «Девочка
госпитализирована»).  It reports a story noun that fits none of the person nouns of the aligned source
sentences, when those sentences have some and the source never describes anybody as the story does.
"""

from __future__ import annotations

from collections.abc import Iterator

from wirecheck.checks._common import aligned_items, parsed_tokens
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Finding, Span
from wirecheck.person_nouns import different_people, english, person_lemma, person_noun
from wirecheck.registry import check

CONFIDENCE = 0.6


def _nouns(doc: Document, sentences: list[int]) -> Iterator[tuple[str, Span]]:
    """(lemma, span) of every person noun in the given sentences that no number counts or dates."""
    counted = [(f.start, f.end) for f in doc.facts if f.type is FactType.NUMBER]

    def free(start: int) -> bool:
        # "two women", "45-летний мужчина": the number comparison has this noun already.
        return not any(a <= start <= b + 16 for a, b in counted)

    if doc.lang == "en":
        for t in parsed_tokens(doc, sentences):
            if t.pos_ == "NOUN" and person_noun(t.lemma_.lower()) and free(t.idx):
                yield t.lemma_.lower(), doc.span(t.idx, t.idx + len(t.text))
        return
    from wirecheck.nlp.russian import tokens

    wanted = [doc.sentences[i] for i in sentences]
    for tok in tokens(doc):
        if not any(s.start <= tok.start < s.end for s in wanted) or not free(tok.start):
            continue
        lemma = person_lemma(tok.lemmas)
        if lemma is not None:
            yield lemma, doc.span(tok.start, tok.end)


@check("people_described", kinds=[FindingKind.DESCRIPTION_CHANGED], requires=["alignments"], order=86)
def people_described(comp: Comparison) -> None:
    """A person noun of another sex or age group than any in the aligned source sentences."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("en", "ru", "uk"):
        return
    everywhere: list[str] | None = None
    for ours, theirs in aligned_items(comp, _nouns):
        for lemma, span in ours:
            if any(not different_people(lemma, t) for t, _ in theirs):
                continue
            if everywhere is None:
                everywhere = [t for t, _ in _nouns(comp.source, list(range(len(comp.source.sentences))))]
            if any(not different_people(lemma, t) for t in everywhere):
                continue  # the source has such a person somewhere: which sentence tells of whom is unclear
            peer, peer_span = theirs[0]
            comp.add(Finding(
                FindingKind.DESCRIPTION_CHANGED,
                f"The source's sentence tells of a {english(peer)}; the story's makes it a {lemma}.",
                story=span, source=peer_span, before=peer_span.text, after=span.text,
                rule="description.person", confidence=CONFIDENCE))
