"""`newsmon alerts tail`: follow a rule's alert topic."""

import asyncio
from typing import Annotated

import typer

from newsmon.cli.errors import run_async
from newsmon.cli.options import ConfigOption, settings_from
from newsmon.cli.output import writes_to_stdout


@writes_to_stdout
def alerts_tail(
    rule: str,
    from_beginning: Annotated[bool, typer.Option("--from-beginning")] = False,
    max_alerts: Annotated[int | None, typer.Option("--max", min=1)] = None,
    config: ConfigOption = None,
) -> None:
    """Print alerts of RULE as JSON lines (from now on, or --from-beginning)."""
    from newsmon.cli.tail import tail_alerts

    settings = settings_from(config)

    async def main(stop: asyncio.Event) -> int:
        return await tail_alerts(settings, rule, from_beginning=from_beginning, max_alerts=max_alerts, stop=stop)

    run_async(main, settings)
