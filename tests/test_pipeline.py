"""The Dagster definitions load, a partition materializes and publishes, publishing never waits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from dagster import (
    AssetKey,
    DagsterInstance,
    Definitions,
    SensorResult,
    build_sensor_context,
    evaluate_automation_conditions,
    materialize,
)

from models import DATASETS
from pipeline.assets.extract import document_extraction
from pipeline.assets.ingest import raw_document
from pipeline.assets.publish import datasets
from pipeline.checks import all_checks
from pipeline.definitions import defs
from pipeline.partitions import DOCUMENTS
from pipeline.resources import resources
from pipeline.sensors import new_pdfs_sensor
from store import discovery
from store.discovery import sha256_of as discovery_sha
from tests.conftest import DATA

MINUTES = DATA / "uk_kent_cabinet_2025-01-30_printed_minutes.pdf"
FRONT_SHEET = DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf"
EXTRACT = [raw_document, document_extraction]


def test_definitions_load() -> None:
    Definitions.validate_loadable(defs)  # as the code server loads them: names unique, jobs built
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert {"raw_document", "document_extraction", "documents", "decisions"} <= keys
    assert {"extract_documents", "publish_datasets"} <= set(repo.job_names)
    assert repo.get_sensor_def("new_pdfs_sensor") is not None


def _resources(tmp: Path, inbox: Path) -> dict[str, object]:
    return resources(inbox=inbox, store=tmp / "store", out_dir=tmp / "out", processes=1)


def test_each_dataset_is_read_from_the_document_extractions_only() -> None:
    graph = defs.get_repository_def().asset_graph
    for name in DATASETS:
        node = graph.get(AssetKey(name))
        assert node.parent_keys == {AssetKey("document_extraction")}, name
        assert node.description and node.description != name  # what one row is
        schema = node.metadata["dagster/column_schema"]
        assert [c.name for c in schema.columns] == DATASETS[name].columns()
    kpis = graph.get(AssetKey("kpis")).metadata["dagster/column_schema"]
    assert {c.name: c.type for c in kpis.columns}["value"] == "number"  # Table Schema's types, as the codebook
    assert "`percent`" in {c.name: c.description for c in kpis.columns}["unit"]


def test_an_empty_instance_publishes_empty_datasets(tmp_path: Path) -> None:
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        published = materialize(
            [*EXTRACT, datasets, *all_checks],
            instance=instance,
            resources=_resources(tmp_path, tmp_path / "inbox"),
            selection=[k.to_user_string() for k in datasets.keys],
        )
    assert published.success
    for name, model in DATASETS.items():
        header_only = (",".join(model.columns()) + "\r\n").encode()
        assert (tmp_path / "out" / "csv" / f"{name}.csv").read_bytes() == header_only
    assert not (tmp_path / "home" / "storage").exists()  # no pickled copies of the datasets


def _tick(
    instance: DagsterInstance, resources: dict[str, object], cursor: str | None = None
) -> tuple[SensorResult, str | None]:
    """One sensor evaluation: its result and the cursor it leaves for the next."""
    with build_sensor_context(instance=instance, resources=resources, cursor=cursor) as context:
        result = new_pdfs_sensor(context)
        assert isinstance(result, SensorResult)
        return result, context.cursor


def test_sensor_hashes_only_new_files_and_asks_once_per_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(MINUTES, inbox / MINUTES.name)
    shutil.copy(MINUTES, inbox / "copy of the minutes.pdf")  # same content, one document
    hashed: list[str] = []
    monkeypatch.setattr(discovery, "sha256_of", lambda p: hashed.append(p.name) or discovery_sha(p))
    resources = _resources(tmp_path, inbox)
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        first, cursor = _tick(instance, resources)
        [request] = first.run_requests or []
        assert first.dynamic_partitions_requests[0].partition_keys == [request.partition_key]
        assert request.tags["councilpacks/file_name"] in {MINUTES.name, "copy of the minutes.pdf"}
        assert len(hashed) == 2
        hashed.clear()
        again, cursor = _tick(instance, resources, cursor)
        assert (again.run_requests, again.dynamic_partitions_requests, hashed) == ([], [], [])
        shutil.copy(FRONT_SHEET, inbox / FRONT_SHEET.name)
        third, _ = _tick(instance, resources, cursor)
        assert hashed == [FRONT_SHEET.name] and len(third.run_requests or []) == 1


def test_materialize_one_partition_and_publish(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    resources = _resources(tmp_path, inbox)
    entry = resources["raw_store"].store().add(MINUTES)  # type: ignore[attr-defined]
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(DOCUMENTS, [entry.document_id])
        extracted = materialize(EXTRACT, partition_key=entry.document_id, instance=instance, resources=resources)
        assert extracted.success
        assert extracted.output_for_node("document_extraction").count("decisions") > 0
        published = materialize(
            [*EXTRACT, datasets, *all_checks],
            instance=instance,
            resources=resources,
            selection=[k.to_user_string() for k in datasets.keys],
        )
        assert published.success
        checks = {e.check_name: e.passed for e in published.get_asset_check_evaluations()}
        assert checks["minute_numbering_unique"] and checks["decisions_has_provenance"]
    meetings = pd.read_csv(tmp_path / "out" / "csv" / "meetings.csv")
    assert list(meetings["meeting_id"]) == ["kent-county-council-cabinet/2025-01-30"]
    assert (tmp_path / "out" / "parquet" / "attendance.parquet").exists()
    assert (tmp_path / "out" / "council.sqlite").exists()


def test_publishing_waits_neither_for_a_missing_nor_for_a_failed_document(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    resources = _resources(tmp_path, inbox)
    entry = resources["raw_store"].store().add(FRONT_SHEET)  # type: ignore[attr-defined]
    never_stored = "f" * 16
    graph = Definitions(assets=[*EXTRACT, datasets], resources=resources)
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(DOCUMENTS, [entry.document_id, never_stored])
        tick = evaluate_automation_conditions(defs=graph, instance=instance)
        assert tick.total_requested == 0  # nothing extracted yet

        assert materialize(EXTRACT, partition_key=entry.document_id, instance=instance, resources=resources).success
        tick = evaluate_automation_conditions(defs=graph, instance=instance, cursor=tick.cursor)
        assert tick.total_requested == len(datasets.keys)  # the other partition was never run
        tick = evaluate_automation_conditions(defs=graph, instance=instance, cursor=tick.cursor)
        assert tick.total_requested == 0  # handled: nothing new

        failed = materialize(
            EXTRACT, partition_key=never_stored, instance=instance, resources=resources, raise_on_error=False
        )
        assert not failed.success
        tick = evaluate_automation_conditions(defs=graph, instance=instance, cursor=tick.cursor)
        assert tick.total_requested == len(datasets.keys)  # a failure republishes too


def test_instance_config_queues_two_runs_at_once(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parents[1] / "dagster.yaml", tmp_path / "dagster.yaml")
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 2


def test_a_new_extractor_version_reextracts_every_document(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    res = _resources(tmp_path, inbox)
    entry = res["raw_store"].store().add(FRONT_SHEET)  # type: ignore[attr-defined]
    bumped = document_extraction.map_asset_specs(lambda spec: spec.replace_attributes(code_version="9.9.9"))
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(DOCUMENTS, [entry.document_id])
        assert materialize(EXTRACT, partition_key=entry.document_id, instance=instance, resources=res).success
        tick = evaluate_automation_conditions(defs=Definitions(assets=EXTRACT, resources=res), instance=instance)
        assert tick.total_requested == 0  # extracted by this version: fresh
        upgraded = Definitions(assets=[raw_document, bumped], resources=res)
        tick = evaluate_automation_conditions(defs=upgraded, instance=instance, cursor=tick.cursor)
        assert tick.get_requested_partitions(AssetKey("document_extraction")) == {entry.document_id}


def test_a_removed_pdf_is_withdrawn_kept_in_the_store_and_left_out_of_the_datasets(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for pdf in (MINUTES, FRONT_SHEET):
        shutil.copy(pdf, inbox / pdf.name)
    res = _resources(tmp_path, inbox)
    publish_all = {"selection": [k.to_user_string() for k in datasets.keys], "resources": res}
    with DagsterInstance.ephemeral(tempdir=str(tmp_path / "home")) as instance:
        first, cursor = _tick(instance, res)
        keys = first.dynamic_partitions_requests[0].partition_keys or []
        instance.add_dynamic_partitions(DOCUMENTS, keys)
        for key in keys:
            assert materialize(EXTRACT, partition_key=key, instance=instance, resources=res).success
        (inbox / MINUTES.name).unlink()
        second, cursor = _tick(instance, res, cursor)
        assert [r.job_name for r in second.run_requests or []] == ["publish_datasets"]
        assert materialize([*EXTRACT, datasets], instance=instance, **publish_all).success  # type: ignore[arg-type]
        stored = {e.file_name: e for e in res["raw_store"].store().entries()}  # type: ignore[attr-defined]
        assert stored[MINUTES.name].withdrawn and Path(stored[MINUTES.name].path).exists()
        documents = pd.read_csv(tmp_path / "out" / "csv" / "documents.csv").set_index("file_name")
        assert documents.loc[MINUTES.name, "status"] == "withdrawn"
        assert pd.read_csv(tmp_path / "out" / "csv" / "attendance.csv").empty  # the minutes' rows are gone
        shutil.copy(MINUTES, inbox / "minutes again.pdf")
        third, _ = _tick(instance, res, cursor)
        assert [r.job_name for r in third.run_requests or []] == ["publish_datasets"]  # back, not re-extracted
        assert not res["raw_store"].store().get(stored[MINUTES.name].document_id).withdrawn  # type: ignore[attr-defined]
