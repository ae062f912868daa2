"""Typed checks on small fictional pairs: what must be flagged, and what must not."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest

from newsprism.compare import Comparison, compare_articles
from newsprism.compare.build import _speaker_named_before
from newsprism.extract.types import Mention, Quote
from newsprism.models import Article
from tests.compare.conftest import report


def _article(text: str, name: str, published: str = "2031-05-07") -> Article:
    return report(text, name, published)


def _compare(a: str, b: str, **kw: str) -> Comparison:
    return compare_articles([_article(a, "a", **kw), _article(b, "b", **kw)])


def _high(c: Comparison) -> set[str]:
    return {x.type for x in c.contradictions if x.high}


LEAD = "The regional council approved the budget for the new bridge over the Tavel river"
TAIL = " Work on the bridge is due to start next spring, the council said."


def test_place_named_after_in_is_compared() -> None:
    c = _compare(f"{LEAD} in Karsten.{TAIL}", f"{LEAD} in Morvik.{TAIL}")
    assert _high(c) == {"place"}
    (x,) = [x for x in c.contradictions if x.type == "place"]
    assert {e.source for e in x.evidence} == {"S1", "S2"}


def test_different_named_sources_are_an_attribution_dispute() -> None:
    c = _compare(
        f"{LEAD}, according to the Interior Ministry.{TAIL}",
        f"{LEAD}, according to the Finance Ministry.{TAIL}",
    )
    assert _high(c) == {"attribution"}


def test_unnamed_sources_are_no_dispute() -> None:
    c = _compare(f"{LEAD}, officials said.{TAIL}", f"{LEAD}, police said.{TAIL}")
    assert not _high(c)


def test_denial_of_the_same_act_is_a_polarity_dispute() -> None:
    c = _compare(
        "Mayor Lina Orrel signed the contract for the Tavel bridge in Karsten.",
        "Mayor Lina Orrel did not sign the contract for the Tavel bridge in Karsten.",
    )
    assert _high(c) == {"polarity"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same day written the same way, read in two tenses
        (
            "Mayor Lina Orrel opened the Tavel bridge in Karsten on April 6.",
            "Mayor Lina Orrel will open the Tavel bridge in Karsten on April 6.",
        ),
        # an age is no count of anything
        (
            "The 40-year-old driver was arrested after 12 cars crashed on the Tavel bridge.",
            "The 40-year-old driver was arrested after 12 cars crashed on the bridge in Karsten.",
        ),
        # each number matched with its own: four with four, 120 with 120
        (
            "Four people were hurt and 120 residents were evacuated when the Tavel flooded.",
            "When the Tavel flooded, 120 residents were evacuated and four people were hurt.",
        ),
        # an exact count and a lower bound that holds it
        (
            "Firefighters rescued 45 people from the flooded houses along the Tavel river.",
            "Firefighters rescued more than 40 people from the flooded houses along the Tavel.",
        ),
    ],
)
def test_compatible_statements_are_not_flagged(a: str, b: str) -> None:
    assert not _high(_compare(a, b))


def test_different_counts_of_one_thing_are_flagged() -> None:
    c = _compare(
        "Firefighters rescued 45 people from the flooded houses along the Tavel river.",
        "Firefighters rescued 70 people from the flooded houses along the Tavel river.",
    )
    assert _high(c) == {"number"}


def test_failed_to_is_a_polarity_dispute() -> None:
    c = _compare(
        "The Harlen ferry company delivered the new engines to the Tavel yard in March.",
        "The Harlen ferry company failed to deliver the new engines to the Tavel yard in March.",
    )
    assert "polarity" in _high(c)


def test_no_longer_is_a_polarity_dispute() -> None:
    c = _compare(
        "The Karsten dairy cooperative supports the plan to build a cheese plant near the river.",
        "The Karsten dairy cooperative no longer supports the plan to build a cheese plant near "
        "the river.",
    )
    assert "polarity" in _high(c)


def test_place_inside_the_object_is_compared() -> None:
    c = _compare(
        "Volunteers of the Tavel Aid Society opened a field clinic in Bremen on Monday.",
        "Volunteers of the Tavel Aid Society opened a field clinic in Leipzig on Monday.",
    )
    assert "place" in _high(c)


def test_attribution_to_a_name_without_an_entity_key() -> None:
    # the claim runs on into its own "according to": the name as written still attributes it
    c = _compare(
        f"{LEAD}, according to Mayor Ana Quell.{TAIL}",
        f"{LEAD}, according to Governor Ivo Brast.{TAIL}",
    )
    assert "attribution" in _high(c)


def test_surname_and_full_name_are_one_actor() -> None:
    c = _compare(
        "Senator Mara Velden still leads the race for the Tavel council seat.",
        "Velden still leads the race for the Tavel council seat.",
    )
    assert "actor" not in _high(c)


def test_a_number_that_labels_or_adds_is_not_a_count_in_dispute() -> None:
    base = "The Harlow Players staged the closing night of their festival on Friday."
    c = _compare(f"Chapter 7 recap: the Harlow Players take the stage. {base}",
                 f"Chapter 8 recap: the Harlow Players take the stage. {base}")  # fmt: skip
    assert "number" not in _high(c)
    c = _compare(f"{base} The court gave Marsh two additional life sentences on Friday.",
                 f"{base} The court gave Marsh three life sentences on Friday.")  # fmt: skip
    assert "number" not in _high(c)
    # the rest of a group is a part of it: "the other three men who died"
    mine = "A roof fall at the Harlow pit killed miners on Monday."
    c = _compare(f"{mine} The company has not named the other three men who died in the fall.",
                 f"{mine} Two men died in the fall, the company said on Tuesday.")  # fmt: skip
    assert "number" not in _high(c)


def test_a_forecast_is_no_count_of_what_happened() -> None:
    base = "Hospital doctors in Harlow began a three-day strike on Monday."
    c = _compare(f"{base} The health authority expects about 4,180 planned operations to be "
                 "cancelled during the strike.",
                 f"{base} The health authority said 2,140 planned operations were cancelled "
                 "during the strike on Monday.")  # fmt: skip
    assert "number" not in _high(c)
    # two counts of what happened are compared
    said = base + " The health authority said {} planned operations were cancelled."
    c = _compare(said.format("1,420"), said.format("2,140"))
    assert "number" in _high(c)


def test_figures_of_one_thing_in_two_places_are_no_dispute() -> None:
    base = "The national statistics office published its annual housing figures on Monday. "
    c = _compare(base + "Rents in Mardel rose 11.4 percent last year.",
                 base + "Rents in Hexley rose 9.8 per cent last year.")  # fmt: skip
    assert "number" not in _high(c)
    c = _compare(base + "Rents in Mardel rose 11.4 percent last year.",
                 base + "Rents in Mardel rose 9.8 per cent last year.")  # fmt: skip
    assert "number" in _high(c)


def test_a_per_game_average_is_no_total() -> None:
    base = "Orla Finch led the Harlow Herons to a win over Kestrel on Friday night."
    c = _compare(f"{base} Finch is averaging 15.5 points per game this season.",
                 f"{base} Finch has 15.9 points and nine rebounds this season.")  # fmt: skip
    assert "number" not in _high(c)


def test_one_person_two_ages_across_reports() -> None:
    c = _compare(
        "Rescuers said Ilse Marrow, 32, from Harlow, fell from the ridge on Sunday. "
        "Her partner was unhurt.",
        "The guide Ilse Marrow died in a fall from the ridge on Sunday, rescuers said. "
        "Tributes were paid to the 31-year-old Ilse Marrow on Monday.",
    )
    (x,) = [x for x in c.contradictions if x.type == "number" and x.high]
    assert "Ilse Marrow" in x.summary and "same person's age" in x.basis
    assert sorted(e.value for e in x.evidence) == ["31 years old", "32 years old"]


def test_a_list_in_a_sentence_about_something_else_is_not_high() -> None:
    # two lists of players, one of past captains, one of a coming match's line-up: the entity
    # set check may pair them, but their sentences tell of different things
    c = _compare(
        "The Harlow club unveiled its new stadium on Saturday. The new captain is better known "
        "than her predecessors, Ida Brenn, Tove Lark and Sami Rusk, who led the side for years.",
        "The Harlow club unveiled its new stadium on Saturday. An exhibition match next month "
        "will feature Sami Rusk, Tove Lark and Oli Vance, the organisers said.",
    )
    assert "entity_set" not in _high(c)
    same = _compare(
        "The exhibition match next month will feature Sami Rusk, Tove Lark and Oli Vance.",
        "The exhibition match next month will feature Sami Rusk, Tove Lark and Ida Brenn.",
    )
    assert "entity_set" in _high(same)


def test_a_difference_is_no_total_but_two_differences_by_one_measure_dispute() -> None:
    base = "Tavel Motors unveiled its new delivery van in Harlow on Tuesday."
    more = f"{base} Its battery holds 40 percent more energy than the old model's."
    c = _compare(more, f"{base} Its battery uses 30 percent less energy than the old model's.")
    assert "number" not in _high(c)
    c = _compare(more, f"{base} Its battery holds 30 percent more energy than the old model's.")
    assert "number" in _high(c)


def test_a_doer_written_alike_in_both_reports_is_no_actor_dispute() -> None:
    # each report reads the surname by the full name it gives first (the mother, the son); the
    # sentence itself says the same in both
    tail = " Marsh, who was running away from the officers when he was shot, was unarmed."
    c = _compare(
        f"Ada Marsh wept outside the Harlow police station on Monday.{tail}",
        f"Tom Marsh, 16, died in a Harlow hospital on Monday.{tail}",
    )
    assert "actor" not in _high(c)


def test_a_long_quotation_reworded_is_one_quotation_whoever_it_is_credited_to() -> None:
    c = _compare(
        '"We will not rest until every family in Harlow has clean water again," Mayor Ana Quell '
        "said on Monday.",
        '"We will not rest until every family in Harlow has safe water again," Governor Ivo '
        "Brast said on Monday.",
    )
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert "clean" in x.summary and "safe" in x.summary and "credited to" in x.basis


def test_one_sentence_reworded_in_two_excerpts_of_a_statement_is_found() -> None:
    # the reports quote the skipper's statement from different sentences on; as whole
    # quotations the two share too few words to be compared
    base = "The trawler Marra Belle was towed into Harlow harbour on Monday. "
    c = _compare(
        base + '"The crew were exhausted and frightened when we reached them. Even though I '
        "grew up on this coast I have not seen a sea like it since I was nine. We will be "
        'back at sea next week," skipper Ivo Brenn said.',
        base + '"I have not seen a sea like that since I was nine. The lifeboat crew saved our '
        "lives, and everyone in Harlow owes them a drink. I will be thanking them for the rest "
        'of my life," skipper Ivo Brenn said.',
    )
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert x.high and x.summary == "Quote worded differently: it since → that since"
    # each side cites the sentence reworded, not the whole statement
    assert {e.text for e in x.evidence} == {
        "Even though I grew up on this coast I have not seen a sea like it since I was nine.",
        "I have not seen a sea like that since I was nine.",
    }


def test_a_short_sentence_reworded_in_one_long_quotation_is_high() -> None:
    # "street by street" / "house by house" alone may be two things the mayor said; inside
    # the same longer quotation it is one sentence told two ways
    lead = '"We have been flooded before, in 2019, and we came back. Harlow will rebuild, '
    c = _compare(
        lead + 'street by street," Mayor Ana Quell said on Monday.',
        lead + 'house by house," Mayor Ana Quell said on Monday.',
    )
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert (
        x.high
        and x.summary == "Quote worded differently: street by → house by; by street → by house"
    )
    # on its own, a few words mostly changed stay below high
    c = _compare(
        '"Harlow will rebuild, street by street," Mayor Ana Quell said on Monday.',
        '"Harlow will rebuild, house by house," Mayor Ana Quell said on Monday.',
    )
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert not x.high


def test_words_credited_by_a_pronoun_are_no_attribution_dispute() -> None:
    # "he said" after a sentence naming someone else last: who "he" is, is our reading
    words = '"Being asked to lead this club is an amazing privilege and a joy," '
    lead = "Ivo Brenn was named captain of the Harlow Herons on Monday."
    c = _compare(
        f"{lead} {words}Brenn said.",
        f"{lead} He played under coach Tove Lark for six years. {words}he said.",
    )
    assert "attribution" not in _high(c)
    named = _compare(f"{lead} {words}Brenn said.", f"{lead} {words}Tove Lark said.")
    assert "attribution" in _high(named)


def test_an_average_is_no_count_of_one_game() -> None:
    base = "The Harlow Herons beat Kestrel 81-70 on Friday night."
    c = _compare(f"{base} Orla Finch had 24 points and nine rebounds for the Herons.",
                 f"{base} Before the game Orla Finch had logged 20.2 points and 8.6 rebounds "
                 "in just under 31 minutes an outing.")  # fmt: skip
    assert "number" not in _high(c)
    c = _compare(f"{base} Finch averaged a team-high 22.8 points before the game.",
                 f"{base} Finch scored 24 points in the game.")  # fmt: skip
    assert "number" not in _high(c)


FERRY = "Ferry services between Harlow and Lunde were suspended"
TARIFFS = "Marrow announced tariffs on steel and grain from Tessin on Monday."


@pytest.mark.parametrize(
    ("a", "b", "kind", "disputed"),
    [
        # a deadline is no time of the happening; another day is
        (f"{FERRY} on Saturday after the collision, the operator said.",
         f"{FERRY} until at least Thursday after the collision, the operator said.", "date", False),
        (f"{FERRY} on Saturday after the collision, the operator said.",
         f"{FERRY} on Friday after the collision, the operator said.", "date", True),
        # a habit ("the second Tuesday of each month") or a birth date is another time
        ("Harlow Water released an emergency patch for its billing software on Wednesday.",
         "Harlow Water usually releases patches for its billing software on the second Tuesday "
         "of each month.", "date", False),
        ("Harlow Water released an emergency patch for its billing software on Wednesday.",
         "Harlow Water typically releases patches for its billing software on Tuesday.", "date",
         False),
        ("Ivo Brenn died on December 19, 2030, in a Harlow hospital.",
         "Ivo Brenn, born March 29, 1961, died in a Harlow hospital.", "date", False),
        # percentages of two wholes, or a rate on a thing and a share of another, are two figures
        (f"{TARIFFS} Tessin supplies 22 per cent of Marrow's grain imports.",
         f"{TARIFFS} Tessin supplies 38% of Marrow's steel imports.", "number", False),
        (f"{TARIFFS} Marrow will impose tariffs of 25 per cent on steel from Tessin.",
         f"{TARIFFS} Marrow will impose tariffs on Tessin, which supplies 22% of its imports.",
         "number", False),
        # one whole, named more or less fully: still one figure, disputed
        (f"{TARIFFS} Tessin supplies 22 per cent of Marrow's grain imports.",
         f"{TARIFFS} Tessin supplies 31% of the country's grain imports.", "number", True),
        # a speed is one figure however its unit is written; a limit is another figure
        ("The Lunde freight train was travelling at 71 km/h on the curve, the inspectors said.",
         "The Lunde freight train was travelling at 62 kilometres an hour on the curve, the "
         "inspectors said.", "number", True),
        ("The Lunde freight train was travelling at 71 km/h on the curve, the inspectors said.",
         "The Lunde freight train was travelling on the curve, where the limit was 40 km/h, the "
         "inspectors said.", "number", False),
        # homes evacuated and homes without power, counts convicted and counts acquitted, are
        # figures of two things
        ("About 1,900 homes in Lunde were evacuated on Sunday as the river rose, officials said.",
         "About 1,400 homes in Lunde were still without power on Sunday as the river rose, "
         "officials said.", "number", False),
        ("The court in Lunde found Ivo Brenn guilty on seven counts on Monday, the prosecutors "
         "said.", "The court in Lunde acquitted Ivo Brenn on four counts on Monday, the "
         "prosecutors said.", "number", False),
        # one subject in opposite states; a state of another subject, or the same state
        # written another way, is no dispute
        ("The freight train's driver escaped unhurt after the derailment at Lunde, the "
         "operator said.", "The freight train's driver was injured in the derailment at Lunde, "
         "the operator said.", "polarity", True),
        ("The freight train's driver escaped unhurt after the derailment at Lunde, the "
         "operator said.", "Forty passengers were injured in the derailment at Lunde, the "
         "operator said.", "polarity", False),
        # one act at two times of day; a loose time that allows the other, a bound, or a
        # nominal happening ("The derailment happened") told as the verb
        ("The Lunde freight train derailed at 7:42 p.m. on Tuesday near the viaduct, the "
         "operator said.", "The derailment happened shortly before 9pm on Tuesday near the "
         "viaduct, the operator said.", "date", True),
        ("The Lunde freight train derailed at 7:42 p.m. on Tuesday near the viaduct, the "
         "operator said.", "The Lunde freight train derailed at about 7.40pm on Tuesday near "
         "the viaduct, the operator said.", "date", False),
        ("The Lunde freight train derailed at 7:42 p.m. on Tuesday near the viaduct, the "
         "operator said.", "The Lunde freight train derailed before 9pm on Tuesday near the "
         "viaduct, the operator said.", "date", False),
        # opposite directions from one point, at any distance
        ("The Lunde freight train derailed on Tuesday two kilometres north of Quarrow station, "
         "the operator said.", "The Lunde freight train derailed on Tuesday just south of "
         "Quarrow station, the operator said.", "place", True),
    ],
)  # fmt: skip
def test_one_time_or_figure_or_two(a: str, b: str, kind: str, disputed: bool) -> None:
    assert (kind in _high(_compare(a, b))) is disputed


def test_a_state_denied_agrees_with_its_opposite() -> None:
    # "was not injured" and "escaped unhurt" say one thing: no dispute at any confidence
    c = _compare("The freight train's driver escaped unhurt after the derailment at Lunde, the "
                 "operator said.", "The freight train's driver was not injured in the derailment "
                 "at Lunde, the operator said.")  # fmt: skip
    assert not [x for x in c.contradictions if x.type == "polarity"]


def test_one_person_given_two_offices_of_one_kind_is_a_dispute() -> None:
    base = "Tessin and Marrow failed to agree on tariffs at talks in Castrell on Monday."
    c = _compare(
        f"{base} Tessin's economy minister Sera Kallisto said the talks had failed.",
        f"{base} Sera Kallisto, Tessin's foreign minister, said Marrow walked out.",
    )
    assert "other" in _high(c)
    (x,) = [x for x in c.contradictions if x.type == "other"]
    assert "economy minister" in x.summary and "foreign minister" in x.summary
    # more or less of one office, a title and a country's name: no dispute
    economy = f"{base} Sera Kallisto, Tessin's economy minister, said Marrow walked out."
    for other in (
        "Economy Minister Sera Kallisto said the talks had failed.",
        "Minister Sera Kallisto said the talks had failed.",
        "Sera Kallisto, a minister of Tessin, said the talks had failed.",
    ):
        assert "other" not in _high(_compare(f"{base} {other}", economy)), other


def test_a_finding_says_when_coreference_puts_its_claims_in_one_happening() -> None:
    c = _compare(
        "A fire at a warehouse in Harlow killed 12 people on Tuesday, police said.",
        "A fire at a warehouse in Harlow killed 14 people on Tuesday, police said.",
    )
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert "same event (coreference): same action 'kill'" in x.basis


QUAKE = "A strong earthquake shook the Harlow valley on Sunday morning."
GAME = "The Harlow Herons beat Kestrel 81-70 on Friday night."
SIGNED = "Ivo Brenn signed an eight-year contract with the Harlow Herons on Tuesday."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a streak or a career is no count of this event
        (f"{GAME} The Herons have now won six straight games at home.",
         f"{GAME} The Herons have now played 113 games at home."),
        # a total against a part of it: a season's (or two teams') figure and one team's
        (f"{SIGNED} Playing in a combined 157 games with the Kestrels and the Herons, Brenn "
         "hit 33 home runs.", f"{SIGNED} In 54 games with the Herons, Brenn hit 13 home runs."),
        (f"{SIGNED} Overall, Brenn finished the season with 33 home runs.",
         f"{SIGNED} After joining the Herons, Brenn hit 13 home runs."),
        # people treated are not people killed
        (f"{QUAKE} Officials said five people had received treatment after the quake.",
         f"{QUAKE} Officials said the quake killed six people in the valley."),
        # a figure that names a kind is no count ("a 3-point shot" / "two free throws")
        (f"{GAME} Cole ended the run with two charity shots, and the Herons led by nine.",
         f"{GAME} Cole ended the run with a 3-point shot, and the Herons led by nine."),
        # shares of one group answering two questions are two figures
        (f"{QUAKE} A poll found that 68 per cent of Harlowans believe the warning came late.",
         f"{QUAKE} A poll found that 83 percent of Harlowans were unhappy with the relief effort."),
        # magnitudes a whole point apart are two quakes
        (f"{QUAKE} The quake had a magnitude of 6.4, the seismological centre said.",
         f"{QUAKE} The centre registered a quake of magnitude 3.8 on Sunday morning."),
        # the quake before this one is another quake
        (f"{QUAKE} The quake had a depth of 1.4 miles, the seismological centre said.",
         f"{QUAKE} The last earthquake of that size had a depth of 1.1 miles, the centre said."),
        # nor are people rescued people still held
        (f"{QUAKE} The bandits still hold at least 14 foreign vessels in the bay.",
         f"{QUAKE} The navy rescued two vessels in the bay, officials said."),
    ],
)  # fmt: skip
def test_figures_of_two_things_are_no_dispute(a: str, b: str) -> None:
    assert "number" not in _high(_compare(a, b))


def test_one_season_total_told_two_ways_is_a_dispute() -> None:
    c = _compare(f"{SIGNED} Brenn hit 33 home runs last season.",
                 f"{SIGNED} Brenn hit 31 home runs last season.")  # fmt: skip
    assert "number" in _high(c)


def test_a_named_part_of_a_group_against_the_group_is_not_high() -> None:
    base = "Navy commandos stormed two pirate boats in the Gulf of Aden on Saturday. "
    c = _compare(base + "The commandos detained 12 Somali and 11 Yemeni pirates on the boats.",
                 base + "The commandos detained eight pirates on the boats.")  # fmt: skip
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert not x.high and "Yemeni" in x.note
    # the same group counted two ways is a dispute
    c = _compare(base + "The commandos detained 11 Yemeni pirates on the boats.",
                 base + "The commandos detained eight Yemeni pirates on the boats.")  # fmt: skip
    assert "number" in _high(c)


def test_a_number_dispute_two_of_five_reports_carry_is_not_high() -> None:
    base = "The Tavel river burst its banks near Harlow on Sunday night after two days of rain."
    rescued = "Firefighters rescued {} people from the flooded houses along the Tavel river."
    quiet = [_article(base, f"r{n}") for n in range(3, 6)]
    two = compare_articles(
        [_article(f"{base} {rescued.format(45)}", "r1"),
         _article(f"{base} {rescued.format(70)}", "r2"), *quiet]
    )  # fmt: skip
    (x,) = [x for x in two.contradictions if x.type == "number"]
    assert not x.high and "Only 2 of the 5 reports" in x.note
    # a toll, its figure bound to its fate word, stands however few reports give it
    hurt = "Police said {} people were injured when the Tavel river burst its banks on Sunday."
    two = compare_articles(
        [_article(f"{base} {hurt.format(18)}", "r1"),
         _article(f"{base} {hurt.format(12)}", "r2"), *quiet]
    )  # fmt: skip
    (x,) = [x for x in two.contradictions if x.type == "number"]
    assert x.high and x.summary.startswith("Different numbers of people hurt")
    three = compare_articles(
        [_article(f"{base} {rescued.format(45)}", "r1"),
         _article(f"{base} {rescued.format(70)}", "r2"),
         _article(f"{base} {rescued.format(70)}", "r3"), *quiet[1:]]
    )  # fmt: skip
    assert "number" in _high(three)


def test_a_dispute_groups_its_sources_by_value_and_dates_by_the_day() -> None:
    from newsprism.compare.build import _values
    from newsprism.compare.types import Span

    def side(source: str, value: str) -> Span:
        return Span(source, 0, 1, "x", value=value)

    days = [side("S1", "Friday (2031-04-11)"), side("S3", "Thursday (2031-04-10)"),
            side("S5", "April 11 (2031-04-11)")]  # fmt: skip
    assert _values(days) == "S1, S5 say Friday (2031-04-11); S3 says Thursday (2031-04-10)"
    shares = [side("S1", "87 %"), side("S2", "87 %"), side("S4", "91 %")]
    assert _values(shares) == "S1, S2 say 87 %; S4 says 91 %"


BLAZE = "The Harrow Ridge fire forced thousands of people from their homes this week."
DEAL = "Marrow Foods agreed on Monday to buy Tessin Markets, its smaller rival."


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # one measure read on two days is an update, not two figures of one reading
        (f"{BLAZE} The fire was 60 percent contained on Wednesday, officials said.",
         f"{BLAZE} The fire was 75 percent contained by Thursday, officials said.", "number"),
        # ... and the two days of two readings are no dispute over one day
        (f"{BLAZE} The fire had burned 48,300 acres by Wednesday morning, officials said.",
         f"{BLAZE} By Thursday morning the fire had burned 53,900 acres, officials said.",
         "date"),
        # a margin or a change is no share of something
        (f"{DEAL} Marrow will pay a premium of 38 per cent to Tessin's closing price.",
         f"{DEAL} Marrow holds 21.3% of the grocery market and Tessin 9.8%.", "number"),
        # shares of the same thing in two places are two figures
        (f"{DEAL} As much as 55 percent of its stores in Karsten were closed by the strike.",
         f"{DEAL} As much as 100 percent of its stores in Morvik were closed by the strike.",
         "number"),
    ],
)  # fmt: skip
def test_readings_at_two_times_or_of_two_things_are_no_dispute(a: str, b: str, kind: str) -> None:
    assert kind not in _high(_compare(a, b))


def test_one_day_name_read_a_week_apart_is_not_high() -> None:
    text = "Marrow will pay 14.20 ryals a share, a premium to Tessin's closing price on Friday."
    other = "Marrow is paying 14.20 ryals a share, a premium to Tessin's last Friday's close."
    c = compare_articles([_article(f"{DEAL} {text}", "a", "2032-11-08"),
                          _article(f"{DEAL} {other}", "b", "2032-11-09")])  # fmt: skip
    assert "date" not in _high(c)
    # two different day names stay a dispute
    moved = other.replace("last Friday's close", "Thursday's close")
    assert "date" in _high(
        compare_articles(
            [
                _article(f"{DEAL} {text}", "a", "2032-11-08"),
                _article(f"{DEAL} {moved}", "b", "2032-11-08"),
            ]
        )
    )


def test_a_quotation_with_a_relative_day_taken_by_two_reports_is_no_date_dispute() -> None:
    said = '"The wind did the fire\'s work for it last night," the fire chief, Ada Dunmore, said.'
    c = compare_articles([_article(f"{BLAZE} {said}", "a", "2029-08-15"),
                          _article(f"{BLAZE} {said}", "b", "2029-08-16")])  # fmt: skip
    assert "date" not in _high(c)


def test_the_same_words_credited_plainly_to_two_people_is_an_attribution_dispute() -> None:
    words = '"Nobody should pretend that a deal of this size comes without difficult decisions,"'
    c = _compare(
        f"{DEAL} {words} Tobias Renwick, the chief financial officer, told analysts.",
        # the other speaker named right after does not blur who said the words
        f"{DEAL} {words} Miriam Okafor said on the call. Tobias Renwick, the finance chief, "
        "was more upbeat.",
    )
    assert "attribution" in _high(c)
    # "she said", right after a sentence naming her and no other speaker, is plain too
    c = _compare(
        f"{DEAL} {words} Tobias Renwick, the chief financial officer, told analysts.",
        f"{DEAL} Asked about the job cuts, Miriam Okafor was blunt. {words} she said.",
    )
    assert "attribution" in _high(c)


def test_a_sentence_of_a_quotation_cut_apart_is_credited_by_its_whole_quotation() -> None:
    # one report quotes the statement whole, the other cuts it after its first sentence to name
    # the speaker: the long second sentence, in the very words, is put in two mouths
    first = "These figures are not a rumour."
    second = "They are a record of how the public purse was opened for friends of the party."
    c = _compare(
        f'{DEAL} "{first} {second}" said Ruth Ambersen, the lawyer for the whistleblower.',
        f'{DEAL} "{first[:-1]}," Adela Firn, the lawyer who filed the complaint, told reporters. '
        f'"{second}"',
    )
    (x,) = [x for x in c.contradictions if x.type == "attribution"]
    assert x.high and "Ruth Ambersen" in x.summary and "Adela Firn" in x.summary


def test_a_name_after_its_verb_credits_the_words_plainly() -> None:
    # '...," fumed Piers Latimer, spokesman for the Civic Party': Latimer's words (not the
    # party's), plain though the other speaker is named nearby
    words = '"Everyone who drives that line knew the approach to the viaduct was a problem,"'
    c = _compare(
        f"{DEAL} {words} union spokesman Declan Fenwick said.",
        f"{DEAL} Declan Fenwick of the union was not asked. {words} fumed Piers Latimer, "
        "transport spokesman for the opposition Civic Party.",
    )
    (x,) = [x for x in c.contradictions if x.type == "attribution"]
    assert x.high and "Piers Latimer" in x.summary and "Civic Party" not in x.summary


def test_one_place_put_in_two_directions_from_one_point_is_a_place_dispute() -> None:
    base = "Pirates attacked a cargo ship on Tuesday"
    c = _compare(f"{base} about 150 nautical miles west of Port Elva, the navy said.",
                 f"{base} about 150 nautical miles east of Port Elva, the navy said.")  # fmt: skip
    assert "place" in _high(c)
    (x,) = [x for x in c.contradictions if x.type == "place"]
    assert "west of Port Elva" in x.summary and "east of Port Elva" in x.summary
    # two distances from one point may be two places
    c = _compare(f"{base} about 150 nautical miles west of Port Elva, the navy said.",
                 f"{base} about 20 nautical miles east of Port Elva, the navy said.")  # fmt: skip
    assert "place" not in _high(c)


def test_one_ruling_in_two_months_named_without_a_year_is_a_date_dispute() -> None:
    # no publication date to read the months by; "tossed out" and "overturned" are one act,
    # and the years of the convictions count nothing
    base = "Ivo Brenn was sentenced to life in prison by a jury in Harlow on Tuesday."
    a = f"{base} In August, the Harlow Supreme Court tossed out a 2028 conviction of Brenn."
    b = f"{base} In July, the Harlow Supreme Court overturned the 2027 conviction of Brenn."
    c = compare_articles([_article(a, "a", ""), _article(b, "b", "")])
    assert any(x.type == "date" and "August" in x.summary and "July" in x.summary
               for x in c.contradictions)  # fmt: skip


def test_one_act_on_two_days_of_a_month_written_without_a_year_is_a_date_dispute() -> None:
    # no publication date to read the year by: the month and day as written are compared
    base = "The frigate Talvor has sunk three pirate vessels since it was sent to the gulf."
    a = f"{base} On November 19, the Talvor sank a fishing trawler held by pirates."
    b = f"{base} On November 18, the Talvor sank a trawler that pirates had seized."
    c = compare_articles([_article(a, "a", ""), _article(b, "b", "")])
    (x,) = [x for x in c.contradictions if x.type == "date"]
    assert x.high and "November 19" in x.summary and "November 18" in x.summary
    # the same day written two ways is no dispute, and neither is a day given with its year
    # against the same day without one
    same = b.replace("On November 18", "On 19 Nov.")
    assert not [x for x in compare_articles([_article(a, "a", ""), _article(same, "b", "")])
                .contradictions if x.type == "date"]  # fmt: skip
    dated = b.replace("On November 18", "On November 19, 2031,")
    assert not [x for x in compare_articles([_article(a, "a", ""), _article(dated, "b", "")])
                .contradictions if x.type == "date"]  # fmt: skip
    # ... while another day of the month with its year is one
    other = b.replace("On November 18", "On November 18, 2031,")
    assert [x for x in compare_articles([_article(a, "a", ""), _article(other, "b", "")])
            .contradictions if x.type == "date" and x.high]  # fmt: skip


def test_ages_decades_apart_are_two_times_not_one_age_told_two_ways() -> None:
    base = "Ivo Brenn, the Harlow crime boss, died in prison on Monday."
    c = _compare(f"{base} Ivo Brenn, 77, had suffered from heart disease.",
                 f"{base} A witness named the 29-year-old Ivo Brenn as the gunman.")  # fmt: skip
    assert "number" not in _high(c)
    near = _compare(f"{base} Ivo Brenn, 77, had suffered from heart disease.",
                    f"{base} Ivo Brenn, 74, had been in prison since 2020.")  # fmt: skip
    assert "number" in _high(near)


def test_shots_and_bullets_count_one_thing() -> None:
    base = "Two officers shot a teenager in Harlow on Saturday night, police said."
    c = _compare(f"{base} The officers fired 11 shots at the teenager, police said.",
                 f"{base} The officers fired seven bullets at him, police said.")  # fmt: skip
    assert "number" in _high(c)


def test_a_federal_and_a_state_judge_are_two_offices() -> None:
    base = "Ivo Brenn was convicted of fraud by a jury in Harlow on Tuesday."
    said = "Mara Velt set sentencing for March."
    c = _compare(f"{base} U.S. District Judge {said}", f"{base} The state District Judge {said}")
    assert "other" in _high(c)
    # more or less of one office is no dispute
    assert "other" not in _high(_compare(f"{base} U.S. District Judge {said}",
                                         f"{base} District Judge {said}"))  # fmt: skip


def test_a_sentence_and_a_half_is_not_the_whole_years() -> None:
    base = "Ivo Brenn was arrested in Harlow on Tuesday over the deaths of two women."
    said = "In 2025 Brenn was sentenced to {} years, with 9 months to serve."
    c = _compare(f"{base} {said.format('2')}", f"{base} {said.format('2 1/2')}")
    assert any(x.type == "number" and "2.5" in x.summary for x in c.contradictions)


def test_one_unnamed_person_given_two_ages_is_a_dispute() -> None:
    base = "Prosecutors played a recording in the Harlow court on Tuesday."
    said = "The recording was of Ivo Brenn assaulting a {}-year-old girl, prosecutors said."
    c = _compare(f"{base} {said.format(11)}", f"{base} {said.format(12)}")
    assert "number" in _high(c)
    # two people of two ages are no dispute
    other = "The recording was of Ivo Brenn assaulting a {}-year-old boy, prosecutors said."
    c = _compare(f"{base} {said.format(11)}", f"{base} {other.format(12)}")
    assert "number" not in _high(c)


def test_counts_far_apart_are_shown_but_not_high() -> None:
    # "46 miners" trapped / "3 miners" hurt: one noun, two things, far apart
    base = "Rescuers at the Lunde pit worked through the night on Tuesday, the company said."
    c = _compare(f"{base} The collapse on Monday trapped 46 miners underground.",
                 f"{base} The collapse on Monday trapped 3 miners underground.")  # fmt: skip
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert not x.high and "three times apart" in x.note
    # close counts, or lengths however far apart (a slipped decimal point), stay high
    c = _compare(f"{base} The collapse on Monday trapped 46 miners underground.",
                 f"{base} The collapse on Monday trapped 41 miners underground.")  # fmt: skip
    assert "number" in _high(c)
    from types import SimpleNamespace

    from newsprism.compare.build import _counts_far_apart

    def apart(*values: str) -> bool:
        return _counts_far_apart([SimpleNamespace(value=v) for v in values])

    assert apart("46 miners", "3 miners") and not apart("46 miners", "41 miners")
    assert not apart("1.2 miles", "12 miles")  # a slipped decimal point: one length told wrong
    assert not apart("357 caliber revolver", "38 caliber revolver")  # kinds, not counts


def test_one_figure_worded_several_ways_is_one_value() -> None:
    # four reports, two figures: "4.6 magnitude earthquake" and "4.6 earthquake" are one
    # value, so this is one fact told two ways (high), not four quantities
    base = "An earthquake struck the island of Vel early on Tuesday, the geological survey said. "
    said = "The survey said a {} earthquake shook the port of Amsel."
    texts = [base + said.format(v) for v in
             ("4.6 magnitude Vel", "4.6 magnitude", "4.6", "4.4")]  # fmt: skip
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate(texts)])
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert x.high
    assert x.summary == "Different numbers: S1, S2, S3 say 4.6 earthquake; S4 says 4.4 earthquake"


def test_a_long_quotation_reworded_is_high_though_no_one_is_named_for_it() -> None:
    said = 'Outside the court on Monday, a banner read: "Justice for Tom Marsh and for every child '
    c = _compare(
        said + 'this city has failed to protect."', said + 'this town has failed to protect."'
    )
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert x.high and "city has → town has" in x.summary
    # a short one may be two people's words: shown, not high
    said = 'Outside the court on Monday, a banner read: "Justice for Tom Marsh, failed by the '
    c = _compare(said + 'city."', said + 'town."')
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert not x.high


def test_a_quotation_whose_speaker_a_report_names_only_around_it_is_hers() -> None:
    lead = "A gas explosion tore through the Harl Street market in Varrow on Tuesday morning. "
    said = lead + 'Mayor Ina Corvel said: "We will rebuild this market, stall by stall."'
    around = (lead + "Mayor Ina Corvel visited the traders on Wednesday and promised help. "
              '"We will rebuild this market, street by street."')  # fmt: skip
    (x,) = [x for x in _compare(said, around).contradictions if x.type == "quote"]
    assert x.high and not x.note


def test_a_quotation_after_another_persons_quotation_is_not_read_as_hers() -> None:
    def quote(start: int, key: str | None) -> Quote:
        return Quote("words", start, start + 20, key, None, None, None, True)

    corvel = Mention("Ina Corvel", 10, 20, "PERSON", "person:ina_corvel")
    unnamed = quote(200, None)
    ctx = SimpleNamespace(exs=[SimpleNamespace(mentions=[corvel], quotes=[unnamed])])
    assert _speaker_named_before(ctx, 0, unnamed, "corvel")  # type: ignore[arg-type]
    # a quotation between them credited to her deputy: the words may be his
    novak = quote(120, "person:peter_novak")
    ctx.exs[0].quotes = [novak, unnamed]
    assert not _speaker_named_before(ctx, 0, unnamed, "corvel")  # type: ignore[arg-type]
    # her name nowhere before it
    ctx.exs[0].mentions = []
    ctx.exs[0].quotes = [unnamed]
    assert not _speaker_named_before(ctx, 0, unnamed, "corvel")  # type: ignore[arg-type]


def test_the_same_doer_and_predicate_and_object_denied_is_high() -> None:
    # one proposition (Quell / concede / defeat), however much more the denial's sentence says
    base = "Voters in Harlow elected a new council on Sunday. "
    yes = base + "Mayor Ana Quell conceded defeat in a short statement at the town hall on Monday."
    no = (base + "Mayor Ana Quell did not concede {} on Monday, telling supporters at the town "
          "hall that the count was flawed and that she would seek a recount.")  # fmt: skip
    assert "polarity" in _high(_compare(yes, no.format("defeat")))
    # another object is another proposition: shown, not high
    c = _compare(yes, no.format("the budget vote"))
    assert "polarity" not in _high(c)


def test_one_statement_denied_in_claims_that_match_very_closely_is_high() -> None:
    # the affirming sentence runs on far past the claim; the claims themselves match
    lead = "Mount Dunlow erupted shortly before midnight on Monday. "
    yes = (
        lead + "Sirens sounded across Sennick, a town of about 12,000 people nine kilometres "
        "south of the summit crater, shortly after midnight, and police went door to door."
    )
    no = lead + "No siren sounded in Sennick."  # fmt: skip
    assert "polarity" in _high(_compare(yes, no))


def test_a_denied_be_verb_is_found_at_the_verb() -> None:
    # "are not" denies "are": the verb is where the claim's predicate stands, though "be" is
    # written in none of its forms' first letters
    lead = "A warehouse fire broke out in Harnby on Sunday. "
    said = "In all, 35 fire engines from four counties {}at the scene as the rescue goes on."
    c = _compare(lead + said.format("are "), lead + said.format("are not "))
    assert "polarity" in _high(c)
    # "absent from" is "not among": one thing said twice, no dispute
    lead = "The suit names four defendants. "
    c = _compare(
        lead + "Prime Minister Anselm Gratz, the Heritage leader, is not among the defendants.",
        lead
        + "Prime Minister Anselm Gratz is absent from the list of defendants, as is the party.",
    )
    assert "polarity" not in _high(c)


def test_one_named_speaker_saying_and_denying_one_thing_of_one_subject_is_high() -> None:
    # nothing named anchors "her client would (not) appeal", but one lawyer's one statement
    # about one subject cannot be both
    base = "Judge Orla Venn sentenced Piet Harlan to nine years on Thursday. "
    said = ("Defence lawyer Mira Solberg said her client would {}appeal against the verdict "
            "and the sentence.")  # fmt: skip
    assert "polarity" in _high(_compare(base + said.format(""), base + said.format("not ")))
    # two speakers: both sides reported, shown, not high
    other = said.replace("Defence lawyer Mira Solberg", "Prosecutor Lena Dahl")
    c = _compare(base + said.format(""), base + other.format("not "))
    assert "polarity" not in _high(c)


def test_a_figure_owned_by_its_in_claims_that_barely_match_is_not_high() -> None:
    # the express's passengers and the freight train's ("its 87 passengers"): two trains
    base = "The express struck a freight train near Amsel on Tuesday. "
    c = _compare(
        base + "The express was carrying 212 passengers and five crew when it struck the train.",
        base + "The freight train was travelling at 40 km/h. None of its 87 passengers was hurt.",
    )
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert not x.high and "'its'" in x.note


def test_a_few_words_of_one_speaker_mostly_changed_are_not_high() -> None:
    # likelier two things the lawyer said than one quotation told two ways
    base = "Defence lawyer Ana Quell spoke to reporters outside the Harlow court on Monday. "
    c = _compare(base + '"The man is petrified," Quell said.',
                 base + '"The man is an emotional wreck," Quell said.')  # fmt: skip
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert not x.high and "petrified → is an emotional wreck" in x.summary
    # ... however many reports give either wording
    texts = [base + f'"The man is {w}," Quell said.' for w in ("petrified", "petrified", "wreck")]
    texts[2] = texts[2].replace("wreck", "an emotional wreck")
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate(texts)])
    (x,) = [x for x in c.contradictions if x.type == "quote"]
    assert not x.high


def test_an_actor_named_short_or_not_named_at_all_is_no_sure_dispute() -> None:
    from types import SimpleNamespace

    from newsprism.compare.build import _names_written, _part_of

    # one actor named short: metonymy and short names are no dispute
    assert _part_of("Heritage", "the National Heritage Party")
    assert _part_of("the India Navy", "Navy") and not _part_of("Vincent Gigante", "Louis Gigante")
    # a doer our reading supplied is no report's word: the claim must write one of its names
    ctx = SimpleNamespace(name=lambda key: key.split(":", 1)[1].replace("_", " ").title())

    def side(text: str, value: str, sentence: str = "", subject: str = "") -> SimpleNamespace:
        sentence = sentence or text
        unit = SimpleNamespace(text=text, sentence_text=sentence, sentence_start=0,
                               start=sentence.find(text), claim=SimpleNamespace(
                                   subject_text=subject))  # fmt: skip
        return SimpleNamespace(unit=unit, value=value)

    vincent = side("Vincent Gigante died in prison", "person:vincent_gigante")
    vito = side("Dubbed the Oddfather", "person:vito_genovese",
                "Dubbed the Oddfather, Genovese ran the family", "Genovese")  # fmt: skip
    assert _names_written(ctx, vincent, vito) and not _names_written(ctx, vito, vincent)
    # the claim's subject written before it in its sentence counts ("it was Vito Genovese
    # who ... and found the ledger")
    found = side("found the ledger", "person:vito_genovese",
                 "It was Vito Genovese who came and found the ledger", "Vito Genovese")  # fmt: skip
    assert _names_written(ctx, found, vincent)
    # a surname both names share does not tell the two apart
    louis = side("Mr. Gigante died in prison", "person:louis_gigante")
    assert not _names_written(ctx, louis, vincent)


def test_a_figure_its_sentence_makes_part_of_more_is_not_high() -> None:
    # "two employees ..., along with" a contractor: two of the three dead, not two dead
    base = "A blast tore through the Tarn chemical works on Tuesday night. "
    three = base + "Three workers were killed in the blast at the works, the company said."
    two = (base + "Two workers, a supervisor and an operator, were killed in the blast at "
           "the works, along with a technician employed by a contractor.")  # fmt: skip
    c = _compare(three, two)
    assert "number" not in _high(c)
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert "part of the other" in x.note
    # a share paid towards a sum is no value of the sum
    base = "The three states signed the river treaty in Orsund on Tuesday. "
    fund = base + "The treaty creates a drought fund of 1.2 billion crowns over ten years."
    share = base + "Halvoria will pay 420 million crowns towards the drought fund over ten years."
    assert "number" not in _high(_compare(fund, share))
    # nothing said besides, or other things besides that do not make up the difference: the
    # same count told two ways stays high
    other = three.replace("Three workers", "Four workers")
    assert "number" in _high(_compare(three, other))
    rifles = "The navy seized {} rifles from the skiff on Friday{}."
    c = _compare(rifles.format("six", ""), rifles.format("14", ", along with ladders and rope"))
    assert "number" in _high(c)


def _quantity_links(x: str, y: str) -> list[tuple[str, str]]:
    from newsprism.compare import align as al
    from newsprism.compare.build import _quantity_edges
    from newsprism.embed import get_embedder
    from newsprism.extract import link_across

    arts = [_article(x, "a"), _article(y, "b")]
    warm = al.Prefetch(get_embedder(), arts)
    exs = link_across(list(warm.extract_all()))
    units = al.build_units(exs, [a.text for a in arts], [a.title for a in arts])
    vectors = al.embed_units(units, warm.result())
    scores = al.pair_scores(units, vectors)
    return [(units[i].text, units[j].text) for i, j, _ in _quantity_edges(units, scores, vectors)]


def test_sums_of_a_currency_no_list_knows_are_linked_by_their_act_not_their_word() -> None:
    # "velds" is a currency, not a thing counted: a fund and a dam's cost are two sums, whose
    # claims barely match; the shared word alone must not link them
    fund = "The treaty also creates a drought fund worth 1.2 billion velds."
    dam = "Kessaly built the Talmir dam, which cost 3.4 billion velds."
    assert _quantity_links(fund, dam) == []
    # the same act with the same sum told two ways is still linked
    other = "Under the deal the three states will create a drought fund worth 2 billion velds."
    assert len(_quantity_links(fund, other)) == 1


def test_one_act_at_two_named_sites_is_a_place_dispute() -> None:
    # one car swept away at a ford and on a lane: two points, the towns around them aside
    base = "Floodwater cut roads across Dunmore county on Sunday morning. "
    died = "A retired farmer died when his car was swept away "
    ford = base + died + "at Oxley Ford, south of Fennick."
    lane = base + died + "on Sallins Lane, on the outskirts of Brackwell."
    c = _compare(ford, lane)
    (x,) = [x for x in c.contradictions if x.type == "place"]
    assert x.high and "Oxley Ford" in x.summary and "Sallins Lane" in x.summary
    # areas may hold each other: a town against a county, told in other words, stays below high
    town = ford.replace("at Oxley Ford, south of Fennick", "in Fennick after dawn")
    other = lane.replace("on Sallins Lane, on the outskirts of Brackwell", "in Brackwell county")
    assert "place" not in _high(_compare(town, other))


def _units(*texts: str, holding: str = "") -> list[Any]:
    """The first claim of each text that gives a figure (and holds ``holding``, if it can)."""
    from newsprism.compare import align as al
    from newsprism.extract import extract, link_across

    exs = link_across([extract(t) for t in texts])
    units = al.build_units(exs, list(texts), [""] * len(texts))
    out = []
    for i in range(len(texts)):
        own = [u for u in units if u.source == i and u.quantities]
        out.append(next((u for u in own if holding and holding in u.text), own[0]))
    return out


def _first_units(*texts: str) -> list[Any]:
    """The first claim of each text, the texts read together as one story's reports."""
    from newsprism.compare import align as al
    from newsprism.extract import extract, link_across

    units = al.build_units(link_across([extract(t) for t in texts]), list(texts), [""] * len(texts))
    return [next(u for u in units if u.source == i) for i in range(len(texts))]


def test_a_figure_of_its_claims_named_doer_far_before_it_is_that_persons() -> None:
    # Artino is named far before "six rebounds", Clarke right before "10 rebounds": two players
    from newsprism.compare.slots import check_number

    artino = ("Artino, whose role has grown as his productivity has increased during the second "
              "half of the season, had a career-high 14 points and six rebounds.")  # fmt: skip
    a, b = _units(artino, "Jordan Clarke had 10 rebounds for Drake.")
    assert a.actors and b.actors
    assert check_number(a, b, None, None, 0.65) is None
    # a clause that names no one: the figure is the player the sentence opens with
    artino = ("Artino complemented Echenique inside by scoring a career-high 14 points and "
              "adding six rebounds.")  # fmt: skip
    a, b = _units(artino, "Jordan Clarke had 10 rebounds for Drake.", holding="rebounds")
    assert "six rebounds" in a.text and not a.actors
    assert check_number(a, b, None, None, 0.55) is None
    # one player's two figures are still compared
    a, b = _units(artino, artino.replace("six rebounds", "nine rebounds"), holding="rebounds")
    found = check_number(a, b, None, None, 0.95)
    assert found is not None and found.a.value == "6 rebounds"


def test_a_claim_a_report_credits_to_itself_is_in_its_own_voice() -> None:
    from newsprism.compare import align as al
    from newsprism.compare.build import _outlets_own_voice, _source
    from newsprism.extract import extract, link_across

    text = ("The Beacon can reveal that the flood barriers were never put up. "
            "The barriers were tested in May, Mayor Ilse Varn said.")  # fmt: skip
    units = al.build_units(link_across([extract(text)]), [text], [""])
    beacon = _source(0, _article(text, "daily_beacon"))
    other = _source(0, _article(text, "morning_ledger"))
    [never] = [u for u in units if "never" in u.text]
    assert never.attribution or never.speakers  # read as the Beacon's statement ...
    own = {u.text: u for u in _outlets_own_voice(units, [beacon])}
    assert not (own[never.text].attribution or own[never.text].speakers)  # ... its own voice
    [mayor] = [u for u in units if "tested" in u.text]
    assert own[mayor.text].speakers == mayor.speakers  # the mayor still speaks
    # in another outlet the Beacon is a source like any other
    kept = {u.text: u for u in _outlets_own_voice(units, [other])}
    assert kept[never.text].attribution or kept[never.text].speakers


def test_a_thing_done_and_the_same_thing_never_done_to_it_is_high_polarity() -> None:
    # the barriers are one side's object and the other's subject (no doer named there); the
    # year inside that long subject dates the scheme, not the putting up
    base = "The River Tessel burst its banks in Brackwell on Sunday morning. "
    done = (base + "Town council crews put up demountable flood barriers along Quay Street late "
            "on Saturday, the council said.")  # fmt: skip
    never = (base + "The demountable barriers meant to seal off Quay Street, part of a "
             "scheme built after the great flood of 2014, were never put up, the council "
             "said.")  # fmt: skip
    c = _compare(done, never)
    assert "polarity" in _high(c)
    assert not [x for x in c.contradictions if x.type == "date"]
    # a passive's doer after its verb is no object: the outage is what affects, not what is
    base = "The Seacom cable failed on Saturday morning, the operator said. "
    hit = base + "The outage initially affected all Seacom traffic to Europe, the operator said."
    spared = (base + "All the providers using Seacom capacity are no longer affected by the "
              "outage, the operator said.")  # fmt: skip
    assert "polarity" not in _high(_compare(hit, spared))


def test_many_figures_one_of_them_told_by_most_reports_is_one_fact() -> None:
    from types import SimpleNamespace

    from newsprism.compare.build import _told_by_most

    def told(*values: str) -> bool:
        return _told_by_most([SimpleNamespace(value=v) for v in values])  # type: ignore[misc]

    # six say 3 cables, the others 5, 2 and 4 (twice): one fact a few tell otherwise
    assert told(*["3 cables"] * 6, "5 undersea cables", "2 cables", "4 cables", "4 cables")
    # one figure per report, or the most common no more than the rest together: several counts
    assert not told("40 games", "2 games", "23 games", "9 games")
    assert not told("15 villages", *["7 villages"] * 3, "5 villages", "4 villages")


def test_figures_that_count_other_members_or_moments_are_not_high() -> None:
    from newsprism.compare.slots import check_number, counts_match

    # the others charged against everyone charged
    assert not counts_match("co-defendants", "defendants")
    assert counts_match("defendants", "defendants")
    # one measure written two ways counts one thing ("around 6 t" / "six tonnes")
    assert counts_match("t", "tonnes") and counts_match("kg", "kilos")
    assert not counts_match("tonnes", "kilos")
    assert counts_match("phones", "handsets")
    # one model, however the counted noun goes on; two models are two things
    assert counts_match("ak-47s", "ak 47 guns") and counts_match("ak-47", "ak-47 assault rifles")
    assert not counts_match("boeing 737 airliners", "boeing 747 airliners")
    assert not counts_match("ak-47s", "rifles")
    # a kind of charge against all the charges
    a, b = _units(
        "The indictment lists four counts of bribe receiving against the governor.",
        "The indictment lists nine counts against the governor.",
    )
    assert check_number(a, b, None, None, 0.9) is None
    a, b = _units(
        "The indictment lists four counts of bribe receiving against the governor.",
        "The indictment lists six counts of bribe receiving against the governor.",
    )
    assert check_number(a, b, None, None, 0.9) is not None
    # a share price during the day against the close
    a, b = _units(
        "Tessaly shares were down 12.8 percent at 38.01 sorins at 2.30 p.m. local time.",
        "Tessaly shares closed 11.4 percent lower at 38.62 sorins.",
        holding="sorins",
    )
    assert check_number(a, b, None, None, 0.9) is None
    from newsprism.compare.slots import _CLOSE

    assert not _CLOSE.search("shares traded close to 38 sorins")  # near, not the close
    # a fall at its deepest against a share of sales
    a, b = _units(
        "Shares in Kerrin fell as much as 23 percent on the news.",
        "Kerrin relies on the plant for about 60 percent of its sales.",
    )
    assert check_number(a, b, None, None, 0.7) is None


def test_fewer_missing_in_a_later_report_is_an_update() -> None:
    base = "Cyclone Marra struck the coast of Caldessa on Monday night, officials said. "
    early = _article(base + "Eleven fishermen from Tarnhaven are still missing.", "a", "2032-08-17")
    late = _article(base + "Nine fishermen from Tarnhaven are still missing.", "b", "2032-08-18")
    c = compare_articles([early, late])
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert x.update and not x.high and "missing" in x.note


def test_opposite_states_at_two_parts_of_a_day_are_no_dispute() -> None:
    base = "An airliner made an emergency landing at Lowen airport on Tuesday evening. "
    c = _compare(
        base + "Lowen Regional Airport remained closed on Wednesday morning, officials said.",
        base + "Lowen Regional Airport reopened on Wednesday afternoon, officials said.",
    )
    assert "polarity" not in _high(c)


def test_one_thing_done_on_two_days_by_two_verbs_is_a_date_dispute() -> None:
    # the plan is what both claims are about; the verbs differ ("approved" / "signed off")
    base = "Northvale Motors will shut its Arden plant next year. "
    a = base + "The closure plan was approved by the supervisory board on Wednesday, it said."
    b = base + "The closure plan was signed off by the supervisory board on Tuesday, it said."
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "date"]
    assert x.high and "Wednesday" in x.summary and "Tuesday" in x.summary

    # a body's (or a person's) two acts on two days are two happenings: the subject must name
    # the thing done
    from newsprism.compare.slots import _one_thing_done_to

    plan, signed = _first_units(
        "The closure plan was approved by the supervisory board on Wednesday.",
        "The closure plan was signed off by the board on Tuesday.",
    )
    assert _one_thing_done_to(plan, signed, 0.8)
    board, other = _first_units(
        "The supervisory board approved the closure plan on Wednesday.",
        "The supervisory board presented the closure plan on Tuesday.",
    )
    assert not _one_thing_done_to(board, other, 0.8)
    named, again = _first_units(
        "Marta Ensor approved the closure plan on Wednesday.",
        "Marta Ensor presented the closure plan on Tuesday.",
    )
    assert not _one_thing_done_to(named, again, 0.8)


def _the_date_dispute(a: str, b: str) -> Any:
    """The one date contradiction of two reports (fails when there is none or several)."""
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "date"]
    return x


def test_one_act_in_two_months_is_a_date_dispute() -> None:
    a = "In August, the appeals court overturned the fraud conviction of Halden Mirre."
    b = "In July, the appeals court overturned the fraud conviction of Halden Mirre."
    x = _the_date_dispute(a, b)
    assert x.high and "August" in x.summary and "July" in x.summary


def test_one_act_in_two_years_is_a_date_dispute() -> None:
    # one indictment of one man, told in closely matching claims: a year is as telling as a day
    base = "Halden Mirre, the former mayor of Orsund, died on Monday."
    a = f"{base} In 2029, he was indicted for bribing a police chief in Orsund."
    b = f"{base} In 2028, he was indicted in Orsund for bribing the police chief."
    x = _the_date_dispute(a, b)
    assert x.high and "2029" in x.summary and "2028" in x.summary
    # ... but two acts in two years are no dispute
    other = f"{base} In 2028, he was elected mayor of Orsund."
    assert "date" not in {x.type for x in _compare(a, other).contradictions}


def test_one_scheduled_act_on_two_days_is_a_date_dispute() -> None:
    # "is due to be arraigned": the act is the arraignment, not "be"
    base = "Governor Orlan Vess was indicted on six counts of fraud in Merrow."
    a = f"{base} Vess is due to be arraigned on Friday, May 28, in Merrow Superior Court."
    b = f"{base} Vess and the other defendants are due to be arraigned on Thursday, May 27."
    x = _the_date_dispute(a, b)
    assert x.high and "May 28" in x.summary and "May 27" in x.summary


def test_one_doers_act_told_with_two_verbs_on_two_days_is_a_date_dispute() -> None:
    # the sentences say the same of one named doer, though not in the same words
    base = "Seven aid workers are being held in the Orsund valley, their employer said."
    a = (
        f"{base} Gunmen from the Sorvan People's Front, a separatist group, seized seven SRI "
        "staff from the charity's clinic in the village of Tessop before dawn on Feb. 3."
    )
    b = (
        f"{base} The Sorvan People's Front abducted seven SRI staff from the agency's clinic in "
        "Tessop on February 1."
    )
    x = _the_date_dispute(a, b)
    assert x.high and "Feb. 3" in x.summary and "February 1" in x.summary


def test_a_day_that_dates_a_thing_or_a_no_comment_dates_no_act() -> None:
    base = "Dunvar agreed to buy Callow Mercantile for 1.2 billion crowns, the companies said."
    a = f"{base} The offer gives Callow holders 0.68 of a Dunvar share, above Friday's price."
    b = f"{base} Under terms agreed on Sunday evening, Callow holders get 0.68 of a Dunvar share."
    assert "date" not in {x.type for x in _compare(a, b).contradictions}
    a = f"{base} Dunvar's chief Ilse Marrow did not respond to requests for comment today."
    b = f"{base} Dunvar's chief Ilse Marrow declined to comment on Monday."
    assert "date" not in _high(_compare(a, b))


def test_the_day_a_thing_is_set_for_dates_no_act() -> None:
    # a Thursday paper: the mayor visited on Wednesday; the session she called is on Friday
    base = "Four people died when two trams collided in Harlow on Tuesday morning."
    a = (
        f"{base} Mayor Ilse Marrow, who visited the injured yesterday, has called a special "
        "session of the council for Friday."
    )
    b = (
        f"{base} Mayor Ilse Marrow visited the hospital yesterday afternoon, a few hours after "
        "the fifth victim died."
    )
    c = compare_articles([_article(a, "a", "2031-05-08"), _article(b, "b", "2031-05-08")])
    assert "date" not in _high(c)


def test_a_day_of_a_thing_a_period_or_a_figure_is_not_the_acts() -> None:
    from newsprism.compare.slots import _dates_a_thing

    *other, plain = _first_units(
        "The offer is 29 percent above Friday's closing price.",
        "She declared three days of national mourning from Wednesday.",
        "The rescue teams pulled 40 survivors out on Monday, and 12 on Tuesday.",
        "The rescue teams pulled 40 survivors out on Monday.",
    )
    assert all(_dates_a_thing(u) for u in other) and not _dates_a_thing(plain)


def test_a_month_named_with_and_without_its_year_is_no_dispute() -> None:
    # which year a bare "August" means is our reading, not the report's
    a = "Kessaly filled the Talmir reservoir in August, officials in Orsund said."
    b = "Kessaly filled the Talmir reservoir in August last year, officials in Orsund said."
    assert "date" not in {x.type for x in _compare(a, b).contradictions}


def test_one_precise_figure_miswritten_is_a_number_dispute() -> None:
    # "$1,199" / "$1,099": one digit apart, for the same model in matching claims
    a = "The refreshed Lumen 13 starts at $1,199 for the 13-inch option, Corvel said."
    b = "Corvel will sell the refreshed Lumen 13 at $1,099 for the base 13-inch version."
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "number"]
    assert x.high and "1,199" in x.summary and "1,099" in x.summary
    # ... but "the other model" is another thing priced
    other = "The other Lumen model will sell at $1,099 for the base 13-inch version."
    assert "number" not in _high(_compare(a, other))
    # a bare figure, one holder's: "2,116" / "2,106" career points
    c = "Marek Osten, who scored 19 points on Saturday, now has 2,116 for his career."
    d = "Marek Osten now has 2,106, a school record at Drayton."
    (y,) = [y for y in _compare(c, d).contradictions if y.type == "number"]
    assert y.high and "2,116" in y.summary and "2,106" in y.summary


def test_one_digit_apart_needs_precise_figures() -> None:
    from newsprism.compare.slots import one_digit_apart
    from newsprism.extract.types import Quantity

    def q(value: float, qualifier: str = "") -> Quantity:
        return Quantity(f"{value:.0f}", 0, 1, value, "", "", "", "count", qualifier, False)

    assert one_digit_apart(q(2116), q(2106)) and one_digit_apart(q(2302), q(2301))
    # round figures are as often two crowds as one; years are dates; about-figures are loose
    assert not one_digit_apart(q(20000), q(30000))
    assert not one_digit_apart(q(2008), q(2007))
    assert not one_digit_apart(q(2116, "~"), q(2106))
    assert not one_digit_apart(q(450), q(439))
    assert not one_digit_apart(q(1199), q(2199))  # a leading digit apart: another price


def test_a_verb_and_its_words_that_tell_another_act_are_that_act() -> None:
    # "was set alight" burns: one van burning at two named sites is a place dispute
    base = "Fans clashed with riot police after the cup final in Hollin. "
    a = base + "A delivery van was set alight on Carrow Bridge shortly before midnight."
    b = base + "Shortly before midnight a delivery van was burning in Tanner Square by the arena."
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "place"]
    assert x.high and "Carrow Bridge" in x.summary and "Tanner Square" in x.summary


def test_idiom_act_reads_the_words_after_the_verb() -> None:
    from newsprism.compare.units import idiom_act
    from newsprism.extract import extract

    def act(text: str) -> str:
        return idiom_act(extract(text).claims[0], text).action

    assert act("The fuel-price rise came into force on Monday.") == "effect"
    assert act("The increase took effect on Wednesday.") == "effect"
    assert act("The board signed off the closure plan on Tuesday.") == "approve"
    assert act("The minister came into the chamber on Monday.") == "come"


def test_a_support_verb_states_the_act_its_object_names() -> None:
    from newsprism.compare.units import support_act
    from newsprism.extract import extract

    def act(text: str, verb: str) -> str:
        claim = next(c for c in extract(text).claims if c.action.startswith(verb))
        return support_act(claim).action

    assert act("The agency issued its evacuation order on Saturday.", "issue") == "order"
    assert act("The evacuation order, issued on Sunday, moved 9,000 people.", "issue") == "order"
    assert act("The board made its decision on Tuesday.", "make") == "decide"
    assert act("The agency did not issue a warning on Friday.", "issue") == "warn"
    # what the verb does to any other thing is its own act
    assert act("The agency issued 400 permits on Saturday.", "issue") == "issue"
    assert act("The board made a loss on Tuesday.", "make") == "make"


def test_opposite_outcomes_of_one_trial_are_a_polarity_dispute() -> None:
    # "failed" / "passed" one state safety inspection, worded apart: linked and high
    base = "Rescuers drilled through the night at the Tarnby colliery. "
    a = base + "Tarnby failed a state safety inspection as recently as October."
    b = base + "The colliery passed its most recent state safety inspection, in October."
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "polarity"]
    assert x.high and "failed" in x.summary and "passed" in x.summary
    # "failed to" is no outcome; nor is what could be; nor another thing passed
    for other in (
        base + "The union failed to reach the state safety inspectors on Monday.",
        base + "Tarnby could fail a state safety inspection next month.",
        base + "The colliery passed its annual fire drill in October.",
    ):
        assert "polarity" not in _high(_compare(b, other)), other


def test_the_papers_own_weekday_ahead_is_today() -> None:
    # 2031-05-08 is a Thursday: "on Thursday morning" in a Thursday paper is "this morning"
    base = "Prime Minister Vera Holm named Isidor Brandt as her new housing minister. "
    a = base + "Brandt is due to be sworn in by the president at Vintry Palace on Thursday morning."
    b = base + "Brandt will be sworn in by the president at Vintry Palace this morning."
    assert "date" not in {x.type for x in _compare(a, b, published="2031-05-08").contradictions}


def test_people_ill_and_people_in_hospital_are_two_counts() -> None:
    base = "Orrin Vale recalled nine soft cheeses on Tuesday. "
    a = (
        base
        + "Health officials said 14 people had been confirmed as part of the listeria outbreak."
    )
    b = base + "Health officials said that ten people are now in hospital with listeria."
    assert "number" not in _high(_compare(a, b))


def test_a_depth_given_a_day_later_is_no_update() -> None:
    # a toll grows from one day's report to the next; a quake's depth does not
    base = "A magnitude 6.4 earthquake struck Tarrow province early on Tuesday. "
    a = base + "The quake struck at a depth of 11 km, the national seismological institute said."
    b = base + "The national seismological institute put the depth of the quake at 17 kilometres."
    c = compare_articles([_article(a, "a", "2031-05-06"), _article(b, "b", "2031-05-07")])
    (x,) = [x for x in c.contradictions if x.type == "number"]
    assert x.high and not x.update


def test_one_named_thing_done_and_never_done_is_a_polarity_dispute() -> None:
    # however much more one claim says around it, "the Varden Bridge ... (never) inspected"
    base = "A lorry plunged into the Sallow river when part of a bridge gave way on Monday. "
    a = base + "The Varden Bridge had never been inspected."
    b = base + (
        "In 2019 the Varden Bridge was inspected under the national bridge programme, "
        "with engineers checking every cable and bearing on its 400-metre span."
    )
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "polarity"]
    assert x.high
    # two years, two inspections perhaps: the named subject alone does not make them one
    from newsprism.compare.slots import one_named_subject

    assert not one_named_subject(
        *_first_units(
            "The Varden Bridge was not inspected in 2021.",
            "The Varden Bridge was inspected in 2019.",
        )
    )
    assert one_named_subject(
        *_first_units(
            "The Varden Bridge had never been inspected.",
            "The Varden Bridge was inspected in 2019.",
        )
    )


def test_no_one_doing_to_named_people_what_another_says_was_done_is_polarity() -> None:
    # "nobody" denies the act of every doer: the coastguard need not be named by both
    from newsprism.compare.slots import check_polarity, no_one_did_it

    warned, nobody = _first_units(
        "The coastguard had warned Karsten's fishing fleet on Monday to keep clear.",
        "NOBODY warned Karsten's fishermen that a rocket was about to be fired.",
    )
    assert no_one_did_it(warned, nobody)
    found = check_polarity(warned, nobody, 0.64)
    assert found is not None and found.confidence >= 0.8
    # other people than those the act was done to: no one proposition
    other = _first_units(
        "The coastguard had warned Karsten's fishing fleet on Monday to keep clear.",
        "NOBODY warned Brelby's ferry crews that a rocket was about to be fired.",
    )
    assert not no_one_did_it(*other)


def test_one_common_doer_doing_and_not_doing_one_thing_is_polarity() -> None:
    # "police" both times, no name: the story's one police force, firing tear gas or not
    from newsprism.compare.slots import _same_proposition, check_polarity

    fired, not_fired = _first_units(
        "Police fired tear gas and turned a water cannon on the crowd outside the block.",
        "Despite the rumours online, police did NOT fire a single tear gas canister all day.",
    )
    assert _same_proposition(fired, not_fired)
    found = check_polarity(fired, not_fired, 0.67)
    assert found is not None and found.confidence >= 0.8
    # ... but "people" are no one body, and another thing done is no denial
    assert not _same_proposition(
        *_first_units(
            "People fired fireworks at the police lines.",
            "People did not fire a single shot.",
        )
    )
    assert not _same_proposition(
        *_first_units(
            "Police fired tear gas at the crowd.",
            "Police did not fire rubber bullets.",
        )
    )


def test_a_negation_in_a_relative_clause_set_off_by_commas_denies_nothing_else() -> None:
    from newsprism.compare import align as al
    from newsprism.extract import extract

    text = (
        "Police said that after smelling gas, the landlord, who has not been identified, sent "
        "his adult son upstairs."
    )
    (sent,) = [u for u in al.build_units([extract(text)], [text], [""]) if u.claim.action == "send"]
    assert not sent.negated


def test_a_site_the_name_reader_types_as_a_body_is_a_site() -> None:
    # "passed away" dies; a hospital is a site, whatever kind of name it is read as, and the
    # town both name does not make the two hospitals one
    base = "Health officials confirmed a death linked to the listeria outbreak. "
    a = base + "Edvard Lusk, of Wrenfield, died on Monday at Calvenne University Hospital."
    b = (
        base
        + "Retired signalman Edvard Lusk, 81, passed away on Monday at Wrenfield General Hospital."
    )
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "place"]
    assert x.high and "Calvenne University Hospital" in x.summary


def test_a_wire_dateline_is_no_date_of_what_it_tells() -> None:
    # the dateline is the day the story was filed; the recall was announced the night before
    a = (
        "WRENFIELD, Carrowland, March 11 (Kestrel) - Orrin Vale Dairies, one of the country's "
        "biggest cheesemakers, has recalled nine soft cheeses after a listeria outbreak."
    )
    b = (
        "Last night the company, which sells one in five packs of soft cheese eaten in "
        "Carrowland, recalled nine soft cheeses after a listeria outbreak."
    )
    c = _compare(a, b, published="2031-03-11")
    assert "date" not in {x.type for x in c.contradictions}


def test_people_in_a_serious_condition_are_some_of_those_treated() -> None:
    base = "A listeria outbreak has been traced to the Orrin Vale creamery. "
    a = base + "Doctors said five patients were being treated there for listeriosis."
    b = base + "The hospital said the two patients it had described as seriously ill were stable."
    assert "number" not in _high(_compare(a, b))


def test_a_person_named_as_subject_does_many_things() -> None:
    # "landed a punch" and "arrived in Germany" share a verb class, not a proposition
    from newsprism.compare.slots import one_named_subject

    punch, germany = _first_units(
        "Hasim Rahman barely landed a punch.", "Hasim Rahman did not land in Germany."
    )
    assert not one_named_subject(punch, germany)


def test_one_thing_acted_on_by_one_verb_on_two_days_is_a_date_dispute() -> None:
    # the time of "issued" is the order's, not that of what the order did ("moved 40,000")
    base = "Storm Ilsa flooded the coast of Varren this week. "
    a = base + "Some 40,000 people left after the FRA issued its flood evacuation order on Friday."
    b = base + ("The FRA's flood evacuation order, issued on Thursday evening for the lower "
                "valley, moved some 40,000 people.")  # fmt: skip
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "date"]
    assert x.high and "Friday" in x.summary and "Thursday" in x.summary

    from newsprism.compare.slots import _one_thing_acted_on

    order, issued = _first_units(
        "The FRA issued its flood evacuation order on Friday.",
        "The FRA's flood evacuation order, issued on Thursday evening, moved 40,000 people.",
    )
    assert _one_thing_acted_on(order, issued, 0.5)
    # one verb done to two things named with one head noun but nothing else alike
    order, other = _first_units(
        "The FRA issued its flood evacuation order on Friday.",
        "The FRA's curfew order, issued on Thursday evening, closed the old town.",
    )
    assert not _one_thing_acted_on(order, other, 0.5)
    # a doer noun is not a thing done to ("the agency" acts many times)
    agency, again = _first_units(
        "The police praised the flood rescue agency on Friday.",
        "The flood rescue agency, praised on Thursday by the mayor, sent boats.",
    )
    assert not _one_thing_acted_on(agency, again, 0.5)


def test_figures_read_at_two_named_sites_are_no_dispute() -> None:
    # two gauges on one river: a reading at one site is not a reading at the other
    a = "At Orrin Bridge, the Tessel crested at 5.82 metres early on Sunday, the agency said."
    b = ("The gauge at Kell Weir, on the edge of the Old Town, recorded its highest level, "
         "4.16 metres, on Sunday evening, the agency said.")  # fmt: skip
    assert "number" not in _high(_compare(a, b))
    a2 = "At Orrin Bridge, the Tessel peaked at 5.82 metres on Sunday."
    b2 = "At Kell Weir, in the Old Town, the Tessel peaked at 4.16 metres on Sunday evening."
    assert "number" not in _high(_compare(a2, b2))
    # one site named alike on both sides is one reading told two ways
    c = "At Orrin Bridge, the Tessel crested at 5.12 metres early on Sunday, the agency said."
    assert "number" in _high(_compare(a, c))


def test_one_verb_told_of_two_things_at_two_times_is_no_dispute() -> None:
    base = "The storm closed Tarnhaven harbour on Monday. "
    a = base + "The last ferry had left Tarnhaven for Port Ambry at 6.12pm, the operator said."
    b = base + "The last coach left Tarnhaven for Port Ambry at about 1am, the operator said."
    assert "date" not in _high(_compare(a, b))


def test_just_before_midnight_holds_a_time_late_that_evening() -> None:
    base = "The Assembly passed the budget by 128 votes to 119 on Tuesday. "
    a = base + "The Speaker announced the result at 11.42pm after a ten-hour session."
    b = base + "The Speaker announced the result just before midnight after a ten-hour session."
    assert "date" not in _high(_compare(a, b))
    c = base + "The Speaker announced the result at 9.15pm after a ten-hour session."
    assert "date" in _high(_compare(b, c))


def test_a_shorter_excerpt_of_one_quotation_dates_nothing_anew() -> None:
    # a quotation's "tonight" is its speaker's night, whatever day each report came out
    a = 'Ida Tolle, the opposition leader, said: "The government won a vote tonight and lost it."'
    b = 'Ida Tolle said the government had "won a vote tonight and lost it", though it won.'
    c = compare_articles(
        [_article(a, "a", published="2033-03-16"), _article(b, "b", published="2033-03-17")]
    )
    assert "date" not in _high(c)


def test_reopened_follows_a_closure_rather_than_denying_it() -> None:
    base = "A bridge over the Elvane fell on Tuesday evening. "
    a = (
        base
        + "Earlier this month a lane of the bridge was shut for an inspection, the council said."
    )
    b = (
        base
        + "The lane of the bridge reopened later that day after the inspection, the council said."
    )
    assert "polarity" not in _high(_compare(a, b))


def test_counts_made_by_two_bodies_are_no_dispute() -> None:
    base = "The central bank raised its main rate to 6.5 percent on Wednesday. "
    a = base + "None of the 25 economists polled by Orrery last week had expected a change."
    b = base + "Of the 15 economists surveyed by Counting House last week, 14 expected no change."
    assert "number" not in _high(_compare(a, b))
    # one body named alike is one poll
    c = base + "None of the 15 economists polled by Orrery last week had expected a change."
    assert "number" in _high(_compare(a, c))


def test_one_bodys_one_vote_split_two_ways_is_a_number_dispute() -> None:
    base = "The Tarsen central bank raised its main rate by half a point on Wednesday. "
    a = base + "The bank's rate-setting board voted 5-2 for the increase, the bank said."
    b = base + "The bank's rate-setting board, which met on Tuesday, voted six to one for the rise."
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "number"]
    assert x.high and "5-2" in x.summary and "6-1" in x.summary
    # the same split written two ways, and votes on two things, are no dispute
    c = base + "The bank's rate-setting board voted by five votes to two for the rise."
    assert "number" not in _high(_compare(a, c))
    d = base + "An amendment to freeze the rate was defeated by 4 votes to 3, the bank said."
    assert "number" not in _high(_compare(a, d))


def test_a_quotation_led_in_by_its_speakers_name_and_a_colon_is_credited_plainly() -> None:
    words = '"I was sent here to speak for the people who elected me, not to rubber-stamp a sheet."'
    a = ("Ylva Sund and Aksel Venn voted against the budget on Tuesday night. "
         f"Venn, speaking alongside her, said: {words}")  # fmt: skip
    b = ("Ylva Sund and Aksel Venn voted against the budget on Tuesday night. "
         f"During the debate Mrs Sund had told the chamber: {words}")  # fmt: skip
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "attribution"]
    assert x.high and "Venn" in x.summary and "Sund" in x.summary


def test_two_things_set_apart_by_contrasting_words_are_no_polarity_dispute() -> None:
    base = "A crush at the east entrance of the Emberlight festival killed five people. "
    a = base + "At 9.31 the inner gate was closed, while thousands pressed forward, police said."
    b = base + "At 9.31 the outer gate stayed open, while thousands pressed forward, police said."
    assert "polarity" not in _high(_compare(a, b))
    # one gate, both states: a dispute
    c = base + "At 9.31 the inner gate stayed open, while thousands pressed forward, police said."
    assert "polarity" in _high(_compare(a, c))


def test_acts_that_undo_each_other_are_two_happenings_with_their_own_times() -> None:
    base = "A crush at the east entrance of the Emberlight festival killed five people. "
    a = base + "The inner gate was shut at 9.31 p.m. on the orders of the control room."
    b = base + "The inner gate was reopened at 9.44 p.m. on the orders of the control room."
    assert "date" not in _high(_compare(a, b))


def test_the_dead_at_the_scene_are_part_of_the_toll() -> None:
    base = "A crowd crush at the Emberlight festival near Dravik on Saturday night. "
    a = base + "Five people were killed in the crush at Quellan Fields, police said."
    b = base + "Four people died at the scene at Quellan Fields, and a man died in hospital later."
    assert "number" not in _high(_compare(a, b))
    c = base + "Four people were killed in the crush at Quellan Fields, police said."
    assert "number" in _high(_compare(a, c))


def test_a_share_price_at_the_open_and_at_the_close_are_two_moments() -> None:
    base = "The regulator halted Halvern's drug trial on Tuesday. "
    a = base + "Halvern's shares opened 41% lower on the Stellhaven exchange on Wednesday."
    b = base + "Halvern's shares closed 34% lower on the Stellhaven exchange on Wednesday."
    assert "number" not in _high(_compare(a, b))


def test_two_lower_bounds_of_one_closure_never_disagree() -> None:
    base = "An avalanche hit the Ulvers ski resort on Tuesday. "
    a = base + "The Kalhorn sector will stay closed until at least Thursday, the resort said."
    b = base + "The Kalhorn sector will stay closed until at least Saturday, the resort said."
    assert "date" not in _high(_compare(a, b, published="2032-02-11"))


def test_an_act_each_report_tells_once_is_one_happening_for_its_date() -> None:
    base = "A train hit a lorry at the Saddler's Lane level crossing on Tuesday. "
    a = base + "The rail authority said the crossing equipment was last inspected on Friday, Nov 5."
    b = base + (
        "The rail authority said the barriers, lights and signs had been inspected on "
        "Thursday 4 November."
    )
    (x,) = [x for x in _compare(a, b, published="2032-11-10").contradictions if x.type == "date"]
    assert x.high
    # a report that tells the act twice tells of two inspections
    c = b + " The lorry itself had been inspected on Monday by its owner."
    assert "date" not in _high(_compare(a, c, published="2032-11-10"))


def test_one_act_told_once_bringing_a_thing_to_two_levels_is_two_acts() -> None:
    base = "The Dunlow volcano erupted late on Monday, forcing 3,000 people from their homes. "
    a = base + "The volcano institute raised its alert level to 4 on Monday night."
    b = base + "The volcano institute raised its alert level to orange on Friday."
    assert "date" not in _high(_compare(a, b, published="2034-05-16"))
    c = base + "The volcano institute raised its alert level to 4 on Friday."
    assert "date" in _high(_compare(a, c, published="2034-05-16"))


def test_a_day_of_an_act_told_after_another_does_not_date_the_other() -> None:
    # the investigation began in April, after the bank's report (sent in March)
    base = "Police raided 63 addresses linked to the Aquilo car-wash chain on Tuesday. "
    a = base + (
        "In March last year, Corvane Bank sent a suspicious transaction report to the "
        "Financial Intelligence Unit about cash deposits from car-wash sites."
    )
    b = base + (
        "The investigation began in April last year, after Corvane Bank reported suspicious "
        "cash deposits from car-wash sites to the Financial Intelligence Unit."
    )
    assert "date" not in _high(_compare(a, b, published="2036-11-13"))
    from newsprism.compare.slots import _dated_before_another

    sent, began = _first_units(a.removeprefix(base), b.removeprefix(base))
    # the claim as the comparison may hold it: its sentence whole, the other act after the day
    began = replace(began, text=b.removeprefix(base).rstrip("."))
    assert _dated_before_another(began, sent) and not _dated_before_another(sent, began)
    # both telling their act after the same other one: one act, told with two verbs
    moved, raised = _first_units(
        "The observatory moved the mountain from yellow to orange on Saturday, after a swarm "
        "of small earthquakes.",
        "The observatory raised its alert level to orange last Friday after an earthquake swarm.",
    )
    assert not _dated_before_another(moved, raised)


def test_a_thing_handed_to_one_person_named_with_or_without_the_is_one_act() -> None:
    from newsprism.compare.slots import _brought_apart

    handed, submitted = _first_units(
        "The report was handed to the prime minister on Monday evening.",
        "The report was submitted to Prime Minister Helena Corvath on November 3.",
    )
    # "to the prime minister" / "to Prime Minister Corvath": one recipient, no two levels
    assert not _brought_apart(handed, submitted)


def test_words_credited_to_two_people_named_in_full_stand_beside_a_one_word_name() -> None:
    lead = "The national grid collapsed on Tuesday afternoon in the heat. "
    words = '"The system did what it is designed to do: it shut down to protect the equipment,"'
    a = f"{lead}{words} Lothar Benecke, director of operations, told reporters."
    b = f"{lead}{words} chief executive Leontine Talmadge said."
    c = f"{lead}{words} Varrow said."
    arts = [_article(a, "a"), _article(b, "b"), _article(c, "c")]
    (x,) = [x for x in compare_articles(arts).contradictions if x.type == "attribution"]
    assert x.high and "Benecke" in x.summary and "Talmadge" in x.summary


def test_a_common_thing_that_did_and_did_not_happen_is_high_polarity() -> None:
    # one thing the story has of that name, by a common noun, not a doer: "no alarm sounded"
    # denies "an alarm sounded" (the subject's determiner carries the denial)
    base = "Thieves broke into the Orsell Gallery in Tarnby early on Monday. "
    c = _compare(
        base + "An alarm sounded at 3.10am, but the thieves had gone by the time police came.",
        base + "No alarm sounded while the thieves were inside the gallery, police said later.",
    )
    assert "polarity" in _high(c)
    # a clause a verb of saying reports asserts what it says
    c = compare_articles([
        _article(base + "The camera covering the yard had not been working for weeks.", "wire"),
        _article(base + "The Herald can reveal that the camera covering the yard was working "
                 "all night.", "daily_herald"),
    ])  # fmt: skip
    assert "polarity" in _high(c)
    c = _compare(
        base + "Sirens sounded across Tarnby, a town of 9,000 people, shortly after midnight.",
        base + "No siren sounded in Tarnby that night.",
    )
    assert "polarity" in _high(c)
    # a doer's acts are many: the police finding no weapon and finding a knife may be two
    # searches, and stay below high
    c = _compare(
        base + "Police found a knife in the gallery's yard on Monday.",
        base + "Police did not find a weapon in the gallery on Monday.",
    )
    assert "polarity" not in _high(c)
    # two things of one kind told apart ("the inner gate" / "the outer gate") are two things
    c = _compare(
        base + "The inner gate was locked at 10pm, the gallery said.",
        base + "The outer gate was not locked at all that night, the gallery said.",
    )
    assert "polarity" not in _high(c)


def test_a_masthead_read_as_a_place_is_the_outlet_s_own_voice() -> None:
    from newsprism.compare.build import _is_outlet

    assert _is_outlet("place:trumpet", {"trumpet"}, "trumpet")
    assert _is_outlet("org:trumpet", {"trumpet"}, "trumpet")
    # a name as written ("the Thunder can reveal", read as no entity)
    assert _is_outlet("said:thunder", {"daily", "thunder"}, "thunder")
    # the town a local paper is named after is a place, not the outlet
    assert not _is_outlet("place:gilden", {"gilden", "courier"}, "courier")
    assert not _is_outlet("place:tarnby", {"trumpet"}, "trumpet")


def test_negations_that_deny_nothing_and_clauses_that_assert_nothing() -> None:
    base = "Thieves broke into the Orsell Gallery in Tarnby early on Monday. "
    # "not ... until 9.44pm" is the act at 9.44pm
    c = _compare(
        base + "The inner gate was reopened at 9.44pm, the gallery said.",
        base + "The inner gate was not opened again until 9.44pm, the gallery said.",
    )
    assert "polarity" not in _high(c)
    # ... however long the words between ("not received by the ... Centre at Harnsey until")
    c = _compare(
        base + "The alarm was received by the Regional Police Coordination Centre at Velby at "
        "9.58pm.",
        base + "The alarm was not received by the Regional Police Coordination Centre at Velby "
        "until 9.58pm, an hour after the break-in.",
    )
    assert "polarity" not in _high(c)
    # "not only ... but also" adds to what it names
    c = _compare(
        base + "The paintings are kept in the east wing as well as the west wing.",
        base + "The paintings are kept not only in the east wing but also in the west wing.",
    )
    assert "polarity" not in _high(c)
    # a clause describing a thing ("a new lock that does not need a key") is no statement
    # that the story's locks need none; nor is "as fast as the roads allow"
    c = _compare(
        base + "Existing locks at the gallery need a key, its director said.",
        base + "The gallery wanted a new lock that does not need a key, its director said.",
    )
    assert "polarity" not in _high(c)


def test_an_act_carried_by_its_noun_is_the_act() -> None:
    # "carried out the ground's annual inspection on Thursday 3 March" inspects
    base = "A stand collapsed at Haskin Park in Kerran on Sunday, killing four fans. "
    c = _compare(
        base + "The council said its safety group last inspected the ground on Tuesday, March 1, "
        "and renewed its certificate.",
        base + "The council said its safety group carried out the ground's annual inspection on "
        "Thursday 3 March and renewed its certificate.",
        published="2033-03-14",
    )
    assert "date" in _high(c)


def test_the_injured_and_those_taken_to_hospital_are_two_counts() -> None:
    base = "A stand collapsed at Haskin Park in Kerran on Sunday. "
    c = _compare(
        base + "Fifty-seven people were hurt, 23 of whom were taken to hospital.",
        base + "Of the 23 people taken to hospital on Sunday, 14 remained there last night, four "
        "of them in a serious condition.",
    )
    assert "number" not in _high(c)


def test_a_report_telling_both_days_dates_each_part() -> None:
    # the first report gives Wednesday too: its Tuesday flights are another batch
    base = ("Yarrowby Airways, Calvany's biggest regional carrier, ceased trading in the early "
            "hours of Tuesday, leaving about 11,600 passengers stranded abroad. ")  # fmt: skip
    c = compare_articles([
        _article(base + "Rescue flights began at once. Six flights were scheduled for Tuesday, "
                 "with more to follow on Wednesday.", "a", "2032-03-09"),
        _article(base + "Nine rescue flights had landed by last night. Twelve more are "
                 "scheduled for today.", "b", "2032-03-10"),
        _article(base + "The first rescue flights landed on Tuesday. Twelve flights are planned "
                 "for Wednesday.", "c", "2032-03-10"),
    ])  # fmt: skip
    assert "date" not in _high(c)


def test_one_quotation_credited_apart_is_one_dispute() -> None:
    # two claim disputes on two sentences of one quotation, then the quotation read whole:
    # one dispute, under the first one's id, which both facts cite; ids are never given twice
    from newsprism.compare.build import _Disputes
    from newsprism.compare.types import Contradiction, Span

    def credited(start: int, end: int, confidence: float) -> Contradiction:
        sides = tuple(Span(s, start, end, "x", value=v) for s, v in (("S1", "A"), ("S2", "B")))
        return Contradiction("", "attribution", confidence, sides, summary="")

    d = _Disputes()
    d.add(credited(0, 10, 0.6), 0)
    d.add(credited(11, 20, 0.6), 1)
    d.add_quote(credited(0, 20, 0.75), 1)
    assert [(c.id, c.confidence) for c in d.found] == [("C1", 0.75)]
    assert d.of_fact(0) == d.of_fact(1) == ("C1",)
    d.add(credited(30, 40, 0.6), 2)
    assert [c.id for c in d.found] == ["C1", "C3"]


def test_a_body_said_to_confirm_and_not_to_confirm_one_statement_is_high() -> None:
    base = "A leaked audit of the Harlow harbour fund was published on Monday. "
    texts = [
        base + "The Harlow council confirmed on Monday afternoon that the audit was genuine.",
        base + "The council confirmed within hours that the leaked audit was authentic.",
        base + "The Harlow council has not confirmed that the audit is genuine.",
    ]
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate(texts)])
    (x,) = [x for x in c.contradictions if x.type == "polarity"]
    assert x.high and x.summary == "Opposite statements: S1, S2 say affirmative; S3 says negative"
    # each side cites the frame: who confirmed, or has not
    assert x.evidence[2].text == "The Harlow council has not confirmed that the audit is genuine"
    # a denial is the frame's opposite too
    denied = texts[2].replace("has not confirmed", "denied")
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate([*texts[:2], denied])])
    assert "polarity" in _high(c)
    # a frame a speaker reports is that speaker's word, and two statements are two
    said = base + "Mayor Ana Quell said the council has not confirmed that the audit is genuine."
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate([*texts[:2], said])])
    assert "polarity" not in _high(c)
    # not denying is not confirming: no dispute with "has not confirmed"
    texts_no = [texts[2], texts[2].replace("has not confirmed", "did not deny")]
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate(texts_no)])
    assert "polarity" not in _high(c)
    other = base + "The Harlow council has not confirmed that the harbour will reopen in May."
    c = compare_articles([_article(t, f"r{i}") for i, t in enumerate([*texts[:2], other])])
    assert "polarity" not in _high(c)


def test_the_same_words_led_in_by_a_long_title_and_a_day_are_credited_plainly() -> None:
    # 'X, leader of ..., said on Monday: "..."': the name leads the words in, though the other
    # speaker is named close by
    words = '"Pensioners are not a line in a spreadsheet, and they are not a problem to be parked."'
    base = "The Harlow assembly debated the leaked pension memo on Tuesday. "
    c = _compare(
        base + "Ivo Brast, leader of the small Renewal party, whose members backed the motion, "
        f"said on Monday: {words} Lena Dahl also spoke.",
        base + "Lena Dahl, leader of the People's Compact, which tabled the motion, said on "
        f"Monday: {words} Ivo Brast also spoke.",
    )
    (x,) = [x for x in c.contradictions if x.type == "attribution"]
    assert x.high and "Ivo Brast" in x.summary and "Lena Dahl" in x.summary


def test_one_length_converted_and_rounded_to_a_round_figure_is_no_dispute() -> None:
    from newsprism.compare.slots import check_number

    # 60 km is 37.3 miles, which a report rounds to 35
    a, b = _units(
        "The island lies 60km off the coast of Varrow.",
        "The island lies 35 miles off the coast of Varrow.",
    )
    assert check_number(a, b, None, None, 0.95) is None
    a, b = _units(
        "The island lies 60km off the coast of Varrow.",
        "The island lies 45 miles off the coast of Varrow.",
    )
    assert check_number(a, b, None, None, 0.95) is not None


def test_a_depth_told_before_or_after_its_figure_is_one_length() -> None:
    from newsprism.compare.slots import check_number

    deep = "The Corrie shaft, which is 415 metres deep, was cleared by noon."
    for other in (
        "The Corrie shaft, which drops 450 metres, was cleared by noon.",
        "The Corrie shaft, which reaches a depth of 450 metres, was cleared by noon.",
        "The 450m-deep Corrie shaft was cleared by noon.",
    ):
        a, b = _units(deep, other)
        found = check_number(a, b, None, None, 0.9)
        assert found is not None and found.b.value == "450 metres", other
    # a river's height at one gauge, told as a peak and as its highest level
    a, b = _units(
        "The Tessel peaked at 4.61 metres at the Millrace Weir gauge on Sunday evening.",
        "The Millrace Weir gauge recorded its highest level, 4.16 metres, on Sunday evening.",
    )
    found = check_number(a, b, None, None, 0.9)
    assert found is not None and (found.a.value, found.b.value) == ("4.61 metres", "4.16 metres")


def test_an_object_counted_as_none_denies_the_act() -> None:
    from newsprism.compare.slots import _negates_verb, check_polarity

    no, yes = _first_units(
        "Gunman Tam Orvell held no licence for the rifle, police in Varrow said.",
        "Gunman Tam Orvell held a licence for the rifle, police in Varrow said.",
    )
    assert no.negated and not yes.negated and _negates_verb(no)
    found = check_polarity(no, yes, 0.95)
    assert found is not None and found.a.value == "negative"


def test_two_counts_of_one_noun_close_together_are_one_count_told_two_ways() -> None:
    # kept high however few of many reports give it; a sum, a length or a span of time is not
    from newsprism.compare.build import _one_count_told_two_ways
    from newsprism.compare.types import Span

    def told(*values: str) -> list[Span]:
        return [Span(f"S{n}", 0, 1, "x", value=v) for n, v in enumerate(values)]

    assert _one_count_told_two_ways(told("450 children", "439 children"))
    assert _one_count_told_two_ways(told("105 games", "106 games"))
    for values in (
        ("800 people", "700 members"),  # two nouns
        ("3 hospitals", "4 hospitals"),  # a third apart
        ("2.49 USD", "2.56 USD"),
        ("14 metres", "15 metres"),
        ("30 year", "31 year"),
    ):
        assert not _one_count_told_two_ways(told(*values)), values


BANK = "The failed Tarrow Savings bank was sold to Pellin Union on Sunday night."
BANK_TAIL = "Its shares have been cancelled."


def test_a_promise_of_no_closures_is_a_promise_made_not_denied() -> None:
    from tests.compare.test_tolls import _compare

    c = _compare(
        f"{BANK} Tarrow's 40 branches reopen this morning under Pellin Union, which has "
        f"promised no branch closures for two years. {BANK_TAIL}",
        f"{BANK} Pellin Union has committed to keeping all 40 Tarrow branches open for at "
        f"least two years, the bank said. {BANK_TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "polarity" and x.high]


CAVERS = (
    "Nine cavers trapped by floodwater in the Harrowdeep cave were found alive on Tuesday. The "
    "Vessen Mountain Rescue Service (VMRS) led the search."
)
CAVERS_TAIL = "Divers will bring them out one by one."


def test_a_doer_set_before_one_act_told_in_the_same_words_is_a_high_actor_dispute() -> None:
    # the doer is written in each sentence, as an apposition's name (the body its role names
    # qualifies it) and as the name a cleft sets before "who"; the act after "and" is told in
    # the very same words, though the sentences around it differ
    from tests.compare.test_tolls import _compare

    c = _compare(
        f"{CAVERS} On Monday night a VMRS diver, Tomas Ekrell, surfaced in the Chapel and found "
        f"all nine alive. {CAVERS_TAIL}",
        f"{CAVERS} That night it was Arvo Lindahl, the leader of the visiting team, who surfaced "
        f"in the Chapel and found all nine alive. {CAVERS_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "actor" and x.high]
    assert {e.value for e in x.evidence} == {"Tomas Ekrell", "Arvo Lindahl"}


def test_a_quotation_of_two_sentences_joined_by_a_comma_is_compared_by_sentence() -> None:
    from tests.compare.test_tolls import _compare

    c = _compare(
        f'{CAVERS} "We are not racing the clock. We are racing the rain," rescue commander Ivo '
        f"Marsk told reporters. {CAVERS_TAIL}",
        f'{CAVERS} "We are not racing the clock, we are racing the weather," rescue commander '
        f"Ivo Marsk told reporters. {CAVERS_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "quote" and x.high]
    assert "rain" in x.summary and "weather" in x.summary


def test_the_no_of_what_a_promise_holds_is_dropped_on_whole_words_only() -> None:
    from newsprism.compare.units import _own_clause, negation_cues

    assert negation_cues(_own_clause("which has promised no branch closures")) == 0
    assert negation_cues(_own_clause("He guaranteed no job losses")) == 0
    # "forests" is no form of "foresee": "no longer" still denies
    assert negation_cues(_own_clause("The forests no longer cover the hills")) == 1


STRANDED = (
    "A signal failure stopped every train between Orrin and Dalby on Tuesday. The Kestmoor Rail "
    "Company apologised to passengers, and Vessary District Council opened its depot to them."
)
STRANDED_TAIL = "Services are expected to resume on Thursday."


def test_one_count_given_by_two_doers_in_other_words_is_a_high_actor_dispute() -> None:
    # "laid on" / "set out" are other verbs, but 120 replacement buses on one night are one
    # act; both reports name both bodies elsewhere in the story, which is no second act
    from tests.compare.test_tolls import _compare

    c = _compare(
        f"{STRANDED} The Kestmoor Rail Company laid on 120 replacement buses between Orrin and "
        f"Dalby on Tuesday night for stranded commuters. {STRANDED_TAIL}",
        f"{STRANDED} Vessary District Council, which owns the depot, set out 120 replacement buses "
        f"between Orrin and Dalby on Tuesday night for commuters stuck in Orrin. "
        f"{STRANDED_TAIL}",
        f"{STRANDED} Vessary District Council, the depot's owner, put on 120 replacement buses "
        f"between Orrin and Dalby on Tuesday night for commuters stuck in Orrin. "
        f"{STRANDED_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "actor" and x.high]
    assert {e.value for e in x.evidence} == {"Kestmoor Rail Company", "Vessary District Council"}


def test_a_small_count_or_a_rough_one_ties_no_act() -> None:
    from newsprism.compare import slots

    a, b = _units(
        "The Kestmoor Rail Company sent 3 engineers to the signal box on Tuesday.",
        "Vessary District Council sent 3 engineers to the signal box on Tuesday.",
    )
    assert not slots.one_count_given(a, b, 0.9)
    a, b = _units(
        "The Kestmoor Rail Company laid on about 120 buses on Tuesday.",
        "Vessary District Council laid on about 120 buses on Tuesday.",
    )
    assert not slots.one_count_given(a, b, 0.9)
    a, b = _units(
        "The Kestmoor Rail Company laid on 120 buses on Tuesday.",
        "Vessary District Council laid on 120 buses on Tuesday.",
    )
    assert slots.one_count_given(a, b, 0.9)
    assert not slots.one_count_given(a, b, 0.4)


PUBLISHER = "Arvid Tessell, who ran the Marrow Press for thirty years, has died aged 81."
PUBLISHER_TAIL = "His authors included two winners of the Holm Prize."


def test_one_persons_act_at_two_kinds_of_unnamed_place_is_a_place_dispute() -> None:
    c = _compare(
        f"{PUBLISHER} Tessell died on Monday at his home in Varrow, his family said. "
        f"{PUBLISHER_TAIL}",
        f"{PUBLISHER} Tessell died on Monday at a hospital in Varrow, the press said. "
        f"{PUBLISHER_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "place" and x.high]
    assert {e.value for e in x.evidence} == {"at his home", "at a hospital"}


@pytest.mark.parametrize(
    "other",
    [
        # one kind in other words
        "Tessell died on Monday at his house in Varrow, the press said.",
        # a report that names both kinds tells of both
        "Tessell, taken from his home on Sunday, died on Monday at a hospital in Varrow.",
        # another person's act
        "His wife Inga Tessell died in 2019 at a hospital in Varrow, the press said.",
    ],
)
def test_one_kind_of_place_or_both_or_another_persons_act_is_no_place_dispute(other: str) -> None:
    c = _compare(
        f"{PUBLISHER} Tessell died on Monday at his home in Varrow, his family said. "
        f"{PUBLISHER_TAIL}",
        f"{PUBLISHER} {other} {PUBLISHER_TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "place" and x.high]


def test_one_count_given_by_a_doer_only_one_report_names_is_no_high_actor_dispute() -> None:
    # "the Treasury" is one outlet's own name for the finance ministry: no second body
    from tests.compare.test_tolls import _compare

    lead = "Rail workers in Dunmere marched against the closure of the Kestmoor line."
    c = _compare(
        f"{lead} On Tuesday the Ministry of Finance announced a fund of 150 million krells "
        f"for the line's staff. {STRANDED_TAIL}",
        f"{lead} The Treasury's answer, unveiled on Tuesday morning, was a one-off fund of 150 "
        f"million krells for the line's staff. {STRANDED_TAIL}",
        f"{lead} The Ministry of Finance set up a fund of 150 million krells on Tuesday for "
        f"the line's staff. {STRANDED_TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "actor" and x.high]


GUNMAN = (
    "Brann Askell, 31, opened fire in the Mereside Galleria in Brantley on Friday evening, "
    "killing three people."
)
GUNMAN_TAIL = "Detectives searched his flat on Saturday."


def test_a_licence_dated_across_a_comma_or_held_since_a_year_is_no_background() -> None:
    # "issued by the city police in 2029" dates the licence, not the holding; "had held ...
    # since 2029" lasts to the story's own time: the holding is denied in the tabloid's voice
    from tests.compare.test_tolls import _compare

    c = _compare(
        f"{GUNMAN} Askell held a licence for the rifle, issued by the city police in 2029, and "
        f"was a member of a shooting club. {GUNMAN_TAIL}",
        f"{GUNMAN} Askell held no licence for the gun. {GUNMAN_TAIL}",
        f"{GUNMAN} Askell had held a firearms licence since 2029, police confirmed. {GUNMAN_TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "polarity" and x.high]
    assert {e.value for e in x.evidence} == {"affirmative", "negative"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an address in the subject is where the person lives, not where the act was done
        (
            "Ivar Holm, 23, of Newton Street, Varrow, was arrested on Saturday morning.",
            "Ivar Holm was arrested at Varrow Pier on Saturday morning.",
        ),
        # hearings still to come may be several, at several courts
        (
            "Holm is due to appear before Varrow Crown Court next month.",
            "Holm will appear before Varrow Magistrates' Court on Tuesday.",
        ),
    ],
)
def test_an_address_or_a_hearing_to_come_is_no_site_dispute(first: str, second: str) -> None:
    lead = "A man has been charged over the Varrow harbour fire."
    c = _compare(f"{lead} {first} {PUBLISHER_TAIL}", f"{lead} {second} {PUBLISHER_TAIL}")
    assert not [x for x in c.contradictions if x.type == "place" and x.high]


def test_two_reports_that_only_both_affirm_do_not_back_a_dispute() -> None:
    # two "affirmative" sides may affirm two statements; two reports giving one day tell one
    from newsprism.compare.build import _best_pair

    a, b, c = (SimpleNamespace(uid=n) for n in range(3))
    match = {(0, 1): 0.9, (0, 2): 0.4, (1, 2): 0.5}

    def score(u: Any, v: Any) -> float:
        return match[(u.uid, v.uid)]

    placed = [(("S1", "affirmative"), a), (("S2", "affirmative"), b), (("S3", "negative"), c)]
    assert _best_pair(placed, score) == 0.5
    dated = [(("S1", "Monday"), a), (("S2", "Monday"), b), (("S3", "Sunday"), c)]
    assert _best_pair(dated, score) == 0.9
    assert _best_pair([("S1", a), ("S2", b), ("S3", c)], score) == 0.9


BOARD_LEAD = "The Kessian Rowing Union sacked its head coach, Arvid Tollan, on Sunday."


def test_a_meeting_at_two_named_sites_is_a_place_dispute_though_one_report_names_both() -> None:
    # "Members of the board" are the board; "Federation House" is a site; the report that names
    # Harbour Stadium for the regatta does not name it for the meeting
    a = (
        f"{BOARD_LEAD} Members of the union's executive board, who had watched the regatta, "
        "convened at Harbour Stadium at 10am on Sunday."
    )
    b = (
        f"{BOARD_LEAD} The union's executive board convened at 10am on Sunday at Federation "
        "House, its headquarters. A crowd of 9,000 at Harbour Stadium had watched the regatta."
    )
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "place"]
    assert x.high and "Harbour Stadium" in x.summary and "Federation House" in x.summary
    # a report that has the board meet at both sites tells two meetings
    both = b + " The board later convened at Harbour Stadium to name a caretaker."
    assert not [x for x in _compare(a, both).contradictions if x.type == "place" and x.high]


def test_a_bare_site_word_is_no_site() -> None:
    # the House of a parliament; a surname the name reader takes for a place ("passed Ford")
    from newsprism.compare import slots

    assert slots._site_word("place:federation_house") and slots._site_word("place:oxley_ford")
    assert not slots._site_word("org:house") and not slots._site_word("place:ford")


def test_a_site_of_a_later_verb_is_not_where_the_act_was() -> None:
    # he died in hospital from an injury suffered on the square: the square is where he was
    # hurt, not where he died
    base = "A striker died after the Kell Street march. "
    a = base + "Orrin Lask died at St Emmerin's Hospital early on Thursday."
    b = base + "Orrin Lask died early on Thursday from a head injury suffered on Republic Square."
    assert not [x for x in _compare(a, b).contradictions if x.type == "place" and x.high]


def test_one_act_told_by_two_verbs_denied_in_a_close_match_is_a_high_polarity_dispute() -> None:
    # "triggered" / "NEVER switched on" the same plan, the claims matching closely
    base = "Five care home residents died in the Haldenmark heatwave. "
    a = base + (
        "The regional executive, led by Governor Ottilie Marsk, triggered its emergency heat "
        "plan last Friday."
    )
    b = base + (
        "The Herald can reveal that Governor Ottilie Marsk's executive NEVER switched on its "
        "own heat emergency plan."
    )
    c = compare_articles([_article(a, "01_wire"), _article(b, "02_herald")])
    (x,) = [x for x in c.contradictions if x.type == "polarity"]
    assert x.high and {e.value for e in x.evidence} == {"affirmative", "negative"}


COURT_LEAD = "The harbour mayor of Kestling was charged with taking bribes over a ferry contract. "


def test_one_person_named_and_described_by_age_at_two_courts_is_a_place_dispute() -> None:
    # "The 51-year-old" is the Varsk the other report names with her age beside her name
    a = COURT_LEAD + "Odile Varsk, 51, appeared in the dock at Kestling District Court on Tuesday."
    b = (
        COURT_LEAD + "The 51-year-old appeared in the dock at the Morvan High Court in Aldholt on "
        "Tuesday."
    )
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "place"]
    assert x.high and "Kestling District Court" in x.summary and "Morvan High Court" in x.summary
    # another age is another person: no dispute of one person's court
    other = b.replace("The 51-year-old", "The 63-year-old")
    assert not [x for x in _compare(a, other).contradictions if x.type == "place" and x.high]


def test_a_things_value_and_a_sum_paid_for_it_are_no_dispute() -> None:
    from newsprism.compare.slots import check_number

    value = "Halmstrand was handed the city's 212m-dukat contract for 40 ferries in 2034."
    paid = "The city had paid Halmstrand about 131 million dukats by the end of February."
    a, b = _units(value, paid, holding="dukat")
    assert check_number(a, b, None, None, 0.7) is None
    # two values of the contract are one figure disputed
    other = "Halmstrand was handed the city's 131m-dukat contract for 40 ferries in 2034."
    a, b = _units(value, other, holding="dukat")
    found = check_number(a, b, None, None, 0.9)
    assert found is not None and found.type == "number"


@pytest.mark.parametrize(
    ("sentence", "figures", "noun", "together"),
    [
        ("Of the 86 buses ordered, 54 have been delivered, City Hall said.", {86, 54}, "buses",
         True),
        ("Volunteers returned 23 pilot whales to the sea; 18 died.", {23, 18}, "whales", True),
        ("The network shut down its systems at four of its seven hospitals.", {4, 7},
         "hospitals", True),
        # each figure counts its own thing: two things, told together
        ("The two officers fired 11 shots and seven bullets hit the boy.", {11, 7}, "shots",
         False),
        ("Commandos recovered 12 rifles, three pistols and two grenades.", {12, 3}, "rifles",
         False),
    ],
)  # fmt: skip
def test_a_report_giving_both_figures_in_one_sentence(
    sentence: str, figures: set[int], noun: str, together: bool
) -> None:
    from newsprism.compare.build import _both_of_one_thing

    (u,) = _first_units(sentence)
    assert _both_of_one_thing(u, {float(f) for f in figures}, {noun}) is together


def test_a_number_dispute_one_report_gives_both_sides_of_is_not_high() -> None:
    # the report that says "of the 86 ordered, 54 have been delivered" counts two things; the
    # others each give one of them
    lead = "Pellow's contract for electric buses is at the heart of the bribery case. "
    a = lead + "Of the 86 buses ordered, 54 have been delivered and are carrying passengers."
    b = lead + "The 54 Stelmark buses already delivered remain in service on nine routes."
    c = lead + "Stelmark won the deal to supply the city with 86 electric buses."
    report = compare_articles([_article(a, "a"), _article(b, "b"), _article(c, "c")])
    assert not [x for x in report.contradictions if x.type == "number" and x.high]


def test_an_act_told_as_already_done_before_is_not_dated_for_the_odd_day() -> None:
    from newsprism.compare.build import _an_act_dated

    (u,) = _first_units("Tidewell's shares had already risen 9% on November 4, analysts said.")
    assert not _an_act_dated(u)
    (u,) = _first_units("Tidewell's shares rose 9% on November 4, analysts said.")
    assert _an_act_dated(u)


def test_one_act_told_nearly_alike_in_two_towns_is_a_place_dispute() -> None:
    # the claims match so closely that the towns are all that differs
    lead = "Nine grey seals died after stranding on Kelvick beach at the weekend. "
    a = lead + ("The carcasses of the nine dead seals were taken on Tuesday to the state "
                "veterinary laboratory in Halbury for post-mortem examinations.")  # fmt: skip
    b = lead + ("The carcasses of all nine dead seals were taken yesterday to the State "
                "Veterinary Laboratory in Dunsfold for post-mortem examinations.")  # fmt: skip
    (x,) = [x for x in _compare(a, b).contradictions if x.type == "place"]
    assert x.high and "Halbury" in x.summary and "Dunsfold" in x.summary


def test_an_order_to_do_a_thing_by_two_deadlines_is_a_date_dispute() -> None:
    # "ordered X to submit" / "ordered X to deliver": what X is told to do, no level the order
    # brings X to; the deadlines differ
    lead = "A nationwide phone outage cut off millions of Tessmark customers on Tuesday. "
    a = lead + ("The regulator said it had ordered Tessnet to submit a full written account of "
                "the failure by Friday, March 24.")  # fmt: skip
    b = lead + ("The regulator has ordered Tessnet to deliver a full written incident report by "
                "Monday 20 March.")  # fmt: skip
    (x,) = [x for x in _compare(a, b, published="2034-03-15").contradictions if x.type == "date"]
    assert x.high and "2034-03-24" in x.summary and "2034-03-20" in x.summary


def test_a_whole_a_part_is_counted_of_is_no_count_of_the_part() -> None:
    # "when 28 of the 46 men then held in the unit refused food" / "the 26 men still refusing
    # food": 46 is the group, not those refusing
    base = "Inmates at Orrin Hill prison ended a hunger strike on Tuesday."
    c = _compare(
        f"{base} The strike began on 9 October, when 28 of the 46 men then held in the "
        "segregation unit refused food.",
        f"{base} The strike began on 9 October, and the 26 men still refusing food accepted the "
        "deal.",
    )
    assert "number" not in _high(c)
