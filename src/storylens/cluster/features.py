"""What the clusterer reads from an analysed article: its vector, its keys and its shingles.

Keys are the discrete signals, prefixed by family: ``p:`` people and ``e:`` other named entities
(canonical name; people get their own family because who did it is what most often tells two
events of one kind apart), ``l:`` any entity the title or lead names (the article's subject),
``y:`` years and ``n:`` other numbers written in the text, ``d:``
normalised dates (a day also yields its month).
The clusterer weights each key by its rarity over the articles it has seen.
"""

from __future__ import annotations

import functools
import re
import zlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np

from storylens.analyze.names import spelled_out, without_generation
from storylens.models import Article, Entity

if TYPE_CHECKING:
    from datasketch import MinHash

PERSON, ENTITY, LEAD, YEAR, NUMBER, DATE = "p:", "e:", "l:", "y:", "n:", "d:"
FAMILIES = (PERSON, ENTITY, LEAD, YEAR, NUMBER, DATE)
_YEAR = re.compile(r"(19|20)\d\d")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_WORD = re.compile(r"\w+")
MINHASH_SCHEME = "affine32"  # persisted values are uint32; stating the scheme keeps them comparable
LEAD_SENTENCES = 3  # the lead: where a dateline or "on May 3, 2013" says when it was written


def article_vector(article: Article) -> np.ndarray:
    """The analysed article's embedding as a unit float32 vector."""
    if article.embedding is None:
        raise ValueError(f"article {article.id} has no embedding: analyse it before clustering")
    vector = np.asarray(article.embedding, dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def article_keys(article: Article) -> set[str]:
    """Entity, number and date keys of the article (title and text)."""
    keys = {
        (PERSON if entity.type == "PERSON" else ENTITY) + key_name(entity)
        for entity in article.entities
        if entity.name.strip()
    }
    keys |= {LEAD + name for name in lead_names(article)}
    for number in numbers(f"{article.title or ''}\n{article.text}"):
        keys.add((YEAR if _YEAR.fullmatch(number) else NUMBER) + number)
    for date in article.dates:
        if date.value and len(date.value) >= 7:  # a bare year says little about the event
            keys |= {DATE + date.value, DATE + date.value[:7]}
    return keys


def article_time(article: Article) -> datetime | None:
    """When the article was written: its publication time (or the printed local time), else the
    latest full date its title or lead states (a dateline, "on May 3, 2013"). Dates further down
    are often background, so they are left out."""
    if article.published is not None:
        return article.published
    if article.published_local is not None:  # wall-clock, zone unknown: hours off at most
        return article.published_local.replace(tzinfo=UTC)
    end = lead_end(article)
    in_lead = (d for d in article.dates if d.field != "text" or d.start < end)
    stated = [d.value for d in in_lead if d.value and len(d.value) == 10]
    return datetime.fromisoformat(max(stated)).replace(tzinfo=UTC) if stated else None


def lead_names(article: Article) -> set[str]:
    """Names (any entity type) the title or lead mentions: who and where the article is about,
    rather than who it names in passing (an earlier case, a comparison)."""
    end = lead_end(article)
    ids = {
        m.entity_key for m in article.mentions if m.field == "title" or (m.field == "text" and m.start < end)
    }
    return {key_name(e) for e in article.entities if e.id in ids and e.name.strip()}


def key_name(entity: Entity) -> str:
    """The entity's name as a key: case folded, a person's without "Jr." or "III", which other
    outlets leave out, another name's opening abbreviation written out ("Mt Cook")."""
    name = without_generation(entity.name) if entity.type == "PERSON" else spelled_out(entity.name)
    return name.casefold()


def lead_end(article: Article) -> int:
    """Where the lead (the first body sentences, subheads aside) ends in the text."""
    lead = [s for s in article.sentences if not s.heading][:LEAD_SENTENCES]
    return lead[-1].end if lead else 0


def numbers(text: str) -> set[str]:
    """Numbers of two or more digits, thousands separators removed ("1,200" and "1200" match)."""
    found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
    return {n for n in found if len(n.replace(".", "")) >= 2}


def shingles(text: str, size: int) -> set[bytes]:
    """Lower-cased word ``size``-grams; a short text is one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def text_minhash(text: str, size: int, num_perm: int) -> MinHash:
    """MinHash of the text's word shingles (the title is left out: copies often retitle).

    Shingles are hashed with CRC-32 (C speed; SHA-1 per shingle dominated placement time), and
    the permutations are drawn once per process rather than per article.
    """
    from datasketch import MinHash

    minhash = MinHash(
        num_perm=num_perm, hashfunc=zlib.crc32, permutations=_permutations(num_perm), scheme=MINHASH_SCHEME
    )
    minhash.update_batch(list(shingles(text, size)))
    return minhash


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, scheme=MINHASH_SCHEME).permutations
