"""The text layer as a reader sees it: words rebuilt from letters where PDFs lose or add spaces."""

from __future__ import annotations

import pytest

from extractors.pages import read_pages
from tests.conftest import DATA


def _lines(name: str, page: int) -> list[str]:
    return [line.text for p in read_pages(DATA / name, page, page) for line in p.lines]


@pytest.mark.parametrize(
    ("name", "page", "printed"),
    [
        # Printed from Firefox: no space glyphs at all, only gaps between the words.
        ("uk_souldern_pc_2023-09-28_minutes_browser_print_nospaces.pdf", 1, "Apologies had been received from Nick"),
        ("uk_souldern_pc_2023-09-28_minutes_browser_print_nospaces.pdf", 1, "MINUTES OF THE SOULDERN PARISH COUNCIL"),
        # Two space glyphs drawn over the "A" of a bold heading.
        ("uk_kent_county_council_2025-02-13_printed_minutes_budget.pdf", 1, "286. Apologies for Absence"),
        # Initials keep their spaces: they are space glyphs, not gaps.
        ("uk_kent_county_council_2025-02-13_printed_minutes_budget.pdf", 1, "Mr N J D Chard"),
        # A converter that dropped some spaces but kept the gaps.
        ("uk_scotland_ayton_cc_2009-11-03_minutes.pdf", 1, "had taken place at the"),
        # A letter-spaced letterhead: wide even gaps inside words, space glyphs between them.
        ("uk_hertingfordbury_pc_2017-10-11_agenda.pdf", 1, "HERTINGFORDBURY PARISH COUNCIL"),
        ("uk_hertingfordbury_pc_2017-10-11_agenda.pdf", 1, "22 FIRS WALK, TEWIN, HERTS"),
        # A small ordinal stays with its number.
        ("uk_kent_cabinet_2025-01-30_printed_minutes.pdf", 1, "held on 29th January 2025"),
    ],
)
def test_words_read_as_printed(name: str, page: int, printed: str) -> None:
    assert any(printed in line for line in _lines(name, page)), printed


def test_a_ruled_tables_cells_are_spaced_as_its_lines() -> None:
    """Souldern's browser print: the action list's cells, like its prose, have gaps for spaces."""
    [page] = read_pages(DATA / "uk_souldern_pc_2023-09-28_minutes_browser_print_nospaces.pdf", 1, 1)
    cells = [cell for grid in page.grids for row in grid.rows for cell in row if cell]
    assert "AS to action 20mph limit" in cells


def test_footnote_mark_is_not_a_digit_of_its_figure() -> None:
    """Kent's quarterly report: "17 of the 38¹ indicators" must not read 381 indicators."""
    lines = _lines("uk_kent_cabinet_2025-03-04_quarterly_performance_report_Q3.pdf", 3)
    assert any("of the 38 1 indicators" in line for line in lines)


def test_every_page_of_the_browser_print_has_spaced_words() -> None:
    pages = read_pages(DATA / "uk_souldern_pc_2023-09-28_minutes_browser_print_nospaces.pdf", 1, 5)
    words = [w for p in pages for line in p.lines for w in line.text.split()]
    assert max(len(w) for w in words if w.isalpha()) < 20
