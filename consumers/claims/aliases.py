"""Who our feeds quote, by name: the canonical organisations and people with their aliases, the words that give a
mention its country, and the titles that go before a name. consumers.claims.speakers builds its lookups from these.

ORG_ALIASES and PERSON_ALIASES are also the alias rows the store seeds its speakers table with. Organisation names
follow the claim annotation guideline ("Speaker").
"""

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
                         "General Command of the Army",
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
                       "International Organization for Migration", "UNESCO", "FAO",
                       "Food and Agriculture Organization", "UNFPA",
                       # its peacekeeping forces on Syria's borders: "UNIFIL, the UN force in southern Lebanon"
                       "UNIFIL", "UNDOF", "United Nations Interim Force in Lebanon",
                       "United Nations Disengagement Observer Force"),
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
    # British departments by their own names, which no "Ministry of" pattern builds
    "UK Home Office": ("Home Office", "British Home Office"),
    "Lebanese Armed Forces": ("Lebanese army", "Lebanese military", "Lebanon Armed Forces", "LAF"),
    "Jordanian Armed Forces": ("Jordanian army", "Jordanian military", "Jordan Armed Forces", "Jordan army"),
    # Lebanon's border and residency agency (no "Ministry of" pattern builds it): "Lebanon's General Security said"
    "Lebanese General Security": ("General Security", "Lebanon's General Security",
                                  "General Directorate of General Security", "Lebanon's General Security agency",
                                  "Lebanese General Security agency"),
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

# A word of a mention -> the country adjective it carries ("Russia's", "Moscow" -> "Russian").
COUNTRY_ADJECTIVES = {
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
            # the other states with an adjective below: "the delegate of Qatar", "Poland's ambassador"
            ("qatar", "Qatari"), ("egypt", "Egyptian"), ("kuwait", "Kuwaiti"), ("oman", "Omani"),
            ("bahrain", "Bahraini"), ("yemen", "Yemeni"), ("libya", "Libyan"), ("ukraine", "Ukrainian"),
            ("italy", "Italian"), ("spain", "Spanish"), ("netherlands", "Dutch"), ("belgium", "Belgian"),
            ("austria", "Austrian"), ("canada", "Canadian"), ("australia", "Australian"),
            ("azerbaijan", "Azerbaijani"), ("armenia", "Armenian"), ("poland", "Polish"), ("cyprus", "Cypriot"),
            ("sudan", "Sudanese"), ("tunisia", "Tunisian"), ("morocco", "Moroccan"),
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
    "sudanese": "Sudanese", "tunisian": "Tunisian", "moroccan": "Moroccan",
    # Central Asian states whose citizens are held in Syria's camps, by name only ("Tajikistan's Foreign Ministry
    # said"): "Uzbek" and "Turkmen" fighters in Syria are no state's
    **{
        form: adjective
        for name, adjective in (
            ("tajikistan", "Tajik"), ("uzbekistan", "Uzbek"), ("kyrgyzstan", "Kyrgyz"), ("turkmenistan", "Turkmen"),
            ("kazakhstan", "Kazakh"),
        )
        for form in (name, f"{name}'s")
    },
}

# Titles and roles written before a name; a speaker's canonical name drops them (guideline: names without titles).
TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "dr", "eng", "prof", "professor", "sir", "lord", "lady", "sheikh", "sheik", "imam",
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
        # the Kurdish "Mr" ("Kak Shivan Mistefa"); players and coaches by their place in the team ("Defender NAME",
        # "Head coach NAME")
        "kak", "coach", "defender", "striker", "goalkeeper", "midfielder", "winger",
        # members of commissions of inquiry, EU commissioners: "Commissioner Lynn Welchman"
        "commissioner",
    ]
)
