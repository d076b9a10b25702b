"""`tables`, `table_cells` and `kpis`: tables as grids and performance figures as values."""

from typing import ClassVar

from models.base import Record
from models.vocab import Direction, TableMethod, Unit


class TableRecord(Record):
    """One table found in a PDF: its page, box, size, title and how it was read."""

    dataset: ClassVar[str] = "tables"

    table_id: str
    source_document_id: str
    page: int
    title: str = ""
    n_rows: int
    n_cols: int
    method: TableMethod
    x0: float
    top: float
    x1: float
    bottom: float


class TableCellRecord(Record):
    """One cell of a table (row 0 is the header row)."""

    dataset: ClassVar[str] = "table_cells"

    table_id: str
    row: int
    col: int
    text: str


class KpiRecord(Record):
    """One figure of a performance table: a measure in a period, as printed and as a number."""

    dataset: ClassVar[str] = "kpis"

    source_document_id: str
    page: int
    table_id: str
    section: str = ""
    measure: str
    period: str
    value_raw: str
    value: float | None = None
    unit: Unit = Unit.TEXT
    direction: Direction = Direction.NONE
    confidence: float = 1.0
