"""Segmenting a pack and reading its agenda front sheet, from lines printed in the seed pack."""

from __future__ import annotations

from extractors.agenda import members, read_agenda
from extractors.pages import Line, Page
from extractors.segment import classify, segment, stamp_map, title_of
from models.vocab import DocumentKind, MembershipKind
from tests.conftest import placed


def line(text: str, top: float, size: float = 10.5, bold: bool = False, cells: tuple[str, ...] = ()) -> Line:
    return Line(text, 63.0, top, 500.0, top + size, size, bold, cells=cells)


def page(number: int, *texts: str, stamp: int | None = None) -> Page:
    """A page of plain lines, 14pt apart; a text starting with ** is a bold heading."""
    lines = tuple(
        line(t.removeprefix("**"), 70.0 + 14 * i, 11.5 if t.startswith("**") else 10.5, t.startswith("**"))
        for i, t in enumerate(texts)
    )
    return Page(number=number, lines=lines, stamp=stamp if stamp is not None else number)


def test_kind_from_the_first_lines() -> None:
    def kind(*texts: str) -> DocumentKind:
        return classify(page(1, *texts).lines)

    assert (
        kind(
            "Wiltshire Police and Crime Panel",
            "MINUTES OF THE WILTSHIRE POLICE AND CRIME PANEL MEETING HELD ON 27 JUNE 2024",
        )
        is DocumentKind.MINUTES
    )
    assert kind("AGENDA", "Meeting: Wiltshire Police and Crime Panel") is DocumentKind.AGENDA
    assert kind("Wiltshire Police and Crime Panel Forward Work Plan – September 2024") is DocumentKind.WORK_PLAN
    assert (
        kind("Meeting Police and Crime Panel", "Date 26th September 2024", "Report Title PCC Annual Report")
        is DocumentKind.REPORT
    )


def test_title_is_the_largest_type_at_the_top() -> None:
    lines = (line("MAKING WILTSHIRE SAFER", 70, 9.0), line("Police and Crime Panel Highlight report", 90, 16.0))
    assert title_of(lines) == "Police and Crime Panel Highlight report"


def test_pack_is_cut_at_the_pages_its_agenda_cites_and_at_blank_pages() -> None:
    pages = [
        page(1, "AGENDA", "**2 Minutes and Matters Arising (*Pages 3 - 4*)", "**3 Forward Work Plan (Pages 6 - 6)"),
        page(2, "This page is intentionally left blank"),
        page(
            3,
            "Wiltshire Police and Crime Panel",
            "MINUTES OF THE WILTSHIRE POLICE AND CRIME PANEL MEETING HELD ON 27 JUNE 2024",
        ),
        page(4, "The meeting closed at 12.30 pm"),
        page(5, "This page is intentionally left blank"),
        page(6, "Wiltshire Police and Crime Panel Forward Work Plan – September 2024"),
    ]
    sections = segment(pages)
    assert [(s.kind, s.first_page, s.last_page) for s in sections] == [
        (DocumentKind.AGENDA, 1, 1),
        (DocumentKind.MINUTES, 3, 4),
        (DocumentKind.WORK_PLAN, 6, 6),
    ]
    assert segment(pages[2:4]) == []  # cites nothing: not a pack


def test_printed_page_stamps_map_to_physical_pages() -> None:
    cover, body = page(1, "Cover"), page(2, "text")
    pages = [Page(1, cover.lines, stamp=None), Page(2, body.lines, stamp=7), Page(3, body.lines, stamp=8)]
    assert stamp_map(pages) == {7: 2, 8: 3}


def test_front_sheet_facts_members_and_items() -> None:
    front = Page(
        number=1,
        lines=(
            line("AGENDA", 60, 13.0, True),
            line(
                "Meeting: Wiltshire Police and Crime Panel", 80, cells=("Meeting:", "Wiltshire Police and Crime Panel")
            ),
            line(
                "Place: Committee Room 6, Swindon Borough Council Offices, Euclid St, Swindon SN1 2JH",
                94,
                cells=("Place:", "Committee Room 6, Swindon Borough Council Offices, Euclid St, Swindon SN1 2JH"),
            ),
            line("Date: Thursday 26 September 2024", 108, cells=("Date:", "Thursday 26 September 2024")),
            line("Time: 1.30 pm", 122, cells=("Time:", "1.30 pm")),
            line("Membership:", 150, bold=True),
            line("Cllr Steve Bucknell, Wiltshire Council (Chairman)", 164),
            line("Denisa Ahmeti (Co-Opted Member)", 178),
            line("Substitutes:", 200, bold=True),
            line(
                "Cllr Ernie Clark, Wiltshire Council Cllr Jon Hubbard, Wiltshire Council",
                214,
                cells=("Cllr Ernie Clark, Wiltshire Council", "Cllr Jon Hubbard, Wiltshire Council"),
            ),
            line("Recording and Broadcasting Information", 240),
        ),
    )
    items = page(
        2,
        "AGENDA",
        "Part I",
        "**1 Apologies for Absence",
        "To receive any apologies for absence.",
        "**2 Minutes and Matters Arising (*Pages 7 - 15*)",
        "To confirm the minutes.",
    )
    sheet = read_agenda([front, items])
    facts = sheet.meeting
    assert (facts.body, facts.date, facts.start_time) == ("Wiltshire Police and Crime Panel", "2024-09-26", "13:30")
    assert facts.venue.startswith("Committee Room 6, Swindon Borough Council Offices")
    assert [(m.name, m.role, m.kind) for m in sheet.members] == [
        ("Steve Bucknell", "Chairman", MembershipKind.MEMBER),
        ("Denisa Ahmeti", "Co-Opted Member", MembershipKind.MEMBER),
        ("Ernie Clark", "", MembershipKind.SUBSTITUTE),
        ("Jon Hubbard", "", MembershipKind.SUBSTITUTE),
    ]
    assert [(i.item_number, i.title, i.part, i.first_page, i.last_page) for i in sheet.items] == [
        ("1", "Apologies for Absence", "I", None, None),
        ("2", "Minutes and Matters Arising", "I", 7, 15),
    ]


def test_a_date_printed_over_a_line_break() -> None:
    # Hertingfordbury Parish Council summons, 4 Oct 2017.
    summons = page(
        1,
        "Members of the Council are hereby summoned and members of the public are invited",
        "to the meeting of Hertingfordbury Parish Council to be held on Wednesday 11th",
        "October 2017 at 1900.",
        "**1. APOLOGIES FOR ABSENCE",
        "**2. DECLARATIONS OF INTEREST",
    )
    assert read_agenda([summons]).meeting.date == "2017-10-11"


def test_the_summons_date_comes_before_dates_in_the_items() -> None:
    # Hertingfordbury: the first item cites the previous meeting's date, glued to the next word.
    summons = page(
        1,
        "Members of the Council are hereby summoned to a meeting to be held on Wednesday 11th",
        "October 2017 at 1900.",
        "**1. THE MINUTES",
        "To confirm the minutes of the meetings held on 13th September 2017and to",
    )
    assert read_agenda([summons]).meeting.date == "2017-10-11"


def test_an_agenda_item_stamp_does_not_make_a_report_an_agenda() -> None:
    # Kent supplement pack: "Agenda Item 9" stamped above a proposed record of decision.
    lines = page(3, "Agenda Item 9", "KENT COUNTY COUNCIL - PROPOSED RECORD OF DECISION").lines
    assert classify(lines) is DocumentKind.DECISION_NOTICE


def test_a_us_roll_call_is_the_membership_and_only_the_first_counts() -> None:
    """Rancho Palos Verdes: the council's roll call, then the Improvement Authority's after it."""
    lines = placed(
        "ROLL CALL:\nCouncilmember Alegria\nCouncilmember Cruikshank\nCouncilmember Dyda\nMayor Pro Tem Ferraro\n"
        "Mayor Bradley\nPLEDGE OF ALLEGIANCE: To be announced\nNewly appointed Mayor\nROLL CALL:\n"
        "Councilmember Alegria\nCouncilmember Seo\nRECYCLE AND EMERGENCY PERSONAL PREPAREDNESS KIT DRAWING:"
    )
    found = [(m.name, m.honorific) for m in members(lines)]
    assert found == [
        ("Alegria", "Councilmember"),
        ("Cruikshank", "Councilmember"),
        ("Dyda", "Councilmember"),
        ("Ferraro", "Mayor Pro Tem"),
        ("Bradley", "Mayor"),
    ]
