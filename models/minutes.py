"""`minute_items`, `attendance`, `decisions` and `actions`: what minutes record."""

from typing import ClassVar

from models.base import FROM_PAGE, OF_MEETING, ClockTime, IsoDate, Record
from models.vocab import ActionType, AttendanceStatus, DecisionOutcome

NO_MINUTES = "No minutes were among the documents read."


class MinuteItemRecord(Record):
    """One numbered item of a meeting's minutes, with its text."""

    dataset: ClassVar[str] = "minute_items"
    foreign_keys: ClassVar[dict[str, str]] = {**OF_MEETING, **FROM_PAGE}
    when_empty: ClassVar[str] = NO_MINUTES

    meeting_id: str
    item_number: str
    title: str
    """The item's heading as printed."""
    text: str = ""
    """The item's text, its lines joined, running headers and footers left out."""
    source_document_id: str
    page: int


class AttendanceRecord(Record):
    """One person recorded at a meeting: present, also present (officers, guests), apologies or absent."""

    dataset: ClassVar[str] = "attendance"
    foreign_keys: ClassVar[dict[str, str]] = {**OF_MEETING, **FROM_PAGE}
    when_empty: ClassVar[str] = NO_MINUTES + " Minutes with no attendance block say so in `documents.warnings`."

    meeting_id: str
    name: str
    """The person's name without honorifics (`Steve Bucknell`)."""
    honorific: str = ""
    """`Cllr`, `Cllr Dr`, `Detective Superintendent` ... as printed."""
    role: str = ""
    """`Chairman`, `Vice-Chairman`, `Substitute`, or the officer's title as printed."""
    organisation: str = ""
    """The organisation, when printed."""
    status: AttendanceStatus = AttendanceStatus.PRESENT
    """`present`; `also_present` for officers and guests; `apologies`; `absent`."""
    substitute_for: str = ""
    """The member a substitute stood in for."""
    remote: bool = False
    """`true` when the minutes record the person attending online."""
    arrived_at: ClockTime = ""
    """When the minutes record a late arrival."""
    left_at: ClockTime = ""
    """When the minutes record an early departure."""
    source_document_id: str
    page: int


class DecisionRecord(Record):
    """One decision recorded in minutes ("RESOLVED that ..."), with its outcome and movers."""

    dataset: ClassVar[str] = "decisions"
    foreign_keys: ClassVar[dict[str, str]] = {**OF_MEETING, **FROM_PAGE}
    when_empty: ClassVar[str] = NO_MINUTES

    meeting_id: str
    item_number: str
    text: str
    """The decision as printed ("To appoint Cllr Steve Bucknell as Chairman for 2024/25.")."""
    proposer: str = ""
    """Who proposed the motion, when the minutes say (name as in `attendance`)."""
    seconder: str = ""
    """Who seconded it, when the minutes say."""
    outcome: DecisionOutcome = DecisionOutcome.OTHER
    """What was decided: `resolved`, `noted`, `approved`, `deferred`, `rejected` or `other`."""
    source_document_id: str
    page: int


class ActionRecord(Record):
    """One request, commitment or follow-up recorded in minutes, with who must act."""

    dataset: ClassVar[str] = "actions"
    foreign_keys: ClassVar[dict[str, str]] = {**OF_MEETING, **FROM_PAGE}
    when_empty: ClassVar[str] = NO_MINUTES

    meeting_id: str
    item_number: str
    text: str
    """The sentence as printed (with the sentence before it when a short action needs it)."""
    owner: str = ""
    """The person (name as in `attendance`), office or body who must act."""
    action_type: ActionType = ActionType.REQUEST
    """`request` (asked of someone), `commitment` (someone said they will) or `follow_up`."""
    due_date: IsoDate = ""
    """When it is due, when the minutes give a date."""
    source_document_id: str
    page: int
    confidence: float = 0.0
    """0-1: how sure the reader is that the sentence is an action and of its owner."""
