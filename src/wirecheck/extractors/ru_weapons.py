"""Weapons and means of attack in Russian and Ukrainian text, by lemma, from the project's term table
(``weapon`` rows of data/terms_ru_uk_en.tsv): «ударными безпілотниками» -> drone, «ракетой» -> missile,
«КАБами» -> glide bomb.  The classes are those of ``en_weapons``, so the two sides compare directly."""

from __future__ import annotations

from wirecheck.extractors.weapon_models import refine
from wirecheck.model import Document, FactType
from wirecheck.nlp.russian import find_terms, terms_of, tokens
from wirecheck.registry import stage


@stage("ru.weapons", requires=["sentences"], provides=["facts.weapon"], langs=["ru", "uk"], order=58)
def weapons_ru(doc: Document) -> Document:
    """Weapon classes by lemma, longest term first."""
    toks = tokens(doc)
    candidates = sorted(terms_of(doc.lang, "weapon"), key=lambda t: -len(t.words))
    for term, i, end in find_terms(toks, candidates):
        doc.add_fact(FactType.WEAPON, toks[i].start, toks[end - 1].end, key=term.english, extractor="ru.weapons",
                     confidence=0.85, weapon=term.english)
    refine(doc, "ru.weapons")
    return doc
