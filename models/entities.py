"""`people` and `mentions`: who appears across meetings, and entities tagged in text."""

from typing import ClassVar

from models.base import Record


class PersonRecord(Record):
    """One distinct person across all meetings, with the names, roles and meetings seen."""

    dataset: ClassVar[str] = "people"

    person_id: str
    name: str
    honorifics: str = ""
    roles: str = ""
    organisations: str = ""
    meetings_attended: int = 0
    first_seen: str = ""
    last_seen: str = ""


class MentionRecord(Record):
    """One entity (person, organisation, role, place, date, money ...) tagged in a document's text."""

    dataset: ClassVar[str] = "mentions"

    source_document_id: str
    page: int
    item_number: str = ""
    label: str
    text: str
    person_id: str = ""
    start_char: int
    end_char: int
