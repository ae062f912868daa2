"""Named lists read from the text and compared across reports (compare/lists.py)."""

from __future__ import annotations

from newsprism.compare import Comparison, compare_articles, lists
from newsprism.compare.lists import Listing
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash


def _read(text: str, source: int = 0) -> list[Listing]:
    return lists.listings_in(source, text, [(0, len(text))])


def test_a_list_of_names_is_read_with_its_members_as_written() -> None:
    (x,) = _read("The curfew covers the Old Town, Kilnside and St Aurel from 10pm.")
    assert x.members == ("the Old Town", "Kilnside", "St Aurel")
    assert [lists.shown(m) for m in x.members] == ["Old Town", "Kilnside", "St Aurel"]
    text = "Thistlegate Bank, Harbour Savings and the Orrin Cooperative Bank (OCB) said so."
    (y,) = _read(text)
    assert y.members == ("Thistlegate Bank", "Harbour Savings", "the Orrin Cooperative Bank (OCB)")
    assert lists.normal(y.members[2]) == "orrin cooperative bank"
    assert [text[a:b] for a, b in y.spans] == list(y.members)


def test_what_is_not_a_list_of_names() -> None:
    # two names are a pair, not a set a report commits to
    assert _read("Talks between Brask and Vennor ended.") == []
    # days of a schedule are dates
    assert _read("Trains run on Monday, Tuesday and Friday.") == []
    # a sentence's first word, written in lower case elsewhere, is no member
    text = "Yesterday, Brask and Holm met. They had met yesterday too."
    assert _read(text) == []
    (x,) = _read("Yesterday, Brask, Vennor and Holm met. They had met yesterday too.")
    assert x.members == ("Brask", "Vennor", "Holm")
    # a name opening the sentence is a member
    (y,) = _read("Thistlegate, Harbour Savings and Arland Trust said they would follow.")
    assert y.members == ("Thistlegate", "Harbour Savings", "Arland Trust")
    # the kind of thing each member is stays with it; after the last name alone, it is the list's
    (z,) = _read(
        "Skiing stopped in the Gravholt bowl, the Skavle couloirs and the Lindfjell traverse."
    )
    assert [lists.normal(m) for m in z.members] == ["gravholt", "skavle", "lindfjell"]
    (w,) = _read("It was sold through the Hatherley's, Pellow's and Quickbasket chains.")
    assert w.members == ("the Hatherley's", "Pellow's", "Quickbasket")
    # a sample of a dozen countries is not one closed set
    many = "Cables link Arda, Belm, Cory, Dask, Elm, Fenn and Gall."
    assert _read(many) == []
    # a long run of names with no "and" (hostile or garbled text) is no list, and is read
    # through at once
    assert _read(", ".join(["Alpha Beta Gamma"] * 3000) + ".") == []
    # members described between semicolons; a member placed "in" a town is the member
    (x,) = _read(
        "Checks were ordered at three grounds: Stonebridge Park, home of Dunvale Town; "
        "The Maltings, Hessel United's ground; and Kesh City's Brinley Lane."
    )
    assert x.members == ("Stonebridge Park", "The Maltings", "Kesh City's Brinley Lane")
    (y,) = _read("Checks were ordered at the Maltings in Hessel, Brinley Lane and Fenner Road.")
    assert y.members == ("the Maltings", "Brinley Lane", "Fenner Road")
    # ... but not a town a common word opens the sentence before ("Households in Kellaby")
    (z,) = _read("Households in Kellaby, Dravenford and Quellin were told to boil water.")
    assert z.members == ("Kellaby", "Dravenford", "Quellin")
    # ... or described first, in lower case, before a comma and the name
    (v,) = _read(
        "The six are General Ivo Brastan, who commands the gendarmerie; Colonel Dace Mollin, its "
        "district commander; the deputy interior minister, Teodor Hask; the interior minister "
        "himself, Anton Vesk; and Lukas Tervane, the provincial prosecutor."
    )
    assert v.members == (
        "General Ivo Brastan", "Colonel Dace Mollin", "Teodor Hask", "Anton Vesk", "Lukas Tervane"
    )  # fmt: skip
    # a semicolon list that runs on from a member not read is not read in part
    assert (
        _read(
            "They are Lina Farr, his aide; Cora Mayhew, a director; the firm's founder Teo Brask; "
            "Oren Blythe, its treasurer; and Halvard Group itself."
        )
        == []
    )
    (w,) = _read(
        "Police named them as Ivo Kovry, 41, who is serving life; Edda Orvik, 29; and Lev Sark, 35."
    )
    assert w.members == ("Ivo Kovry", "Edda Orvik", "Lev Sark")
    # ... a description as long as a relative clause with its own clause inside
    (v,) = _read(
        "Three others were charged: Mira Tolland, 47, Kestling's head of procurement, who chaired "
        "the committee that scored the bids; Oren Vask, the consultant who owns Quillmere; and "
        "Teo Brannick, Halstrand's former sales director."
    )
    assert v.members == ("Mira Tolland", "Oren Vask", "Teo Brannick")
    # a long run of described members with no "and" is read through at once
    assert _read("; ".join(["Alpha Beta, gamma delta"] * 2000) + ".") == []
    # a list does not run on across a sentence's end
    two = "It sold in Arden, Bellow and Corran. Dunmore stayed shut."
    (x,) = lists.listings_in(0, two, [(0, 35), (36, len(two))])
    assert x.members == ("Arden", "Bellow", "Corran")


def test_a_member_after_the_kind_of_place_it_is_and_a_count_of_the_set_are_read() -> None:
    (x,) = _read(
        "Raids took place in the port city of Vellhaven, the capital Drennholm, Astrel and Tessaly."
    )
    assert x.members == ("Vellhaven", "Drennholm", "Astrel", "Tessaly")
    (y,) = _read(
        "He watched the naval base at Tarnholm Point, the naval dockyard in Quillmouth and the "
        "radar station at Fell Ness."
    )
    assert y.members == ("Tarnholm Point", "Quillmouth", "Fell Ness")
    # what the list is of, counted, is no member of it
    (z,) = _read("The three signatories, Kessaly, Halvoria and Vantra, agreed.")
    assert z.members == ("Kessaly", "Halvoria", "Vantra")
    (w,) = _read("Tessaly's three Tarsenian car plants, Danmoor, Kell and Sarn, will vote.")
    assert w.members == ("Danmoor", "Kell", "Sarn")
    # a name holding a capitalised number is a member
    (t,) = _read("Trains to Seven Oaks, Ashford and Dover were cancelled.")
    assert t.members == ("Seven Oaks", "Ashford", "Dover")
    # a small word is never taken for the kind of place ("the talks in Arden")
    (v,) = _read("After the talks in Arden, Bellow and Corran signed.")
    assert v.members == ("Arden", "Bellow", "Corran")


def _same(x: Listing, i: int, y: Listing, j: int) -> bool:
    return lists.normal(x.members[i]) == lists.normal(y.members[j])


def test_one_set_with_one_member_swapped() -> None:
    (a,) = _read("Sold by Hatherley's, Pellow's and Quickbasket.", 0)
    (b,) = _read("Stocked by three grocers, Hatherley's, Pellow's and Greenholt.", 1)
    assert lists.same_set(a, b, _same) == ([2], [2])
    # as many members, but two of three apart: two sets
    (c,) = _read("Sold by Hatherley's, Dunmore and Quickbasket.", 1)
    (d,) = _read("Sold by Hatherley's, Pellow's, Tarn and Greenholt.", 1)
    assert lists.same_set(c, b, _same) is None
    # a longer list is another set (or a fuller one), not the same set told otherwise
    assert lists.same_set(a, d, _same) is None


def test_disputes_gather_each_set_across_reports() -> None:
    found = [
        *_read("Sold by Hatherley's, Pellow's and Quickbasket.", 0),
        *_read("On sale at Hatherley's, Pellow's and Quickbasket.", 1),
        *_read("Stocked by Hatherley's, Pellow's and Greenholt.", 2),
        *_read("Signed by Arda, Belm and Cory.", 2),
    ]

    def one_set(x: Listing, y: Listing) -> bool:
        return lists.same_set(x, y, _same) is not None

    def apart(x: Listing, y: Listing) -> bool:
        pair = lists.same_set(x, y, _same)
        return pair is not None and bool(pair[0])

    (d,) = lists.disputes(found, one_set, apart)
    assert [x.source for x in d.listings] == [0, 1, 2]
    assert d.listings[2].members[2] == "Greenholt"


def _article(text: str, name: str) -> Article:
    chash = content_hash("", text)
    return Article(
        id=article_id(f"test:{name}", chash),
        title="",
        body=text,
        metadata={"published": Meta("2031-05-07", Provenance.USER)},
        location=name,
        kind=InputKind.TEXT,
        identity=f"test:{name}",
        content_hash=chash,
    )


def _compare(*texts: str) -> Comparison:
    return compare_articles([_article(t, f"r{n}") for n, t in enumerate(texts)])


LEAD = "Interior Minister Edda Varn imposed a night curfew on Thursday after two days of riots."
TAIL = "Police said 40 people had been arrested since Tuesday."


def test_a_member_swapped_in_a_list_is_a_high_list_dispute_with_every_report_cited() -> None:
    c = _compare(
        f"{LEAD} The curfew covers three central districts, the Old Town, Kilnside and Vellmoor. "
        f"{TAIL}",
        f"{LEAD} It runs from 10pm to 6am in the Old Town, Kilnside and St Aurel. {TAIL}",
        f"{LEAD} The curfew, from 10 p.m., applies in the Old Town, Kilnside and St Aurel. {TAIL}",
    )
    (x,) = [x for x in c.contradictions if x.type == "entity_set"]
    assert x.high
    assert {e.source for e in x.evidence} == {"S1", "S2", "S3"}
    values = {e.source: e.value for e in x.evidence}
    assert values["S1"] == "Old Town, Kilnside, Vellmoor"
    assert values["S2"] == values["S3"] == "Old Town, Kilnside, St Aurel"


def test_lists_of_two_sets_that_overlap_are_no_dispute() -> None:
    # the districts under curfew, and the districts a riot spread to: different sentences
    c = _compare(
        f"{LEAD} The curfew covers the Old Town, Kilnside and Vellmoor. {TAIL}",
        f"{LEAD} On Wednesday the rioting spread from the docks into the Old Town, Kilnside "
        f"and St Aurel, where shops were looted. {TAIL}",
    )
    assert not [x for x in c.contradictions if x.type == "entity_set"]


def test_lists_told_alike_are_one_set_though_each_report_names_the_others_member() -> None:
    # each report names the other's third district too, in another role; the sentences that
    # list them say the same, so the curfew's districts are disputed
    c = _compare(
        f"{LEAD} The curfew covers the Old Town, Kilnside and Vellmoor. {TAIL} "
        "St Aurel stayed calm.",
        f"{LEAD} The curfew covers the Old Town, Kilnside and St Aurel. {TAIL} "
        "In Vellmoor the night passed quietly.",
    )
    assert [x for x in c.contradictions if x.type == "entity_set" and x.high]
    # ... while lists told in sentences that run otherwise, each report naming the other's
    # member, are two sets (the curfew's, the riot's)
    c = _compare(
        f"{LEAD} The curfew covers the Old Town, Kilnside and Vellmoor. {TAIL} "
        "St Aurel stayed calm.",
        f"{LEAD} On Wednesday the rioting spread from the docks into the Old Town, Kilnside "
        f"and St Aurel, where shops were looted. {TAIL} In Vellmoor the night passed quietly.",
    )
    assert not [x for x in c.contradictions if x.type == "entity_set" and x.high]


def test_a_member_swapped_for_someone_named_elsewhere_is_still_a_dispute() -> None:
    # the first report puts the trial's own safety chief on the minister's panel; the second
    # names him too, in his own role, but never names the first report's third member
    c = _compare(
        "Health Minister Corwen Adali named a review panel of Dr Ines Dalvane, Prof Emil Tolvey "
        "and Dr Ruth Sturrock on Tuesday. Sturrock also chairs the trial's safety committee.",
        "Health Minister Corwen Adali named a review panel of Dr Ines Dalvane, Prof Emil Tolvey "
        "and Dr Hana Keldane on Tuesday. The trial's safety committee is chaired by Dr Ruth "
        "Sturrock.",
    )
    (x,) = [x for x in c.contradictions if x.type == "entity_set"]
    assert x.high
    assert {e.value for e in x.evidence} == {
        "Dr Ines Dalvane, Prof Emil Tolvey, Dr Ruth Sturrock",
        "Dr Ines Dalvane, Prof Emil Tolvey, Dr Hana Keldane",
    }


def test_a_member_named_short_or_by_its_acronym_is_the_same_member() -> None:
    c = _compare(
        "Thistlegate Bank, Harbour Savings and the Orrin Cooperative Bank (OCB) said on "
        "Wednesday that they would raise mortgage rates by half a point from 1 April.",
        "The three biggest lenders, Thistlegate, Harbour Savings and OCB, said on Wednesday "
        "that they would raise mortgage rates by half a point from 1 April.",
    )
    assert not [x for x in c.contradictions if x.type == "entity_set"]


HAMLETS = "A landslide buried part of Seldon on Sunday night."
AGREED = (
    f"{HAMLETS} Officials evacuated the neighbouring hamlets of Tessing, Holmcote and Marrow "
    "Bridge."
)
OTHERWISE = (
    f"{HAMLETS} Rescuers told the families of Holmcote, Upper Brannock and Tessing to pack what "
    "they could carry and go."
)


def test_a_list_several_reports_give_whole_is_disputed_by_one_told_in_other_words() -> None:
    c = _compare(
        AGREED, AGREED.replace("Officials evacuated", "On Monday officials cleared"), OTHERWISE
    )
    (x,) = [x for x in c.contradictions if x.type == "entity_set"]
    assert x.high
    values = {e.source: e.value for e in x.evidence}
    assert values["S3"] == "Holmcote, Upper Brannock, Tessing"
    assert values["S1"] == values["S2"] == "Tessing, Holmcote, Marrow Bridge"


def test_one_list_against_one_told_in_other_words_is_no_dispute() -> None:
    # no other report backs either list: sentences that run this differently may list two sets
    c = _compare(AGREED, OTHERWISE)
    assert not [x for x in c.contradictions if x.type == "entity_set" and x.high]


def test_a_list_read_whole_takes_the_place_of_one_the_claims_showed_as_sure() -> None:
    # the claims' list dispute on the same sentences may still be lowered for sentences told
    # loosely; the list read whole, its sentences matched already, stands in its place
    from newsprism.compare.build import _Disputes
    from newsprism.compare.types import Contradiction, Span

    def listed(confidence: float, basis: str) -> Contradiction:
        sides = tuple(
            Span(s, 0, 40, "x", value=v) for s, v in (("S1", "A, B, C"), ("S2", "A, B, D"))
        )
        return Contradiction("", "entity_set", confidence, sides, summary="", basis=basis)

    d = _Disputes()
    d.add(listed(0.75, "claims"), 0)
    d.add_surer(listed(0.75, "read whole"), 0, on_ties=True)
    assert [(c.id, c.basis) for c in d.found] == [("C1", "read whole")]
    # a surer one stays; without on_ties an equal one stays too
    d.add_surer(listed(0.6, "weaker"), 0, on_ties=True)
    d.add_surer(listed(0.75, "another"), 0)
    assert [c.basis for c in d.found] == ["read whole"]


def test_titles_in_quotation_marks_are_read_as_a_list() -> None:
    # each title after its maker's name and before its year or a description
    (x,) = _read(
        'The works were Aldo Verin\'s "The Salt Carrier" (1702), Mara Oske\'s "Harbour at '
        'Dunmere"; and Oske\'s later "Winter at the Mill" (1719), a gift of the city.'
    )
    assert x.members == ("The Salt Carrier", "Harbour at Dunmere", "Winter at the Mill")
    # quoted words that are no titles, or titles too far apart, are no list
    assert _read('He said "we will win", then "never", and "go home" again.') == []
    far = ('"The Salt Carrier" hung in the east wing of the old house for most of the last '
           'two centuries, long before anyone in the family thought of insuring it, "Harbour at '
           'Dunmere" in '
           'the west wing, and "Winter at the Mill" in the hall.')  # fmt: skip
    assert _read(far) == []


def test_a_list_disputes_act_is_one_told_on_both_sides() -> None:
    # "cables linking Orsa and Velm failed" twice / "cables that connect Tarn to Velm": two
    # reports of one list telling one act back no dispute with the other list
    from newsprism.compare.build import _one_act
    from tests.compare.conftest import units_of

    pub = "2035-02-02"
    units = units_of(
        ("Two cables linking Orsa and Velm failed on Tuesday.", pub),
        ("Three cables linking Orsa and Velm failed on Tuesday.", pub),
        ("The cables that connect Tarn to Velm were damaged.", pub),
    )
    failed = [u for u in units if u.claim.action == "fail"]
    damaged = next(u for u in units if u.claim.action == "damage")
    one_list = [(("S1", "Orsa, Velm"), failed[0]), (("S2", "Orsa, Velm"), failed[1])]
    assert not _one_act([*one_list, (("S3", "Tarn, Velm"), damaged)])
    assert _one_act([one_list[0], (("S3", "Tarn, Velm"), failed[1])])
