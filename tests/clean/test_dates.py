"""normalize_published: ISO 8601 out, zones kept, nonsense refused with a clear message."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.clean import normalize_published
from newsprism.errors import InputError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", "2024-03-04"),
        (" 2024-03-04 ", "2024-03-04"),
        ("2024-3-4", "2024-03-04"),
        ("2024/03/04", "2024-03-04"),
        ("04.03.2024", "2024-03-04"),
        ("4 March 2024", "2024-03-04"),
        ("March 4, 2024", "2024-03-04"),
        ("Mar 4, 2024", "2024-03-04"),
        ("2024-03-04T08:15:00+01:00", "2024-03-04T08:15:00+01:00"),
        ("2024-03-04T08:15:00Z", "2024-03-04T08:15:00+00:00"),
        ("2024-03-04 08:15", "2024-03-04T08:15:00"),
        ("Mon, 04 Mar 2024 08:15:00 +0100", "2024-03-04T08:15:00+01:00"),
        ("Mon, 04 Mar 2024 08:15:00 GMT", "2024-03-04T08:15:00+00:00"),
        ("4. März 2024", "2024-03-04"),
        ("4 de marzo de 2024", "2024-03-04"),
    ],
)
def test_known_layouts(value: str, expected: str) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "   ", "yesterday", "next Tuesday", "banana", "2024-13-45", "0001-01-01", "31/31/2024"],
)
def test_nonsense_is_refused_clearly(value: str) -> None:
    with pytest.raises(InputError) as caught:
        normalize_published(value)
    assert "YYYY-MM-DD" in str(caught.value) or "outside" in str(caught.value)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_iso_dates_round_trip(d: date) -> None:
    assert normalize_published(d.isoformat()) == d.isoformat()


zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))]
)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 1, 1)), zones)
def test_aware_datetimes_keep_their_zone(dt: datetime, tz: timezone) -> None:
    aware = dt.replace(tzinfo=tz)
    out = normalize_published(aware.isoformat())
    assert datetime.fromisoformat(out) == aware
    assert datetime.fromisoformat(out).utcoffset() == aware.utcoffset()


@given(st.text(max_size=40))
def test_any_text_gives_iso_or_input_error(value: str) -> None:
    try:
        out = normalize_published(value)
    except InputError:
        return
    parsed = datetime.fromisoformat(out)
    assert 1800 <= parsed.year <= 2200
    assert normalize_published(out) == out  # idempotent
