from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.features import TERM_SPACE, cluster_features, term_id, terms
from newsprism.cluster.minhash import PERMUTATIONS


def test_names_are_counted_again_and_paired():
    out = terms("Mayor Hilde Sarrow visited the flooded district.")
    assert "hilde" in out and "@hilde" in out and "@hilde_sarrow" in out
    assert "flooded" in out and "@flooded" not in out
    assert "the" not in out  # stopwords carry no event


def test_numbers_from_tokenised_sources_are_normalised():
    out = terms("The 4 . 6 magnitude quake struck at 2 : 09 a.m., and 1,200 people fled.")
    assert "4.6" in out and "2:09" in out and "1200" in out


def test_days_dates_and_years_are_read():
    f = cluster_features(
        "The storm hit on Saturday, Sept. 16, 2023, one year after the March 3 flood.",
        title="Storm",
    )
    assert f.weekdays == {"saturday"}
    assert f.dates == {"09-16", "03-03"}
    assert f.years == {"2023"}


def test_a_clock_time_is_not_a_date():
    assert cluster_features("It struck in March 2 : 09 a.m. local time").dates == frozenset()


def test_term_ids_are_stable_and_in_range():
    assert term_id("port veland") == term_id("port veland")
    assert 0 <= term_id("anything at all") < TERM_SPACE


def test_lead_terms_weigh_more_than_late_terms():
    body = "Lindmark flooded. " + "Filler words keep going here. " * 30 + "Ossel mentioned late."
    f = cluster_features(body)
    counts = dict(zip(f.term_ids.tolist(), f.term_counts.tolist(), strict=True))
    assert counts[term_id("lindmark")] > counts[term_id("ossel")]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_well_formed_features(text):
    f = cluster_features(text)
    assert f.term_ids.shape == f.term_counts.shape
    assert np.all(np.diff(f.term_ids) > 0)  # sorted, unique
    assert np.all(f.term_counts > 0)
    assert f.signature.shape == (PERMUTATIONS,)


def test_state_packs_arrays_and_still_reads_states_written_one_entry_per_array() -> None:
    """dump_state packs every array into one flat array per dtype; load_state reads that and
    the format written before it (an npz entry per array, {"__array__": n} in the skeleton)."""
    import io
    import json

    import numpy as np

    from newsprism.cluster.state import dump_state, load_state

    state = {
        "version": 1,
        "vectors": np.arange(12, dtype=np.float32).reshape(3, 4),
        "terms": [(np.array([3, 1], dtype=np.int32), np.array([0.5, 2.0], dtype=np.float32))],
        "empty": np.zeros(0, dtype=np.int32),
        "names": ["a", "b"],
    }
    back = load_state(dump_state(state))
    assert back["vectors"].dtype == np.float32 and back["vectors"].shape == (3, 4)
    assert np.array_equal(back["vectors"], state["vectors"])
    assert np.array_equal(back["terms"][0][0], [3, 1]) and back["terms"][0][0].dtype == np.int32
    assert back["empty"].shape == (0,) and back["names"] == ["a", "b"]
    with np.load(io.BytesIO(dump_state(state))) as archive:
        assert len(archive.files) == 3  # one float32 pool, one int32 pool, the skeleton
    # the format before packing
    old = io.BytesIO()
    skeleton = {"version": 1, "vectors": {"__array__": 0}, "names": ["a"]}
    np.savez(
        old,
        a0=state["vectors"],
        __skeleton__=np.frombuffer(json.dumps(skeleton).encode(), dtype=np.uint8),
    )
    read = load_state(old.getvalue())
    assert np.array_equal(read["vectors"], state["vectors"]) and read["names"] == ["a"]
