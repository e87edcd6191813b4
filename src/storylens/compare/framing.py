"""Framing: how outlets word the same fact, judged against the documented lexicon.

For an aligned claim, a variant using a loaded term or a slanted speech verb ("admitted",
"radical demands") is set against the words the other outlets put in the same place ("said",
"proposals"), found by aligning the variants word by word. Per outlet, the loaded terms it uses
in sentences naming each main entity of the story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Any

from storylens.compare.claims import ClaimUnit
from storylens.compare.lexicon import Hit, load_lexicon
from storylens.models import Claim, Entity, Framing, FramingVariant

MAIN_ENTITIES = 8
_MAX_COUNTERPART_WORDS = 4
PARALLEL_WORDING = 0.5  # difflib ratio of two variants' words
_WORD = re.compile(r"[\w’'-]+")


def find_framing(claims: list[Claim], units_of: dict[str, list[ClaimUnit]]) -> list[Framing]:
    framings = []
    for claim in claims:
        units = units_of[claim.id]
        if len({u.article.outlet or u.article.id for u in units}) < 2:
            continue
        framing = _claim_framing(claim.id, units)
        if framing:
            framings.append(framing)
    return framings


def _claim_framing(claim_id: str, units: list[ClaimUnit]) -> Framing | None:
    lexicon = load_lexicon()
    loaded = {id(u): lexicon.loaded(u.text) for u in units}
    forms = {id(u): {h.term.form for h in loaded[id(u)]} for u in units}
    if all(forms[id(u)] == forms[id(units[0])] for u in units):
        return None  # nobody differs: no contrast to show
    variants, notes = [], []
    slanted = [u for u in units if loaded[id(u)]]
    for unit in units:
        if loaded[id(unit)]:
            variants += [_variant(unit, h.start, h.end, h.term.connotation) for h in loaded[id(unit)]]
            continue
        counterpart = next(
            (c for other in slanted for h in loaded[id(other)] if (c := _counterpart(other, h, unit))), None
        )
        if counterpart:
            variants.append(_variant(unit, *counterpart, "neutral"))
    for unit in slanted:
        for hit in loaded[id(unit)]:
            plain = [v.phrase for v in variants if v.connotation == "neutral"]
            instead = f' where others write "{plain[0]}"' if plain else ""
            notes.append(
                f'{_outlet(unit)} writes "{unit.text[hit.start : hit.end]}" ({hit.term.connotation}){instead}'
            )
    return Framing(claim_id, variants, "; ".join(dict.fromkeys(notes)) + ".")


def _variant(unit: ClaimUnit, start: int, end: int, connotation: str) -> FramingVariant:
    return FramingVariant(
        unit.article.id, unit.text[start:end], unit.start + start, unit.start + end, unit.field, connotation
    )


def _counterpart(slanted: ClaimUnit, hit: Hit, plain: ClaimUnit) -> tuple[int, int] | None:
    """Where ``plain`` puts what ``slanted`` says with the loaded term: offsets in plain's text."""
    a, b = list(_WORD.finditer(slanted.text)), list(_WORD.finditer(plain.text))
    matcher = SequenceMatcher(
        None, [m.group(0).lower() for m in a], [m.group(0).lower() for m in b], autojunk=False
    )
    if matcher.ratio() < PARALLEL_WORDING:
        return None  # worded too differently for a word to stand in for another
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        covers = a0 < a1 and a[a0].start() <= hit.start and hit.end <= a[a1 - 1].end()
        if tag == "replace" and covers and b1 - b0 <= _MAX_COUNTERPART_WORDS:
            return b[b0].start(), b[b1 - 1].end()
    return None


def _outlet(unit: ClaimUnit) -> str:
    return unit.article.outlet or unit.article.id


def loaded_terms(
    units: list[ClaimUnit], entity_ids: list[set[str]], entities: list[Entity]
) -> list[dict[str, Any]]:
    """Per outlet and main entity: the loaded terms in the outlet's sentences naming the entity."""
    main = {e.id: e for e in entities[:MAIN_ENTITIES] if e.type in {"PERSON", "ORG", "GPE"}}
    lexicon = load_lexicon()
    terms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for unit, ids in zip(units, entity_ids, strict=True):
        hits = lexicon.loaded(unit.text)
        for entity_id in ids & main.keys() if hits else ():
            key = (_outlet(unit), entity_id)
            terms[key].update((unit.text[h.start : h.end].lower(), h.term.connotation) for h in hits)
            articles[key].add(unit.article.id)
    return [
        {
            "outlet": outlet,
            "entity_id": entity_id,
            "entity": main[entity_id].name,
            "terms": [{"term": t, "connotation": c, "count": n} for (t, c), n in counts.most_common()],
            "article_ids": sorted(articles[(outlet, entity_id)]),
        }
        for (outlet, entity_id), counts in sorted(terms.items())
    ]
