"""Word-only tables: a bold header of short phrases, and rows of words set under its columns.

Minutes print action logs and similar lists as tables with no rules and no figures ("Action
items | Person responsible | Deadline", "Item | Owner | Due"), which `stream_tables` never
finds: it starts from lines of figures. Here a table starts at its header line instead:

* the header is one bold line (not the last of a stacked header) of two or more short phrases,
  none a number (a numbered heading: "47 to 49   Electronic Products" in a statistics return's
  notes), a field label ("Agenda item:", "Presenter:") or an attendance heading ("Present");
* the table must end cleanly, at a gap, a bold line or the end of the page;
* the lines below it belong to the table while each of their phrases sits under one column
  (it starts right of the header phrase before and ends left of the header phrase after) and
  is no figure (but in the first column), the lines are not bold and close together: prose, a
  heading, a form line or a row of figures ends it;
* the first column holds one entry per row (a wrapped entry is one: its line reads on); a
  column holding as many entries pairs them with the rows in reading order (names set more
  tightly than the actions they belong to), otherwise each entry joins the row it is printed
  beside (the nearest by vertical position).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.pages import Line
from extractors.stream_tables import CARRIES_ON, READS_ON, STREAM_GAP_LINES, phrases
from extractors.table_model import SENTENCE_END, Phrase, Table, drop_empty, is_table, join_cell, numeric, rect
from extractors.vocab import BULLET_GLYPHS, FIGURE_START, MEMBER_LABELS

# A header cell is a short phrase: "Person responsible", "Action by whom".
HEADER_WORDS = 4
# Bold lines of phrases at most this many line heights apart are one stacked header.
STACKED_GAP_LINES = 1.0
# A wrapped entry's next line starts at most this many line heights below it.
WRAP_LINES = 0.6
# Headings of side-by-side attendance lists, not of a table (Souldern's planning minutes print
# "Present: | Members of the Public: | Apologies:" over three independent name lists).
ATTENDANCE_HEADINGS = MEMBER_LABELS | {"apologies", "absent", "in attendance", "also present", "members of the public"}
# A checkbox or bullet printed before an entry is not its text (Google Docs action items).
GLYPHS = re.compile(rf"^[{BULLET_GLYPHS}\u2610\u2611\u2612\u25a1\u2713\u2714\s]+")

# A column's entry: its text and vertical extent.
Entry = tuple[str, float, float]


def word_tables(lines: Sequence[Line], page: int) -> list[Table]:
    """The word-only tables among a page's lines (see the module docstring)."""
    out: list[Table] = []
    i = 0
    while i < len(lines):
        heads = _header(lines[i]) if not (i and _stacked(lines[i - 1], lines[i])) else []
        body = _body(lines[i], lines[i + 1 :], heads) if heads else []
        table = _table(lines[i], heads, body, page) if body else None
        if table is not None:
            out.append(table)
            i += len(body)
        i += 1
    return out


def _header(line: Line) -> list[Phrase]:
    """The header's phrases, or none when the line is not a word table's header."""
    cells = phrases(line) if line.bold else []
    if len(cells) < 2:
        return []
    for text, _, _ in cells:
        words = text.split()
        if (
            len(words) > HEADER_WORDS
            or FIGURE_START.match(text)
            or text.endswith(":")
            or SENTENCE_END.search(text)
            or GLYPHS.match(text)
            or text[:1].islower()
            or text.lower().rstrip(":") in ATTENDANCE_HEADINGS
        ):
            return []
    return cells


def _stacked(upper: Line, line: Line) -> bool:
    """Whether a line is the last of a header stacked over several bold lines ("Real | Rephasing"
    over "Project | Detail" over "Variance | Variance" in a capital monitoring report): a table
    of figures whose header the figures reader reads, not a word table's one-line header."""
    gap = (line.top - upper.bottom) / max(upper.bottom - upper.top, 1.0)
    return upper.bold and gap <= STACKED_GAP_LINES and len(phrases(upper)) >= 2


def _body(header: Line, lines: Sequence[Line], heads: list[Phrase]) -> list[Line]:
    """The lines under the header whose phrases all sit under its columns, or none when the
    table does not end cleanly: a line that fits no column right under a row (no gap, not a bold
    heading) means the columns were misread (a figures table's last header line)."""
    body: list[Line] = []
    above = header
    for line in lines:
        gap = (line.top - above.bottom) / max(above.bottom - above.top, 1.0)
        if line.bold or gap > STREAM_GAP_LINES:
            break
        if not all(_column(p, heads) is not None for p in _cells(line)):
            return []
        body.append(line)
        above = line
    return body


def _cells(line: Line) -> list[Phrase]:
    """The line's phrases without checkbox or bullet glyphs."""
    out = []
    for text, x0, x1 in phrases(line):
        bare = GLYPHS.sub("", text)
        if bare:
            out.append((bare, x0, x1))
    return out


def _column(phrase: Phrase, heads: list[Phrase]) -> int | None:
    """The column a phrase sits under: right of the header phrase before, left of the one after.

    None for a phrase across columns, a field label ("Presenter:"), or a figure right of the first
    column (an item number may head a row): figures make a table of figures, which `stream_tables`
    reads; under a bold header they are a return's "Volunteers | Number" block of two rows.
    """
    text, x0, x1 = phrase
    if text.endswith(":"):
        return None
    fits = [
        j
        for j in range(len(heads))
        if (j == 0 or x0 > heads[j - 1][2]) and (j == len(heads) - 1 or x1 < heads[j + 1][1])
    ]
    if not fits:
        return None
    j = min(fits, key=lambda j: (-_overlap(phrase, heads[j]), abs(heads[j][1] - x0)))
    return None if j and numeric(text) else j


def _overlap(a: Phrase, b: Phrase) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[1], b[1]))


def _entries(body: list[Line], heads: list[Phrase]) -> list[list[Entry]]:
    """Each column's entries top to bottom; a line that continues a wrapped entry is joined to it."""
    cols: list[list[Entry]] = [[] for _ in heads]
    for line in body:
        texts: dict[int, str] = {}
        for phrase in _cells(line):
            j = _column(phrase, heads)
            if j is not None:
                texts[j] = join_cell(texts.get(j, ""), phrase[0])
        height = line.bottom - line.top
        for j, text in texts.items():
            prev = cols[j][-1] if cols[j] else None
            if prev and line.top - prev[2] <= WRAP_LINES * height and _wraps(prev[0], text):
                cols[j][-1] = (join_cell(prev[0], text), prev[1], line.bottom)
            else:
                cols[j].append((text, line.top, line.bottom))
    return cols


def _wraps(text: str, nxt: str) -> bool:
    """Whether the next line carries on an entry: it ends on a small word or a hyphen, leaves a
    bracket open, or the next line starts in lower case."""
    return bool(READS_ON.search(text)) or text.count("(") > text.count(")") or bool(CARRIES_ON.match(nxt))


def _rows(cols: list[list[Entry]]) -> list[list[str]]:
    """The entries as rows, one per entry of the first column (see the module docstring)."""
    keys = cols[0]
    rows = [[text] + [""] * (len(cols) - 1) for text, _, _ in keys]
    for j, entries in enumerate(cols[1:], start=1):
        for k, (text, top, bottom) in enumerate(entries):
            i = k if len(entries) == len(keys) else _nearest(keys, (top + bottom) / 2)
            rows[i][j] = join_cell(rows[i][j], text)
    return rows


def _nearest(keys: list[Entry], mid: float) -> int:
    """The row whose first-column entry is printed nearest a height on the page."""
    return min(range(len(keys)), key=lambda i: max(keys[i][1] - mid, mid - keys[i][2], 0.0))


def _table(header: Line, heads: list[Phrase], body: list[Line], page: int) -> Table | None:
    """The header and body as a table, or None when no row fills two columns."""
    cols = _entries(body, heads)
    if not cols[0]:
        return None
    rows = _rows(cols)
    if not any(sum(1 for c in r if c) >= 2 for r in rows):
        return None
    grid, keep = drop_empty([[text for text, _, _ in heads], *rows])
    if not is_table(grid):
        return None
    return Table(
        page=page,
        x0=min(ln.x0 for ln in (header, *body)),
        top=header.top,
        x1=max(ln.x1 for ln in (header, *body)),
        bottom=max(ln.bottom for ln in body),
        rows=rect(grid),
        method="stream",
        cols=tuple(heads[j][1] for j in keep),
        col_ends=tuple(heads[j][2] for j in keep),
        pages=(page,),
        row_pages=(page,) * len(grid),
    )
