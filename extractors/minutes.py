"""Minutes of a meeting: the meeting, its numbered items, attendance and decisions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors import title_block
from extractors.agenda import meeting
from extractors.attendance import BLOCK, read_attendance
from extractors.decisions import read_decisions
from extractors.headings import Placed, bodies, flatten
from extractors.outline import item_headings
from extractors.pages import Page
from extractors.segment import HELD, names_document
from extractors.tables import Table, read_tables
from extractors.text import find_date, smart_title
from models import AttendanceRecord, DecisionRecord, MeetingRecord, MinuteItemRecord

BODY_HELD = re.compile(
    r"minutes\s+of\s+(?:the\s+|a\s+)?(?:(?:[\w-]+\s+)?meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)\s+(?:meeting\s+)?held\b",
    re.I,
)
BODY_PLAIN = re.compile(r"^minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>.+)$", re.I)
# The title block of minutes is the first page's lines before the attendance list.
HEADER_LINES = 8


@dataclass(frozen=True)
class Minutes:
    """Everything read from one set of minutes; meeting and document ids are the caller's to set."""

    meeting: MeetingRecord
    items: list[MinuteItemRecord]
    decisions: list[DecisionRecord]
    attendance: list[AttendanceRecord]


def read_minutes(pages: list[Page], tables: Sequence[Table] | None = None) -> Minutes:
    """Read the meeting facts, items, attendance and decisions of a set of minutes.

    `tables` are the ones printed on these pages, when the caller has read them already; a
    decision column holds one decision per row (decision_tables.py).
    """
    lines = flatten(pages)
    headings = item_headings(lines)
    item_lines = bodies(lines, headings)
    tables = list(read_tables(pages) if tables is None else tables)
    items = [
        MinuteItemRecord(
            meeting_id="",
            item_number=h.number,
            title=h.title,
            text=" ".join(p.line.plain for p in body),
            source_document_id="",
            page=h.page,
        )
        for h, body in zip(headings, item_lines, strict=True)
    ]
    decisions = [
        d.model_copy(update={"item_number": h.number})
        for h, body in zip(headings, item_lines, strict=True)
        for d in read_decisions(body, h.title, h.page, tables)
    ]
    return Minutes(
        meeting=meeting_facts(lines, headings[0].start if headings else len(lines)),
        items=items,
        decisions=decisions,
        attendance=read_attendance(lines, headings, item_lines),
    )


def meeting_facts(lines: list[Placed], first_item: int) -> MeetingRecord:
    """Body, date, venue and times from the title block and the closing lines."""
    header = _header(lines[:first_item])
    joined = " ".join(p.line.plain for p in header)
    body = _body(header, joined)
    when = find_date(joined)
    dated = next((i for i, p in enumerate(header) if find_date(p.line.text)), None)
    venue = title_block.venue("\n".join(p.line.plain for p in header), header, dated, BLOCK)
    start, end = title_block.times(joined, " ".join(p.line.plain for p in lines))
    page = header[0].page if header else (lines[0].page if lines else 1)
    return meeting(body, when.isoformat() if when else "", page, start_time=start, end_time=end, venue=venue)


def _header(lines: list[Placed]) -> list[Placed]:
    out = []
    for placed in lines[:HEADER_LINES]:
        if BLOCK.match(placed.line.plain):
            break
        out.append(placed)
    return out


def _body(header: list[Placed], joined: str) -> str:
    match = BODY_HELD.search(joined) or next((m for p in header if (m := BODY_PLAIN.match(p.line.plain))), None)
    if match:
        body = match.group("body").strip(" ,.")
        # prefer the same name printed in mixed case on its own line above
        same = next((p.line.plain for p in header if p.line.plain.lower() == body.lower()), "")
        if not same and "\n" not in body:
            nxt = _continued_title(header, body)
            body = nxt or body
        return smart_title(same or body)
    first = next((p.line.plain for p in header if not find_date(p.line.text)), "")
    return smart_title(first)


def _continued_title(header: list[Placed], body: str) -> str:
    """Bristol prints "Minutes of the Transport and Connectivity" / "Policy Committee"."""
    for i, placed in enumerate(header[:-1]):
        if placed.line.plain.lower().endswith(body.lower()):
            nxt = header[i + 1].line.plain
            title = not find_date(nxt) and nxt[:1].isupper() and placed.line.bold == header[i + 1].line.bold
            if title and not names_document(nxt) and not HELD.search(nxt):
                return f"{body} {nxt}"
    return ""
