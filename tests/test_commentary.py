"""clause.commentary: interpretation bolted onto a translated sentence (Russian or Ukrainian source)."""

from __future__ import annotations

from wirecheck.pipeline import compare

SOURCE = ("Российские войска нанесли удар по складу боеприпасов под Краматорском, сообщили в Минобороны. "
          "Паромная переправа через Керченский пролив временно приостановлена, уточнил Аксенов.")


def commentary(story: str, source: str = SOURCE, lang: str = "ru") -> list[str]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [f.story.text for f in comp.findings if f.rule == "clause.commentary" and f.story is not None]


def test_interpreting_clauses_and_moods_are_reported() -> None:
    story = ("Russian forces struck an ammunition depot near Kramatorsk, underscoring Moscow's growing reach "
             "behind the front line, the Defence Ministry said. The ferry crossing over the Kerch Strait has been "
             "suspended, Aksyonov said, as fears grow of a wider campaign against Crimea's supply lines.")
    assert commentary(story) == ["underscoring Moscow's growing reach behind the front line",
                                 "as fears grow of a wider campaign against Crimea's supply lines"]


def test_reported_participles_and_a_translated_amid_are_not_commentary() -> None:
    story = ("Russian forces struck an ammunition depot near Kramatorsk, the Defence Ministry said, adding that "
             "the strike destroyed it. The ferry crossing over the Kerch Strait has been suspended, Aksyonov said.")
    assert commentary(story) == []
    source = "На фоне обстрелов паромная переправа через Керченский пролив приостановлена, уточнил Аксенов."
    assert commentary("Amid the shelling, the ferry crossing over the Kerch Strait has been suspended, Aksyonov "
                      "said.", source) == []
