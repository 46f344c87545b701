"""Trace + compare for stored stories, as plain picklable tasks.

The main process traces (fast, needs the store) and turns each story and its best source into a
:class:`Task` of plain data; :func:`run_task` (the expensive NLP analysis and comparison) then runs
wherever it is sent: in this process, in a ``ProcessPoolExecutor`` worker, or on a Dask worker that has
no access to the store file.  Results come back as plain dicts and are written by the main process.
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


def make_tasks(store: Store, story_ids: list[int], *, min_score: float = 0.0,
               on_traced: Callable[[int], None] | None = None) -> Iterator[Task]:
    """Trace each story; a story with no candidate above ``min_score`` is checked on its own."""
    for sid in story_ids:
        doc = store.get(sid)
        if doc is None:
            continue
        cands = trace_doc(store, sid, top=1)
        src = store.get(cands[0].doc_id) if cands and cands[0].score > min_score else None
        if on_traced:
            on_traced(sid)
        yield Task(payload(doc), payload(src) if src else None, cands[0].score if src and cands else 0.0)
