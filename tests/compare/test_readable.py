"""A report a person can read, end to end on small fictional reports (written for these tests):
additions are whole sentences, each once, never a shared fact's sentence, never page furniture;
reports in a language the claim comparison does not read get one notice, in every format."""

from __future__ import annotations

import json
import re

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


def _quake(magnitude: str, town_said: str) -> str:
    return (
        f"Magnitude {magnitude} quake shakes Dorvel\n\n"
        f"A magnitude {magnitude} earthquake struck the hill town of Dorvel early on Sunday, "
        f"the national seismology office said. {town_said} "
        "Rescue teams from Halvik searched two collapsed barns through the morning. "
        f"The {magnitude} tremor was felt as far away as the coast, residents said."
    )


def test_one_count_disputed_on_several_claims_is_shown_once() -> None:
    # the headline, the lead and a later sentence each give the magnitude: one dispute, every
    # report cited once, not the same figures disputed three times
    c = compare_articles(
        [
            _article(_quake("5.2", "Windows broke across the old market square."), "r0"),
            _article(_quake("5.2", "Mayor Tilde Orsk said no one had been killed."), "r1"),
            _article(_quake("5.4", "Two schools were closed for inspection."), "r2"),
        ]
    )
    numbers = [x for x in c.contradictions if x.type == "number"]
    assert len(numbers) == 1, [x.summary for x in numbers]
    (x,) = numbers
    assert x.high
    assert sorted(e.source for e in x.evidence) == ["S1", "S2", "S3"]
    # one value per figure, however each claim words what it measures ("5.2 quake", "5.2 tremor")
    assert re.fullmatch(r"Different numbers: S1, S2 say 5\.2 \w+; S3 says 5\.4 \w+", x.summary)


def test_two_quantities_with_a_report_giving_each_stay_two_disputes() -> None:
    # S3 gives the shots fired in one dispute and the bullets that hit in the other: two
    # quantities, though the other reports give the same figures in both
    from newsprism.compare.build import _Disputes
    from newsprism.compare.types import Contradiction, Span

    def dispute(values: dict[str, str]) -> Contradiction:
        sides = tuple(Span(s, 0, 10, "x", value=v) for s, v in values.items())
        return Contradiction("", "number", 0.9, sides, summary="Different numbers: x")

    d = _Disputes()
    d.add(dispute({"S1": "11 shots", "S2": "7 bullets", "S3": "11 shots"}), 0)
    d.add(dispute({"S1": "11 shots", "S2": "7 bullets", "S3": "7 bullets"}), 1)
    assert len(d.found) == 2
    d.add(dispute({"S1": "11 shots fired", "S2": "7 bullets", "S4": "7 bullets"}), 2)
    assert len(d.found) == 2  # joined the first: S1 and S2 give the same figures in it
    assert [e.source for e in d.found[0].evidence] == ["S1", "S2", "S3", "S4"]
    assert d.of_fact(2) == (d.found[0].id,)


def test_an_unsure_dispute_never_takes_in_a_sure_one() -> None:
    # four figures kept unsure (several quantities) would become sure by taking in a sure pair
    from newsprism.compare.build import _Disputes
    from newsprism.compare.types import Contradiction, Span

    def dispute(values: dict[str, str], confidence: float) -> Contradiction:
        sides = tuple(Span(s, 0, 10, "x", value=v) for s, v in values.items())
        # both read as updates (the later report higher): neither is shown high as it stands
        note = "The higher count comes from the later report."
        return Contradiction(
            "", "number", confidence, sides, summary="Different numbers: x", note=note, update=True
        )

    d = _Disputes()
    d.add(dispute({"S1": "95 rodans", "S3": "100 rodans", "S4": "110 rodans"}, 0.6), 0)
    d.add(dispute({"S3": "100 rodans", "S4": "110 rodans"}, 0.75), 0)
    assert [x.confidence for x in d.found] == [0.6, 0.75]


def test_words_credited_apart_in_claims_and_in_quotations_are_one_dispute() -> None:
    # the quotation read whole (two reports) and its claim (three reports) show one dispute
    lead = "Fire crews fought a blaze at the Tarrow shipyard on Monday night."
    words = "the old east yard was a powder keg with far too few people minding the fuse at night"
    said = f'{lead} "We warned the board for a year that {words},"'
    c = compare_articles(
        [
            _article(f"{said} said Hal Brenner, chairman of the Dock Guild.", "r0"),
            _article(f"{said} fumed Ada Voss, branch secretary of the Dock Guild.", "r1"),
            _article(f'{lead} "{words[0].upper()}{words[1:]}," said Hal Brenner.', "r2"),
        ]
    )
    (x,) = [x for x in c.contradictions if x.type == "attribution"]
    assert x.summary.endswith("S1, S3 say Hal Brenner; S2 says Ada Voss")
    assert sorted(e.source for e in x.evidence) == ["S1", "S2", "S3"]


def test_a_huge_group_is_checked_claim_by_closest_claims() -> None:
    # text that says one thing over and over makes one group of hundreds of claims: each claim
    # is checked against its closest few of each other report, not against all of them
    from types import SimpleNamespace

    import numpy as np

    from newsprism.compare.build import PER_SOURCE, WHOLE_GROUP, _pairs_to_check

    n = 3 * WHOLE_GROUP
    units = [SimpleNamespace(source=i % 2) for i in range(n)]
    rng = np.random.default_rng(7)
    scores = rng.random((n, n))
    scores = (scores + scores.T) / 2
    ctx = SimpleNamespace(units=units, scores=scores)
    whole = list(range(n))
    big = _pairs_to_check([whole], [], dict.fromkeys(whole, 0), ctx)  # type: ignore[arg-type]
    assert len(big) <= n * PER_SOURCE
    assert all(units[i].source != units[j].source for i, j in big)
    # each claim keeps its closest claim of the other report
    for i in range(n):
        others = [j for j in range(n) if units[j].source != units[i].source]
        j = max(others, key=lambda j: scores[i, j])
        assert (min(i, j), max(i, j)) in big
    small = list(range(WHOLE_GROUP))
    every = _pairs_to_check([small], [], dict.fromkeys(small, 0), ctx)  # type: ignore[arg-type]
    assert len(every) == WHOLE_GROUP * (WHOLE_GROUP - 1) // 2


def test_one_act_dated_two_ways_in_closely_matching_claims_is_high() -> None:
    # the second report's sentence runs on about other things; its claim matches the first's
    lead = "Thieves stole paintings worth 4 million crowns from the Marl Gallery in Osterby."
    c = compare_articles(
        [
            _article(f"{lead} Police found the getaway van on Sunday night.", "r0", "2026-09-22"),
            _article(
                f"{lead} Insurers have offered a reward of 200,000 crowns, the town's mayor has "
                "called for more patrols on the coast road, and police found the getaway van on "
                "21 September.",
                "r1",
                "2026-09-22",
            ),
        ]
    )
    (x,) = [x for x in c.contradictions if x.type == "date"]
    assert x.high
    assert x.summary.endswith("Sunday night (2026-09-20); S2 says 21 September (2026-09-21)")
