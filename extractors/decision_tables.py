"""Decisions printed in a table: one row per application, the decision in its own column.

Grant and planning applications are often minuted as a table ("Organisation | Project Summary |
Amount Requested | Recommendation", Sutton Coldfield Amenities Committee) whose decision column
holds "£2500 approved. Meets the criteria of ..." or "Rejected. Does not meet ...": each filled
cell of that column is a decision. The lines the table is printed on are then read no further,
since they interleave its columns.
"""

from __future__ import annotations

import re

from extractors.headings import Placed
from extractors.motions import Found
from extractors.tables import Table
from extractors.text import clean

# The header of a column that holds what was decided about each row.
DECISION_COLUMN = re.compile(
    r"^(?:decisions?|recommendations?|outcomes?|resolutions?|resolved|(?:council\s+|committee\s+)?responses?)$", re.I
)
# A line belongs to a table when its top lies inside the table's box, within this (pt).
EDGE_PT = 1.0


def table_decisions(body: list[Placed], tables: list[Table]) -> tuple[list[Found], list[Placed]]:
    """The decisions in the tables printed among an item's lines, and the item's other lines."""
    found: list[Found] = []
    rest = body
    for table in tables:
        column = _decision_column(table)
        inside = [p for p in rest if _holds(table, p)]
        if column is None or not inside:
            continue
        rest = [p for p in rest if not _holds(table, p)]
        pages = table.row_pages or (table.page,) * table.n_rows
        for row, page in zip(table.rows[1:], pages[1:], strict=False):
            text = clean(row[column]) if column < len(row) else ""
            found += [Found(-1, text, "", page=page)] if text else []
    return found, rest


def _decision_column(table: Table) -> int | None:
    header = table.rows[0] if table.rows else ()
    return next((k for k, cell in enumerate(header) if DECISION_COLUMN.match(clean(cell))), None)


def _holds(table: Table, placed: Placed) -> bool:
    """Whether a line is printed inside the table: below its top on its first page, above its end
    on its last, anywhere on a page between."""
    pages = table.pages or (table.page,)
    if placed.page not in pages:
        return False
    top = table.top if placed.page == pages[0] else 0.0
    last_bottom = table.bottom if len(pages) == 1 or table.end is None else table.end
    bottom = last_bottom if placed.page == pages[-1] else float("inf")
    return top - EDGE_PT <= placed.line.top <= bottom + EDGE_PT
