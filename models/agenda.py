"""`agenda_items` and `memberships`: what an agenda front sheet states."""

from typing import ClassVar

from models.base import Record
from models.vocab import AgendaPart, MembershipKind


class AgendaItemRecord(Record):
    """One numbered item on a meeting's agenda, with the pages of the pack it cites."""

    dataset: ClassVar[str] = "agenda_items"

    meeting_id: str
    item_number: str
    title: str
    part: AgendaPart = AgendaPart.OPEN
    first_page: int | None = None
    last_page: int | None = None
    section_document_id: str = ""
    source_document_id: str
    page: int


class MembershipRecord(Record):
    """One member or substitute of a body, as listed on an agenda front sheet."""

    dataset: ClassVar[str] = "memberships"

    meeting_id: str
    name: str
    honorific: str = ""
    organisation: str = ""
    role: str = ""
    kind: MembershipKind = MembershipKind.MEMBER
    source_document_id: str
    page: int
