"""The stage end to end on short invented texts (needs the spaCy model)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsprism.errors import ModelNotInstalled, UsageError
from newsprism.extract import Extraction, extract, extract_many, link_across, load_nlp
from newsprism.extract.gazetteer import fold, load, slug
from newsprism.extract.quotes import quote_spans
from newsprism.models import Article, InputKind, Meta, Provenance

pytestmark = pytest.mark.slow

STORY = (
    "Varnia talks stall\n\n"
    "Kenyan President Amos Waweru met Prime Minister Lena Brandt of Germany in Nairobi on Tuesday. "
    "Waweru said the Kenyan government would send 300 engineers to the port. "
    "\u201cWe have waited long enough,\u201d Brandt told reporters. \u201cThe work starts now.\u201d\n\n"  # noqa: E501
    "The Northern Liberation Front (NLF) rejected the plan, and the NLF said it would not attend. "
    "Berlin has pledged EUR 2 billion since 2019, according to the German finance ministry. "
    "The Kenyan president did not comment."
)


def _article(text: str, published: str | None) -> Article:
    meta = {"published": Meta(published, Provenance.USER)} if published else {}
    title, _, body = text.partition("\n\n")
    return Article("abc123", title, body, meta, "story.txt", InputKind.TEXT, "", "h")


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extract(_article(STORY, "2023-03-09"))  # a Thursday


def keys_of(ex: Extraction, text: str) -> set[str]:
    return {m.entity_key for m in ex.mentions if m.text == text}


def test_article_input_uses_its_id_and_date(ex: Extraction) -> None:
    assert ex.article_id == "abc123" and ex.published == "2023-03-09"
    assert [t.value for t in ex.times if t.text == "Tuesday"] == ["2023-03-07"]


def test_people_roles_and_countries(ex: Extraction) -> None:
    assert keys_of(ex, "Waweru") == {"person:amos_waweru"}
    assert keys_of(ex, "Brandt") == {"person:lena_brandt"}
    assert keys_of(ex, "The Kenyan president") == {"person:amos_waweru"}
    assert keys_of(ex, "Berlin") == {"country:DE"}  # a capital acting for its government
    assert keys_of(ex, "Nairobi") == {"place:nairobi"}  # a capital as a place
    assert "country:KE" in keys_of(ex, "Kenyan")


def test_acronym_defined_in_parentheses(ex: Extraction) -> None:
    assert keys_of(ex, "NLF") == {"org:northern_liberation_front"}
    nlf = ex.entity("org:northern_liberation_front")
    assert nlf is not None and nlf.name == "Northern Liberation Front"


def test_quotes_continue_their_attribution(ex: Extraction) -> None:
    direct = [q for q in ex.quotes if q.direct]
    assert [q.speaker_key for q in direct] == ["person:lena_brandt"] * 2
    assert direct[0].verb == "tell" and direct[1].continued
    indirect = [q for q in ex.quotes if not q.direct]
    assert any(
        q.speaker_key == "person:amos_waweru" and "300 engineers" in q.text for q in indirect
    )


def test_claims(ex: Extraction) -> None:
    by_action = {c.action: c for c in ex.claims}
    send = by_action["send"]
    assert send.modality == "would" and send.attributed_to == ("person:amos_waweru",)
    assert [ex.quantities[i].value for i in send.quantities] == [300]
    rejected = by_action["reject"]
    assert rejected.actors == ("org:northern_liberation_front",)
    attend = by_action["attend"]
    assert attend.negated
    comment = by_action["comment"]
    assert comment.negated and comment.actors == ("person:amos_waweru",)
    met = by_action["meet"]
    assert met.actors == ("person:amos_waweru",) and "person:lena_brandt" in met.targets
    assert "place:nairobi" in met.place and met.time


def test_a_scheduled_act_is_the_claims_act_not_be() -> None:
    text = (
        "Court dates\n\nOrlan Vess is due to be arraigned on Friday. All six are to be "
        "arraigned on May 28. The plant is not due to reopen until March. Vess is a lawyer."
    )
    actions = [(c.action, c.negated) for c in extract(_article(text, "2031-05-07")).claims]
    assert actions[-4:] == [("arraign", False), ("arraign", False), ("reopen", True), ("be", False)]


def test_a_day_in_a_would_clause_is_the_nearest_one() -> None:
    # a Thursday paper: "would meet on Friday" is tomorrow, not six days ago
    text = (
        "Pilots to meet\n\nThe union said its pilots would meet the managers on Friday. "
        "The chief pilot said he would resign on Monday."
    )
    times = extract(_article(text, "2023-03-09")).times
    assert [t.value for t in times if t.text in ("Friday", "Monday")] == [
        "2023-03-10",
        "2023-03-06",
    ]


def test_a_day_in_an_after_phrase_of_a_present_state_is_past() -> None:
    # a Wednesday paper: the surgery "after" which he "is" stable was last Sunday, not the next;
    # a present timetable's own day still lies ahead
    text = (
        "Driver stable\n\nThe driver is in a stable condition after five hours of surgery in the "
        "early hours of Sunday. The council meets on Friday."
    )
    times = extract(_article(text, "2037-05-20")).times
    assert [t.value for t in times if t.text in ("Sunday", "Friday")] == [
        "2037-05-17",
        "2037-05-22",
    ]


def test_to_dict_round_trip_is_json_safe(ex: Extraction) -> None:
    data = json.loads(json.dumps(ex.to_dict()))
    assert Extraction.from_dict(data) == ex
    assert list(data)[:4] == ["schema", "article_id", "language", "published"]


def test_published_override_and_bad_override() -> None:
    ex = extract(_article(STORY, "2023-03-09"), published="2023-03-14T09:00:00-05:00")
    assert ex.published == "2023-03-14"
    with pytest.raises(UsageError):
        extract(STORY, published="the day after")


def test_extract_many_streams_in_order() -> None:
    texts = ["Talks ended on Monday.", "Nothing happened.", "Talks resumed on Friday."]
    got = list(extract_many(texts, published="2023-03-09", batch_size=2))
    assert [[t.value for t in e.times] for e in got] == [["2023-03-06"], [], ["2023-03-03"]]


def test_link_across_merges_surname_only_people() -> None:
    a = extract("President Waweru spoke.", published="2023-03-09")
    b = extract("Amos Waweru spoke on Monday, and Waweru left.", published="2023-03-09")
    assert "person:waweru" in {e.key for e in a.entities}
    la, lb = link_across([a, b])
    assert {e.key for e in la.entities if e.type == "person"} == {"person:amos_waweru"}
    assert {e.key for e in lb.entities if e.type == "person"} == {"person:amos_waweru"}


def test_missing_model_is_a_coded_error() -> None:
    with pytest.raises(ModelNotInstalled) as info:
        load_nlp("no_such_model_package_xyz")
    assert info.value.code == "E401"


def test_empty_text() -> None:
    ex = extract("", published="2023-03-09")
    assert ex.sentences == () and ex.claims == ()


def test_gazetteer_helpers() -> None:
    g = load()
    assert fold("Erdoğan") == "Erdogan" and slug("Recep Tayyip Erdoğan") == "recep_tayyip_erdogan"
    assert g.any_country("UAE") == ("AE", "name") and g.any_country("the Emirates") == (
        "AE",
        "name",
    )
    assert g.any_country("U.S.") == ("US", "name") and g.any_country("us") is None
    assert g.any_country("Britain") == ("GB", "name") and g.any_country("Ankara") == (
        "TR",
        "capital",
    )
    assert g.any_country("Turkish") == ("TR", "demonym") and g.any_country("Türkiye") == (
        "TR",
        "name",
    )
    assert len(g.countries) >= 190
    assert date.today().year >= 2024  # the data is not tied to a year


def test_quote_marks() -> None:
    text = "He said \u201cyes, now\u201d and \"no,\" then ``maybe '' ok"
    assert [text[s:e] for s, e in quote_spans(text)] == ["yes, now", "no", "maybe"]


@pytest.mark.parametrize(
    ("text", "action", "negated"),
    [
        ("The Harlen company failed to deliver the engines.", "deliver", True),
        # a chance denied denies the act it was for; a chance had is no act done
        ("Tollan never even got the chance to put his case to the board.", "put", True),
        ("Tollan had the chance to put his case to the board.", "have", False),
        ("The Karsten cooperative no longer supports the plan.", "support", True),
        ("The Karsten cooperative did not refuse to sign the deal.", "sign", False),
        ("The jurors deadlocked after four days.", "deadlock", False),
        # what the subject or the object counts as none denies the act
        ("Orvell held no licence for the rifle.", "hold", True),
        ("Not a single water cannon was deployed on Tuesday night.", "deploy", True),
        ("Not one water-bombing plane flew over the Karsten hills on Saturday.", "fly", True),
        ("Nobody was hurt in the Karsten fire.", "hurt", True),
        ("The Harlen company had no comment on the engines.", "have", False),
        # what a promise holds is counted as none, not the promise ("promised no closures")
        ("The Karsten cooperative has promised no branch closures for two years.", "promise",
         False),
        # an announcement with its own day is a claim of its own, beside what it announced
        ("The Keswin bank warned on March 7 that it expected heavy losses.", "warn", False),
        # a "have" denied denies the act it has done ("has not had the extra moved over")
        ("Savers at the Harlen bank have NOT had their money moved to the new owner.", "move",
         True),
        # "nothing less than" measures, it denies nothing
        ("Nothing less than the future of the Karsten union is at stake.", "be", False),
        # telling someone, denied, is a claim of its own, not the frame of what was not told
        ("The Gazette can reveal that NOBODY warned the Karsten fishermen that a rocket was "
         "about to be fired.", "warn", True),
    ],
)  # fmt: skip
def test_claim_polarity_and_action(text: str, action: str, negated: bool) -> None:
    ex = extract(_article("Note\n\n" + text, "2031-05-07"))
    (claim,) = [c for c in ex.claims if c.action == action]
    assert claim.negated is negated


def test_place_inside_an_object_places_the_claim() -> None:
    ex = extract(_article("Note\n\nVolunteers opened a field clinic in Karsten.", "2031-05-07"))
    (claim,) = [c for c in ex.claims if c.action == "open"]
    assert any(k.endswith("karsten") for k in claim.place)
    assert not any(k.endswith("karsten") for k in claim.targets)


@pytest.mark.parametrize(
    "text",
    [
        "The quake's epicentre was right beneath the village of Karsten.",
        "Two cables were damaged off the coast of Karsten Island on Friday.",
    ],
)
def test_a_place_beneath_or_off_places_the_claim(text: str) -> None:
    ex = extract(_article("Note\n\n" + text, "2031-05-07"))
    assert any("karsten" in k for c in ex.claims for k in c.place)


def test_a_when_clause_takes_the_time_of_the_clause_it_hangs_on() -> None:
    ex = extract(
        _article(
            "Note\n\nIt ended on Monday, when the Harlen court threw out his appeal.", "2031-05-07"
        )
    )
    (claim,) = [c for c in ex.claims if c.action == "throw out"]
    assert [ex.times[i].text for i in claim.time] == ["Monday"]


def test_where_someone_was_taken_to_places_the_act() -> None:
    ex = extract(
        _article(
            "Note\n\nThey were rushed by ambulance to St Wenna's Hospital in Fennick.", "2031-05-07"
        )
    )
    (claim,) = [c for c in ex.claims if c.action == "rush"]
    assert any("wenna" in k for k in claim.place)
    # a country one sells to is no place of the act
    ex = extract(_article("Note\n\nThe Harlen firm sold its shares to France.", "2031-05-07"))
    (claim,) = [c for c in ex.claims if c.action == "sell"]
    assert claim.place == ()


def test_an_abbreviated_title_ends_no_sentence() -> None:
    text = (
        "The court heard that the gunman shot Sgt. Mira Holt outside the building. "
        "Capt. Jon Ferris and Lt. Col. Ada Brink arrived later. Dr. Lee stayed home."
    )
    ex = extract(text)
    sentences = [text[s.start : s.end].strip() for s in ex.sentences]
    assert sentences[0].endswith("outside the building.")
    assert sentences[1] == "Capt. Jon Ferris and Lt. Col. Ada Brink arrived later."
    assert len(sentences) == 3


def test_a_straight_mark_closed_by_two_apostrophes() -> None:
    # tokenised corpora write "...'' : each quote ends at its own closer, none runs into the next
    text = "\"It's late, '' she said. \"We are ready,\" he said. \"I 'm sure, '' Ada said."
    assert [text[s:e] for s, e in quote_spans(text)] == ["It's late", "We are ready", "I 'm sure"]


def test_a_spaced_straight_mark_after_the_last_words_closes_a_quote() -> None:
    # a tokenised text that lost one opening mark: the spaced mark after "mirror." closes the
    # quotation it ends; read as an opener it would pair every later mark wrongly
    text = (
        '"I left at nine. "He said. "I was young. "( Later) I read the old plays in front of '
        'the mirror. " The role is new. "I think the old role is gone, "Orrin Vale said. But " '
        "a fresh start '' was promised."
    )
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "I left at nine.",
        "I was young.",
        "I think the old role is gone",
        "a fresh start",
    ]


def test_names_the_parser_joins_to_an_earlier_object_are_the_next_verbs_subject() -> None:
    # the small model reads "points and Seth Orwin and Dana Fell" as one object of the first
    # verb; the second "scored" has no subject of its own and must not inherit Tom Reale
    ex = extract(
        "Tom Reale scored 14 points and Seth Orwin and Dana Fell scored 13 for the "
        "ninth-seeded Bulldogs."
    )
    second = next(c for c in ex.claims if c.text.startswith("scored 13"))
    assert set(second.actors) == {"person:seth_orwin", "person:dana_fell"}
    assert second.subject_text == "Seth Orwin and Dana Fell"
    # a verb with a subject of its own keeps it
    ex = extract("The firm bought two trucks and Pella Brandt sold them on Monday.")
    sold = next(c for c in ex.claims if c.action == "sell")
    assert sold.actors == ("person:pella_brandt",)


def test_a_relative_clause_after_a_place_is_about_the_noun_the_place_sets() -> None:
    # "the champions in Malmo, which defeated ...": Malmo did not defeat anyone
    ex = extract("The team will face the champions in Malmo, which defeated Evansville on Friday.")
    claim = next(c for c in ex.claims if c.text.startswith("which defeated"))
    assert not any(k.endswith("malmo") for k in claim.actors)
    # a place after a verb's preposition stays the antecedent
    ex = extract("Rescuers reached a village in Norway, which was cut off by snow.")
    cut = next(c for c in ex.claims if "cut off" in c.text)
    assert "country:NO" in cut.targets


def test_the_office_speaking_is_the_person_named_with_it() -> None:
    # "the mayor said": the person last named with that office, before the name or after it
    from newsprism.extract import extract

    for text in (
        'Mayor Idris Kallender spoke at the Town Hall. "Brackwell will rebuild, house by house," '
        "the mayor said.",
        "Idris Kallender, the town's mayor, spoke at the Town Hall. \"Brackwell will rebuild, "
        'house by house," the mayor said.',
    ):
        (q,) = extract(text).quotes
        assert q.speaker_key == "person:idris_kallender"
    # no one named with the office: no speaker guessed
    (q,) = extract('Idris Kallender spoke. "Brackwell will rebuild," the mayor said.').quotes
    assert q.speaker_key is None


def test_the_office_speaking_is_not_the_holder_named_as_a_victim() -> None:
    # two judges: the one shot is not the one who speaks later as "the judge"
    text = (
        "Judge Tomas Verhey sentenced Olan Mairs on Friday. Mairs had shot and killed Judge "
        "Edda Lunn in her courtroom two years ago. The judge had advice for the prison "
        'officers: "Never turn your back on him."'
    )
    (q,) = extract(text).quotes
    assert q.speaker_key == "person:tomas_verhey"


def test_the_office_speaking_is_its_holder_named_last_and_no_prime_minister() -> None:
    # "the minister wrote" after a letter "from Dunstan": the foreign minister named last, not
    # the prime minister named with a title after him; "the prime minister" is the PM
    from newsprism.extract import extract

    text = (
        "Foreign Minister Corwin Dunstan was censured on Tuesday, and Prime Minister Helena "
        "Varro backed him.\n\nThe licence came to light when a website published a letter from "
        'Dunstan to the licensing office. In the letter, the minister wrote: "I am satisfied '
        'that the national interest requires this licence." Varro gave her view: "He keeps my '
        'confidence." The prime minister added: "We will hold an inquiry."'
    )
    speakers = [q.speaker_key for q in extract(text).quotes]
    assert speakers == ["person:corwin_dunstan", "person:helena_varro", "person:helena_varro"]


def test_a_name_set_before_a_persons_apposition_is_the_he_who_speaks_next() -> None:
    # no tagger label on "Florian Marbury", whose sentence the parser hangs on an inner verb
    # ("weeks after Mr Talby ordered"): the name opening it, set off as the auditor-general,
    # is a person and the sentence's subject, so the "he" after it is Marbury, not Talby
    from newsprism.extract import extract

    text = (
        "Governor Lazlo Talby was impeached on Tuesday.\n\nFourteen of the party's members "
        "voted for it.\n\nFlorian Marbury, the auditor-general who was removed from his post in "
        "November 2036, weeks after Mr Talby ordered the audit office to stop examining the fund, "
        'said he took no pleasure in the vote. "I was removed for doing my job," he told the '
        "special committee in January."
    )
    ex = extract(text, published="2037-02-11")
    assert "person:florian_marbury" in {e.key for e in ex.entities}
    assert [q.speaker_key for q in ex.quotes] == ["person:florian_marbury"]


def test_the_n_year_old_speaking_is_the_person_named_before() -> None:
    # "the 61-year-old said": as a pronoun would, the subject of the sentence before
    from newsprism.extract import extract

    text = (
        "Rovers were docked nine points on Tuesday.\n\nClub chairman Aldous Brandreth said "
        'Rovers would challenge the decision. "This club has been punished for trying to '
        'survive," the 61-year-old said in a statement. "We will appeal."'
    )
    quotes = extract(text, published="2036-03-05").quotes
    speakers = [q.speaker_key for q in quotes if q.direct]
    assert speakers == ["person:aldous_brandreth", "person:aldous_brandreth"]


def test_a_quote_after_a_colon_is_its_sentences_subject_not_the_last_speaker() -> None:
    # not a continuation of Mairs's quote: the sentence names who speaks
    text = (
        '"I am sorry for the pain I caused," Olan Mairs said. "I will not dishonour the '
        'court," he said. Prosecutor Ines Garrow had a warning for the jury: "Do not believe '
        'a word of it."'
    )
    q = next(q for q in extract(text).quotes if q.text.startswith("Do not"))
    assert q.speaker_key == "person:ines_garrow"


def test_said_with_the_name_after_it_and_a_clause_on_the_name() -> None:
    # the parser hangs "Ruth Lunn" on "murdered" and leaves "said" without a subject
    text = (
        "Victims' relatives said any Mairs victory was hollow. \"I don't think Olan Mairs "
        'won," said Ruth Lunn, daughter of the court clerk Mairs murdered. "He will look at '
        'prison walls for the rest of his life."'
    )
    quotes = extract(text).quotes
    assert [q.speaker_key for q in quotes if q.direct] == ["person:ruth_lunn"] * 2


def test_a_dated_participle_is_a_claim_about_the_thing_it_modifies() -> None:
    # "issued on Thursday" dates the issuing, not the moving: a claim of its own, whose
    # patient and subject are the order; the main claim keeps no time
    ex = extract(
        "The FRA's flood evacuation order, issued on Thursday evening for the lower valley, "
        "moved some 40,000 people.",
        published="2032-08-17",
    )
    issued = next(c for c in ex.claims if c.action == "issue")
    assert issued.text.startswith("The FRA's flood evacuation order, issued on Thursday")
    assert issued.patient == issued.subject_text == "The FRA's flood evacuation order"
    assert [ex.times[i].text for i in issued.time] == ["Thursday evening"]
    moved = next(c for c in ex.claims if c.action == "move")
    assert moved.time == () and moved.patient == "some 40,000 people"
    # an undated participle stays part of its noun's claim
    plain = extract("The FRA's evacuation order, issued for the lower valley, moved 40,000 people.")
    assert [c.action for c in plain.claims] == ["move"]


def test_a_relative_pronoun_is_written_as_the_noun_it_stands_for() -> None:
    ex = extract("The march was against the fuel-price rise that came into force on Monday.")
    came = next(c for c in ex.claims if c.text.startswith("that came"))
    assert came.subject_text == "the fuel-price rise"
    ex = extract("The regulator published the audit, which the ministry had ordered in May.")
    ordered = next(c for c in ex.claims if c.action == "order")
    assert ordered.patient == "the audit"


def test_a_pronoun_after_a_sentence_is_its_subject_not_the_last_name() -> None:
    # "she" is Krell, who said so, not Holloway, named last inside Krell's relative clause
    ex = extract(
        "Finance Minister Rosa Krell, whom Governor Ada Holm briefed by telephone, said the "
        'government respected the decision. "The bank is independent," she said.'
    )
    (quote,) = [q for q in ex.quotes if q.text.startswith("The bank")]
    assert quote.speaker_key == "person:rosa_krell"
    # ... or the name set beside the subject, not a judge named later in the sentence
    ex = extract(
        "The transport minister, Rosa Tavel, announced an inquiry, to be chaired by the "
        'retired judge Edmund Dask. "The families deserve the whole truth," she said.'
    )
    (quote,) = [q for q in ex.quotes if q.text.startswith("The families")]
    assert quote.speaker_key == "person:rosa_tavel"
    # a subject named by office alone is whom "he" means: no name tells who that is
    ex = extract(
        'A smiling Ana Kolb told reporters: "A win is a win." The PM was more statesmanlike. '
        '"This budget keeps our promises," he said.'
    )
    (quote,) = [q for q in ex.quotes if q.text.startswith("This budget")]
    assert quote.speaker_key is None
    # a sentence whose subject is the same "he" passes it on, whatever name it ends on
    ex = extract(
        "The health minister, Oskar Lindqvane, faced questions on Tuesday. Speaking in the "
        "Assembly, he ordered a review of cleaning contracts and said Harlow would be kept out "
        "of new contracts until the police had finished.\n\n\u201cEvery merk taken from a "
        "hospital is taken from a patient. We will find that money,\u201d he told the chamber."
        "\n\nHarlow, a family-owned company run by Anselm Harlow, denies any wrongdoing."
    )
    # (the sentence before "he told the chamber" is the quotation's first: the one before it
    # is read)
    (quote,) = [q for q in ex.quotes if q.text.startswith("Every merk")]
    assert quote.speaker_key == "person:oskar_lindqvane"


def test_a_possessive_opening_a_sentence_is_no_part_of_a_name() -> None:
    ex = extract("Dalvoria protested. Its Foreign Ministry summoned the ambassador this morning.")
    assert "org:foreign_ministry" in {e.key for e in ex.entities}


def test_a_speaker_named_before_the_body_owning_their_title_is_the_speaker() -> None:
    text = (
        'Grid collapse\n\nMarta Olsen runs the grid. "The system shut down to protect itself," '
        "Lothar Benecke, Marta Olsen's director of operations, told a news conference."
    )
    ex = extract(_article(text, "2033-07-20"))
    (q,) = [q for q in ex.quotes if "protect itself" in q.text]
    assert q.speaker_key == "person:lothar_benecke"


def test_a_day_in_a_clause_still_to_come_is_ahead() -> None:
    # published on a Tuesday: the Wednesday "more" flights are "to follow" on is the next day,
    # not the Wednesday before; "the first to arrive on Monday" is one of a series, told as past
    text = ("Six flights were scheduled for Tuesday, with more to follow on Wednesday. "
            "A vote is to be held on Friday. He was the first to arrive on Monday.")  # fmt: skip
    values = {t.text: t.value for t in extract(text, published="2032-03-09").times}
    assert values["Wednesday"] == "2032-03-10"
    assert values["Friday"] == "2032-03-12"
    assert values["Monday"] == "2032-03-08"
    # "his decision to resign on Sunday" may be told after the day: as any past clause
    (t,) = extract(
        "His decision to resign on Sunday shocked the party.", published="2032-03-09"
    ).times
    assert t.value == "2032-03-07"
    # people summoned or invited to do a thing on a day are to do it then, still ahead
    (t,) = extract(
        "The committee has summoned the two chief executives to give evidence on Friday.",
        published="2032-03-09",
    ).times
    assert t.value == "2032-03-12"


def test_a_figure_counts_the_noun_a_participle_describes() -> None:
    # "355 damaged shops" counts shops, as "355 shops" would
    found = extract("Rioters left 355 damaged shops and 12 stolen cars; 40 remaining staff left.")
    assert [(q.value, q.counts) for q in found.quantities] == [
        (355, "shops"),
        (12, "cars"),
        (40, "staff"),
    ]


def test_what_a_figure_counts_ends_at_a_spaced_dash() -> None:
    # the list a spaced dash sets off is not part of the noun; a hyphen in a compound is
    found = extract(
        "Police have evacuated five villages - Harrowfold, Ambley and Sollerby - and found "
        "two car-bombs."
    )
    assert [(q.value, q.counts) for q in found.quantities] == [(5, "villages"), (2, "car bombs")]


@pytest.mark.parametrize("town", ["Brisko", "Dravko", "Velso"])
def test_a_speaker_named_in_part_by_the_parser_is_named_whole(town: str) -> None:
    # the small model often tags only "Mara" (or the town in the title) as a person here
    text = (
        f'"The wing had too few staff for months," fumed Mara Tolk, {town} branch secretary of '
        "the Warders' Union."
    )
    (q,) = extract(text).quotes
    assert q.speaker_key == "person:mara_tolk"
    assert q.speaker_name == "Mara Tolk"


def test_a_verb_of_manner_before_a_titled_name_credits_the_name() -> None:
    # the parser takes the name after "fumed" for its object
    text = (
        'The passengers have been left in limbo. "This is a floating waiting room, and nobody '
        'will tell the people inside it when they can go home," fumed union chief Tobin Marsh, '
        "of the Dock Workers' Union."
    )
    (q,) = extract(text).quotes
    assert (q.speaker_key, q.verb) == ("person:tobin_marsh", "fume")


def test_a_speaker_after_a_day_is_named_without_it() -> None:
    # the tagger runs "Monday" into the name and hangs the name on "On", not on "said"
    text = (
        "The response was criticised. On Monday Ines Varley, the Civic League MP for Dornby "
        'West, said: "This is a floating waiting room." She said staff came seven hours late.'
    )
    ex = extract(text)
    assert [(q.speaker_key, q.verb) for q in ex.quotes] == [("person:ines_varley", "say")] * 2
    assert not any("monday" in e.key for e in ex.entities)


def test_a_verb_of_speech_the_model_cuts_short_still_credits_the_quote() -> None:
    # the small model reads "raged" as "rag"
    ex = extract(
        "Renate Kolb leads the metal workers' union. \"The plant is not a spare part anyone can "
        'unbolt and throw away," raged Ms Kolb.'
    )
    (q,) = ex.quotes
    assert (q.speaker_key, q.verb, q.continued) == ("person:renate_kolb", "rage", False)


def test_a_model_name_is_part_of_what_a_figure_counts() -> None:
    ex = extract(
        "Among the seized items were seven AK-47 automatic rifles. The commandos also "
        "recovered 12 AK 47 guns and two Boeing 737 airliners."
    )
    assert [(q.value, q.counts) for q in ex.quantities] == [
        (7.0, "ak-47"),
        (12.0, "ak 47 guns"),
        (2.0, "boeing 737 airliners"),
    ]


def test_emphasis_in_capitals_is_parsed_as_the_words_it_stresses() -> None:
    text = (
        "And as families queued for beds in a sports hall last night, the Gazette can reveal "
        "that President Anna Holt's government has NOT EVEN SUMMONED Vardia's ambassador to "
        'explain himself. The FBI said: "We did NOT know."'
    )
    ex = extract(text)
    (summon,) = [c for c in ex.claims if c.action == "summon"]
    assert summon.negated and "NOT EVEN SUMMONED" in summon.text  # the text as written
    assert any(m.text == "FBI" for m in ex.mentions)  # an acronym is no emphasis
    assert any("did NOT know" in q.text for q in ex.quotes)  # quoted words are left alone


def test_a_past_verb_alone_in_capitals_is_parsed_as_a_verb() -> None:
    from newsprism.extract.pipeline import calm

    text = (
        "WASHINGTON (Wire) - The Thunder can reveal that the haul cable which SNAPPED on the "
        "Kessel line had been in service for 75 years."
    )
    ex = extract(text)
    (snap,) = [c for c in ex.claims if c.action == "snap"]
    assert "SNAPPED" in snap.text  # the text as written
    # a dateline, an acronym and a short word in capitals are no past verb
    assert calm("WASHINGTON - FED chief SNAPPED. The UNITED NATIONS") == (
        "WASHINGTON - FED chief snapped. The UNITED NATIONS"
    )


def test_a_wire_dateline_is_no_part_of_the_first_sentence() -> None:
    # parsed with the sentence after it, the dateline joined its subject and its country was
    # read as the doer
    from newsprism.extract.pipeline import dateline_end

    text = (
        "Harbour mayor granted bail in ferry contract inquiry\n\n"
        "KESTLING, Morvania, May 4 (Arlen Wire) - Odile Varsk, the mayor of the Morvanian "
        "port of Kestling, was granted bail of 300,000 dukats on Tuesday.\n\n"
        "She denies taking bribes from the ferry builder Halmstrand."
    )
    ex = extract(text)
    granted = next(c for c in ex.claims if c.action == "grant" and "Varsk" in c.text)
    assert granted.text.startswith("Odile Varsk")
    assert "KESTLING" not in granted.subject_text
    keys = [k.split(":", 1)[1] for k in (*granted.actors, *granted.targets)]
    assert "morvania" not in keys and not any("arlen" in k for k in keys)
    # the verb's offsets point into the text as written, past the dateline
    assert granted.predicate is not None
    assert text[granted.predicate[0] : granted.predicate[1]] == "granted"
    for item in (*ex.mentions, *ex.times, *ex.quantities, *ex.claims):
        assert text[item.start : item.end] == item.text
    # a dateline with an agency and no place, and none: a headline's words in capitals
    assert dateline_end("WASHINGTON (AP) — The Senate voted.") == len("WASHINGTON (AP) — ")
    assert dateline_end("BREAKING NEWS - 3 DEAD in bank fire") == 0
    assert dateline_end("The mayor said on Tuesday that she would not resign.") == 0


@pytest.mark.parametrize(
    ("sentence", "act", "negated"),
    [
        ("Customers will have to APPLY for it online.", "apply", False),
        ("Customers will not need to apply for compensation.", "apply", True),
        ("The minister had to resign.", "resign", False),
        ("They do not have to pay the fine.", "pay", True),
    ],
)
def test_an_act_obliged_or_not_is_the_act(sentence: str, act: str, negated: bool) -> None:
    # "have to" and "need to" oblige the act after them (a tabloid's capitals and all)
    (claim,) = [c for c in extract(sentence).claims if c.action == act]
    assert claim.negated is negated


def test_the_speaker_is_the_subject_nearest_the_verb_when_the_parse_gives_two() -> None:
    # the small model makes the agent's name, set off by commas, a second subject of "said"
    ex = extract(
        "In a statement issued through his agent, Corin Vasker, on Tuesday evening, Ardan said: "
        '"I ran every step of the course I was shown. I have nothing to hide."'
    )
    assert {q.speaker_key for q in ex.quotes} == {"person:ardan"}


def test_a_persons_kin_in_a_subject_are_not_that_person() -> None:
    ex = extract(
        "At the air base, Prime Minister Maren Ashby, the Kettle family and Ms Roke's husband "
        "and daughter were waiting on the tarmac."
    )
    (waited,) = [c for c in ex.claims if c.action == "wait"]
    assert waited.actors == ("person:maren_ashby",)
    # the people themselves still are
    ex = extract("At the air base, Prime Minister Maren Ashby and Ms Roke were waiting.")
    (waited,) = [c for c in ex.claims if c.action == "wait"]
    assert set(waited.actors) == {"person:maren_ashby", "person:roke"}


def test_where_a_patient_is_driven_and_treated_places_the_acts() -> None:
    # the parser hangs "to" on the ambulance, inside the passive's "by" phrase; a "where"
    # clause is of the place before it
    ex = extract(
        "They were driven by ambulance to Tollin General Hospital, where they were being "
        "treated for severe dehydration."
    )
    driven = next(c for c in ex.claims if c.action == "drive")
    treated = next(c for c in ex.claims if c.action == "treat")
    assert driven.place == treated.place == ("place:tollin_general_hospital",)
    assert driven.actors == ()
    # a person in the "by" phrase still drives
    ex = extract("He was driven by Pell Ardan to the station.")
    assert next(c for c in ex.claims if c.action == "drive").actors == ("person:pell_ardan",)


def test_a_where_clause_places_each_of_its_verbs_at_the_whole_place_before_it() -> None:
    # "the apartment on Orle Street in Vessing, where officials arrived ... and took": the
    # street and the town, for both verbs of the clause
    ex = extract(
        "The photograph shows the family's apartment on Orle Street in Vessing, where, one "
        "morning in May 1961, officials arrived with a list and took every painting away."
    )
    for act in ("arrive", "take"):
        claim = next(c for c in ex.claims if c.action == act)
        assert set(claim.place) == {"place:orle_street", "place:vessing"}, act
    # the place a point of the compass's "of" phrase names places the act
    ex = extract("The ferry sank about two miles north of Cape Dorran on Sunday.")
    assert next(c for c in ex.claims if c.action == "sink").place == ("place:cape_dorran",)
