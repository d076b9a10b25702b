"""The people registry and the mentions of people in minutes' prose."""

from __future__ import annotations

import re

from extractors.document import SourceInfo, extract_document
from extractors.people import registry
from models import AttendanceRecord, MeetingRecord
from models.vocab import AttendanceStatus
from store.datasets import combine
from tests.conftest import SEED_PACK, read_cached


def _meeting(mid: str, date: str) -> MeetingRecord:
    return MeetingRecord(meeting_id=mid, council="Kent County Council", date=date, source_document_id="", page=1)


def _at(mid: str, name: str, status: AttendanceStatus = AttendanceStatus.PRESENT) -> AttendanceRecord:
    return AttendanceRecord(meeting_id=mid, name=name, status=status, source_document_id="", page=1)


def test_a_name_with_initials_is_the_one_full_name_it_abbreviates_never_a_look_alike() -> None:
    meetings = [_meeting("cabinet/2025-01-30", "2025-01-30"), _meeting("council/2025-02-13", "2025-02-13")]
    attendance = [
        _at("cabinet/2025-01-30", "Roger Gough"),
        _at("council/2025-02-13", "R W Gough"),
        # Kent's minutes spell one member two ways; nothing says they are one person
        _at("cabinet/2025-01-30", "Vinay Manro"),
        _at("council/2025-02-13", "Vijay Manro", AttendanceStatus.APOLOGIES),
    ]
    people, merges = registry(attendance, meetings)
    by_name = {p.name: p for p in people}
    assert set(by_name) == {"Roger Gough", "Vinay Manro", "Vijay Manro"}
    assert merges == {"kent-county-council/r-w-gough": "kent-county-council/roger-gough"}
    gough = by_name["Roger Gough"]
    assert (gough.meetings_attended, gough.first_seen, gough.last_seen) == (2, "2025-01-30", "2025-02-13")
    assert by_name["Vijay Manro"].meetings_attended == 0  # sent apologies


def test_two_names_listed_at_one_meeting_are_two_people() -> None:
    meetings = [_meeting("council/2025-02-13", "2025-02-13")]
    people, merges = registry([_at(meetings[0].meeting_id, n) for n in ("R Gough", "Roger Gough")], meetings)
    assert len(people) == 2 and not merges


def test_the_seed_packs_attendees_are_one_person_each_and_their_mentions_point_at_them() -> None:
    extraction = extract_document(read_cached(SEED_PACK), SourceInfo(file_name=SEED_PACK.name))
    datasets = combine([extraction])
    attendees = {r.name for r in extraction.rows["attendance"]}  # type: ignore[attr-defined]
    people = {p.name: p for p in datasets["people"]}  # type: ignore[attr-defined]
    assert set(people) == attendees and len(datasets["people"]) == len(attendees)
    assert people["Steve Bucknell"].meetings_attended == 1 and people["Brian Mathew"].meetings_attended == 0
    prose = " ".join(i.text for i in extraction.rows["minute_items"])  # type: ignore[attr-defined]
    named = {n for n in attendees if re.search(rf"\b{re.escape(n)}\b", prose)}
    mentioned = {m.person_id for m in datasets["mentions"] if m.label == "PERSON"}  # type: ignore[attr-defined]
    assert named and {people[n].person_id for n in named} <= mentioned
    # "the PCC" is the Commissioner in the attendance list
    roles = {(m.text, m.person_id) for m in datasets["mentions"] if m.label == "ROLE"}  # type: ignore[attr-defined]
    assert ("PCC", people["Philip Wilkinson"].person_id) in roles


def test_without_the_english_model_the_council_rules_still_tag() -> None:
    from extractors.nlp import load

    doc = load("no-such-model")("The Chairman thanked Cllr Tony Pickernell and the Panel.")
    assert {(e.text, e.label_) for e in doc.ents} == {
        ("Chairman", "ROLE"),
        ("Tony Pickernell", "PERSON"),
        ("the Panel", "ORG"),
    }
