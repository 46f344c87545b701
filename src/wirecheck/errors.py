"""User-facing errors: the CLI prints ``str(error)`` on one line and exits with ``exit_code``."""

from __future__ import annotations


class WirecheckError(Exception):
    exit_code = 2


class InputError(WirecheckError):
    """A file that cannot be read as an article (empty, binary, wrong encoding, too large...)."""


class UnsupportedLanguageError(WirecheckError):
    pass


class SetupError(WirecheckError):
    """Something the set-up command should have built is missing (the gazetteer, a model)."""

    exit_code = 3
