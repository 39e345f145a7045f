"""The jitter that keeps feeds added together from polling in lockstep only ever delays a poll: the interval is the
shortest gap the config (poll.min_interval_s) and the server (Cache-Control max-age, RSS <ttl>) allow, so a poll
drawn earlier than it polled a feed twice within one interval."""

import random

from newsmon.config import PollSettings
from producers import schedule


def test_a_jittered_interval_is_never_shorter_than_the_interval():
    settings = PollSettings()
    random.seed(20261125)
    for server_hint_s in (None, 3600.0, 7200.0):
        interval = schedule.success_interval_s(settings, publish_gap_s=60, server_hint_s=server_hint_s, previous_s=None)
        draws = [schedule.jittered(interval) for _ in range(1000)]
        assert min(draws) >= interval
        assert len(set(draws)) > 900  # still spread: feeds added together drift apart
        assert max(draws) <= interval * 1.1
