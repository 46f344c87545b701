"""English attributions, refined by a learned tagger that reads the rules' output.

The rule extractor (``attributions.en``) misses cues outside its lexicon ("insisted on", "the
letter accuses") and cuts some contents too short or too long.  This stage runs after it: a
linear-chain CRF (python-crfsuite) labels every token of a paragraph as source, cue, content or
nothing, from the parse (form, tag, dependency, the governing verb and the edge that leads to it,
quotation marks) and from the rules' own labels (stacking), so what it learns is where the rules are
systematically wrong.  The labels then

- move the edges of a rule attribution's content and source to where the tagger puts them (a
  contiguous run grown or trimmed word by word, never a hole punched in the middle), and
- add an attribution for a run of cue tokens that no rule fact holds, with the source and content
  runs of its sentence that nothing else holds.

Added attributions have ``cue_class`` "position", outside the report classes, so the checks about
reported speech and vague sources leave them alone: the tagger finds that somebody holds a view, not
who said which words.  The model was fitted on the PolNeAR dev split by ``benchmarks/fit_attribution.py``
(provenance in ``data/attribution_crf.json``).  Fitting it also on the rules' output with a randomly
thinned cue lexicon, so that it learns to add the cues of verbs the lexicon lacks, was measured and is
off (see that script's docstring).
"""

from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left, bisect_right
from importlib import resources
from pathlib import Path
from typing import Any

from wirecheck.extractors.en_attribution import quote_spans, tokens, verb_base
from wirecheck.model import Document, Fact, FactType
from wirecheck.registry import stage

MODEL_FILE = "attribution_crf.crfsuite"
PROVENANCE_FILE = "attribution_crf.json"
EXTRACTOR = "attributions.learned"
LABELS = ("O", "S", "C", "T")  # nothing, source, cue, content
_WORD = re.compile(r"\w")
_CLOSING = re.compile("[\"”’»']")

# Decoding thresholds on the CRF's marginal probabilities, defaults for the ones the provenance file
# (chosen by cross-validation) does not set: a rule span grows over a word only when the tagger is this
# sure of the role; trims an edge word when it is this sure the word is nothing; a cue run no fact
# holds becomes an attribution when its best word is this sure.  Above 1: never.  (Dropping a rule fact
# the tagger reads as nothing was tried: +0.1 CV F1, not worth facts vanishing from the product.)
GROW = 0.5
TRIM = 1.1
ADD = 0.9

_lock = threading.Lock()
_tagger: Any = None
_decode: tuple[float, float, float] | None = None


def model_path() -> Path:
    return Path(str(resources.files("wirecheck") / "data" / MODEL_FILE))


def provenance() -> dict[str, Any]:
    """What the model was fitted on, with which features, and its cross-validated figures."""
    data: dict[str, Any] = json.loads((resources.files("wirecheck") / "data" / PROVENANCE_FILE).read_text())
    return data


def thresholds() -> tuple[float, float, float]:
    """(grow, trim, add) as fitted, else the defaults."""
    d = provenance().get("decode", {})
    return float(d.get("grow", GROW)), float(d.get("trim", TRIM)), float(d.get("add", ADD))


def _get_tagger() -> Any:
    """The CRF, opened once per process."""
    global _tagger
    with _lock:
        if _tagger is None:
            import pycrfsuite

            t = pycrfsuite.Tagger()
            t.open(str(model_path()))
            _tagger = t
    return _tagger


def _thresholds() -> tuple[float, float, float]:
    global _decode
    if _decode is None:
        _decode = thresholds()
    return _decode


# --- features ------------------------------------------------------------------------------------

def rule_roles(doc: Document, n: int, toks: list[Any]) -> tuple[list[str], list[str]]:
    """Per token: the roles the rule facts give it ('S', 'C', 'T', joined) and the cue class of the
    fact that holds it."""
    roles = [""] * n
    cls = [""] * n
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]

    def mark(a: int, b: int, r: str, c: str) -> None:
        for i in _overlapping(starts, ends, a, b):
            if r not in roles[i]:
                roles[i] += r
                if not cls[i] or r == "C":
                    cls[i] = c
    for f in doc.facts:
        if f.type is not FactType.ATTRIBUTION or f.extractor != "attributions.en":
            continue
        a = f.attrs
        c = str(a.get("cue_class", ""))
        mark(int(a["cue_start"]), int(a["cue_end"]), "C", c)
        if a.get("source_start") is not None:
            mark(int(a["source_start"]), int(a["source_end"]), "S", c)
        for x, y in a.get("content_spans") or []:
            mark(int(x), int(y), "T", c)
    return ["".join(sorted(r)) or "-" for r in roles], cls


def _overlapping(starts: list[int], ends: list[int], a: int, b: int) -> range:
    """Indices of the tokens (sorted, disjoint) that overlap characters ``a..b``."""
    return range(bisect_right(ends, a), bisect_left(starts, b))


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "AA"
    if text[:1].isupper():
        return "Aa"
    if text.isdigit():
        return "9"
    if text.isalpha():
        return "a"
    return "p"


_KID_DEPS = frozenset("ccomp xcomp nsubj nsubjpass dobj prep agent mark".split())


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else "4-6" if d <= 6 else "7+"


def paragraphs(toks: list[Any]) -> list[list[int]]:
    """Token indices per paragraph (a line of text), spaces left out."""
    out: list[list[int]] = []
    cur: list[int] = []
    for t in toks:
        if not t.is_space:
            cur.append(t.i)
        if "\n" in t.text or "\n" in t.whitespace_:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def token_features(doc: Document, skip_plain: bool = False) -> tuple[list[Any], list[list[int]], list[list[list[str]]]]:
    """The parse's tokens, the paragraphs (token indices) and per paragraph each token's features;
    ``skip_plain``: no features (an empty list) for a paragraph where the rules found nothing, when
    only the rules' facts are to be refined."""
    sp = doc.extras["spacy"]
    toks = tokens(sp)
    n = len(toks)
    roles, cls = rule_roles(doc, n, toks)
    quotes = quote_spans(doc.text)
    qi = 0
    in_quote = [False] * n
    for t in toks:
        while qi < len(quotes) and quotes[qi][1] <= t.idx:
            qi += 1
        in_quote[t.i] = qi < len(quotes) and quotes[qi][0] <= t.idx
    bases = [verb_base(t) for t in toks]
    sent_id = [0] * n
    k = -1
    for t in toks:
        if t.is_sent_start or k < 0:
            k += 1
        sent_id[t.i] = k
    sent_cue: dict[int, list[int]] = {}
    for i in range(n):
        if "C" in roles[i]:
            sent_cue.setdefault(sent_id[i], []).append(i)
    paras = paragraphs(toks)
    # Plain lists: a spaCy Token attribute costs a C call and a new object each time.
    low = [t.lower_ for t in toks]
    tag = [t.tag_ for t in toks]
    dep = [t.dep_ for t in toks]
    pos_ = [t.pos_ for t in toks]
    head = [t.head.i for t in toks]
    kids: list[set[str]] = [set() for _ in range(n)]
    for i in range(n):
        if head[i] != i and dep[i] in _KID_DEPS:
            kids[head[i]].add(dep[i])
    feats_all: list[list[list[str]]] = []
    for pno, para in enumerate(paras):
        feats_para: list[list[str]] = []
        if skip_plain and all(roles[i] == "-" for i in para):
            feats_all.append(feats_para)
            continue
        # Distance (in tokens) to the nearest rule content word on either side, for the edges.
        last_t = -1
        next_t = [-1] * len(para)
        nxt = -1
        for pos in range(len(para) - 1, -1, -1):
            next_t[pos] = nxt
            if "T" in roles[para[pos]]:
                nxt = pos
        for pos, i in enumerate(para):
            w = low[i]
            h = head[i]
            f = [
                "b", f"w={w}", f"s3={w[-3:]}", f"sh={_shape(toks[i].text)}", f"tag={tag[i]}", f"dep={dep[i]}",
                f"r={roles[i]}", f"rc={roles[i]}|{cls[i]}", f"q={in_quote[i]}", f"ent={toks[i].ent_type_}",
                f"hw={low[h] if tag[h].startswith('VB') else tag[h]}", f"hdep={dep[h]}",
                f"dep_htag={dep[i]}|{tag[h]}", f"hr={roles[h]}",
            ]
            if bases[i]:
                f.append("lex")
                f.append(f"base={bases[i]}")
            if pno == 0:
                f.append("para0")
            if pos == 0:
                f.append("pstart")
            for d in (-2, -1, 1, 2):
                j = pos + d
                if 0 <= j < len(para):
                    pj = para[j]
                    f.append(f"r{d}={roles[pj]}")
                    f.append(f"tag{d}={tag[pj]}")
                    if abs(d) == 1:
                        f.append(f"w{d}={low[pj]}")
                        f.append(f"r0{d}={roles[i]}|{roles[pj]}")
                else:
                    f.append(f"r{d}=#")
            # The governing verbs and the edges leading to them ('said' <-ccomp-, 'said' <-nsubj-).
            child, a, depth, seen_verb, seen_role = i, h, 0, 0, False
            while a != child and depth < 10:
                if not seen_role and roles[a] != "-":
                    # The nearest ancestor the rules gave a role: a word hanging off a content word is
                    # likely content the rules clipped.
                    f.append(f"anc_r={roles[a]}|{min(depth, 3)}")
                    seen_role = True
                if tag[a].startswith("VB") or pos_[a] in ("VERB", "NOUN"):
                    if seen_verb == 0:
                        f.append(f"gov={low[a]}|{dep[child]}")
                        f.append(f"govtag={tag[a]}|{dep[child]}")
                        f.append(f"govr={roles[a]}|{dep[child]}")
                    if "C" in roles[a]:
                        f.append(f"anc_rcue|{dep[child]}" if seen_verb == 0 else "anc_rcue")
                    if bases[a]:
                        f.append(f"anc_lex={bases[a]}|{dep[child]}" if seen_verb == 0 else
                                 f"anc_lex2|{dep[child]}")
                    seen_verb += 1
                child, a, depth = a, head[a], depth + 1
            f.append(f"depth={min(depth, 6)}")
            if tag[i].startswith("VB") or pos_[i] == "NOUN":
                for c in sorted(kids[i]):
                    f.append(f"kid={c}")
                    f.append(f"wkid={w}|{c}")
            if roles[i] == "-":
                f.append(f"dl={_bucket(pos - last_t)}" if last_t >= 0 else "dl=none")
                f.append(f"dr={_bucket(next_t[pos] - pos)}" if next_t[pos] >= 0 else "dr=none")
            else:
                last_t = pos if "T" in roles[i] else last_t
            cues = sent_cue.get(sent_id[i])
            if cues:
                f.append("sent_cue_" + ("before" if cues[0] < i else "after" if cues[-1] > i else "in"))
            else:
                f.append("sent_nocue")
            feats_para.append(f)
        feats_all.append(feats_para)
    return toks, paras, feats_all


# --- applying the labels -----------------------------------------------------------------------------

def _runs(idx: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in idx:
        if out and i == out[-1][-1] + 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _char_spans(toks: list[Any], run: list[int]) -> tuple[int, int]:
    a, b = run[0], run[-1]
    return toks[a].idx, toks[b].idx + len(toks[b].text)


def _wordy(toks: list[Any], ids: list[int]) -> bool:
    return any(_WORD.search(toks[i].text) for i in ids)


Probs = list[list[dict[str, float]]]


def apply_labels(doc: Document, toks: list[Any], paras: list[list[int]], probs: Probs,
                 grow: float | None = None, trim: float | None = None, add: float | None = None,
                 grow_cue: bool = True) -> None:
    """Refine the rule facts' source, cue and content edges and add the attributions the rules missed,
    from the tagger's per-token label probabilities (per paragraph)."""
    n = len(toks)
    g, tr, ad = GROW if grow is None else grow, TRIM if trim is None else trim, ADD if add is None else add

    # A role for growing (sure enough of it), 'O' where sure enough of nothing, '?' otherwise.
    lab = ["?"] * n
    cue_p = [0.0] * n
    free_lab = ["O"] * n  # best label, for the runs of an added attribution
    para_of = [-1] * n
    for p, (para, ps) in enumerate(zip(paras, probs, strict=True)):
        for i in para:
            para_of[i] = p
        for i, pr in zip(para, ps, strict=False):  # a paragraph left untagged has no probabilities
            best = max(pr, key=lambda k: pr[k])
            free_lab[i] = best
            cue_p[i] = pr.get("C", 0.0)
            if best != "O" and pr[best] >= g:
                lab[i] = best
            elif pr.get("O", 0.0) >= tr:
                lab[i] = "O"
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    space = [t.is_space for t in toks]

    def tok_range(a: int, b: int) -> list[int]:
        return [i for i in _overlapping(starts, ends, a, b) if not space[i]]

    owned = [False] * n
    rule = [f for f in doc.facts if f.type is FactType.ATTRIBUTION and f.extractor == "attributions.en"]
    for f in rule:
        a = f.attrs
        for x, y in [(a["cue_start"], a["cue_end"])] + ([(a["source_start"], a["source_end"])]
                                                         if a.get("source_start") is not None else []) \
                + [tuple(c) for c in a.get("content_spans") or []]:
            for i in tok_range(int(x), int(y)):
                owned[i] = True
    cue_tok = {i for f in rule for i in tok_range(int(f.attrs["cue_start"]), int(f.attrs["cue_end"]))}
    for f in rule:
        _refine(doc, f, toks, lab, para_of, cue_tok, owned, tok_range)
    if grow_cue:
        _grow_cues(doc, rule, toks, lab, paras, para_of, owned, tok_range)
    _add_missed(doc, toks, free_lab, cue_p, ad, owned)


def _grow(lo: int, hi: int, want: str, lab: list[str], para_of: list[int], blocked: set[int],
          toks: list[Any], trim: bool = True) -> tuple[int, int]:
    """Grow the token run ``lo..hi`` over neighbouring words labelled ``want`` (punctuation between
    them comes along) inside its paragraph, then (``trim``) trim edge words the tagger labels 'O' (a word
    labelled as another role is a nested report: the rules' call).  Never empties the run."""
    n = len(toks)
    p = para_of[lo]

    def wordy(i: int) -> bool:
        return bool(_WORD.search(toks[i].text))

    def step(i: int, d: int) -> int:
        j = i + d
        while 0 <= j < n and para_of[j] == p and not wordy(j) and j not in blocked:
            j += d
        return j if 0 <= j < n and para_of[j] == p and lab[j] == want and j not in blocked else -1
    while (j := step(lo, -1)) >= 0:
        lo = j
    grown_to = hi
    while (j := step(hi, 1)) >= 0:
        hi = j
    if not trim:
        return lo, hi
    trimmed = False
    while lo < hi and ((lab[lo] == "O" and wordy(lo)) or (trimmed and not wordy(lo))):
        trimmed = True
        lo += 1
    trimmed = False
    while lo < hi and ((lab[hi] == "O" and wordy(hi)) or (trimmed and not wordy(hi))):
        trimmed = True
        hi -= 1
    while lo < hi and toks[lo].is_space:
        lo += 1
    while lo < hi and toks[hi].is_space:
        hi -= 1
    # A run grown into a quotation keeps its closing mark ('... their homes."'), so the quote is whole.
    if hi > grown_to:
        j = hi + 1
        while j < n and para_of[j] == p and not toks[j].is_space and not wordy(j) and j not in blocked:
            if _CLOSING.search(toks[j].text):
                hi = j
            j += 1
    return lo, hi


def _moved(spans: list[tuple[int, int]], new: tuple[int, int]) -> list[tuple[int, int]]:
    """Content pieces with the outer edges moved to ``new`` (inner gaps, such as a cue inside a quote,
    stay)."""
    out = [(max(x, new[0]), min(y, new[1])) for x, y in spans if x < new[1] and new[0] < y]
    if not out:
        return [new]
    out[0] = (min(out[0][0], new[0]), out[0][1])
    out[-1] = (out[-1][0], max(out[-1][1], new[1]))
    return out


def _refine(doc: Document, f: Fact, toks: list[Any], lab: list[str], para_of: list[int], cue_tok: set[int],
            owned: list[bool], tok_range: Any) -> None:
    a = f.attrs
    spans = [(int(x), int(y)) for x, y in a.get("content_spans") or []]
    first = tok_range(*spans[0]) if spans else []
    last = tok_range(*spans[-1]) if spans else []
    if first and last:
        lo, hi = _grow(first[0], last[-1], "T", lab, para_of, cue_tok, toks)
        if (lo, hi) != (first[0], last[-1]):
            new = (spans[0][0] if lo == first[0] else toks[lo].idx,
                   spans[-1][1] if hi == last[-1] else toks[hi].idx + len(toks[hi].text))
            pieces = _moved(spans, new)
            for i in range(lo, hi + 1):
                owned[i] = True
            a["content_spans"] = [list(c) for c in pieces]
            a["content_start"], a["content_end"] = pieces[0][0], pieces[-1][1]
            a["content"] = doc.text[pieces[0][0]:pieces[-1][1]]
            a["refined"] = EXTRACTOR
    if a.get("source_start") is not None:
        src = tok_range(int(a["source_start"]), int(a["source_end"]))
        if src:
            lo, hi = _grow(src[0], src[-1], "S", lab, para_of, cue_tok, toks)
            if (lo, hi) != (src[0], src[-1]):
                for i in range(lo, hi + 1):
                    owned[i] = True
                a["source_start"] = int(a["source_start"]) if lo == src[0] else toks[lo].idx
                a["source_end"] = int(a["source_end"]) if hi == src[-1] else toks[hi].idx + len(toks[hi].text)
                a["refined"] = EXTRACTOR


def _grow_cues(doc: Document, facts: list[Fact], toks: list[Any], lab: list[str], paras: list[list[int]],
               para_of: list[int], owned: list[bool], tok_range: Any) -> None:
    """Grow each rule cue over the neighbouring words the tagger reads as cue: the auxiliaries, adverbs
    and adjuncts PolNeAR puts in the cue ("has repeatedly said in an interview Friday", "went on to
    say"), which the rules leave out or give to the content.  A cue takes words no other fact holds, or
    the edge of its own content (which then gives them up); never its source."""
    n = len(toks)
    holders = [0] * n
    spans_of: list[tuple[list[int], set[int], set[int]]] = []
    for f in facts:
        a = f.attrs
        cue = tok_range(int(a["cue_start"]), int(a["cue_end"]))
        src = set(tok_range(int(a["source_start"]), int(a["source_end"]))) if a.get("source_start") is not None else set()
        con = {i for x, y in a.get("content_spans") or [] for i in tok_range(int(x), int(y))}
        for i in set(cue) | src | con:
            holders[i] += 1
        spans_of.append((cue, src, con))
    for f, (cue, src, con) in zip(facts, spans_of, strict=True):
        if not cue or para_of[cue[0]] < 0:
            continue
        para = paras[para_of[cue[0]]]
        blocked = {i for i in para if i in src or holders[i] > (1 if i in con or i in cue else 0)}
        lo, hi = _grow(cue[0], cue[-1], "C", lab, para_of, blocked, toks, trim=False)
        if (lo, hi) == (cue[0], cue[-1]):
            continue
        a = f.attrs
        new_cue = set(range(lo, hi + 1))
        pieces: list[tuple[int, int]] = []
        for x, y in a.get("content_spans") or []:
            inside = tok_range(int(x), int(y))
            if not new_cue.intersection(inside):
                pieces.append((int(x), int(y)))
                continue
            for run in _runs([i for i in inside if i not in new_cue]):
                if _wordy(toks, run):
                    pieces.append(_char_spans(toks, run))
        if not pieces:
            continue
        c0 = int(a["cue_start"]) if lo == cue[0] else toks[lo].idx
        c1 = int(a["cue_end"]) if hi == cue[-1] else toks[hi].idx + len(toks[hi].text)
        a["cue_start"], a["cue_end"], a["cue"] = c0, c1, doc.text[c0:c1]
        a["content_spans"] = [list(c) for c in pieces]
        a["content_start"], a["content_end"] = pieces[0][0], pieces[-1][1]
        a["content"] = doc.text[pieces[0][0]:pieces[-1][1]]
        a["refined"] = EXTRACTOR
        if c0 < f.start or c1 > f.end:
            f.start, f.end = min(f.start, c0), max(f.end, c1)
            f.text = doc.text[f.start:f.end]
        for i in new_cue:
            owned[i] = True
            if i not in cue and i not in con:
                holders[i] += 1


def _add_missed(doc: Document, toks: list[Any], lab: list[str], cue_p: list[float], add: float,
                owned: list[bool]) -> None:
    """An attribution for each run of cue tokens no fact holds, with its sentence's free source and
    content runs."""
    sp_sents: list[tuple[int, int]] = []
    cur = -1
    for t in toks:
        if t.is_sent_start or cur < 0:
            sp_sents.append((t.i, t.i + 1))
            cur += 1
        else:
            sp_sents[-1] = (sp_sents[-1][0], t.i + 1)
    for s0, s1 in sp_sents:
        free = [i for i in range(s0, s1) if not owned[i] and not toks[i].is_space]
        cues = [r for r in _runs([i for i in free if lab[i] == "C"])
                if _wordy(toks, r) and max(cue_p[i] for i in r) >= add]
        if not cues:
            continue
        srcs = [r for r in _runs([i for i in free if lab[i] == "S"]) if _wordy(toks, r)]
        cons = [r for r in _runs([i for i in free if lab[i] == "T"]) if _wordy(toks, r)]

        for k, cue in enumerate(cues):
            my_cons = [r for r in cons if _nearest(r, cues) == k]
            if not my_cons:
                continue
            my_srcs = [r for r in srcs if _nearest(r, cues) == k]
            src = min(my_srcs, key=lambda r: min(abs(r[0] - cue[-1]), abs(cue[0] - r[-1]))) if my_srcs else None
            c0, c1 = _char_spans(toks, cue)
            content = [_char_spans(toks, r) for r in my_cons]
            s = _char_spans(toks, src) if src else None
            start, end = (min(c0, s[0]), max(c1, s[1])) if s else (c0, c1)
            head = max(cue, key=lambda i: toks[i].tag_.startswith("VB") or toks[i].pos_ == "NOUN")
            cue_base = verb_base(toks[head]) or toks[head].lower_
            source = doc.text[s[0]:s[1]] if s else ""
            doc.add_fact(FactType.ATTRIBUTION, start, end, key=source.lower(), extractor=EXTRACTOR,
                         confidence=0.6, source=source, source_key=source.lower(), cue=doc.text[c0:c1],
                         cue_base=cue_base, cue_kind="learned", cue_class="position", vague=False,
                         source_type="unknown" if s else "none", source_text=source,
                         source_start=s[0] if s else None, source_end=s[1] if s else None,
                         cue_start=c0, cue_end=c1, content_start=content[0][0], content_end=content[-1][1],
                         content_spans=[list(c) for c in content],
                         content=doc.text[content[0][0]:content[-1][1]])
            for r in [cue, *my_cons] + ([src] if src else []):
                for i in r:
                    owned[i] = True


def _nearest(run: list[int], cues: list[list[int]]) -> int:
    """Index of the cue run closest to ``run`` (in tokens)."""
    return min(range(len(cues)), key=lambda k: min(abs(run[0] - cues[k][-1]), abs(cues[k][0] - run[-1])))


def tag(feats: list[list[list[str]]], tagger: Any = None) -> Probs:
    """Per paragraph, per token, the marginal probability of each label."""
    tagger = tagger or _get_tagger()
    out: Probs = []
    for p in feats:
        if not p:
            out.append([])
            continue
        tagger.set(p)
        out.append([{y: tagger.marginal(y, k) for y in LABELS} for k in range(len(p))])
    return out


@stage(EXTRACTOR, requires=["sentences", "spacy", "facts.attribution"], provides=["facts.attribution.learned"],
       langs=["en"], order=41)
def attributions_learned(doc: Document) -> Document:
    """Attribution edges moved and missed cues added by a CRF fitted on PolNeAR dev over the rules' output."""
    if "spacy" not in doc.extras:
        return doc
    g, t, a = _thresholds()
    toks, paras, feats = token_features(doc, skip_plain=a > 1.0)
    apply_labels(doc, toks, paras, tag(feats), grow=g, trim=t, add=a)
    return doc
