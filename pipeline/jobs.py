"""Jobs: discovery, per-document extraction, and publishing."""

from dagster import AssetSelection, define_asset_job

EXTRACT_ASSETS = ("raw_document", "document_extraction")

extract_job = define_asset_job(
    "extract_documents",
    selection=AssetSelection.assets(*EXTRACT_ASSETS),
    description="Read one PDF (one partition) into records, tables and KPIs.",
)
publish_job = define_asset_job(
    "publish_datasets",
    selection=AssetSelection.groups("datasets"),
    description="Write every dataset from all extracted documents.",
)
discover_job = define_asset_job(
    "discover_moderngov",
    selection=AssetSelection.assets("moderngov_discovery"),
    description="Fetch what the followed councils newly published (sources.yaml) into the raw store.",
)
