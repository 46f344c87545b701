"""Changed details of the same thing: the story keeps the noun but turns its modifier round.

"a Liberian-flagged bulk carrier" told as "a Panamanian-flagged oil tanker", "a small fire" as "a large
fire", "the northern districts" as "the southern districts".  No fact extractor sees these words (a
demonym is not a place mention, an adjective is no fact), and the sentence still aligns, so this check
reads the parse of each aligned English sentence pair and compares the modifiers of nouns that stand for
the same thing: nouns with the same lemma, or two nouns marked by the same "<nationality>-flagged"
(-registered, -owned ...) compound.

- nationality: the story's country is named nowhere in the aligned source sentences;
- size, force, duration, height (a closed list of two opposite scales): the story's adjective is on the
  other scale from the source's adjective on the same noun, and the source never uses the story's;
- compass direction: another direction on the same noun.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wirecheck.checks._common import parsed_tokens
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Finding, Span
from wirecheck.registry import check

# Two opposite ends of the scales news writing uses for size, force, extent and duration.  An adjective
# of one scale on a noun the source gives one of the other is a change of the claim ("minor damage" ->
# "major damage"), whichever words were picked within a scale.
LOW = frozenset("""small little tiny minor slight light modest limited low brief short partial gradual weak
narrow temporary slow minimal mild""".split())
HIGH = frozenset("""large big huge massive major serious severe heavy significant considerable extensive
widespread high long lengthy prolonged complete total full sudden sharp steep strong powerful wide broad
permanent fast rapid substantial intense fierce""".split())
_DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
               "north": "north", "south": "south", "east": "east", "west": "west",
               "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
               "southwestern": "southwest", "north-eastern": "northeast", "north-western": "northwest",
               "south-eastern": "southeast", "south-western": "southwest"}
# "Liberian-flagged": the word after the hyphen says how the country belongs to the thing.
_LINKS = frozenset({"flagged", "registered", "owned", "based", "born", "made", "built", "operated", "led",
                    "backed", "controlled"})
CONFIDENCE = 0.6


@dataclass
class _Noun:
    tok: Any
    lemma: str
    countries: dict[str, Any]  # link word ("" for a plain demonym) -> (country id, its token)
    scales: list[tuple[str, Any]]  # ("low" | "high", adjective token)
    directions: list[tuple[str, Any]]


def _gz() -> Any:
    from wirecheck.gazetteer import get

    return get()


def _nouns(doc: Document, indices: list[int], gz: Any) -> Iterator[_Noun]:
    for tok in parsed_tokens(doc, indices):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        n = _Noun(tok, tok.lemma_.lower(), {}, [], [])
        for c in tok.children:
            if c.dep_ not in ("amod", "compound", "npadvmod") or c.i > tok.i:
                continue
            word = c.lower_
            if c.dep_ == "amod" and word in _LINKS:
                # "Panamanian - flagged": the demonym hangs off the participle
                for d in c.children:
                    if d.i < c.i and d.text[:1].isupper() and (cid := gz.demonym_country(d.text)):
                        n.countries[word] = (cid, d, c)
            elif c.text[:1].isupper() and c.pos_ in ("ADJ", "PROPN") and (cid := gz.demonym_country(c.text)):
                n.countries.setdefault("", (cid, c, c))
            if c.dep_ == "amod" and c.pos_ == "ADJ":
                lemma = c.lemma_.lower()
                if lemma in LOW or lemma in HIGH:
                    n.scales.append(("low" if lemma in LOW else "high", c))
                if word in _DIRECTIONS:
                    n.directions.append((_DIRECTIONS[word], c))
        if n.countries or n.scales or n.directions:
            yield n


def _same_thing(a: _Noun, b: _Noun) -> bool:
    return a.lemma == b.lemma or bool({k for k in a.countries if k} & {k for k in b.countries if k})


def _phrase(doc: Document, noun: _Noun, first: Any) -> Span:
    start = min(first.idx, noun.tok.idx)
    end = noun.tok.idx + len(noun.tok.text)
    return doc.span(start, end)


@check("modifiers", kinds=[FindingKind.PLACE_CHANGED, FindingKind.PREDICATE_CHANGED], requires=["alignments"],
       order=84)
def changed_modifiers(comp: Comparison) -> None:
    """Nationality, scale and direction words changed on a noun the story keeps."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    if story.lang != "en" or source.lang != "en":
        return
    gz = _gz()
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = list(_nouns(source, list(a.source), gz))
        if not theirs:
            continue
        countries_there = {c[0] for n in theirs for c in n.countries.values()}
        lemmas_there = {t.lemma_.lower() for n in theirs for _, t in n.scales}
        for ours in _nouns(story, [a.story], gz):
            peers = [n for n in theirs if _same_thing(ours, n)]
            if not peers:
                continue
            _nationality(comp, ours, peers, countries_there)
            _scale(comp, ours, peers, lemmas_there)
            _direction(comp, ours, peers)


def _nationality(comp: Comparison, ours: _Noun, peers: list[_Noun], countries_there: set[Any]) -> None:
    assert comp.source is not None
    for link, (cid, word, last) in ours.countries.items():
        if cid in countries_there:
            continue
        peer = next((p for p in peers if link in p.countries), None)
        if peer is None:
            continue
        _, pword, plast = peer.countries[link]
        said, made = _phrase(comp.source, peer, pword), _phrase(comp.story, ours, word)
        comp.add(Finding(FindingKind.PLACE_CHANGED,
                         f"The source says '{said.text}'; the story makes it '{made.text}': another country.",
                         story=made, source=said,
                         before=comp.source.text[pword.idx:plast.idx + len(plast.text)],
                         after=comp.story.text[word.idx:last.idx + len(last.text)],
                         rule="modifier.nationality", confidence=CONFIDENCE))
        return


def _scale(comp: Comparison, ours: _Noun, peers: list[_Noun], lemmas_there: set[str]) -> None:
    assert comp.source is not None
    for side, adj in ours.scales:
        if adj.lemma_.lower() in lemmas_there:
            continue
        peer = next((p for p in peers if p.lemma == ours.lemma and p.scales
                     and all(s != side for s, _ in p.scales)), None)
        if peer is None:
            continue
        padj = peer.scales[0][1]
        said, made = _phrase(comp.source, peer, padj), _phrase(comp.story, ours, adj)
        comp.add(Finding(FindingKind.PREDICATE_CHANGED,
                         f"The source says '{said.text}'; the story says '{made.text}', the other end of the "
                         "scale.", story=made, source=said, before=padj.text, after=adj.text,
                         rule="modifier.scale", confidence=CONFIDENCE))
        return


def _direction(comp: Comparison, ours: _Noun, peers: list[_Noun]) -> None:
    assert comp.source is not None
    for way, adj in ours.directions:
        same = [p for p in peers if p.lemma == ours.lemma and p.directions]
        if not same or any(way == w for p in same for w, _ in p.directions):
            continue
        sub = list(ours.tok.subtree)
        a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        if any(f.kind is FindingKind.PLACE_CHANGED and f.story is not None and a <= f.story.start < b
               for f in comp.findings):
            return  # "the southern region of Andalusia" for "the eastern region of Valencia": one change, told
        peer = same[0]
        padj = peer.directions[0][1]
        said, made = _phrase(comp.source, peer, padj), _phrase(comp.story, ours, adj)
        comp.add(Finding(FindingKind.PLACE_CHANGED,
                         f"The source says '{said.text}'; the story says '{made.text}': another direction.",
                         story=made, source=said, before=padj.text, after=adj.text,
                         rule="modifier.direction", confidence=CONFIDENCE))
        return
