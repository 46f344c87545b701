"""Run the registered stages: :func:`analyse` one text, :func:`compare` a story with its source,
:func:`check_story` a story alone against reference data."""

from __future__ import annotations

import os
import time

from wirecheck.errors import UnsupportedLanguageError, WirecheckError
from wirecheck.inputs import Article
from wirecheck.model import Comparison, Document
from wirecheck.registry import DOC_STAGES, PAIR_STAGES, Stage, load_plugins, order_stages

SUPPORTED_LANGS = ("en", "ru", "uk")


def _doc_plan(lang: str) -> list[Stage]:
    stages = [s for s in DOC_STAGES.values() if s.handles(lang) and "lang" not in s.provides]
    # Drop stages whose needs nobody meets for this language (e.g. an English-only resolver input).
    while True:
        provided = {p for s in stages for p in s.provides} | {"lang"}
        keep = [s for s in stages if all(r in provided for r in s.requires)]
        if len(keep) == len(stages):
            break
        stages = keep
    return order_stages(stages, have={"lang"})


def analyse(text: str, *, role: str = "story", lang: str | None = None, name: str = "",
            meta: dict[str, object] | None = None, timings: dict[str, float] | None = None) -> Document:
    """Run every document stage that handles the text's language, in dependency order."""
    return _run_doc_stages(_new_document(text, role=role, lang=lang, name=name, meta=meta), timings)


def _new_document(text: str, *, role: str, lang: str | None, name: str = "",
                  meta: dict[str, object] | None = None) -> Document:
    """A Document with its language known (detected unless given) and supported."""
    load_plugins()
    doc = Document(text=text, role=role, name=name, lang=lang or "", meta=dict(meta or {}))
    if not doc.lang:
        for st in DOC_STAGES.values():
            if "lang" in st.provides:
                st.func(doc)
                doc.stages_run.append(st.name)
                break
    if doc.lang not in SUPPORTED_LANGS:
        what = doc.name or doc.role
        raise UnsupportedLanguageError(
            f"{what}: language {doc.lang or 'unknown'!r} is not supported (wirecheck reads "
            f"{', '.join(SUPPORTED_LANGS)})")
    return doc


# Stages everything else reads: if one of these fails, nothing downstream can be trusted.
ESSENTIAL = frozenset({"lang", "sentences", "spacy", "alignments", "matches"})


def _guarded(st: Stage, target: Document | Comparison, doc: Document) -> None:
    """Run a stage; an extractor or check that fails on some text is recorded in the document's
    ``meta["stage_errors"]`` (shown by every report) and the rest of the audit goes on, so one fragile
    rule costs its own findings, not the whole report."""
    if ESSENTIAL & set(st.provides):
        st.func(target)
        return
    try:
        st.func(target)
    except WirecheckError:
        raise  # set-up and input problems (no gazetteer, no model) are the user's to fix: a clear error
    except Exception as e:  # noqa: BLE001 - any failure of a non-essential stage is reported, not raised
        if os.environ.get("WIRECHECK_STRICT"):
            raise  # the test suite: a stage that breaks must fail its test, not thin a report silently
        errors = doc.meta.setdefault("stage_errors", [])
        assert isinstance(errors, list)
        errors.append(f"{st.scope}.{st.name}: {type(e).__name__}: {e}"[:300])


def _run_doc_stages(doc: Document, timings: dict[str, float] | None) -> Document:
    for st in _doc_plan(doc.lang):
        t0 = time.perf_counter()
        _guarded(st, doc, doc)
        doc.stages_run.append(st.name)
        if timings is not None:
            key = f"{doc.role}.{st.name}"
            timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
    return doc


def _analyse_pair(story: Document, source: Document, timings: dict[str, float]) -> tuple[Document, Document]:
    """Run the document stages of a story and its source; two English texts go through spaCy in one
    batch (cheaper than two calls, same annotations)."""
    if story.lang == "en" and source.lang == "en":
        from wirecheck.nlp.english import prefetch

        t0 = time.perf_counter()
        prefetch([story.text, source.text])
        timings["spacy.pipe"] = time.perf_counter() - t0
    return _run_doc_stages(story, timings), _run_doc_stages(source, timings)


def run_pair_stages(comp: Comparison) -> Comparison:
    load_plugins()
    standalone = comp.source is None
    stages = [s for s in PAIR_STAGES.values() if not (standalone and s.needs_source)]
    if standalone:
        provided = {p for s in stages for p in s.provides}
        stages = [s for s in stages if all(r in provided for r in s.requires)]
    for st in order_stages(stages):
        t0 = time.perf_counter()
        _guarded(st, comp, comp.story)
        comp.timings[f"pair.{st.name}"] = time.perf_counter() - t0
    return comp


def compare(story: str | Document, source: str | Document, *, story_lang: str | None = None,
            source_lang: str | None = None) -> Comparison:
    """Audit ``story`` against ``source``: align, match facts, run every check."""
    timings: dict[str, float] = {}
    if isinstance(story, Document) or isinstance(source, Document):
        s_doc = story if isinstance(story, Document) else analyse(story, role="story", lang=story_lang,
                                                                  timings=timings)
        src_doc = source if isinstance(source, Document) else analyse(source, role="source", lang=source_lang,
                                                                      timings=timings)
    else:
        s_doc, src_doc = _analyse_pair(_new_document(story, role="story", lang=story_lang),
                                       _new_document(source, role="source", lang=source_lang), timings)
    comp = Comparison(story=s_doc, source=src_doc, timings=timings)
    return run_pair_stages(comp)


def compare_articles(story: Article, source: Article, *, story_lang: str | None = None,
                     source_lang: str | None = None) -> Comparison:
    """Compare two validated articles (file, stdin or web input), keeping their names and metadata."""
    timings: dict[str, float] = {}
    s_doc, src_doc = _analyse_pair(
        _new_document(story.text, role="story", lang=story_lang, name=story.name, meta=story.meta),
        _new_document(source.text, role="source", lang=source_lang, name=source.name, meta=source.meta),
        timings)
    comp = compare(s_doc, src_doc)
    comp.timings.update(timings)
    return comp


def check_story(story: str | Document, *, lang: str | None = None) -> Comparison:
    """Run only the reference checks (gazetteer, vague sources) on a story with no source."""
    timings: dict[str, float] = {}
    s_doc = story if isinstance(story, Document) else analyse(story, role="story", lang=lang,
                                                              timings=timings)
    comp = Comparison(story=s_doc, source=None, timings=timings)
    return run_pair_stages(comp)
