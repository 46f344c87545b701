"""Direct quotes and their speakers in English text."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.extractors.en_quotes import quote_key, quotes_en
from wirecheck.model import Document, Fact, FactType
from wirecheck.segment.sentences import sentences_en
from wirecheck.textnorm import person_key


def quotes(text: str) -> list[Fact]:
    doc = Document(text=text, lang="en")
    sentences_en(doc)
    quotes_en(doc)
    return doc.facts_of(FactType.QUOTE)


def test_quote_then_speaker() -> None:
    [q] = quotes('"We will not retreat from the river," Colonel Ivan Petrenko said on Tuesday.')
    assert q.attrs["content"] == "We will not retreat from the river"
    assert q.attrs["speaker"] == "Ivan Petrenko"
    assert q.attrs["speaker_key"] == person_key("Petrenko")
    assert q.attrs["cue"] == "said"
    assert q.key == "we will not retreat from the river"
    assert q.text.startswith('"') and q.text.endswith('"')
    text = '"We will not retreat from the river," Colonel Ivan Petrenko said on Tuesday.'
    assert text[q.attrs["content_start"]:q.attrs["content_end"]] == q.attrs["content"]


def test_speaker_before_quote_with_colon() -> None:
    [q] = quotes('Anna Kowalska told reporters: "The water supply is safe to drink again."')
    assert q.attrs["speaker"] == "Anna Kowalska"
    assert q.attrs["cue"] == "told"


def test_pronoun_resolves_to_the_person_named_before() -> None:
    text = ('Defence Minister Marek Novak visited the port on Monday.\n'
            '"Our ships are ready for any task," he said.')
    [q] = quotes(text)
    assert q.attrs["speaker"] == "Marek Novak"
    assert q.attrs["speaker_mention"] == "he"
    assert q.attrs["speaker_key"] == person_key("Novak")


def test_title_description_resolves_to_the_titled_person() -> None:
    text = ('President Laura Jensen met the fishermen in the harbour.\n'
            '"This agreement protects your livelihood," the president said.')
    [q] = quotes(text)
    assert q.attrs["speaker"] == "Laura Jensen"


def test_leader_description_and_according_to_in_the_next_paragraph() -> None:
    text = ("Russian President Vladimir Putin met the governors in Moscow on Tuesday.\n"
            '"We will finish what we started," the Russian leader said.\n'
            '"The bridge is gone," according to Governor Ivan Petrenko.')
    first, second = quotes(text)
    assert first.attrs["speaker"] == "Vladimir Putin"
    assert first.attrs["speaker_mention"] == "the Russian leader"
    # The previous paragraph's "said" must not claim the next paragraph's quote.
    assert second.attrs["speaker"] == "Ivan Petrenko"
    assert second.attrs["cue"] == "according to"


def test_split_quote_keeps_one_speaker() -> None:
    qs = quotes('"We have enough fuel for a week," Novak said, "but the roads north are closed."')
    assert [q.attrs["content"] for q in qs] == ["We have enough fuel for a week",
                                                "but the roads north are closed."]
    assert {q.attrs["speaker"] for q in qs} == {"Novak"}


def test_double_apostrophe_quote_marks() -> None:
    # Some newsroom copy writes quotes as two apostrophes.
    [q] = quotes("''We are losing patience with the ministry,'' Oksana Lysenko said.")
    assert q.attrs["content"] == "We are losing patience with the ministry"
    assert q.attrs["speaker"] == "Oksana Lysenko"


def test_dash_credit_after_a_quote() -> None:
    [q] = quotes("“The water is back, but nobody trusts it yet.” ― Maria Lopez")
    assert q.attrs["speaker"] == "Maria Lopez"


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes('The so-called "peace" plan was rejected by parliament.') == []


def test_curly_quotes_and_key_normalisation() -> None:
    [q] = quotes("“It’s over, we’re going home,” said Pavel Orlov, a driver.")
    assert q.attrs["speaker"] == "Pavel Orlov"
    assert q.key == quote_key("it's over we're going home")


@pytest.fixture(scope="module")
def derivative_quotes(shared: Path) -> list[Fact]:
    text = (shared / "fixtures" / "seversk-2025-12-11" / "derivative-quotes.txt").read_text(encoding="utf-8")
    return quotes(text)


def test_fixture_quotes_have_their_speakers(derivative_quotes: list[Fact]) -> None:
    by_start = {q.attrs["content"][:20]: q for q in derivative_quotes}
    capture = by_start["The capture of Sever"]
    assert person_key(capture.attrs["speaker"]) == person_key("Temirkhanov")
    assert capture.attrs["speaker_key"] == person_key("Temirkhanov")
    reminded = by_start["The president remind"]
    assert reminded.attrs["speaker_key"] == person_key("Cherdantsev")
    assert reminded.attrs["cue"] == "told"
    assert len(derivative_quotes) == 2


def test_source_report_has_no_quotes(shared: Path) -> None:
    text = (shared / "fixtures" / "seversk-2025-12-11" / "source-en.txt").read_text(encoding="utf-8")
    assert quotes(text) == []


def test_scare_quote_inside_a_passive_report_is_not_credited() -> None:
    facts = quotes("Oz has been called a charlatan by fellow physicians for promoting \"quack\" cures.")
    assert not [q for q in facts if q.attrs["speaker"]]


def test_british_single_quotes_are_quotes_and_apostrophes_are_not() -> None:
    from wirecheck.extractors.en_attribution import quote_spans
    from wirecheck.pipeline import compare

    text = ("The minister said: 'We will not retreat from the city.' He added that reinforcements had arrived. "
            "'It's a difficult day for the soldiers' families,' said Mr Smith. The governor's office didn't "
            "comment on the '90s or on rock 'n' roll.")
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "'We will not retreat from the city.'", "'It's a difficult day for the soldiers' families,'"]
    padded = text.replace("We will not retreat from the city.", "We will never retreat from the city, whatever it costs.")
    found = compare(padded, text, story_lang="en", source_lang="en").findings
    assert [(f.kind.value, f.rule) for f in found] == [("fabricated_quote", "quote.padded")]
