"""Readings of facts that a summary restates rather than changes: a person by the first of several given
names, a value a fused sentence carries from another source statement, a name in another case or cut
off by the end of the text, an order of magnitude, a quote two source statements hold equally well.
Pairs written for these tests."""

from __future__ import annotations

from wirecheck.model import Comparison
from wirecheck.pipeline import compare


def rules(comp: Comparison) -> list[str]:
    return [f.rule for f in comp.findings if f.confidence >= 0.5]


def kinds(comp: Comparison) -> list[str]:
    return [f.kind.value for f in comp.findings if f.confidence >= 0.5]


def test_a_person_by_the_first_of_several_given_names_is_that_person() -> None:
    source = ("The sprinter Omar Haddad spent Sunday at a zoo near Lyon with his family. The 28-year-old "
              "fed a tiger and posed with giraffes. He was joined by his wife Leila Noor Haddad as well as "
              "his son. Omar Haddad enjoyed a family day at the zoo near Lyon.")
    comp = compare("Omar Haddad visited a zoo near Lyon with his family, including his wife Leila.", source)
    assert not [k for k in kinds(comp) if k in ("person_changed", "added_claim")], comp.findings
    # Another wife is a person the source does not have, not one put in the place of Omar Haddad, whom
    # the sentence names itself.
    comp = compare("Omar Haddad visited a zoo near Lyon with his family, including his wife Mona.", source)
    assert "person_changed" not in kinds(comp), comp.findings
    assert [f for f in comp.findings if f.kind.value == "added_claim" and f.story and f.story.text == "Mona"
            and f.confidence >= 0.5], comp.findings


def test_a_value_carried_into_a_fused_sentence_is_no_swap() -> None:
    source = ("The Tides. The multi-camera series aired from October 3, 2010 to July 18, 2012 and ran 28 "
              "episodes over two seasons on NBC. NBC announced the cancellation of The Tides on November 14, "
              "2011, six episodes into the show's second season.")
    lead = "The Tides aired for two seasons on NBC, premiering in October 2010 and concluding in July 2012. "
    comp = compare(lead + "It consisted of 28 episodes, but NBC cancelled the show in November 2011 during "
                   "its second season.", source)
    assert "swapped:number" not in rules(comp), comp.findings
    # Told in the words of the cancellation, the 28 takes the place of its six: a swap.
    comp = compare(lead + "NBC announced the cancellation of the show on November 14, 2011, 28 episodes into "
                   "its second season.", source)
    assert "swapped:number" in rules(comp), comp.findings


def test_a_name_of_several_words_in_a_lower_cased_source_is_that_name() -> None:
    source = ("the painter, 81, studied drawing with maria delgado in seville and later taught there. "
              "she is selling her collection of prints at an auction on saturday.")
    comp = compare("The painter, who studied drawing with Maria Delgado, is selling her prints at an "
                   "auction on Saturday.", source)
    assert not [f for f in comp.findings if f.kind.value in ("added_claim", "person_changed")
                and f.story and "Delgado" in f.story.text], comp.findings
    comp = compare("The painter, who studied drawing with Carmen Ruiz, is selling her prints at an "
                   "auction on Saturday.", source)
    assert [f for f in comp.findings if f.kind.value in ("added_claim", "person_changed")
            and f.story and "Ruiz" in f.story.text], comp.findings


def test_a_name_cut_short_by_the_end_of_the_text_is_the_name_it_begins() -> None:
    source = ("The hacker group leaked files from the ministry. It is also known as Grey Falcon, "
              "which its members chose in 2013.")
    comp = compare("The group leaked files from the ministry. It is also known as Grey Fal", source)
    assert not [r for r in rules(comp) if r.startswith(("fact.added", "slot:"))], comp.findings
    # Only the end of the text cuts a name short.
    comp = compare("The group leaked files from the ministry. It is also known as Grey Fal.", source)
    assert [r for r in rules(comp) if r.startswith(("fact.added", "slot:"))], comp.findings
    # Cut short, the name is looked for in the whole source, not only in the aligned sentence.
    source = ("The hacker group leaked files from the defence ministry in May. Its leader, a former engineer, "
              "lives abroad. Members chose the name Grey Falcon in 2013.")
    story = "The hacker group, which leaked files from the defence ministry in May, is known as Grey Fal"
    assert not [r for r in rules(compare(story, source)) if r.startswith(("fact.added", "slot:"))]
    assert [r for r in rules(compare(story + ".", source)) if r.startswith(("fact.added", "slot:"))]


def test_an_order_of_magnitude_a_source_figure_has_is_not_an_added_number() -> None:
    story = "The flat is cheap, but a lease extension would cost millions, the agent said."
    comp = compare(story, "The flat is cheap, the agent said. A lease extension is likely to cost between "
                          "£3.35 million and £4.5 million.")
    assert "fact.added:number" not in rules(comp), comp.findings
    comp = compare(story, "The flat is cheap, the agent said. A lease extension is likely to cost about "
                          "£350,000.")
    assert "fact.added:number" in rules(comp), comp.findings


def test_a_quote_two_source_statements_hold_alike_is_the_story_speakers() -> None:
    source = ("Dylan Moss is challenging Rui Costa for his title in May. Costa makes the eighth defence of his "
              "belt, but Moss claimed last week that the man he is challenging lacks the same motivation as "
              "him. ' he doesn't want to be near me, he doesn't want this the way I want it, ' Moss said.")
    comp = compare('Dylan Moss claims he has greater motivation than Rui Costa, saying Costa "doesn\'t want to '
                   'be near me".', source)
    assert "quote.speaker-differs" not in rules(comp), comp.findings
    source = ("Dylan Moss is challenging Rui Costa for his title in May. \"I want this more than anyone "
              "in the world,\" Moss said.")
    comp = compare('Rui Costa said: "I want this more than anyone in the world."', source)
    assert "quote.speaker-differs" in rules(comp), comp.findings


def test_a_small_count_of_what_the_source_counts_otherwise_is_added() -> None:
    story = "Born in Leeds in 1954, the critic overcame dyslexia to become a writer and had three children."
    lead = ("The critic was born in Leeds in 1954 and overcame dyslexia to become a writer. He married the "
            "author Ann Vale in 1983. ")
    comp = compare(story, lead + "They had two children together but later divorced. He also had two "
                               "children with his partner of 20 years.")
    assert "fact.added:number" in rules(comp), comp.findings
    # A small count of what the source only lists by name is counted from the list: said weakly.
    comp = compare(story, lead + "Their son Tom and daughters Eve and Amy live in London.")
    assert "fact.added:number" not in rules(comp), comp.findings


def test_a_name_in_a_remark_about_the_text_is_the_sources_wherever_it_stands() -> None:
    source = ("Orpheus (Ὀρφεύς [orpʰeús]) is the name ascribed by the ancient Greeks to the author of the Hymns "
              "and the Elegies, two poems which are the central works of ancient Greek literature. The Harbour "
              "is a mystery novel written by American author Jens Holm.")
    lead = "Orpheus is the name given by ancient Greeks to the author of two poems. "
    comp = compare(lead + "The Harbour is a mystery novel written by Jens Holm, an American author.\n\nThis "
                   "summary covers the main points about Orpheus, as well as the mystery novel The Harbour written "
                   "by its American author.", source)
    assert "person_changed" not in kinds(comp), comp.findings
    # Said as a claim, not as a remark about the text: Orpheus put in the novelist's place.
    comp = compare(lead + "The mystery novel The Harbour was written by Orpheus, an American author.", source)
    assert "person_changed" in kinds(comp), comp.findings


def test_a_word_capitalised_only_to_open_its_sentence_is_the_sources_common_noun() -> None:
    source = ("A new tool was released on Monday. The software reads the colours of paintings found online and "
              "plots them by year.")
    comp = compare("Software reads the colours of paintings found online and plots them by year.", source)
    assert not [r for r in rules(comp) if r.startswith("fact.added")], comp.findings
    # Inside the sentence, the capital makes it a name the source does not have.
    comp = compare("The tool, from Software, reads the colours of paintings found online and plots them by year.",
                   source)
    assert [r for r in rules(comp) if r.startswith("fact.added")], comp.findings


def test_a_speaker_called_by_the_title_the_source_gives_them_is_that_speaker() -> None:
    source = ('Scientists met in Houston this week. "We will find water on the moon within a decade, and life '
              'within thirty years," space agency chief scientist Mara Quist said on Tuesday. Astronaut Tom '
              'Reyes said the rover was ready.')
    comp = compare('"We will find water on the moon within a decade," space agency chief scientist says. '
                   'Astronaut Tom Reyes said the rover was ready.', source)
    assert "quote.speaker-differs" not in rules(comp), comp.findings
    comp = compare('"We will find water on the moon within a decade," astronaut Tom Reyes says.', source)
    assert "quote.speaker-differs" in rules(comp), comp.findings
