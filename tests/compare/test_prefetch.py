"""Speed work in compare that must change nothing: the embedding prefetch thread and the
pair scores computed as matrices."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from newsprism.api import read
from newsprism.compare import align as al
from newsprism.compare import compare_articles, vectors
from newsprism.extract import extract, link_across
from tests.compare.conftest import VALMORA, VALMORA_OUTLETS, valmora_comparison


def _articles() -> list:
    files = sorted(VALMORA.iterdir())
    return [
        read(p, published="2031-10-14", outlet=o)[0]
        for p, o in zip(files, VALMORA_OUTLETS, strict=True)
    ]


def test_prefetched_embeddings_give_the_comparison_computed_after_extraction() -> None:
    articles = _articles()
    given = compare_articles(articles, extractions=[extract(a) for a in articles])
    assert valmora_comparison().to_dict() == given.to_dict()


def test_the_prefetch_thread_ends_when_an_extraction_fails(monkeypatch) -> None:
    articles = _articles()
    calls = []

    def failing(article):  # the second report cannot be read
        calls.append(article)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return extract(article)

    monkeypatch.setattr(vectors, "extract", failing)
    with pytest.raises(RuntimeError, match="boom"):
        compare_articles(articles)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
        t.name == "newsprism-embed-prefetch" for t in threading.enumerate()
    ):
        time.sleep(0.05)
    assert not any(t.name == "newsprism-embed-prefetch" for t in threading.enumerate())


def _bonus_one_pair_at_a_time(units, scores) -> None:
    """The pair loop pair_scores ran before pair_bonus (kept here as the reference)."""
    src = [u.source for u in units]
    classes = [al.action_class(u.claim.action) for u in units]
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if src[i] == src[j]:
                continue
            ui, uj = units[i], units[j]
            a, b = ui.keys - set(ui.attribution), uj.keys - set(uj.attribution)
            bonus = 0.12 * (len(a & b) / len(a | b) if a and b else 0.0)
            if classes[i] == classes[j]:
                bonus += 0.05
            if ui.speakers and set(ui.speakers) & set(uj.speakers):
                bonus += 0.05
            if ui.negated and uj.negated:
                bonus += 0.04
            elif classes[i] not in al.LIGHT_VERBS and classes[j] not in al.LIGHT_VERBS:
                bonus -= 0.03
            short = min(ui.words, uj.words)
            if short < 6:
                bonus -= 0.02 * (6 - short)
            scores[i, j] += bonus
            scores[j, i] += bonus


def test_pair_bonus_is_bitwise_the_pair_loop() -> None:
    articles = _articles()
    exs = link_across([extract(a) for a in articles])
    units = al.build_units(exs, [a.text for a in articles], [a.title for a in articles])
    base = np.random.default_rng(0).standard_normal((len(units), len(units))).astype(np.float32)
    expected = base.copy()
    _bonus_one_pair_at_a_time(units, expected)
    got = base.copy()
    src = np.array([u.source for u in units])
    cross = src[:, None] != src[None, :]
    got[cross] += al.pair_bonus(units, [al.action_class(u.claim.action) for u in units])[
        cross
    ].astype(np.float32)
    assert np.array_equal(got, expected)
