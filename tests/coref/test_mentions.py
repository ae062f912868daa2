"""How one mention is read: a headline's capitals do not make a name, a tagger's adjective may."""

from __future__ import annotations

import pytest

from newsprism.coref.mentions import ENTITY, MentionInfo, MentionSpan, describe, sentence_index

TEXT = (
    "Guards Chase Inmate Across Texas. "
    "Woman Dies In Staunton Ice Cream Shop. "
    "A woman died in an ice cream shop in Staunton on Friday, and the guards chased him. "
    "A Woodburn police officer was hurt near West Coast Bank, a bank in Woodburn."
)


@pytest.fixture(scope="module")
def read() -> dict[str, MentionInfo]:
    from newsprism.extract import get_nlp

    doc = get_nlp()(TEXT)
    sents = sentence_index(doc)
    out = {}
    for word in ("Guards", "Woman", "Staunton", "woman", "guards", "Woodburn", "West Coast Bank"):
        at = TEXT.index(word)
        span = MentionSpan(0, at, at + len(word), ENTITY)
        out[word] = describe(doc, span, len(out), sentence_of=sents)
    return out


def test_a_headline_word_the_article_writes_in_lower_case_is_a_common_noun(
    read: dict[str, MentionInfo],
) -> None:
    assert not read["Woman"].proper and read["Woman"].lemma == read["woman"].lemma == "woman"
    assert not read["Guards"].proper and read["Guards"].lemma == read["guards"].lemma == "guard"


def test_names_stay_names_in_a_headline_and_out_of_one(read: dict[str, MentionInfo]) -> None:
    assert read["Staunton"].proper
    assert read["West Coast Bank"].proper


def test_a_capitalised_modifier_the_recogniser_names_is_a_name(
    read: dict[str, MentionInfo],
) -> None:
    # the tagger reads "Woodburn" in "A Woodburn police officer" as an adjective
    assert read["Woodburn"].proper


def test_grammatical_number_of_nouns_and_pronouns() -> None:
    from newsprism.extract import get_nlp

    text = "The inmate pulled a gun on the guards and took their weapons from them."
    doc = get_nlp()(text)
    sents = sentence_index(doc)

    def number(word: str) -> str:
        at = text.index(word)
        return describe(
            doc, MentionSpan(0, at, at + len(word), ENTITY), 0, sentence_of=sents
        ).number

    assert number("gun") == "sing"
    assert number("weapons") == "plur"
    assert number("them") == "plur"
