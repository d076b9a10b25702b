"""Datasette and the run report in a real browser: Debian's Chromium driven by Playwright.

The server is started the way `make serve` starts it (`councilpacks serve`), on a free port.
Screenshots go to test-output/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-output"
# Headless on a machine with no display and no network: no sandbox (root in CI), no GPU, and
# none of the background calls to Google's services that the closed network refuses.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(),
    reason="Debian's Chromium is not installed: `make test` installs it (apt-get install chromium) where it can",
)


@pytest.fixture(scope="module")
def datasette(published: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "runner.cli", "serve", "--out", str(published), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else "datasette exited"
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser_page() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def test_the_table_list_describes_each_dataset(datasette: str, browser_page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(browser_page, Page)
    browser_page.goto(f"{datasette}/council")
    text = browser_page.inner_text("body")
    assert "decisions (4 rows): One decision recorded in minutes" in text
    assert "kpis (431 rows): One figure of a performance table" in text
    browser_page.screenshot(path=SHOTS / "datasette-tables.png", full_page=True)


def test_searching_the_minutes_finds_the_item(datasette: str, browser_page: object, published: Path) -> None:
    from playwright.sync_api import Page

    assert isinstance(browser_page, Page)
    with sqlite3.connect(published / "council.sqlite") as db:
        number, title = db.execute(
            "SELECT item_number, title FROM minute_items WHERE text LIKE '%antisocial%' ORDER BY rowid LIMIT 1"
        ).fetchone()
    browser_page.goto(f"{datasette}/council/minute_items")
    browser_page.fill("input[name=_search]", "antisocial")
    browser_page.press("input[name=_search]", "Enter")
    browser_page.wait_for_url("**_search=antisocial**")
    rows = browser_page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 1
    found = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert any(title in row and number in row for row in found)
    browser_page.screenshot(path=SHOTS / "datasette-search.png", full_page=True)


def test_a_decisions_page_link_opens_the_pdf_at_its_page(datasette: str, browser_page: object, published: Path) -> None:
    from playwright.sync_api import Page

    assert isinstance(browser_page, Page)
    with sqlite3.connect(published / "council.sqlite") as db:
        rowid, page = db.execute("SELECT rowid, page FROM decisions ORDER BY rowid LIMIT 1").fetchone()
    browser_page.goto(f"{datasette}/council/decisions/{rowid}")
    link = browser_page.locator("td.col-page_url a")
    assert link.inner_text() == f"page {page}"
    href = link.get_attribute("href") or ""
    assert href.endswith(f".pdf#page={page}")
    pdf = browser_page.request.get(f"{datasette}{href.split('#')[0]}")
    assert pdf.ok and pdf.body().startswith(b"%PDF-")
    browser_page.screenshot(path=SHOTS / "datasette-decision.png", full_page=True)


def test_the_run_report_opens_offline(browser_page: object, published: Path) -> None:
    from playwright.sync_api import Page

    assert isinstance(browser_page, Page)
    browser_page.goto((published / "report.html").resolve().as_uri())
    assert browser_page.locator("h1").inner_text() == "Run report"
    pack = browser_page.locator("tr", has_text="wiltshire-police-and-crime-panel-2024-09-26-pack.pdf")
    assert "minute_items 15" in pack.inner_text() and "decisions 4" in pack.inner_text()
    browser_page.screenshot(path=SHOTS / "report.png", full_page=True)
