"""A DataFrame's first rows as Markdown, for asset metadata in the Dagster UI."""

import pandas as pd

PREVIEW_ROWS = 5


def markdown_preview(df: pd.DataFrame, rows: int = PREVIEW_ROWS, width: int = 40) -> str:
    """The first rows of a dataset as a Markdown table."""
    cols = list(df.columns)

    def cell(value: object) -> str:
        text = "" if value is None or value is pd.NA else str(value)
        return text.replace("|", "\\|").replace("\n", " ")[:width]

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.head(rows).itertuples(index=False)]
    return "\n".join(lines)
