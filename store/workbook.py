"""The Excel workbook: the codebook first, then one sheet per non-empty dataset, cells typed.

Text is written as text (never as a formula, so no apostrophe is needed), numbers as numbers,
dates, timestamps and clock times as Excel dates and times. Each sheet's header row is frozen
and filtered. Excel holds 1,048,575 rows under a header and 32,767 characters in a cell: a
dataset or a text longer than that is cut there, and the codebook sheet says so.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from store.codebook import TITLE, columns, describe

MAX_ROWS = 1_048_575
MAX_CHARS = 32_767
WIDTHS = {"string": 30, "date": 11, "datetime": 19, "time": 6}


def write_workbook(path: Path, rows: dict[str, list[tuple[object, ...]]], created: datetime) -> None:
    """Write `rows` (dataset -> rows in column order) to `path`; `created` is the file's stated date,
    passed in so that a rerun on the same inputs writes the same bytes."""
    import xlsxwriter

    # constant_memory streams each sheet's rows to disk; widths, panes and filters go first.
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    book.set_properties({"title": TITLE, "created": created})
    bold = book.add_format({"bold": True})
    typed = {
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
        "time": book.add_format({"num_format": "hh:mm"}),
    }
    kept = {name: table for name, table in rows.items() if table}

    lines: list[tuple[str, ...]] = []
    for name, table in kept.items():
        cut = f" Only the first {MAX_ROWS:,} of {len(table):,} rows fit: see the CSV." if len(table) > MAX_ROWS else ""
        if long := sum(1 for row in table for v in row if isinstance(v, str) and len(v) > MAX_CHARS):
            cut += f" {long:,} cells hold more than Excel's {MAX_CHARS:,} characters and are cut there: see the CSV."
        lines.append((name, "", "", describe(name) + cut))
        lines += [(name, c.name, c.type, c.description + _values(c.values)) for c in columns(name)]
    codebook = _sheet(book, "codebook", [22, 22, 10, 100], len(lines))
    codebook.write_row(0, 0, ("dataset", "column", "type", "meaning"), bold)
    for i, line in enumerate(lines, start=1):
        codebook.write_row(i, 0, line, None if line[1] else bold)

    for name, table in kept.items():
        cols = columns(name)
        sheet = _sheet(book, name[:31], [WIDTHS.get(c.type, 10) for c in cols], min(len(table), MAX_ROWS))
        sheet.write_row(0, 0, [c.name for c in cols], bold)
        for r, row in enumerate(table[:MAX_ROWS], start=1):
            for i, (c, value) in enumerate(zip(cols, row, strict=True)):
                _write(sheet, r, i, c.type, value, typed.get(c.type))
    book.close()


def _sheet(book: Any, name: str, widths: list[int], rows: int) -> Any:
    """A sheet with its column widths, its header row frozen and a filter over `rows` rows."""
    sheet = book.add_worksheet(name)
    for i, width in enumerate(widths):
        sheet.set_column(i, i, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, rows, len(widths) - 1)
    return sheet


def _values(values: tuple[str, ...]) -> str:
    return " Values: " + ", ".join(values) + "." if values else ""


def _write(sheet: Any, row: int, col: int, kind: str, value: object, fmt: Any) -> None:
    if value is None or value == "":
        return
    if kind in ("integer", "number") and isinstance(value, int | float):
        sheet.write_number(row, col, value)
    elif kind == "boolean":
        sheet.write_boolean(row, col, bool(value))
    elif kind in ("date", "datetime", "time") and (when := _when(kind, str(value))) is not None:
        sheet.write_datetime(row, col, when, fmt)
    else:
        sheet.write_string(row, col, str(value))


def _when(kind: str, text: str) -> date | datetime | time | None:
    """The cell's date or time, or None when the text is not one (then it is written as text)."""
    try:
        if kind == "date":
            return date.fromisoformat(text)
        if kind == "datetime":
            return datetime.fromisoformat(text).replace(tzinfo=None)  # Excel has no time zones: UTC, as stated
        return time.fromisoformat(text)
    except ValueError:
        return None
