"""Venue and times of a meeting, from title blocks and closing lines printed in real agendas and minutes."""

from __future__ import annotations

import pytest

from extractors import agenda, minutes, title_block
from extractors.segment import title_of
from tests.conftest import placed


@pytest.mark.parametrize(
    ("printed", "venue", "start"),
    [
        (  # Burton-cum-Walden's public notice: the venue runs over a line break up to the date
            "PUBLIC NOTICE\n"
            "A Meeting of Burton-cum-Walden Parish Council will be held in the Village Hall, West\n"
            "Burton, on Tuesday 4 November 2025 at 8.00 pm.\n"
            "Members of the public are invited to address the Council between 8.00 pm and 8.15 pm",
            "Village Hall, West Burton",
            "20:00",
        ),
        (  # Souldern's agenda: "<date> at <time> in the <venue>", the next line not part of it
            "Souldern Parish Council - Meeting of the Parish Council\n"
            "30th October 2025 at 7.30pm in the Village Hall\n"
            "Agenda & Summons to Councillors and Invitation to Members of the Public",
            "Village Hall",
            "19:30",
        ),
        (  # Hertingfordbury's summons: a 24-hour time with no stop
            "Members of the Council are hereby summoned to attend a Meeting of Hertingfordbury Parish\n"
            "Council to be held at Hertingfordbury Cowper JMI School, Birch Green, on Wednesday 11th\n"
            "October 2017 at 1900.",
            "Hertingfordbury Cowper JMI School, Birch Green",
            "19:00",
        ),
        (  # Cuyahoga Community College: venue under the date, the time after it
            "Regular Meeting of the Board of Trustees\n"
            "Cuyahoga Community College District\n"
            "Thursday, September 26, 2019\n"
            "Jerry Sue Thornton Center - Ford Room\n"
            "1:30 p.m.\n"
            "AGENDA\n"
            "I. ROLL CALL",
            "Jerry Sue Thornton Center - Ford Room",
            "13:30",
        ),
        (  # Kent's front sheet: an aside in brackets and contact details between date and venue
            "AGENDA\n"
            "CABINET\n"
            "Thursday, 13th March, 2025, at 3.00 pm Ask for: Georgina Little\n"
            "(or on the rising of Full Council,\n"
            "whichever is the later)\n"
            "Council Chamber, Sessions House, Telephone: Tel: 03000 414043\n"
            "County Hall, Maidstone Email:\n"
            "1. Apologies",
            "Council Chamber, Sessions House, County Hall, Maidstone",
            "15:00",
        ),
        (  # Rancho Palos Verdes: an upper-case venue over three lines, the time under it
            "AGENDA\n"
            "RANCHO PALOS VERDES CITY COUNCIL MEETING\n"
            "DECEMBER 6, 2022\n"
            "FRED HESSE COMMUNITY PARK, MCTAGGART HALL\n"
            "29301 HAWTHORNE BOULEVARD, RANCHO PALOS VERDES\n"
            "90275\n"
            "7:00 P.M. REGULAR MEETING",
            "FRED HESSE COMMUNITY PARK, MCTAGGART HALL, 29301 HAWTHORNE BOULEVARD, RANCHO PALOS VERDES, 90275",
            "19:00",
        ),
    ],
)
def test_agenda_venue_and_start(printed: str, venue: str, start: str) -> None:
    facts = agenda.meeting_facts(placed(printed))
    assert (facts.venue, facts.start_time) == (venue, start)


def test_minutes_venue_under_the_date_past_the_time_range() -> None:
    """Hyndland parent council: date, then "7pm-9pm", then the venue, then attendees."""
    lines = placed(
        "Parent Council Meeting 26.11.25\n7pm-9pm\nHyndland Primary School\nAttendees: Dorian Grieves (chair)"
    )
    facts = minutes.meeting_facts(lines, len(lines))
    assert (facts.date, facts.venue, facts.start_time, facts.end_time) == (
        "2025-11-26",
        "Hyndland Primary School",
        "19:00",
        "21:00",
    )


def test_minutes_venue_ends_with_its_line() -> None:
    """Chicago SSA #21: "<time> at <venue>" and a bulleted heading on the next line."""
    lines = placed(
        "Lincoln Square Special Service Area #21\n"
        "Commission Meeting Minutes\n"
        "Minutes from Monday, January 29, 2018 \u2013 9:00am at Carbon Arc Bar & Board\n"
        "\uf0b7 Perfunctory Business"
    )
    assert minutes.meeting_facts(lines, len(lines)).venue == "Carbon Arc Bar & Board"


@pytest.mark.parametrize(
    ("closing", "start", "end"),
    [
        ("There being no further business the meeting closed at 8.16.", "19:00", "20:16"),  # Tintern
        ("Meeting Closed 21:00pm", "", "21:00"),  # Sutton Coldfield
        ("The meeting was adjourned at 7:48 p.m.", "19:07", "19:48"),  # East Palo Alto
        ("The meeting closed at 12.55 pm", "10:00", "12:55"),
    ],
)
def test_end_time_from_the_closing_line(closing: str, start: str, end: str) -> None:
    head = f"held on Monday 24th June 2019 at {start}" if start else "Minutes"
    assert title_block.times(head, f"{head} ... {closing}") == (start, end)


def test_minutes_venue_with_the_sentence_tail_on_the_next_line() -> None:
    """The seed pack's minutes: the postcode's last part and the stop on a line of their own."""
    lines = placed(
        "MINUTES OF THE WILTSHIRE POLICE AND CRIME PANEL MEETING HELD ON 27 JUNE 2024\n"
        "AT THE OLD FIRE STATION, THE ENTERPRISE NETWORK, 2 SALT LANE, SALISBURY, SP1\n"
        "1DU.\n"
        "Present:"
    )
    venue = minutes.meeting_facts(lines, len(lines)).venue
    assert venue == "OLD FIRE STATION, THE ENTERPRISE NETWORK, 2 SALT LANE, SALISBURY, SP1 1DU"


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        (  # Bristol: the council's name above, the title wrapped, the date under it, all one type
            "**Bristol City Council\n**Minutes of the Transport and Connectivity\n**Policy Committee\n"
            "**12 September 2024 at 5.00 pm\nMembers Present:-",
            "Minutes of the Transport and Connectivity Policy Committee",
        ),
        (  # the seed pack's minutes: the title runs into when and where the meeting was held
            "**MINUTES OF THE WILTSHIRE POLICE AND CRIME PANEL MEETING HELD ON 27 JUNE 2024\n"
            "**AT THE OLD FIRE STATION, THE ENTERPRISE NETWORK, 2 SALT LANE, SALISBURY, SP1\n**1DU.",
            "MINUTES OF THE WILTSHIRE POLICE AND CRIME PANEL MEETING",
        ),
        ("**CABINET\nThursday, 30th January, 2025, at 10.00 am", "CABINET"),  # Kent: no title words
    ],
)
def test_printed_title(printed: str, title: str) -> None:
    assert title_of([p.line for p in placed(printed)]) == title


@pytest.mark.parametrize(
    ("printed", "council", "body"),
    [
        ("Parish Council", "Burton-cum-Walden Parish Council", "Burton-cum-Walden Parish Council"),
        ("above Council", "Tintern Community Council", "Tintern Community Council"),  # "a meeting of the above Council"
        ("Meeting", "Ayton Community Council", "Ayton Community Council"),
        ("County Council", "Kent County Council", "Kent County Council"),
        ("2709. Police Report", "Tintern Community Council", "Tintern Community Council"),  # an item, not a title
        ("7pm-9pm", "Parent Council", "Parent Council"),
        ("Rancho Palos Verdes City Council Meeting", "", "Rancho Palos Verdes City Council"),
        (
            "Transport and Connectivity Policy Committee",
            "Bristol City Council",
            "Transport and Connectivity Policy Committee",
        ),
    ],
)
def test_body_is_the_committee_named_else_the_council(printed: str, council: str, body: str) -> None:
    assert title_block.body(printed, council) == body


def test_agenda_and_minutes_of_one_meeting_share_its_id() -> None:
    """Souldern, 30 Oct 2025: the agenda names no body, the minutes' title runs on to the venue."""
    agenda_lines = placed(
        "Souldern Parish Council - Meeting of the Parish Council\n30th October 2025 at 7.30pm in the Village Hall"
    )
    minutes_lines = placed(
        "MINUTES OF THE MEETING OF SOULDERN PARISH COUNCIL\nHELD IN THE VILAGE HALL\nON 30th October 2025\n"
        "Present: Members of the Public:"
    )
    council = "Souldern Parish Council"
    bodies = {
        title_block.body(agenda.meeting_facts(agenda_lines).body, council),
        title_block.body(minutes.meeting_facts(minutes_lines, len(minutes_lines)).body, council),
    }
    assert bodies == {council}


def test_the_date_an_agenda_was_revised_is_not_the_meetings() -> None:
    """Cuyahoga County Board of Health: a revision stamp above the agenda's own date."""
    lines = placed("REVISED\n4/23/19\nCUYAHOGA COUNTY BOARD OF HEALTH\nAGENDA \u2013 April 24, 2019\n1. Call to Order.")
    assert agenda.meeting_facts(lines).date == "2019-04-24"


@pytest.mark.parametrize(
    ("head", "start"),
    [
        ("October 2017 at 1900.", "19:00"),  # Hertingfordbury's summons
        ("held on 11th October 2017 at 19.00 in Hertingfordbury Cowper School", "19:00"),
        ("at 1900 hours", "19:00"),
        ("Regular Meeting held at 145 Main Street", ""),  # an address, not a time
        ("held at 1200 Victoria Street", ""),
    ],
)
def test_a_24_hour_time_after_at_but_not_a_street_number(head: str, start: str) -> None:
    assert title_block.times(head, head)[0] == start
