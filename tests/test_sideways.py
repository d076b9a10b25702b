"""Sideways text: a page printed turned reads as a reader turning the page reads it.

Turned copies of real table pages are made at test time with pypdf, either by drawing the
page's content through a rotating `cm` matrix on a page of swapped size (a landscape table
printed on a portrait page) or by a /Rotate attribute, and must give the lines and ruled grids
of the upright original.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject

from extractors.pages import Page, read_pages, read_pdf
from extractors.tables import read_tables
from extractors.turning import quarter_turns, turn
from tests.conftest import DATA, SEED_PACK
from tests.pdfmaker import one_page_pdf, text_pdf

REVENUE = DATA / "uk_kent_county_council_2025-02-13_3yr_revenue_plan.pdf"
# Pages 4 and 9 of Kent's budget amendments pack: "This page is intentionally left blank" set
# reading down a landscape page, and a landscape revenue plan whose pack stamp "Page 7" reads
# down its left edge (the foot of the sheet as the pack is held).
PACK = DATA / "uk_kent_county_council_2025-02-13_budget_amendments_pp4_9.pdf"


def _turned(page: PageObject, how: str) -> PageObject:
    """`page` (box at the origin) drawn turned: 'cm90'/'cm180'/'cm270' anticlockwise in its content, or '/Rotate 90'."""
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    if how == "/Rotate 90":
        return page.rotate(90)
    degrees = int(how.removeprefix("cm"))
    shift = {90: (h, 0.0), 180: (w, h), 270: (0.0, w)}[degrees]
    page.add_transformation(Transformation().rotate(degrees).translate(*shift))
    box = RectangleObject([0, 0, h, w] if degrees != 180 else [0, 0, w, h])
    page.mediabox = page.cropbox = box
    return page


def _copy(src: Path, number: int, out: Path, how: str = "") -> Path:
    writer = PdfWriter()
    page = writer.add_page(PdfReader(src).pages[number - 1])  # pypdf edits content only of a writer's pages
    if how:
        _turned(page, how)
    writer.write(out)
    return out


def _read(path: Path) -> Page:
    return read_pages(path, 1, 1)[0]


TURNS = ["cm90", "cm180", "cm270", "/Rotate 90"]


@pytest.mark.parametrize("how", TURNS)
@pytest.mark.parametrize(("src", "number"), [(SEED_PACK, 25), (REVENUE, 1)])
def test_turned_table_page_reads_as_upright_original(tmp_path: Path, src: Path, number: int, how: str) -> None:
    upright = _read(_copy(src, number, tmp_path / "upright.pdf"))
    turned = _read(_copy(src, number, tmp_path / "turned.pdf", how))
    assert [line.text for line in turned.lines] == [line.text for line in upright.lines]
    assert [line.cells for line in turned.lines] == [line.cells for line in upright.lines]
    assert [g.rows for g in turned.grids] == [g.rows for g in upright.grids]
    assert (turned.width, turned.height) == pytest.approx((upright.width, upright.height))
    for a, b in zip(turned.lines, upright.lines, strict=True):
        assert (a.x0, a.top, a.x1, a.bottom, a.size) == pytest.approx((b.x0, b.top, b.x1, b.bottom, b.size), abs=0.5)


@pytest.mark.parametrize("how", ["cm90", "cm270"])
def test_landscape_money_table_printed_sideways_reads_as_printed(tmp_path: Path, how: str) -> None:
    """The revenue plan's table, drawn sideways on a portrait page, gives the upright page's tables."""
    upright = read_tables([_read(_copy(REVENUE, 1, tmp_path / "upright.pdf"))])
    turned = read_tables([_read(_copy(REVENUE, 1, tmp_path / "turned.pdf", how))])
    assert upright and [t.rows for t in turned] == [t.rows for t in upright]


def test_both_sources_hold_what_the_turned_test_needs() -> None:
    """The seed page has a ruled grid and the revenue plan page a wide money table, so both paths are tried."""
    seed, revenue = read_pages(SEED_PACK, 25, 25)[0], read_pages(REVENUE, 1, 1)[0]
    assert seed.grids and revenue.width > revenue.height
    assert any("£" in line.text or "000" in line.text for line in revenue.lines)


def test_real_page_set_reading_down_is_one_line() -> None:
    page = read_pages(PACK, 1, 1)[0]
    assert [line.text for line in page.lines] == ["This page is intentionally left blank"]
    assert page.number == 1 and page.width < page.height  # the landscape page, turned to read it
    assert page.lines[0].size == pytest.approx(14.0, abs=0.5)


def test_sideways_pack_stamp_is_the_page_number_not_table_text() -> None:
    page = read_pdf(PACK).pages[1]
    assert (page.number, page.stamp, page.margin_text) == (2, 7, ("Page 7",))
    # The stamp's letters once stood as one-letter lines and ran into the rows beside them.
    assert not any(len(line.text) == 1 or re.match(r"[Pag]-?\d", line.text) for line in page.lines)
    assert "209,578.3 -9,380.7 200,197.6 TOTAL SPENDING" in page.text


def _overlay(base: Path, label: Path, out: Path, degrees: int) -> Path:
    """`label`'s page (A4, text near its top) turned by `degrees` and drawn over `base`'s A4 page."""
    writer = PdfWriter()
    page = writer.add_page(PdfReader(base).pages[0])
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    # The label's top edge lands on the page's left edge (90°) or right edge (270°).
    shift = {90: (h, 0.0), 270: (w - h, w)}[degrees]
    page.merge_transformed_page(PdfReader(label).pages[0], Transformation().rotate(degrees).translate(*shift))
    writer.write(out)
    return out


@pytest.mark.parametrize("degrees", [90, 270])
def test_sideways_region_on_upright_page_reads_in_its_own_direction(tmp_path: Path, degrees: int) -> None:
    """Mostly upright text keeps its lines; a sideways header set beside it is read along its baseline."""
    body = [f"Item {i}. The Panel noted the report of the Commissioner." for i in range(1, 30)]
    base = text_pdf(tmp_path / "base.pdf", body)
    # The label's own page is drawn turned: its text lands near the page's left or right edge.
    label = text_pdf(tmp_path / "label.pdf", ["Net budget 2025-26 £000s"])
    page = _read(_overlay(base, label, tmp_path / "mixed.pdf", degrees))
    texts = [line.text for line in page.lines]
    assert "Net budget 2025-26 £000s" in texts
    assert [t for t in texts if t != "Net budget 2025-26 £000s"] == body
    side = page.lines[texts.index("Net budget 2025-26 £000s")]
    assert side.turns == degrees // 90
    # Placed on the page as printed: tall and narrow, by the left or right edge.
    assert side.bottom - side.top > side.x1 - side.x0
    assert 0 < side.x0 < side.x1 < page.width and 0 < side.top < side.bottom < page.height
    assert (side.x1 < page.width / 2) == (degrees == 90)


@pytest.mark.parametrize("how", ["cm90", "cm270"])
def test_upright_label_on_turned_page_reads_in_its_own_direction(tmp_path: Path, how: str) -> None:
    """A page mostly set sideways is turned; an upright stamp on it is still read left to right."""
    turned = _copy(REVENUE, 1, tmp_path / "turned.pdf", how)
    writer = PdfWriter()
    page = writer.add_page(PdfReader(turned).pages[0])
    page.merge_page(PdfReader(text_pdf(tmp_path / "stamp.pdf", ["Appendix 2"])).pages[0])
    writer.write(tmp_path / "stamped.pdf")
    texts = [line.text for line in _read(tmp_path / "stamped.pdf").lines]
    upright = [line.text for line in _read(_copy(REVENUE, 1, tmp_path / "upright.pdf")).lines]
    assert "Appendix 2" in texts
    assert [t for t in texts if t != "Appendix 2"] == upright


@pytest.mark.parametrize(("matrix", "turns"), [((1, 0, 0, 1), 0), ((0, 1, -1, 0), 1), ((-1, 0, 0, -1), 2)])
def test_quarter_turns_from_the_baseline(matrix: tuple[int, int, int, int], turns: int) -> None:
    assert quarter_turns({"matrix": (*matrix, 0, 0)}) == turns
    # Rounding noise and a flipped glyph (d < 0) do not change the reading direction.
    assert quarter_turns({"matrix": (1, 0, 0, -1, 0, 0)}) == 0
    assert quarter_turns({"matrix": (-1.8e-16, -1.0, 1.0, -1.8e-16, 0, 0)}) == 3


@pytest.mark.parametrize("turns", [1, 2, 3])
def test_turning_back_is_the_identity(turns: int) -> None:
    forward, box = turn(turns, (0.0, 0.0, 595.0, 842.0))
    back, home = turn(4 - turns, box)
    assert home == (0.0, 0.0, 595.0, 842.0)
    assert back(*forward(100.0, 700.0)) == pytest.approx((100.0, 700.0))


def _grid_pdf(path: Path, reading_up: bool) -> Path:
    """A ruled two-by-two table whose second header ("Net budget" over "2025-26") is turned to fit its column."""
    rules = b"0.5 w 72 700 m 260 700 l S 72 620 m 260 620 l S 72 600 m 260 600 l S"
    rules += b" 72 600 m 72 700 l S 200 600 m 200 700 l S 260 600 m 260 700 l S"
    if reading_up:  # baselines run up the page, the second line to the right of the first
        head = b"BT /F1 10 Tf 0 1 -1 0 228 630 Tm (Net budget) Tj 0 1 -1 0 242 630 Tm (2025-26) Tj ET"
    else:  # baselines run down the page, the second line to the left of the first
        head = b"BT /F1 10 Tf 0 -1 1 0 232 690 Tm (Net budget) Tj 0 -1 1 0 218 690 Tm (2025-26) Tj ET"
    body = b"BT /F1 10 Tf 80 650 Td (Service) Tj ET BT /F1 10 Tf 80 606 Td (Libraries) Tj 130 0 Td (1,234) Tj ET"
    return one_page_pdf(path, b"\n".join([rules, head, body]))


@pytest.mark.parametrize("reading_up", [True, False])
def test_turned_column_header_in_a_ruled_table_reads_along_its_baseline(tmp_path: Path, reading_up: bool) -> None:
    page = _read(_grid_pdf(tmp_path / "grid.pdf", reading_up))
    assert [g.rows for g in page.grids] == [(("Service", "Net budget\n2025-26"), ("Libraries", "1,234"))]
    texts = [line.text for line in page.lines]
    assert "Net budget" in texts and "2025-26" in texts and "Libraries 1,234" in texts
