"""Whitespace and Unicode normalisation of article text (pure)."""

from __future__ import annotations

import re
import unicodedata

# zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator. ZWJ/ZWNJ stay:
# they change the spelling of Persian, Hindi and emoji.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"))
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, invisible characters dropped, spaces collapsed, lines stripped (blank lines kept)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROL.sub("", text.replace("\u2029", "\n\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def normalize_line(text: str) -> str:
    """One line: normalised and with all whitespace collapsed to single spaces."""
    return " ".join(normalize_text(text).split())


def uses_blank_lines(lines: list[str]) -> bool:
    """Whether blank lines separate the paragraphs (else every line is one)."""
    return any(not line for line in lines) and sum(1 for line in lines if line) > 1


def paragraphs(lines: list[str], *, blank_separated: bool) -> str:
    """Join lines into paragraphs separated by "\\n\\n".

    Where the text uses blank lines between paragraphs, single line breaks inside a block are
    wrapping and become spaces; where it has no blank lines, every line is a paragraph.
    """
    if not blank_separated:
        return "\n\n".join(line for line in lines if line)
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return "\n\n".join(" ".join(block) for block in blocks if block)
