"""Numbered item headings, shared by agendas and minutes.

Councils number items "36 Election of a Chairman" (Wiltshire), "84. Apologies" (Kent) or
"7 Opportunities to promote ..." (Bristol). Inside items they also number paragraphs and
recommendations ("1. Mr R Gough ...", "2a. Residents Parking ..."), so a heading must look
like the first heading of the document (same boldness, same "N." or "N" style, same margin)
and its number must go up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.pages import Line, Page
from extractors.segment import PAGES_CITED
from extractors.text import clean

NUMBERED = re.compile(r"^(?P<num>\d{1,3})(?P<dot>[.)]?)\s+(?P<title>[A-Z0-9\"'(\u2018\u201c].*)$")
MONTH_AFTER = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}", re.I)
# Headings of one document share a left margin; Kent indents body text 36pt, headings not.
MARGIN_TOLERANCE_PT = 12.0
# A heading wraps onto an indented next line set tight below it (Bristol, Kent: ~2pt); a
# bold sub-heading under an item (Sutton Coldfield: ~7pt at 12pt type) sits further down.
WRAP_GAP_LINES = 0.4
# Item numbers go up; a jump larger than this is a numbered paragraph, not the next item.
MAX_NUMBER_JUMP = 40


@dataclass(frozen=True)
class Placed:
    """A line together with the page it is printed on."""

    page: int
    line: Line


@dataclass(frozen=True)
class Heading:
    """A numbered item heading: number, title, cited pages and where it starts."""

    number: str
    title: str
    page: int
    start: int
    index: int
    first_cited: int | None = None
    last_cited: int | None = None


def flatten(pages: list[Page]) -> list[Placed]:
    """All body lines of the pages, in reading order, with their page numbers."""
    return [Placed(page.number, line) for page in pages for line in page.lines]


def numbered_headings(lines: list[Placed]) -> list[Heading]:
    """The item headings among the lines, in order."""
    headings: list[Heading] = []
    style: tuple[bool, bool, float] | None = None
    last = 0
    for i, placed in enumerate(lines):
        match = NUMBERED.match(placed.line.text.strip())
        if not match:
            continue
        if MONTH_AFTER.match(match.group("title")):
            continue  # "12 September 2024 at 5.00 pm" is a date line, not item 12
        number = int(match.group("num"))
        this = (placed.line.bold, bool(match.group("dot")), placed.line.x0)
        if style is None:
            style = this
        elif this[:2] != style[:2] or abs(this[2] - style[2]) > MARGIN_TOLERANCE_PT:
            continue
        if headings and not last < number <= last + MAX_NUMBER_JUMP:
            continue
        title, consumed = _wrapped_title(lines, i, match.group("title"))
        headings.append(_heading(str(number), title, placed.page, i, i + consumed))
        last = number
    return headings


def _wrapped_title(lines: list[Placed], i: int, title: str) -> tuple[str, int]:
    head = lines[i]
    consumed = 0
    prev = head.line
    for nxt in lines[i + 1 : i + 4]:
        line = nxt.line
        if (
            nxt.page != head.page
            or line.bold != head.line.bold
            or line.size != head.line.size
            or line.x0 <= head.line.x0 + 3
            or line.top - prev.bottom > WRAP_GAP_LINES * line.size
            or NUMBERED.match(line.text)
        ):
            break
        title = f"{title} {line.text}"
        consumed += 1
        prev = line
    return title, consumed


def _heading(number: str, title: str, page: int, start: int, index: int) -> Heading:
    title = clean(title)
    first = last = None
    cited = PAGES_CITED.search(title)
    if cited:
        first, last = int(cited.group(1)), int(cited.group(2) or cited.group(1))
        title = clean(PAGES_CITED.sub("", title))
    return Heading(
        number=number, title=title.strip(" *"), page=page, start=start, index=index, first_cited=first, last_cited=last
    )


def bodies(lines: list[Placed], headings: list[Heading]) -> list[list[Placed]]:
    """For each heading, the lines that follow its title up to the next heading."""
    if not headings:
        return []
    stops = [h.start for h in headings[1:]] + [len(lines)]
    return [lines[h.index + 1 : stop] for h, stop in zip(headings, stops, strict=True)]
