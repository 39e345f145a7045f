"""The HTTP API (`newsmon serve`): the store's reports as JSON, read-only, with the filters of `newsmon query`.

GET /api/articles, /api/claims, /api/stories, /api/speakers, /api/disputes and /api/feeds; GET /healthz says
whether the store answers. A bad parameter is a 422 naming it. With `api.token` set, the /api/ routes need it as a
bearer token (401 otherwise)."""

import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from newsmon.cli.feeds_admin import HEALTH_ORDER, status_row
from newsmon.config import Settings
from newsmon.report.tables import SNIPPET_KINDS, Kind, fetch_rows, query_problem
from newsmon.store import feeds, snippets
from newsmon.store.filters import Filters, parse_moment
from newsmon.store.search import SearchQueryError, Sort, parse_search
from newsmon.store.session import Store, open_store

MAX_LIMIT = 1000
SEARCH_DESCRIPTION = (
    'Full-text search of the same text as contains, most relevant first: all words, "a phrase", OR, '
    "-word to exclude, word* for a prefix. Articles and claims found get a `snippet`: about 30 words around the best "
    "match (an article's title when only the title matched), each searched word wrapped in `<mark>` and `</mark>`, the "
    "text itself HTML-escaped (`&amp;`, `&lt;`, `&gt;`) so that a `<mark>` is always a match and the snippet can go "
    "into a page as it is; `…` marks text left out. No `snippet` without search."
)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many rows at most.")]
SortParameter = Annotated[Sort | None, Query(description=(
    "Articles and claims: relevance (with search, and its default), newest (the default otherwise) or oldest."))]


# How each report orders its rows (the route summaries in /docs).
ORDERS: dict[Kind, str] = {
    "articles": "newest first; with search, most relevant first; sort= to choose",
    "claims": "newest first; with search, most relevant first; sort= to choose",
    "stories": "newest first",
    "speakers": "most claims first",
    "disputes": "newest first",
}

def create_app(settings: Settings) -> FastAPI:
    """The API over the configured store, opened when the app starts and closed when it stops."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_store(settings.store) as store:
            app.state.store = store
            yield

    app = FastAPI(title="newsmon", summary="Who is claiming what about Syria: the store's reports.", lifespan=lifespan)
    guarded = [Depends(_bearer_token_check(settings))]

    @app.get("/healthz")
    async def healthz(request: Request) -> JSONResponse:
        try:
            async with _store(request).reads() as session:
                await session.execute(text("SELECT 1"))
        except Exception as error:  # the service is up, its store is not: say so, as a load balancer expects
            return JSONResponse({"status": "store unavailable", "error": type(error).__name__}, status_code=503)
        return JSONResponse({"status": "ok"})

    for kind, order in ORDERS.items():
        app.add_api_route(f"/api/{kind}", _report(kind), methods=["GET"], summary=f"{kind} ({order})",
                          dependencies=guarded)  # fmt: skip

    @app.get("/api/feeds", summary="feed health, worst first", dependencies=guarded)
    async def feed_status(request: Request, health: str | None = None) -> list[dict[str, Any]]:
        if health is not None and health not in HEALTH_ORDER:
            raise HTTPException(422, f"health {health!r}: expected one of {', '.join(HEALTH_ORDER)}")
        async with _store(request).reads() as session:
            rows = [status_row(feed, datetime.now(UTC)) for feed in await feeds.all_feeds(session)]
        rows = [row for row in rows if health is None or row["health"] == health]
        return sorted(rows, key=lambda row: (HEALTH_ORDER.index(row["health"]), row["outlet"], row["url"]))

    return app


def filters(
    outlet: Annotated[str | None, Query(description="Outlet name contains this (any case).")] = None,
    speaker: Annotated[str | None, Query(description=(
        "Claims: speaker's name, organisation or alias; disputes: stories where such a speaker has a claim."))] = None,
    contains: Annotated[str | None, Query(description=(
        "Claims: text; articles: title or text; disputes: stories with such a claim."))] = None,
    search: Annotated[str | None, Query(description=SEARCH_DESCRIPTION)] = None,
    since: Annotated[str | None, Query(description="Published at or after: ISO 8601, or 36h, 7d ago.")] = None,
    until: Annotated[str | None, Query(description="Published before (as since).")] = None,
    story: Annotated[str | None, Query(description="Only this story (its origin article id).")] = None,
    article: Annotated[str | None, Query(description="Only this article (claims: its claims).")] = None,
) -> Filters:
    texts = {"outlet": outlet, "speaker": speaker, "contains": contains, "search": search, "since": since,
             "until": until, "story": story, "article": article}  # fmt: skip
    for name, value in texts.items():
        # PostgreSQL refuses a NUL in a string (a 500), and SQLite ends the string there ('outlet=%00' matched all).
        if value is not None and "\x00" in value:
            raise HTTPException(422, f"{name} {value!r}: contains a NUL character (%00), which no text holds")
    now = datetime.now(UTC)
    moments: dict[str, datetime | None] = {}
    for name, value in (("since", since), ("until", until)):
        try:
            moments[name] = parse_moment(value, now) if value is not None else None
        except ValueError as error:
            raise HTTPException(422, f"{name} {error}") from None
    if moments["since"] and moments["until"] and moments["since"] >= moments["until"]:
        raise HTTPException(422, f"since {since} is not before until {until}")
    try:
        searched = parse_search(search) if search is not None else None
    except SearchQueryError as error:
        raise HTTPException(422, f"search {error}") from None
    return Filters(outlet=outlet, speaker=speaker, contains=contains, story=story, article=article,
                   search=searched, since=moments["since"], until=moments["until"])  # fmt: skip


def _report(kind: Kind) -> Any:
    async def report(request: Request, narrowed: Annotated[Filters, Depends(filters)],
                     limit: Limit = 50, sort: SortParameter = None) -> list[dict[str, Any]]:  # fmt: skip
        if problem := query_problem(kind, narrowed, sort):
            raise HTTPException(422, problem)
        rows = await fetch_rows(_store(request), kind, limit, narrowed, sort)
        if narrowed.search and kind in SNIPPET_KINDS:
            await snippets.add_to_rows(_store(request), kind, rows, narrowed.search)
        return rows

    report.__name__ = kind
    return report


def _bearer_token_check(settings: Settings) -> Callable[[Request], None]:
    """A dependency refusing requests without `api.token` as their bearer token (none when no token is set)."""
    expected = settings.api.token.get_secret_value().encode() if settings.api.token is not None else None

    def check(request: Request) -> None:
        if expected is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        # compare_digest: the time taken does not tell how much of a guess was right.
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected):
            raise HTTPException(401, "missing or wrong bearer token (api.token)",
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip

    return check


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store
