"""The HTML report: both texts, every finding highlighted where it is, a legend, no remote resources,
escaping, and markup that stays well-formed when highlights nest or cross."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import EXAMPLES, run_cli
from wirecheck.kinds import KINDS, FindingKind
from wirecheck.model import Alignment, Comparison, Document, FactType, Finding, Sentence, Span, Verdict
from wirecheck.report import render

PAIR = EXAMPLES / "en-kupiansk-drones"


def split_doc(text: str, role: str, lang: str = "en") -> Document:
    """A document with one sentence per line or full stop: enough to test a renderer."""
    doc = Document(text=text, role=role, lang=lang, name=f"{role}.txt")
    for i, m in enumerate(re.finditer(r"\S[^\n]*?(?:[.!?](?=\s|$)|$)", text, re.M)):
        doc.sentences.append(Sentence(i, m.start(), m.end(), m.group()))
    return doc


def span_of(doc: Document, words: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(words, i + 1)
    return doc.span(i, i + len(words))


STORY = """Drones Hit Kharkiv Region

Air defence shot down 38 of 62 drones overnight, the Air Force said on Tuesday.
The drones came from the Kursk and Belgorod regions.
Governor Oleh Synehubov said two people were killed in Kupiansk.
"This was a deliberate strike," Synehubov wrote.
Experts say the attacks are likely to intensify."""

SOURCE = """KYIV, March 4. Air defence shot down 38 of 52 drones overnight, the Air Force said on Tuesday.
According to the Air Force, the drones came from the Kursk and Bryansk regions.
Governor Oleh Syniehubov said two people were wounded in Kupiansk.
"Rescuers are at the site," Syniehubov wrote."""


def hand_comparison(with_places: bool = True, story: str = STORY, source: str | None = SOURCE) -> Comparison:
    """A comparison with findings on known spans, nested and crossing, and (optionally) resolved places."""
    s = split_doc(story, "story")
    src = split_doc(source, "source") if source is not None else None
    comp = Comparison(story=s, source=src)
    if src is None:
        comp.add(Finding(FindingKind.VAGUE_ATTRIBUTION, "Unnamed experts.", span_of(s, "Experts say"),
                         rule="attr.vague", confidence=0.7))
        return comp
    comp.alignments = [Alignment(0, [], 0.0), Alignment(1, [1], 0.95), Alignment(2, [2], 0.9),
                       Alignment(3, [3], 0.9), Alignment(4, [4], 0.4), Alignment(5, [], 0.0)]
    comp.sentence_verdicts = {0: Verdict.ADDED, 1: Verdict.CHANGED, 2: Verdict.CHANGED,
                              3: Verdict.CHANGED, 4: Verdict.ADDED, 5: Verdict.ADDED}
    k = FindingKind
    comp.add(Finding(k.NUMBER_CHANGED, "The source gives 52 drones; the story 62.", span_of(s, "62"),
                     span_of(src, "52"), before="52", after="62", rule="slot:number", confidence=0.9,
                     suggestion="Write 52, as the source does."))
    comp.add(Finding(k.PLACE_CHANGED, "Bryansk became Belgorod.", span_of(s, "Belgorod"),
                     span_of(src, "Bryansk"), before="Bryansk", after="Belgorod", rule="slot:place"))
    comp.add(Finding(k.PREDICATE_CHANGED, "Wounded became killed.", span_of(s, "killed"),
                     span_of(src, "wounded"), rule="slot:event", confidence=0.8))
    comp.add(Finding(k.FABRICATED_QUOTE, "This quote is not in the source.",
                     span_of(s, '"This was a deliberate strike,"'), rule="quote", confidence=0.9))
    # Nested inside the quote above.
    comp.add(Finding(k.ADDED_CLAIM, "A deliberate strike is not in the source.",
                     span_of(s, "deliberate strike"), rule="added"))
    # Two spans that cross: "Experts say" and "say the attacks are likely".
    comp.add(Finding(k.VAGUE_ATTRIBUTION, "Unnamed experts.", span_of(s, "Experts say"), rule="attr"))
    comp.add(Finding(k.CERTAINTY_CHANGED, "A forecast with no source.",
                     span_of(s, "say the attacks are likely"), rule="hedge", confidence=0.6))
    if with_places:
        records = [(s, "Kupiansk", 49.7106, 37.6156, 704679, "Kharkiv Oblast", "Ukraine"),
                   (s, "Belgorod", 50.6107, 36.5802, 578072, "Belgorod Oblast", "Russia"),
                   (src, "Bryansk", 53.2521, 34.3717, 571476, "Bryansk Oblast", "Russia"),
                   (src, "Kupiansk", 49.7106, 37.6156, 704679, "Kharkiv Oblast", "Ukraine")]
        for doc, name, lat, lon, gn, region, country in records:
            sp = span_of(doc, name)
            fact = doc.add_fact(FactType.PLACE, sp.start, sp.end, key=f"gn:{gn}", name=name, lat=lat,
                                lon=lon, geonameid=gn, region=region, country=country, level="settlement")
            if name == "Belgorod":
                comp.findings[1].story_fact = fact.id
            if name == "Bryansk":
                comp.findings[1].source_fact = fact.id
    return comp


def parse(html_text: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html_text)


def text_of(el: lxml.html.HtmlElement) -> str:
    return str(el.text_content())


def has_class(el: lxml.html.HtmlElement, cls: str) -> bool:
    return cls in (el.get("class") or "").split()


@pytest.fixture(scope="module")
def hand_html() -> tuple[Comparison, str]:
    comp = hand_comparison()
    return comp, render(comp, "html")


def test_both_texts_shown_sentence_by_sentence(hand_html: tuple[Comparison, str]) -> None:
    comp, out = hand_html
    root = parse(out)
    for role, col, doc in (("st", "story-col", comp.story), ("src", "source-col", comp.source)):
        assert doc is not None
        column = root.get_element_by_id(col)
        for s in doc.sentences:
            block = root.get_element_by_id(f"{role}-s{s.index}")
            assert column in block.iterancestors()
            # The sentence reads exactly as in the text, highlights or not.
            assert text_of(block.find_class("stext")[0]) == s.text


def test_every_finding_highlighted_with_its_kind(hand_html: tuple[Comparison, str]) -> None:
    comp, out = hand_html
    root = parse(out)
    for i, f in enumerate(comp.findings):
        for span, col in ((f.story, "story-col"), (f.source, "source-col")):
            if span is None:
                continue
            marks = root.get_element_by_id(col).xpath(f".//mark[@data-f='{i}']")
            assert marks, f"finding {i} ({f.kind}) not highlighted in {col}"
            assert all(has_class(m, f"k-{f.kind.value}") for m in marks)
            # Pieces of a split highlight add up to the finding's words; nested marks repeat their
            # inner text, so join only the text that is directly each mark's own or its children's.
            covered = "".join(text_of(m) for m in marks if not any(
                a.tag == "mark" and a.get("data-f") == str(i) for a in m.iterancestors()))
            assert covered == span.text
        card = root.get_element_by_id(f"f-{i}")
        assert has_class(card, f"k-{f.kind.value}")
        assert KINDS[f.kind].label in text_of(card)
        assert f.message in text_of(card)
        assert f"{f.confidence:.2f}" in text_of(card)
    suggestion = root.get_element_by_id("f-0")
    assert "Write 52, as the source does." in text_of(suggestion)


def test_findings_grouped_by_severity_worst_first(hand_html: tuple[Comparison, str]) -> None:
    _, out = hand_html
    groups = [g.get("class") for g in parse(out).find_class("sevgroup")]
    assert groups[0] == "sevgroup sevgroup-critical"
    order = ["critical", "high", "medium", "low", "info"]
    seen = [next(s for s in order if f"sevgroup-{s}" in g) for g in groups]
    assert seen == sorted(seen, key=order.index)


def test_legend_lists_exactly_the_kinds_present(hand_html: tuple[Comparison, str]) -> None:
    comp, out = hand_html
    legend = parse(out).get_element_by_id("legend")
    items = legend.xpath(".//ul[@class='legend-kinds']/li")
    present = {f.kind for f in comp.findings}
    assert {li.get("class") for li in items} == {f"k-{k.value}" for k in present}
    labels = text_of(legend)
    for k in present:
        assert KINDS[k].label in labels
    for k in set(KINDS) - present:
        assert KINDS[k].label not in labels


def test_fidelity_score_and_alignment_links(hand_html: tuple[Comparison, str]) -> None:
    comp, out = hand_html
    root = parse(out)
    assert f"{comp.fidelity:.0f}" in text_of(root.find_class("score")[0])
    story_s1 = root.get_element_by_id("st-s1")
    assert story_s1.get("data-links") == "src-s1"
    assert root.get_element_by_id("src-s1").get("data-links") == "st-s1"
    assert [a.get("href") for a in story_s1.find_class("pair")] == ["#src-s1"]
    # A source sentence no story sentence came from is marked as such.
    assert has_class(root.get_element_by_id("src-s0"), "v-not-in-story")
    assert has_class(story_s1, "v-changed")


class _Balance(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
            "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def test_nested_and_crossing_highlights_keep_markup_well_formed(hand_html: tuple[Comparison, str]) -> None:
    comp, out = hand_html
    checker = _Balance()
    checker.feed(out)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    root = parse(out)
    # The crossing pair: the shared word "say" sits inside both highlights.
    shared = [m for m in root.xpath("//mark[@data-f='5']//mark[@data-f='6']") if text_of(m) == "say"]
    assert shared
    # The nested pair: "deliberate strike" is inside the quote's highlight.
    assert root.xpath("//mark[@data-f='3']//mark[@data-f='4']")


def _remote_references(out: str) -> list[str]:
    root = parse(out)
    bad: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("src", "href", "action", "formaction", "srcset", "poster", "data", "background",
                     "xlink:href", "manifest"):
            value = (el.get(attr) or "").strip().lower()
            if re.match(r"^(https?:)?//|^ftp:", value):
                bad.append(f"<{el.tag} {attr}={value}>")
        if el.tag == "link" and (el.get("rel") or "").lower() in ("stylesheet", "preload", "icon", "import"):
            bad.append(f"<link rel={el.get('rel')}>")
        if el.tag == "iframe":
            bad.append("<iframe>")
    for style in root.iter("style"):
        css = style.text or ""
        bad += [f"css {m}" for m in re.findall(r"url\(\s*['\"]?(?!data:|#)[^)]*\)", css)]
        bad += [f"css {m}" for m in re.findall(r"@import[^;]*", css)]
    return bad


def test_report_loads_nothing_from_anywhere(hand_html: tuple[Comparison, str]) -> None:
    _, out = hand_html
    assert _remote_references(out) == []
    # Leaflet's stylesheet is inlined with its images as data: URIs.
    assert "leaflet-container" in out and "url(data:image/png;base64," in out


def test_story_markup_is_shown_as_text_not_run() -> None:
    evil_story = ('Breaking <script>alert("x")</script> news: officials said 62 drones were '
                  'downed "><img src=x onerror=alert(1)> overnight.\nSecond sentence is here.')
    comp = Comparison(story=split_doc(evil_story, "story"),
                      source=split_doc("Officials said 52 drones were downed overnight.\n"
                                       "</textarea><script>alert(2)</script> ends.", "source"))
    comp.alignments = [Alignment(0, [0], 0.9)]
    assert comp.source is not None
    comp.add(Finding(FindingKind.NUMBER_CHANGED, 'Message with <b>"markup"</b>',
                     span_of(comp.story, "62"), span_of(comp.source, "52"), rule="<rule>",
                     suggestion="<script>alert(3)</script>"))
    out = render(comp, "html")
    root = parse(out)
    scripts = [s.text or "" for s in root.iter("script")]
    assert not any("alert(" in s for s in scripts)
    assert not list(root.iter("img")) and not list(root.iter("b")) and not list(root.iter("textarea"))
    assert '<script>alert("x")</script>' in text_of(root.get_element_by_id("story-col"))
    assert "<script>alert(2)</script>" in text_of(root.get_element_by_id("source-col"))
    assert 'Message with <b>"markup"</b>' in text_of(root.get_element_by_id("f-0"))


def test_map_marks_resolved_places_and_flags_finding_places(hand_html: tuple[Comparison, str]) -> None:
    _, out = hand_html
    root = parse(out)
    assert root.get_element_by_id("map") is not None
    data = json.loads(root.get_element_by_id("map-data").text)
    by_name = {p["name"]: p for p in data["places"]}
    assert set(by_name) == {"Kupiansk", "Belgorod", "Bryansk"}  # Kupiansk from both texts is one point
    assert {m["role"] for m in by_name["Kupiansk"]["mentions"]} == {"story", "source"}
    assert by_name["Belgorod"]["findings"] and by_name["Bryansk"]["findings"]
    assert not by_name["Kupiansk"]["findings"]
    assert by_name["Kupiansk"]["geonameid"] == "704679"
    # The place list links every mention to its sentence.
    hrefs = [a.get("href") for a in root.get_element_by_id("places").find_class("mention")]
    assert len(hrefs) == 4 and all(root.get_element_by_id(h[1:]) is not None for h in hrefs)
    countries = {f["properties"]["name"] for f in data["outlines"]["features"]}
    assert {"Ukraine", "Russia"} <= countries
    # Outlines are clipped and simplified: the whole report stays small.
    assert len(out.encode()) < 400_000


def test_no_resolved_places_says_so() -> None:
    out = render(hand_comparison(with_places=False), "html")
    root = parse(out)
    assert "No places were resolved" in text_of(root.get_element_by_id("map-empty"))
    assert "leaflet-container" not in out  # no Leaflet when there is nothing to draw
    assert len(out.encode()) < 80_000


def test_reference_checks_only_has_one_column() -> None:
    comp = hand_comparison(source=None)
    root = parse(render(comp, "html"))
    assert root.get_element_by_id("story-col") is not None
    assert not root.xpath("//*[@id='source-col']")
    assert "Reference checks only" in text_of(root.find_class("score")[0])
    assert not root.find_class("legend-verdicts")  # no alignment to explain without a source
    assert root.xpath("//mark[@data-f='0' and contains(@class, 'k-vague_attribution')]")


@pytest.fixture(scope="module")
def real_comparison() -> Comparison:
    from wirecheck.pipeline import compare

    return compare((PAIR / "story.txt").read_text(encoding="utf-8"),
                   (PAIR / "source.txt").read_text(encoding="utf-8"))


def test_real_comparison_renders_every_finding(real_comparison: Comparison) -> None:
    out = render(real_comparison, "html")
    root = parse(out)
    cards = root.find_class("finding")
    assert len(cards) == len(real_comparison.findings)
    for i, f in enumerate(real_comparison.findings):
        if f.story is not None and f.story.end > f.story.start:
            assert root.xpath(f"//*[@id='story-col']//mark[@data-f='{i}']")
    assert _remote_references(out) == []


def test_cli_writes_html_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_cli("compare", str(PAIR / "story.txt"), str(PAIR / "source.txt"), "--format", "html",
                   "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    root = parse(text)
    assert root.get_element_by_id("story-col") is not None and root.get_element_by_id("source-col") is not None


def test_reference_records_nested_or_flat_reach_card_and_map() -> None:
    comp = hand_comparison(with_places=False)
    s, src = comp.story, comp.source
    assert src is not None
    comp.findings = []
    comp.add(Finding(FindingKind.PLACE_CHANGED, "Another town.", span_of(s, "Kupiansk"),
                     span_of(src, "Kupiansk"), rule="slot:place", reference={
                         "story_place": {"name": "Kupiansk", "resolved_name": "Kupjansk", "geonameid": 704679,
                                         "region": "Kharkiv Oblast", "country": "Ukraine", "lat": 49.71,
                                         "lon": 37.61},
                         "source_place": {"name": "Izium", "geonameid": 707292, "region": "Kharkiv Oblast",
                                          "country": "Ukraine", "lat": 49.21, "lon": 37.25}}))
    comp.add(Finding(FindingKind.PLACE_NOT_IN_REGION, "Not in that region.", span_of(s, "Belgorod"),
                     rule="gazetteer", reference={"name": "Belgorod", "region": "Belgorod Oblast",
                                                  "country": "Russia", "geonameid": 578072,
                                                  "lat": 50.61, "lon": 36.58}))
    root = parse(render(comp, "html"))
    card = text_of(root.get_element_by_id("f-0"))
    assert "story place: Kupjansk, Kharkiv Oblast, Ukraine (GeoNames 704679)" in card
    assert "source place: Izium, Kharkiv Oblast, Ukraine (GeoNames 707292)" in card
    assert "Belgorod, Belgorod Oblast, Russia (GeoNames 578072)" in text_of(root.get_element_by_id("f-1"))
    places = json.loads(root.get_element_by_id("map-data").text)["places"]
    assert sorted(p["name"] for p in places) == ["Belgorod", "Izium", "Kupjansk"]
    assert all(p["findings"] for p in places)


def test_unsegmented_text_and_stray_spans_still_render() -> None:
    story = Document(text="One line with 62 drones and no sentence split", role="story", lang="en")
    source = Document(text="Source with 52 drones.", role="source", lang="en")
    comp = Comparison(story=story, source=source)
    comp.add(Finding(FindingKind.NUMBER_CHANGED, "62 vs 52", Span(14, 16, "62"), Span(12, 14, "52")))
    comp.add(Finding(FindingKind.ADDED_CLAIM, "past the end", Span(40, 400, "split"), None))
    comp.add(Finding(FindingKind.DROPPED_FACT, "empty span", Span(5, 5, ""), Span(-3, 2, "So")))
    out = render(comp, "html")
    checker = _Balance()
    checker.feed(out)
    assert checker.errors == [] and checker.stack == []
    root = parse(out)
    assert story.text in text_of(root.get_element_by_id("story-col"))
    assert [text_of(m) for m in root.xpath("//*[@id='story-col']//mark[@data-f='1']")] == ["split"]
    assert [text_of(m) for m in root.xpath("//*[@id='source-col']//mark[@data-f='2']")] == ["So"]
    assert len(root.find_class("finding")) == 3
