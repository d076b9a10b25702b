"""A pool of bounded worker processes that extracts documents, long ones in ranges of pages.

Every task runs in a fresh process forked from a forkserver that has the extractors loaded,
under an address-space limit, and is killed when its document's time is up. A document whose
worker runs out of memory, times out or dies becomes its `documents` row with `status` and
`error`; the other documents go on.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import cast

from models.extraction import Extraction
from models.vocab import DocumentStatus
from runner import boot
from runner.worker import Finish, Job, Limits, PageRange, Reply, Split, Task, Whole, serve


@dataclass
class Done:
    """A finished document and what its workers measured."""

    extraction: Extraction
    seconds: float = 0.0
    peak_mb: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return self.extraction.file.page_count or 0


@dataclass
class _Doc:
    """A document in progress: its time used and, when split, the ranges read so far."""

    job: Job
    spent: float = 0.0
    peak_mb: float = 0.0
    warnings: list[str] = field(default_factory=list)
    split: Split | None = None
    ranges: dict[int, tuple] = field(default_factory=dict)

    @property
    def all_read(self) -> bool:
        """Every range of a split document has come back."""
        return self.split is not None and len(self.ranges) == math.ceil(self.split.doc.page_count / self.split.chunk)


@dataclass
class _Running:
    process: BaseProcess
    task: Task
    doc: _Doc
    started: float
    deadline: float


def extract(
    jobs: Iterable[Job],
    limits: Limits | None = None,
    workers: int = 1,
    on_done: Callable[[Done], None] | None = None,
    start_method: str = "forkserver",
) -> list[Done]:
    """Extract every job in at most `workers` processes at once; results in document-id order."""
    pool = _Scheduler(boot(start_method), limits or Limits(), max(workers, 1), on_done)
    pool.queue.extend((Whole(job, pool.workers, pool.limits), _Doc(job)) for job in jobs)
    try:
        while pool.queue or pool.running:
            pool.start_ready()
            pool.collect()
            pool.expire()
    finally:
        for run in pool.running.values():
            _stop(run.process)
    return [pool.done[key] for key in sorted(pool.done)]


@dataclass
class _Scheduler:
    """Tasks waiting, tasks running (by the pipe their reply comes on), documents done."""

    ctx: multiprocessing.context.BaseContext
    limits: Limits
    workers: int
    on_done: Callable[[Done], None] | None
    queue: deque[tuple[Task, _Doc]] = field(default_factory=deque)
    running: dict[Connection, _Running] = field(default_factory=dict)
    done: dict[str, Done] = field(default_factory=dict)

    def start_ready(self) -> None:
        """Start queued tasks while a worker slot is free."""
        while self.queue and len(self.running) < self.workers:
            task, doc = self.queue.popleft()
            reader, writer = self.ctx.Pipe(duplex=False)  # type: ignore[attr-defined]
            process = self.ctx.Process(target=serve, args=(writer, task, self.limits.memory_mb), daemon=True)  # type: ignore[attr-defined]
            process.start()
            writer.close()  # the worker holds the only write end: its death reads as end of file
            now = time.monotonic()
            self.running[reader] = _Running(process, task, doc, now, now + self.limits.timeout_s - doc.spent)

    def collect(self) -> None:
        """Wait for replies until the nearest deadline, and act on each."""
        timeout = max(0.0, min(r.deadline for r in self.running.values()) - time.monotonic())
        for conn in cast(list[Connection], wait(list(self.running), timeout=timeout)):
            run = self.running.pop(conn)
            reply = _receive(conn, run.process, self.limits)
            run.doc.spent += time.monotonic() - run.started
            run.doc.peak_mb = max(run.doc.peak_mb, reply.peak_mb)
            run.doc.warnings += reply.warnings
            self.settle(run, reply)

    def expire(self) -> None:
        """Kill tasks whose document is out of time; the document is recorded as timed out."""
        for conn, run in list(self.running.items()):
            if time.monotonic() >= run.deadline and conn in self.running:
                error = f"took longer than the time limit of {self.limits.timeout_s:g} s"
                self.finish(run.doc, _refused(run.doc, DocumentStatus.TIMEOUT, error))

    def settle(self, run: _Running, reply: Reply) -> None:
        """Act on one task's reply: a finished document, ranges to read, or a failure."""
        doc, result = run.doc, reply.result
        if isinstance(reply.error, MemoryError):
            error = f"needed more than the memory limit of {self.limits.memory_mb} MiB"
            self.finish(doc, _refused(doc, DocumentStatus.TOO_LARGE, error))
        elif reply.error is not None:
            self.finish(doc, _refused(doc, DocumentStatus.FAILED, f"{reply.error}"))
        elif isinstance(result, Extraction):
            self.finish(doc, result)
        elif isinstance(result, Split):
            doc.split = result
            count, chunk = result.doc.page_count, result.chunk
            ranges = [PageRange(doc.job, result.doc, a, min(a + chunk - 1, count)) for a in range(1, count + 1, chunk)]
            self.queue.extendleft((r, doc) for r in reversed(ranges))  # a started document goes first
        elif isinstance(run.task, PageRange) and isinstance(result, tuple) and doc.split:
            doc.ranges[run.task.first] = result
            if doc.all_read:
                pages = tuple(p for first in sorted(doc.ranges) for p in doc.ranges[first])
                self.queue.appendleft((Finish(doc.job, doc.split.doc, pages), doc))

    def finish(self, doc: _Doc, extraction: Extraction) -> None:
        """Record a document as done; its other tasks, queued or running, are dropped."""
        for conn, run in list(self.running.items()):
            if run.doc is doc:
                _stop(run.process)
                del self.running[conn]
        kept = [(t, d) for t, d in self.queue if d is not doc]
        self.queue.clear()
        self.queue.extend(kept)
        result = Done(extraction, doc.spent, doc.peak_mb, doc.warnings)
        self.done[doc.job.document_id] = result
        if self.on_done:
            self.on_done(result)


def _receive(conn: Connection, process: BaseProcess, limits: Limits) -> Reply:
    try:
        reply: Reply = conn.recv()
    except (EOFError, OSError):
        process.join()
        code = process.exitcode or 0
        cause = signal.Signals(-code).name if code < 0 else f"exit code {code}"
        # Where Python cannot raise MemoryError (a C library's allocation), the worker aborts.
        hint = f", perhaps at the memory limit of {limits.memory_mb} MiB" if code < 0 else ""
        reply = Reply(None, RuntimeError(f"worker process died ({cause}{hint})"))
    finally:
        conn.close()
    process.join()
    return reply


def _refused(doc: _Doc, status: DocumentStatus, error: str) -> Extraction:
    pages = doc.split.doc.page_count if doc.split else 0
    return doc.job.refused(status, error, pages)


def _stop(process: BaseProcess) -> None:
    """Kill a worker and reap it."""
    if process.is_alive():
        process.kill()
    process.join()
