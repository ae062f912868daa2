"""One act, two different actors: subjects written as names the tagger missed, and claims that
state one act of different names (their wording aligned once the names are set aside)."""

from __future__ import annotations

import numpy as np

from newsprism.compare import align as al
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


def test_names_both_reports_mention_are_two_acts() -> None:
    # the second report also names Harbor Watch Alliance: sealing by each is no disputed actor
    b = B + " Harbor Watch Alliance staff checked the other tanks."
    units = _units(A, b)
    ua, ub = _sealing(units)
    assert al.pair_scores(units, _vectors(units))[ua.uid, ub.uid] < al.SAME_ACT
