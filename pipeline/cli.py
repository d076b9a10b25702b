"""`councilpacks`: extract local PDFs through the same asset graph, in process."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from dagster import DagsterInstance, FilesystemIOManager, materialize

from extractors.document import Extraction
from pipeline.assets.extract import document_extraction, document_kpis, document_pages, document_tables
from pipeline.assets.ingest import raw_document
from pipeline.assets.publish import datasets
from pipeline.checks import all_checks
from pipeline.partitions import DOCUMENTS
from pipeline.resources import DatasetsResource, LocalFolderSource, RawStoreResource
from store.raw import RawStore

QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
SUMMARY_DATASETS = ("meetings", "agenda_items", "minute_items", "attendance", "decisions", "memberships", "tables", "kpis")
PER_DOCUMENT = [raw_document, document_pages, document_extraction, document_tables, document_kpis]


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


def extract(files: list[Path], out_dir: Path) -> list[Extraction]:
    """Run ingest, extract and publish for the files in an ephemeral Dagster instance."""
    with tempfile.TemporaryDirectory(prefix="councilpacks-") as tmp:
        instance = DagsterInstance.ephemeral(tempdir=tmp)
        resources = {
            "source": LocalFolderSource(folder=tmp),
            "raw_store": RawStoreResource(root=str(Path(tmp) / "raw")),
            "output": DatasetsResource(out_dir=str(out_dir)),
            "io_manager": FilesystemIOManager(base_dir=str(Path(tmp) / "io")),
        }
        store = RawStore(Path(tmp) / "raw")
        keys = sorted({store.add(f).document_id for f in files})
        instance.add_dynamic_partitions(DOCUMENTS, keys)
        extractions = []
        for key in keys:
            result = materialize(PER_DOCUMENT, partition_key=key, instance=instance, resources=resources, run_config=QUIET)
            rows = dict(result.output_for_node("document_extraction").rows)
            rows |= result.output_for_node("document_tables").rows | result.output_for_node("document_kpis").rows
            extractions.append(Extraction(document_id=key, rows=rows))
        materialize(
            [*PER_DOCUMENT, datasets, *all_checks], instance=instance, resources=resources,
            selection=[k.to_user_string() for k in datasets.keys], run_config=QUIET, raise_on_error=True,
        )
        return extractions


def summary(extraction: Extraction) -> str:
    """One line per document: file, pages, status and rows per dataset."""
    row = extraction.rows["documents"][0]
    counts = ", ".join(f"{name}={extraction.count(name)}" for name in SUMMARY_DATASETS)
    sections = extraction.count("documents") - 1
    status = row.status if not row.error else f"{row.status} ({row.error})"  # type: ignore[attr-defined]
    return f"{row.file_name}: {row.page_count or 0} pages, {status}, sections={sections}, {counts}"  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `councilpacks` command."""
    parser = argparse.ArgumentParser(prog="councilpacks", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('councilpacks')}")
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract local PDFs (files or folders) into datasets")
    ext.add_argument("paths", nargs="+", help="PDF files or folders of PDFs")
    ext.add_argument("--out", default="outputs", help="where the datasets go (default: outputs/)")
    args = parser.parse_args(argv)
    logging.getLogger("dagster").setLevel(logging.ERROR)
    try:
        files = collect(args.paths)
    except FileNotFoundError as exc:
        parser.error(str(exc))
    if not files:
        parser.error("no PDF files found in the paths given")
    out_dir = Path(args.out)
    for extraction in extract(files, out_dir):
        print(summary(extraction))
    print(f"datasets written to {out_dir}/csv, {out_dir}/parquet and {out_dir}/council.sqlite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
