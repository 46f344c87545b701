"""Story families (stories written from the same source), their mutation matrix, and outlet rankings.

Everything here reads the comparisons ``batch`` or ``trace`` stored; nothing is re-analysed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wirecheck.store.db import Store

# Facts worth a column: the checkable ones, not hedges or cue words.
MATRIX_TYPES = ("person", "place", "unit", "organization", "number", "date", "quote", "event")


@dataclass
class Member:
    story_id: int
    outlet: str
    name: str
    fidelity: float | None
    trace_score: float


@dataclass
class Family:
    source_id: int
    source_name: str
    source_outlet: str
    members: list[Member] = field(default_factory=list)


def families(store: Store, *, min_size: int = 1) -> list[Family]:
    """Stored stories grouped by the source they were traced to, biggest family first."""
    fams: dict[int, Family] = {}
    for c in store.comparisons():
        sid = c["source_id"]
        if sid is None:
            continue
        if sid not in fams:
            src = store.get(sid)
            fams[sid] = Family(sid, src.label if src else f"#{sid}", src.outlet if src else "")
        fams[sid].members.append(Member(c["story_id"], c["outlet"], c["story_name"] or c["story_title"],
                                        c["fidelity"], c["trace_score"]))
    out = [f for f in fams.values() if len(f.members) >= min_size]
    out.sort(key=lambda f: (-len(f.members), f.source_id))
    return out


@dataclass
class Column:
    fact_id: str
    type: str
    text: str
    key: str


@dataclass
class Row:
    story_id: int
    outlet: str
    name: str
    cells: dict[str, str]  # fact id -> "kept" | "changed: <text>" | "dropped" | "?"
    added: list[str]
    fabricated_quotes: list[str]
    fidelity: float | None


@dataclass
class Matrix:
    source_id: int
    columns: list[Column]
    rows: list[Row]

    def to_dict(self) -> dict[str, Any]:
        return {"source_id": self.source_id,
                "columns": [c.__dict__ for c in self.columns],
                "rows": [r.__dict__ for r in self.rows]}


def _sig(f: dict[str, Any]) -> tuple[str, str, str]:
    return (f["type"], f.get("key", ""), f["text"])


def mutation_matrix(store: Store, source_id: int) -> Matrix:
    """One row per story of the family, one column per source fact."""
    comps = store.comparisons(source_id=source_id)
    columns: list[Column] = []
    col_by_sig: dict[tuple[str, str, str], Column] = {}
    for c in comps:
        for f in c["source_facts"]:
            if f["type"] in MATRIX_TYPES and _sig(f) not in col_by_sig:
                col = Column(f["id"], f["type"], f["text"], f.get("key", ""))
                col_by_sig[_sig(f)] = col
                columns.append(col)
    columns.sort(key=lambda col: (MATRIX_TYPES.index(col.type), col.text.lower()))
    rows: list[Row] = []
    for c in comps:
        # This comparison's own source fact ids -> the shared column ids.
        local = {f["id"]: col_by_sig[_sig(f)].fact_id for f in c["source_facts"] if _sig(f) in col_by_sig}
        story_text = {f["id"]: f["text"] for f in c["story_facts"]}
        cells: dict[str, str] = {}
        verdicts = c["verdicts"]
        for v in verdicts:
            cp = v.get("counterpart")
            if v["fact"] in story_text and cp in local:
                col_id = local[cp]
                if v["verdict"] == "changed":
                    cells[col_id] = f"changed: {story_text[v['fact']]}"
                elif v["verdict"] == "supported":
                    cells.setdefault(col_id, "kept")
            elif v["fact"] in local:
                col_id = local[v["fact"]]
                if v["verdict"] == "kept":
                    cells.setdefault(col_id, "kept")
                elif v["verdict"] == "dropped":
                    cells.setdefault(col_id, "dropped")
                elif v["verdict"] == "changed":
                    other = story_text.get(cp or "", "?")
                    cells[col_id] = f"changed: {other}"
        for col in columns:
            # No verdict at all for a column the source has: the story does not carry it.
            cells.setdefault(col.fact_id, "dropped" if verdicts else "?")
        f_rows = store.findings(story_id=c["story_id"])
        added = [f["story_text"] or f["message"] for f in f_rows if f["kind"] == "added_claim"]
        fab = [f["story_text"] or f["message"] for f in f_rows if f["kind"] == "fabricated_quote"]
        rows.append(Row(c["story_id"], c["outlet"], c["story_name"] or c["story_title"], cells, added, fab,
                        c["fidelity"]))
    return Matrix(source_id, columns, rows)


@dataclass
class OutletScore:
    outlet: str
    stories: int
    facts: int
    changed: int
    added: int
    fabricated: int
    mean_fidelity: float | None
    mean_risk: float | None = None

    @property
    def changed_rate(self) -> float:
        """Changed facts per checkable story fact."""
        return self.changed / self.facts if self.facts else 0.0

    @property
    def added_per_story(self) -> float:
        return self.added / self.stories if self.stories else 0.0

    @property
    def fabricated_per_story(self) -> float:
        return self.fabricated / self.stories if self.stories else 0.0

    @property
    def problems_per_story(self) -> float:
        return (self.changed + self.added + self.fabricated) / self.stories if self.stories else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "stories": self.stories, "facts": self.facts, "changed": self.changed,
                "added": self.added, "fabricated_quotes": self.fabricated,
                "changed_rate": round(self.changed_rate, 4), "added_per_story": round(self.added_per_story, 4),
                "fabricated_per_story": round(self.fabricated_per_story, 4),
                "problems_per_story": round(self.problems_per_story, 4),
                "mean_fidelity": None if self.mean_fidelity is None else round(self.mean_fidelity, 1),
                "mean_risk": None if self.mean_risk is None else round(self.mean_risk, 3)}


RANK_BY = ("problems", "changed", "added", "fabricated", "fidelity", "risk")


def outlets(store: Store, *, by: str = "problems", min_stories: int = 1) -> list[OutletScore]:
    """Outlets ranked worst first over every story checked against a source."""
    agg: dict[str, dict[str, Any]] = defaultdict(lambda: {"stories": 0, "facts": 0, "changed": 0, "added": 0,
                                                          "fabricated": 0, "fid": [], "risk": []})
    for c in store.comparisons():
        if c["source_id"] is None:
            continue
        a = agg[c["outlet"] or "(unknown outlet)"]
        a["stories"] += 1
        story_ids = {f["id"] for f in c["story_facts"] if f["type"] in MATRIX_TYPES}
        a["facts"] += len(story_ids)
        a["changed"] += sum(1 for v in c["verdicts"] if v["fact"] in story_ids and v["verdict"] == "changed")
        if c["fidelity"] is not None:
            a["fid"].append(c["fidelity"])
        if c.get("risk") is not None:
            a["risk"].append(c["risk"])
    counts = store.conn.execute(
        "SELECT d.outlet, f.kind, count(*) FROM findings f JOIN documents d ON d.id = f.story_id "
        "WHERE f.source_id IS NOT NULL AND f.kind IN ('added_claim', 'fabricated_quote') "
        "GROUP BY d.outlet, f.kind").fetchall()
    for outlet, kind, n in counts:
        a = agg[outlet or "(unknown outlet)"]
        a["added" if kind == "added_claim" else "fabricated"] += n
    out = [OutletScore(o, a["stories"], a["facts"], a["changed"], a["added"], a["fabricated"],
                       sum(a["fid"]) / len(a["fid"]) if a["fid"] else None,
                       sum(a["risk"]) / len(a["risk"]) if a["risk"] else None)
           for o, a in agg.items() if a["stories"] >= min_stories]
    keyf = {
        "problems": lambda s: -s.problems_per_story,
        "changed": lambda s: -s.changed_rate,
        "added": lambda s: -s.added_per_story,
        "fabricated": lambda s: -s.fabricated_per_story,
        "fidelity": lambda s: s.mean_fidelity if s.mean_fidelity is not None else 101.0,
        "risk": lambda s: -(s.mean_risk if s.mean_risk is not None else -1.0),
    }[by]
    out.sort(key=lambda s: (keyf(s), s.outlet))
    return out
