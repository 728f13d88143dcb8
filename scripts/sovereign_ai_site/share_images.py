"""The share images (Open Graph, 1200x630) of each page type and the site's touch icon, drawn at build time.

No browser, no font and no request to another host: each image is a few rectangles and circles in the
site's indigo, the site's mark (three rising bars) on the left and the page type's own pictogram on the
right, written as an indexed-colour PNG by the standard library. The images carry no text, because the
site could ship no Korean font; they differ by page type, not by page. Nothing in a PNG depends on the day
(no time chunk), so the same commit gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from functools import cache

WIDTH, HEIGHT = 1200, 630
SHARE_DIR = "assets/images/share"
TOUCH_ICON = "assets/images/apple-touch-icon.png"
TOUCH_SIZE = 180

# Material's indigo palette (the site's primary colour), and white.
PALETTE = {
    "indigo": (0x3F, 0x51, 0xB5),
    "dark": (0x28, 0x35, 0x93),
    "light": (0x9F, 0xA8, 0xDA),
    "pale": (0xE8, 0xEA, 0xF6),
    "white": (0xFF, 0xFF, 0xFF),
    "amber": (0xFF, 0xC1, 0x07),
}
_INDEX = {name: i for i, name in enumerate(PALETTE)}


class Canvas:
    """A raster of palette indices, drawn into by whole-row slices."""

    def __init__(self, width: int, height: int, background: str):
        self.width, self.height = width, height
        self.pixels = bytearray([_INDEX[background]]) * (width * height)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: str) -> None:
        x0, x1 = max(0, x0), min(self.width, x1)
        run = bytes([_INDEX[colour]]) * max(0, x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            self.pixels[y * self.width + x0 : y * self.width + x1] = run

    def circle(self, cx: int, cy: int, r: int, colour: str) -> None:
        for y in range(cy - r, cy + r + 1):
            half = int((r * r - (y - cy) ** 2) ** 0.5)
            self.rect(cx - half, y, cx + half + 1, y + 1, colour)

    def rounded(self, x0: int, y0: int, x1: int, y1: int, r: int, colour: str) -> None:
        self.rect(x0 + r, y0, x1 - r, y1, colour)
        self.rect(x0, y0 + r, x1, y1 - r, colour)
        for cx, cy in ((x0 + r, y0 + r), (x1 - r - 1, y0 + r), (x0 + r, y1 - r - 1), (x1 - r - 1, y1 - r - 1)):
            self.circle(cx, cy, r, colour)

    def png(self) -> bytes:
        rows = b"".join(b"\x00" + self.pixels[y * self.width : (y + 1) * self.width] for y in range(self.height))
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 3, 0, 0, 0)  # 8-bit indexed colour
        palette = b"".join(bytes(rgb) for rgb in PALETTE.values())
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette) + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def mark(c: Canvas, x: int, y: int, size: int, tile: str = "white", bars: str = "indigo") -> None:
    """The site's mark: three rising bars on a rounded tile (also site_src/assets/images/favicon.svg)."""
    c.rounded(x, y, x + size, y + size, size // 6, tile)
    unit = size // 16
    for i, height in enumerate((5, 8, 11)):
        left = x + unit * (3 + 4 * i)
        c.rect(left, y + size - unit * 2 - unit * height, left + unit * 2 + unit // 2, y + size - unit * 2, bars)


# Each page type's pictogram, drawn in the box (x, y, size) on the right half.
def _home(c: Canvas, x: int, y: int, s: int) -> None:  # a funnel: the teams left at each stage
    for i, width in enumerate((1.0, 0.75, 0.5, 0.3)):
        w = int(s * width)
        c.rounded(x + (s - w) // 2, y + i * s // 4 + 8, x + (s + w) // 2, y + (i + 1) * s // 4 - 8, 12, "white" if i < 3 else "amber")


def _programme(c: Canvas, x: int, y: int, s: int) -> None:  # a track of stages
    c.rect(x + 20, y + s // 2 - 6, x + s - 20, y + s // 2 + 6, "light")
    for i in range(4):
        c.circle(x + 30 + i * (s - 60) // 3, y + s // 2, 30, "amber" if i == 3 else "white")


def _teams(c: Canvas, x: int, y: int, s: int) -> None:  # several people
    for row in range(2):
        for col in range(3):
            cx, cy = x + s // 6 + col * s // 3, y + s // 4 + row * s // 2
            c.circle(cx, cy - 30, 26, "white")
            c.rounded(cx - 48, cy + 4, cx + 48, cy + 70, 24, "white")


def _team(c: Canvas, x: int, y: int, s: int) -> None:  # one team, and its track
    c.circle(x + s // 2, y + s // 3, s // 6, "white")
    c.rounded(x + s // 4, y + s // 2 + 10, x + 3 * s // 4, y + s - 20, 40, "white")
    c.circle(x + s - 40, y + 50, 28, "amber")


def _models(c: Canvas, x: int, y: int, s: int) -> None:  # layers of a network
    for col, count in enumerate((3, 4, 2)):
        cx = x + s // 6 + col * s // 3
        if col < 2:
            c.rect(cx, y + s // 2 - 4, cx + s // 3, y + s // 2 + 4, "light")
        for i in range(count):
            c.circle(cx, y + (i + 1) * s // (count + 1), 26, "amber" if col == 2 else "white")


def _funding(c: Canvas, x: int, y: int, s: int) -> None:  # a bar chart
    c.rect(x, y + s - 12, x + s, y + s, "light")
    for i, height in enumerate((0.35, 0.6, 0.45, 0.85)):
        c.rect(x + 20 + i * s // 4, y + s - 12 - int(s * height), x + (i + 1) * s // 4 - 20, y + s - 12, "amber" if i == 3 else "white")


def _strategy(c: Canvas, x: int, y: int, s: int) -> None:  # a target
    for r, colour in ((s // 2, "white"), (s // 2 - 34, "indigo"), (s // 2 - 68, "white"), (s // 2 - 102, "indigo"), (s // 2 - 136, "amber")):
        c.circle(x + s // 2, y + s // 2, r, colour)


def _data(c: Canvas, x: int, y: int, s: int) -> None:  # a table
    c.rounded(x, y + 20, x + s, y + s - 20, 16, "white")
    c.rect(x + 16, y + 36, x + s - 16, y + 96, "amber")
    for row in range(4):
        top = y + 112 + row * (s - 150) // 4
        for col in range(3):
            c.rect(x + 16 + col * (s - 32) // 3 + 6, top, x + 16 + (col + 1) * (s - 32) // 3 - 6, top + (s - 150) // 4 - 14, "pale")


def _sources(c: Canvas, x: int, y: int, s: int) -> None:  # a stack of documents
    for i, colour in enumerate(("light", "pale", "white")):
        c.rounded(x + 40 + i * 30, y + i * 30, x + s - 100 + i * 30, y + s - 60 + i * 30, 14, colour)
    for line in range(5):
        c.rect(x + 130, y + 110 + line * 60, x + s - 70 - (60 if line == 4 else 0), y + 130 + line * 60, "light")


def _about(c: Canvas, x: int, y: int, s: int) -> None:  # "i"
    c.circle(x + s // 2, y + s // 2, s // 2, "white")
    c.circle(x + s // 2, y + s // 4 + 10, 30, "indigo")
    c.rounded(x + s // 2 - 28, y + s // 2 - 30, x + s // 2 + 28, y + s - 70, 20, "indigo")


PICTOGRAMS: dict[str, Callable[[Canvas, int, int, int], None]] = {
    "home": _home,
    "programme": _programme,
    "teams": _teams,
    "team": _team,
    "models": _models,
    "funding": _funding,
    "strategy": _strategy,
    "data": _data,
    "sources": _sources,
    "about": _about,
}


def share_image_path(kind: str) -> str:
    """Where the share image of a page type is, from the root of each language's site."""
    return f"{SHARE_DIR}/{kind}.png"


@cache
def share_image(kind: str) -> bytes:
    c = Canvas(WIDTH, HEIGHT, "indigo")
    c.rect(0, HEIGHT - 90, WIDTH, HEIGHT, "dark")
    mark(c, 110, 150, 300)
    c.rect(500, 130, 506, HEIGHT - 150, "light")
    PICTOGRAMS[kind](c, 640, 110, 400)
    return c.png()


@cache
def touch_icon() -> bytes:
    c = Canvas(TOUCH_SIZE, TOUCH_SIZE, "indigo")
    mark(c, 0, 0, TOUCH_SIZE, tile="indigo", bars="white")
    return c.png()


def images() -> dict[str, bytes]:
    """Every share image and the touch icon, by their paths in a language's site."""
    return {**{share_image_path(kind): share_image(kind) for kind in PICTOGRAMS}, TOUCH_ICON: touch_icon()}
