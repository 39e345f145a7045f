"""The day each story became disputed, recorded when its claims are written (newsmon/store/claims.py): the
unfiltered disputes-over-time chart reads that record, and it must say what reading every claim would say."""

import asyncio
import hashlib
import inspect
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, insert

import newsmon.report.dispute_figures
import newsmon.report.dispute_rules
from newsmon.config import StoreSettings
from newsmon.report.disputes import DisputeDay, dispute_arises, disputes_per_day
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from newsmon.store.models import ArticleRow, ClaimRow, SpeakerRow
from newsmon.store.session import open_store, sync_url, upgrade_database
from schemas.articles import Article
from tests.newsmon.test_disputes import toll
from tests.test_report_relays_and_disputes import stored_article, stored_claim

START = datetime(2026, 11, 10, 6, 0, tzinfo=UTC)
SPEAKERS = ("SOHR", "Health ministry", "Defence Ministry", "White Helmets", "Governor", "Local council")
CUES = ("said", "told reporters", "said in a statement", "denied", "rejected reports that", "added", "disputed",
        "did not deny", "claimed")  # fmt: skip
UNITS = ("civilians", "civilian", "fighters", "people", "families", "")
QUALIFIERS = ("", "", "at least", "up to", "about", "more than")


async def every_claim_counted(session, filters: Filters | None = None) -> list[DisputeDay]:
    """The straightforward count: every claim of the period read, each story's dispute found from them."""
    started: Counter[tuple[str, str]] = Counter()
    async for story in claims.of_every_story(session, filters):
        if (found := dispute_arises(story)) is not None:
            started[story[found[0]].day, found[1]] += 1
    return [DisputeDay(day, started[day, "denial"], started[day, "conflicting numbers"])
            for day in sorted({day for day, _ in started})]  # fmt: skip


def invented_claims(rng: random.Random, article_id: str, speakers: dict[str, int], version: int = 1) -> list[dict]:
    """One to six claims of an article: a few denials, tolls of a few units with qualifiers, repeated voices."""
    found = []
    for position in range(rng.randint(1, 6)):
        quantities = [toll(rng.choice((3, 5, 12, 12, 40, 41, 100)), rng.choice(UNITS), rng.choice(QUALIFIERS))
                      for _ in range(rng.choice((0, 0, 0, 1, 1, 2)))]  # fmt: skip
        claim = stored_claim(article_id, position, speakers[rng.choice(SPEAKERS)], cue=rng.choice(CUES),
                             quantities=quantities)  # fmt: skip
        found.append({**claim, "id": f"{article_id}-v{version}-{position}", "article_version": version})
    return found


async def write_invented_store(store, seed: int) -> None:
    """Sixty stories of one to five articles over nine days, written in an order unlike publishing (late arrivals
    join old stories), some at the same minute, then a third of the articles re-extracted with other claims."""
    rng = random.Random(seed)
    plan: list[tuple[str, datetime, str | None]] = []
    for story in range(60):
        first = START + timedelta(hours=rng.randrange(9 * 24))
        for part in range(rng.randint(1, 5)):
            published = first + timedelta(minutes=rng.choice((0, 0, 30, 400, 1500, 3000)) * part)
            plan.append((f"s{story:02d}-a{part}", published, f"s{story:02d}"))
    plan.append(("storyless", START, None))
    rng.shuffle(plan)
    async with store.sessions.begin() as session:
        speakers = {name: await claims.speaker_id(session, name, "", []) for name in SPEAKERS}
    for article_id, published, story_id in plan:
        async with store.sessions.begin() as session:
            row = stored_article(article_id, f"Outlet {rng.randrange(5)}", published, "x")
            await articles.insert_many(session, [{**row, "story_id": story_id}], [], [])
            await claims.replace_for_article(session, article_id, 1, invented_claims(rng, article_id, speakers))
    for article_id, _, _ in rng.sample(plan, len(plan) // 3):
        async with store.sessions.begin() as session:
            await claims.replace_for_article(session, article_id, 2, invented_claims(rng, article_id, speakers, 2))


async def test_recorded_dispute_days_match_reading_every_claim_of_an_invented_store(store):
    await write_invented_store(store, seed=11)
    async with store.reads() as session:
        expected = await every_claim_counted(session)
        assert sum(day.stories for day in expected) > 10 and any(day.conflicting_numbers for day in expected)
        assert await claims.recorded_dispute_days(session) == [
            (day.day, kind, count) for day in expected
            for kind, count in (("conflicting numbers", day.conflicting_numbers), ("denial", day.denials)) if count
        ]  # fmt: skip
        assert await disputes_per_day(session) == expected
        week = Filters(since=START + timedelta(days=2), until=START + timedelta(days=7))  # filtered: read as before
        assert await disputes_per_day(session, week) == await every_claim_counted(session, week)


async def _write(store, article_id: str, published_at: datetime, story_id: str, said: list[tuple[int, str, list]],
                 version: int = 1) -> None:  # fmt: skip
    async with store.sessions.begin() as session:
        if version == 1:
            await articles.insert_many(session, [stored_article(article_id, "Wire", published_at, story_id)], [], [])
        await claims.replace_for_article(session, article_id, version, [  # a new version's claims have new ids
            {**stored_claim(article_id, position, speaker, cue=cue, quantities=quantities),
             "id": f"{article_id}-v{version}-{position}", "article_version": version}
            for position, (speaker, cue, quantities) in enumerate(said)])  # fmt: skip


async def _recorded(store) -> list[tuple[str, str, int]]:
    async with store.reads() as session:
        return await claims.recorded_dispute_days(session)


async def test_re_extracted_claims_replace_the_recorded_dispute(store):
    async with store.sessions.begin() as session:
        a, b = [await claims.speaker_id(session, name, "", []) for name in ("A", "B")]
    await _write(store, "first", START, "story", [(a, "said", [toll(12)])])
    await _write(store, "second", START + timedelta(days=1), "story", [(b, "denied", [])])
    assert await _recorded(store) == [("2026-11-11", "denial", 1)]
    await _write(store, "second", START + timedelta(days=1), "story", [(b, "said", [])], version=2)
    assert await _recorded(store) == []  # the denial is gone with the old version's claims
    await _write(store, "second", START + timedelta(days=1), "story", [(b, "said", [toll(40)])], version=3)
    assert await _recorded(store) == [("2026-11-11", "conflicting numbers", 1)]


async def test_a_late_article_published_earlier_moves_the_recorded_day(store):
    async with store.sessions.begin() as session:
        a, b, c = [await claims.speaker_id(session, name, "", []) for name in ("A", "B", "C")]
    await _write(store, "monday", START, "story", [(a, "said", [])])
    await _write(store, "friday", START + timedelta(days=4), "story", [(b, "rejected reports that", [])])
    assert await _recorded(store) == [("2026-11-14", "denial", 1)]
    # Stored last, published between them: C's denial on Tuesday makes the story disputed then.
    await _write(store, "tuesday", START + timedelta(days=1), "story", [(c, "denied", [])])
    assert await _recorded(store) == [("2026-11-11", "denial", 1)]
    # Another story's article does not touch this one's record.
    await _write(store, "other", START, "other", [(a, "said", [toll(3)]), (b, "said", [toll(30)])])
    assert await _recorded(store) == [("2026-11-10", "conflicting numbers", 1), ("2026-11-11", "denial", 1)]


async def test_a_new_version_published_at_another_time_moves_the_recorded_day(store):
    async with store.sessions.begin() as session:
        a, b = [await claims.speaker_id(session, name, "", []) for name in ("A", "B")]
    await _write(store, "first", START, "story", [(a, "denied", [])])
    await _write(store, "second", START + timedelta(days=2), "story", [(b, "said", [])])
    assert await _recorded(store) == [("2026-11-12", "denial", 1)]
    async with store.sessions.begin() as session:  # the dedupe stage stores a corrected time, claims not yet redone
        row = await articles.get(session, "second")
        assert row is not None
        moved = Article(**{**articles.as_message(row).model_dump(), "version": 2,
                           "published_at": START + timedelta(days=1)})  # fmt: skip
        await articles.update_content(session, row, moved, START + timedelta(days=3))
    async with store.reads() as session:
        assert await claims.recorded_dispute_days(session) == [("2026-11-11", "denial", 1)]
        assert await every_claim_counted(session) == [DisputeDay("2026-11-11", 1, 0)]


def test_the_migration_records_the_disputes_of_a_store_filled_before_it(store_url):
    upgrade_database(store_url, "0009")
    engine = create_engine(sync_url(store_url))
    with engine.begin() as connection:
        connection.execute(insert(SpeakerRow), [{"id": 1, "name": "A", "organisation": ""},
                                                          {"id": 2, "name": "B", "organisation": ""}])  # fmt: skip
        connection.execute(insert(ArticleRow), [
            {**stored_article("one", "Wire", START, "story"), "claims_version": 1, "alerts_version": 1},
            {**stored_article("two", "Wire", START + timedelta(days=1), "story"), "claims_version": 1,
             "alerts_version": 1}])  # fmt: skip
        connection.execute(insert(ClaimRow), [{**stored_claim("one", 0, 1, quantities=[toll(5)]),
                                                         "created_at": START},
                                                        {**stored_claim("two", 0, 2, quantities=[toll(50)]),
                                                         "created_at": START}])  # fmt: skip
    engine.dispose()
    upgrade_database(store_url)

    async def recorded() -> list[tuple[str, str, int]]:
        async with open_store(StoreSettings(url=store_url)) as store:
            return await _recorded(store)

    assert asyncio.run(recorded()) == [("2026-11-11", "conflicting numbers", 1)]


# The rule the stored record was made by (dispute_rules.py and the figure reading of dispute_figures.py it calls). A
# change to it leaves every story recorded before by the old rule: ship a migration that records every story again
# (as 0010's and 0014's upgrades do), then update this digest. A change that cannot alter any story's day or kind (a
# comment) needs the new digest only.
RULE_DIGEST = "8a1d78353e9dfe02"


def test_the_rule_the_recorded_days_were_made_by_has_not_changed():
    source = inspect.getsource(newsmon.report.dispute_rules) + inspect.getsource(newsmon.report.dispute_figures)
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == RULE_DIGEST, "record the stories again: see RULE_DIGEST"


async def test_a_period_holding_every_article_reads_the_record(store):
    # `newsmon report` always has a period: one from before the first article to after the last cuts no claim, so
    # its days are the recorded ones (moved here by hand to see which were read).
    from sqlalchemy import update

    from newsmon.store.models import StoryDisputeRow

    async with store.sessions.begin() as session:
        a, b = [await claims.speaker_id(session, name, "", []) for name in ("A", "B")]
    await _write(store, "first", START, "story", [(a, "said", [])])
    await _write(store, "second", START + timedelta(days=1), "story", [(b, "denied", [])])
    async with store.sessions.begin() as session:
        await session.execute(update(StoryDisputeRow).values(arose_on="2026-01-01"))
    everything = Filters(since=START - timedelta(days=1), until=START + timedelta(days=2))
    cut = Filters(since=START - timedelta(days=1), until=START + timedelta(days=1))
    async with store.reads() as session:
        assert await disputes_per_day(session, everything) == [DisputeDay("2026-01-01", 1, 0)]
        assert await disputes_per_day(session, Filters(since=START)) == [DisputeDay("2026-01-01", 1, 0)]
        assert await disputes_per_day(session, cut) == []  # the denial is left out: read from the claims
        assert await disputes_per_day(session, Filters(since=START, outlet="Wire")) == [DisputeDay("2026-11-11", 1, 0)]
