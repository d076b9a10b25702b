"""Is it a table? `quality` on tables whose cells are copied from corpus PDFs, and on things ruled like tables."""

from __future__ import annotations

from extractors.table_quality import TABLE_THRESHOLD, figure_purity, quality
from extractors.tables import Table


def _table(rows: list[list[str]], method: str = "pdfplumber") -> Table:
    return Table(page=1, x0=50, top=100, x1=550, bottom=300, rows=tuple(map(tuple, rows)), method=method)


# Kent's record of decision 24/00093, p3: a ruled contracts table.
CONTRACTS = [
    ["Provider", "Area", "Contract End Date", "Contract value per Annum"],
    ["Millmead", "Margate", "31/03/2025", "£222,127.44"],
    ["Seashells", "Sheerness", "31/03/2025", "£204,302.16"],
    ["Totals", "", "", "£426,429.60"],
]
# The same record, p6: a ruled two-column table of options, each reason a sentence or three.
OPTIONS = [
    ["Option", "Discounted because"],
    ["1", "Not discounted – this is the decision proposal."],
    [
        "2",
        "Would not achieve the full MTFP saving agreed by Council. Would require cuts elsewhere to areas that have "
        "already been cut. Would retain inconsistency in our delivery model.",
    ],
    ["5", "Would not achieve the full MTFP saving as agreed by Council."],
    ["6", "Would not achieve the full MTFP saving as agreed by Council."],
]
# The same page: a ruled box around a bulleted paragraph.
BOXED_PROSE = [
    ["Alternatives considered"],
    [
        "• Option 1: Do not renew the two commissioned contracts and provide services within existing KCC locations "
        "(the decision proposal). • Option 2: Reprocure significantly reduced contracts. • Option 3: Reprocure "
        "comparable contracts and close other Family Hub locations in other areas"
    ],
]
# Bedford's CIPFA library return, p1: a form of field labels ruled as a spreadsheet grid.
CONTACT_FORM = [
    ["Contact Details", "", "", "", "", "", "", "", "", ""],
    ["For CIPFA Use", "", "", "", "", "", "", "", "", ""],
    ["Name of Authority :", "", "", "Bedford", "", "", "E0202", "", "", ""],
    ["Library Service Contact:", "", "", "", "", "", "", "", "", ""],
    ["Name :", "", "Jenny Poad", "", "Job Title:", "Head of Libraries", "Tel :", "01234 718170", "", ""],
    ["Email :", "", "jenny.poad@bedford.gov.uk", "", "", "", "", "", "", ""],
    ["Finance Contact:", "", "", "", "", "", "", "", "", ""],
    ["Name :", "", "Steve Bochaton", "", "Job Title:", "Finance Advisor", "Tel :", "01234 276947", "", ""],
    ["Email :", "", "Steve.Bochaton@bedford.gov.uk", "", "", "", "", "", "", ""],
    ["Additional Contacts:", "", "", "", "", "", "", "", "", ""],
]
# The same return, p1: an introduction boxed in the spreadsheet's cells, one filled cell a row.
INTRODUCTION = [
    ["Introduction", "", "", "", "", "", ""],
    ["Welcome to CIPFA's Public Library Statistics 2017 Questionnaire.", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    [
        "",
        "The answer to all questions in the main body of the Questionnaire should exclude details of services "
        "provided to educational establishments, prisons and hospitals - and any other rechargeable services.",
        "",
        "",
        "",
        "",
        "",
    ],
    ["", "", "", "", "", "", ""],
    [
        "",
        "Please complete and email this questionnaire by Friday 14 July 2017 Email address to return questionnaire: "
        "libraries@cipfa.org Please refer to the notes of guidance before completing this form.",
        "",
        "",
        "",
        "",
        "",
    ],
    ["", "", "", "", "", "", ""],
    [
        "Thank you for your collaboration. If you have any questions or problems do not hesitate to contact",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["by email: libraries@cipfa.org", "", "", "", "", "", ""],
    ["or by telephone: 020 7543 5865", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["Date", "", "modified: 02 June 2017", "", "", "", ""],
]
# Kent's Q3 2024-25 quarterly performance report, p8-9: a ruled box of two officers' names, a
# KPI dashboard tile's ruled strip, and the ruled "KPI Summary" table beside them.
OFFICERS = [["Cabinet Member", "Dylan Jeffrey"], ["Corporate Director", "Amanda Beer"]]
TILE = [
    ["Percentage of phone calls to Contact Point which were answered", "", "", "GREEN"],
    ["Latest: 94%", "Target: 90%, Floor: 85%", "Previous: 89% (Amber)", ""],
]
KPI_SUMMARY = [["KPI Summary", "GREEN", "AMBER", "RED", "", ""], ["", "2", "", "1", "2", "1"]]
# Tintern's 2018-19 budget: an unruled table of figures.
BUDGET = [
    ["ITEM", "Budget 2017-18", "Spent", "Budget 2018-19", "Spent"],
    ["REVENUE", "", "", "", ""],
    ["Clerk's Salary", "3,500", "3,421", "3,500", ""],
    ["Clerk's Home Allowance", "350", "350", "350", ""],
    ["Clerk's Expenses", "400", "407", "400", ""],
    ["Training", "0", "55", "50", ""],
    ["Cllr Expenses", "100", "0", "0", ""],
    ["Chair's Honoraria", "300", "300", "300", ""],
    ["Village Hall Hire", "150", "130", "150", ""],
]


def test_real_tables_score_at_or_above_the_threshold():
    for rows in (CONTRACTS, OPTIONS):
        assert quality(_table(rows)) >= TABLE_THRESHOLD
    assert quality(_table(BUDGET, method="stream")) >= TABLE_THRESHOLD
    assert quality(_table(KPI_SUMMARY)) >= TABLE_THRESHOLD


def test_boxed_prose_and_forms_score_below_the_threshold():
    assert quality(_table(BOXED_PROSE)) < TABLE_THRESHOLD
    assert quality(_table(CONTACT_FORM)) < TABLE_THRESHOLD
    assert quality(_table(INTRODUCTION)) < TABLE_THRESHOLD


def test_a_box_of_labelled_names_and_a_dashboard_tile_are_not_tables():
    assert quality(_table(OFFICERS)) < TABLE_THRESHOLD
    assert quality(_table(TILE)) < TABLE_THRESHOLD


def test_drawn_rules_count_for_a_table():
    assert quality(_table(CONTRACTS, method="pdfplumber")) > quality(_table(CONTRACTS, method="stream"))


def test_a_figures_column_with_a_caption_in_it_is_less_pure():
    # An infographic's figure and caption in one cell (WECA's investment fund report, p24).
    tile = [row[:] for row in CONTRACTS]
    tile[2][3] = "4.3 million additional meals for people in need"
    assert figure_purity(tile[1:]) < figure_purity(CONTRACTS[1:]) == 1.0
    assert quality(_table(tile)) < quality(_table(CONTRACTS))


def test_a_text_table_with_no_figures_is_not_marked_down_for_it():
    assert figure_purity(OPTIONS[1:]) == 1.0


def test_one_row_or_one_column_is_no_table():
    assert quality(_table([["Total Investment Programme up to March 2028", "454,900", "454,900"]])) == 0.0
    assert quality(_table([["Option"], ["Not discounted – this is the decision proposal."]])) == 0.0
    assert quality(_table([])) == 0.0
