"""Time expressions: find them with patterns, resolve them against the publication day.

Resolution is rule-based so each value can be explained:

* a weekday in a past- or present-tense clause is the most recent such day on or before the
  publication day ("said Thursday" in a Thursday paper is that day); in a future clause it is the
  next one after it; in a "would" clause, the nearest one ("said they would meet on Friday" in a
  Thursday paper is the next day); "last"/"next"/"this" shift it the obvious way;
* "last week/month/year" are the calendar week (Monday-Sunday), month or year before publication;
* a month without a year ("in November", "last year, in November") is the latest such month not
after publication in past clauses, the next one in future clauses;
* "since 2014" is the interval from the start of 2014 to the publication day;
* "a month after", "two days later" are anchored on another event, so they stay relative and
flagged;
* with no publication day every relative expression stays unresolved and flagged.

``tense_at(offset)`` tells the tense of the clause around a character offset ("past", "present",
"future", "conditional"); the pipeline derives it from spaCy's parse, tests can pass a constant.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from newsprism.extract.quantities import WORD_NUMBERS
from newsprism.extract.types import TimeExpr

TenseAt = Callable[[int], str]

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Counts in relative times ("two weeks ago", "a few days later"): the small cardinals of the
# quantities module, plus the articles and vague words a time phrase uses.
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{w: int(v) for w, v in WORD_NUMBERS.items() if " " not in w and v <= 12},
    "several": 3,
    "a few": 3,
    "few": 3,
    "a couple of": 2,
}

# Month names are matched capitalised so "may"/"march" the verbs are left alone.
_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_WD = r"(?P<wd>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM = r"(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"  # noqa: E501
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
#: between a day name and the date it names: "Friday, June 6", "Monday 13 September",
#: "Tuesday, the 3rd of March"
_WD_SEP = _PART + r",?\s+(?:the\s+)?"
#: two days of one month told together ("on Oct. 2 and 3", "on 2 and 3 October", "June 4-6")
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_DAYS_JOIN = r"\s*(?:and|&|to|-|–)\s*"
_OPT_YEAR = r"(?:,?\s+" + _YEAR + r")?"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w-])", flags)


# (kind, pattern). Earlier patterns win over later ones that overlap them.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _rx(r"(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)")),
    # "heard the case on Oct. 2 and 3": both days, not the first or the last alone
    ("two_days", _rx(_DAY + _DAYS_JOIN + _DAY2 + r"\s+(?:of\s+)?" + _MON + _OPT_YEAR)),
    ("two_days", _rx(_MON + r"\s+" + _DAY + _DAYS_JOIN + _DAY2 + _OPT_YEAR)),
    # "Wednesday, Sept. 15", "Monday 13 September 2032": one day, written twice; the date
    # fixes it (a bare day name is read against the publication day and may land a week off)
    ("wd_dmy", _rx(_WD + _WD_SEP + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR)),
    ("wd_mdy", _rx(_WD + _WD_SEP + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    ("wd_dm", _rx(_WD + _WD_SEP + _DAY + r"\s+(?:of\s+)?" + _MON)),
    ("wd_md", _rx(_WD + _WD_SEP + _MON + r"\s+" + _DAY)),
    ("dmy", _rx(_DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR)),
    ("mdy", _rx(_MON + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    (
        "part_of_year",
        _rx(
            r"(?:the\s+)?(?:(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
            r"quarter|(?P<h>first|second)\s+half|(?P<three>first|last|final)\s+three\s+months)"
            r"\s+of\s+" + _YEAR,
            re.I,
        ),
    ),
    ("part_of_year", _rx(r"(?P<qn>Q[1-4]|H[12])\s+" + _YEAR)),
    ("month_rel_year", _rx(r"(?P<rel>last|this|next|past) year,?\s+in\s+" + _MON, re.I)),
    ("month_rel_year", _rx(r"(?:in\s+)?" + _MON + r",?\s+(?P<rel>last|this|next) year", re.I)),
    ("my", _rx(r"(?:in\s+)?" + _MON + r",?\s+" + _YEAR)),
    ("dm", _rx(_DAY + r"\s+(?:of\s+)?" + _MON + r"(?:\s+of\s+(?P<thisyear>this|last|next) year)?")),
    ("md", _rx(_MON + r"\s+" + _DAY + r"(?:\s+of\s+(?P<thisyear>this|last|next) year)?")),
    ("since_year", _rx(r"(?P<since>since|from)\s+" + _YEAR)),
    ("ago", _rx(_NUM + r"\s+" + _UNIT + r"\s+ago(?:\s+(?P<today>today))?", re.I)),
    (
        "event_offset",
        _rx(
            r"(?:only\s+|just\s+)?" + _NUM + r"\s+" + _UNIT + r"\s+(?:after|later|before|earlier)",
            re.I,
        ),
    ),
    (
        "event_offset",
        _rx(
            r"the\s+(?P<which>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)",
            re.I,
        ),
    ),
    ("in_the_day", _rx(r"(?P<which>earlier|later)\s+(?:in\s+the\s+day|that\s+day|today)", re.I)),
    ("rel_part", _rx(r"(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)", re.I)),
    (
        "day_word",
        _rx(
            r"(?P<word>the\s+day\s+before\s+yesterday|day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))",
            re.I,
        ),
    ),
    (
        "weekday",
        _rx(
            r"(?:(?P<mod>last|next|this|coming|past|on|early|late)\s+)?"
            + _WD
            + _PART
            + r"(?:'s|’s)?",
            re.I,
        ),
    ),
    (
        "rel_period",
        _rx(
            r"(?:the\s+)?(?P<mod>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year|weekend)",
            re.I,
        ),
    ),
    (
        "month_mod",
        _rx(r"(?P<mod>(?i:since last|last|next|this|since|in|until|by|early|late|mid-))\s*" + _MON),
    ),
    (
        "year",
        _rx(
            r"(?P<pre>(?i:in|since|until|by|during|of|early|late|mid-|from|to|before|after))\s*"
            + _YEAR
        ),
    ),
]


def parse_published(value: str | None) -> date | None:
    """The outlet's local publication day from an ISO date or date-time (zone kept as written).

    "2020-01-02", "2020-01-02T23:30:00+03:00" and "Thu, 02 Jan 2020 10:00:00 +0000" all work; a
    date-time is *not* converted to UTC, because the day the outlet printed is the day that its
    "Thursday" refers to. Returns None when the value cannot be read.
    """
    if not value:
        return None
    v = value.strip()
    if len(v) >= 10 and v[4:5] == "-":
        try:
            return date.fromisoformat(v[:10])
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        return None


def find_times(text: str, published: date | None, tense_at: TenseAt) -> list[TimeExpr]:
    """All time expressions in ``text``, in order, resolved where possible."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "two_days" and not _two_days_apart(m):
                continue  # "May 3 and 30 people": the day is read alone
            taken.append((s, e))
            found.append((s, e, kind, m))
    found.sort(key=lambda x: x[0])
    out: list[TimeExpr] = []
    last_day: date | None = None  # the narrative's current day, for "earlier in the day"
    for s, _e, kind, m in found:
        tense = tense_at(s)
        t = _resolve(kind, m, published, tense, last_day)
        if t is None:
            continue
        if t.granularity == "day" and t.value and not t.flagged:
            last_day = date.fromisoformat(t.value)
        out.append(t)
    return out


# --- resolution --------------------------------------------------------------------------------


def _mk(
    m: re.Match[str],
    value: str | None,
    gran: str,
    *,
    anchor: str,
    conf: float,
    flagged: bool = False,
    span: tuple[str, str] | None = None,
    tense: str = "",
) -> TimeExpr:
    """The expression ``m`` matched, resolved to ``value``; relative unless read from the text
    alone (``anchor="text"``); ``span`` is an interval's first and last day."""
    text = m.group(0)
    s = m.start()
    if text[:3] in ("in ", "In ", "on ", "On "):  # "on Friday": the preposition is not part of it
        text, s = text[3:], s + 3
    # A possessive ("Thursday's") is part of the match but not of the expression.
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    start, end = span or (None, None)
    relative = anchor != "text"
    return TimeExpr(
        text, s, s + len(text), value, gran, relative, anchor, conf, flagged, start, end, tense
    )


def _unresolved(m: re.Match[str], gran: str, tense: str, anchor: str = "") -> TimeExpr:
    return _mk(m, None, gran, anchor=anchor, conf=0.0, flagged=True, tense=tense)


def _anchor(published: date) -> str:
    return f"published:{published.isoformat()}"


def _month_num(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _interval(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _resolve(
    kind: str, m: re.Match[str], pub: date | None, tense: str, last_day: date | None
) -> TimeExpr | None:
    g = m.groupdict()
    kind = kind.removeprefix("wd_")  # the date decides; its day name only repeats it
    if kind in ("iso", "dmy", "mdy", "my"):
        return _absolute(kind, m, g)
    if kind == "part_of_year":
        return _part_of_year(m, g)
    if kind == "year":
        return _year(m, g, pub, tense)
    if kind == "two_days":
        return _two_days(m, g, pub, tense)
    if pub is None:
        gran = {"dm": "day", "md": "day", "weekday": "day", "day_word": "day"}.get(kind, "unknown")
        return _unresolved(m, gran, tense)
    rule = _RELATIVE.get(kind)
    return rule(m, g, pub, tense, last_day) if rule else None


def _absolute(kind: str, m: re.Match[str], g: dict[str, str]) -> TimeExpr | None:
    """A date or month written out in full: ISO, "2 January 2020", "January 2, 2020",
    "January 2020"; None for a day the calendar lacks ("31 February 2020")."""
    try:
        if kind == "my":
            value, gran = f"{int(g['year']):04d}-{_month_num(g['mon']):02d}", "month"
        elif kind == "iso":
            value, gran = date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat(), "day"
        else:
            day = date(int(g["year"]), _month_num(g["mon"]), int(g["day"]))
            value, gran = day.isoformat(), "day"
    except ValueError:
        return None
    return _mk(m, value, gran, anchor="text", conf=1.0)


#: the most days apart two days of a month told together can be ("on Oct. 2 and 3",
#: "June 4-18"); beyond it the second figure is likelier something else
TWO_DAYS_APART = 14


def _two_days_apart(m: re.Match[str]) -> bool:
    """Whether the two figures can be two days of a month told together (not "May 3 and 30")."""
    return 0 < int(m.group("day2")) - int(m.group("day")) <= TWO_DAYS_APART


def _two_days(m: re.Match[str], g: dict[str, str], pub: date | None, tense: str) -> TimeExpr | None:
    """Two days of one month told together ("on Oct. 2 and 3", "2-3 October 2034"): the interval
    from the first to the second ("2034-10-02/2034-10-03", as "since 2014" is one); None for a
    day the calendar lacks."""
    first, last, mon = int(g["day"]), int(g["day2"]), _month_num(g["mon"])
    try:
        if g.get("year"):
            a, anchor, conf = date(int(g["year"]), mon, first), "text", 1.0
        elif pub is None:
            return _unresolved(m, "interval", tense)
        else:
            a = _nearest_year(date(pub.year, mon, first), pub, tense == "future")
            anchor, conf = _anchor(pub), 0.85
        b = a.replace(day=last)
    except ValueError:
        return None
    span = (a.isoformat(), b.isoformat())
    return _mk(m, _interval(a, b), "interval", anchor=anchor, conf=conf, span=span, tense=tense)


_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4}  # fmt: skip


def _part_of_year(m: re.Match[str], g: dict[str, str]) -> TimeExpr:
    """A quarter or a half of a year written out ("the third quarter of 2033", "Q1 2033",
    "the first three months of 2033", "the second half of 2033"): its first and last day."""
    year = int(g["year"])
    code = (g.get("qn") or "").upper()
    if g.get("h") or code.startswith("H"):
        half = 1 if (g.get("h") or "").lower() == "first" or code == "H1" else 2
        first, months, gran = 6 * half - 5, 6, "half"
    else:
        word = (g.get("q") or g.get("three") or "").lower()
        quarter = int(code[1]) if code else _QUARTER[word]
        first, months, gran = 3 * quarter - 2, 3, "quarter"
    a = date(year, first, 1)
    b = _month_of(year, first + months - 1)[1]
    value = _interval(a, b)
    return _mk(m, value, gran, anchor="text", conf=0.9, span=(a.isoformat(), b.isoformat()))


def _in_the_day(
    m: re.Match[str], g: dict[str, str], pub: date, tense: str, last_day: date | None
) -> TimeExpr:
    """ "earlier in the day": the narrative's current day, else the publication day."""
    d = last_day or pub
    return _mk(m, d.isoformat(), "day", anchor=_anchor(pub), conf=0.8, tense=tense)


def _month_rel_year(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    year = pub.year + {"last": -1, "past": -1, "this": 0, "next": 1}[g["rel"].lower()]
    mon = _month_num(g["mon"])
    return _mk(m, f"{year:04d}-{mon:02d}", "month", anchor=_anchor(pub), conf=0.95, tense=tense)


def _since_year(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr | None:
    a = date(int(g["year"]), 1, 1)
    if a > pub:
        return None
    return _mk(
        m,
        _interval(a, pub),
        "interval",
        anchor=_anchor(pub),
        conf=0.9,
        span=(a.isoformat(), pub.isoformat()),
        tense=tense,
    )


def _event_offset(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    """ "two days later": anchored on another event, so it stays relative and flagged."""
    return _unresolved(m, "unknown", tense, anchor="event")


def _year(m: re.Match[str], g: dict[str, str], pub: date | None, tense: str) -> TimeExpr:
    year = int(g["year"])
    pre = g["pre"].lower()
    expr_start = m.start("year") if pre not in ("since", "early", "late", "mid-") else m.start()
    text = m.string[expr_start : m.end()]
    if pre == "since" and pub is not None and year <= pub.year:
        a = date(year, 1, 1)
        return TimeExpr(
            text,
            expr_start,
            m.end(),
            _interval(a, pub),
            "interval",
            True,
            _anchor(pub),
            0.9,
            False,
            a.isoformat(),
            pub.isoformat(),
            tense,
        )
    return TimeExpr(
        text,
        expr_start,
        m.end(),
        f"{year:04d}",
        "year",
        False,
        "text",
        0.9,
        False,
        None,
        None,
        tense,
    )


def _day_month(
    m: re.Match[str], g: dict[str, str], pub: date, future: bool, tense: str
) -> TimeExpr | None:
    mon, day = _month_num(g["mon"]), int(g["day"])
    which = (g.get("thisyear") or "").lower()
    year = pub.year + {"last": -1, "next": 1}.get(which, 0)
    try:
        d = date(year, mon, day)
        if not which:
            d = _nearest_year(d, pub, future)
    except ValueError:
        return None
    conf = 0.95 if which else 0.85
    return _mk(m, d.isoformat(), "day", anchor=_anchor(pub), conf=conf, tense=tense)


#: A day and month without a year this close to publication is that one, even in a past clause:
#: "with effect from 1 July" in a June report that "announced" it is next month, not last year.
NEAR_DAYS = 60


def _nearest_year(d: date, pub: date, future: bool) -> date:
    """The year of a day and month written without one: in a future clause the next such day;
    otherwise the one within ``NEAR_DAYS`` of publication (a past clause can report a plan),
    else the latest not after publication."""
    for year in () if future else (d.year, d.year + 1, d.year - 1):
        try:
            near = d.replace(year=year)
        except ValueError:  # 29 February
            continue
        if abs((near - pub).days) <= NEAR_DAYS:
            return near
    if future and d < pub - timedelta(days=7):
        return d.replace(year=d.year + 1)
    if not future and d > pub + timedelta(days=7):
        return d.replace(year=d.year - 1)
    return d


#: a day a thing is to last until, in a clause about what is to come ("would stay closed until
#: at least Thursday", "will remain in force until Friday")
_UNTIL_AHEAD = re.compile(
    r"\b(?:would|will|to|'ll|’ll)\s+(?:[\w-]+\s+){1,4}(?:until|till)\s+(?:at\s+least\s+)?$",
    re.IGNORECASE,
)


#: a deadline's words right before a day name ("by midnight on", "until noon on")
_DEADLINE = re.compile(
    r"\b(?:by|until|till|before)\s+(?:(?:midnight|noon|midday|the\s+end\s+of)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
#: ... set in the present, earlier in the sentence: a demand or a time given that still runs
_DEADLINE_SET = re.compile(
    r"\b(?:wants|demands|(?:is|are)\s+demanding|(?:has|have)\s+(?:given|set)|gives|sets|"
    r"must|(?:has|have)\s+until|(?:is|are)\s+due|expires)\b",
    re.IGNORECASE,
)


def _an_end_ahead(m: re.Match[str]) -> bool:
    """The day name ends something still ahead: "would stay closed until at least Thursday",
    "wants 18m krells by midnight on Friday" (a deadline set in the present)."""
    before = m.string[max(m.start() - 60, 0) : m.start()]
    if _UNTIL_AHEAD.search(before):
        return True
    # (the window, not the sentence: "for 2 p.m. on Saturday" holds a full stop)
    if _scheduled_for(m.string[max(m.start() - 120, 0) : m.start()]):
        return True
    return bool(_DEADLINE.search(before) and _DEADLINE_SET.search(_sentence_before(m)))


def _scheduled_for(before: str) -> bool:
    """The day name is what something was set for ("has called a rally for 2 p.m. on
    Saturday", "is set for Sunday afternoon"), not a set-up told as past ("the hearing, which
    had been set for Monday")."""
    found = _SET_FOR.search(before)
    return found is not None and not _TOLD_AS_PAST.search(before[: found.end("verb")])


#: an hour of the day written with a.m. or p.m.: "2 p.m.", "10.47pm", "4 a.m."
HOUR = r"\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
#: a thing set for a day, and the day's hour before it: "called a rally for 2 p.m. on"
_SET_FOR = re.compile(
    r"\b(?P<verb>called|set|scheduled|planned|fixed|arranged|organi[sz]ed|slated)\b[^.;!?]{0,80}?"
    rf"\bfor\s+(?:(?:{HOUR}|noon|midday)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_TOLD_AS_PAST = re.compile(r"\b(?:had|was|were)\s+(?:been\s+)?\w+$", re.IGNORECASE)


def _sentence_before(m: re.Match[str]) -> str:
    """The words of the match's sentence before it (at most 200 characters)."""
    before = m.string[max(m.start() - 200, 0) : m.start()]
    return re.split(r"[.!?]\s+", before)[-1]


#: Days ahead of publication up to which a day name in a "would" clause is read forward
NEAREST_AHEAD = 3


#: "the Monday morning after polling day", "stamped in on the Monday morning", "after the
#: Sunday poll": a day named with "the" is a day of the story told (counted from another
#: event or named before), not the one before or after publication ("on Monday", "last Monday")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _named_with_the(m: re.Match[str]) -> bool:
    return bool(_THE_BEFORE.search(m.string[max(m.start() - 8, 0) : m.start()]))


def _weekday(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    if not g.get("mod") and _named_with_the(m):
        return _unresolved(m, "day", tense, anchor="event")
    return _weekday_read(m, g, pub, tense)


def _weekday_read(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    """A day name read from publication: before it in a past clause, ahead in a future one."""
    wd = WEEKDAYS[g["wd"].lower()]
    mod = (g.get("mod") or "").lower()
    if _an_end_ahead(m):
        tense = "future"
    if mod in ("last", "past"):
        delta = -((pub.weekday() - wd) % 7 or 7)
        conf = 0.85
    elif mod in ("next", "coming"):
        delta = (wd - pub.weekday()) % 7 or 7
        conf = 0.8
    elif mod == "this":
        delta = wd - pub.weekday()  # the same Monday-Sunday week
        conf = 0.8
    elif tense == "conditional":
        # "would meet on Friday": the nearest Friday, before or after publication
        delta = (wd - pub.weekday()) % 7
        delta = delta - 7 if delta > NEAREST_AHEAD else delta
        conf = 0.7
    elif tense in ("future", "present"):
        # the publication's own weekday is that day ("is due to be sworn in on Thursday
        # morning" in a Thursday paper): agency style names the day rather than say "today";
        # a present tense with a day name is a timetable ("the upper house votes on Friday")
        delta = (wd - pub.weekday()) % 7
        conf = 0.8
    else:
        delta = -((pub.weekday() - wd) % 7)
        conf = 0.9
    d = pub + timedelta(days=delta)
    if mod in ("early", "late"):
        start = m.start("wd")
        text = m.group(0)[start - m.start() :]
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        return TimeExpr(
            text,
            start,
            start + len(text),
            d.isoformat(),
            "day",
            True,
            _anchor(pub),
            conf,
            False,
            None,
            None,
            tense,
        )
    return _mk(m, d.isoformat(), "day", anchor=_anchor(pub), conf=conf, tense=tense)


def _day_word(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    w = " ".join(g["word"].lower().split())
    if w.startswith("the "):
        w = w[4:]
    offset = {"yesterday": -1, "day before yesterday": -2, "tomorrow": 1, "last night": -1}.get(
        w, 0
    )
    d = pub + timedelta(days=offset)
    return _mk(m, d.isoformat(), "day", anchor=_anchor(pub), conf=0.95, tense=tense)


def _week_of(d: date) -> tuple[date, date]:
    a = d - timedelta(days=d.weekday())
    return a, a + timedelta(days=6)


def _month_of(year: int, month: int) -> tuple[date, date]:
    a = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return a, nxt - timedelta(days=1)


def _rel_period(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    mod, unit = g["mod"].lower(), g["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[mod]
    anchor = _anchor(pub)
    if unit in ("week", "weekend"):
        a, b = _week_of(pub + timedelta(weeks=step))
        if unit == "weekend":
            a = a + timedelta(days=5)
        if mod == "past" and unit == "week":  # "the past week": the seven days up to publication
            a, b = pub - timedelta(days=7), pub
        return _mk(
            m,
            _interval(a, b),
            "week",
            anchor=anchor,
            conf=0.85,
            span=(a.isoformat(), b.isoformat()),
            tense=tense,
        )
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        a, b = _month_of(y, mo + 1)
        return _mk(
            m,
            f"{y:04d}-{mo + 1:02d}",
            "month",
            anchor=anchor,
            conf=0.9,
            span=(a.isoformat(), b.isoformat()),
            tense=tense,
        )
    y = pub.year + step
    return _mk(
        m,
        f"{y:04d}",
        "year",
        anchor=anchor,
        conf=0.9,
        span=(f"{y:04d}-01-01", f"{y:04d}-12-31"),
        tense=tense,
    )


def _rel_part(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    unit, which = g["unit"].lower(), g["which"].lower()
    if unit == "week":
        a, b = _week_of(pub)
    elif unit == "month":
        a, b = _month_of(pub.year, pub.month)
    else:
        a, b = date(pub.year, 1, 1), date(pub.year, 12, 31)
    a, b = (a, pub) if which == "earlier" else (pub, b)
    return _mk(
        m,
        _interval(a, b),
        "interval",
        anchor=_anchor(pub),
        conf=0.8,
        span=(a.isoformat(), b.isoformat()),
        tense=tense,
    )


def _month_mod(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    mon = _month_num(g["mon"])
    mod = g["mod"].lower()
    if mod in ("last", "since last"):
        year = pub.year if mon < pub.month else pub.year - 1
    elif mod == "next":
        year = pub.year if mon > pub.month else pub.year + 1
    elif mod == "this":
        year = pub.year
    elif tense == "future" or mod in ("until", "by"):
        year = pub.year if mon >= pub.month else pub.year + 1
    else:
        year = pub.year if mon <= pub.month else pub.year - 1
    start = m.start("mon") if mod in ("in", "by", "until") else m.start()
    text = m.string[start : m.end()]
    value = f"{year:04d}-{mon:02d}"
    if mod.startswith("since"):
        a = date(year, mon, 1)
        return TimeExpr(
            text,
            start,
            m.end(),
            _interval(a, pub),
            "interval",
            True,
            _anchor(pub),
            0.85,
            False,
            a.isoformat(),
            pub.isoformat(),
            tense,
        )
    return TimeExpr(
        text, start, m.end(), value, "month", True, _anchor(pub), 0.85, False, None, None, tense
    )


def _ago(m: re.Match[str], g: dict[str, str], pub: date, tense: str) -> TimeExpr:
    raw = g["num"].lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)
    unit = g["unit"].lower()
    anchor = _anchor(pub)
    if g.get("today"):
        # "a week ago today": the very day, that many units before publication
        return _mk(m, _units_before(pub, n, unit).isoformat(), "day", anchor=anchor, conf=0.9,
                   tense=tense)  # fmt: skip
    if unit == "day":
        d = pub - timedelta(days=n)
        return _mk(m, d.isoformat(), "day", anchor=anchor, conf=0.9, tense=tense)
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return _mk(m, d.isoformat(), "week", anchor=anchor, conf=0.7, tense=tense)
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return _mk(m, f"{y:04d}-{mo + 1:02d}", "month", anchor=anchor, conf=0.8, tense=tense)
    years = n * (10 if unit == "decade" else 1)
    return _mk(m, f"{pub.year - years:04d}", "year", anchor=anchor, conf=0.8, tense=tense)


def _units_before(pub: date, n: int, unit: str) -> date:
    """The day ``n`` days, weeks, months, years or decades before ``pub``."""
    if unit in ("day", "week"):
        return pub - timedelta(days=n * (7 if unit == "week" else 1))
    months = n * {"month": 1, "year": 12, "decade": 120}.get(unit, 12)
    y, mo = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    return date(y, mo + 1, min(pub.day, calendar.monthrange(y, mo + 1)[1]))


RelativeRule = Callable[[re.Match[str], dict[str, str], date, str, date | None], TimeExpr | None]


def _on_publication(
    rule: Callable[[re.Match[str], dict[str, str], date, str], TimeExpr | None],
) -> RelativeRule:
    """A rule that needs only the publication day (not the narrative's current day)."""
    return lambda m, g, pub, tense, _last_day: rule(m, g, pub, tense)


def _day_month_rule(
    m: re.Match[str], g: dict[str, str], pub: date, tense: str, _last_day: date | None
) -> TimeExpr | None:
    return _day_month(m, g, pub, tense == "future", tense)


#: How each kind of relative expression is resolved against the publication day.
_RELATIVE: dict[str, RelativeRule] = {
    "dm": _day_month_rule,
    "md": _day_month_rule,
    "weekday": _on_publication(_weekday),
    "day_word": _on_publication(_day_word),
    "in_the_day": _in_the_day,
    "rel_period": _on_publication(_rel_period),
    "rel_part": _on_publication(_rel_part),
    "month_rel_year": _on_publication(_month_rel_year),
    "month_mod": _on_publication(_month_mod),
    "since_year": _on_publication(_since_year),
    "ago": _on_publication(_ago),
    "event_offset": _on_publication(_event_offset),
}
