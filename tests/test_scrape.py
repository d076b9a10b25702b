"""Scraping a ModernGov council against a local mock (`mock_moderngov.py`): discovery, download once,
versions, and every fault leaving a manifest record, no partial file, and the run going on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from moderngov.http import PoliteClient
from moderngov.scrape import Summary, canonical, document_ref, scrape
from moderngov.sources import Source
from store.fetches import Manifest
from store.raw import RawStore
from tests.mock_moderngov import DATA, MINUTES, PACK, MockModernGov, serving

# Ten days after Manchester's Audit Committee of 10 February 2026 (the mock's meetings).
NOW = datetime(2026, 2, 20, 2, 0, tzinfo=UTC)
PACK_PDF = (DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf").read_bytes()
MINUTES_PDF = (DATA / "uk_scotland_ayton_cc_2009-11-03_minutes.pdf").read_bytes()


@pytest.fixture
def mock() -> Iterator[MockModernGov]:
    with serving(MockModernGov(files={PACK: PACK_PDF, MINUTES: MINUTES_PDF})) as server:
        yield server


def _run(mock: MockModernGov, tmp: Path, full: bool = False, **limits: float) -> tuple[Summary, Manifest, RawStore]:
    source = Source(
        name="manchester-audit", council="Manchester City Council", base_url=mock.base_url, committees=[144]
    )
    raw, manifest = RawStore(tmp / "store"), Manifest(tmp / "store" / "manifest.sqlite")
    client = PoliteClient(mock.base_url, min_interval_s=0, backoff_s=0, **limits)  # type: ignore[arg-type]
    try:
        return scrape(source, raw, manifest, client, full=full, now=lambda: NOW), manifest, raw
    finally:
        client.close()


def _config(
    tmp: Path, mock: MockModernGov, committee: int | str, name: str = "manchester-audit", council: str = "Manchester"
) -> Path:
    """A sources.yaml following one committee of the mock, at full speed."""
    config = tmp / "sources.yaml"
    config.write_text(
        f"sources:\n  - name: {name}\n    council: {council}\n"
        f"    base_url: {mock.base_url}\n    committees: [{committee}]\n    min_interval_s: 0\n",
        encoding="utf-8",
    )
    return config


def _documents(mock: MockModernGov) -> list[str]:
    return [p for p in mock.requests if p.startswith("/documents/")]


def test_a_meeting_is_fetched_as_its_pack_and_minutes_once(mock: MockModernGov, tmp_path: Path) -> None:
    summary, manifest, raw = _run(mock, tmp_path)
    # The cancelled meeting of 13 January is skipped; the pack holds the reports, so they are not fetched.
    assert (summary.meetings_seen, summary.new_files, summary.failed) == (1, 2, 0)
    assert sorted(_documents(mock)) == sorted([PACK, MINUTES])
    assert {Path(e.path).read_bytes() for e in raw.entries()} == {PACK_PDF, MINUTES_PDF}
    pack = next(f for f in manifest.fetches() if f.document_ref == "g4967 T=10")
    assert (pack.status, pack.outcome, pack.meeting_id, pack.committee_id) == (200, "new", "4967", "144")
    assert pack.url == canonical(f"{mock.base_url}{PACK.replace(' ', '%20')}?T=10")
    stored = raw.get(pack.sha256)
    assert stored is not None and (stored.source_url, stored.retrieved_at) == (pack.url, "2026-02-20T02:00:00Z")
    # The web service's attendees of the meeting, kept as published.
    [attendee] = manifest.attendance()
    assert (attendee.member_id, attendee.name, attendee.attendance) == ("192", "Councillor Basil Curley", "Expected")

    again, _, _ = _run(mock, tmp_path)
    assert (again.new_files, again.unchanged) == (0, 2)
    assert len(_documents(mock)) == 2  # nothing asked for twice


def test_a_file_republished_with_other_bytes_is_a_new_version_and_both_stay(
    mock: MockModernGov, tmp_path: Path
) -> None:
    _run(mock, tmp_path)
    mock.files[PACK] = PACK_PDF + b"\n% republished\n"
    summary, manifest, raw = _run(mock, tmp_path, full=True)
    assert (summary.changed, summary.unchanged) == (1, 1)
    versions = [v for v in manifest.versions() if document_ref(v.url) == "g4967 T=10"]
    assert [v.version for v in versions] == [1, 2]
    assert all(raw.get(v.sha256) is not None for v in versions)


def test_a_busy_server_is_asked_again(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults[PACK] = ["500"]
    summary, _, _ = _run(mock, tmp_path)
    assert (summary.new_files, summary.failed) == (2, 0)
    assert _documents(mock).count(PACK) == 2


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("timeout", "timed out"),
        ("truncated", "RemoteProtocolError"),
        ("html", "not a PDF (text/html)"),
        ("offhost", "not on 127.0.0.1"),
        ("trickle", "took over 0.5 s"),
    ],
)
def test_a_failed_file_is_recorded_and_nothing_partial_is_kept(
    mock: MockModernGov, tmp_path: Path, fault: str, error: str
) -> None:
    mock.faults[PACK] = [fault] * 4  # every attempt
    summary, manifest, raw = _run(mock, tmp_path, timeout_s=0.5, max_seconds=0.5, attempts=2)
    assert (summary.new_files, summary.failed) == (1, 1)  # the minutes still come
    [failed] = [f for f in manifest.fetches() if f.outcome == "failed"]
    assert failed.document_ref == "g4967 T=10" and error in failed.error and failed.sha256 == ""
    assert [Path(e.path).read_bytes() for e in raw.entries()] == [MINUTES_PDF]
    assert list(raw.temp_dir().iterdir()) == []
    # Not listed as done: the next run tries the pack again.
    assert not manifest.listed("manchester-audit", "4967")


@pytest.mark.parametrize("sized", [True, False])
def test_a_file_over_the_size_limit_is_not_kept(mock: MockModernGov, tmp_path: Path, sized: bool) -> None:
    if not sized:  # counted as it comes
        mock.faults[PACK] = ["unsized"]
    _, manifest, raw = _run(mock, tmp_path, max_bytes=len(MINUTES_PDF) + 1)
    [failed] = [f for f in manifest.fetches() if f.outcome == "failed"]
    assert "over the limit" in failed.error and failed.document_ref == "g4967 T=10"
    assert [Path(e.path).read_bytes() for e in raw.entries()] == [MINUTES_PDF]


def test_robots_txt_is_obeyed(mock: MockModernGov, tmp_path: Path) -> None:
    mock.robots = "User-agent: *\nDisallow: /documents/g4967/Printed\n"
    _, manifest, _ = _run(mock, tmp_path)
    assert MINUTES not in _documents(mock)
    [failed] = [f for f in manifest.fetches() if f.outcome == "failed"]
    assert "robots.txt" in failed.error and failed.document_ref == "g4967 T=1"


def test_a_web_service_switched_off_falls_back_to_the_pages(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults["/mgWebService.asmx/GetMeetings"] = ["403"]
    summary, _, _ = _run(mock, tmp_path)
    assert "/ieListMeetings.aspx" in mock.requests
    assert (summary.meetings_seen, summary.new_files) == (1, 2)


def test_canonical_urls_drop_session_segments() -> None:
    url = "HTTPS://Democracy.Kent.gov.uk/(S(abc123xyz))/documents/s128747/Report.pdf#page=2"
    assert canonical(url) == "https://democracy.kent.gov.uk/documents/s128747/Report.pdf"


def test_the_scrape_command_extracts_the_archive_and_a_rerun_changes_nothing(
    mock: MockModernGov, tmp_path: Path
) -> None:
    from runner.cli import main

    config = _config(tmp_path, mock, "Audit Committee")
    args = ["scrape", "--config", str(config), "--since", "2026-01-01", "--raw-dir", str(tmp_path / "raw")]
    args += ["--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]
    assert main(args) == 0
    documents = (tmp_path / "out" / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert f"{mock.base_url}/documents/g4967/Printed%20minutes" in documents
    published = {p: p.read_bytes() for p in (tmp_path / "out").glob("*/*") if p.suffix in (".csv", ".parquet")}
    asked = len(_documents(mock))
    assert asked == 2

    assert main(args) == 0
    assert len(_documents(mock)) == asked  # the meeting is settled: not even listed again
    assert {p: p.read_bytes() for p in published} == published


def test_the_councils_attendance_record_is_published_with_our_agreement(mock: MockModernGov, tmp_path: Path) -> None:
    # The mock's meeting 4967 is Ayton Community Council's of 3 November 2009, whose minutes it serves;
    # the council's record spells one name otherwise and says an apologist was present.
    present = ["Rob Boyd", "Norman Robertson", "Audrey Cruickshank", "Dick Noble", "Kenny Combe", "Graham Dolan"]
    present += ["Ian Logan", "Robert Weatherston", "Raymond Allan", "Michael Cook"]
    mock.day = "03/11/2009"
    mock.attendees = [(str(100 + k), f"Councillor {name}", "Present") for k, name in enumerate(present)]
    config = _config(tmp_path, mock, 144, name="ayton", council="Ayton Community Council")
    from runner.cli import main

    args = ["scrape", "--config", str(config), "--since", "2009-10-01", "--raw-dir", str(tmp_path / "raw")]
    assert main([*args, "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 0
    [agreed] = _csv(tmp_path / "out" / "csv" / "attendance_agreement.csv")
    assert agreed["meeting_id"].endswith("/2009-11-03")
    assert (agreed["matched"], agreed["source_only"], agreed["extracted_only"]) == ("9", "1", "0")
    assert (agreed["precision"], agreed["recall"]) == ("1.0", "0.9")
    assert agreed["disagreements"] == "only the council: Michael Cook"
    source = _csv(tmp_path / "out" / "csv" / "source_attendance.csv")
    assert len(source) == 10 and {r["meeting_id"] for r in source} == {agreed["meeting_id"]}
    assert {r["source_meeting_id"] for r in source} == {"ayton/4967"}
    versions = _csv(tmp_path / "out" / "csv" / "document_versions.csv")
    assert len(versions) == 2 and all(v["superseded_by"] == "" for v in versions)
    [covered] = _csv(tmp_path / "out" / "csv" / "coverage.csv")
    assert (covered["year"], covered["meetings_listed"], covered["documents_fetched"]) == ("2009", "1", "2")


def _csv(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_nightly_discovery_in_dagster_fetches_and_asks_for_each_new_file_once(
    mock: MockModernGov, tmp_path: Path
) -> None:
    from dagster import DagsterInstance, build_sensor_context, materialize

    from pipeline.assets.scrape import moderngov_discovery
    from pipeline.definitions import defs
    from pipeline.partitions import DOCUMENTS
    from pipeline.resources import resources
    from pipeline.sensors import scraped_documents_sensor

    config = _config(tmp_path, mock, 144)
    found = resources(inbox=tmp_path / "inbox", store=tmp_path / "store", out_dir=tmp_path / "out", sources=config)
    run = {"ops": {"moderngov_discovery": {"config": {"since": "2026-01-01"}}}}
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        assert materialize([moderngov_discovery], instance=instance, resources=found, run_config=run).success
        with build_sensor_context(instance=instance, resources=found) as context:
            result = scraped_documents_sensor(context)
        stored = sorted(e.document_id for e in RawStore(tmp_path / "store").entries())
        assert len(stored) == 2
        assert sorted(r.partition_key for r in result.run_requests) == stored
        assert sorted(result.dynamic_partitions_requests[0].partition_keys) == stored
        instance.add_dynamic_partitions(DOCUMENTS, stored)
        with build_sensor_context(instance=instance, resources=found) as context:
            assert scraped_documents_sensor(context).run_requests == []  # each file once
    schedule = defs.get_schedule_def("nightly_discovery")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Europe/London")


def test_a_listing_that_fails_is_an_error_of_the_run_not_its_end(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults["/mgWebService.asmx/GetMeetings"] = ["timeout"] * 2
    summary, _, _ = _run(mock, tmp_path, timeout_s=0.5, attempts=2)
    assert (summary.failed, summary.new_files) == (1, 0)
    assert summary.errors[0].startswith("committee 144: ")


def test_an_html_page_in_place_of_the_web_service_falls_back_to_the_pages(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults["/mgWebService.asmx/GetMeetings"] = ["html"]
    mock.faults["/mgWebService.asmx/GetMeeting"] = ["html"]
    summary, manifest, _ = _run(mock, tmp_path)
    assert (summary.meetings_seen, summary.new_files, summary.failed) == (1, 2, 0)
    assert manifest.attendance() == []  # no attendees from an HTML page


def test_a_meeting_whose_documents_page_fails_is_listed_again(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults["/ieListDocuments.aspx"] = ["500"] * 2
    summary, manifest, _ = _run(mock, tmp_path, attempts=2)
    assert (summary.failed, summary.new_files) == (1, 0)
    assert not manifest.listed("manchester-audit", "4967")


def test_a_robots_txt_that_fails_keeps_the_client_off(mock: MockModernGov, tmp_path: Path) -> None:
    mock.faults["/robots.txt"] = ["500"]
    summary, _, raw = _run(mock, tmp_path)
    assert summary.failed == 1 and "robots.txt" in summary.errors[0]
    assert mock.requests == ["/robots.txt"] and raw.entries() == []


def test_an_unchanged_attendee_list_keeps_when_it_was_retrieved(tmp_path: Path) -> None:
    from store.fetches import ListedAttendee

    manifest = Manifest(tmp_path / "manifest.sqlite")
    first = ListedAttendee(
        "s", "4967", "192", "Councillor Basil Curley", "Member", "Present", "u", "2026-02-20T02:00:00Z"
    )
    manifest.keep_attendance("s", "4967", [first])
    manifest.keep_attendance("s", "4967", [replace(first, retrieved_at="2026-02-21T02:00:00Z")])
    assert manifest.attendance() == [first]
    manifest.keep_attendance("s", "4967", [replace(first, attendance="Apologies")])
    assert [a.attendance for a in manifest.attendance()] == ["Apologies"]


def test_a_file_of_a_meeting_still_listed_is_fetched_again_a_week_on(mock: MockModernGov, tmp_path: Path) -> None:
    source = Source(name="manchester-audit", council="Manchester", base_url=mock.base_url, committees=[144])
    raw, manifest = RawStore(tmp_path / "store"), Manifest(tmp_path / "store" / "manifest.sqlite")
    client = PoliteClient(mock.base_url, min_interval_s=0, backoff_s=0)

    def on(day: int) -> Summary:
        return scrape(source, raw, manifest, client, now=lambda: NOW.replace(day=day))

    on(20)
    mock.files[PACK] = PACK_PDF + b"\n% republished\n"
    assert (on(21).changed, len(_documents(mock))) == (0, 2)  # the next night: nothing asked for again
    summary = on(28)  # a week on: asked again, and the pack has changed
    assert (summary.changed, summary.unchanged, len(_documents(mock))) == (1, 1, 4)
    client.close()


def test_names_are_matched_through_the_councils_member_ids() -> None:
    from models import AttendanceRecord, SourceAttendanceRecord
    from store.scraped import agreement

    def council(meeting: str, name: str) -> SourceAttendanceRecord:
        return SourceAttendanceRecord(meeting_id=meeting, member_id="7", name=name, attendance="Present")

    # The council calls member 7 "Bob Smith" at one meeting and "Robert Smith" at another.
    source = [council("panel/2024-06-27", "Councillor Bob Smith"), council("panel/2024-09-26", "Cllr Robert Smith")]
    minutes = AttendanceRecord(
        meeting_id="panel/2024-06-27", name="Robert Smith", status="present", source_document_id="", page=1
    )
    [first, _] = agreement(source, [minutes])
    assert (first.meeting_id, first.matched, first.disagreements) == ("panel/2024-06-27", 1, "")
