"""Unnamed sources: 'a Pentagon spokesperson' speaks for the Pentagon, 'a senior Turkish official' for Turkey's
government; other unnamed people and outlets are "unnamed sources" (claim annotation guideline, "Speaker").
"""

import re

from consumers.claims.context import WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.body_antecedents import GENERIC_ORG_NOUNS, company_named_before, governorate_before
from consumers.claims.resolve.organisations import (
    alias_inside,
    defined_acronym,
    ministry_of_the_country,
    modified_alias_before,
    name_defined_for,
    named_org,
)
from consumers.claims.resolve.words import REGION_ADJECTIVES, is_org_like, sentence_of
from consumers.claims.speakers import canonical_org, country_of, is_known_org

_UNNAMED_RE = re.compile(
    r"^(?:an?|one|two|three|several|some|many|other|another|local|unnamed|anonymous|both|all"
    # a counted group: "Forty-two Syrian and international aid organisations"
    r"|(?:four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:-[a-z]+)?|dozens|hundreds)\b|(?<![\w-])sources?\b",  # (not "open-source")
    re.I,
)

_UNNAMED_OUTLET_RE = re.compile(
    r"^(?i:an?|one|some|several)\b[\w\s'’-]{0,60}?\b(?:newspaper|daily|outlet|channel|website|broadcaster|tv|radio|"
    r"television|magazine|news\s+site|blog)s?$"
)

# A platform names where an account or channel posts, not who runs it: "A Telegram channel" is unnamed.
_PLATFORMS = frozenset(["Telegram", "Facebook", "YouTube", "TikTok", "WhatsApp", "Instagram", "Twitter", "X"])
_INDEFINITE_MEMBER_RE = re.compile(r"(?i:an?|one)\s+(?:\d[\w-]*\s+)?[a-z]")
_SOURCE_WORD_RE = re.compile(r"(?<![\w-])(?:sources?|officials?|member|spokes\w+)\b", re.I)
# (an acronym in brackets closes the body's name: "Officials at the Ministry of Agriculture (MoA)")
_ORG_AFTER_RE = re.compile(
    r"\b(?:at|of|for|from|with|in|within|close to)\s+((?:the\s+)?[\w'’ -]{2,60}?)(?:\s+\([A-Z][A-Za-z0-9-]{1,11}\))?$"
)
_OWNER_RE = re.compile(r"the\s+([\w-]+)['’]s\s")
_STAFF_MEMBER_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+)?(?:nurse|doctor|surgeon|paramedic|worker|employee|guard|teacher|engineer|"
    r"cleaner|driver|volunteer)s?\b"
)
_NAMED_INSTITUTION_RE = re.compile(
    r"(?:the\s+)?((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z]|al-)[\w'’-]*){0,4}\s+(?:Hospital|Clinic|Medical\s+Cent(?:er|re)|"
    r"University|Prison|Airport))"
)
# A state body named as an establishment or company, its kind anywhere in the name: "the Syrian General Establishment
# for Grain Trade", "the Syrian Petroleum Company" (neither an ORG_WORDS body nor the country's government)
_NAMED_ESTABLISHMENT_RE = re.compile(
    r"(?:the\s+)?((?:(?:[A-Z]|al-)[\w'’-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,4}(?:Establishment|Company|"
    r"Corporation|Institution|Enterprise|Refinery)(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?(?:[A-Z]|al-)[\w'’-]*){0,4})"
)
_MONITOR_RE = re.compile(r"\bmonitor(?:ing\s+group)?\b")
_FIELD_RE = re.compile(r"\b(?:commander|officer|soldier)s?\b")
_NOT_ARMY_RE = re.compile(r"\b(?:rebel|opposition|militia|faction|insurgent|jihadist|tribal|kurdish|druze|police)\b")
_MILITARY_WORD_RE = re.compile(r"\b(?:military|army|defen[cs]e)\b")
_GOVERNMENT_WORD_RE = re.compile(
    r"\b(?:officials?|diplomats?|government|source|sources|security|ministers?|lawmakers?|presidential|advis[eo]rs?)\b"
)
# a source placed in a capital by "in": the city may only be where the source is (Beirut and Amman bureaus cover Syria)
_SOURCE_IN_CITY_RE = re.compile(
    r"\bsources?\s+in\s+(?:Beirut|Moscow|Damascus|Ankara|Tehran|Baghdad|Amman|Washington|Cairo|Riyadh|Doha|Jerusalem|"
    r"Erbil|Istanbul|Brussels|Geneva|Paris|London|Berlin)$"
)
_DIPLOMAT_IN_CITY_RE = re.compile(r"\bdiplomats?\s+(in\s+[A-Z][\w'’-]+)$")
# "A French diplomat", "a senior Qatari diplomat": a diplomat serves the foreign ministry of the country named
_COUNTRY_DIPLOMAT_RE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree)\s+(?:senior\s+)?[A-Z][\w-]*\s+diplomats?()$")
# A place after the named body: "at the X Center in Beirut", "of the Y Council in Deir ez-Zor" (not "in the Z").
_SEAT_RE = re.compile(r"(?<=[a-z])\s+in\s+([A-Z][\w'’-]+(?:\s+(?:[A-Z]|[ae][lz]-)[\w'’-]+)?)$")
_UNNAMED = Speaker("unnamed sources", "", False)
# Common people placed in a city or country by "in" (lower-case words only before it, so no body is named there).
_PEOPLE_IN_PLACE_RE = re.compile(r"((?:[A-Za-z][a-z'’-]*\s+){0,3}[A-Za-z][a-z'’-]*)\s+in\s+(?:the\s+)?[A-Z][\w'’ -]*$")
_MINISTRY_MEMBER_RE = re.compile(r"(?i:an?|one)\s+(?:senior\s+)?ministry\s+(?:official|source|spokes\w+)$")
_EXPERTS_RE = re.compile(r"\b(?:experts?|analysts?|researchers|scientists|academics|economists)\b")
_ACTIVISTS_RE = re.compile(r"\bactivists?\b")


def is_unnamed(head: str) -> bool:
    if head.lower().startswith("the ") or not _UNNAMED_RE.search(head):
        return False
    if _INDEFINITE_MEMBER_RE.match(head) or _DIPLOMAT_IN_CITY_RE.search(head):
        return True  # "an economist at Damascus University", "An Iranian diplomat in Beirut": an unnamed member
    capitals = [w for w in head.split()[1:] if w[:1].isupper() and not country_of(w) and w not in _PLATFORMS]
    if capitals:
        capitals = [w for w in capitals if w.lower() not in REGION_ADJECTIVES]  # "A Western diplomat": no name
    if len(capitals) == 1 and _TRADE_PEOPLE_RE.search(head) and not is_known_org(capitals[0]) \
            and not is_org_like(capitals[0]):
        return True  # "A Gaziantep trader": a place, then someone's trade, no body
    return not capitals or bool(_SOURCE_WORD_RE.search(head))


# People by their trade or standing, after a place that only says where they are: "A Gaziantep trader"
_TRADE_PEOPLE_RE = re.compile(
    r"\s(?:traders?|merchants?|shopkeepers?|residents?|farmers?|teachers?|doctors?|nurses?|drivers?|vendors?|"
    r"grocers?|bakers?|butchers?|businessm[ae]n|businesswom[ae]n|pharmacists?|engineers?|workers?|students?|"
    r"mothers?|fathers?|parents?|shepherds?|fisherm[ae]n)$"
)


_FEDERAL_PROSECUTORS_RE = re.compile(r"(?:[Tt]he\s+)?[Ff]ederal\s+prosecutors")


# An unnamed member of the body the text just quoted, by its kind word: "A volunteer with the group", "an engineer
# at the company", "a worker for the agency"
_MEMBER_OF_GENERIC_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z]+\s+)?[a-z]+\s+(?:with|at|for|from|of|in)\s+the\s+"
    r"(?:group|organi[sz]ation|agency|company|firm|contractor|ministry|charity|council|department|directorate)"
)


def resolve_unnamed(ctx: DocumentContext, pos: int, head: str) -> Speaker:
    """'a Pentagon spokesperson' -> the Pentagon; 'a senior Turkish official' -> Turkish government."""
    if head[-11:] == "prosecutors" and ctx.country and _FEDERAL_PROSECUTORS_RE.fullmatch(head):
        # "Federal prosecutors had said" before a German court: the state's federal prosecution, a body (bare
        # "prosecutors" stay unnamed, as own/ ad03's)
        canon = canonical_org("the federal prosecutor's office", ctx.country)
        return Speaker(canon, canon, False)
    if head[:8] == "Kurdish " and _KURDISTAN_REGION_OFFICIALS_RE.fullmatch(head):
        return _KURDISTAN_REGIONAL_GOVERNMENT  # "Kurdish officials in Duhok": the region's government, not Syria's
    if "rescue" in head.lower() and _RESCUERS_RE.fullmatch(head) and (body := _rescue_body_near(ctx, pos)):
        return Speaker(body, body, False)  # "P, rescue workers said. The White Helmets said Q": its members
    again = _ANOTHER_RE.match(head)
    word = again.group(1).lower() if again else ""
    found = (ctx.last(word=word) or ctx.last(word=f"{word}s")) if again else None
    if found is not None:
        return found  # "a second source claimed": one more of the sources quoted before
    if _BARE_SPOKESPERSON_RE.fullmatch(head) and ctx.history:
        speaker = ctx.history[-1][0]
        if not speaker.is_person and speaker.org:
            return speaker  # 'The army said P. "Q," a spokesperson said': one of the body just quoted (its member)
    if _FORMER_MEMBER_RE.match(head):
        return _UNNAMED  # "A former air force officer said P": no longer a member, so not the body's voice
    relative = head.find(" who ")
    if relative > 0 and country_of(head[:relative]):
        head = head[:relative]  # "A Turkish official who follows the Syria file": whose official, not what he follows
    found = _named_body(ctx, pos, head) or _by_kind(ctx, pos, head)
    if found.name == "unnamed sources":
        if _MINISTRY_MEMBER_RE.fullmatch(head) and (ministry := _ministry_named_before(ctx, pos)):
            return Speaker(ministry, ministry, False)  # "The health ministry opened X. A ministry official said P"
        kind = _KIND_MEMBER_RE.fullmatch(head)
        quoted = ctx.last(person=False, word=kind.group(1)) if kind and kind.group(1) not in _NOT_KINDS else None
        if quoted is not None:
            return quoted  # "The Aleppo police command said P. A police source said Q": one of that body
        generic = _MEMBER_OF_GENERIC_RE.fullmatch(head) if " the " in head else None
        if generic is not None and (quoted_body := ctx.last(person=False)) is not None and quoted_body.org \
                and quoted_body.name == quoted_body.org:
            return quoted_body  # "The White Helmets said P. A volunteer with the group told X that Q": one of that body
        if _COMPANY_MEMBER_RE.fullmatch(head) and ctx.history and (company := company_named_before(ctx, pos)) \
                and ctx.history[-1][0].name == company:
            return ctx.history[-1][0]  # "the company's internal emails show P. A reply from a senior manager said Q"
        member = _BODY_MEMBER_RE.match(head)
        council = ctx.last(person=False, word=member.group(1)) if member else None
        if council is not None and member and council.name.lower().endswith(member.group(1)):
            return council  # "Nawa's local council said P ... Another council member said Q": one of that council
    return found


# A company's unnamed member by a company's role, or a paper from one: "a senior manager", "A reply from an executive"
_COMPANY_MEMBER_RE = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he)\s+(?:reply|response|email|e-mail|message|note|memo)\s+from\s+)?(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?:(?:senior|junior|regional|company)\s+)?(?:manager|executive|director|employee|supervisor)"
)
# An unnamed member of a local body by its kind: "Another council member", "a committee member"
_BODY_MEMBER_RE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(council|committee|board)\s+member\b")


# Kurdish officials placed in a city of Iraq's Kurdistan Region (its government's seat and provincial capitals)
_KURDISTAN_REGION_OFFICIALS_RE = re.compile(
    r"Kurdish\s+(?:officials?|authorities|(?:security\s+|government\s+)?sources?)\s+in\s+"
    r"(?:Erbil|Duhok|Dohuk|Sulaimaniyah|Sulaymaniyah|Zakho|Halabja)"
)
_KURDISTAN_REGIONAL_GOVERNMENT = Speaker("Kurdistan Regional Government", "Kurdistan Regional Government", False)
_RESCUERS_RE = re.compile(r"(?:[Tt]he\s+)?(?:[Ll]ocal\s+)?[Rr]escue\s+(?:workers|teams|crews|volunteers)")
_RESCUE_BODY_RE = re.compile(r"\b(?:White\s+Helmets|(?:Syria|Syrian)\s+Civil\s+Defen[cs]e)\b")


def _rescue_body_near(ctx: DocumentContext, pos: int) -> str:
    """The civil defence named before pos or in the next 400 characters (the sentence after), canonical; or ""."""
    found = _RESCUE_BODY_RE.search(ctx.text, max(0, pos - 3000), min(len(ctx.text), pos + 400))
    return canonical_org(found.group()) if found else ""


def _state_source_in_capital(head: str) -> bool:
    """'a security source in Damascus': a state's own kind of source, in that state's capital."""
    seat = _STATE_SOURCE_RE.search(head.lower())
    return seat is not None and seat.group(1) in _CAPITAL_COUNTRY


# Envoys at an international body speak for their states, which the mention does not name
_DIPLOMATS_AT_BODY_RE = re.compile(
    r"\b(?:[Dd]iplomats?|[Ee]nvoys?|[Dd]elegates?)\s+(?:at|to)\s+the\s+(?:UN\b|U\.N\.|United\s+Nations|Security\s+Council|"
    r"European\s+Union|EU\b|Arab\s+League|African\s+Union|NATO\b|OPCW\b)"
)


def _named_body(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """The body the source is named as a member of: an embassy's country, an alias, "a spokesperson for X"."""
    embassy = _EMBASSY_RE.search(head)
    if embassy and country_of(embassy.group(1)):
        canon = canonical_org(f"{country_of(embassy.group(1))} embassy")  # not the city it sits in
        return Speaker(canon, canon, False)
    if _SOURCE_IN_CITY_RE.search(head) and not _state_source_in_capital(head):
        return _UNNAMED  # "informed sources in Beirut", "a diplomatic source in Moscow": where they are, not whose
    if (" at " in head or " to " in head) and _DIPLOMATS_AT_BODY_RE.search(head):
        return _UNNAMED  # "Diplomats at the UN Security Council": member states' envoys, not the body's voice
    posted = _DIPLOMAT_IN_CITY_RE.search(head) or _COUNTRY_DIPLOMAT_RE.match(head)
    if posted is not None:
        # "a European diplomat in Damascus": where the diplomat serves, not whom; a country named serves that one
        country = country_of(head[: posted.start(1)])
        canon = canonical_org(f"{country} Ministry of Foreign Affairs") if country else ""
        return Speaker(canon, canon, False) if canon else _UNNAMED
    located = _PEOPLE_IN_PLACE_RE.match(head) if " in " in head else None
    people = located.group(1).lower() if located else ""
    if located and not _GOVERNMENT_WORD_RE.search(people) and not _MILITARY_WORD_RE.search(people):
        head = located.group(1)  # "traders in Damascus", "residents in Kabul": where they are, not whose members
    seat = _SEAT_RE.search(head)
    if seat and is_known_org(seat.group(1)) and is_org_like(head[: seat.start()]):
        # "an analyst at the Carnegie Middle East Center in Beirut": where the body sits, not Lebanon's government
        head = head[: seat.start()]
    article = max(head.rfind(" a "), head.rfind(" an "))
    if article > 0 and head[:article].rpartition(" ")[2] in _PLACE_PREPOSITIONS \
            and _INDEFINITE_PLACE_RE.fullmatch(head, article + 1):
        return _UNNAMED  # "a broker at a Damascus firm": one of many such places, none named, so no body's voice
    alias = alias_inside(head)
    lower = head.lower()
    if alias and alias.endswith(" government") and _MILITARY_WORD_RE.search(lower) and not _NOT_ARMY_RE.search(lower):
        # "A US defense official": the country's military, not its government
        alias = canonical_org(f"{country_of(head) or alias.removesuffix(' government')} military")
    if alias:
        return Speaker(alias, alias, False)
    acronym = _ACRONYM_MEMBER_RE.fullmatch(head)
    if acronym and not country_of(acronym.group(1)) and acronym.group(1) not in _STATE_ACRONYMS:
        # ("the Foreign, Commonwealth and Development Office (FCDO)": the name the text gave with the acronym)
        canon = canonical_org(name_defined_for(ctx.text, acronym.group(1), pos) or acronym.group(1))
        return Speaker(canon, canon, False)  # "A FIFA spokesperson said P": one of the body its acronym names
    if _UNNAMED_OUTLET_RE.search(head):
        return Speaker("unnamed sources", "", False)  # "a Turkish pro-government newspaper"
    domain = _DOMAIN_MINISTRY_MEMBER_RE.fullmatch(head)
    if domain is not None:
        # "A culture ministry official said P": one of the culture ministry, the country's as "the culture ministry"
        canon = ministry_of_the_country(ctx, pos, f"{domain.group(1)} ministry")
        if canon:
            return Speaker(canon, canon, False)
    if _MINISTRY_MEMBER_RE.match(head):
        ministry = _ministry_of_member(ctx, pos)
        if ministry is not None:
            return ministry
    return _body_after_preposition(ctx, pos, head)


def _ministry_of_member(ctx: DocumentContext, pos: int) -> Speaker | None:
    """'a ministry official' after "the interior ministry said": one of the ministry quoted or named before."""
    quoted = ctx.last(person=False, word="ministry")
    if quoted is not None:
        return quoted
    named = ctx.org_before(pos, "ministry") or _country_ministry_before(ctx, pos)
    return Speaker(named, named, False) if named else None


_DOMAIN_MINISTRY_MEMBER_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:senior\s+)?([a-z]{4,})\s+ministry\s+(?:official|source|spokes(?:man|woman|person))"
)
_PLACE_PREPOSITIONS = frozenset(["at", "of", "for", "from", "with", "in"])
_INDEFINITE_PLACE_RE = re.compile(
    r"(?:an?|one)\s+(?:[\w'’-]+\s+){0,2}(?:firm|company|brokerage|bank|shop|store|bakery|clinic|hospital|school|"
    r"market|factory|pharmacy|restaurant|hotel|office)"
)


# A firm by its kind in lower case, then its name: "Beirut-based consultancy Qasioun Economics", "the bank X"
_KIND_THEN_NAME_RE = re.compile(
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:firm|company|consultancy|brokerage|think\s+tank)\s+"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
)


def _body_after_preposition(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """'a spokesperson for X', 'an official at X': the body X, resolved in the document; None if there is none."""
    org = _ORG_AFTER_RE.search(head)
    if not org:
        return None
    inner = org.group(1)
    place = _NAMED_INSTITUTION_RE.fullmatch(inner) if inner[-1:].islower() else None
    if place is None and inner[-1:].islower():
        place = _NAMED_ESTABLISHMENT_RE.fullmatch(inner)
    if place is not None:
        # "medical sources at the al-Furat National Hospital": the hospital by its name (a place, not an ORG_WORDS
        # body, so named_org does not know it)
        return Speaker(place.group(1), place.group(1), False)
    resolved = defined_acronym(ctx, pos, inner) or named_org(ctx, pos, inner)  # "a source at the JAF General Command"
    named = _KIND_THEN_NAME_RE.fullmatch(inner) if not resolved and " " in inner else None
    if named is not None:
        resolved = canonical_org(named.group(1))  # "Analysts at Beirut-based consultancy X": the firm by its name
    if not resolved and inner.startswith("the ") and inner.count(" ") == 1 and not _STAFF_MEMBER_RE.match(head):
        # ("A nurse at the hospital, who asked not to be named": one of its staff, not its voice, so unnamed)
        quoted = ctx.last(person=False, word=inner[4:].lower())
        if quoted is not None:
            return quoted  # "an official at the directorate": the directorate quoted before
    owner = _OWNER_RE.match(inner)
    if not resolved and (inner == "the governorate" or (owner and owner.group(1).lower() == "governorate")):
        # "A spokesman for the governorate" after "the governor of Hama"; "an official in the governorate's housing
        # directorate" (a department of the governorate: its member speaks for it)
        resolved = governorate_before(ctx, pos)
    if not resolved and owner:
        # "the administration's economic committee": the administration named before
        resolved = ctx.org_before(pos, owner.group(1).lower()) or modified_alias_before(ctx, pos, owner.group(1))
    if not resolved and owner and owner.group(1).lower() in GENERIC_ORG_NOUNS:
        # "a spokesperson for the group's media office": the group named earlier in the sentence, or quoted last
        last_org = ctx.last(person=False)
        resolved = ctx.org_before(pos, "", floor=ctx.sentence_start(pos)) or (last_org.name if last_org else "")
    return Speaker(resolved, resolved, False) if resolved else None


# A country's ministry in lower case, unquoted: "Turkey's defence ministry did not respond to a request for comment"
_COUNTRY_MINISTRY_RE = re.compile(r"\b([A-Z][\w-]*(?:['’]s)?)\s+((?:[a-z]+\s+){1,2}ministry)\b")


def _country_ministry_before(ctx: DocumentContext, pos: int) -> str:
    """The last country's ministry named in the 600 characters before pos, as the canonical body, or ""."""
    floor = max(0, pos - 600)
    if ctx.text.find("ministry", floor, pos) < 0:
        return ""
    found = [m for m in _COUNTRY_MINISTRY_RE.finditer(ctx.text, floor, pos) if country_of(m.group(1))]
    return canonical_org(f"{country_of(found[-1].group(1))} {found[-1].group(2)}") if found else ""


_OUTSIDE_SOURCE_RE = re.compile(r"\b(?:regional|western|foreign|international)\b")


def _by_kind(ctx: DocumentContext, pos: int, head: str) -> Speaker:
    """No body named: the kind of source and its country ("a military source", "a senior Turkish official")."""
    country = country_of(head)
    lower = head.lower()
    if not country and _GOVERNMENT_BODY_RE.match(lower):
        # "a government commission of inquiry said": the government the text is about (as for "the Ministry of X")
        country = country_of(sentence_of(ctx, pos)) or ctx.country or "Syrian"
    # ("a regional security source", "a Western security source": from outside the state the text is placed in)
    seat = _STATE_SOURCE_RE.search(lower) if not country and not _OUTSIDE_SOURCE_RE.search(lower) else None
    if seat is not None and seat.group(1) in _CAPITAL_COUNTRY:
        # "a security source in Damascus told Al-Watan": a state's own source, placed in its capital
        country = _CAPITAL_COUNTRY[seat.group(1)]
    if not country and seat is not None:
        # "a security source said" under "PALMYRA, Syria (AFP) –": one unnamed member of the dateline's state
        # (guideline: an indefinite unnamed member is the organisation; bare "security sources" stay unnamed)
        country = ctx.country
    if _MONITOR_RE.search(lower) and " and " not in lower:  # not "a war monitor and local media": a mixed group
        return Speaker("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", False)
    field = _FIELD_RE.search(lower) and not _NOT_ARMY_RE.search(lower)
    military = field or (_MILITARY_WORD_RE.search(lower) and not _INDUSTRY_RE.search(lower))
    if military and " and " not in lower:  # not "the military and diplomatic"; not "the defence industry"
        # the source's own side: its words, the dateline, the outlet it spoke to, before the content's countries
        sentence_country = (
            country or _outlet_country(ctx, pos) or ctx.country or country_of(sentence_of(ctx, pos)) or "Syrian"
        )
        canon = canonical_org(f"{sentence_country} military")
        return Speaker(canon, canon, False)
    if country and ("ministry" in lower or "foreign office" in lower):
        # "A Syrian interior ministry spokesman": that ministry ("a German foreign office spokesperson": its foreign
        # ministry, by the name Germany and Britain give it)
        canon = canonical_org(head)
        return Speaker(canon, canon, False)
    if country and _GOVERNMENT_WORD_RE.search(lower):
        canon = canonical_org(f"{country} government")
        return Speaker(canon, canon, False)
    groups = lower.split(" and ")  # "Activists and local journalists" is a mixed group: unnamed sources
    if all(_EXPERTS_RE.search(group) for group in groups):
        return Speaker("experts", "", False)
    if all(_ACTIVISTS_RE.search(group) for group in groups):
        return Speaker("unnamed activist", "", False)
    return Speaker("unnamed sources", "", False)


# One unnamed member of "the ministry", no kind or country said: "A ministry official", "a senior ministry source"
_MINISTRY_MEMBER_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:senior\s+)?ministry\s+(?:official|source|spokes(?:man|woman|person))"
)
_MINISTRY_NAMED_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:([A-Za-z][a-z]+)\s+[Mm]inistry|Ministry\s+of\s+[A-Z][a-z]+(?:\s+Affairs)?)\b"
)


def _ministry_named_before(ctx: DocumentContext, pos: int) -> str:
    """The last ministry named by its kind in the 1,000 characters before pos ("the agriculture ministry",
    "the Ministry of Health"), canonical; "" when none is."""
    last = None
    for m in _MINISTRY_NAMED_RE.finditer(ctx.text, max(0, pos - 1000), pos):
        if m.group(1) is None or m.group(1).lower() not in ("the", "a", "an", "this", "that", "each", "every"):
            last = m
    if last is None:
        return ""
    canon = canonical_org(last.group(), ctx.country or "Syrian")
    return canon if "Ministry" in canon else ""  # (a canonical ministry name, not the phrase as written)


# One unnamed member of a body by its kind: "A police source", "a customs official"
_KIND_MEMBER_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:senior\s+)?([a-z]+)\s+(?:official|source|spokes(?:man|woman|person))"
)
_NOT_KINDS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that", "another", "second", "third"])
# One unnamed member of a body by its acronym: "A FIFA spokesperson", "a senior OPEC official"
_ACRONYM_MEMBER_RE = re.compile(
    r"(?:[Aa]n?|[Oo]ne)\s+(?:senior\s+)?([A-Z]{3,})\s+(?:official|spokes(?:man|woman|person))"
)
_STATE_ACRONYMS = frozenset(["UAE", "USA", "KSA", "DPRK", "PRC", "ROK"])  # a state's official is its government's
_FORMER_MEMBER_RE = re.compile(r"(?i:an?|one|two|three|several|some)\s+(?:former|ex-|retired)\s*\w")
_BARE_SPOKESPERSON_RE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s+spokes(?:man|woman|person)")
_ANOTHER_RE = re.compile(
    r"(?i:another|an\s+other|one|a\s+(?:second|third|fourth|fifth))\s+(source|official|diplomat)\b"
)  # ("one official said" after "officials said": one of them)
_EMBASSY_RE = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:embassy|consulate|mission)\b", re.I)
_GOVERNMENT_BODY_RE = re.compile(
    r"(?:an?|one)\s+(?:[\w-]+\s+)?government\s+(?:commission|committee|body|panel|inquiry)\b"
)
_INDUSTRY_RE = re.compile(r"\b(?:industry|industrial|manufacturer|contractor)s?\b")
_STATE_SOURCE_RE = re.compile(
    r"^(?:an?|one)\s+(?:[\w-]+\s+)?(?:security|government|intelligence|official|administration)\s+(?:source|official)"
    r"(?:\s+in\s+([a-z][\w'’-]+(?:\s+[a-z][\w'’-]+)?))?$"  # "a government official in Sweida" (lower-cased head)
)
_CAPITAL_COUNTRY = {"damascus": "Syrian", "moscow": "Russian", "ankara": "Turkish", "tehran": "Iranian",
                    "baghdad": "Iraqi", "beirut": "Lebanese", "amman": "Jordanian", "cairo": "Egyptian",
                    "riyadh": "Saudi", "washington": "US", "jerusalem": "Israeli",
                    # Syria's governorate seats: "A security official in Daraa" (the state's, in a city it governs)
                    **dict.fromkeys(["aleppo", "homs", "hama", "latakia", "tartus", "idlib", "raqqa", "deir ez-zor",
                                     "hasakah", "daraa", "sweida", "quneitra"], "Syrian")}

_OUTLET_COUNTRY = {
    "sana": "Syrian",
    "tass": "Russian",
    "ria": "Russian",
    "sputnik": "Russian",
    "interfax": "Russian",
    "anadolu": "Turkish",
    "trt": "Turkish",
    "irna": "Iranian",
    "fars": "Iranian",
    "tasnim": "Iranian",
}


def _outlet_country(ctx: DocumentContext, pos: int) -> str:
    """'a military source told SANA': a state outlet's own country."""
    sentence = sentence_of(ctx, pos)
    state = _STATE_MEDIA_RE.search(sentence)
    if state and country_of(state.group(1)):
        return country_of(state.group(1))  # "Syrian state media quoted a military source"
    for word in WORDS_RE.findall(sentence.lower()):
        if word in _OUTLET_COUNTRY:
            return _OUTLET_COUNTRY[word]
    return ""


_STATE_MEDIA_RE = re.compile(
    r"\b([\w'’]+)\s+(?:state(?:-run)?|official|government)\s+(?:media|television|tv|news\s+agency)", re.I
)
