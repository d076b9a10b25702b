"""Camelot as a second table reader: its tables as `Table`s, and the better of two readings per region.

`pages.camelot_tables` runs Camelot and hands over plain cell texts; this module cleans them as
`tables.cell_text` cleans pdfplumber's, and `choose` keeps, wherever both readers found a table,
the reading `table_quality.quality` scores higher.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from extractors.pages import CamelotTable, Page, camelot_tables
from extractors.table_model import RULED_METHODS, overlaps
from extractors.table_quality import quality
from extractors.tables import Table, cell_text, join_continued, read_tables, title_above
from models.vocab import TableEngine

log = logging.getLogger(__name__)

# Qualities closer than this are a tie, and ties keep our reading: one cell split or merged
# moves a table's quality by about this much (Bristol's finance box: "Source of Capital Funding
# N/A" in one cell or two).
TIE_MARGIN = 0.05
# `auto` has Camelot read only pages where one of our tables scores under this (or a ruled grid
# ours did not take): on the labels this keeps auto's cell F1 (0.81 over 126 tables) at a third
# of its table-reading time (15 against 40 ms a page, bench.py --tables).
SURE = 0.8


def read_tables_with(engine: TableEngine, pages: list[Page], path: str) -> list[Table]:
    """The document's tables as `engine` reads them."""
    return with_engine(engine, read_tables(pages), pages, path)


def with_engine(engine: TableEngine, ours: list[Table], pages: list[Page], path: str) -> list[Table]:
    """Our tables (`ours`, read from `pages`) as they stand, or Camelot's, or per region the better reading.

    Camelot runs only on pages where ours sees a table or a ruled grid (for `auto`, one it is not
    `SURE` of), so `plumber` costs nothing more.
    """
    if engine is TableEngine.PLUMBER or not path:
        return ours
    try:
        unsure = [t for t in ours if quality(t) < SURE] if engine is TableEngine.AUTO else ours
        sure = {p for t in ours if t not in unsure for p in (t.pages or (t.page,))}
        theirs = camelot_reading(pages, Path(path), candidate_pages([p for p in pages if p.number not in sure], unsure))
    # Camelot's half never fails a document (a page it fails on is skipped in `camelot_tables`;
    # this is for the rest, its import included): our reading stands, with a warning.
    except Exception as exc:
        log.warning(f"{Path(path).name}: camelot failed, tables as plumber reads them: {type(exc).__name__}: {exc}")
        return ours
    return theirs if engine is TableEngine.CAMELOT else choose(ours, theirs)


def candidate_pages(pages: list[Page], ours: list[Table]) -> dict[int, str]:
    """The Camelot flavor per page to read: hybrid where ours found a whitespace table, else lattice where ruled.

    Hybrid (vector rules plus text alignment) is the flavor that reads unruled tables on the labels
    (Souldern's unruled accounts, the AGAR form) and ruled ones; stream and network merged labels
    with figures. Lattice takes a frame around unruled columns (the Kent revenue plan) for cells.
    """
    flavors = {p.number: "lattice" for p in pages if p.grids}
    flavors |= {p: "hybrid" for t in ours if t.method not in RULED_METHODS for p in (t.pages or (t.page,))}
    return flavors


def camelot_reading(pages: list[Page], path: Path, flavors: dict[int, str]) -> list[Table]:
    """Camelot's tables on the pages given, continued tables joined and titled as ours are."""
    if not flavors:
        return []
    found = to_tables(camelot_tables(path, flavors))
    by_number = {p.number: p for p in pages}
    titled = [
        replace(t, title=title_above(by_number[t.page], t, [u for u in found if u.page == t.page])) for t in found
    ]
    return join_continued(titled, pages)


def to_table(found: CamelotTable) -> Table | None:
    """One Camelot table as a `Table` (header = first row, empty rows dropped), or None when nothing is left."""
    rows = [tuple(cell_text(c) for c in row) for row in found.rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    # Columns Camelot made that no row fills (a rule drawn inside a cell) are dropped.
    keep = [j for j in range(len(rows[0])) if any(j < len(r) and r[j] for r in rows)]
    return Table(
        page=found.page,
        x0=found.x0,
        top=found.top,
        x1=found.x1,
        bottom=found.bottom,
        rows=tuple(tuple(r[j] for j in keep) for r in rows),
        method=found.flavor,
        cols=tuple(found.cols[j] for j in keep if j < len(found.cols)),
        pages=(found.page,),
        row_pages=(found.page,) * len(rows),
        end=found.bottom,
    )


def to_tables(found: Sequence[CamelotTable]) -> list[Table]:
    """Camelot's tables as `Table`s in reading order, but for boxes of one row or one column.

    Those score 0 (`quality`), and ours drops them from its grids too: a ruled box around a
    paragraph, or a totals line ruled on its own under a table.
    """
    tables = [t for t in map(to_table, found) if t is not None and quality(t) > 0]
    return sorted(tables, key=lambda t: (t.page, t.top, t.x0))


def choose(ours: list[Table], theirs: list[Table]) -> list[Table]:
    """Per region (tables whose boxes overlap on a page) the reading with the higher quality, ours on ties.

    A table of either reader that overlaps nothing of the other is kept as it is.
    """
    kept: list[Table] = []
    for mine, other in _regions(ours, theirs):
        if mine and other and region_quality(other) > region_quality(mine) + TIE_MARGIN:
            kept += other
        else:
            kept += mine or other
    return sorted(kept, key=lambda t: (t.page, t.top, t.x0))


def region_quality(tables: list[Table]) -> float:
    """The quality of one reader's tables in a region, weighted by their filled cells.

    Weighted, not the best: a table read in fragments (Camelot's risk register, one part per
    page where rows break across pages) has a small fragment that scores high on its own.
    """
    weights = [sum(1 for row in t.rows for cell in row if cell) for t in tables]
    return sum(w * quality(t) for w, t in zip(weights, tables, strict=True)) / max(sum(weights), 1)


def _regions(ours: list[Table], theirs: list[Table]) -> list[tuple[list[Table], list[Table]]]:
    """Groups of overlapping tables (ours, theirs): connected by overlap, so a chain is one region."""
    tables = [(t, True) for t in ours] + [(t, False) for t in theirs]
    parent = list(range(len(tables)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, (a, _) in enumerate(tables):
        for j in range(i):
            if overlaps(a, tables[j][0]):
                parent[root(i)] = root(j)
    groups: dict[int, tuple[list[Table], list[Table]]] = {}
    for i, (t, mine) in enumerate(tables):
        group = groups.setdefault(root(i), ([], []))
        group[0 if mine else 1].append(t)
    return list(groups.values())
