from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
EXAMPLES = ROOT / "examples" / "pairs"


def run_cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed CLI as a user would (a fresh process)."""
    exe = Path(sys.executable).with_name("wirecheck")
    return subprocess.run([str(exe), *args], input=input.decode() if input else None,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
