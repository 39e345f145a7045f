"""When a story's claims disagree, as a rule on the claims alone (no store, no I/O): a denial by a second voice (not a
negated one: 'did not deny'), or two speakers' figures of one thing that cannot both hold, each figure read with the
words of its claim (newsmon/report/dispute_figures.py). newsmon/report/disputes.py lists disputes by it;
newsmon/store/claims.py records, as it writes a story's claims, the day the story became disputed by it, so the
report's counts and its list name the same stories."""

from collections.abc import Sequence
from typing import Any, Literal, Protocol

from newsmon.report.dispute_figures import DENIAL_WORDS, Figure, conflict, figures, is_denial, is_denial_cue, unit

__all__ = ["DENIAL_WORDS", "DISPUTE_KINDS", "DisputeKind", "SaidClaim", "dispute_arises", "is_denial", "unit"]

DisputeKind = Literal["denial", "conflicting numbers"]
DISPUTE_KINDS: tuple[DisputeKind, ...] = ("denial", "conflicting numbers")


class SaidClaim(Protocol):
    """What deciding a dispute reads of a claim (a StoryClaim or a DatedClaim)."""

    @property
    def speaker(self) -> str: ...
    @property
    def cue(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def quantities(self) -> Sequence[dict[str, Any]]: ...


def dispute_arises(story: Sequence[SaidClaim]) -> tuple[int, DisputeKind] | None:
    """Where a story's claims, in publishing order, first hold a dispute (as `disputes` finds one): the index of the
    claim that made it, and the kind.

    The kind is a denial when one has been made by then, even if the same claim also brought conflicting numbers: a
    denial needs only a second voice to count, so it is the older of the two."""
    speakers: set[str] = set()
    is_denied = has_conflict = False
    said: list[Figure] = []
    for index, claim in enumerate(story):
        speakers.add(claim.speaker)
        is_denied = is_denied or is_denial_cue(claim.cue)
        # Migration 0010 passes claims without text (0014 records every story again with it).
        for figure in figures(claim.speaker, claim.cue, getattr(claim, "text", ""), claim.quantities):
            has_conflict = has_conflict or any(conflict(earlier, figure) for earlier in said)
            said.append(figure)
        if len(speakers) > 1 and (is_denied or has_conflict):
            return index, "denial" if is_denied else "conflicting numbers"
    return None
