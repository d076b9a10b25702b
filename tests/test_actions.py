"""Actions in minutes, from sentences and tables copied from corpus documents (the one named in each test)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extractors.actions import ActionTable, Meeting, Passage, read_actions
from extractors.nlp import parse
from models import AttendanceRecord
from models.vocab import ActionType, AttendanceStatus


def _person(name: str, role: str = "", status: AttendanceStatus = AttendanceStatus.PRESENT) -> AttendanceRecord:
    return AttendanceRecord(meeting_id="", name=name, role=role, status=status, source_document_id="", page=1)


# Wiltshire Police and Crime Panel, 27 June 2024 (the bundled pack's minutes).
PANEL = Meeting(
    "Wiltshire Police and Crime Panel",
    "2024-06-27",
    [
        _person("Steve Bucknell", "Chairman"),
        _person("Junab Ali", "Vice-Chairman"),
        _person("Philip Wilkinson", "Police and Crime Commissioner", AttendanceStatus.ALSO_PRESENT),
        _person("Naji Darwish", "Chief Executive and Monitoring Officer, OPCC", AttendanceStatus.ALSO_PRESENT),
        _person("Matt Hitch", "Democratic Services Officer, Wiltshire Council", AttendanceStatus.ALSO_PRESENT),
    ],
)


def _actions(text: str, meeting: Meeting = PANEL, marks: tuple[tuple[int, str], ...] = ()) -> list[tuple[str, str]]:
    found = read_actions(parse([text]), [Passage("49", text, ((0, 14),), marks)], [], meeting)
    return [(str(a.action_type), a.owner) for a in found]


@pytest.mark.parametrize(
    ("sentence", "kind", "owner"),
    [
        ("The Panel requested an update on the progress towards plans for a new policing hub.", "request", PANEL.body),
        ("The Chairman offered to make enquiries to see what could be done.", "commitment", "Steve Bucknell"),
        (
            "It was requested that the Democratic Services Officer email the report to the councillors on the Panel.",
            "request",
            "Matt Hitch",
        ),
        (
            "The Chief Executive of the Office of the Police and Crime Commissioner (OPCC), Naji Darwish, said that he "
            "would look at opportunities for members of the Panel to attend relevant scrutiny groups.",
            "commitment",
            "Naji Darwish",
        ),
        (
            "The PCC explained that he would consult with as many agencies as possible.",
            "commitment",
            "Philip Wilkinson",
        ),
        (  # an office no attendee holds is the owner as printed
            "The PCC stated that it was, but the Chief Constable and he would be carrying out a review.",
            "commitment",
            "Chief Constable",
        ),
    ],
)
def test_a_request_or_a_commitment_is_owned_by_who_made_it_or_is_asked(sentence: str, kind: str, owner: str) -> None:
    assert _actions(sentence) == [(kind, owner)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cllr Tony Pickernell asked about the timescale for the new policing hub.",  # a question
        "The Chairman asked whether the figures included Swindon.",
        "RESOLVED: To note the update.",  # the meeting's decision
        "The PCC said that he would like to thank the officers for their work.",  # no deed promised
        "The Chief Executive noted that the police would be guided by the agreements with partners.",
    ],
)
def test_questions_decisions_and_wishes_are_no_actions(sentence: str) -> None:
    assert _actions(sentence) == []


def test_the_due_date_takes_the_meetings_year() -> None:
    text = "It was requested that the Democratic Services Officer email the report in advance of 25 July."
    [action] = read_actions(parse([text]), [Passage("48", text, ((0, 14),))], [], PANEL)
    assert action.due_date == "2024-07-25"
    assert action.page == 14


# Souldern Parish Council, 30 October 2025 and Tintern Community Council, 24 June 2019.
PARISH = Meeting(
    "Souldern Parish Council",
    "2025-10-30",
    [
        _person("Nick Oakhill", "Chair"),
        _person("John Hoodless"),
        _person("Kate Green"),
        _person("Cathy Fleet", "Clerk", AttendanceStatus.APOLOGIES),
    ],
)


def test_owners_printed_as_initials_or_a_first_name_are_the_attendees_they_fit() -> None:
    assert _actions("NO / JH will collate documentation and evidence for various pieces of land.", PARISH) == [
        ("commitment", "Nick Oakhill / John Hoodless")
    ]
    assert _actions("Clerk to chase Sanctuary re 4 Bovewell.", PARISH) == [("follow_up", "Cathy Fleet")]
    assert _actions("Kate has collected feedback from the riders and will collate this.", PARISH) == [
        ("commitment", "Kate Green")
    ]


def test_an_action_column_names_the_owner_of_the_line_it_marks() -> None:
    # Ayton Community Council: "Items ... Action" with initials at the right of the line.
    text = "SBC guidelines received regarding the organisation of a petition would be forwarded to CC."
    meeting = Meeting(
        "Ayton Community Council", "2019-06-04", [_person("Isabel Kellie"), _person("Catherine Chisholm")]
    )
    assert _actions(text, meeting, marks=((len(text), "IK/CC"),)) == [("follow_up", "Isabel Kellie/Catherine Chisholm")]


def test_rows_of_an_action_table_are_follow_ups_owned_by_their_owner_cell() -> None:
    # Hyndland Primary School Parent Council: "Action items | Person responsible | Deadline".
    rows = (
        ("Action items", "Person responsible", "Deadline"),
        ("Send a Poll to parents for school photos.", "Helen", "12/12/2025"),
        ("", "", ""),
    )
    meeting = Meeting("Hyndland Primary School Parent Council", "2025-11-26", [_person("Helen Brown")])
    [action] = read_actions([], [], [ActionTable("1", 2, rows)], meeting)
    assert (action.action_type, action.owner, action.due_date) == (
        ActionType.FOLLOW_UP.value,
        "Helen Brown",
        "2025-12-12",
    )


# Hertingfordbury Parish Council, 11 October 2017; Burton-cum-Walden Parish Council, 4 November 2025.
PARISH_HALL = Meeting("Hertingfordbury Parish Council", "2017-10-11", [_person("Amanda Glew", "Clerk")])


def test_the_deed_of_each_will_is_weighed_and_a_pronoun_is_the_person_named_before() -> None:
    text = "As Cllr Rochford will not be able to attend the service the Clerk will ask Cllr Rochford to help."
    assert _actions(text, PARISH_HALL) == [("commitment", "Amanda Glew")]
    assert _actions("The Clerk will continue to try and arrange the planned meeting.", PARISH_HALL) == [
        ("commitment", "Amanda Glew")
    ]
    text = "The Clerk reported on the state of the footpath. She undertook to report any further developments."
    assert _actions(text, PARISH_HALL) == [("commitment", "Amanda Glew")]


def test_people_named_at_the_start_of_a_deed_own_it() -> None:
    meeting = Meeting("Tintern Community Council", "2019-06-24", [_person("Ann Webb"), _person("Sue Evans", "Clerk")])
    assert _actions("Clerk & County Cllr Webb to ask Carl Touhig.", meeting) == [("follow_up", "Sue Evans & Ann Webb")]
    assert _actions("Members to note the report.", meeting) == []


def test_an_action_rows_blank_owner_cell_is_filled_from_the_initials_in_its_words() -> None:
    # Souldern Parish Council's action list: "No | Action | Owner | Update", the owner left blank.
    rows = (
        ("No", "Action", "Owner", "Update"),
        ("", "Plot at Bovewell - Action - NO will move fencing back", "", ""),
    )
    [action] = read_actions([], [], [ActionTable("10.25.05", 1, rows)], PARISH)
    assert action.owner == "Nick Oakhill"


def test_prose_past_the_word_limit_is_not_parsed_and_the_document_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import document
    from extractors.document import SourceInfo, extract_document
    from tests.conftest import DATA, read_cached

    minutes = DATA / "uk_sutton_coldfield_tc_amenities_cttee_2018-03-13_minutes.pdf"
    whole = extract_document(read_cached(minutes), SourceInfo(file_name=minutes.name))
    monkeypatch.setattr(document, "MAX_PROSE_WORDS", 200)
    cut = extract_document(read_cached(minutes), SourceInfo(file_name=minutes.name))
    assert "actions and mentions read in the first 200 words" in cut.file.warnings
    assert 0 < len(cut.rows["mentions"]) < len(whole.rows["mentions"])


def test_offers_and_polite_requests_in_other_words() -> None:
    # Hyndland Primary School Parent Council, 26 November 2025.
    meeting = Meeting("Hyndland Primary School Parent Council", "2025-11-26", [_person("Nina Bristow")])
    assert _actions("Nina is happy to arrange a gambling license on behalf of the parent council.", meeting) == [
        ("commitment", "Nina Bristow")
    ]
    assert _actions("Nina was not willing to arrange the raffle.", meeting) == []
    assert _actions("SLT would like to ask that the meetings continue to have minutes typed up.", meeting) == [
        ("request", "SLT")
    ]


def test_an_actions_summary_repeating_the_items_actions_adds_none() -> None:
    # Souldern Parish Council, 28 September 2023: the summary's text layer lost its spaces.
    text = "AS to order replacement signs. HD to chase OCC."
    summary = (("Action", "Owner"), ("AStoorderreplacementsigns", "AS"))
    found = read_actions(
        parse([text]), [Passage("09.23.10", text, ((0, 2),))], [ActionTable("09.23.10", 4, summary)], PARISH
    )
    assert [a.text for a in found] == ["AS to order replacement signs.", "HD to chase OCC."]


def test_an_update_column_may_record_more_and_a_completed_row_is_no_action() -> None:
    # Souldern Parish Council, 28 September 2023: "No | Action | Owner | Update".
    rows = (
        ("No", "Action", "Owner", "Update"),
        ("Feb23.03", "AS to action 20mph limit", "AS", "Sept 23 - Awaiting response from OCC. HD to chase"),
        (
            "June23.02",
            "Village upkeep – Workparty to clean Church Lane ditch",
            "NO",
            "NO to organise once foliage dies down.",
        ),
        ("Aug23.01", "Playground – AS to place order with Kompan", "AS", "Complete – Agenda item"),
    )
    meeting = replace(PARISH, attendance=[*PARISH.attendance, _person("Alan Smith"), _person("Heidi Dennison")])
    table = ActionTable("09.23.05", 1, rows)
    updates = table.updates()
    found = read_actions(parse(p.text for p in updates), updates, [table], meeting)
    # The row's own owner going on with it ("NO to organise ...") records no other action.
    assert [(a.text, a.owner) for a in found] == [
        ("Sept 23 - Awaiting response from OCC. HD to chase", "Heidi Dennison"),
        ("AS to action 20mph limit", "Alan Smith"),
        ("Village upkeep – Workparty to clean Church Lane ditch", "Nick Oakhill"),
    ]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # Souldern Parish Council, 30 October 2025 and 22 March 2018.
        ("Action - HD to draft letter re St Josephs.", "HD"),
        ("ACTION : Cheese & Wine fundraiser to be arranged.", PARISH.body),
        ("Panshanger Aerodrome to be discussed further.", PARISH.body),
        ("NO and KD will authorise online payments", "Nick Oakhill and Katy Draper"),
        ("Clerk to inform CDC.", "Cathy Fleet"),
        # Ayton Community Council, 3 November 2009: initials before a surname are the name's.
        ("J I Inglis offered to donate the new boards to the community.", "J I Inglis"),
        # Hertingfordbury Parish Council, 11 October 2017: a group named is not the meeting's body;
        # an acronym ending a guest's role is the body he works for.
        ("The Wednesday Group has agreed to clear the Birch Green pond.", "Wednesday Group"),
        ("CMS will be arranging an onsite event during the next phase.", "CMS"),
        # Bristol's Transport and Connectivity Policy Committee, 12 September 2024.
        ("Officers confirmed that officers would provide that information to the Councillors.", "officers"),
    ],
)
def test_owners_of_markers_passives_joint_deeds_and_groups(text: str, owner: str) -> None:
    meeting = Meeting(
        PARISH.body,
        "2018-03-22",
        [
            _person("Nick Oakhill"),
            _person("Katy Draper", "acting Chair"),
            _person("Cathy Fleet", "Clerk & RFO"),
            _person("Andrew Taylor", "Projects Officer CMS", AttendanceStatus.ALSO_PRESENT),
        ],
    )
    assert [o for _, o in _actions(text, meeting)] == [owner]


def test_a_short_action_is_read_with_the_sentence_before_and_a_heading_is_no_action() -> None:
    # Souldern Parish Council, 28 September 2023 and 30 October 2025.
    meeting = replace(PARISH, attendance=[*PARISH.attendance, _person("Alan Smith")])
    text = "Pollarding trees outside Magpie Cottage - email received. AS to respond"
    found = read_actions(parse([text]), [Passage("09.23.07", text, ((0, 2),))], [], meeting)
    assert [(a.text, a.owner) for a in found] == [(text, "Alan Smith")]
    assert _actions("Invoices to be approved", PARISH) == []


def test_a_passive_follow_up_is_the_reporters_and_a_discussion_the_bodys() -> None:
    # Kent County Council's Cabinet, 30 January 2025: each Cabinet Member's lettered update.
    cabinet = Meeting("Cabinet", "2025-01-30", [_person("N Baker"), _person("R J Thomas")])
    text = (
        "Mr Baker advised that the bus network was operated on a fully commercial basis. "
        "Mr R Thomas, Cabinet Member for Environment, provided an update on the following: (a) Three HWRCs were "
        "currently unable to accept POPs. (d) Work was ongoing at the HWRC reuse shops, a detailed update would be "
        "brought back to Cabinet in due course. This will be discussed at the next meeting."
    )
    assert _actions(text, cabinet) == [("follow_up", "R J Thomas"), ("follow_up", "Cabinet")]
    assert _actions("At that meeting, Members agreed to refer the decision to full Council.", cabinet) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bristol's Transport and Connectivity Policy Committee, 12 September 2024.
        (
            "It was suggested that officers revisit that risk in order to inform the Committee.",
            [("request", "officers")],
        ),
        ("It was suggested that the figures were wrong.", []),
        (
            "The Head of City Transport outlined the report and confirmed that the Full Business Case would return "
            "to the Policy Committee following planning application.",
            [("commitment", "Head of City Transport")],
        ),
        # Souldern's Annual Parish Meeting, 20 May 2025: the Chairman's report for the council.
        (
            "Several trees have required remedial attention, and we will continue to work through Nicholsons tree "
            "survey report.",
            [("commitment", PARISH.body)],
        ),
        (
            "In the near future the Council will make a decision on where these funds are best directed.",
            [("commitment", PARISH.body)],
        ),
        (
            "Neal will be replaced as a Councillor by Amanda Sharman at our next meeting in June.",
            [("follow_up", PARISH.body)],
        ),
        # Hyndland Primary School Parent Council, 26 November 2025: no one is found to act.
        ("The fayre is a busy event, and they are asking for opinions on how they can make it less busy.", []),
        ("● Agree to pay for P1-P7 books", []),
        # Burton-cum-Walden Parish Council, 4 November 2025: "she" is the sentence before's subject.
        (
            "The Chairman noted that she and the Clerk had another Teams meeting with North Yorkshire Council. "
            "She undertook to report any further developments on this matter in due course.",
            [("commitment", "Chairman")],
        ),
    ],
)
def test_suggestions_offices_the_body_speaking_and_actions_of_no_one(
    text: str, expected: list[tuple[str, str]]
) -> None:
    meeting = replace(PARISH, attendance=[_person("Cathy Fleet", "Clerk")])
    assert _actions(text, meeting) == expected
