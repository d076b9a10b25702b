"""`agenda_items` and `memberships`: what an agenda front sheet states."""

from typing import ClassVar

from models.base import Record
from models.vocab import MembershipKind


class AgendaItemRecord(Record):
    dataset: ClassVar[str] = "agenda_items"

    meeting_id: str
    item_number: str
    title: str
    part: str = "I"
    first_page: int | None = None
    last_page: int | None = None
    section_document_id: str = ""
    source_document_id: str
    page: int


class MembershipRecord(Record):
    dataset: ClassVar[str] = "memberships"

    meeting_id: str
    name: str
    honorific: str = ""
    organisation: str = ""
    role: str = ""
    kind: MembershipKind = MembershipKind.MEMBER
    source_document_id: str
    page: int
