"""The period a tally covers, and a bound on a count, across languages.  Sentences are the project's own."""

from __future__ import annotations

import pytest

from wirecheck.pipeline import compare

SOURCES = {
    "uk": "КИЇВ, 14 листопада. За минулу добу окупанти 25 разів обстріляли Херсонщину.",
    "ru": "МОСКВА, 14 ноября. За прошедшие сутки ВСУ 25 раз обстреляли Горловку.",
    "en": "KYIV, Nov 14 - Over the past day, Russian forces shelled the Kherson region 25 times.",
}
STORIES = {
    "uk": "Over the {} Russian forces shelled the Kherson region 25 times.",
    "ru": "Over the {} Ukrainian forces shelled Horlivka 25 times.",
    "en": "Over the {} Russian forces shelled the Kherson region 25 times.",
}


def _kinds(story: str, source: str, lang: str, *kinds: str) -> list[tuple[str, str | None, str | None]]:
    comp = compare(story, source, story_lang="en", source_lang=lang)
    return [(f.kind.value, f.before, f.after) for f in comp.findings if f.kind.value in kinds]


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_a_daily_tally_told_as_a_weekly_one(lang: str) -> None:
    same = STORIES[lang].format("past 24 hours,")
    assert _kinds(same, SOURCES[lang], lang, "date_changed", "added_claim") == []
    week = STORIES[lang].format("past week,")
    [(kind, _, after)] = _kinds(week, SOURCES[lang], lang, "date_changed", "added_claim")
    assert kind == "date_changed" and after is not None and "week" in after.lower()


def test_a_russian_floor_dropped_or_turned_round() -> None:
    source = "МОСКВА, 14 ноября. Более 20 человек пострадали при обстреле Горловки."
    rules = [f.rule for f in compare("20 people were injured in the shelling of Horlivka.", source,
                                     story_lang="en", source_lang="ru").findings if f.kind.value == "number_changed"]
    assert rules == ["number.bound-dropped"]
    kept = compare("More than 20 people were injured in the shelling of Horlivka.", source, story_lang="en",
                   source_lang="ru")
    assert not [f for f in kept.findings if f.kind.value == "number_changed"]
    # «до» is also plain "to": «повысил ставку до 21%» bounds nothing.
    raised = compare("The central bank raised its key rate to 21%.", "Банк России повысил ключевую ставку до 21%.",
                     story_lang="en", source_lang="ru")
    assert not [f for f in raised.findings if f.kind.value == "number_changed"]


@pytest.mark.parametrize(("lang", "source"), [
    ("ru", "МОСКВА, 14 ноября. /ТАСС/. Атака беспилотников произошла в 03:40 по московскому времени."),
    ("en", "MOSCOW, Nov 14 - The drone attack took place at 03:40 Moscow time."),
])
def test_a_time_of_day_changed(lang: str, source: str) -> None:
    story = "The drone attack took place at 4:30 a.m. Moscow time."
    found = _kinds(story, source, lang, "date_changed", "added_claim")
    assert [(k, a) for k, _, a in found] == [("date_changed", "4:30 a.m.")]
    same = _kinds("The drone attack took place at 3:40 am Moscow time.", source, lang, "date_changed", "added_claim")
    assert same == []


def test_the_evacuated_told_as_the_dead() -> None:
    source = "МОСКВА, 14 ноября. /ТАСС/. Из приграничных сел эвакуированы около 300 человек."
    comp = compare("About 300 people were killed in border villages.", source, story_lang="en", source_lang="ru")
    assert [f.kind.value for f in comp.findings if f.kind.value == "predicate_changed"] == ["predicate_changed"]


@pytest.mark.parametrize(("lang", "source"), [
    ("ru", "МОСКВА, 14 ноября. /ТАСС/. Накануне силы ПВО сбили 41 беспилотник над Белгородской областью."),
    ("en", "MOSCOW, Nov 14 (Reuters) - Air defences shot down 41 drones over the Belgorod region yesterday."),
])
def test_the_day_before_is_the_datelines_day_before(lang: str, source: str) -> None:
    story = "On November {}, air defences shot down 41 drones over the Belgorod region."
    assert _kinds(story.format(13), source, lang, "date_changed", "added_claim") == []
    [(kind, _, after)] = _kinds(story.format(12), source, lang, "date_changed", "added_claim")
    assert (kind, after) == ("date_changed", "November 12")


def test_words_padded_into_a_quote() -> None:
    source = 'KYIV, March 3 (Reuters) - "We will respond," the minister said. "Our patience is not endless."'
    comp = compare('"We will respond decisively and without mercy," the minister said.', source)
    padded = [(f.rule, f.after) for f in comp.findings if f.kind.value == "fabricated_quote"]
    assert padded == [("quote.padded", "decisively and without mercy")]
    # Two of the speaker's quotes glued together add nothing the speaker did not say.
    glued = compare('"We will respond. Our patience is not endless," the minister said.', source)
    assert not [f for f in glued.findings if f.kind.value == "fabricated_quote"]


@pytest.mark.parametrize(("lang", "source"), [
    ("en", "Two soldiers were killed in the shelling, the regional governor said."),
    ("ru", "В результате обстрела погибли двое военнослужащих, сообщил губернатор."),
])
def test_soldiers_told_as_civilians(lang: str, source: str) -> None:
    story = "Two civilians were killed in the shelling, the regional governor said."
    changed = [f.message for f in compare(story, source, story_lang="en", source_lang=lang).findings
               if f.kind.value == "number_changed"]
    assert changed == ["The source counts 2 soldiers; the story 2 civilians."]
    assert not [f for f in compare(story.replace("civilians", "servicemen"), source, story_lang="en",
                                   source_lang=lang).findings if f.kind.value == "number_changed"]


@pytest.mark.parametrize(("lang", "source"), [
    ("en", "KYIV, March 3 (Reuters) - Ukraine's air force said it shot down 30 of 40 drones launched overnight."),
    ("uk", "КИЇВ, 3 березня. Повітряні сили повідомили, що збили 30 з 40 ударних безпілотників."),
])
def test_a_part_told_as_the_whole(lang: str, source: str) -> None:
    story = "Ukraine's air force said it shot down all 40 drones launched overnight."
    found = [(f.rule, f.message) for f in compare(story, source, story_lang="en", source_lang=lang).findings
             if f.kind.value == "number_changed"]
    assert found == [("number.part-as-whole", "The source says 30 of 40; the story says all 40.")]
    kept = compare(story.replace("all 40", "30 of 40"), source, story_lang="en", source_lang=lang)
    assert not [f for f in kept.findings if f.kind.value == "number_changed"]
