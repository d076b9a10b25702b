"""KPI precision and recall on the labelled tables: the `kpis` the CLI publishes against the marks.

    python benchmarks/kpi_eval.py [--labels DIR] [--keep DIR] [--misses] [LABEL_FOLDER ...]

A `tables.json` entry marked with `"kpi_label_column": j` is a KPI table: each filled cell in a
column other than j and its `kpi_skip_columns`, in a row whose column j is filled, is one expected
(measure, period, value) triple — measure the row's label cell, period the column's header cell
(/work/briefs/tables_labels2.md). Every KPI published on a covered page (label.json `pages`, else
every page) is a prediction: one that is no expected triple is wrong, whether it comes from a KPI
table read badly or from a table that is no KPI table at all (a list of names, a forward plan).
Triples compare as score.py compares text (case, spaces, dashes and quotes ignored).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
from score import norm  # noqa: E402  (the scorer is a script beside the project, not a package)
from table_scores import kpi_triples, score_module  # noqa: E402

Triple = tuple[str, str, str]


def expected(folder: Path) -> set[Triple]:
    """The triples the marked tables of a folder expect (none when no table of it is marked)."""
    path = folder / "tables.json"
    return kpi_triples(json.loads(path.read_text(encoding="utf-8")) if path.exists() else [])


def published(folder: Path, work: Path, keep: bool) -> list[dict[str, str]]:
    """The `kpis` rows the CLI publishes for the folder's PDF, on its covered pages."""
    label = json.loads((folder / "label.json").read_text(encoding="utf-8"))
    out = work / folder.name
    if not (keep and (out / "csv" / "kpis.csv").exists()):
        cli = [str(Path(sys.executable).parent / "councilpacks"), "extract", str(folder.parents[2] / label["pdf"])]
        subprocess.run([*cli, "--out", str(out), "--quiet", "--reextract"], check=True)
    rows: list[dict[str, str]] = score_module().read(out, "kpis")  # score.py undoes spreadsheet quoting
    pages = set(label.get("pages", []))
    return [r for r in rows if not pages or int(r["page"]) in pages]


def _triple(row: dict[str, str]) -> Triple:
    return norm(row["measure"]), norm(row["period"]), norm(row["value_raw"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--labels", type=Path, default=ROOT / "tests" / "labels", help="where tables-* folders are")
    parser.add_argument("--keep", type=Path, help="extract into this folder and reuse what it holds")
    parser.add_argument("--misses", action="store_true", help="list wrong and missed triples")
    args = parser.parse_args()
    folders = args.folders or sorted(args.labels.glob("tables-*"))
    with tempfile.TemporaryDirectory(prefix="councilpacks-kpis-") as tmp:
        work = args.keep or Path(tmp)
        totals = [0, 0, 0]
        sure = {True: [0, 0], False: [0, 0]}  # confidence 1.0 or below: [matched, published]
        print("| document | matched | published | expected | precision | recall |\n|---|---|---|---|---|---|")
        for folder in folders:
            truth = expected(folder)
            rows = published(folder, work, keep=args.keep is not None)
            confidence = {_triple(r): float(r.get("confidence") or 1.0) for r in rows}
            got = set(confidence)
            for triple, c in confidence.items():
                sure[c >= 1.0][0] += triple in truth
                sure[c >= 1.0][1] += 1
            tp = len(got & truth)
            for k, n in enumerate((tp, len(got), len(truth))):
                totals[k] += n
            shares = f"{_share(tp, len(got))} | {_share(tp, len(truth))}"
            print(f"| {folder.name} | {tp} | {len(got)} | {len(truth)} | {shares} |")
            if args.misses:
                for kind, triples in (("wrong", got - truth), ("missed", truth - got)):
                    for t in sorted(triples):
                        print(f"    {kind}: {t}")
        tp, pred, true = totals
        print(f"| **all** | {tp} | {pred} | {true} | {_share(tp, pred)} | {_share(tp, true)} |")
        for clear, (n, d) in sure.items():
            print(f"\nprecision of KPIs published with confidence {'1.0' if clear else '< 1.0'}: {_share(n, d)} ({d})")
    return 0


def _share(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "-"


if __name__ == "__main__":
    sys.exit(main())
