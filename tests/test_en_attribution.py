"""Attributions in English text: who said or reported what."""

from __future__ import annotations

from pathlib import Path

from wirecheck.extractors.en_attribution import attributions_en
from wirecheck.model import Document, Fact, FactType
from wirecheck.registry import DOC_STAGES, load_plugins
from wirecheck.segment.sentences import sentences_en
from wirecheck.textnorm import person_key

FIX = Path("fixtures") / "seversk-2025-12-11"


def attributions(text: str) -> list[Fact]:
    doc = Document(text=text, lang="en")
    sentences_en(doc)
    attributions_en(doc)
    return doc.facts_of(FactType.ATTRIBUTION)


def content(f: Fact) -> str:
    return str(f.attrs["content"])


def test_named_person_said_that() -> None:
    [a] = attributions("Sergei Ivanov said that the bridge at Zatoka had been repaired.")
    assert a.attrs["source"] == "Sergei Ivanov"
    assert a.attrs["source_type"] == "person"
    assert a.attrs["source_key"] == person_key("Ivanov") == a.key
    assert a.attrs["cue"] == "said"
    assert content(a) == "that the bridge at Zatoka had been repaired"
    assert a.attrs["vague"] is False


def test_according_to_a_news_agency() -> None:
    [a] = attributions("The bridge was destroyed overnight, according to TASS.")
    assert a.attrs["cue"].lower() == "according to"
    assert a.attrs["source"] == "TASS"
    assert a.attrs["source_type"] == "media"
    assert content(a) == "The bridge was destroyed overnight"


def test_organisation_is_not_vague() -> None:
    [a] = attributions("The Kremlin press service said that the talks would continue next week.")
    assert a.attrs["source_type"] == "organization"
    assert a.attrs["vague"] is False
    assert a.attrs["source"] == "The Kremlin press service"


def test_unnamed_analysts_are_vague() -> None:
    [a] = attributions("Analysts warn that food prices will rise before the winter.")
    assert a.attrs["vague"] is True
    assert a.attrs["source_type"] == "vague"
    assert a.attrs["cue"] == "warn"


def test_source_after_the_claim() -> None:
    [a] = attributions("Prices will rise sharply next year, the central bank said on Friday.")
    assert content(a) == "Prices will rise sharply next year"
    assert a.attrs["source"] == "the central bank"


def test_pronoun_source_resolved_to_the_last_named_subject() -> None:
    facts = attributions("Governor Olena Marchenko visited the flooded district.\n"
                         "She said the evacuation would be finished by Sunday.")
    [a] = facts
    assert a.attrs["source"] == "Olena Marchenko"
    assert a.attrs["source_text"] == "She"
    assert content(a) == "the evacuation would be finished by Sunday"


def test_transcript_label_is_a_speaker() -> None:
    [a] = attributions("KOVAL: We will rebuild the bridge before the winter.")
    assert a.attrs["source_text"] == "KOVAL"
    assert content(a) == "We will rebuild the bridge before the winter."


def test_call_for_and_claim_that() -> None:
    [a] = attributions("The mayor called for an inquiry into the blackout.")
    assert a.attrs["cue"] == "called for"
    assert content(a) == "an inquiry into the blackout"
    [b] = attributions("Petrov's claim that the dam was intact was false.")
    assert b.attrs["cue"] == "claim"
    assert b.attrs["source_text"] == "Petrov"
    assert content(b) == "that the dam was intact"


def test_relative_clause_source_is_the_group_it_stands_for() -> None:
    [a] = attributions("The plan was met with skepticism by international observers, who argue that "
                       "it cannot work.")
    assert a.attrs["source_text"] == "who"  # the mention as written
    assert a.attrs["source"] == "international observers"
    assert a.attrs["vague"] is True


def test_statement_saying_that() -> None:
    [a] = attributions("The ministry issued a statement saying that the dam had not been damaged.")
    assert a.attrs["source"] == "a statement"
    assert content(a) == "that the dam had not been damaged"


def test_no_attribution_without_a_speaker() -> None:
    assert attributions("Local officials have been urged to bolster defenses.") == []
    assert attributions("The convoy reached the city at dawn.") == []


def test_fixture_putin_said_that(shared: Path) -> None:
    for name in ("source-en.txt", "derivative-quotes.txt"):
        text = (shared / FIX / name).read_text(encoding="utf-8")
        facts = attributions(text)
        putin = [a for a in facts if a.attrs["source_key"] == person_key("Putin")
                 and content(a).startswith("that the capture of Seversk")]
        assert putin, (name, [(a.attrs["source"], content(a)) for a in facts])
        assert putin[0].attrs["source"] == "Vladimir Putin"
        assert putin[0].attrs["cue"] == "said"


def test_fixture_named_sources_are_not_vague(shared: Path) -> None:
    text = (shared / FIX / "source-en.txt").read_text(encoding="utf-8")
    press = [a for a in attributions(text) if a.attrs["source"] == "The Kremlin press service"]
    assert press and press[0].attrs["vague"] is False
    seed = (shared / FIX / "derivative-seed.txt").read_text(encoding="utf-8")
    tass = [a for a in attributions(seed) if a.attrs["cue"] == "According to"]
    assert tass and "TASS" in tass[0].attrs["source"] and tass[0].attrs["vague"] is False


def test_stages_are_registered_for_english() -> None:
    load_plugins()
    for name, provides in (("attributions.en", "facts.attribution"), ("quotes.en", "facts.quote"),
                           ("hedges.en", "facts.hedge")):
        st = DOC_STAGES[name]
        assert st.handles("en") and not st.handles("ru")
        assert provides in st.provides
        assert set(st.requires) == {"sentences", "spacy"}


def spans(f: Fact, text: str) -> list[str]:
    return [text[a:b] for a, b in f.attrs["content_spans"]]


def test_block_quote_below_the_lead_in_runs_over_open_paragraphs() -> None:
    text = ("The Kyiv Independent reports:\n\n"
            "\"The dam was breached at dawn and the water rose within hours.\n\n"
            "\"Rescue teams reached the village by noon.\"\n\n"
            "The ministry did not comment.")
    [a] = attributions(text)
    assert a.attrs["source_text"] == "The Kyiv Independent"
    assert spans(a, text) == ["\"The dam was breached at dawn and the water rose within hours.",
                              "\"Rescue teams reached the village by noon.\""]


def test_transcript_label_inside_quote_marks_with_run_on_paragraph() -> None:
    text = ("\"WALLACE: Will the minister attend the hearing tomorrow?\n\n"
            "\"KOVAL: The minister will not attend the hearing tomorrow.\n\n"
            "\"But the ministry will send its deputy to answer every question.\n\n"
            "\"WALLACE: Thank you.")
    facts = attributions(text)
    koval = next(f for f in facts if f.attrs["source_text"] == "KOVAL")
    assert spans(koval, text) == ["The minister will not attend the hearing tomorrow.",
                                  "\"But the ministry will send its deputy to answer every question."]
    assert [f.attrs["source_text"] for f in facts].count("WALLACE") == 2


def test_dash_credit_after_non_breaking_space_and_a_closing_mark_typed_first() -> None:
    text = "”The new law makes every family poorer.”\xa0― Maria Lopez\xa0\nOther news."
    [a] = attributions(text)
    assert a.attrs["source_text"] == "Maria Lopez"
    assert spans(a, text) == ["”The new law makes every family poorer.”"]


def test_quotes_running_on_after_the_cue_sentence_and_into_the_next_paragraph() -> None:
    text = ("\"The tax laws are unfair,\" Koval said at a rally this week. \"I have said so for years.\"\n\n"
            "\"Nobody in the capital listens.\"\n\nThe rally ended at noon.")
    [a] = attributions(text)
    assert spans(a, text) == ["\"The tax laws are unfair,\"", "\"I have said so for years.\"",
                              "\"Nobody in the capital listens.\""]


def test_cue_without_a_parsed_complement_takes_the_rest_of_its_clause() -> None:
    [a] = attributions("Lawmakers have not said when they would take up the reauthorization.")
    assert a.attrs["source_text"] == "Lawmakers"
    assert content(a) == "when they would take up the reauthorization"


def test_passive_with_agent_reports_the_subject() -> None:
    [a] = attributions("The plan was endorsed by the regional council.")
    assert a.attrs["source_text"] == "the regional council"
    assert content(a) == "The plan"


def test_according_to_is_cut_out_of_another_report() -> None:
    text = "Koval plans to visit Kharkiv on Sunday, according to a ministry spokesman."
    facts = attributions(text)
    according = next(f for f in facts if f.attrs["cue"] == "according to")
    assert according.attrs["source_text"] == "a ministry spokesman"
    for f in facts:
        assert "according" not in content(f)


def test_paraphrase_ends_before_the_writers_aside() -> None:
    facts = attributions("Koval said he expects the governor to recover from pneumonia, which forced her "
                         "to leave the summit early.")
    said = next(f for f in facts if f.attrs["cue"] == "said")
    assert content(said) == "he expects the governor to recover from pneumonia"


def test_an_act_of_force_is_not_an_attribution() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    def cues(text: str) -> list[str]:
        return [str(f.attrs.get("cue")) for f in analyse(text, role="story", lang="en").facts_of(FactType.ATTRIBUTION)]

    assert cues("Russian forces attacked the city of Zaporizhzhia overnight, the governor said.") == ["said"]
    assert cues("Drones attacked Kharkiv overnight.") == []
    assert cues("The senator attacked the plan as reckless.") == ["attacked"]


def test_inverted_speaker_beside_the_quotes_own_subject() -> None:
    # The parser hangs the quote's 'it' on 'said' as well; the speaker is the name after the verb.
    facts = attributions('"If it does not have the capability to threaten its neighbors with nuclear weapons yet, it '
                         'will at some point, probably sooner rather than later," said James Acton, a physicist. '
                         '"People disagree about that."')
    [a] = [f for f in facts if f.attrs["cue"] == "said"]
    assert a.attrs["source_text"] == "James Acton, a physicist"
    assert content(a).startswith('"If it does not have') and content(a).endswith('"People disagree about that."')


def test_participle_clause_before_a_passive_main_clause() -> None:
    [a] = attributions("After saying her right foot was badly swollen, she was taken to the hospital for tests.")
    assert (a.attrs["cue"], a.attrs["source"]) == ("saying", "she")
    assert content(a) == "her right foot was badly swollen"


def test_paraphrase_stops_before_a_contrast_reported_again() -> None:
    facts = attributions("Lynch said the demands erase the barriers that women face, though she noted clients "
                         "are beginning to demand diverse legal teams.")
    said = next(f for f in facts if f.attrs["cue"] == "said")
    noted = next(f for f in facts if f.attrs["cue"] == "noted")
    assert content(said) == "the demands erase the barriers that women face"
    assert content(noted) == "clients are beginning to demand diverse legal teams"


def test_next_quote_runs_on_past_an_aside_in_the_cue_sentence() -> None:
    # Neither the relative clause's 'fear' nor the 'where ... spoke' aside takes the next quote.
    for text in ('"We will keep the plant open," Ms. Berg said at a meeting with workers who fear for their jobs. '
                 '"Nobody will be laid off this year."',
                 '"We will keep the plant open," Ms. Berg said on Monday at the meeting, where Mr. Jones also spoke. '
                 '"Nobody will be laid off this year."'):
        facts = attributions(text)
        owner = [f for f in facts if "Nobody will be laid off" in content(f)]
        assert [f.attrs["source_text"] for f in owner] == ["Ms. Berg"], text


def test_a_cue_whose_sentence_holds_its_content_leaves_the_next_quote_to_the_speaker() -> None:
    # 'He didn't suggest retaliation.' and 'emphasizing why ...' report their own sentence; the quote that
    # follows goes on with the earlier quote's speaker.
    for text, cue, own in (
            ('"We have had problems with intrusions from Russia in the past," Obama said after meeting Putin. '
             'He did not suggest retaliation. "Our goal is to start instituting some norms."',
             "did not suggest", "retaliation"),
            ('"You cannot talk about change if you do not know what we are changing," DuVernay said, emphasizing '
             'why the past is crucial. "What we need to change is our collective thinking."',
             "emphasizing", "why the past is crucial")):
        facts = attributions(text)
        said = next(f for f in facts if f.attrs["cue"] == "said")
        other = next(f for f in facts if f.attrs["cue"] == cue)
        assert content(other) == own
        assert len(said.attrs["content_spans"]) == 2, text


def test_a_question_put_to_the_speaker_is_an_unsourced_attribution() -> None:
    facts = attributions("Asked about the declaration that it had been a bomb, Clinton said she would wait "
                         "for the facts.")
    asked = next(f for f in facts if f.attrs["cue"] == "Asked about")
    assert content(asked) == "the declaration that it had been a bomb"
    assert asked.attrs["cue_class"] == "unsourced"  # no vague-source finding can come of it
    [pressed] = [f for f in attributions("When pressed by Holt about how he would bring jobs back, Trump said "
                                         "he would stop companies from leaving.") if f.attrs["cue"] == "pressed"]
    assert pressed.attrs["source_text"] == "Holt"
    assert content(pressed) == "about how he would bring jobs back"
    # A time or place after the participle is no question.
    assert not [f for f in attributions("Questioned after the debate, he went home.")
                if f.attrs["cue"] == "Questioned"]


def _cue_source_content(text: str) -> list[tuple[str, str, str]]:
    return [(f.attrs["cue"], f.attrs["source_text"], content(f)) for f in attributions(text)]


def test_subject_found_through_an_adjective_an_object_or_a_preposition() -> None:
    # 'able to tout': the adjective's subject; 'prompted NATO to order': the object does the ordering;
    # 'no way of knowing', 'in the lead in advocating': the clause the noun and preposition hang on.
    assert _cue_source_content("He was able to consistently tout his polling strength while needling his "
                               "opponents.") == [("to consistently tout", "He", "his polling strength")]
    assert _cue_source_content("The threats prompted NATO at its July summit to order the deployment of four "
                               "battalions to the Baltic states.") == [
        ("to order", "NATO", "the deployment of four battalions to the Baltic states")]
    assert _cue_source_content("Without his tax returns, voters will have no way of knowing how much he pays "
                               "in taxes.") == [("knowing", "voters", "how much he pays in taxes")]
    assert _cue_source_content("After the Cold War, Republicans were in the lead in advocating NATO "
                               "enlargement.") == [("advocating", "Republicans", "NATO enlargement")]


def test_an_expletive_it_is_no_source() -> None:
    assert _cue_source_content("It is impossible to evaluate the plan without knowing how it would affect him.") == []


def test_two_clauses_the_parser_hung_on_each_other_are_two_reports() -> None:
    facts = _cue_source_content(
        "Republicans said the timing of the immunity news was not intentional; they only learned on Friday of "
        "the arrangements with Mills, Samuelson and Bentel and almost immediately disclosed them to the AP.")
    said = next(f for f in facts if f[0] == "said")
    learned = next(f for f in facts if f[0] == "learned")
    assert said == ("said", "Republicans", "the timing of the immunity news was not intentional")
    assert learned[1] == "they" and "arrangements with Mills" in learned[2] and "Republicans" not in learned[2]


def test_who_is_called_on_to_act_belongs_to_the_content() -> None:
    assert _cue_source_content("Schiff called on President Obama to retaliate against Russia.") == [
        ("called on", "Schiff", "President Obama to retaliate against Russia")]
    assert _cue_source_content("He called for female contestants to wear shorter dresses.") == [
        ("called for", "He", "female contestants to wear shorter dresses")]
    assert _cue_source_content("The senator is demanding President Barack Obama make a pledge.") == [
        ("is demanding", "The senator", "President Barack Obama make a pledge")]
    # Who was told is not what was said.
    assert _cue_source_content("Trump told reporters that the plan would fail.") == [
        ("told", "Trump", "that the plan would fail")]


def test_a_cue_set_off_inside_the_reported_sentence_keeps_its_opening() -> None:
    text = "If this argument fails to persuade, Mr. Castaneda argues, there are other tools in the toolbox."
    [a] = attributions(text)
    assert [text[x:y] for x, y in a.attrs["content_spans"]] == [
        "If this argument fails to persuade", "there are other tools in the toolbox"]
    # A writer's opening phrase before an ordinary cue is not.
    assert _cue_source_content("In a statement on Friday, the company said that profits would fall.") == [
        ("said", "the company", "that profits would fall")]


def test_a_quote_introduced_by_a_colon_paragraph_is_the_subjects() -> None:
    text = ("On July 6, 2015, Sanders made the following comment:\n\n"
            "\u201cFor young people who have dropped out of high school, the unemployment rate is 33 percent.\u201d\n\n"
            "The bias begins to show here.")
    [a] = attributions(text)
    assert a.attrs["source_text"] == "Sanders"
    assert a.attrs["cue"] == "made the following comment:"
    assert content(a).startswith("\u201cFor young people") and content(a).endswith("33 percent.\u201d")
    assert a.attrs["cue_class"] == "position"  # the verb says nothing of speech: no report for the checks
    # A list after the colon is nobody's quote.
    assert attributions("Trump apparently has to accomplish the following:\n\nBe calm. Be brief.") == []


def test_source_phrase_stops_at_the_verb_and_at_a_comma_relative_clause() -> None:
    # The parser hangs 'another example ...' on the subject across the verb: the source ends before it.
    facts = _cue_source_content("A group representing nurses praised the bill on Monday, another example of "
                                "organized labor throwing its weight behind the measure.")
    assert facts[0][:2] == ("praised", "A group representing nurses")
    facts = _cue_source_content("Nick Witney, a fellow at the council, which advises the government, said the plan "
                                "would fail.")
    assert ("said", "Nick Witney, a fellow at the council", "the plan would fail") in facts


def test_speaker_between_a_quote_and_its_cue_when_the_parser_took_a_quoted_phrase() -> None:
    facts = _cue_source_content('"He would be a great senator. Not good, great. One of the brightest members of the '
                                'entire Congress," Rep. Elijah E. Cummings (D-Md.) said in a phone interview.')
    assert facts == [("said", "Rep. Elijah E. Cummings (D-Md.)",
                      '"He would be a great senator. Not good, great. One of the brightest members of the entire '
                      'Congress,"')]


def test_a_person_endorsed_is_the_content_and_keeps_the_next_quote_out() -> None:
    facts = _cue_source_content(
        '"Now is the time for all good leaders to come to the aid of their party," said Don Fowler, who helmed the '
        "DNC from 1995 to 1997, during Bill Clinton's presidency, and has backed Hillary Clinton since her 2008 bid. "
        '"I think the plan should be developed by 6 o\'clock this afternoon."')
    backed = next(f for f in facts if f[0] == "has backed")
    said = next(f for f in facts if f[0] == "said")
    assert backed[2] == "Hillary Clinton since her 2008 bid"
    assert said[2].endswith("6 o'clock this afternoon.\"")


def test_a_name_right_before_a_verb_without_a_parsed_subject_is_the_source() -> None:
    facts = _cue_source_content("The Council's starkest recent failure has been over Syria, with Russia backing the "
                                "government as the United States, Britain and France support some opposition groups.")
    assert ("support", "the United States, Britain and France", "some opposition groups") in facts


def test_a_that_clause_after_an_aside_is_the_content() -> None:
    facts = _cue_source_content("The Republican nominee continues to insist, most recently in a Labor Day interview "
                                "with ABC News, that he really, really wants to release his taxes but can't because "
                                "he is being audited.")
    assert facts[0] == ("to insist", "The Republican nominee",
                        "that he really, really wants to release his taxes but can't because he is being audited")


def test_an_infinitive_on_the_object_is_the_subjects() -> None:
    assert _cue_source_content("Trump never missed an opportunity to remind the audience that he was the only "
                               "candidate funding his campaign.") == [
        ("to remind", "Trump", "that he was the only candidate funding his campaign")]
    assert _cue_source_content("It is time to say that the plan failed.") == []


def test_a_wire_speaker_set_off_before_said_is_the_source_not_the_clause_subject() -> None:
    # The parser makes "said" a conjunct of "shelled"; borrowing that verb's subject would make "Russian
    # forces" the (vague) source of the report.
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    text = ("Russian forces shelled Kherson with artillery, wounding a 67-year-old woman, the head of the Kherson "
            "regional military administration, Oleksandr Prokudin, said on Telegram.")
    doc = analyse(text, lang="en")
    [att] = doc.facts_of(FactType.ATTRIBUTION)
    assert att.attrs["source"] == "Oleksandr Prokudin" and not att.attrs["vague"]
    assert str(att.attrs["content"]).startswith("Russian forces shelled Kherson")


def test_a_speaker_named_in_full_is_not_another_person_with_the_same_surname() -> None:
    found = attributions("Marta Kovac, the wife of Ivo Kovac, met the press on Friday.\n"
                         "Lena Kovac said in a statement that the family was grateful.\n"
                         "Kovac said the doctors were hopeful.")
    assert [a.attrs["source"] for a in found] == ["Lena Kovac", "Lena Kovac"]


def test_a_description_with_the_name_beside_it_is_that_person() -> None:
    [a, b] = attributions("Her brother, Tomas Lind, said the boat had left at dawn.\n"
                          "The skipper's wife, Anna Berg-Lind, told reporters the crew were safe.")
    assert (a.attrs["source"], a.attrs["source_type"]) == ("Tomas Lind", "person")
    assert (b.attrs["source"], b.attrs["source_type"]) == ("Anna Berg-Lind", "person")


def test_a_chain_of_cue_verbs_is_one_attribution() -> None:
    # "plans to announce", "refused to confirm": the infinitive borrows the subject of the verb that
    # governs it, so it is one source stating one thing, not two attributions of the company.
    for text, cue in [("The company plans to announce a new chief executive next week.", "plans"),
                      ("The ministry refused to confirm the figures on Monday.", "refused"),
                      ("The company plans to ask regulators to approve the merger.", "plans")]:
        [a] = attributions(text)
        assert a.attrs["cue"] == cue
        assert a.attrs["source"] in ("The company", "The ministry")
    # Two verbs of one source that are not a chain stay two reports.
    facts = attributions("The company said profits rose, adding that it plans to hire staff.")
    assert [f.attrs["cue"] for f in facts if f.attrs["source"] == "The company"] == ["said", "adding"]


def test_a_paragraph_dateline_is_not_the_source_but_a_ticker_in_brackets_is_no_dateline() -> None:
    [a] = attributions("DAYTON, Ohio (Reuters) - Acme Corp said on Monday it would cut 300 jobs.")
    assert a.attrs["source"] == "Acme Corp"
    [b] = attributions("WASHINGTON (AP) — Senator Jane Holt said Tuesday the bill was dead.")
    assert b.attrs["source"] == "Jane Holt" and b.attrs["source_type"] == "person"
    [c] = attributions("Gazprom (GAZP.MM) said on Monday it would raise prices.")
    assert c.attrs["source"].startswith("Gazprom")


def test_a_bracketed_aside_after_the_source_is_not_left_half_open() -> None:
    [a] = attributions("The Institute for the Study of War (ISW) said the assault had stalled.")
    assert a.attrs["source"] == "The Institute for the Study of War"
    [b] = attributions("Acme Corp (Reuters) said nothing about the plant.")
    assert b.attrs["source"] == "Acme Corp"


def test_speaker_glued_to_a_cue_the_parser_hung_on_the_clause_before() -> None:
    # spaCy makes "confirmed" an adverbial clause of "attacked" and the governor a conjunct of "water";
    # the content is still the clause before the speaker, not "November 14".
    text = ("Russian drones attacked a water utility in Sumy overnight, leaving about 120,000 residents without "
            "water, regional governor Oleh Hryhorov confirmed on November 14.")
    [a] = attributions(text)
    assert a.attrs["source"] == "Oleh Hryhorov"
    assert content(a).startswith("Russian drones attacked a water utility")
