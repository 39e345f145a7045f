"""Definite descriptions ('the spokesman', 'the board', 'the Russian diplomat') back to the person or organisation
they refer to (documents, 'the statement', are documents.py's).
"""

import re

from consumers.claims.aliases import ORG_ALIASES, TITLES
from consumers.claims.context import CAPITAL_RUN_RE, HISTORY_WINDOW, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.documents import EXPERTS, UNNAMED
from consumers.claims.resolve.organisations import central_bank, org_from_phrase
from consumers.claims.resolve.words import DESTINATION_RE, PERSON_ROLES
from consumers.claims.sources import is_outlet
from consumers.claims.speakers import canonical_org, canonical_speaker, country_of, is_known_org

_ORG_TYPES = {
    "monitor": "Syrian Observatory for Human Rights",
    "observatory": "Syrian Observatory for Human Rights",
    "war monitor": "Syrian Observatory for Human Rights",
    "coalition": "US-led coalition",
    "kremlin": "Russian government",
    "pentagon": "US Department of Defense",
}

GENERIC_ORG_NOUNS = frozenset(
    [
        "group",
        "groups",
        "force",
        "forces",
        "organisation",
        "organization",
        "militia",
        "movement",
        "faction",
        "body",
        "alliance",
        "administration",
        "authority",
        "authorities",
        "charity",
        "agency",
        "monitor",
        "outfit",
        "network",
        "party",
    ]
)

_NAME_BEFORE_RE = re.compile(r"((?:[«“\"‘']?(?:[A-Z][\w'’-]*|al-[\w'’-]+)[»”\"’']?\s+){1,6})$")


_EXPERT_NOUNS = frozenset(["researchers", "scientists", "academics"])


_ARMY_MENTION_RE = re.compile(r"\b(?:army|military|armed\s+forces|troops|defen[cs]e\s+forces)\b", re.I)


def _army_quoted_before(ctx: DocumentContext) -> Speaker | None:
    """The last organisation quoted under an army's name ("The Israeli military", "the Jordanian Armed Forces")."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        if not speaker.is_person and _ARMY_MENTION_RE.search(mention):
            return speaker
    return None


_GENERIC_OWNER_RE = re.compile(r"^[Tt]he\s+([a-z]+)['’]s\s+")
_DEPARTMENT_OF_RE = re.compile(r"[Tt]he\s+[a-z]+\s+(?:authority|board|committee|department|directorate)\s+of\s")


def resolve_definite(ctx: DocumentContext, pos: int, head: str, words: list[str]) -> Speaker:
    """'the spokesman' -> the person named before; 'the board' -> the organisation named before."""
    if is_known_org(head):
        canon = canonical_org(head, ctx.country)
        return Speaker(canon, canon, False)
    if words[-1] == "bank" and words == ["the", "central", "bank"]:
        canon = central_bank(ctx, pos)  # "The central bank said"; "officials at the central bank" alike
        return Speaker(canon, canon, False)
    if " of " in head and _DEPARTMENT_OF_RE.match(head) and is_known_org(canon := canonical_org(head)):
        return Speaker(canon, canon, False)  # "the health authority of the Kurdish-led administration": the body
    owner = _GENERIC_OWNER_RE.match(head)
    if owner and owner.group(1).lower() in GENERIC_ORG_NOUNS:
        # "the group's media office said": the group it belongs to speaks
        return resolve_definite(ctx, pos, f"the {owner.group(1)}", ["the", owner.group(1).lower()])
    noun = words[-1]
    if noun in _EXPERT_NOUNS and not ctx.last(word=noun):
        return EXPERTS  # "The researchers wrote that P" with none quoted before: unnamed experts (guideline)
    if noun in ("source", "sources") and len(words) > 2:
        found = _last_source_of(ctx, words[-2])
        if found is not None:
            return found  # "The ministry sources also said": the ministry's sources quoted before, not the last ones
    if noun.endswith("s"):
        for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
            if not speaker.org and not speaker.is_person and noun in WORDS_RE.findall(mention.lower()):
                return speaker  # "Local activists reported ... The activists said": the same unnamed group
    cut = next((i for i, w in enumerate(words) if i > 1 and w in ("of", "for", "at", "in", "to", "with")), 0)
    if cut and (words[cut - 1] in PERSON_ROLES or words[cut - 1] in TITLES):
        noun = words[cut - 1]  # "the deputy head of the center": a person, the head of something
    if any(w.startswith("monitor") for w in words[1:]):
        noun = "monitor"  # "the monitoring group", "the UK-based monitor"
    if noun in PERSON_ROLES or noun in TITLES:
        return _definite_person(ctx, pos, head, noun)
    if head.endswith("-year-old"):
        return _definite_person(ctx, pos, head, "")  # "the 52-year-old told Syria Direct": the person named before
    return _definite_org(ctx, pos, head, words, noun)


def _definite_person(ctx: DocumentContext, pos: int, head: str, noun: str) -> Speaker:
    """'the spokesman', 'the Russian diplomat': the person quoted or named before in that role."""
    found = ctx.last(word=noun)
    country = country_of(head)
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
        if person is not None and not delegate and not _serves_elsewhere(person, mention, country):
            return person  # "According to the Russian diplomat": the envoy quoted just before
        canon = canonical_org(f"{country} government")  # "the Russian representative": a member of Russia's
        return Speaker(canon, canon, False)
    if found is None and noun.startswith("spokes") and _UN_BRIEFING_RE.search(ctx.text, 0, 400):
        return _UNITED_NATIONS  # "the Spokesperson said" in a noon briefing by the Secretary-General's spokesperson
    found = (
        found
        or name_near_role(ctx, pos, noun)
        or ctx.person_before(pos, after=ctx.last_person_pos)
        or ctx.last(person=True)
    )
    return found or Speaker("unnamed sources", "", False)


_STATE_DELEGATE_NOUNS = frozenset(["representative", "delegate"])
# The header of a UN noon briefing: "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
_UN_BRIEFING_RE = re.compile(r"\bSpokes\w+\s+for\s+the\s+(?:UN\s+)?Secretary-General\b")
_UNITED_NATIONS = Speaker("United Nations", "United Nations", False)


def _definite_org(ctx: DocumentContext, pos: int, head: str, words: list[str], noun: str) -> Speaker:
    """'the board', 'the security forces', 'the group': the organisation quoted or named before."""
    if noun in _PAPER_KINDS:
        heading = _paper_heading(ctx, pos)
        if heading:
            return Speaker(heading, heading, False)  # a press review: "Al-Akhbar (Beirut)\nThe newspaper wrote that"
    if noun in _BENCH_NOUNS and (court := _court_before(ctx, pos)) is not None:
        return court  # "The judges wrote that P" after the court's ruling: the court speaks through its bench
    if noun in ("court", "tribunal") and len(words) == 2:
        # "The court said P": the court named before, else a body the text never names (unnamed, as "the source")
        return _court_before(ctx, pos) or UNNAMED
    called = _posting_called_before(ctx, pos, noun) if noun in _POSTING_KINDS else ""
    if called:
        return Speaker(called, called, False)  # 'a Telegram channel called "Sahel Leaks" ... The channel said'
    quoted = _org_quoted_before(ctx, pos, words, noun)
    if quoted is not None:
        return quoted
    phrase = " ".join(w for w in head.split()[1:] if w[:1].islower())
    canon = ctx.org_before(pos, noun) or _antecedent_by_phrase(ctx, pos, phrase) or _ORG_TYPES.get(noun, "")
    if not canon and noun in _OUTLET_KINDS:
        canon = _outlet_before(ctx, pos)  # "Asharq Al-Awsat reported ... The newspaper said": the paper named before
    if not canon and noun in _POSTING_KINDS and len(words) == 2:
        return UNNAMED  # "The channel that first posted it", "the page" with no outlet named: unnamed
    if not canon and (noun in ("army", "military", "troops", "ministry") or words == ["the", "government"]):
        army = _army_quoted_before(ctx) if noun != "ministry" else None
        if army is not None:
            return army  # "The Israeli military says P. ... the army added that Q": that army
        canon = _state_body(ctx, pos, words, noun)
    if not canon and noun in GENERIC_ORG_NOUNS:
        generic = _generic_antecedent(ctx, pos)
        if generic is not None:
            return generic
    if not canon and noun in _PEOPLE_PLURALS:
        return UNNAMED  # "The witnesses said P" with no group of them quoted before: people, not a body
    canon = canon or canonical_org(head, ctx.country)
    return Speaker(canon, canon, False)


_BENCH_NOUNS = frozenset(["judges", "bench", "panel"])


def _court_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    """The court or tribunal quoted or named before, or None."""
    quoted = ctx.last(person=False, word="court") or ctx.last(person=False, word="tribunal")
    if quoted is not None:
        return quoted
    named = ctx.org_before(pos, "court") or ctx.org_before(pos, "tribunal")
    return Speaker(named, named, False) if named else None


# Groups of people, never a body's name: "the witnesses", "the signatories" (of a letter), "the residents"
_PEOPLE_PLURALS = frozenset(
    ["witnesses", "signatories", "residents", "survivors", "villagers", "relatives", "families", "activists",
     "protesters", "demonstrators", "farmers", "workers", "doctors", "medics", "lawyers", "journalists", "citizens"]
)


def _org_quoted_before(ctx: DocumentContext, pos: int, words: list[str], noun: str) -> Speaker | None:
    """The sources, the organisation or the party organ quoted or named before under the description's words."""
    if noun in ("source", "sources"):
        found = ctx.last(word=noun)
        if found:
            return found
        if ctx.org_before(ctx.sentence_start(pos), "") == "":
            return UNNAMED  # "The first source said P" with no source and no organisation before: unnamed
    if len(words) >= 3:
        by_phrase = _last_org_with_phrase(ctx, " ".join(words[-2:]))
        if by_phrase is not None:
            return by_phrase  # "the security forces" -> the Asayish ("internal security forces") quoted before
    found_org = ctx.last(person=False, word=noun)
    if found_org:
        return found_org
    if noun in _PARTY_ORGAN_NOUNS:
        party = next(reversed(list(_PARTY_BEFORE_ORGAN_RE.finditer(ctx.text, max(0, pos - 3000), pos))), None)
        if party is not None:
            # "The PLF (PLF) Politburo met. The Politburo said P": the party whose organ was named before
            canon = canonical_org(party.group(1))
            return Speaker(canon, canon, False)
    return None


def _state_body(ctx: DocumentContext, pos: int, words: list[str], noun: str) -> str:
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


_PARTY_ORGAN_NOUNS = frozenset(["politburo", "bureau", "committee", "secretariat"])
_PARTY_BEFORE_ORGAN_RE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,5}(?:Party|Movement|Front|Union|Alliance))(?:\s+\([^()]{1,18}\))?(?:['’]s)?\s+"
    r"(?:Politburo|Political\s+Bureau|Central\s+Committee|Executive\s+Committee|General\s+Secretariat)\b"
)


def _last_source_of(ctx: DocumentContext, kind: str) -> Speaker | None:
    """'The ministry sources said' after 'Defence Ministry sources said' and 'security sources': the ministry's."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        words = WORDS_RE.findall(mention.lower())
        if kind in words and any(w.startswith("source") for w in words):
            return speaker
    return None


_POSTING_KINDS = frozenset(["channel", "page", "account", "blog"])
_OUTLET_KINDS = frozenset(["newspaper", "paper", "daily", "channel", "broadcaster", "outlet", "website", "station"])


_PAPER_KINDS = frozenset(["newspaper", "paper", "daily"])
# A line holding only a name, with its city in brackets or not: a press review's heading for one newspaper.
_NAME_LINE_RE = re.compile(r"\n([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})(?:[ \t]+\([A-Z][\w ]{1,20}\))?[ \t]*\n")


def _paper_heading(ctx: DocumentContext, pos: int) -> str:
    """The newspaper named by the heading line of the paragraph holding pos (a press review), or ''."""
    paragraph = ctx.text.rfind("\n\n", max(0, pos - 1500), pos)
    if paragraph < 0:
        return ""
    line = _NAME_LINE_RE.match(ctx.text, paragraph + 1, pos)
    return canonical_org(line.group(1)) if line is not None else ""


def _posting_called_before(ctx: DocumentContext, pos: int, noun: str) -> str:
    """The name a channel, page or account was called by before pos ('a Telegram channel called "Sahel Leaks"')."""
    at = ctx.text.rfind(f"{noun} called ", max(0, pos - 3000), pos)
    m = _CALLED_RE.match(ctx.text, at + len(noun) + 1) if at >= 0 else None
    return canonical_org(m.group(1)) if m is not None else ""


_CALLED_RE = re.compile(r"called\s+[\"“]?([A-Z][^,.\"“”]{1,40}?)[,.]?[\"”]")


def _outlet_before(ctx: DocumentContext, pos: int) -> str:
    """The last outlet named in the 1,500 characters before pos, by a capitalised name is_outlet knows."""
    last = ""
    for m in CAPITAL_RUN_RE.finditer(ctx.text, max(0, pos - 1500), pos):
        if is_outlet(m.group()) and not m.group().isupper():
            last = m.group()
    return canonical_org(last) if last else ""


def _generic_antecedent(ctx: DocumentContext, pos: int) -> Speaker | None:
    """'the group said': the organisation named in its sentence, then in the one before, then the one quoted last."""
    start = ctx.sentence_start(pos)
    named = ctx.org_before(pos, "", floor=start)
    if named:
        return Speaker(named, named, False)  # "P about the SDF, the Kurdish-led group said": named just before
    named = ctx.org_before(start, "", floor=ctx.sentence_start(max(0, start - 2))) if start > 0 else ""
    if named and not named.endswith(" government"):  # ("Syria's civil defence": not Syria, a country)
        return Speaker(named, named, False)  # "The SDF rejected it. '...,' the group said": the sentence before
    return ctx.last(person=False)  # the organisation quoted last, if any


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
    # imported here: people.py resolves names with the descriptions of this module's callers
    from consumers.claims.resolve.people import person_name

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


def _last_org_with_phrase(ctx: DocumentContext, phrase: str) -> Speaker | None:
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        if speaker.is_person or not speaker.org:
            continue
        names = (speaker.name, mention, *ORG_ALIASES.get(speaker.name, ()))
        if any(phrase in name.lower() for name in names):
            return speaker
    return None


def _serves_elsewhere(person: Speaker, mention: str, country: str) -> bool:
    """True when what we know of the person ties them to another country or to an international body."""
    own = DESTINATION_RE.sub("", mention)  # "envoy for Syria", "ambassador to the UN": where, not whom, they serve
    found = country_of(own) or country_of(person.org)
    if found:
        return found != country
    return bool(person.org)


_LED_BY_RE = re.compile(
    r",?\s+(?:led|headed|dominated|run)\s+by\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5})"
)


def _antecedent_by_phrase(ctx: DocumentContext, pos: int, phrase: str) -> str:
    """'the operations room' -> the 'al-Fateh al-Mubin operations room' named earlier."""
    if len(phrase) < 4:
        return ""
    at = ctx.text.rfind(phrase, max(0, pos - 4000), pos)
    if at < 0:
        return ""
    leader = _LED_BY_RE.match(ctx.text, at + len(phrase), min(pos, at + len(phrase) + 80))
    words = leader.group(1).split() if leader else []
    for size in range(len(words), 0, -1):
        if is_known_org(" ".join(words[:size])):
            # "a jihadist alliance led by HTS ... The alliance said": the leading organisation speaks
            return canonical_org(" ".join(words[:size]))
    m = _NAME_BEFORE_RE.search(ctx.text, max(0, at - 80), at)
    if not m:
        return ""
    name = re.sub(r"[\"“”«»‘’']", "", m.group(1)).strip()
    return canonical_org(f"{name} {phrase}")
