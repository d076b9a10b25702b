"""Camelot as a table engine: a ruled corpus table read through it, the per-region choice, the CLI flag."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors import camelot_tables
from extractors.camelot_tables import candidate_pages, choose, read_tables_with, to_table, with_engine
from extractors.pages import CamelotTable, read_pdf
from extractors.tables import Table, read_tables
from models.vocab import TableEngine
from runner.cli import main, parser
from tests.conftest import DATA

# A fully ruled four-column results grid (tests/labels/tables-sutton-election-2018).
ELECTION = DATA / "uk_sutton_coldfield_tc_2018-05-03_election_results_vesey.pdf"


def _table(rows: list[list[str]], method: str, top: float = 100, bottom: float = 300, page: int = 1) -> Table:
    return Table(page=page, x0=50, top=top, x1=550, bottom=bottom, rows=tuple(map(tuple, rows)), method=method)


RESULTS = [
    ["Name", "Party", "Number of Votes", "Elected"],
    ["Burrows Alan Stephen", "Independents for Sutton", "1652", "No"],
    ["Cairns Janet", "Conservative Party", "2304", "Yes"],
    ["Farr Thomas", "Conservative Party", "1709", "No"],
]
# The same grid read as one column per row, as a reader that misses the column rules would.
COLLAPSED = [["Name Party Number of Votes Elected"], ["Burrows Alan Stephen Independents for Sutton 1652 No"]]


def test_a_ruled_corpus_table_is_read_by_camelot_lattice():
    doc = read_pdf(ELECTION)
    tables = read_tables_with(TableEngine.CAMELOT, list(doc.pages), doc.path)
    results = next(t for t in tables if t.header[:2] == ("Name", "Party"))
    assert results.method == "lattice"
    assert ("Cairns Janet", "Conservative Party", "2304", "Yes") in results.rows
    assert results.n_rows == 11  # header and ten candidates
    assert 0 < results.top < results.bottom < 842  # top-down page coordinates, as pdfplumber's


def test_camelot_runs_only_where_ours_sees_a_grid_or_a_table():
    doc = read_pdf(ELECTION)
    pages = list(doc.pages)
    assert candidate_pages(pages, []) == {1: "lattice"}  # the page draws a ruled grid
    assert candidate_pages([p for p in pages if not p.grids], []) == {}


def test_camelot_cells_are_cleaned_as_ours_and_empty_columns_dropped():
    raw = CamelotTable(
        1, 50, 100, 550, 300, (("Jul-\n2024", "", "Multi-\nStorey"), ("1,100", "", "24 hours")), "lattice"
    )
    table = to_table(raw)
    assert table is not None
    assert table.rows == (("Jul-2024", "Multi-Storey"), ("1,100", "24 hours"))


def test_choose_keeps_the_better_reading_of_each_region_and_ours_on_ties():
    ours = [_table(COLLAPSED, "stream"), _table(RESULTS, "pdfplumber", top=400, bottom=600)]
    theirs = [_table(RESULTS, "lattice"), _table(RESULTS, "lattice", top=420, bottom=590)]
    kept = choose(ours, theirs)
    assert [t.method for t in kept] == ["lattice", "pdfplumber"]  # theirs wins the first region, a tie the second


def test_choose_keeps_tables_only_one_reader_found():
    ours = [_table(RESULTS, "pdfplumber")]
    theirs = [_table(RESULTS, "lattice", page=2)]
    assert len(choose(ours, theirs)) == 2


def test_a_continued_table_claims_its_region_on_the_next_page():
    continued = Table(1, 50, 500, 550, 800, tuple(map(tuple, RESULTS)), "pdfplumber", pages=(1, 2), end=200)
    theirs = [_table(RESULTS[:1] + RESULTS[2:], "lattice", top=60, bottom=180, page=2)]
    assert choose([continued], theirs) == [continued]


def test_cli_takes_a_table_engine(tmp_path: Path):
    assert parser().parse_args(["extract", "x.pdf", "--table-engine", "camelot"]).table_engine is TableEngine.CAMELOT
    with pytest.raises(SystemExit):
        parser().parse_args(["extract", "x.pdf", "--table-engine", "tabula"])
    out = tmp_path / "out"
    assert main(["extract", str(ELECTION), "--out", str(out), "--quiet", "--table-engine", "camelot"]) == 0
    with (out / "csv" / "tables.csv").open(encoding="utf-8") as fh:
        methods = {row["method"] for row in csv.DictReader(fh)}
    assert methods == {"lattice"}
    # A rerun with another engine extracts again rather than reuse the camelot run's tables.
    assert main(["extract", str(ELECTION), "--out", str(out), "--quiet", "--table-engine", "plumber"]) == 0
    with (out / "csv" / "tables.csv").open(encoding="utf-8") as fh:
        assert "pdfplumber" in {row["method"] for row in csv.DictReader(fh)}


def test_a_camelot_failure_is_a_warning_and_ours_stand(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    import camelot

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("float division by zero")  # what Camelot raised on Bristol's forward plan

    doc = read_pdf(ELECTION)
    pages = list(doc.pages)
    ours = [_table(RESULTS, "pdfplumber")]
    monkeypatch.setattr(camelot, "read_pdf", broken)
    assert with_engine(TableEngine.CAMELOT, ours, pages, doc.path) == []  # the page is skipped
    assert "camelot lattice failed: ZeroDivisionError" in caplog.text
    monkeypatch.setattr("extractors.camelot_tables.camelot_reading", broken)
    assert with_engine(TableEngine.AUTO, ours, pages, doc.path) == ours
    assert "camelot failed, tables as plumber reads them" in caplog.text


def test_auto_asks_camelot_only_where_ours_is_unsure(monkeypatch: pytest.MonkeyPatch):
    doc = read_pdf(ELECTION)
    pages, asked = list(doc.pages), []
    ours = read_tables(pages)
    monkeypatch.setattr(camelot_tables, "camelot_reading", lambda _pages, _path, flavors: asked.append(flavors) or [])
    with_engine(TableEngine.CAMELOT, ours, pages, doc.path)
    with_engine(TableEngine.AUTO, ours, pages, doc.path)
    sure = all(camelot_tables.quality(t) >= camelot_tables.SURE for t in ours)
    assert asked[0] == {1: "lattice"} and asked[1] == ({} if sure else {1: "lattice"})
    assert sure  # the results grid is read well by ours: auto leaves Camelot unloaded
