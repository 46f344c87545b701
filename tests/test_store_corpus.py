"""The test corpus: the shared Seversk fixtures plus our own wire reports, rewrites and same-day decoys
(tests/data/corpus/), analysed once per session and stored in two variants:

* ``full``: every source, the English and the Russian fixture report included;
* ``ru_only``: the English fixture report left out, so the fixture rewrites can only trace to the
  Russian one.

Other corpus tests import :func:`corpus` from here; the builders are cached so the NLP analysis runs once.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from wirecheck.store.db import DocRecord, Store
from wirecheck.store.ingest import Item, Rejected, iter_items, prepare

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURE = SHARED / "fixtures" / "seversk-2025-12-11"
CORPUS = ROOT / "tests" / "data" / "corpus"

# The fixture report is dated December 11 (TASS); the rewrites appeared later that day.
FIXTURE_SOURCE_TIME = "2025-12-11T12:00:00Z"
FIXTURE_STORY_TIME = "2025-12-11T18:00:00Z"
FIXTURE_STORIES = {"derivative-seed.txt": "seedpost.example", "derivative-quotes.txt": "quotesdaily.example"}


def _items() -> list[Item]:
    rejected: list[Rejected] = []
    items = list(iter_items([CORPUS / "sources.jsonl", CORPUS / "stories.jsonl"], on_reject=rejected.append))
    for name in ("source-en.txt", "source-ru.txt"):
        items += list(iter_items([FIXTURE / name], role="source", outlet="TASS", published=FIXTURE_SOURCE_TIME,
                                 on_reject=rejected.append))
    for name, outlet in FIXTURE_STORIES.items():
        items += list(iter_items([FIXTURE / name], role="story", outlet=outlet, published=FIXTURE_STORY_TIME,
                                 on_reject=rejected.append))
    assert not rejected, rejected
    return items


@lru_cache(maxsize=1)
def prepared() -> tuple[DocRecord, ...]:
    if not FIXTURE.exists():
        pytest.skip("../shared is not beside the project")
    out = []
    for it in _items():
        rec = prepare(it, "full")
        assert isinstance(rec, DocRecord), f"{it.name} rejected: {rec}"
        out.append(rec)
    return tuple(out)


_TMP = Path(tempfile.mkdtemp(prefix="wirecheck-corpus-"))
atexit.register(shutil.rmtree, _TMP, True)


@lru_cache(maxsize=4)
def corpus(variant: str = "full") -> Path:
    """Path of a store holding the test corpus (built once per session per variant)."""
    path = _TMP / f"{variant}.db"
    recs = [r for r in prepared() if not (variant == "ru_only" and r.name.endswith("source-en.txt"))]
    with Store(path) as store:
        store.insert_docs(recs)
    return path


def expected_sources() -> dict[str, set[str]]:
    """Story name -> names of the sources it may be traced to."""
    out: dict[str, set[str]] = {}
    for line in (CORPUS / "stories.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        out[obj["id"]] = {obj["meta"]["expected_source"]}
    return out


def test_corpus_is_stored_once_per_document() -> None:
    with Store(corpus("full")) as store:
        n_items = len(prepared())
        assert store.count() == n_items
        assert store.count("source") == sum(1 for r in prepared() if r.role == "source")
        # Same-day decoys in Russian and English are part of the archive.
        langs = {d.lang for d in store.docs("source")}
        assert {"en", "ru", "uk"} <= langs


def test_decoys_share_day_and_place_with_the_fixture_source() -> None:
    """The decoys are real competition: same date and same town as the fixture report."""
    with Store(corpus("full")) as store:
        src = next(d for d in store.docs("source") if d.name.endswith("source-en.txt"))
        src_keys = set(store.keys_of(src.id))
        decoys = [d for d in store.docs("source") if "seversk" in d.name]
        assert len(decoys) >= 2
        for d in decoys:
            shared = src_keys & set(store.keys_of(d.id))
            assert "d:12-11" in shared
            assert any(k.startswith("w:severs") for k in shared)


@lru_cache(maxsize=1)
def checked() -> Path:
    """The full corpus after an in-process ``batch`` (trace + compare of every story)."""
    from wirecheck.trace.batch import run_batch

    path = _TMP / "checked.db"
    shutil.copy(corpus("full"), path)
    with Store(path) as store:
        stats = run_batch(store, workers=1)
        assert not stats.errors, stats.errors
        assert stats.checked == store.count("story")
    return path
