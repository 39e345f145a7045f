"""Named people: the person's name in a mention, titles stripped, surnames to the fullest name used before, and the
organisation their role names (claim annotation guideline, "Speaker").
"""

import re
import unicodedata
from functools import lru_cache

from consumers.claims.aliases import TITLES
from consumers.claims.context import ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.organisations import alias_inside, org_from_phrase, org_with_context, unit_of_known_org
from consumers.claims.resolve.words import PERSON_ROLES, fuller_name_before
from consumers.claims.speakers import (
    canonical_org,
    canonical_speaker,
    country_of,
    is_known_org,
    is_person_alias,
    named_government_body,
)

# Latin capitals beyond ASCII open names too: "Ömer Çelik", "Şêxmûs", "İbrahim"
_LATIN_CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_NAME_PART_RE = re.compile(
    rf"^(?:[{_LATIN_CAPITALS}][\w'’.-]*|(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|la|le)(?:-[\w'’-]+)?)$"
)


def resolve_named(ctx: DocumentContext, pos: int, head: str, appos: str, org_hint: str = "") -> Speaker:
    """The person a named mention speaks as (the fullest name used before), or the organisation a name without a
    person's name stands for."""
    tokens = head.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    name, prefix = person_name(tokens)
    if name and _inside_known_org(tokens, name):
        name = ""  # "the representative of the Syrian Arab Republic": "Arab Republic" ends an organisation's name
    if name and name.rpartition(" ")[2].lower() in _FIRM_KINDS:
        name = ""  # "The Water Establishment said": a firm's name ends in its kind, a person's never does
    if not name:
        affiliated = _person_of_organisation(tokens)
        if affiliated is not None:
            return affiliated
        body = _named_organisation(ctx, pos, " ".join(tokens))
        if tokens[-1].lower() in _FIRM_KINDS and len(tokens) < len(head.split()) and body.name == " ".join(tokens) \
                and not is_known_org(body.name):
            # "the Aleppo Water Establishment ... The Water Establishment said": the body named before, in full
            fuller = _fuller_body_before(ctx, pos, body.name)
            return Speaker(fuller, fuller, False) if fuller else body
        return body
    known, name = _named_before(ctx, pos, name)
    if known is not None and (known.org or not prefix):
        return known
    org = org_hint or _org_from_apposition(ctx, pos, appos) or org_from_phrase(ctx, pos, prefix)
    if known is not None:
        # "Maria Zakharova" over a fact-check's quotation, then "Russian Foreign Ministry spokeswoman Maria
        # Zakharova claimed": the same person, with the body the later mention gives
        return Speaker(known.name, org, True) if org else known
    canon_name = _spelled_as_written(canonical_speaker(name)[0], name)
    if len(canon_name.split()) == 1 and canon_name == name:
        canon_name = _full_name_before(ctx, pos, name) or canon_name
    return Speaker(canon_name, org, True)


def _person_of_organisation(tokens: list[str]) -> Speaker | None:
    """'Aron Lund of Century International', 'Dr. Nour Hamed of the American University of Beirut': the person, with
    the organisation named after "of"; None if the mention is not so."""
    affiliated = _NAME_OF_ORG_RE.match(" ".join(tokens))
    person = person_name(affiliated.group(1).split())[0] if affiliated else ""
    if len(person.split()) < 2 or is_known_org(person):
        return None
    org = canonical_org(affiliated.group(2)) if affiliated else ""
    return Speaker(_spelled_as_written(canonical_speaker(person)[0], person), org, True)


_MINISTRY_OWNER_RE = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w-]*\s+){1,3}Ministry)['’]s\s+[A-Z]")


def _named_organisation(ctx: DocumentContext, pos: int, joined: str) -> Speaker:
    """The organisation a mention with no person's name stands for: a known alias inside it, the body a state's
    delegate speaks for, or the mention itself in context."""
    if body := named_government_body(joined):
        return Speaker(body, body, False)  # "the Salvation Government's Ministry of Health": the ministry speaks
    owner = _NAMED_PLACE_ROLE_RE.fullmatch(joined) if "s " in joined else None
    if owner and (owner.group(2) in PERSON_ROLES or owner.group(2) == "management") \
            and not country_of(owner.group(1)) and not is_known_org(owner.group(1)):
        # "The Opera House's management said" (never named): the "Damascus Opera House" named before, or as written
        joined = fuller_name_before(ctx, pos, owner.group(1))
    placed = _LOCATIVE_TAIL_RE.search(joined)
    if placed and is_known_org(joined[: placed.start()]):
        joined = joined[: placed.start()]  # "the Asayish in Hasakah": the organisation, not its branch
    ministry = _MINISTRY_OWNER_RE.match(joined) if "Ministry" in joined else None
    if ministry is not None and " Ministry of " in (owner_canon := org_with_context(ctx, pos, ministry.group(1))):
        # "The Interior Ministry's General Security directorate in Latakia": a ministry's named directorate speaks
        # as the ministry (as "the Autonomous Administration's Energy Board" does), not as a body of that name abroad
        return Speaker(owner_canon, owner_canon, False)
    role_of_org = set(WORDS_RE.findall(joined.lower())) & PERSON_ROLES | {"reporter", "correspondent"}
    canon = (alias_inside(joined) if role_of_org & set(joined.lower().split()) else "") or org_with_context(
        ctx, pos, joined
    )
    if not is_known_org(canon):
        canon = alias_inside(joined, min_words=2) or unit_of_known_org(joined) or canon
    if not is_known_org(canon) and _STATE_DELEGATE_WORDS & set(joined.lower().split()) and country_of(joined):
        # "The representative of China", "Brazil's delegate": a state's delegate speaks for its government
        canon = canonical_org(f"{country_of(joined)} government")
    owned = _COUNTRY_OWNED_NAME_RE.match(canon)
    if owned and country_of(f"{owned.group(1)}'s") and not is_known_org(canon):
        canon = owned.group(2)  # "Syria's Higher Committee for People's Assembly Elections": the body's own name
    return Speaker(canon, canon, False)


def _fuller_body_before(ctx: DocumentContext, pos: int, name: str) -> str:
    """A longer capitalised name ending in name used before pos ("Aleppo Water Establishment" for "Water
    Establishment"), without a sentence's opening word; or ""."""
    words = fuller_name_before(ctx, pos, name).split()
    while words and words[0] in _OPENING_WORDS:
        del words[0]
    fuller = " ".join(words)
    return fuller if len(fuller) > len(name) and not country_of(fuller[: -len(name)]) else ""


_FIRM_KINDS = frozenset(["establishment", "company", "corporation"])
_OPENING_WORDS = frozenset(["The", "A", "An", "In", "On", "At", "But", "And", "When", "After", "For", "Of", "By"])


# A place called by its capitalised name, then its unnamed post or its management: "The Opera House's management"
_NAMED_PLACE_ROLE_RE = re.compile(r"((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)['’]s\s+([a-z]+)")


def _named_before(ctx: DocumentContext, pos: int, name: str) -> tuple[Speaker | None, str]:
    """The person the name refers back to (by surname, first name, kunya, or an alias given before), or None; and
    the name to use otherwise (the full name an alias was given for)."""
    known = ctx.people.get(name.lower()) or ctx.people.get(name.split()[-1].lower())
    if known is None and len(name.split()) == 1:
        known = _known_by_first_name(ctx, name)  # "Mao said" after "spokesperson Mao Ning": family name first
    if known is None and name.startswith(_KUNYA_STARTS) and name.count(" ") == 1:
        known = _known_by_kunya(ctx, name)  # "Abu Omar said" after "Sheikh Abu Omar al-Halabi": his kunya alone
        if known is not None:
            return known, name
    if known is None and name.count(" ") <= 2 and ctx.text.find(" as " + name, 0, pos) > 0:
        full = _name_before_alias(ctx, pos, name)  # "Abu Yahya said" after "Mohammed al-Masalmeh, known as Abu Yahya"
        known = ctx.people.get(full.lower()) if full else None
        if known is not None:
            return known, name
        name = full or name
    if known is not None and (len(name.split()) == 1 or known.name.endswith(name)):
        return known, name
    if known is None and " " not in name and not _full_name_before(ctx, pos, name):
        known = _known_by_spelling(ctx, name)  # "Rakhimova said" after "Gulnora Rahimova": another transliteration
        if known is not None:
            return known, name
    return None, name


# Letters that transliterations of one Arabic, Kurdish or Russian name trade for each other: Kh/X/H, Q/K, W/V
_SPELLING_FOLDS = (("kh", "h"), ("x", "h"), ("q", "k"), ("w", "v"), ("ph", "f"))
_VOWELS_RE = re.compile(r"[aeiouy'’-]+")


def _consonants(surname: str) -> str:
    """A surname's consonants, the same for its transliterations: Rahimova/Rakhimova, Xelil/Khalil (doubled letters
    once: Hassan/Hasan)."""
    folded = _fold(surname).removeprefix("al-").removeprefix("el-")
    for a, b in _SPELLING_FOLDS:
        folded = folded.replace(a, b)
    return _VOWELS_RE.sub("", folded)


def _once(letters: str) -> str:
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


def _known_by_spelling(ctx: DocumentContext, surname: str) -> Speaker | None:
    """The one person already quoted whose surname is spelled otherwise with the same consonants, for a bare surname
    the text never gave a full name for (news names no one new by surname alone), or None."""
    consonants = _consonants(surname)
    if len(consonants) < 3:
        return None  # "Ali", "Issa": too few letters to tell a variant from another name
    skeleton = _once(consonants)
    found = {p.name: p for p in ctx.people.values()
             if p.is_person and " " in p.name and _once(_consonants(p.name.split()[-1])) == skeleton}
    return next(iter(found.values())) if len(found) == 1 else None


_STATE_DELEGATE_WORDS = frozenset(["representative", "delegate", "delegation", "representatives", "delegates"])


def _inside_known_org(tokens: list[str], name: str) -> bool:
    """The name is the tail of a longer capitalised run that is a known organisation ("Syrian Arab Republic")."""
    count = len(name.split())
    if len(tokens) <= count or " ".join(tokens[-count:]) != name:
        return False
    return any(is_known_org(" ".join(tokens[-k:])) for k in range(count + 1, min(len(tokens), count + 2) + 1))


def _spelled_as_written(canon: str, name: str) -> str:
    """The canonical name with the document's spelling of its words: 'Erdoğan' keeps its ğ (guideline: "spelled as
    there"); the stage maps the spelling back to the canonical key, which lists it as an alias. A full name spelled
    another way ('Rami Abdulrahman', 'Abu Mohammed al-Jolani') is kept as written: scorers and readers match a person
    by the last word. A surname alone or a role ('Lavrov', 'Russian President') gives the canonical name."""
    if canon == name:
        return canon
    if _is_full_name_variant(name):
        return name
    if name.isascii():
        return canon
    written = {_fold(w): w for w in name.split()}
    return " ".join(written.get(_fold(w), w) for w in canon.split())


def _is_full_name_variant(name: str) -> bool:
    """Two or more capitalised words, none a title ('President', 'Minister'), that the person table lists."""
    words = name.split()
    return (len(words) >= 2 and is_person_alias(name)
            and all(w[:1].isupper() or w.startswith(("al-", "el-", "bin", "ibn")) for w in words)
            and not any(w.lower().rstrip(".,") in TITLES for w in words))  # fmt: skip


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _known_by_first_name(ctx: DocumentContext, name: str) -> Speaker | None:
    """The one person already quoted whose full name starts with name, or None (none or several)."""
    found = {p.name: p for p in ctx.people.values() if p.is_person and p.name.split()[0] == name and " " in p.name}
    return next(iter(found.values())) if len(found) == 1 else None


_KUNYA_STARTS = ("Abu ", "Umm ", "Um ", "Abou ")


def _known_by_kunya(ctx: DocumentContext, kunya: str) -> Speaker | None:
    """The one person already quoted whose full name opens with the kunya ("Abu Omar" of "Abu Omar al-Halabi")."""
    found = {p.name: p for p in ctx.people.values() if p.is_person and p.name.startswith(kunya + " ")}
    return next(iter(found.values())) if len(found) == 1 else None


# A full name, then the name the person is known by: "Mohammed al-Masalmeh, known as Abu Yahya", "Ahmed Saleh
# (better known as Abu Hamza)".
_ALIAS_INTRO_RE = re.compile(
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn)){1,3}),?\s+\(?"
    r"(?:(?:also|better|widely|commonly|popularly)\s+)?known\s+(?:to\s+\w+\s+)?(?:by\s+(?:his|her)\s+"
    r"(?:kunya|nom\s+de\s+guerre|nickname)\s+)?as\s+[\"“]?$"
)


def _name_before_alias(ctx: DocumentContext, pos: int, alias: str) -> str:
    """The full name the text gave before introducing the person by alias ("X, known as ALIAS"), or ''."""
    at = ctx.text.find(" as " + alias, 0, pos)
    while at > 0:
        intro = _ALIAS_INTRO_RE.search(ctx.text, max(0, at - 120), at + 4)
        if intro is not None:
            return person_name(intro.group(1).split())[0]
        at = ctx.text.find(" as " + alias, at + 4, pos)
    return ""


# (a name runs over a line break but never back over a blank line: "By Lina Saleh, AFP\n\nOmar Jaber")
_NAME_LEAD_RE = re.compile(r"((?:(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)){1,3})$")

# A country's possessive before a body's full proper name ("X of/for Y"), which names the body without it.
_COUNTRY_OWNED_NAME_RE = re.compile(
    r"^([A-Z][\w-]*)['’]s\s+((?:[A-Z][\w'’-]*\s+){1,4}(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][^\s]*(?:\s+[A-Z].*)?)$"
)
_NAME_OF_ORG_RE = re.compile(
    r"^(.+?)\s+(?:of|from|at)\s+(?:the\s+)?"
    # (the body's kind in lower case may come before its name: "of the open-source collective GeoSyria")
    r"(?:(?:[a-z][\w-]*\s+){0,2}(?:team|collective|group|project|network|initiative|monitor|think\s+tank)\s+)?"
    r"([A-Z].*)$"
)
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
        words = m.group(1).split()
        # "Finance Minister Fadi Haddad": the words before the last title say of what, and are no part of the name
        titled = [i for i, w in enumerate(words[:-1]) if w.lower() in TITLES]
        words = [w for w in words[titled[-1] + 1 if titled else 0 :] if w.lower() not in TITLES
                 and w not in _CAPITALISED_STARTS]
        while words and (country_of(words[0]) or words[0].lower() in ORG_WORDS or is_known_org(words[0])):
            words.pop(0)
        if words and not any(w.lower() in ORG_WORDS for w in words):
            candidate = " ".join([*words, surname])
            if len(candidate) > len(best):
                best = candidate
    return best


_CAPITALISED_STARTS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "As",
        "When",
        "While",
        "After",
        "Before",
        "Earlier",
        "Later",
        "Meanwhile",
        "However",
        "According",
        "Speaking",
    ]
)


# ("Council member Omar Haddad": a body's member before a name is a role, as a title is)
_TITLES_OR_ROLES = TITLES | PERSON_ROLES | {"member"}


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def person_name(tokens: list[str]) -> tuple[str, str]:
    """('Karen Ostrander', 'Pentagon spokeswoman Lieutenant Colonel') from the head's tokens; ('', '') for orgs."""
    return _person_name(tuple(tokens))


@lru_cache(maxsize=8192)
def _person_name(tokens: tuple[str, ...]) -> tuple[str, str]:
    """person_name on the tokens alone (no document), so a name quoted again is split once."""
    if not tokens:
        return "", ""
    joined = " ".join(tokens)
    if is_known_org(joined) and len(tokens) <= 4:
        return "", ""
    name_tokens, run, stripped = _trailing_name(tokens)
    country_first = bool(stripped) and _country_named_after_title(tokens[run:], stripped)
    if not name_tokens or any(_is_title_or_org(t) and not _is_family_name(name_tokens, i + 1)
                              for i, t in enumerate(name_tokens[1:])) or \
            (_is_title_or_org(name_tokens[0]) and not country_first):
        return "", ""
    if all(len(t) > 2 and t.isupper() for t in name_tokens):
        return "", ""  # "CMA CGM", "KDP": acronyms name organisations, not people
    if stripped and len(name_tokens) == 1 and _ends_org_name(tokens, run + stripped):
        return "", ""  # "Higher Committee for People's Assembly Elections": the last word of a body's name
    if stripped and len(name_tokens) == 1 and run > 0 and tokens[run - 1].lower() == "of":
        return "", ""  # "General Union of Syrian Workers": "of", a people, one word ends a body's name
    before = tokens[run + stripped - 1].lower() if run + stripped > 0 else ""
    possessive = before.endswith(("'s", "’s"))
    if before and before not in _TITLES_OR_ROLES and not stripped and not country_of(before) and not possessive:
        titled = any(t.lower().strip(",.") in TITLES for t in tokens[:run])
        if titled and len(name_tokens) >= 3:
            # "Minister of the Displaced Issam Charafeddine": the title's object, then the name
            return " ".join(name_tokens[-2:]), " ".join(tokens[: len(tokens) - 2])
        if titled and len(name_tokens) >= 2 and before in ORG_WORDS and tokens[run - 1].islower():
            # "head of the health directorate Walid Hamdan": the body in lower case, then the person who heads it
            return " ".join(name_tokens), " ".join(tokens[:run])
        return "", ""  # "Health Board of the Jazira Region": a name after "the" is a place, not a person
    if len(name_tokens) == 1 and (is_known_org(name_tokens[0]) or country_of(name_tokens[0])):
        return "", ""
    if len(name_tokens) == 1 and before in _ADJECTIVE_TITLES and "of" in (t.lower() for t in tokens[:run + stripped]):
        return "", ""  # "Department of Foreign Relations": an organisation's name, not Mr Relations
    return " ".join(name_tokens), " ".join(tokens[: run + stripped])


_OPENING_HONORIFICS = frozenset(["hajj", "haj", "hajji", "hajja"])
_OPENING_ROLES = _OPENING_HONORIFICS | PERSON_ROLES


def _country_named_after_title(tokens: tuple[str, ...], at: int) -> bool:
    """tokens[at] is a country's name that opens a person's name after a title: "Defence Minister Israel Katz"."""
    token = tokens[at]
    return (0 < at < len(tokens) - 1 and tokens[at - 1].lower() in TITLES and token[:1].isupper()
            and token.isalpha() and country_of(token) not in ("", token))  # the country, not its adjective
def _trailing_name(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], int, int]:
    """The name's tokens at the end of the head, where the run of name-like tokens starts, and how many titles,
    countries or organisation words after that start were taken off the name."""
    run = len(tokens)
    while run > 0 and _NAME_PART_RE.match(tokens[run - 1].strip(",")):
        run -= 1
    name_tokens = tokens[run:]
    # "Rudaw's Hiwa Jamal", "Al Jazeera's Resul Serdar", "Reuters' Tom Perry": the possessive is the employer
    owner = max((i + 1 for i, t in enumerate(name_tokens[:-1]) if t.endswith(_POSSESSIVE_ENDINGS)), default=0)
    name_tokens, run = name_tokens[owner:], run + owner
    # the name follows the last title, country or organisation word: "Syrian Information Minister Ziad Makari"
    stripped = max((i + 1 for i, t in enumerate(name_tokens[:-1]) if _is_title_or_org(t)
                    and not _country_named_after_title(name_tokens, i) and not _is_family_name(name_tokens, i)),
                   default=0)
    name_tokens = name_tokens[stripped:]
    if len(name_tokens) > 2 and name_tokens[0].lower() in _OPENING_ROLES:
        # "Hajj Abu Salim" (not "Fatima Haj Omar"); a role noun capitalised at a sentence start, "Analyst Will Todman"
        name_tokens, stripped = name_tokens[1:], stripped + 1
    return name_tokens, run, stripped


_ADJECTIVE_TITLES = frozenset(["foreign", "defense", "defence", "interior", "special", "executive", "first", "second"])


def _ends_org_name(tokens: tuple[str, ...], at: int) -> bool:
    """The word before tokens[at] is an organisation word ("Assembly", "Council"), not a title."""
    low = tokens[at - 1].lower().strip(",.")
    return low in ORG_WORDS and low not in TITLES


# Titles that are family names too, after a given name: "Nabil Sheikh Ali", "Wafaa Sheikh", "Kamal Agha"
_FAMILY_NAME_TITLES = frozenset(["sheikh", "shaikh", "agha", "pasha", "bey"])


def _is_family_name(tokens: tuple[str, ...], i: int) -> bool:
    """tokens[i] is a title word that follows a given name, so part of the name."""
    return i > 0 and tokens[i].lower() in _FAMILY_NAME_TITLES and not _is_title_or_org(tokens[i - 1])


def _is_title_or_org(token: str) -> bool:
    low = token.lower().strip(",.")
    return low in TITLES or low in ORG_WORDS or bool(country_of(token)) or (is_known_org(token) and len(low) > 2)


_RELATIVE_OWNER_RE = re.compile(r"(?:who|which|whose|that)\b(?:.*?\b(the\s+.+)|.*)$")

_APPOS_ORG_RE = re.compile(r"\b(?:at|for|with|of|from)\s+(.{2,120})$")
_APPOS_OWNER_RE = re.compile(r"((?:the\s+)?[\w\s'’-]{1,60}?)['’]s\s+\w+")


def _org_from_apposition(ctx: DocumentContext, pos: int, appos: str) -> str:
    m = _APPOS_ORG_RE.search(appos)
    found = org_from_phrase(ctx, pos, m.group(1)) if m else ""
    owner = _APPOS_OWNER_RE.match(appos)
    if not found and owner:
        name = owner.group(1)
        relative = _RELATIVE_OWNER_RE.match(name)
        if relative:
            name = relative.group(1)  # "who heads the administration's office": the administration
        found = org_from_phrase(ctx, pos, name) if name else ""  # "OCHA's director of operations"
        found = "" if found.islower() and " " not in found else found  # a bare "administration" names nobody
    return found or (alias_inside(appos) if appos else "")  # "the SDF commander-in-chief"
