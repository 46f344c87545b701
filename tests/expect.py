"""Match a comparison's findings against a fact-checker's expectations (expected.json format).

An expected item matches a finding of the same kind when
- the item's ``derivative`` words are located in the story and the finding's story span covers at least
  half of them, without being much longer (a whole-paragraph finding does not count for "hour-long");
- the item's ``source`` words, when given, appear in what the finding says the source had
  (``before``) or in its source span;
- the item's ``speaker``, when given, is named in the finding's message.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.model import Comparison, Finding, Verdict

CHANGED_KINDS = {"place_changed", "person_changed", "title_changed", "unit_changed", "organization_changed",
                 "number_changed", "date_changed", "predicate_changed", "misattributed_quote"}


def norm(s: str) -> str:
    s = s.replace("’", "'").replace("ʼ", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    """Character span of ``needle`` in ``text``, ignoring case, spacing and apostrophe/quote style."""
    parts: list[str] = []
    for ch in needle.strip():
        if ch.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in "'’ʼ":
            parts.append("['’ʼ]")
        elif ch in '"“”':
            parts.append('["“”]')
        else:
            parts.append(re.escape(ch))
    m = re.search("".join(parts), text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``text`` (None: it does not), with the matcher's tolerance."""
    return _locate(text, needle)


def finding_matches(f: Finding, item: dict[str, Any], story_text: str) -> bool:
    if f.kind.value != item["kind"]:
        return False
    want = item["derivative"]
    loc = _locate(story_text, want)
    if loc is None:
        raise AssertionError(f"expected text {want!r} is not in the story")
    if f.story is None:
        return False
    a, b = loc
    overlap = min(b, f.story.end) - max(a, f.story.start)
    if overlap < max(1, (b - a) // 2):
        return False
    if f.story.end - f.story.start > max(3 * (b - a), (b - a) + 160):
        return False
    if "source" in item:
        said = norm((f.before or "") + " || " + (f.source.text if f.source else ""))
        if norm(item["source"]) not in said:
            return False
    if "speaker" in item and norm(item["speaker"]) not in norm(f.message):
        return False
    return True


def missing_findings(comp: Comparison, must_find: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in must_find
            if not any(finding_matches(f, item, comp.story.text) for f in comp.findings)]


def wrongly_changed(comp: Comparison, must_not: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Finding]]:
    bad = []
    for item in must_not:
        for f in comp.findings:
            if f.kind.value in CHANGED_KINDS and f.after and norm(item["derivative"]) in norm(f.after):
                bad.append((item, f))
    return bad


def unsupported(comp: Comparison, must_be_supported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in must_be_supported:
        loc = _locate(comp.story.text, item["derivative"])
        assert loc is not None, item
        sent = comp.story.sentence_at(loc[0])
        if comp.sentence_verdicts.get(sent) != Verdict.SUPPORTED:
            out.append(item)
    return out


def describe(comp: Comparison) -> str:
    """What was found, for assertion messages."""
    return "\n".join(f"  {f.kind.value}: story={f.story.text if f.story else None!r} after={f.after!r} "
                     f"before={f.before!r} msg={f.message!r}" for f in comp.findings)


def _overlap(a: int, b: int, span_start: int, span_end: int) -> int:
    return min(b, span_end) - max(a, span_start)


def missing_dropped(comp: Comparison, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``{"kind": "dropped_fact", "source_text": ...}`` items with no dropped_fact finding pointing at them.

    A finding counts when its source span overlaps the located source words and is not much longer than
    them (a dropped sentence or an element of it, not the whole source).
    """
    if comp.source is None:
        raise AssertionError("dropped facts need a comparison with a source")
    out = []
    for item in items:
        loc = _locate(comp.source.text, item["source_text"])
        if loc is None:
            raise AssertionError(f"expected text {item['source_text']!r} is not in the source")
        a, b = loc
        found = False
        for f in comp.findings:
            if f.kind.value != item.get("kind", "dropped_fact") or f.source is None:
                continue
            if _overlap(a, b, f.source.start, f.source.end) <= 0:
                continue
            if f.source.end - f.source.start > max(3 * (b - a), (b - a) + 160):
                continue
            found = True
            break
        if not found:
            out.append(item)
    return out


def missing_reference(comp: Comparison, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``reference_checks`` items (``{"kind": "place_not_in_region", "place": ..., "claimed_region": ...}``)
    with no finding of that kind about that place (its story span on the place name, or the place named
    in what the finding says the story has)."""
    text = comp.story.text
    out = []
    for item in items:
        place = item["place"]
        if _locate(text, place) is None:
            raise AssertionError(f"expected place {place!r} is not in the story")
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(place), text, re.IGNORECASE)]
        found = False
        for f in comp.findings:
            if f.kind.value != item["kind"]:
                continue
            on_place = f.story is not None and any(
                _overlap(a, b, f.story.start, f.story.end) >= max(1, (b - a) // 2) for a, b in spans)
            if on_place or norm(place) in norm(f.after or ""):
                found = True
                break
        if not found:
            out.append(item)
    return out
