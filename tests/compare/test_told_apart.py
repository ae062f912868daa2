"""What a claim's words tell apart from its own act: a speaker's "tonight" in a quotation, a
clause about its subject, an act told inside it, a second day in its sentence, a title in
quotation marks. Small fictional reports of one story, several outlets each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsprism.compare import Comparison, outliers, slots
from newsprism.compare import align as al
from tests.compare.conftest import reports_compared, units_of

_compare = reports_compared


def _high(c: Comparison, kind: str) -> list[str]:
    return [x.summary for x in c.contradictions if x.high and x.type == kind]


_units = units_of


def _dated(units: list[al.Unit], source: int, word: str) -> al.Unit:
    return next(u for u in units if u.source == source and word in u.text and u.times)


def test_a_speakers_tonight_in_a_quotation_dates_nothing() -> None:
    # the premier phoned on Wednesday evening; a report out on Thursday quotes her "tonight"
    units = _units(
        ("Adlet phoned both families last night and said the country could breathe again.",
         "2031-05-08"),
        ('Adlet phoned both families and said in a statement that "tonight a whole country can '
         'breathe again".', "2031-05-08"),
    )  # fmt: skip
    a, b = _dated(units, 0, "phoned"), _dated(units, 1, "tonight")
    assert slots.check_date(a, b, date(2031, 5, 8), date(2031, 5, 8)) is None
    # told in the report's own voice, the same words date the act
    units = _units(
        ("Adlet phoned both families last night.", "2031-05-08"),
        ("Adlet phoned both families tonight.", "2031-05-08"),
    )
    a, b = _dated(units, 0, "phoned"), _dated(units, 1, "phoned")
    assert slots.check_date(a, b, date(2031, 5, 8), date(2031, 5, 8)) is not None


def test_an_act_told_inside_another_claim_keeps_its_own_day() -> None:
    # "on Wednesday barred ..., a day after gas escaped": Wednesday is the ban's day, not the
    # leak's (which the other reports date to Tuesday); the leak is told as what came before
    from newsprism.compare.build import _nested_verbs

    units = _units(
        ("The regulator on Wednesday barred the Halden plant from restarting, a day after toxic "
         "gas escaped from the site, officials said.", "2031-05-08"),
    )  # fmt: skip
    told = next(u for u in units if u.claim.action == "escape")
    # the ban's claim as the parser often cuts it: its words run on over the leak's clause
    barred = replace(_dated(units, 0, "barred"), end=told.end)
    assert "escap" in _nested_verbs(units, barred)
    # a claim inside it told as no earlier or later act ("in which Marrant read out the date")
    # is part of its own telling
    units = _units(
        ("The Front released a video of the hostages on Tuesday, in which Marrant read out the "
         "date, officials said.", "2031-05-08"),
    )  # fmt: skip
    read = next(u for u in units if u.claim.action.startswith("read"))
    video = replace(_dated(units, 0, "released"), end=read.end)
    assert not _nested_verbs(units, video)


def test_an_odd_day_is_read_beside_a_second_day_its_sentence_shares() -> None:
    # "a video on March 11, and a second on March 16" twice; "on March 10 ... and a second on
    # March 16" once: the 10th is odd, the 16th is everyone's
    def dated(source: int, *days: int) -> list[outliers.Dated]:
        return [outliers.Dated(source, source, date(2031, 3, d)) for d in days]

    found = outliers.odd_dates(
        dated(0, 11, 16) + dated(1, 11, 16) + dated(2, 10, 16),
        alike=lambda x, y: 0.9,  # one sentence each: as alike at either day
        disputed=lambda x, y: x.day != y.day,
    )
    assert [(o.odd.source, o.odd.day.day) for o in found] == [(2, 10)]


def test_a_name_in_a_clause_about_the_subject_is_no_doer() -> None:
    # "The museum, founded in ... Morrel's Old Town": Morrel is not the doer of "drew"
    museum = ("The museum, founded in 1847 on Corbin Square in Morrel's Old Town, drew 1.3 "
              "million visitors last year.")  # fmt: skip
    (drew,) = [u for u in _units((museum, "2031-03-09")) if u.claim.action == "draw"]
    assert not drew.actors


CAR = "Three masked men broke into the National Museum in Morrel at about 2.50 a.m. on Saturday."


def test_the_place_of_a_clause_about_the_subject_does_not_place_the_act() -> None:
    # the car was stolen in Vessing (all agree) and found near Harrin (one) or Peldry (three);
    # the odd report names Peldry only in a painting's title
    odd = ('The getaway car, a grey estate stolen in Vessing six days before the raid, was found '
           'burnt out on a forest track near the village of Harrin. Officers later found '
           '"Orchard at Peldry", one of the stolen paintings, in a garage.')  # fmt: skip
    agreed = ("The car, a grey estate stolen in Vessing on March 2, was found burnt out before "
              "dawn near the village of Peldry, police said.")  # fmt: skip
    c = _compare(
        (f"{CAR} {odd}", "2031-03-12"),
        (f"{CAR} {agreed}", "2031-03-12"),
        (f"{CAR} {agreed}", "2031-03-12"),
    )
    (dispute,) = _high(c, "place")
    assert "Harrin" in dispute and "Peldry" in dispute and "Vessing" not in dispute


def test_one_bound_given_alike_ties_two_doers_of_one_offer() -> None:
    # "a reward of up to 500,000 krails" on Monday: the insurer in three reports, the ministry
    # in one; the ministry is named in the others through its minister
    ministry = ("On Monday the Ministry of Culture put up a reward of up to 500,000 krails for "
                "information.")  # fmt: skip
    insurer = ("On Monday Vessmark offered a reward of up to 500,000 krails for information "
               "leading to recovery.")  # fmt: skip
    review = ("Culture Minister Henrike Staal ordered a review of security at the 14 national "
              "museums.")  # fmt: skip
    c = _compare(
        (f"{CAR} {ministry}", "2031-03-12"),
        (f"{CAR} {insurer} {review}", "2031-03-12"),
        (f"{CAR} {insurer} {review}", "2031-03-13"),
    )
    (dispute,) = _high(c, "actor")
    assert "Ministry of Culture" in dispute and "Vessmark" in dispute


VAN = "Robbers held up a cash depot in Gildenmoor before dawn on Sunday and escaped with 4 million."


def test_a_town_only_one_report_names_against_one_every_other_names_is_a_place_dispute() -> None:
    # a town against a town may be a town against its county, so unsure; but when every other
    # report names the town the odd one disputes and no other names the odd town, it is not
    agreed = "The getaway van was found burnt out on a forestry track near Harrowby, police said."
    odd = "The getaway van was found burnt out in a lay-by outside Mossdene, police said."
    reports = [(f"{VAN} {agreed}", "2031-03-10")] * 3 + [(f"{VAN} {odd}", "2031-03-10")]
    (dispute,) = _high(_compare(*reports), "place")
    assert "Harrowby" in dispute and "Mossdene" in dispute
    # one other report names the odd town too (for something else): unsure again
    also = f"{VAN} {agreed} Officers searched a farm near Mossdene on Monday."
    c = _compare(*reports[:2], (also, "2031-03-10"), reports[3])
    assert not _high(c, "place")


SUBPOENA = ("A parliamentary committee voted 9-6 on Tuesday to subpoena Dorian Ravel, the "
            "president's former adviser, over leaked messages about a water contract.")  # fmt: skip


def test_a_day_the_agreeing_reports_give_to_another_act_is_no_odd_day() -> None:
    # three reports give a deadline on 27 March and an appearance on 2 April in one sentence;
    # the fourth gives only the appearance: its day is no odd day for the deadline
    agreed = ("The subpoena gives Ravel until 5pm on Friday 27 March to hand over every message "
              "he holds about the tender, and orders him to give evidence in person on Thursday "
              "2 April.")  # fmt: skip
    odd = "Ravel must produce the documents and give evidence on 2 April, the committee said."
    c = _compare(
        (f"{SUBPOENA} {agreed}", "2037-03-18"),
        (f"{SUBPOENA} {agreed}", "2037-03-18"),
        (f"{SUBPOENA} {agreed}", "2037-03-19"),
        (f"{SUBPOENA} {odd}", "2037-03-19"),
    )
    assert not _high(c, "date")


def test_what_is_set_off_about_a_subject_makes_no_two_statements_one() -> None:
    # one person described alike in both ("on a two-day state visit to Kelvary"), two acts
    units = _units(
        ("Strell, who left yesterday for a two-day state visit to Kelvary, had not spoken "
         "publicly about the pardon by last night.", "2036-06-11"),
        ("Strell, on a two-day state visit to Kelvary, was asked about the pardon at a news "
         "conference in Ostrand yesterday.", "2036-06-12"),
    )  # fmt: skip
    spoken = next(u for u in units if u.claim.action == "speak")
    asked = next(u for u in units if u.claim.action == "ask")
    assert slots.subject_aside(asked).strip() == "on a two-day state visit to Kelvary"
    assert not slots.same_statement(spoken, asked, 0.96)
    assert not slots._told_alike(spoken, asked, 0.96)


def test_two_days_a_week_apart_both_written_out_are_a_sure_dispute() -> None:
    # "Monday" read against each report's week is our reading; "Monday, 16 March" is theirs
    units = _units(
        ("Senate President Berengar Fothergill said the trial would open on Monday, March 23.",
         "2037-03-04"),
        ("Senate President Berengar Fothergill has fixed the opening of the trial for a week on "
         "Monday, 16 March.", "2037-03-05"),
    )  # fmt: skip
    a, b = _dated(units, 0, "trial"), _dated(units, 1, "trial")
    found = slots.check_date(a, b, date(2037, 3, 4), date(2037, 3, 5))
    assert found is not None and found.confidence >= 0.8
    # a bare day name read a week apart stays unsure
    units = _units(
        ("Fothergill said the trial would open on Monday.", "2037-03-04"),
        ("Fothergill said the trial opened last Monday.", "2037-03-05"),
    )
    a, b = _dated(units, 0, "trial"), _dated(units, 1, "trial")
    found = slots.check_date(a, b, date(2037, 3, 4), date(2037, 3, 5))
    assert found is None or found.confidence < 0.7


MOTION = ("The provincial assembly voted on Tuesday to impeach Governor Lazlo Talby, sending him "
          "to trial in the Senate.")  # fmt: skip


def test_one_thing_done_on_one_day_by_two_doers_is_an_actor_dispute() -> None:
    # "The motion was tabled on Feb. 10 by X, who ..." three times, "by Y, the ... who ..." once
    agreed = ("The motion was tabled on Feb. 10 by Ruan Penwright, who leads the Civic Renewal "
              "Party group in the assembly.")  # fmt: skip
    odd = ("The motion was tabled on 10 February by Eulalie Wyncote, the Green Federation member "
           "who chairs the special committee on the Flood Resilience Fund.")  # fmt: skip
    c = _compare(
        (f"{MOTION} {agreed}", "2037-03-04"),
        (f"{MOTION} {agreed}", "2037-03-04"),
        (f"{MOTION} {agreed}", "2037-03-05"),
        (f"{MOTION} {odd}", "2037-03-05"),
    )
    (dispute,) = _high(c, "actor")
    assert "Ruan Penwright" in dispute and "Eulalie Wyncote" in dispute
    assert not _high(c, "entity_set")  # the bodies that describe the doers are no doers


def test_a_vote_split_one_report_gives_against_one_the_others_agree_on() -> None:
    # "approved ... by 63 votes to 24" three times, "voted 66-21" once: the verbs differ and
    # 66 counts nothing named, so neither a claim pair nor the figures tie the splits; the
    # agreeing reports do
    agreed = ("The 91-member assembly approved the impeachment motion by 63 votes to 24, with "
              "four abstentions. The motion needed 61 votes. A first attempt last June won "
              "only 49 votes.")  # fmt: skip
    odd = "The assembly voted 66-21 to impeach the governor, with four members abstaining."
    c = _compare(
        (f"{MOTION} {agreed}", "2037-03-04"),
        (f"{MOTION} {agreed}", "2037-03-04"),
        (f"{MOTION} {agreed}", "2037-03-05"),
        (f"{MOTION} {odd}", "2037-03-05"),
    )
    (dispute,) = [x for x in _high(c, "number") if "63-24" in x]
    assert "66-21" in dispute
    # a report that gives both splits tells two votes
    both = f"{odd} An earlier amendment failed by 63 votes to 24."
    c = _compare(*[(f"{MOTION} {agreed}", "2037-03-04")] * 3, (f"{MOTION} {both}", "2037-03-05"))
    assert not [x for x in _high(c, "number") if "66-21" in x]
