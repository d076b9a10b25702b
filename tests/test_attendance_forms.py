"""The forms councils print attendance in, each from a line of a real set of minutes."""

from extractors.attendance import read_attendance
from extractors.headings import Placed, bodies, numbered_headings
from extractors.names import looks_like_name, parse_person, split_people
from extractors.outline import item_headings
from extractors.pages import Line
from models import AttendanceRecord
from models.vocab import AttendanceStatus
from tests.conftest import placed

PRESENT, ALSO, APOLOGIES, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ALSO_PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
)


def _read(lines: list[Placed]) -> list[AttendanceRecord]:
    heads = numbered_headings(lines)
    return read_attendance(lines, heads, bodies(lines, heads))


def _by_name(text: str) -> dict[str, AttendanceRecord]:
    return {a.name: a for a in _read(placed(text))}


def _row(cells: list[tuple[str, float]], i: int, bold: bool = False) -> Placed:
    """A line of cells at the given left edges, each about 5pt a character wide."""
    spans = tuple((x0, x0 + 5.0 * len(text)) for text, x0 in cells)
    texts = tuple(text for text, _ in cells)
    top = 70.0 + 14 * i
    line = Line(" ".join(texts), spans[0][0], top, spans[-1][1], top + 10.5, 10.5, bold, texts, spans)
    return Placed(1, line)


def test_label_in_a_cell_of_its_own_without_a_colon() -> None:
    # Ayton Community Council minutes, 3 Nov 2009: "PRESENT" beside two columns of name | initials.
    rows = [
        [("PRESENT", 63.0), ("Rob Boyd (Chair)", 139.0), ("RB", 250.0), ("Norman Robertson", 300.0), ("NR", 420.0)],
        [("Audrey Cruickshank", 139.0), ("AC", 250.0), ("Dick Noble", 300.0), ("DN", 420.0)],
        [("1 Police Report", 63.0)],
    ]
    people = {a.name: a for a in _read([_row(r, i) for i, r in enumerate(rows)])}
    assert list(people) == ["Rob Boyd", "Norman Robertson", "Audrey Cruickshank", "Dick Noble"]
    assert people["Rob Boyd"].role == "Chair"


def test_bulleted_labels_of_groups() -> None:
    # Chicago Lincoln Square SSA #21 commission minutes, 29 Jan 2018: bullets as printed characters.
    people = _by_name("""
\uf0b7 Perfunctory Business
o Commissioners Present: Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,
Ben Munro, Todd Feinberg
o Others Present: Ryan Warsing (LSRCC), Sean Cooper (LSRCC), Kimberly Bares (PLACE
Consulting), Jeremy Barndt (PLACE), Tony Pelikan (PLACE), Simone Martin-Newberry
o Commissioners Absent: Shelley Young, Pat Bader
\uf0b7 Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)
""")
    assert people["Todd Feinberg"].status == PRESENT
    assert people["Kimberly Bares"].status == ALSO
    assert people["Kimberly Bares"].role == "PLACE Consulting"
    assert people["Simone Martin-Newberry"].status == ALSO
    assert people["Pat Bader"].status == ABSENT
    assert len(people) == 14


def test_lists_inside_the_first_item_when_none_come_before_it() -> None:
    # The same Chicago minutes read with their bullets as items: the lists sit in item 1.
    lines = placed("""
Minutes from Monday, January 29, 2018 \u2013 9:00am at Carbon Arc Bar & Board
\uf0b7 Perfunctory Business
  o Commissioners Present: Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,
    Ben Munro, Todd Feinberg
  o Commissioners Absent: Shelley Young, Pat Bader
\uf0b7 Meeting called to order at 9:08am \u2013 M. Prest (motion), C. Dallas (second)
\uf0b7 Todd Feinberg welcomed to SSA Commission
""")
    heads = item_headings(lines)
    assert [h.title for h in heads][:1] == ["Perfunctory Business"]
    people = {a.name: a for a in read_attendance(lines, heads, bodies(lines, heads))}
    assert people["Todd Feinberg"].status == PRESENT
    assert people["Pat Bader"].status == ABSENT


def test_attendees_of_a_parent_council_with_roles_in_brackets() -> None:
    # Hyndland Primary School Parent Council minutes, 26 Nov 2025.
    people = _by_name("""
Attendees: Dorian Grieves (chair), Roz Laing Jackson (P5), Julie Wynn (Deputy head), Helen Brown (Head
teacher), Ahmed Subed (P2), Sam Fredriksen-Freer (P1 & Secretary), Nina Bristow (P3), Despo
Pentara Gale (P1), Jack Mata (P1), Susan Keeson (P5 & Treasurer)
Apologies: Rina Semba (P4)
**Minutes
""")
    assert people["Dorian Grieves"].role == "Chair"
    assert people["Helen Brown"].role == "Head teacher"
    assert people["Despo Pentara Gale"].status == PRESENT
    assert people["Rina Semba"].status == APOLOGIES
    assert len(people) == 11


def test_three_labels_side_by_side_over_columns() -> None:
    # Souldern Parish Council planning minutes, 22 Mar 2018 (all set in bold).
    rows = [
        [("Present:", 72.0), ("Members of the Public:", 252.0), ("Apologies:", 432.0)],
        [("Katy Draper (KD)[acting Chair]", 72.0), ("Mary May", 252.0), ("Nick Oakhill (NO)", 432.0)],
        [("Bruce May (BM)", 72.0), ("Cllr Mike Kerford-Byrnes", 252.0), ("Anne Prescott", 432.0)],
        [("Chris Rothero (CR)", 72.0), ("David & Joanna Carlisle", 432.0)],
        [("Cathy Fleet (CF) [Clerk & RFO]", 72.0)],
        [("03.18.02", 72.0), ("Declarations of interest", 144.0)],
    ]
    people = {a.name: a for a in _read([_row(r, i, bold=True) for i, r in enumerate(rows)])}
    assert {n: a.status for n, a in people.items()} == {
        "Katy Draper": PRESENT,
        "Mary May": ALSO,
        "Nick Oakhill": APOLOGIES,
        "Bruce May": PRESENT,
        "Mike Kerford-Byrnes": ALSO,
        "Anne Prescott": APOLOGIES,
        "Chris Rothero": PRESENT,
        "David Carlisle": APOLOGIES,
        "Joanna Carlisle": APOLOGIES,
        "Cathy Fleet": ALSO,
    }
    assert "chair" in people["Katy Draper"].role.lower()
    assert people["Cathy Fleet"].role == "Clerk & RFO"


def test_label_centred_over_names_at_the_margin() -> None:
    # Souldern Annual Parish Meeting minutes, 20 May 2025: "Present:" 72pt right of its names.
    rows = [
        [("Present:", 144.0), ("Members of the Public:", 324.0)],
        [("Nick Oakhill (NO)", 72.0), ("[Chair]", 180.0), ("Katie Draper", 324.0)],
        [("Heidi Dennison (HD)", 72.0)],
        [("Cathy Fleet (CF) CLERK", 72.0)],
    ]
    people = {a.name: a for a in _read([_row(r, i) for i, r in enumerate(rows)])}
    assert (people["Nick Oakhill"].status, people["Nick Oakhill"].role) == (PRESENT, "Chair")
    assert people["Katie Draper"].status == ALSO
    assert (people["Cathy Fleet"].status, people["Cathy Fleet"].role) == (ALSO, "Clerk")
    assert people["Heidi Dennison"].role == ""


def test_group_word_and_role_printed_as_entries() -> None:
    # Burton-cum-Walden Parish Council minutes, 4 Nov 2025.
    people = _by_name("""
Present: Miss Jane Ritchie, Mr Andrew Landau, Mrs Sally Sahin, Mr David Dent and Mrs
Victoria Whitehead, Councillors, and Mr Richard Nolan, Clerk
**1. Apologies
There were no apologies, all the members being present.
""")
    assert len(people) == 6
    assert people["Victoria Whitehead"].status == PRESENT
    assert (people["Richard Nolan"].status, people["Richard Nolan"].role) == (ALSO, "Clerk")


def test_role_alone_is_nobody_and_a_role_before_a_name_is_hers() -> None:
    # Souldern Parish Council minutes, 30 Oct 2025, and Tintern Community Council, 24 Jun 2019.
    people = _by_name("""
Present: Cllrs Hayward (in the chair), Hillard, Evans, Richards, Cobb, County Cllr Webb &
the Clerk.
**10.25.01 Apologies for absence
Apologies had been received from Cllr David Rogers and the Clerk, Cathy
Fleet
**10.25.02 Declarations of Interests
""")
    assert "Clerk" not in people
    assert people["Hayward"].role == "Chair"
    assert (people["Webb"].status, people["Webb"].honorific) == (ALSO, "County Cllr")
    assert people["Cobb"].status == PRESENT
    assert (people["Cathy Fleet"].status, people["Cathy Fleet"].role) == (APOLOGIES, "Clerk")
    assert people["David Rogers"].status == APOLOGIES


def test_two_members_of_one_name_and_apologies_under_a_broken_title() -> None:
    # Kent County Council minutes, 13 Feb 2025: the title's drop capital is set apart.
    records = _read(
        placed("""
PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman),
Ms J Meade, Mr J Meade, Mr D Murphy
**286. A pologies for Absence
(Item 1)
The Democratic Services Manager reported apologies from Mr Paul Barrington-
King, Mr Conrad Broadley and Mrs Trudy Dean, MBE.
**287. D eclarations of Interests
""")
    )
    assert [a.honorific for a in records if a.name == "J Meade"] == ["Ms", "Mr"]
    apologies = [a.name for a in records if a.status == APOLOGIES]
    assert apologies == ["Paul Barrington-King", "Conrad Broadley", "Trudy Dean"]


def test_shared_surname_and_initials_in_brackets() -> None:
    assert split_people("Mr and Mrs Smith") == ["Mr Smith", "Mrs Smith"]
    assert split_people("Cllrs Hodivala (Chairman), Hewett, Passey and Wood") == [
        "Cllrs Hodivala (Chairman)",
        "Hewett",
        "Passey",
        "Wood",
    ]
    # Ayton: "(SBC)" is the council the member sits on; "(PWh)" the initials the minutes use.
    assert parse_person("Jim Fullarton (SBC)").role == "SBC"
    assert parse_person("Paul Wheelhouse (PWh)").role == ""
    # A surname that is a role word in mixed case stays the surname.
    assert parse_person("John Mayor").name == "John Mayor"


def test_people_who_address_the_meeting_are_in_attendance() -> None:
    # Sutton Coldfield Town Council, 13 Mar 2018, "Public Questions:"; East Palo Alto Planning
    # Commission, 27 Jan 2020; Ayton Community Council, 4 Jun 2019, open forum.
    people = _by_name("""
Present:
Cllrs Hodivala (Chairman), Hewett, Mosson, Passey and Wood.
**Public Questions:
Zoe Toft spoke regarding the application from FOLIO for a community grant. She explained that the festival
**3. PUBLIC COMMENT
Court Skinner provided public comment.
**4. Open Forum
• Ayton Church – Bill Stewart, Session Clerk for Ayton Parish Church, spoke about two
separate proposals. Cllr Hewett asked about the Session Clerk.
**5. Budget
1. Mr Oakford, Deputy Leader and Cabinet Member for Finance, Corporate and
Traded Services introduced the report. The Chair thanked him.
Commissioner Hernandez asked about the stipends. The Planning Officer explained the rules.
""")
    assert {n: a.status for n, a in people.items() if a.status == ALSO} == {
        "Zoe Toft": ALSO,
        "Court Skinner": ALSO,
        "Bill Stewart": ALSO,
    }
    assert people["Bill Stewart"].role == "Session Clerk for Ayton Parish Church"
    assert people["Hewett"].status == PRESENT


def test_a_note_line_then_names_and_the_chair_named_in_a_sentence() -> None:
    # Ayton Community Council minutes, 4 Jun 2019.
    rows = [
        [("Present:", 36.0), ("Kenny Combe", 108.0), ("KC", 250.0), ("Catherine Chisholm", 300.0), ("CC", 420.0)],
        [("Graham Dolan", 108.0), ("GD", 250.0), ("Jim Fullarton (SBC)", 300.0), ("JF", 420.0)],
        [("In Attendance:", 36.0), ("Five members of the public", 144.0)],
        [("CPOs Suzanne Jacobs and Drew Young", 144.0)],
        [("The Meeting was Chaired by Kenny Combe.", 36.0)],
    ]
    people = {a.name: a for a in _read([_row(r, i) for i, r in enumerate(rows)])}
    assert (people["Kenny Combe"].status, people["Kenny Combe"].role) == (PRESENT, "Chair")
    assert people["Catherine Chisholm"].role == ""
    assert {n: (a.status, a.role) for n, a in people.items() if a.status == ALSO} == {
        "Suzanne Jacobs": (ALSO, "CPO"),
        "Drew Young": (ALSO, "CPO"),
    }


def test_a_list_run_over_lines_is_read_as_one() -> None:
    # Kent County Council Cabinet minutes, 30 Jan 2025: entries broken across lines stay whole.
    people = _by_name("""
IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs S Hammond
(Corporate Director Children, Young People and Education), Mrs A Beer (Chief
Executive), Mr D Shipton (Head of Finance Policy, Planning and Strategy)
""")
    assert list(people) == ["A Ghosh", "S Hammond", "A Beer", "D Shipton"]
    assert people["A Beer"].role == "Chief Executive"


def test_substitute_named_alone_stands_in_for_the_one_member_away() -> None:
    # Bristol Transport and Connectivity Policy Committee minutes, 12 Sep 2024.
    people = _by_name("""
**Members Present:-
Councillors: Ed Plowden (Chair), Graham Morris (Vice-Chair), Donald Alexander, Rob Bryher,
Tim Rippington, Emma Edwards, Kaz Self, David Wilcox and Jos Clark
**2 Apologies for Absence and Substitutions
Apologies were received from Councillor Coombes. Councillor Jos Clark attended as substitute.
**3 Declarations of Interest
""")
    clark = people["Jos Clark"]
    assert (clark.status, clark.role, clark.substitute_for) == (PRESENT, "Substitute", "Coombes")
    assert people["Graham Morris"].role == "Vice-Chair"
    assert people["Coombes"].status == APOLOGIES


def test_sentence_forms_without_titles() -> None:
    # Kent County Council minutes, 13 Feb 2025, item 290; the other sentences are the forms
    # issue 9 lists ("X, Y and Z were in attendance virtually", "who was substituted by R").
    people = _by_name("""
PRESENT: Mr B J Sweetland (Chairman), Ms J Meade, Mr R Thomas, Mr P Oakford
IN ATTENDANCE: Mr J Betts (Interim Corporate Director Finance)
**290. Section 25 Report
Mr John Betts, Interim Corporate Director Finance, was in attendance for this item.
Rachel Kennard, Joanne Meade and Peter Oakford were in attendance virtually.
Apologies were received from Ann Allen, who was substituted by Richard Thomas.
The Chairman was present for the vote.
""")
    assert "The Chairman" not in people and "Chairman" not in people
    assert "John Betts" not in people
    assert (people["Rachel Kennard"].status, people["Rachel Kennard"].remote) == (ALSO, True)
    assert people["J Meade"].remote and people["P Oakford"].remote
    assert not people["B J Sweetland"].remote
    assert people["R Thomas"].substitute_for == "Ann Allen"


def test_job_printed_after_the_name_without_punctuation() -> None:
    # Hertingfordbury Parish Council minutes, 11 Oct 2017.
    people = _by_name("""
PRESENT: Cllrs Haidy Blake, Lizzer Bradbury, Gary O'Leary, Roger Morris
In attendance: Cllr Linda Haysey, Amanda Glew (Clerk), David McCabe Innovation & Regulatory Affairs
Manager Tarmac, Mr Peter Oakenfull, Mr Andrew Taylor Projects Officer CMS, Mr Peter Newson, Mr
Martin Jack, Mrs Magda Atkins and seven other local residents.
""")
    assert people["David McCabe"].role == "Innovation & Regulatory Affairs Manager Tarmac"
    assert people["Andrew Taylor"].role == "Projects Officer CMS"
    assert people["Martin Jack"].status == ALSO
    assert len(people) == 12
    assert parse_person("Mr A M Ridgers Projects Officer").name == "A M Ridgers"


def test_role_as_the_label_and_names_in_quotes() -> None:
    # Parish minutes print the clerk and the chair under labels of their own; the list form is
    # Hertingfordbury's (11 Oct 2017), the quotes a stray mark of a Word export.
    people = _by_name("""
Present: Cllrs Haidy Blake, 'Lizzer Bradbury', Roger Morris
Clerk: Amanda Glew
**55. APOLOGIES FOR ABSENCE
There were apologies from Cllrs Shobha Edgell, Barry Simkins and Tommy Brennan.
""")
    assert (people["Amanda Glew"].status, people["Amanda Glew"].role) == (ALSO, "Clerk")
    assert people["Lizzer Bradbury"].status == PRESENT
    assert [n for n, a in people.items() if a.status == APOLOGIES] == [
        "Shobha Edgell",
        "Barry Simkins",
        "Tommy Brennan",
    ]
    assert "Chairman" not in people


def test_one_name_per_bulleted_line() -> None:
    # The bulleted list of issue 9 ("• Name"), with the bullets Word and PDF exports print.
    people = _by_name("""
Present:
• Cllr A Smith (Chair)
• Cllr B Jones
\u25cf Mrs C Brown (Clerk)
\uf0b7 Jane 'de Souza'
**1. Apologies
Apologies received from Cllrs Evans, Price and Hughes.
""")
    assert {n: (a.status, a.role) for n, a in people.items()} == {
        "A Smith": (PRESENT, "Chair"),
        "B Jones": (PRESENT, ""),
        "C Brown": (ALSO, "Clerk"),
        "Jane de Souza": (PRESENT, ""),
        "Evans": (APOLOGIES, ""),
        "Price": (APOLOGIES, ""),
        "Hughes": (APOLOGIES, ""),
    }


def test_apologies_sentence_without_a_full_stop() -> None:
    # Souldern Parish Council minutes, 28 Sep 2023 (with the spaces its text layer loses).
    records = _read(
        placed("""
**09.23.01 Apologies
Apologies had been received from Nick Oakhill and Cllr Eddie Reeves
09.23.02 Declarations of interest
There were no declarations of interest
""")
    )
    assert [(a.name, a.status) for a in records] == [("Nick Oakhill", APOLOGIES), ("Eddie Reeves", APOLOGIES)]


def test_a_title_or_role_alone_is_nobody() -> None:
    # Hertingfordbury's apologies (11 Oct 2017) printed with the list on the next line.
    people = _by_name("""
**55. APOLOGIES FOR ABSENCE
Apologies were received from Cllrs
Shobha Edgell, Barry Simkins, Paul Rochford and Tommy Brennan.
**56. DECLARATIONS OF INTEREST
""")
    assert list(people) == ["Shobha Edgell", "Barry Simkins", "Paul Rochford", "Tommy Brennan"]
    assert all(a.honorific == "Cllr" for a in people.values())
    assert not any(looks_like_name(word) for word in ("Cllrs", "Clerk", "Councillors", "Mr."))
    assert looks_like_name("Hayward") and looks_like_name("Maria de la Cruz")


def test_an_apologies_item_that_says_none_names_nobody() -> None:
    # Parish council minutes often answer the apologies item in one word: "None.", "Nil", "Noted."
    for answer in ["None.", "Nil", "N/A", "Noted.", "Approved."]:
        people = _by_name(f"""
Present: Cllr A Smith, Cllr B Jones
**1. Apologies for absence
{answer}
**2. Declarations of Interest
""")
        assert set(people) == {"A Smith", "B Jones"}, answer


def test_present_followed_by_long_prose_is_read_in_time() -> None:
    # minutes without numbered items: "Present:" then pages of prose; the block must stay linear.
    prose = "\n".join("The committee discussed the matter of the playing field re-" for _ in range(6000))
    people = _by_name(f"Present: Cllr A Smith, Cllr B Jones\n{prose}")
    assert {"A Smith", "B Jones"} <= set(people)


def test_list_in_capitals_runs_on_after_a_comma() -> None:
    # Present lists printed in capitals over two lines, the first ending on a comma.
    people = _by_name("""
Present: CLLR A SMITH (CHAIR), CLLR B JONES,
CLLR C BROWN, CLLR D GREEN
**1. Apologies
""")
    assert {"A SMITH", "B JONES", "C BROWN", "D GREEN"} <= set(people)


def test_long_run_of_names_in_a_sentence_is_read_in_time() -> None:
    # a list of names without a verb after it must not make the sentence patterns backtrack
    run = "Cllr Aaa Bbb and " * 2000
    people = _by_name(f"Present: Cllr A Smith\n{run}the public.\nCllr A Smith arrived at 7.15pm.")
    assert people["A Smith"].arrived_at


def test_organisations_reporting_are_not_people() -> None:
    # reports from outside bodies in parish minutes: "Thames Water reported ...".
    people = _by_name("""
Present: Cllr A Smith
**1. Reports
Thames Water reported that the main would be repaired.
Network Rail explained the closure of the crossing.
Village Hall thanked the council for the grant.
""")
    assert set(people) == {"A Smith"}


def test_three_word_name_before_a_job() -> None:
    # "Andrew Taylor Projects Officer CMS" (Hertingfordbury minutes) with a name of three words.
    person = parse_person("Mary Ann Smith Planning Officer")
    assert (person.name, person.role) == ("Mary Ann Smith", "Planning Officer")
    assert parse_person("Andrew Taylor Projects Officer CMS").name == "Andrew Taylor"


def test_apologies_listed_on_the_item_line_keep_untitled_surnames() -> None:
    # Tintern Community Council minutes, 24 Jun 2019: one title for the whole list.
    people = _by_name("""
Present: Cllrs Hayward (in the chair), Hillard, Evans
2711. Apologies for absence: Cllr Ashman, Hoskins, Shewell.
2712. Declarations of Interest: None.
""")
    assert {n for n, a in people.items() if a.status == AttendanceStatus.APOLOGIES} == {"Ashman", "Hoskins", "Shewell"}
