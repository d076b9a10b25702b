"""Tables: ruled grids and whitespace-aligned columns become clean tables with titles.

`pages.py` hands over what the PDF draws (a `Grid` per ruled table) and every printed line
with its cell boxes. From those, and nothing else, this module decides what is a table:

* a ruled grid is kept unless it is a box around prose (one column, or one filled cell) or
  only a frame around columns that are not ruled (the Kent revenue plan draws column-group
  boxes but no row or inner-column rules); such frames are read as whitespace tables;
* a whitespace table is a run of lines with three or more cells, at least one a number,
  whose columns are the horizontal intervals those cells cover;
* a cell whose text wraps over printed lines is one cell ("Jul-" + "2024" is "Jul-2024");
* a table at the bottom of a page continues on the next page when the next page starts with
  a table of the same columns; a repeated header row is dropped;
* the title is the heading printed above the table (the run of short lines it sits under).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

from extractors.pages import Grid, Line, Page
from extractors.vocab import BULLET_GLYPHS, FIGURE

# A whitespace table needs this many lines with three or more cells, at least one numeric.
MIN_STREAM_ROWS = 3
# Lines of one whitespace table sit at most this many line heights apart: the Kent revenue
# plan leaves one empty line between its blocks (SPENDING, SAVINGS ...).
STREAM_GAP_LINES = 2.6
# Header lines (years, "Core External Total", "£000s") above the first row of figures, and
# one-cell lines (a wrapped label, a note) that may sit between them and the figures.
MAX_HEADER_LINES = 4
MAX_HEADER_SKIP = 4
# Cell boxes closer than this belong to one column interval.
COLUMN_JOIN_PT = 2.0
# A ruled frame holding this many lines with more cells than it has columns is not the grid.
FRAME_LINES = 3
# A continued table's columns start within this distance of the first part's columns.
CONTINUATION_TOLERANCE_PT = 4.0
# Only this many lines may sit below a table (or above its continuation) for it to continue.
CONTINUATION_SLACK_LINES = 2
# The title is looked for among this many short lines above the table.
MAX_TITLE_LINES = 3
TITLE_MAX_CHARS = 120
TITLE_GAP_LINES = 2.2
# A line wider than this share of the page's text is prose (a wrapped paragraph), not a heading.
PROSE_WIDTH = 0.85

SENTENCE_END = re.compile(r"[.;,]$")
# A bulleted line, or one opened by a dash or an asterisk, is prose, not a table row.
LIST_LINE = re.compile(rf"^(?:[{BULLET_GLYPHS}\u2013*o-])\s")


@dataclass(frozen=True)
class Table:
    """A table: row 0 is the header; `pages` lists every page it covers."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]
    method: str
    title: str = ""
    cols: tuple[float, ...] = ()
    pages: tuple[int, ...] = ()
    # The page each row is printed on (a continued table spans pages).
    row_pages: tuple[int, ...] = ()
    # Where the last part ends on its page (the bottom of `bbox` on a single page).
    end: float | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def header(self) -> tuple[str, ...]:
        return self.rows[0] if self.rows else ()


def cell_text(raw: str | None) -> str:
    """One cell's printed lines as one string: "Jul-\\n2024" is "Jul-2024", "Injury -\\nCounty" keeps its space."""
    if not raw:
        return ""
    lines = [" ".join(part.split()) for part in raw.replace("\u00a0", " ").splitlines()]
    text = ""
    for line in filter(None, lines):
        if text.endswith("-") and len(text) > 1 and text[-2].isalnum():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def read_tables(pages: list[Page]) -> list[Table]:
    """Every table of a document in reading order, continued tables joined."""
    found: list[Table] = []
    for page in pages:
        # A frame (see `_is_frame`) is skipped here; its lines are read by `stream_tables`.
        ruled = [from_grid(grid, page.number) for grid in page.grids if not _is_frame(grid, page.lines)]
        tables = [t for t in ruled if t is not None]
        tables += stream_tables(page, tables)
        tables.sort(key=lambda t: (t.top, t.x0))
        found += [replace(t, title=title_above(page, t, tables)) for t in tables]
    return join_continued(found, pages)


def from_grid(grid: Grid, page: int) -> Table | None:
    """A ruled grid as a table, or None when it is a box around text rather than a table."""
    rows = [[cell_text(c) for c in row] for row in grid.rows]
    title = ""
    # A first row that is one cell merged across the grid is a caption, not a header.
    first = grid.rows[0]
    if len(first) >= 3 and first[0] and all(c is None for c in first[1:]) and len(rows) > 2:
        title, rows = rows[0][0], rows[1:]
    rows, keep = _drop_empty(rows)
    if not _is_table(rows):
        return None
    cols = tuple(x for j, x in enumerate(grid.cols) if j in keep)
    return Table(
        page=page,
        x0=grid.x0,
        top=grid.top,
        x1=grid.x1,
        bottom=grid.bottom,
        rows=_rect(rows),
        method=grid.method,
        title=title,
        cols=cols,
        pages=(page,),
        row_pages=(page,) * len(rows),
    )


def _drop_empty(rows: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for r in rows)]
    return [[r[j] if j < len(r) else "" for j in keep] for r in rows], keep


def _rect(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    width = max((len(r) for r in rows), default=0)
    return tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)


def _is_table(rows: list[list[str]]) -> bool:
    """Two rows, two columns and three filled cells at least: not a boxed paragraph or a lone label."""
    filled = sum(1 for r in rows for c in r if c)
    return len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 2 and filled >= 3


def _is_frame(grid: Grid, lines: tuple[Line, ...]) -> bool:
    """A ruled box whose lines hold more columns than the box draws: read it by whitespace."""
    width = max((len(r) for r in grid.rows), default=0)
    # One ruled cell holding a column of figures: the rows are not ruled.
    if any(c and _figure_lines(c) >= max(FRAME_LINES, 0.6 * len(c.splitlines())) for row in grid.rows for c in row):
        return True
    crowded = 0
    for ln in lines:
        if not grid.top <= (ln.top + ln.bottom) / 2 <= grid.bottom:
            continue
        boxes = [b for b in ln.boxes if grid.x0 <= (b[1] + b[2]) / 2 <= grid.x1]
        crowded += len(boxes) > width
    return crowded >= FRAME_LINES


def _figure_lines(cell: str) -> int:
    return sum(1 for line in cell.splitlines() if _numeric(line))


def _numeric(text: str) -> bool:
    return bool(FIGURE.match(text.replace(" ", "")))


def stream_tables(page: Page, ruled: list[Table]) -> list[Table]:
    """Whitespace tables: runs of lines with aligned cells outside the ruled tables."""
    lines = [ln for ln in page.lines if not any(_within(ln, t) for t in ruled)]
    tables = [_columns(block, page.number) for block in _blocks(lines)]
    return [t for t in tables if t is not None]


def _dense(line: Line) -> bool:
    boxes = line.boxes
    return len(boxes) >= 3 and any(_numeric(text) for text, _, _ in boxes)


def _gap(upper: Line, lower: Line) -> float:
    """The white space between two lines, in heights of the upper line."""
    return (lower.top - upper.bottom) / max(upper.bottom - upper.top, 1.0)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of dense lines (with the lines between them), and up to a few header lines above."""
    dense = [_dense(ln) for ln in lines]
    blocks: list[list[Line]] = []
    i = 0
    while i < len(lines):
        if not dense[i]:
            i += 1
            continue
        start, end, j = i, i, i + 1
        while j < len(lines) and _gap(lines[j - 1], lines[j]) <= STREAM_GAP_LINES:
            if dense[j]:
                end = j
            j += 1
        if sum(dense[start : end + 1]) >= MIN_STREAM_ROWS:
            blocks.append(lines[_header_start(lines, start) : end + 1])
        i = end + 1
    return blocks


def _header_start(lines: list[Line], start: int) -> int:
    """Where a table's header begins: the multi-cell lines above its first row of figures.

    Up to `MAX_HEADER_SKIP` one-cell lines (a wrapped label, a note) may sit between the header
    and the figures, as in the Kent revenue plan; they belong to the table only when a header
    line of three or more cells is found above them.
    """
    head, k, skipped = start, start - 1, 0
    reach = MAX_HEADER_LINES + MAX_HEADER_SKIP
    while k >= 0 and start - k <= reach and _gap(lines[k], lines[k + 1]) <= STREAM_GAP_LINES:
        cells = len(lines[k].boxes)
        if cells >= 3 or (cells == 2 and skipped == 0):
            head = k
        elif cells < 2:
            skipped += 1
            if skipped > MAX_HEADER_SKIP:
                break
        k -= 1
    return head


def _columns(block: list[Line], page: int) -> Table | None:
    """Columns are the x-intervals covered by the cells of the dense lines."""
    spans = sorted((x0, x1) for ln in block if _dense(ln) for _, x0, x1 in ln.boxes)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + COLUMN_JOIN_PT:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    rows = []
    for ln in block:
        row = [""] * len(cols)
        for text, x0, x1 in _pieces(ln, cols):
            overlap = [min(x1, c1) - max(x0, c0) for c0, c1 in cols]
            j = max(range(len(cols)), key=lambda k: (overlap[k], -abs(cols[k][0] - x0)))
            if overlap[j] <= 0:
                j = min(range(len(cols)), key=lambda k: min(abs(cols[k][0] - x1), abs(cols[k][1] - x0)))
            row[j] = f"{row[j]} {text}".strip()
        rows.append(row)
    rows, keep = _drop_empty(rows)
    if not _is_table(rows):
        return None
    return Table(
        page=page,
        x0=min(ln.x0 for ln in block),
        top=block[0].top,
        x1=max(ln.x1 for ln in block),
        bottom=block[-1].bottom,
        rows=_rect(rows),
        method="stream",
        cols=tuple(cols[j][0] for j in keep),
        pages=(page,),
        row_pages=(page,) * len(rows),
    )


def _pieces(line: Line, cols: list[list[float]]) -> list[tuple[str, float, float]]:
    """The line's cells, with a cell that straddles columns ("Core External") split into its words."""
    pieces = []
    for text, x0, x1 in line.boxes:
        straddled = sum(1 for c0, c1 in cols if min(x1, c1) - max(x0, c0) > 0)
        words = [w for w in line.words if w[1] >= x0 - 0.5 and w[2] <= x1 + 0.5]
        pieces += words if straddled > 1 and len(words) > 1 else [(text, x0, x1)]
    return pieces


def title_above(page: Page, table: Table, tables: list[Table]) -> str:
    """The heading the table sits under.

    Walk up the short lines right above the table (stopping at prose: a full-width line, a
    sentence end, a bullet). A bold or larger line, or a caption ending in ":", is the title;
    otherwise the top of the run is, as in "Crime & Communication Centre (999 Service)" above
    "WHAT? is the situation?" and a "Data Source: ..." line.
    """
    if table.title:
        return table.title
    above = [ln for ln in page.lines if ln.bottom <= table.top + 1 and not any(_within(ln, t) for t in tables)]
    if not above:
        return ""
    body = median(ln.size for ln in page.lines)
    text_width = max(ln.x1 for ln in page.lines) - min(ln.x0 for ln in page.lines)
    run: list[Line] = []
    edge = table.top
    for ln in reversed(above):
        text = ln.text.strip()
        if (edge - ln.bottom) / max(ln.bottom - ln.top, 1.0) > TITLE_GAP_LINES or len(run) == MAX_TITLE_LINES:
            break
        edge = ln.top
        if len(ln.boxes) >= 3:
            continue  # a row of figures printed beside the table ("TOTAL £m 334.7 290.0")
        if (
            len(text) > TITLE_MAX_CHARS
            or SENTENCE_END.search(text)
            or LIST_LINE.match(text)
            or text[:1].islower()
            or ln.x1 - ln.x0 > PROSE_WIDTH * text_width
        ):
            break
        run.append(ln)
    marked = [ln for ln in run if ln.bold or ln.size > body + 0.5 or ln.text.rstrip().endswith(":")]
    chosen = marked[0] if marked else (run[-1] if run else None)
    return chosen.text.strip() if chosen else ""


def _within(line: Line, table: Table) -> bool:
    mid = (line.top + line.bottom) / 2
    return table.top <= mid <= table.bottom and line.x0 < table.x1 and line.x1 > table.x0


def join_continued(tables: list[Table], pages: list[Page]) -> list[Table]:
    """A table ending a page and one starting the next page with the same columns are one table."""
    by_number = {p.number: p for p in pages}
    out: list[Table] = []
    for table in tables:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, table, by_number):
            skip = 0  # the header printed again on the new page, one or more rows
            while skip < min(len(prev.rows), len(table.rows) - 1) and table.rows[skip] == prev.rows[skip]:
                skip += 1
            out[-1] = replace(
                prev,
                rows=prev.rows + table.rows[skip:],
                pages=prev.pages + table.pages,
                row_pages=prev.row_pages + table.row_pages[skip:],
                end=table.bottom,
            )
        else:
            out.append(table)
    return out


def _continues(prev: Table, table: Table, pages: dict[int, Page]) -> bool:
    if table.page != prev.pages[-1] + 1 or table.n_cols != prev.n_cols or not prev.cols or not table.cols:
        return False
    if any(abs(a - b) > CONTINUATION_TOLERANCE_PT for a, b in zip(prev.cols, table.cols, strict=False)):
        return False
    end, start = pages.get(prev.pages[-1]), pages.get(table.page)
    if end is None or start is None:
        return False
    below = sum(1 for ln in end.lines if ln.top >= (prev.end or prev.bottom))
    above = sum(1 for ln in start.lines if ln.bottom <= table.top)
    return below <= CONTINUATION_SLACK_LINES and above <= CONTINUATION_SLACK_LINES
