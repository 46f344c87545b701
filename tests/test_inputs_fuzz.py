"""Whatever bytes arrive, reading them either yields an article or a one-line InputError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.errors import InputError
from wirecheck.inputs import read_bytes

_html_bits = st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "<!--",
                              "<article>", "&amp;", "&#x0;", "<", ">", "\x00", "\r\n", "Kyiv ", "Київ "])


def _check(data: bytes) -> None:
    try:
        art = read_bytes(data, "input")
    except InputError as e:
        msg = str(e)
        assert msg.startswith("input: ") and "\n" not in msg
    else:
        assert art.text.strip() and "\x00" not in art.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=100, deadline=None)
@given(st.lists(_html_bits, max_size=60))
def test_html_like_fragments(parts: list[str]) -> None:
    _check("".join(parts).encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        _check(text.encode(encoding))
