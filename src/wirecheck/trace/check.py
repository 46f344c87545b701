"""Trace + compare for stored stories: the whole work of one story, wherever it runs.

:func:`check_stored` is that work for a story id: read the story, trace it to its best source and read
that (in one read snapshot), then analyse both and compare them (:func:`run_task`, the expensive part).
A batch runs it in this process, or sends only story ids to worker processes (a ``ProcessPoolExecutor``
or a local Dask cluster): each worker opens its own read-only connection to the store once
(:func:`check_in_worker`) and loads the NLP models once, and returns a plain dict that the main process
writes, so the store keeps a single writer.

For a Dask cluster that cannot see the store file, :func:`make_tasks` traces in the main process and
turns each story and its source into a :class:`Task` of plain data instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from wirecheck.model import Comparison
from wirecheck.store.db import Store, StoredDoc
from wirecheck.trace.search import trace_doc


@dataclass
class DocPayload:
    id: int
    text: str
    lang: str
    name: str
    meta: dict[str, Any]


@dataclass
class Task:
    story: DocPayload
    source: DocPayload | None
    trace_score: float = 0.0


def payload(doc: StoredDoc) -> DocPayload:
    meta = dict(doc.meta)
    for k in ("title", "outlet", "url", "published"):
        if getattr(doc, k):
            meta.setdefault(k, getattr(doc, k))
    return DocPayload(doc.id, doc.text, doc.lang, doc.label, meta)


def _fact_brief(f: dict[str, Any]) -> dict[str, Any]:
    return {"id": f["id"], "type": f["type"], "text": f["text"], "key": f.get("key", ""),
            "sentence": f.get("sentence", 0)}


def result_of(comp: Comparison, story_id: int, source_id: int | None, trace_score: float) -> dict[str, Any]:
    """The compact record the store keeps for one checked story."""
    d = comp.to_dict()
    return {
        "story_id": story_id,
        "source_id": source_id,
        "trace_score": trace_score,
        "fidelity": d["fidelity"],
        "risk": d["risk"],
        "story_facts": [_fact_brief(f) for f in d["story"]["facts"]],
        "source_facts": [_fact_brief(f) for f in (d["source"] or {}).get("facts", [])],
        "verdicts": d["fact_verdicts"],
        "findings": d["findings"],
    }


def run_task(task: Task) -> dict[str, Any]:
    """Analyse a story and its traced source and compare them (models load once per process)."""
    from wirecheck.errors import WirecheckError
    from wirecheck.pipeline import analyse, check_story, compare

    s = task.story
    try:
        s_doc = analyse(s.text, role="story", lang=s.lang or None, name=s.name, meta=s.meta)
        if task.source is None:
            comp = check_story(s_doc)
        else:
            src = task.source
            src_doc = analyse(src.text, role="source", lang=src.lang or None, name=src.name, meta=src.meta)
            comp = compare(s_doc, src_doc)
    except WirecheckError as e:
        return {"story_id": s.id, "source_id": task.source.id if task.source else None, "error": str(e)}
    except Exception as e:  # one failing story must not stop a batch of thousands
        return {"story_id": s.id, "source_id": task.source.id if task.source else None,
                "error": f"analysis failed ({type(e).__name__}: {e})"}
    return result_of(comp, s.id, task.source.id if task.source else None, task.trace_score)


def task_for(store: Store, story_id: int, *, min_score: float = 0.0) -> Task | None:
    """Trace one stored story (None if it is not in the store); a story with no candidate above
    ``min_score`` is checked on its own.  All reads happen in one snapshot of the store."""
    with store.snapshot():
        doc = store.get(story_id)
        if doc is None:
            return None
        cands = trace_doc(store, story_id, top=1)
        src = store.get(cands[0].doc_id) if cands and cands[0].score > min_score else None
    return Task(payload(doc), payload(src) if src else None, cands[0].score if src and cands else 0.0)


def make_tasks(store: Store, story_ids: list[int], *, min_score: float = 0.0,
               on_traced: Callable[[int], None] | None = None) -> Iterator[Task]:
    """Trace each story here (stories not in the store are passed over), for executors without the
    store."""
    for sid in story_ids:
        task = task_for(store, sid, min_score=min_score)
        if task is None:
            continue
        if on_traced:
            on_traced(sid)
        yield task


def check_stored(store: Store, story_id: int, *, min_score: float = 0.0) -> dict[str, Any]:
    """Trace one stored story, analyse it and its source and compare them: the result to store, or a
    dict with ``error`` (a story that fails, or is not in the store, must not stop a batch)."""
    try:
        task = task_for(store, story_id, min_score=min_score)
    except Exception as e:
        return {"story_id": story_id, "source_id": None, "error": f"trace failed ({type(e).__name__}: {e})"}
    if task is None:
        return {"story_id": story_id, "source_id": None, "error": f"no story #{story_id} in {store.path}"}
    return run_task(task)


# One read-only connection per worker process and store file, opened on first use and kept.
_READERS: dict[str, Store] = {}


def worker_store(db: str) -> Store:
    """This process's read-only connection to the store at ``db`` (an absolute path)."""
    store = _READERS.get(db)
    if store is None:
        store = _READERS[db] = Store(db, reader=True)
    return store


def check_in_worker(story_id: int, db: str, min_score: float = 0.0) -> dict[str, Any]:
    """:func:`check_stored` in a worker process, through its own read-only connection to ``db``."""
    return check_stored(worker_store(db), story_id, min_score=min_score)
