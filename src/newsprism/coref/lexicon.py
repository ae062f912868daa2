"""The word lists of newsprism/data/coref.json, read once; the normal form names are compared in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsprism.extract.gazetteer import fold
from newsprism.extract.quantities import WORD_NUMBERS

_DOTS = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\.|\s|$|[^\w])")
_NON_WORD = re.compile(r"[^0-9a-z']+")
_LEADING = ("the ", "a ", "an ")


def undot(text: str) -> str:
    """Dots of an abbreviation removed: "E.U." -> "EU", "U.S. officials" -> "US officials"."""
    return _DOTS.sub("", text)


def norm(text: str) -> str:
    """The form names are compared in: folded, lower case, no dots in abbreviations, no leading
    article, no possessive "'s", words joined by single spaces ("The E.U.'s" -> "eu")."""
    t = fold(undot(text.strip())).casefold().replace("’", "'")
    t = re.sub(r"'s?\b", "", t)
    t = _NON_WORD.sub(" ", t).strip()
    for lead in _LEADING:
        if t.startswith(lead):
            t = t[len(lead) :]
    return t.strip()


@dataclass(frozen=True)
class Lexicon:
    #: normal form -> (identity key, why)
    metonyms: dict[str, tuple[str, str]]
    bodies: dict[str, tuple[str, str]]
    #: normal form -> (party key, party name, what the form is)
    party_forms: dict[str, tuple[str, str, str]]
    government_words: frozenset[str]
    #: lemma -> indices of the groups it is in
    event_groups: dict[str, frozenset[int]]
    reporting: frozenset[str]
    light_verbs: frozenset[str]
    support_verbs: frozenset[str]
    #: pronoun -> person, plural, thing, first or other
    pronouns: dict[str, str]
    time_words: frozenset[str]
    #: day or month name (or abbreviation) -> one form
    calendar: dict[str, str]
    #: part of the day ("tonight" -> night, "this morning" -> morning)
    day_parts: dict[str, str] = field(default_factory=dict)
    #: last words of a name that say what kind of institution or place it names ("department")
    name_kinds: frozenset[str] = frozenset()


@cache
def load() -> Lexicon:
    raw = json.loads(resources.files("newsprism.data").joinpath("coref.json").read_text("utf-8"))
    groups: dict[str, set[int]] = {}
    for i, words in enumerate(raw["event_groups"]):
        for w in words:
            groups.setdefault(w, set()).add(i)
    parties = {
        norm(form): (key, spec["name"], what)
        for key, spec in raw["parties"].items()
        for form, what in spec["forms"].items()
    }
    return Lexicon(
        metonyms={norm(k): (v[0], v[1]) for k, v in raw["metonyms"].items()},
        bodies={norm(k): (v[0], v[1]) for k, v in raw["bodies"].items()},
        party_forms=parties,
        government_words=frozenset(raw["government_words"]),
        event_groups={w: frozenset(ix) for w, ix in groups.items()},
        reporting=frozenset(raw["reporting"]),
        light_verbs=frozenset(raw["light_verbs"]),
        support_verbs=frozenset(raw["support_verbs"]),
        pronouns={w: kind for kind, ws in raw["pronouns"].items() for w in ws},
        time_words=frozenset(raw["time_words"]),
        calendar=dict(raw["calendar"]),
        name_kinds=frozenset(raw["name_kinds"]),
        day_parts=dict(raw["day_parts"]),
    )


def stem_match(a: str, b: str) -> bool:
    """ "shoot"/"shooting", "injure"/"injury": a nominalisation shares a long start."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


_YEAR = re.compile(r"^(1[89]|20)[0-9][0-9]$")


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def time_anchors(text: str, lex: Lexicon) -> frozenset[str]:
    """What pins a time expression to the calendar: its day and month names (one form each,
    prefixed "d:" and "m:"), its years ("y:"), its part of the day ("p:") and its other
    numbers ("n:"). "on Sunday, February 22, 2009" -> {d:sunday, m:february, n:22, y:2009};
    "this morning" -> {p:morning}; "three years" -> {n:3}; "today" -> {}."""
    out = set()
    for word in norm(text).split():
        if word in lex.calendar:
            name = lex.calendar[word]
            out.add(("d:" if name in _WEEKDAYS else "m:") + name)
        elif _YEAR.match(word):
            out.add("y:" + word)
        elif word in lex.day_parts:
            out.add("p:" + lex.day_parts[word])
        elif word.isdigit() or word in WORD_NUMBERS:
            out.add(f"n:{int(word) if word.isdigit() else WORD_NUMBERS[word]}")
        elif word.endswith("s") and word[:-1] in WORD_NUMBERS:
            out.add(f"n:{word}")  # "hundreds of years", "dozens"
    return frozenset(out)


def times_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name one day, month or year (one part of the day or one number alone is no match:
    every day has a morning, and "three" counts days as well as years)."""
    return any(x[:2] in ("d:", "m:", "y:") for x in a & b)


def times_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name a weekday, a month, a year, a part of the day or a number (a day of the
    month, a count of years), and name different ones ("this morning" / "this afternoon",
    "three years" / "485 years")."""
    for kind in ("d:", "m:", "y:", "p:", "n:"):
        xa = {x for x in a if x.startswith(kind)}
        xb = {x for x in b if x.startswith(kind)}
        if xa and xb and not xa & xb:
            return True
    return False
