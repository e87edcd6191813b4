"""Approximate nearest neighbours over article vectors: faiss HNSW on 8-bit scalar-quantised codes.

HNSW needs no training on the data and takes vectors one at a time, which suits a stream; the
8-bit codes (384 bytes) plus graph links keep it near 0.5 KB per article. The quantiser range is
fixed (unit vectors from MiniLM stay well inside +/-0.5 per dimension) so every process, whatever
it has seen, encodes alike.
"""

from __future__ import annotations

import numpy as np

from storylens.analyze.embed import DIMENSIONS

_RANGE = 0.5
_LINKS = 16  # HNSW M
_EF_CONSTRUCTION = 40
_EF_SEARCH = 64


class VectorIndex:
    """Inner-product search over unit vectors; ids are insertion ordinals."""

    def __init__(self, dimensions: int = DIMENSIONS) -> None:
        import faiss

        index = faiss.IndexHNSWSQ(
            dimensions, faiss.ScalarQuantizer.QT_8bit, _LINKS, faiss.METRIC_INNER_PRODUCT
        )
        index.hnsw.efConstruction = _EF_CONSTRUCTION
        index.hnsw.efSearch = _EF_SEARCH
        index.train(np.array([[-_RANGE] * dimensions, [_RANGE] * dimensions], dtype=np.float32))
        self._index = index

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, vectors: np.ndarray) -> None:
        """Append rows (float32, unit length); they get the next ordinals."""
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self._index.d))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Up to ``k`` (ordinal, cosine) pairs, most similar first."""
        if not len(self):
            return []
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        scores, ordinals = self._index.search(query, min(k, len(self)))
        return [(int(o), float(s)) for o, s in zip(ordinals[0], scores[0], strict=True) if o >= 0]

    def memory_bytes(self) -> int:
        """Size of the serialised index: codes plus graph."""
        import faiss

        return int(faiss.serialize_index(self._index).nbytes)
