"""iter_documents: every input argument to raw documents, or to errors that name it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from storylens.errors import InputError
from storylens.ingest import RawDocument
from storylens.ingest.decode import decode_bytes, decompress_capped
from storylens.ingest.feeds import looks_like_feed, read_feed
from storylens.ingest.fetch import Fetcher
from storylens.ingest.jsonl import read_jsonl
from storylens.ingest.options import IngestOptions
from storylens.ingest.paths import expand, is_url, readable_suffix
from storylens.ingest.warc import read_warc

log = logging.getLogger(__name__)
_INVISIBLE = re.compile(
    r"<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|<[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_MANY_RECORDS = (".jsonl", ".warc")  # the size limit applies to each record, not to the file


def check_html(text: str, source: str) -> str:
    """The page unchanged; InputError when it has no visible text or stops before </body>/</html>."""
    if not _INVISIBLE.sub(" ", text).split():
        raise InputError(source, "HTML has no visible text (only scripts, styles or markup)")
    lower = text[-4096:].lower()
    if "<body" in text[:65536].lower() and "</body" not in lower and "</html" not in lower:
        raise InputError(source, "HTML is truncated (no closing </body> or </html>)")
    return text


def _file_bytes(path: Path, suffix: str, options: IngestOptions) -> bytes:
    size = path.stat().st_size
    if suffix not in _MANY_RECORDS and size > options.max_bytes:
        raise InputError(
            str(path),
            f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit (IngestOptions.max_bytes)",
        )
    data = path.read_bytes()
    if path.name.lower().endswith(".gz") and suffix != ".warc":
        limit = options.max_bytes * (64 if suffix in _MANY_RECORDS else 1)
        data = decompress_capped(data, "gzip", limit, str(path))
    return data


def _suffix_for(content_type: str) -> str:
    """The file suffix a fetched body would have: plain text, a feed, else an HTML page."""
    kind = content_type.lower()
    if "text/plain" in kind:
        return ".txt"
    return ".xml" if "xml" in kind and "html" not in kind else ".html"


class _Reader:
    """Reads one run's inputs; holds the fetcher so robots.txt and rate limits span the run."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def skip(self, source: str, reason: str) -> None:
        log.info("%s: %s", source, reason)
        if self.options.on_skip:
            self.options.on_skip(source, reason)

    def spec(self, spec: str) -> Iterator[RawDocument | InputError]:
        if is_url(spec):
            yield from self.url(spec)
            return
        paths = expand(spec)
        if not paths:
            yield InputError(spec, "no such file or directory, and no file matches it as a glob")
        for path in paths:
            yield from self.path(path)

    def path(self, path: Path) -> Iterator[RawDocument | InputError]:
        suffix = readable_suffix(path)
        if suffix is None:
            yield InputError(
                str(path),
                "unsupported file type (expected .txt, .html, .htm, .jsonl, "
                "RSS/Atom .xml/.rss/.atom, or .warc)",
            )
            return
        try:
            if suffix == ".warc":
                yield from read_warc(path, self.options.max_bytes, self.skip)
                return
            yield from self.content(_file_bytes(path, suffix, self.options), suffix, str(path))
        except InputError as error:
            yield error
        except OSError as error:
            yield InputError(str(path), f"cannot read file ({error.strerror or error})")

    def content(self, data: bytes, suffix: str, source: str) -> Iterator[RawDocument | InputError]:
        text = decode_bytes(data, source)
        if suffix == ".jsonl":
            yield from read_jsonl(text, source, self.options.max_bytes)
        elif suffix in (".xml", ".rss", ".atom") or (suffix != ".txt" and looks_like_feed(text)):
            # the raw bytes: feedparser honours the feed's own encoding declaration
            yield from read_feed(data, source, self.page if self.options.allow_fetch else None)
        elif suffix == ".txt":
            yield RawDocument(source=source, kind="text", content=text)
        else:
            yield RawDocument(source=source, kind="html", content=check_html(text, source))

    def url(self, url: str) -> Iterator[RawDocument | InputError]:
        try:
            fetched = self.fetcher.fetch(url)
            for document in self.content(fetched.body, _suffix_for(fetched.content_type), url):
                if isinstance(document, RawDocument) and document.kind == "html":
                    document.fields.setdefault("url", fetched.url)
                yield document
        except InputError as error:
            yield error

    def page(self, url: str) -> RawDocument | None:
        """A feed item's linked page, or None when it cannot be had (the item stays summary-only)."""
        document = next(iter(self.url(url)), None)
        return document if isinstance(document, RawDocument) and document.kind == "html" else None


def iter_documents(inputs: Iterable[str], options: IngestOptions) -> Iterator[RawDocument | InputError]:
    """Raw documents from paths, directories, globs, feeds, WARC files and URLs; errors are yielded."""
    reader = _Reader(options)
    try:
        for spec in inputs:
            yield from reader.spec(spec)
    finally:
        reader.close()
