"""Sideways text: which way each character reads, and a page's objects as a reader turns the page.

A landscape table printed on a portrait page, a page whose content is drawn turned (in its
stream or through /Rotate) and a column header set vertically all read along the page's
height. pdfminer gives each character its text matrix; a reader turns the page until the text
runs left to right. These pure functions do the same to pdfplumber's object dicts (chars,
rects, lines, curves), so lines and ruled grids are built by one code path whichever way the
text was printed.
"""

from __future__ import annotations

from collections.abc import Callable
from math import atan2, pi

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom, in pdfplumber's top-down frame
Turn = Callable[[float, float], Point]


def quarter_turns(char: dict) -> int:
    """How far anticlockwise a character's baseline is turned: 0 upright, 1 reads up, 2 upside down, 3 reads down.

    Only the baseline's direction counts, so a glyph mirrored top to bottom (matrix d < 0) still
    reads upright; pdfminer's own `upright` flag calls it rotated, and calls text reading down
    the page upright when the matrix carries rounding noise (Kent's budget pack sets "This page
    is intentionally left blank" with a = -1.8e-16).
    """
    a, b = char["matrix"][:2]
    return round(atan2(b, a) / (pi / 2)) % 4


def turn(turns: int, bbox: Box) -> tuple[Turn, Box]:
    """The map from points of a page with box `bbox` to the page turned so text set `turns` reads upright.

    Also returns the turned page's box, which starts at (0, 0).
    """
    left, top, right, bottom = bbox
    # Rounded to a thousandth of a point: a turn written with cos 90° as 6e-17 rather than 0 (pypdf
    # writes it so, and Kent's budget pack sets its sideways text so) leaves noise at the ends of
    # a straight rule, and pdfplumber tells a rule's orientation by comparing its ends exactly.
    maps: dict[int, Turn] = {
        0: lambda x, y: (x - left, y - top),
        1: lambda x, y: (round(bottom - y, 3), round(x - left, 3)),  # text read upwards: turn the page clockwise
        2: lambda x, y: (round(right - x, 3), round(bottom - y, 3)),
        3: lambda x, y: (round(y - top, 3), round(right - x, 3)),  # text read downwards: turn the page anticlockwise
    }
    width, height = right - left, bottom - top
    return maps[turns % 4], (0.0, 0.0, *((height, width) if turns % 2 else (width, height)))


def turned_box(point: Turn, x0: float, top: float, x1: float, bottom: float) -> Box:
    """The box (x0, top, x1, bottom) after the map `point`."""
    (xa, ya), (xb, yb) = point(x0, top), point(x1, bottom)
    return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def turned_object(obj: dict, point: Turn, turns: int, height: float) -> dict:
    """A pdfplumber object dict as it lies on the page turned by `turns` (of height `height`)."""
    x0, top, x1, bottom = turned_box(point, obj["x0"], obj["top"], obj["x1"], obj["bottom"])
    out = {**obj, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top}
    # pdfplumber's edges and word grouping read these too; doctop keeps its offset to top.
    out.update(y0=height - bottom, y1=height - top, doctop=obj.get("doctop", obj["top"]) - obj["top"] + top)
    if "pts" in obj:
        out["pts"] = [point(x, y) for x, y in obj["pts"]]
    if obj["object_type"] == "char":
        a, b, c, d, e, f = obj["matrix"]
        for _ in range(turns % 4):  # each quarter turn of the page turns the baseline back by one
            a, b, c, d = b, -a, d, -c
        out["matrix"] = (a, b, c, d, e, f)
        out["size"] = bottom - top  # pdfminer's size of a glyph: its box's height on the page it is read on
        out["upright"] = quarter_turns(out) == 0  # how pdfplumber's table text reads the glyph
    return out
