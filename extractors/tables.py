"""Tables: ruled grids and whitespace-aligned columns become clean tables with titles.

`pages.py` hands over what the PDF draws (a `Grid` per ruled table) and every printed line
with its cell boxes. From those, and nothing else, this module decides what is a table:

* a ruled grid is kept unless it is a box around prose (one column, or one filled cell) or
  only a frame around columns that are not ruled (the Kent revenue plan draws column-group
  boxes but no row or inner-column rules); such frames are read as whitespace tables;
* whitespace tables are read by `stream_tables` (rows, columns and merged headers);
* a cell whose text wraps over printed lines is one cell ("Jul-" + "2024" is "Jul-2024"), and
  header rows under a merged cell become one header row;
* a header printed at the foot of a page heads the figures at the top of the next page;
* a table at the bottom of a page continues on the next page (`table_joins`);
* the title is the heading printed above the table (the run of short lines it sits under).
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from extractors.pages import Grid, Line, Page
from extractors.stream_tables import MAX_HEADER_LINES as MAX_FOOT_HEADER_LINES
from extractors.stream_tables import blocks, phrases, read_block
from extractors.table_joins import CONTINUATION_TOLERANCE_PT, foot_lines, join_continued
from extractors.table_model import SENTENCE_END, Table, cell_text, drop_empty, is_table, numeric, overlaps, rect
from extractors.vocab import BULLET_GLYPHS
from extractors.word_tables import word_tables

__all__ = ["Table", "cell_text", "join_continued", "read_tables", "stream_tables"]

# A ruled frame holding this many lines with more cells than it has columns is not the grid.
FRAME_LINES = 3
# Boxes drawn one under another at most this many of the upper box's rows apart may be one table.
STACK_GAP_ROWS = 1.5
# The title is looked for among this many short lines above the table.
MAX_TITLE_LINES = 3
TITLE_MAX_CHARS = 120
TITLE_GAP_LINES = 2.2
# A line wider than this share of the page's text is prose (a wrapped paragraph), not a heading.
PROSE_WIDTH = 0.85

# A bulleted line, or one opened by a dash or an asterisk, is prose, not a table row.
LIST_LINE = re.compile(rf"^(?:[{BULLET_GLYPHS}\u2013*o-])\s")


def read_tables(pages: list[Page]) -> list[Table]:
    """Every table of a document in reading order, continued tables joined."""
    found: list[Table] = []
    carried: tuple[int, list[Line]] = (0, [])
    for page in pages:
        # A frame (see `_is_frame`) is skipped here; its lines are read by `stream_tables`.
        grids = stacked([grid for grid in page.grids if not _is_frame(grid, page.lines)], page.lines)
        ruled = [from_grid(grid, page.number) for grid in grids]
        tables = [t for t in ruled if t is not None]
        tables += stream_tables(page, tables, carried if carried[0] == page.number - 1 else (0, []))
        tables.sort(key=lambda t: (t.top, t.x0))
        found += [replace(t, title=title_above(page, t, tables)) for t in tables]
        carried = (page.number, foot_header(page, tables))
    # A table that took its first row from the foot of the page before takes its title there.
    by_number = {p.number: p for p in pages}
    return [
        t if t.title else replace(t, title=title_above(by_number[t.page], t, [u for u in found if u.page == t.page]))
        for t in join_continued(found, pages)
    ]


def stacked(grids: list[Grid], lines: tuple[Line, ...]) -> list[Grid]:
    """The page's grids, each joined to the one right above it when it draws the same columns,
    nothing is printed between them and it opens with a section title or figures, not a header:
    one table in sections, each its own box (a capital programme's "Feasibility Studies",
    "Business Case Development" and "Schemes in Delivery" boxes under one header, WECA's
    investment fund report)."""
    out: list[Grid] = []
    for grid in sorted(map(_trimmed, grids), key=lambda g: (g.top, g.x0)):
        if out and _stacks(out[-1], grid, lines):
            out[-1] = replace(out[-1], bottom=grid.bottom, rows=out[-1].rows + grid.rows)
        else:
            out.append(grid)
    return out


def _trimmed(grid: Grid) -> Grid:
    """The grid without a last column that holds nothing: a right-hand rule drawn a few points
    off in one box makes a column every row merges into the one before."""
    width = len(grid.cols)
    if width < 3 or any(len(row) == width and row[-1] for row in grid.rows):
        return grid
    return replace(grid, rows=tuple(row[: width - 1] for row in grid.rows), cols=grid.cols[:-1])


def _stacks(upper: Grid, lower: Grid, lines: tuple[Line, ...]) -> bool:
    row = (upper.bottom - upper.top) / max(len(upper.rows), 1)
    same = len(upper.cols) == len(lower.cols) and all(
        abs(a - b) <= CONTINUATION_TOLERANCE_PT for a, b in zip(upper.cols, lower.cols, strict=True)
    )
    between = any(
        upper.bottom < (ln.top + ln.bottom) / 2 < lower.top and ln.x0 < upper.x1 and ln.x1 > upper.x0 for ln in lines
    )
    near = 0 <= lower.top - upper.bottom <= STACK_GAP_ROWS * row
    return same and near and not between and _section_or_body(lower.rows[0])


def _section_or_body(row: tuple[str | None, ...]) -> bool:
    """Whether a box's first row carries on a table: a section title merged across the box, or a
    row of figures ("Completed Projects | 27,221 | 28,816"); a row of words opens a table of its
    own ("Financed by" under a funding table)."""
    section = bool(row[0]) and all(c is None for c in row[1:])
    return section or any(c is not None and numeric(cell_text(c)) for c in row)


def from_grid(grid: Grid, page: int) -> Table | None:
    """A ruled grid as a table, or None when it is a box around text rather than a table."""
    cells, grid_cols = _without_phantoms(list(grid.rows), grid.cols)
    rows = [[cell_text(c) for c in row] for row in cells]
    title = ""
    # A first row that is one cell merged across columns, the rest blank, is a caption, not a
    # header: a bar over the grid ("Budget Amendment Form") or a spreadsheet's title cell ("Cash
    # Sheet - Payments 2024-5" over four of eighteen columns, Burton's cash sheet).
    first = cells[0]
    if len(first) >= 3 and first[0] and first[1] is None and not any(first[1:]) and len(rows) > 2:
        title, rows, cells = rows[0][0], rows[1:], cells[1:]
    heads = _grid_header_rows(cells)
    if heads > 1:
        rows = [_merged_grid_header(cells[:heads]), *rows[heads:]]
    rows, keep = drop_empty(rows)
    if not is_table(rows):
        return None
    cols = tuple(x for j, x in enumerate(grid_cols) if j in keep)
    return Table(
        page=page,
        x0=grid.x0,
        top=grid.top,
        x1=grid.x1,
        bottom=grid.bottom,
        rows=rect(rows),
        method=grid.method,
        title=title,
        cols=cols,
        pages=(page,),
        row_pages=(page,) * len(rows),
    )


def _grid_header_rows(rows: list[tuple[str | None, ...]]) -> int:
    """Row 0, and each row that splits a cell merged across columns in the row above ("Latest"
    and "Previous" under "RAG rating"), as long as it holds no figures.

    A row that leaves the merged cells whole is not a header line: a label/value form's rows
    ("Directorate: | Children, Young People & Education" under "Amendment Name: | ...") span
    the same columns as the row above or more.
    """
    n = 1
    while n < len(rows) - 1 and _splits(rows, n) and not any(c and numeric(cell_text(c)) for c in rows[n]):
        n += 1
    return n


def _splits(rows: list[tuple[str | None, ...]], i: int) -> bool:
    """Whether a cell of row i starts under a cell merged across columns in row i - 1."""
    merged = _across(rows, i - 1)
    return any(c is not None and j < len(merged) and merged[j] for j, c in enumerate(rows[i]))


def _without_phantoms(
    rows: list[tuple[str | None, ...]], cols: tuple[float, ...]
) -> tuple[list[tuple[str | None, ...]], tuple[float, ...]]:
    """The grid without columns that no cell fills alone, each folded into the column on its right.

    Word processors draw each row's rules on its own, so a rule a few points off its neighbours
    makes a column that every cell crosses: "Amendment Number:" starts 13pt left of "Proposed
    Funding Source:" (Kent's budget amendment forms), project boxes' "Funding awarded" values
    start right of the "Description" values (WECA's delivery assurance report).
    """
    while True:
        width = max((len(r) for r in rows), default=0)
        phantoms = [j for j in range(width - 1) if _sliver(rows[0], j) and all(_crossed(r, j) for r in rows[1:])]
        if not phantoms:
            return rows, cols
        # The narrowest first: two phantoms side by side (13pt and 62pt wide on Kent's forms) may
        # be one rule's slip and one real column that only merged cells cross.
        j = min(phantoms, key=lambda k: cols[k + 1] - cols[k] if k + 1 < len(cols) else 0.0)
        rows = [_folded(r, j) for r in rows]
        cols = cols[: j + 1] + cols[j + 2 :]


def _sliver(row: tuple[str | None, ...], j: int) -> bool:
    """Whether the header row leaves column j to its neighbour: crossed, or an empty sliver beside a
    heading drawn in a cell of its own (East Palo Alto's roll call centres "Attendee Name" in a
    cell starting 6pt right of the names' column)."""
    return _crossed(row, j) or (row[j] == "" and bool(row[j + 1]))


def _crossed(row: tuple[str | None, ...], j: int) -> bool:
    """Whether no cell of the row fills column j alone: it continues a cell or runs on into j + 1."""
    return j + 1 >= len(row) or row[j] is None or row[j + 1] is None


def _folded(row: tuple[str | None, ...], j: int) -> tuple[str | None, ...]:
    """The row with column j folded into column j + 1: a cell starting in j now starts there."""
    if j + 1 >= len(row):
        return row
    keep = row[j] if row[j + 1] is None else row[j + 1]
    return (*row[:j], keep, *row[j + 2 :])


def _across(rows: list[tuple[str | None, ...]], i: int) -> list[bool]:
    """Which cells of row i continue a cell merged from the left (not from the row above:
    pdfplumber marks both with None; a cell printed right above makes it a merge down)."""
    above = rows[i - 1] if i else ()
    return [c is None and j > 0 and (j >= len(above) or above[j] is None) for j, c in enumerate(rows[i])]


def _merged_grid_header(rows: list[tuple[str | None, ...]]) -> list[str]:
    """The header rows as one, upper first; a merged cell heads every column it spans."""
    spread = []
    for i, row in enumerate(rows):
        out: list[str] = []
        for c, across in zip(row, _across(rows, i), strict=True):
            out.append(out[-1] if across and out else cell_text(c))
        spread.append(out)
    width = max(len(r) for r in spread)
    return [" ".join(r[j] for r in spread if j < len(r) and r[j]) for j in range(width)]


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
    return sum(1 for line in cell.splitlines() if numeric(line))


def stream_tables(page: Page, ruled: list[Table], carried: tuple[int, list[Line]] = (0, [])) -> list[Table]:
    """Whitespace tables (`extractors.stream_tables`) among the lines outside the ruled tables.

    `carried` is a header printed at the foot of the page before (see `foot_header`): it is set
    right above this page's first line, and a table read with it starts on that page.
    """
    lines = [ln for ln in page.lines if not any(_within(ln, t) for t in ruled)]
    before, head = carried
    lifted = _lifted(head, lines[0]) if head and lines else []
    out = []
    for block in blocks(lifted + lines):
        for table in read_block(block, page.number):
            if lifted and table.top == lifted[0].top:
                table = replace(
                    table, page=before, pages=(before, page.number), row_pages=(before, *table.row_pages[1:])
                )
            out.append(table)
    # Tables of words alone (an action log), read from all the lines so that one ends where the
    # page's lines end it, and kept where no table of figures was read.
    words = word_tables(lines, page.number)
    return out + [w for w in words if not any(overlaps(w, t) for t in out)]


def foot_header(page: Page, tables: list[Table]) -> list[Line]:
    """Header lines printed at the foot of a page, below every table, whose body is on the next
    page: the last lines of two or more cells and no figures (a page number left aside)."""
    lines = foot_lines(page, tables)
    head: list[Line] = []
    for line in reversed(lines[-MAX_FOOT_HEADER_LINES:]):
        cells = phrases(line)
        if len(cells) < 2 or any(numeric(text) for text, _, _ in cells):
            break
        head.insert(0, line)
    return head


def _lifted(head: list[Line], first: Line) -> list[Line]:
    """Carried header lines moved to sit right above a page's first line, as printed."""
    shift = first.top - (head[-1].bottom + (head[-1].bottom - head[-1].top) * 0.3)
    return [replace(ln, top=ln.top + shift, bottom=ln.bottom + shift) for ln in head]


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
