"""Pydantic records of the published datasets: one class per dataset of DATASETS.md."""

from models.agenda import AgendaItemRecord, MembershipRecord
from models.base import Record
from models.documents import DocumentRecord
from models.entities import MentionRecord, PersonRecord
from models.meetings import MeetingRecord
from models.minutes import ActionRecord, AttendanceRecord, DecisionRecord, MinuteItemRecord
from models.scrape import AttendanceAgreementRecord, CoverageRecord, DocumentVersionRecord, SourceAttendanceRecord
from models.tables import KpiRecord, TableCellRecord, TableRecord

DATASETS: dict[str, type[Record]] = {
    model.dataset: model
    for model in (
        DocumentRecord,
        MeetingRecord,
        AgendaItemRecord,
        MinuteItemRecord,
        AttendanceRecord,
        MembershipRecord,
        DecisionRecord,
        ActionRecord,
        PersonRecord,
        MentionRecord,
        TableRecord,
        TableCellRecord,
        KpiRecord,
        SourceAttendanceRecord,
        AttendanceAgreementRecord,
        CoverageRecord,
        DocumentVersionRecord,
    )
}

__all__ = [
    "DATASETS",
    "ActionRecord",
    "AgendaItemRecord",
    "AttendanceAgreementRecord",
    "AttendanceRecord",
    "CoverageRecord",
    "DecisionRecord",
    "DocumentRecord",
    "DocumentVersionRecord",
    "KpiRecord",
    "MeetingRecord",
    "MembershipRecord",
    "MentionRecord",
    "MinuteItemRecord",
    "PersonRecord",
    "Record",
    "SourceAttendanceRecord",
    "TableCellRecord",
    "TableRecord",
]
