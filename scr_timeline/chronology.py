"""The Chronology: one canonical events table, the rows that could not become events, and
the warnings a reviewer should see, with the provenance of every input.

Examples
--------
>>> from scr_timeline.testing import make_events
>>> chron = Chronology(make_events(start=["2007-03-12", "2007-03-14"], agency=["gp", "csc"]))
>>> len(chron)
2
>>> chron.events["agency"].tolist()
['gp', 'csc']
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from . import schema as S
from .exceptions import ScrTimelineError

__all__ = [
    "Chronology",
    "ChronologyMeta",
    "SourceInfo",
    "empty_events",
    "empty_rejected",
    "empty_warnings",
    "merge",
    "safe_for_spreadsheet",
]

#: dtypes of the canonical events table (``event_id`` is the index).
EVENT_DTYPES: dict[str, Any] = {
    S.START: "datetime64[ns]",
    S.END: "datetime64[ns]",
    S.PRECISION: pd.CategoricalDtype(list(S.PRECISIONS)),
    S.DATE_TEXT: "string",
    S.AGENCY: pd.CategoricalDtype(list(S.AGENCIES)),
    S.ORGANISATION: "string",
    S.SOURCE: "string",
    S.CONTACT_TYPE: "string",
    S.PRACTITIONER: "string",
    S.ROLE: pd.CategoricalDtype(list(S.ROLES)),
    S.EVENT_TYPE: pd.CategoricalDtype(list(S.EVENT_TYPES)),
    S.MENTIONS: "object",
    S.DETAILS: "string",
    S.OUTCOME: "string",
    S.COMMENT: "string",
    S.EXTRA: "string",
    S.COUNTERPARTS_TEXT: "string",
    S.COUNTERPARTS: "object",
    S.INJURY: "bool",
    S.INJURY_KINDS: "object",
    S.SUSPICIOUS_INJURY: "bool",
    S.CHILD_SEEN_TEXT: "string",
    S.CHILD_SEEN: "boolean",
    S.CHILD_AGE_DAYS: "Int64",
    S.DUPLICATE_OF: "string",
    S.SEQUENCE: "string",
    S.SOURCE_FILE: "string",
    S.SOURCE_SHEET: "string",
    S.SOURCE_ROW: "int64",
}

REJECTED_DTYPES: dict[str, Any] = {
    S.SOURCE_FILE: "string",
    S.SOURCE_SHEET: "string",
    S.SOURCE_ROW: "int64",
    S.REASON_CODE: "string",
    S.REASON: "string",
    S.COLUMN: "string",
    S.VALUE: "string",
    S.DATE_TEXT: "string",
    S.DETAILS: "string",
}

WARNING_DTYPES: dict[str, Any] = {
    S.CODE: "string",
    S.MESSAGE: "string",
    S.SOURCE_FILE: "string",
    S.SOURCE_SHEET: "string",
    S.SOURCE_ROW: "Int64",
}

_TUPLE_COLUMNS = (S.COUNTERPARTS, S.INJURY_KINDS, S.MENTIONS)


#: Empty tables by the id of their dtypes mapping (kept with it: an id outlives nothing).
_EMPTY_TABLES: dict[int, tuple[Mapping[str, Any], pd.DataFrame]] = {}


def _empty(dtypes: Mapping[str, Any], index_name: str | None = None) -> pd.DataFrame:
    """A table of ``dtypes`` with no rows, built once per mapping (a lazy copy of it each
    time: building one column by column cost more than reading a small file's cells)."""
    empty = _EMPTY_TABLES.get(id(dtypes))
    if empty is None or empty[0] is not dtypes:
        frame = pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})
        empty = _EMPTY_TABLES[id(dtypes)] = (dtypes, frame)
    frame = empty[1].copy(deep=False)
    if index_name:
        frame.index = pd.Index([], dtype="string", name=index_name)
    return frame


def empty_events() -> pd.DataFrame:
    """An events table with the canonical columns and dtypes and no rows.

    Examples
    --------
    >>> list(empty_events().columns)[:3]
    ['start', 'end', 'precision']
    """
    return _empty(EVENT_DTYPES, S.EVENT_ID)


def empty_rejected() -> pd.DataFrame:
    """A rejected-rows table with no rows."""
    return _empty(REJECTED_DTYPES)


def empty_warnings() -> pd.DataFrame:
    """A warnings table with no rows."""
    return _empty(WARNING_DTYPES)


def conform(frame: pd.DataFrame, dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``dtypes`` (missing ones empty), cast.

    Extra columns are kept after the canonical ones. The result is a new frame (a lazy
    copy: pandas copies a column only when one of the two frames writes to it), built in
    one go.
    """
    names = list(frame.columns)
    if not frame.columns.is_unique:
        return _conform_by_column(frame, dtypes)
    if len(frame) == 0 and not frame.attrs and all(name in dtypes for name in names):
        # no rows (most tables of rejected rows): the empty table, made once per dtypes
        result = _empty(dtypes)
        result.index = frame.index
        return result
    current = dict(zip(names, (str(t) for t in frame.dtypes), strict=True))
    wanted = list(dtypes)
    if names[: len(wanted)] == wanted and all(
        current[name] == str(dtype) or str(dtype) == "object" for name, dtype in dtypes.items()
    ):  # (an "object" column takes what it holds: the tuple columns may be categorical)
        return frame.copy(deep=False)
    out = frame.copy(deep=False)
    n = len(out)
    columns: dict[Any, Any] = {}
    for name, dtype in dtypes.items():
        dtype = cast(Any, dtype)
        if name not in current:
            columns[name] = _empty_column(name, dtype, n, out.index)
        elif current[name] != str(dtype):
            columns[name] = _cast_column(out[name], name, dtype)
        else:
            columns[name] = out[name]
    for name in names:
        if name not in dtypes:
            columns[name] = out[name]
    result = pd.DataFrame(columns, index=out.index, copy=False)
    if frame.attrs:
        result.attrs = dict(frame.attrs)
    return result


def _empty_column(name: str, dtype: Any, n: int, index: pd.Index) -> pd.Series:
    if name in _TUPLE_COLUMNS:
        values = np.empty(n, dtype=object)
        values.fill(())
        return pd.Series(values, index=index, dtype="object", copy=False)
    if dtype == "bool":
        return pd.Series(np.zeros(n, dtype=bool), index=index, copy=False)
    if dtype == "int64":  # a row number: built by hand, so number the rows
        return pd.Series(np.arange(1, n + 1, dtype="int64"), index=index, copy=False)
    return pd.Series(_missing(pd.api.types.pandas_dtype(dtype), n), index=index, copy=False)


def _missing(dtype: Any, n: int) -> Any:
    """An array of ``n`` missing values of ``dtype``, built directly (``pd.Series(pd.NA,
    dtype=...)`` repeats a scalar through a generic path, which costs more than the rest of
    a small table)."""
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" and dtype.na_value is pd.NA:
        import pyarrow as pa

        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.nulls(n, pa.large_string())]))
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), dtype=dtype)
    if isinstance(dtype, pd.Int64Dtype):
        return pd.arrays.IntegerArray(np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool))
    if isinstance(dtype, pd.BooleanDtype):
        return pd.arrays.BooleanArray(np.zeros(n, dtype=bool), np.ones(n, dtype=bool))
    if isinstance(dtype, np.dtype) and dtype.kind == "M":
        return np.full(n, np.datetime64("NaT"), dtype=dtype)
    return pd.Series(pd.NA, index=pd.RangeIndex(n), dtype=dtype).array


def _cast_column(values: pd.Series, name: str, dtype: Any) -> pd.Series:
    if isinstance(dtype, pd.CategoricalDtype):
        return to_category(values, dtype, column=name)
    if isinstance(dtype, str) and dtype.startswith("datetime64"):
        return pd.to_datetime(values).astype("datetime64[ns]")
    if dtype == "object":
        return values
    return values.astype(dtype)


def _conform_by_column(frame: pd.DataFrame, dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """:func:`conform` for a frame with repeated column labels (one column at a time)."""
    out = frame.copy()
    n = len(out)
    for name, dtype in dtypes.items():
        dtype = cast(Any, dtype)
        if name not in out.columns:
            out[name] = _empty_column(name, dtype, n, out.index)
        elif str(out[name].dtype) != str(dtype):
            out[name] = _cast_column(out[name], name, dtype)
    extras = [c for c in out.columns if c not in dtypes]
    return out[[*dtypes, *extras]]


def to_category(values: pd.Series, dtype: pd.CategoricalDtype, *, column: str) -> pd.Series:
    """Values as a categorical of a fixed vocabulary (each distinct value looked up once).

    Raises
    ------
    ValueError
        A value is not in the vocabulary (a programming error, not a data flaw: readers
        and classifiers only ever produce vocabulary values).
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    positions = dtype.categories.get_indexer(pd.Index(uniques, dtype=object))
    if (positions < 0).any():
        bad = [str(u) for u, p in zip(uniques, positions, strict=True) if p < 0]
        raise ValueError(
            f"column {column!r} holds values outside its vocabulary: {', '.join(bad[:5])}"
        )
    lookup = np.append(positions, -1)  # the NA sentinel stays missing
    return pd.Series(
        pd.Categorical.from_codes(lookup[codes], dtype=dtype), index=values.index, name=values.name
    )


def tuples_as_category(codes: np.ndarray, uniques: Sequence[tuple[str, ...]]) -> Any:
    """A column of tuples (``counterparts``) stored once per distinct tuple.

    Each row is still a tuple; the distinct tuples are kept once, so the contact graph and
    the rules read the column's codes instead of hashing a million tuples again.

    Examples
    --------
    >>> column = tuples_as_category(np.array([0, 1, 0, 2]), [("csc",), (), ("csc",)])
    >>> list(column)
    [('csc',), (), ('csc',), ('csc',)]
    """
    given = np.empty(len(uniques), dtype=object)
    given[:] = list(uniques)
    # the same tuple given twice becomes one category (hashing the few distinct tuples only)
    remap, distinct = pd.factorize(given)
    categories = np.empty(len(distinct), dtype=object)
    categories[:] = list(distinct)
    codes = np.asarray(codes, dtype=np.int64)
    codes = np.where(codes < 0, -1, np.append(remap, -1)[codes])
    index = pd.Index(categories, dtype=object, tupleize_cols=False)
    return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(index))


def tuple_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes per row and the distinct tuples (object array) of a column of tuples.

    Free for a column made by :func:`tuples_as_category`; one hashing pass otherwise.
    Missing values get code -1.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        uniques = np.empty(len(values.cat.categories), dtype=object)
        uniques[:] = list(values.cat.categories)
        return values.cat.codes.to_numpy().astype(np.int64), uniques
    codes, found = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    uniques = np.empty(len(found), dtype=object)
    uniques[:] = list(found)
    return np.asarray(codes, dtype=np.int64), uniques


def sequence_keys(values: pd.Series) -> np.ndarray:
    """Keys that put a ``sequence`` column (entry or paragraph numbers, as text) in order:
    a number per value, NaN where a value is none.

    Numbers with dots are paragraph numbers, read part by part, when the column writes
    them so: a value with two dots or more ("1.2.3"), or one whose part after the dot ends
    in a nought ("2.10", "3.20"): 2.10 then comes after 2.9, not between 2.0 and 2.2.
    Otherwise they are decimals, as a row inserted later is numbered ("3.25" between 3.2
    and 3.3).

    >>> sequence_keys(pd.Series(["2.8", "2.9", "2.10", "3", "2.11"])).tolist()
    [0.0, 1.0, 2.0, 4.0, 3.0]
    >>> sequence_keys(pd.Series(["3.2", "3.25", "3.3", "x"])).tolist()
    [3.2, 3.25, 3.3, nan]
    """
    text = values.astype("string").str.strip()
    numeric = pd.to_numeric(text, errors="coerce")
    keys = np.asarray(numeric.to_numpy(dtype="float64", na_value=np.nan), dtype=np.float64)
    whole = text.str.fullmatch(r"\d+(?:\.\d+)*").fillna(False).to_numpy(dtype=bool)
    dotted = text[whole]
    paragraphs = (dotted.str.count(r"\.") >= 2) | dotted.str.contains(r"\.\d*0$", regex=True)
    if not bool(paragraphs.fillna(False).any()):
        return keys
    parts = dotted.str.split(".", expand=True).apply(pd.to_numeric).fillna(-1).astype(np.int64)
    order = pd.MultiIndex.from_frame(parts)
    ranks, _ = pd.factorize(order, sort=True)  # (the same number, the same key)
    keys = np.full(len(text), np.nan)
    keys[whole] = ranks
    return keys


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where one input table came from and what became of its rows."""

    file: str
    sheet: str | None = None
    rows: int = 0
    events: int = 0
    rejected: int = 0
    header_row: int | None = None
    dayfirst: bool | None = None
    agency: str | None = None
    title: str | None = None
    format: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (for tables and JSON)."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ChronologyMeta:
    """Facts about a chronology as a whole."""

    title: str | None = None
    child_dob: pd.Timestamp | None = None
    end_date: pd.Timestamp | None = None
    sources: tuple[SourceInfo, ...] = field(default_factory=tuple)

    def with_changes(self, **changes: Any) -> ChronologyMeta:
        """A copy with some fields replaced."""
        return replace(self, **changes)


def _to_timestamp(value: object, name: str) -> pd.Timestamp | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.normalize() if name == "child_dob" else value
    try:
        from .dates import parse_date

        start, end, _precision = parse_date(value)
    except ScrTimelineError as err:
        raise type(err)(
            f"cannot read {name}={value!r} as a date",
            found=value,
            expected="a date such as '2006-03-01' or '01/03/2006'",
        ) from err
    return start if name == "child_dob" else end


class Chronology:
    """A review chronology: canonical events, rejected rows, warnings and metadata.

    Parameters
    ----------
    events
        Canonical events table (see ``docs/schema.md``); missing canonical columns are
        added empty, so a partial table built by hand is accepted.
    rejected, warnings
        Input rows that could not become events (with the reason), and flaws found.
    meta
        Title, child's date of birth, end date and the sources read.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-03-12"], agency=["police"]))
    >>> chron.meta.title is None
    True
    """

    def __init__(
        self,
        events: pd.DataFrame | None = None,
        rejected: pd.DataFrame | None = None,
        warnings: pd.DataFrame | None = None,
        meta: ChronologyMeta | None = None,
        *,
        child_dob: object = None,
        end_date: object = None,
        title: str | None = None,
    ) -> None:
        if events is not None and not isinstance(events, pd.DataFrame):
            raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
        ev = empty_events() if events is None else conform(events, EVENT_DTYPES)
        if ev.index.name != S.EVENT_ID:
            ev.index = pd.Index(ev.index.astype(str), dtype="string", name=S.EVENT_ID)
        self._events = ev
        self._rejected = (
            empty_rejected() if rejected is None else conform(rejected, REJECTED_DTYPES)
        )
        self._warnings = empty_warnings() if warnings is None else conform(warnings, WARNING_DTYPES)
        meta = meta or ChronologyMeta()
        changes: dict[str, Any] = {}
        if child_dob is not None:
            changes["child_dob"] = _to_timestamp(child_dob, "child_dob")
        if end_date is not None:
            changes["end_date"] = _to_timestamp(end_date, "end_date")
        if title is not None:
            changes["title"] = title
        self._meta = meta.with_changes(**changes) if changes else meta
        self._graph: Any = None

    # -- the tables -------------------------------------------------------------------------
    @property
    def events(self) -> pd.DataFrame:
        """Canonical events, sorted by ``start``, indexed by ``event_id``."""
        return self._events

    @property
    def rejected(self) -> pd.DataFrame:
        """Every input row that could not become an event, with the reason."""
        return self._rejected

    @property
    def warnings(self) -> pd.DataFrame:
        """Flaws found while reading: code, message and where."""
        return self._warnings

    @property
    def meta(self) -> ChronologyMeta:
        """Title, child's date of birth, end date and the sources read."""
        return self._meta

    def __len__(self) -> int:
        return len(self._events)

    @property
    def graph(self) -> Any:
        """The aggregated agency contact graph (``networkx.MultiDiGraph``), built once.

        See :func:`scr_timeline.graph.build_graph` for the per-event graph.
        """
        if self._graph is None:
            from .graph import build_graph

            self._graph = build_graph(self)
        return self._graph

    # -- derived views ----------------------------------------------------------------------
    def span(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        """Earliest start and latest end of the events (``(None, None)`` when empty)."""
        if self._events.empty:
            return None, None
        return self._events[S.START].min(), self._events[S.END].max()

    def agency_summary(self) -> pd.DataFrame:
        """Events per agency with first and last date, busiest agency first.

        Examples
        --------
        >>> from scr_timeline.testing import make_events
        >>> chron = Chronology(make_events(start=["2007-01-02", "2007-02-03"], agency=["gp", "gp"]))
        >>> int(chron.agency_summary().loc["gp", "events"])
        2
        """
        ev = self._events
        if ev.empty:
            return pd.DataFrame(
                {"label": [], "events": [], "first": [], "last": []},
                index=pd.Index([], name=S.AGENCY),
            )
        grouped = ev.groupby(S.AGENCY, observed=True)
        out = pd.DataFrame(
            {
                "events": grouped.size(),
                "first": grouped[S.START].min(),
                "last": grouped[S.END].max(),
            }
        )
        out.index = pd.Index(out.index.astype(str), name=S.AGENCY)
        out.insert(0, "label", [S.AGENCY_LABELS.get(a, a) for a in out.index])
        return out.sort_values(["events", "first"], ascending=[False, True])

    def summary(self) -> str:
        """A plain-text summary: sources, date span, events per agency, rejected, warnings."""
        lines = [self.meta.title or "Chronology"]
        first, last = self.span()
        if first is not None and last is not None:
            lines.append(
                f"  {len(self):,} events from {first:%d %b %Y} to {last:%d %b %Y}"
                f" ({len(self.meta.sources)} source table(s))"
            )
        else:
            lines.append(f"  no events ({len(self.meta.sources)} source table(s))")
        aged = int(self._events[S.CHILD_AGE_DAYS].notna().sum())
        if self.meta.child_dob is None and aged:
            lines.append(
                "  child's date of birth: not known (the ages come from the chronology's"
                f" age column: {aged:,} of {len(self):,} events have one)"
            )
        if self.meta.child_dob is not None:
            taken = (self.warnings[S.CODE] == S.CHILD_DOB_INFERRED).any()
            lines.append(
                f"  child's date of birth: {self.meta.child_dob:%d %b %Y}"
                + (
                    " (taken from the chronology: see the child_dob_inferred warning)"
                    if taken
                    else ""
                )
            )
        lines.append(f"  rejected rows: {len(self.rejected):,}   warnings: {len(self.warnings):,}")
        table = self.agency_summary()
        if not table.empty:
            width = max(len(label) for label in table["label"])
            # (the columns as Python values: iterrows built a Series per agency)
            for label, events, first, last in zip(
                table["label"], table["events"], table["first"], table["last"], strict=True
            ):
                lines.append(
                    f"    {label:<{width}}  {events:>6,}  {first:%d/%m/%Y} - {last:%d/%m/%Y}"
                )
        if len(self.rejected):
            reasons = self.rejected[S.REASON_CODE].value_counts()
            lines.append(
                "  rejected by reason: "
                + ", ".join(f"{code} {count}" for code, count in reasons.items())
            )
        if len(self.warnings):
            codes = self.warnings[S.CODE].value_counts()
            lines.append(
                "  warnings by code: "
                + ", ".join(f"{code} {count}" for code, count in codes.items())
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        first, last = self.span()
        span = (
            f"{first:%Y-%m-%d}..{last:%Y-%m-%d}"
            if first is not None and last is not None
            else "empty"
        )
        return (
            f"<Chronology {self.meta.title or ''!s}{' ' if self.meta.title else ''}"
            f"events={len(self)} agencies={self._events[S.AGENCY].nunique()} span={span} "
            f"rejected={len(self.rejected)} warnings={len(self.warnings)}>"
        )

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        esc = html.escape
        first, last = self.span()
        title = esc(self.meta.title or "Chronology")
        span = (
            f"{first:%d %b %Y} &ndash; {last:%d %b %Y}"
            if first is not None and last is not None
            else "no events"
        )
        rows = "".join(
            f"<tr><td>{esc(str(r['label']))}</td><td style='text-align:right'>{r['events']:,}</td>"
            f"<td>{r['first']:%d/%m/%Y}</td><td>{r['last']:%d/%m/%Y}</td></tr>"
            for _, r in self.agency_summary().iterrows()
        )
        return (
            "<div class='scr-chronology'>"
            f"<strong>{title}</strong><br>"
            f"{len(self):,} events, {span}; {len(self.meta.sources)} source table(s); "
            f"<b>{len(self.rejected):,}</b> rejected rows; <b>{len(self.warnings):,}</b> warnings"
            "<table><thead><tr><th>Agency</th><th>Events</th><th>First</th><th>Last</th></tr>"
            f"</thead><tbody>{rows}</tbody></table></div>"
        )

    # -- export -----------------------------------------------------------------------------
    def to_csv(self, folder: str | Path) -> dict[str, Path]:
        """Write ``events.csv``, ``rejected.csv`` and ``warnings.csv`` into ``folder``.

        Tuples are joined with ``"; "``; cells that a spreadsheet would run as a formula
        (starting with ``= + - @``, tab or carriage return) are prefixed with ``'``. Nothing
        is written outside ``folder``; each file is written to a temporary name and renamed.

        Returns
        -------
        dict
            Table name to the path written.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = {}
        for name, frame in (
            ("events", self._events.reset_index()),
            ("rejected", self._rejected),
            ("warnings", self._warnings),
        ):
            path = out / f"{name}.csv"
            write_csv_atomic(frame_for_export(frame), path)
            written[name] = path
        return written

    def copy(self) -> Chronology:
        """A deep copy."""
        return Chronology(
            self._events.copy(), self._rejected.copy(), self._warnings.copy(), self._meta
        )


# --- export helpers ----------------------------------------------------------------------------
_FORMULA_PATTERN = r"[=+\-@\t\r]"


def safe_for_spreadsheet(values: pd.Series) -> pd.Series:
    """Neutralise cells a spreadsheet would treat as formulas by prefixing ``'``.

    Examples
    --------
    >>> safe_for_spreadsheet(pd.Series(["=HYPERLINK(1)", "ok"])).tolist()
    ["'=HYPERLINK(1)", 'ok']
    """
    text = values.astype("string")
    mask = text.str.match(_FORMULA_PATTERN).fillna(False).to_numpy(dtype=bool)
    if not mask.any():
        return values
    out = values.astype(object).copy()
    out[mask] = ("'" + text[mask]).to_numpy(dtype=object)
    return out


def frame_for_export(frame: pd.DataFrame) -> pd.DataFrame:
    """Join tuple columns with ``"; "`` and neutralise formula-like text cells."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if (
            isinstance(series.dtype, pd.CategoricalDtype)
            and series.dtype.categories.dtype == object
        ):
            series = series.astype(object)
        if series.dtype == object:
            is_tuple = np.fromiter((isinstance(v, tuple) for v in series), bool, len(series))
            if is_tuple.any():
                joined = series[is_tuple].map("; ".join)
                series = series.astype(object).copy()
                series[is_tuple] = joined
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            series = safe_for_spreadsheet(series)
        out[col] = series
    return out


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Write through a temporary file in the same folder, then rename over ``path``.

    ``write`` gets the temporary path. On any failure (a full disk, Ctrl-C) the temporary
    file is removed and whatever was at ``path`` stays whole.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write a CSV (UTF-8 with BOM, so Excel reads it) to a temporary file, then rename."""
    write_atomic(
        path,
        lambda tmp: frame.to_csv(
            tmp, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d %H:%M:%S"
        ),
    )


# --- merging -----------------------------------------------------------------------------------
def sort_events(events: pd.DataFrame, order: pd.Series | None = None) -> pd.DataFrame:
    """Sort events by start, keeping the chronology's own order for equal starts.

    ``order`` is the input order (source order then row); equal starts keep it, so a
    referral listed before the visit that closed it stays first.
    """
    if order is None:
        order = pd.Series(np.arange(len(events)), index=events.index)
    positions = np.lexsort((order.to_numpy(), events[S.START].to_numpy()))
    if (positions[1:] > positions[:-1]).all():
        return events  # already in order
    return take_rows(events, positions)


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[positions]``, with Arrow string columns taken by Arrow in one go.

    pandas takes Arrow-backed columns one chunk at a time; a pyarrow Table takes them
    several times faster, which matters for a million rows of narrative.
    """
    arrow_cols = [
        name
        for name, dtype in frame.dtypes.items()
        if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
    ]
    if len(frame) < 10_000 or not arrow_cols:
        return frame.iloc[positions]
    import pyarrow as pa

    rest = frame.drop(columns=arrow_cols).iloc[positions]
    table = pa.table({str(i): pa.array(frame[name].array) for i, name in enumerate(arrow_cols)})
    taken = table.take(pa.array(positions))
    out = rest.copy(deep=False)
    for i, name in enumerate(arrow_cols):
        out[name] = pd.Series(
            pd.arrays.ArrowStringArray(taken.column(str(i))), index=rest.index, name=name
        )
    return out[list(frame.columns)]


def names_an_agency(title: str | None) -> bool:
    """Whether ``title`` is a short title that only names an agency ("Police", "GP
    records"): a table's label, no title of a whole chronology."""
    from .classify.agencies import agency_from_name

    return title is not None and len(title.split()) <= 4 and agency_from_name(title) is not None


def merged_title(titles: Sequence[str | None]) -> str | None:
    """The title of merged chronologies: their title when they share one; when each
    agency's table has its own ("Health Visiting chronology - Child A", "Police chronology
    - Child A"), the words they all share at the end or the start ("Chronology - Child
    A"), when that is two words or more; else none (one agency's title would name the
    whole chronology after that agency).

    >>> merged_title(["GP chronology - Child A (DOB 01/01/2019)", None,
    ...               "Police chronology - Child A (DOB 01/01/2019)"])
    'Chronology - Child A (DOB 01/01/2019)'
    >>> merged_title(["Child A: GP records", "Child A: police records"])
    'Child A'
    >>> merged_title(["GP records", "Police records"]) is None
    True
    >>> merged_title(["Multi-agency chronology: Child A", "Police", "GP"])
    'Multi-agency chronology: Child A'
    """
    distinct = list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))
    if len(distinct) > 1:
        # a block's title that only names its agency ("Police" over the police's rows, under
        # the sheet's "Multi-agency chronology: Child A") is no title of the whole
        whole = [t for t in distinct if not names_an_agency(t)]
        distinct = whole or distinct
    if len(distinct) <= 1:
        return distinct[0] if distinct else None
    words = [t.split() for t in distinct]
    shortest = min(len(w) for w in words)
    end = 0
    while end < shortest and len({w[len(w) - 1 - end].lower() for w in words}) == 1:
        end += 1
    start = 0
    while start < shortest and len({w[start].lower() for w in words}) == 1:
        start += 1
    shared = words[0][len(words[0]) - end :] if end >= start else words[0][:start]
    text = " ".join(shared).strip(" -:;,|")
    if len(text.split()) < 2 or not any(c.isalpha() for c in text):
        return None
    return text[0].upper() + text[1:]


def merge(chronologies: Iterable[Chronology], *, title: str | None = None) -> Chronology:
    """Merge several chronologies into one; nothing is dropped.

    Event ids stay as they are unless two inputs share one, in which case the later
    input's ids are prefixed with its position (``2:police-r14``) and a warning says so.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> a = Chronology(make_events(start=["2007-03-14"], agency=["gp"]))
    >>> b = Chronology(make_events(start=["2007-03-12"], agency=["police"]))
    >>> merge([a, b]).events["agency"].tolist()
    ['police', 'gp']
    """
    chrons = list(chronologies)
    if not chrons:
        return Chronology()
    for c in chrons:
        if not isinstance(c, Chronology):
            raise TypeError(f"merge() takes Chronology objects, not {type(c).__name__}")
    if len(chrons) == 1 and title is None:
        return chrons[0]
    seen: set[str] = set()
    frames: list[pd.DataFrame] = []
    orders: list[np.ndarray] = []
    extra_warnings: list[dict[str, Any]] = []
    offset = 0
    for position, chron in enumerate(chrons, start=1):
        ev = chron.events
        ids = ev.index.astype(str)
        written = ids.tolist()
        if seen.isdisjoint(written):  # the usual case, checked in one pass
            clash = np.zeros(len(ids), dtype=bool)
        else:
            clash = np.fromiter(map(seen.__contains__, written), dtype=bool, count=len(written))
        if clash.any():
            ev = ev.copy()
            new_ids = np.where(clash, f"{position}:" + ids, ids)
            ev.index = pd.Index(new_ids, dtype="string", name=S.EVENT_ID)
            extra_warnings.append(
                {
                    S.CODE: "event_id_clash",
                    S.MESSAGE: f"{int(clash.sum())} event id(s) of input {position} were also "
                    f"used by an earlier input; prefixed with '{position}:'",
                    S.SOURCE_FILE: str(ev[S.SOURCE_FILE].iloc[0]) if len(ev) else None,
                }
            )
        seen.update(ev.index.astype(str).tolist() if clash.any() else written)
        frames.append(ev)
        orders.append(np.arange(offset, offset + len(ev)))
        offset += len(ev)
    events = pd.concat(frames) if frames else empty_events()
    order = pd.Series(np.concatenate(orders), index=events.index)
    events = sort_events(events, order)
    rejected = pd.concat([c.rejected for c in chrons], ignore_index=True)
    warnings = pd.concat(
        [c.warnings for c in chrons] + ([pd.DataFrame(extra_warnings)] if extra_warnings else []),
        ignore_index=True,
    )
    dobs = {c.meta.child_dob for c in chrons if c.meta.child_dob is not None}
    ends = [c.meta.end_date for c in chrons if c.meta.end_date is not None]
    if len(dobs) > 1:
        warnings = pd.concat(
            [
                warnings,
                pd.DataFrame(
                    [
                        {
                            S.CODE: "child_dob_conflict",
                            S.MESSAGE: "the inputs give different dates of birth: "
                            + ", ".join(sorted(f"{d:%d/%m/%Y}" for d in dobs))
                            + "; using the earliest",
                        }
                    ]
                ),
            ],
            ignore_index=True,
        )
    meta = ChronologyMeta(
        title=title or merged_title([c.meta.title for c in chrons]),
        child_dob=min(dobs) if dobs else None,
        end_date=max(ends) if ends else None,
        sources=tuple(s for c in chrons for s in c.meta.sources),
    )
    return Chronology(events, rejected, warnings, meta)
