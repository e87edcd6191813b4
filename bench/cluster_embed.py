"""Embedder speed and agreement: the int8 ONNX model against the torch model, same process.

    python bench/cluster_embed.py [--texts 128]

Encodes the first ``--texts`` ECB+ dev documents with sentence-transformers (torch, fp32, the
baseline) and with ``storylens.analyze.embed`` (onnxruntime, int8), three rounds each, and prints
median texts/s, the speed ratio and the cosine between the two models' vectors.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from storylens.analyze.embed import get_embedder, model_dir
from storylens.eval.ecbplus import load_ecbplus

ROUNDS = 3


def median_rate(encode: Callable[[list[str]], np.ndarray], texts: list[str]) -> tuple[float, np.ndarray]:
    rates, vectors = [], np.zeros(0)
    for _ in range(ROUNDS):
        start = time.perf_counter()
        vectors = encode(texts)
        rates.append(len(texts) / (time.perf_counter() - start))
    return statistics.median(rates), vectors


def main() -> None:
    from sentence_transformers import SentenceTransformer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=128)
    args = parser.parse_args()
    texts = [d.text for d in load_ecbplus("dev")[: args.texts]]
    torch_model = SentenceTransformer(str(model_dir()), device="cpu")
    torch_rate, expected = median_rate(
        lambda t: torch_model.encode(t, batch_size=32, normalize_embeddings=True), texts
    )
    onnx_rate, vectors = median_rate(get_embedder().encode, texts)
    cosines = (vectors * expected).sum(axis=1)
    print(
        f"{len(texts)} texts | torch fp32 {torch_rate:.1f}/s | onnx int8 {onnx_rate:.1f}/s | "
        f"speed-up {onnx_rate / torch_rate:.2f}x | "
        f"cosine median {np.median(cosines):.4f} min {cosines.min():.4f}"
    )


if __name__ == "__main__":
    main()
