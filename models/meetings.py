"""`meetings`: one row per meeting a document states facts about."""

from typing import ClassVar

from models.base import FROM_PAGE, ClockTime, IsoDate, Record


class MeetingRecord(Record):
    """One meeting of a body: when and where it met, as stated by an agenda or minutes. A pack yields
    the meeting it is the agenda for, and also the earlier meeting whose minutes it holds."""

    dataset: ClassVar[str] = "meetings"
    primary_key: ClassVar[tuple[str, ...]] = ("meeting_id",)
    foreign_keys: ClassVar[dict[str, str]] = FROM_PAGE
    when_empty: ClassVar[str] = "No agenda or minutes read states a meeting's date."

    meeting_id: str
    """`<body-slug>/<YYYY-MM-DD>` (a generic body such as `cabinet` is prefixed with its council);
    `<body-slug>/undated` when no date was found."""
    council: str = ""
    """The authority the body belongs to."""
    body: str = ""
    """The committee, panel or council that met."""
    date: IsoDate = ""
    """The day of the meeting."""
    start_time: ClockTime = ""
    """When it started, as `HH:MM` on the 24-hour clock; empty if not stated."""
    end_time: ClockTime = ""
    """When it closed, as `HH:MM`; empty if not stated."""
    venue: str = ""
    """Where it met, as printed."""
    source_document_id: str
    page: int
