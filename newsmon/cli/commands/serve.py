"""`newsmon serve`: the HTTP API over the store (newsmon/api/)."""

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated

import typer

from newsmon.cli.errors import fail, run_async
from newsmon.cli.options import ConfigOption, is_new_sqlite_store, settings_from, warn_new_store

if TYPE_CHECKING:
    import asyncio

    from newsmon.config import Settings


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    config: ConfigOption = None,
) -> None:
    """Serve the store's reports as JSON over HTTP (read-only): /api/articles, claims, stories, speakers, disputes,
    feeds."""
    import asyncio
    import signal
    import socket

    import uvicorn

    from newsmon.api.app import create_app

    if not host.strip():  # a "$HOST" left unset: the socket would listen on every interface
        fail("--host is empty; give an address (127.0.0.1 for this machine only, 0.0.0.0 for every interface)")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)
    # Opened once here, so a store that cannot be opened is one line naming it and exit 1, not the app's startup
    # failing under uvicorn (its traceback and exit 3, after the line saying the API was up).
    run_async(_open_once(settings), settings, preload_stages=False)
    if is_new:
        warn_new_store(settings)
    # Bound here, so an address in use is one line naming it, not uvicorn's log and exit.
    try:
        listener = socket.create_server((host, port), reuse_port=False)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}", code=1)
        raise
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", access_log=False))
    typer.echo(f"newsmon API on http://{host}:{listener.getsockname()[1]}/ (docs at /docs)", err=True)
    if settings.api.token is None and not _is_loopback(host):
        typer.echo(f"warning: {host} is reachable from other machines and api.token is not set: anyone who can reach "
                   "it can read the store", err=True)  # fmt: skip
    # uvicorn handles SIGINT and SIGTERM while it serves (a graceful stop), then raises the signal again under the
    # handler it found: ignored, so a stop asked for is exit 0, as `newsmon run` does.
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, signal.SIG_IGN)
    with listener:
        asyncio.run(server.serve(sockets=[listener]))


def _open_once(settings: "Settings") -> "Callable[[asyncio.Event], Awaitable[None]]":
    from newsmon.store.session import open_store

    async def main(stop: "asyncio.Event") -> None:
        async with open_store(settings.store):
            pass

    return main


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"
