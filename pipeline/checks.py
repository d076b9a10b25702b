"""Asset checks: domain invariants of the published datasets, one property each."""

import pandas as pd
from dagster import AssetCheckResult, AssetCheckSeverity, AssetIn, asset_check

from models import DATASETS

SAMPLE = 10


def _duplicates(df: pd.DataFrame) -> list[str]:
    dupes = df[df.duplicated(["meeting_id", "item_number"], keep=False)]
    return sorted({f"{m} #{n}" for m, n in zip(dupes["meeting_id"], dupes["item_number"], strict=True)})


@asset_check(asset="agenda_items", description="No meeting's agenda numbers an item twice.")
def agenda_numbering_unique(agenda_items: pd.DataFrame) -> AssetCheckResult:
    """Agenda item numbers are unique within each meeting."""
    dupes = _duplicates(agenda_items)
    return AssetCheckResult(passed=not dupes, metadata={"duplicates": len(dupes), "sample": ", ".join(dupes[:SAMPLE])})


@asset_check(asset="minute_items", description="No meeting's minutes number an item twice.")
def minute_numbering_unique(minute_items: pd.DataFrame) -> AssetCheckResult:
    """Minute item numbers are unique within each meeting."""
    dupes = _duplicates(minute_items)
    return AssetCheckResult(passed=not dupes, metadata={"duplicates": len(dupes), "sample": ", ".join(dupes[:SAMPLE])})


@asset_check(
    asset="decisions",
    additional_ins={"attendance": AssetIn("attendance")},
    description="Every proposer and seconder is in that meeting's attendance.",
)
def movers_attended(decisions: pd.DataFrame, attendance: pd.DataFrame) -> AssetCheckResult:
    """Proposers and seconders appear in the attendance of their meeting."""
    present = set(zip(attendance["meeting_id"], attendance["name"], strict=True))
    missing = sorted(
        {
            f"{row.meeting_id}: {name}"
            for row in decisions.itertuples()
            for name in (row.proposer, row.seconder)
            if isinstance(name, str) and name and (row.meeting_id, name) not in present
        }
    )
    return AssetCheckResult(passed=not missing, metadata={"missing": len(missing), "sample": "; ".join(missing[:SAMPLE])})


@asset_check(
    asset="documents",
    description="Every document could be read; failures are listed with their reasons.",
)
def documents_readable(documents: pd.DataFrame) -> AssetCheckResult:
    """Warn about documents whose status is not ok, naming them and why."""
    bad = documents[documents["status"] != "ok"]
    sample = [f"{r.file_name or r.document_id}: {r.status} ({r.error})" for r in bad.head(SAMPLE).itertuples()]
    return AssetCheckResult(
        passed=bad.empty, severity=AssetCheckSeverity.WARN,
        metadata={"failed": len(bad), "sample": "; ".join(sample)},
    )


def _provenance_check(dataset: str):  # type: ignore[no-untyped-def]
    @asset_check(
        asset=dataset, name=f"{dataset}_has_provenance",
        description="Every row names the document and page it was read from.",
    )
    def check(df: pd.DataFrame) -> AssetCheckResult:
        missing = df["source_document_id"].isna() | (df["source_document_id"] == "") | df["page"].isna()
        return AssetCheckResult(passed=not missing.any(), metadata={"rows_without_provenance": int(missing.sum())})

    return check


PROVENANCE_DATASETS = [
    name for name, model in DATASETS.items() if {"source_document_id", "page"} <= set(model.model_fields)
]
provenance_checks = [_provenance_check(name) for name in PROVENANCE_DATASETS]
all_checks = [agenda_numbering_unique, minute_numbering_unique, movers_attended, documents_readable, *provenance_checks]
