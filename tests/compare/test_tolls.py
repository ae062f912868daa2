"""Tolls read beside their fate words and compared across reports (compare/tolls.py)."""

from __future__ import annotations

import re

from newsprism.compare import Comparison, compare_articles, tolls
from newsprism.compare.tolls import Toll
from tests.compare.test_checks import _article


def _read(text: str, source: int = 0) -> list[Toll]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    return tolls.tolls_in(source, text, sentences)


def _shown(text: str) -> list[tuple[str, str, float, str]]:
    return [(t.fate, t.counted, t.value, text[t.read_start : t.read_end]) for t in _read(text)]


def test_a_toll_is_read_in_each_of_its_shapes() -> None:
    text = (
        "Ten people were killed and at least 50 injured when the quake struck, killing 10 people "
        "and injuring 80. Two dead, one wounded in Varrow shooting. The gunman killed two women "
        "and wounded one man. Police said 218 people had been arrested. The death toll rose to 12."
    )
    assert _shown(text) == [
        ("dead", "people", 10, "Ten people were killed"),
        ("hurt", "people", 50, "at least 50 injured"),
        ("dead", "people", 10, "killing 10 people"),
        ("hurt", "people", 80, "injuring 80"),
        ("dead", "people", 2, "Two dead"),
        ("hurt", "people", 1, "one wounded"),
        ("dead", "woman", 2, "killed two women"),
        ("hurt", "man", 1, "wounded one man"),
        ("held", "people", 218, "218 people had been arrested"),
        ("dead", "people", 12, "death toll rose to 12"),
    ]
    (x,) = _read("At least 50 were injured.")
    assert (x.low, x.high, x.exact, x.qualifier) == (50, float("inf"), False, "At least")
    (y,) = _read("Almost 50 were injured.")
    assert (y.low, y.high) == (0, 50)
    # those taken to hospital are a toll of their own, not the injured
    text = "Forty-six officers were injured, and 11 were taken to hospital."
    assert [(t.fate, t.value) for t in _read(text)] == [("hurt", 46), ("hospital", 11)]
    # whom a toll counts, each noun to the one it means
    (z,) = _read("Nine police officers were hurt.")
    assert z.counted == "officer" and tolls.counted_shown(z.counted) == "officers"
    # figures written with a space after the thousands comma, as some wires print them
    (w,) = _read("It struck Qeshm, wounding around 1, 400.")
    assert w.value == 1400 and not w.exact


def test_what_is_not_a_whole_toll() -> None:
    # a part of a toll told elsewhere, an increment, a degree of injury
    assert _shown("30 of the 80 wounded stayed in hospital.") == [
        ("hurt", "people", 80, "80 wounded")
    ]
    assert _read("Among them, three children were killed.") == []
    assert _read("Rescuers found another two dead on Friday.") == []
    assert _read("Five were seriously injured.") == []
    assert _read("Four people died at the scene, and a man died in hospital later.") == []
    assert _read("Two more were killed on Friday.") == []
    # another happening: a past year, or "earlier"
    assert _read("A 2005 quake nearby killed 612 people.") == []
    assert _read("An earlier quake injured 40 people.") == []
    # a toll since revised
    assert _read("Police had initially put the toll at four dead and 15 wounded.") == []
    assert _read("Police first said 15 had been wounded; the figure fell to 14.") == []
    assert _read("The death toll had stood at 14 at dawn.") == []
    # ... but a toll told with the figure it revises stands, without that figure
    text = "The toll stood at 20, with 42 wounded, revising an earlier total of 21."
    assert _shown(text) == [
        ("hurt", "people", 42, "42 wounded"),
        ("dead", "people", 20, "toll stood at 20"),
    ]
    # the worst day the town has known is today's
    assert _shown("Five were killed and sixteen others were wounded in the worst attack.") == [
        ("dead", "people", 5, "Five were killed"),
        ("hurt", "people", 16, "sixteen others were wounded"),
    ]
    # a toll told as it rose: only the toll it rose to
    text = "Arrests rose to 231, from the 218 announced, after 13 people were detained."
    assert _read(text) == []
    assert _shown("The death toll rose to 12 from 10.") == [
        ("dead", "people", 12, "death toll rose to 12")
    ]
    # a figure of something else after the act, or the toll's other words
    assert _read("The raid killed 26 Somali pirates.") == []
    assert _read("The death toll from the collision of two ferries was not given.") == []
    # a magnitude or a year is no toll
    assert _read("The 6.1 quake killed nobody.") == []


def _t(source: int, value: float, text: str = "x", exact: bool = True) -> Toll:
    high = value if exact else float("inf")
    return Toll(source, "dead", "people", value, value, high, 0, 1, 0, 1, hash(text) % 97)


def test_disputes_gather_the_reports_of_one_toll() -> None:
    found = [_t(0, 10), _t(1, 10), _t(2, 12), _t(3, 10, exact=False), _t(4, 3, "other")]

    def alike(x: Toll, y: Toll) -> bool:
        return 4 not in (x.source, y.source)  # report 4 tells of another happening

    (d,) = tolls.disputes(found, alike)
    assert [t.source for t in d.tolls] == [0, 1, 2]  # "at least 10" can be right with 12
    # a report giving two figures of one toll is not read for it
    assert tolls.disputes([*found, _t(2, 10, "again")], alike) == []
    # figures both can be right are no dispute
    assert tolls.disputes([_t(0, 10), _t(1, 10, exact=False)], alike) == []


def _compare(*texts: str, days: tuple[str, ...] = ()) -> Comparison:
    days = days or ("2031-05-07",) * len(texts)
    return compare_articles(
        [_article(t, f"r{n}", d) for n, (t, d) in enumerate(zip(texts, days, strict=True))]
    )


LEAD = "A gas explosion tore through the Harl Street market in Varrow on Tuesday morning."
TAIL = "Mayor Ina Corvel said the market would stay closed until Friday."


def test_one_toll_told_two_ways_is_a_high_number_dispute_citing_every_report() -> None:
    c = _compare(
        f"{LEAD} Four people were killed and 23 were injured in the blast, police said. {TAIL}",
        f"{LEAD} The explosion killed four people and injured 32, according to police. {TAIL}",
        f"{LEAD} Police said four people died and 23 people were injured in the blast. {TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    assert x.summary.startswith("Different numbers of people hurt")
    values = {e.source: e.value for e in x.evidence}
    assert values == {"S1": "23 people", "S2": "32 people", "S3": "23 people"}
    assert "one toll told" in x.basis


def test_a_toll_that_rose_in_a_later_report_is_an_update() -> None:
    c = _compare(
        f"{LEAD} Four people were killed in the blast, police said. {TAIL}",
        f"{LEAD} The explosion killed four people, according to police. {TAIL}",
        f"{LEAD} Police said six people died in the blast. {TAIL}",
        days=("2031-05-07", "2031-05-07", "2031-05-08"),
    )
    (x,) = [x for x in c.contradictions if "one toll told" in x.basis]
    assert x.update and not x.high
    assert "update" in x.note


def test_tolls_of_two_happenings_are_no_dispute() -> None:
    c = _compare(
        f"{LEAD} Four people were killed in the blast, police said. {TAIL}",
        f"{LEAD} The explosion killed four people, according to police. {TAIL}",
        f"{LEAD} In a separate crash on the ring road that evening, two drivers were hurt and "
        f"nine people were killed when a lorry overturned. {TAIL}",
    )
    assert not [x for x in c.contradictions if "one toll told" in x.basis]


def test_tolls_far_apart_are_two_happenings() -> None:
    def alike(x: Toll, y: Toll) -> bool:
        return True

    # "killing 10 people and injuring 80" / "it killed 612 people and injured more than 1,400"
    # (a quake years before, told in the next sentence)
    assert tolls.disputes([_t(0, 10), _t(1, 612)], alike) == []
    assert len(tolls.disputes([_t(0, 10), _t(1, 12)], alike)) == 1


def test_fewer_missing_in_a_later_report_is_an_update() -> None:
    lead = "Cyclone Ossory struck the coast of Haldreth province late on Tuesday."
    c = _compare(
        f"{lead} Nine people were missing, among them the crew of a trawler, officials said.",
        f"{lead} Nine people are still missing, including the crew of a trawler.",
        f"{lead} Six people were still missing, down from nine on Wednesday evening.",
        days=("2033-10-19", "2033-10-19", "2033-10-20"),
    )
    (x,) = [x for x in c.contradictions if "one toll told" in x.basis]
    assert x.update and not x.high and "missing" in x.note
    assert {e.source: e.value for e in x.evidence} == {
        "S1": "9 people",
        "S2": "9 people",
        "S3": "6 people",
    }


def test_fewer_missing_the_same_day_is_a_dispute() -> None:
    lead = "Cyclone Ossory struck the coast of Haldreth province late on Tuesday."
    c = _compare(
        f"{lead} Nine people were missing, among them the crew of a trawler, officials said.",
        f"{lead} Six people were missing, among them the crew of a trawler, officials said.",
    )
    (x,) = [x for x in c.contradictions if "one toll told" in x.basis]
    assert x.high and not x.update


def test_a_toll_replaces_only_the_claim_dispute_of_its_own_figures() -> None:
    # the same sentences count villages too: that dispute stays beside the toll's
    from newsprism.compare.build import _Disputes
    from newsprism.compare.types import Contradiction, Span

    def dispute(focus: tuple[int, int], basis: str = "", counts: str = "7 5") -> Contradiction:
        sides = tuple(
            Span(s, 0, 100, "x", value=v, focus_start=focus[0], focus_end=focus[1])
            for s, v in zip(("S1", "S2"), counts.split(), strict=True)
        )
        return Contradiction("", "number", 0.9, sides, summary="", basis=basis)

    d = _Disputes()
    d.add(dispute((10, 20), counts="12 15"), 0)  # the villages
    d.add(dispute((40, 50)), 0)  # the injured, read from the claims
    d.add_reading(dispute((35, 55), "one toll told"), 0, "number")
    assert [(c.id, c.basis) for c in d.found] == [("C1", ""), ("C2", "one toll told")]


RIOT = "Inmates took over C Wing of Harrowgate prison on Tuesday afternoon."


def test_a_toll_against_a_report_whose_toll_is_another_figure_is_no_dispute() -> None:
    # "14 guards is the safe minimum" is no count of the guards hurt: its report gives that toll
    # as nine
    minimum = "The guards' union says 14 guards is the safe minimum for the wing."
    c = _compare(
        f"{RIOT} Nine guards were injured in the riot, the prison service said. {minimum}",
        f"{RIOT} The prison service said nine guards were hurt in the riot. {minimum}",
        f"{RIOT} Eleven guards were injured in the riot, the prison service said.",
    )
    numbers = [x for x in c.contradictions if x.type == "number"]
    assert [x.summary for x in numbers] == [
        "Different numbers of guards hurt: S1, S2 say 9 guards; S3 says 11 guards"
    ]


def test_two_reports_first_tolls_are_compared_however_their_sentences_go_on() -> None:
    def alike(x: Toll, y: Toll) -> bool:
        return False  # the sentences around the figures tell it too differently

    def leads_alike(x: Toll, y: Toll) -> bool:
        return True

    first = [_t(0, 20), _t(1, 26)]
    assert tolls.disputes(first, alike) == []
    (d,) = tolls.disputes(first, alike, leads_alike)
    assert [t.value for t in d.tolls] == [20, 26]
    # a report giving two figures is read for its first: "killed 26 people" and, later, "had
    # killed two people at the camp"
    later = Toll(1, "dead", "people", 2, 2, 2, 50, 51, 50, 51, 50)
    (d,) = tolls.disputes([*first, later], alike, leads_alike)
    assert [t.value for t in d.tolls] == [20, 26]
    # a toll told after the first is no lead: it needs sentences told alike
    then = Toll(1, "dead", "people", 24, 24, 24, 50, 51, 50, 51, 50)
    assert tolls.disputes([_t(0, 20), _t(1, 20), then], alike, leads_alike) == []
    # nor when the report gives the other's figure too, later on (a toll told as it rose)
    risen = Toll(0, "dead", "people", 26, 26, 26, 80, 81, 80, 81, 80)
    assert tolls.disputes([*first, risen], alike, leads_alike) == []


CAMP = "A soldier opened fire at the Varrow garrison and a shopping centre on Saturday."


def test_the_tolls_reports_open_with_are_one_happenings() -> None:
    c = _compare(
        f"{CAMP} Officials said on Sunday that the death toll stood at 20, with 42 wounded, "
        "revising an earlier total of 21. The gunman was shot dead by commandos at dawn.",
        f"Commandos on Sunday shot dead a soldier who killed 26 people and wounded 57 in the "
        f"worst rampage in the country's history. {CAMP} He had first killed two people at the "
        "garrison armoury.",
    )
    numbers = sorted(x.summary for x in c.contradictions if "one toll told" in x.basis and x.high)
    assert numbers == [
        "Different numbers of people hurt: S1 says 42 people; S2 says 57 people",
        "Different numbers of people killed: S1 says 20 people; S2 says 26 people",
    ]


def test_a_toll_of_a_separate_happening_is_not_the_storys() -> None:
    text = "In a separate crash on the ring road that evening, nine people were killed."
    assert _read(text) == []


def test_a_toll_told_as_lives_deaths_or_custody_is_read() -> None:
    text = (
        "The blast claimed 14 lives. There were 20 fatalities on the motorway. Twenty-six people "
        "lost their lives. Nine people have died. Two men were taken into custody."
    )
    assert [(fate, value, read) for fate, _, value, read in _shown(text)] == [
        ("dead", 14, "claimed 14 lives"),
        ("dead", 20, "20 fatalities"),
        ("dead", 26, "Twenty-six people lost their lives"),
        ("dead", 9, "Nine people have died"),
        ("held", 2, "Two men were taken into custody"),
    ]


def test_one_of_a_toll_is_shown_singular() -> None:
    assert tolls.counted_shown("people", 1) == "person"
    assert tolls.counted_shown("officer", 1) == "officer"
    assert tolls.counted_shown("people", 2) == tolls.counted_shown("people") == "people"
    assert tolls.counted_shown("child", 3) == "children"


def test_a_toll_as_it_stood_at_an_earlier_moment_is_not_the_storys() -> None:
    text = (
        "The death toll rose to seven early yesterday, when divers reached the hull. Four "
        "people had been confirmed dead by Saturday afternoon."
    )
    assert [(value, read) for _, _, value, read in _shown(text)] == [
        (7, "death toll rose to seven")
    ]
