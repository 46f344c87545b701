"""Rules found on English wire stories outside the war reports: central banks, courts, diplomacy."""

from __future__ import annotations

from wirecheck.model import Comparison, FactType
from wirecheck.pipeline import analyse, compare


def changed(comp: Comparison, kind: str) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in comp.findings if f.kind.value == kind]


def test_a_month_on_its_own_is_a_date() -> None:
    d = analyse("It has risen since March 2022 and may fall in mid-April or by the end of June. You may go.")
    keys = {f.text: f.key for f in d.facts if f.type is FactType.DATE}
    assert keys == {"March": "month:03", "2022": "year:2022", "April": "month:04", "June": "month:06"}


def test_a_changed_month_is_not_read_against_the_dateline() -> None:
    comp = compare("The bank raised rates in March and meets again in June.",
                   "LONDON, March 19 (Reuters) - The bank raised rates on Wednesday and meets again in May.")
    assert changed(comp, "date_changed") == [("May", "June")]


def test_a_month_is_the_same_as_a_day_in_it() -> None:
    comp = compare("The court convicted him in October.", "The court convicted him on October 14.")
    assert changed(comp, "date_changed") == []


def test_a_longer_prison_term_is_a_changed_duration() -> None:
    comp = compare("A court on Tuesday jailed the former official for 18 years for fraud.",
                   "A court on Tuesday sentenced the former official to 15 years in prison for fraud.")
    assert changed(comp, "date_changed") == [("15 years", "18 years")]


def test_a_deputy_is_another_title() -> None:
    d = analyse("Deputy Governor Gabriel Galipolo spoke, then central bank Governor Ana Costa. "
                "Acting Governor Ivan Orlov and Deputy Prime Minister Olha Stefanishyna agreed.")
    titles = {f.text: f.attrs.get("title") for f in d.facts if f.type is FactType.PERSON}
    assert titles == {"Gabriel Galipolo": "deputy governor", "Ana Costa": "governor",
                      "Ivan Orlov": "acting governor", "Olha Stefanishyna": "deputy prime minister"}
    comp = compare("Deputy Governor Gabriel Galipolo said the bank would act.",
                   "Central bank Governor Gabriel Galipolo said the bank would act.")
    assert changed(comp, "title_changed") == [("governor", "deputy governor")]


def test_a_magistrate_is_a_person_with_a_title() -> None:
    comp = compare("Magistrate Thandiwe Mokoena of the Pretoria High Court convicted Sipho Dlamini in October.",
                   "Judge Thandiwe Mokoena of the Pretoria High Court found Sipho Dlamini guilty in October.")
    assert changed(comp, "title_changed") == [("judge", "magistrate")]
    assert not [f for f in comp.findings if f.kind.value == "dropped_fact" and "Mokoena" in (f.before or "")]


def test_an_organisation_and_its_acronym_are_one() -> None:
    from wirecheck.extractors.en_orgs import acronym_of, initials_of, org_key

    assert acronym_of("U.N.") == "UN" and acronym_of("Nato") is None
    assert "UN" in initials_of("the United Nations") and "BOE" in initials_of("Bank of England")
    assert org_key("Intergovernmental Authority on Development (IGAD") == "intergovernmental authority on development"
    comp = compare("The war has displaced more than 12 million people, according to the UN.",
                   "The war has displaced more than 12 million people, according to the United Nations.")
    assert changed(comp, "organization_changed") == []


def test_the_two_sides_adds_no_number() -> None:
    comp = compare("Egypt is ready to host direct talks between the two sides at any moment, Karim Fahmy said.",
                   "Karim Fahmy said Egypt was ready to host direct talks between the warring parties at any moment.")
    assert [f for f in comp.findings if f.kind.value == "added_claim"] == []


def test_a_belief_stated_as_fact_is_a_certainty_change() -> None:
    source = "Investigators believe much of the money was moved to accounts in Mauritius, according to court papers."
    comp = compare("Much of the money was moved to accounts in Mauritius.", source)
    assert [(f.kind.value, f.rule, f.before) for f in comp.findings if f.kind.value == "certainty_changed"] == [
        ("certainty_changed", "belief.dropped", "Investigators believe")]
    kept = compare("Investigators believe much of the money was moved to accounts in Mauritius.", source)
    assert not [f for f in kept.findings if f.kind.value == "certainty_changed"]
    said = compare("Much of the money was moved to accounts in Mauritius, police said.",
                   "Police said much of the money was moved to accounts in Mauritius.")
    assert not [f for f in said.findings if f.kind.value == "certainty_changed"]


def test_basis_points_and_percentage_points_are_one_measure() -> None:
    comp = compare("The central bank raised its key rate by a full percentage point to 14.25% on Wednesday.",
                   "The central bank raised its key rate by 100 basis points to 14.25% on Wednesday.")
    assert [f.kind.value for f in comp.findings if f.kind.value in ("dropped_fact", "number_changed")] == []
    comp = compare("The bank cut rates by 1.5 percentage points.", "The bank cut rates by 150 bps.")
    assert [f.kind.value for f in comp.findings if f.kind.value in ("dropped_fact", "number_changed")] == []
    comp = compare("The bank raised its key rate by 75 basis points to 14.25%.",
                   "The bank raised its key rate by a full percentage point to 14.25%.")
    assert changed(comp, "number_changed") == [("a full percentage point", "75 basis points")]


def test_a_source_name_the_story_writes_as_its_acronym_is_not_dropped() -> None:
    comp = compare("The ECB kept its deposit rate at 2% on Thursday, President Christine Lagarde said.",
                   "The European Central Bank left its deposit rate unchanged at 2 percent on Thursday, "
                   "ECB President Christine Lagarde said.")
    assert [f for f in comp.findings if f.kind.value == "dropped_fact"] == []


def test_a_capital_acting_for_its_country_is_that_country() -> None:
    comp = compare("Wang Yi told Marco Rubio that Beijing opposed the tariffs.",
                   "Wang Yi told Marco Rubio that China opposed the tariffs.")
    assert [f for f in comp.findings if f.kind.value in ("dropped_fact", "added_claim", "place_changed")] == []
    comp = compare("Moscow and Riyadh agreed to cut output.", "Russia and Saudi Arabia agreed to cut output.")
    assert [f for f in comp.findings if f.kind.value in ("dropped_fact", "added_claim", "place_changed")] == []
    # Where something happened is another matter: "in Beijing" says more than "in China".
    comp = compare("The talks were held in Beijing on Friday.", "The talks were held in China on Friday.")
    assert [f for f in comp.findings if f.kind.value == "dropped_fact" and f.before == "China"]


def test_a_bracketed_unit_conversion_adds_no_claim() -> None:
    source = "The quake struck at a depth of 10 kilometres, the U.S. Geological Survey said."
    comp = compare("The earthquake struck at a depth of 10 km (6 miles), the USGS said.", source)
    assert [f for f in comp.findings if f.kind.value == "added_claim"] == []
    wrong = compare("The earthquake struck at a depth of 10 km (16 miles), the USGS said.", source)
    assert [f for f in wrong.findings if f.kind.value == "added_claim"]
    comp = compare("The fire burned 5,000 hectares (12,000 acres) of forest.", "The fire burned 5,000 hectares of forest.")
    assert comp.findings == []


def test_a_quarter_of_the_year_is_a_date() -> None:
    comp = compare("The economy grew 2.1% in the second quarter, the statistics office said on Tuesday.",
                   "The economy expanded 2.1 percent in the third quarter, the statistics office said on Tuesday.")
    assert changed(comp, "date_changed") == [("third quarter", "second quarter")]
    assert compare("Profit rose 5% in Q3.", "Profit rose 5% in the third quarter.").findings == []


def test_a_reworded_clause_whose_facts_are_kept_is_not_dropped() -> None:
    comp = compare("Germany's economy shrank by 0.3% in 2023, the statistics office said.",
                   "The German economy contracted 0.3 percent in 2023, the federal statistics office said.")
    assert [f for f in comp.findings if f.kind.value == "dropped_fact"] == []
    cut = compare("A court jailed the official for fraud on Tuesday.",
                  "A court jailed the official for fraud on Tuesday, while protesters clashed with police outside.")
    assert [f.rule for f in cut.findings if f.kind.value == "dropped_fact"]


def test_a_bracketed_currency_conversion_adds_no_claim_unless_absurd() -> None:
    source = "The company was fined 2 million euros on Monday, the regulator said."

    def added(story: str) -> list[str]:
        return [f.story.text for f in compare(story, source).findings
                if f.kind.value == "added_claim" and f.story is not None]

    assert added("The company was fined 2 million euros ($2.2 million) on Monday, the regulator said.") == []
    assert "$2.2 billion" in added("The company was fined 2 million euros ($2.2 billion) on Monday.")


def test_the_kind_of_sentence_is_an_event_and_death_row_is_not_a_killing() -> None:
    source = "A court in Pretoria sentenced the former minister to life in prison on Monday."
    changed = compare("A court in Pretoria sentenced the former minister to death on Monday.", source)
    assert [(f.kind.value, f.after) for f in changed.findings if f.kind.value == "predicate_changed"] == [
        ("predicate_changed", "sentenced the former minister to death")]
    same = compare("A court in Pretoria sentenced the former minister to life imprisonment on Monday.", source)
    assert not [f for f in same.findings if f.kind.value == "predicate_changed"]
    doc = analyse("He was sentenced to death.", role="story", lang="en")
    assert [f.key for f in doc.facts_of(FactType.EVENT)] == ["death sentence"]


def test_a_russian_life_sentence_made_a_death_sentence() -> None:
    comp = compare("A Moscow court sentenced the former deputy minister to death on Monday.",
                   "Суд в Москве приговорил бывшего замминистра к пожизненному заключению в понедельник.")
    assert [f.kind.value for f in comp.findings if f.kind.value == "predicate_changed"] == ["predicate_changed"]


def test_justice_is_a_title_before_a_name_only() -> None:
    comp = compare("Justice Maria Santos dismissed the appeal on Monday.",
                   "Chief Justice Maria Santos dismissed the appeal on Monday.")
    assert [(f.before, f.after) for f in comp.findings if f.kind.value == "title_changed"] == [
        ("chief justice", "justice")]
    doc = analyse("Justice Ministry spokesperson Ivan Petrov said the case was closed.", role="story", lang="en")
    assert [f.attrs.get("title") for f in doc.facts_of(FactType.PERSON)] == ["spokesperson"]


def _certainty(story: str, source: str) -> list[tuple[str | None, str | None, str | None]]:
    comp = compare(story, source)
    return [(f.rule, f.before, f.after) for f in comp.findings if f.kind.value == "certainty_changed"]


def test_would_after_a_reporting_verb_is_will_not_a_hedge() -> None:
    assert _certainty("The minister said he would resign next month.",
                      "The minister said he may resign next month.") == [("hedge.dropped", "may", None)]
    assert _certainty("The ban would take effect next week, the ministry said.",
                      "Запрет может вступить в силу на следующей неделе, сообщили в министерстве.") == [
        ("hedge.dropped", "может", None)]
    # A conditional keeps the doubt, reported or not.
    assert _certainty("The minister said he would likely resign next month.",
                      "The minister said he may resign next month.") == []
    assert _certainty("The minister said he would resign if the bill failed.",
                      "The minister said he may resign if the bill fails.") == []
    assert _certainty("A ceasefire would allow aid to reach Gaza.", "A ceasefire could allow aid to reach Gaza.") == []


def test_a_hedged_clause_split_into_the_next_sentence_keeps_its_hedge() -> None:
    source = "The storm hit Cuba on Monday, forecasters said, and it could bring 200 mm of rain to Miami."
    assert _certainty("The storm hit Cuba on Monday, forecasters said. It could bring 200 mm of rain to Miami.",
                      source) == []
    assert _certainty("The storm hit Cuba on Monday, forecasters said. It will bring 200 mm of rain to Miami.",
                      source) == [("hedge.dropped", "could", None)]


def test_facing_a_maximum_term_is_already_a_possibility() -> None:
    assert _certainty("Smith could get as much as 20 years in prison.", "Smith faces up to 20 years in prison.") == []
    assert _certainty("He faces up to 10 years in prison.", "He could be jailed for up to 10 years.") == []
    assert _certainty("Smith could be jailed for 20 years.", "Smith was jailed for 20 years on Monday.") == [
        ("hedge.added", None, "could")]


def test_preliminary_on_the_subject_hedges_its_clause() -> None:
    source = "Preliminary results, which have not been peer-reviewed, showed 1,200 cases in 14 districts."
    assert _certainty("Results showed 1,200 cases in 14 districts.", source) == [
        ("hedge.dropped", "Preliminary", None)]
    assert _certainty("Preliminary results showed 1,200 cases in 14 districts.", source) == []
    source = "The preliminary results, which have not been peer reviewed, come from a study of 35,000 people."
    assert _certainty("The results come from a study of 35,000 people.", source) == [
        ("hedge.dropped", "preliminary", None)]
    assert _certainty("The preliminary results show a 40 percent drop in infections.",
                      "The results show a 40 percent drop in infections.") == [("hedge.added", None, "preliminary")]


def test_a_dropped_hedge_is_still_reported() -> None:
    assert _certainty("The gunman killed three people.", "The gunman is believed to have killed three people.") == [
        ("hedge.dropped", "is believed to", None)]
    assert _certainty("Two people were killed, officials confirmed.",
                      "По предварительным данным, пострадали два человека.") == [
        ("hedge.dropped", "По предварительным данным", "confirmed")]


def test_a_rate_raised_told_as_cut_is_a_changed_event_in_one_language_and_across_two() -> None:
    from wirecheck.pipeline import compare

    en = "The central bank raised its key rate by half a point on Friday. Analysts had expected the move."
    cut = "The central bank cut its key rate by half a point on Friday. Analysts had expected the move."
    assert [(f.before, f.after) for f in compare(cut, en).findings if f.kind.value == "predicate_changed"] == \
        [("raised", "cut")]
    ru = "Банк России повысил ключевую ставку до 21%, сообщил регулятор. Инфляция выросла до 9,2%."
    story = "The Bank of Russia cut its key rate to 21%, the regulator said. Inflation fell to 9.2%."
    found = [f.after for f in compare(story, ru, story_lang="en", source_lang="ru").findings
             if f.kind.value == "predicate_changed"]
    assert found == ["cut", "fell"]
    faithful = "The Bank of Russia raised its key rate to 21%, the regulator said. Inflation rose to 9.2%."
    assert not [f for f in compare(faithful, ru, story_lang="en", source_lang="ru").findings
                if f.kind.value == "predicate_changed"]


def test_a_fire_put_out_told_as_still_burning_is_a_changed_event() -> None:
    from wirecheck.pipeline import compare

    en = "A fire broke out in the Kyivskyi district and was put out by rescuers, the governor said."
    burning = "A fire broke out in the Kyivskyi district and is still burning, the governor said."
    assert [(f.before, f.after) for f in compare(burning, en).findings if f.kind.value == "predicate_changed"] == \
        [("put", "burning")]
    assert not [f for f in compare(en.replace("was put out", "was extinguished"), en).findings
                if f.kind.value == "predicate_changed"]
    uk = "За його словами, у Київському районі міста спалахнула пожежа, яку вже погасили рятувальники."
    story = "A fire broke out in the city's Kyivskyi district and is still burning, he said."
    assert [f.after for f in compare(story, uk, story_lang="en", source_lang="uk").findings
            if f.kind.value == "predicate_changed"] == ["burning"]
    # Only a fire burns here: a burned flag is no event.
    assert not [f for f in compare("Protesters burned the flag.", "Protesters waved the flag.").findings
                if f.kind.value == "predicate_changed"]


def test_a_disputed_claim_stated_as_fact_is_a_certainty_change() -> None:
    story = "Air defences shot down 41 Ukrainian drones over the Belgorod region overnight."
    for source, lang, cue in (
            ("Russian officials claimed that air defences shot down 41 Ukrainian drones over the Belgorod "
             "region overnight.", "en", "Russian officials claimed"),
            ("Минобороны России утверждает, что ночью над Белгородской областью силы ПВО сбили 41 украинский "
             "беспилотник.", "ru", "Минобороны России утверждает"),
            ("Міноборони Росії стверджує, що вночі над Бєлгородською областю сили ППО збили 41 український "
             "безпілотник.", "uk", "Міноборони Росії стверджує")):
        comp = compare(story, source, story_lang="en", source_lang=lang)
        found = [(f.rule, f.before, f.message.split(" (")[0]) for f in comp.findings
                 if f.kind.value == "certainty_changed"]
        assert found == [("belief.dropped", cue, "The source gives this as a claim")], lang
    # Kept as a claim, or a plain "said" dropped: no change.
    kept = compare("Russian officials claimed that air defences shot down 41 Ukrainian drones over the Belgorod "
                   "region overnight.", "Russian officials claimed that air defences shot down 41 Ukrainian "
                   "drones over the Belgorod region overnight.")
    assert not [f for f in kept.findings if f.kind.value == "certainty_changed"]
    said = compare(story, "Russian officials said air defences shot down 41 Ukrainian drones over the Belgorod "
                   "region overnight.")
    assert not [f for f in said.findings if f.kind.value == "certainty_changed"]


def test_a_loss_told_as_a_profit_and_a_million_as_a_billion() -> None:
    source = "NEW YORK, March 3 (Reuters) - The company reported a net loss of $2 million for the quarter."
    comp = compare("The company reported a net profit of $2 billion for the quarter.", source)
    assert sorted(f.message for f in comp.findings if f.kind.value in ("predicate_changed", "number_changed")) == [
        "The source gives 2 million dollars; the story 2 billion.",
        "The source says 'loss' (loss); the story says 'profit' (profit): a different event."]
    ru = "МОСКВА, 3 марта. /ТАСС/. Компания получила чистый убыток в размере 2 млрд рублей за квартал."
    comp = compare("The company reported a net profit of 2 billion rubles for the quarter.", ru, story_lang="en",
                   source_lang="ru")
    assert [f.kind.value for f in comp.findings if f.kind.value == "predicate_changed"] == ["predicate_changed"]
    assert compare(source.split(" - ", 1)[1], source).findings == []


def test_russian_offices_and_rates() -> None:
    d = "МОСКВА, 3 марта. /ТАСС/. "
    deputy = compare("Russian Defence Minister Alexei Krivoruchko visited the plant.",
                     d + "Заместитель министра обороны России Алексей Криворучко посетил завод.",
                     story_lang="en", source_lang="ru")
    assert [f.kind.value for f in deputy.findings if f.kind.value == "title_changed"] == ["title_changed"]
    # «пресс-секретарь президента»: the president's spokesman, not the president.
    spokesman = compare("Kremlin spokesman Dmitry Peskov said the talks would continue.",
                        d + "Пресс-секретарь президента России Дмитрий Песков заявил, что переговоры продолжатся.",
                        story_lang="en", source_lang="ru")
    assert not [f for f in spokesman.findings if f.kind.value == "title_changed"]
    for story, source in (("Inflation in Russia accelerated to 7.5% in February.",
                           "Инфляция в России в феврале замедлилась до 7,5%."),
                          ("The central bank raised its key rate to 21%.", "ЦБ сохранил ключевую ставку на уровне 21%.")):
        comp = compare(story, d + source, story_lang="en", source_lang="ru")
        assert [f.kind.value for f in comp.findings if f.kind.value == "predicate_changed"] == ["predicate_changed"]


def test_a_price_move_turned_round_and_job_cuts_told_as_hiring() -> None:
    ny = "NEW YORK, March 3 (Reuters) - "
    for source, story in (("Shares of Apple closed up 2% on Tuesday.", "Shares of Apple closed down 2% on Tuesday."),
                          ("The CEO said the company would cut about 1,000 jobs.",
                           "The CEO said the company would hire about 1,000 people.")):
        comp = compare(story, ny + source)
        assert [f.kind.value for f in comp.findings if f.kind.value == "predicate_changed"] == ["predicate_changed"]
        assert not [f for f in compare(source, ny + source).findings if f.kind.value == "predicate_changed"]
    # Not a price: "closed down the factory" moves nothing.
    assert not [f for f in analyse("He closed down the factory.").facts if f.key in ("increase", "decrease")]
