"""KPI values and KPI tables, from cells printed in the seed pack and the Kent reports."""

import pytest

from extractors.kpis import Figure, parse_value, read_kpis
from extractors.tables import Table, cell_text


@pytest.mark.parametrize(
    ("raw", "value", "unit", "direction"),
    [
        ("6.3%", 6.3, "percent", ""),
        ("1.6% points ▲", 1.6, "percentage_points", "up"),
        ("-2.0% points", -2.0, "percentage_points", "down"),
        ("-20.6% ▼", -20.6, "percent", "down"),
        ("00:01:05", 65, "seconds", ""),
        ("01:36:01", 5761, "seconds", ""),
        ("-00:16:12 ▼", -972, "seconds", "down"),
        ("-00:05:20 —", -320, "seconds", "flat"),
        ("00:00:18 ▲", 18, "seconds", "up"),
        ("11,133", 11133, "count", ""),
        ("£1.3m", 1_300_000, "currency_gbp", ""),
        ("80%", 80, "percent", ""),
        ("n.-35,701", -35701, "count", "down"),
        ("+21.8%", 21.8, "percent", "up"),
        ("(1,234.5)", -1234.5, "count", "down"),
        ("12 days", 12, "days", ""),
        ("Increasing", None, "text", ""),
        ("Eight-Month Low", None, "text", ""),
        ("Rolling 12 Month Only", None, "text", ""),
        ("Nov 2025", None, "text", ""),
    ],
)
def test_parse_value(raw, value, unit, direction):
    figure = parse_value(raw)
    assert figure == Figure(raw, value, unit, direction) or (
        figure.value == pytest.approx(value) and (figure.unit, figure.direction) == (unit, direction)
    )


def test_money_column_header_scales_plain_numbers():
    # The seed annual report's budget table: "ACTUAL £m" over "6.813"; Kent prints "£000s".
    assert parse_value("6.813", "2023/24 ACTUAL £m") == Figure("6.813", 6_813_000, "currency_gbp", "")
    assert parse_value("-836.6", "2025-26 Core £000s").value == pytest.approx(-836_600)


def test_wrapped_cells_join_without_breaking_hyphenated_words():
    assert cell_text("Jul-\n2024") == "Jul-2024"
    assert cell_text("Crime Volume:\nViolence With Injury -\nCounty") == "Crime Volume: Violence With Injury - County"
    assert cell_text("One, Eight-\nMonth High") == "One, Eight-Month High"


def _table(rows, title=""):
    return Table(page=18, x0=0, top=0, x1=1, bottom=1, rows=tuple(map(tuple, rows)), method="pdfplumber", title=title)


def test_measure_table_gives_one_row_per_figure_and_skips_empty_cells():
    table = _table(
        [
            [
                "Measure",
                "Trend Line (Up to 3 Years' Data)",
                "Jul-2024",
                "12 Months to Jul-2023 vs. 12 Months to Jul-2024",
                "Rolling 12 Month Trend",
            ],
            ["Abandonment Rate: All 999", "", "1.0%", "-1.0%", "Decreasing"],
            ["Average Time to Answer: All 999", "", "00:00:11", "-00:00:03", ""],
        ],
        title="Crime & Communication Centre (999 Service)",
    )
    kpis = read_kpis(table)
    assert [(k.measure, k.period, k.value_raw, k.value, k.unit) for k in kpis] == [
        ("Abandonment Rate: All 999", "Jul-2024", "1.0%", 1.0, "percent"),
        ("Abandonment Rate: All 999", "12 Months to Jul-2023 vs. 12 Months to Jul-2024", "-1.0%", -1.0, "percent"),
        ("Abandonment Rate: All 999", "Rolling 12 Month Trend", "Decreasing", None, "text"),
        ("Average Time to Answer: All 999", "Jul-2024", "00:00:11", 11, "seconds"),
        (
            "Average Time to Answer: All 999",
            "12 Months to Jul-2023 vs. 12 Months to Jul-2024",
            "-00:00:03",
            -3,
            "seconds",
        ),
    ]
    assert {k.section for k in kpis} == {"Crime & Communication Centre (999 Service)"}


def test_second_header_row_joins_into_the_period():
    table = _table(
        [
            ["", "2023/24", "2024/25"],
            ["", "ACTUAL £m", "BUDGET £m"],
            ["Corporate services allocation", "34.825", "36.830"],
        ]
    )
    kpis = read_kpis(table)
    assert [(k.period, k.value, k.unit) for k in kpis] == [
        ("2023/24 ACTUAL £m", 34_825_000, "currency_gbp"),
        ("2024/25 BUDGET £m", 36_830_000, "currency_gbp"),
    ]


def test_prose_and_contents_tables_are_not_kpi_tables():
    contents = _table(
        [["Foreword", "3-4"], ["Role of the Police and Crime Commissioner", "5"], ["Financial breakdown", "33-34"]]
    )
    meeting = _table([["Meeting:", "Police and Crime Panel"], ["Date:", "Thursday 26 September 2024"]])
    assert read_kpis(meeting) == []
    assert read_kpis(contents) == []


def test_spanning_header_in_the_first_column_covers_the_columns_beside_it():
    # Kent revenue plan layout: figures left of the row labels, "2024-25" over its own columns.
    table = _table(
        [
            ["2024-25", "", "", "2025-26"],
            ["Core", "Total", "", "Core"],
            ["10.0", "12.0", "Pay", "11.0"],
            ["1.0", "2.0", "Prices", "3.0"],
        ]
    )
    assert [k.period for k in read_kpis(table) if k.measure == "Pay"] == [
        "2024-25 Core",
        "2024-25 Total",
        "2025-26 Core",
    ]
