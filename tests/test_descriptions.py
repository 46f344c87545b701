"""description_changed: a named (or the one unnamed) ship or company called another kind of thing."""

from __future__ import annotations

from wirecheck.model import Comparison
from wirecheck.pipeline import compare

SOURCE = ("Houthi rebels attacked the Liberian-flagged bulk carrier Eternity C in the Red Sea on Monday. "
          "The ship was carrying grain to Jeddah. SK Hynix, the world's second-largest memory chipmaker, "
          "reported a record profit. The frigate Admiral Makarov fired cruise missiles.")


def changed(comp: Comparison) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in comp.findings if f.kind.value == "description_changed"]


def test_a_named_ship_or_company_given_another_type_is_reported_with_both_phrases() -> None:
    story = ("Houthi rebels attacked the Liberian-flagged oil tanker Eternity C in the Red Sea on Monday. "
             "The vessel was carrying grain to Jeddah. Smartphone maker SK Hynix reported a record profit. "
             "The destroyer Admiral Makarov fired cruise missiles.")
    comp = compare(story, SOURCE)
    assert sorted(changed(comp)) == [("bulk carrier", "oil tanker"), ("frigate", "destroyer"),
                                     ("memory chipmaker", "smartphone maker")]
    first = next(f for f in comp.findings if f.kind.value == "description_changed")
    assert first.story is not None and first.story.text == "oil tanker Eternity C"
    assert first.source is not None and first.source.text == "bulk carrier Eternity C"
    chip = next(f for f in comp.findings if f.after == "smartphone maker")
    assert chip.source is not None and chip.source.text == "SK Hynix, the world's second-largest memory chipmaker"


def test_generic_or_narrower_words_for_the_same_thing_are_not_changes() -> None:
    story = ("Houthi rebels attacked the bulk carrier Eternity C in the Red Sea on Monday. The vessel Eternity C "
             "was carrying grain to Jeddah. Chipmaker SK Hynix reported a record profit. The warship Admiral "
             "Makarov fired cruise missiles.")
    assert changed(compare(story, SOURCE)) == []


def test_an_unnamed_ship_in_aligned_sentences_and_a_type_the_source_uses_elsewhere() -> None:
    source = ("Houthi fighters attacked a Liberian-flagged bulk carrier in the Red Sea on Tuesday. "
              "A tanker nearby was not hit, the agency said.")
    swapped = ("Houthi fighters attacked a Liberian-flagged container ship in the Red Sea on Tuesday. "
               "A tanker nearby was not hit, the agency said.")
    comp = compare(swapped, source)
    assert changed(comp) == [("bulk carrier", "container ship")]
    assert all(f.confidence < 0.7 for f in comp.findings if f.kind.value == "description_changed")
    # The story's type is one the source gives a ship elsewhere: which ship is which is not clear.
    assert changed(compare(swapped.replace("container ship", "tanker"), source)) == []


def test_a_russian_source_names_the_type_by_its_own_word() -> None:
    source = ("Хуситы атаковали балкер Eternity C под флагом Либерии в Красном море. "
              "Фрегат «Адмирал Макаров» выпустил крылатые ракеты по целям.")
    story = ("Houthis attacked the Liberian-flagged oil tanker Eternity C in the Red Sea. "
             "The destroyer Admiral Makarov fired cruise missiles at targets.")
    comp = compare(story, source, story_lang="en", source_lang="ru")
    found = {(f.before, f.after, f.source.text if f.source else "") for f in comp.findings
             if f.kind.value == "description_changed"}
    assert found == {("bulk carrier", "oil tanker", "балкер Eternity C"),
                     ("frigate", "destroyer", "Фрегат «Адмирал Макаров»")}
    faithful = story.replace("oil tanker", "bulk carrier").replace("destroyer", "frigate")
    assert changed(compare(faithful, source, story_lang="en", source_lang="ru")) == []


VICTIMS_EN = ("A 45-year-old man was killed and two women were wounded when a drone struck a car in Kherson on "
              "Monday, the governor said. A boy was taken to hospital.")
VICTIMS_RU = ("В результате удара дрона по автомобилю в Херсоне погиб 45-летний мужчина, две женщины ранены, "
              "сообщил губернатор. Мальчик госпитализирован.")


def test_victims_of_another_sex_are_reported_in_one_language_and_across_two() -> None:
    swapped = ("A 45-year-old woman was killed and two men were wounded when a drone struck a car in Kherson on "
               "Monday, the governor said. A girl was taken to hospital.")
    for source, lang in ((VICTIMS_EN, "en"), (VICTIMS_RU, "ru")):
        comp = compare(swapped, source, story_lang="en", source_lang=lang)
        messages = sorted(f.message for f in comp.findings)
        assert messages == ["The source counts 2 women; the story 2 men.",
                            "The source's 45-year-old is a man; the story's is a woman.",
                            "The source's sentence tells of a boy; the story's makes it a girl."], (lang, messages)


def test_the_same_people_in_other_words_are_not_changes() -> None:
    faithful = ("A 45-year-old man died and two women were hurt when a drone hit a car in Kherson on Monday, "
                "the governor said. A child was taken to hospital.")
    for source, lang in ((VICTIMS_EN, "en"), (VICTIMS_RU, "ru")):
        comp = compare(faithful, source, story_lang="en", source_lang=lang)
        assert not [f for f in comp.findings if f.kind.value in ("description_changed", "number_changed")], lang


def test_an_injury_grade_changed_in_any_of_three_languages() -> None:
    ru = "По его словам, пострадавших доставили в больницу Керчи, их состояние оценивается как средней тяжести."
    uk = "Двоє людей отримали легкі поранення внаслідок атаки, повідомив губернатор."
    en = "Two people suffered minor injuries and one is in critical condition, officials said."
    cases = [("He said the wounded were taken to a hospital in Kerch in critical condition.", ru, "ru",
              "The source grades the injuries as moderate; the story makes them critical (worse)."),
             ("Two people were seriously injured in the attack, the governor said.", uk, "uk",
              "The source grades the injuries as light; the story makes them serious (worse)."),
             ("Two people were lightly wounded and one is in serious condition.", en, "en",
              "The source grades the injuries as critical; the story makes them serious (milder).")]
    for story, source, lang, message in cases:
        found = [f for f in compare(story, source, story_lang="en", source_lang=lang).findings
                 if f.rule == "description.injury-grade"]
        assert [f.message for f in found] == [message], lang
        assert found[0].source is not None and found[0].story is not None
    # The same grade in other words, and "serious" that grades no injury, are no change.
    assert not [f for f in compare("The wounded were taken to hospital in moderate condition.", ru, story_lang="en",
                                   source_lang="ru").findings if f.rule == "description.injury-grade"]
    assert not [f for f in compare("The situation is serious. Two people were lightly hurt.",
                                   "The situation is grave, and two people suffered minor injuries.").findings
                if f.rule == "description.injury-grade"]


def test_a_ukrainian_sentence_the_encoder_misses_is_paired_by_what_both_sides_share() -> None:
    source = ("ХЕРСОН, 9 жовтня. /Укрінформ/. Російські окупанти обстріляли Херсон з артилерії, поранено 67-річну "
              "жінку. Про це повідомив начальник обласної військової адміністрації Олександр Прокудін. "
              "За його словами, постраждалу госпіталізували у стані середньої тяжкості.")
    story = ("Russian forces shelled Kherson with artillery, wounding a 67-year-old woman, regional governor "
             "Oleksandr Prokudin said. The victim was hospitalised in moderate condition.")
    comp = compare(story, source, story_lang="en", source_lang="uk")
    last = len(comp.source.sentences) - 1
    assert comp.alignments[-1].source == [last]
    assert not [f for f in comp.findings if f.kind.value == "added_claim" or f.rule == "sentence.unused"]
    worse = compare(story.replace("moderate", "critical"), source, story_lang="en", source_lang="uk")
    assert [f.rule for f in worse.findings if f.kind.value == "description_changed"] == ["description.injury-grade"]


def test_what_a_strike_hit_changed_in_english_and_across_languages() -> None:
    story = ("A Russian drone struck a hospital in Sumy on Tuesday, damaging several apartments, the regional "
             "administration said.")
    sources = {
        "en": ("A Russian drone hit a residential building in Sumy on Tuesday, damaging several apartments, the "
               "regional administration said. Two people were taken to hospital."),
        "ru": ("Российский беспилотник во вторник попал в жилой дом в Сумах, повреждены несколько квартир, "
               "сообщила областная администрация. Два человека доставлены в больницу."),
        "uk": ("Російський безпілотник у вівторок влучив у житловий будинок у Сумах, пошкоджено кілька квартир, "
               "повідомила обласна адміністрація. Двох людей доставили до лікарні."),
    }
    for lang, source in sources.items():
        comp = compare(story, source, story_lang="en", source_lang=lang)
        # The wounded taken to hospital are no hospital that was hit.
        assert changed(comp) == [("residential building", "hospital")], lang
        # "several apartments" is the source's «несколько квартир» / «кілька квартир», no added number.
        assert not [f for f in comp.findings if f.kind.value == "added_claim"], lang
    # A home is a home, and a generic word fits anything.
    for same in ("an apartment block", "a house", "a building", "a civilian facility"):
        kept = story.replace("a hospital", same)
        assert changed(compare(kept, sources["en"])) == [], same


def test_a_russian_place_natasha_leaves_in_its_case_is_read_by_the_dictionary() -> None:
    comp = compare("A drone hit Sumy.", "Беспилотник атаковал объект в Сумах.", story_lang="en", source_lang="ru")
    assert not [f for f in comp.findings if f.kind.value == "place_changed"]  # not the village Sumag (Philippines)


def test_energy_infrastructure_is_no_hospital_but_is_a_power_plant() -> None:
    source = ("КИЇВ, 3 березня. Уночі російські дрони атакували енергетичну інфраструктуру Одеси, повідомили в "
              "обласній адміністрації.")
    story = "Russian drones attacked {} in Odesa overnight, the regional administration said."
    comp = compare(story.format("a hospital"), source, story_lang="en", source_lang="uk")
    assert [f.message for f in comp.findings if f.kind.value == "description_changed"] == [
        "The source's sentence has an energy facility; the story's makes it a hospital."]
    for same in ("a power plant", "energy infrastructure"):
        assert changed(compare(story.format(same), source, story_lang="en", source_lang="uk")) == [], same
