"""Documents ('the statement', 'a report by X', 'A Lebanese army statement') back to the body or person that issued
them (claim annotation guideline, "Speaker": a statement speaks for its issuer).
"""

import re

from consumers.claims.context import CAPITAL_RUN_RE, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.organisations import PLACE_OWNER_RE, alias_inside, org_with_context, with_seat
from consumers.claims.resolve.words import fuller_name_before, is_org_like
from consumers.claims.speakers import canonical_org, is_known_org

_DOCUMENT_HEADS_EXTRA = frozenset(
    [
        "quote",
        "quotation",
        "caption",
        "headline",
        "slogan",
        "count",
        "tally",
        "estimate",
        "estimates",
        "survey",
        "study",
        "assessment",
        "analysis",
        "investigation",
        "census",
        "database",
        "record",
        "records",
        "statistics",
        "documentation",
    ]
)

DOCUMENT_HEADS = _DOCUMENT_HEADS_EXTRA | frozenset(
    [
        "statement",
        "statements",
        "letter",
        "letters",
        "figures",
        "data",
        "report",
        "text",
        "note",
        "notice",
        "message",
        "communique",
        "communiqué",
        "post",
        "website",
        "release",
        "document",
        "account",
        "tweet",
        "readout",
        "transcript",
        "bulletin",
        "summary",
        "update",
        "briefing",
        # an official act speaks for whoever issued it: "The decree states that P", "the ruling says"
        "decree",
        "ruling",
        # an internal paper: "The memo, dated May 12 and signed by X, says"
        "memo",
        "memorandum",
        "circular",
        # a text before it is final: "A draft of the decree, prepared by the ministry, says"
        "draft",
    ]
)

UNNAMED = Speaker("unnamed sources", "", False)
EXPERTS = Speaker("experts", "", False)


def is_document_phrase(words: list[str]) -> bool:
    """'a statement posted on ...', 'the joint statement of the guarantor countries'."""
    if len(words) > 2 and words[0] in DOCUMENT_HEADS and (words[1] in ("by", "from") or words[2] == "by"):
        return True  # "figures compiled by X", "data from X": the document's author speaks
    if not words or words[0] not in ("a", "an", "the"):
        return False
    return any(w in DOCUMENT_HEADS for w in words[1:4])


_STUDY_RE = re.compile(r"^(?:an?|the)\s+(?:new\s+|recent\s+)?(?:study|survey|research\s+paper|paper)\b", re.I)


def has_capital_org(head: str) -> bool:
    """A known or organisation-like capitalised name in head before any 'published in' ('a study by the NRC')."""
    before = re.split(r"\b(?:published|released|posted)\b", head)[0]
    return any(is_known_org(m.group()) or is_org_like(m.group()) for m in CAPITAL_RUN_RE.finditer(before))


def resolve_document(ctx: DocumentContext, pos: int, head: str, appos: str = "") -> Speaker:
    """'the Defense Ministry's statement', 'A statement posted on X's website', 'the letters'."""
    if " by " in appos and (prepared := _PREPARED_BY_RE.search(appos)) is not None:
        # "A draft of the decree, prepared by the ministry and dated Oct. 30,": the body that wrote it
        at = ctx.text.find(appos, pos, pos + 400)
        if at >= 0:
            from consumers.claims.resolve.mention import resolve_mention

            start, end = at + prepared.start(1), at + prepared.end(1)
            found = resolve_mention(ctx, start, end, end)
            if found.is_person or found.org:
                return found
    if " to " in head:
        head = _ADDRESSEE_RE.sub("", head)  # "The letter, addressed to the EU's foreign policy chief": the recipient
    if " by " in head:
        # "a circular seen by Enab Baladi": the outlet that saw the paper, never its issuer
        head = _SEEN_BY_RE.sub("", head)
    kind = _KIND_DATA_RE.fullmatch(head) if head[-1:] == "a" or head[-1:] == "s" else None
    if kind is not None:
        # "according to exchange data": the data of the exchange named before, "the Damascus Securities Exchange"
        name = fuller_name_before(ctx, pos, kind.group(1).capitalize())
        if name != kind.group(1).capitalize():
            canon = canonical_org(name)
            return Speaker(canon, canon, False)
    issuer = _issuer_in_head(ctx, pos, head) or _issuer_after_noun(ctx, pos, head)
    return issuer if issuer is not None else _issuer_before(ctx, pos, head)


# Data by the kind of body that keeps it, in lower case: "exchange data", "the port figures"
_KIND_DATA_RE = re.compile(r"(?:[Tt]he\s+)?([a-z]{4,})\s+(?:data|figures|statistics)")
_ADDRESSEE_RE = re.compile(r",?\s+(?:addressed|sent|delivered|handed)\s+to\b.*$")
_PREPARED_BY_RE = re.compile(
    r"\b(?:prepared|drafted|written|drawn\s+up|compiled)\s+by\s+((?:the\s+)?[A-Za-z][\w'’ -]{1,60}?)(?=\s+and\s|,|$)"
)
_SEEN_BY_RE = re.compile(r",?\s+(?:seen|obtained|reviewed|viewed|examined|verified)\s+by\b.*$")
_ISSUER_BEFORE_RE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:internal\s+|confidential\s+|leaked\s+)?(.{2,60}?)\s+"
    r"(?:statement|communiqu[eé]|letter|post|report|bulletin|document|memo|memorandum)$"
)


def _issuer_in_head(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """A body named in the head itself: before the noun ("A Lebanese army statement"), or any capitalised one."""
    issued = _ISSUER_BEFORE_RE.match(head)
    if issued and is_known_org(issued.group(1)):
        canon = canonical_org(issued.group(1))
        return Speaker(canon, canon, False)  # "A Lebanese army statement said": the issuer named before the noun
    if issued and "ministry" in issued.group(1) and " Ministry of " in (
            canon := canonical_org(issued.group(1), ctx.country)):
        return Speaker(canon, canon, False)  # "A Syrian electricity ministry document says": that ministry's
    for m in CAPITAL_RUN_RE.finditer(head):
        surface = m.group()
        if surface.lower() not in ("a", "the", "an") and (is_known_org(surface) or is_org_like(surface)):
            canon = org_with_context(ctx, pos, surface)
            return Speaker(canon, canon, False)
    return None


_ISSUER_AFTER_RE = re.compile(r"\b(?:from|by|of)\s+((?:the\s+)?[\w'’ -]{2,60})$")
# A body by its kind in lower case, then its name: "the tracking firm Kpler", "the consultancy Karam Shaar Advisory"
_KIND_THEN_NAME_RE = re.compile(
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:firm|company|consultancy|group|website|platform|monitor|agency|"
    r"organisation|organization)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
)
_DOCUMENT_NOUN_RE = re.compile(r"\b(?:statement|letter|report)s?\b")


def _issuer_after_noun(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """The issuer after the noun ("a statement from the army"), nobody ("one post", a circulating document), or the
    unnamed authors of a study; None when the head names none of these."""
    issuer = _ISSUER_AFTER_RE.search(head)
    issuer_text = issuer.group(1) if issuer else ""
    if "post" in head and _UNOWNED_POST_RE.search(head):
        return UNNAMED  # '"...," reads the caption of one post on X': whoever posted it, unnamed
    if "circulat" in head and _CIRCULATING_RE.match(head):
        return UNNAMED  # "A document circulating on Telegram since Friday": nobody stands behind it (fact-checks)
    local = PLACE_OWNER_RE.search(issuer_text)
    if local and is_known_org(issuer_text[local.end() :]):
        canon = canonical_org(issuer_text[local.end() :])
        return Speaker(canon, canon, False)  # "a statement from the city's civil defence"
    if issuer and not _DOCUMENT_NOUN_RE.search(issuer.group(1)):
        # imported here: the issuer is itself a mention, and mention.py dispatches to this module (head_rules.py)
        from consumers.claims.resolve.mention import resolve_mention

        found = resolve_mention(ctx, pos + issuer.start(1), pos + issuer.end(1), pos + issuer.end(1))
        if found.is_person or is_known_org(found.name):
            return found  # "a statement from the army"; not "the statement of the guarantor countries"
        named = _KIND_THEN_NAME_RE.fullmatch(issuer_text)
        if named is not None and not is_known_org(named.group(1)):
            return Speaker(named.group(1), named.group(1), False)  # "data from the tracking firm Kpler": the firm
    if not issuer and _STUDY_RE.search(head) and not has_capital_org(head):
        return EXPERTS  # "according to a study published in The Lancet": its unnamed authors, not a body
    return None


def _issuer_before(ctx: DocumentContext, pos: int, head: str) -> Speaker:
    """A document the text spoke of before: who was quoted with it, its author, the header's body, the context."""
    noun = next((w for w in WORDS_RE.findall(head.lower()) if w in DOCUMENT_HEADS), "")
    named_it = ctx.last(word=noun) if noun else None
    if named_it is not None and (named_it.org or named_it == UNNAMED):
        # "X said in a report ... The report accuses ...", also when X is unnamed ("Forty-two aid groups warned in
        # an open letter that P. The letter says Q": not a body the letter names)
        return named_it
    noun = WORDS_RE.findall(head.lower())[-1]
    earlier = ctx.text.rfind(noun, max(0, pos - 5000), pos)
    author = _AUTHOR_AFTER_RE.match(ctx.text, earlier + len(noun)) if earlier >= 0 else None
    if author is not None:
        # "A new report by Human Rights Watch documents ... The report says P": the body whose report it is
        canon = org_with_context(ctx, pos, author.group(1))
        return Speaker(canon, canon, False)
    issuer = _issuer_of_act(ctx, earlier, noun) if earlier >= 0 and noun in _ACT_NOUNS else None
    if issuer is not None:
        return issuer  # "Syria's president issued a decree ... The decree states that P": the president's side
    if noun == "decree":
        # a decree no one in the text is said to have issued: the state's (a head of state's act)
        canon = canonical_org(f"{ctx.country or 'Syrian'} government")
        return Speaker(canon, canon, False)
    header = _header_org(ctx) if earlier < 0 else ""
    if header:
        return Speaker(header, header, False)  # "P, the bulletin states" under "Briefing by the Head of ORG ...": ORG's
    return _issuer_in_context(ctx, pos, earlier)


def _issuer_of_act(ctx: DocumentContext, earlier: int, noun: str) -> Speaker | None:
    """The subject that issued or signed the document named at earlier ("X issued a decree"), or None."""
    sentence = ctx.sentence_start(earlier)
    issued = _ISSUED_BY_SUBJECT_RE.search(ctx.text, sentence, earlier)
    if issued is None or ctx.text[issued.end() : earlier].strip():
        return None
    from consumers.claims.resolve.mention import resolve_mention  # (mention.py dispatches here, by head_rules.py)

    return resolve_mention(ctx, issued.start(1), issued.end(1), issued.end(1))


_ACT_NOUNS = frozenset(["decree", "ruling"])
# "Syria's president issued a decree", "The ministry has published a new list": the subject before the act's verb
_ISSUED_BY_SUBJECT_RE = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:has\s+|had\s+)?(?:issued|signed|published|released|"
    r"adopted|passed)\s+(?:a|an|the|its|his|her)\s+(?:[\w-]+\s+){0,2}?"
)


def _issuer_in_context(ctx: DocumentContext, pos: int, earlier: int) -> Speaker:
    """The organisation of the sentence that named the document (or of this one), or the one quoted last."""
    start = ctx.sentence_start(earlier if earlier >= 0 else pos)
    opening = _COUNTRY_BODY_RE.match(ctx.text, start + 1 if ctx.text.startswith(". ", start) else start)
    if opening is not None and " Ministry of " in (body := canonical_org(opening.group(1))):
        # "Syria's finance ministry plans to cut subsidies, according to an internal memo": the ministry the sentence
        # opens with, not its country (the country's possessive alone is the name the text capitalises)
        return Speaker(body, body, False)
    canon = ctx.first_org_in_sentence_of(earlier if earlier >= 0 else pos)
    last_org = ctx.last(person=False)
    if not canon and last_org is None and earlier < 0:
        # "X condemned the raids. The statement said ...": the subject of the sentence before issued it
        before = ctx.sentence_start(pos)
        canon = ctx.first_org_in_sentence_of(before - 1) if before > 0 else ""
    if last_org is not None and (not canon or ctx.history):
        return last_org
    canon = with_seat(ctx, pos, canon)  # "The Council of X in Syria issued a statement": named with its seat
    return Speaker(canon or "unnamed sources", canon, False)


# A sentence opening with a country's ministry in lower case: "Syria's finance ministry", "Iraq's oil ministry"
# (after a dateline, "DAMASCUS (AFP) — Syria's finance ministry")
_COUNTRY_BODY_RE = re.compile(
    r"\s*(?:[A-Z][A-Z' ,-]{2,40}(?:\s*\([^()]{1,20}\))?\s*[—–-]{1,2}\s*)?"
    r"([A-Z][a-z]+['’]s\s+(?:[a-z]+\s+){1,2}ministry)\b"
)


def _header_org(ctx: DocumentContext) -> str:
    """The organisation named in a header line opening the document (no sentence in it), or ""."""
    line_end = ctx.text.find("\n", 0, 300)
    line = ctx.text[:line_end].rstrip() if line_end > 0 else ""
    if not line or line[-1] in ".!?:;\"”’»'" or ". " in line or not ctx.org_pos or ctx.org_pos[0] >= line_end:
        return ""
    surface, roles = _ROLE_OF_PREFIX_RE.subn("", ctx.org_name(0)[0])  # "Deputy Head of the Russian Centre ..."
    if not roles:
        return ""  # a byline naming a role holder's body, not a headline's subject ("Syria says ...")
    canon = canonical_org(surface)
    if not is_known_org(canon):
        canon = alias_inside(surface)  # "... Centre for Reconciliation Major General Oleg Petrenko": the name runs on
    return canon if is_known_org(canon) else ""  # (only a body the alias table knows)


_ROLE_OF_PREFIX_RE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,2}?(?:Head|Chief|Director|Commander|Chairman|Spokesman|Spokesperson)\s+of\s+(?:the\s+)?"
)


# The author named after a document noun: "a report by Human Rights Watch (HRW)", "a study by the World Bank", "a
# statement from the General Command of the Army", "a second statement, from the Interior Ministry,".
_AUTHOR_AFTER_RE = re.compile(
    r",?\s+(?:by|from)\s+(?:the\s+)?((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’-]*){0,7}"
    # (a command of a force named in lower case: "the General Command of the army")
    r"(?:\s+of\s+the\s+(?:army|armed\s+forces|military|police))?)"
)
# The words of a social media post of no named account: "the caption of one post", "the text of a post".
_UNOWNED_POST_RE = re.compile(r"\bof\s+(?:a|an|one|some|several|many)\s+(?:[\w-]+\s+)?posts?\b")
_CIRCULATING_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,2}?[a-z]+\s+(?:circulating|circulated|being\s+circulated)\s"
)
