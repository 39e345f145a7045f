"""Article URLs of any length (migration 0012): stored, found by URL through an index, and the migration that
moves a populated store to the hash index and back."""

from datetime import UTC, datetime, timedelta

from alembic import command
from sqlalchemy import delete, text

from newsmon.config import StoreSettings
from newsmon.store import articles
from newsmon.store.models import ArticleRow, DuplicateRow
from newsmon.store.session import Store, alembic_config, open_store, upgrade_database
from schemas.articles import Article

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
BEFORE_LONG_URLS = "0011"

# An aggregator's link with its tracking parameters (6,000+ ASCII characters), and a slug of 2,000 CJK characters
# left unencoded (6,000 bytes in UTF-8): both over PostgreSQL's 2,704-byte limit for a B-tree index entry.
TRACKED = "https://aggregator.example/rss/articles/" + "CBMi" + "x7Qa9" * 1200 + "?oc=5&hl=en-US&gl=US&ceid=US:en"
CJK = "https://wire.example/" + "".join(chr(0x4E00 + (i * 7919) % 0x5000) for i in range(2_000))


def article(article_id: str, url: str, age_h: int = 0) -> Article:
    return Article(article_id=article_id, url=url, outlet="Lake Wire", feed_url="https://wire.example/rss",
                   language="en", title=f"Ferry timetable {article_id}", text="The harbour office said so.",
                   published_at=NOW - timedelta(hours=age_h), content_hash=f"h-{article_id}")  # fmt: skip


async def ids_by_url(store: Store, url: str) -> list[str]:
    async with store.reads() as session:
        return [row.id for row in await articles.by_url(session, url)]


async def test_an_article_with_a_six_kilobyte_url_is_stored_and_found_by_it(store):
    assert len(TRACKED) > 6_000 and len(CJK.encode()) > 6_000
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("long-tracked", TRACKED), NOW)
        values = articles.new_article_values(article("long-cjk", CJK, age_h=1), NOW, guid=None)
        await articles.insert_many(session, [values], [articles.version_values(article("long-cjk", CJK), NOW)], [])
        await articles.record_duplicate(session, copy_id="copy-1", item_id="item-1", feed_url="https://b.example/rss",
                                        outlet="Other Wire", url=TRACKED, duplicate_of="long-tracked",
                                        similarity=1.0, method="url", seen_at=NOW)  # fmt: skip
        await articles.insert_new(session, article("short", "https://wire.example/short"), NOW)
    assert await ids_by_url(store, TRACKED) == ["long-tracked"]
    assert await ids_by_url(store, CJK) == ["long-cjk"]
    assert await ids_by_url(store, TRACKED[:-1]) == []
    async with store.reads() as session:
        stored = await articles.get(session, "long-tracked")
        copy = await session.get(DuplicateRow, "copy-1")
    assert stored is not None and stored.url == TRACKED
    assert copy is not None and copy.url == TRACKED


async def test_articles_sharing_a_url_are_all_found_oldest_first(store):
    # A URL keys no article on its own: items without a usable link are keyed by guid, and may share one.
    async with store.sessions.begin() as session:
        for article_id in ("shared-b", "shared-a"):
            await articles.insert_new(session, article(article_id, TRACKED), NOW)
    assert sorted(await ids_by_url(store, TRACKED)) == ["shared-a", "shared-b"]


async def test_a_lookup_by_url_reads_the_url_index(store):
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("indexed", TRACKED), NOW)
    async with store.sessions.begin() as session:
        statement = articles.by_url_query(TRACKED).compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        if store.dialect == "postgresql":
            await session.execute(text("SET LOCAL enable_seqscan = off"))  # a few rows: a scan would be cheaper
            plan = "\n".join(await session.scalars(text(f"EXPLAIN {statement}")))
            assert "ix_articles_url" in plan and "Seq Scan" not in plan, plan
            return
        plan = "\n".join(str(row[-1]) for row in await session.execute(text(f"EXPLAIN QUERY PLAN {statement}")))
        assert "USING INDEX ix_articles_url" in plan, plan


async def test_the_migration_moves_a_populated_store_to_the_url_index_and_back(store_url):
    upgrade_database(store_url, BEFORE_LONG_URLS)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store, store.sessions.begin() as session:
        for number in range(30):
            await articles.insert_new(session, article(f"old-{number}", f"https://wire.example/{number}"), NOW)

    upgrade_database(store_url)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store:
        assert await ids_by_url(store, "https://wire.example/7") == ["old-7"]
        async with store.sessions.begin() as session:
            await articles.insert_new(session, article("new-long", TRACKED), NOW)
        assert await ids_by_url(store, TRACKED) == ["new-long"]
        # Going back: the old columns and B-tree index cannot hold the long URL, so it goes first.
        async with store.sessions.begin() as session:
            await session.execute(delete(ArticleRow).where(ArticleRow.id == "new-long"))

    command.downgrade(alembic_config(store_url), BEFORE_LONG_URLS)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as store, store.reads() as session:
        assert await articles.count(session) == 30
        urls = await session.scalars(text("SELECT url FROM articles WHERE id = 'old-7'"))
        assert list(urls) == ["https://wire.example/7"]
    upgrade_database(store_url)  # and up again
