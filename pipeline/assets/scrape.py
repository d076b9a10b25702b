"""Discovery: what followed councils newly published, fetched into the raw store (moderngov/)."""

from datetime import date

from dagster import AssetExecutionContext, Config, MaterializeResult, MetadataValue, asset

from moderngov.scrape import scrape
from pipeline.resources import RawStoreResource, SourcesResource
from store.fetches import Manifest


class DiscoveryConfig(Config):
    """A researcher's rerun from the UI: one source (else every enabled one), further back, or in full."""

    source: str = ""
    since: str = ""  # YYYY-MM-DD
    full: bool = False


@asset(group_name="ingest")
def moderngov_discovery(
    context: AssetExecutionContext, config: DiscoveryConfig, sources: SourcesResource, raw_store: RawStoreResource
) -> MaterializeResult:
    """List each source's meetings, fetch the files not fetched before, and keep them in the raw store."""
    raw = raw_store.store()
    manifest = Manifest(raw.root / "manifest.sqlite")
    since = date.fromisoformat(config.since) if config.since else None
    new: list[str] = []  # document ids: `scraped_documents_sensor` extracts them
    lines = []
    for source in sources.enabled(config.source):
        client = sources.client(source)
        try:
            found = scrape(source, raw, manifest, client, since=since, full=config.full)
        finally:
            client.close()
        lines.append(found.line(source.name))
        for error in found.errors:
            context.log.warning(f"{source.name}: {error}")
        new += [e.document_id for e in found.fetched]
    context.log.info("\n".join(lines) or "no enabled source")
    return MaterializeResult(
        metadata={
            "summary": MetadataValue.md("\n".join(f"- {line}" for line in lines) or "no enabled source"),
            "new_documents": len(set(new)),
        }
    )
