"""Publish: every dataset of DATASETS.md from all documents, as CSV, Parquet and SQLite."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from dagster import AssetExecutionContext, AssetIn, AssetOut, AutomationCondition, MetadataValue, Output, multi_asset

from models import DATASETS, Record
from pipeline.resources import DatasetsResource
from store.datasets import combine, write_all
from store.preview import markdown_preview

PER_DOCUMENT = ("document_extraction", "document_tables", "document_kpis")


@multi_asset(
    outs={
        name: AssetOut(
            group_name="datasets", description=(model.__doc__ or name).strip(),
            automation_condition=AutomationCondition.eager(),
        )
        for name, model in DATASETS.items()
    },
    ins={name: AssetIn(metadata={"allow_missing_partitions": True}) for name in PER_DOCUMENT},
)
def datasets(
    context: AssetExecutionContext,
    document_extraction: Any,
    document_tables: Any,
    document_kpis: Any,
    output: DatasetsResource,
) -> Iterator[Output[pd.DataFrame]]:
    """Combine every document's records, tables and KPIs and write the published files atomically."""
    merged: dict[str, dict[str, list[Record]]] = {}
    for parts in (document_extraction, document_tables, document_kpis):
        for key, part in by_document(parts).items():
            for name, rows in part.rows.items():
                merged.setdefault(key, {}).setdefault(name, []).extend(rows)
    frames = combine(merged[key] for key in sorted(merged))
    paths = write_all(Path(output.out_dir), frames)
    context.log.info(f"wrote {len(frames)} datasets to {output.out_dir}")
    for name, df in frames.items():
        yield Output(
            df,
            output_name=name,
            metadata={
                "row_count": len(df),
                "csv": MetadataValue.path(str(paths[f"csv/{name}"])),
                "preview": MetadataValue.md(markdown_preview(df)),
            },
        )


def by_document(loaded: Any) -> dict[str, Any]:
    """Per-document outputs by document id.

    The IO manager gives a dict of partitions, or the bare value when only one exists.
    """
    if hasattr(loaded, "document_id"):
        return {loaded.document_id: loaded}
    return {part.document_id: part for part in loaded.values()}
