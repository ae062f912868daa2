"""The contradiction benchmark's edits: anchored in the claim's own clause, every type made."""

from __future__ import annotations

import random

from newsprism.compare import CONTRADICTION_TYPES
from newsprism.eval.contradictions import (
    CONTROLS,
    _article,
    _at_end,
    _negate,
    _plain,
    anchor,
    variants,
)
from newsprism.extract import extract

A = (
    "Heavy rain fell across the valley overnight. Greenlake Energy opened the floodgates of the "
    "Tavel dam after the reservoir rose to a record level. Residents were told to stay indoors."
)
B = (
    "Rain continued for a third day. Greenlake Energy opened the floodgates of the Tavel dam "
    "as the reservoir reached a record level. Schools in the valley stayed closed."
)


def _anchors():  # type: ignore[no-untyped-def]
    arts = [_article(A, "a"), _article(B, "b")]
    exs = [extract(x) for x in arts]
    claims = [
        next(c for c in ex.claims if "opened" in c.text and c.action.startswith("open"))
        for ex in exs
    ]
    return arts, [anchor(ex, x.text, c) for ex, x, c in zip(exs, arts, claims, strict=True)]


def test_every_type_and_control_is_made_inside_the_sentence() -> None:
    arts, (aa, ab) = _anchors()
    assert aa.actor is not None and aa.actor.text == "Greenlake Energy"
    assert aa.insert is not None and ab.insert is not None
    vs = variants(arts[0].text, arts[1].text, aa, ab, random.Random(1))
    kinds = {v.kind for v in vs}
    assert set(CONTRADICTION_TYPES) <= kinds
    assert (
        {"paraphrase", "same_slot", "compatible"}
        <= kinds
        <= set(CONTRADICTION_TYPES) | set(CONTROLS)
    )
    for v in vs:
        # the rest of the second article is untouched; the edit sits in the claim's sentence
        assert v.b_text[: v.b_start] == arts[1].text[: ab.sent[0]]
        assert v.b_text[v.b_end :] == arts[1].text[ab.sent[1] :]
    date = next(v for v in vs if v.kind == "date")
    edited = date.b_text[date.b_start : date.b_end]
    # the time goes at the end of the claim's own clause, before "as the reservoir ..."
    assert edited.index(" on ") < edited.index(" as the reservoir")


def test_polarity_negates_the_claims_own_predicate() -> None:
    arts, (_, ab) = _anchors()
    sent = arts[1].text[ab.sent[0] : ab.sent[1]]
    assert _negate(sent, ab.predicate) == sent.replace("opened", "did not open")


def test_helpers() -> None:
    assert (
        _at_end("The dam held.", ", according to Reuters") == "The dam held, according to Reuters."
    )
    assert not _plain('"We are ready," the mayor said of the coming storm season.')
    assert _plain("The mayor said the town was ready for the coming storm season.")
