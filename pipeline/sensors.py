"""A sensor that turns new or changed PDFs in `raw_pdfs/` into partitions and runs."""

from dagster import (
    AssetSelection,
    AutomationConditionSensorDefinition,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from pipeline.jobs import extract_job
from pipeline.partitions import DOCUMENTS, documents_partitions
from pipeline.resources import LocalFolderSource, RawStoreResource

# Looking at a folder is cheap; a minute keeps a dropped file from waiting long.
SENSOR_INTERVAL_S = 60


@sensor(job=extract_job, minimum_interval_seconds=SENSOR_INTERVAL_S, default_status=DefaultSensorStatus.RUNNING)
def new_pdfs_sensor(
    context: SensorEvaluationContext, source: LocalFolderSource, raw_store: RawStoreResource
) -> SensorResult:
    """Store every PDF found, add a partition per new document, run each once per content."""
    store = raw_store.store()
    for path in source.discover():
        store.add(path)
    entries = store.entries()
    known = set(context.instance.get_dynamic_partitions(DOCUMENTS))
    new = sorted({e.document_id for e in entries} - known)
    return SensorResult(
        run_requests=[
            # an unchanged file has the same run key, so Dagster skips it
            RunRequest(partition_key=e.document_id, run_key=f"{e.document_id}:{e.sha256}")
            for e in entries
        ],
        dynamic_partitions_requests=[documents_partitions.build_add_request(new)] if new else [],
    )


# The dataset assets publish when documents are extracted or fail (publish.PUBLISH_WHEN), and
# documents are extracted again when the extractor version changes (extract.REEXTRACT_ON_UPGRADE);
# this sensor (on by default) evaluates both.
publish_sensor = AutomationConditionSensorDefinition(
    "extract_and_publish_automatically",
    target=AssetSelection.groups("extract", "datasets"),
    default_status=DefaultSensorStatus.RUNNING,
)
