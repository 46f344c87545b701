"""Text normalisation shared by every language: apostrophes, transliteration and sound-alike keys.

A sound-alike key reduces a name in any script or romanisation to a coarse Latin skeleton, so that
Pyrogov, Pirogov and Пирогов (or Yaramyr and Ярамир) meet, while Seversk and Severomorsk stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

APOSTROPHES = "’ʼ'`´‘ʹ"
_APOS_RE = re.compile(f"[{APOSTROPHES}]")

# Applied in order to a lowercase Latin string; longest clusters first.
_SOUND_RULES: list[tuple[str, str]] = [
    ("shch", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
    ("tz", "c"), ("ya", "a"), ("ia", "a"), ("yu", "u"), ("iu", "u"), ("ye", "e"), ("ie", "e"),
    ("yi", "i"), ("yo", "o"), ("io", "o"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("x", "ks"),
    ("q", "k"), ("y", "i"), ("j", "i"), ("g", "h"),
    # English spells the long vowels of Arabic and Slavic names "ee"/"oo" where Cyrillic writes и/у:
    # Saree = Сари, Mahmood = Махмуд.
    ("ee", "i"), ("oo", "u"),
]


def normalise_apostrophes(text: str) -> str:
    return _APOS_RE.sub("'", text)


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """Language-blind romanisation (anyascii) with the soft and hard signs dropped."""
    text = text.replace("ь", "").replace("Ь", "").replace("ъ", "").replace("Ъ", "")
    return anyascii(text)


@lru_cache(maxsize=65536)
def sound_key(text: str) -> str:
    """Coarse key for matching names across transliterations and scripts."""
    s = to_latin(unicodedata.normalize("NFC", text)).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _SOUND_RULES:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)  # collapse doubles: Severodonnetsk = Severodonetsk
    return s


# Words that say what kind of district a name is, in English, Russian and Ukrainian.
_DISTRICT_WORDS = frozenset("""district raion rayon okrug county municipal urban rural city hromada community
район округ громада муниципальный городской сельский міська сільська селищна муніципальний""".split())
_DISTRICT_FORMS = re.compile(r"^(?:район|округ|громад|district|raion|rayon|okrug|hromad|count)\w*$")
_ADJ_END = re.compile(r"s[kc](?:iy|yi|yy|ij|ii|y|i|aya|a|oye|oe|e|yj|ogo|oho|omu|om|oy|oj|oi|im|ym|ikh|ykh|yh)$")


def district_stem(name: str) -> str:
    """The part of a district's name both languages share: «Шебекинский округ» and "Shebekino district" both
    give 'sebekin', "Kramatorsk raion" and «Краматорський район» 'kramator'.  A district is named by an
    adjective in Russian/Ukrainian and by its town in English; neither side's full name is the other's."""
    stems = []
    for word in name.split():
        if word.lower() in _DISTRICT_WORDS or _DISTRICT_FORMS.match(word.lower()):
            continue
        w = re.sub(r"[^a-z]", "", to_latin(word).lower())
        if _ADJ_END.search(w):
            w = re.sub(r"(?<=[a-z]{3})s[kc][a-z]{0,4}$", "", w)  # any case of the adjective: -skiy, -skom, -skoho
        else:
            w = re.sub(r"sk$", "", w)
            w = re.sub(r"(?:ka|[aeiouy]+)$", "", w)
        if w:
            stems.append(sound_key(w))
    return " ".join(stems)


def place_key(name: str, level: str = "") -> str:
    """The comparison key of a place not (yet) resolved to a gazetteer record."""
    if level == "district" and (stem := district_stem(name)):
        return "district:" + stem
    return "name:" + sound_key(name)


_UK_US = [(re.compile(r"\b" + a), b) for a, b in [
    ("defence", "defense"), ("centre", "center"), ("organisation", "organization"), ("programme", "program"),
    ("labour", "labor"), ("armour", "armor"), ("harbour", "harbor"), ("mechanised", "mechanized"),
    ("motorised", "motorized"), ("organised", "organized"), ("honour", "honor"),
]]


def us_spelling(text: str) -> str:
    """British spellings to American ones, so 'Defence Ministry' and 'Defense Ministry' compare equal."""
    for rx, repl in _UK_US:
        text = rx.sub(repl, text)
    return text


def person_key(name: str) -> str:
    """Key of a person's surname (the last word of the name)."""
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    return sound_key(words[-1]) if words else ""


# English writes Russian ё as "yo" after a consonant (Aksyonov, Pyotr, Seleznyov), Russian text mostly as
# е (Аксенов): the "e" reading is tried too.  Not at the start of a name (Yoshida) nor in "Kyoto" = Киото,
# which the plain key already matches.
_YO = re.compile(r"(?<=[bcdfhklmnprstvz])yo", re.I)


def name_similarity(a: str, b: str) -> float:
    """0..100 similarity of two names after sound-alike reduction."""
    ka, kb = sound_key(a), sound_key(b)
    if not ka or not kb:
        return 0.0
    best = float(fuzz.ratio(ka, kb))
    for x, y in ((a, b), (b, a)):
        if _YO.search(x):
            best = max(best, float(fuzz.ratio(sound_key(_YO.sub("e", x)), sound_key(y))))
    return best


SAME_NAME_THRESHOLD = 86.0  # Seversk/Sevsk scores 83: places need ids, not spelling


def same_name(a: str, b: str) -> bool:
    return name_similarity(a, b) >= SAME_NAME_THRESHOLD


_SOFT = frozenset("aeiouyhjw")  # letters transliterations add or drop freely (Zelenskyy, Mohammed/Mohamed)


def same_consonants(a: str, b: str) -> bool:
    """A name written in Cyrillic and in Latin letters with the same consonants in the same order: a
    foreign name's vowels are transcribed by ear (Трамп = Trump, Байден = Biden), so across scripts
    only the consonants are compared, and only for names with three of them or more."""
    if a.isascii() == b.isascii():
        return False
    ca, cb = (re.sub(r"[aeiouy]", "", sound_key(x)) for x in (a, b))
    return len(ca) >= 3 and ca == cb


def consonant_apart(a: str, b: str) -> bool:
    """Two names in the Latin script whose sound keys differ by one added consonant: Johnson/Johnston,
    Thomson/Thompson are other families, not spellings of one name.  (Across scripts, and for vowels or
    h/j/w, spellings vary: those stay the fuzzy match's business.)"""
    if not (a.isascii() and b.isascii()):
        return False
    ka, kb = sound_key(a), sound_key(b)
    if abs(len(ka) - len(kb)) != 1:
        return False
    short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    return any(long_[:i] + long_[i + 1:] == short and long_[i] not in _SOFT for i in range(len(long_)))
