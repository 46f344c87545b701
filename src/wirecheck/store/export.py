"""Export stored findings as JSON Lines, CSV or Parquet (one row per finding)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from wirecheck.store.db import Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = ["story_id", "source_id", "outlet", "story_name", "story_url", "kind", "severity", "message",
           "story_text", "source_text", "before", "after", "story_fact", "source_fact", "confidence"]


def export_findings(store: Store, path: Path, fmt: str) -> int:
    """Write every stored finding to ``path`` atomically; returns the number of rows."""
    rows: list[dict[str, Any]] = store.findings()
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(rows)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"story_id": pa.int64(), "source_id": pa.int64(), "confidence": pa.float64()}
        schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    tmp.replace(path)
    return len(rows)
