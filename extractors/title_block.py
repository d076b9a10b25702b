"""A meeting's venue and times as agendas and minutes print them, in their title block or closing line."""

from __future__ import annotations

import re

from extractors.headings import Placed
from extractors.pages import Line
from extractors.text import TIME_PATTERN, all_times, clean, find_date, parse_time

# "will be held in the Village Hall, West Burton, on Tuesday 4 November 2025", "held on 11th
# October 2017 at 19.00 in Hertingfordbury Cowper School", "30th October 2025 at 7.30pm in the
# Village Hall": the venue follows "held at/in", or a time and "in".
CLOCK = rf"(?:{TIME_PATTERN}|\b\d{{1,2}}[.:]\d\d)"
VENUE = re.compile(
    rf"(?:\bheld\s+(?:(?:on|at)\s+[^,\n]*?\d{{4}}\s+)?(?:at\s+{CLOCK}\s+)?|{CLOCK}\s+)(?:at|in)\s+(?:the\s+)?"
    # up to the date or time that follows it, over one line break ("the Village Hall, West" /
    # "Burton, on Tuesday 4 ..."); or with the sentence's short tail ("..., SALISBURY, SP1" / "1DU.");
    # else to the end of its line
    r"(?:(?P<venue>[^\n]+?(?:\n[^\n]+?)?)(?=,?\s+on\s+(?:\w+day,?\s+)?\d|,?\s+on\s+\w+day\b|,?\s+at\s+\d)"
    r"|(?P<tail>[^\n]+?\n\S+(?:\s\S+){0,2})(?=\.\s*(?:\n|$))"
    r"|(?P<line>[^\n]+?)(?=\.?\s*(?:\n|$)))",
    re.I,
)
# Contact details printed in a right-hand column of the title block run into the left one.
CONTACT = re.compile(r"\s*\b(ask for|telephone|tel|email|e-mail|contact|enquiries)\b\s*:.*$", re.I)
# A 24-hour time after "at" in a title block: "at 19.00", "at 1900." (Hertingfordbury's summons).
# Elsewhere "19.00" may be money, so the clock reader needs am/pm or a colon.
HELD_AT_CLOCK = re.compile(
    r"\bat\s+(?:(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\b(?!\s*[ap]\.?m)(?![.,]\d)"
    # four digits with no stop, and no street after them ("held at 145 Main Street" is an address)
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\b(?![.,]\d)(?!\s+(?!hours?\b|hrs\b)[A-Za-z]))",
    re.I,
)
# "7pm-9pm" under the date, "from 7.30pm to 9pm"; anywhere, "Duration of meeting: 10.00 am - 12.55 pm".
RANGE = re.compile(rf"(?P<a>{TIME_PATTERN})\s*(?:-|to|until)\s*(?P<b>{TIME_PATTERN})", re.I)
DURATION = re.compile(rf"duration\s+of\s+meeting\s*:?\s*{RANGE.pattern}", re.I)
STARTED = re.compile(
    rf"\b(?:called\s+to\s+order|commenced|started|began|opened)\b[^.]*?\bat\s+(?P<t>{TIME_PATTERN})", re.I
)
# "the meeting closed at 8.16.", "Meeting Closed 21:00pm", "The meeting was adjourned at 7:48 p.m.":
# after a closing verb a bare "8.16" is a clock too.
ENDED = re.compile(
    r"\b(?:meeting|it|business)\s+(?:was\s+|were\s+)?(?:declared\s+)?"
    r"(?:ended|closed|concluded|finished|rose|adjourned|terminated)\s+(?:at\s+)?"
    rf"(?P<t>{TIME_PATTERN}|\b(?P<h>[012]?\d)[.:](?P<m>[0-5]\d)\b)",
    re.I,
)
# A parenthesis under the date ("(or on the rising of Full Council, whichever is the later)").
ASIDE = re.compile(r"^\(.*\)?$|^[^(]*\)$")
# Bodies that only say "the council": "Parish Council", "the above Council", "Meeting", "County Council".
GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:above\s+|full\s+)?(?:(?:parish|town|community|city|county|borough|district)\s+)?"
    r"(?:council)?(?:\s*meeting)?$",
    re.I,
)
# What is no body's name: an item ("1. To receive apologies", "I. ROLL CALL", "2709. Police Report").
NOT_A_BODY = re.compile(r"^(?:\d|[ivx]+\.\s)", re.I)
# The venue is printed under the date in at most this many lines.
VENUE_LINES = 3
# A line centred like the date line is part of the same title block: centres within this many points.
CENTRE_TOLERANCE_PT = 12.0


def body(name: str, council: str) -> str:
    """The meeting's body: the committee the document names, else its council ("Parish Council",
    "the above Council", a time or an item where a title should be all mean the council)."""
    name = re.sub(r"\s+meeting$", "", name.strip(" .,:"), flags=re.I)
    if not name or GENERIC_BODY.match(name) or NOT_A_BODY.match(name) or all_times(name) or find_date(name):
        return council
    return name


def venue(text: str, head: list[Placed], dated: int | None, stop: re.Pattern[str]) -> str:
    """The venue from "held at/in ..." in `text` (its lines kept apart by newlines), else the lines
    printed under the date line `dated` of the title block `head`."""
    match = VENUE.search(text)
    if match:
        return clean((match["venue"] or match["tail"] or match["line"]).strip(" .,"))
    return _under_date(head, dated, stop) if dated is not None else ""


def _under_date(head: list[Placed], dated: int, stop: re.Pattern[str]) -> str:
    """Venue lines under the date, aligned with it: "Council Chamber, Sessions House," / "County Hall"."""
    anchor, parts = head[dated].line, list[str]()
    for placed in head[dated + 1 :]:
        text = CONTACT.sub("", placed.line.parts[0]).strip()
        if ASIDE.match(text) or (not parts and all_times(text) and len(text.split()) <= 4):
            continue  # an aside or the time, printed between the date and the venue
        if not text or not _aligned(placed.line, anchor) or _not_venue(text, stop):
            break
        if parts and _has_letters(text) and text.isupper() != parts[-1].isupper():
            break  # an upper-case heading under a mixed-case venue, or the reverse
        parts.append(text)
        if len(parts) == VENUE_LINES:
            break
    return clean(" ".join(p if p.endswith(",") or i == len(parts) - 1 else f"{p}," for i, p in enumerate(parts)))


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _not_venue(text: str, stop: re.Pattern[str]) -> bool:
    """A label, a time, a date or the start of the agenda or attendance ends the venue."""
    return bool(stop.match(text) or ":" in text or all_times(text) or find_date(text))


def _aligned(line: Line, anchor: Line) -> bool:
    """Whether `line` starts or ends where `anchor` does, or is centred like it."""
    centres = abs(line.x0 + line.x1 - anchor.x0 - anchor.x1) / 2
    edges = min(abs(line.x0 - anchor.x0), abs(line.x1 - anchor.x1))
    return edges <= CENTRE_TOLERANCE_PT / 2 or centres < CENTRE_TOLERANCE_PT


def times(head: str, text: str) -> tuple[str, str]:
    """Start and end as HH:MM from the title block `head` and the whole `text`, either may be ''."""
    span = RANGE.search(head) or DURATION.search(text)
    start = parse_time(span["a"]) if span else ""
    end = parse_time(span["b"]) if span else ""
    if not start and (started := STARTED.search(text)):
        start = parse_time(started["t"])
    if not start and (head_times := all_times(head)):
        start = head_times[0]
    if not start and (clock := HELD_AT_CLOCK.search(head)):
        start = f"{int(clock['h'] or clock['hh']):02d}:{clock['m'] or clock['mm']}"
    if not end and (ended := ENDED.search(text)):
        end = _end(ended, start)
    return start, end


def _end(ended: re.Match[str], start: str) -> str:
    """The closing time; one with no am/pm before the start is in the evening (a meeting ends after it begins)."""
    end = parse_time(ended["t"]) if not ended["h"] else f"{int(ended['h']):02d}:{ended['m']}"
    if end and start and end < start and int(end[:2]) < 12 and not re.search(r"[ap]\.?\s*m", ended["t"], re.I):
        return f"{int(end[:2]) + 12:02d}:{end[3:]}"
    return end if end < "24" else ""
