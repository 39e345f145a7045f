"""Words that name sources: source nouns, pronouns, bare reports, outlets, and the name and role tokens that the
speaker patterns are built from (claim annotation guideline, "Speaker").
"""

import re

SOURCE_NOUNS = frozenset(
    [
        "source", "sources", "official", "officials", "relative", "neighbour", "neighbor", "eyewitness",
        "estimates", "figures", "statistics", "count", "tally", "survey", "sides", "side", "spokesman", "spokeswoman",
        "spokesperson", "spokespeople",
        "spokesmen", "statement", "statements", "letter", "letters", "ministry", "center", "centre", "board",
        "monitor", "monitors", "force", "forces", "army", "military", "coalition", "government", "regime", "office",
        "agency", "team", "room", "council", "observatory", "police", "residents", "resident", "witness",
        "witnesses", "activist", "activists", "expert", "experts", "analyst", "analysts", "diplomat", "diplomats",
        "doctor", "doctors", "medic", "medics", "commander", "commanders", "general", "colonel", "major", "captain",
        "lieutenant", "sergeant", "minister", "ministers", "researcher", "researchers", "member", "members", "group",
        "groups", "figures", "data", "report", "reports", "document", "documents", "communique", "communiqué",
        "post", "tweet", "website", "media", "outlet", "authorities", "administration", "side", "department",
        "committee", "commission", "mission", "envoy", "ambassador", "president", "leader", "leaders", "chief",
        "head", "director", "officer", "officers", "lawyer", "lawyers", "farmer", "farmers", "worker", "workers",
        "man", "woman", "men", "women", "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband",
        "widow", "uncle", "cousin", "nephew", "niece", "resident", "survivor", "survivors", "villager", "villagers",
        "journalist", "journalists", "reporter", "correspondent", "organisation", "organization", "organizations",
        "organisations", "ngo", "ngos", "charity", "charities", "agencies", "observers", "observer", "negotiator",
        "negotiators",
        "delegation", "delegate", "delegates", "prosecutor", "prosecutors", "court", "judge", "inspector",
        "inspectors", "investigators", "investigator", "teacher", "student", "citizen", "citizens", "people",
        "person", "relatives", "family", "families", "parliament", "lawmaker", "lawmakers", "deputy", "premier",
        "secretary", "governor", "mayor", "sheikh", "cleric", "imam", "priest", "fighter", "fighters", "rebels",
        "rebel", "militants", "faction", "factions", "militia", "militias", "brigade", "brigades", "battalion",
        "unit", "units", "headquarters", "command", "text", "note", "notice", "message", "release", "post",
        "website", "account", "channel", "broadcaster", "newspaper", "daily", "paper", "tv", "television", "network",
        "radio", "paramedic", "paramedics", "nurse", "nurses", "surgeon", "volunteers", "volunteer", "rescuers",
        "rescuer", "defenders", "operator", "operators", "staff", "personnel", "guard", "guards", "insurgents",
        "jihadists", "presidency", "cabinet", "kremlin", "pentagon", "embassy", "consulate", "foundation",
        "institute", "center's", "spokesman's", "bureau", "directorate", "authority", "union", "alliance", "party",
        "movement", "front", "chairman", "chairwoman", "chair", "founder", "coordinator", "representative",
        "adviser", "advisor", "deputy", "co-chair", "co-chairman", "co-chairwoman", "neighbours", "neighbors",
        "partners", "partner", "critics", "critic", "opponents", "economist", "economists", "owners", "traders",
        "merchants", "shopkeepers", "businessmen", "businesswomen", "businesspeople",
        # market trades quoted on prices: "money changers in Damascus", "fuel dealers", "vegetable vendors"
        "changers", "dealers", "vendors", "sellers", "brokers", "wholesalers", "retailers", "importers", "exporters",
        # finance: "two bankers familiar with the plans told Reuters", "one of the bankers said"
        "banker", "bankers", "financier", "financiers", "investor", "investors",
        # film, letters and sport: "The film's producer, NAME, said"
        "producer", "producers", "filmmaker", "actor", "actress", "author", "writer", "editor", "artist", "coach",
        # opinion writers and a party's advocate in court: "Its columnist NAME argued", "counsel for Syria, NAME,"
        "columnist", "columnists", "commentator", "commentators", "counsel",
        # answers under a post: '"...," one reply read'
        "reply", "replies", "comment", "comments",
        # events and venues, and the herders of the steppe: "organisers said", "The concert's promoter, NAME,",
        # "The stadium's management said", "Shepherds near al-Sukhnah said"
        "organisers", "organizers", "promoter", "promoters", "management", "shepherd", "shepherds", "herder", "herders",
        # people on the roads and at the crossings: "Truck drivers at the crossing said", "bus passengers told us"
        "driver", "drivers", "truckers", "motorists", "passenger", "passengers",
        # internal papers ("A memo dated May 2 and signed by NAME says") and people back home or displaced
        # ("Returnees interviewed by UNHCR staff said", "Refugees in the camp told us")
        "memo", "memorandum", "summary", "returnee", "returnees", "refugee", "refugees",
        # who runs a camp, a site or a school: "Camp managers in the area reported that P"
        "manager", "managers", "administrator", "administrators", "supervisor", "supervisors",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
BARE_REPORTS = re.compile(r"^(?:(?:local|media|press|unconfirmed|some|other|several|many|earlier|initial|recent|"
                           r"news|first)\s+)*(?:reports?|rumou?rs?)$", re.I)
_OUTLET_WORDS = frozenset([
    "agency", "news", "media", "outlet", "broadcaster", "channel", "newspaper", "daily", "tv", "television", "radio",
    "network", "website", "tass", "ria", "sputnik", "sana", "reuters", "afp", "ap", "anadolu", "hawar", "anha",
    "rudaw", "interfax", "xinhua", "irna", "fars", "tasnim", "kurdistan24", "enab",
    # regional papers and channels that relay unnamed sources ("Asharq Al-Awsat reported, citing ...")
    "asharq", "al-awsat", "al-monitor", "al-watan", "al-akhbar", "al-mayadeen", "al-arabiya", "al-jazeera", "jazeera",
    "al-manar", "al-hadath", "ina", "mehr", "izvestia", "kommersant", "haaretz", "ynet",
    "al-nahar", "al-quds", "al-araby", "tishreen", "al-thawra", "al-ahram",
])
# a particle alone or joined by a hyphen ("al-Hafl", "bin Salman"), not a word that starts like one ("also")
# (a capital with a diacritic opens Kurdish and Turkish names too: "Şêxo", "Çelik", "Özdemir")
NAME_TOKEN = (r"(?:[A-ZÀ-ÖØ-ÞŞŠŽĞİŁŚŹŻČĆ][\w'’.-]*"
              r"|(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|la|le)(?:-[\w'’-]+)?(?![\w'’]))")
ROLE_WORDS = ("spokesperson|spokesman|spokeswoman|minister|envoy|ambassador|official|commander|chief|director|"
              "researcher|analyst|officer|representative|adviser|advisor|secretary|president|head|leader|general|"
              # court roles: "Presiding judge NAME", "Chief prosecutor NAME"
              "judge|prosecutor")


_OUTLET_TOKEN_RE = re.compile(r"[\w'’-]+")


def is_outlet(mention: str) -> bool:
    words = {w.lower() for w in _OUTLET_TOKEN_RE.findall(mention)}
    return bool(words & _OUTLET_WORDS) or mention.isupper()
