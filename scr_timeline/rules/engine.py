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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import schema as S
from ..chronology import Chronology
from ..exceptions import RulebookError
from .findings import FINDING_COLUMNS, Findings
from .kinds import KIND_FUNCTIONS, Context, Hits
from .predicates import EventView
from .rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, load_rulebook
from .templates import DEFAULT_TEMPLATES, event_fields, render, uk_date

__all__ = ["analyse", "horizon"]


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
        ``"wt2015"``, ``"wt2018"``, ``"wt2023"``), the path of a TOML rulebook, or a loaded
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
    if isinstance(chron, pd.DataFrame):
        chron = Chronology(chron)
    if not isinstance(chron, Chronology):
        raise TypeError(f"analyse() takes a Chronology, not {type(chron).__name__}")
    book = rulebook if isinstance(rulebook, Rulebook) else load_rulebook(rulebook)
    selected = _select(book, rules)
    if chron.events.empty:
        return Findings(None, chron.events, rulebook=book.name, horizon=None)
    view = EventView.from_events(chron.events)
    end = horizon(chron, book, end_date, view=view)
    if end is None:  # pragma: no cover - only for an empty chronology
        return Findings(None, chron.events, rulebook=book.name, horizon=end)
    ctx = Context(view=view, horizon=int(end.value))
    parts = []
    for rule in selected:
        hits = KIND_FUNCTIONS[rule.kind](rule, ctx)
        if len(hits):
            parts.append(_table(rule, hits, view, book))
    frame = pd.concat(parts, ignore_index=True) if parts else None
    if frame is not None:
        frame = frame.sort_values(["trigger_start", "_order"], kind="stable")
        frame["finding_id"] = _unique(frame["finding_id"].tolist())
    return Findings(frame, chron.events, rulebook=book.name, horizon=end)


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


def _unique(ids: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for fid in ids:
        n = seen.get(fid, 0) + 1
        seen[fid] = n
        out.append(fid if n == 1 else f"{fid}#{n}")
    return out


def _table(rule: Rule, hits: Hits, view: EventView, book: Rulebook) -> pd.DataFrame:
    ids = view.ids
    trig = hits.trigger
    observed = hits.observed
    has_obs = observed >= 0
    obs_ids = [ids[o] if o >= 0 else None for o in observed.tolist()]
    obs_start = pd.to_datetime(
        np.where(has_obs, view.start[np.maximum(observed, 0)], np.iinfo(np.int64).min)
    )
    agency_codes = view.agency[trig]
    if rule.agency == "trigger":
        agency = [S.AGENCIES[c] if c >= 0 else "other" for c in agency_codes.tolist()]
    else:
        agency = [rule.agency] * len(trig)
    frame = pd.DataFrame(
        {
            "finding_id": [f"{rule.id}:{ids[t]}" for t in trig.tolist()],
            "rule_id": rule.id,
            "category": rule.category,
            "severity": rule.severity,
            "status": hits.status,
            "agency": agency,
            "trigger_event_id": ids[trig],
            "trigger_start": pd.to_datetime(view.start[trig]),
            "due": hits.due.astype("datetime64[ns]"),
            "observed_event_id": obs_ids,
            "observed_start": obs_start.where(has_obs),
            "delay_working_days": pd.array(np.round(hits.delay), dtype="Float64").astype("Int64"),
            "evidence": ["; ".join(ids[e].tolist()) for e in hits.evidence],
            "summary": _summaries(rule, hits, view, book),
            "reference": rule.reference,
        }
    )
    frame["_order"] = list(book.rules).index(rule.id)
    return frame[[*FINDING_COLUMNS, "_order"]]


def _summaries(rule: Rule, hits: Hits, view: EventView, book: Rulebook) -> list[str]:
    frame = view.frame
    wanted = [
        c
        for c in (S.START, S.PRECISION, S.DATE_TEXT, S.AGENCY, S.ORGANISATION, S.INJURY_KINDS,
                  S.CHILD_AGE_DAYS)
        if c in frame.columns
    ]  # fmt: skip
    rows: list[dict[str, Any]] = frame.iloc[hits.trigger][wanted].to_dict("records")  # type: ignore[assignment]
    out = []
    for i, row in enumerate(rows):
        fields = event_fields(row)
        what = render(rule.what, fields)
        fields.update(
            what=what,
            What=what[:1].upper() + what[1:],
            expected=rule.expected_label,
            citation=rule.citation,
            due=uk_date(hits.due[i]),
            window=rule.window.text if rule.window else "",
            more="",
        )
        extra: dict[str, Any] = hits.extra[i]
        status = hits.status[i]
        if hits.observed[i] >= 0:
            fields["observed_date"] = uk_date(pd.Timestamp(view.start[hits.observed[i]]))
        if status == "late":
            d = int(hits.delay[i])
            fields["delay"] = f"{d} working day{'s' if d != 1 else ''}"
        if extra.get("more"):
            n = extra["more"]
            fields["more"] = f" (and {n} more such event{'s' if n != 1 else ''} in the same window)"
        if rule.kind == "accumulation":
            fields["count"] = str(len(hits.evidence[i]))
            fields["first_date"] = uk_date(pd.Timestamp(view.start[extra["first"]]))
        if rule.kind == "involvement":
            fields["missing"] = _and(extra["missing"])
        if rule.kind == "cadence":
            _cadence_fields(rule, hits, i, view, fields)
        template = rule.summary or DEFAULT_TEMPLATES[(rule.kind, status)]
        out.append(render(template, fields))
    return out


def _cadence_fields(
    rule: Rule, hits: Hits, i: int, view: EventView, fields: dict[str, str]
) -> None:
    extra = hits.extra[i]
    if rule.state is None or rule.window is None:
        raise RulebookError(
            f"rule {rule.id} has no {'state' if rule.state is None else 'window'}",
            column=rule.id,
        )
    opened = uk_date(pd.Timestamp(view.start[extra["state_open"]]))
    fields["state"] = f"{rule.state.label} (from {opened})"
    gap = int(hits.delay[i])
    unit = "working day" if rule.window.unit == "WD" else "day"
    fields["gap"] = f"{gap} {unit}{'s' if gap != 1 else ''}"
    if extra["first"] and rule.first_window is not None:
        fields["window"] = f"{rule.first_window.text} for the first"
    when = uk_date(pd.Timestamp(extra["to_ns"]))
    fields["until"] = {
        "next": f"the next was on {when}",
        "closed": f"none before it ended on {when}",
        "horizon": "none recorded before the chronology ends",
    }[extra["end_kind"]]


def _and(items: Sequence[str]) -> str:
    labels = list(items)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " or " + labels[-1]
