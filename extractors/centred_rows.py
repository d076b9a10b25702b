"""Rows of a whitespace table whose cells are centred vertically on tall rows.

A variance report prints each row's figures on one line, and its label, its summary and its
long explanation as blocks of lines centred on that line, with paragraph gaps inside a cell
as wide as the space between rows (Kent's budget monitoring; Excel sheets set to centre).
Lines there cannot be read into rows one by one: a block above the figures may end the row
before or open this one. Instead each row is anchored on its line of figures, and the rows
are cut at white bands across the whole body, one between each two anchors, chosen so that
every row's cells are centred on its anchor or start at its top. Lines of the first column
well above the first anchor are the end of a row begun on the page before: a row of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from extractors.table_model import Phrase, Row, join_cell, numeric

# Lines of one block of a cell sit closer than this share of a line height: paragraph gaps and
# the space between rows are wider (Kent's finance monitoring prints 1.5pt between 10pt lines).
BLOCK_GAP = 0.5
# A cell's block is centred on its row's figures within this share of a line height.
CENTRED_LINES = 0.5
# A cell set at the top of its row costs this share of a line height more than a centred one.
TOP_SET = 0.5

# A printed line of the body: its top, its bottom and its cells by column.
BodyLine = tuple[float, float, dict[int, Phrase]]
# One cell's text on one printed line: top, bottom, column, text.
Piece = tuple[float, float, int, str]
# A vertical extent: a white band across the body, or a line of figures.
Band = tuple[float, float]


@dataclass
class _Block:
    """Lines of one column printed close together (one cell, or one paragraph of a cell): the
    evidence for the centred layout."""

    col: int
    pieces: list[tuple[float, float, str]]
    anchor: int | None = None  # the row whose line of figures it shares

    @property
    def top(self) -> float:
        return self.pieces[0][0]

    @property
    def bottom(self) -> float:
        return max(b for _, b, _ in self.pieces)


def centred_rows(lines: list[BodyLine]) -> list[Row] | None:
    """The body's rows when its cells are centred on tall rows (see the module docstring), else
    None (cells printed from the top of their row are read line by line)."""
    anchors = _anchors(lines)
    if len(anchors) < 2:
        return None
    blocks = _blocks(lines, anchors)
    if blocks is None or not _centred(blocks, anchors):
        return None
    pieces = sorted((top, bottom, col, text) for top, bottom, cells in lines for col, (text, _, _) in cells.items())
    gaps = _gaps(pieces)
    first = pieces[0][0]
    # The first column's first lines well above the first figures: a row begun on the page before.
    opening = [p for p in pieces if p[2] == 0 and p[1] < anchors[0][0] - (p[1] - p[0])]
    edges = [[(first, first)] + ([g for g in gaps if g[1] <= anchors[0][0]] if opening else [])]
    edges += [[g for g in gaps if a[1] <= g[0] and g[1] <= b[0]] for a, b in pairwise(anchors)]
    if not all(edges):
        return None
    cuts = _cuts(pieces, anchors, edges)
    bounds = [*cuts, (pieces[-1][1], pieces[-1][1])]
    rows = [
        [p for p in pieces if a[1] <= (p[0] + p[1]) / 2 < b[0]]
        for a, b in zip([(first, first), *bounds], bounds, strict=False)
    ]
    return [_row(r) for r in rows if r]


def _gaps(pieces: list[Piece]) -> list[tuple[float, float]]:
    """The white bands across the whole body between its lines: (top, bottom) of each."""
    out, low = [], pieces[0][1]
    for top, bottom, _, _ in pieces[1:]:
        if top > low:
            out.append((low, top))
        low = max(low, bottom)
    return out


def _cuts(pieces: list[Piece], anchors: list[Band], edges: list[list[Band]]) -> list[Band]:
    """Where each row ends: one white band between each two lines of figures (and one before the
    first, ending the continued row), chosen so that every row's cells are centred on its
    figures, or start at its top, as closely as can be."""
    # best[g]: the least cost of the rows above band g of the current edge, and the bands cut.
    best: dict[Band, tuple[float, list[Band]]] = {g: (0.0, [g]) for g in edges[0]}
    for i, (a, b) in enumerate(anchors):
        options = edges[i + 1] if i + 1 < len(edges) else [(pieces[-1][1], pieces[-1][1])]
        best = {
            g: min(
                ((cost + _cost(pieces, (a + b) / 2, top, g), [*cuts, g]) for top, (cost, cuts) in best.items()),
                key=lambda x: x[0],
            )
            for g in options
        }
    _, cuts = min(best.values(), key=lambda x: x[0])
    return cuts[:-1]


def _cost(pieces: list[Piece], centre: float, top: Band, bottom: Band) -> float:
    """How far a row's cells sit from centred on its figures or from its top, column by column;
    a cell set at the top costs a little more, so that a centred reading wins a tie."""
    cells: dict[int, list[Piece]] = {}
    for p in pieces:
        if top[1] <= (p[0] + p[1]) / 2 < bottom[0]:
            cells.setdefault(p[2], []).append(p)
    total = 0.0
    for cell in cells.values():
        high, low = cell[0][0], max(p[1] for p in cell)
        height = cell[0][1] - cell[0][0]
        total += min(abs((high + low) / 2 - centre), abs(high - top[1]) + TOP_SET * height)
    return total


def _anchors(lines: list[BodyLine]) -> list[tuple[float, float]]:
    """The extents of the lines of figures, lines printed across one another taken together."""
    out: list[list[float]] = []
    for top, bottom, cells in lines:
        if not any(numeric(text) for text, _, _ in cells.values()):
            continue
        if out and top < out[-1][1]:
            out[-1][1] = max(out[-1][1], bottom)
        else:
            out.append([top, bottom])
    return [(a, b) for a, b in out]


def _blocks(lines: list[BodyLine], anchors: list[tuple[float, float]]) -> list[_Block] | None:
    """Each column's blocks, with the anchor each shares a line with; None when a block spans
    two anchors (rows of single lines, read line by line)."""
    by_col: dict[int, list[tuple[float, float, str]]] = {}
    for top, bottom, cells in sorted(lines, key=lambda ln: ln[0]):
        for col, (text, _, _) in cells.items():
            by_col.setdefault(col, []).append((top, bottom, text))
    out: list[_Block] = []
    for col, pieces in by_col.items():
        block = _Block(col, [pieces[0]])
        out.append(block)
        for prev, piece in pairwise(pieces):
            if piece[0] - prev[1] > BLOCK_GAP * (prev[1] - prev[0]):
                block = _Block(col, [])
                out.append(block)
            block.pieces.append(piece)
    for block in out:
        shared = {i for i, (a, b) in enumerate(anchors) for top, bottom, _ in block.pieces if top < b and bottom > a}
        if len(shared) > 1:
            return None
        block.anchor = shared.pop() if shared else None
    return out


def _centred(blocks: list[_Block], anchors: list[tuple[float, float]]) -> bool:
    """Whether more blocks of two or more lines are centred on their anchor, lines above it and
    below it, than start on it and run down (two such at least)."""
    centred = top = 0
    for block in blocks:
        if block.anchor is None or len(block.pieces) < 2:
            continue
        a, b = anchors[block.anchor]
        height = block.pieces[0][1] - block.pieces[0][0]
        mid = (block.top + block.bottom) / 2
        if (
            block.top < a - height / 2
            and block.bottom > b + height / 2
            and abs(mid - (a + b) / 2) <= CENTRED_LINES * height
        ):
            centred += 1
        elif block.top >= a - height / 2:
            top += 1
    return centred >= 2 and centred > top


def _row(pieces: list[Piece]) -> Row:
    """A row from its cells' lines, each cell's lines joined top first."""
    cells: dict[int, str] = {}
    for _, _, col, text in sorted(pieces):
        cells[col] = join_cell(cells.get(col, ""), text)
    top, bottom = min(p[0] for p in pieces), max(p[1] for p in pieces)
    return Row(top, bottom, bottom - top, {col: (text, 0.0, 0.0) for col, text in cells.items()})
