"""Shared vocabulary of speaker resolution: person roles, titles, and tests on capitalised mentions."""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.context import ORG_WORDS, WORDS_RE, DocumentContext
from consumers.claims.speakers import country_of

PERSON_ROLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "relative",
        "neighbour",
        "neighbor",
        "eyewitness",
        "survivor",
        "general",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "sergeant",
        "minister",
        "official",
        "researcher",
        "envoy",
        "ambassador",
        "president",
        "commander",
        "chief",
        "head",
        "farmer",
        "doctor",
        "analyst",
        "counsellor",
        "counselor",
        "director",
        "manager",
        "officer",
        "deputy",
        "secretary",
        "governor",
        "mayor",
        "leader",
        "man",
        "woman",
        "resident",
        "activist",
        "journalist",
        "witness",
        "lawyer",
        "father",
        "mother",
        "professor",
        "diplomat",
        "premier",
        "chairman",
        "negotiator",
        "promoter",
        "co-chair",
        "co-chairman",
        # bloggers and elected and party people: "military blogger Rybar", "KDP lawmaker Hemin Hawrami"
        "blogger",
        "lawmaker",
        "legislator",
        "mp",
        "politician",
        "parliamentarian",
        "speaker",  # a parliament's presiding officer: "The Speaker of the Assembly, Hashem al-Khatib,"
        "councillor",
        "councilor",
        "co-chairwoman",
        "chair",
        "chairwoman",
        "representative",
        "delegate",
        "coordinator",
        "founder",
        "adviser",
        "advisor",
        "neighbour",
        "neighbor",
        "correspondent",
        "reporter",
        # community and trade roles of rural and local sources ("the tribal elder", "the village notable")
        "elder",
        "notable",
        "dignitary",
        "cleric",
        "imam",
        "mukhtar",
        "teacher",
        "nurse",
        "physician",
        "surgeon",
        "paramedic",
        "engineer",
        # opinion writers and the court's experts and advocates: "Its columnist NAME argued", "the pathologist NAME",
        # "counsel for the defendant, NAME,"
        "columnist",
        "commentator",
        "counsel",
        "pathologist",
        "anthropologist",
        "trader",
        "merchant",
        "shopkeeper",
        "shepherd",
        "economist",
        # care and relief work: "the aid worker Huda Nasser", "Rescue volunteer Omar Haj"
        "worker",
        "volunteer",
        "medic",
        "pharmacist",
        # shop, street and sports trades: "a grocer in the Midan neighbourhood, Abu Fadi", "coach Marco Rinaldi"
        "grocer",
        "baker",
        "butcher",
        "vendor",
        "driver",
        "coach",
        "player",
        # stage, screen, letters and sport, referred back to by role: "The lead actor, NAME, ... the actor said"
        "actor",
        "actress",
        "singer",
        "musician",
        "poet",
        "novelist",
        "playwright",
        "filmmaker",
        "goalkeeper",
        "striker",
        "midfielder",
        "referee",
    ]
)

# A person by nationality, as sports and feature pages refer back to someone named before: "The Spaniard said"
DEMONYM_NOUNS = frozenset(
    [
        "spaniard", "frenchman", "frenchwoman", "briton", "englishman", "englishwoman", "scot", "welshman",
        "irishman", "irishwoman", "dutchman", "dutchwoman", "dane", "swede", "finn", "pole", "turk", "kurd", "german",
        "italian", "portuguese", "brazilian", "argentine", "argentinian", "croat", "serb", "belgian", "austrian",
        "norwegian", "greek", "ukrainian", "canadian", "australian", "egyptian", "tunisian", "moroccan", "algerian",
        "jordanian", "iraqi", "iranian", "saudi", "qatari", "palestinian", "japanese", "korean", "mexican",
        "colombian", "uruguayan", "chilean", "cameroonian", "nigerian", "ghanaian", "senegalese",
    ]
)  # fmt: skip

_TITLE_WORDS = (TITLES | PERSON_ROLES) - {"foreign", "defense", "defence", "interior", "justice"}

DESTINATION_RE = re.compile(r"\b(?:for|to|in|on)\s+(?:the\s+)?[A-Z][\w'’-]*")


def is_org_like(surface: str) -> bool:
    return bool({w.lower() for w in WORDS_RE.findall(surface)} & ORG_WORDS)


_MODIFIER_RE = re.compile(r"-(?:based|led|backed|run|born)$")
# Capitalised adjectives of a region or bloc, not names: "a Western diplomat", "the Arab official".
REGION_ADJECTIVES = frozenset(["western", "european", "arab", "gulf", "asian", "african", "latin", "nordic"])


def has_proper_name(head: str) -> bool:
    """A capitalised word other than the first, a country adjective or a "Britain-based"-style modifier."""
    for word in head.split()[1:]:
        if word.lower().strip(",.") in _TITLE_WORDS:
            continue  # "the Special Envoy", "the Deputy Head": capitalised titles, not names
        if (
            word[:1].isupper()
            and not country_of(word)
            and not _MODIFIER_RE.search(word)
            and word.lower() not in REGION_ADJECTIVES
        ):
            return True
    return False


def has_capital_word(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split())


def sentence_of(ctx: DocumentContext, pos: int) -> str:
    start = max(ctx.text.rfind(". ", max(0, pos - 400), pos), ctx.text.rfind("\n", max(0, pos - 400), pos), 0)
    ends = [e for e in (ctx.text.find(". ", pos, pos + 400), ctx.text.find("\n", pos, pos + 400)) if e > 0]
    return ctx.text[start : min(ends) if ends else pos + 200]


def fuller_name_before(ctx: DocumentContext, pos: int, name: str) -> str:
    """The last longer capitalised name ending in name ("Damascus Opera House" for "Opera House") in the 2,000
    characters before pos, or name itself."""
    fuller = re.compile(rf"(?:[A-Z][\w'’-]+\s+){{1,3}}{re.escape(name)}\b")
    found = list(fuller.finditer(ctx.text, max(0, pos - 2000), pos))
    return found[-1].group() if found else name
