"""Descriptions of a state's body with none named before ('the army', 'the ministry', 'the government'): which
state's, from the sentence, the paragraph or the text."""

import re

from consumers.claims.context import HISTORY_WINDOW, DocumentContext, Speaker
from consumers.claims.speakers import canonical_org, country_of

_ARMY_MENTION_RE = re.compile(r"\b(?:army|military|armed\s+forces|troops|defen[cs]e\s+forces)\b", re.I)


def army_quoted_before(ctx: DocumentContext) -> Speaker | None:
    """The last organisation quoted under an army's name ("The Israeli military", "the Jordanian Armed Forces")."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        if not speaker.is_person and _ARMY_MENTION_RE.search(mention):
            return speaker
    return None


def state_body(ctx: DocumentContext, pos: int, words: list[str], noun: str) -> str:
    """'the army', 'the defence ministry', 'the ministry', 'the government' with none named before: the state's
    body."""
    # the country named before the mention in its sentence ("In Amman, the army said"), not one in the cue or the
    # content after it ("The army denied reports published by a Turkish daily"), else the text's
    before = ctx.text[ctx.sentence_start(pos) : pos]
    country = country_of(before) or _capital_country(before) or _subject_state_before(ctx, pos) or ctx.country \
        or "Syrian"
    if noun == "government":
        return canonical_org(f"{country} government")  # "with the government insisting that P": the state's
    if noun != "ministry":
        return canonical_org(f"{country} army")
    if len(words) >= 3:
        # "the defence ministry said" with none named before: the country's, as for "the Ministry of Economy"
        return canonical_org(" ".join(words[1:]), country)
    # "The ministry said" and no ministry named: the state's
    return canonical_org(f"{country} government") if len(words) == 2 else ""


# Capitals country_of leaves out (bureaus there cover Syria, so a dateline there gives no side), read only where the
# sentence places the speaker there: "In Amman, the army said" is Jordan's army.
_CAPITAL_COUNTRY = {"Amman": "Jordanian", "Beirut": "Lebanese", "Baghdad": "Iraqi", "Cairo": "Egyptian",
                    "Riyadh": "Saudi", "Doha": "Qatari"}
_IN_CAPITAL_RE = re.compile(r"\b(?:[Ii]n|[Ff]rom)\s+(Amman|Beirut|Baghdad|Cairo|Riyadh|Doha)\b")


# The subject of a sentence: its leading capitalised words ("Jordanian border guards shot" -> "Jordanian")
_LEADING_CAPITALS_RE = re.compile(r"\s*(?:(?:[A-Z][\w'’-]*|the)\s+)*")


def _subject_state_before(ctx: DocumentContext, pos: int) -> str:
    """The country whose people or body are the subject of one of the three sentences before, in the paragraph:
    "Jordanian troops shot two smugglers. The government said P" is Jordan's government."""
    end = ctx.sentence_start(pos)
    paragraph = ctx.text.rfind("\n\n", max(0, end - 1500), end)
    for _ in range(3):
        if end <= paragraph or end <= 0:
            return ""
        start = ctx.sentence_start(end - 1)
        lead = _LEADING_CAPITALS_RE.match(ctx.text, start + 1 if start else 0, end)
        country = country_of(lead.group()) if lead else ""
        if country:
            return country
        end = start
    return ""


def _capital_country(before: str) -> str:
    placed = _IN_CAPITAL_RE.search(before) if " " in before else None
    return _CAPITAL_COUNTRY[placed.group(1)] if placed else ""
