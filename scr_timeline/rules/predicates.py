"""Predicates: which events a rule starts from, which answer it, which open or close a state.

A predicate is data from a rulebook, in one of three forms:

- a string: the name of a predicate in the rulebook's ``[predicates]`` table;
- a table of conditions, all of which must hold (keys below);
- a list of predicates, any of which may hold.

===========================  ===========================================================
key                          the event ...
===========================  ===========================================================
``event_type``               has one of these event types
``mentions``                 (with ``event_type``) may instead merely mention one of them
``agency`` / ``not_agency``  was recorded by one of these agencies / by none of them
``involves``                 has one of these agencies or family members as its agency
                             or among its counterparts
``involves_other_agency``    involves an agency besides the one that recorded it
``injury``, ``suspicious_injury``, ``child_seen``   has this flag true (or false)
``age_months_lt`` / ``_ge``  child's age at the event is under / at least N months
                             (months of 30.4375 days; unknown ages never match)
``text`` / ``not_text``      details or outcome match / do not match this regular
                             expression (case-insensitive)
``date_before``/``date_from``  starts before / on or after this date (YYYY-MM-DD)
``any`` / ``all`` / ``not``  any / all of these predicates hold / this one does not
``is``                       the named predicate(s) hold as well
``follows``                  comes after another event this predicate selects (in the
                             chronology's order, same-day order included), which started
                             at most ``follows_within`` ("7 days", "2 weeks"; default
                             "0 days": the same day) before its day
``follows_party``            with ``follows``: the earlier event was recorded by one of
                             this event's parties (its agency or a counterpart): the
                             school's own record of the concern before children's social
                             care's record of the school's referral
``follows_either_order``     with ``follows``: an event of ``follows`` on this event's
                             own day counts whether it is listed before or after it
                             (never the event itself): children's social care's untimed
                             'Contact from HV re bruise' and the health visitor's 14:30
                             visit that saw the bruise, whichever the table lists first
===========================  ===========================================================

Predicates are evaluated on an :class:`EventView`, the events table turned into NumPy
arrays once per analysis (tuple columns become bit masks through one factorisation), so a
predicate over a million events is a handful of vectorised operations.

Examples
--------
>>> from scr_timeline.testing import make_events
>>> view = EventView.from_events(make_events(
...     start=["2007-04-05", "2007-04-05"], agency=["education", "csc"],
...     event_type=["concern", "referral"], counterparts=[("csc",), ()]))
>>> pred = compile_predicate({"event_type": ["referral", "concern"], "involves": ["csc"]},
...                          where="example")
>>> pred.evaluate(view, {}).tolist()
[True, True]
>>> compile_predicate({"agency": ["csc"]}, where="example").evaluate(view, {}).tolist()
[False, True]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S
from .._prebuilt import pattern_fact, regex
from ..chronology import sequence_keys, tuple_codes

try:  # the standard library's regular expression parser (private, read-only use)
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parser

__all__ = [
    "PREDICATE_KEYS",
    "EventView",
    "Predicate",
    "PredicateError",
    "compile_predicate",
    "stack_views",
]

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

#: Agencies then family members: the values ``involves`` accepts, one bit each.
PARTIES: Final[tuple[str, ...]] = (*S.AGENCIES, *S.FAMILY_MEMBERS)
_PARTY_BIT: Final = {name: np.uint64(1) << np.uint64(i) for i, name in enumerate(PARTIES)}
_AGENCY_BITS: Final = np.uint64(sum(1 << i for i in range(len(S.AGENCIES))))
_TYPE_BIT: Final = {name: np.uint64(1) << np.uint64(i) for i, name in enumerate(S.EVENT_TYPES)}
_DAYS_PER_MONTH: Final = 30.4375

#: Every key a predicate table may hold.
PREDICATE_KEYS: Final[tuple[str, ...]] = (
    "event_type",
    "mentions",
    "agency",
    "not_agency",
    "role",
    "involves",
    "involves_other_agency",
    "injury",
    "suspicious_injury",
    "child_seen",
    "age_months_lt",
    "age_months_ge",
    "text",
    "not_text",
    "date_before",
    "date_from",
    "any",
    "all",
    "not",
    "is",
    "follows",
    "follows_within",
    "follows_party",
    "follows_either_order",
)


class PredicateError(ValueError):
    """A predicate is malformed; ``key`` says where, ``found`` and ``expected`` what."""

    def __init__(self, message: str, *, key: str, found: object, expected: str) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.found = found
        self.expected = expected


def _tuple_bits(values: pd.Series, bits: Mapping[str, np.uint64]) -> npt.NDArray[np.uint64]:
    """A bit mask per row of a column of tuples (each distinct tuple looked at once)."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.uint64)
    if isinstance(values.dtype, pd.CategoricalDtype):  # tuples stored once per distinct one
        cat = values.array
        codes, uniques = np.asarray(cat.codes, dtype=np.int64), list(cat.categories)
    else:
        codes, found = tuple_codes(values)
        uniques = list(found)
    table = {name: int(bit) for name, bit in bits.items()}
    masks = []
    for tup in uniques:
        mask = 0
        if isinstance(tup, tuple):
            for item in tup:
                mask |= table.get(item, 0)
        masks.append(mask)
    masks.append(0)
    return np.array(masks, dtype=np.uint64)[codes]  # code -1 (missing) picks the trailing 0


def _category_codes(values: pd.Series, vocabulary: Sequence[str]) -> npt.NDArray[np.int64]:
    """Codes of a column in a fixed vocabulary (-1 for missing or unknown values)."""
    position: dict[str, int] = {}
    for i, name in enumerate(vocabulary):
        position.setdefault(name, i)
    if isinstance(values.dtype, pd.CategoricalDtype):
        cat = values.array
        names = [str(c) for c in cat.categories]
        lookup = np.array([position.get(c, -1) for c in names] + [-1], dtype=np.int64)
        return lookup[np.asarray(cat.codes, dtype=np.int64)]
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    lookup = np.array([position.get(str(u), -1) for u in uniques] + [-1], dtype=np.int64)
    return lookup[codes]


@dataclass(eq=False)
class EventView:
    """The events table as the arrays rules need, in the chronology's order.

    Row ``i`` of every array is event ``ids[i]``; rows are sorted by day, and within a day
    each source (file and sheet) keeps its own order (see :func:`same_day_order`), so
    ``rank`` is just ``arange(n)``: "A came before B" is ``i < j``.
    """

    table: pd.DataFrame
    order: IntArray | None
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    agency: npt.NDArray[np.int64]
    event_type: npt.NDArray[np.int64]
    mentions: npt.NDArray[np.uint64]
    parties: npt.NDArray[np.uint64]
    counterpart_agencies: npt.NDArray[np.uint64]
    injury: BoolArray
    suspicious_injury: BoolArray
    child_seen: BoolArray
    child_not_seen: BoolArray
    age_days: npt.NDArray[np.float64]
    duplicate: BoolArray
    _ids: npt.NDArray[np.object_] | None = field(default=None, repr=False)
    _matches: dict[re.Pattern[str], npt.NDArray[np.int8]] = field(default_factory=dict, repr=False)
    _arrow_columns: dict[str, pa.Array | pa.ChunkedArray] = field(default_factory=dict, repr=False)
    _order_facts: tuple[IntArray, IntArray, BoolArray] | None = field(default=None, repr=False)
    _keys: _OrderKeys | None = field(default=None, repr=False)
    _frame: pd.DataFrame | None = field(default=None, repr=False)
    _all_texts: pa.Array | pa.ChunkedArray | None = field(default=None, repr=False)
    _plain: BoolArray | None = field(default=None, repr=False)
    _distinct: _DistinctTexts | None = field(default=None, repr=False)
    _role: npt.NDArray[np.int64] | None = field(default=None, repr=False)
    _columns: dict[str, Any] = field(default_factory=dict, repr=False)
    # (not carried over by dataclasses.replace: a view with other arrays answers anew)
    _conditions: dict[Hashable, BoolArray] = field(default_factory=dict, init=False, repr=False)
    _days: npt.NDArray[np.int64] | None = field(default=None, init=False, repr=False)
    # the stacked views of a batch this view's events are part of (see :func:`stack_views`)
    _link: _Link | None = field(default=None, init=False, repr=False)

    @property
    def days(self) -> npt.NDArray[np.int64]:
        """Every event's day (days since 1970, from its start), in the view's order: what
        ``follows`` compares (a stacked view's chronologies lie far apart, see
        :func:`stack_views`)."""
        if self._days is None:
            self._days = self.start // _DAY_NS
        return self._days

    @property
    def role(self) -> npt.NDArray[np.int64]:
        """Every event's practitioner role as its code in :data:`schema.ROLES` (-1 where
        none is known), in the view's order (built when a predicate first asks)."""
        if self._role is None:
            if S.ROLE in self.table.columns:
                codes = _category_codes(self.table[S.ROLE], S.ROLES)
                self._role = codes if self.order is None else codes[self.order]
            else:
                self._role = np.full(len(self.start), -1, dtype=np.int64)
        return self._role

    @property
    def frame(self) -> pd.DataFrame:
        """The events table in the view's order (built when first asked for: the arrays
        and :meth:`take` serve the rules without reordering every column)."""
        if self._frame is None:
            self._frame = self.table if self.order is None else self.table.iloc[self.order]
        return self._frame

    def rows(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The table's row positions of the events at the view's ``positions``."""
        return positions if self.order is None else self.order[positions]

    def take(self, name: str, positions: npt.NDArray[np.int64]) -> pd.Series | None:
        """Column ``name`` of the events at the view's ``positions`` (a fresh index), or
        None when the table has no such column."""
        values = self.values_at(name, positions)
        return None if values is None else pd.Series(values, copy=False)

    def values_at(self, name: str, positions: npt.NDArray[np.int64]) -> Any:
        """:meth:`take` as the column's own array (no Series), or None."""
        column = self._columns.get(name)
        if column is None:
            if name not in self.table.columns:
                return None
            column = self._columns[name] = self.table[name].array
        return column.take(self.rows(positions))

    @classmethod
    def from_events(cls, events: pd.DataFrame) -> EventView:
        """Build the view from a canonical events table (the input is not changed).

        Examples
        --------
        >>> from scr_timeline.testing import make_events
        >>> view = EventView.from_events(make_events(start=["2007-03-14", "2007-03-12"]))
        >>> view.ids.tolist()
        ['e2', 'e1']
        """
        start = events[S.START].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        n = len(events)
        # what orders the events, as arrays (each column read once, then reordered)
        keys = _OrderKeys(events)
        order: IntArray | None = None
        if n > 1 and (start[1:] < start[:-1]).any():  # not yet in start order
            order = np.argsort(start, kind="stable").astype(np.int64)
            keys, start = keys.reordered(order), start[order]
        same_day = _same_day_order(keys, start)
        if same_day is not None:
            order = same_day if order is None else order[same_day]
            keys, start = keys.reordered(same_day), start[same_day]
        ev = events

        def ordered(values: np.ndarray) -> np.ndarray:
            return values if order is None else values[order]

        def flag(name: str) -> BoolArray:
            if name not in ev.columns:
                return np.zeros(n, dtype=bool)
            column = ev[name]
            if column.dtype == bool:
                return ordered(np.asarray(column.to_numpy(), dtype=bool))
            return ordered(np.asarray(column.fillna(False).to_numpy(dtype=bool)))

        if S.CHILD_SEEN in ev.columns:
            seen = ev[S.CHILD_SEEN].array
            if not isinstance(seen.dtype, pd.BooleanDtype):
                seen = pd.array(seen, dtype="boolean")
            child_seen = ordered(seen.to_numpy(dtype=bool, na_value=False))
            child_not_seen = ordered((~seen).to_numpy(dtype=bool, na_value=False))
        else:
            child_seen = child_not_seen = np.zeros(n, dtype=bool)
        ages = np.full(n, np.nan, dtype=np.float64)
        if S.CHILD_AGE_DAYS in ev.columns:
            ages = ordered(
                np.asarray(
                    ev[S.CHILD_AGE_DAYS].array.to_numpy(dtype="float64", na_value=np.nan)
                    if isinstance(ev[S.CHILD_AGE_DAYS].dtype, pd.Int64Dtype)
                    else ev[S.CHILD_AGE_DAYS]
                    .astype("Float64")
                    .to_numpy(dtype="float64", na_value=np.nan),
                    dtype=np.float64,
                )
            )

        def bits(name: str, table: Mapping[str, np.uint64]) -> npt.NDArray[np.uint64]:
            if name not in ev.columns:
                return np.zeros(n, dtype=np.uint64)
            return ordered(_tuple_bits(ev[name], table))

        counterparts = bits(S.COUNTERPARTS, _PARTY_BIT)
        agency = ordered(_category_codes(ev[S.AGENCY], S.AGENCIES))
        own = np.zeros(n, dtype=np.uint64)
        known = agency >= 0
        own[known] = np.left_shift(np.uint64(1), agency[known].astype(np.uint64))
        duplicate = (
            ordered(ev[S.DUPLICATE_OF].notna().to_numpy(dtype=bool))
            if S.DUPLICATE_OF in ev.columns
            else np.zeros(n, dtype=bool)
        )
        return cls(
            table=events,
            order=order,
            start=start,
            end=ordered(ev[S.END].to_numpy(dtype="datetime64[ns]").astype(np.int64)),
            agency=agency,
            event_type=ordered(_category_codes(ev[S.EVENT_TYPE], S.EVENT_TYPES)),
            mentions=bits(S.MENTIONS, _TYPE_BIT),
            parties=counterparts | own,
            counterpart_agencies=counterparts & _AGENCY_BITS,
            injury=flag(S.INJURY),
            suspicious_injury=flag(S.SUSPICIOUS_INJURY),
            child_seen=child_seen,
            child_not_seen=child_not_seen,
            age_days=ages,
            duplicate=duplicate,
            _keys=keys,
        )

    @property
    def ids(self) -> npt.NDArray[np.object_]:
        """Every event's id, in the view's order (built when first asked for)."""
        if self._ids is None:
            index = self.table.index
            if self.order is not None:
                index = index.take(self.order)
            self._ids = index.astype(str).to_numpy(dtype=object)
        return self._ids

    def ids_at(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
        """The ids of the events at ``positions`` (without building every id)."""
        if self._ids is not None:
            return self._ids[positions]
        return self.table.index.take(self.rows(positions)).astype(str).to_numpy(dtype=object)

    def __len__(self) -> int:
        return len(self.start)

    def order_facts(self) -> tuple[IntArray, IntArray, BoolArray] | None:
        """Per event: its day (days since 1970), its source (file and sheet) as a code, and
        whether its date has a time of day: what tells whether the chronology knows the
        order of two events of one day (built when first asked for). ``None`` when it knows
        the order of every pair: one source, or every event timed."""
        if self._order_facts is None:
            keys = self._keys if self._keys is not None else _OrderKeys(self.frame)
            timed = keys.timed(self.start)
            if timed.all():
                source = np.zeros(len(self), dtype=np.int64)
            else:
                source, _width = keys.source()
            self._order_facts = (self.start // _DAY_NS, source, timed)
        source = self._order_facts[1]
        if len(source) == 0 or bool((source == source[0]).all()):
            return None
        return self._order_facts

    def texts(self, rows: npt.NDArray[np.int64]) -> pa.Array | pa.ChunkedArray:
        """``details + "\\n" + outcome`` (missing parts as "") of some events."""
        link = self._link
        if link is not None:  # (the batch's texts, joined once for all its chronologies)
            return link.whole.texts(np.asarray(rows, dtype=np.int64) + link.lo)
        return self._joined_texts().take(pa.array(self.rows(rows), pa.int64()))

    def _joined_texts(self) -> pa.Array | pa.ChunkedArray:
        """Every event's ``details + "\\n" + outcome``, in the table's order: joined once
        per analysis (each pattern takes the events it searches from it)."""
        if self._all_texts is None:
            parts = [self._arrow(name) for name in (S.DETAILS, S.OUTCOME)]
            self._all_texts = _joined(parts)
        return self._all_texts

    def plain(self, rows: npt.NDArray[np.int64]) -> BoolArray:
        """Per event at ``rows``: whether its text (:meth:`texts`) is ASCII without the
        control characters Python's ``re`` and RE2 read differently, so that RE2 reads it
        as ``re`` does (worked out once per analysis for every event)."""
        if self._plain is None:
            self._plain = _plain_texts(self._joined_texts())
        return self._plain[self.rows(rows)]

    def _arrow(self, name: str) -> pa.Array | pa.ChunkedArray:
        """A text column as Arrow strings (all missing when the table has no such column)."""
        if name not in self._arrow_columns:
            self._arrow_columns[name] = _arrow_text(self.table, name)
        return self._arrow_columns[name]

    def distinct_texts(self) -> _DistinctTexts:
        """The events' distinct texts (:meth:`texts`) and which one each event has
        (worked out once per analysis: a text written many times is searched once)."""
        if self._distinct is None:
            self._distinct = _DistinctTexts.of(self._joined_texts(), self.order)
        return self._distinct

    def condition(
        self, condition: Callable[[EventView], BoolArray], key: Hashable = None
    ) -> BoolArray:
        """``condition(self)``, worked out once per view and ``key`` (else per condition):
        a predicate table's condition on the arrays alone, see :func:`_on_arrays`; the
        answer is never written to."""
        at = condition if key is None else key
        hit = self._conditions.get(at)
        if hit is None:
            hit = condition(self)
            # (kept up to a bound: a million events hold about 90 such answers, 1 MB each)
            if (len(self._conditions) + 1) * len(hit) <= _CONDITIONS_HELD:
                self._conditions[at] = hit
        return hit

    def match_state(self, pattern: re.Pattern[str]) -> npt.NDArray[np.int8]:
        """Per event: whether ``pattern`` matches its text (1), does not (0), or is untested
        (-1): each event's text is searched at most once per pattern and analysis."""
        state = self._matches.get(pattern)
        if state is None:
            state = np.full(len(self), -1, dtype=np.int8)
            self._matches[pattern] = state
        return state


@dataclass(eq=False)
class _DistinctTexts:
    """Distinct event texts: ``codes`` (per event, in the view's order) index ``texts``
    (Arrow), whose ``plain`` flags say whether RE2 reads each as ``re`` does; ``known``
    holds, per pattern, whether it matches each distinct text (1), not (0) or untested
    (-1). ``each``: the texts are the events' own, one per event, not made distinct (a
    big table whose texts are nearly all different: finding the distinct ones costs more
    than it saves), and the events' own match states (:meth:`EventView.match_state`)
    serve instead of ``known``."""

    codes: IntArray
    texts: pa.Array
    plain: BoolArray
    each: bool = False
    known: dict[re.Pattern[str], npt.NDArray[np.int8]] = field(default_factory=dict)
    _py: _PyTexts | None = None
    # (a part's texts are its whole's, turned into Python strings once for all parts)
    _whole: _DistinctTexts | None = None

    def part(self, lo: int, hi: int) -> _DistinctTexts:
        """The distinct texts of the events at ``lo:hi``: the same texts, the same answers
        (one search of a text answers for every part)."""
        return _DistinctTexts(
            codes=self.codes[lo:hi],
            texts=self.texts,
            plain=self.plain,
            each=self.each,
            known=self.known,
            _whole=self,
        )

    @classmethod
    def of(cls, joined: pa.Array | pa.ChunkedArray, order: IntArray | None) -> _DistinctTexts:
        """The distinct texts of ``joined`` (in the table's order; ``order``: the view's)."""
        if isinstance(joined, pa.ChunkedArray):
            joined = joined.combine_chunks() if joined.num_chunks != 1 else joined.chunk(0)
        n = len(joined)
        if n > _DISTINCT_SAMPLE:
            # a sample of texts evenly spread says whether many are written again
            step = n // _DISTINCT_SAMPLE
            sample = joined.take(pa.array(np.arange(0, n, step), pa.int64()))
            if len(pc.unique(sample)) > _DISTINCT_SHARE * len(sample):
                rows = np.arange(n, dtype=np.int64)
                return cls(
                    codes=rows if order is None else order,
                    texts=joined,
                    plain=_plain_texts(joined),
                    each=True,
                )
        encoded = joined.dictionary_encode()
        # (joined texts are never missing: a missing part reads "")
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        texts = encoded.dictionary
        return cls(
            codes=codes if order is None else codes[order],
            texts=texts,
            plain=_plain_texts(texts),
        )

    def state(self, pattern: re.Pattern[str]) -> npt.NDArray[np.int8]:
        known = self.known.get(pattern)
        if known is None:
            known = self.known[pattern] = np.full(len(self.texts), -1, dtype=np.int8)
        return known

    def py(self, part: IntArray) -> _PyTexts:
        """The texts at ``part`` as Python strings, and lower-cased (every distinct text
        turned once, when they are few)."""
        if len(self.texts) > _PY_WHOLE:
            texts = self.texts.take(pa.array(part, pa.int64())).to_pylist()
            return _PyTexts(texts, [t.lower() for t in texts], self.plain[part].tolist())
        owner = self if self._whole is None else self._whole
        if owner._py is None:
            texts = owner.texts.to_pylist()
            owner._py = _PyTexts(texts, [t.lower() for t in texts], owner.plain.tolist())
        return owner._py.take(part.tolist())


@dataclass(eq=False)
class _StackedView(EventView):
    """The events of many chronologies' views one after another (see :func:`stack_views`):
    ``parts`` are those views; a practitioner's role is read from each when first asked."""

    parts: tuple[EventView, ...] = ()

    @property
    def role(self) -> npt.NDArray[np.int64]:
        if self._role is None:
            roles = [p.role for p in self.parts]
            self._role = np.concatenate(roles) if roles else np.zeros(0, dtype=np.int64)
        return self._role


@dataclass(eq=False)
class _Batch:
    """What the views of a batch share: their stacked view, the named predicates' answers
    over it (``cache``), and every predicate's whole answer asked for so far."""

    whole: EventView
    cache: Cache = field(default_factory=dict)
    answers: dict[int, tuple[Predicate, BoolArray]] = field(default_factory=dict)

    def answer(self, predicate: Predicate) -> BoolArray:
        """``predicate`` over every event of the batch (worked out when first asked)."""
        got = self.answers.get(id(predicate))
        if got is None:
            # (the predicate is kept with its answer: its id names no other while held)
            got = self.answers[id(predicate)] = (
                predicate,
                predicate._fn(self.whole, self.cache, None),
            )
        return got[1]


@dataclass(eq=False)
class _Link:
    """A view's place in a batch: its events are the batch's ``lo:hi``."""

    batch: _Batch
    lo: int
    hi: int

    @property
    def whole(self) -> EventView:
        return self.batch.whole

    def answer(self, predicate: Predicate) -> BoolArray:
        return self.batch.answer(predicate)[self.lo : self.hi]


def stack_views(views: Sequence[EventView]) -> EventView:
    """Link the views of many chronologies (none empty) into a batch, and return the view
    of all their events one after another.

    Every predicate asked of one of ``views`` is then worked out once over all their events
    (each distinct text searched once, each condition on the event arrays one vectorised
    pass), and the view gets its part: the answer is the same as the view's own. What
    relates an event to others (``follows``) reads each chronology apart: in the stacked
    view the chronologies' days lie far apart (:data:`_CHRONOLOGY_GAP`), further than any
    ``follows_within`` reaches. A view copied with other arrays (``dataclasses.replace``)
    is not linked.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> views = [EventView.from_events(make_events(start=["2007-03-01", "2007-03-02"],
    ...                                            event_type=types))
    ...          for types in (["concern", "referral"], ["referral", "concern"])]
    >>> pred = compile_predicate({"event_type": ["referral"], "follows": {
    ...     "event_type": ["concern"]}, "follows_within": "7 days"}, where="example")
    >>> whole = stack_views(views)
    >>> len(whole), [pred.evaluate(v, {}).tolist() for v in views]
    (4, [[False, True], [False, False]])
    """
    sizes = np.array([len(v) for v in views], dtype=np.int64)
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)

    def stacked(name: str) -> np.ndarray:
        return np.concatenate([getattr(v, name) for v in views])

    start = stacked("start")
    detail_parts: list[pa.Array] = []
    outcome_parts: list[pa.Array] = []
    for v in views:
        for name, parts in ((S.DETAILS, detail_parts), (S.OUTCOME, outcome_parts)):
            column = v._arrow(name)
            if v.order is not None:
                column = column.take(pa.array(v.order, pa.int64()))
            parts += column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    joined = _joined(
        [
            pa.chunked_array(detail_parts, pa.large_string()),
            pa.chunked_array(outcome_parts, pa.large_string()),
        ]
    ).combine_chunks()
    whole = _StackedView(
        table=pd.DataFrame(index=pd.RangeIndex(len(start))),
        order=None,
        start=start,
        end=stacked("end"),
        agency=stacked("agency"),
        event_type=stacked("event_type"),
        mentions=stacked("mentions"),
        parties=stacked("parties"),
        counterpart_agencies=stacked("counterpart_agencies"),
        injury=stacked("injury"),
        suspicious_injury=stacked("suspicious_injury"),
        child_seen=stacked("child_seen"),
        child_not_seen=stacked("child_not_seen"),
        age_days=stacked("age_days"),
        duplicate=stacked("duplicate"),
        parts=tuple(views),
    )
    whole._all_texts = joined
    chronology = np.repeat(np.arange(len(views), dtype=np.int64), sizes)
    whole._days = start // _DAY_NS + chronology * _CHRONOLOGY_GAP
    batch = _Batch(whole)
    distinct = whole.distinct_texts()
    for v, lo, hi in zip(views, bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        v._link = _Link(batch, lo, hi)
        # (kept by a copy of the view with other arrays, which searches texts itself)
        v._distinct = distinct.part(lo, hi)
    return whole


#: At most this many bytes of answers are kept by :meth:`EventView.condition` per view.
_CONDITIONS_HELD: Final = 16 << 20
#: Tables of more events than this have their texts made distinct only when a sample of
#: this many says that at most :data:`_DISTINCT_SHARE` of them are different.
_DISTINCT_SAMPLE: Final = 20_000
_DISTINCT_SHARE: Final = 0.5
#: At most this many distinct texts are all turned into Python strings at once.
_PY_WHOLE: Final = 20_000


class _PyTexts(NamedTuple):
    """Texts as Python strings, the same lower-cased, and whether each is plain (see
    :func:`_plain_texts`)."""

    texts: list[str]
    lowered: list[str]
    plain: list[bool]

    def take(self, at: Sequence[int]) -> _PyTexts:
        texts, lowered, plain = self
        return _PyTexts(
            list(map(texts.__getitem__, at)),
            list(map(lowered.__getitem__, at)),
            list(map(plain.__getitem__, at)),
        )


def _joined(parts: list[pa.Array | pa.ChunkedArray]) -> pa.Array | pa.ChunkedArray:
    """Details and outcome joined by a line break, a missing part as ""."""
    return pc.binary_join_element_wise(
        *parts, pa.scalar("\n", parts[0].type), null_handling="replace", null_replacement=""
    )


def _plain_texts(texts: pa.Array | pa.ChunkedArray) -> BoolArray:
    """Per text: ASCII, without a vertical tab or \\x1c-\\x1f (re's ``\\s`` takes them,
    RE2's does not): a text RE2 reads as Python's ``re`` does. A missing text is not plain.

    Read from the strings' bytes in one NumPy pass (an Arrow regular expression over every
    text costs about twice as much): the bytes below 0x20 or from 0x80 up are few, and
    only those are looked at again.

    >>> _plain_texts(pa.array(["seen alone", "caf\\u00e9", "a\\x0bb", None, "x\\ty\\n"])).tolist()
    [True, False, False, False, True]
    """
    if isinstance(texts, pa.ChunkedArray):
        parts = [_plain_texts(chunk) for chunk in texts.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
    if texts.type == pa.large_string():
        offset_type: type[np.integer[Any]] = np.int64
    elif texts.type == pa.string():
        offset_type = np.int32
    else:  # (not text: Arrow's own tests)
        plain = pc.and_(
            pc.string_is_ascii(texts),
            pc.invert(pc.match_substring_regex(texts, "[\\x0b\\x1c-\\x1f]")),
        )
        return np.asarray(pc.fill_null(plain, False).to_numpy(zero_copy_only=False), dtype=bool)
    n = len(texts)
    out = np.ones(n, dtype=bool)
    if n == 0:
        return out
    _validity, offsets_buf, data_buf = texts.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=offset_type)[texts.offset : texts.offset + n + 1]
    first, last = int(offsets[0]), int(offsets[-1])
    if last > first:
        data = np.frombuffer(data_buf, dtype=np.uint8)[first:last]
        # bytes from 0x80 up or below 0x20 (wrapping: those are the ones below 0xa0 after
        # adding 0x80), then of those the ones that make a text not plain; a block of bytes
        # at a time, into the same small buffers (fresh memory the size of every text
        # costs more to touch than the test itself)
        size = min(len(data), _BYTE_BLOCK)
        shifted, low = np.empty(size, dtype=np.uint8), np.empty(size, dtype=bool)
        bad: list[IntArray] = []
        for at in range(0, len(data), size):
            block = data[at : at + size]
            k = len(block)
            np.add(block, np.uint8(0x80), out=shifted[:k])
            np.less(shifted[:k], np.uint8(0xA0), out=low[:k])
            odd = np.flatnonzero(low[:k])
            odd = odd[_NOT_PLAIN_BYTE[block[odd]]]
            if len(odd):
                bad.append(odd + (first + at))
        if bad:
            out[np.searchsorted(offsets, np.concatenate(bad), side="right") - 1] = False
    if texts.null_count:
        out &= np.asarray(texts.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    return out


#: Bytes of text read at a time by :func:`_plain_texts`.
_BYTE_BLOCK: Final = 1 << 20
#: Bytes that make a text not plain (see :func:`_plain_texts`): not ASCII, a vertical tab,
#: or \\x1c-\\x1f.
_NOT_PLAIN_BYTE: Final = np.zeros(256, dtype=bool)
_NOT_PLAIN_BYTE[0x80:] = True
_NOT_PLAIN_BYTE[[0x0B, 0x1C, 0x1D, 0x1E, 0x1F]] = True


_DAY_NS: Final = 86_400 * 10**9


class _OrderKeys:
    """The columns that decide the order rules read events in (see :func:`same_day_order`)
    as arrays, in the order of ``at`` (positions in ``table``; None: the table's order).
    Each column is read from the table once, when first asked for, and the reading is
    shared by every reordering (taking an array costs less than reordering a table)."""

    __slots__ = ("_at", "_read", "_table")

    def __init__(
        self, table: pd.DataFrame, at: IntArray | None = None, read: dict[str, Any] | None = None
    ) -> None:
        self._table = table
        self._at = at
        self._read: dict[str, Any] = {} if read is None else read

    def __len__(self) -> int:
        return len(self._table)

    def reordered(self, positions: IntArray) -> _OrderKeys:
        """The same keys in the order of ``positions`` (positions in this order)."""
        at = positions if self._at is None else self._at[positions]
        return _OrderKeys(self._table, at, self._read)

    def has(self, name: str) -> bool:
        return name in self._table.columns

    def _in_order(self, name: str, read: Callable[[pd.DataFrame], Any]) -> Any:
        if name not in self._read:
            self._read[name] = read(self._table)
        values = self._read[name]
        return values if values is None or self._at is None else values[self._at]

    def row_key(self) -> npt.NDArray[np.float64]:
        """``source_row`` as numbers (NaN where missing); the column must exist."""
        return self._in_order(S.SOURCE_ROW, _row_key)

    def sequence_key(self) -> npt.NDArray[np.float64] | None:
        """:func:`~scr_timeline.chronology.sequence_keys` of ``sequence``; None when the
        table has no such column or nothing in it."""
        return self._in_order(S.SEQUENCE, _sequence_key)

    def source(self) -> tuple[IntArray, int]:
        """:func:`_source_codes` of the table, in this order."""
        if _SOURCE not in self._read:
            self._read[_SOURCE] = _source_codes(self._table)
        codes, width = self._read[_SOURCE]
        return (codes if self._at is None else codes[self._at]), width

    def timed(self, start: npt.NDArray[np.int64]) -> BoolArray:
        """Rows whose start (``start``, in this order) has a time of day: precision
        ``minute``, else (no precision column) a start off midnight."""
        minute = self._in_order(S.PRECISION, _minute)
        if minute is None:
            return np.asarray(start % _DAY_NS != 0, dtype=bool)
        return minute


#: Where :class:`_OrderKeys` keeps the source codes (no column's name).
_SOURCE: Final = "\0source"


def _row_key(events: pd.DataFrame) -> npt.NDArray[np.float64]:
    rows = events[S.SOURCE_ROW]
    if rows.dtype.kind in "iu":
        return rows.to_numpy().astype(np.float64)
    return np.asarray(
        rows.astype("Float64").to_numpy(dtype="float64", na_value=np.nan), dtype=np.float64
    )


def _sequence_key(events: pd.DataFrame) -> npt.NDArray[np.float64] | None:
    if S.SEQUENCE in events.columns and bool(events[S.SEQUENCE].notna().any()):
        return sequence_keys(events[S.SEQUENCE])  # ("2.10" after "2.9")
    return None


def _minute(events: pd.DataFrame) -> BoolArray | None:
    """Rows whose precision is ``minute`` (None when the table has no precision column)."""
    precision = events.get(S.PRECISION)
    if precision is None:
        return None
    if isinstance(precision.dtype, pd.CategoricalDtype):
        minute = np.asarray(precision.cat.categories == "minute", dtype=bool)
        codes = np.asarray(precision.cat.codes, dtype=np.int64)
        return np.append(minute, False)[codes]  # code -1 (missing) reads the False
    return np.asarray(precision.astype(object).to_numpy() == "minute", dtype=bool)


def same_day_order(events: pd.DataFrame, start: npt.NDArray[np.int64]) -> IntArray | None:
    """Positions putting a start-sorted events table in the order rules read it, or
    ``None`` when it already is in that order.

    Events on the same day keep their chronology's order (RULES.md, "Time"): within one
    source (file and sheet) and one day, rows come in the order of the ``sequence`` column
    where every row of that day has a number in it, else in ``source_row`` order. A row
    without a time therefore stays after the timed row written above it: "12/03/2007 14:30
    referral received" then "12/03/2007 strategy discussion" is the referral first, although
    the discussion's date starts at midnight. A time of day orders rows of different sources
    (a row without one takes the time of the last timed row above it in its own source, that
    day); rows of different sources with the same time keep the table's order.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> ev = make_events(start=["2007-03-12", "2007-03-12 14:30"], source_row=[3, 2])
    >>> start = ev["start"].to_numpy().astype(np.int64)
    >>> same_day_order(ev, start).tolist()  # row 2 (the timed one) was written first
    [1, 0]
    """
    return _same_day_order(_OrderKeys(events), start)


def _same_day_order(keys: _OrderKeys, start: npt.NDArray[np.int64]) -> IntArray | None:
    """:func:`same_day_order` of the events whose order columns are ``keys``."""
    n = len(keys)
    if n < 2 or not keys.has(S.SOURCE_ROW):
        return None
    row_key = keys.row_key()
    day = start // _DAY_NS
    seq_key = keys.sequence_key()
    whole = row_key if seq_key is None else seq_key
    if not np.isnan(whole).any():
        same = day[1:] == day[:-1]
        if not (whole[1:][same] < whole[:-1][same]).any():
            return None  # each day's rows in their sources' order already: nothing to do
    source, width = keys.source()
    # groups: one source on one day (the table is in day order: often already grouped)
    group_of = day * width + source
    if bool((group_of[1:] >= group_of[:-1]).all()):
        group_sort = np.arange(n, dtype=np.int64)
        g_day, g_src = day, source
    else:
        group_sort = np.argsort(group_of, kind="stable")
        g_day, g_src = day[group_sort], source[group_sort]
    new_group = np.empty(n, dtype=bool)
    new_group[0] = True
    new_group[1:] = (g_day[1:] != g_day[:-1]) | (g_src[1:] != g_src[:-1])
    if new_group.all():
        return None  # no source has two rows on one day
    group = np.cumsum(new_group) - 1
    key = _file_key(row_key, seq_key, group_sort, group)
    same = ~new_group[1:]
    if not (key[1:][same] < key[:-1][same]).any():
        # every source's rows already in its own order: with the table in start order, the
        # times agree with it too (a timed row never precedes an untimed one of its day)
        return None
    # each group in its source's order; a row's time: its own, else the last one above it
    in_file = np.lexsort((np.arange(n), key, group))
    at = group_sort[in_file]
    timed = keys.timed(start)
    time = np.where(timed, start % _DAY_NS, 0)[at]
    grp = group[in_file]
    time = _running_max(time, grp)
    # rows of one group at one time form a block, placed where its first row sits now
    new_block = np.empty(n, dtype=bool)
    new_block[0] = True
    new_block[1:] = (grp[1:] != grp[:-1]) | (time[1:] != time[:-1])
    first = np.flatnonzero(new_block)
    block_pos = np.repeat(np.minimum.reduceat(at, first), np.diff(np.append(first, n)))
    order = np.lexsort((np.arange(n), block_pos, time, day[at]))
    result = at[order]
    if (result[1:] > result[:-1]).all():
        return None
    return result.astype(np.int64)


def _running_max(values: IntArray, group: IntArray) -> IntArray:
    """The largest of ``values`` so far within each group (``group`` ascending, so each
    group's rows are together), without pandas' groupby: a running maximum of (group,
    rank of the value), in which every earlier group weighs less.

    >>> _running_max(np.array([5, 0, 7, 3, 0, 2]), np.array([0, 0, 0, 1, 1, 1])).tolist()
    [5, 5, 7, 3, 3, 3]
    """
    distinct, rank = np.unique(values, return_inverse=True)
    width = np.int64(len(distinct))
    key = group.astype(np.int64) * width + rank.ravel().astype(np.int64)
    return distinct[np.maximum.accumulate(key) - group.astype(np.int64) * width]


def _source_codes(events: pd.DataFrame) -> tuple[IntArray, int]:
    """Per row, a code of its source (``source_file`` and ``source_sheet``), and how many
    codes there can be."""
    source = np.zeros(len(events), dtype=np.int64)
    width = 1
    for name in (S.SOURCE_FILE, S.SOURCE_SHEET):
        if name in events.columns:
            codes, uniques = pd.factorize(events[name], use_na_sentinel=True)
            source = source * (len(uniques) + 1) + (np.asarray(codes, dtype=np.int64) + 1)
            width *= len(uniques) + 1
    return source, width


def _file_key(
    row_key: npt.NDArray[np.float64],
    seq_key: npt.NDArray[np.float64] | None,
    group_sort: IntArray,
    group: IntArray,
) -> npt.NDArray[np.float64]:
    """Per row of ``group_sort`` order: its place in its source, as ``sequence`` gives it
    when every row of its group has a number there, else ``source_row`` (else the table)."""
    key = row_key[group_sort]
    bad_row = np.bincount(group, weights=np.isnan(key), minlength=group[-1] + 1) > 0
    if bad_row.any():
        key = np.where(bad_row[group], group_sort.astype(np.float64), key)
    if seq_key is not None:
        by_seq = seq_key[group_sort]
        bad_seq = np.bincount(group, weights=np.isnan(by_seq), minlength=group[-1] + 1) > 0
        key = np.where(bad_seq[group], key, by_seq)
    return key


def _arrow_text(frame: pd.DataFrame, name: str) -> pa.Array | pa.ChunkedArray:
    """A text column as Arrow strings (missing values null)."""
    if name not in frame.columns:
        return pa.nulls(len(frame), pa.large_string())
    column = frame[name]
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        values = pa.array(column.array)
        return values if values.type == pa.large_string() else values.cast(pa.large_string())
    values = column.tolist()
    return pa.array([None if _isna(v) else str(v) for v in values], pa.large_string())


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


Cache = dict[str, BoolArray]
#: Prefix of the cache key that holds the events a named predicate has not yet answered for
#: (a name in a rulebook cannot hold it).
_UNANSWERED: Final = "\0unanswered:"


@dataclass(frozen=True)
class Predicate:
    """A compiled predicate: ``evaluate(view, cache)`` gives one boolean per event."""

    description: str
    _fn: Callable[[EventView, Cache, BoolArray | None], BoolArray] = field(
        repr=False, compare=False
    )
    names: tuple[str, ...] = ()
    #: a named predicate's answer is its cache entry, shared by every caller (no copy)
    shared: bool = field(default=False, repr=False, compare=False)

    def evaluate(self, view: EventView, cache: Cache, within: BoolArray | None = None) -> BoolArray:
        """Evaluate on the events of ``view`` (named predicates are cached in ``cache``).

        With ``within``, only those events' answers are needed: they are exact, the others
        may be anything (text conditions then search only those events' texts).

        On a view of a batch (:func:`stack_views`) the answer is the part for its events of
        the predicate's answer over all the batch's events, worked out once.
        """
        link = view._link
        if link is None:
            return self._fn(view, cache, within)
        hit = link.answer(self)
        if self.shared:
            return hit
        return hit.copy() if within is None else hit & within


def _list_of_str(value: object, key: str, vocabulary: Sequence[str] | None) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise PredicateError(
            f"{key} must be a list of names", key=key, found=value, expected="a list of strings"
        )
    if vocabulary is not None:
        unknown = [v for v in items if v not in vocabulary]
        if unknown:
            raise PredicateError(
                f"unknown {key} {', '.join(map(repr, unknown))}",
                key=key,
                found=unknown[0],
                expected=f"one of {', '.join(vocabulary)}",
            )
    return list(items)


def _regex(value: object, key: str) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise PredicateError(
            f"{key} must be a regular expression", key=key, found=value, expected="a string"
        )
    try:
        return regex(value, re.IGNORECASE)
    except re.error as err:
        raise PredicateError(
            f"{key} is not a valid regular expression: {err}",
            key=key,
            found=value,
            expected="a Python regular expression",
        ) from err


def _boolean(value: object, key: str) -> bool:
    if not isinstance(value, bool):
        raise PredicateError(f"{key} must be true or false", key=key, found=value, expected="bool")
    return value


def _number(value: object, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PredicateError(f"{key} must be a number", key=key, found=value, expected="a number")
    return float(value)


def _date(value: object, key: str) -> np.int64:
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value
    else:
        raise PredicateError(f"{key} must be a date", key=key, found=value, expected="YYYY-MM-DD")
    try:
        return np.int64(np.datetime64(text, "D").astype("datetime64[ns]").astype(np.int64))
    except ValueError as err:
        raise PredicateError(
            f"{key} is not a date", key=key, found=value, expected="YYYY-MM-DD"
        ) from err


def _text_mask(view: EventView, rows: BoolArray, pattern: re.Pattern[str]) -> BoolArray:
    """Rows whose details or outcome match, each distinct text searched once per analysis.

    Texts that cannot match are first ruled out in bulk (Arrow) when the pattern has
    required literals (see :func:`required_literals`); each distinct remaining text is
    searched with ``pattern`` itself, so the result is exactly that of ``pattern.search``.
    """
    state = view.match_state(pattern)
    todo = np.flatnonzero(rows & (state < 0))
    if len(todo):
        distinct = view.distinct_texts()
        want = distinct.codes[todo]
        if distinct.each:  # one text per event: the answers go straight to the events
            state[todo] = _search_at(distinct, want, pattern)
        else:
            known = distinct.state(pattern)
            need = np.zeros(len(known), dtype=bool)
            need[want] = True
            need &= known < 0
            texts = np.flatnonzero(need)
            known[texts] = _search_at(distinct, texts, pattern)
            state[todo] = known[want]
    return rows & (state == 1)


def _search_at(distinct: _DistinctTexts, texts: IntArray, pattern: re.Pattern[str]) -> BoolArray:
    """Whether ``pattern`` matches each of the texts at ``texts`` (positions in
    ``distinct.texts``), a bounded copy of the texts at a time."""
    found = np.zeros(len(texts), dtype=bool)
    # a few texts: Python strings for Python's re (Arrow's calls cost more)
    few = len(texts) <= _PY_UP_TO
    for at in range(0, len(texts), _TEXT_CHUNK):
        part = texts[at : at + _TEXT_CHUNK]
        if few:  # (as Arrow strings only if an Arrow search needs them)
            hit = _search(None, pattern, distinct.plain[part], distinct.py(part))
        else:
            lo, hi = int(part.min()), int(part.max()) + 1
            if len(part) >= _DENSE_SHARE * (hi - lo):
                # most texts of the span asked about: searching the span in place (a
                # slice, no copy) costs less than copying the texts asked about (Arrow's
                # take copies them at about the cost of a search)
                hit = _search(distinct.texts.slice(lo, hi - lo), pattern, distinct.plain[lo:hi])
                hit = hit[part - lo]
            else:
                picked = distinct.texts.take(pa.array(part, pa.int64()))
                hit = _search(picked, pattern, distinct.plain[part])
        found[at : at + len(part)] = hit
    return found


#: At most this many texts are searched with Python strings at hand (see :func:`_find`).
_PY_UP_TO: Final = 2_000
#: Events whose texts are searched together (their text is copied once per search).
_TEXT_CHUNK: Final = 1 << 16
#: Texts asked about that are at least this share of the span they lie in are searched
#: with the whole span in place rather than copied out (measured on 1e6 texts: 8-25% less
#: at 90%, more below about 80%).
_DENSE_SHARE: Final = 0.9


def _search(
    texts: pa.Array | pa.ChunkedArray | None,
    pattern: re.Pattern[str],
    plain: BoolArray | None = None,
    py: _PyTexts | None = None,
) -> BoolArray:
    """Whether ``pattern`` matches each of ``texts``.

    Literals the pattern needs rule texts out in bulk; ASCII texts are searched with
    Arrow's RE2 where it reads the pattern as Python's re does; the rest with Python's
    re, clause by clause when no match can cross a clause's end. ``plain``: per text,
    whether RE2 reads it as re does (see :func:`_plain_texts`), when already known;
    ``py``: the texts as Python strings, when already known (then ``texts`` may be
    None: they become Arrow strings only if an Arrow search needs them)."""
    return _find(texts, pattern, split=True, plain=plain, py=py)


def _find(
    texts: pa.Array | pa.ChunkedArray | None,
    pattern: re.Pattern[str],
    *,
    split: bool,
    plain: BoolArray | None = None,
    py: _PyTexts | None = None,
) -> BoolArray:
    if py is not None:
        strings = py.texts
        n = len(strings)
    elif texts is not None:
        n = len(texts)
    else:
        raise TypeError("_find needs texts, as Arrow or as Python strings")

    def arrow() -> pa.Array | pa.ChunkedArray:
        nonlocal texts
        if texts is None:  # (made from the Python strings when first needed)
            texts = pa.array(strings, pa.large_string())
        return texts

    hits = np.zeros(n, dtype=bool)
    literals = required_literals(pattern)
    if literals and py is not None and _few(len(py.texts), literals):
        # the same test in Python: Arrow's regular expression of the literals costs more
        # to build than looking for each in a few texts
        check = np.array(
            [
                i
                for i, (low, plain_) in enumerate(zip(py.lowered, py.plain, strict=True))
                if not plain_ or any(map(low.__contains__, literals))
            ],
            dtype=np.int64,
        )
    elif literals:
        # the literals are ASCII: an ASCII text without any of them (in any case) cannot
        # match; RE2's case-insensitive search finds every ASCII-case variant, as does a
        # search of the texts lower-cased (the literals are lower-case), whose pattern RE2
        # compiles faster: the better for a few texts
        if len(arrow()) <= _LOWER_UP_TO:
            present = pc.match_substring_regex(pc.ascii_lower(arrow()), _either(literals))
        else:
            present = pc.match_substring_regex(arrow(), _either(literals), ignore_case=True)
        if plain is None:
            maybe = pc.or_(present, pc.invert(pc.string_is_ascii(arrow())))
            check = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
        else:  # (a text that is not plain is kept: a superset of the texts not ASCII)
            check = np.flatnonzero(
                pc.fill_null(present, False).to_numpy(zero_copy_only=False) | ~plain
            )
    else:
        check = np.arange(len(hits))
    if len(check) == 0:
        return hits
    re2 = _re2_pattern(pattern) if len(check) >= _RE2_FROM else None
    if re2 is not None:
        # Arrow's RE2 over the plain texts (it reads them as Python's re does); Python's re
        # over the others
        picked = arrow().take(pa.array(check, pa.int64()))
        ascii_ = _plain_texts(picked) if plain is None else plain[check]
        if ascii_.any():
            lowered = _re2_lowered(pattern) if len(check) <= _LOWER_UP_TO else None
            if lowered is not None:  # (RE2 compiles it faster: see _re2_lowered)
                found = pc.match_substring_regex(pc.ascii_lower(picked), lowered)
            else:
                found = pc.match_substring_regex(picked, re2, ignore_case=_ignores_case(pattern))
            hits[check[ascii_]] = pc.fill_null(found, False).to_numpy(zero_copy_only=False)[ascii_]
        check = check[~ascii_]
        if len(check) == 0:
            return hits
    if py is not None and len(check) < _SPLIT_FROM:  # Python strings at hand
        lowered = _py_lowered(pattern)
        if lowered is None:
            search, texts_ = pattern.search, py.texts
            hits[check] = [search(texts_[i]) is not None for i in check.tolist()]
            return hits
        # a plain text lower-cased, searched by the pattern lower-cased, case-sensitive
        # (see _py_lowered: Python's re reads it about 2-3 times as fast); the rest as is
        search, low_search = pattern.search, regex(lowered).search
        texts_, lows, plains = py.texts, py.lowered, py.plain
        hits[check] = [
            (low_search(lows[i]) if plains[i] else search(texts_[i])) is not None
            for i in check.tolist()
        ]
        return hits
    separators = _clause_separators(pattern) if split and len(check) >= _SPLIT_FROM else None
    if separators:
        # no match reaches across a separator (see _clause_separators): search each
        # clause, each distinct clause once, and a text matches when a clause does
        clauses = pc.split_pattern_regex(arrow().take(pa.array(check, pa.int64())), separators)
        if isinstance(clauses, pa.ChunkedArray):
            clauses = clauses.combine_chunks()
        parents = pc.list_parent_indices(clauses).to_numpy(zero_copy_only=False)
        found = _find(pc.list_flatten(clauses), pattern, split=False)
        hits[check] = np.bincount(parents[found], minlength=len(check)) > 0
        return hits
    candidates = arrow().take(pa.array(check, pa.int64())).dictionary_encode()
    if isinstance(candidates, pa.ChunkedArray):
        candidates = candidates.combine_chunks()
    distinct = candidates.dictionary.to_pylist()  # each distinct text searched once
    found = np.array([pattern.search(t) is not None for t in distinct] + [False], dtype=bool)
    codes = pc.fill_null(candidates.indices, len(distinct)).to_numpy(zero_copy_only=False)
    hits[check] = found[codes]
    return hits


def _few(texts: int, literals: tuple[str, ...]) -> bool:
    """Whether looking for ``literals`` in ``texts`` Python strings costs less than
    Arrow's search (which builds a regular expression of them, a few µs a literal)."""
    return texts * len(literals) <= _FEW_BASE + _FEW_PER_LITERAL * len(literals)


_FEW_BASE: Final = 400
_FEW_PER_LITERAL: Final = 40

#: Fewer texts than this are searched by Python's re alone (Arrow's call, which compiles the
#: pattern each time, costs more).
_RE2_FROM: Final = 30
#: Fewer texts than this are searched whole by Python's re (not split into clauses).
_SPLIT_FROM: Final = 200
#: Characters that may end a clause (all of them non-word characters, see below).
_CLAUSE_ENDS: Final = ".;\n!?"
_CATEGORY_HAS: Final[dict[str, Callable[[str], bool]]] = {
    "CATEGORY_DIGIT": str.isdecimal,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdecimal(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
    "CATEGORY_LINEBREAK": lambda c: c == "\n",
    "CATEGORY_NOT_LINEBREAK": lambda c: c != "\n",
}
# Python's re and RE2 read these differently: "$" (re also matches before a final line
# break), lookarounds and backreferences (RE2 has none), possessive and atomic groups
_NOT_RE2: Final = regex(r"(?<!\\)\$|\(\?[=!<>P]|\\[1-9]|\\Z|\\A|[*+?}]\+|\(\?>")


@functools.lru_cache(maxsize=256)
def _re2_pattern(pattern: re.Pattern[str]) -> str | None:
    """``pattern`` as RE2 reads it on ASCII text, or None when RE2 would read it otherwise
    (or cannot compile it): only plain syntax, and no flag but ignoring case."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE) or _NOT_RE2.search(pattern.pattern):
        return None
    try:
        pc.match_substring_regex(pa.array(["x"]), pattern.pattern)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pattern.pattern


@pattern_fact
def _clause_separators(pattern: re.Pattern[str]) -> str | None:
    """An RE2 class of the characters in :data:`_CLAUSE_ENDS` that no match of
    ``pattern`` can contain (None when there are none, or the pattern cannot be read).

    No part of a match, lookarounds included, consumes such a character, so a match lies
    within one clause between them; and the only look beyond a match, a word boundary,
    sees a non-word character there as at either end of the clause. So ``pattern``
    matches a text exactly when it matches one of the text's clauses. Anchors (``^``,
    ``$``, ``\\A``, ``\\Z``) and group references are refused.

    >>> print(_clause_separators(re.compile(r"\\bseen\\b[^\\w.;]+alone", re.I)))
    [\\.\\;]
    >>> _clause_separators(re.compile(r"seen.*alone")) is None
    True
    """
    try:
        parsed = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private parser: no split rather than a failure
        return None
    ends = [c for c in _CLAUSE_ENDS if not _can_consume(parsed, c)]
    if not ends:
        return None
    return "[" + "".join(_re2_literal(c) for c in ends) + "]"


def _can_consume(items: list[tuple[Any, Any]], char: str) -> bool:
    """Whether any part of the parsed items might consume ``char`` (or is not understood)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            if av == ord(char):
                return True
        elif name == "IN":
            if _class_has(av, char):
                return True
        elif name == "AT":
            if str(av) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY"):
                return True
        elif name == "BRANCH":
            if any(_can_consume(list(b), char) for b in av[1]):
                return True
        elif name in ("SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if _can_consume(list(av[-1]), char):
                return True
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            if _can_consume(list(av[-1] if name != "ATOMIC_GROUP" else av), char):
                return True
        else:  # ANY, NOT_LITERAL, group references, anything new: may consume it
            return True
    return False


def _class_has(items: list[tuple[Any, Any]], char: str) -> bool:
    """Whether a parsed character class might match ``char``."""
    negate = False
    has = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            has = has or av == ord(char)
        elif name == "RANGE":
            has = has or av[0] <= ord(char) <= av[1]
        elif name == "CATEGORY":
            test = _CATEGORY_HAS.get(str(av))
            if test is None:
                return True
            has = has or test(char)
        else:
            return True
    return has != negate


def _ignores_case(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.IGNORECASE)


#: At most this many texts are searched lower-cased with :func:`_re2_lowered` (more: RE2's
#: case-insensitive search, whose dearer compile weighs less than lower-casing them).
_LOWER_UP_TO: Final = 1_000
#: Escapes whose meaning does not depend on case (``\\w`` is a word character either way).
_CASELESS_ESCAPES: Final = frozenset("bBwWsSdDntrfv")


@functools.lru_cache(maxsize=256)
def _re2_lowered(pattern: re.Pattern[str]) -> str | None:
    """A case-insensitive ``pattern`` as a case-sensitive RE2 pattern for lower-cased ASCII
    texts (RE2 compiles a case-insensitive pattern at about twice the cost), or None when
    it cannot be written so for certain.

    ``pattern`` ignoring case matches an ASCII text exactly when its letters lower-cased
    match the text lower-cased: each letter then stands for both its cases. That holds for
    literal letters and for classes (``[NO]``, ``[A-Z]``) but not for ranges mixing
    letters with other characters (``[A-z]`` holds ``_``), nor for escapes naming a
    character (``\\x41``), scoped flags (``(?-i:NFA)``) or characters beyond ASCII (the
    Kelvin sign matches ``k`` ignoring case): those patterns are refused, as are any RE2
    would not read as Python's re does (:func:`_re2_pattern`).

    >>> _re2_lowered(re.compile(r"\\bNFA\\b|[A-Z]\\w+ [NO]", re.I))
    '\\\\bnfa\\\\b|[a-z]\\\\w+ [no]'
    >>> _re2_lowered(re.compile(r"(?-i:NFA)|[A-z]", re.I)) is None
    True
    """
    lowered = _py_lowered(pattern)
    if lowered is None or _re2_pattern(pattern) is None:
        return None
    try:
        pc.match_substring_regex(pa.array(["x"]), lowered)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return lowered


@pattern_fact
def _py_lowered(pattern: re.Pattern[str]) -> str | None:
    """A case-insensitive ``pattern`` written for Python's ``re`` to search plain texts
    (see :func:`_plain_texts`) lower-cased, case-sensitively, or None when it cannot be
    written so for certain (ASCII letters lower-cased outside escapes; only literals,
    classes of one case of letters, case-free categories, boundaries, plain groups,
    alternatives and repeats: why, :func:`_re2_lowered` says, which adds RE2's own
    conditions).

    ``re`` with ``re.IGNORECASE`` compares each character's case folding one at a time
    and never skips ahead on a cased first character; the lower-cased pattern, without
    the flag, finds the same texts among plain ones about 2-3 times as fast. (A
    character beyond ASCII may fold to an ASCII letter, the Kelvin sign to ``k``: texts
    that are not plain keep the pattern itself.)

    >>> _py_lowered(re.compile(r"\\bNFA\\b|[A-Z]\\w+ [NO]", re.I))
    '\\\\bnfa\\\\b|[a-z]\\\\w+ [no]'
    >>> _py_lowered(re.compile(r"(?-i:NFA)|[A-z]", re.I)) is None
    True
    """
    source = pattern.pattern
    if not _ignores_case(pattern) or pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    if not source.isascii() or "(?" in source.replace("(?:", "") or "[:" in source:
        return None
    try:
        parsed = list(_sre_parser.parse(source, pattern.flags))
    except Exception:  # a private parser: not lowered rather than a failure
        return None
    if not _caseless_structure(parsed):
        return None
    out: list[str] = []
    escaped = False
    for char in source:
        if escaped:
            if char.isalnum() and char not in _CASELESS_ESCAPES:
                return None  # \x41, \u00e9, \N{...}, \1, \A, \Z, ...
            out.append(char)
            escaped = False
        else:
            escaped = char == "\\"
            out.append(char.lower() if "A" <= char <= "Z" else char)
    lowered = "".join(out)
    try:
        regex(lowered)
    except re.error:
        return None
    return lowered


def _caseless_structure(items: list[tuple[Any, Any]]) -> bool:
    """Whether parsed items use only what :func:`_re2_lowered` can lower-case: literals,
    classes whose ranges are of one case of letters or hold no letter, case-free
    categories, boundaries, groups without flags, alternatives and repeats."""
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "ANY"):
            continue
        if name == "AT":
            if str(av) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_BEGINNING"):
                return False
        elif name == "IN":
            for item_op, item_av in av:
                item = str(item_op)
                if item == "RANGE":
                    lo, hi = item_av
                    if not (
                        (0x61 <= lo <= hi <= 0x7A)
                        or (0x41 <= lo <= hi <= 0x5A)
                        or hi < 0x41
                        or 0x5A < lo <= hi < 0x61
                        or lo > 0x7A
                    ):
                        return False
                elif item not in ("LITERAL", "NEGATE", "CATEGORY"):
                    return False
        elif name == "BRANCH":
            if not all(_caseless_structure(list(b)) for b in av[1]):
                return False
        elif name == "SUBPATTERN":
            if av[1] or av[2] or not _caseless_structure(list(av[-1])):  # (flags)
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            if not _caseless_structure(list(av[-1])):
                return False
        else:
            return False
    return True


@functools.lru_cache(maxsize=1024)
def _either(literals: tuple[str, ...]) -> str:
    """An RE2 pattern matching any of ``literals`` literally."""
    return "|".join(_re2_literal(x) for x in literals)


def _re2_literal(text: str) -> str:
    """``text`` as an RE2 pattern matching it literally (ASCII punctuation escaped)."""
    return "".join(
        c if c.isalnum() or c == " " else "\\" + c if c.isprintable() else f"\\x{{{ord(c):02x}}}"
        for c in text
    )


@pattern_fact
def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII strings at least one of which every match of ``pattern`` contains
    (in any case), or ``()`` when no such set can be read from the pattern.

    Only plain structure is read (runs of literal characters, groups, alternatives);
    anything else (classes, repeats, lookarounds, backreferences) is skipped, so the
    answer is a necessary condition for a match, never a guess.

    Examples
    --------
    >>> required_literals(re.compile(r"\\bNFA\\b|no further (police )?action", re.I))
    ('nfa', 'no further ')
    >>> required_literals(re.compile(r"[a-z]+"))
    ()
    """
    from ..classify._text import required_literals as required_in

    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        found = required_in(list(parsed), lower=True)
    except Exception:  # a private parser: no prefilter rather than a failure
        return ()
    return tuple(sorted(found)) if found else ()


_LOOKBACK_RE: Final = regex(r"^\s*(\d+)\s*(days?|weeks?)\s*$", re.IGNORECASE)


def _lookback_days(value: object, key: str) -> int:
    """A lookback in calendar days from "N days" or "N weeks"."""
    match = _LOOKBACK_RE.match(value) if isinstance(value, str) else None
    if match is None:
        raise PredicateError(
            f"{key} must be a number of days or weeks",
            key=key,
            found=value,
            expected='"N days" or "N weeks"',
        )
    n = int(match.group(1))
    return n * 7 if match.group(2).lower().startswith("week") else n


def _follows(view: EventView, rows: BoolArray, earlier: BoolArray, reach: int) -> BoolArray:
    """Per event of ``rows``: an event of ``earlier`` listed before it in the chronology's
    order (same-day order included) that started at most ``reach`` days before its day."""
    out = np.zeros(len(view), dtype=bool)
    at = np.flatnonzero(rows)
    marks = np.flatnonzero(earlier)
    if len(at) == 0 or len(marks) == 0:
        return out
    day = view.days  # the view is in the chronology's order
    k = np.searchsorted(marks, at, side="left") - 1  # the last marked event before each
    found = k >= 0
    found[found] &= day[marks[k[found]]] >= day[at[found]] - reach
    out[at] = found
    return out


def _follows_party(view: EventView, rows: BoolArray, earlier: BoolArray, reach: int) -> BoolArray:
    """:func:`_follows`, where the earlier event was recorded by one of the later event's
    parties (its agency or a counterpart): one pass per agency that recorded an earlier
    event (a handful), each over the events asked about and the earlier events only."""
    out = np.zeros(len(view), dtype=bool)
    at = np.flatnonzero(rows)
    marks = np.flatnonzero(earlier)
    if len(at) == 0 or len(marks) == 0:
        return out
    day = view.days  # the view is in the chronology's order
    at_day, at_parties = day[at], view.parties[at]
    mark_agency = view.agency[marks]
    for code in np.unique(mark_agency).tolist():
        if code < 0 or code >= len(PARTIES):
            continue
        theirs = (at_parties & (np.uint64(1) << np.uint64(code))) != 0
        if not theirs.any():
            continue
        mine = marks[mark_agency == code]
        where, when = at[theirs], at_day[theirs]
        k = np.searchsorted(mine, where, side="left") - 1  # the last of its marks before each
        found = k >= 0
        found[found] &= day[mine[k[found]]] >= when[found] - reach
        out[where[found]] = True
    return out


#: Days between the first day of one chronology and the first of the next in a stacked view
#: (:func:`stack_views`), and the longest ``follows_within`` that can make a difference
#: (more than the days between the earliest and latest date NumPy's nanoseconds hold,
#: 1677 to 2262, about 213,500): no reach crosses from one chronology to another.
_CHRONOLOGY_GAP: Final = 1 << 32
_REACH_CAP: Final = 1 << 18


def _reaching(view: EventView, rows: BoolArray, reach: int) -> BoolArray:
    """The events listed before one of ``rows`` that started at most ``reach`` days before
    its day: those :func:`_follows` can find for them."""
    at = np.flatnonzero(rows)
    n = len(view)
    if len(at) == 0:
        return np.zeros(n, dtype=bool)
    day = view.days  # the view is in the chronology's order
    first = np.searchsorted(day, day[at] - reach, side="left")
    opened = np.bincount(first, minlength=n + 1) - np.bincount(at, minlength=n + 1)
    return np.cumsum(opened[:n]) > 0


def _same_day(view: EventView, rows: BoolArray) -> BoolArray:
    """The events on the day of one of ``rows`` (listed before or after it)."""
    at = np.flatnonzero(rows)
    n = len(view)
    if len(at) == 0:
        return np.zeros(n, dtype=bool)
    day = view.days  # the view is in the chronology's order: days ascending
    days = np.unique(day[at])
    first = np.searchsorted(day, days, side="left")
    stop = np.searchsorted(day, days, side="right")
    opened = np.bincount(first, minlength=n + 1) - np.bincount(stop, minlength=n + 1)
    return np.cumsum(opened[:n]) > 0


def _on_its_day(view: EventView, rows: BoolArray, marks: BoolArray, by_party: bool) -> BoolArray:
    """Per event of ``rows``: another event of ``marks`` on its day, listed before or after
    it (with ``by_party``, one recorded by one of its parties): one pass per agency that
    recorded a mark, each over the events asked about and the marks only."""
    out = np.zeros(len(view), dtype=bool)
    at = np.flatnonzero(rows)
    if len(at) == 0 or not marks.any():
        return out
    day = view.days  # the view is in the chronology's order: days ascending
    at_day = day[at]
    self_mark = marks[at]  # an event is never its own partner
    if not by_party:
        mark_day = day[marks]
        count = np.searchsorted(mark_day, at_day, "right") - np.searchsorted(mark_day, at_day)
        out[at] = (count - self_mark) > 0
        return out
    at_parties, at_agency = view.parties[at], view.agency[at]
    mark_pos = np.flatnonzero(marks)
    mark_agency = view.agency[mark_pos]
    for code in np.unique(mark_agency).tolist():
        if code < 0 or code >= len(PARTIES):
            continue
        theirs = (at_parties & (np.uint64(1) << np.uint64(code))) != 0
        if not theirs.any():
            continue
        mine = day[mark_pos[mark_agency == code]]
        when = at_day[theirs]
        count = np.searchsorted(mine, when, "right") - np.searchsorted(mine, when)
        count -= self_mark[theirs] & (at_agency[theirs] == code)
        out[at[theirs][count > 0]] = True
    return out


def _lookup(codes: Sequence[int], size: int) -> BoolArray:
    """A table of ``size + 1`` flags, true at ``codes``: indexed by codes (-1 for unknown
    values picks the last, false, entry), it is a vectorised membership test."""
    table = np.zeros(size + 1, dtype=bool)
    table[list(codes)] = True
    return table


def _on_arrays(
    condition: Callable[[EventView], BoolArray], key: Hashable = None
) -> Callable[[EventView, Cache, BoolArray], BoolArray]:
    """A step of a predicate table for a ``condition`` on the view's arrays alone (event
    type, agency, flags, age, date): it does not depend on the events asked about, so it
    is worked out once per analysis (:meth:`EventView.condition`) however often the
    predicate is asked, and each asking is one ``&``. ``key``: what the condition asks
    (the same key, the same answer: other tables asking it share it)."""

    def step(view: EventView, cache: Cache, m: BoolArray) -> BoolArray:
        return m & view.condition(condition, key)

    return step


def compile_predicate(
    spec: object,
    *,
    where: str,
    named: Mapping[str, Predicate] | None = None,
) -> Predicate:
    """Compile a predicate from rulebook data.

    Parameters
    ----------
    spec
        A predicate name, a table of conditions, or a list of predicates (any of them).
    where
        Where the predicate is written (used in error messages).
    named
        Predicates already compiled from the rulebook's ``[predicates]`` table.

    Raises
    ------
    PredicateError
        The predicate names an unknown key, event type, agency or predicate, or a value
        has the wrong type.

    Examples
    --------
    >>> p = compile_predicate({"suspicious_injury": True, "not_agency": ["csc"]}, where="x")
    >>> p.description
    'suspicious_injury=True, not_agency=csc'
    >>> compile_predicate({"colour": "red"}, where="x")
    Traceback (most recent call last):
    ...
    scr_timeline.rules.predicates.PredicateError: unknown key 'colour'
    """
    named = named or {}
    if isinstance(spec, str):
        if spec not in named:
            raise PredicateError(
                f"unknown predicate {spec!r}",
                key="predicate",
                found=spec,
                expected="a name from [predicates]: " + (", ".join(sorted(named)) or "(none)"),
            )
        target = named[spec]

        def by_name(view: EventView, cache: Cache, within: BoolArray | None) -> BoolArray:
            # answered for the events asked about, each event once per analysis: a named
            # predicate used inside a narrower one ('initial_assessment, not
            # assessment_begun') searches only the texts its callers ask about
            value = cache.get(spec)
            if value is None:
                value = cache[spec] = np.zeros(len(view), dtype=bool)
                cache[_UNANSWERED + spec] = np.ones(len(view), dtype=bool)
            unanswered = cache.get(_UNANSWERED + spec)
            if unanswered is not None:
                need = unanswered.copy() if within is None else within & unanswered
                if need.any():
                    # (no predicate writes to the events it is asked about)
                    np.copyto(value, target.evaluate(view, cache, need), where=need)
                    unanswered &= ~need
                    if not unanswered.any():
                        del cache[_UNANSWERED + spec]
            return value

        return Predicate(spec, by_name, (spec,), shared=True)
    if isinstance(spec, list):
        if not spec:
            raise PredicateError(
                "an empty list matches nothing", key="any", found=spec, expected="predicates"
            )
        parts = [compile_predicate(s, where=where, named=named) for s in spec]
        return _any(parts)
    if not isinstance(spec, Mapping):
        raise PredicateError(
            "a predicate must be a name, a table or a list",
            key="predicate",
            found=spec,
            expected="a string, a table or a list",
        )
    return _compile_table(spec, where=where, named=named)


def _any(parts: Sequence[Predicate]) -> Predicate:
    def fn(view: EventView, cache: Cache, within: BoolArray | None) -> BoolArray:
        out = np.zeros(len(view), dtype=bool)
        for p in parts:
            # only the events no earlier part matched still need an answer
            todo = ~out if within is None else within & ~out
            if not todo.any():
                break
            out |= p.evaluate(view, cache, todo)
        return out if within is None else out & within

    names = tuple(n for p in parts for n in p.names)
    return Predicate(" or ".join(p.description for p in parts), fn, names)


def _compile_table(
    spec: Mapping[str, Any], *, where: str, named: Mapping[str, Predicate]
) -> Predicate:
    unknown = [k for k in spec if k not in PREDICATE_KEYS]
    if unknown:
        raise PredicateError(
            f"unknown key {unknown[0]!r}",
            key=unknown[0],
            found=unknown[0],
            expected="one of " + ", ".join(PREDICATE_KEYS),
        )
    if "follows_party" in spec and (
        "follows" not in spec or not isinstance(spec["follows_party"], bool)
    ):
        raise PredicateError(
            "follows_party needs follows, and is true or false", key="follows_party",
            found=spec["follows_party"], expected="true alongside a follows predicate",
        )  # fmt: skip
    if "follows_either_order" in spec and (
        "follows" not in spec or not isinstance(spec["follows_either_order"], bool)
    ):
        raise PredicateError(
            "follows_either_order needs follows, and is true or false",
            key="follows_either_order", found=spec["follows_either_order"],
            expected="true alongside a follows predicate",
        )  # fmt: skip
    if "follows_within" in spec and "follows" not in spec:
        raise PredicateError(
            "follows_within needs follows", key="follows_within", found=spec["follows_within"],
            expected="a follows predicate alongside",
        )  # fmt: skip
    if "mentions" in spec and "event_type" not in spec:
        raise PredicateError(
            "mentions needs event_type", key="mentions", found=spec["mentions"],
            expected="an event_type list alongside",
        )  # fmt: skip
    # cheap array conditions first, then sub-predicates, then text (only on candidates)
    steps: list[Callable[[EventView, Cache, BoolArray], BoolArray]] = []
    names: list[str] = []
    if "event_type" in spec:
        types = _list_of_str(spec["event_type"], "event_type", S.EVENT_TYPES)
        codes = _lookup([S.EVENT_TYPES.index(t) for t in types], len(S.EVENT_TYPES))
        type_bits = np.uint64(sum(int(_TYPE_BIT[t]) for t in types))
        with_mentions = _boolean(spec.get("mentions", False), "mentions")

        def by_type(view: EventView) -> BoolArray:
            hit = codes[view.event_type]  # -1 (unknown) reads the last entry: False
            if with_mentions:
                hit |= (view.mentions & type_bits) != 0
            return hit

        steps.append(_on_arrays(by_type, ("event_type", tuple(types), with_mentions)))
    for key, keep in (("agency", True), ("not_agency", False)):
        if key in spec:
            agencies = _list_of_str(spec[key], key, S.AGENCIES)
            acodes = _lookup([S.AGENCIES.index(a) for a in agencies], len(S.AGENCIES))

            def by_agency(view: EventView, acodes: Any = acodes, keep: bool = keep) -> BoolArray:
                hit = acodes[view.agency]  # -1 (unknown) reads the last entry: False
                return hit if keep else ~hit

            steps.append(_on_arrays(by_agency, (key, tuple(agencies))))
    if "role" in spec:
        roles = _list_of_str(spec["role"], "role", S.ROLES)
        rcodes = _lookup([S.ROLES.index(r) for r in roles], len(S.ROLES))

        def by_role(view: EventView, rcodes: Any = rcodes) -> BoolArray:
            return rcodes[view.role]  # -1 (no role known) reads the last entry: False

        steps.append(_on_arrays(by_role))
    if "involves" in spec:
        parties = _list_of_str(spec["involves"], "involves", PARTIES)
        pbits = np.uint64(sum(int(_PARTY_BIT[p]) for p in parties))
        steps.append(_on_arrays(lambda view: (view.parties & pbits) != 0))
    if "involves_other_agency" in spec:
        want_other = _boolean(spec["involves_other_agency"], "involves_other_agency")

        def other(view: EventView) -> BoolArray:
            own = np.zeros(len(view), dtype=np.uint64)
            known = view.agency >= 0
            own[known] = np.left_shift(np.uint64(1), view.agency[known].astype(np.uint64))
            hit = (view.counterpart_agencies & ~own) != 0
            return hit if want_other else ~hit

        steps.append(_on_arrays(other))
    for key in ("injury", "suspicious_injury"):
        if key in spec:
            want = _boolean(spec[key], key)

            def by_flag(view: EventView, key: str = key, want: bool = want) -> BoolArray:
                return np.asarray(getattr(view, key) == want, dtype=bool)

            steps.append(_on_arrays(by_flag))
    if "child_seen" in spec:
        want_seen = _boolean(spec["child_seen"], "child_seen")
        steps.append(_on_arrays(lambda view: view.child_seen if want_seen else view.child_not_seen))
    for key, below in (("age_months_lt", True), ("age_months_ge", False)):
        if key in spec:
            limit = _number(spec[key], key) * _DAYS_PER_MONTH

            def by_age(view: EventView, limit: float = limit, below: bool = below) -> BoolArray:
                known = ~np.isnan(view.age_days)
                ages = np.where(known, view.age_days, 0.0)
                return known & ((ages < limit) if below else (ages >= limit))

            steps.append(_on_arrays(by_age))
    for key, before in (("date_before", True), ("date_from", False)):
        if key in spec:
            boundary = _date(spec[key], key)

            def by_date(view: EventView, b: Any = boundary, before: bool = before) -> BoolArray:
                return (view.start < b) if before else (view.start >= b)

            steps.append(_on_arrays(by_date))
    subs: list[tuple[str, Predicate]] = []
    if "is" in spec:
        refs = _list_of_str(spec["is"], "is", None)
        subs += [("all", compile_predicate(r, where=where, named=named)) for r in refs]
    if "all" in spec:
        items = spec["all"] if isinstance(spec["all"], list) else [spec["all"]]
        subs += [("all", compile_predicate(s, where=where, named=named)) for s in items]
    if "any" in spec:
        subs.append(("all", compile_predicate(spec["any"], where=where, named=named)))
    if "not" in spec:
        subs.append(("not", compile_predicate(spec["not"], where=where, named=named)))
    for how, sub in subs:
        names += sub.names

        def by_sub(
            view: EventView, cache: Cache, m: BoolArray, sub: Predicate = sub, how: str = how
        ) -> BoolArray:
            hit = sub.evaluate(view, cache, m)
            return m & (hit if how == "all" else ~hit)

        steps.append(by_sub)
    if "follows" in spec:
        earlier = compile_predicate(spec["follows"], where=where, named=named)
        names += earlier.names
        # (a reach beyond every date's span is the same as that span: kept below the gap
        # between the chronologies of a stacked view)
        reach = min(
            _lookback_days(spec.get("follows_within", "0 days"), "follows_within"), _REACH_CAP
        )

        by_party = bool(spec.get("follows_party", False))
        either = bool(spec.get("follows_either_order", False))

        def by_follows(
            view: EventView,
            cache: Cache,
            m: BoolArray,
            earlier: Predicate = earlier,
            by_party: bool = by_party,
            either: bool = either,
        ) -> BoolArray:
            # the earlier events asked about only where one could be: before one of these
            # events, within reach of its day (a text searched over every event costs)
            candidates = _reaching(view, m, reach)
            if either:
                candidates |= _same_day(view, m)
            marks = earlier.evaluate(view, cache, candidates)
            found = (_follows_party if by_party else _follows)(view, m, marks, reach)
            if either:
                found |= _on_its_day(view, m, marks, by_party)
            return m & found

        steps.append(by_follows)
    for key, keep in (("text", True), ("not_text", False)):
        if key in spec:
            pattern = _regex(spec[key], key)

            def by_text(
                view: EventView,
                cache: Cache,
                m: BoolArray,
                pattern: Any = pattern,
                keep: bool = keep,
            ) -> BoolArray:
                hit = _text_mask(view, m, pattern)
                return hit if keep else m & ~hit

            steps.append(by_text)

    def fn(view: EventView, cache: Cache, within: BoolArray | None) -> BoolArray:
        mask = np.ones(len(view), dtype=bool) if within is None else within.copy()
        for step in steps:
            mask = step(view, cache, mask)
            if not mask.any():
                break
        return mask

    description = ", ".join(
        f"{k}={'/'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in spec.items()
    )
    return Predicate(description, fn, tuple(names))
