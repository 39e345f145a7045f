"""Prefix searches (`word*`) on both engines: the rows and snippets found, SQLite's FTS5 prefix indexes (migration
0011) kept right as rows change, and the migration that adds them to a store already holding articles and claims."""

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import delete, text

from newsmon.config import StoreSettings
from newsmon.store import articles, claims, snippets
from newsmon.store.filters import Filters
from newsmon.store.models import ArticleRow
from newsmon.store.search import parse_search
from newsmon.store.session import Store, alembic_config, open_store, upgrade_database
from schemas.articles import Article

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
BEFORE_PREFIX_INDEXES = "0010"
PREFIX_INDEXES = "0011"  # migration 0013 reads the FTS5 content through views: the triggers and tables differ at head

# Our own texts: (id, title, text). Prefixes of 1 to 6 characters, in three scripts, pick different rows.
CORPUS = [
    ("p-talks", "Negotiators return to Astana", "Negotiations on the corridor resumed on Monday."),
    ("p-neglect", "A neglected hospital", "Doctors in Tal Abyad say the ward is neglected."),
    ("p-nearby", "Shelling nearby", "Residents of Maarat heard shelling nearby at dawn."),
    ("p-ru", "Перемирие в Идлибе", "Стороны обсуждают перемирие и обмен пленными."),
    ("p-ar", "هدنة في إدلب", "قالت مصادر إن الهدنة صامدة."),
    ("p-fr", "Évacuation à Alep", "L'évacuation des blessés a commencé."),
]
CLAIMS = [("k-killed", "p-talks", "four civilians were killed in the strike"),
          ("k-kilometres", "p-nearby", "the convoy stopped two kilometres short"),
          ("k-kidnap", "p-neglect", "the doctor was kidnapped last year")]  # fmt: skip

# (search, the articles it finds)
ARTICLE_SEARCHES = [
    ("n*", ["p-nearby", "p-neglect", "p-talks"]),  # one character: no prefix index, every word starting so merged
    ("ne*", ["p-nearby", "p-neglect", "p-talks"]),
    ("NEG*", ["p-neglect", "p-talks"]),
    ("nego*", ["p-talks"]),
    ("negot*", ["p-talks"]),  # longer than any prefix index
    ("negotiators*", ["p-talks"]),
    ("negotiatorsx*", []),
    ("пе*", ["p-ru"]),  # two characters, four bytes: the index counts characters
    ("пер*", ["p-ru"]),
    ("ПЕРЕ*", ["p-ru"]),
    ("هد*", ["p-ar"]),
    ("الهد*", ["p-ar"]),
    ("évac*", ["p-fr"]),
    ("EVA*", ["p-fr"]),
    ('"shelling ne"*', ["p-nearby"]),
    ("ne* -hospital", ["p-nearby", "p-talks"]),
    ("sh* nea*", ["p-nearby"]),
]
CLAIM_SEARCHES = [("ki*", ["k-kidnap", "k-killed", "k-kilometres"]), ("kil*", ["k-killed", "k-kilometres"]),
                  ("kill*", ["k-killed"]), ("kidn*", ["k-kidnap"])]  # fmt: skip


def article(article_id: str, title: str, body: str, age_h: int, version: int = 1) -> Article:
    return Article(article_id=article_id, version=version, url=f"https://news.example/{article_id}", outlet="Desk",
                   feed_url="https://news.example/rss", language="en", title=title, text=body,
                   published_at=NOW - timedelta(hours=age_h), content_hash=f"{article_id}-{version}")  # fmt: skip


def claim_row(claim_id: str, article_id: str, speaker: int, said: str) -> dict:
    return {"id": claim_id, "article_id": article_id, "article_version": 1, "speaker_id": speaker,
            "speaker_mention": "she", "cue": "said", "kind": "indirect", "text": said, "start": 0,
            "end": len(said), "quantities": [], "extractor_version": "test"}  # fmt: skip


async def fill(store: Store) -> None:
    async with store.sessions.begin() as session:
        for age_h, row in enumerate(CORPUS):
            await articles.insert_new(session, article(*row, age_h=age_h), NOW)
        speaker = await claims.speaker_id(session, "Leyla Hassan", "", [])
        for claim_id, article_id, said in CLAIMS:
            await claims.replace_for_article(session, article_id, 1, [claim_row(claim_id, article_id, speaker, said)])


async def found(store: Store, typed: str) -> list[str]:
    async with store.reads() as session:
        rows = await articles.latest(session, 50, Filters(search=parse_search(typed)))
    return sorted(row.id for row in rows)


async def claims_found(store: Store, typed: str) -> list[str]:
    async with store.reads() as session:
        rows = await claims.latest(session, 50, Filters(search=parse_search(typed)))
    return sorted(row.claim.id for row in rows)


async def snippets_of(store: Store, kind: str, ids: list[str], typed: str) -> dict[str, str]:
    async with store.reads() as session:
        return await snippets.for_rows(session, kind, ids, parse_search(typed))


async def everything_found(store: Store) -> dict[str, list[str]]:
    results = {typed: await found(store, typed) for typed, _ in ARTICLE_SEARCHES}
    return results | {f"claims: {typed}": await claims_found(store, typed) for typed, _ in CLAIM_SEARCHES}


def expected_found() -> dict[str, list[str]]:
    return dict(ARTICLE_SEARCHES) | {f"claims: {typed}": ids for typed, ids in CLAIM_SEARCHES}


# --- prefix searches at head --------------------------------------------------------------------------------------


async def test_prefixes_of_any_length_find_the_rows_with_a_word_starting_so(store):
    await fill(store)
    assert await everything_found(store) == expected_found()


@pytest.mark.parametrize(("typed", "article_id", "snippet"), [
    ("ne*", "p-neglect", "Doctors in Tal Abyad say the ward is <mark>neglected</mark>."),
    ("nego*", "p-talks", "<mark>Negotiations</mark> on the corridor resumed on Monday."),
    ("negot*", "p-talks", "<mark>Negotiations</mark> on the corridor resumed on Monday."),
    ("пе*", "p-ru", "Стороны обсуждают <mark>перемирие</mark> и обмен пленными."),
    ("الهد*", "p-ar", "قالت مصادر إن <mark>الهدنة</mark> صامدة."),
    ("EVA*", "p-fr", "L'<mark>évacuation</mark> des blessés a commencé."),
    ("sh* nea*", "p-nearby", "Residents of Maarat heard <mark>shelling</mark> <mark>nearby</mark> at dawn."),
])  # fmt: skip
async def test_a_prefix_snippet_marks_every_word_starting_so(store, typed, article_id, snippet):
    await fill(store)
    assert await snippets_of(store, "articles", [article_id], typed) == {article_id: snippet}


async def test_claim_snippets_mark_the_prefix_words(store):
    await fill(store)
    assert await snippets_of(store, "claims", ["k-killed", "k-kilometres"], "kil*") == {
        "k-killed": "four civilians were <mark>killed</mark> in the strike",
        "k-kilometres": "the convoy stopped two <mark>kilometres</mark> short"}


async def test_an_edited_or_deleted_article_leaves_no_prefix_behind(store):
    # The FTS5 'delete' command (the triggers) must take a row's words out of the prefix indexes too.
    await fill(store)
    async with store.sessions.begin() as session:
        row = await articles.get(session, "p-talks")
        assert row is not None
        edited = article("p-talks", "Talks stall in Astana", "Envoys left without a date.", age_h=0, version=2)
        await articles.update_content(session, row, edited, NOW)
    assert await found(store, "nego*") == [] and await found(store, "ne*") == ["p-nearby", "p-neglect"]
    assert await found(store, "env*") == ["p-talks"] and await found(store, "st*") == ["p-talks"]
    async with store.sessions.begin() as session:
        await session.execute(delete(ArticleRow).where(ArticleRow.id == "p-neglect"))
    assert await found(store, "neg*") == [] and await found(store, "ne*") == ["p-nearby"]
    assert await claims_found(store, "kid*") == []
    if store.dialect == "sqlite":
        async with store.sessions.begin() as session:
            for fts in ("articles_search", "claims_search"):
                await session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))


async def test_a_prefix_search_is_answered_from_an_index_on_both_engines(store):
    # SQLite: FTS5 merges the posting lists of every word with the prefix unless a prefix index of exactly its
    # length exists. PostgreSQL: the GIN index on the tsvector matches a ':*' lexeme partially (no change needed).
    async with store.reads() as session:
        if store.dialect == "sqlite":
            declared = await session.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE name IN ('articles_search', 'claims_search')"))
            assert {name: "prefix='2 3 4'" in sql for name, sql in declared} == {
                "articles_search": True, "claims_search": True}
            return
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        for table in ("articles", "claims"):
            plan = "\n".join(await session.scalars(text(
                f"EXPLAIN SELECT id FROM {table} WHERE search_vector @@ to_tsquery('simple', 'kil:*')")))
            assert f"ix_{table}_search_vector" in plan, plan


# --- the migration ------------------------------------------------------------------------------------------------


async def test_the_migration_keeps_every_search_result_and_the_triggers_and_downgrades(store_url):
    upgrade_database(store_url, BEFORE_PREFIX_INDEXES)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        await fill(store)
        assert await everything_found(store) == expected_found()
        triggers_before, tables_before = await _triggers(store), await _search_tables(store)
        ranking_before = await _bm25_weights(store)

    upgrade_database(store_url, PREFIX_INDEXES)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        assert await everything_found(store) == expected_found()
        assert await _triggers(store) == triggers_before
        assert await _search_tables(store) == [(name, sql.removesuffix(")") + ", prefix='2 3 4')")
                                               for name, sql in tables_before]  # the same options, and prefixes
        assert await _bm25_weights(store) == ranking_before
        assert await snippets_of(store, "articles", ["p-talks"], "nego*") == {
            "p-talks": "<mark>Negotiations</mark> on the corridor resumed on Monday."}
        async with store.sessions.begin() as session:  # the triggers write to the rebuilt tables
            await articles.insert_new(session, article("p-new", "Negotiating a corridor", "Talks.", age_h=9), NOW)
        assert await found(store, "nego*") == ["p-new", "p-talks"]
        found_at_head = await everything_found(store)
        await _check_fts5_integrity(store)

    command.downgrade(alembic_config(store_url), BEFORE_PREFIX_INDEXES)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        assert await everything_found(store) == found_at_head
        assert await _triggers(store) == triggers_before
        await _check_fts5_integrity(store)
        assert await _search_tables(store) == tables_before
        assert await _bm25_weights(store) == ranking_before


async def _triggers(store: Store) -> list[tuple[str, str]]:
    if store.dialect != "sqlite":
        return []
    async with store.reads() as session:
        rows = await session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))
        return [(name, sql) for name, sql in rows]


async def _search_tables(store: Store) -> list[tuple[str, str]]:
    if store.dialect != "sqlite":
        return []
    async with store.reads() as session:
        rows = await session.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE name IN ('articles_search', 'claims_search') ORDER BY name"))
        return [(name, sql) for name, sql in rows]


async def _bm25_weights(store: Store) -> list[str]:
    if store.dialect != "sqlite":
        return []
    async with store.reads() as session:
        return [weights for fts in ("articles_search", "claims_search")
                for weights in await session.scalars(text(f"SELECT v FROM {fts}_config WHERE k = 'rank'"))]  # fmt: skip


async def _check_fts5_integrity(store: Store) -> None:
    if store.dialect != "sqlite":
        return
    async with store.sessions.begin() as session:
        for fts in ("articles_search", "claims_search"):
            await session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
