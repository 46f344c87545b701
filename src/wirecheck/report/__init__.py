"""Renderers of a Comparison: ``text`` (rich terminal), ``json`` and ``html``.  Each module exposes
``render(comp) -> str``; :func:`render` picks one by name."""

from __future__ import annotations

import importlib

from wirecheck.model import Comparison

FORMATS = ("text", "json", "html")


def render(comp: Comparison, fmt: str, **options: object) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"wirecheck.report.{fmt}_report")
    return str(module.render(comp, **options))
