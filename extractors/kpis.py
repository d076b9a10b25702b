"""KPIs: every figure of a performance table as one typed value, in long format.

A performance table has row labels (measures) down one column, the column whose cells are
distinct words, and periods or categories across its header: "Jul-2024", "12 Months to
Jul-2024", "2024/25 BUDGET £m". Each filled cell becomes a `KpiRecord` that keeps the text as
printed (`value_raw`) and adds the number, its unit (its own, else its column header's), the
printed direction (an arrow, or the sign) and how sure the reading is (`confidence`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from math import prod
from statistics import median

from extractors.figures import UNIT_WORD, Figure, parse_value
from extractors.tables import Table
from models import KpiRecord
from models.vocab import Unit

# A header cell names a period or a category: it has a letter or a year ("2024/25").
HEADER_WORD = re.compile(r"[A-Za-z]|\b(19|20)\d\d\b")
MEASURE_HEADER = re.compile(r"\b(measures?|indicators?|kpis?|metrics?|targets?)\b", re.I)
# A header over figures is at most this long ("Current status People supported by FSSW currently (%
# as a proportion of region)"); a longer one is a paragraph, as in a boxed form read as a table.
PERIOD_MAX_CHARS = 100
# Header cells are short ("ACTUAL £m", "Previous"); a longer cell is a row label.
HEADER_MAX_CHARS = 25
# A column whose cells run longer than this (median) is prose ("Risk Event"), not figures or ratings.
PROSE_CELL_CHARS = 40
# A column of paragraphs (a "Brief Description" of 100 characters a row, a "Detail" of several
# hundred) is no label column beside a column of names, which may run to 40-50 characters
# ("Adult Learning & Physical Disability Pathway - Community Based Services").
PARAGRAPH_CHARS = 2 * PROSE_CELL_CHARS
# A column is a column of figures when this share of its filled body cells parses to numbers.
NUMERIC_COLUMN_SHARE = 0.6
# Row labels: a column whose filled cells are words in at least this share, scored by its distinct
# share times its descriptive share; below LABEL_MIN_SCORE no column holds measures (a register
# keyed by dates and payees, a list of codes); LABEL_CLEAR and LABEL_MARGIN make a choice clear.
LABEL_WORDS_SHARE = 0.6
LABEL_MIN_SCORE = 0.5
LABEL_CLEAR = 0.8
LABEL_MARGIN = 0.15
# A description has a word of three letters or more.
WORD = re.compile(r"[A-Za-z]{3}")
# A code, not a description: one token with a digit ("KCC-123", "Sept25.01", "01.18.04", "24-25"),
# or letters and a number ("DP 2"): action logs, payment lists and risk registers number their rows.
CODE = re.compile(r"^(?=\S*\d)[\w./&-]+(?:\s\d+)?$")
# A date as registers print one: "02-Apr", "26/01/18", "5 Feb 2026" (a day: an event), "Nov 2025".
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_DATE = (
    rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}[.-]\d{{1,2}}[.-]\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[\s-]{MONTH}(?:[\s-](?:19|20)?\d\d)?"
)
EVENT_DATE = re.compile(rf"^(?:{DAY_DATE})$", re.I)
DATE_CELL = re.compile(rf"^(?:{DAY_DATE}|{MONTH}\s(?:19|20)?\d\d)$", re.I)
# Payment lists (parish minutes' "Payee | Detail | Total £s", cash sheets, "payments over £250"
# returns) are registers of events, one row per payment, not tables of measures.
REGISTER_HEADER = re.compile(r"\b(?:payee|supplier|cheque|chq|invoice|inv)\b", re.I)
# Status ratings a performance table prints as values: RAG colours, alone or paired ("Amber/Green").
RATING = re.compile(r"^(?:red|amber|green|blue)(?:\s*[/-]\s*(?:red|amber|green))?$", re.I)
# A year alone: a header over figures ("2024"), or the year a target is due ("Timescale | 2028").
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A header word broken where a narrow column wrapped it: "Forecas" over "t" (Kent finance monitoring).
BROKEN_WORD = re.compile(r"(?:^|\s)[b-hj-z](?:\s|$)")
# A column that numbers or refers to rows, whatever its figures: "Ref", "No.", "Para", "Item".
REFERENCE_HEADER = re.compile(r"(?:^|\s)(?:ref(?:erence)?|no|para(?:graph)?|code|id|item)\.?(?:\s*no\.?)?$", re.I)
# A column of row numbers 1, 2, 3...: this many make a sequence rather than chance figures.
SERIAL_MIN = 3
# How sure a reading is (`confidence`): each doubt multiplies 1.0 by its factor.
EMPTY_PERIOD = 0.5  # no header over the column: what the figure is a value of is unknown
INHERITED_PERIOD = 0.8  # the header was taken from a neighbouring cell or from the table above
BROKEN_PERIOD = 0.6  # a lone lower-case letter in the header: a word wrapped mid-word ("Forecas t")
TEXT_IN_FIGURES = 0.4  # words in a column of figures: "n/a", a note, a misread or merged cell
UNIT_CONFLICT = 0.6  # a figure whose unit is neither the one most of its column nor of its row prints
WEAK_LABEL = 0.6  # another column could as well hold the row labels


@dataclass(frozen=True)
class _Layout:
    """Where a performance table keeps its header rows, its row labels, its periods and its values."""

    heads: int
    label: int
    periods: tuple[str, ...]
    values: tuple[int, ...]  # the columns read as values of the measures
    units: tuple[str, ...]  # per column: the unit most of its figures have; `text` for a column of words
    inherited: frozenset[int]  # columns whose header cell was taken from a neighbouring one
    weak_label: bool  # another column could as well hold the row labels


def read_kpis(table: Table, borrowed: bool = False) -> list[KpiRecord]:
    """One `KpiRecord` per filled value cell of a performance table; [] for any other table.

    `borrowed`: the header rows were taken from the table printed above (`read_document_kpis`).
    """
    layout = _layout(table)
    if layout is None:
        return []
    row_pages = table.row_pages or (table.page,) * table.n_rows
    out = []
    for i in range(layout.heads, table.n_rows):
        row = table.rows[i]
        if _restarts(row, layout):
            periods = tuple(_cell(row, j) for j in range(len(layout.periods)))
            layout = replace(layout, periods=periods, inherited=frozenset())
            continue
        measure = _cell(row, layout.label)
        cells = {j: parse_value(row[j], layout.periods[j]) for j in layout.values if measure and _cell(row, j)}
        row_unit = _most_common([f.unit for f in cells.values() if f.value is not None])
        for j, figure in cells.items():
            out.append(
                KpiRecord(  # the document and table ids are the caller's (extractors.document)
                    source_document_id="",
                    table_id="",
                    page=row_pages[i],
                    section=table.title,
                    measure=measure,
                    period=layout.periods[j],
                    value_raw=figure.value_raw,
                    value=figure.value,
                    unit=figure.unit,
                    direction=figure.direction,
                    confidence=_confidence(layout, j, figure, borrowed, row_unit not in (figure.unit, Unit.TEXT)),
                )
            )
    return out


def _restarts(row: tuple[str, ...], layout: _Layout) -> bool:
    """A header printed part-way down: accounts print "Details | Payment | 2016/17 | Expenditure"
    under their receipts. Words, no figures, over at least half of the columns of figures."""
    figures = [j for j in layout.values if layout.units[j] != Unit.TEXT]
    worded = [j for j in figures if WORD.search(_cell(row, j)) and not RATING.match(_cell(row, j))]
    no_figure = all(parse_value(c).value is None for c in row if c)
    return no_figure and len(worded) >= max(2, len(figures) / 2) and all(len(c) <= HEADER_MAX_CHARS for c in row)


def _confidence(layout: _Layout, j: int, figure: Figure, borrowed: bool, odd_in_row: bool) -> float:
    """1.0 when the label column, the period and the value are all clear; each doubt scales it down.

    A unit is in conflict when it is neither the one most of its column prints nor the one most of
    its row prints: rows of a table of indicators have units of their own (a rate, a time, a count).
    """
    column_unit = layout.units[j]
    doubts = (
        (not layout.periods[j], EMPTY_PERIOD),
        (bool(layout.periods[j]) and (borrowed or j in layout.inherited), INHERITED_PERIOD),
        (bool(BROKEN_WORD.search(layout.periods[j])), BROKEN_PERIOD),
        (figure.value is None and column_unit != Unit.TEXT, TEXT_IN_FIGURES),
        (figure.value is not None and column_unit not in (Unit.TEXT, figure.unit) and odd_in_row, UNIT_CONFLICT),
        (layout.weak_label, WEAK_LABEL),
    )
    return round(prod(factor for doubt, factor in doubts if doubt), 2)


def _most_common(units: list[str]) -> str:
    return Counter(units).most_common(1)[0][0] if units else Unit.TEXT


def _layout(table: Table) -> _Layout | None:
    """The layout of a performance table (row labels down one column and, across, a header over
    a column of figures), or None when the table is not one."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    heads = _header_rows(table)
    body = table.rows[heads:]
    choice = _label_column(body, table.n_cols)
    if choice is None or _register(table.rows[:heads], body):
        return None
    label, weak = choice
    periods, inherited = _periods(table.rows[:heads], label, table.n_cols)
    indicators = bool(MEASURE_HEADER.search(_cell(table.rows[0], label)))
    values, units, measured = _value_columns(body, label, periods, indicators)
    if not values or not (measured or indicators):
        return None
    return _Layout(heads, label, periods, values, units, inherited, weak)


def _register(head: tuple[tuple[str, ...], ...], body: tuple[tuple[str, ...], ...]) -> bool:
    """A list of events, one per row: payments (a payee, cheque or invoice column) or rows keyed by
    the day they happened in their first column ("02-Apr", "26/01/18")."""
    if any(REGISTER_HEADER.search(c) for row in head for c in row):
        return True
    first = [c for r in body if (c := _cell(r, 0))]
    return bool(first) and sum(1 for c in first if EVENT_DATE.match(c)) >= NUMERIC_COLUMN_SHARE * len(first)


def _cell(row: tuple[str, ...], j: int) -> str:
    return row[j] if j < len(row) else ""


def _header_rows(table: Table) -> int:
    """Row 0, and the rows under it of short words, no figures ("", "ACTUAL £m", "BUDGET £m"), or
    of units alone ("£000s" over each column, or one "(£m)")."""
    n = 1
    while n < table.n_rows - 1:
        filled = [c for c in table.rows[n] if c]
        units_only = all(UNIT_WORD.match(c) for c in filled)
        if not units_only and (
            len(filled) == 1 or any(len(c) > HEADER_MAX_CHARS or parse_value(c).value is not None for c in filled)
        ):
            break
        n += 1
    return n


def _periods(head: tuple[tuple[str, ...], ...], label: int, width: int) -> tuple[tuple[str, ...], frozenset[int]]:
    """Each column's header text, upper rows first, and the columns whose text was inherited.

    After `read_tables` merges a multi-line header there is one header row; a table built
    otherwise may still have several. An upper header cell spans the columns under it: "2025-26"
    printed centred over "Core External Total" or a merged "RAG rating" over "Latest Previous".
    An empty upper cell takes the nearest filled one in its row (the left one on a tie).
    """
    rows = [list(r) + [""] * (width - len(r)) for r in head]
    inherited = set()
    for cells in rows[:-1]:
        sources = [j for j, c in enumerate(cells) if c and j != label]
        for j in range(width):
            if sources and not cells[j] and j != label and rows[-1][j]:
                cells[j] = cells[min(sources, key=lambda s: (abs(s - j), s))]
                inherited.add(j)
    return tuple(" ".join(r[j] for r in rows if r[j]) for j in range(width)), frozenset(inherited)


def _label_column(body: tuple[tuple[str, ...], ...], width: int) -> tuple[int, bool] | None:
    """The column of row labels, chosen by content, and whether the choice is weak.

    Row labels are words, mostly filled, distinct and descriptive: a column of repeated values
    ("24 hours", "Static"), of codes ("KCC-123"), ratings or dates is not the measure. Each
    column scores its distinct share times its descriptive share; among the columns that score
    near the best, the leftmost whose cells are phrases wins ("Highways - renewals reserve"
    over "GET"), else the leftmost. Another phrase column of short cells makes the choice weak
    (a column of prose beside the labels is their description).
    """
    scores: dict[int, float] = {}
    for j in range(width):
        cells = [r[j] for r in body if _cell(r, j)]
        if not cells or len(cells) * 2 < len(body):
            continue
        words = [c for c in cells if parse_value(c).value is None]
        if len(words) < LABEL_WORDS_SHARE * len(cells):
            continue
        described = [
            c for c in words if WORD.search(c) and not (CODE.match(c) or DATE_CELL.match(c) or RATING.match(c))
        ]
        scores[j] = len(set(cells)) / len(cells) * len(described) / len(cells)
    if not scores or max(scores.values()) < LABEL_MIN_SCORE:
        return None
    # Row labels are names: a column of paragraphs holds them only when no column of shorter
    # cells could ("Brief Description" beside "Headline Description", whose names repeat).
    named = {j: v for j, v in scores.items() if v >= LABEL_MIN_SCORE and _median_length(body, j) <= PARAGRAPH_CHARS}
    scores = named or scores
    contenders = [j for j in sorted(scores) if scores[j] >= max(scores.values()) - LABEL_MARGIN]
    phrases = [j for j in contenders if median(len(r[j].split()) for r in body if _cell(r, j)) >= 2]
    best = (phrases or contenders)[0]
    rivals = [j for j in phrases or contenders if j != best and _median_length(body, j) <= PROSE_CELL_CHARS]
    return best, scores[best] < LABEL_CLEAR or bool(rivals)


def _value_columns(
    body: tuple[tuple[str, ...], ...], label: int, periods: tuple[str, ...], indicators: bool
) -> tuple[tuple[int, ...], tuple[str, ...], frozenset[int]]:
    """The columns read as values, each column's unit (`text` unless most cells are figures), and
    the columns that measure (figures or ratings).

    A column of words is a value of the measures only in a table of indicators (its label column
    is headed "Measure", "KPIs"...: "Increasing", "Eight-Month Low") or when it holds ratings
    ("GREEN", "AMBER"); elsewhere it describes the row (a party, a type, a yes/no flag).
    """
    values, units, measured = [], [], set()
    for j, period in enumerate(periods):
        cells = [r[j] for r in body if _cell(r, j)]
        figures = [f for f in (parse_value(c, period) for c in cells) if f.value is not None]
        numeric = bool(figures) and len(figures) >= NUMERIC_COLUMN_SHARE * len(cells)
        units.append(_most_common([f.unit for f in figures]) if numeric else Unit.TEXT)
        ratings = bool(cells) and sum(1 for c in cells if RATING.match(c)) >= NUMERIC_COLUMN_SHARE * len(cells)
        if j == label or not cells or _describes(cells, period, numeric):
            continue
        if numeric or ratings or indicators:
            values.append(j)
        if (numeric or ratings) and HEADER_WORD.search(period) and len(period) <= PERIOD_MAX_CHARS:
            measured.add(j)
    return tuple(values), tuple(units), frozenset(measured)


def _describes(cells: list[str], header: str, numeric: bool) -> bool:
    """A column that refers or describes rather than measures: a reference number ("Ref", "Para"),
    prose (a comment, a reason), codes or dates."""
    if REFERENCE_HEADER.search(header.strip()):
        return True
    if numeric:  # row numbers, or years ("Timescale 2028") that date a target rather than measure it
        return _serial(cells) or all(YEAR.match(c) for c in cells)
    keyed = sum(1 for c in cells if CODE.match(c) or DATE_CELL.match(c))
    return median(len(c) for c in cells) > PROSE_CELL_CHARS or keyed >= NUMERIC_COLUMN_SHARE * len(cells)


def _serial(cells: list[str]) -> bool:
    """Row numbers 1, 2, 3... (a "Service Point" or "Row Ref" column), whatever the header says."""
    if len(cells) < SERIAL_MIN or not cells[0].isdigit():
        return False
    return cells == [str(n) for n in range(int(cells[0]), int(cells[0]) + len(cells))]


def _median_length(body: tuple[tuple[str, ...], ...], j: int) -> float:
    lengths = [len(r[j]) for r in body if _cell(r, j)]
    return median(lengths) if lengths else 0.0


def read_document_kpis(tables: list[Table]) -> list[list[KpiRecord]]:
    """The KPIs of each table of a document, in order.

    A table printed straight under a performance table with the same columns and no header of its
    own takes the header of the one above: a "Financed by" block under "2023/24 | 2024/25", or
    the next block of a long list whose first row is already figures ("Mass Transit | 10,981").
    A table without a heading takes the section of the table before it on the same or previous page.
    """
    out: list[list[KpiRecord]] = []
    prev: Table | None = None
    for table in tables:
        if prev is not None and table.title == "" and table.page - _last_page(prev) <= 1:
            table = replace(table, title=prev.title)
        borrowed = prev is not None and _continues(prev, table)
        if prev is not None and borrowed:
            heads = _header_rows(prev)
            own = table.row_pages or (table.page,) * table.n_rows
            table = replace(table, rows=prev.rows[:heads] + table.rows, row_pages=(table.page,) * heads + own)
        out.append(read_kpis(table, borrowed))
        prev = table
    return out


def _continues(prev: Table, table: Table) -> bool:
    """`table` is the headerless rest of `prev`: same columns, printed right after it, and a first
    row that is a heading alone ("Financed by", "RESERVES") or already holds figures."""
    if prev.n_cols != table.n_cols or not table.rows or table.page - _last_page(prev) > 1:
        return False
    first = [c for c in table.rows[0] if c]
    if len(first) <= 1 and prev.page == table.page:
        return True
    heading = len(first) <= 1
    figures = any(parse_value(c).value is not None and not YEAR.match(c) for c in first)
    return (heading or figures) and _layout(prev) is not None


def _last_page(table: Table) -> int:
    return (table.pages or (table.page,))[-1]
