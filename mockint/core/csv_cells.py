"""One guard for every CSV cell MockInt writes, so a spreadsheet never runs a cell as a formula.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and some a tab or a
carriage return before one) as a formula: `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` in a deck
someone shared would act when the file is opened. Such a cell is written with a leading
apostrophe, which spreadsheets read as "this is text" and do not show.

The guard is undone on import, exactly: a cell that already began with apostrophes before a
formula character gets one more, so `restore(guard(x)) == x` for every text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard(cell: str) -> str:
    """`cell` as written to a CSV file: inert in a spreadsheet."""
    return GUARD + cell if cell.lstrip(GUARD).startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """A cell read from a CSV file with the guard `guard` added taken off again."""
    if cell.startswith(GUARD) and cell.lstrip(GUARD).startswith(FORMULA_STARTS):
        return cell[len(GUARD) :]
    return cell
