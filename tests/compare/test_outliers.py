"""A figure one report gives where the others agree on another (compare/outliers.py)."""

from __future__ import annotations

from newsprism.compare import outliers
from newsprism.compare.outliers import Figure
from newsprism.extract.types import Quantity
from tests.compare.test_tolls import _compare


def _f(
    source: int, value: float, uid: int | None = None, qualifier: str = "", counts: str = "branches"
) -> Figure:
    q = Quantity(str(value), 0, 1, value, "", counts, f"{value} {counts}", "count", qualifier)
    return Figure(source, source * 10 if uid is None else uid, q)


def _yes(x: Figure, y: Figure) -> bool:
    return True


def _odd(figures: list[Figure], given: dict[int, set[float]] | None = None) -> list[tuple]:
    given = given if given is not None else {}
    found = outliers.odd_figures(figures, given, _yes, _yes, _yes)
    return [(o.odd.source, o.odd.quantity.value, [x.source for x in o.agreed]) for o in found]


def test_one_report_against_two_that_agree_is_odd() -> None:
    assert _odd([_f(0, 85), _f(1, 85), _f(2, 95)]) == [(2, 95, [0, 1])]
    # one report against one is no odd one out: which is odd cannot be said
    assert _odd([_f(0, 85), _f(1, 95)]) == []


def test_others_who_disagree_among_themselves_make_no_odd_one() -> None:
    assert _odd([_f(0, 85), _f(1, 85), _f(2, 95), _f(3, 90)]) == []
    # a figure far from the odd one counts another thing and does not count against it
    assert _odd([_f(0, 85), _f(1, 85), _f(2, 95), _f(3, 409)]) == [(2, 95, [0, 1])]


def test_an_agreeing_reports_other_figure_that_no_one_backs_is_another_things() -> None:
    # "60,000 social homes by 2037" and "about 38,000 homes would be liable" in one report,
    # "60,000" in another, against "50,000"
    figures = [_f(0, 60000), _f(0, 38000, uid=1), _f(1, 60000), _f(2, 50000)]
    assert (2, 50000, [0, 1]) in _odd(figures)
    # a report whose two figures are backed alike still leaves the others disagreeing
    assert _odd([_f(0, 85), _f(0, 90, uid=1), _f(1, 85), _f(3, 90), _f(2, 95)]) == []


def test_a_report_that_gives_both_figures_tells_two_things() -> None:
    figures = [_f(0, 85), _f(1, 85), _f(2, 95)]
    # "95 branches, up from 85": the odd report gives the others' figure too
    assert _odd(figures, {2: {95.0, 85.0}}) == []
    # an agreeing report that also gives the odd figure
    assert _odd(figures, {0: {85.0, 95.0}}) == []


def test_figures_both_can_be_right_are_not_odd() -> None:
    figures = [_f(0, 410), _f(1, 410), _f(2, 370, qualifier=">=")]
    assert _odd(figures) == []
    figures = [_f(0, 410, qualifier=">="), _f(1, 410, qualifier=">="), _f(2, 370, qualifier=">=")]
    assert _odd(figures) == []  # "at least 410" / "at least 370"


def test_only_the_agreeing_figures_told_alike_and_disputed_count() -> None:
    figures = [_f(0, 85), _f(1, 85), _f(2, 95)]

    def not_report_1(x: Figure, y: Figure) -> bool:
        return 1 not in (x.source, y.source)

    assert outliers.odd_figures(figures, {}, _yes, not_report_1, _yes) == []
    assert outliers.odd_figures(figures, {}, _yes, _yes, not_report_1) == []


def test_a_figure_of_what_the_agreeing_reports_name_in_several_ways_is_odd() -> None:
    def same_word(x: Figure, y: Figure) -> bool:
        return x.quantity.counts == y.quantity.counts

    def found(figures: list[Figure]) -> list[tuple[int, float]]:
        odd = outliers.odd_figures(figures, {}, same_word, _yes, _yes)
        return [(o.odd.source, o.odd.quantity.value) for o in odd]

    # "23 people were arrested", "there had been 23 arrests" / "19 louts were hauled off"
    told = [_f(0, 23, counts="people"), _f(1, 23, counts="arrests"), _f(2, 19, counts="louts")]
    assert found(told) == [(2, 19)]
    # a bound ("over 30 arrests") is too loose a count to set against one named otherwise
    told = [_f(0, 23, counts="people"), _f(1, 23, counts="arrests"), _f(2, 30, qualifier=">")]
    assert found(told) == []
    # reports that all say "23 people" do not say what "19 louts" count
    told = [_f(0, 23, counts="people"), _f(1, 23, counts="people"), _f(2, 19, counts="louts")]
    assert found(told) == []


LEAD = "Dunvar Bank and Callowmere Savings agreed on Monday to merge into one group."
TAIL = "The chairman, Odile Carrick, said no branch would close before next spring."


def test_a_figure_told_otherwise_by_one_report_of_several_is_a_high_dispute() -> None:
    c = _compare(
        f"{LEAD} The group will close 85 branches, mainly in towns where both banks trade. {TAIL}",
        f"{LEAD} Under the plan, 85 of the combined 409 branches will close. {TAIL}",
        f"{LEAD} The new bank closes 85 branches, largely in towns where both banks trade. {TAIL}",
        f"Bank merger to shut 95 branches. {LEAD} Most of the closures will be in towns. {TAIL}",
        f"{LEAD} Under the deal, 85 branches will be shut over three years, mostly in towns.",
    )
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert x.high
    assert {e.source: e.value for e in x.evidence} == {
        "S1": "85 branches",
        "S2": "85 branches",
        "S3": "85 branches",
        "S4": "95 branches",
        "S5": "85 branches",
    }


def test_an_odd_count_from_the_latest_report_that_says_it_rose_is_no_dispute() -> None:
    c = _compare(
        f"{LEAD} Police said 17 people had been arrested at the protest outside its offices.",
        f"{LEAD} Outside its offices, 17 people had been arrested by midnight, police said.",
        f"{LEAD} Police said 23 people had now been arrested, up from 17 on Monday night.",
        days=("2031-05-07", "2031-05-07", "2031-05-08"),
    )
    assert not [x for x in c.contradictions if x.type == "number" and x.high]


def test_people_brought_out_alive_are_not_a_count_of_the_missing() -> None:
    lead = "A magnitude 6.4 earthquake struck the Corrin valley early on Tuesday."
    tail = "The interior minister, Pell Osric, visited the town on Wednesday."
    c = _compare(
        f"{lead} Rescuers had pulled 11 people out of the rubble alive by Tuesday evening. {tail}",
        f"{lead} Rescuers had pulled 11 people out of the collapsed buildings alive. {tail}",
        f"{lead} Rescuers said 11 people had been pulled out of the rubble alive. {tail}",
        f"{lead} Rescuers said seven people remained missing under the rubble. {tail}",
    )
    assert not [x for x in c.contradictions if x.type == "number" and x.high]


def _d(source: int, day: int, uid: int | None = None) -> outliers.Dated:
    from datetime import date

    return outliers.Dated(source, source * 10 if uid is None else uid, date(2031, 5, day))


def _alike(x: outliers.Dated, y: outliers.Dated) -> float:
    return 1.0


def _odd_days(dated: list[outliers.Dated], alike=_alike) -> list[tuple]:  # type: ignore[no-untyped-def]
    found = outliers.odd_dates(dated, alike, _yes)
    return [(o.odd.source, o.odd.day.day, [x.source for x in o.agreed]) for o in found]


def test_one_report_dating_an_act_otherwise_than_two_that_agree_is_odd() -> None:
    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4)]) == [(2, 4, [0, 1])]
    # two against two, or one against one: which is odd cannot be said
    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4), _d(3, 4)]) == []
    assert _odd_days([_d(0, 5), _d(1, 4)]) == []
    # a day far from the others' dates another act
    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 20)]) == []


def test_a_report_dating_an_act_like_theirs_to_their_day_too_tells_two_acts() -> None:
    # "met the rebels on Monday ... and again on Sunday"
    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4), _d(2, 5, uid=21)]) == []

    # ... unless the act it dates to their day is told less like theirs than its odd one
    def less(x: outliers.Dated, y: outliers.Dated) -> float:
        return 0.5 if 21 in (x.uid, y.uid) else 0.9

    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4), _d(2, 5, uid=21)], less) == [(2, 4, [0, 1])]


def test_agreeing_reports_that_tell_two_acts_among_themselves_make_no_odd_one() -> None:
    # "Athens was calm on Sunday" / "students announced rallies on Sunday" / "shooting on
    # Saturday night": each like the third, not like each other
    def apart_0_1(x: outliers.Dated, y: outliers.Dated) -> float:
        return 0.0 if {x.source, y.source} == {0, 1} else 1.0

    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4)], apart_0_1) == []


def test_the_most_agreeing_reports_that_all_tell_one_act_are_read() -> None:
    # four reports date the shooting to Thursday, two of them in too few shared words to be
    # told alike ("was shot dead last Thursday afternoon" / "was gunned down last Thursday"):
    # the three that are all told alike still make the fifth's Wednesday odd
    def but_1_2(x: outliers.Dated, y: outliers.Dated) -> float:
        return 0.0 if {x.source, y.source} == {1, 2} else 1.0

    assert _odd_days([_d(0, 9), _d(1, 9), _d(2, 9), _d(3, 9), _d(4, 8)], but_1_2) == [
        (4, 8, [0, 1, 3])
    ]


def test_an_act_whose_day_cannot_be_set_against_the_odd_one_is_no_rival() -> None:
    # report 1's claim most like the odd one is an announcement made on another day ("announced
    # yesterday that he had been promoted"), which cannot be its act: its shooting, told less
    # alike, is read
    def most_like_21(x: outliers.Dated, y: outliers.Dated) -> float:
        return 0.9 if 21 in (x.uid, y.uid) else 0.7

    def not_21(x: outliers.Dated, y: outliers.Dated) -> bool:
        return 21 not in (x.uid, y.uid)

    dated = [_d(0, 9), _d(1, 9), _d(1, 14, uid=21), _d(2, 8)]
    found = outliers.odd_dates(dated, most_like_21, not_21)
    assert [(o.odd.source, [x.source for x in o.agreed]) for o in found] == [(2, [0, 1])]


def test_agreeing_reports_must_tell_one_act_by_its_words() -> None:
    # "was trying to come to terms yesterday" / "filed papers on Wednesday": alike in their
    # names, but no two of the agreeing claims tell one act; one pair that does is enough
    dated = [_d(0, 5), _d(1, 5), _d(2, 5), _d(3, 4)]
    assert outliers.odd_dates(dated, _alike, _yes, lambda x, y: False) == []
    (odd,) = outliers.odd_dates(dated, _alike, _yes, lambda x, y: {x.source, y.source} == {0, 1})
    assert odd.odd.source == 3 and [x.source for x in odd.agreed] == [0, 1, 2]


def test_only_acts_told_alike_count() -> None:
    def not_report_1(x: outliers.Dated, y: outliers.Dated) -> float:
        return float(1 not in (x.source, y.source))

    assert _odd_days([_d(0, 5), _d(1, 5), _d(2, 4)], not_report_1) == []

    # of a report's acts, the one told most like the odd one is the one it dates
    def most_alike(x: outliers.Dated, y: outliers.Dated) -> float:
        return 0.9 if x.uid != 11 else 0.5

    dated = [_d(0, 5), _d(1, 5), _d(1, 3, uid=11), _d(2, 4)]
    assert _odd_days(dated, most_alike) == [(2, 4, [0, 1])]


DAY_LEAD = "Prime Minister Evert Dastow faces a revolt over the budget."
DAY_TAIL = "The budget vote is due in the Assembly next week."


def test_a_day_one_report_of_several_gives_an_act_told_otherwise_is_a_high_dispute() -> None:
    # published on Wednesday 16 March 2033: three reports put the meeting on Monday; one, told
    # with another verb and too differently for its claim to pair with theirs, on Sunday
    c = _compare(
        f"{DAY_LEAD} Dastow met the eleven rebels at Wardle Court on Monday evening. {DAY_TAIL}",
        f"{DAY_LEAD} The rebels were summoned to Wardle Court on Sunday evening for two hours "
        f"with the prime minister. {DAY_TAIL}",
        f"{DAY_LEAD} He met the eleven rebels at Wardle Court, his residence, on Monday "
        f"evening. {DAY_TAIL}",
        f"{DAY_LEAD} The eleven rebels met Dastow at Wardle Court on Monday evening. {DAY_TAIL}",
        days=("2033-03-16",) * 4,
    )
    (x,) = [x for x in c.contradictions if x.type == "date" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values["S2"].startswith("Sunday evening") and values["S1"].startswith("Monday evening")
    assert "read apart" in x.basis
    # one report against one: which is odd cannot be said
    c = _compare(
        f"{DAY_LEAD} Dastow met the eleven rebels at Wardle Court on Monday evening. {DAY_TAIL}",
        f"{DAY_LEAD} The rebels were summoned to Wardle Court on Sunday evening for two hours "
        f"with the prime minister. {DAY_TAIL}",
        days=("2033-03-16",) * 2,
    )
    assert not [x for x in c.contradictions if x.type == "date" and x.high]


EVICT_LEAD = "Police cleared the occupied Marrow Court block in Dunsel on Tuesday."
EVICT_TAIL = "The families have asked the Constitutional Court to intervene."


def test_claims_told_nearly_alike_date_one_act_with_one_word_in_common() -> None:
    # published on Wednesday 15 October 2036: three reports have the appeal court throw out the
    # appeal on 3 October; one has it uphold the order on Thursday 2 October. The claims match
    # closely, though they share one word beside the court's name
    c = _compare(
        f"{EVICT_LEAD} The High Court of Appeal rejected the residents' appeal on Oct. 3. "
        f"{EVICT_TAIL}",
        f"{EVICT_LEAD} The High Court of Appeal threw out the families' appeal on 3 October. "
        f"{EVICT_TAIL}",
        f"{EVICT_LEAD} The High Court of Appeal dismissed the residents' appeal on Friday 3 "
        f"October. {EVICT_TAIL}",
        f"{EVICT_LEAD} The eviction order dates from July, and on Thursday 2 October the High "
        f"Court of Appeal upheld it. {EVICT_TAIL}",
        days=("2036-10-15",) * 4,
    )
    (x,) = [x for x in c.contradictions if x.type == "date" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values["S4"].startswith("Thursday 2 October") and values["S1"].startswith("Oct. 3")


WARN_LEAD = "Savers queued outside Keswin Savings branches for a third day."
WARN_TAIL = "The regulator said deposits were safe."


def test_announcements_made_on_a_day_are_alike_as_what_they_announce() -> None:
    # published on Monday 13 March 2034: three reports date the bank's loss warning to 7 March
    # with three verbs; one dates "the bank's announcement" that it expected the loss to 8 March.
    # Only what each announced ("that it expected to lose about 900 million") ties them
    c = _compare(
        f"{WARN_LEAD} Founded in 1902, the bank warned on March 7 that it expected to write off "
        f"about 900 million krells on loans to property developers. {WARN_TAIL}",
        f"{WARN_LEAD} The bank disclosed on 7 March that it expected losses of about 900 million "
        f"krells on its property loans. {WARN_TAIL}",
        f"{WARN_LEAD} The run began with the bank's announcement on Wednesday 8 March that it "
        f"expected to lose about 900 million krells on loans to property developers. "
        f"{WARN_TAIL}",
        f"{WARN_LEAD} It all began on Tuesday 7 March, when the bank owned up that it expected to "
        f"lose about 900 million krells on property loans. {WARN_TAIL}",
        days=("2034-03-13",) * 4,
    )
    (x,) = [x for x in c.contradictions if x.type == "date" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert "2034-03-08" in values["S3"] and "2034-03-07" in values["S1"]


def test_two_announcements_of_other_news_on_two_days_are_no_date_dispute() -> None:
    # the same body announcing on two days is one announcement told two ways only when what it
    # announced is alike
    c = _compare(
        f"{WARN_LEAD} The Varn Cable company announced on 14 October that its undersea cable "
        f"had been cut near Harl. {WARN_TAIL}",
        f"{WARN_LEAD} The Varn Cable company announced on 4 November that repairs to the "
        f"cable were finished and traffic was flowing again. {WARN_TAIL}",
        days=("2034-11-04",) * 2,
    )
    assert not [x for x in c.contradictions if x.type == "date" and x.high]


def test_one_announcement_that_names_what_it_announced_dated_two_ways_is_a_date_dispute() -> None:
    c = _compare(
        f"{WARN_LEAD} Keswin Savings announced the closure of its Harl branch on Tuesday 7 "
        f"March. {WARN_TAIL}",
        f"{WARN_LEAD} Keswin Savings announced the closure of its Harl branch on Wednesday 8 "
        f"March. {WARN_TAIL}",
        days=("2034-03-13",) * 2,
    )
    assert [x for x in c.contradictions if x.type == "date" and x.high]


LIFT_LEAD = "The Aldermoor funicular stopped halfway up on Thursday with 60 people aboard."
LIFT_TAIL = "Its operator said the line would stay closed."


def test_an_inspection_dated_otherwise_by_one_report_is_a_high_dispute() -> None:
    # published on Friday 19 September 2036: three reports date the last inspection to 10 June
    # with a verb and with its noun ("inspected" / "its annual inspection"); one, with the day
    # set off by commas, to 17 June
    c = _compare(
        f"{LIFT_LEAD} The line, which opened in 1961, was last inspected on June 10, when no "
        f"defects were found. {LIFT_TAIL}",
        f"{LIFT_LEAD} The funicular passed its annual inspection on 10 June, a little over three "
        f"months ago. {LIFT_TAIL}",
        f"{LIFT_LEAD} The line had passed its last annual inspection, on Tuesday 17 June, "
        f"without any defects being recorded. {LIFT_TAIL}",
        f"{LIFT_LEAD} Engineers said the line's annual inspection, carried out on Tuesday 10 "
        f"June, had included a rope test. {LIFT_TAIL}",
        days=("2036-09-19",) * 4,
    )
    (x,) = [x for x in c.contradictions if x.type == "date" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values["S3"].startswith("Tuesday 17 June") and values["S1"].startswith("June 10")


FLIGHT = "Dorin Vell, the fraud suspect, was flown home from Marska on Wednesday."


def _places(*texts: str) -> list:
    return [x for x in _compare(*texts).contradictions if x.type == "place"]


def test_a_place_one_report_gives_an_act_the_others_put_elsewhere_is_a_high_dispute() -> None:
    # read over the story: the odd claim is told with another verb, in other words
    agreed = (
        f"{FLIGHT} The 57-year-old landed at Aldmoor Airport outside the capital at 10 a.m.",
        f"{FLIGHT} He stepped off a government jet at Aldmoor Airport shortly after 10 a.m.",
        f"{FLIGHT} Vell marched off the plane at Aldmoor Airport at ten in the morning.",
        f"{FLIGHT} The chartered jet landed at Aldmoor Airport, outside the capital.",
    )
    odd = f"{FLIGHT} The aircraft touched down at Ravenholt air base, north of the capital."
    (x,) = _places(*agreed, odd)
    assert x.high and "S1, S2, S3, S4 say Aldmoor Airport; S5 says Ravenholt" in x.summary
    # a report that names the odd place too tells of it otherwise: no dispute read apart
    also = f"{agreed[0]} Ravenholt air base was kept on standby."
    assert all(not x.high for x in _places(also, *agreed[1:], odd))


ARREST = "Ivo Brandt, the mayor of Tollin, is accused of taking bribes."


def test_a_doer_one_report_gives_an_act_the_others_give_another_is_a_high_dispute() -> None:
    agreed = (
        f"{ARREST} Agents of the National Graft Bureau arrested the mayor at his home early on "
        "Monday.",
        f"{ARREST} Officers of the National Graft Bureau arrested him at his house at dawn on "
        "Monday.",
        f"{ARREST} He was arrested just after 6 a.m. on Monday by agents of the National Graft "
        "Bureau.",
        f"{ARREST} Brandt was arrested at his home early on Monday by the National Graft Bureau.",
    )
    odd = (
        f"{ARREST} In a dawn raid on his villa, Tollin City Police officers arrested the "
        "61-year-old, who denies wrongdoing."
    )
    found = [x for x in _compare(*agreed, odd).contradictions if x.type == "actor" and x.high]
    (x,) = found
    assert x.summary.endswith("say National Graft Bureau; S5 says Tollin City Police")
    # a report that names the odd doer too, for anything, tells of it otherwise
    also = f"{agreed[0]} Tollin City Police closed the street."
    found = [x for x in _compare(also, *agreed[1:], odd).contradictions if x.type == "actor"]
    assert not any(x.high for x in found)


HANDOVER = "Soldiers at Orlin Barracks ended their protest over pay."


def test_a_day_an_agreeing_report_names_in_the_sentence_is_no_odd_day() -> None:
    # published on Friday 10 October 2036: the minister apologised on Thursday; one report
    # has him warn on Monday, and one of those dating the apology on Thursday says he "on
    # Monday told" the soldiers: the odd report's day is another act's
    c = _compare(
        f"{HANDOVER} Defence Minister Ivo Strand apologised in parliament on Thursday "
        "afternoon to every soldier who was let down.",
        f"{HANDOVER} In parliament on Thursday afternoon, Ivo Strand apologised to the "
        "soldiers and their families.",
        f"{HANDOVER} Defence Minister Ivo Strand warned on Monday that a mutiny is a crime.",
        f"{HANDOVER} Strand, who on Monday told the soldiers that a mutiny is a crime, "
        "apologised to parliament on Thursday.",
        days=("2036-10-10",) * 4,
    )
    assert not [x for x in c.contradictions if x.type == "date" and x.high]
