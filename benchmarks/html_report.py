"""HTML report and web app figures: render time and report size over the example pairs, the map's
share of the size, and the JSON API's latency on one pair.

For every pair in examples/pairs it runs the pipeline once, then renders the report with and without
the map (``map=False``) and prints per-pair time and size.  Place facts only carry coordinates once the
gazetteer resolver runs; a pair without any prints ``-`` for the map.

    .venv/bin/python benchmarks/html_report.py
    .venv/bin/python benchmarks/html_report.py --repeat 5 --api
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecheck.pipeline import compare  # noqa: E402
from wirecheck.report import html_map, render  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="renders per pair (median is printed)")
    ap.add_argument("--api", action="store_true", help="also time POST /api/compare via TestClient")
    args = ap.parse_args()

    pairs = sorted(p for p in (ROOT / "examples" / "pairs").iterdir() if (p / "story.txt").exists())
    t0 = time.perf_counter()
    html_map.outlines((30.0, 44.0, 40.0, 52.0))  # the one-off open + first countries, reported apart
    print(f"first outline read (Natural Earth 1:10m, once per process): {time.perf_counter() - t0:.2f} s")
    print(f"{'pair':28} {'findings':>8} {'places':>6} {'render ms':>9} {'KB':>7} {'no-map KB':>9} "
          f"{'map KB':>7}")
    sizes, times = [], []
    for pair in pairs:
        try:
            comp = compare((pair / "story.txt").read_text(encoding="utf-8"),
                           (pair / "source.txt").read_text(encoding="utf-8"))
        except Exception as e:  # engine work in progress elsewhere must not hide the figures
            print(f"{pair.name:28} pipeline failed: {type(e).__name__}")
            continue
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            full = render(comp, "html")
            runs.append(time.perf_counter() - t)
        bare = render(comp, "html", map=False)
        places = len(html_map.collect_places(comp))
        ms = statistics.median(runs) * 1000
        kb, bare_kb = len(full.encode()) / 1024, len(bare.encode()) / 1024
        sizes.append(kb)
        times.append(ms)
        map_kb = f"{kb - bare_kb:7.1f}" if places else f"{'-':>7}"
        print(f"{pair.name:28} {len(comp.findings):8d} {places:6d} {ms:9.1f} {kb:7.1f} {bare_kb:9.1f} "
              f"{map_kb}")
    if sizes:
        print(f"median render {statistics.median(times):.1f} ms, median size {statistics.median(sizes):.1f} KB, "
              f"max size {max(sizes):.1f} KB over {len(sizes)} pairs")
    if args.api and pairs:
        from fastapi.testclient import TestClient

        from wirecheck.web.app import create_app

        client = TestClient(create_app())
        body = {"story": (pairs[0] / "story.txt").read_text(encoding="utf-8"),
                "source": (pairs[0] / "source.txt").read_text(encoding="utf-8")}
        lat = []
        for _ in range(max(3, args.repeat)):
            t = time.perf_counter()
            resp = client.post("/api/compare", json=body)
            lat.append(time.perf_counter() - t)
        print(f"POST /api/compare ({pairs[0].name}): status {resp.status_code}, "
              f"median {statistics.median(lat) * 1000:.0f} ms over {len(lat)} calls (models warm)")


if __name__ == "__main__":
    main()
