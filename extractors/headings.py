"""Numbered item headings, shared by agendas and minutes.

Councils number items "36 Election of a Chairman" (Wiltshire), "84. Apologies" (Kent) or
"7 Opportunities to promote ..." (Bristol). Inside items they also number paragraphs and
recommendations ("1. Mr R Gough ...", "2a. Residents Parking ..."), so a heading must look
like the first heading of the document (same boldness, same "N." or "N" style, same margin)
and its number must go up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.pages import Line, Page
from extractors.segment import PAGES_CITED
from extractors.text import clean

# "36 Election of a Chairman", "84. Apologies", "10.25.01 Apologies for absence" (Souldern:
# month.year.item) and "2709. Police Report" (Tintern: numbers run on from meeting to meeting,
# always printed with a stop, so that a year opening a line is not taken for one).
NUMBERED = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,3}){2}|\d{1,3}|\d{4}(?=[.)]))(?P<dot>[.)]?)\s+(?P<title>[A-Z0-9\"'(\u2018\u201c].*)$"
)
MONTH_AFTER = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}", re.I)
# Headings of one document share a left margin; Kent indents body text 36pt, headings not.
MARGIN_TOLERANCE_PT = 12.0
# A heading wraps onto an indented next line set tight below it (Bristol, Kent: ~2pt); a
# bold sub-heading under an item (Sutton Coldfield: ~7pt at 12pt type) sits further down.
WRAP_GAP_LINES = 0.4
# A title wraps only when its line ran out of room: it ends within this of the text's right
# edge. Souldern's short titles ("10.25.01 Apologies for absence") have their text indented
# underneath, set like a wrapped title but far from the margin.
WRAP_SLACK_PT = 72.0
# Item numbers go up; a jump larger than this is a numbered paragraph, not the next item.
MAX_NUMBER_JUMP = 40
# "2711. Apologies for absence: Cllr Ashman, Hoskins" (Tintern): a heading line whose words
# before a colon are this few is a title followed by the item's text.
TITLE_BEFORE_COLON_WORDS = 8


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
    # Text printed on the heading's own line after its title ("Approved & signed as correct.").
    rest: str = ""


def flatten(pages: list[Page]) -> list[Placed]:
    """All body lines of the pages, in reading order, with their page numbers."""
    return [Placed(page.number, line) for page in pages for line in page.lines]


def numbered_headings(lines: list[Placed]) -> list[Heading]:
    """The item headings among the lines, in order."""
    headings: list[Heading] = []
    style: tuple[bool, bool, float] | None = None
    last: tuple[int, ...] = ()
    right = max((p.line.x1 for p in lines), default=0.0)
    for i, placed in enumerate(lines):
        match = NUMBERED.match(placed.line.text.strip())
        if not match:
            continue
        if MONTH_AFTER.match(match.group("title")):
            continue  # "12 September 2024 at 5.00 pm" is a date line, not item 12
        number = match.group("num")
        key = tuple(int(part) for part in number.split("."))
        this = (placed.line.bold, bool(match.group("dot")), placed.line.x0)
        if style is None:
            style = this
        elif this[:2] != style[:2] or abs(this[2] - style[2]) > MARGIN_TOLERANCE_PT:
            continue
        if headings and not _follows(last, key):
            continue
        title, consumed = _wrapped_title(lines, i, match.group("title"), right)
        printed = number if "." in number else str(int(number))  # "05" is item 5; "10.25.01" stays
        headings.append(_heading(printed, title, placed.page, i, i + consumed))
        last = key
    return headings


def _wrapped_title(lines: list[Placed], i: int, title: str, right: float) -> tuple[str, int]:
    head = lines[i]
    consumed = 0
    prev = head.line
    for nxt in lines[i + 1 : i + 4]:
        line = nxt.line
        if (
            nxt.page != head.page
            or prev.x1 < right - WRAP_SLACK_PT
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


def _follows(last: tuple[int, ...], key: tuple[int, ...]) -> bool:
    """The next item's number: same scheme and prefix ("10.25."), last part up by at most the jump."""
    return len(key) == len(last) and key[:-1] == last[:-1] and last[-1] < key[-1] <= last[-1] + MAX_NUMBER_JUMP


def _heading(number: str, title: str, page: int, start: int, index: int) -> Heading:
    title = clean(title)
    head, colon, rest = title.partition(":")
    if colon and rest.strip(" -\u2013") and len(head.split()) <= TITLE_BEFORE_COLON_WORDS:
        title, rest = head, rest.strip()
    else:
        title, rest = title.rstrip(" :-\u2013"), ""
    first = last = None
    cited = PAGES_CITED.search(title)
    if cited:
        first, last = int(cited.group(1)), int(cited.group(2) or cited.group(1))
        title = clean(PAGES_CITED.sub("", title))
    return Heading(
        number=number,
        title=title.strip(" *"),
        page=page,
        start=start,
        index=index,
        first_cited=first,
        last_cited=last,
        rest=rest,
    )


def bodies(lines: list[Placed], headings: list[Heading]) -> list[list[Placed]]:
    """For each heading, the lines that follow its title up to the next heading."""
    if not headings:
        return []
    stops = [h.start for h in headings[1:]] + [len(lines)]
    return [_rest(lines[h.start], h) + lines[h.index + 1 : stop] for h, stop in zip(headings, stops, strict=True)]


def _rest(heading_line: Placed, heading: Heading) -> list[Placed]:
    """The text after the title on the heading's own line, as the first line of the item's body."""
    if not heading.rest:
        return []
    return [Placed(heading_line.page, replace(heading_line.line, text=heading.rest, cells=(), spans=(), words=()))]
