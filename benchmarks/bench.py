"""Benchmark the full extraction: pages per second and peak memory, per PDF and in total.

    python benchmarks/bench.py [PDF or folder ...]    (default: raw_pdfs/samples and ../shared/corpus/pdfs)

Each file runs in a fresh worker process, so its peak resident memory (ru_maxrss, which
includes the interpreter and libraries, ~150 MB) is its own. Timings are wall-clock seconds
for reading the PDF and extracting every dataset (records, tables, KPIs). Not part of the
tests: speed depends on the machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "raw_pdfs" / "samples", ROOT.parent / "shared" / "corpus" / "pdfs"]


def measure(path: str) -> tuple[str, int, float, float, str]:
    """Extract one PDF; return its name, pages, seconds, peak RSS in MiB and status."""
    sys.path.insert(0, str(ROOT))
    from extractors.document import SourceInfo, extract_kpis, extract_or_fail, extract_tables
    from extractors.pages import read_pdf

    start = time.perf_counter()
    doc = read_pdf(Path(path))
    extract_or_fail(doc, SourceInfo(file_name=Path(path).name))
    extract_kpis(extract_tables(doc))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return Path(path).name, doc.page_count, seconds, peak, str(doc.status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    files = sorted(
        str(f) for p in args.paths for f in ([p] if p.is_file() else p.glob("*.pdf")) if f.suffix.lower() == ".pdf"
    )
    if not files:
        parser.error("no PDFs found")
    rows = []
    with ProcessPoolExecutor(max_workers=1, max_tasks_per_child=1) as pool:
        for row in pool.map(measure, files):
            rows.append(row)
            name, pages, seconds, peak, status = row
            print(f"{name[:64]:64} {pages:5d} {seconds:8.2f} {pages / seconds if seconds else 0:8.1f} {peak:8.0f}  {status}")
    pages = sum(r[1] for r in rows)
    seconds = sum(r[2] for r in rows)
    print(f"{'TOTAL (' + str(len(rows)) + ' files)':64} {pages:5d} {seconds:8.2f} {pages / seconds:8.1f} "
          f"{max(r[3] for r in rows):8.0f}  max")
    print(f"{'':64} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'peak MiB':>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
