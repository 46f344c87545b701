"""Align each story sentence with the source sentence(s) it was written from.

Two signals: shared anchor facts (people, places, units, numbers, dates, events: language-neutral keys,
so they work across scripts), and, for same-language pairs, overlap of content-word lemmas.  A close
sound-alike (Sevsk ~ Seversk) counts as half an anchor, so a sentence whose place was swapped still
finds its origin.  When a sentence embedding model is installed (``align.embeddings``) its similarity
is a third signal; it never decides alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirecheck.extractors.en_events import contrasting
from wirecheck.model import Alignment, Comparison, Document, Fact, FactType
from wirecheck.nlp.injury_grades import grades
from wirecheck.registry import pair_stage
from wirecheck.segment.sentences import dateline_only
from wirecheck.textnorm import name_similarity, to_latin

ANCHOR_WEIGHTS: dict[FactType, float] = {
    FactType.PERSON: 3.0, FactType.PLACE: 3.0, FactType.UNIT: 3.0, FactType.ORGANIZATION: 2.0,
    FactType.NUMBER: 2.0, FactType.DATE: 1.0, FactType.EVENT: 1.0, FactType.QUOTE: 3.0,
}
THRESHOLD = 0.2
_WORD = re.compile(r"\w+", re.U)


def _anchors(doc: Document, sent: int) -> dict[tuple[FactType, str], Fact]:
    return {(f.type, f.key): f for f in doc.facts
            if f.sentence == sent and f.type in ANCHOR_WEIGHTS and f.key}


def _lemmas(doc: Document, sent: int) -> set[str]:
    sp = doc.extras.get("spacy")
    s = doc.sentences[sent]
    if sp is not None:
        span = sp.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            # Names are anchors already; counting them here too would let a shared name pass for a
            # shared claim.
            return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and len(t) > 2
                    and t.pos_ != "PROPN"}
    lem = doc.extras.get("lemmas")  # Russian/Ukrainian stages may provide {sentence: set(lemmas)}
    if isinstance(lem, dict) and sent in lem:
        return set(lem[sent])
    return {w.lower() for w in _WORD.findall(s.text) if len(w) > 3}


def _soft(a: Fact, b: Fact) -> float:
    """Half credit for near-identical names of the same type that are not the same key."""
    if a.type is not b.type or a.type not in (FactType.PERSON, FactType.PLACE, FactType.ORGANIZATION):
        return 0.0
    na, nb = str(a.attrs.get("name") or a.text), str(b.attrs.get("name") or b.text)
    return 0.5 if name_similarity(na, nb) >= 60 else 0.0


STRONG = (FactType.PERSON, FactType.PLACE, FactType.UNIT, FactType.ORGANIZATION, FactType.NUMBER,
          FactType.QUOTE)


def _counted(facts: Iterable[Fact]) -> set[str]:
    """The nouns the numbers among ``facts`` count ("wounded", "house")."""
    return {str(f.attrs["noun"]) for f in facts if f.type is FactType.NUMBER and f.attrs.get("noun")}


def _same_count(sa: dict[tuple[FactType, str], Fact], sb: dict[tuple[FactType, str], Fact]) -> bool:
    """Both sentences count the same noun (whatever the values)."""
    return bool(_counted(sa.values()) & _counted(sb.values()))


_DAY = re.compile(r"^(?:month:\d\d-\d\d|date:\d{4}-\d\d-\d\d)$")


def exact_strong(sa: dict[tuple[FactType, str], Fact], sb: dict[tuple[FactType, str], Fact]) -> int:
    """Shared anchors specific enough to show a common origin (a country name is not; a calendar day is,
    a weekday or "yesterday" is not)."""
    return sum(1 for (t, k), f in sa.items() if (t in STRONG or (t is FactType.DATE and _DAY.match(k)))
               and (t, k) in sb and f.attrs.get("level") != "country")


def anchor_score(sa: dict[tuple[FactType, str], Fact], sb: dict[tuple[FactType, str], Fact], *,
                 counts: bool = False) -> float:
    """Shared anchor weight over the two sentences' anchors.  ``counts``: a count of the same thing with
    another value (two wounded / three wounded) earns half credit; used across languages, where no
    shared wording can say that the two sentences are about the same thing."""
    if not sa or not sb:
        return 0.0
    shared = sum(ANCHOR_WEIGHTS[t] for (t, k) in sa if (t, k) in sb)
    only_a = [f for key, f in sa.items() if key not in sb]
    only_b = [f for key, f in sb.items() if key not in sa]
    for fa in only_a:
        best = max((_soft(fa, fb) for fb in only_b), default=0.0)
        if counts and _counted([fa]) & _counted(only_b):
            best = max(best, 0.5)
        shared += best * ANCHOR_WEIGHTS[fa.type]
    total_a = sum(ANCHOR_WEIGHTS[t] for (t, _) in sa)
    total_b = sum(ANCHOR_WEIGHTS[t] for (t, _) in sb)
    return min(1.0, 2 * shared / (total_a + total_b))


# A story sentence split off a long source sentence shares most of its words with it but few of the
# source's, so Dice stays low; the share of the story sentence's own words, damped, stands in then.
CONTAINED = 0.75  # FRANK valid and FaithBench analysis: 0.6-0.9 all alike; 0.6 leaves clear splits out
CONTAINED_MIN_WORDS = 5


def contained(story: set[str], source: set[str]) -> float:
    """Share of a story sentence's content words that the source sentence has (0 for short sentences,
    whose few words any long sentence may hold)."""
    return len(story & source) / len(story) if len(story) >= CONTAINED_MIN_WORDS else 0.0


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def similarity_matrix(story: Document, source: Document) -> list[list[float]]:
    same_lang = story.lang == source.lang
    s_anchors = [_anchors(story, i) for i in range(len(story.sentences))]
    t_anchors = [_anchors(source, j) for j in range(len(source.sentences))]
    s_lem = [_lemmas(story, i) for i in range(len(story.sentences))] if same_lang else []
    t_lem = [_lemmas(source, j) for j in range(len(source.sentences))] if same_lang else []
    emb = None
    if not same_lang:
        try:
            from wirecheck.align import embeddings  # optional second signal across languages

            emb = embeddings.sentence_similarity([s.text for s in story.sentences],
                                                 [s.text for s in source.sentences])
        except ImportError:
            emb = None
    # A dateline piece («ОДЕСА, 23 липня.», «/ТАСС/.») names a place and a day, as a headline does, but
    # nothing was written from it.
    datelines = {j for j in range(min(3, len(source.sentences))) if dateline_only(source, j)}
    out: list[list[float]] = []
    for i in range(len(story.sentences)):
        row = []
        for j in range(len(source.sentences)):
            if j in datelines:
                row.append(0.0)
                continue
            a = anchor_score(s_anchors[i], t_anchors[j], counts=not same_lang)
            strong = exact_strong(s_anchors[i], t_anchors[j])
            if same_lang:
                lex = max(dice(s_lem[i], t_lem[j]), CONTAINED * contained(s_lem[i], t_lem[j]))
                score = 0.55 * a + 0.45 * lex
                # A sound-alike name and a shared verb or two are not evidence of a common origin; a
                # sound-alike name plus a real share of the wording is (a swapped town).
                soft = a > 0 and not strong
                if not strong and lex < 0.25 and not (soft and lex >= 0.12):
                    score = min(score, THRESHOLD * 0.9)
            elif emb is not None:
                e = max(0.0, float(emb[i][j]))
                score = 0.5 * a + 0.5 * e
                # Translations score 0.45-0.8 with this encoder (Ukrainian often less); unrelated sentences
                # below 0.35.  A count of the same thing (2 wounded / 3 wounded) is evidence too: changed
                # numbers are what the alignment must not lose.
                if not strong and e < 0.4 and not _same_count(s_anchors[i], t_anchors[j]):
                    score = min(score, THRESHOLD * 0.9)
            else:
                score = a if strong else min(a, THRESHOLD * 0.9)
            row.append(score)
        out.append(row)
    return out


@pair_stage("align.sentences", provides=["alignments"], order=10)
def align_sentences(comp: Comparison) -> None:
    """Best source sentence per story sentence, plus a second one when the story merged two."""
    assert comp.source is not None
    matrix = similarity_matrix(comp.story, comp.source)
    comp.extras["similarity"] = matrix
    for i, row in enumerate(matrix):
        ranked = sorted(range(len(row)), key=lambda j: -row[j])
        if not ranked or row[ranked[0]] < THRESHOLD:
            comp.alignments.append(Alignment(i, [], row[ranked[0]] if ranked else 0.0, "none"))
            continue
        best = row[ranked[0]]
        chosen = [ranked[0]]
        for j in ranked[1:3]:
            if row[j] >= max(THRESHOLD, 0.8 * best):
                chosen.append(j)
        comp.alignments.append(Alignment(i, sorted(chosen), round(best, 3), "anchors+lexical"
                                         if comp.story.lang == comp.source.lang else "anchors"))
    if comp.story.lang != comp.source.lang:
        _pair_leftovers(comp)
    _pair_by_contrast(comp)


def _pair_leftovers(comp: Comparison) -> None:
    """Across languages, a story sentence left unaligned and a source sentence nobody used that share an
    anchor (an event, a count, an injury grade) are paired: the encoder reads Ukrainian poorly, and «стані
    середньої тяжкості» / "in moderate condition" share no name to go by.  One to one, in text order."""
    assert comp.source is not None
    used = {j for a in comp.alignments for j in a.source}
    free = [j for j in range(len(comp.source.sentences)) if j not in used and not dateline_only(comp.source, j)]
    theirs = {j: (_anchors(comp.source, j), {g for g, _ in grades(comp.source, [j])}) for j in free}
    for a in comp.alignments:
        if a.source or not free:
            continue
        ours = _anchors(comp.story, a.story)
        our_grades = {g for g, _ in grades(comp.story, [a.story])}
        best, best_score = None, 0.0
        our_stems = _stems(comp.story.sentences[a.story].text)
        our_months = _months(ours)
        for j in free:
            anchors, their_grades = theirs[j]
            score = anchor_score(ours, anchors, counts=True)
            if our_grades & their_grades:
                score += 0.5
            if our_months & _months(anchors):
                score += 0.5  # "on December 18" for «11 грудня»: the same month, another day
            if our_stems & _stems(comp.source.sentences[j].text):
                score += 0.5  # a shared loanword: "monetary policy" / «монетарної політики»
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= 0.5:
            a.source = [best]
            a.method = "leftover"
            free.remove(best)


def _months(anchors: dict[tuple[FactType, str], Fact]) -> set[str]:
    """The months of a sentence's calendar dates (keys month:MM-DD)."""
    return {key[6:8] for (t, key) in anchors if t is FactType.DATE and re.match(r"month:\d\d-\d\d$", key)}


def _stems(text: str) -> set[str]:
    """Seven-letter stems of the long words, in Latin letters: loanwords shared across the languages
    («монетарної» and "monetary" both give 'monetar'); short and common words say nothing."""
    return {w[:7] for w in re.findall(r"[a-z]{8,}", to_latin(text).lower())}


def _opposed(a: Fact, b: Fact) -> bool:
    """Two events one of which turns the other round: acquitted / sentenced, killed / wounded, or the
    same event denied."""
    return contrasting(a.key, b.key) or (a.key == b.key and bool(a.attrs.get("negated")) != bool(b.attrs.get("negated")))


def _lemmas_outside(doc: Document, sent: int, spans: list[tuple[int, int]]) -> set[str]:
    """Content lemmas of a sentence's words outside ``spans`` (the words of its events)."""
    sp = doc.extras.get("spacy")
    s = doc.sentences[sent]
    span = sp.char_span(s.start, s.end, alignment_mode="expand") if sp is not None else None
    if span is None:
        return _lemmas(doc, sent)
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and len(t) > 2 and t.pos_ != "PROPN"
            and not any(a <= t.idx < b for a, b in spans)}


def _pair_by_contrast(comp: Comparison) -> None:
    """A story sentence too short for its wording to align ("The court acquitted him.") is paired with
    the one source sentence whose event it turns round ("sentenced him to 10 years") when that sentence
    holds at least half of what else it says: its other content words (same language only) and its
    names, numbers and dates.  Without the pair, the changed verdict would pass for an added claim."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    same_lang = story.lang == source.lang
    for a in comp.alignments:
        if a.source:
            continue
        events = story.facts_in(a.story, FactType.EVENT)
        if not events:
            continue
        rest = _lemmas_outside(story, a.story, [(e.start, e.end) for e in events]) if same_lang else set()
        ours = {k: f for k, f in _anchors(story, a.story).items() if k[0] is not FactType.EVENT}
        best: list[tuple[int, int]] = []
        for j in range(len(source.sentences)):
            theirs = source.facts_in(j, FactType.EVENT)
            if dateline_only(source, j) or not any(_opposed(e, g) for e in events for g in theirs):
                continue
            shared = len(rest & _lemmas(source, j)) + len(ours.keys() & _anchors(source, j).keys())
            if shared and 2 * shared >= len(rest) + len(ours):
                best.append((shared, j))
        best.sort(reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            a.source = [best[0][1]]
            a.method = "contrast"
