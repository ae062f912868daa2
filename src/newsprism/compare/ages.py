"""A person's age, read where a report states it beside the name, compared across reports.

Ages are stated in a few fixed ways ("Robert Buckley, 32,", "the 31-year-old Robert Buckley",
"Katherine (61)", "Smith, aged 40"), each bound to one named person, so two reports that give
one person two ages disagree whatever their sentences say around it -- no claim alignment is
needed, and none could be trusted to find it: the age sits in different sentences of different
lengths ("Robert Buckley, 32, from Leeds, fell ..." / "Tributes were paid to 31-year-old Robert
Buckley"). Pure logic: the comparison stage turns the disputes into contradictions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsprism.extract.quantities import WORD_NUMBERS, number_value
from newsprism.extract.types import Extraction, Mention

_TENS = [w for w, v in WORD_NUMBERS.items() if isinstance(v, int) and v in range(20, 100, 10)]
_UNITS = {w: v for w, v in WORD_NUMBERS.items() if isinstance(v, int) and 1 <= v <= 19}
_WORD_AGE = rf"(?:(?:{'|'.join(_TENS)})(?:\s*-\s*(?:{'|'.join(_UNITS)}))?|{'|'.join(_UNITS)})"
_AGE_NUMBER = rf"(?P<age>\d{{1,3}}|(?i:{_WORD_AGE}))"

#: "Robert Buckley, 32," / "Katherine (61)" / "Smith, aged 40" -- right after the name
_AFTER = re.compile(
    rf"^\s*(?:,\s*(?:aged\s+)?{_AGE_NUMBER}\s*(?=,|;|\.(?!\d)|\)|$|\s+(?:and|of|from|who|was|is)\b)"
    rf"|\(\s*(?:aged\s+)?{_AGE_NUMBER.replace('age>', 'age2>')}\s*\))"
    # "Ewan, a 26-year-old deckhand,": an apposition that gives the age
    rf"|^,\s*an?\s+{_AGE_NUMBER.replace('age>', 'age3>')}\s*-\s*years?\s*-\s*old\b"
)
#: "31-year-old Robert Buckley", "Sixty-year-old Sharron Smith" -- right before the name,
#: with at most two words between ("the 61-year-old grandmother Sharron Smith" is not read)
_BEFORE = re.compile(
    rf"{_AGE_NUMBER}\s*-\s*years?\s*-\s*old\s+(?:(?:[A-Z][a-z]{{0,3}}\.|[A-Za-z]+)\s+){{0,2}}$"
)


@dataclass(frozen=True)
class Age:
    """One stated age of one person in one report."""

    source: int
    key: str
    name: str
    age: int
    #: where the number is, and the name it is bound to
    start: int
    end: int
    name_start: int


def _person(m: Mention) -> bool:
    return m.label == "PERSON" or m.entity_key.startswith("person:")


def ages_in(source: int, text: str, ex: Extraction) -> list[Age]:
    """Every age the report binds to a named person, once per mention."""
    out: list[Age] = []
    for m in ex.mentions:
        if not _person(m) or not m.text[:1].isupper():
            continue
        after = _AFTER.match(text[m.end : m.end + 24])
        if after:
            group = next(g for g in ("age", "age2", "age3") if after.group(g))
            a, b = after.start(group) + m.end, after.end(group) + m.end
        else:
            before = _BEFORE.search(text[max(m.start - 40, 0) : m.start])
            if not before:
                continue
            base = max(m.start - 40, 0)
            a, b = before.start("age") + base, before.end("age") + base
        age = int(number_value(text[a:b]))
        if 0 < age < 120:
            out.append(Age(source, m.entity_key, m.text, age, a, b, m.start))
    return out


T = TypeVar("T")


def people(readings: Sequence[T], same_person: Callable[[T, T], bool]) -> list[list[T]]:
    """Readings beside names (ages, offices) grouped by the person they are of: a reading joins
    the first group holding one of the same person."""
    groups: list[list[T]] = []
    for x in readings:
        home = next((g for g in groups if any(same_person(x, y) for y in g)), None)
        if home is None:
            groups.append([x])
        else:
            home.append(x)
    return groups


@dataclass(frozen=True)
class AgeDispute:
    """One person given different ages: per source, the one age it states (and where)."""

    name: str
    ages: tuple[Age, ...]


#: Ages further apart than this are one person's ages at two times told of (a past trial, now),
#: not one age told two ways.
AGES_APART = 15


def disputes(ages: Sequence[Age], same_person: Callable[[Age, Age], bool]) -> list[AgeDispute]:
    """People given different ages by different reports. A report that itself gives one person
    two ages is not read for that person (two people of one name, or a typo of its own)."""
    by_source: dict[tuple[int, str], set[int]] = defaultdict(set)
    for x in ages:
        by_source[(x.source, x.key)].add(x.age)
    clear = [x for x in ages if len(by_source[(x.source, x.key)]) == 1]
    out: list[AgeDispute] = []
    for p in people(clear, same_person):
        one: dict[int, Age] = {}
        for x in p:
            one.setdefault(x.source, x)
        told = {x.age for x in one.values()}
        if max(told) - min(told) > AGES_APART:
            continue  # "the 29-year-old Gigante" in 1957 and "Gigante, 77": two times
        if len(one) >= 2 and len(told) >= 2 and _one_age_per_source(p):
            longest = max(one.values(), key=lambda x: len(x.name))
            out.append(AgeDispute(longest.name, tuple(one[s] for s in sorted(one))))
    return out


def _one_age_per_source(p: list[Age]) -> bool:
    """Within the group, no report gives two ages (two people merged by a shared surname)."""
    seen: dict[int, int] = {}
    return all(seen.setdefault(x.source, x.age) == x.age for x in p)
