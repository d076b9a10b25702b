"""Publish: every dataset of DATASETS.md from all documents, as CSV, Parquet and SQLite."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from dagster import AssetExecutionContext, AssetIn, AssetOut, AutomationCondition, MetadataValue, Output, multi_asset

from extractors import EXTRACTOR_VERSION
from models import DATASETS
from models.extraction import Extraction
from pipeline.resources import DatasetsResource
from store.datasets import combine, frame
from store.preview import markdown_preview
from store.publish import output_lock, publish

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


@multi_asset(
    outs={
        name: AssetOut(
            group_name="datasets", description=(model.__doc__ or name).strip(), automation_condition=PUBLISH_WHEN
        )
        for name, model in DATASETS.items()
    },
    ins={"document_extraction": AssetIn(metadata={"allow_missing_partitions": True})},
)
def datasets(
    context: AssetExecutionContext, document_extraction: Any, output: DatasetsResource
) -> Iterator[Output[pd.DataFrame]]:
    """Combine every extracted document's records and publish the whole set at once."""
    extractions = by_document(document_extraction)
    records = combine(extractions[key].rows for key in sorted(extractions))
    out = Path(output.out_dir)
    with output_lock(out, on_wait=context.log.info):
        manifest = publish(out, records, EXTRACTOR_VERSION)
    context.log.info(f"published run {manifest['run_id']} ({len(extractions)} documents) to {out}")
    for name, rows in records.items():
        df = frame(name, rows)
        yield Output(
            df,
            output_name=name,
            metadata={
                "row_count": len(df),
                "csv": MetadataValue.path(str(out / "csv" / f"{name}.csv")),
                "preview": MetadataValue.md(markdown_preview(df)),
            },
        )


def by_document(loaded: Any) -> dict[str, Extraction]:
    """Per-document extractions by document id.

    The IO manager gives a dict of partitions, the bare value when only one exists, and
    nothing when none does.
    """
    if loaded is None:
        return {}
    if isinstance(loaded, Extraction):
        return {loaded.document_id: loaded}
    return {part.document_id: part for part in loaded.values()}
