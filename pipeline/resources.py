"""Typed, swappable resources: where PDFs come from, where they are kept, where datasets go."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from runner import MEMORY_MB, TIMEOUT_S
from runner.worker import Limits
from store.raw import RawStore

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


class DatasetsResource(ConfigurableResource):
    """Where the published datasets are written."""

    out_dir: str = "outputs"


class WorkersResource(ConfigurableResource):
    """The bounded worker processes one document is read and extracted in."""

    # Address space per worker process; over it the document is recorded `too_large`.
    memory_mb: int = MEMORY_MB
    # Worker seconds one document may use; over it the document is recorded `timeout`.
    timeout_s: float = TIMEOUT_S
    # Processes that read one long document's pages in parallel (runs also go side by side).
    processes: int = 2

    def limits(self) -> Limits:
        """The limits as the worker pool takes them."""
        return Limits(memory_mb=self.memory_mb, timeout_s=self.timeout_s)
