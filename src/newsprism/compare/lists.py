"""Named lists ("the Old Town, Kilnside and St Aurel"), read from each report's sentences and
compared across reports.

A list of three or more names is a closed set a report commits to: the three districts under a
curfew, the three chains that sold a product, the three signatories of a treaty. Two reports that
list one set with one member swapped disagree on who or what is in it, however differently the
rest of their sentences run ("a curfew in three central districts, the Old Town, Kilnside and
Vellmoor" / "The curfew runs from 10pm to 6am in the Old Town, Kilnside and St Aurel"). The
claims stage often cuts such a sentence into clauses that hold no list at all ("Thistlegate
Bank, Harbour Savings and the Calvessan Cooperative Bank said that they would ..."), and the
named-entity reader misses invented names ("Quickbasket"), so the lists are read from the
text itself. Pure logic: the comparison stage decides which lists tell of one set and turns
the disputes into contradictions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

#: a capitalised word of a name: "Kilnside", "Pellow's", "A&E", "MySpace.com", "Cobb's"
_WORD = r"[A-Z][\w'’&\-]*(?:\.\w+)*"
#: a name: capitalised words, with the small words names hold ("Bank of Tessaly", "St Aurel"),
#: a leading "the", and an acronym in brackets after it ("the Calvessan Cooperative Bank (CalCo)")
_SMALL = r"(?:of|for|de|la|del|the|upon)"
_NAME = rf"(?:the\s+)?{_WORD}(?:\s+(?:{_SMALL}\s+){{0,2}}{_WORD}){{0,6}}(?:\s*\([^()]{{1,40}}\))?"
#: ... and up to two lower-case words that say what kind of thing it is ("the Gravholt bowl",
#: "the Quillmouth naval dockyard"), never a verb or a small word that goes on the sentence
_STOP = (
    r"(?:and|or|but|as|at|in|on|to|of|for|with|by|from|that|which|who|whose|where|when|said|"
    r"says|say|is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|also|"
    r"not|all|both|each|were|its|their|his|her)"
)
_TAIL = rf"(?:\s+(?!{_STOP}\b)[a-z][a-z-]*){{0,2}}"
#: ... and, after a name with "the", where it is, which is no part of its name ("the Maltings in
#: Hessel"; never "Households in Kellaby, Dravenford and Quellin", a list of towns)
_WHERE = rf"(?:\s+in\s+{_NAME})"
#: ... or after what kind of place it is, in lower case ("the port city of Vellhaven", "the
#: capital Drennholm", "the radar station at Fell Ness"): the name alone is the member
_KIND_BEFORE = (
    rf"(?:(?i:the)\s+(?:(?!(?:{_STOP}|the|a|an)\b)[a-z][a-z-]*\s+){{1,3}}(?:(?:of|at|in)\s+)?"
    r"(?!(?i:the)\s))"
)
_ITEM = rf"(?:(?i:the)\s+{_WORD}(?:\s+{_WORD}){{0,3}}{_TAIL}{_WHERE}|{_KIND_BEFORE}?{_NAME}{_TAIL})"
#: (bounded, so that a long run of names with no "and" is given up on at once: a list of more
#: than MAX_MEMBERS is no set anyway, and hostile text never makes the reading slow)
_LIST = re.compile(
    rf"(?<![\w'’])({_ITEM})((?:\s*,\s*{_ITEM}){{1,8}})\s*,?\s+(?:and|or)\s+({_ITEM})"
)
#: a list whose members each carry a description, set apart by semicolons ("Stonebridge Park,
#: home of Dunvale Town; The Maltings, Hessel United's ground; and Kesh City's Brinley Lane")
_DESCRIBED = r"(?:\s*,[^;]{1,120})?"
#: ... or whose description comes first, in lower case, set off by a comma ("the deputy interior
#: minister, Teodor Hask; the interior minister himself, Anton Vesk")
_ROLE_FIRST = r"(?:the\s+(?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*,\s+)?"
_SEMICOLON_LIST = re.compile(
    rf"(?<![\w'’])({_ITEM}){_DESCRIBED}((?:;\s*{_ROLE_FIRST}{_ITEM}{_DESCRIBED}){{1,5}});\s*"
    rf"(?:and|or)\s+{_ROLE_FIRST}({_ITEM})"
)
_ROLE_OPENING = re.compile(_ROLE_FIRST)
_SPLIT = re.compile(rf"{_KIND_BEFORE}?(?P<name>{_NAME})(?P<tail>{_TAIL})(?P<where>{_WHERE})?")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
#: names of days and months: a list of them is a schedule, a matter for dates
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec"]
)  # fmt: skip
#: lists this long are samples ("Pakistan, Indonesia, Singapore, ... and France"), rarely one
#: closed set two reports would both give in full
MAX_MEMBERS = 6
MIN_MEMBERS = 3


@dataclass(frozen=True)
class Listing:
    """One list of names one report gives, as written and where."""

    source: int
    start: int
    end: int
    #: the members as written ("the Calvessan Cooperative Bank"), in order
    members: tuple[str, ...]
    #: where each member is in the report's text
    spans: tuple[tuple[int, int], ...]


def shown(name: str) -> str:
    """A member's name as a value: no leading "the" or bracket ("Old Town", "Pellow's")."""
    name = _BRACKETS.sub("", name).strip()
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def normal(name: str) -> str:
    """A member's name for matching: as shown, its capitalised words only (not the kind of
    thing it is: "the Gravholt bowl" is "gravholt"), without a possessive, in lower case."""
    words = shown(name).split()
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return re.sub(r"['’]s$", "", " ".join(words)).lower()


def names(member: str) -> set[str]:
    """The names a member goes by: its name for matching, and the acronym in brackets after it
    ("the Calvessan Cooperative Bank (CalCo)": also "calco")."""
    inside = re.findall(r"\(([^()]*)\)", member)
    return {normal(member)} | {x.strip().lower() for x in inside if x.strip()}


def listings_in(source: int, text: str, sentences: Sequence[tuple[int, int]]) -> list[Listing]:
    """Every list of three to six names in the report, read sentence by sentence."""
    out: list[Listing] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        for m in _matches(sentence):
            items = _items(sentence, m)
            spans = [(s_start + n.start("name"), s_start + n.end("tail")) for n in items]
            if items and not any(n.group("tail") for n in items[:-1]):
                # "the Hatherley's, Pellow's and Quickbasket chains": the kind word after the
                # last name is the whole list's, no part of its name
                last = items[-1]
                spans[-1] = (spans[-1][0], s_start + last.start("tail"))
            if spans and spans[0][0] == s_start and _common_word(text[slice(*spans[0])], text):
                spans = spans[1:]  # "Yesterday, Egypt, Jordan and ...": no member
            if spans and _counted_head(text, spans[0]):
                spans = spans[1:]  # "The three signatories, Kessaly, ...": what the list is of
            members = tuple(text[a:b] for a, b in spans)
            if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
                continue
            if any(normal(x).split()[0] in _CALENDAR for x in members):
                continue
            out.append(Listing(source, spans[0][0], spans[-1][1], members, tuple(spans)))
        if not any(s_start <= x.start < s_end for x in out):
            out += _titles_listed(source, text, s_start, sentence)
    return out


def _titles_listed(source: int, text: str, s_start: int, sentence: str) -> list[Listing]:
    """A list of titles in quotation marks, each perhaps after its maker's name and before its
    year or a description ('Graye's "The Ferrywoman" (1641), Oberholt's "Orchard at Peldry"
    and Tacke's "Portrait of Countess Idonea"'): the titles are the members."""
    titles = [m for m in QUOTED.finditer(sentence) if title_words(m.group(1))]
    if not MIN_MEMBERS <= len(titles) <= MAX_MEMBERS:
        return []
    gaps = [sentence[x.end() : y.start()] for x, y in pairwise(titles)]
    if any(len(g) > TITLE_GAP or not {",", ";"} & set(g) for g in gaps[:-1]):
        return []
    if len(gaps[-1]) > TITLE_GAP or not re.search(r"\band\b", gaps[-1]):
        return []
    spans = tuple((s_start + m.start(1), s_start + m.end(1)) for m in titles)
    members = tuple(text[a:b] for a, b in spans)
    return [Listing(source, spans[0][0], spans[-1][1], members, spans)]


#: a short stretch in quotation marks (a title's, when its words are one: ``title_words``)
QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,60}?)[,.]?[\"”]")
#: the most characters between two listed titles (a maker, a year, a short description)
TITLE_GAP = 120
_TITLE_SMALL = frozenset(["of", "at", "the", "in", "on", "and", "a", "an", "for", "to", "with"])


def title_words(words: str) -> bool:
    """Capitalised words, small words between them: "Orchard at Peldry", "The Ferrywoman"."""
    ws = words.split()
    capped = [w for w in ws if w[:1].isupper()]
    return (
        bool(ws)
        and ws[0][:1].isupper()
        and all(w[:1].isupper() or w in _TITLE_SMALL for w in ws)
        and (len(capped) >= 2 or len(ws) == 1)
    )


def _matches(sentence: str) -> list[re.Match[str]]:
    """The lists of a sentence: with commas ("A, B and C"), or with semicolons between
    described members; a list read both ways is read once."""
    plain = list(_LIST.finditer(sentence))
    # a semicolon before the list: the list runs on from a member not read (its name after a
    # title in lower case, "Halvard founder and chairman Teodor Brask"), so it is not read whole
    described = [
        m for m in _SEMICOLON_LIST.finditer(sentence)
        if ";" not in sentence[: m.start()]
        and not any(p.start() < m.end() and m.start() < p.end() for p in plain)
    ]  # fmt: skip
    return plain + described


def _items(sentence: str, m: re.Match[str]) -> list[re.Match[str]]:
    """The members of a list as read: each name at the head of a member (after a semicolon,
    its description is no member)."""
    if m.re is _SEMICOLON_LIST:
        heads = [m.start(1)]
        heads += [m.start(2) + x.end() for x in re.finditer(r";\s*", m.group(2))]
        # a description set first is no member: its name follows the comma
        found = [_SPLIT.match(sentence, _past_role(sentence, h)) for h in [*heads, m.start(3)]]
        return [x for x in found if x is not None]
    return list(_SPLIT.finditer(sentence, m.start(), m.end()))


def _past_role(sentence: str, at: int) -> int:
    """Where the member's name starts, past a description set before it ("the deputy interior
    minister, Teodor Hask")."""
    found = _ROLE_OPENING.match(sentence, at)
    return found.end() if found else at


def _counted_head(text: str, span: tuple[int, int]) -> bool:
    """A first "member" that counts the members after it ("The three signatories, Kessaly,
    Halvoria and Vantra", "Tessaly's three Tarsenian car plants, Danmoor, Kell and Sarn"): the
    set the list names, no member of it."""
    before = text[max(span[0] - 12, 0) : span[0]]
    return bool(_COUNT.search(text[span[0] : span[1]]) or _COUNT_BEFORE.search(before))


#: counts written in lower-case words: a name may hold a capitalised number ("Seven Oaks"), a
#: set's description seldom does
_COUNT_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten)"
_COUNT = re.compile(rf"\b{_COUNT_WORDS}\b")
_COUNT_BEFORE = re.compile(rf"\b{_COUNT_WORDS}\s+$")


def _common_word(word: str, text: str) -> bool:
    """A single capitalised word that opens a sentence and is written in lower case elsewhere
    in the report ("Yesterday", "Meanwhile"): not a name."""
    w = word.lower()
    return " " not in w and re.search(rf"(?<![\w.]){re.escape(w)}(?!\w)", text) is not None


@dataclass(frozen=True)
class ListDispute:
    """One set listed with different members: per source, the list it gives."""

    listings: tuple[Listing, ...]


def same_set(
    x: Listing, y: Listing, same: Callable[[Listing, int, Listing, int], bool]
) -> tuple[list[int], list[int]] | None:
    """Whether two lists read as one set told two ways: as many members, at least two in
    common (by ``same``, which compares member ``i`` of one with member ``j`` of the other),
    and at most one of each three apart. Returns the members of each that the other lacks."""
    if len(x.members) != len(y.members):
        return None
    only_x = [
        i for i in range(len(x.members)) if not any(same(x, i, y, j) for j in range(len(y.members)))
    ]
    only_y = [
        j for j in range(len(y.members)) if not any(same(x, i, y, j) for i in range(len(x.members)))
    ]
    shared = len(x.members) - len(only_x)
    if shared < 2 or 3 * len(only_x) > len(x.members):
        return None
    return only_x, only_y


def disputes(
    found: Sequence[Listing],
    one_set: Callable[[Listing, Listing], bool],
    apart: Callable[[Listing, Listing], bool],
) -> list[ListDispute]:
    """Sets listed with different members by different reports. ``one_set`` says two lists
    (of two reports) are one set told; ``apart`` that they disagree on its members. Lists of
    one set are gathered across all reports, one per report (its first), and a gathering is a
    dispute when two of its reports are apart."""
    groups: list[list[Listing]] = []
    for x in found:
        homes = [g for g in groups if any(y.source != x.source and one_set(x, y) for y in g)]
        if not homes:
            groups.append([x])
            continue
        merged = [x] + [y for g in homes for y in g]
        groups = [g for g in groups if g not in homes] + [merged]
    out: list[ListDispute] = []
    for g in groups:
        one: dict[int, Listing] = {}
        for x in sorted(g, key=lambda x: (x.source, x.start)):
            one.setdefault(x.source, x)
        sides = [one[s] for s in sorted(one)]
        if any(apart(a, b) for n, a in enumerate(sides) for b in sides[n + 1 :]):
            out.append(ListDispute(tuple(sides)))
    return out
