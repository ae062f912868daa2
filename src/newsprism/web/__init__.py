"""web: a local web app and JSON HTTP API over the store (``newsprism serve``).

>>> app = create_app("newsprism.db")            # a FastAPI app; run it with any ASGI server
>>> serve("newsprism.db", host="127.0.0.1", port=8000)   # or let newsprism run uvicorn
"""

from newsprism.web.app import create_app
from newsprism.web.server import serve
from newsprism.web.stages import Stages, StoryBackend, StoryInfo
from newsprism.web.state import Limits

__all__ = ["Limits", "Stages", "StoryBackend", "StoryInfo", "create_app", "serve"]
