"""The clusterer's state as bytes (npz), without pickle: arrays as arrays, the rest as JSON.

``OnlineClusterer.to_state()`` gives plain values and numpy arrays; ``dump_state`` walks it,
moves every array into the npz archive and leaves a ``{"__array__": n}`` marker in the JSON.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np

_MARK = "__array__"


def dump_state(state: dict[str, Any]) -> bytes:
    arrays: list[np.ndarray] = []

    def walk(value: Any) -> Any:
        if isinstance(value, np.ndarray):
            arrays.append(value)
            return {_MARK: len(arrays) - 1}
        if isinstance(value, dict):
            return {str(k): walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        if isinstance(value, np.generic):
            return value.item()
        return value

    skeleton = json.dumps(walk(state))
    buffer = io.BytesIO()
    named: dict[str, Any] = {f"a{i}": a for i, a in enumerate(arrays)}
    named["__skeleton__"] = np.frombuffer(skeleton.encode("utf-8"), dtype=np.uint8)
    np.savez(buffer, **named)
    return buffer.getvalue()


def load_state(data: bytes) -> dict[str, Any]:
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        skeleton = json.loads(archive["__skeleton__"].tobytes().decode("utf-8"))
        arrays = {name: archive[name] for name in archive.files if name != "__skeleton__"}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {_MARK}:
                return arrays[f"a{value[_MARK]}"]
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result = walk(skeleton)
    assert isinstance(result, dict)
    return result
