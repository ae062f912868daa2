"""Quantities (pure: the counted noun comes from a stub)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract.quantities import find_quantities, format_value


def next_word(text: str):
    def counted(end: int) -> str:
        m = re.match(r"\s+(?:of\s+)?([a-z]+)", text[end:])
        return m.group(1) if m else ""

    return counted


def q(text: str):
    found = find_quantities(text, next_word(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "normalized"),
    [
        ("as many as 250,000 migrants fled", 250000, "", "<=250000 migrants"),
        ("a USD 100 billion deal", 1e11, "USD", "100000000000 USD"),
        ("a $2.5 million grant", 2.5e6, "USD", "2500000 USD"),
        ("a €40m loan", 4e7, "EUR", "40000000 EUR"),
        ("fined 20 million euros", 2e7, "EUR", "20000000 EUR"),
        ("a one-year deployment", 1, "year", "1 year"),
        ("a two-week stay", 2, "week", "2 week"),
        ("for six months", 6, "month", "6 month"),
        ("rose 4.5% in May", 4.5, "%", "4.5%"),
        ("fell 13 per cent", 13, "%", "13%"),
        ("more than 50 firefighters", 50, "", ">50 firefighters"),
        ("thousands of civilians", 1000, "", "~1000 civilians"),
        ("twelve soldiers", 12, "", "12 soldiers"),
        ("sentenced to 2 1/2 years", 2.5, "year", "2.5 year"),
        ("a 2-1/2 year sentence", 2.5, "year", "2.5 year"),
        # a time in two units is one time in the smaller; a unit in capitals is still a unit
        ("destroyed it a minute and four seconds after lift-off", 64, "second", "64 second"),
        ("the talks lasted two hours and 15 minutes", 135, "minute", "135 minute"),
        ("blew apart just 64 SECONDS after blast-off", 64, "second", "64 second"),
        # a sum written as an adjective counts its unit; a known currency's makes it money
        ("a separate 38 million-mark contract", 38e6, "", "38000000 marks"),
        ("a 412m-mark contract", 412e6, "", "412000000 marks"),
        ("a 40 million-pound deal", 40e6, "GBP", "40000000 GBP"),
        # ... its scale joined to the figure by a hyphen too
        ("the 480-million-sovin contract", 480e6, "", "480000000 sovins"),
        ("a 10-million-euro fine", 10e6, "EUR", "10000000 EUR"),
        ("a $1.2-billion takeover", 1.2e9, "USD", "1200000000 USD"),
        ("a 3-million budget", 3e6, "", "3000000 budget"),
        # a count or measure written as an adjective counts its noun
        ("unsealed a 94-page indictment", 94, "", "94 pages"),
        ("sites in the 321-patient trial", 321, "", "321 patients"),
        ("a 30-foot dhow", 30, "", "30 feet"),
        ("the 6.1-magnitude quake", 6.1, "", "6.1 magnitude"),
        ("the ship's 19-strong crew", 19, "", "19 crew"),
        # a speed, in any of the ways its unit is written
        ("travelling at 71 km/h", 71, "km/h", "71 km/h"),
        ("hurtling along at 71km/h", 71, "km/h", "71 km/h"),
        ("reached 71 kilometres an hour", 71, "km/h", "71 km/h"),
        ("at more than 45 miles per hour", 45, "mph", ">45 mph"),
        ("sailing at 12 knots", 12, "knots", "12 knots"),
        # half or a quarter of a scale word is that share of it, not the whole
        ("set his bail at half a million ventars", 5e5, "", "500000 ventars"),
        ("a HALF-MILLION ventar bail", 5e5, "", "500000 ventar"),
        ("a quarter of a million people", 2.5e5, "", "250000 people"),
        ("half a billion dollars", 5e8, "USD", "500000000 USD"),
    ],
)
def test_quantities(text: str, value: float, unit: str, normalized: str) -> None:
    got = q(text)
    assert (got.value, got.unit, got.normalized) == (value, unit, normalized)
    assert text[got.start : got.end] == got.text


def test_counts_and_kinds() -> None:
    assert q("a one-year deployment").counts == "deployment"
    assert q("a one-year deployment").kind == "duration"
    assert q("thousands of civilians").approximate
    assert q("more than 50 firefighters").qualifier == ">"
    # "several hundred" is a rough count of hundreds, not a hundred
    rough = q("several hundred protesters")
    assert rough.approximate and rough.value == 300 and rough.counts == "protesters"
    assert q("a few thousand fans").approximate
    # a length with its unit written onto the figure counts the unit, as "11 km" does
    for text, value, counts in (
        ("located 11km beneath the valley", 11, "km"),
        ("the 415m-deep Corrie shaft", 415, "metres"),
        ("a 30ft-high wall", 30, "feet"),
        ("at least 5km of road", 5, "km"),
        ("having lost 14kg by then", 14, "kg"),
    ):
        assert (q(text).value, q(text).counts) == (value, counts), text
    # ... but a bare "600m" before a noun is millions of it
    assert (q("600m people").value, q("600m people").counts) == (600e6, "people")


@pytest.mark.parametrize(
    ("text", "value", "counts"),
    [
        ("the thermometer reached 44.1C on Monday", 44.1, "degrees"),
        ("a high of 44.1 °C.", 44.1, "degrees"),
        ("at 38°C in the shade", 38, "degrees"),
        ("Temperatures hit 40C.", 40, "degrees"),
        ("a reading of 104F at noon", 104, "fahrenheit"),
    ],
)
def test_a_temperature_with_its_scale_written_on_is_counted_in_degrees(
    text: str, value: float, counts: str
) -> None:
    # counted as "41.4 degrees" is, so the two compare; a Fahrenheit figure stays apart
    assert (q(text).value, q(text).counts, q(text).kind) == (value, counts, "count")


@pytest.mark.parametrize("text", ["Apartment 5C was empty", "Group 3C won"])
def test_a_letter_after_a_figure_after_a_name_is_a_label(text: str) -> None:
    assert all(
        x.counts not in ("degrees", "fahrenheit") for x in find_quantities(text, next_word(text))
    )


def test_not_quantities() -> None:
    for text in (
        "the S-400 system",
        "F-35 jets",
        "one of them",
        "back in 2014.",
        "no one came",
        "a 64-bit version",
        "the 13-inch model",
        "a 10-fold rise",
        "won 4-3 at home",
        "the AK 47 rifle",
        "a Boeing 737",
        "blocked Route 9 overnight",
        "flight YW 582 landed",
    ):
        assert find_quantities(text, next_word(text)) == [], text
    # ... but a headline's capital words or a currency's code before a figure name no model
    for text, value in (("ALL seven men", 7), ("IN 3 blasts", 3), ("OSL 6.2bn of cuts", 6.2e9)):
        (q,) = find_quantities(text, next_word(text))
        assert q.value == value, text
    # the hours and minutes of a game clock, written plain or tokenised
    for text in ("with 6:11 left", "with 6 : 11 left"):
        assert find_quantities(text, next_word(text)) == [], text


def test_skipped_spans_are_left_out() -> None:
    text = "On 5 March 12 men left"
    found = find_quantities(text, next_word(text), skip=[(3, 10)])
    assert [f.value for f in found] == [12]


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_format_value_round_trips(v: float) -> None:
    assert abs(float(format_value(v)) - v) <= max(1e-5 * v, 1e-9)


@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    for found in find_quantities(text, lambda _: ""):
        assert text[found.start : found.end] == found.text


def test_a_number_picked_out_by_a_superlative_counts_the_noun_after_it() -> None:
    from newsprism.extract import extract

    found = extract("A lifeboat took nine of the sickest people off the ship.").quantities
    assert [(x.value, x.counts) for x in found] == [(9.0, "people")]
    # "one of", and a partitive with no superlative, still count nothing
    for text in ("One of the largest firms failed.", "Two of the men were arrested."):
        assert extract(text).quantities == (), text


def test_a_kind_of_shot_named_by_its_points_counts_nothing() -> None:
    for text in (
        "Carter could not convert an open look, 3 - point shot.",
        "He hit a 3-pointer from the corner.",
        "Echenique's three-point play stretched the lead.",
    ):
        assert find_quantities(text, next_word(text)) == [], text
    # a lead of ten points counts points
    text = "They held a 10-point lead."
    assert [(x.value, x.counts) for x in find_quantities(text, next_word(text))] == [(10, "points")]


def test_a_count_written_as_an_adjective_in_capitals_is_read() -> None:
    text = "The bank is sitting on a 75,000-TESSAR record bonus."
    (x,) = find_quantities(text, next_word(text))
    assert (x.value, x.counts) == (75000, "tessars")
