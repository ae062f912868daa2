"""newsprism.text.split_sentences: examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.text import sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry left. It sank.", ["The ferry left.", "It sank."]),
        (
            "Mr. Alder met Dr. Brun at St. Ives on Jan. 5 with Gov. Kell.",
            ["Mr. Alder met Dr. Brun at St. Ives on Jan. 5 with Gov. Kell."],
        ),
        ("The U.S. Senate met. It adjourned.", ["The U.S. Senate met.", "It adjourned."]),
        (
            "She moved to the U.S. The move was quick.",
            ["She moved to the U.S.", "The move was quick."],
        ),
        (
            "Rain fell in Tampa, Fla. The roads flooded.",
            ["Rain fell in Tampa, Fla.", "The roads flooded."],
        ),
        ("Tampa, Fla., got rain. Roads flooded.", ["Tampa, Fla., got rain.", "Roads flooded."]),
        ("John Q. Public voted. Nobody else did.", ["John Q. Public voted.", "Nobody else did."]),
        (
            "Ticket No. 7 won 2.5 million. Then it rained.",
            ["Ticket No. 7 won 2.5 million.", "Then it rained."],
        ),
        ('He said "we won." Fans cheered.', ['He said "we won."', "Fans cheered."]),
        ('"Why?" she asked. Nobody knew.', ['"Why?" she asked.', "Nobody knew."]),
        ("It ended (finally.) Then came calm.", ["It ended (finally.)", "Then came calm."]),
        ("Title Without Stop\n\nBody starts here.", ["Title Without Stop", "Body starts here."]),
        ("Line one\nline two.", ["Line one\nline two."]),
        ("Wait... Then it came. So… it went on.", ["Wait...", "Then it came.", "So… it went on."]),
        ("It stopped... and then restarted.", ["It stopped... and then restarted."]),
        ("Visit example.com today. It is new.", ["Visit example.com today.", "It is new."]),
        (
            "Talks ran to 5 p.m. Thursday. Both sides left.",
            ["Talks ran to 5 p.m. Thursday.", "Both sides left."],
        ),
        ("What now?! Nobody knows.", ["What now?!", "Nobody knows."]),
        ("", []),
        ("   \n\n  ", []),
        ("no punctuation at all", ["no punctuation at all"]),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_index_the_original_text() -> None:
    text = "  First one.  Second one!\n\nThird?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!", "Third?"]
    assert spans[0] == (2, 12)


_ALPHABET = st.sampled_from([*"abcXYZ .!?…\"')(\n\t3,", "Mr.", "U.S.", " ", "\n\n"])


@given(st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=200))
def test_properties(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    covered: set[int] = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)  # ordered, non-overlapping, in bounds
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    non_space = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert non_space <= covered


@given(st.lists(st.sampled_from(["Alpha beta.", "Gamma delta!", "Who knows?"]), max_size=8))
def test_plain_sentences_split_one_per_sentence(parts: list[str]) -> None:
    assert sentences(" ".join(parts)) == parts


def test_paragraph_break_always_splits() -> None:
    assert sentences("Mr.\n\nSmith") == ["Mr.", "Smith"]
