"""Publication dates -> ISO 8601: a date alone stays YYYY-MM-DD; a date-time keeps its zone."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from newsprism.errors import InputError

#: years outside this range are typos or epoch placeholders, not news dates
MIN_YEAR, MAX_YEAR = 1800, 2200

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\d{2}h\d{2}|T\d{2}")
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%A, %B %d, %Y",
    "%Y%m%d",
)


def normalize_published(value: str) -> str:
    """Normalise a publication date; raise InputError saying what was expected."""
    text = " ".join(value.split())
    if not text:
        raise _bad(value)
    parsed = _parse(text)
    if parsed is None:
        raise _bad(value)
    year = parsed.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(
            f"the date {value!r} is in the year {year}, outside {MIN_YEAR}-{MAX_YEAR}",
            hint="Give the publication date as YYYY-MM-DD or an ISO 8601 date-time.",
        )
    return parsed.isoformat()


def _bad(value: str) -> InputError:
    return InputError(
        f"cannot read {value!r} as a date",
        hint="Give the publication date as YYYY-MM-DD or an ISO 8601 date-time, "
        "e.g. 2020-01-02 or 2020-01-02T15:04:00+01:00.",
    )


def _parse(text: str) -> date | datetime | None:
    for parse in (_iso, _rfc2822, _formats, _dateparser):
        try:
            result = parse(text)
        except (ValueError, TypeError, OverflowError, IndexError):
            result = None
        if result is not None:
            return result
    return None


def _iso(text: str) -> date | datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", candidate):
        return date.fromisoformat(candidate)
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", candidate):
        return datetime.fromisoformat(candidate)
    return None


def _rfc2822(text: str) -> datetime | None:
    # "Thu, 02 Jan 2020 15:04:00 +0000", as RSS writes dates
    if not re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        return None
    return parsedate_to_datetime(text)


def _formats(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _dateparser(text: str) -> date | datetime | None:
    """Last resort for other languages and layouts; absolute dates only ("yesterday" is refused)."""
    if not re.search(r"\d{4}", text) or len(text) > 64:
        return None
    import dateparser  # slow to import; most dates never get here

    parsed = dateparser.parse(
        text,
        settings={
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    return parsed if _HAS_TIME.search(text) else parsed.date()
