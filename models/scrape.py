"""`source_attendance`, `attendance_agreement`, `coverage` and `document_versions`: what the scraper records."""

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
    # The meeting in the council's system, "<source>/<ModernGov meeting id>": the row's meeting
    # even when no document of ours states it (then `meeting_id` is empty).
    source_meeting_id: str = ""


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


class DocumentVersionRecord(Record):
    """One content a document URL has served: a file republished with other bytes is a new version."""

    dataset: ClassVar[str] = "document_versions"

    source_url: str
    sha256: str
    document_id: str
    fetched_at: str  # when the URL was last fetched, whatever came
    first_seen: str  # the first and last fetch that brought these bytes
    last_seen: str
    superseded_by: str = ""  # the next version's sha256; empty for the current one
