"""Publish: every dataset of DATASETS.md from all extracted documents, as one whole set of files."""

from collections.abc import Iterator
from pathlib import Path

from dagster import (
    AssetExecutionContext,
    AssetIn,
    AssetSpec,
    AutomationCondition,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    multi_asset,
)

from extractors.document import only_file_row
from models import DATASETS
from models.extraction import Extraction
from models.vocab import DocumentStatus
from pipeline.resources import DatasetsResource, RawStoreResource
from store.codebook import columns, describe
from store.datasets import combine, frame
from store.fetches import Manifest
from store.preview import markdown_preview
from store.scraped import scraped

# Publish when any document has been extracted, or has failed, since the last publish, once no
# extraction is running. Unlike eager(), a missing or failed partition never holds it back.
PUBLISH_WHEN = (
    (
        AutomationCondition.any_deps_updated()
        | AutomationCondition.any_deps_match(AutomationCondition.execution_failed().newly_true())
    ).since_last_handled()
    & ~AutomationCondition.any_deps_in_progress()
    & ~AutomationCondition.in_progress()
).with_label("any document extracted or failed")
WITHDRAWN = "file removed from the source folder; kept in the raw store"


def column_schema(dataset: str) -> TableSchema:
    """The dataset's columns, types and meanings for the UI, from the codebook."""
    return TableSchema(
        columns=[
            TableColumn(
                c.name, c.type, description=c.description + (" One of: " + ", ".join(c.values) if c.values else "")
            )
            for c in columns(dataset)
        ]
    )


def dataset_spec(dataset: str) -> AssetSpec:
    """One published dataset: read from every document's extraction, written as CSV, Parquet, SQLite."""
    return AssetSpec(
        dataset,
        group_name="datasets",
        deps=["document_extraction"],
        description=describe(dataset),
        kinds={"csv", "parquet", "sqlite"},
        metadata={"dagster/column_schema": column_schema(dataset)},
        automation_condition=PUBLISH_WHEN,
    ).with_io_manager_key("published_datasets")  # checks read the Parquet back


@multi_asset(
    specs=[dataset_spec(name) for name in DATASETS],
    ins={"document_extraction": AssetIn()},
    name="publish",
)
def datasets(
    context: AssetExecutionContext,
    document_extraction: dict[str, Extraction],
    output: DatasetsResource,
    raw_store: RawStoreResource,
) -> Iterator[MaterializeResult]:
    """Combine every extracted document's records and publish the whole set at once.

    A withdrawn document (its file removed from the source) keeps only its `documents` row,
    with status `withdrawn`: the file stays in the raw store, its facts leave the datasets.
    """
    archive = raw_store.store().entries()
    withdrawn = {e.document_id for e in archive if e.withdrawn}
    extractions = {
        key: only_file_row(e, DocumentStatus.WITHDRAWN, WITHDRAWN) if key in withdrawn else e
        for key, e in document_extraction.items()
    }
    records = combine(extractions[key] for key in sorted(extractions))
    fetches = raw_store.store().root / "manifest.sqlite"  # files the scraper fetched: their datasets
    if fetches.exists():
        records |= scraped(Manifest(fetches), records)
    pdfs = {e.sha256: Path(e.path) for e in archive if not e.withdrawn}
    manifest = output.publish(records, pdfs, log=context.log.info)
    context.log.info(f"published run {manifest['run_id']} ({len(extractions)} documents) to {output.out_dir}")
    for name, rows in records.items():
        yield MaterializeResult(
            asset_key=name,
            metadata={
                "dagster/row_count": len(rows),
                "run_id": str(manifest["run_id"]),
                "csv": MetadataValue.path(str(Path(output.out_dir) / "csv" / f"{name}.csv")),
                "codebook": MetadataValue.path(str(Path(output.out_dir) / "README.md")),
                "preview": MetadataValue.md(markdown_preview(frame(name, rows[:5]))),
            },
        )
