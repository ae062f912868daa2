"""Comparisons are slow-ish (spaCy + MiniLM): build each once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import read
from newsprism.compare import Comparison, compare_articles
from newsprism.compare import align as al
from newsprism.extract import extract, link_across
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash
from tests.conftest import ROOT, SEED_A, SEED_B, need_shared

VALMORA = ROOT / "examples" / "valmora-dam"
VALMORA_OUTLETS = ["Northern Courier", "Valley Post", "Continental Wire"]


def valmora_comparison() -> Comparison:
    files = sorted(VALMORA.iterdir())
    articles = [
        read(p, published="2031-10-14", outlet=o)[0]
        for p, o in zip(files, VALMORA_OUTLETS, strict=True)
    ]
    return compare_articles(articles)


@pytest.fixture(scope="session")
def valmora() -> Comparison:
    return valmora_comparison()


@pytest.fixture(scope="session")
def seed() -> Comparison:
    a = read(need_shared(SEED_A), published="2020-01-02")[0]
    b = read(need_shared(SEED_B), published="2020-01-03")[0]
    return compare_articles([a, b])


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def report(text: str, name: str, published: str) -> Article:
    """A fictional report of ``text``, published on ``published`` (ISO date)."""
    chash = content_hash("", text)
    return Article(
        id=article_id(f"test:{name}", chash),
        title="",
        body=text,
        metadata={"published": Meta(published, Provenance.USER)},
        location=name,
        kind=InputKind.TEXT,
        identity=f"test:{name}",
        content_hash=chash,
    )


def reports_compared(*reports: tuple[str, str]) -> Comparison:
    """The comparison of fictional reports, each (text, ISO publication date)."""
    return compare_articles([report(t, f"r{n}", p) for n, (t, p) in enumerate(reports)])


def units_of(*reports: tuple[str, str]) -> list[al.Unit]:
    """The claims of fictional reports, each (text, ISO publication date), as compare reads them."""
    texts = [t for t, _ in reports]
    exs = link_across([extract(t, published=p) for t, p in reports])
    return al.build_units(exs, texts, [""] * len(texts))
