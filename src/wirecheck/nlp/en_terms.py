"""English word lists the extractors share: ranks and titles, unit vocabulary, number words.

Canonical forms are lowercase American spellings; Russian/Ukrainian extractors map to the same forms
through their term table, so facts compare across languages.
"""

from __future__ import annotations

import re

from wirecheck.textnorm import us_spelling

# Longest first so "lieutenant general" wins over "general".
TITLES = sorted([
    "president", "vice president", "prime minister", "deputy prime minister", "minister",
    "defence minister", "defense minister", "foreign minister", "interior minister", "deputy minister",
    "justice minister", "finance minister", "health minister", "economy minister", "energy minister",
    "education minister", "agriculture minister", "culture minister", "transport minister", "trade minister",
    "environment minister", "labour minister", "labor minister",
    "governor", "acting governor", "mayor", "deputy mayor", "head", "chairman", "chairwoman", "speaker",
    "spokesman", "spokeswoman", "spokesperson", "press secretary", "ambassador", "senator", "chancellor",
    "king", "queen", "prince", "general", "lieutenant general", "major general", "colonel general",
    "brigadier general", "army general", "colonel", "lieutenant colonel", "major", "captain", "lieutenant",
    "senior lieutenant", "sergeant", "junior sergeant", "senior sergeant", "private", "corporal", "admiral",
    "vice admiral", "rear admiral", "commander", "commander-in-chief", "chief of staff", "chief of the general staff",
    "marshal", "military correspondent", "war correspondent", "correspondent", "journalist", "blogger",
    "military blogger", "secretary general", "secretary-general", "secretary", "director", "chief",
    "ombudsman", "prosecutor", "prosecutor general", "judge", "magistrate", "justice", "chief justice", "attorney general", "pope", "patriarch", "sheikh", "emir",
    "general secretary", "envoy", "special envoy", "commissioner", "lawmaker", "legislator", "mp", "deputy", "officer",
    "analyst", "expert", "colonel-general", "lt. gen.", "maj. gen.", "gen.", "col.", "lt.", "capt.", "sgt.",
    "adm.", "dr.", "mr.", "mrs.", "ms.", "sen.", "rep.", "gov.",
], key=len, reverse=True)

TITLE_CANON = {
    "defense minister": "defence minister", "gen.": "general", "col.": "colonel", "lt.": "lieutenant",
    "capt.": "captain", "sgt.": "sergeant", "adm.": "admiral", "lt. gen.": "lieutenant general",
    "maj. gen.": "major general", "colonel-general": "colonel general", "secretary-general": "secretary general",
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "spokeswoman": "spokesperson",
    "spokesman": "spokesperson", "war correspondent": "military correspondent",
    "mp": "lawmaker", "legislator": "lawmaker", "parliament speaker": "speaker", "labor minister": "labour minister",
}
HONORIFICS = {"mr.", "mrs.", "ms.", "dr."}

UNIT_TYPES = {
    "brigade": "brigade", "brigades": "brigade", "regiment": "regiment", "regiments": "regiment",
    "division": "division", "divisions": "division", "battalion": "battalion", "battalions": "battalion",
    "company": "company", "corps": "corps", "army": "army", "group": "group", "squadron": "squadron",
    "detachment": "detachment", "flotilla": "flotilla", "fleet": "fleet", "platoon": "platoon",
    "battery": "battery", "wing": "wing", "legion": "legion", "center": "center", "centre": "center",
    "district": "district",
}
# Unit types that name a formation in their own right ("Black Sea Fleet") and so are organisations too.
FORMATION_TYPES = {"fleet", "flotilla", "army", "corps", "district", "legion", "group"}

DESCRIPTORS = {
    "separate": "separate", "independent": "separate", "guards": "guards", "guard": "guards",
    "motorized rifle": "motorized rifle", "motorised rifle": "motorized rifle", "motor rifle": "motorized rifle",
    "mechanized": "mechanized", "mechanised": "mechanized", "motorized": "motorized", "motorised": "motorized",
    "tank": "tank", "armored": "armored", "armoured": "armored", "assault": "assault",
    "air assault": "air assault", "airborne": "airborne", "marine": "marine", "naval infantry": "marine",
    "marines": "marine", "infantry": "infantry", "artillery": "artillery", "rocket": "rocket",
    "missile": "missile", "rifle": "rifle", "special forces": "special forces", "special purpose": "special purpose",
    "spetsnaz": "special forces", "mountain": "mountain", "jaeger": "jaeger", "territorial defense": "territorial defense",
    "territorial defence": "territorial defense", "national guard": "national guard", "combined arms": "combined arms",
    "engineer": "engineer", "sapper": "engineer", "reconnaissance": "reconnaissance", "recon": "reconnaissance",
    "anti-aircraft": "anti-aircraft", "air defense": "air defense", "air defence": "air defense",
    "drone": "drone", "unmanned systems": "unmanned systems", "presidential": "presidential",
    "operational": "operational", "tactical": "tactical", "light": "light", "heavy": "heavy",
    "cavalry": "cavalry", "coastal defense": "coastal defense", "coastal defence": "coastal defense",
    "signals": "signals", "logistics": "logistics", "red banner": "red banner", "order of lenin": "order of lenin",
}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12, "half": 0.5, "both": 2, "single": 1, "double": 2, "twice": 2,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
# Vague multitudes: an amount claim with no exact value.
VAGUE_AMOUNTS = {"dozens": 24, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
                 "hundreds of thousands": 200000, "millions": 2e6, "scores": 40, "several": 3, "many": 0}
ORDINAL_RE = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th|-?й|-?го)\b", re.I)
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}


def canon_title(t: str) -> str:
    t = us_spelling(t.lower().strip())  # "deputy defence minister" is the "deputy defense minister"
    return TITLE_CANON.get(t, t)


# Nouns an ordinal numbers in news copy ("third visit"), as English canonical forms the Russian/Ukrainian
# term table maps onto; "trip" and "visit" are one thing said two ways.
ORDINAL_NOUNS = {"anniversary": "anniversary", "birthday": "birthday", "minute": "minute", "time": "time",
                 "goal": "goal", "win": "win", "victory": "victory", "title": "title", "season": "season",
                 "century": "century", "round": "round", "lap": "lap", "place": "place", "term": "term",
                 "edition": "edition", "floor": "floor", "day": "day", "week": "week", "month": "month",
                 "year": "year", "game": "game", "match": "match", "appearance": "appearance", "cap": "cap",
                 "visit": "visit", "trip": "visit", "attempt": "attempt", "wave": "wave", "meeting": "meeting",
                 "summit": "summit", "package": "package", "session": "session", "reading": "reading"}


# Offices that are one office under two names: a central bank's «председатель» is its governor; a bare
# "head" (глава, голова, руководитель) says less than any title, not something else.
_SAME_OFFICE = [frozenset({"chairman", "governor"}), frozenset({"chairman", "chairwoman", "chair"})]
_HEAD_WORDS = {"chief": "head", "boss": "head"}
_TITLE_MODIFIERS = ("first deputy", "deputy", "acting", "vice", "former", "ex-")


def titles_compatible(a: str, b: str) -> bool:
    """Whether two titles of one person can both be right: equal once canonical, one a bare "head" of the
    other's rank (without deputy/acting), or two names of one office."""
    a, b = canon_title(a), canon_title(b)
    if a == b:
        return True

    def split(t: str) -> tuple[str, str]:
        for m in _TITLE_MODIFIERS:
            if t.startswith(m + " "):
                return m, t[len(m) + 1:]
        return "", t

    (ma, ba), (mb, bb) = split(a), split(b)
    if ma != mb:
        return False
    # "WMO chief", "UN boss": headline words for whoever heads the body, whatever the office is called.
    ba, bb = (_HEAD_WORDS.get(ba, ba), _HEAD_WORDS.get(bb, bb))
    return "head" in (ba, bb) or any(ba in g and bb in g for g in _SAME_OFFICE)
