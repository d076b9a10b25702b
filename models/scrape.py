"""`source_attendance`, `attendance_agreement`, `coverage` and `document_versions`: what the scraper records."""

from typing import ClassVar

from models.base import OF_MEETING, Record, Timestamp

FROM_SCRAPE = "Filled only by the ModernGov scrape (`councilpacks scrape`, or the Dagster discovery)."


class SourceAttendanceRecord(Record):
    """One attendee of a meeting as the council's own committee system publishes it."""

    dataset: ClassVar[str] = "source_attendance"
    foreign_keys: ClassVar[dict[str, str]] = OF_MEETING
    when_empty: ClassVar[str] = FROM_SCRAPE

    meeting_id: str
    """The meeting, when a document we read states it; empty otherwise."""
    member_id: str
    """The member's id in the council's system."""
    name: str
    """The name as the council publishes it."""
    role: str = ""
    """The role as published (`Chairman`, `Substitute` ...)."""
    attendance: str = ""
    """The attendance as published (`Present`, `Apologies`, `Expected` ...)."""
    source_url: str = ""
    """The web-service call it was read from."""
    retrieved_at: Timestamp = ""
    """When the list was read (UTC); unchanged while the list is."""
    source_meeting_id: str = ""
    """The meeting in the council's system, `<source>/<ModernGov meeting id>`: the row's meeting even
    when no document of ours states it."""


class AttendanceAgreementRecord(Record):
    """One meeting: how the attendance read from its minutes agrees with the council's own record."""

    dataset: ClassVar[str] = "attendance_agreement"
    primary_key: ClassVar[tuple[str, ...]] = ("meeting_id",)
    foreign_keys: ClassVar[dict[str, str]] = OF_MEETING
    when_empty: ClassVar[str] = FROM_SCRAPE

    meeting_id: str
    matched: int
    """People both in our `attendance` (present) and in the council's record (present)."""
    extracted_only: int
    """People we read as present whom the council's record does not list as present."""
    source_only: int
    """People the council lists as present whom we did not read as present."""
    precision: float
    """matched / (matched + extracted_only)."""
    recall: float
    """matched / (matched + source_only)."""
    disagreements: str = ""
    """The names that differ, `; `-separated."""


class CoverageRecord(Record):
    """One source, committee and year: meetings listed, documents fetched, extracted and failed."""

    dataset: ClassVar[str] = "coverage"
    primary_key: ClassVar[tuple[str, ...]] = ("source", "committee", "year")
    when_empty: ClassVar[str] = FROM_SCRAPE

    source: str
    """The source's name in `sources.yaml`."""
    committee: str
    """The committee's id in the council's system."""
    year: int
    """The year the meetings were held."""
    meetings_listed: int
    """Meetings the council lists."""
    meetings_with_documents: int
    """Of those, meetings with at least one public document."""
    documents_fetched: int
    """Files downloaded and kept."""
    documents_extracted: int
    """Of those, files read with status `ok`."""
    documents_failed: int
    """Downloads that failed, or files that could not be read."""


class DocumentVersionRecord(Record):
    """One content a document URL has served: a file republished with other bytes is a new version."""

    dataset: ClassVar[str] = "document_versions"
    primary_key: ClassVar[tuple[str, ...]] = ("source_url", "sha256")
    when_empty: ClassVar[str] = FROM_SCRAPE

    source_url: str
    """The document's URL."""
    sha256: str
    """SHA-256 of this version's bytes."""
    document_id: str
    """This version's `documents.document_id` (the first 16 hex digits of `sha256`)."""
    fetched_at: Timestamp
    """When the URL was last fetched, whatever came (UTC)."""
    first_seen: Timestamp
    """The first fetch that brought these bytes."""
    last_seen: Timestamp
    """The last fetch that brought these bytes."""
    superseded_by: str = ""
    """The next version's `sha256`; empty for the current one."""
