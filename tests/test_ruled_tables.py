"""Ruled tables (grids drawn by the PDF): forms, misaligned rules, headers; cells copied from real PDFs."""

from __future__ import annotations

from types import SimpleNamespace

from extractors.grid_cells import slotted
from extractors.pages import (
    Grid,
    Line,
    Page,
    PageSettings,
    _cell_text,
    _not_hidden_space,
    _open,
    _strip_margins,
    _unformed,
)
from extractors.table_model import cell_text
from extractors.tables import from_grid, stacked

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


# Kent's reserves schedule (budget amendments pack p36-38): A3 landscape, the header in a dark bar
# and the TOTAL rows in coloured bars, neither with column rules. Column edges of the grid:
RESERVES_EDGES = list(
    zip(
        (23.2, 58.8, 179.0, 245.0, 324.0, 495.0, 850.8, 897.3, 943.7, 990.2, 1115.0),
        (58.8, 179.0, 245.0, 324.0, 495.0, 850.8, 897.3, 943.7, 990.2, 1115.0, 1166.5),
        strict=True,
    )
)
RESERVES_HEAD = [
    ("Row", 25, 42, 58), ("Ref", 44, 57, 58), ("MTFP", 61, 82, 58), ("Category", 84, 121, 58),
    ("Directorate", 181, 228, 58), ("Cabinet", 247, 280, 58), ("Member", 281, 315, 58),
    ("Headline", 326, 363, 58), ("Description", 365, 413, 58), ("Brief", 497, 516, 58),
    ("Description", 518, 566, 58), ("2025-26", 862, 896, 58), ("2026-27", 909, 942, 58),
    ("2027-28", 955, 989, 58), ("Service", 992, 1023, 58), ("Area", 1024, 1043, 58), ("Core", 1117, 1137, 58),
    ("or", 1138, 1147, 58), ("£000's", 869, 896, 71), ("£000's", 915, 942, 71), ("£000's", 962, 989, 71),
    ("Externally", 1117, 1158, 71), ("Funded", 1117, 1148, 85),
]  # fmt: skip


def test_a_header_bar_without_column_rules_is_read_column_by_column():
    texts = slotted([(t, float(a), float(b), float(top)) for t, a, b, top in RESERVES_HEAD], RESERVES_EDGES)
    assert texts is not None
    assert [cell_text(t) for t in texts] == [
        "Row Ref",
        "MTFP Category",
        "Directorate",
        "Cabinet Member",
        "Headline Description",
        "Brief Description",
        "2025-26 £000's",
        "2026-27 £000's",
        "2027-28 £000's",
        "Service Area",
        "Core or Externally Funded",
    ]


def test_a_total_bar_puts_its_figures_under_their_columns():
    words = [
        ("TOTAL", 60.5, 86.1, 371.6), ("DRAWDOWNS", 87.9, 146.9, 371.6), ("FROM", 148.8, 173.1, 371.6),
        ("RESERVES", 174.9, 217.9, 371.6), ("-25,598", 864.6, 895.4, 371.6), ("-9,162", 916.1, 941.9, 371.6),
        ("-292", 970.2, 988.3, 371.6),
    ]  # fmt: skip
    # The bar is one cell from the second column to the last.
    texts = slotted(words, RESERVES_EDGES[1:])
    assert texts == ["TOTAL DRAWDOWNS FROM RESERVES", "", "", "", "", "-25,598", "-9,162", "-292", "", ""]


def test_a_caption_bar_and_a_paragraph_stay_one_cell():
    # Kent's amendment form (p39): the title bar and the purpose paragraph span every column.
    edges = [(43.8, 119.0), (119.0, 352.7), (352.7, 365.9), (365.9, 427.6), (427.6, 686.7)]
    caption = [("Budget", 260.0, 318.0, 50.0), ("Amendment", 322.0, 424.0, 50.0), ("Form", 428.0, 471.0, 50.0)]
    assert slotted(caption, edges) is None
    paragraph = [
        ("Allocate", 49.0, 91.7), ("up", 95.0, 108.4), ("to", 111.7, 121.7), ("£75k", 125.0, 151.1),
        ("from", 154.4, 178.4), ("the", 181.7, 198.4), ("money", 201.8, 237.8), ("earmarked", 241.1, 298.5),
        ("for", 301.8, 315.8), ("general", 319.1, 359.2), ("reserves", 362.5, 408.5), ("to", 411.8, 421.9),
        ("fund", 425.2, 448.5), ("a", 451.9, 458.5), ("comprehensive", 461.9, 543.3),
    ]  # fmt: skip
    assert slotted([(t, a, b, 203.1) for t, a, b in paragraph], edges) is None


def _char(text: str, x0: float, top: float, size: float, turned: bool) -> dict[str, object]:
    matrix = (0.0, -1.0, 1.0, 0.0, 38.5, 0.0) if turned else (1.0, 0.0, 0.0, 1.0, x0, 0.0)
    x1, bottom = (48.0, top + size) if turned else (x0 + 0.5 * size, top + size)
    box = {"x0": x0, "x1": x1, "top": top, "doctop": top, "bottom": bottom}
    return {"text": text, **box, "size": size, "matrix": matrix, "upright": True}


def test_a_page_stamp_printed_down_a_cell_is_not_its_text():
    # Kent's reserves schedule p36: row 9's "Row Ref" cell, with the pack's "Page 34" stamp set
    # sideways over it (letters and positions as the PDF gives them).
    stamp = [
        _char(t, 36.0, top, 6.67, True)
        for t, top in zip("Page 34", (410.1, 418.1, 424.8, 431.5, 438.1, 441.5, 448.1), strict=True)
    ]
    nine = _char("9", 38.54, 410.76, 9.96, False)
    page = SimpleNamespace(chars=[nine, *stamp], bbox=(0.0, 0.0, 1190.5, 841.8))
    cell = (23.2, 407.5, 58.8, 472.9)
    assert _cell_text(page, "Page 34 9", cell, stamp) == "9"  # type: ignore[arg-type]


def test_a_table_header_repeated_on_each_page_is_not_a_running_header():
    # Kent's reserves schedule (p36-38, A3 landscape 1190 x 842pt): the title and the table's
    # header row repeat at the top of each page; the title is a running header, the header row
    # lies inside the ruled table.
    title = Line("APPENDIX F: 2025-28 LABOUR GROUP ALTERNATIVE BUDGET - RESERVES", 349.5, 27.0, 840.1, 43.0)
    head = Line("Row Ref MTFP Category Directorate Cabinet Member Headline Description", 25.0, 58.0, 1158.0, 68.0)
    body = Line("1 Contributions to reserves GET Neil Baker Highways - renewals reserve", 36.0, 97.0, 1046.0, 107.0)
    grid = Grid(
        x0=23.2,
        top=54.3,
        x1=1166.5,
        bottom=800.0,
        rows=(("Row Ref", "MTFP"), ("1", "Contributions")),
        cols=(23.2, 58.8),
    )
    pages = [Page(n, (title, head, body), width=1190.5, height=841.8, grids=(grid,)) for n in (36, 37, 38)]
    for page in _strip_margins(pages, PageSettings()):
        assert [ln.text for ln in page.lines] == [head.text, body.text]
        assert page.margin_text == (title.text,)


def test_a_spreadsheet_title_cell_over_some_columns_is_the_caption():
    # Burton-cum-Walden's cash sheet: the title cell spans four of the columns, the rest are blank.
    grid = Grid(
        x0=54.0,
        top=72.0,
        x1=638.0,
        bottom=517.0,
        cols=(54.0, 84.0, 113.0, 142.0, 171.0, 199.0, 237.0),
        rows=(
            ("Cash Sheet - Payments 2024-5", None, None, None, "", "", ""),
            ("Date", "Details", None, None, "Cheque\nNumber", "Invoice\nNumber", "Amount\n£"),
            ("02-Apr", "YLCA", None, None, "101292", "1", "140.00"),
            ("02-Apr", "J W Alderson", None, None, "101293", "2", "25.00"),
        ),
    )
    table = from_grid(grid, 1)
    assert table is not None
    assert table.title == "Cash Sheet - Payments 2024-5"
    assert table.header == ("Date", "Details", "Cheque Number", "Invoice Number", "Amount £")


def test_boxes_stacked_under_one_header_are_one_table_in_sections() -> None:
    # WECA investment fund report p17: a header box, then one box per section, same column rules.
    cols = (100.3, 412.2, 483.1)
    first = Grid(
        100.3, 134.3, 553.8, 252.5, ((None, "Mar 2026", "Jun 2026"), ("Feasibility Studies", None, None)), cols
    )
    section = Grid(
        100.3,
        261.1,
        553.8,
        560.7,
        (("Business Case Development", None, None), ("Mass Transit", "10,981#", "10,981")),
        cols,
    )
    totals = Grid(100.3, 575.6, 553.8, 594.0, (("Completed Projects", "27,221", "28,816"),), cols)
    [table] = stacked([first, section, totals], ())
    assert (table.top, table.bottom) == (134.3, 594.0)
    assert [row[0] for row in table.rows] == [
        None,
        "Feasibility Studies",
        "Business Case Development",
        "Mass Transit",
        "Completed Projects",
    ]
    # A line printed between two boxes (a heading) keeps them two tables.
    heading = Line("Schemes in Delivery", 100.3, 562.0, 220.0, 573.0)
    assert len(stacked([first, section, totals], (heading,))) == 2


def test_a_box_that_opens_with_its_own_header_is_its_own_table() -> None:
    # Wiltshire PCP budget p61: "Financed by" is boxed right under the budget, same column rules.
    cols = (63.4, 336.4, 433.8)
    budget = Grid(63.4, 489.5, 532.9, 565.9, (("", "2023/24", "2024/25"), ("Staff costs", "1,234", "1,301")), cols)
    financed = Grid(
        63.4, 572.7, 532.9, 649.1, (("Financed by", "", ""), ("Home Office grant", "62,000", "62,000")), cols
    )
    assert len(stacked([budget, financed], ())) == 2


def test_the_header_unformed_no_rule_closes_is_read_from_the_page() -> None:
    # WECA investment fund p17: "Position as at:" heads the row labels in a header cell with no
    # rule above or on the left, which pdfplumber does not form; letters as the PDF places them.
    words = [("Position", 106.0), ("as", 158.0), ("at:", 174.0)]
    chars = [_char(ch, x0 + 6.1 * i, 137.6, 11.0, False) for word, x0 in words for i, ch in enumerate(word)] + [
        _char("Mar", 420.0, 137.6, 11.0, False)
    ]
    page = SimpleNamespace(chars=chars)
    assert _unformed(page, (100.3, 134.3, 412.2, 152.0)) == "Position as at:"  # type: ignore[arg-type]
    assert _unformed(page, (100.3, 160.0, 412.2, 178.0)) is None  # type: ignore[arg-type]


def test_a_space_drawn_a_point_below_the_letter_it_covers_does_not_split_the_word() -> None:
    # WECA investment fund p17: "Schemes in Delivery", a space glyph at top 581.29 over the "S"
    # at 580.39 (105.5-112.8); the space after "Schemes" still separates the words.
    chars = [
        {"object_type": "char", "text": " ", "x0": 107.15, "x1": 110.2, "top": 581.29},
        {"object_type": "char", "text": "S", "x0": 105.5, "x1": 112.84, "top": 580.39},
        {"object_type": "char", "text": "s", "x0": 147.7, "x1": 153.8, "top": 580.39},
        {"object_type": "char", "text": " ", "x0": 153.8, "x1": 156.9, "top": 580.39},
    ]
    keep = _not_hidden_space(chars)
    assert [c["text"] for c in chars if keep(c)] == ["S", "s", " "]


def test_a_box_whose_right_rule_slipped_still_stacks_under_the_header() -> None:
    # WECA investment fund p19: the second box's right rule is drawn 5pt further out, which makes
    # a fourth column that every row merges into the third.
    header = Grid(
        100.3,
        99.8,
        553.8,
        365.0,
        ((None, "Mar 26", "Jun 26"), ("Heat from Mines", "1,550", "1,550")),
        (100.3, 412.2, 483.1),
    )
    section = Grid(
        100.3,
        374.7,
        558.7,
        768.9,
        (("Business Case Development", None, None, None), ("Green Infrastructure", "300", "300", None)),
        (100.3, 412.2, 483.1, 546.9),
    )
    [table] = stacked([header, section], ())
    assert table.rows[-1] == ("Green Infrastructure", "300", "300")


def test_a_first_row_column_with_no_cell_formed_is_open_but_a_merged_one_is_not() -> None:
    # WECA investment fund p10: the row carried over the page has cells only for its label and
    # "£260,729"; "£381,353" and "£642,082" stand where pdfplumber formed no cell.
    cells = [(114.5, 72.0, 256.0, 106.0), None, (334.0, 72.0, 403.0, 106.0), None]
    assert [_open(None, cells, mid) for mid in (185.0, 295.0, 368.5, 439.5)] == [False, True, False, True]
    # A cell merged over two columns covers the second one: it is not open.
    merged = [(114.5, 72.0, 334.0, 106.0), None, (334.0, 72.0, 403.0, 106.0), (403.0, 72.0, 476.0, 106.0)]
    assert not _open(None, merged, 295.0)
