"""Pure steps: schedule, health, parsing (fast path == feedparser), dates, language, relevance terms."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsmon.config import PollSettings
from producers import parse, schedule
from producers.items import ParseJob, prepare_feed
from producers.language import detect_language
from producers.poller import relevance_terms

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_interval_follows_the_publishing_rate_within_bounds():
    settings = PollSettings(min_interval_s=300, max_interval_s=3600)
    assert schedule.success_interval_s(settings, publish_gap_s=1200, server_hint_s=None, previous_s=None) == 600
    assert schedule.success_interval_s(settings, publish_gap_s=60, server_hint_s=None, previous_s=None) == 300
    assert schedule.success_interval_s(settings, publish_gap_s=86400, server_hint_s=None, previous_s=None) == 3600
    assert schedule.success_interval_s(settings, publish_gap_s=None, server_hint_s=None, previous_s=None) == 900


def test_server_hint_is_a_floor_on_the_interval():
    settings = PollSettings(min_interval_s=300, max_interval_s=6 * 3600)
    assert schedule.success_interval_s(settings, publish_gap_s=600, server_hint_s=1800, previous_s=None) == 1800


def test_backoff_grows_exponentially_with_jitter_and_honours_retry_after():
    settings = PollSettings(backoff_base_s=60, backoff_max_s=3600)
    for failures, high in [(1, 60), (2, 120), (3, 240), (10, 3600)]:
        delays = [schedule.failure_delay_s(settings, failures, None) for _ in range(50)]
        assert all(high / 2 <= d <= high for d in delays)
        assert len(set(delays)) > 1  # jitter
    assert schedule.failure_delay_s(settings, 1, 1800) == 1800


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (schedule.HealthFacts(True, True, None, None, None, None, None), "disabled"),
        (schedule.HealthFacts(False, True, None, None, None, None, None), "failing"),
        (schedule.HealthFacts(False, False, 40, 0, 0, NOW, 600), "zombie"),
        (schedule.HealthFacts(False, False, 4000, 0, 0, NOW, 600), "empty"),
        (schedule.HealthFacts(False, False, 4000, 10, 0, NOW - timedelta(hours=2), 600), "stale"),
        (schedule.HealthFacts(False, False, 4000, 10, 8, NOW, 600), "undated"),
        (schedule.HealthFacts(False, False, 4000, 10, 0, NOW, 600), "ok"),
    ],
)
def test_health_names_the_worst_problem(facts, expected):
    assert schedule.health(PollSettings(), facts, NOW) == expected


@pytest.mark.parametrize("name", ["rss2_basic.xml", "atom_basic.xml", "pangea_basic.xml", "no_dates.xml"])
def test_fast_parser_reads_what_feedparser_reads(name):
    body = (FEEDS / name).read_bytes()
    fast = parse._parse_fast(body)
    slow = parse._parse_with_feedparser(body, "https://f.example/feed", "")
    assert fast is not None and fast.parser == "lxml"
    assert fast.entries == [e.__class__(e.link, e.guid, e.title, e.text, e.published_at, fast.language or e.language)
                            for e in slow.entries]  # fmt: skip


def test_ttl_and_update_period_are_read_as_hints():
    rss = b"""<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
      <channel><title>t</title>%s<item><title>Syria</title><link>https://a.example/1</link></item></channel></rss>"""
    assert parse.parse_feed(rss % b"<ttl>60</ttl>", "u").update_hint_s == 3600
    period = b"<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"
    assert parse.parse_feed(rss % period, "u").update_hint_s == 21600
    assert parse.parse_feed(rss % b"", "u").update_hint_s is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 02 Nov 2026 16:00:00 +0300", datetime(2026, 11, 2, 13, 0, tzinfo=UTC)),
        ("2026-11-02T16:00:00Z", datetime(2026, 11, 2, 16, 0, tzinfo=UTC)),
        ("2026-11-02T16:00:00+02:00", datetime(2026, 11, 2, 14, 0, tzinfo=UTC)),
        ("2026-11-02 16:00:00", datetime(2026, 11, 2, 16, 0, tzinfo=UTC)),
        ("yesterday-ish", None),
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),  # an unset date printed as the epoch
        ("Вт, 03 ноя 2026 09:30:00 +0300", datetime(2026, 11, 3, 6, 30, tzinfo=UTC)),
        ("٠٣ كانون الأول ٢٠٢٦ ٠٩:٣٠ +0200", datetime(2026, 12, 3, 7, 30, tzinfo=UTC)),
        ("3 ноября", None),  # no year
        ("Tue, 03 Nov 2026 09:30:00 MSK", datetime(2026, 11, 3, 6, 30, tzinfo=UTC)),  # a zone RFC 822 does not name
        ("Tue, 03 Nov 2026 09:30:00 EEST", datetime(2026, 11, 3, 6, 30, tzinfo=UTC)),
        ("Tue, 03 Nov 2026 09:30:00 EST", datetime(2026, 11, 3, 14, 30, tzinfo=UTC)),
        ("0001-01-01T00:00:00Z", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_utc(value, expected):
    assert parse.parse_date(value) == expected


def test_missing_or_future_dates_fall_back_to_poll_time():
    body = (FEEDS / "no_dates.xml").read_bytes()
    prepared = prepare_feed(ParseJob(body, "https://f.example/x", "X", "en", "", NOW, relevance_terms(PollSettings())))
    assert prepared.undated == prepared.entries > 0
    assert all(i.payload["is_published_at_estimated"] for i in prepared.items)
    assert all(i.payload["published_at"].startswith("2026-11-23T12:00:00") for i in prepared.items)


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("Russian forces said the convoy reached Idlib", "en", "en"),
        ("Минобороны России сообщило о нарушениях в Идлибе", "en", "ru"),
        ("قال المرصد السوري إن القصف استهدف ريف إدلب", None, "ar"),
        ("هێزەکانی سووریای دیموکرات ڕایانگەیاند", "ar", "ku"),
        ("Hêzên Sûriya Demokratîk îro li Qamişlo daxuyaniyek belav kir", None, "ku"),
    ],
)
def test_language_is_detected_from_script_and_letters(text, declared, expected):
    assert detect_language(text, declared) == expected


def test_relevance_terms_come_from_settings():
    body = (FEEDS / "rss2_basic.xml").read_bytes()
    only_other = PollSettings(relevance_terms=["nothing-matches-this"])
    job = ParseJob(body, "https://f.example/x", "X", "en", "", NOW, relevance_terms(only_other))
    prepared = prepare_feed(job)
    assert prepared.items == [] and prepared.irrelevant == prepared.entries == 3
    extra = PollSettings(relevance_terms=["nothing-matches-this"], extra_relevance_terms=["idlib"])
    assert prepare_feed(ParseJob(body, "u", "X", "en", "", NOW, relevance_terms(extra))).items
