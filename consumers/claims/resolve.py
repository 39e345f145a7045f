"""Speaker mentions -> canonical speakers, with the document as context (claim annotation guideline, "Speaker").

Pronouns and definite descriptions ("he", "the spokesman", "the board") go back to the speaker or organisation
they refer to; surnames go to the fullest name used earlier; unnamed members of an organisation become the
organisation; other unnamed sources become "unnamed sources".
"""

import bisect
import re

from consumers.claims.context import CAPITAL_RUN_RE, HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.sources import PRONOUNS, SOURCE_NOUNS
from consumers.claims.speakers import (
    ORG_ALIASES,
    TITLES,
    canonical_org,
    canonical_speaker,
    country_of,
    is_known_org,
    norm_key,
)

PERSON_ROLES = frozenset(
    [
        "spokesman", "spokeswoman", "spokesperson", "relative", "neighbour", "neighbor", "eyewitness", "survivor",
        "general", "colonel", "major", "captain", "lieutenant",
        "sergeant", "minister", "official", "researcher", "envoy", "ambassador", "president", "commander", "chief",
        "head", "farmer", "doctor", "analyst", "counsellor", "counselor", "director", "officer", "deputy",
        "secretary", "governor", "mayor", "leader", "man", "woman", "resident", "activist", "journalist", "witness",
        "lawyer", "father", "mother", "professor", "diplomat", "premier", "chairman", "negotiator",
        "co-chair", "co-chairman", "co-chairwoman", "chair", "chairwoman", "representative", "coordinator", "founder",
        "adviser", "advisor", "neighbour", "neighbor",
    ]
)
_DOCUMENT_HEADS_EXTRA = frozenset(
    [
        "quote", "quotation", "caption", "headline", "slogan",
        "count", "tally", "estimate", "estimates", "survey", "study", "assessment", "analysis", "investigation",
        "census", "database", "record", "records", "statistics",
    ])
_DOCUMENT_HEADS = _DOCUMENT_HEADS_EXTRA | frozenset(
    [
        "statement", "statements", "letter", "letters", "figures", "data", "report", "text", "note", "notice",
        "message", "communique", "communiqué", "post", "website", "release", "document", "account", "tweet",
    ]
)
_ORG_TYPES = {
    "monitor": "Syrian Observatory for Human Rights", "observatory": "Syrian Observatory for Human Rights",
    "war monitor": "Syrian Observatory for Human Rights", "coalition": "US-led coalition",
    "kremlin": "Russian government", "pentagon": "US Department of Defense",
}
_NAME_PART_RE = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|la|le)(?:-[\w'’-]+)?)$")
_NAME_BEFORE_RE = re.compile(r"((?:[«“\"‘']?(?:[A-Z][\w'’-]*|al-[\w'’-]+)[»”\"’']?\s+){1,6})$")
_UNNAMED_RE = re.compile(
    r"^(?:an?|one|two|three|several|some|many|other|local|unnamed|anonymous|both|all)\b|\bsources?\b", re.I)


def resolve_mention(ctx: DocumentContext, start: int, end: int, head_end: int) -> Speaker:
    """The canonical speaker behind the mention text[start:end] (head text[start:head_end], then an apposition)."""
    head = " ".join(ctx.text[start:head_end].split()).strip(" ,")
    appos = " ".join(ctx.text[head_end:end].split()).strip(" ,")
    if _is_role(head) and re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al-[\w'’-]+)){1,4}", appos):
        # "The UN envoy for Syria, Geir Pedersen": the name is the head, the role gives the organisation
        return _named(ctx, start, appos, "", org_hint=_org_from_phrase(ctx, start, head, whole=True))
    lower = _OBJECT_PRONOUNS.get(head.lower(), head.lower())
    words = WORDS_RE.findall(lower)
    if not words:
        return Speaker("unnamed sources", "", False)
    if lower in PRONOUNS:
        return _pronoun(ctx, lower, start)
    if words[0] in ("its", "their") and len(words) > 1 and _person_name(head.split()[1:])[0]:
        org = ctx.org_before(start, "")  # "Its director Rami Abdel Rahman": the name speaks for the organisation
        return _named(ctx, start, " ".join(head.split()[1:]), appos, org_hint=org)
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _SPEAKS_FOR_OWNER:
        return _pronoun(ctx, "he" if words[0] == "his" else "she", start)  # "his office said": the person speaks
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in PERSON_ROLES | SOURCE_NOUNS:
        return Speaker("unnamed sources", "", False)  # "her neighbour agreed": unnamed
    if words[0] in ("its", "their") and len(words) > 1:
        org = ctx.org_before(start, "")  # "its commanders": the organisation named just before
        if org:
            return Speaker(org, org, False)
    members = _MEMBERS_OF_RE.match(head)
    member = members.group(2) if members else ""
    if members and member not in ORG_WORDS and (is_known_org(members.group(1)) or _org_like(members.group(1))) and (
            member in SOURCE_NOUNS or member.removesuffix("s") in SOURCE_NOUNS):
        canon = _org_with_context(ctx, start, members.group(1))  # "The OPCW's investigators": the organisation
        return Speaker(canon, canon, False)
    if _COUNTRY_MEDIA_RE.match(head) and country_of(head.split()[0]):
        return Speaker("unnamed sources", "", False)  # "Syrian media reported": unnamed outlets
    if _is_common_plural(words) and not _has_proper_name(_before_preposition(head)):
        return _unnamed(ctx, start, head)
    if words[-1].removesuffix("'s").removesuffix("’s") in _DOCUMENT_HEADS or _is_document_phrase(words):
        return _document(ctx, start, head)
    if _is_unnamed(head):
        return _unnamed(ctx, start, head)
    if words[0] == "the" and not _has_proper_name(head):
        return _definite(ctx, start, head, words)
    return _named(ctx, start, head, appos)


_TITLE_WORDS = (TITLES | PERSON_ROLES) - {"foreign", "defense", "defence", "interior", "justice"}
_GENERIC_ORG_NOUNS = frozenset([
    "group", "groups", "force", "forces", "organisation", "organization", "militia", "movement", "faction", "body",
    "alliance", "administration", "authority", "authorities", "charity", "agency", "monitor", "outfit", "network",
])
_MEMBERS_OF_RE = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w'’ -]{1,60}?)['’]s\s+([a-z][\w-]*)$")
_SPEAKS_FOR_OWNER = frozenset(["office", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "aides", "lawyer",
                               "lawyers", "representative", "representatives", "campaign", "bureau"])
_COUNTRY_MEDIA_RE = re.compile(r"^[\w'’-]+\s+(?:media|press|outlets|newspapers|websites|channels)$", re.I)
_DESTINATION_RE = re.compile(r"\b(?:for|to|in|on)\s+(?:the\s+)?[A-Z][\w'’-]*")
_UNNAMED_OUTLET_RE = re.compile(
    r"^(?i:an?|one|some|several)\b[\w\s'’-]{0,60}?\b(?:newspaper|daily|outlet|channel|website|broadcaster|tv|radio|"
    r"television|magazine|news\s+site|blog)s?$")
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}


def _is_role(head: str) -> bool:
    words = WORDS_RE.findall(head.lower())
    if words and words[0] in ("the", "a", "an") and words[-1] in PERSON_ROLES:
        return True  # "the Deputy Regional Humanitarian Coordinator": capitalised, but a role
    if words and words[0] in ("the", "a", "an", "its", "his", "her") and not _has_proper_name(head):
        return True
    return bool(set(words) & PERSON_ROLES and not _person_name(head.split())[0])


def _before_preposition(head: str) -> str:
    """'Residents of the Washokani camp' -> 'Residents': the group, whatever place it is from."""
    return re.split(r"\s+(?:of|in|at|from|on|near)\s+", head, maxsplit=1)[0]


def _is_common_plural(words: list[str]) -> bool:
    """'Experts', 'Local residents', 'Opposition activists': unnamed groups, not names."""
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "on", "in", "at", "from", "with")), len(words))
    words = words[:cut]  # "Posts on social media": the head is "posts"
    if words[0] == "the" or words[-1] in _DOCUMENT_HEADS:
        return False
    head = words[-1]
    known = head in SOURCE_NOUNS or head.removesuffix("s") in SOURCE_NOUNS or head.removesuffix("es") in SOURCE_NOUNS
    # any plural of a doer ("Protesters", "Humanitarian partners", "Demonstrators"): people, not an organisation
    doers = ("ers", "ors", "ants", "ents", "ists", "ians", "ees", "ners")
    known = known or (head.endswith(doers) and head not in ORG_WORDS)
    return len(words) <= 3 and known and head.endswith("s") and head not in (
        "forces", "news", "headquarters", "authorities", "units", "brigades", "factions", "militias")


def _pronoun(ctx: DocumentContext, pronoun: str, pos: int) -> Speaker:
    person = pronoun in ("he", "she", "i")
    if pronoun in ("it", "they"):
        subject = _previous_subject_org(ctx, pos)
        if subject:
            return Speaker(subject, subject, False)
    if pronoun == "they" and ctx.history:
        speaker, mention = ctx.history[-1]
        head = WORDS_RE.findall(mention.lower())
        if not speaker.org and not speaker.is_person and len(head) > 1 and head[-2].endswith("s"):
            return speaker  # "local residents said. The tribes, they said, ...": the group quoted just before
    found = ctx.last(person=person)
    if person:
        # a person introduced after the last quoted person is the likelier "he": 'Ali, a farmer, lost his home.'
        newer = ctx.person_before(pos, after=ctx.last_person_pos if found else -1)
        if newer is not None:
            known = ctx.people.get(newer.name.split()[-1].lower())
            found = known if known is not None and known.name == newer.name else newer
    return found or ctx.last() or Speaker("unnamed sources", "", False)


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…][\"”’»)]*\s+|\n\s*)(?=[A-Z\"“])")


def _previous_subject_org(ctx: DocumentContext, pos: int) -> str:
    """'State news agency SANA gave a lower toll. It said ...': "it" opening a sentence is the subject before."""
    text = ctx.text
    start = pos
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start > 0 and text[start - 1] not in ".!?\n\"”’»":
        return ""  # only a sentence-initial pronoun
    window_start = max(0, start - 400)
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(text, window_start, max(window_start, start - 1))]
    if not starts:
        return ""
    m = CAPITAL_RUN_RE.match(text, starts[-1])
    if not m:
        return ""
    surface = re.sub(r"^(?:The|the)\s+", "", m.group())
    prefix = text[starts[-1] : m.start()]
    if prefix.strip() or surface in ("It", "They", "He", "She", "The"):
        return ""
    words = text[starts[-1] : m.end() + 40].split()
    head = " ".join(words[:6])
    if is_known_org(surface) or _org_like(surface):
        return _org_with_context(ctx, starts[-1], surface)
    alias = _alias_inside(head, min_words=1)
    if alias and re.match(r"(?:[Ss]tate\s+)?(?:news\s+agency|media|television)\s+[A-Z]", " ".join(words[:4])):
        return alias  # "State news agency SANA gave a lower toll."
    return ""


def _is_document_phrase(words: list[str]) -> bool:
    """'a statement posted on ...', 'the joint statement of the guarantor countries'."""
    if not words or words[0] not in ("a", "an", "the"):
        return False
    return any(w in _DOCUMENT_HEADS for w in words[1:4])


def _document(ctx: DocumentContext, pos: int, head: str) -> Speaker:
    """'the Defense Ministry's statement', 'A statement posted on X's website', 'the letters'."""
    for m in CAPITAL_RUN_RE.finditer(head):
        surface = m.group()
        if surface.lower() not in ("a", "the", "an") and (is_known_org(surface) or _org_like(surface)):
            canon = _org_with_context(ctx, pos, surface)
            return Speaker(canon, canon, False)
    issuer = re.search(r"\b(?:from|by|of)\s+((?:the\s+)?[\w'’ -]{2,60})$", head)
    if issuer and not re.search(r"\b(?:statement|letter|report)s?\b", issuer.group(1)):
        found = resolve_mention(ctx, pos + issuer.start(1), pos + issuer.end(1), pos + issuer.end(1))
        if found.is_person or is_known_org(found.name):
            return found  # "a statement from the army"; not "the statement of the guarantor countries"
    noun = next((w for w in WORDS_RE.findall(head.lower()) if w in _DOCUMENT_HEADS), "")
    named_it = ctx.last(word=noun) if noun else None
    if named_it is not None and named_it.org:
        return named_it  # "X said in a report ... The report accuses ..."
    noun = WORDS_RE.findall(head.lower())[-1]
    earlier = ctx.text.rfind(noun, max(0, pos - 5000), pos)
    canon = ctx.first_org_in_sentence_of(earlier if earlier >= 0 else pos)
    last_org = ctx.last(person=False)
    if last_org is not None and (not canon or ctx.history):
        return last_org
    return Speaker(canon or "unnamed sources", canon, False)


def _org_like(surface: str) -> bool:
    return bool({w.lower() for w in WORDS_RE.findall(surface)} & ORG_WORDS)


def _has_proper_name(head: str) -> bool:
    """A capitalised word other than the first, a country adjective or a "Britain-based"-style modifier."""
    for word in head.split()[1:]:
        if word.lower().strip(",.") in _TITLE_WORDS:
            continue  # "the Special Envoy", "the Deputy Head": capitalised titles, not names
        if word[:1].isupper() and not country_of(word) and not re.search(r"-(?:based|led|backed|run|born)$", word):
            return True
    return False


def _is_unnamed(head: str) -> bool:
    if head.lower().startswith("the ") or not _UNNAMED_RE.search(head):
        return False
    if re.match(r"(?i:an?|one)\s+(?:\d[\w-]*\s+)?[a-z]", head):
        return True  # "an economist at Damascus University": an unnamed member (guideline)
    capitals = [w for w in head.split()[1:] if w[:1].isupper() and not country_of(w)]
    return not capitals or bool(re.search(r"\b(?:sources?|officials?|member|spokes\w+)\b", head, re.I))


def _unnamed(ctx: DocumentContext, pos: int, head: str) -> Speaker:
    """'a Pentagon spokesperson' -> the Pentagon; 'a senior Turkish official' -> Turkish government."""
    alias = _alias_inside(head)
    if alias:
        return Speaker(alias, alias, False)
    if _UNNAMED_OUTLET_RE.search(head):
        return Speaker("unnamed sources", "", False)  # "a Turkish pro-government newspaper"
    org = re.search(r"\b(?:at|of|for|from|with|in|within|close to)\s+((?:the\s+)?[\w'’ -]{2,60})$", head)
    if org:
        inner = org.group(1)
        resolved = _named_org(ctx, pos, inner)
        owner = re.match(r"the\s+([\w-]+)['’]s\s", inner)
        if not resolved and owner:
            # "the administration's economic committee": the administration named before
            resolved = ctx.org_before(pos, owner.group(1).lower()) or _modified_alias_before(ctx, pos, owner.group(1))
        if resolved:
            return Speaker(resolved, resolved, False)
    alias = _alias_inside(head)
    if alias:
        return Speaker(alias, alias, False)
    country = country_of(head)
    lower = head.lower()
    if re.search(r"\bmonitor(?:ing\s+group)?\b", lower):
        return Speaker("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", False)
    field = re.search(r"\b(?:commander|officer|soldier)s?\b", lower) and not re.search(
        r"\b(?:rebel|opposition|militia|faction|insurgent|jihadist|tribal|kurdish|druze|police)\b", lower)
    if field or re.search(r"\b(?:military|army|defen[cs]e)\b", lower):
        # the source's own side: its words, the dateline, the outlet it spoke to, before the content's countries
        sentence_country = country or _outlet_country(ctx, pos) or ctx.country or country_of(
            _sentence_of(ctx, pos)) or "Syrian"
        canon = canonical_org(f"{sentence_country} military")
        return Speaker(canon, canon, False)
    if country and re.search(r"\b(?:officials?|diplomats?|government|source|sources|security|ministers?|lawmakers?)\b",
                             lower):
        canon = canonical_org(f"{country} government")
        return Speaker(canon, canon, False)
    if re.search(r"\b(?:experts?|analysts?)\b", lower):
        return Speaker("experts", "", False)
    if re.search(r"\bactivists?\b", lower):
        return Speaker("unnamed activist", "", False)
    return Speaker("unnamed sources", "", False)


_OUTLET_COUNTRY = {"sana": "Syrian", "tass": "Russian", "ria": "Russian", "sputnik": "Russian", "interfax": "Russian",
                   "anadolu": "Turkish", "trt": "Turkish", "irna": "Iranian", "fars": "Iranian", "tasnim": "Iranian"}


def _outlet_country(ctx: DocumentContext, pos: int) -> str:
    """'a military source told SANA': a state outlet's own country."""
    sentence = _sentence_of(ctx, pos)
    state = _STATE_MEDIA_RE.search(sentence)
    if state and country_of(state.group(1)):
        return country_of(state.group(1))  # "Syrian state media quoted a military source"
    for word in WORDS_RE.findall(sentence.lower()):
        if word in _OUTLET_COUNTRY:
            return _OUTLET_COUNTRY[word]
    return ""


_STATE_MEDIA_RE = re.compile(
    r"\b([\w'’]+)\s+(?:state(?:-run)?|official|government)\s+(?:media|television|tv|news\s+agency)", re.I)


def _modified_alias_before(ctx: DocumentContext, pos: int, noun: str) -> str:
    """'the administration' after 'The Kurdish-led administration that runs ...': a known alias with its modifier."""
    found = ""
    for m in re.finditer(rf"\b([\w'’-]+)\s+{re.escape(noun)}\b", ctx.text[max(0, pos - 3000) : pos]):
        phrase = f"{m.group(1)} {noun}"
        if is_known_org(phrase):
            found = canonical_org(phrase)
    return found


def _sentence_of(ctx: DocumentContext, pos: int) -> str:
    start = max(ctx.text.rfind(". ", max(0, pos - 400), pos), ctx.text.rfind("\n", max(0, pos - 400), pos), 0)
    ends = [e for e in (ctx.text.find(". ", pos, pos + 400), ctx.text.find("\n", pos, pos + 400)) if e > 0]
    return ctx.text[start : min(ends) if ends else pos + 200]


def _alias_inside(head: str, min_words: int = 1) -> str:
    """A known organisation named inside a longer mention: 'a member of the civil defence team in X'."""
    tokens = re.findall(r"[\w'’.-]+", head)
    for size in range(4, min_words - 1, -1):
        for i in range(len(tokens) - size + 1):
            chunk = " ".join(tokens[i : i + size])
            if chunk.lower() in ("a", "an", "the", "us", "it") or (country_of(chunk) and size == 1):
                continue
            if is_known_org(chunk):
                return canonical_org(chunk)
    return ""


def _definite(ctx: DocumentContext, pos: int, head: str, words: list[str]) -> Speaker:
    """'the spokesman' -> the person named before; 'the board' -> the organisation named before."""
    if is_known_org(head):
        canon = canonical_org(head, ctx.country)
        return Speaker(canon, canon, False)
    noun = words[-1]
    cut = next((i for i, w in enumerate(words) if i > 1 and w in ("of", "for", "at", "in", "to", "with")), 0)
    if cut and (words[cut - 1] in PERSON_ROLES or words[cut - 1] in TITLES):
        noun = words[cut - 1]  # "the deputy head of the center": a person, the head of something
    if any(w.startswith("monitor") for w in words[1:]):
        noun = "monitor"  # "the monitoring group", "the UK-based monitor"
    if noun in PERSON_ROLES or noun in TITLES:
        found = ctx.last(word=noun)
        country = country_of(head)
        if found is not None and country:
            mention = next((m for sp, m in reversed(ctx.history[-HISTORY_WINDOW:]) if sp == found), "")
            if _serves_elsewhere(found, mention, country):
                found = None  # "the Syrian minister" after Russia's foreign minister spoke: someone else
        if found is None and country:
            person, mention = ctx.last_with_mention(person=True)
            if person is not None and not _serves_elsewhere(person, mention, country):
                return person  # "According to the Russian diplomat": the envoy quoted just before
            canon = canonical_org(f"{country} government")  # "the Russian representative": a member of Russia's
            return Speaker(canon, canon, False)
        found = found or _name_near_role(ctx, pos, noun) or ctx.person_before(pos, after=ctx.last_person_pos) \
            or ctx.last(person=True)
        return found or Speaker("unnamed sources", "", False)
    if noun in ("source", "sources"):
        found = ctx.last(word=noun)
        if found:
            return found
    if len(words) >= 3:
        by_phrase = _last_org_with_phrase(ctx, " ".join(words[-2:]))
        if by_phrase is not None:
            return by_phrase  # "the security forces" -> the Asayish ("internal security forces") quoted before
    found_org = ctx.last(person=False, word=noun)
    if found_org:
        return found_org
    phrase = " ".join(w for w in head.split()[1:] if w[:1].islower())
    canon = ctx.org_before(pos, noun) or _antecedent_by_phrase(ctx, pos, phrase) or _ORG_TYPES.get(noun, "")
    if not canon and noun in ("army", "military", "troops"):
        canon = canonical_org(f"{country_of(_sentence_of(ctx, pos)) or ctx.country or 'Syrian'} army")
    if not canon and noun in _GENERIC_ORG_NOUNS:
        last_org = ctx.last(person=False)
        if last_org is not None:
            return last_org  # "the group said": the organisation quoted last
    canon = canon or canonical_org(head, ctx.country)
    return Speaker(canon, canon, False)


def _name_near_role(ctx: DocumentContext, pos: int, noun: str) -> Speaker | None:
    """'The UN Special Envoy for Syria, Geir Pedersen, ...' earlier: 'the Special Envoy' is Geir Pedersen."""
    floor = max(0, pos - 3000)
    at = pos
    for _ in range(3):
        at = _rfind_word(ctx.text, noun, floor, at)
        if at < 0:
            return None
        m = _NAME_AFTER_ROLE_RE.match(ctx.text, at + len(noun), min(len(ctx.text), at + len(noun) + 90))
        if m:
            name, _ = canonical_speaker(m.group(1))
            if len(name.split()) >= 2 and not is_known_org(name) and not country_of(name):
                known = ctx.people.get(name.lower())
                org = _org_from_phrase(ctx, at, ctx.text[max(floor, at - 40) : at + len(noun)], whole=True)
                return known or Speaker(name, org, True)
    return None


def _rfind_word(text: str, word: str, floor: int, end: int) -> int:
    """Last case-insensitive whole-word occurrence of word in text[floor:end], or -1 (bounded window)."""
    last = -1
    for m in re.finditer(rf"\b{re.escape(word)}\b", text[floor:end], re.I):
        last = floor + m.start()
    return last


_NAME_AFTER_ROLE_RE = re.compile(
    r"(?:\s+(?:for|of|to|in|on|the|and|[A-Z][\w'’-]*)){0,6}?,?\s+"
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)){1,4})(?=\s*[,)]|\s+[a-z])")


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
    own = _DESTINATION_RE.sub("", mention)  # "envoy for Syria", "ambassador to the UN": where, not whom, they serve
    found = country_of(own) or country_of(person.org)
    if found:
        return found != country
    return bool(person.org)


def _antecedent_by_phrase(ctx: DocumentContext, pos: int, phrase: str) -> str:
    """'the operations room' -> the 'al-Fateh al-Mubin operations room' named earlier."""
    if len(phrase) < 4:
        return ""
    at = ctx.text.rfind(phrase, max(0, pos - 4000), pos)
    if at < 0:
        return ""
    m = _NAME_BEFORE_RE.search(ctx.text, max(0, at - 80), at)
    if not m:
        return ""
    name = re.sub(r"[\"“”«»‘’']", "", m.group(1)).strip()
    return canonical_org(f"{name} {phrase}")


def _named(ctx: DocumentContext, pos: int, head: str, appos: str, org_hint: str = "") -> Speaker:
    tokens = head.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    name, prefix = _person_name(tokens)
    if not name:
        joined = " ".join(tokens)
        placed = _LOCATIVE_TAIL_RE.search(joined)
        if placed and is_known_org(joined[: placed.start()]):
            joined = joined[: placed.start()]  # "the Asayish in Hasakah": the organisation, not its branch
        role_of_org = set(WORDS_RE.findall(joined.lower())) & PERSON_ROLES | {"reporter", "correspondent"}
        canon = (_alias_inside(joined) if role_of_org & set(joined.lower().split()) else "") or \
            _org_with_context(ctx, pos, joined)
        if not is_known_org(canon):
            canon = _alias_inside(joined, min_words=2) or _unit_of_known_org(joined) or canon
        return Speaker(canon, canon, False)
    known = ctx.people.get(name.lower()) or ctx.people.get(name.split()[-1].lower())
    if known is not None and (len(name.split()) == 1 or known.name.endswith(name)):
        return known
    org = org_hint or _org_from_apposition(ctx, pos, appos) or _org_from_phrase(ctx, pos, prefix)
    canon_name, _ = canonical_speaker(name)
    if len(canon_name.split()) == 1 and canon_name == name:
        canon_name = _full_name_before(ctx, pos, name) or canon_name
    return Speaker(canon_name, org, True)


_NAME_LEAD_RE = re.compile(r"((?:(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)\s+){1,3})$")
_LOCATIVE_TAIL_RE = re.compile(r"\s+(?:in|at|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}$")


def _full_name_before(ctx: DocumentContext, pos: int, surname: str) -> str:
    """'Petrov said' after 'General Ivan Petrov': the fullest name used earlier (guideline), titles dropped."""
    best = ""
    floor = max(0, pos - 6000)
    at = ctx.text.find(surname, floor, pos)
    while at >= 0:
        after = ctx.text[at + len(surname) : at + len(surname) + 1]
        m = None if after.isalnum() else _NAME_LEAD_RE.search(ctx.text, max(floor, at - 80), at)
        at = ctx.text.find(surname, at + len(surname), pos)
        if m is None:
            continue
        words = [w for w in m.group(1).split() if w.lower() not in TITLES and w not in _CAPITALISED_STARTS]
        while words and (country_of(words[0]) or words[0].lower() in ORG_WORDS or is_known_org(words[0])):
            words.pop(0)
        if words and not any(w.lower() in ORG_WORDS for w in words):
            candidate = " ".join([*words, surname])
            if len(candidate) > len(best):
                best = candidate
    return best


_CAPITALISED_STARTS = frozenset(["The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "While", "After",
                                 "Before", "Earlier", "Later", "Meanwhile", "However", "According", "Speaking"])


_UNIT_WORDS = frozenset(
    [
        "press", "media", "office", "centre", "center", "command", "general", "department", "unit", "team", "branch",
        "wing", "bureau", "information", "public", "relations", "official", "website", "channel", "account",
        "spokesman", "spokesperson", "spokeswoman",
    ])


def _unit_of_known_org(surface: str) -> str:
    """'the SDF press office', 'the coalition media centre': an office of a known organisation speaks for it."""
    words = [w for w in WORDS_RE.findall(surface) if w.lower() not in ("the", "its", "'s")]
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), words[size:]
        if rest and is_known_org(head) and all(w.lower() in _UNIT_WORDS for w in rest):
            return canonical_org(head)
    return ""


def _person_name(tokens: list[str]) -> tuple[str, str]:
    """('Karen Ostrander', 'Pentagon spokeswoman Lieutenant Colonel') from the head's tokens; ('', '') for orgs."""
    if not tokens:
        return "", ""
    joined = " ".join(tokens)
    if is_known_org(joined) and len(tokens) <= 4:
        return "", ""
    run = len(tokens)
    while run > 0 and _NAME_PART_RE.match(tokens[run - 1].strip(",")):
        run -= 1
    name_tokens = tokens[run:]
    while len(name_tokens) > 1 and name_tokens[0].endswith(("'s", "’s")):
        name_tokens, run = name_tokens[1:], run + 1  # "Rudaw's Hiwa Jamal": the possessive is the employer
    # the name follows the last title, country or organisation word: "Syrian Information Minister Ziad Makari"
    stripped = max((i + 1 for i, t in enumerate(name_tokens[:-1]) if _is_title_or_org(t)), default=0)
    name_tokens = name_tokens[stripped:]
    if not name_tokens or any(_is_title_or_org(t) for t in name_tokens):
        return "", ""
    before = tokens[run + stripped - 1].lower() if run + stripped > 0 else ""
    possessive = before.endswith(("'s", "’s"))
    if before and before not in TITLES | PERSON_ROLES and not stripped and not country_of(before) and not possessive:
        titled = any(t.lower().strip(",.") in TITLES for t in tokens[:run])
        if titled and len(name_tokens) >= 3:
            # "Minister of the Displaced Issam Charafeddine": the title's object, then the name
            return " ".join(name_tokens[-2:]), " ".join(tokens[: len(tokens) - 2])
        return "", ""  # "Health Board of the Jazira Region": a name after "the" is a place, not a person
    if len(name_tokens) == 1 and (is_known_org(name_tokens[0]) or country_of(name_tokens[0])):
        return "", ""
    return " ".join(name_tokens), " ".join(tokens[: run + stripped])


def _is_title_or_org(token: str) -> bool:
    low = token.lower().strip(",.")
    return low in TITLES or low in ORG_WORDS or bool(country_of(token)) or (is_known_org(token) and len(low) > 2)


def _org_from_apposition(ctx: DocumentContext, pos: int, appos: str) -> str:
    m = re.search(r"\b(?:at|for|with|of|from)\s+(.{2,120})$", appos)
    found = _org_from_phrase(ctx, pos, m.group(1)) if m else ""
    owner = re.match(r"((?:the\s+)?[\w\s'’-]{1,60}?)['’]s\s+\w+", appos)
    if not found and owner:
        found = _org_from_phrase(ctx, pos, owner.group(1))  # "OCHA's director of operations"
    return found or (_alias_inside(appos) if appos else "")  # "the SDF commander-in-chief"


def _org_from_phrase(ctx: DocumentContext, pos: int, phrase: str, whole: bool = False) -> str:
    """Organisation named in a role phrase: 'Russian Foreign Ministry spokesperson', 'the SDF media office'."""
    phrase = re.sub(r"\b[\w-]+-based\s+", "", phrase.strip(" ,."))
    if re.search(r"\b(?:envoy|ambassador|representative|coordinator)\b", phrase, re.I):
        phrase = _DESTINATION_RE.sub("", phrase).strip()  # "envoy for Syria" serves someone else than Syria
    if not phrase:
        return ""
    if whole:
        first = re.split(r"\s+(?:for|of|to|in)\s+", phrase, maxsplit=1)[0]
        return _alias_inside(first) or _org_from_phrase(ctx, pos, phrase)
    alias = _alias_inside(phrase)
    if alias:
        return alias
    country = country_of(phrase)
    if country and re.search(r"minist|government|mission|embassy|ambassador|envoy|consul|presiden", phrase, re.I):
        return canonical_org(phrase, country)
    if re.search(r"\b(?:mission|embassy|ambassador|envoy)\b", phrase, re.I) and country:
        return f"{country} Ministry of Foreign Affairs"
    words = [w.lower() for w in WORDS_RE.findall(phrase)]
    if words and words[0] == "the" and not _has_proper_name(phrase):
        found = ctx.org_before(pos, words[-1]) if words[-1] in ORG_WORDS else ""
        return found or (canonical_org(phrase, ctx.country) if set(words) & ORG_WORDS else "")
    if set(words) & ORG_WORDS:
        return canonical_org(phrase, ctx.country)
    return ""


def _org_with_context(ctx: DocumentContext, pos: int, surface: str) -> str:
    """Canonical organisation; a bare 'Defense Ministry' takes the country of an earlier full mention."""
    key = norm_key(surface)
    if not country_of(surface) and re.search(r"\bminist", key):
        i = bisect.bisect_left(ctx.org_pos, pos) - 1
        floor = max(-1, i - HISTORY_WINDOW)
        while i > floor:
            earlier, canon = ctx.org_names[i]
            if norm_key(earlier).endswith(key) and country_of(earlier):
                return canon
            i -= 1
    family = _ministry_family(key) if not country_of(surface) else ""
    if family:
        for speaker, _ in reversed(ctx.history[-8:]):
            if not speaker.is_person and speaker.org and _ministry_family(norm_key(speaker.name)) == family:
                return speaker.name  # "the Defense Department" after "the Pentagon said"
    named = _named_org(ctx, pos, surface)
    if named and not country_of(surface) and re.search(r"\bminist", key) and not is_known_org(surface):
        return canonical_org(surface, ctx.country or _country_nearby(ctx, pos))
    return named or canonical_org(surface, ctx.country)


def _ministry_family(key: str) -> str:
    """'defense' for defence ministries and departments (and the armies named as such), 'foreign' for diplomacy."""
    if re.search(r"\b(?:defense (?:ministry|department)|(?:ministry|department) of defense|pentagon|"
                 r"syrian arab army|israel defense forces)\b", key):
        return "defense"
    if re.search(r"\b(?:foreign ministry|ministry of foreign affairs|state department|department of state)\b", key):
        return "foreign"
    return ""


def _country_nearby(ctx: DocumentContext, pos: int) -> str:
    """Country of the latest organisation named before pos; Syria when none (our feeds are about Syria)."""
    i = bisect.bisect_left(ctx.org_pos, pos) - 1
    floor = max(-1, i - HISTORY_WINDOW)
    while i > floor:
        country = country_of(ctx.org_names[i][1])
        if country:
            return country
        i -= 1
    return "Syrian"


def _named_org(ctx: DocumentContext, pos: int, surface: str) -> str:
    surface = re.sub(r"^(?:the|The)\s+", "", surface.strip())
    if is_known_org(surface):
        return canonical_org(surface, ctx.country)
    if _org_like(surface) or _has_capital_word(surface):
        words = WORDS_RE.findall(surface.lower())
        if words and not _has_capital_word(surface):
            return ctx.org_before(pos, words[-1]) or ""
        if not _org_like(surface):
            return ""
        return _alias_inside(surface, min_words=2) or _unit_of_known_org(surface) or canonical_org(surface, ctx.country)
    return ""


def _has_capital_word(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split())
