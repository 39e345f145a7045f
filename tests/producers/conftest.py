"""Producer test helpers: a poller on the real broker and store, and a server for what FeedServer cannot
do (a body that trickles in)."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import select

from newsmon.cli.pipeline import Pipeline, open_pipeline, register_catalogue
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import Feed
from newsmon.store.session import Store
from tests.feed_server import aiohttp_site

FAST_POLL = {"allow_private_addresses": True, "timeout_s": 5, "per_host_min_gap_s": 0, "per_host_concurrency": 8}


@pytest.fixture
def poller_pipeline(make_settings: Callable[..., Any]) -> Callable[..., AbstractAsyncContextManager[Pipeline]]:
    """`async with poller_pipeline(poll={...}) as pipeline`: broker, store, fetcher and poller, no stages."""

    @asynccontextmanager
    async def open_(**poll: Any) -> AsyncIterator[Pipeline]:
        async with open_pipeline(make_settings(poll={**FAST_POLL, **poll}), stages=()) as pipeline:
            yield pipeline

    return open_


async def register(store: Store, *urls: str) -> list[str]:
    return await register_catalogue(store, [FeedSpec(url=u, name=u, outlet=f"outlet-{i}", language="en")
                                            for i, u in enumerate(urls)])  # fmt: skip


async def feed_rows(store: Store) -> dict[str, Feed]:
    async with store.reads() as session:
        return {feed.url: feed for feed in (await session.scalars(select(Feed))).all()}


@pytest.fixture
async def trickle_server() -> AsyncIterator[str]:
    """Base URL of a server whose /slow answers 200 at once, then sends one byte every second."""

    async def slow(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        try:
            for byte in b'<?xml version="1.0"?><rss version="2.0"><channel>':
                await response.write(bytes([byte]))
                await asyncio.sleep(1.0)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return response

    async with aiohttp_site({"/slow": slow}) as base_url:
        yield base_url
