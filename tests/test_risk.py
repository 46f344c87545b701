"""Wording support per sentence and the story's error risk (align/support.py, wirecheck.risk)."""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck.pipeline import compare
from wirecheck.risk import FEATURES, model

SOURCE = (
    "The city council of Lviv approved a budget of 2 billion hryvnias on Tuesday, Mayor Andriy Sadovyi "
    "said.\n"
    "Most of the money will go to schools and the repair of three bridges, he said.\n"
    "The vote was 41 to 12."
)


def test_a_copied_sentence_is_fully_supported_and_new_wording_is_not() -> None:
    story = ("The city council of Lviv approved a budget of 2 billion hryvnias on Tuesday, Mayor Andriy "
             "Sadovyi said.\nCritics accused the mayor of hiding a secret deal with foreign contractors.")
    comp = compare(story, SOURCE)
    support = {a.story: a.support for a in comp.alignments}
    assert support[0] == 1.0
    assert support[1] is not None and support[1] < 0.3
    assert comp.novelty is not None
    assert {"critic", "accuse", "secret", "contractor"} <= set(comp.novelty.novel_words)
    assert "budget" not in comp.novelty.novel_words


def test_an_invented_story_carries_more_risk_than_a_faithful_one() -> None:
    faithful = ("Lviv's city council approved a budget of 2 billion hryvnias on Tuesday, Mayor Andriy "
                "Sadovyi said. Most of the money will go to schools and the repair of three bridges.")
    invented = ("Lviv's city council rejected a budget of 5 billion hryvnias after protests, Mayor Andriy "
                "Sadovyi said, blaming sabotage by opposition deputies and warning of bankruptcy.")
    good, bad = compare(faithful, SOURCE), compare(invented, SOURCE)
    assert good.risk is not None and bad.risk is not None
    assert bad.risk > good.risk + 0.2
    assert good.risk < 0.5 <= bad.risk
    report = bad.to_dict()
    assert report["risk"] == round(bad.risk, 3)
    assert report["novelty"]["novel_pair_share"] > 0.3


def test_no_risk_across_languages_where_words_cannot_match() -> None:
    source = "Совет Львова утвердил бюджет в 2 миллиарда гривен во вторник, сообщил мэр Андрей Садовый."
    comp = compare("Lviv's council approved a budget of 2 billion hryvnias on Tuesday.", source)
    assert comp.novelty is None
    assert comp.risk is None
    assert comp.to_dict()["risk"] is None


def test_the_shipped_model_records_what_it_was_fitted_on() -> None:
    params = model()
    assert tuple(params["features"]) == FEATURES
    assert len(params["weights"]) == len(params["mean"]) == len(params["scale"]) == len(FEATURES)
    assert "FRANK valid" in params["fitted_on"]
    assert all(s > 0 for s in params["scale"])
    # The file is what the package reads, not a copy elsewhere.
    path = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / "risk_model.json"
    assert json.loads(path.read_text())["weights"] == params["weights"]


def test_reports_show_the_risk_and_each_sentence_s_support() -> None:
    from wirecheck.report import render

    story = ("The city council of Lviv approved a budget of 2 billion hryvnias on Tuesday, Mayor Andriy "
             "Sadovyi said.\nCritics accused the mayor of hiding a secret deal with foreign contractors.")
    comp = compare(story, SOURCE)
    text = render(comp, "text")
    assert f"error risk {comp.risk:.2f}" in text
    html = render(comp, "html")
    assert "100% worded as in source" in html
    low = next(a.support for a in comp.alignments if a.story == 1)
    assert f"{low:.0%} worded as in source" in html


def test_an_unmatched_sentence_in_the_source_s_own_words_is_only_a_weak_finding() -> None:
    source = ("The council met on Tuesday evening in the old town hall. Members discussed the budget for "
              "schools at length. Teachers asked for higher pay and smaller classes. Parents supported the "
              "teachers.")
    mixed = compare("Evening discussion: budget, pay, classes, parents, members, schools, hall.", source)
    invented = compare("Angry farmers blocked the motorway with tractors in protest.", source)
    assert [(f.rule, f.confidence) for f in mixed.findings if f.kind.value == "added_claim"] == [
        ("sentence.unaligned-paraphrase", 0.35)]
    assert [(f.rule, f.confidence) for f in invented.findings if f.kind.value == "added_claim"] == [
        ("sentence.unaligned", 0.6)]
