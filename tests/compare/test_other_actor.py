"""One act, two different actors: subjects written as names the tagger missed, and claims that
state one act of different names (their wording aligned once the names are set aside)."""

from __future__ import annotations

import numpy as np

from newsprism.compare import align as al
from newsprism.compare import units as units_mod
from newsprism.compare import vectors as vectors_mod
from newsprism.compare.align import build_units, written_name
from newsprism.compare.slots import check_actors
from newsprism.extract import extract, link_across

A = (
    "Dock workers were sent home after a chemical leak at the Brenholt port on Monday. "
    "Later that night, Harbor Watch Alliance sealed the leaking tank near the eastern pier. "
    "Officials said nobody was hurt."
)
B = (
    "A chemical leak at the Brenholt port forced dock workers home on Monday. "
    "Save the Otters sealed the damaged container by the east jetty shortly before midnight. "
    "Nobody was hurt, officials said."
)


def test_written_name_takes_capitalised_words_and_connectors() -> None:
    assert written_name("Save the Otters") == "Save the Otters"
    assert written_name("The new Friends Without Fences") == "Friends Without Fences"
    assert written_name("the Red Cross") == "Red Cross"
    # common nouns, pronouns and one capitalised word are no name
    for subject in ("Police officers", "Firefighters and paramedics", "Neighbors", "He", ""):
        assert written_name(subject) == ""


def _units(a: str, b: str) -> list[al.Unit]:
    exs = link_across([extract(a), extract(b)])
    return build_units(exs, [a, b], ["", ""])


def _sealing(units: list[al.Unit]) -> tuple[al.Unit, al.Unit]:
    ua, ub = (next(u for u in units if u.source == s and "sealed" in u.text) for s in (0, 1))
    return ua, ub


def test_an_untagged_name_subject_is_an_actor_and_is_blanked() -> None:
    ua, ub = _sealing(_units(A, B))
    assert ub.actors == ("name:save_the_otters",)
    assert ub.bare.startswith("someone sealed the damaged container")
    assert "Harbor Watch Alliance" not in ua.bare and "someone" in ua.bare
    finding = check_actors(ua, ub, 0.7)
    assert finding is not None and finding.type == "actor" and finding.confidence >= 0.8


def _vectors(units: list[al.Unit]) -> al.Vectors:
    """Claims that embed far apart, whose actor-less wordings embed alike."""
    n, dim = len(units), len(units) + 1
    eye = np.eye(n, dim, dtype=np.float32)
    ua, ub = _sealing(units)
    same = np.zeros(dim, dtype=np.float32)
    same[-1] = 1.0
    return al.Vectors(eye, eye, np.zeros(0, dtype=int), np.zeros((0, dim), np.float32),
                      bare={ua.uid: same, ub.uid: same})  # fmt: skip


def test_one_act_of_names_foreign_to_the_other_report_aligns() -> None:
    units = _units(A, B)
    ua, ub = _sealing(units)
    assert al.pair_scores(units, _vectors(units))[ua.uid, ub.uid] >= al.SAME_ACT


def test_an_act_both_actors_do_in_one_report_is_two_acts() -> None:
    # the second report has Harbor Watch Alliance seal tanks too: sealing by each is no
    # disputed actor, but two acts of two actors
    b = B + " Harbor Watch Alliance sealed the other tanks."
    units = _units(A, b)
    ua, ub = _sealing(units)
    assert al.pair_scores(units, _vectors(units))[ua.uid, ub.uid] < al.SAME_ACT


def test_the_original_actor_named_for_something_else_still_disputes_the_act() -> None:
    # the second report names Harbor Watch Alliance, but only checking tanks: the sealing is
    # still given to someone else than in the first report
    b = B + " Harbor Watch Alliance staff checked the other tanks."
    units = _units(A, b)
    ua, ub = _sealing(units)
    assert al.pair_scores(units, _vectors(units))[ua.uid, ub.uid] >= al.SAME_ACT


def _orthogonal(units: list[al.Unit], bare: dict[int, np.ndarray] | None = None) -> al.Vectors:
    n, dim = len(units), len(units) + 1
    eye = np.eye(n, dim, dtype=np.float32)
    return al.Vectors(eye, eye, np.zeros(0, dtype=int), np.zeros((0, dim), np.float32),
                      bare=bare or {})  # fmt: skip


def _pair(units: list[al.Unit], word: str) -> tuple[al.Unit, al.Unit]:
    ua, ub = (next(u for u in units if u.source == s and word in u.text) for s in (0, 1))
    return ua, ub


def test_a_light_predicate_with_the_very_same_words_of_another_name_is_one_fact() -> None:
    a = "The Falcons lost at home. Mara Quell had eight of the Falcons' 11 assists."
    b = "The Falcons were beaten at home. Tove Brann had eight of the Falcons' 11 assists."
    units = _units(a, b)
    ua, ub = _pair(units, "assists")
    score = float(al.pair_scores(units, _orthogonal(units))[ua.uid, ub.uid])
    assert score >= al.SAME_WORDS_SCORE - 1e-6
    finding = check_actors(ua, ub, score)
    assert finding is not None and finding.type == "actor"


def test_a_light_predicate_with_other_words_stays_apart() -> None:
    # "had" with other words says other things of two people: nothing links them
    a = "The Falcons lost at home. Mara Quell had eight of the Falcons' 11 assists."
    b = "The Falcons were beaten at home. Tove Brann had a sore knee all season long."
    units = _units(a, b)
    ua, ub = _pair(units, "had")
    assert al.pair_scores(units, _orthogonal(units))[ua.uid, ub.uid] < al.SAME_ACT


def test_both_reports_giving_the_act_to_both_names_is_two_acts_even_with_light_words() -> None:
    a = "Mara Quell had eight of the Falcons' 11 assists. Tove Brann had eight rebounds."
    b = "Tove Brann had eight of the Falcons' 11 assists. Mara Quell had eight rebounds."
    units = _units(a, b)
    ua, ub = _pair(units, "assists")
    assert al.pair_scores(units, _orthogonal(units))[ua.uid, ub.uid] < al.SAME_ACT


def test_lists_that_differ_by_one_member_state_one_act() -> None:
    # one actor in common, one each the other report never names: the act's list is disputed
    a = "Harbor Watch Alliance and Save the Otters sealed the leaking tank near the eastern pier."
    b = "Harbor Watch Alliance and Coast Keepers Trust sealed the damaged container by the jetty."
    units = _units(a, b)
    ua, ub = _pair(units, "sealed")
    assert set(units_mod.slugs(ua.actors)) & set(units_mod.slugs(ub.actors))
    assert ua.uid in vectors_mod._other_actor_candidates(
        units
    ) and ub.uid in vectors_mod._other_actor_candidates(units)
    dim = len(units) + 1
    same = np.zeros(dim, dtype=np.float32)
    same[-1] = 1.0
    score = float(
        al.pair_scores(units, _orthogonal(units, {ua.uid: same, ub.uid: same}))[ua.uid, ub.uid]
    )
    assert score >= al.SAME_ACT - 1e-6  # float32 scores
    finding = check_actors(ua, ub, score)
    assert finding is not None and finding.type == "entity_set" and finding.confidence >= 0.8


def test_a_light_predicate_needs_a_close_match_to_dispute_its_actor() -> None:
    # two clubs can each make an offer: "made" says too little to call one act at 0.75
    a = "The Harbor Sox made the biggest offer in club history to Mark Tillman."
    b = "Last week the Delta Nationals made Tillman an eight-year offer."
    ua, ub = _pair(_units(a, b), "made")
    assert check_actors(ua, ub, 0.75) is None
    finding = check_actors(ua, ub, 0.85)
    assert finding is not None and finding.type == "actor"


def test_names_that_describe_one_subject_are_no_list() -> None:
    # one man and the countries that describe him: no entity set to dispute
    a = "The man, a New Zealander living in Melbourne, was planning to go ski touring."
    b = "The New Zealand-born Australian was planning to do some ski touring."
    ua, ub = _pair(_units(a, b), "planning")
    assert len(ub.actors) == 2
    assert check_actors(ua, ub, 0.9) is None


def test_an_act_each_report_also_gives_to_the_other_name_is_two_acts() -> None:
    a = "Tom Reale scored 23 points for the Larks. Ivo Marsh scored 14 points."
    b = "Ivo Marsh scored 23 points for the Larks. Tom Reale scored 14 points."
    units = _units(a, b)
    ua = next(u for u in units if u.source == 0 and "23" in u.text)
    ub = next(u for u in units if u.source == 1 and "23" in u.text)
    classes = [al.action_class(u.claim.action) for u in units]
    acts = al.acts_by_source(units, classes)
    assert check_actors(ua, ub, 0.9) is not None  # alone, the pair reads as a dispute
    assert check_actors(ua, ub, 0.9, acts) is None  # each report has both score
