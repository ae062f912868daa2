"""Acceptance on the seed pair (../shared): two reports of the same phone call."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract import Extraction, extract, extract_many, link_across
from tests.conftest import SEED_A, SEED_B, need_shared

pytestmark = [pytest.mark.slow, pytest.mark.shared]

ERDOGAN = "person:recep_tayyip_erdogan"
SHARED_KEYS = {
    "person:khalifa_haftar",
    "org:libyan_national_army",
    "place:idlib",
    "country:LY",
    "country:SY",
    "country:TR",
    "country:AE",
    "country:EG",
    "country:RU",
}


def _article_text(path: Path) -> str:
    """First non-empty line as title, the rest as body; whole junk lines (a repeated title, a
    photo credit) dropped as the cleaner would. Inline junk is left for the extractor to
    tolerate."""
    lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    title, body = lines[0], [ln for ln in lines[1:] if ln != lines[0] and not ln.startswith("©")]
    return title + "\n\n" + "\n\n".join(body)


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    return _article_text(need_shared(SEED_A)), _article_text(need_shared(SEED_B))


@pytest.fixture(scope="module")
def pair(texts: tuple[str, str]) -> tuple[Extraction, Extraction]:
    a, b = texts
    return extract(a, published="2020-01-02"), extract(b, published="2020-01-03")


def _forms(ex: Extraction, key: str) -> set[str]:
    return {m.text.casefold() for m in ex.mentions if m.entity_key == key}


def _times(ex: Extraction, word: str) -> list[str | None]:
    return [t.value for t in ex.times if t.text.casefold() == word]


def test_erdogan_is_one_actor_in_each(pair: tuple[Extraction, Extraction]) -> None:
    a, b = pair
    assert {"erdoğan", "recep tayyip erdoğan", "the turkish president"} <= _forms(a, ERDOGAN)
    assert {"erdogan", "recep tayyip erdogan", "the turkish president"} <= _forms(b, ERDOGAN)
    # no second Erdogan identity next to the canonical one
    for ex in pair:
        assert [e.key for e in ex.entities if "erdogan" in e.key] == [ERDOGAN]


def test_trump_is_another_actor(pair: tuple[Extraction, Extraction]) -> None:
    a, b = pair
    linked_a, linked_b = link_across([a, b])
    for ex in (linked_a, linked_b):
        trump = [e for e in ex.entities if e.key == "person:donald_trump"]
        assert trump and "trump" in {x.casefold() for x in trump[0].aliases}
        assert "person:trump" not in {e.key for e in ex.entities}
    # "his US counterpart" (said of Erdogan's meeting) is Trump in the second report
    assert "his us counterpart" in _forms(b, "person:donald_trump")


def test_named_entities_canonical_across_the_pair(pair: tuple[Extraction, Extraction]) -> None:
    a, b = link_across(list(pair))
    keys_a, keys_b = {e.key for e in a.entities}, {e.key for e in b.entities}
    assert keys_a >= SHARED_KEYS | {"country:JO"}
    assert keys_b >= SHARED_KEYS | {
        "org:government_of_national_accord",
        "person:fayez_al_sarraj",
        "country:SA",
        "country:QA",
    }
    assert {"lna", "libyan national army"} <= _forms(b, "org:libyan_national_army")
    assert {"gna", "government of national accord"} <= _forms(
        b, "org:government_of_national_accord"
    )
    assert "ankara" in _forms(a, "country:TR") and "ankara" in _forms(b, "country:TR")
    assert "washington" in _forms(b, "country:US")
    assert "turkish" in _forms(a, "country:TR")


def test_weekdays_resolve_against_publication(pair: tuple[Extraction, Extraction]) -> None:
    a, b = pair
    assert set(_times(a, "thursday")) == {"2020-01-02"}
    assert _times(b, "friday") == ["2020-01-03"]
    assert _times(b, "last year, in november") == ["2019-11"]
    assert _times(b, "earlier in the day") == ["2020-01-03"]


def test_past_friday_is_the_friday_before(texts: tuple[str, str]) -> None:
    ex = extract(texts[1], published="2020-01-02")
    assert _times(ex, "friday") == ["2019-12-27"]


def test_no_date_keeps_weekdays_relative_and_flagged(texts: tuple[str, str]) -> None:
    for text in texts:
        ex = extract(text)
        days = [t for t in ex.times if t.text.casefold() in ("thursday", "friday")]
        assert days and all(t.relative and t.flagged and t.value is None for t in days)


def test_quantities_normalised(pair: tuple[Extraction, Extraction]) -> None:
    a, b = pair
    migrants = [q for q in a.quantities if q.value == 250000]
    assert migrants and migrants[0].counts == "migrants"
    assert migrants[0].normalized.endswith("250000 migrants")
    money = [q for q in b.quantities if q.kind == "money"]
    assert [(q.value, q.unit) for q in money] == [(1e11, "USD")]
    year = [q for q in b.quantities if q.text == "one-year"]
    assert year and (year[0].value, year[0].unit, year[0].counts) == (1, "year", "deployment")
    stay = [q for q in a.quantities if q.text == "two-week"]
    assert stay and stay[0].normalized == "2 week"


def test_white_house_statement_quotes(pair: tuple[Extraction, Extraction]) -> None:
    a, b = pair
    direct_a = [q for q in a.quotes if q.direct and len(q.text.split()) > 5]
    assert len(direct_a) >= 2
    for q in direct_a[:2]:
        assert q.speaker_key == "person:hogan_gidley" and q.source_key == "org:white_house"
    assert direct_a[1].continued  # the second quote continues Gidley's statement
    interference = [q for q in b.quotes if q.direct and "foreign interference" in q.text]
    assert interference and "org:white_house" in interference[0].attributed_to
    added = [q for q in b.quotes if not q.direct and "de-escalation" in q.text]
    assert added and "org:white_house" in added[0].attributed_to


def test_claims_point_back_into_text(pair: tuple[Extraction, Extraction], texts) -> None:
    for ex, text in zip(pair, texts, strict=True):
        assert ex.claims
        for c in ex.claims:
            assert text[c.start : c.end] == c.text
        for m in ex.mentions:
            assert text[m.start : m.end] == m.text
        for t in ex.times:
            assert text[t.start : t.end] == t.text
    agreed = [c for c in pair[0].claims if c.action == "agree"]
    assert agreed and "person:hogan_gidley" in agreed[0].attributed_to
    approve = [c for c in pair[1].claims if c.action == "approve"]
    assert approve and approve[0].actors == ("org:tr_parliament",)


def test_extract_many_matches_extract(texts: tuple[str, str], pair) -> None:
    many = list(extract_many(list(texts), published="2020-01-02"))
    assert many[0] == pair[0]
    assert [t.value for t in many[1].times if t.text == "Friday"] == ["2019-12-27"]
