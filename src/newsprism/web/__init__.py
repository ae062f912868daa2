"""web: a local web app and JSON HTTP API over the store (``newsprism serve``).

>>> app = create_app("newsprism.db")            # a FastAPI app; run it with any ASGI server
>>> serve("newsprism.db", host="127.0.0.1", port=8000)   # or let newsprism run uvicorn

The names below load on first use, so that `newsprism --help` does not import FastAPI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprism.web.app import create_app
    from newsprism.web.server import serve
    from newsprism.web.stages import Stages
    from newsprism.web.state import Limits
    from newsprism.web.stories import StoryBackend, StoryInfo

_LAZY = {
    "create_app": "newsprism.web.app",
    "serve": "newsprism.web.server",
    "Stages": "newsprism.web.stages",
    "StoryBackend": "newsprism.web.stories",
    "StoryInfo": "newsprism.web.stories",
    "Limits": "newsprism.web.state",
}

__all__ = ["Limits", "Stages", "StoryBackend", "StoryInfo", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsprism.web' has no attribute {name!r}")
