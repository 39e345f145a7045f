"""Could a phrase be a speaker? Tests on the phrase alone: a subject noun phrase, an apposition, a capital."""

import re
from functools import lru_cache

from consumers.claims import cues
from consumers.claims.aliases import TITLES
from consumers.claims.context import ORG_WORDS
from consumers.claims.sources.words import BARE_REPORTS, PRONOUNS, SOURCE_NOUNS
from consumers.claims.speakers import is_known_org

_FINITE = frozenset(
    [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may",
        "might", "did", "does", "do", "found", "took", "made", "gave", "called", "killed", "launched", "began",
        "continued", "remains", "remain", "held", "hold", "sent", "say", "says", "said", "told",
    ]
)
_NAME_JOINERS = frozenset(["of", "for", "and", "the", "on", "in", "al", "de"])
_NP_DETERMINERS = frozenset([
    "the", "a", "an", "one", "its", "his", "her", "their", "our", "both", "all", "several", "many", "some", "two",
    "three", "four", "other", "another",
])
_NP_PREPOSITIONS = frozenset([
    "of", "in", "at", "for", "from", "with", "on", "near", "inside", "within", "across", "among", "to",
])
_UNDER_TITLE_RE = re.compile(r"Under[- ]Secretary\b")
_PARTITIVES = frozenset(["one", "two", "three", "some", "several", "many", "most", "none", "neither", "each", "both"])
_NAME_PARTICLE_RE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von)-[\w'’-]+$")


_SEEN_PARTICIPLES = frozenset(["seen", "obtained", "reviewed", "viewed", "examined", "verified"])
_ROLE_JOINERS = frozenset(["for", "of", "to", "on", "at"])
_CAPITALISED_ROLE_HEADS = frozenset([
    "mufti", "imam", "minister", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "president",
    "chairman", "chairwoman", "director", "secretary", "governor", "mayor", "commander", "representative",
    "co-chair", "patriarch", "bishop", "judge", "emir", "coordinator", "rapporteur", "commissioner",
])


def looks_like_apposition(segment: str) -> bool:
    if not segment or len(segment.split()) > 25:
        return False
    words = segment.split()
    first = words[0].lower()
    if first in ("who", "which", "whose"):
        return True
    if first.endswith(("'s", "’s")) and len(words) > 1:
        return any(w[:1].islower() for w in words[1:])  # "OCHA's director of operations"
    if first in ("a", "an", "the") and len(words) > 1:
        # a role ("the UN deputy coordinator", "a Syrian analyst based in Istanbul"), not a proper name
        if any(w[:1].islower() and w not in _NAME_JOINERS for w in words[1:]):
            return True
        # a capitalised role: "the Grand Mufti of Lebanon", "the Special Rapporteur on X"
        return first == "the" and any(w.lower() in _CAPITALISED_ROLE_HEADS for w in words[1:])
    if first in TITLES and len(words) > 1 and (
        any(w in _ROLE_JOINERS for w in words[1:]) or words[-1].lower() in TITLES
    ):
        # "Najat Rochdi, Deputy Special Envoy for Syria, said": a capitalised role without an article (not a titled
        # name: "Deputy Minister Ali Haidar")
        return True
    if words[0][:1].isupper() and first not in PRONOUNS and _placed_role(words):
        return True  # "Lebanon country director of the X": the place the role covers, then the role and its body
    return words[0][:1].islower() and first not in PRONOUNS


_PLACED_ROLE_HEADS = _CAPITALISED_ROLE_HEADS | frozenset(["manager", "head", "chief", "officer", "adviser", "advisor"])


def _placed_role(words: list[str]) -> bool:
    """'Syria country director of', 'Aleppo field coordinator for': after the first word, lower-case words to a role
    head (at most three) and a joiner after it."""
    for i in range(1, min(4, len(words) - 1)):
        if not words[i][:1].islower():
            return False
        if words[i] in _PLACED_ROLE_HEADS:
            return words[i + 1] in _ROLE_JOINERS
    return False


def has_capital(np: str) -> bool:
    return any(w[:1].isupper() for w in np.split())


_PP_WORDS_BUT_THIS = cues.PP_WORDS - {"this"}
# Sources by their field and where they are: "medical sources at the al-Furat National Hospital"
_QUALIFIED_SOURCES_RE = re.compile(
    r"(?!(?:according|citing|quoting|quoted|said|told|added|saying)\s)[a-z]{4,}\s+sources?\s+"
    r"(?:at|in|from|within|inside|close\s+to)\s+(?:the\s+)?(?:[A-Z]|al-)"
)
_DETERMINERS_OR_PRONOUNS = _NP_DETERMINERS | PRONOUNS


_ARTICLES = ("the", "a", "an")


_OWN_STAFF = frozenset(["correspondent", "reporter", "journalist", "team", "crew", "colleague", "editor"])


_QUANTIFIER_PRONOUNS = frozenset(["many", "some", "others", "most", "several"])
_COUNT_RE = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:-[a-z]+)?|dozens|hundreds"
)


# A group named by "called" after its kind: "A previously unknown group called Saraya Ansar al-Sunnah".
GROUP_CALLED_NAME = (
    r"(?:(?<=group )|(?<=faction )|(?<=movement )|(?<=militia )|(?<=coalition )|(?<=organisation )|"
    r"(?<=organization )|(?<=brigade )|(?<=network ))called\s+(?:the\s+)?[\"“'‘]?((?:[A-Z]|al-)[\w'’-]*"
    r"(?:\s+(?:(?:[A-Z0-9]|al-)[\w'’-]*|of|for|the|and|in)){0,6})"
)
_GROUP_CALLED_RE = re.compile(GROUP_CALLED_NAME + r"[\"”'’]?$")


def is_own_staff(words: list[str]) -> bool:
    """'our correspondent in Idlib', 'Our team on the ground': the outlet's own staff, whose reports are its own
    narration (guideline: "the journalist's own narration, even if evidently sourced")."""
    return words[0] in ("Our", "our") and len(words) > 1 and words[1].lower().rstrip("s") in _OWN_STAFF


@lru_cache(maxsize=8192)
def is_valid_subject(np: str) -> bool:
    """Could np be a speaker? On the phrase alone (cached: a speaker is named in the same words again and again)."""
    words = np.split()
    if not words or len(words) > 24 or BARE_REPORTS.match(np.strip()):
        return False
    if len(words) > 14 and not words[-1][:1].isupper():
        return False  # only a long title before a name may run this long
    if len(words) == 1 and np in _QUANTIFIER_PRONOUNS:
        return True  # "Teachers have gone unpaid, and many say P": some of the group just named, unnamed
    if words[0] in ("each", "Each") and len(words) == 2 and words[1] in ("side", "party", "camp"):
        return False  # "..., each side denying the other's account": a reciprocal, no one source (guideline)
    if is_own_staff(words):
        return False  # "Our correspondent in Damascus reports that P": the outlet's own narration (guideline)
    lower = [w.lower().strip("\"“”«»'’‘") for w in words]
    # a finite verb written in lower case: "Said Khalil", "Will Todman" are names
    finite = not _FINITE.isdisjoint(lower) and any(
        w in _FINITE for w, o in zip(lower, words, strict=True) if not o[:1].isupper()
    )
    if finite and "called" in lower and _GROUP_CALLED_RE.search(np):
        finite = False  # "A group called Saraya X": "called" names the group, it is no verb of the phrase
    if finite or (lower[0] in _PP_WORDS_BUT_THIS and not _UNDER_TITLE_RE.match(np)):
        return False  # but "Under Secretary of the Treasury Brian Nelson" is a title
    if lower[0] in _PARTITIVES and lower[1:2] == ["of"] and any(
        w.removesuffix("s") in SOURCE_NOUNS or w in SOURCE_NOUNS for w in lower[2:5]
    ):
        return True  # "one of the sources", "two of the officials"
    if lower[0] in _PARTITIVES and lower[1:] in (["of", "them"], ["of", "us"]):
        return True  # '"Q," said one of them': one of the group just named (the residents the writer met)
    if len(words) > 4 and words[0][:1].islower() and lower[0] not in _DETERMINERS_OR_PRONOUNS \
            and lower[0] not in SOURCE_NOUNS and not lower[0].endswith(("'s", "’s")) \
            and not _QUALIFIED_SOURCES_RE.match(np):  # ("medical sources at the X Hospital said P": a subject)
        return False  # "serve mainly as a bargaining chip in talks with Gulf (states)": a clause, not a subject
    # (the head ends before a relative clause too: "A former prisoner who testified at the trial", its head "prisoner")
    cut = next((i for i, w in enumerate(lower) if i and (w in _NP_PREPOSITIONS or words[i] == "who")), len(words))
    if cut > 2 and "by" in lower[2:cut]:
        # "A confidential audit summary seen by this newspaper": who saw the paper is no part of its head
        cut = next((i - 1 for i in range(3, cut) if lower[i] == "by" and lower[i - 1] in _SEEN_PARTICIPLES), cut)
    return _has_speaker_head(np, words, lower, cut)


def _has_speaker_head(np: str, words: list[str], lower: list[str], cut: int) -> bool:
    """The head of np (its words before cut, where a prepositional phrase starts) can speak: a name, a pronoun, a
    source noun, a role, a named or counted group, or a short noun phrase."""
    last = words[cut - 1].strip("\"“”«»'’‘,")
    if last.isdigit() and cut >= 2 and words[cut - 2][:1].isupper():
        last = words[cut - 2]  # "the local news site Suwayda 24", "France 24": a number closing a name
    if last[:1].isupper() or last.endswith(")") or lower[cut - 1] in PRONOUNS or _NAME_PARTICLE_RE.match(last):
        return len(words) == 1 or lower[0] not in PRONOUNS
    # the head noun may carry a modifier after it: "a statement posted on the ministry's website"
    if any(w.removesuffix("'s") in SOURCE_NOUNS or w.removesuffix("s") in SOURCE_NOUNS for w in lower[: min(cut, 4)]):
        return True  # (plurals too: "Rescue teams from the Syria Civil Defence")
    if (lower[0].endswith(("'s", "’s")) or lower[0] in _ARTICLES) and cut <= 7 and lower[cut - 1] in SOURCE_NOUNS:
        # "Lebanon's caretaker social affairs minister", "the visiting Jordanian foreign minister": a role, however long
        return True
    if lower[0].endswith(("'s", "’s")) and cut <= 5 and is_known_org(" ".join(words[1:cut])):
        return True  # "Syria's civil defence": a country's body known by its alias
    if lower[0] in ("the", "a", "an") and cut <= 7 and lower[cut - 1] in ORG_WORDS and has_capital(np):
        return True  # "the White Helmets rescue group": a named organisation with its kind after the name
    if cut <= 7 and lower[cut - 1] in SOURCE_NOUNS and _COUNT_RE.fullmatch(lower[0]):
        return True  # "Forty-two Syrian and international aid organisations": a counted group
    if lower[0] == "the" and cut == 2 and lower[1].endswith("-year-old") and lower[1][:1].isdigit():
        return True  # "the 52-year-old told Syria Direct": a person named before, by age
    # any short definite or indefinite noun phrase: "the engineer", "a relative of the victim", "both sides"
    head = lower[:cut]
    return lower[0] in _NP_DETERMINERS and 2 <= len(head) <= 4 and all(w.replace("-", "").isalpha() for w in head[1:])
