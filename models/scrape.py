"""`source_attendance`, `attendance_agreement` and `coverage`: what the scraper records."""

from typing import ClassVar

from models.base import Record


class SourceAttendanceRecord(Record):
    dataset: ClassVar[str] = "source_attendance"

    meeting_id: str
    member_id: str
    name: str
    role: str = ""
    attendance: str = ""
    source_url: str = ""
    retrieved_at: str = ""


class AttendanceAgreementRecord(Record):
    dataset: ClassVar[str] = "attendance_agreement"

    meeting_id: str
    matched: int
    extracted_only: int
    source_only: int
    precision: float
    recall: float
    disagreements: str = ""


class CoverageRecord(Record):
    dataset: ClassVar[str] = "coverage"

    source: str
    committee: str
    year: int
    meetings_listed: int
    meetings_with_documents: int
    documents_fetched: int
    documents_extracted: int
    documents_failed: int
