"""Machine-readable output; the schema is documented in docs/schema.md and versioned in model.py."""

from __future__ import annotations

import json

from wirecheck.model import Comparison


def render(comp: Comparison, **_: object) -> str:
    return json.dumps(comp.to_dict(), ensure_ascii=False, indent=2)
