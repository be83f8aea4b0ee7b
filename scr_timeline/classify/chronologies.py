"""Classify whole chronologies, one or many at once.

:func:`classify_each` fills the classification columns of several chronologies (event
types, injuries, whether the child was seen, counterparts, the child's ages, duplicate
records) with the work on each row's own cells done once over all their events stacked:
a batch of small chronologies pays the fixed cost of a classification once, not once per
chronology. The result is exactly what classifying each on its own gives
(``scr_timeline.io.table.classify_chronology``, which is :func:`classify_each` of one).

A batch reads its files with the readers' classification put off
(:func:`deferred_classification`), classifies them together, and puts each reader's
chronology back together with :func:`complete`.

Examples
--------
>>> from scr_timeline.chronology import Chronology
>>> from scr_timeline.testing import make_events
>>> chrons = [Chronology(make_events(start=["12/03/2007"], agency=["gp"],
...                                  details=["Seen with Mother; bruise to cheek."])),
...           Chronology(make_events(start=["14/03/2007"], agency=["csc"],
...                                  details=["Home visit, Child A seen."]))]
>>> [c.events["event_type"].tolist() for c in classify_each(chrons)]
[['gp_appointment'], ['home_visit']]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath
from typing import Any, Final, cast

import numpy as np
import pandas as pd

from scr_timeline import schema as S
from scr_timeline.chronology import Chronology

__all__ = [
    "DUPLICATES_NOT_CHECKED",
    "DUPLICATES_UP_TO",
    "Deferred",
    "classify_each",
    "complete",
    "deferred_classification",
]

#: A single table with more events than this is not searched for two agencies' records of
#: one contact unless asked (``duplicates=True``); see :func:`classify_each`.
DUPLICATES_UP_TO: Final = 200_000
#: Warning code: a large single table was not searched for duplicate records.
DUPLICATES_NOT_CHECKED: Final = "duplicates_not_checked"

Vocabularies = Mapping[str, str | PurePath] | None


def classify_each(
    chrons: Sequence[Chronology],
    *,
    vocabularies: Vocabularies = None,
    duplicates: bool | Sequence[bool] = False,
    duplicates_up_to: int = DUPLICATES_UP_TO,
) -> list[Chronology]:
    """Fill each chronology's classification columns (event types, injuries, contacts ...).

    The same as classifying each chronology on its own
    (``scr_timeline.io.table.classify_chronology``): the same events, dtypes, index,
    rejected rows, warnings and metadata; but the vocabularies are matched once over the
    events of all of them (see :func:`scr_timeline.classify.pipeline.classify_events_each`).
    The child's date of birth and ages, the warnings and the search for duplicate records
    are each chronology's own.

    The same contact recorded by two agencies is linked by ``duplicate_of`` on the copy,
    the record that holds nothing the other does not (nothing is deleted; see
    :mod:`scr_timeline.classify.duplicates`): always with ``duplicates=True`` (merged agency
    chronologies), and otherwise (a panel's combined table, which lists every agency's
    records of one meeting) when the table holds several agencies and at most
    ``duplicates_up_to`` events. A larger table with several agencies gets a
    ``duplicates_not_checked`` warning instead: comparing its records costs seconds per
    hundred thousand.

    Parameters
    ----------
    chrons
        The chronologies, read (their classification columns may be empty).
    vocabularies
        Vocabulary files of your own by name (see :mod:`scr_timeline.classify.pipeline`),
        for every chronology.
    duplicates
        Whether to always search for duplicate records: one answer for all, or one per
        chronology.
    duplicates_up_to
        The most events of a table searched for duplicates when not asked.

    Returns
    -------
    list of Chronology
        One per chronology given, in order.
    """
    from .birth import child_dob_of
    from .duplicates import mark_duplicates
    from .pipeline import classify_events_each

    chrons = list(chrons)
    for chron in chrons:
        if not isinstance(chron, Chronology):
            raise TypeError(f"expected Chronology objects, not {type(chron).__name__}")
    asked = [duplicates] * len(chrons) if isinstance(duplicates, bool) else list(duplicates)
    if len(asked) != len(chrons):
        raise ValueError(f"{len(asked)} duplicates flags for {len(chrons)} chronologies")
    found_dobs = [child_dob_of(c) for c in chrons]  # when none was given: each one's own
    classified = classify_events_each(
        [c.events for c in chrons],
        child_dobs=[meta.child_dob for meta, _notes in found_dobs],
        vocabularies=cast(Any, vocabularies),
    )
    out = []
    for chron, (meta, dob_notes), (events, notes), always in zip(
        chrons, found_dobs, classified, asked, strict=True
    ):
        found = [*dob_notes, *notes]
        if meta.child_dob is None and any(n[S.CODE] == S.CHILD_DOB_INFERRED for n in found):
            # classification counted a date of birth back from the ages the entries write
            meta = meta.with_changes(child_dob=_dob_of_ages(events))
        agencies = events[S.AGENCY].nunique() if len(events) > 1 else 0
        if always and len(events) > 1:
            events = mark_duplicates(events)
        elif agencies > 1 and len(events) <= duplicates_up_to:
            # a panel's combined table: every agency's records of one contact in one sheet
            events = mark_duplicates(events)
        elif agencies > 1:
            found.append(_unchecked_duplicates(events, duplicates_up_to))
        warnings = chron.warnings
        if found:
            warnings = pd.concat([warnings, pd.DataFrame(found)], ignore_index=True)
        out.append(Chronology(events, chron.rejected, warnings, meta))
    return out


def _unchecked_duplicates(events: pd.DataFrame, up_to: int) -> dict[str, Any]:
    """The ``duplicates_not_checked`` warning of a table too large to compare by default."""
    sources = events[S.SOURCE_FILE].dropna() if S.SOURCE_FILE in events else pd.Series()
    return {
        S.CODE: DUPLICATES_NOT_CHECKED,
        S.MESSAGE: (
            f"{len(events):,} events from {events[S.AGENCY].nunique()} agencies in one table: "
            "two agencies' records of one contact were not linked (duplicate_of is empty) "
            f"above {up_to:,} events; link them with "
            "scr_timeline.classify.mark_duplicates(chron.events)"
        ),
        S.SOURCE_FILE: str(sources.iloc[0]) if len(sources) else "",
        S.SOURCE_SHEET: None,
        S.SOURCE_ROW: None,
    }


def _dob_of_ages(events: pd.DataFrame) -> pd.Timestamp:
    """The date of birth the events' ages were counted from (any aged row's day, less its
    age)."""
    ages = events[S.CHILD_AGE_DAYS].to_numpy(dtype="float64", na_value=np.nan)
    first = int(np.flatnonzero(~np.isnan(ages))[0])
    day = events[S.START].to_numpy(dtype="datetime64[ns]")[first].astype("datetime64[D]")
    return pd.Timestamp(day - np.timedelta64(int(ages[first]), "D"))


# --- classification put off while reading --------------------------------------------------
@dataclasses.dataclass(frozen=True, slots=True)
class Deferred:
    """A classification a reader asked for while classification was put off: the
    chronology as the reader had it then, and the reader's options."""

    chronology: Chronology
    vocabularies: Vocabularies
    duplicates: bool


_DEFERRED: ContextVar[list[Deferred] | None] = ContextVar("scr_timeline_deferred", default=None)


@contextmanager
def deferred_classification() -> Iterator[list[Deferred]]:
    """Within this block, a reader's classification of its chronology is not run but
    noted (the list yielded fills with one :class:`Deferred` per classification asked):
    the reader returns its chronology unclassified. Classify the noted chronologies (many
    at once with :func:`classify_each`) and put each reader's result back together with
    :func:`complete`.

    Examples
    --------
    >>> from scr_timeline.datasets import sample_path
    >>> from scr_timeline.io import read
    >>> with deferred_classification() as asked:
    ...     chron = read(sample_path("child-d-well-handled.csv"))
    >>> len(asked), chron.events["event_type"].isna().all()
    (1, np.True_)
    >>> done = complete(chron, asked[0], classify_each([asked[0].chronology])[0])
    >>> done.events.equals(read(sample_path("child-d-well-handled.csv")).events)
    True
    """
    asked: list[Deferred] = []
    token = _DEFERRED.set(asked)
    try:
        yield asked
    finally:
        _DEFERRED.reset(token)


def defer(chron: Chronology, *, vocabularies: Vocabularies, duplicates: bool) -> bool:
    """Note the classification of ``chron`` when classification is put off (see
    :func:`deferred_classification`) and return True; False when it is not (classify)."""
    asked = _DEFERRED.get()
    if asked is None:
        return False
    asked.append(Deferred(chron, vocabularies, duplicates))
    return True


def complete(read: Chronology, asked: Deferred, classified: Chronology) -> Chronology | None:
    """The chronology a reader would have returned had it classified when it asked to.

    ``read`` is what the reader returned with classification put off, ``asked`` what it
    asked to classify and ``classified`` that chronology classified. After classifying,
    the readers only add warnings, rejected rows (a document's struck-through entries) and
    metadata (a title, the rows of a source): those are carried over onto the classified
    events and the classification's warnings and date of birth. None when the reader
    changed anything else after asking (its events, the date of birth or the end date):
    read it again without putting classification off.
    """
    before = asked.chronology
    events = read.events
    if (
        len(events) != len(before.events)
        or not events.columns.equals(before.events.columns)
        or not events.index.equals(before.events.index)
        or len(read.warnings) < len(before.warnings)
        or read.meta.child_dob != before.meta.child_dob
        or read.meta.end_date != before.meta.end_date
    ):
        return None
    warnings = classified.warnings
    if len(read.warnings) > len(before.warnings):
        later = read.warnings.iloc[len(before.warnings) :]
        warnings = pd.concat([warnings, later], ignore_index=True)
    meta = read.meta
    if classified.meta.child_dob is not meta.child_dob:
        meta = meta.with_changes(child_dob=classified.meta.child_dob)
    return Chronology(classified.events, read.rejected, warnings, meta)
