"""`meetings`: one row per meeting a document states facts about."""

from typing import ClassVar

from models.base import Record


class MeetingRecord(Record):
    """One meeting of a body: when and where it met, as stated by an agenda or minutes."""

    dataset: ClassVar[str] = "meetings"

    meeting_id: str
    council: str = ""
    body: str = ""
    date: str = ""
    start_time: str = ""
    end_time: str = ""
    venue: str = ""
    source_document_id: str
    page: int
