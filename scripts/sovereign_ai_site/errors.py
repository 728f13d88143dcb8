"""Data problems, each with an address a maintainer can act on."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

EXCERPT_CHARS = 60
MESSAGE_CHARS = 300


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, quoted, printable excerpt of bad input: a message must never echo a whole file (a
    symlink to the process environment, say) or write control characters to a maintainer's terminal."""
    text = "".join(_printable(c) for c in str(value)[: limit + 1])
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'


def _printable(char: str) -> str:
    """The character, or its code point where it is a control, format (bidi, zero-width) or other invisible one."""
    return char if char == " " or unicodedata.category(char)[0] not in "CZ" else f"<U+{ord(char):04X}>"


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
        message = "".join(c if c.isprintable() else _printable(c) for c in self.message)
        if len(message) > MESSAGE_CHARS:
            message = message[:MESSAGE_CHARS] + "…"
        return f"{address}: {message}"


class DataError(Exception):
    """The data failed validation; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.row or 0, p.field or "", p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} data problem{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])
