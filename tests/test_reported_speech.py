"""Reported speech given to the wrong person (checks/reported_speech.py).  Sentences are the project's own."""

from __future__ import annotations

from wirecheck.pipeline import compare


def _reported(story: str, source: str, lang: str = "en") -> list[tuple[str, str]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.kind.value, f.message) for f in comp.findings if f.rule == "reported.speaker-differs"]


SOURCE = ("Mayor Anna Kovac met Interior Minister Peter Hale on Monday. Hale said the government would send "
          "two hundred extra police officers to the city before the summer.")


def test_a_statement_moved_to_another_speaker_is_misattributed() -> None:
    story = ("Mayor Anna Kovac met Interior Minister Peter Hale on Monday. Kovac said the government would send "
             "two hundred extra police officers to the city before the summer.")
    assert _reported(story, SOURCE) == [
        ("misattributed_quote", "The story has Anna Kovac say this; in the source it is Peter Hale's statement.")]


def test_the_right_speaker_or_a_new_statement_is_not() -> None:
    assert _reported(SOURCE, SOURCE) == []
    story = ("Mayor Anna Kovac met Interior Minister Peter Hale on Monday. Kovac said the city would open three "
             "new youth centres next year.")
    assert _reported(story, SOURCE) == []  # an invented statement is another check's business


def test_across_languages_and_with_a_quoted_fragment() -> None:
    source = ("Президент Володимир Зеленський зустрівся з міністром Йоганном Вадефулем. Вадефуль заявив, що "
              "Берлін продовжить підтримку України \"стільки, скільки буде потрібно\".")
    story = ("President Volodymyr Zelensky met minister Johann Wadephul. Zelensky said Berlin would continue to "
             "support Ukraine \"for as long as it takes\".")
    comp = compare(story, source, story_lang="en", source_lang="uk")
    kinds = [(f.kind.value, f.rule) for f in comp.findings if "quote" in f.kind.value]
    # The quoted idiom is part of the minister's statement: misattributed, not fabricated.
    assert kinds == [("misattributed_quote", "reported.speaker-differs")]


def test_a_speaker_found_by_resolving_a_pronoun_is_not_enough_to_call_it_misattributed() -> None:
    # The source's speaker is "she", which resolution makes Hale; the story names Kovac.  Shown, but under
    # the confidence the story's error counts need: who "she" is was a guess.
    source = ("Interior Minister Petra Hale met Mayor Tom Kovac on Monday. After the meeting she said the "
              "government would send two hundred extra police officers to the city before the summer.")
    story = ("Interior Minister Petra Hale met Mayor Tom Kovac on Monday. Kovac said the government would send "
             "two hundred extra police officers to the city before the summer.")
    found = [f for f in compare(story, source).findings if f.rule == "reported.speaker-differs"]
    assert len(found) == 1 and found[0].confidence < 0.5 and found[0].source is not None
    # The same statement with the name written at it keeps its full confidence.
    named = [f for f in compare(story, source.replace("she said", "Hale said")).findings
             if f.rule == "reported.speaker-differs"]
    assert len(named) == 1 and named[0].confidence >= 0.5


def test_a_statement_handed_to_the_other_side_of_the_war() -> None:
    source = "KYIV, March 3 (Reuters) - Russia said its forces had captured the village of Pishchane."
    comp = compare("Ukraine said Russian forces had captured the village of Pishchane.", source)
    assert [(f.rule, f.before, f.after) for f in comp.findings if f.kind.value == "misattributed_quote"] == [
        ("reported.side-differs", "Russia", "Ukraine")]
    same_side = compare("Moscow said its forces had captured the village of Pishchane.", source)
    assert not [f for f in same_side.findings if f.kind.value == "misattributed_quote"]
    ru = ("МОСКВА, 3 марта. /ТАСС/. Минобороны России заявило, что подразделения группировки «Запад» "
          "освободили населенный пункт Песчаное в Харьковской области.")
    comp = compare("Kyiv said Russian forces had captured the village of Pishchane in the Kharkiv region.", ru,
                   story_lang="en", source_lang="ru")
    assert [f.rule for f in comp.findings if f.kind.value == "misattributed_quote"] == ["reported.side-differs"]
