"""The contradiction benchmark's edits: anchored in the claim's own clause, every type made."""

from __future__ import annotations

import random

from newsprism.compare import CONTRADICTION_TYPES
from newsprism.compare.types import Contradiction, Span
from newsprism.embed import CachedEmbedder, MemoryCache, get_embedder
from newsprism.eval.contradictions import (
    CONTROLS,
    _article,
    _at_end,
    _key,
    _negate,
    _plain,
    _quoted,
    _sites,
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


def _anchor_of(text: str, word: str):  # type: ignore[no-untyped-def]
    art = _article(text, "x")
    ex = extract(art)
    claim = next(c for c in ex.claims if word in c.text)
    return anchor(ex, art.text, claim)


def test_only_an_agent_subject_takes_a_name() -> None:
    # someone who acts: a person's or an organisation's name can stand for them
    assert _anchor_of("The company opened the floodgates after midnight.", "opened").subject
    he = _anchor_of("He opened the floodgates after midnight.", "opened").subject
    assert he is not None and he.kind == "person"
    # a thing, a plural, a copula or a passive subject: a name there is no dispute of who did it
    for text, word in (
        ("The old bridge collapsed after midnight.", "collapsed"),
        ("The cause was a fault in the old cable.", "cause"),
        ("Three lawmakers have lost their seats in the vote.", "lost"),
        ("The company was fined by the regulator on Monday.", "fined"),
    ):
        assert _anchor_of(text, word).subject is None, text


def test_the_subject_of_a_passive_is_not_its_actor() -> None:
    a = _anchor_of("Mark Ellison was arrested by the police in the harbour.", "arrested")
    assert a.actor is None
    b = _anchor_of("Mark Ellison arrested the two men in the harbour.", "arrested")
    assert b.actor is not None and b.actor.text == "Mark Ellison"


def test_a_sentence_inside_a_longer_quote_takes_no_edit() -> None:
    text = (
        'The mayor spoke on Monday. "The dam is safe. Crews checked the gates overnight and '
        'found no damage. We will reopen the road," she said. The river fell later.'
    )
    ex = extract(_article(text, "q"))
    inside = next(s for s in ex.sentences if text[s.start : s.end].startswith("Crews"))
    outside = next(s for s in ex.sentences if text[s.start : s.end].startswith("The river"))
    assert _plain(text[inside.start : inside.end])  # no quote mark in the sentence itself
    assert _quoted(ex, inside) and not _quoted(ex, outside)


def test_sites_are_chosen_without_the_comparison() -> None:
    # the dam sentences state one fact; the others do not pair up
    arts = [_article(A, "a"), _article(B, "b")]
    exs = [extract(x) for x in arts]
    embedder = CachedEmbedder(get_embedder(), MemoryCache())
    sites = _sites(arts[0], arts[1], exs, embedder, random.Random(0), 4)
    assert len(sites) == 1
    (sa, sb) = sites[0]
    assert arts[0].text[sa.sent[0] : sa.sent[1]].startswith("Greenlake Energy opened")
    assert arts[1].text[sb.sent[0] : sb.sent[1]].startswith("Greenlake Energy opened")


def _finding(kind: str, *spans: tuple[str, int, int]) -> Contradiction:
    evidence = tuple(Span(s, a, b, "") for s, a, b in spans)
    return Contradiction(id="C1", type=kind, confidence=0.9, evidence=evidence, summary="")


def test_a_finding_is_new_only_when_the_unedited_pair_lacks_it() -> None:
    arts = [_article(A, "a"), _article(B, "b")]
    exs = [extract(x) for x in arts]
    last_a, last_b = exs[0].sentences[-1], exs[1].sentences[-1]
    dam_b = exs[1].sentences[1]
    # the second article's dam sentence grew by 12 characters
    edits = {"S2": (dam_b.start, dam_b.end, dam_b.end + 12)}
    before = _finding("place", ("S1", last_a.start, last_a.end), ("S2", last_b.start, last_b.end))
    after = _finding(
        "place", ("S1", last_a.start, last_a.end), ("S2", last_b.start + 12, last_b.end + 12)
    )
    # after the edit, shifted back: the same finding as on the unedited pair
    assert _key(after, exs, edits) == _key(before, exs, {})
    # of another type, or in the edited sentence: a finding the unedited pair does not have
    assert _key(_finding("date", *[(e.source, e.start + 12, e.end + 12) for e in after.evidence]),
                exs, edits) != _key(before, exs, {})  # fmt: skip
    inside = _finding("place", ("S1", last_a.start, last_a.end), ("S2", dam_b.start + 3, dam_b.end))
    assert _key(inside, exs, edits) == ("place", frozenset({("S1", 2), ("S2", 1)}))
