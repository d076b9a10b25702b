"""What one labelled document misses: the expected facts not found and the rows found that match none.

    python benchmarks/misses.py tests/labels/souldern-pc-2023-09-28-minutes [--only attendance]

A developer's view beside `make eval`'s scores: it extracts the document as eval.py does and
matches rows with score.py's own rules (imported from ../shared/tools/score.py), so a line
here is exactly what costs the score.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eval import ROOT, evaluate, same_action
from table_scores import score_module

Row = dict[str, Any]


def unmatched(expected: list[Row], found: list[Row], same: Callable[[Row, Row], bool]) -> tuple[list[Row], list[Row]]:
    """Score.py's greedy pairing; what is left on each side."""
    used: set[int] = set()
    missed = []
    for e in expected:
        k = next((k for k, p in enumerate(found) if k not in used and same(e, p)), None)
        if k is None:
            missed.append(e)
        else:
            used.add(k)
    return missed, [p for k, p in enumerate(found) if k not in used]


def show(title: str, missed: list[Row], extra: list[Row], fields: tuple[str, ...]) -> None:
    print(f"\n## {title}: {len(missed)} missed, {len(extra)} extra")
    for e in missed:
        print("  - missed", {k: v for k, v in e.items() if v})
    for p in extra:
        print("  + extra ", {k: p.get(k) for k in fields if p.get(k)})


def report(s: Any, out: Path, kind: str, facts: Row, only: str | None) -> None:
    """Print misses per dataset of one meeting's labelled facts."""
    date = facts["date"]

    def rows(name: str) -> list[Row]:
        found: list[Row] = s.of_meeting(s.read(out, name), date)
        return found

    meetings = rows("meetings")
    facts_fields = ("title", "date", "start_time", "end_time", "venue")
    print("meeting:", {k: meetings[0].get(k) for k in facts_fields} if meetings else None)
    items = f"{kind.removesuffix('s')}_items"

    def number(p: Row) -> str:
        return str(s.norm(p.get("item_number")).rstrip("."))

    def same_item(e: Row, p: Row) -> bool:
        return number(p) == s.norm(e["number"]) and s.similar(e["title"], p.get("title")) >= 0.85

    checks: dict[str, tuple[list[Row], str, Callable[[Row, Row], bool], tuple[str, ...]]] = {
        items: (facts.get("items", []), items, same_item, ("item_number", "title", "page")),
        "attendance": (
            facts.get("attendance", []),
            "attendance",
            lambda e, p: s.name_key(p.get("name")) == s.name_key(e["name"]) and s.norm(p.get("status")) == e["status"],
            ("name", "status", "role", "page"),
        ),
        "decisions": (
            facts.get("decisions", []),
            "decisions",
            lambda e, p: number(p) == e["item"] and s.same_decision(e["text"], p.get("text")),
            ("item_number", "text", "proposer", "seconder", "outcome", "page"),
        ),
        "actions": (
            facts.get("actions", []),
            "actions",
            lambda e, p: same_action(s, e["text"], p.get("text")),
            ("item_number", "action_type", "owner", "text", "page"),
        ),
    }
    for title, (expected, dataset, same, fields) in checks.items():
        if expected and only in (None, title):
            show(title, *unmatched(expected, rows(dataset), same), fields)
    if only in (None, "decisions"):
        same_decision = checks["decisions"][2]
        for e in facts.get("decisions", []):
            p = next((p for p in rows("decisions") if same_decision(e, p)), None)
            for k in ("proposer", "seconder"):
                if p and e.get(k) and s.name_key(p.get(k)) != s.name_key(e[k]):
                    print(f"  ~ mover {k} of item {e['item']}: want {e[k]!r}, got {p.get(k)!r}")
    if only in (None, "actions"):
        matches_action = checks["actions"][2]
        for e in facts.get("actions", []):
            p = next((p for p in rows("actions") if matches_action(e, p)), None)
            if p and s.name_key(p.get("owner")) != s.name_key(e["owner"]):
                print(f"  ~ owner of {e['text'][:60]!r}: want {e['owner']!r}, got {p.get('owner')!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("label", type=Path)
    parser.add_argument("--only", choices=["agenda_items", "minute_items", "attendance", "decisions", "actions"])
    args = parser.parse_args()
    folder = args.label.resolve()
    label = json.loads((folder / "label.json").read_text(encoding="utf-8"))
    expected = ROOT / label["expected"] if "expected" in label else folder
    truth = json.loads((expected / "meetings.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="councilpacks-misses-") as tmp:
        evaluate(folder, Path(tmp))
        for kind in ("agenda", "minutes"):
            if kind in truth:
                print(f"# {folder.name}: {kind}")
                report(score_module(), Path(tmp) / folder.name, kind, truth[kind], args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
