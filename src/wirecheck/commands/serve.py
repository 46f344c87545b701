"""``wirecheck serve``: the web app (form + JSON API) on a local port."""

from __future__ import annotations

import ipaddress
import sys
from typing import Annotated

import typer


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    ) -> None:
        """Run the web app: paste a story and its source, read the report; JSON API under /api."""
        import uvicorn

        from wirecheck.web.app import create_app

        if not _is_loopback(host):
            # The app has no authentication: say so when it is reachable from other machines.
            print(f"wirecheck: warning: listening on {host}, the app has no login; anyone who can reach "
                  "this address can use it", file=sys.stderr)
        print(f"wirecheck: serving on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        uvicorn.run(create_app(warm=True), host=host, port=port, log_level="warning")
