"""Descriptions of a person by role ('the spokesman', 'the Russian diplomat', 'the Special Envoy') back to the person
quoted or named before in that role."""

import re

from consumers.claims.context import HISTORY_WINDOW, DocumentContext, Speaker
from consumers.claims.resolve.organisations import org_from_phrase
from consumers.claims.resolve.people import person_name
from consumers.claims.resolve.words import DESTINATION_RE
from consumers.claims.speakers import canonical_org, canonical_speaker, country_of, is_known_org


def definite_person(ctx: DocumentContext, pos: int, head: str, noun: str) -> Speaker:
    """'the spokesman', 'the Russian diplomat': the person quoted or named before in that role."""
    found = ctx.last(word=noun)
    country = country_of(head)
    met = found
    if found is not None and country:
        mention = next((m for sp, m in reversed(ctx.history[-HISTORY_WINDOW:]) if sp == found), "")
        if _serves_elsewhere(found, mention, country):
            found = None  # "the Syrian minister" after Russia's foreign minister spoke: someone else
    if found is None and country:
        person, mention = ctx.last_with_mention(person=True)
        # (a state's delegate is someone tied to that state: "the delegate of Qatar" after a UN commissioner spoke is
        # Qatar's, a new speaker)
        delegate = noun in _STATE_DELEGATE_NOUNS and (country_of(mention) or country_of(person.org if person else "")
                                                      ) != country
        portfolio = noun == "minister" and "minister" not in mention.lower() and (
            " Ministry of " in canonical_org(head.removeprefix("The ").removeprefix("the ")))
        if person is not None and not delegate and not portfolio and not _serves_elsewhere(person, mention, country):
            # (not "The Turkish defence minister said" after a spokesman: a minister of that portfolio, unnamed)
            return person  # "According to the Russian diplomat": the envoy quoted just before
        canon = canonical_org(f"{country} government")  # "the Russian representative": a member of Russia's
        ministry = canonical_org(head.removeprefix("The ").removeprefix("the ")) if noun == "minister" else ""
        if ministry and (" Ministry of " in ministry or is_known_org(ministry)):
            canon = ministry  # "The Syrian defence minister told our delegation": his ministry, as when he is named
        elif noun == "minister" and met is not None and " Ministry of " in met.org \
                and ctx.text.find(" counterpart", 0, pos) >= 0:
            # "talks with his Syrian counterpart. The Syrian minister said": the portfolio of the minister he met
            canon = canonical_org(f"{country} Ministry of {met.org.split(' Ministry of ', 1)[1]}")
        return Speaker(canon, canon, False)
    if found is None and noun.startswith("spokes") and _UN_BRIEFING_RE.search(ctx.text, 0, 400):
        return _UNITED_NATIONS  # "the Spokesperson said" in a noon briefing by the Secretary-General's spokesperson
    if found is None and noun and (introduced := _introduced_unnamed(ctx, pos, noun)):
        # "An Arab diplomat who follows the talks was more hopeful. The diplomat said P": the unnamed one just
        # introduced (in a sentence that quotes nobody), not the person quoted before it; "an engineer at the
        # company ... the engineer said": a member of that body
        from consumers.claims.resolve.unnamed import resolve_unnamed  # (unnamed.py reaches this module)

        return resolve_unnamed(ctx, pos, introduced)
    found = (
        found
        or name_near_role(ctx, pos, noun)
        or ctx.person_before(pos, after=ctx.last_person_pos)
        or ctx.last(person=True)
    )
    return found or Speaker("unnamed sources", "", False)


def _introduced_unnamed(ctx: DocumentContext, pos: int, noun: str) -> str:
    """An indefinite 'a/an ... NOUN (at the X)' in the text before pos, after the last person quoted or named, or
    ""."""
    floor = max(0, pos - 600, ctx.last_person_pos, ctx.last_mention_end)
    if ctx.text.find(noun, floor, pos) < 0:
        return ""
    found = re.search(rf"\b[Aa]n?\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(noun)}\b(?!['’]s)"
                      r"(?:\s+(?:at|with|for|from|of)\s+the\s+[a-z]+)?", ctx.text[floor:pos])
    return found.group() if found is not None and ctx.person_before(pos, after=floor) is None else ""


_STATE_DELEGATE_NOUNS = frozenset(["representative", "delegate"])
# The header of a UN noon briefing: "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
_UN_BRIEFING_RE = re.compile(r"\bSpokes\w+\s+for\s+the\s+(?:UN\s+)?Secretary-General\b")
_UNITED_NATIONS = Speaker("United Nations", "United Nations", False)


def name_near_role(ctx: DocumentContext, pos: int, noun: str) -> Speaker | None:
    """'The UN Special Envoy for Syria, Geir Pedersen, ...' earlier: 'the Special Envoy' is Geir Pedersen."""
    floor = max(0, pos - 3000)
    at = pos
    for _ in range(3):
        at = _rfind_word(ctx.text, noun, floor, at)
        if at < 0:
            return None
        m = _NAME_AFTER_ROLE_RE.match(ctx.text, at + len(noun), min(len(ctx.text), at + len(noun) + 90))
        header = _header_name(ctx.text, at)
        if header is not None:
            return ctx.people.get(header.lower()) or Speaker(header, org_from_phrase(ctx, at, noun), True)
        if m:
            name, _ = canonical_speaker(m.group(1))
            if len(name.split()) >= 2 and not is_known_org(name) and not country_of(name):
                known = ctx.people.get(name.lower())
                org = org_from_phrase(ctx, at, ctx.text[max(floor, at - 40) : at + len(noun)], whole=True)
                return known or Speaker(name, org, True)
    return None


def _header_name(text: str, at: int) -> str | None:
    """'Briefing by the Deputy Head of X Rear Admiral Alexander Karpov (6 May)': a line without a sentence in it
    that ends in the role holder's name, or None."""
    line_end = text.find("\n", at, at + 200)
    if line_end < 0 or text[line_end - 1 : line_end] in _SENTENCE_ENDS:
        return None  # (the usual case, a paragraph ending its last sentence: one character tells, before any slice)
    line_start = text.rfind("\n", 0, at) + 1
    if at - line_start > 300 or ". " in text[line_start:line_end]:
        return None
    line = _DATE_TAIL_RE.sub("", text[at:line_end])
    if not line or line[-1] in _SENTENCE_ENDS:
        return None  # a sentence's end, not a header's
    name = person_name(line.split())[0]
    return name if len(name.split()) >= 2 and not is_known_org(name) and not country_of(name) else None


_SENTENCE_ENDS = frozenset(".!?:;\"”’»'")
_DATE_TAIL_RE = re.compile(r"\s*\([^()\n]{0,40}\)\s*$|\s+$")


def _rfind_word(text: str, word: str, floor: int, end: int) -> int:
    """Last case-insensitive whole-word occurrence of word in text[floor:end], or -1 (bounded window)."""
    last = -1
    for m in re.finditer(rf"\b{re.escape(word)}\b", text[floor:end], re.I):
        last = floor + m.start()
    return last


_NAME_AFTER_ROLE_RE = re.compile(
    r"(?:\s+(?:for|of|to|in|on|the|and|[A-Z][\w'’-]*)){0,6}?,?\s+"
    # (a header line ends at the name: "Briefing by the Deputy Head of X Rear Admiral Y (6 May)" or its newline)
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)){1,4})"
    r"(?=\s*[,)]|\s+[a-z]|\s+\(|[ \t]*\n)"
)


def _serves_elsewhere(person: Speaker, mention: str, country: str) -> bool:
    """True when what we know of the person ties them to another country or to an international body."""
    own = DESTINATION_RE.sub("", mention)  # "envoy for Syria", "ambassador to the UN": where, not whom, they serve
    found = country_of(own) or country_of(person.org)
    if found:
        return found != country
    return bool(person.org)
