"""What one bounded worker process does: read a document, or a range of its pages, and extract it.

A task is pickled to a fresh worker process, runs there under an address-space limit, and
sends back one `Reply`. The heavy extractor modules are imported here, in the worker (the
forkserver preloads them once), never in the process that schedules the work.
"""

from __future__ import annotations

import gc
import logging
import math
import resource
import signal
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.vocab import document_id
from models.documents import DocumentRecord
from models.extraction import Extraction, SourceInfo
from models.vocab import DEFAULT_TABLE_ENGINE, DocumentStatus, TableEngine
from runner import MEMORY_MB, TIMEOUT_S

if TYPE_CHECKING:
    from extractors.pages import Page, PdfDocument

# Which loggers' warnings a worker hands back to be logged ("CropBox missing from /Page", a page
# Camelot failed on).
CAPTURED_LOGGERS = ("pdfminer", "pdfplumber", "extractors", "playa", "camelot")
MAX_WARNINGS = 20
GC_THRESHOLD = 100_000


@dataclass(frozen=True)
class Limits:
    """Bounds on one document's worker processes."""

    # Address space per worker: a 350-page document peaks near 100 MiB once pages are let go
    # (make bench), and a worker starts at about 80 MiB of address space.
    memory_mb: int = MEMORY_MB
    # Worker time one document may use, summed over its tasks.
    timeout_s: float = TIMEOUT_S
    # A document is read in ranges of at most this many pages (bounds a worker's memory), and
    # at least this many (a range costs one more process and page shipping).
    max_chunk_pages: int = 64
    min_chunk_pages: int = 16

    def chunk_pages(self, pages: int, workers: int) -> int:
        """The range size that spreads a document over the workers within the bounds."""
        return max(self.min_chunk_pages, min(self.max_chunk_pages, math.ceil(pages / max(workers, 1))))


@dataclass(frozen=True)
class Job:
    """One document to extract: its file and what ingest knows of it."""

    path: str
    sha256: str
    source: SourceInfo = field(default_factory=SourceInfo)
    table_engine: TableEngine = DEFAULT_TABLE_ENGINE

    @property
    def document_id(self) -> str:
        return document_id(self.sha256)

    def refused(self, status: DocumentStatus, error: str, page_count: int = 0) -> Extraction:
        """The document's one `documents` row when it could not be read within the limits."""
        src = self.source
        row = DocumentRecord(
            document_id=self.document_id,
            sha256=self.sha256,
            source_url=src.source_url,
            first_page=1 if page_count else None,
            last_page=page_count or None,
            page_count=page_count or None,
            retrieved_at=src.retrieved_at,
            status=status,
            error=error,
            file_name=src.file_name,
        )
        return Extraction.of(self.document_id, [row])


@dataclass(frozen=True)
class Split:
    """The document is long: read it in ranges of `chunk` pages."""

    doc: PdfDocument
    chunk: int


@dataclass(frozen=True)
class Whole:
    """Inspect a document; extract it at once, or answer `Split` when it is long."""

    job: Job
    workers: int
    limits: Limits

    def run(self) -> Extraction | Split:
        from extractors.document import extract_all
        from extractors.pages import inspect_pdf, read_pdf

        path = Path(self.job.path)
        doc = inspect_pdf(path, sha256=self.job.sha256)
        chunk = self.limits.chunk_pages(doc.page_count, self.workers)
        if doc.status is DocumentStatus.OK and doc.page_count > chunk:
            return Split(doc, chunk)
        return extract_all(read_pdf(path, inspected=doc), self.job.source, self.job.table_engine)


@dataclass(frozen=True)
class PageRange:
    """Read pages `first`..`last` of a document; a range that cannot be read fails the document."""

    job: Job
    doc: PdfDocument
    first: int
    last: int

    def run(self) -> tuple[Page, ...] | Extraction:
        from extractors.document import extract_all
        from extractors.pages import read_pages, unreadable

        try:
            return read_pages(Path(self.job.path), self.first, self.last)
        # As in pages.read_pdf: whatever pdfminer raises marks the file unreadable.
        except Exception as exc:
            return extract_all(unreadable(self.doc, exc), self.job.source)


@dataclass(frozen=True)
class Finish:
    """Assemble a document from its ranges of pages and extract it."""

    job: Job
    doc: PdfDocument
    pages: tuple[Page, ...]

    def run(self) -> Extraction:
        from extractors.document import extract_all
        from extractors.pages import assemble

        return extract_all(assemble(self.doc, self.pages), self.job.source, self.job.table_engine)


Task = Whole | PageRange | Finish


@dataclass(frozen=True)
class Reply:
    """A task's result (or the exception that stopped it) and what the worker measured."""

    result: Extraction | Split | tuple[Page, ...] | None
    error: Exception | None = None
    peak_mb: float = 0.0
    warnings: tuple[str, ...] = field(default=())


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < MAX_WARNINGS:
            self.messages.append(f"{record.name}: {record.getMessage()}")


def serve(conn: Connection, task: Task, memory_mb: int) -> None:
    """The worker process: run one task under the memory limit and send back its `Reply`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    gc.freeze()  # the preloaded modules' objects are never garbage: keep the collector off them
    # pdfminer allocates millions of short-lived objects that reference counting frees; a full
    # collection every 700 allocations cost the seed pack ~20% of its CPU (5.1 s against 6-8 s).
    gc.set_threshold(GC_THRESHOLD, 50, 100)
    collect = _Collect()
    for name in CAPTURED_LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(collect)
        logger.propagate = False
    result: Extraction | Split | tuple[Page, ...] | None = None
    error: Exception | None = None
    try:
        result = task.run()
    # Every exception crosses back to the scheduler, which turns it into the document's row;
    # MemoryError included: it is how the address-space limit shows itself.
    except Exception as exc:
        # Fresh exceptions: the caught one's traceback holds the frames, and their pages, alive.
        error = MemoryError() if isinstance(exc, MemoryError) else RuntimeError(f"{type(exc).__name__}: {exc}")
    if error is not None:
        gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not _sent(conn, Reply(result, error, peak, tuple(collect.messages))):
        result = None  # too big to pickle within the limit: say so instead
        gc.collect()
        conn.send(Reply(None, MemoryError(), peak))
    conn.close()


def _sent(conn: Connection, reply: Reply) -> bool:
    try:
        conn.send(reply)
    except MemoryError:
        return False
    return True
