"""The one Dagster entry point: assets, checks, jobs, the sensor, the schedule, resources."""

from dagster import Definitions

from pipeline.assets.extract import document_extraction
from pipeline.assets.ingest import raw_document, source_inventory
from pipeline.assets.publish import datasets
from pipeline.checks import all_checks
from pipeline.jobs import discover_job, extract_job, publish_job
from pipeline.resources import resources
from pipeline.schedules import nightly_discovery
from pipeline.sensors import new_pdfs_sensor, publish_sensor

ASSETS = [source_inventory, raw_document, document_extraction, datasets]

defs = Definitions(
    assets=ASSETS,
    asset_checks=all_checks,
    jobs=[discover_job, extract_job, publish_job],
    schedules=[nightly_discovery],
    sensors=[new_pdfs_sensor, publish_sensor],
    resources=resources(),
)
