"""JSONL: one article a line; a bad line is reported by line number and the others go on."""

from __future__ import annotations

import json
from collections.abc import Iterator

from storylens.errors import InputError
from storylens.ingest import RawDocument

KNOWN_FIELDS = ("id", "url", "outlet", "title", "subtitle", "published", "updated", "authors", "text", "html")


def _record(line: str, where: str) -> dict[str, object]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON: {error.msg}, column {error.colno}") from error
    if not isinstance(record, dict):
        raise InputError(where, "a line must be a JSON object")
    if not any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html")):
        raise InputError(where, 'no "text" or "html" field with content')
    return record


def read_jsonl(text: str, path: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:line {number}"
        if len(line.encode("utf-8")) > max_bytes:
            yield InputError(where, f"line is over the {max_bytes:,}-byte document limit")
            continue
        try:
            record = _record(line, where)
        except InputError as error:
            yield error
            continue
        fields = {k: record[k] for k in KNOWN_FIELDS if record.get(k) is not None}
        item = record.get("id") or record.get("url")  # what names the record: its id, else its URL
        fields["item"] = str(item) if item is not None else None
        yield RawDocument(source=f"{path}#{fields['item'] or number}", kind="record", fields=fields)
