"""Item headings in the forms councils print them, each from lines copied out of a corpus PDF."""

from __future__ import annotations

from dataclasses import replace

from extractors.headings import numbered_headings
from tests.conftest import placed


def heads(text: str) -> list[tuple[str, str]]:
    return [(h.number, h.title) for h in numbered_headings(placed(text))]


def test_a_heading_in_the_other_weight_counts_when_its_number_comes_next() -> None:
    # Tintern minutes: the weight of a line follows its longer half, title bold or not.
    lines = """
2709. Police Report: Attached. Farm break-ins still occurring, please be vigilant.
**2710. Public Forum: No one present.
2711. Apologies for absence: Cllr Ashman, Hoskins, Shewell.
**2713. Approval of minutes of previous meeting: Approved & signed as correct.
"""
    assert heads(lines) == [
        ("2709", "Police Report"),
        ("2710", "Public Forum"),
        ("2711", "Apologies for absence"),
    ]


def test_a_paragraph_in_the_other_weight_gives_way_to_the_heading_that_carries_its_number() -> None:
    lines = """
**1. Apologies for absence
There were none.
**2. Matters arising
3. The clerk had written to the highways authority.
**3. Finance
"""
    assert heads(lines) == [("1", "Apologies for absence"), ("2", "Matters arising"), ("3", "Finance")]


def test_a_heading_printed_without_its_stop_counts_when_its_number_comes_next() -> None:
    # Souldern annual parish meeting: "4. Chairman's Report" ... "5 Financial Report".
    lines = """
3. Matters arising
None.
4. Chairman's Report
The Chairman thanked the volunteers.
5 Financial Report
"""
    assert [n for n, _ in heads(lines)] == ["3", "4", "5"]


def test_roman_numerals_number_top_level_items() -> None:
    # Cuyahoga Community College board agenda: lettered sections and numbered items sit inside.
    lines = """
I. ROLL CALL
II. ELECTION OF OFFICERS
III. APPROVAL OF THE MINUTES
IV. EXECUTIVE OFFICER REPORTS
V. COMMITTEE REPORTS
    A. COMMUNITY AFFAIRS/WORKFORCE
      1. Approval of Educational Grants and Gifts
VI. ADJOURNMENT
"""
    assert [n for n, _ in heads(lines)] == ["I", "II", "III", "IV", "V", "VI"]


def test_a_bold_title_runs_on_at_its_own_margin_but_not_into_a_bullet() -> None:
    # Burton-cum-Walden and Ayton minutes.
    lines = """
**10. Items of Interest or Concern from the NYC Parish Update, the YLCA White Rose
**Bulletin and the YLCA weekly News and Notifications
Councillors did not raise any items of interest.
**11. Planning Applications
**   • Erection of Greenhouse - The Old Glebe, Ayton. Supported. GD
"""
    assert [t for _, t in heads(lines)] == [
        "Items of Interest or Concern from the NYC Parish Update, the YLCA White Rose Bulletin and the YLCA weekly "
        "News and Notifications",
        "Planning Applications",
    ]


def test_a_misprinted_number_in_a_gap_of_one_is_still_an_item() -> None:
    # Sutton Coldfield amenities minutes print 56 as "6".
    lines = """
**55 Matters Arising
Committee resolved to note the matters arising.
**6 Community Grant Applications
Committee considered the following applications:
**57 Defibrillators
"""
    assert [n for n, _ in heads(lines)] == ["55", "6", "57"]


def test_a_title_ends_where_a_sentence_follows_a_spaced_dash() -> None:
    # Souldern agenda and minutes; the last two keep their dash (Souldern planning, Ayton minutes).
    lines = """
2 Declarations of Interest - to receive any declarations of interest from Councillors relating to items
3 To receive the minutes of the last meeting held on 25th September 2025
10 Finance - The following accounts were approved for payment
11 Parish Allowances - councillor remuneration
12 SBC Community Council Scheme Review - Ayton Community Council: Consider number of elected members
"""
    assert [t for _, t in heads(lines)] == [
        "Declarations of Interest",
        "To receive the minutes of the last meeting held on 25th September 2025",
        "Finance",
        "Parish Allowances - councillor remuneration",
        "SBC Community Council Scheme Review - Ayton Community Council: Consider number of elected members",
    ]


def test_a_title_ends_at_its_column() -> None:
    # Souldern agenda: the item's purpose is printed in a column right of its title.
    lines = [
        replace(p, line=replace(p.line, cells=cells))
        for p, cells in zip(
            placed("""
6 Correspondence To discuss correspondence received
7 Reports from County/District Councillors
9 Planning To discuss any new planning applications
  To discuss how best to inform residents of planned
"""),
            [
                ("6", "Correspondence", "To discuss correspondence received"),
                (),
                ("9", "Planning", "To discuss any new planning applications"),
                (),
            ],
            strict=True,
        )
    ]
    found = numbered_headings(lines)
    assert [h.title for h in found] == ["Correspondence", "Reports from County/District Councillors", "Planning"]
    assert found[0].rest == "To discuss correspondence received"


def test_a_list_of_meeting_dates_is_no_item() -> None:
    # Souldern agenda: "Proposed dates for 2026:" under item 10.
    lines = """
10 Finance
Proposed dates for 2026:
29 Jan, 26 Feb, 26 March,, 30 April, 28 May, 25 June, 30 July 24 Sept, 29 Oct, 26 Nov,
"""
    assert [n for n, _ in heads(lines)] == ["10"]
