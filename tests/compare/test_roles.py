"""A person's office, read beside the name in each report and compared (compare/roles.py)."""

from __future__ import annotations

import pytest

from newsprism.compare import roles
from newsprism.extract import extract


def _roles(text: str) -> list[roles.Role]:
    return roles.roles_in(0, text, extract(text))


@pytest.mark.parametrize(
    ("text", "head", "words", "of"),
    [
        ("Tessin's economy minister Sera Kallisto said so.", "minister", {"economy"}, ""),
        ("Sera Kallisto, Tessin's economy minister, said so.", "minister", {"economy"}, ""),
        ("The talks failed, said Foreign Minister Sera Kallisto.", "minister", {"foreign"}, ""),
        ("Ivo Renk, director of the Harlow Water Board, said so.", "director", set(),
         "Harlow Water Board"),
        ("Harlow Water Board director Ivo Renk said so.", "director", set(), "Harlow Water Board"),
        # a body's first word the tagger left out of its name is still the body's, not a word
        # of the office ("Tessel" of "Tessel Valley Railways", for "TVR managing director")
        ("Tessel Valley Railways managing director Ruth Kesteven praised the crew.", "director",
         {"managing"}, "Tessel Valley Railways"),
        # a title breaks at punctuation: "levies - money" is not part of it
        ("New levies - money Prime Minister Aurel Benedek wants - start in July.", "minister",
         {"prime"}, ""),
        # "under" before other words is a preposition, no rank ("Under Secretary" is one)
        ("She named an independent inquiry under retired judge Yrsa Torsby.", "judge",
         {"retired"}, ""),
        ("Under Secretary Ann Lark spoke first.", "secretary", {"under"}, ""),
        # the party of an elected office's holder is no body the office is of
        ("Harlan Ashby, the Federalist League governor of Merrowin, was charged.", "governor",
         {"merrowin"}, ""),
    ],
)  # fmt: skip
def test_an_office_is_read_before_or_after_the_name(text: str, head: str, words: set,
                                                    of: str) -> None:  # fmt: skip
    (r,) = _roles(text)
    assert (r.head, r.words, r.of) == (head, frozenset(words), of)


def test_a_surname_alone_or_no_office_gives_nothing() -> None:
    assert _roles("Kallisto said the talks failed.") == []
    assert _roles("On Monday Sera Kallisto said the talks failed.") == []


def _role(source: int, head: str, words: set, of: str = "") -> roles.Role:
    return roles.Role(source, "person:x", "Sera Kallisto", head, frozenset(words), of, "", 0, 1)


def _same_body(a: str, b: str) -> bool:
    return a.lower() == b.lower()


@pytest.mark.parametrize(
    ("x", "y", "differ"),
    [
        (({"economy"},), ({"foreign"},), True),  # two portfolios
        (({"district"},), ({"assistant", "district"},), True),  # a rank only one has
        (({"economy"},), ((),), False),  # more or less of one office
        ((set(),), ({"foreign"},), False),
        (({"economy"},), ({"economy", "trade"},), False),  # "economy and trade minister"
    ],
)
def test_two_offices_differ_when_each_has_its_own_word_or_a_rank(x, y, differ: bool) -> None:
    a, b = _role(0, "minister", set(x[0])), _role(1, "minister", set(y[0]))
    assert roles.differ(a, b, _same_body) is differ


def test_offices_of_other_kinds_never_differ() -> None:
    a, b = _role(0, "minister", {"economy"}), _role(1, "leader", {"party"})
    assert not roles.differ(a, b, _same_body)


def test_a_report_giving_two_offices_of_one_kind_is_not_read_for_that_person() -> None:
    mine = [_role(0, "minister", {"economy"}), _role(0, "minister", {"foreign"})]
    theirs = [_role(1, "minister", {"trade"})]
    found = roles.disputes(mine + theirs, lambda a, b: a.key == b.key, _same_body)
    assert found == []
    found = roles.disputes(mine[:1] + theirs, lambda a, b: a.key == b.key, _same_body)
    assert [len(d.roles) for d in found] == [2]


def test_a_title_tagged_as_a_name_or_a_holders_party_is_no_body() -> None:
    assert roles._not_a_body("Merrowin Governor", "Governor")  # the title itself
    assert roles._not_a_body("Federalist League", "governor")  # the governor's party
    assert not roles._not_a_body("Harlow Water Board", "director")
    # a party's own officer is of it ("Green Party chairman"), and a bank's union is a body
    assert not roles._not_a_body("Green Party", "chairman")
    assert not roles._not_a_body("Varrow Union", "chairman")
