"""How long the read side takes on a large store: `newsmon query` reports, the HTML report's data, and a full page.

Usage: python -m bench.query_speed [--articles 50000] [--engine sqlite|postgresql] [--keep PATH]

Fills a fresh store with generated rows (articles over 60 days from 60 outlets, four claims each by 3,000 speakers,
stories of one to five articles, a toll in some claims, some denials), through the store's own insert functions,
then times each report with the default limit, with and without a 7-day window, with `--contains` and with four
full-text searches (`--search`, SEARCHES), and the snippets of each searched page of articles or claims; last, the
snippets of 20 long articles (100,000 characters). Prints one line per report. `--keep` leaves a SQLite store to
time again (`open_store(..., upgrade=False)`) or to migrate.
"""

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from newsmon.config import StoreSettings
from newsmon.report.html import gather, render
from newsmon.report.tables import fetch_rows
from newsmon.store import articles, claims, snippets
from newsmon.store.filters import Filters
from newsmon.store.search import parse_search
from newsmon.store.session import Store, open_store

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
END = datetime(2026, 11, 24, tzinfo=UTC)
CUES = ["said", "told reporters", "claimed", "denied", "said in a statement", "rejected reports that", "added"]


async def fill(store: Store, count: int, seed: int = 7) -> None:
    """`count` articles with four claims each, written a thousand articles a transaction."""
    rng = random.Random(seed)
    speakers: dict[str, int] = {}
    story = ""
    for start in range(0, count, 1000):
        rows, versions, claim_rows = [], [], list[str]()
        for number in range(start, min(start + 1000, count)):
            article_id = f"a{number:08d}"
            story = article_id if rng.random() < 0.45 or not story else story
            published = END - timedelta(minutes=rng.randrange(60 * 24 * 60))
            title = f"Report {number} on shelling near town {rng.randrange(400)}"
            text = " ".join(f"Sentence {k} of article {number} about the Idlib front." for k in range(12))
            rows.append({"id": article_id, "version": 1, "url": f"https://outlet{number % 60}.example/{number}",
                         "outlet": f"Outlet {number % 60}", "feed_url": f"https://outlet{number % 60}.example/rss",
                         "language": "en", "title": title, "text": text, "text_source": "feed", "text_error": None,
                         "published_at": published, "content_hash": uuid.uuid4().hex, "story_id": story,
                         "guid": None, "first_seen_at": published, "updated_at": published, "claims_version": 1,
                         "alerts_version": 1})  # fmt: skip
            versions.append({"article_id": article_id, "version": 1, "content_hash": rows[-1]["content_hash"],
                             "title": title, "text": text, "seen_at": published})  # fmt: skip
            claim_rows.append(article_id)
        async with store.sessions.begin() as session:
            await articles.insert_many(session, rows, versions, [])
            for article_id in claim_rows:
                found = []
                for position in range(4):
                    name = f"Speaker {rng.randrange(3000)}"
                    if name not in speakers:
                        speakers[name] = await claims.speaker_id(session, name, f"Body {len(speakers) % 40}", [])
                    found.append(_claim(article_id, position, speakers[name], rng.randrange(1, 60), rng))
                await claims.replace_for_article(session, article_id, 1, found)


def _claim(article_id: str, position: int, speaker: int, toll: int, rng: random.Random) -> dict:
    quantities = [{"text": f"{toll} civilians", "value": toll, "value_max": None, "unit": "civilians",
                   "qualifier": ""}] if rng.random() < 0.3 else []  # fmt: skip
    return {"id": f"{article_id}-{position}", "article_id": article_id, "article_version": 1, "speaker_id": speaker,
            "speaker_mention": "he", "cue": rng.choice(CUES), "kind": "indirect",
            "text": f"claim {position} of {article_id}: {toll} civilians were killed", "start": 0, "end": 10,
            "quantities": quantities, "extractor_version": "bench", "alerts_checked": True}  # fmt: skip


async def time_reports(store: Store) -> None:
    week = Filters(since=END - timedelta(days=7))
    for kind in ("articles", "claims", "stories", "speakers", "disputes"):
        for label, filters in (("all time", Filters()), ("7 days", week),
                               ("contains", Filters(contains="town 17"))):  # fmt: skip
            started = time.perf_counter()
            rows = await fetch_rows(store, kind, 20, filters)  # type: ignore[arg-type]
            print(f"query {kind:<9} {label:<9} {time.perf_counter() - started:7.2f} s  {len(rows)} rows", flush=True)
    await time_searches(store)
    for label, filters in (("7 days", week), ("all time", Filters())):
        started = time.perf_counter()
        page = render(await gather(store, filters, 15))
        print(f"report    {label:<19} {time.perf_counter() - started:7.2f} s  {len(page) // 1024} KiB", flush=True)
    await time_long_snippets(store)


# Full-text searches next to `--contains "town 17"`, per text searched: a rare phrase (1 article in 400; claims: 1 in
# 59), a word in every row (bm25 / ts_rank then rank them all), a prefix with an exclusion (nearly every row), and a
# prefix of two letters (SQLite's FTS5 tables have prefix indexes of 2, 3 and 4 characters since migration 0011:
# `kill*` and `sh*` are looked up as words, `shell*` merges the posting lists of every word starting so).
SEARCHES = {
    "articles": ('"town 17"', "Idlib", 'shell* -"town 17"', "sh*"),
    "claims": ('"17 civilians"', "civilians", 'kill* -"17 civilians"', "ki*"),
}


async def time_searches(store: Store) -> None:
    for kind in ("articles", "claims", "stories", "speakers", "disputes"):
        for typed in SEARCHES["articles" if kind in ("articles", "stories") else "claims"]:
            search = parse_search(typed)
            started = time.perf_counter()
            rows = await fetch_rows(store, kind, 20, Filters(search=search))  # type: ignore[arg-type]
            print(f"search {kind:<9} {typed:<22} {time.perf_counter() - started:7.2f} s  {len(rows)} rows", flush=True)
            if kind in ("articles", "claims"):
                started = time.perf_counter()
                await snippets.add_to_rows(store, kind, rows, search)
                print(f"snippet {kind:<8} {typed:<22} {time.perf_counter() - started:7.2f} s  {len(rows)} rows",
                      flush=True)  # fmt: skip


async def time_long_snippets(store: Store, count: int = 20, length: int = 100_000) -> None:
    """Snippets of `count` articles of `length` characters, the searched words all through them (ts_headline parses
    all it is given, FTS5's highlight() the whole text)."""
    filler = "Sentence about the front near a town, with Alépo named. " * (length // 60)
    async with store.sessions.begin() as session:
        rows = [{"id": f"long{number}", "version": 1, "url": f"https://long.example/{number}", "outlet": "Long",
                 "feed_url": "https://long.example/rss", "language": "en", "title": f"Long report {number}",
                 "text": filler, "text_source": "feed", "text_error": None, "published_at": END,
                 "content_hash": uuid.uuid4().hex, "story_id": f"long{number}", "guid": None, "first_seen_at": END,
                 "updated_at": END, "claims_version": 1, "alerts_version": 1} for number in range(count)]  # fmt: skip
        await articles.insert_many(session, rows, [], [])
    search = parse_search("alepo")
    page = await fetch_rows(store, "articles", count, Filters(search=search))
    started = time.perf_counter()
    await snippets.add_to_rows(store, "articles", page, search)
    print(f"snippet articles {count} x {length} chars   {time.perf_counter() - started:7.2f} s  {len(page)} rows",
          flush=True)  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--keep", type=Path, help="SQLite only: fill the store at this path and keep it afterwards")
    args = parser.parse_args()
    name = f"newsmon_query_bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as scratch:
        if args.engine == "sqlite":
            url = f"sqlite:///{args.keep or Path(scratch) / 'store.db'}"
        else:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        try:
            async with open_store(StoreSettings(url=url)) as store:
                started = time.perf_counter()
                await fill(store, args.articles)
                print(f"filled {args.articles} articles, {4 * args.articles} claims in "
                      f"{time.perf_counter() - started:.1f} s ({args.engine})", flush=True)  # fmt: skip
                await time_reports(store)
        finally:
            if args.engine == "postgresql":
                with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    asyncio.run(main())
