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
from storylens.compare.text import content_words
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


_Contrast = tuple[ClaimUnit, Hit, ClaimUnit, tuple[int, int]]  # slanted, its term, plain, where plain puts it


def _claim_framing(claim_id: str, units: list[ClaimUnit]) -> Framing | None:
    """The loaded words of the claim's variants set against the words other outlets put in the
    same slot; a loaded word with no such counterpart (a claim group that mixes facts, a wording
    too different) is no framing of this fact and is left out, as is a claim with none."""
    contrasts = _contrasts(units)
    if not contrasts:
        return None
    variants, notes = {}, []
    for unit, hit, other, (start, end) in contrasts:
        variants.setdefault(
            (unit.article.id, unit.start + hit.start),
            _variant(unit, hit.start, hit.end, hit.term.connotation),
        )
        variants.setdefault((other.article.id, other.start + start), _variant(other, start, end, "neutral"))
        notes.append(
            f'{_outlet(unit)} writes "{unit.text[hit.start : hit.end]}" ({hit.term.connotation}) where '
            f'{_outlet(other)} writes "{other.text[start:end]}"'
        )
    return Framing(claim_id, list(variants.values()), "; ".join(dict.fromkeys(notes)) + ".")


def _contrasts(units: list[ClaimUnit]) -> list[_Contrast]:
    """Each loaded term of a variant with its first counterpart in another outlet's plain variant."""
    loaded = {id(u): load_lexicon().loaded(u.text) for u in units}
    plain = [u for u in units if not loaded[id(u)]]
    found: dict[tuple[int, int], _Contrast] = {}
    for unit in units:
        for hit in loaded[id(unit)]:
            for other in (o for o in plain if _outlet(o) != _outlet(unit)):
                span = _counterpart(unit, hit, other)
                if span:
                    found.setdefault((id(unit), hit.start), (unit, hit, other, span))
    return list(found.values())


def _variant(unit: ClaimUnit, start: int, end: int, connotation: str) -> FramingVariant:
    return FramingVariant(
        unit.article.id, unit.text[start:end], unit.start + start, unit.start + end, unit.field, connotation
    )


def _counterpart(slanted: ClaimUnit, hit: Hit, plain: ClaimUnit) -> tuple[int, int] | None:
    """Where ``plain`` puts what ``slanted`` says with the loaded term, as offsets in plain's
    text: the two wordings parallel, and the words replacing the term in the same slot, the
    words on each side of it the same in both ("Velling *admitted* the workers" / "Velling
    *said* the workers")."""
    a, b = list(_WORD.finditer(slanted.text)), list(_WORD.finditer(plain.text))
    matcher = SequenceMatcher(
        None, [m.group(0).lower() for m in a], [m.group(0).lower() for m in b], autojunk=False
    )
    if matcher.ratio() < PARALLEL_WORDING:
        return None  # worded too differently for a word to stand in for another
    opcodes = matcher.get_opcodes()
    for n, (tag, a0, a1, b0, b1) in enumerate(opcodes):
        covers = a0 < a1 and a[a0].start() <= hit.start and hit.end <= a[a1 - 1].end()
        if tag == "replace" and covers and _stands_in(hit, a[a0:a1], b[b0:b1]) and _same_slot(opcodes, n, a):
            return b[b0].start(), b[b1 - 1].end()
    return None


def _stands_in(hit: Hit, replaced: list[re.Match[str]], counterpart: list[re.Match[str]]) -> bool:
    """The words replaced are the term (and at most one word more), and the counterpart is a few
    words with content or a lexicon term: "said" for "admitted", not "I" for "she admitted that
    she"."""
    text = " ".join(m.group(0) for m in counterpart)
    return (
        len(replaced) <= len(_WORD.findall(hit.term.form)) + 1
        and len(counterpart) <= _MAX_COUNTERPART_WORDS
        and bool(content_words(text) or load_lexicon().find(text))
    )


def _same_slot(opcodes: list[tuple[str, int, int, int, int]], n: int, words: list[re.Match[str]]) -> bool:
    """The replaced words sit between the same words in both wordings (or at an end of both),
    and at least one side shares a word of content, not only "a" or "the"."""
    sides = [opcodes[k] for k in (n - 1, n + 1) if 0 <= k < len(opcodes)]
    if any(tag != "equal" for tag, *_ in sides):
        return False
    return any(content_words(" ".join(m.group(0) for m in words[a0:a1])) for _, a0, a1, _, _ in sides)


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
