"""The headline quality gate: real disagreements between real reports of one event.

Gold: tests/gold/disagreements/ (two independent annotators per event, merged: an item both
listed is "sure"), 54 ECB+ events and 40 English SemEval pairs in six splits written one after
the other: "tune", "seen" and "test" (each frozen when written, scored once, then developed on:
together the dev set), "test3" (scored once at the end of the session that wrote it, developed
on since), "test4" (scored once in the third session, one change read off it since) and
"test5" (frozen, scored once in the fourth session; see the floors' "_about"). The fictional
five-outlet stories in examples/ written for tuning (orlen-tariffs, sallow-ferry, tamsin-fire,
pellam-merger, quarry-derail, merrow-hack) have their own floors, and so have the frozen ones that
were scored once and tuned on since (caldera-trial, dunmore-flood, fenwick-blast,
greywater-summit, the eighth session's kiln-protest, ashby-indictment, lowen-landing,
tessaly-closure, marra-storm, the ninth's tarrow-quake, mossby-resignation,
wrenfield-recall, gilden-heist, and the tenth's pelling-bridge, ardent-spill, holloway-rates,
fallow-budget, quarrel-strike, vessel-seizure, brisk-election, tollin-crash, and the eleventh's
dravik-crush, saffra-expulsion, ulvers-avalanche, mirelle-trial, verrin-escape, dunlow-eruption,
pradel-blackout, quarmby-hostages, the twelfth's brantley-shooting, kerran-collapse,
ossory-storm, yarrowby-airline, the thirteenth's corvey-memo, mardel-vote,
dunvar-merger, and the fourteenth's brisko-riot, kestwick-recall, ulmarra-transfer,
brenmoor-mine since the eighteenth, the eighteenth's harlan-tram, seldon-landslide and
morrow-raid since the nineteenth, and the nineteenth's ambry-tariffs, corbel-leak and
thessin-strike since the twentieth, the twentieth's veldmoor-outbreak, carrow-doping and
tarsk-launch since the twenty-first, and the twenty-first's orvik-ransomware, halden-heatwave and
kessel-evictions since the twenty-second, and the twenty-second's dorrin-cave, sable-spill and
ashmere-bank since the twenty-third, and the twenty-third's brackwater-fraud, whose false high
was read off it after its scoring, and corrin-wildfire and lindqvist-strike since the
twenty-fourth, and the twenty-fourth's quillon-recall, tavish-sacking and hemmel-funicular since
the twenty-fifth, and the twenty-fifth's pellow-bribery, tarnby-outage and brindle-stranding
since the twenty-sixth, and the twenty-sixth's vannick-leak, morrel-theft and ellery-abduction
since the twenty-seventh, and the twenty-seventh's talby-impeachment, ravel-subpoena and
pardee-pardon, scored once in it and tuned on in it after, and its quorne-recount,
dunstan-censure and marlowe-stop since the twenty-eighth, and the twenty-eighth's caskell-syrup,
wexley-sanctions and orrin-deduction, scored once in it and tuned on in it after, and the
twenty-ninth's amberly-drought, cordell-extradition and perrin-quarantine, likewise, and the
thirtieth's corwen-exchange, sorrel-marathon and ostrey-illness, likewise, and the
thirty-first's wardle-rescue, caddon-auction and pelham-mutiny, and its harwick-evacuation,
stanmore-hungerstrike and penhallow-spyware, likewise);
harrow-lawsuit, corran-final and vesna-election have none.
Precision counts every high-confidence contradiction the report shows. Floors live in
tests/quality_floors.json ("disagreements"); never lower them silently."""

from __future__ import annotations

import json
import re

import pytest

from newsprism.eval.disagreements import (
    evaluate_disagreements,
    load_documents,
    load_events,
    load_gold,
)
from tests.conftest import ECBPLUS_DEV, ROOT, SEMEVAL_DEV, need_shared

GOLD = ROOT / "tests" / "gold" / "disagreements"
FLOORS = ROOT / "tests" / "quality_floors.json"


@pytest.fixture(scope="module")
def documents() -> dict:
    return load_documents([need_shared(ECBPLUS_DEV), need_shared(SEMEVAL_DEV)])


@pytest.mark.parametrize(
    ("name", "split"),
    [("dev", "tune,seen,test"), ("test3", "test3"), ("test4", "test4"), ("test5", "test5")],
)
def test_real_disagreements_above_floors(documents: dict, name: str, split: str) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["disagreements"][name]
    result = evaluate_disagreements(
        load_gold(GOLD / "gold.jsonl"), load_events(GOLD / "events.jsonl"), documents, split=split
    )
    # the frozen half has a false-alarm bound only (see the floors' "_about")
    if "precision" in floors:
        assert result["precision"] >= floors["precision"], result["unmatched"]
        assert result["recall"] >= floors["recall"], result["missed"]
    assert result["findings_per_story"] <= floors["max_findings_per_story"], result["per_event"]


def test_gold_spans_are_in_their_reports(documents: dict) -> None:
    events = {e.event: e for e in load_events(GOLD / "events.jsonl")}
    for item in load_gold(GOLD / "gold.jsonl"):
        assert item.event in events
        for side in item.sides:
            assert side.doc in events[item.event].docs
            assert side.span in documents[side.doc].text or " ".join(side.span.split()) in " ".join(
                documents[side.doc].text.split()
            ), (item.event, side)


@pytest.mark.parametrize(
    "story",
    [
        "orlen-tariffs",
        "sallow-ferry",
        "tamsin-fire",
        "pellam-merger",
        "quarry-derail",
        "merrow-hack",
        # frozen when written, scored once, tuned on since
        "caldera-trial",
        "dunmore-flood",
        "fenwick-blast",
        "greywater-summit",
        "kiln-protest",
        "ashby-indictment",
        "lowen-landing",
        "tessaly-closure",
        "marra-storm",
        "tarrow-quake",
        "mossby-resignation",
        "wrenfield-recall",
        "gilden-heist",
        "pelling-bridge",
        "ardent-spill",
        "holloway-rates",
        "fallow-budget",
        "quarrel-strike",
        "vessel-seizure",
        "brisk-election",
        "tollin-crash",
        "dravik-crush",
        "saffra-expulsion",
        "ulvers-avalanche",
        "mirelle-trial",
        "verrin-escape",
        "dunlow-eruption",
        "pradel-blackout",
        "quarmby-hostages",
        "brantley-shooting",
        "kerran-collapse",
        "ossory-storm",
        "yarrowby-airline",
        "corvey-memo",
        "mardel-vote",
        "dunvar-merger",
        "brisko-riot",
        "kestwick-recall",
        "ulmarra-transfer",
        "brenmoor-mine",
        "harlan-tram",
        "seldon-landslide",
        "morrow-raid",
        "ambry-tariffs",
        "corbel-leak",
        "thessin-strike",
        "veldmoor-outbreak",
        "carrow-doping",
        "tarsk-launch",
        "orvik-ransomware",
        "halden-heatwave",
        "kessel-evictions",
        "dorrin-cave",
        "sable-spill",
        "ashmere-bank",
        "brackwater-fraud",
        "corrin-wildfire",
        "lindqvist-strike",
        "quillon-recall",
        "tavish-sacking",
        "hemmel-funicular",
        "pellow-bribery",
        "tarnby-outage",
        "brindle-stranding",
        "vannick-leak",
        "morrel-theft",
        "ellery-abduction",
        "talby-impeachment",
        "ravel-subpoena",
        "pardee-pardon",
        "quorne-recount",
        "dunstan-censure",
        "marlowe-stop",
        "caskell-syrup",
        "wexley-sanctions",
        "orrin-deduction",
        "amberly-drought",
        "cordell-extradition",
        "perrin-quarantine",
        "corwen-exchange",
        "sorrel-marathon",
        "ostrey-illness",
        "wardle-rescue",
        "caddon-auction",
        "pelham-mutiny",
        "harwick-evacuation",
        "stanmore-hungerstrike",
        "penhallow-spyware",
    ],
)
def test_fictional_stories_above_floors(story: str) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["disagreements"][story]
    folder = ROOT / "examples" / story
    result = evaluate_disagreements(
        load_gold(folder / "gold.jsonl"), load_events(folder / "events.jsonl"),
        load_documents([folder]),
    )  # fmt: skip
    assert result["precision"] >= floors["precision"], result["unmatched"]
    assert result["recall"] >= floors["recall"], result["missed"]


def test_the_halves_do_not_share_a_topic() -> None:
    events = load_events(GOLD / "events.jsonl")
    halves = {e.split for e in events}
    # test4 (frozen, scored once) holds the other event of topics used before: the same kind
    # of happening (riots, a shooting), never the same event or the same reports; so does
    # test5 (the fourth session's frozen set: the last four unused ECB+ events, ten SemEval pairs)
    assert halves == {"tune", "seen", "test", "test3", "test4", "test5"}
    topic = {e.event: re.match(r"\d+", e.event).group() for e in events if "_" not in e.event}  # type: ignore[union-attr]
    tune = {topic[e.event] for e in events if e.split == "tune" and e.event in topic}
    test = {topic[e.event] for e in events if e.split == "test" and e.event in topic}
    assert not tune & test
    # every event is in one split only
    assert len({e.event for e in events}) == len(events)


def test_an_office_named_by_the_bodys_acronym_or_short_name_is_one_office() -> None:
    # fenwick-blast (frozen, scored once): "BCI Chief Executive Oskar Lindqvel" / "Brannock chief
    # executive Oskar Lindqvel" -- BCI is Brannock Chemical Industries, "Brannock" its short name
    from newsprism.compare import compare_articles

    folder = ROOT / "examples" / "fenwick-blast"
    event = load_events(folder / "events.jsonl")[0]
    documents = load_documents([folder])
    report = compare_articles([documents[d] for d in event.docs])
    assert not [c for c in report.contradictions if "Lindqvel" in c.summary]
