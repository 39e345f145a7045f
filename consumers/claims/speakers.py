"""Canonical speakers: one key per person or organisation, whatever the mention ("Putin", "the Kremlin").

The store keys its speakers table by the canonical name returned here; ORG_ALIASES and PERSON_ALIASES are the
alias rows it seeds that table with. Organisation names follow the claim annotation guideline ("Speaker").
"""

import re
from functools import lru_cache

# Canonical organisation -> aliases. The first block is the guideline's list; the rest are other actors of the
# Syrian conflict and its coverage that our feeds name often.
ORG_ALIASES: dict[str, tuple[str, ...]] = {
    "US Department of Defense": ("Pentagon", "US Defense Department", "Department of Defense", "DoD",
                                 "US military", "US Defense Ministry", "US Ministry of Defense", "US army",
                                 "US forces", "American military", "CENTCOM", "US Central Command"),
    "US Department of State": ("State Department", "US State Department", "Department of State"),
    "US government": ("United States", "US", "Washington", "US administration", "White House",
                      "US officials", "American officials", "US authorities"),
    "US-led coalition": ("coalition", "global coalition", "international coalition", "anti-ISIS coalition",
                         "Global Coalition against ISIS", "Global Coalition to Defeat ISIS", "US coalition",
                         "Operation Inherent Resolve", "CJTF-OIR", "coalition forces",
                         "international coalition forces"),
    "Russian Ministry of Defense": ("Russian Defense Ministry", "Russia Defense Ministry", "Russian MoD",
                                    "Russian military", "Russian army", "Russian armed forces", "Russian forces"),
    "Russian Ministry of Foreign Affairs": ("Russian Foreign Ministry", "Russia Foreign Ministry",
                                            "Russian foreign ministry", "Russian MFA"),
    "Russian Center for Reconciliation": ("Russian reconciliation center", "reconciliation center",
                                          "Russian Center for Reconciliation of the Opposing Parties",
                                          "Russian center for reconciliation of the warring parties in Syria",
                                          "Russian Reconciliation Centre", "Centre for Reconciliation",
                                          "Center for Reconciliation of the Opposing Parties",
                                          "Center for Reconciliation", "reconciliation centre"),
    "Russian government": ("Russia", "Moscow", "Kremlin", "Russian officials", "Russian authorities",
                           "Russian side", "Russian government", "Russian Federation"),
    "Syrian government": ("Syria", "Damascus", "Syrian regime", "Assad regime", "Syrian authorities",
                          "Syrian officials", "Syrian state", "Syrian side", "regime", "Syrian presidency",
                          "Syrian Arab Republic"),
    "Syrian Ministry of Foreign Affairs": ("Syrian Foreign Ministry", "Foreign and Expatriates Ministry",
                                          "Foreign and Expatriates Minister",
                                          "Syrian Foreign and Expatriates Ministry",
                                          "Ministry of Foreign Affairs and Expatriates"),
    "Syrian Arab Army": ("Syrian army", "Syrian military", "Syrian military source", "Syrian armed forces",
                         "Syrian Defense Ministry", "Syrian Ministry of Defense", "Syrian troops",
                         "army general command", "General Command of the Army and Armed Forces", "SAA",
                         "government forces", "regime forces", "Assad forces", "pro-government forces",
                         "government troops", "regime troops", "Syrian government forces"),
    "Syrian Democratic Forces": ("SDF", "QSD", "Kurdish-led SDF", "Syrian Democratic Forces (SDF)"),
    "Syrian Observatory for Human Rights": ("SOHR", "Syrian Observatory", "Observatory",
                                            "Britain-based Syrian Observatory for Human Rights"),
    "Turkish government": ("Turkey", "Ankara", "Turkish regime", "Turkish authorities", "Turkish officials",
                           "Turkish presidency", "Turkish side", "Türkiye",
                           # the presidency's press office, by its English names
                           "Directorate of Communications", "Turkish Directorate of Communications",
                           "Communications Directorate", "Presidential Communications Directorate"),
    "Turkish Ministry of Defense": ("Turkish Defense Ministry", "Turkish Defence Ministry", "Turkish army",
                                    "Turkish military", "Turkish armed forces", "Turkish MoD",
                                    "Turkish National Defense Ministry", "Ministry of National Defense",
                                    "Turkish forces", "Turkish troops"),
    "Turkish Ministry of Foreign Affairs": ("Turkish Foreign Ministry",),
    "Iranian government": ("Iran", "Tehran", "Iranian authorities", "Iranian officials"),
    "Islamic Revolutionary Guard Corps": ("IRGC", "Islamic Revolutionary Guards Corps", "Revolutionary Guard Corps",
                                          "Revolutionary Guards Corps", "Revolutionary Guards",
                                          "Iranian Revolutionary Guard Corps", "Iran's Revolutionary Guards"),
    # capitals as metonyms of their governments ("Baghdad said"); country_of leaves them alone, for datelines
    "Iraqi government": ("Iraq", "Baghdad", "Iraqi authorities", "Iraqi officials"),
    "Lebanese government": ("Lebanon", "Beirut", "Lebanese authorities", "Lebanese officials"),
    "Jordanian government": ("Jordan", "Amman", "Jordanian authorities", "Jordanian officials"),
    "Kurdistan Regional Government": ("KRG", "Erbil", "Kurdistan Regional Government (KRG)"),
    "Israeli government": ("Israel", "Israeli authorities", "Israeli officials"),
    "Israel Defense Forces": ("IDF", "Israeli military", "Israeli army", "Israeli Defense Forces"),
    "Hawar News Agency": ("Hawar", "ANHA", "Hawar news agency"),
    "National News Agency": ("NNA", "Lebanon's National News Agency", "Lebanese National News Agency"),
    "SANA": ("Syrian Arab News Agency", "Syrian state news agency", "Syrian state media", "state news agency SANA"),
    "TASS": ("TASS news agency", "Russian news agency TASS"),
    "United Nations": ("UN", "U.N.", "United Nations", "UN Security Council", "Security Council", "OCHA",
                       "UN Office for the Coordination of Humanitarian Affairs",
                       "UNHCR", "UN refugee agency", "WFP", "World Food Programme", "UNICEF",
                       "UN humanitarian office", "UN human rights office", "OHCHR", "UN envoy",
                       "World Health Organization", "WHO", "UNRWA", "UNDP", "IOM",
                       "International Organization for Migration"),
    "Asayish": ("Kurdish internal security forces", "internal security forces", "Asayish",
                "Kurdish security forces", "Internal Security Forces (Asayish)"),
    "People's Protection Units": ("YPG", "People's Protection Units (YPG)"),
    "Autonomous Administration of North and East Syria": ("Autonomous Administration", "AANES",
                                                          "Kurdish-led administration", "self-administration",
                                                          "Kurdish-led authorities",
                                                          "Kurdish-led autonomous administration",
                                                          "semi-autonomous Kurdish administration"),
    "Syria Civil Defence": ("White Helmets", "civil defence", "Syrian Civil Defence", "civil defense",
                            "Syria Civil Defense", "civil defence team", "civil defence teams"),
    "Hayat Tahrir al-Sham": ("HTS", "Tahrir al-Sham"),
    # one-word names of armed movements, which would otherwise read as a person's name ("Hezbollah denied P")
    "Hezbollah": ("Hizbollah", "Hizbullah", "Hezbollah movement"),
    "Hamas": ("Islamic Resistance Movement",),
    "Central Bank of Syria": ("Syrian central bank", "Syria's central bank", "Syrian Central Bank"),
    "Syrian National Army": ("SNA", "Turkish-backed Syrian National Army"),
    "Islamic State": ("ISIS", "IS", "ISIL", "Daesh", "Islamic State group"),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "Amnesty International": ("Amnesty",),
    "Human Rights Watch": ("HRW",),
    "International Crisis Group": ("Crisis Group",),
    "Doctors Without Borders": ("MSF", "Medecins Sans Frontieres", "Médecins Sans Frontières"),
    "Syrian Network for Human Rights": ("SNHR",),
    "Organisation for the Prohibition of Chemical Weapons": ("OPCW",
                                                             "Organization for the Prohibition of Chemical Weapons"),
    "Syrian Arab Red Crescent": ("SARC",),
    "Syrian American Medical Society": ("SAMS",),
    "European Union": ("EU", "Council of the European Union", "EU Council", "European Council",
                       "European Commission", "EU foreign ministers", "EU ministers"),
    "US Department of the Treasury": ("US Treasury", "Treasury Department", "US Treasury Department", "Treasury",
                                      "Department of the Treasury", "US Department of Treasury", "OFAC"),
    # named opposition bodies, often written without "Syrian" ("the Salvation Government, which runs Idlib")
    "Syrian Salvation Government": ("Salvation Government", "SSG"),
    "Syrian Interim Government": ("Interim Government", "SIG"),
    "Lebanese Armed Forces": ("Lebanese army", "Lebanese military", "Lebanon Armed Forces", "LAF"),
    "Jordanian Armed Forces": ("Jordanian army", "Jordanian military", "Jordan Armed Forces", "Jordan army"),
    # a regional body's ministers speak as the body: "Arab foreign ministers meeting in Cairo said"
    "Arab League": ("League of Arab States", "Arab League Council", "Arab foreign ministers", "Arab League ministers"),
}

# Canonical person -> aliases. Role aliases ("the Russian president") are true for the time of writing only;
# the store may add rows of its own.
PERSON_ALIASES: dict[str, tuple[str, ...]] = {
    "Vladimir Putin": ("Putin", "Russian President", "President of Russia", "Russian leader"),
    "Sergei Lavrov": ("Lavrov", "Sergey Lavrov", "Russian Foreign Minister"),
    "Dmitry Peskov": ("Peskov", "Kremlin spokesman"),
    "Maria Zakharova": ("Zakharova", "Russian Foreign Ministry spokeswoman"),
    "Recep Tayyip Erdogan": ("Erdogan", "Erdoğan", "Recep Tayyip Erdoğan", "Turkish President", "Tayyip Erdogan"),
    "Hakan Fidan": ("Fidan", "Turkish Foreign Minister"),
    "Ahmed al-Sharaa": ("al-Sharaa", "Sharaa", "Abu Mohammed al-Jolani", "Jolani", "Syrian President"),
    "Bashar al-Assad": ("Assad", "Bashar Assad"),
    "Mazloum Abdi": ("Abdi", "Mazloum Kobani", "SDF commander", "SDF commander-in-chief"),
    "Antonio Guterres": ("Guterres", "António Guterres", "UN Secretary-General"),
    "Rami Abdel Rahman": ("Abdel Rahman", "Rami Abdulrahman", "SOHR director", "Observatory director"),
}

_COUNTRY_OF = {
    "russian": "Russian", "russia": "Russian", "russia's": "Russian",
    "syrian": "Syrian", "syria": "Syrian", "syria's": "Syrian",
    "turkish": "Turkish", "turkey": "Turkish", "turkey's": "Turkish", "türkiye": "Turkish",
    "us": "US", "u.s.": "US", "american": "US", "u.s": "US", "america's": "US",
    "iranian": "Iranian", "iran": "Iranian", "israeli": "Israeli", "israel": "Israeli",
    "iraqi": "Iraqi", "jordanian": "Jordanian", "lebanese": "Lebanese", "french": "French", "british": "British",
    "moscow": "Russian", "damascus": "Syrian", "ankara": "Turkish", "washington": "US", "tehran": "Iranian",
    "german": "German", "saudi": "Saudi", "qatari": "Qatari", "egyptian": "Egyptian",
    "jordan's": "Jordanian", "lebanon's": "Lebanese", "iraq's": "Iraqi", "iran's": "Iranian", "israel's": "Israeli",
    "chinese": "Chinese", "china's": "Chinese",
    # Security Council members and other states by their names: "the representative of China"
    **{
        form: adjective
        for name, adjective in (
            ("china", "Chinese"), ("france", "French"), ("britain", "British"), ("germany", "German"),
            ("brazil", "Brazilian"), ("india", "Indian"), ("japan", "Japanese"), ("algeria", "Algerian"),
            ("pakistan", "Pakistani"), ("norway", "Norwegian"), ("denmark", "Danish"), ("sweden", "Swedish"),
            ("greece", "Greek"), ("slovenia", "Slovenian"), ("guyana", "Guyanese"), ("ecuador", "Ecuadorian"),
            ("mozambique", "Mozambican"), ("switzerland", "Swiss"), ("somalia", "Somali"), ("panama", "Panamanian"),
        )
        for form in (name, f"{name}'s")
    },
    "brazilian": "Brazilian", "algerian": "Algerian", "slovenian": "Slovenian", "guyanese": "Guyanese",
    "ecuadorian": "Ecuadorian", "mozambican": "Mozambican", "somali": "Somali", "panamanian": "Panamanian",
    # other states whose ministries and officials speak on Syria (Astana talks, Gulf and European capitals)
    "kazakh": "Kazakh", "kazakhstan": "Kazakh", "emirati": "Emirati", "kuwaiti": "Kuwaiti", "omani": "Omani",
    "bahraini": "Bahraini", "yemeni": "Yemeni", "libyan": "Libyan", "ukrainian": "Ukrainian", "italian": "Italian",
    "spanish": "Spanish", "dutch": "Dutch", "belgian": "Belgian", "swiss": "Swiss", "austrian": "Austrian",
    "swedish": "Swedish", "norwegian": "Norwegian", "danish": "Danish", "canadian": "Canadian",
    "australian": "Australian", "japanese": "Japanese", "indian": "Indian", "pakistani": "Pakistani",
    "azerbaijani": "Azerbaijani", "armenian": "Armenian", "greek": "Greek", "cypriot": "Cypriot", "polish": "Polish",
}
# Per-country organisation families: a bare "Defense Ministry" takes the country from its context.
_MINISTRY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:defen[cs]e ministry|ministry of (?:national )?defen[cs]e|defen[cs]e minist(?:er|ry))\b", re.I),
     "{c} Ministry of Defense"),
    (re.compile(r"\b(?:foreign ministry|ministry of foreign affairs|foreign minist(?:er|ry)|foreign office)\b", re.I),
     "{c} Ministry of Foreign Affairs"),
    (re.compile(r"\b(?:government|authorities|officials?|administration|regime|presidency|leadership|"
                r"security services|intelligence services)\b", re.I),
     "{c} government"),
    (re.compile(r"\b(?:mission|embassy|ambassador|envoy|consulate)\b", re.I), "{c} Ministry of Foreign Affairs"),
)
_OTHER_MINISTRY_RE = re.compile(
    r"\b(?:(interior|justice|health|finance|economy|energy|information|education|agriculture|transport|oil|"
    r"water|trade|culture|tourism)\s+minist(?:er|ry)|ministry\s+of\s+(?:the\s+)?(interior|justice|health|finance|"
    r"economy|energy|information|education|agriculture|transport|oil|water|trade|culture|tourism))\b", re.I)
_MILITARY_BY_COUNTRY = {"Syrian": "Syrian Arab Army", "Russian": "Russian Ministry of Defense",
                        "Turkish": "Turkish Ministry of Defense", "US": "US Department of Defense",
                        "Israeli": "Israel Defense Forces", "Jordanian": "Jordanian Armed Forces",
                        "Lebanese": "Lebanese Armed Forces"}
_MILITARY_RE = re.compile(r"\b(?:military|army|armed forces|troops|forces|defen[cs]e)\b", re.I)

TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "sheikh", "sheik", "imam",
        "mullah", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt",
        "sergeant", "sgt", "brigadier", "brig", "admiral", "adm", "commander", "cmdr", "corporal", "marshal",
        "field", "rear", "vice", "deputy", "acting", "president", "vice-president", "prime", "minister", "secretary",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "senator", "sen", "governor", "gov",
        "mayor", "chief", "head", "director", "foreign", "defense", "defence", "interior", "chairman", "chairwoman",
        "king", "queen", "prince", "emir", "ayatollah", "father", "bishop", "patriarch", "judge", "justice",
        "representative", "rep", "special", "first", "second", "under-secretary", "undersecretary", "assistant",
        "executive", "senior", "official", "officer", "counsellor", "counselor", "minister-counsellor", "attaché",
        "colonel-general", "lieutenant-general", "major-general", "secretary-general", "director-general",
        "under-secretary-general", "co-author", "author", "prosecutor",
        # honorifics: "His Eminence Sheikh X", "Grand Mufti X", "Co-chair X" ("Hajj" only opens a name: people.py)
        "excellency", "eminence", "mufti", "co-chair", "co-chairman", "co-chairwoman",
    ]
)

_ALIAS_INDEX: dict[str, str] = {}
_PERSON_INDEX: dict[str, str] = {}


# Compiled once: norm_key and the parenthetical helpers run on every mention not seen before.
_US_RE = re.compile(r"\bu\.\s?s\.?(?=\s|$|-)")
_UN_RE = re.compile(r"\bu\.\s?n\.?(?=\s|$|-)")
_POSSESSIVE_RE = re.compile(r"'s\b")
_KEY_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_COUNTRY_WORD_RE = re.compile(r"[\w.'’]+")
_PARENTHETICAL_RE = re.compile(r"\(([^()]{1,40})\)")
_SPACED_PARENTHETICAL_RE = re.compile(r"\s*\([^()]{1,40}\)")


@lru_cache(maxsize=8192)
def norm_key(text: str) -> str:
    """Comparison key: lower case, no "the", no possessive, U.S. -> us, defence -> defense, single spaces."""
    s = text.lower().replace("’", "'").replace("‘", "'")
    if "u." in s:
        s = _US_RE.sub("us", s)
        s = _UN_RE.sub("un", s)
    s = _POSSESSIVE_RE.sub("", s).replace("defence", "defense").replace("centre", "center")
    words = [w for w in _KEY_WORD_RE.findall(s) if w not in ("the", "a", "an")]
    return " ".join(words)


_ALIAS_WORDS: set[str] = set()  # every word of every organisation alias key


def _build_indexes() -> None:
    for canon, aliases in ORG_ALIASES.items():
        for alias in (canon, *aliases):
            _ALIAS_INDEX.setdefault(norm_key(alias), canon)
            _ALIAS_WORDS.update(norm_key(alias).split())
    for canon, aliases in PERSON_ALIASES.items():
        for alias in (canon, *aliases):
            _PERSON_INDEX.setdefault(norm_key(alias), canon)


_build_indexes()


@lru_cache(maxsize=8192)
def rules_out_org(token: str) -> bool:
    """True when a word of the token's key is in no organisation alias, so no phrase holding the token is one.

    Keys are per token for tokens joined by spaces (norm_key works word by word), except across "u. s." and
    "u. n.": callers test phrases holding "u." in full.
    """
    return any(word not in _ALIAS_WORDS for word in norm_key(token).split())


@lru_cache(maxsize=8192)
def country_of(text: str) -> str:
    """The country adjective a mention carries ("Russian Defense Ministry" -> "Russian"), or ""."""
    for word in _COUNTRY_WORD_RE.findall(text.lower().replace("’", "'")):
        country = _COUNTRY_OF.get(word.rstrip("."), "") or _COUNTRY_OF.get(word, "")
        if country:
            return country
    return ""


_OF_KNOWN_RE = re.compile(
    r"^(?:general\s+)?(?:command|leadership|headquarters|media\s+(?:office|center)|press\s+office)\s+of\s+(.+)$"
    # "the health authority of the Kurdish-led administration": a department speaks as the body it belongs to
    r"|^[a-z]+\s+(?:authority|board|committee|department|directorate)\s+of\s+(.+)$")
# "Kremlin press service", "SDF media center": an organisation's own press organ speaks for it.
_PRESS_ORGAN_RE = re.compile(
    r"^(.+?)\s+(?:press\s+(?:service|office|center|department)|media\s+(?:office|center|department|bureau)|"
    r"information\s+(?:office|department)|spokesman\s+office)$"
)
_PARTY_ORGANS = ("politburo", "political bureau", "central committee", "executive committee", "general secretariat")
_PARTY_ORGAN_ENDINGS = tuple(f" {organ}" for organ in _PARTY_ORGANS)
_PARTY_ORGAN_RE = re.compile(
    rf"^(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*\s+){{0,5}}(?:Party|Movement|Front|Union|Alliance|Council))(?:['’]s)?\s+"
    rf"(?:{'|'.join(_PARTY_ORGANS)})$",
    re.I,
)
# "Syrian Interim Government", "Syrian Salvation Government": named bodies, not the country's government.
_NAMED_GOVERNMENT_RE = re.compile(
    r"\b(?:Interim|Salvation|Provisional|Transitional|Exile|Opposition)\s+(?:Government|Administration|Authority)\b"
)


_BODY_NAME_RE = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+){2,}[A-Z][\w'’-]+$")


def _names_a_body(mention: str) -> bool:
    """'the Military Operations Command': a body's own name; the dateline's country does not make it that army's."""
    return bool(_BODY_NAME_RE.match(mention.strip())) and not re.search(r"\b(?:Army|Armed Forces)\b", mention)


@lru_cache(maxsize=8192)
def canonical_org(mention: str, country: str = "") -> str:
    """Canonical organisation for a mention, using country (e.g. from the dateline) for bare ministries."""
    key = norm_key(_strip_parenthetical(mention))
    if not key:
        return ""
    if key in _ALIAS_INDEX:
        return _ALIAS_INDEX[key]
    acronym = _parenthetical(mention)
    if acronym and norm_key(acronym) in _ALIAS_INDEX:
        return _ALIAS_INDEX[norm_key(acronym)]
    located = key.split(" in ", 1)[0]
    if located != key and located in _ALIAS_INDEX:
        return _ALIAS_INDEX[located]  # "Kurdish-led authorities in north-east Syria": where they are is no part of it
    owner = _OF_KNOWN_RE.search(key)
    owner_key = (owner.group(1) or owner.group(2)) if owner else ""
    if owner_key in _ALIAS_INDEX and " " in owner_key:
        return _ALIAS_INDEX[owner_key]  # "General Command of the Syrian Democratic Forces": the SDF's own organ
    organ = _PRESS_ORGAN_RE.match(key)
    if organ and organ.group(1) in _ALIAS_INDEX:
        return _ALIAS_INDEX[organ.group(1)]  # "the Kremlin press service": the Kremlin
    if key.endswith(_PARTY_ORGAN_ENDINGS) and (party := _PARTY_ORGAN_RE.match(_strip_parenthetical(mention))):
        # "The Kurdistan Democratic Party (KDP) Politburo": a party's governing organ speaks as the party
        return canonical_org(party.group(1))
    if _NAMED_GOVERNMENT_RE.search(mention):
        return _strip_parenthetical(mention).strip().removeprefix("the ").removeprefix("The ")
    nat = country_of(mention) or country
    other = _OTHER_MINISTRY_RE.search(mention)
    if nat and other:
        return f"{nat} Ministry of {(other.group(1) or other.group(2)).capitalize()}"
    if nat:
        for pattern, template in _MINISTRY_PATTERNS:
            if pattern.search(mention):
                built = template.format(c=nat)
                return _ALIAS_INDEX.get(norm_key(built), built)  # "Syrian Ministry of Defense" is the army
        if re.match(r"(?:the\s+)?ministry\s+of\b", mention, re.I):
            return f"{nat} {_strip_parenthetical(mention).strip().removeprefix('the ').removeprefix('The ')}"
        if _MILITARY_RE.search(mention) and nat in _MILITARY_BY_COUNTRY and (country_of(mention) or
                                                                             not _names_a_body(mention)):
            return _MILITARY_BY_COUNTRY[nat]
    if key.startswith(("un ", "united nations ")):
        return "United Nations"
    return _strip_parenthetical(mention).strip().removeprefix("the ").removeprefix("The ")


_ACRONYM_KEYS = frozenset(
    norm_key(alias) for aliases in ORG_ALIASES.values() for alias in aliases if alias.replace(".", "").isupper()
)


def is_acronym(word: str) -> bool:
    """'WHO', 'IS', 'SAMS': an alias written in capitals, so the lower-case word ('who', 'is') is not it."""
    return norm_key(word) in _ACRONYM_KEYS


@lru_cache(maxsize=8192)
def is_known_org(mention: str) -> bool:
    """True when the mention is an alias of a canonical organisation."""
    key = norm_key(_strip_parenthetical(mention))
    return key in _ALIAS_INDEX or norm_key(_parenthetical(mention)) in _ALIAS_INDEX


def strip_titles(name: str) -> str:
    """'Lieutenant Colonel Karen Ostrander' -> 'Karen Ostrander' (guideline: names without titles)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".,") in TITLES:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def canonical_speaker(name: str, org: str = "") -> tuple[str, str]:
    """(canonical speaker, organisation) for a speaker name or mention and the organisation it came with."""
    name = " ".join(name.split())
    org_canon = canonical_org(org) if org.strip() else ""
    key = norm_key(name)
    if key in _PERSON_INDEX:
        return _PERSON_INDEX[key], org_canon
    if key in _ALIAS_INDEX or (_parenthetical(name) and is_known_org(name)):
        canon = canonical_org(name)
        return canon, canon
    if org_canon and norm_key(name) == norm_key(org):
        return org_canon, org_canon
    person = strip_titles(name)
    if norm_key(person) in _PERSON_INDEX:
        return _PERSON_INDEX[norm_key(person)], org_canon
    return person, org_canon


def _parenthetical(text: str) -> str:
    if "(" not in text:
        return ""
    m = _PARENTHETICAL_RE.search(text)
    return m.group(1) if m else ""


def _strip_parenthetical(text: str) -> str:
    if "(" not in text:
        return text.strip() or text
    stripped = _SPACED_PARENTHETICAL_RE.sub("", text).strip()
    return stripped or text
