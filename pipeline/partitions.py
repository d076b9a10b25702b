"""One dynamic partition per PDF; the key is its `document_id` (first 16 hex of its SHA-256)."""

from dagster import DynamicPartitionsDefinition

DOCUMENTS = "documents"
documents_partitions = DynamicPartitionsDefinition(name=DOCUMENTS)
