"""Pure functions from PDF pages to the published records; `pages.py` alone opens PDFs."""

# Bumped, with a CHANGELOG line, by every change that alters the rows read from a PDF.
EXTRACTOR_VERSION = "0.6.0"
