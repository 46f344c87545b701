from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# A stage that raises fails its test here; users get the guarded pipeline (see pipeline._guarded).
# Set before any test imports wirecheck, and inherited by the CLI processes the tests start.
os.environ.setdefault("WIRECHECK_STRICT", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
EXAMPLES = ROOT / "examples" / "pairs"


def run_cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed CLI as a user would (a fresh process)."""
    exe = Path(sys.executable).with_name("wirecheck")
    return subprocess.run([str(exe), *args], input=input.decode() if input else None,
                          capture_output=True, text=True, timeout=300)


def cli_args(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("wirecheck")), *args]


def kill_mid_run(args: list[str], progress: Callable[[], int], at_least: int, wait: float) -> int:
    """Start the CLI, SIGKILL it and its worker processes once ``progress()`` reaches ``at_least`` (or
    after ``wait`` seconds), and return the progress it left behind."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + wait
    while progress() < at_least and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return progress()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
