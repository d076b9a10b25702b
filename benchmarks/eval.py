"""Score the extractor on every labelled document (tests/labels/) and print one row per document.

    python benchmarks/eval.py [LABEL_FOLDER ...]

Each labelled PDF is extracted by the `councilpacks` CLI into a folder of its own and scored
with ../shared/tools/score.py against facts read off the PDF (tests/labels/README.md). The
last row is over all documents: F1 from the summed counts, facts and details averaged.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import table_scores

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "labels"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
# The table's columns: score.py's metrics, shortened for the header.
COLUMNS = {
    "meeting_facts_agenda": "agenda facts",
    "agenda_items": "agenda items",
    "memberships": "members",
    "meeting_facts_minutes": "minutes facts",
    "minute_items": "minute items",
    "attendance": "attendance",
    "attendance_details": "att. details",
    "decisions": "decisions",
    "decision_movers": "movers",
    "tables_cell_f1": "tables",
    "table_exact": "exact",
    "extra_tables": "extra",
    "not_tables": "not-tables",
    "kpis": "kpis",
    "kpi_precision": "kpi P",
    "kpi_recall": "kpi R",
    "actions_recall": "actions R",
    "action_precision": "actions P",
    "action_owners": "owners",
}
# Shares over tables (or KPI triples): their overall figure weighs each document by its count.
PER_TABLE = {"tables_cell_f1", "table_exact", "extra_tables", "not_tables", "kpi_precision", "kpi_recall"}
# Shares of actions: overall, their summed numerators over their summed denominators.
RATIOS = {"actions_recall", "action_precision", "action_owners"}
Metrics = dict[str, dict[str, float]]


def evaluate(folder: Path, work: Path, table_lines: list[str] | None = None, table_engine: str = "") -> Metrics:
    """Extract the labelled PDF and score it: score.py's metrics by name, and the table metrics
    of `table_scores` (one line per labelled table appended to `table_lines`)."""
    label = json.loads((folder / "label.json").read_text(encoding="utf-8"))
    out, report = work / folder.name, work / f"{folder.name}.json"
    cli = [str(Path(sys.executable).parent / "councilpacks"), "extract", str(ROOT / label["pdf"]), "--out", str(out)]
    engine = ["--table-engine", table_engine] if table_engine else []
    subprocess.run([*cli, "--quiet", "--reextract", *engine], check=True)
    expected = ROOT / label["expected"] if "expected" in label else folder  # label.json paths: from ROOT
    if not _facts(expected):
        return {}  # a document labelled as holding no tables and no meeting: score.py has nothing to score
    command = [sys.executable, str(SCORE), "--outputs", str(out), "--expected", str(expected), "--json", str(report)]
    if "layout" in label:
        command += ["--layout", str(ROOT / label["layout"])]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    metrics: Metrics = json.loads(report.read_text(encoding="utf-8"))["metrics"]
    metrics.update(action_ratios(expected, out, metrics))
    tables = expected / "tables.json"
    truth = json.loads(tables.read_text(encoding="utf-8")) if tables.exists() else []
    if truth:
        more, lines = table_scores.score(folder, label, truth, out)
        metrics.update(more)
        if table_lines is not None:
            table_lines += lines
    return metrics


def action_ratios(expected: Path, out: Path, metrics: Metrics) -> Metrics:
    """Actions recall and owners as counts, and precision over the published actions of the
    meeting that match neither a labelled action nor one the label marks doubtful (`actions_doubtful`:
    a sentence a careful reader could take either way is neither required nor a mistake).

    Precision is counted only where the label says what else it saw (`actions_doubtful`, if
    empty): a list of the clear actions alone (the seed pack's expected facts) scores recall."""
    minutes = json.loads((expected / "meetings.json").read_text(encoding="utf-8")).get("minutes") or {}
    want = minutes.get("actions") or []
    if not want or "actions_recall" not in metrics:
        return {}
    score = table_scores.score_module()
    recall = metrics["actions_recall"]
    matched, predicted = recall["matched"], recall["predicted"]
    published = [r.get("text") for r in score.of_meeting(score.read(out, "actions"), minutes["date"])]
    doubtful = [d["text"] for d in minutes.get("actions_doubtful", [])]
    either = sum(1 for text in published if not _matches(score, text, want) and _matches(score, text, doubtful))
    owners = value(metrics["action_owners"]) * len(want)
    ratios = {
        "actions_recall": {"value": matched / len(want), "num": matched, "expected": len(want)},
        "action_owners": {"value": owners / len(want), "num": owners, "expected": len(want)},
    }
    if "actions_doubtful" in minutes:
        ratios["action_precision"] = {
            "value": matched / max(predicted - either, 1),
            "num": matched,
            "expected": predicted - either,
        }
    return ratios


def _matches(score: Any, text: str | None, labelled: list[Any]) -> bool:
    """Whether a published action's text is one of the labelled ones (texts or label entries)."""
    return any(same_action(score, entry["text"] if isinstance(entry, dict) else entry, text) for entry in labelled)


def same_action(score: Any, labelled: str, published: str | None) -> bool:
    """score.py's rule for one action (its `same_action` is local to `score_minutes`): texts alike,
    or a published text of over 30 characters inside the labelled one or holding it."""
    a, b = score.norm(labelled), score.norm(published)
    return bool(b) and (score.similar(a, b) >= 0.75 or (len(b) > 30 and (b in a or a in b)))


def _facts(expected: Path) -> bool:
    """Whether a label folder expects any fact: a meeting, or at least one table."""
    meetings = json.loads((expected / "meetings.json").read_text(encoding="utf-8"))
    tables = expected / "tables.json"
    return bool(meetings) or (tables.exists() and bool(json.loads(tables.read_text(encoding="utf-8"))))


def value(metric: dict[str, float]) -> float:
    """A metric's figure: its F1, or the share score.py reports."""
    return metric.get("f1", metric.get("value", metric.get("score", 0.0)))


def cell(metric: dict[str, float] | None) -> str:
    if not metric or not metric.get("expected", 1):
        return "-"
    expected = metric.get("expected")
    return f"{value(metric):.2f}" + (f" ({int(expected)})" if expected is not None else "")


def overall(results: list[Metrics]) -> list[str]:
    """Per column: F1 of the summed counts where score.py counts, else the mean over documents."""
    row = []
    for name in COLUMNS:
        found = [m[name] for m in results if name in m and m[name].get("expected", 1)]
        if not found:
            row.append("-")
        elif name in RATIOS:
            n = sum(m["expected"] for m in found)
            row.append(f"{sum(m['num'] for m in found) / n:.2f} ({int(n)})")
        elif name in PER_TABLE:
            n = sum(m["expected"] for m in found)
            row.append(f"{sum(value(m) * m['expected'] for m in found) / n:.2f} ({int(n)})")
        elif all("matched" in m and "predicted" in m for m in found):
            tp, pred, true = (sum(m[k] for m in found) for k in ("matched", "predicted", "expected"))
            f1 = 2 * tp / (pred + true) if pred + true else 0.0
            row.append(f"{f1:.2f} ({int(true)})")
        else:
            row.append(f"{sum(value(m) for m in found) / len(found):.2f}")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels", nargs="*", type=Path, default=sorted(p for p in LABELS.iterdir() if p.is_dir()))
    parser.add_argument("--table-engine", default="", help="passed to `councilpacks extract` (auto, plumber, camelot)")
    args = parser.parse_args()
    header = ["document", "family", *COLUMNS.values()]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    results: list[Metrics] = []
    table_lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="councilpacks-eval-") as tmp:
        for folder in args.labels:
            family = json.loads((folder / "label.json").read_text(encoding="utf-8")).get("family", "")
            metrics = evaluate(folder, Path(tmp), table_lines, args.table_engine)
            results.append(metrics)
            print("| " + " | ".join([folder.name, family, *(cell(metrics.get(c)) for c in COLUMNS)]) + " |", flush=True)
    print("| " + " | ".join([f"**all {len(results)}**", "", *overall(results)]) + " |")
    print("\nF1 per dataset, (n) expected facts; facts and details are shares; - where a document has none.")
    print("Tables: mean cell F1 and share exact over (n) labelled tables; extra: share of the tables published on")
    print("labelled pages that match none; not-tables: share of labelled look-alikes published as tables;")
    print("kpi P over the KPIs published on labelled pages, kpi R over the labelled KPI tables' values.")
    print("Actions: recall and right owners over the labelled actions; P over the actions published for the")
    print("meeting, leaving out those matching a sentence the label marks doubtful.")
    if table_lines:
        print("\n| document | page | table | cell F1 | exact | best match |\n|---|---|---|---|---|---|")
        print("\n".join(table_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
