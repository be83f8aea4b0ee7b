"""Findings: what a rulebook found in a chronology, with the evidence for each.

A finding is evidence, not a verdict: it says what was expected, by when, what was found
and why the rule exists. :class:`Findings` holds them as a table (``to_frame()``), and
can filter, count, explain and export them.

Examples
--------
>>> from scr_timeline.chronology import Chronology
>>> from scr_timeline.testing import make_events
>>> from scr_timeline.rules import analyse
>>> chron = Chronology(make_events(
...     start=["2007-06-11", "2007-06-29"], agency=["health_visiting", "csc"],
...     event_type=["disagreement", "home_visit"]))
>>> findings = analyse(chron, rules=["ESC-DISAGREE"])
>>> len(findings), findings[0].status, str(findings[0].due.date())
(1, 'missing', '2007-06-18')
>>> findings.filter(category="timescale").to_frame().empty
True
"""

from __future__ import annotations

import csv
import html
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S

__all__ = ["FINDING_COLUMNS", "FINDING_DTYPES", "WARNING_COLUMNS", "Finding", "Findings"]

#: Columns of :meth:`Findings.to_frame`, in order (DESIGN.md "Findings table").
FINDING_COLUMNS: Final[tuple[str, ...]] = (
    "finding_id",
    "rule_id",
    "category",
    "severity",
    "status",
    "agency",
    "trigger_event_id",
    "trigger_start",
    "due",
    "observed_event_id",
    "observed_start",
    "delay_working_days",
    "evidence",
    "summary",
    "reference",
    "source_file",
    "source_sheet",
    "source_row",
)

#: The dtype of each column of :meth:`Findings.to_frame`.
FINDING_DTYPES: Final[dict[str, Any]] = {
    "finding_id": "string",
    "rule_id": "string",
    "category": "string",
    "severity": pd.CategoricalDtype(["high", "medium", "low"], ordered=True),
    "status": pd.CategoricalDtype(["missing", "late", "gap"]),
    "agency": "string",
    "trigger_event_id": "string",
    "trigger_start": "datetime64[ns]",
    "due": "datetime64[ns]",
    "observed_event_id": "string",
    "observed_start": "datetime64[ns]",
    "delay_working_days": "Int64",
    "evidence": "string",
    "summary": "string",
    "reference": "string",
    "source_file": "string",
    "source_sheet": "string",
    "source_row": "Int64",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: which rule, which event started the clock, what was due and when.

    ``due`` is the deadline day (the action was due by the end of it); ``delay_working_days``
    is how late the action was in working days (late findings; the summary counts the
    calendar days after the deadline where the rule's window is in days, weeks or months) or
    the length of the gap (gap findings, in the rule window's unit); ``evidence`` holds every
    event id the finding rests on.
    ``source_file``, ``source_sheet`` and ``source_row`` are where the trigger event was
    read from, so that a reviewer can open the row without joining the events table.
    """

    finding_id: str
    rule_id: str
    category: str
    severity: str
    status: str
    agency: str
    trigger_event_id: str
    trigger_start: pd.Timestamp
    due: pd.Timestamp | None
    observed_event_id: str | None
    observed_start: pd.Timestamp | None
    delay_working_days: int | None
    evidence: tuple[str, ...]
    summary: str
    reference: str
    source_file: str | None = None
    source_sheet: str | None = None
    source_row: int | None = None


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=FINDING_DTYPES[c]) for c in FINDING_COLUMNS})


#: Columns of :attr:`Findings.warnings`.
WARNING_COLUMNS: Final[tuple[str, ...]] = ("code", "message")


def _warning_frame(warnings: pd.DataFrame | None) -> pd.DataFrame:
    if warnings is None or warnings.empty:
        return pd.DataFrame({c: pd.Series([], dtype="string") for c in WARNING_COLUMNS})
    return warnings.reindex(columns=list(WARNING_COLUMNS)).astype("string").reset_index(drop=True)


class Findings:
    """The findings of one analysis, with the events they point to.

    Parameters
    ----------
    frame
        The findings table (columns :data:`FINDING_COLUMNS`).
    events
        The chronology's events table (for :meth:`explain`).
    rulebook
        Name of the rulebook the findings come from.
    warnings
        What the reviewer should know about the analysis as a whole (columns
        :data:`WARNING_COLUMNS`): ``rulebook_period`` when the chronology's events fall outside
        the period the rulebook's guidance was in force (Working Together 2006 on a 2019 case).
    """

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        *,
        rulebook: str = "",
        horizon: pd.Timestamp | None = None,
        warnings: pd.DataFrame | None = None,
    ) -> None:
        if frame is None or frame.empty:
            table = _empty_frame()
        else:
            table = frame.reindex(columns=list(FINDING_COLUMNS)).astype(FINDING_DTYPES)
        self._frame = table.reset_index(drop=True)
        self._events = events
        self.rulebook = rulebook
        self.horizon = horizon
        self._warnings = _warning_frame(warnings)

    @classmethod
    def _from_table(
        cls,
        table: pd.DataFrame,
        events: pd.DataFrame | None,
        *,
        rulebook: str,
        horizon: pd.Timestamp | None,
        warnings: pd.DataFrame | None = None,
    ) -> Findings:
        """Wrap a table that already has :data:`FINDING_COLUMNS` with their dtypes and a
        0..n-1 index (the engine builds it so): no conversion, no copy."""
        out = cls.__new__(cls)
        out._frame = table
        out._events = events
        out.rulebook = rulebook
        out.horizon = horizon
        out._warnings = _warning_frame(warnings)
        return out

    @property
    def warnings(self) -> pd.DataFrame:
        """What to know about the analysis as a whole, one row per warning (``code``,
        ``message``), e.g. ``rulebook_period``: events outside the period the rulebook's
        guidance was in force, and the edition that applied to them.

        Examples
        --------
        >>> Findings().warnings.columns.tolist()
        ['code', 'message']
        """
        return self._warnings.copy()

    # -- the table ------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """The findings as a DataFrame (a copy), one row per finding.

        Examples
        --------
        >>> Findings().to_frame().columns[:3].tolist()
        ['finding_id', 'rule_id', 'category']
        """
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def _finding(self, i: int) -> Finding:
        row = self._frame.iloc[i]

        def opt(value: Any) -> Any:
            return None if pd.isna(value) else value

        delay = opt(row["delay_working_days"])
        source_row = opt(row["source_row"])
        return Finding(
            finding_id=str(row["finding_id"]),
            rule_id=str(row["rule_id"]),
            category=str(row["category"]),
            severity=str(row["severity"]),
            status=str(row["status"]),
            agency=str(row["agency"]),
            trigger_event_id=str(row["trigger_event_id"]),
            trigger_start=row["trigger_start"],
            due=opt(row["due"]),
            observed_event_id=opt(row["observed_event_id"]),
            observed_start=opt(row["observed_start"]),
            delay_working_days=None if delay is None else int(delay),
            evidence=tuple(str(row["evidence"]).split("; ")) if opt(row["evidence"]) else (),
            summary=str(row["summary"]),
            reference=str(row["reference"]),
            source_file=opt(row["source_file"]),
            source_sheet=opt(row["source_sheet"]),
            source_row=None if source_row is None else int(source_row),
        )

    def __iter__(self) -> Iterator[Finding]:
        return (self._finding(i) for i in range(len(self)))

    def __getitem__(self, key: int | str) -> Finding:
        """A finding by position or by ``finding_id``."""
        if isinstance(key, str):
            hits = (self._frame["finding_id"] == key).to_numpy(dtype=bool).nonzero()[0]
            if len(hits) == 0:
                raise KeyError(key)
            return self._finding(int(hits[0]))
        return self._finding(range(len(self))[key])

    @property
    def ids(self) -> list[str]:
        """The finding ids, in order."""
        return self._frame["finding_id"].astype(str).tolist()

    def filter(
        self,
        *,
        category: str | Sequence[str] | None = None,
        severity: str | Sequence[str] | None = None,
        agency: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        rule_id: str | Sequence[str] | None = None,
    ) -> Findings:
        """The findings that match every given criterion (each one value or several).

        Examples
        --------
        >>> Findings().filter(severity="high", agency=["gp", "hospital"]).to_frame().shape
        (0, 18)
        """
        mask = pd.Series(True, index=self._frame.index)
        for column, wanted in (
            ("category", category),
            ("severity", severity),
            ("agency", agency),
            ("status", status),
            ("rule_id", rule_id),
        ):
            if wanted is None:
                continue
            values = [wanted] if isinstance(wanted, str) else list(wanted)
            mask &= self._frame[column].astype(str).isin(values)
        return Findings(
            self._frame[mask],
            self._events,
            rulebook=self.rulebook,
            horizon=self.horizon,
            warnings=self._warnings,
        )

    def summary(self) -> pd.DataFrame:
        """Findings counted by category and status (rows) with a total column.

        Examples
        --------
        >>> Findings().summary().columns.tolist()
        ['missing', 'late', 'gap', 'total']
        """
        frame = self._frame
        table = pd.crosstab(frame["category"].astype(str), frame["status"], dropna=False)
        table = table.reindex(columns=["missing", "late", "gap"], fill_value=0)
        table.columns = pd.Index(["missing", "late", "gap"])
        table["total"] = table.sum(axis=1)
        table.index.name = "category"
        return table.astype("int64")

    def explain(self, finding_id: str) -> pd.DataFrame:
        """The evidence of one finding: its rows of the events table, in time order.

        An ``evidence_role`` column says what each row is to the finding: ``trigger`` (started the
        clock), ``observed`` (the first matching action) or ``evidence``. Every row keeps
        its ``source_file``, ``source_sheet`` and ``source_row``. :meth:`describe` gives the
        same in words.

        Raises
        ------
        KeyError
            No finding has that id.
        """
        f = self[finding_id]
        ev = self._events
        if ev is None:
            raise KeyError(f"finding {finding_id!r} has no events table to explain it from")
        ids = [eid for eid in f.evidence if eid in ev.index]
        rows = ev.loc[ids].copy()
        role = pd.Series("evidence", index=rows.index, dtype="string")
        if f.observed_event_id is not None and f.observed_event_id in role.index:
            role[f.observed_event_id] = "observed"
        if f.trigger_event_id in role.index:
            role[f.trigger_event_id] = "trigger"
        rows.insert(0, "evidence_role", role)
        return rows.sort_values(S.START, kind="stable")

    def delay_units(self) -> pd.Series:
        """The unit of each finding's ``delay_working_days``, row for row with
        :meth:`to_frame`: "working days" for a late finding, the rule window's unit for a gap
        ("working days" for VIS-CP, "days" for SUP-CADENCE and CONF-REVIEW), "" where there is
        no delay.

        Examples
        --------
        >>> Findings().delay_units().tolist()
        []
        """
        frame = self._frame
        units = [
            ""
            if pd.isna(delay)
            else _delay_unit(self.rulebook, str(rule))
            if status == "gap"
            else "working days"
            for rule, status, delay in zip(
                frame["rule_id"], frame["status"], frame["delay_working_days"], strict=True
            )
        ]
        return pd.Series(units, index=frame.index, dtype=object, name="delay_unit")

    def describe(self, finding_id: str) -> str:
        """Explain one finding in words: the rule, the clock, and every event it rests on.

        Raises
        ------
        KeyError
            No finding has that id.
        """
        f = self[finding_id]
        lines = [
            f"{f.finding_id} ({f.severity}, {f.status}): {f.summary}",
            f"Rule {f.rule_id} [{f.category}], from: {f.reference}",
            f"Agency expected to act: {S.AGENCY_LABELS.get(f.agency, f.agency)}",
        ]
        if f.due is not None:
            lines.append(f"Due by the end of {f.due:%d/%m/%Y}.")
        if f.observed_event_id:
            lines.append(f"First matching action: {f.observed_event_id} ({f.observed_start}).")
        if f.delay_working_days is not None:
            if f.status == "gap":
                unit = _delay_unit(self.rulebook, f.rule_id)
                lines.append(f"gap length: {f.delay_working_days} {unit}")
            else:
                lines.append(f"working days late: {f.delay_working_days}")
        lines.append("Evidence:")
        ev = self._events
        for eid in f.evidence:
            if ev is not None and eid in ev.index:
                row = ev.loc[eid]
                details: str = "" if pd.isna(row[S.DETAILS]) else str(row[S.DETAILS])
                outcome: str = "" if pd.isna(row[S.OUTCOME]) else f" | {row[S.OUTCOME]}"
                where = f"{row[S.SOURCE_FILE]}"
                if not pd.isna(row[S.SOURCE_SHEET]):
                    where += f", sheet {row[S.SOURCE_SHEET]!r}"
                where += f", row {row[S.SOURCE_ROW]}"
                lines.append(
                    f"  - {eid} {row[S.START]:%d/%m/%Y %H:%M} {row[S.AGENCY]} "
                    f"{row[S.EVENT_TYPE]} ({where}): {details}{outcome}"
                )
            else:
                lines.append(f"  - {eid}")
        return "\n".join(lines)

    # -- display and export ------------------------------------------------------------------
    def __repr__(self) -> str:
        counts = self._frame["category"].astype(str).value_counts()
        parts = ", ".join(f"{k}={v}" for k, v in counts.items())
        warned = f" warnings={len(self._warnings)}" if len(self._warnings) else ""
        return (
            f"<Findings rulebook={self.rulebook!r} n={len(self)}{' ' if parts else ''}{parts}"
            f"{warned}>"
        )

    def _repr_html_(self) -> str:
        esc = html.escape
        head = (
            f"<strong>Findings</strong> ({esc(self.rulebook)}): {len(self)} finding(s)"
            if len(self)
            else f"<strong>Findings</strong> ({esc(self.rulebook)}): none"
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{esc(str(r[c]))}</td>"
                for c in ("rule_id", "severity", "status", "agency", "summary")
            )
            + "</tr>"
            for _, r in self._frame.iterrows()
        )
        table = (
            "<table><thead><tr><th>Rule</th><th>Severity</th><th>Status</th><th>Agency</th>"
            f"<th>Summary</th></tr></thead><tbody>{rows}</tbody></table>"
            if len(self)
            else ""
        )
        notes = "".join(
            f"<p class='scr-warning'><strong>Warning</strong> ({esc(str(code))}): "
            f"{esc(str(message))}</p>"
            for code, message in zip(self._warnings["code"], self._warnings["message"], strict=True)
        )
        return f"<div class='scr-findings'>{head}{notes}{table}</div>"

    def to_csv(self, folder: str | Path) -> Path:
        """Write ``findings.csv`` into ``folder`` (created if needed) and return its path.

        Cells a spreadsheet would run as formulas are neutralised; the file is written to a
        temporary name and renamed. The bytes are those of
        :func:`~scr_timeline.chronology.frame_for_export` then
        :func:`~scr_timeline.chronology.write_csv_atomic`, assembled column by column.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        path = out / "findings.csv"
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            tmp.write_bytes(csv_bytes(self._frame))
            tmp.replace(path)
        except BaseException:  # a full disk, Ctrl-C: no partial file left behind
            tmp.unlink(missing_ok=True)
            raise
        return path


# --- the CSV, column by column -------------------------------------------------------------
def _csv_quoted_chars() -> str:
    """The characters that make :mod:`csv` (as pandas calls it) quote a field."""
    quoted = ""
    for ch in (",", '"', "\n", "\r"):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=os.linesep).writerow([f"a{ch}b", "x"])
        if buffer.getvalue().startswith('"'):
            quoted += ch
    return quoted


#: A field :mod:`csv` quotes (RE2 syntax), and a cell a spreadsheet would run as a
#: formula (:func:`scr_timeline.chronology.safe_for_spreadsheet`).
_NEEDS_QUOTES: Final = (
    "[" + "".join({"\n": r"\n", "\r": r"\r"}.get(c, c) for c in _csv_quoted_chars()) + "]"
)
_FORMULA: Final = r"^[=+\-@\t\r]"


def _arrow(values: object) -> pa.Array:
    array = pa.array(values)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array if array.type == pa.large_string() else array.cast(pa.large_string())


def _cells(column: pd.Series) -> tuple[pa.Array, bool]:
    """One column's CSV cells as Arrow strings (missing values null), and whether it is a
    text column (whose cells a spreadsheet might run as formulas)."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "M":
        values = column.to_numpy()
        seconds = values.astype("datetime64[s]")
        text = np.char.replace(np.datetime_as_string(seconds, unit="s"), "T", " ")
        years = seconds.astype("datetime64[Y]").astype(np.int64) + 1970
        odd = ~np.isnat(values) & ((years < 1000) | (years > 9999))
        if odd.any():  # years numpy and strftime write differently: as pandas does
            text = text.astype(object)
            text[odd] = [f"{pd.Timestamp(v):%Y-%m-%d %H:%M:%S}" for v in values[odd]]
        return pa.array(text.astype(object), pa.large_string(), mask=np.isnat(values)), False
    if isinstance(dtype, pd.CategoricalDtype):
        names = pa.array([str(c) for c in dtype.categories], pa.large_string())
        codes = column.cat.codes.to_numpy()
        return names.take(pa.array(codes, mask=codes < 0)), False
    if isinstance(dtype, pd.Int64Dtype):
        return _arrow(column.array), False
    if isinstance(dtype, pd.StringDtype):
        return _arrow(column.array), True
    return _arrow(column.astype("string").array), True


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The findings table as the bytes of a CSV file (UTF-8 with BOM), exactly as pandas
    writes :func:`~scr_timeline.chronology.frame_for_export` of it.

    The text cells of every column are checked at once (one Arrow array): those that start
    like a formula get a leading ``'``, those with a comma, quote or line break are quoted
    as :mod:`csv` quotes them.
    """
    names = [str(c) for c in frame.columns]
    lines = [",".join(_quote(pa.array(names, pa.large_string())).to_pylist())]
    n = len(frame)
    if n:
        columns = [_cells(frame[c]) for c in frame.columns]
        # dates, numbers and the fixed categories never need a quote or a formula guard
        text = [i for i, (_, is_text) in enumerate(columns) if is_text]
        cells = [c.fill_null("") if c.null_count else c for c, _ in columns]
        if text:
            joined = pa.concat_arrays([cells[i] for i in text])
            formula = pc.match_substring_regex(joined, _FORMULA)
            if formula.true_count:
                guarded = pc.binary_join_element_wise(_large("'"), joined, _large(""))
                joined = pc.if_else(formula, guarded, joined)
            joined = _quote(joined)
            for k, i in enumerate(text):
                cells[i] = joined.slice(k * n, n)
        rows = pc.binary_join_element_wise(*cells, _large(","))
        lists = pa.LargeListArray.from_arrays(pa.array([0, n], pa.int64()), rows)
        lines.append(pc.binary_join(lists, _large(os.linesep))[0].as_py())
    return ("\ufeff" + os.linesep.join(lines) + os.linesep).encode("utf-8")


def _quote(cells: pa.Array) -> pa.Array:
    """Quote the cells :mod:`csv` would quote (doubling their quotes)."""
    needed = pc.match_substring_regex(cells, _NEEDS_QUOTES)
    if not needed.true_count:
        return cells
    doubled = pc.replace_substring(cells, '"', '""')
    quoted = pc.binary_join_element_wise(_large('"'), doubled, _large('"'), _large(""))
    return pc.if_else(needed, quoted, cells)


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _delay_unit(rulebook: str, rule_id: str) -> str:
    """The unit of a finding's ``delay_working_days``: its rule window's ("working days" or
    "days"); working days when the rulebook cannot be found again by its name."""
    from ..exceptions import ScrTimelineError
    from .rulebook import load_rulebook

    try:
        rule = load_rulebook(rulebook).rules.get(rule_id) if rulebook else None
    except (ScrTimelineError, OSError, ValueError):
        rule = None
    window = getattr(rule, "window", None)
    return "days" if window is not None and window.unit != "WD" else "working days"
