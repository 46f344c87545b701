"""Statements a story puts in someone's mouth that its source states in its own voice.

"Russian drones cut water to 12,000 residents, governor Hryhorov confirmed" where the source's dateline
report says so itself and the governor speaks only in a later paragraph: the story lends the claim an
official's authority the source never gave it.  The reported-speech check covers statements the source
gives to another speaker; this one covers statements the source gives to nobody.

A story report is flagged when
- its speaker is a person the source names somewhere (a speaker the source never names is an added
  person, which the fact checks report),
- the source sentences it was aligned to hold no statement of anyone's (no report, no quote) and do
  not name the speaker (the source may tell what the speaker did in words no extractor reads as a
  report: «Путин поблагодарил», "Putin thanked"),
- none of the sentences before them in the same paragraph is the speaker's statement going on (wire copy
  often lets one "he said" carry the next sentence or two), and
- its content is the aligned sentences' content (same wording, or across languages the multilingual
  sentence similarity the quote checks use).
"""

from __future__ import annotations

import re

from wirecheck.checks.quotes import CROSS_SAME_QUOTE, _comparable, _content, _same_speaker, _speaker
from wirecheck.checks.reported_speech import MIN_WORDS, _statements, named_at_statement
from wirecheck.extractors.en_attribution import is_report
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Fact, FactType, Finding, Span
from wirecheck.registry import check

# Token-set ratio of a story report's content with its aligned source sentences: the same statement.
# Lower than the reported-speech check's 75, because a whole source sentence is compared, not the
# content of a report.
SAME_STATEMENT = 0.65
CONFIDENCE = 0.6
# Third-person personal pronouns (English, Russian, Ukrainian): a person acts in the sentence.
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her|он|она|его|её|ее|ему|ей|він|вона|його|її|йому|їй)\b", re.I)


def _paragraph_starts_before(doc: Document, i: int) -> bool:
    """Is there a paragraph break between sentence i-1 and sentence i?"""
    return i <= 0 or "\n" in doc.text[doc.sentences[i - 1].end:doc.sentences[i].start]


def _carried_on(doc: Document, first: int, speaker: str, by_sentence: dict[int, list[Fact]]) -> bool:
    """Does a statement of ``speaker`` earlier in the paragraph carry on to sentence ``first``?  The
    nearest earlier sentence holding any statement decides."""
    i = first
    while not _paragraph_starts_before(doc, i):
        i -= 1
        said = by_sentence.get(i)
        if said:
            return any(_same_speaker(speaker, _speaker(g)) for g in said)
    return False


def _similarity(comp: Comparison, content: str, home: str) -> float | None:
    assert comp.source is not None
    if comp.story.lang == comp.source.lang:
        from rapidfuzz import fuzz

        return float(fuzz.token_set_ratio(content, re.sub(r"[^\w\s]", "", home.lower()))) / 100
    from wirecheck.align import embeddings

    sims = embeddings.sentence_similarity([content], [home])
    return float(sims[0][0]) if sims is not None else None


@check("added-attribution", kinds=[FindingKind.ATTRIBUTION_ADDED], requires=["alignments"], order=83,
       after=["reported-speech"])
def added_attribution(comp: Comparison) -> None:
    """Story reports crediting a named person with what the source states itself."""
    source = comp.source
    assert source is not None
    statements = _statements(source.facts)
    by_sentence: dict[int, list[Fact]] = {}
    for g in statements:
        by_sentence.setdefault(g.sentence, []).append(g)
    named = [str(p.attrs.get("name") or p.text) for p in source.facts if p.type is FactType.PERSON]
    named += [_speaker(g) for g in statements]
    aligned = {a.story: sorted(a.source) for a in comp.alignments if a.source}
    # A report already reported as given to someone else, or with a changed speaker, is said once.
    taken = {x.story_fact for x in comp.findings if x.story_fact}
    quotes = [q for q in comp.story.facts if q.type is FactType.QUOTE]
    for f in comp.story.facts:
        if f.type is not FactType.ATTRIBUTION or not is_report(f.attrs) or f.attrs.get("source_type") != "person" \
                or f.id in taken:
            continue
        speaker = _speaker(f)
        content = _content(f)
        if len(re.findall(r"\w+", content)) < MIN_WORDS or not _comparable(speaker) or not named_at_statement(f):
            continue
        if not any(_same_speaker(speaker, n) for n in named):
            continue
        spans = [(int(a), int(b)) for a, b in f.attrs.get("content_spans") or []]
        if any(a <= q.start < b for q in quotes for a, b in spans):
            continue  # quoted words: the quote checks say whether anyone said them
        home = aligned.get(f.sentence)
        if not home or any(by_sentence.get(i) for i in home):
            continue  # unaligned (an added claim), or the source credits the statement to someone
        if _carried_on(source, home[0], speaker, by_sentence):
            continue
        if any(_same_speaker(speaker, str(p.attrs.get("name") or p.text)) for p in source.facts
               if p.type is FactType.PERSON and p.sentence in home):
            continue  # the source names the speaker there ('Putin thanked the crew' for «Путин поблагодарил»)
        home_text = " ".join(source.sentences[i].text for i in home)
        if _PERSONAL.search(home_text):
            continue  # 'He welcomed ...': someone the source does not name there may be the speaker
        sents = [source.sentences[i] for i in home]
        said = content if comp.story.lang == source.lang else str(f.attrs.get("content") or content)
        sim = _similarity(comp, said, home_text)
        threshold = SAME_STATEMENT if comp.story.lang == source.lang else CROSS_SAME_QUOTE
        if sim is None or sim < threshold:
            continue
        comp.add(Finding(FindingKind.ATTRIBUTION_ADDED,
                         f"The story has {speaker} say this; the source states it itself and credits it to "
                         f"no one.",
                         story=f.span, source=Span(sents[0].start, sents[-1].end, home_text),
                         before=home_text, after=str(f.attrs.get("content") or content),
                         rule="reported.speaker-added", confidence=CONFIDENCE, story_fact=f.id))
