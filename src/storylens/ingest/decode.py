"""Bytes to text: reject what is no text, find the charset, normalise to NFC.

Also the capped decompression shared by gzip files and HTTP responses, so a small
compressed input can never expand into gigabytes in memory.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

from charset_normalizer import from_bytes

from storylens.errors import InputError

_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Browsers read a page labelled or guessed as Latin-1 as Windows-1252 (WHATWG encoding standard),
# which is what puts curly quotes where 0x93/0x94 stand.
_AS_WINDOWS_1252 = {"latin_1", "iso8859_1", "ascii"}


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BOMS):
        return False
    head = data[:8192]
    return head.startswith(_BINARY_MAGIC) or len(_CONTROL.findall(head)) > len(head) * 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """The text in ``data``, NFC-normalised; InputError when empty, binary or undecodable."""
    if not data.strip():
        raise InputError(source, "empty input")
    if _looks_binary(data):
        raise InputError(source, "binary data, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "undecodable: no text encoding fits these bytes") from None
        encoding = "cp1252" if best.encoding in _AS_WINDOWS_1252 else best.encoding
        text = data.decode(encoding, errors="replace")
    return unicodedata.normalize("NFC", text)


def decompress_capped(data: bytes, encoding: str, limit: int, source: str) -> bytes:
    """gzip/deflate ``data`` inflated to at most ``limit`` bytes; InputError beyond (a bomb) or if corrupt."""
    wbits = {"gzip": 47, "x-gzip": 47, "deflate": 15}.get(encoding.strip().lower())
    if wbits is None:
        raise InputError(source, f"unsupported content encoding {encoding!r}")
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise InputError(source, f"corrupt {encoding} data ({error})") from error
    if len(out) > limit:
        raise InputError(source, f"decompresses to more than the {limit:,}-byte limit (decompression bomb?)")
    return out
