"""`agenda_items` and `memberships`: what an agenda front sheet states."""

from typing import ClassVar

from models.base import FROM_PAGE, OF_MEETING, Record
from models.vocab import AgendaPart, MembershipKind


class AgendaItemRecord(Record):
    """One numbered item on a meeting's agenda, with the pages of the pack it cites."""

    dataset: ClassVar[str] = "agenda_items"
    foreign_keys: ClassVar[dict[str, str]] = {
        **OF_MEETING,
        "section_document_id": "documents.document_id",
        **FROM_PAGE,
    }
    when_empty: ClassVar[str] = "No agenda was among the documents read."

    meeting_id: str
    item_number: str
    title: str
    """The item's title as printed."""
    part: AgendaPart = AgendaPart.OPEN
    """`I` for the open part of the meeting, `II` for items taken with press and public excluded."""
    first_page: int | None = None
    """The first pack page the agenda cites for the item ("Pages 7 - 18"); empty when none."""
    last_page: int | None = None
    """The last pack page the agenda cites; empty when none."""
    section_document_id: str = ""
    """The section of the pack those pages hold (`documents.document_id`)."""
    source_document_id: str
    page: int


class MembershipRecord(Record):
    """One member or substitute of a body, as listed on an agenda front sheet."""

    dataset: ClassVar[str] = "memberships"
    foreign_keys: ClassVar[dict[str, str]] = {**OF_MEETING, **FROM_PAGE}
    when_empty: ClassVar[str] = "No agenda read lists the body's membership (many parish agendas do not)."

    meeting_id: str
    name: str
    """The person's name without honorifics (`Steve Bucknell`)."""
    honorific: str = ""
    """`Cllr`, `Cllr Dr`, `Mr` ... as printed."""
    organisation: str = ""
    """The council or organisation the member represents, when printed."""
    role: str = ""
    """`Chairman`, `Vice-Chairman` ..., when printed."""
    kind: MembershipKind = MembershipKind.MEMBER
    """`member` or `substitute`."""
    source_document_id: str
    page: int
