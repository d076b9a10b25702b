"""The run report, `report.html`: one file that opens offline and says what the run read.

Documents with their status and warnings, rows per dataset, and for each performance measure
printed for three or more points in time (months, quarters, years), a chart of its values with
the page they came from. Charts are matplotlib's SVG, inlined; nothing is fetched.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from extractors.text import ALL_MONTHS, MONTH_NUMBER
from extractors.vocab import file_id
from models import DocumentRecord, KpiRecord, Record
from store.codebook import TITLE, describe

# A point in time inside a column header: "Jul-2024", "Mar 26", "Q3 2024/25", "2025-26", "2024".
MONTH_YEAR = re.compile(rf"\b(?P<m>{ALL_MONTHS})[a-z]*[-\s']*(?P<y>(?:19|20)?\d\d)\b(?![\s,]*(?:19|20)\d\d)", re.I)
QUARTER = re.compile(r"\bQ(?P<q>[1-4])\b[-\s]*(?P<y>(?:19|20)\d\d)(?:[-/]\d\d(?:\d\d)?)?", re.I)
YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?:[-/]\d\d(?:\d\d)?)?\b")
MIN_POINTS = 3
MAX_CHARTS = 60  # a report, not the data: every figure is in kpis
STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222 }
table { border-collapse: collapse; margin: 1em 0 } td, th { border: 1px solid #ccc; padding: 2px 6px;
text-align: left; vertical-align: top } .bad { color: #a00 } figure { display: inline-block; margin: 0 1em 1em 0;
width: 22em } figcaption { font-size: 12px }
"""


@dataclass(frozen=True)
class Point:
    """One figure of a series: its period as printed, its value, and the page it is on."""

    label: str
    value: float
    source_document_id: str
    page: int


@dataclass(frozen=True)
class Series:
    """One measure over time, in time order: from one table, or from the same table of successive
    documents of one council (a monthly performance report, pack after pack)."""

    measure: str
    heading: str  # what the period headers say after their point in time ("Core £000s"), or ""
    unit: str
    points: tuple[Point, ...]


def when(period: str) -> tuple[tuple[int, int], str, str] | None:
    """The point in time a period header names: as (year, month or quarter's last month), as printed,
    and what the header says after it ("Core £000s": which figure of that time); None for a span
    or a comparison ("12 Months to Jul-2024", "... vs. ...")."""
    if re.search(r"\b(vs\.?|to|change|months)\b", period, re.I):
        return None
    for pattern in (MONTH_YEAR, QUARTER, YEAR):
        found = pattern.search(period)
        if found is None:
            continue
        year = int(found["y"]) if len(found["y"]) == 4 else 2000 + int(found["y"])
        groups = found.groupdict()
        month = MONTH_NUMBER[groups["m"].lower()[:3]] if groups.get("m") else 3 * int(groups.get("q") or 0)
        return (year, month), found.group(0), " ".join(period[found.end() :].split())
    return None


def series(kpis: Iterable[KpiRecord], councils: Mapping[str, str] | None = None) -> list[Series]:
    """Each measure with a number for three or more points in time, in time order; one series per
    figure the headers name after the time ("Core £000s", "Total £000s"). A measure's tables in
    different documents of one council (`councils`: document_id -> council) make one series, when
    each document holds it in one table only; the first document to print a period gives its value."""
    tables: dict[tuple[str, str, str, str], dict[tuple[int, int], Point]] = defaultdict(dict)
    where: dict[tuple[str, str, str, str], tuple[tuple[str, ...], str]] = {}  # table's measure -> (whose, file)
    for k in kpis:
        point = when(k.period)
        if k.value is None or point is None:
            continue
        key, label, heading = point
        group = (k.table_id, k.measure, heading, str(k.unit))
        tables[group].setdefault(key, Point(label, k.value, k.source_document_id, k.page))
        document = file_id(k.source_document_id)
        whose = (councils or {}).get(document) or document  # a document of no known council stands alone
        where[group] = ((whose, k.section, k.measure, heading, str(k.unit)), document)
    merged: dict[tuple[str, ...], list[tuple[tuple[str, str, str, str], str]]] = defaultdict(list)
    for group, (same, document) in where.items():
        merged[same].append((group, document))
    out = []
    for same, groups in merged.items():
        documents = [document for _, document in groups]
        parts = [groups] if len(set(documents)) == len(documents) else [[g] for g in groups]
        for part in parts:
            points: dict[tuple[int, int], Point] = {}
            for group, _ in part:
                for key, p in tables[group].items():
                    points.setdefault(key, p)
            ordered = tuple(points[t] for t in sorted(points))
            if len(ordered) >= MIN_POINTS and len({p.value for p in ordered}) > 1:  # a flat line says nothing
                out.append(Series(same[2], same[3], same[4], ordered))
    return sorted(out, key=lambda s: -len(s.points))  # the longest histories first


def render(datasets: Mapping[str, Sequence[Record]], page_link: Mapping[str, str]) -> str:
    """The report's HTML; `page_link` maps a document_id to the file or URL its pages link to."""
    documents = [d for d in datasets.get("documents", []) if isinstance(d, DocumentRecord)]
    councils = {d.document_id: d.council for d in documents}
    charts = series((k for k in datasets.get("kpis", []) if isinstance(k, KpiRecord)), councils)
    parts = [
        f"<!doctype html><html lang=en><meta charset=utf-8><title>Run report: {html.escape(TITLE)}</title>",
        f"<style>{STYLE}</style><h1>Run report</h1>",
        f"<p>Files: {len([d for d in documents if not d.parent_id])}, of which not read: "
        f"{sum(1 for d in documents if not d.parent_id and d.status != 'ok')}. Measures charted: "
        f"{min(len(charts), MAX_CHARTS)}. The codebook is <a href=README.md>README.md</a>.</p>",
        "<h2>Documents</h2><table><tr><th>document</th><th>kind</th><th>title</th><th>pages</th>"
        "<th>status</th><th>warnings</th><th>rows read</th></tr>",
    ]
    read = _rows_per_file(datasets)
    for d in documents:
        status = html.escape(d.status) + (f": {html.escape(d.error)}" if d.error else "")
        pages = f"{d.first_page}–{d.last_page}" if d.parent_id else str(d.page_count or "")
        name = html.escape(d.document_id if d.parent_id else d.file_name or d.document_id)
        if link := page_link.get(d.document_id):
            name = f'<a href="{html.escape(link)}#page={d.first_page or 1}">{name}</a>'
        cells = [f"{'↳ ' if d.parent_id else ''}{name}", html.escape(d.kind), html.escape(d.title), pages]
        parts.append(
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td{' class=bad' if d.status != 'ok' else ''}>"
            f"{status}</td><td>{html.escape(d.warnings)}</td><td>{'' if d.parent_id else read[d.document_id]}</td></tr>"
        )
    parts.append("</table><h2>Rows per dataset</h2><table><tr><th>dataset</th><th>rows</th><th>one row is</th></tr>")
    for name, rows in datasets.items():
        parts.append(f"<tr><td>{name}</td><td>{len(rows)}</td><td>{html.escape(describe(name))}</td></tr>")
    parts.append("</table><h2>Performance measures over time</h2>")
    if not charts:
        parts.append(f"<p>No measure is printed with a number for {MIN_POINTS} or more months, quarters or years.</p>")
    if len(charts) > MAX_CHARTS:
        parts.append(f"<p>The first {MAX_CHARTS} of {len(charts)} measures; every figure is in <code>kpis</code>.</p>")
    for s in charts[:MAX_CHARTS]:
        title = s.measure + (f" ({s.heading})" if s.heading else "")
        parts.append(f"<figure>{_svg(s)}<figcaption>{html.escape(title)}: {_cite(s, page_link)}</figcaption></figure>")
    return "\n".join(parts) + "\n</html>\n"


def _cite(s: Series, page_link: Mapping[str, str]) -> str:
    """The page the series is printed on, or for a series over several pages, each point's page."""
    first = s.points[0]
    if len({(p.source_document_id, p.page) for p in s.points}) == 1:
        cited = [(f"{first.source_document_id}, page {first.page}", first)]
    else:
        cited = [(p.label, p) for p in s.points]
    out = []
    for text, p in cited:
        link = html.escape(page_link.get(p.source_document_id, ""))
        out.append(f'<a href="{link}#page={p.page}">{html.escape(text)}</a>' if link else html.escape(text))
    return " · ".join(out)


def _rows_per_file(datasets: Mapping[str, Sequence[Record]]) -> defaultdict[str, str]:
    """Per file, the rows read from it (its sections' included), as "minute_items 15, attendance 19"."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, rows in datasets.items():
        for r in rows:
            if document := getattr(r, "source_document_id", ""):
                counts[file_id(document)][name] += 1
    return defaultdict(str, {doc: ", ".join(f"{name} {n}" for name, n in c.items()) for doc, c in counts.items()})


def _svg(s: Series) -> str:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import EngFormatter

    with matplotlib.rc_context({"svg.hashsalt": "councilpacks", "svg.fonttype": "none", "font.size": 8}):
        fig, ax = plt.subplots(figsize=(3.4, 2.0))
        labels = [p.label for p in s.points]
        ax.plot(range(len(labels)), [p.value for p in s.points], marker="o")
        ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
        ax.set_ylabel(s.unit.replace("_", " "))
        ax.yaxis.set_major_formatter(EngFormatter(sep=""))  # 1.6G, not 1.6 over an offset of 1e9
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg") :]
