"""The periods a rulebook's states held: when the case was open to children's social care,
when the child was on a child protection plan.

The rules judge supervision and visits "while the case was open" from a rulebook's
``[states]``; the timeline shades the same periods, so the picture and the findings agree
on when a case opened and closed (a closure written inside another record, "Single
assessment completed. Case closed - NFA", ends the period for both).

>>> import scr_timeline as scr
>>> chron = scr.load_sample("child-a-combined")
>>> periods = state_periods(chron, "case_open")
>>> list(periods.columns)
['start', 'end', 'opened_by', 'closed_by']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..chronology import Chronology
from ..exceptions import RulebookError
from .engine import DEFAULT_RULEBOOK, _index_records, horizon
from .kinds import Context, _spells
from .predicates import EventView
from .rulebook import Rulebook, load_rulebook

__all__ = ["state_periods"]

_COLUMNS = ("start", "end", "opened_by", "closed_by")


def state_periods(
    chron: Chronology,
    state: str,
    *,
    rulebook: str | Path | Rulebook = DEFAULT_RULEBOOK,
    end_date: object = None,
) -> pd.DataFrame:
    """The periods ``state`` (a name in the rulebook's ``[states]``) held, in order.

    A period opens at an event that opens the state while it is closed and closes at the
    next event that closes it, exactly as the rules read it (see ``docs/rules.md``,
    "States"); one still open at the end of the chronology (its horizon: ``end_date``, or
    the last dated event) runs to that end, with no ``closed_by``. A ``by_authority`` state
    of a chronology whose children's social care records name two councils is each
    council's: a period ends where the other council's record takes the state over
    (``closed_by`` is that record, which opens the next period), and a council's closure
    ends only its own.

    Returns
    -------
    pandas.DataFrame
        One row per period: ``start`` and ``end`` (Timestamps), ``opened_by`` and
        ``closed_by`` (event ids; NA when still open at the end).

    Raises
    ------
    RulebookError
        The rulebook has no state of that name.
    """
    book = rulebook if isinstance(rulebook, Rulebook) else load_rulebook(rulebook)
    if state not in book.states:
        raise RulebookError(
            f"the rulebook {book.name} has no state {state!r}",
            found=state,
            expected=", ".join(sorted(book.states)) or "a rulebook with [states]",
        )
    empty = pd.DataFrame(
        {
            "start": pd.Series(dtype="datetime64[ns]"),
            "end": pd.Series(dtype="datetime64[ns]"),
            "opened_by": pd.Series(dtype="string"),
            "closed_by": pd.Series(dtype="string"),
        }
    )
    if chron.events.empty:
        return empty
    view = EventView.from_events(chron.events)
    end = horizon(chron, book, end_date, view=view)
    if end is None:
        return empty
    ctx = Context(view=view, horizon=int(end.value), index=_index_records(book, view))
    open_pos, close_pos, end_ns = _spells(book.states[state], ctx)
    if len(open_pos) == 0:
        return empty
    closed = close_pos >= 0
    closed_by = np.full(len(open_pos), None, dtype=object)
    closed_by[closed] = view.ids_at(close_pos[closed])
    return pd.DataFrame(
        {
            "start": pd.to_datetime(view.start[open_pos]),
            "end": pd.to_datetime(end_ns),
            "opened_by": pd.array(view.ids_at(open_pos), dtype="string"),
            "closed_by": pd.array(closed_by, dtype="string"),
        },
        columns=list(_COLUMNS),
    )
