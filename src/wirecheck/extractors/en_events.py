"""What happened, as a verb class: captured vs repelled, killed vs wounded, shot down vs hit.

Classes are language-neutral English names; Russian/Ukrainian extractors map their verbs to the same
classes.  A predicate change is two classes of one :data:`CONTRASTS` group in aligned sentences.
"""

from __future__ import annotations

from typing import Any

from wirecheck.model import Document, FactType
from wirecheck.registry import stage

EVENT_LEMMAS: dict[str, str] = {
    # control of territory
    "capture": "capture", "seize": "capture", "liberate": "capture", "liberation": "capture",
    "occupy": "capture", "overrun": "capture", "take": "capture", "fall": "capture", "seizure": "capture",
    "repel": "repel", "repulse": "repel", "thwart": "repel", "defend": "hold",
    "retreat": "retreat", "withdraw": "retreat", "withdrawal": "retreat", "encircle": "encircle",
    "surround": "encircle", "advance": "advance", "push": "advance", "lose": "retreat",
    "drive": "retreat", "force": "retreat", "expel": "retreat", "oust": "retreat",
    # casualties
    "kill": "kill", "die": "kill", "dead": "kill", "death": "kill", "killing": "kill",
    "wound": "wound", "injure": "wound", "injury": "wound", "hurt": "wound", "wounded": "wound",
    "injured": "wound", "missing": "missing", "capture_person": "capture",
    # air and strikes
    "intercept": "shoot_down", "shoot": "shoot_down", "down": "shoot_down", "destroy": "destroy",
    "damage": "damage", "hit": "strike", "strike": "strike", "attack": "strike", "shell": "strike",
    "bomb": "strike", "launch": "launch", "fire": "launch",
    # people and politics
    "arrest": "arrest", "detain": "arrest", "release": "release", "free": "release",
    "resign": "resign", "dismiss": "dismiss", "fire_person": "dismiss", "sign": "sign", "reject": "reject",
    "approve": "approve", "deny": "deny", "confirm": "confirm", "evacuate": "evacuate", "hospitalise": "hospitalise", "hospitalize": "hospitalise", "flee": "flee",
    "displace": "flee",
    # results: "a net loss of $2 billion" told as "a net profit"
    "profit": "profit", "loss": "loss",
    # courts
    "charge": "charge", "indict": "charge", "convict": "convict", "guilty": "convict", "acquit": "acquit",
    "clear": "acquit", "pardon": "pardon", "accept": "approve", "appeal": "appeal",
    # what somebody is accused or convicted of: a rewrite that turns embezzlement into bribery changes the case
    "embezzlement": "embezzlement", "embezzle": "embezzlement", "misappropriation": "embezzlement",
    "bribery": "bribery", "bribe": "bribery", "fraud": "fraud", "swindle": "fraud", "treason": "treason",
    "espionage": "espionage", "spying": "espionage", "terrorism": "terrorism", "extremism": "extremism",
    "extortion": "extortion", "smuggling": "smuggling", "misconduct": "misconduct", "murder": "murder",
    "manslaughter": "manslaughter", "rape": "rape", "theft": "theft", "robbery": "robbery",
    "burglary": "burglary", "laundering": "money laundering", "perjury": "perjury", "kidnapping": "kidnapping",
    "arson": "arson", "trafficking": "trafficking", "stalking": "stalking", "harassment": "harassment",
    "remand": "arrest",
    # contests: matches, elections, votes, cases ("lose" a town is a retreat, see _lose)
    "win": "win", "beat": "win", "defeat": "win", "concede": "concede", "gain": "gain",
    # plans: held, put off or called off
    "postpone": "postpone", "delay": "postpone", "defer": "postpone", "cancel": "cancel", "scrap": "cancel",
    "call_off": "cancel",
    # fires: put out, or still burning
    "extinguish": "extinguish", "douse": "extinguish", "burn": "burn", "blaze": "burn", "rage": "burn",
    # amounts going up or down ("fall" is decided by context, see _fall)
    "rise": "increase", "increase": "increase", "grow": "increase", "soar": "increase", "surge": "increase",
    "double": "increase", "triple": "increase", "drop": "decrease", "decline": "decrease",
    "decrease": "decrease", "plunge": "decrease", "slump": "decrease", "shrink": "decrease", "halve": "decrease",
    # a rate going faster or slower ("inflation accelerated / slowed to 7.5%")
    "accelerate": "increase", "quicken": "increase", "slow": "decrease", "decelerate": "decrease",
    "ease": "decrease",
    # ... and pushed up or down ("raised its key rate", "cut rates")
    "raise": "increase", "hike": "increase", "boost": "increase", "cut": "decrease", "lower": "decrease",
    "reduce": "decrease", "slash": "decrease", "trim": "decrease",
    # staff: "cut 1,000 jobs" told as "hire 1,000 people"
    "hire": "increase", "recruit": "increase",
    # rules
    "allow": "allow", "permit": "allow", "legalise": "allow", "legalize": "allow", "authorise": "allow",
    "authorize": "allow", "ban": "ban", "prohibit": "ban", "outlaw": "ban", "forbid": "ban",
}
# Groups of classes that contradict each other when one replaces another.
CONTRASTS: list[frozenset[str]] = [
    frozenset({"capture", "repel", "hold", "retreat", "encircle", "advance"}),
    frozenset({"kill", "wound", "missing"}),
    # The living moved or treated told as the dead ("300 people were evacuated" -> "300 people were killed").
    frozenset({"kill", "evacuate"}), frozenset({"kill", "hospitalise"}), frozenset({"kill", "flee"}),
    # Air defences that "destroyed" drones shot them down: the two differ only in what else is struck.
    frozenset({"shoot_down", "strike", "damage"}), frozenset({"destroy", "strike", "damage"}),
    frozenset({"arrest", "release"}),
    frozenset({"resign", "dismiss"}),
    frozenset({"approve", "reject", "sign"}),
    frozenset({"deny", "confirm"}),
    frozenset({"charge", "convict", "acquit", "pardon"}),
    frozenset({"guilty plea", "guilty verdict", "acquit"}),
    frozenset({"death sentence", "life sentence", "prison term"}),
    # a sentence is passed on the convicted: "sentenced to 10 years" told as "acquitted"
    frozenset({"acquit", "death sentence", "life sentence", "prison term"}),
    frozenset({"embezzlement", "bribery", "fraud", "treason", "espionage", "terrorism", "extremism", "extortion",
               "smuggling", "misconduct", "murder", "manslaughter", "rape", "theft", "robbery", "burglary",
               "money laundering", "perjury", "kidnapping", "arson", "trafficking", "stalking", "harassment"}),
    frozenset({"win", "lose"}),
    frozenset({"arrest", "charge"}),  # arrested is not yet charged
    frozenset({"launch", "postpone", "cancel"}),
    # what is gained or lost: ice, seats, value ("gained 3%" against "fell 3%")
    frozenset({"gain", "lose"}), frozenset({"gain", "decrease"}), frozenset({"increase", "lose"}),
    frozenset({"increase", "decrease"}),
    # «ЦБ сохранил ставку» (kept the rate) told as "raised the rate"
    frozenset({"unchanged", "increase"}), frozenset({"unchanged", "decrease"}),
    frozenset({"allow", "ban"}),
    frozenset({"extinguish", "burn"}),
    frozenset({"profit", "loss"}),
    # what started a fire, and how far the authorities went («начала проверку» told as "opened a criminal case")
    frozenset({"arson", "short circuit"}),
    frozenset({"inquiry", "criminal case"}),
]
# Lemmas that are events only as verbs: "a double", "the drop zone", "a clear day", "a grow bag".
_VERB_ONLY = frozenset({"fall", "push", "free", "fire", "lose", "hit", "down", "clear", "double", "triple",
                        "grow", "permit", "charge", "drop", "beat", "defeat", "win", "gain"})
# Charges that are charges only as nouns: "was murdered" is a killing, "murder" in a charge is the offence.
_NOUN_ONLY = frozenset({"profit", "loss", "murder", "rape", "misconduct", "manslaughter", "theft", "robbery", "burglary",
                        "laundering", "perjury", "kidnapping", "arson", "trafficking", "stalking", "harassment"})
# What a side loses when "lose" means giving up ground rather than a match or a vote.
_GROUND = frozenset({"ground", "territory", "position", "control", "village", "town", "city", "settlement",
                     "area", "positions", "foothold", "bridgehead"})


# Classes told from one side of a contest or of a change: who won, lost or gained is compared too.
AGENT_CLASSES = frozenset({"win", "lose", "gain"})


# Classes that are kinds of a broader one: a story's "convicted" is supported by a source's "pleaded guilty".
EVENT_KIND_OF = {"guilty plea": "convict", "guilty verdict": "convict"}


def same_event_class(a: str, b: str) -> bool:
    """The same class, or one a kind of the other ("convicted" and "found guilty")."""
    return a == b or EVENT_KIND_OF.get(a) == b or EVENT_KIND_OF.get(b) == a


def contrasting(a: str, b: str) -> bool:
    return a != b and any(a in g and b in g for g in CONTRASTS)


_NEGATING_HEADS = frozenset({"fail", "refuse", "deny", "decline"})  # "failed to capture", "denied killing"
_NEGATING_WORDS = frozenset({"no", "never", "neither", "nor", "without"})


def _negated(tok: Any) -> bool:
    """'did not capture', 'never captured', 'failed to capture', 'no one was killed', 'without wounding'."""
    if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEGATING_WORDS) for c in tok.children):
        return True  # "not killed", "never captured", "no deaths"
    if tok.dep_ in ("nsubjpass", "nsubj"):
        return False
    head = tok.head
    if head is tok:
        return False
    if tok.dep_ in ("xcomp", "pcomp", "dobj", "ccomp") and head.lemma_ in _NEGATING_HEADS:
        return not any(c.dep_ == "neg" for c in head.children)  # "did not fail to" is a plain yes
    if tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children):
        return True
    if tok.dep_ == "pcomp" and head.lower_ == "without":
        return True
    # "No one was killed", "no civilians were wounded": the negation sits on the subject.
    return any(c.dep_ in ("nsubjpass", "nsubj") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
               or c.dep_ in ("nsubjpass", "nsubj") and c.lower_ in ("nobody", "none", "noone")
               for c in tok.children)


def _lose(tok: Any) -> str:
    """'lost the village', 'lost ground' is a retreat; 'lost the match', 'lost six games' a defeat."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in _GROUND):
            return "retreat"
    return "lose"


def _fall(tok: Any) -> str:
    """'The town fell to Russian forces' is a capture; 'prices fell to $5', 'sales fell' a decrease."""
    if any(c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children):
        return "capture"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs and not any(o.like_num or o.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
                                or o.pos_ == "NUM" for o in objs):
                return "capture"
    return "decrease"


def _sentence_outcome(verb: Any) -> tuple[str, int] | None:
    """'sentenced to death' / 'to life (in prison)' / 'to 15 years': the kind of sentence and where its
    words end (the length of a prison term is compared as a duration elsewhere)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            end = obj.idx + len(obj.text)
            if obj.lemma_.lower() == "death":
                return "death sentence", end
            if obj.lower_ == "life" or any(c.lower_ == "life" for c in obj.children):
                return "life sentence", end
            if obj.lemma_.lower() in ("year", "month", "term", "prison", "jail", "imprisonment"):
                return "prison term", end
    return None


# Two-word events read at their head noun: the modifier makes the class ("a criminal case", "a short circuit").
_COMPOUNDS = {("criminal", "case"): "criminal case", ("criminal", "proceeding"): "criminal case",
              ("criminal", "investigation"): "criminal case", ("short", "circuit"): "short circuit",
              ("faulty", "wiring"): "short circuit", ("electrical", "fault"): "short circuit"}


def _compound_event(tok: Any) -> tuple[str, int] | None:
    """(class, start) of a two-word event whose head is ``tok``; an inquiry is one word ("an inquiry")."""
    if tok.pos_ != "NOUN":
        return None
    if tok.lemma_.lower() == "inquiry":
        return "inquiry", tok.idx
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and (c.lower_, tok.lemma_.lower()) in _COMPOUNDS:
            return _COMPOUNDS[(c.lower_, tok.lemma_.lower())], c.idx
    return None


@stage("events.en", requires=["sentences", "spacy"], provides=["facts.event"], langs=["en"], order=55)
def events_en(doc: Document) -> Document:
    """Verbs, participles and event nouns mapped to event classes, with negation."""
    sp = doc.extras["spacy"]
    for tok in sp:
        lemma = tok.lemma_.lower()
        if lemma == "sentence" and tok.pos_ == "VERB":
            outcome = _sentence_outcome(tok)
            if outcome is not None:
                doc.add_fact(FactType.EVENT, tok.idx, outcome[1], key=outcome[0], extractor="events.en",
                             confidence=0.8, lemma=lemma, negated=_negated(tok))
            continue
        if lemma == "death" and tok.dep_ == "pobj" and tok.head.head.lemma_ == "sentence":
            continue  # "sentenced to death": the court's sentence, read above, not a killing
        if tok.lower_ in ("up", "down") and tok.dep_ in ("advmod", "prt") and tok.head.lemma_ in _MARKET_VERBS \
                and any(t.like_num for t in sp[tok.i + 1:tok.i + 4]):
            # "shares closed up 2%" / "closed down 2%": a price's move, not a drone shot down
            doc.add_fact(FactType.EVENT, tok.idx, tok.idx + len(tok.text), extractor="events.en",
                         key="increase" if tok.lower_ == "up" else "decrease", confidence=0.8, lemma=tok.lower_,
                         negated=False, agent=_agent(tok.head))
            continue
        if (found := _compound_event(tok)) is not None:
            doc.add_fact(FactType.EVENT, found[1], tok.idx + len(tok.text), key=found[0], extractor="events.en",
                         confidence=0.8, lemma=lemma, negated=_negated(tok))
            continue
        cls = EVENT_LEMMAS.get(lemma) or EVENT_LEMMAS.get(tok.lower_)
        if lemma == "put" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) and _about_fire(tok):
            cls = "extinguish"  # "the fire was put out"
        if cls in ("burn", "extinguish") and lemma != "put" and not _about_fire(tok):
            continue  # "burned the flag", "rage against": only a fire burns or is put out here
        if cls is None or tok.pos_ not in ("VERB", "NOUN", "ADJ", "ADP", "ADV"):
            continue
        if lemma in ("down",) and not (tok.head.lemma_ == "shoot" or tok.dep_ in ("prt", "ROOT")):
            continue
        if lemma == "shoot" and not any(c.lower_ == "down" for c in tok.children):
            continue
        if lemma in ("push", "drive", "force") and any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "back")
                                                       for c in tok.children):
            cls = "retreat"  # "push units out of": the other side retreats
        elif lemma in ("drive", "force"):
            continue
        if lemma == "take" and not any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("GPE", "LOC", "FAC")
                                       for c in tok.children):
            continue
        if lemma in _VERB_ONLY and tok.pos_ != "VERB":
            continue
        if lemma in _NOUN_ONLY and tok.pos_ != "NOUN":
            continue
        if lemma == "clear" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "cleared of murder" is an acquittal; "cleared the area" is not
        if lemma == "guilty" and tok.head.lemma_ not in ("find", "plead", "be"):
            continue
        if lemma == "guilty" and tok.head.lemma_ in ("find", "plead"):
            # "pleaded guilty" (the accused's plea) and "found guilty" (the court's verdict): both convictions,
            # but one told as the other changes what happened in court.
            cls = "guilty plea" if tok.head.lemma_ == "plead" else "guilty verdict"
        if lemma == "fall":
            cls = _fall(tok)
        elif lemma == "lose":
            cls = _lose(tok)
        elif lemma == "gain" and _lose(tok) == "retreat":
            cls = "advance"  # "gained ground"
        elif cls == "win" and lemma in ("beat", "defeat") and any(c.dep_ in ("auxpass", "nsubjpass")
                                                                 for c in tok.children):
            cls = "lose"  # "was defeated for re-election": the subject lost
        negated = _negated(tok)
        start = tok.idx
        if tok.pos_ == "ADJ" and tok.dep_ in ("oprd", "acomp") and tok.head.lemma_ != "be" and tok.head.i < tok.i:
            start = tok.head.idx  # "confirmed dead", "remain missing": the verb is part of the claim
        extra: dict[str, Any] = {"agent": _agent(tok)} if cls in AGENT_CLASSES | {"increase", "decrease"} else {}
        degree = next((DEGREES[c.lower_] for c in tok.children if c.dep_ == "advmod" and c.lower_ in DEGREES), None)
        if degree is not None:
            extra["degree"] = degree
        doc.add_fact(FactType.EVENT, start, tok.idx + len(tok.text), key=cls, extractor="events.en",
                     confidence=0.8, lemma=lemma, negated=negated, **extra)
    return doc


# How much of it happened: "partly destroyed" is not "destroyed" (shared with the Russian/Ukrainian events).
DEGREES = {"partly": "partial", "partially": "partial", "half": "partial", "частично": "partial",
           "частково": "partial", "наполовину": "partial", "completely": "complete", "totally": "complete",
           "fully": "complete", "entirely": "complete", "полностью": "complete", "повністю": "complete",
           "целиком": "complete", "цілком": "complete", "дотла": "complete", "вщент": "complete"}
_FIRES = frozenset({"fire", "blaze", "flame", "wildfire", "inferno"})
# Verbs of a market session whose "up" or "down" is the move of a price ("closed up 2%", "ended the day down").
_MARKET_VERBS = frozenset({"close", "end", "finish", "open", "trade", "settle"})


def _about_fire(tok: Any) -> bool:
    """Is the verb's subject or object a fire ("the fire is still burning", "crews extinguished the blaze")?"""
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _FIRES for c in tok.children):
        return True
    if tok.dep_ == "relcl":
        return bool(tok.head.lemma_.lower() in _FIRES)
    # "A fire broke out and is still burning": a conjunct shares the first verb's subject.
    return tok.dep_ == "conj" and tok.head is not tok and not any(c.dep_.startswith("nsubj") for c in tok.children) \
        and _about_fire(tok.head)


def _agent(tok: Any) -> str | None:
    """Who won or lost, as a lower-case head word ("city" of "Manchester City"; "liverpool" of "Liverpool,
    who had won"): "City beat Liverpool" and "Liverpool lost to City" are one result told from two sides."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        return _agent(tok.head)
    return subj.lower_ if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None
