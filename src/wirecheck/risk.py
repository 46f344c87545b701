"""The story's error risk: one calibrated number for "does this story contain a factual error?".

The findings say *where* a story departs from its source; a reader triaging a thousand stories also
needs *how likely* it is that something is wrong.  The risk is a logistic model over three features of a
comparison: the number of factual findings, the share of new word pairs and the number of content words
the source never uses (``align/support.py``).  Its weights are fitted
with class balancing on FRANK's valid split only (``benchmarks/fit_risk.py`` writes
``data/risk_model.json`` and records what it was fitted on); ``benchmarks/frank.py`` reports it on the
test split and ``benchmarks/faithbench.py`` on a benchmark it never saw.

Summaries are not news rewrites: the weights say how much new wording predicted errors in model-written
summaries.  A rewrite that paraphrases everything gets a high risk even when every fact checks out, which
is why the risk is shown beside the findings and never replaces them.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from wirecheck.kinds import FACTUAL_KINDS

if TYPE_CHECKING:
    from wirecheck.model import Comparison

# The strongest finding's confidence was tried as a fourth input and took a (small) negative weight
# beside the count of findings: left out, because a risk that falls as a finding gets surer is absurd.
MIN_CONFIDENCE = 0.5
# Tried and left out (issue 6): the number of sentences spliced from several source sentences and of
# dependency arcs joining two source words the source never joins (Novelty.spliced, .unjoined_arcs), and
# the highest per-sentence share of new pairs.  With them FRANK valid rose (CNN/DM newest models, cut
# chosen on valid CNN/DM: 0.690 -> 0.713-0.730), but FRANK test fell (0.658 -> 0.612-0.621) and
# FaithBench's analysis-half risk AUC fell (0.731 -> 0.704-0.716): the three inputs stay.
FEATURES = ("findings", "novel_pair_share", "novel_words")


def features(comp: Comparison) -> dict[str, float] | None:
    """The model's inputs, or None when the comparison has no same-language support measure."""
    if comp.source is None or comp.novelty is None:
        return None
    # Weak findings (a paraphrase no single sentence matches, at 0.35) are pointers for the reader, not
    # evidence of an error.
    factual = [f for f in comp.findings if f.kind in FACTUAL_KINDS and f.confidence >= MIN_CONFIDENCE]
    return {
        "findings": math.log1p(len(factual)),
        "novel_pair_share": comp.novelty.pair_share,
        "novel_words": math.log1p(len(comp.novelty.novel_words)),
    }


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The fitted weights and their provenance (read once per process)."""
    text = (resources.files("wirecheck") / "data" / "risk_model.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("risk_model.json was fitted on other features; re-run benchmarks/fit_risk.py")
    return data


def score(values: dict[str, float], params: dict[str, Any] | None = None) -> float:
    """Logistic probability for one feature dict under ``params`` (default: the shipped model)."""
    p = params or model()
    z = float(p["intercept"])
    for name, w, mu, sd in zip(p["features"], p["weights"], p["mean"], p["scale"], strict=True):
        z += float(w) * (values[name] - float(mu)) / float(sd)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def error_risk(comp: Comparison) -> float | None:
    values = features(comp)
    return None if values is None else score(values)
