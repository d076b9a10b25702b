"""The fetch manifest: every request for a council's file and what came of it (SQLite).

One row per attempt: the canonical URL, HTTP status, size, content type, SHA-256, when, and the
source, committee, ModernGov meeting and document it was for. ModernGov sends no ETag or
Last-Modified, so a file is known to have changed only by its hash: a URL whose bytes differ
from the last ones kept is a new version (`versions`), and both stay in the raw store.

The manifest also remembers each meeting listed (so a settled one is not listed again) and the
attendees the web service published for it (`source_attendance`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import astuple, dataclass, fields
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS fetches (
    url TEXT NOT NULL,              -- canonical URL
    status INTEGER,                 -- HTTP status; NULL when no response came
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,           -- '' when no file was kept
    fetched_at TEXT NOT NULL,       -- UTC, ISO 8601
    source TEXT NOT NULL,
    committee_id TEXT NOT NULL,
    meeting_id TEXT NOT NULL,       -- ModernGov's meeting id
    document_ref TEXT NOT NULL,     -- ModernGov's document id ("s128747", "g4967 T=10", "ID=60860")
    outcome TEXT NOT NULL,          -- new | unchanged | changed | failed
    error TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fetches_url ON fetches (url, fetched_at);
CREATE TABLE IF NOT EXISTS meetings (
    source TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    committee_id TEXT NOT NULL,
    date TEXT NOT NULL,             -- YYYY-MM-DD as listed
    listed_at TEXT NOT NULL,
    complete INTEGER NOT NULL,      -- 1 when every file of the meeting was fetched
    PRIMARY KEY (source, meeting_id)
);
CREATE TABLE IF NOT EXISTS source_attendance (
    source TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    attendance TEXT NOT NULL,
    source_url TEXT NOT NULL,
    retrieved_at TEXT NOT NULL,
    PRIMARY KEY (source, meeting_id, member_id)
);
"""


@dataclass(frozen=True)
class Fetch:
    """One request for a file, as the manifest keeps it."""

    url: str
    status: int | None
    size: int
    content_type: str
    sha256: str
    fetched_at: str
    source: str
    committee_id: str
    meeting_id: str
    document_ref: str
    outcome: str
    error: str = ""


@dataclass(frozen=True)
class Version:
    """One content a URL has served: the first time it was fetched, numbered from 1."""

    url: str
    version: int
    sha256: str
    first_fetched_at: str
    source: str
    meeting_id: str


@dataclass(frozen=True)
class ListedAttendee:
    """An attendee of a meeting as the council's web service publishes them."""

    source: str
    meeting_id: str
    member_id: str
    name: str
    role: str
    attendance: str
    source_url: str
    retrieved_at: str


@dataclass(frozen=True)
class ListedMeeting:
    """A meeting a source listed: ModernGov's ids, the day it is held, whether all its files came."""

    source: str
    meeting_id: str
    committee_id: str
    date: str
    listed_at: str
    complete: bool


class Manifest:
    """The manifest at `path` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(SCHEMA)

    def record(self, fetch: Fetch) -> None:
        columns = ", ".join(f.name for f in fields(Fetch))
        with self._db() as db:
            db.execute(
                f"INSERT INTO fetches ({columns}) VALUES ({', '.join('?' * len(fields(Fetch)))})", astuple(fetch)
            )

    def last_kept(self, url: str) -> Fetch | None:
        """The last fetch of `url` that kept a file."""
        with self._db() as db:
            row = db.execute(
                "SELECT * FROM fetches WHERE url = ? AND sha256 != '' ORDER BY fetched_at DESC, rowid DESC LIMIT 1",
                (url,),
            ).fetchone()
        return Fetch(*row) if row else None

    def kept(self) -> set[str]:
        """The SHA-256 of every file a fetch kept."""
        with self._db() as db:
            return {sha for (sha,) in db.execute("SELECT DISTINCT sha256 FROM fetches WHERE sha256 != ''")}

    def fetches(self) -> list[Fetch]:
        with self._db() as db:
            return [Fetch(*row) for row in db.execute("SELECT * FROM fetches ORDER BY rowid")]

    def versions(self) -> list[Version]:
        """Each URL's contents in the order first fetched (`document_versions`)."""
        with self._db() as db:
            rows = db.execute(
                "SELECT url, sha256, MIN(fetched_at), source, meeting_id FROM fetches WHERE sha256 != '' "
                "GROUP BY url, sha256 ORDER BY url, MIN(fetched_at), MIN(rowid)"
            ).fetchall()
        out: list[Version] = []
        for url, sha, first, source, meeting in rows:
            number = 1 + sum(1 for v in out if v.url == url)
            out.append(Version(url, number, sha, first, source, meeting))
        return out

    def listed(self, source: str, meeting_id: str) -> bool:
        """Whether the meeting was listed before and every file of it fetched."""
        with self._db() as db:
            found = db.execute(
                "SELECT 1 FROM meetings WHERE source = ? AND meeting_id = ? AND complete = 1", (source, meeting_id)
            ).fetchone()
        return found is not None

    def note_meeting(self, meeting: ListedMeeting) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO meetings VALUES (?, ?, ?, ?, ?, ?)", astuple(meeting))

    def meetings(self) -> list[ListedMeeting]:
        with self._db() as db:
            rows = db.execute("SELECT * FROM meetings ORDER BY source, date, meeting_id").fetchall()
        return [
            ListedMeeting(source, meeting, committee, day, at, bool(done))
            for source, meeting, committee, day, at, done in rows
        ]

    def keep_attendance(self, source: str, meeting_id: str, attendees: list[ListedAttendee]) -> None:
        """The web service's attendees of a meeting, replacing any kept before when they differ
        (an unchanged list keeps when it was first retrieved, so a rerun publishes the same bytes)."""
        kept = [a for a in self.attendance() if (a.source, a.meeting_id) == (source, meeting_id)]
        if _people(kept) == _people(attendees):
            return
        with self._db() as db:
            db.execute("DELETE FROM source_attendance WHERE source = ? AND meeting_id = ?", (source, meeting_id))
            db.executemany(
                "INSERT OR REPLACE INTO source_attendance VALUES (?, ?, ?, ?, ?, ?, ?, ?)", map(astuple, attendees)
            )

    def attendance(self) -> list[ListedAttendee]:
        with self._db() as db:
            rows = db.execute("SELECT * FROM source_attendance ORDER BY source, meeting_id, member_id")
            return [ListedAttendee(*row) for row in rows]

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path)) as db, db:
            yield db


def _people(attendees: list[ListedAttendee]) -> list[tuple[str, str, str, str]]:
    return sorted((a.member_id, a.name, a.role, a.attendance) for a in attendees)
