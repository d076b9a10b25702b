"""Unit tests for attendance, decisions and headings on short real passages."""

from extractors.attendance import read_attendance
from extractors.decisions import read_decisions
from extractors.headings import Placed, bodies, numbered_headings
from extractors.minutes import read_minutes
from extractors.pages import Line, Page
from models.vocab import AttendanceStatus, DecisionOutcome
from tests.conftest import placed

SEED_LIKE = """
Present:
Cllr Steve Bucknell (Chairman), Cllr Kelvin Nash and Cllr Gordon King
(Substitute)
Also Present:
Naji Darwish – Chief Executive and Monitoring Officer, OPCC
**38 Apologies for Absence
Apologies were received from:
Cllr Dr Brian Mathew – substituted by Cllr Gordon King
Louise Williams
The Chairman noted that a member had been replaced on the Panel by the newly elected member.
**39 Minutes and Matters Arising
Cllr Kelvin Nash arrived at 10:39am.
On the proposal of Cllr Steve Bucknell, seconded by Cllr Kelvin Nash, it was resolved to make the:
**Decision
To approve the minutes of the meeting held on 7 March 2024 as a true and correct record.
"""


def _attendance(text: str) -> dict[str, object]:
    lines = placed(text)
    heads = numbered_headings(lines)
    return {a.name: a for a in read_attendance(lines, heads, bodies(lines, heads))}


def test_present_also_present_and_apologies_with_substitution() -> None:
    people = _attendance(SEED_LIKE)
    assert people["Steve Bucknell"].status == AttendanceStatus.PRESENT
    assert people["Steve Bucknell"].role == "Chairman"
    assert people["Naji Darwish"].status == AttendanceStatus.ALSO_PRESENT
    assert people["Naji Darwish"].role == "Chief Executive and Monitoring Officer, OPCC"
    assert people["Brian Mathew"].status == AttendanceStatus.APOLOGIES
    assert people["Louise Williams"].status == AttendanceStatus.APOLOGIES
    assert people["Gordon King"].substitute_for == "Brian Mathew"
    assert people["Kelvin Nash"].arrived_at == "10:39"
    assert not any("Chairman noted" in name for name in people)


def test_decision_under_heading_with_movers() -> None:
    lines = placed(SEED_LIKE)
    heads = numbered_headings(lines)
    decisions = read_decisions(bodies(lines, heads)[1])
    assert len(decisions) == 1
    d = decisions[0]
    assert d.text.startswith("To approve the minutes")
    assert (d.proposer, d.seconder) == ("Cllr Steve Bucknell", "Cllr Kelvin Nash")
    assert d.outcome == DecisionOutcome.APPROVED


def test_kent_resolved_paragraph_and_bristol_vote() -> None:
    kent = read_decisions(placed("RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record"))
    assert kent[0].text.startswith("RESOLVED that the minutes")
    bristol = read_decisions(
        placed(
            "The recommendation was moved by Councillor Plowden and seconded by Councillor Bryher.\n"
            "On being put to the vote the recommendation was LOST (4 members voting in favour, 5 against).\n"
            "\n"
        )
    )
    assert bristol == []


def test_numbered_paragraphs_inside_items_are_not_headings() -> None:
    lines = placed(
        "**84. Apologies\n1. Mr R Gough, Leader of the Council provided an update\n**85. Declarations of Interest"
    )
    assert [h.number for h in numbered_headings(lines)] == ["84", "85"]


def test_date_line_is_not_an_item() -> None:
    lines = placed("**12 September 2024 at 5.00 pm\n**1 Welcome, Introductions and Safety Information")
    assert [h.title for h in numbered_headings(lines)] == ["Welcome, Introductions and Safety Information"]


def test_minutes_title_block() -> None:
    text = (
        "MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions\n"
        "House, County Hall, Maidstone on Thursday, 30 January 2025.\n"
        "PRESENT: Mr R W Gough (Chairman), Mr N Baker\n"
        "**84. Apologies\n"
        "(Duration of meeting: 10.00 am - 12.15 pm)\n"
    )
    facts = read_minutes([Page(1, tuple(p.line for p in placed(text)))]).meeting
    assert (facts.body, facts.date, facts.start_time, facts.end_time) == ("Cabinet", "2025-01-30", "10:00", "12:15")
    assert facts.venue == "Council Chamber, Sessions House, County Hall, Maidstone"


def test_minutes_without_numbered_items_read_without_error() -> None:
    # A one-line minutes page: no numbered item, so no heading to cut bodies at.
    lines = placed("Minutes of the meeting held on 3 March 2025")
    assert bodies(lines, []) == []


def test_substitution_with_any_title_councils_print() -> None:
    # The seed pack's substitution line with titles the old attendance pattern did not know.
    text = SEED_LIKE.replace("Cllr Dr Brian Mathew", "Revd Brian Mathew").replace(
        "Cllr Gordon King", "Lord Gordon King"
    )
    people = _attendance(text)
    assert people["Gordon King"].substitute_for == "Brian Mathew"


def test_dotted_item_numbers_in_sequence() -> None:
    # Souldern Parish Council minutes, 30 Oct 2025: month.year.item numbers.
    lines = placed(
        "10.25.01 Apologies for absence\nCllr A sent apologies.\n10.25.02 Declarations of Interests\nNone.\n"
        "10.25.03 To receive the minutes of the last parish council meeting\nApproved."
    )
    assert [(h.number, h.title) for h in numbered_headings(lines)] == [
        ("10.25.01", "Apologies for absence"),
        ("10.25.02", "Declarations of Interests"),
        ("10.25.03", "To receive the minutes of the last parish council meeting"),
    ]


def test_references_to_earlier_dotted_items_are_not_headings() -> None:
    # Souldern planning minutes, 22 Mar 2018: the clerk's report cites January's action numbers.
    lines = placed(
        "**03.18.04 Public participation\nNone.\n**03.18.05 Clerks report and actions from previous meeting\n"
        "01.18.04 NO to contact Heyfordian Buses to discuss solution to damage\n**03.18.06 Updates:"
    )
    assert [h.number for h in numbered_headings(lines)] == ["03.18.04", "03.18.05", "03.18.06"]


def test_run_on_four_digit_numbers_and_titles_before_a_colon() -> None:
    # Tintern Community Council minutes, 24 Jun 2019: numbers run on from meeting to meeting.
    lines = placed(
        "2709. Police Report: Attached. Farm break-ins still occurring, please be vigilant.\n"
        "2710. Public Forum: No one present.\n"
        "2711. Apologies for absence: Cllr Ashman, Hoskins, Shewell."
    )
    assert [(h.number, h.title) for h in numbered_headings(lines)] == [
        ("2709", "Police Report"),
        ("2710", "Public Forum"),
        ("2711", "Apologies for absence"),
    ]


def test_text_indented_under_a_short_title_is_not_part_of_it() -> None:
    # Souldern minutes, 30 Oct 2025: short titles at 72pt, their text indented to 134pt beneath.
    printed = [
        (72, "10.25.01 Apologies for absence"),
        (134, "Apologies were received from Cllr Smith and from the Clerk, who was on leave."),
        (72, "10.25.02 Finance"),
    ]
    lines = [
        Placed(1, Line(text, x0, 70.0 + 14 * i, x0 + 5.2 * len(text), 80.5 + 14 * i, 10.5))
        for i, (x0, text) in enumerate(printed)
    ]
    assert [h.title for h in numbered_headings(lines)] == ["Apologies for absence", "Finance"]


def test_decisions_inside_a_paragraph() -> None:
    # Hertingfordbury Parish Council minutes, 11 Oct 2017, item 62.
    body = placed(
        "Wheatley Oak Tree. It was agreed to refund Mrs Joan Wheatley for the cost of her purchasing a\n"
        "replacement oak tree. Broken Len Rose Seat in Foxdells. It was agreed to replace the bench."
    )
    assert [d.text for d in read_decisions(body)] == [
        "It was agreed to refund Mrs Joan Wheatley for the cost of her purchasing a replacement oak tree.",
        "It was agreed to replace the bench.",
    ]


def test_movers_in_the_active_voice() -> None:
    # Kent County Council budget minutes, 13 Feb 2025, item 286.
    [decision] = read_decisions(
        placed("(2) Mr Oakford proposed, and Mr Gough seconded the motion that:\nRESOLVED that the budget be approved.")
    )
    assert (decision.proposer, decision.seconder) == ("Mr Oakford", "Mr Gough")


def _cells_line(cells: tuple[str, ...], i: int) -> Placed:
    return Placed(1, Line(" ".join(cells), 63.0, 70.0 + 14 * i, 500.0, 80.5 + 14 * i, 10.5, cells=cells))


def test_roll_call_table() -> None:
    # East Palo Alto Planning Commission minutes, 27 Jan 2020, item 1.
    rows = [
        ("1.", "CALL TO ORDER AND ROLL CALL"),
        ("Attendee Name", "Title", "Status", "Arrived"),
        ("Andrei Garcia", "Commissioner", "Late", "7:08 p.m."),
        ("Robert Allen Fisk", "Commissioner", "Present"),
        ("Uriel Hernandez", "Commissioner", "Absent"),
        ("2.", "APPROVAL OF THE AGENDA"),
    ]
    lines = [_cells_line(row, i) for i, row in enumerate(rows)]
    heads = numbered_headings(lines)
    people = {a.name: a for a in read_attendance(lines, heads, bodies(lines, heads))}
    assert {n: (a.status, a.role, a.arrived_at) for n, a in people.items()} == {
        "Andrei Garcia": ("present", "Commissioner", "19:08"),
        "Robert Allen Fisk": ("present", "Commissioner", ""),
        "Uriel Hernandez": ("absent", "Commissioner", ""),
    }


def test_names_printed_beside_their_initials() -> None:
    # Ayton Community Council minutes, 4 Jun 2019: two columns of "Name | INITIALS".
    rows = [
        ("Present:", "Kenny Combe", "KC", "Catherine Chisholm", "CC"),
        ("Graham Dolan", "GD", "Jim Fullarton (SBC)", "JF"),
        ("In Attendance:", "Five members of the public"),
        ("1. Police Report",),
    ]
    lines = [_cells_line(row, i) for i, row in enumerate(rows)]
    heads = numbered_headings(lines)
    present = [a.name for a in read_attendance(lines, heads, bodies(lines, heads)) if a.status == "present"]
    assert present == ["Kenny Combe", "Catherine Chisholm", "Graham Dolan", "Jim Fullarton"]


def _facts(text: str) -> tuple[str, str]:
    meeting = read_minutes([Page(1, tuple(p.line for p in placed(text)))]).meeting
    return meeting.start_time, meeting.venue


def test_time_and_venue_after_held() -> None:
    # Hertingfordbury Parish Council minutes, 11 Oct 2017.
    hert = _facts(
        "MINUTES OF THE MEETING OF HERTINGFORDBURY PARISH COUNCIL HELD ON WEDNESDAY 11TH OCTOBER 2017\n"
        "AT 19.00 IN HERTINGFORDBURY COWPER SCHOOL\n"
        "Present: Cllr A Smith\n"
        "55. Apologies"
    )
    assert hert == ("19:00", "HERTINGFORDBURY COWPER SCHOOL")
    # Tintern Community Council minutes, 24 Jun 2019.
    tintern = _facts(
        "Minutes of Tintern Community Council held on Monday 24th June 2019\n"
        "at 7.00pm in Tintern Village Hall\n"
        "Present: Cllr Hayward\n"
        "2709. Police Report: Attached."
    )
    assert tintern == ("19:00", "Tintern Village Hall")


def test_a_sub_heading_inside_an_item_is_no_part_of_the_sentence_after_it() -> None:
    # Hertingfordbury Parish Council minutes: "(c) Audit" over "The Clerk will prepare the budget ...".
    from extractors.headings import Placed
    from extractors.minutes import _passage
    from extractors.pages import Line

    lines = [
        Line("(c) Audit", 72.0, 100.0, 120.0, 111.0, 11.0),
        Line(
            "The Clerk will prepare the budget and circulate the papers for Councillors",
            72.0,
            113.0,
            520.0,
            124.0,
            11.0,
        ),
        Line("attention.", 72.0, 126.0, 120.0, 137.0, 11.0),
    ]
    passage = _passage("63", [Placed(3, line) for line in lines], [], None)
    assert passage.text.startswith("(c) Audit\n\nThe Clerk will prepare") and passage.text.endswith(
        "Councillors attention."
    )
