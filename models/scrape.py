"""`source_attendance`, `attendance_agreement` and `coverage`: what the scraper records."""

from typing import ClassVar

from models.base import Record


class SourceAttendanceRecord(Record):
    """One attendee of a meeting as the council's own committee system publishes it."""

    dataset: ClassVar[str] = "source_attendance"

    meeting_id: str
    member_id: str
    name: str
    role: str = ""
    attendance: str = ""
    source_url: str = ""
    retrieved_at: str = ""


class AttendanceAgreementRecord(Record):
    """One meeting: how the attendance read from its minutes agrees with the council's own record."""

    dataset: ClassVar[str] = "attendance_agreement"

    meeting_id: str
    matched: int
    extracted_only: int
    source_only: int
    precision: float
    recall: float
    disagreements: str = ""


class CoverageRecord(Record):
    """One source, committee and year: meetings listed, documents fetched, extracted and failed."""

    dataset: ClassVar[str] = "coverage"

    source: str
    committee: str
    year: int
    meetings_listed: int
    meetings_with_documents: int
    documents_fetched: int
    documents_extracted: int
    documents_failed: int
