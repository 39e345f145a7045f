"""When to poll a feed next, when to give up on it, and how healthy it looks (pure functions)."""

import random
from dataclasses import dataclass
from datetime import datetime

from newsmon.config import PollSettings


def success_interval_s(settings: PollSettings, *, publish_gap_s: float | None, server_hint_s: float | None,
                       previous_s: float | None) -> float:  # fmt: skip
    """Poll about twice per usual gap between the feed's items, never more often than the server's own
    hint (Cache-Control max-age, RSS <ttl>, sy:updatePeriod) asks, always within the configured bounds."""
    interval = publish_gap_s / 2 if publish_gap_s else previous_s or settings.interval_s
    if server_hint_s:
        interval = max(interval, server_hint_s)
    return min(max(interval, settings.min_interval_s), settings.max_interval_s)


def jittered(delay_s: float, spread: float = 0.1) -> float:
    """Spread polls of feeds added together, so they do not stay in lockstep (and hit hosts together). Only later:
    the delay is already the shortest the config (min_interval_s) and the server's hint allow (drawn from 0.9-1.0
    of it, a feed at the 300 s minimum was polled after 270 s, one with a one-hour <ttl> after 54 minutes)."""
    return delay_s * random.uniform(1.0, 1 + spread)


def failure_delay_s(settings: PollSettings, failures: int, retry_after_s: float | None) -> float:
    """Exponential backoff with 'equal jitter' after the n-th failure in a row; Retry-After (RFC 9110
    §10.2.3, on 429 and 503) is honoured when it asks for longer."""
    backoff = min(settings.backoff_max_s, settings.backoff_base_s * 2 ** min(max(failures - 1, 0), 30))
    delay = backoff / 2 + random.uniform(0, backoff / 2)
    return max(delay, min(retry_after_s or 0.0, settings.backoff_max_s))


@dataclass(frozen=True, slots=True)
class HealthFacts:
    is_disabled: bool
    is_failing: bool
    body_bytes: int | None
    item_count: int | None
    undated_count: int | None
    last_new_item_at: datetime | None
    usual_gap_s: float | None


def health(settings: PollSettings, facts: HealthFacts, now: datetime) -> str:
    """One word for `newsmon feeds status`: disabled, failing, zombie, empty, stale, undated or ok.

    zombie: HTTP 200 with a body too small to be a feed; empty: a valid feed with no items; stale:
    nothing new for `stale_factor` usual gaps; undated: most items carry no readable date."""
    if facts.is_disabled:
        return "disabled"
    if facts.body_bytes is not None and facts.body_bytes < settings.zombie_body_bytes:
        return "zombie"
    if facts.is_failing:
        return "failing"
    if facts.item_count == 0:
        return "empty"
    quiet_s = (now - facts.last_new_item_at).total_seconds() if facts.last_new_item_at else 0.0
    if facts.usual_gap_s and quiet_s > settings.stale_factor * facts.usual_gap_s:
        return "stale"
    if facts.item_count and facts.undated_count and facts.undated_count * 2 > facts.item_count:
        return "undated"
    return "ok"
