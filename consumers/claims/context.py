"""What a document has said so far about who is who: speakers in order, named organisations and people.

One DocumentContext per extract_claims call, never shared, so extraction stays thread-safe.
"""

import bisect
import re
from dataclasses import dataclass

from consumers.claims.aliases import TITLES
from consumers.claims.cues import trie_pattern
from consumers.claims.speakers import canonical_org, country_of, is_known_org

ORG_WORDS = frozenset(
    [
        "ministry", "ministries", "center", "centre", "observatory", "board", "council", "office", "agency",
        "department", "coalition", "administration", "committee", "commission", "organization", "organisation",
        "institute", "project", "front", "party", "union", "brigade", "brigades", "group", "room", "command",
        "government", "authority", "court", "bank", "fund", "programme", "program", "network", "movement", "units",
        "corps", "police", "mission", "embassy", "parliament", "assembly", "foundation", "university", "news", "tv",
        "forces", "army", "military", "regime", "presidency", "cabinet", "kremlin", "pentagon", "asayish", "monitor",
        "defence", "defense", "team", "headquarters", "directorate", "bureau", "alliance", "service", "services",
        "guard", "channel", "broadcaster", "media", "federation", "league", "association", "international", "watch",
        "crescent", "society", "initiative", "syndicate", "trust", "relief", "rescue", "division", "battalion",
        "regiment", "legion", "politburo", "chamber",
        # a body by its leadership: "The Spiritual Leadership of the X" (not a person "Spiritual Leadership")
        "leadership",
        # a province's administration: "a spokesman for the Homs governorate"
        "governorate",
        # humanitarian coordination bodies: "the Syria Education Cluster", "the Health Cluster"
        "cluster",
        # religious bodies: "The Greek Orthodox Patriarchate of Antioch", "the Syriac Orthodox Church"
        "patriarchate", "church", "diocese", "archdiocese", "synod",
        # venues with a management of their own: "the Zenobia Theatre said", "the Latakia Opera House", "the museum"
        "theatre", "theater", "opera", "museum", "library", "stadium", "gallery", "cinema", "conservatory",
        # sports clubs, run by a board or an administration: "Al-Karama Sports Club", "the club's administration"
        "club",
        # survey agencies: "the US Geological Survey" ("the survey said", lower case, stays a document)
        "survey",
    ]
)
# A name runs over single line breaks (hard-wrapped text) but never over a blank line: "Enab Baladi – Idlib\n\nThe
# Ministry of Finance" is a dateline and a sentence. Inside a name the Arabic article may be assimilated and
# transliterated as "ez-", "as-", "ash-" ... before a capital ("Deir ez-Zor", "Tal as-Samn").
CAPITAL_RUN_RE = re.compile(
    r"[A-Za](?:(?<=[A-Z])[\w'’-]*|(?<=a)l-[\w'’-]+)(?:(?:\s+(?:of|for|and|the|on(?!\s+[MTWFS][a-z]+day\b)|al|de|of\s+the|for\s+the))?"
    r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:[A-Z][\w'’-]*|al-[\w-]+|(?:[ae][dlnrstz]|ash)-[A-Z][\w'’-]*)){0,9}"
    r"(?:\s*\([A-Z][\w-]{1,12}\))?"
)
_DATELINE_COUNTRY = {"moscow": "Russian", "damascus": "Syrian", "ankara": "Turkish", "istanbul": "Turkish",
                     "washington": "US", "tehran": "Iranian", "jerusalem": "Israeli", "tel aviv": "Israeli",
                     # courts trying Syrian cases under universal jurisdiction: "THE HAGUE - The public prosecution
                     # service said" is the Dutch one
                     "the hague": "Dutch", "koblenz": "German", "karlsruhe": "German", "stockholm": "Swedish"}
# Beirut and Amman are not here: bureaus there cover Syria, so the city does not give a source's side.
# "HOMS, Syria (AFP) –": a dateline whose second part names the country
_DATELINE_WITH_COUNTRY_RE = re.compile(r"[A-Z][A-Z' -]{2,30},\s+([A-Z][a-z]+)(?=\s*(?:\(|[–—-]|,))")
_DATELINE_PLACE_RE = re.compile(r"([A-Z][A-Z' -]{2,30}[A-Z]),\s+Syria\b")
_DATELINE_CITY_RE = re.compile(r"([A-Z][A-Z' -]{2,30}[A-Z])(?:,\s+[A-Z][a-z]+)?\s*(?:\([^()]{1,20}\)\s*)?[–—]")
_ARTICLE_RE = re.compile(r"\b(?:Al|El|Ez|Es|As|Ash|Ad|Ar|At|Az|Ed|En)-")
WORDS_RE = re.compile(r"[\w'’-]+")
# Kind words of an outlet's name ("Syria TV", "Orient News"): in the possessive, where words were said, not who
_OUTLET_KIND_WORDS = frozenset(["tv", "news", "channel", "broadcaster", "media"])
# Look-backs for antecedents stop after this many speakers or organisation mentions: keeps long texts linear.
HISTORY_WINDOW = 60
# (the look-ahead holds the first letters of the titles: a cheap rejection at most positions)
_TITLED_NAME_RE = re.compile(
    r"(?=[AaCcDdEeGgHhJjLlMmOoPpRrSs])\b(?:[Cc]hief|[Ss]pokes\w+|[Mm]inister|[Ee]nvoy|[Dd]irector|[Cc]ommander|[Oo]fficial|[Pp]resident|[Gg]eneral|"
    r"[Cc]olonel|[Cc]aptain|[Gg]overnor|[Mm]ayor|[Aa]mbassador|[Ss]heikh|[Dd]r|Mr|Mrs|Ms|[Pp]rofessor|[Jj]udge|"
    r"[Ll]eader|[Hh]ead|[Rr]esearcher|[Aa]nalyst)\.?\s+[A-Z][\w'’-]+\s+(?:[A-Z]|al-)[\w'’-]+$")
# _TITLED_NAME_RE ends with "TITLE[.] NAME NAME": the third word from the end closes with a title (a cheap test first).
_TITLE_ENDINGS = (
    "chief", "minister", "envoy", "director", "commander", "official", "president", "general", "colonel", "captain",
    "governor", "mayor", "ambassador", "sheikh", "dr", "mr", "mrs", "ms", "professor", "judge", "leader", "head",
    "researcher", "analyst",
)


def _may_end_with_titled_name(text: str, start: int, end: int) -> bool:
    """False when [start, end) cannot end with a title and two names (whitespace as the pattern's \\s)."""
    words = text[start:end].rsplit(None, 2)
    if len(words) < 3:
        return False
    title = words[0].rsplit(None, 1)[-1].removesuffix(".").lower()
    return title.endswith(_TITLE_ENDINGS) or "spokes" in title


_CAPITALISED_FUNCTION_WORDS = frozenset(
    [
        "The", "A", "An", "In", "On", "At", "But", "And", "As", "It", "He", "She", "They", "We", "I", "This", "That",
        "These", "Those", "For", "With", "From", "By", "After", "Before", "When", "While", "If", "Since",
        "Meanwhile", "However", "Under", "Over", "Asked", "Speaking", "According", "Earlier", "Later", "Last",
        "Some", "Many", "Most",
    ])
# (a role without its article introduces the name too: "Qasim Nouri, head of the Farmers Union, disagreed")
_APPOSITION_AFTER_RE = re.compile(
    # (Kurdish bodies' co-chairs and other offices held jointly: "NAME, co-chair of the water directorate in X,")
    r",\s+(?:a|an|who|whose|aged|\d{1,3},|(?:head|director|chief|(?:co-)?chair(?:man|woman)?|president|founder|"
    r"owner|secretary|spokes(?:man|woman|person)|member|commander|coordinator|manager|leader)\s+of\b)"
)


_PRONOUN_SEXES = {"he": "m", "He": "m", "she": "f", "She": "f"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: canonical name, its organisation, and whether it is a person."""

    name: str
    org: str
    is_person: bool


class DocumentContext:
    """What a document has said so far about who is who; one per extract_claims call (not shared)."""

    def __init__(self, text: str, first_body: int, skip: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self._skip = skip or []
        head = text[first_body : first_body + 40].split(",")[0].split("(")[0].strip(" –—-").lower()
        self.country = next((c for city, c in _DATELINE_COUNTRY.items() if head.startswith(city)), "")
        if not self.country:
            # the dateline itself ("Damascus, SANA –"), which the body start skips
            line = next((text[a:b] for a, b in self._skip if b == first_body and b > a), "").lower()
            single = "/" not in line.split(",")[0]  # "ANKARA/MOSCOW": two sides, no one country
            self.country = next((c for city, c in _DATELINE_COUNTRY.items() if single and line.startswith(city)), "")
        if not self.country:
            line = next((text[a:b] for a, b in self._skip if b == first_body and b > a), "")
            dated = _DATELINE_WITH_COUNTRY_RE.match((line or text[first_body : first_body + 60]).strip())
            self.country = country_of(dated.group(1)) if dated else ""
        dateline = next((text[a:b] for a, b in self._skip if b == first_body and b > a), "") or text[:60]
        place = _DATELINE_PLACE_RE.match(dateline.strip())
        # the Syrian town or city of a dateline ("KAFR NABL, Syria —"), as its local bodies are named: "Kafr Nabl"
        self.dateline_place = _ARTICLE_RE.sub(lambda m: m.group().lower(), place.group(1).title()) if place else ""
        city = _DATELINE_CITY_RE.match(dateline.strip())
        # the city of any dateline ("BERLIN —", "VIENNA, Austria (AP) —"), whose police a bare "police" are
        self.dateline_city = _ARTICLE_RE.sub(lambda m: m.group().lower(), city.group(1).title()) if city else ""
        self._org_pos: list[int] = []
        self._org_surfaces: list[str] = []
        self._org_canons: list[str | None] = []  # canonical_org of each surface, filled in when first asked for
        self._person_pos: list[int] = []  # names after a title or role word: antecedents for "she" before any speaker
        self._scanned = False
        self.people: dict[str, Speaker] = {}
        self.history: list[tuple[Speaker, str]] = []  # (speaker, mention as written)
        self.last_person_pos = -1
        self.last_mention_end = -1  # where the mention of the last claim remembered ends
        self.named_sexes: list[tuple[int, str, str]] | None = None  # resolve/gender.py's, scanned when first asked
        self.pronoun_sexes: dict[str, set[str]] = {}  # surname -> "m"/"f" of the "he"/"she" it was quoted under

    @property
    def org_pos(self) -> list[int]:
        self._scan_orgs()
        return self._org_pos

    def org_name(self, i: int) -> tuple[str, str]:
        """(surface, canonical organisation) of the i-th organisation mention (index into org_pos)."""
        self._scan_orgs()
        canon = self._org_canons[i]
        if canon is None:  # most mentions are never an antecedent: canonicalise only those looked at
            surface = self._org_surfaces[i]
            canon = self._org_canons[i] = canonical_org(surface, self._country_before(self._org_pos[i], surface))
        return self._org_surfaces[i], canon

    @property
    def person_pos(self) -> list[int]:
        self._scan_orgs()
        return self._person_pos

    def _scan_orgs(self) -> None:
        """Organisation and titled-name mentions, scanned once and only when an antecedent is needed."""
        if self._scanned:
            return
        self._scanned = True
        skip = iter(self._skip)
        current = next(skip, None)
        text = self.text
        for m in CAPITAL_RUN_RE.finditer(text):
            start = m.start()
            while current is not None and current[1] <= start:
                current = next(skip, None)
            if current is not None and current[0] <= start:  # (and start < current[1], by the loop above)
                continue  # datelines name places, not sources
            surface = m.group()
            if surface in _CAPITALISED_FUNCTION_WORDS:
                continue  # "The", "In", "But" at sentence starts
            if " " in surface:
                words = {w.lower() for w in WORDS_RE.findall(surface)}
                if _introduces_person(text, m, words):
                    self._person_pos.append(start)
                is_org = is_known_org(surface) or bool(words & ORG_WORDS)
                if not is_org and surface.endswith(("'s", "’s")):
                    # "outside the City Council's office ... the council": a body's name in the possessive, by its
                    # kind word (not an outlet's: "Syria TV's programme" is where it was said, not who)
                    owner = surface[:-2]
                    kinds = {w.lower() for w in WORDS_RE.findall(owner)} & ORG_WORDS
                    is_org = bool(kinds) and kinds.isdisjoint(_OUTLET_KIND_WORDS)
                    surface = owner if is_org else surface
            else:
                is_org = is_known_org(surface)  # one word: an organisation only by its alias ("Ankara", "SANA")
            if is_org:
                self._org_pos.append(start)
                self._org_surfaces.append(surface)
                self._org_canons.append(None)

    def _country_before(self, pos: int, surface: str) -> str:
        return country_of(surface) or self.country

    def remember(self, speaker: Speaker, mention: str, cue: str = "", pos: int = -1) -> None:
        self.history.append((speaker, f"{mention} {cue}"))  # the cue too: "said in a report" names the report
        if pos >= 0:
            self.last_mention_end = pos + len(mention)
        if speaker.is_person and pos >= 0:
            # names inside the mention ("a farmer from Tal Tamr, who gave ...") are not introduced after it
            self.last_person_pos = pos + max(len(mention) - 1, 0)
        if speaker.is_person and mention in _PRONOUN_SEXES:
            # a claim quoted under "he" or "she": what the text says of the person's sex (resolve/gender.py)
            self.pronoun_sexes.setdefault(speaker.name.split()[-1].lower(), set()).add(_PRONOUN_SEXES[mention])
        if speaker.is_person:
            for key in {speaker.name.split()[-1].lower(), speaker.name.lower()}:
                known = self.people.get(key)
                if known is None or len(speaker.name) >= len(known.name):
                    keep_org = known is not None and not speaker.org
                    self.people[key] = Speaker(speaker.name, known.org, True) if keep_org and known else speaker

    def person_before(self, pos: int, after: int = -1) -> Speaker | None:
        """The latest introduced name in (after, pos): 'Aid chief Mona Reyes', 'Ali Omar, a farmer, ...'."""
        i = bisect.bisect_left(self.person_pos, pos) - 1
        if i < 0 or self.person_pos[i] <= after:
            return None
        m = CAPITAL_RUN_RE.match(self.text, self.person_pos[i])
        words = m.group().rsplit("\n", 1)[-1].split() if m else []  # a line break ends a name ("16:05 GMT\nAli ...")
        while len(words) > 2 and words[0] in _CAPITALISED_FUNCTION_WORDS:
            del words[0]  # "When Abu Hassan al-Homsi returned": the sentence's first word opens a clause, not the name
        # "Turkish Foreign Minister Hakan Fidan": the country before the titles is no part of the name ("Israeli
        # Defence Minister Israel Katz": a country word after them may be)
        lead = 1 if len(words) > 2 and words[1].lower() in TITLES and country_of(words[0]) else 0
        name = " ".join(w for w in words[lead:] if w.lower() not in TITLES)
        if m is not None and len(words[-1]) == 1 and self.text.startswith(".", m.end()):
            name += "."  # an initial for a surname (privacy rules in court reports): "Bassam K."
        return Speaker(name, "", True) if len(name.split()) >= 2 else None

    def last_with_mention(self, person: bool) -> tuple[Speaker | None, str]:
        for speaker, mention in reversed(self.history[-HISTORY_WINDOW:]):
            if speaker.is_person == person:
                return speaker, mention
        return None, ""

    def last(self, person: bool | None = None, word: str = "") -> Speaker | None:
        for speaker, mention in reversed(self.history[-HISTORY_WINDOW:]):
            if person is not None and (speaker.is_person != person or (not person and not speaker.org)):
                continue  # unnamed sources are nobody's antecedent
            if word and word not in WORDS_RE.findall(f"{mention} {speaker.name}".lower()):
                continue
            return speaker
        return None

    def org_before(self, pos: int, head: str, floor: int = 0) -> str:
        """Latest organisation named in [floor, pos) whose name contains head ("the board" -> "Health Board of ...")."""
        i = bisect.bisect_left(self.org_pos, pos) - 1
        stem = head.rstrip("s")
        lowest = max(-1, i - HISTORY_WINDOW)
        while i > lowest and pos - self.org_pos[i] < 5000 and self.org_pos[i] >= floor:
            surface, canon = self.org_name(i)
            words = [w.lower().rstrip("s") for w in WORDS_RE.findall(surface + " " + canon)]
            if not head or stem in words:
                return canon
            i -= 1
        return ""

    def sentence_start(self, pos: int) -> int:
        """Roughly where the sentence holding pos starts (after '. ' or a line break, at most 600 back)."""
        return max(self.text.rfind(". ", max(0, pos - 600), pos), self.text.rfind("\n", max(0, pos - 600), pos), 0)

    def first_org_in_sentence_of(self, pos: int) -> str:
        start = self.sentence_start(pos)
        i = bisect.bisect_left(self.org_pos, start)
        return self.org_name(i)[1] if i < len(self.org_pos) and self.org_pos[i] < pos else ""


def _introduces_person(text: str, m: re.Match[str], words: set[str]) -> bool:
    """A name after a title or role ('Aid chief Mona Reyes'), or before an apposition ('Ali Omar, a farmer')."""
    if _may_end_with_titled_name(text, max(0, m.start() - 30), m.end()) and _TITLED_NAME_RE.search(
        text, max(0, m.start() - 30), m.end()
    ):
        return True
    surface = m.group()
    if words & ORG_WORDS or is_known_org(surface) or country_of(surface) or not 2 <= len(surface.split()) <= 4 \
            or " and " in surface:
        return False
    if _APPOSITION_AFTER_RE.match(text, m.end(), m.end() + 24) is not None:
        return True
    if _NARRATED_PERSON_VERB_RE.match(text, m.end()) and _starts_clause(text, m.start()) \
            and not _PLACE_WORD_RE.match(surface):
        return True  # "Samira al-Hamwi was waiting at the roadside.": a person the story follows
    if surface.startswith(("Umm ", "Abu ")) and _KUNYA_SUBJECT_RE.match(text, m.end()) \
            and not _PLACE_WORD_RE.match(surface) \
            and not _PLACE_PREPOSITION_RE.search(text, max(0, m.start() - 6), m.start()):
        return True  # "The first thing Umm Ahmad did": a kunya with a verb of its own is a person
    # "The US deputy ambassador, Dorothy Shea, disagreed.": a name in commas after the role it holds
    # (the name may end with an initial: "the defendant, Bassam K.,")
    return text.startswith((",", ".,"), m.end()) and _ROLE_BEFORE_RE.search(
        text, max(0, m.start() - 40), m.start()) is not None


_NARRATED_VERBS = [
    "was", "has", "had", "lives", "lived", "spent", "fled", "left", "returned", "moved", "served", "lost", "sat",
    "stood", "waited", "remembers", "recalls", "runs", "ran", "works", "worked", "is", "remains",
    # a feature told in the present: "Abu Jamal opens his bakery at four in the morning"
    "opens", "sells", "walks", "sits", "stands", "waits", "keeps", "drives", "wakes", "spends", "owns", "teaches",
    "bakes", "tends",
]
_NARRATED_PERSON_VERB_RE = re.compile(
    # (a bracket may stand between: "Umm Yamen (a pseudonym) has not heard from her son")
    # (the verbs as a trie: one branch per letter, as the cue patterns)
    rf"(?:\s+\([^()]{{1,30}}\))?\s+(?:{trie_pattern(_NARRATED_VERBS)})\b"
)
_KUNYA_SUBJECT_RE = re.compile(r"\s+(?:did|does|was|is|had|has|says|said|told|[a-z]+ed)\b")
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|near|from|to|of)\s+$")
# First words of place names that look like personal names ("Ras al-Ain was shelled", "Deir Hafer was hit").
_PLACE_WORD_RE = re.compile(
    r"(?:Ras|Deir|Tal|Tell|Jisr|Kafr|Khan|Maarat|Bab|Jabal|Jebel|Wadi|Ain|Beit|Tel|Bir|Abu\s+Kamal)\b"
)


def _starts_clause(text: str, pos: int) -> bool:
    """At a sentence's or a clause's start: "When the trucks came, Samira al-Hamwi was waiting"."""
    before = text[max(0, pos - 3) : pos].rstrip(" ")
    # (a dash after a dateline: "DARAA — Umm Yamen", "LONDON (Agency) - Salma Darwish", a typed double hyphen
    # "DUSHANBE -- Gulnora Rahimova")
    return not before or before[-1] in ".!?,\n\"”’»—–" or text[max(0, pos - 3) : pos] in (" - ", "-- ")


_ROLE_BEFORE_RE = re.compile(
    r"\b(?:ambassador|envoy|spokes(?:man|woman|person)|minister|director|commander|official|president|chief|head|"
    r"leader|adviser|advisor|secretary|chair(?:man|woman)?|co-chair|deputy|analyst|researcher|economist|teacher|"
    r"farmer|doctor|mayor|governor|coordinator|representative|negotiator|defendant|accused|suspect|witness|"
    r"coach|manager|captain|lawyer|owner|"
    # a tie to someone the story follows: "Her neighbour, Fatima al-Hallaq,", "His brother, NAME,"
    r"neighbou?r|colleague|friend|wife|husband|son|daughter|brother|sister|mother|father|cousin|relative)"
    # the role's complement: "The UN envoy for Syria, Geir Pedersen,", "Syria's ambassador to the UN, NAME,"
    r"(?:\s+(?:for|of|to|in|at|on)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)?,\s*$",
    re.IGNORECASE,
)
