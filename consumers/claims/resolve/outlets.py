"""Descriptions of an outlet or a posting ('the newspaper', 'the channel', 'the page') back to the one named before."""

import re

from consumers.claims.context import CAPITAL_RUN_RE, DocumentContext
from consumers.claims.sources import is_outlet
from consumers.claims.speakers import canonical_org

POSTING_KINDS = frozenset(["channel", "page", "account", "blog"])
OUTLET_KINDS = frozenset(["newspaper", "paper", "daily", "channel", "broadcaster", "outlet", "website", "station"])


PAPER_KINDS = frozenset(["newspaper", "paper", "daily"])
# A line holding only a name, with its city in brackets or not: a press review's heading for one newspaper.
_NAME_LINE_RE = re.compile(r"\n([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})(?:[ \t]+\([A-Z][\w ]{1,20}\))?[ \t]*\n")


def paper_heading(ctx: DocumentContext, pos: int) -> str:
    """The newspaper named by the heading line of the paragraph holding pos (a press review), or ''."""
    paragraph = ctx.text.rfind("\n\n", max(0, pos - 1500), pos)
    if paragraph < 0:
        return ""
    line = _NAME_LINE_RE.match(ctx.text, paragraph + 1, pos)
    return canonical_org(line.group(1)) if line is not None else ""


def posting_called_before(ctx: DocumentContext, pos: int, noun: str) -> str:
    """The name a channel, page or account was called by before pos ('a Telegram channel called "Sahel Leaks"')."""
    at = ctx.text.rfind(f"{noun} called ", max(0, pos - 3000), pos)
    m = _CALLED_RE.match(ctx.text, at + len(noun) + 1) if at >= 0 else None
    return canonical_org(m.group(1)) if m is not None else ""


_CALLED_RE = re.compile(r"called\s+[\"“]?([A-Z][^,.\"“”]{1,40}?)[,.]?[\"”]")


def outlet_before(ctx: DocumentContext, pos: int) -> str:
    """The last outlet named in the 1,500 characters before pos, by a capitalised name is_outlet knows."""
    last = ""
    for m in CAPITAL_RUN_RE.finditer(ctx.text, max(0, pos - 1500), pos):
        if is_outlet(m.group()) and not m.group().isupper():
            last = m.group()
    return canonical_org(last) if last else ""

