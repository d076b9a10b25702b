"""Ingest: the stored PDF of one partition (the sensor finds PDFs and keeps each once in the raw store)."""

from dagster import AssetExecutionContext, Failure, asset

from extractors import EXTRACTOR_VERSION
from pipeline.partitions import documents_partitions
from pipeline.resources import RawStoreResource
from store.raw import StoredPdf


@asset(group_name="ingest", partitions_def=documents_partitions, code_version=EXTRACTOR_VERSION)
def raw_document(context: AssetExecutionContext, raw_store: RawStoreResource) -> StoredPdf:
    """The stored PDF of this partition and where it came from."""
    entry = raw_store.store().get(context.partition_key)
    if entry is None:
        raise Failure(f"no stored PDF for document {context.partition_key!r} in {raw_store.root!r}")
    context.add_output_metadata({"file_name": entry.file_name, "sha256": entry.sha256, "path": entry.path})
    return entry
