"""Certainty changes between aligned sentences: the source hedges ("reportedly", "may have") and the
story states it as fact, or the story hedges or boosts what the source states plainly."""

from __future__ import annotations

import re
from typing import Any

from wirecheck.checks._common import aligned_facts, sentence_span
from wirecheck.checks.reporting_verbs import verb_class
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Fact, FactType, Finding, Verdict
from wirecheck.registry import check


def _hedges(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.type is FactType.HEDGE and f.attrs.get("kind") == kind]


def _hedged_clause(sp: Any, h: Fact, *, attached: bool) -> list[tuple[int, int]] | None:
    """Character ranges of the clause a hedge qualifies (None without a parse of it): the hedge's verb
    and its subtree; with ``attached=False``, minus clauses merely attached to it ("..., while observers
    believe X"), which the hedge does not qualify."""
    span = sp.char_span(h.start, h.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head if span.root.dep_ in ("aux", "advmod", "auxpass", "amod") else span.root
    while head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    nominal = head.pos_ in ("NOUN", "PROPN") and head.i != span.root.i
    if nominal and head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.head.i != head.i:
        # "The preliminary results, which have not been peer reviewed, show X": the hedge on the
        # subject or object holds the whole claim open, not just its noun phrase and relative clause
        # (which the parser may even make the root, hanging the claim on it as a conjunct).
        head = head.head
    skip: set[int] = set()
    if not attached and not nominal:
        skip = {t.i for c in head.children if c.dep_ in ("advcl", "parataxis", "conj", "ccomp")
                and c.i != span.root.i and not any(t.idx <= h.start < t.idx + len(t.text) for t in c.subtree)
                for t in c.subtree}
    return [(t.idx, t.idx + len(t.text)) for t in head.subtree if t.i not in skip]


def _inside(f: Fact, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= f.start < b for a, b in ranges)


def _hedges_a_kept_claim(comp: Comparison, h: Fact) -> bool:
    """A hedge counts as a certainty change only when the clause it qualifies repeats something the
    source says; a hedge on the story's own speculation ("... could serve as a deterrent") is part of an
    added claim, not a changed one."""
    sp = comp.story.extras.get("spacy")
    ranges = _hedged_clause(sp, h, attached=False) if sp is not None else None
    if ranges is None:
        return True
    supported = {m.story.id for m in comp.extras.get("matches", []) if m.story is not None
                 and m.status is Verdict.SUPPORTED and m.story.type is not FactType.DATE}
    return any(f.id in supported and _inside(f, ranges) for f in comp.story.facts)


def _source_clause_kept(comp: Comparison, h: Fact, story_sentence: int) -> bool:
    """A dropped hedge matters only when the claim it qualified made it into the story: some fact of the
    hedged source clause must be kept, or, for a clause without facts ('an opportunity that may never
    arise again'), most of its content words must stand in the story's sentence."""
    assert comp.source is not None
    sp = comp.source.extras.get("spacy")
    ranges = _hedged_clause(sp, h, attached=True) if sp is not None else None
    if sp is None or ranges is None:
        return True  # no parse (Russian/Ukrainian source): the aligned sentence is the clause
    # Kept *in this story sentence*: a story that splits the source sentence ("..., the report said.
    # Coastal cities could face flooding.") keeps the hedged clause, hedge and all, in its next sentence.
    kept = {m.source.id for m in comp.extras.get("matches", []) if m.source is not None
            and m.status in (Verdict.SUPPORTED, Verdict.CHANGED)
            and (m.story is None or m.story.sentence == story_sentence)}
    inside = [f for f in comp.source.facts if _inside(f, ranges) and f.type not in
              (FactType.HEDGE, FactType.ATTRIBUTION, FactType.DATE)]
    if inside:
        return any(f.id in kept for f in inside)
    story_sp = comp.story.extras.get("spacy")
    if story_sp is None or comp.story.lang != comp.source.lang:
        return True
    # A relative clause is an aside on a noun ("results, which have not been peer reviewed,"), not
    # the claim: a story may drop it and keep the claim.
    aside = {x.i for t in sp if t.dep_ == "relcl" and not _inside(h, [(y.idx, y.idx + len(y.text)) for y in t.subtree])
             for x in t.subtree}
    words = {t.lemma_.lower() for t in sp if _content_word(t) and not h.start <= t.idx < h.end
             and t.i not in aside and any(a <= t.idx < b for a, b in ranges)}
    s = comp.story.sentences[story_sentence]
    sent = story_sp.char_span(s.start, s.end, alignment_mode="expand")
    if not words or sent is None:
        return True
    story_words = {t.lemma_.lower() for t in sent if _content_word(t)}
    return len(words & story_words) >= 0.5 * len(words)


def _content_word(t: Any) -> bool:
    return bool(t.is_alpha) and not t.is_stop and len(t) > 2


# Any sign that the story's sentence still holds its claim open.  Broader than the hedge extractor, which
# has to be sure before it *reports* a hedge: to excuse a dropped one, "a potential partnership" for "a
# possible partnership" or "is considered a top prospect" for "is said to be" is enough.
_DOUBT = re.compile(r"\b(?:potential(?:ly)?|possib(?:le|ly|ility)|probabl[ey]|likely|unlikely|perhaps|maybe|"
                    r"may|might|could|consider(?:s|ed|ing)?|regarded|seen as|described as|thought|believed?|feared|said to|"
                    r"reported(?:ly)?|alleged(?:ly)?|suspected|apparent(?:ly)?|seem(?:s|ed|ingly)?|"
                    r"appear(?:s|ed)?|expect(?:s|ed)?|estimated?|plan(?:s|ned)?|propos(?:ed?|al)|intend(?:s|ed)?|"
                    r"aim(?:s|ed)?|hope(?:s|d)?|claim(?:s|ed)?|suggest(?:s|ed)?|speculat\w+|rumou?r\w*|"
                    r"unconfirmed|unclear|uncertain|if|unless|whether|preliminary)\b", re.I)
# "would" is a conditional ("a ceasefire would allow aid in") only outside reported speech; after a
# reporting verb it is "will" put in the past ("said the law would take effect next week"): a certainty.
# A conditional in reported speech still shows itself ("would likely", "would ... if").
_WOULD = re.compile(r"\bwould\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|announced|added|stated|confirmed|declared|insisted|promised|"
                       r"pledged|vowed|wrote|according to)\b", re.I)
# A possibility the source words without a modal: "faces up to 20 years", "risks a fine".
_OPEN = re.compile(r"\b(?:fac(?:es|ed|ing|e)|risk(?:s|ed|ing)?)\s+(?:up\s+to|as\s+much\s+as|a\s+maximum|a\s+possible|"
                   r"a\s+potential|a\s+(?:prison|jail)\s+(?:sentence|term)|charges?|a\s+fine|a\s+ban)\b|"
                   r"\bif\s+(?:convicted|found\s+guilty)\b|\bmaximum\s+(?:sentence|penalty)\b", re.I)


def _doubt_kept(text: str) -> bool:
    if _DOUBT.search(text) is not None or _OPEN.search(text) is not None:
        return True
    return _WOULD.search(text) is not None and _REPORTED.search(text) is None


def _source_held_open(comp: Comparison, sentences: list[int]) -> bool:
    """The source already leaves the claim open, in words the hedge extractor does not count as a hedge
    ("faces up to 20 years" for the story's "could get 20 years"; "expects", "plans to")."""
    assert comp.source is not None
    return any(_doubt_kept(comp.source.sentences[i].text) for i in sentences)


# Verbs that make a claim someone's belief rather than a finding ("investigators believe X").  Verbs of
# saying that cast doubt on what is said ("officials claimed X", «утверждает»: reporting_verbs'
# "doubt" class) do the same: a story that states X as fact has dropped the doubt.
_BELIEF_CUES = frozenset("believe suspect think suppose presume assume fear guess".split())


def _doubting(comp: Comparison, b: Fact) -> bool:
    assert comp.source is not None
    return verb_class(b, comp.source.lang) == "doubt"


def _belief_stated_as_fact(comp: Comparison, s_facts: list[Fact], t_facts: list[Fact]) -> Fact | None:
    """A source attribution of belief ('Investigators believe much of the money was moved') or of a claim
    ('Officials claimed that ...') whose content the story keeps with no attribution at all ('Much of
    the money was moved')."""
    if any(f.type is FactType.ATTRIBUTION for f in s_facts):
        return None
    kept = {m.source.id for m in comp.extras.get("matches", []) if m.source is not None
            and m.status in (Verdict.SUPPORTED, Verdict.CHANGED)}
    for b in t_facts:
        if b.type is not FactType.ATTRIBUTION or not (b.attrs.get("cue_base") in _BELIEF_CUES or _doubting(comp, b)):
            continue
        spans = [tuple(x) for x in b.attrs.get("content_spans") or []]
        if not spans and isinstance(b.attrs.get("content_start"), int):
            spans = [(b.attrs["content_start"], b.attrs["content_end"])]  # the Russian extractor's one range
        inside = [f for f in t_facts if f.type not in (FactType.HEDGE, FactType.ATTRIBUTION)
                  and any(x <= f.start < y for x, y in spans)]
        if inside and any(f.id in kept for f in inside):
            return b
    return None


@check("certainty", kinds=[FindingKind.CERTAINTY_CHANGED], requires=["alignments"], order=84)
def certainty(comp: Comparison) -> None:
    """Hedge present on one side of an aligned pair and absent on the other."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    for a, s_facts, t_facts in aligned_facts(comp):
        s_hedge, t_hedge = _hedges(s_facts, "hedge"), _hedges(t_facts, "hedge")
        s_boost = _hedges(s_facts, "booster")
        t_hedge = [h for h in t_hedge if _source_clause_kept(comp, h, a.story)]
        if t_hedge and not s_hedge and not _doubt_kept(story.sentences[a.story].text):
            h = t_hedge[0]
            span = s_boost[0].span if s_boost else sentence_span(story, a.story)
            comp.add(Finding(FindingKind.CERTAINTY_CHANGED,
                             f"The source hedges this ('{h.text}'); the story states it as "
                             + ("certain." if s_boost else "fact."),
                             story=span, source=sentence_span(source, h.sentence), before=h.text,
                             after=s_boost[0].text if s_boost else None,
                             rule="hedge.dropped", confidence=0.75, source_fact=h.id))
        elif not s_hedge and not s_boost and (b := _belief_stated_as_fact(comp, s_facts, t_facts)) is not None:
            comp.add(Finding(FindingKind.CERTAINTY_CHANGED,
                             f"The source gives this as a "
                             f"{'claim' if _doubting(comp, b) else 'belief'} "
                             f"('{b.text}'); the story states it as fact.",
                             story=sentence_span(story, a.story), source=b.span, before=b.text,
                             rule="belief.dropped", confidence=0.7, source_fact=b.id))
        elif s_hedge and not t_hedge and _hedges_a_kept_claim(comp, s_hedge[0]) \
                and not _source_held_open(comp, a.source):
            h = s_hedge[0]
            comp.add(Finding(FindingKind.CERTAINTY_CHANGED,
                             f"The story hedges this ('{h.text}'); the source states it plainly.",
                             story=h.span, source=sentence_span(source, a.source[0]), after=h.text,
                             rule="hedge.added", confidence=0.6, story_fact=h.id))
