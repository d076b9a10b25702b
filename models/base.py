"""The base of every published record: frozen, typed, columns in contract order, self-describing.

Each field's docstring is its column's description, and the class docstring the dataset's: the
codebook (`outputs/datapackage.json`, `outputs/README.md`), Datasette's metadata and the
workbook's first sheet are all generated from them (store/codebook.py), never written twice.
"""

from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints


class Format(StrEnum):
    """What a text column holds when it is more than text: its type in Table Schema and Parquet."""

    DATE = "date"  # ISO date, YYYY-MM-DD
    DATETIME = "datetime"  # UTC, YYYY-MM-DDTHH:MM:SSZ
    TIME = "time"  # HH:MM, 24-hour clock


# Checked when a record is made, so that a value Parquet cannot type fails its document, not the publish.
IsoDate = Annotated[str, Format.DATE, StringConstraints(pattern=r"^(\d{4}-\d\d-\d\d)?$")]
Timestamp = Annotated[str, Format.DATETIME, StringConstraints(pattern=r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$")]
ClockTime = Annotated[str, Format.TIME, StringConstraints(pattern=r"^(\d\d:\d\d)?$")]


class Record(BaseModel):
    """A row of a published dataset; field order is the column order of DATASETS.md."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", use_enum_values=True, defer_build=True, use_attribute_docstrings=True
    )
    dataset: ClassVar[str]
    # The columns that name one row, where the data guarantees it; rows of other datasets are
    # told apart only by their position (SQLite's rowid).
    primary_key: ClassVar[tuple[str, ...]] = ()
    # column -> "dataset.column" it refers to (an empty cell refers to nothing).
    foreign_keys: ClassVar[dict[str, str]] = {}
    # Why a run may leave the dataset empty, for the codebook.
    when_empty: ClassVar[str] = ""

    @classmethod
    def columns(cls) -> list[str]:
        """The dataset's columns, in published order."""
        return list(cls.model_fields)


# The descriptions of columns many datasets share, where a field gives none of its own.
COMMON_COLUMNS = {
    "source_document_id": "The document the row was read from (`documents.document_id`).",
    "page": "The page of that document that states it: 1-based, and for a pack the pack's page.",
    "meeting_id": "The meeting (`meetings.meeting_id`): `<body-slug>/<YYYY-MM-DD>`.",
    "item_number": "The agenda or minute item it belongs to, as printed (`5`, `5a`, `47/24`).",
    "table_id": "The table (`tables.table_id`): `<document_id>-p<page>-t<n>`.",
}

# The foreign keys that rows read from a page share.
FROM_PAGE = {"source_document_id": "documents.document_id"}
OF_MEETING = {"meeting_id": "meetings.meeting_id"}
