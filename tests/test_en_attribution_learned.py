"""The learned attribution stage: a CRF fitted on PolNeAR dev that refines the rules' attributions."""

from __future__ import annotations

from wirecheck.extractors import en_attribution_learned as learned
from wirecheck.extractors.en_attribution import attributions_en, is_report
from wirecheck.model import Document, Fact, FactType
from wirecheck.pipeline import analyse
from wirecheck.registry import DOC_STAGES, load_plugins
from wirecheck.segment.sentences import sentences_en


def _parsed(text: str) -> Document:
    doc = Document(text=text, lang="en")
    sentences_en(doc)
    attributions_en(doc)
    return doc


def _attributions(doc: Document) -> list[Fact]:
    return doc.facts_of(FactType.ATTRIBUTION)


def test_model_file_and_provenance() -> None:
    prov = learned.provenance()
    assert "PolNeAR dev" in prov["trained_on"]
    assert prov["script"] == "benchmarks/fit_attribution.py"
    assert "cross-validation by article" in prov["selection"]
    rules, tagged = prov["cv_dev"]["rules_only"]["all overlap"], prov["cv_dev"]["rules_plus_tagger"]["all overlap"]
    assert len(rules) == len(tagged) == 3 and all(0 < x <= 100 for x in rules + tagged)
    assert set(prov["decode"]) == {"grow", "trim", "add"}
    path = learned.model_path()
    assert path.name == prov["model"] and 0 < path.stat().st_size < 3_000_000


def test_stage_runs_after_the_rules_in_the_pipeline() -> None:
    load_plugins()
    st = DOC_STAGES["attributions.learned"]
    assert "facts.attribution" in st.requires and st.handles("en") and not st.handles("ru")
    doc = analyse("The minister said the talks had failed.", lang="en")
    assert doc.stages_run.index("attributions.en") < doc.stages_run.index("attributions.learned")
    assert not doc.meta.get("stage_errors")


def test_uncredited_quote_after_a_report_joins_its_content() -> None:
    # PolNeAR (and wire style) credit a quote that follows a report in the same paragraph to the same
    # speaker; the rules stop at the first sentence.
    text = ('Jones warned of a long winter. "Fuel prices will rise and people will struggle to heat '
            'their homes."\nThe council meets on Monday.')
    doc = _parsed(text)
    [rule] = _attributions(doc)
    assert rule.attrs["content"] == "a long winter"
    learned.attributions_learned(doc)
    [a] = _attributions(doc)
    assert a.attrs["content"].startswith("a long winter. \"Fuel prices will rise")
    assert a.attrs["content"].endswith('heat their homes."')  # the quote whole, closing mark included
    assert "council" not in a.attrs["content"]  # never past the paragraph
    assert a.attrs["refined"] == "attributions.learned"
    assert a.attrs["source"] == "Jones" and a.attrs["cue"] == "warned of"
    c0, c1 = a.attrs["content_start"], a.attrs["content_end"]
    assert text[c0:c1] == a.attrs["content"] and [c0, c1] == [a.attrs["content_spans"][0][0],
                                                               a.attrs["content_spans"][-1][1]]


def test_complete_report_is_left_alone() -> None:
    doc = _parsed("Officials said that the bridge had been repaired.\nTraffic resumed on Friday.")
    before = [dict(f.attrs) for f in _attributions(doc)]
    learned.attributions_learned(doc)
    assert [f.attrs for f in _attributions(doc)] == before


def test_an_added_attribution_is_a_position_not_a_report() -> None:
    # The decoder on its own: a cue run the rules missed, with a source and a content run beside it,
    # becomes an attribution outside the report classes (no vague-source or quote finding rests on it).
    text = "Republicans bristled at the questions about the election."
    doc = _parsed(text)
    assert not _attributions(doc)
    toks, paras, _ = learned.token_features(doc)
    role = {"Republicans": "S", "bristled": "C", "at": "C"}
    probs = [[{y: (1.0 if y == role.get(toks[i].text, "O" if toks[i].is_punct else "T") else 0.0)
               for y in learned.LABELS} for i in p] for p in paras]
    learned.apply_labels(doc, toks, paras, probs, grow=0.5, trim=1.1, add=0.9)
    [a] = _attributions(doc)
    assert a.extractor == "attributions.learned"
    assert a.attrs["cue"] == "bristled at" and a.attrs["source"] == "Republicans"
    assert a.attrs["content"] == "the questions about the election"
    assert not is_report(a.attrs) and a.attrs["vague"] is False


def test_a_cue_grows_over_the_words_the_tagger_reads_as_cue() -> None:
    # PolNeAR's cue takes the adjuncts of the verb ("said in an interview"); the rules give them to the
    # content.  The decoder moves them to the cue and the content gives them up; the source stays.
    text = "The senator said in an interview that the bill would pass."
    doc = _parsed(text)
    [rule] = _attributions(doc)
    assert rule.attrs["cue"] == "said" and rule.attrs["source"] == "The senator"
    toks, paras, _ = learned.token_features(doc)
    role = {"The": "S", "senator": "S", "said": "C", "in": "C", "an": "C", "interview": "C", ".": "O"}
    probs = [[{y: (1.0 if y == role.get(toks[i].text, "T") else 0.0) for y in learned.LABELS} for i in p]
             for p in paras]
    learned.apply_labels(doc, toks, paras, probs, grow=0.5, trim=1.1, add=1.1)
    [a] = _attributions(doc)
    assert a.attrs["cue"] == "said in an interview" and a.attrs["cue_base"] == "say"
    assert text[a.attrs["cue_start"]:a.attrs["cue_end"]] == a.attrs["cue"]
    assert a.attrs["source"] == "The senator"
    assert "interview" not in a.attrs["content"] and a.attrs["content"].endswith("the bill would pass")
    assert a.start <= a.attrs["cue_start"] and a.attrs["cue_end"] <= a.end
