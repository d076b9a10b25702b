"""Sensors: new PDFs in `raw_pdfs/` and files discovery fetched become partitions and runs, removed
ones withdrawals; the nightly discovery schedule."""

from dagster import (
    AssetSelection,
    AutomationConditionSensorDefinition,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from extractors.vocab import document_id
from pipeline.jobs import discover_job, extract_job, publish_job
from pipeline.partitions import DOCUMENTS, documents_partitions
from pipeline.resources import LocalFolderSource, RawStoreResource
from store.discovery import apply, dump_cursor, load_cursor, look
from store.fetches import Manifest

# Looking at a folder is cheap; a minute keeps a dropped file from waiting long.
SENSOR_INTERVAL_S = 60


@sensor(
    jobs=[extract_job, publish_job],
    minimum_interval_seconds=SENSOR_INTERVAL_S,
    default_status=DefaultSensorStatus.RUNNING,
)
def new_pdfs_sensor(
    context: SensorEvaluationContext, source: LocalFolderSource, raw_store: RawStoreResource
) -> SensorResult:
    """Store each new content once and extract it once; mark contents no file holds any more withdrawn.

    Only files whose size or modification time changed since the last tick are read.
    """
    changes = look(source.discover(), load_cursor(context.cursor))
    applied = apply(raw_store.store(), changes)
    context.update_cursor(dump_cursor(changes.files))
    requests = [
        RunRequest(
            job_name=extract_job.name,
            partition_key=e.document_id,
            run_key=f"{e.document_id}:{e.sha256}",
            tags={"councilpacks/file_name": e.file_name},  # a document's runs, found by its file name
        )
        for e in applied.new
    ]
    if applied.withdrawn or applied.returned:  # the published set changes without any extraction
        changed = ", ".join(e.file_name for e in applied.withdrawn + applied.returned)
        requests.append(RunRequest(job_name=publish_job.name, tags={"councilpacks/withdrawn_or_returned": changed}))
    keys = [e.document_id for e in applied.new]
    return SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents_partitions.build_add_request(keys)] if keys else [],
    )


@sensor(job=extract_job, minimum_interval_seconds=SENSOR_INTERVAL_S, default_status=DefaultSensorStatus.RUNNING)
def scraped_documents_sensor(context: SensorEvaluationContext, raw_store: RawStoreResource) -> SensorResult:
    """Each file the scraper kept (the fetch manifest) that is no partition yet becomes one, and
    is extracted once: a discovery run that stopped part way loses none of the files it kept."""
    fetched = raw_store.store().root / "manifest.sqlite"
    if not fetched.exists():
        return SensorResult()
    known = set(context.instance.get_dynamic_partitions(DOCUMENTS))
    keys = sorted({document_id(sha) for sha in Manifest(fetched).kept()} - known)
    return SensorResult(
        run_requests=[RunRequest(partition_key=key, run_key=f"{key}:scraped") for key in keys],
        dynamic_partitions_requests=[documents_partitions.build_add_request(keys)] if keys else [],
    )


# Every night at 02:00 (UK time), discovery for every enabled source (sources.yaml).
nightly_discovery = ScheduleDefinition(
    name="nightly_discovery",
    job=discover_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/London",
    default_status=DefaultScheduleStatus.RUNNING,
)


# The dataset assets publish when documents are extracted or fail (publish.PUBLISH_WHEN), and
# documents are extracted again when the extractor version changes (extract.REEXTRACT_ON_UPGRADE);
# this sensor (on by default) evaluates both.
publish_sensor = AutomationConditionSensorDefinition(
    "extract_and_publish_automatically",
    target=AssetSelection.groups("extract", "datasets"),
    default_status=DefaultSensorStatus.RUNNING,
)
