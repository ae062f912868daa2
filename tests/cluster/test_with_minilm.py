"""The fictional stream through the real pipeline pieces: MiniLM vectors and cheap features."""

from __future__ import annotations

import pytest

from newsprism.cluster import OnlineClusterer, cluster_features
from newsprism.embed import get_embedder
from newsprism.eval.ecbplus import EcbDocument, as_article
from tests.cluster.helpers import load_stream


@pytest.mark.slow
def test_real_embeddings_give_three_stories_with_the_copy_linked():
    stream = load_stream()
    articles = [
        as_article(EcbDocument(a["id"], "", a["event"], a["title"] + ". " + a["body"]))
        for a in stream
    ]
    from newsprism.embed import embed_articles

    vectors = embed_articles(articles, get_embedder("minilm"))
    clusterer = OnlineClusterer()
    placed = {
        a["id"]: clusterer.add(
            a["id"], v, cluster_features(art.body, title=art.title), published=None
        )
        for a, art, v in zip(stream, articles, vectors, strict=True)
    }
    by_story: dict[str, set[str]] = {}
    for a in stream:
        by_story.setdefault(placed[a["id"]].story_id, set()).add(a["event"])
    assert len(by_story) == 3 and all(len(events) == 1 for events in by_story.values())
    assert placed["flood1-wire"].duplicate_of == "flood1-b"
