"""Fit the story error risk (wirecheck.risk) on FRANK's valid split and write src/wirecheck/data/risk_model.json.

Only the valid split is read, so benchmarks/frank.py's test figures and benchmarks/faithbench.py stay
unseen.  The model is a class-balanced logistic regression with a little L2 shrinkage over the
features of wirecheck.risk.FEATURES, standardised; plain gradient descent (numpy), deterministic.

    .venv/bin/python benchmarks/fit_risk.py            # runs wirecheck over FRANK valid (~30 s), fits, writes
    .venv/bin/python benchmarks/fit_risk.py --dry-run  # prints the fit, writes nothing
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _consistency import ROOT, balanced_accuracy, run  # noqa: E402
from frank import has_error, load  # noqa: E402
from wirecheck.risk import FEATURES, score  # noqa: E402

OUT = ROOT / "src" / "wirecheck" / "data" / "risk_model.json"


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 5000, rate: float = 0.1
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Standardise, then minimise class-balanced log loss + L2; returns mean, scale, weights, intercept."""
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    pos = y.mean()
    # Each class weighs half of the loss, so a probability of 0.5 is the balanced decision point.
    sw = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g = (p - y) * sw
        w -= rate * (z.T @ g / len(y) + l2 * w / len(y))
        b -= rate * float(g.mean())
    return mean, scale, w, b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    rows, tasks = load("valid", None)
    res, secs = run(tasks, args.workers)
    ok = [r for r in rows if not res[r["id"]].error and res[r["id"]].features is not None]
    x = np.array([[res[r["id"]].features[f] for f in FEATURES] for r in ok])  # type: ignore[index]
    y = np.array([1.0 if has_error(r) else 0.0 for r in ok])
    mean, scale, w, b = fit(x, y)
    params = {
        "features": list(FEATURES), "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale], "weights": [round(float(v), 6) for v in w],
        "intercept": round(b, 6),
        "fitted_on": f"FRANK valid split: {len(ok)} summaries, {int(y.sum())} with errors",
        "method": "class-balanced logistic regression, L2 1.0, standardised features",
        "command": ".venv/bin/python benchmarks/fit_risk.py",
        "date": dt.date.today().isoformat(),
    }
    probs = [score(dict(zip(FEATURES, map(float, row), strict=True)), params) for row in x]
    ba = balanced_accuracy([bool(v) for v in y], [p >= 0.5 for p in probs])
    print(f"fitted on {len(ok)} FRANK valid summaries in {secs:.0f} s; valid balanced accuracy at risk >= 0.5: "
          f"{ba:.3f}")
    for f, wt in zip(FEATURES, w, strict=True):
        print(f"  {f:18s} weight {wt:+.3f}")
    if not args.dry_run:
        OUT.write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
