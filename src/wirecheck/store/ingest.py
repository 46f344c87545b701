"""Read text, HTML and JSON Lines files (or folders of them) into the store.

Idempotent and resumable: a document is identified by the SHA-256 of its text; texts already stored are
skipped before any analysis, and each small batch is committed in its own transaction, so a killed
ingest loses at most the batch in flight and a rerun carries on where it stopped.

The expensive part (language detection, the NLP pipeline, index keys) is :func:`prepare`, a pure
function of one item that runs in worker processes (one per core by default).

JSON Lines fields (one article per line; only ``text`` is required):
``text``, ``title``, ``outlet``, ``url``, ``published`` (ISO date or date-time, or epoch seconds),
``lang`` (en/ru/uk, default detected), ``role`` (``source`` or ``story``), ``id`` (your identifier, kept
as the document name), ``meta`` (an object kept as is).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from wirecheck.errors import InputError, WirecheckError
from wirecheck.store.db import ROLES, DocRecord, Store, parse_time

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
ANALYSIS_MODES = ("full", "keys")


@dataclass
class Item:
    """One article read from disk, before analysis."""

    text: str
    name: str
    role: str
    meta: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: object = None
    lang: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Rejected:
    name: str
    reason: str


@dataclass
class IngestStats:
    stored: int = 0
    skipped: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def _outlet_of(url: str) -> str:
    host = urlparse(url).netloc.lower() if url else ""
    return host.removeprefix("www.")


def _item_from_json(obj: object, name: str, default_role: str) -> Item:
    if not isinstance(obj, dict):
        raise InputError(f"{name}: a JSON Lines article must be an object, not {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: missing or empty 'text' field")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text.split()) < 3:
        raise InputError(f"{name}: too short to be an article ({len(text.split())} words)")
    role = str(obj.get("role") or default_role)
    if role not in ROLES:
        raise InputError(f"{name}: role must be 'source' or 'story', not {role!r}")
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    url = str(obj.get("url") or "")
    return Item(text=text, name=str(obj.get("id") or name), role=role, meta=dict(meta or {}),
                title=str(obj.get("title") or ""), outlet=str(obj.get("outlet") or _outlet_of(url)),
                url=url, published=obj.get("published"), lang=str(obj.get("lang") or ""))


def _iter_files(paths: Iterable[str | Path], on_reject: Callable[[Rejected], None],
                skip: set[Path] | None = None) -> Iterator[Path]:
    skip = skip or set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            on_reject(Rejected(str(p), "no such file or folder"))
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if (f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
                        and f.resolve() not in skip):
                    yield f
        else:
            yield p


def iter_items(paths: Iterable[str | Path], *, role: str = "story", outlet: str = "",
               published: str | None = None, on_reject: Callable[[Rejected], None],
               skip: set[Path] | None = None) -> Iterator[Item]:
    """Every article under ``paths``; what cannot be read goes to ``on_reject`` with its reason.

    Files in ``skip`` (the store itself, when it sits in an ingested folder) are passed over silently.
    """
    from wirecheck.inputs import read_article

    for f in _iter_files(paths, on_reject, skip):
        ext = f.suffix.lower()
        if ext in JSONL_EXT:
            yield from _iter_jsonl(f, role, on_reject)
            continue
        if ext not in TEXT_EXT | HTML_EXT:
            on_reject(Rejected(str(f), f"not a text, HTML or JSON Lines file ({ext or 'no extension'})"))
            continue
        try:
            art = read_article(f)
        except WirecheckError as e:
            on_reject(Rejected(str(f), str(e).removeprefix(f"{f}: ")))
            continue
        url = str(art.meta.get("url") or "")
        yield Item(text=art.text, name=str(f), role=role, meta=art.meta,
                   title=str(art.meta.get("title") or ""),
                   outlet=outlet or str(art.meta.get("sitename") or "") or _outlet_of(url), url=url,
                   published=published or art.meta.get("date"))


def _iter_jsonl(f: Path, role: str, on_reject: Callable[[Rejected], None]) -> Iterator[Item]:
    try:
        fh = f.open("rb")
    except OSError as e:
        on_reject(Rejected(str(f), f"cannot open ({e.strerror})"))
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            name = f"{f}:{lineno}"
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
                yield _item_from_json(obj, name, role)
            except UnicodeDecodeError:
                on_reject(Rejected(name, "not UTF-8"))
            except json.JSONDecodeError as e:
                on_reject(Rejected(name, f"invalid JSON ({e.msg} at column {e.colno})"))
            except InputError as e:
                on_reject(Rejected(name, str(e).removeprefix(f"{name}: ")))


def prepare(item: Item, analysis: str = "full") -> DocRecord | Rejected:
    """Analyse one item into a record ready to store (runs in a worker process)."""
    from wirecheck.language.detect import detect_language
    from wirecheck.pipeline import SUPPORTED_LANGS
    from wirecheck.trace.keys import doc_keys, terms

    try:
        published, published_ts = parse_time(item.published)
    except ValueError as e:
        return Rejected(item.name, str(e))
    lang = item.lang or detect_language(item.text)[0]
    if lang not in SUPPORTED_LANGS:
        return Rejected(item.name, f"language {lang or 'unknown'!r} is not supported "
                                   f"(wirecheck reads {', '.join(SUPPORTED_LANGS)})")
    facts: list[dict[str, Any]] = []
    if analysis == "full":
        from wirecheck.pipeline import analyse

        try:
            doc = analyse(item.text, role=item.role, lang=lang, name=item.name, meta=item.meta)
        except WirecheckError as e:
            return Rejected(item.name, str(e))
        except Exception as e:  # a failing extractor must not stop a long ingest; report the document
            return Rejected(item.name, f"analysis failed ({type(e).__name__}: {e})")
        facts = [f.to_dict() for f in doc.facts]
    keys = doc_keys(item.text, facts)
    return DocRecord(text=item.text, role=item.role, name=item.name, title=item.title, outlet=item.outlet,
                     url=item.url, published=published, published_ts=published_ts, lang=lang,
                     meta=item.meta, facts=facts, keys=sorted(keys), terms=sorted(terms(f'{item.title} {item.text}')),
                     analysis=analysis, sha256=item.sha256)


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                "NUMEXPR_NUM_THREADS")


def worker_init() -> None:
    """One BLAS/OpenMP thread per worker process (unless the user chose otherwise): N workers each
    spinning up N threads oversubscribe the cores and run slower than one process (as Dask does)."""
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")


def _prepare_many(items: list[Item], analysis: str) -> list[DocRecord | Rejected]:
    return [prepare(it, analysis) for it in items]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def pool_context() -> multiprocessing.context.BaseContext:
    """Workers start from a clean interpreter, not a fork of this one: a fork taken while another
    thread (rich's progress refresh, a model's thread pool) holds a lock can deadlock the child."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ingest(store: Store, paths: Iterable[str | Path], *, role: str = "story", outlet: str = "",
           published: str | None = None, analysis: str = "full", workers: int | None = None,
           batch: int = 8, on_progress: Callable[[IngestStats, int], None] | None = None,
           items: Iterable[Item] | None = None) -> IngestStats:
    """Store every article under ``paths`` (or the given ``items``) once.

    ``on_progress(stats, total_seen)`` is called after every committed batch.
    """
    if role not in ROLES:
        raise InputError(f"role must be 'source' or 'story', not {role!r}")
    if analysis not in ANALYSIS_MODES:
        raise InputError(f"analysis must be one of {', '.join(ANALYSIS_MODES)}, not {analysis!r}")
    stats = IngestStats()
    seen: set[str] = set()
    total = 0

    def reject(r: Rejected) -> None:
        stats.rejected.append(r)

    own = {store.path.resolve().with_name(store.path.name + sfx) for sfx in ("", "-wal", "-shm", "-journal")}
    source = items if items is not None else iter_items(paths, role=role, outlet=outlet, published=published,
                                                        on_reject=reject, skip=own)

    def batches() -> Iterator[list[Item]]:
        nonlocal total
        pending: list[Item] = []
        for it in source:
            total += 1
            pending.append(it)
            if len(pending) >= batch:
                yield _fresh(pending)
                pending = []
        if pending:
            yield _fresh(pending)

    def _fresh(chunk: list[Item]) -> list[Item]:
        # Skip texts already stored (a rerun) or already queued in this run, before any analysis.
        known = store.known_hashes(it.sha256 for it in chunk)
        out = []
        for it in chunk:
            h = it.sha256
            if h in known or h in seen:
                stats.skipped += 1
            else:
                seen.add(h)
                out.append(it)
        return out

    def commit(results: list[DocRecord | Rejected]) -> None:
        recs = [r for r in results if isinstance(r, DocRecord)]
        for r in results:
            if isinstance(r, Rejected):
                stats.rejected.append(r)
        ids = store.insert_docs(recs) if recs else []
        stats.stored += sum(1 for i in ids if i is not None)
        stats.skipped += sum(1 for i in ids if i is None)
        if on_progress:
            on_progress(stats, total)

    n_workers = default_workers() if workers is None else max(1, workers)
    if n_workers == 1:
        for chunk in batches():
            commit(_prepare_many(chunk, analysis))
        return stats
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=pool_context(),
                             initializer=worker_init) as pool:
        inflight: set[Future[list[DocRecord | Rejected]]] = set()
        for chunk in batches():
            if not chunk:
                if on_progress:
                    on_progress(stats, total)
                continue
            inflight.add(pool.submit(_prepare_many, chunk, analysis))
            # Bounded queue: keeps memory flat and the committed prefix close to what was read.
            while len(inflight) >= 2 * n_workers:
                done, inflight = _wait_some(inflight)
                for fut in done:
                    commit(fut.result())
        while inflight:
            done, inflight = _wait_some(inflight)
            for fut in done:
                commit(fut.result())
    return stats


def _wait_some(fs: set[Future[Any]]) -> tuple[set[Future[Any]], set[Future[Any]]]:
    done, rest = wait(fs, return_when=FIRST_COMPLETED)
    return set(done), set(rest)
