"""Invented vocabulary for the labelled dedupe set: event kinds, phrasings, people, places.

Every sentence here was written for this benchmark; places and organisations are real names, people and
neighbourhoods are made up, and no event described happened.
"""

PLACES = [
    ("Idlib", "Idlib"), ("Maarat al-Numan", "Idlib"), ("Saraqeb", "Idlib"), ("Ariha", "Idlib"),
    ("Aleppo", "Aleppo"), ("Azaz", "Aleppo"), ("al-Bab", "Aleppo"), ("Manbij", "Aleppo"),
    ("Homs", "Homs"), ("Palmyra", "Homs"), ("Hama", "Hama"), ("Daraa", "Daraa"), ("Bosra", "Daraa"),
    ("Deir ez-Zor", "Deir ez-Zor"), ("al-Mayadin", "Deir ez-Zor"), ("Raqqa", "Raqqa"),
    ("Qamishli", "Hasakah"), ("Hasakah", "Hasakah"), ("Latakia", "Latakia"), ("Jableh", "Latakia"),
    ("Tartus", "Tartus"), ("Douma", "Rif Dimashq"), ("Jaramana", "Rif Dimashq"), ("Quneitra", "Quneitra"),
    ("Sweida", "Sweida"), ("Damascus", "Damascus"),
]
NEIGHBOURHOODS = [
    "al-Zahraa", "Bab Touma", "al-Shaar", "Karm al-Jabal", "al-Hamidiya", "al-Qusour", "Tishreen",
    "al-Mashtal", "al-Jalaa", "Ghouta Gate", "al-Andalus", "al-Salihin", "Wadi al-Nasara", "al-Ballan",
    "al-Amara", "Tell Abyad Road", "al-Sinaa", "al-Mezzeh Hills", "Qadam", "al-Rabwa", "Ain Tarma",
    "al-Kallaseh", "Hay al-Sabil", "al-Mahatta",
]
FIRST_NAMES = [
    "Omar", "Lina", "Khaled", "Rania", "Fadi", "Hala", "Yousef", "Mariam", "Samer", "Nour", "Bassel",
    "Dima", "Tarek", "Reem", "Ziad", "Salma", "Hussam", "Ruba", "Anas", "Joud", "Wael", "Nisreen",
]
LAST_NAMES = [
    "Haddad", "Sabbagh", "Khatib", "Darwish", "Hamdan", "Qassem", "Nasser", "Barakat", "Azzam", "Halabi",
    "Mardini", "Shami", "Jaber", "Kurdi", "Masri", "Rifai", "Tannous", "Yazbek", "Zein", "Othman",
]
SOURCES = [
    "the Syrian Observatory for Human Rights", "the White Helmets civil defence group", "state news agency SANA",
    "local activists", "the Syrian Arab Red Crescent", "a local council official", "medical sources",
    "the UN humanitarian office", "the Syria Civil Defence", "a war monitor",
]
ROLES = [
    "spokesman for the provincial council", "head of the local health directorate", "a civil defence volunteer",
    "director of the city's main hospital", "a member of the local council", "a UN relief coordinator",
    "governor of {province} province", "a Red Crescent team leader", "an official at the interior ministry",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Each kind: what happened, told several ways. Slots: {n1} main count, {n2} second count, {n3} small count,
# {target}, {city}, {province}, {day}, {source}, {nbhd}, {hour}, {official}, {role}.
KINDS: dict[str, dict[str, list[str]]] = {
    "airstrike": {
        "target": ["a crowded market", "a bakery", "a school building", "a residential block", "a field clinic",
                   "a fuel station", "a mosque courtyard", "a bus depot"],
        "title": ["Airstrike on {target} kills {n1} in {city}", "{n1} dead as warplanes hit {target} in {city}",
                  "Air raid kills {n1} civilians in {province}'s {city}", "Strike on {city} {target} leaves {n1} dead"],
        "lead": ["At least {n1} people were killed on {day} when an airstrike hit {target} in {city}, in {province} "
                 "province, {source} said.",
                 "An air raid on {target} in the {nbhd} district of {city} killed {n1} civilians on {day}, according "
                 "to {source}.",
                 "Warplanes struck {target} in {city} on {day}, killing at least {n1} people and wounding {n2} "
                 "others, {source} reported."],
        "fact": ["Rescuers were still digging through the rubble of {target} in {nbhd} late into the night.",
                 "The wounded, {n2} of them by one count, were taken to hospitals in {city} and nearby towns.",
                 "Among the dead were {n3} children, medics at the scene said.",
                 "Residents said two jets circled over {nbhd} for around {hour} minutes before the first bomb fell.",
                 "It was the deadliest strike on {city} in several weeks.",
                 "Footage shared by activists showed smoke rising over {nbhd} and ambulances racing through "
                 "narrow streets.",
                 "The strike came hours after shelling on villages to the south of {city}."],
        "quote": ["We pulled {n3} children out with our bare hands, there was no machinery left",
                  "This was a market full of families buying bread, there were no fighters there",
                  "The hospital is overwhelmed and we are running out of blood bags",
                  "Every night we hear the planes and every morning we count the dead"],
    },
    "shelling": {
        "target": ["a displacement camp", "a village on the front line", "farmland near the town",
                   "a row of shops", "a water pumping station", "a primary school"],
        "title": ["Shelling kills {n1} near {city}", "Artillery fire on {target} near {city} kills {n1}",
                  "{n1} killed in shelling of {target} in {province}", "Rocket fire hits {target} outside {city}"],
        "lead": ["Artillery shelling killed {n1} people on {day} in {target} near {city}, {source} said.",
                 "At least {n1} civilians died when rockets landed on {target} outside {city} on {day}, "
                 "{source} reported.",
                 "Shells fired from government positions hit {target} close to {city} on {day}, killing {n1}, "
                 "according to {source}."],
        "fact": ["Some {n2} families fled the area after the bombardment, moving north toward the border.",
                 "The shelling lasted for about {hour} minutes, residents said.",
                 "{n3} of the dead were members of one family, a relative said.",
                 "The area has been hit repeatedly since a ceasefire deal collapsed earlier this year.",
                 "Farmers said the shells set fire to wheat fields that were ready for harvest.",
                 "Local schools in {nbhd} suspended classes for the rest of the week."],
        "quote": ["The shells fell one after another, we had nowhere to hide the children",
                  "We have lived through this for years, but this week has been the worst",
                  "There is not a single house in our street that was not damaged",
                  "Our teams could not reach the wounded for an hour because the shelling continued"],
    },
    "aid": {
        "target": ["trucks of food and medicine", "lorries carrying winter supplies", "trucks loaded with flour",
                   "a convoy of medical supplies", "trucks of drinking water and hygiene kits"],
        "title": ["Aid convoy of {n1} trucks reaches {city}",
                  "{n1} aid trucks enter {province} through border crossing",
                  "UN convoy brings {target} to {city}", "First aid in months arrives in {city}"],
        "lead": ["A convoy of {n1} {target} reached {city} on {day}, the first delivery to the area in weeks, "
                 "{source} said.",
                 "{n1} {target} crossed into {province} on {day} and headed for {city}, according to {source}.",
                 "Aid agencies delivered {n1} {target} to {city} on {day}, {source} reported."],
        "fact": ["The supplies are expected to cover the needs of about {n2} families for one month.",
                 "Distribution will start in the {nbhd} neighbourhood, where displaced families live in tents.",
                 "The delivery was negotiated over {n3} weeks with authorities on both sides of the front line.",
                 "Aid groups warned that one convoy would not be enough to prevent shortages before winter.",
                 "The convoy waited at the crossing for {hour} hours before it was allowed through.",
                 "Prices of bread in {city} have tripled since the spring, residents said."],
        "quote": ["This convoy is a lifeline, but people need regular access, not a single delivery",
                  "Children in the camps have not had milk for weeks",
                  "We hope this is the start of steady deliveries and not a one-off",
                  "The needs are far greater than what these trucks carry"],
    },
    "detainees": {
        "target": ["detainees", "prisoners held without trial", "people arrested during protests",
                   "men held at a military prison", "women detained at checkpoints"],
        "title": ["{n1} {target} freed in {city}", "Authorities release {n1} {target} in {province}",
                  "Families wait as {n1} detainees released near {city}", "Prisoner release frees {n1} in {city}"],
        "lead": ["Authorities released {n1} {target} in {city} on {day} under an amnesty decree, {source} said.",
                 "{n1} {target} walked free on {day} from a prison near {city}, according to {source}.",
                 "Families gathered outside the central prison in {city} on {day} as {n1} {target} were released, "
                 "{source} reported."],
        "fact": ["Rights groups say tens of thousands of people are still missing after years of arrests.",
                 "Some of those released had spent more than {n3} years in custody, relatives said.",
                 "Relatives carried photos of missing sons and brothers and asked the freed men for news.",
                 "The release was the {n3}th under the decree, which covers some {n2} cases.",
                 "Buses brought the freed detainees to a square in the {nbhd} district.",
                 "Lawyers said many of those freed had never seen a judge."],
        "quote": ["I waited {n3} years for this day and I still cannot believe it",
                  "We came here every week hoping to see his face",
                  "Many families are still waiting and nobody tells them anything",
                  "The decree is a step, but it does not answer where the missing are"],
    },
    "protest": {
        "target": ["fuel prices", "power cuts", "the cost of bread", "unpaid salaries", "arrests in the city",
                   "water shortages"],
        "title": ["Hundreds protest over {target} in {city}", "Protesters in {city} rally against {target}",
                  "Anger over {target} brings crowds to {city} streets", "{city} residents protest {target}"],
        "lead": ["Hundreds of people protested in {city} on {day} over {target}, {source} said.",
                 "Crowds gathered in the main square of {city} on {day} to denounce {target}, according to "
                 "{source}.",
                 "Residents of {city} took to the streets on {day} in protest at {target}, {source} reported."],
        "fact": ["Protesters blocked the road to the governor's office for around {hour} minutes.",
                 "Security forces detained {n3} people at the edge of the {nbhd} district, activists said.",
                 "Shops in the old market closed their shutters in solidarity.",
                 "It was the {n3}th consecutive week of demonstrations in the province.",
                 "Organisers said about {n1} people took part, though the figure could not be verified.",
                 "Some protesters carried banners demanding the release of detainees."],
        "quote": ["We cannot feed our children on what we earn",
                  "We are not asking for much, only for electricity and bread",
                  "They promised reforms a year ago and nothing has changed",
                  "We will come back every week until someone listens"],
    },
    "explosion": {
        "target": ["a car bomb", "a roadside bomb", "an explosive device planted in a motorbike",
                   "an unexploded shell", "a landmine"],
        "title": ["Blast kills {n1} in {city}", "{n1} killed as {target} explodes in {city}",
                  "Explosion rocks {city}, killing {n1}", "Deadly blast in {nbhd} district of {city}"],
        "lead": ["{target} exploded in the {nbhd} district of {city} on {day}, killing {n1} people, "
                 "{source} said.",
                 "At least {n1} people were killed on {day} when {target} went off near a checkpoint in {city}, "
                 "according to {source}.",
                 "An explosion caused by {target} killed {n1} and wounded {n2} in {city} on {day}, "
                 "{source} reported."],
        "fact": ["No group immediately claimed responsibility for the attack.",
                 "The blast shattered windows along the street and set {n3} cars on fire.",
                 "Security forces sealed off the area and searched nearby buildings.",
                 "Similar attacks have hit the {province} countryside in recent months.",
                 "The explosion happened at about {hour} in the morning, when the street was busy.",
                 "Hospitals in {city} appealed for blood donations."],
        "quote": ["The sound was enormous, the whole building shook",
                  "We ran outside and saw people lying on the ground",
                  "There is no safety anywhere in this city anymore",
                  "Our teams evacuated the wounded under very difficult conditions"],
    },
    "returns": {
        "target": ["displaced families", "refugees from Lebanon", "refugees from Turkey", "families from the camps",
                   "residents displaced by the fighting"],
        "title": ["{n1} {target} return to {city}", "Return of {target} to {city} picks up pace",
                  "{n1} families head home to {city}", "Thousands of {target} back in {province}"],
        "lead": ["About {n1} {target} returned to {city} on {day}, {source} said.",
                 "{n1} {target} arrived back in {city} in {province} province on {day}, according to {source}.",
                 "The return of {target} to {city} continued on {day}, with {n1} people crossing back, "
                 "{source} reported."],
        "fact": ["Many found their homes in the {nbhd} district damaged or looted.",
                 "The returnees were given food baskets and hygiene kits at a reception centre.",
                 "Landmines left over from the fighting remain a danger in farmland around {city}.",
                 "Some {n2} people have returned to the province since the start of the year.",
                 "Schools in {city} reopened {n3} classrooms for returning children.",
                 "Electricity and water have been restored to parts of the town."],
        "quote": ["Our house has no windows and no doors, but it is our house",
                  "We waited {n3} years to come back and we will not leave again",
                  "There is no work here yet, but at least we are home",
                  "We need help to rebuild, we cannot do it alone"],
    },
    "outbreak": {
        "target": ["cholera", "measles", "hepatitis A", "leishmaniasis", "typhoid"],
        "title": ["{target} cases rise to {n1} in {city}", "Health officials warn of {target} outbreak in {city}",
                  "{n1} {target} cases recorded in {province}", "{target} spreads in {city} camps"],
        "lead": ["Health authorities recorded {n1} cases of {target} in {city} on {day}, {source} said.",
                 "The number of {target} cases in {city} rose to {n1} by {day}, according to {source}.",
                 "An outbreak of {target} has infected {n1} people in and around {city}, {source} reported on "
                 "{day}."],
        "fact": ["At least {n3} people have died since the first case was detected.",
                 "Most cases were found in camps in the {nbhd} area, where clean water is scarce.",
                 "Health workers began a vaccination campaign targeting {n2} children.",
                 "Doctors blamed contaminated water from the river and damaged sewage pipes.",
                 "The local hospital set up an isolation ward with {n3} beds.",
                 "Aid groups said they had sent chlorine tablets and water tanks."],
        "quote": ["We are seeing new cases every day and our beds are full",
                  "Without clean water this will keep spreading",
                  "We need medicine and we need it now",
                  "Families are drinking from the river because they have no choice"],
    },
}

BACKGROUND = [
    "Syria's conflict, which began in 2011 with the repression of peaceful protests, has killed more than "
    "half a million people and displaced millions.",
    "The war has left much of the country's infrastructure in ruins and most Syrians living in poverty, "
    "according to the United Nations.",
    "More than 12 million Syrians need humanitarian aid, the UN says.",
    "The north-west of the country remains divided between rival armed groups and government forces.",
    "Several ceasefire agreements have been announced over the years but none has held for long.",
    "Rights groups have repeatedly called for an independent investigation into attacks on civilians.",
]
BOILERPLATE = [
    "Follow us on Telegram", "Follow us on Twitter for the latest updates", "Join our WhatsApp channel",
    "Subscribe to our newsletter", "Read more:", "Read also: Syria's economy in numbers",
    "© 2024 Levant Daily. All rights reserved.", "Copyright 2024 Northern Mirror", "Advertisement",
    "Share this article", "Photo: AFP", "Source: agencies", "Related: What we know about the ceasefire",
    "Stay with us for breaking updates on our channel", "Get the latest news delivered to your inbox",
    "This article was produced with the support of our readers", "تابعونا على تلغرام",
]
BYLINES = ["By {name}", "By {name}, Damascus", "Reporting by {name}; editing by {name2}", "{name} | Staff reporter"]
SPELLINGS = [
    ("Idlib", "Idleb"), ("Daraa", "Deraa"), ("Deir ez-Zor", "Deir al-Zour"), ("Raqqa", "Raqqah"),
    ("Latakia", "Lattakia"), ("Hasakah", "Hasakeh"), ("Quneitra", "Qunaitra"), ("Maarat al-Numan", "Maarat Nouman"),
    ("neighbourhood", "neighborhood"), ("defence", "defense"), ("centre", "center"), ("Organisers", "Organizers"),
    ("programme", "program"), ("lorries", "trucks"), ("Sweida", "Suwayda"), ("Qamishli", "Qamishlo"),
]
SYNONYMS = [
    ("said", "stated"), ("killed", "left dead"), ("people", "persons"), ("at least", "no fewer than"),
    ("according to", "citing"), ("hit", "struck"), ("children", "minors"), ("about", "around"),
    ("began", "started"), ("residents", "locals"), ("reported", "said"), ("hospital", "medical centre"),
]

# How a second outlet, writing its own article, tells the same fact (rewrites use these).
RETELLINGS: dict[str, str] = {
    # airstrike
    "Rescuers were still digging through the rubble of {target} in {nbhd} late into the night.":
        "Civil defence teams searched the ruins in {nbhd} for survivors well after dark.",
    "The wounded, {n2} of them by one count, were taken to hospitals in {city} and nearby towns.":
        "Medics said {n2} wounded people had been admitted to clinics across the area.",
    "Among the dead were {n3} children, medics at the scene said.":
        "Doctors counted {n3} children among the victims.",
    "Residents said two jets circled over {nbhd} for around {hour} minutes before the first bomb fell.":
        "Witnesses in {nbhd} described aircraft overhead for {hour} minutes ahead of the attack.",
    "It was the deadliest strike on {city} in several weeks.":
        "No raid on {city} had caused so many deaths for weeks.",
    "Footage shared by activists showed smoke rising over {nbhd} and ambulances racing through narrow streets.":
        "Videos posted online from {nbhd} showed a column of smoke and ambulances arriving.",
    "The strike came hours after shelling on villages to the south of {city}.":
        "Earlier in the day, artillery had pounded villages south of {city}.",
    # shelling
    "Some {n2} families fled the area after the bombardment, moving north toward the border.":
        "The bombardment drove {n2} households to leave for the Turkish border.",
    "The shelling lasted for about {hour} minutes, residents said.":
        "Locals said the barrage went on for {hour} minutes.",
    "{n3} of the dead were members of one family, a relative said.":
        "A single family lost {n3} members, according to a cousin.",
    "The area has been hit repeatedly since a ceasefire deal collapsed earlier this year.":
        "Attacks on the zone have been frequent since this year's truce broke down.",
    "Farmers said the shells set fire to wheat fields that were ready for harvest.":
        "Crops awaiting harvest went up in flames, according to farmers.",
    "Local schools in {nbhd} suspended classes for the rest of the week.":
        "Classes in {nbhd} were cancelled until next week.",
    # aid
    "The supplies are expected to cover the needs of about {n2} families for one month.":
        "Officials said the cargo would feed {n2} households for a month.",
    "Distribution will start in the {nbhd} neighbourhood, where displaced families live in tents.":
        "Handouts begin in {nbhd}, home to tent camps for the displaced.",
    "The delivery was negotiated over {n3} weeks with authorities on both sides of the front line.":
        "Talks with both warring sides took {n3} weeks before the trucks could move.",
    "Aid groups warned that one convoy would not be enough to prevent shortages before winter.":
        "Relief agencies cautioned that shortages will return in winter without more deliveries.",
    "The convoy waited at the crossing for {hour} hours before it was allowed through.":
        "Trucks were held at the border post for {hour} hours.",
    "Prices of bread in {city} have tripled since the spring, residents said.":
        "In {city} a bag of bread now costs three times what it did in spring.",
    # detainees
    "Rights groups say tens of thousands of people are still missing after years of arrests.":
        "Tens of thousands remain unaccounted for, human rights organisations estimate.",
    "Some of those released had spent more than {n3} years in custody, relatives said.":
        "Families said a few of the freed men had been held for over {n3} years.",
    "Relatives carried photos of missing sons and brothers and asked the freed men for news.":
        "Mothers held up pictures of their missing sons, hoping someone had seen them inside.",
    "The release was the {n3}th under the decree, which covers some {n2} cases.":
        "The decree, covering {n2} cases, has now produced {n3} rounds of releases.",
    "Buses brought the freed detainees to a square in the {nbhd} district.":
        "The freed prisoners were driven to {nbhd} and met by crowds.",
    "Lawyers said many of those freed had never seen a judge.":
        "Many of the released had never been tried, their lawyers said.",
    # protest
    "Protesters blocked the road to the governor's office for around {hour} minutes.":
        "For {hour} minutes demonstrators stopped traffic outside the governorate building.",
    "Security forces detained {n3} people at the edge of the {nbhd} district, activists said.":
        "Activists reported {n3} arrests near {nbhd}.",
    "Shops in the old market closed their shutters in solidarity.":
        "Traders in the old souk shut their stores in support.",
    "It was the {n3}th consecutive week of demonstrations in the province.":
        "Demonstrations have now been held for {n3} weeks running.",
    "Organisers said about {n1} people took part, though the figure could not be verified.":
        "Organisers put turnout near {n1}, a number that could not be checked independently.",
    "Some protesters carried banners demanding the release of detainees.":
        "Banners in the crowd called for prisoners to be freed.",
    # explosion
    "No group immediately claimed responsibility for the attack.":
        "There was no immediate claim of responsibility.",
    "The blast shattered windows along the street and set {n3} cars on fire.":
        "Windows were blown out and {n3} vehicles caught fire.",
    "Security forces sealed off the area and searched nearby buildings.":
        "Police cordoned off the street and combed the surrounding houses.",
    "Similar attacks have hit the {province} countryside in recent months.":
        "Rural {province} has seen a string of comparable bombings lately.",
    "The explosion happened at about {hour} in the morning, when the street was busy.":
        "The bomb went off around {hour} a.m. as shoppers filled the street.",
    "Hospitals in {city} appealed for blood donations.":
        "Doctors in {city} urged residents to donate blood.",
    # returns
    "Many found their homes in the {nbhd} district damaged or looted.":
        "Returnees to {nbhd} discovered houses stripped or wrecked.",
    "The returnees were given food baskets and hygiene kits at a reception centre.":
        "A reception point handed out food parcels and hygiene supplies.",
    "Landmines left over from the fighting remain a danger in farmland around {city}.":
        "Unexploded mines still threaten fields outside {city}.",
    "Some {n2} people have returned to the province since the start of the year.":
        "This year {n2} people have come back to the province so far.",
    "Schools in {city} reopened {n3} classrooms for returning children.":
        "{n3} classrooms reopened in {city} for children who came back.",
    "Electricity and water have been restored to parts of the town.":
        "Parts of the town have power and running water again.",
    # outbreak
    "At least {n3} people have died since the first case was detected.":
        "The disease has killed {n3} since it was first identified.",
    "Most cases were found in camps in the {nbhd} area, where clean water is scarce.":
        "Camps around {nbhd}, short of safe water, account for most infections.",
    "Health workers began a vaccination campaign targeting {n2} children.":
        "A vaccination drive aims to reach {n2} children.",
    "Doctors blamed contaminated water from the river and damaged sewage pipes.":
        "Polluted river water and broken sewers are behind the spread, doctors believe.",
    "The local hospital set up an isolation ward with {n3} beds.":
        "An isolation unit of {n3} beds has opened at the hospital.",
    "Aid groups said they had sent chlorine tablets and water tanks.":
        "Relief organisations dispatched water tanks and purification tablets.",
}

# Eyewitness paragraphs are built from parts, so two events rarely share one.
OCCUPATIONS = [
    "teacher", "taxi driver", "pharmacist", "baker", "farmer", "nurse", "student", "shopkeeper", "mechanic",
    "carpenter", "engineer", "tailor", "fisherman", "electrician", "barber", "grocer",
]
WITNESS_ACTS = [
    "{pronoun} had been queuing for fuel nearby when it happened",
    "{pronoun} spent the night at a relative's house on the other side of {city}",
    "{pronoun} lost contact with {possessive} brother for several hours",
    "{possessive} shop in {nbhd} was one of the first places people ran to",
    "{pronoun} saw neighbours carrying the injured on blankets",
    "{pronoun} has moved {possessive} family {n3} times since the war began",
    "{pronoun} was on the way to work with {possessive} two sons",
    "{possessive} street had no electricity for most of the day",
    "{pronoun} now plans to leave {city} if things do not improve",
    "{pronoun} helped local volunteers set up a first-aid point",
]
WITNESS_FRAMES = [
    "{name}, a {age}-year-old {occupation} from {nbhd}, said {act}.",
    "{name}, {age}, who works as a {occupation}, said {act}.",
    "One resident, {occupation} {name}, told reporters {act}.",
]
