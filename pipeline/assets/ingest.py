"""Ingest: find PDFs, keep each once in the raw store, one partition per document."""

from dagster import AssetExecutionContext, Failure, MaterializeResult, asset

from extractors import EXTRACTOR_VERSION
from pipeline.partitions import DOCUMENTS, documents_partitions
from pipeline.resources import LocalFolderSource, RawStoreResource
from store.raw import StoredPdf


@asset(group_name="ingest")
def source_inventory(
    context: AssetExecutionContext, source: LocalFolderSource, raw_store: RawStoreResource
) -> MaterializeResult:
    """Discover PDFs from the source, store them, and add a partition for each new one."""
    store = raw_store.store()
    entries = [store.add(path) for path in source.discover()]
    known = set(context.instance.get_dynamic_partitions(DOCUMENTS))
    new = sorted({e.document_id for e in entries} - known)
    if new:
        context.instance.add_dynamic_partitions(DOCUMENTS, new)
    return MaterializeResult(metadata={"files": len(entries), "new_documents": len(new)})


@asset(group_name="ingest", partitions_def=documents_partitions, code_version=EXTRACTOR_VERSION)
def raw_document(context: AssetExecutionContext, raw_store: RawStoreResource) -> StoredPdf:
    """The stored PDF of this partition and where it came from."""
    entry = raw_store.store().get(context.partition_key)
    if entry is None:
        raise Failure(f"no stored PDF for document {context.partition_key!r} in {raw_store.root!r}")
    context.add_output_metadata({"file_name": entry.file_name, "sha256": entry.sha256, "path": entry.path})
    return entry
