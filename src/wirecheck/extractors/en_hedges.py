"""English hedges, boosters and vague sources.

- ``vague_source``: an unnamed group offered as a source.  Found from the parse, not from the words
  alone: the subject (or passive agent, or the noun a "who ..." clause hangs on) of a speech or
  cognition verb whose phrase names nobody ("analysts warn", "sources familiar with the matter said",
  "reports from humanitarian organizations indicate", "international observers, who argue"); the
  impersonal "it is believed that"; and a deliberately unspecific group ("international observers")
  even without a verb.  "The Kremlin press service said" or "according to TASS" name their source and
  are not vague.
- ``hedge``: the claim is less than certain (reportedly, allegedly, may/might/could, appears to,
  is believed to, unconfirmed).
- ``booster``: the claim is presented as settled (definitely, clearly, confirmed, undoubtedly).

The fact's span is the phrase itself, not its sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from wirecheck.extractors.en_attribution import (
    VAGUE_PEOPLE,
    _form_table,
    _in_any,
    find_reports,
    pick,
    source_tokens,
    vague_phrase,
    verb_base,
)
from wirecheck.model import Document, FactType
from wirecheck.registry import stage

HEDGE_ADVERBS = frozenset("""
reportedly allegedly apparently purportedly supposedly possibly probably perhaps maybe presumably
seemingly ostensibly likely arguably conceivably
""".split())
# "preliminary results", "provisional figures": a count that may still change.
HEDGE_ADJECTIVES = frozenset("unconfirmed unverified alleged suspected purported possible probable preliminary "
                             "provisional tentative unofficial attempted failed foiled thwarted".split())
BOOSTER_ADVERBS = frozenset("""
definitely certainly clearly undoubtedly undeniably unquestionably indisputably surely obviously
evidently incontrovertibly conclusively
""".split())
# Modifiers that make a group unspecific on purpose even when no verb makes it a source.
_VAGUE_ON_PURPOSE = frozenset("""
international global western unnamed anonymous certain unidentified independent outside foreign
""".split())
# Nouns for people whose word is offered as evidence ("international observers", "unnamed sources").
_SOURCE_NOUNS = frozenset("""
analysts experts observers sources officials critics insiders diplomats commentators specialists
watchers pundits economists strategists monitors investigators
""".split())
_EPISTEMIC_MODALS = frozenset("may might could".split())
_RAISING = frozenset("appear seem".split())
# Passive verbs that hedge a "to" clause: "is believed to have", "is said to be".
# An intention, not a deed: "planned to seek approval", "is considering an appeal". A story that has the
# approval received or the appeal lodged states what the source left open.
_INTENT_TO = frozenset("plan intend try attempt seek plot prepare".split())
# An expectation, not a certainty: "he expected to win", "hopes to finish"; told as "was certain to win"
# or "would win", the story states what the speaker only foresaw.
_EXPECT_TO = frozenset("expect hope".split())
# "was certain to win", "is confident that": a speaker's certainty stated outright.
_CERTAIN = frozenset("certain sure confident".split())
# ... or as its object: "plotting an arson attack", "preparing an assault" (planned, not done).
_INTENT_OBJ = frozenset("consider weigh mull plot plan prepare".split())
_PASSIVE_HEDGE = frozenset("believe say report think allege understand rumor rumour suspect expect "
                           "estimate claim".split())


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    verbs = {"confirm"} | _RAISING | _PASSIVE_HEDGE | _INTENT_TO | _INTENT_OBJ | _EXPECT_TO
    forms = {form for form, base in _form_table().items() if base in verbs}
    forms |= set("""hope hopes hoped hoping expect expects expected expecting attempt attempts attempted attempting
    plan plans planned planning prepare prepares prepared preparing try tries tried trying plot plots plotted
    plotting seek seeks sought seeking""".split())
    return (VAGUE_PEOPLE | HEDGE_ADVERBS | HEDGE_ADJECTIVES | BOOSTER_ADVERBS | _EPISTEMIC_MODALS | _CERTAIN
            | frozenset(forms))


def _span(toks: list[Any]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


@stage("hedges.en", requires=["sentences", "spacy"], provides=["facts.hedge"], langs=["en"], order=42)
def hedges_en(doc: Document) -> Document:
    """Vague sources ('analysts warn'), hedges ('reportedly', 'could') and boosters ('confirmed')."""
    sp = doc.extras.get("spacy")
    if sp is None:
        return doc
    found: list[tuple[int, int, str, str, float]] = []
    covered: set[int] = set()  # token indices already inside a vague-source phrase

    quotes = doc.extras.get("en_quote_spans", [])
    for r in find_reports(doc):
        if not r.vague or _in_any(r.cue[0], quotes):
            continue
        if r.head_i < 0:
            verb = sp[r.verb_i]
            it = [c for c in verb.children if c.dep_ in ("nsubjpass", "auxpass")]
            toks = sorted([*it, verb], key=lambda t: t.i)
            a, b = _span(toks)
            found.append((a, b, "vague_source", f"it is {verb.lower_}", 0.9))
            continue
        head = sp[r.head_i]
        toks = source_tokens(head)
        covered.update(t.i for t in toks)
        a, b = _span(toks)
        verb = sp[r.verb_i]
        # "analysts warn": a short phrase reads best with its verb; a long one stands alone.
        if len(toks) <= 3 and verb.i == toks[-1].i + 1:
            b = verb.idx + len(verb.text)
        found.append((a, b, "vague_source", head.lower_, 0.9))

    for t in pick(sp, _trigger_words()):
        low = t.lower_
        if _in_any(t.idx, quotes):
            continue  # a speaker's own words: not the story's sourcing
        if low in _SOURCE_NOUNS and t.pos_ == "NOUN" and t.i not in covered and _vague_group(t):
            toks = source_tokens(t)
            covered.update(x.i for x in toks)
            a, b = _span(toks)
            found.append((a, b, "vague_source", low, 0.7))
        elif low in HEDGE_ADVERBS and t.pos_ in ("ADV", "ADJ"):
            found.append((t.idx, t.idx + len(t.text), "hedge", low, 0.9))
        elif low in HEDGE_ADJECTIVES and t.dep_ in ("amod", "acomp"):
            found.append((t.idx, t.idx + len(t.text), "hedge", low, 0.8))
        elif low in BOOSTER_ADVERBS and t.pos_ == "ADV":
            found.append((t.idx, t.idx + len(t.text), "booster", low, 0.9))
        elif low in _CERTAIN and t.dep_ == "acomp" and any(c.dep_ in ("xcomp", "ccomp") for c in t.children) \
                and not any(c.dep_ == "neg" for c in t.head.children):
            found.append((t.idx, t.idx + len(t.text), "booster", low, 0.8))
        elif t.tag_ == "MD" and low in _EPISTEMIC_MODALS:
            toks = [t]
            nxt = sp[t.i + 1] if t.i + 1 < len(sp) else None
            if nxt is not None and nxt.lower_ == "have":
                toks.append(nxt)
            # "could" is also past ability ("could not attend"): count it, with less confidence.
            conf = 0.9 if low != "could" or len(toks) == 2 else 0.6
            if not any(c.dep_ == "neg" for c in t.head.children) or low != "could":
                a, b = _span(toks)
                found.append((a, b, "hedge", low + (" have" if len(toks) == 2 else ""), conf))
        else:
            lemma = t.lemma_.lower()
            base = verb_base(t) or (lemma if lemma in _EXPECT_TO | _INTENT_TO | _INTENT_OBJ else "")
            if not base:
                continue
            hit = _verb_hedge(t, base)
            if hit:
                found.append(hit)

    for a, b, kind, cls, conf in _dedupe(found):
        doc.add_fact(FactType.HEDGE, a, b, key=kind, extractor="hedges.en", confidence=conf,
                     phrase=doc.text[a:b].lower(), kind=kind, cls=cls)
    return doc


def _vague_group(t: Any) -> bool:
    """A plural people noun made deliberately unspecific ('international observers', 'some analysts')
    or 'sources familiar with ...', with no name attached."""
    if not vague_phrase(t):
        return False
    mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "det", "compound", "nummod")}
    familiar = any(c.lower_ == "familiar" for c in t.children)
    if t.dep_ == "nsubjpass":
        return False  # "local officials have been urged": they are acted on, not cited
    return (t.tag_ == "NNS" and bool(mods & _VAGUE_ON_PURPOSE)) or familiar


def _verb_hedge(t: Any, base: str) -> tuple[int, int, str, str, float] | None:
    xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
    to = None
    if xcomp is not None:
        to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if base in _RAISING and to is not None:
        return t.idx, to.idx + len(to.text), "hedge", base, 0.8
    passive = [c for c in t.children if c.dep_ == "auxpass"]
    if base in _PASSIVE_HEDGE and passive and to is not None:
        return passive[0].idx, to.idx + len(to.text), "hedge", f"is {t.lower_} to", 0.9
    if base in _INTENT_TO and not passive and to is not None and t.pos_ == "VERB":
        return t.idx, to.idx + len(to.text), "hedge", base, 0.7
    if base in _EXPECT_TO and not passive and to is not None and t.pos_ == "VERB":
        return t.idx, to.idx + len(to.text), "hedge", base, 0.7
    if base in _INTENT_OBJ and not passive and t.pos_ == "VERB" and t.tag_ == "VBG" and any(
            c.dep_ in ("dobj", "xcomp", "ccomp") for c in t.children):
        return t.idx, t.idx + len(t.text), "hedge", base, 0.7  # "is considering an appeal", "weighing job cuts"
    if base == "confirm" and not passive and t.dep_ not in ("amod", "acl"):
        return t.idx, t.idx + len(t.text), "booster", "confirm", 0.8
    if base == "confirm" and t.dep_ == "amod":
        return t.idx, t.idx + len(t.text), "booster", "confirmed", 0.8
    return None


def _dedupe(found: list[tuple[int, int, str, str, float]]) -> list[tuple[int, int, str, str, float]]:
    """Drop a phrase inside another one of the same kind; keep text order."""
    out: list[tuple[int, int, str, str, float]] = []
    for item in sorted(found, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(o[2] == item[2] and o[0] <= item[0] and item[1] <= o[1] for o in out):
            continue
        out.append(item)
    return out
