"""Rules found by trying stories outside war reporting: sport results, trials, medical studies, elections.
Every sentence here was written for these tests."""

from __future__ import annotations

from wirecheck.model import Comparison, FactType
from wirecheck.pipeline import analyse, compare


def found(comp: Comparison, kind: str) -> list[tuple[str | None, str | None]]:
    return [(f.story.text if f.story else None, f.before) for f in comp.findings if f.kind.value == kind]


def test_a_first_name_after_a_headline_stays_with_its_sentence() -> None:
    d = analyse("Kast Wins Runoff\n\nJosé Antonio Kast won the runoff on Sunday. He thanked voters.", lang="en")
    assert [s.text for s in d.sentences] == ["Kast Wins Runoff", "José Antonio Kast won the runoff on Sunday.",
                                            "He thanked voters."]
    d = analyse("Yes! He did.", lang="en")
    assert [s.text for s in d.sentences] == ["Yes!", "He did."]


def test_names_with_lower_case_particles_are_people() -> None:
    d = analyse("Ajax defender Jan van Berkel missed the game. European Commission President Ursula von der "
                "Leyen said on Monday that talks would go on.", lang="en")
    people = {(f.text, f.attrs.get("surname")) for f in d.facts_of(FactType.PERSON)}
    assert ("Jan van Berkel", "Berkel") in people and ("Ursula von der Leyen", "Leyen") in people
    assert not [f for f in d.facts_of(FactType.PLACE) if f.text == "Leyen"]


def test_a_capitalised_particle_is_the_same_person() -> None:
    comp = compare("Van Berkel will miss next week's game with a knee injury, the coach said.",
                   "Ajax defender Jan van Berkel will miss next week's game with a knee injury, the coach said.")
    assert not [f for f in comp.findings if f.kind.value == "added_claim" and f.story
                and "Berkel" in f.story.text]


def test_a_surname_the_gazetteer_knows_as_a_town_is_the_reports_person() -> None:
    comp = compare('"It was our best half of the season," Guardiola said on Sunday.',
                   'Manager Pep Guardiola said on Sunday it had been "our best half of the season".')
    assert not [f for f in comp.findings if f.kind.value == "dropped_fact" and "Guardiola" in (f.before or "")
                and f.rule == "fact.dropped:person"]


def test_won_and_lost_contradict_unless_the_other_side_tells_it() -> None:
    src = "Porto, who had won their previous five league games, remain third."
    assert found(compare("Porto, who had lost their previous five league games, remain third.", src),
                 "predicate_changed") == [("lost", "won")]
    src = "Benfica beat Porto 2-0 in Lisbon on Sunday."
    assert found(compare("Porto lost 2-0 to Benfica in Lisbon on Sunday.", src), "predicate_changed") == []
    assert found(compare("Benfica lost 2-0 to Porto in Lisbon on Sunday.", src), "predicate_changed") != []


def test_losing_ground_is_still_a_retreat() -> None:
    d = analyse("Government troops lost the town of Kindu on Monday.", lang="en")
    assert [f.key for f in d.facts_of(FactType.EVENT)] == ["retreat"]


def test_conceding_and_refusing_to_concede() -> None:
    comp = compare("The mayor refused to concede in a speech to supporters in Leeds.",
                   "The mayor conceded in a speech to supporters in Leeds.")
    assert found(comp, "predicate_changed") == [("concede", "conceded")]


def test_the_offence_and_bail_in_a_trial() -> None:
    src = ("A former nurse was found guilty on Monday of manslaughter, prosecutors said.\n"
           "Judge Anne Kerr released him on bail until sentencing.")
    comp = compare("A former nurse was found guilty on Monday of murder, prosecutors said.\n"
                   "Judge Anne Kerr remanded him in custody until sentencing.", src)
    assert ("murder", "manslaughter") in found(comp, "predicate_changed")
    assert ("remanded", "released") in found(comp, "predicate_changed")
    # "was murdered" is a killing, not the charge: no offence is read from the verb
    d = analyse("The man was murdered in his home in Leeds.", lang="en")
    assert [f.key for f in d.facts_of(FactType.EVENT)] != ["murder"]


def test_a_weekday_swapped_with_another_of_the_reports_days() -> None:
    src = "Celtic beat Rangers 2-1 at Parkhead on Sunday.\nCeltic host Hearts on Saturday."
    comp = compare("Celtic beat Rangers 2-1 at Parkhead on Saturday.", src)
    assert ("Saturday", "Sunday") in found(comp, "date_changed")
    assert found(compare("Celtic beat Rangers 2-1 at Parkhead on Sunday.", src), "date_changed") == []


def test_the_one_organisation_in_a_pair_of_aligned_sentences_replaced() -> None:
    src = "Shares of Nvidia fell 3% after analysts at Goldman Sachs cut their target, the company said."
    comp = compare("Shares of Nvidia fell 3% after analysts at Morgan Stanley cut their target, the company said.",
                   src)
    assert ("Morgan Stanley", "Goldman Sachs") in found(comp, "organization_changed")
    # a news agency in the dateline is not a slot another body can take
    comp = compare("Shares of Nvidia fell 3% on Monday, Bloomberg News said.",
                   "NEW YORK, May 4 (Reuters) - Shares of Nvidia fell 3% on Monday.")
    assert found(comp, "organization_changed") == []


def test_a_quote_with_its_force_words_changed() -> None:
    src = '"These results suggest the drug could slow the disease," said Dr. Maria Holt, who led the study.'
    comp = compare('"These results show the drug will slow the disease," said Dr. Maria Holt, who led the study.',
                   src)
    assert [f.rule for f in comp.findings if f.kind.value == "fabricated_quote"] == ["quote.words-changed"]
    # the same words with other punctuation, or an article changed, are the speaker's
    comp = compare('"These results suggest the drug could slow this disease" said Dr. Maria Holt, who led the '
                   'study.', src)
    assert found(comp, "fabricated_quote") == []


def test_preliminary_results_stated_as_final() -> None:
    src = "The preliminary results come from a study of 4,000 people."
    comp = compare("The results come from a study of 4,000 people.", src)
    assert [f.before for f in comp.findings if f.kind.value == "certainty_changed"] == ["preliminary"]


def test_a_plan_reported_as_done() -> None:
    src = "The airline said it planned to seek approval from regulators for the merger next year."
    comp = compare("The airline said it had received approval from regulators for the merger.", src)
    assert [f.before for f in comp.findings if f.kind.value == "certainty_changed"] == ["planned to"]
    comp = compare("The airline said it intends to seek approval from regulators for the merger next year.", src)
    assert [f for f in comp.findings if f.kind.value == "certainty_changed"] == []
    d = analyse("His lawyer said he was considering an appeal. The dish is considered a delicacy.", lang="en")
    assert [f.text for f in d.facts_of(FactType.HEDGE)] == ["considering"]


def test_the_first_of_three_names_at_a_paragraph_start() -> None:
    d = analyse("Runoff Result\n\nMaría José Ortega won the runoff on Sunday. Prime Minister Ana Ruiz called her.",
                lang="en")
    names = [f.text for f in d.facts_of(FactType.PERSON)]
    assert "María José Ortega" in names
    assert "Ana Ruiz" in names and not any(n.startswith("Minister") for n in names)


def test_gained_and_lost() -> None:
    src = "Glaciers in the Alps lost more ice last year than in any year on record, the report said."
    comp = compare("Glaciers in the Alps gained more ice last year than in any year on record, the report said.",
                   src)
    assert found(comp, "predicate_changed") == [("gained", "lost")]
    src = "The peso gained 1.5% against the dollar on Monday, while stocks rose."
    assert found(compare("The peso rose 1.5% against the dollar on Monday, while stocks rose.", src),
                 "predicate_changed") == []
    assert found(compare("The peso fell 1.5% against the dollar on Monday, while stocks rose.", src),
                 "predicate_changed") != []
    # a party that gained seats while another lost them: two results, not one contradicted
    src = "The Greens gained 12 seats in the election on Sunday as the Liberals lost 9."
    assert found(compare("The Liberals lost 9 seats in the election on Sunday while the Greens gained 12.", src),
                 "predicate_changed") == []


def test_a_headline_word_for_the_head_of_a_body_is_not_another_title() -> None:
    src = '"We are on alert," WMO Secretary-General Celeste Saulo told a news conference on Tuesday.'
    comp = compare('"We are on alert," WMO chief Celeste Saulo told reporters on Tuesday.', src)
    assert found(comp, "title_changed") == []
    comp = compare('"We are on alert," WMO deputy chief Celeste Saulo told reporters on Tuesday.', src)
    assert found(comp, "title_changed") != []


def test_a_floor_or_ceiling_dropped_from_a_count() -> None:
    src = "A bus carrying 40 people overturned near Cusco on Sunday, killing at least 12, police said."
    comp = compare("A bus carrying 40 people overturned near Cusco on Sunday, killing 12, police said.", src)
    assert [(f.story.text if f.story else None, f.rule) for f in comp.findings
            if f.kind.value == "number_changed"] == [("12", "number.bound-dropped")]
    comp = compare("A bus carrying 40 people overturned near Cusco on Sunday, killing up to 12, police said.", src)
    assert [f.rule for f in comp.findings if f.kind.value == "number_changed"] == ["number.bound-reversed"]
    for same in ("more than 12", "no fewer than 12", "some 12"):
        comp = compare(f"A bus carrying 40 people overturned near Cusco on Sunday, killing {same}, police said.",
                       src)
        assert [f for f in comp.findings if f.kind.value == "number_changed"] == [], same


def test_temperatures_with_the_scale_letter_are_degrees() -> None:
    d = analyse("Overnight it fell to -5C in Oslo, after about 1.45C of warming.", lang="en")
    assert [(f.key, f.attrs.get("noun"), f.attrs.get("qualifier")) for f in d.facts_of(FactType.NUMBER)] == [
        ("-5", "degree", None), ("1.45", "degree", "about")]
    src = "Last year was about 1.45 degrees Celsius warmer than pre-industrial times, the WMO said on Tuesday."
    assert found(compare("Last year was about 1.45C warmer than pre-industrial times, the WMO said on Tuesday.", src),
                 "number_changed") == []
    assert found(compare("Last year was about 1.54C warmer than pre-industrial times, the WMO said on Tuesday.", src),
                 "number_changed") == [("about 1.54C", "about 1.45 degrees")]


def test_the_other_number_of_a_score() -> None:
    src = "Ajax beat PSV 3-1 in Amsterdam on Sunday."
    assert found(compare("Ajax beat PSV 3-2 in Amsterdam on Sunday.", src), "number_changed") == [("2", "1")]
    assert found(compare("Ajax defeated PSV 3-1 in Amsterdam on Sunday.", src), "number_changed") == []


def test_arrested_is_not_charged_and_delayed_is_not_cancelled() -> None:
    comp = compare("Police charged a 34-year-old man over the stabbing in Leeds on Friday.",
                   "Police arrested a 34-year-old man over the stabbing in Leeds on Friday.")
    assert ("charged", "arrested") in found(comp, "predicate_changed")
    comp = compare("The summit in Lima was postponed until March, officials said.",
                   "The summit in Lima was cancelled, officials said.")
    assert ("postponed", "cancelled") in found(comp, "predicate_changed")
    comp = compare("The man was arrested and charged with theft in Leeds on Friday.",
                   "The man was arrested and charged with theft in Leeds on Friday.")
    assert found(comp, "predicate_changed") == []


def test_a_company_that_speaks_is_an_organisation_not_a_person() -> None:
    # The small model tags "Moderna said" as a person and leaves "Pfizer" untagged; "its" says company.
    comp = compare("Moderna said on Tuesday that its updated vaccine cut hospital admissions by 40 percent.",
                   "Pfizer said on Tuesday that its updated vaccine cut hospital admissions by 40 percent.")
    orgs = [(f.story.text if f.story else None, f.before) for f in comp.findings
            if f.kind.value == "organization_changed"]
    assert orgs == [("Moderna", "Pfizer")]
    assert not comp.story.facts_of(FactType.PERSON)
    # A person referred to as "his" stays a person; "The company" in the next sentence also marks a company.
    d = analyse("Brown said on Tuesday that his plan had failed. Zenvia said profit fell. The company cut "
                "jobs.", lang="en")
    assert [f.text for f in d.facts_of(FactType.PERSON)] == ["Brown"]
    assert "Zenvia" in [f.text for f in d.facts_of(FactType.ORGANIZATION)]


def test_a_standing_moved_from_one_statement_to_another() -> None:
    # The report gives two standings; the story puts the table's 13th into the league sentence.
    src = ("Arsenal are in talks with Dutch club FC Emmen over a partnership.\n"
           "They are 13th in the table, two points above the relegation places.\n"
           "Emmen are currently 17th in the Eredivisie, with players including Jan Vos.")
    comp = compare("Arsenal are in talks with Dutch club FC Emmen, who are currently 13th in the Eredivisie.", src)
    changed = [f for f in comp.findings if f.kind.value == "number_changed"]
    assert [(f.story.text if f.story else None, f.before, f.rule) for f in changed] == \
        [("13th", "17th", "context:number")]
    assert changed[0].source is not None and changed[0].source.text == "17th" and changed[0].confidence >= 0.5
    # Each standing with its own statement is what the report says.
    for story in ("Arsenal are in talks with Dutch club FC Emmen, who are currently 17th in the Eredivisie.",
                  "Arsenal are in talks with Dutch club FC Emmen, who are 13th in the table."):
        assert found(compare(story, src), "number_changed") == []


def test_a_passive_defeat_is_the_subjects_loss() -> None:
    src = "Governor Ann Dale was defeated for re-election in 2004 by Carl Moss."
    # "was defeated" is Dale's loss: the story saying she lost agrees, saying she won does not
    assert found(compare("Ann Dale lost her re-election bid in 2004 to Carl Moss.", src), "predicate_changed") == []
    assert found(compare("Ann Dale won re-election in 2004 against Carl Moss.", src), "predicate_changed") == \
        [("won", "defeated")]


def test_a_contest_not_won_by_one_side_is_the_other_sides_win() -> None:
    src = "Doha beat Eugene to host the 2029 championships."
    assert found(compare("Eugene did not win the right to host the 2029 championships.", src),
                 "predicate_changed") == []
    assert found(compare("Doha did not win the right to host the 2029 championships.", src),
                 "predicate_changed") == [("win", "beat")]
