"""Item headings in the forms councils print them, each from lines copied out of a corpus PDF."""

from __future__ import annotations

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
