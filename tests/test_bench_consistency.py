"""The pure helpers of the FRANK and FaithBench benchmarks: how findings become labels, how spans are
matched and how the decision cut is chosen.  No model is loaded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _consistency import (  # noqa: E402
    FACTUAL_KINDS,
    Hit,
    balanced_accuracy,
    best_threshold,
    detokenise,
    family,
    flagged,
    merge_spans,
    overlaps,
    prf,
    recase,
    unglue,
)


def test_finding_kinds_map_to_error_families() -> None:
    assert family("number_changed") == "changed"
    assert family("predicate_changed") == "changed"
    assert family("misattributed_quote") == "changed"
    assert family("added_claim") == "added"
    assert family("fabricated_quote") == "added"
    # A summary drops facts by design, and gazetteer findings do not compare with the source.
    assert family("dropped_fact") == ""
    assert family("unknown_place") == ""


def test_flagged_ignores_dropped_facts_and_weak_findings() -> None:
    assert not flagged([Hit("dropped_fact", "r", 0.9), Hit("added_claim", "r", 0.4)])
    assert flagged([Hit("number_changed", "r", 0.6)])


def test_flagged_counts_the_factual_kinds_of_the_product() -> None:
    from wirecheck.kinds import FACTUAL_KINDS as PRODUCT

    assert {k.value for k in PRODUCT} == FACTUAL_KINDS
    # A dropped hedge or a vague source is wording: flagged only under the earlier, wider rule.
    hedge = [Hit("certainty_changed", "hedge.dropped", 0.75), Hit("vague_attribution", "r", 0.9)]
    assert not flagged(hedge) and flagged(hedge, factual_only=False)


def test_balanced_accuracy() -> None:
    truth = [True, True, True, False]
    assert balanced_accuracy(truth, [True] * 4) == 0.5  # always "error": no better than chance
    assert balanced_accuracy(truth, truth) == 1.0
    assert balanced_accuracy(truth, [True, False, False, False]) == pytest.approx(0.5 * (1 / 3 + 1))
    with pytest.raises(ValueError):
        balanced_accuracy([True, True], [True, False])


def test_best_threshold_separates_and_sits_between_scores() -> None:
    cut, ba = best_threshold([0.1, 0.2, 0.8, 0.9], [False, False, True, True])
    assert ba == 1.0 and 0.2 < cut < 0.8
    cut, ba = best_threshold([0.5, 0.5], [True, False])
    assert ba == 0.5


def test_token_overlap() -> None:
    text = "The film grossed $181 million on a production budget."
    prod = (text.index("production"), text.index("production") + len("production"))
    assert overlaps(text, prod, (text.index("a production"), len(text)))
    # Part of the same word counts: both ranges touch the token 'production'.
    assert overlaps(text, prod, (prod[0] + 3, prod[0] + 5))
    # Adjacent words, or only a space in common, do not.
    assert not overlaps(text, prod, (prod[1], prod[1] + 1))
    assert not overlaps(text, (0, 3), (4, 8))


def test_merge_spans_and_prf() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 4), (10, 12)]) == [(0, 4), (5, 9), (10, 12)]
    p, r, f = prf(1, 4, 2, 2)
    assert (p, r) == (0.25, 1.0) and f == pytest.approx(0.4)
    assert prf(0, 0, 0, 3) == (0.0, 0.0, 0.0)


def test_tokenised_lowercase_text_is_restored() -> None:
    summary = detokenise("gary locke 's team -lrb- kilmarnock -rrb- won $ 160 million , he said .")
    assert summary == "gary locke's team (kilmarnock) won $160 million, he said."
    article = "Kilmarnock confirmed it. The club said Gary Locke was staying at Kilmarnock."
    assert recase(summary, article) == "Gary Locke's team (Kilmarnock) won $160 million, he said."
    assert recase("Already Cased text.", article) == "Already Cased text."
    assert recase("the u.s. team said.", "He went to the U.S. and said it.") == "The U.S. team said."
    assert unglue("this season.Scotland cap") == "this season. Scotland cap"
    assert unglue("the U.S. team") == "the U.S. team"
