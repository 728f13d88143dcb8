"""Turn frictionless errors into plain sentences with an address."""

from __future__ import annotations

import re

from frictionless import errors

from sovereign_ai_site.errors import Problem, excerpt

_EXPECTED = {
    "date": "a date written YYYY-MM-DD",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "string": "text",
    "year": "a year",
    "datetime": "a date and time",
}
_CONSTRAINT = re.compile(r'constraint "(?P<name>\w+)" is "(?P<value>.*)"')


def describe(error: errors.Error, path: str, fields: dict[str, dict]) -> Problem:
    """Address ``error`` by file, row and field, and say what was expected."""
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    if isinstance(error, errors.TypeError):
        expected = _EXPECTED.get(fields.get(field, {}).get("type", ""), "another type")
        return Problem(path, row, field, f"{excerpt(cell)} is not {expected}")
    if isinstance(error, errors.UniqueError):
        first = re.search(r"position \"?(\d+)", error.note)
        where = f" in row {first.group(1)}" if first else ""
        return Problem(path, row, field, f"{excerpt(cell)} is already used{where}; values must be unique")
    if isinstance(error, errors.ConstraintError):
        return Problem(path, row, field, _constraint_message(error.note, cell))
    if isinstance(error, errors.PrimaryKeyError):
        first = re.search(r"position \"?(\d+)", error.note)
        seen = f", first used in row {first.group(1)}" if first else ""
        return Problem(path, row, None, f"duplicate primary key{seen}")
    if isinstance(error, errors.ForeignKeyError):
        names = ", ".join(error.field_names)
        values = ", ".join(excerpt(v) for v in error.field_cells)
        target = error.reference_name or "this resource"
        refs = ", ".join(error.reference_field_names)
        return Problem(path, row, names, f"{values} does not exist in {target} ({refs})")
    if isinstance(error, errors.MissingCellError):
        return Problem(path, row, field, "value is missing: the row has fewer cells than the header")
    if isinstance(error, errors.ExtraCellError):
        return Problem(path, row, None, f"the row has more cells than the header (extra value {excerpt(cell)})")
    if isinstance(error, errors.BlankRowError):
        return Problem(path, row, None, "the row is empty")
    if isinstance(error, errors.MissingLabelError):
        return Problem(path, 1, field, "column is in the schema but missing from the header")
    if isinstance(error, errors.ExtraLabelError):
        return Problem(path, 1, None, f"column {excerpt(error.label)} is in the header but not in the schema")
    if isinstance(error, errors.IncorrectLabelError):
        return Problem(path, 1, field, f'header says {excerpt(error.label)} where the schema expects "{field}"')
    if isinstance(error, errors.DuplicateLabelError):
        return Problem(path, 1, None, f"column {excerpt(error.label)} appears twice in the header")
    if isinstance(error, errors.BlankLabelError):
        return Problem(path, 1, None, "a column has an empty header")
    return Problem(path, row, field, error.message)


def _constraint_message(note: str, cell: object) -> str:
    match = _CONSTRAINT.search(note or "")
    if not match:
        return f"{excerpt(cell)} breaks a constraint: {note}"
    name, value, cell = match["name"], match["value"], excerpt(cell)
    messages = {
        "required": "value is required but empty",
        "unique": f'{cell} appears more than once but must be unique',
        "pattern": f'{cell} does not match the pattern {value}',
        "enum": f'{cell} is not one of the allowed values {value}',
        "minimum": f"{cell} is below the minimum {value}",
        "maximum": f"{cell} is above the maximum {value}",
        "minLength": f'{cell} is shorter than {value} characters',
        "maxLength": f'{cell} is longer than {value} characters',
    }
    return messages.get(name, f'{cell} breaks the constraint {name} = {value}')
