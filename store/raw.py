"""The raw PDF store: every file kept once under its SHA-256, never edited, with a sidecar.

`<root>/<ab>/<sha256>.pdf` holds the bytes (`ab`: the hash's first two hex digits, so no folder
holds more than a few hundred files of 100,000); `<root>/<ab>/<sha256>.json` says where they
came from, when they were first seen, and whether the document has been withdrawn (its file
removed from the watched folder: the bytes stay here, its rows leave the published datasets).
A store written before the shards (`<root>/<sha256>.pdf`) is read as it is.

A file enters the store whole or not at all: bytes are written to a temporary file in the
store's folder, flushed to disk and renamed into place.
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
        existing = self.get(sha)
        if existing is not None:
            return self.set_withdrawn(existing, False) if existing.withdrawn else existing
        target = self._shard(sha) / f"{sha}.pdf"
        _atomic_copy(path, target)
        when = retrieved_at or datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = StoredPdf(document_id(sha), sha, str(target), path.name, source_url, when)
        self._write(entry)
        return entry

    def adopt(self, download: Path, sha256: str, file_name: str, source_url: str, retrieved_at: str) -> StoredPdf:
        """Move a finished download (a file in `temp_dir()`, flushed to disk) into the store, or
        drop it when those bytes are stored already; the entry either way."""
        existing = self.get(sha256)
        if existing is not None:
            download.unlink(missing_ok=True)
            return existing
        target = self._shard(sha256) / f"{sha256}.pdf"
        os.replace(download, target)
        entry = StoredPdf(document_id(sha256), sha256, str(target), file_name, source_url, retrieved_at)
        self._write(entry)
        return entry

    def temp_dir(self) -> Path:
        """Where downloads are written before `adopt`: on the store's file system, so the move is a rename."""
        folder = self.root / ".incoming"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def get(self, document_id: str) -> StoredPdf | None:
        """The stored file whose SHA-256 starts with `document_id` (16 hex digits, or all 64), if any."""
        metas = [*self.root.glob(f"{document_id[:2]}/{document_id}*.json"), *self.root.glob(f"{document_id}*.json")]
        return next((e for m in sorted(metas) if (e := self._read(m))), None)

    def entries(self) -> list[StoredPdf]:
        """Every stored file, in SHA order: one pass over the sidecars."""
        metas = sorted([*self.root.glob("??/*.json"), *self.root.glob("*.json")], key=lambda m: m.name)
        return [e for meta in metas if (e := self._read(meta))]

    def _shard(self, sha256: str) -> Path:
        folder = self.root / sha256[:2]
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def set_withdrawn(self, entry: StoredPdf, withdrawn: bool) -> StoredPdf:
        """Mark a document withdrawn (its file is gone from the source) or back again."""
        updated = replace(entry, withdrawn=withdrawn)
        self._write(updated)
        return updated

    def _read(self, meta: Path) -> StoredPdf | None:
        if not meta.exists():
            return None
        data = json.loads(meta.read_text(encoding="utf-8"))
        return StoredPdf(**(data | {"path": str(meta.parent / data["path"])}))

    def _write(self, entry: StoredPdf) -> None:
        """The sidecar beside its PDF, naming it relative to itself."""
        pdf = Path(entry.path)
        text = json.dumps(asdict(entry) | {"path": pdf.name}, indent=1)
        _atomic_write(pdf.parent / f"{entry.sha256}.json", text)


def _atomic_copy(src: Path, dst: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as out, src.open("rb") as data:
        shutil.copyfileobj(data, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, dst)


def _atomic_write(dst: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, dst)
