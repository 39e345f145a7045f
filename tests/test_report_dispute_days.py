"""When a story became disputed, and by what: what the disputes-over-time chart counts, a story on one day."""

from datetime import UTC, datetime

from newsmon.report.dispute_timeline import every_day
from newsmon.report.disputes import DisputeDay, dispute_arises, disputes, disputes_per_day
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from tests.newsmon.test_disputes import claim, toll
from tests.test_report_relays_and_disputes import stored_article, stored_claim


def test_a_denial_counts_from_the_claim_of_a_second_voice():
    story = [claim("Pentagon", "the allegations", cue="rejected", hours=0), claim("Pentagon", "troops stay", hours=1),
             claim("SOHR", "a strike hit the base", hours=50), claim("Governor", "calm", hours=80)]  # fmt: skip
    assert dispute_arises(story) == (2, "denial") and len(disputes(story)) == 1


def test_conflicting_numbers_count_from_the_claim_that_contradicts():
    story = [claim("SOHR", "12 civilians", quantities=(toll(12),)), claim("Governor", "calm", hours=24),
             claim("Health ministry", "40 civilians", hours=48, quantities=(toll(40),)),
             claim("Army", "the report", cue="denied", hours=72)]  # fmt: skip
    assert dispute_arises(story) == (2, "conflicting numbers")


def test_a_denial_already_made_names_the_kind_when_numbers_conflict_on_the_same_claim():
    story = [claim("Army", "12 civilians died", cue="denied that", quantities=(toll(12, qualifier="at most"),)),
             claim("SOHR", "40 civilians", hours=5, quantities=(toll(40),))]  # fmt: skip
    assert dispute_arises(story) == (1, "denial")


def test_a_story_without_dispute_never_arises():
    agreeing = [claim("SOHR", "at least 12", quantities=(toll(12, qualifier="at least"),)),
                claim("Governor", "15", hours=3, quantities=(toll(15),)), claim("Army", "a lone denial", cue="x")]
    assert dispute_arises(agreeing) is None and disputes(agreeing) == []
    assert dispute_arises([claim("Army", "it", cue="denied"), claim("Army", "all of it", cue="rejected")]) is None


def test_the_chart_shows_the_days_between_disputes_as_none():
    days = [DisputeDay("2026-11-28", 1, 0), DisputeDay("2026-12-02", 0, 2)]
    assert [(day.day, day.stories) for day in every_day(days)] == [
        ("2026-11-28", 1), ("2026-11-29", 0), ("2026-11-30", 0), ("2026-12-01", 0), ("2026-12-02", 2)]  # fmt: skip


async def test_disputes_per_day_reads_each_story_in_publishing_order_and_counts_its_utc_day(store):
    # Story "late": a denial at 23:30 UTC on the 10th, its second voice half an hour later, an article published
    # first but stored last. Story "toll": conflicting tolls on the 12th. Story "alone": one speaker denying.
    stories: dict[str, list[tuple[str, datetime, str, str, list[dict]]]] = {
        "late": [("late-1", datetime(2026, 11, 11, 0, 0, tzinfo=UTC), "B", "said", []),
                 ("late-2", datetime(2026, 11, 10, 23, 30, tzinfo=UTC), "A", "denied", [])],
        "toll": [("toll-a", datetime(2026, 11, 12, 8, 0, tzinfo=UTC), "A", "said", [toll(12)]),
                 ("toll-b", datetime(2026, 11, 12, 9, 0, tzinfo=UTC), "B", "said", [toll(40)])],
        "alone": [("alone-a", datetime(2026, 11, 12, 8, 0, tzinfo=UTC), "A", "denied", [])],
    }  # fmt: skip
    async with store.sessions.begin() as session:
        speakers = {name: await claims.speaker_id(session, name, "", []) for name in ("A", "B")}
        for story_id, story in stories.items():
            for article_id, published_at, speaker, cue, quantities in story:
                await articles.insert_many(session, [stored_article(article_id, "Wire", published_at, story_id)],
                                           [], [])  # fmt: skip
                await claims.replace_for_article(session, article_id, 1, [
                    stored_claim(article_id, 0, speakers[speaker], cue=cue, quantities=quantities)])  # fmt: skip
    async with store.reads() as session:
        assert await disputes_per_day(session) == [DisputeDay("2026-11-11", 1, 0), DisputeDay("2026-11-12", 0, 1)]
        narrowed = Filters(since=datetime(2026, 11, 11, tzinfo=UTC))  # the denial is outside: no dispute in "late"
        assert await disputes_per_day(session, narrowed) == [DisputeDay("2026-11-12", 0, 1)]
