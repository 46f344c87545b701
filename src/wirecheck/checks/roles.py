"""Reversed roles: the story keeps the action and both parties but swaps who did it to whom.

"Ukrainian forces repelled a Russian assault" and "Russian forces repelled a Ukrainian assault" share
every word, so no fact or wording check notices.  This check reads each aligned sentence pair's
clauses as (doer, action, undergoer) from the parse, with passives turned round ("Y was shelled by X"
is X shelled Y), and reports the story when the source has the same action with the two parties the
other way round.  Parties are compared by fact key where an extractor found one (people, places,
organisations, units) and otherwise by their lemma with any nationality or proper-name modifier; the
parties keeping their places while their nationalities trade places counts as reversed too.
"""

from __future__ import annotations

from typing import Any

from wirecheck.checks._common import parsed_tokens
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Finding, Span
from wirecheck.registry import check

_PARTY_FACTS = (FactType.PERSON, FactType.ORGANIZATION, FactType.PLACE, FactType.UNIT)
# Verbs whose two parties can trade places without changing the claim ("A met B" = "B met A").
_SYMMETRIC = frozenset("""meet talk speak marry fight battle clash negotiate play draw tie face join
merge partner sign agree compete border resemble match differ""".split())

Party = tuple[str, str]  # (head, modifiers): ("force", "russian"), ("person:pirogov", "")
Triple = tuple[Party, str, Party, Any, Any, Any]  # doer, verb lemma, undergoer, their tokens


def _party(doc: Document, tok: Any) -> Party | None:
    """A comparable key for a clause argument, or None when it is not a party (a pronoun, a number)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for f in doc.facts:
        if f.type in _PARTY_FACTS and f.key and f.start <= tok.idx < f.end:
            return (f"{f.type.value}:{f.key}", "")
    mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")
            and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    return (tok.lemma_.lower(), " ".join(sorted(mods)))


def _reversed(t: Triple, s: Triple) -> bool:
    """Same action; either the two parties trade places, or the parties stay but their nationality or
    name modifiers trade places ("Russian forces repelled a Ukrainian assault" and the other way)."""
    if t[1] != s[1]:
        return False
    if t[0] == s[2] and t[2] == s[0]:
        return True
    return (t[0][0] == s[0][0] and t[2][0] == s[2][0] and bool(t[0][1]) and bool(t[2][1])
            and t[0][1] != t[2][1] and t[0][1] == s[2][1] and t[2][1] == s[0][1])


def _triples(doc: Document, sentences: list[int]) -> list[Triple]:
    out: list[Triple] = []
    for verb in parsed_tokens(doc, sentences):
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _SYMMETRIC:
            continue
        doer = undergoer = None
        for c in verb.children:
            if c.dep_ == "nsubj":
                doer = c
            elif c.dep_ == "dobj":
                undergoer = c
            elif c.dep_ == "nsubjpass":
                undergoer = c
            elif c.dep_ == "agent":
                doer = next((g for g in c.children if g.dep_ == "pobj"), None)
        if doer is None or undergoer is None:
            continue
        a, b = _party(doc, doer), _party(doc, undergoer)
        if a and b and a != b:
            out.append((a, verb.lemma_.lower(), b, doer, verb, undergoer))
    return out


def _clause_span(doc: Document, t: Triple) -> Span:
    toks = [t[3], t[4], t[5]]
    start = min(x.idx for x in toks)
    end = max(x.idx + len(x.text) for x in toks)
    # Widen to whole words of the two parties (their compounds and modifiers).
    for x in (t[3], t[5]):
        sub = [y for y in x.subtree if y.dep_ in ("compound", "amod", "det") or y.i == x.i]
        start = min(start, min(y.idx for y in sub))
        end = max(end, max(y.idx + len(y.text) for y in sub))
    return doc.span(start, end)


@check("roles", kinds=[FindingKind.PREDICATE_CHANGED], requires=["alignments"], order=83)
def reversed_roles(comp: Comparison) -> None:
    """Same action, same two parties, opposite directions."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    if story.lang != source.lang:
        return
    for a in comp.alignments:
        if not a.source:
            continue
        src = _triples(source, a.source)
        if not src:
            continue
        for t in _triples(story, [a.story]):
            if any(s[0] == t[0] and s[1] == t[1] and s[2] == t[2] for s in src):
                continue  # the source also says it this way round
            rev = next((s for s in src if _reversed(t, s)), None)
            if rev is None:
                continue
            said, made = _clause_span(source, rev), _clause_span(story, t)
            comp.add(Finding(
                FindingKind.PREDICATE_CHANGED,
                f"The story reverses who did what: the source says '{said.text}', the story "
                f"'{made.text}'.",
                story=made, source=said, before=said.text, after=made.text, rule="roles.reversed",
                confidence=0.8))
