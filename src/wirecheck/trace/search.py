"""Rank the stored sources a story most likely came from.

Retrieval has two doors, both indexed so that a query stays fast against 100k sources:

* the inverted key table (``doc_keys``): every source sharing one of the story's *rarer* keys
  (people, places, units, numbers, dates, name stems: :mod:`wirecheck.trace.keys`) is a candidate;
  keys shared by a large part of the archive are only used to score candidates, not to find them;
* FTS5 over the text, for distinctive words when story and source share a language.

Score = IDF-weighted share of the story's key mass that the source also has, plus a smaller BM25 term,
times a time prior: a source published after the story cannot be its source and is dropped, and among
earlier ones the closer in time wins ties.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wirecheck.store.db import Store
from wirecheck.trace.keys import KIND_LABELS, key_kind, key_weight, terms

# Ties are common at 100k sources (a surname in 300 reports): the pool must hold them all before the
# commoner keys (numbers, dates) separate them.
MAX_CANDIDATES = 1000
FTS_WEIGHT = 0.1  # small: a cross-language source can never earn it
# Closeness in time counts for at most this share of the score.
TIME_PRIOR_SHARE = 0.15
TIME_SCALE_S = 3 * 86400.0
# A key in more than this share of the sources is too common to retrieve by (scoring still uses it).
COMMON_SHARE = 0.02
MIN_COMMON_DF = 200

MAX_FTS_TERMS = 24


@dataclass
class Candidate:
    doc_id: int
    score: float
    key_score: float
    fts_score: float
    time_factor: float
    shared: list[str] = field(default_factory=list)
    name: str = ""
    outlet: str = ""
    lang: str = ""
    published: str | None = None

    def evidence(self, limit: int = 12) -> dict[str, list[str]]:
        """Shared keys grouped by kind, most telling first."""
        out: dict[str, list[str]] = defaultdict(list)
        for k in sorted(self.shared, key=lambda k: -key_weight(k)):
            label = KIND_LABELS.get(key_kind(k), key_kind(k))
            if sum(len(v) for v in out.values()) < limit:
                out[label].append(k.split(":", 1)[1])
        return dict(out)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "name": self.name, "outlet": self.outlet, "lang": self.lang,
                "published": self.published, "score": round(self.score, 4),
                "key_score": round(self.key_score, 4), "fts_score": round(self.fts_score, 4),
                "time_factor": round(self.time_factor, 3), "shared": sorted(self.shared)}


def _idf(n_sources: int, df: int) -> float:
    return math.log(1.0 + (n_sources + 1.0) / (df + 0.5))


def _fts_query(store: Store, text: str, max_df: int) -> str:
    """An OR query of the story's rarest words that some document has but at most ``max_df`` do."""
    words = sorted(terms(text))
    df: dict[str, int] = {}
    for i in range(0, len(words), 500):
        chunk = words[i:i + 500]
        df.update(store.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({_in(len(chunk))})",
                                     chunk).fetchall())
    rare = sorted((w for w in df if df[w] <= max_df), key=lambda w: (df[w], w))[:MAX_FTS_TERMS]
    return " OR ".join(f'"{w}"' for w in rare)


def _in(n: int) -> str:
    return ",".join("?" * n)


def trace_keys(store: Store, keys: set[str], *, text: str = "", published_ts: float | None = None,
               exclude: int | None = None, top: int = 5, use_fts: bool = True) -> list[Candidate]:
    """Rank sources for a story given its keys (and text, for FTS), best first."""
    c = store.conn
    n_sources = store.count("source")
    if n_sources == 0 or not keys:
        return []
    key_list = sorted(keys)
    df = dict.fromkeys(key_list, 0)
    for i in range(0, len(key_list), 500):
        chunk = key_list[i:i + 500]
        for k, d in c.execute(f"SELECT key, df FROM key_df WHERE role='source' AND key IN ({_in(len(chunk))})",
                              chunk):
            df[k] = d
    present = [k for k in key_list if df[k] > 0]
    if not present:
        return []
    mass = {k: key_weight(k) * _idf(n_sources, df[k]) for k in key_list}
    story_mass = sum(mass.values())
    common_df = max(MIN_COMMON_DF, int(COMMON_SHARE * n_sources))
    rare = [k for k in present if df[k] <= common_df]
    common = [k for k in present if df[k] > common_df]
    if not rare:  # nothing distinctive: fall back to the least common keys
        rare = sorted(present, key=lambda k: df[k])[:3]
        common = [k for k in present if k not in rare]

    partial: dict[int, float] = defaultdict(float)
    shared: dict[int, list[str]] = defaultdict(list)
    for k in rare:
        for (doc_id,) in c.execute("SELECT doc_id FROM doc_keys WHERE key=? AND role='source'", (k,)):
            partial[doc_id] += mass[k]
            shared[doc_id].append(k)

    fts: dict[int, float] = {}
    if use_fts and text:
        q = _fts_query(store, text, common_df)
        if q:
            rows = c.execute("SELECT rowid, bm25(doc_fts) FROM doc_fts WHERE doc_fts MATCH ? "
                             "ORDER BY rank LIMIT ?", (q, MAX_CANDIDATES)).fetchall()
            if rows:
                best = -min(r[1] for r in rows) or 1.0
                fts = {int(r[0]): (-r[1]) / best for r in rows}

    pool = sorted(partial, key=lambda d: -partial[d])[:MAX_CANDIDATES]
    pool_set = set(pool) | set(fts)
    pool_set.discard(exclude if exclude is not None else -1)
    if not pool_set:
        return []
    ids: list[int] = sorted(pool_set)
    # Score the common keys (and FTS-only candidates' keys) through the per-document index.
    late_keys = common + [k for k in rare if any(d not in partial for d in fts)]
    meta: dict[int, tuple[Any, ...]] = {}
    for i in range(0, len(ids), 400):
        id_chunk = ids[i:i + 400]
        if late_keys:
            for doc_id, k in c.execute(
                    f"SELECT doc_id, key FROM doc_keys WHERE doc_id IN ({_in(len(id_chunk))}) "
                    f"AND key IN ({_in(len(late_keys))})", [*id_chunk, *late_keys]):
                if k in shared[doc_id]:
                    continue
                partial[doc_id] += mass[k]
                shared[doc_id].append(k)
        for row in c.execute(f"SELECT id, role, name, title, outlet, lang, published, published_ts, n_keys "
                             f"FROM documents WHERE id IN ({_in(len(id_chunk))})", id_chunk):
            meta[row[0]] = row

    out: list[Candidate] = []
    for doc_id in ids:
        m = meta.get(doc_id)
        if m is None or m[1] != "source":
            continue
        src_ts = m[7]
        if published_ts is not None and src_ts is not None:
            if src_ts > published_ts:
                continue  # published after the story: cannot be its source
            closeness = math.exp(-(published_ts - src_ts) / TIME_SCALE_S)
        else:
            closeness = 0.5
        key_score = partial.get(doc_id, 0.0) / story_mass
        # Mild length damping: a digest that mentions everything should not beat the report itself.
        n_src = max(1, int(m[8] or 0))
        damp = 1.0 / (1.0 + 0.15 * max(0.0, math.log(n_src / max(1, len(keys)))))
        f = fts.get(doc_id, 0.0)
        time_factor = 1.0 - TIME_PRIOR_SHARE + TIME_PRIOR_SHARE * closeness
        score = (key_score * damp + FTS_WEIGHT * f) * time_factor
        out.append(Candidate(doc_id, score, key_score, f, time_factor, shared.get(doc_id, []),
                             name=m[2] or m[3], outlet=m[4], lang=m[5], published=m[6]))
    out.sort(key=lambda cand: (-cand.score, cand.doc_id))
    return out[:top]


def trace_doc(store: Store, doc_id: int, *, top: int = 5, use_fts: bool = True) -> list[Candidate]:
    """Trace a story already in the store, with the keys stored for it."""
    doc = store.get(doc_id)
    if doc is None:
        return []
    keys = set(store.keys_of(doc_id))
    return trace_keys(store, keys, text=doc.text, published_ts=doc.published_ts, exclude=doc_id, top=top,
                      use_fts=use_fts)
