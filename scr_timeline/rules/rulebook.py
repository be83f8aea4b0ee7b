"""Rulebooks: TOML files of predicates, states and rules, loaded and checked.

A rulebook is data a local partnership can copy and edit. ``load_rulebook("wt2006")`` reads
a bundled rulebook (``scr_timeline/rules/rulebooks/*.toml``); any other string ending in
``.toml`` or naming an existing file, or a :class:`~pathlib.Path`, is read from disk. A
rulebook may ``extends`` another (by name or by a path relative to itself), ``drop`` some of
its rules, and change single keys of others::

    [rulebook]
    name = "wt2010"
    extends = "wt2006"

    [rules.ASM-INITIAL]
    window = "10 WD"

Every mistake is a :class:`~scr_timeline.exceptions.RulebookError` naming the file, the
rule (or predicate or state) and the key, what was found and what was expected.

Examples
--------
>>> book = load_rulebook("wt2006")
>>> book.rules["INJ-STRAT"].window
Window(n=1, unit='WD')
>>> str(book.rules["CONF-REVIEW"].first_window)
'3 months'
>>> list_rules("wt2010").set_index("id").loc["ASM-INITIAL", "window"]
'10 WD'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import _prebuilt
from .. import schema as S
from ..calendar import shift
from ..exceptions import RulebookError
from .predicates import PARTIES, Predicate, PredicateError, compile_predicate

__all__ = [
    "CATEGORIES",
    "DEFAULT_RULEBOOK",
    "KINDS",
    "SEVERITIES",
    "Rule",
    "Rulebook",
    "State",
    "TallyEntry",
    "Window",
    "available_rulebooks",
    "bundled_periods",
    "list_rules",
    "load_rulebook",
    "parse_window",
]

#: The rulebook :func:`scr_timeline.analyse` uses unless told otherwise.
DEFAULT_RULEBOOK: Final = "wt2006"

#: Finding categories (DESIGN.md "Findings table").
CATEGORIES: Final[tuple[str, ...]] = (
    "injury_procedure",
    "missed_escalation",
    "supervision_gap",
    "timescale",
    "procedure",
    "placement",
    "child_not_seen",
)
SEVERITIES: Final[tuple[str, ...]] = ("high", "medium", "low")

_COMMON_REQUIRED: Final = ("kind", "category", "severity", "reference", "expected_label")
_COMMON_OPTIONAL: Final = ("citation", "what", "trigger_label", "local", "summary", "agency")

#: The rule kinds the engine knows, with the keys each requires and allows.
KINDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "response": (
        ("trigger", "expected", "window"),
        (
            *("match", "match_also", "match_via", "self_answer", "until_next", "not_during"),
            *("extension", "extended_window", "tally", "answers_before", "same_authority"),
            "next_label",
        ),
    ),
    "precedence": (("trigger", "expected"), ("lookback",)),
    "cadence": (("state", "expected", "window"), ("first_window", "first_after", "from_birth")),
    "accumulation": (
        ("trigger", "count", "within", "expected", "window"),
        ("match", "match_also", "match_via", "tally"),
    ),
    "involvement": (("trigger", "groups"), ("named", "parties_from")),
}
_MATCHES: Final = ("any", "trigger_agency")
_WINDOW_UNITS: Final = {
    "wd": "WD",
    "working day": "WD",
    "working days": "WD",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
}
_WINDOW_RE: Final = re.compile(r"^\s*(\d+)\s*([A-Za-z ]+?)\s*$")


@dataclass(frozen=True)
class Window:
    """A time window: ``n`` working days, calendar days, weeks or months.

    Examples
    --------
    >>> w = parse_window("7 WD")
    >>> str(w), w.deadline(np.array(["2006-12-22"], dtype="datetime64[D]")).astype(str).tolist()
    ('7 WD', ['2007-01-05'])
    """

    n: int
    unit: str

    def deadline(self, days: npt.ArrayLike) -> npt.NDArray[np.datetime64]:
        """The deadline day for each start day (see :mod:`scr_timeline.calendar`)."""
        return shift(days, self.n, self.unit)

    def __str__(self) -> str:
        return f"{self.n} {self.unit}"

    @property
    def text(self) -> str:
        """The window in words ("1 working day", "6 weeks")."""
        unit = "working day" if self.unit == "WD" else self.unit.rstrip("s")
        return f"{self.n} {unit}{'' if self.n == 1 else 's'}"


def parse_window(text: object) -> Window:
    """Read a window such as ``"1 WD"``, ``"3 days"``, ``"6 weeks"`` or ``"3 months"``.

    Raises
    ------
    ValueError
        The text is not a whole number followed by a known unit.

    Examples
    --------
    >>> parse_window("35 working days"), parse_window("6 weeks")
    (Window(n=35, unit='WD'), Window(n=6, unit='weeks'))
    """
    match = _WINDOW_RE.match(text) if isinstance(text, str) else None
    unit = _WINDOW_UNITS.get(match.group(2).strip().lower()) if match else None
    if match is None or unit is None:
        raise ValueError(f"cannot read {text!r} as a window")
    return Window(int(match.group(1)), unit)


@dataclass(frozen=True)
class State:
    """A state that events open and close (a case open to csc, a child protection plan)."""

    name: str
    label: str
    opens: Predicate
    closes: Predicate
    # the state is one local authority's: where children's social care's records name two
    # authorities (a sending and a receiving council: 'Haringey CSC', 'Enfield CSC'), an
    # authority's records open and close its own state only, a record of another authority
    # hands the state over, and only the holding authority's records (or records naming none)
    # answer its cadence rules (see :func:`scr_timeline.rules.kinds.authorities`)
    by_authority: bool = False


@dataclass(frozen=True)
class TallyEntry:
    """One kind of event an accumulation rule's sentence counts ("2 appointments the child
    was not brought to and 1 home visit that reached no one"), or a response rule's sentence
    names its trigger by ("Case closure"): the events ``when`` selects (all events when it
    is ``None``), named ``one`` for one event, ``many`` for more."""

    when: Predicate | None
    one: str
    many: str

    def words(self, n: int) -> str:
        """``n`` such events in words ("2 appointments ...").

        Examples
        --------
        >>> TallyEntry(None, "missed contact", "missed contacts").words(1)
        '1 missed contact'
        """
        return f"{n} {self.one if n == 1 else self.many}"


@dataclass(frozen=True)
class Rule:
    """One rule of a rulebook, compiled (predicates ready to evaluate, windows parsed)."""

    id: str
    kind: str
    category: str
    severity: str
    reference: str
    citation: str
    expected_label: str
    what: str
    trigger_label: str
    local: bool
    agency: str
    summary: str | None = None
    trigger: Predicate | None = None
    expected: Predicate | None = None
    window: Window | None = None
    first_window: Window | None = None
    # cadence: the first window applies to a spell this selects the opening event of (a
    # plan that starts at its initial conference); other spells (a chronology that starts
    # mid-plan, at a review conference) have the rule's window from their opening
    first_after: Predicate | None = None
    # cadence: a state that opened before the child was born (a pre-birth conference's
    # plan) is judged from the first record on or after the birth (the child cannot be
    # seen before it)
    from_birth: bool = False
    within: Window | None = None
    lookback: Window | None = None
    count: int = 0
    state: State | None = None
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # per group label: how a trigger's own text names that group without its agency
    # ("strategy discussion with police and health"): the group counts as involved
    named: tuple[tuple[str, Predicate], ...] = ()
    # involvement: a trigger told inside an entry of another kind (its event type not one of
    # these) has the parties its own words name, from this pattern's first match on; what
    # the entry says before it is the other entry's ('Referral from ED re fracture. | Strategy
    # meeting held - Police (DC2) and SW3': the hospital referred, it took no part)
    parties_from: tuple[re.Pattern[str], tuple[str, ...]] | None = None
    match: str = "any"
    # with match = "trigger_agency": per agency, the others whose involvement also answers
    # its triggers (a hospital's emergency department: its paediatric team)
    also: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # with match = "trigger_agency": the agencies whose records answer for the trigger's
    # agency when they involve it (children's social care's record of the GP's referral);
    # None: any record that involves it
    via: tuple[str, ...] | None = None
    self_answer: bool = True
    # response: an expected event at or after the rule's next trigger that this selects
    # answers that one, not this (the notification of the next domestic incident is not
    # this one's)
    until_next: Predicate | None = None
    # response, with until_next: how the finding's sentence names that next trigger ("none
    # recorded before the next key event known to children's social care on ..."); None:
    # as the rule's ``what`` names this one, without its particulars
    next_label: str | None = None
    # response: an expected event of the trigger's day listed before it that this selects
    # (a record that tells of the trigger, so cannot have come before it) answers it too
    answers_before: Predicate | None = None
    # response: triggers while this state holds are not judged (a strategy discussion
    # while the child is on a plan wants no initial conference)
    not_during: State | None = None
    extension: Predicate | None = None
    extended_window: Window | None = None
    # response: where children's social care's records name two local authorities, a
    # trigger one authority recorded is answered by its own records or records naming none,
    # not by the other authority's (the receiving council's referral is not answered by the
    # sending council's visit)
    same_authority: bool = False
    # accumulation: the kinds of event the sentence counts, in order (the first that
    # matches an event names it); response: the names of its trigger (field {called})
    tally: tuple[TallyEntry, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def window_text(self) -> str:
        """The rule's window as the rule table shows it."""
        if self.kind == "cadence" and self.first_window is not None:
            return f"first within {self.first_window}, then {self.window}"
        if self.kind == "accumulation":
            return f"{self.count} within {self.within}; until {self.window} after the last"
        if self.kind == "precedence":
            return "on or before the day" + (
                f" (looking back {self.lookback})" if self.lookback else ""
            )
        if self.kind == "involvement":
            return "at the event"
        text = str(self.window)
        if self.extended_window is not None:
            text += f" ({self.extended_window} when extended)"
        return text


@dataclass(frozen=True)
class Rulebook:
    """A loaded rulebook: metadata, named predicates, states and rules (in file order)."""

    name: str
    title: str
    description: str
    path: str
    predicates: Mapping[str, Predicate]
    states: Mapping[str, State]
    rules: Mapping[str, Rule]
    index_event: Predicate | None
    data: Mapping[str, Any] = field(compare=False, repr=False)
    #: the first and last day the guidance was in force (``[rulebook] in_force``); None
    #: where the rulebook does not say (a start it does not give, or one still in force)
    in_force_from: pd.Timestamp | None = None
    in_force_until: pd.Timestamp | None = None

    def __repr__(self) -> str:
        return f"<Rulebook {self.name!r} rules={len(self.rules)} path={self.path!r}>"

    @property
    def in_force_text(self) -> str:
        """When the guidance was in force, in words ("from 17 March 2010 to 14 April 2013");
        empty when the rulebook does not say.

        Examples
        --------
        >>> load_rulebook("wt2010").in_force_text
        'from 17 March 2010 to 14 April 2013'
        >>> load_rulebook("wt2023").in_force_text
        'from 15 December 2023'
        """
        first, last = self.in_force_from, self.in_force_until
        parts = ([f"from {_day_words(first)}"] if first is not None else []) + (
            [f"to {_day_words(last)}"] if last is not None else []
        )
        return " ".join(parts)

    def in_force_on(self, days: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        """For each day (``datetime64``), whether the guidance was in force on it (NaT: True,
        a day the chronology does not know is not held against the rulebook).

        Examples
        --------
        >>> book = load_rulebook("wt2006")
        >>> book.in_force_on(np.array(["2007-03-01", "2019-05-03", "NaT"], "datetime64[D]")).tolist()
        [True, False, True]
        """
        day = np.asarray(days).astype("datetime64[D]")
        inside = np.ones(len(day), dtype=bool)
        if self.in_force_from is not None:
            inside &= ~(day < np.datetime64(self.in_force_from.date(), "D"))
        if self.in_force_until is not None:
            inside &= ~(day > np.datetime64(self.in_force_until.date(), "D"))
        return inside


def _day_words(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


# --- loading ---------------------------------------------------------------------------------
def available_rulebooks() -> list[str]:
    """Names of the bundled rulebooks.

    Examples
    --------
    >>> available_rulebooks()
    ['wt2006', 'wt2010', 'wt2013', 'wt2015', 'wt2018', 'wt2023']
    """
    folder = files(__package__) / "rulebooks"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=1)
def bundled_periods() -> tuple[tuple[str, str, pd.Timestamp | None, pd.Timestamp | None], ...]:
    """Each bundled rulebook's name, title and the period its guidance was in force (first
    and last day, None where open), read from the rulebooks' ``[rulebook]`` tables.

    Examples
    --------
    >>> [(name, str(first.date())) for name, _title, first, _last in bundled_periods()][:2]
    [('wt2006', '2006-04-01'), ('wt2010', '2010-03-17')]
    """
    out = []
    for name in available_rulebooks():
        path = _locate(name)
        head = _read(path).get("rulebook", {})
        first, last = _in_force(head.get("in_force"), path)
        out.append((name, str(head.get("title", name)), first, last))
    return tuple(out)


def _locate(name_or_path: str | Path, base: Path | None = None) -> Path:
    if isinstance(name_or_path, Path) or name_or_path.endswith(".toml") or "/" in name_or_path:
        path = Path(name_or_path)
        if base is not None and not path.is_absolute():
            path = base / path
        if not path.is_file():
            raise RulebookError(
                "no such rulebook file", file=str(path), found=str(name_or_path),
                expected="a TOML rulebook file",
            )  # fmt: skip
        return path
    bundled = files(__package__) / "rulebooks" / f"{name_or_path}.toml"
    if name_or_path == "in_force":  # (not a rulebook: analyse picks one per chronology)
        raise RulebookError(
            "'in_force' picks an edition for each chronology when analysing; name one "
            "rulebook here",
            found=name_or_path,
            expected="one of " + ", ".join(available_rulebooks()) + ", or a path to a .toml file",
        )
    if not bundled.is_file():
        raise RulebookError(
            f"no rulebook named {name_or_path!r}",
            found=name_or_path,
            expected="one of " + ", ".join(available_rulebooks()) + ", or a path to a .toml file",
        )
    return Path(str(bundled))


def _read(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Read a rulebook file and everything it extends into one merged dict."""
    resolved = path.resolve()
    if resolved in seen:
        raise RulebookError(
            "rulebooks extend each other in a circle", file=str(path), column="rulebook.extends"
        )
    try:
        data = _prebuilt.toml(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise RulebookError(f"not valid TOML: {err}", file=str(path)) from err
    except (OSError, UnicodeDecodeError) as err:
        raise RulebookError(f"cannot read the rulebook: {err}", file=str(path)) from err
    head = data.get("rulebook", {})
    if not isinstance(head, dict):
        raise RulebookError("[rulebook] must be a table", file=str(path), column="rulebook")
    parent_name = head.get("extends")
    if parent_name is None:
        data.setdefault("rules", {})
        return data
    if not isinstance(parent_name, str):
        raise RulebookError(
            "extends must name a rulebook", file=str(path), column="rulebook.extends",
            found=parent_name, expected="a rulebook name or path",
        )  # fmt: skip
    parent = _read(_locate(parent_name, base=path.parent), (*seen, resolved))
    merged: dict[str, Any] = {k: v for k, v in parent.items() if k != "rulebook"}
    merged["rulebook"] = {**parent.get("rulebook", {}), **head}
    merged["rulebook"].pop("extends", None)
    merged["rulebook"].pop("drop", None)
    for table in ("predicates", "states", "horizon"):
        merged[table] = {**parent.get(table, {}), **data.get(table, {})}
    rules = {rid: dict(rule) for rid, rule in parent.get("rules", {}).items()}
    drop = head.get("drop", [])
    if not isinstance(drop, list):
        raise RulebookError(
            "drop must be a list of rule ids", file=str(path), column="rulebook.drop",
            found=drop, expected="a list of rule ids",
        )  # fmt: skip
    for rid in drop:
        if rid not in rules:
            raise RulebookError(
                f"cannot drop {rid!r}: {parent_name!r} has no such rule",
                file=str(path), column="rulebook.drop", found=rid,
                expected="one of " + ", ".join(rules),
            )  # fmt: skip
        del rules[rid]
    for rid, rule in data.get("rules", {}).items():
        rules[rid] = {**rules.get(rid, {}), **rule}
    merged["rules"] = rules
    return merged


def load_rulebook(name_or_path: str | Path = DEFAULT_RULEBOOK) -> Rulebook:
    """Load and check a rulebook by bundled name or by path.

    Parameters
    ----------
    name_or_path
        ``"wt2006"`` (default), ``"wt2010"``, ``"wt2013"``, ``"wt2015"``, ``"wt2018"``,
        ``"wt2023"``, or the path of a TOML rulebook (which may ``extends`` a bundled one).

    Raises
    ------
    RulebookError
        The rulebook cannot be found or read, or a rule, predicate or state is malformed
        (the error names the file, the rule id and the key).

    Examples
    --------
    >>> book = load_rulebook()
    >>> book.name, len(book.rules) >= 18
    ('wt2006', True)
    >>> load_rulebook("wt1999")
    Traceback (most recent call last):
    ...
    scr_timeline.exceptions.RulebookError: no rulebook named 'wt1999' ...
    """
    if not isinstance(name_or_path, str | Path):
        raise TypeError(f"rulebook must be a name or a path, not {type(name_or_path).__name__}")
    path = _locate(name_or_path)
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _load_cached(path_text: str, _mtime: int) -> Rulebook:
    path = Path(path_text)
    return _compile(_read(path), path)


def _err(
    path: Path, where: str, key: str, message: str, found: object, expected: str
) -> RulebookError:
    return RulebookError(
        message, file=str(path), column=f"{where}.{key}", found=found, expected=expected
    )


def _compile(data: Mapping[str, Any], path: Path) -> Rulebook:
    head = data.get("rulebook", {})
    name = head.get("name") or path.stem
    raw_preds = data.get("predicates", {})
    if not isinstance(raw_preds, Mapping):
        raise RulebookError("[predicates] must be a table", file=str(path), column="predicates")
    named = _NamedPredicates(raw_preds, path)
    # compile every one now, so a bad predicate fails when the rulebook is loaded
    compiled = {pname: named[pname] for pname in raw_preds}
    states: dict[str, State] = {}
    for sname, spec in data.get("states", {}).items():
        where = f"states.{sname}"
        if not isinstance(spec, Mapping):
            raise _err(path, where, "opens", "a state must be a table", spec, "a table")
        for key in spec:
            if key not in ("label", "opens", "closes", "by_authority"):
                raise _err(
                    path, where, key, f"unknown key {key!r}", key,
                    "one of label, opens, closes, by_authority",
                )  # fmt: skip
        if "by_authority" in spec and not isinstance(spec["by_authority"], bool):
            raise _err(
                path, where, "by_authority", "by_authority must be true or false",
                spec["by_authority"], "bool",
            )  # fmt: skip
        for key in ("opens", "closes"):
            if key not in spec:
                raise _err(path, where, key, f"the state has no {key!r}", None, "a predicate")
        states[sname] = State(
            sname,
            str(spec.get("label", sname)),
            _predicate(spec["opens"], path, f"{where}.opens", named),
            _predicate(spec["closes"], path, f"{where}.closes", named),
            by_authority=bool(spec.get("by_authority", False)),
        )
    index = None
    horizon = data.get("horizon", {})
    if "index_event" in horizon:
        index = _predicate(horizon["index_event"], path, "horizon.index_event", named)
    rules: dict[str, Rule] = {}
    for rid, spec in data.get("rules", {}).items():
        rules[rid] = _rule(rid, spec, path, named, states)
    first, last = _in_force(head.get("in_force"), path)
    return Rulebook(
        name=str(name),
        title=str(head.get("title", name)),
        description=str(head.get("description", "")),
        path=str(path),
        predicates=compiled,
        states=states,
        rules=rules,
        index_event=index,
        data=data,
        in_force_from=first,
        in_force_until=last,
    )


def _in_force(spec: object, path: Path) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """``[rulebook] in_force = { from = 2010-03-17, until = 2013-04-14 }``: the first and
    last day the guidance applied (either may be left out; dates or "YYYY-MM-DD" text)."""
    if spec is None:
        return None, None
    expected = "a table { from = YYYY-MM-DD, until = YYYY-MM-DD } (either may be left out)"
    if not isinstance(spec, Mapping) or set(spec) - {"from", "until"}:
        raise RulebookError(
            "in_force must say from and until when the guidance applied", file=str(path),
            column="rulebook.in_force", found=spec, expected=expected,
        )  # fmt: skip
    days: list[pd.Timestamp | None] = []
    for key in ("from", "until"):
        value = spec.get(key)
        try:
            day = None if value is None else pd.Timestamp(str(value))
        except ValueError as err:
            raise RulebookError(
                f"cannot read in_force.{key} as a date", file=str(path),
                column=f"rulebook.in_force.{key}", found=value, expected=expected,
            ) from err  # fmt: skip
        if day is not None and (pd.isna(day) or day != day.normalize()):
            raise RulebookError(
                f"in_force.{key} must be a day", file=str(path),
                column=f"rulebook.in_force.{key}", found=value, expected=expected,
            )  # fmt: skip
        days.append(day)
    first, last = days
    if first is not None and last is not None and last < first:
        raise RulebookError(
            "in_force ends before it starts", file=str(path), column="rulebook.in_force",
            found=spec, expected="until on or after from",
        )  # fmt: skip
    return first, last


class _NamedPredicates(Mapping[str, Predicate]):
    """The ``[predicates]`` table, each compiled when first named (in any order)."""

    def __init__(self, raw: Mapping[str, Any], path: Path) -> None:
        self._raw = raw
        self._path = path
        self._done: dict[str, Predicate] = {}
        self._busy: set[str] = set()

    def __getitem__(self, name: str) -> Predicate:
        if name not in self._done:
            if name not in self._raw:
                raise KeyError(name)
            if name in self._busy:
                raise RulebookError(
                    f"predicate {name!r} refers to itself", file=str(self._path),
                    column=f"predicates.{name}",
                )  # fmt: skip
            self._busy.add(name)
            self._done[name] = _predicate(self._raw[name], self._path, f"predicates.{name}", self)
            self._busy.discard(name)
        return self._done[name]

    def __contains__(self, name: object) -> bool:
        return name in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _predicate(spec: object, path: Path, where: str, named: Mapping[str, Predicate]) -> Predicate:
    try:
        return compile_predicate(spec, where=where, named=named)
    except PredicateError as err:
        raise RulebookError(
            err.message, file=str(path), column=f"{where}.{err.key}", found=err.found,
            expected=err.expected,
        ) from err  # fmt: skip


def _rule(
    rid: str,
    spec: object,
    path: Path,
    named: Mapping[str, Predicate],
    states: Mapping[str, State],
) -> Rule:
    where = rid
    if not isinstance(spec, Mapping):
        raise _err(path, where, "kind", "a rule must be a table", spec, "a table")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise _err(
            path, where, "kind", f"unknown kind {kind!r}", kind, "one of " + ", ".join(KINDS)
        )
    required, optional = KINDS[kind]
    allowed = (*_COMMON_REQUIRED, *_COMMON_OPTIONAL, *required, *optional)
    for key in spec:
        if key not in allowed:
            raise _err(
                path, where, key, f"unknown key {key!r} for a {kind} rule", key,
                "one of " + ", ".join(allowed),
            )  # fmt: skip
    for key in (*_COMMON_REQUIRED, *required):
        if key not in spec:
            raise _err(path, where, key, f"the rule has no {key!r}", None, "a value")
    if spec["category"] not in CATEGORIES:
        raise _err(
            path, where, "category", "unknown category", spec["category"],
            "one of " + ", ".join(CATEGORIES),
        )  # fmt: skip
    if spec["severity"] not in SEVERITIES:
        raise _err(
            path, where, "severity", "unknown severity", spec["severity"], "high, medium or low"
        )

    def window(key: str) -> Window | None:
        if key not in spec:
            return None
        try:
            return parse_window(spec[key])
        except ValueError as err:
            raise _err(
                path, where, key, "bad window", spec[key],
                "a whole number and a unit: WD, days, weeks or months (e.g. '1 WD')",
            ) from err  # fmt: skip

    def pred(key: str) -> Predicate | None:
        if key not in spec:
            return None
        return _predicate(spec[key], path, f"{where}.{key}", named)

    agency = spec.get("agency", "trigger" if kind in ("response", "precedence") else "csc")
    if agency != "trigger" and agency not in S.AGENCIES:
        raise _err(path, where, "agency", "unknown agency", agency, "'trigger' or an agency code")

    def state(key: str) -> State | None:
        if key not in spec:
            return None
        found = states.get(spec[key]) if isinstance(spec[key], str) else None
        if found is None:
            raise _err(
                path, where, key, f"unknown state {spec[key]!r}", spec[key],
                "one of " + (", ".join(states) or "(no [states] defined)"),
            )  # fmt: skip
        return found

    groups: list[tuple[str, tuple[str, ...]]] = []
    if "groups" in spec:
        table = spec["groups"]
        if not isinstance(table, Mapping) or not table:
            raise _err(
                path, where, "groups", "groups must be a table of label = [agencies]", table,
                "e.g. { police = ['police'] }",
            )  # fmt: skip
        for label, members in table.items():
            items = [members] if isinstance(members, str) else members
            if not isinstance(items, list) or not items or any(m not in PARTIES for m in items):
                raise _err(
                    path, where, "groups", f"group {label!r} must list agency codes", members,
                    "agency codes such as csc, police, gp",
                )  # fmt: skip
            groups.append((str(label), tuple(items)))
    named_groups: list[tuple[str, Predicate]] = []
    if "named" in spec:
        table = spec["named"]
        labels = [label for label, _members in groups]
        if not isinstance(table, Mapping) or any(
            label not in labels or not isinstance(text, str) for label, text in table.items()
        ):
            raise _err(
                path, where, "named", "named must be a table of group label = regex", table,
                "e.g. { health = '(?:with|and|&) health\\b' }, one of: " + ", ".join(labels),
            )  # fmt: skip
        for label, text in table.items():
            said = _predicate({"text": text}, path, f"{where}.named.{label}", named)
            named_groups.append((str(label), said))
    parties_from: tuple[re.Pattern[str], tuple[str, ...]] | None = None
    if "parties_from" in spec:
        table = spec["parties_from"]
        keys = set(table) if isinstance(table, Mapping) else set()
        types = table.get("unless_event_type", []) if isinstance(table, Mapping) else None
        if (
            not isinstance(table, Mapping)
            or not keys <= {"text", "unless_event_type"}
            or not isinstance(table.get("text"), str)
            or not isinstance(types, list)
            or any(t not in S.EVENT_TYPES for t in types)
        ):
            raise _err(
                path, where, "parties_from",
                "parties_from must be a table { text = regex, unless_event_type = [event types] }",
                table, "e.g. { text = 'strategy (discussion|meeting)', unless_event_type = "
                "['strategy_discussion'] }",
            )  # fmt: skip
        try:
            # through the prebuilt programs, as every other rulebook pattern is compiled
            pattern = _prebuilt.regex(table["text"], re.IGNORECASE)
        except re.error as err:
            raise _err(
                path, where, "parties_from", f"bad regular expression: {err}", table["text"],
                "a Python regular expression",
            ) from err  # fmt: skip
        parties_from = (pattern, tuple(str(t) for t in types))
    count = spec.get("count", 0)
    if kind == "accumulation" and (
        isinstance(count, bool) or not isinstance(count, int) or count < 2
    ):
        raise _err(path, where, "count", "count must be a whole number >= 2", count, ">= 2")
    match = spec.get("match", "any")
    if match not in _MATCHES:
        raise _err(path, where, "match", "unknown match", match, "any or trigger_agency")
    also = spec.get("match_also", {})
    if not isinstance(also, Mapping) or any(
        agency not in S.AGENCIES
        or not isinstance(others, list)
        or not others
        or any(a not in S.AGENCIES for a in others)
        for agency, others in also.items()
    ):
        raise _err(
            path, where, "match_also", "match_also must be a table of agency = [agencies]",
            also, "agency codes, e.g. { hospital = ['paediatrics'] }",
        )  # fmt: skip
    via = spec.get("match_via")
    if via is not None and (not isinstance(via, list) or any(a not in S.AGENCIES for a in via)):
        raise _err(
            path, where, "match_via", "match_via must be a list of agency codes", via,
            "agency codes, e.g. ['csc']",
        )  # fmt: skip
    if via is not None and match != "trigger_agency":
        raise _err(
            path, where, "match_via", "match_via needs match = 'trigger_agency'", via,
            "match = 'trigger_agency' alongside",
        )  # fmt: skip
    if also and match != "trigger_agency":
        raise _err(
            path, where, "match_also", "match_also needs match = 'trigger_agency'", also,
            "match = 'trigger_agency' alongside",
        )  # fmt: skip
    for key in ("self_answer", "local", "from_birth", "same_authority"):
        if key in spec and not isinstance(spec[key], bool):
            raise _err(path, where, key, f"{key} must be true or false", spec[key], "bool")
    if ("extension" in spec) != ("extended_window" in spec):
        raise _err(
            path, where, "extension", "extension and extended_window go together", None,
            "both keys or neither",
        )  # fmt: skip
    for key in (
        *("reference", "expected_label", "citation", "what", "trigger_label", "summary"),
        "next_label",
    ):
        if key in spec and not isinstance(spec[key], str):
            raise _err(path, where, key, f"{key} must be text", spec[key], "a string")
    tally = _tally(spec.get("tally", []), path, where, named, plural=kind == "accumulation")
    return Rule(
        id=rid,
        kind=kind,
        category=spec["category"],
        severity=spec["severity"],
        reference=spec["reference"],
        citation=spec.get("citation", spec["reference"]),
        expected_label=spec["expected_label"],
        what=spec.get("what", spec.get("trigger_label", "Event")),
        trigger_label=spec.get("trigger_label", ""),
        local=bool(spec.get("local", False)),
        agency=agency,
        summary=spec.get("summary"),
        trigger=pred("trigger"),
        expected=pred("expected"),
        window=window("window"),
        first_window=window("first_window"),
        first_after=pred("first_after"),
        from_birth=bool(spec.get("from_birth", False)),
        within=window("within"),
        lookback=window("lookback"),
        count=int(count),
        state=state("state"),
        groups=tuple(groups),
        named=tuple(named_groups),
        parties_from=parties_from,
        match=match,
        also=tuple((str(a), tuple(others)) for a, others in also.items()),
        via=None if via is None else tuple(str(a) for a in via),
        self_answer=bool(spec.get("self_answer", True)),
        same_authority=bool(spec.get("same_authority", False)),
        until_next=pred("until_next"),
        next_label=spec.get("next_label"),
        answers_before=pred("answers_before"),
        not_during=state("not_during"),
        extension=pred("extension"),
        extended_window=window("extended_window"),
        tally=tally,
        raw=dict(spec),
    )


def _tally(
    spec: object, path: Path, where: str, named: Mapping[str, Predicate], *, plural: bool
) -> tuple[TallyEntry, ...]:
    """A rule's ``tally``: a list of ``{ when = predicate, one = "...", many = "..." }``
    (``when`` may be left out: every event). An accumulation rule counts its clusters with
    it (``many`` required); a response rule names its trigger (``one`` is enough)."""
    expected = (
        'a list of { when = predicate, one = "word", many = "words" }'
        if plural
        else 'a list of { when = predicate, one = "name" }'
    )
    words = ("one", "many") if plural else ("one",)
    if not isinstance(spec, list):
        raise _err(path, where, "tally", "tally must be a list", spec, expected)
    out: list[TallyEntry] = []
    for i, item in enumerate(spec):
        if (
            not isinstance(item, Mapping)
            or set(item) - {"when", "one", "many"}
            or not all(isinstance(item.get(k), str) and item[k].strip() for k in words)
            or not isinstance(item.get("many", ""), str)
        ):
            raise _err(path, where, f"tally[{i}]", "bad tally entry", item, expected)
        when = item.get("when")
        pred = None if when is None else _predicate(when, path, f"{where}.tally[{i}].when", named)
        out.append(TallyEntry(pred, item["one"], item.get("many") or item["one"]))
    return tuple(out)


def list_rules(rulebook: str | Path | Rulebook = DEFAULT_RULEBOOK) -> pd.DataFrame:
    """The rules of a rulebook as a table, one row per rule.

    Columns: ``id, kind, category, severity, trigger, expected, window, reference``.

    Examples
    --------
    >>> table = list_rules()
    >>> list(table.columns)
    ['id', 'kind', 'category', 'severity', 'trigger', 'expected', 'window', 'reference']
    >>> table.set_index("id").loc["ASM-CORE", "window"]
    '35 WD'
    """
    book = rulebook if isinstance(rulebook, Rulebook) else load_rulebook(rulebook)
    rows = [
        {
            "id": r.id,
            "kind": r.kind,
            "category": r.category,
            "severity": r.severity,
            "trigger": r.trigger_label or (r.state.label if r.state else ""),
            "expected": r.expected_label,
            "window": r.window_text,
            "reference": r.reference,
        }
        for r in book.rules.values()
    ]
    columns = ["id", "kind", "category", "severity", "trigger", "expected", "window", "reference"]
    return pd.DataFrame(rows, columns=columns)
