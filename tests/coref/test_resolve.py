"""The coreference API compare uses, on reports written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.coref import Coreference, resolve
from newsprism.extract import Extraction, extract
from tests.cluster.helpers import BagOfWordsEmbedder

REPORTS = (
    "Party sues over hack\n\nThe DNC sued the Russian government on Friday in Manhattan federal "
    "court, alleging a conspiracy to disrupt the election. Tom Perez said the lawsuit was overdue.",
    "Democrats take Moscow to court\n\nThe Democratic Party filed a lawsuit against the Kremlin on "
    "Friday. Democrats accuse Moscow of a campaign of hacking. Perez called the case necessary.",
    "EU fines search giant\n\nThe European Commission fined Alphabet on Tuesday. "
    "The E.U. said the fine punished abuse of market power. Kim Lindqvist welcomed the decision.",
    "Record penalty\n\nThe EU imposed a record fine on Alphabet on Tuesday. Lindqvist, who "
    "campaigned for it, said the fine was fair.",
)


@cache
def extractions() -> tuple[Extraction, ...]:
    return tuple(extract(t, published="2031-04-20") for t in REPORTS)


@cache
def coref() -> Coreference:
    return resolve(list(REPORTS), list(extractions()))


def _key(doc: int, name: str) -> str:
    ex = extractions()[doc]
    for e in ex.entities:
        if name in e.aliases or e.name == name:
            return e.key
    raise AssertionError(f"{name!r} not found in report {doc}: {[e.name for e in ex.entities]}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ((0, "DNC"), (1, "Democratic Party"), "party"),
        ((1, "Democrats"), (0, "DNC"), "party"),
        ((0, "Russian government"), (1, "Kremlin"), "metonymy"),
        ((0, "Tom Perez"), (1, "Perez"), ""),
        ((2, "E.U."), (3, "EU"), ""),
        ((2, "European Commission"), (3, "EU"), "spokesperson body"),
        ((2, "Kim Lindqvist"), (3, "Lindqvist"), ""),
    ],
)
def test_aliases_across_reports_share_one_cluster_with_evidence(
    a: tuple[int, str], b: tuple[int, str], kind: str
) -> None:
    c = coref()
    link = c.same_entity(a[0], _key(*a), b[0], _key(*b))
    assert link is not None, (a, b, c.entity(a[0], _key(*a)), c.entity(b[0], _key(*b)))
    assert link.reason
    if kind:
        assert kind in link.reason


@pytest.mark.slow
def test_different_actors_stay_apart() -> None:
    c = coref()
    assert c.same_entity(0, _key(0, "DNC"), 1, _key(1, "Kremlin")) is None
    assert c.same_entity(2, _key(2, "Alphabet"), 3, _key(3, "EU")) is None


def _claim_at(doc: int, word: str) -> tuple[int, int]:
    text = REPORTS[doc]
    at = text.index(word)
    return at, at + len(word)


@pytest.mark.slow
def test_same_act_in_other_words_is_one_event() -> None:
    c = coref()
    link = c.same_event(2, _claim_at(2, "fined"), 3, _claim_at(3, "imposed"))
    assert link is not None and "same event because" in link.reason


@pytest.mark.slow
def test_same_verb_with_other_parties_is_another_event() -> None:
    # one suit names Ortiz as a defendant; another, against another company, names Brandt
    texts = [
        "Suit filed\n\nHalvorsen Bank sued Ortiz Logistics in March. The complaint names Ana "
        "Ortiz as a defendant.",
        "Bank in court\n\nHalvorsen Bank filed a suit against Ortiz Logistics in March, naming "
        "Ana Ortiz as a defendant.",
        "Another case\n\nGreta Brandt was named as a defendant in a separate suit brought by "
        "Polar Freight in 2029 over unpaid invoices.",
    ]
    exs = [extract(t, published="2031-04-20") for t in texts]
    c = resolve(texts, exs)
    at = [texts[0].index("names"), texts[1].index("naming"), texts[2].index("named")]
    same = c.same_event(0, (at[0], at[0] + 5), 1, (at[1], at[1] + 6))
    other = c.same_event(0, (at[0], at[0] + 5), 2, (at[2], at[2] + 5))
    assert other is None
    sued = c.same_event(0, _span(texts[0], "sued"), 1, _span(texts[1], "filed"))
    assert sued is not None or same is not None


def _span(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    return at, at + len(word)


def _partition(c: Coreference, order: Sequence[int]) -> frozenset[frozenset[tuple[str, str]]]:
    """Entity and event clusters as sets of (report text, mention), whatever the doc indices."""
    groups: dict[str, set[tuple[str, str]]] = {}
    for (d, key), ref in c.entities.items():
        groups.setdefault(ref.cluster, set()).add((REPORTS[order[d]], key))
    for (d, s, e), cluster in c.events.items():
        groups.setdefault(cluster, set()).add((REPORTS[order[d]], f"{s}-{e}"))
    return frozenset(frozenset(g) for g in groups.values())


@pytest.mark.slow
@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(REPORTS))))
def test_clusters_do_not_depend_on_document_order(order: list[int]) -> None:
    exs = extractions()
    base = resolve(list(REPORTS), list(exs), embedder=BagOfWordsEmbedder())
    shuffled = resolve(
        [REPORTS[i] for i in order], [exs[i] for i in order], embedder=BagOfWordsEmbedder()
    )
    assert _partition(shuffled, order) == _partition(base, range(len(REPORTS)))


class CountingEmbedder(BagOfWordsEmbedder):
    """BagOfWordsEmbedder that records what it was asked to embed."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += list(texts)
        return super().encode(texts)


@pytest.mark.slow
def test_known_sentence_vectors_are_not_embedded_again() -> None:
    exs = extractions()
    sentences = {
        text[s.start : s.end] for text, ex in zip(REPORTS, exs, strict=True) for s in ex.sentences
    }
    known = dict(
        zip(sorted(sentences), BagOfWordsEmbedder().encode(sorted(sentences)), strict=True)
    )
    counting = CountingEmbedder()
    got = resolve(list(REPORTS), list(exs), embedder=counting, known_vectors=known)
    assert counting.asked and not set(counting.asked) & sentences
    base = resolve(list(REPORTS), list(exs), embedder=BagOfWordsEmbedder())
    assert _partition(got, range(len(REPORTS))) == _partition(base, range(len(REPORTS)))
