"""The exception tree and warning classes.

Every error the library raises on purpose is a :class:`ScrTimelineError`. Errors
about a place in an input carry that place (file, sheet, row, column), what was
found and what was expected, and their message names all of them::

    child-a.xlsx, sheet 'GP', row 14, column 'Date': cannot read '31/06/2007'
    as a date (June has 30 days)

Examples
--------
>>> err = DateParseError("cannot read '31/06/2007' as a date", file="child-a.xlsx",
...                      sheet="GP", row=14, column="Date", found="31/06/2007",
...                      expected="a real calendar date")
>>> print(err)
child-a.xlsx, sheet 'GP', row 14, column 'Date': cannot read '31/06/2007' as a date (found '31/06/2007'; expected a real calendar date)
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ChronologyReadError",
    "ChronologyWarning",
    "DateParseError",
    "EmptyChronologyError",
    "InputLimitError",
    "MissingColumnError",
    "MissingDependencyError",
    "OutputError",
    "RulebookError",
    "ScrTimelineError",
    "UnsupportedFormatError",
    "format_location",
]


def format_location(
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> str:
    """Describe a place in an input as a person would say it.

    Examples
    --------
    >>> format_location("gp.csv", None, 3, "Date")
    "gp.csv, row 3, column 'Date'"
    """
    parts: list[str] = []
    if file:
        parts.append(str(file))
    if sheet:
        parts.append(f"sheet {sheet!r}")
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


class ScrTimelineError(Exception):
    """Root of every error scr_timeline raises on purpose.

    Parameters
    ----------
    message
        What went wrong, in plain words.
    file, sheet, row, column
        Where in the input it went wrong, when it is about an input.
    found, expected
        What was there and what should have been.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        found: object = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.found = found
        self.expected = expected
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = format_location(self.file, self.sheet, self.row, self.column)
        text = f"{where}: {self.message}" if where else self.message
        details = []
        if self.found is not None:
            details.append(f"found {self.found!r}")
        if self.expected:
            details.append(f"expected {self.expected}")
        if details:
            text += f" ({'; '.join(details)})"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # keep the keyword-only fields when pickled to worker processes
        return (
            _rebuild,
            (
                type(self),
                self.message,
                {
                    "file": self.file,
                    "sheet": self.sheet,
                    "row": self.row,
                    "column": self.column,
                    "found": self.found,
                    "expected": self.expected,
                },
            ),
        )


def _rebuild(cls: type[ScrTimelineError], message: str, kw: dict[str, object]) -> ScrTimelineError:
    return cls(message, **kw)  # type: ignore[arg-type]


class ChronologyReadError(ScrTimelineError, ValueError):
    """An input file could not be read as a chronology (corrupt, empty, not a table)."""


class UnsupportedFormatError(ChronologyReadError):
    """The file's suffix names no format scr_timeline can read."""


class EmptyChronologyError(ChronologyReadError):
    """The input holds no data rows (an empty file, or a header and nothing under it)."""


class MissingColumnError(ChronologyReadError):
    """A column the chronology needs (such as the date) is not among the headings."""


class InputLimitError(ChronologyReadError):
    """An input is larger than a limit scr_timeline enforces (see :mod:`scr_timeline.limits`):
    refused before it is read, so a hostile file cannot exhaust memory or time."""


class DateParseError(ScrTimelineError, ValueError):
    """A date cell cannot be read as a date."""


class RulebookError(ScrTimelineError, ValueError):
    """A rulebook is malformed: unknown kind, event type, window or key."""


class MissingDependencyError(ScrTimelineError, ImportError):
    """An optional dependency is needed for this feature; the message gives the install command."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f'install it with: pip install "scr-timeline[{extra}]"'
        )
        self.package = package
        self.extra = extra
        self.feature = feature

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.package, self.extra, self.feature))


class OutputError(ScrTimelineError, OSError):
    """An output cannot be written where asked: the folder already holds results (pass
    ``force``/``--force`` to replace them, or ``--resume`` to finish an interrupted batch),
    or it is not a folder."""


class ChronologyWarning(UserWarning):
    """A flaw in a chronology worth telling the reviewer about (also kept in ``warnings``)."""
