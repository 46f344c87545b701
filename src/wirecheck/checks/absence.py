"""added_claim: the story says the source does not mention something that the source does mention.

Model-written summaries often close with a note on their text ("Note: The passage does not mention the
rapper French Montana, so ..."; "The article provides no information about her offers from Belgian
clubs").  Such a note is a claim about the source and can be checked against it: when most of the content
words of what it says is missing (at least two, names included) stand together in one source sentence,
the note is false, and the finding gives that sentence as evidence.  A note whose subject the source
indeed lacks ("no details about the plot") is left alone, as is one about a single word, which any
sentence may hold in another sense.  English pairs only.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.checks._common import parsed_tokens
from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Finding
from wirecheck.registry import check

_TEXT = (r"(?:the|this) (?:provided |given |original |above |source )?(?:passage|article|text|source|report|"
         r"excerpt)(?: provided| given| above)?")
_MENTION = (r"(?:mention|include|contain|provide|specify|say|state|discuss|cover|give|name|reference|describe|"
            r"detail)\w*")
# "does not mention", "provides no information about", "says nothing about": a verb of mentioning, negated.
_NEGATED = (r"(?:(?:does not|doesn't|did not|didn't|do not|don't)\s+(?:explicitly |specifically |directly )?"
            + _MENTION + r"(?:\s+(?:any |further |specific |more )?(?:information|details?|mention|indication))?"
            r"|(?:makes|contains|has|gives|provides|offers|includes) no\s+(?:further |specific )?"
            r"(?:mention|information|details?|reference|indication)"
            r"|(?:says|mentions) nothing)")
ABSENCE = re.compile(_TEXT + r"\s+" + _NEGATED + r"(?:\s+(?:about|of|on|regarding|concerning|as to))?"
                     r"\s+(?P<what>[^.;:!?\n]+)", re.I)
# Where the object of the note ends: ", so the summary ...", " and therefore ...", ", which ...".
_END = re.compile(r",|\bso\b|\bbecause\b|\btherefore\b|\bwhich\b|\bbut\b|\bhence\b|\bas such\b", re.I)
# Words of the note itself, not of what it says is missing.
_NOTE_WORDS = frozenset({"information", "detail", "mention", "summary", "passage", "article", "text", "source",
                         "specific", "explicitly", "data", "indication"})
MIN_WORDS = 2
MIN_SHARE = 0.6
CONFIDENCE = 0.7


def _content(tokens: list[Any]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2}


@check("absence", kinds=[FindingKind.ADDED_CLAIM], requires=["alignments"], order=89)
def false_absence(comp: Comparison) -> None:
    """A note that the source does not mention something that one of its sentences mentions."""
    assert comp.source is not None
    story, source = comp.story, comp.source
    if story.lang != "en" or source.lang != "en" or "spacy" not in story.extras:
        return
    sentence_words = [_content(list(parsed_tokens(source, [j]))) for j in range(len(source.sentences))]
    for m in ABSENCE.finditer(story.text):
        what = m.group("what")
        cut = _END.search(what)
        start = m.start("what")
        end = start + (cut.start() if cut else len(what))
        tokens = [t for t in story.extras["spacy"] if start <= t.idx < end]
        words = _content(tokens) - _NOTE_WORDS
        if len(words) < MIN_WORDS:
            continue
        best = max(range(len(sentence_words)), key=lambda j: len(words & sentence_words[j]), default=None)
        if best is None:
            continue
        shared = words & sentence_words[best]
        if len(shared) < MIN_WORDS or len(shared) < MIN_SHARE * len(words):
            continue
        said = story.text[m.start():end].rstrip(" ,")
        comp.add(Finding(FindingKind.ADDED_CLAIM,
                         f"The story says the source does not mention {story.text[start:end].strip()!r}; "
                         f"this source sentence does ({', '.join(sorted(shared))}).",
                         story=story.span(m.start(), m.start() + len(said)),
                         source=source.span(source.sentences[best].start, source.sentences[best].end),
                         rule="absence.false", confidence=CONFIDENCE))
