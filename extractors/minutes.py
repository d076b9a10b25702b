"""Minutes of a meeting: the meeting, its numbered items, attendance and decisions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.agenda import meeting
from extractors.attendance import BLOCK, read_attendance
from extractors.decisions import read_decisions
from extractors.headings import Placed, bodies, flatten, numbered_headings
from extractors.pages import Page
from extractors.tables import read_tables
from extractors.text import TIME_PATTERN, all_times, find_date, parse_time, smart_title
from models import AttendanceRecord, DecisionRecord, MeetingRecord, MinuteItemRecord

BODY_HELD = re.compile(
    r"minutes\s+of\s+(?:the\s+|a\s+)?(?:(?:[\w-]+\s+)?meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)\s+(?:meeting\s+)?held\b",
    re.I,
)
BODY_PLAIN = re.compile(r"^minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>.+)$", re.I)
VENUE = re.compile(
    r"\bheld\s+(?:(?:on|at)\s+[^,]*?\d{4}\s+)?(?:at|in)\s+(?:the\s+)?(?P<venue>.+?)"
    r"(?:,?\s+on\s+(?:\w+day,?\s+)?\d|,?\s+on\s+\w+day\b|,?\s+at\s+\d|\.?\s*$)",
    re.I,
)
DURATION = re.compile(rf"duration\s+of\s+meeting\s*:?\s*(?P<a>{TIME_PATTERN})\s*(?:-|to)\s*(?P<b>{TIME_PATTERN})", re.I)
ENDED = re.compile(
    rf"\b(?:meeting|it)\s+(?:ended|closed|concluded|finished|rose|adjourned)\s+at\s+(?P<t>{TIME_PATTERN})", re.I
)
STARTED = re.compile(
    rf"\b(?:called\s+to\s+order|commenced|started|began|opened)\b[^.]*?\bat\s+(?P<t>{TIME_PATTERN})", re.I
)
# "held on 11th October 2017 at 19.00 in Hertingfordbury Cowper School", "at 7.00pm in Tintern
# Village Hall": the time before the venue, which the venue pattern's "at" takes in.
LEADING_TIME = re.compile(rf"^(?:{TIME_PATTERN}|\d{{1,2}}[.:]\d\d)\s+(?:in|at)\s+", re.I)
# A 24-hour time with a stop, after "at" in the title block ("at 19.00"); elsewhere "19.00" may
# be money or a figure, so the clock reader needs am/pm or a colon.
HELD_AT_CLOCK = re.compile(r"\bat\s+(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\b(?!\s*[ap]\.?m)", re.I)
# The title block of minutes is the first page's lines before the attendance list.
HEADER_LINES = 8


@dataclass(frozen=True)
class Minutes:
    """Everything read from one set of minutes; meeting and document ids are the caller's to set."""

    meeting: MeetingRecord
    items: list[MinuteItemRecord]
    decisions: list[DecisionRecord]
    attendance: list[AttendanceRecord]


def read_minutes(pages: list[Page]) -> Minutes:
    """Read the meeting facts, items, attendance and decisions of a set of minutes."""
    lines = flatten(pages)
    headings = numbered_headings(lines)
    item_lines = bodies(lines, headings)
    tables = read_tables(pages)  # a decision column holds one decision per row (decision_tables.py)
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
    body, venue = _body(header, joined), _venue(header, joined)
    when = find_date(joined)
    text = " ".join(p.line.plain for p in lines)
    start, end = _times(joined, text)
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
            if not find_date(nxt) and nxt[:1].isupper() and placed.line.bold == header[i + 1].line.bold:
                return f"{body} {nxt}"
    return ""


def _venue(header: list[Placed], joined: str) -> str:
    match = VENUE.search(joined)
    if match:
        venue = LEADING_TIME.sub("", match.group("venue").strip(" .,"))
        return re.sub(r"^the\s+", "", venue, flags=re.I) if venue.lower().startswith("the ") else venue
    dated = next((i for i, p in enumerate(header) if find_date(p.line.text)), None)
    if dated is not None and dated + 1 < len(header):
        nxt = header[dated + 1].line.plain
        if not BLOCK.match(nxt) and not all_times(nxt) and len(nxt.split()) <= 12:
            return nxt
    return ""


def _times(header: str, text: str) -> tuple[str, str]:
    duration = DURATION.search(text)
    if duration:
        return parse_time(duration.group("a")), parse_time(duration.group("b"))
    started = STARTED.search(text)
    start = parse_time(started.group("t")) if started else ""
    if not start:
        head_times = all_times(header)
        start = head_times[0] if head_times else ""
    if not start and (clock := HELD_AT_CLOCK.search(header)):
        start = f"{int(clock['h']):02d}:{clock['m']}"
    ended = ENDED.search(text)
    return start, parse_time(ended.group("t")) if ended else ""
