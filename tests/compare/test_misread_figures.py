"""Figures one report misreads (digits swapped, a decimal point slipped, a time in two units) and
figures of two states that only look alike (children ill, children in hospital)."""

from __future__ import annotations

import pytest

from newsprism.compare import build, slots
from newsprism.extract.types import Quantity
from tests.compare.test_checks import _units
from tests.compare.test_tolls import _compare


def _q(value: float, text: str = "", unit: str = "second", kind: str = "duration") -> Quantity:
    text = text or f"{value:g}"
    return Quantity(text, 0, len(text), value, unit, "", f"{value:g} {unit}", kind)


@pytest.mark.parametrize(
    ("a", "b", "swapped"),
    [
        (46, 64, True),
        (48000, 84000, True),
        (1243, 4213, False),  # not neighbours
        (46, 46, False),
        (46, 47, False),
        (460, 64, False),
        (41.4, 44.1, True),  # the point stays; the digits either side of it are neighbours
        (4.14, 44.1, False),  # the point moved too
    ],
)
def test_digits_swapped_are_neighbours_traded(a: float, b: float, swapped: bool) -> None:
    assert slots.digits_swapped(_q(a), _q(b)) is swapped


def test_a_year_or_a_rough_figure_is_no_misread_one() -> None:
    year = Quantity("2034", 0, 4, 2034, "", "", "2034", "count")
    assert not slots.digits_swapped(year, Quantity("2043", 0, 4, 2043, "", "", "2043", "count"))
    rough = Quantity("about 64", 0, 8, 64, "second", "", "~64 second", "duration", "~", True)
    assert not slots.digits_swapped(_q(46), rough)


@pytest.mark.parametrize(
    ("low", "high", "slip"),
    [(4.6, 46, True), (0.35, 35, True), (1.25, 125, True), (3, 30, False), (4.6, 47, False)],
)
def test_a_decimal_slip_is_the_same_digits_with_the_point_moved(
    low: float, high: float, slip: bool
) -> None:
    assert build._decimal_slip(low, high) is slip


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        (18e6, 80e6, True),  # "eighteen million" / "eighty million"
        (15, 50, True),
        (80, 18, True),
        (17e3, 70e3, True),
        (180, 800, False),  # "a hundred and eighty" sounds nothing like "eight hundred"
        (12, 20, False),  # "twelve" / "twenty"
        (18, 81, False),
        (3, 30, False),
        (15500, 50000, False),
    ],
)
def test_a_teen_and_its_ten_sound_alike(a: float, b: float, alike: bool) -> None:
    assert slots.sound_alike(a, b) is alike


LAB = "Runner Ilse Varnay was stripped of her national title on Tuesday."
LAB_TAIL = "Varnay has said she will appeal to the sports tribunal."
ROCKET = "A Veyra-2 rocket carrying two weather satellites was lost over the sea on Thursday."
ROCKET_TAIL = "The agency said an inquiry would report within 90 days."


@pytest.mark.parametrize(
    ("texts", "odd", "theirs"),
    [
        # a fraction of a measure is no average ("4.6 nanograms"), and ten times apart is one
        # figure written wrong, not two things counted
        (
            [
                f"{LAB} The laboratory found kelvadustat at a concentration of 4.6 nanograms per "
                f"millilitre. {LAB_TAIL}",
                f"{LAB} Her sample held kelvadustat at a concentration of 4.6 nanograms per "
                f"millilitre, the laboratory found. {LAB_TAIL}",
                f"{LAB} The laboratory reported kelvadustat at a concentration of 46 nanograms "
                f"per millilitre. {LAB_TAIL}",
            ],
            ("S3", "46"),
            ("S1", "4.6"),
        ),
        # a time one report misreads, against three that tell it in other words and units
        (
            [
                f"{ROCKET} The range safety officer destroyed the rocket 46 seconds after "
                f"liftoff, officials said. {ROCKET_TAIL}",
                f"{ROCKET} The range safety officer triggered its self-destruct system 64 "
                f"seconds into the flight. {ROCKET_TAIL}",
                f"{ROCKET} The range safety officer destroyed it a minute and four seconds after "
                f"lift-off. {ROCKET_TAIL}",
                f"{ROCKET} The range safety officer commanded flight termination at T+64 "
                f"seconds. {ROCKET_TAIL}",
            ],
            ("S1", "46"),
            ("S2", "64"),
        ),
    ],
)
def test_a_figure_one_report_misreads_is_a_high_number_dispute(
    texts: list[str], odd: tuple[str, str], theirs: tuple[str, str]
) -> None:
    c = _compare(*texts)
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values[odd[0]].startswith(odd[1] + " ")
    assert values[theirs[0]].startswith(theirs[1] + " ")


PORT = "A ransomware attack has halted container traffic at the port of Vellick."
PORT_TAIL = "The port authority said it would not pay."
HEAT = "A heatwave gripped the Tarn basin on Monday."
HEAT_TAIL = "The old record of 40.8 degrees stood for a decade."


@pytest.mark.parametrize(
    ("texts", "days", "odd", "theirs"),
    [
        # a teen heard as its ten, more than three times apart, in a later report that another
        # report of the same day contradicts: no update, one figure told wrong
        (
            [
                f"{PORT} The Greyfin group has demanded 18 million krells in cryptocurrency. "
                f"{PORT_TAIL}",
                f"{PORT} The gang wants 18 million krells in cryptocurrency, officials said. "
                f"{PORT_TAIL}",
                f"{PORT} The Greyfin group has demanded 80 million krells in cryptocurrency. "
                f"{PORT_TAIL}",
                f"{PORT} Greyfin is demanding 18 million krells in cryptocurrency, the authority "
                f"said. {PORT_TAIL}",
            ],
            ("2034-03-15", "2034-03-15", "2034-03-16", "2034-03-16"),
            ("S3", "80,000,000"),
            ("S1", "18,000,000"),
        ),
        # a temperature with its scale written on, and one with two digits swapped round the
        # point
        (
            [
                f"{HEAT} The weather station at Brunnhal recorded 41.4 degrees, a national "
                f"record. {HEAT_TAIL}",
                f"{HEAT} The official thermometer at Brunnhal reached 44.1C, a national record. "
                f"{HEAT_TAIL}",
                f"{HEAT} The weather station at Brunnhal logged a national record of 44.1C. "
                f"{HEAT_TAIL}",
            ],
            (),
            ("S1", "41.4"),
            ("S2", "44.1"),
        ),
    ],
)
def test_a_figure_heard_or_typed_wrong_is_a_high_number_dispute(
    texts: list[str], days: tuple[str, ...], odd: tuple[str, str], theirs: tuple[str, str]
) -> None:
    c = _compare(*texts, days=days)
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    assert not x.update
    values = {e.source: e.value for e in x.evidence}
    assert values[odd[0]].startswith(odd[1] + " ")
    assert values[theirs[0]].startswith(theirs[1] + " ")


def test_two_temperatures_in_claims_told_apart_are_two_readings() -> None:
    c = _compare(
        f"{HEAT} When the lights went out at the care home, the thermometer in its day room "
        f"already read 36C. {HEAT_TAIL}",
        f'{HEAT} "The flat is 33 degrees at midnight," said one resident. {HEAT_TAIL}',
    )
    assert not [x for x in c.contradictions if x.type == "number" and x.high]


OUTBREAK = "Salmonella from school yoghurt has made children ill across the Hobbeln valley."
OUTBREAK_TAIL = "The dairy's plant at Veldmoor was shut on Wednesday."


@pytest.mark.parametrize(
    "ill",
    [
        "Seventy-nine children had fallen ill by Thursday morning, health officials said.",
        # the fate in a relative clause on the children, past an apposition
        "Wilf is one of 79 children, aged between five and 11, who had fallen ill by Thursday "
        "morning, health officials said.",
    ],
)
def test_children_fallen_ill_and_children_in_hospital_are_two_counts(ill: str) -> None:
    c = _compare(
        f"{OUTBREAK} {ill} {OUTBREAK_TAIL}",
        f"{OUTBREAK} Thirty-one children were in hospital on Thursday, health officials said. "
        f"{OUTBREAK_TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "number" and x.high]


def test_a_relative_clause_past_an_apposition_tells_what_befell_the_counted() -> None:
    ill, hospital = _units(
        "Wilf is one of 79 children, aged between five and 11, who had fallen ill by Thursday.",
        "Thirty-one children were in hospital on Thursday.",
    )
    assert slots._fates_differ(ill, ill.quantities[0], hospital, hospital.quantities[0])


APPEAL = "Runner Ilse Varnay lost her appeal against a four-year doping ban on Tuesday."
HEARD = "The panel, chaired by retired judge Edda Rasmund, heard the case"


@pytest.mark.parametrize("other", ["on 2 and 3 October", "on 3 October"])
def test_two_days_told_together_are_not_set_against_either_day(other: str) -> None:
    c = _compare(
        f"{APPEAL} {HEARD} over two days, on Oct. 2 and 3.",
        f"{APPEAL} {HEARD} {other}.",
        days=("2034-10-18", "2034-10-19"),
    )
    assert not [x for x in c.contradictions if x.type == "date"]


def test_two_days_told_together_against_a_day_outside_them_is_a_date_dispute() -> None:
    c = _compare(
        f"{APPEAL} {HEARD} over two days, on Oct. 2 and 3.",
        f"{APPEAL} {HEARD} on 6 October.",
        days=("2034-10-18", "2034-10-19"),
    )
    (x,) = [x for x in c.contradictions if x.type == "date"]
    assert "2034-10-02/2034-10-03" in x.summary


def test_a_fate_word_inside_a_hyphened_word_tells_no_fate() -> None:
    (u,) = _units("The ill-fated ferry carried 120 passengers when it left Port Sallow.")
    assert slots._fate(u, u.quantities[0]) == ""


@pytest.mark.parametrize(
    ("a", "b", "slipped"),
    [
        (4200, 42000, True),
        (13500, 1350, True),
        (3, 30, False),  # one digit: "3 miners" / "30 miners" are as often two counts
        (200, 2000, False),  # a round figure ten times another
        (4200, 420000, False),  # two zeros
        (4200, 42001, False),
        (4.2, 42, False),  # a point moved, which the decimal-slip rule reads
    ],
)
def test_a_zero_slipped_in_is_one_figure_written_wrong(a: float, b: float, slipped: bool) -> None:
    assert slots.zero_slipped(a, b) is slipped


SPILL = "The tanker Corvo Star ran aground in the Vessen Strait on Monday."
SPILL_TAIL = "Fishing has been banned within ten miles of the wreck."
CAVE = "Nine cavers trapped by floodwater in the Harrowdeep cave were reached on Tuesday."
CAVE_TAIL = "Divers will bring them out one by one."


@pytest.mark.parametrize(
    ("texts", "odd", "theirs"),
    [
        # a zero too many, in a tabloid's words, against three reports given "about" the figure
        (
            [
                f"{SPILL} About 3,600 tonnes of crude oil have escaped from the ship, the "
                f"coastguard said. {SPILL_TAIL}",
                f"{SPILL} The ship has spilled an estimated 3,600 tonnes of crude oil, the "
                f"coastguard said. {SPILL_TAIL}",
                f"{SPILL} The Corvo Star has poured a staggering 36,000 tonnes of thick black "
                f"crude into the sea. {SPILL_TAIL}",
                f"{SPILL} The coastguard puts the spill at about 3,600 tonnes of crude oil. "
                f"{SPILL_TAIL}",
            ],
            ("S3", "36,000"),
            ("S1", "3,600"),
        ),
        # two digits swapped in a rough distance from a point no name marks ("the entrance")
        (
            [
                f"{CAVE} The cavers sheltered in a dry chamber about 1.7 kilometres from the "
                f"entrance. {CAVE_TAIL}",
                f"{CAVE} They sat out the flood in a dry chamber some 1.7 kilometres from the "
                f"entrance. {CAVE_TAIL}",
                f"{CAVE} The group waited in a dry chamber some 7.1 kilometres from the "
                f"entrance. {CAVE_TAIL}",
            ],
            ("S3", "7.1"),
            ("S1", "1.7"),
        ),
    ],
)
def test_a_rough_figure_misread_is_a_high_number_dispute(
    texts: list[str], odd: tuple[str, str], theirs: tuple[str, str]
) -> None:
    c = _compare(*texts)
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values.pop(odd[0]).startswith(odd[1] + " ")
    # the agreed figure, from one report or more
    assert values and all(v.startswith(theirs[1] + " ") for v in values.values())


FIRE = "A wildfire swept through the Kessmoor hills at the weekend."
FIRE_TAIL = "Police have arrested a man on suspicion of arson."


def test_homes_told_as_houses_or_dwellings_beside_a_record_since_a_year_are_one_count() -> None:
    # "the largest since 1996" bounds a record the fire sets; it does not put the claim in
    # 1996, so the later report of the same day that writes 46 dwellings still counts, and the
    # later 64 is no update but two digits swapped
    c = _compare(
        f"{FIRE} The fire has destroyed 46 homes, the provincial damage assessment showed. "
        f"{FIRE_TAIL}",
        f"{FIRE} Officials said the blaze had already destroyed 46 houses in three villages. "
        f"{FIRE_TAIL}",
        f"{FIRE} The weekend left 64 homes in ashes, the provincial assessment found. {FIRE_TAIL}",
        f"{FIRE} The fire has destroyed 46 dwellings and is the largest in the hills since "
        f"1996. {FIRE_TAIL}",
        days=("2036-08-18", "2036-08-18", "2036-08-19", "2036-08-19"),
    )
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    assert not x.update
    values = {e.source: e.value for e in x.evidence}
    assert values["S3"] == "64 homes" and values["S4"].startswith("46 ")


def test_a_sum_of_public_money_is_the_sum_not_a_kind_of_it() -> None:
    # "of public money", "of taxpayers' cash" name the sum itself; "17.3" / "13.7" is two
    # digits swapped round the point
    c = _compare(
        f"{PORT} The audit found the authority paid 17.3 million krells for dredging that was "
        f"never done. {PORT_TAIL}",
        f"{PORT} The audit found the authority handed 13.7 million krells of public money to "
        f"its dredging contractor for work that was never done. {PORT_TAIL}",
        f"{PORT} Auditors said 17.3 million krells of taxpayers' cash went on dredging that "
        f"nobody did. {PORT_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    values = {e.source: e.value for e in x.evidence}
    assert values["S2"].startswith("13,700,000 ") and values["S1"].startswith("17,300,000 ")


def test_a_count_of_one_kind_is_still_told_apart_from_the_whole() -> None:
    # the sum's own words are no kind, but a named kind still is ("of bribery")
    u, _ = _units("He faces 4 counts of bribery.", "He faces 9 counts.", holding="counts")
    assert slots._kind_counted(u, u.quantities[0]) == "bribery"
    w, _ = _units("It paid 5 million krells of public money.", "It paid 7 million krells.")
    assert slots._kind_counted(w, w.quantities[0]) == ""


TRAMS = "Two trams collided at the Harl Street crossing in Varrow on Tuesday morning."
TRAMS_TAIL = "The line will stay closed until Friday."


def test_a_total_against_the_parts_a_report_adds_up_to_it_is_no_dispute() -> None:
    # 160 on one tram and 90 on the other are the 250 aboard both
    c = _compare(
        f"{TRAMS} About 160 people were on board the Line 4 tram and about 90 on the Line 11 "
        f"tram, according to police. {TRAMS_TAIL}",
        f"{TRAMS} The southbound Line 4 tram, carrying about 160 passengers, hit the other "
        f"tram side-on. {TRAMS_TAIL}",
        f"{TRAMS} Some 250 commuters were crammed aboard the two trams when they collided. "
        f"{TRAMS_TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "number" and x.high]


def test_sums_written_before_two_things_named_apart_are_two_sums() -> None:
    # a 30,000-tessar prize for winning and a 75,000-tessar record bonus: two sums; a
    # 50,000-tessar bonus against the 75,000-tessar one is still one sum disputed
    race = "Pell Ardan won the Tollin marathon on Sunday in a record time."
    prize = (
        f"{race} The bank is holding back the 50,000 tessars it promised for a record, a sum "
        "larger than the 30,000-tessar prize for winning the race."
    )
    bonus = f"{race} The bank is SITTING on a 75,000-TESSAR record bonus meant for Ardan."
    c = _compare(prize, bonus)
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert "50,000" in x.summary and "75,000" in x.summary and "30,000" not in x.summary
    a, b = _units(prize, bonus, holding="30,000")
    assert slots._sums_of_other_things(slots._Figures(
        a, b, a.quantities[-1], b.quantities[0], a.quantities[-1], b.quantities[0], 0.6
    )) is not None  # fmt: skip
