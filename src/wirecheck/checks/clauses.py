"""Clauses added or dropped inside sentences that otherwise correspond.

A rewrite often keeps a sentence and bolts on a clause ("..., and the junta has since expelled French
troops") or cuts one ("..., without linking it to the damage").  For same-language pairs each clause's
content words are looked up in the aligned counterpart sentences (and, for added clauses, the whole
source): a clause with almost none of them is reported.
"""

from __future__ import annotations

from typing import Any

from wirecheck.checks._common import ABOUT_THE_TEXT, MAX_CLAIM_CHARS
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Finding, Span, Verdict
from wirecheck.registry import check

CLAUSE_DEPS = {"conj", "advcl", "relcl", "ccomp", "acl", "pcomp"}
MIN_CONTENT = 3
MAX_COVERAGE = 0.25


def _content(tokens: list[Any]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2}


def _clauses(doc: Document, sent: int) -> list[tuple[Span, set[str]]]:
    sp = doc.extras.get("spacy")
    if sp is None:
        return []
    s = doc.sentences[sent]
    span = sp.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for tok in span:
        if tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX") or tok.head.i == tok.i:
            continue
        sub = list(tok.subtree)
        # A clause introduced by "and"/"without"/"while" starts at its marker.
        first = sub[0]
        if first.i > 0 and sp[first.i - 1].dep_ in ("cc", "mark", "prep") and sp[first.i - 1].head.i in (tok.i, tok.head.i):
            first = sp[first.i - 1]
        start, end = first.idx, sub[-1].idx + len(sub[-1].text)
        while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] in ".,;:"):
            end -= 1
        if end - start > MAX_CLAIM_CHARS:
            continue
        out.append((doc.span(start, end), _content(sub)))
    return out


def _lemmas(doc: Document, sents: list[int]) -> set[str]:
    sp = doc.extras["spacy"]
    out: set[str] = set()
    for j in sents:
        s = doc.sentences[j]
        span = sp.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            out |= _content(list(span))
    return out


def _backed_lemmas(comp: Comparison) -> dict[int, set[str]]:
    """Per story sentence, the content words inside its facts that the source supports: "left two people
    dead and five injured" for "killed two civilians and wounded five" rewords a clause whose every
    fact is the source's, though few of its words are."""
    sp = comp.story.extras["spacy"]
    out: dict[int, set[str]] = {}
    for m in comp.extras.get("matches", []):
        f = m.story
        if f is None or m.status is not Verdict.SUPPORTED:
            continue
        span = sp.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None:
            out.setdefault(f.sentence, set()).update(_content(list(span)))
    return out


@check("clauses", kinds=[FindingKind.ADDED_CLAIM, FindingKind.DROPPED_FACT], requires=["alignments", "matches"],
       order=87)
def clauses(comp: Comparison) -> None:
    """Clauses with (almost) no counterpart words on the other side."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    if story.lang != source.lang or "spacy" not in story.extras or "spacy" not in source.extras:
        return
    whole_source = _lemmas(source, list(range(len(source.sentences))))
    covered: list[tuple[int, int]] = [(f.story.start, f.story.end) for f in comp.findings if f.story]
    story_of: dict[int, list[int]] = {}
    backed = _backed_lemmas(comp)
    for a in comp.alignments:
        for j in a.source:
            story_of.setdefault(j, []).append(a.story)
        if not a.source:
            continue
        for span, words in _clauses(story, a.story):
            if len(words) < MIN_CONTENT or any(s <= span.start and span.end <= e for s, e in covered):
                continue
            if ABOUT_THE_TEXT.search(span.text):
                continue
            seen = len(words & (whole_source | backed.get(a.story, set()))) / len(words)
            if seen <= MAX_COVERAGE:
                comp.add(Finding(FindingKind.ADDED_CLAIM,
                                 f"This clause has no counterpart in the source ({seen:.0%} of its content "
                                 "words appear there).", story=span, rule="clause.unsupported",
                                 confidence=round(0.8 - seen, 3)))
                covered.append((span.start, span.end))
    covered_src = [(f.source.start, f.source.end) for f in comp.findings if f.source]
    # A clause whose own facts the story kept ("contracted 0.3 percent" as "shrank by 0.3%") is reworded,
    # not dropped: only the facts that say what the clause is about count, not its date or verb.
    kept_facts = [(m.source.start, m.source.end) for m in comp.extras.get("matches", [])
                  if m.source is not None and m.status in (Verdict.SUPPORTED, Verdict.CHANGED)
                  and m.source.type not in (FactType.DATE, FactType.EVENT, FactType.HEDGE, FactType.ATTRIBUTION)]
    for j, story_sents in story_of.items():
        kept = _lemmas(story, story_sents)
        for span, words in _clauses(source, j):
            if len(words) < MIN_CONTENT - 1 or any(s <= span.start and span.end <= e for s, e in covered_src):
                continue
            if any(span.start <= s and e <= span.end for s, e in kept_facts):
                continue
            seen = len(words & kept) / len(words)
            if seen <= MAX_COVERAGE:
                comp.add(Finding(FindingKind.DROPPED_FACT,
                                 f"The story keeps this sentence but drops the clause '{span.text}'.",
                                 source=span, rule="clause.dropped", confidence=round(0.7 - seen, 3)))
                covered_src.append((span.start, span.end))
