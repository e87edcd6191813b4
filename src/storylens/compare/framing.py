"""Framing: how outlets word the same fact, judged against the documented lexicon.

For an aligned claim, a variant using a loaded term or a slanted speech verb ("admitted",
"radical demands") is set against the words the other outlets put in the same place ("said",
"proposals"), found by aligning the variants word by word. Per outlet, the loaded terms it says
of each main entity of the story (close to a name of it in the claim's parse).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from storylens.analyze.nlp import parse
from storylens.compare.alignment import THRESHOLDS
from storylens.compare.claims import ClaimUnit
from storylens.compare.entities import StoryEntities
from storylens.compare.lexicon import Hit, load_lexicon, word_pattern
from storylens.compare.text import content_words
from storylens.models import Claim, Framing, FramingVariant

if TYPE_CHECKING:
    from spacy.tokens import Token

MAIN_ENTITIES = 8
ABOUT_ARCS = 3  # a term is said of a name this many dependency arcs away or fewer
_NAME_PARTS = frozenset({"poss", "compound", "appos"})  # "Ostrelia's envoy", not "whose nephew ... at Tarnow"
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
        return _same_speaker_said(slanted, hit, plain)  # worded too differently for a word to stand in
    opcodes = matcher.get_opcodes()
    for n, (tag, a0, a1, b0, b1) in enumerate(opcodes):
        covers = a0 < a1 and a[a0].start() <= hit.start and hit.end <= a[a1 - 1].end()
        if tag == "replace" and covers and _stands_in(hit, a[a0:a1], b[b0:b1]) and _same_slot(opcodes, n, a):
            return b[b0].start(), b[b1 - 1].end()
    return _neutral_wording(slanted, hit, plain)


def _neutral_wording(slanted: ClaimUnit, hit: Hit, plain: ClaimUnit) -> tuple[int, int] | None:
    """Where ``plain``, worded in parallel but not word for word, names plainly what ``slanted``
    says with the loaded term: for a loaded term, the lexicon's neutral wording of it, which
    ``slanted`` does not use itself ("a list of radical demands" / "its proposals for a new pay
    deal"); for a slanted speech verb, a neutral one giving the same speaker's words
    (``_same_speaker_said``: "She also complained that the town hall first heard …" / "Mayor says
    town hall learned …"), since any sentence may hold a "said"."""
    if hit.term.kind == "speech":
        return _same_speaker_said(slanted, hit, plain)
    neutral = hit.term.neutral
    if not neutral:
        return None
    pattern = word_pattern([neutral])
    found = pattern.search(plain.text)
    return (found.start(), found.end()) if found and not pattern.search(slanted.text) else None


def _same_speaker_said(slanted: ClaimUnit, hit: Hit, plain: ClaimUnit) -> tuple[int, int] | None:
    """A neutral speech verb of ``plain`` giving what the speaker of ``slanted``'s slanted speech
    verb said, in words close enough to say the same (``Thresholds.backs``, as a summary
    citation): a claim may hold another statement of the same speaker ("She also admitted that
    the union had not costed its plan" / "Quinn said the deal was 'a real step'")."""
    if hit.term.kind != "speech" or slanted.speaker is None or slanted.speaker != plain.speaker:
        return None
    if (
        slanted.vector is None
        or plain.vector is None
        or float(slanted.vector @ plain.vector) < THRESHOLDS.backs
    ):
        return None
    said = [h for h in load_lexicon().find(plain.text) if h.term.kind == "speech" and not h.loaded]
    return (said[0].start, said[0].end) if said else None


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


def loaded_terms(units: list[ClaimUnit], entities: StoryEntities) -> list[dict[str, Any]]:
    """Per outlet and main entity: the loaded terms the outlet's claims say of the entity.

    A term is said of a name close to it in the claim's parse (``_said_of``: "Geneva *fiasco*",
    "UN *bureaucrats*", "Marchenko has since *admitted*"), not of every name its sentence holds
    ("*fumed* Piotr Nowak, 63, whose nephew serves with the border guard at Tarnow" says nothing
    of Tarnow). Only claims holding a term are parsed."""
    main = {e.id: e for e in entities.entities[:MAIN_ENTITIES] if e.type in {"PERSON", "ORG", "GPE"}}
    lexicon = load_lexicon()
    loaded = [(unit, hits) for unit in units if (hits := lexicon.loaded(unit.text))]
    terms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (unit, hits), doc in zip(loaded, parse([u.text for u, _ in loaded]), strict=True):
        for mention in unit.mentions:
            entity_id = entities.of_mention(mention.entity_key)
            name = doc.char_span(
                mention.start - unit.start, mention.end - unit.start, alignment_mode="expand"
            )
            if entity_id not in main or name is None:
                continue
            for hit in hits:
                term = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if term is not None and _said_of(hit, term.root, name.root):
                    key = (_outlet(unit), entity_id)
                    terms[key][(unit.text[hit.start : hit.end].lower(), hit.term.connotation)] += 1
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


def _said_of(hit: Hit, term: Token, name: Token) -> bool:
    """A slanted speech verb characterises its speaker, so it is said of its subject ("Marchenko
    has since *admitted*", "*fumed* Piotr Nowak"), not of the place a fire *raged* at; another
    loaded term, of a name at most ``ABOUT_ARCS`` arcs from it."""
    if hit.term.kind == "speech":
        return any(
            name == subject or (name.head == subject and name.dep_ in _NAME_PARTS)
            for subject in term.children
            if subject.dep_ in {"nsubj", "nsubjpass"}
        )
    return _arcs(term, name) <= ABOUT_ARCS


def _arcs(a: Token, b: Token) -> int:
    """Dependency arcs between two tokens of one parse, through their lowest common head."""
    above_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, t in enumerate([a, *a.ancestors]):
        if t.i in above_b:
            return n + above_b[t.i]
    return len(a.doc)  # two sentences of one claim: never near
