"""`councilpacks`: extract local PDFs into the published datasets, in bounded worker processes.

Exit codes: 0 the run completed (see each document's status); 1 with --strict, some document
is not `ok`; 2 usage error or an output folder that cannot be written; 3 with --no-wait,
another run is writing the output folder; 130 interrupted (Ctrl-C or SIGTERM), outputs unchanged.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.vocab import DEFAULT_TABLE_ENGINE, TableEngine
from runner import MEMORY_MB, TIMEOUT_S, boot

if TYPE_CHECKING:
    from models.extraction import Extraction
    from runner.pool import Done
    from runner.worker import Job
    from store.extractions import ExtractionStore

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
SUMMARY_DATASETS = (
    "meetings",
    "agenda_items",
    "minute_items",
    "attendance",
    "decisions",
    "memberships",
    "tables",
    "kpis",
)
log = logging.getLogger("councilpacks")
log.setLevel(logging.INFO)
log.propagate = False  # the terminal gets the lines printed below, the log file the rest


def collect(paths: list[str]) -> list[Path]:
    """The files named, and the PDFs inside the folders named."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw!r}")
    return found


def jobs_for(files: list[Path], table_engine: TableEngine = DEFAULT_TABLE_ENGINE) -> list[Job]:
    """One job per distinct content: a file given twice (or copied) is extracted once."""
    from extractors.vocab import sha256_of
    from models.extraction import SourceInfo
    from runner.worker import Job

    jobs: dict[str, Job] = {}
    for path in files:
        sha = sha256_of(path)
        when = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        jobs.setdefault(sha, Job(str(path), sha, SourceInfo(file_name=path.name, retrieved_at=when), table_engine))
    return list(jobs.values())


def scraped(config: Path, raw_dir: Path, since: date | None, full: bool, engine: TableEngine, quiet: bool) -> list[Job]:
    """Fetch from every enabled source of `config` into the raw archive, print what came, and
    return a job for each file in the archive (the published set is the whole archive)."""
    from models.extraction import SourceInfo
    from moderngov.http import client_for
    from moderngov.scrape import scrape
    from moderngov.sources import load_sources
    from runner.worker import Job
    from store.fetches import Manifest
    from store.raw import RawStore

    raw, manifest = RawStore(raw_dir), Manifest(raw_dir / "manifest.sqlite")
    for source in load_sources(config):
        if not source.enabled:
            continue
        client = client_for(source)
        try:
            found = scrape(source, raw, manifest, client, since=since, full=full)
        finally:
            client.close()
        if not quiet:
            print(found.line(source.name), *(f"  failed: {e}" for e in found.errors), sep="\n", flush=True)
    return [
        Job(
            e.path,
            e.sha256,
            SourceInfo(file_name=e.file_name, source_url=e.source_url, retrieved_at=e.retrieved_at),
            engine,
        )
        for e in raw.entries()
        if not e.withdrawn
    ]


def summary(done: Done) -> str:
    """One line per document: file, pages, status and rows per dataset."""
    extraction = done.extraction
    row = extraction.file
    counts = ", ".join(f"{name}={extraction.count(name)}" for name in SUMMARY_DATASETS)
    sections = extraction.count("documents") - 1
    status = row.status if not row.error else f"{row.status} ({row.error})"
    return f"{row.file_name}: {done.pages} pages, {status}, sections={sections}, {counts}"


def parser() -> argparse.ArgumentParser:
    """The command line: `councilpacks extract PATH... [options]`, `councilpacks scrape --config FILE [options]`,
    `councilpacks serve [--out DIR]`."""
    from importlib.metadata import version

    top = argparse.ArgumentParser(
        prog="councilpacks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {version('councilpacks')}")
    common = argparse.ArgumentParser(add_help=False)  # how documents are extracted and published
    common.add_argument("--out", default="outputs", help="where the datasets go (default: outputs/)")
    common.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPU count)"
    )
    common.add_argument(
        "--memory-mb", type=int, default=MEMORY_MB, help="address space per worker, MiB (default: %(default)s)"
    )
    common.add_argument(
        "--timeout", type=float, default=TIMEOUT_S, help="worker seconds per document (default: %(default)s)"
    )
    common.add_argument(
        "--table-engine",
        type=TableEngine,
        choices=list(TableEngine),
        default=DEFAULT_TABLE_ENGINE,
        help="table reader: plumber (ours), camelot, or auto (per table the better of both) (default: %(default)s)",
    )
    common.add_argument("--no-wait", action="store_true", help="fail at once (exit 3) if another run is writing --out")
    common.add_argument(
        "--reextract", action="store_true", help="extract every document again, even those kept from an earlier run"
    )
    common.add_argument("--strict", action="store_true", help="exit 1 if any document's status is not ok")
    common.add_argument(
        "--csv-bom", action="store_true", help="start each CSV with a UTF-8 byte-order mark, for Excel on Windows"
    )
    common.add_argument("--quiet", action="store_true", help="print nothing but errors")
    common.add_argument("--log", help="log file for warnings from the PDF parser (default: OUT/councilpacks.log)")
    sub = top.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", parents=[common], help="extract local PDFs (files or folders) into datasets")
    ext.add_argument("paths", nargs="+", help="PDF files or folders of PDFs")
    scrape = sub.add_parser(
        "scrape", parents=[common], help="fetch what followed councils newly published, then extract the archive"
    )
    scrape.add_argument("--config", required=True, help="the sources file (sources.yaml; README)")
    scrape.add_argument("--since", type=date.fromisoformat, help="list meetings held since this day (YYYY-MM-DD)")
    scrape.add_argument("--raw-dir", default="raw_pdfs/.store", help="the raw archive (default: %(default)s)")
    scrape.add_argument(
        "--full", action="store_true", help="list settled meetings and fetch every file again (new versions are kept)"
    )
    serve = sub.add_parser("serve", help="open the published datasets in Datasette, with links to each row's page")
    serve.add_argument("--out", default="outputs", help="the published folder (default: outputs/)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8001, help="port (default: %(default)s)")
    return top


def datasette_command(out: Path, host: str, port: int) -> list[str]:
    """Datasette on the published SQLite file, with the codebook's metadata, the archived PDFs at
    /pdfs/ and the plugin that makes `page_url` a link."""
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(out / "council.sqlite"),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(out / "metadata.json"),
        "--static",
        f"pdfs:{out / 'pdfs'}",
        "--plugins-dir",
        str(Path(__file__).parent / "datasette_plugins"),
    ]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `councilpacks` command."""
    cli = parser()
    args = cli.parse_args(argv)
    if args.command == "serve":
        out = Path(args.out)
        if not (out / "metadata.json").is_file():
            return _fail(f"nothing published in {out}/: run `councilpacks extract` (or `make run`) first", EXIT_USAGE)
        command = datasette_command(out, args.host, args.port)
        os.execv(command[0], command)
    if args.workers < 1:
        cli.error("--workers must be at least 1")
    if args.command == "scrape":
        try:
            jobs = scraped(Path(args.config), Path(args.raw_dir), args.since, args.full, args.table_engine, args.quiet)
        except (OSError, ValueError) as exc:
            cli.error(str(exc))
    else:
        try:
            files = collect(args.paths)
        except FileNotFoundError as exc:
            cli.error(str(exc))
        if not files:
            cli.error("no PDF files found in the paths given")
        jobs = jobs_for(files, args.table_engine)
    boot()  # the workers' forkserver loads the extractors while this process carries on
    out = Path(args.out)
    from store.publish import OutputBusy, OutputNotWritable, check_writable, output_lock

    try:
        check_writable(out)
    except OutputNotWritable as exc:
        return _fail(str(exc), EXIT_USAGE)
    handler = logging.FileHandler(args.log or out / "councilpacks.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with output_lock(out, wait=not args.no_wait, on_wait=None if args.quiet else _waiting):
            return _run(args, out, jobs)
    except OutputBusy as exc:
        return _fail(f"{exc}; try again later, or leave out --no-wait to wait for it", EXIT_BUSY)
    except KeyboardInterrupt:
        return _fail(f"interrupted: workers stopped, {out}/ left as it was", EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous)
        log.removeHandler(handler)
        handler.close()


def _run(args: argparse.Namespace, out: Path, jobs: list[Job]) -> int:
    from extractors import EXTRACTOR_VERSION
    from runner.pool import Done, extract
    from runner.worker import Limits
    from store.extractions import ExtractionStore

    threading.Thread(target=_import_writers, daemon=True).start()  # while the workers work
    limits = Limits(memory_mb=args.memory_mb, timeout_s=args.timeout)
    started = time.monotonic()
    report = _reporter(len(jobs), started, quiet=args.quiet)
    # Each engine keeps its own extractions: a rerun with another engine must not reuse this one's tables.
    engine = args.table_engine
    store = ExtractionStore(out / (".extractions" if engine == DEFAULT_TABLE_ENGINE else f".extractions-{engine}"))
    kept = [] if args.reextract else [Done(e) for job in jobs if (e := _kept(store, job))]
    for done_before in kept:
        report(done_before)
    skip = {d.extraction.document_id for d in kept}
    fresh = extract([j for j in jobs if j.document_id not in skip], limits, workers=args.workers, on_done=report)
    for d in filter(_ok, fresh):
        store.save(d.extraction)
    done = sorted(kept + fresh, key=lambda d: d.extraction.document_id)
    from store.datasets import combine
    from store.publish import publish

    datasets = combine(d.extraction for d in done)
    if args.command == "scrape":
        from store.fetches import Manifest
        from store.scraped import scraped

        datasets |= scraped(Manifest(Path(args.raw_dir) / "manifest.sqlite"), datasets)
    pdfs = {j.sha256: Path(j.path) for j in jobs}
    manifest = publish(out, datasets, EXTRACTOR_VERSION, pdfs=pdfs, bom=args.csv_bom)
    pages, seconds = sum(d.pages for d in done), time.monotonic() - started
    not_ok = [d for d in done if not _ok(d)]
    if not args.quiet:
        print(
            f"{len(done)} documents ({len(not_ok)} not ok), {pages} pages in {seconds:.1f} s; "
            f"run {manifest['run_id']} published to {out}/: csv/, parquet/, council.sqlite, council.xlsx, "
            f"report.html and the codebook README.md"
        )
    return EXIT_NOT_OK if args.strict and not_ok else EXIT_OK


def _reporter(total: int, started: float, quiet: bool) -> Callable[[Done], None]:
    """Per finished document: a log entry, a line, and on a terminal a progress bar."""
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)
    pages = 0

    def report(done: Done) -> None:
        nonlocal pages
        pages += done.pages
        line = summary(done)
        log.info(line)
        for warning in done.warnings:
            log.warning(f"{done.extraction.file.file_name}: {warning}")
        if bar is not None:
            bar.write(line)
            bar.set_postfix_str(f"{pages / max(time.monotonic() - started, 1e-9):.1f} pages/s", refresh=False)
            bar.update(1)
            if bar.n == total:
                bar.close()
        elif not quiet:
            print(line, flush=True)

    return report


def _kept(store: ExtractionStore, job: Job) -> Extraction | None:
    """An earlier run's extraction of the same content by this extractor version, under today's file name."""
    kept = store.load(job.document_id)
    if kept is None or kept.file.status != "ok":
        return None  # failures are tried again: a limit or the worker may have been at fault
    rows = {name: list(records) for name, records in kept.rows.items()}
    rows["documents"] = [r.model_copy(update={"file_name": job.source.file_name}) for r in rows["documents"]]
    return kept.model_copy(update={"rows": rows})


def _ok(done: Done) -> bool:
    return done.extraction.file.status == "ok"


def _import_writers() -> None:
    """Import what publishing needs while the workers work (pyarrow alone takes a quarter second)."""
    for module in ("pyarrow.compute", "pyarrow.json", "pyarrow.parquet", "xlsxwriter", "store.publish"):
        importlib.import_module(module)


def _waiting(message: str) -> None:
    print(f"waiting: {message}", file=sys.stderr, flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _fail(message: str, code: int) -> int:
    print(f"councilpacks: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
