"""Extract: one PDF (one partition) read and extracted in bounded worker processes."""

from dagster import AssetExecutionContext, AutomationCondition, MetadataValue, asset

from extractors import EXTRACTOR_VERSION
from models.extraction import Extraction, SourceInfo
from pipeline.partitions import documents_partitions
from pipeline.resources import WorkersResource
from runner.pool import extract
from runner.worker import Job
from store.datasets import frame
from store.preview import markdown_preview
from store.raw import StoredPdf

# An upgrade re-extracts every document: its rows may change (CHANGELOG says how).
REEXTRACT_ON_UPGRADE = (
    # dagster types since_last_handled() for asset-or-check conditions only; this one is an asset's
    AutomationCondition.code_version_changed().since_last_handled()  # type: ignore[misc]
    & ~AutomationCondition.in_progress()
).with_label("extractor version changed")
KPI_PREVIEW = ["page", "section", "measure", "period", "value_raw", "value", "unit", "confidence"]


@asset(
    group_name="extract",
    partitions_def=documents_partitions,
    io_manager_key="extractions",
    code_version=EXTRACTOR_VERSION,  # a new version shows every partition as stale in the UI
    automation_condition=REEXTRACT_ON_UPGRADE,
)
def document_extraction(
    context: AssetExecutionContext, raw_document: StoredPdf, workers: WorkersResource
) -> Extraction:
    """Every record, table and KPI of one PDF; a bad PDF gives a `documents` row that says why."""
    source = SourceInfo(
        file_name=raw_document.file_name, source_url=raw_document.source_url, retrieved_at=raw_document.retrieved_at
    )
    job = Job(raw_document.path, raw_document.sha256, source, workers.table_engine)
    [done] = extract([job], workers.limits(), workers.processes)
    for warning in done.warnings:
        context.log.warning(warning)
    extraction = done.extraction
    row = extraction.file
    kpis = frame("kpis", extraction.rows.get("kpis", []))
    context.add_output_metadata(
        {
            "file_name": raw_document.file_name,
            "title": row.title,
            "status": str(row.status),
            "error": row.error,
            "pages": done.pages,
            "worker_seconds": round(done.seconds, 2),
            "peak_worker_mib": round(done.peak_mb),
            **{f"rows_{name}": len(rows) for name, rows in sorted(extraction.rows.items())},
            "kpi_preview": MetadataValue.md(
                markdown_preview(kpis[KPI_PREVIEW], rows=10) if len(kpis) else "no KPI tables"
            ),
        }
    )
    return extraction
