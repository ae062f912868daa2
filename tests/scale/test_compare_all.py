"""compare-all: every story with two or more sources compared on the workers and stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.models import InputKind, Meta, Provenance, RawDocument
from newsprism.scale.compare_all import COMPARISON_KIND, compare_all
from newsprism.store import Store
from tests.scale.daskprocs import DaskProcesses


def article(outlet: str, title: str, body: str, n: int):  # fictional reports
    doc = RawDocument(
        body,
        InputKind.TEXT,
        f"{outlet}-{n}.txt",
        {"title": Meta(title, Provenance.USER), "outlet": Meta(outlet, Provenance.USER)},
    )
    return clean_document(doc)


@pytest.mark.slow
@pytest.mark.shared
def test_multi_source_stories_are_compared_and_stored(
    cluster: DaskProcesses, tmp_path: Path
) -> None:
    a = article(
        "Harbour Gazette",
        "Storm closes Port Alder ferry",
        "The Port Alder ferry stopped on Tuesday after a storm damaged the pier. "
        "Mayor Ines Holt said repairs would take two weeks.",
        1,
    )
    b = article(
        "Coast Daily",
        "Ferry halted after storm",
        "A storm damaged the pier at Port Alder on Tuesday and the ferry stopped. "
        "Mayor Ines Holt said repairs would take three weeks.",
        2,
    )
    c = article(
        "Harbour Gazette",
        "Library opens on Sundays",
        "The town library will open on Sundays from May, the council said.",
        3,
    )
    store = Store(tmp_path / "c.db")
    store.add_many([a, b, c])
    summary = compare_all(
        store, stories={"s-ferry": [a.id, b.id], "s-library": [c.id]}, scheduler=cluster.address
    )
    assert summary["compared"] == 1 and summary["skipped_single_source"] == 1
    assert not summary["failed"] and summary["story_ids"] == ["s-ferry"]
    kept = store.get_analysis(a.id, COMPARISON_KIND)
    assert kept is not None and kept["story_id"] == "s-ferry" and kept["articles"] == [a.id, b.id]
    assert len(kept["data"]["sources"]) == 2
    assert store.get_analysis(c.id, COMPARISON_KIND) is None
