"""`tables`, `table_cells` and `kpis`: tables as grids and performance figures as values."""

from typing import ClassVar

from models.base import Record


class TableRecord(Record):
    dataset: ClassVar[str] = "tables"

    table_id: str
    source_document_id: str
    page: int
    title: str = ""
    n_rows: int
    n_cols: int
    method: str
    x0: float
    top: float
    x1: float
    bottom: float


class TableCellRecord(Record):
    dataset: ClassVar[str] = "table_cells"

    table_id: str
    row: int
    col: int
    text: str


class KpiRecord(Record):
    dataset: ClassVar[str] = "kpis"

    source_document_id: str
    page: int
    table_id: str
    section: str = ""
    measure: str
    period: str
    value_raw: str
    value: float | None = None
    unit: str = "text"
    direction: str = ""
