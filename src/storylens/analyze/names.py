"""Normalised keys for names: plain matching keys and transliteration-tolerant keys.

"Yuliya" and "Yulia", "Aleksandr" and "Alexander" are one name written by different desks; a
few spelling rules bring such pairs to one skeleton, and a fuzzy ratio absorbs what is left.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

#: Ordered rewrites that erase common romanisation differences (Cyrillic, Arabic, Greek ...).
_TRANSLITERATION_RULES = (
    ("kh", "h"),
    ("ks", "x"),
    ("ph", "f"),
    ("ck", "k"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("ou", "u"),
    ("ee", "i"),
)
_REPEATS = re.compile(r"(.)\1+")
_NOT_WORD = re.compile(r"[^\w\s-]")
_SAME_NAME_RATIO = 85.0
#: Written after a surname ("Anthony Lacalamita III", "Robert Downey, Jr.") but never alone in
#: its place, so not part of the surname an article uses alone.
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Abbreviations that open a place's name, written out ("Mt Cook" is "Mount Cook").
_ABBREVIATED_OPENINGS = {"mt": "Mount", "ft": "Fort", "st": "Saint"}


def fold(text: str) -> str:
    """Lower case without accents, punctuation or a leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = _NOT_WORD.sub("", plain.replace("’", "'").replace("'s", "")).strip()
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", plain))


def name_key(name: str) -> str:
    """The folded name with an abbreviated opening word written out: one key for "Mt. Cook" and
    "Mount Cook"."""
    return fold(spelled_out(name))


def spelled_out(name: str) -> str:
    """The name with an abbreviated opening word written out ("Mt Cook" is "Mount Cook", "St
    Paul" "Saint Paul", "Ft Hood" "Fort Hood"), as one outlet writes what another abbreviates."""
    first, _, rest = name.partition(" ")
    full = _ABBREVIATED_OPENINGS.get(first.rstrip(".").casefold())
    return f"{full} {rest}" if full and rest else name


def without_generation(name: str) -> str:
    """A person's name without a closing generational suffix: "Anthony Lacalamita III" is the
    Anthony Lacalamita of another article, and "Lacalamita" alone."""
    words = name.split()
    while len(words) > 1 and fold(words[-1]) in GENERATION_SUFFIXES:
        words.pop()
    return " ".join(words).rstrip(",")


def surname(name: str) -> str:
    """The word a person's name is shortened to: its last, a generational suffix aside."""
    return without_generation(name).split()[-1] if name.split() else ""


def transliteration_key(name: str) -> str:
    """A spelling skeleton: equal for most romanisations of one name."""
    key = fold(name)
    for written, spoken in _TRANSLITERATION_RULES:
        key = key.replace(written, spoken)
    return _REPEATS.sub(r"\1", key)


def same_given_name(a: str, b: str) -> bool:
    """True when two given names are spellings of one name (same initial, close skeletons)."""
    key_a, key_b = transliteration_key(a), transliteration_key(b)
    if not key_a or not key_b or key_a[0] != key_b[0]:
        return False
    return key_a == key_b or fuzz.ratio(key_a, key_b) >= _SAME_NAME_RATIO


def initials(name: str) -> str:
    """Upper-case initials of the significant words ("United Nations" -> "UN")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"of", "the", "and", "for", "on"}]
    return "".join(w[0] for w in words).upper()


def singular(word: str) -> str:
    """A rough singular of a lower-case noun ("unions" -> "union"), enough for matching names."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
