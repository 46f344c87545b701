"""added_claim across languages: a clause that interprets instead of reporting.

Rewrites pad translated wire copy with commentary the wire never carries: "..., underscoring the
intense focus on the conflict", "..., portraying the conflict as a necessary defence", "amid mounting
pressure on both sides".  Within one language the clauses check finds such clauses by their words; across
languages no word can be looked up, but the form gives them away: a participle clause on a verb of
interpretation (underscore, highlight, signal, portray, fuel ...) or an "amid" phrase, in a sentence
aligned with a source sentence that has no such thing («на фоне», «на тлі» for "amid").
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.checks._common import MAX_CLAIM_CHARS, parsed_tokens
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding, Span
from wirecheck.registry import check

# Verbs of interpretation: what the writer makes of the facts, not what anyone reported.
_INTERPRETING = frozenset("""underscore underline highlight signal signify mark reflect illustrate demonstrate
showcase portray cast frame reinforce fuel deepen heighten intensify exacerbate raise spark stoke add
symbolize symbolise epitomize epitomise suggest""".split())
# "raising the death toll", "adding that": reports, not commentary, whatever the verb.
_REPORTING_OBJECTS = frozenset({"toll", "number", "total", "count", "tally"})
# "as fears grow of a wider campaign", "as tensions mount": a mood, not a report.
_MOODS = frozenset({"fear", "concern", "tension", "pressure", "worry", "anxiety", "speculation", "anger",
                    "frustration", "uncertainty"})
_SWELL = frozenset({"grow", "mount", "rise", "deepen", "build", "intensify", "escalate", "swirl"})
_AMID_IN_SOURCE = re.compile(r"(?i)\bна\s+фоне\b|\bна\s+тлі\b|\bсреди\b|\bamid")
CONFIDENCE = 0.55


def _clause(comp: Comparison, tok: Any) -> Span | None:
    toks = list(tok.subtree)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = comp.story.text[start:end].rstrip(",;:—–- ")
    if not text or len(text) > MAX_CLAIM_CHARS or len(text.split()) < 3:
        return None
    return Span(start, start + len(text), text)


@check("commentary", kinds=[FindingKind.ADDED_CLAIM], requires=["alignments"], order=88)
def commentary(comp: Comparison) -> None:
    """Interpreting participle clauses and 'amid' phrases in sentences translated from the source."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("ru", "uk"):
        return
    covered = [(f.story.start, f.story.end) for f in comp.findings if f.story is not None]
    for a in comp.alignments:
        if not a.source:
            continue
        source_text = " ".join(comp.source.sentences[j].text for j in a.source)
        for tok in parsed_tokens(comp.story, [a.story]):
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "conj", "xcomp") and \
                    tok.lemma_.lower() in _INTERPRETING:
                if tok.lemma_.lower() in ("raise", "add") and any(
                        c.dep_ in ("dobj", "ccomp") and (c.lemma_.lower() in _REPORTING_OBJECTS or c.dep_ == "ccomp")
                        for c in tok.children):
                    continue
                what = "interprets the facts"
            elif tok.lower_ in ("amid", "amidst") and tok.dep_ == "prep" and not _AMID_IN_SOURCE.search(source_text):
                what = "sets the facts against a background"
            elif tok.lemma_.lower() in _SWELL and tok.dep_ == "advcl" and \
                    any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and \
                    any(c.dep_ == "nsubj" and c.lemma_.lower() in _MOODS for c in tok.children):
                what = "sets the facts against a mood"
            else:
                continue
            span = _clause(comp, tok)
            if span is None or any(s <= span.start and span.end <= e for s, e in covered):
                continue
            comp.add(Finding(FindingKind.ADDED_CLAIM,
                             f"This clause {what} ('{tok.text}'); the source sentence it was written from has "
                             "nothing like it.", story=span, rule="clause.commentary", confidence=CONFIDENCE))
            covered.append((span.start, span.end))
