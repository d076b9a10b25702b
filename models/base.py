"""The base of every published record: frozen, typed, columns in contract order."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A row of a published dataset; field order is the column order of DATASETS.md."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True, defer_build=True)
    dataset: ClassVar[str]

    @classmethod
    def columns(cls) -> list[str]:
        """The dataset's columns, in published order."""
        return list(cls.model_fields)
