"""Fast rule-based sentence splitting (pure; runs at ingest speed, so no spaCy).

``split_sentences`` returns character spans ``(start, end)`` into the text it was given. The spans
are in order, do not overlap, hold no leading or trailing whitespace, and together cover every
non-whitespace character of the text.
"""

from __future__ import annotations

import re

__all__ = ["sentences", "split_sentences"]

# A candidate end: terminal punctuation, then closing quotes/brackets, then whitespace or the end.
# Decimals ("3.5"), host names ("example.com") and "U.S" inner dots never qualify: no space follows.
_END = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)")
# A paragraph break always ends a sentence, punctuation or not (titles, headings, list items).
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_OPENERS = "\"'“‘«([¿¡"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words before a period that do not end a sentence: titles before a name, "No. 5", "Jan. 5" ...
_NEVER_END = _wordset(
    """mr mrs ms messrs mme dr prof rev fr gen col lt maj sgt capt cmdr adm gov sen rep supt det
    insp hon pres st mt ft no nos vs v fig figs approx ca cf jan feb mar apr jun jul aug sep sept
    oct nov dec"""
)
# Abbreviations that may end a sentence ("... in Tampa, Fla. The storm ..."): a sentence ends
# after them only when a typical sentence-opening word follows.
_MAY_END = _wordset(
    """inc corp ltd co bros jr sr esq etc al ave blvd rd ala ariz ark calif colo conn del fla ga
    ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash
    wis wyo"""
)
_STARTERS = _wordset(
    """the a an he she it they we i you his her its their our my this that these those there here
    but and or so yet still however meanwhile in on at for from with by as after before when while
    if although though because since then now today yesterday last earlier later some many most
    both all no not one officials police authorities what who why how"""
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")  # U.S, a.m, D.C, single initial "F"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences and return their ``(start, end)`` character spans."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _boundaries(text):
        _append_stripped(text, start, cut, spans)
        start = cut
    _append_stripped(text, start, len(text), spans)
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``split_sentences``)."""
    return [text[s:e] for s, e in split_sentences(text)]


def _boundaries(text: str) -> list[int]:
    cuts = {m.end() for m in _END.finditer(text) if _is_sentence_end(text, m)}
    cuts.update(m.start() for m in _PARAGRAPH.finditer(text))
    return sorted(cuts)


def _is_sentence_end(text: str, m: re.Match[str]) -> bool:
    nxt = _next_word(text, m.end())
    if not nxt:
        return True
    if nxt[0].islower():  # '"Why?" he asked.', 'e.g. this', '... and then'
        return False
    punct = m.group().rstrip("\"'”’»)]")
    if punct != ".":
        return True
    word = _word_before(text, m.start()).lower()
    if word in _NEVER_END:
        return False
    if word in _MAY_END or _INITIALS.fullmatch(_word_before(text, m.start())):
        return nxt.lower() in _STARTERS
    return True


def _next_word(text: str, pos: int) -> str:
    n = len(text)
    while pos < n and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    end = pos
    while end < n and text[end].isalnum():
        end += 1
    return text[pos:end] if end > pos else text[pos : pos + 1]


def _word_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(_OPENERS)


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
