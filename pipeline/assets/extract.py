"""Extract: read one PDF into records of every dataset."""

from pathlib import Path

from dagster import AssetExecutionContext, asset

from extractors.document import Extraction, SourceInfo, extract_or_fail
from extractors.pages import read_pdf
from pipeline.partitions import documents_partitions
from store.raw import StoredPdf


@asset(group_name="extract", partitions_def=documents_partitions)
def document_extraction(context: AssetExecutionContext, raw_document: StoredPdf) -> Extraction:
    """All records of one document; a bad PDF gives a `documents` row that says why."""
    doc = read_pdf(Path(raw_document.path))
    source = SourceInfo(
        file_name=raw_document.file_name, source_url=raw_document.source_url,
        retrieved_at=raw_document.retrieved_at,
    )
    extraction = extract_or_fail(doc, source)
    row = extraction.rows["documents"][0]
    context.add_output_metadata(
        {
            "status": str(row.status),  # type: ignore[attr-defined]
            "error": row.error,  # type: ignore[attr-defined]
            "pages": doc.page_count,
            **{f"rows_{name}": len(rows) for name, rows in sorted(extraction.rows.items())},
        }
    )
    return extraction
