"""Tables from real PDFs, cells checked by eye against the rendered pages (pypdfium2, 72-90 dpi)."""

from __future__ import annotations

import pytest

from extractors.document import extract_tables
from extractors.kpis import read_document_kpis
from extractors.pages import Line, Page
from extractors.tables import Table, read_tables, stream_tables
from models.vocab import TableEngine
from tests.conftest import DATA, SEED_PACK, read_cached

QPR = DATA / "uk_kent_cabinet_2025-03-04_quarterly_performance_report_Q3.pdf"
RISKS = DATA / "uk_kent_cabinet_2025-01-30_budget_risk_register.pdf"
REVENUE = DATA / "uk_kent_county_council_2025-02-13_3yr_revenue_plan.pdf"


def _tables(path):
    return read_tables(list(read_cached(path).pages))


def _on_page(tables: list[Table], page: int) -> list[Table]:
    return [t for t in tables if t.page == page]


def _row(table: Table, label: str) -> tuple[str, ...]:
    return next(r for r in table.rows if label in r)


def test_kent_call_activity_table_reads_every_cell():
    (table,) = _on_page(_tables(QPR), 12)
    assert table.method == "pdfplumber"
    assert table.header == (
        "Service area",
        "Jan – Mar 24",
        "Apr – Jun 24",
        "Jul – Sep 24",
        "Oct – Dec 24",
        "12m to Dec 23",
        "12m to Dec 24",
    )
    assert _row(table, "Highways") == ("Highways", "16", "13", "13", "11", "61", "54")
    assert table.rows[-1] == ("Total Calls (thousands)", "116", "111", "125", "101", "484", "453")
    assert table.n_rows == 16


def test_kent_rag_table_merges_its_two_header_rows_and_ratings_become_text_kpis():
    tables = _tables(QPR)
    first = _on_page(tables, 4)[0]
    # "RAG rating" is one cell merged over "Latest" and "Previous": it heads both.
    assert first.header == ("Customer Services KPIs", "RAG rating Latest", "RAG rating Previous", "DoT")
    assert (
        _row(first, "GREEN")[0]
        == "% of callers to Contact Point who rated the advisor who dealt with their call as good"
    )
    kpis = read_document_kpis(tables)[tables.index(first)]
    answered = {k.period: k for k in kpis if k.measure == "% of phone calls to Contact Point which were answered"}
    assert (answered["RAG rating Latest"].value_raw, answered["RAG rating Previous"].value_raw) == ("GREEN", "AMBER")
    assert answered["RAG rating Previous"].unit == "text" and answered["RAG rating Previous"].value is None


def test_risk_register_continues_over_every_page_without_repeating_its_header():
    tables = _tables(RISKS)
    register = max(tables, key=lambda t: len(t.pages))
    assert register.pages == tuple(range(1, 12))
    # The heading repeats on every page, so pages.py strips it as a running header; the
    # "TOTAL £m 334.7 290.0" box between it and the table is not taken for a title.
    assert register.title == ""
    assert register.header[:3] == ("Directorate", "Risk Title", "Source/Cause of Risk")
    assert sum(1 for r in register.rows if r == register.header) == 1
    high_needs = _row(register, "High Needs Spending")
    assert (high_needs[0], high_needs[5], high_needs[7]) == ("CYPE", "4", "165.0")
    savings = next(r for r in register.rows if r[1].startswith("Non delivery of Savings"))
    assert savings[1] == "Non delivery of Savings and income and inability to replace one-off measures"
    assert (savings[5], savings[6]) == ("4", "119.2")
    assert len(register.row_pages) == register.n_rows and register.row_pages[-1] == 11


def test_revenue_plan_is_read_by_whitespace_inside_its_column_group_frames():
    tables = _tables(REVENUE)
    (plan,) = _on_page(tables, 1)
    assert plan.method == "stream"
    # Three header lines and a group header over the last two years, as one row per column.
    assert plan.header[:4] == ("2024-25 Core £000s", "2024-25 External £000s", "2024-25 Total £000s", "")
    assert plan.header[-1] == "INDICATIVE FOR PLANNING PURPOSES 2027-28 Total £000s"
    assert _row(plan, "Base Budget Changes") == (
        "31,721.5",
        "",
        "31,721.5",
        "Base Budget Changes",
        "10,320.7",
        "-744.1",
        "9,576.6",
        "-100.0",
        "0.0",
        "-100.0",
        "4,000.0",
        "0.0",
        "4,000.0",
    )
    # One table over three pages, its header printed again on page 3, where only the Total
    # columns hold figures: the Core and External columns stay, empty, under their headings.
    assert plan.pages == (1, 2, 3) and sum(1 for r in plan.rows if r == plan.header) == 1
    assert _row(plan, "Revenue Support Grant")[2:8] == ("11,806.0", "Revenue Support Grant", "", "", "15,680.3", "")


def test_revenue_plan_figures_are_pounds_by_year_and_column():
    tables = _tables(REVENUE)
    kpis = {(k.measure, k.period): k for k in read_document_kpis(tables)[0]}
    pay = kpis[("Pay", "2025-26 External £000s")]
    assert (pay.value_raw, pay.value, pay.unit) == ("626.9", pytest.approx(626_900), "currency_gbp")
    government = kpis[("Government & Legislative", "INDICATIVE FOR PLANNING PURPOSES 2026-27 External £000s")]
    assert (government.value, government.direction) == (pytest.approx(-23_335_300), "down")


def test_seed_pack_measure_tables_join_wrapped_cells():
    tables = _tables(SEED_PACK)
    cch = next(t for t in tables if any(r[0] == "Abandonment Rate: CCH" for r in t.rows))
    assert cch.header[2:5] == ("Jul-2024", "3 Months to Jul-2024", "12 Months to Jul-2024")
    assert _row(cch, "Call Answered Volume: CCH")[2:] == (
        "11,133",
        "33,579",
        "137,583",
        "-20.6% ▼",
        "Increasing",
        "Eight-Month Low",
        "16",
    )
    assert _row(cch, "Call Answered Volume: CCH")[1] == ""  # the sparkline column stays empty
    assert len(tables) == 27  # the seed pack's expected tables (shared/fixtures/seed-pack/expected/tables.json)


def _line(cells: list[tuple[str, float, float]], top: float) -> Line:
    text = " ".join(c for c, _, _ in cells)
    return Line(
        text,
        cells[0][1],
        top,
        cells[-1][2],
        top + 9,
        9.0,
        False,
        tuple(c for c, _, _ in cells),
        tuple((a, b) for _, a, b in cells),
    )


def test_prose_is_not_a_whitespace_table():
    prose = [
        _line([("The council received 1,234 calls in the quarter, up 6% on last year.", 60, 530)], 100 + 12 * i)
        for i in range(5)
    ]
    assert stream_tables(Page(1, tuple(prose)), []) == []


def test_aligned_figures_make_a_whitespace_table():
    lines = [_line([("Pay", 60, 80), ("21,845.7", 200, 240), ("626.9", 280, 305)], 100)]
    lines += [_line([("Prices", 60, 90), ("41,407.1", 200, 240), ("1,944.4", 270, 305)], 112)]
    lines += [_line([("Policy", 60, 88), ("-8,542.9", 199, 240), ("0.0", 290, 305)], 124)]
    (table,) = stream_tables(Page(1, tuple(lines)), [])
    assert table.rows == (
        ("Pay", "21,845.7", "626.9"),
        ("Prices", "41,407.1", "1,944.4"),
        ("Policy", "-8,542.9", "0.0"),
    )


def test_bracketed_negatives_count_as_figures_in_whitespace_tables():
    # Kent finance monitoring p36 closes with "Total (250.0) (4,211.8) (4,461.8)".
    lines = [_line([("ASCH", 60, 80), ("0.0", 300, 315), ("(100.0)", 360, 390)], 100 + 12 * i) for i in range(3)]
    lines.append(_line([("Total", 60, 85), ("(250.0)", 290, 315), ("(4,211.8)", 350, 390)], 136))
    (table,) = stream_tables(Page(1, tuple(lines)), [])
    assert table.rows[-1] == ("Total", "(250.0)", "(4,211.8)")


def test_boxes_that_are_not_tables_are_not_published():
    # The quarterly report boxes "Cabinet Member | Corporate Director" above each section's KPIs:
    # a ruled grid of four cells, read as a table, but no table (table_quality).
    doc = read_cached(QPR)
    read = read_tables(list(doc.pages))
    published = extract_tables(doc, TableEngine.PLUMBER).tables
    boxes = [t for t in read if t.rows and t.rows[0][0] == "Cabinet Member"]
    assert boxes and not any(t in published for t in boxes)
    assert len(_on_page(list(published), 12)) == 1  # the call activity table stays
