"""A report a person can read, end to end on small fictional reports (written for these tests):
additions are whole sentences, each once, never a shared fact's sentence, never page furniture;
reports in a language the claim comparison does not read get one notice, in every format."""

from __future__ import annotations

import json

import pytest

from newsprism.compare import Comparison, compare_articles
from newsprism.compare.build import is_furniture
from newsprism.report import render_html, render_json, render_markdown, render_text
from tests.compare.test_checks import _article

ORREL_A = (
    "The town council of Orrel voted on Monday to close the old Tavel footbridge. "
    "Mayor Ilsa Brant said the bridge was no longer safe for crowds. "
    "Denying any financial motivation, Brant said the closure was about safety alone, and "
    "the repairs would be paid from the town's reserve fund. "
    "Engineers found cracks in two of the bridge's four piers last autumn. "
    "Click here to read more about the bridge. "
    "Follow us on Facebook for more local news."
)
ORREL_B = (
    "Orrel's council voted on Monday to shut the Tavel footbridge. "
    "The mayor, Ilsa Brant, said the old bridge was no longer safe for crowds. "
    "Shopkeepers on the east bank fear they will lose customers while the bridge is closed. "
    "Veuer's Nick Cardona has that story. "
    "This story has been updated."
)

MIRBACH_A = (
    "Brand in der Altstadt von Mirbach: Feuerwehr rettet zwölf Bewohner\n\n"
    "In der Nacht zum Sonntag ist in der Altstadt von Mirbach ein Wohnhaus in Brand geraten. "
    "Die Feuerwehr war mit mehr als 60 Einsatzkräften vor Ort und hat zwölf Bewohner aus dem "
    "Gebäude gerettet. Nach Angaben der Polizei wurde niemand schwer verletzt. Die Ursache des "
    "Feuers ist noch nicht bekannt."
)
MIRBACH_B = (
    "Großeinsatz in Mirbach: Wohnhaus brennt in der Nacht\n\n"
    "Ein Feuer hat in der Nacht auf Sonntag ein Haus in der Mirbacher Altstadt schwer "
    "beschädigt. Zwölf Menschen wurden von der Feuerwehr aus dem brennenden Haus geholt, die "
    "meisten über Drehleitern. Verletzt wurde nach ersten Angaben der Polizei niemand schwer. "
    "Die Kriminalpolizei hat die Ermittlungen zur Brandursache aufgenommen."
)


@pytest.fixture(scope="module")
def orrel() -> Comparison:
    return compare_articles([_article(ORREL_A, "a"), _article(ORREL_B, "b")])


@pytest.fixture(scope="module")
def mirbach() -> Comparison:
    return compare_articles([_article(MIRBACH_A, "a"), _article(MIRBACH_B, "b")])


def test_additions_are_whole_sentences_once(orrel: Comparison) -> None:
    texts = {"S1": ORREL_A, "S2": ORREL_B}
    assert orrel.additions
    for a in orrel.additions:
        body = texts[a.source]
        assert body[a.span.start : a.span.end] == a.span.text
        # a whole sentence: it starts where one starts and ends with its full stop
        assert a.span.start == 0 or body[a.span.start - 2] in ".!?", a
        assert a.text[0].isupper() and a.text.endswith("."), a
    # the participle clause comes with the rest of its sentence, never alone
    denying = [a for a in orrel.additions if "Denying any financial" in a.text]
    assert [a.text for a in denying] == [
        "Denying any financial motivation, Brant said the closure was about safety alone, and "
        "the repairs would be paid from the town's reserve fund."
    ]
    spans = [(a.source, a.span.start) for a in orrel.additions]
    assert len(spans) == len(set(spans))


def test_no_addition_is_also_a_shared_fact(orrel: Comparison) -> None:
    told = {f.summary for f in orrel.shared}
    assert told  # the vote and the mayor's words are shared
    assert not [a for a in orrel.additions if a.text in told]


def test_page_furniture_is_no_addition(orrel: Comparison) -> None:
    for a in orrel.additions:
        assert not any(w in a.text for w in ("Click here", "Follow us", "Cardona", "updated")), a
    assert any("Shopkeepers" in a.text for a in orrel.additions)


@pytest.mark.parametrize(
    "sentence",
    [
        "Veuer's Nick Cardona has that story.",
        "Click here to sign up for alerts.",
        "Follow us on Twitter.",
        "This story has been updated.",
        "(Reporting by Ana Ferreira-Holt; Editing by Mark Delacroix)",
        "THE CLARION SAYS",
        "The Associated Press contributed to this report.",
    ],
)
def test_furniture_patterns(sentence: str) -> None:
    assert is_furniture(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the story of the bridge was a long one.",
        "Police followed the suspects on foot.",
        "NATO leaders met in London.",
        "The council has updated its flood plan.",
    ],
)
def test_statements_are_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)


def test_german_reports_get_one_notice(mirbach: Comparison) -> None:
    assert [s.language for s in mirbach.sources] == ["de", "de"]
    (n,) = mirbach.notices
    assert n.kind == "language" and n.sources == ("S1", "S2")
    assert "S1 and S2 are in German" in n.text and "English only" in n.text
    assert not mirbach.additions and not mirbach.contradictions and not mirbach.agreed
    assert all(v == "unread" for r in mirbach.matrix for _, v in r.cells)


def test_the_notice_is_in_every_format(mirbach: Comparison) -> None:
    (n,) = mirbach.notices
    d = json.loads(render_json(mirbach))
    assert d["notices"][0]["text"] == n.text
    assert d["notices"][0]["languages"] == {"S1": "de", "S2": "de"}
    text, md, page = render_text(mirbach), render_markdown(mirbach), render_html(mirbach)
    assert n.text in text and "S1 and S2 are in German" in md and "S1 and S2 are in German" in page
    for out in (text, md, page):
        assert "none found" not in out.lower()  # nothing was compared, not nothing shared
        assert "not compared" in out.lower()
