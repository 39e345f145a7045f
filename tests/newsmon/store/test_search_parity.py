"""Both engines give the same answers to the same search on the same rows (migration 0013): host names, e-mail
addresses, links, hyphenated words and markup are words between punctuation on PostgreSQL as on SQLite's FTS5,
Turkish dotted and dotless i fold to i, and `NOT` excludes as `-` does."""

import itertools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import delete, text

from newsmon.config import StoreSettings
from newsmon.store import articles, snippets
from newsmon.store.filters import Filters
from newsmon.store.models import ArticleRow
from newsmon.store.search import SearchQueryError, parse_search
from newsmon.store.session import Store, alembic_config, open_store, upgrade_database
from schemas.articles import Article

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
BEFORE_WORDS_ALIKE = "0012"

# Our own texts: (id, title, text).
CORPUS = [
    ("host", "Agency report", "The statement was posted on www.sana.sy and mirrored at news.lake-wire.example."),
    ("mail", "Write to the desk", "Readers wrote to press-office@sana.sy and to desk_editor@lake.example about it."),
    ("link", "Link shared", "See https://lake.example/news/2027/ferry-timetable?id=42&lang=en#top for the list."),
    ("hyphen", "Al-Assad said so", "A spokesman said al-Assad met the F-16 pilots; X said al-Assad left."),
    ("markup", "Tagged <b>bold</b> text", "An &amp; entity, a <i>tag</i> and a path /var/lib/ferry.txt here."),
    ("turkish", "DİYARBAKIR ve Şırnak", "Diyarbakır'da toplantı yapıldı; İstanbul ve Iğdır da katıldı."),
    ("plain", "Sana Diyarbakir Istanbul", "Plain words: sy news lake example var lib ferry txt."),
]

QUERIES = {
    # (query, the articles it finds on both engines)
    "sana": ["host", "mail", "plain"],
    "sana.sy": ["host", "mail"],
    "www.sana.sy": ["host"],
    '"lake wire"': ["host"],
    "press-office": ["mail"],
    "desk_editor": ["mail"],
    '"editor lake example"': ["mail"],
    "ferry-timetable": ["link"],
    "timetable": ["link"],
    '"news 2027 ferry"': ["link"],
    '"said al assad"': ["hyphen"],
    '"assad met"': ["hyphen"],
    "F-16": ["hyphen"],
    "bold": ["markup"],
    "amp entity": ["markup"],
    '"var lib ferry"': ["markup", "plain"],
    "diyarbakir": ["plain", "turkish"],
    "Diyarbakır": ["plain", "turkish"],
    "DIYARBAKIR": ["plain", "turkish"],
    "istanbul": ["plain", "turkish"],
    "İSTANBUL": ["plain", "turkish"],
    "ıstanbul": ["plain", "turkish"],
    "sirnak": ["turkish"],
    "igdir": ["turkish"],
    "diyarbak*": ["plain", "turkish"],
    "sana NOT www": ["mail", "plain"],
    'sana NOT "sana sy"': ["plain"],
    "sana AND www": ["host"],
    "not": [],
}


def article(article_id: str, title: str, body: str, age_h: int) -> Article:
    return Article(article_id=article_id, url=f"https://wire.example/{article_id}", outlet="Lake Wire",
                   feed_url="https://wire.example/rss", language="en", title=title, text=body,
                   published_at=NOW - timedelta(hours=age_h), content_hash=article_id)  # fmt: skip


async def fill(store: Store) -> None:
    async with store.sessions.begin() as session:
        for age_h, row in enumerate(CORPUS):
            await articles.insert_new(session, article(*row, age_h=age_h), NOW)


async def found(store: Store, query: str) -> list[str]:
    async with store.reads() as session:
        return sorted(row.id for row in await articles.latest(session, 50, Filters(search=parse_search(query))))


@pytest.mark.parametrize("query", list(QUERIES))
async def test_hosts_addresses_links_hyphens_markup_and_turkish_i_are_found_alike(store, query):
    await fill(store)
    assert await found(store, query) == QUERIES[query]


def test_not_before_a_word_or_phrase_excludes_it_and_not_alone_is_refused():
    def read(typed: str) -> tuple[object, object]:
        query = parse_search(typed)
        return query.required, query.excluded

    assert read("sana NOT www") == read("sana -www")
    assert read('sana NOT "sana sy"') == read('sana -"sana sy"')
    assert read("sana AND www") == read("sana www")
    assert read("sana not") == read('sana "not"')  # lower case: the word
    for typed, complaint in [("sana NOT", "NOT needs"), ("NOT sana", "only exclusions"),
                             ("sana NOT OR www", "NOT needs"), ("sana OR NOT www", "excluded")]:  # fmt: skip
        with pytest.raises(SearchQueryError, match=complaint):
            parse_search(typed)


async def test_every_word_and_pair_of_words_of_the_corpus_finds_the_same_articles_on_both_engines(
    tmp_path: Path, pg_database: str
):
    # Words as a search box reads them (letters and digits), each alone, as a prefix, and with the word after it.
    # (A phrase across the end of the title and the start of the text is found on PostgreSQL only: one tsvector.)
    texts = [re.findall(r"[^\W_]+", text) for _, title, body in CORPUS for text in (title, body)]
    words = sorted({word for text in texts for word in text})
    pairs = sorted({f'"{a} {b}"' for text in texts for a, b in itertools.pairwise(text)})
    queries = words + pairs + [f"{word[:3]}*" for word in words if len(word) > 3]
    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    answers = []
    for url in (f"sqlite:///{tmp_path / 'store.db'}", pg_database):
        async with open_store(StoreSettings(url=url)) as store:
            await fill(store)
            answers.append({query: await found(store, query) for query in queries})
    sqlite_answers, postgresql_answers = answers
    assert {query: (found_there, postgresql_answers[query]) for query, found_there in sqlite_answers.items()
            if found_there != postgresql_answers[query]} == {}  # fmt: skip


@pytest.mark.parametrize(("query", "article_id", "snippet"), [
    ("sana", "host", "The statement was posted on www.<mark>sana</mark>.sy and mirrored at news.lake-wire.example."),
    ("igdir diyarbakir", "turkish",
     "<mark>Diyarbakır</mark>'da toplantı yapıldı; İstanbul ve <mark>Iğdır</mark> da katıldı."),
    ('"said al assad"', "hyphen",
     "A spokesman <mark>said</mark> <mark>al</mark>-<mark>Assad</mark> met the F-16 pilots;"
     " X <mark>said</mark> <mark>al</mark>-<mark>Assad</mark> left."),
])  # fmt: skip
async def test_snippets_mark_host_parts_and_turkish_words_as_written_on_both_engines(store, query, article_id, snippet):
    await fill(store)
    async with store.reads() as session:
        assert await snippets.for_rows(session, "articles", [article_id], parse_search(query)) == {article_id: snippet}


async def test_the_migration_reindexes_a_populated_store_and_downgrades(store_url):
    upgrade_database(store_url, BEFORE_WORDS_ALIKE)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        await fill(store)
        schema_before = await _search_schema(store)
    upgrade_database(store_url)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        for query in ("sana", "igdir", '"said al assad"'):
            assert await found(store, query) == QUERIES.get(query, ["hyphen"]), query
        async with store.sessions.begin() as session:  # the triggers write folded values
            await articles.insert_new(session, article("later", "Iğdır again", "On www.sana.sy.", 9), NOW)
        assert await found(store, "igdir sana") == ["later"]
        await _check_fts5_integrity(store)
        async with store.sessions.begin() as session:
            await session.execute(delete(ArticleRow).where(ArticleRow.id == "later"))
        await _check_fts5_integrity(store)
    command.downgrade(alembic_config(store_url), BEFORE_WORDS_ALIKE)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        assert await _search_schema(store) == schema_before
        await _check_fts5_integrity(store)
        assert await found(store, "timetable") == (["link"] if store.dialect == "sqlite" else [])  # as before


async def _search_schema(store: Store) -> list[tuple[str, str]]:
    query = ("SELECT name, sql FROM sqlite_master WHERE name LIKE '%search%' ORDER BY name" if store.dialect == "sqlite"
             else "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%search%' UNION ALL "
                  "SELECT table_name, generation_expression FROM information_schema.columns "
                  "WHERE column_name = 'search_vector' ORDER BY 1")  # fmt: skip
    async with store.reads() as session:
        return [(name, sql) for name, sql in await session.execute(text(query))]


async def _check_fts5_integrity(store: Store) -> None:
    if store.dialect != "sqlite":
        return
    async with store.sessions.begin() as session:
        for fts in ("articles_search", "claims_search"):
            await session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
