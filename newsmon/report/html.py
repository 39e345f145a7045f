"""`newsmon report`: one self-contained HTML page for a period (charts as inline SVG, no scripts, no links out):
articles a day by outlet, claims a day, who claims most, who is relayed by which outlet, where claims disagree and
since when, and feed health.

Charts are drawn by newsmon/report/charts.py. Everything from feeds is escaped: a headline is text, never markup."""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from newsmon.report.charts import chart_label, every_day_between, figure_and_axes, svg_of, thin_day_labels
from newsmon.report.dispute_timeline import render_dispute_timeline
from newsmon.report.disputes import Dispute, DisputeDay, disputes_per_day, latest_disputes
from newsmon.report.relays import RELAY_SPEAKERS, OutletRelays, outlet_relays, render_relays
from newsmon.store import articles, claims, feeds
from newsmon.store.claims import SpeakerTally
from newsmon.store.filters import Filters
from newsmon.store.session import Store

_OTHER_OUTLETS = "other outlets"
_CHART_OUTLETS = 8  # outlets drawn by name; the rest are summed as one


@dataclass(frozen=True)
class ReportData:
    filters: Filters
    generated_at: datetime
    articles_per_day: list[tuple[str, str, int]]  # (day, outlet, articles)
    claims_per_day: list[tuple[str, int]]
    top_speakers: list[SpeakerTally]
    disputes: list[Dispute]
    dispute_days: list[DisputeDay]
    relayed_speakers: list[str]
    relays: list[OutletRelays]
    feed_health: dict[str, int]
    # When the period holds no article: how many the whole store holds, and their first and last publication.
    store_articles: tuple[int, datetime, datetime] | None = None

    @property
    def article_count(self) -> int:
        return sum(count for _, _, count in self.articles_per_day)

    @property
    def claim_count(self) -> int:
        return sum(count for _, count in self.claims_per_day)


async def gather(store: Store, filters: Filters, top: int) -> ReportData:
    """What the report shows, read in one read transaction."""
    async with store.reads() as session:
        per_day = await articles.per_day_by_outlet(session, filters)
        claims_per_day = await claims.per_day(session, filters)
        speakers = await claims.top_speakers(session, top, filters)
        relayed = [speaker.speaker for speaker in speakers[:RELAY_SPEAKERS]]
        relays = outlet_relays(await claims.per_outlet_and_speaker(session, relayed, filters), relayed)
        found = await latest_disputes(session, top, filters)
        dispute_days = await disputes_per_day(session, filters)
        outlet = (filters.outlet or "").lower()
        health = Counter((feed.health or "new") for feed in await feeds.all_feeds(session)
                         if outlet in feed.outlet.lower())  # fmt: skip
        store_articles = None
        if not per_day and (span := await articles.published_span(session)) is not None:
            store_articles = (await articles.count(session), *span)
    return ReportData(filters, datetime.now(UTC), per_day, claims_per_day, speakers, found, dispute_days, relayed,
                      relays, dict(health), store_articles)  # fmt: skip


def render(data: ReportData) -> str:
    sections = [
        _summary(data),
        _section("Articles a day, by outlet", _articles_chart(data.articles_per_day)),
        _section("Claims a day", _claims_chart(data.claims_per_day)),
        _section("Who claims most", _speakers_chart(data.top_speakers)),
        _speakers_table(data.top_speakers),
        _section("Who is relayed where", render_relays(data.relays, data.relayed_speakers)),
        _section("Disputes over time", render_dispute_timeline(data.dispute_days)),
        _disputes_section(data.disputes),
        _health_section(data.feed_health),
    ]
    return _PAGE.format(title=escape(_title(data.filters)), body="\n".join(sections))


def _title(filters: Filters) -> str:
    parts = ["newsmon report"]
    if filters.since or filters.until:
        since = filters.since.date().isoformat() if filters.since else "the start"
        until = filters.until.date().isoformat() if filters.until else "now"
        parts.append(f"{since} to {until}")
    if filters.outlet:
        parts.append(f"outlets matching {filters.outlet!r}")
    return ", ".join(parts)


def _summary(data: ReportData) -> str:
    outlets = len({outlet for _, outlet, _ in data.articles_per_day})
    facts = [("articles", data.article_count), ("outlets", outlets), ("claims", data.claim_count),
             ("speakers shown", len(data.top_speakers)),
             ("disputed stories", sum(day.stories for day in data.dispute_days)),
             ("disputed stories shown", len(data.disputes))]  # fmt: skip
    cells = "".join(f"<li><b>{value}</b> {escape(name)}</li>" for name, value in facts)
    generated = escape(data.generated_at.isoformat(timespec="seconds"))
    heading = f"<h1>{escape(_title(data.filters))}</h1>"
    elsewhere = ""
    if data.store_articles is not None:  # an empty page would not say whether the store is empty or the period
        count, first, last = data.store_articles
        every = " (of every outlet)" if data.filters.outlet else ""
        elsewhere = (f'<p class="empty">nothing in this period; the store has {count} articles{every}, published '
                     f"{first.date().isoformat()} to {last.date().isoformat()} (--since and --until choose the "
                     "period)</p>")  # fmt: skip
    return f'{heading}<p class="when">generated {generated}</p><ul class="facts">{cells}</ul>{elsewhere}'


def _section(caption: str, svg: str | None) -> str:
    body = svg if svg is not None else '<p class="empty">nothing in this period</p>'
    return f"<section><h2>{escape(caption)}</h2>{body}</section>"


def _articles_chart(rows: list[tuple[str, str, int]]) -> str | None:
    if not rows:
        return None
    totals = Counter[str]()
    for _, outlet, count in rows:
        totals[outlet] += count
    shown = [outlet for outlet, _ in totals.most_common(_CHART_OUTLETS)]
    days = every_day_between(day for day, _, _ in rows)
    place = {day: index for index, day in enumerate(days)}
    series = {outlet: [0] * len(days) for outlet in [*shown, _OTHER_OUTLETS]}
    for day, outlet, count in rows:
        series[outlet if outlet in shown else _OTHER_OUTLETS][place[day]] += count
    if not any(series[_OTHER_OUTLETS]):
        del series[_OTHER_OUTLETS]
    figure, axes = figure_and_axes()
    bottom = [0] * len(days)
    bars = []
    for counts in series.values():
        bars.append(axes.bar(range(len(days)), counts, bottom=bottom))
        bottom = [low + count for low, count in zip(bottom, counts, strict=True)]
    thin_day_labels(axes, days)
    axes.set_ylabel("articles")
    axes.yaxis.get_major_locator().set_params(integer=True)  # articles are counted whole
    # Beside the bars, never on them. Labels given outright: matplotlib leaves out of a legend it gathers itself a
    # label starting with '_'.
    labels = [chart_label(outlet) for outlet in series]
    axes.legend(bars, labels, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return svg_of(figure, axes)


def _claims_chart(rows: list[tuple[str, int]]) -> str | None:
    if not rows:
        return None
    days = every_day_between(day for day, _ in rows)
    per_day = dict(rows)
    figure, axes = figure_and_axes()
    axes.plot(range(len(days)), [per_day.get(day, 0) for day in days], marker="o")
    thin_day_labels(axes, days)
    axes.set_ylabel("claims")
    axes.set_ylim(bottom=0)  # from zero, as the bars are: one day's count alone was drawn on a 1.9 to 2.1 scale
    axes.yaxis.get_major_locator().set_params(integer=True)
    return svg_of(figure, axes)


def _speakers_chart(speakers: list[SpeakerTally]) -> str | None:
    if not speakers:
        return None
    figure, axes = figure_and_axes(height=0.35 * len(speakers) + 1)
    shown = list(reversed(speakers))
    # Bars at positions, not by name: two long names cut alike would be one category.
    axes.barh(range(len(shown)), [speaker.claims for speaker in shown])
    axes.set_yticks(range(len(shown)), [chart_label(speaker.speaker) for speaker in shown])
    axes.set_xlabel("claims")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return svg_of(figure, axes, rotate_days=False)


def _speakers_table(speakers: list[SpeakerTally]) -> str:
    if not speakers:
        return ""
    rows = "".join(
        f"<tr><td>{escape(s.speaker)}</td><td>{escape(s.organisation)}</td><td>{s.claims}</td><td>{s.articles}</td>"
        f"<td>{s.outlets}</td><td>{escape(s.last_published_at.isoformat(timespec='minutes'))}</td></tr>"
        for s in speakers
    )
    head = "<tr><th>speaker</th><th>organisation</th><th>claims</th><th>articles</th><th>outlets</th><th>last</th></tr>"
    return f'<table class="speakers">{head}{rows}</table>'


def _disputes_section(found: list[Dispute]) -> str:
    if not found:
        return _section("Where claims disagree", None)
    items = []
    for dispute in found:
        reasons = "".join(f"<li>{escape(reason)}</li>" for reason in dispute.reasons)
        who, outlets = _names(dispute.speakers), _names(dispute.outlets)
        items.append(f'<article><h3 dir="auto">{escape(dispute.title)}</h3><p class="who">{who} &middot; {outlets}</p>'
                     f"<ul>{reasons}</ul></article>")  # fmt: skip
    return f"<section><h2>Where claims disagree</h2>{''.join(items)}</section>"


def _names(names: list[str]) -> str:
    """Names as a list, each isolated: two Arabic names and the separator between them would be one right-to-left
    run and show in swapped places (Unicode bidirectional algorithm, UAX #9)."""
    return ", ".join(f"<bdi>{escape(name)}</bdi>" for name in names)


def _health_section(health: dict[str, int]) -> str:
    if not health:
        return '<section><h2>Feed health</h2><p class="empty">no feeds in the store</p></section>'
    cells = "".join(f"<li><b>{count}</b> {escape(name)}</li>" for name, count in sorted(health.items()))
    return f'<section><h2>Feed health</h2><ul class="facts">{cells}</ul></section>'


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
.facts {{ list-style: none; display: flex; gap: 2rem; padding: 0; }}
.when, .who, .empty {{ color: #666; }}
table {{ border-collapse: collapse; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .25rem .75rem; text-align: left; }}
svg {{ max-width: 100%; height: auto; }}
.relays th.speaker {{ vertical-align: bottom; padding: .25rem; }}
.relays th.speaker span {{ writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }}
.relays td {{ text-align: right; }}
</style></head>
<body>
{body}
</body></html>
"""
