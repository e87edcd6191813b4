"""How alike two claims are in meaning: the cosine of their sentence embeddings, and of what
they say with their names masked.

In one story most claims name the same few parties, and a small sentence model weighs names
heavily: "The United Nations will chair it" and "The United Nations has framed its own role
modestly" come out close though they tell different things. Masked ("organisation will chair
it"), the two are far apart: alignment joins no pair whose masked cosine is under a floor
(``Thresholds.said``, fitted on our labelled pairs, ``docs/comparison.md``); who is named is
checked apart. Every form of a name the story's analysis found anywhere is masked wherever it is
written, so a name the tagger missed in one sentence is masked there too, and two wordings are
masked alike. Vectors are cached by text, so a story compared again as articles join embeds only
the new claims.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from storylens.compare.claims import ClaimUnit

_VECTORS: OrderedDict[str, np.ndarray] = OrderedDict()  # text -> vector, most recent last
VECTOR_CACHE_SIZE = 40_000  # about 60 MB: claims and their masked texts
# a name by its kind, with no article: "the" may stand before the name
NAME_KINDS = {"PERSON": "someone", "ORG": "organisation", "GPE": "place", "LOC": "place"}
MIN_NAME = 2  # "UN", "EU"; a single capital is no name


def claim_similarity(units: list[ClaimUnit]) -> np.ndarray:
    """The cosine of each pair of units' embeddings; sets ``unit.vector``."""
    if not units:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = embed([u.text for u in units])
    for unit, vector in zip(units, vectors, strict=True):
        unit.vector = vector
    return vectors @ vectors.T


def said_similarity(units: list[ClaimUnit]) -> np.ndarray:
    """The cosine of each pair of units' texts with every name masked (``masked_texts``)."""
    if not units:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = embed(masked_texts(units))
    return vectors @ vectors.T


def masked_texts(units: list[ClaimUnit]) -> list[str]:
    """Each unit's text with every name the units mention replaced by its kind."""
    mask = _name_mask(units)
    return [mask(u.text) for u in units]


def _name_mask(units: list[ClaimUnit]) -> Callable[[str], str]:
    kinds: dict[str, str] = {}
    for unit in units:
        for mention in unit.mentions:
            if len(mention.text) >= MIN_NAME and mention.text[:1].isupper():
                kinds.setdefault(mention.text, NAME_KINDS.get(mention.type, "something"))
    if not kinds:
        return lambda text: text
    forms = sorted(kinds, key=len, reverse=True)  # "Port Halden" before "Halden"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    return lambda text: pattern.sub(lambda m: kinds[m.group(0)], text)


def embed(texts: list[str]) -> np.ndarray:
    """The texts' unit vectors; each distinct text not embedded before, once, in one batch."""
    from storylens.analyze.embed import get_embedder

    new = [t for t in dict.fromkeys(texts) if t not in _VECTORS]
    if new:
        for text, vector in zip(new, get_embedder().encode(new), strict=True):
            _VECTORS[text] = vector
    for text in texts:
        _VECTORS.move_to_end(text)
    vectors = np.stack([_VECTORS[t] for t in texts])
    while len(_VECTORS) > VECTOR_CACHE_SIZE:
        _VECTORS.popitem(last=False)
    return vectors


def clear_vector_cache() -> None:
    """Forget the cached vectors (a cold start, as in the speed benchmark)."""
    _VECTORS.clear()
