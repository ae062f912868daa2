"""Driving Debian's chromium with Playwright for the end-to-end tests (no downloaded browser)."""

from __future__ import annotations

import shutil
import struct
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def need_chromium() -> Path:
    """Skip, with the reason, where chromium is absent (CI installs it: scripts/install-browser)."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: run scripts/install-browser (CI does) for browser tests"
        )
    pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    return CHROMIUM


@contextmanager
def chromium_page() -> Iterator[Any]:
    """A fresh headless chromium (own profile folder) and one page in it."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="newsprism-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path=str(need_chromium()),
                headless=True,
                args=FLAGS,
                viewport={"width": 1200, "height": 900},
                java_script_enabled=True,
            )
            try:
                page = context.pages[0] if context.pages else context.new_page()
                yield page
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Width, height, channels and unfiltered rows of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and interlace == 0 and color in (2, 6), header
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def luminance_variance(png: bytes) -> float:
    """Variance of pixel brightness: near 0 for a blank (single-colour) screenshot."""
    import numpy as np

    width, height, channels, rows = png_pixels(png)
    arr = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width, channels)
    lum = arr[..., :3].astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    return float(lum.var())
