"""English extractors: people with titles and roles, units, organisations, numbers, dates, events.
Sentences are the project's own."""

from __future__ import annotations

from functools import lru_cache

from wirecheck.model import Document, FactType
from wirecheck.pipeline import analyse


@lru_cache(maxsize=64)
def doc(text: str) -> Document:
    return analyse(text, lang="en")


def facts(text: str, t: FactType) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in doc(text).facts if f.type is t]


def test_people_keep_title_and_role() -> None:
    d = doc("Colonel Yaramir Temirkhanov, commander of the 6th Separate Guards Motorized Rifle Brigade, "
            "met Governor Pavel Orlov in Kursk.")
    people = {f.attrs["name"]: f for f in d.facts if f.type is FactType.PERSON}
    assert people["Yaramir Temirkhanov"].attrs["title"] == "colonel"
    assert people["Yaramir Temirkhanov"].attrs["role"] == "commander"
    assert "6th Separate Guards" in people["Yaramir Temirkhanov"].attrs["role_of"]
    assert people["Pavel Orlov"].attrs["title"] == "governor"


def test_repeated_surname_is_the_person_not_a_town() -> None:
    d = doc("Governor Pavel Orlov said a drone hit a bus.\n\"Nobody died,\" Orlov wrote on Telegram.")
    later = [f for f in d.facts if f.text == "Orlov"]
    assert [f.type for f in later] == [FactType.PERSON]
    assert later[0].attrs["name"] == "Pavel Orlov"


def test_descriptions_refer_back_to_the_person() -> None:
    d = doc("Russian President Vladimir Putin spoke with two commanders. The Russian leader thanked them.")
    desc = [f for f in d.facts if f.type is FactType.PERSON and f.attrs.get("description")]
    assert desc and desc[0].key == "putin" and desc[0].text == "Russian leader"


def test_headline_words_are_not_people() -> None:
    assert facts("Ukraine Downs Dozens of Drones as Strikes Hit Region\n\nThe air force said 40 drones "
                 "were shot down.", FactType.PERSON) == []


def test_units_ordinal_descriptors_type_and_parent() -> None:
    d = doc("The 177th Regiment of the Caspian Flotilla and the 47th separate mechanized brigade held; "
            "the 177th Caspian Fleet Regiment too.")
    units = {f.text: f for f in d.facts if f.type is FactType.UNIT}
    assert units["177th Regiment"].attrs["parent"] == "caspian flotilla"
    assert units["47th separate mechanized brigade"].key == "47 separate mechanized brigade"
    assert units["177th Caspian Fleet Regiment"].attrs["parent"] == "caspian fleet"
    orgs = {k for _, k in facts("The 177th Regiment of the Caspian Flotilla held.", FactType.ORGANIZATION)}
    assert "caspian flotilla" in orgs


def test_numbers_with_qualifier_and_counted_noun() -> None:
    d = doc("More than 12,000 residents fled and air defences shot down 38 of 52 drones; thousands left.")
    nums = {f.key: f for f in d.facts if f.type is FactType.NUMBER}
    assert nums["12000"].attrs["qualifier"] == "more than" and nums["12000"].attrs["noun"] == "resident"
    assert nums["52"].attrs["noun"] == "drone" and "38" in nums
    assert nums["2000"].attrs["approx"] is True  # "thousands": an amount claim with no exact value


def test_dates_normalised() -> None:
    keys = {k for _, k in facts("MOSCOW, December 11. Earlier that day, and earlier in the day on Thursday, "
                                "after an hour-long call in 2025.", FactType.DATE)}
    assert {"month:12-11", "rel:same_day", "weekday:thursday", "year:2025"} <= keys
    assert any(k.startswith("duration:") and k.endswith("hour") for k in keys)


def test_events_classes_and_contrasts() -> None:
    keys = [k for _, k in facts("Two people were wounded and one was killed. Troops repelled three assaults "
                                "and pushed the enemy units out of the village.", FactType.EVENT)]
    assert keys[:4] == ["wound", "kill", "repel", "retreat"]
    from wirecheck.extractors.en_events import contrasting
    assert contrasting("kill", "wound") and contrasting("capture", "repel") and not contrasting("kill", "capture")


def test_british_and_american_organisation_names_match() -> None:
    a = facts("The Defence Ministry said so.", FactType.ORGANIZATION)
    b = facts("The Defense Ministry said so.", FactType.ORGANIZATION)
    assert a and a[0][1] == b[0][1]


def test_word_ordinals_count_their_noun_but_first_and_unit_numbers_do_not() -> None:
    d = doc("It was his third visit to Kyiv and the 70th anniversary of the treaty. "
            "For the first time, the 47th Brigade took part in a second round of drills.")
    got = {(f.text, f.key, f.attrs.get("noun")) for f in d.facts if f.type is FactType.NUMBER}
    assert got == {("third visit", "3", "visit"), ("70th anniversary", "70", "anniversary"),
                   ("second round", "2", "round")}


def test_state_bodies_keep_their_country_and_a_model_name_is_not_a_person() -> None:
    d = doc("Russia's Defence Ministry said a Vampire rocket launcher was hit. The Defence Ministry of "
            "Ukraine denied it. The Kursk, Voronezh and Rostov regions were shelled.")
    orgs = {f.key for f in d.facts if f.type is FactType.ORGANIZATION}
    assert {"russian defense ministry", "ukrainian defense ministry"} <= orgs
    assert not [f for f in d.facts if f.type is FactType.PERSON and f.text == "Vampire"]
    regions = {f.text: f.attrs.get("level") for f in d.facts if f.type is FactType.PLACE}
    assert regions.get("Kursk") == "region" and regions.get("Voronezh") == "region"


def test_region_of_x_is_a_region_and_a_demonym_before_region_is_not_a_place() -> None:
    d = doc("Floods swept through the eastern Spanish region of Valencia. Officials have not said how many "
            "people are missing.")
    places = {f.text: f for f in d.facts if f.type is FactType.PLACE}
    assert "Spanish region" not in places and "Spanish" not in places
    assert places["Valencia"].attrs.get("level") == "region" and places["Valencia"].key == "adm1:ES.60"
    assert not [f for f in d.facts if f.type is FactType.NUMBER]  # "how many" asks, it claims no amount


def test_currency_after_an_amount_hyphenated_names_and_acronyms() -> None:
    d = doc("The result beat the 3.8 trillion won analysts had expected, chief executive Han Jong-hee said. "
            "Analysts polled by LSEG had forecast 7 reais.")
    nouns = {f.text: f.attrs.get("noun") for f in d.facts if f.type is FactType.NUMBER}
    assert nouns == {"3.8 trillion won": "won", "7 reais": "real"}  # "won" is no verb here
    people = [f.attrs.get("name") for f in d.facts if f.type is FactType.PERSON]
    assert people == ["Han Jong-hee"]  # LSEG is a body, not a person


def test_buildings_and_institutions_of_common_words_are_not_towns() -> None:
    d = doc("Officials at the White House and the Red Cross said the case would be heard at the Old Bailey "
            "in London.")
    places = {f.text: f for f in d.facts if f.type is FactType.PLACE}
    assert "Red Cross" not in places
    # The seat of government is an organisation, not White House, Tennessee.
    assert "White House" not in places
    assert "White House" in {f.text for f in d.facts if f.type is FactType.ORGANIZATION}
    assert places["London"].attrs.get("geonameid")  # a real town still resolves


def test_standings_are_ordinal_places() -> None:
    from wirecheck.pipeline import compare

    d = doc("Mouscron is currently 13th in the Pro League. Verstappen finished third, ahead of Hamilton.")
    got = {(f.text, f.key, f.attrs.get("noun")) for f in d.facts if f.type is FactType.NUMBER}
    assert got == {("13th", "13", "place"), ("third", "3", "place")}
    comp = compare("Verstappen finished second in Monaco.", "Verstappen finished third in Monaco.")
    assert [f.message for f in comp.findings] == ["The source has it 3rd; the story 2nd."]


def test_a_club_named_after_its_town_is_not_the_town() -> None:
    d = doc("Manchester City beat Leeds United 3-1 in Manchester. He later flew to Kansas City.")
    places = [f.text for f in d.facts if f.type is FactType.PLACE]
    assert places == ["Manchester", "Kansas City"]
    assert d.facts_of(FactType.PLACE)[0].start == d.text.index("in Manchester") + 3


def test_a_common_noun_opening_a_sentence_is_not_a_person_when_the_text_writes_it_in_lower_case() -> None:
    text = ("Turnout was high across the country, officials said. In the north, where turnout fell, "
            "Putin said the vote was fair. He thanked Brown for the brown envelope.")
    doc = analyse(text, lang="en")
    # spaCy tags the opening "Turnout" as a person; a bare surname in mid-sentence stays one.
    assert sorted(f.text for f in doc.facts_of(FactType.PERSON)) == ["Brown", "Putin"]


def test_an_organisation_keeps_its_whole_name_and_leaves_the_place_after_it() -> None:
    doc = analyse("The Bank of England raised rates. Houthis attacked the oil tanker Eternity C in the Red Sea.",
                  lang="en")
    orgs = [f.text for f in doc.facts_of(FactType.ORGANIZATION)]
    places = [f.text for f in doc.facts_of(FactType.PLACE)]
    # Not a village called Bānk in India; the tagger's one ORG "Eternity C in the Red Sea" is two things.
    assert "Bank of England" in orgs and "Eternity C" in orgs and "Eternity C in the Red Sea" not in orgs
    assert places == ["Red Sea"]


def test_a_lone_name_that_speaks_is_a_person_not_a_town() -> None:
    doc = analyse("Hamilton was ahead of Rosberg after the first lap, and Hamilton said he was delighted.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PERSON)] == ["Hamilton", "Rosberg", "Hamilton"]
    assert not doc.facts_of(FactType.PLACE)  # Rosberg, ahead of whom Hamilton was, is a rival, not a town
    # A town named after a locative preposition stays a town, even where the tagger calls it a person.
    doc = analyse("Drones struck targets in Kherson overnight, Prokudin said.", lang="en")
    assert [f.text for f in doc.facts_of(FactType.PLACE)] == ["Kherson"]


def test_a_spelled_number_inside_a_name_is_no_count_but_a_title_case_headline_keeps_its_counts() -> None:
    assert facts("The family fed a white tiger at Six Flags Discovery Kingdom on Friday.", FactType.NUMBER) == []
    assert [t for t, _ in facts("Drone Strike Kills Three Civilians In Kherson", FactType.NUMBER)] == \
        ["Three Civilians"]
    assert [t for t, _ in facts("Three people died and Two others were hurt, the governor said.",
                                FactType.NUMBER)] == ["Three people", "Two others"]


def test_a_common_noun_opening_a_sentence_is_no_person() -> None:
    d = doc("Turnout was 52.3%, the bureau said.")
    assert not [f for f in d.facts if f.type is FactType.PERSON]
