"""What changed in a watched folder since the last look, hashing only files that changed.

The sensor keeps `Seen` entries as its cursor: a file whose size and modification time are
unchanged keeps its recorded SHA-256 and is not read again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from extractors.vocab import document_id, sha256_of
from store.raw import RawStore, StoredPdf


@dataclass(frozen=True)
class Seen:
    """A file as last seen: enough to tell that it has not changed without reading it."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Changes:
    """One look at the folder: every file now, and contents that appeared or went away."""

    files: dict[str, Seen]
    new: list[tuple[Path, str]]  # (a file holding it, sha256) per content not seen before
    gone: list[str]  # sha256 of contents no file holds any more
    hashed: int  # files read to hash them this time


def look(paths: list[Path], before: dict[str, Seen]) -> Changes:
    """Compare the files now in the folder with those seen before."""
    files: dict[str, Seen] = {}
    hashed = 0
    for path in paths:
        stat = path.stat()
        old = before.get(str(path))
        if old and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            files[str(path)] = old
            continue
        files[str(path)] = Seen(stat.st_size, stat.st_mtime_ns, sha256_of(path))
        hashed += 1
    then = {s.sha256 for s in before.values()}
    first_file = {seen.sha256: Path(p) for p, seen in sorted(files.items(), reverse=True)}
    new = [(path, sha) for sha, path in sorted(first_file.items()) if sha not in then]
    gone = sorted(then - set(first_file))
    return Changes(files, new, gone, hashed)


def load_cursor(cursor: str | None) -> dict[str, Seen]:
    """The files a sensor saw last time, from its cursor."""
    return {path: Seen(**seen) for path, seen in json.loads(cursor or "{}").items()}


def dump_cursor(files: dict[str, Seen]) -> str:
    """The cursor that remembers these files."""
    return json.dumps({path: asdict(seen) for path, seen in sorted(files.items())})


@dataclass(frozen=True)
class Applied:
    """The store after one look: contents kept for the first time, brought back, or withdrawn."""

    new: list[StoredPdf]
    returned: list[StoredPdf]
    withdrawn: list[StoredPdf]


def apply(store: RawStore, changes: Changes) -> Applied:
    """Keep new contents in the store, mark contents no file holds any more withdrawn."""
    new, returned = [], []
    for path, sha in changes.new:
        before = store.get(document_id(sha))
        entry = store.add(path, sha256=sha)
        if before is None:
            new.append(entry)
        elif before.withdrawn:
            returned.append(entry)
    withdrawn = [
        store.set_withdrawn(e, True) for sha in changes.gone if (e := store.get(document_id(sha))) and not e.withdrawn
    ]
    return Applied(new, returned, withdrawn)
