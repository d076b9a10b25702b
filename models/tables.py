"""`tables`, `table_cells` and `kpis`: tables as grids and performance figures as values."""

from typing import ClassVar

from models.base import FROM_PAGE, Record
from models.vocab import Direction, TableMethod, Unit

NO_TABLES = "No document read has a ruled or aligned table."


class TableRecord(Record):
    """One table found in a PDF: its page, box, size, title and how it was read. A table that
    continues onto the next page is one table."""

    dataset: ClassVar[str] = "tables"
    primary_key: ClassVar[tuple[str, ...]] = ("table_id",)
    foreign_keys: ClassVar[dict[str, str]] = FROM_PAGE
    when_empty: ClassVar[str] = NO_TABLES

    table_id: str
    """`<document_id>-p<page>-t<n>`."""
    source_document_id: str
    page: int
    title: str = ""
    """The heading printed above the table."""
    n_rows: int
    """Rows, the header row included."""
    n_cols: int
    """Columns."""
    method: TableMethod
    """How it was read: `pdfplumber` (ruled grid), `stream` (aligned columns), Camelot's `lattice` or `hybrid`."""
    x0: float
    """The table's left edge on its first page, in PDF points from the left."""
    top: float
    """Its top edge, in points from the top of the page."""
    x1: float
    """Its right edge."""
    bottom: float
    """Its bottom edge (on its first page)."""


class TableCellRecord(Record):
    """One cell of a table (row 0 is the header row)."""

    dataset: ClassVar[str] = "table_cells"
    primary_key: ClassVar[tuple[str, ...]] = ("table_id", "row", "col")
    foreign_keys: ClassVar[dict[str, str]] = {"table_id": "tables.table_id"}
    when_empty: ClassVar[str] = NO_TABLES

    table_id: str
    row: int
    """The row, from 0 (the header row)."""
    col: int
    """The column, from 0."""
    text: str
    """The cell's text as printed; lines inside a cell joined by a space."""


class KpiRecord(Record):
    """One figure of a performance table: a measure in a period, as printed and as a number."""

    dataset: ClassVar[str] = "kpis"
    foreign_keys: ClassVar[dict[str, str]] = {**FROM_PAGE, "table_id": "tables.table_id"}
    when_empty: ClassVar[str] = "No table read has measures in rows and periods in columns."

    source_document_id: str
    page: int
    table_id: str
    section: str = ""
    """The heading the table sits under (`Crime & Communication Centre (999 Service)`)."""
    measure: str
    """The row label as printed (`Abandonment Rate: All 999`)."""
    period: str
    """The column header as printed (`Jul-2024`, `12 Months to Jul-2024`)."""
    value_raw: str
    """The cell as printed (`00:01:05`, `-20.6% ▼`, `1,421`)."""
    value: float | None = None
    """The number: 6.3 for `6.3%`, durations in seconds, counts as numbers; empty for text."""
    unit: Unit = Unit.TEXT
    """`percent`, `percentage_points`, `seconds`, `count`, `days`, `currency_gbp` or `text`."""
    direction: Direction = Direction.NONE
    """`up`, `down` or `flat` when an arrow or sign is printed; empty otherwise."""
    confidence: float = 1.0
    """0-1: how sure the reader is of the measure, period and value it paired."""
