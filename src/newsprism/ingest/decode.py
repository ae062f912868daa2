"""Bytes -> text, for inputs whose encoding nobody declared correctly.

Order: a byte-order mark wins; then a declared charset if it decodes cleanly; then UTF-8;
then line by line (UTF-8, else cp1252, else latin-1), because real files are often glued
together from pieces saved in different encodings. charset-normalizer is asked only when
no line is UTF-8 at all, where a single non-Latin legacy encoding (cp1251, ...) is likely.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from newsprism.errors import BinaryInput, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: control bytes that never appear in text (tab, newlines, form feed and escape excepted)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_SAMPLE = 8192
#: above this share of control bytes in the sample, the input is binary
_CONTROL_RATIO = 0.05
#: legacy encodings charset-normalizer may pick for a file with no UTF-8 line at all
_LATIN = {"cp1252", "latin_1", "iso8859_15", "ascii", "utf_8", "windows_1252"}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first few KB (BOM-marked UTF-16/32 excepted)."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > _CONTROL_RATIO


def _decode_line(line: bytes) -> tuple[str, str]:
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte
        return line.decode("latin-1"), "latin-1"


def decode_record(line: bytes, *, location: str | None = None) -> str:
    """Decode one dataset record (a line) cheaply: UTF-8, else cp1252, else latin-1."""
    if line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    if b"\x00" in line:
        raise BinaryInput("the record holds NUL bytes (binary data)", location=location)
    return _decode_line(line)[0]


def _legacy_guess(data: bytes, latin_text: str) -> str | None:
    """A non-Latin single-byte encoding (cp1251, ...) for text that is gibberish as cp1252.

    Latin-script languages have mostly ASCII letters with a few accented ones; Cyrillic or
    Greek bytes read as cp1252 give words made only of accented letters. Only then is
    charset-normalizer asked, and only a non-Latin answer is taken.
    """
    letters = [ch for ch in latin_text if ch.isalpha()]
    if not letters or sum(not ch.isascii() for ch in letters) / len(letters) < 0.4:
        return None
    best = from_bytes(data[: 64 * 1024]).best()
    if best is None or best.encoding in _LATIN:
        return None
    try:
        decoded = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    foreign = [ch for ch in decoded if ch.isalpha() and not ch.isascii()]
    non_latin = sum("LATIN" not in unicodedata.name(ch, "LATIN") for ch in foreign)
    return str(best.encoding) if foreign and non_latin / len(foreign) > 0.8 else None


def decode_bytes(
    data: bytes, *, declared: str | None = None, location: str | None = None
) -> tuple[str, str]:
    """Decode ``data``; return the text (newlines normalised to "\\n") and the encoding used.

    Raises BinaryInput for binary data and EmptyInput when nothing but whitespace is left.
    """
    text, encoding = _decode(data, declared=declared, location=location)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("the input is empty or holds only whitespace", location=location)
    return text, encoding


def _decode(data: bytes, *, declared: str | None, location: str | None) -> tuple[str, str]:
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise BinaryInput(
                f"the data is not valid {bom}: {exc.reason}", location=location
            ) from exc
    if looks_binary(data):
        raise BinaryInput("the input looks binary (NUL or control bytes)", location=location)
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong charset header is common; fall through to sniffing
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_mixed(data)


def _decode_mixed(data: bytes) -> tuple[str, str]:
    lines = data.splitlines(keepends=True)
    decoded = [_decode_line(line) for line in lines]
    used = {enc for text, enc in decoded if not text.isascii()}
    text = "".join(t for t, _ in decoded)
    if "utf-8" not in used:
        guess = _legacy_guess(data, text)
        if guess:
            return data.decode(guess), guess
    if len(used) == 1:
        return text, used.pop()
    return text, "mixed(" + ",".join(sorted(used)) + ")"
