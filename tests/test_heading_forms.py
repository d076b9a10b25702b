"""Item headings in the forms councils print them, each from lines copied out of a corpus PDF."""

from __future__ import annotations

from dataclasses import replace

from extractors.headings import numbered_headings
from extractors.minutes import read_minutes
from extractors.outline import item_headings
from extractors.pages import Page
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


def test_a_numbered_paragraph_where_an_item_was_skipped_is_no_item() -> None:
    # The same layout with item 56 withheld (exempt business): "2" shares no digit with 56.
    lines = """
**55 Matters Arising
Committee resolved to note the matters arising.
**2 Grants paid in the year were reported to Council
**57 Defibrillators
"""
    assert [n for n, _ in heads(lines)] == ["55", "57"]


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


def items(text: str) -> list[tuple[str, str]]:
    return [(h.number, h.title) for h in item_headings(placed(text))]


def test_a_colon_in_a_time_does_not_end_a_title_but_one_before_a_dash_does() -> None:
    # Tintern minutes "2719. Reports from Sub-Committees:- Finance ..."; Chicago SSA notes.
    lines = """
2719. Reports from Sub-Committees:- Finance. Consider adequacy of insurance cover.
2720. Meeting called to order at 9:08am
"""
    assert [t for _, t in heads(lines)] == ["Reports from Sub-Committees", "Meeting called to order at 9:08am"]


def test_labelled_blocks_are_items_numbered_by_their_order() -> None:
    # Hyndland parent council (a Google Docs template); "Presenter:" sits in a column of its own.
    lines = [
        replace(p, line=replace(p.line, cells=cells))
        for p, cells in zip(
            placed("""
Agenda item: Senior Leadership Team Presenter: Helen Brown
**Discussion:
Agenda Item Fundraising Presenter: Everyone
"""),
            [
                ("Agenda item:", "Senior Leadership Team", "Presenter:", "Helen Brown"),
                (),
                ("Agenda Item", "Fundraising", "Presenter:", "Everyone"),
            ],
            strict=True,
        )
    ]
    assert [(h.number, h.title) for h in item_headings(lines)] == [
        ("1", "Senior Leadership Team"),
        ("2", "Fundraising"),
    ]


def test_outermost_bullets_are_items_titled_by_their_lead_phrase() -> None:
    # Upper Dales patient group synopsis and Chicago SSA notes: sub-bullets ("o") stay inside.
    lines = """
\u2022 Dr Josh Milner will be joining the CDP March - October. He is a fully trained Military
   doctor who wants to become a GP.
\u2022 Collective Action update \u2013 The situation is still not resolved, and funding for Frailty &
   Pharmacy is going to be removed.
\u2022 The Step-up Step-down rooms at Sycamore Hall, Bainbridge and Kirkwood Hall,
   Leyburn will continue to be supported. This will allow more patients to use the rooms.
\u2022 Meeting called to order at 9:08am \u2013 M. Prest (motion), C. Dallas (second)
      o Commissioners Absent: Shelley Young, Pat Bader
"""
    assert items(lines) == [
        ("1", "Dr Josh Milner will be joining the CDP March - October."),
        ("2", "Collective Action update"),
        (
            "3",
            "The Step-up Step-down rooms at Sycamore Hall, Bainbridge and Kirkwood Hall, Leyburn will continue to be "
            "supported.",
        ),
        ("4", "Meeting called to order at 9:08am"),
    ]


def test_bold_section_headings_left_of_numbered_business_are_the_items() -> None:
    # Rancho Palos Verdes city council agenda: numbered business sits indented inside sections.
    lines = """
**NEXT ORDINANCE NO. 671
**CALL TO ORDER:
Mayor Bradley
**PLEDGE OF ALLEGIANCE: To be announced
The Mayor will lead the pledge.
**CEREMONIAL MATTERS AND CERTIFICATION OF ELECTION:
      1. Presentation to Mayor Bradley and Councilmember Dyda
      2. Remarks by invited Electeds/Representatives and Council Members
**RECESS TO RECEPTION: (30 mins)
A reception will be held to honor the outgoing and incoming Council Members.
"""
    assert items(lines) == [
        ("1", "CALL TO ORDER"),
        ("2", "PLEDGE OF ALLEGIANCE"),
        ("3", "CEREMONIAL MATTERS AND CERTIFICATION OF ELECTION"),
        ("4", "RECESS TO RECEPTION"),
    ]


def test_one_numbered_item_stands_against_bold_lines() -> None:
    # Kent's supplement letter: one item under bold lines that are no items.
    lines = """
**CABINET - THURSDAY, 30 JANUARY 2025
I am now able to enclose the following document that was unavailable.
**Agenda Item No
**9 24/00096 - Commissioning Plan for Education Provision in Kent 2025-29
"""
    assert items(lines) == [("9", "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29")]


def test_a_numbered_address_above_the_items_does_not_start_their_run() -> None:
    # A letterhead line (CIPFA's "77 Mansell Street") above Burton-cum-Walden's items.
    lines = """
77 Mansell Street, London, E1 8AN
1. Apologies
2. Declarations of interest
"""
    assert heads(lines) == [("1", "Apologies"), ("2", "Declarations of interest")]


def test_odd_lines_yield_no_items_and_never_raise() -> None:
    odd = ["", "I.", "IIIIII. X", "0. Zero", "9999. A", "\u2022", "Agenda item:", "**:", "**Agenda Item 9", "o"]
    for text in odd:
        assert isinstance(item_headings(placed(text)), list)
    assert item_headings([]) == []


def test_bullets_indented_under_bold_headings_are_their_points() -> None:
    # The form of unnumbered parish notes (written, no corpus document prints it): bold topics
    # at the margin, bullets indented under each; the topics are the items.
    lines = placed("""
**Finance
   \u2022 The invoice for grass cutting was approved for payment.
   \u2022 The bank reconciliation was received.
**Highways
   \u2022 The pothole on Church Lane has been reported.
""")
    assert [h.title for h in item_headings(lines)] == ["Finance", "Highways"]


def test_a_bullets_words_after_its_lead_phrase_open_its_item() -> None:
    # Chicago SSA #21 minutes: who moved and seconded follows the bullet's lead phrase.
    lines = placed("""
\uf0b7 Perfunctory Business
   o Commissioners Present: Melaina Prest, Chris Dallas, Zach Maiorca, Todd Feinberg
\uf0b7 Meeting called to order at 9:08am \u2013 M. Prest (motion), C. Dallas (second)
\uf0b7 Minutes from 11/30/17 meeting approved \u2013 Z. Maiorca (motion), T. Feinberg (second)
""")
    minutes = read_minutes([Page(number=1, lines=tuple(p.line for p in lines))])
    assert [i.title for i in minutes.items] == [
        "Perfunctory Business",
        "Meeting called to order at 9:08am",
        "Minutes from 11/30/17 meeting approved",
    ]
    movers = {d.item_number: (d.proposer, d.seconder) for d in minutes.decisions}
    proposer, seconder = movers["3"]  # resolved to the commissioners' full names in the document
    assert "Maiorca" in proposer and "Feinberg" in seconder
