"""KPIs: every figure of a performance table as one typed value, in long format.

A performance table has row labels (measures) in its first column and periods or
categories across its header: "Jul-2024", "12 Months to Jul-2024", "2024/25 BUDGET £m".
Each filled cell becomes a `KpiRecord` that keeps the text as printed (`value_raw`) and adds the
number, its unit and the printed direction (an arrow, or the sign).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

from extractors.tables import Table
from models import KpiRecord
from models.vocab import Direction, Unit

UP, DOWN, FLAT = "▲△↑⬆⇧", "▼▽↓⬇⇩", "—►▶→↔⬌◄"
ARROWS = re.compile(f"[{UP}{DOWN}{FLAT}]")
NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)"
SIGN = r"(?P<sign>[+-]?)"
PATTERNS: list[tuple[re.Pattern[str], Unit]] = [
    (re.compile(rf"^{SIGN}{NUM}\s*%\s*(?:points?|pts?|pp)$", re.I), Unit.PERCENTAGE_POINTS),
    (re.compile(rf"^{SIGN}{NUM}\s*(?:percentage\s+points?|pp)$", re.I), Unit.PERCENTAGE_POINTS),
    (re.compile(rf"^{SIGN}{NUM}\s*%$"), Unit.PERCENT),
    (re.compile(rf"^{SIGN}{NUM}\s*days?$", re.I), Unit.DAYS),
    (re.compile(rf"^{SIGN}£\s*{NUM}\s*(?P<scale>bn|m|k|million|billion)?$", re.I), Unit.CURRENCY_GBP),
    (re.compile(rf"^{SIGN}{NUM}$"), Unit.COUNT),
]
# hh:mm:ss durations ("00:01:05", "-00:16:12"); a bare "10:30" is a clock time, not a KPI.
DURATION = re.compile(r"^(?P<sign>[+-]?)(?P<h>\d{1,3}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)$")
# "(1,234.5)": accounts print negatives in brackets.
BRACKETED = re.compile(r"^\((?P<inner>[^()]+)\)$")
# Police dashboards print counts as "n. 2,751" or "n.-35,701".
N_PREFIX = re.compile(r"^n\.\s*", re.I)
SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# A money column: "£m", "£000s", "£'000", "£k", "£bn" or plain "£" in its header.
MONEY_HEADER = re.compile(r"£\s*(?P<scale>m\b|bn\b|k\b|'?000s?|million|billion)?", re.I)
# A header cell names a period or a category: it has a letter or a year ("2024/25").
HEADER_WORD = re.compile(r"[A-Za-z]|\b(19|20)\d\d\b")
MEASURE_HEADER = re.compile(r"\b(measures?|indicators?|kpis?|metrics?|targets?)\b", re.I)
# Header cells are short ("ACTUAL £m", "Previous"); a longer cell is a row label.
HEADER_MAX_CHARS = 25
# A column whose cells run longer than this (median) is prose ("Risk Event"), not figures or ratings.
PROSE_CELL_CHARS = 40
# A column is a column of figures when this share of its filled body cells parses to numbers.
NUMERIC_COLUMN_SHARE = 0.6


@dataclass(frozen=True)
class Figure:
    """A printed value read into a number, a unit and a direction."""

    value_raw: str
    value: float | None
    unit: str
    direction: str


@lru_cache(maxsize=1 << 16)  # a table's cells are read several times while its layout is found
def parse_value(raw: str, header: str = "") -> Figure:
    """Read a printed figure; text that is not a figure stays `text` with no value."""
    printed = " ".join(raw.split())
    arrow = next((ch for ch in printed if ARROWS.match(ch)), "")
    work = N_PREFIX.sub("", ARROWS.sub("", printed)).strip()
    negative = False
    if bracketed := BRACKETED.match(work):
        work, negative = bracketed["inner"].strip(), True
    value, unit, sign = _number(work, header)
    if value is None:
        return Figure(printed, None, Unit.TEXT, Direction.NONE)
    if negative:
        value, sign = -value, "-"
    return Figure(printed, value, unit, _direction(arrow, sign, value))


def _number(work: str, header: str) -> tuple[float | None, Unit, str]:
    if duration := DURATION.match(work):
        seconds = int(duration["h"]) * 3600 + int(duration["m"]) * 60 + int(duration["s"])
        return (-seconds if duration["sign"] == "-" else seconds), Unit.SECONDS, duration["sign"]
    for pattern, unit in PATTERNS:
        if match := pattern.match(work):
            value = float(match["num"].replace(",", ""))
            groups = match.groupdict()
            if unit is Unit.CURRENCY_GBP and groups.get("scale"):
                value *= SCALES[groups["scale"].lower()]
            if unit is Unit.COUNT and (money := MONEY_HEADER.search(header)):
                unit, value = Unit.CURRENCY_GBP, value * _header_scale(money["scale"])
            return (-value if match["sign"] == "-" else value), unit, match["sign"]
    return None, Unit.TEXT, ""


def _header_scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    scale = scale.lower().strip("'")
    return 1e3 if scale.startswith("000") else SCALES.get(scale, 1.0)


def _direction(arrow: str, sign: str, value: float) -> Direction:
    if arrow:
        return Direction.UP if arrow in UP else Direction.DOWN if arrow in DOWN else Direction.FLAT
    if sign == "+" and value:
        return Direction.UP
    if sign == "-" and value:
        return Direction.DOWN
    return Direction.NONE


@dataclass(frozen=True)
class _Layout:
    """Where a performance table keeps its header rows, its row labels and its periods."""

    heads: int
    label: int
    periods: tuple[str, ...]


def read_kpis(table: Table) -> list[KpiRecord]:
    """One `KpiRecord` per filled cell of a performance table; [] for any other table."""
    layout = _layout(table)
    if layout is None:
        return []
    heads, label, periods = layout.heads, layout.label, layout.periods
    row_pages = table.row_pages or (table.page,) * table.n_rows
    prose = {j for j in range(table.n_cols) if _median_length(table.rows[heads:], j) > PROSE_CELL_CHARS}
    out = []
    for i in range(heads, table.n_rows):
        row = table.rows[i]
        measure = row[label]
        if not measure:
            continue
        for j in range(len(row)):
            if j == label or j in prose or not row[j]:
                continue
            figure = parse_value(row[j], periods[j])
            out.append(
                KpiRecord(  # the document and table ids are the caller's (extractors.document)
                    source_document_id="",
                    table_id="",
                    page=row_pages[i],
                    section=table.title,
                    measure=measure,
                    period=periods[j],
                    value_raw=figure.value_raw,
                    value=figure.value,
                    unit=figure.unit,
                    direction=figure.direction,
                )
            )
    return out


def _layout(table: Table) -> _Layout | None:
    """The layout of a performance table (row labels down one column and, across, a header over
    a column of figures), or None when the table is not one."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    heads = _header_rows(table)
    body = table.rows[heads:]
    label = _label_column(table, heads)
    if not body or label is None:
        return None
    layout = _Layout(heads, label, tuple(_periods(table.rows[:heads], label)))
    if MEASURE_HEADER.search(table.rows[0][label]):
        return layout
    for j, period in enumerate(layout.periods):
        if j == label or not HEADER_WORD.search(period):
            continue
        cells = [r[j] for r in body if r[j]]
        numeric = sum(1 for c in cells if parse_value(c, period).value is not None)
        if numeric and numeric >= NUMERIC_COLUMN_SHARE * len(cells):
            return layout
    return None


def _header_rows(table: Table) -> int:
    """Row 0, and the rows under it of short words, no figures ("", "ACTUAL £m", "BUDGET £m")."""
    n = 1
    while n < table.n_rows - 1:
        row = table.rows[n]
        filled = [c for c in row if c]
        if len(filled) == 1 or any(len(c) > HEADER_MAX_CHARS or parse_value(c).value is not None for c in filled):
            break
        n += 1
    return n


def _periods(head: tuple[tuple[str, ...], ...], label: int = 0) -> list[str]:
    """Each column's header text, upper rows first.

    An upper header cell spans the columns under it: "2025-26" printed centred over "Core
    External Total" or a merged "RAG rating" over "Latest Previous". An empty upper cell takes
    the nearest filled one in its row (the left one on a tie).
    """
    width = max(len(r) for r in head)
    rows = [list(r) + [""] * (width - len(r)) for r in head]
    for cells in rows[:-1]:
        sources = [j for j, c in enumerate(cells) if c and j != label]
        for j in range(width):
            if sources and not cells[j] and j != label and rows[-1][j]:
                cells[j] = cells[min(sources, key=lambda s: (abs(s - j), s))]
    return [" ".join(r[j] for r in rows if r[j]) for j in range(width)]


def _median_length(body: tuple[tuple[str, ...], ...], j: int) -> float:
    lengths = [len(r[j]) for r in body if r[j]]
    return median(lengths) if lengths else 0.0


def _label_column(table: Table, heads: int) -> int | None:
    """The column of row labels: the first whose filled body cells are mostly words, not figures."""
    body = table.rows[heads:]
    for j in range(table.n_cols):
        cells = [r[j] for r in body if r[j]]
        if len(cells) * 2 < len(body):
            continue
        words = sum(1 for c in cells if parse_value(c).value is None)
        if words >= 0.6 * len(cells):
            return j
    return None


def read_document_kpis(tables: list[Table]) -> list[list[KpiRecord]]:
    """The KPIs of each table of a document, in order.

    A table printed straight under another with the same columns and no header of its own
    ("Financed by" under "2023/24 | 2024/25") takes the header of the one above; a table
    without a heading takes the section of the table before it on the same or previous page.
    """
    out: list[list[KpiRecord]] = []
    prev: Table | None = None
    for table in tables:
        if prev is not None and table.title == "" and table.page - prev.pages[-1] <= 1:
            table = replace(table, title=prev.title)
        if prev is not None and _headless(table) and prev.page == table.page and prev.n_cols == table.n_cols:
            heads = _header_rows(prev)
            table = replace(
                table, rows=prev.rows[:heads] + table.rows, row_pages=(table.page,) * heads + table.row_pages
            )
        out.append(read_kpis(table))
        prev = table
    return out


def _headless(table: Table) -> bool:
    """Row 0 names only the row-label column: "Financed by", "", ""."""
    return bool(table.rows) and not any(table.rows[0][1:])
