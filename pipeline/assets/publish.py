"""Publish: every dataset of DATASETS.md from all documents, as CSV, Parquet and SQLite."""

from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pandas as pd
from dagster import AssetExecutionContext, AssetIn, AssetOut, AutomationCondition, MetadataValue, Output, multi_asset

from extractors.document import Extraction
from models import DATASETS
from pipeline.resources import DatasetsResource
from store.datasets import combine, write_all

PREVIEW_ROWS = 5


@multi_asset(
    outs={
        name: AssetOut(
            group_name="datasets", description=(model.__doc__ or name).strip(),
            automation_condition=AutomationCondition.eager(),
        )
        for name, model in DATASETS.items()
    },
    ins={"document_extraction": AssetIn(metadata={"allow_missing_partitions": True})},
)
def datasets(
    context: AssetExecutionContext, document_extraction: Any, output: DatasetsResource
) -> Iterator[Output[pd.DataFrame]]:
    """Combine every document's records and write the published files atomically."""
    # The IO manager gives a dict of partitions, but the bare value when only one exists.
    by_key = {document_extraction.document_id: document_extraction} if isinstance(
        document_extraction, Extraction
    ) else document_extraction
    ordered = [by_key[key].rows for key in sorted(by_key)]
    frames = combine(ordered)
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


def markdown_preview(df: pd.DataFrame, rows: int = PREVIEW_ROWS, width: int = 40) -> str:
    """The first rows of a dataset as a Markdown table for the Dagster UI."""
    cols = list(df.columns)

    def cell(value: object) -> str:
        text = "" if value is None or value is pd.NA else str(value)
        return text.replace("|", "\\|").replace("\n", " ")[:width]

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.head(rows).itertuples(index=False)]
    return "\n".join(lines)
