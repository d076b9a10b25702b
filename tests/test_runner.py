"""Bounded workers, whole-set publication, the output lock and the CLI an operator scripts."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import extractors.document
import extractors.pages
import runner.pool
from models import DATASETS
from models.extraction import SourceInfo
from runner.cli import main
from runner.pool import Done, extract
from runner.worker import Job, Limits
from store.datasets import combine
from store.extractions import ExtractionStore
from store.publish import output_lock, publish
from tests.conftest import DATA, SEED_PACK
from tests.pdfmaker import deflated_spaces, one_page_pdf, text_pdf

FRONT_SHEET = DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf"
MINUTES = DATA / "uk_kent_cabinet_2025-01-30_printed_minutes.pdf"
CLI = [sys.executable, "-m", "runner.cli", "extract"]
# Fork-started workers inherit the test's monkeypatches; they also inherit its address space
# (pytest with every library loaded), so they get a roomy limit.
FORKED = {"start_method": "fork", "limits": Limits(memory_mb=16384)}


def _job(path: Path) -> Job:
    return Job(str(path), hashlib.sha256(path.read_bytes()).hexdigest(), SourceInfo(file_name=path.name))


def _status(done: list[Done]) -> dict[str, tuple[str, str]]:
    return {
        d.extraction.file.file_name: (
            d.extraction.file.status,
            d.extraction.file.error,
        )
        for d in done
    }  # type: ignore[attr-defined]


def _manifest_holds(out: Path) -> str:
    """The run id of out/, after checking that every published file is the one its manifest names."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]
    return str(manifest["run_id"])


def test_outputs_are_byte_identical_for_any_number_of_workers(tmp_path: Path) -> None:
    jobs = [
        _job(p) for p in (MINUTES, FRONT_SHEET, DATA / "uk_sutton_coldfield_tc_amenities_cttee_2018-03-13_minutes.pdf")
    ]
    one = extract(jobs, workers=1)
    ranged = extract(jobs, Limits(min_chunk_pages=2, max_chunk_pages=5), workers=2)  # long ones in ranges
    assert [d.extraction for d in one] == [d.extraction for d in ranged]
    for name, done in (("one", one), ("two", ranged)):
        publish(tmp_path / name, combine(d.extraction for d in done), "test")
    files = [json.loads((tmp_path / name / "manifest.json").read_text())["files"] for name in ("one", "two")]
    # CSV and Parquet each; SQLite and the workbook; README.md, datapackage.json, metadata.json, report.html
    assert files[0] == files[1] and len(files[0]) == 2 * len(DATASETS) + 2 + 4


def test_memory_limit_records_too_large_and_the_run_goes_on(tmp_path: Path) -> None:
    big = one_page_pdf(tmp_path / "big.pdf", deflated_spaces(70), flate=True)  # 70 MiB inflated, under the cap
    small = text_pdf(tmp_path / "small.pdf", ["Minutes of the meeting held on 3 March 2025"])
    statuses = _status(extract([_job(big), _job(small)], Limits(memory_mb=120), workers=2))
    assert statuses["big.pdf"] == ("too_large", "needed more than the memory limit of 120 MiB")
    assert statuses["small.pdf"][0] == "ok", statuses
    assert _status(extract([_job(big)]))["big.pdf"][0] == "no_text_layer"  # read under the default limit


def test_time_limit_records_timeout_and_the_run_goes_on(tmp_path: Path) -> None:
    small = text_pdf(tmp_path / "small.pdf", ["Present: Councillor A Smith"])
    statuses = _status(extract([_job(SEED_PACK), _job(small)], Limits(timeout_s=1.0), workers=2))
    assert statuses[SEED_PACK.name] == ("timeout", "took longer than the time limit of 1 s")
    assert statuses["small.pdf"][0] == "ok"


def _raise_on_page_40(page: object, number: int, settings: object) -> object:
    if number == 40:
        raise RuntimeError("injected")
    return REAL_RAW_PAGE(page, number, settings)


def _raise_on_panel(function: object) -> object:
    def broken(*args: object) -> object:
        if "Police and Crime Panel" in repr(args)[:200_000]:
            raise RuntimeError("injected")
        return function(*args)  # type: ignore[operator]

    return broken


REAL_RAW_PAGE = extractors.pages._raw_page


@pytest.mark.parametrize("step", ["pages", "records", "tables", "kpis"])
def test_a_failure_in_any_step_fails_one_document_and_the_rest_is_published(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if step == "pages":
        monkeypatch.setattr(extractors.pages, "_raw_page", _raise_on_page_40)
    else:
        function = {"records": "segment", "tables": "read_tables", "kpis": "read_document_kpis"}[step]
        monkeypatch.setattr(extractors.document, function, _raise_on_panel(getattr(extractors.document, function)))
    done = extract([_job(SEED_PACK), _job(FRONT_SHEET), _job(MINUTES)], workers=2, **FORKED)  # type: ignore[arg-type]
    publish(tmp_path, combine(d.extraction for d in done), "test")
    statuses = _status(done)
    status, error = statuses.pop(SEED_PACK.name)
    assert status == ("corrupt" if step == "pages" else "failed") and "RuntimeError: injected" in error
    assert statuses == {FRONT_SHEET.name: ("ok", ""), MINUTES.name: ("ok", "")}
    documents = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert FRONT_SHEET.name in documents and MINUTES.name in documents
    assert "Cabinet" in (tmp_path / "csv" / "meetings.csv").read_text(encoding="utf-8")


def test_a_worker_that_dies_fails_its_document_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def die(page: object, number: int, settings: object) -> object:
        if number == 40:
            os.kill(os.getpid(), signal.SIGKILL)
        return REAL_RAW_PAGE(page, number, settings)

    monkeypatch.setattr(extractors.pages, "_raw_page", die)
    statuses = _status(extract([_job(SEED_PACK), _job(FRONT_SHEET)], workers=2, **FORKED))  # type: ignore[arg-type]
    assert statuses[SEED_PACK.name][0] == "failed"
    assert statuses[SEED_PACK.name][1].startswith("worker process died (SIGKILL")
    assert statuses[FRONT_SHEET.name][0] == "ok"


def test_unwritable_out_is_a_one_line_error_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["extract", str(FRONT_SHEET), "--out", str(blocker / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"councilpacks: cannot write to {blocker}/out/")


def test_strict_exit_code_when_a_document_is_not_ok(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    text_pdf(tmp_path / "in" / "fine.pdf", ["Minutes of the meeting"])
    args = ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1


def test_second_writer_fails_at_once_with_no_wait(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        assert main(["extract", str(FRONT_SHEET), "--out", str(out), "--no-wait"]) == 3
    err = capsys.readouterr().err
    assert (
        err == f"councilpacks: {out}/ is being written by another run (pid {os.getpid()}); "
        "try again later, or leave out --no-wait to wait for it\n"
    )


def test_second_writer_waits_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        run = subprocess.Popen([*CLI, str(FRONT_SHEET), "--out", str(out)], stderr=subprocess.PIPE, text=True)
        assert run.stderr is not None
        assert run.stderr.readline() == f"waiting: {out}/ is being written by another run (pid {os.getpid()})\n"
        assert run.poll() is None  # still waiting while the lock is held
    assert run.wait(timeout=120) == 0
    _manifest_holds(out)


def test_ctrl_c_stops_workers_and_leaves_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(FRONT_SHEET), "--out", str(out), "--quiet"]) == 0
    before = _manifest_holds(out)
    run = subprocess.Popen(
        [*CLI, str(SEED_PACK), "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # Interrupt once the run holds the output folder (its pid in the lock file), however slowly
    # a loaded machine starts it.
    deadline = time.monotonic() + 60
    while (out / ".lock").read_text().strip() != str(run.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    run.send_signal(signal.SIGINT)
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, (stdout, stderr)
    assert stderr == f"councilpacks: interrupted: workers stopped, {out}/ left as it was\n"
    assert _manifest_holds(out) == before


def test_kill_at_any_instant_leaves_one_complete_run(tmp_path: Path) -> None:
    out, inputs = tmp_path / "out", [[str(FRONT_SHEET)], [str(FRONT_SHEET), str(MINUTES)]]
    assert main(["extract", *inputs[0], "--out", str(out), "--quiet"]) == 0
    chance = random.Random(7)
    for attempt in range(20):
        run = subprocess.Popen([*CLI, *inputs[attempt % 2], "--out", str(out), "--quiet"], stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.0, 2.5))
        run.kill()
        run.wait()
        _manifest_holds(out)
    assert main(["extract", *inputs[1], "--out", str(out), "--quiet"]) == 0
    run_id = _manifest_holds(out)
    assert [p.name for p in (out / ".runs").iterdir()] == [run_id]  # what killed runs left is gone
    assert not list(out.glob(".link-*"))
    assert oct((out / "csv" / "documents.csv").stat().st_mode & 0o777) == "0o644"


def test_a_rerun_extracts_only_what_is_new_unless_told_to_reextract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(FRONT_SHEET), "--out", str(out), "--quiet"]) == 0
    first = json.loads((out / "manifest.json").read_text())["files"]
    extracted: list[list[str]] = []
    real = runner.pool.extract

    def counting(jobs: list[Job], *args: object, **kwargs: object) -> list[Done]:
        extracted.append([Path(j.path).name for j in jobs])
        return real(jobs, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.pool, "extract", counting)
    renamed = tmp_path / "renamed.pdf"
    renamed.write_bytes(FRONT_SHEET.read_bytes())
    assert main(["extract", str(renamed), str(MINUTES), "--out", str(out), "--quiet"]) == 0
    assert main(["extract", str(renamed), "--out", str(out), "--quiet", "--reextract"]) == 0
    assert extracted == [[MINUTES.name], ["renamed.pdf"]]  # the kept front sheet was not read again
    documents = (out / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert "renamed.pdf" in documents and FRONT_SHEET.name not in documents  # today's file name
    again = json.loads((out / "manifest.json").read_text())["files"]
    assert [f["rows"] for f in again] == [f["rows"] for f in first]


def test_a_kept_extraction_that_cannot_be_read_back_is_extracted_again(tmp_path: Path) -> None:
    store = ExtractionStore(tmp_path)
    for name, content in {"aaaa": b"not a pickle", "bbbb": pickle.dumps({"rows": {}})}.items():
        (tmp_path / f"{name}.pickle").write_bytes(content)
        assert store.load(name) is None
