"""The store: schema migrations, idempotent ingest, clear rejections, and a killed ingest that loses
nothing it committed and stores every document exactly once after a rerun."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import cli_args, kill_mid_run, run_cli
from wirecheck.store.db import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, _statements
from wirecheck.store.ingest import ingest

TOWNS = ["Avdiivka", "Pokrovsk", "Kupiansk", "Lyman", "Orikhiv", "Huliaipole", "Kostiantynivka", "Vovchansk"]


def _article(i: int) -> dict[str, object]:
    town = TOWNS[i % len(TOWNS)]
    return {"id": f"doc-{i}", "role": "source" if i % 3 else "story", "outlet": f"outlet{i % 4}",
            "published": f"2026-01-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
            "text": f"Report {i}: forces near {town} repelled {i + 3} attacks on Monday, spokesman "
                    f"Ivan Petrenko{i} said, adding that {i * 7 + 1} shells hit the district."}


def _write_jsonl(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(_article(i)) + "\n")


def test_new_store_has_the_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        assert s.version == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_old_store_is_migrated_and_keeps_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for stmt in _statements(MIGRATIONS[0]):
        conn.execute(stmt)
    conn.execute("INSERT INTO documents (sha256, role, text, added_at) VALUES ('abc', 'source', 'x y z', 'now')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION
        assert s.count("source") == 1
        assert s.unchecked_stories() == []  # the v2 tables exist


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a wirecheck store"):
        Store(path)


def test_ingest_twice_stores_once(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    _write_jsonl(src, 12)
    (tmp_path / "dup.txt").write_text(str(_article(0)["text"]), encoding="utf-8")  # same text as doc-0
    with Store(tmp_path / "s.db") as s:
        first = ingest(s, [tmp_path], analysis="keys", workers=1)
        assert (first.stored, first.skipped, len(first.rejected)) == (12, 1, 0)
        second = ingest(s, [tmp_path], analysis="keys", workers=1)
        assert (second.stored, second.skipped) == (0, 13)
        assert s.count() == 12
        doc = s.find("doc-4")
        assert doc is not None
        assert (doc.role, doc.outlet, doc.published) == ("source", "outlet0", "2026-01-05T04:00:00Z")
        assert doc.lang == "en"


def test_each_rejected_file_gets_a_reason(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.jsonl").write_text(
        '{"text": "A perfectly fine article about the war in the east.", "role": "source"}\n'
        "{not json\n"
        '{"title": "no text"}\n'
        '{"text": "An article with an impossible role field here.", "role": "editorial"}\n'
        '{"text": "An article with a broken publication time here.", "published": "yesterday"}\n',
        encoding="utf-8")
    with Store(tmp_path / "s.db") as s:
        stats = ingest(s, [tmp_path, tmp_path / "missing.txt"], analysis="keys", workers=1)
    reasons = {Path(r.name.split(":")[0]).name + (":" + r.name.split(":")[1] if ":" in r.name else ""): r.reason
               for r in stats.rejected}
    assert stats.stored == 1
    assert "binary" in reasons["bin.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "not a text, HTML or JSON Lines file" in reasons["scan.pdf"]
    assert "invalid JSON" in reasons["bad.jsonl:2"]
    assert "'text'" in reasons["bad.jsonl:3"]
    assert "role" in reasons["bad.jsonl:4"]
    assert "ISO date" in reasons["bad.jsonl:5"]
    assert "no such file" in reasons["missing.txt"]


def test_html_page_keeps_title_and_site(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Drones hit Izmail port</title>"
        '<meta property="og:site_name" content="Danube Daily">'
        '<meta property="article:published_time" content="2026-02-03T10:00:00+02:00"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Drones hit Izmail port</h1>"
        "<p>A Russian drone attack on the Danube port of Izmail damaged a grain terminal and injured three "
        "workers, the regional governor said on Tuesday.</p>"
        "<p>Fires broke out at two warehouses and were put out by morning, officials said.</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    with Store(tmp_path / "s.db") as s:
        stats = ingest(s, [page], analysis="keys", workers=1, role="source")
        assert stats.stored == 1, stats.rejected
        doc = next(s.docs())
        assert doc.title == "Drones hit Izmail port"
        assert doc.outlet == "Danube Daily"
        assert "grain terminal" in doc.text and "Copyright" not in doc.text
        assert "n:3" not in s.keys_of(doc.id)  # "three" is a word; only digits make number keys
        assert "w:izmail" in s.keys_of(doc.id)


def test_ingest_cli_reports_counts_and_reasons(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "a.jsonl", 5)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    db = tmp_path / "s.db"
    proc = run_cli("ingest", str(tmp_path), "--db", str(db), "--analysis", "keys", "-q")
    assert proc.returncode == 0, proc.stderr
    assert "stored 5, skipped 0 (already stored), rejected 1" in proc.stdout
    assert "notes.pdf: not a text, HTML or JSON Lines file (.pdf)" in proc.stderr
    # Nothing usable at all: the reason on stderr and a non-zero exit, as for any other bad input.
    only_bad = run_cli("ingest", str(tmp_path / "notes.pdf"), "--db", str(tmp_path / "t.db"), "-q")
    assert only_bad.returncode == 1 and "notes.pdf" in only_bad.stderr


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        conn.close()


def test_killed_ingest_reruns_to_exactly_once(tmp_path: Path) -> None:
    n = 4000
    src = tmp_path / "archive.jsonl"
    _write_jsonl(src, n)
    db = tmp_path / "s.db"
    args = cli_args("ingest", str(src), "--db", str(db), "--analysis", "keys", "--batch", "5", "--workers", "2",
                    "-q")
    partial = kill_mid_run(args, lambda: _count(db), 100, 60)
    assert 0 < partial < n, f"the ingest was not interrupted mid-run ({partial} of {n} stored)"

    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"stored {n - partial}, skipped {partial}" in done.stdout
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM documents")]
    assert len(names) == n and len(set(names)) == n
    # The index has every document exactly once too.
    assert conn.execute("SELECT count(*) FROM doc_fts").fetchone()[0] == n
    assert conn.execute("SELECT count(DISTINCT doc_id) FROM doc_keys").fetchone()[0] == n
    conn.close()


def test_reader_connection_cannot_write_and_needs_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as s:
        s.insert_docs([])
    with Store(path, reader=True) as r:
        assert r.count() == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            r.conn.execute("DELETE FROM documents")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="expected v"):
        Store(path, reader=True)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", reader=True)
