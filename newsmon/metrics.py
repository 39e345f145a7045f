"""Prometheus metrics of the service processes: what the pollers fetched and what each stage did with its records.

Collected and served on http://metrics.host:metrics.port/metrics once `start_metrics_server` ran (`run`, `poll`
and `consume` with metrics.port set); until then recording is a no-op, and prometheus_client is not even imported
(poll-once and the CLI's other commands start faster without its http.server and wsgiref)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


class MetricsServerError(Exception):
    """The metrics endpoint could not listen (the address in use, or not ours)."""


@dataclass(frozen=True)
class _Metrics:
    feed_polls: Any
    feed_items: Any
    stage_records: Any
    stage_batch_seconds: Any
    stage_lag: Any


_metrics: _Metrics | None = None


def start_metrics_server(host: str, port: int) -> None:
    """Serve /metrics on host:port from a daemon thread, and start collecting."""
    global _metrics
    from prometheus_client import Counter, Gauge, Histogram, start_http_server

    try:
        start_http_server(port, addr=host)
    except OSError as error:
        raise MetricsServerError(f"metrics: cannot listen on {host}:{port}: {error.strerror or error}") from None
    if _metrics is None:
        _metrics = _Metrics(
            Counter("newsmon_feed_polls", "Feed polls by outcome.", ["outcome"]),
            Counter("newsmon_feed_items", "Items of polled feeds: new (published) or irrelevant (counted only).",
                    ["result"]),
            Counter("newsmon_stage_records", "Records a consumer stage finished: processed or dead-lettered.",
                    ["stage", "result"]),
            Histogram("newsmon_stage_batch_seconds", "Time a stage took for one fetched batch.", ["stage"],
                      buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)),
            Gauge("newsmon_stage_lag_records", "Records left in a partition after the last batch a stage fetched.",
                  ["stage", "topic", "partition"]),
        )  # fmt: skip


def is_collecting() -> bool:
    """Whether the endpoint runs (callers skip work that only feeds it)."""
    return _metrics is not None


def record_polls(reports: Iterable[Any]) -> None:
    """Count a round of poll reports (producers/poller.PollReport)."""
    if _metrics is None:
        return
    for report in reports:
        _metrics.feed_polls.labels(report.status).inc()
        _metrics.feed_items.labels("new").inc(report.items_new)
        _metrics.feed_items.labels("irrelevant").inc(report.items_irrelevant)


def record_batch(stage: str, processed: int, dead_lettered: int, seconds: float) -> None:
    if _metrics is None:
        return
    _metrics.stage_records.labels(stage, "processed").inc(processed)
    _metrics.stage_records.labels(stage, "dead_lettered").inc(dead_lettered)  # 0 too: a series to alert on
    _metrics.stage_batch_seconds.labels(stage).observe(seconds)


def record_lag(stage: str, lags: Sequence[tuple[str, int, int]]) -> None:
    """(topic, partition, records behind) of each partition of a fetched batch."""
    if _metrics is None:
        return
    for topic, partition, behind in lags:
        _metrics.stage_lag.labels(stage, topic, str(partition)).set(behind)
