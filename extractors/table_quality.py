"""Is it a table? A score in 0..1 from what a `Table` holds, whichever reader (or engine) made it.

Signs, each in 0..1, each from a way real tables differ from things drawn like them:

* **columns**: the body rows fill the same columns, two or more; a boxed paragraph or a
  heading-and-text tile fills one cell per row. No columns, no table: this sign multiplies;
* **rules**: a grid read from drawn rules is more likely a table than columns guessed from
  whitespace (a boxed paragraph is ruled too, which is why this weighs least);
* **figures**: a column that is mostly figures is all figures; an infographic tile mixes a
  number with its caption in one column;
* **text**: cells are short; long prose cells, field labels, lone bullets are not cells;
* **size**: a mostly empty grid (a form), or one of a handful of cells (a box of two labelled
  names, a dashboard tile) is too little to be sure of.

A table with fewer than two rows or two filled columns scores 0.
"""

from __future__ import annotations

import re
from statistics import mean

from extractors.table_model import RULED_METHODS
from extractors.tables import Table
from extractors.vocab import BULLET_GLYPHS, FIGURE

# At or above this a table is kept as a table. Measured on the 26 tables-* label folders with both
# engines: of 177 tables read whose cells are mostly labelled, 3 score under it (an empty
# indicators template, Camelot's reading of Bedford's spreadsheet grid); all 7 readings of the
# labels' "not_tables" score under it: boxed paragraphs, forms of field labels, a box of two
# officers' names, KPI dashboard tiles (tests/test_table_quality.py).
TABLE_THRESHOLD = 0.55

# Whitespace columns are a weaker sign, but no sign against: most unruled council tables are real.
UNRULED_RULES = 0.5
# A cell of more words than this is a sentence of prose: minutes' action tables hold cells of
# 20-40 words beside short owner and date cells, a boxed paragraph only cells like that.
PROSE_WORDS = 25
# A column is a figures column when this share of its filled body cells are figures.
FIGURE_COLUMN = 0.6
# A cell holding this many figures is a column of figures read as one cell: Camelot's lattice
# takes the Kent revenue plan's column-group frames for cells ("£000s £000s £000s 1,315,610.6 ...");
# a real cell holds one figure, or two ("170 (30%)").
STACKED_FIGURES = 3
# A field label and its value in one cell ("Latest: 97%", "Direct Dial/Ext: ..."): a form, a
# letterhead block or a dashboard tile, where a table would give the label its own column.
FIELD = re.compile(r"^[A-Za-z][A-Za-z /&'-]{0,30}:\s*\S")
# Cells that say "nothing here" in a column of figures, neither figure nor text.
NOT_APPLICABLE = frozenset({"-", "–", "—", "n/a", "N/A", "nil", "Nil"})
# A grid whose body cells are filled less than this share is mostly empty: a form to fill in
# (Bedford's CIPFA contact sheet fills 17% of its ruled grid), text boxed in a spreadsheet's cells.
MIN_FILL = 0.3
# Fewer filled cells than two rows of four cannot tell a table from a box of labelled values:
# Kent's quarterly report boxes "Cabinet Member | Corporate Director" (4 cells) and its KPI tiles
# ("Latest: 71%", "Target: ...", 4-5 cells) over a chart; its "KPI Summary" table fills 8.
MIN_CELLS = 8
# A column heading is a few words; more is a caption or a sentence laid across the top.
HEADER_WORDS = 6
WEIGHTS = {"rules": 0.2, "figures": 0.35, "text": 0.45}


def quality(table: Table) -> float:
    """How much `table` looks like a table, 0..1 (see TABLE_THRESHOLD)."""
    rows = [[cell.strip() for cell in row] for row in table.rows]
    filled_cols = {j for row in rows for j, cell in enumerate(row) if cell}
    if len(rows) < 2 or len(filled_cols) < 2:
        return 0.0
    body = rows[1:]
    signs = {
        "rules": 1.0 if table.method in RULED_METHODS else UNRULED_RULES,
        "figures": figure_purity(body),
        "text": text_shortness(body),
    }
    named = _named_columns_used(rows) if table.method in RULED_METHODS else 0.0
    columns = max(column_consistency(body), named)
    score = sum(WEIGHTS[k] * v for k, v in signs.items()) * columns**0.5
    return round(score * _size(rows, table.n_cols), 3)


def column_consistency(body: list[list[str]]) -> float:
    """The lesser of: the share of body rows filling two cells or more, and how far rows fill the usual columns.

    The lesser, because a boxed text of one cell per row fails the first and a form of scattered
    labels and answers the second.
    """
    filled = [frozenset(j for j, cell in enumerate(row) if cell) for row in body]
    filled = [f for f in filled if f]
    if not filled:
        return 0.0
    multi = sum(1 for f in filled if len(f) >= 2) / len(filled)
    # The columns filled by more than half the rows: a row sharing most of them follows the table.
    usual = {j for f in filled for j in f if sum(1 for g in filled if j in g) * 2 > len(filled)}
    same = mean(len(f & usual) / len(usual) if usual else 0.0 for f in filled)
    return min(multi, same)


def _named_columns_used(rows: list[list[str]]) -> float:
    """When a header names every column, the share of its columns that the body fills somewhere.

    In a ruled grid a named column left blank is a blank to fill, not a sign against the table:
    Kent's ICS logframe slides head "Objectively Verifiable Indicators | Timescale | Progress" over
    indicators whose timescale is mostly unset and progress empty. A form's labels ("Name :") name
    no column; and a whitespace reader's blanks are lines that fit no column (a bulleted list read
    under Hyndland's action table by Camelot's hybrid flavor), so only ruled grids count.
    """
    header, body = rows[0], rows[1:]
    if len(header) < 2 or not all(header) or any(_not_a_cell(c) or len(c.split()) > HEADER_WORDS for c in header):
        return 0.0
    return sum(1 for j in range(len(header)) if any(j < len(r) and r[j] for r in body)) / len(header)


def figure_purity(body: list[list[str]]) -> float:
    """How pure the figures columns are; 1 for a table with no figures column (a text table is no less a table)."""
    width = max((len(r) for r in body), default=0)
    purities = []
    for j in range(width):
        cells = [row[j] for row in body if j < len(row) and row[j] and row[j] not in NOT_APPLICABLE]
        figures = sum(1 for c in cells if _figure(c))
        if cells and figures / len(cells) >= FIGURE_COLUMN:
            purities.append(figures / len(cells))
    return mean(purities) if purities else 1.0


def text_shortness(body: list[list[str]]) -> float:
    """Share of filled body cells that read as cells: not prose, not a form's field ("Name :",
    "Latest: 97%"), not a bullet glyph alone (a bulleted list), not a stack of figures (a column
    read as one cell)."""
    cells = [cell for row in body for cell in row if cell]
    if not cells:
        return 0.0
    return 1.0 - sum(1 for c in cells if _not_a_cell(c)) / len(cells)


def _not_a_cell(cell: str) -> bool:
    words = cell.split()
    return (
        len(words) > PROSE_WORDS
        or cell.endswith(":")
        or bool(FIELD.match(cell))
        or cell in BULLET_GLYPHS
        or _stacked(words)
    )


def _stacked(words: list[str]) -> bool:
    """Whether a cell is a column of figures read as one: figures are most of its words. A sentence
    citing figures is a cell ("... reduced from 18% in 2022 to 17%.", Kent's ICS indicators)."""
    figures = sum(1 for w in words if FIGURE.match(w))
    return figures >= STACKED_FIGURES and figures * 2 >= len(words)


def _size(rows: list[list[str]], n_cols: int) -> float:
    """1 for a grid of MIN_CELLS filled cells or more, filled at least MIN_FILL; less for fewer or emptier."""
    body_cells = sum(1 for row in rows[1:] for cell in row if cell)
    cells = body_cells + sum(1 for cell in rows[0] if cell)
    share = body_cells / max((len(rows) - 1) * n_cols, 1)
    return min(1.0, share / MIN_FILL) * min(1.0, cells / MIN_CELLS)


def _figure(cell: str) -> bool:
    return bool(FIGURE.match(cell.replace(" ", "")))
