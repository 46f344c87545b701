"""Russian and Ukrainian quotes with speakers, attributions, hedges and events.

Speakers and attribution sources are the person and organisation facts already found, so a quote's
``speaker_key`` is the same sound key an English quote by "Temirkhanov" gets.  Vague sources ("по данным
источников", "експерти вважають") are attributions with ``vague=True`` plus a ``vague_source`` hedge.
"""

from __future__ import annotations

import re

from wirecheck.extractors.en_events import DEGREES
from wirecheck.model import Document, Fact, FactType
from wirecheck.nlp.russian import Token, find_terms, terms_of, tokens
from wirecheck.registry import stage

EXTRACTOR = "ru_speech"

# Speech verbs (lemmas), both languages.
SPEECH_VERBS = {
    "заявить", "сказать", "сообщить", "отметить", "подчеркнуть", "написать", "рассказать", "добавить",
    "уточнить", "пояснить", "заверить", "признать", "указать", "говорить", "сообщать", "заявлять",
    "призвать", "передать", "констатировать", "опровергнуть", "утверждать", "настаивать",
    "заявити", "сказати", "повідомити", "зазначити", "наголосити", "написати", "розповісти", "додати",
    "уточнити", "пояснити", "запевнити", "визнати", "вказати", "говорити", "повідомляти", "заявляти",
    "закликати", "передати", "констатувати", "спростувати", "інформувати", "поінформувати", "стверджувати",
    "наполягати",
}
# Prepositional cues followed by the source: "по данным X", "за словами X".
PREP_CUES = [
    r"по\s+данным", r"по\s+словам", r"по\s+информации", r"по\s+сообщению", r"согласно\s+данным",
    r"как\s+сообщили\s+в", r"как\s+сообщили\s+во", r"как\s+сообщил[аи]?", r"как\s+сообщает", r"как\s+заявил[аи]?",
    r"со\s+ссылкой\s+на", r"как\s+передает", r"по\s+оценке", r"по\s+оценкам",
    r"за\s+даними", r"за\s+словами", r"за\s+інформацією", r"згідно\s+з\s+даними", r"як\s+повідомили\s+в",
    r"як\s+повідомили\s+у", r"як\s+повідоми(?:в|ла|ли)", r"як\s+повідомляє", r"як\s+заяви(?:в|ла|ли)",
    r"з\s+посиланням\s+на", r"як\s+передає", r"за\s+оцінками", r"за\s+оцінкою",
]
# Vague sources: (regex on lowercase text, English label).
VAGUE = [
    (r"\bисточник\w*", "sources"), (r"\bджерел\w*|\bджерело\b", "sources"),
    (r"\bэксперт\w*|\bексперт\w*", "experts"), (r"\bаналитик\w*|\bаналітик\w*", "analysts"),
    (r"\bнаблюдател\w*|\bспостерігач\w*", "observers"),
    (r"\bпо\s+некоторым\s+данным|\bза\s+деякими\s+даними", "some reports"),
    (r"\bпо\s+неофициальным\s+данным|\bза\s+неофіційними\s+даними", "unofficial reports"),
    (r"\bсми\b|\bзмі\b", "media"), (r"\bв\s+соцсетях|\bу\s+соцмережах", "social media"),
    (r"\bочевид\w*", "witnesses"),
]
HEDGES = [
    (r"\bпредположительно\b|\bймовірно\b|\bімовірно\b|\bвероятно\b", "hedge"),
    (r"\bвозможно\b|\bможливо\b|\bне\s+исключено\b|\bне\s+виключено\b", "hedge"),
    # «не исключает повышения ставки»: a possibility, which "will raise" states as a decision
    (r"\bне\s+исключа\w*|\bне\s+исключил\w*|\bне\s+виключа\w*|\bне\s+виключив\w*", "hedge"),
    (r"\bякобы\b|\bнібито\b|\bпо-видимому\b|\bмабуть\b", "hedge"),
    (r"\bпо\s+предварительным\s+данным\b|\bпо\s+предварительной\s+информации\b"
     r"|\bза\s+попередніми\s+даними\b|\bза\s+попередньою\s+інформацією\b", "hedge"),
    (r"\bориентировочно\b|\bорієнтовно\b", "hedge"),
    (r"\bмо(?:жет|гут|г|гла|гли)\b|\bмо(?:же|жуть|гла|гли)\b|\bміг\b", "hedge"),
    (r"\bполностью\b|\bповністю\b|\bокончательно\b|\bостаточно\b|\bбезусловно\b|\bбезумовно\b"
     r"|\bнесомненно\b|\bбезсумнівно\b", "booster"),
]
_QUOTE = re.compile(r"«((?:[^«»]|«[^«»]*»)+)»|“([^”]+)”|„([^“”]+)[“”]|\"([^\"]+)\"")
_PRONOUNS = {"он", "она", "він", "вона"}


def _source_facts(doc: Document) -> list[Fact]:
    return sorted(doc.facts_of(FactType.PERSON, FactType.ORGANIZATION), key=lambda f: f.start)


def _speaker_attrs(f: Fact) -> tuple[str, str, str]:
    """(display name, key, source type) of a person or organisation fact."""
    if f.type == FactType.PERSON:
        return f.attrs["name"], f.key, "person"
    return f.attrs.get("name", f.text), f.key, "organization"


def _verb_near(toks: list[Token], a: int, b: int) -> Token | None:
    for t in toks:
        if a <= t.start and t.end <= b and t.lemmas & SPEECH_VERBS:
            return t
    return None


def _nearest(candidates: list[Fact], *, first: bool) -> Fact:
    """The speaker among the names by a speech verb: the nearest person, else the nearest name
    («отметила председатель ЦБ Эльвира Набиуллина»: Nabiullina speaks, not the bank she chairs)."""
    ordered = candidates if first else candidates[::-1]
    return next((f for f in ordered if f.type is FactType.PERSON), ordered[0])


def _prev_person(doc: Document, offset: int) -> Fact | None:
    people = [f for f in doc.facts_of(FactType.PERSON) if f.end <= offset]
    return people[-1] if people else None


@stage("ru.quotes", requires=["sentences", "facts.person", "facts.organization"],
       provides=["facts.quote", "facts.attribution", "facts.hedge"], langs=["ru", "uk"], order=40)
def speech(doc: Document) -> Document:
    """Direct quotes with their speakers; attributions (named and vague); hedges and boosters."""
    toks = tokens(doc)
    text, lower = doc.text, doc.text.lower()
    sources = _source_facts(doc)
    for m in _QUOTE.finditer(text):
        content = next(g for g in m.groups() if g is not None)
        if len(content.split()) < 3:
            continue  # «Север», «Азов»: names, not speech
        s_idx = doc.sentence_at(m.start())
        sent = doc.sentences[s_idx] if doc.sentences else None
        lo, hi = (sent.start, sent.end) if sent else (0, len(text))
        # A quote that ends its sentence takes its speaker from the next sentence's "— сказал он".
        if sent and m.end() >= sent.end - 2 and s_idx + 1 < len(doc.sentences) and \
                re.match(r"\s*[,.]?\s*[—–-]", text[m.end():m.end() + 6]):
            hi = doc.sentences[s_idx + 1].end
        speaker: Fact | None = None
        cue = None
        verb = _verb_near(toks, m.end(), min(hi, m.end() + 80))
        if verb is not None:
            after = [f for f in sources if verb.end <= f.start < min(hi, verb.end + 60)]
            if after:
                speaker, cue = _nearest(after, first=True), verb.text
            else:
                pron = next((t for t in toks if verb.end <= t.start < verb.end + 8 and t.lower in _PRONOUNS), None)
                before = [f for f in sources if lo <= f.start and f.end <= verb.start and f.start >= m.end()]
                if before:
                    speaker, cue = _nearest(before, first=False), verb.text
                elif pron is not None:
                    speaker, cue = _prev_person(doc, m.start()), verb.text
        if speaker is None:
            verb = _verb_near(toks, lo, m.start())
            if verb is not None:
                before = [f for f in sources if lo <= f.start and f.end <= verb.start]
                if before:
                    speaker, cue = _nearest(before, first=False), verb.text
        if speaker is None:
            pm = re.search(r"(по\s+словам|за\s+словами)\s+", lower[lo:m.start()])
            if pm:
                after = [f for f in sources if lo + pm.end() <= f.start < m.start()]
                if after:
                    speaker, cue = _nearest(after, first=True), pm.group(1)
        name, key, _ = _speaker_attrs(speaker) if speaker is not None else (None, None, None)
        norm = re.sub(r"[^\w\s]", "", content.lower())
        doc.add_fact(FactType.QUOTE, m.start(), m.end(), key=re.sub(r"\s+", " ", norm).strip(),
                     extractor=EXTRACTOR, content=content, speaker=name, speaker_key=key, cue=cue)
    _attributions(doc, toks, sources)
    for pattern, kind in HEDGES:
        for m in re.finditer(pattern, lower):
            doc.add_fact(FactType.HEDGE, m.start(), m.end(), key=kind, extractor=EXTRACTOR,
                         phrase=text[m.start():m.end()], kind=kind)
    return doc


def _attributions(doc: Document, toks: list[Token], sources: list[Fact]) -> None:
    text, lower = doc.text, doc.text.lower()
    seen: set[tuple[int, str]] = set()

    def add(start: int, end: int, src: Fact, cue: str) -> None:
        name, key, stype = _speaker_attrs(src)
        if stype == "organization" and key in ("tass", "ria novosti", "interfax", "ukrinform", "interfax-ukraine"):
            stype = "media"
        if (src.sentence, key) in seen:
            return
        seen.add((src.sentence, key))
        c0, c1 = _content_span(doc, start, end)
        doc.add_fact(FactType.ATTRIBUTION, start, end, key=key, extractor=EXTRACTOR, source=name,
                     source_key=key, cue=cue, vague=False, source_type=stype, source_text=src.text,
                     content_start=c0, content_end=c1, content=text[c0:c1])

    for pattern in PREP_CUES:
        for m in re.finditer(r"\b" + pattern + r"\b", lower):
            # The phrase runs to its comma: «За словами голови Сумської обласної військової адміністрації
            # Олега Григорова,» names the person after a long office.
            comma = text.find(",", m.end())
            reach = comma if 0 <= comma - m.end() <= 120 else m.end() + 40
            after = [f for f in sources if m.end() <= f.start <= reach
                     and doc.sentence_at(f.start) == doc.sentence_at(m.start())]
            if after:
                # The person the phrase names, not the office before the name.
                who = next((f for f in after if f.type == FactType.PERSON), after[0])
                add(m.start(), who.end, who, text[m.start():m.end()])
    # "X заявил/повідомив" and "заявил X" (named people and organisations only).
    for t in toks:
        if not (t.is_word and t.lemmas & SPEECH_VERBS):
            continue
        s = doc.sentence_at(t.start)
        before = [f for f in sources if f.end <= t.start and t.start - f.end <= 40 and f.sentence == s]
        after = [f for f in sources if t.end <= f.start <= t.end + 70 and f.sentence == s]
        # Wire style puts the source after the verb: "..., сообщил глава города Иван Приходько".
        inverted = t.i > 0 and toks[t.i - 1].text in (",", "—", "–", "-")
        if inverted and after:
            # "повідомив начальник ОВА Олег Кіпер": the person, not the office before the name.
            who = next((f for f in after if f.type == FactType.PERSON), after[0])
            add(t.start, who.end, who, t.text)
        elif before:
            add(before[-1].start, t.end, before[-1], t.text)
        elif after:
            add(t.start, after[0].end, after[0], t.text)
    vague_done: set[int] = set()
    for pattern, label in VAGUE:
        for m in re.finditer(pattern, lower):
            s = doc.sentence_at(m.start())
            sent = doc.sentences[s] if doc.sentences else None
            window = lower[sent.start:sent.end] if sent else lower
            # Only as a source of information: a speech/opinion verb or an attribution phrase nearby.
            if not re.search(r"сообщ|заяв|счита|полага|утвержда|говор|по\s+данным|по\s+словам|уверен|"
                             r"повідом|заяв|вважа|стверджу|кажуть|за\s+даними|за\s+словами|переконан|"
                             r"оценива|оціню|предупрежда|попереджа|некоторым|деякими|неофіці|неофици",
                             window):
                continue
            if m.start() in vague_done:
                continue
            vague_done.add(m.start())
            doc.add_fact(FactType.ATTRIBUTION, m.start(), m.end(), key=f"vague:{label}", extractor=EXTRACTOR,
                         source=text[m.start():m.end()], source_key=f"vague:{label}", cue=None, vague=True,
                         source_type="vague")
            doc.add_fact(FactType.HEDGE, m.start(), m.end(), key="vague_source", extractor=EXTRACTOR,
                         phrase=text[m.start():m.end()], kind="vague_source")


def _content_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """What the source is reported to have said: the rest of the sentence around the cue and source.

    «Путин заявил, что взятие Северска приближает ...» -> the clause after «что»; «..., сообщил глава
    города Иван Приходько» -> the clause before the cue; «По данным X, ...» -> the clause after X.
    """
    s = doc.sentences[doc.sentence_at(start)] if doc.sentences else None
    lo, hi = (s.start, s.end) if s else (0, len(doc.text))
    after = doc.text[end:hi]
    m = re.match(r"\s*(?:(,\s*(?:что|що|будто|нібито)\b|:)|,)?\s*", after)
    a0 = end + (m.end() if m else 0)
    if m and m.group(1):  # an explicit "that" clause or colon always carries the content
        return a0, hi
    before_len = len(doc.text[lo:start].strip(" ,—–-"))
    if before_len > len(doc.text[a0:hi].strip()):
        b1 = start
        while b1 > lo and doc.text[b1 - 1] in " ,—–-":
            b1 -= 1
        return lo, b1
    return a0, hi


@stage("ru.events", requires=["sentences"], provides=["facts.event"], langs=["ru", "uk"], order=35)
def events(doc: Document) -> Document:
    """What happened, as an English verb class (освобождение -> capture, погибли -> kill)."""
    toks = tokens(doc)
    for term, i, end in find_terms(toks, terms_of(doc.lang, "event")):
        negated = i > 0 and toks[i - 1].lower in ("не", "ни")
        # «частично разрушены», «повністю зруйновано»: the degree word stands before the verb
        degree = DEGREES.get(toks[i - 1].lower) if i > 0 else None
        fact = doc.add_fact(FactType.EVENT, toks[i].start, toks[end - 1].end, key=term.english,
                            extractor=EXTRACTOR, lemma=term.source, negated=negated)
        if degree is not None:
            fact.attrs["degree"] = degree
    return doc


_CONTENT_POS = ("NOUN", "VERB", "INFN", "ADJF", "PRTF", "PRTS", "GRND", "NUMR")


@stage("ru.lemmas", requires=["sentences"], provides=["lemmas"], langs=["ru", "uk"], order=36)
def lemmas(doc: Document) -> Document:
    """Content-word lemmas per sentence, for aligning a Russian/Ukrainian story with a same-language source."""
    out: dict[int, set[str]] = {}
    for t in tokens(doc):
        if not t.is_word or len(t.text) < 3 or not t.parses:
            continue
        p = t.parses[0]
        if not any(pos in p.tag.grammemes for pos in _CONTENT_POS):
            continue
        out.setdefault(doc.sentence_at(t.start), set()).add(str(p.normal_form).replace("ё", "е"))
    doc.extras["lemmas"] = out
    return doc
