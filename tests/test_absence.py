"""A story's note that its source does not mention something is checked against the source. Pairs
written for these tests."""

from __future__ import annotations

from wirecheck.pipeline import compare

SOURCE = ("Night Harbour is the debut studio album by the Welsh singer Lena Moray. Night Harbour is also a 2015 "
          "Danish thriller film directed by Jens Holm, based on his own years as a harbour pilot.")


def absence(story: str) -> list[str]:
    comp = compare(story, SOURCE)
    return [f.story.text for f in comp.findings if f.rule == "absence.false" and f.story and f.confidence >= 0.5]


def test_a_note_that_the_source_lacks_what_it_says_is_false() -> None:
    found = absence("Night Harbour is a 2015 Danish thriller directed by Jens Holm.\n\nNote: The passage does not "
                    "mention the singer Lena Moray, so her album is left out of this summary.")
    assert found == ["The passage does not mention the singer Lena Moray"], found
    found = absence("Night Harbour is a 2015 Danish thriller directed by Jens Holm. The text provides no "
                    "information about the Welsh singer's debut album.")
    assert found, found


def test_a_note_on_what_the_source_indeed_lacks_stands() -> None:
    # The source gives no plot or cast; one shared word ("film") is no mention of what the note misses.
    assert not absence("Night Harbour is a 2015 Danish thriller. The passage does not provide any details "
                       "about the plot or cast of the film.")
    # Not a note about mentioning: the source names both, but may well not relate them.
    assert not absence("Night Harbour is a 2015 Danish thriller. The passage does not seem to connect Lena "
                       "Moray to Jens Holm.")
