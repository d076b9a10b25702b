"""The table every reader produces, and the cell and grid helpers they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractors.vocab import FIGURE

if TYPE_CHECKING:
    from extractors.pages import Line

# Methods whose grid came from drawn rules (pdfplumber's lines strategy, Camelot lattice): their
# cells' text starts a padding inside the rules, and blank cells are the table's own.
RULED_METHODS = frozenset({"pdfplumber", "lattice"})
# Text that ends a sentence or a clause: prose, not a title or a cell of a table.
SENTENCE_END = re.compile(r"[.;,]$")
# The last letters of a word that a narrow column broke without a hyphen: one or two small
# letters opening a line ("Forecas" / "t"), unless they are a word or a common abbreviation.
WORD_END = re.compile(r"^[a-z]{1,2}$")
SHORT_WORDS = frozenset(
    {
        "a",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "eg",
        "go",
        "ie",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "pa",
        "pm",
        "so",
        "to",
        "up",
        "us",
        "vs",
        "we",
    }
)


@dataclass(frozen=True)
class Table:
    """A table: row 0 is the header; `pages` lists every page it covers."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]
    method: str
    title: str = ""
    cols: tuple[float, ...] = ()
    # The right edge of each column: right-aligned figures keep it from page to page, while their
    # left edges move with the widest figure printed.
    col_ends: tuple[float, ...] = ()
    pages: tuple[int, ...] = ()
    # The page each row is printed on (a continued table spans pages).
    row_pages: tuple[int, ...] = ()
    # Where the last part ends on its page (the bottom of `bbox` on a single page).
    end: float | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def header(self) -> tuple[str, ...]:
        return self.rows[0] if self.rows else ()


def overlaps(a: Table, b: Table) -> bool:
    """Whether two tables' boxes overlap on some page they share."""
    for page in set(a.pages or (a.page,)) & set(b.pages or (b.page,)):
        (atop, abottom), (btop, bbottom) = _extent(a, page), _extent(b, page)
        if a.x0 < b.x1 and b.x0 < a.x1 and atop < bbottom and btop < abottom:
            return True
    return False


def holds(table: Table, line: Line, page: int) -> bool:
    """Whether a printed line sits inside the table's part on that page."""
    if page not in (table.pages or (table.page,)) or not (table.x0 - 1 <= line.x0 and line.x1 <= table.x1 + 1):
        return False
    top, bottom = _extent(table, page)
    return top <= (line.top + line.bottom) / 2 <= bottom


def _extent(table: Table, page: int) -> tuple[float, float]:
    """The table's top and bottom on `page`: a continued part runs from the page top to its `end` on its last page."""
    pages = table.pages or (table.page,)
    top = table.top if page == pages[0] else 0.0
    if page == pages[-1]:
        return top, table.end if table.end is not None else table.bottom
    return top, float("inf")


def cell_text(raw: str | None) -> str:
    """One cell's printed lines as one string: "Jul-\\n2024" is "Jul-2024", "Injury -\\nCounty" keeps its space."""
    if not raw:
        return ""
    text = ""
    for line in raw.replace("\u00a0", " ").splitlines():
        text = join_cell(text, " ".join(line.split()))
    return text


def join_cell(text: str, line: str) -> str:
    """A cell's text with its next printed line: a word broken by a hyphen is rejoined, and so
    is a word broken without one in a narrow column ("Forecas" + "t", "Revenu" + "e", "Unrecoverabl" + "e VAT")."""
    if not line or not text:
        return text or line
    if text.endswith("-") and len(text) > 1 and text[-2].isalnum() and line[0].isalnum():
        return text + line  # not a dash before an amount: "Four Oaks-" / "£200 New Hall-" / "£200"
    head = line.split(" ", 1)[0]  # "Unrecoverabl" + "e VAT": the end of a word, then a word
    if text[-1].isalpha() and WORD_END.match(head) and head not in SHORT_WORDS:
        return text + line
    return f"{text} {line}"


def drop_empty(rows: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """The rows without empty rows and empty columns, and the indexes of the columns kept."""
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for r in rows)]
    return [[r[j] if j < len(r) else "" for j in keep] for r in rows], keep


def rect(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """The rows padded to one width."""
    width = max((len(r) for r in rows), default=0)
    return tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)


def is_table(rows: list[list[str]]) -> bool:
    """Two rows, two columns and three filled cells at least: not a boxed paragraph or a lone label."""
    filled = sum(1 for r in rows for c in r if c)
    return len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 2 and filled >= 3


def numeric(text: str) -> bool:
    """Whether a cell is one figure ("1,234.5", "(250.0)", "6.3%", "£1,000")."""
    return bool(FIGURE.match(text.replace(" ", "")))


# A cell of a printed line: its text and horizontal extent.
Phrase = tuple[str, float, float]


@dataclass
class Row:
    """Lines read as one table row: each column's text and the extent of what is printed there."""

    top: float
    bottom: float
    height: float
    cells: dict[int, Phrase] = field(default_factory=dict)

    def figures(self) -> set[int]:
        """The columns where the row holds a figure."""
        return {j for j, (text, _, _) in self.cells.items() if numeric(text)}


def covered(x0: float, x1: float, cols: list[tuple[float, float]]) -> list[int]:
    """The columns an extent overlaps."""
    return [j for j, (a, b) in enumerate(cols) if min(x1, b) - max(x0, a) > 0]
