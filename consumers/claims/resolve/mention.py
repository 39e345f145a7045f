"""Speaker mentions -> canonical speakers, with the document as context (claim annotation guideline, "Speaker").

Pronouns and definite descriptions ("he", "the spokesman", "the board") go back to the speaker or organisation
they refer to; surnames go to the fullest name used earlier; unnamed members of an organisation become the
organisation; other unnamed sources become "unnamed sources".

resolve_mention trims the head (asides, the writer's meetings, stances, relays, a body's channel or office), then
asks in turn: a name in apposition (appositions.py), a name the text gives the source after all or the name a group
calls itself (given_names.py), and last the rules the head alone selects (heads.py, run by head_rules.py).
"""

import re

from consumers.claims.context import HISTORY_WINDOW, DocumentContext, Speaker
from consumers.claims.resolve.appositions import named_by_apposition
from consumers.claims.resolve.body_antecedents import company_named_before
from consumers.claims.resolve.given_names import (
    SELF_NAMING_NEXT_RE,
    SELF_NAMING_OPENINGS,
    named_after_all,
    named_by_itself,
    witness_named_next,
)
from consumers.claims.resolve.head_rules import resolve_by_head_rules
from consumers.claims.resolve.same_as_before import same_as_before
from consumers.claims.sources.words import is_outlet
from consumers.claims.speakers import country_of, is_known_org

_COUNTRY_OWNER_RE = re.compile(r"[A-Z][\w-]*['’]s\s+(?=[A-Z])")
_STANCE_BEFORE_NAME_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:pro-[\w-]+|opposition|[A-Z][\w-]*-(?:backed|funded))\s+(?=[A-Z])"
)
_MEDIUM_NOUNS = (" radio", " television", " newspaper", " daily", " website", " broadcaster")
# (a capitalised word with a lower-case part after a hyphen describes the name: 'Hezbollah-affiliated Al-Manar')
_CAPITAL_WORD = r"[A-Z0-9][\w'’]*(?:-[A-Z0-9][\w'’]*)*"
_NAME_THEN_MEDIUM_RE = re.compile(rf"(?:[Tt]he\s+)?((?=[A-Z]){_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})+)\s+[a-z]+")
# Words that make 'X radio' a description ('Iraqi Kurdish television'), not a station's name and its medium
_PEOPLE_WORDS = frozenset(["Kurdish", "Arab", "Arabic", "Turkmen", "Assyrian", "Syriac", "Persian", "State"])


def _is_station_name(name: str) -> bool:
    """'Sham FM' in 'Sham FM radio': two or more capitalised words, none a nationality ('Iraqi Kurdish radio')."""
    return not any(word in _PEOPLE_WORDS or country_of(word) for word in name.split())


# (and whom a body's staff met: "Returnees interviewed by UNHCR protection staff" are the returnees, not UNHCR)
_RELAYED_BY_RE = re.compile(
    r"\s+(?:quoted|cited|interviewed|contacted|questioned|polled|surveyed|approached|reached)\s+by\s+.*$")
_WORKS_FOR_RE = re.compile(
    r"\s+who\s+(?:still\s+|once\s+|previously\s+)?(?:work|works|worked|served|serves|serve)\s+(?:for|at)\s+"
    r"(?=the\s+[A-Z])"
)
# The meeting a person attended is no speaker: "a Western official who attended a briefing", "who sat in on the talks"
_ATTENDED_RE = re.compile(
    r"\s+who\s+(?:had\s+)?(?:attended|attends|attend|was\s+present\s+at|were\s+present\s+at|took\s+part\s+in|"
    r"sat\s+in\s+on|was\s+at|were\s+at)\s+.*$"
)
_SEEN_BY_RE = re.compile(r",?\s+(?:seen|obtained|reviewed|viewed|examined)\s+by\s+.*$")
_INTERLOCUTOR_RE = re.compile(r"\binterlocutor(?=s?\b)")
_OUTLET_INTERLOCUTOR_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:agency|newspaper|paper|daily|channel|outlet|website|broadcaster|radio|station|publication)"
    r"['’]s\s+interlocutors?")
_CHANNEL_WORDS = ("channel", "account", "page", "website", "portal", "dashboard", "database")
# A body's own channel, account, page or data portal: "the governorate's official Telegram channel", "the ministry's
# Facebook page", "UNHCR's operational data portal"
_OWNED_CHANNEL_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+)*[a-zA-Z][\w'’-]*)['’]s\s+(?:official\s+)?(?:[A-Z][\w-]*\s+)?"
    r"(?:channel|account|page|website|(?:[a-z]+\s+){0,2}(?:portal|dashboard|database))"
)
# A named body's own office that answers for it: "the al-Hamra Theatre's box office", "the Opera House's press office"
_OWNED_OFFICE_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:(?:[A-Z]|al-)[\w'’-]*\s+)*(?:[A-Z]|al-)[\w'’-]*)['’]s\s+"
    r"(?:press|media|box|ticket|information|public\s+relations)\s+office"
)
# The place a body's local office sits in, after "office": "the WHO office in Damascus", "its office in Erbil"
_OFFICE_IN_PLACE_RE = re.compile(r"(?<=\soffice)\s+in\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+")
# The name a source testified or wrote under: "who testified under the name Yasser", "writing under the pseudonym X"
_UNDER_THE_NAME_RE = re.compile(
    r"\b(?:testified|testifies|testifying|spoke|speaks|speaking|writes|wrote|writing|appeared|appearing)\s+under\s+"
    r"the\s+(?:name|pseudonym|alias|nom\s+de\s+guerre)\s+[\"“]?((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+[A-Z][\w'’-]+)?)"
)
_UNIT_OF_ARMY_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(?:Division|Brigade|Brigades|Legion|Regiment|Battalion|Battalions|Corps))"
    r"\s+of\s+the\s+"
)
_QUOTED_NAME_HEAD_RE = re.compile(r"(?:[Tt]he\s+)?(?:so-called\s+)?[\"“]([A-Z][^\"“”]{1,60}?)[,.]?[\"”]")
_SPELLING_ASIDE_RE = re.compile(r"\s*\((?:also\s+)?(?:spelled|spelt|written|transliterated)\s+[^()]{1,40}\)$")
_DRAWN_ON_RE = re.compile(r"\s+(?:interviewed|quoted|contacted|consulted)\s+(?:for|in)\s+this\s+\w+$")
_SPOKE_TO_RE = re.compile(r"\s+who\s+(?:spoke|talked|speak|talk)\s+(?:to|with)\s+.*$")
# A role of an indefinite place or body: "the owner of a bakery in Hama", "the manager of an aid warehouse"
_THE_ROLE_OF_AN_RE = re.compile(r"([Tt]he)\s+[a-z][\w-]*\s+of\s+an?\s+[a-z]")
_WRITER_MET_RE = re.compile(r"\s+(?:I|we)\s+(?:spoke|talked|met|interviewed|visited)\b.*$")


# A body's page or account "of" it, its co-chairs together, its staff or an employee "of" it; its staff after its name:
# the body speaks through them
_PART_OF_BODY_RE = re.compile(
    r"(?:(?:[Tt]he|An?|an?)\s+)?(?:official\s+)?(?:(?:Facebook|Telegram|Twitter|X|Instagram|YouTube|TikTok|WhatsApp)\s+)?"
    r"(?:page|account|channel|co-chairs|co-presidents|joint\s+leaders|[Ss]taff|[Ee]mployees?)\s+of\s+(?=the\s+[A-Z])()"
    r"|(?=[A-Z])()[\w'’ -]{2,60}?\s+staff(?:\s+(?:in|at)\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)?$"
)
_STAFF_ENDINGS = (" staff",)
_THE_MEMBER_OF_RE = re.compile(
    r"[Tt]he\s+(?:[a-z-]+\s+)?(spokes(?:man|woman|person)|official|representative|press\s+officer)\s+(?:for|of)\s+"
    r"the\s+[A-Z]"
)
_THE_DEFENCE = frozenset(["the defence", "the defense"])
_THE_COMPANYS = ("the company's ", "The company's ", "the company’s ", "The company’s ")
_LAWYER_RE = re.compile(r"\b(?:lawyers?|attorneys?|counsel|advocates?)\b", re.I)
_UNNAMED_SOURCES = Speaker("unnamed sources", "", False)


def _body_of_part(ctx: DocumentContext, start: int, head_end: int) -> Speaker | None:
    """The body behind 'The Facebook page of the X', 'The co-chairs of the X', 'X staff (in PLACE)', or None."""
    end = head_end
    while end > start and ctx.text[end - 1] in " ,":
        end -= 1
    m = _PART_OF_BODY_RE.match(ctx.text, start, end)
    if m is None:
        return None
    if m.start(1) >= 0:
        body_start, body_end = m.end(), end
    else:
        staff = ctx.text.rfind(" staff", start, end)
        body_start, body_end = start, staff
    if m.start(1) < 0 and m.end() != end:
        return None
    body = resolve_mention(ctx, body_start, body_end, body_end)
    if body.is_person or body.name == "unnamed sources" or (not is_known_org(body.name) and body.name != body.org):
        return None
    return body


def resolve_mention(ctx: DocumentContext, start: int, end: int, head_end: int) -> Speaker:
    """The canonical speaker behind the mention text[start:end] (head text[start:head_end], then an apposition)."""
    head = " ".join(ctx.text[start:head_end].split()).strip(" ,")
    appos = " ".join(ctx.text[head_end:end].split()).strip(" ,")
    if (pseudonym := _pseudonym(ctx, head, appos)) is not None:
        return pseudonym
    head = _trimmed_head(head)
    if "same " in head and (earlier := same_as_before(ctx, start, head)) is not None:
        return earlier  # "the same ministry said", "according to the same source": the one quoted before
    if (spoke := _outlets_interlocutor(ctx, head)) is not None:
        return spoke
    if "interlocutor" in head:
        # "According to the newspaper's interlocutor" (a calque of Russian and French press usage): its source
        head = _INTERLOCUTOR_RE.sub("source", head)
    if (spokesman := _spoken_for(ctx, start, head_end, head)) is not None:
        return spokesman
    speaker = _named_source(ctx, start, end, head_end, head, appos)
    if speaker is None:
        speaker = resolve_by_head_rules(ctx, start, head, appos)
    if speaker is None:
        raise AssertionError("the last rule of every head resolves")  # rules_for ends with an unconditional rule
    if head[:4] in ("The ", "the ") and speaker.name == head[4:] and (role := _THE_MEMBER_OF_RE.match(head)):
        holder = _role_holder(ctx, start, head, appos, role.group(1))
        return speaker if holder is None else holder
    return speaker


def _pseudonym(ctx: DocumentContext, head: str, appos: str) -> Speaker | None:
    """'an engineer who testified under the name Yasser': the name the source spoke under, or None."""
    if " under the " in head or " under the " in appos:
        pseudonym = _UNDER_THE_NAME_RE.search(head) or _UNDER_THE_NAME_RE.search(appos)
        if pseudonym is not None:
            name = pseudonym.group(1)
            return ctx.people.get(name.lower()) or Speaker(name, "", True)
    return None


def _trimmed_head(head: str) -> str:
    """The head without what describes the source and is not its name: marks, an army around its unit, a spelling
    note, whom the writer met, what the source knows of, whom it spoke to, its stance or medium, where it airs."""
    if ('"' in head or "“" in head) and (quoted := _QUOTED_NAME_HEAD_RE.match(head)) is not None:
        # 'The "Sultan Murad Division" (of X)', 'the so-called "Free Army"': the name, its marks dropped
        head = f"The {quoted.group(1)}{head[quoted.end():]}"
    if " of the " in head and ("Division" in head or "Brigade" in head or "Legion" in head or "Regiment" in head
                               or "Battalion" in head or "Corps" in head) \
            and (unit := _UNIT_OF_ARMY_RE.match(head)) is not None:
        head = unit.group(1)  # "The Hamza Division of the Syrian National Army": the named unit speaks, not the army
    if head.endswith(")") and (spelled := _SPELLING_ASIDE_RE.search(head)) is not None:
        head = head[: spelled.start()]  # "Rubar Xelil (also spelled Khalil)": the name, with a note on its spelling
    if " I " in head or " we " in head:
        head = _WRITER_MET_RE.sub("", head)  # "Business owners I spoke to in Aleppo": whom the writer met
    if " familiar with " in head:
        # "Two diplomats familiar with the letter": who knows of the letter, not the letter's issuer
        head = head[: head.index(" familiar with ")]
    if " who " in head and (" to " in head or " with " in head):
        head = _SPOKE_TO_RE.sub("", head)  # "Camp residents who spoke to Rudaw": the residents, not the outlet
    if "for this " in head or "in this " in head:
        head = _DRAWN_ON_RE.sub("", head)  # "the analysts interviewed for this article": the analysts
    if "pro-" in head or "opposition " in head or "-backed " in head or "-funded " in head:
        # "Turkey's pro-government Yeni Safak said", "the opposition Syrian Negotiation Commission", "Gulf-backed
        # Levant Cement": the stance or backer (and the country) describe the name that speaks
        head = _STANCE_BEFORE_NAME_RE.sub("", head)
    if head.endswith(_MEDIUM_NOUNS) and (medium := _NAME_THEN_MEDIUM_RE.fullmatch(head)) \
            and _is_station_name(medium[1]):
        head = medium[1]  # "The pro-government Sham FM radio reported": the station by its name, not its medium
    if "s " in head and (owner := _COUNTRY_OWNER_RE.match(head)) and country_of(owner.group()) \
            and is_outlet(head[owner.end() :]) and not is_known_org(head):
        head = head[owner.end() :]  # "Israel's Channel 12 reported": the channel by its name, wherever it airs
    if " who " in head and (works := _WORKS_FOR_RE.search(head)) is not None:
        # "Two engineers who worked for the X Fund", as "Two engineers at the X Fund": unnamed members of the body
        head = f"{head[: works.start()]} at {head[works.end() :]}"
    if " who " in head and (attended := _ATTENDED_RE.search(head)) is not None:
        head = head[: attended.start()]  # "a Western official who attended a briefing": the official, not the briefing
    if " by " in head:
        head = _RELAYED_BY_RE.sub("", head)
        # "internal documents of the Ministry of X and Y seen by Middle East Eye": who saw the papers is no issuer
        head = _SEEN_BY_RE.sub("", head)  # "A ministry source quoted by the paper": the source, not the paper
    return head


def _outlets_interlocutor(ctx: DocumentContext, head: str) -> Speaker | None:
    """'"Q," the agency's interlocutor stressed': whoever spoke to the agency, quoted last (not the agency, though the
    text names TASS or Sputnik an agency); None if the head is no outlet's interlocutor or nobody spoke before."""
    if "interlocutor" in head and _OUTLET_INTERLOCUTOR_RE.fullmatch(head):
        return next((s for s, _ in reversed(ctx.history[-HISTORY_WINDOW:]) if not is_outlet(s.name)), None)
    return None


def _spoken_for(ctx: DocumentContext, start: int, head_end: int, head: str) -> Speaker | None:
    """Whom the mention speaks for: a company through its papers or staff, the defence's lawyer, a body through its
    page, staff, channel or office; else None."""
    if head[:14] in _THE_COMPANYS and (company := company_named_before(ctx, start)):
        return Speaker(company, company, False)  # "the company's internal emails", "the company's field coordinator"
    if head[-6:] in ("efence", "efense") and head.lower() in _THE_DEFENCE:
        # "The defence had argued that P": the defendant's lawyers, the one quoted before if any (not a person by the
        # title "defence minister", nor the judge quoted last)
        lawyer = next((sp for sp, m in reversed(ctx.history[-HISTORY_WINDOW:]) if _LAWYER_RE.search(m)), None)
        return lawyer or _UNNAMED_SOURCES
    if (" of " in head or head.endswith(_STAFF_ENDINGS) or " staff in " in head or " staff at " in head) \
            and (body := _body_of_part(ctx, start, head_end)) is not None:
        return body  # "The Facebook page of the X Police Command", "The co-chairs of the X Council", "UNHCR staff"
    channel = _OWNED_CHANNEL_RE.match(ctx.text, start, head_end) if head.endswith(_CHANNEL_WORDS) else None
    if channel is not None and channel.end() == head_end:
        # "The governorate's official Telegram channel said": the owner speaks through its channel
        return resolve_mention(ctx, start, channel.end(1), channel.end(1))
    office = _OWNED_OFFICE_RE.match(ctx.text, start, head_end) if head.endswith(" office") else None
    if office is not None and office.end() == head_end:
        return resolve_mention(ctx, start, office.end(1), office.end(1))  # the office answers for its body
    if " office in " in head and (local := _OFFICE_IN_PLACE_RE.search(ctx.text, start, head_end)) is not None \
            and local.end() == head_end:
        # "the WHO office in Damascus said": a body's local office answers for the body, not for a body of its own
        body = resolve_mention(ctx, start, local.start(), local.start())
        if not body.is_person and is_known_org(body.name):
            return body
    return None


def _named_source(ctx: DocumentContext, start: int, end: int, head_end: int, head: str, appos: str) -> Speaker | None:
    """The source by a name the text gives it: in apposition, after all, next, or the name it calls itself; an
    unnamed holder of a role in an unnamed place; else None (the head rules decide)."""
    speaker = named_by_apposition(ctx, start, head, appos) if appos else None
    if speaker is None:
        speaker = named_after_all(ctx, start, end, head_end, head)
    if speaker is None and head[:4] in ("the ", "The ") and " of a" in head \
            and (indefinite := _THE_ROLE_OF_AN_RE.match(head)) is not None:
        # "the owner of a workshop in X, who asked that his name not be published": a role in a place no text names,
        # its holder an unnamed person as "an owner of a workshop" is (not a label); a body it names stays
        unnamed = resolve_by_head_rules(ctx, start, f"an {head[indefinite.end(1) :].lstrip()}", appos)
        if unnamed is not None and unnamed.name == "unnamed sources":
            speaker = unnamed
    if speaker is None and head[:2] in ("A ", "An") and ctx.text.find("The ", end, end + 800) >= 0:
        speaker = witness_named_next(ctx, end, head)
    if speaker is None and not appos and ctx.text.startswith(SELF_NAMING_OPENINGS, end) \
            and SELF_NAMING_NEXT_RE.match(ctx.text, end):
        # 'A group calling itself "X" claimed responsibility ... and said P': the subject of "and said" is the head
        # only; the name it gives itself follows
        speaker = named_by_itself(ctx.text[end : end + 120])
    if speaker is None and ("itself" in head or "themselves" in head or " called " in head):
        speaker = named_by_itself(head)  # "An armed group calling itself Saraya al-Tahrir said", "a group called X"
    elif speaker is None and appos.startswith(("calling ", "called ", "that call", "which call", "who call")):
        speaker = named_by_itself(appos)  # "Eleven factions, calling themselves X,"
    return speaker


def _role_holder(ctx: DocumentContext, start: int, head: str, appos: str, role: str) -> Speaker | None:
    """'The spokesman for the X Command said P': the person quoted before in that role ("NAME, spokesman for the X
    Command"), else the body's unnamed member, as 'a spokesman for the X Command' (not the label); else None."""
    holder = next((sp for sp, m in reversed(ctx.history[-HISTORY_WINDOW:]) if sp.is_person and role in m.lower()), None)
    if holder is not None:
        return holder
    member = resolve_by_head_rules(ctx, start, f"a {head[4:]}", appos)
    if member is not None and not member.is_person and member.name != "unnamed sources":
        return member
    return None
