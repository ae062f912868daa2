"""Numbers with their unit and what they count, normalised.

"250,000 migrants" -> 250000, counts "migrants"; "USD 100 billion" -> 1e11 USD;
"a one-year deployment" -> 1 year (a duration of the deployment);
"more than 50 firefighters" -> >50; "thousands of" -> 1000, approximate.
``find_quantities`` works on the text; ``counted`` (a callback) names the noun after a number --
the pipeline gives it spaCy's parse, tests can give a stub.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from newsprism.extract.types import Quantity

Counted = Callable[[int], str]

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a thousand": 1000,
    "half a dozen": 6,
    "a couple of": 2,
    "a million": 1e6,
    "a billion": 1e9,
    # "half a million ventars", "a HALF-MILLION ventar bail bill": not "a million"
    "half a million": 5e5,
    "half-million": 5e5,
    "half a billion": 5e8,
    "half-billion": 5e8,
    "a quarter of a million": 2.5e5,
    "quarter of a million": 2.5e5,
}
SCALES = {
    "dozen": 12,  # "four dozen food trucks"
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "hundred": 1e2,
}
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "several dozen": 36,
    "a few dozen": 36,
    "several hundred": 300,
    "a few hundred": 300,
    "several thousand": 3000,
    "a few thousand": 3000,
    "several million": 3e6,
    "a few million": 3e6,
    "tens of millions": 1e7,
    "billions": 1e9,
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "chf": "CHF",
    "francs": "CHF",
    "lira": "TRY",
    "liras": "TRY",
    "try": "TRY",
    "rubles": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "yuan": "CNY",
    "cny": "CNY",
    "rupees": "INR",
    "inr": "INR",
}
QUALIFIERS = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "at least": ">=",
    "as many as": "<=",
    "up to": "<=",
    "at most": "<=",
    "nearly": "~",
    "almost": "~",
    "about": "~",
    "around": "~",
    "roughly": "~",
    "approximately": "~",
    "some": "~",
    "an estimated": "~",
    "fewer than": "<",
    "less than": "<",
    "under": "<",
}
TIME_UNITS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")

_WORD = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: "twenty-six", "twenty - six" (tokenised): tens and a unit written as words
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_COMPOUND = rf"(?:{_TENS_WORDS})\s*-\s*(?:one|two|three|four|five|six|seven|eight|nine)\b"
#: "2 1/2", "2-1/2": a whole number and a fraction
_MIXED = r"\d+(?:\s+|\s*-\s*)[1-9]/[1-9]\d?(?![\d/])"
_NUMBER = rf"(?P<num>{_MIXED}|{_DIGITS}|(?i:{_COMPOUND})|(?i:{_WORD}))"
#: a scale word may be joined to its figure by a hyphen ("a $1.2-billion deal"), a letter not
#: ("a 5-m wall" is five metres)
_SCALE = (
    r"(?:(?:\s*|\s*-\s*(?=[a-zA-Z]{2}))"
    r"(?P<scale>(?i:dozen|thousand|million|billion|trillion|mln|mn|bn|tn)\b|[kmb]\b))?"
)
_QUAL = r"(?:(?P<qual>(?i:" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r"))\s+)?"
_CUR_PRE = r"(?:(?P<cur>US\$|USD|EUR|GBP|JPY|CHF|\$|€|£|¥)\s?)"
_CUR_POST = r"(?:\s+(?P<cur2>(?i:dollars|euros|pounds|yen|francs|liras?|rubles|roubles|yuan|rupees)|USD|EUR|GBP|JPY|CHF|TRY))"  # noqa: E501
_PCT = r"(?:\s*(?P<pct>%|(?i:percent|per cent)))"
_UNIT = r"(?P<unit>(?i:year|month|week|day|hour|minute|second|decade))"
#: "71 km/h", "71km/h", "45 mph", "71 kilometres an hour", "12 knots": a speed
_SPEED_UNIT = r"km\s*/\s*h|kmh|kph|mph|knots|(?:kilomet(?:re|er)s?|miles)\s+(?:an|per)\s+hour"
_SPEED = rf"\s*(?P<speed>(?i:{_SPEED_UNIT}))"
#: each way of writing a speed's unit, by its first letters
SPEED_UNITS = {"km": "km/h", "kp": "km/h", "ki": "km/h", "mp": "mph", "mi": "mph", "kn": "knots"}

_B = r"(?<![\w.,$€£¥-])"
_E = r"(?![\w]|[.,]\d|-\w)"
#: "a one-year deployment", "a 12-month-long probe": a duration as an adjective
_DURATION_ADJ = re.compile(
    _B + r"(?P<num>\d+|(?i:" + _WORD + r"))-" + _UNIT + r"(?:-long|-old)?(?!\w)"
)
#: "a minute and four seconds", "two hours and 15 minutes": one time in two units
_DURATION_PAIR = re.compile(
    _B + _QUAL + rf"(?P<first>(?i:an?)|\d+|(?i:{_WORD}))\s+(?P<big>(?i:hour|minute))(?i:s)?\s+"
    r"and\s+" + _NUMBER + r"\s+" + _UNIT + r"(?i:s)?\b"
)
#: what a length written as an adjective measures ("415m-deep")
_MEASURE_ADJ = r"(?:deep|long|high|wide|tall|thick)"
#: the words a length's unit is shown as, by its abbreviation
_LENGTH_WORDS = {"km": "km", "ft": "feet", "mi": "miles", "m": "metres", "kg": "kg"}
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(_B + _QUAL + _CUR_PRE + _NUMBER + _SCALE + _E)),
    ("money", re.compile(_B + _QUAL + _NUMBER + _SCALE + _CUR_POST + r"\b")),
    ("percent", re.compile(_B + _QUAL + _NUMBER + _PCT + r"(?!\w)")),
    ("speed", re.compile(_B + _QUAL + _NUMBER + _SPEED + r"(?!\w)")),
    ("duration_adj", _DURATION_ADJ),
    ("duration_pair", _DURATION_PAIR),
    ("duration", re.compile(_B + _QUAL + _NUMBER + r"\s+" + _UNIT + r"(?i:s)?\b")),
    (
        "vague",
        re.compile(
            r"\b(?P<vague>(?i:tens of thousands|hundreds of thousands|tens of millions|dozens|scores|hundreds|thousands|millions|billions))\s+of\b"  # noqa: E501
        ),
    ),
    (
        "vague",  # "several hundred protesters": a rough count, not a hundred
        re.compile(r"\b(?P<vague>(?i:several|a few)\s+(?:dozen|hundred|thousand|million))\b"),
    ),
    # "11km", "a 415m-deep shaft", "a 30ft-high wall": a length with its unit written onto
    # the figure (a bare "600m" may be millions, read by "count"), and so a weight ("14kg")
    (
        "length",
        re.compile(
            _B + _QUAL + r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
            rf"(?:(?P<lu>km|kg|ft|mi)(?:-{_MEASURE_ADJ})?|(?P<lm>m)-{_MEASURE_ADJ})" + _E
        ),
    ),
    # "44.1C", "44.1 °C", "104F": a temperature with its scale written onto the figure, counted
    # in degrees as "41.4 degrees" is (a Fahrenheit figure apart: "40C (104F)" is one heat)
    (
        "temperature",
        re.compile(
            _B
            + _QUAL
            + r"(?P<num>\d{1,3}(?:\.\d+)?)\s?(?:°\s?(?P<deg>[CF])?|(?P<scale_letter>[CF]))"
            + _E
        ),
    ),
    # "a 38 million-mark contract", "a 412m-pound deal", "a 480-million-sovin contract": a sum
    # written as an adjective
    (
        "sum_adj",
        re.compile(
            _B + _QUAL + _NUMBER + r"\s*-?\s*(?P<scale>(?i:million|billion|trillion|mn|bn|m|b))"
            r"-(?P<noun>[a-z]{3,})\b(?!-)"
        ),
    ),
    # "a 94-page indictment", "the 321-patient trial", "a 6.1-magnitude quake", "the ship's
    # 19-strong crew": a count or measure written as an adjective, its noun in lower case or in
    # a tabloid's capitals ("a 75,000-TESSAR bonus")
    (
        "count_adj",
        re.compile(
            _B + _QUAL + r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?-\s?"
            r"(?P<noun>[a-z]{3,}|[A-Z]{3,})\b(?!\s?-)(?=\s+[a-z])"
        ),
    ),
    ("count", re.compile(_B + _QUAL + _NUMBER + _SCALE + _E)),
]
#: words after a figure and a hyphen that make a kind or a manner, not a count ("a 64-bit
#: version", "a 13-inch model", "a .38-caliber revolver", "a 10-fold rise", "a 3-way race")
_NOT_COUNTED_ADJ = frozenset(
    [
        "bit",
        "inch",
        "caliber",
        "calibre",
        "gauge",
        "core",
        "fold",
        "way",
        "plus",
        "odd",
        "something",
        "time",
        "times",
        "year",
        "old",
        "day",
        "star",
        "door",
        "seater",
        "speed",
        "and",
        "or",
        "to",
    ]
)
#: a kind of shot or play named by its points ("a 3-point shot", "a three - pointer", "a
#: three-point play"): its figure counts nothing ("a 10-point lead" counts points)
_KIND_OF_SHOT = re.compile(
    r"\b(?:\d|one|two|three|four)\s?-\s?point(?:ers?\b|\s+(?:shots?|play|plays|shooters?"
    r"|shooting|attempts?|line|range|baskets?|field\s+goals?)\b)",
    re.IGNORECASE,
)
#: plurals that do not add an "s"
_PLURALS = {"foot": "feet", "inch": "inches", "man": "men", "woman": "women", "child": "children"}


_BY = re.compile(r"\s*(?:-\s*by\s*-|×|x\d)", re.IGNORECASE)
_QUAKE_BEFORE = re.compile(r"\b(?:quake|earthquake|temblor|tremor|magnitude|richter)\b[^.;]*$",
                           re.IGNORECASE)  # fmt: skip
_PARENT = re.compile(r"\b(?:mother|father|parent|mum|mom|dad)\s+of\s+$", re.IGNORECASE)
_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+of)?\s*-?\s*$", re.IGNORECASE)


def number_value(raw: str) -> float:
    """The value of a number as written: "1,150", "twelve", "twenty - six"."""
    low = raw.lower()
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    if "/" in low:  # "2 1/2", "2-1/2"
        whole, frac = re.split(r"\s*-\s*|\s+", low.strip(), maxsplit=1)
        top, bottom = frac.split("/")
        return float(whole) + float(top) / float(bottom)
    if "-" in low:  # "twenty - six"
        tens, unit = (w.strip() for w in low.split("-", 1))
        return float(WORD_NUMBERS[tens] + WORD_NUMBERS[unit])
    return float(raw.replace(",", ""))


def format_value(value: float) -> str:
    """A stable string for a value: integers without exponent, others with up to 6 digits."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def find_quantities(
    text: str,
    counted: Counted,
    *,
    skip: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[Quantity]:
    """All quantities in ``text``; spans in ``skip`` (dates, times) are left out."""
    taken: list[tuple[int, int]] = list(skip)
    out: list[Quantity] = []
    plain, moved = _untokenise(text)
    taken += [m.span() for m in _KIND_OF_SHOT.finditer(plain)]
    for kind, rx in PATTERNS:
        for m in rx.finditer(plain):
            s, e = m.span()
            e += sum(1 for i in moved if s <= i < e)  # the space "1, 150" had, in the text
            if any(s < te and ts < e for ts, te in taken) or _on_a_clock(plain, s, e):
                continue
            if kind == "count" and _in_a_model_name(plain, s):
                continue
            q = _build(kind, m, counted)
            if q is not None:
                if e != m.end():
                    q = replace(q, text=text[s:e], end=e)
                taken.append((s, e))
                out.append(q)
    out.sort(key=lambda q: q.start)
    return out


#: a model or a name with a number in it, right before the number: "AK 47", "MH 17", "Boeing
#: 737", "Airbus 320" -- the number names the thing, it counts nothing (a currency's code, "OSL
#: 6.2bn", has three letters)
_MODEL_BEFORE = re.compile(
    r"(?:\b[A-Z]{1,2}|\b(?:Boeing|Airbus|Apollo|Flight|Route|Interstate|Highway|Windows|iPhone))"
    r" \Z"
)


def _in_a_model_name(text: str, start: int) -> bool:
    """The number starting at ``start`` follows a model's letters or a name it numbers."""
    m = _MODEL_BEFORE.search(text[max(start - 12, 0) : start])
    # "the US 500 troops", "IN 3 BLASTS" (a headline's capitals): words, not a model's letters
    return m is not None and m.group(0).strip() not in _NOT_MODELS


_NOT_MODELS = frozenset(
    ["A", "I", "AN", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IN", "IS", "IT", "ME", "MY",
     "NO", "OF", "ON", "OR", "SO", "TO", "UP", "US", "WE", "UK", "EU", "UN"]
)  # fmt: skip


#: "with 6:11 left", "at 10 : 30" (tokenised): the hours and minutes of a clock, not counts
_CLOCK_AFTER = re.compile(r"^\s*:\s*\d\d(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s*:\s*$")


def _on_a_clock(text: str, start: int, end: int) -> bool:
    return bool(
        _CLOCK_AFTER.match(text[end : end + 6])
        or _CLOCK_BEFORE.search(text[max(start - 6, 0) : start])
    )


_TOKENISED = re.compile(r"(?<![\d,.])(\d{1,3}), (\d{3})(?![\d])")
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)


def _untokenise(text: str) -> tuple[str, list[int]]:
    """Tokenised text writes 1,150 as "1, 150": the same text with those spaces moved after
    the number (so every offset but the number's end stays put), and where they were. A day
    after a month ("March 3, 200 people") is left alone."""
    chars, moved = list(text), []
    for m in _TOKENISED.finditer(text):
        if _MONTH_BEFORE.search(text[max(m.start() - 12, 0) : m.start()]):
            continue
        comma = m.start(2) - 2
        chars[comma + 1 : m.end()] = [*m.group(2), " "]
        moved.append(comma)
    return "".join(chars), moved


def _build(kind: str, m: re.Match[str], counted: Counted) -> Quantity | None:
    g = m.groupdict()
    if kind == "vague":
        return _vague(m, g, counted)
    qual = QUALIFIERS.get((g.get("qual") or "").lower(), "")
    raw = g["num"]
    value = number_value(raw)
    scale = (g.get("scale") or "").lower()
    if scale:
        value *= SCALES[scale]
    measure = _MEASURES.get(kind)
    if measure is not None:
        return measure(m, g, value, qual, counted)
    return _count(m, raw, value, scale=scale, qual=qual, counted=counted)


def _money(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    cur = CURRENCIES.get((g.get("cur") or g.get("cur2") or "").lower(), "")
    if not cur:
        cur = (g.get("cur") or g.get("cur2") or "").upper()
    norm = f"{qual}{format_value(value)} {cur}"
    return Quantity(
        m.group(0), m.start(), m.end(), value, cur, counted(m.end()), norm, "money", qual
    )


def _length(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    """ "11km", "a 415m-deep shaft": a length, counted in its unit as "11 km" is."""
    counts = _LENGTH_WORDS[(g.get("lu") or g.get("lm") or "").lower()]
    norm = f"{qual}{format_value(value)} {counts}".strip()
    return Quantity(m.group(0), m.start(), m.end(), value, "", counts, norm, "count", qual)


def _temperature(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity | None:
    """ "44.1C", "104°F": a temperature, counted in degrees ("fahrenheit" for °F); None for a
    label after a name ("Apartment 3C", "Group 5F")."""
    before = m.string[max(0, m.start() - 30) : m.start()].split()
    if g.get("scale_letter") and before and _A_LABEL.match(before[-1]):
        return None
    counts = "fahrenheit" if (g.get("deg") or g.get("scale_letter")) == "F" else "degrees"
    norm = f"{qual}{format_value(value)} {counts}".strip()
    return Quantity(m.group(0), m.start(), m.end(), value, "", counts, norm, "count", qual)


#: a capitalised word that is not a possessive: a name the figure and letter label ("Room 4F")
_A_LABEL = re.compile(r"^[A-Z][a-z]*$")


def _percent(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    norm = f"{qual}{format_value(value)}%"
    return Quantity(
        m.group(0), m.start(), m.end(), value, "%", counted(m.end()), norm, "percent", qual
    )


def _speed(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    unit = SPEED_UNITS[g["speed"][:2].lower()]
    norm = f"{qual}{format_value(value)} {unit}"
    return Quantity(m.group(0), m.start(), m.end(), value, unit, "speed", norm, "speed", qual)


def _duration(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    unit = g["unit"].lower()
    noun = counted(m.end()) if m.re is _DURATION_ADJ else ""
    norm = f"{qual}{format_value(value)} {unit}"
    return Quantity(m.group(0), m.start(), m.end(), value, unit, noun, norm, "duration", qual)


def _duration_pair(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity | None:
    """ "a minute and four seconds": 64 seconds, in the smaller unit; None for units that are
    not one step apart ("an hour and ten seconds")."""
    big, unit = g["big"].lower(), g["unit"].lower()
    if (big, unit) not in (("hour", "minute"), ("minute", "second")):
        return None
    first = g["first"].lower()
    whole = 1.0 if first in ("a", "an") else number_value(first)
    total = whole * 60 + value
    norm = f"{qual}{format_value(total)} {unit}"
    return Quantity(m.group(0), m.start(), m.end(), total, unit, "", norm, "duration", qual)


def _sum_adjective(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity:
    """ "a 38 million-mark contract": 38,000,000 marks; a known currency's word makes it money
    ("a 40 million-pound deal": 40,000,000 GBP)."""
    noun = g["noun"].lower()
    text, s, e = m.group(0), m.start(), m.end()
    cur = CURRENCIES.get(noun) or CURRENCIES.get(noun + "s", "")
    if cur:
        return Quantity(
            text, s, e, value, cur, "", f"{qual}{format_value(value)} {cur}", "money", qual
        )
    counts = noun if noun.endswith("s") else noun + "s"
    return Quantity(
        text, s, e, value, "", counts, f"{qual}{format_value(value)} {counts}", "count", qual
    )


def _count_adjective(
    m: re.Match[str], g: dict[str, str], value: float, qual: str, counted: Counted
) -> Quantity | None:
    """ "a 94-page indictment": 94 pages; "a 19-strong crew": 19 of the noun after it."""
    noun = g["noun"].lower()
    if noun in _NOT_COUNTED_ADJ or noun in SCALES:
        return None  # "a 3-million budget" is a sum, read as a count with its scale
    if noun == "strong":
        counts = counted(m.end())
    elif noun == "magnitude":
        counts = noun  # what a quake's figure measures, as "magnitude 6.1" reads
    else:
        counts = _PLURALS.get(noun) or (
            noun
            if noun.endswith("s")
            else noun + ("es" if noun.endswith(("ch", "sh", "x")) else "s")
        )
    norm = f"{qual}{format_value(value)} {counts}".strip()
    return Quantity(m.group(0), m.start(), m.end(), value, "", counts, norm, "count", qual)


#: how each kind of measure found by PATTERNS is built (a plain count by _count)
_MEASURES: dict[
    str, Callable[[re.Match[str], dict[str, str], float, str, Counted], Quantity | None]
] = {
    "money": _money,
    "length": _length,
    "temperature": _temperature,
    "count_adj": _count_adjective,
    "percent": _percent,
    "sum_adj": _sum_adjective,
    "speed": _speed,
    "duration": _duration,
    "duration_adj": _duration,
    "duration_pair": _duration_pair,
}


def _vague(m: re.Match[str], g: dict[str, str], counted: Counted) -> Quantity:
    """ "dozens of", "hundreds of": a rough count."""
    value = float(VAGUE[" ".join(g["vague"].lower().split())])
    noun = counted(m.end())
    norm = f"~{format_value(value)} {noun}".strip()
    return Quantity(m.group(0), m.start(), m.end(), value, "", noun, norm, "count", "~", True)


#: "of the" before a superlative: what the number counts follows it ("nine of the sickest people")
_OF_THE_MOST = re.compile(r"\s+of\s+the\s+(?=(?:most\s+\w+|\w+est)\s+\w)", re.IGNORECASE)


def _count(
    m: re.Match[str], raw: str, value: float, *, scale: str, qual: str, counted: Counted
) -> Quantity | None:
    """A plain count, or None when the number counts nothing: words like "one" count only with a
    noun after them ("one of" is not a count), a bare year is not a count."""
    s, e = m.start(), m.end()
    picked = _OF_THE_MOST.match(m.string, e)
    if picked is not None and value >= 2:
        # "took nine of the sickest people off the ship": nine people, picked as the sickest
        noun = counted(picked.end())
    elif not raw[0].isdigit() and re.match(r"\s+of\b", m.string[e : e + 4]):
        return None  # "one of them", "two of the men": a partitive, not a count
    elif _BY.match(m.string[e : e + 8]):
        return None  # "a four-by-four car", "a 4x4": a kind of car, not a count of cars
    else:
        noun, value = _count_noun(m, raw, value, scale=scale, counted=counted)
    if not raw[0].isdigit() and not noun:
        return None
    if raw.lower() == "one" and re.search(
        r"\b(?:no|the|every|any|this|that)\s+$", m.string[max(0, s - 8) : s], re.I
    ):
        return None  # "no one", "the one": pronouns, not counts
    if not scale and not noun and re.fullmatch(r"(1[89]|20)\d\d", raw):
        return None  # a bare year, not a count
    norm = f"{qual}{format_value(value)} {noun}".strip()
    return Quantity(m.group(0), s, e, value, "", noun, norm, "count", qual)


def _count_noun(
    m: re.Match[str], raw: str, value: float, *, scale: str, counted: Counted
) -> tuple[str, float]:
    """What a plain number counts (the noun after it, else what the words around it say), and
    its value, which a unit read that way may change."""
    s, e = m.start(), m.end()
    noun = counted(e)
    if scale == "m" and not noun and m.string[s:e].rstrip().endswith(raw + "m"):
        # "fell about 600m.": a length in metres, not 600 million of nothing ("600m people"
        # keeps its noun and stays a count)
        value, noun = number_value(raw), "metres"
    if _PARENT.search(m.string[max(0, s - 16) : s]):
        return "children", value  # "a mother of 12", "Mother of 13 Zurana Horton" (a headline)
    if not noun and _MAGNITUDE.search(m.string[max(0, s - 16) : s]):
        return "magnitude", value  # "a magnitude of 4.6", "magnitude-5.9": what it measures
    if (
        not noun and "." in raw and value < 10
        and _QUAKE_BEFORE.search(m.string[max(0, s - 90) : s])
    ):  # fmt: skip
        return "magnitude", value  # "the quake ... the USGS said it was 6.1"
    return noun, value
