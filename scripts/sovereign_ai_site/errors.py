"""Data problems, each with an address a maintainer can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, addressed by file, row and field.

    Rows are numbered as in a spreadsheet: the header is row 1, the first
    record row 2.
    """

    path: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        address = self.path
        if self.row is not None:
            address += f" row {self.row}"
        if self.field:
            address += f", field {self.field}"
        return f"{address}: {self.message}"


class DataError(Exception):
    """The data failed validation; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.row or 0, p.field or "", p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} data problem{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])
