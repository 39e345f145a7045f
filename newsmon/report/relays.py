"""Who is relayed where, for the HTML report: outlets by the claims they carry of the top speakers, so that an outlet
that carries one voice only (a ministry's, say) stands out.

Outlets are rows and speakers columns (there are more outlets than speakers worth a column). A cell is shaded by its
share of the outlet's claims: an outlet relaying one speaker has one dark cell whatever its size."""

from dataclasses import dataclass
from html import escape

RELAY_SPEAKERS = 10  # columns a page is wide enough for
RELAY_OUTLETS = 30  # rows before the rest are summed as one
_NAME_CHARS = 40  # a column heading longer than this is cut (the full name is its tooltip)
_LEGEND = '<p class="when">Claims of the top speakers by outlet, each cell shaded by its share of the outlet\'s.</p>'


@dataclass(frozen=True)
class OutletRelays:
    """One outlet's claims in the period: per shown speaker, and in all."""

    outlet: str
    by_speaker: dict[str, int]
    claims: int

    @property
    def of_speakers_shown(self) -> int:
        return sum(self.by_speaker.values())


def outlet_relays(rows: list[tuple[str, str | None, int]], speakers: list[str]) -> list[OutletRelays]:
    """Outlets from (outlet, speaker or None for anyone else, claims) rows, those carrying most of `speakers`
    first; beyond RELAY_OUTLETS the rest are one row, "N other outlets"."""
    by_outlet: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for outlet, speaker, count in rows:
        totals[outlet] = totals.get(outlet, 0) + count
        if speaker in speakers:
            by_outlet.setdefault(outlet, {})[speaker] = count
    outlets = sorted((OutletRelays(outlet, by_outlet.get(outlet, {}), total) for outlet, total in totals.items()),
                     key=lambda o: (-o.of_speakers_shown, -o.claims, o.outlet))  # fmt: skip
    if len(outlets) <= RELAY_OUTLETS:
        return outlets
    shown, rest = outlets[: RELAY_OUTLETS - 1], outlets[RELAY_OUTLETS - 1 :]
    summed: dict[str, int] = {}
    for other in rest:
        for speaker, count in other.by_speaker.items():
            summed[speaker] = summed.get(speaker, 0) + count
    return [*shown, OutletRelays(f"{len(rest)} other outlets", summed, sum(o.claims for o in rest))]


def render_relays(outlets: list[OutletRelays], speakers: list[str]) -> str | None:
    """The outlet x speaker table, or None when no claim is in the period."""
    if not outlets or not speakers:
        return None
    head = "".join(f'<th class="speaker" title="{escape(name)}"><span>{escape(_cut(name))}</span></th>'
                   for name in speakers)  # fmt: skip
    rows = "".join(_row(outlet, speakers) for outlet in outlets)
    totals = '<th class="speaker"><span>anyone else</span></th><th class="speaker"><span>all claims</span></th>'
    return f'{_LEGEND}<table class="relays"><tr><th>outlet</th>{head}{totals}</tr>{rows}</table>'


def _row(outlet: OutletRelays, speakers: list[str]) -> str:
    cells = "".join(_cell(outlet, speaker, outlet.by_speaker.get(speaker, 0)) for speaker in speakers)
    others = outlet.claims - outlet.of_speakers_shown
    return f"<tr><th>{escape(outlet.outlet)}</th>{cells}<td>{others or ''}</td><td>{outlet.claims}</td></tr>"


def _cell(outlet: OutletRelays, speaker: str, count: int) -> str:
    if not count:
        return "<td></td>"  # blank, not 0: the voices an outlet carries are what the eye should find
    share = count / outlet.claims
    percent = f"{share:.0%}" if share >= 0.01 else "under 1%"
    tooltip = f"{outlet.outlet} carries {speaker}: {count} of its {outlet.claims} claims ({percent})"
    return f'<td title="{escape(tooltip)}" style="background: rgba(31, 119, 180, {0.1 + 0.6 * share:.2f})">{count}</td>'


def _cut(name: str) -> str:
    return name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 1] + "\u2026"
