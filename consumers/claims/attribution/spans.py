"""Candidates -> claim spans: where each cue's content lies in its sentence, and which candidate speaks for which
span (claim annotation guideline, "Spans").
"""

import bisect
import re
from dataclasses import dataclass

from consumers.claims.sources import Candidate

_WORD_RE = re.compile(r"\w")
# Trailing journalist context after "P, X said,": not the source's words (guideline, "Spans").
_JOURNALIST_TAIL_RE = re.compile(
    r"\s*(?:in\s+(?:the\s+)?(?:latest|what|a\s+(?:move|sign|statement|series|further))|amid|as\s+part\s+of|"
    r"(?:a\s+)?(?:days?|weeks?|hours?)\s+after|based\s+on|"
    # a noun-phrase apposition: "..., the first such swap since March", "..., the largest in a decade"
    # (any superlative: "..., the strongest tremor in the region since 2023")
    r"the\s+(?:first|second|third|last|only|worst|[a-z]{3,}est)\s+(?:such\s+)?"
    r"(?:[a-z-]+\s+)?(?:since|in|of)\s|(?:shortly\s+|soon\s+|just\s+)?(?:after|before)(?!\s+(?:adding|saying))|following|the\s+latest|marking|adding\s+to|without\s+(?:giving|providing|"
    r"naming|elaborating|specifying)|(?!(?:adding|saying|noting|stressing|insisting|warning)\b)[a-z]+ing\s+(?:the|a|an|it|its|his|her|their|on|for|to))\b"
)

# A phrase naming where a source spoke, standing alone before the subject: "In a post in Arabic on X,".
_MEDIUM_PHRASE_RE = re.compile(
    r"\s*(?:In|On|Via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:post|statement|interview|speech|"
    r"message|video|tweet|letter|sermon|briefing|broadcast|address|remarks|comments|recording)\b[^,;:.!?\"“”«»]*[\s,]*"
)


@dataclass(slots=True)
class RawClaim:
    """A claim before speaker resolution; mention_start == -1 means "same speaker as claim inherit_from"."""

    start: int
    end: int
    cue: str
    mention_start: int
    mention_end: int
    head_end: int
    inherit_from: int  # index into the sentence's claims, -1 for none
    positional: bool = False  # attributed only by position: cue ""


def claims_from_candidates(
    text: str, s_start: int, s_end: int, cands: list[Candidate], inside: list[tuple[int, int]]
) -> list[RawClaim]:
    """The content spans of each candidate in [s_start, s_end); a candidate without its own speaker inherits one."""
    claims: list[RawClaim] = []
    owner: dict[int, int] = {}
    for i, cand in enumerate(cands):
        # (after a content that ends early, 'NAME, who told reporters "Q," said P', the next cue's span starts there)
        lo = max(cands[i - 1].cue_end, cands[i - 1].content_to) if i else s_start
        hi = cands[i + 1].clause_start if i + 1 < len(cands) else s_end
        if i and cand.inherit and cands[i - 1].complement in ("that", "colon") and cands[i - 1].content_from >= 0:
            # 'insisted that "Q1" and accused Y of "Q2"': the words before "and" are the first verb's content
            lo = max(lo, cand.clause_start)
        inherit = owner.get(i - 1, -1) if cand.inherit else -1
        if cand.fronted:
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if nxt is None or nxt.mention_start < 0:
                continue
            cand.mention_start, cand.mention_end, cand.head_end = nxt.mention_start, nxt.mention_end, nxt.head_end
        elif cand.inherit and inherit < 0:
            prev = cands[i - 1] if i else None
            if prev is None or prev.mention_start < 0 or prev.complement != "empty":
                continue
            # "X denied the accusation, telling SANA that P": the first cue has no content, the second speaks for X
            cand.mention_start, cand.mention_end, cand.head_end = prev.mention_start, prev.mention_end, prev.head_end
        if i and cand.verb == "according to" and cand.complement == "left":
            continue  # "X attributed A to B, according to a statement": the statement only carries X's claim
        cue = text[cand.cue_start : cand.cue_end].strip()
        spans = _spans_for(text, cand, lo, hi, inside)
        for k, (a, b) in enumerate(spans):
            if _WORD_RE.search(text, a, b) is None:
                continue
            if text[a : a + 1] in "IOV" and _MEDIUM_PHRASE_RE.fullmatch(text, a, b):
                continue  # "In a post on X, the spokesman warned residents to leave": where he spoke, not what
            if k and claims and owner.get(i) is not None:
                claims.append(RawClaim(a, b, "", -1, -1, -1, owner[i], positional=True))
                continue
            claims.append(RawClaim(a, b, cue, cand.mention_start, cand.mention_end, cand.head_end, inherit))
            owner[i] = len(claims) - 1
    return claims


def _spans_for(text: str, cand: Candidate, lo: int, hi: int, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    left = (lo, cand.clause_start)
    if cand.complement in ("direct", "comma") and _is_quote_only(text, left, inside):
        if _is_quoted_text(text, cand.content_from) and _is_quote_only(text, (cand.content_from, hi), inside):
            return [left, (cand.content_from, hi)]  # '"Q1," he said, "Q2."': two claims (guideline, "Spans")
        return [left]  # '"...," the commander said as his men packed up': the quote is the claim
    if cand.complement in ("that", "colon", "direct"):
        if cand.content_to >= 0:
            hi = min(hi, cand.content_to)
        if cand.complement != "colon":
            hi = _before_speaker_aside(text, cand.content_from, hi)
        return [(cand.content_from, hi)] if cand.content_from < hi else []
    if cand.complement in ("empty", "left"):
        if cand.mention_start >= 0 and _ROLE_BEFORE_NAME_RE.fullmatch(text, lo, cand.mention_start) is not None:
            return []  # "The defendant, NAME, a former officer, denies the charges": the role opens the subject
        return [left]
    right = (cand.content_from, hi)
    if cand.complement == "comma" and (
        _JOURNALIST_TAIL_RE.match(text, cand.content_from, hi) or _verbless_phrase(text, cand.content_from, hi)
    ):
        return [left]  # "P, state media said, in the latest of a series of attacks": journalist's context
    has_left, has_right = _WORD_RE.search(text, *left) is not None, _WORD_RE.search(text, right[0], hi) is not None
    if not has_right:
        return [left]
    if not has_left:
        return [right]
    right_quoted = _is_quoted_text(text, right[0]) and _is_quote_only(text, right, inside)
    if _is_quote_only(text, left, inside) and right_quoted:
        return [left, right]  # '"Q1," he said, "Q2."': two claims (guideline, "Spans")
    if right_quoted:
        return [right]  # 'When the bombs came, I told my staff, "Go."': the words quoted, not the scene before
    quoted = _quote_at(right[0], inside) if _is_quoted_text(text, right[0]) else None
    if quoted is not None and text[quoted[1] - 2 : quoted[1] - 1] in ".!?":
        # 'and say, "Nobody knows." That was the worst part': the quoted sentence, not the speaker's words after it
        return [(right[0], quoted[1])]
    return [(lo, hi)]


# A role opening the subject before the name in apposition: "The defendant, ", "The accused, ", "His lawyer, "
_ROLE_BEFORE_NAME_RE = re.compile(
    r"\s*(?:The|His|Her|Their)\s+(?:[a-z][\w-]*\s+){0,2}(?:defendant|accused|suspect|detainee|witness|lawyer|"
    r"plaintiff|victim|prisoner|officer|judge|prosecutor|official|spokes(?:man|woman|person)|minister)\s*,\s*"
)


def _quote_at(pos: int, inside: list[tuple[int, int]]) -> tuple[int, int] | None:
    i = bisect.bisect_left(inside, (pos, -1))
    return inside[i] if i < len(inside) and inside[i][0] == pos else None


def _before_speaker_aside(text: str, a: int, b: int) -> int:
    """Where indirect content in [a, b) ends before the journalist's aside about its speaker: a quoted label ('denied
    that P, calling the report "a fabrication"': own/d1, heldback/r06 and w07 end P before it and make no claim of it)
    or a refusal to say more ('confirmed that talks were continuing but would not give details'); else b."""
    if text.find(", calling ", a, b) >= 0 and (label := _QUOTED_LABEL_RE.search(text, a, b)) is not None:
        b = label.start()
    if (text.find(" that ", a, b) >= 0 or text.find(" this ", a, b) >= 0) and (
            comment := _WRITERS_COMMENT_RE.search(text, a, b)) is not None and not _inside_quotation(
            text[a : comment.start()]):
        b = comment.start()  # "announced that P, and that cannot go on": the writer's comment, in the present tense
    if (text.find('," and ', a, b) >= 0 or text.find(",” and ", a, b) >= 0) and (
            habit := _WRITERS_HABIT_RE.search(text, a, b)) is not None and not _inside_quotation(
            text[a : habit.end()]):
        b = habit.start()  # 'told X that P were "Q," and his ministry repeats the line': what they habitually do
    if text.find(", as ", a, b) >= 0 and (scene := _HEARING_SCENE_RE.search(text, a, b)) is not None \
            and not _inside_quotation(text[a : scene.start()]):
        b = scene.start()  # "told the court that P, as the court heard witnesses in ...": the writer's scene
    if text.find("ing ", a, b) >= 0 and (act := _SPEAKERS_ACT_RE.search(text, a, b)) is not None \
            and not _inside_quotation(text[a : act.end()]):
        b = act.start()  # 'said the price "covers the costs," expressing their thanks to P': the writer's words
    # (cheap exact tests first: most contents hold none of "would/did/could not", "declined", "refused")
    if text.find("d not ", a, b) < 0 and text.find("n't ", a, b) < 0 and text.find(" declined ", a, b) < 0 \
            and text.find(" refused ", a, b) < 0:
        return b
    if text.find(" but ", a, b) < 0 and text.find(" and ", a, b) < 0:
        return b
    declines = _SPEAKER_DECLINES_RE.search(text, a, b)
    return declines.start() if declines is not None else b


# ", and that cannot go on", ", but this is not the first time": a pronoun "that"/"this" as the subject of a verb in the
# present tense closes reported content in the past tense with the writer's own remark ("and that the bank would
# ..." is a second content clause)
_WRITERS_COMMENT_RE = re.compile(
    r",\s+(?:and|but)\s+(?:that|this)\s+(?:cannot|can't|can|is|isn't|will|won't|must|means|matters|leaves|raises)\b"
)
# '"Q," and his ministry repeats the line in every statement' after a report in the past tense: the writer's remark on
# what the speaker's side habitually does (a present-tense verb with an adverb of habit or "the line")
_WRITERS_HABIT_RE = re.compile(
    r",[\"”]\s+and\s+(?:his|her|its|their)\s+(?:[a-z]+\s+)?[a-z]+\s+(?:repeats|echoes|keeps|still|always|routinely|"
    r"regularly|often)\b"
)
# ", expressing their thanks to the government", ", voicing his anger at ...": what the speaker did in saying it, in
# the writer's words (the speaker's possessive after the participle), no part of what was said
_SPEAKERS_ACT_RE = re.compile(r",[\"”]?\s+(?:expressing|voicing)\s+(?:their|his|her|its)\s")
# ", as the court heard witnesses", ", as the trial resumed": the sitting in which the speaker spoke, in the writer's
# words (content naming the body would be reported speech about it: "that the court had met", not "as the court met")
_HEARING_SCENE_RE = re.compile(
    r",\s+as\s+(?:the|a)\s+(?:court|tribunal|trial|hearing|judges|inquiry)\s+(?:heard|opened|began|resumed|"
    r"continued|sat|convened)\b"
)


def _inside_quotation(before: str) -> bool:
    """The text before a position leaves a quotation open: the words there are the speaker's."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_QUOTED_LABEL_RE = re.compile(
    r",\s+calling\s+(?!(?:on|upon|for|itself|themselves|himself|herself)\b)(?:[\w'’-]+\s+){1,6}?[\"“]"
)


# (the subject left out of the second verb is the speaker's: "X said P but declined to elaborate")
_SPEAKER_DECLINES_RE = re.compile(
    r",?\s+(?:but|and)\s+(?:would\s+not|did\s+not|could\s+not|would\s+n[o']t|didn't|wouldn't|declined\s+to|"
    r"refused\s+to)\s+(?:(?:give|provide|offer|disclose|reveal|share)\s+(?:any\s+)?(?:further\s+|more\s+|other\s+|"
    r"additional\s+)?(?:details|information|figures|numbers|names|a\s+timeline|a\s+date)|elaborate|comment\s+further|"
    r"specify|say\s+(?:more|when|how|where|who|whether|why|which)"
    # "but declined to name the companies": who or what the speaker would not name
    r"|(?:name|identify)\s+(?:the|any|them|him|her|it|its|his|their|those)\b)\b"
)


def _verbless_phrase(text: str, a: int, b: int) -> bool:
    """'P, X has claimed, in the first public acknowledgement of ...': a phrase without a verb of its own, so no
    second half of P (as in "P1, X said, and P2") but the journalist's apposition."""
    if not text.startswith(_PHRASE_OPENERS, a):
        return False
    return _FINITE_VERB_RE.search(text, a, b) is None


# A preposition and a determiner: a phrase, not a clause ("in the", "at a", "during its").
_PHRASE_OPENERS = tuple(
    f"{p} {d} " for p in ("in", "at", "on", "during", "with", "amid", "for")
    for d in ("the", "a", "an", "its", "his", "her", "their", "what")
)
_FINITE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do|[a-z]{2,}ed)\b"
)


def _is_quoted_text(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos] in "\"“‘«'"


def _is_quote_only(text: str, span: tuple[int, int], inside: list[tuple[int, int]]) -> bool:
    a, b = span
    while a < b and text[a] in " ,\n":
        a += 1
    i = bisect.bisect_left(inside, (a, -1))
    if i >= len(inside) or inside[i][0] != a:
        return False
    e = inside[i][1]
    return e >= b - 2 or _WORD_RE.search(text, e, b) is None
