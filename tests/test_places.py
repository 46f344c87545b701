"""Place extraction, resolution and the place_not_in_region check, on the seed story and our own cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, FactType, Sentence
from wirecheck.pipeline import analyse, check_story, compare
from wirecheck.resolvers.places import resolve_document

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "mission" / "seed-article.txt"


def region_findings(comp: Comparison) -> list:
    return [f for f in comp.findings if f.kind is FindingKind.PLACE_NOT_IN_REGION]


def places(doc: Document) -> dict[str, dict]:
    return {f.text: f.attrs | {"key": f.key} for f in doc.facts_of(FactType.PLACE)}


@pytest.fixture(scope="module")
def seed() -> Comparison:
    if not SEED.exists():
        pytest.skip("../shared is not beside the project")
    return check_story(SEED.read_text(encoding="utf-8"))


def test_seed_sevsk_is_not_in_the_kharkiv_region(seed: Comparison) -> None:
    hits = [f for f in region_findings(seed) if f.story and f.story.text.startswith("Sevsk")]
    assert len(hits) == 1
    ref = hits[0].reference
    assert ref["region"] == "Bryansk Oblast" and ref["country"] == "Russia"
    assert ref["claimed_key"] == "adm1:UA.07"


def test_seed_severodonetsk_is_in_luhansk_not_the_dpr(seed: Comparison) -> None:
    hits = [f for f in region_findings(seed) if f.story and f.story.text.startswith("Severodonnetsk")]
    assert len(hits) == 1
    assert hits[0].reference["region"] == "Luhansk Oblast" and hits[0].reference["country"] == "Ukraine"


def test_seed_sloviansk_and_kramatorsk_are_in_the_donbas(seed: Comparison) -> None:
    flagged = {f.reference["name"] for f in region_findings(seed)}
    assert not flagged & {"Slovyansk", "Kramatorsk"}
    assert len(region_findings(seed)) == 2
    found = places(seed.story)
    # The small spaCy model does not tag these towns as places; the gazetteer matcher does.
    assert found["Kramatorsk"]["admin1_code"] == "UA.05"
    assert found["Sloviansk"]["admin1_code"] == "UA.05"


def test_resolved_places_carry_coordinates_and_level(seed: Comparison) -> None:
    for f in seed.story.facts_of(FactType.PLACE):
        if f.attrs.get("resolution"):
            assert isinstance(f.attrs["lat"], float) and isinstance(f.attrs["lon"], float)
            assert f.attrs["level"] in ("settlement", "district", "region", "area", "country", "continent")
            assert f.attrs["candidates"] and 0 < f.attrs["resolution"] <= 1


@pytest.mark.parametrize(("text", "place", "really"), [
    ("Shelling hit Lviv, a city in the Kharkiv region, on Tuesday.", "Lviv", "Lviv Oblast"),
    ("The wine festival in Bordeaux in Germany drew large crowds.", "Bordeaux", "France"),
    ("Officials in Ukraine's Belgorod region reported drone strikes.", "Belgorod", "Russia"),
    ("Floods struck Innsbruck (Bavaria) after days of rain.", "Innsbruck", "Austria"),
])
def test_wrong_region_claims_are_found(text: str, place: str, really: str) -> None:
    found = region_findings(check_story(text, lang="en"))
    assert len(found) == 1, [f.message for f in found]
    ref = found[0].reference
    assert ref["name"].startswith(place) and really in (ref["region"], ref["country"])
    assert found[0].suggestion


@pytest.mark.parametrize("text", [
    "The rodeo was held in Paris, Texas, last weekend.",
    "Residents of Kupiansk in the Kharkiv region were evacuated.",
    "Fighting continued near Seversk in the DPR on Thursday.",
    "Officials in Russia's Belgorod region reported drone strikes.",
    "Authorities in Bordeaux, France, closed the bridge.",
    "Edmonton, Alberta, saw record snowfall.",
])
def test_right_region_claims_are_not_flagged(text: str) -> None:
    assert region_findings(check_story(text, lang="en")) == []


def test_list_before_the_region_is_checked_member_by_member() -> None:
    found = region_findings(check_story("Sloviansk and Lviv, both in the Donetsk region, were shelled.",
                                        lang="en"))
    assert [f.reference["name"] for f in found] == ["Lviv"]


def test_stated_region_picks_the_right_namesake() -> None:
    ua = places(analyse("Fighting continued near Seversk in the DPR on Thursday.", lang="en"))
    assert ua["Seversk"]["admin1_code"] == "UA.05"
    ru = places(analyse("A plant in Seversk in the Tomsk region was inspected.", lang="en"))
    assert ru["Seversk"]["admin1_code"] == "RU.75"


def test_other_places_in_the_story_pick_the_namesake() -> None:
    doc = analyse("Paris and Lyon were hit by strikes. Trains from Marseille to Paris were cancelled.",
                  lang="en")
    assert all(f.attrs.get("country_code") == "FR" for f in doc.facts_of(FactType.PLACE))
    doc = analyse("Tornadoes hit Dallas and Houston. In Paris, the county courthouse lost its roof.",
                  lang="en")
    assert places(doc)["Paris"]["country_code"] == "US"


def test_capitalised_common_words_are_not_places() -> None:
    doc = analyse("Most residents left early. Split decisions followed. Man charged after crash, "
                  "police said.", lang="en")
    assert doc.facts_of(FactType.PLACE) == []


def test_transliteration_is_one_key() -> None:
    a = analyse("Russian forces shelled Sievierodonetsk overnight, officials said.", lang="en")
    b = analyse("Russian forces shelled Severodonetsk overnight, officials said.", lang="en")
    ka = [f.key for f in a.facts_of(FactType.PLACE)]
    kb = [f.key for f in b.facts_of(FactType.PLACE)]
    assert ka == kb and ka[0].startswith("gn:")


def test_cyrillic_lemmas_resolve_with_stated_region() -> None:
    # As the Russian extractor leaves them: nominative lemmas in attrs["name"].
    text = "Бои идут за Северском в ДНР."
    doc = Document(text=text, lang="ru", sentences=[Sentence(0, 0, len(text), text)])
    s = text.index("Северском")
    doc.add_fact(FactType.PLACE, s, s + len("Северском"), name="Северск", level="settlement")
    d = text.index("ДНР")
    doc.add_fact(FactType.PLACE, d, d + 3, name="ДНР", level="region")
    resolve_document(doc)
    seversk, dpr = doc.facts_of(FactType.PLACE)
    assert seversk.attrs["admin1_code"] == "UA.05" and seversk.key.startswith("gn:")
    assert dpr.key == "adm1:UA.05"
    cands = seversk.attrs["candidates"]
    assert len(cands) >= 2 and cands[0]["p"] > cands[1]["p"]


def test_cli_places_geojson_and_check_json(shared: Path) -> None:
    seed = str(shared / "mission" / "seed-article.txt")
    res = run_cli("places", seed, "-f", "geojson")
    assert res.returncode == 0, res.stderr
    gj = json.loads(res.stdout)
    assert gj["type"] == "FeatureCollection"
    kram = [f for f in gj["features"] if f["properties"]["mention"] == "Kramatorsk"][0]
    lon, lat = kram["geometry"]["coordinates"]
    assert 48 < lat < 49.5 and 37 < lon < 38.5
    res = run_cli("check", seed, "-f", "json")
    assert res.returncode == 0, res.stderr
    kinds = [f["kind"] for f in json.loads(res.stdout)["findings"]]
    assert kinds.count("place_not_in_region") == 2


def test_cli_places_refuses_a_missing_file(tmp_path: Path) -> None:
    res = run_cli("places", str(tmp_path / "nope.txt"))
    assert res.returncode != 0 and "no such file" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize(("text", "code"), [
    ("Shelling continued in the Zaporozhye region overnight.", "UA.26"),
    ("Drones were launched from Russia's Kursk Region, officials said.", "RU.41"),
    ("Officials in the Lugansk oblast reported new attacks.", "UA.14"),
])
def test_region_phrases_in_any_romanisation(text: str, code: str) -> None:
    regions = [f for f in analyse(text, lang="en").facts_of(FactType.PLACE) if f.attrs.get("level") == "region"]
    assert [f.attrs["admin1_code"] for f in regions] == [code]


def test_parts_of_other_names_are_not_places() -> None:
    doc = analyse('A corvette of the Northern Fleet sailed on Tuesday. Soldiers of the Brigade "Magura" '
                  "repelled assaults near Druzhkivka.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Druzhkivka"]


def test_villages_missing_from_geonames_come_from_the_ukrainian_register() -> None:
    doc = analyse("Ukrainian troops advanced near Robotyne, south of Orikhiv, the general staff said.",
                  lang="en")
    robotyne = places(doc)["Robotyne"]
    assert robotyne["key"].startswith("katottg:") and robotyne["admin1_code"] == "UA.26"
    assert abs(robotyne["lat"] - 47.45) < 0.5 and abs(robotyne["lon"] - 35.84) < 0.5


def test_a_city_that_is_its_own_region_gets_the_city_key_in_every_language() -> None:
    en = places(analyse("Officials in Kyiv and Moscow said the talks had failed.", lang="en"))
    assert en["Kyiv"]["level"] == en["Moscow"]["level"] == "settlement"
    text = "МОСКВА, 11 декабря."
    doc = Document(text=text, lang="ru", sentences=[Sentence(0, 0, len(text), text)])
    doc.add_fact(FactType.PLACE, 0, 6, name="Москва", level="region")  # a dateline the extractor saw as a region
    resolve_document(doc)
    assert doc.facts[0].key == en["Moscow"]["key"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Российские войска заняли Северск в Харьковской области, сообщило Минобороны.", True),
    ("Бои идут за Северск в ДНР, сообщило Минобороны России.", False),
    ("Російські війська обстріляли Сіверськ у Харківській області, повідомили в ОВА.", True),
])
def test_region_claims_in_russian_and_ukrainian(text: str, flagged: bool) -> None:
    comp = check_story(text)
    found = region_findings(comp)
    assert bool(found) is flagged
    seversk = [f for f in comp.story.facts_of(FactType.PLACE) if f.attrs.get("admin1_code") == "UA.05"]
    assert seversk, "Северск/Сіверськ beside a Ukrainian region is Siversk, Donetsk Oblast"


# --- a bare name shared by a region and a capital; district mentions ---------------------------------

def _one(text: str, name: str) -> dict:
    return places(analyse(text, lang="en"))[name]


def test_national_capitals_are_marked_in_the_gazetteer() -> None:
    from wirecheck.gazetteer import get

    gz = get()
    dc = [p for p in gz.lookup("Washington") if p.level == "settlement" and p.region_code == "US.DC"][0]
    state = [p for p in gz.lookup("Washington") if p.level == "region"][0]
    assert gz.is_capital(dc) and not gz.is_capital(state)


def test_a_bare_washington_is_the_capital_not_the_state() -> None:
    got = _one("Washington warned on Tuesday that new sanctions on the shipping firms would follow.",
               "Washington")
    assert got["level"] == "settlement" and got["admin1_code"] == "US.DC"


@pytest.mark.parametrize("text", [
    "Apple growers in Washington state expect a smaller harvest after the heatwave.",
    "Smoke from the fires in eastern Washington reached the coast by Friday.",
    "A ferry ran aground near Tacoma, Washington, late on Sunday.",
])
def test_words_around_washington_make_it_the_state(text: str) -> None:
    assert _one(text, "Washington")["key"] == "adm1:US.WA"


def test_a_named_district_is_the_raion_of_that_name_not_a_namesake_abroad() -> None:
    got = _one("Artillery damaged a school in the Nikopol district overnight, the governor said.",
               "Nikopol district")
    assert got["level"] == "district" and got["admin1_code"] == "UA.04" and got["country_code"] == "UA"


def test_a_district_named_after_a_city_is_not_the_city() -> None:
    got = _one("Drones struck farms in the Kharkiv district before dawn.", "Kharkiv district")
    assert got["level"] == "district" and got["admin1_code"] == "UA.07"


def test_a_city_district_is_neither_the_namesake_city_nor_a_confident_raion() -> None:
    comp = check_story("A missile hit a bakery in Kherson's Dnipro district on Monday.", lang="en")
    got = places(comp.story)["Dnipro district"]
    assert got["level"] != "settlement" and got["resolution"] <= 0.4
    assert region_findings(comp) == []  # the gazetteer lists no city districts: nothing to check


@pytest.mark.parametrize(("text", "code"), [
    ("Power was cut in parts of the Kyiv region after the strike.", "UA.13"),
    ("Air defences were active over the Moscow region overnight.", "RU.47"),
])
def test_a_region_phrase_is_the_oblast_not_the_city_region(text: str, code: str) -> None:
    regions = [f for f in analyse(text, lang="en").facts_of(FactType.PLACE) if f.attrs.get("level") == "region"]
    assert [f.attrs["admin1_code"] for f in regions] == [code]


def _resolve_bare(text: str, name: str) -> Document:
    # As a caller with no extractor leaves it: no level stated, only the words.
    doc = Document(text=text, lang="en", sentences=[Sentence(0, 0, len(text), text)])
    s = text.index(name)
    doc.add_fact(FactType.PLACE, s, s + len(name), name=name, level="")
    resolve_document(doc)
    return doc


def test_a_county_is_a_district_even_without_a_stated_level() -> None:
    doc = _resolve_bare("Hamilton County deputies closed the bridge for repairs.", "Hamilton County")
    assert doc.facts[0].attrs["level"] == "district" and doc.facts[0].attrs["country_code"] == "US"


def test_a_district_found_by_its_bare_name_only_is_not_claimed_with_confidence() -> None:
    # No record bears "Nikopol county": the district reached by the bare name may be any namesake.
    doc = _resolve_bare("Flooding closed roads across Nikopol county.", "Nikopol county")
    assert doc.facts[0].attrs["resolution"] <= 0.4


def test_another_name_of_a_big_city_does_not_outrank_the_place_called_so() -> None:
    # GeoNames lists Twickenham as a former name of Huntsville, Alabama: a name, not a spelling.
    got = _one("Fans packed the stadium at Twickenham for the final.", "Twickenham")
    assert got["country_code"] == "GB"
    # A transliteration is a spelling: the city keeps the full weight of its name.
    assert _one("Shelling hit Zaporizhzhia overnight.", "Zaporizhzhia")["admin1_code"] == "UA.26"


def test_dc_is_the_district_of_columbia_and_holds_washington() -> None:
    doc = analyse("Negotiators met in Washington, D.C., for a second round of talks.", lang="en")
    got = places(doc)
    assert got["D.C."]["key"] == "adm1:US.DC"
    assert got["Washington"]["admin1_code"] == "US.DC" and got["Washington"]["resolution"] > 0.9


def test_a_district_spelled_another_way_is_found_by_sound_but_not_claimed_with_confidence() -> None:
    doc = _resolve_bare("Shelling hit the Pokrovsky raion overnight.", "Pokrovsky raion")
    got = doc.facts[0].attrs
    assert got["level"] == "district" and got["admin1_code"] == "UA.05" and got["resolution"] <= 0.4


def test_state_after_a_country_is_no_region_hint() -> None:
    got = _one("Jordan state television said the border crossing had reopened.", "Jordan")
    assert got["level"] == "country" and got["country_code"] == "JO"


def test_a_region_smaller_than_a_same_named_city_elsewhere_does_not_take_its_name() -> None:
    # Gaza Province (Mozambique) sums fewer people than the city of Gaza alone.
    got = _one("Aid lorries waited at the crossing into Gaza for a third day.", "Gaza")
    assert got["level"] == "settlement" and got["country_code"] == "PS"


def test_a_district_of_a_named_country_is_found_in_that_country() -> None:
    # "district of Jordan": Jordan is where the district is, not a district called Jordan; the
    # Karak the story means is Jordan's governorate, not Pakistan's Karak District.
    got = places(analyse("Floods hit the Karak district of Jordan on Monday.", lang="en"))
    assert got["Jordan"]["level"] == "country" and got["Jordan"]["country_code"] == "JO"
    assert got["Karak district"]["country_code"] == "JO"
    # Without the country, the district record of that name is still the reading.
    alone = places(analyse("Floods hit the Karak district on Monday.", lang="en"))
    assert alone["Karak district"]["country_code"] == "PK"


def test_a_region_named_after_a_territory_is_the_territory() -> None:
    got = places(analyse("Rain fell across the Gibraltar region overnight.", lang="en"))
    assert got["Gibraltar region"]["country_code"] == "GI"


def test_seas_and_straits_are_water_bodies_in_three_languages() -> None:
    en = places(analyse("Drones hit a tanker in the Sea of Azov and two ships in the Red Sea near the "
                        "Strait of Hormuz, while the Black Sea Fleet stayed in port.", lang="en"))
    # Not the village of Azov, Sudan's Red Sea State or the Iranian town of Hormoz; the fleet is no place.
    assert {k: v["key"] for k, v in en.items()} == {
        "Sea of Azov": "water:sea_of_azov", "Red Sea": "water:red_sea", "Strait of Hormuz": "water:strait_of_hormuz"}
    assert en["Red Sea"]["geonameid"] is None and en["Red Sea"]["level"] == "water"
    ru = places(analyse("Беспилотники атаковали танкер в Азовском море и суда в Керченском проливе.", lang="ru"))
    assert sorted(v["key"] for v in ru.values()) == ["water:kerch_strait", "water:sea_of_azov"]
    uk = places(analyse("Дрони атакували танкер в Азовському морі та судна в Керченській протоці.", lang="uk"))
    assert sorted(v["key"] for v in uk.values()) == ["water:kerch_strait", "water:sea_of_azov"]


def test_a_sea_swapped_in_translation_is_a_changed_place_and_a_kept_one_is_supported() -> None:
    from wirecheck.pipeline import compare

    source = "Силы ПВО уничтожили 12 беспилотников над Черным морем и три над Азовским морем."
    kept = "Air defences destroyed 12 drones over the Black Sea and three over the Sea of Azov."
    assert not [f for f in compare(kept, source, story_lang="en", source_lang="ru").findings
                if f.story_fact or f.kind is FindingKind.PLACE_CHANGED]
    swapped = kept.replace("Black Sea", "Caspian Sea")
    changed = [f for f in compare(swapped, source, story_lang="en", source_lang="ru").findings
               if f.kind is FindingKind.PLACE_CHANGED]
    assert [f.after for f in changed] == ["Caspian Sea"]
    assert "Черн" in (changed[0].before or "") and "km apart" in changed[0].message


def test_a_place_at_a_sentence_end_does_not_keep_the_full_stop() -> None:
    # spaCy keeps the stop on "Mar." (a month's abbreviation); "D.C." and "St." keep theirs.
    found = places(analyse("Fires burned near Valparaiso and Viña del Mar. Aid flew in from Washington, D.C. "
                           "and from St. Petersburg.", lang="en"))
    assert {"Viña del Mar", "D.C.", "St. Petersburg"} <= set(found)


def test_a_possessive_after_a_comma_is_no_region_claim() -> None:
    ok = check_story("Ukrainian forces repelled an attack near Kupiansk, Russia's Defence Ministry said.")
    assert not region_findings(ok)
    wrong = check_story("Ukrainian forces repelled an attack near Kupiansk, Russia, the ministry said.")
    assert [f.after for f in region_findings(wrong)] == ["Kupiansk, Russia"]


def test_a_region_written_as_its_adjective_is_neither_swapped_nor_dropped() -> None:
    from wirecheck.pipeline import compare

    source = ("A dolphin species that was feared to be extinct has been found washed up on a West Australian "
              "beach, giving researchers a rare chance to study the animal.\nRangers buried the carcass on "
              "Tuesday.\nThe species was first described in 1866 by scientists who worked near Kyaukpyu.")
    story = ("A dolphin from Kyaukpyu, feared to be extinct, has been found washed up on a beach in Western "
             "Australia, giving researchers a rare chance to study the animal.")
    findings = compare(story, source).findings
    assert not [f for f in findings if f.kind is FindingKind.PLACE_CHANGED]
    assert not [f for f in findings if f.kind is FindingKind.DROPPED_FACT and "West Australian" in f.message]
    # Only the adjective of a place the story names is kept: another region is still reported.
    moved = compare(story.replace("Western Australia", "Queensland"), source).findings
    assert any("Queensland" in (f.after or f.message) for f in moved
               if f.kind in (FindingKind.PLACE_CHANGED, FindingKind.ADDED_CLAIM))
    assert any("West Australian" in f.message for f in moved if f.kind is FindingKind.DROPPED_FACT)


def test_a_named_beach_is_a_place_whatever_spacy_calls_it_and_its_number_word_no_count() -> None:
    from wirecheck.pipeline import compare

    source = ("A whale feared extinct has washed up on a remote beach in Western Australia, wildlife officials "
              "said on Monday after a long search of the coast.")
    story = ("A whale feared extinct has washed up on a remote Eighty Mile Beach in Western Australia, "
             "wildlife officials said on Monday after a long search of the coast.")
    findings = compare(story, source).findings
    added = [f for f in findings if f.kind is FindingKind.ADDED_CLAIM and f.story_fact]
    assert [f.rule for f in added] == ["fact.added:place"] and "'Eighty Mile Beach'" in added[0].message
    assert not [f for f in findings if "Eighty" in f.message and f.rule != "fact.added:place"]


def test_a_changed_place_is_paired_with_the_source_place_not_with_the_adjective_the_story_kept() -> None:
    from wirecheck.pipeline import compare

    source = ("A dolphin species that was feared to be extinct has been found washed up on a West Australian "
              "beach near Exmouth, giving researchers a rare chance to study the animal.")
    story = ("A dolphin species that was feared to be extinct has been found washed up on Eighty Mile Beach in "
             "Western Australia, giving researchers a rare chance to study the animal.")
    changed = [f for f in compare(story, source).findings if f.kind is FindingKind.PLACE_CHANGED]
    assert len(changed) == 1 and "Exmouth" in (changed[0].before or "")
    assert "Eighty Mile Beach" in (changed[0].after or "") and "km apart" in changed[0].message


@pytest.mark.parametrize("text", [
    "Hamilton was ahead of Rosberg after the first lap in Monaco.",
    "Rosberg finished behind Hamilton in Monaco.",
    "Lewis Hamilton beat Rosberg in Monaco by two seconds.",
    "Rosberg started third and finished ahead of Hamilton in Monaco.",
])
def test_a_rival_of_a_person_is_a_person_not_a_town(text: str) -> None:
    doc = analyse(text, lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Monaco"]
    assert "Rosberg" in {f.attrs["surname"] for f in doc.facts_of(FactType.PERSON)}


def test_a_place_behind_or_beaten_stays_a_place() -> None:
    doc = analyse("Troops advanced behind Rosberg. Lewis Hamilton beat Brazil in the team event.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Rosberg", "Brazil"]


@pytest.mark.parametrize("text", [
    "Dockworkers went on strike in the port city of Valparaíso on Monday.",
    "Valparaíso's mayor said the fire was under control.",
    "Thousands marched along Pedro Montt Avenue in Valparaíso.",
    "Crowds filled the streets of Valparaíso after the result.",
])
def test_words_that_say_town_make_a_city_named_like_its_region_the_city(text: str) -> None:
    got = _one(text, "Valparaíso")
    assert got["level"] == "settlement" and got["country_code"] == "CL"


def test_a_region_stays_the_region_where_the_words_do_not_say_town() -> None:
    assert _one("Wildfires spread across the Valparaíso region overnight.", "Valparaíso region")["level"] == "region"
    # "the Hunan city of Yueyang": the city is Yueyang; Hunan is the province.
    assert _one("In the Hunan city of Yueyang, reservoirs overflowed.", "Hunan")["level"] == "region"


def test_two_port_cities_named_like_their_regions_are_a_changed_place() -> None:
    comp = compare("Dockworkers in the Chilean port city of Valparaíso went on strike on Monday.",
                         "Dockworkers in the Chilean port city of Antofagasta went on strike on Monday.")
    assert [f.kind for f in comp.findings if f.kind in (FindingKind.PLACE_CHANGED, FindingKind.ADDED_CLAIM)] \
        == [FindingKind.PLACE_CHANGED]


def test_a_town_the_tagger_calls_a_place_needs_a_surer_person_to_lose_it() -> None:
    # Two lone names in a contest, one tagged a place: the teams of two towns, not two people.
    doc = analyse("Toronto finished ahead of Hamilton in the standings.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Toronto", "Hamilton"]
    # Beside a full name, a lone name on the other side is a person, whatever the tagger says.
    doc = analyse("Lewis Hamilton beat Jones in the final in Monaco.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Monaco"]


def test_a_lone_name_that_speaks_warns_or_argues_is_a_person_not_a_town() -> None:
    for text in ("Hamilton spoke to reporters in Monaco on Sunday.", "Hamilton warned that the tyres would not last.",
                 "Jara spoke to supporters in Valparaíso."):
        found = places(analyse(text, lang="en"))
        assert "Hamilton" not in found and "Jara" not in found, (text, found)


def test_a_governor_heads_the_region_and_a_time_zone_is_no_place() -> None:
    doc = analyse("The drone hit Klintsy at 4:30 a.m. Moscow time, Bryansk Governor Alexander Bogomaz said.")
    assert len(doc.sentences) == 1  # "a.m." before a time zone ends no sentence
    places = {f.text: (f.attrs.get("level"), f.attrs.get("resolved_name")) for f in doc.facts_of(FactType.PLACE)}
    assert places == {"Klintsy": ("settlement", "Klintsy"), "Bryansk": ("region", "Bryansk Oblast")}
    # Without the governor, the bare name is the city.
    city = analyse("The drone hit Bryansk at dawn.").facts_of(FactType.PLACE)
    assert [(f.attrs.get("level"), f.attrs.get("resolved_name")) for f in city] == [("settlement", "Bryansk")]


def test_a_country_in_cyrillic_and_the_office_it_names() -> None:
    # «Канади» is the country (pycountry's Ukrainian name in the gazetteer), not the village Kanada in Indonesia.
    [p] = analyse("Зеленський провів розмову з прем'єр-міністром Канади.", lang="uk").facts_of(FactType.PLACE)
    assert (p.attrs["level"], p.attrs["resolved_name"]) == ("country", "Canada")
    story = "President Volodymyr Zelensky held a phone call with the Prime Minister of {}."
    source = "КИЇВ, 3 березня. Президент Володимир Зеленський провів телефонну розмову з прем'єр-міністром Канади."
    swapped = compare(story.format("Australia"), source, story_lang="en", source_lang="uk")
    assert [f.after for f in swapped.findings if f.kind is FindingKind.PLACE_CHANGED] == ["Australia"]
    kept = compare(story.format("Canada"), source, story_lang="en", source_lang="uk")
    assert not [f for f in kept.findings if f.kind is FindingKind.PLACE_CHANGED]
    # "the Prime Minister of Canada in Ottawa" says where he was, not that Canada lies in Ottawa.
    met = compare("Zelensky met the Prime Minister of Canada in Ottawa.", source, story_lang="en", source_lang="uk")
    assert not [f for f in met.findings if f.kind in (FindingKind.PLACE_CHANGED, FindingKind.PLACE_NOT_IN_REGION)]


def test_a_seat_of_government_is_an_organisation_not_a_town_of_that_name() -> None:
    doc = analyse("White House spokeswoman Karine Jean-Pierre said the president would travel to Ohio. "
                  "The Kremlin declined to comment.", lang="en")
    assert sorted(f.text for f in doc.facts_of(FactType.PLACE)) == ["Ohio"]
    assert sorted(f.text for f in doc.facts_of(FactType.ORGANIZATION)) == ["Kremlin", "White House"]
    # Written as the town it also is, it is a place.
    town = analyse("Flooding closed roads in White House, Tennessee, on Monday.", lang="en")
    assert [f.text for f in town.facts_of(FactType.PLACE)][:1] == ["White House"]
