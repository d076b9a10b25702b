"""Score the extractor on every labelled document (tests/labels/) and print one row per document.

    python benchmarks/eval.py [LABEL_FOLDER ...]

Each labelled PDF is extracted by the `councilpacks` CLI into a folder of its own and scored
with ../shared/tools/score.py against facts read off the PDF (tests/labels/README.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "labels"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
# The columns of the table: a metric's F1 (or its score) as score.py reports it.
COLUMNS = (
    "meeting_facts_agenda", "agenda_items", "memberships", "meeting_facts_minutes", "minute_items",
    "attendance", "decisions", "decision_movers", "actions_recall", "tables_cell_f1", "kpis",
)  # fmt: skip
SHORT = {"meeting_facts_agenda": "agenda facts", "meeting_facts_minutes": "minutes facts", "actions_recall": "actions"}


def evaluate(folder: Path, work: Path) -> dict[str, object]:
    """Extract the labelled PDF and score it; the score report as score.py writes it."""
    label = json.loads((folder / "label.json").read_text(encoding="utf-8"))
    out, report = work / folder.name, work / f"{folder.name}.json"
    cli = [str(Path(sys.executable).parent / "councilpacks"), "extract", str(ROOT / label["pdf"]), "--out", str(out)]
    subprocess.run([*cli, "--quiet", "--reextract"], check=True)
    expected = ROOT / label["expected"] if "expected" in label else folder  # label.json paths: from ROOT
    command = [
        sys.executable,
        str(SCORE),
        "--outputs",
        str(out),
        "--expected",
        str(expected),
        "--json",
        str(report),
    ]
    if "layout" in label:
        command += ["--layout", str(ROOT / label["layout"])]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def cell(metric: dict[str, object] | None) -> str:
    if not metric:
        return "-"
    value = metric.get("f1", metric.get("score", metric.get("value")))
    expected = metric.get("expected")
    return (
        f"{value:.2f}" + (f" ({expected})" if isinstance(expected, int) else "")
        if isinstance(value, float | int)
        else "-"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels", nargs="*", type=Path, default=sorted(p for p in LABELS.iterdir() if p.is_dir()))
    args = parser.parse_args()
    header = ["document", *(SHORT.get(c, c) for c in COLUMNS), "score"]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    with tempfile.TemporaryDirectory(prefix="councilpacks-eval-") as tmp:
        for folder in args.labels:
            result = evaluate(folder, Path(tmp))
            metrics = result["metrics"]
            assert isinstance(metrics, dict)
            row = [folder.name, *(cell(metrics.get(c)) for c in COLUMNS), f"{result['score']:.3f}"]
            print("| " + " | ".join(row) + " |", flush=True)
    print("\nF1 per dataset, (n) expected facts; - where the document has none of that kind.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
