"""The pipeline on a Dagster instance stored in PostgreSQL (deploy/postgres/dagster.yaml).

Starts a throwaway PostgreSQL server (initdb + pg_ctl on a temporary folder and port) when the
binaries are on PATH; PostgreSQL refuses to run as root, so as root it runs as `postgres`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from dagster import DagsterInstance, materialize

from pipeline.assets.extract import document_extraction
from pipeline.assets.ingest import raw_document
from pipeline.assets.publish import datasets
from pipeline.partitions import DOCUMENTS
from pipeline.resources import resources
from tests.conftest import DATA

CONFIG = Path(__file__).parents[1] / "deploy" / "postgres" / "dagster.yaml"
FRONT_SHEET = DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf"


def _as_server_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def postgres() -> Iterator[dict[str, str]]:
    """A PostgreSQL server on 127.0.0.1 for this module, and the DAGSTER_PG_* settings to reach it."""
    if not (shutil.which("initdb") and shutil.which("pg_ctl")):
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not on PATH")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: PostgreSQL will not start as root")
    # Not under pytest's temporary folders: those are private to root, and the server runs as postgres.
    data = Path(tempfile.mkdtemp(prefix="councilpacks-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, user="postgres")
    port = str(_free_port())
    run = _as_server_user()
    subprocess.run([*run, "initdb", "-D", str(data), "-A", "trust", "-U", "postgres"], check=True, capture_output=True)
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    # -l: the server's output goes to a log, not to pipes that would keep this call waiting for it
    start = [*run, "pg_ctl", "-D", str(data), "-l", str(data / "server.log"), "-o", options, "-w", "start"]
    subprocess.run(start, check=True, capture_output=True)
    try:
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c", "CREATE DATABASE dagster"],
            check=True,
            capture_output=True,
        )
        yield {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": port,
            "DAGSTER_PG_USERNAME": "postgres",
            "DAGSTER_PG_PASSWORD": "",
            "DAGSTER_PG_DB": "dagster",
        }
    finally:
        subprocess.run([*run, "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_a_partition_and_a_publish_on_postgres_storage(
    postgres: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in postgres.items():
        monkeypatch.setenv(name, value)
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(CONFIG, home / "dagster.yaml")
    res = resources(
        inbox=str(tmp_path / "in"), store=str(tmp_path / "store"), out_dir=str(tmp_path / "out"), processes=1
    )
    entry = res["raw_store"].store().add(FRONT_SHEET)  # type: ignore[attr-defined]
    with DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        instance.add_dynamic_partitions(DOCUMENTS, [entry.document_id])
        extract = [raw_document, document_extraction]
        assert materialize(extract, partition_key=entry.document_id, instance=instance, resources=res).success
        selection = [k.to_user_string() for k in datasets.keys]
        assert materialize([*extract, datasets], instance=instance, resources=res, selection=selection).success
        assert instance.get_latest_materialization_event(document_extraction.key) is not None
    meetings = pd.read_csv(tmp_path / "out" / "csv" / "meetings.csv")
    assert list(meetings["date"]) == ["2025-01-30"]
