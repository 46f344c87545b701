"""English stories checked against Russian and Ukrainian sources: the same findings as with an English source.

A fact-checker's expected.json names source words in English for the Seversk fixture (its items were
written against source-en.txt); against the Russian twin, a finding counts when those English words are
what the matched source fact means: its English canonical key (units, organisations) or its
romanised name (people, places).  The project's own RU/UK pairs quote the source words as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, FIXTURES
from tests.expect import _locate, describe, finding_matches, norm, wrongly_changed
from wirecheck.model import Comparison, Finding
from wirecheck.pipeline import compare
from wirecheck.textnorm import sound_key

SEVERSK = FIXTURES / "seversk-2025-12-11"
PAIRS = sorted(p for p in EXAMPLES.glob("*") if p.name[:3] in ("ru-", "uk-"))


def _english_of_source(comp: Comparison, f: Finding) -> str:
    """What the finding's source fact says in English: key, romanised name, resolved place name."""
    assert comp.source is not None
    fact = next((x for x in comp.source.facts if x.id == f.source_fact), None)
    if fact is None:
        return ""
    bits = [fact.key, str(fact.attrs.get("latin") or ""), str(fact.attrs.get("name") or "")]
    for k in ("resolved_name", "ascii_name", "geoname", "place_name"):
        if fact.attrs.get(k):
            bits.append(str(fact.attrs[k]))
    return " || ".join(bits)


def _matches_crosslingual(comp: Comparison, f: Finding, item: dict[str, Any]) -> bool:
    if finding_matches(f, item, comp.story.text):
        return True
    if "source" not in item:
        return False
    # Same test without the source words, then compare those words with the source fact's English.
    relaxed = {k: v for k, v in item.items() if k != "source"}
    if not finding_matches(f, relaxed, comp.story.text):
        return False
    english = norm(_english_of_source(comp, f))
    want = norm(item["source"])
    return want in english or sound_key(want) in {sound_key(w) for w in re.split(r"\s*\|\|\s*", english)}


def _dropped_found(comp: Comparison, item: dict[str, Any]) -> bool:
    assert comp.source is not None
    loc = _locate(comp.source.text, item["source_text"])
    assert loc is not None, f"{item['source_text']!r} is not in the source"
    return any(f.kind.value == "dropped_fact" and f.source is not None
               and min(loc[1], f.source.end) - max(loc[0], f.source.start) > (loc[1] - loc[0]) // 2
               for f in comp.findings)


def _missing(comp: Comparison, must_find: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in must_find:
        if "source_text" in item and "derivative" not in item:
            ok = _dropped_found(comp, item)
        else:
            ok = any(_matches_crosslingual(comp, f, item) for f in comp.findings)
        if not ok:
            out.append(item)
    return out


@pytest.fixture(scope="module")
def seversk_expected(shared: Path) -> dict[str, Any]:
    return json.loads((SEVERSK / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("story", ["derivative-seed.txt", "derivative-quotes.txt"])
def test_fixture_against_russian_source(shared: Path, seversk_expected: dict[str, Any], story: str) -> None:
    comp = compare((SEVERSK / story).read_text(encoding="utf-8"),
                   (SEVERSK / "source-ru.txt").read_text(encoding="utf-8"))
    assert comp.source is not None and comp.source.lang == "ru"
    spec = seversk_expected["pairs"][story]
    missing = _missing(comp, spec["must_find"])
    assert not missing, f"missing {missing}\nfound:\n{describe(comp)}"
    bad = wrongly_changed(comp, spec.get("must_not_flag_as_changed", []))
    assert not bad, f"wrongly flagged {[(i['derivative'], f.message) for i, f in bad]}"


@pytest.fixture(scope="module")
def pair_results() -> dict[str, tuple[Comparison, dict[str, Any]]]:
    out = {}
    for p in PAIRS:
        spec = json.loads((p / "expected.json").read_text(encoding="utf-8"))
        out[p.name] = (compare((p / "story.txt").read_text(encoding="utf-8"),
                               (p / "source.txt").read_text(encoding="utf-8")), spec)
    return out


def test_pairs_cover_every_finding_kind() -> None:
    kinds = {item["kind"] for p in PAIRS
             for item in json.loads((p / "expected.json").read_text(encoding="utf-8"))["must_find"]}
    want = {"place_changed", "person_changed", "unit_changed", "organization_changed", "number_changed",
            "date_changed", "added_claim", "fabricated_quote", "misattributed_quote", "vague_attribution",
            "certainty_changed", "dropped_fact"}
    assert len(PAIRS) >= 6 and want <= kinds, want - kinds


@pytest.mark.parametrize("name", [p.name for p in PAIRS])
def test_example_pair(pair_results: dict[str, tuple[Comparison, dict[str, Any]]], name: str) -> None:
    comp, spec = pair_results[name]
    assert comp.source is not None and comp.source.lang in ("ru", "uk") and comp.story.lang == "en"
    missing = _missing(comp, spec["must_find"])
    assert not missing, f"missing {missing}\nfound:\n{describe(comp)}"
    bad = wrongly_changed(comp, spec.get("must_not_flag_as_changed", []))
    assert not bad, f"wrongly flagged {[(i['derivative'], f.message) for i, f in bad]}"


def test_alignment_on_project_pairs(pair_results: dict[str, tuple[Comparison, dict[str, Any]]]) -> None:
    """At least 80% of story sentences go to a gold source sentence (or to none when gold has none)."""
    right = total = 0
    for comp, spec in pair_results.values():
        for s, gold in spec["alignment"].items():
            a = comp.alignment_of(int(s))
            got = set(a.source) if a else set()
            total += 1
            right += (not gold and not got) or bool(got & set(gold))
    assert total and right / total >= 0.8, f"{right}/{total}"


def test_cli_compare_with_russian_source(shared: Path) -> None:
    """The command a fact-checker runs: English rewrite, Russian original, JSON out."""
    from tests.conftest import run_cli

    res = run_cli("compare", str(SEVERSK / "derivative-seed.txt"), str(SEVERSK / "source-ru.txt"), "-f", "json")
    assert res.returncode in (0, 1), res.stderr
    data = json.loads(res.stdout)
    assert data["source"]["lang"] == "ru" and data["story"]["lang"] == "en"
    kinds = {f["kind"] for f in data["findings"]}
    assert {"place_changed", "unit_changed", "organization_changed"} <= kinds


def test_a_translated_quote_padded_with_new_words_is_reported_and_a_faithful_one_is_not() -> None:
    from wirecheck.pipeline import compare

    source = "«Мы делаем всё, чтобы обеспечить безопасность наших детей», — написал губернатор Гладков."
    faithful = '"We are doing everything to ensure the safety of our children," Governor Gladkov wrote.'
    padded = ('"We are doing everything to ensure the safety of our children, and we will never let the enemy '
              'break our spirit," Governor Gladkov wrote.')
    assert not [f for f in compare(faithful, source, story_lang="en", source_lang="ru").findings
                if "quote" in f.kind.value]
    found = [f for f in compare(padded, source, story_lang="en", source_lang="ru").findings if "quote" in f.kind.value]
    assert [(f.kind.value, f.rule) for f in found] == [("fabricated_quote", "quote.padded-translation")]
    assert found[0].source is not None and "безопасность" in found[0].source.text


def test_a_translated_quote_that_drops_the_speakers_negation_is_reported() -> None:
    from wirecheck.pipeline import compare

    # The encoder scores the reversed quote as a translation: polarity is what tells them apart.
    source = "«Мы не согласны с решением суда и будем его обжаловать», — сказал адвокат Петров."
    reversed_ = '"We respect the court\'s decision and will appeal it," lawyer Petrov said.'
    found = [f for f in compare(reversed_, source, story_lang="en", source_lang="ru").findings
             if f.rule == "quote.polarity-reversed"]
    assert len(found) == 1 and found[0].source is not None and "не согласны" in found[0].source.text
    for faithful in ('"We disagree with the court\'s decision and will appeal it," lawyer Petrov said.',
                     '"We do not agree with the court\'s decision and will appeal it," lawyer Petrov said.'):
        assert not [f for f in compare(faithful, source, story_lang="en", source_lang="ru").findings
                    if "quote" in f.kind.value]
    # The reverse: a negation the Ukrainian speaker never said.
    uk = "«Ми продовжимо переговори з партнерами наступного тижня», — заявив міністр Сибіга."
    story = '"We will not continue the talks with our partners next week," minister Sybiha said.'
    assert [f.rule for f in compare(story, uk, story_lang="en", source_lang="uk").findings
            if f.rule == "quote.polarity-reversed"] == ["quote.polarity-reversed"]


def test_english_long_vowel_spellings_match_the_cyrillic_name() -> None:
    from wirecheck.pipeline import compare

    # "Saree" is how English wires spell «Сари»; "Mahmood" is «Махмуд».  Neither is another person.
    source = ("Официальный представитель хуситов Яхья Сари заявил, что ракеты были выпущены по судну. "
              "Министр Махмуд Аббас поддержал это решение.")
    story = ("Houthi military spokesman Yahya Saree said the missiles were fired at the ship. "
             "Minister Mahmood Abbas backed the decision.")
    found = compare(story, source, story_lang="en", source_lang="ru").findings
    assert not [f for f in found if f.kind.value == "person_changed" or f.rule == "fact.added:person"]
    swapped = story.replace("Saree", "Sarwar")
    assert [(f.before or "").split(" (")[0] for f in compare(swapped, source, story_lang="en", source_lang="ru").findings
            if f.kind.value == "person_changed"] == ["Яхья Сари"]


def test_a_headline_aligns_with_the_lead_not_with_the_dateline() -> None:
    from wirecheck.pipeline import compare

    source = ("ОДЕСА, 23 липня. /Укрінформ/. Унаслідок нічної атаки російських дронів на Одесу поранено трьох "
              "людей, пошкоджено портову інфраструктуру.\nПро це повідомив начальник ОВА Олег Кіпер.")
    story = ("Russian Drones Hit Odesa Port\nA night attack by Russian drones on Odesa injured three people and "
             "damaged port infrastructure, regional governor Oleh Kiper said.")
    comp = compare(story, source, story_lang="en", source_lang="uk")
    lead = next(s.index for s in comp.source.sentences if s.text.startswith("Унаслідок"))
    assert comp.alignments[0].source == [lead]
    # The dateline's pieces are no dropped sentences either.
    assert not [f for f in comp.findings if f.kind.value == "dropped_fact" and f.source is not None
                and f.source.text.strip() in ("ОДЕСА, 23 липня.", "/Укрінформ/.")]


def test_a_seat_of_government_stands_for_the_country_the_source_names() -> None:
    from wirecheck.pipeline import compare

    # English wires write «пресс-секретарь президента РФ» as "Kremlin spokesman": neither the Kremlin
    # nor Russia is new or dropped, and the organisation is the Kremlin, not "Kremlin spokesman".
    source = ("МОСКВА, 20 ноября. Пресс-секретарь президента РФ Дмитрий Песков заявил в четверг, что "
              "переговоры с Вашингтоном продолжатся на следующей неделе.")
    story = ("Kremlin spokesman Dmitry Peskov said on Thursday that talks with Washington would continue "
             "next week.")
    comp = compare(story, source, story_lang="en", source_lang="ru")
    assert [f.text for f in comp.story.facts if f.type.value == "organization"] == ["Kremlin"]
    assert not [(f.kind.value, f.rule) for f in comp.findings if f.kind.value in ("added_claim", "dropped_fact")]
    # A seat of another government is still an organisation the source does not have.
    other = compare(story.replace("Kremlin", "Pentagon"), source, story_lang="en", source_lang="ru")
    assert [f.rule for f in other.findings if f.kind.value == "added_claim"] == ["fact.added:organization"]


def test_a_count_told_with_another_value_in_an_aligned_sentence_is_a_change_not_an_addition() -> None:
    from wirecheck.pipeline import compare

    source = ("САНКТ-ПЕТЕРБУРГ, 18 ноября. /ТАСС/. Пожар на складе в Колпинском районе потушен, площадь возгорания "
              "составила 1,2 тыс. кв. м. По данным МЧС, к тушению привлекались 86 человек и 24 единицы техники.")
    story = ("A fire at a warehouse in the Kolpino district has been extinguished after spreading across 12,000 "
             "square meters. More than 200 firefighters and 24 fire engines were involved, according to the "
             "ministry.")
    comp = compare(story, source, story_lang="en", source_lang="ru")
    changed = sorted((f.story.text, f.source.text) for f in comp.findings
                     if f.kind.value == "number_changed" and f.story and f.source)
    assert changed == [("12,000 square meters", "1,2 тыс"), ("More than 200 firefighters", "86")]
    assert not [f for f in comp.findings if f.rule in ("fact.added:number", "fact.dropped:number")]
    faithful = story.replace("12,000", "1,200").replace("More than 200", "86")
    assert not [f for f in compare(faithful, source, story_lang="en", source_lang="ru").findings
                if f.kind.value == "number_changed"]


def test_thousands_after_a_figure_multiply_it() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse

    doc = analyse("Собрано 3 тысячи тонн угля, тысячи людей вышли на работу.", lang="ru")
    assert sorted((f.attrs["value"], f.attrs["noun"]) for f in doc.facts_of(FactType.NUMBER)) == [
        (2000.0, "people"), (3000.0, "ton")]


def test_a_fire_cause_and_an_inquiry_told_as_something_graver_are_predicate_changes() -> None:
    from wirecheck.pipeline import compare

    source = ("По предварительным данным, причиной возгорания могло стать короткое замыкание. "
              "Прокуратура Колпинского района начала проверку.")
    faithful = ("According to preliminary data, the fire may have been caused by a short circuit. "
                "The Kolpino district prosecutor's office has launched an inquiry.")
    assert not [f for f in compare(faithful, source, story_lang="en", source_lang="ru").findings
                if f.kind.value == "predicate_changed"]
    damaged = ("According to preliminary data, the fire may have been caused by arson. "
               "The Kolpino district prosecutor's office has opened a criminal case.")
    found = {(f.story.text, f.source.text) for f in compare(damaged, source, story_lang="en", source_lang="ru").findings
             if f.kind.value == "predicate_changed" and f.story and f.source}
    assert found == {("arson", "короткое замыкание"), ("criminal case", "проверку")}


def test_floors_written_as_a_compound_adjective_are_a_count() -> None:
    from wirecheck.pipeline import compare

    source = "Пошкоджено п'ятиповерховий житловий будинок і дев'ятиповерхівку."
    faithful = "A five-storey residential building and a nine-story block were damaged."
    assert not [f for f in compare(faithful, source, story_lang="en", source_lang="uk").findings
                if f.kind.value == "number_changed"]
    damaged = faithful.replace("five-storey", "nine-storey")
    found = [(f.story.text, f.source.text) for f in compare(damaged, source, story_lang="en", source_lang="uk").findings
             if f.kind.value == "number_changed" and f.story and f.source]
    # Both of the story's nines match the source's one by value: the five is the count that changed (which
    # of the two nines stands for it, the values alone cannot say).
    assert len(found) == 1 and found[0][1] == "п'ятиповерховий" and found[0][0].startswith("nine-stor")
    single = compare("A nine-storey residential building was damaged.", "Пошкоджено п'ятиповерховий житловий будинок.",
                     story_lang="en", source_lang="uk")
    assert [f.kind.value for f in single.findings] == ["number_changed"]


def test_an_acronym_is_its_full_name_and_a_changed_day_keeps_its_sentence() -> None:
    from wirecheck.pipeline import compare

    source = ("КИЇВ, 25 листопада. /Укрінформ/. Національний банк України зберіг облікову ставку на рівні 15,5% "
              "річних.\nРішення ухвалило правління НБУ на засіданні 24 листопада.\n"
              "Наступне засідання з монетарної політики відбудеться 11 грудня.")
    story = ("The National Bank of Ukraine kept its key policy rate at 15.5%.\n"
             "The decision was taken by the NBU board at a meeting on November 24.\n"
             "The next monetary policy meeting will take place on December 11.")
    assert compare(story, source, story_lang="en", source_lang="uk").findings == []
    damaged = story.replace("November 24", "November 23").replace("December 11", "December 18")
    found = sorted((f.kind.value, f.story.text, f.source.text)
                   for f in compare(damaged, source, story_lang="en", source_lang="uk").findings if f.story and f.source)
    assert found == [("date_changed", "December 18", "11 грудня"), ("date_changed", "November 23", "24 листопада")]


def test_ministers_by_portfolio_and_their_deputies_keep_their_titles_across_languages() -> None:
    from wirecheck.model import FactType
    from wirecheck.pipeline import analyse, compare

    titles = {f.text: f.attrs.get("title") for f in analyse(
        "Об этом заявили заместитель министра обороны Алексей Кривопалов и министр финансов Антон Силуанов.",
        lang="ru").facts_of(FactType.PERSON)}
    assert titles == {"Алексей Кривопалов": "deputy defense minister", "Антон Силуанов": "finance minister"}
    source = "Министр финансов России Антон Силуанов заявил, что бюджет сбалансирован."
    assert compare("Russian Finance Minister Anton Siluanov said the budget was balanced.", source,
                   story_lang="en", source_lang="ru").findings == []
    changed = compare("Russian Economy Minister Anton Siluanov said the budget was balanced.", source,
                      story_lang="en", source_lang="ru").findings
    assert [(f.kind.value, f.before, f.after) for f in changed] == [
        ("title_changed", "finance minister", "economy minister")]
