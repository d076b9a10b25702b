"""Extract: read one PDF into pages, then into records, tables and KPIs (one partition each)."""

from pathlib import Path

from dagster import AssetExecutionContext, MetadataValue, asset

from extractors.document import DocumentTables, Extraction, SourceInfo, extract_kpis, extract_or_fail, extract_tables
from extractors.pages import PdfDocument, read_pdf
from pipeline.partitions import documents_partitions
from store.datasets import frame
from store.preview import markdown_preview
from store.raw import StoredPdf


@asset(group_name="extract", partitions_def=documents_partitions)
def document_pages(context: AssetExecutionContext, raw_document: StoredPdf) -> PdfDocument:
    """The PDF read into pages of lines and ruled grids, or why it could not be read."""
    doc = read_pdf(Path(raw_document.path))
    context.add_output_metadata({"status": str(doc.status), "error": doc.error, "pages": doc.page_count})
    return doc


@asset(group_name="extract", partitions_def=documents_partitions)
def document_extraction(
    context: AssetExecutionContext, raw_document: StoredPdf, document_pages: PdfDocument
) -> Extraction:
    """Documents, meetings, agenda and minutes records; a bad PDF gives a `documents` row that says why."""
    source = SourceInfo(
        file_name=raw_document.file_name, source_url=raw_document.source_url,
        retrieved_at=raw_document.retrieved_at,
    )
    extraction = extract_or_fail(document_pages, source)
    row = extraction.rows["documents"][0]
    context.add_output_metadata(
        {
            "status": str(row.status),  # type: ignore[attr-defined]
            "error": row.error,  # type: ignore[attr-defined]
            **{f"rows_{name}": len(rows) for name, rows in sorted(extraction.rows.items())},
        }
    )
    return extraction


@asset(group_name="extract", partitions_def=documents_partitions)
def document_tables(context: AssetExecutionContext, document_pages: PdfDocument) -> DocumentTables:
    """Every table of the PDF as a grid, continued tables joined, with its title."""
    tables = extract_tables(document_pages)
    rows = tables.rows  # built from the tables on each access
    listing = frame("tables", rows["tables"])
    context.add_output_metadata(
        {
            "tables": len(tables.tables),
            "cells": len(rows["table_cells"]),
            "preview": MetadataValue.md(markdown_preview(listing.drop(columns=["source_document_id"]), rows=10)),
        }
    )
    return tables


@asset(group_name="extract", partitions_def=documents_partitions)
def document_kpis(context: AssetExecutionContext, document_tables: DocumentTables) -> Extraction:
    """One typed row per figure of the PDF's performance tables."""
    kpis = extract_kpis(document_tables)
    df = frame("kpis", kpis.rows["kpis"])
    numeric = int(df["value"].notna().sum()) if len(df) else 0
    context.add_output_metadata(
        {
            "kpis": len(df),
            "numeric": numeric,
            "preview": MetadataValue.md(
                markdown_preview(df[["page", "section", "measure", "period", "value_raw", "value", "unit"]], rows=10)
                if len(df) else "no performance tables"
            ),
        }
    )
    return kpis


