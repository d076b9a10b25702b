"""Each document's extraction kept as one file, so a rerun extracts only what is new or stale.

Both the Dagster IO manager of `document_extraction` and the CLI keep them here. A file
written by another extractor version is stale: it is not loaded, and is replaced when the
document is extracted again.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from models.extraction import Extraction


class ExtractionStore:
    """A folder of `<document_id>.pickle` files, one per extracted document."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def save(self, extraction: Extraction) -> None:
        """Keep a document's extraction, replacing any earlier one atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(extraction, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.root / f"{extraction.document_id}.pickle")

    def load(self, document_id: str, current_only: bool = True) -> Extraction | None:
        """The document's extraction, if kept (and, by default, made by this extractor version)."""
        path = self.root / f"{document_id}.pickle"
        if not path.exists():
            return None
        try:
            extraction: Extraction = pickle.loads(path.read_bytes())
            version = version_of(extraction)
        # A file this code cannot read back (an older layout of Extraction, a partial write of a
        # killed run) is as good as none: the document is extracted again.
        except (pickle.UnpicklingError, AttributeError, IndexError, EOFError, TypeError, ValueError):
            return None
        return None if current_only and version != EXTRACTOR_VERSION else extraction


def version_of(extraction: Extraction) -> str:
    """The extractor version that produced a document's rows (its `documents` row says)."""
    return extraction.file.extractor_version
