"""A story's title: its most representative headline, preferring neutral wording.

A headline is representative when its content words recur across the story's articles (title
and text). A headline is loaded when it uses a non-neutral term of the framing lexicon
(``storylens/compare/lexicon.json``) or one of the tabloid headline markers below; a loaded
headline is chosen only when every headline is loaded.
"""

from __future__ import annotations

import re

from storylens.compare.lexicon import load_lexicon
from storylens.models import Article

#: Headline-only signs of emotive wording, beyond the framing lexicon.
HEADLINE_MARKERS = frozenset(
    {
        "slams",
        "blasts",
        "rips",
        "shock",
        "shocking",
        "stunning",
        "bombshell",
        "meltdown",
        "explosive",
        "humiliating",
        "disgrace",
        "scandalous",
    }
)
_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "over",
        "says",
        "said",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "after",
        "before",
        "amid",
    }
)
_WORD = re.compile(r"[\w'’-]+")


def story_title(articles: list[Article]) -> str:
    """The best headline among the articles (a sentence of the first article if none has one)."""
    titled = [a for a in articles if (a.title or "").strip()]
    if not titled:
        return _first_sentence(articles[0].text) if articles else ""
    vocabularies = [_content_words(f"{a.title}\n{a.text}") for a in articles]
    neutral = [a for a in titled if not is_loaded(a.title or "")]
    best = max(
        neutral or titled,
        key=lambda a: (_representativeness(a.title or "", vocabularies), -len(a.title or "")),
    )
    return best.title or ""


def is_loaded(headline: str) -> bool:
    """True when the headline uses emotive or slanted wording, or shouts with "!"."""
    words = {w.casefold() for w in _WORD.findall(headline)}
    return "!" in headline or bool(words & HEADLINE_MARKERS) or bool(load_lexicon().loaded(headline))


def _representativeness(headline: str, vocabularies: list[set[str]]) -> float:
    """Summed share of articles carrying each content word, damped so two-word headlines don't win."""
    words = _content_words(headline)
    support = sum(sum(w in v for v in vocabularies) / len(vocabularies) for w in words)
    return support / (len(words) + 2)


def _content_words(text: str) -> set[str]:
    return {w for w in (m.casefold() for m in _WORD.findall(text)) if w not in _STOP_WORDS}


def _first_sentence(text: str, limit: int = 120) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + "…"
