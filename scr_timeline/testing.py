"""Helpers for tests, ours and users': build events in code, compare chronologies.

Examples
--------
>>> from scr_timeline.testing import make_events
>>> ev = make_events(start=["12/03/2007", "2007-03-13 14:30"], agency=["gp", "csc"])
>>> ev.index.tolist()
['e1', 'e2']
>>> str(ev["end"].iloc[0])
'2007-03-12 23:59:59'
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema as S

__all__ = [
    "FindingRow",
    "assert_chronology_accounts_for",
    "assert_events_equal",
    "finding_rows",
    "make_events",
    "read_rows",
]


def make_events(**columns: Sequence[Any] | Any) -> pd.DataFrame:
    """Build a canonical events table from a few columns; the rest get defaults.

    ``start`` is required. Values may be strings in any form :func:`scr_timeline.dates.parse_date`
    reads ("12/03/2007", "March 2007", "2007-03-12 14:30"); ``end`` and ``precision`` default
    to what the start text says. ``event_id`` defaults to ``e1, e2, ...``. Scalars are
    broadcast. Tuples are expected for ``counterparts`` and ``injury_kinds`` (a string is
    split on ``";"``).

    Examples
    --------
    >>> ev = make_events(start=["March 2007"], event_type="referral")
    >>> ev.loc["e1", "precision"], ev.loc["e1", "event_type"]
    ('month', 'referral')
    """
    from .chronology import EVENT_DTYPES, conform
    from .dates import parse_date

    if S.START not in columns:
        raise TypeError("make_events() needs a 'start' column")
    starts = columns[S.START]
    n = 1 if isinstance(starts, str | pd.Timestamp) else len(starts)
    data: dict[str, list[Any]] = {}
    for name, value in columns.items():
        if isinstance(value, str | int | float | bool | pd.Timestamp | tuple) or value is None:
            data[name] = [value] * n
        else:
            values = list(value)
            if len(values) != n:
                raise ValueError(f"column {name!r} has {len(values)} values, expected {n}")
            data[name] = values
    parsed = [parse_date(v) for v in data[S.START]]
    ids = data.pop(S.EVENT_ID, [f"e{i}" for i in range(1, n + 1)])
    frame = pd.DataFrame(index=pd.Index([str(i) for i in ids], dtype="string", name=S.EVENT_ID))
    frame[S.START] = [p[0] for p in parsed]
    if S.END in data:
        frame[S.END] = [parse_date(v)[1] for v in data.pop(S.END)]
    else:
        frame[S.END] = [p[1] for p in parsed]
    frame[S.PRECISION] = data.pop(S.PRECISION, [p[2] for p in parsed])
    frame[S.DATE_TEXT] = [str(v) for v in data.pop(S.START)]
    defaults: dict[str, Any] = {
        S.AGENCY: "other",
        S.EVENT_TYPE: "other",
        S.INJURY: False,
        S.SUSPICIOUS_INJURY: False,
        S.SOURCE_FILE: "test",
        S.SOURCE_SHEET: None,
    }
    for name, default in defaults.items():
        frame[name] = data.pop(name, [default] * n)
    for name in (S.COUNTERPARTS, S.INJURY_KINDS):
        values = data.pop(name, [()] * n)
        frame[name] = pd.Series(
            [
                tuple(x.strip() for x in v.split(";") if x.strip())
                if isinstance(v, str)
                else tuple(v)
                for v in values
            ],
            index=frame.index,
            dtype="object",
        )
    frame[S.SOURCE_ROW] = data.pop(S.SOURCE_ROW, list(range(2, n + 2)))
    for name, values in data.items():
        frame[name] = values
    return conform(frame, EVENT_DTYPES)


def assert_events_equal(
    left: pd.DataFrame, right: pd.DataFrame, *, columns: Sequence[str] | None = None
) -> None:
    """Assert two events tables hold the same events (optionally only some columns).

    Raises ``AssertionError`` with pandas' description of the first difference.
    """
    cols = list(columns) if columns is not None else list(left.columns)
    pd.testing.assert_frame_equal(
        left[cols], right[cols], check_dtype=False, check_categorical=False
    )


def assert_chronology_accounts_for(chron: Any, n_rows: int) -> None:
    """Assert every one of ``n_rows`` input data rows became an event, a rejected row, or
    was joined to the row above it as the rest of its text.

    A joined row (a new row typed instead of a line break in a cell, or the end of a row
    broken by a page) is exactly a row named by a ``row_continued`` warning: such a row
    must be neither an event nor a rejected row, and no two warnings may name the same
    row. Then events + rejected + joined rows must be ``n_rows``.

    Examples
    --------
    >>> from scr_timeline.chronology import Chronology
    >>> assert_chronology_accounts_for(Chronology(make_events(start=["2007"])), 1)
    """

    def where(frame: pd.DataFrame) -> set[tuple[Any, ...]]:
        cols = [S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW]
        if frame.empty or not set(cols) <= set(frame.columns):
            return set()
        return {
            tuple(
                None if pd.isna(v) else (int(v) if c == S.SOURCE_ROW else str(v))
                for c, v in zip(cols, row, strict=True)
            )
            for row in frame[cols].itertuples(index=False)
        }

    warnings = chron.warnings
    continued = (
        warnings[warnings[S.CODE] == "row_continued"] if S.CODE in warnings else warnings.iloc[:0]
    )
    joined = where(continued)
    if len(joined) != len(continued):
        raise AssertionError(
            f"{len(continued)} row_continued warnings name only {len(joined)} distinct rows"
        )
    both = joined & (where(chron.events) | where(chron.rejected))
    if both:
        raise AssertionError(
            f"rows named as joined to the row above are also events or rejected rows: "
            f"{sorted(both, key=str)}"
        )
    got = len(chron.events) + len(chron.rejected) + len(joined)
    if got != n_rows:
        raise AssertionError(
            f"{n_rows} data rows went in but {len(chron.events)} events + "
            f"{len(chron.rejected)} rejected + {len(joined)} joined to the row above = "
            f"{got} came out"
        )


#: What :func:`finding_rows` gives per finding: rule, status, the trigger's row, the due day,
#: the day of the first expected event ("" when none), the delay in working days (None when
#: none) and the rows of the evidence, each row as a person sees it in the file.
FindingRow = tuple[str, str, int, str, str, int | None, list[int]]

#: The header :func:`read_rows` puts above the rows.
ROWS_HEADER = "Date,Agency,Practitioner,Details,Outcome\n"


def read_rows(path: str | Path, rows: str, *, header: str = ROWS_HEADER, **options: Any) -> Any:
    """Write ``rows`` (CSV lines, indented as in a test: dedented first) under ``header``
    to ``path`` and read it with :func:`scr_timeline.read` (``options`` passed on).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> chron = read_rows(folder / "case.csv", "12/03/2007,GP,Dr B,Bruise to cheek.,\\n")
    >>> chron.events["agency"].tolist(), chron.events["source_row"].tolist()
    (['gp'], [2])
    """
    from . import read

    path = Path(path)
    path.write_text(header + textwrap.dedent(rows), encoding="utf-8")
    return read(path, **options)


def finding_rows(
    chron: Any, rulebook: str | Path = "wt2006", *rules: str, **options: Any
) -> list[FindingRow]:
    """The findings of :func:`scr_timeline.analyse` as rows easy to compare in a test (see
    :data:`FindingRow`), only those of ``rules`` when given, ordered by trigger row, rule
    and due day. ``options`` go to ``analyse``."""
    from . import analyse

    frame = analyse(chron, rulebook=rulebook, **options).to_frame()
    row = {str(k): int(v) for k, v in chron.events[S.SOURCE_ROW].items()}
    out: list[FindingRow] = []
    records: list[Any] = list(frame.itertuples())
    for f in records:
        if rules and f.rule_id not in rules:
            continue
        observed = "" if pd.isna(f.observed_start) else str(f.observed_start.date())
        delay = None if pd.isna(f.delay_working_days) else int(f.delay_working_days)
        evidence = [row[e] for e in str(f.evidence).split("; ")]
        due = str(f.due.date())
        out.append(
            (str(f.rule_id), str(f.status), int(f.source_row), due, observed, delay, evidence)
        )
    return sorted(out, key=lambda t: (t[2], t[0], t[3]))
