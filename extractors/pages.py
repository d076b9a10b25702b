"""The one module that opens PDFs: files become plain, frozen page objects.

Every other extractor is a pure function of `Page` and `Line`, so it can be tested from a
few lines of text without a PDF. A file that cannot be read becomes a `PdfDocument` with a
`status` and a one-line `error` instead of an exception, so one bad file never stops a run.
"""

from __future__ import annotations

import logging
import re
import zlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from math import inf
from pathlib import Path
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfplumber.utils import extract_text, extract_words
from pdfplumber.utils.exceptions import PdfminerException
from pydantic import BaseModel, ConfigDict, Field

from extractors.grid_cells import MIN_SLOT_COLUMNS, columns, slotted
from extractors.text import clean
from extractors.turning import Turn, quarter_turns, turn, turned_box, turned_object
from extractors.vocab import FIGURE, document_id, sha256_of
from models.vocab import DocumentStatus

log = logging.getLogger(__name__)


class PageSettings(BaseModel):
    """Tolerances for turning characters into lines; each says where it came from."""

    model_config = ConfigDict(frozen=True)

    # Words whose tops differ by less than this sit on one line: superscripts ("13th") in the
    # Kent and Sutton Coldfield minutes ride about 2pt above their line.
    line_tolerance_pt: float = Field(3.0, gt=0)
    # A horizontal gap wider than this splits a line into cells: the two-column substitutes list
    # of the seed agenda has ~40pt gutters, while justified prose gaps stay under 8pt.
    column_gap_pt: float = Field(18.0, gt=0)
    # Running headers and footers live in these bands (share of page height): committee
    # systems stamp "Page N" about 27pt from the bottom of an A4 page (842pt).
    margin_band: float = Field(0.09, gt=0, lt=0.5)
    # A line in the bands that repeats (digits ignored) on this many pages is a running header.
    repeat_min_pages: int = Field(3, ge=2)
    # A file with fewer characters per page than this has no usable text layer (scans).
    min_chars_per_page: float = Field(20.0, ge=0)
    # Larger files are recorded as `too_large` and not parsed: the biggest real pack we have
    # seen is ~25 MB and ~700 pages.
    max_bytes: int = Field(200 * 1024 * 1024, gt=0)
    max_pages: int = Field(2000, gt=0)
    # A page content stream that inflates past this is refused before pdfminer inflates it:
    # pypdf caps decompression at 75 MB by default; real pages inflate to well under 1 MB.
    max_stream_bytes: int = Field(75 * 1024 * 1024, gt=0)
    # Ruled-table search (pdfplumber's lines strategy) runs only on pages with at least this many
    # horizontal and vertical rules: a boxed grid of two rows and two columns has three of each.
    min_table_rules: int = Field(3, ge=2)
    # A vertical rule splits a line into cells when it spans at least this share of the words'
    # height: the Kent revenue plan prints "1,315,610.6 Revised Base" with a rule, not a gap.
    rule_cover: float = Field(0.8, gt=0, le=1)
    # Two figures side by side are two cells when more than a wide space apart: the Kent
    # revenue plan sets right-aligned columns "27,481.5   27,481.5" about 8pt apart.
    figure_gap_pt: float = Field(4.5, gt=0)
    # Letters further apart than the line's usual letter spacing plus this share of the font
    # size are two words, space glyph or not: browser-printed PDFs (cairo) draw no space glyphs,
    # only gaps of ~0.23 em (Souldern's 2023 minutes); letters of a word sit under 0.05 em apart,
    # and a letter-spaced title ("H E R T I N G F O R D B U R Y", Hertingfordbury's agenda) has
    # wide but even gaps, so its usual spacing is wide too.
    word_gap_em: float = Field(0.15, gt=0)
    # Letter spacing is at most this share of the font size (the letter-spaced title above: 0.31
    # em); wider gaps part cells ("£   £   %" headers of the AGAR variances form).
    max_tracking_em: float = Field(0.5, gt=0)


@dataclass(frozen=True)
class Line:
    """One printed line: its text, box, dominant font size and whether it is set in bold."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0
    bold: bool = False
    cells: tuple[str, ...] = ()
    # The (x0, x1) of each cell, or of the whole line when it has one cell.
    spans: tuple[tuple[float, float], ...] = ()
    # Each word with its (x0, x1), for column headers set closer than a cell gap.
    words: tuple[tuple[str, float, float], ...] = ()
    # Quarter turns anticlockwise from the page's reading direction (`turning.quarter_turns`): a
    # line set sideways on the page, such as a pack's "Page 7" stamp beside a landscape table.
    turns: int = 0
    # The text for reading prose, cleaned once here: NFKC, straight quotes and dashes, single
    # spaces. `text` stays as printed, for tables and KPI values.
    plain: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plain", clean(self.text))

    @property
    def parts(self) -> tuple[str, ...]:
        """The line's text split at wide gaps (columns), or the whole text."""
        return self.cells or (self.text,)

    @property
    def boxes(self) -> tuple[tuple[str, float, float], ...]:
        """Each cell's text with its horizontal extent."""
        return tuple(zip(self.parts, (s[0] for s in self.spans), (s[1] for s in self.spans), strict=False)) or (
            (self.text, self.x0, self.x1),
        )


@dataclass(frozen=True)
class Grid:
    """A ruled table as the PDF draws it: cell texts (printed lines joined by newlines) and boxes.

    `cols` holds the left edge of each column, so a table continued on the next page can be
    recognised by its column layout.
    """

    x0: float
    top: float
    x1: float
    bottom: float
    # None marks the continuation of a merged cell; "" an empty cell.
    rows: tuple[tuple[str | None, ...], ...]
    cols: tuple[float, ...] = ()
    method: str = "pdfplumber"


@dataclass(frozen=True)
class Page:
    """A page's body lines with running headers and footers removed."""

    number: int
    lines: tuple[Line, ...]
    width: float = 595.0
    height: float = 842.0
    stamp: int | None = None
    margin_text: tuple[str, ...] = ()
    n_chars: int = 0
    n_images: int = 0
    n_rules: int = 0
    grids: tuple[Grid, ...] = ()

    @property
    def text(self) -> str:
        """The body text, one printed line per text line."""
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class PdfDocument:
    """A PDF read into pages, or the reason it could not be read."""

    path: str
    sha256: str
    status: DocumentStatus
    error: str = ""
    title: str = ""
    page_count: int = 0
    pages: tuple[Page, ...] = field(default=())

    @property
    def document_id(self) -> str:
        """The first 16 hex digits of the file's SHA-256 (DATASETS.md)."""
        return document_id(self.sha256)


PAGE_STAMP = re.compile(r"^(?:page\s*\|?\s*)?(\d{1,4})(?:\s+of\s+\d+)?$", re.I)
# A page number printed alone; it is taken as one only where it fits the page sequence (_numbered).
LONE_NUMBER = re.compile(r"\d{1,4}", re.ASCII)
PAGE_STAMP_WORDED = re.compile(r"\bpage\s*\|?\s*(\d{1,4})(?:\s+of\s+\d+)?\b", re.I)
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)


class TooLarge(Exception):
    """The PDF asks for more than a limit allows; the message names the limit."""


def read_pdf(path: Path, settings: PageSettings | None = None, inspected: PdfDocument | None = None) -> PdfDocument:
    """Read a PDF into pages; never raises for a bad file, but records why it failed.

    `inspected` is the file's `inspect_pdf` result when the caller already has it.
    """
    settings = settings or PageSettings()
    doc = inspected or inspect_pdf(path, settings)
    if doc.status is not DocumentStatus.OK:
        return doc
    try:
        raw = read_pages(path, 1, doc.page_count, settings)
    # read_pages raises whatever pdfminer raises on a mangled stream; unreadable() sorts it.
    except Exception as exc:
        return unreadable(doc, exc)
    return assemble(doc, raw, settings)


def inspect_pdf(path: Path, settings: PageSettings | None = None, sha256: str = "") -> PdfDocument:
    """What can be learnt without reading a page: size, header, encryption, title, page count.

    An `ok` result has no pages yet: `read_pages` reads them (in chunks, perhaps in several
    processes) and `assemble` finishes the document.
    """
    settings = settings or PageSettings()
    sha = sha256 or sha256_of(path)  # the caller (the CLI, the raw store) has usually hashed it already
    size = path.stat().st_size
    if size > settings.max_bytes:
        return _failed(
            path, sha, DocumentStatus.TOO_LARGE, f"file is {size} bytes, over the limit of {settings.max_bytes}"
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        return _failed(path, sha, DocumentStatus.CORRUPT, f"not a PDF file: starts with {_printable(head[:16])!r}")
    doc = PdfDocument(path=str(path), sha256=sha, status=DocumentStatus.OK)
    try:
        with pdfplumber.open(path) as pdf:
            page_count = len(pdf.pages)
            title = str((pdf.metadata or {}).get("Title") or "")
    # As in read_pdf: any pdfminer exception while opening means an unreadable file.
    except Exception as exc:
        return unreadable(doc, exc)
    if page_count == 0:
        return replace(doc, status=DocumentStatus.CORRUPT, error="PDF has no pages", title=title)
    if page_count > settings.max_pages:
        error = f"{page_count} pages, over the limit of {settings.max_pages}"
        return replace(doc, status=DocumentStatus.TOO_LARGE, error=error, title=title, page_count=page_count)
    return replace(doc, title=title, page_count=page_count)


def read_pages(path: Path, first: int, last: int, settings: PageSettings | None = None) -> tuple[Page, ...]:
    """Pages `first`..`last` (1-based, inclusive) as read, margins not yet stripped.

    Each page's parsed objects are let go once it is read, so memory does not grow with the
    page count. Raises `TooLarge` for a content stream that inflates past the cap, and
    pdfminer's own exceptions for a mangled file.
    """
    settings = settings or PageSettings()
    out = []
    with pdfplumber.open(path, pages=list(range(first, last + 1))) as pdf:
        for page in pdf.pages:
            _check_streams(page, settings)
            out.append(_raw_page(page, page.page_number, settings))
            page.close()
    return tuple(out)


def assemble(doc: PdfDocument, raw: Sequence[Page], settings: PageSettings | None = None) -> PdfDocument:
    """The document from all its pages: running headers stripped, scans told apart."""
    settings = settings or PageSettings()
    pages = tuple(_strip_margins(list(raw), settings))
    chars = sum(p.n_chars for p in pages)
    if chars < settings.min_chars_per_page * len(pages):
        error = f"no text layer: {chars} characters on {len(pages)} pages (scanned?); OCR is not run"
        return replace(doc, status=DocumentStatus.NO_TEXT_LAYER, error=error, pages=pages)
    return replace(doc, pages=pages)


def unreadable(doc: PdfDocument, exc: BaseException) -> PdfDocument:
    """The document marked with the status an exception from reading it stands for."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    if isinstance(exc, MemoryError):
        raise exc  # not the file's fault: the worker that read it reports its memory limit
    if isinstance(exc, TooLarge):
        status, error = DocumentStatus.TOO_LARGE, str(exc)
    elif isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError):
        status, error = DocumentStatus.ENCRYPTED, "PDF is encrypted and needs a password"
    elif isinstance(exc, PDFSyntaxError):
        status, error = DocumentStatus.CORRUPT, f"PDF syntax error: {exc}"
    else:
        status, error = DocumentStatus.CORRUPT, f"unreadable PDF: {type(exc).__name__}: {exc}"
    return replace(doc, status=status, error=one_line(error), pages=())


def _failed(path: Path, sha: str, status: DocumentStatus, error: str) -> PdfDocument:
    return PdfDocument(path=str(path), sha256=sha, status=status, error=one_line(error))


BYTES_REPR = re.compile(r"""\bb(['"])(.*?)\1""")


def one_line(text: str) -> str:
    """An error as one short line, with Python's b'...' wrappers taken off quoted bytes."""
    return " ".join(BYTES_REPR.sub(r"'\2'", str(text)).split())[:300]


def _printable(data: bytes) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in data.decode("latin-1"))


def _check_streams(page: pdfplumber.page.Page, settings: PageSettings) -> None:
    """Refuse a page whose content streams inflate past the cap, before pdfminer inflates them."""
    streams = list(page.page_obj.contents)
    xobjects = resolve1((page.page_obj.resources or {}).get("XObject")) or {}
    streams += [
        x for x in map(resolve1, xobjects.values()) if isinstance(x, PDFStream) and _name(x.get("Subtype")) == "Form"
    ]
    cap = settings.max_stream_bytes
    for stream in map(resolve1, streams):
        if isinstance(stream, PDFStream) and _inflated_size(stream, cap) > cap:
            raise TooLarge(f"page {page.page_number}: a content stream inflates past the limit of {cap} bytes")


def _name(value: object) -> str:
    return getattr(value, "name", "")


def _inflated_size(stream: PDFStream, cap: int) -> int:
    """The stream's size once inflated, counted up to just past `cap` (Flate), else as stored."""
    raw = stream.get_rawdata()
    if raw is None:
        return 0  # already decoded by pdfminer, so within what it could hold
    filters = [f for f, _ in stream.get_filters()]
    if not filters or filters[0] not in LITERALS_FLATE_DECODE:
        return len(raw)
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    try:
        return len(zlib.decompressobj().decompress(raw, cap + 1))
    except zlib.error:
        return 0  # pdfminer reports a broken stream itself


def _raw_page(page: pdfplumber.page.Page, number: int, settings: PageSettings) -> Page:
    # Lines and grids are read on the page turned the way most of its text reads, as a reader
    # turns a landscape table printed on a portrait page; text set another way is read in its
    # own direction and placed back on that page.
    upright = _turned_page(page, _main_turns(page.chars))
    lines = _frame_lines(upright, 0, settings)
    sideways = sorted({quarter_turns(c) for c in upright.chars} - {0})
    if sideways:
        lines = sorted(lines + [line for t in sideways for line in _frame_lines(upright, t, settings)], key=_reading)
    edges = upright.edges
    verticals = sum(1 for e in edges if e["orientation"] == "v")
    ruled = min(verticals, len(edges) - verticals) >= settings.min_table_rules
    return Page(
        number=number,
        lines=tuple(lines),
        width=float(upright.width),
        height=float(upright.height),
        n_chars=len(page.chars),
        n_images=len(page.images),
        n_rules=len(page.lines) + len(page.rects),
        grids=tuple(_grids(upright.filter(_not_hidden_space(upright.chars)), settings)) if ruled else (),
    )


def _main_turns(chars: list[dict]) -> int:
    """The direction most of a page's letters read in (`quarter_turns`), upright when it has none."""
    counts = Counter(quarter_turns(c) for c in chars if not c["text"].isspace())
    return counts.most_common(1)[0][0] if counts else 0


def _turned_page(page: pdfplumber.page.Page, turns: int) -> pdfplumber.page.Page:
    """The page with all its objects turned so text set `turns` quarter turns reads upright."""
    if turns == 0:
        return page
    point, bbox = turn(turns, page.bbox)
    out = page.filter(lambda obj: True)  # a derived page whose objects are replaced, as pdfplumber's dedupe_chars does
    out._objects = {
        kind: [turned_object(o, point, turns, bbox[3]) for o in objs] for kind, objs in page.objects.items()
    }
    out.bbox = bbox
    return out


def _frame_lines(page: pdfplumber.page.Page, turns: int, settings: PageSettings) -> list[Line]:
    """Lines of the text set `turns` quarter turns on `page`, read in its own direction, boxes on `page`."""
    turned = _turned_page(page, turns)
    # pdfplumber groups words by its `upright` flag, which misjudges flipped and noisy matrices.
    chars = [c if c["upright"] else {**c, "upright": True} for c in turned.chars if quarter_turns(c) == 0]
    keep = _not_hidden_space(chars)
    # Words split at space glyphs only here; `_split_at_gaps` splits them where letters stand apart.
    words = extract_words([c for c in chars if keep(c)], x_tolerance=inf, return_chars=True, use_text_flow=False)
    verticals = [e for e in turned.edges if e["orientation"] == "v"]
    lines = _lines(words, verticals, settings)
    if turns == 0:
        return lines
    back, _ = turn(4 - turns, turned.bbox)
    return [_turned_line(line, back, turns) for line in lines]


def _turned_line(line: Line, point: Turn, turns: int) -> Line:
    """A line set `turns` quarter turns, moved back onto the page by `point`; cells and words keep their order."""
    x0, top, x1, bottom = turned_box(point, line.x0, line.top, line.x1, line.bottom)

    def across(a: float, b: float) -> tuple[float, float]:
        box = turned_box(point, a, line.top, b, line.bottom)
        return box[0], box[2]

    spans = tuple(across(a, b) for a, b in line.spans)
    words = tuple((text, *across(a, b)) for text, a, b in line.words)
    return replace(line, x0=x0, top=top, x1=x1, bottom=bottom, spans=spans, words=words, turns=turns)


def _reading(line: Line) -> tuple[float, float]:
    return line.top, line.x0


def _not_hidden_space(chars: list[dict]) -> Callable[[dict], bool]:
    """A filter dropping space glyphs drawn over a letter, which split the word they overlap.

    Kent's printed minutes draw two spaces on top of the "A" of "Apologies"; a space that
    starts in the gap after a letter (a tab before "RESOLUTION") still separates words.
    """
    letters: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for c in chars:
        if not c["text"].isspace():
            letters[round(c["top"])].append((c["x0"], c["x1"]))
    for spans in letters.values():
        spans.sort()

    def covered(spans: list[tuple[float, float]], middle: float) -> bool:
        i = bisect_right(spans, (middle, inf)) - 1
        return i >= 0 and spans[i][1] > middle

    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char" or not obj["text"].isspace():
            return True
        # The space may sit a point lower than the letter it covers (WECA's "S chemes in Delivery").
        row, middle = round(obj["top"]), (obj["x0"] + obj["x1"]) / 2
        return not any(covered(letters.get(r, []), middle) for r in (row - 1, row, row + 1))

    return keep


def _grids(page: pdfplumber.page.Page, settings: PageSettings) -> list[Grid]:
    """Ruled tables through pdfplumber's lines strategy, as the PDF draws them; letters apart by
    `word_gap_em` of their size are two words, as in lines ("AS to action", not "AStoaction")."""
    sideways = [c for c in page.chars if quarter_turns(c)]
    grids = []
    for table in page.find_tables():
        rows = tuple(tuple(row) for row in table.extract(x_tolerance_ratio=settings.word_gap_em))
        if not rows:
            continue
        width = max(len(r) for r in rows)
        cols = tuple(
            float(min((cell[0] for row in table.rows if j < len(row.cells) and (cell := row.cells[j])), default=0.0))
            for j in range(width)
        )
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        edges = list(zip(cols, [*cols[1:], x1], strict=True))
        rows = tuple(
            _grid_row(page, row, found.cells, edges, sideways) for row, found in zip(rows, table.rows, strict=True)
        )
        first = table.rows[0]
        heads = [
            _unformed(page, (a, first.bbox[1], b, first.bbox[3])) if _open(cell, first.cells, (a + b) / 2) else cell
            for cell, (a, b) in zip(rows[0], edges, strict=True)
        ]
        rows = (tuple(heads), *rows[1:])
        grids.append(Grid(x0=x0, top=top, x1=x1, bottom=bottom, rows=rows, cols=cols))
    return grids


def _open(text: str | None, cells: Sequence[tuple[float, ...] | None], middle: float) -> bool:
    """Whether a first-row column holds no cell at all: no cell formed there, none merged into it."""
    return text is None and not any(c and c[0] <= middle <= c[2] for c in cells)


def _unformed(page: pdfplumber.page.Page, box: tuple[float, float, float, float]) -> str | None:
    """A first-row cell that pdfplumber leaves out because no rule closes it above or on the left,
    read from the page: the row labels' heading ("Position as at:" over a capital programme's
    boxes), or a row's figures at the top of a page where its top rule is not drawn ("£381,353"
    beside "Avon Fire and Rescue Service"); None when nothing is printed there."""
    chars = _upright_inside(page, box)
    return str(extract_text(chars)) if chars else None


def _upright_inside(page: pdfplumber.page.Page, box: tuple[float, ...]) -> list[dict]:
    """The upright letters inside a cell's box (sideways ones are a stamp or a turned header)."""
    return [c for c in page.chars if not quarter_turns(c) and _inside(c, box)]


def _grid_row(
    page: pdfplumber.page.Page,
    texts: Sequence[str | None],
    cells: Sequence[tuple[float, ...] | None],
    edges: list[tuple[float, float]],
    sideways: list[dict],
) -> tuple[str | None, ...]:
    """A ruled row's cell texts; a cell merged over columns whose rules the band does not draw
    is read column by column (`grid_cells.slotted`)."""
    out = [_cell_text(page, text, cell, sideways) for text, cell in zip(texts, cells, strict=True)]
    for cell in cells:
        covered = columns(edges, cell[0], cell[2]) if cell else []
        if not cell or len(covered) < MIN_SLOT_COLUMNS:
            continue
        words = [(w["text"], w["x0"], w["x1"], w["top"]) for w in extract_words(_upright_inside(page, cell))]
        slots = slotted(words, [edges[j] for j in covered])
        if slots is not None:
            out[covered[0] : covered[-1] + 1] = slots
    return tuple(out)


def _cell_text(
    page: pdfplumber.page.Page, text: str | None, cell: tuple[float, ...] | None, sideways: list[dict]
) -> str | None:
    """A ruled cell's text, read along its letters' baseline when most of them are among `sideways`.

    Budget tables turn column headers to fit narrow columns; pdfplumber reads such a cell as
    reversed or shuffled lines ("tegdub"). Sideways letters in a cell that holds upright ones
    are a stamp printed over it (a pack's "Page 34" down a landscape table's row numbers).
    """
    if cell is None or not any(_inside(c, cell) for c in sideways):
        return text
    chars = [c for c in page.chars if _inside(c, cell)]
    upright = [c for c in chars if not quarter_turns(c)]
    if any(not c["text"].isspace() for c in upright):
        return str(extract_text(upright))  # a cell turned to fit holds no upright letter
    turns = _main_turns(chars)
    point, box = turn(turns, page.bbox)
    return str(extract_text([turned_object(c, point, turns, box[3]) for c in chars]))


def _inside(char: dict, cell: tuple[float, ...]) -> bool:
    """Whether the character's centre lies in the cell, as pdfplumber places a cell's letters."""
    x0, top, x1, bottom = cell
    return x0 <= (char["x0"] + char["x1"]) / 2 < x1 and top <= (char["top"] + char["bottom"]) / 2 < bottom


def _lines(words: list[dict], verticals: list[dict], settings: PageSettings) -> list[Line]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) <= settings.line_tolerance_pt:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [_line(_split_at_gaps(sorted(row, key=lambda w: w["x0"]), settings), verticals, settings) for row in rows]


def _split_at_gaps(words: list[dict], settings: PageSettings) -> list[dict]:
    """Words split where two letters stand apart by more than the line's own letter spacing.

    Browser-printed PDFs draw no space glyphs (Souldern's 2023 minutes), older converters drop
    some ("hadtaken", Ayton's 2009 minutes); letter-spaced text (a letterhead's title and
    address) keeps its wide but even spacing inside words.
    """
    gaps = [(b["x0"] - a["x1"], a["size"]) for word in words for a, b in pairwise(word["chars"])]
    spacing = [gap for gap, size in gaps if gap <= settings.max_tracking_em * size]
    tracking = median(spacing) if spacing else 0.0
    out: list[dict] = []
    for word in words:
        pieces = [[word["chars"][0]]]
        for a, b in pairwise(word["chars"]):
            if _apart(a, b, tracking, settings):
                pieces.append([])
            pieces[-1].append(b)
        out.extend(_word(word, chars) for chars in pieces) if len(pieces) > 1 else out.append(word)
    return out


def _apart(a: dict, b: dict, tracking: float, settings: PageSettings) -> bool:
    """Whether neighbouring characters `a` and `b` belong to two words."""
    if b["x0"] - a["x1"] > tracking + settings.word_gap_em * a["size"]:
        return True
    # A footnote mark set small after a figure ("38¹" in Kent's quarterly report) is no digit of
    # it; a small ordinal ("13th") stays with its number.
    return a["text"].isdigit() and b["text"].isdigit() and abs(a["size"] - b["size"]) > 1


def _word(word: dict, chars: list[dict]) -> dict:
    """Word `word` cut down (or grown) to the characters `chars`."""
    text = "".join(c["text"] for c in chars)
    return {**word, "text": text, "x0": chars[0]["x0"], "x1": chars[-1]["x1"], "chars": chars}


def _ruled_between(left: dict, right: dict, verticals: list[dict], settings: PageSettings) -> bool:
    top, bottom = min(left["top"], right["top"]), max(left["bottom"], right["bottom"])
    need = (bottom - top) * settings.rule_cover
    return any(
        left["x1"] - 1 <= e["x0"] <= right["x0"] + 1 and min(bottom, e["bottom"]) - max(top, e["top"]) >= need
        for e in verticals
    )


def _line(words: list[dict], verticals: list[dict], settings: PageSettings) -> Line:
    # Only rules that cross this line can split it; a ruled page has hundreds of them.
    top, bottom = min(w["top"] for w in words), max(w["bottom"] for w in words)
    verticals = [e for e in verticals if e["top"] < bottom and e["bottom"] > top]
    cells: list[list[str]] = [[words[0]["text"]]]
    spans: list[list[float]] = [[float(words[0]["x0"]), float(words[0]["x1"])]]
    for prev, word in pairwise(words):
        gap = word["x0"] - prev["x1"]
        if (
            gap > settings.column_gap_pt
            or (gap > settings.figure_gap_pt and FIGURE.match(prev["text"]) and FIGURE.match(word["text"]))
            or _ruled_between(prev, word, verticals, settings)
        ):
            cells.append([])
            spans.append([float(word["x0"]), float(word["x1"])])
        cells[-1].append(word["text"])
        spans[-1][1] = float(word["x1"])
    chars = [c for w in words for c in w["chars"] if not c["text"].isspace()]
    bold = sum(1 for c in chars if BOLD_FONT.search(c.get("fontname") or ""))
    sizes = Counter(round(float(c["size"]), 1) for c in chars)
    texts = tuple(" ".join(c) for c in cells)
    return Line(
        text=" ".join(texts),
        x0=float(words[0]["x0"]),
        top=float(top),
        x1=float(max(w["x1"] for w in words)),
        bottom=float(bottom),
        size=sizes.most_common(1)[0][0] if sizes else 10.0,
        bold=bool(chars) and bold * 2 > len(chars),
        cells=texts if len(texts) > 1 else (),
        spans=tuple((a, b) for a, b in spans) if len(texts) > 1 else (),
        words=tuple((w["text"], round(float(w["x0"]), 1), round(float(w["x1"]), 1)) for w in words),
    )


def _in_margin(line: Line, page: Page, settings: PageSettings) -> bool:
    if any(_in_grid(line, grid) for grid in page.grids):
        return False  # a table's header row repeated on each page is the table's, not a running header
    if line.turns % 2:
        # A sideways line's own top and bottom are the page's sides: a ModernGov pack stamps
        # "Page 7" at the foot of the sheet, which is beside a landscape page's table.
        band = page.width * settings.margin_band
        return line.x1 < band or line.x0 > page.width - band
    band = page.height * settings.margin_band
    return line.bottom < band or line.top > page.height - band


def _in_grid(line: Line, grid: Grid) -> bool:
    """Whether an upright line sits inside a ruled table of two rows and two columns at least."""
    mid = (line.top + line.bottom) / 2
    inside = grid.x0 <= line.x0 and line.x1 <= grid.x1 and grid.top <= mid <= grid.bottom
    return inside and not line.turns and len(grid.rows) >= 2 and len(grid.cols) >= 2


def _margin_key(text: str) -> str:
    """A margin line with its numbers generalised ("Page #"); a lone number stays itself, so that
    a year repeated on each page is a running footer and page numbers are told by their sequence."""
    text = text.lower().strip()
    return text if LONE_NUMBER.fullmatch(text) else re.sub(r"\d+", "#", text)


def _numbered(margins: dict[int, list[Line]]) -> set[tuple[int, int]]:
    """The (page, number) pairs of lone margin numbers that fit a page sequence: the page before
    or after prints the number before or after, or the number is the page's own. A header's year
    set at the foot of a page ("2024" over the next page's figures) fits none and stays text."""
    found = {
        (number, int(line.text))
        for number, lines in margins.items()
        for line in lines
        if LONE_NUMBER.fullmatch(line.text.strip())
    }
    return {(p, n) for p, n in found if p == n or (p - 1, n - 1) in found or (p + 1, n + 1) in found}


def _strip_margins(pages: list[Page], settings: PageSettings) -> list[Page]:
    """Drop page stamps and running headers/footers, keeping the printed page number."""
    flags = {page.number: [_in_margin(line, page, settings) for line in page.lines] for page in pages}
    margins = {p.number: [ln for ln, m in zip(p.lines, flags[p.number], strict=True) if m] for p in pages}
    seen = Counter(key for lines in margins.values() for key in {_margin_key(line.text) for line in lines})
    repeated = {key for key, n in seen.items() if n >= settings.repeat_min_pages}
    numbered = _numbered(margins)
    out = []
    for page in pages:
        body, margin, stamp = [], [], None
        for line, in_margin in zip(page.lines, flags[page.number], strict=True):
            text = line.text.strip()
            match = PAGE_STAMP.match(text) if in_margin else None
            if match and LONE_NUMBER.fullmatch(text) and (page.number, int(match[1])) not in numbered:
                match = None
            if match or (in_margin and _margin_key(line.text) in repeated):
                margin.append(line.text)
                worded = match or PAGE_STAMP_WORDED.search(line.text)
                if worded and stamp is None:
                    stamp = int(worded.group(1))
            else:
                body.append(line)
        out.append(replace(page, lines=tuple(body), stamp=stamp, margin_text=tuple(margin)))
    return out


@dataclass(frozen=True)
class CamelotTable:
    """A table as Camelot reads it, in pdfplumber's top-down coordinates: raw cell texts per row."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]
    flavor: str
    # The left edge of each column, as `Grid.cols`.
    cols: tuple[float, ...] = ()


# Camelot's options per flavor: lattice and hybrid take ruled lines from the PDF's vector graphics
# (`engine="vector"`), so no page is rendered and no Ghostscript is needed. Letters group into
# text runs within half a letter's width (pdfminer's char_margin; Camelot's 1.0 split "P rovider"
# and joined "Millmead Margate" across a rule in Kent's record of decision): cell F1 on the
# tables-* labels' pages +0.01 for both flavors.
CAMELOT_LAYOUT = {"char_margin": 0.5}
CAMELOT_OPTIONS: dict[str, dict[str, object]] = {
    "lattice": {"engine": "vector", "layout_kwargs": CAMELOT_LAYOUT},
    "hybrid": {"engine": "vector", "layout_kwargs": CAMELOT_LAYOUT},
}


def camelot_tables(path: Path, flavors: dict[int, str]) -> list[CamelotTable]:
    """Camelot's tables on each page given (page number -> flavor); a page Camelot fails on is logged and skipped.

    The pages of one flavor are read in one call (a call per page costs ~40% more, opening the
    file each time); when that call fails, page by page, to keep the pages it does read.
    """
    found: list[CamelotTable] = []
    for flavor in sorted(set(flavors.values())):
        numbers = sorted(n for n, f in flavors.items() if f == flavor)
        # Camelot raises whatever its parsers meet (a ZeroDivisionError on Bristol's forward plan).
        try:
            found += _camelot_read(path, numbers, flavor)
            continue
        except Exception:
            pass  # read again page by page below, to find the page at fault
        for number in numbers:
            try:
                found += _camelot_read(path, [number], flavor)
            except Exception as exc:
                log.warning(
                    one_line(f"{path.name} page {number}: camelot {flavor} failed: {type(exc).__name__}: {exc}")
                )
    return sorted(found, key=lambda t: (t.page, t.top))


def _camelot_read(path: Path, numbers: list[int], flavor: str) -> list[CamelotTable]:
    import warnings

    import camelot  # imported here: it loads OpenCV and pandas, which only this engine needs

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no tables found on page" and the like, one per page
        tables = camelot.read_pdf(
            str(path), pages=",".join(map(str, numbers)), flavor=flavor, **CAMELOT_OPTIONS.get(flavor, {})
        )
    found = []
    for table in tables:
        x0, y0, x1, y1 = (float(v) for v in table._bbox)
        height = float(table.pdf_size[1])
        rows = tuple(tuple(str(c.text) for c in row) for row in table.cells)
        cols = tuple(float(left) for left, _ in table.cols)
        found.append(CamelotTable(int(table.page), x0, height - y1, x1, height - y0, rows, flavor, cols))
    return found
