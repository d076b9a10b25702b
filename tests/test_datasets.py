"""The published files: spreadsheet-safe CSV, typed Parquet, SQLite, byte-identical reruns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from models import DATASETS, DecisionRecord, KpiRecord
from models.extraction import Extraction
from store.datasets import combine, safe_cell, write_all


def test_formula_cells_are_defused_but_numbers_stay_numbers() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-20.6%") == "-20.6%"
    assert safe_cell("-0.7") == "-0.7"
    assert safe_cell("- item") == "'- item"


def _rows() -> Extraction:
    return Extraction.of(
        "abc",
        [
            DecisionRecord(
                meeting_id="x/2024-01-01", item_number="1", text="=cmd|' /C calc'!A0", source_document_id="abc", page=3
            ),
            KpiRecord(
                source_document_id="abc",
                page=2,
                table_id="abc-p2-t1",
                measure="Rate",
                period="Jul-2024",
                value_raw="6.3%",
                value=6.3,
                unit="percent",
            ),
        ],
    )


def test_every_dataset_written_with_header_even_when_empty(tmp_path: Path) -> None:
    write_all(tmp_path, combine([_rows()]))
    for name, model in DATASETS.items():
        header = (tmp_path / "csv" / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == model.columns()
    assert "'=cmd" in (tmp_path / "csv" / "decisions.csv").read_text(encoding="utf-8")
    table = pq.read_table(tmp_path / "parquet" / "kpis.parquet")
    assert str(table.schema.field("value").type) == "double"
    with sqlite3.connect(tmp_path / "council.sqlite") as db:
        text = db.execute("select text from decisions").fetchone()[0]
    assert text.startswith("=cmd")  # SQLite keeps the text exactly


def test_rerun_gives_byte_identical_csvs(tmp_path: Path) -> None:
    write_all(tmp_path / "a", combine([_rows()]))
    write_all(tmp_path / "b", combine([_rows()]))
    for name in DATASETS:
        assert (tmp_path / "a" / "csv" / f"{name}.csv").read_bytes() == (
            tmp_path / "b" / "csv" / f"{name}.csv"
        ).read_bytes()
    assert not list((tmp_path / "a" / "csv").glob(".*tmp"))
