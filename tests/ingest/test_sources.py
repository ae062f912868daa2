"""Every input kind, and every bad input: one Failed naming it, and the batch goes on."""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from newsprism.errors import (
    BinaryInput,
    BlockedAddress,
    EmptyInput,
    FetchTimeout,
    FieldMappingError,
    HTTPStatusError,
    InputNotFound,
    InputTooLarge,
    MalformedInput,
    UnsafeInput,
)
from newsprism.ingest import Failed, Loaded, ReadOptions, folder_files, iter_documents
from newsprism.models import InputKind, Provenance
from tests.conftest import ECBPLUS_DEV, FIXTURES, need_shared

IN = FIXTURES / "ingest"
Net = Callable[..., ReadOptions]


def read(sources: list[str | Path], options: ReadOptions | None = None) -> list[Loaded | Failed]:
    return list(iter_documents(sources, options=options or ReadOptions()))


def loaded(items: list[Loaded | Failed]) -> list[Loaded]:
    return [i for i in items if isinstance(i, Loaded)]


def failed(items: list[Loaded | Failed]) -> list[Failed]:
    return [i for i in items if isinstance(i, Failed)]


# --- good inputs --------------------------------------------------------------------------------


def test_text_file_first_line_is_the_title() -> None:
    [item] = read([IN / "strike_note.txt"])
    assert isinstance(item, Loaded)
    doc = item.doc
    assert doc.kind == InputKind.TEXT
    assert doc.metadata["title"].value == "Night-shift pay talks collapse at Valmer"
    assert doc.metadata["title"].source == Provenance.TEXT
    assert doc.content.strip().startswith("Talks between the Harbour Workers' Union")
    assert doc.location.endswith("strike_note.txt")


def test_a_lede_or_a_single_line_is_not_split_off_as_title(tmp_path: Path) -> None:
    lede = tmp_path / "lede.txt"
    lede.write_text(
        "Dockworkers at the Port of Valmer walked out on Monday morning, leaving forty "
        "container ships waiting outside the breakwater, their union said.\n\nMore text here.\n"
    )
    one = tmp_path / "one.txt"
    one.write_text("Talks resumed on Thursday.\n")
    docs = [i.doc for i in loaded(read([lede, one]))]
    assert all("title" not in d.metadata for d in docs)
    assert docs[0].content.startswith("Dockworkers at the Port")


def test_html_file(tmp_path: Path) -> None:
    page = shutil.copy(FIXTURES / "clean" / "gazette_strike.html", tmp_path / "page.htm")
    [item] = read([page])
    assert isinstance(item, Loaded)
    assert item.doc.kind == InputKind.HTML
    assert "<article>" in item.doc.content


def test_url_via_mock_transport(net: Net) -> None:
    url = "https://harbourgazette.example/news/valmer-strike"
    html = (FIXTURES / "clean" / "gazette_strike.html").read_bytes()
    opts = net({url: httpx.Response(200, content=html, headers={"content-type": "text/html"})})
    [item] = read([url], opts)
    assert isinstance(item, Loaded)
    assert item.doc.kind == InputKind.HTML
    assert item.doc.location == url
    assert item.doc.metadata["url"].value == url
    assert item.doc.metadata["url"].source == Provenance.URL


@pytest.mark.parametrize(
    ("name", "outlet", "n"),
    [("feed.rss", "Harbour Gazette", 2), ("feed.atom", "Coastal Tribune", 1)],
)
def test_feeds_without_following_links(name: str, outlet: str, n: int) -> None:
    items = read([IN / name])
    docs = [i.doc for i in loaded(items)]
    assert len(docs) == n and not failed(items)
    first = docs[0]
    assert first.kind == InputKind.FEED_ITEM
    assert first.metadata["outlet"].value == outlet
    assert all(m.source == Provenance.FEED for m in first.metadata.values())
    assert {"title", "url", "published", "author"} <= set(first.metadata)
    assert "<p>" in first.content
    assert first.location == first.metadata["url"].value


def test_feed_following_links(net: Net) -> None:
    page = (
        "<html><head><title>Walkout at Valmer</title></head><body><article><p>Full page "
        "text about the strike at the Port of Valmer, with more detail than the feed.</p>"
        "</article></body></html>"
    )
    opts = net(
        {
            "https://harbourgazette.example/news/valmer-strike": httpx.Response(
                200, text=page, headers={"content-type": "text/html"}
            )
        },
        follow_links=True,
    )
    items = read([IN / "feed.rss"], opts)
    [doc] = [i.doc for i in loaded(items)]
    assert doc.kind == InputKind.HTML
    assert "Full page text" in doc.content
    assert doc.metadata["outlet"].source == Provenance.FEED  # the feed fills what the page lacks
    # the second item's link answers 404: one clear failure naming the link
    [fail] = failed(items)
    assert isinstance(fail.error, HTTPStatusError)
    assert fail.location == "https://harbourgazette.example/news/citrus-cargo"


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second\n\nBody two.\n")
    (tmp_path / "a.md").write_text("First\n\nBody one.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNo.\n")
    (tmp_path / ".git" / "c.txt").write_text("Hidden\n\nNo.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    shutil.copy(IN / "feed.atom", tmp_path / "b" / "feed.atom")
    assert [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path)] == [
        "a.md",
        "b/feed.atom",
        "b/z.txt",
    ]
    items = read([tmp_path])
    assert [i.doc.metadata["title"].value for i in loaded(items)] == [
        "First",
        "Valmer port strike strands forty ships",
        "Second",
    ]
    assert all(i.input_index == 0 for i in items)


def test_jsonl_with_bad_lines_goes_on() -> None:
    items = read([IN / "articles.jsonl"])
    docs = [i.doc for i in loaded(items)]
    assert [d.metadata["doc_id"].value for d in docs] == ["vm-1", "vm-2", "vm-3", "vm-5"]
    assert docs[0].identity == "dataset:articles:vm-1"
    assert docs[0].metadata["outlet"].source == Provenance.DATASET
    assert docs[2].metadata["title"].value == "Exporters count the cost"
    errors = {f.location.rsplit(":", 1)[1]: f.error for f in failed(items)}
    assert set(errors) == {"3", "5", "6"}
    assert isinstance(errors["3"], MalformedInput) and "not JSON" in errors["3"].message
    assert isinstance(errors["5"], MalformedInput) and "not an object" in errors["5"].message
    assert isinstance(errors["6"], EmptyInput)


def test_csv_and_tsv_field_mapping() -> None:
    items = read([IN / "articles.csv", IN / "articles.tsv"])
    docs = [i.doc for i in loaded(items)]
    assert [d.identity for d in docs] == [
        "dataset:articles:c-1",
        "dataset:articles:c-2",
        "dataset:articles:t-1",
    ]
    assert docs[0].metadata["title"].value == "Strike enters second day"
    assert docs[0].metadata["outlet"].value == "Harbour Gazette"
    assert "title" not in docs[1].metadata
    [bad] = failed(items)
    assert bad.location.endswith("articles.csv:4") and "cells" in bad.error.message
    assert [i.input_index for i in loaded(items)] == [0, 0, 1]


def test_explicit_field_names_and_a_missing_text_field(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    data.write_text('{"key": "k1", "story": "Cranes stood idle.", "paper": "Valmer Post"}\n')
    opts = ReadOptions(id_field="key", text_field="story", outlet_field="paper")
    [item] = read([data], opts)
    assert isinstance(item, Loaded)
    assert item.doc.identity == "dataset:corpus:k1"
    assert item.doc.metadata["outlet"].value == "Valmer Post"

    [fail] = read([data], ReadOptions(text_field="content"))
    assert isinstance(fail, Failed) and isinstance(fail.error, FieldMappingError)
    assert "key, story, paper" in fail.error.message
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("a,b\n1,2\n")
    [fail] = read([nothing])
    assert isinstance(fail.error, FieldMappingError)  # type: ignore[union-attr]
    assert "no text field" in fail.error.message  # type: ignore[union-attr]


def test_a_huge_dataset_record_fails_alone(tmp_path: Path) -> None:
    data = tmp_path / "big.jsonl"
    data.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "Short and fine."}\n')
    items = read([data], ReadOptions(max_bytes=1000))
    assert isinstance(items[0], Failed) and isinstance(items[0].error, InputTooLarge)
    assert items[0].location.endswith("big.jsonl:1")
    assert isinstance(items[1], Loaded)


@pytest.mark.shared
def test_ecbplus_dev_reads_596_documents() -> None:
    path = need_shared(ECBPLUS_DEV)
    items = read([path], ReadOptions(id_field="doc_id", text_field="text"))
    assert not failed(items)
    docs = [i.doc for i in loaded(items)]
    assert len(docs) == 596
    assert len({d.identity for d in docs}) == 596
    assert all(d.identity.startswith("dataset:dev:") for d in docs)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"Strike ends at Valmer\n\nThe deal was signed at noon.\n", InputKind.STDIN),
        (b"<html><body><p>Strike ends.</p></body></html>", InputKind.HTML),
        (
            b'{"id": "s1", "text": "Strike ends."}\n{"id": "s2", "text": "Ships leave."}\n',
            InputKind.DATASET_ROW,
        ),
    ],
)
def test_stdin(data: bytes, kind: InputKind) -> None:
    items = read(["-"], ReadOptions(stdin=io.BytesIO(data)))
    assert items and all(isinstance(i, Loaded) and i.doc.kind == kind for i in items)
    assert loaded(items)[0].doc.location.startswith("<stdin>")


def test_stdin_jsonl_longer_than_the_sniffed_head() -> None:
    lines = b"".join(
        b'{"id": "r%d", "text": "Record %d about the strike."}\n' % (i, i) for i in range(3000)
    )
    items = read(["-"], ReadOptions(stdin=io.BytesIO(lines)))
    assert len(loaded(items)) == 3000 and not failed(items)
    assert loaded(items)[-1].doc.identity == "dataset:stdin:r2999"


def test_forced_format(tmp_path: Path) -> None:
    odd = tmp_path / "export.dat"
    odd.write_text("id,text\n1,Cranes idle.\n")
    assert loaded(read([odd]))[0].doc.kind == InputKind.TEXT
    assert loaded(read([odd], ReadOptions(fmt="csv")))[0].doc.kind == InputKind.DATASET_ROW


# --- bad inputs: one Failed each, naming the input; the rest of the batch goes on ---------------

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title></item></channel></rss>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>
"""


def test_bad_files_each_fail_alone(tmp_path: Path) -> None:
    good = IN / "strike_note.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary\x00stuff")
    bomb = tmp_path / "bomb.rss"
    bomb.write_bytes(BOMB)
    external = tmp_path / "xxe.xml"
    external.write_bytes(EXTERNAL)
    missing = tmp_path / "missing.txt"
    items = read([empty, good, binary, bomb, external, missing, good])
    kinds = [type(i.error) if isinstance(i, Failed) else Loaded for i in items]
    assert kinds == [
        EmptyInput,
        Loaded,
        BinaryInput,
        UnsafeInput,
        UnsafeInput,
        InputNotFound,
        Loaded,
    ]
    for item, path in zip(failed(items), [empty, binary, bomb, external, missing], strict=True):
        assert item.location == str(path)
        assert str(path) in str(item.error)
        assert "\n" not in str(item.error)  # one clear line
    assert [i.input_index for i in items] == [0, 1, 2, 3, 4, 5, 6]


def test_a_50mb_file_fails_fast(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.write(b"Valmer strike\n\n")
        f.truncate(50 * 1024 * 1024)  # sparse: cheap to make, and must not be read
    start = time.perf_counter()
    [fail] = read([huge])
    assert time.perf_counter() - start < 1.0
    assert isinstance(fail, Failed) and isinstance(fail.error, InputTooLarge)
    assert "52,428,800 bytes" in fail.error.message and "--max-bytes" in str(fail.error)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Grève à Valmer\n\nLes dockers réclament une hausse.\n".encode("cp1252"),
            "Les dockers réclament",
        ),
        (
            "Streik in Valmer\n\nDie Hafenarbeiter fordern mehr Lohn für Nachtschichten.\n".encode(
                "latin-1"
            ),
            "für Nachtschichten",
        ),
        (b"\xef\xbb\xbfHuelga en Valmer\n\nLos estibadores piden m\xc3\xa1s.\n", "piden más"),
        (
            "Strike at Valmer\n\nUTF-8 line: grève.\n".encode()
            + "cp1252 line: “quoted” café.\n".encode("cp1252"),
            "“quoted” café",
        ),
    ],
)
def test_legacy_and_mixed_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [item] = read([path])
    assert isinstance(item, Loaded)
    assert expected in item.doc.content
    assert not item.doc.metadata["title"].value.startswith("\ufeff")


def test_bad_urls_each_fail_alone(net: Net) -> None:
    ok = "https://coastaltribune.example/ok"
    slow = "https://harbourgazette.example/slow"

    def timeout() -> httpx.Response:
        raise httpx.ConnectTimeout("timed out")

    opts = net(
        {
            ok: httpx.Response(
                200,
                text="<p>Fine page about the strike.</p>",
                headers={"content-type": "text/html"},
            ),
            slow: timeout,
        }
    )
    sources: list[str | Path] = [
        "http://home.example/",
        "http://intranet.example/",
        "http://metadata.example/latest/",
        slow,
        "https://harbourgazette.example/missing",
        ok,
    ]
    items = read(sources, opts)
    kinds = [type(i.error) if isinstance(i, Failed) else Loaded for i in items]
    assert kinds == [
        BlockedAddress,
        BlockedAddress,
        BlockedAddress,
        FetchTimeout,
        HTTPStatusError,
        Loaded,
    ]
    assert [i.location for i in failed(items)] == sources[:5]
    allowed = net(
        {"http://intranet.example/": httpx.Response(200, text="<p>Intranet page.</p>")},
        allow_private=True,
    )
    assert isinstance(read(["http://intranet.example/"], allowed)[0], Loaded)


def test_utf16_feed_is_read_or_refused_cleanly(tmp_path: Path) -> None:
    """A feed in UTF-16 must not crash the batch: read it, or fail it with a coded error."""
    feed = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Kesk Radio'
        "</title><item><title>Bridge reopens in Kesk</title><link>https://kesk.example/b</link>"
        "<description>The Kesk bridge reopened on Monday after repairs.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "radio.xml"
    path.write_bytes(feed.encode("utf-16"))
    items = list(iter_documents([path], options=ReadOptions()))
    assert items
    for item in items:
        assert isinstance(item, Loaded | Failed)
        if isinstance(item, Failed):
            assert item.error.code.startswith("E1")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_and_jsonl_with_a_bom(tmp_path: Path, codec: str) -> None:
    # Excel's "Unicode text" export and some Windows tools write UTF-16 with a BOM.
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    csv_text = "id,title,text\nu-1,Grève à Valmer,Les dockers ont cessé le travail.\n"
    csv_text += "u-2,Ferry resumes,Ŝhips left the harbour at dawn.\n"
    jsonl_text = '{"id": "j-1", "text": "Cranes stood idle at Valmér."}\n'
    (tmp_path / "export.csv").write_bytes(bom + csv_text.encode(codec))
    (tmp_path / "export.jsonl").write_bytes(bom + jsonl_text.encode(codec))
    items = read([tmp_path / "export.csv", tmp_path / "export.jsonl"])
    assert not failed(items)
    docs = [i.doc for i in loaded(items)]
    assert [d.identity for d in docs] == [
        "dataset:export:u-1",
        "dataset:export:u-2",
        "dataset:export:j-1",
    ]
    assert docs[0].metadata["title"].value == "Grève à Valmer"
    assert docs[1].content.startswith("Ŝhips left")
    assert docs[2].content == "Cranes stood idle at Valmér."


def test_utf16_jsonl_on_stdin_is_sniffed() -> None:
    data = b"\xfe\xff" + '{"id": "s1", "text": "Strike ends."}\n'.encode("utf-16-be")
    items = read(["-"], ReadOptions(stdin=io.BytesIO(data)))
    assert [i.doc.identity for i in loaded(items)] == ["dataset:stdin:s1"]
