"""Classify a canonical events table in one pass: event types, roles, injuries, whether
the child was seen, counterparts and the child's age.

Every classifier reads its words from a vocabulary file in ``scr_timeline/data``; pass
files of your own by name in ``vocabularies`` to extend them:

================  =================================================  ====================
name              what it holds                                      loader
================  =================================================  ====================
event_types       event-type phrases, guards and planned/past cues   ``load_event_types``
roles             practitioner titles and codes                      ``load_roles``
injuries          injury terms, guards, negation and other cues      ``load_injury_vocabulary``
family_members    family words and narrative guards                  ``load_family_members``
child_seen        child-seen cues                                    ``load_child_seen_cues``
agency_aliases    agency names (see :mod:`.agencies`)                ``load_agency_aliases``
counterpart_cues  contacts that did not happen or are only planned   ``load_counterpart_cues``
================  =================================================  ====================

All the work is done on whole columns: cells are split into pieces at ". " with Arrow,
the distinct pieces are matched once with one compiled alternation per vocabulary, and
the per-piece results are gathered back to rows with NumPy.

Examples
--------
>>> import pandas as pd
>>> from scr_timeline.testing import make_events
>>> events = make_events(
...     start=["13/12/2006", "14/12/2006", "15/12/2006"],
...     agency=["gp", "paediatrics", "csc"],
...     practitioner=["GP1", "Dr P1", "TM1"],
...     details=["Mother brought Child with bruises to face; no explanation given.",
...              "CP medical: no fractures, no new bruising.",
...              "Strategy discussion held; agreed s47 and CP medical."],
...     outcome=["Phoned the CSC duty desk.", None, None])
>>> out, warnings = classify_events(events, child_dob=pd.Timestamp("2006-03-01"))
>>> print(out[["event_type", "role", "injury", "suspicious_injury", "counterparts"]].to_string())
                   event_type           role  injury  suspicious_injury    counterparts
event_id
e1             gp_appointment             gp    True               True   (csc, mother)
e2        medical_examination  paediatrician   False              False              ()
e3        strategy_discussion   team_manager   False              False  (paediatrics,)
>>> out.loc["e3", "mentions"], out["child_age_days"].tolist(), warnings
(('s47_enquiry', 'medical_examination'), [287, 288, 289], [])
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from scr_timeline import schema
from scr_timeline._prebuilt import regex
from scr_timeline.classify import _text as T
from scr_timeline.classify import counterparts as _counterparts
from scr_timeline.classify import events as _events
from scr_timeline.classify import injuries as _injuries
from scr_timeline.classify import roles as _roles
from scr_timeline.classify import seen as _seen

__all__ = [
    "CHILD_SEEN_UNREAD",
    "NO_CHILD_DOB",
    "VOCABULARY_NAMES",
    "child_age_days",
    "classify_events",
    "written_child_seen",
]

#: Names of the vocabularies ``classify_events`` accepts files for.
VOCABULARY_NAMES: Final = (
    "event_types",
    "roles",
    "injuries",
    "family_members",
    "child_seen",
    "agency_aliases",
    "counterpart_cues",
)
_OTHER_EVENT: Final = "other"
#: Warning code: no date of birth, so the age-based part of ``suspicious_injury`` is off.
NO_CHILD_DOB: Final = "no_child_dob"
_NO_CHILD_DOB_MESSAGE: Final = (
    "no date of birth: age-based rules (under 24 months) are off; only the wording decides "
    "suspicious_injury"
)


#: Warning code: cells of a "Child seen? (Y/N)" column that say neither yes nor no.
CHILD_SEEN_UNREAD: Final = "child_seen_unread"
# a "Child seen?" cell, lower-cased: nothing to go on; no; yes (in that order of test)
_SEEN_UNKNOWN: Final = regex(
    r"^(?:n\s*/\s*[ak]|n\.?\s*a\.?|nk|unknown|unk|tbc|not\s+(?:applicable|known|recorded|"
    r"stated|relevant|documented)|no\s+record(?:ed)?|unclear|[?\-\u2013\u2014.\s]+)(?![a-z])"
)
_SEEN_NO: Final = regex(
    r"^(?:n|no|not|none|unseen)(?![a-z])|\bnot\s+(?:been\s+)?seen\b|\bseen\s*:\s*no\b"
)
_SEEN_YES: Final = regex(r"^(?:y|yes|seen|\u2713|\u2714)(?![a-z])|\bseen\b")


def written_child_seen(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """A "Child seen? (Y/N)" column read: per row True (Y, Yes, "Seen", "Yes - seen
    alone"), False (N, No, "Not seen", "No - asleep upstairs") or NA (blank, "N/A",
    "Not known", "-"), and the cells that say neither, as written (NA elsewhere).

    Each distinct cell is read once.

    >>> seen, unread = written_child_seen(pd.Series(["Y", "No - asleep", "N/A", "at door"]))
    >>> seen.tolist(), unread.dropna().tolist()
    ([True, False, <NA>, <NA>], ['at door'])
    """
    text = cells.astype("string").str.strip()
    text = text.mask(text == "")
    codes, distinct = pd.factorize(text.str.lower())
    words = pd.Series(distinct, dtype="string")
    unknown = words.str.contains(_SEEN_UNKNOWN).fillna(True).to_numpy(dtype=bool)
    no = words.str.contains(_SEEN_NO).fillna(False).to_numpy(dtype=bool) & ~unknown
    yes = words.str.contains(_SEEN_YES).fillna(False).to_numpy(dtype=bool) & ~unknown & ~no
    value = np.append(np.where(yes, 1, np.where(no, 0, -1)), -1)  # [-1]: a blank cell
    per_row = value[codes]
    seen = pd.array(per_row == 1, dtype="boolean")
    seen[per_row < 0] = pd.NA
    neither = np.append(~(unknown | no | yes), False)
    unread_rows = neither[codes]
    return (
        pd.Series(seen, index=cells.index, name=schema.CHILD_SEEN),
        text.where(unread_rows),
    )


def child_age_days(start: pd.Series, child_dob: pd.Timestamp | str) -> pd.Series:
    """Age of the child in whole days at each ``start``; missing before the birth.

    A text date of birth is read as UK dates are ("01/03/2006" is 1 March).

    Examples
    --------
    >>> import pandas as pd
    >>> starts = pd.Series(pd.to_datetime(["2006-03-02 14:30", None, "2006-02-01 09:00"]))
    >>> child_age_days(starts, "01/03/2006").tolist()
    [1, <NA>, <NA>]
    """
    if isinstance(child_dob, str):
        from scr_timeline.dates import parse_date

        dob = parse_date(child_dob)[0]
    else:
        dob = pd.Timestamp(child_dob).normalize()
    days = (pd.to_datetime(start).dt.normalize() - dob).dt.days.astype("Int64")
    days = days.mask(days < 0)
    return days.rename(schema.CHILD_AGE_DAYS)


#: Written ages agree on a date of birth when at least this share of them give one within
#: ``_DOB_SPREAD_DAYS`` of their median (a sibling's age, or a stray figure, is outvoted).
_DOB_AGREEING: Final = 2 / 3
_DOB_SPREAD_DAYS: Final = 60
#: Ages over this many days are not counted from (36 months: the forms read are a young
#: child's, and a date of birth is what the under-24-months rules need).
_DOB_OLDEST_DAYS: Final = 1096


def dob_from_written_ages(
    pool: T.Pool, events: pd.DataFrame
) -> tuple[pd.Timestamp, dict[str, Any]] | None:
    """The child's date of birth the ages written in the entries give ("Child A (5
    months) appeared well", "baby (2/52)", "aged 7/12", "a 6-week-old"), counted back from
    each row's date, and the ``child_dob_inferred`` warning saying so; None when no entry
    writes one, or when they disagree (two young children, or a figure that is no age).

    ``pool`` holds the rows' details and outcome first (fields 0 and 1).
    """
    from scr_timeline.ages import written_ages

    ages = written_ages(pool.pieces)
    if np.isnan(ages).all():
        return None
    span = pool.upto(2)
    return _dob_from_ages(ages[pool.piece[span]], pool.row[span], events)


def _dob_from_ages(
    age: np.ndarray, rows: np.ndarray, events: pd.DataFrame
) -> tuple[pd.Timestamp, dict[str, Any]] | None:
    """:func:`dob_from_written_ages` from the written age (days, NaN for none) of each
    piece of the rows' details and outcome, and the row (of ``events``) it is in."""
    starts = events[schema.START].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    keep = ~np.isnan(age) & (age <= _DOB_OLDEST_DAYS) & ~np.isnat(starts[rows])
    if not keep.any():
        return None
    rows, age = rows[keep], age[keep].astype(np.int64)
    born = starts[rows].astype(np.int64) - age  # days since 1970
    middle = int(np.median(born))
    agree = np.abs(born - middle) <= _DOB_SPREAD_DAYS
    if agree.sum() < _DOB_AGREEING * len(born):
        return None
    dob = pd.Timestamp(np.datetime64(int(np.median(born[agree])), "D"))
    first = int(rows[agree].min())
    row = events.iloc[first]
    text = next(
        (str(row[c]) for c in (schema.DETAILS, schema.OUTCOME) if c in events and pd.notna(row[c])),
        "",
    )
    text = " ".join(text.split())
    quoted = repr(text if len(text) <= 120 else text[:119] + "\u2026")
    n_rows = len(np.unique(rows[agree]))
    where = ", ".join(
        f"{name} {row[column]}"
        for name, column in (("sheet", schema.SOURCE_SHEET), ("row", schema.SOURCE_ROW))
        if column in events and pd.notna(row[column])
    )
    place = " ".join(
        filter(None, [str(row[schema.SOURCE_FILE]) if schema.SOURCE_FILE in events else "", where])
    )
    note = {
        schema.CODE: schema.CHILD_DOB_INFERRED,
        schema.MESSAGE: (
            f"the child's date of birth was taken as about {dob:%d/%m/%Y}, counted back from "
            f"the ages the entries write ({n_rows} row(s); the first in {place or 'a row'}: "
            f"{quoted}); the age-based rules count from it (pass child_dob=, or --child-dob, "
            "to give the real one)"
        ),
        schema.SOURCE_FILE: row.get(schema.SOURCE_FILE),
        schema.SOURCE_SHEET: row.get(schema.SOURCE_SHEET),
        schema.SOURCE_ROW: row.get(schema.SOURCE_ROW),
    }
    return dob, note


def _paths(vocabularies: Mapping[str, str | os.PathLike[str]] | None) -> dict[str, Any]:
    if vocabularies is None:
        return {}
    if not isinstance(vocabularies, Mapping):
        raise TypeError(
            f"vocabularies must be a mapping of name to path, not {type(vocabularies).__name__}"
        )
    unknown = sorted(set(vocabularies) - set(VOCABULARY_NAMES))
    if unknown:
        raise ValueError(
            f"unknown vocabulary name(s) {', '.join(map(repr, unknown))}; "
            f"expected any of {', '.join(VOCABULARY_NAMES)}"
        )
    for name, path in vocabularies.items():
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"the path for vocabulary {name!r} must be a string or a Path")
    return {name: Path(path) for name, path in vocabularies.items()}


def _warning(code: str, message: str, events: pd.DataFrame) -> dict[str, Any]:
    source_file = None
    if schema.SOURCE_FILE in events and len(events):
        # (the column's array: a Series would first hash its index of event ids)
        files = events[schema.SOURCE_FILE].array.unique().dropna()
        source_file = str(files[0]) if len(files) == 1 else None
    return {
        schema.CODE: code,
        schema.MESSAGE: message,
        schema.SOURCE_FILE: source_file,
        schema.SOURCE_SHEET: None,
        schema.SOURCE_ROW: None,
    }


def _with_contact_types(
    found: _events.EventFindings,
    contact: pd.Series,
    slots: np.ndarray,
    matcher: Any,
    narrative: T.Pool,
) -> _events.EventFindings:
    """Event types where the narrative names none (``other``), from the type of contact a
    case system records beside it ("Note Type: Home Visit", "Consultation Type: Did Not
    Attend"): a row the words do not place is placed by the system's own label (with the
    agencies that label implies). Where the words name an event, they decide (a
    "Telephone call" that was a referral is a referral). A visit so placed whose words
    say it reached no one ("Home Visit" | "No reply. Card left.") is a missed contact,
    as the words alone would make it."""
    other = schema.EVENT_TYPES.index(_OTHER_EVENT)
    todo = (found.code == other) & contact.notna().to_numpy(dtype=bool)
    if not todo.any():
        return found
    placed = _events.find_events(T.build_pool([contact.where(todo)]), slots, matcher)
    fill = todo & (placed.code != other)
    if not fill.any():
        return found
    filled = dataclasses.replace(
        found,
        code=np.where(fill, placed.code, found.code),
        mentions=np.where(fill, found.mentions | placed.mentions, found.mentions),
        implies=np.where(fill, found.implies | placed.implies, found.implies),
        recipient=np.where(fill, placed.recipient, found.recipient),
    )
    return _events.unreached_visits(narrative, filled, matcher)


def classify_events(
    events: pd.DataFrame,
    *,
    child_dob: pd.Timestamp | None = None,
    vocabularies: Mapping[str, str | Path] | None = None,
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Fill the classification columns of a canonical events table.

    Parameters
    ----------
    events
        A canonical events frame (index ``event_id``). Read: ``details``, ``outcome``,
        ``counterparts_text`` (text, may be missing), ``agency`` (agency code of the
        recording agency), ``practitioner``, ``start`` and ``child_age_days``. The
        reviewer's ``comment`` is never read: it is hindsight. A missing column counts as
        empty.
    child_dob
        The child's date of birth. With it, ``child_age_days`` is computed from ``start``
        and the under-24-months test is exact; without it the existing
        ``child_age_days`` is kept (and used, taking 24 months as 730 days), and when no
        row has an age a ``no_child_dob`` warning says the age-based rules are off.
    vocabularies
        Vocabulary files of your own by name (see the module docstring), each extending
        the shipped one.

    Returns
    -------
    events : pandas.DataFrame
        A new frame (the input is not changed) with ``event_type``, ``mentions``,
        ``role``, ``injury``, ``injury_kinds``, ``suspicious_injury``, ``child_seen``,
        ``counterparts`` and ``child_age_days`` filled.
    warnings : list of dict
        Each with ``code``, ``message``, ``source_file``, ``source_sheet``,
        ``source_row``.

    Raises
    ------
    TypeError
        ``events`` is not a DataFrame, or ``vocabularies`` not a mapping of paths.
    ValueError
        ``vocabularies`` names an unknown vocabulary.
    ChronologyReadError
        A vocabulary file cannot be read or holds unknown codes.
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    return classify_events_each([events], child_dobs=[child_dob], vocabularies=vocabularies)[0]


def classify_events_each(
    frames: Sequence[pd.DataFrame],
    *,
    child_dobs: Sequence[pd.Timestamp | None] | None = None,
    vocabularies: Mapping[str, str | Path] | None = None,
) -> list[tuple[pd.DataFrame, list[dict[str, Any]]]]:
    """:func:`classify_events` of each of several events tables, the work done once.

    The same as ``[classify_events(f, child_dob=d, vocabularies=vocabularies) for f, d in
    zip(frames, child_dobs)]``, but what reads each row on its own (event types, roles,
    injuries, whether the child was seen, counterparts: the vocabularies' matching) runs
    once over the rows of every table stacked, each distinct sentence matched once; what
    depends on a table as a whole (the child's date of birth and ages, its warnings) is
    worked out per table. Many small chronologies (a batch) so pay the fixed cost of a
    classification once, not once each.

    Parameters
    ----------
    frames
        Canonical events frames (see :func:`classify_events`).
    child_dobs
        The child's date of birth of each frame (None where not known); all None when
        not given.
    vocabularies
        Vocabulary files of your own by name, for every frame.

    Returns
    -------
    list of (events, warnings)
        Per frame, what :func:`classify_events` returns for it.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> one = make_events(start=["13/12/2006"], agency=["gp"], details=["Seen with Mother."])
    >>> two = make_events(start=["14/12/2006"], agency=["csc"], details=["Home visit."])
    >>> [(out["event_type"].tolist(), len(notes)) for out, notes in classify_events_each(
    ...     [one, two], child_dobs=[pd.Timestamp("2006-03-01"), None])]
    [(['gp_appointment'], 0), (['home_visit'], 1)]
    """
    frames = list(frames)
    for frame in frames:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"events must be a pandas DataFrame, not {type(frame).__name__}")
    dobs = [None] * len(frames) if child_dobs is None else list(child_dobs)
    if len(dobs) != len(frames):
        raise ValueError(f"{len(dobs)} dates of birth for {len(frames)} events tables")
    paths = _paths(vocabularies)
    if not frames:
        return []
    rows = _RowLocal.of(frames, paths)
    ends = np.cumsum([len(f) for f in frames])
    starts = ends - np.array([len(f) for f in frames])
    parts = [
        _Frame(frame, rows, int(lo), int(hi), dob)
        for frame, lo, hi, dob in zip(frames, starts, ends, dobs, strict=True)
    ]
    young = [part.young() for part in parts]  # (each frame's warnings on dates of birth)
    injury = _injuries.injury_columns(
        rows.injuries,
        young[0] if len(young) == 1 else np.concatenate(young),
        pd.RangeIndex(rows.n),
    )
    return [part.finish(injury) for part in parts]


def _stacked(frames: Sequence[pd.DataFrame], name: str, dtype: Any = "string") -> pd.Series | None:
    """Column ``name`` of every frame one after the other (missing values where a frame
    has no such column); None when none has it."""
    if len(frames) == 1:
        return frames[0].get(name)
    if not any(name in f for f in frames):
        return None
    columns = [
        f[name] if name in f else pd.Series(pd.NA, index=f.index, dtype=dtype) for f in frames
    ]
    return pd.concat(columns, ignore_index=True)


@dataclasses.dataclass(slots=True)
class _RowLocal:
    """What each row's own cells decide, for the rows of several frames stacked."""

    n: int
    pool: T.Pool
    agency: pd.Series
    event_type: Any  # Categorical
    mentions: Any
    role: Any  # Categorical
    injuries: _injuries.InjuryFindings
    seen: pd.Series  # from the wording (before a "Child seen?" column's word)
    counterparts: np.ndarray  # uint32 masks
    written_seen: tuple[pd.Series, pd.Series] | None  # a "Child seen?" column read
    _ages: np.ndarray | None = None  # per piece occurrence of fields 0 and 1

    @classmethod
    def of(cls, frames: Sequence[pd.DataFrame], paths: dict[str, Any]) -> _RowLocal:
        n = sum(len(f) for f in frames)
        index = frames[0].index if len(frames) == 1 else pd.RangeIndex(n)
        agency = _stacked(frames, schema.AGENCY, object)
        if agency is None:
            agency = pd.Series(pd.NA, index=index, dtype=object)
        slots = T.agency_slots(agency)

        def text(name: str) -> pd.Series:
            column = _stacked(frames, name)
            return pd.Series(pd.NA, index=index, dtype="string") if column is None else column

        pool = T.build_pool(
            [text(schema.DETAILS), text(schema.OUTCOME), text(schema.COUNTERPARTS_TEXT)]
        )
        event_matcher = _events.matcher(paths.get("event_types"))
        found_events = _events.find_events(pool, slots, event_matcher)
        contact = _stacked(frames, schema.CONTACT_TYPE)
        if contact is not None:
            found_events = _with_contact_types(found_events, contact, slots, event_matcher, pool)
        start = _stacked(frames, schema.START, "datetime64[ns]")
        types = _events.event_columns(found_events, index, start=start)
        event_type = types[schema.EVENT_TYPE]
        role = _roles.roles_from_practitioners(
            text(schema.PRACTITIONER), agency, path=paths.get("roles")
        )
        found_injuries = _injuries.find_injuries(pool, _injuries.matcher(paths.get("injuries")))
        flags = _seen.find_seen(pool, _seen.matcher(paths.get("child_seen")))
        seen = _seen.child_seen_column(flags, event_type, agency, index)
        written = _stacked(frames, schema.CHILD_SEEN_TEXT)
        found = _counterparts.find_counterparts(
            pool,
            _counterparts.matcher(
                family_path=paths.get("family_members"),
                aliases_path=paths.get("agency_aliases"),
                roles_path=paths.get("roles"),
                cues_path=paths.get("counterpart_cues"),
            ),
            slots,
        )
        return cls(
            n=n,
            pool=pool,
            agency=agency,
            event_type=event_type.array,
            mentions=types[schema.MENTIONS].array,
            role=role.array,
            injuries=found_injuries,
            seen=seen,
            counterparts=_counterparts.counterpart_masks(found, slots, found_events),
            written_seen=(
                None if written is None or written.isna().all() else written_child_seen(written)
            ),
        )

    def ages_of(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """The written age of each piece of rows ``lo`` to ``hi`` (details and outcome, in
        the pool's order), and its row counted from ``lo``."""
        from scr_timeline.ages import written_ages

        pool = self.pool
        span = pool.upto(2)
        if self._ages is None:
            ages = written_ages(pool.pieces)
            # (no piece writes an age: most chronologies; nothing to take per frame)
            self._ages = np.zeros(0) if np.isnan(ages).all() else ages[pool.piece[span]]
        if not len(self._ages):
            return self._ages, np.zeros(0, dtype=np.int64)
        if lo == 0 and hi == pool.n_rows:
            return self._ages, pool.row[span]
        taken = []
        at = 0
        for end in pool.ends[:2]:  # each field's occurrences come in row order
            rows = pool.row[at:end]
            first, last = np.searchsorted(rows, [lo, hi])
            taken.append(np.arange(at + first, at + last))
            at = end
        where = np.concatenate(taken)
        return self._ages[where], pool.row[where] - lo


class _Frame:
    """One frame of a stacked classification: its rows ``lo`` to ``hi`` of ``rows``."""

    def __init__(
        self, frame: pd.DataFrame, rows: _RowLocal, lo: int, hi: int, dob: pd.Timestamp | None
    ) -> None:
        self.frame, self.rows, self.lo, self.hi, self.dob = frame, rows, lo, hi, dob
        self.warnings: list[dict[str, Any]] = []
        self.out = frame.copy(deep=False)
        self.ages: Any = None

    def young(self) -> np.ndarray:
        """The rows when the child was under 24 months, after working out the child's ages
        (and the date of birth the entries' written ages give, when none was given)."""
        out, index, child_dob = self.out, self.out.index, self.dob
        rows, lo, hi = self.rows, self.lo, self.hi
        out[schema.EVENT_TYPE] = rows.event_type[lo:hi]
        out[schema.MENTIONS] = rows.mentions[lo:hi]
        out[schema.ROLE] = rows.role[lo:hi]
        if (
            child_dob is None
            and schema.START in out
            and (schema.CHILD_AGE_DAYS not in out or out[schema.CHILD_AGE_DAYS].isna().all())
        ):
            # no date of birth and no ages: the ages the entries write ("Child A (5 months)")
            written = _dob_from_ages(*rows.ages_of(lo, hi), out) if hi > lo else None
            if written is not None:
                child_dob, note = written
                self.warnings.append(note)
        if child_dob is not None and schema.START in out:
            ages = child_age_days(out[schema.START], child_dob)
            young = _injuries.under_24_months(out[schema.START], child_dob=child_dob)
        else:
            if schema.CHILD_AGE_DAYS in out:
                ages = out[schema.CHILD_AGE_DAYS].astype("Int64")
            else:
                ages = pd.Series(pd.NA, index=index, dtype="Int64")
            young = _injuries.under_24_months(
                pd.Series(index=index, dtype=object), child_age_days=ages
            )
            if child_dob is None and ages.isna().all():
                self.warnings.append(_warning(NO_CHILD_DOB, _NO_CHILD_DOB_MESSAGE, out))
        self.ages = ages.array
        return young

    def finish(self, injury: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
        """The frame classified, and its warnings."""
        out, rows, lo, hi = self.out, self.rows, self.lo, self.hi
        out[schema.CHILD_AGE_DAYS] = self.ages
        for column in (schema.INJURY, schema.INJURY_KINDS, schema.SUSPICIOUS_INJURY):
            out[column] = injury[column].array[lo:hi]
        seen = rows.seen.iloc[lo:hi].set_axis(out.index)
        out[schema.CHILD_SEEN] = self._with_written_seen(seen).array
        out[schema.COUNTERPARTS] = _counterparts.counterparts_category(rows.counterparts[lo:hi])
        return out, self.warnings

    def _with_written_seen(self, seen: pd.Series) -> pd.Series:
        """``seen`` (from the wording) with the yes or no of a "Child seen?" column where
        it gives one; one warning for the cells that say neither."""
        events = self.out
        if schema.CHILD_SEEN_TEXT not in events or events[schema.CHILD_SEEN_TEXT].isna().all():
            return seen
        if self.rows.written_seen is None:  # (not so: the frame's column has cells)
            return seen
        written, unread = (
            part.iloc[self.lo : self.hi].set_axis(events.index) for part in self.rows.written_seen
        )
        if unread.notna().any():
            values = unread.dropna().drop_duplicates().head(5).tolist()
            where = ""
            if schema.SOURCE_ROW in events:
                at = events.loc[unread.notna(), schema.SOURCE_ROW].head(5).tolist()
                where = " (rows " + ", ".join(map(str, at)) + ")"
            self.warnings.append(
                _warning(
                    CHILD_SEEN_UNREAD,
                    f"{int(unread.notna().sum())} cell(s) of the child-seen column say neither "
                    f"yes nor no{where}: {', '.join(map(repr, values))}; whether the child was "
                    "seen there is read from the entry's wording",
                    events,
                )
            )
        return written.fillna(seen.astype("boolean"))
