"""PolNeAR attribution benchmark: source, cue and content spans found by wirecheck's English extractors.

Reads ../shared/data/attribution/polnear/{dev,test} (brat stand-off, one annotator file per article),
runs the product's stages (``sentences.en``, then ``attributions.en``, the learned
``attributions.learned`` that refines the rules' output, ``quotes.en`` and ``hedges.en``) on each article
and scores the ATTRIBUTION facts through a thin adapter (their source/cue/content offsets).

Metrics, as in the Citron and PolNeAR papers:
- exact: a predicted span counts when its words are exactly a gold span's words (punctuation and
  quote marks ignored; a discontinuous span is the union of its pieces);
- overlap: Citron's token overlap, i.e. predicted words that lie inside gold spans of the same role
  over all predicted words (precision), and the converse (recall);
- quotes @0.3: GenderGapTracker-style, a direct quote (gold content opening with a quote mark) is found
  when a QUOTE fact covers it with word-level IoU >= 0.3; a QUOTE fact is correct when it matches a gold
  quote so, or lies inside any gold content; "+ speaker": precision is the share of matched quotes
  with a speaker whose speaker mention overlaps the gold source, recall the share of gold quotes so found.

    .venv/bin/python benchmarks/attribution.py                # dev and test
    .venv/bin/python benchmarks/attribution.py --split dev --limit 20
    .venv/bin/python benchmarks/attribution.py --split dev --rules-only   # without attributions.learned
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecheck.extractors.en_attribution import _form_table, attributions_en  # noqa: E402
from wirecheck.extractors.en_attribution_learned import attributions_learned  # noqa: E402
from wirecheck.extractors.en_hedges import hedges_en  # noqa: E402
from wirecheck.extractors.en_quotes import quotes_en  # noqa: E402
from wirecheck.model import Document, FactType  # noqa: E402
from wirecheck.segment.sentences import sentences_en  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "attribution" / "polnear"
ROLES = ("source", "cue", "content")
ANCHORS = {
    "all exact": ("BBC Citron, PARC3 test, all quote spans exact F1", 56.7),
    "all overlap": ("BBC Citron, PARC3 test, all quote spans overlap F1", 83.2),
    "quotes @0.3": ("GenderGapTracker quotes F1 at 0.3 overlap", 83.7),
}
UNIVOCAL = True  # see _outermost; --nested turns it off
LEARNED = True  # run attributions.learned after the rules; --rules-only turns it off
_WORD = re.compile(r"\w+")
_QUOTE_MARKS = "\"“”„«»"

Ranges = list[tuple[int, int]]


@dataclass
class Attr:
    source: Ranges = field(default_factory=list)
    cue: Ranges = field(default_factory=list)
    content: Ranges = field(default_factory=list)
    label: str = ""  # for error reports: the cue text
    cls: str = ""  # predicted only: the fact's cue_class (speech, belief, stance, position, unsourced)

    def get(self, role: str) -> Ranges:
        ranges: Ranges = getattr(self, role)
        return ranges


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attr]


def load_split(split: str, limit: int | None) -> list[Article]:
    base = DATA / split
    if not base.exists():
        raise SystemExit(f"PolNeAR {split} split not found at {base} (../shared must sit beside the project)")
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append(Article(txt.stem, text, parse_ann(anns[0], text)))  # first annotator only
        if limit and len(out) >= limit:
            break
    return out


def parse_ann(path: Path, text: str) -> list[Attr]:
    spans: dict[str, tuple[str, Ranges]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rng = parts[1].partition(" ")
            ranges = [(int(a), int(b)) for a, b in (r.split() for r in rng.split(";"))]
            spans[parts[0]] = (label, ranges)
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(x.split(":", 1) for x in parts[1].split()))
    out = []
    for rel in rels:
        a = Attr()
        for role in ROLES:
            tid = rel.get(role.capitalize())
            if tid and tid in spans:
                setattr(a, role, spans[tid][1])
        a.label = " ".join(text[x:y] for x, y in a.cue)
        out.append(a)
    return out


def words(ranges: Ranges, text: str) -> frozenset[int]:
    """Start offsets of the word characters runs inside ``ranges``: a span's identity, punctuation-blind."""
    out: set[int] = set()
    for a, b in ranges:
        out.update(a + m.start() for m in _WORD.finditer(text[a:b]))
    return frozenset(out)


def predict(art: Article) -> tuple[list[Attr], list[dict[str, Any]], Any, float, float]:
    """Run the product's stages: predicted attributions, quote facts, the parse, parse s, extract s."""
    doc = Document(text=art.text, lang="en", name=art.name)
    # CPU time, not wall time: on a shared 2-core machine wall time mostly measures the neighbours.
    t0 = time.process_time()
    sentences_en(doc)
    t1 = time.process_time()
    attributions_en(doc)
    if LEARNED:
        attributions_learned(doc)
    quotes_en(doc)
    hedges_en(doc)
    t2 = time.process_time()
    preds = []
    quotes = []
    for f in doc.facts:
        if f.type == FactType.ATTRIBUTION:
            a = f.attrs
            preds.append(Attr(
                source=[(a["source_start"], a["source_end"])] if a.get("source_start") is not None else [],
                cue=[(a["cue_start"], a["cue_end"])],
                content=[(x, y) for x, y in a["content_spans"]],
                label=a["cue"], cls=a.get("cue_class", "")))
        elif f.type == FactType.QUOTE:
            quotes.append(f.attrs | {"start": f.start, "end": f.end})
    if UNIVOCAL:
        preds = _outermost(preds)
    return preds, quotes, doc.extras["spacy"], t1 - t0, t2 - t1


def _outermost(preds: list[Attr]) -> list[Attr]:
    """PolNeAR is univocal (a token plays one role in one attribution), so an attribution reported
    inside another's content ("X said Y had told Z that ...") is not annotated: keep the outer one."""
    def inside(a: Attr, b: Attr) -> bool:
        return a is not b and any(x0 <= a.cue[0][0] < x1 for x0, x1 in b.content)
    return [a for a in preds if not any(inside(a, b) for b in preds)]


@dataclass
class Tally:
    tp_p: int = 0  # predicted spans that match
    n_p: int = 0
    tp_g: int = 0  # gold spans that are matched
    n_g: int = 0

    def add(self, other: Tally) -> None:
        self.tp_p += other.tp_p
        self.n_p += other.n_p
        self.tp_g += other.tp_g
        self.n_g += other.n_g

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def exact(pred: list[frozenset[int]], gold: list[frozenset[int]]) -> Tally:
    gs = Counter(g for g in gold if g)
    ps = Counter(p for p in pred if p)
    hit = sum(min(c, gs[k]) for k, c in ps.items())
    return Tally(hit, sum(ps.values()), hit, sum(gs.values()))


def overlap(pred: list[frozenset[int]], gold: list[frozenset[int]]) -> Tally:
    pw: frozenset[int] = frozenset().union(*pred) if pred else frozenset()
    gw: frozenset[int] = frozenset().union(*gold) if gold else frozenset()
    both = len(pw & gw)
    return Tally(both, len(pw), both, len(gw))


def iou(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def score(arts: list[Article], results: list[tuple[list[Attr], list[dict[str, Any]]]]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}

    def add(name: str, t: Tally) -> None:
        tallies.setdefault(name, Tally()).add(t)

    for art, (preds, quotes) in zip(arts, results, strict=True):
        for role in ROLES:
            g = [words(a.get(role), art.text) for a in art.gold if a.get(role)]
            p = [words(a.get(role), art.text) for a in preds if a.get(role)]
            e, o = exact(p, g), overlap(p, g)
            add(f"{role} exact", e)
            add(f"{role} overlap", o)
            add("all exact", e)
            add("all overlap", o)
        gq = [a for a in art.gold if a.content and art.text[a.content[0][0]] in _QUOTE_MARKS]
        gq_words = [words(a.content, art.text) for a in gq]
        pq_words = [words([(q["start"], q["end"])], art.text) for q in quotes]
        # A predicted quote is right when it matches a gold quote, or lies inside any gold content
        # (a quoted fragment of a paraphrase is still a quote somebody is credited with).
        g_all = [words(a.content, art.text) for a in art.gold if a.content]
        t = Tally(n_p=len(quotes), n_g=len(gq))
        t.tp_p = sum(1 for pw in pq_words if any(iou(pw, gw) >= 0.3 for gw in gq_words)
                     or any(pw and pw <= gw for gw in g_all))
        t.tp_g = sum(1 for gw in gq_words if any(iou(pw, gw) >= 0.3 for pw in pq_words))
        add("quotes @0.3", t)
        # Speaker: of the quotes that match a gold quote and name a speaker, how many name the gold
        # source (the mention as written: "he" is right where the annotator marked "he").
        sp = Tally(n_g=len(gq))
        good_gold: set[int] = set()
        for q, pw in zip(quotes, pq_words, strict=True):
            hits = [k for k, gw in enumerate(gq_words) if iou(pw, gw) >= 0.3]
            if not hits or q.get("speaker_start") is None:
                continue
            sp.n_p += 1
            mention = words([(q["speaker_start"], q["speaker_end"])], art.text)
            right = [k for k in hits if mention & words(gq[k].source, art.text)]
            if right:
                sp.tp_p += 1
                good_gold.update(right)
        sp.tp_g = len(good_gold)
        add("quotes @0.3 + speaker", sp)
    return tallies


def error_causes(arts: list[Article], preds: list[list[Attr]], parses: list[Any],
                 sample: int) -> dict[str, Counter[str]]:
    """Why attributions were missed, invented or cut wrong, over the first ``sample`` articles:
    cause -> the words involved (so the most frequent fix is visible with its examples)."""
    causes: dict[str, Counter[str]] = {}

    def note(cause: str, example: str) -> None:
        causes.setdefault(cause, Counter())[example.lower().strip()[:40]] += 1

    forms = _form_table()
    for art, pred, sp in list(zip(arts, preds, parses, strict=True))[:sample]:
        t = art.text
        for g in art.gold:
            match = next((p for p in pred if _touch(p.cue, g.cue)), None)
            if match is None:
                note(*_miss_cause(sp, g, t, forms))
                continue
            for role in ("source", "content"):
                gw, pw = words(g.get(role), t), words(match.get(role), t)
                if gw == pw:
                    continue
                if not pw:
                    cause = "none predicted, gold has one"
                elif not gw:
                    cause = "predicted where gold has none"
                elif not gw & pw:
                    cause = "wrong span (no overlap)"
                elif pw > gw:
                    cause = "span too long"
                elif pw < gw:
                    cause = "span too short"
                else:
                    cause = "boundaries differ"
                diff = sorted(pw ^ gw)
                ex = t[diff[0]:diff[0] + 30].split("\n")[0] if diff else ""
                note(f"{role}: {cause}", ex)
        for p in pred:
            if not any(_touch(p.cue, g.cue) for g in art.gold):
                note("false positive: attribution not in gold", p.label)
    return causes


def _touch(a: Ranges, b: Ranges) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _miss_cause(sp: Any, g: Attr, text: str, forms: dict[str, str]) -> tuple[str, str]:
    if not g.cue:
        return "miss: gold has no cue", ""
    a, b = g.cue[0][0], g.cue[-1][1]
    cue = text[a:b]
    toks = [t for t in sp if a <= t.idx < b and not t.is_punct]
    if not toks:
        return "miss: punctuation cue", cue
    verbs = [t for t in toks if t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")]
    if not verbs:
        return f"miss: {toks[-1].pos_.lower()} cue (not a verb)", cue
    v = verbs[-1]
    base = forms.get(v.lower_)
    if base is None:
        return "miss: verb not in cue lexicon", v.lower_
    return "miss: lexicon verb, no source/content found", f"{base} ({v.dep_})"


def run_split(split: str, limit: int | None, sample: int) -> dict[str, Any]:
    arts = load_split(split, limit)
    results = []
    parses = []
    t_parse = t_ext = 0.0
    t0 = time.perf_counter()
    for art in arts:
        preds, quotes, sp, tp, te = predict(art)
        results.append((preds, quotes))
        parses.append(sp)
        t_parse += tp
        t_ext += te
    wall = time.perf_counter() - t0
    tallies = score(arts, results)
    causes = error_causes(arts, [r[0] for r in results], parses, sample)
    by_class: Counter[str] = Counter()
    hit_class: Counter[str] = Counter()
    for art, (preds, _) in zip(arts, results, strict=True):
        for p in preds:
            by_class[p.cls] += 1
            hit_class[p.cls] += any(_touch(p.cue, g.cue) for g in art.gold)
    n_words = sum(len(a.text.split()) for a in arts)
    return {"split": split, "articles": len(arts), "gold": sum(len(a.gold) for a in arts),
            "pred": sum(len(r[0]) for r in results), "tallies": tallies, "causes": causes,
            "wall": wall, "parse": t_parse, "extract": t_ext, "words": n_words,
            "classes": {c: (n, hit_class[c]) for c, n in by_class.most_common()},
            "sampled": min(sample, len(arts))}


def print_report(runs: list[dict[str, Any]]) -> None:
    rows = ["source exact", "source overlap", "cue exact", "cue overlap", "content exact",
            "content overlap", "all exact", "all overlap", "quotes @0.3", "quotes @0.3 + speaker"]
    head = f"{'metric':24}" + "".join(f"{r['split'] + ' P/R/F1':>22}" for r in runs) + "  anchor"
    print("PolNeAR attribution spans: wirecheck attributions.en / quotes.en")
    print(head)
    print("-" * len(head))
    for row in rows:
        cells = ""
        for r in runs:
            p, rc, f = r["tallies"][row].prf()
            cells += f"{p:6.1f} {rc:6.1f} {f:6.1f}".rjust(22)
        anchor = ANCHORS.get(row)
        print(f"{row:24}{cells}  {f'{anchor[1]:.1f} ({anchor[0]})' if anchor else ''}")
    for r in runs:
        ms_word = 1000 * r["extract"] / max(1, r["words"]) * 700
        print(f"\n{r['split']}: {r['articles']} articles, {r['words']} words, {r['gold']} gold attributions, "
              f"{r['pred']} predicted; {r['tallies']['quotes @0.3'].n_g} gold direct quotes")
        print(f"  run time {r['wall']:.1f}s wall; CPU: spaCy parse {r['parse']:.1f}s, attribution+quote+hedge "
              f"stages{'' if LEARNED else ' (rules only)'} {r['extract']:.2f}s = {ms_word:.1f} ms per 700 words")
        print("  predicted by cue class (cue matches a gold cue): " + ", ".join(
            f"{c or '?'} {n} ({h})" for c, (n, h) in r["classes"].items()))
        print(f"  10 most frequent error causes in {r['sampled']} inspected articles (with examples):")
        ranked = sorted(r["causes"].items(), key=lambda kv: -sum(kv[1].values()))[:10]
        for cause, examples in ranked:
            top = ", ".join(f"'{w}' {n}" for w, n in examples.most_common(4))
            print(f"    {sum(examples.values()):5d}  {cause}: {top}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles per split")
    ap.add_argument("--sample", type=int, default=40, help="articles inspected for error causes")
    ap.add_argument("--nested", action="store_true",
                    help="score attributions nested in another's content too (PolNeAR never annotates them)")
    ap.add_argument("--rules-only", action="store_true",
                    help="leave out the learned stage (attributions.learned): the rules' own figures")
    args = ap.parse_args(argv)
    global UNIVOCAL, LEARNED
    UNIVOCAL = not args.nested
    LEARNED = not args.rules_only
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    runs = [run_split(s, args.limit, args.sample) for s in splits]
    print_report(runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
