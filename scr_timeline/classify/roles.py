"""Roles: what kind of practitioner acted, from the practitioner cell as written.

Practitioners are written as codes ("SW1", "TM1 / SW1", "DC 4471"), titles ("Consultant
Paediatrician", "Ward Sister 2") or names with a role ("Dr P1 (Consultant Paediatrician)").
The words live in ``scr_timeline/data/roles.csv`` (pass a file of your own to extend it),
one row per phrase, with the columns:

``phrase``
    The words as written (case ignored; "SW" also matches "SW1"), or a regular expression
    when ``match`` is ``regex``.
``role``
    One of :data:`scr_timeline.schema.ROLES`.
``agency``
    The agency the role belongs to, used to find agencies named in narrative text (empty
    when the role does not say: a nurse may work anywhere).
``agencies``
    Recording agencies the phrase applies to (empty: all): "Dr" is a GP in a GP record and
    a paediatrician in a paediatric one.
``in_text``
    ``true`` when the phrase, met in narrative ("discussed with TM", "SW visited"), names
    its ``agency`` (see :mod:`scr_timeline.classify.counterparts`).

The first phrase in the cell that applies to the recording agency decides the role
("TM1 / SW1" is a team manager). A practitioner no phrase matches is ``"other"``; a
missing practitioner is NA.

Examples
--------
>>> import pandas as pd
>>> roles_from_practitioners(
...     pd.Series(["SW1", "TM1 / SW1", "Dr P1 (Consultant Paediatrician)", "Dr Shah", "EWO", None]),
...     pd.Series(["csc", "csc", "paediatrics", "gp", "education", "csc"]),
... ).tolist()
['social_worker', 'team_manager', 'paediatrician', 'gp', 'other', nan]
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

__all__ = ["ROLE_FILE", "load_roles", "roles_from_practitioners"]

#: The shipped vocabulary file (in ``scr_timeline/data``).
ROLE_FILE: Final = "roles.csv"

_GROUP: Final = "r"
_DEFAULTS: Final = {"agency": "", "agencies": "", "in_text": "false", "match": "words", "note": ""}
_N_SLOTS: Final = len(schema.AGENCIES) + 1
_NO_MATCH: Final = np.iinfo(np.int64).max
_ROLE_DTYPE: Final = pd.CategoricalDtype(list(schema.ROLES))


def load_roles(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the role phrases.

    Parameters
    ----------
    path
        A CSV file of your own with at least the columns ``phrase`` and ``role``. Its rows
        extend the shipped file; a row with the same phrase and ``agencies`` replaces the
        shipped one.

    Returns
    -------
    pandas.DataFrame
        One row per phrase; a fresh copy. ``in_text`` is a bool column.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an unknown role or agency.

    Examples
    --------
    >>> roles = load_roles()
    >>> roles.loc[roles["phrase"] == "lsw", "role"].item()
    'social_worker'
    """
    table = T.read_vocabulary(
        ROLE_FILE,
        path,
        required=("phrase", "role"),
        defaults=_DEFAULTS,
        key=("phrase", "agencies"),
    )
    T.check_codes(table, "role", schema.ROLES, "roles")
    T.check_codes(table, "agency", schema.AGENCIES, "agencies")
    agencies = [*schema.AGENCIES, *(f"-{a}" for a in schema.AGENCIES)]
    T.check_codes(table, "agencies", agencies, "agencies")
    flags = table["in_text"].str.lower()
    bad = table.loc[~flags.isin(("true", "false", "yes", "no", "1", "0"))]
    if len(bad):
        raise ChronologyReadError(
            "the role vocabulary has an in_text value that is not true or false",
            file=str(bad["_source"].iloc[0]),
            found=sorted(set(bad["in_text"])),
            expected="true or false",
        )
    table["in_text"] = flags.isin(("true", "yes", "1"))
    table["match"] = table["match"].str.lower()
    return table.drop(columns="_source")


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    resolver: T.Resolver
    role: np.ndarray  # index into schema.ROLES per vocabulary row


def _compile(table: pd.DataFrame) -> _Matcher:
    table = table.reset_index(drop=True)
    words = table.loc[table["match"] != "regex", "phrase"]
    regex = table.loc[table["match"] == "regex", "phrase"]
    hits = T.alternation(words, list(zip(regex.index, regex, strict=True)), group=_GROUP)
    return _Matcher(
        pattern=re.compile(f"(?P<hit>{hits})"),
        resolver=T.Resolver(
            T.Entries.build(table["phrase"].tolist(), table["match"].tolist()),
            np.stack([T.agency_mask(c) for c in table["agencies"].tolist()]),
            _GROUP,
        ),
        role=np.array([schema.ROLES.index(r) for r in table["role"].tolist()], dtype=np.int64),
    )


@functools.lru_cache(maxsize=8)
def _matcher_for(path: str | None, mtime: int | None) -> _Matcher:
    if path is None:
        return _prebuilt.default("roles", build_default)
    return _compile(load_roles(path))


def build_default() -> _Matcher:
    """The matcher of the shipped vocabulary, built from the file (not the snapshot)."""
    return _compile(load_roles(None))


def matcher(path: str | os.PathLike[str] | None) -> _Matcher:
    """The compiled matcher for the shipped vocabulary extended by ``path`` (cached)."""
    stamp = T.file_stamp(path)
    return _matcher_for(*stamp) if stamp else _matcher_for(None, None)


def roles_from_practitioners(
    practitioner: pd.Series,
    agency: pd.Series | None = None,
    *,
    path: str | os.PathLike[str] | None = None,
) -> pd.Series:
    """Canonical roles for practitioner cells as written.

    Works on the distinct (practitioner, agency) pairs only.

    Parameters
    ----------
    practitioner
        The practitioner cells (missing values allowed).
    agency
        The recording agency code per row (same index), which decides phrases such as
        "Dr"; None when unknown.
    path
        A role vocabulary of your own extending the shipped one (see :func:`load_roles`).

    Returns
    -------
    pandas.Series
        Categorical over :data:`scr_timeline.schema.ROLES`, index-aligned with
        ``practitioner``: NA where the cell is blank, ``"other"`` where no phrase applies.
    """
    if not isinstance(practitioner, pd.Series):
        raise TypeError(f"practitioner must be a pandas Series, not {type(practitioner).__name__}")
    m = matcher(path)
    if agency is None:
        slots = np.full(len(practitioner), len(schema.AGENCIES), dtype=np.int64)
    else:
        slots = T.agency_slots(agency)
    codes, uniques = pd.factorize(practitioner, use_na_sentinel=True)
    lowered = pd.Series([T.normalise_phrase(str(u)) for u in uniques] + [""], dtype=object)
    codes = np.where(codes < 0, len(uniques), codes)  # missing: the blank slot at the end
    first = np.full((len(lowered), _N_SLOTS), _NO_MATCH, dtype=np.int64)
    if len(lowered):
        found = T.extract_all(lowered, m.pattern)
        if len(found):
            rows = m.resolver.rows(found.text("hit"), m.resolver.regex_rows(found))
            unique = found.piece
            match_no = found.match_no
            hit_idx, slot_idx = np.nonzero(rows >= 0)
            key = (match_no[hit_idx] << 20) | m.role[rows[hit_idx, slot_idx]]
            np.minimum.at(first, (unique[hit_idx], slot_idx), key)
    chosen = first[codes, slots]
    role = np.where(chosen == _NO_MATCH, schema.ROLES.index("other"), chosen & 0xFFFFF)
    blank = (lowered == "").to_numpy()[codes] if len(lowered) else np.zeros(0, dtype=bool)
    role = np.where(blank, -1, role)
    return pd.Series(pd.Categorical.from_codes(role, dtype=_ROLE_DTYPE), index=practitioner.index)
