"""The offline gazetteer: names in any script and spelling, region codes, aliases, containment."""

from __future__ import annotations

import pytest

from wirecheck.gazetteer import Gazetteer, distance_km, get, name_key
from wirecheck.gazetteer.build import current_version, source_version


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return get()


def _regions(places: list) -> set[str]:
    return {p.region_code for p in places if p.level == "settlement"}


def test_same_name_in_two_scripts_gives_the_same_candidates(gz: Gazetteer) -> None:
    latin, cyrillic = gz.lookup("Seversk"), gz.lookup("Северск")
    assert {p.id for p in latin} == {p.id for p in cyrillic}
    # Seversk, Tomsk Oblast and Siversk, Donetsk Oblast are both called Seversk/Северск.
    assert {"RU.75", "UA.05"} <= _regions(latin)


@pytest.mark.parametrize("variant", ["Severodonetsk", "Sievierodonetsk", "Siverskodonetsk", "Северодонецк",
                                     "Сєвєродонецьк", "Severodonnetsk"])
def test_transliterations_of_one_town_meet(gz: Gazetteer, variant: str) -> None:
    top = gz.lookup(variant)[0]
    assert top.region_code == "UA.14" and top.name == "Siverskodonetsk"


@pytest.mark.parametrize("variant", ["Sloviansk", "Slavyansk", "Slov’yansk", "Славянск", "Слов'янськ"])
def test_sloviansk_spellings_resolve_to_the_donetsk_town(gz: Gazetteer, variant: str) -> None:
    top = gz.lookup(variant)[0]
    assert top.region_code == "UA.05" and top.population > 50_000


def test_geonames_admin1_codes_are_not_iso_numbers(gz: Gazetteer) -> None:
    donetsk = gz.region("UA.05")
    assert donetsk is not None and "Donetsk" in donetsk.name
    assert gz.region("UA-14") == donetsk  # ISO 3166-2 number of the same oblast
    luhansk = gz.region("UA-09")
    assert luhansk is not None and luhansk.region_code == "UA.14"
    bryansk = gz.region("RU-BRY")
    assert bryansk is not None and bryansk.region_code == "RU.10"


@pytest.mark.parametrize(("alias", "code"), [
    ("DPR", "UA.05"), ("DNR", "UA.05"), ("ДНР", "UA.05"), ("Donetsk People's Republic", "UA.05"),
    ("Donetsk People’s Republic", "UA.05"), ("LPR", "UA.14"), ("ЛНР", "UA.14"), ("Kharkov oblast", "UA.07"),
    ("Харьковская область", "UA.07"), ("Kharkiv Oblast", "UA.07"), ("Bryansk Oblast", "RU.10"),
])
def test_de_facto_and_colloquial_region_names(gz: Gazetteer, alias: str, code: str) -> None:
    regions = [p for p in gz.lookup(alias) if p.level == "region"]
    assert regions and regions[0].region_code == code


def test_containment_by_region_area_and_country(gz: Gazetteer) -> None:
    donbas = gz.lookup("Donbass")[0]
    kramatorsk, sevsk = gz.lookup("Kramatorsk")[0], gz.lookup("Sevsk")[0]
    assert gz.contains(donbas, kramatorsk) and not gz.contains(donbas, sevsk)
    assert gz.contains(gz.country("RU"), sevsk) and not gz.contains(gz.country("UA"), sevsk)
    assert gz.contains(gz.region("RU.10"), sevsk)
    assert gz.contains(gz.country("US"), gz.region("US.TX"))


def test_distance_between_kyiv_and_kharkiv(gz: Gazetteer) -> None:
    kyiv, kharkiv = gz.lookup("Kyiv")[0], gz.lookup("Kharkiv")[0]
    assert 400 < distance_km(kyiv, kharkiv) < 430


def test_similar_names_inside_a_region(gz: Gazetteer) -> None:
    found = gz.similar_names("Kramatorks", within=gz.region("UA.05"))
    assert found and found[0][0].name == "Kramatorsk"
    assert all(p.region_code == "UA.05" for p, _ in found)


def test_common_words_and_nonsense_are_not_places(gz: Gazetteer) -> None:
    assert gz.lookup("Xqzzyvv") == []
    assert gz.lookup("") == []


def test_keys_are_script_blind_and_ignore_apostrophes() -> None:
    assert name_key("Северск") == name_key("Seversk") == "seversk"
    assert name_key("Slov’yansk") == name_key("Slov'yansk") == "slovyansk"


def test_the_built_file_is_current() -> None:
    gz = get()
    assert current_version(gz.path) == source_version()
    assert gz.stats()["places"] > 200_000


def test_a_broken_file_is_not_taken_for_current(tmp_path) -> None:
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_bytes(b"not a database")
    assert current_version(bad) is None
    assert current_version(tmp_path / "missing.sqlite") is None


def test_an_unwritable_data_folder_is_a_clear_error(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    blocker = tmp_path / "file"
    blocker.write_text("x")
    exe = Path(sys.executable).with_name("wirecheck")
    story = tmp_path / "story.txt"
    story.write_text("Shelling hit Kramatorsk in the Donetsk region on Tuesday, officials said.")
    env = dict(os.environ, WIRECHECK_DATA=str(blocker / "sub"))
    res = subprocess.run([str(exe), "places", str(story)], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 3
    assert "WIRECHECK_DATA" in res.stderr and "Traceback" not in res.stderr


def test_every_countrys_demonym_is_known_and_shared_ones_name_none(gz: Gazetteer) -> None:
    panama = next(p for p in gz.lookup("Panama", sound=False) if p.level == "country")
    assert gz.demonym_country("Panamanian") == panama.id and gz.demonym_country("Panamanians") == panama.id
    assert gz.demonym_country("Liberian") is not None and gz.demonym_country("Sudanese") is not None
    assert gz.demonym_country("Dominican") is None  # the Dominican Republic's or Dominica's
    assert not gz.lookup("Liberian", sound=False)  # an adjective only when asked for
