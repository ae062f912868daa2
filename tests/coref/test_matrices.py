"""The vectorised pair features equal the per-pair ones (the scorer was fitted on either)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.coref.docgroups import join_lone
from newsprism.coref.engine import entity_pair, event_pair
from newsprism.coref.lexicon import load
from newsprism.coref.matrices import entity_features, event_features
from newsprism.coref.mentions import ENTITY, EVENT, Participants, Vectors
from newsprism.coref.resolve import _infos
from newsprism.extract.link import canonical_map
from tests.coref.test_resolve import REPORTS, extractions


@pytest.mark.slow
def test_matrix_features_match_pair_features() -> None:
    lex = load()
    exs = extractions()
    infos, _, _ = _infos(REPORTS, exs, canonical_map(exs), lex, [str(i) for i in range(4)])
    rng = np.random.default_rng(0)

    def unit(n: int) -> np.ndarray:
        v = rng.normal(size=(n, 8))
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    vec = Vectors(text=unit(len(infos)), context=unit(len(infos)), document=unit(len(REPORTS)))
    groups = [0, 0, 0, 1]  # two happenings, the second told by one report alone
    ents = [m for m in infos if m.kind == ENTITY]
    got = entity_features(ents, vec, lex, groups)
    for i, a in enumerate(ents):
        for j, b in enumerate(ents):
            if i < j:
                same = groups[a.doc] == groups[b.doc]
                lone = 3 in (a.doc, b.doc)  # the report alone in its group
                want = entity_pair(a, b, vec, lex, same_group=same, lone=lone)[0]
                assert got[i, j] == pytest.approx(want), (a.text, b.text)
    events = [m for m in infos if m.kind == EVENT]
    parts = {
        m.index: Participants(
            frozenset({f"c{m.doc}"}) if m.doc % 2 else frozenset(),
            frozenset({"t"}) if m.doc == 1 else frozenset(),
            frozenset(),
        )
        for m in events
    }
    # events read the groups with a lone report joined to its nearest group when near enough
    # (docgroups.join_lone): once with the random vectors, once with the lone report a copy of
    # the first (so that it joins)
    near = vec.document.copy()
    near[3] = near[0]
    for docs in (vec.document, near):
        dv = Vectors(text=vec.text, context=vec.context, document=docs)
        joined = join_lone(groups, docs)
        got = event_features(events, parts, dv, lex, groups)
        for i, a in enumerate(events):
            for j, b in enumerate(events):
                if i < j:
                    same = joined[a.doc] == joined[b.doc]
                    lone = 3 in (a.doc, b.doc) and joined[3] == 1
                    pa, pb = parts[a.index], parts[b.index]
                    want = event_pair(a, b, pa, pb, dv, lex, same_group=same, lone=lone)
                    assert got[i, j] == pytest.approx(want), (a.text, b.text)
    assert join_lone(groups, near) == [0, 0, 0, 0]
