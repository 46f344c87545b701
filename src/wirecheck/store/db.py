"""The corpus store: one SQLite file holding documents, their facts and index keys, comparisons and
findings.

The schema is versioned with ``PRAGMA user_version`` and upgraded by the ordered :data:`MIGRATIONS`
when a store is opened, so an old file keeps working after an upgrade.  WAL mode lets a reader
(``trace``, ``families``) run while an ingest is writing, and lets a killed writer lose only the
transaction it had not committed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirecheck.errors import WirecheckError

DEFAULT_DB = "wirecheck.db"
ROLES = ("source", "story")


class StoreError(WirecheckError):
    """The store file cannot be opened or is not a wirecheck store."""


def default_db_path() -> Path:
    return Path(os.environ.get("WIRECHECK_DB") or DEFAULT_DB)


# Each migration takes the store from version i to i+1.  Append only; never edit a shipped one.
_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('source', 'story')),
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT,
    published_ts REAL,
    lang TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    analysis TEXT NOT NULL DEFAULT 'keys',
    added_at TEXT NOT NULL
);
CREATE INDEX documents_role ON documents(role, published_ts);
CREATE TABLE facts (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    fid TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (doc_id, fid)
) WITHOUT ROWID;
-- Inverted index of language-neutral keys ("p:temirhanov", "gn:694423", "n:177") -> documents.
-- Postings are split by role so that tracing scans source postings only.
CREATE TABLE doc_keys (
    key TEXT NOT NULL,
    role TEXT NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, role, doc_id)
) WITHOUT ROWID;
CREATE INDEX doc_keys_doc ON doc_keys(doc_id, key);
CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');
"""

_V2 = """
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    trace_score REAL NOT NULL DEFAULT 0,
    fidelity REAL,
    story_facts TEXT NOT NULL DEFAULT '[]',
    source_facts TEXT NOT NULL DEFAULT '[]',
    verdicts TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    UNIQUE (story_id)
);
CREATE INDEX comparisons_source ON comparisons(source_id);
CREATE TABLE findings (
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    source_id INTEGER,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    story_text TEXT,
    source_text TEXT,
    before TEXT,
    after TEXT,
    story_fact TEXT,
    source_fact TEXT,
    confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX findings_story ON findings(story_id);
CREATE INDEX findings_kind ON findings(kind);
"""

# Counters of distinct keys per document let trace turn raw overlap into a normalised score cheaply.
_V3 = """
ALTER TABLE documents ADD COLUMN n_keys INTEGER NOT NULL DEFAULT 0;
CREATE TABLE key_df (
    key TEXT NOT NULL,
    role TEXT NOT NULL,
    df INTEGER NOT NULL,
    PRIMARY KEY (key, role)
) WITHOUT ROWID;
"""



def _v4(conn: sqlite3.Connection) -> None:
    """Document frequency of full-text terms, so trace can query FTS5 with rare words only (a query
    with words every document has makes BM25 score the whole archive)."""
    from wirecheck.trace.keys import terms

    conn.execute("CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
    counts: dict[str, int] = {}
    for (text,) in conn.execute("SELECT text FROM documents"):
        for t in terms(text):
            counts[t] = counts.get(t, 0) + 1
    conn.executemany("INSERT INTO term_df (term, df) VALUES (?, ?)", counts.items())


# The story's error risk (wirecheck.risk) beside its fidelity; NULL for stories checked before v5 and for
# cross-language pairs.
_V5 = "ALTER TABLE comparisons ADD COLUMN risk REAL;"

MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_V1, _V2, _V3, _v4, _V5]
SCHEMA_VERSION = len(MIGRATIONS)


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: object) -> tuple[str | None, float | None]:
    """An ISO date or date-time (or epoch seconds) -> (ISO text, epoch seconds, UTC if no zone)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        dt = datetime.fromtimestamp(float(value), UTC)
    else:
        s = str(value).strip()
        if s.endswith("Z"):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            raise ValueError(f"published time {value!r} is not an ISO date (YYYY-MM-DD[THH:MM[:SS][+HH:MM]])") \
                from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z"), dt.timestamp()


@dataclass
class DocRecord:
    """A document as ingest hands it to the store (facts and keys already computed)."""

    text: str
    role: str
    name: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str | None = None
    published_ts: float | None = None
    lang: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    analysis: str = "keys"
    sha256: str = ""


@dataclass
class StoredDoc:
    id: int
    sha256: str
    role: str
    name: str
    title: str
    outlet: str
    url: str
    published: str | None
    published_ts: float | None
    lang: str
    text: str
    meta: dict[str, Any]
    analysis: str

    @property
    def label(self) -> str:
        return self.name or self.title or f"#{self.id}"


_DOC_COLS = "id, sha256, role, name, title, outlet, url, published, published_ts, lang, text, meta, analysis"


def _row_doc(r: Sequence[Any]) -> StoredDoc:
    return StoredDoc(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], json.loads(r[11]),
                     r[12])


class Store:
    """A connection to one store file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False, reader: bool = False) -> None:
        """``reader=True`` opens a connection that cannot write (``PRAGMA query_only``), for the worker
        processes of a batch: the store must exist at the current schema version, and one process (the
        one that opened it normally) stays the only writer."""
        self.path = Path(path)
        if (readonly or reader) and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `wirecheck ingest` first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
            if reader:
                self.conn.execute("PRAGMA query_only=ON")
            else:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA temp_store=MEMORY")
            self.conn.execute("PRAGMA cache_size=-65536")
            if reader:
                if self.version != SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: store schema v{self.version}, expected v{SCHEMA_VERSION} "
                                     "(open it once for writing to upgrade it)")
            else:
                self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a wirecheck store ({e})") from None

    # -- schema -----------------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        v = self.version
        if v > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema v{v} is newer than this wirecheck (v{SCHEMA_VERSION})")
        if v == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: an SQLite file that is not a wirecheck store")
        for i in range(v, SCHEMA_VERSION):
            # One transaction per step: a crash mid-upgrade leaves the previous version intact.
            with self.transaction():
                step = MIGRATIONS[i]
                if callable(step):
                    step(self.conn)
                else:
                    for stmt in _statements(step):
                        self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version={i + 1}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    class _Tx:
        """``BEGIN <mode>`` on entry; COMMIT on a clean exit, ROLLBACK after an exception."""

        def __init__(self, conn: sqlite3.Connection, mode: str = "IMMEDIATE") -> None:
            self.conn, self.mode = conn, mode

        def __enter__(self) -> sqlite3.Connection:
            self.conn.execute(f"BEGIN {self.mode}")
            return self.conn

        def __exit__(self, exc_type: object, *rest: object) -> None:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")

    def transaction(self) -> Store._Tx:
        return Store._Tx(self.conn)

    def snapshot(self) -> Store._Tx:
        """A read transaction: every query inside sees the store as it was at the first one, whatever
        another process commits meanwhile.  Keep it short (it holds back WAL checkpoints)."""
        return Store._Tx(self.conn, "DEFERRED")

    # -- documents --------------------------------------------------------------------------------------
    def has_hash(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE sha256=?", (sha256,)).fetchone() is not None

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        out: set[str] = set()
        hs = list(hashes)
        for i in range(0, len(hs), 500):
            chunk = hs[i:i + 500]
            q = f"SELECT sha256 FROM documents WHERE sha256 IN ({','.join('?' * len(chunk))})"
            out.update(r[0] for r in self.conn.execute(q, chunk))
        return out

    def insert_docs(self, records: Iterable[DocRecord]) -> list[int | None]:
        """Insert in one transaction; a document whose text is already stored is skipped (None)."""
        ids: list[int | None] = []
        with self.transaction() as c:
            for rec in records:
                cur = c.execute(
                    "INSERT OR IGNORE INTO documents (sha256, role, name, title, outlet, url, published, "
                    "published_ts, lang, text, meta, analysis, added_at, n_keys) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (rec.sha256, rec.role, rec.name, rec.title, rec.outlet, rec.url, rec.published,
                     rec.published_ts, rec.lang, rec.text, json.dumps(rec.meta, ensure_ascii=False, default=str),
                     rec.analysis, now_iso(), len(set(rec.keys))))
                if cur.rowcount == 0:
                    ids.append(None)
                    continue
                doc_id = int(cur.lastrowid or 0)
                ids.append(doc_id)
                c.executemany(
                    'INSERT OR IGNORE INTO facts (doc_id, fid, type, key, text, start, "end", sentence, attrs) '
                    "VALUES (?,?,?,?,?,?,?,?,?)",
                    [(doc_id, f["id"], f["type"], f.get("key", ""), f.get("text", ""), f.get("start", 0),
                      f.get("end", 0), f.get("sentence", 0),
                      json.dumps(f.get("attrs", {}), ensure_ascii=False, default=str)) for f in rec.facts])
                keys = sorted(set(rec.keys))
                c.executemany("INSERT OR IGNORE INTO doc_keys (key, role, doc_id) VALUES (?, ?, ?)",
                              [(k, rec.role, doc_id) for k in keys])
                c.executemany("INSERT INTO key_df (key, role, df) VALUES (?, ?, 1) "
                              "ON CONFLICT (key, role) DO UPDATE SET df = df + 1",
                              [(k, rec.role) for k in keys])
                c.executemany("INSERT INTO term_df (term, df) VALUES (?, 1) "
                              "ON CONFLICT (term) DO UPDATE SET df = df + 1", [(t,) for t in set(rec.terms)])
                c.execute("INSERT INTO doc_fts (rowid, title, body) VALUES (?, ?, ?)",
                          (doc_id, rec.title, rec.text))
        return ids

    def get(self, doc_id: int) -> StoredDoc | None:
        r = self.conn.execute(f"SELECT {_DOC_COLS} FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _row_doc(r) if r else None

    def find(self, ref: str) -> StoredDoc | None:
        """A document by id (``12`` or ``#12``), content hash (or a unique prefix of 8+), or name."""
        ref = ref.strip()
        if ref.lstrip("#").isdigit():
            return self.get(int(ref.lstrip("#")))
        if len(ref) >= 8 and all(ch in "0123456789abcdef" for ch in ref.lower()):
            rows = self.conn.execute(f"SELECT {_DOC_COLS} FROM documents WHERE sha256 LIKE ? LIMIT 2",
                                     (ref.lower() + "%",)).fetchall()
            if len(rows) == 1:
                return _row_doc(rows[0])
        rows = self.conn.execute(f"SELECT {_DOC_COLS} FROM documents WHERE name=? ORDER BY id LIMIT 2",
                                 (ref,)).fetchall()
        return _row_doc(rows[0]) if rows else None

    def docs(self, role: str | None = None, ids: Iterable[int] | None = None) -> Iterator[StoredDoc]:
        if ids is not None:
            idl = list(ids)
            for i in range(0, len(idl), 500):
                chunk = idl[i:i + 500]
                q = f"SELECT {_DOC_COLS} FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
                yield from (_row_doc(r) for r in self.conn.execute(q, chunk))
            return
        if role:
            cur = self.conn.execute(f"SELECT {_DOC_COLS} FROM documents WHERE role=? ORDER BY id", (role,))
        else:
            cur = self.conn.execute(f"SELECT {_DOC_COLS} FROM documents ORDER BY id")
        yield from (_row_doc(r) for r in cur)

    def count(self, role: str | None = None) -> int:
        if role:
            return int(self.conn.execute("SELECT count(*) FROM documents WHERE role=?", (role,)).fetchone()[0])
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def facts_of(self, doc_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            'SELECT fid, type, key, text, start, "end", sentence, attrs FROM facts WHERE doc_id=? '
            "ORDER BY start", (doc_id,)).fetchall()
        return [{"id": r[0], "type": r[1], "key": r[2], "text": r[3], "start": r[4], "end": r[5],
                 "sentence": r[6], "attrs": json.loads(r[7])} for r in rows]

    def keys_of(self, doc_id: int) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT key FROM doc_keys WHERE doc_id=?", (doc_id,))]

    # -- comparisons ------------------------------------------------------------------------------------
    def unchecked_stories(self) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN comparisons c ON c.story_id = d.id "
            "WHERE d.role='story' AND c.id IS NULL ORDER BY d.id")]

    def save_result(self, result: dict[str, Any]) -> int:
        """Store one story's check (see :func:`wirecheck.trace.check.result_of`), replacing an older one."""
        with self.transaction() as c:
            c.execute("DELETE FROM comparisons WHERE story_id=?", (result["story_id"],))
            cur = c.execute(
                "INSERT INTO comparisons (story_id, source_id, trace_score, fidelity, risk, story_facts, "
                "source_facts, verdicts, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (result["story_id"], result.get("source_id"), result.get("trace_score", 0.0),
                 result.get("fidelity"), result.get("risk"), json.dumps(result.get("story_facts", []), ensure_ascii=False),
                 json.dumps(result.get("source_facts", []), ensure_ascii=False),
                 json.dumps(result.get("verdicts", []), ensure_ascii=False), now_iso()))
            cid = int(cur.lastrowid or 0)
            c.executemany(
                "INSERT INTO findings (comparison_id, story_id, source_id, kind, severity, message, "
                "story_text, source_text, before, after, story_fact, source_fact, confidence) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(cid, result["story_id"], result.get("source_id"), f["kind"], f["severity"], f["message"],
                  (f.get("story") or {}).get("text"), (f.get("source") or {}).get("text"), f.get("before"),
                  f.get("after"), f.get("story_fact"), f.get("source_fact"), f.get("confidence", 1.0))
                 for f in result.get("findings", [])])
        return cid

    def comparisons(self, source_id: int | None = None) -> list[dict[str, Any]]:
        q = ("SELECT c.id, c.story_id, c.source_id, c.trace_score, c.fidelity, c.story_facts, c.source_facts, "
             "c.verdicts, d.outlet, d.name, d.title, c.risk FROM comparisons c "
             "JOIN documents d ON d.id = c.story_id")
        args: tuple[Any, ...] = ()
        if source_id is not None:
            q += " WHERE c.source_id=?"
            args = (source_id,)
        out = []
        for r in self.conn.execute(q + " ORDER BY c.story_id", args):
            out.append({"id": r[0], "story_id": r[1], "source_id": r[2], "trace_score": r[3],
                        "fidelity": r[4], "story_facts": json.loads(r[5]), "source_facts": json.loads(r[6]),
                        "verdicts": json.loads(r[7]), "outlet": r[8], "story_name": r[9], "story_title": r[10],
                        "risk": r[11]})
        return out

    def findings(self, story_id: int | None = None) -> list[dict[str, Any]]:
        q = ("SELECT f.story_id, f.source_id, d.outlet, d.name, d.url, f.kind, f.severity, f.message, "
             "f.story_text, f.source_text, f.before, f.after, f.story_fact, f.source_fact, f.confidence "
             "FROM findings f JOIN documents d ON d.id = f.story_id")
        args: tuple[Any, ...] = ()
        if story_id is not None:
            q += " WHERE f.story_id=?"
            args = (story_id,)
        cols = ["story_id", "source_id", "outlet", "story_name", "story_url", "kind", "severity", "message",
                "story_text", "source_text", "before", "after", "story_fact", "source_fact", "confidence"]
        return [dict(zip(cols, r, strict=True)) for r in self.conn.execute(q + " ORDER BY f.rowid", args)]


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our DDL strings)."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    return Store(path or default_db_path(), readonly=readonly)

