"""clean_document: text, HTML, feed items and dataset rows -> Article with provenance."""

from __future__ import annotations

import re

import pytest

from newsprism.clean import clean_document, extract_html, guess_language
from newsprism.errors import EmptyInput, InputError, UsageError
from newsprism.ingest import Loaded, ReadOptions, iter_documents
from newsprism.models import InputKind, Meta, Provenance, RawDocument, article_id, content_hash
from newsprism.text import sentences
from tests.conftest import FIXTURES, SEED_A, SEED_B, need_shared

CLEAN = FIXTURES / "clean"


def raw_from(path: str) -> RawDocument:
    [item] = iter_documents([path], options=ReadOptions())
    assert isinstance(item, Loaded)
    return item.doc


def test_html_page_main_text_and_metadata() -> None:
    article = clean_document(raw_from(str(CLEAN / "gazette_strike.html")))
    assert article.title == "Dockworkers walk out at the Port of Valmer"
    assert article.body.startswith("About 1,200 dockworkers at the Port of Valmer stopped work")
    for junk in (
        "Advertisement",
        "Sign up for our newsletter",
        "Read more",
        "Share",
        "Home",
        "©",
        "Ferry timetable",
    ):
        assert junk not in article.body
    assert "The last strike at Valmer, in 2020, lasted nine days" in article.body
    meta = article.metadata
    assert meta["outlet"] == Meta("Harbour Gazette", Provenance.HTML_META, 0.9)
    assert meta["author"].value == "Lena Marsh"
    # the page's own time stamp keeps its time and zone
    assert meta["published"].value == "2024-03-04T08:15:00+01:00"
    assert meta["url"].value == "https://harbourgazette.example/news/2024/03/04/valmer-strike"
    assert meta["language"].value == "en" and meta["language"].source == Provenance.TEXT
    assert article.identity == "url:https://harbourgazette.example/news/2024/03/04/valmer-strike"
    assert "\n\n" in article.body and "\n\n\n" not in article.body


def test_text_fixture_with_every_kind_of_junk() -> None:
    article = clean_document(raw_from(str(CLEAN / "tribune_strike.txt")))
    assert article.title == "Valmer port strike strands forty ships"
    assert article.body.split("\n\n") == [
        (
            "Union leader Mira Castellan said on Monday that about 1,000 workers had joined the "
            "strike at the Port of Valmer."
        ),
        (
            "The port authority said only 700 workers had stopped work and that two berths were "
            "still operating."
        ),
        (
            'Authority spokesman Tomas Reyes said the offer of a 3 percent raise "remains on the '
            'table".'
        ),
        "Exporters said the stoppage could cost them up to 2 million euros a day.",
    ]
    reasons = {r.reason for r in article.removed}
    assert reasons == {
        "repeated title",
        "photo credit",
        "navigation",
        "related links",
        "share buttons",
        "advertisement",
        "read more / subscribe",
    }


def test_identity_hash_and_id_follow_the_models_helpers() -> None:
    article = clean_document(raw_from(str(CLEAN / "tribune_strike.txt")))
    assert article.content_hash == content_hash(article.title, article.body)
    assert article.id == article_id(article.identity, article.content_hash)
    again = clean_document(raw_from(str(CLEAN / "tribune_strike.txt")))
    assert again.id == article.id


def test_dataset_row_without_title_takes_its_first_sentence() -> None:
    raw = RawDocument(
        "Cranes stood idle for a second day at the Port of Valmer. Ships queued outside.",
        InputKind.DATASET_ROW,
        "data.jsonl:1",
        {"doc_id": Meta("c-1", Provenance.DATASET)},
        identity="dataset:data:c-1",
    )
    article = clean_document(raw)
    assert article.title == "Cranes stood idle for a second day at the Port of Valmer."
    assert article.metadata["title"].source == Provenance.TEXT
    assert article.body == raw.content  # the body keeps the full text
    assert article.identity == "dataset:data:c-1"


def test_a_one_sentence_document_is_still_an_article() -> None:
    raw = RawDocument("Talks resumed on Thursday.", InputKind.DATASET_ROW, "data.jsonl:9")
    article = clean_document(raw)
    assert article.title == article.body == "Talks resumed on Thursday."


def test_user_defaults_fill_only_missing_fields() -> None:
    raw = RawDocument(
        "Body text about the strike.",
        InputKind.DATASET_ROW,
        "d:1",
        {"outlet": Meta("Coastal Tribune", Provenance.DATASET)},
    )
    article = clean_document(raw, defaults={"outlet": "Valmer Post", "published": "4 March 2024"})
    assert article.metadata["outlet"] == Meta("Coastal Tribune", Provenance.DATASET)
    assert article.metadata["published"] == Meta("2024-03-04", Provenance.USER)
    with pytest.raises(InputError):
        clean_document(raw, defaults={"published": "someday"})
    with pytest.raises(UsageError):
        clean_document(raw, defaults={"colour": "blue"})


def test_outlet_falls_back_to_the_url_host() -> None:
    html = (
        "<html><body><article><p>The strike at Valmer ended on Friday after a night-shift pay "
        "deal was signed.</p></article></body></html>"
    )
    raw = RawDocument(
        html,
        InputKind.HTML,
        "https://www.valmerpost.example/a",
        {"url": Meta("https://www.valmerpost.example/a", Provenance.URL)},
    )
    article = clean_document(raw)
    assert article.metadata["outlet"] == Meta("valmerpost.example", Provenance.URL, 0.5)
    assert article.title.startswith("The strike at Valmer ended")


def test_dataset_metadata_wins_over_html_meta_but_feed_values_do_not() -> None:
    html = (CLEAN / "gazette_strike.html").read_text()
    feed = {"outlet": Meta("Gazette RSS", Provenance.FEED), "author": Meta("Desk", Provenance.FEED)}
    assert (
        clean_document(RawDocument(html, InputKind.HTML, "x", feed)).metadata["outlet"].value
        == "Harbour Gazette"
    )
    data = {"outlet": Meta("Gazette Archive", Provenance.DATASET)}
    assert (
        clean_document(RawDocument(html, InputKind.HTML, "x", data)).metadata["outlet"].value
        == "Gazette Archive"
    )


def test_unreadable_dates_in_the_input_are_dropped() -> None:
    raw = RawDocument(
        "Body.", InputKind.DATASET_ROW, "d:1", {"published": Meta("soon", Provenance.DATASET)}
    )
    assert "published" not in clean_document(raw).metadata


def test_feed_item_html_fragment() -> None:
    raw = RawDocument(
        (
            "<p>About 1,000 workers joined the strike.</p><p>Share on Facebook</p><p>The authority "
            "said 700.</p>"
        ),
        InputKind.FEED_ITEM,
        "https://coastaltribune.example/1",
        {"title": Meta("Strike grows", Provenance.FEED)},
    )
    article = clean_document(raw)
    assert article.body == "About 1,000 workers joined the strike.\n\nThe authority said 700."


def test_whitespace_unicode_and_zero_width() -> None:
    raw = RawDocument(
        (
            "Gre\u0300ve\u200b  a\u0300 Valmer\u00a0today.\r\nSecond\tline of the same "
            "paragraph.\n\n\n\nNew paragraph."
        ),
        InputKind.TEXT,
        "t.txt",
        {"title": Meta("Title", Provenance.TEXT)},
    )
    article = clean_document(raw)
    assert (
        article.body == "Grève à Valmer today. Second line of the same paragraph.\n\nNew paragraph."
    )


def test_malformed_html_still_gives_text() -> None:
    html = (
        "<html><body><div><p>Cranes stood idle at Valmer <b>for a second day<p>Ships queued "
        "outside the breakwater.</i></table><p>Talks resume Friday"
    )
    found = extract_html(html)
    assert "Cranes stood idle at Valmer" in found.text
    assert "Ships queued outside the breakwater." in found.text
    article = clean_document(RawDocument(html, InputKind.HTML, "broken.html"))
    assert "Talks resume Friday" in article.body


def test_html_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInput, match="no readable text"):
        clean_document(
            RawDocument(
                "<html><head><script>var a;</script></head><body></body></html>",
                InputKind.HTML,
                "blank.html",
            )
        )
    with pytest.raises(EmptyInput, match="no article text"):
        clean_document(RawDocument("Advertisement\nShare this article", InputKind.TEXT, "junk.txt"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The dockworkers said that the strike would go on for two more days at the port.", "en"),
        (
            (
                "Die Hafenarbeiter sagten, dass der Streik noch zwei Tage dauern wird und die "
                "Schiffe warten."
            ),
            "de",
        ),
        (
            "Los estibadores dijeron que la huelga seguirá dos días más en el puerto de la ciudad.",
            "es",
        ),
        (
            "Les dockers ont dit que la grève durera encore deux jours dans le port de la ville.",
            "fr",
        ),
        (
            (
                "I portuali hanno detto che lo sciopero durerà ancora due giorni nel porto della "
                "città."
            ),
            "it",
        ),
        (
            (
                "Liman işçileri grevin iki gün daha süreceğini söyledi ve bu çok önemli bir karar "
                "olarak görüldü."
            ),
            "tr",
        ),
        (
            "Dokerzy powiedzieli, że strajk w porcie potrwa jeszcze dwa dni i nie jest to koniec.",
            "pl",
        ),
        ("قال عمال الميناء إن الإضراب سيستمر يومين آخرين", "ar"),
        ("Портовые рабочие заявили, что забастовка продлится ещё два дня.", "ru"),
    ],
)
def test_language_guess(text: str, lang: str) -> None:
    guess = guess_language(text)
    assert guess is not None and guess[0] == lang
    assert 0.5 <= guess[1] <= 1.0


def test_language_guess_gives_up_on_too_little() -> None:
    assert guess_language("Valmer 2024") is None


# --- the seed pair (../shared) ----------------------------------------------------------------


@pytest.mark.shared
def test_seed_a_title_body_and_junk() -> None:
    article = clean_document(raw_from(str(need_shared(SEED_A))))
    assert article.title == "Trump speaks with Erdoğan about Libya, Syria"
    assert article.body.startswith(
        "President Trump spoke with Turkish President Recep Tayyip Erdoğan on Thursday"
    )
    assert "© Getty Images" not in article.body
    assert "MORE" not in article.body
    assert article.title not in article.body
    assert {r.reason for r in article.removed} == {
        "repeated title",
        "photo credit",
        "related links",
    }


@pytest.mark.shared
@pytest.mark.parametrize("seed", [SEED_A, SEED_B])
def test_every_real_sentence_of_the_seed_pair_survives(seed: object) -> None:
    path = need_shared(seed)  # type: ignore[arg-type]
    article = clean_document(raw_from(str(path)))
    kept = " ".join(f"{article.title} {article.body}".split())
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
    first = next(line for line in lines if line)
    junk = {first, "© Getty Images"}
    for line in lines:
        if not line or (line in junk and len(line.split()) < 20):
            continue
        # the related-link widget glued into the first sentence is not real text
        line = re.sub(r"(?<=Trump)Donald Trump.*? MORE(?= )", "", line)
        for sentence in sentences(line):
            assert sentence in kept, sentence
