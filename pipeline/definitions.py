"""The one Dagster entry point: assets, checks, jobs, sensors, resources."""

from dagster import Definitions

from pipeline.assets.extract import document_extraction
from pipeline.assets.ingest import raw_document
from pipeline.assets.publish import datasets
from pipeline.checks import all_checks
from pipeline.jobs import extract_job, publish_job
from pipeline.resources import resources
from pipeline.sensors import new_pdfs_sensor, publish_sensor

ASSETS = [raw_document, document_extraction, datasets]

defs = Definitions(
    assets=ASSETS,
    asset_checks=all_checks,
    jobs=[extract_job, publish_job],
    sensors=[new_pdfs_sensor, publish_sensor],
    resources=resources(),
)
