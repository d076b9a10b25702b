"""The one Dagster entry point: assets, checks, jobs, sensors, resources."""

from dagster import Definitions

from pipeline.assets.extract import document_extraction
from pipeline.assets.ingest import raw_document
from pipeline.assets.publish import datasets
from pipeline.assets.scrape import moderngov_discovery
from pipeline.checks import all_checks
from pipeline.jobs import discover_job, extract_job, publish_job
from pipeline.resources import resources
from pipeline.sensors import new_pdfs_sensor, nightly_discovery, publish_sensor, scraped_documents_sensor

ASSETS = [moderngov_discovery, raw_document, document_extraction, datasets]

defs = Definitions(
    assets=ASSETS,
    asset_checks=all_checks,
    jobs=[discover_job, extract_job, publish_job],
    sensors=[new_pdfs_sensor, scraped_documents_sensor, publish_sensor],
    schedules=[nightly_discovery],
    resources=resources(),
)
