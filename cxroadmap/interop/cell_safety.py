"""Spreadsheet formula injection: CSV cells a spreadsheet would evaluate are written as text.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets when a CSV file is opened (OWASP "CSV injection").
On export such a cell gets one leading apostrophe, which spreadsheets show as text and
do not evaluate (even `-3`: a title "-3" would otherwise turn into the number -3).
So that our own importer reads back exactly what was written, a cell that already
starts with apostrophes before such a character gets one more, and the importer removes
exactly one apostrophe from any cell of that shape.
"""

from __future__ import annotations

import re

_TRIGGERS = "=+-@\t\r"
_RISKY = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """The cell text as written to CSV: a leading apostrophe when a spreadsheet would run it."""
    if text and (text[0] in _TRIGGERS or text[0] == "'") and _RISKY.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The cell text as read from CSV: undoes neutralise() (one apostrophe fewer)."""
    if text.startswith("'") and _QUOTED.match(text):
        return text[1:]
    return text
