from __future__ import annotations

import pytest

from newsprism.cluster import Constraints, Decision
from newsprism.errors import UsageError


def test_a_merge_puts_articles_together():
    c = Constraints([Decision("merge", ("s-1", "s-2"), (("a", "b"), ("c",)))])
    assert c.together("a") == {"b", "c"}
    assert c.apart("a") == set()


def test_a_later_merge_does_not_undo_an_earlier_split_for_others():
    c = Constraints(
        [
            Decision("split", ("s-1", "s-2"), (("a", "b"), ("c", "d"))),
            Decision("merge", ("s-3", "s-1"), (("x",), ("a", "b"))),
        ]
    )
    assert c.together("x") == {"a", "b"}
    assert c.apart("x") == {"c", "d"}
    assert c.apart("c") == {"a", "b", "x"}


def test_merging_two_split_sides_lifts_their_separation():
    c = Constraints(
        [
            Decision("split", ("s-1", "s-2"), (("a",), ("b",))),
            Decision("merge", ("s-1", "s-2"), (("a",), ("b",))),
        ]
    )
    assert c.apart("a") == set() and c.together("a") == {"b"}


def test_unknown_kind_is_refused():
    with pytest.raises(UsageError):
        Decision("shuffle", (), ())


def test_decisions_round_trip_through_dicts():
    d = Decision("split", ("s-1", "s-2"), (("a",), ("b", "c")), "2024-01-01", "why")
    assert Decision.from_dict(d.to_dict()) == d
