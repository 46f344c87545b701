"""The faster paths through spaCy give exactly what the plain ones give (timings live in
benchmarks/compare_speed.py, not here)."""

from __future__ import annotations

from wirecheck.nlp.english import IndexedRulerMatcher, nlp, parse, prefetch

TEXTS = [
    "Y'all didn't know it's nothin' they'd do: there were no reports of injuries, officials said.",
    "The governor's office said on Tuesday that 52 drones had been shot down over the Kursk region.\n"
    "\"We're going to rebuild,\" she said. I'd have gone. Are you? Is it done? Was that all?",
    "  Ukrainian forces repelled three assaults near Siversk, the General Staff said.   Gotta go, ain't it.",
]


def _sig(doc: object) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]  # type: ignore[attr-defined]


def test_indexed_attribute_ruler_finds_the_matchers_matches() -> None:
    ruler = nlp().get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedRulerMatcher)
    for text in TEXTS:
        doc = nlp()(text)
        fast = ruler.matcher(doc, allow_missing=True)
        slow = ruler.matcher._matcher(doc, allow_missing=True)
        assert sorted(fast) == sorted(slow)
        assert fast


def test_batched_parse_is_the_single_parse() -> None:
    prefetch(TEXTS[:2])
    batched = [parse(t) for t in TEXTS[:2]]
    for text, doc in zip(TEXTS[:2], batched, strict=True):
        assert _sig(doc) == _sig(nlp()(text))
    # Taken once: the next parse of the same text is a fresh one.
    assert parse(TEXTS[0]) is not batched[0]
