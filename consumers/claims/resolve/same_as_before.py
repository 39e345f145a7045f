"""'the same ministry', 'according to the same source', 'the same official', 'the same agency': the speaker of that
kind quoted before (or, for a ministry none quoted, the ministry of the minister named before); None to let the other
rules read the mention."""

import re

from consumers.claims.context import DocumentContext, Speaker
from consumers.claims.speakers import canonical_org, country_of

SAME_RE = re.compile(r"(?:[Tt]he\s+)?same\s+(ministry|source|sources|official|officials|agency)")
# "Syria's Minister of Local Administration", "Jordanian Minister of Interior": the country and the ministry's field
_MINISTER_OF_RE = re.compile(
    r"(?:\b([A-Z][\w-]*(?:['’]s)?)\s+)?Minister\s+of\s+((?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)"
)
_MINISTER_WINDOW = 3000


def same_as_before(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """The speaker 'the same KIND' (head) goes back to, or None."""
    same = SAME_RE.fullmatch(head)
    if same is None:
        return None
    kind = same.group(1).lower()
    if kind == "ministry":
        quoted = ctx.last(person=False, word="ministry")
        return quoted if quoted is not None else _ministry_of_minister_before(ctx, pos)
    if kind == "agency":
        return ctx.last(person=False, word="agency")
    if kind.startswith("official"):
        last = ctx.last()
        return last if last is not None and last.is_person else None  # an unnamed official: the rules' own reading
    return ctx.last()  # "the same source(s)": whoever was quoted last


def _ministry_of_minister_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    ministers = list(_MINISTER_OF_RE.finditer(ctx.text, max(0, pos - _MINISTER_WINDOW), pos))
    if not ministers:
        return None
    minister = ministers[-1]  # the latest
    country = country_of(minister.group(1) or "") or ctx.country or "Syrian"
    name = canonical_org(f"Ministry of {minister.group(2)}", country)
    return Speaker(name, name, False) if name else None
