"""Shared parts of the consistency benchmarks (benchmarks/frank.py, benchmarks/faithbench.py).

Pure helpers (label mapping, token-overlap of spans, balanced accuracy, threshold choice, summary
scores) are kept free of wirecheck imports so tests can check them without loading models; the runner
analyses each source text once per worker process and compares every derived text against it.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "consistency"

# Finding kinds -> the benchmark's two error families.  "dropped_fact" is what a summary does by design,
# the gazetteer kinds judge the story against reference data, not against its source, "new_relation" is
# a pointer for the reader (checks/relations.py), and "attribution_added" keeps the source's claim and
# changes only who is said to make it: none of them counts.
CHANGED_KINDS = frozenset({
    "place_changed", "person_changed", "title_changed", "unit_changed", "organization_changed",
    "number_changed", "date_changed", "predicate_changed", "weapon_changed", "misattributed_quote",
    "certainty_changed", "description_changed"})
ADDED_KINDS = frozenset({"added_claim", "fabricated_quote", "vague_attribution"})
IGNORED_KINDS = frozenset({"dropped_fact", "place_not_in_region", "unknown_place", "new_relation",
                           "attribution_added"})
# wirecheck.kinds.FACTUAL_KINDS, repeated so the pure helpers stay import-free (a test keeps them equal):
# the story contradicts or goes beyond its source on a matter of fact.
FACTUAL_KINDS = (CHANGED_KINDS | ADDED_KINDS) - {"certainty_changed", "vague_attribution"}
ENTITY_KINDS = frozenset({"place_changed", "person_changed", "title_changed", "unit_changed",
                          "organization_changed", "misattributed_quote", "description_changed"})
CIRCUMSTANCE_KINDS = frozenset({"number_changed", "date_changed", "place_changed"})
PREDICATE_KINDS = frozenset({"predicate_changed", "certainty_changed"})
SEVERITY = {  # kinds.SEVERITY_WEIGHT by kind, repeated here so the pure helpers stay import-free
    "place_changed": 12.0, "person_changed": 8.0, "title_changed": 4.0, "unit_changed": 8.0,
    "organization_changed": 8.0, "number_changed": 8.0, "date_changed": 8.0, "predicate_changed": 8.0,
    "weapon_changed": 8.0, "description_changed": 8.0,
    "added_claim": 4.0, "fabricated_quote": 12.0, "misattributed_quote": 12.0, "vague_attribution": 4.0,
    "certainty_changed": 4.0}


def family(kind: str) -> str:
    """'changed', 'added' or '' (not an error claim about the story) for a finding kind."""
    if kind in CHANGED_KINDS:
        return "changed"
    if kind in ADDED_KINDS:
        return "added"
    return ""


@dataclass
class Hit:
    """One finding, reduced to what the benchmarks score (picklable, no spaCy objects)."""

    kind: str
    rule: str
    confidence: float
    start: int | None = None
    end: int | None = None
    text: str = ""
    before: str | None = None

    @property
    def family(self) -> str:
        return family(self.kind)


@dataclass
class FactRow:
    type: str
    start: int
    end: int
    text: str
    verdict: str


@dataclass
class Result:
    item: str  # the benchmark's id for the derived text
    story: str  # the text wirecheck read (after any adapter clean-up)
    hits: list[Hit] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)
    unaligned: int = 0
    sentences: int = 0
    error: str = ""
    # wirecheck.risk.features(comp): the inputs of the story's error risk (None across languages).
    features: dict[str, float] | None = None


# ---------------------------------------------------------------- metrics


def balanced_accuracy(truth: Sequence[bool], pred: Sequence[bool]) -> float:
    """Mean of recall on positives and recall on negatives; 0.5 for a constant guess."""
    pos = [p for t, p in zip(truth, pred, strict=True) if t]
    neg = [p for t, p in zip(truth, pred, strict=True) if not t]
    if not pos or not neg:
        raise ValueError("balanced accuracy needs both classes")
    return 0.5 * (sum(pos) / len(pos) + sum(not p for p in neg) / len(neg))


def best_threshold(scores: Sequence[float], truth: Sequence[bool]) -> tuple[float, float]:
    """The cut (predict positive when score >= cut) with the best balanced accuracy, and that accuracy.

    Candidate cuts sit half-way between distinct scores, so a cut never depends on one item's exact
    value; ties go to the higher cut (fewer alarms)."""
    values = sorted(set(scores))
    cuts = [values[0] - 1.0] + [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)] + [values[-1] + 1.0]
    best = (cuts[0], -1.0)
    for c in cuts:
        ba = balanced_accuracy(truth, [s >= c for s in scores])
        if ba >= best[1]:
            best = (c, ba)
    return best


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 where matched predictions and matched gold items are counted apart."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_WORD = re.compile(r"\w+")


def token_ids(text: str, start: int, end: int) -> set[int]:
    """Indices of the word tokens of ``text`` that the character range touches."""
    return {i for i, m in enumerate(_WORD.finditer(text)) if m.start() < end and start < m.end()}


def overlaps(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two character ranges share at least one word token of ``text``."""
    if not (a[0] < b[1] + 1 and b[0] < a[1] + 1):
        return False
    return bool(token_ids(text, *a) & token_ids(text, *b))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping or touching ranges (several annotators marking the same words)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- summary scores

ScoreFn = Callable[[Result], float]


def _counted(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.family]


def risk_score(r: Result) -> float:
    """wirecheck's story error risk (wirecheck.risk, fitted on FRANK valid) from the saved features."""
    from wirecheck.risk import score

    return score(r.features) if r.features is not None else 0.0


SCORES: dict[str, ScoreFn] = {
    # Severity-weighted sum of confidences: the same arithmetic as Comparison.fidelity, minus dropped facts.
    "weighted": lambda r: sum(SEVERITY.get(h.kind, 1.0) * h.confidence for h in _counted(r.hits)),
    "max": lambda r: max((h.confidence for h in _counted(r.hits)), default=0.0),
    "count": lambda r: float(len(_counted(r.hits))),
    "changed": lambda r: sum(h.confidence for h in r.hits if h.family == "changed"),
    # Facts only: hedges and vague sources are style for a summary benchmark, not factual errors.
    "content": lambda r: max((h.confidence for h in _counted(r.hits)
                              if h.kind not in ("certainty_changed", "vague_attribution")), default=0.0),
    "risk": risk_score,
}


def flagged(hits: list[Hit], min_conf: float = 0.5, *, factual_only: bool = True) -> bool:
    """The fixed rule: any finding that the story states something its source does not, at conf >=
    ``min_conf``.  That is wirecheck.kinds.FACTUAL_KINDS (the kinds the error risk counts): a dropped
    hedge or a vague source is a matter of wording, not of fact.  ``factual_only=False`` is the earlier
    rule, every changed/added kind, kept for comparison."""
    return any((h.kind in FACTUAL_KINDS if factual_only else h.family) and h.confidence >= min_conf for h in hits)


# ---------------------------------------------------------------- adapters for tokenised text


_DETOK = [
    (re.compile(r"-lrb-\s*", re.I), "("), (re.compile(r"\s*-rrb-", re.I), ")"),
    (re.compile(r"-lsb-\s*", re.I), "["), (re.compile(r"\s*-rsb-", re.I), "]"),
    (re.compile(r"\\(['\"])"), r"\1"),  # XSum summaries carry escaped apostrophes ("China\\'s")
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\bUNK\b\s*"), ""),  # the s2s system's unknown-word token
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"\s+([.,;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[$£€])\s+"), r"\1"),
    (re.compile(r"\s+([’'])\s*(s)\b"), r"\1\2"),
    (re.compile(r"([‘])\s+"), r"\1"),
    (re.compile(r"\s+([’])"), r"\1"),
    (re.compile(r"(\d)\s*,\s*(\d{3})\b"), r"\1,\2"),
    (re.compile(r"[ \t]{2,}"), " "),
]
_GLUED = re.compile(r"(?<=[a-z0-9)%][.!?])(?=[A-Z\"“‘])|(?<=[.!?][”’])(?=[A-Z])")
_WORDS = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z]+")  # "U.S." is one word, not "U" + "S"


def detokenise(text: str) -> str:
    for rx, rep in _DETOK:
        text = rx.sub(rep, text)
    return text.strip()


def unglue(article: str) -> str:
    """'this season.Scotland Under-21 cap' -> 'this season. Scotland Under-21 cap'."""
    return _GLUED.sub(" ", article)


def case_map(article: str) -> dict[str, str]:
    """lowercase word -> its most frequent spelling where it is not the first word of a sentence."""
    seen: dict[str, Counter[str]] = {}
    for m in _WORDS.finditer(article):
        before = article[max(0, m.start() - 2):m.start()].strip()
        if not before or before[-1] in ".!?\"“‘'":
            continue  # sentence-initial capitals say nothing about the word
        w = m.group()
        seen.setdefault(w.lower(), Counter())[w] += 1
    return {k: c.most_common(1)[0][0] for k, c in seen.items()}


def recase(text: str, reference: str) -> str:
    """Re-case an all-lowercase text from a cased text on the same subject (a summary from its article,
    a lower-cased source from its summaries); a text that has capitals is left alone."""
    if text != text.lower():
        return text
    cases = case_map(reference)
    out = _WORDS.sub(lambda m: cases.get(m.group(), m.group()), text)
    out = re.sub(r"\bi\b", "I", out)
    # Sentence starts, but not after an abbreviation ("the U.S. team").
    return re.sub(r"(^|(?<!\.[A-Za-z])[.!?]\s+)([\"“‘']?)([a-z])",
                  lambda m: m.group(1) + m.group(2) + m.group(3).upper(), out)


# ---------------------------------------------------------------- text shape, for error causes


def shape(words: str) -> str:
    """A coarse description of what a stretch of text is: number, name, date word or plain wording."""
    if re.search(r"\d", words) or re.search(
            r"\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|"
            r"dozen|half|first|second|third)\b", words, re.I):
        return "number"
    if re.search(r"\b(january|february|march|april|june|july|august|september|october|november|"
                 r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|year|week|month|"
                 r"day|today|yesterday)s?\b", words, re.I):
        return "time"
    if re.search(r"\b(not|no|never|n't|without)\b", words, re.I):
        return "negation"
    if re.search(r"\b[A-Z][a-z]+", words):
        return "name"
    return "wording"


# ---------------------------------------------------------------- running wirecheck

Task = tuple[str, str, list[tuple[str, str]]]  # (source id, source text, [(item id, story text)])
# A stage that fails must show up in the "not compared" count, not thin a comparison silently.
os.environ.setdefault("WIRECHECK_STRICT", "1")


def _compare_group(task: Task) -> list[Result]:
    from wirecheck.errors import WirecheckError
    from wirecheck.model import Verdict
    from wirecheck.pipeline import analyse, compare
    from wirecheck.risk import features

    _sid, source_text, stories = task
    out: list[Result] = []
    try:
        source = analyse(source_text, role="source", lang="en")
    except WirecheckError as e:
        return [Result(item, story, error=f"source: {e}") for item, story in stories]
    except Exception as e:  # noqa: BLE001 - an engine crash on one text is counted, not fatal to the run
        return [Result(item, story, error=f"source: crash: {type(e).__name__}: {e}") for item, story in stories]
    for item, story in stories:
        try:
            comp = compare(story, source, story_lang="en")
        except WirecheckError as e:
            out.append(Result(item, story, error=str(e)))
            continue
        except Exception as e:  # noqa: BLE001 - as above: reported in the "not compared" count
            out.append(Result(item, story, error=f"crash: {type(e).__name__}: {e}"))
            continue
        verdict = {v.fact: v.verdict.value for v in comp.verdicts}
        hits = [Hit(f.kind.value, f.rule, float(f.confidence), f.story.start if f.story else None,
                    f.story.end if f.story else None, f.story.text if f.story else "", f.before)
                for f in comp.findings]
        facts = [FactRow(f.type.value, f.start, f.end, f.text, verdict.get(f.id, Verdict.SUPPORTED.value))
                 for f in comp.story.facts]
        out.append(Result(item, story, hits, facts, sum(1 for a in comp.alignments if not a.source),
                          len(comp.story.sentences), features=features(comp)))
    return out


def run(tasks: list[Task], workers: int = 2, progress: bool = True) -> tuple[dict[str, Result], float]:
    """Compare every story with its source; one source analysis per task; wall time in seconds."""
    t0 = time.perf_counter()
    results: dict[str, Result] = {}
    total = sum(len(t[2]) for t in tasks)
    # Longest sources first so the last task does not leave one worker idle.
    ordered = sorted(tasks, key=lambda t: -len(t[1]) * len(t[2]))
    if workers <= 1:
        it: Iterable[list[Result]] = map(_compare_group, ordered)
        pool = None
    else:
        pool = get_context("fork").Pool(workers)
        it = pool.imap_unordered(_compare_group, ordered)
    try:
        for group in it:
            for r in group:
                results[r.item] = r
            if progress and (len(results) % 100 < len(group) or len(results) == total):
                print(f"  compared {len(results)}/{total}", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return results, time.perf_counter() - t0


def save(results: dict[str, Result], path: Path) -> None:
    """Per-item findings as JSON (benchmarks/out/ is git-ignored), for error analysis without a re-run."""
    import json
    from dataclasses import asdict

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({k: asdict(v) for k, v in results.items()}, ensure_ascii=False))


# ---------------------------------------------------------------- printing


def table(rows: list[list[Any]], header: list[str]) -> str:
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(c: Any) -> str:
    if isinstance(c, float):
        return f"{c:.3f}"
    return str(c)
