"""Golden tests: real PDFs against reviewed expected records in tests/golden/*.json.

Refresh with `pytest --update-golden` and review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.document import SourceInfo, extract_document
from tests.conftest import DATA, SEED_PACK, read_cached

GOLDEN = Path(__file__).parent / "golden"
DATASETS = ("documents", "meetings", "agenda_items", "memberships", "minute_items", "attendance", "decisions")
# Columns that change with the checkout (file times), not with extraction.
VOLATILE = {"retrieved_at", "extractor_version"}
CASES = {
    "seed_pack": SEED_PACK,
    "kent_cabinet_minutes": DATA / "uk_kent_cabinet_2025-01-30_printed_minutes.pdf",
    "kent_cabinet_agenda_frontsheet": DATA / "uk_kent_cabinet_2025-01-30_agenda_frontsheet.pdf",
    "bristol_transport_minutes": DATA / "uk_bristol_transport_connectivity_cttee_2024-09-12_printed_minutes.pdf",
}
SUTTON = DATA / "uk_sutton_coldfield_tc_amenities_cttee_2018-03-13_minutes.pdf"


def records(path: Path) -> dict[str, list[dict]]:
    extraction = extract_document(read_cached(path), SourceInfo(file_name=path.name))
    return {
        name: [{k: v for k, v in r.model_dump(mode="json").items() if k not in VOLATILE} for r in extraction.rows[name]]
        for name in DATASETS
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_golden: bool) -> None:
    got = records(CASES[case])
    path = GOLDEN / f"{case}.json"
    if update_golden:
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for name in DATASETS:
        assert got[name] == expected[name], f"{case}: {name} differs from {path.name}"


def test_seed_pack_facts() -> None:
    """Facts checked by eye against the pack's pages, independent of the golden files."""
    got = records(SEED_PACK)
    sections = [(d["kind"], d["first_page"], d["last_page"]) for d in got["documents"][1:]]
    assert sections == [
        ("agenda", 1, 4),
        ("minutes", 7, 15),
        ("report", 17, 33),
        ("report", 35, 35),
        ("report", 37, 62),
        ("work_plan", 63, 63),
    ]
    left = {a["name"]: a["left_at"] for a in got["attendance"] if a["left_at"]}
    assert set(left.values()) == {"12:30"} and len(left) == 2
    assert {m["kind"] for m in got["memberships"]} == {"member", "substitute"}


def test_kent_minutes_attendance() -> None:
    got = records(CASES["kent_cabinet_minutes"])
    present = [a for a in got["attendance"] if a["status"] == "present"]
    assert present[0]["name"] == "R W Gough" and present[0]["role"] == "Chairman"
    remote = {a["name"] for a in got["attendance"] if a["remote"]}
    assert "S Jones" in remote
    assert got["decisions"] and all(d["text"].startswith("RESOLVED") for d in got["decisions"])


def test_bristol_movers_resolve_to_attendees() -> None:
    got = records(CASES["bristol_transport_minutes"])
    attendees = {a["name"] for a in got["attendance"]}
    movers = {d[k] for d in got["decisions"] for k in ("proposer", "seconder") if d[k]}
    assert "Ed Plowden" in movers
    assert movers <= attendees


def test_sutton_coldfield_minutes_facts() -> None:
    """Facts read off the PDF's first page: a town council committee's minutes on its own template."""
    got = records(SUTTON)
    assert got["documents"][0]["kind"] == "minutes"
    [meeting] = got["meetings"]
    assert (meeting["body"], meeting["date"]) == ("Amenities, Leisure and Community Services", "2018-03-13")
    present = {a["name"] for a in got["attendance"] if a["status"] == "present"}
    assert present == {"Hodivala", "Hewett", "Mosson", "Passey", "Wood"}
    apologies = {a["name"] for a in got["attendance"] if a["status"] == "apologies"}
    assert apologies == {"Ives", "Ward", "Ellis"}
    assert [i["item_number"] for i in got["minute_items"]][:4] == ["52", "53", "54", "55"]


def test_bristol_minutes_title_as_printed() -> None:
    got = records(CASES["bristol_transport_minutes"])
    assert got["documents"][0]["title"] == "Minutes of the Transport and Connectivity Policy Committee"
