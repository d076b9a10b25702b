"""A client for ModernGov, the committee system most UK councils publish their meetings with: its
web service and pages, parsed apart from fetching them (`responses.py`, `http.py`, `scrape.py`)."""
