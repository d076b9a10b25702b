"""KPI values and KPI tables, from cells printed in the seed pack and the Kent reports."""

from dataclasses import replace

import pytest

from extractors.kpis import Figure, parse_value, read_document_kpis, read_kpis
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


# Issue 10, deliverable 8: KPIs you can trust. Rows copied from labelled corpus tables.


def _kpis(rows, title=""):
    return [(k.measure, k.period, k.value_raw) for k in read_kpis(_table(rows, title))]


def test_label_column_is_the_distinct_descriptive_one_not_codes_or_repeated_words():
    # Kent budget amendments, "Row Ref | MTFP Category | Directorate | Cabinet Member | Headline
    # Description | Brief Description | £000's ...": the first mostly-words column repeats itself.
    rows = [
        [
            "Row Ref",
            "MTFP Category",
            "Directorate",
            "Cabinet Member",
            "Headline Description",
            "Brief Description",
            "2025-26 £000's",
            "2026-27 £000's",
            "Core or Externally Funded",
        ],
        [
            "1",
            "Contributions to reserves",
            "GET",
            "Neil Baker",
            "Highways - renewals reserve",
            "Re-introduction of the annual contribution to the renewals reserve which was put on hold",
            "400.0",
            "0.0",
            "Core",
        ],
        [
            "2",
            "Contributions to reserves",
            "DCED",
            "Peter Oakford",
            "Facilities Management",
            "Contribution to reserves to smooth the impact of the mobilisation costs of the contracts",
            "90.9",
            "0.0",
            "Core",
        ],
        [
            "3",
            "Contributions to reserves",
            "NAC",
            "Peter Oakford",
            "General Reserves repayment",
            "Repay the General Reserve over two years (2024-25 & 2025-26) for the drawdown required",
            "11,050.0",
            "0.0",
            "Core",
        ],
    ]
    kpis = read_kpis(_table(rows))
    assert {k.measure for k in kpis} == {
        "Highways - renewals reserve",
        "Facilities Management",
        "General Reserves repayment",
    }
    assert {k.period for k in kpis} == {"2025-26 £000's", "2026-27 £000's"}  # no reference, category or prose
    general = next(k for k in kpis if k.measure == "General Reserves repayment" and k.period.startswith("2025"))
    assert (general.value, general.unit, general.confidence) == (pytest.approx(11_050_000), "currency_gbp", 1.0)


def test_a_numbered_first_column_and_repeated_types_leave_the_names_as_labels():
    # Bedford CIPFA library return: "Service Point (i) | Library Name (ii) | Type ... | Hours per Week".
    rows = [
        [
            "Service Point (i)",
            "Library Name (ii)",
            "Type (Static/ Mobile) (iii)",
            "Scheduled Opening Hours per Week (iv)",
            "Do you consider this to be part of your statutory service? (vi)",
        ],
        ["1", "Bedford Central", "Static", "48.0", "Yes"],
        ["2", "Bromham", "Static", "21.0", "Yes"],
        ["3", "Kempston", "Static", "40.0", "Yes"],
        ["4", "Putnoe", "Static", "40.0", "Yes"],
    ]
    kpis = read_kpis(_table(rows))
    assert [k.measure for k in kpis] == ["Bedford Central", "Bromham", "Kempston", "Putnoe"]
    assert {(k.period, k.unit) for k in kpis} == {("Scheduled Opening Hours per Week (iv)", "seconds")}
    assert kpis[0].value == 48 * 3600  # durations are published in seconds


def test_words_describing_a_row_are_not_its_values_but_ratings_are():
    # Sutton Coldfield election results: the party and the elected flag describe the candidate.
    election = [
        ["Name", "Party", "Number of Votes", "Elected"],
        ["Burrows Alan Stephen", "Independents for Sutton", "1652", "No"],
        ["Cairns Janet", "Conservative Party", "2304", "Yes"],
        ["Farr Thomas", "Conservative Party", "1709", "No"],
    ]
    assert {p for _, p, _ in _kpis(election)} == {"Number of Votes"}
    # Kent quarterly performance: a RAG table whose label header does not say "KPIs".
    rag = [
        ["Integrated Children’s Services", "RAG rating", "", "DoT"],
        ["", "Latest", "Previous", ""],
        ["% of case holding posts filled by permanent qualified social workers", "AMBER", "RED", ""],
        [
            "% of foster care placements which are in-house or with relatives and friends (excluding UASC)",
            "RED",
            "RED",
            "",
        ],
    ]
    assert _kpis(rag)[:2] == [
        ("% of case holding posts filled by permanent qualified social workers", "RAG rating Latest", "AMBER"),
        ("% of case holding posts filled by permanent qualified social workers", "RAG rating Previous", "RED"),
    ]


def test_payment_lists_are_registers_not_kpi_tables():
    # Souldern minutes "Invoices to be approved"; Sutton Coldfield "payments over £250" (keyed by date).
    invoices = [
        ["Payee", "Detail", "Total £s", "VAT", "Comments"],
        ["Kompan", "Inv 264418", "111.36", "18.56", ""],
        ["Nigel Prickett", "Inv 2605", "493.20", "82.20", ""],
        ["Cathy Fleet", "Salary shortfall (backpay)", "25.08", "", ""],
    ]
    payments = [
        ["Inv Date", "Ref", "Who", "Details", "£ (net)"],
        ["01/04/2017", "159", "Moor Hall Developments", "April Office Rent and Cleaning", "950"],
        ["01/04/2017", "151", "LGRC", "Balance of Accrual - March Services", "1,616"],
        ["12/04/2017", "158", "JA Productions", "25% delivery of CBSO Concert", "23,166"],
    ]
    assert read_kpis(_table(invoices)) == []
    assert read_kpis(_table(payments)) == []


def test_a_unit_alone_on_a_header_line_applies_to_its_column_and_is_no_value():
    # Kent finance monitoring, capital budget changes: "(£m)" printed under "Amount" only.
    rows = [
        ["Project", "Year", "Amount", "Reason"],
        ["", "", "(£m)", ""],
        ["Adult Social Care & Health", "", "", ""],
        ["CareCubed", "24-25", "+0.036", "Revenue contribution for purchase of software licences"],
        ["Annual Planned Enhancement", "24-25", "-0.170", "Grant to be vired to High Needs 22-24"],
    ]
    kpis = read_kpis(_table(rows))
    assert [(k.measure, k.period, k.value, k.unit) for k in kpis] == [
        ("CareCubed", "Amount (£m)", pytest.approx(36_000), "currency_gbp"),
        ("Annual Planned Enhancement", "Amount (£m)", pytest.approx(-170_000), "currency_gbp"),
    ]


def test_units_printed_over_a_column_group():
    # Kent budget by directorate: "Core External Total" over a "£000s" line, one per column.
    rows = [
        ["", "TOTAL", "", ""],
        ["", "Core", "External", "Total"],
        ["", "£000s", "£000s", "£000s"],
        ["Original base budget", "1,429,506.8", "0.0", "1,429,506.8"],
        ["Base adjustments (internal)", "-17,430.5", "0.0", "-17,430.5"],
    ]
    kpis = read_kpis(_table(rows))
    assert {k.unit for k in kpis} == {"currency_gbp"}
    assert kpis[0].value == pytest.approx(1_429_506_800)
    assert "£000s" not in {k.value_raw for k in kpis}


@pytest.mark.parametrize(
    ("raw", "header", "value", "unit"),
    [
        ("1,036 (51.4%)", "", 1036, "count"),  # Kent quarterly report: care leavers, count and share
        ("+6.0", "% Variance", 6.0, "percent"),
        ("12", "Days lost per FTE", 12, "days"),
        ("3", "Responded within 28 days", 3, "count"),  # "28 days" is a condition, not the unit
        ("(1,234)", "", -1234, "count"),
        ("10,981#", "Mar 2026", 10981, "count"),  # West of England investment fund: a footnote mark
        ("5,000", "Amount (£000’s)", 5_000_000, "currency_gbp"),
    ],
)
def test_header_units_and_shares(raw, header, value, unit):
    figure = parse_value(raw, header)
    assert (figure.value, figure.unit, figure.value_raw) == (pytest.approx(value), unit, raw)


def test_confidence_says_what_the_reader_is_unsure_of():
    # Kent finance monitoring: the first figure column lost its header; West of England investment
    # fund: "Complete" printed in a column of £000s; a "RAG rating" header spans "Latest Previous".
    finance = [
        ["", "", "Forecast", "Variance"],
        ["Education & Special Educational Needs", "125.6", "120.6", "-5.0"],
        ["Integrated Children’s Services", "300.8", "295.5", "-5.3"],
    ]
    assert [k.confidence for k in read_kpis(_table(finance))][:3] == [0.5, 1.0, 1.0]
    broken = [["", "Budget", "Forecas t", "Varianc e"], *finance[1:]]  # "Forecas" over "t" in a narrow column
    assert [k.confidence for k in read_kpis(_table(broken))][:3] == [1.0, 0.6, 0.6]
    fund = [
        ["Position as at:", "Mar 2026", "Jun 2026"],
        ["Mass Transit", "10,981#", "10,981"],
        ["Bath to Bristol Strategic Corridor", "1,549", "Complete"],
        ["Scholars Way Walking and Cycling Route", "152", "152"],
    ]
    complete = next(k for k in read_kpis(_table(fund)) if k.value_raw == "Complete")
    assert (complete.value, complete.confidence) == (None, 0.4)
    rag = [
        ["Customer Services KPIs", "RAG rating", "", "DoT"],
        ["", "Latest", "Previous", ""],
        ["% of complaints responded to within timescale", "RED", "RED", ""],
    ]
    assert [k.confidence for k in read_kpis(_table(rag))] == [1.0, 0.8]


def test_a_headerless_block_under_a_kpi_table_takes_its_header():
    # West of England investment fund, Appendix 1: each theme's blocks are separate ruled boxes.
    first = _table(
        [
            ["Position as at:", "Mar 2026", "Jun 2026"],
            ["Local Electric Vehicle Charging Infrastructure Bid", "268", "268"],
            ["Bus Service Improvement Plan and Enhanced Partnership", "537", "537"],
        ]
    )
    rest = _table([["Mass Transit", "10,981#", "10,981"], ["Local Cycling & Walking Infrastructure", "100", "100"]])
    _, continued = read_document_kpis([first, rest])
    assert [(k.measure, k.period, k.confidence) for k in continued][-2:] == [
        ("Local Cycling & Walking Infrastructure", "Mar 2026", 0.8),
        ("Local Cycling & Walking Infrastructure", "Jun 2026", 0.8),
    ]


def test_a_list_of_targets_dated_by_year_gives_no_kpis():
    # Kent ICS priorities slides: indicators with the year they are due, and progress not yet filled.
    rows = [
        ["Objectively Verifiable Indicators", "Timescale", "Progress"],
        ["Pupil absence rates will have fallen from 7.9% in 2021/22 to below 5%.", "2028", ""],
        ["Increase employment rates in Kent", "2028", ""],
        ["The proportion of children in Year 6 who are healthy weight will be maintained", "2028", ""],
    ]
    assert read_kpis(_table(rows)) == []


def test_a_header_printed_part_way_down_restarts_the_periods():
    # Souldern parish accounts: the payments block under the receipts, with its own header line.
    rows = [
        ["2015/6", "Details", "Receipt", "2016/17", "Income", ""],
        ["5700", "Precept", "5700", "", "5700.00", ""],
        ["7905.18", "Totals", "9170.7", "956.54", "8284.00", ""],
        ["", "EXPENDITURE", "", "", "", ""],
        ["", "Details", "Payment", "2016/17", "Expenditure", "Budget 2016/17"],
        ["0.00", "Audit", "0.00", "", "0.00", "0.00"],
        ["864.00", "Administration", "856.50", "", "856.50", "1350.00"],
    ]
    kpis = _kpis(rows)
    assert ("Precept", "Receipt", "5700") in kpis
    assert [(p, v) for m, p, v in kpis if m == "Administration"] == [
        ("", "864.00"),
        ("Payment", "856.50"),
        ("Expenditure", "856.50"),
        ("Budget 2016/17", "1350.00"),
    ]
    assert not any(m == "Details" for m, _, _ in kpis)


def test_a_block_on_the_next_page_under_a_heading_alone_takes_the_header_above():
    # Kent 3-year revenue plan: page 2 goes on with "RESERVES" in the label column, no header.
    header = ["2024-25 Core £000s", "", "2024-25 Total £000s", "", "2025-26 Core £000s"]
    first = _table([header, ["1,429,506.8", "0.0", "1,429,506.8", "Original base budget", "1,530,923.8"]])
    rest = replace(
        _table(
            [
                ["", "", "", "RESERVES", ""],
                ["27,481.5", "", "27,481.5", "Contributions to Reserves", "42,884.9"],
                ["-14,877.4", "-1,350.5", "-16,227.9", "Drawdowns from Reserves", "-10,607.1"],
            ]
        ),
        page=19,
    )
    _, continued = read_document_kpis([first, rest])
    assert ("Contributions to Reserves", "2025-26 Core £000s", "42,884.9") in [
        (k.measure, k.period, k.value_raw) for k in continued
    ]


def test_a_boxed_form_read_as_a_table_gives_no_kpis():
    # Kent budget amendment form: the boxes' paragraphs become one "header" row over a "£75k".
    purpose = (
        "Amendment Name: Directorate: Proposer: Proposed Purpose: Allocate up to £75k from the money earmarked"
        " for general reserves to fund a comprehensive feasibility study into cost effective ways of providing"
        " home to school transport"
    )
    rows = [
        [purpose, "Home to School Transport – Feasibility Study", "Amendment Number: Seconder:", "", "2 Barry Lewis"],
        ["£75k", "", "", "Reduce Contribution to General Reserves", ""],
    ]
    assert read_kpis(_table(rows)) == []


def test_long_service_names_beside_a_summary_and_a_paragraph_are_the_measures() -> None:
    # Kent's finance monitoring, significant variances: "Key Service" names of 40-60 characters, a
    # short "Summary" and a "Detail" paragraph per row; the names are the measures.
    header = ("Key Service", "Revenue Budget", "Revenue Forecast", "Revenue Variance", "Summary", "Detail")
    rows = [
        ("Older People & Physical Disability Carer Support - Commissioned", "1.7", "2.6", "+0.9",
         "Activity pressures beyond budgeted levels",
         "Increasing levels of activity and costs associated with carer respite services, in line with the "
         "growth seen in previous years."),
        ("Provision for Demographic Growth - Residential Based Services", "12.5", "1.0", "-11.5",
         "Release of centrally held funds",
         "This is the release of centrally held funds to partly offset pressures across ASCH operational "
         "budgets, as growth has been experienced in the Key Services."),
        ("Adult Mental Health - Community Based Services", "21.2", "30.2", "+9.0",
         "Higher than budgeted demand",
         "Increased numbers of people supported in the community, and higher average costs of supported "
         "living and supporting independence services."),
    ]  # fmt: skip
    table = Table(page=10, x0=40.0, top=80.0, x1=800.0, bottom=500.0, rows=(header, *rows), method="stream")
    got = {(k.measure, k.period, k.value_raw) for k in read_kpis(table)}
    assert ("Adult Mental Health - Community Based Services", "Revenue Forecast", "30.2") in got
    assert {m for m, _, _ in got} == {r[0] for r in rows}


def test_the_short_names_not_their_paragraphs_are_the_measures():
    # Kent's reserves schedule (p36): "Headline Description" names repeat, "Brief Description"
    # paragraphs do not; the names are the measures, the paragraphs describe them.
    names = [
        "General Reserves repayment",
        "General Reserves",
        "Budget Stabilisation smoothing reserve",
        "Corporate Reserves contribution holiday",
        "General Reserves repayment",
        "Corporate Reserves contribution holiday",
        "General Reserves",
        "Corporate Reserves",
        "Budget Stabilisation smoothing reserve",
        "Corporate Reserves",
    ]
    paragraphs = [
        "Repay the General Reserve over two years (2024-25 & 2025-26) for the drawdown required in 2022-23 to "
        "fund the overspend",
        "Contribution to general reserves to rebuild financial resilience and provide for future risks, with a "
        "reserve balance of between 5% and 10% of net revenue budget considered minimal to acceptable",
        "Annual base budget contribution to budget stabilisation smoothing reserve",
        "Reinstate corporate contributions to reserves following one year payment holiday in 2025-26 facilitated "
        "by funding 2025-26 Oracle Cloud expenditure from flexible use of capital receipts instead of reserves.",
        "Removal of prior year repayment of General Reserve for the drawdown in 2022-23 to fund the overspend",
        "One year holiday from corporate contributions to reserves to reflect reduced reserve requirements given "
        "the proposal that Oracle Cloud expenditure will be met from flexible use of capital receipts rather than "
        "reserves in 2025-26",
        "Removal of prior year one-off contribution to general reserve",
        "Removal of one-off repayment of reserves in 2024-25",
        "Removal of prior year contribution to the budget stabilisation smoothing reserve",
        "Review of base budget contributions to reserves",
    ]
    figures = [
        "11,050.0",
        "2,086.3",
        "0.0",
        "0.0",
        "-11,050.0",
        "-8,021.0",
        "-5,100.0",
        "-4,289.7",
        "-3,199.0",
        "-43.3",
    ]
    refs = ["5", "6", "7", "8", "12", "13", "14", "15", "16", "18"]
    header = ("Row Ref", "Headline Description", "Brief Description", "2025-26 £000's")
    rows = (header, *zip(refs, names, paragraphs, figures, strict=True))
    table = Table(page=36, x0=23.2, top=54.3, x1=1166.5, bottom=800.0, rows=rows, method="pdfplumber")
    kpis = read_kpis(table)
    assert {k.measure for k in kpis} == set(names)
    assert ("Corporate Reserves", "2025-26 £000's", "-43.3") in {(k.measure, k.period, k.value_raw) for k in kpis}
