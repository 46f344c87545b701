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
}
# Russian and Ukrainian vessel words, by stem (any case), with the English type they translate.  Company
# types are left out: wires name companies by their industry far less often than ships by their type.
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
]


def phrase_pattern(phrase: str) -> str:
    """A regular expression for a type phrase, any run of white space between its words."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


# A vessel word right before a capitalised name: "the cargo ship Slavyanin", "tanker Eternity C".
VESSEL_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(
    phrase_pattern(p) for p in sorted(TYPES["vessel"], key=len, reverse=True) if p != "carrier")
    + r")\s+$", re.I)
