"""Bad input becomes a `documents` row with a status and a one-line error; nothing is lost."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import extractors.document as document
from extractors.document import SourceInfo, extract_all, extract_document, extract_or_fail
from extractors.pages import PageSettings, assemble, inspect_pdf, read_pages, read_pdf
from models.vocab import DocumentStatus
from runner.cli import main
from tests.conftest import DATA, SEED_PACK, read_cached
from tests.pdfmaker import deflated_spaces, one_page_pdf

GOOD = DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf"


def _encrypted(tmp: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(GOOD))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp / "encrypted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _image_only(tmp: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    path = tmp / "scanned.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _make(kind: str, tmp: Path) -> Path:
    data = GOOD.read_bytes()
    if kind == "truncated":
        (tmp / "truncated.pdf").write_bytes(data[: len(data) // 3])
        return tmp / "truncated.pdf"
    if kind == "corrupt":
        (tmp / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
        return tmp / "corrupt.pdf"
    if kind == "not_pdf":
        (tmp / "notes.pdf").write_text("<html><body>Document not found</body></html>")
        return tmp / "notes.pdf"
    if kind == "encrypted":
        return _encrypted(tmp)
    return _image_only(tmp)


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("truncated", DocumentStatus.CORRUPT),
        ("corrupt", DocumentStatus.CORRUPT),
        ("not_pdf", DocumentStatus.CORRUPT),
        ("encrypted", DocumentStatus.ENCRYPTED),
        ("no_text", DocumentStatus.NO_TEXT_LAYER),
    ],
)
def test_bad_file_gives_status_and_one_line_error(kind: str, status: DocumentStatus, tmp_path: Path) -> None:
    path = _make(kind, tmp_path)
    doc = read_pdf(path)
    assert doc.status is status
    assert doc.error and "\n" not in doc.error
    assert not re.search(r"\bb['\"]", doc.error), doc.error  # readable: no Python bytes repr
    extraction = extract_document(doc, SourceInfo(file_name=path.name))
    assert [r.status for r in extraction.records()] == [status.value]  # the file's row, nothing else


def test_too_large_is_not_parsed(tmp_path: Path) -> None:
    doc = read_pdf(GOOD, PageSettings(max_bytes=1000))
    assert doc.status is DocumentStatus.TOO_LARGE and doc.pages == ()


def test_stream_that_inflates_past_the_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = one_page_pdf(tmp_path / "bomb.pdf", deflated_spaces(100), flate=True)
    doc = read_pdf(bomb)
    assert doc.status is DocumentStatus.TOO_LARGE and doc.pages == ()
    assert doc.error == f"page 1: a content stream inflates past the limit of {75 * 1024 * 1024} bytes"


def test_stored_stream_over_the_cap_is_refused(tmp_path: Path) -> None:
    stored = one_page_pdf(tmp_path / "stored.pdf", b" " * 3000)
    doc = read_pdf(stored, PageSettings(max_stream_bytes=2000))
    assert doc.status is DocumentStatus.TOO_LARGE and "limit of 2000 bytes" in doc.error


def test_stream_under_the_cap_is_read(tmp_path: Path) -> None:
    small = one_page_pdf(tmp_path / "spaces.pdf", deflated_spaces(2), flate=True)
    assert read_pdf(small).status is DocumentStatus.NO_TEXT_LAYER  # read, and found to hold no text


def test_error_never_shows_a_bytes_repr(tmp_path: Path) -> None:
    path = _make("not_pdf", tmp_path)
    assert read_pdf(path).error == "not a PDF file: starts with '<html><body>Docu'"


def test_pages_read_in_chunks_equal_pages_read_at_once() -> None:
    whole = read_pdf(SEED_PACK)
    info = inspect_pdf(SEED_PACK)
    chunks = read_pages(SEED_PACK, 1, 30) + read_pages(SEED_PACK, 31, info.page_count)
    assert assemble(info, chunks) == whole


@pytest.mark.parametrize(
    ("step", "function"), [("records", "segment"), ("tables", "read_tables"), ("kpis", "read_document_kpis")]
)
def test_a_failing_step_fails_only_its_document(step: str, function: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise KeyError(b"\x00oops")

    with monkeypatch.context() as patch:
        patch.setattr(document, function, broken)
        failed = extract_all(read_cached(GOOD), SourceInfo(file_name=GOOD.name))
    [row] = failed.records()  # the file's documents row only
    assert row == failed.file
    assert row.status == "failed" and row.file_name == GOOD.name and row.page_count == 2
    assert row.error == f"{step} failed: KeyError: '\\x00oops'"
    fine = extract_all(read_cached(SEED_PACK), SourceInfo(file_name=SEED_PACK.name))
    assert fine.file.status == "ok" and fine.tables and fine.kpis


def test_extractor_crash_becomes_failed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise ValueError("unexpected layout")

    monkeypatch.setattr(document, "segment", broken)
    row = extract_or_fail(read_pdf(GOOD), SourceInfo(file_name=GOOD.name)).file
    assert row.status == "failed"
    assert "ValueError: unexpected layout" in row.error


def test_cli_run_goes_on_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for kind in ("truncated", "encrypted", "no_text"):
        _make(kind, folder)
    (folder / "good.pdf").write_bytes(GOOD.read_bytes())
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 0
    with (tmp_path / "out" / "csv" / "documents.csv").open(encoding="utf-8") as fh:
        statuses = {row["file_name"]: row["status"] for row in csv.DictReader(fh)}
    assert statuses == {
        "truncated.pdf": "corrupt",
        "encrypted.pdf": "encrypted",
        "scanned.pdf": "no_text_layer",
        "good.pdf": "ok",
    }
    assert (folder / "truncated.pdf").exists()  # the raw file is kept
    summary = capsys.readouterr().out
    assert "truncated.pdf: 0 pages, corrupt (" in summary and "good.pdf: 2 pages, ok" in summary


def test_cli_usage_error_for_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path / "nowhere.pdf")])
    assert exit_info.value.code == 2
