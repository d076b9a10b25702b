"""`documents`: one row per PDF file and one per section found inside a pack."""

from typing import ClassVar

from extractors import EXTRACTOR_VERSION
from models.base import Record
from models.vocab import DocumentKind, DocumentStatus


class DocumentRecord(Record):
    """One PDF file, or one document inside a pack (a section): what it is, where from, whether it was read."""

    dataset: ClassVar[str] = "documents"

    document_id: str
    parent_id: str = ""
    source_url: str = ""
    sha256: str
    council: str = ""
    body: str = ""
    meeting_id: str = ""
    kind: DocumentKind = DocumentKind.OTHER
    title: str = ""
    first_page: int | None = None
    last_page: int | None = None
    page_count: int | None = None
    retrieved_at: str = ""
    status: DocumentStatus = DocumentStatus.OK
    error: str = ""
    file_name: str = ""
    # What a reader expected for this kind of document and did not find, "; "-separated.
    warnings: str = ""
    # What decided `kind` ("title words: minutes of", "agenda cites pages of the pack").
    kind_evidence: str = ""
    # Set on every row, so each document says which extractor produced its rows.
    extractor_version: str = EXTRACTOR_VERSION
