"""Table metrics beyond score.py's cell F1: exact tables, tables that are not tables, KPIs.

A labelled table folder (tests/labels/tables-*) may say in `label.json` which `pages` were
labelled (every table on them) and which things on them look like tables but are not
(`not_tables`: page and a string printed inside), and in `tables.json` which tables are KPI
tables (`kpi_label_column`, optional `kpi_skip_columns`). From those:

* exact: the published table whose cells best match (score.py's cell F1) has the same rows,
  cell for cell, once empty columns are dropped;
* extra: published tables on labelled pages that match no labelled table (cell F1 < 0.5);
* not tables: labelled not-tables that come out inside a published table;
* KPIs: (measure, period, value) triples of the KPI tables against every `kpis` row published
  on the labelled pages, so figures read from a list or a forward plan count against precision.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
# A published table matching no labelled table better than this is counted as extra.
MATCH_F1 = 0.5
Grid = list[list[str]]
Metrics = dict[str, dict[str, float]]


@lru_cache(maxsize=1)
def score_module() -> Any:
    """../shared/tools/score.py as a module, so its normalisation and F1 are used as they are."""
    spec = importlib.util.spec_from_file_location("score", SCORE)
    assert spec and spec.loader, SCORE
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def published(out: Path) -> dict[str, tuple[int, Grid]]:
    """Each published table: its page and its rows of normalised cell texts."""
    s = score_module()
    pages = {t["table_id"]: int(t["page"]) for t in s.read(out, "tables")}
    cells: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for c in s.read(out, "table_cells"):
        cells[c["table_id"]][int(c["row"]), int(c["col"])] = s.norm(c["text"])
    grids = {}
    for tid, page in pages.items():
        got = cells.get(tid, {})
        n_rows, n_cols = (max((k[i] for k in got), default=-1) + 1 for i in (0, 1))
        grids[tid] = (page, [[got.get((i, j), "") for j in range(n_cols)] for i in range(n_rows)])
    return grids


def _flat(grid: Grid) -> list[str]:
    return [c for row in grid for c in row if c]


def cell_f1(want: Grid, got: Grid) -> float:
    """score.py's cell-multiset F1 of two tables."""
    pool, wanted, tp = _flat(got), _flat(want), 0
    for w in wanted:
        if w in pool:
            pool.remove(w)
            tp += 1
    f1: float = score_module().f1(tp, len(_flat(got)), len(wanted))[2]
    return f1


def _squeezed(grid: Grid) -> Grid:
    """The rows with empty rows and empty columns dropped: what "the same table" compares."""
    rows = [r for r in grid if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for r in rows)]
    return [[r[j] if j < len(r) else "" for j in keep] for r in rows]


def score(folder: Path, label: dict[str, Any], truth: list[dict[str, Any]], out: Path) -> tuple[Metrics, list[str]]:
    """The table metrics of one labelled folder, and one printed line per labelled table."""
    s = score_module()
    tables = published(out)
    pages = set(label.get("pages") or range(1, 10_000))
    on_pages = {tid: grid for tid, (page, grid) in tables.items() if page in pages}
    lines, exact, matched = [], 0, set()
    for t in truth:
        want = [[s.norm(c) for c in row] for row in [t["header"], *t["rows"]]]
        scored = sorted(((cell_f1(want, g), tid) for tid, (_, g) in tables.items()), reverse=True)
        best, tid = scored[0] if scored else (0.0, "")
        same = bool(tid) and _squeezed(want) == _squeezed(tables[tid][1])
        exact += same
        matched |= {tid for f1, tid in scored if f1 >= MATCH_F1}
        title = (t.get("title") or "")[:48]
        verdict = "yes" if same else "no"
        lines.append(f"| {folder.name} | {t.get('page', '')} | {title} | {best:.2f} | {verdict} | {tid or '-'} |")
    metrics: Metrics = {"table_exact": {"value": exact / len(truth) if truth else 0.0, "expected": len(truth)}}
    extra = [tid for tid in on_pages if tid not in matched]
    metrics["extra_tables"] = {"value": len(extra) / len(on_pages) if on_pages else 0.0, "expected": len(on_pages)}
    not_tables = label.get("not_tables", [])
    if not_tables:
        shown = sum(_inside(s.norm(n["text"]), n["page"], tables) for n in not_tables)
        metrics["not_tables"] = {"value": shown / len(not_tables), "expected": len(not_tables)}
    metrics.update(_kpis(s, truth, out, pages))
    return metrics, lines


def _inside(text: str, page: int, tables: dict[str, tuple[int, Grid]]) -> bool:
    return any(p == page and text in " ".join(_flat(g)) for p, g in tables.values())


def kpi_triples(truth: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    """The (measure, period, value) triples the marked KPI tables of a label expect, normalised."""
    norm = score_module().norm
    want = set()
    for t in truth:
        label = t.get("kpi_label_column")
        if label is None:
            continue
        skip = {label, *t.get("kpi_skip_columns", [])}
        for row in t["rows"]:
            if label >= len(row) or not row[label].strip():
                continue
            for j, cell in enumerate(row):
                if j not in skip and j < len(t["header"]) and cell.strip():
                    want.add((norm(row[label]), norm(t["header"][j]), norm(cell)))
    return want


def _kpis(s: Any, truth: list[dict[str, Any]], out: Path, pages: set[int]) -> Metrics:
    want = kpi_triples(truth)
    if not want:
        return {}
    rows = [k for k in s.read(out, "kpis") if int(k["page"]) in pages]
    got = {(s.norm(k["measure"]), s.norm(k["period"]), s.norm(k["value_raw"])) for k in rows}
    hit = len(want & got)
    return {
        "kpi_precision": {"value": hit / len(got) if got else 0.0, "matched": hit, "expected": len(got)},
        "kpi_recall": {"value": hit / len(want), "matched": hit, "expected": len(want)},
    }
