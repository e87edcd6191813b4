"""Author names as a clean list: bylines and metadata come with "By", roles and "and"."""

from __future__ import annotations

import re
from collections.abc import Iterable

_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|reported|words|text|story|reporting)\s+)?by|(?:author|correspondent|reporter|writer)s?)"
    r"\s*:?\s+",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bwith\b|\n)\s*", re.IGNORECASE)
_TRAILER = re.compile(r"\s+(?:in|for|at)\s+[A-Z][\w .'-]*$|\s*\(.*?\)\s*|\S+@\S+")
# fmt: off
ROLE_WORDS = frozenset({
    "editor", "editors", "correspondent", "correspondents", "reporter", "reporters", "writer",
    "writers", "staff", "contributor", "contributors", "columnist", "producer", "analyst", "bureau",
    "chief", "senior", "deputy", "desk", "agency", "agencies", "photographer", "photographers", "news",
    "team", "associated", "press", "reuters", "updated", "published", "wire", "service", "media",
})
# fmt: on
_NAME_TOKEN = re.compile(
    r"^[A-Z\u00C0-\u024F][\w\u00C0-\u024F.'’-]*$|^(?:de|van|von|der|da|di|del|la|le|bin|al)$"
)


def _is_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 5 or any(t.lower().strip(".") in ROLE_WORDS for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and any(t[0].isupper() for t in tokens)


def clean_authors(raw: str | Iterable[str] | None) -> list[str]:
    """Names only, in order, each once: no "By", no roles, no places, no e-mail, no "and"."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    names: list[str] = []
    for item in items:
        if not isinstance(item, str) or item.strip().lower().startswith(("http://", "https://")):
            continue
        for part in _SEPARATOR.split(_PREFIX.sub("", item.strip())):
            name = " ".join(_TRAILER.sub(" ", part).split()).strip(" .:-")
            name = name.title() if name.isupper() else name
            if _is_name(name) and name not in names:
                names.append(name)
    return names
