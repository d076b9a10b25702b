"""Welsh-language minutes read like their English twins.

The corpus holds no Welsh-language minutes yet, so these lines are written from the vocabulary
bilingual councils use (PRESENNOL, YMDDIHEURIADAU, PENDERFYNWYD, "Cynigiwyd gan ... ac eiliwyd
gan ...", Welsh months and ordinals), laid out like Tintern Community Council's English minutes.
"""

from __future__ import annotations

from extractors.document import infer_council
from extractors.minutes import read_minutes
from extractors.pages import Page
from extractors.segment import classify
from models.vocab import AttendanceStatus, DocumentKind
from tests.conftest import placed

WELSH_MINUTES = """
CYNGOR CYMUNED TYNDYRN
COFNODION cyfarfod o'r Cyngor a gynhaliwyd nos Lun 24ain Mehefin 2019
PRESENNOL: Cyng. Hayward (Cadeirydd), Cyng. Hillard, Cyng. Evans
YMDDIHEURIADAU: Cyng. Cobb
**2709. Adroddiad yr Heddlu
Dim adroddiad.
**2713. Cofnodion y cyfarfod diwethaf
Cynigiwyd gan Cyng. Evans ac eiliwyd gan Cyng. Hillard.
PENDERFYNWYD: cymeradwyo cofnodion y cyfarfod a gynhaliwyd ar 20fed Mai 2019.
"""


def _page() -> Page:
    return Page(number=1, lines=tuple(p.line for p in placed(WELSH_MINUTES)))


def test_kind_council_and_date() -> None:
    page = _page()
    assert classify(page.lines) is DocumentKind.MINUTES
    assert infer_council([page]) == "Cyngor Cymuned Tyndyrn"
    assert read_minutes([page]).meeting.date == "2019-06-24"


def test_items_attendance_and_decision_with_movers() -> None:
    minutes = read_minutes([_page()])
    assert [i.item_number for i in minutes.items] == ["2709", "2713"]
    status = {a.name: a.status for a in minutes.attendance}
    assert status == {
        "Hayward": AttendanceStatus.PRESENT,
        "Hillard": AttendanceStatus.PRESENT,
        "Evans": AttendanceStatus.PRESENT,
        "Cobb": AttendanceStatus.APOLOGIES,
    }
    (decision,) = minutes.decisions
    assert decision.item_number == "2713"
    assert "cymeradwyo cofnodion" in decision.text
    assert (decision.proposer, decision.seconder) == ("Cyng. Evans", "Cyng. Hillard")
