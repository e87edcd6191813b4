"""Language of an article's text, and whether the analysis stage supports it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED_LANGUAGES = frozenset({"en"})
_SAMPLE_CHARS = 1500  # enough for a confident guess; keeps long pages fast


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code from the text; the page's declared language when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    declared = (hint or "").split("-")[0].strip().lower() or None
    if len(sample.split()) < 5:
        return declared or "en"
    code, probability = _identifier().classify(sample)
    return declared if probability < 0.5 and declared else code
