"""Whitespace tables: figures aligned in columns with no rules drawn between them.

A table is found where three or more lines hold three or more phrases, one a figure (a
"dense" line), with a few header lines above. Then, from the lines of that block alone:

* columns are the x-intervals the phrases of the dense (body) lines cover; a header phrase
  printed over no body column opens a column of its own (a "Spent" column left blank);
* lines that overlap vertically are one row (cells centred vertically print half a line
  apart), and a line just below a row continues it when it adds cells the row lacks, or text
  that reads on ("... not" / "required - ...");
* the rows above the first figures are the header, merged into one row per column, upper
  lines first; a group header centred over several columns ("2024-25" over "Core External
  Total") is repeated over each of them.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from extractors.centred_rows import centred_rows
from extractors.pages import Line
from extractors.table_headers import HEADING_WORDS, centred, header_rows, merged_header, parts
from extractors.table_model import (
    SENTENCE_END,
    Phrase,
    Row,
    Table,
    covered,
    drop_empty,
    is_table,
    join_cell,
    numeric,
    rect,
)
from extractors.vocab import BULLET_GLYPHS

# A whitespace table needs this many dense lines.
MIN_STREAM_ROWS = 3
# Lines of one table sit at most this many line heights apart: the Kent revenue plan leaves
# one empty line between its blocks (SPENDING, SAVINGS ...).
STREAM_GAP_LINES = 2.6
# Header lines above the first figures, and one-cell lines (a wrapped label, a note) that may
# sit between them and the figures (Kent revenue plan).
MAX_HEADER_LINES = 4
MAX_HEADER_SKIP = 6
# A header may sit further above the body than that when the body's own lines are spaced out
# (a spreadsheet printed with tall rows): up to this many times their median spacing.
HEADER_GAP = 2.5
# Lines above those that may be group headers over some of the columns.
GROUP_HEADER_LINES = 3
# Words further apart than this (in font sizes) are two cells: word spaces are ~0.3 em, while
# a parish council's AGAR variance sheet sets "0.00%" and "NO" 17pt apart in 6pt type.
PHRASE_GAP_EM = 1.0
# Two figures side by side are two cells when more than a wide space apart (Kent revenue plan).
FIGURE_GAP_PT = 4.5
# Phrase extents closer than this belong to one column interval.
COLUMN_JOIN_PT = 2.0
# A line starting at most this many of its heights below a row may continue the row.
ROW_JOIN_LINES = 0.5
# A last row without figures starts at most this many line heights further down than the
# body's rows are apart.
LAST_ROW_SLACK = 0.25
# Text that reads on into the next line: a hyphen, a comma, an open bracket or a small word.
READS_ON = re.compile(r"(?:[-–,&/(]|\b(?:and|or|of|the|for|to|in|on|at|with|by|from|not|a|an))$", re.I)

# A cell of this many words ending at a comma or a full stop is a piece of a sentence.
SENTENCE_WORDS = 4
# An amount: money, a share, or a figure with a decimal point or thousands separator.
AMOUNT = re.compile(r"^[-+(]?(?:[£$€]\s?\d[\d,.]*|\d[\d,]*\.\d+%?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?%)\)?$")
# A line stating the unit of every figure below it ("All figures in £m" over a Kent monitoring
# table) is a caption, not a heading of the columns it happens to sit over.
UNIT_CAPTION = re.compile(r"^(?:all\s+)?(?:figures|amounts|values)\s+(?:are\s+)?(?:shown\s+)?in\s+\S+$", re.I)
# A note's or a paragraph's number: "2", "3.", "(4)".
NOTE_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")
# A currency sign set apart at the left of its cell belongs to the amount at the right.
CURRENCY_SIGNS = ("£", "$", "€")
# Text that carries on from the line above: a word in small letters or an aside in brackets (not
# letters of clipped text run together: "tM Rariksekt s", Kent's risk register).
CARRIES_ON = re.compile(r"^(?:[a-z]+\b|\()")


def phrases(line: Line) -> list[Phrase]:
    """The line's words grouped into cells at gaps wider than a word space (or beside a figure,
    wider than the line's own word spaces: justified prose stretches them all)."""
    words = line.words or line.boxes
    spaces = [b[1] - a[2] for a, b in pairwise(words)]
    figure_gap = max(FIGURE_GAP_PT, 1.5 * median(spaces)) if spaces else FIGURE_GAP_PT
    out: list[Phrase] = []
    for text, x0, x1 in words:
        if not out and text.strip(BULLET_GLYPHS) == "":
            continue  # a list marker ("•  Transforming Cities Funding   80.0"), not a cell
        if out:
            prev, gap = out[-1], x0 - out[-1][2]
            wide = gap > PHRASE_GAP_EM * line.size
            figures = gap > figure_gap and (numeric(prev[0].split()[-1]) or numeric(text))
            sign = prev[0] in CURRENCY_SIGNS and numeric(text)  # "$     25,742.00": accounting format
            if sign or (not (wide or figures) and (not line.words or _same_box(line, prev[1], x1))):
                out[-1] = (f"{prev[0]} {text}", prev[1], x1)
                continue
        out.append((text, x0, x1))
    return out


def _same_box(line: Line, x0: float, x1: float) -> bool:
    """Whether pages.py kept these words in one cell (it also splits at drawn rules)."""
    return any(b0 - 0.5 <= x0 and x1 <= b1 + 0.5 for _, b0, b1 in line.boxes)


def dense(line: Line) -> bool:
    """A line of a table body: three or more cells, one a figure, or a label and an amount
    ("Year 1   $32,300.00"; a bare number after words is more often a page or item number)."""
    cells = phrases(line)
    if any(_sentence(text) for text, _, _ in cells):
        return False  # justified prose that a date split ("from March 1,   2019 through ...")
    if len(cells) == 2:
        return not numeric(cells[0][0]) and bool(AMOUNT.match(cells[1][0]))
    return len(cells) >= 3 and any(numeric(text) for text, _, _ in cells)


def _sentence(text: str) -> bool:
    """Words of running prose: four or more, ending at a comma or a full stop."""
    return len(text.split()) >= SENTENCE_WORDS and bool(SENTENCE_END.search(text))


def _gap(upper: Line, lower: Line) -> float:
    """The white space between two lines, in heights of the upper line."""
    return (lower.top - upper.bottom) / max(upper.bottom - upper.top, 1.0)


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of dense lines (with the lines between them), and up to a few header lines above."""
    marks = [dense(ln) for ln in lines]
    out: list[list[Line]] = []
    i = 0
    while i < len(lines):
        if not marks[i]:
            i += 1
            continue
        start, end, j = i, i, i + 1
        while j < len(lines) and _gap(lines[j - 1], lines[j]) <= STREAM_GAP_LINES:
            if marks[j]:
                end = j
            j += 1
        if sum(marks[start : end + 1]) >= MIN_STREAM_ROWS:
            run = range(start, end)
            spacing = [_gap(lines[k], lines[k + 1]) for k in run if marks[k] and marks[k + 1]]
            reach = max(STREAM_GAP_LINES, HEADER_GAP * median(spacing)) if spacing else STREAM_GAP_LINES
            body = [p for ln in lines[start : end + 1] if dense(ln) for p in phrases(ln)]
            end = _last_rows(lines, end, max(spacing, default=0.0), body)
            head = _header_start(lines, start, reach, body)
            for _ in range(GROUP_HEADER_LINES):  # perhaps group headers ("INDICATIVE FOR PLANNING PURPOSES")
                if head and _gap(lines[head - 1], lines[head]) <= 1 and not _numbered(lines[head - 1], body):
                    head -= 1
            out.append(lines[head : end + 1])
        i = end + 1
    return out


def _last_rows(lines: list[Line], end: int, spacing: float, body: list[Phrase]) -> int:
    """Where a table ends: its last dense line, or the rows with no figures (a row number aside)
    right under it whose cells each sit in one of the body's columns, two columns or more to a row. A row whose cells
    wrap and are centred on their middle line is no dense line: Kent's recommendations end
    "Note the Reserves Monitoring, Treasury Management and Prudential" / "2.6 ... Please refer to
    Section 7, 8, and Appendix 3" / "Indicators Monitoring". A row starts no further below the
    one above than the body's rows are apart, and its lines overlap or touch."""
    cols = _intervals(body)
    while end + 1 < len(lines) and _gap(lines[end], lines[end + 1]) <= spacing + LAST_ROW_SLACK:
        k = end + 1
        while k + 1 < len(lines) and _gap(lines[k], lines[k + 1]) <= ROW_JOIN_LINES:
            k += 1
        cells = [(p[0], _home(p, cols)) for ln in lines[end + 1 : k + 1] for p in phrases(ln)]
        homes = {j for _, j in cells}
        if None in homes or len(homes) < 2 or any(numeric(text) and j for text, j in cells):
            break
        end = k
    return end


def _home(phrase: Phrase, cols: list[tuple[float, float]]) -> int | None:
    """The column a phrase sits in: it starts in the column and ends before the next one."""
    text, x0, x1 = phrase
    for j, (a, b) in enumerate(cols):
        upto = cols[j + 1][0] if j + 1 < len(cols) else float("inf")
        if a - COLUMN_JOIN_PT <= x0 <= b and x1 < upto and not _sentence(text):
            return j
    return None


def _header_start(lines: list[Line], start: int, reach: float, body: list[Phrase]) -> int:
    """Where a table's header begins: the multi-cell lines above its first dense line.

    Up to `MAX_HEADER_SKIP` one-cell lines (a wrapped label, a note) may sit between the header
    and the figures; they belong to the table only when a header line of three or more cells
    is found above them. A line of words printed only over the body's figures is a header line too,
    whatever its cells (a narrow column's heading broken over lines: "Revenu" / "e" / "Budget").
    Header lines sit at most `reach` line heights apart.
    """
    head, k, skipped = start, start - 1, 0
    while k >= 0 and start - k <= MAX_HEADER_LINES + MAX_HEADER_SKIP and _gap(lines[k], lines[k + 1]) <= reach:
        cells = phrases(lines[k])
        if (len(cells) > 1 and any(_sentence(text) for text, _, _ in cells)) or _numbered(lines[k], body):
            break  # prose split at a wide gap, or a numbered note's heading: not a header
        if len(cells) >= 3 or (len(cells) == 2 and skipped == 0) or _over_figures(cells, body):
            head = k
        elif len(cells) < 2:
            skipped += 1
            if skipped > MAX_HEADER_SKIP:
                break
        k -= 1
    return head


def _numbered(line: Line, body: list[Phrase]) -> bool:
    """Whether a line is a numbered note's heading: its number printed left of the whole body
    ("2   Unrealisable Assets at 31st March 2014" over a parish's asset list)."""
    cells = phrases(line)
    return len(cells) == 2 and bool(NOTE_NUMBER.match(cells[0][0])) and cells[0][2] < min(p[1] for p in body)


def _over_figures(cells: list[Phrase], body: list[Phrase]) -> bool:
    """Whether every cell is words printed over figures of the body and over none of its words
    (and none is a units caption)."""
    for text, x0, x1 in cells:
        under = [numeric(t) for t, a, b in body if min(x1, b) > max(x0, a)]
        if numeric(text) or UNIT_CAPTION.match(text) or not under or not all(under):
            return False
    return True


def read_block(block: list[Line], page: int) -> list[Table]:
    """The whitespace tables of a block of lines: one, or one per header when a second header
    row opens a table of its own under the first (an accounts sheet's EXPENDITURE under its
    INCOME); none when the block is not a table."""
    first = next(i for i, ln in enumerate(block) if dense(ln))
    body = _body_columns([phrases(ln) for ln in block if dense(ln)])
    cols = _intervals([("", a, b) for a, b in body] + _header_only(block[:first], body))
    figures = {_column(p, cols) for ln in block[first:] if dense(ln) for p in phrases(ln) if numeric(p[0])}
    while first and not _group_header(block[0], cols, figures):
        block, first = block[1:], first - 1
    if len(cols) < 2:
        return []
    rows = _rows(block, cols)
    heads = header_rows(rows)
    below = rows[heads - 1].bottom if heads else block[0].top
    centred = centred_rows([(ln.top, ln.bottom, _slot(ln, cols)) for ln in block if ln.top >= below])
    rows = rows[:heads] + centred if centred else rows
    x0, x1 = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    tables = [_table(part, cols, page, x0, x1, title) for part, title in parts(rows)]
    return [t for t in tables if t is not None]


def _table(
    rows: list[Row], cols: list[tuple[float, float]], page: int, x0: float, x1: float, title: str
) -> Table | None:
    """Rows as a table: the header rows merged into one, empty columns dropped."""
    if not rows:
        return None
    heads = header_rows(rows)
    header = merged_header([r.cells for r in rows[:heads]], cols) if heads else []
    cells = [[r.cells[j][0] if j in r.cells else "" for j in range(len(cols))] for r in rows[heads:]]
    grid, keep = drop_empty(([header] if header else []) + cells)
    if not is_table(grid):
        return None
    return Table(
        page=page,
        x0=x0,
        top=rows[0].top,
        x1=x1,
        bottom=rows[-1].bottom,
        rows=rect(grid),
        method="stream",
        title=title,
        cols=tuple(cols[j][0] for j in keep),
        col_ends=tuple(cols[j][1] for j in keep),
        pages=(page,),
        row_pages=(page,) * len(grid),
    )


def _body_columns(lines: list[list[Phrase]]) -> list[tuple[float, float]]:
    """The columns the body's cells cover. Rows of three or more cells set them; a label and
    an amount ("Sundry debtors: VAT   956.54") add to them only where they bridge no two."""
    rows = [cells for cells in lines if len(cells) >= 3]
    cols = _intervals([p for cells in rows for p in cells])
    pairs = [p for cells in lines if len(cells) < 3 for p in cells]
    return _intervals([("", a, b) for a, b in cols] + [p for p in pairs if len(covered(p[1], p[2], cols)) < 2])


def _group_header(line: Line, cols: list[tuple[float, float]], figures: set[int]) -> bool:
    """Whether a line above a table heads some of its columns: cells over the columns, or one
    short cell flush with a column of figures, or centred over a run of columns right of the
    first within their extent (a title names the table in more words, or sits over the labels)."""
    cells = phrases(line)
    if len(cells) > 1:
        return any(min(x1, b) > max(x0, a) for _, x0, x1 in cells for a, b in cols)
    text, x0, x1 = cells[0]
    if len(text.split()) > HEADING_WORDS or UNIT_CAPTION.match(text):
        return False
    if any(j in figures and abs(x0 - a) <= COLUMN_JOIN_PT for j, (a, _) in enumerate(cols)):
        return True  # a heading set flush with the figures it heads
    over = covered(x0, x1, cols)
    if len(over) == 1 and over[0] in figures and over[0] > 0 and centred((x0 + x1) / 2, over[0], over[0], cols):
        return True  # a unit or a heading centred over one column of figures ("£m", "Amount to be paid")
    return any(
        cols[a][0] - COLUMN_JOIN_PT <= x0 and x1 <= cols[b][1] + COLUMN_JOIN_PT and centred((x0 + x1) / 2, a, b, cols)
        for a in range(1, len(cols))
        for b in range(a + 1, len(cols))
    )


def _intervals(spans: list[Phrase]) -> list[tuple[float, float]]:
    """The x-intervals a set of phrases covers, touching ones joined."""
    cols: list[list[float]] = []
    for _, x0, x1 in sorted(spans, key=lambda p: p[1]):
        if cols and x0 <= cols[-1][1] + COLUMN_JOIN_PT:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _header_only(head: list[Line], cols: list[tuple[float, float]]) -> list[Phrase]:
    """Header phrases printed over no body column: a column left blank below its heading."""
    return [p for ln in head for p in phrases(ln) if not any(min(p[2], b) > max(p[1], a) for a, b in cols)]


def _slot(line: Line, cols: list[tuple[float, float]]) -> dict[int, Phrase]:
    """The line's cells by column; a phrase over several columns is split into its words when
    each word sits in a column of its own ("Core External" over two), else kept whole in the
    column it covers most (a group header: see `merged_header`)."""
    out: dict[int, Phrase] = {}
    for text, x0, x1 in phrases(line):
        pieces = [(text, x0, x1)]
        words = [w for w in (line.words or ()) if w[1] >= x0 - 0.5 and w[2] <= x1 + 0.5]
        if len(covered(x0, x1, cols)) > 1 and len(words) > 1:
            homes = [covered(a, b, cols) for _, a, b in words]
            if all(len(h) == 1 for h in homes):
                pieces = list(words)
        for piece in pieces:
            j = _column(piece, cols)
            old = out.get(j)
            out[j] = (f"{old[0]} {piece[0]}", old[1], piece[2]) if old else piece
    return out


def _column(piece: Phrase, cols: list[tuple[float, float]]) -> int:
    _, x0, x1 = piece
    overlap = [min(x1, b) - max(x0, a) for a, b in cols]
    j = max(range(len(cols)), key=lambda k: (overlap[k], -abs(cols[k][0] - x0)))
    if overlap[j] <= 0:  # in a gutter: the nearest column
        j = min(range(len(cols)), key=lambda k: min(abs(cols[k][0] - x1), abs(cols[k][1] - x0)))
    return j


def _rows(block: list[Line], cols: list[tuple[float, float]]) -> list[Row]:
    """The block's lines grouped into rows (see the module docstring)."""
    rows: list[Row] = []
    for k, line in enumerate(block):
        cells = _slot(line, cols)
        row = rows[-1] if rows else None
        below = block[k + 1].top - line.bottom if k + 1 < len(block) else 0.0
        if row is not None and _continues(row, line, cells, below):
            for j, (text, x0, x1) in cells.items():
                old = row.cells.get(j)
                row.cells[j] = (join_cell(old[0], text), min(old[1], x0), max(old[2], x1)) if old else (text, x0, x1)
            row.bottom = max(row.bottom, line.bottom)
        else:
            rows.append(Row(line.top, line.bottom, line.bottom - line.top, cells))
    return rows


def _continues(row: Row, line: Line, cells: dict[int, Phrase], below: float) -> bool:
    """Whether a line belongs to the row above it: printed across it, or just under it adding
    cells the row lacks, where any text it shares a column with reads on; a line of words in
    the one column the row fills (a heading wrapped over two lines), or closer to the row than
    to the line below it (below: the space under it) also continues it."""
    if line.top < row.bottom - 0.25 * row.height:
        return True
    if (line.top - row.bottom) > ROW_JOIN_LINES * row.height:
        return False
    figures = {j for j, (text, _, _) in cells.items() if numeric(text)}
    shared = cells.keys() & row.cells.keys()
    if not shared:
        return bool(figures) != bool(row.figures())  # a row's labels, then its figures just below
    if shared & (figures | row.figures()):
        return False  # two figures in one column are two rows
    if all(_reads_on(row.cells[j][0]) or CARRIES_ON.match(cells[j][0]) for j in shared):
        return True
    words_only = not figures and len(cells) == 1 and not any(text.endswith(":") for text, _, _ in row.cells.values())
    return words_only and (len(row.cells) == 1 or below > 2 * (line.top - row.bottom) + 0.5 * row.height)


def _reads_on(text: str) -> bool:
    """Whether text is cut short: it ends on a small word or a hyphen, or leaves a bracket open."""
    return bool(READS_ON.search(text)) or text.count("(") > text.count(")")
