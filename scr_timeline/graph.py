"""The event graph of contacts between agencies, and the questions reviewers ask of it.

A *contact* is an event whose recording agency names one or more counterparts (other agencies
or family members). The graph has one node per agency and family member and an edge from the
recording agency to each counterpart it named.

- :func:`build_graph` builds the aggregated graph (one edge per pair, with the number of
  contacts as ``weight``), or on request the per-event graph (one edge per contact, keyed by
  ``event_id``).
- :func:`contact_matrix` counts contacts between agencies, optionally per month, quarter or year.
- :func:`knowledge` answers "who could have known of this event, and when?";
  :func:`as_of` shows the chronology as it stood on a date, optionally only what one agency
  could have known then: the reviewer's defence against hindsight.
- :func:`to_graphml`, :func:`to_gexf`, :func:`to_node_link_json` and :func:`to_ocel` write the
  graph (or, for OCEL 2.0, the whole chronology) for other tools.

Events whose ``duplicate_of`` is set are the same contact recorded a second time by another
agency: the graph and the matrix leave them out, and they do not carry knowledge between
agencies (the original stands for both). Events without a date or a recording agency cannot be placed and are left
out of the graph.

How knowledge travels
---------------------
The model is deliberately simple and stated here once; ``docs/graph.md`` explains it at
length.

1. Every event happened at its ``start``: the earliest moment it can have happened, so an
   uncertain date ("March 2007") counts from the first day it can mean. This gives the
   earliest moment anyone *could* have known, which is what a hindsight check needs.
2. The agencies that take part in an event are its recording agency and the agencies among its
   counterparts. They all know of it from its ``start``. Family members are not channels
   between agencies.
3. A contact at time ``t`` shares everything any of its agencies knew by ``t`` with all of them
   (a phone call, a letter, a meeting). Contacts at the same moment may chain ("GP phoned the
   health visitor, who phoned social care", both dated the same day).
4. Knowledge of an agency's events grows as a prefix in time: if agency Y knows an event of
   agency Z that started at ``s``, it could also know every event of Z that started before
   ``s`` (the same path of contacts would have carried it). So what Y could know of Z by a date
   is one number, the *knowledge horizon*: the latest start of Z's events that can have reached
   Y. :func:`as_of` computes the horizon of one agency towards every other with one backward
   scan over the contacts (the latest moment information held by Z could still reach Y by the
   date), and :func:`knowledge` computes the earliest arrival of one event at every agency with
   one forward scan. Both are linear in the number of contacts.

Examples
--------
>>> from scr_timeline.chronology import Chronology
>>> from scr_timeline.testing import make_events
>>> chron = Chronology(make_events(
...     start=["02/03/2007", "03/03/2007", "06/03/2007"],
...     agency=["gp", "gp", "health_visiting"],
...     counterparts=[(), ("health_visiting",), ("csc", "mother")],
... ))
>>> graph = build_graph(chron)
>>> sorted(graph.edges())
[('gp', 'health_visiting'), ('health_visiting', 'csc'), ('health_visiting', 'mother')]
>>> knowledge(chron, "e1")[["agency", "known_from", "hops"]]
            agency known_from  hops
0               gp 2007-03-02     0
1  health_visiting 2007-03-03     1
2              csc 2007-03-06     2
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from . import schema as S
from ._prebuilt import regex
from .chronology import EVENT_DTYPES, Chronology, conform, tuple_codes
from .chronology import write_atomic as _write_atomic

__all__ = [
    "COUNTERPART",
    "EVENT_TYPES_ATTR",
    "FIRST",
    "HOPS",
    "INJURY_CONTACTS",
    "KIND",
    "KNOWN_FROM",
    "LABEL",
    "LAST",
    "N_EVENTS",
    "N_RECORDED",
    "PATH",
    "PERIOD",
    "VIA_EVENT_ID",
    "WEIGHT",
    "as_of",
    "build_graph",
    "chronology_to_ocel",
    "contact_matrix",
    "contacts_with",
    "graph_for_export",
    "knowledge",
    "knowledge_of_events",
    "to_gexf",
    "to_graphml",
    "to_node_link_json",
    "to_ocel",
]

# --- names of node and edge attributes and of result columns ----------------------------------
#: Node attribute: "agency", "family" or "other" (a counterpart in neither vocabulary).
KIND: Final = "kind"
#: Node attribute: readable name ("Children's social care", "Mother").
LABEL: Final = "label"
#: Node and edge attribute: earliest ``start`` of the events involved.
FIRST: Final = "first"
#: Node and edge attribute: latest ``end`` of the events involved.
LAST: Final = "last"
#: Node attribute: events the node took part in (recorded it or was named on it).
N_EVENTS: Final = "n_events"
#: Node attribute (agencies): events the agency recorded.
N_RECORDED: Final = "n_recorded"
#: Edge attribute (aggregated graph): number of contacts.
WEIGHT: Final = "weight"
#: Edge attribute (aggregated graph): contacts that describe an injury to the child.
INJURY_CONTACTS: Final = "injury_contacts"
#: Edge attribute (aggregated graph): contacts per event type, as a dict (a string on export).
EVENT_TYPES_ATTR: Final = "event_types"
#: Column of :func:`contact_matrix`: the counterpart.
COUNTERPART: Final = "counterpart"
#: Index level of :func:`contact_matrix` with ``freq``.
PERIOD: Final = "period"
#: Columns of :func:`knowledge`.
KNOWN_FROM: Final = "known_from"
VIA_EVENT_ID: Final = "via_event_id"
PATH: Final = "path"
HOPS: Final = "hops"

KIND_AGENCY: Final = "agency"
KIND_FAMILY: Final = "family"
KIND_OTHER: Final = "other"

_N_AGENCIES: Final = len(S.AGENCIES)
_N_TYPES: Final = len(S.EVENT_TYPES)
_OTHER_TYPE: Final = S.EVENT_TYPES.index("other")
_NODE_NAMES: Final[tuple[str, ...]] = (*S.AGENCIES, *S.FAMILY_MEMBERS)
_NODE_CODES: Final[dict[str, int]] = {name: i for i, name in enumerate(_NODE_NAMES)}
_NO_TIME: Final = np.iinfo(np.int64).min
_DENSE_LIMIT: Final = 1 << 23
_END_OF_TIME: Final = np.iinfo(np.int64).max
_FREQ_ALIASES: Final[dict[str, str]] = {
    "M": "M",
    "ME": "M",
    "MS": "M",
    "Q": "Q",
    "QE": "Q",
    "QS": "Q",
    "Y": "Y",
    "YE": "Y",
    "YS": "Y",
    "A": "Y",
}

ChronologyLike = Chronology | pd.DataFrame
IntArray = npt.NDArray[np.int64]


# =============================================================================================
# Preparing the events: one pass over the counterparts column, the rest in numpy
# =============================================================================================
def _events_of(chron: object, name: str = "chron") -> pd.DataFrame:
    """The events table of a Chronology, or a DataFrame made canonical."""
    if isinstance(chron, Chronology):
        return chron.events
    if isinstance(chron, pd.DataFrame):
        missing = [col for col in EVENT_DTYPES if col not in chron.columns]
        return conform(chron, EVENT_DTYPES) if missing else chron
    raise TypeError(
        f"{name} must be a Chronology or an events DataFrame, not {type(chron).__name__}"
    )


def _codes(values: pd.Series, vocab: Sequence[str]) -> npt.NDArray[np.int64]:
    """Integer codes of ``values`` in ``vocab`` (-1 for missing or unknown values)."""
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype) and list(dtype.categories) == list(vocab):
        return values.cat.codes.to_numpy().astype(np.int64)
    cat = pd.Categorical(values.astype("object"), categories=list(vocab))
    return np.asarray(cat.codes, dtype=np.int64)


def _times(values: pd.Series) -> IntArray:
    """Nanoseconds since the epoch (``_NO_TIME`` for NaT)."""
    return np.asarray(values.to_numpy(dtype="datetime64[ns]").view(np.int64))


@dataclass(frozen=True)
class _Tuples:
    """The distinct counterpart tuples of a table, as node codes.

    Tuple id 0 is "no counterparts". ``items`` holds the node codes of every tuple one after
    the other (each tuple's values once, in order); tuple ``k`` owns
    ``items[offsets[k]:offsets[k + 1]]``.
    """

    items: IntArray
    offsets: IntArray
    agency_mask: IntArray  # per tuple: bit i set when agency code i is named
    other_names: tuple[str, ...]  # node names after AGENCIES and FAMILY_MEMBERS

    @property
    def lengths(self) -> IntArray:
        return np.diff(self.offsets)

    def node_name(self, code: int) -> str:
        if code < len(_NODE_NAMES):
            return _NODE_NAMES[code]
        return self.other_names[code - len(_NODE_NAMES)]

    @property
    def n_nodes(self) -> int:
        return len(_NODE_NAMES) + len(self.other_names)


@dataclass(frozen=True)
class _Rows:
    """The events that can be placed (dated, not a duplicate copy), as arrays."""

    position: IntArray  # row position in the events table
    agency: IntArray  # agency code, -1 when missing
    tuple_id: IntArray  # into _Tuples
    start: IntArray
    end: IntArray
    injury: npt.NDArray[np.bool_]
    event_type: IntArray  # code in EVENT_TYPES (missing counted as "other")
    is_copy: npt.NDArray[np.bool_]  # duplicate_of is set
    tuples: _Tuples


def _counterpart_names(value: object) -> list[str]:
    """The names in one counterparts cell: a tuple, or text joined with ";" as in CSV exports."""
    if isinstance(value, str):
        parts: Iterable[object] = value.split(";")
    elif isinstance(value, tuple | list):
        parts = value
    else:
        return []
    names = []
    for part in parts:
        if part is None or part is pd.NA or (isinstance(part, float) and np.isnan(part)):
            continue
        name = str(part).strip()
        if name:
            names.append(name)
    return names


def _node_code(name: str) -> int | None:
    """Node code of a canonical agency or family member (case-insensitive), else None."""
    code = _NODE_CODES.get(name)
    return _NODE_CODES.get(name.lower()) if code is None else code


def _factorize_tuples(values: pd.Series) -> tuple[IntArray, _Tuples]:
    """Tuple id per row and the distinct tuples (free for a classified column)."""
    codes, uniques = tuple_codes(values)
    tuple_id = codes + 1  # missing -> 0, "no counterparts"
    others: dict[str, int] = {}
    items: list[int] = []
    offsets = [0, 0]
    masks = [0]
    for value in uniques:
        seen: dict[int, None] = {}
        for name in _counterpart_names(value):
            code = _node_code(name)
            if code is None:
                code = len(_NODE_NAMES) + others.setdefault(name, len(others))
            seen.setdefault(code)
        items.extend(seen)
        offsets.append(len(items))
        masks.append(sum(1 << c for c in seen if c < _N_AGENCIES))
    return tuple_id, _Tuples(
        items=np.asarray(items, dtype=np.int64),
        offsets=np.asarray(offsets, dtype=np.int64),
        agency_mask=np.asarray(masks, dtype=np.int64),
        other_names=tuple(others),
    )


def _prepare(events: pd.DataFrame, *, copies: bool = False) -> _Rows:
    """Arrays for the placeable events: dated and (unless ``copies``) not a duplicate copy."""
    original = events[S.DUPLICATE_OF].isna().to_numpy()
    keep = events[S.START].notna().to_numpy()
    if not copies:
        keep = keep & original
    all_kept = bool(keep.all())
    position = np.arange(len(events), dtype=np.int64) if all_kept else np.flatnonzero(keep)

    def take(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return values if all_kept else values[position]

    tuple_id, tuples = _factorize_tuples(events[S.COUNTERPARTS])
    tuple_id = take(tuple_id)
    start = take(_times(events[S.START]))
    end = take(_times(events[S.END]))
    end = np.where(end == _NO_TIME, start, end)
    event_type = take(_codes(events[S.EVENT_TYPE], S.EVENT_TYPES))
    return _Rows(
        position=position,
        agency=take(_codes(events[S.AGENCY], S.AGENCIES)),
        tuple_id=tuple_id,
        start=start,
        end=end,
        injury=take(events[S.INJURY].to_numpy(dtype=bool, na_value=False)),
        event_type=np.where(event_type < 0, _OTHER_TYPE, event_type),
        is_copy=~take(original),
        tuples=tuples,
    )


def _explode(tuple_id: IntArray, tuples: _Tuples) -> tuple[IntArray, IntArray]:
    """For rows with these tuple ids: (row index repeated per counterpart, counterpart code)."""
    lengths = tuples.lengths[tuple_id]
    total = int(lengths.sum())
    rows = np.repeat(np.arange(len(tuple_id), dtype=np.int64), lengths)
    within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return rows, tuples.items[tuples.offsets[tuple_id][rows] + within]


def _group(key: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """Group ids per row (0..g-1, in key order) and the distinct keys."""
    if size <= max(4 * len(key), 1 << 16):
        used = np.flatnonzero(np.bincount(key, minlength=size))
        compact = np.zeros(size, dtype=np.int64)
        compact[used] = np.arange(len(used), dtype=np.int64)
        return compact[key], used.astype(np.int64)
    uniques, inverse = np.unique(key, return_inverse=True)
    return inverse.astype(np.int64), uniques.astype(np.int64)


@dataclass(frozen=True)
class _Stats:
    """Sums over groups of rows."""

    count: IntArray
    first: IntArray
    last: IntArray
    injury: IntArray
    types: IntArray  # (groups, event types)


def _stats(
    group: IntArray,
    n_groups: int,
    start: IntArray,
    end: IntArray,
    injury: npt.NDArray[np.bool_],
    event_type: IntArray,
) -> _Stats:
    """Per group of events: count, earliest start, latest end, injuries, counts per type."""
    first = np.full(n_groups, _END_OF_TIME, dtype=np.int64)
    last = np.full(n_groups, _NO_TIME, dtype=np.int64)
    np.minimum.at(first, group, start)
    np.maximum.at(last, group, end)
    # one counting pass for (group, event type, injury)
    packed = np.bincount(
        (group * _N_TYPES + event_type) * 2 + injury, minlength=n_groups * _N_TYPES * 2
    ).reshape(n_groups, _N_TYPES, 2)
    injured = packed[:, :, 1]
    types = packed[:, :, 0] + injured
    return _Stats(types.sum(axis=1), first, last, injured.sum(axis=1), types)


def _sum_stats(group: IntArray, n_groups: int, parts: _Stats, index: IntArray) -> _Stats:
    """Statistics of groups of ``parts[index]`` (every group in ``0..n_groups-1`` non-empty)."""
    if n_groups == 0:
        return _take(parts, np.zeros(0, dtype=np.int64))
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(n_groups))
    rows = index[order]
    if not len(parts.first):  # counts only
        return _counts(np.add.reduceat(parts.count[rows], bounds))
    return _Stats(
        np.add.reduceat(parts.count[rows], bounds),
        np.minimum.reduceat(parts.first[rows], bounds),
        np.maximum.reduceat(parts.last[rows], bounds),
        np.add.reduceat(parts.injury[rows], bounds),
        np.add.reduceat(parts.types[rows], bounds, axis=0),
    )


def _counts(count: IntArray) -> _Stats:
    """Statistics that hold the counts only."""
    none = np.zeros(0, dtype=np.int64)
    return _Stats(count.astype(np.int64), none, none, none, none.reshape(0, _N_TYPES))


def _take(stats: _Stats, index: IntArray) -> _Stats:
    if not len(stats.first):
        return _counts(stats.count[index])
    return _Stats(
        stats.count[index],
        stats.first[index],
        stats.last[index],
        stats.injury[index],
        stats.types[index],
    )


def _combos(
    rows: _Rows, extra: IntArray | None = None, n_extra: int = 1, *, full: bool = True
) -> tuple[IntArray, IntArray, IntArray, _Stats]:
    """Group the recorded events by (extra key, agency, counterpart tuple).

    Returns the extra key, agency code and tuple id of every group, and its statistics (only
    the counts unless ``full``). Events without a recording agency are left out.
    """
    recorded = rows.agency >= 0
    if recorded.all():
        agency, tuple_id, start, end = rows.agency, rows.tuple_id, rows.start, rows.end
        injury, event_type = rows.injury, rows.event_type
    else:
        agency, tuple_id = rows.agency[recorded], rows.tuple_id[recorded]
        start, end = rows.start[recorded], rows.end[recorded]
        injury, event_type = rows.injury[recorded], rows.event_type[recorded]
        extra = None if extra is None else extra[recorded]
    n_tuples = len(rows.tuples.offsets) - 1
    key = agency * n_tuples + tuple_id
    if extra is not None:
        key = key + extra * (_N_AGENCIES * n_tuples)
    size = n_extra * _N_AGENCIES * n_tuples
    if not full and size <= max(4 * len(key), 1 << 16):
        count = np.bincount(key, minlength=size)
        used = np.flatnonzero(count).astype(np.int64)
        stats = _counts(count[used])
    elif not full:
        group, used = _group(key, size)
        stats = _counts(np.bincount(group, minlength=len(used)))
    elif size * _N_TYPES <= _DENSE_LIMIT:  # key itself is the group: no gather over the rows
        stats = _stats(key, size, start, end, injury, event_type)
        used = np.flatnonzero(stats.count).astype(np.int64)
        stats = _take(stats, used)
    else:
        group, used = _group(key, size)
        stats = _stats(group, len(used), start, end, injury, event_type)
    rest, tid = np.divmod(used, n_tuples)
    ext, ag = np.divmod(rest, _N_AGENCIES)
    return ext, ag, tid, stats


@dataclass(frozen=True)
class _Pairs:
    """Aggregated contacts per (extra key, source agency, target node)."""

    extra: IntArray
    source: IntArray
    target: IntArray
    stats: _Stats


def _pairs(
    rows: _Rows,
    *,
    family: bool,
    extra: IntArray | None = None,
    n_extra: int = 1,
    full: bool = True,
) -> tuple[_Pairs, IntArray, IntArray, _Stats]:
    """Contacts aggregated per pair, plus the (extra, agency) combos and their statistics."""
    ext, agency, tid, stats = _combos(rows, extra, n_extra, full=full)
    combo, target = _explode(tid, rows.tuples)
    source = agency[combo]
    keep = target != source
    if not family:
        keep &= target < _N_AGENCIES
    combo, target, source = combo[keep], target[keep], source[keep]
    n_nodes = rows.tuples.n_nodes
    key = (ext[combo] * _N_AGENCIES + source) * n_nodes + target
    group, used = _group(key, max(n_extra * _N_AGENCIES * n_nodes, 1))
    pair_stats = _sum_stats(group, len(used), stats, combo)
    rest, tgt = np.divmod(used, n_nodes)
    pext, src = np.divmod(rest, _N_AGENCIES)
    return _Pairs(pext, src, tgt, pair_stats), ext, agency, stats


# =============================================================================================
# The graph
# =============================================================================================
def _timestamp(ns: int) -> pd.Timestamp:
    return pd.Timestamp(ns, unit="ns")


def _node_label(name: str, kind: str) -> str:
    if kind == KIND_AGENCY:
        return S.AGENCY_LABELS.get(name, name)
    if kind == KIND_FAMILY:
        return name.replace("_", " ").capitalize()
    return name


def _node_kind(code: int) -> str:
    if code < _N_AGENCIES:
        return KIND_AGENCY
    if code < len(_NODE_NAMES):
        return KIND_FAMILY
    return KIND_OTHER


def _type_counts(types: IntArray) -> list[dict[str, int]]:
    """Per row of counts: a dict of counts per event type, most frequent first, no zeros."""
    orders = np.argsort(-types, axis=1, kind="stable").tolist()
    out = []
    for counts, order in zip(types.tolist(), orders, strict=True):
        out.append({S.EVENT_TYPES[i]: counts[i] for i in order if counts[i]})
    return out


def build_graph(
    chron_or_events: ChronologyLike, *, per_event: bool = False, family: bool = True
) -> nx.MultiDiGraph:
    """Build the graph of contacts between agencies (and family members).

    Parameters
    ----------
    chron_or_events
        A :class:`~scr_timeline.chronology.Chronology` or its events table.
    per_event
        False (the default): one edge per (recording agency, counterpart) pair, with the
        number of contacts as ``weight``; fast at any size. True: one edge per contact, keyed
        by ``event_id``; networkx holds every contact, so use it on a case, not on a corpus.
    family
        Include family members (and counterparts in no vocabulary, kind ``"other"``) as
        nodes; False keeps agencies only.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are agency codes and family members, with attributes ``kind`` ("agency",
        "family" or "other"), ``label``, ``first`` (earliest start of its events), ``last``
        (latest end), ``n_events`` (events it recorded or was named on) and, for agencies,
        ``n_recorded``. Edges go from the recording agency to each counterpart it named.
        Aggregated edges carry ``weight``, ``first``, ``last``, ``injury_contacts`` and
        ``event_types`` (a dict of counts, most frequent first); per-event edges carry
        ``start``, ``end``, ``event_type`` and ``injury``. Times are ``pandas.Timestamp``;
        :func:`graph_for_export` turns them (and the dicts) into strings for files.

    Notes
    -----
    Left out: events whose ``duplicate_of`` is set (the original stands for the contact),
    events without a start or a recording agency, and an agency naming itself. A counterpart
    named twice on one event counts once.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["02/03/2007", "05/03/2007", "05/03/2007"],
    ...     agency=["gp", "gp", "csc"],
    ...     counterparts=[("health_visiting",), ("health_visiting", "mother"), ("police",)],
    ...     event_type=["information_sharing", "home_visit", "strategy_discussion"],
    ... )
    >>> graph = build_graph(events)
    >>> graph.edges["gp", "health_visiting", 0]["weight"]
    2
    >>> graph.edges["gp", "health_visiting", 0]["event_types"]
    {'home_visit': 1, 'information_sharing': 1}
    >>> graph.nodes["mother"]["kind"], graph.nodes["csc"]["label"]
    ('family', "Children's social care")
    >>> sorted(build_graph(events, per_event=True).edges(keys=True))[:2]
    [('csc', 'police', 'e3'), ('gp', 'health_visiting', 'e1')]
    """
    events = _events_of(chron_or_events, "chron_or_events")
    rows = _prepare(events)
    pairs, _, agency, stats = _pairs(rows, family=family)
    tuples = rows.tuples
    n_nodes = tuples.n_nodes

    # node statistics: events recorded (per agency) and events named on (per target)
    recorded = np.bincount(agency, weights=stats.count, minlength=n_nodes).astype(np.int64)
    named = np.bincount(pairs.target, weights=pairs.stats.count, minlength=n_nodes)
    n_events = recorded + named.astype(np.int64)
    first = np.full(n_nodes, _END_OF_TIME, dtype=np.int64)
    last = np.full(n_nodes, _NO_TIME, dtype=np.int64)
    for codes, lo, hi in (
        (agency, stats.first, stats.last),
        (pairs.target, pairs.stats.first, pairs.stats.last),
    ):
        np.minimum.at(first, codes, lo)
        np.maximum.at(last, codes, hi)

    graph = nx.MultiDiGraph(per_event=per_event, family=family)
    if isinstance(chron_or_events, Chronology) and chron_or_events.meta.title:
        graph.graph["title"] = chron_or_events.meta.title
    nodes = []
    for code in np.flatnonzero(n_events).tolist():
        kind = _node_kind(code)
        if kind != KIND_AGENCY and not family:
            continue
        name = tuples.node_name(code)
        attrs: dict[str, Any] = {
            KIND: kind,
            LABEL: _node_label(name, kind),
            FIRST: _timestamp(first[code]),
            LAST: _timestamp(last[code]),
            N_EVENTS: int(n_events[code]),
        }
        if kind == KIND_AGENCY:
            attrs[N_RECORDED] = int(recorded[code])
        nodes.append((name, attrs))
    graph.add_nodes_from(nodes)

    if not per_event:
        ps = pairs.stats
        type_counts = _type_counts(ps.types)
        graph.add_edges_from(
            (
                S.AGENCIES[int(pairs.source[i])],
                tuples.node_name(int(pairs.target[i])),
                {
                    WEIGHT: int(ps.count[i]),
                    FIRST: _timestamp(ps.first[i]),
                    LAST: _timestamp(ps.last[i]),
                    INJURY_CONTACTS: int(ps.injury[i]),
                    EVENT_TYPES_ATTR: type_counts[i],
                },
            )
            for i in range(len(pairs.source))
        )
        return graph

    row, target = _explode(rows.tuple_id, tuples)
    source = rows.agency[row]
    keep = (source >= 0) & (target != source)
    if not family:
        keep &= target < _N_AGENCIES
    row, target, source = row[keep], target[keep], source[keep]
    ids = events.index.to_numpy(dtype=object)[rows.position[row]]
    starts = pd.to_datetime(rows.start[row], unit="ns")
    ends = pd.to_datetime(rows.end[row], unit="ns")
    injury = rows.injury[row].tolist()
    types = [S.EVENT_TYPES[t] for t in rows.event_type[row].tolist()]
    graph.add_edges_from(
        (
            S.AGENCIES[src],
            tuples.node_name(tgt),
            str(key),
            {S.START: st, S.END: en, S.EVENT_TYPE: et, S.INJURY: inj},
        )
        for src, tgt, key, st, en, et, inj in zip(
            source.tolist(), target.tolist(), ids, starts, ends, types, injury, strict=True
        )
    )
    return graph


#: Columns of :func:`contacts_with`.
CONTACTS_WITH_COLUMNS: Final[tuple[str, ...]] = (
    "agency",
    "label",
    "n_recorded",
    "its_records",
    "their_records",
    "contacts",
    "first_contact",
    "last_contact",
    "injuries",
    "injuries_before_contact",
)


def contacts_with(chron: ChronologyLike, agency: str = "csc") -> pd.DataFrame:
    """Every other agency of the chronology and its contacts with one agency: which
    agencies were never in touch with children's social care, and what they had seen.

    Parameters
    ----------
    chron
        A :class:`~scr_timeline.chronology.Chronology` or its events table.
    agency
        The agency asked about (an agency code; default ``"csc"``).

    Returns
    -------
    pandas.DataFrame
        One row per other agency that recorded events or was named on one: ``agency``
        (code), ``label``, ``n_recorded`` (events it recorded), ``its_records`` (contacts
        it recorded that name ``agency``), ``their_records`` (contacts ``agency`` recorded
        that name it), ``contacts`` (the two added), ``first_contact`` and
        ``last_contact`` (NaT when none), ``injuries`` (events it recorded describing an
        injury to the child) and ``injuries_before_contact`` (those that started before
        its first contact with ``agency``: all of them when there was none). Agencies with
        no contact come first, then by injuries before contact, then by events recorded.

    Notes
    -----
    A record does not say who told whom: a school's referral may be in social care's
    records only ("Referral received from school"), so both sides' records are counted
    as contact. Contacts are counted as in :func:`build_graph` (no duplicate copies, no
    agency naming itself); so are injuries (no copies).

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["02/03/2007", "05/03/2007", "09/03/2007"],
    ...     agency=["gp", "health_visiting", "csc"],
    ...     counterparts=[(), ("csc",), ("health_visiting",)],
    ...     injury=[True, False, False])
    >>> table = contacts_with(events)
    >>> table[["agency", "contacts", "injuries_before_contact"]]
                agency  contacts  injuries_before_contact
    0               gp         0                        1
    1  health_visiting         2                        0
    """
    events = _events_of(chron)
    _check_agency(agency)
    graph = (
        chron.graph
        if isinstance(chron, Chronology)
        else build_graph(events, per_event=False, family=False)
    )
    rows = []
    for node, attrs in graph.nodes(data=True):
        if node == agency or attrs.get(KIND) != KIND_AGENCY:
            continue
        mine = graph.get_edge_data(node, agency, 0) or {}
        theirs = graph.get_edge_data(agency, node, 0) or {}
        firsts = [e[FIRST] for e in (mine, theirs) if e]
        lasts = [e[LAST] for e in (mine, theirs) if e]
        rows.append(
            {
                "agency": node,
                "label": attrs.get(LABEL, node),
                "n_recorded": int(attrs.get(N_RECORDED, 0)),
                "its_records": int(mine.get(WEIGHT, 0)),
                "their_records": int(theirs.get(WEIGHT, 0)),
                "first_contact": min(firsts) if firsts else pd.NaT,
                "last_contact": max(lasts) if lasts else pd.NaT,
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "agency",
            "label",
            "n_recorded",
            "its_records",
            "their_records",
            "first_contact",
            "last_contact",
        ],
    )
    table["contacts"] = table["its_records"] + table["their_records"]
    table["first_contact"] = pd.to_datetime(table["first_contact"])
    table["last_contact"] = pd.to_datetime(table["last_contact"])
    # injuries each agency recorded (copies left out), and those before its first contact
    hurt = events[events[S.INJURY].fillna(False).astype(bool) & events[S.START].notna()]
    if S.DUPLICATE_OF in hurt.columns:
        hurt = hurt[hurt[S.DUPLICATE_OF].isna()]
    recorder = hurt[S.AGENCY].astype("object")
    first = recorder.map(dict(zip(table["agency"], table["first_contact"], strict=True)))
    before = first.isna().to_numpy() | (hurt[S.START] < pd.to_datetime(first)).to_numpy()
    table["injuries"] = table["agency"].map(recorder.value_counts()).fillna(0).astype(int)
    table["injuries_before_contact"] = (
        table["agency"].map(recorder[before].value_counts()).fillna(0).astype(int)
    )
    order = {code: i for i, code in enumerate(S.AGENCIES)}
    table = table.assign(
        _none=table["contacts"].gt(0),
        _order=table["agency"].map(order).fillna(len(order)),
    ).sort_values(
        ["_none", "injuries_before_contact", "n_recorded", "_order"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return table[list(CONTACTS_WITH_COLUMNS)].reset_index(drop=True)


def _period_codes(start: IntArray, freq: str) -> tuple[IntArray, pd.PeriodIndex]:
    """Period of each time (0 = the first period) and every period from first to last."""
    unit = {"M": "datetime64[M]", "Q": "datetime64[M]", "Y": "datetime64[Y]"}[freq]
    ordinals = start.view("datetime64[ns]").astype(unit).astype(np.int64)
    if freq == "Q":
        ordinals = ordinals // 3
    if not len(ordinals):
        return ordinals, pd.PeriodIndex([], freq=freq)
    low = int(ordinals.min())
    first = pd.Timestamp(int(start[int(ordinals.argmin())]), unit="ns").to_period(freq)
    periods = pd.period_range(start=first, periods=int(ordinals.max()) - low + 1, freq=freq)
    return ordinals - low, periods


def contact_matrix(
    chron: ChronologyLike, *, freq: str | None = None, family: bool = False
) -> pd.DataFrame:
    """Count contacts between agencies: rows record, columns are named.

    Parameters
    ----------
    chron
        A Chronology or its events table.
    freq
        None for one table over the whole chronology; ``"M"``, ``"Q"`` or ``"Y"`` (or
        ``"ME"``, ``"QE"``, ``"YE"``) for one block of rows per month, quarter or year of
        the events' start, with a ``(period, agency)`` MultiIndex.
    family
        Add family members as columns.

    Returns
    -------
    pandas.DataFrame
        Integer counts; rows are the recording agencies, columns the counterparts, both in
        the order of :data:`scr_timeline.schema.AGENCIES` (then family members). Every agency
        seen in the chronology has a row and a column. Duplicate copies and an agency naming
        itself are not counted, as in :func:`build_graph`.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["02/03/2007", "05/03/2007", "02/04/2007"],
    ...     agency=["gp", "gp", "csc"],
    ...     counterparts=[("csc",), ("csc", "mother"), ("police", "gp")],
    ... )
    >>> contact_matrix(events)
    counterpart  csc  police  gp
    agency
    csc            0       1   1
    police         0       0   0
    gp             2       0   0
    >>> contact_matrix(events, freq="M").loc["2007-03"]
    counterpart  csc  police  gp
    agency
    csc            0       0   0
    police         0       0   0
    gp             2       0   0
    """
    events = _events_of(chron)
    rows = _prepare(events)
    period_key: IntArray | None = None
    periods: pd.Index | None = None
    if freq is not None:
        if not isinstance(freq, str) or freq.upper() not in _FREQ_ALIASES:
            raise ValueError(
                f"freq must be one of 'M', 'Q', 'Y' (or 'ME', 'QE', 'YE'), not {freq!r}"
            )
        period_key, periods = _period_codes(rows.start, _FREQ_ALIASES[freq.upper()])
    n_periods = 1 if periods is None else len(periods)
    pairs, _, agency, _ = _pairs(
        rows, family=family, extra=period_key, n_extra=n_periods, full=False
    )

    items = rows.tuples.items
    agency_codes = sorted(set(agency.tolist()) | set(items[items < _N_AGENCIES].tolist()))
    column_codes = agency_codes + sorted(set(pairs.target[pairs.target >= _N_AGENCIES].tolist()))
    row_at = np.full(_N_AGENCIES, -1, dtype=np.int64)
    row_at[agency_codes] = np.arange(len(agency_codes))
    column_at = np.full(rows.tuples.n_nodes, -1, dtype=np.int64)
    column_at[column_codes] = np.arange(len(column_codes))
    counts = np.zeros((n_periods, len(agency_codes), len(column_codes)), dtype=np.int64)
    np.add.at(
        counts,
        (pairs.extra, row_at[pairs.source], column_at[pairs.target]),
        pairs.stats.count,
    )
    labels = [S.AGENCIES[c] for c in agency_codes]
    columns = pd.Index([rows.tuples.node_name(c) for c in column_codes], name=COUNTERPART)
    if periods is None:
        return pd.DataFrame(counts[0], index=pd.Index(labels, name=S.AGENCY), columns=columns)
    index = pd.MultiIndex.from_product([periods, labels], names=[PERIOD, S.AGENCY])
    return pd.DataFrame(counts.reshape(-1, len(column_codes)), index=index, columns=columns)


# =============================================================================================
# Who knew what, when
# =============================================================================================
@dataclass(frozen=True)
class _Contacts:
    """Contacts between agencies in time order: start, participant bit mask, row position."""

    start: IntArray
    mask: IntArray
    position: IntArray
    everyone: int  # every agency that takes part in any contact


def _participants(rows: _Rows) -> IntArray:
    """Bit mask per row of the agencies taking part: the recorder and named agencies."""
    own = np.where(rows.agency >= 0, np.left_shift(1, np.maximum(rows.agency, 0)), 0)
    return np.asarray(own | rows.tuples.agency_mask[rows.tuple_id], dtype=np.int64)


def _contacts(rows: _Rows, masks: IntArray) -> _Contacts:
    """Contacts (events, not duplicate copies, with at least two agencies taking part),
    sorted by start then table order."""
    is_contact = ((masks & (masks - 1)) != 0) & ~rows.is_copy
    idx = np.flatnonzero(is_contact)
    order = idx[np.argsort(rows.start[idx], kind="stable")]
    everyone = int(np.bitwise_or.reduce(masks[order])) if len(order) else 0
    return _Contacts(rows.start[order], masks[order], rows.position[order], everyone)


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _spread(
    times: list[int],
    masks: list[int],
    indices: Iterable[tuple[int, int]],
    reached: int,
    on_reach: Callable[[int, int, int], None],
    everyone: int,
) -> int:
    """Spread a set of agencies over contacts, a group of equal times at a time.

    ``indices`` yields (first, stop) slices of contacts that share one time, in the order to
    scan them. A contact whose agencies meet ``reached`` adds all its agencies; within one time
    the group is scanned until nothing changes, so same-moment contacts chain. ``on_reach(k,
    contact, reached_before)`` is told of each newly reached agency ``k``.
    """
    for first, stop in indices:
        changed = True
        while changed:
            changed = False
            for i in range(first, stop):
                mask = masks[i]
                if mask & reached and mask & ~reached:
                    for k in _bits(mask & ~reached):
                        on_reach(k, i, reached)
                    reached |= mask
                    changed = stop - first > 1
        if (reached & everyone) == everyone:
            break
    return reached


def _groups(
    times: IntArray, lo: int, hi: int, *, backwards: bool = False
) -> Iterator[tuple[int, int]]:
    """Slices [first, stop) of equal times within ``times[lo:hi]``, forwards or backwards."""
    if hi <= lo:
        return
    segment = times[lo:hi]
    cuts = np.flatnonzero(np.diff(segment)) + 1 + lo
    bounds = [lo, *cuts.tolist(), hi]
    pairs = list(itertools.pairwise(bounds))
    yield from reversed(pairs) if backwards else pairs


def _locate(events: pd.DataFrame, event_id: str) -> int:
    if not isinstance(event_id, str):
        raise TypeError(f"event_id must be a str, not {type(event_id).__name__}")
    try:
        position = events.index.get_loc(event_id)
    except KeyError:
        raise KeyError(f"no event with event_id {event_id!r} in this chronology") from None
    if not isinstance(position, int | np.integer):
        raise KeyError(f"event_id {event_id!r} is not unique in this chronology")
    return int(position)


def _check_agency(agency: object) -> int:
    if not isinstance(agency, str):
        raise TypeError(f"agency must be an agency code (str), not {type(agency).__name__}")
    if agency not in S.AGENCIES:
        raise ValueError(f"unknown agency code {agency!r}; expected one of {', '.join(S.AGENCIES)}")
    return S.AGENCIES.index(agency)


def knowledge(
    chron: ChronologyLike, event_id: str, *, agencies: Sequence[str] | None = None
) -> pd.DataFrame:
    """For every agency, the earliest moment it could have known of one event.

    The agencies that took part in the event (its recording agency and the agencies it names)
    know from its start. Another agency learns at the first later contact, direct or through
    others, that could have carried it: a time-respecting path of contacts (see the module
    notes for the model). Contacts at the same moment may chain.

    Parameters
    ----------
    chron
        A Chronology or its events table.
    event_id
        The event asked about.
    agencies
        Agency codes to report on; by default every agency seen in the chronology (recording
        or named).

    Returns
    -------
    pandas.DataFrame
        One row per agency, earliest first (agencies that never knew last, with NaT):
        ``agency``; ``known_from`` (the start of the contact that told it);
        ``via_event_id`` (that contact); ``path`` (tuple of event ids from the event itself
        to that contact); ``hops`` (contacts after the event itself: 0 for agencies that took
        part in it).

    Raises
    ------
    KeyError
        If no event has ``event_id``.
    ValueError
        If ``agencies`` names an unknown agency code.

    Notes
    -----
    Dates are used as early as they can be: an event and a contact each count from their
    ``start``, so "March 2007" counts from 1 March. A contact can carry the event when its
    start is not before the moment an agency taking part learned of it. Duplicate copies
    (``duplicate_of`` set) are not contacts in their own right: the original is.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["01/03/2007", "03/03/2007", "06/03/2007", "08/03/2007", "09/03/2007"],
    ...     agency=["gp", "gp", "health_visiting", "csc", "hospital"],
    ...     counterparts=[(), ("health_visiting",), ("csc",), ("police",), ()],
    ... )
    >>> knowledge(events, "e1")
                agency known_from via_event_id              path  hops
    0               gp 2007-03-01           e1             (e1,)     0
    1  health_visiting 2007-03-03           e2          (e1, e2)     1
    2              csc 2007-03-06           e3      (e1, e2, e3)     2
    3           police 2007-03-08           e4  (e1, e2, e3, e4)     3
    4         hospital        NaT         <NA>                ()  <NA>
    """
    return knowledge_of_events(chron, [event_id], agencies=agencies).drop(columns="event_id")


def knowledge_of_events(
    chron: ChronologyLike, event_ids: Sequence[str], *, agencies: Sequence[str] | None = None
) -> pd.DataFrame:
    """:func:`knowledge` of several events at once (the contacts are worked out once).

    Returns
    -------
    pandas.DataFrame
        ``event_id`` and the columns of :func:`knowledge`, one row per event and agency, in
        the order of ``event_ids`` and, within an event, earliest first.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["01/03/2007", "03/03/2007", "06/03/2007"],
    ...     agency=["gp", "gp", "health_visiting"],
    ...     counterparts=[(), ("health_visiting",), ("csc",)],
    ... )
    >>> table = knowledge_of_events(events, ["e1", "e3"])
    >>> table[["event_id", "agency", "hops"]]
      event_id           agency  hops
    0       e1               gp     0
    1       e1  health_visiting     1
    2       e1              csc     2
    3       e3              csc     0
    4       e3  health_visiting     0
    5       e3               gp  <NA>
    """
    events = _events_of(chron)
    positions = [_locate(events, event_id) for event_id in event_ids]
    wanted = None if agencies is None else [_check_agency(a) for a in agencies]
    reach = _Reach(events)
    records: list[tuple[int, str, int, str, int | None, str | None, tuple[str, ...]]] = []
    for number, (event_id, position) in enumerate(zip(event_ids, positions, strict=True)):
        known = reach.known(position)
        for code in wanted if wanted is not None else sorted(reach.seen | set(known)):
            when, via, path = known.get(code, (None, None, ()))
            records.append((number, str(event_id), code, S.AGENCIES[code], when, via, path))
    never = np.iinfo(np.int64).max  # agencies that never knew: last within their event
    moments = np.array([never if r[4] is None else r[4] for r in records], dtype=np.int64)
    numbers = np.array([r[0] for r in records], dtype=np.int64)
    order = np.lexsort((moments, numbers))
    rows = [records[i] for i in order]
    stamps = moments[order]
    out = pd.DataFrame(
        {
            "event_id": pd.array([r[1] for r in rows], dtype="string"),
            S.AGENCY: [r[3] for r in rows],
            KNOWN_FROM: np.where(stamps == never, np.iinfo(np.int64).min, stamps).view(
                "datetime64[ns]"
            ),
            VIA_EVENT_ID: pd.array([r[5] for r in rows], dtype="string"),
            PATH: pd.Series([r[6] for r in rows], dtype=object),
            HOPS: pd.array([None if r[4] is None else len(r[6]) - 1 for r in rows], dtype="Int64"),
        }
    )
    return out


class _Reach:
    """The contacts of a chronology, worked out once, and who each event could reach."""

    def __init__(self, events: pd.DataFrame) -> None:
        self.events = events
        rows = _prepare(events, copies=True)
        self.contacts = _contacts(rows, _participants(rows))
        self.ids = events.index.to_numpy(dtype=object)
        seen = set(rows.agency[rows.agency >= 0].tolist())
        seen |= {c for c in rows.tuples.items.tolist() if c < _N_AGENCIES}
        self.seen: set[int] = seen
        self._times: list[int] = self.contacts.start.tolist()
        self._masks: list[int] = self.contacts.mask.tolist()
        self._cids = [str(self.ids[p]) for p in self.contacts.position.tolist()]

    def known(self, position: int) -> dict[int, tuple[int, str, tuple[str, ...]]]:
        """agency code -> (moment in ns, via event id, path) for the event at ``position``."""
        events, contacts = self.events, self.contacts
        event = events.iloc[position]
        event_id = str(self.ids[position])
        t0 = event[S.START]
        own_codes = _codes(events[S.AGENCY].iloc[[position]], S.AGENCIES)[0]
        own_mask = (1 << int(own_codes)) if own_codes >= 0 else 0
        for name in _counterpart_names(event[S.COUNTERPARTS]):
            code = _node_code(name)
            if code is not None and code < _N_AGENCIES:
                own_mask |= 1 << code
        known: dict[int, tuple[int, str, tuple[str, ...]]] = {}
        if pd.isna(t0):
            return known
        start_ns = int(pd.Timestamp(t0).value)
        for k in _bits(own_mask):
            known[k] = (start_ns, event_id, (event_id,))
        times, cmasks, cids = self._times, self._masks, self._cids
        lo = int(np.searchsorted(contacts.start, start_ns, side="left"))

        def on_reach(k: int, i: int, reached: int) -> None:
            informants = [known[j] for j in _bits(cmasks[i] & reached)]
            best = min(informants, key=lambda item: (len(item[2]), item[0]))
            known[k] = (times[i], cids[i], (*best[2], cids[i]))

        _spread(
            times,
            cmasks,
            _groups(contacts.start, lo, len(times)),
            own_mask,
            on_reach,
            contacts.everyone,
        )
        return known


def _as_timestamp(when: object) -> pd.Timestamp:
    """A moment from a Timestamp, datetime, date or a date as written (its last second)."""
    if isinstance(when, pd.Timestamp | np.datetime64) or hasattr(when, "isoformat"):
        stamp = pd.Timestamp(when)  # type: ignore[arg-type]
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("Europe/London").tz_localize(None)
        if pd.isna(stamp):
            raise ValueError("when must be a date, not NaT")
        return stamp
    if isinstance(when, str):
        from .dates import parse_date

        return parse_date(when)[1]
    raise TypeError(f"when must be a date (str, datetime or Timestamp), not {type(when).__name__}")


def as_of(chron: Chronology, when: object, *, agency: str | None = None) -> Chronology:
    """The chronology as it stood on a date; optionally only what one agency could know then.

    Parameters
    ----------
    chron
        The chronology.
    when
        The moment: a Timestamp or datetime, or a date as written ("04/03/2007",
        "March 2007"), which means the end of that day (or span).
    agency
        An agency code. Given, the result holds only the events that agency could have known
        of by ``when``: its own, those it took part in, and those that reached it through
        contacts (the model is in the module notes): exactly the events for which
        :func:`knowledge` gives this agency a ``known_from`` on or before ``when``.

    Returns
    -------
    Chronology
        The events that started by ``when`` (and, with ``agency``, that it could know of), in
        the same order; the same rejected rows and warnings; ``meta.end_date`` set to ``when``.

    Examples
    --------
    >>> from scr_timeline.chronology import Chronology
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(
    ...     start=["01/03/2007", "03/03/2007", "06/03/2007"],
    ...     agency=["gp", "gp", "health_visiting"],
    ...     counterparts=[(), ("health_visiting",), ("csc",)],
    ... ))
    >>> as_of(chron, "04/03/2007").events.index.tolist()
    ['e1', 'e2']
    >>> as_of(chron, "05/03/2007", agency="csc").events.index.tolist()
    []
    >>> as_of(chron, "06/03/2007", agency="csc").events.index.tolist()
    ['e1', 'e2', 'e3']
    """
    if not isinstance(chron, Chronology):
        raise TypeError(f"as_of() takes a Chronology, not {type(chron).__name__}")
    moment = _as_timestamp(when)
    events = chron.events
    limit = int(moment.value)
    starts = _times(events[S.START])
    started = (starts != _NO_TIME) & (starts <= limit)
    if agency is not None:
        started &= _known_to(events, _check_agency(agency), limit)
    meta = chron.meta.with_changes(end_date=moment)
    return Chronology(events[started], chron.rejected, chron.warnings, meta)


def _known_to(events: pd.DataFrame, code: int, limit: int) -> npt.NDArray[np.bool_]:
    """Which events agency ``code`` could have known of by ``limit`` (ns), per row."""
    rows = _prepare(events, copies=True)
    masks = _participants(rows)
    contacts = _contacts(rows, masks)
    hi = int(np.searchsorted(contacts.start, limit, side="right"))
    # horizon[z]: the latest moment information held by agency z could still reach `code`
    # by `limit`; so `code` can know every event of z that started by horizon[z].
    horizon = np.full(_N_AGENCIES, _NO_TIME, dtype=np.int64)
    horizon[code] = limit
    times = contacts.start.tolist()

    def on_reach(k: int, i: int, reached: int) -> None:
        horizon[k] = times[i]

    _spread(
        times,
        contacts.mask.tolist(),
        _groups(contacts.start, 0, hi, backwards=True),
        1 << code,
        on_reach,
        contacts.everyone,
    )
    # an event is known when it started by the horizon of one of the agencies taking part
    # (they all knew of it from its start); `code` itself has the horizon `limit`
    reach = np.full(len(masks), _NO_TIME, dtype=np.int64)
    for k in _bits(int(np.bitwise_or.reduce(masks)) if len(masks) else 0):
        if horizon[k] != _NO_TIME:
            takes_part = (masks & (1 << k)) != 0
            reach = np.where(takes_part, np.maximum(reach, horizon[k]), reach)
    known = np.zeros(len(events), dtype=bool)
    known[rows.position] = (rows.start <= reach) & (rows.start <= limit)
    return known


# =============================================================================================
# Exports
# =============================================================================================
def _export_value(value: object) -> object:
    """A value GraphML, GEXF and JSON can hold, or None to drop it."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, dict):
        return ";".join(f"{k}:{v}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return "; ".join(map(str, value))
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        return None if np.isnan(value) else float(value)
    if value is pd.NA:
        return None
    return value


def _export_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in attrs.items():
        converted = _export_value(value)
        if converted is not None:
            out[name] = converted
    return out


def graph_for_export(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of a graph whose attributes every file format can hold.

    Timestamps become ISO 8601 strings, ``event_types`` dicts ``"type:count;..."`` strings,
    tuples ``"; "``-joined strings; missing values are dropped.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> graph = build_graph(make_events(start="02/03/2007", agency="gp", counterparts=("csc",)))
    >>> graph_for_export(graph).edges["gp", "csc", 0]
    {'weight': 1, 'first': '2007-03-02T00:00:00', 'last': '2007-03-02T23:59:59', 'injury_contacts': 0, 'event_types': 'other:1'}
    """
    out = nx.MultiDiGraph(**_export_attrs(dict(graph.graph)))
    out.add_nodes_from((node, _export_attrs(data)) for node, data in graph.nodes(data=True))
    out.add_edges_from(
        (u, v, key, _export_attrs(data)) for u, v, key, data in graph.edges(keys=True, data=True)
    )
    return out


#: Characters XML 1.0 cannot hold (GraphML and GEXF are XML): written as ``\x07``.
_NOT_XML: Final = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: object) -> object:
    if isinstance(value, str) and _NOT_XML.search(value):
        return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value


def _xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph (an export copy, changed in place) with control characters in text shown
    escaped, which XML cannot hold (a title line or a name with a stray control code)."""
    for attrs in [graph.graph, *(d for _, d in graph.nodes(data=True))] + [
        d for _, _, d in graph.edges(data=True)
    ]:
        for name, value in attrs.items():
            attrs[name] = _xml_text(value)
    if any(_xml_text(node) is not node for node in graph.nodes):
        graph = nx.relabel_nodes(graph, {n: _xml_text(n) for n in graph.nodes})
    return graph


def _graph_of(
    source: ChronologyLike | nx.MultiDiGraph, per_event: bool, family: bool
) -> nx.MultiDiGraph:
    if isinstance(source, nx.Graph):
        return graph_for_export(source)
    return graph_for_export(build_graph(source, per_event=per_event, family=family))


def to_graphml(
    chron: ChronologyLike | nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    per_event: bool = False,
    family: bool = True,
) -> Path:
    """Write the contact graph as GraphML (yEd, Gephi, Cytoscape, networkx).

    Parameters
    ----------
    chron
        A Chronology, its events table, or a graph from :func:`build_graph`.
    path
        The file to write (its folder must exist); written to a temporary file and renamed.
    per_event, family
        As for :func:`build_graph` (ignored when a graph is given).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> from pathlib import Path
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(start="02/03/2007", agency="gp", counterparts=("csc",))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = to_graphml(events, Path(folder) / "graph.graphml")
    ...     nx.read_graphml(written, force_multigraph=True).edges["gp", "csc", 0]["weight"]
    1
    """
    graph = _xml_safe(_graph_of(chron, per_event, family))
    return _write_atomic(path, lambda tmp: nx.write_graphml(graph, tmp, encoding="utf-8"))


def to_gexf(
    chron: ChronologyLike | nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    per_event: bool = False,
    family: bool = True,
) -> Path:
    """Write the contact graph as GEXF 1.2 (Gephi).

    The per-event graph's edges carry ``start`` and ``end``, which networkx writes as GEXF
    edge times (a dynamic graph). Arguments as for :func:`to_graphml`.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> from pathlib import Path
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(start="02/03/2007", agency="gp", counterparts=("csc",))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = to_gexf(events, Path(folder) / "graph.gexf")
    ...     sorted(nx.read_gexf(written).nodes)
    ['csc', 'gp']
    """
    graph = _xml_safe(_graph_of(chron, per_event, family))
    return _write_atomic(path, lambda tmp: nx.write_gexf(graph, tmp, encoding="utf-8"))


def to_node_link_json(
    chron: ChronologyLike | nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    per_event: bool = False,
    family: bool = True,
) -> Path:
    """Write the contact graph as node-link JSON (d3, ``networkx.node_link_graph``).

    The document is :func:`networkx.node_link_data` with ``edges="edges"``; read it back with
    ``nx.node_link_graph(data, edges="edges")``. Arguments as for :func:`to_graphml`.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(start="02/03/2007", agency="gp", counterparts=("csc",))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = to_node_link_json(events, Path(folder) / "graph.json")
    ...     json.loads(written.read_text(encoding="utf-8"))["edges"][0]["weight"]
    1
    """
    graph = _graph_of(chron, per_event, family)
    data = nx.node_link_data(graph, edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return _write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


# --- OCEL 2.0 ---------------------------------------------------------------------------------
#: OCEL object type of the child, and its object id.
OCEL_CHILD: Final = "child"
OCEL_AGENCY: Final = "agency"
OCEL_PRACTITIONER: Final = "practitioner"
_OCEL_EPOCH: Final = "1970-01-01T00:00:00Z"
_LONDON: Final = "Europe/London"

#: Event attributes written to OCEL, with their OCEL type.
_OCEL_EVENT_ATTRIBUTES: Final[tuple[tuple[str, str], ...]] = (
    (S.END, "time"),
    (S.PRECISION, "string"),
    (S.DATE_TEXT, "string"),
    (S.AGENCY, "string"),
    (S.ORGANISATION, "string"),
    (S.SOURCE, "string"),
    (S.PRACTITIONER, "string"),
    (S.ROLE, "string"),
    (S.DETAILS, "string"),
    (S.OUTCOME, "string"),
    (S.COMMENT, "string"),
    (S.COUNTERPARTS, "string"),
    (S.MENTIONS, "string"),
    (S.INJURY, "boolean"),
    (S.INJURY_KINDS, "string"),
    (S.SUSPICIOUS_INJURY, "boolean"),
    (S.CHILD_SEEN, "boolean"),
    (S.CHILD_AGE_DAYS, "integer"),
    (S.DUPLICATE_OF, "string"),
    (S.SOURCE_FILE, "string"),
    (S.SOURCE_SHEET, "string"),
    (S.SOURCE_ROW, "integer"),
)


def _iso_london(values: pd.Series) -> pd.Series:
    """ISO 8601 / RFC 3339 times with the UK offset of the day (+00:00 or +01:00)."""
    stamps = pd.DatetimeIndex(values)
    local = stamps.tz_localize(
        _LONDON, ambiguous=np.ones(len(stamps), dtype=bool), nonexistent="shift_forward"
    )
    text = pd.Series(local.strftime("%Y-%m-%dT%H:%M:%S%z"), index=values.index, dtype=object)
    return text.str[:-2] + ":" + text.str[-2:]


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and bool(np.isnan(value))


def _ocel_text(values: pd.Series, kind: str) -> list[str | None]:
    """Attribute values as OCEL strings (None where missing)."""
    if kind == "time":
        present = values.notna()
        out = pd.Series([None] * len(values), index=values.index, dtype=object)
        if present.any():
            out[present] = _iso_london(values[present])
        return out.tolist()
    result: list[str | None] = []
    for value in values.tolist():
        if value is None or value is pd.NA or value is pd.NaT or _is_nan(value):
            result.append(None)
        elif isinstance(value, tuple | list):
            result.append("; ".join(map(str, value)) if value else None)
        elif isinstance(value, bool | np.bool_):
            result.append("true" if value else "false")
        else:
            result.append(str(value))
    return result


def _practitioner_id(agency: object, practitioner: str) -> str:
    return f"{OCEL_PRACTITIONER}:{agency if isinstance(agency, str) else 'unknown'}:{practitioner}"


def chronology_to_ocel(chron: ChronologyLike) -> dict[str, Any]:
    """The chronology as an OCEL 2.0 JSON document (a dict), for process-mining tools.

    Objects: the child (id ``"child"``), each family member named as a counterpart
    (``"family:mother"``, of type ``"mother"``), each agency (``"agency:csc"``) and each
    practitioner (``"practitioner:csc:SW1"``: practitioners are told apart within their
    agency). Events: one per event, of its ``event_type``, at its ``start``, with the canonical
    columns as attributes, related to the child ("about"), the recording agency ("recorded
    by"), the practitioner ("performed by") and each counterpart ("involved").

    Values are written as strings, as the published OCEL 2.0 JSON schema requires (booleans as
    ``"true"``/``"false"``), and declared with their OCEL type (string, time, integer,
    boolean). Times carry the UK offset of the day (``+00:00`` or ``+01:00``), so a tool reads
    the same wall-clock time a practitioner wrote. Static object attributes are dated at the
    epoch, as the specification does. Duplicate copies are kept, with ``duplicate_of``.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> doc = chronology_to_ocel(make_events(
    ...     start="12/06/2007", agency="gp", counterparts=("mother",), practitioner="Dr A",
    ...     event_type="gp_appointment",
    ... ))
    >>> doc["events"][0]["time"], [t["name"] for t in doc["eventTypes"]]
    ('2007-06-12T00:00:00+01:00', ['gp_appointment'])
    >>> doc["events"][0]["relationships"]
    [{'objectId': 'child', 'qualifier': 'about'}, {'objectId': 'agency:gp', 'qualifier': 'recorded by'}, {'objectId': 'practitioner:gp:Dr A', 'qualifier': 'performed by'}, {'objectId': 'family:mother', 'qualifier': 'involved'}]
    """
    events = _events_of(chron)
    events = events[events[S.START].notna()]
    meta = chron.meta if isinstance(chron, Chronology) else None

    # objects -----------------------------------------------------------------------------
    child_attrs: list[dict[str, str]] = [{"name": "name", "time": _OCEL_EPOCH, "value": "Child"}]
    child_type_attrs = [{"name": "name", "type": "string"}]
    if meta is not None and meta.child_dob is not None:
        dob = _iso_london(pd.Series([meta.child_dob]))[0]
        child_attrs.append({"name": "date_of_birth", "time": _OCEL_EPOCH, "value": dob})
        child_type_attrs.append({"name": "date_of_birth", "type": "time"})
    objects: list[dict[str, Any]] = [
        {"id": OCEL_CHILD, "type": OCEL_CHILD, "attributes": child_attrs, "relationships": []}
    ]
    object_types: list[dict[str, Any]] = [{"name": OCEL_CHILD, "attributes": child_type_attrs}]

    counterparts = events[S.COUNTERPARTS].tolist()
    named = {str(v) for cp in counterparts if isinstance(cp, tuple | list) for v in cp}
    members = [m for m in S.FAMILY_MEMBERS if m in named and m != OCEL_CHILD]
    for member in members:
        object_types.append({"name": member, "attributes": [{"name": "name", "type": "string"}]})
        objects.append(
            {
                "id": f"family:{member}",
                "type": member,
                "attributes": [
                    {"name": "name", "time": _OCEL_EPOCH, "value": _node_label(member, KIND_FAMILY)}
                ],
                "relationships": [{"objectId": OCEL_CHILD, "qualifier": f"{member} of"}],
            }
        )

    agencies_seen = set(events[S.AGENCY].dropna().astype(str)) | (named & set(S.AGENCIES))
    agencies = [a for a in S.AGENCIES if a in agencies_seen]
    object_types.append(
        {
            "name": OCEL_AGENCY,
            "attributes": [{"name": "name", "type": "string"}, {"name": "code", "type": "string"}],
        }
    )
    for code in agencies:
        objects.append(
            {
                "id": f"{OCEL_AGENCY}:{code}",
                "type": OCEL_AGENCY,
                "attributes": [
                    {"name": "name", "time": _OCEL_EPOCH, "value": S.AGENCY_LABELS[code]},
                    {"name": "code", "time": _OCEL_EPOCH, "value": code},
                ],
                "relationships": [],
            }
        )

    object_types.append(
        {
            "name": OCEL_PRACTITIONER,
            "attributes": [
                {"name": "name", "type": "string"},
                {"name": S.ROLE, "type": "string"},
                {"name": S.AGENCY, "type": "string"},
            ],
        }
    )
    people = events[[S.AGENCY, S.PRACTITIONER, S.ROLE]].astype(object)
    people = people[people[S.PRACTITIONER].notna()]
    for (agency, name), group in people.groupby(
        [S.AGENCY, S.PRACTITIONER], sort=False, dropna=False
    ):
        roles = group[S.ROLE].dropna()
        attributes = [{"name": "name", "time": _OCEL_EPOCH, "value": str(name)}]
        relationships = []
        if isinstance(agency, str):
            attributes.append({"name": S.AGENCY, "time": _OCEL_EPOCH, "value": agency})
            relationships.append({"objectId": f"{OCEL_AGENCY}:{agency}", "qualifier": "works for"})
        if len(roles):
            attributes.append({"name": S.ROLE, "time": _OCEL_EPOCH, "value": str(roles.iloc[0])})
        objects.append(
            {
                "id": _practitioner_id(agency, str(name)),
                "type": OCEL_PRACTITIONER,
                "attributes": attributes,
                "relationships": relationships,
            }
        )

    # events ------------------------------------------------------------------------------
    types = events[S.EVENT_TYPE].astype(object).where(events[S.EVENT_TYPE].notna(), "other")
    used = set(types)
    used_types = [t for t in S.EVENT_TYPES if t in used] + sorted(used - set(S.EVENT_TYPES))
    present = [(name, kind) for name, kind in _OCEL_EVENT_ATTRIBUTES if name in events.columns]
    type_attributes = [{"name": name, "type": kind} for name, kind in present]
    event_types = [{"name": t, "attributes": type_attributes} for t in used_types]

    columns = {name: _ocel_text(events[name], kind) for name, kind in present}
    times = _iso_london(events[S.START]).tolist()
    agencies_col = events[S.AGENCY].astype(object).tolist()
    practitioners = events[S.PRACTITIONER].astype(object).tolist()
    out_events = []
    for i, (event_id, event_type) in enumerate(
        zip(events.index.astype(str), types.tolist(), strict=True)
    ):
        relationships = [{"objectId": OCEL_CHILD, "qualifier": "about"}]
        agency = agencies_col[i]
        if isinstance(agency, str):
            relationships.append(
                {"objectId": f"{OCEL_AGENCY}:{agency}", "qualifier": "recorded by"}
            )
        person = practitioners[i]
        if isinstance(person, str):
            relationships.append(
                {"objectId": _practitioner_id(agency, person), "qualifier": "performed by"}
            )
        cp = counterparts[i]
        for value in dict.fromkeys(map(str, cp)) if isinstance(cp, tuple | list) else ():
            if value in S.AGENCIES and value != agency:
                relationships.append(
                    {"objectId": f"{OCEL_AGENCY}:{value}", "qualifier": "involved"}
                )
            elif value in members:
                relationships.append({"objectId": f"family:{value}", "qualifier": "involved"})
        out_events.append(
            {
                "id": event_id,
                "type": str(event_type),
                "time": times[i],
                "attributes": [
                    {"name": name, "value": columns[name][i]}
                    for name, _ in present
                    if columns[name][i] is not None
                ],
                "relationships": relationships,
            }
        )
    return {
        "objectTypes": object_types,
        "eventTypes": event_types,
        "objects": objects,
        "events": out_events,
    }


def to_ocel(chron: ChronologyLike, path: str | os.PathLike[str]) -> Path:
    """Write the chronology as an OCEL 2.0 JSON file (see :func:`chronology_to_ocel`).

    The file is written to a temporary name in the same folder and renamed.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(start="12/03/2007", agency="gp", counterparts=("csc",))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = to_ocel(events, Path(folder) / "chronology.ocel.json")
    ...     sorted(json.loads(written.read_text(encoding="utf-8")))
    ['eventTypes', 'events', 'objectTypes', 'objects']
    """
    text = json.dumps(chronology_to_ocel(chron), ensure_ascii=False, indent=1)
    return _write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
