"""The agency timeline: one swim lane per agency, a marker per event, findings overlaid.

matplotlib is imported inside the functions only, so ``import scr_timeline`` never loads
pyplot.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import scr_timeline as scr
>>> from scr_timeline.plotting import plot_timeline
>>> chron = scr.load_sample("child-a-combined")
>>> ax = plot_timeline(chron, findings=scr.analyse(chron))
>>> ax.get_yticklabels()[0].get_text()
'Midwifery'
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import schema as S
from ..chronology import Chronology
from ..rules import Findings

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "EVENT_GROUPS",
    "GROUP_STYLES",
    "OKABE_ITO",
    "plot_timeline",
]

#: The Okabe-Ito colour-blind-safe palette.
OKABE_ITO: Final[dict[str, str]] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

#: Event-type groups drawn with one marker shape and colour each: (label, marker, colour).
GROUP_STYLES: Final[dict[str, tuple[str, str, str]]] = {
    "referral": ("Referral / assessment", "s", OKABE_ITO["blue"]),
    "meeting": ("Meeting / conference", "D", OKABE_ITO["green"]),
    "visit": ("Visit / contact", "o", OKABE_ITO["sky_blue"]),
    "health": ("Health", "P", OKABE_ITO["purple"]),
    "police": ("Police / legal", "^", OKABE_ITO["orange"]),
    "supervision": ("Supervision / management", "v", OKABE_ITO["black"]),
    "death": ("Death (dashed across every lane)", "X", OKABE_ITO["black"]),
    "other": ("Other", ".", OKABE_ITO["grey"]),
}

#: The group of each canonical event type (types not listed are "other").
EVENT_GROUPS: Final[dict[str, str]] = {
    "referral": "referral",
    "referral_decision": "referral",
    "initial_assessment": "referral",
    "core_assessment": "referral",
    "single_assessment": "referral",
    "s47_enquiry": "referral",
    "carer_assessment": "referral",
    "concern": "referral",
    "escalation": "referral",
    "disagreement": "referral",
    "strategy_discussion": "meeting",
    "icpc": "meeting",
    "cp_plan_start": "meeting",
    "core_group": "meeting",
    "review_conference": "meeting",
    "cp_plan_end": "meeting",
    "cin_meeting": "meeting",
    "legal_planning_meeting": "meeting",
    "meeting": "meeting",
    "home_visit": "visit",
    "office_visit": "visit",
    "information_sharing": "visit",
    "placement": "visit",
    "return_home": "visit",
    "dna": "visit",
    "medical_examination": "health",
    "skeletal_survey": "health",
    "hospital_attendance": "health",
    "gp_appointment": "health",
    "health_visit": "health",
    "police_incident": "police",
    "police_investigation": "police",
    "arrest": "police",
    "court": "police",
    "supervision": "supervision",
    "management_oversight": "supervision",
    "allocation": "supervision",
    "case_closure": "supervision",
    "death": "death",
}

# States shaded behind the lanes: name -> (label, colour, opening types, closing types).
_STATES: Final[dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]]] = {
    "case_open": (
        "Case open to children's social care",
        OKABE_ITO["grey"],
        ("referral", "allocation"),
        ("case_closure",),
    ),
    "cp_plan": (
        "Child protection plan",
        OKABE_ITO["purple"],
        ("cp_plan_start",),
        ("cp_plan_end",),
    ),
    "placement": ("Placed away from home", OKABE_ITO["sky_blue"], ("placement",), ("return_home",)),
}
_STATE_ALPHA: Final[dict[str, float]] = {"case_open": 0.10, "cp_plan": 0.22, "placement": 0.18}
# Purple and sky blue print as the same grey: placement is hatched as well.
_STATE_HATCH: Final[dict[str, str]] = {"placement": "///"}
# An ICPC whose record says a plan was made also starts a plan (as in the rulebooks).
# An ICPC that makes a plan, or plans for siblings, in the words of the rulebooks'
# cp_plan_starts ('Child A made subject of CP plan', 'CPPs for both children', 'category of
# neglect'); not one that decides against it ('CP plan not required', 'threshold not met')
_ICPC_PLAN: Final = re.compile(
    r"child protection plan|\bCPPs?\b|\bCP plans?\b|child protection register|registered under"
    r"|subject to (?:a |the )?(?:CP |child protection )?plans?\b|placed on (?:a |the )?plans?\b"
    r"|plans? under (?:the )?categor"
    r"|\bcategor(?:y|ies)(?: of)?[ :-]+(?:neglect|physical|emotional|sexual|multiple)\b",
    re.IGNORECASE,
)
_ICPC_NO_PLAN: Final = re.compile(
    r"\bnot (?:made )?(?:subject|registered|placed)|\bno (?:child protection |CP )?plan\b"
    r"|(?:child protection plan|\bCPP\b|\bCP plan|\bplan)\b[^.;]{0,20}?\b(?:was |is |were )?"
    r"not (?:required|needed|necessary|agreed|made|indicated|warranted|met)\b"
    r"|\bthreshold\b[^.;]{0,40}?\bnot (?:met|reached)\b"
    r"|\b(?:did|does|do) not (?:meet|reach)\b[^.;]{0,10}?\bthreshold\b",
    re.IGNORECASE,
)
_UNCERTAIN: Final[frozenset[str]] = frozenset({"week", "month", "season", "year"})
_FINDING_STYLES: Final[dict[str, tuple[str, str]]] = {
    "missing": ("-", "Finding: action missing (trigger to deadline)"),
    "late": ("--", "Finding: action late (trigger to deadline)"),
    "gap": (":", "Finding: cadence gap (last action to deadline)"),
}
#: Time bins across the axis used to decide whether a stretch of a lane is too dense.
_BINS: Final = 200
#: More events than this in one lane and bin are drawn as a count bar, not as markers.
_MAX_PER_BIN: Final = 2
#: Chronologies up to this size are always drawn event by event.
_DETAIL_LIMIT: Final = 500
_LANE_HALF: Final = 0.4
#: More contact connectors than this are drawn fainter (alpha falling as 1/sqrt(n)).
_FAINT_FROM: Final = 100
#: Cells across the axis (about a marker's width each) within which a lane's events stack.
_STACK_CELLS: Final = 100
#: Distance between stacked markers, and how far from the lane's centre they may go.
_STACK_STEP: Final = 0.14
_STACK_REACH: Final = 0.14
#: A stack of this many events or more has its count written beside it (its markers overlap:
#: twenty events at one minute look like a few).
_STACK_LABEL_FROM: Final = 4
#: In a lane drawn mostly as markers, a bin of up to this many events stays markers (a stack,
#: counted when needed), not a lone count bar no one can read among the markers.
_STACK_KEEP: Final = 6
#: Tracks under a lane's markers for findings that overlap in time (offsets from the lane).
_FINDING_TRACK_Y: Final = (0.27, 0.35, 0.43)
_FINDING_TRACKS: Final = len(_FINDING_TRACK_Y)
#: Where count bars stand in their lane: just above the first findings track.
_BAR_BASE: Final = _FINDING_TRACK_Y[0] - 0.05

FloatArray = npt.NDArray[np.float64]


# =============================================================================================
# Shared helpers (also used by the network and gaps plots)
# =============================================================================================
def events_frame(chron: object) -> pd.DataFrame:
    """The events table of a Chronology (or an events DataFrame as it is)."""
    if isinstance(chron, Chronology):
        return chron.events
    if isinstance(chron, pd.DataFrame):
        return chron
    raise TypeError(
        f"chron must be a Chronology or an events DataFrame, not {type(chron).__name__}"
    )


def findings_frame(findings: object) -> pd.DataFrame:
    """The findings table of a Findings object (or a findings DataFrame as it is)."""
    if isinstance(findings, Findings):
        return findings.to_frame()
    if isinstance(findings, pd.DataFrame):
        return findings
    raise TypeError(
        f"findings must be a Findings object or a DataFrame, not {type(findings).__name__}"
    )


def agency_label(code: str) -> str:
    """Readable name of an agency code (the code itself when unknown)."""
    return S.AGENCY_LABELS.get(code, str(code).replace("_", " ").capitalize())


def to_num(values: Any) -> FloatArray:
    """matplotlib date numbers (days since 1970-01-01) of datetimes; NaN for NaT."""
    arr = np.asarray(pd.to_datetime(pd.Series(values)).to_numpy(dtype="datetime64[ns]"))
    out = arr.view(np.int64).astype(np.float64) / 86_400e9
    out[np.isnat(arr)] = np.nan
    return out


def new_axes(figsize: tuple[float, float]) -> Axes:
    """A new pyplot figure and Axes (constrained layout), so Jupyter shows it inline."""
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def format_date_axis(ax: Axes, lo: float, hi: float) -> None:
    """UK-style date ticks: "14 Mar 2007" for short spans, "Mar 2007" or "2007" for long, and
    the time over the date ("09:00" over "14 Mar 2007") within a day or two."""
    import matplotlib.dates as mdates

    span = hi - lo
    locator: mdates.DateLocator
    if span <= 3:
        # Hours of a day or two (the day of an incident): the time on each tick, the date
        # under it (a date alone would repeat on the ticks of one day).
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        fmt = "%H:%M\n%d %b %Y"
    elif span <= 62:
        # Whole days only: never two ticks on one day with the same label.
        step = next((d for d in (1, 2, 3, 4, 7, 14) if span / d <= 9), 14)
        locator = (
            mdates.DayLocator(interval=step)
            if step < 7
            else mdates.WeekdayLocator(byweekday=mdates.MO, interval=step // 7)
        )
        fmt = "%d %b %Y"
    elif span <= 365.25 * 6:
        months = max(1, int(np.ceil(span / 30.44 / 8)))
        months = next(m for m in (1, 2, 3, 4, 6, 12) if m >= months) if months <= 12 else 12
        locator = mdates.MonthLocator(bymonth=range(1, 13, months) if months < 12 else (1,))
        fmt = "%b %Y"
        if months > 1:
            # every month marked between the labelled ones, so a printed page is read to
            # the month ("Mar 2006" lies between the "Jan" and "May" labels)
            ax.xaxis.set_minor_locator(mdates.MonthLocator())
            ax.xaxis.set_minor_formatter(mdates.DateFormatter(""))
            ax.grid(axis="x", which="minor", color="#eeeeee", lw=0.5, zorder=0)
            ax.tick_params(axis="x", which="minor", length=2.5, color="#888888")
    else:
        locator = mdates.YearLocator(base=max(1, int(np.ceil(span / 365.25 / 10))))
        fmt = "%Y"
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))
    ax.set_xlim(lo, hi)


# =============================================================================================
# The timeline
# =============================================================================================
def _state_periods(ev: pd.DataFrame, state: str, last: float) -> FloatArray:
    """[open, close] periods of a state from its opening and closing events, in the
    table's (date) order, as an ``(n, 2)`` array of date numbers.

    A period opens at an opening event while none is open (a second opening inside it
    changes nothing) and closes at the first closing event after that (a closing event
    with no period open changes nothing); one still open at the end runs to ``last``.
    """
    _, _, opens, closes = _STATES[state]
    types = ev[S.EVENT_TYPE].astype("object")
    is_open = types.isin(opens).to_numpy().copy()
    if state == "case_open":
        agency = ev[S.AGENCY].astype("object")
        is_open &= (agency == "csc").to_numpy() | types.eq("allocation").to_numpy()
    if state == "cp_plan" and S.DETAILS in ev.columns:
        text = ev[S.DETAILS].astype("string").fillna("")
        if S.OUTCOME in ev.columns:
            text = text + " " + ev[S.OUTCOME].astype("string").fillna("")
        icpc = types.eq("icpc").to_numpy()
        said = text.str.contains(_ICPC_PLAN).to_numpy(dtype=bool)
        denied = text.str.contains(_ICPC_NO_PLAN).to_numpy(dtype=bool)
        is_open |= icpc & said & ~denied
    # (no event type both opens and closes a state: _STATES keeps them apart)
    is_close = types.isin(closes).to_numpy() & ~is_open
    when = to_num(ev[S.START])
    marks = np.flatnonzero(~np.isnan(when) & (is_open | is_close))
    opening = is_open[marks]
    after_open = np.zeros(len(marks), dtype=bool)  # the mark before was an opening one
    after_open[1:] = opening[:-1]
    first = when[marks[opening & ~after_open]]
    then = when[marks[~opening & after_open]]
    if len(first) > len(then):  # still open when the chronology ends
        then = np.append(then, max(last, float(first[-1]) + 1))
    return np.column_stack([first, then]).astype(np.float64)


def _rulebook_periods(chron: object, findings: object) -> dict[str, FloatArray]:
    """The periods of the states the rules read ("case_open", "cp_plan"), as the rulebook
    of ``findings`` (else the default rulebook) defines them, so that the shading and the
    findings agree on when a case opened and closed: ``(n, 2)`` arrays of date numbers,
    NaN ends for periods still open at the chronology's end. States the rulebook does not
    define (and a rulebook that cannot be loaded by its name) are left to
    :func:`_state_periods`."""
    from ..exceptions import ScrTimelineError
    from ..rules.engine import DEFAULT_RULEBOOK
    from ..rules.states import state_periods

    whole = chron if isinstance(chron, Chronology) else Chronology(events_frame(chron))
    name = DEFAULT_RULEBOOK
    end_date = None
    if isinstance(findings, Findings):
        name = findings.rulebook or DEFAULT_RULEBOOK
        end_date = findings.horizon
    out: dict[str, FloatArray] = {}
    try:
        from ..rules.rulebook import load_rulebook

        book = load_rulebook(name)
    except (ScrTimelineError, OSError):  # a user's rulebook, known here only by its name
        return out
    for state in ("case_open", "cp_plan"):
        if state not in book.states:
            continue
        periods = state_periods(whole, state, rulebook=book, end_date=end_date)
        ends = to_num(periods["end"])
        ends[periods["closed_by"].isna().to_numpy()] = np.nan
        out[state] = np.column_stack([to_num(periods["start"]), ends]).astype(np.float64)
    return out


def _state_style(state: str, alpha: float) -> dict[str, Any]:
    """Fill (and hatch) of a state's periods: the face at ``alpha``, the hatch stronger."""
    from matplotlib.colors import to_rgba

    colour = _STATES[state][1]
    hatch = _STATE_HATCH.get(state)
    return {
        "facecolor": to_rgba(colour, alpha),
        "edgecolor": to_rgba(colour, min(1.0, 3 * alpha)) if hatch else "none",
        "hatch": hatch,
        "linewidth": 0,
    }


def _lane_order(ev: pd.DataFrame, agencies: Sequence[str] | None) -> list[str]:
    first = ev.groupby(ev[S.AGENCY].astype("object"), sort=False)[S.START].min().sort_values()
    present = [str(code) for code in first.index]
    if agencies is None:
        return present
    return [code for code in agencies if code in present]


def _stack_offsets(
    lane: npt.NDArray[np.int64],
    x: FloatArray,
    skip: npt.NDArray[np.bool_],
    lo: float,
    hi: float,
) -> tuple[FloatArray, npt.NDArray[np.int64]]:
    """Vertical offset of each marker in its lane: events of one lane that fall within about
    a marker's width of each other (one of :data:`_STACK_CELLS` cells across the axis) are
    spread over the middle of the lane in date order, earliest on top, instead of drawn on
    one spot where only the last one shows. Events in count bars (``skip``) stay put. Also
    the number of events in each event's stack (0 for those in count bars).
    """
    out = np.zeros(len(x))
    sizes = np.zeros(len(x), dtype=np.int64)
    keep = ~skip & ~np.isnan(x)
    if not keep.any():
        return out, sizes
    cell = np.floor((x[keep] - lo) / ((hi - lo) / _STACK_CELLS)).astype(np.int64)
    groups = pd.DataFrame({"lane": lane[keep], "cell": cell}).groupby(["lane", "cell"])
    rank = groups.cumcount().to_numpy(dtype=np.float64)
    size = groups["lane"].transform("size").to_numpy(dtype=np.float64)
    step = np.minimum(_STACK_STEP, 2 * _STACK_REACH / np.maximum(size - 1, 1))
    out[keep] = (rank - (size - 1) / 2) * step
    sizes[keep] = size.astype(np.int64)
    return out, sizes


def _contact_segments(
    ev: pd.DataFrame,
    x: FloatArray,
    y: FloatArray,
    aggregated: npt.NDArray[np.bool_],
    dense: npt.NDArray[np.bool_],
    bin_of: npt.NDArray[np.int64],
    lane_of: dict[str, int],
) -> FloatArray:
    """Connectors (k, 2, 2) from each drawn event to the lanes of the agencies it contacted.

    Duplicates and events inside count bars get none, nor does a contact whose other lane is
    drawn as count bars at that time: a connector into a bar points at no event, and on a big
    chronology hundreds of them striped the dense lanes.
    """
    keep = ~aggregated
    if S.DUPLICATE_OF in ev.columns:
        keep &= ev[S.DUPLICATE_OF].isna().to_numpy()
    parts = pd.Series(ev[S.COUNTERPARTS].to_numpy(dtype=object)[keep], index=np.flatnonzero(keep))
    parts = parts[parts.map(lambda p: isinstance(p, tuple)).astype(bool)].explode().dropna()
    other = parts.astype("object").map(lane_of).dropna()
    row = other.index.to_numpy(dtype=np.int64)
    lane = other.to_numpy(dtype=np.int64)
    ok = (lane != np.rint(y[row])) & ~dense[lane, bin_of[row]]
    row, lane = row[ok], lane[ok]
    segments = np.empty((len(row), 2, 2))
    segments[:, :, 0] = x[row, None]
    segments[:, 0, 1] = y[row]
    segments[:, 1, 1] = lane
    return segments


def plot_timeline(
    chron: Chronology | pd.DataFrame,
    *,
    findings: Findings | pd.DataFrame | None = None,
    agencies: Sequence[str] | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the multi-agency timeline: one swim lane per agency.

    Each event is a marker in its agency's lane, shaped and coloured by its event-type group
    (:data:`EVENT_GROUPS`). Injuries are ringed in vermillion; suspicious injuries get a star.
    Events whose date is coarser than a day ("March 2007") are drawn as whiskers spanning
    ``[start, end]``. Contacts between agencies are thin grey connectors between lanes. Case
    open, child protection plan and placement periods are shaded. Findings are drawn under
    the lane of the agency expected to act, from trigger to deadline: solid when the action
    is missing, dashed when it was late, dotted for cadence gaps. Where a lane holds more
    than a few events per time bin (about a pixel column on a wide figure), that stretch is
    drawn as grey count bars instead of overplotted markers. Events of one lane within about
    a marker's width of each other are stacked a little apart (earliest on top); findings
    that overlap in time in one lane go on separate tracks; no contact connector is drawn
    into a stretch of count bars. Lanes are separated by hairlines, and the shaded periods
    stay apart in greyscale (placement is hatched).

    Parameters
    ----------
    chron
        A :class:`~scr_timeline.Chronology` or its events table.
    findings
        Findings of :func:`scr_timeline.analyse` (or their frame) to overlay.
    agencies
        Agency codes to show, in this order (default: every agency, by first contact).
    start, end
        Limit the time axis (any date pandas reads; default: the whole chronology).
    ax
        The Axes to draw on (default: a new figure sized to the number of lanes).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on. The figure is never shown.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import scr_timeline as scr
    >>> ax = plot_timeline(scr.load_sample("child-b-agencies"))
    >>> len(ax.get_yticklabels()) > 1
    True
    >>> plt.close(ax.figure)
    """
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ev = events_frame(chron)
    ruled = _rulebook_periods(chron, findings)  # the rules' own states, before any filter
    ev = ev[ev[S.START].notna() & ev[S.AGENCY].notna()]
    lo_ts = pd.Timestamp(start) if start is not None else None
    hi_ts = pd.Timestamp(end) if end is not None else None
    if lo_ts is not None:
        ev = ev[ev[S.END].fillna(ev[S.START]) >= lo_ts]
    if hi_ts is not None:
        ev = ev[ev[S.START] <= hi_ts]
    lanes = _lane_order(ev, agencies)
    ev = ev[ev[S.AGENCY].astype("object").isin(lanes)]
    lane_of = {code: i for i, code in enumerate(lanes)}

    if ax is None:
        ax = new_axes((13.0, max(3.0, 0.55 * len(lanes) + 1.8)))
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.set_yticks(range(len(lanes)), [agency_label(code) for code in lanes])
    if len(lanes) > 1:
        # Hairlines between lanes, not grey stripes: grey shading means "case open" here.
        seps = ax.hlines(
            np.arange(len(lanes) - 1) + 0.5,
            0,
            1,
            transform=ax.get_yaxis_transform(),
            colors="#c8c8c8",
            linewidths=0.6,
            zorder=0.6,
        )
        seps.set_gid("scr-lane-separators")
    if ev.empty:
        ax.text(0.5, 0.5, "No dated events", transform=ax.transAxes, ha="center")
        return ax

    t0 = to_num(ev[S.START])
    t1 = to_num(ev[S.END].fillna(ev[S.START]))
    lo = float(np.nanmin(t0)) if lo_ts is None else to_num([lo_ts])[0]
    hi = float(np.nanmax(t1)) if hi_ts is None else to_num([hi_ts])[0]
    pad = max((hi - lo) * 0.02, 1.0)
    lo, hi = lo - pad, hi + pad
    precision = ev[S.PRECISION].astype("object").to_numpy()
    uncertain = np.isin(precision, list(_UNCERTAIN))
    x = np.where(uncertain, (t0 + t1) / 2, t0)
    y: FloatArray = np.asarray(
        ev[S.AGENCY].astype("object").map(lane_of).to_numpy(dtype=np.float64), dtype=np.float64
    )
    group = ev[S.EVENT_TYPE].astype("object").map(EVENT_GROUPS).fillna("other").to_numpy()
    injury = ev[S.INJURY].fillna(False).to_numpy(dtype=bool) if S.INJURY in ev else None
    suspicious = (
        ev[S.SUSPICIOUS_INJURY].fillna(False).to_numpy(dtype=bool)
        if S.SUSPICIOUS_INJURY in ev
        else None
    )
    handles: list[Any] = []

    # --- states ------------------------------------------------------------------------------
    # One collection per state, each period a full-height band (as axvspan draws it).
    for state, (label, _, _, _) in _STATES.items():
        periods = ruled.get(state)
        if periods is None:
            periods = _state_periods(ev, state, hi - pad)
        else:  # a period still open at the end runs to the plot's last event, as below
            periods = periods.copy()
            still = np.isnan(periods[:, 1])
            periods[still, 1] = np.maximum(hi - pad, periods[still, 0] + 1)
        if not len(periods):
            continue
        a, b = periods[:, 0], periods[:, 1]
        zero, one = np.zeros(len(a)), np.ones(len(a))
        bands = np.stack(
            [np.column_stack(corner) for corner in ((a, zero), (a, one), (b, one), (b, zero))],
            axis=1,
        )
        style = _state_style(state, _STATE_ALPHA[state])
        spans = PolyCollection(
            list(bands),
            transform=ax.get_xaxis_transform(),
            facecolors=style["facecolor"],
            edgecolors=style["edgecolor"],
            hatch=style["hatch"],
            linewidths=style["linewidth"],
            zorder=0.5,
        )
        spans.set_gid(f"scr-state-{state}")
        ax.add_collection(spans, autolim=False)
        handles.append(Patch(label=label, **_state_style(state, _STATE_ALPHA[state] + 0.1)))

    # --- dense stretches -----------------------------------------------------------------------
    edges = np.linspace(lo, hi, _BINS + 1)
    bin_of = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, _BINS - 1)
    lane_i = y.astype(np.int64)
    counts = np.zeros((len(lanes), _BINS), dtype=np.int64)
    np.add.at(counts, (lane_i, bin_of), 1)
    dense = counts > _MAX_PER_BIN
    if len(ev) <= _DETAIL_LIMIT:
        dense[:] = False
    # A lane mostly drawn as bars is drawn wholly as bars (no mix of bars and markers).
    mostly = (counts * dense).sum(axis=1) > 0.5 * counts.sum(axis=1)
    dense[mostly] = counts[mostly] > 0
    # In a lane mostly of markers, a few events close together stay markers (stacked)
    dense[~mostly] &= counts[~mostly] > _STACK_KEEP
    aggregated = dense[lane_i, bin_of]
    # Events drawn at one spot of one lane are stacked a little apart, so none hides another.
    offsets, stacked = _stack_offsets(lane_i, x, aggregated, lo, hi)
    yd = y + offsets
    if dense.any():
        li, bi = np.nonzero(dense)
        lane_max = np.maximum(counts.max(axis=1), 1)
        # Bars stand on a base above the findings tracks, so findings never cover them.
        base = li + _BAR_BASE
        height = (_BAR_BASE + _LANE_HALF) * counts[li, bi] / lane_max[li]
        x0, x1 = edges[bi], edges[bi + 1]
        verts = np.stack(
            [
                np.stack([x0, base], axis=1),
                np.stack([x0, base - height], axis=1),
                np.stack([x1, base - height], axis=1),
                np.stack([x1, base], axis=1),
            ],
            axis=1,
        )
        bars = PolyCollection(
            list(verts), facecolors="#7f7f7f", edgecolors="none", alpha=0.8, zorder=2
        )
        bars.set_gid("scr-density")
        ax.add_collection(bars)
        # the bars' scale: the tallest bar of each lane, and how long a bin is
        days = (hi - lo) / _BINS
        span = (
            f"{days:.0f} days" if days >= 1.5 else ("a day" if days >= 0.75 else "less than a day")
        )
        for lane in np.unique(li).tolist():
            ax.text(
                0.995,
                lane - _LANE_HALF,
                f"tallest bar: {int(lane_max[lane])} events in {span}",
                transform=ax.get_yaxis_transform(),
                ha="right",
                va="top",
                fontsize=7,
                color="#333333",
                zorder=5,
                gid="scr-density-scale",
                bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.0},
            )
        if injury is not None:
            hurt = np.zeros_like(counts)
            np.add.at(hurt, (lane_i[injury], bin_of[injury]), 1)
            share = hurt[li, bi] / counts[li, bi]
            inj_verts = verts.copy()
            inj_verts[:, 1:3, 1] = base[:, None] - (height * share)[:, None]
            inj = PolyCollection(
                list(inj_verts[share > 0]),
                facecolors=OKABE_ITO["vermillion"],
                edgecolors="none",
                zorder=2.1,
            )
            inj.set_gid("scr-density-injuries")
            ax.add_collection(inj)
        handles.append(
            Patch(
                color="#7f7f7f",
                label="Events per bin (dense lanes; vermillion: injuries)",
            )
        )

    # --- contacts between lanes ---------------------------------------------------------------
    if S.COUNTERPARTS in ev.columns:
        segments = _contact_segments(ev, x, yd, aggregated, dense, bin_of, lane_of)
        if len(segments):
            # the more connectors, the fainter each (hundreds across twelve lanes otherwise
            # grey the chart over): 0.45 up to 100, down to 0.15 from 900
            alpha = float(np.clip(0.45 * np.sqrt(_FAINT_FROM / len(segments)), 0.15, 0.45))
            lines = LineCollection(
                list(segments), colors="#666666", linewidths=0.6, alpha=alpha, zorder=1
            )
            lines.set_gid("scr-contacts")
            ax.add_collection(lines)
            handles.append(
                Line2D([], [], color="#666666", lw=0.8, label="Contact between agencies")
            )

    # --- the child's death: the event the review is about, marked across every lane -------------
    died = group == "death"
    if died.any():
        for at in np.unique(x[died]).tolist():
            ax.axvline(at, color="black", lw=1.0, ls="--", alpha=0.6, zorder=1.5, gid="scr-death")

    # --- uncertain dates as whiskers -------------------------------------------------------------
    vague = uncertain & ~aggregated
    if vague.any():
        segs = [[(a, b), (c, b)] for a, c, b in zip(t0[vague], t1[vague], yd[vague], strict=True)]
        colours = [GROUP_STYLES[g][2] for g in group[vague]]
        whiskers = LineCollection(segs, colors=colours, linewidths=1.4, zorder=2.5)
        whiskers.set_gid("scr-whiskers")
        ax.add_collection(whiskers)
        caps = ax.scatter(
            np.concatenate([t0[vague], t1[vague]]),
            np.concatenate([yd[vague], yd[vague]]),
            marker="|",
            s=40,
            c=colours + colours,
            linewidths=1.2,
            zorder=2.5,
        )
        caps.set_gid("scr-whisker-caps")
        handles.append(
            Line2D([], [], color="#333333", marker="|", lw=1.4, label="Date uncertain (range)")
        )

    # --- injuries (drawn even inside dense stretches) --------------------------------------------
    if injury is not None:
        injury = injury & ~aggregated
    if suspicious is not None:
        suspicious = suspicious & ~aggregated
    if injury is not None and injury.any():
        ring = ax.scatter(
            x[injury],
            yd[injury],
            s=170,
            facecolors="none",
            edgecolors=OKABE_ITO["vermillion"],
            linewidths=2.0,
            zorder=4,
        )
        ring.set_gid("scr-injuries")
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=11,
                mfc="none",
                mec=OKABE_ITO["vermillion"],
                mew=2.0,
                label="Injury",
            )
        )
    if suspicious is not None and suspicious.any():
        star = ax.scatter(
            x[suspicious],
            y[suspicious] - 0.34,
            s=70,
            marker="*",
            color=OKABE_ITO["vermillion"],
            edgecolors="black",
            linewidths=0.4,
            zorder=4.5,
        )
        star.set_gid("scr-suspicious")
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="*",
                ms=9,
                color=OKABE_ITO["vermillion"],
                mec="black",
                mew=0.4,
                label="Suspicious injury",
            )
        )

    # --- events by group ---------------------------------------------------------------------
    for key, (label, marker, colour) in GROUP_STYLES.items():
        mask = (group == key) & ~aggregated
        if not mask.any():
            continue
        pts = ax.scatter(
            x[mask],
            yd[mask],
            marker=marker,
            s=46 if marker != "." else 90,
            color=colour,
            edgecolors="black" if key != "supervision" else "white",
            linewidths=0.5,
            zorder=3,
            label=label,
        )
        pts.set_gid(f"scr-events-{key}")
        handles.append(pts)

    # --- how many events a stack holds, where its markers overlap ---------------------------------
    big = stacked >= _STACK_LABEL_FROM
    if big.any():
        at = pd.DataFrame({"lane": lane_i[big], "x": x[big], "n": stacked[big]})
        cell = np.floor((at["x"] - lo) / ((hi - lo) / _STACK_CELLS)).astype(np.int64)
        tops = at.groupby([at["lane"], cell]).agg(x=("x", "max"), n=("n", "first"))
        lanes_at = tops.index.get_level_values(0).to_numpy(dtype=np.float64)
        for lane, right, n in zip(lanes_at, tops["x"], tops["n"], strict=True):
            ax.annotate(
                f"{int(n)}",
                (float(right), float(lane)),
                xytext=(6, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=7,
                color="#333333",
                zorder=5,
                gid="scr-stack-count",
            )

    # --- findings ------------------------------------------------------------------------------
    if findings is not None:
        handles.extend(_draw_findings(ax, findings_frame(findings), lane_of))

    format_date_axis(ax, lo, hi)
    _compress_quiet_stretches(ax, np.concatenate([t0, t1]), lo, hi)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#dddddd", lw=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize="small",
        frameon=False,
        borderaxespad=0.0,
    )
    return ax


#: a stretch with no events this long (days), and this share of the whole span or more, is
#: drawn compressed (a broken axis) with a note of its length
_QUIET_DAYS: Final = 365.0
_QUIET_SHARE: Final = 0.3
#: the width a compressed stretch keeps, as a share of the width the rest of the axis takes
_QUIET_WIDTH: Final = 0.06


def _quiet_stretches(times: FloatArray, lo: float, hi: float) -> list[tuple[float, float]]:
    """The long stretches of the axis with no event in them: ``[(start, end), ...]`` (the
    days from the last event before to the first after)."""
    days = np.unique(times[np.isfinite(times)])
    if len(days) < 2:
        return []
    gap = np.diff(days)
    long = np.flatnonzero((gap >= _QUIET_DAYS) & (gap >= _QUIET_SHARE * (hi - lo)))
    return [(float(days[i]), float(days[i + 1])) for i in long.tolist()]


def _compress_quiet_stretches(ax: Axes, times: FloatArray, lo: float, hi: float) -> None:
    """Draw a long stretch with no events (a case quiet for years) narrow, as a panel's
    printed timeline breaks its axis: the events either side keep the width, and the
    stretch is marked with a hatched band, "//" on the axis and a note of how long it was
    ("No events recorded: 4 years 2 months")."""
    quiet = _quiet_stretches(times, lo, hi)
    if not quiet:
        return
    margin = max((hi - lo) * 0.01, 1.0)
    stretches = [(a + margin, b - margin) for a, b in quiet]
    busy = (hi - lo) - sum(b - a for a, b in stretches)
    width = max(busy * _QUIET_WIDTH, 1.0)
    knots_in = [lo - 1e6]
    knots_out = [lo - 1e6]
    shift = 0.0
    for a, b in stretches:
        knots_in += [a, b]
        knots_out += [a - shift, a - shift + width]
        shift += (b - a) - width
    knots_in.append(hi + 1e6)
    knots_out.append(hi + 1e6 - shift)
    xin, xout = np.asarray(knots_in), np.asarray(knots_out)

    def forward(values: Any) -> Any:
        return np.interp(values, xin, xout)

    def inverse(values: Any) -> Any:
        return np.interp(values, xout, xin)

    from matplotlib.ticker import Locator

    class _Outside(Locator):  # the ticks of ``inner`` outside the compressed stretches
        def __init__(self, inner: Locator) -> None:
            self.inner = inner

        def __call__(self) -> Any:
            self.inner.set_axis(self.axis)
            ticks = np.asarray(self.inner())
            inside = np.zeros(len(ticks), dtype=bool)
            for a, b in stretches:
                inside |= (ticks > a - margin) & (ticks < b + margin)
            return ticks[~inside]

    ax.set_xscale("function", functions=(forward, inverse))
    # ticks as for a case as long as the events' own time (the years between left out)
    format_date_axis(ax, lo, lo + busy)
    ax.xaxis.set_major_locator(_Outside(ax.xaxis.get_major_locator()))
    minor = ax.xaxis.get_minor_locator()
    if not isinstance(minor, Locator) or type(minor).__name__ != "NullLocator":
        ax.xaxis.set_minor_locator(_Outside(minor))
    ax.set_xlim(lo, hi)
    for a, b in stretches:
        band = ax.axvspan(a, b, facecolor="white", edgecolor="#999999", hatch="//", lw=0.0)
        band.set_alpha(0.9)
        band.set_zorder(1.8)
        band.set_gid("scr-quiet")
        years, months = divmod(round((b - a + 2 * margin) / 30.44), 12)
        length = " ".join(
            f"{n} {unit}{'s' if n != 1 else ''}"
            for n, unit in ((years, "year"), (months, "month"))
            if n
        )
        note = ax.text(
            (a + b) / 2,
            0.5,
            f"No events recorded: {length or 'under a month'}",
            transform=ax.get_xaxis_transform(),
            rotation=90,
            ha="center",
            va="center",
            fontsize="small",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            zorder=5,
        )
        note.set_gid("scr-quiet-note")
        for at in (a, b):  # the break on the axis: "//"
            ax.text(
                at,
                0.0,
                "/",
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="center",
                fontsize="large",
                clip_on=False,
                zorder=6,
            )


def _findings_offsets(
    lane: FloatArray, start: FloatArray, stop: FloatArray, ok: npt.NDArray[np.bool_]
) -> FloatArray:
    """Offset under its lane of each finding's bar: findings overlapping in time in one lane
    go on separate tracks (first free track, greedy by start), so that a missing, a late and a
    gap finding of the same weeks are not drawn over one another. With more findings at once
    than :data:`_FINDING_TRACKS`, a bar shares the track that frees up first.
    """
    offsets = np.full(len(lane), _FINDING_TRACK_Y[0])
    if not ok.any():
        return offsets
    # The end of each bar with its minimum drawn length and a gap of about a pixel column.
    stop = np.fmax(np.where(np.isnan(stop), start, stop), start + 0.5)
    idx = np.flatnonzero(ok)
    idx = idx[np.lexsort((start[idx], lane[idx]))]
    free: dict[float, FloatArray] = {}
    span = float(np.nanmax(stop[idx]) - np.nanmin(start[idx])) or 1.0
    margin = span / _BINS
    for i in idx.tolist():
        ends = free.setdefault(float(lane[i]), np.full(_FINDING_TRACKS, -np.inf))
        open_ = np.flatnonzero(ends < start[i])
        track = int(open_[0]) if open_.size else int(np.argmin(ends))
        ends[track] = stop[i] + margin
        offsets[i] = _FINDING_TRACK_Y[track]
    return offsets


def _draw_findings(ax: Axes, frame: pd.DataFrame, lane_of: dict[str, int]) -> Iterable[Any]:
    """Trigger-to-deadline bars under the lane of the agency expected to act."""
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    handles: list[Any] = []
    if frame.empty:
        return handles
    agency = frame["agency"].astype("object")
    lane = agency.map(lane_of)
    trig = to_num(frame["trigger_start"])
    due = to_num(frame["due"])
    observed = to_num(frame["observed_start"])
    status = frame["status"].astype("object").to_numpy()
    ok = lane.notna().to_numpy() & ~np.isnan(trig) & ~np.isnan(due)
    lane_y: FloatArray = np.asarray(lane.to_numpy(dtype=float, na_value=np.nan), dtype=np.float64)
    y = lane_y + _findings_offsets(lane_y, trig, np.fmax(due, observed), ok)
    colour = OKABE_ITO["vermillion"]
    for key, (style, label) in _FINDING_STYLES.items():
        mask = ok & (status == key)
        if not mask.any():
            continue
        segs = [
            [(a, b), (max(c, a + 0.5), b)]
            for a, c, b in zip(trig[mask], due[mask], y[mask], strict=True)
        ]
        bars = LineCollection(
            segs, colors=colour, linewidths=3.0, linestyles=style, alpha=0.85, zorder=3.5
        )
        bars.set_gid(f"scr-findings-{key}")
        ax.add_collection(bars)
        handles.append(Line2D([], [], color=colour, lw=3.0, ls=style, label=label))
    late = ok & (status == "late") & ~np.isnan(observed)
    if late.any():
        tails = LineCollection(
            [[(a, b), (c, b)] for a, c, b in zip(due[late], observed[late], y[late], strict=True)],
            colors=colour,
            linewidths=0.8,
            alpha=0.6,
            zorder=3.4,
        )
        tails.set_gid("scr-findings-late-tail")
        ax.add_collection(tails)
        handles.append(Line2D([], [], color=colour, lw=0.8, label="Deadline to late action"))
    return handles
