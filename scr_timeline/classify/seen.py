"""Whether the child was seen at a contact (``child_seen``), as RULES.md defines it.

* A row of an agency other than children's social care that records the sharing of
  information (``information_sharing``: a phone call, a letter, an email) is NA: whoever
  saw the child, it was not at this contact ("Letter from A&E: Child attended with a head
  injury"). So is one of children's social care that passes on another party's account
  (cues of scope ``reported``: "Hospital social worker phoned: Child B admitted",
  "Letter from GP:", "Information received from school"). Children's social care's
  others are read as below: a social worker's entry that records telling someone often
  records seeing the child too, and VIS-CP counts it.
* Else a visit in children's social care's record that passes on another agency's visit
  (cues of scope ``elsewhere``, opening the entry: "Health visitor visited the family",
  "Housing officer visited the property", "Visit by YOT worker") is NA: whoever saw the
  child there, social care did not. A joint visit ("HV visited with SW1") is social
  care's own, read as below.
* Else a row whose text says the child was seen only through a window or heard but not seen
  ("Child seen through the window", "baby heard crying upstairs") is False: the child was
  not seen properly, whatever else the text says.
* Else a row whose text says the child was seen, examined or brought ("Child seen alone",
  "examined by paediatrician", "baby weighed", "Mother attended with baby", "brought in
  by Mother", "X-ray: spiral fracture") is True.
* Else a row whose text says the child was not seen ("Child not seen", "did not see the
  child", "Mother attended alone", "Child not brought") is False.
* Else a missed contact (``dna``: an appointment the child was not brought to, a visit
  that did not reach the family) is False.
* Else a visit, or a police attendance at the home, whose text says the child was not
  there or not seen ("no reply", "card left", "asleep upstairs", "Child at nursery") is
  False.
* Else a child protection medical or a skeletal survey (``medical_examination``,
  ``skeletal_survey``) is True: the child was examined.
* Else a home or office visit by children's social care is True (RULES.md: the default),
  unless its text is about a child not born yet (cues of scope ``unborn``: "Home visit to
  Mother re unborn baby", "Mother 30/40 pregnant"): there is no child to see yet (NA).
* Else NA: the text does not say.

The cues live in ``scr_timeline/data/child_seen.csv`` (pass a file of your own to extend
it): one regular expression per row on the lower-cased text, with ``seen`` (``true`` or
``false``) and ``scope`` (``any`` row; only a ``visit``; ``overrides``, a ``false``
cue that wins over the cues that say the child was seen; ``reported``, wording that
passes on another party's account, whatever ``seen`` says; ``unborn``, wording about a
child not born yet; or ``elsewhere``, another agency's visit that social care's entry
passes on: "Health visitor visited the family", "Visit by YOT worker").

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({
...     "details": ["Home visit. Child seen with Mother.", "Unannounced home visit. Child not "
...                 "seen - asleep upstairs per Mother.", "Statutory visit.", "Phoned HV.",
...                 "Mother attended with baby, 4/52.", "Child seen through the window."],
...     "outcome": [None] * 6,
...     "agency": ["csc", "csc", "csc", "csc", "gp", "csc"],
...     "event_type": ["home_visit", "home_visit", "home_visit", "information_sharing",
...                    "gp_appointment", "home_visit"]})
>>> classify_child_seen(rows).tolist()
[True, False, True, <NA>, True, False]
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline.classify import _text as T
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "CHILD_SEEN_FILE",
    "VISIT_TYPES",
    "child_seen_column",
    "classify_child_seen",
    "load_child_seen_cues",
]

#: The shipped vocabulary file (in ``scr_timeline/data``).
CHILD_SEEN_FILE: Final = "child_seen.csv"
#: Event types that are visits (the child is expected to be seen).
VISIT_TYPES: Final = ("home_visit", "office_visit")
#: Event types at which the ``visit`` cues apply: the visits, and the police at the home
#: ("Call to address... Child C asleep upstairs").
_AT_THE_HOME: Final = (*VISIT_TYPES, "police_incident")
#: Event types that examine the child: seen unless the text says otherwise.
_EXAMINATIONS: Final = ("medical_examination", "skeletal_survey")
_SCOPES: Final = ("any", "visit", "overrides", "reported", "unborn", "elsewhere")

_SEEN: Final = 1
_NOT_SEEN: Final = 2
_NOT_AT_VISIT: Final = 4
_NOT_PROPERLY: Final = 8
_REPORTED: Final = 16
_UNBORN: Final = 32
_ELSEWHERE: Final = 64


def load_child_seen_cues(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the child-seen cues (regular expressions on lower-cased text).

    Parameters
    ----------
    path
        A CSV file of your own with the columns ``pattern`` and ``seen`` (``true`` or
        ``false``) and optionally ``scope`` (``any``, ``visit``, ``overrides``,
        ``reported``, ``unborn`` or ``elsewhere``). Its rows extend the shipped file.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, has a value other than true/false or
        any/visit/overrides/reported/unborn/elsewhere, or a pattern that does not compile.

    Examples
    --------
    >>> cues = load_child_seen_cues()
    >>> sorted(set(cues["scope"]))
    ['any', 'elsewhere', 'overrides', 'reported', 'unborn', 'visit']
    """
    table = T.read_vocabulary(
        CHILD_SEEN_FILE,
        path,
        required=("pattern", "seen"),
        defaults={"scope": "any", "note": ""},
        key=("pattern", "seen", "scope"),
    )
    table["seen"] = table["seen"].str.lower()
    table["scope"] = table["scope"].str.lower()
    for column, allowed in (("seen", ("true", "false")), ("scope", _SCOPES)):
        bad = table.loc[~table[column].isin(allowed)]
        if len(bad):
            raise ChronologyReadError(
                f"the child-seen cues have an unknown {column}",
                file=str(bad["_source"].iloc[0]),
                found=sorted(set(bad[column])),
                expected=f"one of {', '.join(allowed)}",
            )
    users = table.loc[~table["_source"].str.startswith(T.SHIPPED)]  # ours: see the tests
    for pattern, source in zip(users["pattern"], users["_source"], strict=True):
        try:
            re.compile(pattern)
        except re.error as err:
            raise ChronologyReadError(
                f"a child-seen pattern does not compile ({err})", file=str(source), found=pattern
            ) from err
    return table.drop(columns="_source")


@dataclass(frozen=True)
class _Matcher:
    seen: re.Pattern[str]
    not_seen: re.Pattern[str]
    not_at_visit: re.Pattern[str]
    not_properly: re.Pattern[str]
    reported: re.Pattern[str]
    unborn: re.Pattern[str]  # the child not born yet ("unborn baby", "30/40 pregnant")
    # another agency's visit passed on by social care ("Health visitor visited the family")
    elsewhere: re.Pattern[str]


def _compile(table: pd.DataFrame) -> _Matcher:
    def alt(rows: pd.DataFrame) -> re.Pattern[str]:
        patterns = rows["pattern"].tolist()
        return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else "(?!)")

    return _Matcher(
        seen=alt(table.loc[table["seen"] == "true"]),
        not_seen=alt(table.loc[(table["seen"] == "false") & (table["scope"] == "any")]),
        not_at_visit=alt(table.loc[(table["seen"] == "false") & (table["scope"] == "visit")]),
        not_properly=alt(table.loc[table["scope"] == "overrides"]),
        reported=alt(table.loc[table["scope"] == "reported"]),
        unborn=alt(table.loc[table["scope"] == "unborn"]),
        elsewhere=alt(table.loc[table["scope"] == "elsewhere"]),
    )


@functools.lru_cache(maxsize=8)
def _matcher_for(path: str | None, mtime: int | None) -> _Matcher:
    if path is None:
        return _prebuilt.default("seen", build_default)
    return _compile(load_child_seen_cues(path))


def build_default() -> _Matcher:
    """The matcher of the shipped vocabulary, built from the file (not the snapshot)."""
    return _compile(load_child_seen_cues(None))


def matcher(path: str | os.PathLike[str] | None) -> _Matcher:
    """The compiled cues for the shipped file extended by ``path`` (cached)."""
    stamp = T.file_stamp(path)
    return _matcher_for(*stamp) if stamp else _matcher_for(None, None)


def find_seen(pool: T.Pool, m: _Matcher) -> np.ndarray:
    """Per row, bits: 1 seen, 2 not seen, 4 not seen at a visit, 8 not seen properly, 16
    passing on another party's account, 32 of a child not born yet, 64 another agency's
    visit (fields 0 and 1)."""
    flags = np.zeros(len(pool.pieces), dtype=np.uint8)
    if len(pool.pieces):
        texts = pool.pieces.tolist()
        for bit, pattern in (
            (_SEEN, m.seen),
            (_NOT_SEEN, m.not_seen),
            (_NOT_AT_VISIT, m.not_at_visit),
            (_NOT_PROPERLY, m.not_properly),
            (_REPORTED, m.reported),
            (_UNBORN, m.unborn),
        ):
            hit = T.contains(texts, pattern)
            flags[hit] |= bit
    out = T.piece_or(pool, flags, 2)
    if len(pool.pieces):
        # another agency's visit: only as the entry's first sentence ("Health visitor
        # visited the family"), not one it goes on to mention ("Home visit. HV visited
        # last week"); the details' pieces come first, each row's in reading order
        elsewhere = T.contains(texts, m.elsewhere)
        if elsewhere.any():
            span = pool.upto(1)
            rows = pool.row[span]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = rows[1:] != rows[:-1]
            opening = first & elsewhere[pool.piece[span]]
            out[rows[opening]] |= np.uint8(_ELSEWHERE)
    return out


_VISIT_CODES: Final = [schema.EVENT_TYPES.index(t) for t in VISIT_TYPES]
_AT_THE_HOME_CODES: Final = [schema.EVENT_TYPES.index(t) for t in _AT_THE_HOME]
_EXAMINATION_CODES: Final = [schema.EVENT_TYPES.index(t) for t in _EXAMINATIONS]
_DNA_CODE: Final = schema.EVENT_TYPES.index("dna")
_SHARING_CODE: Final = schema.EVENT_TYPES.index("information_sharing")


def child_seen_column(
    flags: np.ndarray, event_type: pd.Series, agency: pd.Series, index: pd.Index
) -> pd.Series:
    """The nullable boolean ``child_seen`` column from :func:`find_seen` flags."""
    if isinstance(event_type.dtype, pd.CategoricalDtype) and list(
        event_type.dtype.categories
    ) == list(schema.EVENT_TYPES):
        codes = event_type.cat.codes.to_numpy()  # as classify_events makes the column
    else:
        codes = pd.Categorical(event_type, categories=list(schema.EVENT_TYPES)).codes
    visit = np.isin(codes, _VISIT_CODES)
    csc = T.agency_slots(agency) == schema.AGENCIES.index("csc")
    values = np.select(
        [
            (codes == _SHARING_CODE) & (~csc | ((flags & _REPORTED) != 0)),
            # social care passing on another agency's visit: whoever saw the child, social
            # care did not (VIS-CP reads a social care row's child_seen as its own sighting)
            visit & csc & ((flags & _ELSEWHERE) != 0),
            (flags & _NOT_PROPERLY) != 0,
            (flags & _SEEN) != 0,
            (flags & _NOT_SEEN) != 0,
            codes == _DNA_CODE,
            np.isin(codes, _AT_THE_HOME_CODES) & ((flags & _NOT_AT_VISIT) != 0),
            np.isin(codes, _EXAMINATION_CODES),
            visit & csc & ((flags & _UNBORN) == 0),
        ],
        [-1, -1, 0, 1, 0, 0, 0, 1, 1],
        default=-1,
    )
    out = pd.arrays.BooleanArray(values == 1, values < 0)
    return pd.Series(out, index=index, name=schema.CHILD_SEEN)


def classify_child_seen(
    events: pd.DataFrame, *, path: str | os.PathLike[str] | None = None
) -> pd.Series:
    """Whether the child was seen at each contact (see the module docstring).

    Parameters
    ----------
    events
        A frame with ``details``, ``outcome``, ``agency`` and ``event_type``.
    path
        Child-seen cues of your own extending the shipped ones.

    Returns
    -------
    pandas.Series
        Nullable boolean, index-aligned with ``events``.
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    needed = (schema.DETAILS, schema.OUTCOME, schema.AGENCY, schema.EVENT_TYPE)
    missing = [c for c in needed if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")
    pool = T.build_pool([events[schema.DETAILS], events[schema.OUTCOME]])
    flags = find_seen(pool, matcher(path))
    return child_seen_column(flags, events[schema.EVENT_TYPE], events[schema.AGENCY], events.index)
