"""The raw PDF store: every file kept once under its SHA-256, never edited, with a sidecar.

`<root>/<sha256>.pdf` holds the bytes; `<root>/<sha256>.json` says where they came from and
when they were first seen, so a rerun gives the same `retrieved_at` and the same outputs.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from extractors.pages import sha256_of


@dataclass(frozen=True)
class StoredPdf:
    """A file in the raw store and what is known about where it came from."""

    document_id: str
    sha256: str
    path: str
    file_name: str
    source_url: str = ""
    retrieved_at: str = ""


class RawStore:
    """A folder of content-addressed PDFs."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def add(self, path: Path, source_url: str = "", retrieved_at: str = "") -> StoredPdf:
        """Keep a copy of `path` (once per content) and return its entry."""
        sha = sha256_of(path)
        existing = self.get(sha[:16])
        if existing is not None and existing.sha256 == sha:
            return existing
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / f"{sha}.pdf"
        _atomic_copy(path, target)
        when = retrieved_at or datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = StoredPdf(sha[:16], sha, str(target), path.name, source_url, when)
        _atomic_write(self.root / f"{sha}.json", json.dumps(asdict(entry) | {"path": target.name}, indent=1))
        return entry

    def get(self, document_id: str) -> StoredPdf | None:
        """The stored file whose SHA-256 starts with `document_id`, if any."""
        for meta in sorted(self.root.glob(f"{document_id}*.json")):
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["path"] = str(self.root / data["path"])
            return StoredPdf(**data)
        return None

    def entries(self) -> list[StoredPdf]:
        """Every stored file, in SHA order."""
        return [e for meta in sorted(self.root.glob("*.json")) if (e := self.get(meta.stem[:16]))]


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
