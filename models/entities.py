"""`people` and `mentions`: who appears across meetings, and entities tagged in text."""

from typing import ClassVar

from models.base import FROM_PAGE, IsoDate, Record


class PersonRecord(Record):
    """One distinct person across all meetings, with the names, roles and meetings seen."""

    dataset: ClassVar[str] = "people"
    primary_key: ClassVar[tuple[str, ...]] = ("person_id",)
    when_empty: ClassVar[str] = "No attendance was read."

    person_id: str
    """`<council-slug>/<name-slug>`: one person within one council."""
    name: str
    """The fullest form of the name seen."""
    honorifics: str = ""
    """Every honorific seen, `; `-separated."""
    roles: str = ""
    """Every role seen, `; `-separated."""
    organisations: str = ""
    """Every organisation seen, `; `-separated."""
    meetings_attended: int = 0
    """Meetings the person is recorded at as present or also present."""
    first_seen: IsoDate = ""
    """The first meeting's date the person is recorded at, in any status."""
    last_seen: IsoDate = ""
    """The last such meeting's date."""


class MentionRecord(Record):
    """One entity (person, organisation, role, place, date, money ...) tagged in a document's text."""

    dataset: ClassVar[str] = "mentions"
    foreign_keys: ClassVar[dict[str, str]] = {**FROM_PAGE, "person_id": "people.person_id"}
    when_empty: ClassVar[str] = "No minutes were read (entities are tagged in minutes' prose only)."

    source_document_id: str
    page: int
    item_number: str = ""
    label: str
    """The kind of entity: `PERSON`, `ORG`, `ROLE`, `GPE`, `DATE`, `MONEY` ... (spaCy's labels and `ROLE`)."""
    text: str
    """The words as printed."""
    person_id: str = ""
    """For a PERSON who attended, the person (`people.person_id`)."""
    start_char: int
    """Where the words start, in characters, in the item's prose as the pipeline reads it (its lines outside
    tables, paragraphs joined), which is not `minute_items.text`; for an action table, in the cell."""
    end_char: int
    """Where they end."""
