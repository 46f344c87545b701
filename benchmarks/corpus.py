"""Corpus-scale benchmark: a synthetic archive of templated wire reports (English and Russian) with
rewrites whose true source is known.

Prints, per archive size: ingest documents/s (index keys only, and the full NLP pipeline on a subsample),
trace latency (median, p95) and top-1 accuracy of rewrites against the archive, and the database size;
then batch throughput (trace + full analysis + compare) with 1 and 2 processes and a local Dask cluster.

    .venv/bin/python benchmarks/corpus.py --sizes 10000,100000
    .venv/bin/python benchmarks/corpus.py --sizes 2000 --stories 100 --batch-stories 12   # quick look
    .venv/bin/python benchmarks/corpus.py --sizes 2000 --stories 50 --full-sample 0 --batch-stories 60 \
        --batch-repeat 2                                    # batch scaling, 1 vs 2 workers, with CPU time

The archive is synthetic on purpose: a shared pool of towns, dates and officials gives every source many
same-day, same-place decoys; rewrites reorder and rephrase sentences, drop one, change a number or a
place and add an unsourced claim, and a fifth of the sources are in Russian with English rewrites.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from wirecheck.store.db import Store
from wirecheck.store.ingest import Item, ingest
from wirecheck.trace.search import trace_doc

# Syllables with their Russian spelling, so a name reads the same in both scripts.
SYL = [("ko", "ко"), ("va", "ва"), ("len", "лен"), ("dro", "дро"), ("mi", "ми"), ("ra", "ра"), ("tu", "ту"),
       ("bor", "бор"), ("ne", "не"), ("sa", "са"), ("lo", "ло"), ("vin", "вин"), ("gar", "гар"), ("de", "де"),
       ("pol", "пол"), ("ru", "ру"), ("sta", "ста"), ("zar", "зар"), ("mo", "мо"), ("ki", "ки"), ("bel", "бел"),
       ("tro", "тро"), ("na", "на"), ("dub", "дуб"), ("li", "ли"), ("ver", "вер"), ("shu", "шу"), ("kor", "кор")]
SURNAME_END = [("enko", "енко"), ("ov", "ов"), ("in", "ин"), ("sky", "ский"), ("chuk", "чук")]
TOWN_END = [("ivka", "ивка"), ("ovsk", "овск"), ("ne", "не"), ("hrad", "град"), ("ino", "ино")]
FIRST = [("Oleh", "Олег"), ("Ivan", "Иван"), ("Sergei", "Сергей"), ("Andrii", "Андрей"), ("Dmytro", "Дмитрий"),
         ("Pavel", "Павел"), ("Viktor", "Виктор"), ("Yurii", "Юрий"), ("Roman", "Роман"), ("Maksym", "Максим")]
TITLES = [("governor", "губернатор"), ("mayor", "мэр"), ("spokesman", "представитель"),
          ("commander", "командир"), ("regional police chief", "начальник полиции")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
OUTLETS = [f"outlet{i}.example" for i in range(40)]


def _word(rng: random.Random, ends: list[tuple[str, str]], n: int) -> tuple[str, str]:
    parts = [rng.choice(SYL) for _ in range(n)] + [rng.choice(ends)]
    lat, cyr = "".join(p[0] for p in parts), "".join(p[1] for p in parts)
    return lat.capitalize(), cyr.capitalize()


@dataclass
class Event:
    town: tuple[str, str]
    person: tuple[str, str]
    title: tuple[str, str]
    day: int
    month: int
    killed: int
    wounded: int
    drones: int
    downed: int
    unit: int
    houses: int


EN_SENTENCES = [
    "{TOWN}, {MONTH} {DAY} (Wire). {killed} people were killed and {wounded} wounded in an attack on {town}, "
    "{title} {person} said.",
    "Air defence units shot down {downed} of {drones} drones launched overnight, the military said.",
    "{person} said {houses} houses and a school were damaged in {town}.",
    "The {unit}th brigade was defending positions near {town}, according to the statement.",
    "\"We will restore power to every home within days,\" {person_short} said.",
    "Emergency crews were working at the scene on {MONTH} {DAY}, officials added.",
]
RU_SENTENCES = [
    "{TOWN}, {DAY} {MONTH_RU}. В результате удара по населенному пункту {town} погибли {killed} человек, еще "
    "{wounded} ранены, сообщил {title} {person}.",
    "Силы ПВО сбили {downed} из {drones} беспилотников, запущенных ночью, сообщили военные.",
    "По словам {title_gen} {person}, в населенном пункте {town} повреждены {houses} домов и школа.",
    "Позиции в районе населенного пункта {town} удерживает {unit}-я бригада.",
    "На месте работают экстренные службы, добавили в администрации.",
]
# Rewrites rephrase each English sentence (or translate a Russian one) in a second wording.
EN_REWRITE = [
    "An attack on {town} left {killed} dead and {wounded} injured, according to {title} {person}.",
    "The military said {downed} of the {drones} drones fired overnight had been downed.",
    "Around {houses} homes and a school in {town} were damaged, {person_short} said.",
    "Troops of the {unit}th brigade are holding the line near {town}.",
    "\"Every home will have power again within days,\" said {person_short}.",
    "Rescue teams worked at the site, officials said.",
]
ADDED = ["Analysts say the attack signals a new offensive in the region.",
         "Thousands of residents have reportedly fled in recent weeks.",
         "Observers believe talks could resume before the end of the month."]


def make_event(rng: random.Random, towns: list[tuple[str, str]], people: list[tuple[str, str]]) -> Event:
    drones = rng.randint(10, 90)
    return Event(rng.choice(towns), rng.choice(people), rng.choice(TITLES), rng.randint(1, 28),
                 rng.randint(1, 12), rng.randint(1, 40), rng.randint(2, 120), drones,
                 rng.randint(5, drones), rng.randint(3, 155), rng.randint(2, 60))


def _fill(tpl: str, e: Event, lang: str) -> str:
    town, person = (e.town[0], e.person[0]) if lang == "en" else (e.town[1], e.person[1])
    title = e.title[0] if lang == "en" else e.title[1]
    title_gen = {"губернатор": "губернатора", "мэр": "мэра", "представитель": "представителя",
                 "командир": "командира", "начальник полиции": "начальника полиции"}.get(title, title)
    return tpl.format(TOWN=town.upper(), town=town, MONTH=MONTHS[e.month - 1], MONTH_RU=MONTHS_RU[e.month - 1],
                      DAY=e.day, killed=e.killed, wounded=e.wounded, downed=e.downed, drones=e.drones,
                      houses=e.houses, unit=e.unit, title=title, title_gen=title_gen, person=person,
                      person_short=person.split()[-1])


# Which rewrite template restates each Russian sentence.
RU_TO_EN = [0, 1, 2, 3, 5]


def source_text(rng: random.Random, e: Event, lang: str) -> tuple[str, list[int]]:
    """The report, and the rewrite templates that restate its sentences."""
    tpls = EN_SENTENCES if lang == "en" else RU_SENTENCES
    picked = [0] + rng.sample(range(1, len(tpls)), k=rng.randint(2, len(tpls) - 1))
    text = "\n".join(_fill(tpls[i], e, lang) for i in picked)
    return text, [i if lang == "en" else RU_TO_EN[i] for i in picked]


def rewrite_text(rng: random.Random, e: Event, covered: list[int], towns: list[tuple[str, str]]) -> str:
    """Restate some of the source's sentences in another order, maybe with a changed number or place
    and an added claim."""
    idx = list(covered)
    rng.shuffle(idx)
    idx = idx[: max(2, rng.randint(len(idx) - 2, len(idx)))]
    mutated = Event(**e.__dict__)
    r = rng.random()
    if r < 0.3:
        mutated.killed += rng.randint(1, 9)
    elif r < 0.45:
        mutated.town = rng.choice(towns)
    lines = [_fill(EN_REWRITE[i], mutated, "en") for i in idx]
    if rng.random() < 0.5:
        lines.append(rng.choice(ADDED))
    return "\n".join(lines)


def archive(n_sources: int, n_stories: int, seed: int = 7) -> tuple[list[Item], list[tuple[Item, int]]]:
    """``n_sources`` source items, and rewrites of randomly chosen ones with the index of their source."""
    rng = random.Random(seed)
    towns = list(dict.fromkeys(_word(rng, TOWN_END, rng.randint(1, 2)) for _ in range(max(50, n_sources // 300))))
    people = []
    for _ in range(max(200, n_sources // 20)):
        first = rng.choice(FIRST)
        sur = _word(rng, SURNAME_END, rng.randint(1, 2))
        people.append((f"{first[0]} {sur[0]}", f"{first[1]} {sur[1]}"))
    sources: list[Item] = []
    events: list[tuple[Event, list[int]]] = []
    base = 1_700_000_000
    for i in range(n_sources):
        e = make_event(rng, towns, people)
        lang = "ru" if rng.random() < 0.2 else "en"
        ts = base + ((e.month - 1) * 28 + e.day) * 86400 + rng.randint(0, 20) * 3600
        text, covered = source_text(rng, e, lang)
        sources.append(Item(text=text + f"\n(ref {_ref(i)})", name=f"src-{i}", role="source",
                            outlet="Wire" if lang == "en" else "Лента", published=ts, lang=lang))
        events.append((e, covered))
    stories: list[tuple[Item, int]] = []
    for j, i in enumerate(rng.sample(range(n_sources), k=min(n_stories, n_sources))):
        src_ts = float(sources[i].published)  # type: ignore[arg-type]
        stories.append((Item(text=rewrite_text(rng, events[i][0], events[i][1], towns), name=f"story-{j}", role="story",
                             outlet=rng.choice(OUTLETS), published=src_ts + rng.randint(1, 12) * 3600,
                             lang="en"), i))
    return sources, stories


def _ref(i: int) -> str:
    """A unique lowercase tag (no digits, so it adds no number key) keeping every source text distinct."""
    out = ""
    while True:
        out += "abcdefghijklmnopqrstuvwxyz"[i % 26]
        i //= 26
        if not i:
            return out


def _db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def bench_size(n: int, n_stories: int, workers: int, tmp: Path) -> Path:
    sources, stories = archive(n, n_stories)
    db = tmp / f"archive-{n}.db"
    with Store(db) as store:
        t0 = time.perf_counter()
        st = ingest(store, [], items=sources, analysis="keys", workers=workers, batch=200)
        dt = time.perf_counter() - t0
        print(f"[{n} sources] ingest (index keys, {workers} processes): {st.stored} docs in {dt:.1f}s = "
              f"{st.stored / dt:.0f} docs/s")
        ingest(store, [], items=[s for s, _ in stories], analysis="keys", workers=1, batch=200)
        lat: list[float] = []
        hits = 0
        for item, src_idx in stories:
            doc = store.find(item.name)
            assert doc is not None
            t0 = time.perf_counter()
            cands = trace_doc(store, doc.id, top=5)
            lat.append((time.perf_counter() - t0) * 1000)
            hits += bool(cands) and cands[0].name == f"src-{src_idx}"
        lat.sort()
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
        print(f"[{n} sources] trace latency over {len(lat)} rewrites: median {statistics.median(lat):.1f} ms, "
              f"p95 {p95:.1f} ms; top-1 accuracy {hits / len(lat):.3f} ({hits}/{len(lat)})")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"[{n} sources] database size: {_db_size(db) / 1e6:.1f} MB ({_db_size(db) / n / 1e3:.2f} kB/source)")
    return db


def bench_full_ingest(n: int, workers: int, tmp: Path) -> None:
    sources, _ = archive(n, 0, seed=11)
    db = tmp / "full.db"
    with Store(db) as store:
        t0 = time.perf_counter()
        st = ingest(store, [], items=sources, analysis="full", workers=workers, batch=4)
        dt = time.perf_counter() - t0
    print(f"[full pipeline subsample] ingest of {st.stored} docs ({workers} processes, model loading "
          f"included): {dt:.1f}s = {st.stored / dt:.1f} docs/s; rejected {len(st.rejected)}")


class CpuMeter:
    """CPU seconds (user + system) of this process and of the worker processes it starts, directly or
    through a fork server (so not all of them are its children): descendants are sampled while they
    run, and each one's last reading counts."""

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        self._start = self._own()
        self._base = self._descendants()  # e.g. a fork server left from an earlier run
        self._last: dict[tuple[int, float], float] = {}
        self._t = 0.0

    def _own(self) -> float:
        t = self._me.cpu_times()
        return float(t.user + t.system)

    def _descendants(self) -> dict[tuple[int, float], float]:
        import psutil

        out: dict[tuple[int, float], float] = {}
        for p in self._me.children(recursive=True):
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    out[(p.pid, p.create_time())] = float(t.user + t.system)
            except psutil.Error:
                pass
        return out

    def sample(self, min_interval: float = 0.25) -> None:
        now = time.perf_counter()
        if now - self._t >= min_interval:
            self._t = now
            self._last.update(self._descendants())

    def totals(self) -> tuple[float, float]:
        """(this process, its worker processes) since the meter was made."""
        workers = sum(v - self._base.get(k, 0.0) for k, v in self._last.items())
        return self._own() - self._start, workers


def bench_batch(db: Path, n_stories: int, tmp: Path, repeat: int = 1, which: str = "pool,dask") -> None:
    from wirecheck.trace.batch import BatchStats, run_batch

    # Both process runs use worker processes (the same start-up and thread settings), so they compare.
    runs: list[tuple[str, int, str | None]] = []
    if "pool" in which:
        runs += [("1 worker process", 1, None), ("2 worker processes", 2, None)]
    if "dask" in which:
        runs += [("Dask LocalCluster, 1 worker", 1, "local"), ("Dask LocalCluster, 2 workers", 2, "local")]
    # Interleaved repeats (1, 2, 1, 2, ...) so that a burst of load from other work on the machine
    # does not fall on one setting only.
    seen: dict[tuple[int, str | None], list[tuple[float, float, float, int]]] = {}
    for rep in range(repeat):
        for label, workers, dask in runs:
            copy = tmp / "batch.db"
            shutil.copy(db, copy)
            stamps: list[float] = []

            meter = CpuMeter()

            def stamp(stats: BatchStats, total: int, stamps: list[float] = stamps, meter: CpuMeter = meter) -> None:
                stamps.append(time.perf_counter())
                meter.sample(0.0 if stats.checked + len(stats.errors) >= total else 0.25)

            with Store(copy) as store:
                ids = store.unchecked_stories()[:n_stories]
                stats = run_batch(store, workers=workers, dask=dask, story_ids=ids, on_result=stamp, pool=True)
            parent_cpu, worker_cpu = meter.totals()
            # Steady state: the second half of the results, when every worker has loaded its models (each
            # loads them lazily, language by language, at its own pace).
            k = len(stamps) // 2
            steady = (len(stamps) - 1 - k) / (stamps[-1] - stamps[k]) if len(stamps) > k + 1 else 0.0
            print(f"[batch] run {rep + 1}, {label}: {stats.checked} stories in {stats.seconds:.1f}s = "
                  f"{stats.per_second:.2f} stories/s with start-up and model loading; steady state "
                  f"{steady:.2f} stories/s; CPU: parent {parent_cpu:.1f}s, workers {worker_cpu:.1f}s "
                  f"({len(stats.errors)} errors)", flush=True)
            seen.setdefault((workers, dask), []).append((stats.seconds, parent_cpu, worker_cpu, stats.checked))
            for p in tmp.glob("batch.db*"):
                p.unlink()
    for dask in dict.fromkeys(d for _, _, d in runs):
        one, two = seen.get((1, dask)), seen.get((2, dask))
        if one and two:
            _scaling_summary("Dask LocalCluster" if dask else "process pool", one, two)


def _scaling_summary(name: str, one: list[tuple[float, float, float, int]],
                     two: list[tuple[float, float, float, int]]) -> None:
    """1 -> 2 workers: the measured wall-time ratio, and what the CPU times predict on two otherwise idle
    cores (wall time on a shared machine depends on what else runs; CPU time much less)."""
    med = statistics.median
    wall = med(r[0] for r in one) / med(r[0] for r in two)
    n = one[0][3] or 1
    parent = med(r[1] for r in one + two) / n  # main process CPU per story
    load = max(0.0, med(r[2] for r in two) - med(r[2] for r in one))  # one more worker's start-up
    work = max(1e-9, (med(r[2] for r in one) - load) / n)  # worker CPU per story, models loaded
    # One worker: the main process runs beside it on the other core.  Two workers: three processes share
    # two cores, and the main process alone caps the rate.
    rate1 = 1.0 / max(work, parent)
    rate2 = min(2.0 / (work + parent), 1.0 / parent if parent else float("inf"))
    print(f"[batch] {name}, 1 -> 2 workers: wall-time speed-up {wall:.2f}x (median of {len(one)} runs each); "
          f"CPU per story: main process {parent * 1000:.1f} ms, worker {work * 1000:.1f} ms (+{load:.1f}s model "
          f"loading per worker); predicted on 2 idle cores {rate2 / rate1:.2f}x ({rate1:.1f} -> {rate2:.1f} "
          f"stories/s); the main process alone would cap any number of workers at "
          f"{1.0 / parent if parent else float('inf'):.0f} stories/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="archive sizes (sources), comma-separated")
    ap.add_argument("--stories", type=int, default=300, help="rewrites to trace per size")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="ingest processes")
    ap.add_argument("--full-sample", type=int, default=60, help="documents for the full-pipeline ingest")
    ap.add_argument("--batch-stories", type=int, default=80, help="stories per batch run (0: skip)")
    ap.add_argument("--batch-repeat", type=int, default=1, help="repeat the batch runs (interleaved)")
    ap.add_argument("--batch-runs", default="pool,dask", help="which batch executors: pool, dask or both")
    ap.add_argument("--keep", type=Path, default=None, help="keep the databases in this folder")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"wirecheck corpus benchmark: sizes {sizes}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="wirecheck-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        dbs = [bench_size(n, args.stories, args.workers, tmp) for n in sizes]
        if args.full_sample:
            bench_full_ingest(args.full_sample, args.workers, tmp)
        if args.batch_stories:
            bench_batch(dbs[0], args.batch_stories, tmp, args.batch_repeat, args.batch_runs)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
