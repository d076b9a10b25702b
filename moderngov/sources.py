"""The councils followed: `sources.yaml` (README, "Following a council").

```yaml
sources:
  - name: wiltshire-police-and-crime-panel
    council: Wiltshire Council
    kind: moderngov
    base_url: https://cms.wiltshire.gov.uk
    committees: [1127]        # ids or exact titles
    lookback_days: 60
    enabled: false
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, Field, field_validator


class Source(BaseModel):
    """One council committee system to fetch from, and how politely."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    council: str
    kind: Literal["moderngov"] = "moderngov"
    base_url: str
    committees: list[int | str] = Field(min_length=1)
    # Meetings held this many days back (and up to `ahead_days` ahead) are listed each run.
    lookback_days: int = Field(60, ge=1)
    ahead_days: int = Field(30, ge=0)
    # A meeting fetched before and held longer ago than this is not listed again (unless --full).
    settled_after_days: int = Field(90, ge=1)
    # A file of a meeting still listed is fetched again this many days after the last time, to
    # find one republished in place.
    refresh_days: int = Field(7, ge=1)
    enabled: bool = True
    # Politeness: seconds between requests to the host, per request timeout, largest file kept.
    min_interval_s: float = Field(1.0, ge=0)
    timeout_s: float = Field(30.0, gt=0)
    max_bytes: int = Field(100_000_000, gt=0)

    @field_validator("base_url")
    @classmethod
    def _http(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must be an http(s) URL: {url!r}")
        return url.rstrip("/")


class Sources(BaseModel):
    sources: list[Source]


def load_sources(path: Path) -> list[Source]:
    """The sources a config file lists (all of them; callers pick the enabled ones)."""
    return Sources.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).sources
