"""The document model every stage reads and writes.

One :class:`Document` per text; stages add sentences and facts to it.  A :class:`Comparison` holds two
documents, the sentence alignment between them, a verdict for every fact and sentence, and the
:class:`Finding` list.  Everything serialises to plain JSON with ``to_dict`` (schema in docs/schema.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from wirecheck.kinds import FindingKind, Severity, severity_of

SCHEMA_VERSION = "1.0"


class FactType(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    UNIT = "unit"
    NUMBER = "number"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    HEDGE = "hedge"
    EVENT = "event"
    WEAPON = "weapon"


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CHANGED = "changed"
    ADDED = "added"
    KEPT = "kept"
    DROPPED = "dropped"


@dataclass
class Span:
    """A character range in one text, with the words it covers (for a reader to check)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Fact:
    """One checkable claim element found in a text.

    ``key`` is what comparison matches on (a lemma, a transliteration key, a number value, a GeoNames
    id ...); ``attrs`` carries type-specific detail: a person's ``title``/``role``, a unit's ``ordinal``,
    ``descriptors`` and ``unit_type``, a quote's ``speaker``, a place's ``geonameid``.
    """

    id: str
    type: FactType
    text: str
    start: int
    end: int
    sentence: int
    key: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    extractor: str = ""
    confidence: float = 1.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["type"] = self.type.value
        return d


@dataclass
class Document:
    text: str
    lang: str = ""
    role: str = "story"  # "story" or "source"
    name: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Stage-private, non-serialised state (a spaCy Doc, morphology caches ...).
    extras: dict[str, Any] = field(default_factory=dict, repr=False)
    stages_run: list[str] = field(default_factory=list)
    # Fact ids stay unique when a stage withdraws another stage's fact (a surname the gazetteer took).
    _next_fact: int = field(default=0, repr=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def add_fact(self, type: FactType, start: int, end: int, *, key: str = "", extractor: str = "",
                 confidence: float = 1.0, **attrs: Any) -> Fact:
        self._next_fact = max(self._next_fact, len(self.facts))
        fact = Fact(
            id=f"{self.role[:2]}{self._next_fact}",
            type=type,
            text=self.text[start:end],
            start=start,
            end=end,
            sentence=self.sentence_at(start),
            key=key,
            attrs=attrs,
            extractor=extractor,
            confidence=confidence,
        )
        self.facts.append(fact)
        self._next_fact += 1
        return fact

    def facts_of(self, *types: FactType) -> list[Fact]:
        return [f for f in self.facts if f.type in types]

    def sentence_at(self, offset: int) -> int:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.index
        return len(self.sentences) - 1 if self.sentences else 0

    def facts_in(self, sentence: int, *types: FactType) -> list[Fact]:
        return [f for f in self.facts if f.sentence == sentence and (not types or f.type in types)]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "lang": self.lang,
            "sha256": self.content_hash,
            "text": self.text,
            "meta": self.meta,
            "sentences": [asdict(s) for s in self.sentences],
            "facts": [f.to_dict() for f in self.facts],
        }


@dataclass
class Alignment:
    """A story sentence and the source sentences it was written from (empty: none found)."""

    story: int
    source: list[int]
    score: float
    method: str = ""
    # Share of the sentence's word pairs that occur anywhere in the source (same-language pairs only):
    # low support means new wording, which is where added and recombined claims hide.
    support: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Finding:
    kind: FindingKind
    message: str
    story: Span | None = None
    source: Span | None = None
    # What the source says and what the story made of it ("Seversk" -> "Sevsk").
    before: str | None = None
    after: str | None = None
    rule: str = ""
    confidence: float = 1.0
    story_fact: str | None = None
    source_fact: str | None = None
    reference: dict[str, Any] | None = None
    suggestion: str | None = None

    @property
    def severity(self) -> Severity:
        return severity_of(self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.label,
            "message": self.message,
            "story": self.story.to_dict() if self.story else None,
            "source": self.source.to_dict() if self.source else None,
            "before": self.before,
            "after": self.after,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "story_fact": self.story_fact,
            "source_fact": self.source_fact,
            "reference": self.reference,
            "suggestion": self.suggestion,
        }


@dataclass
class FactVerdict:
    fact: str  # fact id
    verdict: Verdict
    counterpart: str | None = None
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact, "verdict": self.verdict.value, "counterpart": self.counterpart,
                "score": round(self.score, 3)}


@dataclass
class Novelty:
    """How much of the story's wording the source does not contain (same-language pairs only)."""

    word_pairs: int  # adjacent word pairs (lemmas) in the story
    novel_pairs: int  # of which the source never has
    content_words: int
    novel_words: list[str]  # content lemmas absent from the whole source, in story order
    # The highest share of novel word pairs in any one story sentence: an error usually sits in one
    # sentence, which a story-wide share dilutes.
    sentence_novel_share: float = 0.0
    # Story sentences told in the source's own word pairs but spliced from several source sentences:
    # no single one holds most of them ("every word is in the article").  story sentence -> the source
    # sentences its pairs come from.
    spliced: dict[int, list[int]] = field(default_factory=dict)
    # Word pairs the story joins by a dependency arc (a verb and its subject, a noun and its modifier)
    # whose two words both occur in the source but never joined there (checks/relations.py).
    unjoined_arcs: int = 0

    @property
    def pair_share(self) -> float:
        return self.novel_pairs / self.word_pairs if self.word_pairs else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"word_pairs": self.word_pairs, "novel_pairs": self.novel_pairs,
                "novel_pair_share": round(self.pair_share, 3), "content_words": self.content_words,
                "novel_words": self.novel_words, "sentence_novel_share": round(self.sentence_novel_share, 3),
                "spliced": [{"story": i, "source": js} for i, js in sorted(self.spliced.items())],
                "unjoined_arcs": self.unjoined_arcs}


@dataclass
class Comparison:
    story: Document
    source: Document | None
    alignments: list[Alignment] = field(default_factory=list)
    verdicts: list[FactVerdict] = field(default_factory=list)
    sentence_verdicts: dict[int, Verdict] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    novelty: Novelty | None = None
    # Pair-stage scratch space (fact matches etc.), not serialised.
    extras: dict[str, Any] = field(default_factory=dict, repr=False)

    def add(self, finding: Finding) -> Finding:
        self.findings.append(finding)
        return finding

    @property
    def stage_errors(self) -> list[str]:
        """Stages that failed on these texts (their findings are missing); see pipeline._guarded."""
        docs = [self.story] + ([self.source] if self.source is not None else [])
        return [f"{d.role}: {e}" for d in docs for e in d.meta.get("stage_errors", []) or []]

    def alignment_of(self, story_sentence: int) -> Alignment | None:
        for a in self.alignments:
            if a.story == story_sentence:
                return a
        return None

    @property
    def fidelity(self) -> float:
        """0..100: 100 is a story that adds, changes and drops nothing checkable."""
        from wirecheck.kinds import SEVERITY_WEIGHT

        penalty = sum(SEVERITY_WEIGHT[f.severity] * f.confidence for f in self.findings)
        # Diminishing returns: a story with many problems approaches 0 but the scale stays readable.
        return round(100.0 * (1.0 / (1.0 + penalty / 40.0)), 1)

    @property
    def risk(self) -> float | None:
        """Estimated probability (0..1) that the story has at least one factual error against its
        source; None without a source or without a same-language source (see wirecheck.risk)."""
        from wirecheck.risk import error_risk

        return error_risk(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": f"wirecheck.comparison/{SCHEMA_VERSION}",
            "fidelity": self.fidelity,
            "risk": None if (r := self.risk) is None else round(r, 3),
            "novelty": self.novelty.to_dict() if self.novelty else None,
            "story": self.story.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "alignments": [a.to_dict() for a in self.alignments],
            "fact_verdicts": [v.to_dict() for v in self.verdicts],
            "sentence_verdicts": {str(k): v.value for k, v in sorted(self.sentence_verdicts.items())},
            "findings": [f.to_dict() for f in sorted(self.findings, key=lambda f: -f.severity)],
            "counts": self.counts(),
            "timings_ms": {k: round(v * 1000, 2) for k, v in self.timings.items()},
        }

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.kind.value] = out.get(f.kind.value, 0) + 1
        return out
