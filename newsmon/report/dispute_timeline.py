"""Disputes over time, for the HTML report: stories that became disputed a day (the day of the claim that made
them so), stacked by kind, and the busiest days as a table."""

from newsmon.report.charts import every_day_between, figure_and_axes, svg_of, thin_day_labels
from newsmon.report.disputes import DisputeDay

BUSIEST_DAYS = 10


def render_dispute_timeline(days: list[DisputeDay]) -> str | None:
    """The chart and the busiest days' table, or None when no story became disputed in the period."""
    if not days:
        return None
    return _chart(days) + "<h3>Busiest days</h3>" + _busiest_days_table(days)


def every_day(days: list[DisputeDay]) -> list[DisputeDay]:
    """`days` with the days between them that saw no dispute, so that the chart's gaps are true gaps."""
    by_day = {day.day: day for day in days}
    return [by_day.get(day, DisputeDay(day, 0, 0)) for day in every_day_between(by_day)]


def _chart(days: list[DisputeDay]) -> str:
    shown = every_day(days)
    labels = [day.day for day in shown]
    denials = [day.denials for day in shown]
    figure, axes = figure_and_axes()
    axes.bar(range(len(shown)), denials, label="denial")
    axes.bar(range(len(shown)), [day.conflicting_numbers for day in shown], bottom=denials,
             label="conflicting numbers")  # fmt: skip
    thin_day_labels(axes, labels)
    axes.set_ylabel("stories disputed")
    axes.yaxis.get_major_locator().set_params(integer=True)  # stories are counted whole
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return svg_of(figure, axes)


def _busiest_days_table(days: list[DisputeDay]) -> str:
    busiest = sorted(days, key=lambda day: (day.stories, day.day), reverse=True)[:BUSIEST_DAYS]
    rows = "".join(f"<tr><td>{day.day}</td><td>{day.stories}</td><td>{day.denials}</td>"
                   f"<td>{day.conflicting_numbers}</td></tr>" for day in busiest)  # fmt: skip
    head = "<tr><th>day</th><th>stories disputed</th><th>by a denial</th><th>by conflicting numbers</th></tr>"
    return f'<table class="busiest">{head}{rows}</table>'
