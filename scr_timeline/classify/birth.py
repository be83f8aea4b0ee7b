"""The child's date of birth from the chronology itself, when nobody gave it.

Without a date of birth the age-based rules are off: bruising in a baby who is not yet
mobile is suspicious because of the child's age, and a chronology read without
``child_dob=`` (``--child-dob``) would never say so. Most chronologies carry the date of
birth somewhere, in one of three ways, taken in this order:

1. a title line that states it: "Child A (DOB 01/03/2006): combined chronology";
2. rows that state it: "Child A, D.O.B. 01.03.06, registered with the practice";
3. the birth itself, recorded as an event: "Child A born at Riverside Hospital by normal
   delivery" (the row's own date is the birth date; the row's date must be exact to the day).

A statement about someone else is not the child's ("Mother (DOB 12/05/1985)", "sibling born
2004", "unborn baby", "pre-birth assessment", "baby due 01/03/2006"). When the places of one
kind disagree (two different dates), nothing is taken from that kind: a reviewer must say
which. What was taken, and where from, is reported by the caller as a warning.

Examples
--------
>>> import pandas as pd
>>> from scr_timeline.testing import make_events
>>> events = make_events(
...     start=["01/03/2006", "14/03/2006"],
...     agency=["midwifery", "health_visiting"],
...     details=["Child A born at 39 weeks by normal delivery", "New birth visit"])
>>> found = find_child_dob(events)
>>> found.dob, found.how, found.text
(Timestamp('2006-03-01 00:00:00'), 'birth', 'Child A born at 39 weeks by normal delivery')
>>> find_child_dob(events, titles=["Chronology: Child A (DOB 02/03/2006)"]).dob
Timestamp('2006-03-02 00:00:00')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S
from ..exceptions import ScrTimelineError

if TYPE_CHECKING:
    from ..chronology import Chronology, ChronologyMeta

__all__ = ["CHILD_DOB_INFERRED", "DobFound", "child_dob_of", "dob_note", "find_child_dob"]

#: A date written with a day, month and year ("01/03/2006", "1.3.06", "1st March 2006").
_DATE: Final = (
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[./-]\s*|\s+(?:of\s+)?)"
    r"(?:\d{1,2}|[A-Za-z]{3,9}\.?)(?:\s*[./-]\s*|,?\s+)(?:\d{4}|\d{2})(?!\d)"
)
#: "DOB 01/03/2006", "D.O.B.: 1.3.06", "date of birth - 1 March 2006", "born on 01/03/2006".
_STATEMENT: Final = (
    r"(?<![\w.])(?:d\s?\.?\s?o\s?\.?\s?b\b\.?|date\s+of\s+birth(?:\s+(?:is|was))?"
    # "born on", and "born at St Elsewhere Hospital on", "born prematurely at 32 weeks on":
    # up to 7 words before "on", none of them the start of another clause ("born in 2019
    # and seen on 12/03/2020" states no date of birth)
    r"|born(?:\s+on|(?:\s+(?!(?:and|but|then|seen|was|were|when|who|had|has|is)\b)[\w'+-]+)"
    r"{1,7}?\s+on)?)"
    rf"\s*[:=\-–]?\s*\(?\s*(?P<date>{_DATE})"
)
#: What a row must hold to be read closely for either (RE2, over whole columns at once).
_MENTIONS_BIRTH: Final = r"born|birth|deliver|d\.?\s?o\.?\s?b|nvd|svd|lscs|live\s+(?:male|female)"
#: A row about a child already born, and one about a pregnancy (RE2, whole columns).
_A_CHILD: Final = (
    r"\b(?:child\s+[a-z]|cx|yp|the\s+child|the\s+baby|baby\s+[a-z])\b"
    r".{0,60}\b(?:seen|weighed|immuni[sz]|vaccin|bruis|injur|mark|attended|crying|fed|feeding"
    r"|asleep|nursery|school)"
)
_PREGNANCY: Final = (
    r"antenatal|ante-natal|pregnan|booking|scan|unborn|pre-?birth|\bedd\b|gestation|\bdue\b"
    r"|expect|midwi|delivery\s+plan|birth\s+plan"
)
#: :data:`_STATEMENT` as RE2 (no look-behind) for a first pass over whole columns.
_STATEMENT_RE2: Final = (
    r"(?:d\s?\.?\s?o\s?\.?\s?b\b\.?|date\s+of\s+birth(?:\s+(?:is|was))?"
    r"|born(?:\s+on|(?:\s+[\w'+-]+){1,7}?\s+on)?)\s*[:=\-–]?\s*\(?\s*\d"
)
#: Who the child is in a sentence about a birth.
_CHILD: Final = (
    r"(?:child\s+[a-z]\b|(?:the\s+)?(?:baby|infant|child|subject\s+child|newborn)(?:\s+[a-z]\b)?"
    r"|cx|yp)"
)
#: A row recording the birth: "Child A born", "birth of Child A", "Mother gave birth to
#: Child A", "Born at 39 weeks", "Baby delivered by emergency caesarean".
_BIRTH: Final = (
    rf"\b{_CHILD}\s+(?:was\s+|is\s+)?(?:born|delivered)\b"
    rf"|\bbirth\s+of\s+(?:{_CHILD}|a\s+(?:baby\s+|live\s+)?(?:boy|girl|son|daughter))"
    r"|\b(?:mother|mum|mo|ms\s+[a-z]\b)\s+(?:gave\s+birth|delivered|was\s+delivered)\b"
    r"|\blive\s+birth\b|\blive\s+(?:male|female)\s+(?:infant|baby|neonate)\b"
    r"|^\W*(?:born\b|birth\s*[:\-–])"
    # a midwife's entry opening with the delivery: "Delivered by LSCS. Baby girl 3.2kg",
    # "NVD - live male infant" (not "Delivered leaflet to Mother")
    r"|^\W*(?:delivered\s+(?:by|at|via|in|on)\b|(?:nvd|svd|lscs)\b|emergency\s+(?:lscs|c-?section"
    r"|caesarean)\b)"
)
#: After a birth phrase, the year or month it happened in ("Child A was born in 2005 and
#: seen by the GP", "born at home in March 2005"): a row telling of the birth, not
#: recording it on its own date.
_BORN_THEN: Final = (
    r"^\W*(?:[\w'-]+\s+){0,4}?(?:in|during)\s+"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b"
)
#: Words that make a sentence about someone else's birth, or one still to come.
_NOT_THE_CHILD: Final = (
    r"\b(?:mother|mum|father|dad|partner|boyfriend|girlfriend|sibling|siblings|brother|sister"
    r"|half|step\w*|grand\w*|uncle|aunt|cousin|nephew|niece|twin|older|younger|previous"
    r"|first|second|third|other|mr|mrs|ms|miss|adult|carer|friend|lodger|lodgers|parent"
    r"|parents)\b"
)
#: Words that make a birth another child's wherever they stand in its sentence.
_ANOTHER_CHILD: Final = (
    r"\b(?:sibling|siblings|sib|sibs|brother|sister|half|twin|cousin|nephew|niece"
    r"|older|younger|previous)\b"
)
_NOT_YET: Final = (
    r"\b(?:unborn|pre-?\s?birth|antenatal|ante-natal|booking|due|edd|expected|expecting"
    r"|will\s+be|to\s+be|planned|plan|if|when|until|after\s+the\s+birth|following\s+(?:the\s+)?birth"
    r"|pregnan\w*|still\s?birth|stillborn|miscarr\w*|termination)\b"
)
#: Words before a stated date of birth that make it one still to come ("unborn baby, DOB
#: expected 01/03/2006"). Narrower than :data:`_NOT_YET`, and only before the statement: a
#: stated date is a fact, whatever the rest of its sentence plans ("Child C (DOB
#: 14/05/2006) made subject to a CP plan", "to be seen when ...").
_NOT_YET_STATED: Final = (
    r"\b(?:unborn|pre-?\s?birth|antenatal|ante-natal|due|edd|expected|expecting|pregnan\w*)\b"
)
#: Where a sentence ends: a statement's or a birth's words are read within their own.
_SENTENCE: Final = r"[.;!?\n]\s|\n"


@functools.cache
def _re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled (ignoring case) on first use: most reads never need them, and
    compiling them all took every process that imports the readers about 7 ms."""
    return re.compile(pattern, re.IGNORECASE)


class DobFound(NamedTuple):
    """A date of birth found in the chronology, and where."""

    dob: pd.Timestamp
    how: str  # "title", "statement" or "birth"
    text: str  # the title line or the row's text it was read from
    source_file: str | None = None
    source_sheet: str | None = None
    source_row: int | None = None

    def describe(self) -> str:
        """Where it was found, as a person would say it."""
        if self.how == "title":
            return f"the title {self.text!r}"
        where = [
            f"{name} {value}"
            for name, value in (("sheet", self.source_sheet), ("row", self.source_row))
            if value is not None
        ]
        place = " ".join(filter(None, [self.source_file, ", ".join(where)]))
        kind = "the birth recorded" if self.how == "birth" else "the date of birth stated"
        return f"{kind} in {place or 'a row'}: {_quote(self.text)}"


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line) of ``text`` holding ``text[start:end]`` begins and ends."""
    begin = 0
    for m in _re(_SENTENCE).finditer(text, 0, start):
        begin = m.end()
    stop = _re(_SENTENCE).search(text, end)
    return begin, stop.start() if stop else len(text)


def _about_someone_else(
    text: str, start: int, end: int, *, after: bool = False, stated: bool = False
) -> bool:
    """Whether the words before ``text[start:end]`` in its sentence (and after it, with
    ``after``) make it about another person, or about a birth still to come (for a
    ``stated`` date of birth, only the words before it can say so)."""
    begin, stop = _sentence_bounds(text, start, end)
    before = text[max(begin, start - 40) : start]
    if stated:
        not_yet = _re(_NOT_YET_STATED).search(text[begin:start])
    else:
        not_yet = _re(_NOT_YET).search(text[begin:stop])
    return bool(
        _re(_NOT_THE_CHILD).search(before)
        or (after and _re(_NOT_THE_CHILD).search(text[end:stop]))
        or not_yet
    )


def _stated(text: str) -> list[pd.Timestamp]:
    """The child's dates of birth a text states (a statement about someone else is not)."""
    from ..dates import parse_date

    found = []
    for m in _re(_STATEMENT).finditer(text):
        if _about_someone_else(text, m.start(), m.start(), stated=True):  # "Mother (DOB ...)"
            continue
        try:
            start, _end, precision = parse_date(m.group("date"))
        except ScrTimelineError:
            continue
        if precision in ("minute", "day"):
            found.append(start.normalize())
    return found


def _is_birth(text: str) -> bool:
    """Whether a row's text records the child's birth (not a brother's or sister's:
    "Baby born (sibling of Child A)", "Child B born - younger brother of Child A")."""
    for m in _re(_BIRTH).finditer(text):
        # "Mother gave birth to her son": the words after it say whose birth it was
        mother = m.group(0).lower().startswith(("mother", "mum", "ms"))
        if _about_someone_else(text, m.start(), m.end(), after=mother):
            continue
        begin, stop = _sentence_bounds(text, m.start(), m.end())
        if _re(_BORN_THEN).search(text[m.end() : stop]):
            continue
        if not _re(_ANOTHER_CHILD).search(text[begin:stop]):
            return True
    return False


def _one(found: list[tuple[pd.Timestamp, int]]) -> tuple[pd.Timestamp, int] | None:
    """The first of ``found`` when every one gives the same date, else None."""
    if not found or len({dob for dob, _ in found}) != 1:
        return None
    return found[0]


def find_child_dob(events: pd.DataFrame, *, titles: Iterable[str | None] = ()) -> DobFound | None:
    """The child's date of birth as the chronology states or records it, or None.

    Parameters
    ----------
    events
        A canonical events table (``details``, ``outcome``, ``start``, ``precision`` and the
        source columns are read).
    titles
        Title lines of the chronology and its tables.

    Returns
    -------
    DobFound or None
        None when the chronology says nothing, or when what it says disagrees.
    """
    lines = [str(title) for title in titles if title]
    stated = [(dob, at) for at, line in enumerate(lines) for dob in _stated(line)]
    if stated:
        picked = _one(stated)
        return None if picked is None else DobFound(picked[0], "title", lines[picked[1]])
    if events.empty or S.DETAILS not in events:
        return None
    rows, texts = _rows_about_births(events)
    rows_stated = [(dob, at) for at, text in zip(rows, texts, strict=True) for dob in _stated(text)]
    picked, how = _one(rows_stated), "statement"
    if not rows_stated:
        exact = events[S.PRECISION].isin(["minute", "day"]).to_numpy(bool)
        days = events[S.START].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        births = [
            (pd.Timestamp(days[at]), at)
            for at, text in zip(rows, texts, strict=True)
            if exact[at] and _is_birth(text)
        ]
        picked, how = _one(births), "birth"
        if picked is not None and _child_known_before(events, days, picked[0]):
            picked = None  # a brother's or sister's birth in an older child's chronology
    if picked is None:
        return None
    dob, at = picked
    row = events.iloc[at]
    return DobFound(
        dob,
        how,
        texts[rows.index(at)],
        _text_or_none(row.get(S.SOURCE_FILE)),
        _text_or_none(row.get(S.SOURCE_SHEET)),
        None if pd.isna(row.get(S.SOURCE_ROW)) else int(row[S.SOURCE_ROW]),
    )


def _child_known_before(events: pd.DataFrame, days: np.ndarray, birth: pd.Timestamp) -> bool:
    """Whether a row dated before ``birth`` is about a child already born: then the birth
    recorded is another child's (a younger sibling's in the subject child's chronology).
    Rows before a birth are otherwise about the pregnancy ("antenatal booking", "the baby
    is due in March")."""
    earlier = np.flatnonzero(days < np.datetime64(birth.date(), "D"))
    if not len(earlier):
        return False
    text = pa.array(events[S.DETAILS].iloc[earlier].astype("string").array).fill_null("")
    child = pc.match_substring_regex(text, _A_CHILD, ignore_case=True)
    pregnancy = pc.match_substring_regex(text, _PREGNANCY, ignore_case=True)
    return bool(pc.any(pc.and_(child, pc.invert(pregnancy))).as_py())


def _rows_about_births(events: pd.DataFrame) -> tuple[list[int], list[str]]:
    """Positions and text (details, then outcome) of the rows that mention a birth or a
    date of birth at all: one Arrow pass per column, so that only those few are read
    closely."""
    columns = [events[c] for c in (S.DETAILS, S.OUTCOME) if c in events]
    arrays = [pa.array(c.astype("string").array) for c in columns]
    hit = np.zeros(len(events), dtype=bool)
    for array in arrays:
        # a quick look for the words, then the patterns (as RE2 writes them) on those only
        maybe = np.flatnonzero(_matches(array, _MENTIONS_BIRTH))
        if len(maybe):
            few = array.take(pa.array(maybe))
            close = pc.or_(
                pc.match_substring_regex(few, _STATEMENT_RE2, ignore_case=True),
                pc.match_substring_regex(few, _BIRTH, ignore_case=True),
            )
            hit[maybe[_true(close)]] = True
    rows = np.flatnonzero(hit).tolist()
    if not rows:
        return [], []
    where = pa.array(rows)
    parts = [array.take(where).to_pylist() for array in arrays]
    texts = ["\n".join(p for p in row if p) for row in zip(*parts, strict=True)]
    return rows, texts


def _matches(array: pa.Array, pattern: str) -> np.ndarray:
    """Per value of ``array``: does ``pattern`` (RE2, ignoring case) occur in it. A column
    of few distinct values (an outcome column: "NFA", "Letter sent") is searched through
    its distinct values only."""
    n = len(array)
    if n >= _DISTINCT_FROM:
        sample = array.take(pa.array(np.linspace(0, n - 1, _SAMPLE, dtype=np.int64)))
        if len(pc.unique(sample)) <= _SAMPLE // 5:
            encoded = pc.dictionary_encode(array)
            if isinstance(encoded, pa.ChunkedArray):
                encoded = encoded.combine_chunks()
            found = _true(pc.match_substring_regex(encoded.dictionary, pattern, ignore_case=True))
            codes = encoded.indices.fill_null(len(found)).to_numpy(zero_copy_only=False)
            return np.append(found, False)[codes]
    return _true(pc.match_substring_regex(array, pattern, ignore_case=True))


#: Columns shorter than this are searched value by value; longer ones are first sampled
#: (``_SAMPLE`` values) to see whether they hold few distinct values.
_DISTINCT_FROM: Final = 20_000
_SAMPLE: Final = 1_000


def _true(mask: pa.Array) -> np.ndarray:
    """An Arrow boolean array as NumPy, nulls False."""
    return np.asarray(mask.fill_null(False), dtype=bool)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


#: Warning code: the date of birth was taken from the chronology (see :func:`child_dob_of`).
CHILD_DOB_INFERRED: Final = S.CHILD_DOB_INFERRED


def child_dob_of(chron: Chronology) -> tuple[ChronologyMeta, list[dict[str, Any]]]:
    """The chronology's metadata with the child's date of birth, and the warning saying
    where it came from when the chronology itself gave it.

    Nothing changes when a date of birth was given (``child_dob=``), when the rows already
    carry the child's age, or when the chronology says nothing (or disagrees with itself).

    Examples
    --------
    >>> from scr_timeline.chronology import Chronology
    >>> from scr_timeline.testing import make_events
    >>> chron = Chronology(make_events(start=["01/03/2006"], details="Child A born at home"))
    >>> meta, notes = child_dob_of(chron)
    >>> meta.child_dob, notes[0]["code"]
    (Timestamp('2006-03-01 00:00:00'), 'child_dob_inferred')
    """
    meta = chron.meta
    events = chron.events
    if meta.child_dob is not None or events[S.CHILD_AGE_DAYS].notna().any():
        return meta, []
    titles = [meta.title, *(source.title for source in meta.sources)]
    found = find_child_dob(events, titles=list(dict.fromkeys(titles)))
    if found is None:
        return meta, []
    return meta.with_changes(child_dob=found.dob), [dob_note(found)]


def dob_note(
    found: DobFound, *, where: str = "", file: str | None = None, sheet: str | None = None
) -> dict[str, Any]:
    """The ``child_dob_inferred`` warning saying where the date of birth ``found`` was
    taken from (``where``: words after it, such as " above the table"; ``file`` and
    ``sheet``: where a title's note is filed)."""
    return {
        S.CODE: CHILD_DOB_INFERRED,
        S.MESSAGE: (
            f"the child's date of birth was taken as {found.dob:%d/%m/%Y} from "
            f"{found.describe()}{where}; the age-based rules count from it (pass child_dob=, "
            "or --child-dob, to give another)"
        ),
        S.SOURCE_FILE: found.source_file or file,
        S.SOURCE_SHEET: found.source_sheet or sheet,
        S.SOURCE_ROW: found.source_row,
    }
