"""`newsmon query`: articles or claims from the store, as a table or JSON."""

import asyncio
from typing import Annotated, Any

import typer
from rich.console import Console

from newsmon.cli.errors import fail, run_async
from newsmon.cli.options import ConfigOption, is_new_sqlite_store, settings_from, warn_new_store
from newsmon.cli.output import writes_to_stdout


@writes_to_stdout
def query(
    kind: Annotated[str, typer.Argument(help="articles or claims")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    config: ConfigOption = None,
) -> None:
    """Read articles or claims from the store."""
    from newsmon.report.tables import fetch_rows, render
    from newsmon.store.session import open_store

    if kind not in ("articles", "claims"):
        fail(f"unknown query {kind!r}; expected 'articles' or 'claims'")
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; expected 'table' or 'json'")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)

    async def main(stop: asyncio.Event) -> list[dict[str, Any]]:
        async with open_store(settings.store) as store:
            return await fetch_rows(store, kind, limit)  # type: ignore[arg-type]

    rows = run_async(main, settings)
    render(rows, kind, fmt, Console())  # type: ignore[arg-type]
    if is_new:
        warn_new_store(settings)
