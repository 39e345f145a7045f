"""`newsmon feeds status|import|export`: the feed catalogue and its health, read from the store."""

from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.table import Table

from newsmon.config import Settings
from newsmon.report.json_text import json_line
from newsmon.report.tables import plain_cell
from newsmon.store import feeds
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import Feed
from newsmon.store.session import open_store
from producers.catalogue import to_opml

HEALTH_ORDER = ["failing", "disabled", "zombie", "empty", "stale", "undated", "ok", "new"]
HEALTH_STYLE = {"failing": "red", "disabled": "red", "zombie": "magenta", "empty": "yellow", "stale": "yellow",
                "undated": "cyan", "ok": "green"}  # fmt: skip


def status_row(feed: Feed, now: datetime) -> dict[str, Any]:
    """The facts `feeds status` shows, as plain values (also its JSON output)."""
    return {
        "health": feed.health or "new", "outlet": feed.outlet, "url": feed.url, "last_status": feed.last_status,
        "items_seen": feed.items_seen, "items_irrelevant": feed.items_irrelevant,
        "last_item_count": feed.last_item_count, "failures": feed.failures,
        "failure_score": round(feed.failure_score or 0.0, 2), "interval_s": feed.interval_s,
        "last_success_at": _iso(feed.last_success_at), "last_new_item_at": _iso(feed.last_new_item_at),
        "next_poll_in_s": round((feed.next_poll_at - now).total_seconds()) if feed.next_poll_at else None,
        "last_error": feed.last_error, "disabled_reason": feed.disabled_reason,
    }  # fmt: skip


async def print_status(settings: Settings, only: str | None, fmt: str, console: Console) -> None:
    async with open_store(settings.store) as store, store.reads() as session:
        rows = [status_row(feed, datetime.now(UTC)) for feed in await feeds.all_feeds(session)]
    rows = [r for r in rows if only is None or r["health"] == only]
    rows.sort(key=lambda r: (HEALTH_ORDER.index(r["health"]) if r["health"] in HEALTH_ORDER else 99, r["outlet"]))
    if fmt == "json":
        for row in rows:
            print(json_line(row))
        return
    counts = {h: sum(1 for r in rows if r["health"] == h) for h in HEALTH_ORDER}
    table = Table(title=f"{len(rows)} feeds: " + ", ".join(f"{n} {h}" for h, n in counts.items() if n))
    for column in ("health", "outlet", "HTTP", "items", "fails", "interval", "last success", "problem", "url"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(f"[{HEALTH_STYLE.get(r['health'], 'white')}]{r['health']}[/]", plain_cell(r["outlet"]),
                      str(r["last_status"] or "-"), str(r["items_seen"]), f"{r['failure_score']:g}",
                      f"{r['interval_s'] / 60:.0f} min" if r["interval_s"] else "-", r["last_success_at"] or "-",
                      plain_cell(r["disabled_reason"] or r["last_error"] or ""), plain_cell(r["url"]))  # fmt: skip
    console.print(table)


async def import_feeds(settings: Settings, specs: list[FeedSpec]) -> int:
    """Register the feeds; return how many were not in the store before."""
    async with open_store(settings.store) as store:
        async with store.reads() as session:
            stored = await feeds.all_feeds(session)
            before = {f.url for f in stored} | {f.moved_from for f in stored if f.moved_from}  # a moved feed's old URL
        async with store.sessions.begin() as session:
            await feeds.register(session, specs)
    return len({s.url for s in specs} - before)


async def set_enabled(settings: Settings, url: str, *, enabled: bool) -> bool:
    """Enable or disable the store's feed with this URL; False when there is none."""
    async with open_store(settings.store) as store, store.sessions.begin() as session:
        if enabled:
            return await feeds.enable(session, url)
        return await feeds.disable(session, url, "disabled by the user (newsmon feeds disable)", datetime.now(UTC))


async def export_opml(settings: Settings) -> str:
    async with open_store(settings.store) as store, store.reads() as session:
        rows = await feeds.all_feeds(session)
    return to_opml(
        [FeedSpec(url=f.url, name=f.name, outlet=f.outlet, language=f.language, full_text=f.full_text) for f in rows]
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
