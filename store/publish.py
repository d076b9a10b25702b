"""Publishing a run's datasets whole: written into a fresh folder, made current in one step.

    outputs/
      .runs/<run-id>/          one folder per run, holding:
        csv/ parquet/ council.sqlite   the datasets
        README.md datapackage.json     the codebook, for people and for Frictionless tools
        council.xlsx report.html       the workbook and the run report
        metadata.json                  Datasette's metadata
        pdfs/                          the PDFs read, hard-linked from the archive (not in the manifest)
        manifest.json                  every other file above with its SHA-256
      current -> .runs/<run-id>        swapped with os.replace
      csv -> current/csv, ...          the paths users open, one per name in LINKS
      .lock                            one writer at a time

A kill at any instant leaves `current` naming either the previous complete run or the new
complete one, never a mix; the next run removes folders that killed runs left behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from models import DocumentRecord, Record
from store.codebook import datapackage, datasette_metadata, readme
from store.datasets import WrittenFile, page_links, write_all
from store.report import render

RUNS = ".runs"
CURRENT = "current"
LINKS = (
    "csv",
    "parquet",
    "council.sqlite",
    "README.md",
    "datapackage.json",
    "council.xlsx",
    "report.html",
    "metadata.json",
    "pdfs",
    "manifest.json",
)
LOCK = ".lock"


class OutputBusy(Exception):
    """Another run holds the output folder's lock."""


class OutputNotWritable(Exception):
    """The output folder cannot be created or written."""


def check_writable(out_dir: Path) -> None:
    """Fail before any work if `out_dir` cannot hold a run (one-line message)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputNotWritable(f"cannot write to {out_dir}/: {reason}") from exc


@contextmanager
def output_lock(out_dir: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the folder's lock; wait for another run (telling `on_wait` who), or raise `OutputBusy`.

    The lock is an flock on `.lock`: the kernel drops it when its holder dies, even by kill -9.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            message = f"{out_dir}/ is being written by another run (pid {holder})"
            if not wait:
                raise OutputBusy(message) from None
            if on_wait:
                on_wait(message)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def publish(
    out_dir: Path,
    datasets: dict[str, list[Record]],
    extractor_version: str,
    pdfs: Mapping[str, Path] | None = None,
    bom: bool = False,
) -> dict[str, object]:
    """Write a complete run folder, make it current, and return its manifest. Hold the lock.

    `pdfs` maps a file's sha256 to where it is archived: each is linked into the run's `pdfs/`
    folder, and rows read from it link to its pages there. `bom` writes CSVs for Excel.
    """
    sweep(out_dir)
    now = datetime.now(UTC)
    run_id = now.strftime("%Y%m%dT%H%M%S%fZ") + f"-{os.getpid()}"  # sorts by time; one writer at a time
    run_dir = out_dir / RUNS / run_id
    run_dir.mkdir(parents=True)
    links = page_links(datasets.get("documents", []), _link_pdfs(run_dir / "pdfs", datasets, pdfs or {}))
    files = write_all(run_dir, datasets, bom, links)
    files += _front_door(run_dir, datasets, bom, links)
    manifest = {
        "run_id": run_id,
        "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "extractor_version": extractor_version,
        "documents": sum(1 for r in datasets.get("documents", []) if not getattr(r, "parent_id", "")),
        "files": [asdict(f) for f in files],
    }
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    for path in run_dir.rglob("*"):
        if path.parent.name != "pdfs":  # links to the archive's own files
            path.chmod(0o755 if path.is_dir() else 0o644)
    _make_current(out_dir, run_id)
    sweep(out_dir)
    return manifest


def _front_door(
    run_dir: Path, datasets: dict[str, list[Record]], bom: bool, links: Mapping[str, str]
) -> list[WrittenFile]:
    """The codebook, Datasette's metadata and the run report, beside the datasets."""
    counts = {name: len(rows) for name, rows in datasets.items()}
    texts = {
        "README.md": readme(counts, bom),
        "datapackage.json": json.dumps(datapackage(counts, bom), indent=1, ensure_ascii=False) + "\n",
        "metadata.json": json.dumps(datasette_metadata(counts), indent=1, ensure_ascii=False) + "\n",
        "report.html": render(datasets, links),
    }
    for name, text in texts.items():
        (run_dir / name).write_text(text, encoding="utf-8")
    return [WrittenFile.of(run_dir, name, 0) for name in texts]  # not tables: no rows of their own


def _link_pdfs(folder: Path, datasets: dict[str, list[Record]], pdfs: Mapping[str, Path]) -> frozenset[str]:
    """Hard-link each read file from the archive as `<document_id>.pdf`; the sha256 of those placed.

    A hard link costs no space and outlives a moved archive; across file systems the file is
    copied. A file that can be neither (gone from the archive) is linked by its source URL.
    """
    folder.mkdir()
    placed = set()
    for d in datasets.get("documents", []):
        if isinstance(d, DocumentRecord) and not d.parent_id and d.sha256 in pdfs:
            target = folder / f"{d.document_id}.pdf"
            try:
                try:
                    os.link(pdfs[d.sha256], target)
                except OSError:
                    shutil.copyfile(pdfs[d.sha256], target)
            except OSError:
                continue
            placed.add(d.sha256)
    return frozenset(placed)


def sweep(out_dir: Path) -> None:
    """Remove run folders other than the current one, and half-made links: what killed runs left."""
    runs = out_dir / RUNS
    current = os.readlink(out_dir / CURRENT) if (out_dir / CURRENT).is_symlink() else ""
    if runs.is_dir():
        for folder in runs.iterdir():
            if f"{RUNS}/{folder.name}" != current:
                shutil.rmtree(folder, ignore_errors=True)
    for stale in out_dir.glob(".link-*"):
        stale.unlink(missing_ok=True)


def _make_current(out_dir: Path, run_id: str) -> None:
    for name in LINKS:
        _ensure_link(out_dir / name, f"{CURRENT}/{name}")
    _swap_link(out_dir / CURRENT, f"{RUNS}/{run_id}")


def _ensure_link(path: Path, target: str) -> None:
    """A fixed link such as csv -> current/csv; output of an older layout in its place goes."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    _swap_link(path, target)


def _swap_link(path: Path, target: str) -> None:
    tmp = path.parent / f".link-{path.name}-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)
