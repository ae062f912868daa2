"""A person's title or office, read where a report states it beside the name, compared across
reports.

Titles are written in a few fixed places -- before the name ("Foreign Minister Sera Kallisto",
"Assistant District Attorney David Rossi") or in an apposition after it ("Sera Kallisto,
Dravenia's economy minister,", "Mike Reavey, director of the Microsoft Security Response
Center,") -- each bound to one named person, so two reports that give one person two offices of
the same kind disagree whatever their sentences say around it (like ``ages``). Two offices of
one kind differ when each has a word the other lacks ("foreign" / "economy" minister; director
of two different bodies) or when one has a rank the other does not ("assistant" district
attorney / district attorney). More or less of one office ("minister" / "economy minister",
"Dravenia's" / "Dravenian" / no country) is no dispute, and offices of other kinds ("minister"
/ "party leader") can both be true. Pure logic: the comparison stage turns the disputes into
contradictions.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files

from newsprism.compare.ages import people
from newsprism.extract.types import Extraction, Mention

_WORDS = json.loads(files("newsprism").joinpath("data/compare_words.json").read_text("utf-8"))
#: The head word of an office (the word a title ends in)
HEADS = frozenset(_WORDS["office_heads"])
#: Ranks: an office with one of them is not the office without it ("assistant district
#: attorney", "deputy foreign minister")
RANKS = frozenset(_WORDS["office_ranks"])
#: Portfolios and jurisdictions: two offices of one kind with different ones are two offices
#: ("foreign" / "economy" minister, "state" / "federal" judge); other words ("local police
#: inspector" / "area commander inspector") describe more than they tell apart
PORTFOLIOS = frozenset(_WORDS["office_portfolios"])
#: Words that end a title read backwards from the name (a verb or a preposition before it)
_STOP = frozenset(_WORDS["office_stops"])
#: Elected offices, and the last words of a party's name: a party named before such an office
#: is the holder's ("the Federalist League governor of Merrowin"), not what it is of
_ELECTED = frozenset(_WORDS["office_elected"])
_PARTY_ENDS = frozenset(_WORDS["party_ends"])
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
#: ", Dravenia's economy minister," / ", director of the Microsoft Security Response Center,"
_AFTER = re.compile(
    r"^\s*,\s+(?:(?:the|a|an)\s+)?(?P<title>(?:[\w.'’-]+\s+){0,4}?(?P<head>[\w-]+))"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][^,;:()]{2,60}?))?\s*(?=[,;:.()]|\s+(?:who|said|says)\b)"
)


def _person(m: Mention) -> bool:
    return m.label == "PERSON" or m.entity_key.startswith("person:")


@dataclass(frozen=True)
class Role:
    """One office a report gives one person."""

    source: int
    key: str
    name: str
    head: str
    #: the title's other words, lower case, without places and possessives
    words: frozenset[str]
    #: the bodies it names or is of ("KPA", "Harlow Water Board"), " / "-joined; "" when none
    of: str
    #: the title as written, and where
    text: str
    start: int
    end: int


def roles_in(source: int, text: str, ex: Extraction) -> list[Role]:
    """Every office the report binds to a named person, right before or right after the name."""
    named = [m for m in ex.mentions if not _person(m)]
    out: list[Role] = []
    for m in ex.mentions:
        if not _person(m) or not m.text[:1].isupper() or " " not in m.text.strip():
            continue  # a full name: a surname alone may be another person's
        role = _before(source, text, m, named) or _after(source, text, m, named)
        if role is not None:
            out.append(role)
    return out


#: where a title read backwards from a name stops: punctuation, a dash, a line break, the end
#: of a sentence (not the dot of an initial: "U.S. District Judge")
_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s|\n|(?<![A-Z])[.!?]\s")


def _before(source: int, text: str, m: Mention, named: Sequence[Mention]) -> Role | None:
    """ "Foreign Minister Sera Kallisto", "Tessin's economy minister Sera Kallisto": a run of
    title words ending in an office's head right before the name, all capitalised when the head
    is, else in lower case but for names ("KPA chief executive"); a possessive may lead it."""
    base = max(m.start - 60, 0)
    window = text[base : m.start]
    cut = max((x.end() for x in _BREAK.finditer(window)), default=0)
    tokens = [(t.group(), t.start() + base) for t in _WORD.finditer(window, cut)]
    if not tokens or not window.endswith(" ") or window[tokens[-1][1] - base :].split()[1:]:
        return None
    head = tokens[-1][0]
    if head.lower() not in HEADS:
        return None
    upper = head[:1].isupper()
    taken = [tokens[-1]]
    for i, (word, at) in reversed(list(enumerate(tokens[:-1]))):
        possessive = word.endswith(("'s", "’s"))
        a_name = any(n.start <= at < n.end for n in named)  # "KPA chief executive"
        first = i == 0 and not upper  # "Assistant general manager Tony DiLeo" opens a sentence
        # "state District Judge Barbara Walther": a jurisdiction in lower case before a title
        level = upper and word in _LEVELS
        if word.lower() in _STOP or (
            word[:1].isupper() != upper and not (possessive or a_name or first or level)
        ):
            break
        if word.lower() == "under" and taken[-1][0].lower() not in HEADS:
            break  # "an inquiry under retired judge X": a preposition, not "Under Secretary"
        taken.append((word, at))
        if possessive or len(taken) == 5:
            break
    taken.reverse()
    span = (taken[0][1], taken[-1][1] + len(head))
    return _role(source, text, m, span, head, "", named)


def _after(source: int, text: str, m: Mention, named: Sequence[Mention]) -> Role | None:
    found = _AFTER.match(text[m.end : m.end + 120])
    if found is None or found.group("head").lower() not in HEADS:
        return None
    span = (m.end + found.start("title"), m.end + found.end())
    return _role(source, text, m, span, found.group("head"), found.group("of") or "", named)


def _role(
    source: int,
    text: str,
    m: Mention,
    span: tuple[int, int],
    head: str,
    of: str,
    named: Sequence[Mention],
) -> Role:
    """The office's words (lower case, without possessives and the names in it) and the bodies
    it names ("KPA chief executive": KPA; "director of the Harlow Water Board")."""
    start, end = span
    inside = [n for n in named if start <= n.start and n.end <= end]
    names = [_whole_name(text, start, end, n.start, n.end) for n in inside]
    bodies = [
        text[a:b] for n, (a, b) in zip(inside, names, strict=True)
        if n.label not in _PLACES and not _not_a_body(text[a:b], head)
    ]  # fmt: skip
    words = set()
    for w in _WORD.finditer(text, start, end):
        in_name = any(a <= w.start() < b for a, b in names)
        if (in_name and w.group().lower() not in RANKS) or w.group().endswith(("'s", "’s")):
            continue
        words.add(w.group().lower().strip("."))
    if any(text[n.start : n.end].replace(".", "").upper() in _FEDERAL for n in inside):
        words.add("federal")  # "U.S. District Judge": a federal office, not a state one
    words -= _STOP | {head.lower()}
    # "a minister of Tessin" is Tessin's office, like "Tessin's"; a body of several words is
    # what the office is of ("director of the Harlow Water Board")
    body = of.strip() if len(_WORD.findall(of)) > 1 else ""
    if body and not any(body in b or b in body for b in bodies):
        bodies.append(body)
    return Role(source, m.entity_key, m.text, head.lower(), frozenset(words),
                " / ".join(bodies), text[start:end].strip(), start, end)  # fmt: skip


def _not_a_body(name: str, head: str) -> bool:
    """A name in a title that is not what the office is of: the title itself tagged as a name
    ("Merrowin Governor"), or the party of an elected office's holder ("Federalist League")."""
    words = name.lower().split()
    if head.lower() in words:
        return True
    return head.lower() in _ELECTED and bool(words) and words[-1] in _PARTY_ENDS


#: a capitalised word, as the tagger may leave one out of a body's name
_CAPITAL = re.compile(r"[A-Z][\w'’-]*\s+$")


def _whole_name(text: str, start: int, end: int, at: int, to: int) -> tuple[int, int]:
    """A name in a title with the capitalised words right before it that the tagger left out
    ("Tessel" of "Tessel Valley Railways" tagged "Valley Railways"), within the title."""
    while (m := _CAPITAL.search(text, start, at)) is not None and m.end() == at:
        at = m.start()
    return at, to


#: Entity labels of places and peoples: whose office it is ("Tessin's", "U.S."), not what of
_PLACES = frozenset({"GPE", "NORP", "LOC"})
#: jurisdictions a report may write in lower case before a capitalised title
_LEVELS = frozenset({"state", "federal", "county", "city", "provincial", "regional", "municipal"})
#: ... but the United States named in an office makes it a federal one
_FEDERAL = frozenset({"US", "UNITED STATES"})


def differ(x: Role, y: Role, same_body: Callable[[str, str], bool]) -> bool:
    """Two offices of one kind that cannot both be the person's: one has a rank the other does
    not, they are of two bodies, or each has a portfolio the other lacks."""
    if x.head != y.head:
        return False
    if (x.words ^ y.words) & RANKS:
        return True
    if x.of and y.of and not _one_body(x.of, y.of, same_body):
        return True
    return bool((x.words - y.words) & PORTFOLIOS) and bool((y.words - x.words) & PORTFOLIOS)


def _one_body(x: str, y: str, same_body: Callable[[str, str], bool]) -> bool:
    return any(same_body(a, b) for a in x.split(" / ") for b in y.split(" / "))


@dataclass(frozen=True)
class RoleDispute:
    """One person given two offices of one kind: per source, the one it states."""

    name: str
    roles: tuple[Role, ...]


def disputes(
    roles: Sequence[Role],
    same_person: Callable[[Role, Role], bool],
    same_body: Callable[[str, str], bool],
) -> list[RoleDispute]:
    """People given offices of one kind that differ by different reports. A report that itself
    gives one person two such offices is not read for that person (two offices held, or two
    people of one name)."""
    by_source: dict[tuple[int, str], list[Role]] = defaultdict(list)
    for r in roles:
        by_source[(r.source, r.key)].append(r)
    clear = [
        r for r in roles
        if not any(differ(r, o, same_body) for o in by_source[(r.source, r.key)])
    ]  # fmt: skip
    out: list[RoleDispute] = []
    for p in people(clear, same_person):
        for head in sorted({r.head for r in p}):
            dispute = _dispute([r for r in p if r.head == head], same_body)
            if dispute is not None:
                out.append(dispute)
    return out


def _dispute(p: list[Role], same_body: Callable[[str, str], bool]) -> RoleDispute | None:
    """The fullest office each source gives, when two sources' differ."""
    one: dict[int, Role] = {}
    for r in sorted(p, key=lambda r: (-len(r.words) - bool(r.of), r.start)):
        one.setdefault(r.source, r)
    chosen = [one[s] for s in sorted(one)]
    if not any(differ(x, y, same_body) for i, x in enumerate(chosen) for y in chosen[i + 1 :]):
        return None
    longest = max(chosen, key=lambda r: len(r.name))
    return RoleDispute(longest.name, tuple(chosen))
