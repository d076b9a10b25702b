"""Typed, swappable resources: where PDFs come from, where they are kept, where datasets go."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

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
            p for p in root.rglob("*")
            if p.is_file() and not any(part.startswith(IGNORED_PREFIXES) for part in p.relative_to(root).parts)
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
