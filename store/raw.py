"""The raw PDF store: every file kept once under its SHA-256, never edited, with a sidecar.

`<root>/<sha256>.pdf` holds the bytes; `<root>/<sha256>.json` says where they came from, when
they were first seen, and whether the document has been withdrawn (its file removed from the
watched folder: the bytes stay here, its rows leave the published datasets).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from extractors.vocab import document_id, sha256_of


@dataclass(frozen=True)
class StoredPdf:
    """A file in the raw store and what is known about where it came from."""

    document_id: str
    sha256: str
    path: str
    file_name: str
    source_url: str = ""
    retrieved_at: str = ""
    withdrawn: bool = False


class RawStore:
    """A folder of content-addressed PDFs."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def add(self, path: Path, source_url: str = "", retrieved_at: str = "", sha256: str = "") -> StoredPdf:
        """Keep a copy of `path` (once per content) and return its entry; a withdrawn one comes back."""
        sha = sha256 or sha256_of(path)
        existing = self._read(self.root / f"{sha}.json")
        if existing is not None:
            return self.set_withdrawn(existing, False) if existing.withdrawn else existing
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / f"{sha}.pdf"
        _atomic_copy(path, target)
        when = retrieved_at or datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = StoredPdf(document_id(sha), sha, str(target), path.name, source_url, when)
        self._write(entry)
        return entry

    def get(self, document_id: str) -> StoredPdf | None:
        """The stored file whose SHA-256 starts with `document_id`, if any."""
        return next((e for m in sorted(self.root.glob(f"{document_id}*.json")) if (e := self._read(m))), None)

    def entries(self) -> list[StoredPdf]:
        """Every stored file, in SHA order: one pass over the sidecars."""
        return [e for meta in sorted(self.root.glob("*.json")) if (e := self._read(meta))]

    def set_withdrawn(self, entry: StoredPdf, withdrawn: bool) -> StoredPdf:
        """Mark a document withdrawn (its file is gone from the source) or back again."""
        updated = replace(entry, withdrawn=withdrawn)
        self._write(updated)
        return updated

    def _read(self, meta: Path) -> StoredPdf | None:
        if not meta.exists():
            return None
        data = json.loads(meta.read_text(encoding="utf-8"))
        return StoredPdf(**(data | {"path": str(self.root / data["path"])}))

    def _write(self, entry: StoredPdf) -> None:
        text = json.dumps(asdict(entry) | {"path": Path(entry.path).name}, indent=1)
        _atomic_write(self.root / f"{entry.sha256}.json", text)


def _atomic_copy(src: Path, dst: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".tmp-")
    os.close(fd)
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def _atomic_write(dst: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, dst)
