"""Plain-English sentences for findings, one a reviewer could paste into a report.

A rule may give its own ``summary`` template in the rulebook; otherwise the default for
its kind and status below is used. Templates are :meth:`str.format` strings over these
fields:

=================  ==============================================================
field              value
=================  ==============================================================
``What``/``what``  the rule's ``what`` (with ``{injuries}``, ``{age}``), capitalised or not
``by``             the trigger's organisation as written, else its agency's label
``date``           the trigger's date, "9 April 2007"; a date not known to the day as
                   written, "a date written as 'w/c 12/03/2007'"
``due``            the deadline day
``expected``       the rule's ``expected_label``
``observed_date``  the date of the first matching action (late findings)
``delay``          how late, with its unit: working days ("2 working days") for a window
                   in working days, calendar days after the deadline ("4 days") for one
                   in days, weeks or months
``more``           ", and N more such events in the same window" or ""
``count``          how many events a cluster holds (accumulation)
``counted``        a cluster's events counted by the rule's ``tally`` ("2 appointments
                   the child was not brought to and 1 home visit that reached no one"),
                   else ``count`` and ``what`` ("3 concerns")
``first_date``     the first event of a cluster
``last_date``      the last event of a cluster (later than ``date``, the ``count``-th's,
                   when events that followed by the deadline joined it)
``called``         the name a response rule's ``tally`` gives its trigger ("case closure",
                   "suspicious injury ({injuries}, {child_aged}), known to children's social
                   care,"); ``Called`` capitalised
``missing``        the groups an event did not involve (involvement)
``state``          the state's label (cadence)
``gap``            the length of a gap, with its unit (cadence)
``window``         the rule's window in words ("28 days"; a cadence rule's first window
                   for its first gap)
``first``          " for the first" for a cadence rule's first gap when it has a
                   ``first_window`` ("at most 3 months allowed for the first"), else ""
``until``          how a gap ended (cadence); whether an expected event came after the
                   deadline, "the first was on 24 April 2007" (accumulation); "none
                   recorded before the chronology ends", or before the rule's next trigger
                   with ``until_next``, "none recorded before the next domestic abuse
                   incident on 3 February 2012" (response, missing)
``citation``       the rule's short citation
=================  ==============================================================

Examples
--------
>>> uk_date(pd.Timestamp("2007-04-09 19:20"))
'9 April 2007'
>>> injury_words(("bruise", "head_injury"))
'bruising, head injury'
"""

from __future__ import annotations

import datetime as dt
import locale
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import schema as S

__all__ = ["DEFAULT_TEMPLATES", "age_words", "injury_words", "render", "uk_date"]

#: Default sentence per (kind, status).
DEFAULT_TEMPLATES: Final[dict[tuple[str, str], str]] = {
    ("response", "missing"): (
        "{What} recorded by {by} on {date}: no {expected} by {due}; {until}{more} ({citation})."
    ),
    ("response", "late"): (
        "{What} recorded by {by} on {date}: no {expected} by {due}; the first was on "
        "{observed_date}, {delay} late{more} ({citation})."
    ),
    ("precedence", "missing"): (
        "{What} recorded by {by} on {date}: no {expected} recorded on or before that day "
        "({citation})."
    ),
    ("cadence", "gap"): (
        "While {state}, no {expected} for {gap} after {date} (at most {window} allowed{first}, "
        "so due by {due}); {until} ({citation})."
    ),
    ("accumulation", "missing"): (
        "{counted} between {first_date} and {last_date}: no {expected} by {due}; {until} ({citation})."
    ),
    ("involvement", "missing"): (
        "{What} recorded by {by} on {date} did not involve {missing} ({citation})."
    ),
}

_INJURY_WORDS: Final = {
    "bruise": "bruising",
    "black_eye": "black eye",
    "head_injury": "head injury",
}


def uk_date(when: object, precision: object = "day", written: object = None) -> str:
    """A date the way a UK report writes it ("9 April 2007"); as written when not a day.

    Examples
    --------
    >>> uk_date(pd.Timestamp("2016-03-01"), "month", "March 2016")
    'March 2016'
    """
    if when is None or _missing(when):
        return "an unknown date"
    if precision not in ("day", "minute", None) and isinstance(written, str) and written:
        return written
    stamp = pd.Timestamp(when)  # type: ignore[arg-type]
    return f"{stamp.day} {stamp:%B %Y}"


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def injury_words(kinds: Sequence[str] | None) -> str:
    """Injury kinds in words ("bruising, fracture"); "kind not recorded" when none is named
    (an injury the text calls 'NAI' or 'injuries' without saying what they were).

    Examples
    --------
    >>> injury_words(("other",)), injury_words(()), injury_words(("bruise", "other"))
    ('kind not recorded', 'kind not recorded', 'bruising, other injury')
    """
    named = [k for k in kinds or () if k != "other"]
    if not named:
        return "kind not recorded"
    words = [_INJURY_WORDS.get(k, k.replace("_", " ")) for k in named]
    return ", ".join(words + (["other injury"] if len(named) < len(kinds or ()) else []))


def _fewest_days_in_months(most: int) -> npt.NDArray[np.int64]:
    """``out[n]``: the fewest days ``n`` whole calendar months can span (from the first of
    any month, over 1901-2099, where every fourth year is a leap year): 28 for one month
    (February), 59 for two, 365 for twelve, 730 for twenty-four."""
    years = np.arange(1901, 2100)
    leap = (years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0))
    lengths = np.tile(np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]), len(years))
    lengths[1::12] += leap
    total = np.concatenate([[0], np.cumsum(lengths)])
    return np.array(
        [0] + [int((total[n:] - total[:-n]).min()) for n in range(1, most + 1)], dtype=np.int64
    )


#: The fewest days of 0..240 whole calendar months (ages up to 20 years).
_MONTH_DAYS: Final = _fewest_days_in_months(240)


def age_words(age_days: object) -> str:
    """A child's age as a report gives it, from the age in days.

    Days under two weeks, weeks under 13 weeks (as clinicians write 8/52), months under two
    years, then years (and months under five). Only days are known, not the date of birth, so
    months are the most whole calendar months the days can hold: 59 days can be two months
    (2 February to 2 April), 365 days twelve; an age is never told short of a month it may
    have reached.

    Examples
    --------
    >>> age_words(10), age_words(59), age_words(91), age_words(365), age_words(400)
    ('10 days', '8 weeks', '3 months', '12 months', '13 months')
    >>> age_words(730), age_words(830), age_words(2200), age_words(None)
    ('2 years', '2 years 3 months', '6 years', 'age not known')
    """
    if age_days is None or _missing(age_days):
        return "age not known"
    days = int(age_days)  # type: ignore[call-overload]
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 91:
        return f"{days // 7} weeks"
    months = int(np.searchsorted(_MONTH_DAYS, days, side="right")) - 1
    if months < 24:
        return f"{months} months"
    if months == len(_MONTH_DAYS) - 1:  # beyond the table: not a child's age
        return f"{days // 365} years"
    years, rest = divmod(months, 12)
    if years >= 5 or rest == 0:
        return f"{years} years"
    return f"{years} years {rest} month{'s' if rest != 1 else ''}"


def child_aged_words(age_days: object) -> str:
    """The child's age as a clause: "child aged 13 months", or "child's age not known".

    Examples
    --------
    >>> child_aged_words(400), child_aged_words(None)
    ('child aged 13 months', "child's age not known")
    """
    if age_days is None or _missing(age_days):
        return "child's age not known"
    return f"child aged {age_words(age_days)}"


def party_label(code: str) -> str:
    """An agency's readable label (family members and unknown codes as they are)."""
    return S.AGENCY_LABELS.get(code, code)


#: Words of an agency's label too common to say which agency an organisation is.
_LABEL_STOPWORDS: Final = frozenset({"care", "sector", "services", "service", "health", "and"})


def recorder(organisation: object, agency: object) -> str:
    """Who recorded an event, as a finding's sentence names them: the organisation as
    written when it says what kind of agency it is, else the agency and the organisation,
    so that a team or a place read from the chronology is not taken for an agency.

    >>> recorder("Riverside Hospital", "hospital"), recorder("Met Police CAIT", "police")
    ('Riverside Hospital', 'Met Police CAIT')
    >>> recorder("Referral and Assessment", "csc"), recorder("Elm Road Surgery", "gp")
    ("Children's social care (Referral and Assessment)", 'GP (Elm Road Surgery)')
    >>> recorder(None, "health_visiting"), recorder("Riverside Trust", "other")
    ('Health visiting', 'Riverside Trust')

    An organisation written as the agency's initials or a short form of its name is the
    agency ("CSC", "Paeds"), not a team or place to name beside it:

    >>> recorder("CSC", "csc"), recorder("Paeds", "paediatrics"), recorder("Radiology", "hospital")
    ("Children's social care", 'Paediatrics', 'Hospital (Radiology)')
    """
    label = party_label(str(agency))
    if not isinstance(organisation, str) or not organisation.strip():
        return label
    org = organisation.strip()
    if agency not in S.AGENCY_LABELS or agency == "other":
        return org
    if _short_for(org, label):
        return label
    words = {w for w in label.casefold().replace("/", " ").split() if w not in _LABEL_STOPWORDS}
    said = set(org.casefold().replace("/", " ").replace("-", " ").split())
    if words & said or org.casefold() == label.casefold():
        return org
    return f"{label} ({org})"


def _short_for(org: str, label: str) -> bool:
    """Whether ``org`` is written as ``label``'s initials ("CSC" for "Children's social
    care") or a short form of a one-word label ("Paeds" for "Paediatrics")."""
    short = org.casefold().replace(".", "").replace("&", "").replace(" ", "")
    words = label.casefold().replace("/", " ").split()
    if len(words) > 1 and short == "".join(w[0] for w in words):
        return True
    stem = short[:-1] if short.endswith("s") else short
    return len(words) == 1 and len(stem) >= 4 and words[0].startswith(stem)


def date_words(when: object, precision: object = "day", written: object = None) -> str:
    """An event's date as a finding's sentence gives it after "on" or "after": the day
    ("9 April 2007"), or a date not known to the day as written, said to be so ("a date
    written as 'w/c 12/03/2007'": "recorded by Police on w/c 12/03/2007" does not read).

    Examples
    --------
    >>> date_words(pd.Timestamp("2007-03-12"), "week", "w/c 12/03/2007")
    "a date written as 'w/c 12/03/2007'"
    >>> date_words(pd.Timestamp("2007-04-09 10:00"), "minute", "09/04/2007 10:00")
    '9 April 2007'
    """
    text = uk_date(when, precision, written)
    if when is None or _missing(when) or precision in ("day", "minute", None):
        return text
    return written_as(text) if isinstance(written, str) and text == written else text


def written_as(text: str) -> str:
    """ "a date written as '...'" for a date as written."""
    return f"a date written as '{text}'"


def event_fields(row: Mapping[str, Any]) -> dict[str, str]:
    """Template fields describing one event: ``by``, ``date``, ``injuries`` and ``age``."""
    by = recorder(row.get(S.ORGANISATION), row.get(S.AGENCY))
    kinds = row.get(S.INJURY_KINDS)
    return {
        "by": str(by),
        "date": date_words(row.get(S.START), row.get(S.PRECISION), row.get(S.DATE_TEXT)),
        "injuries": injury_words(tuple(kinds) if isinstance(kinds, tuple | list) else ()),
        "age": age_words(row.get(S.CHILD_AGE_DAYS)),
        "child_aged": child_aged_words(row.get(S.CHILD_AGE_DAYS)),
    }


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, fields: Mapping[str, str]) -> str:
    """Fill a template; unknown fields are left as written rather than failing.

    Examples
    --------
    >>> render("{What} on {date} {nope}", {"What": "Referral", "date": "1 May 2007"})
    'Referral on 1 May 2007 {nope}'
    """
    return template.format_map(_Fields(fields))


# --- whole columns at once ---------------------------------------------------------------------
#: A template field for many findings: one text for all, or one text per finding.
Column = str | npt.NDArray[np.object_]

_FORMATTER: Final = string.Formatter()


def per_unique(values: npt.ArrayLike, fn: Callable[[Any], object]) -> npt.NDArray[np.object_]:
    """``fn`` of each value, computed once per distinct value (missing values included).

    Examples
    --------
    >>> per_unique(np.array([3, 1, 3]), lambda v: f"<{v}>").tolist()
    ['<3>', '<1>', '<3>']
    """
    arr = np.asarray(values) if not isinstance(values, pd.api.extensions.ExtensionArray) else values
    out = np.empty(len(arr), dtype=object)
    if len(arr) == 0:
        return out
    if isinstance(arr, np.ndarray) and arr.dtype.kind in "iub":
        found, inverse = np.unique(arr, return_inverse=True)
        out[:] = np.array([fn(v) for v in found.tolist()] + [None], dtype=object)[inverse]
        return out
    codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    texts = np.empty(len(uniques) + 1, dtype=object)
    texts[: len(uniques)] = [fn(u) for u in np.asarray(uniques, dtype=object)]
    missing = codes < 0
    if missing.any():
        texts[-1] = fn(arr[int(np.flatnonzero(missing)[0])])
    out[:] = texts[codes]
    return out


def uk_dates(days: npt.ArrayLike) -> npt.NDArray[np.object_]:
    """:func:`uk_date` of each day (``datetime64``): each distinct month is named once.

    Examples
    --------
    >>> uk_dates(np.array(["2007-04-09", "NaT"], dtype="datetime64[D]")).tolist()
    ['9 April 2007', 'an unknown date']
    """
    day = np.asarray(days).astype("datetime64[D]")
    unknown = np.isnat(day)
    month = day.astype("datetime64[M]")
    of_month = (day - month.astype("datetime64[D]")).astype(np.int64) + 1
    of_month[unknown] = 0
    months, codes = np.unique(month.view(np.int64), return_inverse=True)
    named = _MONTH_NAMES.setdefault(locale.setlocale(locale.LC_TIME), {})
    names = np.array(
        [named.get(m) or named.setdefault(m, _month_year(m)) for m in months.tolist()] + [""],
        dtype=object,
    )
    out: npt.NDArray[np.object_] = _DAY_OF_MONTH[of_month] + names[codes]
    out[unknown] = "an unknown date"
    return out


def _month_year(month: int) -> str:
    """ "April 2007" for a ``datetime64[M]`` as an integer (as ``uk_date`` writes it)."""
    if month == _NAT:
        return ""
    year, index = divmod(month, 12)
    if 1 <= year + 1970 <= 9999:
        return dt.date(year + 1970, index + 1, 1).strftime("%B %Y")
    return f"{pd.Timestamp(np.int64(month).view('datetime64[M]')):%B %Y}"


_NAT: Final = int(np.datetime64("NaT").view(np.int64))
#: "April 2007" per month, per time locale (strftime's month names follow LC_TIME).
_MONTH_NAMES: Final[dict[str, dict[int, str]]] = {}
_DAY_OF_MONTH: Final = np.array([f"{d} " for d in range(32)], dtype=object)


def _plain(name: str | None) -> bool:
    return bool(name) and name.isidentifier()  # type: ignore[union-attr]


def fill(template: str, fields: Mapping[str, Column], n: int) -> Column:
    """:func:`render` for ``n`` findings at once: each field is one text or ``n`` texts.

    Plain ``{name}`` templates are assembled column by column; a template with a
    conversion, a format spec or an indexed field is rendered finding by finding, with
    exactly :func:`render`'s result.

    Examples
    --------
    >>> fill("{a} and {b} {c}", {"a": "x", "b": np.array(["1", "2"], dtype=object)}, 2).tolist()
    ['x and 1 {c}', 'x and 2 {c}']
    """
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError:
        return _fill_rows(template, fields, n)
    out: Column = ""
    for literal, name, spec, conversion in parsed:
        if literal:
            out = out + literal
        if name is None:
            continue
        if not _plain(name) or spec or conversion is not None:
            return _fill_rows(template, fields, n)
        out = out + fields.get(name, "{" + name + "}")
    return out


def _fill_rows(template: str, fields: Mapping[str, Column], n: int) -> npt.NDArray[np.object_]:
    out = np.empty(n, dtype=object)
    for i in range(n):
        row = {k: v if isinstance(v, str) else str(v[i]) for k, v in fields.items()}
        out[i] = render(template, row)
    return out


def take(column: Column, index: npt.NDArray[np.int64]) -> Column:
    """The texts of some findings (a single text stays as it is)."""
    return column if isinstance(column, str) else column[index]
