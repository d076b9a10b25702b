"""Forms of whitespace tables met in council reports, each built from a real page's words and
positions (the document named in each test; checked against the rendered page)."""

from __future__ import annotations

from extractors.centred_rows import BodyLine, centred_rows
from extractors.pages import Line, Page
from extractors.table_headers import parts
from extractors.table_model import Row, join_cell
from extractors.tables import read_tables

Word = tuple[str, float, float]


def _line(words: list[Word], top: float, size: float = 11.0) -> Line:
    return Line(" ".join(w for w, _, _ in words), words[0][1], top, words[-1][2], top + size, size, words=tuple(words))


def test_a_word_broken_at_a_line_end_is_rejoined_before_the_next_word():
    # Sutton Coldfield payments list: "Unrecoverabl" / "e VAT" in a narrow ruled header cell.
    assert join_cell("Unrecoverabl", "e VAT") == "Unrecoverable VAT"
    assert join_cell("Rent per room", "pa inc VAT") == "Rent per room pa inc VAT"  # a word of its own


def _kent_rows(figure_xs: list[tuple[float, float]], top: float) -> list[Line]:
    """Kent Q3 finance monitoring, 3c: right-aligned labels and three columns of £m."""
    labels = [("Environment & Circular Economy", 134.9, 296.9), ("Growth & Communities", 183.9, 297.0)]
    labels += [("Highways & Transportation", 164.9, 296.9)]
    values = [["97.3", "99.9", "+2.6"], ["31.3", "29.9", "-1.4"], ["72.9", "78.1", "+5.2"]]
    return [
        _line([label, *[(v, a, b) for v, (a, b) in zip(vals, figure_xs, strict=True)]], top + 18.8 * k)
        for k, (label, vals) in enumerate(zip(labels, values, strict=True))
    ]


def test_a_narrow_columns_heading_broken_over_staggered_lines_is_kept_whole():
    # Kent Q3 finance monitoring, 3c: "Revenu" / "e" / "Budget" stacked in each narrow column,
    # each column's lines half a line lower than its neighbour's.
    head = [
        _line([("Revenu", 381.3, 421.0), ("Revenu", 435.9, 475.6)], 32.9),
        _line([("Revenu", 325.8, 365.5)], 39.2),
        _line([("e", 414.9, 421.0), ("e", 469.5, 475.6)], 45.5),
        _line([("e", 359.4, 365.5)], 51.8),
        _line([("Forecas", 378.8, 421.0), ("Varianc", 435.9, 475.6)], 58.1),
        _line([("Budget", 327.7, 365.6)], 64.5),
        _line([("t", 417.3, 421.0), ("e", 469.5, 475.6)], 70.8),
    ]
    body = _kent_rows([(344.1, 365.5), (399.6, 421.0), (453.9, 475.6)], 89.6)
    (table,) = read_tables([Page(15, (*head, *body))])
    assert table.header == ("", "Revenue Budget", "Revenue Forecast", "Revenue Variance")
    assert table.n_rows == 4


def test_a_units_caption_over_the_header_is_not_a_group_header():
    # Kent Q3 finance monitoring, 3a: "All figures in £m" right-aligned over the last two columns.
    head = [
        _line([("All", 426.7, 439.0), ("figures", 442.0, 475.0), ("in", 478.1, 486.7), ("£m", 489.7, 505.0)], 78.4),
        _line([("Revenue", 337.4, 383.2), ("Revenue", 402.1, 448.0), ("Revenue", 459.1, 505.0)], 97.2),
        _line([("Budget", 345.4, 383.3), ("Forecast", 402.1, 448.0), ("Variance", 459.1, 505.0)], 109.9),
    ]
    body = _kent_rows([(355.7, 383.2), (420.5, 448.0), (477.2, 505.0)], 128.7)
    (table,) = read_tables([Page(7, (*head, *body))])
    assert table.header == ("", "Revenue Budget", "Revenue Forecast", "Revenue Variance")


def test_a_unit_centred_over_a_list_of_amounts_heads_it_and_bullets_are_not_cells():
    # West of England investment fund report: "£m" over a bulleted list of funding sources, under
    # the justified paragraph that introduces it.
    prose = [
        _line(
            [("1.", 72.0, 82.0), ("At the meeting of the West of England Mayoral Combined", 94.7, 501.4)], 218.1, 12.0
        ),
        _line([("Committee in October 2023, the Investment Fund time horizon was", 94.7, 501.4)], 234.0, 12.0),
        _line([("27/28 reinstating the 5-year rolling programme at that time. With the", 94.7, 501.4)], 249.8, 12.0),
        _line([("overprogramming agreed at the Committee meeting in October 2025, the", 94.7, 501.4)], 265.7, 12.0),
        _line([("available within this period is:", 94.7, 250.1)], 281.6, 12.0),
    ]
    unit = _line([("£m", 478.0, 494.7)], 309.5, 12.0)

    def item(label: str, x1: float, amount: str, a: float, top: float) -> Line:
        return _line([("•", 107.5, 113.0), (label, 121.7, x1), (amount, a, 501.4)], top, 12.0)

    rows = [
        item("Transforming Cities Funding (TCF)", 307.0, "80.0", 478.0, 342.8),
        item("One year succession to Local Growth Funding", 367.8, "7.4", 484.7, 359.5),
        item("Structured over-programming of delivery against spend (capital)", 460.5, "7.5", 484.7, 376.2),
        _line([("Total", 107.6, 134.3), ("454.9", 472.0, 502.0)], 392.0, 12.0),
    ]
    (table,) = read_tables([Page(3, (*prose, unit, *rows))])
    assert table.header == ("", "£m")
    assert table.rows[1] == ("Transforming Cities Funding (TCF)", "80.0")
    assert table.rows[-1] == ("Total", "454.9")


def _souldern_payments() -> list[Line]:
    """Souldern planning minutes (March 2018): payments made, each date over "online payment"."""
    lines = [_line([("Date", 72.0, 93.2), ("Payee", 144.0, 170.9), ("Description", 252.0, 303.0)], 268.9)]
    lines[0] = _line([*lines[0].words, ("Amount", 432.0, 468.2)], 268.9)
    paid = [("Cathy Fleet", "Clerk salary", "£82.00"), ("HMRC", "PAYE (Jan)", "£16.00"), ("SSE", "Plaques", "£27.62")]
    for k, (payee, what, amount) in enumerate(paid):
        top = 294.3 + 30.8 * k
        cells = [("26/01/18", 72.0, 114.0), (payee, 144.0, 194.2), (what, 252.0, 303.4), (amount, 432.0, 462.7)]
        lines += [_line(cells, top), _line([("online payment", 72.0, 142.1)], top + 15.4)]
    return lines


def test_a_heading_over_figures_set_out_anew_opens_a_table_of_its_own():
    # Souldern planning minutes: "Deposits made :" under the payments, its amounts in the payee column
    # (lines as printed, 139pt higher).
    deposits = [
        _line([("Deposits made :", 72.0, 147.8)], 402.1),
        _line([("26/01/18", 72.0, 114.0), ("£500", 144.0, 166.3), ("Playground Nearly New Sale", 216.0, 342.0)], 427.6),
        _line([("05/03/18", 72.0, 114.0), ("£1091.60", 144.0, 185.8), ("CDC New Homes payment", 216.0, 333.3)], 443.1),
    ]
    payments, banked = read_tables([Page(3, (*_souldern_payments(), *deposits))])
    assert payments.header == ("Date", "Payee", "Description", "Amount")
    assert payments.rows[-1] == ("26/01/18 online payment", "SSE", "Plaques", "£27.62")
    assert banked.title == "Deposits made :"
    assert banked.rows == (
        ("26/01/18", "£500", "Playground Nearly New Sale"),
        ("05/03/18", "£1091.60", "CDC New Homes payment"),
    )


def test_a_section_heading_over_figures_in_the_same_columns_stays_in_the_table():
    # Tintern Community Council budget: CAPITAL under the REVENUE rows, figures in the same columns
    # (and Kent's revenue plan: SPENDING under the base budget rows).
    def row(label: str, figures: list[str], top: float) -> Line:
        xs = [(240.4, 265.5), (346.4, 371.5), (452.4, 477.5)]
        return _line([(label, 57.0, 129.5), *[(f, a, b) for f, (a, b) in zip(figures, xs, strict=True) if f]], top)

    # Nothing spent above the heading yet: the section fills one more column of figures.
    lines = [row("Audit", ["400", "", "400"], 236.0), row("REVENUE TOTAL", ["6,870", "", "7,450"], 248.7)]
    lines += [_line([("CAPITAL", 57.0, 93.2)], 273.8), row("Village Hall", ["1,000", "817", "1,000"], 286.5)]
    lines += [row("Churchyards", ["500", "500", "500"], 299.0)]
    (table,) = read_tables([Page(1, tuple(lines))])
    assert [r[0] for r in table.rows] == ["Audit", "REVENUE TOTAL", "CAPITAL", "Village Hall", "Churchyards"]


# Kent Q3 finance monitoring, key service variances: label, summary and explanation centred on
# each row's figures; a paragraph gap inside an explanation is wider than the gap between rows.
KENT_VARIANCES: list[tuple[float, dict[int, str]]] = [
    (189.3, {4: "Activity and price", 5: "+£4.2m pressure relates to more"}),
    (200.8, {4: "pressures", 5: "packages, including an increase in"}),
    (212.3, {0: "Adult Mental Health -", 4: "beyond budgeted", 5: "to meet more complex needs."}),
    (223.8, {0: "Community Based", 1: "21.2", 2: "30.2", 3: "+9.0", 4: "levels, and"}),
    (235.3, {0: "Services", 4: "slippage in", 5: "Other pressures include +£4.6m from"}),
    (246.8, {4: "savings", 5: "+£0.3m from costs relating to"}),
    (258.3, {4: "programme."}),
    (276.0, {5: "+£3.4m pressure relates to homecare"}),
    (287.5, {5: "an increase in the average"}),
    (310.5, {5: "Other pressures include +£4.5m from"}),
    (316.2, {4: "Activity and price"}),
    (322.0, {0: "Older People -", 5: "anticipated to be achieved this"}),
    (327.7, {4: "pressures"}),
    (333.5, {0: "Community Based", 1: "35.4", 2: "41.7", 3: "+6.3", 5: "on contributions to the provision"}),
    (339.2, {4: "beyond budgeted"}),
    (345.0, {0: "Services"}),
    (350.7, {4: "levels"}),
    (356.5, {5: "The above pressures are offset"}),
    (368.0, {5: "older people community based services"}),
    (379.5, {5: "benefit from unrealised creditors from"}),
    (391.0, {5: "£0.5m."}),
]


def _body(lines: list[tuple[float, dict[int, str]]]) -> list[BodyLine]:
    return [(top, top + 10.0, {j: (text, 0.0, 0.0) for j, text in cells.items()}) for top, cells in lines]


def test_cells_centred_on_their_figures_are_shared_out_between_rows_by_centring():
    rows = centred_rows(_body(KENT_VARIANCES))
    assert rows is not None and len(rows) == 2
    first, second = (r.cells for r in rows)
    assert first[0][0] == "Adult Mental Health - Community Based Services"
    assert first[4][0] == "Activity and price pressures beyond budgeted levels, and slippage in savings programme."
    assert first[5][0].endswith("needs. Other pressures include +£4.6m from +£0.3m from costs relating to")
    assert second[0][0] == "Older People - Community Based Services" and second[1][0] == "35.4"
    assert second[5][0].startswith("+£3.4m pressure relates to homecare an increase in the average Other")
    assert second[5][0].endswith("creditors from £0.5m.")


def test_cells_printed_from_the_top_of_their_row_are_not_read_as_centred():
    # Souldern planning minutes: each payment's date over "online payment".
    lines = [(294.3 + 30.8 * k, {0: "26/01/18", 1: "HMRC", 2: "PAYE (Jan)", 3: "£16.00"}) for k in range(3)]
    lines += [(309.7 + 30.8 * k, {0: "online payment"}) for k in range(3)]
    assert centred_rows(_body(sorted(lines, key=lambda ln: ln[0]))) is None


def test_a_numbered_notes_heading_is_not_a_header_row():
    # Souldern Parish Council's 2016-17 accounts, notes: "2  Unrealisable Assets ..." over a lettered list.
    def asset(letter: str, name: str, value: str, x0: float, note: str, top: float) -> Line:
        cells = [(letter, 99.1, 104.8), (name, 126.2, 228.3), (value, x0, 409.3)]
        return _line([*cells, (note, 426.7, 487.3)] if note else cells, top, 10.2)

    lines = [
        _line([("2", 76.7, 82.3), ("Unrealisable Assets at 31st March 2014", 126.2, 306.5)], 256.8, 10.2),
        asset("a", "Recreation Field", "700.00", 378.1, "(historic cost)", 275.2),
        asset("b", "Playground equipment", "10,000.00", 363.9, "(historic cost)", 293.5),
        asset("c", "Village Green", "1.00", 389.4, "(nominal value)", 311.9),
        asset("e", "Bus Shelter", "3,844.25", 369.6, "", 348.6),
    ]
    (table,) = read_tables([Page(3, tuple(lines))])
    assert table.header == ("a", "Recreation Field", "700.00", "(historic cost)")
    assert table.rows[-1] == ("e", "Bus Shelter", "3,844.25", "")


def test_only_the_rows_up_to_the_next_heading_decide_whether_a_heading_opens_a_table():
    # Souldern's 2016-17 accounts: a bank reconciliation whose "Deduct unpresented cheques" stands
    # alone over its total, then the balance sheet with its "Debtors" column.
    def row(top: float, cells: dict[int, str]) -> Row:
        return Row(top, top + 10.2, 10.2, {j: (text, 0.0, 0.0) for j, text in cells.items()})

    rows = [
        row(119.8, {0: "Balance as per bank statement", 2: "10409.00"}),
        row(132.5, {0: "Add amounts not yet credited", 2: "0.00"}),
        row(145.2, {0: "Deduct unpresented cheques"}),
        row(157.9, {2: "10409.00"}),
        row(170.6, {0: "Balance sheet at end of March 2017"}),
        row(183.4, {0: "Long Term Assets", 2: "0.00"}),
        row(196.1, {0: "Current Assets", 1: "Debtors", 2: "956.54"}),
    ]
    (bank, _), (sheet, title) = parts(rows)
    assert [r.top for r in bank] == [119.8, 132.5, 145.2, 157.9]
    assert title == "Balance sheet at end of March 2017" and len(sheet) == 2


def _cells(cells: list[Word], top: float, size: float = 11.0) -> Line:
    """A line as pages.py reads it: its text split into cells at wide gaps."""
    split = len(cells) > 1
    return Line(
        " ".join(text for text, _, _ in cells),
        cells[0][1],
        top,
        cells[-1][2],
        top + size,
        size,
        cells=tuple(text for text, _, _ in cells) if split else (),
        spans=tuple((a, b) for _, a, b in cells) if split else (),
    )


def _recommendations(foot: Line) -> list[Page]:
    """Kent Q3 finance monitoring, "2 | Recommendations" (landscape): the first row at the foot of
    page 3, the rest on page 4, the last row's cells centred on its middle line."""
    numbered = [
        ("2.2", "Note the forecast overspend on Schools’ Delegated Budgets of £30.4m", 473.8, "3g", 629.2),
        ("2.3", "Note the forecast capital underspend of £111.6m", 364.9, "6", 623.1),
        ("2.4", "Consider and note the progress on the delivery of savings", 408.3, "4", 623.1),
        ("2.5", "Note and agree the Capital budget changes", 339.9, "7", 623.1),
    ]
    rows = [
        _cells([(no, 72.0, 87.3), (text, 127.0, end), (f"Please refer to Section {s}", 502.6, s_end)], 32.9 + 18.8 * k)
        for k, (no, text, end, s, s_end) in enumerate(numbered)
    ]
    rows += [
        _cells([("Note the Reserves Monitoring, Treasury Management and Prudential", 127.0, 463.3)], 108.2),
        _cells([("2.6", 72.0, 87.3), ("Please refer to Section 7, 8, and Appendix 3", 502.6, 717.9)], 114.6),
        _cells([("Indicators Monitoring", 127.0, 229.2)], 120.9),
        _cells(
            [("The forecast is set out in the sections below, with the reasons for each variance.", 72.0, 770.0)], 150.0
        ),
    ]
    heading = _cells([("2 | Recommendations", 72.0, 278.8)], 482.4, 20.0)
    return [Page(3, (heading, foot), width=841.9, height=595.3), Page(4, tuple(rows), width=841.9, height=595.3)]


def test_a_first_row_left_at_the_foot_of_a_page_and_a_centred_last_row_are_the_tables():
    first = [("2.1", 72.0, 87.3), ("Note the forecast revenue overspend of £23.3m", 127.0, 459.1)]
    first += [("Please refer to Section 3", 502.6, 623.1)]
    [table] = read_tables(_recommendations(_cells(first, 512.7)))
    assert table.title == "2 | Recommendations"
    assert [row[0] for row in table.rows] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert table.rows[-1] == (
        "2.6",
        "Note the Reserves Monitoring, Treasury Management and Prudential Indicators Monitoring",
        "Please refer to Section 7, 8, and Appendix 3",
    )
    assert table.row_pages == (3, 4, 4, 4, 4, 4)
    # A sentence at the foot of the page runs across the columns: no row of the table.
    prose = _cells(
        [("The Cabinet is asked to note the forecast and agree the changes set out below:", 72.0, 700.0)], 512.7
    )
    [table] = read_tables(_recommendations(prose))
    assert [row[0] for row in table.rows] == ["2.2", "2.3", "2.4", "2.5", "2.6"]


def test_a_dash_before_an_amount_at_a_line_end_is_no_broken_word():
    # Sutton Coldfield's grants table: "Four Oaks-" / "£200 New Hall-" / "£200" in a narrow cell.
    assert join_cell("Four Oaks-", "£200 New Hall-") == "Four Oaks- £200 New Hall-"
    assert join_cell("2024-", "25 budget") == "2024-25 budget"  # a range broken at its dash stays one
