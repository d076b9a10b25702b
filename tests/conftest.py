"""Shared fixtures: real PDFs read once per session, and a helper to build lines from text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractors.headings import Placed
from extractors.pages import Line, PdfDocument, read_pdf

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
SEED_PACK = ROOT / "raw_pdfs" / "samples" / "wiltshire-police-and-crime-panel-2024-09-26-pack.pdf"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@cache
def read_cached(path: Path) -> PdfDocument:
    """Reading a PDF is the slow step; each real PDF is read once per test session."""
    return read_pdf(path)


def placed(text: str, page: int = 1, bold_prefix: str = "**") -> list[Placed]:
    """Lines from text, one per line, 14pt apart; a line starting with ** is bold."""
    out = []
    for i, raw in enumerate(text.strip("\n").splitlines()):
        bold = raw.startswith(bold_prefix)
        body = raw.removeprefix(bold_prefix)
        indent = len(body) - len(body.lstrip())
        top = 70.0 + 14.0 * i
        out.append(Placed(page, Line(body.strip(), 63.0 + 6 * indent, top, 500.0, top + 10.5, 10.5, bold)))
    return out


PACK = ROOT / "raw_pdfs" / "samples"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled agenda pack, extracted and published as `make run` does."""
    from runner.cli import main

    out = tmp_path_factory.mktemp("published") / "outputs"
    assert main(["extract", str(PACK), "--out", str(out), "--quiet", "--workers", "2"]) == 0
    return out
