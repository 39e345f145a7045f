"""Charts of the HTML report as inline SVG, drawn with matplotlib's object API (no pyplot: no global state, no GUI
backend). Imported lazily: matplotlib costs a start-up only the report pays."""

import io
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

_MAX_DAY_LABELS = 20  # beyond this the rotated day labels overlap; every n-th is named
_MAX_LABEL_CHARACTERS = 48  # a longer name took the figure's whole width and left no room for the bars


def figure_and_axes(height: float = 3.5) -> tuple[Any, Any]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, height), layout="constrained")
    return figure, figure.subplots()


def every_day_between(days: Iterable[str]) -> list[str]:
    """Every ISO day from the first to the last of `days`: a day axis with no gaps, so a day without articles or
    claims shows as nothing there, not as a day that never was."""
    known = sorted(set(days))
    if not known:
        return []
    first, last = date.fromisoformat(known[0]), date.fromisoformat(known[-1])
    return [(first + timedelta(days=offset)).isoformat() for offset in range((last - first).days + 1)]


def chart_label(name: str) -> str:
    """A name short enough to label a bar or a legend entry (the tables beside the charts give it whole)."""
    if len(name) <= _MAX_LABEL_CHARACTERS:
        return name
    return name[: _MAX_LABEL_CHARACTERS - 1].rstrip() + "…"


def thin_day_labels(axes: Any, days: list[str]) -> None:
    """Name every n-th day of a day axis, so that no more than twenty labels share it."""
    step = -(-len(days) // _MAX_DAY_LABELS)
    axes.set_xticks(range(0, len(days), step), days[::step])


def svg_of(figure: Any, axes: Any, rotate_days: bool = True) -> str:
    if rotate_days:
        axes.tick_params(axis="x", labelrotation=45)
    from matplotlib import rc_context
    from matplotlib.text import Text

    # Names from feeds are text as written: two dollar signs would make TeX of 'Cost $5 and $6' (and a name that is
    # bad TeX would stop the report). Ticks drawn at saving take the rc value; texts made before are told.
    for text in figure.findobj(Text):
        text.set_parse_math(False)
    buffer = io.StringIO()
    # Text as <text>, not glyph outlines: a page a third the size, and names a reader can search and copy.
    with rc_context({"svg.fonttype": "none", "text.parse_math": False}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})  # no timestamp: one report, one file
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # without the XML prologue and doctype, to sit inside HTML
