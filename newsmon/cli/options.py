"""What several commands take and load: --config and the settings, --feeds and the feed catalogue, the store."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsmon.cli.errors import fail, warn

if TYPE_CHECKING:  # imported when used: `newsmon --help` needs neither pydantic-settings nor structlog
    from newsmon.config import Settings

ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML config file (default: ./newsmon.toml).")]
FeedsOption = Annotated[Path | None, typer.Option("--feeds", help="Feed catalogue: newsmon TOML, OPML or URL list.")]


def settings_from(config: Path | None, **overrides: Any) -> "Settings":
    from newsmon.config import ConfigError, load_settings
    from newsmon.logging import configure_logging

    try:
        settings = load_settings(config, **overrides)
    except ConfigError as error:
        fail(str(error))
        raise  # unreachable: fail() exits
    configure_logging(settings.log_level)
    return settings


def is_new_sqlite_store(settings: "Settings") -> bool:
    """True when the store is a SQLite file not there yet: a command that only reads creates it empty, and its
    empty result would look like a store with nothing in it (a mistyped store.url); see `warn_new_store`."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.store.url)
    return url.drivername.startswith("sqlite") and bool(url.database) and not Path(str(url.database)).exists()


def warn_new_store(settings: "Settings") -> None:
    """Said after the command's output, once it succeeded (a store that could not be created gets its error)."""
    warn(f"store {settings.store.url} did not exist; it was created empty (is store.url the one you meant?)")


def catalogue_or_fail(path: Path | None, origin: str | None = None) -> list[Any]:
    """The feed catalogue from `path` (None: the bundled default), or one error line and exit 2.

    `origin`: where `path` was named, when not on the command line. A URL listed more than once is used once,
    as first listed, with a warning naming it."""
    from producers.catalogue import CatalogueError, read_catalogue

    try:
        specs, repeated = read_catalogue(path)
    except CatalogueError as error:
        fail(f"{error} ({origin})" if origin else str(error))
        raise
    if repeated:
        shown = ", ".join(repeated[:3]) + (f" and {len(repeated) - 3} more" if len(repeated) > 3 else "")
        warn(f"{path}: {len(repeated)} URLs listed more than once, each used once as first listed: {shown}")
    return specs


def feeds_in_use(feeds: Path | None, settings: "Settings", config: Path | None) -> list[Any]:
    """The catalogue of --feeds, else of the configured feeds_file, else the bundled one."""
    from newsmon.config_errors import source_of

    if feeds is not None or settings.feeds_file is None:
        return catalogue_or_fail(feeds)
    source = source_of(("feeds_file",), config or Path("newsmon.toml"))
    return catalogue_or_fail(settings.feeds_file, f"config key feeds_file{f', from {source}' if source else ''}")
