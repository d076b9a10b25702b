"""Tables across page breaks: lines and boxes copied from corpus PDFs (pdfplumber coordinates)."""

from __future__ import annotations

from dataclasses import replace

from extractors.pages import Grid, Line, Page
from extractors.table_quality import TABLE_THRESHOLD, quality
from extractors.tables import Table, from_grid, join_continued

# WECA's delivery assurance report (2026-06-05, item 10), appendix of ruled project boxes: two
# columns ruled at x 101 | 185, box right edge 523; cell text starts 5pt inside the rules.
COLS = (101.0, 185.0)


def _line(text: str, x0: float, top: float, x1: float, size: float = 10.0) -> Line:
    return Line(text, x0, top, x1, top + size, size)


def _box(page: int, top: float, bottom: float, rows: list[tuple[str, str]], title: str = "") -> Table:
    return Table(
        page=page,
        x0=101.0,
        top=top,
        x1=523.0,
        bottom=bottom,
        rows=tuple(rows),
        method="pdfplumber",
        title=title,
        cols=COLS,
        pages=(page,),
        row_pages=(page,) * len(rows),
    )


# p10: the heading over the box starts at the prose margin (72); the box's cells at 106 and 191.
P10_LINES = (
    _line("South Gloucestershire Council", 72.0, 565.0, 290.0, 12.0),
    _line("Project Linking the Levels", 108.9, 600.0, 300.0),
    _line("Source: IF", 106.2, 700.0, 230.0),
    _line("Cost/ Spend: Reprofiling £4,211 from 25/26 to 26/27", 106.2, 733.0, 420.0),
    _line("Revised profile £146,568 24/25, £178,221 25/26 and £45,211 26/27", 191.0, 744.0, 460.0),
)
LINKING = _box(
    10,
    595.0,
    758.0,
    [
        ("Project", "Linking the Levels"),
        ("Source:", "IF"),
        ("Cost/ Spend:", "No change to overall funding Reprofiling £4,211 from 25/26 to 26/27"),
    ],
)
# p11: the box's last cell, merged across both columns, alone at the top, then the next box.
P11_LINES = (
    _line("Stated reason for change: Minor underspend in 25/26 and small change to cost headings.", 106.2, 82.1, 510.3),
    _line("Project Yate Park & Ride", 108.9, 121.0, 270.7),
    _line("Source: IF", 106.2, 230.0, 240.0),
)
YATE = _box(11, 116.0, 414.0, [("Project", "Yate Park & Ride"), ("Source:", "IF")])
# Many lines start at the prose margin, as in the report's body pages.
BODY = Page(number=1, lines=tuple(_line(f"Paragraph line {i}", 72.0, 80.0 + 14 * i, 520.0) for i in range(40)))


def _pages(p11_lines: tuple[Line, ...] = P11_LINES) -> list[Page]:
    return [BODY, Page(number=10, lines=P10_LINES), Page(number=11, lines=p11_lines)]


def test_a_lone_cell_at_the_top_of_the_next_page_is_the_boxs_last_row_and_the_next_box_stands_alone():
    joined = join_continued([LINKING, YATE], _pages())
    assert len(joined) == 2
    linking, yate = joined
    assert linking.rows[-1] == (P11_LINES[0].text, "")
    assert linking.pages == (10, 11) and linking.row_pages[-1] == 11
    assert yate.rows[0] == ("Project", "Yate Park & Ride")


def test_a_paragraph_at_the_prose_margin_is_not_a_lone_row():
    # Kent's quarterly performance report: the commentary after a KPI table starts at the margin.
    text = "Integrated Children's Services - Two of the eight indicators met target, the same as"
    prose = (_line(text, 72.0, 82.1, 510.0),)
    joined = join_continued([LINKING], _pages(prose))
    assert joined[0].rows == LINKING.rows and joined[0].pages == (10,)


def test_a_centred_caption_is_not_a_lone_row():
    # Sutton's payments list prints its title again, centred, at the top of its second page.
    caption = (_line("Payments Made 2017/18 exceeding £250", 230.0, 82.1, 420.0),)
    assert join_continued([LINKING], _pages(caption))[0].rows == LINKING.rows


def test_a_box_opening_like_the_last_is_the_next_record_not_its_continuation():
    # No lone row between them: Common Connections ends p11, Kingswood opens p12 (WECA).
    common = _box(11, 430.0, 758.0, [("Project", "Common Connections"), ("Source:", "IF")])
    kingswood = _box(12, 72.0, 337.0, [("Project", "Kingswood Regeneration Project"), ("Source:", "IF and EDF")])
    p11 = Page(number=11, lines=(_line("Project Common Connections", 108.9, 435.0, 300.0),))
    p12 = Page(number=12, lines=(_line("Project Kingswood Regeneration Project", 108.9, 77.0, 330.0),))
    assert len(join_continued([common, kingswood], [BODY, p11, p12])) == 2
    # The same page break with the body going on (no header of its own) is one table.
    rest = _box(12, 72.0, 337.0, [("Milestones:", "Delay of up to 7 months"), ("Quality:", "No change")])
    (whole,) = join_continued([common, rest], [BODY, p11, p12])
    assert whole.pages == (11, 12) and whole.rows[-1] == ("Quality:", "No change")


def test_a_table_under_its_own_heading_starts_anew_unless_the_heading_says_it_continues():
    # Kent's ICS priorities deck: each slide prints its title over the plan, header repeated.
    header = ("What we have committed to", "Led by")
    first = _box(27, 100.0, 758.0, [header, ("Co-develop a health, work & skills strategy", "Head of Economy")])
    slide = "Proposed Priorities to Improve Health and Wellbeing ~ GET"
    nxt = [header, ("Carry out risk assessments of KCC Services", "Head of Environment")]
    p27 = Page(number=27, lines=())
    p28 = Page(number=28, lines=(_line(slide, 40.0, 40.0, 600.0, 24.0),))
    assert len(join_continued([first, _box(28, 100.0, 400.0, nxt, title=slide)], [p27, p28])) == 2
    (whole,) = join_continued([first, _box(28, 100.0, 400.0, nxt, title="Table 4 (continued)")], [p27, p28])
    assert whole.rows[-1] == nxt[-1] and whole.rows.count(header) == 1


# Kent's ICS priorities deck, p30: a logframe slide's grid of shaded cells, every column named,
# the timescale mostly unset and progress empty; its indicators cite three or four figures each.
LOGFRAME = [
    ("Objectively Verifiable Indicators", "Timescale", "Progress"),
    (
        "Reduce the % of economically inactive people in the Kent & Medway workforce (aged 16 to 64) from "
        "20.9% in 2023 to the pre-pandemic level of 18.5% in 2019",
        "2028",
        "",
    ),
    (
        "By 2028, the proportion of children living in relative poverty in Kent and Medway will be reduced from "
        "18% in 2022 to 17%.",
        "",
        "",
    ),
    (
        "For the emissions we can influence to achieve net zero by 2045, with an ambition to reach an 80% "
        "reduction by 2036 to 2039.",
        "",
        "",
    ),
    (
        "By 2028/29, the proportion of people who feel lonely often or always will have reduced from 7.3% in "
        "2020/21 to no more than 5% across Kent and Medway.",
        "",
        "",
    ),
]
# Hyndland's minutes, p7, as Camelot's hybrid flavor reads it: a bulleted list under the action table.
ACTIONS_AND_LIST = [
    ("Action items", "Person responsible", "Deadline"),
    ("\u25cf Invite Afty to the next meeting.", "Helen", "Enter deadline here"),
    ("T o be discussed at the next meeting:", "", ""),
    ("\u25cf Charity status", "", ""),
    ("\u25cf Confirmation of social calender events", "", ""),
    ("\u25cf The use of Whats App community", "", ""),
]


def _grid(rows: list[tuple[str, str, str]], method: str) -> Table:
    return Table(page=30, x0=40.0, top=100.0, x1=900.0, bottom=500.0, rows=tuple(rows), method=method)


def test_a_ruled_grid_naming_every_column_is_a_table_though_most_cells_are_blank():
    assert quality(_grid(LOGFRAME, "pdfplumber")) >= TABLE_THRESHOLD


def test_blanks_read_by_whitespace_under_named_columns_still_count_against_a_table():
    assert quality(_grid(ACTIONS_AND_LIST, "hybrid")) < TABLE_THRESHOLD
    assert quality(_grid(ACTIONS_AND_LIST, "hybrid")) < quality(_grid(ACTIONS_AND_LIST[:2], "hybrid"))


def test_headings_centred_in_cells_of_their_own_stay_over_their_columns():
    # East Palo Alto's planning minutes (Granicus), roll call: each heading's cell is ruled 6pt right
    # of its column, leaving an empty sliver cell; the names' rows merge over sliver and heading cell.
    head = ("", "Attendee Name", "", "", "Title", "", "", "Status", "", "", "Arrived", "")
    row = ("Andrei Garcia", None, None, "Commissioner", None, None, "Late", None, None, "7:08 p.m.", None, None)
    cols = (102.0, 108.0, 254.0, 259.0, 265.0, 384.0, 389.0, 395.0, 454.0, 459.0, 465.0, 530.0)
    grid = Grid(x0=102.0, top=246.0, x1=537.0, bottom=379.0, rows=(head, row, row), cols=cols)
    table = from_grid(grid, 1)
    assert table is not None
    assert table.header == ("Attendee Name", "Title", "Status", "Arrived")
    assert table.rows[1] == ("Andrei Garcia", "Commissioner", "Late", "7:08 p.m.")


def _actions(page: int, top: float, bottom: float, rows: list[tuple[str, ...]]) -> Table:
    cols = (67.0, 129.0, 376.0, 425.0)
    return Table(
        page,
        67.0,
        top,
        545.0,
        bottom,
        tuple(rows),
        "pdfplumber",
        cols=cols,
        pages=(page,),
        row_pages=(page,) * len(rows),
    )


def test_a_row_the_page_broke_is_one_row() -> None:
    # Souldern's action list: the "Update" cell of Sept25.02 runs on at the top of the next page.
    first = _actions(1, 494.0, 716.0, [
        ("No", "Action", "Owner", "Update"),
        ("", "Plot at Bovewell - Action - NO will move fencing back", "", ""),
        ("Sept25.02", "Memorial bench outside village hall", "NO", "It was suggested that the pond may be a"),
    ])  # fmt: skip
    rest = _actions(2, 72.0, 264.0, [
        ("", "", "", "suitable location as the current bench in this location is older."),
        ("Sept25.03", "Bridleway to NBW - KG to contact OCC Bridleways", "KG", "KG has collected feedback."),
    ])  # fmt: skip
    pages = [Page(n, (), width=612.0, height=792.0) for n in (1, 2)]
    [table] = join_continued([first, rest], pages)
    assert [row[0] for row in table.rows] == ["No", "", "Sept25.02", "Sept25.03"]
    assert (
        table.rows[2][3]
        == "It was suggested that the pond may be a suitable location as the current bench in this location is older."
    )
    assert table.row_pages == (1, 1, 1, 2)
    # A row with no label of its own that starts afresh is a row ("Plot at Bovewell" at a page top).
    fresh = replace(rest, rows=(first.rows[1], *rest.rows[1:]))
    [table] = join_continued([first, fresh], pages)
    assert len(table.rows) == 5


def test_a_row_the_page_broke_may_go_on_with_a_list_beside_its_sentence() -> None:
    # Sutton Coldfield's community grants (Amenities Committee, 2018): the Park Run's summary runs
    # on over the page, and the wards' amounts beside it carry on as lines of a list.
    grants = _actions(4, 500.0, 760.0, [
        ("Organisation", "Project Summary", "Amount Requested", "Recommendation"),
        ("Sutton Coldfield Park Run", "Parkrun is a free run or walk open to all abilities which will take place",
         "Four Oaks - £167 New Hall-£167", "Rejected. Does not meet the criteria for the community grant."),
    ])  # fmt: skip
    rest = _actions(5, 72.0, 300.0, [
        ("", "every Saturday morning at 9am starting and finishing at Banners Gate.",
         "Trinity - £166 Vesey - £500 Total= £1,000", "Committee agreed that they would be keen to consider this."),
        ("Special Olympics Sutton Coldfield", "Special Olympics is seeking funding.", "£500", "Approved."),
    ])  # fmt: skip
    pages = [Page(n, (), width=612.0, height=792.0) for n in (4, 5)]
    [table] = join_continued([grants, rest], pages)
    assert [row[0] for row in table.rows] == [
        "Organisation",
        "Sutton Coldfield Park Run",
        "Special Olympics Sutton Coldfield",
    ]
    assert table.rows[1][2] == "Four Oaks - £167 New Hall-£167 Trinity - £166 Vesey - £500 Total= £1,000"
    # With no cell carrying on a sentence in lower case, a row with a blank label is a row of its own.
    fresh = replace(rest, rows=(("", "Every Saturday.", "Trinity - £166", "Committee agreed."), *rest.rows[1:]))
    [table] = join_continued([grants, fresh], pages)
    assert len(table.rows) == 4
