"""What a journalist or researcher opens: the codebook, SQLite for questions, the workbook, the report.

Read from the bundled agenda pack, published once by the command `make run` uses (`published`).
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless import validate

from models import DATASETS, DocumentRecord, KpiRecord
from runner.cli import main
from store.codebook import QUERIES
from store.report import render, series, when
from tests.conftest import PACK


def test_the_codebook_validates_with_the_csvs_and_catches_a_broken_reference(published: Path, tmp_path: Path) -> None:
    report = validate(published / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:5]
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    decisions = next(r for r in package["resources"] if r["name"] == "decisions")
    assert {"fields": "meeting_id", "reference": {"resource": "meetings", "fields": "meeting_id"}} in decisions[
        "schema"
    ]["foreignKeys"]
    outcome = next(f for f in decisions["schema"]["fields"] if f["name"] == "outcome")
    assert outcome["constraints"]["enum"] == ["resolved", "noted", "approved", "deferred", "rejected", "other"]

    broken = tmp_path / "broken"
    shutil.copytree(published, broken, symlinks=False)
    decisions_csv = broken / "csv" / "decisions.csv"
    text = decisions_csv.read_text(encoding="utf-8")
    decisions_csv.write_text(text.replace("/2024-", "/1999-", 1), encoding="utf-8")
    types = {e[0] for e in validate(broken / "datapackage.json").flatten(["type"])}
    assert "foreign-key" in types


def test_the_readme_says_what_a_row_is_why_a_dataset_is_empty_and_the_apostrophe_rule(published: Path) -> None:
    readme = (published / "README.md").read_text(encoding="utf-8")
    for name in DATASETS:
        assert f"### {name}" in readme
    assert "Rows in this run: 0.\nEmpty when: Filled only by the ModernGov scrape" in readme
    assert "| `proposer` | string | Who proposed the motion" in readme
    assert "leading apostrophe" in readme and "--csv-bom" in readme


def test_sqlite_has_keys_indexes_nulls_and_search(published: Path) -> None:
    db = sqlite3.connect(published / "council.sqlite")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [r[1] for r in db.execute("PRAGMA table_info(documents)") if r[5]] == ["document_id"]
    references = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(decisions)")}
    assert references == {("meetings", "meeting_id"), ("documents", "source_document_id")}
    for name in DATASETS:  # missing is NULL, never ''
        for column in DATASETS[name].columns():
            assert db.execute(f'SELECT count(*) FROM "{name}" WHERE "{column}" = \'\'').fetchone() == (0,), column
    asked = {"body": "Wiltshire Police and Crime Panel", "year": "2024"}
    for name, query in QUERIES.items():  # the questions Datasette offers run on indexes
        plan = " ".join(str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {query['sql']}", asked | {"name": "x"}))
        assert "USING INDEX" in plan and "SCAN" not in plan, (name, plan)
    rows = db.execute(QUERIES["decisions_of_a_body_in_a_year"]["sql"], asked).fetchall()
    assert [r[2] for r in rows] == ["36", "37", "39", "45"]
    found = db.execute(
        "SELECT m.item_number, m.page FROM minute_items_fts JOIN minute_items m ON m.rowid = minute_items_fts.rowid "
        "WHERE minute_items_fts MATCH 'Chairman'"
    ).fetchall()
    assert found and all(page > 0 for _, page in found)
    page, url = db.execute("SELECT page, page_url FROM decisions ORDER BY rowid LIMIT 1").fetchone()
    assert url == f"pdfs/{url[5:21]}.pdf#page={page}" and (published / url.split("#")[0]).is_file()


def test_booleans_dates_and_timestamps_are_typed_as_the_contract_says(published: Path) -> None:
    meetings = pq.read_table(published / "parquet" / "meetings.parquet")
    assert str(meetings.schema.field("date").type) == "date32[day]"
    assert isinstance(meetings.column("date")[0].as_py(), date)
    documents = pq.read_table(published / "parquet" / "documents.parquet")
    retrieved = documents.schema.field("retrieved_at").type
    assert pa.types.is_timestamp(retrieved) and retrieved.tz == "UTC"  # Parquet keeps seconds as milliseconds
    assert str(pq.read_table(published / "parquet" / "attendance.parquet").schema.field("remote").type) == "bool"
    with (published / "csv" / "attendance.csv").open(encoding="utf-8", newline="") as fh:
        assert {row["remote"] for row in csv.DictReader(fh)} <= {"true", "false"}


def test_the_workbook_types_its_cells_and_never_needs_an_apostrophe(published: Path) -> None:
    book = openpyxl.load_workbook(published / "council.xlsx")
    assert book.sheetnames[0] == "codebook"
    assert "source_attendance" not in book.sheetnames and "kpis" in book.sheetnames  # empty datasets have no sheet
    kpis = book["kpis"]
    assert kpis.freeze_panes == "A2" and kpis.auto_filter.ref
    header = [c.value for c in kpis[1]]
    rows = list(kpis.iter_rows(min_row=2, values_only=True))
    raw, value = header.index("value_raw"), header.index("value")
    signed = next(r for r in rows if str(r[raw]).startswith("-"))
    assert not str(signed[raw]).startswith("'")  # text cells are text: no apostrophe, not a formula
    assert any(isinstance(r[value], float) for r in rows)
    meetings = book["meetings"]
    assert isinstance(meetings.cell(2, [c.value for c in meetings[1]].index("date") + 1).value, datetime)


def test_bom_csvs_for_excel_still_validate(tmp_path: Path, published: Path) -> None:
    out = tmp_path / "bom"
    assert main(["extract", str(PACK), "--out", str(out), "--quiet", "--csv-bom"]) == 0
    assert (out / "csv" / "meetings.csv").read_bytes().startswith(b"\xef\xbb\xbfmeeting_id,")
    assert validate(out / "datapackage.json").valid


def test_a_measure_over_three_years_is_charted_with_its_page() -> None:
    # Kent County Council's 3-year revenue plan, page 1: one measure, a column per year and kind.
    printed = [
        ("2025-26 Core £000s", 1429506.8),
        ("INDICATIVE FOR PLANNING PURPOSES 2026-27 Core £000s", 1530923.8),
        ("INDICATIVE FOR PLANNING PURPOSES 2027-28 Core £000s", 1605168.4),
        ("2025-26 Total £000s", 1429506.8),
    ]
    kpis = [
        _kpi("123c3c05a9ed1dd6", 1, "t1", "", "Original base budget", period, value, "currency_gbp")
        for period, value in printed
    ]
    (charted,) = series(kpis)  # "Total" has one year only
    assert [p.label for p in charted.points] == ["2025-26", "2026-27", "2027-28"]
    page = render({"kpis": kpis}, {"123c3c05a9ed1dd6": "pdfs/123c3c05a9ed1dd6.pdf"})
    assert page.count("<svg") == 1 and 'href="pdfs/123c3c05a9ed1dd6.pdf#page=1"' in page


def _kpi(
    document: str, page: int, table: str, section: str, measure: str, period: str, value: float, unit: str
) -> KpiRecord:
    return KpiRecord(
        source_document_id=document,
        page=page,
        table_id=f"{document}-p{page}-{table}",
        section=section,
        measure=measure,
        period=period,
        value_raw=f"{value:,}",
        value=value,
        unit=unit,
    )


def _monthly(document: str, table: str, period: str, value: float) -> KpiRecord:
    # Wiltshire's Police and Crime Plan performance pack prints one month per pack ("Jul-2024").
    section, measure = "Crime & Communication Centre (999 Service)", "Abandonment Rate: All 999"
    return _kpi(document, 18, table, section, measure, period, value, "percent")


def test_a_measure_printed_month_after_month_in_successive_packs_is_one_series() -> None:
    packs = {"aaaa": "Jul-2024", "bbbb": "Aug-2024", "cccc": "Sep-2024"}
    kpis = [
        _monthly(doc, "t1", month, value) for (doc, month), value in zip(packs.items(), (1.0, 0.8, 1.3), strict=True)
    ]
    (charted,) = series(kpis, {doc: "Wiltshire Council" for doc in packs})
    assert [(p.label, p.source_document_id) for p in charted.points] == [
        ("Jul-2024", "aaaa"),
        ("Aug-2024", "bbbb"),
        ("Sep-2024", "cccc"),
    ]
    documents = [DocumentRecord(document_id=doc, sha256=doc * 16, council="Wiltshire Council") for doc in packs]
    page = render({"documents": documents, "kpis": kpis}, {doc: f"pdfs/{doc}.pdf" for doc in packs})
    assert 'href="pdfs/bbbb.pdf#page=18">Aug-2024</a>' in page
    # Another council's figures, or two tables of one document, are not joined into one line.
    assert series(kpis, {"aaaa": "Wiltshire Council", "bbbb": "Swindon Borough Council"}) == []
    assert series(kpis) == []  # documents of no known council
    two_tables = [*kpis[:2], _monthly("aaaa", "t2", "Sep-2024", 9.0)]
    assert series(two_tables, dict.fromkeys(packs, "Wiltshire Council")) == []


def test_spans_and_comparisons_are_not_points_in_time() -> None:
    assert when("Jul-2024") == ((2024, 7), "Jul-2024", "")
    assert when("Mar 26") == ((2026, 3), "Mar 26", "")
    assert when("12 Months to Jul-2024") is None
    assert when("12 Months to Jul-2023 vs. 12 Months to Jul-2024") is None
    assert when("Exception Weighting") is None
    assert when("June 30 2024") == ((2024, 0), "2024", "")  # a day of June, not June 2030


def test_pdfs_are_copied_where_they_cannot_be_hard_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def cross_device(src: object, dst: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("store.publish.os.link", cross_device)
    out = tmp_path / "elsewhere"
    assert main(["extract", str(PACK), "--out", str(out), "--quiet"]) == 0
    with sqlite3.connect(out / "council.sqlite") as db:
        (url,) = db.execute("SELECT page_url FROM decisions LIMIT 1").fetchone()
    assert url and (out / url.split("#")[0]).read_bytes()[:5] == b"%PDF-"
