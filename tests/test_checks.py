"""The table and KPI asset checks, on cells as printed in the Kent and seed-pack tables."""

from pathlib import Path

import pandas as pd
from dagster import AssetCheckSeverity

from extractors.document import extract_document
from extractors.pages import read_pdf
from models.extraction import SourceInfo
from pipeline.checks import documents_not_silently_empty, kpi_values_parse, totals_add_up
from store.datasets import frame
from tests.pdfmaker import text_pdf


def _cells(table_id: str, rows: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"table_id": table_id, "row": i, "col": j, "text": t} for i, r in enumerate(rows) for j, t in enumerate(r)]
    )


def test_totals_row_that_adds_up_passes_and_one_that_does_not_is_reported():
    # Seed pack, annual report finance table; and Kent QPR p12, whose total (116) is the
    # rounded sum of rounded rows (117): "Figures may not add up to totals due to rounding".
    budget = _cells(
        "t1",
        [
            ["Financed by", "", ""],
            ["Police grant", "73.393", "74.910"],
            ["Precept", "70.141", "73.449"],
            ["Total income", "143.534", "148.359"],
        ],
    )
    calls = _cells(
        "t2",
        [
            ["Service area", "Jan – Mar 24"],
            ["Adult Social Care", "26"],
            ["Highways", "16"],
            ["Other", "75"],
            ["Total Calls (thousands)", "116"],
        ],
    )
    ok = totals_add_up(budget)
    assert ok.passed and ok.metadata["totals_checked"].value == 2
    bad = totals_add_up(pd.concat([budget, calls]))
    assert not bad.passed and "t2 row 4 col 1: 117 vs 116" in bad.metadata["sample"].value


def test_kpi_check_counts_only_cells_that_start_like_figures():
    kpis = pd.DataFrame(
        {
            "table_id": ["t1"] * 4,
            "value_raw": ["6.3%", "Rolling 12 Month Only", "Nov 2025", "00:01:05"],
            "value": [6.3, None, None, 65.0],
            "unit": ["percent", "text", "text", "seconds"],
        }
    )
    assert kpi_values_parse(kpis).passed
    misread = pd.DataFrame(
        {"table_id": ["t1"] * 2, "value_raw": ["6.3%", "12.3.4"], "value": [6.3, None], "unit": ["percent", "text"]}
    )
    assert not kpi_values_parse(misread).passed


def test_minutes_with_no_attendance_say_so_in_the_data_and_the_check(tmp_path: Path) -> None:
    lines = [
        "Minutes of the meeting of the Parish Council held on 3 March 2025",
        "1 Apologies",
        "None were received.",
        "2 Planning",
        "RESOLVED that the application be supported.",
    ]
    row = extract_document(read_pdf(text_pdf(tmp_path / "m.pdf", lines)), SourceInfo(file_name="m.pdf")).file
    assert (row.kind, row.warnings) == ("minutes", "no attendance")
    assert row.kind_evidence == "title words: 'minutes'"
    result = documents_not_silently_empty(frame("documents", [row]))
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert result.metadata["sample"].value == "m.pdf (minutes): no attendance"


def test_kind_from_structure_when_the_title_says_nothing(tmp_path: Path) -> None:
    # Sutton Coldfield town council committee: the minutes open with the committee's name.
    minutes = ["Amenities, Leisure and Community Services", "Tuesday 13th March 2018", "Present:",
               "Cllrs Hodivala (Chairman), Hewett, Mosson, Passey and Wood.", "52 Apologies for Absence",
               "Cllrs Ives, Ward and Ellis.", "53 Declarations of Interest", "None."]  # fmt: skip
    # Burton-cum-Walden parish council: an agenda issued as a public notice.
    agenda = ["Burton-cum-Walden Parish Council", "PUBLIC NOTICE", "A meeting will be held on 4 November 2025",
              "1. To receive apologies for absence", "2. To receive declarations of interest"]  # fmt: skip
    for lines, kind, why in (
        (minutes, "minutes", "attendance block + numbered items"),
        (agenda, "agenda", "call to a meeting + numbered items"),
    ):
        row = extract_document(read_pdf(text_pdf(tmp_path / "d.pdf", lines)), SourceInfo(file_name="d.pdf")).file
        assert (row.kind, row.kind_evidence) == (kind, why)
    report = ["Highways update", "The Clerk reported on the state of the lanes."]
    named = SourceInfo(file_name="minutes_2019-06-24.pdf")
    assert extract_document(read_pdf(text_pdf(tmp_path / "r.pdf", report)), named).file.kind_evidence == "file name"


def test_attendance_agreement_check_gives_the_figures_and_warns_below_the_bar() -> None:
    from pipeline.checks import attendance_agrees

    agreement = pd.DataFrame(
        {
            "meeting_id": ["ayton-community-council/2009-11-03", "ayton-community-council/2009-12-01"],
            "matched": [9, 2],
            "extracted_only": [0, 1],
            "source_only": [1, 3],
            "precision": [1.0, 0.6667],
            "recall": [0.9, 0.4],
            "disagreements": ["only the council: Michael Cook", "only the council: A; only the council: B"],
        }
    )
    result = attendance_agrees(agreement)
    assert not result.passed
    assert result.metadata["precision"].value == round(11 / 12, 4)
    assert result.metadata["recall"].value == round(11 / 15, 4)
    assert result.metadata["sample"].value.startswith("ayton-community-council/2009-12-01")
