"""The store's record of the day a story became disputed reads each figure with its claim's words, as the dispute
list does (newsmon/report/dispute_figures.py): the report's counts and its list name the same stories."""

import asyncio
from datetime import timedelta

from alembic import command
from sqlalchemy import create_engine, insert, select

from newsmon.config import StoreSettings
from newsmon.report.disputes import disputes, disputes_per_day
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from newsmon.store.models import ArticleRow, ClaimRow, SpeakerRow, StoryDisputeRow
from newsmon.store.session import alembic_config, open_store, sync_url, upgrade_database
from tests.newsmon.test_disputes import toll
from tests.test_report_dispute_days_recorded import START
from tests.test_report_relays_and_disputes import stored_article, stored_claim


async def _write(store, article_id: str, story_id: str, hours: int, said: list[tuple[str, str, str, list]]) -> None:
    async with store.sessions.begin() as session:
        await articles.insert_many(session, [stored_article(article_id, "Wire", START + timedelta(hours=hours),
                                                            story_id)], [], [])  # fmt: skip
        rows = []
        for position, (speaker, cue, text, quantities) in enumerate(said):
            speaker_id = await claims.speaker_id(session, speaker, "", [])
            rows.append({**stored_claim(article_id, position, speaker_id, cue=cue, quantities=quantities),
                         "text": text})  # fmt: skip
        await claims.replace_for_article(session, article_id, 1, rows)


async def _listed(store) -> list[str]:
    async with store.reads() as session:
        return [dispute.story_id for dispute in disputes([c async for page in claims.of_contested_stories(session)
                                                          for c in page])]  # fmt: skip


async def test_killed_and_wounded_figures_of_two_voices_are_not_recorded_as_a_dispute(store):
    await _write(store, "killed", "blast", 0, [("Civil Defence", "said", "7 people were killed in the shelling",
                                                [toll(7, "people")])])  # fmt: skip
    await _write(store, "wounded", "blast", 1, [("Health directorate", "said", "23 people were wounded",
                                                 [toll(23, "people")])])  # fmt: skip
    assert await _listed(store) == []
    async with store.reads() as session:
        assert await claims.recorded_dispute_days(session) == []
        assert await disputes_per_day(session) == []
        assert await disputes_per_day(session, Filters(outlet="Wire")) == []  # read from the claims: the same rule


async def test_record_and_list_agree_on_a_toll_a_negated_denial_and_a_rise(store):
    await _write(store, "toll-a", "toll", 0, [("Civil Defence", "said", "30 people were killed in the explosion",
                                               [toll(30, "people")])])  # fmt: skip
    await _write(store, "toll-b", "toll", 2, [("Health directorate", "said", "the blast left 9 people dead",
                                               [toll(9, "people")])])  # fmt: skip
    await _write(store, "deny-a", "deny", 0, [("SDF", "said", "a drone struck a car", [])])
    await _write(store, "deny-b", "deny", 1, [("Defence Ministry", "did not deny", "the strike", [])])
    await _write(store, "rise-a", "rise", 0, [("SOHR", "said", "6 civilians were killed", [toll(6)])])
    await _write(store, "rise-b", "rise", 30, [("Governor", "said", "the toll had risen to 15 civilians killed",
                                                [toll(15)])])  # fmt: skip
    assert await _listed(store) == ["toll"]
    async with store.reads() as session:
        assert await claims.recorded_dispute_days(session) == [(START.date().isoformat(), "conflicting numbers", 1)]


BEFORE_WORDS = "0013"
# (story, article, hours after START, speaker id, cue, text, quantities)
STORED = [
    ("blast", "killed", 0, 1, "said", "7 people were killed in the shelling", [toll(7, "people")]),
    ("blast", "wounded", 1, 2, "said", "23 people were wounded", [toll(23, "people")]),
    ("toll", "toll-a", 24, 1, "said", "30 people were killed in the explosion", [toll(30, "people")]),
    ("toll", "toll-b", 26, 2, "said", "the blast left 9 people dead", [toll(9, "people")]),
    ("deny", "deny-a", 48, 1, "said", "a drone struck a car", []),
    ("deny", "deny-b", 49, 2, "did not deny", "the strike", []),
    ("quiet", "quiet-a", 50, 1, "said", "calm returned", []),
]  # fmt: skip
# What the old rule (quantities by unit alone, any denying word) recorded for them.
UNIT_ONLY = {("blast", "2026-11-10", "conflicting numbers"), ("toll", "2026-11-11", "conflicting numbers"),
             ("deny", "2026-11-12", "denial"), ("quiet", None, None)}  # fmt: skip


def _story_disputes(store_url: str) -> set[tuple]:
    engine = create_engine(sync_url(store_url))
    with engine.connect() as connection:
        found = {tuple(row) for row in connection.execute(select(StoryDisputeRow.story_id, StoryDisputeRow.arose_on,
                                                                 StoryDisputeRow.kind))}  # fmt: skip
    engine.dispose()
    return found


def test_the_migration_records_a_store_made_by_the_unit_only_rule_again_and_back(store_url):
    upgrade_database(store_url, BEFORE_WORDS)
    engine = create_engine(sync_url(store_url))
    with engine.begin() as connection:
        voices = [{"id": 1, "name": "Civil Defence", "organisation": ""},
                  {"id": 2, "name": "Health directorate", "organisation": ""}]  # fmt: skip
        connection.execute(insert(SpeakerRow), voices)
        connection.execute(insert(ArticleRow), [stored_article(article, "Wire", START + timedelta(hours=hours), story)
                                                for story, article, hours, *_ in STORED])  # fmt: skip
        connection.execute(insert(ClaimRow), [
            {**stored_claim(article, 0, speaker, cue=cue, quantities=quantities), "text": text, "created_at": START}
            for _, article, _, speaker, cue, text, quantities in STORED])  # fmt: skip
        connection.execute(insert(StoryDisputeRow), [{"story_id": story, "arose_on": day, "kind": kind}
                                                     for story, day, kind in UNIT_ONLY])  # fmt: skip
    engine.dispose()
    upgrade_database(store_url)
    assert _story_disputes(store_url) == {("blast", None, None), ("toll", "2026-11-11", "conflicting numbers"),
                                          ("deny", None, None), ("quiet", None, None)}  # fmt: skip

    async def listed_and_counted() -> tuple[list[str], list]:
        async with open_store(StoreSettings(url=store_url)) as store, store.reads() as session:
            return await _listed(store), await disputes_per_day(session)

    listed, counted = asyncio.run(listed_and_counted())
    assert listed == ["toll"] and [(day.day, day.stories) for day in counted] == [("2026-11-11", 1)]
    command.downgrade(alembic_config(store_url), BEFORE_WORDS)
    assert _story_disputes(store_url) == UNIT_ONLY
