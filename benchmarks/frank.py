"""FRANK: does wirecheck tell factual model summaries from summaries with factual errors?

For each annotated summary in ../shared/data/consistency/frank/human_annotations.json, its article
(articles/<hash>.json, joined on hash and model name) is the source and the summary the story.
A summary is factual when its Factuality is 1.0.  Each summary gets a score from wirecheck's findings;
the score function and the cut are chosen on the valid split only, then applied to the reported split.

Reported: summary-level balanced accuracy (all, CNN/DM, XSum/BBC, and the CNN/DM newest models
bart + bert_sum), and per error type the recall of the finding family the type should surface as
(EntE/CircE -> changed facts, OutE -> added claims, RelE -> changed predicates); an error type is
present when its FRANK score is below 1.0 (at least one annotator marked it).

Adapter clean-up, since most model outputs are lower-cased and tokenised ("locke 's", "-lrb-"):
tokenisation is undone, and an all-lowercase summary is re-cased from its own article (the most
frequent non-initial spelling of each word; sentence starts capitalised).  BBC articles arrive with
sentences glued together ("season.Scotland"): a space is put back.  The gold labels are untouched.

    .venv/bin/python benchmarks/frank.py                    # valid (tuning) + test, ~5 minutes
    .venv/bin/python benchmarks/frank.py --limit 100        # first 100 summaries of each split
    .venv/bin/python benchmarks/frank.py --split valid
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _consistency import (  # noqa: E402
    CIRCUMSTANCE_KINDS,
    DATA,
    ENTITY_KINDS,
    PREDICATE_KINDS,
    ROOT,
    SCORES,
    Result,
    Task,
    balanced_accuracy,
    best_threshold,
    detokenise,
    recase,
    run,
    save,
    table,
    unglue,
)

FRANK = DATA / "frank"
ERROR_TYPES = ("EntE", "CircE", "RelE", "OutE", "CorefE", "LinkE", "GramE", "Other")
# Which findings each error type should surface as (the mapping).
EXPECTED: dict[str, frozenset[str]] = {
    "EntE": ENTITY_KINDS,
    "CircE": CIRCUMSTANCE_KINDS,
    "RelE": PREDICATE_KINDS,
    "OutE": frozenset({"added_claim", "fabricated_quote", "vague_attribution"}),
}
NEWEST = ("bart", "bert_sum")
ANCHORS = [
    ("DAE (CNN/DM newest models)", 0.699),
    ("QuestEval (CNN/DM newest models)", 0.626),
    ("SummaC-Conv (CNN/DM newest models)", 0.601),
    ("NER-overlap baseline (SummaC benchmark)", 0.604),
]


# ---------------------------------------------------------------- adapter


# ---------------------------------------------------------------- data


def load(split: str, limit: int | None) -> tuple[list[dict[str, Any]], list[Task]]:
    path = FRANK / "human_annotations.json"
    if not path.exists():
        raise SystemExit(f"FRANK not found at {path} (../shared must sit beside the project)")
    rows = [r for r in json.loads(path.read_text()) if r["split"] == split]
    rows.sort(key=lambda r: (r["hash"], r["model_name"]))
    if limit:
        # A spread of articles rather than the first few, so a quick run sees both datasets.
        rows = random.Random(7).sample(rows, min(limit, len(rows)))
    by_hash: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_hash.setdefault(r["hash"], []).append(r)
    tasks: list[Task] = []
    kept: list[dict[str, Any]] = []
    for h, group in by_hash.items():
        art = json.loads((FRANK / "articles" / f"{h}.json").read_text())
        article = unglue(art["article"])
        stories = []
        for r in group:
            summary = art.get(r["model_name"])
            if not summary:
                continue
            r["id"] = f"{h}/{r['model_name']}"
            stories.append((r["id"], recase(detokenise(summary), article)))
            kept.append(r)
        tasks.append((h, article, stories))
    return kept, tasks


def has_error(r: dict[str, Any]) -> bool:
    return float(r["Factuality"]) < 1.0


def error_types(r: dict[str, Any]) -> list[str]:
    """The error types annotators marked; [] when they marked every type alike (FRANK's rows for
    summaries judged wrong as a whole), which says nothing about the type."""
    marked = [t for t in ERROR_TYPES if float(r.get(t, 1.0)) < 1.0]
    return [] if len(marked) == len(ERROR_TYPES) else marked


# ---------------------------------------------------------------- analysis


_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been has have
had will would could should may might it its this that these those he she they his her their him them who
which what when where after before over under about into than then also not no said says say""".split())


def _novel(story: str, article: str) -> tuple[list[str], list[str], list[str]]:
    """Numbers, capitalised words and other content words of the summary that the article never uses."""
    art = set(re.findall(r"[a-z0-9]+", article.lower()))
    nums = [w for w in re.findall(r"\d[\d,.]*", story) if w.rstrip(".,").replace(",", "") not in art
            and w.rstrip(".,") not in article]
    words = [w for w in re.findall(r"[A-Za-z]+", story) if w.lower() not in art and w.lower() not in _STOP]
    names = [w for w in words if w[0].isupper()]
    return nums, names, [w for w in words if not w[0].isupper()]


def causes(rows: list[dict[str, Any]], res: dict[str, Result], pred: dict[str, bool],
           articles: dict[str, str], sample: int = 300) -> Counter[str]:
    """Why wirecheck disagreed with the annotators, over a fixed random sample of its errors."""
    wrong = [r for r in rows if r["id"] in res and pred[r["id"]] != has_error(r)]
    random.Random(11).shuffle(wrong)
    out: Counter[str] = Counter()
    for r in wrong[:sample]:
        rr = res[r["id"]]
        if pred[r["id"]]:
            top = max((h for h in rr.hits if h.family), key=lambda h: h.confidence, default=None)
            out[f"false alarm: {top.rule}" if top else "false alarm: new wording only (no factual finding)"] += 1
            continue
        nums, names, words = _novel(rr.story, articles[r["hash"]])
        what = error_types(r)[0] if error_types(r) else "all types"
        if nums:
            out[f"missed {what}: a number not in the article"] += 1
        elif names:
            out[f"missed {what}: a capitalised word not in the article"] += 1
        elif words:
            out[f"missed {what}: lower-case words not in the article (names lost in lower-casing, "
                "new wording)"] += 1
        else:
            out[f"missed {what}: every word is in the article (roles/relations recombined)"] += 1
    return out


def evaluate(rows: list[dict[str, Any]], res: dict[str, Result], score_name: str,
             cut: float) -> tuple[list[list[Any]], dict[str, bool]]:
    score = SCORES[score_name]
    ok = [r for r in rows if r["id"] in res and not res[r["id"]].error]
    pred = {r["id"]: score(res[r["id"]]) >= cut for r in ok}
    subsets = [
        ("all", ok),
        ("CNN/DM", [r for r in ok if r["dataset"] == "cnndm"]),
        ("XSum (BBC)", [r for r in ok if r["dataset"] == "bbc"]),
        ("CNN/DM newest (bart, bert_sum)", [r for r in ok if r["model_name"] in NEWEST]),
    ]
    lines = []
    for name, sub in subsets:
        truth = [has_error(r) for r in sub]
        if not sub or all(truth) or not any(truth):
            continue
        ba = balanced_accuracy(truth, [pred[r["id"]] for r in sub])
        lines.append([f"balanced accuracy, {name}", ba, len(sub), f"{sum(truth)} with errors"])
    return lines, pred


def type_recall(rows: list[dict[str, Any]], res: dict[str, Result], pred: dict[str, bool]) -> list[list[Any]]:
    lines = []
    for t in ERROR_TYPES:
        sub = [r for r in rows if r["id"] in pred and t in error_types(r)]
        if not sub:
            continue
        kinds = EXPECTED.get(t)
        typed = (sum(any(h.kind in kinds for h in res[r["id"]].hits) for r in sub) / len(sub)
                 if kinds else None)
        flagged = sum(pred[r["id"]] for r in sub) / len(sub)
        lines.append([t, "/".join(sorted(k.replace("_changed", "") for k in kinds)) if kinds else "-",
                      typed if typed is not None else "-", flagged, len(sub)])
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["test", "valid"], default="test",
                    help="split to report (the score and cut are always chosen on valid)")
    ap.add_argument("--limit", type=int, default=None, help="summaries per split (random, seeded)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--save", action="store_true", help="write per-item findings to benchmarks/out/frank-SPLIT.json")
    ap.add_argument("--examples", type=int, default=0, help="print N misclassified summaries")
    args = ap.parse_args(argv)

    valid_rows, valid_tasks = load("valid", args.limit)
    print(f"FRANK valid: {len(valid_rows)} summaries of {len(valid_tasks)} articles", file=sys.stderr)
    vres, vtime = run(valid_tasks, args.workers)
    vok = [r for r in valid_rows if not vres[r["id"]].error]
    vtruth = [has_error(r) for r in vok]
    choice = {name: best_threshold([fn(vres[r["id"]]) for r in vok], vtruth) for name, fn in SCORES.items()}
    score_name = max(choice, key=lambda k: choice[k][1])
    cut, vba = choice[score_name]

    if args.split == "valid":
        rows, res, secs, tasks = valid_rows, vres, vtime, valid_tasks
    else:
        rows, tasks = load("test", args.limit)
        print(f"FRANK test: {len(rows)} summaries of {len(tasks)} articles", file=sys.stderr)
        res, secs = run(tasks, args.workers)
    if args.save:
        save(vres, ROOT / "benchmarks" / "out" / "frank-valid.json")
        save(res, ROOT / "benchmarks" / "out" / f"frank-{args.split}.json")
    articles = {t[0]: t[1] for t in tasks}
    lines, pred = evaluate(rows, res, score_name, cut)
    # FRANK mixes extractive CNN/DM summaries with abstractive XSum ones, so one cut for both mostly learns
    # which dataset a summary came from.  A second cut chosen on the valid CNN/DM summaries alone shows
    # how the same score does within CNN/DM (still valid-only).
    vcnn = [r for r in vok if r["dataset"] == "cnndm"]
    ccut, cvba = best_threshold([SCORES[score_name](vres[r["id"]]) for r in vcnn], [has_error(r) for r in vcnn])
    clines, _ = evaluate([r for r in rows if r["dataset"] == "cnndm"], res, score_name, ccut)
    lines += [[f"{name}, cut chosen on valid CNN/DM", fig, n, note] for name, fig, n, note in clines
              if "all" not in name]
    errors = sum(1 for r in rows if res[r["id"]].error)

    print(f"\nFRANK, {args.split} split: {len(rows)} summaries, {len(tasks)} articles, "
          f"{errors} not compared; run time {secs:.0f} s on {args.workers} workers "
          f"({1000 * secs / max(1, len(rows)):.0f} ms/summary incl. article analysis)")
    for msg, n in Counter(res[r["id"]].error for r in rows if res[r["id"]].error).most_common(3):
        print(f"  not compared ({n}): {msg[:160]}")
    print(f"score chosen on valid ({len(vok)} summaries, {vtime:.0f} s): '{score_name}' >= {cut:.3f} "
          f"(valid balanced accuracy {vba:.3f}; others: "
          + ", ".join(f"{k} {v[1]:.3f}" for k, v in choice.items() if k != score_name) + ")")
    print(f"CNN/DM-only cut on valid ({len(vcnn)} summaries): >= {ccut:.3f} (valid CNN/DM balanced accuracy "
          f"{cvba:.3f})\n")
    body = [[name, fig, n, note] for name, fig, n, note in lines]
    body += [[f"anchor: {a}", v, "", "published"] for a, v in ANCHORS]
    print(table(body, ["measure", "value", "items", "note"]))
    print("\nPer error type (present = FRANK score < 1.0): 'typed' = a finding of the expected kind is "
          "reported; 'flagged' = summary score over the cut")
    print(table(type_recall(rows, res, pred), ["type", "expected kinds", "typed recall", "flagged recall",
                                                "items"]))
    c = causes(rows, res, pred, articles)
    wrong = sum(1 for r in rows if r["id"] in pred and pred[r["id"]] != has_error(r))
    print(f"\nTop error causes ({min(300, wrong)} of {wrong} misclassified summaries inspected):")
    print(table([[k, v] for k, v in c.most_common(10)], ["cause", "count"]))
    if args.examples:
        bad = [r for r in rows if r["id"] in pred and pred[r["id"]] != has_error(r)]
        for r in random.Random(3).sample(bad, min(args.examples, len(bad))):
            rr = res[r["id"]]
            print(f"\n[{r['id']}] gold {'ERROR ' + ','.join(error_types(r)) if has_error(r) else 'factual'}; "
                  f"predicted {'error' if pred[r['id']] else 'factual'}\n  {rr.story}")
            for h in rr.hits:
                if h.family:
                    print(f"  - {h.kind} {h.rule} {h.confidence:.2f}: {h.text[:90]!r} (source: {h.before!r})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
