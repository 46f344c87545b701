"""Read a story or source from a file, standard input or a string, refusing what is not an article.

Every refusal is an :class:`InputError` with a one-line reason; nothing here prints a traceback.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # a wire story is a few kB; 5 MB of text is not an article
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


@dataclass
class Article:
    text: str
    name: str
    meta: dict[str, Any] = field(default_factory=dict)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > max(8, len(sample) // 50)


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: broken UTF-16 text at byte {e.start}") from None
        if _looks_binary(text.encode("utf-8", "replace")):
            raise InputError(f"{name}: this is binary data, not text or HTML")
        return text
    if _looks_binary(data):
        raise InputError(f"{name}: this is binary data, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text (bad byte 0x{data[e.start]:02x} at offset {e.start}); "
                         "convert it first, e.g. iconv -f cp1251 -t utf-8") from None


def html_to_article(html: str, name: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura), or a clear refusal."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                favor_precision=True)
    except Exception as e:  # trafilatura raises many lxml errors on broken markup
        raise InputError(f"{name}: cannot parse this HTML ({type(e).__name__})") from None
    if extracted is None:
        raise InputError(f"{name}: no article text found in this HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (data.get("text") or "").strip()
    if len(text.split()) < 5:
        raise InputError(f"{name}: no article text found in this HTML page")
    meta = {k: data.get(k) for k in ("title", "author", "date", "url", "sitename") if data.get(k)}
    title = meta.get("title")
    if title and not text.startswith(str(title)):
        meta["headline"] = title
    return Article(text=text, name=name, meta=meta)


def text_to_article(raw: str, name: str) -> Article:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(f"{name}: the file is empty")
    if len(text.split()) < 3:
        raise InputError(f"{name}: too short to be an article ({len(text.split())} words)")
    return Article(text=text, name=name)


def read_bytes(data: bytes, name: str) -> Article:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data) / 1e6:.1f} MB is too large for one article "
                         f"(limit {MAX_BYTES / 1e6:.0f} MB)")
    raw = decode(data, name)
    if _HTML_START.match(raw.encode("utf-8", "ignore")[:512]):
        return html_to_article(raw, name)
    return text_to_article(raw, name)


def read_article(path: str | Path) -> Article:
    """Read ``path`` (``-`` is standard input) as plain text or HTML."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return read_bytes(data, "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size / 1e6:.1f} MB is too large for one article "
                             f"(limit {MAX_BYTES / 1e6:.0f} MB)")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    return read_bytes(data, name)
