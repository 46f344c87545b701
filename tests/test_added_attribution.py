"""Statements the source makes itself, credited in the story to a person (checks/added_attribution.py).
Sentences are the project's own."""

from __future__ import annotations

from wirecheck.pipeline import compare

SOURCE = ("A storm cut power to 4,000 homes in the northern districts overnight.\n"
          "Mayor Anna Kovac said repair crews would work through the weekend.")


def _added(story: str, source: str = SOURCE, lang: str = "en") -> list[tuple[str, str]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.story.text if f.story else "", f.before or "") for f in comp.findings
            if f.kind.value == "attribution_added"]


def test_the_sources_own_statement_put_in_a_named_persons_mouth() -> None:
    story = ("A storm cut power to 4,000 homes in the northern districts overnight, Mayor Anna Kovac said.\n"
             "Kovac said repair crews would work through the weekend.")
    [(where, before)] = _added(story)
    assert "Kovac said" in where
    assert before.startswith("A storm cut power")  # the evidence is the source sentence that says it


def test_not_when_the_source_credits_the_speaker() -> None:
    assert _added(SOURCE) == []
    # The speaker's own statement, earlier in the paragraph, carries on to the next sentence.
    source = ("Mayor Anna Kovac said repair crews would work through the weekend. "
              "A storm cut power to 4,000 homes in the northern districts overnight.")
    story = "A storm cut power to 4,000 homes in the northern districts overnight, Mayor Anna Kovac said."
    assert _added(story, source) == []
    # The source tells what the speaker did in that very sentence.
    source = "Mayor Anna Kovac thanked the crews who restored power to 4,000 homes in the northern districts."
    story = "Mayor Anna Kovac said crews had restored power to 4,000 homes in the northern districts."
    assert _added(story, source) == []


def test_not_for_a_speaker_the_source_never_names() -> None:
    story = ("A storm cut power to 4,000 homes in the northern districts overnight, Governor Peter Hale said.\n"
             "Mayor Anna Kovac said repair crews would work through the weekend.")
    assert _added(story) == []  # an added person: the fact checks report him


def test_across_languages() -> None:
    source = ("Через негоду вночі без світла залишилися 4 тисячі будинків у північних районах Львова.\n"
              "Мер Анна Ковач заявила, що ремонтні бригади працюватимуть усі вихідні.")
    story = ("Bad weather left 4,000 homes in the northern districts of Lviv without power overnight, "
             "Mayor Anna Kovach said.\nKovach said repair crews would work all weekend.")
    [(where, _)] = _added(story, source, "uk")
    assert "Kovach said" in where
