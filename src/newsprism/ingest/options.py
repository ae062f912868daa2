"""Options for reading inputs, and the two things reading yields: a document or a failure."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

import httpx

from newsprism.errors import NewsprismError
from newsprism.models import RawDocument

#: host name -> IP address strings; injectable so tests never touch DNS.
Resolver = Callable[[str], list[str]]

FORMATS = ("text", "html", "feed", "jsonl", "csv", "parquet")


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read inputs. ``None`` field names mean: guess from common names."""

    follow_links: bool = False
    allow_private: bool = False
    timeout: float = 10.0
    #: cap for one text/HTML/feed file or fetched page, and for each dataset record
    max_bytes: int = 10_000_000
    id_field: str | None = None
    text_field: str | None = None
    title_field: str | None = None
    outlet_field: str | None = None
    published_field: str | None = None
    url_field: str | None = None
    author_field: str | None = None
    #: force a format instead of guessing: "text", "html", "feed", "jsonl" or "csv"
    fmt: str | None = None
    transport: httpx.BaseTransport | None = None
    resolver: Resolver | None = None
    stdin: BinaryIO | None = None

    def __post_init__(self) -> None:
        if self.fmt is not None and self.fmt not in FORMATS:
            raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {self.fmt!r}")
        if self.max_bytes <= 0 or self.timeout <= 0:
            raise ValueError("max_bytes and timeout must be positive")


@dataclass(frozen=True)
class Loaded:
    """A document read from the input at position ``input_index`` of the sources."""

    doc: RawDocument
    input_index: int


@dataclass(frozen=True)
class Failed:
    """An input or record that could not be read; the batch goes on without it."""

    location: str
    error: NewsprismError
    input_index: int
