"""Word-only tables (action logs) read from lines copied out of corpus PDFs, and look-alikes left alone."""

from __future__ import annotations

from extractors.pages import Line
from extractors.word_tables import word_tables

Word = tuple[str, float, float]


def _line(top: float, words: list[Word], bold: bool = False, size: float = 9.5) -> Line:
    text = " ".join(w for w, _, _ in words)
    return Line(text, words[0][1], top, words[-1][2], top + size, size, bold, words=tuple(words))


def _phrase(text: str, x0: float, x1: float) -> list[Word]:
    """A phrase's words spread evenly over its extent (word spaces well under a cell gap)."""
    words = text.split()
    step = (x1 - x0) / len(words)
    return [(w, x0 + i * step, x0 + (i + 1) * step - 2.6) for i, w in enumerate(words)]


def _row(top: float, *cells: tuple[str, float, float], bold: bool = False, size: float = 9.5) -> Line:
    return _line(top, [w for c in cells for w in _phrase(*c)], bold, size)


# Hyndland parent council minutes (Google Docs action items), p2 and p3.
HEADER = ("Action items", 50.4, 107.4), ("Person responsible", 315.9, 404.0), ("Deadline", 468.9, 508.5)
DEADLINE = ("Enter deadline here", 468.9, 551.8)


def test_names_set_tighter_than_their_actions_pair_in_reading_order():
    # p2: six names 15pt apart beside six actions 19-30pt apart; "Jac" prints on the fourth action's line.
    lines = [
        _row(438.6, *HEADER, bold=True),
        _row(457.5, ("Sam", 339.6, 359.2), DEADLINE),
        _row(462.7, ("Ask PVG holders if they can help with winter Fayre", 68.4, 281.5)),
        _row(472.5, ("Despo", 342.3, 369.7)),
        _row(482.2, ("Delete transcription from google drive", 68.4, 226.2)),
        _row(487.4, ("Sam", 342.3, 361.8)),
        _row(502.3, ("Helen", 342.3, 367.1)),
        _row(512.6, ("Create an action log that is part of a rolling agenda.", 68.4, 283.7)),
        _row(517.2, ("Helen", 342.3, 367.1)),
        _row(532.0, ("Send a Poll to parents for school photos.", 68.4, 239.4), ("Jac", 344.9, 359.7)),
        _row(551.5, ("Obtain an up to date price list from colourprint.", 68.4, 263.1)),
        _row(571.0, ("Jac to ask her partner to come and assess classroom", 68.4, 293.2)),
        _row(606.6, ("Agenda item:", 50.4, 110.5), ("PVG’s Update", 131.4, 191.4), ("Presenter:", 379.7, 426.6)),
    ]
    (table,) = word_tables(lines, 2)
    assert table.header == ("Action items", "Person responsible", "Deadline")
    assert [r[1] for r in table.rows[1:]] == ["Sam", "Despo", "Sam", "Helen", "Helen", "Jac"]
    assert table.rows[1] == ("Ask PVG holders if they can help with winter Fayre", "Sam", "Enter deadline here")
    assert table.rows[4][0] == "Send a Poll to parents for school photos."
    assert table.bottom < 606.6  # the "Agenda item: ... Presenter: ..." form line is not a row


P3 = [
    _row(248.8, *HEADER, bold=True),
    _row(267.7, ("Sam", 315.9, 335.4), DEADLINE),
    _row(272.8, ("Wording to be created for newsletters for PVGs", 68.4, 267.1)),
    _row(295.2, ("Dorian", 315.9, 343.9), DEADLINE),
    _row(300.3, ("Chase GGC if no response.", 68.4, 185.0)),
    _row(310.1, ("Dorian", 315.9, 343.9)),
    _row(319.8, ("If no response in 14 days Connect Scot to be contacted to", 68.4, 312.2)),
    _row(334.1, ("see if they can help us find an answer regarding training.", 68.4, 306.4)),
]


def test_a_wrapped_action_is_one_row():
    (table,) = word_tables(P3, 3)
    assert table.n_rows == 4
    assert table.rows[3][:2] == (
        "If no response in 14 days Connect Scot to be contacted to see if they can help us find an answer "
        "regarding training.",
        "Dorian",
    )


def test_an_entry_in_a_sparser_column_joins_the_row_printed_beside_it():
    # p3: two deadlines for three actions, each on its action's person line.
    (table,) = word_tables(P3, 3)
    assert [r[2] for r in table.rows[1:]] == ["Enter deadline here", "Enter deadline here", ""]


def test_a_bullet_before_an_action_is_not_its_text():
    # p7: the one action is bulleted, its person and deadline on the same line.
    lines = [
        _row(70.7, *HEADER, bold=True),
        _row(
            89.7,
            ("●", 68.4, 74.1),
            ("Invite Afty to the next meeting.", 86.4, 214.1),
            ("Helen", 315.9, 340.7),
            DEADLINE,
        ),
    ]
    (table,) = word_tables(lines, 7)
    assert table.rows[1] == ("Invite Afty to the next meeting.", "Helen", "Enter deadline here")


def test_prose_under_a_header_is_not_a_table():
    bullet = _row(
        648.5, ("●", 68.4, 74.1), ("We now have 10 people who have received their PVG’s for the Parent", 86.4, 380.5)
    )
    assert word_tables([P3[0], bullet], 2) == []


def test_a_form_line_of_field_labels_is_not_a_header():
    # Hyndland p2, bold: "Agenda item:  PVG's Update   Presenter:  Sam", with a discussion heading under it.
    lines = [
        _row(606.6, ("Agenda item:", 50.4, 110.5), ("PVG’s Update", 131.4, 191.4), bold=True),
        _row(618.0, ("Despo", 342.3, 369.7), ("Sam", 445.7, 465.2)),
    ]
    assert word_tables(lines, 2) == []


def test_side_by_side_attendance_lists_are_not_a_table():
    # Souldern planning minutes p1: three lists of names side by side, here with the headings set
    # without their colons and the names in regular type (there they are bold, with colons).
    lines = [
        _row(
            176.0,
            ("Present", 72.0, 109.9),
            ("Members of the Public", 252.0, 358.5),
            ("Apologies", 432.0, 480.0),
            bold=True,
            size=11.0,
        ),
        _row(
            201.5,
            ("Katy Draper (KD)[acting Chair]", 72.0, 209.8),
            ("Mary May", 252.0, 298.9),
            ("Nick Oakhill (NO)", 432.0, 510.5),
            size=11.0,
        ),
        _row(
            217.0,
            ("Bruce May (BM)", 72.0, 146.0),
            ("Cllr Mike Kerford-Byrnes", 252.0, 364.3),
            ("Anne Prescott", 432.0, 496.3),
            size=11.0,
        ),
    ]
    assert word_tables(lines, 1) == []


def test_a_numbered_heading_over_notes_is_not_a_header():
    # Bedford's CIPFA library return, notes page: "47 to 49   Electronic Products" over numbered notes.
    lines = [
        _row(653.6, ("47 to 49", 56.6, 92.7), ("Electronic Products", 104.9, 188.7), bold=True, size=7.7),
        _row(
            665.6,
            ("47", 69.2, 80.2),
            ("The total number of eBooks available for download either", 104.8, 327.4),
            size=7.7,
        ),
        _row(
            689.6,
            ("48", 69.2, 80.2),
            ("The total number of eNewspapers, eMagazines and eComics", 104.8, 337.7),
            size=7.7,
        ),
    ]
    assert word_tables(lines, 16) == []


def test_figures_under_a_bold_header_are_left_to_the_figures_reader():
    # Bedford's CIPFA return p10: a two-row block of figures ("Volunteers | Number"), too short for
    # the stream reader; a figure right of the first column is no word table's cell.
    lines = [
        _row(184.5, ("Volunteers", 86.9, 124.0), ("Number", 457.6, 485.0), bold=True, size=6.1),
        _row(
            198.1, ("67", 70.0, 78.6), ("Number of volunteers in 2016-17", 86.8, 189.5), ("110", 490.4, 502.0), size=6.1
        ),
        _row(
            211.6,
            ("68", 70.0, 78.6),
            ("Annual total number of volunteer hours", 86.8, 244.5),
            ("3,366.5", 475.4, 499.2),
            size=6.1,
        ),
    ]
    assert word_tables(lines, 10) == []


def test_the_last_line_of_a_stacked_header_is_not_a_word_table_header():
    # Kent's Q3 finance monitoring p41: a capital variances table's header over three bold lines,
    # its first row of words and prose, then a bold group heading.
    lines = [
        _row(50.4, ("Real", 247.4, 268.5), ("Rephasing", 284.8, 336.0), bold=True, size=10.0),
        _row(56.1, ("Project", 153.1, 187.0), ("Detail", 346.8, 374.0), bold=True, size=10.0),
        _row(61.9, ("Variance", 226.9, 268.5), ("Variance", 294.3, 335.9), bold=True, size=10.0),
        _row(
            79.6,
            ("Canterbury", 137.5, 187.0),
            ("the £5.9m Local Growth Fund (LGF) contribution, so", 346.8, 775.3),
            size=10.0,
        ),
        _row(91.1, ("work must be suitably demonstrated. A design and build contract", 346.8, 775.3), size=10.0),
        _row(143.3, ("Environment & Circular", 75.3, 187.0), bold=True, size=10.0),
    ]
    assert word_tables(lines, 41) == []


def test_a_roll_call_table_with_headers_centred_over_its_columns():
    # East Palo Alto planning commission minutes (Granicus roll call): headings centred over
    # left-aligned cells, "Attendee Name" starting right of the names under it; one arrival time.
    lines = [
        _row(
            224.1,
            ("The meeting was called to order by Commissioner Robert Sherrard at 7:07 p.m.", 108.0, 531.0),
            size=12.0,
        ),
        _row(
            249.9,
            ("Attendee Name", 136.8, 224.2),
            ("Title", 311.9, 336.7),
            ("Status", 406.0, 442.6),
            ("Arrived", 476.4, 518.5),
            bold=True,
            size=12.0,
        ),
        _row(
            264.1,
            ("Andrei Garcia", 107.3, 180.7),
            ("Commissioner", 264.6, 341.4),
            ("Late", 394.7, 418.2),
            ("7:08 p.m.", 464.9, 515.0),
            size=12.0,
        ),
        _row(
            278.8,
            ("Robert Allen Fisk", 107.3, 198.7),
            ("Commissioner", 264.6, 341.4),
            ("Present", 394.7, 436.2),
            size=12.0,
        ),
        _row(
            293.6,
            ("Uriel Hernandez", 107.3, 194.2),
            ("Commissioner", 264.6, 341.4),
            ("Absent", 394.7, 432.1),
            size=12.0,
        ),
        _row(395.0, ("2.", 72.0, 82.1), ("APPROVAL OF THE AGENDA", 108.0, 277.3), bold=True, size=12.0),
    ]
    (table,) = word_tables(lines, 1)
    assert table.header == ("Attendee Name", "Title", "Status", "Arrived")
    assert table.rows[1] == ("Andrei Garcia", "Commissioner", "Late", "7:08 p.m.")
    assert table.rows[3] == ("Uriel Hernandez", "Commissioner", "Absent", "")
    assert table.n_rows == 4  # the space and the bold heading below end it
