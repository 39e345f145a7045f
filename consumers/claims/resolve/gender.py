"""Whether a person the text names is a man or a woman, from what the text says of them: 'Nasrin Hussein and her
husband, Dilshad Ali,', 'his wife Salma', 'Mrs Haddad', and the 'he' or 'she' their earlier claims were quoted under.
A pronoun never refers back to a person of the other sex (claim annotation guideline, "Speaker": pronouns resolve to
the person they refer to)."""

import bisect
import re

from consumers.claims.context import DocumentContext, Speaker

_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu)){0,3}"
_MALE_KIN = "husband|son|father|brother|uncle|nephew|grandfather|grandson"
_FEMALE_KIN = "wife|daughter|mother|sister|aunt|niece|grandmother|granddaughter|widow"
_KIN = f"{_MALE_KIN}|{_FEMALE_KIN}"
# "his wife, Salma Omar", "her husband Dilshad Ali" (after the pronoun): the kin word gives the named person's sex
_KIN_NAMED_RE = re.compile(rf"(?:\w+\s+)?({_KIN}),?\s+({_NAME})")
# "Nasrin Hussein and her husband" (after the pronoun): the pronoun gives the sex of the person named before "and"
_KIN_ONLY_RE = re.compile(rf"(?:\w+\s+)?(?:{_KIN})\b")
_NAME_BEFORE_AND_RE = re.compile(rf"({_NAME})\s+and\s+$")
_HONORIFIC_RE = re.compile(rf"(Mr|Mrs|Ms|Miss)\.?\s+({_NAME})")
_MALE_KIN_WORDS = frozenset(_MALE_KIN.split("|"))
_LEADING_FUNCTION_WORDS = frozenset(["The", "In", "On", "At", "But", "And", "When", "After", "Since", "As", "For"])


def agrees(ctx: DocumentContext, pronoun: str, person: Speaker, pos: int) -> Speaker:
    """person, unless the text says they are of the other sex than 'he' or 'she': then the latest person named
    before pos whom the text says is of the pronoun's sex, or person when there is none."""
    wanted = "m" if pronoun == "he" else "f"
    named = _named_with_sex(ctx, pos)
    said = _sex_of(ctx, person.name, named)
    if said == wanted or (said == "" and given_name_sex(person.name) in (wanted, "")):
        return person
    for name, sex in reversed(named):
        if sex == wanted and _sex_of(ctx, name, named) == wanted:
            return ctx.people.get(_key(name)) or Speaker(name, "", True)
    if said == "":
        # only the given name says the person is of the other sex: the latest person named whose given name is of
        # the pronoun's ("Leyla Hasso ... and Mahmoud Darwish ... Darwish said P. 'Q,' she said": Leyla Hasso)
        i = bisect.bisect_left(ctx.person_pos, pos) - 1
        names = _MALE_NAMES if wanted == "m" else _FEMALE_NAMES
        for at in reversed(ctx.person_pos[max(0, i - 7) : i + 1]):  # the eight latest names introduced before pos
            if names.isdisjoint(ctx.text[at : at + 60].lower().split()):
                continue  # (a cheap look at the words there first: reading the name itself costs a pattern match)
            other = ctx.person_before(at + 1)
            if other is not None and given_name_sex(other.name) == wanted:
                # (the given name decides: the sex said of a surname may be a relative's, "Her nephew, NAME Haddad")
                return ctx.people.get(other.name.lower()) or other  # (by full name: "Salma Haddad", not her nephew)
    return person


# Common given names whose bearer's sex is not in doubt (unisex names such as Nour, Rasha or Jihad are left out)
_MALE_NAMES = frozenset([
    "mohammed", "muhammad", "mohammad", "ahmad", "ahmed", "ali", "hassan", "hussein", "husain", "mustafa",
    "mostafa", "omar", "umar", "khaled", "khalid", "mahmoud", "ibrahim", "youssef", "yusuf", "yousef", "abdullah",
    "samir", "karim", "fadi", "rami", "bassam", "walid", "ziad", "nabil", "tarek", "tariq", "adnan", "osama",
    "hamza", "majid", "maher", "bashar", "hafez", "salim", "saleh", "fares", "firas", "ghassan", "imad", "issam",
    "jamal", "kamal", "marwan", "munir", "nizar", "riad", "sami", "tamer", "wael", "yasser", "zaher", "mazloum",
    "ferhad", "rezan", "shervan", "dilshad", "sipan", "aram",
    # Kurdish, as Kurdish outlets spell them
    "rêber", "reber", "hozan", "rojhat", "dilovan", "azad", "kawa", "şervan", "siyamend", "xelil", "mihemed",
])
_FEMALE_NAMES = frozenset([
    "fatima", "fatma", "aisha", "aysha", "maryam", "mariam", "zeinab", "zaynab", "layla", "leila", "leyla", "huda",
    "rania", "lina", "rima", "salma", "amina", "berivan", "nasrin", "hevin", "ilham", "samira", "hala", "dima",
    "reem", "sara", "sarah", "mona", "muna", "hanan", "hiba", "lubna", "maya", "nadia", "rana", "ruba", "suha",
    "widad", "yasmin", "zahra", "ghada", "khadija", "asma", "amal", "dalia", "farah", "jumana", "nisreen",
    "rasmiya", "souad", "zainab", "evin", "hediye", "nesrin", "rojda", "rojin", "dilan", "newroz",
])


def given_name_sex(name: str) -> str:
    """"m" or "f" by a common given name opening a person's name, "" when the name says nothing."""
    first = name.split(None, 1)[0].lower() if name.strip() else ""
    return "m" if first in _MALE_NAMES else "f" if first in _FEMALE_NAMES else ""


def _key(name: str) -> str:
    return name.rsplit(None, 1)[-1].lower() if name.strip() else ""


def _sex_of(ctx: DocumentContext, name: str, named: list[tuple[str, str]]) -> str:
    """"m" or "f" when the text before says so of the person (by surname), "" when it says nothing or both."""
    key = _key(name)
    said = {sex for other, sex in named if _key(other) == key} if named else set()
    said |= ctx.pronoun_sexes.get(key, set())  # the claims quoted under "he" or "she" and resolved to the person
    return next(iter(said)) if len(said) == 1 else ""


def _named_with_sex(ctx: DocumentContext, pos: int) -> list[tuple[str, str]]:
    """(name, "m" or "f") for each person the text before pos names with their sex, in reading order."""
    if ctx.named_sexes is None:
        ctx.named_sexes = _scan(ctx.text)
    return [(name, sex) for at, name, sex in ctx.named_sexes if at < pos]


def _scan(text: str) -> list[tuple[int, str, str]]:
    """(where, name, "m" or "f") for each person the text names with their sex, in reading order (once a text).
    (Literal searches find the few places to look at: a pattern tried at every position cost more than the rule.)"""
    found: list[tuple[int, str, str]] = []
    for pronoun in ("his ", "her ", "their ", "His ", "Her ", "Their "):
        at = text.find(pronoun)
        while at >= 0:
            after = at + len(pronoun)
            if at == 0 or not text[at - 1].isalnum():
                kin = _KIN_NAMED_RE.match(text, after)
                if kin is not None:
                    found.append((kin.start(2), kin.group(2), "m" if kin.group(1) in _MALE_KIN_WORDS else "f"))
                if pronoun[0] in "hH" and text.endswith("and ", 0, at) and _KIN_ONLY_RE.match(text, after):
                    before = _NAME_BEFORE_AND_RE.search(text, max(0, at - 60), at)
                    if before is not None:
                        words = before.group(1).split()
                        while len(words) > 1 and words[0] in _LEADING_FUNCTION_WORDS:
                            words.pop(0)
                        found.append((before.start(1), " ".join(words), "m" if pronoun[1] == "i" else "f"))
            at = text.find(pronoun, after)
    for honorific in ("Mr", "Ms", "Miss"):  # ("Mrs" is found with "Mr")
        at = text.find(honorific)
        while at >= 0:
            titled = _HONORIFIC_RE.match(text, at) if at == 0 or not text[at - 1].isalnum() else None
            if titled is not None:
                found.append((titled.start(2), titled.group(2), "m" if titled.group(1) == "Mr" else "f"))
            at = text.find(honorific, at + 2)
    return sorted(found)
