"""Extract: raw documents become articles with a clean body and reconciled metadata.

``extract`` reads one document; ``extract_all`` runs ingest and extraction over inputs for
``storylens extract``, which must stay fast: nothing here imports spaCy or torch.
"""

from __future__ import annotations

from collections.abc import Iterable

from storylens.errors import InputError
from storylens.extract.article import extract
from storylens.extract.ids import article_id, content_hash
from storylens.ingest import IngestOptions, iter_documents
from storylens.models import Article


def extract_all(
    inputs: Iterable[str], options: IngestOptions | None = None
) -> tuple[list[Article], list[InputError]]:
    """Every article the inputs hold, and an error for each input (or record) that held none."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_documents(inputs, options or IngestOptions()):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            articles.append(extract(item))
        except InputError as error:
            errors.append(error)
    return articles, errors


__all__ = ["extract", "extract_all", "content_hash", "article_id"]
