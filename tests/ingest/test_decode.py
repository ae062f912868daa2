"""Bytes -> text: BOMs, legacy encodings, mixed files, binary and empty input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.errors import BinaryInput, EmptyInput, NewsprismError
from newsprism.ingest.datasets import BytesLines, Utf16Lines
from newsprism.ingest.decode import decode_bytes, decode_record, looks_binary

STRIKE = "Les dockers de Valmer ont cessé le travail — la grève « illimitée » a commencé à 6 h."


def test_utf8_with_and_without_bom() -> None:
    assert decode_bytes(STRIKE.encode("utf-8")) == (STRIKE, "utf-8")
    text, encoding = decode_bytes(codecs.BOM_UTF8 + STRIKE.encode("utf-8"))
    assert text == STRIKE
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + STRIKE.encode(codec))[0] == STRIKE


def test_cp1252_smart_quotes_and_euro() -> None:
    text = "The union said “no deal” — it wants €4 more per shift."
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_latin1_bytes_cp1252_leaves_undefined() -> None:
    # 0x81 is undefined in cp1252; the line falls back to latin-1
    data = "Grève à Valmer".encode("latin-1") + b" \x81"
    text, encoding = decode_bytes(data)
    assert text.startswith("Grève à Valmer")
    assert encoding == "latin-1"


def test_mixed_encodings_line_by_line() -> None:
    data = (
        "Première ligne en UTF-8: grève.\n".encode()
        + "Deuxième ligne en cp1252: « café ».\n".encode("cp1252")
        + "Third line: naïve ASCII-ish.\n".encode()
    )
    text, encoding = decode_bytes(data)
    assert text.splitlines() == [
        "Première ligne en UTF-8: grève.",
        "Deuxième ligne en cp1252: « café ».",
        "Third line: naïve ASCII-ish.",
    ]
    assert encoding == "mixed(cp1252,utf-8)"


def test_cyrillic_legacy_encoding_is_guessed() -> None:
    text = (
        "Портовые рабочие в Валмере прекратили работу в понедельник. "
        "Забастовка заблокировала сорок судов у входа в гавань, сообщил профсоюз."
    )
    decoded, encoding = decode_bytes(text.encode("cp1251"))
    assert decoded == text
    assert encoding == "cp1251"


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"a\r\nb\rc\n")[0] == "a\nb\nc\n"


def test_binary_and_empty() -> None:
    with pytest.raises(BinaryInput, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", location="cranes.png")
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(1, 9)) * 50)
    with pytest.raises(EmptyInput, match="empty"):
        decode_bytes(b"  \n\t \n")
    with pytest.raises(EmptyInput):
        decode_bytes(b"")
    assert looks_binary(b"\x00abc")
    assert not looks_binary(b"plain text\twith a tab\n")


def test_decode_record_strips_bom_and_refuses_nul() -> None:
    assert decode_record(codecs.BOM_UTF8 + b'{"a": 1}') == '{"a": 1}'
    assert decode_record("caf\xe9".encode("latin-1")) == "café"
    with pytest.raises(BinaryInput):
        decode_record(b'{"a": "\x00"}')


# --- properties -------------------------------------------------------------------------------

printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
).filter(lambda s: s.strip())


@given(printable)
def test_utf8_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"))[0] == text.replace("\r", "\n")


@given(printable, st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_bom_encodings_round_trip(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text


# cp1252 text whose non-ASCII characters stand alone cannot be valid UTF-8, so it must
# come back exactly (runs of non-ASCII bytes can be valid UTF-8 by accident)
cp1252_chars = [
    ch for ch in map(chr, range(0xA0, 0x100)) if ch.encode("cp1252", errors="ignore")
] + list("€‘’“”–—…")
isolated_cp1252 = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghij klmnop,.", min_size=1, max_size=8),
        st.sampled_from(cp1252_chars),
    ),
    min_size=1,
    max_size=20,
).map(lambda parts: "Valmer " + "".join(a + b for a, b in parts) + " end")


@given(isolated_cp1252)
def test_cp1252_round_trips(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding in ("cp1252", "latin-1")


@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except NewsprismError:
        return
    assert text.strip()
    assert "\r" not in text
    assert encoding


@given(
    st.lists(
        st.text(
            alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"),
            max_size=30,
        ),
        max_size=8,
    ),
    st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]),
)
def test_utf16_lines_give_back_every_line_as_utf8(lines: list[str], codec: str) -> None:
    text = "".join(line + "\n" for line in lines)
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    reader = Utf16Lines(BytesLines(bom + text.encode(codec)))
    got = []
    while line := reader.readline(-1):
        got.append(line)
    assert got == [(line + "\n").encode("utf-8") for line in lines]


def test_mixed_file_names_the_lines_that_were_not_utf8() -> None:
    from newsprism.ingest.decode import decode_lines

    data = (
        "Zürich report\n\nThe mayor of Zürich spoke.\n".encode()
        + "Le café à Genève était fermé.\n".encode("latin-1")
        + "Çok güzel.\n".encode()
        + "Münster und Köln.\n".encode("latin-1") * 2
    )
    d = decode_lines(data)
    assert d.text.splitlines()[3] == "Le café à Genève était fermé."
    assert d.legacy_lines == (4, 6, 7)
    assert d.warning().startswith("lines 4, 6-7 were not UTF-8")
    assert decode_lines("Genève\n".encode("latin-1")).warning() == ""  # one encoding: no warning


def test_a_declared_latin1_page_with_utf8_lines_is_decoded_line_by_line() -> None:
    from newsprism.ingest.decode import decode_lines

    html = (
        b'<html><head><meta charset="iso-8859-1"></head><body>\n<p>'
        + "Zürich café".encode()
        + b"</p>\n<p>"
        + "Genève".encode("latin-1")
        + b"</p></body></html>"
    )
    d = decode_lines(html, declared="iso-8859-1")
    assert "Zürich café" in d.text and "Genève" in d.text
    assert d.legacy_lines == (3,)
    plain = "Genève\n".encode("latin-1")
    assert decode_lines(plain, declared="latin-1").text == "Genève\n"  # declared and consistent


def test_a_mixed_file_is_read_with_a_warning(tmp_path: Path) -> None:
    import newsprism

    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Dam report\n\nThe mayor of Zürich spoke on Tuesday.\n".encode()
        + "Le café à Genève était fermé.\n".encode("latin-1")
    )
    (article,) = newsprism.read(path)
    assert "Genève" in article.body and "Zürich" in article.body
    assert article.warnings == (
        "line 4 was not UTF-8 and was decoded as Windows-1252/Latin-1 "
        "(the rest as UTF-8); check those lines, or save the file as UTF-8",
    )
    assert article.to_dict()["warnings"] == list(article.warnings)
