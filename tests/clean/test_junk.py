"""Junk rules: general shapes of page furniture, and never a real sentence."""

from __future__ import annotations

import pytest

from newsprism.clean.junk import remove_inline, remove_junk

JUNK = {
    "photo credit": [
        "© Harbour Gazette",
        "© 2024 Reuters",
        "Photo: Ines Volta/Coastal Tribune",
        "Photograph: Piet Adler for the Valmer Post",
        "Image copyright Valmer Port Authority",
        "Getty Images",
        "AFP/Getty Images",
        "(AP Photo/Ines Volta)",
    ],
    "share buttons": [
        "Share on Facebook",
        "Tweet",
        "Email",
        "Share this article",
        "Facebook Twitter Email",
        "Share via WhatsApp",
        "Copy link",
    ],
    "advertisement": ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"],
    "navigation": [
        "Home > News > Ports",
        "Home | World | Business | Sport",
        "News Sport Weather Business Culture",
        "Home › Valmer",
    ],
    "read more / subscribe": [
        "Read more: Valmer port authority names new director",
        "Sign up for our newsletter to get the latest port news in your inbox.",
        "Subscribe now for unlimited access",
        "Click here to get the Valmer Post app",
        "Follow us on Twitter",
    ],
    "interface text": ["Skip to content", "Menu", "Back to top", "12 comments"],
}

REAL = [
    "About 1,200 dockworkers at the Port of Valmer stopped work on Monday morning.",
    "The union's leader, Mira Castellan, said the walkout would last 48 hours.",
    "Share prices of the shipping firms fell 4 percent on Monday.",
    "Photographers were kept away from the gate by security staff, the union said.",
    "Advertisement revenue at the Valmer Post fell as the strike dragged on.",
    "Readers can email their questions to the port authority until Friday.",
    "Home owners near the docks complained about the noise of idle generators.",
    "Subscribers to the harbour's freight service were told to expect delays of a week.",
    'The strike is over, Castellan said: "We have a deal."',
    "Getty Images photographers documented the protest.",
    "Follow the money, the union's lawyer told the court on Tuesday.",
]


@pytest.mark.parametrize(
    ("reason", "line"), [(r, line) for r, lines in JUNK.items() for line in lines]
)
def test_furniture_is_removed_with_its_reason(reason: str, line: str) -> None:
    kept, removed = remove_junk([line, "", "The strike continued on Tuesday."])
    assert kept[0] == ""
    assert removed and removed[0].reason == reason
    assert removed[0].text == line


@pytest.mark.parametrize("line", REAL)
def test_real_sentences_are_kept(line: str) -> None:
    kept, removed = remove_junk([line], title="Dockworkers walk out at Valmer")
    assert kept == [line]
    assert removed == []


def test_repeated_title_lines_go_but_not_sentences_containing_it() -> None:
    title = "Dockworkers walk out at Valmer"
    kept, removed = remove_junk(
        [
            "Dockworkers walk out at Valmer",
            "DOCKWORKERS WALK OUT AT VALMER!",
            "Dockworkers walk out at Valmer, leaving ships stranded.",
        ],
        title=title,
    )
    assert kept == ["", "", "Dockworkers walk out at Valmer, leaving ships stranded."]
    assert [r.reason for r in removed] == ["repeated title", "repeated title"]


def test_glued_related_link_widget_is_cut_and_the_sentence_kept() -> None:
    line = (
        "Union leader Mira CastellanMira CastellanFishermen protest new quota rules Valmer "
        "council approves harbour road Ferry fares rise again MORE said on Monday that the "
        "strike would go on."
    )
    cleaned, removed = remove_inline(line)
    assert cleaned == "Union leader Mira Castellan said on Monday that the strike would go on."
    assert removed[0].reason == "related links"
    assert removed[0].text.endswith("MORE")


def test_widget_with_a_one_word_name() -> None:
    line = (
        "Mayor OkaforAda OkaforCouncil backs new ferry line Tram strike ends MORE told reporters "
        "the port would reopen."
    )
    assert remove_inline(line)[0] == "Mayor Okafor told reporters the port would reopen."


def test_capital_more_in_a_real_sentence_is_kept() -> None:
    line = "The union's slogan, PAY US MORE, was painted on the crane by Piet Adler."
    assert remove_inline(line) == (line, [])


def test_inline_photo_credit_in_a_caption() -> None:
    cleaned, removed = remove_inline("Cranes stand idle at Valmer on Monday. (AP Photo/Ines Volta)")
    assert cleaned == "Cranes stand idle at Valmer on Monday."
    assert removed[0].reason == "photo credit"


def test_related_headline_run_after_a_cue_ends_at_the_next_real_line() -> None:
    lines = [
        "Related stories",
        "Ferry timetable changes for the summer season",
        "Fish market reopens after renovation",
        "Exporters said the stoppage could cost them 2 million euros a day.",
        "Talks resume on Friday",
    ]
    kept, removed = remove_junk(lines)
    assert kept == ["", "", "", lines[3], lines[4]]
    assert {r.reason for r in removed} == {"related links"}
