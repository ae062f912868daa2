"""Bytes -> text, for inputs whose encoding nobody declared correctly.

Order: a byte-order mark wins; then a declared charset if it decodes cleanly; then UTF-8;
then line by line (UTF-8, else cp1252, else latin-1), because real files are often glued
together from pieces saved in different encodings. charset-normalizer is asked only when
no line is UTF-8 at all, where a single non-Latin legacy encoding (cp1251, ...) is likely.

A declared single-byte Latin charset (latin-1, cp1252, iso-8859-15) "decodes" any bytes at all,
so it is believed only when no line holds non-ASCII UTF-8: a page declared latin-1 that mixes in
UTF-8 lines is decoded line by line too. Whenever lines are decoded one by one, the 1-based numbers
of the lines that were not UTF-8 are returned (:func:`decode_lines`) so the user can be told.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and the 1-based lines that were not UTF-8 when the input
    was decoded line by line (empty otherwise)."""

    text: str
    encoding: str
    legacy_lines: tuple[int, ...] = ()

    def warning(self) -> str:
        """One line for the user naming the lines that were not UTF-8 ("" when none)."""
        if not self.legacy_lines:
            return ""
        many = len(self.legacy_lines) > 1
        return (
            f"line{'s' if many else ''} {line_ranges(self.legacy_lines)} "
            f"{'were' if many else 'was'} not UTF-8 and {'were' if many else 'was'} decoded as "
            "Windows-1252/Latin-1 (the rest as UTF-8); check those lines, or save the file as UTF-8"
        )


def line_ranges(lines: tuple[int, ...], *, most: int = 12) -> str:
    """1, 2, 3, 7, 9, 10 -> "1-3, 7, 9-10" (at most ``most`` ranges, then "and N more")."""
    ranges: list[tuple[int, int]] = []
    for n in lines:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((n, n))
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in ranges[:most]]
    more = len(ranges) - most
    return ", ".join(shown) + (
        f" and {more} more range{'s' if more > 1 else ''}" if more > 0 else ""
    )


def decode_bytes(
    data: bytes, *, declared: str | None = None, location: str | None = None
) -> tuple[str, str]:
    """Decode ``data``; return the text (newlines normalised to "\\n") and the encoding used.

    Raises BinaryInput for binary data and EmptyInput when nothing but whitespace is left.
    """
    d = decode_lines(data, declared=declared, location=location)
    return d.text, d.encoding


def decode_lines(
    data: bytes, *, declared: str | None = None, location: str | None = None
) -> Decoded:
    """Like :func:`decode_bytes`, and says which lines were not UTF-8 when it had to decide line
    by line."""
    d = _decode(data, declared=declared, location=location)
    text = d.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("the input is empty or holds only whitespace", location=location)
    return Decoded(text, d.encoding, d.legacy_lines)


#: single-byte charsets that decode any bytes at all: a declaration of one proves nothing
_ANY_BYTES = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15"})


def _decode(data: bytes, *, declared: str | None, location: str | None) -> Decoded:
    bom = bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise BinaryInput(
                f"the data is not valid {bom}: {exc.reason}", location=location
            ) from exc
    if looks_binary(data):
        raise BinaryInput("the input looks binary (NUL or control bytes)", location=location)
    if declared:
        try:
            name = codecs.lookup(declared).name
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong charset header is common; fall through to sniffing
        else:
            if name not in _ANY_BYTES or not _has_utf8_line(data):
                return Decoded(text, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_mixed(data)


def _has_utf8_line(data: bytes) -> bool:
    """Some line holds non-ASCII bytes that are valid UTF-8."""
    if data.isascii():
        return False
    for line in data.splitlines():
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _decode_mixed(data: bytes) -> Decoded:
    lines = data.splitlines(keepends=True)
    decoded = [_decode_line(line) for line in lines]
    used = {enc for text, enc in decoded if not text.isascii()}
    text = "".join(t for t, _ in decoded)
    if "utf-8" not in used:
        guess = _legacy_guess(data, text)
        if guess:
            return Decoded(data.decode(guess), guess)
    legacy = tuple(i for i, (_, enc) in enumerate(decoded, 1) if enc != "utf-8")
    if len(used) == 1:
        enc = used.pop()
        return Decoded(text, enc, legacy if enc == "utf-8" else ())
    return Decoded(text, "mixed(" + ",".join(sorted(used)) + ")", legacy)
