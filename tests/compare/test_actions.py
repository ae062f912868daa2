"""Predicate classes and name matching that need no model."""

from __future__ import annotations

from newsprism.compare.align import action_class
from newsprism.compare.slots import _guessed, _named_in
from newsprism.compare.units import nominal_act
from newsprism.extract.types import Claim


def test_lemmatiser_final_e_guess_is_one_class() -> None:
    assert action_class("deadlocke") == action_class("deadlock")
    assert action_class("approve") == action_class("authorize")
    assert action_class("be") == "be"  # light verbs keep their lemma
    assert action_class("make") == "make"


def test_surname_matches_full_name() -> None:
    assert _named_in("biden", {"joe_biden"})
    assert _named_in("joe_biden", {"biden"})
    assert not _named_in("den", {"joe_biden"})
    assert not _named_in("harris", {"joe_biden"})


def test_one_word_unknown_names_have_a_guessed_type() -> None:
    assert _guessed("person:unicef") and _guessed("org:oxfam")
    assert not _guessed("person:ana_ruiz")
    assert not _guessed("country:NO")


def _claim(text: str, action: str) -> Claim:
    return Claim(0, 0, len(text), text, (), (), action, action.endswith(" not"), "", (), (), (), ())


def test_a_happening_named_by_its_noun_states_the_verb() -> None:
    assert nominal_act(_claim("The derailment happened shortly before 9pm", "happen")).action == (
        "derail"
    )
    assert nominal_act(_claim("The fatal shooting took place on Saturday", "take")).action == (
        "shoot"
    )
    assert nominal_act(_claim("The crash did not happen on Friday", "happen not")).action == (
        "crash not"
    )
    # another verb, or no happening named, keeps the claim as it is
    assert nominal_act(_claim("The derailment closed the line", "close")).action == "close"
    assert nominal_act(_claim("It happened on Tuesday evening", "happen")).action == "happen"
