"""Words that say what kind of thing a named vessel or company is ("bulk carrier", "chipmaker", «балкер»),
shared by the description check and the extractors that must not take a ship's name for a person's.
"""

from __future__ import annotations

import re

# class -> {type phrase: canonical type}; "" marks a generic word of the class.  Synonyms share a
# canonical type (a freighter is a cargo ship).
TYPES: dict[str, dict[str, str]] = {
    "vessel": {
        "ship": "", "vessel": "", "boat": "", "craft": "", "carrier": "", "merchant ship": "",
        "merchant vessel": "", "commercial vessel": "", "commercial ship": "", "warship": "",
        "bulk carrier": "bulk carrier", "bulker": "bulk carrier", "dry bulk carrier": "bulk carrier",
        "tanker": "tanker", "oil tanker": "oil tanker", "crude tanker": "oil tanker",
        "crude oil tanker": "oil tanker", "product tanker": "product tanker", "chemical tanker": "chemical tanker",
        "gas carrier": "gas carrier", "lng carrier": "gas carrier", "lng tanker": "gas carrier",
        "container ship": "container ship", "containership": "container ship", "cargo ship": "cargo ship",
        "freighter": "cargo ship", "cargo vessel": "cargo ship", "car carrier": "car carrier",
        "vehicle carrier": "car carrier", "cruise ship": "cruise ship", "cruise liner": "cruise ship",
        "ferry": "ferry", "fishing boat": "fishing boat", "fishing vessel": "fishing boat",
        "trawler": "fishing boat", "yacht": "yacht", "superyacht": "yacht", "tug": "tug", "tugboat": "tug",
        "icebreaker": "icebreaker", "research vessel": "research vessel", "hospital ship": "hospital ship",
        "frigate": "frigate", "destroyer": "destroyer", "corvette": "corvette", "cruiser": "cruiser",
        "missile cruiser": "cruiser", "submarine": "submarine", "aircraft carrier": "aircraft carrier",
        "landing ship": "landing ship", "patrol boat": "patrol boat", "patrol ship": "patrol boat",
        "minesweeper": "minesweeper", "reconnaissance ship": "reconnaissance ship",
        "spy ship": "reconnaissance ship",
    },
    "company": {
        "company": "", "firm": "", "group": "", "giant": "", "conglomerate": "", "corporation": "",
        "business": "", "maker": "", "manufacturer": "", "producer": "", "operator": "", "provider": "",
        "tech company": "", "technology company": "", "tech giant": "", "tech firm": "",
        "chipmaker": "chipmaker", "chip maker": "chipmaker", "memory chipmaker": "chipmaker",
        "semiconductor maker": "chipmaker", "carmaker": "carmaker", "automaker": "carmaker",
        "car maker": "carmaker", "drugmaker": "drugmaker", "pharmaceutical company": "drugmaker",
        "vaccine maker": "drugmaker", "oil company": "oil company", "oil major": "oil company",
        "oil producer": "oil company", "bank": "bank", "lender": "bank", "airline": "airline",
        "carrier airline": "airline", "retailer": "retailer", "insurer": "insurer", "miner": "miner",
        "mining company": "miner", "steelmaker": "steelmaker", "shipbuilder": "shipbuilder",
        "planemaker": "planemaker", "aircraft maker": "planemaker", "defence contractor": "arms maker",
        "defense contractor": "arms maker", "arms maker": "arms maker", "smartphone maker": "phone maker",
        "phone maker": "phone maker", "handset maker": "phone maker", "software company": "software company",
        "software maker": "software company", "search giant": "search company", "broadcaster": "broadcaster",
        "brewer": "brewer", "telecoms operator": "telecom operator", "telecom operator": "telecom operator",
        "utility": "utility", "shipping company": "shipping company", "shipping line": "shipping company",
        "container line": "shipping company", "chemicals maker": "chemicals maker", "fund": "fund",
        "hedge fund": "fund", "asset manager": "fund", "exchange": "exchange", "crypto exchange": "exchange",
    },
    # What a strike hit or a fire burned: "a drone hit a residential building" told as "... a hospital".
    # A house and an apartment block are one type (both homes); a nuclear power plant is a power plant.
    "site": {
        "building": "", "facility": "", "site": "", "structure": "", "premises": "", "infrastructure": "",
        "property": "", "civilian infrastructure": "", "energy facility": "energy facility",
        "energy infrastructure": "energy facility", "energy site": "energy facility",
        "industrial facility": "", "enterprise": "", "educational institution": "", "educational facility": "",
        "residential building": "residential building", "apartment building": "residential building",
        "apartment block": "residential building", "block of flats": "residential building",
        "high-rise": "residential building", "residential high-rise": "residential building",
        "multi-storey building": "residential building", "residential block": "residential building",
        "house": "residential building", "private house": "residential building",
        "residential house": "residential building", "dormitory": "residential building",
        "hospital": "hospital", "clinic": "hospital", "medical facility": "hospital",
        "maternity hospital": "hospital", "children's hospital": "hospital", "medical centre": "hospital",
        "medical center": "hospital", "school": "school", "secondary school": "school", "high school": "school",
        "lyceum": "school", "kindergarten": "kindergarten", "nursery school": "kindergarten",
        "preschool": "kindergarten", "university": "university", "church": "church", "cathedral": "church",
        "monastery": "church", "mosque": "mosque", "synagogue": "synagogue", "market": "market",
        "shopping centre": "shopping centre", "shopping center": "shopping centre",
        "shopping mall": "shopping centre", "mall": "shopping centre", "supermarket": "shop", "shop": "shop",
        "railway station": "railway station", "train station": "railway station", "bus station": "bus station",
        "police station": "police station", "power plant": "power plant", "power station": "power plant",
        "thermal power plant": "power plant", "thermal power station": "power plant",
        "hydroelectric power plant": "power plant", "hydroelectric plant": "power plant",
        "hydropower plant": "power plant", "nuclear power plant": "nuclear power plant",
        "nuclear plant": "nuclear power plant", "nuclear power station": "nuclear power plant",
        "substation": "substation", "electrical substation": "substation", "oil depot": "oil depot",
        "fuel depot": "oil depot", "oil storage facility": "oil depot", "fuel storage facility": "oil depot",
        "refinery": "refinery", "oil refinery": "refinery", "port": "port", "seaport": "port",
        "harbour": "port", "harbor": "port", "airport": "airport", "airfield": "airfield",
        "air base": "airfield", "airbase": "airfield", "military airfield": "airfield", "bridge": "bridge",
        "dam": "dam", "factory": "factory", "plant": "factory", "chemical plant": "factory",
        "warehouse": "warehouse", "administrative building": "office building",
        "office building": "office building", "hotel": "hotel", "restaurant": "restaurant", "cafe": "cafe",
        "stadium": "stadium", "water utility": "water utility", "water treatment plant": "water utility",
        "pumping station": "water utility", "boiler house": "boiler house",
    },
}
# Types that are kinds of a broader one: a power plant is an energy facility, so neither word changes the
# other.
PARENT_TYPES = {"power plant": "energy facility", "nuclear power plant": "energy facility",
                "substation": "energy facility", "boiler house": "energy facility"}
# Classes whose types are read before a name ("the bulk carrier Eternity C"); a site is seldom named so
# ("the hotel Ukraina") and "the market Tuesday" would read as a name.
NAMED_CLASSES = frozenset({"vessel", "company"})
# Russian and Ukrainian vessel and site words, by stem (any case), with the English type they translate.
# Company types are left out: wires name companies by their industry far less often than ships by type.
SLAVIC_TYPES: list[tuple[str, str]] = [
    (r"нефтян\w*\s+танкер|нафтов\w*\s+танкер", "oil tanker"), (r"газовоз|газов\w*\s+танкер", "gas carrier"),
    (r"танкер", "tanker"), (r"балкер|балкерн\w*\s+судн|навалочн\w*\s+судн", "bulk carrier"),
    (r"сухогруз|суховантаж", "cargo ship"), (r"контейнеровоз", "container ship"),
    (r"автомобилевоз|автомобілевоз", "car carrier"), (r"круизн\w*\s+(?:лайнер|судн)|круїзн\w*\s+(?:лайнер|судн)",
                                                      "cruise ship"),
    (r"паром|пором", "ferry"), (r"рыболовн\w*\s+судн|риболовн\w*\s+судн|траулер", "fishing boat"),
    (r"ледокол|криголам", "icebreaker"), (r"буксир", "tug"), (r"яхт", "yacht"), (r"фрегат", "frigate"),
    (r"эсминец|эсминц|есмін", "destroyer"), (r"корвет", "corvette"), (r"крейсер", "cruiser"),
    (r"подводн\w*\s+лодк|підводн\w*\s+човн", "submarine"), (r"авианос|авіанос", "aircraft carrier"),
    (r"десантн\w*\s+(?:корабл|корабел)", "landing ship"),
    (r"патрульн\w*\s+(?:катер|корабл|корабел)", "patrol boat"), (r"тральщик|тральщик", "minesweeper"),
    (r"разведывательн\w*\s+корабл|розвідувальн\w*\s+корабел", "reconnaissance ship"),
    (r"судн|корабл|корабел|катер", "ship"),
    # Sites.  Stems that begin other common words end in (?!\w) ("порт" is not "портрет"); Ukrainian
    # "міст" (bridge) and "склад" (also "staff": «у складі») are left out.
    (r"жил\w*\s+(?:дом|здани|многоэтажк)|житлов\w*\s+(?:будин|будівл|багатоповерхівк)|многоэтажк|"
     r"багатоповерхівк|высотк|висотк|частн\w*\s+дом|приватн\w*\s+(?:будин|садиб)", "residential building"),
    # Whole case forms where a stem also begins another word: "госпитализирован" (taken to hospital),
    # "школьник" (a pupil).
    (r"больниц|лікарн|госпитал(?:ь|я|е|ю|ем|и|ей|ях)?(?!\w)|госпітал(?:ь|я|і|ю|ем)?(?!\w)|"
     r"шпитал(?:ь|я|і|ю|ем)?(?!\w)|поликлиник|поліклінік|клиник|клінік", "hospital"),
    (r"детск\w*\s+сад|дитяч\w*\s+садо?к|садоч?к(?:а|у|ом)?(?!\w)", "kindergarten"),
    (r"школ(?:а|ы|е|у|ой|ою|и|і|ам|ами|ах)?(?!\w)|лице[йяюе]|ліце[йюї]|гимнази|гімназі", "school"), (r"университет|університет", "university"),
    (r"церк|храм|собор(?:а|у|ом|е|і)?(?!\w)|монастыр|монастир", "church"), (r"мечет", "mosque"),
    (r"синагог", "synagogue"), (r"торгов\w*\s+(?:центр|комплекс)|торговельн\w*\s+(?:центр|комплекс)|"
                              r"трц(?!\w)|тц(?!\w)", "shopping centre"),
    (r"рын(?:ок|ка|ку|ке)(?!\w)|рин(?:ок|ку|ки)(?!\w)", "market"), (r"супермаркет|магазин", "shop"),
    (r"автовокзал|автостанци|автостанці", "bus station"), (r"вокзал", "railway station"),
    (r"атомн\w*\s+электростанц|атомн\w*\s+електростанц|аэс(?!\w)|аес(?!\w)", "nuclear power plant"),
    (r"тэц(?!\w)|тец(?!\w)|тэс(?!\w)|тес(?!\w)|гэс(?!\w)|гес(?!\w)|электростанц|електростанц",
     "power plant"),
    (r"подстанц|підстанц", "substation"),
    (r"нефтебаз|нафтобаз|топливн\w*\s+склад|паливн\w*\s+склад", "oil depot"),
    (r"нпз(?!\w)|нефтеперерабатывающ\w*\s+завод|нафтопереробн\w*\s+завод", "refinery"),
    (r"аэропорт|аеропорт", "airport"), (r"аэродром|аеродром|авиабаз|авіабаз", "airfield"),
    (r"порт(?:а|у|ом|е|і|ах|ов|ів)?(?!\w)", "port"), (r"мост(?:а|у|ом|ы|ов|е)?(?!\w)", "bridge"),
    (r"плотин|дамб|гребл", "dam"), (r"завод|фабрик|комбинат|комбінат", "factory"),
    (r"административн\w*\s+здани|адміністративн\w*\s+будівл", "office building"),
    (r"гостиниц|готел", "hotel"), (r"ресторан", "restaurant"), (r"кафе(?!\w)", "cafe"),
    (r"стадион|стадіон", "stadium"), (r"водоканал|водоочистн\w*\s+сооружени|очисн\w*\s+споруд", "water utility"),
    (r"котельн", "boiler house"),
    (r"энергетическ\w*\s+(?:инфраструктур|объект)|енергетичн\w*\s+(?:інфраструктур|об.єкт)|"
     r"объект\w*\s+энергетики|об.єкт\w*\s+енергетики|енергооб.єкт|энергообъект", "energy facility"),
    (r"отдел\w*\s+полиции|відділ\w*\s+поліції|полицейск\w*\s+участ", "police station"),
]


def phrase_pattern(phrase: str) -> str:
    """A regular expression for a type phrase, any run of white space between its words."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


# A vessel word right before a capitalised name: "the cargo ship Slavyanin", "tanker Eternity C".
VESSEL_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(
    phrase_pattern(p) for p in sorted(TYPES["vessel"], key=len, reverse=True) if p != "carrier")
    + r")\s+$", re.I)
