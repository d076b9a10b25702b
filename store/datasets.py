"""Writing the published datasets: spreadsheet-safe CSV, typed Parquet and one SQLite file.

Every file is written to a temporary name and renamed into place, so a failed run never
leaves a half-written dataset. Rows are written in a fixed order, so a rerun on the same
inputs gives byte-identical CSVs.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import tempfile
import types
import typing
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from models import DATASETS, Record

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*\.\d+)(e[+-]?\d+)?%?$", re.I)


def frame(dataset: str, records: Iterable[Record]) -> pd.DataFrame:
    """The rows of one dataset as a DataFrame with the contract's columns, typed."""
    model = DATASETS[dataset]
    rows = [r.model_dump(mode="json") for r in records]
    df = pd.DataFrame(rows, columns=model.columns())
    for name, kind in _arrow_types(model).items():
        if kind == pa.int64():
            df[name] = df[name].astype("Int64")
        elif kind == pa.float64():
            df[name] = df[name].astype("Float64")
        elif kind == pa.bool_():
            df[name] = df[name].astype("boolean")
        else:
            df[name] = df[name].astype("string")
    return df


def _arrow_types(model: type[Record]) -> dict[str, pa.DataType]:
    out = {}
    for name, info in model.model_fields.items():
        ann = info.annotation
        args = [a for a in typing.get_args(ann) if a is not type(None)] if isinstance(ann, types.UnionType) else [ann]
        base = args[0] if args else str
        if base is bool:
            out[name] = pa.bool_()
        elif base is int:
            out[name] = pa.int64()
        elif base is float:
            out[name] = pa.float64()
        else:
            out[name] = pa.string()
    return out


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (DATASETS.md, "Spreadsheet safety")."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def write_all(out_dir: Path, frames: dict[str, pd.DataFrame]) -> dict[str, Path]:
    """Write every dataset as CSV and Parquet, and all of them into one SQLite file."""
    out_dir = Path(out_dir)
    (out_dir / "csv").mkdir(parents=True, exist_ok=True)
    (out_dir / "parquet").mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in frames.items():
        paths[f"csv/{name}"] = _replace(out_dir / "csv" / f"{name}.csv", lambda tmp, df=df: _write_csv(df, tmp))
        paths[f"parquet/{name}"] = _replace(
            out_dir / "parquet" / f"{name}.parquet", lambda tmp, name=name, df=df: _write_parquet(name, df, tmp)
        )
    paths["sqlite"] = _replace(out_dir / "council.sqlite", lambda tmp: _write_sqlite(frames, tmp))
    return paths


def _replace(target: Path, write: typing.Callable[[Path], None]) -> Path:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(df.columns)
        for row in df.itertuples(index=False, name=None):
            writer.writerow([safe_cell(v) for v in row])


def _write_parquet(name: str, df: pd.DataFrame, path: Path) -> None:
    schema = pa.schema([(col, kind) for col, kind in _arrow_types(DATASETS[name]).items()])
    table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
    pq.write_table(table, path)


SQL_TYPES = {pa.int64(): "INTEGER", pa.float64(): "REAL", pa.bool_(): "INTEGER", pa.string(): "TEXT"}


def _write_sqlite(frames: dict[str, pd.DataFrame], path: Path) -> None:
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        for name, df in frames.items():
            types_ = _arrow_types(DATASETS[name])
            cols = ", ".join(f'"{c}" {SQL_TYPES[types_[c]]}' for c in df.columns)
            db.execute(f'CREATE TABLE "{name}" ({cols})')
            marks = ", ".join("?" for _ in df.columns)
            rows = [[_sql_value(v) for v in row] for row in df.itertuples(index=False, name=None)]
            db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    db.close()


def _sql_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy scalars from typed columns
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    return value


def combine(per_document: Iterable[dict[str, list[Record]]]) -> dict[str, pd.DataFrame]:
    """Every dataset from the records of all documents, in document order, meetings once each."""
    merged: dict[str, list[Record]] = {name: [] for name in DATASETS}
    for rows in per_document:
        for name, records in rows.items():
            merged[name].extend(records)
    merged["meetings"] = _one_per_meeting(merged["meetings"])
    return {name: frame(name, records) for name, records in merged.items()}


def _one_per_meeting(meetings: list[Record]) -> list[Record]:
    """A meeting stated by several documents keeps the row that states the most."""
    best: dict[str, Record] = {}
    for m in meetings:
        key = m.meeting_id  # type: ignore[attr-defined]
        filled = sum(1 for v in m.model_dump().values() if v not in ("", None))
        if key not in best or filled > sum(1 for v in best[key].model_dump().values() if v not in ("", None)):
            best[key] = m
    return sorted(best.values(), key=lambda m: m.meeting_id)  # type: ignore[attr-defined]
