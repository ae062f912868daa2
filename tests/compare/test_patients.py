"""One named thing acted on in one report and denied in another (compare/patients.py), on
sentences written for these tests."""

from __future__ import annotations

from newsprism.compare import Comparison, compare_articles
from tests.compare.test_checks import _article

LEAD = "Inmates seized B Wing of Carrow prison on Sunday and held it overnight."


def _compare(*texts: str) -> Comparison:
    return compare_articles([_article(t, f"r{n}", "2031-05-07") for n, t in enumerate(texts)])


def _about(c: Comparison, thing: str) -> list:
    title = f"Opposite statements about {thing}"
    return [x for x in c.contradictions if x.summary.startswith(title)]


def test_no_act_on_a_thing_against_the_act_is_a_high_polarity_dispute() -> None:
    c = _compare(
        f"{LEAD} At dawn the Rapid Response Unit went in behind shields, firing tear gas into "
        "the cells.",
        f"{LEAD} The Rapid Response Unit moved in at dawn, using tear gas and batons.",
        f"{LEAD} The unit retook the wing at dawn. No tear gas was used: officers cleared the "
        "cells one by one.",
    )
    (x,) = _about(c, "tear gas")
    assert x.high and x.type == "polarity"
    assert x.summary.endswith("S1, S2 say affirmative; S3 says negative")
    assert "No tear gas was used" in next(e.text for e in x.evidence if e.source == "S3")


def test_not_a_single_one_of_a_thing_denies_any_act_on_it() -> None:
    c = _compare(
        f"{LEAD} Officers answered with tear gas and later brought in water cannon.",
        f"{LEAD} Astonishingly, not a single water cannon was deployed all night.",
    )
    (x,) = _about(c, "water cannon")
    assert x.high and x.summary.endswith("S1 says affirmative; S2 says negative")
    # "No." opening a name denies nothing
    c = _compare(
        f"{LEAD} Officers answered with tear gas and later brought in water cannon.",
        f"{LEAD} No. 10 Carrow Road, the governor's house, was deployed as a command post.",
    )
    assert _about(c, "water cannon") == []


def test_a_negated_verb_denies_the_same_act_only() -> None:
    line = "Harl Foods recalled a batch of baby formula on Monday."
    c = _compare(
        f"{line} The same day it stopped the packing line that fills the tins.",
        f"{line} Remarkably, the packing line that fills the tins has not been stopped at all.",
    )
    # read on the thing, or on the claims' one proposition (the line stopped / not stopped)
    (x,) = [x for x in c.contradictions if x.type == "polarity"]
    assert x.high
    other = _compare(
        f"{line} The same day it cleaned the packing line that fills the tins.",
        f"{line} Remarkably, the packing line that fills the tins has not been stopped at all.",
    )
    assert not [x for x in other.contradictions if x.type == "polarity"]


def test_acts_left_undone_or_pending_are_no_dispute() -> None:
    mayor = "Mayor Ilse Varn urged residents of the river quarter to leave on Sunday"
    c = _compare(
        f"{mayor}, but stopped short of ordering a mandatory evacuation.",
        f"{mayor}. She did not order a mandatory evacuation.",
        f"{mayor}. The party says it will demand a mandatory evacuation next week.",
    )
    assert _about(c, "mandatory evacuation") == []
    named = _compare(
        f"{LEAD} The fifth victim had not been named while relatives were being told.",
        f"{LEAD} Later that evening police named the fifth victim as Ada Rusk, 31.",
    )
    assert _about(named, "fifth victim") == []


def test_an_act_told_as_a_purpose_is_not_stated() -> None:
    # money "to help care homes buy backup generators" buys none yet
    heat = "Eleven residents of care homes died in the heatwave in Ostmark this week."
    c = _compare(
        f"{heat} The Lindenhof home has no backup generator; few small homes do.",
        f"{heat} The governor announced 40 million marks to help care homes buy backup generators.",
    )
    assert _about(c, "backup generator") == []
    # ... while a deed against the denial is a dispute
    c = _compare(
        f"{heat} The Lindenhof home has no backup generator; few small homes do.",
        f"{heat} The Lindenhof home bought a backup generator in May.",
    )
    assert _about(c, "backup generator")


def test_few_doing_a_thing_states_no_act_against_its_denial() -> None:
    # "few homes carried landslide cover": most did not, as "had no landslide cover" says
    slide = "A landslide buried part of the village of Seldon on Monday."
    c = _compare(
        f"{slide} Many homes in the village had no landslide cover, an optional extra.",
        f"{slide} Insured losses were small, because few homes carried landslide cover.",
    )
    assert _about(c, "landslide cover") == []


def test_a_party_denying_what_an_outlet_states_is_not_high() -> None:
    # a denial by one party against the outlet's own account is both sides reported
    c = _compare(
        f'{LEAD} "No replacement staff have been used on the wing," a prison spokeswoman said.',
        f"{LEAD} The prison service used replacement staff on the wing overnight.",
    )
    assert not any(x.high for x in _about(c, "replacement staff"))


def test_a_thing_counted_by_its_pieces_is_the_thing_and_stands_over_a_weaker_pair() -> None:
    # "a single tear gas canister" is tear gas; the claim pair on the same sentences matches
    # too loosely to be high at the end, so the thing read apart takes its place
    c = _compare(
        f"{LEAD} Police fired tear gas and turned a water cannon on the crowd.",
        f"{LEAD} Despite hysterical posts flooding social media all week, police did NOT fire "
        "a single tear gas canister all day.",
        f"{LEAD} Tear gas was fired across the yard as officers pushed the crowd back.",
    )
    (x,) = _about(c, "tear gas")
    assert x.high and x.summary.endswith("S1, S3 say affirmative; S2 says negative")


COACH = "The Kessian Rowing Union's board sacked its head coach, Arvid Tollan, on Sunday."


def test_one_persons_own_thing_acted_on_and_denied_is_a_high_dispute() -> None:
    # "his case", one word after "his", is Tollan's own: put and never put (in the Clarion's
    # own voice)
    def compare(first: str, second: str) -> Comparison:
        return compare_articles([_article(first, "01_wire"), _article(second, "02_clarion")])

    tabloid = (
        f"{COACH} The Clarion can reveal that Tollan never even got the chance to put his case "
        "to the board."
    )
    c = compare(
        f"{COACH} Arvid Tollan was there in person and put his case to the eleven members for "
        "twenty minutes before the vote.",
        tabloid,
    )
    (x,) = _about(c, "Arvid Tollan's case")
    assert x.high and x.summary.endswith("S1 says affirmative; S2 says negative")
    # another person's case is another thing
    other = compare(
        f"{COACH} Union president Mira Vasske put her case to the eleven members for twenty "
        "minutes before the vote.",
        tabloid,
    )
    assert not [x for x in other.contradictions if "case" in x.summary]


def test_a_thing_named_with_a_word_more_is_the_thing() -> None:
    # the tabloid's "crooked bus contract" is the contract the wire says was suspended
    from newsprism.compare import align as al
    from newsprism.compare import patients
    from newsprism.extract import extract, link_across

    lead = "Pellow's mayor was charged with taking bribes from a bus maker. "
    texts = [
        lead + "The city's executive board suspended the bus contract on Monday evening.",
        lead + "But the crooked bus contract has NOT been suspended, and payments go on.",
    ]
    units = al.build_units(link_across([extract(t) for t in texts]), texts, ["", ""])
    (d,) = patients.disputes(units, lambda a, b: True)
    assert d.thing == "bus contract"
    assert [u.source for u in d.denying] == [1] and [u.source for u in d.stating] == [0]
    # the dispute is high, and told once
    (x,) = [x for x in _compare(*texts).contradictions if x.type == "polarity"]
    assert x.high


def test_a_missing_thing_is_no_act_stated_on_it() -> None:
    # "over the missing doping sample" tells the sample's absence, as "no sample was taken"
    # does: the two agree
    race = "Pell Ardan won the Tollin marathon on Sunday in a national record time."
    asks = (
        f"{race} The federation wants to know why no doping sample was collected from the "
        "winner on race day."
    )
    c = _compare(f"Record put on hold over detour and missing doping sample\n\n{race}", asks)
    assert _about(c, "doping sample") == []
    # a sample taken, against none collected, still is a dispute
    c = _compare(f"{race} A doping sample was taken from the winner on race day.", asks)
    assert [x.high for x in _about(c, "doping sample")] == [True]
