"""Bad input gets a one-line error and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

GOOD = EXAMPLES / "en-kupiansk-drones" / "source.txt"


def _assert_one_line_error(proc, needle: str) -> None:
    assert proc.returncode != 0
    err = proc.stderr.strip()
    assert "Traceback" not in proc.stderr
    assert len(err.splitlines()) == 1, err
    assert err.startswith("wirecheck: error:")
    assert needle in err


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("   \n\n")
    _assert_one_line_error(run_cli("compare", str(p), str(GOOD)), "empty")


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _assert_one_line_error(run_cli("compare", str(p), str(GOOD)), "binary")


def test_non_utf8_file(tmp_path: Path) -> None:
    p = tmp_path / "cp1251.txt"
    p.write_bytes("Путин провел телефонные разговоры с двумя командирами.".encode("cp1251"))
    _assert_one_line_error(run_cli("compare", str(GOOD), str(p)), "not UTF-8")


def test_huge_file(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    line = b"The president spoke with the commander of the brigade on Tuesday.\n"
    with p.open("wb") as f:
        for _ in range((50 * 1024 * 1024) // len(line) + 1):
            f.write(line)
    _assert_one_line_error(run_cli("compare", str(p), str(GOOD)), "too large")


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title></head><body><div><p></div></span></body>",
    "<html><body><script>var a = 1;</script><<<>>></body></html>",
])
def test_malformed_html(tmp_path: Path, html: str) -> None:
    p = tmp_path / "page.html"
    p.write_text(html)
    _assert_one_line_error(run_cli("compare", str(p), str(GOOD)), "HTML")


def test_missing_file(tmp_path: Path) -> None:
    _assert_one_line_error(run_cli("compare", str(tmp_path / "nope.txt"), str(GOOD)), "no such file")


def test_unknown_language(tmp_path: Path) -> None:
    p = tmp_path / "de.txt"
    p.write_text("Der Präsident sprach am Dienstag mit den Kommandeuren der Brigade über die Lage an der Front.")
    _assert_one_line_error(run_cli("compare", str(p), str(GOOD)), "not supported")


def test_html_story_is_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in (EXAMPLES / "en-kupiansk-drones" / "story.txt")
                   .read_text().splitlines() if line.strip())
    p = tmp_path / "story.html"
    p.write_text(f"<!doctype html><html><head><title>Drones</title></head><body><nav>Home | News</nav>"
                 f"<article><h1>Drones</h1>{body}</article><footer>(c) site</footer></body></html>")
    proc = run_cli("compare", str(p), str(GOOD), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "Kupiansk" in proc.stdout


def test_a_short_english_sentence_is_english_and_french_stays_french() -> None:
    from wirecheck.language.detect import detect_language

    assert detect_language("The yen weakened past 150 per dollar.")[0] == "en"
    assert detect_language("Le gouvernement a annoncé une nouvelle loi sur les retraites.")[0] == "fr"
