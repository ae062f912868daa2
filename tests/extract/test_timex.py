"""Time expressions resolved against the publication day (pure: no spaCy)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract.timex import WEEKDAYS, find_times, parse_published


def past(_: int) -> str:
    return "past"


def future(_: int) -> str:
    return "future"


def present(_: int) -> str:
    return "present"


def conditional(_: int) -> str:
    return "conditional"


def one(text: str, pub: date | None, tense=past):
    found = find_times(text, pub, tense)
    assert len(found) == 1, found
    return found[0]


THU = date(2020, 1, 2)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("He spoke on Thursday.", past, "2020-01-02"),
        ("He spoke on Friday.", past, "2019-12-27"),
        ("He will speak on Friday.", future, "2020-01-03"),
        # the paper's own weekday is that day (agency style names the day, not "today")
        ("He will speak on Thursday.", future, "2020-01-02"),
        ("He is due to be sworn in on Thursday morning.", future, "2020-01-02"),
        ("They met last Thursday.", past, "2019-12-26"),
        ("They meet next Monday.", future, "2020-01-06"),
        ("It happened yesterday.", past, "2020-01-01"),
        ("It opens tomorrow.", future, "2020-01-03"),
        ("Last year, in November, they met.", past, "2019-11"),
        ("In November last year they met.", past, "2019-11"),
        ("Since his announcement last December he changed.", past, "2019-12"),
        ("They met in December.", past, "2019-12"),
        ("Elections come in March.", future, "2020-03"),
        ("The law was passed last year.", past, "2019"),
        ("The ban starts next month.", future, "2020-02"),
        ("It was signed three days ago.", past, "2019-12-30"),
        # "a week ago today" is that very day, not today
        ("It was disclosed a week ago today.", past, "2019-12-26"),
        ("It was founded two years ago today.", past, "2018-01-02"),
        ("It was signed on 5 March 2019.", past, "2019-03-05"),
        ("It was signed on March 5, 2019.", past, "2019-03-05"),
        ("It was signed in June 2012.", past, "2012-06"),
        ("It was signed on 2018-04-01.", past, "2018-04-01"),
        ("It escalated in 2014.", past, "2014"),
        # a day and month within two months of publication is that one, even in a past clause
        ("The minister announced tariffs with effect from 1 February.", past, "2020-02-01"),
        ("The deal was signed on December 20.", past, "2019-12-20"),
        ("Talks resume on 20 December.", future, "2020-12-20"),
        ("The fair opened on 3 May.", past, "2019-05-03"),
        # a day name with its date is one day, which the date fixes (a bare "Friday" in this
        # Thursday paper would be 2019-12-27)
        ("The talks collapsed on Friday, December 20.", past, "2019-12-20"),
        # a present tense with a day name is a timetable: the day ahead
        ("The upper house votes on Friday.", present, "2020-01-03"),
        ("The upper house votes on Thursday.", present, "2020-01-02"),
        ("The talks collapsed on Friday 20 December.", past, "2019-12-20"),
        ("The talks collapsed on Friday evening, Dec. 20, 2019.", past, "2019-12-20"),
        ("The order was issued on Monday, the 16th of December.", past, "2019-12-16"),
        # a day a thing is to last until is ahead, though "would" reads as a past tense
        ("It said the line would stay closed until at least Monday.", past, "2020-01-06"),
        ("The ban is to remain in force until Saturday.", past, "2020-01-04"),
        ("The line stayed closed until Monday.", past, "2019-12-30"),
        # a deadline set in the present ("wants ... by midnight on Friday") is still ahead,
        # whatever tense the words right before the day read as; one set in the past is not
        ("The gang wants 18m krells, paid in cash, by midnight on Friday.", past, "2020-01-03"),
        ("The gang has given the port until noon on Saturday to pay.", past, "2020-01-04"),
        ("The gang demanded payment by Friday.", past, "2019-12-27"),
        # "would": ahead of the saying, either side of publication: the nearest such day
        ("He said pilots would meet the managers on Friday.", conditional, "2020-01-03"),
        ("He said he would resign on Monday.", conditional, "2019-12-30"),
    ],
)
def test_resolution(text: str, tense, value: str) -> None:
    t = one(text, THU, tense)
    assert t.value == value
    assert text[t.start : t.end] == t.text
    assert not t.flagged


def test_intervals() -> None:
    week = one("They spoke last week.", THU)
    assert (week.start_value, week.end_value) == ("2019-12-23", "2019-12-29")
    since = one("The war has raged since 2014.", THU)
    assert since.value == "2014-01-01/2020-01-02" and since.granularity == "interval"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The panel heard the case over two days, on Oct. 2 and 3.", "2019-10-02", "2019-10-03"),
        ("The panel heard the case on 2 and 3 October.", "2019-10-02", "2019-10-03"),
        ("The talks ran from June 4-6, 2033 in Geneva.", "2033-06-04", "2033-06-06"),
    ],
)  # fmt: skip
def test_two_days_of_a_month_told_together_are_one_interval(
    text: str, first: str, last: str
) -> None:
    # neither day alone: "Oct. 2 and 3" against "3 October" is no dispute of the day
    t = one(text, date(2019, 10, 18))
    assert (t.value, t.granularity) == (f"{first}/{last}", "interval")
    assert (t.start_value, t.end_value) == (first, last)
    assert text[t.start : t.end] == t.text


def test_two_figures_that_are_no_pair_of_days_leave_the_day_alone() -> None:
    t = one("On May 3 and 30 people were hurt.", date(2019, 5, 18))
    assert (t.text, t.value) == ("May 3", "2019-05-03")


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("The deal should close in the third quarter of 2033.", "2033-07-01/2033-09-30", "quarter"),
        ("It should complete in the first three months of 2033.", "2033-01-01/2033-03-31",
         "quarter"),
        ("Sales fell in Q4 2031.", "2031-10-01/2031-12-31", "quarter"),
        ("Profits rose in the second half of 2030.", "2030-07-01/2030-12-31", "half"),
    ],
)  # fmt: skip
def test_quarters_and_halves_of_a_year(text: str, value: str, granularity: str) -> None:
    t = one(text, THU)
    assert (t.value, t.granularity) == (value, granularity)
    assert text[t.start : t.end] == t.text


def test_narrative_day_for_earlier_in_the_day() -> None:
    found = find_times("He spoke on Monday. Earlier in the day, troops left.", THU, past)
    assert [t.value for t in found] == ["2019-12-30", "2019-12-30"]


def test_event_anchored_offsets_stay_flagged() -> None:
    t = one("The deal came only a month after the letter.", THU)
    assert t.flagged and t.value is None and t.anchor == "event"


def test_unknown_publication_keeps_relative_flagged() -> None:
    for text in ("He spoke on Thursday.", "They spoke last week.", "It happened yesterday."):
        t = one(text, None)
        assert t.relative and t.flagged and t.value is None
    absolute = one("It was signed on 5 March 2019.", None)
    assert absolute.value == "2019-03-05" and not absolute.flagged


def test_verbs_may_and_march_are_not_months() -> None:
    assert find_times("They may march on the capital.", THU, past) == []


def test_parse_published_keeps_the_outlets_local_day() -> None:
    assert parse_published("2020-01-02") == date(2020, 1, 2)
    assert parse_published("2020-01-02T23:30:00+03:00") == date(2020, 1, 2)
    assert parse_published("2020-01-02T23:30:00Z") == date(2020, 1, 2)
    assert parse_published("Thu, 02 Jan 2020 10:00:00 +0000") == date(2020, 1, 2)
    assert parse_published("not a date") is None
    assert parse_published(None) is None


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(sorted(WEEKDAYS)),
)
def test_weekday_rules_hold_for_any_day(pub: date, day: str) -> None:
    name = day.capitalize()
    before = one(f"He spoke on {name}.", pub, past)
    d = date.fromisoformat(before.value or "")
    assert d.strftime("%A") == name and timedelta(0) <= pub - d < timedelta(days=7)
    after = one(f"He will speak on {name}.", pub, future)
    d = date.fromisoformat(after.value or "")
    # the publication's own weekday is that day; another is within the week ahead
    assert d.strftime("%A") == name and timedelta(0) <= d - pub < timedelta(days=7)
    last = one(f"He spoke last {name}.", pub, past)
    d = date.fromisoformat(last.value or "")
    assert d.strftime("%A") == name and timedelta(0) < pub - d <= timedelta(days=7)


@given(st.text(max_size=200), st.none() | st.dates())
def test_never_crashes_and_spans_point_into_text(text: str, pub: date | None) -> None:
    for t in find_times(text, pub, past):
        assert text[t.start : t.end] == t.text
        assert 0.0 <= t.confidence <= 1.0


def test_a_day_something_is_set_for_lies_ahead_in_a_past_clause() -> None:
    # a Wednesday paper: the rally called "for 2 p.m. on Saturday" is this coming Saturday
    wed = date(2036, 6, 11)
    assert one("The league has called a rally for 2 p.m. on Saturday.", wed).value == "2036-06-14"
    assert one("The rally is set for Sunday afternoon.", wed).value == "2036-06-15"
    # a set-up told as past, and a plain past act, keep the day before publication
    assert one("The hearing, which had been set for Monday, was put off.", wed).value == (
        "2036-06-09"
    )
    assert one("He was arrested on Saturday.", wed).value == "2036-06-07"


def test_a_day_named_with_the_is_a_day_of_the_story_not_of_publication() -> None:
    # "the Monday morning after polling day" is the Monday after the vote, whenever the paper
    # came out, and "the Monday morning" told again is that one: only the story's own
    # calendar could date them
    wed = date(2036, 6, 11)
    for text in (
        "The ballots reached the office on the Monday morning after polling day.",
        "They met on the Friday before the vote.",
        "The letter came the Tuesday following the election.",
        "All of them had been stamped in on the Monday morning.",
        "The votes came in after the Sunday poll.",
    ):
        found = one(text, wed)
        assert found.value is None and found.anchor == "event", text
    # a day name on its own, or with its own modifier, is still read from publication
    assert one("He was arrested on Saturday after a chase.", wed).value == "2036-06-07"
    assert one("The office shut last Monday after the vote.", wed).value == "2036-06-09"
