"""What one document yields: its records by dataset, and what ingest knew of the file.

Kept apart from the extractors so that a process collecting results (the CLI, the publish
step) can unpickle them without importing pdfplumber.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from models.base import Record


@dataclass(frozen=True)
class SourceInfo:
    """What the ingest step knows about a file before it is read."""

    file_name: str = ""
    source_url: str = ""
    retrieved_at: str = ""
    council: str = ""


class Extraction(BaseModel):
    """All records read from one PDF, by dataset name."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    rows: dict[str, list[Record]]
    # Set by a step that raised ("tables failed: ValueError: ..."); `merge` turns it into a failed row.
    failure: str = ""

    def count(self, dataset: str) -> int:
        """How many rows of a dataset this PDF gave."""
        return len(self.rows.get(dataset, []))
