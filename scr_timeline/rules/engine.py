"""The engine: run a rulebook's rules over a chronology and collect the findings.

The engine knows rule kinds (:mod:`.kinds`), not safeguarding: what counts as a referral, a
strategy discussion or an NFA decision, and every timescale, come from the rulebook.

The chronology ends (its *horizon*) at, in this order of preference: the ``end_date``
passed to :func:`analyse`; the chronology's own ``meta.end_date``; the end of the first
index event (the rulebook's ``[horizon] index_event`` predicate, e.g. a death); the end of the
last event. A rule whose deadline falls after the horizon is not judged, and events after
it are outside the review.

Examples
--------
>>> from scr_timeline.chronology import Chronology
>>> from scr_timeline.testing import make_events
>>> chron = Chronology(make_events(
...     start=["05/04/2007", "10/04/2007", "30/04/2007"],
...     agency=["education", "csc", "csc"],
...     event_type=["concern", "strategy_discussion", "icpc"],
...     injury=[True, False, False], suspicious_injury=[True, False, False],
...     counterparts=[("csc",), ("police", "paediatrics"), ()]))
>>> findings = analyse(chron, rules=["INJ-STRAT", "INJ-REFER"])
>>> len(findings)  # Good Friday and Easter Monday do not count: 10 April was in time
0
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S
from ..chronology import Chronology, tuple_codes
from ..exceptions import RulebookError
from .findings import FINDING_COLUMNS, FINDING_DTYPES, Findings
from .kinds import KIND_FUNCTIONS, LATE, STATUSES, Context, Hits, original_positions
from .predicates import EventView, stack_views
from .rulebook import (
    DEFAULT_RULEBOOK,
    SEVERITIES,
    Rule,
    Rulebook,
    TallyEntry,
    bundled_periods,
    load_rulebook,
)
from .templates import (
    DEFAULT_TEMPLATES,
    Column,
    age_words,
    child_aged_words,
    fill,
    injury_words,
    per_unique,
    recorder,
    take,
    uk_dates,
    written_as,
)

__all__ = [
    "IN_FORCE",
    "analyse",
    "analyse_each",
    "horizon",
    "period_warnings",
    "rulebook_in_force",
]

#: ``rulebook=IN_FORCE``: judge a chronology by the bundled edition of Working Together in
#: force for most of its dated events (see :func:`rulebook_in_force`).
IN_FORCE: Final = "in_force"


def _as_end(value: object) -> pd.Timestamp:
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if stamp == stamp.normalize():  # a date: the whole of that day
        stamp = stamp + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)
    return stamp


def horizon(
    chron: Chronology,
    book: Rulebook | None = None,
    end_date: object = None,
    *,
    view: EventView | None = None,
) -> pd.Timestamp | None:
    """The end of the chronology for judging deadlines (see the module docstring).

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-08-03 12:20", "2007-08-06"],
    ...                                event_type=["death", "other"]))
    >>> horizon(chron, load_rulebook())
    Timestamp('2007-08-03 12:20:59')
    >>> horizon(chron, load_rulebook(), end_date="2007-08-31")
    Timestamp('2007-08-31 23:59:59')
    """
    if end_date is not None:
        return _as_end(end_date)
    if chron.meta.end_date is not None:
        return pd.Timestamp(chron.meta.end_date)
    events = chron.events
    if events.empty:
        return None
    if book is not None and book.index_event is not None:
        view = view if view is not None else EventView.from_events(events)
        hit = np.flatnonzero(book.index_event.evaluate(view, {}))
        if len(hit):
            return pd.Timestamp(view.end[hit[0]])
    return pd.Timestamp(events[S.END].max())


def analyse(
    chron: Chronology | pd.DataFrame,
    *,
    rulebook: str | Path | Rulebook = DEFAULT_RULEBOOK,
    end_date: object = None,
    rules: Sequence[str] | None = None,
) -> Findings:
    """Check a chronology against a rulebook.

    Parameters
    ----------
    chron
        A :class:`~scr_timeline.chronology.Chronology` (or a canonical events table).
    rulebook
        A bundled rulebook's name (``"wt2006"``, the default; ``"wt2010"``, ``"wt2013"``,
        ``"wt2015"``, ``"wt2018"``, ``"wt2023"``), ``"in_force"`` (the bundled edition in
        force for most of the chronology's dated events, see :func:`rulebook_in_force`),
        the path of a TOML rulebook, or a loaded
        :class:`~scr_timeline.rules.rulebook.Rulebook`.
    end_date
        Where the chronology ends for judging deadlines (default: the index event, else
        the last event).
    rules
        Run only these rule ids (default: all the rulebook's rules).

    Returns
    -------
    Findings
        One row per finding; ``to_frame()`` gives the table.

    Raises
    ------
    RulebookError
        The rulebook is malformed, or ``rules`` names a rule it does not have.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["2007-03-01", "2007-03-02"], agency="csc",
    ...                                event_type=["s47_enquiry", "core_assessment"]))
    >>> len(analyse(chron, rulebook="wt2006", rules=["ASM-CORE"]))
    0
    """
    chron, book, selected, view = _prepare(chron, rulebook, end_date, rules)
    if chron.events.empty:
        return Findings(None, chron.events, rulebook=book.name, horizon=None)
    view = view if view is not None else EventView.from_events(chron.events)
    return _analyse_view(chron, book, selected, end_date, view)


def _prepare(
    chron: Chronology | pd.DataFrame,
    rulebook: str | Path | Rulebook,
    end_date: object,
    rules: Sequence[str] | None,
) -> tuple[Chronology, Rulebook, list[Rule], EventView | None]:
    """The chronology, its rulebook, the rules to run (see :func:`analyse`) and its view
    when choosing the rulebook in force needed one (None otherwise)."""
    if isinstance(chron, pd.DataFrame):
        chron = Chronology(chron)
    if not isinstance(chron, Chronology):
        raise TypeError(f"analyse() takes a Chronology, not {type(chron).__name__}")
    view = None
    if isinstance(rulebook, str) and rulebook == IN_FORCE:
        default = load_rulebook(DEFAULT_RULEBOOK)
        if (
            end_date is None
            and chron.meta.end_date is None
            and default.index_event is not None
            and not chron.events.empty
        ):  # (the view its horizon needs serves the analysis too)
            view = EventView.from_events(chron.events)
        rulebook = _in_force(chron, end_date, view)
    book = rulebook if isinstance(rulebook, Rulebook) else load_rulebook(rulebook)
    return chron, book, _select(book, rules), view


def _analyse_view(
    chron: Chronology,
    book: Rulebook,
    selected: Sequence[Rule],
    end_date: object,
    view: EventView,
) -> Findings:
    """:func:`analyse` of a chronology with events, whose view is ``view``."""
    end, found = _run_rules(chron, book, selected, end_date, view)
    table = findings_table(found, view, book) if found else None
    return _findings(chron, book, view, end, table)


def _run_rules(
    chron: Chronology,
    book: Rulebook,
    selected: Sequence[Rule],
    end_date: object,
    view: EventView,
) -> tuple[pd.Timestamp | None, list[tuple[Rule, Hits]]]:
    """The chronology's end (:func:`horizon`) and the hits of each rule that has any."""
    end = horizon(chron, book, end_date, view=view)
    if end is None:  # pragma: no cover - only for an empty chronology
        return end, []
    ctx = Context(view=view, horizon=int(end.value), index=_index_records(book, view))
    found: list[tuple[Rule, Hits]] = []
    for rule in selected:
        hits = KIND_FUNCTIONS[rule.kind](rule, ctx)
        if len(hits):
            found.append((rule, hits))
    return end, found


def _findings(
    chron: Chronology,
    book: Rulebook,
    view: EventView,
    end: pd.Timestamp | None,
    table: pd.DataFrame | None,
) -> Findings:
    """The chronology's findings from its findings table (None: no findings)."""
    if end is None:  # pragma: no cover - only for an empty chronology
        return Findings(None, chron.events, rulebook=book.name, horizon=end)
    if table is None:
        warned = period_warnings(book, view, end, np.zeros(0, dtype="datetime64[ns]"))
        return Findings(None, chron.events, rulebook=book.name, horizon=end, warnings=warned)
    warned = period_warnings(book, view, end, table["trigger_start"].to_numpy())
    return Findings._from_table(
        table, chron.events, rulebook=book.name, horizon=end, warnings=warned
    )


def analyse_each(
    chrons: Sequence[Chronology | pd.DataFrame],
    *,
    rulebook: str | Path | Rulebook = DEFAULT_RULEBOOK,
    end_date: object = None,
    rules: Sequence[str] | None = None,
) -> list[Findings]:
    """Check many chronologies against a rulebook, each on its own.

    The result is exactly ``[analyse(c, rulebook=rulebook, end_date=end_date, rules=rules)
    for c in chrons]``: the same findings tables, warnings and dtypes, each chronology judged
    only by its own events (``rulebook="in_force"`` chooses the edition per chronology).
    It is the way to analyse a batch: work that does not depend on the chronology is
    shared.

    Parameters
    ----------
    chrons
        The chronologies (:class:`~scr_timeline.chronology.Chronology` or canonical events
        tables).
    rulebook, end_date, rules
        As for :func:`analyse`, the same for every chronology.

    Returns
    -------
    list of Findings
        One per chronology, in the order given.

    Raises
    ------
    RulebookError
        The rulebook is malformed, or ``rules`` names a rule it does not have.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> chrons = [Chronology(make_events(start=["2007-03-01", "2007-03-02", "2007-06-01"],
    ...                                  agency="csc", event_type=["s47_enquiry", kind, "other"]))
    ...           for kind in ("core_assessment", "other")]
    >>> [len(f) for f in analyse_each(chrons, rulebook="wt2006", rules=["ASM-CORE"])]
    [0, 1]
    """
    out: list[Findings] = []
    # a bounded number of events at a time, each rulebook's chronologies stacked
    sizes = [
        len(c) if isinstance(c, pd.DataFrame) else len(getattr(c, "events", ())) for c in chrons
    ]
    for part in _stacks(sizes):
        prepared = [_prepare(chrons[i], rulebook, end_date, rules) for i in part]
        found: list[Findings | None] = [None] * len(part)
        groups: dict[int, list[int]] = {}
        for j, (chron, book, _selected, _view) in enumerate(prepared):
            if chron.events.empty:
                found[j] = Findings(None, chron.events, rulebook=book.name, horizon=None)
            else:
                groups.setdefault(id(book), []).append(j)
        for at in groups.values():
            views = [_view_of(*prepared[j][::3]) for j in at]
            if len(views) == 1:
                chron, book, selected, _view = prepared[at[0]]
                found[at[0]] = _analyse_view(chron, book, selected, end_date, views[0])
                continue
            whole = stack_views(views)
            runs = [
                _run_rules(*prepared[j][:3], end_date, view)
                for j, view in zip(at, views, strict=True)
            ]
            book = prepared[at[0]][1]
            tables = _findings_tables([hits for _, hits in runs], views, whole, book)
            for j, view, (end, _hits), table in zip(at, views, runs, tables, strict=True):
                found[j] = _findings(prepared[j][0], book, view, end, table)
        out += [f for f in found if f is not None]
    return out


def _findings_tables(
    founds: Sequence[Sequence[tuple[Rule, Hits]]],
    views: Sequence[EventView],
    whole: EventView,
    book: Rulebook,
) -> list[pd.DataFrame | None]:
    """:func:`findings_table` of each chronology of a stack (``views``, stacked as
    ``whole``; None for one without findings), built as one table and split: each rule's
    hits of every chronology together, positions in ``whole``."""
    lows = np.concatenate([[0], np.cumsum([len(v) for v in views])]).astype(np.int64)
    pieces: dict[str, list[tuple[int, Hits]]] = {}
    rule_of: dict[str, Rule] = {}
    for k, found in enumerate(founds):
        for rule, hits in found:
            pieces.setdefault(rule.id, []).append((k, hits))
            rule_of[rule.id] = rule
    if not pieces:
        return [None] * len(views)
    entries: list[tuple[Rule, Hits]] = []
    chron_parts: list[npt.NDArray[np.int64]] = []
    for rule_id, of_rule in pieces.items():
        # (one entry for the rule, else one per chronology when their hits cannot be joined)
        groups = [of_rule]
        if _merged([(hits, int(lows[k])) for k, hits in of_rule]) is None:
            groups = [[piece] for piece in of_rule]
        for group in groups:
            joined = _merged([(hits, int(lows[k])) for k, hits in group])
            if joined is None:  # pragma: no cover - one chronology's hits always join
                raise AssertionError("hits of one chronology not joined")
            entries.append((rule_of[rule_id], joined))
            chron_parts += [np.full(len(hits), k, dtype=np.int64) for k, hits in group]
    chron = np.concatenate(chron_parts)
    trig = np.concatenate([h.trigger for _, h in entries])
    # the triggers' fields, read chronology by chronology, worded together
    by_chron = np.argsort(chron, kind="stable")
    cuts = np.searchsorted(chron[by_chron], np.arange(len(views) + 1))
    read: list[dict[str, npt.NDArray[Any]]] = []
    for k, view in enumerate(views):
        at = trig[by_chron[cuts[k] : cuts[k + 1]]] - lows[k]
        if len(at):
            read.append(_event_parts(view, at))
    words = _event_words(
        {name: np.concatenate([r[name] for r in read]) for name in read[0]}, np.unique(cuts)
    )
    back = np.empty(len(chron), dtype=np.int64)
    back[by_chron] = np.arange(len(chron))
    events: dict[str, Column] = {
        name: value if isinstance(value, str) else value[back] for name, value in words.items()
    }
    ids = np.concatenate([v.ids for v in views])
    columns, perm = _findings_columns(
        entries,
        whole,
        book,
        ids=ids.__getitem__,
        events=events,
        sources=lambda pos: {},
        chron=chron,
    )
    rows = np.searchsorted(chron[perm], np.arange(len(views) + 1)).tolist()
    trig_rows = trig[perm]
    sources = [
        _trigger_sources(view, trig_rows[rows[k] : rows[k + 1]] - lows[k])
        for k, view in enumerate(views)
        if rows[k] < rows[k + 1]
    ]
    for name in sources[0]:
        arrays = [s[name] for s in sources]
        first = arrays[0]
        if any(type(a) is not type(first) or a.dtype != first.dtype for a in arrays):
            break  # (two chronologies' columns of other types: each table built apart)
        columns[name] = type(first)._concat_same_type(arrays)
    else:  # one table, split (a slice of a table costs less than a new table)
        table = pd.DataFrame(columns, columns=list(FINDING_COLUMNS))
        return [
            table.iloc[a:b].reset_index(drop=True) if a < b else None
            for a, b in itertools.pairwise(rows)
        ]
    tables: list[pd.DataFrame | None] = []
    made = iter(sources)
    for a, b in itertools.pairwise(rows):
        if a == b:
            tables.append(None)
            continue
        part = {name: column[a:b] for name, column in columns.items() if name not in sources[0]}
        part.update(next(made))
        tables.append(pd.DataFrame(part, columns=list(FINDING_COLUMNS)))
    return tables


#: :attr:`~.kinds.Hits.extra` arrays that hold event positions (-1: none).
_POSITION_EXTRAS: Final = frozenset({"first_trigger", "after", "last_member", "state_open", "cut"})
#: What an :attr:`~.kinds.Hits.extra` array a rule's hits lack reads as (see
#: :func:`_summaries`, :func:`_kind_fields`).
_EXTRA_DEFAULTS: Final = {"more": 0, "cut": -1}


def _merged(pieces: Sequence[tuple[Hits, int]]) -> Hits | None:
    """One rule's hits of several chronologies as one, each one's positions moved by its
    offset; None when their ``extra`` arrays cannot be joined (a key some lack)."""

    def moved(values: npt.NDArray[np.int64], by: int) -> npt.NDArray[np.int64]:
        return np.where(values >= 0, values + by, values) if by else values

    keys = {key for hits, _lo in pieces for key in hits.extra}
    if any(
        key not in hits.extra and key not in _EXTRA_DEFAULTS for hits, _lo in pieces for key in keys
    ):
        return None
    extra: dict[str, npt.NDArray[Any]] = {}
    for key in sorted(keys):
        arrays = []
        for hits, lo in pieces:
            value = hits.extra.get(key)
            if value is None:
                value = np.full(len(hits), _EXTRA_DEFAULTS[key], dtype=np.int64)
            arrays.append(moved(value, lo) if key in _POSITION_EXTRAS else value)
        extra[key] = np.concatenate(arrays)
    sizes = [len(h.evidence) for h, _lo in pieces]
    base = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return dataclasses.replace(
        pieces[0][0],
        trigger=np.concatenate([h.trigger + lo for h, lo in pieces]),
        due=np.concatenate([h.due.astype("datetime64[D]") for h, _lo in pieces]),
        observed=np.concatenate([moved(h.observed, lo) for h, lo in pieces]),
        status=np.concatenate([h.status for h, _lo in pieces]),
        delay=np.concatenate([h.delay for h, _lo in pieces]),
        evidence=np.concatenate([moved(h.evidence, lo) for h, lo in pieces]),
        evidence_offsets=np.concatenate(
            [h.evidence_offsets[:-1] + base[j] for j, (h, _lo) in enumerate(pieces)] + [base[-1:]]
        ),
        extra=extra,
    )


#: At most this many events of a batch are stacked (:func:`analyse_each`): a predicate's
#: answer over them is a byte per event, and every predicate asked is held to the end.
_STACK_EVENTS: Final = 1 << 16


def _view_of(chron: Chronology, view: EventView | None) -> EventView:
    """The chronology's view: ``view`` when already built."""
    return view if view is not None else EventView.from_events(chron.events)


def _stacks(sizes: Sequence[int]) -> list[list[int]]:
    """Consecutive runs of ``sizes`` (positions) of at most :data:`_STACK_EVENTS` in all
    (a bigger one alone)."""
    runs: list[list[int]] = []
    total = 0
    for i, size in enumerate(sizes):
        if not runs or total + size > _STACK_EVENTS:
            runs.append([])
            total = 0
        runs[-1].append(i)
        total += size
    return runs


def rulebook_in_force(chron: Chronology, *, end_date: object = None) -> str:
    """The bundled rulebook whose guidance was in force for most of the chronology's dated
    events up to its end (see :func:`horizon`): the edition a reviewer judges the practice
    of the time by. Ties go to the later edition; a chronology with no dated event inside
    any edition's period (before April 2006), or with no events, gets the default, wt2006.

    A chronology that spans two editions is judged by one: the ``rulebook_period`` note
    of :func:`analyse` then says how many findings start from events of the other's time.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> rulebook_in_force(Chronology(make_events(start=["2012-11-05", "2013-05-02",
    ...                                                 "2013-06-20"])))
    'wt2013'
    >>> rulebook_in_force(Chronology(make_events(start=["2007-03-01"])))
    'wt2006'
    """
    return _in_force(chron, end_date, None)


def _in_force(chron: Chronology, end_date: object, view: EventView | None) -> str:
    """:func:`rulebook_in_force`, with the chronology's view when already built."""
    if chron.events.empty:
        return DEFAULT_RULEBOOK
    end = horizon(chron, load_rulebook(DEFAULT_RULEBOOK), end_date, view=view)
    start = chron.events[S.START].to_numpy(dtype="datetime64[ns]")
    known = ~np.isnat(start)
    if end is not None:
        known &= start <= np.datetime64(end.value, "ns")
    days = start[known].astype("datetime64[D]")
    best, most = DEFAULT_RULEBOOK, 0
    for name, _title, first, last in bundled_periods():
        count = int(_within(days, first, last).sum())
        if count and count >= most:  # (the periods come in order: a tie takes the later)
            best, most = name, count
    return best


def period_warnings(
    book: Rulebook,
    view: EventView,
    end: pd.Timestamp,
    triggers: npt.NDArray[np.datetime64],
) -> pd.DataFrame | None:
    """A ``rulebook_period`` warning when the chronology is judged by guidance not in force
    at the time (Working Together 2006 on a 2019 case): some findings start from events
    dated outside the rulebook's period (``triggers``: their start), or, with none, most of
    the dated events up to ``end`` fall outside it. It names the bundled edition that applied
    then. None when the rulebook gives no period or nothing falls outside it.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(start=["2019-05-03", "2019-06-10"], event_type="other")
    >>> view = EventView.from_events(events)
    >>> warned = period_warnings(load_rulebook("wt2006"), view, pd.Timestamp("2019-06-10"),
    ...                          np.zeros(0, dtype="datetime64[ns]"))
    >>> print(warned["message"][0])  # doctest: +NORMALIZE_WHITESPACE
    The rulebook wt2006 (Working Together to Safeguard Children 2006 (chapter 5)) is for
    events from 1 April 2006 to 16 March 2010, but both dated events fall outside it (3 May
    2019 to 10 June 2019), when Working Together to Safeguard Children 2018 (wt2018)
    applied: analyse with rulebook='wt2018' to judge them against the guidance of their time.
    """
    if book.in_force_from is None and book.in_force_until is None:
        return None
    trig_days = triggers.astype("datetime64[D]")
    trig_days = trig_days[~np.isnat(trig_days)]
    outside = trig_days[~book.in_force_on(trig_days)]
    if len(outside):
        many = len(outside) > 1
        what = (
            _share(len(outside), len(trig_days), "finding")
            + (" start from events" if many else " starts from an event")
            + " dated outside it"
        )
    else:
        start = view.start
        known = (start != np.iinfo(np.int64).min) & (start <= end.value)
        days = start[known].astype("datetime64[ns]").astype("datetime64[D]")
        outside = days[~book.in_force_on(days)]
        if 2 * len(outside) <= len(days):
            return None
        many = len(outside) > 1
        what = (
            _share(len(outside), len(days), "dated event")
            + (" fall" if many else " falls")
            + " outside it"
        )
    first, last = uk_dates(np.array([outside.min(), outside.max()]))
    when = f"{first} to {last}" if first != last else first
    message = (
        f"The rulebook {book.name} ({book.title}) is for events {book.in_force_text}, but "
        f"{what} ({when}), {_editions_then(book, outside)}."
    )
    return pd.DataFrame({"code": ["rulebook_period"], "message": [message]})


def _share(part: int, whole: int, noun: str) -> str:
    """ "all 10 findings", "both findings", "the only finding", "3 of the 10 findings"."""
    if part == whole:
        return {1: f"the only {noun}", 2: f"both {noun}s"}.get(whole, f"all {whole} {noun}s")
    return f"{part} of the {whole} {noun}s"


def _editions_then(book: Rulebook, days: npt.NDArray[np.datetime64]) -> str:
    """Which bundled editions applied on ``days`` (most days first), and the advice."""
    counts: list[tuple[int, str, str]] = []
    covered = np.zeros(len(days), dtype=bool)
    for name, title, first, last in bundled_periods():
        inside = _within(days, first, last)
        covered |= inside
        if inside.any() and name != book.name:
            counts.append((int(inside.sum()), name, title))
    counts.sort(key=lambda c: -c[0])
    if not counts:
        return "when no bundled rulebook's guidance applied"
    named = _and([f"{title} ({name})" for _n, name, title in counts], last=" and ")
    verb = "applied" if covered.all() else "applied to some of them"
    return (
        f"when {named} {verb}: analyse with rulebook='{counts[0][1]}' to judge them against "
        "the guidance of their time"
    )


def _within(
    days: npt.NDArray[np.datetime64], first: pd.Timestamp | None, last: pd.Timestamp | None
) -> npt.NDArray[np.bool_]:
    """Which ``days`` fall from ``first`` to ``last`` (either open when None)."""
    inside = np.ones(len(days), dtype=bool)
    if first is not None:
        inside &= days >= np.datetime64(first.date(), "D")
    if last is not None:
        inside &= days <= np.datetime64(last.date(), "D")
    return inside


def _index_records(book: Rulebook, view: EventView) -> npt.NDArray[np.int64]:
    """The positions of the first index event (the rulebook's ``[horizon] index_event``)
    and of the other agencies' records of it (``duplicate_of``): none answers a rule."""
    if book.index_event is None:
        return np.zeros(0, dtype=np.int64)
    hit = np.flatnonzero(book.index_event.evaluate(view, {}))
    if len(hit) == 0:
        return hit.astype(np.int64)
    copies = np.flatnonzero(original_positions(view) == hit[0])
    return np.concatenate([hit[:1], copies]).astype(np.int64)


def _select(book: Rulebook, rules: Sequence[str] | None) -> list[Rule]:
    if rules is None:
        return list(book.rules.values())
    if isinstance(rules, str):
        rules = [rules]
    unknown = [r for r in rules if r not in book.rules]
    if unknown:
        raise RulebookError(
            f"rulebook {book.name!r} has no rule {unknown[0]!r}",
            file=book.path,
            column=unknown[0],
            found=unknown[0],
            expected="one of " + ", ".join(book.rules),
        )
    return [book.rules[r] for r in rules]


def findings_table(
    found: Sequence[tuple[Rule, Hits]], view: EventView, book: Rulebook
) -> pd.DataFrame:
    """The findings table (columns :data:`FINDING_COLUMNS`, final dtypes) of every rule's
    hits, built column by column: sorted by trigger start, then the rulebook's rule order."""
    trig = np.concatenate([h.trigger for _, h in found])
    many = 2 * (sum(len(h.evidence) for _, h in found) + len(trig)) > len(view)
    # the ids the table needs: every id at once when they are a good share of the events
    columns, _perm = _findings_columns(
        found,
        view,
        book,
        ids=view.ids.__getitem__ if many else view.ids_at,
        events=_event_fields(view, trig),
        sources=lambda pos: _trigger_sources(view, pos),
    )
    return pd.DataFrame(columns, columns=list(FINDING_COLUMNS))


def _findings_columns(
    found: Sequence[tuple[Rule, Hits]],
    view: EventView,
    book: Rulebook,
    *,
    ids: Callable[[npt.NDArray[np.int64]], npt.NDArray[np.object_]],
    events: dict[str, Column],
    sources: Callable[[npt.NDArray[np.int64]], dict[str, Any]],
    chron: npt.NDArray[np.int64] | None = None,
) -> tuple[dict[str, Any], npt.NDArray[np.int64]]:
    """The columns of :func:`findings_table`, and the findings (in the order of ``found``)
    of its rows. The hits may be of several chronologies (``chron``, per finding: the rows
    then go by chronology first, and each one's finding ids are made unique apart).
    ``ids`` gives the ids of events at positions, ``events`` the template fields of the
    triggers, ``sources`` the source columns of the triggers at positions (in the rows'
    order)."""
    sizes = np.array([len(h) for _, h in found], dtype=np.int64)
    which = np.repeat(np.arange(len(found)), sizes)  # the rule of each finding
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    trig = np.concatenate([h.trigger for _, h in found])
    due = np.concatenate([h.due.astype("datetime64[D]") for _, h in found])
    observed = np.concatenate([h.observed for _, h in found])
    status = np.concatenate([h.status for _, h in found])
    delay = np.concatenate([h.delay for _, h in found])
    rank = {rid: i for i, rid in enumerate(book.rules)}
    order = np.array([rank[r.id] for r, _ in found], dtype=np.int64)[which]
    start = view.start[trig]
    # stable: each rule's own order within ties
    perm = np.lexsort((order, start)) if chron is None else np.lexsort((order, start, chron))

    summary = _summaries(found, view, events, which, bounds, trig, due, observed, status, delay)

    rules = [r for r, _ in found]
    flat = np.concatenate([h.evidence for _, h in found])
    has_obs = observed >= 0
    agency_names = np.array([*S.AGENCIES, "other"], dtype=object)
    agency = np.array([r.agency for r in rules], dtype=object)[which]
    by_trigger = np.array([r.agency == "trigger" for r in rules])[which]
    agency[by_trigger] = agency_names[view.agency[trig[by_trigger]]]
    ev_base = np.concatenate([[0], np.cumsum([len(h.evidence) for _, h in found])])
    offsets = np.concatenate(
        [h.evidence_offsets[:-1] + ev_base[j] for j, (_, h) in enumerate(found)] + [ev_base[-1:]]
    )
    evidence = pc.binary_join(
        pa.LargeListArray.from_arrays(
            pa.array(offsets, pa.int64()), pa.array(ids(flat), pa.string())
        ),
        "; ",
    )
    trig_ids = ids(trig)
    obs_ids = np.full(len(trig), None, dtype=object)
    obs_ids[has_obs] = ids(observed[has_obs])
    finding_id = np.array([f"{r.id}:" for r in rules], dtype=object)[which] + trig_ids
    finding_id = _unique(finding_id[perm], None if chron is None else chron[perm])
    delay_p = delay[perm]
    nan = np.isnan(delay_p)
    delay_int = pd.arrays.IntegerArray(np.where(nan, 0, np.round(delay_p)).astype(np.int64), nan)
    obs_start = np.where(has_obs, view.start[np.maximum(observed, 0)], np.iinfo(np.int64).min)

    def text(values: npt.NDArray[np.object_] | pa.Array) -> pd.api.extensions.ExtensionArray:
        if not isinstance(values, pa.Array):  # str or None (missing)
            values = pa.array(values, pa.large_string(), from_pandas=True)
        return pd.arrays.ArrowStringArray(values)

    def per_rule(values: list[str]) -> npt.NDArray[np.object_]:
        return np.array(values, dtype=object)[which][perm]

    columns: dict[str, Any] = {
        "finding_id": text(finding_id),
        "rule_id": text(per_rule([r.id for r in rules])),
        "category": text(per_rule([r.category for r in rules])),
        "severity": pd.Categorical.from_codes(
            np.array([SEVERITIES.index(r.severity) for r in rules], dtype=np.int8)[which][perm],
            dtype=FINDING_DTYPES["severity"],
        ),
        "status": pd.Categorical.from_codes(status[perm], dtype=FINDING_DTYPES["status"]),
        "agency": text(agency[perm]),
        "trigger_event_id": text(trig_ids[perm]),
        "trigger_start": start[perm].astype("datetime64[ns]"),
        "due": due[perm].astype("datetime64[ns]"),
        "observed_event_id": text(obs_ids[perm]),
        "observed_start": obs_start[perm].astype("datetime64[ns]"),
        "delay_working_days": delay_int,
        "evidence": text(evidence.take(pa.array(perm))),
        "summary": text(summary[perm]),
        "reference": text(per_rule([r.reference for r in rules])),
        **sources(trig[perm]),
    }
    return columns, perm


def _trigger_sources(view: EventView, pos: npt.NDArray[np.int64]) -> dict[str, Any]:
    """``source_file``, ``source_sheet`` and ``source_row`` of the events at ``pos`` (the
    findings' triggers), each taken from its events column at once."""
    out: dict[str, Any] = {}
    for name in (S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW):
        dtype = FINDING_DTYPES[name]
        values = view.values_at(name, pos)
        if values is None:
            values = pd.array([pd.NA] * len(pos), dtype=dtype)
        out[name] = values if values.dtype == dtype else values.astype(dtype)
    return out


def _unique(
    ids: npt.NDArray[np.object_], chron: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.object_]:
    """Make finding ids unique (within each chronology of ``chron``, when given): the n-th
    repeat of an id gets ``#n``."""
    if chron is not None:
        keys = list(zip(chron.tolist(), ids.tolist(), strict=True))
        if len(set(keys)) == len(keys):
            return ids
        series = pd.Series(pd.factorize(pd.Series(keys, dtype=object))[0])
    elif len(set(ids.tolist())) == len(ids):
        return ids
    else:
        series = pd.Series(ids, dtype=object)
    repeat = series.duplicated(keep="first").to_numpy()
    count = series.groupby(series, sort=False).cumcount().to_numpy() + 1
    out = ids.copy()
    out[repeat] = [f"{fid}#{n}" for fid, n in zip(ids[repeat], count[repeat], strict=True)]
    return out


def _event_fields(view: EventView, pos: npt.NDArray[np.int64]) -> dict[str, Column]:
    """Template fields of the events at ``pos``: ``by``, ``date``, ``injuries``, ``age``,
    ``child_aged`` (as :func:`~.templates.event_fields` gives them, row by row)."""
    return _event_words(_event_parts(view, pos))


def _event_parts(view: EventView, pos: npt.NDArray[np.int64]) -> dict[str, npt.NDArray[Any]]:
    """What :func:`_event_fields` words of the events at ``pos``, as arrays (the parts of
    many chronologies are worded together, see :func:`_event_words`)."""

    def values(name: str) -> npt.NDArray[np.object_]:
        column = view.values_at(name, pos)
        if column is None:
            return np.full(len(pos), None, dtype=object)
        return np.asarray(column, dtype=object)

    return {
        "organisation": values(S.ORGANISATION),
        "agency": values(S.AGENCY),
        "precision": values(S.PRECISION),
        "written": values(S.DATE_TEXT),
        "start": view.start[pos],
        "injuries": _injury_kinds(view, pos),
        "age": view.age_days[pos],
    }


def _event_words(
    parts: dict[str, npt.NDArray[Any]], bounds: npt.NDArray[np.int64] | None = None
) -> dict[str, Column]:
    """:func:`_event_fields` of the events of ``parts`` (of one chronology, or of several
    one after another: ``bounds``, where each one's events start, and the end)."""
    # (each distinct organisation and agency worded once)
    worded: dict[tuple[Any, Any], str] = {}
    by = np.array(
        [
            worded.get(pair) or worded.setdefault(pair, recorder(*pair))
            for pair in zip(parts["organisation"].tolist(), parts["agency"].tolist(), strict=True)
        ],
        dtype=object,
    )
    start = parts["start"]
    day = uk_dates(start.astype("datetime64[ns]"))
    precision = parts["precision"]
    written = parts["written"]
    as_written = _per_part(
        precision,
        lambda p: not (p is None or (isinstance(p, str) and p in ("day", "minute"))),
        bounds,
    ).astype(bool)
    as_written &= _per_part(written, lambda w: isinstance(w, str) and bool(w), bounds).astype(bool)
    as_written &= start != np.iinfo(np.int64).min  # NaT: "an unknown date"
    # "on a date written as 'w/c 12/03/2007'" (not "on w/c 12/03/2007")
    day[as_written] = per_unique(written[as_written], lambda w: written_as(str(w)))
    ages = parts["age"]
    return {
        "by": by,
        "date": day,
        "injuries": parts["injuries"],
        "age": per_unique(ages, lambda a: age_words(None if np.isnan(a) else a)),
        "child_aged": per_unique(ages, lambda a: child_aged_words(None if np.isnan(a) else a)),
    }


def _per_part(
    values: npt.NDArray[np.object_],
    fn: Callable[[Any], object],
    bounds: npt.NDArray[np.int64] | None,
) -> npt.NDArray[np.object_]:
    """:func:`~.templates.per_unique` of each part of ``values`` (parts at ``bounds``; one
    when None): a missing value reads as its part's first missing one does (None, NaN and
    NA are one value to ``per_unique``, not always to ``fn``)."""
    out = per_unique(values, fn)
    if bounds is None or len(bounds) <= 2:
        return out
    missing = np.flatnonzero(pd.isna(values))
    if len(missing):
        part = np.searchsorted(bounds, missing, side="right") - 1
        first = np.flatnonzero(np.diff(part, prepend=-1))  # each part's first missing value
        stops = np.append(first[1:], len(missing))
        for at, stop in zip(first.tolist(), stops.tolist(), strict=True):
            out[missing[at:stop]] = fn(values[missing[at]])
    return out


def _injury_kinds(view: EventView, pos: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
    column = view.take(S.INJURY_KINDS, pos)
    if column is None:
        return np.full(len(pos), injury_words(()), dtype=object)
    codes, uniques = tuple_codes(column)
    words = np.array(
        [injury_words(tuple(k) if isinstance(k, tuple | list) else ()) for k in uniques]
        + [injury_words(())],
        dtype=object,
    )
    return words[codes]


def _summaries(
    found: Sequence[tuple[Rule, Hits]],
    view: EventView,
    events: dict[str, Column],
    which: npt.NDArray[np.int64],
    bounds: npt.NDArray[np.int64],
    trig: npt.NDArray[np.int64],
    due: npt.NDArray[np.datetime64],
    observed: npt.NDArray[np.int64],
    status: npt.NDArray[np.int8],
    delay: npt.NDArray[np.float64],
) -> npt.NDArray[np.object_]:
    """The sentence of every finding (see :mod:`.templates`), one template at a time.

    Fields are built for all findings at once; a field that a finding's rule does not
    give reads ``{name}``, as :func:`~.templates.render` leaves an unknown field.
    ``events``: the fields of the triggers (:func:`_event_fields`); ``view`` gives the
    days of the events at the hits' other positions.
    """
    n = len(trig)
    rules = [r for r, _ in found]
    fields: dict[str, Column] = dict(events)
    called = _called(found, bounds, fields, n)
    if called is not None:
        fields.update(called=called, Called=_capitalised(called))
    what = _by_template([r.what for r in rules], which, fields, n)
    fields.update(
        what=what,
        What=_capitalised(what),
        expected=np.array([r.expected_label for r in rules], dtype=object)[which],
        citation=np.array([r.citation for r in rules], dtype=object)[which],
        due=uk_dates(due),
        window=np.array([r.window.text if r.window else "" for r in rules], dtype=object)[which],
        more="",
    )
    has_obs = observed >= 0
    if has_obs.any():
        when = uk_dates(view.start[np.maximum(observed, 0)].astype("datetime64[ns]"))
        fields["observed_date"] = np.where(has_obs, when, "{observed_date}")
    late = status == LATE
    if late.any():
        # in the rule window's unit: working days late for a window in working days (the
        # ``delay_working_days`` column), calendar days after the deadline for one in days,
        # weeks or months (a skeletal survey due Thursday within 3 days, done Monday, is "4
        # days late", not "2 working days late")
        in_wd = np.array([r.window is not None and r.window.unit == "WD" for r in rules])[which]
        seen_day = view.start[np.maximum(observed, 0)].astype("datetime64[ns]")
        calendar = (seen_day.astype("datetime64[D]") - due.astype("datetime64[D]")).astype(np.int64)
        days = np.where(late, np.where(in_wd, np.nan_to_num(delay), calendar), 0).astype(np.int64)
        code = np.where(in_wd, days * 2, days * 2 + 1)
        words = per_unique(
            code,
            lambda c: f"{c // 2} {'day' if c % 2 else 'working day'}{'s' if c // 2 != 1 else ''}",
        )
        fields["delay"] = np.where(late, words, "{delay}")
    more = np.concatenate([h.extra.get("more", np.zeros(len(h), np.int64)) for _, h in found])
    if more.any():
        fields["more"] = per_unique(
            more,
            lambda m: (
                f" (and {m} more such event{'s' if m != 1 else ''} in the same window)" if m else ""
            ),
        )
    for j, (rule, hits) in enumerate(found):
        part = slice(int(bounds[j]), int(bounds[j + 1]))
        for name, value in _kind_fields(
            rule, hits, view, take(what, np.arange(*part.indices(n)))
        ).items():
            column = fields.get(name)
            if column is None or isinstance(column, str):
                column = np.full(n, "{" + name + "}" if column is None else column, dtype=object)
                fields[name] = column
            column[part] = value
    # a rule's own summary template, else the default for its kind and the status
    chosen = [
        [rule.summary or DEFAULT_TEMPLATES.get((rule.kind, s), "") for s in STATUSES]
        for rule in rules
    ]
    flat = [t for row in chosen for t in row]
    return _by_template(flat, which * len(STATUSES) + status, fields, n)


def _called(
    found: Sequence[tuple[Rule, Hits]],
    bounds: npt.NDArray[np.int64],
    fields: dict[str, Column],
    n: int,
) -> npt.NDArray[np.object_] | None:
    """Field ``called``: the name a response rule's ``tally`` gives each trigger ("case
    closure", "suspicious injury ({injuries}, {child_aged}), known to children's social
    care,", filled like ``what``); None when
    no rule names its triggers."""
    names: list[str] = ["{called}"]
    key = np.zeros(n, dtype=np.int64)
    for j, (rule, hits) in enumerate(found):
        if rule.kind != "response" or not rule.tally:
            continue
        codes = hits.extra["tally"].astype(np.int64)
        key[int(bounds[j]) : int(bounds[j + 1])] = len(names) + np.minimum(codes, len(rule.tally))
        names += [e.one for e in rule.tally] + ["{called}"]
    if len(names) == 1:
        return None
    return _by_template(names, key, fields, n)


def _by_template(
    templates: Sequence[str],
    key: npt.NDArray[np.int64],
    fields: dict[str, Column],
    n: int,
) -> npt.NDArray[np.object_]:
    """Fill ``templates[key[i]]`` for each finding ``i``, each distinct template once."""
    out = np.empty(n, dtype=object)
    # (the keys are numbers: the distinct ones found without comparing texts, then each
    # distinct text given its findings, in their order)
    used, inverse = np.unique(key, return_inverse=True)
    codes: dict[str, int] = {}
    of_key = np.array(
        [codes.setdefault(templates[k], len(codes)) for k in used.tolist()], dtype=np.int64
    )
    code = of_key[inverse.ravel()]
    by_code = np.argsort(code, kind="stable")
    cuts = np.searchsorted(code[by_code], np.arange(len(codes) + 1)).tolist()
    for t, template in enumerate(codes):
        idx = by_code[cuts[t] : cuts[t + 1]]
        sub = {k: take(v, idx) for k, v in fields.items()}
        out[idx] = fill(template, sub, len(idx))
    return out


def _capitalised(what: Column) -> Column:
    if isinstance(what, str):
        return what[:1].upper() + what[1:]
    return per_unique(what, lambda w: w[:1].upper() + w[1:])


def _kind_fields(rule: Rule, hits: Hits, view: EventView, what: Column) -> dict[str, Column]:
    """Fields only some kinds of rule give: ``count``, ``counted``, ``first_date``,
    ``last_date``, ``until`` (accumulation), ``missing`` (involvement), ``state``, ``gap``,
    ``window``, ``first``, ``until`` (cadence). ``what`` is the rule's ``what`` for each of its findings."""
    extra = hits.extra
    if rule.kind == "accumulation":
        start = view.start[extra["first_trigger"]].astype("datetime64[ns]")
        after = extra["after"]
        later = after >= 0
        when = uk_dates(view.start[np.maximum(after, 0)].astype("datetime64[ns]"))
        count = per_unique(np.diff(hits.evidence_offsets), str)
        last = view.start[extra["last_member"]].astype("datetime64[ns]")
        return {
            "last_date": uk_dates(last),
            "count": count,
            "counted": _tally_words(rule, hits) if rule.tally else count + " " + what,
            "first_date": uk_dates(start),
            # an expected event after the deadline is named: "none recorded" would be untrue
            "until": np.where(later, "the first was on " + when, _NONE_BEFORE_THE_END).astype(
                object
            ),
        }
    if rule.kind == "involvement":
        labels = [label for label, _ in rule.groups]
        return {
            "missing": per_unique(
                extra["missing"], lambda m: _and([x for g, x in enumerate(labels) if m >> g & 1])
            )
        }
    if rule.kind == "cadence":
        return _cadence_fields(rule, hits, view)
    if rule.kind == "response":
        cut = extra.get("cut", np.full(len(hits), -1, dtype=np.int64))
        until: Column = _NONE_BEFORE_THE_END
        if (cut >= 0).any():
            when = uk_dates(view.start[np.maximum(cut, 0)].astype("datetime64[ns]"))
            # the next trigger is named without this one's particulars: "the next suspicious
            # injury on 8 May 2012", not the first injury's "(bruising, child aged 9 weeks)"
            what_lc = rule.next_label or _lower_first(_without_particulars(what))
            until = np.where(
                cut >= 0, "none recorded before the next " + what_lc + " on " + when, until
            ).astype(object)
        return {"until": until}
    return {}


_NONE_BEFORE_THE_END = "none recorded before the chronology ends"


def _without_particulars(what: Column) -> Column:
    """``what`` without a closing parenthesis of the trigger's own particulars."""
    if isinstance(what, str):
        return _PARTICULARS.sub("", what)
    return per_unique(what, lambda w: _PARTICULARS.sub("", w))


_PARTICULARS = re.compile(r"\s*\([^()]*\)$")


def _lower_first(what: Column) -> Column:
    if isinstance(what, str):
        return what[:1].lower() + what[1:]
    return per_unique(what, lambda w: w[:1].lower() + w[1:])


def _tally_words(rule: Rule, hits: Hits) -> npt.NDArray[np.object_]:
    """Per cluster, its events counted by the rule's ``tally`` ("2 appointments the child
    was not brought to and 1 home visit that reached no one"), in the tally's order."""
    entries = len(rule.tally)
    codes = hits.extra["tally"].astype(np.int64)
    finding = np.repeat(np.arange(len(hits)), np.diff(hits.evidence_offsets))
    counts = np.zeros((len(hits), entries + 1), dtype=np.int64)
    np.add.at(counts, (finding, codes), 1)
    labels = [*rule.tally, TallyEntry(None, "other event", "other events")]
    rows, inverse = np.unique(counts, axis=0, return_inverse=True)
    texts = np.array(
        [
            _and([labels[j].words(c) for j, c in enumerate(row) if c], last=" and ")
            for row in rows.tolist()
        ],
        dtype=object,
    )
    return texts[inverse.ravel()]


def _cadence_fields(rule: Rule, hits: Hits, view: EventView) -> dict[str, Column]:
    extra = hits.extra
    if rule.state is None or rule.window is None:
        raise RulebookError(
            f"rule {rule.id} has no {'state' if rule.state is None else 'window'}",
            column=rule.id,
        )
    opened = uk_dates(view.start[extra["state_open"]].astype("datetime64[ns]"))
    unit = "working day" if rule.window.unit == "WD" else "day"
    gap = hits.delay.astype(np.int64)
    fields: dict[str, Column] = {
        "state": f"{rule.state.label} (from " + opened + ")",
        "gap": per_unique(gap, lambda g: f"{g} {unit}{'s' if g != 1 else ''}"),
    }
    fields["first"] = ""
    if rule.first_window is not None and extra["first_gap"].any():
        # "at most 3 months allowed for the first", "at most 6 months allowed"
        fields["window"] = np.where(
            extra["first_gap"], rule.first_window.text, rule.window.text
        ).astype(object)
        fields["first"] = np.where(extra["first_gap"], " for the first", "").astype(object)
    when = uk_dates(extra["to_ns"].astype("datetime64[ns]"))
    kind = extra["end_kind"]
    fields["until"] = np.where(
        kind == 0,
        "the next was on " + when,
        np.where(kind == 1, "none before it ended on " + when, _NONE_BEFORE_THE_END),
    ).astype(object)
    return fields


def _and(items: Sequence[str], *, last: str = " or ") -> str:
    labels = list(items)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + last + labels[-1]
