"""Page stamps and running headers: what the margins hold is not body text, and a lone number in
the margin is a page number only when it fits the page sequence."""

from __future__ import annotations

from extractors.pages import Line, Page, PageSettings, _strip_margins

A4 = (595.3, 841.9)


def _page(number: int, *lines: tuple[str, float]) -> Page:
    body = Line("Revenue budget monitoring: the forecast outturn by directorate", 56.7, 300.0, 480.0, 311.0)
    placed = [Line(text, 280.0, top, 315.0, top + 11.0) for text, top in lines]
    return Page(number, (body, *placed), width=A4[0], height=A4[1])


def test_a_number_that_fits_the_page_sequence_is_the_page_number() -> None:
    pages = _strip_margins([_page(n, (str(n + 1), 800.0)) for n in (1, 2, 3)], PageSettings())
    assert [(p.stamp, p.margin_text) for p in pages] == [(2, ("2",)), (3, ("3",)), (4, ("4",))]


def test_a_year_at_the_foot_of_a_page_is_not_its_page_number() -> None:
    # A table's header set at the foot of a page ("2024" over the next page's figures) is in the
    # bottom margin band, beside the real page number.
    pages = [_page(1, ("1", 810.0)), _page(2, ("2024", 785.0), ("2", 810.0)), _page(3, ("3", 810.0))]
    second = _strip_margins(pages, PageSettings())[1]
    assert (second.stamp, second.margin_text) == (2, ("2",))
    assert "2024" in [line.text for line in second.lines]


def test_a_report_numbered_on_its_own_inside_a_pack_loses_both_numbers() -> None:
    # A ModernGov pack stamps "Page 7" on each sheet; the report inside prints its own "1", "2".
    pages = [_page(n, (f"Page {n + 6}", 820.0), (str(n - 4), 790.0)) for n in (5, 6)]
    for page in _strip_margins(pages, PageSettings()):
        assert page.stamp == page.number + 6
        assert [line.text for line in page.lines] == ["Revenue budget monitoring: the forecast outturn by directorate"]


def test_the_one_page_of_a_short_document_keeps_its_number_out_of_the_text() -> None:
    page = _strip_margins([_page(1, ("1", 810.0))], PageSettings())[0]
    assert (page.stamp, page.margin_text) == (1, ("1",))
