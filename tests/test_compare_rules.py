"""Small pairs written for these tests: each shows one rule of comparison a user relies on."""

from __future__ import annotations

from wirecheck.model import Comparison, Verdict
from wirecheck.pipeline import compare

SOURCE = (
    "KYIV, May 6 (Ukrinform). Russian troops shelled Sievierodonetsk overnight, wounding two residents, "
    "Governor Oleh Hryhorov said.\n"
    "Soldiers of the 47th Separate Mechanized Brigade repelled four assaults near the village, the "
    "brigade said.\n"
    "Interior Minister Ihor Klymenko said 14 rescuers were working at the site.\n"
    "Health Minister Viktor Liashko said the wounded were in stable condition."
)


def kinds(comp: Comparison) -> list[str]:
    return [f.kind.value for f in comp.findings]


def changed(comp: Comparison, kind: str) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in comp.findings if f.kind.value == kind]


def test_a_faithful_rewrite_is_clean() -> None:
    story = ("Russian troops shelled Severodonetsk overnight, wounding two residents, Governor Oleh Hrihorov "
             "said.\nSoldiers of the 47th Brigade repelled four assaults near the village, the brigade said.\n"
             "Interior Minister Ihor Klymenko said 14 rescuers were working at the site.\n"
             "Health Minister Viktor Lyashko said the wounded were in stable condition.")
    comp = compare(story, SOURCE)
    changes = [k for k in kinds(comp) if k.endswith("_changed") or k in ("added_claim", "fabricated_quote")]
    assert changes == [], comp.findings
    assert set(comp.sentence_verdicts.values()) == {Verdict.SUPPORTED}


def test_a_swapped_town_a_changed_number_and_verb() -> None:
    story = ("Russian troops shelled Seversk overnight, killing three residents, Governor Oleh Hryhorov said.\n"
             "Soldiers of the 47th Separate Mechanized Brigade repelled four assaults near the village.")
    comp = compare(story, SOURCE)
    assert ("Sievierodonetsk", "Seversk") in changed(comp, "place_changed")
    assert ("two residents", "three residents") in changed(comp, "number_changed")
    assert ("wounding", "killing") in changed(comp, "predicate_changed")


def test_one_minister_for_another_is_a_changed_person() -> None:
    story = "Health Minister Viktor Liashko said 14 rescuers were working at the site."
    comp = compare(story, SOURCE)
    assert any(b and "Klymenko" in b for b, _ in changed(comp, "person_changed")), comp.findings


def test_invented_sentence_vague_source_and_dropped_sentence() -> None:
    story = ("Russian troops shelled Sievierodonetsk overnight, wounding two residents, Governor Oleh Hryhorov "
             "said.\nObservers believe the town will be evacuated within days.")
    comp = compare(story, SOURCE)
    assert "added_claim" in kinds(comp) and "vague_attribution" in kinds(comp)
    dropped = [f.source.text for f in comp.findings if f.kind.value == "dropped_fact" and f.source]
    assert any("Klymenko" in t for t in dropped)
    assert comp.sentence_verdicts[1] is Verdict.ADDED


def test_a_state_body_named_with_or_without_its_country_is_one_body() -> None:
    from wirecheck.pipeline import compare

    def kinds(story: str, source: str, lang: str = "en") -> list[str]:
        return [f.kind.value for f in compare(story, source, story_lang="en", source_lang=lang).findings]

    assert kinds("Russia's Defence Ministry said drones were downed.",
                 "The Defence Ministry said drones were downed.") == []
    assert kinds("Russia's Defence Ministry said drones were downed.",
                 "Министерство обороны РФ сообщило, что беспилотники сбиты.", "ru") == []
    assert kinds("The Ukrainian Defence Ministry said drones were downed.",
                 "The Russian Defence Ministry said drones were downed.") == ["organization_changed"]


def test_an_unnamed_source_the_aligned_source_sentence_used_too_is_not_vague() -> None:
    from wirecheck.pipeline import compare

    source = "At least 62 people were killed in the floods, regional authorities said on Wednesday."
    kept = compare("At least 62 people were killed in the floods, authorities said.", source)
    assert not [f for f in kept.findings if f.kind.value == "vague_attribution"]
    vaguer = compare("At least 62 people were killed in the floods, analysts said.", source)
    assert [f.kind.value for f in vaguer.findings if f.kind.value == "vague_attribution"] == ["vague_attribution"]


def test_a_story_sentence_merging_source_sentences_is_checked_against_all_of_them() -> None:
    from wirecheck.pipeline import compare

    source = ("Parliament passed bill No. 10242 on Tuesday. A total of 243 lawmakers voted for it. "
              "The bill lowers the conscription age from 27 to 25.")
    story = ("Parliament passed bill No. 10242, which lowers the conscription age from 27 to 23, with 243 "
             "lawmakers voting for it.")
    comp = compare(story, source)
    changed = [f.message for f in comp.findings if f.kind.value == "number_changed"]
    assert changed == ["The source gives the age as 25; the story 23."]
    assert not [f for f in comp.findings if f.kind.value == "dropped_fact" and "leaves out" in f.message]


def test_police_and_prosecutors_are_accountable_sources_not_vague_ones() -> None:
    from wirecheck.pipeline import check_story

    def vague(text: str) -> list[str]:
        return [f.story.text for f in check_story(text).findings if f.kind.value == "vague_attribution" and f.story]

    assert vague("Police said two men were arrested. Prosecutors said the case was closed.") == []
    assert vague("Experts said the bridge was unsafe.") == ["Experts said"]


def test_the_same_count_of_another_nationality_is_a_change() -> None:
    from wirecheck.pipeline import compare

    source = "Four Russians were detained at the border on Monday."
    comp = compare("Four Americans were detained at the border on Monday.", source)
    assert [f.message for f in comp.findings] == ["The source counts 4 Russians; the story 4 Americans."]
    assert compare(source, source).findings == []


def test_a_place_shortened_to_its_own_name_is_not_dropped() -> None:
    from wirecheck.pipeline import compare

    source = "United beat Rovers 3-1 at the Etihad Stadium on Sunday."
    kept = compare("United beat Rovers 3-1 at the Etihad on Sunday.", source)
    assert not [f for f in kept.findings if f.kind.value == "dropped_fact"]
    gone = compare("United beat Rovers 3-1 on Sunday.", source)
    assert [f.kind.value for f in gone.findings] == ["dropped_fact"]


def test_a_headline_repeating_the_bodys_figure_is_reported_once() -> None:
    from wirecheck.pipeline import compare

    source = "The company expects its operating profit to fall 56% from a year earlier."
    body = "\n\nThe company said its operating profit fell 65% from a year earlier."
    same = compare("Profit Plunges 65% as Slump Deepens" + body, source)
    assert [f.kind.value for f in same.findings] == ["number_changed"]
    other = compare("Profit Plunges 70% as Slump Deepens" + body, source)
    assert sorted(f.kind.value for f in other.findings) == ["added_claim", "number_changed"]


def test_a_capital_standing_for_a_state_the_source_names_by_its_adjective_is_not_added() -> None:
    from wirecheck.pipeline import compare

    source = ("Ukrainian forces struck Belgorod overnight, wounding three people, Governor Vyacheslav Gladkov "
              "said. Russia's Defence Ministry said air defences shot down 12 drones.")
    story = ("Kyiv's forces struck Belgorod overnight, wounding three people, Governor Vyacheslav Gladkov said. "
             "Air defences shot down 12 drones over Kyiv, the ministry said.")
    added = [f.story.text for f in compare(story, source).findings
             if f.rule == "fact.added:place" and f.story is not None]
    assert added == ["Air defences shot down 12 drones over Kyiv"]  # the city as a place is still new


def test_a_name_the_source_writes_is_not_added_however_the_tagger_typed_it() -> None:
    from wirecheck.pipeline import compare

    source = ("Barry Beavis lost his case at the Court of Appeal. In a landmark ruling, appeal court judges decided "
              "the fine was fair. The former prime minister said that SNP leader Nicola Sturgeon's answers were "
              "evasive.")
    story = ("Appeal Court judges decided the fine was fair. The former prime minister said that Nicola "
             "Sturgeon's answers were evasive.")
    added = [f.story.text for f in compare(story, source).findings
             if f.rule.startswith(("fact.added:", "context:")) and f.story is not None]
    assert added == []
    swapped = compare(story.replace("Nicola Sturgeon", "Douglas Ross"), source).findings
    assert [(f.kind.value, f.after) for f in swapped if f.story_fact or f.kind.value == "person_changed"] == \
        [("person_changed", "Douglas Ross")]


def test_a_year_the_story_ties_to_its_own_event_is_no_swap_but_a_moved_year_is() -> None:
    source = ("Heavy rain caused flooding across the north of the country on Sunday, officials said.\n"
              "In 1998 almost 40 people died in a flood in Karlovac in the central Kordun area.\n"
              "The country is still recovering from the aftermath of the deadly flood in Karlovac.\n"
              "Three engineers and a former mayor were convicted of negligence in March 2003 for approving a "
              "faulty dam design.")
    fused = ("Heavy rain caused flooding across the north of the country on Sunday.\n"
             "The country is still recovering from the 1998 Karlovac flood, after which three engineers and a "
             "mayor were convicted of negligence over a faulty dam.")
    assert changed(compare(fused, source), "date_changed") == []
    moved = ("Heavy rain caused flooding across the north of the country on Sunday.\n"
             "Three engineers and a former mayor were convicted of negligence in 1998 for approving a faulty "
             "dam design.")
    assert changed(compare(moved, source), "date_changed") == [("2003", "1998")]


def test_a_long_source_sentence_split_in_two_leaves_no_unsupported_half() -> None:
    source = ("A rare frog that had not been seen in the region for several decades has been found by hikers "
              "in a flooded limestone quarry near the old railway line, giving biologists an opportunity to "
              "learn more about the amphibian.\nVolunteers counted twelve adults.")
    story = ("A rare frog unseen for decades has been found in a flooded quarry.\n"
             "The discovery offers biologists an opportunity to learn more about the amphibian.")
    comp = compare(story, source)
    assert [a.source for a in comp.alignments] == [[0], [0]]
    assert "added_claim" not in kinds(comp)
    # A sentence whose words the source does not have stays unsupported.
    invented = story.replace("The discovery offers biologists an opportunity to learn more about the amphibian.",
                             "Developers plan to drain the quarry and build luxury apartments next spring.")
    assert "added_claim" in kinds(compare(invented, source))


def test_a_relative_named_after_a_kinship_word_is_a_person_whose_name_and_relation_are_checked() -> None:
    source = "The boxer Tomas Varga spent Friday at a safari park with his wife and his daughter Mirela, who fed a giraffe."
    assert changed(compare(source, source), "person_changed") == []
    renamed = source.replace("daughter Mirela", "daughter Ilona")
    assert changed(compare(renamed, source), "person_changed") == [("Mirela", "Ilona")]
    remarried = "The boxer Tomas Varga spent Friday at a safari park with his wife Mirela, who fed a giraffe."
    assert changed(compare(remarried, source), "title_changed") == [("daughter", "wife")]


def test_an_english_wire_dateline_is_no_dropped_place() -> None:
    from wirecheck.pipeline import compare

    source = "MOSCOW, November 20. Kremlin spokesman Dmitry Peskov said on Thursday that talks would continue."
    story = "Kremlin spokesman Dmitry Peskov said on Thursday that talks would continue."
    assert compare(story, source, story_lang="en", source_lang="en").findings == []
    swapped = compare(story.replace("Kremlin", "Pentagon"), source, story_lang="en", source_lang="en")
    assert [(f.kind.value, f.before) for f in swapped.findings] == [("organization_changed", "Kremlin")]


def test_a_surname_with_a_consonant_added_is_another_person_but_a_transliteration_is_not() -> None:
    from wirecheck.pipeline import compare

    source = ("Prime Minister Boris Johnson said on Monday that the new rules would take effect in March. "
              "Adviser Oleksiy Danilov backed the plan.")
    changed = compare(source.replace("Johnson", "Johnston"), source, story_lang="en", source_lang="en")
    assert [(f.kind.value, f.before) for f in changed.findings] == [("person_changed", "Boris Johnson")]
    for variant in (source.replace("Danilov", "Danylov"), source.replace("Oleksiy", "Oleksii")):
        assert compare(variant, source, story_lang="en", source_lang="en").findings == []


def test_an_appositive_title_and_a_place_inside_a_glued_entity() -> None:
    from wirecheck.pipeline import compare

    source = ("BUCHAREST, Nov 24 (Reuters) - Pro-European candidate Elena Marin won the first round on Sunday. "
              "Turnout was 52.3%, the bureau said. Her rival Victor Dobre told supporters in Cluj that he expected "
              "to win. Marin, a former justice minister, has pledged to keep Romania in the European Union.")
    comp = compare(source, source, story_lang="en", source_lang="en")
    assert comp.findings == []
    assert [f.attrs.get("title") for f in comp.story.facts if f.text == "Marin"] == ["justice minister"]
    story = source.replace("supporters in Cluj", "supporters in Bucharest, Dobre said,").replace(
        "justice minister", "foreign minister")
    kinds = sorted((f.kind.value, f.before) for f in compare(story, source, story_lang="en", source_lang="en").findings
                   if f.kind.value in ("place_changed", "title_changed"))
    assert [k for k, _ in kinds] == ["place_changed", "title_changed"]


def test_shares_given_to_the_other_candidate_are_changed_though_every_value_is_the_sources() -> None:
    from wirecheck.pipeline import compare

    source = ("Pro-European candidate Elena Marin won 41.2% of the vote on Sunday, ahead of nationalist Victor "
              "Dobre on 36.8%, according to partial results.")
    swapped = ("Nationalist Victor Dobre won 41.2% of the vote on Sunday, beating pro-European rival Elena Marin, "
               "who took 36.8%, according to partial results.")
    found = [f for f in compare(swapped, source, story_lang="en", source_lang="en").findings
             if f.kind.value == "number_changed"]
    assert sorted((f.after, f.before) for f in found) == [("36.8%", "41.2%"), ("41.2%", "36.8%")]
    assert all(f.rule == "holder:number" and "someone else" in f.message for f in found)
    faithful = ("Elena Marin, a pro-European, won 41.2% of the vote on Sunday, ahead of nationalist Victor Dobre, "
                "who took 36.8%, according to partial results.")
    assert not [f for f in compare(faithful, source, story_lang="en", source_lang="en").findings
                if f.kind.value == "number_changed"]


def test_a_guilty_plea_told_as_a_guilty_verdict_is_a_predicate_change() -> None:
    from wirecheck.pipeline import compare

    source = "Dylan Earl, who pleaded guilty to aggravated arson, was sentenced at the Old Bailey on Thursday."
    verdict = source.replace("pleaded guilty to", "was found guilty of")
    assert [f.kind.value for f in compare(verdict, source, story_lang="en", source_lang="en").findings] == [
        "predicate_changed"]
    convicted = source.replace("pleaded guilty to", "was convicted of")
    assert not [f for f in compare(convicted, source, story_lang="en", source_lang="en").findings
                if f.kind.value in ("predicate_changed", "added_claim")]
    # A plea of not guilty told as a conviction is still the event turned round.
    denied = source.replace("pleaded guilty", "pleaded not guilty")
    assert "predicate_changed" in {f.kind.value for f in compare(convicted, denied, story_lang="en",
                                                                  source_lang="en").findings}
    ru = "Обвиняемый Петров признал вину в мошенничестве, сообщили в суде."
    assert [f.kind.value for f in compare("Petrov was found guilty of fraud, the court said.", ru,
                                          story_lang="en", source_lang="ru").findings] == ["predicate_changed"]
    assert compare("Petrov pleaded guilty to fraud, the court said.", ru, story_lang="en", source_lang="ru").findings == []
