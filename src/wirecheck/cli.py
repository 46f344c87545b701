"""The ``wirecheck`` command line.  Sub-commands live in ``wirecheck.commands``; imports of heavy
libraries stay inside command bodies so ``wirecheck --help`` starts fast."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from wirecheck.errors import WirecheckError

app = typer.Typer(help="Audit news stories against the reports they were written from.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def _root() -> None:
    """Audit news stories against the reports they were written from."""


def _register_commands() -> None:
    import wirecheck.commands as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if not mod.name.startswith("_"):
            module = importlib.import_module(f"wirecheck.commands.{mod.name}")
            module.register(app)


_register_commands()


def main() -> None:
    try:
        # Without standalone mode click returns the code of a `typer.Exit(n)` instead of exiting with it.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            raise SystemExit(code)
    except WirecheckError as e:
        print(f"wirecheck: error: {e}", file=sys.stderr)
        raise SystemExit(e.exit_code) from None
    except KeyboardInterrupt:
        print("wirecheck: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except SystemExit:
        raise
    except Exception as e:  # click usage errors and anything unexpected: one line, non-zero exit
        import click

        if isinstance(e, click.exceptions.Exit):
            raise SystemExit(e.exit_code) from None
        if isinstance(e, click.ClickException):
            print(f"wirecheck: error: {e.format_message()}", file=sys.stderr)
            raise SystemExit(e.exit_code) from None
        if isinstance(e, click.exceptions.Abort):
            raise SystemExit(1) from None
        print(f"wirecheck: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
