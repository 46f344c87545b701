"""How much of each story sentence's wording the source supports.

Fact checks see names, numbers and quotes; they do not see a claim told in words the source never uses
("was found guilty" for "was charged") or two of the source's people joined by a relation it never
states.  Those claims are written in word pairs that do not occur in the source, so the share of a
sentence's adjacent word pairs (lemmas, stop words included: "not guilty" and "guilty" differ) found in
the source is a cheap, language-model-free support measure.  On FRANK's valid split it separates
faithful from erroneous summaries better than any single fact check (see benchmarks/frank.py), and it
feeds the story's error risk (wirecheck.risk).

Only same-language English pairs get it: across languages the words cannot match, and the Russian and
Ukrainian stages keep lemma sets, not token order.
"""

from __future__ import annotations

from typing import Any

from wirecheck.model import Comparison, Document, Novelty
from wirecheck.registry import pair_stage


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
    for j in range(len(source.sentences)):
        toks = _sentence_tokens(source, j)
        words = [_norm(t) for t in toks]
        src_words.update(words)
        src_pairs.update(zip(words, words[1:], strict=False))
        # Surface forms too: a lemmatiser that reads "Rooney's" or "U.N." differently on the two sides
        # must not make a copied phrase look new.
        src_words.update(t.lower_ for t in toks)
    total_pairs = novel_pairs = content = 0
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
    comp.novelty = Novelty(total_pairs, novel_pairs, content, novel_words)
    comp.extras["novel_words_by_sentence"] = per_sentence
