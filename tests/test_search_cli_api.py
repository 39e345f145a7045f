"""`newsmon query --search` and `search=` in the HTTP API: results most relevant first, bad searches one line."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from newsmon.api.app import create_app
from newsmon.config import Settings, StoreSettings
from newsmon.store import articles, claims
from newsmon.store.session import open_store
from schemas.articles import Article

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TEXTS = [  # (id, outlet, title, text), newest first
    ("news-1", "Wire Desk", "Convoy reaches Deir ez-Zor", "Aid trucks reached the city on Tuesday."),
    ("news-2", "ТАСС", "Перемирие в Идлибе", "Стороны договорились о перемирии в Идлибе."),
    ("news-3", "Gazette", "Market reopens", "Traders in Idlib said the ceasefire brought customers back."),
    ("news-4", "Wire Desk", "Ceasefire talks: ceasefire holds", "The ceasefire in Idlib held for a third day."),
]


@pytest.fixture
async def filled(store_url: str) -> str:
    async with open_store(StoreSettings(url=store_url)) as store, store.sessions.begin() as session:
        speaker = await claims.speaker_id(session, "Lina Haddad", "", [])
        for age_h, (article_id, outlet, title, body) in enumerate(TEXTS):
            await articles.insert_new(session, Article(
                article_id=article_id, url=f"https://news.example/{article_id}", outlet=outlet,
                feed_url="https://news.example/rss", language="en", title=title, text=body,
                published_at=NOW - timedelta(hours=age_h), content_hash=article_id), NOW)  # fmt: skip
            said = f"{title} and nothing else"
            await claims.replace_for_article(session, article_id, 1, [{
                "id": f"claim-{article_id}", "article_id": article_id, "article_version": 1, "speaker_id": speaker,
                "speaker_mention": "she", "cue": "said", "kind": "indirect", "text": said, "start": 0,
                "end": len(said), "quantities": [], "extractor_version": "test"}])  # fmt: skip
    return store_url


def query(store_url: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmon", "query", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "NEWSMON_STORE__URL": store_url, **env})  # fmt: skip


def ids(result: subprocess.CompletedProcess, key: str = "article_id") -> list[str]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line)[key] for line in result.stdout.splitlines()]


async def test_query_search_lists_the_most_relevant_first_with_the_other_filters(filled):
    assert ids(query(filled, "articles", "--search", "ceasefire", "--format", "json")) == ["news-4", "news-3"]
    assert ids(query(filled, "articles", "--search", "ceasefire", "--outlet", "gazette", "--format", "json")) == [
        "news-3"]  # fmt: skip
    assert ids(query(filled, "articles", "--search", "ПЕРЕМИРИЕ", "--format", "json")) == ["news-2"]
    assert ids(query(filled, "claims", "--search", '"convoy reaches"', "--format", "json"), "claim_id") == [
        "claim-news-1"]  # fmt: skip
    assert ids(query(filled, "articles", "--contains", "ceasefire t", "--format", "json")) == ["news-4"]


def rows(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


async def test_query_search_gives_articles_and_claims_a_snippet_with_the_searched_words_marked(filled):
    found = rows(query(filled, "articles", "--search", "ceasefire Idlib", "--format", "json"))
    assert [(row["article_id"], row["snippet"]) for row in found] == [
        ("news-4", "The <mark>ceasefire</mark> in <mark>Idlib</mark> held for a third day."),
        ("news-3", "Traders in <mark>Idlib</mark> said the <mark>ceasefire</mark> brought customers back.")]
    found = rows(query(filled, "claims", "--search", "ceasefire", "--format", "json"))
    assert found[0]["snippet"] == "<mark>Ceasefire</mark> talks: <mark>ceasefire</mark> holds and nothing else"
    assert all("snippet" not in row for row in rows(query(filled, "articles", "--format", "json")))
    assert all("snippet" not in row for row in rows(query(filled, "stories", "--search", "ceasefire", "--format",
                                                          "json")))  # fmt: skip
    table = query(filled, "articles", "--search", "перемири*", "--format", "csv")
    assert table.returncode == 0 and "<mark>перемирии</mark>" in table.stdout and ",snippet" in table.stdout


async def test_the_query_table_shows_the_snippet_with_its_words_in_bold_and_json_stays_plain(filled):
    shown = query(filled, "articles", "--search", "ceasefire", FORCE_COLOR="1", COLUMNS="200")
    assert shown.returncode == 0, shown.stderr
    assert "\x1b[1mceasefire\x1b[0m in Idlib" in shown.stdout and "<mark>" not in shown.stdout
    claims_shown = query(filled, "claims", "--search", "market", FORCE_COLOR="1", COLUMNS="200")
    assert "\x1b[1mMarket\x1b[0m reopens" in claims_shown.stdout and "<mark>" not in claims_shown.stdout
    as_json = query(filled, "articles", "--search", "ceasefire", "--format", "json", FORCE_COLOR="1")
    assert "\x1b" not in as_json.stdout and "<mark>ceasefire</mark>" in as_json.stdout


async def test_query_sort_puts_searched_or_all_rows_newest_or_oldest_first(filled):
    assert ids(query(filled, "articles", "--search", "ceasefire", "--format", "json")) == ["news-4", "news-3"]
    assert ids(query(filled, "articles", "--search", "ceasefire", "--sort", "newest", "--format", "json")) == [
        "news-3", "news-4"]  # fmt: skip
    assert ids(query(filled, "articles", "--search", "ceasefire", "--sort", "relevance", "--format", "json")) == [
        "news-4", "news-3"]  # fmt: skip
    assert ids(query(filled, "articles", "--sort", "oldest", "--format", "json")) == ["news-4", "news-3", "news-2",
                                                                                         "news-1"]  # fmt: skip
    assert ids(query(filled, "claims", "--search", "ceasefire OR market", "--sort", "oldest", "--format", "json"),
               "claim_id") == ["claim-news-4", "claim-news-3"]  # fmt: skip


@pytest.mark.parametrize(("args", "complaint"), [
    (("articles", "--sort", "relevance"), "--sort relevance needs --search"),
    (("claims", "--sort", "relevance", "--contains", "x"), "--sort relevance needs --search"),
    (("articles", "--sort", "best"), "--sort 'best'"),
    (("speakers", "--sort", "oldest"), "--sort orders articles or claims"),
])  # fmt: skip
async def test_query_refuses_a_sort_it_cannot_give_in_one_line(filled, args, complaint):
    result = query(filled, *args)
    assert result.returncode == 2 and complaint in result.stderr and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize(("typed", "complaint"), [
    ('"ceasefire', "quote is not closed"), ("", "no word"), ("&|!", "no word"), ("-ceasefire", "only exclusions"),
    ("ceasefire OR", "OR needs"), ("ceasefire NOT", "NOT needs"), ("NOT ceasefire", "only exclusions"),
])  # fmt: skip
async def test_query_refuses_a_malformed_search_in_one_line(filled, typed, complaint):
    result = query(filled, "articles", "--search", typed)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--search" in result.stderr and complaint in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
async def api(filled: str):
    app = create_app(Settings.model_validate({"store": {"url": filled}}))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://newsmon.test") as client,
    ):
        yield client


async def test_the_api_searches_articles_and_claims_and_refuses_a_bad_search_with_422(api):
    found = (await api.get("/api/articles", params={"search": "ceasefire -market"})).json()
    assert [row["article_id"] for row in found] == ["news-4"]
    found = (await api.get("/api/claims", params={"search": "market OR convoy*"})).json()
    assert sorted(row["claim_id"] for row in found) == ["claim-news-1", "claim-news-3"]
    stories = await api.get("/api/stories", params={"search": "ceasefire"})
    assert stories.status_code == 200
    for path in ("/api/articles", "/api/claims"):
        refused = await api.get(path, params={"search": 'NEAR("ceasefire'})
        assert refused.status_code == 422 and "quote is not closed" in refused.text, refused.text


async def test_the_api_sorts_as_the_cli_and_refuses_relevance_without_a_search(api):
    found = (await api.get("/api/articles", params={"search": "ceasefire", "sort": "oldest"})).json()
    assert [row["article_id"] for row in found] == ["news-4", "news-3"]
    found = (await api.get("/api/claims", params={"sort": "oldest", "limit": 2})).json()
    assert [row["claim_id"] for row in found] == ["claim-news-4", "claim-news-3"]
    for params in ({"sort": "relevance"}, {"sort": "best", "search": "x"}):
        refused = await api.get("/api/articles", params=params)
        assert refused.status_code == 422 and "sort" in refused.text, refused.text
    refused = await api.get("/api/speakers", params={"sort": "oldest"})
    assert refused.status_code == 422 and "sort orders articles or claims" in refused.text, refused.text


async def test_the_api_gives_searched_articles_and_claims_the_same_snippet_as_the_cli(api):
    found = (await api.get("/api/articles", params={"search": "ceasefire -market"})).json()
    assert found[0]["snippet"] == "The <mark>ceasefire</mark> in Idlib held for a third day."
    found = (await api.get("/api/claims", params={"search": "convoy*"})).json()
    assert found[0]["snippet"] == "<mark>Convoy</mark> reaches Deir ez-Zor and nothing else"
    assert all("snippet" not in row for row in (await api.get("/api/articles")).json())
    assert all("snippet" not in row for row in (await api.get("/api/claims")).json())
