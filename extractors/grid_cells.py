"""Ruled cells merged over columns because the band they sit in draws no column rules.

Pure functions of printed words, so `pages.py`, the one module that opens PDFs, only finds the
words; tests build them from text.

A shaded header bar or a coloured TOTAL bar is often drawn as one cell over the whole row,
its column rules left out; it still holds one phrase per column, and `slotted` puts its words
in the columns of the rows around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.vocab import FIGURE

# A word as printed: text, x0, x1, top.
Word = tuple[str, float, float, float]
# A column's left and right edges.
Edge = tuple[float, float]

# A merged cell is read column by column only when it covers at least this many columns: a label
# and a value merged over two are one phrase.
MIN_SLOT_COLUMNS = 3
# Words may overhang a column's edge by this much: a header word set flush with its cell's rule.
EDGE_SLACK_PT = 1.0
# Words whose tops differ by less than this are one printed line (as `PageSettings.line_tolerance_pt`).
LINE_TOLERANCE_PT = 3.0


def columns(edges: Sequence[Edge], x0: float, x1: float) -> list[int]:
    """The columns a cell from x0 to x1 covers."""
    return [j for j, (a, b) in enumerate(edges) if a >= x0 - EDGE_SLACK_PT and b <= x1 + EDGE_SLACK_PT]


def slotted(words: Sequence[Word], edges: Sequence[Edge]) -> list[str] | None:
    """A merged cell's text per column it covers, or None when it is one phrase (a caption, prose).

    Each printed line is cut where a column edge falls between two words; each piece goes to the
    column it starts in. The cell is a row of the table when either
    * no word crosses an edge and the pieces fill half the columns, three at least (a header bar:
      "Row Ref | MTFP Category | ... | 2025-26 / £000's" in Kent's reserves schedule), or
    * after a first piece (a label, which may run over the edges) come two or more figures, one
      per column (a TOTAL bar: "TOTAL DRAWDOWNS FROM RESERVES  -25,598  -9,162  -292").
    A caption bar ("Budget Amendment Form") and a paragraph cross the edges and hold no figures.
    """
    if len(edges) < MIN_SLOT_COLUMNS or not words:
        return None
    pieces = [piece for line in _lines(words) for piece in _cut(line, edges)]
    texts = ["" for _ in edges]
    for j, piece in pieces:
        texts[j] = "\n".join(filter(None, [texts[j], " ".join(w[0] for w in piece)]))
    within = all(_column(w, edges) is not None for w in words)
    filled = sum(1 for t in texts if t)
    if within and filled >= max(MIN_SLOT_COLUMNS, len(edges) / 2):
        return texts
    figures = [" ".join(w[0] for w in piece) for _, piece in pieces[1:]]
    if len(figures) >= 2 and len(pieces) == filled and all(FIGURE.match(f) for f in figures):
        return texts
    return None


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """The words grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w[3], w[1])):
        if lines and abs(word[3] - lines[-1][0][3]) <= LINE_TOLERANCE_PT:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w[1]) for line in lines]


def _cut(line: list[Word], edges: Sequence[Edge]) -> list[tuple[int, list[Word]]]:
    """A printed line cut where a column edge falls between two words, each piece with its column."""
    pieces: list[tuple[int, list[Word]]] = []
    for word in line:
        j = _start(word, edges)
        if pieces and j == _start(pieces[-1][1][-1], edges):
            pieces[-1][1].append(word)
        elif pieces and _column(word, edges) is None and _column(pieces[-1][1][-1], edges) is None:
            pieces[-1][1].append(word)  # a label running on over the edges
        else:
            pieces.append((j, [word]))
    return pieces


def _start(word: Word, edges: Sequence[Edge]) -> int:
    """The column the word starts in."""
    return max((j for j, (a, _) in enumerate(edges) if word[1] >= a - EDGE_SLACK_PT), default=0)


def _column(word: Word, edges: Sequence[Edge]) -> int | None:
    """The column the word lies in, None when it crosses an edge."""
    j = _start(word, edges)
    return j if word[2] <= edges[j][1] + EDGE_SLACK_PT else None
