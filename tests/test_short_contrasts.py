"""A story sentence too short for its wording to align, that turns round the event of a source sentence
("The court acquitted him." for "sentenced him to 10 years"): the changed verdict must be seen, not
passed off as an added claim.  Sentences are the project's own."""

from __future__ import annotations

from wirecheck.pipeline import compare

SOURCE = ("NEW YORK, March 3 (Reuters) - Prosecutors said the former mayor took bribes worth $2 million. "
          "The court sentenced him to 10 years in prison. His lawyer said he would appeal.")


def _found(story: str, source: str = SOURCE, lang: str = "en") -> list[tuple[str, str | None, str | None]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.kind.value, f.source.text if f.source else None, f.story.text if f.story else None)
            for f in comp.findings if f.kind.value in ("predicate_changed", "added_claim")]


def test_a_sentence_told_as_an_acquittal_is_a_changed_predicate() -> None:
    assert _found("The court acquitted him.") == [("predicate_changed", "sentenced him to 10 years", "acquitted")]


def test_the_same_sentence_told_short_is_no_change() -> None:
    assert _found("The court sentenced him to ten years.") == []


def test_a_short_sentence_sharing_nothing_else_with_the_source_stays_unpaired() -> None:
    # "released" turns round no event of the source and shares nothing else with it: an added claim.
    assert [k for k, _, _ in _found("He was later released.")] == ["added_claim"]
    # "Nobody was killed" is in the contrast group of "wounded", but says nothing else the source sentence
    # says (and two wounded with nobody killed is no contradiction).
    found = _found("Nobody was killed.", "KYIV, March 3 - Two soldiers were wounded in the attack.")
    assert "predicate_changed" not in [k for k, _, _ in found]


def test_a_russian_prison_term_told_as_an_acquittal() -> None:
    source = "МОСКВА, 14 ноября. /ТАСС/. Мещанский суд Москвы приговорил Тимура Иванова к 13 годам колонии строгого режима."
    [(kind, before, after)] = _found("Timur Ivanov was acquitted.", source, "ru")
    assert kind == "predicate_changed" and before == "колонии строгого режима" and after == "acquitted"
