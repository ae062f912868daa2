"""The deep pass ahead of time (`newsprism analyze`, `ingest --deep`): extractions and MiniLM
vectors kept in the store, so a story is shown and compared from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism import api
from newsprism.cli import app
from newsprism.embed import CachedEmbedder, get_embedder
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "examples" / "valmora-dam"


def test_analyze_keeps_extractions_and_vectors_and_runs_once(tmp_path: Path) -> None:
    with newsprism.Store(tmp_path / "a.db") as store:
        report = newsprism.ingest([EXAMPLES], store, published="2031-10-14")
        ids = report.added
        assert store.unanalysed(api.EXTRACTION_KIND, api.EXTRACTION_VERSION) == ids
        one = api.analyze(store, workers=2, batch_size=1)
        assert one.articles == 3 and one.vectors > 3
        assert store.unanalysed(api.EXTRACTION_KIND, api.EXTRACTION_VERSION) == []
        assert api.analyze(store).articles == 0
        minilm = get_embedder("minilm").model_id
        assert store.article_vectors(minilm, ids)[0] == ids
        # the comparison of the story reads its vectors from the store: only texts that
        # depend on a pair of articles are left to embed
        from newsprism.compare import align

        stored = [store.get(i).article for i in ids]
        exs = [api.extraction_of(store.get(i), store) for i in ids]
        units = align.build_units(exs, [a.text for a in stored], [a.title for a in stored])
        cached = CachedEmbedder(get_embedder("minilm"), store)
        align.embed_units(units, cached)
        assert cached.hits > 10 * max(cached.misses, 1)
        inline = api.extraction_of(store.get(ids[0]), store)
        from newsprism.extract import extract

        assert inline == extract(store.get(ids[0]).article)


def test_ingest_deep_and_the_analyze_command(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--deep", "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["deep"]["articles"] == 3
    result = runner.invoke(app, ["analyze", "--db", db, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"] == 0
