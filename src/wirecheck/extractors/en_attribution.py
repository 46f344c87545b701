"""English attributions: who said, reported or believes what ("X said that ...", "according to X").

The parse does the work: a cue is a speech or cognition verb (or "according to"), its source is the
verb's subject (or passive agent, or the noun a "who" clause hangs on), its content is the clausal
complement, an adjacent direct quote, or a thing-object ("denied the report").  The same relations
feed the quote extractor (speakers) and the hedge extractor (vague sources), so the three stages
agree on what counts as a source.  The spaCy model ships without a lemmatizer in this project, so
verbs are recognised through inflected forms generated from a base-form lexicon.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wirecheck.model import Document, FactType
from wirecheck.nlp.english import entity_span
from wirecheck.registry import stage
from wirecheck.textnorm import person_key

# Verbs of saying, writing and publishing: their subject made a statement.
SPEECH_VERBS = frozenset("""
say tell state declare announce report add note claim argue warn explain write insist assert acknowledge
admit confirm deny suggest predict reply respond answer ask urge caution maintain contend allege accuse
complain boast comment conclude emphasize emphasise stress reveal disclose testify tweet post promise vow
pledge threaten agree concede observe remark describe praise criticize criticise blast slam mock question
hint signal reiterate repeat underline underscore highlight counter retort rebut dispute decry lament charge
blame recount inform brief advise proclaim quip joke shout yell scream whisper demand propose recommend
assure reassure affirm announce call label dub brand tout indicate show suggest recall mention cite
characterize characterise lambaste denounce condemn applaud welcome hail thank apologize apologise
acknowledge pronounce declare publish broadcast speculate estimate forecast project wonder object protest
push advocate point discuss echo express detail reference talk liken press rule reject decline encourage defend attack
endorse speak address rate support back oppose promote offer refuse
remind concur insinuate imply refute contradict clarify specify elaborate summarize summarise confess
divulge leak plead beg implore appeal request instruct notify alert brag grumble muse opine theorize
theorise posit hypothesize inquire enquire quote recite retweet chant scold chide rebuke berate grill
lash rail ridicule taunt insult scoff castigate excoriate assail laud extol commend congratulate
deride chastise bemoan compliment articulate exhort moralize propound query persuade convince
""".split())

# Verbs of taking a position or putting one forward (PolNeAR counts "unveiled a plan", "voted to repeal").
STANCE_VERBS = frozenset("""
unveil outline present introduce pitch float invoke stress portray paint depict compare contrast link equate
credit attribute view regard decide vote choose opt elect determine sign order
""".split())

# Verbs of taking, holding or acting on a position ("embraced the idea", "challenged the rules", "sought
# to ..."): PolNeAR and PARC count them as attributions of the subject's stance, but they report no words
# said, so product checks that are about reported speech leave them out (cue_class "position").
POSITION_VERBS = frozenset("""
approve disapprove accept embrace favor favour champion lobby challenge contest resist ignore dismiss
downplay veto overrule overturn uphold prefer like love hate dislike despise admire seek aim hesitate
celebrate hammer rip bash fault trash bet rationalize rationalise
document chronicle examine feature profile illustrate identify
""".split())

# Verbs that are reports only when a quote or a colon follows ('Caddell continued: "..."').
QUOTE_ONLY_VERBS = frozenset("continue begin go".split())

# Verbs whose topic is what was said ("spoke out about the shooting", "warned of a crisis").
_ABOUT_VERBS = frozenset("speak talk write testify comment complain warn boast joke tweet post".split())

# Verbs of thinking and knowing: their subject holds a belief (PolNeAR counts these as attributions).
COGNITION_VERBS = frozenset("""
believe think know expect fear hope feel doubt suspect worry realize realise understand assume consider
reckon guess imagine suppose learn find discover conclude recognize recognise see hear notice sense
want wish intend plan
remember forget trust presume deem judge infer deduce perceive envision envisage foresee anticipate
surmise ponder dream desire regret dread resent appreciate
""".split())

# Cognition verbs that present a claim as someone's view ("observers believe").
BELIEF_VERBS = frozenset("believe think fear expect suspect doubt worry reckon estimate assume consider feel "
                         "predict conclude".split())

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | QUOTE_ONLY_VERBS | STANCE_VERBS | POSITION_VERBS

# What a cue reports (an ATTRIBUTION fact's ``cue_class``): "speech" (said, according to, a speaker
# label), "belief" (thinks, is confident that), "stance" (unveiled a plan, voted to), "position" (embraced
# the idea, sought to), "unsourced" (a passive with no agent: "was accused of").  Checks about what someone said or believes use REPORT_CLASSES only, the
# classes this extractor had before "position" was added.
REPORT_CLASSES = frozenset({"speech", "belief", "stance"})
_BELIEF_NOUNS = frozenset("belief view fear fears concern hope expectation".split())


def cue_class_of(kind: str, base: str) -> str:
    """The class of a cue from the report's kind and the cue's base form."""
    if kind in ("according", "label") or base in SPEECH_VERBS or base in QUOTE_ONLY_VERBS:
        return "speech"
    if base in COGNITION_VERBS or base in ADJ_CUES or base in _BELIEF_NOUNS:
        return "belief"
    if base in STANCE_VERBS:
        return "stance"
    if base in POSITION_VERBS:
        return "position"
    return "speech"  # a noun cue ('claims that', 'statement that')


def is_report(attrs: dict[str, Any]) -> bool:
    """Does an ATTRIBUTION fact report speech, belief or a stated stance (the facts vague-source,
    quote and certainty checks are about)?  Facts from other extractors carry no class: they do."""
    return attrs.get("cue_class", "speech") in REPORT_CLASSES

# Verbs whose passive subject is who was addressed, not what the claim is about ("voters were urged to").
_ADDRESSEE_VERBS = frozenset("""
tell ask urge inform advise brief warn encourage press remind instruct invite request beg implore thank
welcome assure reassure answer address call push
""".split())

# Verbs whose direct object can be what was said ("denied the report"), not who was told.
_OBJECT_CONTENT_VERBS = frozenset("""
deny confirm announce reveal disclose report predict dispute question acknowledge admit claim allege
cite mention recall repeat reiterate describe propose recommend demand promise pledge vow threaten
estimate forecast project know expect fear want hear see tweet post publish write
""".split())

# Verbs whose "to"-infinitive is the content ("vowed to fight", "urged Congress to act").
_XCOMP_CONTENT_VERBS = frozenset("""
promise vow pledge threaten urge ask call demand plan intend want wish hope expect agree
refuse warn advise tell claim encourage press
seek aim hesitate prefer like love hate decide vote choose
opt beg implore plead request instruct remind appeal
""".split())

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "know": ("knew", "known"), "feel": ("felt",), "hear": ("heard",), "see": ("saw", "seen"),
    "find": ("found",), "understand": ("understood",), "learn": ("learnt",), "forecast": ("forecast",),
    "broadcast": ("broadcast",), "show": ("shown",), "speak": ("spoke", "spoken"), "swear": ("swore", "sworn"),
    "teach": ("taught",), "mean": ("meant",), "foresee": ("foresaw", "foreseen"),
}

_VOWELS = "aeiou"


def _regular_forms(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        # Short verbs ending consonant-vowel-consonant double it: "admitted", "planning".
        if (len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS
                and base[-3] not in _VOWELS):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def _form_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in sorted(CUE_VERBS | {"speak", "swear", "mean", "appear", "seem"}):
        for form in _regular_forms(base) | set(_IRREGULAR.get(base, ())):
            table.setdefault(form, base)
    return table


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    return frozenset(_form_table()) | {"according"}


def verb_base(tok: Any) -> str:
    """Base form of a verb token, when it is one of the lexicon's verbs ('' otherwise)."""
    if not (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")):
        return ""
    return _form_table().get(tok.lower_, "")


# Words that are titles or ranks, not part of a person's name.
TITLE_WORDS = frozenset("""
president vice prime minister colonel col lieutenant lt general gen major maj captain capt sergeant sgt
admiral commander chief governor gov senator sen representative rep mayor secretary ambassador spokesman
spokeswoman spokesperson deputy foreign defence defense interior chairman chairwoman chair director judge
justice king queen prince princess pope patriarch mr mrs ms dr prof professor sir lord lady field marshal
marshal private corporal officer minister premier chancellor leader head speaker former acting
russian ukrainian american british french german chinese us u.s. uk
""".split())

# Common nouns that name a kind of person or group without naming who.
VAGUE_PEOPLE = frozenset("""
analyst analysts expert experts observer observers source sources official officials critic critics insider
insiders diplomat diplomats commentator commentators people person someone somebody some many others
witness witnesses resident residents specialist specialists scholar scholars academic academics researcher
researchers economist economists pundit pundits watcher watchers skeptic skeptics sceptic sceptics
supporter supporters opponent opponents activist activists aide aides adviser advisers advisors advisor
military_sources strategist strategists voice voices figure figures circle circles western
""".split())

# Nouns that stay anonymous even when the text points back at them ("the source added").
ANONYMOUS = frozenset("source sources insider insiders official officials person".split())

# Nouns for unnamed reports ("reports indicate", "media reports say").
VAGUE_REPORTS = frozenset("""
report reports reporting account accounts rumor rumors rumour rumours speculation estimates
assessment assessments claims information intelligence data leaks
""".split())

# Modifiers that make a group vague on purpose ("international observers", "some analysts").
VAGUE_MODIFIERS = frozenset("""
international global foreign western independent unnamed anonymous some many several various numerous
other others certain unidentified senior military security political local regional outside few most
""".split())

MEDIA_NAMES = frozenset("""
tass ria interfax reuters ap afp bbc cnn bloomberg kommersant izvestia vedomosti ukrinform unian
xinhua nyt msnbc nbc cbs abc fox politico axios breitbart huffpost
""".split())
MEDIA_HEADS = frozenset("""
newspaper paper agency outlet channel broadcaster magazine publication times post journal news
tribune telegraph guardian herald gazette daily press wire network television tv radio website site
blog report article story piece editorial
""".split())

PRONOUNS = frozenset("he she him her they them i we you it who that which".split())
_PERSON_PRONOUNS = frozenset("he she him her i".split())

_QUOTE_OPEN = "“„«"
_QUOTE_CLOSE = "”»"
_QUOTE_CHAR = re.compile("''|[“„«”»\"]")  # '' is a double quote in some newsroom copy (NYT)


def tokens(sp: Any) -> list[Any]:
    """The parse's tokens as a list, made once per parse (spaCy builds a new Token on every access)."""
    toks: list[Any] | None = sp.user_data.get("wirecheck_tokens")
    if toks is None:
        toks = list(sp)
        sp.user_data["wirecheck_tokens"] = toks
    return toks


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> Any:
    import numpy as np
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return np.array(sorted(hash_string(w) for w in words), dtype="uint64")


def pick(sp: Any, words: frozenset[str], *, propn: bool = False) -> list[Any]:
    """Tokens whose lowercase form is in ``words`` (or that are proper nouns), without touching the
    others: building a spaCy Token costs more than everything these stages do with it."""
    import numpy as np
    from spacy.attrs import LOWER, POS
    from spacy.symbols import PROPN

    arr = sp.user_data.get("wirecheck_lower_pos")
    if arr is None:  # one array per parse: several stages pick from it
        arr = sp.to_array([LOWER, POS])
        sp.user_data["wirecheck_lower_pos"] = arr
    mask = np.isin(arr[:, 0], _hashes(words))
    if propn:
        mask |= arr[:, 1] == PROPN
    return [sp[int(i)] for i in np.flatnonzero(mask)]


def sentences(sp: Any) -> list[Any]:
    """The parse's sentences as a list, made once per parse."""
    out: list[Any] | None = sp.user_data.get("wirecheck_sents")
    if out is None:
        out = list(sp.sents)
        sp.user_data["wirecheck_sents"] = out
    return out


def sent_of(sp: Any, i: int) -> Any:
    """The sentence holding token ``i`` (Token.sent rescans the parse on every call)."""
    sents = sentences(sp)
    starts: list[int] | None = sp.user_data.get("wirecheck_sent_starts")
    if starts is None:
        starts = [s.start for s in sents]
        sp.user_data["wirecheck_sent_starts"] = starts
    return sents[max(0, bisect_right(starts, i) - 1)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of double-quoted passages, marks included, per paragraph.

    A paragraph that opens a quote without closing it (the wire convention for a quote running on
    into the next paragraph) ends the quote at the paragraph break.
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, ptext = para.start(), para.group()
        open_at: int | None = None
        for m in _QUOTE_CHAR.finditer(ptext):
            i, ch = m.start(), m.group()
            # A closing mark typed where the paragraph opens ('”Mr. Trump ...”') still opens the quote.
            opens_para = ch in _QUOTE_CLOSE and open_at is None and not ptext[:i].strip()
            if ch in _QUOTE_OPEN or opens_para or (ch in ('"', "''") and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                spans.append((p0 + open_at, p0 + m.end()))
                open_at = None
        if open_at is not None and len(ptext) - open_at > 20:
            end = len(ptext.rstrip())
            spans.append((p0 + open_at, p0 + end))
        spans += _single_quoted(ptext, p0, spans)
    return sorted(spans)


_SQ_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–]))[‘'](?=[^\W\d_])")
_SQ_CLOSE = re.compile(r"(?<=[^\s])[’'](?=$|[\s,.;:!?)\]—–])")


def _single_quoted(ptext: str, p0: int, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """British-style quotes ('We will not retreat,' he said): a mark opening before a letter and one
    closing after a word, outside any double-quoted passage.  Apostrophes do not pair: 'didn't' has letters
    on both sides, and a plural possessive (the soldiers' homes) closes nothing while a later mark could."""
    inside = [(a - p0, b - p0) for a, b in doubles if p0 <= a]
    out: list[tuple[int, int]] = []
    closes = [m.start() for m in _SQ_CLOSE.finditer(ptext) if not any(a <= m.start() < b for a, b in inside)]
    pos = 0
    for m in _SQ_OPEN.finditer(ptext):
        i = m.start()
        if i < pos or any(a <= i < b for a, b in inside):
            continue
        later = [j for j in closes if j > i + 1]
        # A plural possessive looks like a closing mark: take it only when no other mark follows.
        plain = [j for j in later if not (ptext[j - 1] == "s" and re.match(r" [a-z]", ptext[j + 1:j + 3]))]
        pick = plain[0] if plain else later[0] if later else None
        if pick is None or not re.search(r"[^\W\d_]{2}", ptext[i:pick]):
            continue  # rock 'n' roll
        out.append((p0 + i, p0 + pick + 1))
        pos = pick + 1
    return out


@dataclass
class Mention:
    """A person named in the text, with the title words written before the name."""

    name: str
    start: int
    key: str
    titles: frozenset[str]
    i: int = -1  # token index of the mention's last word
    subject: bool = False  # the mention is (or owns) a clause subject: the likeliest antecedent


@dataclass
class Report:
    """One reported-speech relation: source (as written), cue, content ranges."""

    cue: tuple[int, int]
    cue_text: str
    cue_base: str
    kind: str  # "speech", "cognition", "according"
    source: tuple[int, int] | None
    source_text: str
    content: list[tuple[int, int]]
    sentence_start: int
    head_i: int  # token index of the source's head (-1: none)
    verb_i: int  # token index of the cue's main word
    resolved: str = ""  # the source's name after pronoun/description resolution
    source_type: str = ""
    vague: bool = False
    quotes: list[tuple[int, int]] = field(default_factory=list)
    block: bool = False  # content set off by a colon or a speaker label: not clipped to the cue's sentence
    # A looser reading: the content is the rest of the clause (the parse gave no complement), a passive
    # subject, or a stance verb's object; a quoted word inside it is not credited to the source.
    loose: bool = False
    agentless: bool = False  # a passive with no agent ("was accused of"): a claim nobody is named for
    cls: str = ""  # the cue class when the cue word alone does not tell it

    @property
    def cue_class(self) -> str:
        return self.cls or ("unsourced" if self.agentless else cue_class_of(self.kind, self.cue_base))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b


def _span_of(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_range_end_tok(tok: Any) -> int:
    """Index of the last token of ``tok``'s subtree."""
    return int(max(t.i for t in tok.subtree))


def _subtree_range(tok: Any) -> tuple[int, int]:
    """Character range of ``tok``'s clause, up to a coordinated clause that is a report of its own
    ("Machado promised to ... and said she would ...")."""
    stop = None
    for c in tok.children:
        if c.dep_ == "conj" and c.i > tok.i and verb_base(c) in SPEECH_VERBS:
            stop = c.i if stop is None else min(stop, c.i)
    toks = [t for t in tok.subtree if stop is None or t.i < stop]
    while stop is not None and len(toks) > 1 and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
        toks.pop()
    return _span_of(toks)


def source_tokens(head: Any) -> list[Any]:
    """The source phrase: the subject's subtree without a trailing relative clause or quote."""
    toks = list(head.subtree)
    cut = {t.i for c in head.children if c.dep_ in ("relcl",) for t in c.subtree}
    # ', who as a Navy captain was ...' deeper in the phrase (on an appositive) is an aside too.
    cut |= {t.i for c in toks if c.dep_ == "relcl" and c.i > head.i and c.left_edge.i > 0
            and c.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
    toks = [t for t in toks if t.i not in cut]
    # A parse that hung a later appositive on the subject across the verb ('A union ... endorsed Clinton,
    # another example of ...') leaves a gap: keep the unbroken run around the head.
    k = next(k for k, t in enumerate(toks) if t.i == head.i) if any(t.i == head.i for t in toks) else -1
    if k >= 0:
        lo = hi = k
        while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
            lo -= 1
        while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
            hi += 1
        toks = toks[lo:hi + 1]
    toks = _without_dateline(toks, head)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    # "Acme Corp (Reuters) said": the bracket's close was trimmed as punctuation; an aside left open at
    # the end of the phrase goes with it.
    opened = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].text in "()"), None)
    if opened is not None and toks[opened].text == "(" and opened > 0 and toks[opened].i > head.i:
        toks = toks[:opened]
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks or [head]


def _dateline_end(first: Any, last: Any) -> int:
    """Where a paragraph-opening dateline that the phrase ``first``..``last`` starts with ends, else -1."""
    from wirecheck.segment.sentences import dateline_length

    doc, j = first.doc, first.i
    # Only a phrase at the start of a line can hold a dateline (Doc.text would join the whole text).
    while j > 0 and doc[j - 1].is_space and "\n" not in doc[j - 1].text:
        j -= 1
    if j > 0 and "\n" not in doc[j - 1].text and "\n" not in doc[j - 1].whitespace_:
        return -1
    line = doc[j].idx
    text = doc[j:last.i + 1].text
    n = dateline_length(text)
    head = text[:n]
    # A town in capitals or a dash after the agency: "Gazprom (GAZP.MM) said" opens no dateline.
    if not n or not (re.match(r"[A-Z][A-Z'’-]{2,}\b", head) or re.search(r"\)\s*[-–—:.]\s*$", head)):
        return -1
    return line + n if line + n > first.idx else -1


def _without_dateline(toks: list[Any], head: Any) -> list[Any]:
    """'DAYTON, Ohio (Reuters) - Acme Corp said': the parser hangs a paragraph's dateline on the first
    subject; the source is what follows it."""
    if not toks:
        return toks
    end = _dateline_end(toks[0], toks[-1])
    if end < 0 or head.idx < end:
        return toks
    return [t for t in toks if t.idx >= end]


def _past_dateline(subj: Any) -> Any | None:
    """``subj``, or when the parser made a paragraph dateline's town its head ('WASHINGTON (AP) -
    President Barack Obama said') the word after the dateline that heads the rest of the phrase; None
    when the phrase is all dateline."""
    end = _dateline_end(subj.left_edge, subj.right_edge)  # the edges: no list of the subtree per subject
    if end < 0 or subj.idx >= end:
        return subj
    rest = [t for t in subj.subtree if t.idx >= end and not t.is_punct]
    ids = {t.i for t in rest}
    return next((t for t in rest if t.head.i not in ids), None)


def _joined(toks: list[Any]) -> str:
    """Tokens as the text wrote them: 'Han Jong-hee', not 'Han Jong - hee'."""
    return "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text if toks else ""


def name_of(head: Any) -> str:
    """A person's or organisation's name from the phrase headed by ``head``: proper nouns without titles."""
    if head.pos_ != "PROPN":
        return ""
    left = [c for c in head.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    words = [t for t in [*left, head] if t.lower_.strip(".") not in TITLE_WORDS]
    # Keep only the contiguous run ending at the head ("Colonel Yaramir Temirkhanov" -> two words).
    run: list[Any] = []
    for t in reversed(words):
        if run and run[0].i - t.i != 1:
            break
        run.insert(0, t)
    return _joined(run) if run else head.text


def person_mentions(sp: Any) -> list[Mention]:
    """People named in a parsed document, in text order (PERSON entities, titled proper nouns)."""
    out: list[Mention] = []
    seen: set[int] = set()
    for ent in sp.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t for t in ent if t.lower_.strip(".") not in TITLE_WORDS and t.text not in ("'s", "’s")]
        if not words:
            continue
        name = _joined(words)
        titles = _titles_before(sp, ent.start)
        out.append(Mention(name, ent.start_char, person_key(name), titles, words[-1].i,
                           _is_subject(words[-1])))
        seen.update(t.i for t in ent)
    known = {m.key for m in out}
    # Surnames the model mislabelled elsewhere (a Slavic surname tagged as a place) are still people.
    for t in pick(sp, frozenset(), propn=True):
        if t.i in seen or t.lower_.strip(".") in TITLE_WORDS:
            continue
        titles = _titles_before(sp, t.i)
        if person_key(t.text) in known or (titles and t.ent_type_ != "ORG"):
            if t.i + 1 < len(sp) and sp[t.i + 1].pos_ == "PROPN":
                continue  # part of a longer name: take the last word only
            start = t.i
            while start - 1 >= 0 and sp[start - 1].pos_ == "PROPN" and \
                    sp[start - 1].lower_.strip(".") not in TITLE_WORDS:
                start -= 1
            name = _joined(list(sp[start:t.i + 1]))
            out.append(Mention(name, sp[start].idx, person_key(name), titles, t.i, _is_subject(t)))
    out.sort(key=lambda m: m.start)
    # Descriptions of someone already named ("the Russian leader", "the colonel") are mentions too.
    for t in pick(sp, _DESCRIPTION_NOUNS):
        if t.pos_ == "NOUN":
            name = _resolve_description(sp, t, out)
            if name:
                out.append(Mention(name, t.idx, person_key(name), frozenset(), t.i, _is_subject(t)))
    out.sort(key=lambda m: m.start)
    return out


def _is_subject(t: Any) -> bool:
    while t.dep_ in ("compound", "flat", "appos", "poss") and t.head is not t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _titles_before(sp: Any, i: int) -> frozenset[str]:
    titles: set[str] = set()
    j = i - 1
    while j >= 0 and sp[j].lower_.strip(".") in TITLE_WORDS:
        titles.add(sp[j].lower_.strip("."))
        j -= 1
    # An appositive after the name ("Sergei Cherdantsev, the commander of ...").
    return frozenset(titles)


def _appositive_titles(sp: Any) -> dict[int, set[str]]:
    """Head-token index of a PERSON -> role nouns from its appositive or a 'who leads' clause."""
    cached: dict[int, set[str]] | None = sp.user_data.get("wirecheck_appos")
    if cached is not None:
        return cached
    out: dict[int, set[str]] = {}
    for ent in sp.ents:
        if ent.label_ != "PERSON":
            continue
        for t in ent.root.children:
            if t.dep_ == "appos" and t.pos_ == "NOUN":
                out.setdefault(t.head.i, set()).add(t.lower_)
    sp.user_data["wirecheck_appos"] = out
    return out


_DESCRIPTION_NOUNS = TITLE_WORDS | {"leader", "commander", "officer"}
_LEADER_TITLES = frozenset("president premier chancellor king queen minister leader".split())


def resolve_person(sp: Any, head: Any, mentions: list[Mention]) -> str:
    """Name of the person a pronoun or a 'the president' description refers to ('' if unsure)."""
    if head.lower_ in _PERSON_PRONOUNS:
        if head.lower_ == "i":
            return ""  # first person inside a quote: the quote's speaker, found elsewhere
        return _antecedent(sp, head, mentions)
    if head.pos_ == "NOUN":
        return _resolve_description(sp, head, mentions)
    return ""


def _antecedent(sp: Any, head: Any, mentions: list[Mention]) -> str:
    """The most salient person before a pronoun: a subject in the same or the nearest earlier sentence."""
    sents = sentences(sp)
    k = next((n for n, s in enumerate(sents) if s.start <= head.i < s.end), 0)
    for back in range(0, 4):
        if k - back < 0:
            break
        s = sents[k - back]
        cands = [m for m in mentions if s.start <= m.i < s.end and m.i < head.i]
        if not cands:
            continue
        subj = [m for m in cands if m.subject]
        if back == 0:
            pick = subj[-1] if subj else cands[-1]
        else:
            pick = subj[0] if subj else cands[-1]
        return _fullest(pick, mentions)
    return ""


def _resolve_description(sp: Any, head: Any, mentions: list[Mention]) -> str:
    """'the president', 'the Russian leader' -> the last person introduced with that title."""
    if not any(c.lower_ in ("the", "this") or c.dep_ == "poss" and c.lower_ in ("their", "our")
               for c in head.children if c.dep_ in ("det", "poss")):
        return ""
    noun = head.lower_
    adjs = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    appos = _appositive_titles(sp)
    for m in reversed([m for m in mentions if m.start < head.idx and m.titles is not None]):
        titles = set(m.titles)
        for i, roles in appos.items():
            if m.start <= sp[i].idx < m.start + len(m.name) + 1:
                titles |= roles
        ok = noun in titles or (noun == "leader" and bool(titles & _LEADER_TITLES))
        if ok and adjs <= titles | {"top", "former", "new"}:
            return _fullest(m, mentions)
    return ""


_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())


def _extends(short: str, full: str) -> bool:
    """``full`` names the person ``short`` names, with more words ('Houston' -> 'Whitney Houston');
    'Cissy Houston' is not 'Whitney Houston', whatever their surname."""
    words = {w.lower().strip(".") for w in short.split()} - _HONORIFICS
    return bool(words) and words <= {w.lower() for w in full.split()}


def _fullest(m: Mention, mentions: list[Mention]) -> str:
    """The longest way the same person is named anywhere before or at ``m``: the names with the same
    key that contain all of ``m``'s own words, the latest of those with the most words."""
    same = [x.name for x in mentions if x.key == m.key and x.start <= m.start and _extends(m.name, x.name)]
    return max(reversed(same), key=lambda n: len(n.split())) if same else m.name


def classify_source(head: Any, toks: list[Any], resolved: str) -> tuple[str, bool]:
    """(source_type, vague) for a source phrase headed by ``head``."""
    lower = head.lower_
    if resolved:
        return "person", False
    ents = {t.ent_type_ for t in toks if t.ent_type_}
    words = {t.lower_ for t in toks}
    if words & MEDIA_NAMES or (head.pos_ == "PROPN" and lower in MEDIA_HEADS and "ORG" in ents | {"ORG"}):
        return "media", False
    if head.ent_type_ == "PERSON":
        return "person", False
    if head.pos_ == "PROPN" or ents & {"ORG", "GPE", "NORP", "FAC"}:
        if lower in MEDIA_HEADS:
            return "media", False
        # "Ukrainian officials": a nationality names a side, but "Western officials" does not.
        if ents <= {"NORP"} and lower in VAGUE_PEOPLE and words & VAGUE_MODIFIERS:
            return "vague", True
        return "organization", False
    if lower in VAGUE_PEOPLE or lower in VAGUE_REPORTS or lower in ("some", "many", "others", "one"):
        return "vague", True
    if lower in MEDIA_HEADS:
        return "media", False
    if lower in _PERSON_PRONOUNS:
        return "person", False
    return "organization", False


def vague_phrase(head: Any) -> bool:
    """Is the noun phrase headed by ``head`` an unnamed group ('analysts', 'sources familiar with')?"""
    lower = head.lower_
    if lower not in VAGUE_PEOPLE and lower not in VAGUE_REPORTS and lower not in ("some", "many", "others"):
        return False
    toks = source_tokens(head)
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "FAC") for t in toks):
        return False
    if any(t.ent_type_ == "NORP" for t in toks) and not {t.lower_ for t in toks} & VAGUE_MODIFIERS:
        return False
    # A possessive ("his aides") ties them to a named person: not vague.
    if any(c.dep_ == "poss" for c in head.children):
        return False
    # "The researchers reported", "the report says" point back at a group or report named earlier;
    # "the source added" stays anonymous however often it is mentioned.
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if dets & {"the", "these", "those", "this", "that"} and lower not in ANONYMOUS \
            and not mods & VAGUE_MODIFIERS:
        return False
    return True


# Verbs whose object does what their "to"-infinitive says ("prompted NATO to order", "forced them to admit").
_CAUSE_FORMS = frozenset(f for b in "prompt force require allow enable permit cause lead get compel drive inspire "
                         "spur push pressure".split() for f in _regular_forms(b)) | {"led", "got", "drove", "driven"}


def _subject(verb: Any) -> Any | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1 and verb.i > 0 and (verb.nbor(-1).is_quote or verb.nbor(-1).text == ","):
        # '"... it will, sooner or later," said James Acton': the parser also hung the quote's own
        # subject on the verb; the speaker is the one after it.
        return next((c for c in subjects if c.i > verb.i), subjects[0])
    # A paragraph's dateline the parser took for a subject ('DAYTON, Ohio (Reuters) - Acme Corp said')
    # is nobody; a subject that starts with one is the phrase after it.
    subjects = [x for x in (_past_dateline(c) for c in subjects) if x is not None]
    if subjects:
        return subjects[0]
    if verb.dep_ == "xcomp" and verb.head is not verb:
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd") and head.head is not head:
            head = head.head  # "was able to tout", "has been slow to embrace"
            subj = _subject(head) or _passive_subject(head)
            return None if _expletive(subj, head) else subj
        # "prompted NATO to order": the object is who does it.
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and head.lower_ in _CAUSE_FORMS:
            return obj
        subj = _subject(head) or _passive_subject(head)
        return None if _expletive(subj, head) else subj
    if verb.dep_ == "conj" and verb.head is not verb:
        # "Russian forces shelled Kherson, wounding a woman, the head of the region, Oleksandr Prokudin,
        # said": the parser hung the cue on the first verb; the speaker is the name set off right before it.
        spk = _set_off_speaker(verb)
        return spk if spk is not None else _subject(verb.head)
    # "spoke at a gathering to discuss clean energy": a purpose clause shares the main clause's subject.
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _subject(verb.head)
    # "never missed an opportunity to remind", "give the chair authority to call": the infinitive on the
    # object is the subject's (or the one it is given to).
    if verb.dep_ == "acl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and verb.head.dep_ in ("dobj", "attr") and verb.head.head.pos_ in ("VERB", "AUX"):
        gov = verb.head.head
        subj = next((c for c in gov.children if c.dep_ == "dative"), None) or _subject(gov)
        return None if _expletive(subj, gov) else subj
    # "a statement saying that ...", "polls showing Trump ahead": the noun is the source.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    # "criticised for saying that ...": the clause's subject is the governing verb's.
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # ... also through the noun the preposition hangs on ("have no way of knowing", "were in the lead
        # in advocating").
        head = verb.head.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("dobj", "pobj", "prep", "attr") \
                    or head.head is head:
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subj = _subject(head) or _passive_subject(head)
            return None if _expletive(subj, head) else subj
    # "..., asserting that ...": a participle clause shares the main clause's subject.
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and verb.head is not verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head) or _passive_subject(verb.head)
    return None


def _set_off_speaker(verb: Any) -> Any | None:
    """The name set off by commas right before a cue the parser made a conjunct of the reported clause's verb
    ('Russian forces shelled Kherson, wounding a woman, the head of the region, Oleksandr Prokudin, said'), or
    None."""
    if verb.dep_ not in ("conj", "advcl") or verb.head is verb or verb.i < 2 or verb.head.i > verb.i:
        return None
    if verb.nbor(-1).text == ",":
        name = verb.nbor(-2)
        if verb.dep_ == "conj" and name.ent_type_ == "PERSON" and name.dep_ in ("appos", "conj", "npadvmod") \
                and name.i > verb.head.i:
            return name
        return None
    # '..., leaving 12,000 without water, regional governor Oleh Hryhorov confirmed on Friday': the name
    # glued to the cue, which the parser hung on the clause before (the cue has no subject of its own).
    name = verb.nbor(-1)
    edge = name.left_edge.i
    if name.ent_type_ == "PERSON" and name.pos_ == "PROPN" and name.dep_ in ("appos", "conj", "npadvmod") \
            and name.head.i != verb.i and verb.head.i < edge and edge > 0 and verb.doc[edge - 1].text == "," \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return name
    return None


def _expletive(subj: Any | None, head: Any) -> bool:
    """'It is worth noting', 'it is hard to say': an 'it' before a copula and an adjective is nobody."""
    return subj is not None and subj.lower_ == "it" and any(c.dep_ == "acomp" for c in head.children)


def _passive_subject(verb: Any) -> Any | None:
    """The subject of a passive main clause ('After saying ..., she was taken to hospital')."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)


def _agent(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


_FOR_VERBS = frozenset("call push press ask argue advocate".split())
_CUE_ADVERBS = frozenset("also then later again repeatedly previously recently once first further "
                         "publicly privately now still often never always even already long ever "
                         "sometimes frequently soon quickly".split())
# Sentence connectives are the writer's, not part of the cue ('Instead, officials said').
_CONNECTIVES = frozenset("so however thus therefore instead meanwhile moreover when where how why "
                         "as only just".split())


def _cue_tokens(verb: Any) -> list[Any]:
    """The verb with its auxiliaries, negation and particle ("has learned", "did not say", "pointed out")."""
    toks = [verb]
    kids = list(verb.children)
    for c in kids:
        if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - verb.i) <= 3:
            toks.append(c)
        elif c.dep_ == "prep" and c.i == verb.i + 1 and (c.lower_ == "for" and verb_base(verb) in _FOR_VERBS
                                                         or c.lower_ == "on" and verb_base(verb) == "call"):
            toks.append(c)  # "called for", "called on"
    first = min(t.i for t in toks)
    for c in kids:
        # "has also said", "then told": an adverb inside or just before the verb group is part of it.
        # ("has also said", "often says", "forcefully told": a time or manner adverb joins the verb group.)
        if c.dep_ == "advmod" and (first < c.i < verb.i or (c.i == first - 1 and (
                c.lower_ in _CUE_ADVERBS or c.tag_ == "RB" and c.lower_.endswith("ly")
                and c.lower_ not in _CONNECTIVES))):
            toks.append(c)
    toks.sort(key=lambda t: t.i)
    # Keep a contiguous run around the verb.
    lo = hi = toks.index(verb)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return toks[lo:hi + 1]


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of ``spans`` (sorted, non-overlapping)?"""
    k = bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _content_of(verb: Any, base: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of what ``verb`` reports."""
    kids = list(verb.children)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    for c in kids:
        if c.dep_ == "ccomp":
            # "that" before the clause belongs to the content (PolNeAR and the paraphrase both keep it).
            a, b = _subtree_range(c)
            if dobj is not None and verb.i < dobj.i < c.i and c.i == _subtree_range_end_tok(dobj) + 1 \
                    and not any(k.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for k in c.children):
                a = _subtree_range(dobj)[0]  # "is demanding Obama make a pledge": the object is the clause's subject
            return [(a, b)]
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and base in _XCOMP_CONTENT_VERBS), None)
    if xcomp is not None:
        a, b = _subtree_range(xcomp)
        on = next((c for c in kids if c.dep_ in ("prep", "prt") and c.i == verb.i + 1 and c.lower_ in ("on", "for")
                   and base in _FOR_VERBS), None)
        who = next((k for k in (on.children if on is not None else ()) if k.dep_ == "pobj" and k.i < xcomp.i), None)
        if on is not None and who is None:
            who = next((k for k in kids if k.dep_ == "pobj" and on.i < k.i < xcomp.i), None)  # 'on' as a particle
        if dobj is not None and dobj.i < xcomp.i:
            a = _subtree_range(dobj)[0]  # "urged supporters to monitor polling places"
        elif who is not None:
            a = _subtree_range(who)[0]  # "called on Trump to stop", "called for contestants to wear"
        return [(a, b)]
    if base in _NAMING_VERBS and dobj is not None:
        # "called the plan "a disaster"": the object and what it was called.
        rest = [c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp", "prep") and c.i > dobj.i
                and (c.dep_ != "prep" or c.lower_ == "as")]
        end = max((_subtree_range(c)[1] for c in rest), default=_subtree_range(dobj)[1])
        return [(_subtree_range(dobj)[0], end)]
    if dobj is not None and (base in _OBJECT_CONTENT_VERBS or base in SPEECH_VERBS or base in STANCE_VERBS) \
            and dobj.lower_ not in PRONOUNS \
            and (dobj.ent_type_ != "PERSON" or base not in _ADDRESSEE_VERBS | _PERSON_OBJECT_EXCLUDED):
        # (A person is what was endorsed or attacked, 'backed Clinton', but not who was told or thanked.)
        a, b = _subtree_range(dobj)
        # "criticized the law as a "crazy system"", "blasted the media for being dishonest".
        for c in kids:
            if c.dep_ == "prep" and c.i > dobj.i and c.lower_ in ("as", "for"):
                b = max(b, _subtree_range(c)[1])
        return [(a, b)]
    if base in _FOR_VERBS:
        for_ = next((c for c in kids if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ == "for"), None)
        if for_ is not None:
            obj = [c for c in for_.children if c.dep_ in ("pobj", "pcomp")]
            if obj:
                return [_span_of([t for o in obj for t in o.subtree])]
    if base in _ABOUT_VERBS:
        about = next((c for c in kids if c.dep_ == "prep" and c.i > verb.i
                      and c.lower_ in ("about", "of", "on", "against", "over")), None)
        if about is not None:
            return [_subtree_range(about)]
    spk = _set_off_speaker(verb)
    if spk is not None:
        # "X shelled Y, wounding Z, the head of ..., Name, said": the clause before the speaker's phrases.
        first = min([spk.left_edge.i] + [c.left_edge.i for c in spk.head.children if c.dep_ == "appos" and c.i < spk.i]
                    + ([spk.head.i] if spk.dep_ == "conj" and verb.nbor(-1).text == "," else []))
        start = verb.head.left_edge
        toks = [t for t in verb.doc[start.i:first] if not t.is_punct or t.i < first - 1]
        if toks:
            return [_span_of(toks)]
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids)
    if (verb.dep_ == "parataxis" or as_clause) and verb.head is not verb and base in SPEECH_VERBS | COGNITION_VERBS:
        # ("As experts have pointed out, the returns can be released": the main clause is the content.)
        # "The plan, he said, will fail." / "...," he said: the clause around the parenthetical.
        inner = {t.i for t in verb.subtree}
        toks = [t for t in verb.head.subtree if t.i not in inner and not t.is_punct]
        if toks:
            before = [t for t in toks if t.i < verb.i]
            after = [t for t in toks if t.i > verb.i]
            return [_span_of(part) for part in (before, after) if part]
    return []


def _extend_right(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content after the cue runs on through what the parser hung on the verb after it ('revealed a
    gulf | in the way ...', 'said the claim smacked of hypocrisy, | because ...'), short of another
    predicate ('and vowed ...') or another report ('..., adding that ...')."""
    if not content or content[-1][0] < verb.idx:
        return content
    end = content[-1][1]
    for c in verb.children:
        if c.idx < end or c.is_punct or c.dep_ in ("conj", "cc", "nsubj", "nsubjpass", "mark"):
            continue
        if c.dep_ in ("advcl", "parataxis", "xcomp", "ccomp") and verb_base(c) or _has_quote_mark(c) \
                or c.lower_ == "according":
            break
        if c.dep_ not in _EXT_DEPS:
            break
        end = max(end, _subtree_range(c)[1])
    return [*content[:-1], (content[-1][0], end)]


_EXT_DEPS = frozenset({"prep"})


# Verbs whose bare remainder is rarely what anyone said or thought ("appeared on Fox", "found ways").
# ("spoke at a rally", "talked for an hour": where and how long, not what).
_NO_FALLBACK = QUOTE_ONLY_VERBS | frozenset("appear seem mean see find learn feel speak talk maintain observe "
                                              "imagine push add".split())
# Verbs with a common sense that reports nothing ("maintains a program", "pushed the bill through",
# "the state added a week", "the holiday is observed"): reports only with a clause, "for" or a quote.
_CLAUSE_ONLY_VERBS = frozenset("maintain mean observe imagine push add".split())


def _rest_of_clause(verb: Any, cue: list[Any]) -> list[tuple[int, int]]:
    """What follows the cue in the verb's own clause, when the parse gave no complement ('have not said
    when they would ...', 'responded by using ...', 'apologized for his remarks')."""
    last = cue[-1].i
    stop = None
    skip: set[int] = set()
    for c in verb.children:
        if c.i > last and (c.dep_ in ("conj", "cc") or c.dep_ in ("advcl", "parataxis") and verb_base(c)
                           or c.lower_ == "according"):  # "..., according to X" is a report of its own
            stop = c.i if stop is None else min(stop, c.i)
        if c.dep_ == "agent" or c.dep_ == "nsubj" and c.i > last:
            skip.update(t.i for t in c.subtree)  # the passive's "by X", or 'said X', is the source
    toks = [t for t in verb.subtree if t.i > last and (stop is None or t.i < stop) and t.i not in skip]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if len([t for t in toks if not t.is_punct]) < 2:
        return []
    return [_span_of(toks)]


def _name_before(sp: Any, verb: Any, cue: list[Any]) -> list[Any]:
    """The named entity (or coordinated entities) ending right before a finite verb the parser gave no
    subject, or nothing."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ in ("relcl", "acl") or cue[0].i == 0 \
            or any(c.dep_ in ("expl", "nsubjpass", "csubj") for c in verb.children):
        return []
    prev = sp[cue[0].i - 1]
    ent = next((e for e in sp.ents if e.end == prev.i + 1 and e.label_ in ("PERSON", "ORG", "NORP", "GPE")), None)
    if ent is None:
        return []
    start = ent.start
    while start >= 2 and sp[start - 1].lower_ in (",", "and"):
        before = next((e for e in sp.ents if e.end == start - 1 and e.label_ == ent.label_), None)
        if before is None:
            break
        start = before.start
    if start > 0 and sp[start - 1].dep_ in ("amod", "det") and sp[start - 1].head.i >= start:
        start -= 1  # 'Many Mexicans', 'the United States'
    return list(sp[start:ent.end])


def _speaker_after_quote(sp: Any, verb: Any, cue: list[Any], quotes: list[tuple[int, int]]) -> list[Any]:
    """The noun phrase between a closing quote and its cue ('"...," Flynn, a top Trump surrogate, said'),
    or nothing when there is none (a verb, or no quote, between them)."""
    start = cue[0].idx
    q = max((q for q in quotes if q[1] <= start), default=None)
    if q is None or _in_any(verb.idx, quotes):
        return []
    between = [t for t in sp[verb.sent.start:cue[0].i] if t.idx >= q[1]]
    while between and (between[0].is_punct or between[0].is_quote):
        between.pop(0)
    while between and (between[-1].is_punct or between[-1].is_quote) \
            and not (between[-1].text == ")" and any(t.text == "(" for t in between)):
        between.pop()
    if not between or len(between) > 15 or "\n" in sp.text[q[1]:start] \
            or any(t.pos_ in ("VERB", "AUX") for t in between) or not any(t.pos_ in ("PROPN", "NOUN") for t in between):
        return []
    return between


def _that_after_aside(sp: Any, text: str, verb: Any, content: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'continues to insist, most recently in an interview with ABC News, that he really wants ...': the
    'that' clause the parser hung elsewhere, after an aside that the rest of the clause only reached."""
    end = content[-1][1]
    m = re.match(r"\s*,\s*(?=that\b)", text[end:])
    if not m:
        return None
    start = end + m.end()
    that = sp.char_span(start, start + 4)
    if that is None or that[0].dep_ != "mark":
        return None
    b = min(_subtree_range(that[0].head)[1], verb.sent.end_char)
    while b > start and text[b - 1] in ".!? \n":
        b -= 1
    return _strip(text, start, b) if b > start else None


def _has_quote_mark(tok: Any) -> bool:
    return any(t.text in _QUOTE_OPEN or t.text == '"' for t in tok.subtree)


_NAMING_VERBS = frozenset("call label dub brand describe characterize characterise".split())
_PERSON_OBJECT_EXCLUDED = frozenset("thank congratulate quote cite mention".split())
_QUESTION_VERBS = frozenset("ask press question quiz".split())
_QUESTION_OPENERS = frozenset("about on over to whether why how what if when who which".split())


def find_reports(doc: Document) -> list[Report]:
    """Every reported-speech relation in an English document (cached on the document)."""
    cached = doc.extras.get("en_reports")
    if cached is not None:
        return list(cached)
    sp = doc.extras.get("spacy")
    if sp is None:
        return []
    text = doc.text
    quotes = quote_spans(text)
    mentions = person_mentions(sp)
    doc.extras["en_mentions"] = mentions
    doc.extras["en_quote_spans"] = quotes
    reports: list[Report] = []
    for tok in pick(sp, _cue_words()):
        if _in_any(tok.idx, quotes):
            continue  # speech reported inside a quote belongs to the quoted speaker
        if tok.lower_ == "according":
            rep = _according(tok, text)
            if rep:
                reports.append(rep)
            continue
        base = verb_base(tok)
        if not base:
            continue
        if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN":
            continue  # "the so-called", "a confirmed case": an adjective, not a report
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "compound"):
            continue  # a noun the tagger took for a verb ("calls for preparation")
        if base in ("seem", "appear"):
            seeming = _seeming(tok, text)
            if seeming is not None:
                reports.append(seeming)
                continue
        kind = "cognition" if base in COGNITION_VERBS else "speech"
        subj = _subject(tok)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if passive:
            subj = _agent(tok)
        elif subj is not None and subj.dep_ == "csubj":
            subj = None
        if tok.dep_ == "relcl" and subj is not None and subj.lower_ in ("who", "that", "which"):
            src_head = subj  # PolNeAR marks the relative pronoun; resolution uses the antecedent
            antecedent = tok.head
        else:
            src_head = subj
            antecedent = subj
        content = _content_of(tok, base, quotes) if base not in QUOTE_ONLY_VERBS else []
        if base in _CLAUSE_ONLY_VERBS and not any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ == "for"
                                                  for c in tok.children):
            content = []  # "maintains a program", "pushed the bill": only a clause or a quote is a report
        content = _extend_right(tok, content)
        block = not content
        if block:
            content = _after_colon(text, _cue_tokens(tok)[-1])
        loose = False
        if not content and base not in _NO_FALLBACK:
            content = _rest_of_clause(tok, _cue_tokens(tok))
            block, loose = False, bool(content)
            clause = _that_after_aside(sp, text, tok, content) if content and base in SPEECH_VERBS | COGNITION_VERBS \
                else None
            if clause is not None:
                content, loose = [clause], False
        if passive and subj is not None:
            # "The plan was endorsed by the Times": what was endorsed is the passive subject.
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
            loose = loose or patient is not None
            if patient is not None and not content:
                content = [_subtree_range(patient)]
            elif patient is not None and content and _subtree_range(patient)[1] <= content[0][0]:
                content = [_subtree_range(patient), *content]
        agentless = False
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and base in _QUESTION_VERBS and content \
                and content[0][0] > tok.idx and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                and text[content[0][0]:].split(None, 1)[0].lower() in _QUESTION_OPENERS:
            # "Asked about the bomb, Clinton said ...", "when pressed on why ...": the question put to the
            # main clause's subject, by the agent if named ("pressed by Holt").
            src_head = antecedent = _agent(tok)
            agentless = src_head is None
        elif passive and subj is None and not any(c.dep_ == "nsubjpass" and c.lower_ == "it"
                                                for c in tok.children):
            # "He was accused of lying", "The rule is expected to fail": a claim about the passive subject
            # by someone unnamed.  ("Voters were urged to ...": the subject is who was told; nothing.)
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if patient is None or base in _ADDRESSEE_VERBS or patient.lower_ in ("who", "that", "which") \
                    or not content or content[0][0] < tok.idx:
                continue
            content = [_subtree_range(patient), *content]
            agentless = True
        if not content and kind == "cognition":
            continue
        cue_toks = _cue_tokens(tok)
        cue = _span_of(cue_toks)
        src: tuple[int, int] | None = None
        src_text = ""
        spoken = _speaker_after_quote(sp, tok, cue_toks, quotes) \
            if src_head is not None and not passive and _in_any(src_head.idx, quotes) else None
        if spoken:
            # '"... the entire Congress," Rep. Elijah E. Cummings (D-Md.) said': the parser took a phrase of
            # the quote for the subject; the speaker is the name between the quote and the cue.
            src_head = antecedent = next(t for t in spoken if not spoken[0].i <= t.head.i <= spoken[-1].i
                                         or t.head is t)
            src = _span_of(spoken)
            src_text = text[src[0]:src[1]]
            if loose:  # 'said | in a phone interview': the rest of the clause was a guess; the quote is it
                content, loose = [], False
        named = _name_before(sp, tok, cue_toks) if src_head is None and not passive else []
        if named:
            # '... of the Washington Post Trump said that', 'as the United States, Britain and France support
            # ...': a name the parser did not take for the subject stands right before the verb.
            src_head = antecedent = next(t for t in named if not named[0].i <= t.head.i <= named[-1].i
                                         or t.head is t)
            src = _span_of(named)
            src_text = text[src[0]:src[1]]
        elif src_head is not None and not spoken:
            stoks = source_tokens(src_head) if src_head.lower_ not in PRONOUNS else [src_head]
            # A live blog's "11:05 a.m." line above is not part of the subject.
            para = text.rfind("\n", 0, tok.idx) + 1
            inner = {t.i for t in tok.subtree} if src_head.i < tok.i and tok.dep_ == "acl" else set()
            stoks = [t for t in stoks if t.idx >= para and t.i not in inner] or [src_head]
            while len(stoks) > 1 and (stoks[-1].is_punct or stoks[-1].dep_ == "cc"):
                stoks.pop()
            src = _span_of(stoks)
            src_text = text[src[0]:src[1]]
        # A subject borrowed from another clause's passive ('Oz has been called a charlatan for promoting
        # "quack" cures') is a looser reading: a scare quote in the content is not credited to it.
        borrowed = src_head is not None and src_head.dep_ == "nsubjpass" and src_head.head.i != tok.i
        rep = Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=base, kind=kind, source=src,
                     source_text=src_text, content=content, sentence_start=sent_of(sp, tok.i).start_char,
                     head_i=antecedent.i if antecedent is not None else -1, verb_i=tok.i, block=block,
                     loose=loose or base in STANCE_VERBS or borrowed, agentless=agentless)
        reports.append(rep)
    reports.extend(_speaker_labels(doc, sp, reports))
    reports.extend(_nominal_cues(sp, text, quotes))
    reports.extend(_stance_nouns(sp, text, quotes, [r.cue for r in reports]))
    reports.extend(_stance_adjectives(sp, text, quotes, [r.cue for r in reports]))
    reports.extend(_noun_tagged_verbs(sp, text, quotes, [r.cue for r in reports]))
    reports.extend(_phrasal_cues(sp, text, quotes, [r.cue for r in reports]))
    reports.extend(_in_findings(sp, text, quotes, [r.cue for r in reports]))
    credited = _dash_credits(doc, sp, quotes)
    _attach_quotes(doc, sp, reports, [q for q in quotes if not any(q in r.quotes for r in credited)])
    reports.extend(credited)
    reports.extend(_colon_quotes(sp, text, reports))
    for r in reports:
        r.content = _clip_to_paragraph(text, r.cue[0], r.content)
        if not r.quotes and not r.block:
            r.content = _clip_to_sentence(doc, r.cue[0], r.content)
            if r.content and r.source and r.kind != "according" and r.content[-1][1] <= r.source[0] \
                    and r.source[0] < r.cue[0]:
                # "X, but Y, sources said": the whole clause before the source is what they said.
                sent = next((s for s in doc.sentences if s.start <= r.cue[0] < s.end), None)
                if sent is not None and sent.start < r.content[0][0]:
                    a, b = _strip(doc.text, sent.start, r.content[-1][1])
                    r.content = [(a, b)]
    _to_sentence_end(doc, sp, reports)
    _split_around_aside(doc, reports)
    _cut_according(text, reports)
    for r in reports:
        if r.kind in ("speech", "cognition") and not r.block and r.content:
            r.content = [*r.content[:-1], _trim_trailing_aside(sp, text, r.content[-1])]
        if r.kind in ("speech", "cognition"):
            _widen_cue(sp, text, r)
    # A cue with nobody saying it counts only as the impersonal "it is said/believed that ...".
    reports = [r for r in reports if r.content and (r.source is not None or r.kind == "according"
                                                     or r.agentless or _impersonal(sp[r.verb_i]))]
    _cut_at_own_reports(sp, text, reports)
    _untangle(sp, text, reports)
    reports = [r for r in reports if r.content]
    reports = _one_per_chain(sp, reports)
    for r in reports:
        _resolve(sp, r, mentions)
    doc.extras["en_reports"] = reports
    return list(reports)


def _one_per_chain(sp: Any, reports: list[Report]) -> list[Report]:
    """One report per source for a chain of cue verbs ("The company plans to announce", "refused to
    concede"): the infinitive borrows the governing cue's subject, so it is the same source stating one
    thing, whose content the governing cue's report already holds (PolNeAR marks one attribution)."""
    by_verb = {r.verb_i: r for r in reports if r.source is not None}

    def nested(r: Report) -> bool:
        if r.source is None or r.quotes or not 0 <= r.verb_i < len(sp):
            return False
        tok = sp[r.verb_i]
        while tok.dep_ == "xcomp" and tok.head.i != tok.i:
            tok = tok.head
            outer = by_verb.get(tok.i)
            if outer is not None and outer is not r and outer.source == r.source:
                return True
        return False

    return [r for r in reports if not nested(r)]


_ASIDE_WORDS = frozenset("which who whose whom".split())
_CONTRAST_MARKS = frozenset("though although whereas".split())


def _untangle(sp: Any, text: str, reports: list[Report]) -> None:
    """Two reports each holding the other's cue in their content is a parse that hung two clauses on
    each other ('Republicans said X; they learned Y', 'Bamberg said X, the footage showed'): the report
    whose content runs back before its cue keeps only what follows it, and the other stops before it."""
    def inside(a: Report, b: Report) -> bool:
        return any(x <= a.cue[0] < y for x, y in b.content)

    for back in reports:
        if back.source is None or back.quotes or not back.content or back.content[0][0] >= back.cue[0]:
            continue
        fwd = next((r for r in reports if r is not back and not r.quotes and r.content
                    and inside(r, back) and inside(back, r)), None)
        if fwd is None:
            continue
        stop = min(back.source[0], back.cue[0])
        if not re.match(r"that\b", text[fwd.content[-1][0]:]):  # '..., that he really wants ...' is nested
            fwd.content = [c for c in ((a, min(b, stop)) for a, b in fwd.content) if c[1] > c[0]]
            fwd.content = [_strip(text, a, b) for a, b in fwd.content]
            fwd.content = [(a, b - 1) if b > a and text[b - 1] in ",;" else (a, b) for a, b in fwd.content]
        back.content = [(a, b) for a, b in back.content if a >= back.cue[1]] \
            or _rest_of_clause(sp[back.verb_i], _cue_tokens(sp[back.verb_i]))


def _cut_at_own_reports(sp: Any, text: str, reports: list[Report]) -> None:
    """A paraphrase ends before the writer's contrast that reports the source again: 'Lynch said the
    demands erase barriers, | though she noted clients ...'.  (A 'because', 'until' or 'if' clause is
    part of the claim; a report inside the reported clause itself, 'said he thought ...', stays nested.)"""
    for r2 in reports:
        if r2.kind not in ("speech", "cognition") or r2.source is None or r2.verb_i < 0:
            continue
        v = sp[r2.verb_i]
        subj = _subject(v)
        if v.dep_ != "advcl" or subj is None or subj.head.i != v.i \
                or not any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in v.children):
            continue
        start = v.left_edge.idx
        for r in reports:
            if r is r2 or r.block or r.quotes or not r.content or r.kind not in ("speech", "cognition"):
                continue
            a, b = r.content[-1]
            if a < start < b and r2.cue[1] <= b and r.cue[1] <= a:
                na, nb = _strip(text, a, start)
                while nb > na and text[nb - 1] in ",;—– ":
                    nb -= 1
                r.content = [*r.content[:-1], (na, nb)]


def _split_around_aside(doc: Document, reports: list[Report]) -> None:
    """'The difference now, he told me on Friday, is that ...', 'Hawaii, as one adviser pointed out,
    normally does not ...': the cue set off by commas inside the reported sentence, which the parser
    made the main verb; what opens the sentence is part of what was said."""
    text = doc.text
    cues = [r.cue[0] for r in reports if r.content]
    for r in reports:
        if r.kind not in ("speech", "cognition") or r.block or r.quotes or not r.content or r.source is None:
            continue
        lo = min(r.source[0], r.cue[0])
        a = r.content[0][0]
        if a < r.cue[1] or r.source[0] > r.cue[0] and r.source[1] > a:
            continue
        sent = next((s for s in doc.sentences if s.start <= lo < s.end), None)
        if sent is None:
            continue
        head, gap = text[sent.start:lo], text[max(r.cue[1], r.source[1]):a]
        m = re.match(r"\s*(.*?\w.*?),\s*(?:as\s+)?$", head, re.S)
        if not m or not gap.rstrip().endswith(",") or len(re.findall(r"\w+", gap)) > 6 \
                or any(ch in head for ch in _QUOTE_OPEN + _QUOTE_CLOSE + '"\n') \
                or any(sent.start <= c < lo for c in cues):
            continue
        start = sent.start + m.start(1)
        r.content = [(start, sent.start + m.end(1)), *r.content]


def _to_sentence_end(doc: Document, sp: Any, reports: list[Report]) -> None:
    """Paraphrased content runs to the end of its sentence when the parse cut it short: a coordinated
    clause or predicate ('said the plan would cut taxes | and create jobs'), or a clause the parser hung
    elsewhere.  Not over the writer's additions: an adverbial clause ('..., | leaving the room'), a time
    ('| last year'), an appositive, or another report's cue or source."""
    text = doc.text
    cues = sorted(r.cue[0] for r in reports)
    for r in reports:
        if r.kind not in ("speech", "cognition") or r.block or r.quotes or not r.content:
            continue
        a, b = r.content[-1]
        if a < r.cue[1]:
            continue
        sent = next((s for s in doc.sentences if s.start <= r.cue[0] < s.end), None)
        if sent is None or b >= sent.end:
            continue
        if any(b <= c < sent.end for c in cues) or (r.source and b <= r.source[0] < sent.end):
            continue
        if any(ch in text[b:sent.end] for ch in _QUOTE_OPEN + _QUOTE_CLOSE + '"('):
            continue
        na, nb = _strip(text, a, sent.end)
        while nb > na and text[nb - 1] in ".!?":
            nb -= 1
        if nb <= b:
            continue  # nothing but punctuation or space left after the content
        tail = sp.char_span(b, nb, alignment_mode="expand")
        first = next((t for t in tail if not t.is_punct and t.dep_ != "cc"), None) if tail is not None else None
        if first is None:
            continue
        top = first
        while top.head.i != top.i and tail.start <= top.head.i < tail.end:
            top = top.head
        if top.dep_ in ("advcl", "appos", "npadvmod", "oprd", "ROOT", "punct"):
            continue
        # '..., but many companies found ways ...': a contrast the writer adds, not the rest of the claim.
        if first.i > 0 and sp[first.i - 1].lower_ in ("but", "while", "whereas", "yet") \
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children):
            continue
        r.content = [*r.content[:-1], (na, nb)]


# Prepositions that introduce what a verb is about ("pointed to the crime bill", "spoke of racism").
_TOPIC_PREPS = frozenset("to of about on against for over at with".split())


def _widen_cue(sp: Any, text: str, r: Report) -> None:
    """The preposition that opens a cue's content is part of the cue ('pointed to | the crime bill',
    'warned against | hackers'), as PolNeAR and PARC mark it."""
    verb = sp[r.verb_i]
    end = r.cue[1]
    after = [c for c in verb.children if c.idx >= end]
    nxt = min(after, key=lambda c: c.i, default=None)
    k = next((k for k, (a, _) in enumerate(r.content) if nxt is not None and a == nxt.idx), -1)
    if k >= 0 and nxt is not None and nxt.dep_ == "prep" and nxt.lower_ in _TOPIC_PREPS \
            and not text[end:nxt.idx].strip() and any(c.dep_ in ("pobj", "pcomp") for c in nxt.children):
        rest = nxt.idx + len(nxt.text)
        piece = _strip(text, rest, r.content[k][1])
        r.content = r.content[:k] + ([piece] if piece[1] > piece[0] else []) + r.content[k + 1:]
        end = rest
    if end != r.cue[1]:
        r.cue = (r.cue[0], end)
        r.cue_text = text[r.cue[0]:end]


def _trim_trailing_aside(sp: Any, text: str, rng: tuple[int, int]) -> tuple[int, int]:
    """The writer's aside closing a paraphrase is not what the source said: '..., which forced her to
    leave early', '..., who has never faced a race', '..., a former governor', '..., dealing a blow to'."""
    a, b = rng
    if text[a] in _QUOTE_OPEN or text[a] in "\"'":
        return rng
    span = sp.char_span(a, b, alignment_mode="contract")
    if span is None:
        return rng
    for t in span[:-1]:
        if t.text != "," or t.i + 1 >= len(sp):
            continue
        nxt = sp[t.i + 1]
        head = nxt
        while head.head.i != head.i and t.i < head.head.i < span.end:
            head = head.head
        aside = (head.dep_ in ("relcl", "advcl") and nxt.lower_ in _ASIDE_WORDS) or head.dep_ == "appos" \
            or (head.dep_ in ("advcl", "acl") and head.tag_ == "VBG" and head.i == nxt.i)
        if aside and _span_of(list(head.subtree))[1] >= b - 1 and t.idx > a:
            return _strip(text, a, t.idx)
    return rng


def _cut_according(text: str, reports: list[Report]) -> None:
    """'..., according to X, ...' inside another report's content is a report of its own, not content."""
    phrases = [(min(r.cue[0], r.source[0]), max(r.cue[1], r.source[1]))
               for r in reports if r.kind == "according" and r.source is not None]
    for r in reports:
        if r.kind == "according" or not phrases:
            continue
        out: list[tuple[int, int]] = []
        for a, b in r.content:
            pieces = [(a, b)]
            for p0, p1 in phrases:
                pieces = [piece for x, y in pieces
                          for piece in ([(x, y)] if p1 <= x or y <= p0 else [(x, p0), (p1, y)])]
            out.extend(c for c in (_strip(text, x, y) for x, y in pieces) if re.search(r"\w", text[c[0]:c[1]]))
        r.content = out


def _after_colon(text: str, verb: Any) -> list[tuple[int, int]]:
    """'Caddell said:' -- the content is what follows the colon, to the end of the paragraph (or, for a
    block quote set off below the lead-in, the quoted paragraphs that follow)."""
    end = verb.idx + len(verb.text)
    m = re.match(r"[^\S\n]*:[^\S\n]*(\n\s*)?", text[end:])
    if not m:
        return []
    start = end + m.end()
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    a, b = _strip(text, start, stop)
    return [(a, b), *_run_on_paragraphs(text, start, stop)] if b > a else []


# Only the colon and the quote below it are matched: a pattern that also scanned the line before the
# colon backtracked over every start position (cubic on a one-line article).
_COLON_THEN_QUOTE = re.compile(r":[^\S\n]*\n\s*(?=[\"“])")


def _colon_quotes(sp: Any, text: str, reports: list[Report]) -> list[Report]:
    """'Sanders made the following comment:' or 'the Times gave Clinton a glowing endorsement:' closing a
    paragraph, with a quote opening the next one: the quote is the subject's, whatever the verb.  (Not a
    report class: the verb says nothing of speech, so no vague-source or quote check reads it.)"""
    out: list[Report] = []
    for c in _COLON_THEN_QUOTE.finditer(text):
        colon, start, end = c.start(), text.rfind("\n", 0, c.start()) + 1, c.end()
        if not any(ch.isalnum() or ch == "_" for ch in text[start:colon]):
            continue
        if any(start <= r.cue[0] < end or any(a <= end < b for a, b in r.content) for r in reports):
            continue  # a cue of its own ('He said:') or a report already holding the quote
        before = sp.char_span(start, colon, alignment_mode="contract")
        if before is None or not len(before):
            continue
        root = before[-1].sent.root
        subj = _subject(root) if root.pos_ in ("VERB", "AUX") and start <= root.idx < colon else None
        content = _after_colon(text, before[-1])
        if subj is None or not content or subj.lower_ in PRONOUNS - _PERSON_PRONOUNS - {"they", "we"}:
            continue
        stoks = [subj] if subj.lower_ in PRONOUNS else [t for t in source_tokens(subj) if t.idx >= start]
        src = _span_of(stoks or [subj])
        cue = (_span_of(_cue_tokens(root))[0], colon + 1)
        out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=verb_base(root) or root.lower_,
                          kind="speech", source=src, source_text=text[src[0]:src[1]], content=content,
                          sentence_start=root.sent.start_char, head_i=subj.i, verb_i=root.i, block=True,
                          cls="position"))
    return out


def _run_on_paragraphs(text: str, p0: int, p1: int) -> list[tuple[int, int]]:
    """Paragraphs that continue a quote left open at the end of ``text[p0:p1]``: the wire convention
    opens every paragraph of a long quote with a quote mark and closes only the last one."""
    out: list[tuple[int, int]] = []
    while _left_open(text[p0:p1]):
        m = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)*([\"“])").match(text, p1)
        if not m or _LABEL.match(text, m.start(1)):
            break
        p0 = m.start(1)
        p1 = text.find("\n", p0)
        p1 = len(text) if p1 < 0 else p1
        a, b = _strip(text, p0, p1)
        if b > a:
            out.append((a, b))
    return out


def _left_open(para: str) -> bool:
    """Does the paragraph open a double quote that it does not close?"""
    return para.count('"') % 2 == 1 or para.count("“") > para.count("”")


# "NAME: what they said" -- transcripts, interviews and headlines ("Poll: Voters ...").
_LABEL = re.compile(r"^[ \t]*[\"“]?((?:[A-Z][\w.’'\-]*|[A-Z]{2,})(?:[ \t]+(?:[A-Z][\w.’'\-]*|of|the)){0,4})"
                    r"[ \t]*:[ \t]+(?=\S)", re.M)
_NOT_SPEAKERS = frozenset("""
update note photo photos video watch related read more editor editor's correction source sources
caption credit image breaking live q a question answer advertisement sponsored latest clarification
""".split())


_DASH_NAME = re.compile(r"[^\S\n]*([―—–]|--?)[^\S\n]*((?:[A-Z][\w.’'\-]*)(?:[^\S\n]+[A-Z][\w.’'\-]*){0,4})"
                        r"[^\S\n]*(?:,[^\n]{0,80})?[^\S\n]*$", re.M)


def _dash_credits(doc: Document, sp: Any, quotes: list[tuple[int, int]]) -> list[Report]:
    """'"We will win." — Maria Lopez' at the end of a paragraph: the dash credits the quote."""
    text = doc.text
    out = []
    for q in quotes:
        m = _DASH_NAME.match(text, q[1])
        if not m:
            continue
        name = m.group(2).rstrip(".")
        src = (m.start(2), m.start(2) + len(name))
        span = sp.char_span(src[0], src[1], alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else -1
        out.append(Report(cue=(m.start(1), m.end(1)), cue_text=m.group(1), cue_base="—", kind="label",
                          source=src, source_text=name, content=[q],
                          sentence_start=sent_of(sp, head).start_char if head >= 0 else 0,
                          head_i=head, verb_i=head, quotes=[q]))
    return out


def _speaker_labels(doc: Document, sp: Any, reports: list[Report]) -> list[Report]:
    text = doc.text
    taken = [r.cue for r in reports]
    out = []
    for m in _LABEL.finditer(text):
        label = m.group(1)
        if {w.lower().strip(".") for w in label.split()} & _NOT_SPEAKERS or re.search(r"\d", label):
            continue
        words = sp.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if words is not None and any(t.tag_.startswith("VB") and t.pos_ != "PROPN" for t in words):
            continue  # a headline ('Veto Power Impedes Peace Efforts: ...'), not a speaker's name
        colon = text.index(":", m.end(1))
        if any(a <= colon < b for a, b in taken):
            continue
        stop = text.find("\n", m.end())
        stop = len(text) if stop < 0 else stop
        content = _strip(text, m.end(), stop)
        if content[1] <= content[0]:
            continue
        more = _run_on_paragraphs(text, m.start(), stop)
        src = (m.start(1), m.end(1))
        span = sp.char_span(src[0], src[1], alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else -1
        out.append(Report(cue=(colon, colon + 1), cue_text=":", cue_base=":", kind="label", source=src,
                          source_text=label, content=[content, *more], sentence_start=sent_of(sp, head).start_char
                          if head >= 0 else 0, head_i=head, verb_i=head, block=True))
    return out


# "Trump's claim that ...", "the ministry's statement that ...": a noun carries the report.
NOUN_CUES = frozenset("""
claim claims statement assertion allegation allegations warning argument suggestion promise pledge
accusation accusations insistence denial assessment announcement belief view fear fears concern hope
expectation prediction charge charges contention admission acknowledgment acknowledgement assurance
""".split())
# "X is confident that ...": an adjective carries the view.
ADJ_CUES = frozenset("sure confident certain convinced aware optimistic worried concerned adamant hopeful "
                     "skeptical sceptical afraid".split())


def _nominal_cues(sp: Any, text: str, quotes: list[tuple[int, int]]) -> list[Report]:
    out = []
    for t in pick(sp, NOUN_CUES | ADJ_CUES):
        if _in_any(t.idx, quotes):
            continue
        that = next((c for c in t.children if c.dep_ in ("acl", "ccomp")
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if that is None:
            continue
        src_head = None
        cue_toks = [t]
        if t.pos_ == "NOUN":
            src_head = next((c for c in t.children if c.dep_ == "poss"), None)
            if src_head is None:
                by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                src_head = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        elif t.pos_ == "ADJ" and t.dep_ == "acomp":
            src_head = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            cue_toks = [x for x in _cue_tokens(t.head) if x.i < t.i] + [t]
        if src_head is None:
            continue
        stoks = source_tokens(src_head) if src_head.lower_ not in PRONOUNS else [src_head]
        stoks = [x for x in stoks if x.i != t.i and x.lower_ not in ("'s", "’s")] or [src_head]
        src = _span_of(stoks)
        cue = _span_of(cue_toks)
        out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=t.lower_, kind="speech",
                          source=src, source_text=text[src[0]:src[1]], content=[_subtree_range(that)],
                          sentence_start=sent_of(sp, t.i).start_char, head_i=src_head.i, verb_i=t.i))
    return out


# Nouns for a statement or a stance that take what it is about as a complement ("her decision to meet",
# "Trump's criticism of the judge", "raised questions about the deal").
STANCE_NOUNS = frozenset("""
claim claims statement statements remark remarks comment comments assertion allegation allegations warning
warnings argument arguments suggestion promise promises pledge pledges vow threat threats accusation
accusations insistence denial announcement admission acknowledgment acknowledgement assurance assurances
call calls demand demands proposal proposals criticism complaint complaints praise rhetoric message
testimony explanation prediction predictions charge charges endorsement rejection request appeal question
questions response recommendation emphasis belief beliefs view views fear fears concern concerns hope hopes
expectation expectations opinion opinions assessment theory idea ideas position stance support opposition
plan plans decision intention goal aim effort efforts bid push determination commitment commitments
eagerness reluctance willingness refusal desire vision agreement disagreement doubt doubts suspicion
skepticism scepticism conviction impression conclusion preference disdain contempt admiration praise
""".split())
# Verbs that only carry a stance noun: its subject is the source ("raised questions about", "made the
# decision to", "voiced support for").
_LIGHT_VERBS = frozenset("make have take give raise voice express issue offer share reach sign".split())
_NOUN_PREPS = frozenset("about of on for to against over toward towards".split())


def _noun_complement(t: Any) -> tuple[Any | None, list[Any]]:
    """(preposition or None, content tokens) of a stance noun: a 'that' clause, a 'to' infinitive or a
    prepositional object after it."""
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and (
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                or c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            return None, list(c.subtree)
        if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS:
            obj = [x for o in c.children if o.dep_ in ("pobj", "pcomp") for x in o.subtree]
            if obj:
                return c, sorted(obj, key=lambda x: x.i)
            return None, []
    return None, []


def _stance_nouns(sp: Any, text: str, quotes: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Report]:
    """'Clinton's plan to raise taxes', 'a decision by the court to hear', 'Trump raised questions about
    the deal': a stance noun whose owner, 'by' phrase or light verb's subject is the source."""
    out = []
    for t in pick(sp, STANCE_NOUNS):
        if t.pos_ != "NOUN" or _in_any(t.idx, quotes) or any(a <= t.idx < b for a, b in taken):
            continue
        prep, body = _noun_complement(t)
        if not body:
            continue
        src_head = next((c for c in t.children if c.dep_ == "poss"), None)
        by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if src_head is None and by is not None:
            src_head = next((c for c in by.children if c.dep_ == "pobj"), None)
        mods = [c for c in t.lefts if c.dep_ in ("det", "amod", "compound", "nummod") and c.i > (
            src_head.i if src_head is not None and src_head.i < t.i else -1)]
        first = min([t.i, *(m.i for m in mods)])
        verb = t.head if t.dep_ == "dobj" else None
        if src_head is None and verb is not None and verb.lower_ in _light_forms():
            src_head = _subject(verb)
            first = _cue_tokens(verb)[0].i
        if src_head is None or src_head.lower_ in ("it", "that", "which", "this"):
            continue
        cue_toks = [x for x in sp[first:t.i + 1]] + ([prep] if prep is not None else [])
        stoks = source_tokens(src_head) if src_head.lower_ not in PRONOUNS else [src_head]
        stoks = [x for x in stoks if x.i < first or x.i > t.i] or [src_head]
        src = _span_of(stoks)
        cue = _span_of(cue_toks)
        out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=t.lower_, kind="speech",
                          source=src, source_text=text[src[0]:src[1]], content=[_span_of(body)],
                          sentence_start=sent_of(sp, t.i).start_char, head_i=src_head.i, verb_i=t.i,
                          loose=True, cls="position"))
    return out


# Adjectives for a stance that take what it is about as a complement ("is determined to win", "has been
# critical of the deal").
STANCE_ADJS = ADJ_CUES | frozenset("""
critical supportive determined eager willing unwilling reluctant ready keen opposed wary proud happy unhappy
angry upset furious frustrated disappointed enthusiastic intent committed hesitant resistant hostile
sympathetic dismissive fond tired
""".split())
# "It is clear that ...": the writer's own judgement, credited to nobody.
_IMPERSONAL_ADJS = frozenset("clear obvious unclear apparent evident plain undeniable".split())
_ADJ_PREPS = frozenset("about of on to over toward towards against with".split())


def _stance_adjectives(sp: Any, text: str, quotes: list[tuple[int, int]],
                       taken: list[tuple[int, int]]) -> list[Report]:
    """'Clinton is determined to win', 'he has been critical of the deal' (the subject's stance), and
    'it is clear (that) ...' (the writer's, with no source)."""
    out = []
    for t in pick(sp, STANCE_ADJS | _IMPERSONAL_ADJS):
        if t.pos_ != "ADJ" or t.dep_ != "acomp" or _in_any(t.idx, quotes) or any(a <= t.idx < b for a, b in taken):
            continue
        cop = t.head
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        impersonal = subj.lower_ == "it" and t.lower_ in _IMPERSONAL_ADJS
        prep = None
        body: list[Any] = []
        if impersonal:
            clause = next((c for c in [*t.children, *cop.children] if c.dep_ == "ccomp" and c.i > t.i), None)
            body = list(clause.subtree) if clause is not None else []
        elif t.lower_ in STANCE_ADJS and subj.lower_ not in ("it", "that", "which", "this", "there"):
            for c in t.children:
                if c.i < t.i:
                    continue
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    body = list(c.subtree)
                elif c.dep_ == "prep" and c.lower_ in _ADJ_PREPS:
                    prep = c
                    body = sorted((x for o in c.children if o.dep_ in ("pobj", "pcomp") for x in o.subtree),
                                  key=lambda x: x.i)
                break
        if not body:
            continue
        cue_toks = [x for x in _cue_tokens(cop) if x.i < t.i] + [t] + ([prep] if prep is not None else [])
        if impersonal:
            cue_toks = [subj, *cue_toks]
        cue = (min(x.idx for x in cue_toks), max(x.idx + len(x.text) for x in cue_toks))
        src: tuple[int, int] | None = None
        if not impersonal:
            stoks = source_tokens(subj) if subj.lower_ not in PRONOUNS else [subj]
            src = _span_of([x for x in stoks if x.i < cop.i] or [subj])
        out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=t.lower_, kind="speech",
                          source=src, source_text=text[src[0]:src[1]] if src else "", content=[_span_of(body)],
                          sentence_start=sent_of(sp, t.i).start_char, head_i=-1 if impersonal else subj.i,
                          verb_i=cop.i, loose=True, agentless=impersonal,
                          cls="unsourced" if impersonal else "position"))
    return out


# Verbs of seeming: "X seems to Y", "it appeared that ...", "the plan seems risky" present a judgement
# with nobody named for it (PolNeAR annotates them as sourceless attributions).
# "appeared on MSNBC", "appeared at a hearing", "appear in person": showing up, not seeming.
_SHOW_UP_PREPS = frozenset("on at in before with alongside for onstage".split())


def _seeming(t: Any, text: str) -> Report | None:
    """'Melania seems to have vanished', 'it appeared that Trump was unable ...', 'the plan seems too risky':
    what seems so (the subject with its complement) is an attribution with no source.  None when the
    verb reports nothing of the kind ('appeared on MSNBC') or hands over to a cue verb ('seemed to
    think that ...', which that verb reports)."""
    kids = list(t.children)
    if any(c.dep_ == "prep" and c.lower_ in _SHOW_UP_PREPS for c in kids):
        return None
    comp = next((c for c in kids if c.i > t.i and c.dep_ in ("xcomp", "acomp", "ccomp", "oprd", "attr")), None)
    if comp is None or verb_base(comp) in CUE_VERBS:
        return None
    if comp.dep_ == "xcomp" and comp.pos_ in ("VERB", "AUX") \
            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children):
        return None
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    body = [list(comp.subtree)]
    if subj is not None and subj.lower_ not in ("it", "there"):
        body.insert(0, list(subj.subtree))
    content = [_span_of(b) for b in body]
    cue_toks = [x for x in _cue_tokens(t) if x.i <= t.i]
    cue = (min(x.idx for x in cue_toks), max(x.idx + len(x.text) for x in cue_toks))
    return Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=verb_base(t), kind="speech",
                  source=None, source_text="", content=content,
                  sentence_start=sent_of(t.doc, t.i).start_char, head_i=-1, verb_i=t.i,
                  loose=True, agentless=True, cls="unsourced")


# Documents and surveys whose findings an "in" phrase credits ("In the latest Post poll, Clinton led").
_FINDING_NOUNS = frozenset("""
poll polls survey surveys study studies report reports analysis review audit memo letter filing filings
statement interview op-ed editorial column tweet post ruling opinion testimony
""".split())


def _in_findings(sp: Any, text: str, quotes: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Report]:
    """'In a new CNN poll, Clinton leads by 3 points', 'In his letter, the doctor wrote ...': the clause is
    what the poll or document says (an 'according to' without the words)."""
    out = []
    for t in pick(sp, _FINDING_NOUNS):
        prep = t.head
        if t.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or _in_any(t.idx, quotes):
            continue
        clause = prep.head
        if clause.pos_ not in ("VERB", "AUX") or verb_base(clause) or any(a <= clause.idx < b for a, b in taken):
            continue  # 'In a statement, she said ...': the verb is the report
        phrase = {x.i for x in prep.subtree}
        rest = [x for x in clause.subtree if x.i not in phrase and not x.is_punct]
        if not rest or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        before = [x for x in rest if x.i < prep.i]
        after = [x for x in rest if x.i > prep.i]
        content = [_span_of(part) for part in (before, after) if part]
        src = _span_of([x for x in t.subtree if x.i > prep.i])
        out.append(Report(cue=(prep.idx, prep.idx + len(prep.text)), cue_text=prep.text, cue_base="in",
                          kind="according", source=src, source_text=text[src[0]:src[1]], content=content,
                          sentence_start=sent_of(sp, t.i).start_char, head_i=t.i, verb_i=prep.i, loose=True,
                          cls="position"))
    return out


@lru_cache(maxsize=1)
def _s_forms() -> frozenset[str]:
    return frozenset(f for f in _form_table() if f.endswith("s"))


def _noun_tagged_verbs(sp: Any, text: str, quotes: list[tuple[int, int]],
                       taken: list[tuple[int, int]]) -> list[Report]:
    """'The Clinton campaign plans to ...', 'Trump charges that ...': a cue verb the tagger took for a
    plural noun heading the sentence; the words before it are its subject."""
    out = []
    forms = _form_table()
    for t in pick(sp, _s_forms()):
        if t.pos_ != "NOUN" or t.dep_ != "ROOT" or _in_any(t.idx, quotes) or any(a <= t.idx < b for a, b in taken):
            continue
        comp = next((c for c in t.children if c.i > t.i and c.dep_ in ("xcomp", "ccomp")), None)
        lefts = [c for c in t.children if c.i < t.i and c.dep_ in ("compound", "det", "amod", "poss", "nmod")]
        if comp is None or not lefts:
            continue
        stoks = [x for c in lefts for x in c.subtree]
        base = forms[t.lower_]
        src = _span_of(sorted(stoks, key=lambda x: x.i))
        head = max(lefts, key=lambda c: c.i)
        out.append(Report(cue=(t.idx, t.idx + len(t.text)), cue_text=t.text, cue_base=base,
                          kind="cognition" if base in COGNITION_VERBS else "speech", source=src,
                          source_text=text[src[0]:src[1]], content=[_subtree_range(comp)],
                          sentence_start=sent_of(sp, t.i).start_char, head_i=head.i, verb_i=t.i))
    return out


# Phrasal cues: a common verb that reports only with its particle, preposition or object word ("made
# clear that", "weighed in on", "laid out a plan", "took aim at"), with the class of what it reports.
_PHRASAL: dict[tuple[str, str], str] = {
    ("make", "clear"): "speech", ("weigh", "in"): "speech", ("push", "back"): "speech",
    ("sound", "alarm"): "speech", ("lay", "out"): "position", ("set", "out"): "position",
    ("go", "after"): "position", ("take", "aim"): "position", ("double", "down"): "position",
    ("seize", "on"): "position", ("come", "out"): "position", ("stand", "by"): "position",
    ("put", "it"): "speech",
}
_PHRASAL_FORMS = {
    "make": ("make", "makes", "made", "making"), "weigh": ("weigh", "weighs", "weighed", "weighing"),
    "push": ("push", "pushes", "pushed", "pushing"), "sound": ("sound", "sounds", "sounded", "sounding"),
    "lay": ("lay", "lays", "laid", "laying"), "set": ("set", "sets", "setting"),
    "go": ("go", "goes", "went", "gone", "going"), "take": ("take", "takes", "took", "taken", "taking"),
    "double": ("double", "doubles", "doubled", "doubling"), "seize": ("seize", "seizes", "seized", "seizing"),
    "come": ("come", "comes", "came", "coming"), "stand": ("stand", "stands", "stood", "standing"),
    "put": ("put", "puts", "putting"),
}

_PHRASAL_BASES = {f: b for b, forms in _PHRASAL_FORMS.items() for f in forms}
_PHRASAL_WORDS = frozenset(_PHRASAL_BASES)


def _phrasal_cues(sp: Any, text: str, quotes: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Report]:
    """'Ham made it clear he had misgivings', 'The senator weighed in on the dispute', 'Republicans took
    aim at the rule': the verb with its particle or object word is the cue."""
    base_of = _PHRASAL_BASES
    out = []
    for v in pick(sp, _PHRASAL_WORDS):
        if v.pos_ not in ("VERB", "AUX") or _in_any(v.idx, quotes) or any(a <= v.idx < b for a, b in taken):
            continue
        base = base_of[v.lower_]
        kids = [c for c in v.children if c.i > v.i]
        word = next((c for c in kids if (base, c.lower_) in _PHRASAL
                     or c.dep_ == "dobj" and (base, c.lower_) in _PHRASAL), None)
        if word is None:  # 'made it clear': the adjective hangs on the object clause
            word = next((x for c in kids if c.dep_ in ("ccomp", "oprd", "xcomp") for x in [c]
                         if (base, x.lower_) in _PHRASAL), None)
        if word is None:
            continue
        cls = _PHRASAL[(base, word.lower_)]
        subj = _subject(v)
        if subj is None or subj.lower_ in ("it", "that", "which", "this", "there"):
            continue
        cue_toks = [*_cue_tokens(v), word]
        body: list[Any] = []
        for holder in (word, v):
            # ('made it clear he had ...': the parser hangs the clause on the adjective, any which way.)
            clause = next((c for c in holder.children if c.i > word.i and (
                c.dep_ in ("ccomp", "xcomp") or holder is word and c.dep_ in ("advcl", "csubj"))), None)
            if clause is not None:
                body = list(clause.subtree)
                break
        if not body and (base, word.lower_) == ("put", "it"):
            # 'As one expert put it, the plan is dead' / 'She put it this way: ...'
            if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
                inner = {x.i for x in v.subtree}
                body = [x for x in v.head.subtree if x.i not in inner and not x.is_punct and x.i > v.i]
            else:
                after = _after_colon(text, max(v.subtree, key=lambda x: x.i))
                if after:
                    cue = _span_of(cue_toks)
                    stoks = source_tokens(subj) if subj.lower_ not in PRONOUNS else [subj]
                    src = _span_of([x for x in stoks if x.i < v.i] or [subj])
                    out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base="put it", kind="speech",
                                      source=src, source_text=text[src[0]:src[1]], content=after,
                                      sentence_start=sent_of(sp, v.i).start_char, head_i=subj.i, verb_i=v.i,
                                      block=True, cls="speech"))
                continue
        if not body:
            prep = next((c for c in [*word.children, *v.children] if c.dep_ == "prep" and c.i > word.i), None)
            obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > word.i), None)
            if prep is not None and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                cue_toks.append(prep)
                body = [x for c in prep.children if c.dep_ in ("pobj", "pcomp") for x in c.subtree]
            elif obj is not None:
                body = list(obj.subtree)
        if not body:
            continue
        last = max(x.i for x in cue_toks)
        body = sorted((x for x in body if x.i > last), key=lambda x: x.i)
        if not body:
            continue
        cue = (min(x.idx for x in cue_toks), max(x.idx + len(x.text) for x in cue_toks))
        stoks = source_tokens(subj) if subj.lower_ not in PRONOUNS else [subj]
        src = _span_of([x for x in stoks if x.i < v.i] or [subj])
        out.append(Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base=f"{base} {word.lower_}",
                          kind="speech", source=src, source_text=text[src[0]:src[1]], content=[_span_of(body)],
                          sentence_start=sent_of(sp, v.i).start_char, head_i=subj.i, verb_i=v.i,
                          loose=cls != "speech", cls=cls))
    return out


@lru_cache(maxsize=1)
def _light_forms() -> frozenset[str]:
    irregular = {"make": ("made",), "have": ("had", "has"), "take": ("took", "taken"), "give": ("gave", "given"),
                 "reach": ("reached",), "share": ("shared",)}
    return frozenset(f for v in _LIGHT_VERBS for f in _regular_forms(v) | set(irregular.get(v, ())))


def _impersonal(verb: Any) -> bool:
    """'It is believed that ...' (not 'it is supposed to'): a claim credited to nobody."""
    kids = list(verb.children)
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in kids) and \
        any(c.dep_ == "ccomp" and c.i > verb.i and not any(t.lower_ == "to" and t.dep_ == "aux"
                                                           for t in c.children) for c in kids)


def _according(tok: Any, text: str) -> Report | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    stoks = source_tokens(pobj)
    src = _span_of(stoks)
    phrase = {t.i for t in tok.subtree}
    sent = sent_of(tok.doc, tok.i)
    # The content is the rest of the clause the phrase modifies.
    anchor = tok.head
    while anchor.dep_ not in ("ROOT", "ccomp", "conj") and anchor.head is not anchor:
        anchor = anchor.head
    rest = [t for t in anchor.subtree if t.i not in phrase and not (t.is_punct and t.i == sent.end - 1)]
    if not rest:
        return None
    a, b = min(t.idx for t in rest), max(t.idx + len(t.text) for t in rest)
    p0, p1 = min(t.idx for t in tok.subtree), max(t.idx + len(t.text) for t in tok.subtree)
    if p0 <= a < p1:
        a = p1
    if p0 < b <= p1:
        b = p0
    content: list[tuple[int, int]]
    if a < p0 < b:
        content = [_strip(text, a, p0), _strip(text, p1, b)]
    else:
        content = [_strip(text, a, b)]
    content = [c for c in content if c[1] > c[0]]
    cue = (tok.idx, to.idx + len(to.text))
    return Report(cue=cue, cue_text=text[cue[0]:cue[1]], cue_base="according to", kind="according",
                  source=src, source_text=text[src[0]:src[1]], content=content,
                  sentence_start=sent.start_char, head_i=pobj.i, verb_i=tok.i)


def _attach_quotes(doc: Document, sp: Any, reports: list[Report], quotes: list[tuple[int, int]]) -> None:
    """Give each direct quote the report whose cue is next to it, and fold the quote into its content."""
    by_sent: dict[int, list[Report]] = {}
    for r in reports:
        by_sent.setdefault(r.sentence_start, []).append(r)
    text = doc.text
    sents = sentences(sp)
    starts = [s.start_char for s in sents]
    tight: dict[int, set[tuple[int, int]]] = {}  # report id -> quotes with nothing but punctuation between
    for q in quotes:
        best: Report | None = None
        best_gap = 10**9
        best_tight = False
        touching = _sentences_touching(sp, q)
        # A quote opening a sentence may continue the previous sentence's '..., she said.'
        k = starts.index(touching[0]) if touching and touching[0] in starts else -1
        last = starts.index(touching[-1]) if touching and touching[-1] in starts else -1
        cands = [(s, False) for s in touching] + ([(starts[k - 1], True)] if k > 0 else [])
        # ... or be closed by '..., the chief said Monday.' that the parser split off.
        if 0 <= last < len(starts) - 1:
            cands.append((starts[last + 1], True))
        for s, previous in cands:
            for r in by_sent.get(s, []):
                if r.source is None and (r.kind != "speech" or r.agentless):
                    continue  # a quote needs someone to say it
                if _in_subject(sp, r, q):
                    continue
                if r.loose and len(re.findall(r"\w+", text[q[0]:q[1]])) < 4:
                    continue  # 'called a charlatan for promoting "quack" medicine': scare quotes  # 'The so-called "peace" plan was rejected': the quote names, not reports
                lo = min(r.cue[0], r.source[0]) if r.source else r.cue[0]
                hi = max(r.cue[1], r.source[1]) if r.source else r.cue[1]
                if any(a < q[1] and q[0] < b for a, b in r.content):
                    between = ""  # the quote is (part of) the reported clause
                elif q[1] <= lo:
                    between = text[q[1]:lo]
                elif q[0] >= hi:
                    between = text[hi:q[0]]
                else:
                    continue
                if any(ch in between for ch in _QUOTE_OPEN + _QUOTE_CLOSE + '"\n'):
                    continue  # another quote, or a paragraph break, lies between them
                gap = len(between.strip(" ,:—–-"))
                # Across a sentence break only '... she said (to the TV). "Next part."' counts.
                # ('... she said at a rally on Monday. "Next part."': the rest of the cue's sentence.)
                if previous and q[0] >= hi and (_in_relative(sp[r.verb_i]) and r.kind != "label"
                                                 or not r.loose and r.cue_base not in _NAMING_VERBS
                                                 and any(a >= r.cue[1] for a, _ in r.content)):
                    # '... for donors who support the caucus. "Next part."': an aside; 'He didn't suggest
                    # retaliation. "Next part."': a cue whose own sentence holds what it reports.
                    continue
                if previous and (_sentence_tail_too_long(between) if q[0] >= hi
                                 else re.search(r"\w", text[q[1]:lo])):
                    continue
                if previous and q[0] >= hi:
                    gap = min(gap, 40)  # the rest of the cue's sentence ('in an interview with ...') is no gap
                if gap < best_gap:
                    best, best_gap = r, gap
                    best_tight = previous or not re.search(r"\w", between)
        if best is None or best_gap > 40:
            continue
        best.quotes.append(q)
        if best_tight:
            tight.setdefault(id(best), set()).add(q)
    # A quote with no cue of its own that runs on from the previous quote (later in the paragraph, or
    # opening the next one) is the same speaker's: '"X," he said. "Y."' / '"X," he said.¶"Y."'.
    prev: tuple[tuple[int, int], Report] | None = None
    for q in quotes:
        owner = next((r for r in reports if q in r.quotes), None)
        if owner is None and prev is not None \
                and _runs_on(text, prev[0], prev[1], q, _sentence_end(doc, prev[1].cue[0]), reports) \
                and not any(a <= q[0] < b for r in reports for a, b in r.content):
            owner = prev[1]
            owner.quotes.append(q)
            tight.setdefault(id(owner), set()).add(q)
        prev = (q, owner) if owner is not None else None
    for r in reports:
        if not r.quotes:
            continue
        merged: list[tuple[int, int]] = []
        used: set[tuple[int, int]] = set()
        for a, b in r.content:
            for q in r.quotes:
                if q[0] < b and a < q[1]:
                    a, b = min(a, q[0]), max(b, q[1])
                    used.add(q)
            merged.append((a, b))
        glued = tight.get(id(r), set())
        lo = min(r.cue[0], r.source[0]) if r.source else r.cue[0]
        # A split quote ('"X," she said in an interview, "Y."'): the quote glued before the cue makes the
        # quote after it, in the same sentence, the rest of what she said, not the parsed object between.
        split = [q for q in r.quotes if q not in glued and q[0] >= r.cue[1] and "\n" not in text[r.cue[1]:q[0]]
                 and not _sentence_tail_too_long(text[r.cue[1]:q[0]])] \
            if any(q[1] <= lo for q in glued) else []
        if split:
            merged = [(a, b) for a, b in merged if b <= lo or any(q[0] <= a and b <= q[1] for q in r.quotes)]
        for q in r.quotes:
            # Beside a parsed clause, only a quote glued to the cue by punctuation is part of it
            # ('"X," she said, "Y."'); '"Fox News Sunday"' after 'said on' is not.
            if q not in used and (not r.content or q in glued or q in split):
                merged.append(q)
        if r.kind == "label":  # '"KOVAL: ...': the quote mark opens before the label, the content after
            merged = [(max(a, r.cue[1]), b) for a, b in merged if b > r.cue[1]]
        r.content = _merge(text, sorted(merged))


def _in_relative(verb: Any) -> bool:
    """Is the verb a relative clause's, or coordinated with one ('who helmed the DNC and has backed ...')?"""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return bool(verb.dep_ == "relcl")


def _sentence_tail_too_long(between: str) -> bool:
    """Is the text after a cue more than the rest of its sentence ('at a rally on Monday.')?"""
    tail = between.strip()
    return len(re.findall(r"\w+", tail)) > 12 or bool(re.search(r"[.!?]\s+\S", tail))


def _runs_on(text: str, prev: tuple[int, int], r: Report, q: tuple[int, int], sent_end: int,
             reports: list[Report]) -> bool:
    """Does quote ``q`` carry on the speaker of quote ``prev`` (reported by ``r``): later in the same
    paragraph with no reporting verb between them (but the same speaker's 'He did not suggest ...'),
    or opening the next paragraph?"""
    after = max([prev[1], r.cue[1]] + ([r.source[1]] if r.source else []))
    if after > q[0] or "\n" in text[prev[1]:after]:
        return False
    rest = text[after:q[0]]
    if "\n" not in rest:
        # The rest of the cue's own sentence ('said on Saturday at the gala, where Clinton also spoke.')
        # is where and when; only a reporting verb in a later sentence would introduce a new speaker.
        start = max(after, sent_end)
        same = [x for x in reports if start <= x.cue[0] < q[0] and x.source is not None
                and text[x.source[0]:x.source[1]].lower() in _PERSON_PRONOUNS]
        for x in same:  # blank out a pronoun's cue: it is the same speaker going on
            text = text[:x.cue[0]] + " " * (x.cue[1] - x.cue[0]) + text[x.cue[1]:]
        return q[0] - prev[1] < 400 and _no_cue(text[start:q[0]])
    return not re.search(r"\w", rest) and rest.count("\n") <= 2


def _sentence_end(doc: Document, at: int) -> int:
    return next((s.end for s in doc.sentences if s.start <= at < s.end), at)


def _no_cue(between: str) -> bool:
    """No reporting verb in the words between two quotes (it would have claimed the quote)."""
    forms = _form_table()
    return not any(w.lower() in forms for w in re.findall(r"[\w’']+", between))


def _in_subject(sp: Any, r: Report, q: tuple[int, int]) -> bool:
    if r.kind not in ("speech", "cognition"):
        return False
    for c in sp[r.verb_i].children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            a, b = _span_of(list(c.subtree))
            if a <= q[0] and q[1] <= b:
                return True
    return False


def _merge(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        gap = text[out[-1][1]:a] if out else ""
        if out and (a <= out[-1][1] or not re.search(r"\w|\n", gap) and len(gap) <= 2):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _clip_to_paragraph(text: str, at: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content does not run across a paragraph break (spaCy's sentences sometimes do)."""
    out = []
    for a, b in ranges:
        home = at if a <= at else a  # content after the cue may start in the next paragraph ("said:")
        p0 = text.rfind("\n", 0, home) + 1
        p1 = text.find("\n", home)
        p1 = len(text) if p1 < 0 else p1
        a, b = _strip(text, max(a, p0), min(b, p1))
        if b > a:
            out.append((a, b))
    return out


def _clip_to_sentence(doc: Document, at: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep paraphrased content inside the cue's sentence (spaCy can run a headline into the lead)."""
    sent = next((s for s in doc.sentences if s.start <= at < s.end), None)
    if sent is None:
        return ranges
    out = []
    for a, b in ranges:
        a, b = _strip(doc.text, max(a, sent.start), min(b, sent.end))
        if b > a:
            out.append((a, b))
    return out


def _sentences_touching(sp: Any, q: tuple[int, int]) -> list[int]:
    out = []
    for s in sentences(sp):
        if s.start_char < q[1] and q[0] < s.end_char:
            out.append(s.start_char)
    return out


def _resolve(sp: Any, r: Report, mentions: list[Mention]) -> None:
    if r.head_i < 0:
        # "It is said that ...": a claim resting on nobody; "he was accused of ...": nobody is the source.
        r.source_type, r.vague = "vague", r.cue_class in REPORT_CLASSES
        return
    head = sp[r.head_i]
    resolved = ""
    if head.lower_ in PRONOUNS or head.pos_ == "NOUN":
        resolved = resolve_person(sp, head, mentions)
        # "Her father, Bobby Brown, said": the person is named beside the description.
        named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                      and c.pos_ == "PROPN"), None)
        if not resolved and named is not None:
            ent = entity_span(named)  # "Alicia Etheredge-Brown", hyphen and all
            resolved = str(ent.text) if ent is not None else name_of(named)
    elif head.pos_ == "PROPN":
        key = person_key(head.text)
        same = [m for m in mentions if m.key == key and m.start <= head.idx]
        if same:
            resolved = _fullest(same[-1], mentions)
    stoks = source_tokens(head)
    r.source_type, r.vague = classify_source(head, stoks, resolved)
    if r.source_type == "vague" and not vague_phrase(head):
        r.source_type, r.vague = "organization", False
    if r.vague and r.kind == "cognition" and r.cue_base not in BELIEF_VERBS:
        r.vague = False  # "allowing people to see the progress": perception, not a claim resting on them
    if r.vague and r.cue_class not in REPORT_CLASSES:
        r.vague = False  # "analysts embraced the idea": a position taken, not a claim resting on them
    if resolved:
        r.resolved = resolved
    elif head.pos_ == "PROPN":
        r.resolved = name_of(head) if r.source_type == "person" else _written(r, head, stoks)
    else:
        r.resolved = _written(r, head, stoks)


def _written(r: Report, head: Any, stoks: list[Any]) -> str:
    """The source as written: the report's own source span, unless that is a relative pronoun
    ("observers, who argue"), when it is the phrase the pronoun stands for."""
    if r.source is not None and not (r.source[0] <= head.idx < r.source[1]):
        return doc_text(stoks)
    return r.source_text or doc_text(stoks)


def doc_text(toks: list[Any]) -> str:
    return "".join(t.text_with_ws for t in toks).strip()


def source_key(r: Report) -> str:
    if r.vague:
        return "vague:" + re.sub(r"[^a-z ]", "", r.resolved.lower()).strip()
    if r.source_type == "person" and r.resolved:
        return person_key(r.resolved)
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]", "", r.resolved.lower())).strip()


# Verbs that report a position in politics ("X attacked the plan") and an act of force in war news
# ("Russian forces attacked the city"); the second is no attribution.
_PHYSICAL_SENSE = frozenset({"attack", "defend", "push", "press", "back", "target", "hit", "strike", "blast"})
_ARMED = re.compile(r"\b(?:forces|troops|army|armies|military|militar(?:y|ies)|soldiers|units?|brigades?|"
                    r"battalions?|regiments?|drones?|missiles?|artillery|militants?|fighters|gunmen|navy|"
                    r"air force|warplanes?|jets?|aircraft|tanks?)\b", re.I)


def _physical(doc: Document, r: Report) -> bool:
    """Whether a report's cue is an act of force: an armed actor attacking, or a place attacked."""
    if r.cue_base not in _PHYSICAL_SENSE:
        return False
    if _ARMED.search(r.source_text or ""):
        return True
    c0, c1 = r.content[0][0], r.content[-1][1]
    return any(f.type is FactType.PLACE and c0 <= f.start < c1 for f in doc.facts)


def _full_source(sp: Any, text: str, r: Report) -> tuple[int, int] | None:
    """The source phrase with its relative clause ('Victor Cha, who served as Asia director'), as
    PolNeAR marks it; the report's own source span leaves the clause out so names resolve cleanly."""
    if r.source is None or r.head_i < 0:
        return r.source
    head = sp[r.head_i]
    if not (r.source[0] <= head.idx < r.source[1]) or head.lower_ in PRONOUNS:
        return r.source
    taken = [r.cue, *r.content]
    para = text.rfind("\n", 0, head.idx) + 1
    # A relative clause that reports something itself ('Mr. Obama, who told reporters ...') is an
    # attribution of its own, not part of this source.
    own = {t.i for c in head.children if c.dep_ == "relcl" and any(verb_base(x) for x in c.subtree)
           for t in c.subtree}
    toks = [t for t in head.subtree if t.idx >= para and not any(a <= t.idx < b for a, b in taken)
            and t.i != r.verb_i and t.i not in own]
    run = [head]
    by_i = {t.i: t for t in toks}
    while run[0].i - 1 in by_i:
        run.insert(0, by_i[run[0].i - 1])
    while run[-1].i + 1 in by_i:
        run.append(by_i[run[-1].i + 1])
    while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run.pop()
    while len(run) > 1 and run[0].is_punct:
        run.pop(0)
    a, b = _span_of(run)
    return (min(a, r.source[0]), max(b, r.source[1]))


@stage("attributions.en", requires=["sentences", "spacy"], provides=["facts.attribution"], langs=["en"],
       order=40)
def attributions_en(doc: Document) -> Document:
    """Reported speech: 'X said that ...', 'according to X', quotes with a speech verb."""
    sp = doc.extras.get("spacy")
    for r in find_reports(doc):
        if _physical(doc, r):
            continue
        full = _full_source(sp, doc.text, r)
        spans = [r.cue] + ([r.source] if r.source else [])
        start, end = min(a for a, _ in spans), max(b for _, b in spans)
        c0, c1 = r.content[0][0], r.content[-1][1]
        doc.add_fact(FactType.ATTRIBUTION, start, end, key=source_key(r), extractor="attributions.en",
                     source=r.resolved or r.source_text, source_key=source_key(r), cue=r.cue_text,
                     cue_base=r.cue_base, cue_kind=r.kind, cue_class=r.cue_class, vague=r.vague,
                     source_type=r.source_type,
                     source_text=r.source_text,
                     source_start=full[0] if full else None, source_end=full[1] if full else None,
                     cue_start=r.cue[0], cue_end=r.cue[1], content_start=c0, content_end=c1,
                     content_spans=[list(c) for c in r.content], content=doc.text[c0:c1])
    return doc
