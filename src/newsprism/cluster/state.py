"""The clusterer's state as bytes (npz), without pickle: arrays as arrays, the rest as JSON.

``OnlineClusterer.to_state()`` gives plain values and numpy arrays (a few per article and per
story). ``dump_state`` walks it and packs every array into one flat array per dtype, leaving a
``{"__packed__": [name, start, shape]}`` marker in the JSON: the npz archive then holds a handful
of entries instead of thousands (each entry of a zip costs ~0.1 ms to write, and ingest saves the
state after every batch). ``load_state`` also reads states written before (one npz entry per
array, ``{"__array__": n}`` markers).
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import numpy as np

_MARK = "__array__"  # states written before packing: one npz entry per array
_PACKED = "__packed__"


def dump_state(state: dict[str, Any]) -> bytes:
    pools: dict[str, list[np.ndarray]] = {}
    names: dict[str, str] = {}
    sizes: dict[str, int] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, np.ndarray):
            key = value.dtype.str
            name = names.setdefault(key, f"p{len(names)}")
            start = sizes.get(key, 0)
            pools.setdefault(key, []).append(value.reshape(-1))
            sizes[key] = start + value.size
            return {_PACKED: [name, start, list(value.shape)]}
        if isinstance(value, dict):
            return {str(k): walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        if isinstance(value, np.generic):
            return value.item()
        return value

    skeleton = json.dumps(walk(state))
    buffer = io.BytesIO()
    named: dict[str, Any] = {names[k]: np.concatenate(arrays) for k, arrays in pools.items()}
    named["__skeleton__"] = np.frombuffer(skeleton.encode("utf-8"), dtype=np.uint8)
    np.savez(buffer, **named)
    return buffer.getvalue()


def load_state(data: bytes) -> dict[str, Any]:
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        skeleton = json.loads(archive["__skeleton__"].tobytes().decode("utf-8"))
        arrays = {name: archive[name] for name in archive.files if name != "__skeleton__"}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {_PACKED}:
                name, start, shape = value[_PACKED]
                flat = arrays[name][start : start + math.prod(shape)]
                return flat.reshape(shape).copy()
            if set(value) == {_MARK}:
                return arrays[f"a{value[_MARK]}"]
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result = walk(skeleton)
    assert isinstance(result, dict)
    return result
