"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright): the form
flow through the web app, and a report file opened from disk, with no request leaving this machine."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import EXAMPLES
from tests.test_html_report import hand_comparison, split_doc
from wirecheck.model import Alignment, Comparison, Finding
from wirecheck.report import render

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAIR = EXAMPLES / "en-kupiansk-drones"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (/usr/bin/chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from wirecheck.web.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page that records every request and script error."""

    def __init__(self, browser: Any, width: int = 1400, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        # The first comparison in a process loads the language models: on a busy 2-core machine
        # that can take longer than playwright's default 30 s.
        self.page.set_default_navigation_timeout(120_000)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def remote_requests(self, allowed_host: str | None = None) -> list[str]:
        out = []
        for url in self.requests:
            u = urlparse(url)
            if u.scheme in ("file", "data", "about", "blob"):
                continue
            if allowed_host and u.hostname == allowed_host:
                continue
            out.append(url)
        return out


def test_form_flow_shows_findings(server: str, browser: Any) -> None:
    p = Page(browser)
    try:
        page = p.page
        page.goto(server + "/")
        page.fill("#story", (PAIR / "story.txt").read_text(encoding="utf-8"))
        page.fill("#source", (PAIR / "source.txt").read_text(encoding="utf-8"))
        page.click("#compare-btn", no_wait_after=True)
        page.wait_for_selector("#findings .finding", timeout=120_000)
        assert page.locator("#findings .finding").count() > 0
        assert page.locator("#story-col mark.hl").count() > 0
        assert page.locator(".score .value").inner_text().strip().isdigit()
        assert p.errors == []
        assert p.remote_requests(allowed_host="127.0.0.1") == []
    finally:
        p.page.close()


def test_form_error_is_shown(server: str, browser: Any) -> None:
    p = Page(browser)
    try:
        page = p.page
        page.goto(server + "/")
        page.fill("#story", (PAIR / "story.txt").read_text(encoding="utf-8"))
        page.click("#compare-btn", no_wait_after=True)  # no source
        page.wait_for_selector("#error", timeout=60_000)
        assert "source" in page.locator("#error").inner_text()
        assert page.locator("#story").input_value().startswith("Ukraine Downs")
    finally:
        p.page.close()


def test_file_upload_fills_the_text_area(server: str, browser: Any) -> None:
    p = Page(browser)
    try:
        page = p.page
        page.goto(server + "/")
        page.set_input_files("input[data-target='story']", str(PAIR / "story.txt"))
        page.set_input_files("input[data-target='source']", str(PAIR / "source.txt"))
        # (polled from here: the page's CSP rightly forbids evaluating strings inside it)
        deadline = time.monotonic() + 10
        while not page.input_value("#source") and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert page.input_value("#story") == (PAIR / "story.txt").read_text(encoding="utf-8")
        assert page.input_value("#source").startswith("KYIV")
        assert p.errors == []
    finally:
        p.page.close()


def _long_comparison() -> Comparison:
    """A source long enough that its column scrolls; story sentence 0 comes from the last line."""
    lines = [f"Filler line number {i} says nothing much at all." for i in range(60)]
    lines.append("The brigade said it repelled three assaults near the village.")
    source = split_doc("\n".join(lines), "source")
    story = split_doc("The brigade said it repelled four assaults near the village.\nA second line.", "story")
    comp = Comparison(story=story, source=source)
    comp.alignments = [Alignment(0, [60], 0.9), Alignment(1, [], 0.0)]
    from tests.test_html_report import span_of
    from wirecheck.kinds import FindingKind

    comp.add(Finding(FindingKind.NUMBER_CHANGED, "three became four", span_of(story, "four"),
                     span_of(source, "three"), rule="test"))
    return comp


def test_report_file_links_aligned_sentences(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render(hand_comparison(), "html"), encoding="utf-8")
    p = Page(browser)
    try:
        page = p.page
        page.goto(path.as_uri())
        page.hover("#st-s2")
        assert "linked" in (page.get_attribute("#src-s2", "class") or "").split()
        assert "linked" not in (page.get_attribute("#src-s1", "class") or "").split()
        page.click("#src-s1 .stext")  # and back: a source sentence lights up its story sentence
        assert "linked" in (page.get_attribute("#st-s1", "class") or "").split()
        # Clicking a highlight selects its finding card.
        page.click("#story-col mark[data-f='0']")
        assert "active" in (page.get_attribute("#f-0", "class") or "").split()
        # The same from the keyboard: a highlight takes focus and Enter selects its finding.
        page.focus("#f2-story")
        page.keyboard.press("Enter")
        assert "active" in (page.get_attribute("#f-2", "class") or "").split()
        assert "active" not in (page.get_attribute("#f-0", "class") or "").split()
        # The map: outlines plus one marker per resolved place, finding places in red.
        page.wait_for_selector("#map path.place")
        assert page.locator("#map path.place").count() == 3
        assert page.locator("#map path.place.flagged").count() == 2
        assert page.locator("#map .country-label", has_text="Ukraine").count() == 1
        page.click("#map path.place.flagged >> nth=0", force=True)
        page.wait_for_selector(".leaflet-popup-content")
        assert "GeoNames" in page.locator(".leaflet-popup-content").inner_text()
        # A mention in the popup leads to its sentence.
        mention = page.locator(".leaflet-popup-content a").first
        target = (mention.get_attribute("href") or "#").lstrip("#")
        mention.focus()
        page.keyboard.press("Enter")
        assert "linked-self" in (page.get_attribute(f"#{target}", "class") or "").split()
        assert p.errors == []
        assert p.remote_requests() == []
    finally:
        p.page.close()


def test_hover_scrolls_the_aligned_sentence_into_view(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    path.write_text(render(_long_comparison(), "html"), encoding="utf-8")
    p = Page(browser, height=700)
    try:
        page = p.page
        page.goto(path.as_uri())
        box = page.locator("#source-col .text")
        assert box.evaluate("e => e.scrollTop") == 0
        assert not _inside(page, "#src-s60", "#source-col .text")
        page.hover("#st-s0")
        page.wait_for_function("document.querySelector('#source-col .text').scrollTop > 0")
        assert "linked" in (page.get_attribute("#src-s60", "class") or "").split()
        assert _inside(page, "#src-s60", "#source-col .text")
        assert page.locator("#map-empty").count() == 1  # no places here: the map says so
        assert p.errors == [] and p.remote_requests() == []
    finally:
        p.page.close()


def _inside(page: Any, sel: str, box_sel: str) -> bool:
    return bool(page.evaluate(
        """([s, b]) => { const r = document.querySelector(s).getBoundingClientRect();
                         const c = document.querySelector(b).getBoundingClientRect();
                         const top = Math.max(c.top, 0), bottom = Math.min(c.bottom, innerHeight);
                         return r.top >= top - 1 && r.bottom <= bottom + 1; }""", [sel, box_sel]))
