"""Word tables for nominal actors: heads, modifiers and titles → CAMEO-style sectors.

Written by hand from the CAMEO and ACLED codebooks' sector definitions. A nominal actor is a noun
phrase whose head is listed in ``HEADS`` ("jets", "rebels", "ministry", "official"); modifiers in
``MODIFIERS`` add or change sectors ("defence ministry" → GOV+MIL, "riot police" → COP).
"""

from __future__ import annotations

from ..geo.cues import CURRENCY_WORDS

# head lemma (lower case) → sectors
HEADS: dict[str, tuple[str, ...]] = {
    # armed forces and their equipment
    **dict.fromkeys(
        ("force", "forces", "troop", "troops", "soldier", "army", "military", "jet", "warplane", "aircraft",
         "artillery", "tank", "navy", "marine", "paratrooper", "commando", "battalion", "brigade", "regiment",
         "division", "helicopter", "gunship", "warship", "frigate", "destroyer", "submarine", "bomber",
         "peacekeeper", "serviceman", "servicemen", "airman", "sailor", "general", "commander", "drone",
         "air force", "armed forces", "militia", "militiaman", "paramilitary", "officer", "personnel"),
        ("MIL",)),
    **dict.fromkeys(
        ("rebel", "insurgent", "militant", "guerrilla", "guerilla", "jihadist", "fighter", "separatist",
         "extremist", "terrorist", "insurgency", "mujahideen", "islamist"),
        ("REB",)),
    **dict.fromkeys(("gunman", "gunmen", "attacker", "assailant", "bomber", "kidnapper", "sniper"), ("UAF",)),
    **dict.fromkeys(("police", "policeman", "policemen", "policewoman", "gendarme", "gendarmerie",
                     "border guard", "guard", "coast guard", "patrol", "agent"), ("COP",)),
    **dict.fromkeys(
        ("government", "authority", "authorities", "official", "minister", "ministry", "regime",
         "administration", "cabinet", "president", "leader", "premier", "spokesman", "spokeswoman",
         "spokesperson", "diplomat", "ambassador", "envoy", "negotiator", "delegation", "embassy",
         "chancellor", "king", "emir", "monarch", "governor", "mayor", "secretary", "junta", "presidency",
         "department", "council", "prime minister", "foreign minister", "consulate", "state media", "adviser",
         "advisor", "administrator", "commission", "committee", "ruler", "chief", "security adviser",
         "security advisor"),
        ("GOV",)),
    **dict.fromkeys(("parliament", "lawmaker", "legislator", "mp", "senator", "congressman", "legislature",
                     "assembly", "parliamentarian", "senate"), ("LEG",)),
    **dict.fromkeys(("court", "judge", "prosecutor", "tribunal", "judiciary"), ("JUD",)),
    **dict.fromkeys(("intelligence", "spy", "spies", "intelligence service"), ("SPY",)),
    **dict.fromkeys(("opposition", "dissident", "activist"), ("OPP",)),
    **dict.fromkeys(("party",), ("PTY",)),
    **dict.fromkeys(
        ("civilian", "resident", "villager", "people", "child", "children", "woman", "women", "citizen",
         "family", "families", "inhabitant", "population", "passenger", "pilgrim", "prisoner", "detainee",
         "hostage", "victim", "youth", "man", "men", "teenager", "boy", "girl", "protester", "protestor",
         "demonstrator", "rioter", "mob", "crowd", "worshipper", "shopper", "local", "national", "landowner",
         "town", "village", "city", "settler", "immigrant"),
        ("CVL",)),
    **dict.fromkeys(("refugee", "migrant", "asylum seeker", "evacuee", "idp", "displaced"), ("REF",)),
    **dict.fromkeys(("journalist", "reporter", "media", "newspaper", "broadcaster", "news agency",
                     "correspondent", "photographer"), ("MED",)),
    **dict.fromkeys(("company", "firm", "businessman", "corporation", "business", "airline", "bank", "trader",
                     "merchant", "shopkeeper", "vendor", "shop owner"), ("BUS",)),
    **dict.fromkeys(("student", "university", "teacher", "professor", "school"), ("EDU",)),
    **dict.fromkeys(("worker", "union", "labourer", "laborer"), ("LAB",)),
    **dict.fromkeys(("farmer",), ("AGR",)),
    **dict.fromkeys(("cleric", "imam", "priest", "bishop", "archbishop", "clergy", "mullah"), ("REL",)),
    **dict.fromkeys(("doctor", "medic", "hospital", "nurse", "paramedic"), ("HLH",)),
    **dict.fromkeys(("smuggler", "gang", "cartel", "trafficker", "pirate", "criminal"), ("CRM",)),
    **dict.fromkeys(("aid worker", "charity", "ngo", "aid group", "aid agency"), ("NGO",)),
    # generic bodies: their sectors come from their modifiers ("opposition coalition", "armed group")
    **dict.fromkeys(("group", "organization", "organisation", "movement", "faction", "coalition", "front",
                     "association", "network", "alliance", "side", "agency", "member"), ()),
}
GENERIC_HEADS = frozenset(k for k, v in HEADS.items() if not v)

# modifier (lower case) → sectors it adds to the head's
MODIFIERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("defence", "defense", "military", "army", "air", "naval"), ("MIL",)),
    # "armed forces" are an army; "armed men", "an armed group" an armed group nobody names (ACLED: political
    # militia, as its "Unidentified Armed Group")
    **dict.fromkeys(("armed", "masked", "hooded"), ("ARMED",)),
    # "unidentified forces", "unknown soldiers": armed men no one can place on a side (ACLED: its "Unidentified
    # Armed Group", a political militia), not an army
    **dict.fromkeys(("unidentified", "unknown"), ("ARMED", "UNNAMED")),
    **dict.fromkeys(("riot", "interior"), ("COP",)),
    **dict.fromkeys(("security",), ("SEC",)),  # police for officials and chiefs, military for forces
    **dict.fromkeys(("rights", "humanitarian", "aid", "relief", "charity"), ("NGO",)),
    **dict.fromkeys(("party",), ("PTY",)),
    **dict.fromkeys(("media", "news"), ("MED",)),
    **dict.fromkeys(("intelligence",), ("SPY",)),
    **dict.fromkeys(("foreign", "government", "state", "presidential", "regime", "ministry", "official",
                     "defence ministry", "defense ministry", "foreign ministry"), ("GOV",)),
    **dict.fromkeys(("rebel", "insurgent", "militant", "jihadist", "islamist", "separatist", "anti-government",
                     "anti-regime", "terror", "terrorist", "extremist", "guerrilla"), ("REB",)),
    **dict.fromkeys(("opposition",), ("OPP",)),
    **dict.fromkeys(("police",), ("COP",)),
    **dict.fromkeys(("parliamentary",), ("LEG",)),
    **dict.fromkeys(("civilian", "civil", "community", "village", "local", "tribal", "clan"), ("CVL",)),
    **dict.fromkeys(("refugee", "displaced"), ("REF",)),
}

# nouns whose country modifier names no actor: "the US dollar", "the Turkish lira", "Greek bonds" (the currencies
# are the geo stage's table, where the same words keep a country word from being a place)
CURRENCIES = CURRENCY_WORDS | frozenset({"real", "currency", "bond", "bonds", "stock", "stocks", "shares"})

# modifiers that mark an armed group fighting for the government (ACLED: political militia)
PRO_GOVERNMENT = frozenset({"pro-regime", "pro-government", "pro-assad", "loyalist", "regime-backed",
                            "government-backed", "pro-kremlin", "pro-russian"})
# heads that name a militia; and modifiers that make it an identity militia (ACLED category 4): armed for an
# ethnic group, clan, tribe, religion or local community rather than for a political aim
# words that make forces a non-state armed group however they are named: "resistance forces" fight beside or
# against a state, never as one (ACLED: political militia)
NON_STATE_FORCES = frozenset({"resistance"})
MILITIA_HEADS = frozenset({"militia", "militiaman", "militiamen", "vigilante", "vigilantes"})
IDENTITY = frozenset({"ethnic", "clan", "communal", "community", "tribal", "tribe", "village", "local", "vigilante",
                      "self-defence", "self-defense", "herder", "herders", "farmer", "farmers", "religious",
                      "sectarian", "youth", "neighbourhood", "neighborhood"})
# a modifier that makes a people a minority where it lives ("ethnic Albanians in Serbia")
ETHNIC = frozenset({"ethnic"})
# modifiers that mark a former office holder (CAMEO: elite, ELI)
FORMER = frozenset({"former", "ousted", "ex", "ex-", "deposed", "exiled", "late"})
# verbs of a participle after "people"/"civilians" that make them refugees ("people fleeing")
FLIGHT_VERBS = frozenset({"flee", "displace", "uproot", "escape", "evacuate", "expel", "force"})

# person titles (lower case) → (sectors, role). The longest title in the phrase wins.
TITLES: dict[str, tuple[tuple[str, ...], str]] = {
    "president": (("GOV",), "President"),
    "vice president": (("GOV",), "Vice President"),
    "prime minister": (("GOV",), "Prime Minister"),
    "pm": (("GOV",), "Prime Minister"),
    "premier": (("GOV",), "Prime Minister"),
    "chancellor": (("GOV",), "Chancellor"),
    "king": (("GOV",), "King"),
    "queen": (("GOV",), "Queen"),
    "emir": (("GOV",), "Emir"),
    "crown prince": (("GOV",), "Crown Prince"),
    "prince": (("GOV",), "Prince"),
    "sultan": (("GOV",), "Sultan"),
    "supreme leader": (("GOV",), "Supreme Leader"),
    "leader": (("GOV",), "Leader"),
    "foreign minister": (("GOV",), "Foreign Minister"),
    "foreign secretary": (("GOV",), "Foreign Secretary"),
    "secretary of state": (("GOV",), "Secretary of State"),
    "defence minister": (("GOV", "MIL"), "Defence Minister"),
    "defense minister": (("GOV", "MIL"), "Defence Minister"),
    "defence secretary": (("GOV", "MIL"), "Defence Secretary"),
    "defense secretary": (("GOV", "MIL"), "Defence Secretary"),
    "interior minister": (("GOV", "COP"), "Interior Minister"),
    "minister": (("GOV",), "Minister"),
    "secretary": (("GOV",), "Secretary"),
    "spokesman": (("GOV",), "Spokesperson"),
    "spokeswoman": (("GOV",), "Spokesperson"),
    "spokesperson": (("GOV",), "Spokesperson"),
    "ambassador": (("GOV",), "Ambassador"),
    "envoy": (("GOV",), "Envoy"),
    "governor": (("GOV",), "Governor"),
    "mayor": (("GOV",), "Mayor"),
    "national security adviser": (("GOV",), "National Security Adviser"),
    "national security advisor": (("GOV",), "National Security Adviser"),
    "senator": (("LEG",), "Senator"),
    "sen.": (("LEG",), "Senator"),
    "lawmaker": (("LEG",), "Lawmaker"),
    "speaker": (("LEG",), "Speaker"),
    "mp": (("LEG",), "Member of Parliament"),
    "general": (("MIL",), "General"),
    "gen.": (("MIL",), "General"),
    "colonel": (("MIL",), "Colonel"),
    "col.": (("MIL",), "Colonel"),
    "major": (("MIL",), "Major"),
    "lieutenant": (("MIL",), "Lieutenant"),
    "admiral": (("MIL",), "Admiral"),
    "commander": (("MIL",), "Commander"),
    "army chief": (("MIL",), "Army chief"),
    "judge": (("JUD",), "Judge"),
    "justice": (("JUD",), "Justice"),
    "prosecutor": (("JUD",), "Prosecutor"),
    "ayatollah": (("REL",), "Ayatollah"),
    "archbishop": (("REL",), "Archbishop"),
    "bishop": (("REL",), "Bishop"),
    "pope": (("REL",), "Pope"),
    "cleric": (("REL",), "Cleric"),
    "sheikh": ((), "Sheikh"),
    "rebel leader": (("REB",), "Rebel leader"),
    "opposition leader": (("OPP",), "Opposition leader"),
    "journalist": (("MED",), "Journalist"),
    "reporter": (("MED",), "Reporter"),
    "candidate": (("OPP",), "Candidate"),
    "activist": (("OPP",), "Activist"),
    "dissident": (("OPP",), "Dissident"),
    "secretary-general": (("GOV",), "Secretary-General"),
    "secretary general": (("GOV",), "Secretary-General"),
    "vice-president": (("GOV",), "Vice President"),
    "official": (("GOV",), "Official"),
    "rebel commander": (("REB",), "Rebel commander"),
}

# titles that make a person head of state or government (for "the Russian leader" → Putin)
LEADER_ROLES = frozenset({"President", "Prime Minister", "Chancellor", "King", "Emir", "Supreme Leader", "Leader",
                          "Queen", "Sultan"})

# capitals that stand for their governments ("Moscow said", "Ankara has been seeking"), used when the
# geo stage has not resolved the name; alpha-3 codes
CAPITALS: dict[str, str] = {
    "Washington": "USA", "Moscow": "RUS", "Beijing": "CHN", "Ankara": "TUR", "Damascus": "SYR", "Tehran": "IRN",
    "Baghdad": "IRQ", "Kyiv": "UKR", "Kiev": "UKR", "London": "GBR", "Paris": "FRA", "Berlin": "DEU",
    "Tokyo": "JPN", "Seoul": "KOR", "Pyongyang": "PRK", "Riyadh": "SAU", "Cairo": "EGY", "Amman": "JOR",
    "Beirut": "LBN", "Jerusalem": "ISR", "Tel Aviv": "ISR", "Kabul": "AFG", "Islamabad": "PAK", "New Delhi": "IND",
    "Delhi": "IND", "Doha": "QAT", "Abu Dhabi": "ARE", "Sanaa": "YEM", "Tripoli": "LBY", "Khartoum": "SDN",
    "Addis Ababa": "ETH", "Nairobi": "KEN", "Mogadishu": "SOM", "Abuja": "NGA", "Kinshasa": "COD", "Kigali": "RWA",
    "Bamako": "MLI", "Niamey": "NER", "Ouagadougou": "BFA", "Caracas": "VEN", "Havana": "CUB", "Bogota": "COL",
    "Brasilia": "BRA", "Mexico City": "MEX", "Ottawa": "CAN", "Canberra": "AUS", "Warsaw": "POL", "Minsk": "BLR",
    "Budapest": "HUN", "Rome": "ITA", "Madrid": "ESP", "Brussels": "BEL", "Athens": "GRC", "Baku": "AZE",
    "Yerevan": "ARM", "Tbilisi": "GEO", "Tashkent": "UZB", "Astana": "KAZ", "Hanoi": "VNM", "Manila": "PHL",
    "Jakarta": "IDN", "Bangkok": "THA", "Naypyidaw": "MMR", "Dhaka": "BGD", "Colombo": "LKA", "Taipei": "TWN",
    "Algiers": "DZA", "Rabat": "MAR", "Tunis": "TUN", "Muscat": "OMN", "Manama": "BHR", "Kuwait City": "KWT",
    "Belgrade": "SRB", "Pristina": "XKX", "Sarajevo": "BIH", "Zagreb": "HRV", "Bucharest": "ROU", "Sofia": "BGR",
    "Chisinau": "MDA", "Vilnius": "LTU", "Riga": "LVA", "Tallinn": "EST", "Helsinki": "FIN", "Stockholm": "SWE",
    "Oslo": "NOR", "Copenhagen": "DNK", "The Hague": "NLD", "Vienna": "AUT", "Bern": "CHE", "Lisbon": "PRT",
    "Juba": "SSD", "Asmara": "ERI", "Djibouti": "DJI", "Kampala": "UGA", "Pretoria": "ZAF", "Harare": "ZWE",
    "Luanda": "AGO", "Maputo": "MOZ", "Dakar": "SEN", "Accra": "GHA", "Abidjan": "CIV", "Monrovia": "LBR",
    "Freetown": "SLE", "Ndjamena": "TCD", "N'Djamena": "TCD", "Bangui": "CAF", "Yaounde": "CMR", "Lima": "PER",
    "Santiago": "CHL", "Buenos Aires": "ARG", "Quito": "ECU", "La Paz": "BOL", "Managua": "NIC", "Ramallah": "PSE",
}

# regions and territories news names as places of a country (CAMEO codes the West Bank and Gaza as PSE)
REGIONS: dict[str, str] = {
    "Northern Ireland": "GBR", "Scotland": "GBR", "Wales": "GBR", "England": "GBR", "West Bank": "PSE",
    "Gaza": "PSE", "Gaza Strip": "PSE", "East Jerusalem": "PSE", "Golan Heights": "SYR", "Golan": "SYR",
    "Crimea": "UKR", "Donbas": "UKR", "Donbass": "UKR", "Darfur": "SDN", "Chechnya": "RUS", "Tibet": "CHN",
    "Xinjiang": "CHN", "Hong Kong": "HKG", "Tigray": "ETH", "Iraqi Kurdistan": "IRQ",
    "Nagorno-Karabakh": "AZE", "Transnistria": "MDA", "Abkhazia": "GEO", "South Ossetia": "GEO",
    "Western Sahara": "ESH", "Puntland": "SOM", "Somaliland": "SOM", "Balochistan": "PAK",
}
