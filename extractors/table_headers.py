"""Table headers: which rows at the top of a whitespace table are its header, and the one
header row they make, each column's lines joined upper first, a group header spread over the
columns it is centred on; and where a header or a heading under the figures opens a table of
its own."""

from __future__ import annotations

from functools import reduce

from extractors.table_model import Phrase, Row, join_cell

# A group header is centred over its columns: its middle lies within this share of one column's
# width from theirs (right-aligned figures make the columns' extents a little lopsided).
CENTRED = 0.4
# Headings are a few words ("INDICATIVE FOR PLANNING PURPOSES", "MTFP Category"); a title or a
# footnote says more.
HEADING_WORDS = 4


def header_rows(rows: list[Row]) -> int:
    """How many rows at the top are the header: those before the first figures, except rows
    that fill only columns of words (a section heading such as "REVENUE" opening the body)
    unless the header has nothing in those columns yet and the row closes the header block, set
    off from the body by more space than from the header ("MTFP Category" under the units line,
    heading the labels)."""
    first = next((i for i, r in enumerate(rows) if r.figures()), 0)
    figure_cols = {j for r in rows[first:] for j in r.figures()}
    heads = next((i + 1 for i in reversed(range(first)) if rows[i].cells.keys() & figure_cols), 0)
    headed = {j for r in rows[:heads] for j in r.cells}
    heading = " ".join(text for text, _, _ in rows[heads].cells.values()) if heads < first else ""
    if heads and heading and len(heading.split()) <= HEADING_WORDS and not rows[heads].cells.keys() & headed:
        above, below = rows[heads].top - rows[heads - 1].bottom, rows[heads + 1].top - rows[heads].bottom
        heads += below > above + rows[heads].height / 2
    return heads


def merged_header(rows: list[dict[int, Phrase]], cols: list[tuple[float, float]]) -> list[str]:
    """One header cell per column: its header lines joined, upper first.

    A cell of an upper line centred over several columns that have headings of their own
    below it ("2024-25" over "Core External Total") heads each of them (see `span`).
    """
    grid: list[list[str]] = [[""] * len(cols) for _ in rows]
    for i, cells in enumerate(rows):
        free = {j for lower in rows[i + 1 :] for j in lower} - cells.keys()
        for j, (text, x0, x1) in sorted(cells.items()):
            lo, hi = span(j, (x0 + x1) / 2, free, cols)
            free -= set(range(lo, hi + 1))
            for k in range(lo, hi + 1):
                grid[i][k] = text
    return [reduce(join_cell, (r[j] for r in grid), "") for j in range(len(cols))]


def span(j: int, mid: float, free: set[int], cols: list[tuple[float, float]]) -> tuple[int, int]:
    """The widest run of columns around column j, all free (headed below, not in this line),
    whose middle is the cell's middle (within `CENTRED` of a column)."""
    best = (j, j)
    lo = j
    while lo - 1 in free:
        lo -= 1
    top = j
    while top + 1 in free:
        top += 1
    for a in range(lo, j + 1):
        for b in range(j, top + 1):
            if b - a > best[1] - best[0] and centred(mid, a, b, cols):
                best = (a, b)
    return best


def centred(mid: float, a: int, b: int, cols: list[tuple[float, float]]) -> bool:
    """Whether a cell's middle is the middle of columns a..b, within `CENTRED` of a column."""
    pitch = (cols[b][1] - cols[a][0]) / (b - a + 1)
    return abs((cols[a][0] + cols[b][1]) / 2 - mid) <= CENTRED * pitch


def parts(rows: list[Row]) -> list[tuple[list[Row], str]]:
    """The rows split before each header row under the body (no figures, cells in two or more
    columns of figures, figures right under it), with the heading alone above it as its title,
    and at each heading under which the figures are set out anew (see `_new_layout`): each part
    with its title."""
    figure_cols = {j for r in rows for j in r.figures()}
    starts, titles = [0], [""]
    seen_figures = False
    for i, row in enumerate(rows[:-1]):
        if seen_figures and i > starts[-1]:
            if not row.figures() and len(row.cells.keys() & figure_cols) >= 2 and rows[i + 1].figures():
                heading = rows[i - 1] if _heading(rows[i - 1]) else None
                starts.append(i - (heading is not None))
                titles.append(_text(heading) if heading else "")
            elif _heading(row) and _new_layout(rows[starts[-1] : i], _section(rows, i + 1)):
                starts.append(i)
                titles.append(_text(row))
        seen_figures = seen_figures or bool(row.figures())
    bounds = [*starts, len(rows)]
    return [(rows[a + bool(title) : b], title) for a, b, title in zip(bounds, bounds[1:], titles, strict=False)]


def _section(rows: list[Row], start: int) -> list[Row]:
    """The rows from `start` to the next heading."""
    end = next((k for k in range(start, len(rows)) if _heading(rows[k])), len(rows))
    return rows[start:end]


def _heading(row: Row) -> bool:
    return len(row.cells) == 1 and not row.figures()


def _text(row: Row) -> str:
    return " ".join(text for text, _, _ in row.cells.values())


def _new_layout(before: list[Row], after: list[Row]) -> bool:
    """Whether the figures under a heading open a table of their own: none of them sits in a
    column of figures above it ("Deposits made:" under a payments list, the amounts in its payee
    column), or words fill a column left empty above (a balance sheet's "Debtors" column under a
    bank reconciliation). A section of the same table may fill a few more columns of figures."""
    if not after or not after[0].figures():
        return False
    used = {j for r in before for j in r.cells}
    figures = {j for r in before for j in r.figures()}
    words = {j for r in after for j in r.cells.keys() - r.figures()}
    return not figures & {j for r in after for j in r.figures()} or bool(words - used)
