"""Unit tests of the slot checks that need no model."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.compare.slots import (
    iso_range,
    publication_order,
    quote_changes,
    quote_diff,
    quote_pieces,
    quote_words,
)


def test_ranges() -> None:
    assert iso_range("2020-01-02") == (date(2020, 1, 2), date(2020, 1, 2))
    assert iso_range("2019-12") == (date(2019, 12, 1), date(2019, 12, 31))
    assert iso_range("2019") == (date(2019, 1, 1), date(2019, 12, 31))
    assert iso_range("2019-12-23/2019-12-29") == (date(2019, 12, 23), date(2019, 12, 29))
    assert iso_range("soon") is None


def test_quote_altered_words() -> None:
    d = quote_diff("We are not taking any chances with people's lives",
                   "We are not taking chances with anyone's life")  # fmt: skip
    assert d is not None
    _, only_a, only_b = d
    assert "lives" in only_a and "life" in only_b


def test_quote_excerpt_is_not_altered() -> None:
    full = (
        "President Trump pointed out that foreign interference is complicating "
        "the situation in Libya"
    )
    assert quote_diff(full, "foreign interference is complicating the situation") is None


def test_an_excerpt_with_its_edge_verb_fitted_to_the_sentence_is_not_altered() -> None:
    # she said the crew had "done everything ...": the excerpt's first verb fits the report's
    # sentence; the same verb changed inside the quotation is a change
    full = "The ferry crew did everything we train them to do, and more"
    assert quote_diff(full, "done everything we train them to do, and more") is None
    assert quote_diff(full, "The ferry crew done everything we train them to do, and more")
    assert quote_diff("We did everything we could for them", "We do everything we could for them")
    # a regular verb too: had "approved ordinary invoices" / nothing more than "approve ..."
    assert quote_diff("approved ordinary invoices for ordinary work",
                      "approve ordinary invoices for ordinary work") is None  # fmt: skip


def test_a_contraction_spelt_out_is_not_altered() -> None:
    assert quote_diff("Somebody help me, my daughter's been shot.",
                      "Somebody help me, my daughter has been shot.") is None  # fmt: skip
    assert quote_diff("Somebody help me, my daughter's been shot now.",
                      "Somebody help me, my son has been shot now.")  # fmt: skip


def test_unrelated_quotes() -> None:
    assert (
        quote_diff("We will rebuild the bridge by spring", "Nobody expected the river to rise")
        is None
    )


def test_a_quotation_is_cut_into_its_sentences_but_not_at_titles_or_initials() -> None:
    text = 'We will rebuild. Mr. Dahl knows it, and so do U.S. engineers! "Every" street? Yes.'
    assert [text[s:e] for s, e in quote_pieces(text)] == [
        "We will rebuild.",
        "Mr. Dahl knows it, and so do U.S. engineers!",
        '"Every" street?',
        "Yes.",
    ]
    assert quote_pieces("no stop at all") == [(0, 14)]
    # two clauses joined by a comma are two sentences, each long enough on its own
    text = "We are not racing the clock, we are racing the weather"
    assert [text[s:e] for s, e in quote_pieces(text)] == [
        "We are not racing the clock,",
        "we are racing the weather",
    ]
    assert quote_pieces("If we lose, we are finished.") == [(0, 28)]  # too short to cut
    # a phrase before the comma is no clause of its own
    text = "In his own words, it is not in his nature to stay in prison."
    assert quote_pieces(text) == [(0, len(text))]
    assert quote_pieces("J. R. Okafor said it. done.") == [(0, 27)]  # no capital after the stop


@given(st.text(max_size=120))
def test_quote_pieces_lie_in_order_inside_the_quotation(text: str) -> None:
    pieces = quote_pieces(text)
    assert all(0 <= s < e <= len(text) for s, e in pieces)
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(pieces))


def test_a_change_at_an_excerpts_edge_is_not_shown_as_a_change() -> None:
    # one report quotes on further and from further back: only the word changed is shown
    assert quote_changes(
        "Even though I grew up here I have not sailed her since I was nine",
        "I have not sailed it since I was nine and I never will",
    ) == ["her since → it since"]


@given(st.text(min_size=1, max_size=80))
def test_quote_equal_to_itself_is_never_altered(text: str) -> None:
    assert quote_diff(text, text) is None


@given(
    st.lists(
        st.sampled_from(["the", "dam", "held", "water", "rain", "fell"]), min_size=4, max_size=12
    )
)
def test_quote_words_lowercase(words: list[str]) -> None:
    assert quote_words(" ".join(w.upper() for w in words)) == words


def test_publication_order() -> None:
    assert publication_order("2020-01-02", "2020-01-03") == 1
    assert publication_order("2020-01-03", "2020-01-02") == -1
    assert publication_order("2020-01-02", "2020-01-02T18:00:00+02:00") == 0
    assert publication_order("2020-01-02T10:00:00+00:00", "2020-01-02T09:00:00-05:00") == 1
    assert publication_order(None, "2020-01-02") == 0


def test_quote_changes_that_are_no_change() -> None:
    # an editor's brackets, words run together, and a longer excerpt are not altered quotes
    assert quote_diff("Whoever stands beside [Governor Lark] at [the ministry] will read it",
                      "Whoever stands beside [Ines Lark] at HQ will read it") is None  # fmt: skip
    assert quote_diff("The datacenter is the heart of the harbour office",
                      "The data center is the heart of the harbour office") is None  # fmt: skip
    longer = "We have waited two years for this day / AND WE WILL WAIT NO MORE"
    assert quote_diff("We have waited two [years] for this day", longer) is None
    assert quote_diff("We told Wendy Lark that the port would open",
                      "We told Debbie Lark that the port would open") is not None  # fmt: skip


def test_a_shorter_excerpt_with_a_word_changed_is_an_altered_quote() -> None:
    whole = ("We have said from the start that the harbour must stay open to every ship that "
             "pays its fees and keeps its crews safe, and we will not change that now")  # fmt: skip
    d = quote_diff(whole, "the harbour must stay open to every boat that pays its fees")
    assert d is not None and d[1:] == (["ship"], ["boat"])
    # the same words cut at other places are excerpts, not changes
    start = "We have said from the start that the harbour must stay open"
    assert quote_diff(start, "the harbour must stay open to every ship that pays its fees") is None


def test_british_and_american_spellings_are_one_wording() -> None:
    british = "That is a valid offence in law and a judge will decide it"
    assert quote_diff(british, "That is a valid offense in law and a judge will decide it") is None
    cable = "our partner network suffered a fibre cut between the two stations this morning"
    assert quote_diff(cable, cable.replace("fibre", "fiber")) is None
    # spelling aside, "county" and "country" are two words
    british = "The harbour centre will be organised by the county"
    assert quote_diff(british, "The harbour center will be organized by the country") is not None


def test_a_quote_written_with_an_apostrophe_or_a_number_in_words_is_not_altered() -> None:
    said = "we will not rest until the {} anger is heard in every hall of the council"
    assert quote_diff(said.format("populations"), said.format("population's")) is None
    told = "I am proud to be the {} captain of this club and I will give it everything"
    assert quote_diff(told.format("12th"), told.format("twelfth")) is None
    assert quote_diff(told.format("12"), told.format("twelve")) is None
    # a different number is still a changed word
    assert quote_diff(told.format("12th"), told.format("eleventh")) is not None


def test_a_name_written_as_its_initials_in_a_quote_is_not_altered() -> None:
    urged = "we urge all {} customers to install this update as soon as they can"
    assert quote_diff(urged.format("HW"), urged.format("Harlow Water")) is None
    assert quote_diff(urged.format("H.W."), urged.format("Harlow Water")) is None
    # other words with the same initials are still a changed quotation
    assert quote_diff(urged.format("HW"), urged.format("Harlow Wireless Telecom")) is not None


def test_a_small_word_put_for_another_alters_a_quote_but_one_put_in_does_not() -> None:
    said = "I want to thank everyone {} Harlow for the years I spent there"
    assert quote_diff(said.format("at"), said.format("with")) is not None
    # a small word put in or left out is as often a slip of transcription
    done = "I know that the things {}I have done caused a lot of pain"
    assert quote_diff(done.format(""), done.format("that ")) is None


def test_words_a_reporter_put_in_brackets_are_not_the_speakers() -> None:
    said = "The warship immediately altered towards the vessels and challenged them"
    inserted = (
        "The warship immediately altered (its direction) towards the vessels and challenged them"
    )
    assert quote_words(inserted) == quote_words(said)
    assert quote_words("he [Marsh] was there") == ["he", "was", "there"]


def test_the_time_of_a_saying_is_compared_only_with_another_sayings() -> None:
    from types import SimpleNamespace

    from newsprism.compare.slots import _bound

    def bound(sentence: str, time: str, subject: str = "") -> str:
        claim = SimpleNamespace(subject_text=subject, action="", predicate=())
        u = SimpleNamespace(sentence_text=sentence, sentence_start=0, text=sentence, start=0,
                            claim=claim)  # fmt: skip
        at = sentence.index(time)
        gran = "year" if time.isdigit() else "day"
        t = SimpleNamespace(start=at, end=at + len(time), text=time, granularity=gran)
        return _bound(u, t)  # type: ignore[arg-type]

    assert bound("Supply is restored, the board announced on Twitter today.", "today") == "said"
    said = "Supply is restored, the board announced on Twitter today (20 May 2031)."
    assert bound(said, "20 May 2031") == "said"
    assert bound("The board said on Monday that supply was restored.", "Monday") == "said"
    assert bound("Supply was restored on Monday, the board said.", "Monday") == ""
    assert bound("Supply was cut until Monday.", "Monday") == "until"
    # a day in the possessive inside an "of" phrase dates another thing
    assert bound("They will play the winner of Friday's semifinal.", "Friday") == "of"
    assert bound("In Saturday's semifinal they will play Tessel.", "Saturday") == ""
    # a time in a long subject dates the thing named, not what is said of it
    subject = "The barriers, part of a scheme built after the flood in 2014,"
    said = subject + " were never put up on Saturday."
    assert bound(said, "2014", subject) == "subject"
    assert bound(said, "Saturday", subject) == ""
    # a day in a subject may date the act itself
    subject = "The port authority's final offer, tabled on Friday,"
    assert bound(subject + " was 7 per cent.", "Friday", subject) == ""


def test_a_quoted_today_is_the_speakers_whichever_sentence_before_it_differs() -> None:
    from types import SimpleNamespace

    from newsprism.compare.slots import _same_words_dated

    def unit(sentence: str) -> SimpleNamespace:
        at = sentence.lower().index("today")
        t = SimpleNamespace(text=sentence[at : at + 5], start=at)
        return SimpleNamespace(times=(t,), sentence_start=0, sentence_text=sentence)

    home = unit("They did not come home. Nothing we say today can change that.")
    back = unit("They did not come back. Nothing we say today can change that.")
    other = unit("The board met today to change that.")
    # the quotation opened after an attribution: its marks are not its words
    opened = unit('They did not come home, he said at 7 a.m. "Nothing we say today can change it.')
    assert _same_words_dated(home, back)  # type: ignore[arg-type]
    assert _same_words_dated(opened, back)  # type: ignore[arg-type]
    # the quotation opens with it: the reporters' words before it differ
    first = unit('Calloway said: "Today is a dark day for Merrowin."')
    again = unit('"Today is a dark day for Merrowin," the attorney general told reporters.')
    assert _same_words_dated(first, again)  # type: ignore[arg-type]
    assert not _same_words_dated(home, other)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("x", "y", "alike"),
    [
        ("ostrenia", "ostrenian", True),
        ("veskaria", "veskarian", True),
        ("mali", "malian", True),
        ("ostrand", "ostrander", False),
        ("kelm", "kelmsby", False),
        ("ira", "iran", False),
    ],
)
def test_a_country_and_its_people_name_one_member(x: str, y: str, alike: bool) -> None:
    from newsprism.compare.slots import _demonym

    assert _demonym(x, y) is alike
