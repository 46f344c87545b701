"""The one place that defines what wirecheck can find and how much each kind matters.

Every finding, whichever stage produced it, uses a kind from :data:`KINDS`; reports, the store and the
JSON schema read severities and labels from here so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Severity(IntEnum):
    """Ordered so that ``max()`` picks the worst."""

    INFO = 1
    LOW = 2
    MEDIUM = 3
    HIGH = 4
    CRITICAL = 5

    @property
    def label(self) -> str:
        return self.name.lower()


class FindingKind(StrEnum):
    PLACE_CHANGED = "place_changed"
    PERSON_CHANGED = "person_changed"
    TITLE_CHANGED = "title_changed"
    UNIT_CHANGED = "unit_changed"
    ORGANIZATION_CHANGED = "organization_changed"
    NUMBER_CHANGED = "number_changed"
    DATE_CHANGED = "date_changed"
    PREDICATE_CHANGED = "predicate_changed"
    WEAPON_CHANGED = "weapon_changed"
    DESCRIPTION_CHANGED = "description_changed"
    ADDED_CLAIM = "added_claim"
    FABRICATED_QUOTE = "fabricated_quote"
    MISATTRIBUTED_QUOTE = "misattributed_quote"
    ATTRIBUTION_ADDED = "attribution_added"
    VAGUE_ATTRIBUTION = "vague_attribution"
    CERTAINTY_CHANGED = "certainty_changed"
    NEW_RELATION = "new_relation"
    DROPPED_FACT = "dropped_fact"
    PLACE_NOT_IN_REGION = "place_not_in_region"
    UNKNOWN_PLACE = "unknown_place"


@dataclass(frozen=True)
class KindInfo:
    kind: FindingKind
    severity: Severity
    label: str
    description: str


_INFO = [
    KindInfo(FindingKind.PLACE_CHANGED, Severity.CRITICAL, "Place changed",
             "The story names a different place than the source at the same point."),
    KindInfo(FindingKind.PERSON_CHANGED, Severity.HIGH, "Person changed",
             "The story names a different person than the source."),
    KindInfo(FindingKind.TITLE_CHANGED, Severity.MEDIUM, "Title or rank changed",
             "A person's rank, title or role differs from the source."),
    KindInfo(FindingKind.UNIT_CHANGED, Severity.HIGH, "Military unit changed",
             "A unit's number, type or descriptors differ from the source."),
    KindInfo(FindingKind.ORGANIZATION_CHANGED, Severity.HIGH, "Organization changed",
             "An organization or formation is named differently in a way that changes what it is."),
    KindInfo(FindingKind.NUMBER_CHANGED, Severity.HIGH, "Number changed",
             "A quantity differs from the source."),
    KindInfo(FindingKind.DATE_CHANGED, Severity.HIGH, "Date or time changed",
             "A date or relative time differs from the source."),
    KindInfo(FindingKind.PREDICATE_CHANGED, Severity.HIGH, "Event changed",
             "What happened is described with a different action (captured vs repelled, killed vs wounded)."),
    KindInfo(FindingKind.WEAPON_CHANGED, Severity.HIGH, "Weapon changed",
             "The means of attack differs from the source (drones vs missiles, artillery vs glide bombs)."),
    KindInfo(FindingKind.DESCRIPTION_CHANGED, Severity.HIGH, "Description changed",
             "A person or thing is described as another kind (a man became a woman, a bulk carrier an oil tanker)."),
    KindInfo(FindingKind.ADDED_CLAIM, Severity.MEDIUM, "Added claim",
             "A checkable claim in the story has no counterpart in the source."),
    KindInfo(FindingKind.FABRICATED_QUOTE, Severity.CRITICAL, "Fabricated quote",
             "A direct quote in the story does not appear in the source."),
    KindInfo(FindingKind.MISATTRIBUTED_QUOTE, Severity.CRITICAL, "Misattributed quote",
             "A quote from the source is put in another person's mouth."),
    KindInfo(FindingKind.ATTRIBUTION_ADDED, Severity.MEDIUM, "Attribution added",
             "The story credits a person with a statement the source makes in its own voice."),
    KindInfo(FindingKind.VAGUE_ATTRIBUTION, Severity.MEDIUM, "Vague attribution",
             "A claim rests on an unnamed or vague source (\"analysts warn\", \"reports indicate\")."),
    KindInfo(FindingKind.CERTAINTY_CHANGED, Severity.MEDIUM, "Certainty changed",
             "A hedged claim became certain, or a certain one hedged."),
    KindInfo(FindingKind.NEW_RELATION, Severity.LOW, "Relation not in source",
             "Two things the source names are joined in a way it never states (another doer for an action, "
             "a detail moved to another noun): a pointer to check, not a verdict."),
    KindInfo(FindingKind.DROPPED_FACT, Severity.LOW, "Dropped fact",
             "A fact in the source does not appear in the story."),
    KindInfo(FindingKind.PLACE_NOT_IN_REGION, Severity.HIGH, "Place not in stated region",
             "The gazetteer puts the place in another region than the story claims."),
    KindInfo(FindingKind.UNKNOWN_PLACE, Severity.LOW, "Unknown place",
             "A place name the gazetteer cannot resolve."),
]

KINDS: dict[FindingKind, KindInfo] = {info.kind: info for info in _INFO}


def severity_of(kind: FindingKind | str) -> Severity:
    return KINDS[FindingKind(kind)].severity


# How much each severity costs the fidelity score (0..100), per finding, before diminishing returns.
SEVERITY_WEIGHT: dict[Severity, float] = {
    Severity.INFO: 0.0,
    Severity.LOW: 1.0,
    Severity.MEDIUM: 4.0,
    Severity.HIGH: 8.0,
    Severity.CRITICAL: 12.0,
}

# Kinds that say the story contradicts or goes beyond its source on a matter of fact.  Hedges and vague
# sources are matters of wording, dropped facts are what any summary does, the gazetteer kinds judge
# the story against reference data, and a new relation is a pointer (mostly right in a paraphrase): none
# of those enter the story's error risk (wirecheck.risk).
FACTUAL_KINDS: frozenset[FindingKind] = frozenset({
    FindingKind.PLACE_CHANGED, FindingKind.PERSON_CHANGED, FindingKind.TITLE_CHANGED,
    FindingKind.UNIT_CHANGED, FindingKind.ORGANIZATION_CHANGED, FindingKind.NUMBER_CHANGED,
    FindingKind.DATE_CHANGED, FindingKind.PREDICATE_CHANGED, FindingKind.WEAPON_CHANGED, FindingKind.ADDED_CLAIM,
    FindingKind.DESCRIPTION_CHANGED,
    FindingKind.FABRICATED_QUOTE, FindingKind.MISATTRIBUTED_QUOTE})
