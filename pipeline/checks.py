"""Asset checks: domain invariants of the published datasets, one property each."""

import re

import pandas as pd
from dagster import AssetCheckResult, AssetCheckSeverity, AssetIn, asset_check

from extractors.kpis import parse_value
from extractors.vocab import FIGURE_START
from models import DATASETS
from models.vocab import Unit

# A performance table whose figures parse less often than this is probably misread.
MIN_NUMERIC_SHARE = 0.95

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
    return AssetCheckResult(
        passed=not missing, metadata={"missing": len(missing), "sample": "; ".join(missing[:SAMPLE])}
    )


@asset_check(
    asset="documents",
    description="Every document could be read; failures are listed with their reasons.",
)
def documents_readable(documents: pd.DataFrame) -> AssetCheckResult:
    """Warn about documents whose status is not ok, naming them and why."""
    bad = documents[documents["status"] != "ok"]
    sample = [f"{r.file_name or r.document_id}: {r.status} ({r.error})" for r in bad.head(SAMPLE).itertuples()]
    return AssetCheckResult(
        passed=bad.empty,
        severity=AssetCheckSeverity.WARN,
        metadata={"failed": len(bad), "sample": "; ".join(sample)},
    )


@asset_check(
    asset="documents",
    description="No agenda or minutes is silently empty: documents lacking what their kind should state.",
)
def documents_not_silently_empty(documents: pd.DataFrame) -> AssetCheckResult:
    """Warn about documents whose reader expected items, attendance or a date and found none."""
    flagged = documents[documents["warnings"].fillna("") != ""]
    sample = [f"{r.file_name or r.document_id} ({r.kind}): {r.warnings}" for r in flagged.head(SAMPLE).itertuples()]
    return AssetCheckResult(
        passed=flagged.empty,
        severity=AssetCheckSeverity.WARN,
        metadata={"documents_with_warnings": len(flagged), "sample": "; ".join(sample)},
    )


@asset_check(asset="kpis", description="The figures of every KPI table parse to numbers.")
def kpi_values_parse(kpis: pd.DataFrame) -> AssetCheckResult:
    """Per table, the share of figure-like cells (starting with a digit, sign or £) read as numbers."""
    if kpis.empty:
        return AssetCheckResult(passed=True, metadata={"tables": 0})
    figures = kpis[kpis["value_raw"].astype(str).str.match(FIGURE_START)]
    share = figures.groupby("table_id")["value"].apply(lambda v: float(v.notna().mean()))
    low = share[share < MIN_NUMERIC_SHARE].sort_values()
    text = kpis[kpis["unit"] == Unit.TEXT]
    return AssetCheckResult(
        passed=low.empty,
        metadata={
            "tables": int(kpis["table_id"].nunique()),
            "numeric_share_of_figures": round(float(figures["value"].notna().mean()), 4) if len(figures) else 1.0,
            "numeric_share_of_all_values": round(float(kpis["value"].notna().mean()), 4),
            "text_values": len(text),
            "tables_below_threshold": "; ".join(f"{t}: {v:.2f}" for t, v in low.head(SAMPLE).items()),
        },
    )


TOTAL_LABEL = r"^\s*(grand\s+)?totals?\b|^\s*net\s+total\b"


@asset_check(
    asset="table_cells",
    description="Where a table has a totals row, each of its figures equals the sum of the rows it totals.",
)
def totals_add_up(table_cells: pd.DataFrame) -> AssetCheckResult:
    """Report totals rows whose figures are not the sums of the rows they close (or open)."""
    mismatches, checked = [], 0
    for table_id, cells in table_cells.groupby("table_id"):
        grid = cells.pivot_table(index="row", columns="col", values="text", aggfunc="first").fillna("")
        values = [[parse_value(str(v)).value for v in row[1:]] for row in grid.itertuples(index=False)]
        labels = [str(v) for v in grid[grid.columns[0]]]
        totals = [i for i, label in enumerate(labels) if re.search(TOTAL_LABEL, label, re.I)]
        for i in totals:
            block = _block(values, totals, range(i - 1, 0, -1)) or _block(values, totals, range(i + 1, len(values)))
            for j, total in enumerate(values[i]):
                figures = [v for k in block if (v := values[k][j]) is not None]
                if total is None or len(figures) < 2:
                    continue
                checked += 1
                if abs(sum(figures) - total) > max(0.05 * len(figures), 1e-6 * abs(total), 0.5):
                    mismatches.append(f"{table_id} row {i} col {j + 1}: {sum(figures):g} vs {total:g}")
    return AssetCheckResult(
        passed=not mismatches,
        severity=AssetCheckSeverity.WARN,
        metadata={"totals_checked": checked, "mismatches": len(mismatches), "sample": "; ".join(mismatches[:SAMPLE])},
    )


def _block(values: list[list[float | None]], totals: list[int], rows: range) -> list[int]:
    """The rows a total covers: figures-bearing rows next to it, up to a heading row or another total."""
    block = []
    for k in rows:
        if k in totals or all(v is None for v in values[k]):
            break
        block.append(k)
    return block if len(block) >= 2 else []


def _provenance_check(dataset: str):  # type: ignore[no-untyped-def]
    @asset_check(
        asset=dataset,
        name=f"{dataset}_has_provenance",
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
# Below this share of the council's own record of who was present, a meeting's attendance is
# probably misread (the check warns; minutes and the council's record do differ at times).
MIN_ATTENDANCE_RECALL = 0.8


@asset_check(
    asset="attendance_agreement",
    description="The attendance read from minutes agrees with the council's own record (ModernGov).",
)
def attendance_agrees(attendance_agreement: pd.DataFrame) -> AssetCheckResult:
    """Overall precision and recall of our attendance against the council's, and the meetings below the bar."""
    df = attendance_agreement
    matched, ours, theirs = (int(df[c].sum()) for c in ("matched", "extracted_only", "source_only"))
    low = sorted(df.loc[df["recall"] < MIN_ATTENDANCE_RECALL, "meeting_id"])
    return AssetCheckResult(
        passed=not low,
        severity=AssetCheckSeverity.WARN,
        metadata={
            "meetings": len(df),
            "precision": round(matched / (matched + ours), 4) if matched + ours else 0.0,
            "recall": round(matched / (matched + theirs), 4) if matched + theirs else 0.0,
            "below_recall_bar": len(low),
            "sample": "; ".join(
                f"{m}: {d}" for m, d in zip(df["meeting_id"], df["disagreements"], strict=True) if m in low[:SAMPLE]
            ),
        },
    )


all_checks = [
    agenda_numbering_unique,
    minute_numbering_unique,
    movers_attended,
    documents_readable,
    documents_not_silently_empty,
    kpi_values_parse,
    totals_add_up,
    attendance_agrees,
    *provenance_checks,
]
