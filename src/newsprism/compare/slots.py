"""Typed contradiction checks between two aligned claims of different sources.

Each check compares one slot of the two claims (date, number, place, actor, entity set, polarity,
attribution) and returns a Finding -- with the value each side gives, where in the text it is, and
how sure the check is -- or None. Quote wording is checked on the quotes themselves (``quotes``).
The checks stay silent when one side simply leaves the slot out: that is an elaboration, not a
contradiction.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.resources import files

from newsprism.compare.tolls import AT_ONE_PLACE
from newsprism.compare.units import (
    CONJUNCT,
    LEXICON,
    LIGHT_VERBS,
    Unit,
    action_class,
    negation_cues,
    slugs,
)
from newsprism.coref import alias_link
from newsprism.extract.quantities import WORD_NUMBERS, number_value
from newsprism.extract.timex import HOUR
from newsprism.extract.types import Quantity, TimeExpr

#: word lists of the checks, kept as data beside the gazetteer
_WORDS = json.loads(files("newsprism").joinpath("data/compare_words.json").read_text("utf-8"))

_LIGHT = frozenset({"be", "have", "do", "make", "take", "get", "come", "go", "say"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: nouns that count people, any of which counts the same people as another
PEOPLE = frozenset(
    [
        "people",
        "persons",
        "residents",
        "migrants",
        "refugees",
        "civilians",
        "inhabitants",
        "villagers",
        "evacuees",
        "citizens",
        "individuals",
        "locals",
        "members",
        "suspects",
        "men",
        "women",
        "protesters",
        "demonstrators",
        "marchers",
        "rioters",
        "youths",
    ]
)


@dataclass(frozen=True)
class Side:
    """What one claim says about the disputed slot and where."""

    unit: Unit
    value: str
    focus: tuple[int, int] | None = None


@dataclass(frozen=True)
class Finding:
    type: str
    confidence: float
    a: Side
    b: Side
    note: str = ""
    update: bool = False
    #: why the two claims tell of one happening (what the check relied on)
    basis: str = ""


# --- dates -------------------------------------------------------------------------------------


def iso_range(value: str) -> tuple[date, date] | None:
    """ISO day, month, year or "start/end" interval -> (first day, last day)."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = iso_range(first), iso_range(last)
        return (a[0], b[1]) if a and b else None
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1)
    if len(parts) == 1 and 1000 <= parts[0] <= 2999:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    return None


_Dated = tuple[str, tuple[date, date] | None, str, tuple[int, int]]


def _dated(u: Unit, bound: str = "") -> list[_Dated]:
    """(granularity, range, label, span) of the claim's times that ``bound`` introduces ("" for
    a plain time, else "until", "since" ...); weekday names when unresolved."""
    out: list[_Dated] = []
    for t in u.times:
        if _bound(u, t) != bound:
            continue
        if t.value and not t.flagged:
            r = iso_range(t.value)
            if r is not None:
                gran = "day" if r[0] == r[1] else t.granularity
                out.append((gran, r, f"{t.text} ({t.value})", (t.start, t.end)))
                if gran == "day" and month_day(t.text) is not None:
                    # also as written, for a report that gives the day without a year
                    out.append(("monthday", r, t.text, (t.start, t.end)))
        elif t.text.lower().strip() in _WEEKDAYS:
            out.append(("weekday", None, t.text, (t.start, t.end)))
        elif t.text.lower().strip() in _MONTHS:
            # a month named without a year or a publication date to read it by
            out.append(("monthname", None, t.text, (t.start, t.end)))
        elif month_day(t.text) is not None:
            # "November 19", "19 Nov." without a year or a publication date to read it by: the
            # day as written, compared with another report's day as written
            out.append(("monthday", None, t.text, (t.start, t.end)))
    return out


_MONTH_DAY = re.compile(
    r"^(?:on\s+)?(?:(?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]{3,9})\.?)(?:,?\s+\d{4})?,?$"
)


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date written as a day of a month ("November 19", "19 Nov.", "November
    19, 2031"), or None."""
    found = _MONTH_DAY.match(" ".join(text.lower().split()))
    if found is None:
        return None
    name = found.group("m1") or found.group("m2")
    month = next((n for n, m in enumerate(_MONTHS, 1) if m.startswith(name) and len(name) >= 3), 0)
    day = int(found.group("d1") or found.group("d2"))
    return (month, day) if month and 1 <= day <= 31 else None


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip


#: "suspended until at least Thursday", "by Friday", "since Monday": a time that bounds a
#: state or sets a deadline, which no time the happening took place at contradicts; a birth
#: date ("born on March 29") is a time of another happening, and so is the time a thing is set
#: for ("has called a special session of the council for Friday")
_BOUND = re.compile(
    r"\b(until|till|through|before|after|since|by|from|born|for)\s+(?:on\s+|in\s+)?"
    r"(?:at\s+least\s+|the\s+end\s+of\s+)?$"
    # ... and a time set for, its hour between: "called a rally for 2 p.m. on Saturday" (not
    # "shortly before 4 a.m. on Saturday", which bounds the hour, not the day)
    rf"|\b(for)\s+{HOUR}\s+on\s+$",
    re.IGNORECASE,
)
#: "every Tuesday", "on the second Tuesday of each month": a habit, not this happening's day
_HABIT = re.compile(r"\b(?:every|each|first|second|third|fourth)\s+(?:on\s+)?$", re.IGNORECASE)
#: "Microsoft typically releases patches on Tuesday": a habit, however far before the day
_USUALLY = re.compile(r"\b(?:typically|usually|normally|regularly|routinely)\b", re.IGNORECASE)


#: "Seacom announced on Twitter today", "said on Monday": the time of the saying, compared only
#: with another saying's, never with the time of what was said
_SAID_AT = re.compile(
    r"\b(?:said|says|announced|announces|told|reported|confirmed|stated|tweeted)"
    r"(?:\s+(?:on|in|via)\s+[A-Z]\w+)?\s+(?:on\s+)?"
    r"(?:(?:today|yesterday)\s*\(\s*)?$"  # "announced on Twitter today (20 October 2011)"
)


#: a day named in the possessive inside an "of" phrase ("the winner of Friday's semifinal")
_OF_END = re.compile(r"\bof\s+$")
_POSSESSIVE = re.compile(r"\s?['’]s\b")


#: a wire story's dateline ("WRENFIELD, Carrowland, March 11 (Kestrel) - "): the day it was
#: filed, not the day of anything it tells
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]+,(?:[^,\n]{1,40},)?\s*[^,\n]{1,20}?\s*(?:\([^)\n]{1,30}\))?\s*[-–—]"
)


def _bound(u: Unit, t: TimeExpr) -> str:
    apart = _told_apart(u, t)
    if apart:
        return apart
    if t.granularity in ("month", "year") and _in_subject(u, t):
        # "the barriers, part of a scheme built in 2014, were never put up": the history of the
        # thing the claim is about (a day there may well date the act: "the final offer, tabled
        # on Friday, was 7 %")
        return "subject"
    at = t.start - u.sentence_start
    before = u.sentence_text[max(at - 30, 0) : max(at, 0)]
    if _HABIT.search(before) or _USUALLY.search(u.sentence_text[: max(at, 0)]):
        return "every"
    if _SAID_AT.search(before):
        return "said"
    after = u.sentence_text[max(at, 0) + len(t.text) :][:3]
    if _OF_END.search(before) and _POSSESSIVE.match(after):
        return "of"  # "the winner of Friday's semifinal": the day of another game
    return _bound_word(_BOUND.search(before))


def _state_after(u: Unit, t: TimeExpr) -> bool:
    """A day in an "after" phrase of a state ("is in a stable condition after five hours of
    surgery in the early hours of Sunday"): it dates what the state came after, not the
    state's own day ("remained in a stable condition on Tuesday")."""
    if u.claim.action not in LIGHT_VERBS or not u.claim.predicate:
        return False
    lead = u.sentence_text[u.claim.predicate[1] - u.sentence_start : t.start - u.sentence_start]
    found = list(_STATE_AFTER.finditer(lead))
    return bool(found) and "," not in lead[found[-1].end() :]


_STATE_AFTER = re.compile(r"\b(?:after|since|following)\b", re.IGNORECASE)


def _told_apart(u: Unit, t: TimeExpr) -> str:
    """A time that dates no act of the claim: a wire's dateline, a speaker's "tonight", what a
    state came after."""
    dateline = _DATELINE.match(u.sentence_text)
    if dateline and t.start - u.sentence_start < dateline.end():
        return "dateline"
    if quoted_deictic(u, t):
        return "quoted"
    if after_another_verb(u, t):
        return "another verb's"
    return "state after" if _state_after(u, t) else ""


def after_another_verb(u: Unit, t: TimeExpr) -> bool:
    """The time follows a second verb joined to the claim's own by "and" ("has ordered an
    independent review ... and is due in Harwick today"): the day of that verb's act."""
    if not u.claim.predicate or t.start < u.claim.predicate[1]:
        return False
    between = u.sentence_text[u.claim.predicate[1] - u.sentence_start : t.start - u.sentence_start]
    return _AND_ANOTHER_VERB.search(between) is not None


#: "and" and a finite auxiliary opening a second verb's clause ("and is due", "and was seen")
_AND_ANOTHER_VERB = re.compile(
    r"\band\s+(?:is|are|was|were|will|would|has|have|had)\b", re.IGNORECASE
)


def _bound_word(found: re.Match[str] | None) -> str:
    if found is None:
        return ""
    if "least" in found.group(0).lower():
        return "at least"  # "stay closed until at least Thursday": a lower bound, not an end
    return (found.group(1) or found.group(2)).lower()


_DEICTIC = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last|next|this|ago|later|earlier)\b")


def quoted_deictic(u: Unit, t: TimeExpr) -> bool:
    """A time told from its speaker's day inside a quotation ('"tonight a whole country can
    breathe again"', '"this morning we let them down"'): its day is the day the words were
    said, which the report's own date does not give, so it dates nothing to compare."""
    if not _DEICTIC.search(t.text.lower()):
        return False
    before = u.sentence_text[: max(t.start - u.sentence_start, 0)]
    straight = before.count('"') % 2 == 1
    return straight or before.count("“") > before.count("”")


def _written(u: Unit) -> set[str]:
    """The claim's times as written, where the words alone fix the day (not "yesterday")."""
    out = set()
    for t in u.times:
        words = " ".join(t.text.lower().split())
        if not _DEICTIC.search(words):
            out.add(words.removeprefix("on ").removeprefix("in "))
    return out


#: Confidence of a date dispute by the granularity both sides give, finest first: the finest
#: granularity both sides share decides. The claims tell one act (check_pair asks ``_same_act``),
#: so a year or a month is as telling as a day: "Blackmore was ejected in 2003" / "Blackmore
#: was ousted in 2002", "In August, the court tossed out the conviction" / "In July, the court
#: overturned it". A week stays low: "this weekend" / "next weekend" is often a plan moved on.
DATE_CONFIDENCE = {"day": 0.85, "monthday": 0.85, "weekday": 0.8, "week": 0.6, "month": 0.8,
                   "monthname": 0.8,
                   "quarter": 0.8, "half": 0.8, "year": 0.8}  # fmt: skip
#: Confidence of a date dispute between times of different granularities that cannot overlap.
DATE_APART = 0.5


def check_date(a: Unit, b: Unit, pub_a: date | None, pub_b: date | None) -> Finding | None:
    if _written(a) & _written(b):
        return None  # both say "on Saturday", "April 6": a tense read differently is no dispute
    if _same_words_dated(a, b):
        return None
    # a plain time against a plain one, a deadline against a deadline ("until Thursday")
    # lower bounds ("until at least Thursday" / "until at least Saturday") never disagree: a
    # later report moves the earliest end on
    for bound in sorted(
        {_bound(a, t) for t in a.times}
        & {_bound(b, t) for t in b.times} - {"at least", "quoted", "another verb's"}
    ):
        found = _check_dated(a, b, (_dated(a, bound), _dated(b, bound)), (pub_a, pub_b))
        if found is not None:
            return found
    return None


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+")
_WORD = re.compile(r"\w+")
_QUOTE_OPEN = re.compile(r"[\"“«]")


def _same_words_dated(a: Unit, b: Unit) -> bool:
    """Both claims give a relative time ("last night") in the same words as each other, the
    words before it included: one text (a quotation, a wire story) taken by both, whose
    "last night" is the night its speaker meant, whenever each report came out."""

    def around(u: Unit) -> set[str]:
        out = set()
        for t in u.times:
            if _DEICTIC.search(t.text.lower()):
                at = t.start - u.sentence_start
                window = u.sentence_text[max(at - 30, 0) : at + len(t.text)]
                # from the start of the quoted sentence that holds it ("... did not come home.
                # Nothing we say today" / "... did not come back. Nothing we say today")
                # ... and without its marks: 'a.m. "Nothing we say today' is the same words
                # ... or of the quotation it opens ('Smith said: "Today is a dark day')
                said = _QUOTE_OPEN.split(_SENTENCE_END.split(window)[-1])[-1]
                words = _WORD.findall(said.lower())
                out.add(" ".join(words))
        return out

    wa, wb = around(a), around(b)
    return bool(wa & wb) or any(_excerpt(x, y) or _excerpt(y, x) for x in wa for y in wb)


def _excerpt(short: str, long: str) -> bool:
    """One quotation's words ending in the time are the end of the other's: "had 'won a vote
    tonight" quotes "The government won a vote tonight"."""
    return len(short.split()) >= EXCERPT_WORDS and long.endswith(" " + short)


#: words an excerpt of a quotation must keep, its time included
EXCERPT_WORDS = 4


def _check_dated(
    a: Unit,
    b: Unit,
    times: tuple[list[_Dated], list[_Dated]],
    pubs: tuple[date | None, date | None],
) -> Finding | None:
    da, db = times
    if not da or not db:
        return None
    for gran in DATE_CONFIDENCE:
        xa = [d for d in da if d[0] == gran]
        xb = [d for d in db if d[0] == gran]
        if xa and xb:
            return _date_dispute(a, b, gran, (xa, xb), pubs)
    # different granularities: a contradiction only when they cannot overlap at all
    ra = [d for d in da if d[1] is not None]
    rb = [d for d in db if d[1] is not None]
    if ra and rb and not any(_overlap(x[1], y[1]) for x in ra for y in rb):
        return Finding("date", DATE_APART, Side(a, ra[0][2], ra[0][3]), Side(b, rb[0][2], rb[0][3]))
    return None


def _date_dispute(
    a: Unit,
    b: Unit,
    gran: str,
    times: tuple[list[_Dated], list[_Dated]],
    pubs: tuple[date | None, date | None],
) -> Finding | None:
    """The dispute between the times of one granularity both claims give (the first of each
    shown), or None when a time of one claim is a time of the other."""
    xa, xb = times
    if _same_time(gran, xa, xb):
        return None
    (_, ra, la, fa), (_, rb, lb, fb) = xa[0], xb[0]
    one_day = gran == "day" and ra is not None and rb is not None and abs((ra[0] - rb[0]).days) == 1
    note = _one_day_note(*pubs) if one_day else ""
    conf = DATE_CONFIDENCE[gran]
    if gran == "day" and _week_apart(xa, xb):
        conf, note = WEEK_APART, _WEEK_NOTE
    return Finding("date", conf, Side(a, la, fa), Side(b, lb, fb), note=note)


#: Confidence of two dates a week apart that the reports write with the same day name.
WEEK_APART = 0.5
_WEEK_NOTE = (
    "Both reports name the same weekday; the dates differ only in which week it was read in "
    "(a bare day name is read against each report's publication date)."
)


def _week_apart(xa: list[_Dated], xb: list[_Dated]) -> bool:
    """Two days exactly a week apart, written with the same day name ("on Friday" / "last
    Friday"): which week a bare day name means is our reading, not the reports'."""
    for _, ra, la, _ in xa:
        for _, rb, lb, _ in xb:
            if ra is None or rb is None or abs((ra[0] - rb[0]).days) != 7:
                continue
            names_a = {d for d in _WEEKDAYS if d in la.lower()}
            if not names_a or not names_a & {d for d in _WEEKDAYS if d in lb.lower()}:
                continue
            # ... unless both write the day of the month too ("Monday, 16 March" / "Monday,
            # March 23"): then the week is the reports' own
            if not (_writes_month_day(la) and _writes_month_day(lb)):
                return True
    return False


def _writes_month_day(label: str) -> bool:
    """Whether a time's label, as the report writes it (without our reading in brackets after
    it), gives a day of a month: "Monday, 16 March (2037-03-16)", "Friday 27 March"."""
    words = label.split(" (", 1)[0].replace(",", " ").split()
    return any(month_day(" ".join(words[i:])) is not None for i in range(len(words)))


def _same_time(gran: str, xa: list[_Dated], xb: list[_Dated]) -> bool:
    """Whether a time of one side is a time of the other: the same day name, or overlapping
    ranges."""
    if gran in ("weekday", "monthname"):
        return bool({x[2].lower() for x in xa} & {x[2].lower() for x in xb})
    if gran == "monthday":
        return bool({month_day(x[2]) for x in xa} & {month_day(x[2]) for x in xb})  # as written
    if gran == "month" and _one_month_name(xa, xb):
        return True
    return any(_overlap(x[1], y[1]) for x in xa for y in xb)


def _one_month_name(xa: list[_Dated], xb: list[_Dated]) -> bool:
    """The same month named on both sides, one without a year ("in August" / "in August last
    year"): which year a bare month name means is our reading, not the report's."""
    for x in xa:
        for y in xb:
            ma, mb = _month_named(x[2]), _month_named(y[2])
            if ma and ma == mb and not (_YEAR_WRITTEN.search(x[2]) and _YEAR_WRITTEN.search(y[2])):
                return True
    return False


#: a year written out ("August 2031"), read in a label's words before its resolved value
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|2[0-9])\d\d\b(?=.*\()")


def _month_named(label: str) -> str:
    words = label.lower().split("(")[0].split()
    return next((w for w in words if w in _MONTHS), "")


def _overlap(x: tuple[date, date] | None, y: tuple[date, date] | None) -> bool:
    return bool(x and y and x[0] <= y[1] and y[0] <= x[1])


def _one_day_note(pub_a: date | None, pub_b: date | None) -> str:
    note = (
        "The dates are one day apart: outlets in different time zones can date the same event "
        "a day apart (a late evening in one is already the next day in another), and a relative "
        "day name is read from each outlet's own publication date"
    )
    if pub_a and pub_b and pub_a != pub_b:
        note += f" ({pub_a.isoformat()} and {pub_b.isoformat()})"
    return note + "."


# --- numbers -----------------------------------------------------------------------------------


def counts_match(x: str, y: str) -> bool:
    """Whether two counted nouns may count one thing ("residents" / "people", "quake" /
    "earthquake"): either unknown, or the same head noun, give or take a plural."""
    if not x or not y:
        return True
    if x == y:
        return True
    if _co(x) != _co(y):
        return False  # "five co-defendants" (the others) / "six defendants" (all of them)
    mx, my = _models(x), _models(y)
    if mx or my:
        # "seven AK-47s" / "12 AK 47 guns" / "seven AK-47 assault rifles": one model, one thing
        return bool(mx & my)
    hx, hy = x.split()[-1], y.split()[-1]
    return (
        hx == hy
        or hx.rstrip("s") == hy.rstrip("s")
        or (hx in PEOPLE and hy in PEOPLE)
        or any(hx in group and hy in group for group in _ONE_THING)
        or (hx.rstrip("s") in _QUAKE and hy.rstrip("s") in _QUAKE)
    )


def _models(counted: str) -> set[str]:
    """The model designations in a counted noun ("ak-47 assault rifles", "ak 47 guns": ak47)."""
    return {a + n for a, n in _MODEL.findall(counted)}


_MODEL = re.compile(r"\b([a-z]{1,8})[- ]?(\d+)[a-z]?s?\b")


def _co(counted: str) -> bool:
    """A count of the others ("co-defendants", "codefendants", "co-accused")."""
    return bool(_CO.search(counted))


_CO = re.compile(r"\bco(?:-|\s)\w|\bco(?:defendant|accused|conspirator|worker|founder|owner)")


#: nouns that count one thing under several names ("11 shots" / "seven bullets", "2,300 jobs
#: will go" / "2,800 workers are set to lose their jobs")
_ONE_THING = tuple(frozenset(group) for group in _WORDS["one_thing"])

#: what a quake's magnitude is written as the count of ("a 4.4 quake", "magnitude 4.6")
_QUAKE = frozenset(_WORDS["quake"])
#: nouns of measures (mass, volume, power...): "4.6 nanograms" is a measure, not an average
MEASURE_NOUNS = frozenset(_WORDS["measure_nouns"])


def figure_bounds(q: Quantity) -> tuple[float, float]:
    """The range a figure as qualified allows ("at least 50": 50 and up)."""
    return _bounds(q.value, q.qualifier, q.text)


def _bounds(value: float, qualifier: str, text: str = "") -> tuple[float, float]:
    if qualifier in ("<", "<="):
        return 0.0, value
    if qualifier in (">", ">="):
        return value, float("inf")
    if qualifier == "~" and _JUST_UNDER.match(text):
        return value * 0.9, value  # "almost 90 %" is under 90, not 93.87
    if qualifier == "~":
        return value * 0.95, value * 1.05
    return value, value


_JUST_UNDER = re.compile(r"\s*(?:almost|nearly|just under)\b", re.IGNORECASE)


def _rounded(qa: Quantity, qb: Quantity, within: float = 0.01) -> bool:
    """One figure is the other rounded ("$22.1 billion" / "$22 billion"): within 1 %."""
    lo, hi = sorted((abs(qa.value), abs(qb.value)))
    return hi > 0 and (hi - lo) / hi <= within


def _significant(value: float) -> int:
    """How many significant digits a figure is written with ("22.1 billion": 3, "2,116": 4)."""
    return len(f"{abs(value):.6f}".replace(".", "").strip("0"))


#: How far apart two lengths in different units may be and still be one length converted
#: and rounded ("about 60 metres (200 feet)": 61 m; "60 km" / "35 miles": 37.3 miles rounded
#: to the nearest five, 6 % off).
CONVERTED = 0.08

#: metres in one of each length unit, by the word a report writes
_METRES = {"m": 1.0, "metre": 1.0, "metres": 1.0, "meter": 1.0, "meters": 1.0,
           "km": 1000.0, "kms": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0,
           "kilometer": 1000.0, "kilometers": 1000.0, "ft": 0.3048, "foot": 0.3048,
           "feet": 0.3048, "yard": 0.9144, "yards": 0.9144, "mile": 1609.344,
           "miles": 1609.344, "mi": 1609.344}  # fmt: skip
#: the words of a length's unit (a value written "1.2 miles", "700 metres")
LENGTH_UNITS = frozenset(_METRES)


def _length_word(q: Quantity) -> str:
    words = (q.unit or q.counts).lower().split()
    return words[-1] if words and words[-1] in _METRES and q.kind == "count" else ""


def in_metres(q: Quantity) -> Quantity:
    """A length as metres (the same quantity object when it is no length)."""
    word = _length_word(q)
    if not word:
        return q
    return replace(q, value=q.value * _METRES[word], unit="", counts="metres")


_SPEC = re.compile(r"\s*(?:for|of)\s+(?:the|a|an)\s+([\w .-]{2,40})", re.IGNORECASE)
_HYPHEN_UNIT = re.compile(r"\s*-\s*\w+\s+[\"“”']?([\w -]{2,40})")


def _after(u: Unit, q: Quantity, n: int = 48) -> str:
    at = q.start - u.sentence_start + len(q.text)
    return u.sentence_text[max(at, 0) : max(at, 0) + n]


def _before(u: Unit, q: Quantity, n: int) -> str:
    """The ``n`` characters of the figure's sentence right before it."""
    at = q.start - u.sentence_start
    return u.sentence_text[max(at - n, 0) : max(at, 0)]


def _content(text: str) -> set[str]:
    return {stem(w.lower()) for w in _QWORD.findall(text)} - _FUNCTION_WORDS


def _specs_differ(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """Each figure is given for a named thing, and not the same one ("for the 13-inch option"
    / "for the 2.3 GHz quad-core model")."""
    ma, mb = _SPEC.match(_after(a, qa)), _SPEC.match(_after(b, qb))
    return bool(ma and mb and not _content(ma.group(1)) & _content(mb.group(1)))


def _sizes_of_other_things(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """Sizes written as adjectives of different things ("11-inch MacBook Air models" /
    "a 15-inch display")."""
    ma, mb = _HYPHEN_UNIT.match(_after(a, qa)), _HYPHEN_UNIT.match(_after(b, qb))
    return bool(ma and mb and not _content(ma.group(1)) & _content(mb.group(1)))


def _honours(u: Unit, q: Quantity) -> bool:
    """ "A four-time all-star", "a five-time champion": a record of honours, a description."""
    at = q.start - u.sentence_start + len(q.text)
    return bool(re.match(r"\s*-?\s*times?\b", u.sentence_text[max(at, 0) : max(at, 0) + 8]))


_RATE = re.compile(r"\s*(?:[a-z]+\s+)?(?:a|per|each|every)\s+(?:year|season|month|week|day|"
                   r"hour|annum|game|match|contest|night|start|outing)\b|"
                   r"\s*(?:annually|a-year|yearly)\b", re.IGNORECASE)  # fmt: skip


def _rate(u: Unit, q: Quantity) -> bool:
    """ "$4 million a year": a rate, which no total contradicts."""
    at = q.start - u.sentence_start + len(q.text)
    return bool(_RATE.match(u.sentence_text[max(at, 0) : max(at, 0) + 32]))


_LABELS = frozenset(_WORDS["labels"])
_INCREMENTS = frozenset(_WORDS["increments"])


def _label(u: Unit, q: Quantity) -> bool:
    """A number that names rather than counts: "Episode 7", "Flight 370", "No. 10"."""
    before = _before(u, q, 14).lower().split()
    return bool(before) and before[-1].rstrip("#:") in _LABELS


_SUPERLATIVE = re.compile(r"\b(?:largest|biggest|highest|lowest|strongest|worst|deadliest|"
                          r"longest|most|fewest|record)\b", re.IGNORECASE)  # fmt: skip
_EVER = re.compile(r"\b(?:ever|on record|in history|all-time|previous)\b", re.IGNORECASE)


# a stretch needs its time word: "one of 99 alleged members" is a total, not a window
_WINDOW_BEFORE = re.compile(
    r"(?:\b(?:first|last|next|past|previous|final)\s+|\ball\s+but\s+"
    r"|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:in|of)\s+)$",
    re.IGNORECASE,
)
_MARGIN_AFTER = re.compile(
    r"^\s*(?:games?|points?|matches|runs|goals|seats|votes|strokes|shots|places|spots)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:below|above|behind|ahead|back|clear|short|out\s+of)\b"
)


def _window(u: Unit, q: Quantity) -> bool:
    """A figure that frames or measures against others rather than counting the thing: the
    whole of a share ("18 of their next 23 games"), a stretch ("eight losses in their last 10
    games", "the first two games"), an exception ("all but eight games") or a margin ("12
    games below .500")."""
    before = _before(u, q, 28)
    if _WINDOW_BEFORE.search(before) and q.text[:1] not in ("$", "€", "£"):
        return True
    after = _after(u, q, 48)
    return bool(_MARGIN_AFTER.match(after) or _STREAK.match(after))


#: a run or a career rather than this event's count ("six straight games", "113 career games",
#: "four wins in a row")
_STREAK = re.compile(
    r"^\s*(?:straight|consecutive|career)\b|^\s*[\w-]+\s+in\s+a\s+row\b", re.IGNORECASE
)


def _owner(u: Unit, q: Quantity) -> str:
    """The surname of the person named last before the figure in its sentence, not counting
    who is quoted saying it ("Buckley, who ..., fell 600m": buckley)."""
    at = q.start - u.sentence_start
    low = u.sentence_text.lower()
    best = (-1, "")
    for key in u.sentence_keys:
        if not key.startswith("person:") or key in u.speakers:
            continue
        surname = _surname(key)
        pos = low.rfind(surname, max(at - OWNER_REACH, 0), max(at, 0)) if len(surname) > 2 else -1
        if pos > best[0]:
            best = (pos, surname)
    if best[1]:
        return best[1]
    # no name just before it: the figure is its claim's one named doer's ("Artino, whose role
    # has grown ... during the season, had 14 points and six rebounds": artino) -- or, for a
    # claim that names none ("..., adding six rebounds"), the person its sentence opens with
    people = [k for k in u.actors if k.startswith("person:") and k not in u.speakers]
    if people:
        return _surname(people[0]) if len(people) == 1 else ""
    return _opening_person(u, low[: max(at, 0)])


def _surname(key: str) -> str:
    """The last word of a person key's name ("person:will_artino": artino)."""
    return key.split(":", 1)[1].split("_")[-1]


def _opening_person(u: Unit, before: str) -> str:
    """The surname of the person named first in the sentence, within its first words."""
    first = (len(before), "")
    for key in u.sentence_keys:
        if key.startswith("person:") and key not in u.speakers:
            surname = _surname(key)
            pos = before.find(surname) if len(surname) > 2 else -1
            if 0 <= pos < min(first[0], OPENING_REACH):
                first = (pos, surname)
    return first[1]


#: How far into its sentence (in characters) the person a sentence opens with is named
OPENING_REACH = 30


#: How far before a figure (in characters) the name of the person it belongs to may stand.
OWNER_REACH = 60


def _owners_differ(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """Each figure belongs to a person the other claim's sentence never names."""
    oa, ob = _owner(a, qa), _owner(b, qb)
    return bool(oa and ob and oa != ob) and (
        oa not in b.sentence_text.lower() and ob not in a.sentence_text.lower()
    )


def _record(u: Unit, q: Quantity) -> bool:
    """A figure for a record ("the largest quake ever recorded there was 4.5"), which is the
    figure of another happening than the one reported."""
    before = u.sentence_text[: max(q.start - u.sentence_start, 0)]
    return bool(_SUPERLATIVE.search(before) and _EVER.search(before))


def _increment(u: Unit, q: Quantity) -> bool:
    """A number of more of something ("two additional life sentences", "another 300 troops",
    "four more appliances"), or of the rest of a group ("the other three men who died"): a
    part, which no total contradicts."""
    before = _before(u, q, 12).lower().split()
    after = _after(u, q, 24).lower().replace("-", " ").split()
    more = ("another", "further", "additional", "extra", "other")
    return bool(before and before[-1] in more) or bool(after and after[0] in _INCREMENTS)


def fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,g}"


def check_number(a: Unit, b: Unit, pub_a: str | None, pub_b: str | None,
                 score: float = 1.0) -> Finding | None:  # fmt: skip
    """Two figures of one thing that cannot both be right: the first pair of the claims'
    figures that no rule of ``_NOT_ONE_FIGURE`` sets apart."""
    # a number the other side also gives is accounted for: "4 people ... 120 residents" against
    # "4 people ... 120 residents" pairs 4 with 4, never 4 with 120 -- and so is a number the
    # other claim's sentence gives in another clause ("Four people, who ..., were treated")
    qas = [q for q in a.quantities if not _accounted(q, b, a)]
    qbs = [q for q in b.quantities if not _accounted(q, a, b)]
    for shown_a in qas:
        for shown_b in qbs:
            # lengths in any unit are compared in metres ("fell 2,000 feet" / "fell 700 m")
            f = _Figures(a, b, shown_a, shown_b, in_metres(shown_a), in_metres(shown_b), score)
            if _one_unnamed_age(f) or _why_not_disputed(f) is None:
                return _number_dispute(f, pub_a, pub_b)
    return None


def figures_disputed(a: Unit, qa: Quantity, b: Unit, qb: Quantity, score: float) -> bool:
    """Whether no rule of ``_NOT_ONE_FIGURE`` sets two claims' figures apart."""
    f = _Figures(a, b, qa, qb, in_metres(qa), in_metres(qb), score)
    return _why_not_disputed(f) is None and not _dated_apart(a, b)


def _one_unnamed_age(f: _Figures) -> bool:
    """Two ages of one unnamed person in claims that tell the same ("assaulting the 11-year-old
    girl" / "assaulting a 12-year-old girl"): an age told two ways. Named people's ages are
    read beside their names (compare/ages.py)."""
    if f.score < UNNAMED_AGE_MATCH or not 0 < abs(f.qa.value - f.qb.value) <= UNNAMED_AGES_APART:
        return False  # further apart, more likely two people ("a 15-year-old girl", another)
    wa, wb = _aged(f.a, f.qa), _aged(f.b, f.qb)
    return bool(wa) and wa == wb


#: How well two claims must match for two ages of one unnamed person in them to be disputed,
#: and how far apart the ages may be
UNNAMED_AGE_MATCH = 0.75
UNNAMED_AGES_APART = 2
_AGED = re.compile(r"^\s*-?\s*years?\s*-?\s*old\s+([a-z]+)", re.IGNORECASE)


def _aged(u: Unit, q: Quantity) -> str:
    """The noun a "12-year-old" describes ("girl"), or ""."""
    if "old" in q.text.lower():  # "11-year-old" read whole
        m = re.match(r"\s*([a-z]+)", _after(u, q, 30))
    else:
        m = _AGED.match(_after(u, q, 30))
    return m.group(1).lower() if m else ""


@dataclass(frozen=True)
class _Figures:
    """A figure of each of two claims, as written (``shown_*``) and as compared (``q*``:
    lengths in metres), with how closely the claims match."""

    a: Unit
    b: Unit
    shown_a: Quantity
    shown_b: Quantity
    qa: Quantity
    qb: Quantity
    score: float


def _why_not_disputed(f: _Figures) -> str | None:
    """Why two figures are no dispute (the reason of the first rule that says so), or None."""
    for rule in _NOT_ONE_FIGURE:
        reason = rule(f)
        if reason is not None:
            return reason
    return None


def _number_dispute(f: _Figures, pub_a: str | None, pub_b: str | None) -> Finding:
    qa, qb = f.qa, f.qb
    conf = 0.9 if not (qa.qualifier or qb.qualifier) else 0.75
    note, update = _update_note(qa.value, qb.value, pub_a, pub_b, qa.kind)
    if update and _a_measure(f.shown_a, f.shown_b):
        note, update = "", False  # a depth or a magnitude is measured once, not counted up
    if _found_since(f, pub_a, pub_b):
        note, update = MISSING_NOTE, True
    if f.score < POSSESSED_MATCH and (_possessed(f.a, f.shown_a) or _possessed(f.b, f.shown_b)):
        conf, note = min(conf, UNSURE), note or POSSESSED_NOTE
    if _a_part(f.a, f.shown_a, qb.value) or _a_part(f.b, f.shown_b, qa.value):
        conf, note = min(conf, UNSURE), note or PART_NOTE
    if _subgroup(f.a, f.shown_a) != _subgroup(f.b, f.shown_b):
        # "12 Somali and 11 Yemeni pirates" / "eight pirates": a group's part against a count
        # of the whole, or of another part
        conf, note = min(conf, UNSURE), note or SUBGROUP_NOTE
    sa, sb = f.shown_a, f.shown_b
    return Finding(
        "number",
        conf,
        figure_side(f.a, sa),
        figure_side(f.b, sb),
        note=note,
        update=update,
    )


def figure_side(u: Unit, q: Quantity) -> Side:
    """A claim's side of a number dispute: its figure, shown with what it counts."""
    return Side(u, f"{fmt(q.value)} {q.unit or q.counts}".strip(), (q.start, q.end))


def _a_measure(*qs: Quantity) -> bool:
    """A length or a magnitude ("11 km" deep, "a 6.4 quake"): a measure, which a later report
    does not update the way a toll grows."""
    return any(_length_word(q) or _magnitude(q) for q in qs)


def _found_since(f: _Figures, pub_a: str | None, pub_b: str | None) -> bool:
    """Fewer missing in the later report: people missing are found as time passes."""
    for u, q in ((f.a, f.shown_a), (f.b, f.shown_b)):
        # missing, said near the figure or later in its sentence ("11 fishermen from the village
        # of Tarnhaven are still missing"), and no other fate near it
        if _fate(u, q) not in _MAYBE_MISSING or "missing" not in _after(u, q, 200).lower():
            return False
    order = publication_order(pub_a, pub_b)
    return (order > 0 and f.qb.value < f.qa.value) or (order < 0 and f.qa.value < f.qb.value)


#: fates read near a figure of people still missing ("11 fishermen from the village of ...")
_MAYBE_MISSING = ("", "missing", "living")
MISSING_NOTE = (
    "Fewer are missing in the later report; people missing are found as time passes, so it is "
    "most likely an update rather than a disagreement."
)


def _possessed(u: Unit, q: Quantity) -> bool:
    """A figure that belongs to a thing the claim names only by a pronoun ("None of its 87
    passengers was hurt")."""
    return bool(_POSSESSED.search(_before(u, q, 16)))


#: "its 87", "their nine": a figure owned by a thing named elsewhere
_POSSESSED = re.compile(r"\b(?:its|their)\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
#: Below this match, a figure owned by "its" or "their" may be another thing's: the express's
#: "212 passengers" / the freight train's "its 87 passengers", an airliner's "its 246
#: passengers" / a cruise ship's "some 420 passengers" (on the development gold and the fiction,
#: 0 of 2 such high findings were right; those of claims matching better, 2 of 2).
POSSESSED_MATCH = 0.6
POSSESSED_NOTE = (
    "One figure belongs to something its claim names only as 'its' or 'their', and the claims "
    "barely match; they may count two different things."
)


def _a_part(u: Unit, q: Quantity, whole: float) -> bool:
    """A figure its own sentence makes part of the other side's: others counted besides it that
    make up the difference ("Two employees ... were killed, along with a contractor's
    technician" against three dead), or a share paid towards a sum ("420 million velds towards
    a drought fund")."""
    after = _after(u, q, PART_REACH)
    if _TOWARDS.match(after):
        return True
    besides = _BESIDES.search(after)
    if besides is None:
        return False
    word = besides.group(1).lower()
    try:
        more = 1.0 if word in ("a", "an") else number_value(word)
    except (ValueError, KeyError):
        return False  # "along with grapnels": things, not a count
    return q.value + more == whole


def _subgroup(u: Unit, q: Quantity) -> str:
    """The capitalised word that sets a counted group apart, between the figure and its noun
    ("11 Yemeni pirates", "two British soldiers"), or ""."""
    if not q.counts:
        return ""
    m = _SUBGROUP.match(_after(u, q, 40))
    return m.group(1) if m and m.group(2).lower() == q.counts.split()[0] else ""


_SUBGROUP = re.compile(r"\s+([A-Z][a-z]+)\s+([a-z]+)")
SUBGROUP_NOTE = (
    'One figure counts a group set apart by a name ("11 Yemeni pirates"), the other does '
    "not: it may be a part of the other's count."
)


#: characters after a figure read for others counted besides it
PART_REACH = 120
_BESIDES = re.compile(
    r"\b(?:along with|as well as|in addition to|together with)\s+([\w,]+)", re.IGNORECASE
)
#: the figure's own words (up to three) and then "towards": a share of a larger sum
_TOWARDS = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?towards?\b", re.IGNORECASE)
PART_NOTE = (
    "One figure is given as part of the other (others counted besides it make up the "
    "difference, or it is a share paid towards a total); they may both be right."
)


# --- the rules that set two figures apart, each a reason or None, tried in order ---------------


def _one_length_converted(f: _Figures) -> str | None:
    converted = f.qa is not f.shown_a and f.qb is not f.shown_b
    other_units = _length_word(f.shown_a) != _length_word(f.shown_b)
    if converted and other_units and _rounded(f.qa, f.qb, CONVERTED):
        return 'one length, converted and rounded ("about 60 metres" / "200 feet")'
    return None


def _vague_or_other_units(f: _Figures) -> str | None:
    qa, qb = f.qa, f.qb
    if qa.approximate or qb.approximate or qa.kind != qb.kind or qa.unit != qb.unit:
        return "a vague figure, or figures of other kinds or units"
    return None


def _other_things_counted(f: _Figures) -> str | None:
    if not counts_match(f.qa.counts, f.qb.counts):
        return "they count different things"
    return None


def _other_quantities(f: _Figures) -> str | None:
    if not same_quantity(f.a, f.b, f.qa, f.qb, f.score):
        return "two quantities, not one disputed (a 25 % tariff and a 30 % share)"
    return None


def _other_distances(f: _Figures) -> str | None:
    if _distance(f.qa) and not _same_length(f.a, f.qa, f.b, f.qb):
        return 'distances of other things ("6 miles west of Cobb" / "20 miles north of ...")'
    return None


def _no_single_figure(f: _Figures) -> str | None:
    a, qa, b, qb = f.a, f.qa, f.b, f.qb
    if _converted(a, qa) or _converted(b, qb) or _ranged(a, qa) or _ranged(b, qb):
        return 'a conversion or a range ("58km (36 miles)", "from 3.6 to 4.3")'
    return None


def _single_or_aftershock(f: _Figures) -> str | None:
    if _a_single(f.qa) or _a_single(f.qb):
        return '"a single" one, not a count ("there was even one round")'
    if _aftershock(f.a, f.qa) != _aftershock(f.b, f.qb):
        return "an aftershock's magnitude is another quake's"
    return None


def _two_quakes(f: _Figures) -> str | None:
    if _magnitude(f.qa) and _magnitude(f.qb) and abs(f.qa.value - f.qb.value) >= QUAKES_APART:
        return "magnitudes a whole point or more apart are two quakes (a 6.4 and a 3.8)"
    return None


#: Magnitudes of one quake as different agencies first read it differ by a few tenths.
QUAKES_APART = 1.0


def _magnitude(q: Quantity) -> bool:
    words = q.counts.lower().split()
    return bool(words) and (words[-1].rstrip("s") in _QUAKE or "magnitude" in words)


def _counts_of_other_kinds(f: _Figures) -> str | None:
    qa, qb = f.qa, f.qb
    if _far_apart(qa, qb) or _figure_kinds_differ(qa, qb) or _fates_differ(f.a, qa, f.b, qb):
        return 'two counts of different things ("2,000 homeless" / "200,000 residents")'
    return None


def _bare_count(f: _Figures) -> str | None:
    qa, qb = f.qa, f.qb
    if one_digit_apart(qa, qb) and _one_holder(f):
        return None  # "Buford (2,116)" / "Rodney Buford's scoring record of 2,106"
    if qa.kind == "count" and not qa.unit and not (qa.counts and qb.counts):
        return "a bare number: nothing says it counts the same thing as the other"
    return None


def _one_holder(f: _Figures) -> bool:
    """Both figures are one named holder's: by the name before each, or by the claims' one
    named doer ("Osten, who scored 19 points, now has 2,116" / "Osten now has 2,106")."""
    owner = _owner(f.a, f.shown_a)
    if owner and owner == _owner(f.b, f.shown_b):
        return True
    xa, xb = slugs(_head_actors(f.a)), slugs(_head_actors(f.b))
    return len(xa) == 1 and xa == xb


def _age_or_year(f: _Figures) -> str | None:
    if is_age(f.a, f.qa) or is_age(f.b, f.qb):
        return 'an age ("the 40-year-old") describes someone, it counts nothing'
    if is_year(f.qa) or is_year(f.qb):
        return 'a year ("the 2014 Oscars") names an edition, it counts nothing'
    return None


def _compatible(f: _Figures) -> str | None:
    qa, qb = f.qa, f.qb
    lo_a, hi_a = _bounds(qa.value, qa.qualifier, qa.text)
    lo_b, hi_b = _bounds(qb.value, qb.qualifier, qb.text)
    # two figures as precise as each other ("2,116" / "2,106") are not one the other rounded
    rounded = _rounded(qa, qb) and _significant(qa.value) != _significant(qb.value)
    if (lo_a <= hi_b and lo_b <= hi_a) or rounded:
        return 'compatible figures ("about 3,000" / "3,012", "$22.1 billion" / "$22 billion")'
    return None


def _of_other_things(f: _Figures) -> str | None:
    a, qa, b, qb = f.a, f.qa, f.b, f.qb
    if _specs_differ(a, qa, b, qb) or _sizes_of_other_things(a, qa, b, qb):
        return 'figures of named other things ("$1,199 for the 13-inch" / "... quad-core")'
    return None


def _honours_or_rate(f: _Figures) -> str | None:
    if _honours(f.a, f.qa) or _honours(f.b, f.qb):
        return 'a record of honours ("a four-time all-star")'
    if _rate(f.a, f.qa) != _rate(f.b, f.qb):
        return 'a rate against a total ("$4 million a year" / "$70 million")'
    return None


def _label_or_increment(f: _Figures) -> str | None:
    if _label(f.a, f.qa) or _label(f.b, f.qb):
        return 'a number that names ("Episode 7")'
    if _increment(f.a, f.qa) != _increment(f.b, f.qb):
        return 'an increment against a total ("two additional life sentences" / "three")'
    return None


def _record_against_this(f: _Figures) -> str | None:
    if _record(f.a, f.qa) != _record(f.b, f.qb):
        return 'a record ("the largest quake ever recorded there was 4.5") against this one'
    return None


def _two_readings(f: _Figures) -> str | None:
    """Two temperatures in claims that match loosely: readings of two places or hours ("the day
    room already read 36C" / "the flat is 33 degrees at midnight"), unless one is the other
    misread ("41.4" / "44.1 degrees")."""
    if not ({f.qa.counts, f.qb.counts} <= TEMPERATURE_NOUNS) or f.score >= READINGS_MATCH:
        return None
    if digits_swapped(f.qa, f.qb) or one_digit_apart(f.qa, f.qb):
        return None
    return "two temperature readings (of two places or hours)"


#: what a temperature counts, as extraction writes it ("44.1C", "41.4 degrees", "104F")
TEMPERATURE_NOUNS = frozenset({"degrees", "fahrenheit"})
#: How well two claims must match for two temperatures in them to be one reading told two ways
READINGS_MATCH = 0.7


def _forecast_against_count(f: _Figures) -> str | None:
    if _forecast(f.a, f.qa) != _forecast(f.b, f.qb):
        return 'a forecast against a count ("expects about 4,180 operations" / "2,140 cancelled")'
    return None


#: a verb of forecasting right before a figure: what is expected, not what was counted
_FORECAST = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|forecasts?|forecasting|predict(?:s|ed|ing)?|"
    r"project(?:s|ed|ing)|anticipat(?:es|ed|ing))\b(?:\s+(?:\w+\s+){0,3}?)?\s*$",
    re.IGNORECASE,
)


def _forecast(u: Unit, q: Quantity) -> bool:
    """A figure told as expected ("It expects about 4,180 operations ... to be cancelled")."""
    return _FORECAST.search(_before(u, q, 40)) is not None


def _windows(f: _Figures) -> str | None:
    if _window(f.a, f.qa) or _window(f.b, f.qb):
        return 'a frame or margin, no total ("18 of their next 23 games", "12 games below .500")'
    return None


def _limit_against_reading(f: _Figures) -> str | None:
    if _limit(f.a, f.qa) != _limit(f.b, f.qb):
        return 'a limit against a reading ("a 40 km/h limit" / "travelling at 71 km/h")'
    return None


#: words that make a figure a bound set on the thing rather than its measure
_LIMIT = re.compile(
    r"\b(?:limits?|limited|restrict(?:ed|ion)|maximum|max|cap(?:ped)?|ceiling|allowed|permitted)\b",
    re.IGNORECASE,
)


def _limit(u: Unit, q: Quantity) -> bool:
    """A figure set as a bound ("the limit was just 40 km/h", "a 40 km/h limit", "capped at
    $5m"), not a measured or reported amount."""
    before = _before(u, q, 24).split()[-4:]
    after = _after(u, q, 24).split()[:2]
    return bool(_LIMIT.search(" ".join(before + after)))


def _total_against_part(f: _Figures) -> str | None:
    if _total(f.a, f.qa) != _total(f.b, f.qb):
        return 'a total against a part ("a combined 157 games" / "54 games with the Angels")'
    return None


#: a figure said to be a total: of several parts, or of a whole period ("a combined 157
#: games", "overall, 33 homers", "finished the season with", "in all"), or of two merged
#: firms ("the merged group", "between them")
_TOTAL = re.compile(
    r"\b(?:combined|overall|in all|in total|altogether|together|a total of|all told|on the season|"
    r"for the season|finished the season|season total|between them|merged group|enlarged group)\b",
    re.IGNORECASE,
)


#: ... or right before the figure: "would create a grocer with more than 1,150 stores"
_MERGED = re.compile(
    r"\bcreat\w* an? (?:[\w-]+ ){0,2}with (?:more than |about |nearly |almost |over )?$",
    re.IGNORECASE,
)


def _total(u: Unit, q: Quantity) -> bool:
    near = _before(u, q, 90) + " " + _after(u, q, 24)
    right_before = _before(u, q, 60)
    return bool(_TOTAL.search(near) or _MERGED.search(right_before))


def _part_of_toll(f: _Figures) -> str | None:
    """The dead at one place against the whole toll ("Four people died at the scene, and a
    34-year-old man died in hospital" / "Five people were killed"): a part told beside the
    whole."""
    if _toll_part(f.a, f.shown_a) != _toll_part(f.b, f.shown_b):
        return 'the dead at one place ("died at the scene") against the whole toll'
    return None


#: a death count said of one place or moment, right after the figure ("people died at the
#: scene", "were pronounced dead on arrival")
_TOLL_PART = re.compile(
    rf"^\s*(?:[\w-]+\s+){{0,3}}?(?:died|killed|dead|pronounced\s+dead)\s+{AT_ONE_PLACE}",
    re.IGNORECASE,
)


def _toll_part(u: Unit, q: Quantity) -> bool:
    return bool(_TOLL_PART.match(_after(u, q, 60)))


def _other_collectors(f: _Figures) -> str | None:
    """Counts each side credits to its own body ("the 25 economists polled by Orrery" / "the
    15 economists surveyed by Counting House"): two polls, two counts."""
    ba, bb = _collector(f.a, f.shown_a), _collector(f.b, f.shown_b)
    if ba and bb and not ba & bb:
        return "counts made by two bodies"
    return None


_BY_NAME = re.compile(
    r"^[^.;:]{0,30}?\b[a-z]+(?:ed|en)\s+by\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def _collector(u: Unit, q: Quantity) -> frozenset[str]:
    found = _BY_NAME.match(_after(u, q, 60))
    return frozenset(found.group(1).lower().split()) - _FUNCTION_WORDS if found else frozenset()


def _at_other_sites(f: _Figures) -> str | None:
    """A figure read at a named site against one whose claim is placed elsewhere and never
    names that site ("crested at 5.82 metres at Harlow Bridge" / "the gauge at Millrace Weir,
    on the edge of the Lower Town, recorded 4.16 metres"): two readings at two points."""
    if not _a_measure(f.shown_a, f.shown_b):
        return None  # a count of things may list its sites ("four hospitals: Merrow General")
    for u, other in ((f.a, f.b), (f.b, f.a)):
        mine = slugs(site_keys(u))
        if mine and other.places and not mine & slugs(other.sentence_keys | set(other.places)):
            return "figures read at two places"
    return None


def _of_other_places(f: _Figures) -> str | None:
    """Figures of one thing in two places, each named in its claim's subject ("Rents in Mardel
    rose 11.4 percent" / "Rents in Hexley rose 9.8 per cent"), neither sentence naming the
    other's place."""
    pa, pb = _subject_place(f.a), _subject_place(f.b)
    if not pa or not pb or pa == pb:
        return None
    if pa in f.b.sentence_text or pb in f.a.sentence_text:
        return None
    return 'figures of one thing in two places ("rents in Mardel" / "rents in Hexley")'


#: a place named inside a subject: "Rents in Mardel", "unemployment in the Hexley region"
_SUBJECT_PLACE = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)


def _subject_place(u: Unit) -> str:
    found = _SUBJECT_PLACE.search(u.claim.subject_text)
    return found.group(1) if found else ""


def _other_owners(f: _Figures) -> str | None:
    if _owners_differ(f.a, f.qa, f.b, f.qb):
        return 'figures of two people ("Rait fell 150 m" / "Buckley fell 700 m")'
    return None


def _other_wholes(f: _Figures) -> str | None:
    if f.qa.kind != "percent" or f.qb.kind != "percent":
        return None
    (ra, wa), (rb, wb) = _whole(f.a, f.shown_a), _whole(f.b, f.shown_b)
    if ra and rb and ra != rb:
        return 'a rate on a thing against a share of another ("25 % on steel" / "22 % of imports")'
    if ra == rb == "of" and wa - wb and wb - wa:
        return 'shares of two wholes ("22 % of its farm imports" / "38 % of its steel imports")'
    if _change(f.a, f.shown_a) != _change(f.b, f.shown_b):
        return 'a change against a level ("a premium of 38 %" / "21.3 % of the market")'
    return None


#: the words before a percentage that make it a change or a margin, not a share of something
_CHANGE = re.compile(
    r"\b(?:premium|rise|increase|fall|drop|decline|jump|gain|growth|discount|cut|hike|rose|"
    r"fell|jumped|dropped|climbed|slid|soared|sank|gained)\s+(?:of\s+|by\s+)?"
    r"(?:about\s+|nearly\s+|almost\s+|some\s+|around\s+|roughly\s+|more\s+than\s+|"
    r"as\s+much\s+as\s+|up\s+to\s+|as\s+little\s+as\s+)?$",
    re.IGNORECASE,
)


def _change(u: Unit, q: Quantity) -> bool:
    return bool(_CHANGE.search(_before(u, q, 40)))


#: "22 % of its farm imports", "a tariff of 25 % on steel": the preposition after a percentage
#: and the phrase it governs, up to a clause boundary
_WHOLE = re.compile(r"^\s*(of|on)\s+((?:[\w'’-]+\s*){1,6})", re.IGNORECASE)
_WHOLE_END = frozenset(_WORDS["whole_ends"])


def _whole(u: Unit, q: Quantity) -> tuple[str, frozenset[str]]:
    """What a percentage is of ("of", its common words) or on ("on", ...), else ("", {}).
    Names are left out of the words: "of Orlen's imports" and "of the country's imports" may
    be one whole under two names; "farm" and "steel" are two."""
    m = _WHOLE.match(_after(u, q, 60))
    if m is None:
        return "", frozenset()
    words: list[str] = []
    for w in m.group(2).split():
        if w.lower() in _WHOLE_END:
            break
        words.append(w)
    common = {w for w in words if not w[:1].isupper()}
    # "55 % of voice traffic in Saudi Arabia" / "100 % of traffic ... in the Maldives": the
    # place a share is of belongs to its whole
    rest = _after(u, q, 90)[m.end() :] if len(words) == len(m.group(2).split()) else ""
    place = _IN_PLACE.match(rest) or _IN_PLACE.search(m.group(2))
    where = {"@" + place.group(1).lower()} if place else set()
    return m.group(1).lower(), frozenset(_content(" ".join(common)) | where)


_IN_PLACE = re.compile(r"\s*\bin\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")


def _averages(f: _Figures) -> str | None:
    if _average(f.a, f.qa) != _average(f.b, f.qb):
        return 'an average against a count ("averaged 22.8 points" / "had 24 points")'
    return None


_AVERAGED = re.compile(r"\baverag(?:ed|es|ing|e of)\s+(?:an?\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _average(u: Unit, q: Quantity) -> bool:
    """A figure that is an average: written as one ("averaged a team-high 22.8 points"), or a
    count of whole things with a fraction ("8.6 rebounds" -- no one grabs six tenths of one;
    lengths, magnitudes and money are measures, not counts)."""
    if _AVERAGED.search(_before(u, q, 40)):
        return True
    noun = (q.counts.split() or [""])[-1].lower()
    measure = bool(q.unit) or noun in _METRES or noun in MEASURE_NOUNS
    measure = measure or noun.rstrip("s") in _QUAKE
    return q.kind == "count" and bool(noun) and not measure and q.value != int(q.value)


def _differences(f: _Figures) -> str | None:
    if _difference(f.a, f.shown_a) != _difference(f.b, f.shown_b):
        return 'a difference against another figure ("five rounds sooner than" / "11 rounds")'
    return None


#: a comparative right after a figure (and what it counts) makes it a difference
_COMPARATIVE = re.compile(
    r"^\s*(?:%|per\s?cent|percent)?\s*(?:[a-z-]+\s+)?"
    r"(more|less|fewer|sooner|later|earlier|longer|shorter|higher|lower|faster|slower|"
    r"bigger|smaller|larger|cheaper|dearer|older|younger)\b",
    re.IGNORECASE,
)


def _difference(u: Unit, q: Quantity) -> str:
    """The comparative a figure tells a difference by ("finished five rounds sooner than",
    "holds 40 percent more energy": "sooner", "more"), or "" for a figure of the thing itself.
    Two differences by the same comparative are one measure ("40 / 30 percent more energy");
    "more" against "less", or a difference against a total, are two."""
    m = _COMPARATIVE.match(_after(u, q, 40))
    return m.group(1).lower() if m else ""


#: The rules that set two figures apart, tried in this order (a rule may take for granted what
#: the ones before it have checked: one kind, one unit, one counted thing): two figures are a
#: dispute only when none of them gives a reason.
def _kind_against_count(f: _Figures) -> str | None:
    if (
        f.qa.kind == "count"
        and not f.qa.unit
        and _names_a_kind(f.a, f.qa) != _names_a_kind(f.b, f.qb)
    ):
        return 'a figure that names a kind ("a 3-point shot") against a count ("two shots")'
    return None


#: a figure joined to the next word by a hyphen: "a 3-point shot", "the 13 - inch model"
_COMPOUND = re.compile(r"^\s*-\s*[a-z]+\b(?!\s*-\s*old)")


def _names_a_kind(u: Unit, q: Quantity) -> bool:
    m = _COMPOUND.match(_after(u, q, 20))
    # a measure joined by a hyphen is still the measure ("a 6.1-magnitude quake", "a 60-metre
    # fall"), not a kind of thing
    return m is not None and m.group().strip(" -") not in _MEASURES


_MEASURES = frozenset(["magnitude", "inch", "inches", *_METRES])


def _kinds_of_one_thing(f: _Figures) -> str | None:
    """One figure counts a kind of the thing ("four counts of bribe receiving"), the other all
    of it or another kind ("nine counts"): a part against the whole, or two parts."""
    ka, kb = _kind_counted(f.a, f.shown_a), _kind_counted(f.b, f.shown_b)
    if ka != kb and not (ka and kb and _one_kind(ka, kb)):
        return 'a kind of a thing against all of it ("four counts of bribery" / "nine counts")'
    return None


def _one_kind(ka: str, kb: str) -> bool:
    """Two "of" phrases naming one kind: one holds the other, or the other's last word, its
    noun ("of thick black crude" / "of crude oil")."""
    wa, wb = ka.split(), kb.split()
    return ka in kb or kb in ka or wa[-1] in wb or wb[-1] in wa


def _kind_counted(u: Unit, q: Quantity) -> str:
    """The kind an "of" phrase right after the counted noun names ("counts of bribe receiving":
    bribe receiving), or ""."""
    if not q.counts:
        return ""
    noun = re.escape(q.counts.split()[-1])
    after = _after(u, q, 60)
    m = re.match(rf"^\s*(?:[\w-]+\s+){{0,2}}?{noun}\s+of\s+(?!{_NOT_A_KIND})({_KIND_WORDS})",
                 after, re.IGNORECASE)  # fmt: skip
    if not m:
        return ""
    # the kind's words up to the first that ends its noun phrase ("of crude into the sea")
    words = m.group(1).lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _KIND_ENDS), len(words))
    words = words[:cut]
    owner = _OWNED_NOUN.match(after[m.end(1) :]) if cut == len(m.group(1).split()) else None
    if owner:
        words.append(owner.group(1).lower())  # "of taxpayers' cash": cash
    if words[-1] in _THE_SUM_ITSELF:
        return ""  # "13.7 million merks of public money": the sum, not a kind of it
    return " ".join(words)


#: the noun a possessive leads to ("taxpayers' cash")
_OWNED_NOUN = re.compile(r"^['’]s?\s+([a-z]+)")
#: what an "of" phrase after a sum names when it names the sum itself
_THE_SUM_ITSELF = frozenset(["money", "cash", "funds", "funding"])


#: up to three words of an "of" phrase ("of thick black crude")
_KIND_WORDS = r"[a-z]+(?:\s+[a-z]+){0,2}"
#: words that end the kind's noun phrase
_KIND_ENDS = frozenset(_WORDS["function_words"]) | {"into", "onto", "over", "off", "across", "near"}
#: what an "of" phrase after a counted noun holds when it names no kind ("of them", "of the
#: 40 injured")
_NOT_A_KIND = r"(?:the|them|those|these|its|their|his|her|our|whom|which|it|a|an|\d)\b"


def _two_moments(f: _Figures) -> str | None:
    """A price or level at the close against one during the day ("closed 11.4 % lower at
    38.62" / "down 12.8 % at 38.01 at 2.30 p.m."): a moving figure read at two moments."""
    if not all(q.kind in ("money", "percent") or "." in q.text for q in (f.qa, f.qb)):
        return None  # prices and rates move during a day; counts of people do not
    ca, cb = _at_close(f.a), _at_close(f.b)
    if (ca and _intraday(f.b) and not cb) or (cb and _intraday(f.a) and not ca):
        return 'a level at the close against one during the day ("closed at 38.62" / "at 2.30 pm")'
    return None


#: the close of a day's trading (not "close to 38")
_CLOSE = re.compile(
    r"\b(?:closed|closing|close(?!\s+to\b)|ended the day|finished the day)\b", re.IGNORECASE
)
_INTRADAY = re.compile(
    rf"\bat\s+{HOUR}|\b(?:early|midday|morning|afternoon|"
    r"intraday|lunchtime)\s+(?:trading|trade|deals)\b|\bas\s+much\s+as\b"
    # the open of the day's trading ("opened 41% lower", "at the open")
    r"|\bopened\s+(?:[\d.,]+\s*(?:%|per\s*cent|percent)\s+)?(?:lower|higher|down|up)\b"
    r"|\bat\s+the\s+(?:open|opening)\b",
    re.IGNORECASE,
)


def _at_close(u: Unit) -> bool:
    return bool(_CLOSE.search(u.sentence_text))


def _intraday(u: Unit) -> bool:
    return bool(_INTRADAY.search(u.sentence_text))


def _value_against_payment(f: _Figures) -> str | None:
    """A thing's value written onto it ("the city's 212m-ventar contract") against a sum paid
    ("Pellow had paid Stelmark about 131 million ventars by the end of February"): what a
    thing is worth and what has been paid for it so far."""
    for qx, y, qy in ((f.shown_a, f.b, f.shown_b), (f.shown_b, f.a, f.shown_a)):
        if _VALUE_OF_THING.search(qx.text) and _PAID.search(_before(y, qy, 40)):
            return 'a thing\'s value and a sum paid ("a 212m-ventar contract" / "had paid 131m")'
    return None


#: a figure written onto the noun it values: "212m-ventar", "212-million-ventar"
_VALUE_OF_THING = re.compile(r"\d[\w,.]*\s*-\s*(?:(?:million|billion|[mb]n?)\s*-\s*)?[a-z]+$",
                             re.IGNORECASE)  # fmt: skip
#: a paying verb before a figure, its payee between: "had paid Stelmark about"
_PAID = re.compile(r"\b(?:paid|pays|spent|received|handed over|transferred)\b(?:\s+\S+){0,3}\s*$",
                   re.IGNORECASE)  # fmt: skip


def _values_of_other_things(f: _Figures) -> str | None:
    """Sums each said to be what a named thing is worth, two things ("assets worth 46.3 million
    ferrins" / "the property, worth an estimated 3.2 MILLION ferrins"): two values."""
    ta, tb = _valued(f.a, f.shown_a), _valued(f.b, f.shown_b)
    if ta and tb and ta != tb:
        return 'the values of two things ("assets worth 46.3m" / "the property, worth 3.2m")'
    return None


def _valued(u: Unit, q: Quantity) -> str:
    """The noun a sum says is worth it ("the property, worth an estimated": property), or ""
    (a currency no list knows is a count of its unit: "3.2 MILLION ferrins")."""
    found = _WORTH.search(_before(u, q, 60))
    return stem(found.group(1).lower()) if found else ""


#: a noun, "worth" and the words that hedge a sum: "the property, worth an estimated"
_WORTH = re.compile(
    r"\b([a-z]+),?\s+(?:(?:was|is|are|were)\s+)?worth\s+(?:(?:an?\s+)?(?:estimated|about|some|"
    r"around|nearly|almost|roughly|more\s+than|over|up\s+to|at\s+least)\s+)*$",
    re.IGNORECASE,
)


def _sums_of_other_things(f: _Figures) -> str | None:
    """Sums written before what they are, two things named apart ("a sum larger than the
    30,000-tessar prize for winning" / "sitting on a 75,000-TESSAR record bonus"), neither
    named in the other's sentence: a prize and a bonus, not one sum told two ways."""
    na, nb = _sum_of(f.a, f.shown_a), _sum_of(f.b, f.shown_b)
    if not na or not nb or na == nb or f.qa.counts != f.qb.counts:
        return None
    if na in f.b.sentence_text.lower() or nb in f.a.sentence_text.lower():
        return None
    return 'sums of two things ("the 30,000-tessar prize" / "a 75,000-tessar bonus")'


def _sum_of(u: Unit, q: Quantity) -> str:
    """The noun a figure written as an adjective of its unit names ("the 30,000-tessar prize
    for winning": prize; "a 75,000-TESSAR record bonus": bonus), or ""."""
    if not _UNIT_ADJECTIVE.search(q.text):
        return ""
    found = _NOUNS_AFTER.match(_after(u, q))
    if found is None:
        return ""
    words = [w for w in found.group(1).lower().split() if w not in _FUNCTION_WORDS]
    return words[-1] if words else ""


#: "30,000-tessar", "75,000-TESSAR": a figure joined to its unit by a hyphen
_UNIT_ADJECTIVE = re.compile(r"\d\s?-\s?[A-Za-z]{3,}$")
#: up to three words after it, up to a word that starts what they are for ("prize for ...")
_NOUNS_AFTER = re.compile(
    r"\s+((?:(?!(?:for|of|to|in|on|at|that|which|meant|it|he|she|they|from|was|is|and)\b)"
    r"[a-z][a-z'’-]*\s*){1,3})",
    re.IGNORECASE,
)


def _other_questions(f: _Figures) -> str | None:
    """Shares of one group answering two questions ("68 % of Greeks believe ..." / "83.3 % of
    Greeks were unhappy with ..."): two figures of two polls or questions."""
    if f.qa.kind != "percent" or f.qb.kind != "percent":
        return None
    qa, qb = _question(f.a, f.shown_a), _question(f.b, f.shown_b)
    if qa and qb and not qa & qb:
        return 'shares answering two questions ("68 % of Greeks believe" / "83 % were unhappy")'
    return None


#: "68 per cent of Greeks believe that ...": the share of a group and what the group says
_ANSWER = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:[A-Z][\w-]+|people|voters|"
    r"respondents|adults|those\s+polled|residents|citizens)\s+((?:[\w'’-]+\s*){1,4})"
)


def _question(u: Unit, q: Quantity) -> frozenset[str]:
    m = _ANSWER.match(_after(u, q, 80))
    return frozenset(_content(m.group(1))) if m else frozenset()


def _named_by(u: Unit, q: Quantity) -> bool:
    """A number a name leads ("the Line 4 tram", "Flight 370"): it names, it counts nothing."""
    before = _before(u, q, 14).split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() not in _FUNCTION_WORDS


def _sum_of_parts(f: _Figures) -> str | None:
    """One figure is the sum of the other and the figures told beside it ("about 160 people
    were on board the Line 4 tram and about 90 on the Line 11 tram" / "some 250 commuters
    were aboard the two trams"): a total against its parts."""
    for u, q, total in ((f.a, f.qa, f.qb.value), (f.b, f.qb, f.qa.value)):
        parts = [
            r.value for r in u.sentence_quantities
            if r.kind == q.kind and r.unit == q.unit and not is_year(r) and not r.approximate
            and not _named_by(u, r) and (not r.counts or counts_match(r.counts, q.counts))
        ]  # fmt: skip
        if len(parts) >= 2 and q.value in parts and total > q.value and sum(parts) == total:
            return 'a total against its parts ("160 on one tram and 90 on the other" / "250")'
    return None


def _whole_against_count(f: _Figures) -> str | None:
    """One figure is the whole a part is counted of ("when 28 of the 46 men then held in the
    unit refused food" / "the 26 men still refusing food"): the group, not those who did."""
    if _a_whole(f.a, f.qa) != _a_whole(f.b, f.qb):
        return 'a whole a part is counted of ("28 of the 46 men") against a count'
    return None


def _a_whole(u: Unit, q: Quantity) -> bool:
    found = _PART_OF_THE.search(_before(u, q, 30))
    if found is None:
        return False
    word = found.group(1).lower().replace(",", "")
    return word.isdigit() or word in WORD_NUMBERS


#: a part counted right before its whole: "28 of the", "nine of its"
_PART_OF_THE = re.compile(r"\b([\w,]+)\s+of\s+(?:the|its|their|his|her|all)\s+$", re.IGNORECASE)


_NOT_ONE_FIGURE: tuple[Callable[[_Figures], str | None], ...] = (
    _one_length_converted,
    _vague_or_other_units,
    _other_things_counted,
    _other_quantities,
    _other_distances,
    _no_single_figure,
    _single_or_aftershock,
    _counts_of_other_kinds,
    _two_quakes,
    _bare_count,
    _age_or_year,
    _compatible,
    _of_other_things,
    _honours_or_rate,
    _label_or_increment,
    _differences,
    _averages,
    _other_wholes,
    _record_against_this,
    _two_readings,
    _forecast_against_count,
    _windows,
    _limit_against_reading,
    _total_against_part,
    _other_owners,
    _kind_against_count,
    _other_questions,
    _value_against_payment,
    _values_of_other_things,
    _sums_of_other_things,
    _two_moments,
    _kinds_of_one_thing,
    _at_other_sites,
    _of_other_places,
    _other_collectors,
    _part_of_toll,
    _sum_of_parts,
    _whole_against_count,
)


def same_quantity(
    a: Unit, b: Unit, qa: Quantity, qb: Quantity, score: float, by_act: bool = False
) -> bool:
    """Whether two numbers measure one thing: the counted noun named alike on both sides, or --
    for a rate, a sum or a bare count -- the same predicate in claims that match closely
    (``by_act``: by that alone, the counted nouns aside, as for sums of a currency no list
    knows, where "velds" names no thing)."""
    if qa.counts and qb.counts and not by_act:
        return counts_match(qa.counts, qb.counts)
    if by_act and qa.counts and qb.counts and not counts_match(qa.counts, qb.counts):
        return False
    # one figure misread: "starts at $1,199 for the 13-inch" / "$1,099 for the base 13-inch",
    # "46 seconds after liftoff" / "64 seconds into the flight"
    misread = one_digit_apart(qa, qb) or digits_swapped(qa, qb)
    if misread and score >= SAME_QUANTITY_CONTEXT and not _another(a, b):
        return True
    ha, hb = subject_head(a), subject_head(b)
    if qa.kind == "percent" and ha and ha == hb and score >= SAME_QUANTITY_CONTEXT:
        return True  # "turnout reached 93.87 %" / "turnout was almost 90 %"
    same_act = action_class(a.claim.action) == action_class(b.claim.action)
    if same_act and score >= SAME_QUANTITY_MIN:
        return True
    # "members backed the strike by 87 per cent in a ballot" / "a strike members had approved
    # by 91 percent in a ballot": other verbs, but the words around the figure are the same
    wa, wb = _statement_words(a), _statement_words(b)
    shared = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    return shared >= SAME_QUANTITY_WORDS and score >= SAME_QUANTITY_CONTEXT


#: Match from which two claims with the same predicate measure one thing with a number that
#: names nothing it counts ("rose 25 %" / "rose 30 %").
SAME_QUANTITY_MIN = 0.8
#: ... or share this much of their words, matching at least this well
SAME_QUANTITY_WORDS = 0.25
SAME_QUANTITY_CONTEXT = 0.55


def one_digit_apart(qa: Quantity, qb: Quantity) -> bool:
    """Two exact figures of three or more significant digits, of one kind and unit, that differ
    in one digit ("2,116" / "2,106", "$1,199" / "$1,099", "$108 million" / "$102 million"):
    one figure miswritten or misread far more often than two quantities. Round figures
    ("20,000" / "30,000") are left out: those are as often two crowds as one."""
    return _exact_of_one_kind(qa, qb) and figures_one_digit_apart(qa.value, qb.value)


def digits_swapped(qa: Quantity, qb: Quantity) -> bool:
    """Two exact figures of one kind and unit whose digits are the same but for two neighbours
    swapped ("46" / "64", "48,000" / "84,000"): one figure misread, like a digit miswritten."""
    return _exact_of_one_kind(qa, qb) and figures_swapped(qa.value, qb.value)


def _exact_of_one_kind(qa: Quantity, qb: Quantity) -> bool:
    """Two figures of one kind and unit, neither a year nor rough ("about", "at least"): the
    only ones whose digits can tell a misreading."""
    if qa.kind != qb.kind or qa.unit != qb.unit or is_year(qa) or is_year(qb):
        return False
    return not (qa.approximate or qb.approximate or qa.qualifier or qb.qualifier)


def figures_swapped(va: float, vb: float) -> bool:
    """Two figures whose digits are the same but for two neighbours swapped."""
    wa, wb = _figure_digits(va), _figure_digits(vb)
    # the point stays where it is; the digits either side of it are neighbours ("41.4" / "44.1")
    if wa.find(".") != wb.find("."):
        return False
    da, db = wa.replace(".", ""), wb.replace(".", "")
    if len(da) != len(db) or da == db:
        return False
    apart = [i for i, (x, y) in enumerate(zip(da, db, strict=True)) if x != y]
    if len(apart) != 2 or apart[1] != apart[0] + 1:
        return False
    i, j = apart
    return da[i] == db[j] and da[j] == db[i]


def _figure_digits(value: float) -> str:
    """A positive figure's digits as written, with its decimal point ("41.4"), or ""."""
    if value <= 0:
        return ""
    return str(int(value)) if value == int(value) else repr(value)


def sound_alike(va: float, vb: float) -> bool:
    """Two figures one of which is the other heard wrong: a teen and its ten ("18 million" /
    "80 million", "15" / "50", "thirteen" / "thirty"), at any scale. Said aloud they differ in
    one syllable, so a figure taken down from a briefing or a call comes out the other."""
    low, high = sorted((va, vb))
    if low <= 0 or low != int(low) or high != int(high):
        return False
    # the teen is said before "thousand", "million" or "billion" ("eighteen million"), not
    # before "hundred" ("a hundred and eighty" is no slip for "eight hundred")
    scale = next(s for s in (1e9, 1e6, 1e3, 1.0) if low % s == 0 and high % s == 0)
    teen, ten = low / scale, high / scale
    return 13 <= teen <= 19 and ten == (teen - 10) * 10


def zero_slipped(va: float, vb: float) -> bool:
    """Two whole figures of two or more significant digits, one the other with a zero too many
    or too few ("4,200" / "42,000 tonnes", "1,350" / "13,500"): one figure written wrong.
    "3" / "30" and "200" / "2,000" are left out: a round figure ten times another is as often
    another count."""
    low, high = sorted((va, vb))
    da = _digits(low)
    if not da or high != low * 10 or len(da.rstrip("0")) < 2:
        return False
    return _digits(high) == da + "0"


def figures_one_digit_apart(va: float, vb: float) -> bool:
    """Two whole figures of three or more significant digits, as many digits each, that differ
    in one digit, not the first ("2,129" / "2,029"; "$1,199" / "$2,199" is another price)."""
    da, db = _digits(va), _digits(vb)
    if len(da) != len(db) or len(da.rstrip("0")) < 3 or len(db.rstrip("0")) < 3:
        return False
    return da[0] == db[0] and sum(x != y for x, y in zip(da, db, strict=True)) == 1


def _another(a: Unit, b: Unit) -> bool:
    """A claim whose subject names another of a kind ("The other model costs $2,499")."""
    return any(_ANOTHER.search(u.claim.subject_text) for u in (a, b))


_ANOTHER = re.compile(r"\b(?:other|another|second|rival)\b", re.IGNORECASE)


def precise(q: Quantity) -> bool:
    """A figure of three or more significant digits ("2,116"), not a year."""
    return len(_digits(q.value).rstrip("0")) >= 3 and not is_year(q)


def _digits(value: float) -> str:
    return str(int(value)) if value == int(value) and value > 0 else ""


def subject_head(u: Unit) -> str:
    """The last word of the claim's subject as written ("turnout"), or "" for a pronoun."""
    return _last_word(u.claim.subject_text)


def _last_word(text: str) -> str:
    """The last word of a phrase, stemmed, or "" for none or a pronoun."""
    words = text.lower().split()
    return "" if not words or words[-1] in PRONOUNS else stem(words[-1])


def _accounted(q: Quantity, other: Unit, own: Unit | None = None) -> bool:
    """The other claim gives the same number -- or its sentence does, counting the same thing
    (not an age, not a bare number that happens to be equal). The same number of people to
    whom something else happened is another figure ("18 injured and 12 arrested" / "12
    injured")."""
    if any(same_count(q, r) and not _fates_apart(own, q, other, r) for r in other.quantities):
        return True
    return bool(q.counts) and any(
        same_count(q, r) and r.counts and counts_match(q.counts, r.counts)
        for r in other.sentence_quantities
    )


def _fates_apart(own: Unit | None, q: Quantity, other: Unit, r: Quantity) -> bool:
    return own is not None and _fates_differ(own, q, other, r)


def same_count(x: Quantity, y: Quantity) -> bool:
    return x.value == y.value and x.kind == y.kind and x.unit == y.unit


_AGE = re.compile(r"^\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b", re.IGNORECASE)


def age_at(text: str, q: Quantity) -> bool:
    """Whether the figure at ``q`` in ``text`` is written as an age."""
    return bool(_AGE.match(text[q.end : q.end + 16])) or "old" in q.text.lower()


def is_age(u: Unit, q: Quantity) -> bool:
    """The number of a "40-year-old" (by the words right after it in the claim's sentence)."""
    at = q.end - u.sentence_start
    rest = u.sentence_text[at : at + 16] if 0 <= at <= len(u.sentence_text) else ""
    return bool(_AGE.match(rest)) or (q.unit == "year" and "old" in q.text.lower())


_CAPITAL = re.compile(r"\b[A-Z][\w-]+")


def _distance(q: Quantity) -> bool:
    """A length: its unit, or the last word of what it counts, is a length unit."""
    return any(w in _METRES for w in (q.unit.lower(), (q.counts.split() or [""])[-1].lower()))


def _same_reference(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """Two distances measured from the same named point (the names in the words after each)."""

    def after(u: Unit, q: Quantity) -> tuple[str, str]:
        # the direction and the first name after the figure: "two miles northeast of The
        # Geysers, four miles west of Cobb" measures 2 from the Geysers, not from Cobb
        at = q.end - u.sentence_start
        rest = u.sentence_text[max(at, 0) : max(at, 0) + 60]
        names = [w for w in _CAPITAL.findall(rest) if w not in ("The", "A", "An")]
        way = _DIRECTION.search(rest[:30].lower())
        # an unnamed point right after the length counts as one ("2.3 km from the entrance")
        point = _FROM_THE.match(rest)
        return (way.group(0).replace("-", "").replace(" ", "") if way else ""), (
            point.group(1).lower() if point else names[0] if names else ""
        )

    def measure(u: Unit, q: Quantity) -> set[str]:
        # what the length measures, told before it or right after ("415 metres deep")
        found = _MEASURE.findall(_before(u, q, 30).lower()) + _MEASURE_AFTER.findall(
            (q.text + _after(u, q, 20)).lower()
        )
        return {m for w in found for m in _MEASURED.get(w, (w,))}

    (way_a, from_a), (way_b, from_b) = after(a, qa), after(b, qb)
    same_point = bool(from_a) and from_a == from_b and (not way_a or not way_b or way_a == way_b)
    return same_point or bool(measure(a, qa) & measure(b, qb))


#: "from the entrance", "from its mouth": the point a length is measured from, unnamed
_FROM_THE = re.compile(r"^[\s\w.,-]{0,16}?\bfrom\s+(?:the|its|their)\s+([a-z]+)\b")

_DIRECTION = re.compile(r"\b(?:north|south)?\s*-?\s*(?:east|west)\b|\b(?:north|south)\b")


#: what a length measures when no place follows it ("a depth of 1.2 miles"), by the words
#: that tell it: "fell" / "has fallen" are one drop, "deep" and "depth" one depth, and a shaft
#: that "drops" or "descends" 450 metres is that deep
_DROPS = dict.fromkeys(["fell", "fall", "falling", "fallen", "plunged", "plummeted", "dropped",
                        "tumbled", "slid"], ("drop",))  # fmt: skip
_MEASURED: dict[str, tuple[str, ...]] = {
    **_DROPS,
    "deep": ("depth",),
    "long": ("length",),
    "wide": ("width",),
    "high": ("height",),
    "tall": ("height",),
    "drops": ("drop", "depth"),
    "descends": ("drop", "depth"),
    # a river's height at a gauge: "peaked at 4.61 metres", "its highest level, 4.16 metres"
    "peaked": ("level",),
    "peak": ("level",),
    "crested": ("level",),
    "topped": ("level",),
    "level": ("level",),
}
_MEASURE = re.compile(
    r"\b(depth|deep|long|length|wide|width|high|height|tall|radius|altitude|drops|descends|"
    r"peaked|peak|crested|topped|level|" + "|".join(_DROPS) + r")\b"
)
#: the words right after a length that say what it measures ("415 metres deep", "415m-deep")
_MEASURE_AFTER = re.compile(r"^[\d.,]*\s*[a-z]*\s*-?\s*(deep|long|wide|high|tall)\b")


def _same_length(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """Two lengths of one thing: both distances (or both areas) from the same named point."""
    return _area(a, qa) == _area(b, qb) and _same_reference(a, qa, b, qb)


def _area(u: Unit, q: Quantity) -> bool:
    """ "A 1,500-square-kilometre island": an area, not a distance."""
    at = q.start - u.sentence_start + len(q.text)
    return "square" in u.sentence_text[max(at, 0) : max(at, 0) + 12].lower()


_UPPER_BOUND = re.compile(r"\d\s*(?:million|billion|thousand|bn|m|k)?\s*(?:to|-|–)\s*[$€£]?\s*$")


def _ranged(u: Unit, q: Quantity) -> bool:
    """A bound of a range: "from 3.6 to 4.3", "between 10 and 12"."""
    at = q.start - u.sentence_start
    before = _before(u, q, 9).lower()
    after = u.sentence_text[at + len(q.text) : at + len(q.text) + 10].lower()
    opens = re.search(r"\b(?:from|between)\b", before + " ")
    wide = _before(u, q, 40).lower()
    return (
        bool(re.search(r"\b(?:from|between)\s*$", before))
        # the upper bound: "between $140 million and $150 million", "$145 million to $175m"
        or bool(re.search(r"\bbetween\b[^.;]*\band\s*[$€£]?\s*$", wide))
        or bool(_UPPER_BOUND.search(wide))
        or bool(re.match(r"\s*(?:to|-|–)\s*[$€£]?\s*\d", after))
        or bool(re.match(r"\s*and\s*[$€£]?\s*\d", after) and opens)
        or bool(re.search(r"\d\s*(?:to|-|–)\s*$", before))
    )


def _a_single(q: Quantity) -> bool:
    """ "One round", "a single shot": one written as a word says "a", not a count."""
    return q.value == 1 and not q.text.strip()[:1].isdigit()


def _aftershock(u: Unit, q: Quantity) -> bool:
    at = q.start - u.sentence_start
    return "aftershock" in u.sentence_text[max(at - 80, 0) : at + 40].lower()


def _converted(u: Unit, q: Quantity) -> bool:
    """A figure in brackets right after another figure: a conversion ("58km (36 miles)")."""
    before = _before(u, q, 16)
    return bool(re.search(r"\d[^()]*\(\s*$", before))


#: Ratio from which two values of one count are no longer one figure told two ways.
FAR_APART = 20.0


def _far_apart(qa: Quantity, qb: Quantity) -> bool:
    lo, hi = sorted((abs(qa.value), abs(qb.value)))
    return lo > 0 and hi / lo >= FAR_APART


def _figure_kinds_differ(qa: Quantity, qb: Quantity) -> bool:
    """A measurement against a count: "a 4.4 quake" is no count of "20 earthquakes"."""

    def decimal(q: Quantity) -> bool:
        return "." in q.text and q.value < 10

    def whole(q: Quantity) -> bool:
        return "." not in q.text and q.value >= 10

    if qa.counts == qb.counts:
        return False  # "1.2 miles" / "12 miles": one measure, told two ways
    return (decimal(qa) and whole(qb)) or (decimal(qb) and whole(qa))


#: what happened to the people a number counts, by the words around it
_FATES: dict[str, list[str]] = _WORDS["fates"]


#: characters after a figure read for what happened to what it counts ("1,400 homes were
#: still without power")
FATE_AFTER = 44


#: each fate's cues as patterns, compiled once; a cue joined to the next word by a hyphen is
#: part of another word ("the ill-fated ferry", "a dead-end road")
_FATE_CUES = [(fate, re.compile(rf"\b{c}\b(?!-)")) for fate, cues in _FATES.items() for c in cues]


def _fate(u: Unit, q: Quantity) -> str:
    at = max(q.start - u.sentence_start, 0)
    lo = max(at - 24, 0)
    near = u.sentence_text[lo : at + len(q.text) + FATE_AFTER].lower()
    fate = _nearest_fate(near, at - lo + len(q.text) // 2)
    if fate:
        return fate
    # "one of 79 children, aged between five and 11, who had fallen ill": the relative clause
    # on what is counted tells its fate, however far an apposition pushes it
    rel = _RELATIVE_AFTER.match(u.sentence_text[at + len(q.text) :])
    return _nearest_fate(rel.group("clause").lower(), 0) if rel else ""


#: a relative clause on a figure's noun, after an apposition at most
_RELATIVE_AFTER = re.compile(r"[^.;:!?]{0,60}?\b(?:who|that|which)\s+(?P<clause>[^.;:!?]{0,40})")


@lru_cache(maxsize=4096)
def _nearest_fate(near: str, here: int) -> str:
    """The fate whose cue is nearest ``here`` in ``near``: "killed 612 people and injured 80".
    (Cached: every figure is read once for each claim it is paired with.)"""
    best: tuple[int, str] | None = None
    for fate, cue in _FATE_CUES:
        for m in cue.finditer(near):
            d = min(abs(m.start() - here), abs(m.end() - here))
            if best is None or d < best[0]:
                best = (d, fate)
    return best[1] if best else ""


def _fates_differ(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """ "10 people killed" / "home to 200,000 people": people counted for different things."""
    fa, fb = _fate(a, qa), _fate(b, qb)
    return bool(fa and fb and fa != fb)


def is_year(q: Quantity) -> bool:
    """A figure written as a year ("in 2008", "the 1961 prison"), which counts nothing."""
    year = re.fullmatch(r"(?:1[89]|20)\d\d", q.text.strip())
    return q.kind == "count" and not q.unit and bool(year)


def _update_note(
    va: float, vb: float, pub_a: str | None, pub_b: str | None, kind: str
) -> tuple[str, bool]:
    """A later report with a higher count reads as an update of the earlier one, not a dispute."""
    order = publication_order(pub_a, pub_b)
    if order == 0 or kind != "count":
        return "", False
    later_higher = vb > va if order > 0 else va > vb
    if later_higher:
        return (
            "The higher count comes from the later report; it is most likely an update "
            "rather than a disagreement.",
            True,
        )
    return "The later report gives the lower count.", False


def publication_order(pub_a: str | None, pub_b: str | None) -> int:
    """1 when b was published after a, -1 when before, 0 when unknown or the same."""
    from datetime import datetime

    if not pub_a or not pub_b:
        return 0
    if len(pub_a) <= 10 or len(pub_b) <= 10:
        # a bare date is a local day: only different days tell the order
        da, db = pub_a[:10], pub_b[:10]
        return (db > da) - (db < da)
    try:
        ta, tb = datetime.fromisoformat(pub_a), datetime.fromisoformat(pub_b)
        if (ta.tzinfo is None) != (tb.tzinfo is None):
            return 0
        return (tb > ta) - (tb < ta)
    except ValueError:
        return 0


# --- entities: place, actor, entity set, attribution ------------------------------------------


def _kind(key: str) -> str:
    k = key.split(":", 1)[0]
    return "state" if k in ("country", "org", "group") else k


def _kinds_agree(
    xs: tuple[str, ...] | frozenset[str], ys: tuple[str, ...] | frozenset[str]
) -> bool:
    """Whether two sets of keys name the same kind of thing. A one-word name that neither the
    gazetteer nor a full name typed ("Unicef" as person:unicef in one report, org:unicef in the
    other) may be of any kind: the type extract guessed for it decides nothing."""
    ka = {_kind(k) for k in xs if not _guessed(k)}
    kb = {_kind(k) for k in ys if not _guessed(k)}
    return not ka or not kb or ka == kb


def _guessed(key: str) -> bool:
    kind, _, name = key.partition(":")
    # a name as written ("name:save_the_children", untyped) may be of any kind
    return kind == "name" or (kind in ("person", "org", "group") and "_" not in name)


def _mentioned(keys: tuple[str, ...] | frozenset[str], other: Unit) -> bool:
    return any(k in other.sentence_keys for k in keys)


def _same_relation(a: Unit, b: Unit) -> bool:
    ca, cb = action_class(a.claim.action), action_class(b.claim.action)
    return ca == cb and ca not in _LIGHT


def check_place(a: Unit, b: Unit, score: float = 0.0) -> Finding | None:
    found = check_bearing(a, b)
    if found is not None:
        return found
    kinds = kinds_of_site_apart(a, b)
    if kinds:
        return Finding(
            "place", SITE_CONFIDENCE, Side(a, kinds[0]), Side(b, kinds[1]), note=SITE_KIND_NOTE
        )
    if site_against_site(a, b):
        # the sites are what differ: the towns around them may hold each other (or be one:
        # "St Brennan's Hospital in Wrenfield" / "Calvenne University Hospital ... of Wrenfield")
        sa, sb = sorted(_sites_of_act(a)), sorted(_sites_of_act(b))
        return Finding(
            "place", SITE_CONFIDENCE, Side(a, ", ".join(sa)), Side(b, ", ".join(sb)), note=SITE_NOTE
        )
    pa, pb = a.places, b.places
    if not pa or not pb or slugs(pa) & slugs(pb):
        return None
    if _mentioned(pa, b) or _mentioned(pb, a):
        return None
    same_kind = {_kind(k) for k in pa} == {_kind(k) for k in pb}
    conf = 0.75 if same_kind else 0.45
    told_alike = same_words_but(a, b) or (same_kind and score >= PLACE_CLAIMS_SURE)
    # "near the village of Harrin" / "near the village of Peldry": places of one level, so
    # neither holds the other
    told_alike = told_alike or bool(_levels(a, pa) & _levels(b, pb))
    if not all(k.startswith("country:") for k in (*pa, *pb)) and not told_alike:
        # without a map a town, its county and its arena may all be right at once: only the
        # same statement with one place put for the other is sure (or two sites, above), or
        # one told so nearly alike that the places are all that differ ("taken on Tuesday to
        # the state veterinary laboratory in Marrick" / "taken yesterday to the State
        # Veterinary Laboratory in Colvenny")
        conf = min(conf, UNSURE)
    return Finding("place", conf, Side(a, ", ".join(pa)), Side(b, ", ".join(pb)))


def _levels(u: Unit, places: tuple[str, ...]) -> set[str]:
    """The kinds of settlement the claim names its places as ("the village of Harrin":
    village)."""
    named = {"_".join(m.group(2).lower().split()): m.group(1).lower()
             for m in _LEVEL_OF.finditer(u.text)}  # fmt: skip
    return {named[k] for k in slugs(places) if k in named}


#: a place named with its kind of settlement: "the village of Peldry", "the town of Arnholt"
_LEVEL_OF = re.compile(
    r"\b(village|town|city|hamlet|port city)\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


#: How closely two claims putting one act in two places of one kind must match for the places
#: to be all that differs (on the real gold no place finding's claims matched at 0.85 or more)
PLACE_CLAIMS_SURE = 0.9


def site_against_site(a: Unit, b: Unit) -> bool:
    """The same act (the same verb) done to or by the same subject, named alike, at two named
    sites -- a bridge, a street, a hall -- that neither sentence puts together: one car swept
    away at Oxley Ford and on Sallins Lane. A site is a point; a town, a county and a country
    may all hold it at once, so only sites are compared."""
    if not _same_predicate(a, b):
        return False
    if not _one_subject(a, b):
        return False
    if _scheduled(a) or _scheduled(b):
        return False  # "due to appear before the Crown Court": one of several hearings to come
    sa, sb = _sites_of_act(a), _sites_of_act(b)
    return bool(sa and sb) and not (sa & sb) and not (_mentioned(sa, b) or _mentioned(sb, a))


def _one_subject(a: Unit, b: Unit) -> bool:
    """The claims' subjects are one: the same head word, or a person named in one and described
    by the age the other's sentence gives beside that name in the other ("The 54-year-old
    appeared ..." / "Dereshaw, 54, appeared ...")."""
    head = _head_of_subject(a)
    if head and head not in _RELATIVE_PRONOUNS and head == _head_of_subject(b):
        return True
    return _aged_as(a, b) or _aged_as(b, a)


#: a subject that is an age: "The 54-year-old"
_AGE_SUBJECT = re.compile(r"(?:the\s+)?(\d{1,3})-year-old", re.IGNORECASE)


def _aged_as(a: Unit, b: Unit) -> bool:
    """``a``'s subject is "the N-year-old" and ``b``'s is a person whose name its sentence
    follows with N ("Dereshaw, 54,")."""
    m = _AGE_SUBJECT.fullmatch(a.claim.subject_text.strip())
    people = [k for k in _head_actors(b) if k.startswith("person:")]
    if m is None or len(people) != 1:
        return False
    surname = re.escape(people[0].split(":", 1)[1].split("_")[-1])
    return re.search(rf"\b{surname},\s+{m.group(1)}\b", b.sentence_text, re.IGNORECASE) is not None


def told_at_site(v: Unit, u: Unit) -> bool:
    """``v`` tells ``u``'s act by the same verb and names one of ``u``'s sites."""
    return _same_predicate(v, u) and bool(_sites_of_act(u) & v.sentence_keys)


def _scheduled(u: Unit) -> bool:
    """An act still to come: "will appear", "is due to appear", "to appear before"."""
    if u.claim.modality in ("will", "would", "shall"):
        return True
    at = u.claim.predicate[0] - u.sentence_start if u.claim.predicate else -1
    return at > 0 and bool(_TO_COME.search(u.sentence_text[:at]))


_TO_COME = re.compile(r"\b(?:to|will|shall)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _sites_of_act(u: Unit) -> frozenset[str]:
    """The claim's named sites less those in its subject ("John Jenkin, of Newton Street, was
    arrested": an address, not where the act was done)."""
    subject = "_" + re.sub(r"[^a-z0-9]+", "_", u.claim.subject_text.lower()) + "_"
    return frozenset(
        k for k in site_keys(u)
        if f"_{k.split(':', 1)[-1]}_" not in subject and not _of_a_later_verb(u, k)
    )  # fmt: skip


def _of_a_later_verb(u: Unit, key: str) -> bool:
    """The site follows another verb after the claim's own ("died in hospital ... from a head
    injury suffered on Republic Square": where he was hurt, not where he died)."""
    if not u.claim.predicate:
        return False
    name = r"\W+".join(map(re.escape, key.split(":", 1)[-1].split("_")))
    verb_end = u.claim.predicate[1] - u.sentence_start
    found = re.search(name, u.sentence_text[verb_end:], re.IGNORECASE)
    return found is not None and bool(
        _LATER_VERB.search(u.sentence_text[verb_end:][: found.start()])
    )


#: a participle or a past verb between a claim's verb and a site: the site is that verb's
_LATER_VERB = re.compile(r"\b(?:\w{3,}ed|struck|hit|shot|held|taken|brought|found)\b", re.I)


#: the kinds of unnamed place an act is put at ("at his home", "at a hospital"): each group is
#: one kind, whose words may name one place
SITE_KINDS = tuple(frozenset(group) for group in _WORDS["site_kinds"])
SITE_KIND_NOTE = "One act of one person, told by the same verb, is put at two kinds of place."
#: a kind of place after a determiner ("his home", "a hospital")
_KIND_AFTER = (
    r"(?:his|her|their|its|the|a|an)\s+(?:own\s+|family\s+|local\s+)?"
    rf"({'|'.join(sorted({w for g in SITE_KINDS for w in g}, key=len, reverse=True))})\b"
)
#: ... where an act is put ("at his home"), and anywhere in a sentence ("from his home")
_SITE_KIND = re.compile(rf"\b(?:at|in|inside)\s+{_KIND_AFTER}", re.IGNORECASE)
_KIND_NAMED = re.compile(rf"\b{_KIND_AFTER}", re.IGNORECASE)


def kinds_of_site_apart(a: Unit, b: Unit) -> tuple[str, str] | None:
    """One person's act told by the same verb at two kinds of unnamed place ("died on Monday at
    his home in Manhattan" / "died Dec. 30 at a hospital in Manhattan"): a home is no hospital,
    whatever town holds both. Each claim puts the act at one kind only, and neither sentence
    names the other's kind."""
    if not _same_predicate(a, b) or _scheduled(a) or _scheduled(b):
        return None
    people = {k for k in _head_actors(a) if k.startswith("person:")}
    if not people & {k for k in _head_actors(b) if k.startswith("person:")}:
        return None
    ka, kb = _kinds(_SITE_KIND, a.text), _kinds(_SITE_KIND, b.text)
    if len(ka) != 1 or len(kb) != 1 or ka == kb:
        return None
    if _kinds(_KIND_NAMED, b.sentence_text) & ka or _kinds(_KIND_NAMED, a.sentence_text) & kb:
        return None  # "taken from his home on Sunday, died ... at a hospital": both told
    return _site_named(a.text), _site_named(b.text)


def _kinds(rx: re.Pattern[str], text: str) -> set[int]:
    """The kinds of place ``rx`` finds in ``text``: where a claim puts its act (``_SITE_KIND``),
    or any named after a determiner (``_KIND_NAMED``; not "the Knopf publishing house")."""
    return {
        n for m in rx.finditer(text) for n, g in enumerate(SITE_KINDS) if m.group(1).lower() in g
    }


def _site_named(text: str) -> str:
    m = _SITE_KIND.search(text)
    return m.group(0) if m else ""


def site_keys(u: Unit) -> frozenset[str]:
    """The named sites of a claim: its places that end in a site word, and the bodies named
    after a site ("St Brennan's Hospital", which the name reader types as an organisation)."""
    named = (*u.places, *(k for k in u.keys if k.startswith(("place:", "org:", "fac:"))))
    return _sites(named)


#: the last words of names of sites: points on a map, not areas that may hold each other
SITE_WORDS = frozenset(_WORDS["site_words"])
SITE_CONFIDENCE = 0.75
SITE_NOTE = "One act, told of one subject by the same verb, is put at two named sites."


def _sites(places: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for k in places if _site_word(k))


def _site_word(key: str) -> bool:
    """The name ends in a site word after another word: "Federation House", "Oxley Ford"; not
    the House of a parliament, nor "Ford" (a surname read as a place)."""
    *before, last = key.split(":", 1)[-1].rsplit("_", 1)
    return last in SITE_WORDS and bool(before)


_BEARING = re.compile(
    r"(?:\b(\d[\d,.]*)\s*(?:nautical\s+)?(miles?|km|kilometres?|kilometers?)\s+)?"
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+"
    r"(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)",
    re.IGNORECASE,
)


def _bearings(u: Unit) -> dict[tuple[str, str, str], tuple[str, tuple[int, int]]]:
    """(place, distance, unit) -> (direction, span) of every "150 miles west of Aden" the
    claim gives."""
    out = {}
    for m in _BEARING.finditer(u.text):
        if not m.group(4)[:1].isupper():
            continue
        dist = (m.group(1) or "").replace(",", "")
        unit = (m.group(2) or "").lower().rstrip("s")
        bearing = m.group(3).lower().replace("-", "")
        out[(m.group(4), dist, unit)] = (bearing, (u.start + m.start(), u.start + m.end()))
    return out


def check_bearing(a: Unit, b: Unit) -> Finding | None:
    """One place put in two directions from the same named point, at the same distance: "150
    nautical miles west of Aden" / "150 nautical miles east of Aden". Different distances may
    be two places ("6 miles west of Cobb" / "20 miles north of Cobb"); opposite directions
    where one gives no distance cannot ("just south of Quarrow station" / "2 km north of
    Quarrow station")."""
    ba, bb = _bearings(a), _bearings(b)
    for key, (da, sa) in ba.items():
        other = bb.get(key)
        if other is not None and other[0] != da and key[1]:
            db, sb = other
            return Finding("place", BEARING, Side(a, f"{da} of {key[0]}", sa),
                           Side(b, f"{db} of {key[0]}", sb), note=BEARING_NOTE)  # fmt: skip
    # opposite directions from one point, one of them at no distance given ("just south of
    # Quarrow station" / "about two kilometres north of Quarrow station"), cannot both place
    # one happening; nothing else ties the claims, so their sentences must match
    # (build._supported). Two distances given may be two places, as above.
    for (point, dist_a, _), (da, sa) in ba.items():
        for (there, dist_b, _), (db, sb) in bb.items():
            if there == point and _OPPOSITE.get(da) == db and not (dist_a and dist_b):
                return Finding("place", BEARING, Side(a, f"{da} of {point}", sa),
                               Side(b, f"{db} of {point}", sb))  # fmt: skip
    return None


_OPPOSITE = {
    x: y
    for a, b in (("north", "south"), ("east", "west"), ("northeast", "southwest"),
                 ("northwest", "southeast"))
    for x, y in ((a, b), (b, a))
}  # fmt: skip


#: Confidence of one place put in two directions from one point at one distance.
BEARING = 0.8
#: ... and what it says: the distance and the point tie the two claims to one place, however
#: the rest of their sentences differs
BEARING_NOTE = "Both give the same distance from the same point, in different directions."


def _targets_agree(a: Unit, b: Unit) -> bool:
    ta, tb = slugs(a.claim.targets), slugs(b.claim.targets)
    return not ta or not tb or bool(ta & tb)


def check_actors(a: Unit, b: Unit, score: float = 0.0, acts: Acts | None = None) -> Finding | None:
    """Who did it: different actors (actor), or lists that each name someone the other does not
    (entity set). Claims that match very closely state one act even where the predicate is light
    ("X was due to appear") or worded differently. ``acts`` (align.acts_by_source) tells who
    else each report gives the act to: a report that also has the other's actor do it states
    two acts."""
    d = _doers(a, b, score)
    if d is None or not d.only_a or not d.only_b or same_people(d.xa, d.xb):
        return None  # one list holds the other (an elaboration), or the same people by surname
    if acts is not None and d.same_class and _acts_elsewhere(d.only_a, d.only_b, a, b, d.cls, acts):
        return None  # "Smith scored" / "Jones scored", a report with both scoring: two acts
    if len(d.xa) >= 2 or len(d.xb) >= 2:
        return _entity_set_dispute(d)
    return _actor_dispute(d)


@dataclass(frozen=True)
class _Doers:
    """Who each of two claims of one act says did it (check_actors): the head actors' keys,
    their names (``x*``) and the names only one side gives (``only_*``)."""

    a: Unit
    b: Unit
    score: float
    actors_a: tuple[str, ...]
    actors_b: tuple[str, ...]
    xa: set[str]
    xb: set[str]
    only_a: set[str]
    only_b: set[str]
    #: the predicate class of the first claim, the same in both or not, and light or not
    cls: str
    same_class: bool
    light: bool

    @property
    def same_act(self) -> bool:
        """The same telling (non-light) predicate."""
        return self.same_class and not self.light


def _doers(a: Unit, b: Unit, score: float) -> _Doers | None:
    """The doers of two claims that may tell of one act done by different actors, or None."""
    actors_a, actors_b = _head_actors(a), _head_actors(b)
    xa, xb = slugs(actors_a), slugs(actors_b)
    if not xa or not xb or xa == xb or not _targets_agree(a, b):
        return None
    if a.in_title or b.in_title:
        return None  # a headline's title case makes names of common words ("4-Plus Earthquake")
    cls = action_class(a.claim.action)
    same_class = cls == action_class(b.claim.action)
    # a light predicate ("X made an offer", "X had ...") needs a closer match than "X said"
    light = cls in LIGHT_VERBS
    if not (
        _same_relation(a, b)
        or score >= 0.8
        or (same_class and not light and score >= 0.72)
        or one_count_given(a, b, score)
    ):
        return None
    if a.claim.negated != b.claim.negated:
        return None
    only_a = {x for x in xa if not (_named_in(x, xb) or any(_demonym(x, y) for y in xb))}
    only_b = {y for y in xb if not (_named_in(y, xa) or any(_demonym(y, x) for x in xa))}
    return _Doers(a, b, score, actors_a, actors_b, xa, xb, only_a, only_b, cls, same_class, light)


def _demonym(x: str, y: str) -> bool:
    """One name is the other's people or adjective ("ostrenia" / "ostrenian", "veskaria" /
    "veskarian"): one member named two ways."""
    short, long_ = sorted((x, y), key=len)
    if "_" in short or "_" in long_ or len(short) < 4:
        return False
    return (
        long_.startswith(short.rstrip("aeiy"))
        and 0 < len(long_) - len(short) <= 3
        and long_.endswith(("n", "ese", "ish", "i"))
    )


def _entity_set_dispute(d: _Doers) -> Finding | None:
    """Two lists of doers, each naming one the other does not (entity set)."""
    a, b = d.a, d.b
    if not (_listed(a, d.xa) and _listed(b, d.xb)):
        return None  # names that qualify one subject ("the New Zealand-born Australian")
    mine = tuple(k for k in d.actors_a if k.split(":", 1)[-1] in d.only_a)
    theirs = tuple(k for k in d.actors_b if k.split(":", 1)[-1] in d.only_b)
    if not _kinds_agree(mine, theirs):
        return None  # "Lennox Lewis" against "the WBC, the IBF": not one list's members
    shared = len(d.xa) - len(d.only_a)
    conf = 0.85 if shared and len(d.xa) >= 2 and len(d.xb) >= 2 else 0.6
    if not (same_statement(a, b, d.score) or d.same_act):
        conf = min(conf, UNSURE)  # two lists in two statements may list two things
    return Finding(
        "entity_set", conf, Side(a, ", ".join(d.actors_a)), Side(b, ", ".join(d.actors_b))
    )


def _actor_dispute(d: _Doers) -> Finding | None:
    """One doer against another (actor)."""
    a, b, xa, xb = d.a, d.b, d.xa, d.xb
    if any(_named_in(x, slugs(b.sentence_keys)) for x in xa) or any(
        _named_in(y, slugs(a.sentence_keys)) for y in xb
    ):
        return None  # both are named on both sides (say, swapped roles)
    if _written_alike(a, b):
        return None  # both write "Gray" or "Dr. Benjamin": only our reading of the name differs
    conf = 0.8 if _kinds_agree(d.actors_a, d.actors_b) else 0.45
    if _by_pronoun(a) or _by_pronoun(b):
        conf = min(conf, PRONOUN_ACTOR)
    one_day = d.same_act and one_thing_one_day(a, b)
    one_act = (
        same_statement(a, b, d.score)
        or same_words_but(a, b)
        or one_count_given(a, b, d.score)
        or one_day
    )
    if not one_act and not (d.same_act and d.score >= SAME_VERB_ACTOR_MATCH):
        # "the Orioles offered" / "the Red Sox made an offer": two doers of two acts as often
        # as two reports of one; only the same words with the doer swapped are one act (the
        # same verb alone -- "the RCMP arrested" / "leaders ... were arrested" -- is a lead)
        conf = min(conf, SAME_VERB_ACTOR if d.same_act else UNSURE)
    note = ONE_DAY_ACT_NOTE if one_day else ""
    return Finding(
        "actor", conf, Side(a, ", ".join(d.actors_a)), Side(b, ", ".join(d.actors_b)), note=note
    )


def one_thing_one_day(a: Unit, b: Unit) -> bool:
    """Both claims tell one thing done by someone ("The motion was tabled on Feb. 10 by Ruan
    Penwright" / "The motion was tabled on 10 February by Eulalie Wyncote"): the same thing as
    the subject of a passive verb, on one day both write out: one act, two doers."""
    pa, pb = _PASSIVE.match(a.text), _PASSIVE.match(b.text)
    if pa is None or pb is None:
        return False
    head = pa.group(1).lower()
    if head in PRONOUNS or head != pb.group(1).lower():
        return False
    return bool(_written_days(a) & _written_days(b))


def passive_with_day(u: Unit) -> bool:
    """The claim opens with a thing, a passive verb and its doer after "by", and writes out a
    day (see ``one_thing_one_day``)."""
    return _PASSIVE.match(u.text) is not None and bool(_written_days(u))


def _written_days(u: Unit) -> set[str]:
    """The days the claim writes out ("Feb. 10", "10 February"), as dates."""
    return {
        t.value[:10] for t in u.times
        if t.value and t.granularity == "day" and month_day(t.text) is not None
    }  # fmt: skip


ONE_DAY_ACT_NOTE = "Both reports tell one thing done on one day, by one verb: one act, two doers."
#: a claim that opens with a thing, a passive verb and its doer after "by": "The motion was
#: tabled on Feb. 10 by" (the thing: "motion")
_PASSIVE = re.compile(
    r"\s*(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?([\w'’-]+)\s+"
    r"(?:was|were|has been|have been|had been)\s+\w+(?:ed|en)\b[^;]{0,60}?\bby\b",
    re.IGNORECASE,
)


#: Match from which two claims that give one exact count of one thing tell of one act
COUNT_ACT_MIN = 0.5
#: ... a count of some size: "three officers" are counted in many acts, "350 camp beds" in one
COUNT_ACT_FROM = 100
COUNT_ACT_NOTE = "Both reports give one exact count of one thing as done: one act, two doers."


def one_count_given(a: Unit, b: Unit, score: float) -> bool:
    """Both claims give one exact count of one named thing, of some size ("Duvenair laid on 350
    camp beds in Terminal 2" / "the airport's operator set out 350 camp beds"), and each names
    one doer of one kind, a person or a body: one act told with other verbs, so two doers of it
    disagree. (A ship against its navy, a place read as a doer, is no such pair.)"""
    kinds = {k.split(":", 1)[0] for k in (*_head_actors(a), *_head_actors(b))}
    if len(_head_actors(a)) != 1 or len(_head_actors(b)) != 1 or kinds not in ({"person"}, {"org"}):
        return False
    return score >= COUNT_ACT_MIN and same_count_given(a, b)


def same_count_given(a: Unit, b: Unit) -> bool:
    """Both claims give one exact count of one named thing, of some size (or one bound, in the
    same words: "a reward of up to 500,000 krails")."""
    return any(
        qa.kind == "count" and same_count(qa, qb) and qa.value >= COUNT_ACT_FROM
        and not (qa.approximate or qb.approximate) and qa.qualifier == qb.qualifier
        and qa.qualifier in _ONE_BOUND
        and bool(qa.counts and qb.counts) and counts_match(qa.counts, qb.counts)
        and not is_year(qa)
        for qa in a.quantities for qb in b.quantities
    )  # fmt: skip


#: qualifiers a count given alike may carry and still tie one act: none, or one bound ("up
#: to 500,000"); a rough count ("about 120") may be anyone's
_ONE_BOUND = frozenset(["", "<=", ">=", "<", ">"])


def _written_alike(a: Unit, b: Unit) -> bool:
    """Both claims name their doer in the same words ("Gray, who was running for his life"
    in both): the reports say the same; what differs is how each one's other sentences lead
    the name to be read (Kimani Gray in one, his mother Mahnefah Gray in the other)."""
    wa, wb = (
        _QWORD.findall(a.claim.subject_text.lower()),
        _QWORD.findall(b.claim.subject_text.lower()),
    )
    return bool(wa) and wa == wb and not set(wa) <= PRONOUNS


def _head_actors(u: Unit) -> tuple[str, ...]:
    """The claim's actors less the places that qualify its one named person: "British Columbia
    Attorney General Wally Oppal" is one doer, Oppal, not a list of two."""
    if len(u.actors) < 2 or _listed(u, slugs(u.actors)):
        return u.actors
    people = [k for k in u.actors if k.split(":", 1)[0] == "person"]
    # "a CMRS diver, Rasmus Keel": a body that names the role described qualifies it too
    qualifying = ("place", "country", "org") if _CONJ_HEAD.match(u.claim.subject_text) else (
        "place", "country")  # fmt: skip
    rest = [k for k in u.actors if k.split(":", 1)[0] in qualifying]
    if len(people) == 1 and len(people) + len(rest) == len(u.actors):
        return tuple(people)
    return u.actors


#: per source, every (actor, predicate class) it states (align.acts_by_source)
Acts = dict[int, set[tuple[str, str]]]


def _acts_elsewhere(
    only_a: set[str], only_b: set[str], a: Unit, b: Unit, cls: str, acts: Acts
) -> bool:
    return any((x, cls) in acts.get(b.source, ()) for x in only_a) or any(
        (y, cls) in acts.get(a.source, ()) for y in only_b
    )


def _listed(u: Unit, names: set[str]) -> bool:
    """Whether a claim's several actors are a list (conjuncts of its subject, or a passive's
    agents) rather than names that qualify one subject ("The man, a New Zealander living in
    Melbourne": one person, two names around him)."""
    subject = u.claim.subject_text
    if len(names) < 2 or not subject:
        return True
    # "Rahman, who famously beat Lennox Lewis": a relative clause holds no list member
    subject = re.split(r",\s*(?:who|which|whose|whom)\b", subject, maxsplit=1)[0]
    conjuncts = [p for p in CONJUNCT.split(subject) if p.strip()]
    return len(conjuncts) >= 2 and not _CONJ_HEAD.match(subject)


#: a subject that opens on a common noun and its determiner (a name may qualify the noun: "a
#: CMRS diver,") is one thing described, however many names its appositions hold
_CONJ_HEAD = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w-]*\s+){0,3}[a-z][\w-]*\s*,")


#: Confidence at most of a finding whose two sides may well tell of two different things.
UNSURE = 0.6
#: An actor dispute on the same verb but not the same statement: shown, below high confidence.
SAME_VERB_ACTOR = 0.65
#: ... unless the two claims match at least this well (one act told in other words)
SAME_VERB_ACTOR_MATCH = 0.7

#: Confidence at most of an actor dispute where a side names its actor only by a pronoun: "He
#: stole her gun" resolved to the wrong man is likelier than a report naming another thief.
PRONOUN_ACTOR = 0.5
PRONOUNS = frozenset(["he", "she", "they", "it", "him", "her", "them", "we", "i", "you"])


def _by_pronoun(u: Unit) -> bool:
    return u.claim.subject_text.strip().lower() in PRONOUNS


def _named_in(name: str, names: set[str]) -> bool:
    """Whether a name slug is among others, a surname matching a full name ("biden" and
    "joe_biden", however each report typed it), or the same first and last name around a
    middle name or initial ("brian_nichols" and "brian_g_nichols")."""
    return any(
        name == n
        or n.endswith("_" + name)
        or name.endswith("_" + n)
        or n.startswith(name + "_")
        or name.startswith(n + "_")
        or _first_last(name, n)
        or _spelt_alike(name, n)
        or _short_first_name(name, n)
        or _short_first_name(n, name)
        for n in names
    )


def _short_first_name(x: str, y: str) -> bool:
    """A first name alone, or a short form of it, for a full name ("katie" / "kathryn_jenkin")."""
    wx, wy = x.split("_"), y.split("_")
    if len(wx) != 1 or len(wy) < 2 or len(wx[0]) < 3:
        return False
    return wy[0].startswith(wx[0][:3])


def same_people(xa: set[str], xb: set[str]) -> bool:
    """Two lists of the same people, by surname, whatever titles and first names come with
    them ("Capt. Tom Tennant and Bill Hakim" / "Trooper William Hakim and Capt. Tom Tennant")."""
    people_a = {x.rsplit("_", 1)[-1] for x in xa if "_" in x}
    people_b = {y.rsplit("_", 1)[-1] for y in xb if "_" in y}
    return len(people_a) >= 2 and (people_a <= people_b or people_b <= people_a)


def _spelt_alike(x: str, y: str) -> bool:
    """The same full name spelt two ways ("duncan_rait" / "duncan_raite")."""
    from rapidfuzz import fuzz

    wx, wy = x.split("_"), y.split("_")
    return len(wx) >= 2 and len(wx) == len(wy) and wx[0] == wy[0] and fuzz.ratio(x, y) >= 90


def _first_last(x: str, y: str) -> bool:
    """The same first and last name around a middle one, or the same surname after a first
    name cut short ("roz_achterberg" / "rosalind_achterberg")."""
    wx, wy = x.split("_"), y.split("_")
    if len(wx) < 2 or len(wy) < 2 or wx[-1] != wy[-1]:
        return False
    return wx[0] == wy[0] or (wx[0][:2] == wy[0][:2] and len(wx) == len(wy) == 2)


def check_attribution(a: Unit, b: Unit, score: float = 1.0) -> Finding | None:
    """Different named sources for one statement. Every layer counts ("Garg added that X,
    according to the Coast Guard" names two): a source both sides name is no dispute. Only the
    same statement counts -- the same words, near enough: two people saying two things about
    one subject is two statements, not one credited twice."""
    xa, xb = a.attribution or a.speakers, b.attribution or b.speakers
    if _infinitive(a) or _infinitive(b):
        return None  # "to Restore Legitimacy in Yemen" (in a name, say) is stated by no one
    if not xa or not xb or not same_statement(a, b, score):
        return None
    if not xa or not xb or slugs(xa) & slugs(xb) or _same_person(xa, xb):
        return None
    # a source the other sentence names (as a participant, say) is accounted for there
    xa = tuple(k for k in xa if not _mentioned((k,), b))
    xb = tuple(k for k in xb if not _mentioned((k,), a))
    if not xa or not xb:
        return None
    kinds_a, kinds_b = {_kind(k) for k in xa}, {_kind(k) for k in xb}
    # a name as written ("said:mayor_ana_ruiz", no canonical entity) may be of either kind
    same_kind = bool(kinds_a & kinds_b) or "said" in kinds_a | kinds_b
    if same_source(xa, xb):
        return None
    conf = 0.75 if same_kind else 0.45
    words = _statement_words(a)
    if not (named_sources(xa) and named_sources(xb) and words == _statement_words(b)
            and len(words) >= ATTRIBUTION_MIN_WORDS):  # fmt: skip
        # only the same words (enough of them to be one statement, not a phrase two people
        # may both say), each with a speaker named in full, are sure
        conf = min(conf, UNSURE)
    if not (_named_in_sentence(a, xa) and _named_in_sentence(b, xb)):
        # "..., he said": who "he" is (the last man named before) is our reading, not the report's
        conf = min(conf, UNSURE)
    return Finding("attribution", conf, Side(a, ", ".join(xa)), Side(b, ", ".join(xb)))


def _named_in_sentence(u: Unit, keys: tuple[str, ...]) -> bool:
    """Every source the claim is credited to is named (by its last word) in the claim's own
    sentence, not reached through a pronoun or an earlier paragraph."""
    text = u.sentence_text.lower()
    return all(re.search(rf"\b{re.escape(k.rsplit('_', 1)[-1].split(':')[-1])}\b", text)
               for k in keys)  # fmt: skip


#: Share of content words (names aside) two claims must have in common to be one statement,
#: and the lower share that does with a near-identical embedding.
SAME_STATEMENT_WORDS = 0.6
SAME_STATEMENT_CLOSE = (0.45, 0.85)


def _statement_words(u: Unit, aside: bool = False) -> frozenset[str]:
    """The content words of what a claim says, without who it is attributed to (nor, when
    ``aside``, what is set off between commas about its subject: see ``same_statement``)."""
    text = u.core or u.text
    if aside and not u.core:
        text = text.replace(subject_aside(u), " ", 1)
    return _words_said(text, (*u.attribution, *u.speakers))


def subject_aside(u: Unit) -> str:
    """What the claim sets off between commas after its subject, before its verb ("Strell, who
    left yesterday for a two-day state visit to Kelvary, had not spoken": "who left yesterday
    ... Kelvary"), or ""."""
    before = _before_own_verb(u)
    first, last = before.find(","), before.rfind(",")
    return before[first + 1 : last] if 0 <= first < last else ""


def _both_aside(a: Unit, b: Unit) -> bool:
    """Both claims set something off about their subject (``subject_aside``)."""
    return bool(subject_aside(a).strip() and subject_aside(b).strip())


def aside_words(u: Unit) -> frozenset[str]:
    """The words of ``subject_aside``, in lower case, as a claim's gist holds them ("two-day"
    whole and in its parts)."""
    aside = subject_aside(u).lower()
    return frozenset(_QWORD.findall(aside)) | frozenset(_HYPHENED.findall(aside))


_HYPHENED = re.compile(r"\w+(?:-\w+)+")


@lru_cache(maxsize=8192)
def _words_said(text: str, sources: tuple[str, ...]) -> frozenset[str]:
    # cached: a claim is read once for each claim it is paired with
    said_by = {w for k in sources for w in k.split(":", 1)[-1].split("_")}
    words = {stem(w.lower().replace("’", "'")) for w in _QWORD.findall(text)
             if not w[0].isdigit()}  # fmt: skip
    return frozenset(words - _FUNCTION_WORDS - said_by - _ATTRIBUTING - _POLAR - _AUXILIARY)


_AUXILIARY = frozenset(_WORDS["auxiliary"])


def stem(word: str) -> str:
    """A crude stem, enough to see "reprises" and "reprise" as one word."""
    word = word.removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_ATTRIBUTING = frozenset(["said", "says", "according", "told", "added", "stated", "reported"])


def same_statement(a: Unit, b: Unit, score: float) -> bool:
    """Whether two claims say the same thing in (nearly) the same words."""
    # two claims that each set off something about their subject are compared without it:
    # one person described alike ("Strell, on a two-day state visit to Kelvary, was asked" /
    # "Strell, who left for a two-day state visit to Kelvary, had not spoken") says two things
    aside = _both_aside(a, b)
    ga, gb = _statement_words(a, aside), _statement_words(b, aside)
    if not ga or not gb:
        return False
    share = len(ga & gb) / len(ga | gb)
    low, close = SAME_STATEMENT_CLOSE
    return share >= SAME_STATEMENT_WORDS or (share >= low and score >= close)


#: Match from which two claims of opposite polarity dispute one statement; from the lower bar
#: when they also count the same thing alike with the same predicate.
POLARITY_MIN = 0.68
POLARITY_ANCHORED_MIN = 0.6


def _shared_count(a: Unit, b: Unit) -> bool:
    return any(
        qa.counts and qa.counts == qb.counts and not qa.approximate and same_count(qa, qb)
        for qa in a.quantities
        for qb in b.quantities
    )


def _same_person(xa: tuple[str, ...], xb: tuple[str, ...]) -> bool:
    """A person on one side whose surname the other side's name holds ("person:ana_ruiz" and
    "said:mayor_ruiz", or a name the tagger ran on into the next words): one source."""

    def surnames(keys: tuple[str, ...]) -> set[str]:
        return {k.rsplit("_", 1)[-1] for k in keys if _personal(k) and "_" in k}

    def words(keys: tuple[str, ...]) -> set[str]:
        return {w for k in keys for w in k.split(":", 1)[-1].split("_")}

    return bool(surnames(xa) & words(xb) or surnames(xb) & words(xa))


def _personal(key: str) -> bool:
    """A person's key, or a name as written that starts with a title ("said:mayor_ana_ruiz")."""
    from newsprism.extract.gazetteer import load

    kind, _, name = key.partition(":")
    if kind == "person":
        return True
    gaz = load()
    return kind == "said" and name.split("_", 1)[0] in gaz.roles | gaz.honorifics


#: Content words a statement needs before two speakers of it are a sure attribution dispute.
ATTRIBUTION_MIN_WORDS = 6


def named_sources(keys: tuple[str, ...]) -> bool:
    """Sources named as someone in particular: not a bare role ("Public Relations Officer")."""
    from newsprism.extract.gazetteer import load

    gaz = load()
    generic = gaz.roles | gaz.honorifics | _SOURCE_WORDS
    return bool(keys) and all(not set(k.split(":", 1)[-1].split("_")) <= generic for k in keys)


_SOURCE_WORDS = frozenset(_WORDS["source_words"])


def same_source(xa: tuple[str, ...], xb: tuple[str, ...]) -> bool:
    """One source under two spellings: a shared key or surname, a name inside the other, or
    names alike letter by letter ("Vincent DelGiudice" / "Vincent Del Giudice")."""
    from rapidfuzz import fuzz

    sa, sb = slugs(xa), slugs(xb)
    if sa & sb or _same_person(xa, xb) or any(_named_in(x, sb) for x in sa):
        return True
    return any(fuzz.ratio(x.replace("_", ""), y.replace("_", "")) >= 85 for x in sa for y in sb)


def _infinitive(u: Unit) -> bool:
    return u.text.split(maxsplit=1)[0].lower() == "to"


def check_polarity(a: Unit, b: Unit, score: float) -> Finding | None:
    """One claim denies what the other states. The same predicate makes it clear; different
    predicates need claims that match closely otherwise ("X did not release" / "X issued")."""
    if a.negated == b.negated or _states_agree(a, b):
        return None
    nobody = no_one_did_it(a, b)
    named = one_named_subject(a, b) or nobody
    if score < (NAMED_SUBJECT_MIN if named else POLARITY_ANCHORED_MIN):
        return None
    cls = action_class(a.claim.action)
    same = cls == action_class(b.claim.action)
    # the same predicate about the same named participants is the same statement; so is the
    # same (non-light) predicate with the same words around it once the negation is set aside
    shared = bool(a.keys & b.keys) or bool(slugs(a.keys) & slugs(b.keys))
    one_speaker = _one_speaker_of_one_subject(a, b, score)
    proposition = _same_proposition(a, b)
    anchored = shared or _shared_count(a, b) or one_speaker or named or proposition
    if score < POLARITY_MIN and not (
        same and cls not in _LIGHT and (_shared_count(a, b) or named or proposition)
    ):
        # below the usual bar only the same telling predicate of the same exact count ("was
        # escorting five merchant vessels" / "was not escorting the five merchant vessels")
        return None
    if not same:
        # different predicates must match closely otherwise, the denial must sit on the claim's
        # own predicate, and the other sentence must deny nothing (or it may deny the same)
        yes, no = (a, b) if b.negated else (b, a)
        if score < 0.8 or not no.claim.negated:
            return None
        if negation_cues(yes.text) or negation_cues(_rest_of_sentence(yes)):
            return None
    heavy = cls not in _LIGHT
    same_words = heavy and _plain_overlap(a, b) >= 0.45
    if not same:
        conf = 0.75  # "X was serving a sentence" / "X was not in prison", closely aligned
    elif score >= 0.75 or (anchored and (score >= 0.7 or heavy)) or same_words:
        conf = 0.8
    else:
        conf = 0.65
    one_statement = (
        same_statement(a, b, score)
        or (_shared_count(a, b) and _plain_overlap(a, b) >= 0.45)
        or proposition
        or one_speaker
        or named
    )
    # two verbs for one act ("triggered its emergency heat plan" / "NEVER switched on its own
    # heat emergency plan") in claims that match as closely as one statement's tellings
    one_act = same or (score >= SYNONYM_POLARITY_MIN and heavy)
    if not (one_voice(a, b) and _plainly_denied(a, b) and anchored and one_act and one_statement):
        # a denial by one party against another's claim is both sides reported; "no chance of
        # parole" or "without" negates a phrase, not the statement; and a statement about no
        # one in particular may be about someone else
        conf = min(conf, POLARITY_UNSURE)
    va = "negative" if a.negated else "affirmative"
    vb = "negative" if b.negated else "affirmative"
    note = _denial_note(named, nobody) if conf >= 0.7 and score < POLARITY_MIN else ""
    return Finding("polarity", conf, Side(a, va), Side(b, vb), note=note)


#: How closely claims told with two verbs must match for one's denial of the other to be sure
SYNONYM_POLARITY_MIN = 0.9


def _denial_note(named: bool, nobody: bool) -> str:
    """Why a sure denial matching below the usual bar is one statement."""
    if not named:
        return ""
    return NOBODY_DENIAL_NOTE if nobody else NAMED_DENIAL_NOTE


def check_frame_polarity(a: Unit, b: Unit, score: float) -> Finding | None:
    """One body said, in the reports' own voices, to have confirmed a statement and not to have
    confirmed it (or to have denied it): "The Ministry of Finance confirmed on Monday that the
    memo was genuine" / "The finance ministry has not confirmed that the document is genuine".
    The statements are the claims compared (they match); the frames around them are what
    differs, and the claims alone carry no negation."""
    if score < FRAME_MATCH:
        return None
    fa, fb = _frame(a), _frame(b)
    if fa is None or fb is None or fa.denied == fb.denied or not fa.doer & fb.doer:
        return None
    va = "negative" if fa.denied else "affirmative"
    vb = "negative" if fb.denied else "affirmative"
    # statements that match loosely may be two a body confirmed one and not the other of
    conf = FRAME_CONFIDENCE if score >= FRAME_SURE else UNSURE
    return Finding("polarity", conf, Side(a, va, fa.span), Side(b, vb, fb.span), note=FRAME_NOTE)


def frame_keys(u: Unit) -> set[tuple[str, str]]:
    """("frame", "confirm") for a claim framed by a verb that confirms or denies it."""
    return {("frame", "confirm")} if _frame(u) is not None else set()


#: How well two statements must match for the frames confirming and denying them to be about
#: one statement, and the confidence of such a dispute
FRAME_MATCH = 0.5
FRAME_SURE = 0.55
FRAME_CONFIDENCE = 0.75
FRAME_NOTE = "One body is said to have confirmed the statement, and not to have confirmed it."


@dataclass(frozen=True)
class _Frame:
    """The verb that confirms or denies a claim, in the sentence right before it: whether it
    denies ("has not confirmed", "denied"), the content words of who does it, and its span."""

    denied: bool
    doer: frozenset[str]
    span: tuple[int, int]


def _frame(u: Unit) -> _Frame | None:
    # the frame before the claim, or opening it ("The ministry confirmed ... that the document
    # was authentic" read as one claim)
    at = max(u.start - u.sentence_start, 0)
    inner = _THAT.search(u.text)
    if inner is not None and _CONFIRMING.search(u.text[: inner.start()]):
        at += inner.start()
    lo = max(at - FRAME_WINDOW, 0)
    prefix = u.sentence_text[lo:at]
    frames = list(_CONFIRMING.finditer(prefix))
    found = frames[-1] if frames else None
    if found is None or len(prefix) - found.end() > FRAME_REACH or _SAID.search(prefix):
        return None  # no frame, or one a speaker reports ("Holberg said the ministry denied")
    head = prefix[: found.start()]
    not_ = _NOT_BEFORE.search(head) is not None
    deny = found.group(1).lower().startswith("den")
    if not_ and deny:
        return None  # "did not deny that ...": neither confirmed nor denied
    denied = not_ or deny
    said_by = re.split(r"[,;:]", head)[-1]
    doer = frozenset(_content(said_by)) - _FRAME_FILLER
    # the frame shown: who, and the verb with its negation ("The finance ministry has not
    # confirmed")
    start = u.sentence_start + lo + len(head) - len(said_by.lstrip())
    return _Frame(denied, doer, (start, u.sentence_start + lo + found.end()))


_THAT = re.compile(r"\bthat\b")
#: a verb that confirms or denies what follows it
_CONFIRMING = re.compile(r"\b(confirm(?:s|ed|ing)?|den(?:y|ies|ied|ying))\b", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\s+(?:yet\s+|publicly\s+|officially\s+)?$")
_SAID = re.compile(r"\b(?:said|says|told|according\s+to|claimed|alleged)\b", re.IGNORECASE)
#: characters between the frame's verb and the claim it frames ("on Monday morning that"),
#: and characters read before the claim for the frame and who says it
FRAME_REACH = 60
FRAME_WINDOW = 200
_FRAME_FILLER = frozenset({"has", "have", "had", "did", "does", "do", "yet", "so", "far"})


#: why a denial of one named thing's one act is high though the claims match loosely
NAMED_DENIAL_NOTE = "One named thing is said, by the same verb, to have been done and never done."


NOBODY_DENIAL_NOTE = (
    "One report says no one did to the named people or thing what another says was done to them."
)


def no_one_did_it(a: Unit, b: Unit) -> bool:
    """A denial whose subject is no one ("NOBODY warned Quessanby's fishermen") against the same
    verb done to the same named people or thing ("The coastguard had warned Quessanby's fishing
    fleet"): no one denies it of every doer, so the doers need not match."""
    yes, no = (a, b) if b.negated else (b, a)
    if yes.negated or not _NOBODY.fullmatch(no.claim.subject_text or ""):
        return False
    if _lemma_of(yes.claim.action) != _lemma_of(no.claim.action):
        return False
    return bool(_name_words(yes.claim.patient) & _name_words(no.claim.patient))


#: a subject that is no one
_NOBODY = re.compile(r"\s*(?:nobody|no\s*-?\s*one)\s*", re.IGNORECASE)


def _lemma_of(action: str) -> str:
    return action.split(" ", 1)[0].lower()


def _name_words(text: str) -> set[str]:
    """The capitalised words of a phrase, without a possessive ("Quessanby's fishermen")."""
    words = re.findall(r"\b[A-Z][\w-]+", re.sub(r"['’]s\b", "", text or ""))
    return {w.lower() for w in words if w.lower() not in ("the", "a", "an")}


def one_named_subject(a: Unit, b: Unit) -> bool:
    """One named thing, the subject of both claims, and one telling verb, undated or dated
    alike: "The Corn Hall had never been strengthened" / "In 2017 the Corn Hall was
    strengthened under the retrofit programme" -- one proposition, however much more one
    claim says around it."""
    cls = action_class(a.claim.action)
    if cls in _LIGHT or cls != action_class(b.claim.action):
        return False
    head = _head_of_subject(a)
    if not head or head in _RELATIVE_PRONOUNS or head != _head_of_subject(b):
        return False
    # a thing named (a hall, a bridge, a plant), not a person, whose acts are many ("Rahman
    # barely landed a punch" / "Rahman arrived in Germany on Monday")
    named = [
        k for k in a.keys & b.keys
        if not k.startswith("person:") and stem(_surname(k).lower()) == head
    ]  # fmt: skip
    # both dated, otherwise than each other: two times, perhaps two acts ("was not inspected
    # in 2020" / "was inspected in 2019")
    dated_both = bool(a.times and b.times) and not _written(a) & _written(b)
    return (bool(named) or _one_thing(a, b, head)) and not dated_both


def _asserts_nothing(u: Unit) -> bool:
    """A clause that describes a thing or qualifies another clause: "(a new treatment) that
    does not rely on steroids", "as fast as the roads allow", "when the sirens went up". A
    clause that a verb of saying reports ("can reveal that no alarm sounded") asserts."""
    opening = _SUBORDINATE.match(u.text)
    if opening is None:
        return False
    if opening.group(1).lower() in ("that", "which", "who"):
        return u.claim.subject_text.lower() not in u.text.lower()  # its subject is outside
    return True


#: a claim that opens a clause that describes or qualifies, asserting nothing of its own
_SUBORDINATE = re.compile(
    r"\s*(that|which|who|whose|as|if|unless|until|when|whenever|while|before|after|because|"
    r"since|although|though|once|so)\b",
    re.IGNORECASE,
)


def _one_thing(a: Unit, b: Unit, head: str) -> bool:
    """A thing named by a common noun in both claims, not a doer ("An alarm sounded at 3.13am"
    / "no alarm sounded while the gang were inside"; "the yard camera had not been working" /
    "the camera covering the yard was working"), with nothing else acted on: the one thing the
    story has of that name, whose few acts a verb tells apart. A doer's ("the police") or a
    person's acts are many."""
    if head in _DOER_NOUNS or a.claim.actors or b.claim.actors:
        return False
    if contrasted(a.claim.subject_text, b.claim.subject_text):
        return False
    if any(_asserts_nothing(u) for u in (a, b)):
        return False
    phrases = [re.split(_AFTER_HEAD, u.claim.subject_text, maxsplit=1)[0] for u in (a, b)]
    # a common noun: lower case in one, and at most capitalised at a sentence's start in the
    # other ("Sirens sounded across Sennick" / "No siren sounded")
    common = any(_last_word_lower(p) for p in phrases) and all(
        p.split()[-1][1:].islower() for p in phrases if p.split()
    )
    return common and all(
        not u.claim.patient or _last_word(u.claim.patient) == head for u in (a, b)
    )


#: How well two claims of one named subject and one verb must match for one to deny the other
NAMED_SUBJECT_MIN = 0.5


def _never_against_once(a: Unit, b: Unit) -> bool:
    """ "The Corn Hall had never been strengthened" / "In 2017 the Corn Hall was strengthened":
    a "never" holds for any year the other side names, so the year sets no background apart."""
    never = any(_NEVER.search(u.text) for u in (a, b) if u.negated)
    return never and participants_compatible(a, b) and one_named_subject(a, b)


_NEVER = re.compile(r"\bnever\b", re.IGNORECASE)


def check_state(a: Unit, b: Unit, score: float) -> Finding | None:
    """One subject in opposite states: "The freight train's driver escaped unhurt" / "The
    freight train's driver was also injured"; "the emergency department stayed open" / "the
    emergency department was forced to shut its doors". The claims must match and name their
    subject alike (the same head word), and neither may deny its state."""
    if score < STATE_MIN or _parts_of_day_apart(a, b):
        return _outcome_dispute(a, b)
    heads = {h for h in (_head_of_subject(a), _head_of_subject(b)) if h}
    for sides in _OPPOSITE_STATES:
        sa, sb = _state(a, sides), _state(b, sides)
        if sa is None or sb is None or sa[0] == sb[0]:
            continue
        # the subject's head word stands right before the state in both ("the emergency
        # department was forced to shut" / "the emergency department at Merrow General stayed
        # open"): a state of one thing, not of two ("the driver" / "41 passengers")
        held = _content(a.text[max(sa[2] - STATE_REACH, 0) : sa[2]]) & _content(
            b.text[max(sb[2] - STATE_REACH, 0) : sb[2]]
        )
        if not heads & held:
            return None
        if contrasted(
            a.text[max(sa[2] - STATE_REACH, 0) : sa[2]], b.text[max(sb[2] - STATE_REACH, 0) : sb[2]]
        ):
            return None  # "the inner gate was closed" / "The outer gate stayed open": two gates
        sure = score >= STATE_SURE and one_voice(a, b)
        conf = 0.8 if sure else POLARITY_UNSURE
        return Finding("polarity", conf, Side(a, sa[1]), Side(b, sb[1]))
    return _outcome_dispute(a, b)


def _outcome_dispute(a: Unit, b: Unit) -> Finding | None:
    """One trial passed and failed, one offer accepted and rejected -- sure when both claims
    are in one voice: see ``opposite_outcomes``."""
    found = opposite_outcomes(a, b)
    if found is None:
        return None
    conf = OUTCOME_CONFIDENCE if one_voice(a, b) else POLARITY_UNSURE
    return Finding("polarity", conf, Side(a, found[0]), Side(b, found[1]), note=OUTCOME_NOTE)


def opposite_outcomes(a: Unit, b: Unit) -> tuple[str, str] | None:
    """The opposite outcomes two claims give one trial or proposal, named alike in the words
    right after them: "Brenmoor failed a state safety inspection in October" / "The colliery
    passed its most recent state inspection, in October". Neither may deny its outcome,
    "failed to" is none, and where both name who underwent it, the names agree."""
    if _hypothetical(a) or _hypothetical(b):
        return None  # "the plant could fail its next inspection"
    for sides in _OPPOSITE_OUTCOMES:
        sa, sb = _state(a, sides), _state(b, sides)
        if sa is None or sb is None or sa[0] == sb[0]:
            continue
        after_a = a.text[sa[2] + len(sa[1]) : sa[2] + len(sa[1]) + OUTCOME_REACH]
        after_b = b.text[sb[2] + len(sb[1]) : sb[2] + len(sb[1]) + OUTCOME_REACH]
        if _NOT_AN_OUTCOME.match(after_a) or _NOT_AN_OUTCOME.match(after_b):
            return None
        if len(_content(after_a) & _content(after_b)) < OUTCOME_WORDS:
            return None
        return (sa[1], sb[1]) if participants_compatible(a, b) else None
    return None


def gives_outcome(u: Unit) -> bool:
    """Whether the claim gives an outcome of ``opposite_outcomes`` ("passed", "rejected")."""
    return any(rx.search(u.text) for sides in _OPPOSITE_OUTCOMES for rx in sides)


_OPPOSITE_OUTCOMES = tuple(
    tuple(
        re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + r")\b", re.I)
        for words in pair
    )
    for pair in LEXICON["opposite_outcomes"]
)
#: "failed to appear", "passed away", "passed through": no outcome of a trial
_NOT_AN_OUTCOME = re.compile(r"\s*(?:to|away|through|on|by|over|out|in|into)\b", re.I)
#: characters after the outcome read for what it is of, and the words of it both must share
OUTCOME_REACH = 40
OUTCOME_WORDS = 2
OUTCOME_CONFIDENCE = 0.75
OUTCOME_NOTE = "Opposite outcomes (passed / failed, accepted / rejected) of one thing named alike."


def _parts_of_day_apart(a: Unit, b: Unit) -> bool:
    """Each claim dates its state to another part of the day: a state changes ("remained
    closed on Wednesday morning" / "reopened yesterday afternoon")."""
    pa, pb = set(_PART_OF_DAY.findall(a.text.lower())), set(_PART_OF_DAY.findall(b.text.lower()))
    return bool(pa and pb) and not pa & pb


_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|midday|noon|midnight)\b")


#: How well two claims must match for opposite states of their subject to be compared, and
#: to be sure of it
STATE_MIN = 0.6
STATE_SURE = 0.75
#: characters before a state in which its subject is named
STATE_REACH = 60
#: per pair of opposite states, each side's words ("unhurt" / "injured"), as patterns
_OPPOSITE_STATES = tuple(
    tuple(
        re.compile(r"\b(?:" + "|".join(w.replace(" ", r"[\s-]+") for w in words) + r")\b", re.I)
        for words in pair
    )
    for pair in LEXICON["opposite_states"]
)


def _state(
    u: Unit, sides: tuple[re.Pattern[str], ...], denied: bool = False
) -> tuple[int, str, int] | None:
    """Which of two opposite states the claim gives (its word, and where in the claim), None
    for none or both; a state denied ("was not injured") only when ``denied`` is asked for."""
    found = [(n, m) for n, rx in enumerate(sides) if (m := rx.search(u.text))]
    if len(found) != 1:
        return None
    n, m = found[0]
    if bool(_DENIED_BEFORE.search(u.text[max(m.start() - 24, 0) : m.start()])) != denied:
        return None
    return n, m.group(0).lower(), m.start()


def _states_agree(a: Unit, b: Unit) -> bool:
    """One claim denies the state opposite to the other's: "was not injured" / "escaped
    unhurt" say one thing."""
    for sides in _OPPOSITE_STATES:
        for x, y in ((a, b), (b, a)):
            sx, sy = _state(x, sides, denied=True), _state(y, sides)
            if sx is not None and sy is not None and sx[0] != sy[0]:
                return True
    return False


_DENIED_BEFORE = re.compile(r"\b(?:not|never|no|nor)\s+(?:\w+\s+){0,2}$|n['’]t\s+(?:\w+\s+){0,2}$")


#: what follows a subject's head: a clause or a phrase about it ("at Merrow General")
_AFTER_HEAD = re.compile(
    r",|\s+(?:who|which|that|at|of|in|on|for|from|covering|overlooking|guarding|facing|serving|"
    r"linking|carrying|holding|connecting|monitoring)\s"
)


def _head_of_subject(u: Unit) -> str:
    """The subject's head word, a clause after it set aside ("The driver, who has not been
    named, ...": driver)."""
    text = u.claim.subject_text
    head = re.split(_AFTER_HEAD, text, maxsplit=1)[0]
    if _PARTITIVE.fullmatch(head.strip()) and text[len(head) :].startswith(" of "):
        # "Members of the federation's executive board": the board
        head = re.split(_AFTER_HEAD, text[len(head) + 4 :], maxsplit=1)[0]
    return _last_word(head)


#: heads that stand for a part of the body named after "of"
_PARTITIVE = re.compile(
    r"(?:(?:the|some|most|all|several)\s+)?(?:members?|most|some|all|several)", re.I
)


#: Confidence at most of a polarity dispute that is not plainly one statement affirmed and
#: denied in one voice.
POLARITY_UNSURE = 0.6
_VERBAL_NEGATION = re.compile(
    r"\b(?:not|never|no longer|fail(?:s|ed)? to)\b|n['’]t\b", re.IGNORECASE
)


def _same_proposition(a: Unit, b: Unit) -> bool:
    """The same doer, named alike, and the same telling predicate with the same object:
    "Halvik conceded defeat in a brief statement" / "Teodor Halvik did not concede defeat on
    Monday, telling party workers ...", however much more each sentence says."""
    cls = action_class(a.claim.action)
    if cls != action_class(b.claim.action) or cls in _LIGHT:
        return False
    doers = set(a.claim.actors) & set(b.claim.actors)
    if (doers or _one_common_doer(a, b)) and (_object_words(a) & _object_words(b)) - _QUANTIFIERS:
        return True
    # the thing done to, as one side's object and the other's subject, no doer named there:
    # "crews put up demountable flood barriers" / "the demountable barriers ... were never put up"
    return _done_to(a, b) or _done_to(b, a)


def _one_common_doer(a: Unit, b: Unit) -> bool:
    """Both claims' subjects are the same common noun, no name and no pronoun ("police did NOT
    fire a single tear gas canister" / "Police fired tear gas"): the story's one such body."""
    if a.claim.actors or b.claim.actors:
        return False
    head = _head_of_subject(a)
    return len(head) > 2 and head == _head_of_subject(b) and head not in _NOT_A_DOER


#: subject heads that name no one body of a story ("people", "some")
_NOT_A_DOER = frozenset({"people", "some", "many", "others", "one", "who", "that", "which",
                         "they", "he", "she", "it", "we", "you", "this", "there",
                         "all"})  # fmt: skip


def _done_to(active: Unit, passive: Unit) -> bool:
    # the subject's first words hold its head before any clause after it ("the demountable
    # barriers meant to seal off Quay Street - part of ...": demountable, barriers)
    opening = _QWORD.findall(passive.claim.subject_text)[: OBJECT_WORDS + 1]
    thing = _content(" ".join(opening)) - _POLAR - _QUANTIFIERS
    return (
        not passive.claim.actors
        and not _agent_after_verb(active)
        and bool(thing & _object_words(active))
    )


def _agent_after_verb(u: Unit) -> bool:
    """The verb is passive with its doer after it ("are no longer affected by the outage"):
    what follows is no object."""
    return bool(re.match(r"\s*by\b", _after_verb(u), re.IGNORECASE))


#: words that say how much of a thing, not which ("all such ISPs" / "all SEACOM traffic")
_QUANTIFIERS = frozenset({"all", "such", "every", "each", "some", "any", "many", "most", "more",
                          "other", "both", "several", "few", "no"})  # fmt: skip


def _one_speaker_of_one_subject(a: Unit, b: Unit, score: float) -> bool:
    """One named speaker says the same thing of the same subject, named alike, and the claims
    match closely: "her client would appeal against the conviction", lawyer Brandt said / "her
    client would not appeal against the verdict", Brandt said. Nobody else is named to anchor
    it, but one speaker's one statement cannot be both."""
    if score < ONE_SPEAKER_MATCH or not (a.speakers and b.speakers) or not one_voice(a, b):
        return False
    cls = action_class(a.claim.action)
    if cls != action_class(b.claim.action) or cls in _LIGHT:
        return False
    head = _head_of_subject(a)
    return bool(head) and head not in _RELATIVE_PRONOUNS and head == _head_of_subject(b)


#: How closely one speaker's two claims about one subject must match to be one statement
ONE_SPEAKER_MATCH = 0.8
#: subjects that are only a relative pronoun ("who", of a clause); _last_word drops personal ones
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def _object_words(u: Unit) -> set[str]:
    """The content words of the few words right after the claim's verb ("conceded defeat in a
    brief statement": defeat, brief)."""
    after = _QWORD.findall(_after_verb(u))[:OBJECT_WORDS]
    return _content(" ".join(after)) - _POLAR


def _after_verb(u: Unit) -> str:
    """The claim's words after its verb ("" when extract marked no verb)."""
    end = u.claim.predicate[1] - u.start if u.claim.predicate else -1
    return u.text[end:] if end >= 0 else ""


#: Words after a verb that hold its object
OBJECT_WORDS = 3


def one_voice(a: Unit, b: Unit) -> bool:
    """Both in the outlets' own voice, or both from the same source."""
    xa, xb = a.attribution or a.speakers, b.attribution or b.speakers
    if not xa and not xb:
        return True
    return bool(xa and xb) and (bool(slugs(xa) & slugs(xb)) or _same_person(xa, xb))


def _plainly_denied(a: Unit, b: Unit) -> bool:
    """The negative side negates its verb ("did not", "never"), and the affirmative side's
    sentence denies nothing at all."""
    yes, no = (a, b) if b.negated else (b, a)
    return _negates_verb(no) and not (
        negation_cues(yes.text) or negation_cues(_rest_of_sentence(yes))
    )


def _negates_verb(u: Unit) -> bool:
    """The negation stands at the claim's own verb ("has not confiscated"), not in a phrase
    after it ("confiscated 14 rifles, ... a force not to be trifled with")."""
    # "not only IE 7 but also IE 6" adds; "was not opened again until 9.44pm" dates the act
    if _NOT_A_DENIAL.search(u.text):
        return False
    return (
        bool(_VERBAL_NEGATION.search(" ".join(_around_verb(u))))
        or bool(_NO_SUBJECT.match(u.claim.subject_text))
        or bool(_NO_SUBJECT.match(u.claim.patient or ""))  # "held no licence"
    )


def _around_verb(u: Unit) -> list[str]:
    """The words around the claim's verb: four before it, itself and two after. The verb is
    found where the claim's predicate stands ("are" of "be" in "35 tenders are not on the
    spot"), else by its lemma's first letters, else the first half of the claim."""
    pred = u.claim.predicate
    if pred is not None and u.start <= pred[0] < u.end:
        at = pred[0] - u.start
        before = [w.lower() for w in _QWORD.findall(u.text[:at])][-4:]
        return before + [w.lower() for w in _QWORD.findall(u.text[at:])][:3]
    words = [w.lower() for w in _QWORD.findall(u.text)]
    verb = (u.claim.action.split() or [""])[0].lower()[:4]
    i = next((i for i, w in enumerate(words) if verb and w.startswith(verb)), None)
    return words[max(i - 4, 0) : i + 3] if i is not None else words[: len(words) // 2 + 1]


#: negations that deny nothing: an addition ("not only ... but also") or a time ("not ...
#: until 9.44pm": at 9.44pm; "is not expected for another six weeks": in six weeks)
_NOT_A_DENIAL = re.compile(
    r"\bnot\s+(?:only|just|merely|simply)\b"
    r"|\b(?:not|n't|never)\b[^;!?]{0,90}?\b(?:until|for\s+(?:another|a\s+further|at\s+least))\b",
    re.IGNORECASE,
)
#: a subject or an object whose determiner denies the act ("No siren sounded", "not a single
#: water cannon was deployed", "held no licence"), or that is no one ("Nobody warned them")
_NO_SUBJECT = re.compile(
    r"\s*(?:no|nobody|nothing|none|not\s+a\s+single|not\s+one|not\s+any)\b"
    # "Nothing less than the future of Europe is at stake", "none other than": no denial
    r"(?!\s+(?:less|more|fewer|other|short|but)\b)",
    re.IGNORECASE,
)


def _rest_of_sentence(u: Unit) -> str:
    """The claim's sentence up to the claim and after it, less any other clause that stands
    apart: a denial in a clause after a semicolon, or after "but" or "and" with a subject of its
    own ("... which sees Evelyn Abbott (Emily Blunt) and her family venturing out and finding
    that the creatures aren't the only threat") denies something else."""
    at = u.start - u.sentence_start
    before, after = u.sentence_text[: max(at, 0)], u.sentence_text[max(at, 0) + len(u.text) :]
    return before + " " + re.split(r"[;:]|\s(?:and|but|while|whereas)\s", after, maxsplit=1)[0]


#: words that only carry the negation (or its auxiliary) of a claim
_POLAR = frozenset(
    ["not", "n't", "never", "no", "do", "does", "did", "don't", "doesn't", "didn't", "longer"]
)


def _plain_overlap(a: Unit, b: Unit) -> float:
    """How much of their wording two claims share once negation words are set aside."""
    ga, gb = a.gist - _POLAR, b.gist - _POLAR
    return len(ga & gb) / len(ga | gb) if ga and gb else 0.0


#: Match from which claims with different predicates state one fact whose date or place they
#: can dispute ("Hansbrough made his decision on Friday" / "Hansbrough scored 20 points last
#: night" share a name, not a fact).
ONE_CLAIM_MIN = 0.75


#: ... or share this much of the shorter claim's wording once names are set aside
ONE_CLAIM_WORDS = 0.3


def _one_claim(a: Unit, b: Unit, score: float) -> bool:
    if action_class(a.claim.action) == action_class(b.claim.action) or score >= ONE_CLAIM_MIN:
        return True
    ga, gb = a.gist, b.gist
    return bool(ga and gb) and len(ga & gb) / min(len(ga), len(gb)) >= ONE_CLAIM_WORDS


def check_pair(a: Unit, b: Unit, score: float, pubs: tuple[str | None, str | None],
               days: tuple[date | None, date | None], acts: Acts | None = None,
               ) -> list[Finding]:  # fmt: skip
    """Every typed contradiction between two aligned claims (``acts``: see check_actors)."""
    one = _one_claim(a, b, score)
    # claims whose named doers differ tell of two happenings ("the Orioles offered $140m" /
    # "the Red Sox offered $200m"): their dates, numbers and places are not one fact's; so do
    # claims dated apart ("a 3.0 quake in June 2012" / "the 4.4 quake")
    same = participants_compatible(a, b) and not _hypothetical(a) and not _hypothetical(b)
    same = same and background(a) == background(b)
    apart = check_date(a, b, days[0], days[1]) is not None or _dated_apart(a, b)
    progress = _other_figures_of_one_thing(a, b)
    out = [
        check_date(a, b, days[0], days[1])
        if one and same and _same_act(a, b, score) and not progress
        else None,
        check_clock(a, b)
        if one and same and _one_act_timed(a, b, score) and not progress
        else None,
        check_number(a, b, pubs[0], pubs[1], score) if same and not apart else None,
        check_tally(a, b, score) if same else None,
        # claims dated apart tell two happenings, each in its place ("to appear before the
        # Crown Court on 19 August" / "before the magistrates on Tuesday")
        check_place(a, b, score) if one and same and not apart else None,
        check_actors(a, b, score, acts),
        check_polarity(a, b, score) if same or _never_against_once(a, b) else None,
        check_frame_polarity(a, b, score),
        # an outcome is one whatever else the claims date ("as recently as October")
        check_state(a, b, score) if same else _outcome_dispute(a, b),
        check_attribution(a, b, score),
    ]
    why = one_happening(a, b, score)
    return [replace(f, basis=why) for f in out if f is not None]


def check_once_told(
    a: Unit, b: Unit, score: float, days: tuple[date | None, date | None]
) -> Finding | None:
    """The date dispute of one telling act each report tells only once ("the crossing
    equipment was last inspected on Friday, Nov 5" / "the barriers, lights and signs had been
    inspected on Thursday 4 November"): one happening, though what it was done to is named
    otherwise and the rest of the sentences match less closely. A story's repeated acts
    (arrests, statements) are told several times in a report and need ``_same_act``; the
    caller knows which acts are told once. Only the date is compared: nothing else ties the
    claims."""
    if score < ONCE_ACT_MIN or not _same_predicate(a, b) or opposite_acts(a, b):
        return None
    if not participants_compatible(a, b) or _hypothetical(a) or _hypothetical(b):
        return None
    if background(a) != background(b) or _other_figures_of_one_thing(a, b):
        return None
    if _brought_apart(a, b):
        return None
    found = check_date(a, b, days[0], days[1])
    return replace(found, basis=ONCE_BASIS) if found is not None else None


def one_act_dated(a: Unit, b: Unit, days: tuple[date | None, date | None]) -> Finding | None:
    """The date dispute of two claims read apart from the claim pairs (the odd day out of
    several reports): nothing in them says they tell two acts -- two doers, one act and its
    undoing, a hypothetical, the background, a refusal to comment, two figures of one kind --
    and their days cannot both be right."""
    if not participants_compatible(a, b) or _hypothetical(a) or _hypothetical(b):
        return None
    if background(a) != background(b) or opposite_acts(a, b) or _brought_apart(a, b):
        return None
    if _NO_COMMENT.search(a.text) or _NO_COMMENT.search(b.text) or _first_and_again(a, b):
        return None
    if _other_figures(a, b):
        return None  # "shares rose 31% on Monday" / "had risen 9% on November 4": two rises
    return check_date(a, b, days[0], days[1])


def _other_figures(a: Unit, b: Unit) -> bool:
    """The claims give figures of one kind and unit that differ, whatever they count."""
    return any(
        qa.kind == qb.kind and qa.unit == qb.unit and qa.value != qb.value
        and not (is_year(qa) or is_year(qb))
        for qa in a.quantities for qb in b.quantities
    )  # fmt: skip


def _brought_apart(a: Unit, b: Unit) -> bool:
    """One act bringing its object to two levels ("raised the alert level to 4" / "raised its
    alert level to orange"): two acts, each with its own time."""
    ta, tb = _brought_to(a), _brought_to(b)
    return bool(ta and tb) and ta != tb


def _brought_to(u: Unit) -> str:
    """What the claim's act brings its object to ("raised the alert level to 4": "4"), or "".
    An order's "to" is what its object is told to do ("ordered Veskanet to submit a report"),
    no level."""
    if u.claim.action in _TELLING_TO:
        return ""
    found = _TO_AFTER_VERB.match(_after_verb(u))
    return found.group(1).lower() if found else ""


#: acts whose "to" is followed by what someone is told or asked to do
_TELLING_TO = frozenset(
    ["order", "ask", "tell", "urge", "instruct", "direct", "require", "force", "compel", "invite",
     "allow", "advise", "summon", "call on"]
)  # fmt: skip
# the word after "to" and any determiner: "raised the alert level to 4" (4), "handed to the
# prime minister" / "submitted to Prime Minister Corvath's office" (prime, both)
_TO_AFTER_VERB = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,4}?to\s+(?:(?:the|a|an|its|his|her|their)\s+)?([\w.-]+)",
    re.IGNORECASE,
)


def check_tally(a: Unit, b: Unit, score: float) -> Finding | None:
    """One body's one vote split two ways: "The board voted 5-2 for the increase" / "The
    board voted six to one for the rise". The claims must tell one act (the same verb) of one
    subject named alike; votes on two things ("the amendment fell by 124 votes to 121" / "the
    budget passed by 128 votes to 119") have two subjects."""
    ta, tb = tallies(a), tallies(b)
    if not ta or not tb or score < TALLY_MIN or not _same_predicate(a, b):
        return None
    if {t for t, _, _ in ta} & {t for t, _, _ in tb}:
        return None
    ha, hb = _head_of_subject(a), _head_of_subject(b)
    if not ha or ha != hb:
        return None
    (_, wa, sa), (_, wb, sb) = ta[0], tb[0]
    return Finding("number", TALLY, Side(a, wa, sa), Side(b, wb, sb), note=TALLY_NOTE)


#: Confidence of one body's one vote split two ways, the match its claims need, and its note
TALLY = 0.8
TALLY_MIN = 0.5
TALLY_NOTE = "Both give the split of the same vote by the same body; the splits differ."
_COUNT_WORD = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_TALLY = re.compile(
    rf"\b(?P<x>{_COUNT_WORD})(?:\s*[-–]\s*|\s+to\s+|\s+votes?\s+to\s+)(?P<y>{_COUNT_WORD})\b",
    re.IGNORECASE,
)
#: words that make a split a vote's ("voted 5-2", "a 5-2 majority", "split 5-2")
_VOTED = re.compile(r"\b(?:vot(?:e|ed|es|ing)|split|majority|ballot)\b", re.IGNORECASE)


#: a vote's split (the larger side first), as shown, and where it is written
Tally = tuple[tuple[int, int], str, tuple[int, int]]


def tallies(u: Unit) -> list[Tally]:
    """Each vote split the claim gives: its two sides as numbers (the larger first, as "6-1"
    and "one to six" are one split), as shown, and where it is written."""
    out = []
    for m in _TALLY.finditer(u.text):
        near = u.text[max(m.start() - 30, 0) : m.end() + 30]
        x, y = (number_value(m.group(g)) for g in ("x", "y"))
        if x is None or y is None or not _VOTED.search(near):
            continue
        split = (int(max(x, y)), int(min(x, y)))
        out.append((split, f"{split[0]}-{split[1]}", (u.start + m.start(), u.start + m.end())))
    return out


def check_clock(a: Unit, b: Unit) -> Finding | None:
    """One happening put at two times of day more than a loose reading of either allows:
    "came off the tracks at 7:42 p.m." / "happened shortly before 9pm". A bound ("before
    9pm", "by noon") allows any earlier time and is never disputed; nor are claims dated to
    two days (check_date tells those)."""
    days_a = {t.value for t in a.times if t.granularity == "day" and t.value}
    days_b = {t.value for t in b.times if t.granularity == "day" and t.value}
    if days_a and days_b and not days_a & days_b:
        return None
    ca, cb = _clocks(a), _clocks(b)
    # a time the other claim gives too is accounted for: "at 7:42 p.m., and again at 9pm"
    # against "at 9pm" pairs 9pm with 9pm, never with 7:42
    left_a = [x for x in ca if not any(_overlap_minutes(x[0], y[0]) for y in cb)]
    left_b = [y for y in cb if not any(_overlap_minutes(x[0], y[0]) for x in ca)]
    if not left_a or not left_b:
        return None
    (_, sa, ta), (_, sb, tb) = left_a[0], left_b[0]
    return Finding("date", CLOCK, Side(a, ta, sa), Side(b, tb, sb), note=CLOCK_NOTE)


def _overlap_minutes(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Whether two stretches of minutes after midnight meet, across midnight too ("just
    before midnight" runs from 23:30 to 24:00, which is 11.42pm's day)."""
    return any(x[0] + d <= y[1] and y[0] <= x[1] + d for d in (-_DAY_MINUTES, 0, _DAY_MINUTES))


_DAY_MINUTES = 24 * 60


def _one_act_timed(a: Unit, b: Unit, score: float) -> bool:
    """Claims whose times of day are one happening's: one act by ``_same_act``, or the same
    telling predicate in claims that match a little less closely ("The derailment happened
    shortly before 9pm" / "The NLF service ... derailed at 19:42"), since a time to the minute
    ties them as a bare day name does not."""
    if _things_apart(a, b) or opposite_acts(a, b):
        return False
    return _same_act(a, b, score) or (_same_predicate(a, b) and score >= CLOCK_ACT_MIN)


def _things_apart(a: Unit, b: Unit) -> bool:
    """Both subjects are things named by different nouns, neither named in the other's
    sentence ("The flight had left at 6.12pm" / "the last coach left at about 1am"): one
    verb, two things. So are things set apart by contrasting words ("the inner gate" / "the
    outer gate")."""
    if contrasted(a.claim.subject_text, b.claim.subject_text):
        return True
    if a.actors or b.actors:
        return False
    ha, hb = subject_head(a), subject_head(b)
    texts = (a.claim.subject_text, b.claim.subject_text)
    if not (ha and hb) or ha == hb or not all(map(_last_word_lower, texts)):
        return False
    return ha not in b.sentence_text.lower() and hb not in a.sentence_text.lower()


#: Match from which two claims with the same predicate tell of one act, for its time of day.
CLOCK_ACT_MIN = 0.6
#: Confidence of one happening put at two times of day ...
CLOCK = 0.8
#: ... and what it says: one act at one time of day ties the claims, however the rest of their
#: sentences differs
CLOCK_NOTE = (
    "Both give a time of day for the same act; the times are further apart than either's "
    "wording allows."
)
#: "7:42 p.m.", "7.42pm", "9pm", "19:42", "noon", with what loosens it ("about", "shortly
#: before") or makes it a bound ("before", "by")
_CLOCK = re.compile(
    r"(?P<q>\b(?:(?:shortly|just|soon|some\s+time|sometime)\s+(?:before|after)|about|around"
    r"|approximately|roughly|nearly|almost|before|after|by|until)\s+)?"
    r"(?:\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    # a 24-hour time past noon or with a leading zero ("19:42", "07:15"), not a game clock
    # ("with 6:11 left") or a duration ("12:30 minutes")
    r"|\b(?P<h24>0\d|1[3-9]|2[0-3]):(?P<m24>[0-5]\d)\b"
    r"(?!\s*(?:[ap]\.?\s?m\b|%|per|left|remaining|min|into|to\s+play))"
    r"|\b(?P<word>noon|midday|midnight)\b)",
    re.IGNORECASE,
)
#: what opens or joins the ends of a stretch of time right before a clock time
_CLOCK_RANGE = re.compile(r"\b(?:from|between|to|and|until|till)\s+$|[-–]\s*$", re.IGNORECASE)
_CLOCK_UNTIL = re.compile(r"\s*(?:[-–]|to\b|and\b|until\b|till\b)\s*(?:\d|noon|midnight)", re.I)
#: minutes either side of a time written to the minute, to the hour, and "about" one
_TO_THE_MINUTE, _TO_THE_HOUR, _ABOUT = 5, 15, 20
#: minutes a time "shortly before" or "just after" one may be from it
_SHORTLY = 30


def _clocks(u: Unit) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """Each time of day the claim gives: the range of minutes after midnight it allows, its
    span and text. Bounds ("before 9pm") are left out."""
    out = []
    for m in _CLOCK.finditer(u.text):
        at, slack = _minutes(m)
        q = " ".join((m.group("q") or "").lower().split())
        ends = _CLOCK_RANGE.search(u.text[: m.start()]) or _CLOCK_UNTIL.match(u.text[m.end() :])
        if q in ("before", "after", "by", "until") or ends:
            continue  # a bound, or an end of a stretch ("from midnight to 7am", "9am-5pm")
        if q.endswith("before"):
            low, high = at - _SHORTLY, at
        elif q.endswith("after"):
            low, high = at, at + _SHORTLY
        elif q in ("nearly", "almost"):
            low, high = at - _ABOUT, at
        else:
            extra = _ABOUT if q else 0
            low, high = at - slack - extra, at + slack + extra
        span = (u.start + m.start(), u.start + m.end())
        out.append(((low, high), span, m.group(0).strip()))
    return out


def _minutes(m: re.Match[str]) -> tuple[int, int]:
    """Minutes after midnight of a clock time, and how loosely it is written."""
    if m.group("word"):
        return (0 if m.group("word").lower() == "midnight" else 720), _TO_THE_HOUR
    if m.group("h24"):
        return int(m.group("h24")) * 60 + int(m.group("m24")), _TO_THE_MINUTE
    hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
    minute = m.group("m")
    return hour * 60 + int(minute or 0), _TO_THE_MINUTE if minute else _TO_THE_HOUR


def _dated_apart(a: Unit, b: Unit) -> bool:
    """Both claims are dated to the day, deadlines and bounds included, and no day of one is a
    day of the other: "60 % contained on Wednesday" / "75 % contained by Thursday" are two
    readings at two times, not two figures of one."""

    def days(u: Unit) -> list[tuple[date, date]]:
        out = []
        for t in u.times:
            r = iso_range(t.value) if t.value and not t.flagged else None
            if r is not None and r[0] == r[1] and _bound(u, t) not in ("every", "born", "quoted"):
                out.append(r)
        return out

    da, db = days(a), days(b)
    return bool(da and db) and not any(_overlap(x, y) for x in da for y in db)


def _other_figures_of_one_thing(a: Unit, b: Unit) -> bool:
    """The claims count one thing with different figures ("48,300 acres by Wednesday" /
    "53,900 acres by Thursday"): a reading at two times, whose times are no dispute."""
    return any(
        qa.kind == qb.kind and qa.unit == qb.unit and qa.value != qb.value
        and bool(qa.counts and qb.counts) and counts_match(qa.counts, qb.counts)
        and not (is_year(qa) or is_year(qb))  # "a 2008 conviction" counts nothing
        for qa in a.quantities for qb in b.quantities
    )  # fmt: skip


def one_happening(a: Unit, b: Unit, score: float) -> str:
    """Why two claims are taken to tell of one happening, in words a reader can check."""
    reasons = []
    if same_statement(a, b, score):
        reasons.append("the same statement in both")
    cls = action_class(a.claim.action)
    if cls == action_class(b.claim.action) and cls not in _LIGHT:
        reasons.append(f"the same act ({cls})")
    shared = _shared_counts(a, b)
    if shared:
        reasons.append(f"the same figure ({shared[0]})")
    if _same_doer(a, b):
        reasons.append("the same doer")
    reasons.append(f"claims matching at {score:.2f}")
    return "same event: " + ", ".join(reasons)


def _shared_counts(a: Unit, b: Unit) -> list[str]:
    """The figures of one claim that count the same as one of the other's, as written."""
    return [q.text for q in a.quantities for r in b.quantities if same_count(q, r)]


def _same_doer(a: Unit, b: Unit) -> bool:
    xa, xb = slugs(_head_actors(a)), slugs(_head_actors(b))
    return bool(xa and xb and (xa & xb or any(_named_in(x, xb) for x in xa)))


def same_words_but(a: Unit, b: Unit) -> bool:
    """The same statement once the names it holds are set aside (a place or a doer swapped)."""
    ga, gb = a.gist, b.gist
    return bool(ga and gb) and len(ga & gb) / len(ga | gb) >= SAME_WORDS_BUT


#: Share of name-free words two claims must share to be one statement with a name swapped.
SAME_WORDS_BUT = 0.75


def _same_act(a: Unit, b: Unit, score: float) -> bool:
    """The same (non-light) predicate in closely matching claims, or the same statement: a
    trial on Wednesday and a video released on Thursday are two happenings, and so are acts
    that undo each other ("the gate was shut at 9.31" / "the gate was reopened at 9.44")."""
    if _two_happenings(a, b):
        return False
    if _NO_COMMENT.search(a.text) or _NO_COMMENT.search(b.text):
        return False  # "declined to comment on Monday": no happening to date
    if _same_figure(a, b) and score >= SAME_ACT_MIN - 0.1:
        return True  # "the final offer, tabled on Friday, was 7 %" / "a final offer of 7 %"
    if (_same_predicate(a, b) and score >= SAME_ACT_MIN) or same_statement(a, b, score):
        return True
    return (
        _told_alike(a, b, score)
        or _one_thing_done_to(a, b, score)
        or _one_thing_acted_on(a, b, score)
        or _one_thing_taken(a, b, score)
    )


def _two_happenings(a: Unit, b: Unit) -> bool:
    """What the claims tell are two happenings, however alike: an act and its undoing, two
    levels, a request and what it asked for, a plan and what was done ("will pay ... by
    Oct. 31" / "had reached the accounts by yesterday afternoon"), an act and what it came
    after."""
    if opposite_acts(a, b) or _brought_apart(a, b) or _asked_and_done(a, b):
        return True
    if (_will(a) and _perfect(b)) or (_will(b) and _perfect(a)):
        return True
    if _first_and_again(a, b):
        return True
    return _dated_before_another(a, b) or _dated_before_another(b, a)


def _first_and_again(a: Unit, b: Unit) -> bool:
    """One claim tells the first time of an act and the other a later one ("was first infected
    on 11 April" / "was infected four times ..., most recently on Aug. 22"): two happenings of
    an act done more than once."""
    firsts = [bool(_FIRST_TIME.search(u.text)) for u in (a, b)]
    agains = [bool(_LATER_TIME.search(u.text)) for u in (a, b)]
    return (firsts[0] and agains[1] and not firsts[1]) or (
        firsts[1] and agains[0] and not firsts[0]
    )


_FIRST_TIME = re.compile(r"\b(?:first|initially|originally)\b", re.IGNORECASE)
_LATER_TIME = re.compile(
    r"\b(?:most\s+recently|latest|again|once\s+more|a\s+(?:second|third|fourth)\s+time)\b",
    re.IGNORECASE,
)


def _will(u: Unit) -> bool:
    """The act is told as still to come ("will pay", "shall pay")."""
    return u.claim.modality in ("will", "shall")


def _perfect(u: Unit) -> bool:
    """The act is told as done ("had reached", "has been paid")."""
    return bool(_DONE.search(_before_own_verb(u)))


#: a perfect tense right before the verb
_DONE = re.compile(r"\b(?:had|has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)


def _asked_and_done(a: Unit, b: Unit) -> bool:
    """One claim asks for an act and the other tells another act ("At 6.15 p.m. Arvik asked
    the court to certify ..." / "At 8.40pm the court, acting on a request from Arvik,
    certified ..."): the request and what it asked for are two happenings."""
    asks = [u.claim.action in _ASKING for u in (a, b)]
    return asks[0] != asks[1]


#: acts that ask for another act
_ASKING = frozenset(["ask", "request", "urge", "petition", "call on", "call for", "appeal"])


def _dated_before_another(u: Unit, v: Unit) -> bool:
    """``u`` dates its own act and tells, after the day, another it came after or before ("The
    investigation began in April last year, after Corvane Bank reported suspicious deposits"):
    ``v``, telling that other act with another verb ("In March last year, Corvane Bank sent a
    report"), is not ``u``'s act, however closely the sentences match."""
    found = _AFTER_ANOTHER.search(u.text)
    if found is None or not u.times or action_class(u.claim.action) == action_class(v.claim.action):
        return False
    if _AFTER_ANOTHER.search(v.text):
        return False  # both tell the act after the other one ("moved to orange on Saturday,
        # after a swarm" / "raised its alert level to orange last Friday after a swarm")
    if not all(t.end - u.start <= found.start() for t in u.times):
        return False
    # ... and ``v`` tells what the clause tells (the bank, its report)
    other = {w.lower() for w in _QWORD.findall(u.text[found.end() :])}
    return len(other & v.gist) >= AFTER_SHARED_WORDS


#: words the act a clause says came first must share with a claim for the claim to tell it
AFTER_SHARED_WORDS = 2


#: a clause telling an act another came after or before (", after Corvane Bank reported")
_AFTER_ANOTHER = re.compile(r",?\s+\b(?:after|following|before)\s+(?!the\s+(?:day|week)\b)",
                            re.IGNORECASE)  # fmt: skip


def _told_alike(a: Unit, b: Unit, score: float) -> bool:
    """One doer's (or one figure's) act told in other words in sentences that otherwise say the
    same: "The SPF seized seven SRI staff from the clinic on Feb. 3" / "The SPF abducted seven
    SRI staff from the agency's clinic on February 1"; "The observatory moved Dunlow to orange
    on Saturday" / "The observatory raised its alert level to orange last Friday". Two acts of
    one doer share only the doer ("made her decision" / "scored 20 points"); a day that dates a
    thing named ("Friday's closing price") dates no act."""
    if score < TOLD_ALIKE_MIN or {a.claim.action, b.claim.action} & LIGHT_VERBS:
        return False  # "had his medical on Monday": a light verb tells no act
    if not (_same_doer(a, b) or _shared_counts(a, b)):
        return False
    shared = (a.gist - aside_words(a)) & (b.gist - aside_words(b)) - _FUNCTION_WORDS
    if len(shared - _TIME_GIST - _doer_words(a) - _doer_words(b)) < TOLD_ALIKE_WORDS:
        # "Varga made her decision on Friday" / "Varga scored 20 points on Saturday"; words
        # about the doer set off before the verb tell no act ("Strell, on a two-day state visit
        # to Kelvary, was asked" / "Strell, who left for a two-day state visit, had not spoken")
        return False
    return not (_dates_a_thing(a) or _dates_a_thing(b))


def _doer_words(u: Unit) -> frozenset[str]:
    """The words before the claim's verb when its doer is one person: the name and its title
    ("Culture Minister Irena Castavet ... met" / "the culture minister ... appeared to
    accept"), which tell who acted, not what was done."""
    people = [k for k in _head_actors(u) if k.startswith("person:")]
    if len(people) != 1:
        return frozenset()
    return frozenset(w.lower() for w in _QWORD.findall(_before_own_verb(u)))


def _before_own_verb(u: Unit) -> str:
    """The claim's words up to its verb."""
    if not u.claim.predicate:
        return ""
    return u.text[: max(u.claim.predicate[0] - u.start, 0)]


#: words of times, which tell no act ("yesterday" in two reports is two days)
_TIME_GIST = frozenset(
    ["yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
     "last", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)  # fmt: skip


#: Match from which one doer's act told with two verbs is one act (for its date), and the words
#: other than names the two claims must share besides ("seven", "staff", "clinic")
TOLD_ALIKE_MIN = 0.8
TOLD_ALIKE_WORDS = 2
#: a refusal to comment, which every report may date to its own day of asking
_NO_COMMENT = re.compile(
    r"\b(?:declin\w*|refus\w*|not|n't|unavailable)\b[\w\s]{0,30}?\b(?:comment|respond|reply)",
    re.IGNORECASE,
)


def _dates_a_thing(u: Unit) -> bool:
    """A time of the claim that dates something other than its act: written as a possessive
    ("Friday's closing price"), opening a period ("mourning from Wednesday", "beginning on
    Wednesday") or a figure's ("and 1,510 on Tuesday")."""
    for t in u.times:
        at = t.start - u.sentence_start
        if _POSSESSIVE.match(u.sentence_text[at + len(t.text) :]):
            return True
        if _OPENS_OR_COUNTS.search(u.sentence_text[max(at - 30, 0) : max(at, 0)]):
            return True
    return False


_OPENS_OR_COUNTS = re.compile(
    r"(?:\b(?:from|beginning|starting|effective)|\d)\s+(?:on\s+|at\s+)?$", re.IGNORECASE
)


#: Match from which one act each report tells only once is one happening (for its date), and
#: what a date dispute found so says
ONCE_ACT_MIN = 0.6
ONCE_BASIS = "the only act of its kind each report tells"


def _one_thing_acted_on(a: Unit, b: Unit, score: float) -> bool:
    """The same telling act done to one thing both name alike, its head noun and a word before
    it ("the NCPA issued its evacuation order on Saturday" / "The NCPA's evacuation order,
    issued on Sunday afternoon, moved 86,000 people"): one happening, however loosely the rest
    of the sentences match. A doer noun ("the company") or a person is not a thing done to."""
    if (
        score < THING_ACT_MIN
        or not _same_predicate(a, b)
        or contrasted(a.claim.patient, b.claim.patient)
    ):
        return False
    wa, wb = _patient_words(a), _patient_words(b)
    if not wa or not wb or wa[-1] != wb[-1] or wa[-1] in _DOER_NOUNS:
        return False
    return bool(set(wa[:-1]) & set(wb[:-1]))


def _one_thing_taken(a: Unit, b: Unit, score: float) -> bool:
    """A light verb's act on a thing against another verb's on the same thing, in claims that
    match closely ("The agency took urine and blood samples from Maresk on Monday morning" /
    "its officers collected urine and blood samples from Maresk on Tuesday morning"): "took
    samples" is "collected" them. Two telling verbs on one thing ("collected" / "analysed")
    are two acts."""
    light = [u.claim.action in LIGHT_VERBS for u in (a, b)]
    if score < TOLD_ALIKE_MIN or light[0] == light[1] or "be" in (a.claim.action, b.claim.action):
        return False
    wa, wb = _patient_words(a), _patient_words(b)
    if not wa or not wb or wa[-1] != wb[-1] or wa[-1] in _DOER_NOUNS:
        return False
    shared = (a.gist & b.gist) - _FUNCTION_WORDS - _TIME_GIST - {wa[-1]}
    return len(shared) >= TOLD_ALIKE_WORDS


#: Match from which one act done to one thing named alike is one happening (for its date).
THING_ACT_MIN = 0.35
_PATIENT_WORD = re.compile(r"[a-z][a-z0-9-]*")


def _patient_words(u: Unit) -> list[str]:
    """The stemmed content words of what the claim's act was done to, its head noun last;
    none when it is a name or a pronoun."""
    text = u.claim.patient
    words = text.split()
    if not words or not words[-1].islower() or words[-1].lower() in PRONOUNS:
        return []
    found = _PATIENT_WORD.findall(text.lower().replace("'s", " "))
    return [stem(w) for w in found if w not in _FUNCTION_WORDS]


def _one_thing_done_to(a: Unit, b: Unit, score: float) -> bool:
    """One thing, the subject of both claims and named alike, that closely matching claims say
    was done or happened ("The decision was taken at a meeting of the board on Tuesday" / "The
    decision was signed off by the board on Wednesday"): one happening, though the verbs
    differ. A named doer's two acts are two happenings ("Hansbrough made his decision on
    Friday" / "Hansbrough scored 20 points last night"), and so are a body's ("the company
    said on Monday" / "the company announced on Tuesday"): the subject names a thing."""
    if score < SAME_ACT_MIN or a.claim.actors or b.claim.actors:
        return False
    if contrasted(a.claim.subject_text, b.claim.subject_text):
        return False
    ha, hb = subject_head(a), subject_head(b)
    if not ha or ha != hb or ha in _RELATIVE_PRONOUNS or ha in _DOER_NOUNS:
        return False
    # a common noun, as written in both ("the talks", not "Tessaly" or "Police")
    return all(_last_word_lower(u.claim.subject_text) for u in (a, b))


def figure_keys(u: Unit) -> set[tuple[str, str]]:
    """(the subject's head noun, what a figure counts or measures) of each figure a claim
    gives of its subject: "turnout reached 93.87 percent" and "turnout was almost 90 %" give
    one figure of one thing, however loosely the rest of their sentences match."""
    words = u.claim.subject_text.split()
    if not words or not _last_word_lower(u.claim.subject_text):
        return set()  # a name, or no subject written: the figure's thing is not told by a noun
    head = _head_of_subject(u)
    if len(head) < FIGURE_HEAD_MIN or head in _FUNCTION_WORDS or head in _RELATIVE_PRONOUNS:
        return set()
    return {(head, q.unit or q.counts) for q in u.quantities if q.unit or q.counts}


#: Letters a subject's head noun needs to name what a figure is of ("turnout", not "it")
FIGURE_HEAD_MIN = 4


def _last_word_lower(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].islower() and words[-1].isalpha()


def contrasted(x: str, y: str) -> bool:
    """Two phrases set apart by contrasting words of one set ("the inner gate" / "The outer
    gate", "the north tower" / "the south tower"): each holds a word of the set the other
    lacks."""
    wx, wy = set(_PHRASE_WORD.findall(x.lower())), set(_PHRASE_WORD.findall(y.lower()))
    return any((wx & words) - wy and (wy & words) - wx for words in _CONTRASTS)


_PHRASE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: sets of words that tell things of one kind apart (see compare_lexicon.json)
_CONTRASTS = tuple(frozenset(words) for words in LEXICON["contrasting_modifiers"])


def opposite_acts(a: Unit, b: Unit) -> bool:
    """The claims' acts undo or end each other ("shut" / "reopened", "imposed" / "lifted"):
    two happenings, whatever they are done to."""
    la, lb = a.claim.action.split(), b.claim.action.split()
    if not la or not lb or "not" in la or "not" in lb:
        return False
    x, y = la[0], lb[0]
    return any((x in one and y in other) or (y in one and x in other) for one, other in _UNDOING)


#: pairs of acts that undo or end each other, each side's lemmas (see compare_lexicon.json)
_UNDOING = tuple((frozenset(one), frozenset(other)) for one, other in LEXICON["opposite_acts"])


#: nouns that name a doer (a body or a group), whose acts are many, not a thing done to
_DOER_NOUNS = frozenset(stem(w) for w in _WORDS["doer_nouns"])


def _same_predicate(a: Unit, b: Unit) -> bool:
    """Both claims' predicates are of one telling (non-light) class."""
    cls = action_class(a.claim.action)
    return cls == action_class(b.claim.action) and cls not in _LIGHT


def _same_figure(a: Unit, b: Unit) -> bool:
    """Both claims give one exact, telling figure (a rate, a sum, a count of some size)."""
    return any(
        same_count(qa, qb) and not qa.approximate and not qb.approximate
        and (qa.kind in ("percent", "money") or qa.value >= 100) and not is_year(qa)
        for qa in a.quantities for qb in b.quantities
    )  # fmt: skip


#: Match from which two claims with the same predicate tell of one act (for its date).
SAME_ACT_MIN = 0.7


# "would" is left out: in reported speech it is the future of the past ("said it would send")
_HYPOTHETICAL = frozenset(["can", "could", "may", "might", "should"])
_BACKGROUND = re.compile(
    r"^\s*(?:in|since|last|back in|earlier in)\s+(?:(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b|\d{4}\b)",
    re.IGNORECASE,
)


def _hypothetical(u: Unit) -> bool:
    """ "A magnitude 6 quake can cause severe damage", "if Friday's talks fail": a claim about
    what may be, not what was."""
    return u.claim.modality in _HYPOTHETICAL or bool(_CONDITIONAL.match(u.text))


#: a condition, not a statement: "if Friday's talks fail", "(refunded) only if the recount
#: changes the winner", "only when a recount changes the winner", "provided the court agrees"
_CONDITIONAL = re.compile(
    r"\s*(?:if|unless|should|(?:only|even)\s+(?:if|when)|provided|as\s+long\s+as)\b",
    re.IGNORECASE,
)


def background(u: Unit) -> bool:
    """A claim about an earlier happening, dated by month or year ("In June 2012, a 3.0 quake
    struck ...", "600 died in Zarand in February"), or told as the one before ("The last
    earthquake measuring 3.0 or above occurred ..."): background to the story's own."""
    if _PREVIOUS.match(u.sentence_text):
        return True
    return any(
        t.granularity in ("month", "year") or _BACKGROUND.match(t.text)
        or _MONTH_OR_YEAR.fullmatch(t.text.strip())
        for t in u.times
        if not _beside_the_act(u, t)
    )  # fmt: skip


def _beside_the_act(u: Unit, t: TimeExpr) -> bool:
    """A time of the claim that does not date its act as a past happening."""
    return _in_subject(u, t) or _record_since(u, t) or _off_the_verb(u, t) or _held_since(u, t)


def _off_the_verb(u: Unit, t: TimeExpr) -> bool:
    """A time after the verb and across a comma dates what the clause there tells ("held a
    licence for the rifle, issued by the BMP in 2029"), not the claim's act."""
    if not u.claim.predicate:
        return False
    verb, at = u.claim.predicate[1] - u.sentence_start, t.start - u.sentence_start
    # a comma that sets off a clause, not one inside a figure ("a 410,000-merk pay packet")
    return 0 <= verb < at and bool(re.search(r",(?!\d)", u.sentence_text[verb:at]))


def _held_since(u: Unit, t: TimeExpr) -> bool:
    """ "had held a firearms licence since 2029": a state that has lasted since then, up to the
    story's own time, not an earlier happening."""
    return t.text.lower().startswith("since") and bool(_PERFECT.search(u.text))


#: a perfect tense: what has been so up to a time
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|held|had|lived|worked|owned|run|kept)\b"
)


#: "the largest in the hills since 1996", "the worst flooding since records began in 1910":
#: the year bounds a record the story's own happening sets, it dates nothing told
_RECORD_SINCE = re.compile(
    r"\b(?:(?:larg|bigg|high|low|deadli|strong|long|heavi|hott|cold|wett|dri|fast|great|busi|"
    r"warm|sever|costli|clos|wors|b)est|worst|most|first)\b[^.;:!?]{0,40}?\bsince\s+"
    r"(?:records\s+began\s+in\s+)?$",
    re.IGNORECASE,
)


def _record_since(u: Unit, t: TimeExpr) -> bool:
    at = t.start - u.sentence_start
    if not 0 <= at <= len(u.sentence_text):
        return False
    before = u.sentence_text[:at]
    if t.text.lower().startswith("since"):  # the time read with its "since"
        before += "since "
    return bool(_RECORD_SINCE.search(before))


def _in_subject(u: Unit, t: TimeExpr) -> bool:
    """A time inside the claim's written subject dates the thing named, not what the claim says
    of it ("the barriers, part of a scheme built after the flood in 2014, were never put up")."""
    subject = u.claim.subject_text
    at = u.text.find(subject) if subject else -1
    if at < 0 or len(subject.split()) < SUBJECT_CLAUSE_WORDS:
        return False
    lo = u.start + at
    return lo <= t.start and t.end <= lo + len(subject)


#: A subject this long (in words) carries clauses of its own, whose times are its own
SUBJECT_CLAUSE_WORDS = 6


#: a sentence about the happening before this one: "The last earthquake of that size ...",
#: "The previous record ..." (not "Last week, ...": a time of this story)
_PREVIOUS = re.compile(
    r"^\s*the\s+(?:last|previous|most\s+recent)\s+(?!(?:week|month|year|night|weekend|time|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)\w+",
    re.IGNORECASE,
)


_MONTH_OR_YEAR = re.compile(
    r"(?:in\s+)?(?:(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)(?:\s+\d{4})?|\d{4})",
    re.IGNORECASE,
)


def _capitalised(text: str) -> list[str]:
    """Capitalised words that make a name: the first word of a sentence-initial subject only
    when a capitalised word follows it ("Red Sox", not "Engineers opened")."""
    words = text.split()
    out = [w for i, w in enumerate(words) if i > 0 and _CAPITAL.match(w)]
    if words and _CAPITAL.match(words[0]) and (len(words) > 1 and _CAPITAL.match(words[1])):
        out.append(words[0])
    return out


def _aliases(xa: set[str], xb: set[str]) -> bool:
    """Some doer of one side is an alias of one of the other's (coreference's alias rules,
    on the names the keys spell: "hp" as "HP")."""

    def name(key: str) -> str:
        words = key.replace("_", " ")
        return words.upper() if len(words) <= 5 and " " not in words else words.title()

    return any(alias_link(name(x), name(y)) for x in xa for y in xb)


def participants_compatible(a: Unit, b: Unit) -> bool:
    """Whether two claims may tell of one happening: where both name who did it, the doers
    are the same (a name, its surname, one list holding the other)."""
    xa, xb = slugs(_head_actors(a)), slugs(_head_actors(b))
    if not xa and not xb:
        return True
    if xa & slugs(b.claim.targets) or xb & slugs(a.claim.targets):
        return True  # "X was arrested" (its subject read as the doer) / "the RCMP arrested X"
    if not xa or not xb:
        # a doer named on one side only: the other's subject, as written, must not name
        # someone else ("the Nationals have offered" with no key / "the Orioles offered")
        named, other = (xa, b) if xa else (xb, a)
        subject = other.claim.subject_text
        done_to = other.claim.patient
        if any(q.text in subject for q in other.quantities) or (
            done_to and subject.startswith(done_to)
        ):
            return True  # "six AK-47 rifles were seized": what was done, not who did it
        # a name's slug splits at its hyphens too ("CX-30": cx_30)
        words = {p for w in _capitalised(subject) for p in w.lower().split("-")} - _FUNCTION_WORDS
        return not words or bool(words & {w for n in named for w in n.split("_")})
    named_alike = any(_named_in(x, xb) for x in xa) or any(_named_in(y, xa) for y in xb)
    return named_alike or _aliases(xa, xb)  # "HP" / "Hewlett-Packard": the costlier test last


# --- quote wording -----------------------------------------------------------------------------

_QWORD = re.compile(r"[\w]+(?:['’][\w]+)?")
#: contractions read as the words they stand for, so "I'm" and "I am" quote the same words
_CONTRACTIONS = {"'m": ["am"], "'re": ["are"], "'ve": ["have"], "'ll": ["will"], "'d": ["would"]}
_NEGATED = {"can't": ["cannot"], "won't": ["will", "not"], "cannot": ["cannot"]}


#: a reporter's words inside a quotation, in round or square brackets
_INSERTED = re.compile(r"\s*[(\[][^()\[\]]{0,60}[)\]]")


def _plain_quote(text: str) -> str:
    """A quotation with the differences that change no word taken out: dots in abbreviations
    ("E.U."), tokenised apostrophes ("time ’ s"), hyphens inside words ("e-mail"), web
    addresses, and words the reporter put in brackets ("altered (its direction) towards")."""
    text = _INSERTED.sub(" ", text)
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    text = _SPLIT_APOSTROPHE.sub(r"'\1", text)
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    return re.sub(r"(?<=\w)\.(?:com|org|net|co\.uk)\b", "", text)  # "MySpace.com": MySpace


def quote_words(text: str) -> list[str]:
    """A quotation's words, lower-cased, with dots in abbreviations dropped ("E.U." is "eu")
    and contractions spelt out."""
    text = _plain_quote(text)
    out: list[str] = []
    for w in _QWORD.findall(text):
        w = w.lower().replace("’", "'")
        if w in _NEGATED:
            out += _NEGATED[w]
        elif w.endswith("n't"):
            out += [x for x in (w[:-3], "not") if x]
        elif "'" in w and w[w.index("'") :] in _CONTRACTIONS:
            out += [w[: w.index("'")], *_CONTRACTIONS[w[w.index("'") :]]]
        else:
            out.append(w)
    return out


def quote_pieces(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a quotation starts and ends in it: reports quote a long statement
    in different excerpts ("Even though I am a fan I've not played him since I was nine. I
    downloaded old scripts ..." / "I haven't played it since I was nine. As an adult ..."), so
    one sentence reworded is found only sentence by sentence. A dot after a title or an
    initial ("Mr. Dahl", "U.S. troops") ends no sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _PIECE_END.finditer(text):
        before = text[max(m.start() - 24, 0) : m.start() + 1].split()
        if before and _NOT_AN_END.search(before[-1]):
            continue
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(text)))
    return [p for s, e in out if text[s:e].strip() for p in _spliced(text, s, e)]


def _spliced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence of two clauses joined by a comma ("We are not racing the clock, we are racing
    the weather"), as the two sentences another report may write, when each is long enough to
    be compared on its own and the first is a clause too ("In his own words, it is not in his
    DNA" is one sentence)."""
    for m in _SPLICE.finditer(text, start, end):
        first, second = text[start : m.start() + 1], text[m.end() : end]
        if not _CLAUSE.search(first):
            continue
        if min(len(quote_words(first)), len(quote_words(second))) >= SPLICED_WORDS:
            return [(start, m.start() + 1), *_spliced(text, m.end(), end)]
    return [(start, end)]


#: a clause's own subject and verb: a pronoun and an auxiliary ("we are", "they will")
_PRONOUN_VERB = (
    r"(?:we|i|they|he|she|you|it)\s+(?:are|is|am|was|were|have|has|had|will|would|can|could|"
    r"do|did|must|should)\b"
)
#: a comma, then a clause of its own ("..., we are racing")
_SPLICE = re.compile(rf",\s+(?={_PRONOUN_VERB})", re.IGNORECASE)
_CLAUSE = re.compile(rf"\b{_PRONOUN_VERB}", re.IGNORECASE)
#: Words each clause of a comma-joined sentence needs to be compared as a sentence of its own
SPLICED_WORDS = 4


#: a sentence's end inside a quotation: the stop, then a space (and perhaps a quotation mark)
#: before a capital
_PIECE_END = re.compile(r"[.!?](?=[\"”’']?\s+[\"“‘']?[A-Z])[\"”’']?\s+")
#: a word whose dot is an abbreviation's: a title, or initials ("U.S.", "J.")
_NOT_AN_END = re.compile(
    r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|"
    r"No|vs|Mt|Ft|[A-Z])\.$|(?:[A-Za-z]\.){2,}$"
)


#: a tokenised text's apostrophe set apart ("time ’ s", "do n't")
_SPLIT_APOSTROPHE = re.compile(r"\s*['’]\s*(s|t|re|ve|ll|d|m)\b")

#: words whose change alone does not make a quotation read differently
_FUNCTION_WORDS = frozenset(_WORDS["function_words"])
#: the forms of one verb ("do", "did", "done")
_VERB_FORMS = tuple(frozenset(forms) for forms in _WORDS["verb_forms"])


def quote_changes(x: str, y: str) -> list[str]:
    """What changed from one wording to the other, readable in context: "Wendy → Debbie"
    with the next word kept ("Wendy Wasserman → Debbie Wasserman")."""
    wx, wy = _QWORD.findall(_plain_quote(x)), _QWORD.findall(_plain_quote(y))
    lx, ly = quote_words(" ".join(wx)), quote_words(" ".join(wy))
    if len(lx) != len(wx) or len(ly) != len(wy):
        wx, wy = lx, ly  # contractions spelt out: show the spelt-out words
    sm = SequenceMatcher(a=[w.lower() for w in wx], b=[w.lower() for w in wy], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or (op != "replace" and _at_edges((i1, i2, len(wx)), (j1, j2, len(wy)))):
            continue  # one quotes from further back, or on further: no change of words
        after = wx[i2 : i2 + 1] if i2 < len(wx) else []
        before = wx[max(i1 - 1, 0) : i1] if not after else []
        left = " ".join(before + wx[i1:i2] + after) or "—"
        right = " ".join(before + wy[j1:j2] + after) or "—"
        out.append(f"{left} → {right}")
    return out


def quote_diff(x: str, y: str) -> tuple[float, list[str], list[str]] | None:
    """(similarity, words only in x, words only in y) for two quotes that are the same quote with
    altered words; None when they are unrelated, equal, or one is an excerpt of the other."""
    # words an editor put in brackets ("keeps watch on [President Trump]") are not the
    # speaker's: each bracket is one marker word, and a change at a marker is no change
    wx, wy = quote_words(_BRACKETED.sub(_EDITED, x)), quote_words(_BRACKETED.sub(_EDITED, y))
    if not _may_be_reworded(x, y, wx, wy) or not _enough_shared(wx, wy):
        return None
    sm = SequenceMatcher(a=wx, b=wy, autojunk=False)
    ratio = max(sm.ratio(), _excerpt_ratio(sm, len(wx), len(wy)))
    if ratio < QUOTE_RATIO_MIN:
        return None
    only_x, only_y, ends = _altered(sm, wx, wy)
    if _no_word_changed(sm, (wx, wy), (only_x, only_y), ends):
        return None
    return ratio, only_x, only_y


def _may_be_reworded(x: str, y: str, wx: list[str], wy: list[str]) -> bool:
    """Two quotations (and their words) that are neither too short, nor the same words, nor
    one an excerpt of the other."""
    if len(wx) < 4 or len(wy) < 4 or wx == wy or _elided(x, y) or _elided(y, x):
        return False
    sx, sy = " ".join(wx), " ".join(wy)
    return not (sx in sy or sy in sx)  # one quotes a part of the other


def _altered(
    sm: SequenceMatcher[str], wx: list[str], wy: list[str]
) -> tuple[list[str], list[str], list[bool]]:
    """The words only one quotation has, changes that alter no word aside, and for each change
    whether it stands at both quotations' start or end."""
    only_x: list[str] = []
    only_y: list[str] = []
    ends: list[bool] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or _no_alteration(op, (wx, i1, i2), (wy, j1, j2)):
            continue
        only_x += wx[i1:i2]
        only_y += wy[j1:j2]
        ends.append((i1 == 0 and j1 == 0) or (i2 == len(wx) and j2 == len(wy)))
    return only_x, only_y, ends


def _no_alteration(op: str, x: tuple[list[str], int, int], y: tuple[list[str], int, int]) -> bool:
    """A change between two wordings that alters no word of the speaker's."""
    (wx, i1, i2), (wy, j1, j2) = x, y
    if _one_word_two_forms(wx[i1:i2], wy[j1:j2]) or _EDITED.strip() in wx[i1:i2] + wy[j1:j2]:
        return True
    if op == "replace" and (_verb_fitted(x, y) or _verb_fitted(y, x)):
        return True
    # one quotes from further back, or on further: the excerpts' edges
    return op in ("insert", "delete") and _at_edges((i1, i2, len(wx)), (j1, j2, len(wy)))


def _at_edges(x: tuple[int, int, int], y: tuple[int, int, int]) -> bool:
    """A change (its start, end and the wording's length on each side) at both wordings' start
    or at both wordings' end."""
    (i1, i2, nx), (j1, j2, ny) = x, y
    return i1 == j1 == 0 or (i2, j2) == (nx, ny)


def _one_word_two_forms(x: list[str], y: list[str]) -> bool:
    """The same words written two ways: spacing ("data center"), spelling ("offence" /
    "offense"), a contraction ("daughter's been" / "daughter has been"), an acronym ("IE" /
    "Internet Explorer")."""
    return (
        _same_but_spacing(x, y)
        or _spelt_variant(x, y)
        or _contracted(x, y)
        or _contracted(y, x)
        or _acronym_of(x, y)
        or _acronym_of(y, x)
    )


def _verb_fitted(x: tuple[list[str], int, int], y: tuple[list[str], int, int]) -> bool:
    """An excerpt whose first (or last) word is another form of the verb the longer quotation
    has there, fitted to the report's own sentence: "The crew ... did everything we train them
    to do" / the crew had "done everything we train them to do"."""
    (wx, i1, i2), (wy, j1, j2) = x, y
    if j2 - j1 != 1:
        return False
    if i1 == j1 == 0:
        return _one_verb(wx[i2 - 1], wy[j1])
    return (i2, j2) == (len(wx), len(wy)) and _one_verb(wx[i1], wy[j1])


def _one_verb(x: str, y: str) -> bool:
    """Two forms of one verb: irregular ("did" / "done") or regular ("approved" / "approve")."""
    if x == y:
        return False
    return any(x in forms and y in forms for forms in _VERB_FORMS) or bool(_bases(x) & _bases(y))


def _bases(word: str) -> set[str]:
    """What a regular verb form may be the inflection of ("approved": approve, approv)."""
    out = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            out |= {base, base + "e"}
    return out


def _contracted(short: list[str], long: list[str]) -> bool:
    """A word with "'s" for the "is" or "has" after it ("daughter's" / "daughter has")."""
    if len(short) != 1 or len(long) != 2 or not short[0].endswith(("'s", "’s")):
        return False
    return long[0] == short[0][:-2] and long[1] in ("is", "has")


def _acronym_of(short: list[str], long: list[str]) -> bool:
    """One word made of the initials of two or more others ("ie" / "internet explorer",
    "u.s." / "united states")."""
    if len(short) != 1 or len(long) < 2:
        return False
    letters = short[0].replace(".", "")
    return len(letters) == len(long) and letters == "".join(w[:1] for w in long)


def _no_word_changed(
    sm: SequenceMatcher[str],
    words: tuple[list[str], list[str]],
    only: tuple[list[str], list[str]],
    ends: list[bool],
) -> bool:
    """Whether what only one quotation has changes no word of substance: nothing at all, more
    words at one end (a longer excerpt), or small words only put in or left out."""
    only_x, only_y = only
    if not only_x and not only_y:
        return True  # "datacenter" / "data center", "[President Trump]" / "[Donald Trump]"
    one_sided = not only_x or not only_y
    if one_sided and all(ends):
        return True  # the same words with more at one end: a longer excerpt, edits aside
    # an excerpt with a little more context on one side is not an altered quote
    if one_sided and _is_extension(sm, len(words[0]), len(words[1])):
        return True
    # "the things I've done" / "the things that I've done": a small word put in or left out is
    # as often a slip of transcription as a change; one put for another ("at Tyler" / "with
    # Tyler", "the secret" / "this secret") words the quotation differently
    return one_sided and not set(only_x + only_y) - _FUNCTION_WORDS


_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")


def _enough_shared(wx: list[str], wy: list[str]) -> bool:
    """Whether two wordings share words enough, in any order, for either ratio of
    ``quote_diff`` to reach its floor: words matched in order are never more than words shared,
    so most pairs of a story's quotations are set aside before they are aligned."""
    shared = sum((Counter(wx) & Counter(wy)).values())
    if 2 * shared >= QUOTE_RATIO_MIN * (len(wx) + len(wy)):
        return True
    return shared >= EXCERPT_MIN_WORDS and shared >= EXCERPT_COVER * min(len(wx), len(wy))


#: Share of two wordings' words that must match, in order, for them to be one quotation.
QUOTE_RATIO_MIN = 0.6


def _excerpt_ratio(sm: SequenceMatcher[str], nx: int, ny: int) -> float:
    """How much of the shorter quotation the longer one holds, in order: a shorter excerpt of
    a long quotation with a word changed ("... 12 words ..." inside "... 40 words ...") matches
    the whole only in part. Short quotations need nearly all their words (and six at least)."""
    matched = sum(b.size for b in sm.get_matching_blocks())
    short = min(nx, ny)
    if matched < EXCERPT_MIN_WORDS or short == 0:
        return 0.0
    cover = matched / short
    return cover if cover >= EXCERPT_COVER else 0.0


#: Words of the shorter quotation the longer must hold (in order) to be its source ...
EXCERPT_MIN_WORDS = 6
#: ... and the share of its words they must be.
EXCERPT_COVER = 0.8
_BRACKETED = re.compile(r"\[[^\]]{0,80}\]")
_EDITED = " bracketedbyeditor "


def _spelt_variant(x: list[str], y: list[str]) -> bool:
    """One word in its British and American spellings: "offence" / "offense", "organise" /
    "organize", "colour" / "color", "centre" / "center", "fibre" / "fiber", "travelled" /
    "traveled"."""
    if len(x) != 1 or len(y) != 1 or min(len(x[0]), len(y[0])) < 4:
        return False
    a, b = sorted((x[0], y[0]))
    return a != b and (_american(a) == _american(b))


def _american(word: str) -> str:
    w = re.sub(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ite|able)", "or", word)  # colour, honoured
    w = re.sub(r"(?<=[a-z]{3})is(e|es|ed|ing|ation)$", r"iz\1", w)  # organise(d)
    w = re.sub(r"(?<=[a-z]{2})ence$", "ense", w)  # offence, defence, licence
    w = re.sub(r"(?<=[a-z]{2})([bt])re(s?)$", r"\1er\2", w)  # centre, theatre, fibre
    return re.sub(r"(?<=[aeiou])ll(ed|ing|er)$", r"l\1", w)  # travelled, cancelling


def _same_but_spacing(x: list[str], y: list[str]) -> bool:
    """ "datacenter" / "data center": the same letters, split into words differently -- or
    written differently: "population's" / "populations" (an apostrophe), "12th" / "twelfth",
    "12" / "twelve" (a number in figures or in words)."""
    return bool(x) and bool(y) and _written_as(x) == _written_as(y)


def _written_as(words: list[str]) -> str:
    return "".join(_NUMBER_WORD.get(w, w) for w in words).replace("'", "")


#: number words and ordinals as figures ("twelve": "12", "twelfth": "12th")
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]  # fmt: skip
_NUMBER_WORD = {
    **{w: str(n) for w, n in WORD_NUMBERS.items() if " " not in w and n == int(n)},
    **{w: f"{n}{_SUFFIX.get(n, 'th')}" for n, w in enumerate(_ORDINALS, 1)},
}


def _elided(short: str, full: str) -> bool:
    """A quotation with words left out ("...") whose every piece the other quotes whole."""
    if not _ELLIPSIS.search(short):
        return False
    whole = " ".join(quote_words(full))
    parts = [" ".join(quote_words(p)) for p in _ELLIPSIS.split(short)]
    return all(p in whole for p in parts if p)


def _is_extension(sm: SequenceMatcher[str], nx: int, ny: int) -> bool:
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    return len(blocks) == 1 and blocks[0].size == min(nx, ny)
