"""What one document yields: its records, one typed field per dataset, and what ingest knew of the file.

Kept apart from the extractors so that a process collecting results (the CLI, the publish
step) can unpickle them without importing pdfplumber.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from models import (
    DATASETS,
    ActionRecord,
    AgendaItemRecord,
    AttendanceAgreementRecord,
    AttendanceRecord,
    CoverageRecord,
    DecisionRecord,
    DocumentRecord,
    DocumentVersionRecord,
    KpiRecord,
    MeetingRecord,
    MembershipRecord,
    MentionRecord,
    MinuteItemRecord,
    PersonRecord,
    Record,
    SourceAttendanceRecord,
    TableCellRecord,
    TableRecord,
)


@dataclass(frozen=True)
class SourceInfo:
    """What the ingest step knows about a file before it is read."""

    file_name: str = ""
    source_url: str = ""
    retrieved_at: str = ""
    council: str = ""


class Extraction(BaseModel):
    """All records read from one PDF: its `documents` rows (the file's first) and every dataset's."""

    # Records are validated when made; an extraction only groups them (see `of`).
    model_config = ConfigDict(frozen=True, defer_build=True)

    document_id: str
    documents: tuple[DocumentRecord, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    agenda_items: tuple[AgendaItemRecord, ...] = ()
    minute_items: tuple[MinuteItemRecord, ...] = ()
    attendance: tuple[AttendanceRecord, ...] = ()
    memberships: tuple[MembershipRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    mentions: tuple[MentionRecord, ...] = ()
    tables: tuple[TableRecord, ...] = ()
    table_cells: tuple[TableCellRecord, ...] = ()
    kpis: tuple[KpiRecord, ...] = ()
    source_attendance: tuple[SourceAttendanceRecord, ...] = ()
    attendance_agreement: tuple[AttendanceAgreementRecord, ...] = ()
    coverage: tuple[CoverageRecord, ...] = ()
    document_versions: tuple[DocumentVersionRecord, ...] = ()
    # Set by a step that raised ("tables failed: ValueError: ..."); `merge` turns it into a failed row.
    failure: str = ""

    @classmethod
    def of(cls, document_id: str, records: Iterable[Record], failure: str = "") -> Extraction:
        """The extraction holding these records, each in its dataset's field, in the order given."""
        grouped: dict[str, list[Record]] = {name: [] for name in DATASETS}
        for record in records:
            grouped[record.dataset].append(record)
        fields: dict[str, Any] = {name: tuple(rows) for name, rows in grouped.items()}
        return cls.model_construct(document_id=document_id, failure=failure, **fields)

    @property
    def file(self) -> DocumentRecord:
        """The file's own `documents` row (sections of a pack follow it)."""
        return self.documents[0]

    @property
    def rows(self) -> dict[str, tuple[Record, ...]]:
        """Every dataset's records, by dataset name."""
        return {name: getattr(self, name, ()) for name in DATASETS}  # one kept before a dataset was added has none

    def records(self) -> list[Record]:
        """Every record, dataset by dataset."""
        return [r for rows in self.rows.values() for r in rows]

    def count(self, dataset: str) -> int:
        """How many rows of a dataset this PDF gave."""
        return len(self.rows[dataset])
