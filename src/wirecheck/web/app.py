"""The wirecheck web app: a page to paste or upload a story and its source and read the HTML report,
and a small JSON API over the same pipeline.

    GET  /              the form
    POST /report        form or JSON in, the HTML report out
    POST /api/compare   {"story", "source", "story_lang"?, "source_lang"?} -> Comparison.to_dict()
    POST /api/check     {"story", "lang"?} -> reference checks only (no source)
    GET  /api/health    {"status": "ok", ...}

Bad input gets a 4xx answer with the same one-line message the CLI prints.  Further pages (the corpus
store, once it is browsable) plug in as extra routers: ``create_app(routers=[...])``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from wirecheck import __version__
from wirecheck.errors import InputError, UnsupportedLanguageError, WirecheckError
from wirecheck.inputs import MAX_BYTES, read_bytes
from wirecheck.model import Comparison

# Two articles at the input limit each, plus room for JSON or form encoding.
MAX_BODY = 2 * MAX_BYTES + 256 * 1024

log = logging.getLogger("wirecheck.web")

# Pages may run inline code and use inline images (Leaflet's), but load nothing from anywhere, so a
# report can never call out to another host even if a text smuggled markup past the escaping.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")

# The pipeline is CPU-bound and its models are shared: one analysis at a time is as fast on two cores
# and keeps model state safe.
_PIPELINE_LOCK = threading.Lock()


class RequestError(InputError):
    """A request the API cannot use (bad JSON, missing field, too large); ``status`` is the HTTP code."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def status_of(exc: WirecheckError) -> int:
    if isinstance(exc, RequestError):
        return exc.status
    if isinstance(exc, InputError | UnsupportedLanguageError):
        return 422
    return 400


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, refused as soon as it passes ``limit`` (even without a Content-Length)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestError(f"request of {int(declared) / 1e6:.1f} MB is too large "
                           f"(limit {limit / 1e6:.0f} MB)", 413)
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > limit:
            raise RequestError(f"request is too large (limit {limit / 1e6:.0f} MB)", 413)
    return bytes(buf)


def _json_object(body: bytes) -> dict[str, Any]:
    if not body.strip():
        raise RequestError("empty request: send a JSON object")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise RequestError(f"request is not valid JSON ({e.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise RequestError("request must be a JSON object")
    return data


def _text_field(data: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not required and not value.strip()):
        if required:
            raise RequestError(f"missing field {name!r}")
        return None
    if not isinstance(value, str):
        raise RequestError(f"field {name!r} must be a string")
    return value


def _lang_field(data: dict[str, Any], name: str) -> str | None:
    value = _text_field(data, name, required=False)
    if value is None or value.strip().lower() in ("", "auto"):
        return None
    return value.strip().lower()


def run_compare(story: str, source: str, *, story_lang: str | None = None, source_lang: str | None = None,
                story_name: str = "story", source_name: str = "source") -> Comparison:
    """Validate both texts like files on the command line, then audit the story against the source."""
    from wirecheck.pipeline import compare_articles

    s_art = read_bytes(story.encode("utf-8"), story_name)
    src_art = read_bytes(source.encode("utf-8"), source_name)
    with _PIPELINE_LOCK:
        return compare_articles(s_art, src_art, story_lang=story_lang, source_lang=source_lang)


def run_check(story: str, *, lang: str | None = None, story_name: str = "story") -> Comparison:
    """Validate the story, then run only the reference checks (no source)."""
    from wirecheck.pipeline import analyse, check_story

    art = read_bytes(story.encode("utf-8"), story_name)
    with _PIPELINE_LOCK:
        doc = analyse(art.text, role="story", lang=lang, name=art.name, meta=art.meta)
        return check_story(doc)


def _error_json(exc: WirecheckError) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=status_of(exc))


def _internal(exc: Exception) -> str:
    """One line for a user about a failure that is ours, not theirs; the traceback goes to the log."""
    log.error("internal error", exc_info=exc)
    return f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")


def _form_fields(request: Request, body: bytes) -> dict[str, Any]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        return _json_object(body)
    if ctype in ("application/x-www-form-urlencoded", ""):
        try:
            pairs = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                             max_num_fields=32)
        except (UnicodeDecodeError, ValueError) as e:
            raise RequestError(f"cannot read the form ({e.__class__.__name__})") from None
        return {k: v[0] for k, v in pairs.items()}
    raise RequestError(f"unsupported content type {ctype!r}: send the form's text fields "
                       "(files are read into them by the page) or JSON", 415)


def _warm_up() -> None:
    """Load the English models before the first visitor waits for them."""
    from wirecheck.pipeline import analyse

    try:
        with _PIPELINE_LOCK:
            analyse("The brigade said on Tuesday that it had repelled three assaults near the village.",
                    role="story", lang="en")
    except Exception as e:  # a warm-up failure shows again, with its message, on the first request
        log.warning("warm-up failed: %s", e)


def create_app(*, routers: Sequence[APIRouter] = (), warm: bool = False) -> FastAPI:
    """The app; ``routers`` are mounted as they are (the extension point for store browsing);
    ``warm`` loads the models in the background at start-up."""

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=_warm_up, name="wirecheck-warm-up", daemon=True).start()
        yield

    app = FastAPI(title="wirecheck", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=lifespan)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.get("/", response_class=HTMLResponse)
    async def index() -> HTMLResponse:
        return HTMLResponse(form_page())

    @app.get("/api/health")
    async def health() -> dict[str, Any]:
        from wirecheck.pipeline import SUPPORTED_LANGS

        return {"status": "ok", "version": __version__, "languages": list(SUPPORTED_LANGS),
                "max_article_bytes": MAX_BYTES}

    async def _comparison_json(request: Request, run: Callable[[dict[str, Any]], Comparison]) -> JSONResponse:
        """Read the JSON body, run the pipeline off the event loop, answer errors in one line of JSON."""
        try:
            data = _json_object(await read_body(request))
            comp = await run_in_threadpool(run, data)
        except WirecheckError as e:
            return _error_json(e)
        except Exception as e:  # a bug in a stage: still one line of JSON, not a bare 500 page
            return JSONResponse({"error": _internal(e)}, status_code=500)
        return JSONResponse(comp.to_dict())

    @app.post("/api/compare")
    async def api_compare(request: Request) -> JSONResponse:
        return await _comparison_json(request, lambda data: run_compare(
            _text_field(data, "story") or "", _text_field(data, "source") or "",
            story_lang=_lang_field(data, "story_lang"), source_lang=_lang_field(data, "source_lang"),
            story_name=_text_field(data, "story_name", required=False) or "story",
            source_name=_text_field(data, "source_name", required=False) or "source"))

    @app.post("/api/check")
    async def api_check(request: Request) -> JSONResponse:
        return await _comparison_json(request, lambda data: run_check(
            _text_field(data, "story") or "", lang=_lang_field(data, "lang"),
            story_name=_text_field(data, "story_name", required=False) or "story"))

    @app.post("/report", response_class=HTMLResponse)
    async def report(request: Request) -> HTMLResponse:
        from wirecheck.report import render

        fields: dict[str, Any] = {}
        try:
            fields = _form_fields(request, await read_body(request))
            story = _text_field(fields, "story") or ""
            if fields.get("action") == "check":
                comp = await run_in_threadpool(run_check, story, lang=_lang_field(fields, "story_lang"))
            else:
                source = _text_field(fields, "source", required=False)
                if source is None:
                    raise RequestError("paste the source too, or choose 'Check story only'", 422)
                comp = await run_in_threadpool(
                    run_compare, story, source, story_lang=_lang_field(fields, "story_lang"),
                    source_lang=_lang_field(fields, "source_lang"))
            page = render(comp, "html", home="/")
        except WirecheckError as e:
            return HTMLResponse(form_page(fields, error=str(e)), status_code=status_of(e))
        except Exception as e:
            return HTMLResponse(form_page(fields, error=_internal(e)), status_code=500)
        return HTMLResponse(page)

    for router in routers:
        app.include_router(router)
    return app


def _esc(value: object) -> str:
    import html

    return html.escape(str(value), quote=True)


def form_page(values: dict[str, Any] | None = None, *, error: str | None = None) -> str:
    """The start page; ``values`` refill the fields after an error so nothing pasted is lost."""
    v = {k: (x if isinstance(x, str) else "") for k, x in (values or {}).items()}

    def lang_select(name: str) -> str:
        chosen = v.get(name, "auto") or "auto"
        opts = "".join(f'<option value="{code}"{" selected" if code == chosen else ""}>{label}</option>'
                       for code, label in (("auto", "detect"), ("en", "English"), ("ru", "Russian"),
                                           ("uk", "Ukrainian")))
        return f'<select name="{name}" id="{name}">{opts}</select>'

    err = (f'<p class="error" role="alert" id="error">{_esc(error)}</p>' if error else "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wirecheck</title>
<style>{_FORM_CSS}</style>
</head>
<body>
<header><h1>wirecheck</h1><p>Paste a news story and the wire report it was written from. wirecheck
aligns the two, compares every checkable fact and shows what was changed, added or dropped.</p></header>
<main>
{err}
<form method="post" action="/report" id="compare-form" accept-charset="utf-8">
<div class="pair">
<fieldset><legend>Story</legend>
<label for="story">The story to check (text or HTML)</label>
<textarea name="story" id="story" rows="18" required>{_esc(v.get("story", ""))}</textarea>
<div class="row"><label>or a file: <input type="file" data-target="story" accept=".txt,.html,.htm,text/*"></label>
<label for="story_lang">language</label>{lang_select("story_lang")}</div>
</fieldset>
<fieldset><legend>Source</legend>
<label for="source">The report it was written from</label>
<textarea name="source" id="source" rows="18">{_esc(v.get("source", ""))}</textarea>
<div class="row"><label>or a file: <input type="file" data-target="source" accept=".txt,.html,.htm,text/*"></label>
<label for="source_lang">language</label>{lang_select("source_lang")}</div>
</fieldset>
</div>
<div class="actions">
<button type="submit" name="action" value="compare" id="compare-btn">Compare story with source</button>
<button type="submit" name="action" value="check" id="check-btn" class="secondary" formnovalidate>Check story only (no source)</button>
<span id="busy" hidden>Working… the first run loads the language models and takes a few seconds.</span>
</div>
</form>
<p class="note">Texts stay on this machine: nothing is sent anywhere else. Each text may be up to
{MAX_BYTES // (1024 * 1024)} MB. The JSON API is at <code>POST /api/compare</code> and <code>POST /api/check</code>.</p>
</main>
<script>{_FORM_JS}</script>
</body>
</html>
"""


_FORM_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b}
header,main{padding:0 1.2rem}
h1{font-size:1.4rem;margin:.8rem 0 .2rem}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
fieldset{border:1px solid #c8c8c8;border-radius:.4rem;padding:.5rem .8rem;min-width:0}
legend{font-weight:700}
label{display:block;margin:.2rem 0}
.row{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center;margin-top:.4rem}
.row label{display:inline}
textarea{width:100%;font:inherit;padding:.4rem;border:1px solid #999;border-radius:.3rem}
textarea:focus,select:focus,button:focus,input:focus{outline:3px solid #0b57d0;outline-offset:1px}
.actions{margin:1rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
button{font:inherit;padding:.5rem 1rem;border-radius:.35rem;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b57d0}
.error{border:1px solid #b3261e;background:#fdecea;color:#8c1d18;padding:.5rem .8rem;border-radius:.35rem}
.note{color:#555;font-size:.85rem}
"""

_FORM_JS = r"""
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-target]"), function (inp) {
    inp.addEventListener("change", function () {
      var f = inp.files && inp.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () { document.getElementById(inp.getAttribute("data-target")).value = reader.result; };
      reader.readAsText(f);
    });
  });
  var form = document.getElementById("compare-form");
  form.addEventListener("submit", function () {
    document.getElementById("busy").hidden = false;
  });
})();
"""

app = create_app()
