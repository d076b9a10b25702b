"""Writing the published datasets: spreadsheet-safe CSV, typed Parquet and one SQLite file.

Writers take the contract's records directly (no DataFrame in between: pandas costs a third
of a second to import, longer than extracting a one-page PDF). Rows are written in a fixed
order, so a rerun on the same inputs gives byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sqlite3
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from extractors.people import registry
from models import DATASETS, AttendanceRecord, MeetingRecord, MentionRecord, Record
from models.extraction import Extraction

if typing.TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*\.\d+)(e[+-]?\d+)?%?$", re.I)
TYPED: dict[object, type] = {bool: bool, int: int, float: float}  # columns of any other type are text
SQL_TYPES = {bool: "INTEGER", int: "INTEGER", float: "REAL", str: "TEXT"}


@dataclass(frozen=True)
class WrittenFile:
    """One published file: its path inside the run folder, its rows and its SHA-256."""

    path: str
    rows: int
    sha256: str


def combine(extractions: Iterable[Extraction]) -> dict[str, list[Record]]:
    """Every dataset from the records of all documents, in document order, meetings once each."""
    done = list(extractions)
    merged: dict[str, list[Record]] = {name: [r for e in done for r in e.rows[name]] for name in DATASETS}
    merged["meetings"] = list(_one_per_meeting([m for e in done for m in e.meetings]))
    # The people registry spans every document; a name merged into another keeps its mentions.
    attendance = [r for r in merged["attendance"] if isinstance(r, AttendanceRecord)]
    people, merges = registry(attendance, [m for m in merged["meetings"] if isinstance(m, MeetingRecord)])
    merged["people"] = list(people)
    merged["mentions"] = [
        m.model_copy(update={"person_id": merges[m.person_id]})
        if isinstance(m, MentionRecord) and m.person_id in merges
        else m
        for m in merged["mentions"]
    ]
    return merged


def write_all(out_dir: Path, datasets: dict[str, list[Record]]) -> list[WrittenFile]:
    """Write every dataset as CSV and Parquet, and all of them into one SQLite file."""
    (out_dir / "csv").mkdir(parents=True, exist_ok=True)
    (out_dir / "parquet").mkdir(parents=True, exist_ok=True)
    rows = {name: _rows(name, records) for name, records in datasets.items()}
    for name, table in rows.items():
        _write_csv(name, table, out_dir / "csv" / f"{name}.csv")
        _write_parquet(name, datasets[name], out_dir / "parquet" / f"{name}.parquet")
    _write_sqlite(rows, out_dir / "council.sqlite")
    written = [(f"{kind}/{name}.{kind}", len(table)) for kind in ("csv", "parquet") for name, table in rows.items()] + [
        ("council.sqlite", sum(len(t) for t in rows.values()))
    ]
    return [WrittenFile(path, count, _sha256(out_dir / path)) for path, count in written]


def frame(dataset: str, records: Iterable[Record]) -> pd.DataFrame:
    """The rows of one dataset as a typed DataFrame (for Dagster metadata and checks)."""
    import pandas as pd

    dtypes = {bool: "boolean", int: "Int64", float: "Float64", str: "string"}
    df = pd.DataFrame(_rows(dataset, records), columns=DATASETS[dataset].columns())
    return df.astype({name: dtypes[kind] for name, kind in column_types(dataset).items()})


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (DATASETS.md, "Spreadsheet safety")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


@cache
def column_types(dataset: str) -> dict[str, type]:
    """Each column's Python type (bool, int, float or str), from the dataset's model."""
    out: dict[str, type] = {}
    for name, info in DATASETS[dataset].model_fields.items():
        ann = info.annotation
        args = [a for a in typing.get_args(ann) if a is not type(None)] if isinstance(ann, types.UnionType) else [ann]
        out[name] = TYPED.get(args[0] if args else str, str)
    return out


def _rows(dataset: str, records: Iterable[Record]) -> list[tuple[object, ...]]:
    columns = DATASETS[dataset].columns()
    return [tuple(r.model_dump(mode="json")[c] for c in columns) for r in records]


def _write_csv(dataset: str, rows: list[tuple[object, ...]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(DATASETS[dataset].columns())
        writer.writerows([safe_cell(v) for v in row] for row in rows)


def _arrow_schema(dataset: str) -> pa.Schema:
    import pyarrow as pa

    kinds = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}
    return pa.schema([(name, kinds[kind]) for name, kind in column_types(dataset).items()])


def _write_parquet(dataset: str, records: list[Record], path: Path) -> None:
    # Through pyarrow's JSON reader: pa.array() and Schema.empty_table() import pandas (0.3 s).
    import pyarrow as pa
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    schema = _arrow_schema(dataset)
    lines = b"\n".join(r.model_dump_json().encode() for r in records)
    options = pj.ParseOptions(explicit_schema=schema)
    table = (
        pj.read_json(io.BytesIO(lines), parse_options=options) if records else pa.Table.from_batches([], schema=schema)
    )
    pq.write_table(table.select(schema.names), path)


def _write_sqlite(datasets: dict[str, list[tuple[object, ...]]], path: Path) -> None:
    db = sqlite3.connect(path)
    with db:
        for name, rows in datasets.items():
            cols = ", ".join(f'"{c}" {SQL_TYPES[kind]}' for c, kind in column_types(name).items())
            db.execute(f'CREATE TABLE "{name}" ({cols})')
            marks = ", ".join("?" for _ in column_types(name))
            db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    db.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_per_meeting(meetings: list[MeetingRecord]) -> list[MeetingRecord]:
    """A meeting stated by several documents keeps the row that states the most."""
    best: dict[str, MeetingRecord] = {}
    for m in meetings:
        filled = sum(1 for v in m.model_dump().values() if v not in ("", None))
        if m.meeting_id not in best or filled > sum(
            1 for v in best[m.meeting_id].model_dump().values() if v not in ("", None)
        ):
            best[m.meeting_id] = m
    return sorted(best.values(), key=lambda m: m.meeting_id)
