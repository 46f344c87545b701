"""The web app through FastAPI's TestClient: the JSON API, the form and report pages, and every kind of
bad input answered with a 4xx and a one-line message."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import httpx
import lxml.html
import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES, run_cli
from wirecheck.inputs import MAX_BYTES
from wirecheck.web.app import MAX_BODY, create_app

PAIR = EXAMPLES / "en-kupiansk-drones"
STORY = (PAIR / "story.txt").read_text(encoding="utf-8")
SOURCE = (PAIR / "source.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _error(resp: httpx.Response) -> str:
    body = resp.json()
    assert set(body) == {"error"}
    msg = body["error"]
    assert isinstance(msg, str) and msg and "\n" not in msg
    return msg


def test_health(client: TestClient) -> None:
    resp = client.get("/api/health")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok" and "en" in body["languages"]


def test_api_compare_returns_the_comparison(client: TestClient) -> None:
    resp = client.post("/api/compare", json={"story": STORY, "source": SOURCE})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["schema"].startswith("wirecheck.comparison/")
    assert data["story"]["text"] == STORY.strip() and data["source"]["text"] == SOURCE.strip()
    assert data["story"]["lang"] == "en"
    assert 0 <= data["fidelity"] <= 100
    kinds = {f["kind"] for f in data["findings"]}
    assert "number_changed" in kinds  # 62 drones vs 52: the plainest change in this pair


def test_api_check_runs_without_a_source(client: TestClient) -> None:
    resp = client.post("/api/check", json={"story": STORY, "lang": "en"})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["source"] is None
    assert all(f["source"] is None for f in data["findings"])


@pytest.mark.parametrize(("body", "status", "needle"), [
    ({"story": STORY}, 400, "source"),
    ({"source": SOURCE}, 400, "story"),
    ({"story": 5, "source": SOURCE}, 400, "must be a string"),
    ({"story": "", "source": SOURCE}, 422, "empty"),
    ({"story": "too short", "source": SOURCE}, 422, "too short"),
    ({"story": "\x01\x02\x03\x04\x05\x06\x07\x08" * 50 + STORY, "source": SOURCE}, 422, "binary"),
    ({"story": STORY, "source": SOURCE, "story_lang": "de"}, 422, "not supported"),
])
def test_api_compare_bad_input(client: TestClient, body: dict[str, object], status: int, needle: str) -> None:
    resp = client.post("/api/compare", json=body)
    assert resp.status_code == status, resp.text
    assert needle in _error(resp)


@pytest.mark.parametrize("raw", [b"", b"not json", b"[1, 2]", b"\xff\xfe\x00garbage"])
def test_api_rejects_what_is_not_a_json_object(client: TestClient, raw: bytes) -> None:
    resp = client.post("/api/compare", content=raw, headers={"content-type": "application/json"})
    assert resp.status_code == 400
    _error(resp)


def test_api_refuses_oversized_requests(client: TestClient) -> None:
    big = json.dumps({"story": "word " * ((MAX_BODY // 5) + 10), "source": SOURCE}).encode()
    resp = client.post("/api/compare", content=big, headers={"content-type": "application/json"})
    assert resp.status_code == 413
    assert "too large" in _error(resp)
    # Within the request limit but over the per-article limit: the article check answers.
    one = json.dumps({"story": "word " * (MAX_BYTES // 5 + 10), "source": SOURCE}).encode()
    resp = client.post("/api/check", content=one, headers={"content-type": "application/json"})
    assert resp.status_code == 422 and "too large" in _error(resp)


def test_internal_failure_is_one_line_json(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import wirecheck.web.app as web

    def broken(*_: object, **__: object) -> None:
        raise RecursionError("maximum recursion depth exceeded\nwhile calling a stage")

    monkeypatch.setattr(web, "run_compare", broken)
    resp = client.post("/api/compare", json={"story": STORY, "source": SOURCE})
    assert resp.status_code == 500
    assert _error(resp) == "internal error: RecursionError: maximum recursion depth exceeded"
    resp = _form_post(client, story=STORY, source=SOURCE, action="compare")
    assert resp.status_code == 500
    assert "RecursionError" in lxml.html.fromstring(resp.text).get_element_by_id("error").text_content()


def test_form_page(client: TestClient) -> None:
    resp = client.get("/")
    assert resp.status_code == 200
    root = lxml.html.fromstring(resp.text)
    form = root.get_element_by_id("compare-form")
    assert form.get("method") == "post" and form.get("action") == "/report"
    assert {t.get("name") for t in root.iter("textarea")} == {"story", "source"}
    assert "default-src 'none'" in resp.headers["content-security-policy"]


def _form_post(client: TestClient, **fields: str) -> httpx.Response:
    return client.post("/report", content=urlencode(fields).encode(),
                       headers={"content-type": "application/x-www-form-urlencoded"})


def test_form_post_shows_the_report(client: TestClient) -> None:
    resp = _form_post(client, story=STORY, source=SOURCE, action="compare", story_lang="auto",
                      source_lang="en")
    assert resp.status_code == 200
    root = lxml.html.fromstring(resp.text)
    assert root.get_element_by_id("story-col") is not None and root.get_element_by_id("source-col") is not None
    assert root.find_class("finding"), "the report lists the findings"
    assert root.xpath("//a[@class='home' and @href='/']")


def test_form_check_only(client: TestClient) -> None:
    resp = _form_post(client, story=STORY, source="", action="check")
    assert resp.status_code == 200
    root = lxml.html.fromstring(resp.text)
    assert not root.xpath("//*[@id='source-col']")
    assert "Reference checks only" in resp.text


def test_form_error_keeps_what_was_pasted(client: TestClient) -> None:
    resp = _form_post(client, story="", source=SOURCE, action="compare")
    assert resp.status_code == 422
    root = lxml.html.fromstring(resp.text)
    assert "empty" in root.get_element_by_id("error").text_content()
    assert root.get_element_by_id("source").text_content() == SOURCE
    resp = _form_post(client, story=STORY, source="", action="compare")
    assert resp.status_code == 422
    assert "source" in lxml.html.fromstring(resp.text).get_element_by_id("error").text_content()


def test_form_refuses_multipart(client: TestClient) -> None:
    resp = client.post("/report", files={"story": ("s.txt", STORY.encode())})
    assert resp.status_code == 415
    assert "content type" in lxml.html.fromstring(resp.text).get_element_by_id("error").text_content()


def test_extension_routers_are_mounted() -> None:
    router = APIRouter(prefix="/store")

    @router.get("/ping")
    def ping() -> dict[str, str]:
        return {"store": "here"}

    resp = TestClient(create_app(routers=[router])).get("/store/ping")
    assert resp.status_code == 200 and resp.json() == {"store": "here"}


def test_serve_command_is_registered() -> None:
    proc = run_cli("serve", "--help")
    assert proc.returncode == 0
    assert "--port" in proc.stdout and "--host" in proc.stdout
