"""What a claim tells as coming before its own act or state: the surgery "after" which a man is
stable, the closing of polls "after" which ballots arrived, a condition ("only if ..."), and a
day the odd report gives to the act the others date. Small fictional reports of one story."""

from __future__ import annotations

from datetime import date

from newsprism.compare import align as al
from newsprism.compare import slots
from newsprism.compare.build import _framed
from tests.compare.conftest import reports_compared, units_of

_units = units_of


def _unit(units: list[al.Unit], source: int, words: str) -> al.Unit:
    return next(u for u in units if u.source == source and words in u.text)


_compare = reports_compared


def test_a_day_after_which_a_state_holds_is_not_the_states_day() -> None:
    # stable "on Tuesday" / stable "after five hours of surgery in the early hours of Sunday":
    # Sunday dates the surgery, so the two reports do not disagree on a day
    wed = "2037-05-20"
    units = _units(
        ("Ezra Tallon remained in a critical but stable condition at the infirmary on Tuesday "
         "after five hours of surgery, officials said.", wed),
        ("Ezra Tallon is in a critical but stable condition after five hours of surgery in the "
         "early hours of Sunday.", wed),
    )  # fmt: skip
    a, b = _unit(units, 0, "remained"), _unit(units, 1, "is in")
    assert slots.check_date(a, b, date(2037, 5, 20), date(2037, 5, 20)) is None
    # the state's own day against another day is still one
    units = _units(
        ("Ezra Tallon remained in a critical but stable condition on Tuesday.", wed),
        ("Ezra Tallon remained in a critical but stable condition on Monday.", wed),
    )
    a, b = _unit(units, 0, "remained"), _unit(units, 1, "remained")
    assert slots.check_date(a, b, date(2037, 5, 20), date(2037, 5, 20)) is not None


def test_a_relative_clause_before_a_claim_is_not_what_it_said() -> None:
    # "ballots that reached the office | after polls closed on Sunday": the "that" clause is the
    # ballots', not what the closing of polls said (a "that" clause after a verb of saying is)
    units = _units(
        ("The dispute is over 412 ballots that reached the election office after polls closed "
         "at 8 p.m. on Sunday, Feb. 19.", "2034-03-08"),
        ("The commission warned on Monday that the ballots had arrived late.", "2034-03-08"),
    )  # fmt: skip
    framed = _framed(units)
    closed, reached = _unit(units, 0, "after polls closed"), _unit(units, 0, "that reached")
    assert reached.uid not in framed[closed.uid]
    said, told = _unit(units, 1, "warned on Monday"), _unit(units, 1, "that the ballots")
    assert told.uid in framed[said.uid]


def test_a_condition_is_no_statement_to_deny() -> None:
    # "refunded only if the recount changes the winner" states no change of the winner
    pub = "2034-03-08"
    units = _units(
        ("The deposit of 25,000 crells is refunded only if the recount changes the winner.", pub),
        ("Because the recount did not change the winner, the mayor loses his deposit.", pub),
    )
    a, b = _unit(units, 0, "changes"), _unit(units, 1, "did not change")
    assert slots._hypothetical(a) and not slots._hypothetical(b)
    days = (date(2034, 3, 8), date(2034, 3, 8))
    found = slots.check_pair(a, b, 0.9, (pub, pub), days)
    assert not [f for f in found if f.type == "polarity"]


def test_an_odd_report_that_gives_the_agreed_day_to_the_act_is_not_odd() -> None:
    # three reports date the shooting to Saturday; the fourth gives Saturday to the shooting
    # too, in a clause about the man, and "yesterday" to his move out of intensive care
    wed, thu = "2037-05-20", "2037-05-21"
    c = _compare(
        ("Ezra Tallon, 26, was shot twice by a police officer during a traffic stop on Marlowe "
         "Road late on Saturday. He was taken to the Dunhollow Royal Infirmary.", wed),
        ("Ezra Tallon was shot by a police constable during a traffic stop on Marlowe Road on "
         "Saturday night, his family said.", wed),
        ("The officer shot Ezra Tallon, 26, during a traffic stop on Marlowe Road on Saturday "
         "night.", wed),
        ("Ezra Tallon, the Eastmere man shot by a police officer during a traffic stop on "
         "Marlowe Road on Saturday night, was moved out of intensive care at Dunhollow Royal "
         "Infirmary yesterday.", thu),
    )  # fmt: skip
    assert not [x.summary for x in c.contradictions if x.type == "date"]


def test_a_time_still_to_pass_is_no_denial() -> None:
    # "is not expected for another six weeks" is expected in six weeks
    base = "Sergeant Joren Verrick was shot dead at the Lisk Bridge crossing on Thursday. "
    pub = "2036-10-14"
    c = _compare(
        (base + "The bureau's final report is expected within six weeks, officials said.", pub),
        (base + "The bureau's final report is not expected for another six weeks.", pub),
    )
    assert not [x.summary for x in c.contradictions if x.high and x.type == "polarity"]


def test_values_of_two_things_are_two_figures() -> None:
    # the frozen assets and one villa among them, each said to be worth its sum
    pub = "2036-10-14"
    units = _units(
        ("Officials said assets worth 46.3 million ferrins had been frozen.", pub),
        ("Neighbours say the property, worth an estimated 3.2 MILLION ferrins, has a pool.", pub),
    )
    a, b = _unit(units, 0, "frozen"), _unit(units, 1, "worth")
    assert slots.check_number(a, b, pub, pub, 0.8) is None
    # the same thing's worth told two ways is one figure disputed
    units = _units(
        ("Officials said assets worth 46.3 million ferrins had been frozen.", pub),
        ("Officials said assets worth about 28 million ferrins had been frozen.", pub),
    )
    a, b = _unit(units, 0, "frozen"), _unit(units, 1, "frozen")
    assert slots.check_number(a, b, pub, pub, 0.8) is not None


def test_the_ends_of_a_span_date_no_one_act() -> None:
    # "from Monday 27 February to Wednesday 1 March": the recount ran between them; neither
    # end is the day of one act to set against "ordered a recount on 23 February"
    from newsprism.compare.build import _in_span

    s = "They counted every ballot from Monday 27 February to Wednesday 1 March."
    for day in ("Monday 27 February", "Wednesday 1 March"):
        at = s.index(day)
        assert _in_span(s, at, at + len(day))
    s = "The commission ordered a recount on 23 February and it ended on 1 March."
    for day in ("23 February", "1 March"):
        at = s.index(day)
        assert not _in_span(s, at, at + len(day))


def test_a_day_before_an_offset_dates_the_act_the_offset_counts_from() -> None:
    # "flew on September 19, 2031 - just 17 days before the firm stopped paying": the firm
    # stopped paying 17 days later; the day is the flight's
    pub = "2034-03-16"
    units = _units(
        ("He flew to Marska, his wife Solange's home country, on September 19, 2031 - just 17 "
         "days before the firm stopped paying out.", pub),
        ("The Halbrook firm stopped paying out on September 19, 2031.", pub),
    )  # fmt: skip
    offset, own = _unit(units, 0, "stopped"), _unit(units, 1, "stopped")
    assert "September 19, 2031" not in [x.text for x in offset.times]
    assert [x.text for x in own.times] == ["September 19, 2031"]
    # an offset set off beside the day names the same day: the day is the act's
    units = _units(
        ("On Thursday 3 March, twelve days before the collapse, the council closed the inside "
         "lane after drivers reported a loud bang.", pub),
    )  # fmt: skip
    closed = _unit(units, 0, "closed")
    assert "Thursday 3 March" in [x.text for x in closed.times]


def test_a_when_clause_is_dated_by_the_clause_it_hangs_on() -> None:
    # "ended on Monday, when the court threw out his appeal": Monday is the ruling's day too,
    # for the odd-day reader, and "threw out" an appeal is "rejected" it
    from newsprism.compare.build import _dates_act

    pub = "2034-03-16"
    units = _units(
        ("Dorin Vell's fight ended on Monday, when the Marska Supreme Court threw out his final "
         "appeal by four judges to one.", pub),
    )  # fmt: skip
    ruling = _unit(units, 0, "threw out")
    assert [x.text for x in ruling.times if _dates_act(ruling, apposed=True)(x)] == ["Monday"]
    assert al.action_class("throw out") == al.action_class("reject")
    assert al.action_class("throw") != al.action_class("reject")


def test_a_request_and_the_act_it_asks_for_are_two_acts() -> None:
    # "asked the court to certify" at 6.15 p.m. / the court "certified" at 8.40pm "acting on a
    # request": two happenings, each at its own time of day
    pub = "2036-05-13"
    units = _units(
        ("At 6.15 p.m. Prime Minister Selma Orvik asked the Charter Court to certify under "
         "Article 12 of the charter that the president could not serve.", pub),
        ("At 8.40pm the Charter Court, acting on a request from Prime Minister Selma Orvik, "
         "certified under Article 12 of the charter that the president could not serve.", pub),
    )  # fmt: skip
    asked, done = _unit(units, 0, "asked"), _unit(units, 1, "Charter Court")
    assert slots.check_clock(asked, done) is None or not slots._one_act_timed(asked, done, 0.92)
    assert not slots._same_act(asked, done, 0.92)
    # the same request at two times is still one act timed two ways
    units = _units(
        ("At 6.15 p.m. Prime Minister Selma Orvik asked the Charter Court to certify under "
         "Article 12 of the charter that the president could not serve.", pub),
        ("At 7.50pm Prime Minister Selma Orvik asked the Charter Court to certify under "
         "Article 12 of the charter that the president could not serve.", pub),
    )  # fmt: skip
    a, b = _unit(units, 0, "asked"), _unit(units, 1, "asked")
    assert slots._one_act_timed(a, b, 0.99) and slots.check_clock(a, b) is not None


def test_a_light_verbs_act_on_a_thing_is_the_act_another_verb_names() -> None:
    # "took samples" is "collected samples": one act, dated two ways
    pub = "2036-04-17"
    units = _units(
        ("The agency took urine and blood samples from Pell Ardan on Monday morning.", pub),
        ("Its officers collected urine and blood samples from Pell Ardan on Tuesday morning, "
         "hours before the announcement.", pub),
    )  # fmt: skip
    took, collected = _unit(units, 0, "took"), _unit(units, 1, "collected")
    assert slots._same_act(took, collected, 0.88)
    assert slots.check_date(took, collected, date(2036, 4, 17), date(2036, 4, 17)) is not None
    # two telling verbs on one thing are two acts: samples collected, then analysed
    units = _units(
        ("Its officers collected urine and blood samples from Pell Ardan on Monday.", pub),
        ("The laboratory analysed urine and blood samples from Pell Ardan on Tuesday.", pub),
    )
    a, b = _unit(units, 0, "collected"), _unit(units, 1, "analysed")
    assert not slots._one_thing_taken(a, b, 0.88)


def test_a_plan_and_what_was_done_are_two_acts() -> None:
    # "will pay ... by Oct. 31" / "had reached the accounts by yesterday afternoon": a
    # deadline and the day the money came, two happenings however alike the sentences
    units = _units(
        ("Under the deal, the ministry will pay the nurses their back pay for May and June "
         "within 48 hours and the rest by Nov. 30, with a bonus of 250 krona each.", "2035-11-07"),
        ("Back pay for May and June, with the promised bonus of 250 krona, had reached the "
         "nurses' accounts by yesterday afternoon, the ministry said.", "2035-11-08"),
    )  # fmt: skip
    plan, done = _unit(units, 0, "will pay"), _unit(units, 1, "had reached")
    assert slots._scheduled(plan) and not slots._scheduled(done)
    assert not slots._same_act(plan, done, 0.9)
    pubs, days = ("2035-11-07", "2035-11-08"), (date(2035, 11, 7), date(2035, 11, 8))
    assert "date" not in {f.type for f in slots.check_pair(plan, done, 0.9, pubs, days)}


def test_a_persons_title_is_no_word_two_acts_share() -> None:
    # "Culture Minister Irena ... met the lawyers on Wednesday" / "the culture minister appeared
    # to accept last night": one doer's two acts, "culture" and "minister" being the doer's
    pub = "2037-03-18"
    units = _units(
        ("Last night the culture minister, Orla Pensk, appeared to accept that the state owed "
         "the family an answer.", pub),
        ("On Wednesday afternoon Culture Minister Orla Pensk met the family's lawyers in "
         "Vessing.", "2037-03-19"),
    )  # fmt: skip
    accepted, met = _unit(units, 0, "appeared"), _unit(units, 1, "met")
    assert not slots._told_alike(accepted, met, 0.85)
    assert not slots._same_act(accepted, met, 0.85)


def test_a_first_time_and_a_later_time_are_two_happenings() -> None:
    # "was first infected on 11 April" / "infected four times ..., most recently on Aug. 22":
    # one act done more than once, each time its own day
    pub = "2034-10-18"
    units = _units(
        ("The lab found that his phone was first infected on 11 April.", pub),
        ("The lab found that her phone was infected four times, most recently on Aug. 22.", pub),
    )  # fmt: skip
    first, latest = _unit(units, 0, "infected"), _unit(units, 1, "infected")
    assert not slots._same_act(first, latest, 0.85)
    # two reports of the first time are one act
    units = _units(
        ("The lab found that his phone was first infected on 11 April.", pub),
        ("The lab found that his phone was first infected on 12 April.", pub),
    )  # fmt: skip
    assert slots._same_act(_unit(units, 0, "infected"), _unit(units, 1, "infected"), 0.95)


def test_a_day_after_a_second_verb_or_an_event_noun_dates_no_act_of_the_claim() -> None:
    from newsprism.compare.build import _dates_act

    pub = "2036-10-15"
    # "has ordered a review ... and is due in Harwick today": today is the visit's day
    units = _units(
        ("Environment Minister Orla Pensk has ordered an independent review of the watchdog's "
         "handling of the plant and is due in Tessin today.", pub),
    )  # fmt: skip
    # (the parse may hang the second verb's words on the first claim: its day is still not
    # the order's)
    ordered = _unit(units, 0, "has ordered")
    (today,) = [t for t in _unit(units, 0, "is due").times if t.text == "today"]
    assert slots.after_another_verb(ordered, today)
    assert not _dates_act(ordered, apposed=True)(today)
    # "whose collapse last Thursday turned a protest into ...": the collapse's day
    units = _units(
        ("Oren Valk, whose collapse last Thursday turned a quiet protest into a national "
         "argument, ate his first meal yesterday.", pub),
    )  # fmt: skip
    turned = _unit(units, 0, "turned")
    assert not [t for t in turned.times if _dates_act(turned, apposed=True)(t)]
