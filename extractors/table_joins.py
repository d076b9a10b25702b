"""Tables across page breaks: a table ending a page goes on at the top of the next.

* a table starting the next page's body with the same columns, and no heading of its own,
  continues the table ending the page before; a repeated header row is dropped;
* a table opening like the one before but with another record ("Project | ..." boxes) does not;
* a ruled table's row broken by the page (the next page's first row has a blank first cell and
  carries on the cells above) is one row;
* a ruled table's last row pushed alone to the top of the next page (one cell, which no reader
  takes for a table) is the table's last row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from statistics import median

from extractors.pages import PAGE_STAMP, Line, Page
from extractors.stream_tables import CARRIES_ON
from extractors.table_model import RULED_METHODS, Table, holds, join_cell

# A continued table's columns start or end within this distance of the first part's columns.
CONTINUATION_TOLERANCE_PT = 4.0
# Only this many lines may sit below a table (or above its continuation) for it to continue.
CONTINUATION_SLACK_LINES = 2
# A lone row carried to the next page is this many printed lines at most (one wrapped cell).
MAX_ROW_LINES = 6
# Its lines start within this distance of where the table's cells start.
ROW_ALIGN_PT = 1.5
# Type sizes further apart than this are two styles (body text and a table's cells).
SIZE_TOLERANCE_PT = 0.5
# The prose margin is the leftmost line start shared by this share of a document's lines: a few
# lines start further left of it (5 of 243 in Bristol's WPL report).
MARGIN_SHARE = 0.05
# A caption saying the table goes on from the page before.
CONTINUED = re.compile(r"\b(?:continued|cont(?:'d|\.|d))(?!\w)", re.IGNORECASE)


def join_continued(tables: list[Table], pages: list[Page]) -> list[Table]:
    """A table ending a page and one starting the next page with the same columns are one table;
    a lone row at the top of the next page that fits its columns is its last row."""
    by_number = {p.number: p for p in pages}
    margin = _left_margin(pages)
    out: list[Table] = []
    for table in tables:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, table, by_number):
            skip = 0  # the header printed again on the new page, one or more rows
            while skip < min(len(prev.rows), len(table.rows) - 1) and table.rows[skip] == prev.rows[skip]:
                skip += 1
            rows, row_pages = table.rows[skip:], table.row_pages[skip:]
            head = prev.rows[:-1]
            if prev.method in RULED_METHODS and len(prev.rows) > 1 and rows and _split_row(prev.rows[-1], rows[0]):
                head += (tuple(join_cell(a, b) for a, b in zip(prev.rows[-1], rows[0], strict=True)),)
                rows, row_pages = rows[1:], row_pages[1:]
            else:
                head += prev.rows[-1:]
            out[-1] = replace(
                prev,
                rows=head + rows,
                pages=prev.pages + table.pages,
                row_pages=prev.row_pages + row_pages,
                end=table.bottom,
            )
            continue
        # Only a table that does not go on over the page may end with a lone row there: lines
        # over a continuation repeat on each page (a "TOTAL £m" box over Kent's risk register).
        if prev is not None and table.page > prev.pages[-1]:
            out[-1] = _with_lone_row(prev, by_number, tables, margin)
        out.append(_with_head_row(table, by_number, tables))
    if out:
        out[-1] = _with_lone_row(out[-1], by_number, tables, margin)
    return out


def _split_row(last: tuple[str, ...], first: tuple[str, ...]) -> bool:
    """Whether a continued table's first row is the rest of the row the page broke: its first
    cell is blank, each of its cells goes on from a cell above, and one carries on that cell's
    sentence, in lower case ("It was suggested that the pond may be a" / "suitable location as
    ...", Souldern's action list). The others may open a sentence or the next line of a list:
    Sutton's grants table breaks "... which will take place" / "every Saturday morning ..." with
    "Four Oaks - £167 New Hall-£167" / "Trinity - £166 Vesey - £500" beside it."""
    filled = [j for j, cell in enumerate(first) if cell]
    return (
        len(first) == len(last)
        and not first[0]
        and bool(filled)
        and all(last[j] for j in filled)
        and any(CARRIES_ON.match(first[j]) and not last[j].endswith((".", "!", "?")) for j in filled)
    )


def _with_lone_row(prev: Table, pages: dict[int, Page], tables: list[Table], margin: float) -> Table:
    """`prev` with the row printed alone at the top of the next page, when it is its last row.

    A ruled box's last cell pushed over the page break is one cell, which no reader takes for a
    table ("Stated reason for change: ..." under WECA's project boxes): it is the table's when
    the table ends its page and the cell's few lines start the next one, fitting its columns
    (`_fitted_row`). A paragraph after Kent's KPI tables starts at their cells' text too, but at
    the prose margin.
    """
    end, start = pages.get(prev.pages[-1]), pages.get(prev.pages[-1] + 1)
    if end is None or start is None or not prev.cols or _lines_below(prev, end) > CONTINUATION_SLACK_LINES:
        return prev
    stop = min((t.top for t in tables if t.page == start.number), default=start.height)
    lead = _first_block([ln for ln in start.lines if ln.bottom <= stop])
    inside = [ln for ln in end.lines if holds(prev, ln, end.number)]
    if not lead or len(lead) > MAX_ROW_LINES or not inside:
        return prev
    ruled = prev.method in RULED_METHODS
    if any(
        len(ln.boxes) < 2 and not (ruled and ln.x0 > margin + ROW_ALIGN_PT and _column(prev, ln.x0) == 0) for ln in lead
    ):
        return prev
    row = _fitted_row(prev, lead, inside)
    if row is None:
        return prev
    return replace(
        prev,
        rows=(*prev.rows, tuple(row)),
        pages=(*prev.pages, start.number),
        row_pages=(*prev.row_pages, start.number),
        end=lead[-1].bottom,
    )


def foot_lines(page: Page, tables: list[Table]) -> list[Line]:
    """The page's lines below every table printed on it, without a page number printed above
    the bottom margin ("Page 3 of 54")."""
    lines = [ln for ln in page.lines if all(ln.top >= (t.end or t.bottom) for t in tables if page.number in t.pages)]
    while lines and PAGE_STAMP.match(lines[-1].text.strip()):
        lines.pop()
    return lines


def _left_margin(pages: list[Page]) -> float:
    """The left margin of the document's prose: the leftmost start shared by a fair share of its lines
    (not the commonest: WECA's appendix of project boxes starts most lines at the cells' text)."""
    starts = Counter(round(ln.x0) for p in pages for ln in p.lines)
    total = sum(starts.values())
    return float(min((x for x, n in starts.items() if n >= MARGIN_SHARE * total), default=0))


def _with_head_row(table: Table, pages: dict[int, Page], tables: list[Table]) -> Table:
    """`table` with the row printed alone at the foot of the page before, when it is its first row.

    A table's first row may be left at the foot of a page, under the heading or the sentence
    that brings the table in, and the rest printed on the next page: Kent's recommendations
    ("2.1 | Note the forecast revenue overspend of £23.3m ... | Please refer to Section 3"),
    Sutton's event costs ("Insurance, Technical & Production Costs (including 5% contingency)
    £95,200"). The foot's last lines are the row when they fit the table's columns
    (`_fitted_row`), one of them has two cells or more, and a line of one cell is in the first
    column: a paragraph's lines run across the columns.
    """
    start, end = pages.get(table.page), pages.get(table.page - 1)
    if start is None or end is None or not table.cols or not _untitled(table):
        return table
    if sum(1 for ln in start.lines if ln.bottom <= table.top) > CONTINUATION_SLACK_LINES:
        return table
    foot = _last_block(foot_lines(end, [t for t in tables if end.number in t.pages]))
    inside = [ln for ln in start.lines if holds(table, ln, start.number)]
    if not foot or len(foot) > MAX_ROW_LINES or not inside or all(len(ln.boxes) < 2 for ln in foot):
        return table
    if any(len(ln.boxes) < 2 and _column(table, ln.x0) > 0 for ln in foot):
        return table
    row = _fitted_row(table, foot, inside)
    if row is None:
        return table
    return replace(
        table,
        page=end.number,
        top=foot[0].top,
        title="",  # the table's title is now over its row on the page before
        rows=(tuple(row), *table.rows),
        pages=(end.number, *table.pages),
        row_pages=(end.number, *table.row_pages),
    )


def _fitted_row(prev: Table, lead: list[Line], inside: list[Line]) -> list[str] | None:
    """The lead lines as a row of `prev`, or None when they do not fit its columns: each cell must
    start where the cells of its column start, in the table's type size and within its width."""
    starts: dict[int, set[float]] = {}
    for ln in inside:
        for _, x0, _ in ln.boxes:
            starts.setdefault(_column(prev, x0), set()).add(x0)
    size = median(ln.size for ln in inside)
    row = [""] * prev.n_cols
    for ln in lead:
        if abs(ln.size - size) > SIZE_TOLERANCE_PT or ln.x1 > prev.x1 + ROW_ALIGN_PT:
            return None
        for text, x0, _ in ln.boxes:
            j = _column(prev, x0)
            if not any(abs(x0 - s) <= ROW_ALIGN_PT for s in starts.get(j, ())):
                return None
            row[j] = join_cell(row[j], " ".join(text.split()))
    return row


def _column(table: Table, x0: float) -> int:
    """The column a cell starting at x0 starts in."""
    return max((k for k, c in enumerate(table.cols) if c <= x0 + ROW_ALIGN_PT), default=0)


def _first_block(lines: list[Line]) -> list[Line]:
    """The page's first lines up to the first gap wider than a line."""
    block: list[Line] = []
    for ln in lines:
        if block and ln.top - block[-1].bottom > ln.bottom - ln.top:
            break
        block.append(ln)
    return block


def _last_block(lines: list[Line]) -> list[Line]:
    """The last lines up to a gap wider than a line or a change of type size (a heading)."""
    block: list[Line] = []
    for ln in reversed(lines):
        if block and (
            block[0].top - ln.bottom > ln.bottom - ln.top or abs(ln.size - block[0].size) > SIZE_TOLERANCE_PT
        ):
            break
        block.insert(0, ln)
    return block


def _lines_below(table: Table, page: Page) -> int:
    return sum(1 for ln in page.lines if ln.top >= (table.end or table.bottom))


def _continues(prev: Table, table: Table, pages: dict[int, Page]) -> bool:
    if table.page != prev.pages[-1] + 1 or table.n_cols != prev.n_cols or not prev.cols or not table.cols:
        return False
    if _next_record(prev, table):
        return False
    starts = zip(prev.cols, table.cols, strict=False)
    ends = zip(prev.col_ends or prev.cols, table.col_ends or table.cols, strict=False)
    drift = [min(abs(a - b), abs(c - d)) for (a, b), (c, d) in zip(starts, ends, strict=False)]
    if any(gap > CONTINUATION_TOLERANCE_PT for gap in drift):
        return False
    end, start = pages.get(prev.pages[-1]), pages.get(table.page)
    if end is None or start is None:
        return False
    below = _lines_below(prev, end)
    above = sum(1 for ln in start.lines if ln.bottom <= table.top)
    return below <= CONTINUATION_SLACK_LINES and above <= CONTINUATION_SLACK_LINES and _untitled(table)


def _next_record(prev: Table, table: Table) -> bool:
    """Whether the table opens like `prev` but is another record: a series of label/value boxes
    ("Project | Yate Park & Ride", then "Project | Common Connections", WECA's project boxes).

    A continued table either repeats its whole header or goes on with body rows, whose first
    cell is not the header's.
    """
    first, head = table.rows[0], prev.rows[0]
    return bool(first[0].strip()) and first[0] == head[0] and first != head


def _untitled(table: Table) -> bool:
    """Whether the table has no heading of its own, or one saying it continues ("Table 3 (continued)").

    A table under its own heading starts anew even over the same columns: a slide deck prints its
    plan one slide at a time, each under the slide's title, header repeated (Kent's ICS priorities).
    """
    return not table.title or bool(CONTINUED.search(table.title))
