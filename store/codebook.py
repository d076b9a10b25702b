"""The codebook, generated from the pydantic models: one source for every description of the data.

The models' docstrings and class variables (models/base.py) become the Frictionless Data Package
(`datapackage.json`), the people's codebook (`README.md`), Datasette's `metadata.json` and the
workbook's first sheet; nothing here restates what a column means.
"""

from __future__ import annotations

import html
import inspect
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache

from models import DATASETS
from models.base import COMMON_COLUMNS, Format

TITLE = "councilpacks: UK council meeting documents as data"
DESCRIPTION = (
    "Meetings, agenda items, minutes, attendance, decisions, actions, people and performance tables read "
    "from the PDFs that councils publish, each row traced to the document and page that states it."
)
SOURCE = "https://github.com/councilpacks/councilpacks"
LICENSE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0: the terms most UK councils publish under (check the council's own)",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
TABLE_SCHEMA_TYPES: dict[object, str] = {bool: "boolean", int: "integer", float: "number"}  # else "string"
TIME_FORMAT = "%H:%M"
# SQLite's one column beyond the contract, on every table whose rows are read from a page.
PAGE_URL = "page_url"
PAGE_URL_MEANS = "The page the row was read from: `pdfs/<document_id>.pdf#page=N` (the archived PDF) or the source URL."
FACETS = ("council", "body", "meeting_id", "status", "kind", "outcome", "action_type", "unit")
# The column Datasette shows beside a link to a row of these tables (a foreign key, expanded).
LABEL_COLUMNS = {"documents": "title", "meetings": "body", "people": "name", "tables": "title"}
# Questions Datasette offers as forms (canned queries), each answered on an index.
QUERIES = {
    "decisions_of_a_body_in_a_year": {
        "title": "Every decision of one body in one year, with its movers and the page it is on",
        "sql": (
            "SELECT m.council, m.date, d.item_number, d.text, d.outcome, d.proposer, d.seconder, d.page, d.page_url\n"
            "FROM meetings m JOIN decisions d ON d.meeting_id = m.meeting_id\n"
            "WHERE m.body = :body\n"
            "  AND m.date BETWEEN :year || '-01-01' AND :year || '-12-31'\n"
            "ORDER BY m.date, d.rowid"
        ),
    },
    "attendance_of_a_person": {
        "title": "Every meeting one person is recorded at, and how",
        "sql": (
            "SELECT m.date, m.body, a.status, a.role, a.remote, a.arrived_at, a.left_at, a.page_url\n"
            "FROM attendance a JOIN meetings m ON m.meeting_id = a.meeting_id\n"
            "WHERE a.name = :name ORDER BY m.date"
        ),
    },
}
APOSTROPHE_RULE = (
    "In the CSV files only, a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return "
    "is written with a leading apostrophe (`'-3.9% points`), so that a spreadsheet shows it rather than "
    "running it as a formula; plain numbers such as `-0.7` are left as they are. The apostrophe is not "
    'part of the value: strip it when reading the CSVs with pandas or R (`s.str.removeprefix("\'")`), '
    "or read Parquet, SQLite or the workbook, which keep the text exactly."
)


@dataclass(frozen=True)
class Column:
    """One column of a dataset, as the codebook describes it."""

    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date, datetime, time
    description: str
    values: tuple[str, ...] = ()  # the closed set of values a column takes, when it has one

    @property
    def format(self) -> str:
        return TIME_FORMAT if self.type == "time" else ""


@cache
def columns(dataset: str) -> tuple[Column, ...]:
    """The dataset's columns, in published order, with their types, descriptions and values."""
    out = []
    for name, info in DATASETS[dataset].model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, types.UnionType):  # `int | None`: the type without None
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        kind = next((m.value for m in info.metadata if isinstance(m, Format)), None)
        values = (
            tuple(str(m.value) for m in annotation if m.value)
            if isinstance(annotation, type) and issubclass(annotation, Enum)
            else ()
        )
        description = " ".join((info.description or COMMON_COLUMNS.get(name, "")).split())
        kind = kind or TABLE_SCHEMA_TYPES.get(annotation, "string")
        out.append(Column(name, kind, description, values))
    return tuple(out)


def describe(dataset: str) -> str:
    """What one row of the dataset is: the model's docstring, on one line."""
    return " ".join(inspect.cleandoc(DATASETS[dataset].__doc__ or dataset).split())


def references(dataset: str) -> dict[str, tuple[str, str]]:
    """Each foreign-key column and the (dataset, column) it refers to."""
    out = {}
    for col, ref in DATASETS[dataset].foreign_keys.items():
        table, _, column = ref.partition(".")
        out[col] = (table, column)
    return out


def datapackage(counts: Mapping[str, int], bom: bool = False) -> dict[str, object]:
    """The Frictionless Data Package describing the run's CSV files (`counts`: rows per dataset)."""
    resources = []
    for name in counts:
        model = DATASETS[name]
        fields = []
        for c in columns(name):
            field: dict[str, object] = {"name": c.name, "type": c.type, "description": c.description}
            if c.format:
                field["format"] = c.format
            constraints: dict[str, object] = {}
            if c.values:
                constraints["enum"] = list(c.values)
            if c.name in model.primary_key:
                constraints["required"] = True
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict[str, object] = {"fields": fields, "missingValues": [""]}
        if model.primary_key:
            schema["primaryKey"] = list(model.primary_key)
        if model.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": col, "reference": {"resource": "" if ref == name else ref, "fields": ref_col}}
                for col, (ref, ref_col) in references(name).items()
                if ref in counts
            ]
        resources.append(
            {
                "name": name,
                "path": f"csv/{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "description": describe(name),
                "schema": schema,
            }
        )
    return {
        "name": "councilpacks",
        "title": TITLE,
        "description": DESCRIPTION,
        "homepage": SOURCE,
        "licenses": [LICENSE],
        "resources": resources,
    }


def readme(counts: Mapping[str, int], bom: bool = False) -> str:
    """The codebook for people: what each file is, one row of each dataset, each column."""
    encoding = "UTF-8 with a byte-order mark (`--csv-bom`)" if bom else "UTF-8 without a byte-order mark"
    lines = [
        f"# {TITLE}",
        "",
        DESCRIPTION,
        "",
        "## Which file to open",
        "",
        "- `council.xlsx`: every non-empty dataset as a sheet, with this codebook as the first sheet. "
        "Open this in Excel, LibreOffice or Google Sheets: numbers and dates are typed, and no text is run "
        "as a formula.",
        f"- `csv/<dataset>.csv`: RFC 4180, {encoding}, one header row, ISO dates. Excel on Windows shows "
        "`£`, `▲` and `’` garbled when a CSV without a byte-order mark is double-clicked: open the workbook "
        "instead, import the CSV as UTF-8 (Data > From Text/CSV), or publish with `--csv-bom`.",
        "- `parquet/<dataset>.parquet`: typed columns (dates as dates, timestamps in UTC), for pandas, R, DuckDB.",
        "- `council.sqlite`: every dataset as a table, with primary and foreign keys, indexes, full-text search "
        "over minute items, decisions, actions and agenda items (`minute_items_fts` ...), and a `page_url` on "
        "each row read from a page, linking the PDF in `pdfs/` at that page; `make serve` opens it in Datasette.",
        "- `datapackage.json`: this codebook as a Frictionless Data Package (`frictionless validate "
        "datapackage.json`).",
        "- `report.html`: what this run read, and charts of the performance figures.",
        "",
        "Every row read from a PDF carries `source_document_id` and `page`: the document (a row of "
        "`documents`, which gives its `source_url` and `sha256`) and the page that states the fact. "
        "A pack's pages are numbered as in the whole pack. Empty cells are missing values (NULL in "
        "SQLite and Parquet).",
        "",
        "## Known limits",
        "",
        "- Every row is read by a program from a PDF laid out for print. Check a fact against its page before "
        "you publish it; accuracy measured on labelled documents from many councils is in the project's README "
        "(Accuracy).",
        "- `documents.warnings` says where a reader found nothing that a document of its kind should have "
        "(`no attendance`, `no items`); `documents.status` says why a file was not read at all. Scanned pages "
        "are not OCR'd (`no_text_layer`).",
        "- `actions`, `mentions` and the owners of actions come from a statistical parse of the prose: "
        "`actions.confidence` says how sure it is. `people` merges names only within one council.",
        "- Tables are read from ruled lines and aligned columns; `kpis.confidence` says how sure the reader is "
        "of each figure's measure and period.",
        "",
        "## The apostrophe rule",
        "",
        APOSTROPHE_RULE,
        "",
        "## Datasets",
        "",
        "| dataset | rows | one row is |",
        "|---|---|---|",
        *(f"| [{name}](#{name}) | {n} | {describe(name)} |" for name, n in counts.items()),
    ]
    for name, n in counts.items():
        model = DATASETS[name]
        lines += ["", f"### {name}", "", describe(name), "", f"Rows in this run: {n}."]
        if model.when_empty:
            lines.append(f"Empty when: {model.when_empty}")
        if model.primary_key:
            lines.append(f"Each row is named by: {', '.join(f'`{c}`' for c in model.primary_key)}.")
        lines += ["", "| column | type | meaning |", "|---|---|---|"]
        for c in columns(name):
            refers = references(name).get(c.name)
            meaning = c.description
            if c.values:
                meaning += " Values: " + ", ".join(f"`{v}`" for v in c.values) + "."
            if refers:
                meaning += f" Refers to `{refers[0]}.{refers[1]}`."
            lines.append(f"| `{c.name}` | {c.type} | {meaning.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def datasette_metadata(counts: Mapping[str, int]) -> dict[str, object]:
    """Datasette's metadata.json: titles, descriptions of every table and column, facets, search."""
    tables: dict[str, object] = {}
    for name in counts:
        names = [c.name for c in columns(name)]
        described = {c.name: c.description for c in columns(name)}
        if "page" in names:
            described[PAGE_URL] = PAGE_URL_MEANS
        entry: dict[str, object] = {"description": describe(name), "columns": described}
        facets = [f for f in FACETS if f in names]
        if "date" in names:
            entry["facets"] = [*facets, {"date": "date"}]
        elif facets:
            entry["facets"] = facets
        if name in LABEL_COLUMNS:
            entry["label_column"] = LABEL_COLUMNS[name]
        tables[name] = entry
    listing = "".join(
        f'<li><a href="/council/{name}">{name}</a> ({n} rows): {html.escape(describe(name))}</li>'
        for name, n in counts.items()
    )
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE["name"],
        "license_url": LICENSE["path"],
        "source": "councilpacks",
        "source_url": SOURCE,
        "databases": {"council": {"description_html": f"<ul>{listing}</ul>", "tables": tables, "queries": QUERIES}},
    }
