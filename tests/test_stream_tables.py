"""Whitespace tables read from real spreadsheet prints (checked against the rendered pages)."""

from __future__ import annotations

from extractors.pages import Line, Page
from extractors.stream_tables import phrases
from extractors.table_headers import merged_header
from extractors.table_model import join_cell
from extractors.tables import read_tables
from tests.conftest import DATA, read_cached

AGAR = DATA / "uk_burton_cum_walden_pc_2023-24_agar_explanation_of_variances.pdf"
BUDGET = DATA / "uk_wales_tintern_cc_2018-19_budget.pdf"


def test_cells_centred_on_tall_rows_are_one_row_each():
    # Each AGAR row prints its label, its figures and a wrapped explanation on baselines up to
    # half a line apart; "NO" for box 7 sits alone under its row.
    (table,) = read_tables(list(read_cached(AGAR).pages))
    rows = {r[0]: r for r in table.rows}
    assert rows["1 Balances Brought Forward"][1:3] == ("12,631", "8,690")
    assert rows["1 Balances Brought Forward"][6] == (
        "Explanation of % variance from PY opening balance not required - Balance brought forward agrees"
    )
    assert rows["2 Precept or Rates and Levies"][1:6] == ("6,600", "6,600", "0", "0.00%", "NO")
    assert rows["7 Balances Carried Forward"][5:7] == ("NO", "VARIANCE EXPLANATION NOT REQUIRED")
    assert table.n_rows == 11


def test_a_three_line_header_is_one_row_with_its_units():
    (table,) = read_tables(list(read_cached(AGAR).pages))
    assert table.header[:6] == ("", "2022/23 £", "2023/24 £", "Variance £", "Variance %", "Explanation Required?")


def test_a_heading_with_nothing_under_it_keeps_its_column():
    (table,) = read_tables(list(read_cached(BUDGET).pages))
    assert table.header == ("ITEM", "Budget 2017-18", "Spent", "Budget 2018-19", "Spent")
    assert table.rows[1] == ("REVENUE", "", "", "", "")  # a section heading opens the body
    assert table.rows[2] == ("Clerk's Salary", "3,500", "3,421", "3,500", "")
    assert table.title.startswith("TINTERN COMMUNITY COUNCIL - BUDGET")  # a title, not a group header


def test_a_group_header_heads_each_column_it_is_centred_over():
    # Kent's revenue plan: "2024-25" centred over Core / External / Total, the label column bare.
    cols = [(58.0, 85.2), (98.0, 133.8), (148.7, 193.5), (197.3, 390.1)]
    upper = {1: ("2024-25", 93.5, 130.3)}
    lower = {0: ("Core", 63.9, 85.2), 1: ("External", 98.0, 133.7), 2: ("Total", 171.6, 193.4)}
    assert merged_header([upper, lower], cols) == ["2024-25 Core", "2024-25 External", "2024-25 Total", ""]


def test_a_heading_over_one_column_is_not_spread():
    # AGAR: "Explanation" over "Required?" with "Automatic responses ..." beside it.
    cols = [(203.8, 224.9), (241.0, 262.1), (268.1, 293.8), (297.6, 322.4), (327.0, 360.3), (364.8, 509.5)]
    upper = {4: ("Explanation", 327.0, 360.3), 5: ("Automatic responses", 364.8, 499.5)}
    lower = {j: (f"h{j}", a, b) for j, (a, b) in enumerate(cols)}
    assert merged_header([upper, lower], cols)[:5] == ["h0", "h1", "h2", "h3", "Explanation h4"]


def test_figures_far_apart_in_small_type_are_two_cells():
    words = (("0.00%", 305.8, 322.4), ("NO", 339.7, 348.5))
    line = Line("0.00% NO", 305.8, 222.4, 348.5, 228.3, 5.9, words=words)
    assert [p[0] for p in phrases(line)] == ["0.00%", "NO"]


def _words_line(words: list[tuple[str, float, float]], top: float, size: float = 11.0) -> Line:
    return Line(" ".join(w for w, _, _ in words), words[0][1], top, words[-1][2], top + size, size, words=tuple(words))


def test_a_header_at_the_foot_of_a_page_heads_the_figures_on_the_next():
    # Kent's Q3 2024-25 finance monitoring: "Directorate Revenue Revenue Revenue %" ends page 5,
    # "Budget Forecast Variance Variance" and the figures open page 6.
    foot = [
        _words_line([("All figures in £m", 426.7, 505.0)], 501.3),
        _words_line(
            [
                ("Directorate", 238.9, 297.0),
                ("Revenue", 337.4, 383.2),
                ("Revenue", 402.1, 448.0),
                ("Revenue", 459.1, 505.0),
                ("%", 552.2, 562.0),
            ],
            520.1,
        ),
        _words_line([("Page", 718.9, 739.9), ("5", 742.4, 747.4), ("of", 749.9, 757.4), ("54", 759.9, 769.9)], 538.2),
    ]
    body = [
        _words_line(
            [
                ("Budget", 345.4, 383.3),
                ("Forecast", 402.1, 448.0),
                ("Variance", 459.1, 505.0),
                ("Variance", 516.1, 562.0),
            ],
            32.9,
        )
    ]
    figures = [("586.1", 355.7, 383.2), ("621.6", 420.5, 448.0), ("+35.4", 477.2, 505.0), ("+6.0%", 530.5, 562.0)]
    for k, label in enumerate(["Adult Social Care & Health", "Growth, Environment & Transport", "Overall Position"]):
        body.append(_words_line([(label, 166.7, 296.9), *figures], 51.7 + 18.8 * k))
    tables = read_tables([Page(5, tuple(foot)), Page(6, tuple(body))])
    (table,) = tables
    assert table.header == ("Directorate", "Revenue Budget", "Revenue Forecast", "Revenue Variance", "% Variance")
    assert (table.page, table.pages, table.row_pages[:2]) == (5, (5, 6), (5, 6))


def test_a_label_and_an_amount_per_line_is_a_table_but_justified_prose_is_not():
    # Cuyahoga County Board of Health agenda: "Year 1   $32,300.00" under "Amount to be received".
    def row(label: str, amount: str, top: float) -> Line:
        return _words_line([(label, 165.6, 197.8), (amount, 381.6, 435.6)], top, 12.0)

    lines = [_words_line([("Amount to be received", 381.6, 491.2)], 557.5, 12.0)]
    lines += [_words_line([("is not to exceed:", 381.6, 459.9)], 571.3, 12.0)]
    lines += [
        row(f"Year {k + 1}", amount, 585.1 + 13.8 * k) for k, amount in enumerate(["$32,300.00", "$29,000.00"] * 2)
    ]
    prose = _words_line(
        [
            ("agreement with Trustees of Tufts College from March 1,", 93.6, 382.3),
            ("2019 through February 28,", 387.5, 522.2),
        ],
        667.9,
        12.0,
    )
    (table,) = read_tables([Page(1, (*lines, prose))])
    assert table.header == ("", "Amount to be received is not to exceed:")
    assert table.rows[1:3] == (("Year 1", "$32,300.00"), ("Year 2", "$29,000.00"))
    assert table.n_rows == 5


def test_a_second_header_under_the_figures_opens_a_table_of_its_own():
    # Souldern Parish Council's 2016-17 accounts: EXPENDITURE and its header under the INCOME rows.
    def row(cells: list[str], top: float) -> Line:
        xs = [(60.0, 150.0), (200.0, 240.0), (280.0, 320.0), (360.0, 400.0)]
        return _words_line([(c, a, b) for c, (a, b) in zip(cells, xs, strict=True) if c], top)

    lines = [row(["Details", "Receipt", "2016/17", "Income"], 100)]
    lines += [row([label, "98.4", "", "98.40"], 114 + 14 * k) for k, label in enumerate(["Precept", "Grant", "Totals"])]
    lines += [row(["EXPENDITURE", "", "", ""], 170), row(["Details", "Payment", "2016/17", "Expenditure"], 184)]
    lines += [row([label, "250.00", "", "250.00"], 198 + 14 * k) for k, label in enumerate(["Audit", "Village Hall"])]
    income, spending = read_tables([Page(1, tuple(lines))])
    assert income.header == ("Details", "Receipt", "2016/17", "Income") and income.rows[-1][0] == "Totals"
    assert spending.title == "EXPENDITURE"
    assert spending.header == ("Details", "Payment", "2016/17", "Expenditure")
    assert spending.rows[1:] == (("Audit", "250.00", "", "250.00"), ("Village Hall", "250.00", "", "250.00"))


def test_a_currency_sign_set_apart_stays_with_its_amount():
    # Cuyahoga: "$" at the left of the cell, "25,742.00" right-aligned.
    words = (("AIDS", 165.6, 190.0), ("Healthcare", 193.0, 245.0), ("$", 381.6, 387.6), ("25,742.00", 420.0, 468.0))
    line = Line("AIDS Healthcare $ 25,742.00", 165.6, 100.0, 468.0, 112.0, 12.0, words=words)
    assert [p[0] for p in phrases(line)] == ["AIDS Healthcare", "$ 25,742.00"]


def test_a_word_a_narrow_column_broke_without_a_hyphen_is_rejoined():
    # Kent finance monitoring: "Revenu" / "e" / "Forecas" / "t" stacked over a column of £m.
    assert join_cell(join_cell(join_cell("Revenu", "e"), "Forecas"), "t") == "Revenue Forecast"
    assert join_cell("cost of", "a") == "cost of a"  # a word of its own stays one
