"""Recombined relations: the story joins two of the source's words that the source never joins.

A rewrite can reuse every word of its source and still be wrong: "Vettel won in Malaysia" from "Rosberg
won in Malaysia, and Vettel was third", a number moved to another event, an adjective moved to another
noun.  No fact is new and the sentence aligns, so the fact checks see nothing; the error is in the
story's dependency arcs (the observation behind DAE, dependency-arc entailment).  This check reads each
content arc of an aligned English story sentence (a verb and its subject or object, a noun and its
modifier, a word and the object of its preposition, a copula's subject and complement) and looks for the
same two words joined in one source sentence: by a path of at most MAX_PATH arcs of the source's parse,
or within WINDOW words of each other (long source sentences with glued captions parse badly).  Words
match on lemma, surface form, a crude stem ("player" for "play"), fact key, or a multi-word name they
belong to ("Pat" and "Ingles" of "Pat Ingles"), or, for verbs, the event class of en_events ("rose",
"increased"); a source pronoun stands for a name used in its sentence or the two before.

An arc whose two words both occur in the source but never joined is reported as a ``new_relation``, with
the source sentences where each word was found.  The finding is a pointer for the reader (low severity,
not a factual kind), given only in sentences worded as in the source: a paraphrase joins words in new ways that
are mostly right.  Nor when the aligned source sentence fills the same slot with another common word
and the source never gives the story's word that role ("told a crowd" -> "told supporters", from "a
speech to supporters"), nor across more than MAX_REACH words (long arcs are often misparses).  Measured
on FRANK's valid split, 60% of CNN/DM summaries with a pointer have an error (42% of all); on
FaithBench's analysis half 13 of 19 summaries with one are hallucinated (54% of all), though none of the
19 pointers falls on a marked span; the 41 fixture and example pairs get none.  The count of
unjoined arcs over all aligned sentences is reported (Novelty.unjoined_arcs); it did not earn a place in
the error risk (see wirecheck.risk.FEATURES).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wirecheck.extractors.en_events import EVENT_LEMMAS
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Finding, Span
from wirecheck.registry import check

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
ARC_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "amod", "nummod", "compound", "poss", "appos",
                      "npadvmod", "oprd", "dative", "acomp", "attr"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "it", "its"})
MAX_PATH = 4  # arcs on the source's parse path between the two words, within one clause
WINDOW = 6  # or words between them: long source sentences with glued captions parse badly
# Pointers are given only in sentences that keep this share of their word pairs from the source: a
# sentence told in new words joins words in new ways that are mostly right (a paraphrase); one copied
# from the source's words that joins two of them anew is where recombination hides.
COPY_SUPPORT = 0.8
MAX_REACH = 8  # words between the two ends of a story arc worth a pointer
CONFIDENCE = 0.4
_NAME_FACTS = (FactType.PERSON, FactType.ORGANIZATION, FactType.PLACE)
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "NORP"})
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ors", "or", "ies", "ied", "ed",
             "es", "s")
# Event classes that tell the same change from two sides ("the peso gained 1.5%", "the peso rose 1.5%").
_SAME_CLASS = {"gain": "increase"}
_RELATION = {"nsubj": "doer", "nsubjpass": "subject", "dobj": "object", "amod": "modifier",
             "nummod": "number", "compound": "modifier", "poss": "owner", "appos": "description",
             "npadvmod": "modifier", "oprd": "complement", "dative": "recipient", "acomp": "complement",
             "attr": "complement", "be": "complement"}


@dataclass
class Arc:
    head: Any
    rel: str  # a dependency label, "prep:<preposition>" or "be"
    child: Any
    link: Any = None  # the preposition or copula between them, for the evidence span


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def _key_map(doc: Document) -> tuple[dict[int, set[str]], dict[str, set[str]]]:
    """Per document, cached: character offset -> fact keys there, and name word -> names it belongs to."""
    cached = doc.extras.get("relation_keys")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    at: dict[int, set[str]] = {}
    names: dict[str, set[str]] = {}

    def name(text: str) -> None:
        words = [w.lower() for w in text.replace("'s", "").replace("’s", "").split() if w[:1].isupper()]
        if len(words) > 1:
            for w in words:
                names.setdefault(w, set()).add("name:" + " ".join(words))

    sp = doc.extras.get("spacy")
    for f in doc.facts:
        if f.key and sp is not None:
            span = sp.char_span(f.start, f.end, alignment_mode="expand")
            for t in span if span is not None else ():
                at.setdefault(t.idx, set()).add(f"{f.type.value}:{f.key}")
        if f.type in _NAME_FACTS:
            name(f.text)
    if sp is not None:
        for ent in sp.ents:
            if ent.label_ in _NAME_ENTS:
                name(ent.text)
    doc.extras["relation_keys"] = (at, names)
    return at, names


def _keys(tok: Any, at: dict[int, set[str]], names: dict[str, set[str]]) -> frozenset[str]:
    lemma = tok.lemma_.lower()
    out = {tok.lower_, lemma, _stem(lemma)}
    if tok.like_num:
        out.add(tok.text.replace(",", "").lower())
    out |= at.get(tok.idx, set())
    cls = EVENT_LEMMAS.get(lemma)
    if cls and tok.pos_ == "VERB":  # verbs of one event class stand for each other ("rose", "increased")
        out.add("class:" + _SAME_CLASS.get(cls, cls))
    if tok.pos_ == "PROPN":
        out |= names.get(tok.lower_, set())
    return frozenset(out)


def _content(tok: Any) -> bool:
    if tok.pos_ not in CONTENT_POS or tok.is_stop:
        return False
    if tok.lower_ == "old" and tok.i > 0 and tok.doc[tok.i - 1].text == "-":
        return False  # "23-year-old": an age, compared as a number by the fact checks
    return bool(tok.is_alpha or tok.like_num or "-" in tok.text)


def story_arcs(sent: Any) -> Iterator[Arc]:
    """The content arcs of a parsed sentence: both ends content words."""
    for c in sent:
        h = c.head
        if h.i == c.i:
            continue
        if c.dep_ in ARC_DEPS and _content(c) and _content(h):
            yield Arc(h, c.dep_, c)
        elif c.dep_ == "pobj" and _content(c) and h.dep_ in ("prep", "agent") and _content(h.head):
            yield Arc(h.head, f"prep:{h.lower_}", c, h)
        if c.dep_ in ("attr", "acomp") and h.lemma_ == "be" and _content(c):
            for s in h.children:
                if s.dep_ == "nsubj" and _content(s):
                    yield Arc(s, "be", c, h)


def _ancestors(sent: Any) -> dict[int, list[int]]:
    """token index -> its chain of heads (itself first, its root last)."""
    out: dict[int, list[int]] = {}
    for t in sent:
        chain = [t.i]
        while t.head.i != t.i and len(chain) < 60:
            t = t.head
            chain.append(t.i)
        out[chain[0]] = chain
    return out


# A path through one of these edges leaves the clause: "Rosberg won in Malaysia, where Vettel finished
# second" does not join "won" and "Vettel".
_CLAUSE_EDGES = frozenset({"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj"})


def _crosses(tok: Any) -> bool:
    """Whether the edge from ``tok`` to its head leaves a clause."""
    if tok.dep_ in _CLAUSE_EDGES:
        return True
    # "Vettel crashed and Rosberg won": a coordinated verb with its own subject is another clause.
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _distance(sent: Any, anc: dict[int, list[int]], i: int, j: int) -> int:
    """Arcs on the parse path from token i to token j, within one clause; a large number otherwise."""
    a, b = anc.get(i), anc.get(j)
    far = 1 << 10
    if a is None or b is None:
        return far
    pos = {x: n for n, x in enumerate(a)}
    for n, x in enumerate(b):
        if x in pos:
            doc = sent.doc
            up = a[:pos[x]] + b[:n]  # every node whose edge to its head lies on the path
            if any(_crosses(doc[t]) for t in up):
                return far
            return pos[x] + n
    return -1  # two parse trees (spaCy split the sentence)


@dataclass
class SourceIndex:
    sents: list[Any]
    ancestors: list[dict[int, list[int]]]
    where: dict[str, list[tuple[int, int]]]  # key -> (sentence, token index)
    pronouns: list[list[int]]  # per sentence: indices of its personal pronouns
    keys_in: list[set[str]]  # per sentence: every key of its tokens


def source_index(doc: Document) -> SourceIndex | None:
    """Every source word's keys and where they occur (cached on the document: a source is often compared
    with many stories)."""
    cached = doc.extras.get("relation_index")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    sp = doc.extras.get("spacy")
    if sp is None:
        return None
    at, names = _key_map(doc)
    ix = SourceIndex([], [], {}, [], [])
    for j, s in enumerate(doc.sentences):
        span = sp.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            span = sp[0:0]
        ix.sents.append(span)
        ix.ancestors.append(_ancestors(span))
        ix.pronouns.append([t.i for t in span if t.lower_ in PRONOUNS])
        keys: set[str] = set()
        for t in span:
            if t.is_punct or t.is_space:
                continue
            for k in _keys(t, at, names):
                ix.where.setdefault(k, []).append((j, t.i))
                keys.add(k)
        ix.keys_in.append(keys)
    doc.extras["relation_index"] = ix
    return ix


def _sentences_with(ix: SourceIndex, keys: frozenset[str]) -> list[int]:
    return sorted({j for k in keys for (j, _i) in ix.where.get(k, ())})


def _tokens_in(ix: SourceIndex, keys: frozenset[str], j: int) -> list[int]:
    found = [i for k in keys for (s, i) in ix.where.get(k, ()) if s == j]
    if not found and any(k in ix.keys_in[x] for x in range(max(0, j - 2), j + 1) for k in keys):
        found = ix.pronouns[j]  # "He was ahead of Rosberg" after a sentence naming Hamilton
    return found


def joined(ix: SourceIndex, hk: frozenset[str], ck: frozenset[str]) -> bool:
    """Whether some source sentence joins a word with keys ``hk`` to one with keys ``ck``."""
    for j in sorted(set(_sentences_with(ix, hk)) | set(_sentences_with(ix, ck))):
        hs, cs = _tokens_in(ix, hk, j), _tokens_in(ix, ck, j)
        sent, anc = ix.sents[j], ix.ancestors[j]
        for a in hs:
            for b in cs:
                if a == b:
                    continue
                d = _distance(sent, anc, a, b)
                if 0 <= d <= MAX_PATH or abs(a - b) <= WINDOW:
                    return True
    return False


def _arc_span(doc: Document, arc: Arc) -> tuple[Span, str]:
    """The story words of the arc, and how to quote them: the words from one end to the other when they
    are close ("Vettel won"), else the attached word alone, quoted with its partner ("won … Vettel")."""
    toks = sorted([arc.head, arc.child] + ([arc.link] if arc.link is not None else []), key=lambda t: t.i)
    if toks[-1].i - toks[0].i <= 4:
        span = doc.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))
        return span, span.text
    span = doc.span(arc.child.idx, arc.child.idx + len(arc.child.text))
    return span, " … ".join(t.text for t in toks)


def _named(tok: Any, keys: frozenset[str]) -> bool:
    """A name, a number or a fact: what a slot holds when a swap matters ("Vettel" for "Rosberg")."""
    return tok.pos_ in ("PROPN", "NUM") or bool(tok.like_num) or any(":" in k for k in keys)


def _slot_filler(ix: SourceIndex, arc: Arc, hk: frozenset[str], ck: frozenset[str], sentences: list[int],
                 at: dict[int, set[str]], names: dict[str, set[str]]) -> Any:
    """The word the aligned source sentences put where the story put ``arc.child`` (the same head, the
    same relation), when it is another word: "Kast told a crowd" for "Kast told supporters"."""
    for j in sentences:
        sent = ix.sents[j] if j < len(ix.sents) else None
        for h in sent if sent is not None else ():
            if not (_keys(h, at, names) & hk):
                continue
            for c in h.children:
                if arc.rel.startswith("prep:"):
                    if c.dep_ not in ("prep", "agent") or c.lower_ != arc.rel[5:]:
                        continue
                    c = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if c is None:
                        continue
                elif c.dep_ != arc.rel:
                    continue
                if not (_keys(c, at, names) & ck):
                    return c
    return None


def _same_role(ix: SourceIndex, arc: Arc, ck: frozenset[str]) -> bool:
    """Whether the source uses the story's word in the role the story gives it elsewhere (a doer of
    another action: "The governor criticised" for "The governor opened")."""
    want = "pobj" if arc.rel.startswith("prep:") else arc.rel
    return any(ix.sents[j].doc[i].dep_ == want for k in ck for (j, i) in ix.where.get(k, ()))


def _pick(found: list[int], near: list[int]) -> int:
    return next((j for j in found if j in near), found[0])


@check("relations", kinds=[FindingKind.NEW_RELATION], requires=["alignments"], order=88, after=["support"])
def recombined_relations(comp: Comparison) -> None:
    """Two of the source's words joined in the story but never in the source."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    sp = story.extras.get("spacy")
    if story.lang != "en" or source.lang != "en" or sp is None:
        return
    ix = source_index(source)
    if ix is None:
        return
    at, _ = _key_map(story)
    src_at, names = _key_map(source)
    taken = [(f.story.start, f.story.end) for f in comp.findings if f.story is not None]
    unjoined = 0
    for a in comp.alignments:
        if not a.source:
            continue  # an unaligned sentence is reported whole
        s = story.sentences[a.story]
        span = sp.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        for arc in story_arcs(span):
            hk, ck = _keys(arc.head, at, names), _keys(arc.child, at, names)
            if hk & ck:
                continue  # one thing named twice ("Sen. Warren"), not a relation
            hs, cs = _sentences_with(ix, hk), _sentences_with(ix, ck)
            if not hs or not cs or joined(ix, hk, ck):
                continue  # a new word is the other checks' business; a joined pair is supported
            unjoined += 1
            if a.support is None or a.support < COPY_SUPPORT:
                continue
            if any(b <= t.idx < e for b, e in taken for t in (arc.head, arc.child)):
                continue  # a word another finding already reports (a changed date, an added name)
            if abs(arc.head.i - arc.child.i) > MAX_REACH:
                continue  # a long arc is as likely a misparse as a relation
            other = _slot_filler(ix, arc, hk, ck, a.source, src_at, names)
            if other is not None and not (_named(arc.child, ck) and _named(other, _keys(other, src_at, names))
                                          or _same_role(ix, arc, ck)):
                # One common word for another in the same slot, where the source never gives the new word
                # that role: a paraphrase ("told a crowd" -> "told supporters", from "a speech to supporters").
                continue
            made, quoted = _arc_span(story, arc)
            jh, jc = _pick(hs, a.source), _pick(cs, a.source)
            where_h, where_c = ix.sents[jh], ix.sents[jc]
            said = Span(where_h.start_char, where_h.end_char, where_h.text)
            role = _RELATION.get(arc.rel, f"'{arc.rel[5:]}'" if arc.rel.startswith("prep:") else arc.rel)
            comp.add(Finding(
                FindingKind.NEW_RELATION,
                f"The story joins '{arc.head.text}' and '{arc.child.text}' (as its {role}), which the source "
                f"never joins: it has '{arc.head.text}' in \"{_short(where_h.text)}\" and "
                f"'{arc.child.text}' in \"{_short(where_c.text)}\".",
                story=made, source=said, before=_short(where_h.text), after=quoted,
                rule="relations.recombined", confidence=CONFIDENCE))
    if comp.novelty is not None:
        comp.novelty.unjoined_arcs = unjoined


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
