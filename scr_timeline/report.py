"""A self-contained HTML report of one chronology and its findings.

The report is what a reviewer takes to a panel meeting: a summary, the findings grouped by
category with the evidence rows (and the file, sheet and row each came from), the plots,
the rejected rows and warnings, the rulebook used and the provenance of every input file.

It is one HTML file with everything inside it: the CSS is inline, images are embedded as
``data:`` URIs, and there are no scripts, so it opens offline and prints cleanly. All text
from the chronology is escaped.

:func:`render_report` is pure and returns the HTML; :func:`write_report` writes it atomically.
Plots are not drawn here: pass PNG bytes in ``images`` (for example from
``fig.savefig(buf, format="png")``).

Examples
--------
>>> import scr_timeline as scr
>>> from scr_timeline.report import render_report
>>> chron = scr.load_sample("child-a-combined")
>>> html = render_report(chron, scr.analyse(chron))
>>> html.startswith("<!DOCTYPE html>"), "<script" in html
(True, False)
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final, cast

import jinja2
import numpy as np
import pandas as pd

from . import schema as S
from .chronology import Chronology
from .rules import Findings, available_rulebooks, load_rulebook
from .rules.predicates import same_day_order
from .rules.rulebook import CATEGORIES, SEVERITIES

__all__ = ["render_batch_index", "render_report", "write_batch_index", "write_report"]

_TEMPLATE: Final = "report.html.j2"
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_URL: Final = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")

_CATEGORY_LABELS: Final[dict[str, str]] = {
    "injury_procedure": "Injury procedure",
    "missed_escalation": "Missed escalation",
    "supervision_gap": "Supervision gap",
    "timescale": "Timescales",
    "procedure": "Procedure",
    "placement": "Placement",
    "child_not_seen": "Child not seen",
}
_STATUS_LABELS: Final[dict[str, str]] = {
    "missing": "Missing",
    "late": "Late",
    "gap": "Gap",
}
_ROLE_LABELS: Final[dict[str, str]] = {
    "trigger": "Trigger",
    "observed": "First action",
    "evidence": "Evidence",
}


# --- formatting helpers ------------------------------------------------------------------------
def _text(value: Any) -> str:
    """A cell as display text: missing values become ''."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _long_date(value: Any) -> str:
    """``12 March 2007``, or '' for a missing date."""
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%B %Y}"


def _label(code: str, labels: Mapping[str, str]) -> str:
    return labels.get(code, code.replace("_", " ").capitalize())


def _agency(code: Any) -> str:
    text = _text(code)
    return _label(text, S.AGENCY_LABELS) if text else ""


def _link_parts(text: str) -> list[tuple[str, bool]]:
    """Split text into (piece, is_url) so the template can link URLs and escape the rest."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in _URL.finditer(text):
        if match.start() > pos:
            parts.append((text[pos : match.start()], False))
        parts.append((match.group(0), True))
        pos = match.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# --- the context -------------------------------------------------------------------------------
def _summary(chron: Chronology, findings: pd.DataFrame) -> dict[str, Any]:
    events = chron.events
    meta = chron.meta
    period = ""
    if events[S.START].notna().any():
        ends = events[S.END].fillna(events[S.START])
        began, ended = _first_and_last(
            events.iloc[[int(events[S.START].argmin())]],
            events.iloc[[int(ends.argmax())]],
            long=True,
        )
        period = f"{began[0]} to {ended[0]}"
    agencies = []
    dated = events[events[S.START].notna()]
    if len(dated):
        dated = dated.assign(_end=dated[S.END].fillna(dated[S.START]))
        grouped = dated.groupby(S.AGENCY, observed=True, sort=False)
        table = grouped[S.START].agg(["size", "min", "idxmin"]).join(grouped["_end"].idxmax())
        table = table.loc[_agency_order(dated)]
        firsts, lasts = _first_and_last(dated.loc[table["idxmin"]], dated.loc[table["_end"]])
        # contact with children's social care, and injuries seen before any (graph)
        from .graph import contacts_with

        with_csc = (
            contacts_with(chron, "csc").set_index("agency") if "csc" in set(table.index) else None
        )
        for code, size, first, last in zip(table.index, table["size"], firsts, lasts, strict=True):
            row = {"agency": _agency(code), "events": int(size), "first": first, "last": last}
            if with_csc is not None and code in with_csc.index:
                counts = with_csc.loc[code]
                row["csc_contacts"] = int(counts["contacts"])
                row["csc_unshared_injuries"] = int(counts["injuries_before_contact"])
            agencies.append(row)
    categories = [c for c in CATEGORIES if c in set(findings["category"].dropna())]
    categories += sorted(set(findings["category"].dropna()) - set(categories))
    by_category = []
    for cat in categories:
        sub = findings[findings["category"] == cat]
        counts = {sev: int((sub["severity"] == sev).sum()) for sev in SEVERITIES}
        by_category.append(
            {"category": _label(cat, _CATEGORY_LABELS), "counts": counts, "total": len(sub)}
        )
    totals = {sev: int((findings["severity"] == sev).sum()) for sev in SEVERITIES}
    return {
        "child_dob": _long_date(meta.child_dob),
        "child_dob_from": _dob_source(chron),
        "aged_events": _aged_events(events),
        "period": period,
        "end_date": _long_date(meta.end_date),
        "n_events": len(events),
        "n_rejected": len(chron.rejected),
        "n_warnings": len(chron.warnings),
        "n_findings": len(findings),
        "agencies": agencies,
        "by_category": by_category,
        "severity_totals": totals,
    }


#: At most this many injuries in the "who knew" table (a long chronology's first ones; the
#: note says how many more, and :func:`scr_timeline.graph.knowledge_of_events` gives them all).
_WHO_KNEW_LIMIT: Final = 25


def _who_knew(chron: Chronology, rulebook: str) -> dict[str, Any] | None:
    """For each suspicious injury, when each agency could first have known of it: recorded
    it, took part, the date of the first contact that could have carried it to the agency
    (direct or through others), or never before the chronology ends. The injuries are their
    first records as the rulebook reads them (its ``new_suspicious_injury``: not the
    referral, medical or discussion that records the same injury again), else every
    suspicious injury not marked a duplicate. None when the chronology records none."""
    from .graph import KNOWN_FROM, VIA_EVENT_ID, knowledge_of_events

    events = chron.events
    if not len(events) or S.SUSPICIOUS_INJURY not in events:
        return None
    injured = _first_injury_records(events, rulebook)
    if injured is None:
        injured = events[S.SUSPICIOUS_INJURY].fillna(False).to_numpy(dtype=bool).copy()
    if S.DUPLICATE_OF in events:
        injured &= events[S.DUPLICATE_OF].isna().to_numpy(dtype=bool)
    injured &= events[S.START].notna().to_numpy(dtype=bool)
    positions = np.flatnonzero(injured)
    if not len(positions):
        return None
    shown = positions[:_WHO_KNEW_LIMIT]
    rows = events.iloc[shown]
    ids = [str(i) for i in rows.index]
    table = knowledge_of_events(chron, ids)  # every agency recording or named
    codes = _agency_codes(events, set(table[S.AGENCY]))
    by_event = {eid: frame for eid, frame in table.groupby("event_id", sort=False)}
    dates = _event_dates(rows)
    vias = _event_dates(events.loc[table[VIA_EVENT_ID].dropna().unique()])
    out = []
    for (eid, row), when in zip(rows.iterrows(), dates, strict=True):
        known = by_event[str(eid)].set_index(S.AGENCY)
        recorder = _text(row[S.AGENCY])
        start = pd.Timestamp(row[S.START]).normalize()
        cells: list[dict[str, str]] = []
        for code in codes:
            at = known.loc[code]
            if pd.isna(at[KNOWN_FROM]):
                cells.append({"text": "–", "kind": "never", "title": "no contact carried it"})
            elif at["hops"] == 0:
                took = "recorded it" if code == recorder else "took part"
                cells.append({"text": took, "kind": "part", "title": ""})
            else:
                via = str(at[VIA_EVENT_ID])
                days = (pd.Timestamp(at[KNOWN_FROM]).normalize() - start).days
                later = "same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} later"
                cells.append(
                    {
                        "text": f"{pd.Timestamp(at[KNOWN_FROM]):%d/%m/%Y}",
                        "kind": "told",
                        "title": f"{later}, through {int(at['hops'])} contact(s); the last "
                        f"recorded by {_agency(events.at[via, S.AGENCY])} on {vias[via]}",
                    }
                )
        out.append(
            {
                "date": when,
                "agency": _agency(recorder),
                "kinds": ", ".join(_tuple_text(row.get(S.INJURY_KINDS))),
                "details": _text(row.get(S.DETAILS)),
                "source": {
                    key: _text(row.get(column))
                    for key, column in (
                        ("source_file", S.SOURCE_FILE),
                        ("source_sheet", S.SOURCE_SHEET),
                        ("source_row", S.SOURCE_ROW),
                    )
                },
                "cells": cells,
            }
        )
    return {
        "agencies": [_agency(c) for c in codes],
        "rows": out,
        "more": int(len(positions) - len(shown)),
    }


def _first_injury_records(events: pd.DataFrame, rulebook: str) -> np.ndarray | None:
    """Which events the rulebook's ``new_suspicious_injury`` selects (in the table's order),
    or None when the rulebook has no such predicate or cannot be loaded again."""
    from .exceptions import ScrTimelineError
    from .rules.predicates import EventView
    from .rules.rulebook import load_rulebook

    try:
        book = load_rulebook(rulebook)
    except (ScrTimelineError, OSError, ValueError):
        return None
    predicate = book.predicates.get("new_suspicious_injury")
    if predicate is None:
        return None
    view = EventView.from_events(events)
    out = np.zeros(len(events), dtype=bool)
    out[view.rows(np.flatnonzero(predicate.evaluate(view, {})))] = True
    return out


def _agency_order(events: pd.DataFrame) -> list[Any]:
    """The recording agencies of the dated events, most events first, then earliest."""
    dated = events[events[S.START].notna()]
    order = dated.groupby(S.AGENCY, observed=True, sort=False)[S.START].agg(["size", "min"])
    return list(order.sort_values(["size", "min"], ascending=[False, True]).index)


def _agency_codes(events: pd.DataFrame, named: set[str]) -> list[str]:
    """The recording agencies' codes in the order of the summary's agency table, then the
    agencies only ever named by others, by name."""
    recording = [str(c) for c in _agency_order(events)]
    return recording + sorted(set(named) - set(recording), key=_agency)


def _tuple_text(value: Any) -> list[str]:
    if isinstance(value, tuple | list):
        return [str(v).replace("_", " ") for v in value]
    return []


def _first_and_last(
    firsts: pd.DataFrame, lasts: pd.DataFrame, *, long: bool = False
) -> tuple[list[str], list[str]]:
    """The dates of first events (their beginning) and of last events (their end), as
    precise as those events are ("March 2007", not "01/03/2007" and "31/03/2007"), without
    their time of day."""

    def shown(events: pd.DataFrame) -> pd.Series:
        return _event_dates(events, long=long).str.replace(r" \d\d:\d\d", "", regex=True)

    starts = [text.split(" – ")[0] for text in shown(firsts)]
    ends = [text.split(" – ")[-1] for text in shown(lasts)]
    return starts, ends


def _aged_events(events: pd.DataFrame) -> int:
    """How many events have the child's age (from an age column, when no date of birth)."""
    return int(events[S.CHILD_AGE_DAYS].notna().sum()) if S.CHILD_AGE_DAYS in events else 0


def _dob_source(chron: Chronology) -> str | None:
    """Where the date of birth was taken from, when the chronology itself gave it."""
    notes = chron.warnings[chron.warnings[S.CODE] == S.CHILD_DOB_INFERRED]
    if notes.empty:
        return None
    note = notes.iloc[0]
    parts = [
        f"{label} {value}" if label else str(value)
        for label, column in (("", S.SOURCE_FILE), ("sheet", S.SOURCE_SHEET), ("row", S.SOURCE_ROW))
        if not pd.isna(value := note[column])
    ]
    return ", ".join(parts) or "its title"


_EVIDENCE_TEXT: Final = (
    ("practitioner", S.PRACTITIONER),
    ("details", S.DETAILS),
    ("outcome", S.OUTCOME),
    ("source_file", S.SOURCE_FILE),
    ("source_sheet", S.SOURCE_SHEET),
    ("source_row", S.SOURCE_ROW),
)


def _event_dates(events: pd.DataFrame, *, long: bool = False) -> pd.Series:
    """Each event's date in UK form, as precise as the source was (``12/03/2007 14:30``,
    ``12/03/2007``, ``March 2007``, ``2007``, or ``12/03/2007 – 18/03/2007`` for a span such as
    a week or season); the date as written when there is no start. ``long``: the day as
    ``12 March 2007``. One strftime per precision, not per row."""
    start, end = events[S.START], events[S.END]
    precision = events[S.PRECISION].astype("string").fillna("")
    day = "%d %B %Y" if long else "%d/%m/%Y"
    out = start.dt.strftime(day).astype(object)
    forms = {"minute": f"{day} %H:%M", "month": "%B %Y", "year": "%Y"}
    for kind, form in forms.items():
        these = (precision == kind).to_numpy(dtype=bool)
        if these.any():
            out[these] = start[these].dt.strftime(form)
    ranged = (~precision.isin(["day", *forms]) & end.notna()).to_numpy(dtype=bool)
    if ranged.any():
        out[ranged] = start[ranged].dt.strftime(day) + " – " + end[ranged].dt.strftime(day)
    # a span written at that precision ("12/03/2007 - 14/03/2007", "March or April 2007",
    # "2006/07") shows both ends, not only its first day, month or year
    for kind, unit, form in (("day", "D", day), ("month", "M", "%B %Y"), ("year", "Y", "%Y")):
        spans = (
            (precision == kind).to_numpy(dtype=bool)
            & end.notna().to_numpy(dtype=bool)
            & (_floor(end, unit) > _floor(start, unit))
        )
        if spans.any():
            out[spans] = start[spans].dt.strftime(form) + " – " + end[spans].dt.strftime(form)
    if long:  # "05 March 2007" -> "5 March 2007" (strftime has no portable unpadded day)
        out = out.str.replace(r"(?<!\d)0(\d )", r"\1", regex=True)
    undated = start.isna().to_numpy(dtype=bool)
    if undated.any():
        out[undated] = events.loc[undated, S.DATE_TEXT].map(_text)
    return out


def _floor(values: pd.Series, unit: str) -> np.ndarray:
    """Timestamps cut to their day, month or year (``unit`` D, M or Y), as NumPy dates."""
    return values.to_numpy(dtype="datetime64[ns]").astype(f"datetime64[{unit}]")


def _chronology_rank(events: pd.DataFrame) -> np.ndarray:
    """Each event's place in the chronology's order: by start, and within a day in the
    order the rules read it (:func:`~scr_timeline.rules.predicates.same_day_order`: a row
    without a time stays below the timed row written above it in its file)."""
    start = events[S.START].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    order = np.argsort(start, kind="stable")
    same_day = same_day_order(events.iloc[order], start[order])
    if same_day is not None:
        order = order[same_day]
    rank = np.empty(len(events), dtype=np.int64)
    rank[order] = np.arange(len(events))
    return rank


def _evidence_lookup(events: pd.DataFrame, findings: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The display row of every event some finding cites, by event id (built once)."""
    cited = {eid.strip() for text in findings["evidence"].map(_text) for eid in text.split(";")}
    cited.discard("")
    where = events.index.isin(list(cited))
    if not where.any():
        return {}
    found = events[where]
    shown = pd.DataFrame(
        {
            "_rank": _chronology_rank(events)[where],
            "date": _event_dates(found),
            "date_long": _event_dates(found, long=True),
            "agency": found[S.AGENCY].astype(object).map(_agency),
            "event_type": found[S.EVENT_TYPE].map(_text).str.replace("_", " ", regex=False),
            **{key: found[column].map(_text).str.strip() for key, column in _EVIDENCE_TEXT},
        },
        index=found.index,
    )
    return cast(dict[str, dict[str, Any]], shown.to_dict("index"))


def _evidence_rows(
    lookup: Mapping[str, Mapping[str, Any]], evidence: Any, trigger: str, observed: str
) -> list[dict[str, str]]:
    ids = [eid.strip() for eid in _text(evidence).split(";") if eid.strip()]
    found = sorted((eid for eid in ids if eid in lookup), key=lambda eid: lookup[eid]["_rank"])
    out = []
    for eid in found:
        ev = lookup[eid]
        role = "trigger" if eid == trigger else "observed" if eid == observed else "evidence"
        out.append(
            {
                "role": _ROLE_LABELS[role],
                "role_code": role,
                "date": ev["date"],
                "agency": ev["agency"],
                "practitioner": ev["practitioner"],
                "event_type": ev["event_type"],
                "details": ev["details"],
                "outcome": ev["outcome"],
                "source_file": ev["source_file"],
                "source_sheet": ev["source_sheet"],
                "source_row": ev["source_row"],
            }
        )
    missing = [eid for eid in ids if eid not in lookup]
    out.extend(
        {
            "role": "Not in chronology",
            "role_code": "evidence",
            "date": "",
            "agency": "",
            "practitioner": "",
            "event_type": "",
            "details": f"event {eid} is not in this chronology's events",
            "outcome": "",
            "source_file": "",
            "source_sheet": "",
            "source_row": "",
        }
        for eid in missing
    )
    return out


def _shown_date(lookup: Mapping[str, Mapping[str, Any]], event_id: Any, start: Any) -> str:
    """A finding's trigger or first action date as precise as its event's (``March 2007``
    for an event dated by its month, not ``1 March 2007``)."""
    event = lookup.get(_text(event_id))
    return str(event["date_long"]) if event is not None else _long_date(start)


def _finding_groups(chron: Chronology, findings: pd.DataFrame) -> list[dict[str, Any]]:
    order = {c: i for i, c in enumerate(CATEGORIES)}
    sev_order = {s: i for i, s in enumerate(SEVERITIES)}
    groups: list[dict[str, Any]] = []
    cats = sorted(set(findings["category"].dropna()), key=lambda c: (order.get(c, 99), c))
    lookup = _evidence_lookup(chron.events, findings)
    for cat in cats:
        sub = findings[findings["category"] == cat]
        sub = sub.assign(_sev=sub["severity"].map(sev_order).astype("float").fillna(99.0))
        items = []
        for position, row in zip(sub.index, sub.to_dict("records"), strict=True):
            status = _text(row["status"])
            delay = row["delay_working_days"]
            delay_text = ""
            if not pd.isna(delay):
                unit = _text(row.get("_delay_unit")) or (
                    "days" if status == "gap" else "working days"
                )
                delay_text = f"{int(delay)} {unit}"
            trigger_event = lookup.get(_text(row["trigger_event_id"]))
            items.append(
                {
                    "when": (0, trigger_event["_rank"], position)
                    if trigger_event is not None
                    else (1, row["trigger_start"], position),
                    "_sev": row["_sev"],
                    "category": _label(cat, _CATEGORY_LABELS),
                    "id": _text(row["finding_id"]),
                    "anchor": "f-" + _slug(_text(row["finding_id"])),
                    "rule_id": _text(row["rule_id"]),
                    "severity": _text(row["severity"]),
                    "status": status,
                    "status_label": _label(status, _STATUS_LABELS),
                    "agency": _agency(row["agency"]),
                    "summary": _text(row["summary"]),
                    "trigger": _shown_date(lookup, row["trigger_event_id"], row["trigger_start"]),
                    "trigger_source": {
                        key: _text(row.get(key))
                        for key in ("source_file", "source_sheet", "source_row")
                    },
                    "due": _long_date(row["due"]),
                    "observed": _shown_date(
                        lookup, row["observed_event_id"], row["observed_start"]
                    ),
                    "delay": delay_text,
                    "reference": _link_parts(_text(row["reference"])),
                    "evidence": _evidence_rows(
                        lookup,
                        row["evidence"],
                        _text(row["trigger_event_id"]),
                        _text(row["observed_event_id"]),
                    ),
                }
            )
        # by severity, then in the chronology's order of their triggers
        items.sort(key=lambda item: (item["_sev"], *_when_key(item)))
        groups.append(
            {
                "category": _label(cat, _CATEGORY_LABELS),
                "anchor": "cat-" + _slug(cat),
                "findings": items,
            }
        )
    return groups


def _by_date(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every finding once, in the chronology's order of their triggers (a trigger in the
    events by its place there, then any other by its date); the findings of one trigger
    in the rulebook's order (the engine's)."""
    items = [item for group in groups for item in group["findings"]]
    return sorted(items, key=_when_key)


#: At most this many findings in the summary's "Key findings" (the rest are a link away).
_KEY_LIMIT: Final = 8


def _key_findings(by_date: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What a panel chair reads first: the findings of the highest severity present, in
    the chronology's order (the first :data:`_KEY_LIMIT`), and how many more there are."""
    for severity in SEVERITIES:
        items = [item for item in by_date if item["severity"] == severity]
        if items:
            return {
                "severity": severity,
                "findings": items[:_KEY_LIMIT],
                "more": max(0, len(items) - _KEY_LIMIT),
            }
    return None


def _when_key(item: Mapping[str, Any]) -> tuple[int, float, int]:
    kind, when, position = item["when"]
    if kind == 1:  # not in the events: by its date, undated last
        when = float("inf") if pd.isna(when) else pd.Timestamp(when).value
    return kind, float(when), int(position)


def _rulebook(findings: Findings, frame: pd.DataFrame) -> dict[str, Any]:
    name = findings.rulebook or ""
    title = description = ""
    if name in available_rulebooks():
        book = load_rulebook(name)
        title, description = book.title, book.description
    rules = []
    for rule_id, sub in frame.groupby("rule_id", sort=True):
        first = sub.iloc[0]
        rules.append(
            {
                "rule_id": _text(rule_id),
                "category": _label(_text(first["category"]), _CATEGORY_LABELS),
                "count": len(sub),
                "reference": _link_parts(_text(first["reference"])),
            }
        )
    return {
        "name": name or "(not recorded)",
        "title": title,
        "description": description,
        "horizon": _long_date(findings.horizon),
        "rules": rules,
        # what the analysis warns of (an edition not in force at the events' dates)
        "notes": [_text(m) for m in findings.warnings["message"]],
    }


def _rejected(chron: Chronology) -> list[dict[str, str]]:
    return [
        {
            "source_file": _text(r.get(S.SOURCE_FILE)),
            "source_sheet": _text(r.get(S.SOURCE_SHEET)),
            "source_row": _text(r.get(S.SOURCE_ROW)),
            "reason": _text(r.get(S.REASON)),
            "code": _text(r.get(S.REASON_CODE)),
            "value": _text(r.get("value")),
            "details": _text(r.get(S.DETAILS)),
        }
        for r in chron.rejected.to_dict("records")
    ]


def _warnings(chron: Chronology) -> list[dict[str, str]]:
    return [
        {
            "code": _text(r.get("code")),
            "message": _text(r.get("message")),
            "source_file": _text(r.get(S.SOURCE_FILE)),
            "source_sheet": _text(r.get(S.SOURCE_SHEET)),
            "source_row": _text(r.get(S.SOURCE_ROW)),
        }
        for r in chron.warnings.to_dict("records")
    ]


def _kinds(table: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    """How many rows of ``table`` have each value of ``column``, the commonest first (a
    long chronology's warnings are mostly a few kinds many times)."""
    if column not in table or table.empty:
        return []
    counts = table[column].map(_text).value_counts(sort=False)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(str(code), int(n)) for code, n in ranked if code]


def _sources(chron: Chronology) -> list[dict[str, str]]:
    out = []
    for src in chron.meta.sources:
        dayfirst = "" if src.dayfirst is None else ("yes (UK)" if src.dayfirst else "no (US)")
        out.append(
            {
                "file": src.file,
                "sheet": _text(src.sheet),
                "format": _text(src.format),
                "agency": _agency(src.agency),
                "rows": str(src.rows),
                "events": str(src.events),
                "rejected": str(src.rejected),
                "header_row": _text(src.header_row),
                "dayfirst": dayfirst,
            }
        )
    return out


def _images(images: Mapping[str, bytes] | None) -> list[dict[str, str]]:
    out = []
    for i, (caption, data) in enumerate((images or {}).items(), start=1):
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError(f"image {caption!r} must be PNG bytes, not {type(data).__name__}")
        raw = bytes(data)
        if not raw.startswith(_PNG_SIGNATURE):
            raise ValueError(f"image {caption!r} is not a PNG (its first bytes are {raw[:8]!r})")
        out.append(
            {
                "caption": str(caption),
                "alt": f"Figure {i}: {caption}",
                "number": str(i),
                "src": "data:image/png;base64," + base64.b64encode(raw).decode("ascii"),
            }
        )
    return out


class _Compiled(jinja2.BytecodeCache):
    """Templates as compiled at install time (kept by :mod:`scr_timeline._prebuilt`):
    jinja2 checks each against its template's source and compiles a changed one as usual.
    Templates compiled here are kept in memory (``compiled``), never written anywhere."""

    def __init__(self, stored: Mapping[str, bytes] | None = None) -> None:
        self.stored = dict(stored or {})
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.stored.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def compile_templates() -> dict[str, bytes]:
    """Every shipped template compiled, as jinja2's bytecode cache keeps it (built once at
    install time by :func:`scr_timeline._prebuilt.build`: a run then skips compiling them,
    about 0.07 s)."""
    cache = _Compiled()
    env = _environment(cache)
    for path in sorted(files("scr_timeline").joinpath("templates").iterdir(), key=str):
        if path.name.endswith(".j2"):
            env.get_template(path.name)
    return cache.compiled


@lru_cache(maxsize=4)
def _template(name: str = _TEMPLATE) -> jinja2.Template:
    from . import _prebuilt

    return _environment(_Compiled(_prebuilt.templates())).get_template(name)


def _environment(cache: jinja2.BytecodeCache) -> jinja2.Environment:
    def load(template: str) -> str:
        return files("scr_timeline").joinpath("templates", template).read_text(encoding="utf-8")

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        bytecode_cache=cache,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "j2"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --- public API ----------------------------------------------------------------------------------
def render_report(
    chron: Chronology,
    findings: Findings,
    *,
    images: Mapping[str, bytes] | None = None,
    title: str | None = None,
) -> str:
    """Render the HTML report of a chronology and its findings (pure: nothing is written).

    Parameters
    ----------
    chron
        The chronology the findings come from.
    findings
        The result of :func:`scr_timeline.analyse` on ``chron``.
    images
        Plots to include, as ``{caption: PNG bytes}``, in order. They are embedded as
        ``data:`` URIs, so the report needs no other file.
    title
        The report's title; defaults to the chronology's title.

    Returns
    -------
    str
        One complete HTML document with inline CSS, no scripts and no external resources.

    Raises
    ------
    TypeError
        ``chron`` or ``findings`` is the wrong type, or an image is not bytes.
    ValueError
        An image is not a PNG.

    Examples
    --------
    >>> import scr_timeline as scr
    >>> chron = scr.load_sample("child-a-combined")
    >>> html = render_report(chron, scr.analyse(chron), title="Child A")
    >>> "<title>Child A</title>" in html, "1 March 2006" in html
    (True, True)
    """
    if not isinstance(chron, Chronology):
        raise TypeError(f"chron must be a Chronology, not {type(chron).__name__}")
    if not isinstance(findings, Findings):
        raise TypeError(f"findings must be a Findings, not {type(findings).__name__}")
    from . import __version__  # here, not at the top: the package imports this module

    frame = findings.to_frame()
    # each delay's unit: working days for a late finding, the rule's window unit for a gap
    frame = frame.assign(_delay_unit=findings.delay_units().to_numpy())
    groups = _finding_groups(chron, frame)
    by_date = _by_date(groups)
    heading = title or chron.meta.title or "Chronology report"
    context = {
        "title": heading,
        "version": __version__,
        "summary": _summary(chron, frame),
        "groups": groups,
        "by_date": by_date,
        "key_findings": _key_findings(by_date),
        "who_knew": _who_knew(chron, findings.rulebook),
        "images": _images(images),
        "rejected": _rejected(chron),
        "warnings": _warnings(chron),
        "warning_kinds": _kinds(chron.warnings, S.CODE),
        "rejected_kinds": _kinds(chron.rejected, S.REASON_CODE),
        "rulebook": _rulebook(findings, frame),
        "sources": _sources(chron),
        "severities": SEVERITIES,
    }
    return _template().render(**context)


def write_report(
    chron: Chronology,
    findings: Findings,
    path: str | os.PathLike[str],
    *,
    images: Mapping[str, bytes] | None = None,
    title: str | None = None,
) -> Path:
    """Write the HTML report to ``path`` (one self-contained file) and return its path.

    The parent folder is created if it does not exist. The file is written to a temporary
    file in the same folder and then renamed over ``path``, so a reader never sees half a
    report and nothing is written outside that folder.

    Parameters
    ----------
    chron, findings, images, title
        As for :func:`render_report`.
    path
        Where to write the report (conventionally ``report.html``).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, scr_timeline as scr
    >>> chron = scr.load_sample("child-a-combined")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_report(chron, scr.analyse(chron), Path(folder) / "report.html")
    ...     out.name, out.stat().st_size > 10_000
    ('report.html', True)
    """
    html = render_report(chron, findings, images=images, title=title)
    return _write_text_atomic(html, Path(path))


def _write_text_atomic(html: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_name = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    # os.open with 0o666 lets the umask decide the mode, like any other file the user writes
    # (tempfile.mkstemp would leave the report readable by its owner only).
    fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(html)
        os.replace(tmp_name, target)
    except BaseException:
        tmp_name.unlink(missing_ok=True)
        raise
    return target


# --- the batch index ----------------------------------------------------------------------------
def _input_files(files: str, name: str) -> str:
    """The input files of a batch's chronology as the index shows them under its name:
    none when the name says them already ("quiet.csv" of "quiet")."""
    return "" if files in ("", name) or Path(files).stem == name else files


def render_batch_index(
    batch: Any,
    *,
    folder: str | os.PathLike[str] | None = None,
    images: Mapping[str, bytes] | None = None,
    title: str | None = None,
) -> str:
    """Render the index page of a batch (pure: nothing is written).

    Parameters
    ----------
    batch
        A :class:`scr_timeline.batch.BatchResult`.
    folder
        The folder the index goes into; a chronology whose ``<name>/report.html`` exists
        there gets a link to it.
    images
        Charts to include, as ``{caption: PNG bytes}``.
    title
        The page's title (default: "Batch analysis").
    """
    from urllib.parse import quote

    from . import __version__

    summary = batch.summary()
    by_rule = batch.by_rule()
    categories = [c for c in summary.columns if str(c).startswith("findings_")]
    base = Path(folder) if folder is not None else None
    rows = []
    for r in summary.to_dict("records"):
        name = str(r["chronology"])
        report = base is not None and (base / name / "report.html").is_file()
        rows.append(
            {
                "name": name,
                # the input files as named (the name is a safe folder name: "odd-b" for
                # "odd & <b>.csv"), so a reader knows which review each row is
                "files": _input_files(_text(r.get("files")), name),
                "report": f"{quote(name)}/report.html" if report else "",
                "status": r["status"],
                "events": _text(r["events"]),
                "rejected": _text(r["rejected"]),
                "warnings": _text(r["warnings"]),
                "findings": _text(r["findings"]),
                "high": _text(r["high_severity"]),
                "ages": _ages_words(r),
                "rulebook": _text(r.get("rulebook")),
                "period": _text(r.get("rulebook_period")),
                "by_category": [_text(r[c]) for c in categories],
                "error": _text(r["error"]),
            }
        )
    findings = pd.to_numeric(summary["findings"], errors="coerce").fillna(0)
    high = pd.to_numeric(summary["high_severity"], errors="coerce").fillna(0)
    context = {
        "title": title or "Batch analysis",
        "version": __version__,
        "rulebook": _rulebook_words(batch.rulebook, summary),
        "counts": {
            "total": len(summary),
            "ok": int((summary["status"] == "ok").sum()),
            "failed": int((summary["status"] != "ok").sum()),
            "findings": int(findings.sum()),
            "high": int(high.sum()),
        },
        "images": _images(images),
        "categories": [_CATEGORY_LABELS.get(c[9:], c[9:]) for c in categories],
        "rows": rows,
        "by_rule": [
            {
                **{k: _text(v) for k, v in r.items()},
                "share": f"{float(r['share']):.0%}",
                "reference": _link_parts(_text(r["reference"])),
            }
            for r in by_rule.to_dict("records")
        ],
        "matrix": _finding_matrix(batch.findings(), by_rule, rows),
        # the tables beside the page, to sort and filter in a spreadsheet
        "downloads": [
            name
            for name in ("summary.csv", "by_rule.csv", "findings.csv")
            if base is not None and (base / name).is_file()
        ],
    }
    return _template("batch_index.html.j2").render(**context)


def _finding_matrix(
    findings: pd.DataFrame, by_rule: pd.DataFrame, rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """Which chronology has which rule's findings: a row per chronology (the most
    high-severity findings first, then the most findings), a column per rule with
    findings (in the order of the by-rule table), each count linked to the first of those
    findings in the chronology's report."""
    from urllib.parse import quote

    if not len(findings) or not len(by_rule):
        return {"rules": [], "rows": []}
    severity = dict(
        zip(by_rule["rule_id"].astype(str), by_rule["severity"].astype(str), strict=True)
    )
    found = set(findings["rule_id"].astype(str))
    rules = [rule for rule in severity if rule in found]
    counts = pd.crosstab(findings["chronology"], findings["rule_id"]).reindex(
        columns=rules, fill_value=0
    )
    first = findings.groupby(["chronology", "rule_id"], sort=False)["finding_id"].first()
    ranked = sorted(
        (r for r in rows if r["status"] == "ok"),
        key=lambda r: (-int(r["high"] or 0), -int(r["findings"] or 0), r["name"]),
    )
    out = []
    for row in ranked:
        name = row["name"]
        numbers = counts.loc[name].to_numpy() if name in counts.index else np.zeros(len(rules), int)
        cells = []
        for rule, n in zip(rules, numbers.tolist(), strict=True):
            href = ""
            if n and row["report"]:
                anchor = "f-" + _slug(_text(first.get((name, rule), "")))
                href = f"{row['report']}#{quote(anchor)}"
            cells.append({"n": int(n), "href": href, "severity": severity[rule]})
        out.append({"name": name, "files": row["files"], "report": row["report"], "cells": cells})
    return {"rules": [{"rule_id": r, "severity": severity[r]} for r in rules], "rows": out}


def _rulebook_words(rulebook: Any, summary: pd.DataFrame) -> str:
    """The batch's rulebook for the page's head: its name, or with ``in_force`` the
    editions the chronologies were judged by."""
    from .rules import IN_FORCE

    if not (isinstance(rulebook, str) and rulebook == IN_FORCE):
        return f"Rulebook {getattr(rulebook, 'name', rulebook)}"
    used = sorted({str(b) for b in summary.get("rulebook", []) if isinstance(b, str) and b})
    return "Rulebooks: the edition in force for each chronology" + (
        f" ({', '.join(used)})" if used else ""
    )


def _ages_words(row: Mapping[str, Any]) -> str:
    """What a chronology's ages rested on, in words, from its batch summary row."""
    source = _text(row.get("ages_from"))
    if source == "age_column":
        return f"age column ({_text(row.get('events_with_age'))} of {_text(row['events'])} events)"
    if source in _DOB_FROM:
        return f"date of birth {_text(row.get('child_dob'))}, {_DOB_FROM[source]}"
    return "none: age-based rules off" if source == "none" else source


_DOB_FROM: Final[dict[str, str]] = {"dob_given": "given", "dob_inferred": "from the chronology"}


def write_batch_index(
    batch: Any,
    path: str | os.PathLike[str],
    *,
    images: Mapping[str, bytes] | None = None,
    title: str | None = None,
) -> Path:
    """Write the batch's ``index.html`` (atomically) and return its path.

    The page links every chronology's report (relative links, so the output folder can
    be moved or zipped as a whole).
    """
    target = Path(path)
    html = render_batch_index(batch, folder=target.parent, images=images, title=title)
    return _write_text_atomic(html, target)
