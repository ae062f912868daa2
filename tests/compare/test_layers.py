"""Attribution layers, attribution-free and place-free alignment, and one dispute per pair of
claims: behaviour on small fictional pairs (the sentences are invented for these tests)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from newsprism.compare import Comparison, compare_articles
from newsprism.compare import align as al
from newsprism.compare.build import _disputes
from newsprism.compare.slots import Finding, Side
from newsprism.extract import extract, link_across
from tests.compare.test_checks import _article

BRIDGE = "The regional council approved the budget for the new bridge over the Tavel river"
TAIL = " Work on the bridge is due to start next spring."


def _compare(a: str, b: str) -> Comparison:
    return compare_articles([_article(a, "a"), _article(b, "b")])


def _high(c: Comparison) -> set[str]:
    return {x.type for x in c.contradictions if x.high}


def _units(a: str, b: str) -> list[al.Unit]:
    exs = link_across([extract(_article(a, "a")), extract(_article(b, "b"))])
    return al.build_units(exs, [a, b], ["", ""])


def test_every_layer_of_attribution_is_kept() -> None:
    (u,) = [
        u
        for u in _units(
            f"Inspector Dana Pell said that {BRIDGE[0].lower()}{BRIDGE[1:]}, "
            "according to the Interior Ministry.",
            "Nothing else happened there.",
        )
        if "approved" in u.text
    ]
    kinds = {k.split(":", 1)[0] for k in u.attribution}
    assert any("pell" in k for k in u.attribution), u.attribution
    assert any("interior_ministry" in k for k in u.attribution), u.attribution
    assert kinds & {"org", "said"}


def test_a_cited_source_under_another_source_is_still_a_dispute() -> None:
    # one report: a person quoted by a ministry; the other: another ministry alone
    c = _compare(
        f"Inspector Dana Pell said that {BRIDGE[0].lower()}{BRIDGE[1:]}, according to the "
        f"Interior Ministry.{TAIL}",
        f"{BRIDGE}, according to the Finance Ministry.{TAIL}",
    )
    assert "attribution" in _high(c)


def test_the_same_outer_source_is_no_dispute() -> None:
    c = _compare(
        f"Inspector Dana Pell said that {BRIDGE[0].lower()}{BRIDGE[1:]}, according to the "
        f"Interior Ministry.{TAIL}",
        f"{BRIDGE}, according to the Interior Ministry.{TAIL}",
    )
    assert "attribution" not in _high(c)


def test_the_attribution_tail_is_left_out_of_what_is_embedded() -> None:
    units = _units(f"{BRIDGE}, according to Governor Ivo Brast.", "Nothing else happened there.")
    (u,) = [u for u in units if "approved" in u.text]
    assert "according" in u.text
    assert u.core == BRIDGE


def test_the_place_is_left_out_of_the_placeless_wording() -> None:
    units = _units(
        "The three injured climbers were in stable condition in Tarnwick on Sunday.",
        "Nothing else happened there.",
    )
    (u,) = [u for u in units if "climbers" in u.text]
    assert u.places
    assert "Tarnwick" not in u.placeless and "stable condition" in u.placeless
    assert u.placeless.endswith("stable condition on Sunday")


def test_one_fact_set_in_different_places_is_a_place_dispute() -> None:
    # worded differently and set in two places: the names alone pull the claims apart
    c = _compare(
        "The three injured climbers appeared to be in stable condition in Tarnwick, the mountain "
        "rescue service said. The pass stays closed until Friday.",
        "Rescuers reported that the other three climbers were in stable condition in Oskarvale. "
        "The pass stays closed until Friday.",
    )
    # found, but not sure: "in Tarnwick" and "in Oskarvale" may be a town and its valley
    (x,) = [x for x in c.contradictions if x.type == "place"]
    assert not x.high


def test_the_same_place_added_to_both_is_no_dispute() -> None:
    c = _compare(
        "The three injured climbers appeared to be in stable condition in Tarnwick, the mountain "
        "rescue service said. The pass stays closed until Friday.",
        "Rescuers reported that the other three climbers were in stable condition in Tarnwick. "
        "The pass stays closed until Friday.",
    )
    assert "place" not in _high(c)


# --- disputes: one contradiction per pair of claims that disagree ------------------------------


def _side(source: int, uid: int, value: str) -> Side:
    unit: Any = SimpleNamespace(source=source, uid=uid)
    return Side(unit, value)


def test_two_sentences_with_the_same_value_are_one_dispute() -> None:
    fs = [
        Finding("date", 0.85, _side(0, 1, "Thursday"), _side(1, 9, "Friday")),
        Finding("date", 0.85, _side(0, 2, "Thursday"), _side(1, 9, "Friday")),
    ]
    assert [len(d) for d in _disputes(fs)] == [2]


def test_two_sentences_with_different_values_are_two_disputes() -> None:
    fs = [
        Finding("attribution", 0.75, _side(0, 1, "Red Cross"), _side(1, 9, "Coast Guard")),
        Finding("attribution", 0.75, _side(0, 1, "Red Cross"), _side(1, 7, "Interpol")),
    ]
    assert [len(d) for d in _disputes(fs)] == [1, 1]


def test_a_weak_echo_of_a_dispute_stays_in_it() -> None:
    fs = [
        Finding("date", 0.85, _side(0, 1, "Thursday"), _side(1, 9, "Friday")),
        Finding("date", 0.5, _side(0, 1, "Thursday"), _side(1, 4, "November")),
    ]
    assert [len(d) for d in _disputes(fs)] == [2]


def test_a_denial_elsewhere_in_the_other_sentence_does_not_hide_a_polarity_dispute() -> None:
    # the first report's "aren't" denies something else, in a clause of its own
    c = _compare(
        "Mira Holt reprises her role as Lena Kask in the sequel to Anna Roth's surprise hit; "
        "the storms aren't the only danger this time.",
        "Mira Holt does not reprise her role as Lena Kask in the sequel, which opens on Friday.",
    )
    assert "polarity" in _high(c)


def test_a_denial_of_another_proposition_is_no_polarity_dispute() -> None:
    # "does not reprise her role" and "the sequel sees Lena Kask leaving her farm" are two
    # statements, not one affirmed and denied
    c = _compare(
        "The sequel to Anna Roth's surprise hit, which sees Lena Kask (Mira Holt) and her family "
        "leaving their farm and finding that the storms aren't the only danger, opens on Friday.",
        "Mira Holt does not reprise her role as Lena Kask in the sequel, which opens on Friday.",
    )
    assert "polarity" not in _high(c)


def test_an_infinitive_inside_a_name_is_attributed_to_no_one() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_attribution

    units = _units(
        "The prisoners arrived at the Karsten airbase, according to Senator Paul Okoro.",
        "The prisoners arrived at the Karsten airbase, the Harlen agency said.",
    )
    a = replace(units[0], attribution=("person:paul_okoro",), sentence_keys=frozenset())
    b = replace(units[-1], attribution=("org:harlen_agency",), sentence_keys=frozenset())
    assert a.source != b.source
    assert check_attribution(a, b) is not None  # two named sources of one statement
    fragment = replace(a, text="to Restore Order in Tavel")
    assert check_attribution(fragment, b) is None


def test_a_count_the_other_sentence_gives_in_another_clause_is_accounted_for() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_number
    from newsprism.extract.types import Quantity

    four = Quantity("Four people", 0, 11, 4.0, "", "people", "4 people")
    sixty = Quantity("more than 60 people", 40, 59, 60.0, "", "people", ">60 people",
                     qualifier=">")  # fmt: skip
    units = _units("Four people were treated in Karsten.", "Four people were treated in Karsten.")
    a = replace(units[0], quantities=(four,), sentence_quantities=(four,))
    # the other report's clause counts those who fled; its sentence names the four as well
    b = replace(units[-1], quantities=(sixty,), sentence_quantities=(four, sixty))
    assert check_number(a, b, None, None) is None
    lone = replace(b, sentence_quantities=(sixty,))
    assert check_number(a, lone, None, None) is not None


def test_a_different_count_in_the_same_clause_is_still_flagged() -> None:
    c = _compare(
        "Four people were treated in hospital in Karsten on Tuesday after the Tavel ferry fire.",
        "Nine people were treated in hospital in Karsten on Tuesday after the Tavel ferry fire.",
    )
    assert "number" in _high(c)


def test_the_same_exact_count_lets_a_looser_match_dispute_polarity() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_polarity
    from newsprism.extract.types import Quantity

    units = _units(
        "The patrol ship was escorting five merchant vessels through the Tavel strait.",
        "The frigate was not escorting the five merchant vessels through the strait.",
    )
    a, b = units[0], units[-1]
    assert a.source != b.source and a.claim.action.split()[0] == b.claim.action.split()[0]
    five = Quantity("five merchant vessels", 0, 21, 5.0, "", "merchant vessels", "5 vessels")
    a = replace(a, quantities=(five,), negated=False, keys=frozenset())
    b = replace(b, quantities=(five,), negated=True, keys=frozenset())
    found = check_polarity(a, b, 0.63)
    assert found is not None and found.confidence >= 0.7
    assert check_polarity(replace(a, quantities=()), b, 0.63) is None


def test_a_surname_inside_the_other_name_is_the_same_source() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_attribution

    units = _units(
        "The prisoners arrived at the Karsten airbase, according to Mayor Ana Ruiz.",
        "The prisoners arrived at the Karsten airbase, the Harlen agency said.",
    )
    a = replace(units[0], attribution=("said:mayor_ana_ruiz",), sentence_keys=frozenset())
    b = replace(units[-1], attribution=("org:ruiz_harlen_agency",), sentence_keys=frozenset())
    assert check_attribution(a, b) is None  # the tagger ran "Ruiz" on into the next name
    other = replace(b, attribution=("org:harlen_agency",))
    assert check_attribution(a, other) is not None


def test_an_untagged_conjunct_beside_a_tagged_actor_is_an_actor() -> None:
    (u,) = [
        u
        for u in _units(
            "Friends Of The Tavel and Oxfam delivered blankets to the Karsten camp on Monday.",
            "Nothing else happened there.",
        )
        if u.source == 0
    ]
    assert "name:friends_of_the_tavel" in u.actors
    assert any(k.endswith(":oxfam") for k in u.actors)


def test_lists_that_differ_in_an_untagged_name_are_an_entity_set_dispute() -> None:
    c = _compare(
        "Friends Of The Tavel and Oxfam delivered blankets to the Karsten camp on Monday.",
        "Friends Of The Tavel and Unicef delivered blankets to the Karsten camp on Monday.",
    )
    assert "entity_set" in _high(c)


def test_claims_that_share_a_name_but_no_act_dispute_no_date() -> None:
    from datetime import date

    from newsprism.compare.slots import check_pair

    units = _units(
        "Coach Lena Varga made her decision on Friday.",
        "Lena Varga scored 20 points on Saturday.",
    )
    a, b = units[0], units[-1]
    assert a.source != b.source and a.times and b.times
    days = (date(2031, 5, 7), date(2031, 5, 7))
    # different predicates matched only through the shared name: no dispute
    assert not [f for f in check_pair(a, b, 0.72, (None, None), days) if f.type == "date"]
    # nor matched closely: a decision and a game are two happenings, each on its own day
    assert not [f for f in check_pair(a, b, 0.8, (None, None), days) if f.type == "date"]


def test_a_middle_initial_does_not_make_another_actor() -> None:
    c = _compare(
        "Brian G. Varga pleaded guilty to fraud at the Karsten court on Monday.",
        "Brian Varga pleaded guilty to fraud at the Karsten court on Monday.",
    )
    assert "actor" not in _high(c)


def test_an_actor_named_only_by_a_pronoun_is_no_confident_dispute() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_actors

    units = _units(
        "Tomas Varga stole the van from the Karsten depot on Monday.",
        "Ivo Brast stole the van from the Karsten depot on Monday.",
    )
    a, b = units[0], units[-1]
    found = check_actors(a, b, 0.9)
    assert found is not None and found.type == "actor" and found.confidence >= 0.7
    # the same claim whose subject was "He", resolved to someone by extract
    pronoun = replace(b, claim=replace(b.claim, subject_text="He"))
    weak = check_actors(a, pronoun, 0.9)
    assert weak is not None and weak.confidence < 0.7


def test_an_equal_age_elsewhere_in_the_sentence_accounts_for_no_count() -> None:
    from dataclasses import replace

    from newsprism.compare.slots import check_number
    from newsprism.extract.types import Quantity

    forty = Quantity("40 people", 0, 9, 40.0, "", "people", "40 people")
    eighty = Quantity("80 people", 0, 9, 80.0, "", "people", "80 people")
    age = Quantity("40", 20, 22, 40.0, "", "", "40")  # "the 40-year-old driver"
    units = _units("Forty people were hurt in Karsten.", "Eighty people were hurt in Karsten.")
    a = replace(units[0], quantities=(forty,), sentence_quantities=(forty,))
    b = replace(units[-1], quantities=(eighty,), sentence_quantities=(age, eighty))
    assert check_number(a, b, None, None) is not None


def test_a_count_in_a_trailing_phrase_belongs_to_the_claim_before_it() -> None:
    c = _compare(
        "Two hurt when sledge crashed into Karsten fence, with 65 officers at the scene. "
        "The driver was taken to hospital.",
        "Two people were hurt when a sledge crashed into a fence in Karsten, with 98 officers at "
        "the scene. The driver was taken to hospital.",
    )
    assert "number" in _high(c)


def _three(*texts: str) -> Comparison:
    return compare_articles([_article(t, f"r{n}", "2031-05-07") for n, t in enumerate(texts)])


def test_a_large_figure_another_report_gives_bare_is_a_quantity_it_knows() -> None:
    # "built for 640" is the capacity the others count as "640 men", not a count of staff
    lead = "Inmates rioted at Harrowgate prison on Tuesday."
    c = _three(
        f"{lead} The prison, which opened in 1958, was built for 640 men.",
        f"{lead} The jail, opened in 1958, was built for 640 men and now holds 900.",
        f"{lead} The prison, which opened in 1958, employs around 310 people. It holds about "
        "900 men, though it was built for 640.",
    )
    assert [x.summary for x in c.contradictions if x.type == "number"] == []


def test_fans_and_supporters_counted_at_two_gatherings_are_no_dispute() -> None:
    # each report gives both crowds, the one as "fans", the other as "supporters": one thing
    # counted at two gatherings, not one crowd disputed
    c = _three(
        "About 1,500 supporters gathered outside Rennick Park on Monday night to protest against "
        "the sale. The striker was later shown to about 4,000 fans at the ground.",
        "Some 1,500 supporters gathered outside Rennick Park on Monday night, many holding "
        "scarves. Around 4,000 fans turned up on Wednesday to see the striker.",
        "The striker was presented to about 4,000 supporters at Rennick Park on Wednesday. A "
        "protest by about 1,500 fans was held outside the ground on Monday night.",
    )
    assert [x.summary for x in c.contradictions if x.type == "number"] == []
