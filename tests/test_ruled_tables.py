"""Ruled tables (grids drawn by the PDF): forms, misaligned rules, headers; cells copied from real PDFs."""

from __future__ import annotations

from extractors.pages import Grid
from extractors.tables import from_grid

# Kent's budget amendment form (p39 of the budget amendments pack): the blue title bar, then
# label/value rows whose rules do not line up ("Amendment Number:" starts at 352.7pt,
# "Proposed Funding Source:" at 365.8pt).
KENT_FORM = Grid(
    x0=43.8,
    top=38.6,
    x1=686.7,
    bottom=320.9,
    cols=(43.8, 119.0, 352.7, 365.9, 427.6),
    rows=(
        ("Budget Amendment Form", None, None, None, None),
        ("Amendment\nName:", "Home to School Transport – Feasibility\nStudy", "Amendment\nNumber:", None, "2"),
        ("Directorate:", "Children, Young People & Education", None, None, None),
        ("Proposer:", "Mark Hood", "Seconder:", None, "Barry Lewis"),
        ("Proposed Purpose:", None, None, None, None),
        ("Allocate up to £75k from the money earmarked for general reserves.", None, None, None, None),
        ("Proposed Amount", None, None, "Proposed Funding Source:", None),
        ("£75k", None, None, "Reduce Contribution to General Reserves", None),
    ),
)

# A WECA delivery assurance project box (p8): the "Funding awarded" value starts right of the
# "Description" value, so the grid has a column no cell fills alone.
WECA_BOX = Grid(
    x0=101.0,
    top=183.0,
    x1=523.0,
    bottom=410.0,
    cols=(101.0, 185.0, 222.0),
    rows=(
        ("Project", "Bath River Line (BRL) Phase 1", None),
        ("Description", "Creating a central green spine to the Bath Enterprise Zone", None),
        ("Funding awarded", None, "£1,765,000"),
        ("Source:", None, "Investment Fund (IF)"),
        ("Cost/ Spend:", "No change to overall funding\nReprofiling £665,000 from 25/26 to 26/27", None),
        ("Stated reason for change: Completion of Phases 1A and 1B has resulted in delayed start", None, None),
    ),
)


def test_a_form_keeps_its_label_value_rows_apart():
    table = from_grid(KENT_FORM, 39)
    assert table is not None
    assert table.title == "Budget Amendment Form"
    assert table.header == ("Amendment Name:", "Home to School Transport – Feasibility Study", "Amendment Number:", "2")
    assert table.rows[1] == ("Directorate:", "Children, Young People & Education", "", "")
    assert table.rows[2] == ("Proposer:", "Mark Hood", "Seconder:", "Barry Lewis")


def test_a_rule_a_few_points_off_makes_no_column():
    table = from_grid(KENT_FORM, 39)
    assert table is not None
    assert table.rows[-2] == ("Proposed Amount", "", "Proposed Funding Source:", "")
    assert table.rows[-1] == ("£75k", "", "Reduce Contribution to General Reserves", "")
    assert len(table.cols) == 4


def test_values_starting_at_two_rules_are_one_column():
    table = from_grid(WECA_BOX, 8)
    assert table is not None
    assert table.n_cols == 2
    assert table.header == ("Project", "Bath River Line (BRL) Phase 1")
    assert table.rows[2] == ("Funding awarded", "£1,765,000")
    assert table.rows[-1][1] == ""


def test_a_group_header_still_heads_the_row_that_splits_it():
    # Kent's quarterly performance report: "RAG rating" merged over "Latest" and "Previous".
    grid = Grid(
        x0=40.0,
        top=100.0,
        x1=550.0,
        bottom=200.0,
        cols=(40.0, 380.0, 440.0, 500.0),
        rows=(
            ("Customer Services KPIs", "RAG rating", None, "DoT"),
            (None, "Latest", "Previous", None),
            ("% of callers to Contact Point who rated the advisor as good", "GREEN", "GREEN", ""),
            ("% of phone calls to Contact Point which were answered", "GREEN", "AMBER", ""),
        ),
    )
    table = from_grid(grid, 4)
    assert table is not None
    assert table.header == ("Customer Services KPIs", "RAG rating Latest", "RAG rating Previous", "DoT")
    assert table.n_rows == 3
