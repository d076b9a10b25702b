"""`minute_items`, `attendance`, `decisions` and `actions`: what minutes record."""

from typing import ClassVar

from models.base import Record
from models.vocab import ActionType, AttendanceStatus, DecisionOutcome


class MinuteItemRecord(Record):
    """One numbered item of a meeting's minutes, with its text."""

    dataset: ClassVar[str] = "minute_items"

    meeting_id: str
    item_number: str
    title: str
    text: str = ""
    source_document_id: str
    page: int


class AttendanceRecord(Record):
    """One person recorded at a meeting: present, also present (officers, guests), apologies or absent."""

    dataset: ClassVar[str] = "attendance"

    meeting_id: str
    name: str
    honorific: str = ""
    role: str = ""
    organisation: str = ""
    status: AttendanceStatus = AttendanceStatus.PRESENT
    substitute_for: str = ""
    remote: bool = False
    arrived_at: str = ""
    left_at: str = ""
    source_document_id: str
    page: int


class DecisionRecord(Record):
    """One decision recorded in minutes ("RESOLVED that ..."), with its outcome and movers."""

    dataset: ClassVar[str] = "decisions"

    meeting_id: str
    item_number: str
    text: str
    proposer: str = ""
    seconder: str = ""
    outcome: DecisionOutcome = DecisionOutcome.OTHER
    source_document_id: str
    page: int


class ActionRecord(Record):
    """One request, commitment or follow-up recorded in minutes, with who must act."""

    dataset: ClassVar[str] = "actions"

    meeting_id: str
    item_number: str
    text: str
    owner: str = ""
    action_type: ActionType = ActionType.REQUEST
    due_date: str = ""
    source_document_id: str
    page: int
    confidence: float = 0.0
