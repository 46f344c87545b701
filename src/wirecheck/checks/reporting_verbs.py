"""A reporting verb that changes how far the reader should believe what was said.

"Saree said the group fired two missiles" told as "Saree claimed ..." casts doubt the source did not; the
reverse ("claimed" -> "said") removes the doubt the source kept.  "confirmed" presents a statement as
verified, "admitted" as a concession.  The words of the statement may be kept exactly, so neither the
fact matcher nor the hedge check sees the change.  This check compares the verbs of the same speaker's
reports in aligned sentences, in English or against a Russian or Ukrainian source, by the class of
belief each verb lends.
"""

from __future__ import annotations

import re

from wirecheck.checks.quotes import _comparable, _same_speaker, _speaker
from wirecheck.extractors.en_attribution import _form_table, is_report
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document, Fact, FactType, Finding
from wirecheck.registry import check

# English verb bases by what they lend the statement.
_EN = {
    **dict.fromkeys("say tell state add note report announce write explain reply respond comment remark "
                    "declare".split(), "neutral"),
    **dict.fromkeys("claim allege purport".split(), "doubt"),
    **dict.fromkeys("admit concede acknowledge confess".split(), "admission"),
    **dict.fromkeys("confirm verify prove".split(), "verified"),
}
# Russian and Ukrainian by stem (the cue as written, lower case): заявил, сообщила, утверждает ...
_SLAVIC = (
    (("заяв", "сообщ", "сказа", "написа", "отмет", "добав", "рассказ", "пояснил", "повідом", "зазнач",
      "дода", "розпов", "поясни"), "neutral"),
    # «по словам X», «по данным X», «как сообщил X», «за словами X»: "according to X", "X said".
    (("по слов", "по данн", "по информ", "по сообщ", "согласно", "как сообщ", "как заяв", "как перед",
      "за слов", "за дани", "за інформ", "згідно", "як повідом", "як заяв", "як перед"), "neutral"),
    (("утвержд", "стверд"), "doubt"),
    (("призна", "визна"), "admission"),
    (("подтверд", "підтверд"), "verified"),
)
_WHAT = {
    "neutral": "neutral", "doubt": "casts doubt on the statement",
    "admission": "makes the statement a concession", "verified": "presents the statement as verified",
}
CONFIDENCE = 0.55


def verb_class(f: Fact, lang: str) -> str | None:
    """What the cue of a report lends its statement: neutral, doubt, admission or verified; None for a
    verb outside those lists."""
    if lang == "en":
        return _EN.get(str(f.attrs.get("cue_base") or "").lower())
    cue = str(f.attrs.get("cue") or "").lower()
    return next((cls for stems, cls in _SLAVIC if cue.startswith(stems)), None)


def _reports(doc: Document, sentences: set[int]) -> list[tuple[Fact, str]]:
    out = []
    for f in doc.facts_of(FactType.ATTRIBUTION):
        if f.sentence in sentences and is_report(f.attrs) and _comparable(_speaker(f)):
            cls = verb_class(f, doc.lang)
            if cls is not None:
                out.append((f, cls))
    return out


def _cue_span(doc: Document, f: Fact) -> tuple[int, int]:
    a, b = f.attrs.get("cue_start"), f.attrs.get("cue_end")
    if isinstance(a, int) and isinstance(b, int):
        return a, b
    # The Russian and Ukrainian extractors keep the cue's words, not its offsets: find them in the fact.
    cue = str(f.attrs.get("cue") or "")
    at = doc.text.find(cue, f.start, f.end) if cue else -1
    return (at, at + len(cue)) if at >= 0 else (f.start, f.end)


# Words of the verb group before the verb itself ("has also said", "did not claim").
_AUX = frozenset("has have had having did does do not n't never also is was were are be been will would "
                 "could may might".split())


def _verb_span(doc: Document, f: Fact) -> tuple[int, int]:
    """The reporting verb itself, with its auxiliaries: a cue may have been widened to the words around it
    ("said in an interview on Monday", as PolNeAR marks cues), but the finding is about the verb."""
    a, b = _cue_span(doc, f)
    base = str(f.attrs.get("cue_base") or "").lower()
    if not base:
        return a, b
    words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", doc.text[a:b]))
    forms = _form_table()
    k = next((k for k, w in enumerate(words) if forms.get(w.group().lower()) == base), -1)
    if k < 0:
        return a, b
    j = k
    while j > 0 and words[j - 1].group().lower().replace("’", "'") in _AUX \
            and not doc.text[a + words[j - 1].end():a + words[j].start()].strip():
        j -= 1
    return a + words[j].start(), a + words[k].end()


@check("reporting-verbs", kinds=[FindingKind.CERTAINTY_CHANGED], requires=["alignments"], order=84)
def reporting_verbs(comp: Comparison) -> None:
    """The same speaker's statement reported with a verb that lends it more or less belief."""
    assert comp.source is not None
    if comp.story.lang != "en" or comp.source.lang not in ("en", "ru", "uk"):
        return
    done: set[str] = set()
    for a in comp.alignments:
        if not a.source:
            continue
        theirs = _reports(comp.source, set(a.source))
        if not theirs:
            continue
        for f, cls in _reports(comp.story, {a.story}):
            peers = [(g, gc) for g, gc in theirs if _same_speaker(_speaker(f), _speaker(g))]
            if not peers or any(gc == cls for _, gc in peers) or f.id in done:
                continue
            g, gc = peers[0]
            if "neutral" not in (cls, gc):
                continue  # two loaded verbs (claimed / admitted): too close to call from the verb alone
            s0, s1 = _verb_span(comp.story, f)
            t0, t1 = _verb_span(comp.source, g)
            said, made = comp.source.text[t0:t1], comp.story.text[s0:s1]
            why = (f"the story's '{made}' {_WHAT[cls]}" if cls != "neutral"
                   else f"the source's '{said}' {_WHAT[gc]}; the story's '{made}' does not")
            comp.add(Finding(FindingKind.CERTAINTY_CHANGED,
                             f"{_speaker(f)}: the source says '{said}', the story '{made}': {why}.",
                             story=comp.story.span(s0, s1), source=comp.source.span(t0, t1), before=said,
                             after=made, rule="certainty.reporting-verb", confidence=CONFIDENCE,
                             story_fact=f.id, source_fact=g.id))
            done.add(f.id)
