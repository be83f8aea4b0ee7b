"""Find contacts that two agencies both recorded.

When agency chronologies are merged, one phone call or meeting often appears twice: the GP
wrote "phoned HV re bruise on arm" and the health visitor wrote "call from GP re bruise on
arm". The later-listed copy is linked to the earlier one through ``duplicate_of``; nothing is
deleted, and the graph and the knowledge queries count the contact once.

Two events are copies of one contact when all of these hold:

1. **Same day.** Their ``[start, end]`` spans share a calendar day. Only events dated to within
   a week (minute, day or week precision, or a range of at most seven days) take part: a
   month or a season cannot establish the same day.
2. **Different agencies that name each other.** A's counterparts include B's agency and B's
   counterparts include A's agency.
3. **Similar text.** ``rapidfuzz`` ``token_set_ratio`` of their ``details`` (lower-cased,
   punctuation removed) is at least ``threshold`` (0 to 100). Events without details are
   never copies: without text there is nothing to compare.

The *later-listed* copy (by position in the table given: pass events in input order, source
by source and row by row, for "later in the input") points at the earlier one. When several
earlier events qualify, the most similar wins (then the earliest); a copy of a copy points at
the first of them, so every group of copies has one original.

Candidates are generated without comparing every pair: events are expanded to (day, agency,
named agency) rows and joined to themselves on (day, named agency = agency, agency = named
agency), so only events that could be the same contact are ever scored.

Examples
--------
>>> from scr_timeline.testing import make_events
>>> events = make_events(
...     start=["12/03/2007", "12/03/2007", "12/03/2007"],
...     agency=["gp", "health_visiting", "csc"],
...     counterparts=[("health_visiting",), ("gp",), ("gp",)],
...     details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm",
...              "Strategy discussion"],
... )
>>> find_duplicates(events).tolist()
[<NA>, 'e1', <NA>]
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from scr_timeline import schema as S

__all__ = ["MAX_SPAN_DAYS", "find_duplicates", "mark_duplicates"]

#: Events whose date spans more days than this cannot be matched to one day.
MAX_SPAN_DAYS: Final = 7

_AGENCY_CODES: Final[dict[str, int]] = {code: i for i, code in enumerate(S.AGENCIES)}
_NS_PER_DAY: Final = 86_400 * 10**9
_ROW: Final = "row"
_DAY: Final = "day"
_NAMED: Final = "named"
_EARLIER: Final = "earlier"
_LATER: Final = "later"
_SCORE: Final = "score"

IntArray = npt.NDArray[np.int64]


def _named_agencies(value: object) -> list[int]:
    """Agency codes named in one counterparts cell (a tuple, or text joined with ";")."""
    if isinstance(value, str):
        parts: list[Any] = value.split(";")
    elif isinstance(value, tuple | list):
        parts = list(value)
    else:
        return []
    codes = {_AGENCY_CODES.get(str(p).strip().lower()) for p in parts if isinstance(p, str)}
    return sorted(c for c in codes if c is not None)


def _agency_codes(values: pd.Series) -> IntArray:
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype) and list(dtype.categories) == list(S.AGENCIES):
        return values.cat.codes.to_numpy().astype(np.int64)
    cat = pd.Categorical(values.astype("object"), categories=list(S.AGENCIES))
    return np.asarray(cat.codes, dtype=np.int64)


def _days(values: pd.Series) -> IntArray:
    """Calendar day number of each time (days since 1970-01-01; NaT gives a huge negative)."""
    ns = np.asarray(values.to_numpy(dtype="datetime64[ns]").view(np.int64))
    return ns // _NS_PER_DAY


def _candidate_rows(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, day it may be on, agency it names), for the eligible events."""
    start = events[S.START]
    end = events[S.END].where(events[S.END].notna(), start)
    first_day, last_day = _days(start), _days(end)
    span = last_day - first_day + 1
    agency = _agency_codes(events[S.AGENCY])
    eligible = start.notna().to_numpy() & (agency >= 0) & (span >= 1) & (span <= MAX_SPAN_DAYS)

    position = np.flatnonzero(eligible)
    cells = events[S.COUNTERPARTS].to_numpy(dtype=object)[position]
    tuple_codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    named_per_unique = [_named_agencies(u) for u in uniques] + [[]]  # -1 -> no agencies
    lengths_u = np.array([len(n) for n in named_per_unique], dtype=np.int64)
    offsets_u = np.concatenate([[0], np.cumsum(lengths_u)]).astype(np.int64)
    flat = np.array([c for n in named_per_unique for c in n], dtype=np.int64)

    # explode events over the agencies they name ...
    tid = np.asarray(tuple_codes, dtype=np.int64)  # -1 indexes the trailing empty entry
    lengths = lengths_u[tid]
    rep = np.repeat(np.arange(len(position), dtype=np.int64), lengths)
    within = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths
    )
    named = flat[offsets_u[tid][rep] + within]
    rows = position[rep]
    # ... and over the days they may be on
    days_n = span[rows]
    rep2 = np.repeat(np.arange(len(rows), dtype=np.int64), days_n)
    offset = np.arange(int(days_n.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(days_n) - days_n, days_n
    )
    return pd.DataFrame(
        {
            _ROW: rows[rep2],
            _DAY: first_day[rows][rep2] + offset,
            S.AGENCY: agency[rows][rep2],
            _NAMED: named[rep2],
        }
    )


def find_duplicates(events: pd.DataFrame, *, threshold: float = 80.0) -> pd.Series:
    """Link each later-listed copy of a contact to the earlier copy another agency recorded.

    Parameters
    ----------
    events
        A canonical events table (``Chronology.events`` or one built with
        :func:`scr_timeline.testing.make_events`), in the order that decides which copy is
        "later": input order (source by source, row by row) when called while merging.
    threshold
        Least ``token_set_ratio`` (0-100) between the two ``details`` texts.

    Returns
    -------
    pandas.Series
        Aligned with ``events`` (same index), dtype ``string``, named ``duplicate_of``: the
        ``event_id`` of the original for each later copy, NA elsewhere. The input is not
        changed.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["12/03/2007 10:15", "12/03/2007"],
    ...     agency=["csc", "police"],
    ...     counterparts=[("police", "mother"), ("csc",)],
    ...     details=["Strategy discussion with DC Smith", "Strategy discussion with CSC"],
    ... )
    >>> find_duplicates(events)
    event_id
    e1    <NA>
    e2      e1
    Name: duplicate_of, dtype: string
    >>> find_duplicates(events, threshold=95).isna().all()
    np.True_
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not 0 <= threshold <= 100:
        raise ValueError(f"threshold must be between 0 and 100, not {threshold!r}")
    missing = [c for c in (S.START, S.END, S.AGENCY, S.COUNTERPARTS, S.DETAILS) if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")

    out = pd.Series(pd.NA, index=events.index, dtype="string", name=S.DUPLICATE_OF)
    table = _candidate_rows(events)
    if table.empty:
        return out
    pairs = table.merge(
        table,
        left_on=[_DAY, _NAMED, S.AGENCY],
        right_on=[_DAY, S.AGENCY, _NAMED],
        suffixes=("_a", "_b"),
    )
    earlier, later = pairs[f"{_ROW}_a"].to_numpy(), pairs[f"{_ROW}_b"].to_numpy()
    keep = (earlier < later) & (
        pairs[f"{S.AGENCY}_a"].to_numpy() != pairs[f"{S.AGENCY}_b"].to_numpy()
    )
    candidates = pd.DataFrame({_EARLIER: earlier[keep], _LATER: later[keep]}).drop_duplicates()
    if candidates.empty:
        return out

    details = events[S.DETAILS].astype("object").where(events[S.DETAILS].notna(), "").to_numpy()
    from rapidfuzz import fuzz, process, utils  # only when there are candidate pairs

    left = [utils.default_process(str(t)) for t in details[candidates[_EARLIER].to_numpy()]]
    right = [utils.default_process(str(t)) for t in details[candidates[_LATER].to_numpy()]]
    scores = np.asarray(
        process.cpdist(left, right, scorer=fuzz.token_set_ratio, workers=1), dtype=float
    )
    has_text = np.array([bool(a) and bool(b) for a, b in zip(left, right, strict=True)])
    candidates[_SCORE] = np.where(has_text, scores, -1.0)  # no text: nothing to compare
    matched = candidates[candidates[_SCORE] >= threshold]
    if matched.empty:
        return out
    best = matched.sort_values([_LATER, _SCORE, _EARLIER], ascending=[True, False, True])
    best = best.drop_duplicates(_LATER)

    original: dict[int, int] = {}
    for earlier_row, later_row in zip(best[_EARLIER].tolist(), best[_LATER].tolist(), strict=True):
        original[later_row] = original.get(earlier_row, earlier_row)
    ids = events.index.astype(str).to_numpy()
    later_rows = np.fromiter(original.keys(), dtype=np.int64, count=len(original))
    root_rows = np.fromiter(original.values(), dtype=np.int64, count=len(original))
    values = out.to_numpy(dtype=object)
    values[later_rows] = ids[root_rows]
    return pd.Series(values, index=events.index, dtype="string", name=S.DUPLICATE_OF)


def mark_duplicates(events: pd.DataFrame, *, threshold: float = 80.0) -> pd.DataFrame:
    """A copy of ``events`` with ``duplicate_of`` filled in where it was empty.

    Links already present are kept; see :func:`find_duplicates` for what counts as a copy.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["12/03/2007", "12/03/2007"], agency=["gp", "health_visiting"],
    ...     counterparts=[("health_visiting",), ("gp",)],
    ...     details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm"],
    ... )
    >>> mark_duplicates(events)["duplicate_of"].tolist()
    [<NA>, 'e1']
    >>> events["duplicate_of"].isna().all()  # the input is unchanged
    np.True_
    """
    found = find_duplicates(events, threshold=threshold)
    out = events.copy()
    if S.DUPLICATE_OF in out.columns:
        current = out[S.DUPLICATE_OF].astype("string")
        out[S.DUPLICATE_OF] = current.where(current.notna(), found)
    else:
        out[S.DUPLICATE_OF] = found
    return out
