"""Writing the published datasets: spreadsheet-safe CSV, typed Parquet, one SQLite file, one workbook.

Writers take the contract's records directly (no DataFrame in between: pandas costs a third
of a second to import, longer than extracting a one-page PDF). Rows are written in a fixed
order, so a rerun on the same inputs gives byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import typing
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cache
from pathlib import Path

from extractors.people import registry
from extractors.vocab import document_id
from models import DATASETS, AttendanceRecord, DocumentRecord, MeetingRecord, MentionRecord, Record
from models.extraction import Extraction
from store.codebook import PAGE_URL, columns, references
from store.workbook import write_workbook

if typing.TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*\.\d+)(e[+-]?\d+)?%?$", re.I)
SQL_TYPES = {"boolean": "INTEGER", "integer": "INTEGER", "number": "REAL"}  # dates and times are ISO text


@dataclass(frozen=True)
class WrittenFile:
    """One published file: its path inside the run folder, its rows and its SHA-256."""

    path: str
    rows: int
    sha256: str

    @classmethod
    def of(cls, folder: Path, path: str, rows: int) -> WrittenFile:
        return cls(path, rows, hashlib.sha256((folder / path).read_bytes()).hexdigest())


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


def write_all(
    out_dir: Path, datasets: dict[str, list[Record]], bom: bool = False, links: Mapping[str, str] | None = None
) -> list[WrittenFile]:
    """Write every dataset as CSV and Parquet, and all of them into one SQLite file and one workbook.

    `bom` starts each CSV with a UTF-8 byte-order mark (for Excel); `links` maps a document_id to
    the file or URL its pages link to (`page_links`), for SQLite's `page_url`.
    """
    (out_dir / "csv").mkdir(parents=True, exist_ok=True)
    (out_dir / "parquet").mkdir(parents=True, exist_ok=True)
    rows = {name: _rows(name, records) for name, records in datasets.items()}
    for name, table in rows.items():
        _write_csv(name, table, out_dir / "csv" / f"{name}.csv", bom)
        _write_parquet(name, table, out_dir / "parquet" / f"{name}.parquet")
    _write_sqlite(rows, out_dir / "council.sqlite", links or {})
    write_workbook(out_dir / "council.xlsx", rows, _stated(datasets.get("documents", [])))
    total = sum(len(t) for t in rows.values())
    written = [(f"{kind}/{name}.{kind}", len(table)) for kind in ("csv", "parquet") for name, table in rows.items()]
    written += [("council.sqlite", total), ("council.xlsx", total)]
    return [WrittenFile.of(out_dir, path, count) for path, count in written]


def page_links(documents: Iterable[Record], archived: Collection[str] = ()) -> dict[str, str]:
    """Each document's PDF: `pdfs/<id>.pdf` in the run folder when its sha256 is `archived` there,
    else its source URL (or nothing); a row's page is this plus `#page=N`."""
    return {
        d.document_id: f"pdfs/{document_id(d.sha256)}.pdf" if d.sha256 in archived else d.source_url
        for d in documents
        if isinstance(d, DocumentRecord)
    }


def _stated(documents: Iterable[Record]) -> datetime:
    """The workbook's stated creation time: the latest retrieval, so a rerun writes the same bytes."""
    latest = max((d.retrieved_at for d in documents if isinstance(d, DocumentRecord) and d.retrieved_at), default="")
    return datetime.fromisoformat(latest or "2000-01-01T00:00:00").replace(tzinfo=None)


def frame(dataset: str, records: Iterable[Record]) -> pd.DataFrame:
    """The rows of one dataset as a typed DataFrame (for Dagster metadata and checks)."""
    import pandas as pd

    dtypes = {"boolean": "boolean", "integer": "Int64", "number": "Float64"}
    df = pd.DataFrame(_rows(dataset, records), columns=DATASETS[dataset].columns())
    return df.astype({c.name: dtypes.get(c.type, "string") for c in columns(dataset)})


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


def _rows(dataset: str, records: Iterable[Record]) -> list[tuple[object, ...]]:
    columns = DATASETS[dataset].columns()
    return [tuple(r.model_dump(mode="json")[c] for c in columns) for r in records]


def _write_csv(dataset: str, rows: list[tuple[object, ...]], path: Path, bom: bool) -> None:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(DATASETS[dataset].columns())
        writer.writerows([safe_cell(v) for v in row] for row in rows)


@cache
def _arrow_schema(dataset: str) -> pa.Schema:
    """The Parquet schema: dates as date32, timestamps as UTC seconds, clock times as text."""
    import pyarrow as pa

    kinds = {
        "boolean": pa.bool_(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
        "datetime": pa.timestamp("s", tz="UTC"),
    }
    return pa.schema([(c.name, kinds.get(c.type, pa.string())) for c in columns(dataset)])


def _write_parquet(dataset: str, rows: list[tuple[object, ...]], path: Path) -> None:
    # Through pyarrow's JSON reader: pa.array() and Schema.empty_table() import pandas (0.3 s).
    import pyarrow as pa
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    schema = _arrow_schema(dataset)
    as_text = pa.schema([pa.field(f.name, pa.string()) if _parsed(f.type) else f for f in schema])
    lines = "\n".join(json.dumps(dict(zip(schema.names, map(_or_null, row), strict=True))) for row in rows)
    options = pj.ParseOptions(explicit_schema=as_text)
    table = (
        pj.read_json(io.BytesIO(lines.encode()), parse_options=options)
        if rows
        else pa.Table.from_batches([], schema=schema)
    )
    for i, field in enumerate(schema):
        if rows and _parsed(field.type):
            table = table.set_column(i, field, table.column(i).cast(field.type))
    pq.write_table(table.select(schema.names), path)


def _parsed(kind: pa.DataType) -> bool:
    """Dates and timestamps: read as text, then cast."""
    import pyarrow as pa

    return bool(pa.types.is_date(kind) or pa.types.is_timestamp(kind))


def _or_null(value: object) -> object:
    return None if value == "" else value


# Indexes beyond every id: a body's meetings by date (with or without its council), a person's
# attendance (codebook.QUERIES).
INDEXES = (("meetings", ("council", "body", "date")), ("meetings", ("body", "date")), ("attendance", ("name",)))
# Full-text search (FTS5) over the text people search minutes for.
SEARCHABLE = {
    "minute_items": ("title", "text"),
    "decisions": ("text",),
    "actions": ("text", "owner"),
    "agenda_items": ("title",),
}


def _write_sqlite(datasets: dict[str, list[tuple[object, ...]]], path: Path, links: Mapping[str, str]) -> None:
    """One table per dataset: keys and foreign keys as the codebook gives them, an index on every
    id and `INDEXES`, NULL for missing, FTS5 over `SEARCHABLE`, and for rows read
    from a page a `page_url` to it (`links`: see `page_links`)."""
    db = sqlite3.connect(path)
    with db:
        for name, rows in datasets.items():
            columns = DATASETS[name].columns()
            linked = "page" in columns and "source_document_id" in columns
            db.execute(_create_table(name, linked))
            values = ([_or_null(v) for v in row] for row in rows)
            if linked:
                doc, page = columns.index("source_document_id"), columns.index("page")
                values = ([*row, _page_url(links, row[doc], row[page])] for row in values)
            marks = ", ".join("?" for _ in range(len(columns) + linked))
            db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', values)
            for column in columns:
                if column.endswith("_id") and DATASETS[name].primary_key[:1] != (column,):  # a key is indexed
                    db.execute(f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")')
        for name, indexed in INDEXES:
            if name in datasets:
                cols = ", ".join(f'"{c}"' for c in indexed)
                db.execute(f'CREATE INDEX "{name}_{"_".join(indexed)}" ON "{name}" ({cols})')
        for name, searched in SEARCHABLE.items():
            if name in datasets:
                cols = ", ".join(f'"{c}"' for c in searched)
                db.execute(f'CREATE VIRTUAL TABLE "{name}_fts" USING FTS5 ({cols}, content="{name}")')
                db.execute(f'INSERT INTO "{name}_fts" (rowid, {cols}) SELECT rowid, {cols} FROM "{name}"')
    db.close()


def _create_table(dataset: str, linked: bool) -> str:
    model, refs = DATASETS[dataset], references(dataset)
    lines = [
        f'"{c.name}" {SQL_TYPES.get(c.type, "TEXT")}'
        + (f' REFERENCES "{refs[c.name][0]}" ("{refs[c.name][1]}")' if c.name in refs else "")
        for c in columns(dataset)
    ]
    if linked:
        lines.append(f'"{PAGE_URL}" TEXT')
    if model.primary_key:
        lines.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in model.primary_key) + ")")
    return f'CREATE TABLE "{dataset}" (\n  ' + ",\n  ".join(lines) + "\n)"


def _page_url(links: Mapping[str, str], document: object, page: object) -> str | None:
    pdf = links.get(str(document), "")
    return f"{pdf}#page={page}" if pdf and page else None


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
