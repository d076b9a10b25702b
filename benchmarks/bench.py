"""Benchmark: pages/s with 1 and N workers, peak memory per worker and per run, ratios.

    python benchmarks/bench.py [--workers N] [--quick] [--tables] [--nlp]

1. Throughput of the worker pool on the bundled pack, the shared corpus and a 350-page PDF
   built from corpus PDFs with pypdf: pages/s with 1 and N workers, the peak RSS of one worker
   and of the whole run (this process and its workers, sampled from /proc).
2. Whole processes, side by side: `councilpacks extract` on the bundled pack against
   ../shared/tools/naive_baseline.py (every tool on every page), and on a one-page PDF
   against a bare pdfplumber word read. Ratios, since this machine is shared.
3. A PDF whose one content stream inflates to 1 GiB: its status, time and the run's peak RSS.
4. Table reading per engine (plumber, camelot, auto) on the PDFs of the tables-* labels: ms per
   page of the whole documents, pages already read (`--tables` runs only this part).
5. The spaCy stage (parse, actions, mentions) on the prose of the labelled minutes: words/s
   (`--nlp` runs only this part).

Not a test: speed depends on the machine. `--quick` skips the corpus and the baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.extraction import SourceInfo  # noqa: E402
from models.vocab import TableEngine  # noqa: E402
from runner.pool import extract  # noqa: E402
from runner.worker import Job, Limits  # noqa: E402
from tests.pdfmaker import deflated_spaces, one_page_pdf  # noqa: E402

SHARED = ROOT.parent / "shared"
PACK = ROOT / "raw_pdfs" / "samples" / "wiltshire-police-and-crime-panel-2024-09-26-pack.pdf"
CORPUS = SHARED / "corpus" / "pdfs"
BASELINE = SHARED / "tools" / "naive_baseline.py"
ONE_PAGE = CORPUS / "uk_burton_cum_walden_pc_2025-11-04_agenda_public_notice.pdf"
BARE_READ = "import pdfplumber, sys; pdf = pdfplumber.open(sys.argv[1]); [p.extract_words() for p in pdf.pages]"
LONG_PAGES = 350


class PeakRss:
    """Samples the summed RSS of a process and all its descendants, keeping the peak (MiB)."""

    def __init__(self, pid: int, every_s: float = 0.02) -> None:
        self.pid, self.every_s, self.peak_mb = pid, every_s, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(self.pid))
            self._stop.wait(self.every_s)


def _tree_rss_mb(root: int) -> float:
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat[1])
            rss[int(entry)] = next((int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS:")), 0)
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def _job(path: Path) -> Job:
    return Job(str(path), hashlib.sha256(path.read_bytes()).hexdigest(), SourceInfo(file_name=path.name))


def long_pdf(folder: Path) -> Path:
    """A PDF of at least 350 pages, made of corpus PDFs that have a text layer."""
    from pypdf import PdfWriter

    writer, pages = PdfWriter(), 0
    sources = sorted(p for p in CORPUS.glob("*.pdf") if "SCANNED" not in p.name)
    while pages < LONG_PAGES:
        for source in sources:
            if pages >= LONG_PAGES:
                break
            writer.append(str(source))
            pages = len(writer.pages)
    path = folder / f"long_{pages}_pages.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def throughput(name: str, files: list[Path], workers: int) -> None:
    jobs = [_job(f) for f in files]
    start = time.perf_counter()
    with PeakRss(os.getpid()) as rss:
        done = extract(jobs, Limits(), workers=workers)
    seconds = time.perf_counter() - start
    pages = sum(d.pages for d in done)
    worker_peak = max(d.peak_mb for d in done)
    statuses = sorted({str(d.extraction.file.status) for d in done})
    print(
        f"{name:28} {workers:>7} {len(done):>5} {pages:>6} {seconds:>8.2f} {pages / seconds:>8.1f} "
        f"{worker_peak:>12.0f} {rss.peak_mb:>9.0f}  {','.join(statuses)}"
    )


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak tree RSS (MiB) of a whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with PeakRss(process.pid) as rss:
        process.wait()
    return time.perf_counter() - start, rss.peak_mb


def ratio(name: str, ours: list[str], reference: list[str], repeats: int) -> None:
    pairs = [(timed(ours)[0], timed(reference)[0]) for _ in range(repeats)]  # side by side
    a, b = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    print(f"{name:44} ours {a:6.2f} s  reference {b:6.2f} s  ours/reference {a / b:5.2f}  ({repeats} runs, median)")


def table_engines() -> None:
    """ms/page of reading tables with each engine, over the PDFs of the tables-* labels."""
    import camelot  # noqa: F401  (its import, about a second, is paid once per worker, not per page)

    from extractors.camelot_tables import read_tables_with
    from extractors.pages import read_pdf

    labels = sorted((ROOT / "tests" / "labels").glob("tables-*/label.json"))
    start = time.perf_counter()
    docs = [read_pdf(ROOT / json.loads(p.read_text(encoding="utf-8"))["pdf"]) for p in labels]
    pages = sum(len(d.pages) for d in docs)
    reading = 1000 * (time.perf_counter() - start) / pages
    print(f"\ntable reading on {len(docs)} labelled PDFs, {pages} pages (read first, {reading:.1f} ms/page):")
    for engine in TableEngine:
        start = time.perf_counter()
        found = sum(len(read_tables_with(engine, list(d.pages), d.path)) for d in docs)
        seconds = time.perf_counter() - start
        print(f"  {engine.value:8} {1000 * seconds / pages:7.1f} ms/page  {seconds:6.2f} s  {found:4} tables")


def prose_nlp() -> None:
    """words/s of the spaCy stage (parse, actions, mentions) over the prose of the labelled minutes."""
    from extractors.actions import Meeting, read_actions
    from extractors.mentions import read_mentions
    from extractors.minutes import read_minutes
    from extractors.nlp import load, parse
    from extractors.pages import read_pdf

    labels = sorted((ROOT / "tests" / "labels").glob("*-minutes/label.json"))
    pdfs = [ROOT / json.loads(p.read_text(encoding="utf-8"))["pdf"] for p in labels]
    minutes = [read_minutes(list(read_pdf(pdf).pages)) for pdf in pdfs]
    start = time.perf_counter()
    load()
    loading = time.perf_counter() - start
    words = sum(len(p.text.split()) for m in minutes for p in m.passages)
    start = time.perf_counter()
    found = 0
    for m in minutes:
        meeting = Meeting("", m.meeting.date, m.attendance)
        docs = parse(p.text for p in m.passages)
        found += len(read_actions(docs, m.passages, m.action_tables, meeting))
        found += len(read_mentions(docs, m.passages, meeting))
    seconds = time.perf_counter() - start
    print(f"\nminutes' prose of {len(minutes)} labelled sets of minutes: {words} words in {seconds:.2f} s,")
    print(f"  {words / seconds:,.0f} words/s; the model loads once per worker ({loading:.2f} s); {found} rows")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quick", action="store_true", help="skip the corpus and the naive baseline")
    parser.add_argument("--tables", action="store_true", help="time only table reading per engine")
    parser.add_argument("--nlp", action="store_true", help="time only the spaCy stage on minutes' prose")
    args = parser.parse_args()
    if args.tables:
        table_engines()
        return 0
    if args.nlp:
        prose_nlp()
        return 0
    # --reextract: every timed run extracts (a rerun would reuse the kept extraction)
    cli = [str(Path(sys.executable).parent / "councilpacks"), "extract", "--quiet", "--reextract"]
    with tempfile.TemporaryDirectory(prefix="councilpacks-bench-") as tmp:
        folder = Path(tmp)
        sets = {"bundled pack": [PACK], f"{LONG_PAGES}-page PDF": [long_pdf(folder)]}
        if not args.quick:
            sets["corpus"] = sorted(CORPUS.glob("*.pdf"))
        print(
            f"{'set':28} {'workers':>7} {'docs':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} "
            f"{'worker peak':>12} {'run peak':>9}  statuses  (MiB)"
        )
        for name, files in sets.items():
            for workers in sorted({1, args.workers}):
                throughput(name, files, workers)
        print()
        out = str(folder / "out")
        ratio(
            "1-page PDF: CLI vs bare pdfplumber word read",
            [*cli, str(ONE_PAGE), "--out", out],
            [sys.executable, "-c", BARE_READ, str(ONE_PAGE)],
            repeats=5,
        )
        if not args.quick:
            ratio(
                "bundled pack: CLI vs naive baseline",
                [*cli, str(PACK), "--out", out],
                [sys.executable, str(BASELINE), str(PACK)],
                repeats=2,
            )
        bomb = one_page_pdf(folder / "bomb.pdf", deflated_spaces(1024), flate=True)
        seconds, peak = timed([*cli, str(bomb), "--out", out])
        status = (Path(out) / "csv" / "documents.csv").read_text(encoding="utf-8").splitlines()[1]
        size = bomb.stat().st_size // 1024
        print(f"\n1 GiB inflating stream ({size} KiB file): {seconds:.2f} s, run peak {peak:.0f} MiB")
        print(f"  documents row: {status}")
    table_engines()
    prose_nlp()
    return 0


if __name__ == "__main__":
    sys.exit(main())
