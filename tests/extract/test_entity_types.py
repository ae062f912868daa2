"""Typing names the small model does not know, from the words around them (needs the model)."""

from __future__ import annotations

import sys

import pytest

from newsprism.extract import Extraction, extract, get_nlp, link_across
from newsprism.extract.entity_types import type_scores
from newsprism.extract.gazetteer import load
from newsprism.extract.link import canonical_map
from newsprism.extract.types import Mention

pytestmark = pytest.mark.slow

# Three invented reports of one event; each names the people, firms and places differently.
REPORT_A = (
    "Floodgates opened at Brannock Dam\n\n"
    "Engineers opened the floodgates of the Brannock Dam on Tuesday, the regional authority said. "
    "About 1,200 residents of the riverside towns of Quellin and Dunmere were moved overnight, "
    "according to civil protection chief Odile Marchetti. \u201cWe take no chances,\u201d "
    "Marchetti told reporters in Quellin. The dam's operator, Kellaway Hydro, said the wall was "
    "undamaged. Prime Minister Velma Arkwright flew to Carrowick and promised EUR 20 million."
)
REPORT_B = (
    "Thousands leave homes near Brannock Dam\n\n"
    "Farmers downstream said fields were flooded. Roughly 1,500 people from Quellin, Dunmere and "
    "the village of Harn left their homes. Civil protection chief Odile Marchetti said: "
    "\u201cWe take no chances with anyone.\u201d Kellaway Hydro, which runs the dam, said "
    "engineers had inspected it. Opposition leader Sandor Hegyi called for an inquiry."
)


def by_text(ex: Extraction) -> dict[str, str]:
    return {m.text: m.entity_key for m in ex.mentions}


@pytest.fixture(scope="module")
def reports() -> list[Extraction]:
    return [extract(REPORT_A, published="2025-04-09"), extract(REPORT_B, published="2025-04-09")]


def test_people_firms_places_and_structures_typed_by_context(reports: list[Extraction]) -> None:
    a, b = (by_text(x) for x in reports)
    assert a["Odile Marchetti"] == b["Odile Marchetti"] == "person:odile_marchetti"
    assert a["Marchetti"] == "person:odile_marchetti"
    assert a["Kellaway Hydro"] == b["Kellaway Hydro"] == "org:kellaway_hydro"
    assert a["Velma Arkwright"] == "person:velma_arkwright"
    assert b["Sandor Hegyi"] == "person:sandor_hegyi"
    for name in ("Quellin", "Dunmere"):
        assert a[name] == b[name] == f"place:{name.lower()}"
    assert b["Harn"] == "place:harn"  # "the village of Harn"
    assert a["Carrowick"] == "place:carrowick"  # "flew to Carrowick"
    assert a["Brannock Dam"] == "place:brannock_dam"


def test_sentence_initial_common_nouns_are_not_entities(reports: list[Extraction]) -> None:
    texts = {m.text for x in reports for m in x.mentions}
    assert not texts & {"Engineers", "Farmers", "Floodgates", "Thousands"}


def test_one_type_per_name_in_an_article(reports: list[Extraction]) -> None:
    for ex in reports:
        slugs: dict[str, set[str]] = {}
        for e in ex.entities:
            slugs.setdefault(e.key.split(":", 1)[1], set()).add(e.type)
        assert all(len(kinds) == 1 for kinds in slugs.values()), slugs


def test_a_role_word_is_not_part_of_the_name() -> None:
    ex = extract("Striker Jonas Ekwueme scored twice for Harlow Vale FC on Saturday.")
    keys = {e.key for e in ex.entities}
    assert "person:jonas_ekwueme" in keys and "org:harlow_vale_fc" in keys


def test_apposition_and_relative_clauses_say_what_a_name_is() -> None:
    ex = extract(
        "Kwame Asante-Boateng, a lawyer for the family, said they would appeal. "
        "Survivors were taken to Kilnsey, where doctors treated them."
    )
    keys = {e.key for e in ex.entities}
    assert {"person:kwame_asante_boateng", "place:kilnsey"} <= keys


def test_a_name_set_after_its_role_is_a_person() -> None:
    # "Its manager, Ruben Ashdown,": the name stands for the role before it, whatever the
    # small model guessed; and a name it did not see at all, after "chair,", is found
    ex = extract(
        "Five residents of the care home died on Monday. Its manager, Ruben Ashdown, said "
        "the home had no backup generator. \u201cWe asked for generators and we got a leaflet. "
        "You cannot cool a frail resident with a paper fan,\u201d the association's chair, "
        "Marthe Quillan, said."
    )
    keys = {e.key for e in ex.entities}
    assert {"person:ruben_ashdown", "person:marthe_quillan"} <= keys
    (q,) = [q for q in ex.quotes if "leaflet" in q.text]
    assert q.speaker_key == "person:marthe_quillan"


def test_a_name_after_a_site_and_at_is_a_place() -> None:
    # "on the seafront at Tidewick": the small model reads Tidewick as a person, and the parser
    # hangs "at" on the verb
    ex = extract(
        "Environment Minister Annika Velloway, speaking on the seafront at Tidewick on Tuesday "
        "afternoon, said the owners would pay."
    )
    keys = {e.key for e in ex.entities}
    assert "place:tidewick" in keys and "person:tidewick" not in keys


def test_a_site_named_after_its_patron_is_one_place() -> None:
    # "St Brennan's Hospital": not the person St Brennan and a hospital
    ex = extract("Edvard Lusk, 81, of Northgate, died in St Brennan's Hospital on Monday.")
    keys = {e.key for e in ex.entities}
    assert "place:st_brennan_s_hospital" in keys and "person:st_brennan" not in keys


def test_a_name_with_an_age_set_off_after_it_is_a_person() -> None:
    # the small model takes the bare surname for an organisation each time it stands alone;
    # "Tavel Orrick, 31," is a person's age, and the surname is his
    ex = extract(
        "Brann Askell, 31, from Scarrow Hill in Brantley, walked into the Mereside Galleria and "
        "opened fire on diners. Askell worked at Mereside for Halverd Security Services for five "
        "years until he was shown the door in January. Among the dead is a Halverd guard, one "
        "of Askell's old workmates. They cornered Askell in a back corridor. Askell held no "
        "licence for the gun. Detectives were last night searching Askell's flat."
    )
    keys = {m.entity_key for m in ex.mentions if "Askell" in m.text}
    assert keys == {"person:brann_askell"}


def test_evidence_of_a_single_mention() -> None:
    doc = get_nlp()("Residents of the village of Harn fled.")
    harn = next(t.i for t in doc if t.text == "Harn")
    scores = type_scores(doc, harn, harn + 1, "PERSON", load())
    assert scores["place"] > scores.get("person", 0)


def test_link_across_unifies_types_by_majority() -> None:
    def ex(*keys: str) -> Extraction:
        mentions = tuple(Mention("x", 0, 1, "PERSON", k) for k in keys)
        return Extraction("a", "en", None, (), (), mentions, (), (), (), ())

    mapping = canonical_map(
        [
            ex("place:marta_ilves", "person:ilves"),
            ex("person:marta_ilves"),
            ex("person:marta_ilves", "org:ostra", "place:ostra", "place:ostra"),
        ]
    )
    assert mapping["place:marta_ilves"] == "person:marta_ilves"
    assert mapping["person:ilves"] == "person:marta_ilves"
    assert mapping["org:ostra"] == "place:ostra"


def test_link_across_rewrites_whole_extractions(reports: list[Extraction]) -> None:
    linked = link_across(reports)
    for ex in linked:
        assert all(e.key.split(":", 1)[0] == e.type for e in ex.entities)
        assert {m.entity_key for m in ex.mentions} == {e.key for e in ex.entities}


def test_importing_the_stage_does_not_import_spacy() -> None:
    import subprocess

    code = "import sys, newsprism.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unused_pipes_are_not_loaded() -> None:
    nlp = get_nlp()
    assert "senter" not in nlp.component_names
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)


def test_a_surname_read_as_a_group_is_the_one_person_it_names() -> None:
    def ex(*keys: str) -> Extraction:
        mentions = tuple(Mention("x", 0, 1, "NORP", k) for k in keys)
        return Extraction("a", "en", None, (), (), mentions, (), (), (), ())

    mapping = canonical_map(
        [ex("group:tollan", "group:kessians"), ex("person:arvid_tollan"), ex("group:kessians")]
    )
    assert mapping["group:tollan"] == "person:arvid_tollan"
    assert "group:kessians" not in mapping
    # two people of that surname: no one of them
    two = canonical_map([ex("group:tollan"), ex("person:arvid_tollan", "person:mira_tollan")])
    assert "group:tollan" not in two


def test_a_first_name_tagged_as_a_people_before_a_persons_apposition_is_a_name() -> None:
    # the tagger sometimes types "Florian" alone as a nationality; set before "Marbury, the
    # auditor-general who ...", the two words are one person's name
    from spacy.tokens import Span

    from newsprism.extract.entity_types import first_name_as_group

    doc = get_nlp()("Florian Marbury, the auditor-general who was removed, said so.")
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert first_name_as_group(doc, 0, 1, load()) == (0, 2, "PERSON")
    # a people before a common noun stays one
    doc = get_nlp()("Norvallese officials, the ministry said, were told.")
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert first_name_as_group(doc, 0, 1, load()) is None


def test_hospitals_and_air_bases_are_places() -> None:
    # where someone was taken or landed: "Sorrel General Infirmary" is no organisation there,
    # and "Cairnhollow air base" names the base's place
    ex = extract("He was taken by ambulance to Tollin General Infirmary, and was discharged.")
    assert "place:tollin_general_infirmary" in {e.key for e in ex.entities}
    (taken,) = [c for c in ex.claims if c.action == "take"]
    assert taken.place == ("place:tollin_general_infirmary",)
    ex = extract("The jet landed at Carnhollow air base outside the capital on Tuesday.")
    assert "place:carnhollow" in {e.key for e in ex.entities}
    # a name no tagger knew, before a site word in lower case, is the site's place
    ex = extract("It landed at Wendlow airport on the edge of Merrowgate shortly before 9pm.")
    (landed,) = [c for c in ex.claims if c.action == "land"]
    assert "place:wendlow" in landed.place
