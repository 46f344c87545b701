"""How fast is ``wirecheck compare``?  Median milliseconds per pair, words per second, and the share of
time spent inside spaCy, for the shared fixture pairs and the project's own example pairs.

Models are loaded (and one warm-up pair run) before timing: the figure is the per-pair cost of a
process that is already running, as in ``wirecheck batch`` or the web app.

    .venv/bin/python benchmarks/compare_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from wirecheck.nlp.english import nlp
from wirecheck.pipeline import compare

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pairs() -> list[tuple[str, str, str]]:
    out = []
    for fx in sorted((SHARED / "fixtures").glob("*/")):
        for story in sorted(fx.glob("derivative-*.txt")):
            for src in ("source-en.txt", "source-ru.txt"):
                if (fx / src).exists():
                    out.append((f"{fx.name}/{story.stem} vs {src}", story.read_text(), (fx / src).read_text()))
    for d in sorted((ROOT / "examples" / "pairs").iterdir()):
        if (d / "story.txt").exists():
            out.append((d.name, (d / "story.txt").read_text(), (d / "source.txt").read_text()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    items = pairs()
    t0 = time.perf_counter()
    nlp()
    compare(items[0][1], items[0][2])  # warm-up: gazetteer, morphology, encoder
    print(f"model load + warm-up: {time.perf_counter() - t0:.1f} s")

    # Time spent inside spaCy: the same texts through the spaCy pipeline alone.
    pipe = nlp()
    rows = []
    for name, story, source in items:
        times, cpu_times, spacy_times = [], [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            compare(story, source)
            times.append(time.perf_counter() - t)
            cpu_times.append(time.process_time() - c)
            t = time.perf_counter()
            pipe(story)
            if analyse_is_english(source):
                pipe(source)
            spacy_times.append(time.perf_counter() - t)
        words = len(story.split()) + len(source.split())
        med = statistics.median(times)
        rows.append((name, len(story.split()), len(source.split()), med * 1000, words / med,
                     statistics.median(spacy_times) / med, statistics.median(cpu_times) * 1000))
    w = max(len(r[0]) for r in rows)
    # CPU time is printed beside wall time: on a shared machine the wall clock measures the neighbours.
    print(f"\n{'pair':<{w}}  story w  source w  median ms  CPU ms  words/s  spaCy share")
    for name, sw, tw, ms, wps, share, cpu in rows:
        print(f"{name:<{w}}  {sw:7d}  {tw:8d}  {ms:9.1f}  {cpu:6.1f}  {wps:7.0f}  {share:10.0%}")
    ms_all = [r[3] for r in rows]
    words_all = sum(r[1] + r[2] for r in rows)
    print(f"\n{len(rows)} pairs: median {statistics.median(ms_all):.1f} ms per pair, "
          f"{words_all / (sum(ms_all) / 1000):.0f} words/s overall, spaCy share "
          f"{statistics.median(r[5] for r in rows):.0%} (median)")
    seed = next((r for r in rows if "derivative-seed" in r[0] and "source-en" in r[0]), None)
    if seed:
        print(f"seed story ({seed[1]} words) vs English source: {seed[3]:.1f} ms wall, {seed[6]:.1f} ms CPU; "
              f"scaled to a 700-word story: ~{seed[6] * 700 / seed[1]:.0f} ms CPU (goal < 150 ms)")


def analyse_is_english(text: str) -> bool:
    from wirecheck.language.detect import detect_language

    return detect_language(text)[0] == "en"


if __name__ == "__main__":
    main()
