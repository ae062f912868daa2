from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.similarity import SUPPORTED_LANGUAGES, detect_language
from similarity.helpers import FIXTURES


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The mayor said that the bridge was closed for the night by the police.", "en"),
        ("Die Stadt hat die Brücke in der Nacht gesperrt, sagte der Bürgermeister.", "de"),
        ("El alcalde dijo que la policía cerró el puente durante la noche.", "es"),
        ("Le maire a dit que la police a fermé le pont pour la nuit dans la ville.", "fr"),
        (
            "Belediye başkanı, köprünün gece boyunca polis tarafından kapatıldığını söyledi ve bu",
            "tr",
        ),
        ("Burmistrz powiedział, że most został zamknięty przez policję na noc i to już", "pl"),
        ("قال رئيس البلدية إن الشرطة أغلقت الجسر طوال الليل", "ar"),
    ],
)
def test_detects_the_semeval_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_fixture_articles() -> None:
    assert detect_language((FIXTURES / "flood_a.txt").read_text()) == "en"
    assert detect_language((FIXTURES / "flood_de.txt").read_text()) == "de"


def test_too_little_evidence_is_undetermined() -> None:
    assert detect_language("") == "und"
    assert detect_language("12345 67 89") == "und"
    assert detect_language("Marrowby Tessel") == "und"


@given(st.text(max_size=300))
def test_always_answers_a_known_code(text: str) -> None:
    assert detect_language(text) in (*SUPPORTED_LANGUAGES, "und")
