"""Restatements that add nothing: a place written as its adjective, a region the gazetteer puts a named
place in, a number the source spells out, a remark about the text, a hedge kept in other words.
Pairs written for these tests."""

from __future__ import annotations

from wirecheck.align.facts import adjective_form_spans
from wirecheck.checks.quotes import _comparable
from wirecheck.model import Comparison, FactType, Verdict
from wirecheck.pipeline import compare


def rules(comp: Comparison) -> list[str]:
    return [f.rule for f in comp.findings]


def added(comp: Comparison) -> list[str]:
    return [f.story.text for f in comp.findings if f.kind.value == "added_claim" and f.story]


def test_a_place_written_as_its_adjective_is_the_place() -> None:
    assert adjective_form_spans("Western Australia", "washed up on a West Australian beach") == [(15, 30)]
    assert adjective_form_spans("Ukraine", "Ukrainian troops") == [(0, 9)]
    assert adjective_form_spans("Iran", "Iraqi troops") == []
    comp = compare("A rare whale was found on a beach in Western Australia.",
                   "A rare whale has been found washed up on a West Australian beach.")
    assert "fact.added:place" not in rules(comp), comp.findings


def test_a_demonym_of_another_country_does_not_support_a_name() -> None:
    comp = compare("Niger's army said it had repelled the attack.",
                   "The Nigerian army said it had repelled the attack.")
    niger = next(f for f in comp.story.facts if f.type is FactType.PLACE and f.text == "Niger")
    verdict = next(v for v in comp.verdicts if v.fact == niger.id)
    assert verdict.verdict is not Verdict.SUPPORTED


def test_the_region_of_a_named_town_adds_no_claim() -> None:
    source = "Russian shelling hit Kramatorsk overnight, the governor said."
    comp = compare("Russian shelling hit Kramatorsk in the Donetsk region overnight, the governor said.", source)
    assert not any("Donetsk" in t for t in added(comp)), comp.findings
    comp = compare("Russian shelling hit Kramatorsk in the Kharkiv region overnight, the governor said.", source)
    assert any("Kharkiv" in t for t in added(comp)), comp.findings


def test_a_number_the_source_spells_out_is_not_added() -> None:
    source = ("Nicklaus became the youngest winner in 1963 and collected his sixth in 1986. "
              "The 5.68 m juvenile female was identified by DNA profiling.")
    story = ("Nicklaus, a six-time winner, first won in 1963. The juvenile female, measuring 5.68 meters, "
             "was identified by DNA profiling.")
    comp = compare(story, source)
    assert "fact.added:number" not in rules(comp), comp.findings
    comp = compare("Nicklaus, a nine-time winner, first won in 1963.", source)
    assert "fact.added:number" in rules(comp), comp.findings


def test_a_remark_about_the_text_is_not_an_added_claim() -> None:
    source = "The Millers is an American sitcom that aired on CBS. Lake Providence is a town in Louisiana."
    story = ("The passage mentions two unrelated topics: The Millers is an American sitcom that aired on CBS. "
             "Lake Providence is a town in Louisiana.")
    comp = compare(story, source)
    assert "sentence.unaligned" not in rules(comp), comp.findings
    comp = compare("Based on the provided passage, here is a summary covering the core information. "
                   "The Millers is an American sitcom that aired on CBS.", source)
    assert "sentence.unaligned" not in rules(comp), comp.findings


def test_a_hedge_kept_in_other_words_is_not_dropped() -> None:
    source = "Chelsea are in talks with Belgian club Royal Mouscron about a possible partnership."
    comp = compare("Chelsea are in talks with Belgian club Royal Mouscron about a potential partnership.", source)
    assert "hedge.dropped" not in rules(comp), comp.findings
    comp = compare("Beckford is considered one of the best prospects in the Caribbean.",
                   "Beckford is said to be one of the best prospects in the Caribbean.")
    assert "hedge.dropped" not in rules(comp), comp.findings
    comp = compare("Schools in the town were evacuated, officials said.",
                   "Schools in the town were said to have been evacuated, officials said.")
    assert "hedge.dropped" in rules(comp), comp.findings


def test_a_hedge_on_a_clause_the_story_left_out_is_not_dropped() -> None:
    source = ("The council granted the championships to Eugene, taking an opportunity that may never arise "
              "again.")
    comp = compare("The council granted the championships to Eugene.", source)
    assert "hedge.dropped" not in rules(comp), comp.findings


def test_a_pronoun_or_a_relative_cannot_contradict_a_named_speaker() -> None:
    assert not _comparable("you") and not _comparable("It")
    assert not _comparable("her grandmother") and not _comparable("his lawyer")
    assert _comparable("the committee") and _comparable("Cissy Houston")


def test_a_title_or_phrase_the_source_writes_is_not_a_fabricated_quote() -> None:
    source = ("Home for the Holidays is a 1972 American television film starring Sally Field. "
              "It premiered on ABC in November 1972.")
    comp = compare('The 1972 television film was called "Home for the Holidays." It premiered on ABC.', source)
    assert "quote.no-source-match" not in rules(comp), comp.findings
    comp = compare('Sally Field said "I loved making this film more than any other."', source)
    assert "quote.no-source-match" in rules(comp), comp.findings


def test_a_clause_about_the_text_is_not_an_added_claim() -> None:
    source = "The film starred Sally Field and premiered on ABC in November 1972."
    comp = compare("The film starred Sally Field, but its plot and cast are not described in the passage.", source)
    assert "clause.unsupported" not in rules(comp), comp.findings


def test_a_person_by_given_name_and_a_body_by_its_acronym_are_the_same() -> None:
    source = ("The decision was taken by the International Association of Athletics Federations Council. "
              "Lamya Khan, a doctor, said the clinic was full.")
    comp = compare("The decision was made by the IAAF Council. Lamya said the clinic was full.", source)
    assert not [f for f in comp.findings if f.kind.value in ("added_claim", "person_changed")], comp.findings
    comp = compare("The decision was made by the IOC Council. Sara said the clinic was full.", source)
    assert [f for f in comp.findings if f.kind.value in ("added_claim", "person_changed",
                                                         "organization_changed")], comp.findings


def test_a_death_or_an_arrest_the_source_never_reports_is_an_added_claim() -> None:
    source = "Gunmen opened fire on staff and patients at the hospital on Tuesday, officials said."
    comp = compare("Gunmen opened fire at the hospital on Tuesday, killing staff and patients, officials said.",
                   source)
    assert "event.added" in rules(comp), comp.findings
    comp = compare("Gunmen opened fire at the hospital on Tuesday, killing staff and patients, officials said.",
                   source + " Two nurses were killed.")
    assert "event.added" not in rules(comp), comp.findings


def test_a_denial_worded_another_way_is_not_a_changed_event() -> None:
    source = "A quake struck near the city on Monday. There were no immediate reports of injuries or damage."
    comp = compare("A quake struck near the city on Monday. No immediate injuries or damage were reported.", source)
    assert "predicate_changed" not in [f.kind.value for f in comp.findings], comp.findings
    comp = compare("Soldiers did not kill the two men.", "Soldiers killed the two men, the army said.")
    assert "predicate_changed" in [f.kind.value for f in comp.findings], comp.findings


def test_more_remarks_about_the_text() -> None:
    source = "The Millers is an American sitcom that aired on CBS. Lake Providence is a town in Louisiana."
    comp = compare("It's important to note that the passage appears to contain two unrelated pieces of "
                   "information. The Millers is an American sitcom that aired on CBS.", source)
    assert "sentence.unaligned" not in rules(comp), comp.findings
    comp = compare("The decision was the IAAF Council's.",
                   "The decision was taken by the International Association of Athletics Federations Council.")
    assert not added(comp), comp.findings
