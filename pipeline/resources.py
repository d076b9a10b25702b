"""Typed, swappable resources: where PDFs come from, where they are kept, where datasets go."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dagster import ConfigurableIOManager, ConfigurableResource, InputContext, OutputContext

from extractors import EXTRACTOR_VERSION
from models import Record
from models.extraction import Extraction
from models.vocab import DEFAULT_TABLE_ENGINE, TableEngine
from moderngov.http import PoliteClient, client_for
from moderngov.sources import Source, load_sources
from runner import MEMORY_MB, TIMEOUT_S
from runner.worker import Limits
from store.extractions import ExtractionStore
from store.publish import output_lock, publish
from store.raw import RawStore

if TYPE_CHECKING:
    import pandas as pd

IGNORED_PREFIXES = (".", "_")


class LocalFolderSource(ConfigurableResource):
    """PDFs dropped into a folder (the bundled samples, or files a researcher adds)."""

    folder: str = "raw_pdfs"

    def discover(self) -> list[Path]:
        """Every file under the folder, except hidden ones (the raw store lives in `.store/`)."""
        root = Path(self.folder)
        if not root.exists():
            return []
        return sorted(
            p
            for p in root.rglob("*")
            if p.is_file()
            and not any(part.startswith(IGNORED_PREFIXES) for part in p.relative_to(root).parts)
            and p.name != "README.md"
        )


class RawStoreResource(ConfigurableResource):
    """The content-addressed store every PDF is kept in before it is read."""

    root: str = "raw_pdfs/.store"

    def store(self) -> RawStore:
        """The store at `root`."""
        return RawStore(Path(self.root))


class SourcesResource(ConfigurableResource):
    """The councils followed (`sources.yaml`, README "Following a council"), fetched from politely."""

    config: str = "sources.yaml"

    def enabled(self, only: str = "") -> list[Source]:
        """The enabled sources (or the one named, enabled or not: a researcher's rerun from the UI)."""
        path = Path(self.config)
        found = load_sources(path) if path.exists() else []
        return [s for s in found if s.name == only] if only else [s for s in found if s.enabled]

    def client(self, source: Source) -> PoliteClient:
        return client_for(source)


class DatasetsResource(ConfigurableResource):
    """Where the published datasets are written: the same folder layout and lock as the CLI."""

    out_dir: str = "outputs"
    csv_bom: bool = False  # start each CSV with a UTF-8 byte-order mark, for Excel on Windows

    def publish(
        self, records: dict[str, list[Record]], pdfs: Mapping[str, Path], log: Callable[[str], None]
    ) -> dict[str, object]:
        """Publish the whole set of datasets at once (waiting for another writer) and return its manifest;
        `pdfs` (sha256 -> archived file) are the files rows link their pages to."""
        out = Path(self.out_dir)
        with output_lock(out, on_wait=log):
            return publish(out, records, EXTRACTOR_VERSION, pdfs=pdfs, bom=self.csv_bom)

    def read(self, dataset: str) -> pd.DataFrame:
        """A published dataset, as its Parquet file holds it."""
        import pandas as pd

        return pd.read_parquet(Path(self.out_dir) / "parquet" / f"{dataset}.parquet")


class PublishedDatasetsIOManager(ConfigurableIOManager):
    """Dataset assets are files, not pickles: checks and downstream assets read the published Parquet."""

    datasets: DatasetsResource

    def handle_output(self, context: OutputContext, obj: object) -> None:
        raise TypeError(f"dataset {context.asset_key.to_user_string()} is published by its asset, not stored: {obj!r}")

    def load_input(self, context: InputContext) -> pd.DataFrame:
        return self.datasets.read(context.asset_key.to_user_string())


class WorkersResource(ConfigurableResource):
    """The bounded worker processes one document is read and extracted in."""

    # Address space per worker process; over it the document is recorded `too_large`.
    memory_mb: int = MEMORY_MB
    # Worker seconds one document may use; over it the document is recorded `timeout`.
    timeout_s: float = TIMEOUT_S
    # Processes that read one long document's pages in parallel (runs also go side by side).
    processes: int = 2
    # Which reader finds tables: auto (per table the better of ours and Camelot), plumber or camelot.
    table_engine: TableEngine = DEFAULT_TABLE_ENGINE

    def limits(self) -> Limits:
        """The limits as the worker pool takes them."""
        return Limits(memory_mb=self.memory_mb, timeout_s=self.timeout_s)


class ExtractionsIOManager(ConfigurableIOManager):
    """Each document's extraction kept as one file; the publish step loads those that exist.

    A document whose partition failed or never ran has no file and is simply not published,
    so one bad partition never holds the others back.
    """

    root: str = "outputs/.extractions"

    def handle_output(self, context: OutputContext, obj: Extraction) -> None:
        ExtractionStore(Path(self.root)).save(obj)

    def load_input(self, context: InputContext) -> dict[str, Extraction]:
        store = ExtractionStore(Path(self.root))
        keys = context.asset_partition_keys if context.has_asset_partitions else []
        found = {key: store.load(key, current_only=False) for key in keys}
        return {key: extraction for key, extraction in found.items() if extraction is not None}


# The project's folders, whatever directory Dagster's processes run in (`make ui` runs them in
# DAGSTER_HOME, so that the instance config there is the one in use).
PROJECT = Path(__file__).resolve().parents[1]


def resources(
    inbox: Path = PROJECT / "raw_pdfs",
    store: Path = PROJECT / "raw_pdfs" / ".store",
    out_dir: Path = PROJECT / "outputs",
    processes: int = 2,
    sources: Path = PROJECT / "sources.yaml",
) -> dict[str, object]:
    """Every resource the definitions use, by key; tests point the folders elsewhere."""
    datasets = DatasetsResource(out_dir=str(out_dir))
    return {
        "source": LocalFolderSource(folder=str(inbox)),
        "sources": SourcesResource(config=str(sources)),
        "raw_store": RawStoreResource(root=str(store)),
        "output": datasets,
        "workers": WorkersResource(processes=processes),
        "extractions": ExtractionsIOManager(root=str(Path(out_dir) / ".extractions")),
        "published_datasets": PublishedDatasetsIOManager(datasets=datasets),
    }
