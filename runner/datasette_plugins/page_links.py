"""Datasette plugin: a row's `page_url` is a link to the page of the PDF it was read from.

`page_url` holds `pdfs/<document_id>.pdf#page=N` (the archived file, served by `councilpacks
serve` at /pdfs/) or the source URL with `#page=N`; browsers open a PDF at that page.
"""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

from store.codebook import PAGE_URL


@hookimpl
def render_cell(value: object, column: str) -> Markup | None:
    if column != PAGE_URL or not isinstance(value, str) or "#page=" not in value:
        return None
    href = value if value.startswith(("http://", "https://")) else "/" + value
    page = value.rsplit("#page=", 1)[1]
    return Markup(f'<a href="{escape(href)}">page {escape(page)}</a>')
