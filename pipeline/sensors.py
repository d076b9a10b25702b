"""A sensor that turns new PDFs in `raw_pdfs/` into partitions and runs, and removed ones into withdrawals."""

from dagster import (
    AssetSelection,
    AutomationConditionSensorDefinition,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from pipeline.jobs import extract_job, publish_job
from pipeline.partitions import documents_partitions
from pipeline.resources import LocalFolderSource, RawStoreResource
from store.discovery import apply, dump_cursor, load_cursor, look

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


# The dataset assets publish when documents are extracted or fail (publish.PUBLISH_WHEN), and
# documents are extracted again when the extractor version changes (extract.REEXTRACT_ON_UPGRADE);
# this sensor (on by default) evaluates both.
publish_sensor = AutomationConditionSensorDefinition(
    "extract_and_publish_automatically",
    target=AssetSelection.groups("extract", "datasets"),
    default_status=DefaultSensorStatus.RUNNING,
)
