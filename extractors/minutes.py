"""Minutes of a meeting: the meeting, its numbered items, attendance and decisions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors import title_block
from extractors.actions import ActionTable, Passage, action_tables
from extractors.agenda import meeting
from extractors.attendance import BLOCK, read_attendance
from extractors.decisions import read_decisions
from extractors.headings import Placed, bodies, flatten
from extractors.outline import item_headings
from extractors.pages import Line, Page
from extractors.segment import HELD, names_document
from extractors.table_model import holds
from extractors.tables import Table, read_tables
from extractors.text import clean, find_date, smart_title
from models import AttendanceRecord, DecisionRecord, MeetingRecord, MinuteItemRecord

BODY_HELD = re.compile(
    r"minutes\s+of\s+(?:the\s+|a\s+)?(?:(?:[\w-]+\s+)?meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)\s+(?:meeting\s+)?held\b",
    re.I,
)
BODY_PLAIN = re.compile(r"^minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>.+)$", re.I)
# The title block of minutes is the first page's lines before the attendance list.
HEADER_LINES = 8
# Between the blocks of an item's prose (a sub-heading and its paragraph): a sentence ends there
# (`nlp.paragraph_breaks`).
PARAGRAPH_BREAK = "\n\n"
PUNCTUATED = (".", "!", "?", ":", ";", ",")
# A line ending this far short of the prose's right edge is short: a heading, not a wrapped line.
SHORT_LINE = 0.75
# The heading of a column of owners at the right of the minutes: "Action", "Action by", "Who".
ACTION_COLUMN = re.compile(r"actions?(?:\s+by)?|who|owner", re.I)
# An owner in that column starts no further left than this of its heading ("IK/CC" is wider
# than "Action" and right-aligned) and is this long at most.
MARK_SLACK_PT = 25.0
MARK_CHARS = 20


@dataclass(frozen=True)
class Minutes:
    """Everything read from one set of minutes; meeting and document ids are the caller's to set."""

    meeting: MeetingRecord
    items: list[MinuteItemRecord]
    decisions: list[DecisionRecord]
    attendance: list[AttendanceRecord]
    # Each item's prose (its tables left out) and the action tables under it, for `actions.py`.
    passages: list[Passage] = field(default_factory=list)
    action_tables: list[ActionTable] = field(default_factory=list)


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
    actions = action_tables(
        (h.number, t)
        for h, body in zip(headings, item_lines, strict=True)
        for t in tables
        if any(p.page == t.page and holds(t, p.line, p.page) for p in body)
    )
    return Minutes(
        meeting=meeting_facts(lines, headings[0].start if headings else len(lines)),
        items=items,
        decisions=decisions,
        attendance=read_attendance(lines, headings, item_lines),
        passages=[
            *(
                _passage(h.number, body, tables, _action_column(lines[: headings[0].start]))
                for h, body in zip(headings, item_lines, strict=True)
                if body
            ),
            *(update for table in actions for update in table.updates()),
        ],
        action_tables=actions,
    )


def _passage(number: str, body: list[Placed], tables: Sequence[Table], column: float | None) -> Passage:
    """An item's prose: its lines outside its tables, joined, with the page each starts on and
    the owners its Action column marks (at the end of the line they sit on)."""
    text, pages, marks = "", [], []
    prose = [p for p in body if not any(holds(t, p.line, p.page) for t in tables)]
    right = max((p.line.x1 for p in prose), default=0.0)
    for k, placed in enumerate(prose):
        line = placed.line
        mark = _mark(line, column)
        words = clean(" ".join(line.parts[:-1])) if mark else line.plain
        if text:
            text += PARAGRAPH_BREAK if _ends_block(prose[k - 1].line, line, right) else " "
        pages.append((len(text), placed.page))
        text += words
        if mark:
            marks.append((len(text), mark))
    return Passage(number, text, tuple(pages) or ((0, body[0].page),), tuple(marks))


def _ends_block(line: Line, nxt: Line, right: float) -> bool:
    """Whether a line ends a block of its own, a sub-heading before a paragraph ("(c) Audit" /
    "The Clerk will prepare the budget ..."): bold over plain text, or short and unpunctuated
    over a line that opens a sentence."""
    if line.bold and not nxt.bold:
        return True
    opens = nxt.plain[:1].isupper() or nxt.plain[:1] in "(0123456789"
    return opens and not line.plain.endswith(PUNCTUATED) and line.x1 < SHORT_LINE * right


def _action_column(lines: list[Placed]) -> float | None:
    """Where an "Action" column starts: a heading printed at the right of a line above the first
    item ("Items ... Action", Scottish community councils) over the owners' initials beside each item."""
    for placed in lines:
        cells = placed.line.boxes
        if len(cells) > 1 and ACTION_COLUMN.fullmatch(cells[-1][0].strip()):
            return cells[-1][1]
    return None


def _mark(line: Line, column: float | None) -> str:
    """The owner a line's last cell names in the Action column: short, and under its heading."""
    if column is None or len(line.boxes) < 2:
        return ""
    text, x0, _ = line.boxes[-1]
    return text.strip() if x0 >= column - MARK_SLACK_PT and len(text) <= MARK_CHARS else ""


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
