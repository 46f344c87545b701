"""How much of each story sentence's wording the source supports.

Fact checks see names, numbers and quotes; they do not see a claim told in words the source never uses
("was found guilty" for "was charged") or two of the source's people joined by a relation it never
states.  Those claims are written in word pairs that do not occur in the source, so the share of a
sentence's adjacent word pairs (lemmas, stop words included: "not guilty" and "guilty" differ) found in
the source is a cheap, language-model-free support measure.  On FRANK's valid split it separates
faithful from erroneous summaries better than any single fact check (see benchmarks/frank.py), and it
feeds the story's error risk (wirecheck.risk).

Two per-sentence measures go beside the story-wide share: the highest share of novel pairs in one
sentence (an error sits in one sentence, which a story-wide share dilutes), and the sentences that are
*spliced*: nearly all their word pairs occur in the source, but spread over several source sentences with
no single one holding most of them.  A summary that reuses the article's words but joins them wrongly
("every word is in the article") is written that way.  Both are reported for the reader; neither is an
input of the error risk (see the note at wirecheck.risk.FEATURES).

Only same-language English pairs get it: across languages the words cannot match, and the Russian and
Ukrainian stages keep lemma sets, not token order.
"""

from __future__ import annotations

from typing import Any

from wirecheck.model import Comparison, Document, Novelty
from wirecheck.registry import pair_stage

# A spliced sentence: at least this many word pairs, at most this many of them new to the source, and no
# source sentence holding this share of them.
SPLICE_MIN_PAIRS = 4
SPLICE_MAX_NOVEL = 1
SPLICE_COVER = 0.8


def _splice(pairs: set[tuple[str, str]], pairs_of: list[set[tuple[str, str]]], n: int) -> list[int]:
    """The source sentences a sentence's pairs were spliced from (greedy, most pairs first; at most
    three), or [] when one source sentence holds SPLICE_COVER of them or the rest are new pairs."""
    counts = [(len(pairs & ps), j) for j, ps in enumerate(pairs_of)]
    best = max(counts, default=(0, -1))
    if best[0] >= SPLICE_COVER * n:
        return []
    left = set(pairs)
    parts: list[int] = []
    while left and len(parts) < 3:
        got, j = max(((len(left & ps), j) for j, ps in enumerate(pairs_of)), default=(0, -1))
        if got == 0:
            break
        parts.append(j)
        left -= pairs_of[j]
    return sorted(parts) if len(parts) > 1 else []


def _tokens(sent: Any) -> list[Any]:
    return [t for t in sent if t.is_alpha or t.like_num]


def _norm(tok: Any) -> str:
    if tok.like_num:
        return tok.text.replace(",", "").lower()
    return str(tok.lemma_).lower()


def _is_content(tok: Any) -> bool:
    return bool(tok.is_alpha and not tok.is_stop and len(tok) > 2)


def _sentence_tokens(doc: Document, index: int) -> list[Any]:
    sp = doc.extras["spacy"]
    s = doc.sentences[index]
    span = sp.char_span(s.start, s.end, alignment_mode="expand")
    return _tokens(span) if span is not None else []


@pair_stage("align.support", requires=["alignments"], provides=["support"], order=12)
def wording_support(comp: Comparison) -> None:
    """Per story sentence: the share of its word pairs found in the source; per story: what is new."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    if story.lang != source.lang or story.lang != "en" or "spacy" not in story.extras \
            or "spacy" not in source.extras:
        return
    src_words: set[str] = set()
    src_pairs: set[tuple[str, str]] = set()
    pairs_of: list[set[tuple[str, str]]] = []
    for j in range(len(source.sentences)):
        toks = _sentence_tokens(source, j)
        words = [_norm(t) for t in toks]
        src_words.update(words)
        pairs_of.append(set(zip(words, words[1:], strict=False)))
        src_pairs |= pairs_of[-1]
        # Surface forms too: a lemmatiser that reads "Rooney's" or "U.N." differently on the two sides
        # must not make a copied phrase look new.
        src_words.update(t.lower_ for t in toks)
    total_pairs = novel_pairs = content = 0
    worst = 0.0
    spliced: dict[int, list[int]] = {}
    novel_words: list[str] = []
    per_sentence: dict[int, list[str]] = {}
    by_sentence = {a.story: a for a in comp.alignments}
    for i in range(len(story.sentences)):
        toks = _sentence_tokens(story, i)
        words = [_norm(t) for t in toks]
        pairs = list(zip(words, words[1:], strict=False))
        missing = sum(1 for p in pairs if p not in src_pairs)
        total_pairs += len(pairs)
        novel_pairs += missing
        if pairs:
            worst = max(worst, missing / len(pairs))
        if len(pairs) >= SPLICE_MIN_PAIRS and missing <= SPLICE_MAX_NOVEL:
            parts = _splice(set(pairs), pairs_of, len(pairs))
            if parts:
                spliced[i] = parts
        new_here = per_sentence.setdefault(i, [])
        for t, w in zip(toks, words, strict=True):
            if _is_content(t):
                content += 1
                if w not in src_words and t.lower_ not in src_words:
                    if w not in new_here:
                        new_here.append(w)
                    if w not in novel_words:
                        novel_words.append(w)
        a = by_sentence.get(i)
        if a is not None and pairs:
            a.support = round(1.0 - missing / len(pairs), 3)
    comp.novelty = Novelty(total_pairs, novel_pairs, content, novel_words, worst, spliced)
    comp.extras["novel_words_by_sentence"] = per_sentence
