#!/usr/bin/env bash
# Run the whole suite: unit, fixture, example-pair, browser tests, ruff and mypy (inside pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
# Browser tests need Debian's chromium; install it when we can (root on Debian), else they skip.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
