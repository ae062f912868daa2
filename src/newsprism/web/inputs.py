"""Turning what a web user sends (pasted text, URLs, uploaded files) into Articles.

Everything goes through the normal readers: pasted text and uploads are written to a private
temporary folder and read like files on the command line, URLs through the guarded fetcher
(no loopback, private or metadata addresses unless the server allows them).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.api import iter_read
from newsprism.errors import FetchError, MalformedInput, NewsprismError
from newsprism.ingest import Failed, ReadOptions
from newsprism.models import Article

__all__ = ["Pasted", "ReadResult", "Upload", "read_inputs"]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_EXTENSIONS = (".txt", ".html", ".htm", ".xml", ".jsonl", ".json", ".csv", ".tsv", ".rss", ".atom")


@dataclass(frozen=True)
class Pasted:
    text: str
    title: str = ""
    outlet: str = ""
    published: str = ""


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes
    outlet: str = ""
    published: str = ""


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    failed: list[NewsprismError] = field(default_factory=list)


def read_inputs(
    *,
    texts: Sequence[Pasted] = (),
    urls: Sequence[str] = (),
    uploads: Sequence[Upload] = (),
    options: ReadOptions,
) -> ReadResult:
    """Read every input; one that fails is recorded and the others are still read."""
    result = ReadResult()
    with tempfile.TemporaryDirectory(prefix="newsprism-web-") as tmp:
        folder = Path(tmp)
        for i, pasted in enumerate(texts, 1):
            path = folder / f"pasted-{i}.txt"
            body = (
                f"{pasted.title.strip()}\n\n{pasted.text}" if pasted.title.strip() else pasted.text
            )
            path.write_text(body, encoding="utf-8")
            _read_one(path, f"pasted text {i}", pasted.outlet, pasted.published, options, result)
        for i, upload in enumerate(uploads, 1):
            path = folder / f"upload-{i}-{_safe_name(upload.filename)}"
            path.write_bytes(upload.data)
            label = f"upload {upload.filename or i}"
            _read_one(path, label, upload.outlet, upload.published, options, result)
        for url in urls:
            url = url.strip()
            if urlsplit(url).scheme.lower() not in ("http", "https"):
                # never a path: a "URL" of "/" must not read the server's own files
                result.failed.append(
                    FetchError("only http and https URLs are fetched", location=url or "''")
                )
                continue
            _read_one(url, url, "", "", options, result)
    return result


def _read_one(
    source: str | Path,
    label: str,
    outlet: str,
    published: str,
    options: ReadOptions,
    result: ReadResult,
) -> None:
    try:
        items = list(
            iter_read(
                source,
                outlet=outlet.strip() or None,
                published=published.strip() or None,
                options=options,
            )
        )
    except NewsprismError as exc:  # a bad date given with the input
        exc.location = label
        result.failed.append(exc)
        return
    except Exception as exc:  # a reader bug must not turn a user's bad file into a 500
        result.failed.append(
            MalformedInput(f"cannot read it ({type(exc).__name__}: {exc})", location=label)
        )
        return
    for item in items:
        if isinstance(item, Failed):
            item.error.location = _relabel(item.location, source, label)
            result.failed.append(item.error)
        else:
            location = _relabel(item.location, source, label)
            result.articles.append(replace(item, location=location))


def _relabel(location: str, source: str | Path, label: str) -> str:
    """Show the user's name for the input, never the temporary path."""
    raw = str(source)
    return label + location[len(raw) :] if location.startswith(raw) else label


def _safe_name(name: str) -> str:
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "file"
    if not base.lower().endswith(_EXTENSIONS):
        base += ".txt"
    return base[-100:]
