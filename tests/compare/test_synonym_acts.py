"""One act told with other verbs ("stole" / "seized") and other doers: the predicates share a
class, so the claims align as one act and are checked for who did it; the actor-less wording
leaves out dates and titles that one report gives and the other does not."""

from __future__ import annotations

import numpy as np

from newsprism.compare import align as al
from newsprism.compare import vectors as vectors_mod
from newsprism.compare.align import action_class, build_units
from newsprism.compare.slots import check_actors
from newsprism.extract import extract, link_across


def test_synonymous_predicates_share_a_class() -> None:
    assert action_class("steal") == action_class("seize") == action_class("snatch")
    assert action_class("buy") == action_class("acquire") == action_class("purchase")
    assert action_class("attack") == action_class("raid")
    assert action_class("condemn") == action_class("criticise") == action_class("criticize")
    # different acts stay apart, and older classes keep their members
    assert action_class("steal") != action_class("buy")
    assert action_class("buy") != action_class("sell")
    assert action_class("flee") == action_class("evacuate")
    assert action_class("kill") == action_class("shoot")
    assert action_class("reject") == action_class("refuse")
    assert action_class("halt") == action_class("pause") == action_class("interrupt")
    assert action_class("strengthen") == action_class("reinforce")


def _units(a: str, b: str) -> list[al.Unit]:
    exs = link_across([extract(a), extract(b)])
    return build_units(exs, [a, b], ["", ""])


def _pair(units: list[al.Unit], a_word: str, b_word: str) -> tuple[al.Unit, al.Unit]:
    ua = next(u for u in units if u.source == 0 and a_word in u.text)
    ub = next(u for u in units if u.source == 1 and b_word in u.text)
    return ua, ub


A = "The storm flooded the harbour overnight. Harbor Watch Alliance stole the pump from the dock."
B = "The harbour flooded in the storm. Save the Otters seized the pump at the dock."


def test_other_verb_and_other_doer_is_an_actor_dispute() -> None:
    ua, ub = _pair(_units(A, B), "stole", "seized")
    assert ua.actors and ub.actors
    finding = check_actors(ua, ub, 0.7)
    assert finding is not None and finding.type == "actor"


def _aligned_bare(units: list[al.Unit], ua: al.Unit, ub: al.Unit) -> al.Vectors:
    """Claims that embed far apart, whose actor-less wordings embed alike."""
    n, dim = len(units), len(units) + 1
    eye = np.eye(n, dim, dtype=np.float32)
    same = np.zeros(dim, dtype=np.float32)
    same[-1] = 1.0
    return al.Vectors(eye, eye, np.zeros(0, dtype=int), np.zeros((0, dim), np.float32),
                      bare={ua.uid: same, ub.uid: same})  # fmt: skip


def test_other_verb_and_other_doer_align_as_one_act() -> None:
    units = _units(A, B)
    ua, ub = _pair(units, "stole", "seized")
    assert ua.uid in vectors_mod._other_actor_candidates(units)
    score = al.pair_scores(units, _aligned_bare(units, ua, ub))[ua.uid, ub.uid]
    assert score >= al.SAME_ACT - 1e-6


def test_a_report_giving_the_synonym_act_to_both_doers_states_two_acts() -> None:
    # the second report has Harbor Watch Alliance grab something too: two acts, no dispute
    b = B + " Harbor Watch Alliance grabbed the spare hoses."
    units = _units(A, b)
    ua, ub = _pair(units, "stole", "seized")
    assert al.pair_scores(units, _aligned_bare(units, ua, ub))[ua.uid, ub.uid] < al.SAME_ACT
    classes = [action_class(u.claim.action) for u in units]
    assert check_actors(ua, ub, 0.9, al.acts_by_source(units, classes)) is None


def test_other_acts_with_other_doers_are_no_dispute() -> None:
    a = "Harbor Watch Alliance bought the old pump station last year."
    b = "Save the Otters sold the old pump station last year."
    ua, ub = _pair(_units(a, b), "bought", "sold")
    assert check_actors(ua, ub, 0.6) is None


def test_actor_less_wording_leaves_out_dates_and_titles() -> None:
    a = "On March 11, 2019 President Elna Varg signed the harbour treaty."
    b = "Mayor Tove Brann signed the harbour treaty."
    ua, ub = _pair(_units(a, b), "signed", "signed")
    assert ua.bare == "someone signed the harbour treaty"
    assert ub.bare.endswith("someone signed the harbour treaty")
    assert "March" not in ua.bare and "President" not in ua.bare


def test_a_place_that_qualifies_the_one_named_doer_is_no_list() -> None:
    # "Nova Scotia Attorney General Elna Varg" is one doer: the place names her office
    a = "Last June, Nova Scotia Attorney General Elna Varg appointed a special prosecutor."
    b = "Last June, Tove Brann appointed a special prosecutor."
    ua, ub = _pair(_units(a, b), "appointed", "appointed")
    assert len(ua.actors) == 2
    finding = check_actors(ua, ub, 0.95)
    assert finding is not None and finding.type == "actor"
    assert finding.a.value == "person:elna_varg"
    assert ua.bare == ub.bare == "someone appointed a special prosecutor"
