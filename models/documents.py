"""`documents`: one row per PDF file and one per section found inside a pack."""

from typing import ClassVar

from extractors import EXTRACTOR_VERSION
from models.base import Record, Timestamp
from models.vocab import DocumentKind, DocumentStatus


class DocumentRecord(Record):
    """One PDF file, or one document inside a pack (a section): what it is, where from, whether it was read."""

    dataset: ClassVar[str] = "documents"
    primary_key: ClassVar[tuple[str, ...]] = ("document_id",)
    foreign_keys: ClassVar[dict[str, str]] = {
        "parent_id": "documents.document_id",
        "meeting_id": "meetings.meeting_id",
    }

    document_id: str
    """The first 16 hex digits of the file's SHA-256; a section's is `<pack document_id>-s<n>`."""
    parent_id: str = ""
    """The pack's `document_id` for a section; empty for a file."""
    source_url: str = ""
    """Where the file was downloaded from; empty for a local file."""
    sha256: str
    """SHA-256 of the file's bytes (a section repeats its pack's): the name it is archived under."""
    council: str = ""
    """The publishing authority, e.g. `Wiltshire Council`."""
    body: str = ""
    """The committee or panel, e.g. `Wiltshire Police and Crime Panel`."""
    meeting_id: str = ""
    """The meeting the document belongs to."""
    kind: DocumentKind = DocumentKind.OTHER
    """What the document is."""
    title: str = ""
    """The title as printed."""
    first_page: int | None = None
    """A section's first page inside its pack (1 for a file)."""
    last_page: int | None = None
    """A section's last page inside its pack (`page_count` for a file)."""
    page_count: int | None = None
    """Number of pages; empty when the file could not be opened."""
    retrieved_at: Timestamp = ""
    """When the file was downloaded (UTC); for a local file, when it was last modified."""
    status: DocumentStatus = DocumentStatus.OK
    """Whether the file was read: `ok`, or why not."""
    error: str = ""
    """The reason, in one line, when `status` is not `ok`."""
    file_name: str = ""
    """The file's name as downloaded or found."""
    warnings: str = ""
    """What a reader expected for this kind of document and did not find (`no attendance`, `no items`),
    `; `-separated; empty when none."""
    kind_evidence: str = ""
    """What decided `kind` (`title words: minutes of`, `agenda cites the pages of the pack`)."""
    extractor_version: str = EXTRACTOR_VERSION
    """The version of the extractor that produced this document's rows."""
