"""Numbered item headings, shared by agendas and minutes.

Councils number items "36 Election of a Chairman" (Wiltshire), "84. Apologies" (Kent),
"10.25.01 Apologies" (Souldern), "2709. Police Report" (Tintern, run on from meeting to
meeting) or "IV. EXECUTIVE OFFICER REPORTS" (US boards). Inside items they also number
paragraphs and recommendations ("1. Mr R Gough ...", "2a. Residents Parking ..."), so a
heading must sit at the margin of the first heading of the run, be set like it (weight, "N."
or "N") unless its number is plainly the next one, and its number must go up.
Unnumbered layouts are read in outline.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.pages import Line, Page
from extractors.segment import PAGES_CITED
from extractors.text import ALL_MONTHS, clean
from extractors.vocab import BULLET

# "36 Election of a Chairman", "84. Apologies", "10.25.01 Apologies for absence" (Souldern:
# month.year.item) and "2709. Police Report" (Tintern: numbers run on from meeting to meeting,
# always printed with a stop, so that a year opening a line is not taken for one).
NUMBERED = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,3}){2}|\d{1,3}|\d{4}(?=[.)])|[IVX]{1,6}(?=\.))(?P<dot>[.)]?)\s+(?P<title>[A-Z0-9\"'(\u2018\u201c].*)$"
)
# An item number printed alone in its column: "6", "84.", "10.25.01", "IV.".
NUMBER_CELL = re.compile(r"^(?:\d{1,4}(?:\.\d{1,3}){0,2}|[IVX]{1,6})[.)]?$")
# Roman top-level items "I. ROLL CALL" ... "VI. ADJOURNMENT" (US board agendas, Cuyahoga), always
# with a stop: "I am" or "V" alone open sentences, not items.
ROMAN = re.compile(r"^[IVX]+$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# A bulleted line (vocab.BULLET) under a bold title is the item's first point (Ayton's
# "6. Planning Applications" / "• Erection of ..."), never the title running on.
# "12 September 2024 at 5.00 pm", "29 Jan, 26 Feb, 26 March" (Souldern's list of meeting dates):
# a day and month open a date line, not item 12 or 29.
MONTH_AFTER = re.compile(rf"^(?:{ALL_MONTHS})\b\.?(?:,|\s+\d|\s*$)", re.I)
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
# The colon after a title, not one inside a time ("Meeting called to order at 9:08am").
# "Accounts for payment:-" (Tintern) is a colon too.
TITLE_COLON = re.compile(r"\s*:(?=[\s-]|$)")
# "10 Finance - The following accounts were approved for payment" (Souldern): text after a
# spaced dash is the item's text when it reads as a sentence, more than this many words mostly
# in lower case; a title's own dash is followed by more capitalised words ("SBC Community
# Council Scheme Review - Ayton Community Council: Consider number of elected members").
SENTENCE_MIN_WORDS = 3
SENTENCE_LOWER_SHARE = 0.75


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
    """The item headings among the lines, in order: the first run of numbers that goes on.

    A stray number before the items ("10 Downing Street" in a letterhead) starts a run of one,
    and the next candidate is tried; a longer run elsewhere is not preferred, since numbered
    paragraphs, sub-items and lists of statements (Bristol's public forum) run long too.
    """
    candidates = [c for i, placed in enumerate(lines) if (c := _candidate(i, placed))]
    runs = (_run(candidates[n:]) for n in range(len(candidates)))
    best = next((run for run in runs if len(run) > 1), _run(candidates) if candidates else [])
    right = max((p.line.x1 for p in lines), default=0.0)
    headings = []
    for cand in best:
        title, consumed = (cand.title, 0) if cand.beside else wrapped_title(lines, cand.index, cand.title, right)
        headings.append(
            heading(cand.number, title, lines[cand.index].page, cand.index, cand.index + consumed, cand.beside)
        )
    return _with_misprints(lines, headings, best, candidates)


def _run(candidates: list[_Candidate]) -> list[_Candidate]:
    """The headings that follow the first candidate: same margin, same style, numbers going up."""
    first = candidates[0]
    taken = [first]
    for n, cand in enumerate(candidates[1:], start=1):
        if not cand.placed_like(first) or not _follows(taken[-1].key, cand.key):
            continue
        if cand.styled_like(first) or _next_in_other_style(cand, taken[-1], candidates[n + 1 :], first):
            taken.append(cand)
    return taken


def _with_misprints(
    lines: list[Placed], headings: list[Heading], taken: list[_Candidate], candidates: list[_Candidate]
) -> list[Heading]:
    """Add a heading whose misprinted number left a gap of one in the sequence, when it is the one
    heading in the document's style between its neighbours: Sutton Coldfield's "55 Matters Arising",
    "6 Community Grant Applications", "57 Defibrillators"."""
    out = list(headings)
    right = max((p.line.x1 for p in lines), default=0.0)
    for a, b in pairwise(taken):
        if a.key[:-1] != b.key[:-1] or b.key[-1] != a.key[-1] + 2:
            continue
        between = [c for c in candidates if a.index < c.index < b.index and c.placed_like(a) and c.styled_like(a)]
        # the misprint keeps the missing number's last digits ("6" for 56): a numbered paragraph
        # between two items whose number was skipped (exempt business) does not
        if len(between) == 1 and str(a.key[-1] + 1).endswith(str(between[0].key[-1])):
            c = between[0]
            title, consumed = wrapped_title(lines, c.index, c.title, right)
            out.append(heading(c.number, title, lines[c.index].page, c.index, c.index + consumed))
    return sorted(out, key=lambda h: h.start)


@dataclass(frozen=True)
class _Candidate:
    """A line that opens with an item number, and how it is set."""

    index: int
    number: str
    key: tuple[int, ...]
    title: str
    bold: bool
    dot: bool
    x0: float
    beside: str = ""

    def placed_like(self, other: _Candidate) -> bool:
        """The same left margin as the other heading."""
        return abs(self.x0 - other.x0) <= MARGIN_TOLERANCE_PT

    def styled_like(self, other: _Candidate) -> bool:
        """The same weight and numbering style ("N." or "N") as the other heading."""
        return self.bold == other.bold and self.dot == other.dot


def _candidate(i: int, placed: Placed) -> _Candidate | None:
    match = NUMBERED.match(placed.line.text.strip())
    if not match or MONTH_AFTER.match(match.group("title")):
        return None  # "12 September 2024 at 5.00 pm" is a date line, not item 12
    number = match.group("num")
    key = _key(number)
    printed = str(int(number)) if number.isdigit() else number  # "05" is item 5; "10.25.01" stays
    line = placed.line
    title, beside = _title_cells(line, match.group("title"))
    return _Candidate(i, printed, key, title, line.bold, bool(match.group("dot")), line.x0, beside)


def _title_cells(line: Line, title: str) -> tuple[str, str]:
    """The title and the text printed in columns beside it, when the line is set in columns:
    Souldern's agenda prints "6 | Correspondence | To discuss correspondence received"."""
    cells = [cell.strip() for cell in line.parts]
    if len(cells) > 1 and NUMBER_CELL.match(cells[0]):
        cells = cells[1:]  # the number in a column of its own
    elif cells and (own := NUMBERED.match(cells[0])):
        cells[0] = own.group("title")
    if len(cells) < 2:
        return title, ""
    return cells[0], " ".join(cells[1:])


def _key(number: str) -> tuple[int, ...]:
    """A number's place in its scheme: plain and run-on numbers, dotted parts, roman numerals.

    The first part tells the schemes apart, so that a roman "V." never continues an arabic "4".
    """
    if ROMAN.match(number):
        return (-1, _roman(number))
    parts = tuple(int(part) for part in number.split("."))
    return (len(parts), *parts)


def _roman(numeral: str) -> int:
    """The value of a roman numeral: a letter before a larger one is taken away ("IV" is 4)."""
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _next_in_other_style(cand: _Candidate, last: _Candidate | None, later: list[_Candidate], first: _Candidate) -> bool:
    """A heading set in another weight or without the stop still counts when its number comes next
    and no heading in the document's own style carries that number later: Tintern prints
    "2709. Police Report:" in a line that is mostly plain, "2710. Public Forum:" in one mostly
    bold; Souldern's annual meeting "4. Chairman's Report" then "5 Financial Report"."""
    if last is None or cand.key[:-1] != last.key[:-1] or cand.key[-1] != last.key[-1] + 1:
        return False
    return not any(c.key == cand.key and c.styled_like(first) and c.placed_like(first) for c in later)


def wrapped_title(lines: list[Placed], i: int, title: str, right: float) -> tuple[str, int]:
    """A heading's title with the lines it runs on to, and how many lines those are."""
    head = lines[i]
    consumed = 0
    prev = head.line
    for nxt in lines[i + 1 : i + 4]:
        line = nxt.line
        if (
            nxt.page != head.page
            or line.bold != head.line.bold
            or line.size != head.line.size
            or line.top - prev.bottom > WRAP_GAP_LINES * line.size
            or NUMBERED.match(line.text)
            or BULLET.match(line.text)
            or not _runs_on(head.line, prev, line, right)
        ):
            break
        title = f"{title} {line.text}"
        consumed += 1
        prev = line
    return title, consumed


def _runs_on(head: Line, prev: Line, line: Line, right: float) -> bool:
    """A bold title runs on in bold under its own margin or indented (Kent, Ayton: the body under
    it is plain); a plain one only when its line ran out of room and the next is indented."""
    if head.bold:
        return line.x0 >= head.x0 - MARGIN_TOLERANCE_PT / 4
    return prev.x1 >= right - WRAP_SLACK_PT and line.x0 > head.x0 + 3


def _follows(last: tuple[int, ...], key: tuple[int, ...]) -> bool:
    """The next item's number: same scheme and prefix ("10.25."), last part up by at most the jump."""
    return key[:-1] == last[:-1] and last[-1] < key[-1] <= last[-1] + MAX_NUMBER_JUMP


def heading(number: str, title: str, page: int, start: int, index: int, beside: str = "") -> Heading:
    """A heading from its printed title: cited pages read off, text after a dash or colon set apart."""
    title, beside = clean(title), clean(beside)
    first = last = None
    cited = PAGES_CITED.search(title) or PAGES_CITED.search(beside)
    if cited:
        first, last = int(cited.group(1)), int(cited.group(2) or cited.group(1))
        title, beside = clean(PAGES_CITED.sub("", title)), clean(PAGES_CITED.sub("", beside))
    title, rest = _title_and_text(title)
    return Heading(
        number=number,
        title=title.strip(" *"),
        page=page,
        start=start,
        index=index,
        first_cited=first,
        last_cited=last,
        rest=" ".join(part for part in (rest, beside) if part),
    )


def _title_and_text(title: str) -> tuple[str, str]:
    """A heading line's title and the item's text printed after it, past a colon or a dash."""
    text = ""
    parts = TITLE_COLON.split(title, maxsplit=1)
    if len(parts) == 2 and parts[1].strip(" -") and len(parts[0].split()) <= TITLE_BEFORE_COLON_WORDS:
        title, text = parts[0], parts[1].strip()
    title = title.rstrip(" :-")
    head, dash, rest = title.partition(" - ")
    if dash and re.search(r"[A-Za-z]", head) and _reads_as_sentence(rest):
        return head.strip(), " ".join(part for part in (rest.strip(), text) if part)
    return title, text


def _reads_as_sentence(text: str) -> bool:
    """Running text rather than more of a title: it starts in lower case, or its words after the
    first are mostly lower case ("The following accounts were approved", not "Ayton Community Council")."""
    words = text.split()
    if not words:
        return False
    if len(words) <= SENTENCE_MIN_WORDS:
        return False  # "Parish Allowances - councillor remuneration" is a title
    later = words[1:]
    return words[0][:1].islower() or sum(w[:1].islower() for w in later) >= SENTENCE_LOWER_SHARE * len(later)


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
