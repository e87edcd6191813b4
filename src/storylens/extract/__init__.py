"""Extract: raw documents become articles with a clean body and reconciled metadata.

``extract`` reads one document; ``extract_all`` runs ingest and extraction over inputs for
``storylens extract``, which must stay fast: nothing here imports spaCy or torch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storylens.errors import InputError
from storylens.extract.article import extract
from storylens.extract.ids import article_id, content_hash
from storylens.ingest import IngestOptions, iter_documents
from storylens.models import Article


def iter_articles(
    inputs: Iterable[str], options: IngestOptions | None = None
) -> Iterator[Article | InputError]:
    """Each article the inputs hold, or an error for each input (or record) that held none."""
    for item in iter_documents(inputs, options or IngestOptions()):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract(item)
        except InputError as error:
            yield error


def extract_all(
    inputs: Iterable[str], options: IngestOptions | None = None
) -> tuple[list[Article], list[InputError]]:
    """Every article the inputs hold, and every error, for ``storylens extract``."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_articles(inputs, options):
        (errors if isinstance(item, InputError) else articles).append(item)  # type: ignore[arg-type]
    return articles, errors


__all__ = ["extract", "extract_all", "iter_articles", "content_hash", "article_id"]
