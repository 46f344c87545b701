"""predicate_changed across languages: the story keeps the action but hands it to the other side.

«ВСУ нанесли удар по Белгороду» told as "Russian forces struck Belgorod", «Российские войска отразили
атаку ВСУ» as "Ukrainian forces repelled a Russian attack".  The English story's clause is read from its
parse (subject, or the agent of a passive); the Russian or Ukrainian source has no parse here, so its
clause is read by position around the event verb: the side named before an active verb did it, the side
after it underwent it (the other way round for a passive participle).  A side is Russia or Ukraine,
named by an adjective, a country, an abbreviation (ВСУ, ЗСУ, ВС РФ) or a word only one side uses of the
other (occupiers; the Ukrainian «ворог», enemy, which Ukrainian-language wires use only of Russia).  Same-language pairs are the roles check's.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.checks._common import parsed_tokens, sentence_span
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Fact, FactType, Finding
from wirecheck.registry import check

_SIDE_WORDS = {
    "ru": re.compile(r"^(?:russian|russia|russia's|moscow's|kremlin|российск\w*|русск\w*|росси\w*|рф|"
                     r"оккупант\w*|російськ\w*|росі\w*|окупант\w*|рашист\w*|ворог\w*)$", re.I),
    "ua": re.compile(r"^(?:ukrainian|ukraine|ukraine's|kyiv's|kiev's|украинск\w*|украин\w*|всу|зсу|"
                     r"українськ\w*|україн\w*)$", re.I),
}
_CLAUSE_END = re.compile(r"[,;:—–()«»\"]|^(?:и|і|й|а|но|але|сообщил\w*|повідомил\w*)$", re.I)
CONFIDENCE = 0.6
_NAMES = {"ru": "Russian", "ua": "Ukrainian"}


def _side(words: list[str]) -> str | None:
    found = {side for w in words for side, pat in _SIDE_WORDS.items() if pat.match(w)}
    return found.pop() if len(found) == 1 else None


def _english_roles(doc: Document, sentence: int, event: Fact) -> tuple[str | None, str | None]:
    """(doer side, undergoer side) of an English event verb, from the parse."""
    verb = next((t for t in parsed_tokens(doc, [sentence]) if t.idx == event.start), None)
    if verb is None or verb.pos_ != "VERB":
        return None, None
    doer = undergoer = None
    for c in verb.children:
        if c.dep_ == "nsubj":
            doer = c
        elif c.dep_ in ("dobj", "nsubjpass"):
            undergoer = c
        elif c.dep_ == "agent":
            doer = next((g for g in c.children if g.dep_ == "pobj"), None)

    def side(tok: Any) -> str | None:
        return _side([t.text for t in tok.subtree]) if tok is not None else None

    return side(doer), side(undergoer)


def _slavic_roles(doc: Document, event: Fact) -> tuple[str | None, str | None]:
    """(doer side, undergoer side) around a Russian or Ukrainian event verb, by position in its clause."""
    from wirecheck.nlp.russian import tokens

    toks = tokens(doc)
    k = next((i for i, t in enumerate(toks) if t.start == event.start), None)
    if k is None or not (toks[k].has("VERB") or toks[k].has("PRTS") or toks[k].has("INFN")):
        return None, None
    s = doc.sentences[doc.sentence_at(event.start)]
    left: list[str] = []
    for t in reversed(toks[:k]):
        if t.start < s.start or _CLAUSE_END.search(t.text):
            break
        left.append(t.text)
    right: list[str] = []
    for t in toks[k + 1:]:
        if t.start >= s.end or _CLAUSE_END.search(t.text):
            break
        right.append(t.text)
    before, after = _side(left), _side(right)
    if toks[k].has("PRTS"):  # «был атакован ВСУ»: what comes after the participle did it
        return after, before
    return before, after


@check("sides", kinds=[FindingKind.PREDICATE_CHANGED], requires=["alignments"], order=84)
def sides_reversed(comp: Comparison) -> None:
    """The story's doer is the source's undergoer's side (or the other way round) for the same action."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("ru", "uk"):
        return
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = [f for j in a.source for f in comp.source.facts_in(j, FactType.EVENT) if not f.attrs.get("negated")]
        for ev in comp.story.facts_in(a.story, FactType.EVENT):
            if ev.attrs.get("negated"):
                continue
            peers = [f for f in theirs if f.key == ev.key]
            if not peers:
                continue
            doer, undergoer = _english_roles(comp.story, a.story, ev)
            if doer is None and undergoer is None:
                continue
            for peer in peers:
                t_doer, t_under = _slavic_roles(comp.source, peer)
                flipped = (doer and t_doer and doer != t_doer) or (
                    doer is None and t_doer is None and undergoer and t_under and undergoer != t_under)
                agree = (doer and doer == t_doer) or (undergoer and undergoer == t_under)
                if not flipped or agree:
                    continue
                src_side = t_doer or ("ua" if t_under == "ru" else "ru")
                comp.add(Finding(
                    FindingKind.PREDICATE_CHANGED,
                    f"The source has the {_NAMES[src_side]} side do this ('{peer.text}', {ev.key}); the story "
                    f"gives it to the other side.",
                    story=sentence_span(comp.story, a.story),
                    source=sentence_span(comp.source, comp.source.sentence_at(peer.start)),
                    before=peer.text, after=ev.text, rule="roles.sides-reversed", confidence=CONFIDENCE))
                break

