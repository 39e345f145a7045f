"""The report's day charts: every day of the period on the axis (a day without articles is a gap, not missing), and
no more than twenty day labels however long the period."""

import re
from datetime import UTC, date, datetime, timedelta

from newsmon.report.html import ReportData, render
from newsmon.store.filters import Filters


def page(articles_per_day: list[tuple[str, str, int]], claims_per_day: list[tuple[str, int]]) -> str:
    data = ReportData(Filters(), datetime(2026, 11, 24, tzinfo=UTC), articles_per_day, claims_per_day, [], [], [], [],
                      [], {})  # fmt: skip
    return render(data)


def section(html: str, caption: str) -> str:
    start = html.index(f"<h2>{caption}</h2>")
    return html[start : html.index("</section>", start)]


def day_labels(svg: str) -> list[str]:
    return re.findall(r">(\d{4}-\d{2}-\d{2})<", svg)


def test_a_day_without_articles_or_claims_is_on_the_axis_between_the_days_with_some() -> None:
    html = page([("2026-11-01", "TASS", 4), ("2026-11-03", "Rudaw", 2)], [("2026-11-01", 9), ("2026-11-04", 3)])
    assert day_labels(section(html, "Articles a day, by outlet")) == ["2026-11-01", "2026-11-02", "2026-11-03"]
    assert day_labels(section(html, "Claims a day")) == ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]


def test_sixty_days_get_at_most_twenty_labels_from_the_first_day_on() -> None:
    days = [(date(2026, 9, 1) + timedelta(days=offset)).isoformat() for offset in range(60)]
    html = page([(day, "TASS", 1) for day in days], [(day, 2) for day in days])
    for caption in ("Articles a day, by outlet", "Claims a day"):
        labels = day_labels(section(html, caption))
        assert 10 <= len(labels) <= 20 and labels[0] == days[0], caption
        assert labels == sorted(labels) and set(labels) <= set(days)
