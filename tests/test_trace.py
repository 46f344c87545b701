"""Source tracing: the true source ranks first for every story, across languages, despite same-day decoys
about the same places, and a source published after the story is never proposed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_store_corpus import FIXTURE, FIXTURE_STORIES, corpus, expected_sources
from wirecheck.store.db import Store
from wirecheck.trace.keys import surface_keys
from wirecheck.trace.search import trace_doc


def _top_names(store: Store, story_name: str, top: int = 3) -> list[str]:
    doc = store.find(story_name)
    assert doc is not None, story_name
    return [c.name for c in trace_doc(store, doc.id, top=top)]


def test_keys_meet_across_scripts_and_inflection() -> None:
    en = surface_keys("Colonel Yaramir Temirkhanov took part in the capture of Seversk on December 11.")
    ru = surface_keys("полковником Ярамиром Темирхановым, который участвовал в освобождении Северска 11 декабря")
    assert {"w:temirh", "w:aramir", "w:severs", "d:12-11", "n:11"} <= en & ru
    # Seversk and Severomorsk must not meet.
    assert "w:severs" not in surface_keys("They had taken Severomorsk after weeks of fighting.")


def test_number_keys_are_normalised() -> None:
    assert "n:12000" in surface_keys("More than 12,000 residents have fled")
    assert "n:12000" in surface_keys("более 12 000 жителей")
    assert "n:1.5" in surface_keys("a 1.5 km front")


def test_every_story_traces_to_its_true_source_first() -> None:
    expected = expected_sources()
    with Store(corpus("full")) as store:
        for story, sources in expected.items():
            top = _top_names(store, story)
            assert top and top[0] in sources, f"{story}: ranked {top}"


def test_fixture_rewrites_trace_to_the_fixture_report() -> None:
    with Store(corpus("full")) as store:
        for name in FIXTURE_STORIES:
            top = _top_names(store, str(FIXTURE / name))
            assert Path(top[0]).name in ("source-en.txt", "source-ru.txt"), f"{name}: ranked {top}"
            # The other language version of the same report beats every same-day decoy.
            assert {Path(t).name for t in top[:2]} == {"source-en.txt", "source-ru.txt"}, top


def test_english_rewrites_trace_to_a_russian_source() -> None:
    with Store(corpus("ru_only")) as store:
        for name in FIXTURE_STORIES:
            top = _top_names(store, str(FIXTURE / name))
            assert Path(top[0]).name == "source-ru.txt", f"{name}: ranked {top}"


def test_a_later_report_is_never_the_source() -> None:
    """The follow-up repeats the story's facts two days later: the time prior must rule it out."""
    with Store(corpus("full")) as store:
        for story in ("dailyworld-izmail", "newsnow-izmail"):
            doc = store.find(story)
            assert doc is not None
            names = [c.name for c in trace_doc(store, doc.id, top=20)]
            assert "wire-en-izmail-followup" not in names
            assert names[0] == "wire-en-izmail-drones"


def test_trace_cli_on_a_story_file(tmp_path: Path) -> None:
    db = corpus("ru_only")
    proc = run_cli("trace", str(FIXTURE / "derivative-quotes.txt"), "--db", str(db), "--json", "--no-compare",
                   "--published", "2025-12-11T20:00:00Z")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    top = out["candidates"][0]
    assert Path(top["name"]).name == "source-ru.txt"
    assert top["lang"] == "ru"
    # The evidence a reader sees: names met across scripts.
    assert any(k.startswith("w:temirh") or k.startswith("p:") for k in top["shared"])


def test_trace_cli_refuses_an_unknown_story(tmp_path: Path) -> None:
    proc = run_cli("trace", "no-such-story", "--db", str(corpus("full")))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "neither a file nor a document" in proc.stderr


@pytest.mark.parametrize("missing", ["nowhere.db"])
def test_trace_needs_an_existing_store(tmp_path: Path, missing: str) -> None:
    proc = run_cli("trace", "1", "--db", str(tmp_path / missing))
    assert proc.returncode != 0
    assert "no such store" in proc.stderr
