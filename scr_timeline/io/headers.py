"""Find a chronology's header row and map its headings to canonical fields.

Pure functions on cells already read from a file: no IO apart from the shipped heading
table (``scr_timeline/data/headings.csv``), read once through :mod:`importlib.resources`.

The heading table
-----------------
Columns ``heading``, ``field``, ``priority``. ``field`` is one of
:data:`scr_timeline.schema.FIELDS`, or empty for a known heading that maps to nothing
("Date of birth", "Event type"): listing it stops the fuzzy and leading-word passes from
mapping it to something it is not. ``priority`` 1 is a primary heading; 2 is a fallback
("Notes", "Event", "From") that gets its field only when no primary heading claims it.

How headings are matched
------------------------
1. The user's ``columns`` (heading as written -> field) win over everything.
2. Exact match after :func:`normalise_heading`, tried first with bracketed text kept
   ("Date (to)" is end_date) and then with it dropped ("Date (dd/mm/yyyy)" is date).
3. Near misses by edit distance (optimal string alignment, so a swap of two letters is one
   edit), word by word: the heading must have as many words as a known heading, and each
   word may differ by no edit under 5 letters, 1 edit up to 8 letters and 2 beyond, at
   most 2 in all; the nearest known headings must agree on one field. This catches "Date
   of contct", "Detials", "Practioner", "Descripton", but not "Date of birth" -> "Date",
   "Agency involved" -> "Agencies involved" (3 edits) or "Chronology X" -> "Chronology
   No" (a short word changed). Ratio scorers were rejected: ``token_set_ratio`` scores 100
   for "Date of birth" against "Date", ``WRatio`` 90, and ``ratio`` scores "Agency
   involved" 88 against "Agencies involved", about what it gives real typos.
4. A heading of 2 to 4 words with no digits and no linking word ("of", "by", "and",
   ...) is a compound whose last word names it, as case-management systems write them:
   "Case Note Date", "Consultation Date", "Occurrence Date/Time" are date, "Case Note
   Text", "Progress Note", "Investigation Summary" details, "Worker Team" agency (as a
   fallback, like "Team"). The last words counted are listed in ``_TRAILING_WORDS``; a
   heading ending in one the table maps to nothing ("Next Review Date") stays unmapped.
   A date or time heading that names when the entry was kept ("Recorded Date", "Date
   Completed", "Time Entered": ``_RECORDING_WORDS``) is a fallback found this way (or in
   step 3 or 5): the event's own date wins over it, and a recorded time is kept only
   beside a recorded date (never giving the event's date a time it did not have).
5. A heading of up to 6 words whose first word is a primary one-word heading of at
   least 4 letters: "Date of contact / event / incident" is date, "Details of involvement
   with family" is details.

Each field goes to one column: user override first, then lower priority number, then the
better kind of match (exact, near miss, last or first word), then the leftmost column. A column
that loses is left unmapped and reported in :attr:`HeaderInfo.unmapped`.

Examples
--------
>>> map_headings(["Date", "Agency", "Details of contact", "Outcome/Action taken"])
{0: 'date', 1: 'agency', 2: 'details', 3: 'outcome'}
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final, NamedTuple, cast

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline._prebuilt import regex
from scr_timeline.exceptions import ChronologyReadError, EmptyChronologyError, MissingColumnError

__all__ = [
    "FIELD",
    "HEADING",
    "PAGE_FURNITURE",
    "PRIORITY",
    "FormField",
    "HeaderInfo",
    "date_priority",
    "find_header",
    "footer_rows",
    "form_fields",
    "guidance_row",
    "headings_like",
    "is_footer_line",
    "is_form_row",
    "is_key_label",
    "is_repeated_header",
    "load_headings",
    "map_headings",
    "names_child_dob",
    "normalise_heading",
    "numbered_rows",
    "other_date_columns",
    "page_furniture",
    "school_headings",
    "time_cells",
    "year_rows",
]

#: Column of the heading table: the heading as written.
HEADING: Final = "heading"
#: Column of the heading table: the canonical field (empty: a known heading with no field).
FIELD: Final = "field"
#: Column of the heading table: 1 primary, 2 fallback.
PRIORITY: Final = "priority"

_PACKAGE_FILE: Final = "headings.csv"
_FUZZY_MIN_LENGTH: Final = 5  # shorter headings must match exactly
_FUZZY_LONG: Final = 9  # from this length two edits are allowed, below it one
_MAX_EDITS: Final = 2  # in a whole heading
_LEADING_MIN_LETTERS: Final = 4
_LEADING_MAX_WORDS: Final = 6
_GROUP_MAX_LENGTH: Final = 40  # a group heading over a two-row header is short
_SUMMARY_ROWS: Final = 8
_SUMMARY_CELL: Final = 40

# how a heading was matched: lower is better (a last or first word rank alike)
_OVERRIDE, _EXACT, _FUZZY, _LEADING = 0, 1, 2, 3
_TRAILING: Final = _LEADING
_TRAILING_MAX_WORDS: Final = 4
#: Last words (or two) that name a compound heading, mapped as the heading table maps them
#: on their own ("date time" is "Date/Time"). Words that often end headings of other
#: things ("number", "type", "record", "contact") are left out on purpose.
_TRAILING_WORDS: Final = frozenset(
    {
        "date", "dates", "date time", "datetime",
        "time",
        "agency", "organisation", "organization", "service", "department", "team",
        "practitioner", "professional", "worker", "staff", "author", "clinician", "officer",
        "details", "detail", "summary", "description", "narrative", "note", "notes", "text",
        "entry",
        "outcome", "outcomes", "action", "actions", "decision", "decisions",
        "comment", "comments", "analysis", "commentary",
    }
)  # fmt: skip
#: Words that make a date or time heading the moment an entry was kept rather than the
#: moment of the event ("Recorded Date", "Date Completed", "Time Entered", "Last Modified
#: Date"): a case system's export puts them beside the event's date, often left of it.
#: Such a heading found by its first or last word or as a near miss is a fallback
#: (priority 2): it dates the rows only when no other date heading does, and its time
#: goes with its own date alone, never with the event's.
_RECORDING_WORDS: Final = frozenset(
    {
        "recorded", "recording", "entered", "entry", "input", "inputted", "keyed",
        "created", "creation", "modified", "modification", "updated", "amended", "edited",
        "completed", "completion", "authorised", "authorized", "authorisation",
        "authorization", "approved", "approval", "sign", "signed", "signoff", "finalised",
        "finalized", "written", "typed", "uploaded", "scanned", "added", "logged", "saved",
        "locked", "validated", "printed",
    }
)  # fmt: skip
#: One-word headings of the entry's kind kept as its label ("Category": "Physical injury",
#: "Attendance"), whose compounds name the category, not the entry: "Category date",
#: "Category description", "Sub category" are not read by their first or last word.
_LABELS: Final = frozenset({"category", "categories"})
#: Words that make a heading a phrase rather than a compound ("Date of birth").
_LINKING_WORDS: Final = frozenset(
    {"of", "for", "by", "to", "from", "with", "in", "on", "at", "and", "or", "per", "if"}
)

_APOSTROPHES = regex(r"['’‘`´]")
_BRACKETED = regex(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = regex(r"[^\w#]+|_")
# a template's column number before its heading: "1. Date", "2) Agency", "Q3 Details"
_NUMBERED = regex(r"\s*(?:\(?\d{1,2}[.):]|q\d{1,2}\b[.):]?|col(?:umn)? \d{1,2}\b[.):]?)\s*")
_DIGIT = regex(r"\d")
#: Where a database's field name joins two words in camel case ("EventDate",
#: "PractitionerName"): a small letter, then a capital and a small letter ("DoB" is kept).
_CAMEL_CASE = regex(r"(?<=[a-z])(?=[A-Z][a-z])")


# --- normalisation --------------------------------------------------------------------------
def _is_blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _written(value: object) -> str:
    """A cell as written, for messages and :attr:`HeaderInfo.headings` ("" for blank)."""
    if _is_blank(value):
        return ""
    return " ".join(str(value).split())


def _normalise(text: object, *, keep_brackets: bool) -> str:
    if not isinstance(text, str):
        return ""
    return _normalise_text(text, keep_brackets)


@functools.lru_cache(maxsize=8192)
def _normalise_text(text: str, keep_brackets: bool) -> str:
    text = unicodedata.normalize("NFKC", _CAMEL_CASE.sub(" ", text)).casefold()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    numbered = _NUMBERED.match(text)
    if numbered is not None and _NON_WORD.sub("", text[numbered.end() :]):
        text = text[numbered.end() :]
    if not keep_brackets:
        stripped = _BRACKETED.sub(" ", text)
        if _NON_WORD.sub("", stripped):
            text = stripped
    return " ".join(_NON_WORD.sub(" ", text).split())


def normalise_heading(text: object) -> str:
    """Normalise a heading for matching.

    Words joined in camel case split ("EventDate" is "event date"); lower case;
    apostrophes dropped; "&" read as "and"; text in brackets dropped when
    anything is left without it (format hints such as "(dd/mm/yyyy)"); every run of
    punctuation, whitespace and newlines turned into one space, so trailing ":" and "*"
    go. "#" is kept (it is a heading of its own). A cell that is not a string (a number, a
    date, a blank) gives "".

    Parameters
    ----------
    text
        A heading cell as read.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_heading("Date\\n(dd/mm/yyyy):")
    'date'
    >>> normalise_heading("  Practitioner’s Name & Role* ")
    'practitioners name and role'
    >>> normalise_heading("#")
    '#'
    >>> normalise_heading("3. Details of contact")
    'details of contact'
    >>> normalise_heading("EventDate")
    'event date'
    >>> normalise_heading(None)
    ''
    """
    return _normalise(text, keep_brackets=False)


# --- the heading table ------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _heading_frame() -> pd.DataFrame:
    ref = resources.files("scr_timeline") / "data" / _PACKAGE_FILE
    with ref.open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    table[PRIORITY] = table[PRIORITY].astype(int)
    return table


@dataclass(frozen=True, slots=True)
class _Table:
    lookup: dict[str, tuple[str, int]]  # normalised heading -> (field or "", priority)
    keys: list[str]  # every normalised heading, for the near-miss pass
    max_key: int
    leading: dict[str, tuple[str, int]]  # first word -> (field, priority)
    ignored_prefixes: tuple[str, ...]
    trailing: dict[str, tuple[str, int]]  # last word(s) -> (field, priority)
    ignored_suffixes: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    return cast("_Table", _prebuilt.table("headings", build_heading_table))


def build_heading_table() -> _Table:
    """The lookups of the shipped headings (prebuilt at install: scr_timeline._prebuilt)."""
    frame = _heading_frame()
    lookup: dict[str, tuple[str, int]] = {}
    for heading, fld, priority in frame[[HEADING, FIELD, PRIORITY]].itertuples(index=False):
        for key in {_normalise(heading, keep_brackets=True), normalise_heading(heading)}:
            if key:
                lookup.setdefault(key, (fld, priority))
    keys = list(lookup)
    leading = {
        key: (fld, priority)
        for key, (fld, priority) in lookup.items()
        if fld and priority == 1 and " " not in key and len(key) >= _LEADING_MIN_LETTERS
    }
    ignored = tuple(key + " " for key, (fld, _) in lookup.items() if not fld or key in _LABELS)
    trailing = {
        key: (fld, priority)
        for key, (fld, priority) in lookup.items()
        if fld and key in _TRAILING_WORDS
    }
    ignored_suffixes = tuple(
        " " + key for key, (fld, _) in lookup.items() if not fld or key in _LABELS
    )
    return _Table(lookup, keys, max(map(len, keys)), leading, ignored, trailing, ignored_suffixes)


def load_headings() -> pd.DataFrame:
    """The shipped heading table.

    Returns
    -------
    pandas.DataFrame
        Columns ``heading``, ``field`` (empty for a known heading that maps to no field)
        and ``priority`` (1 primary, 2 fallback). A fresh copy.

    Examples
    --------
    >>> table = load_headings()
    >>> table.loc[table["heading"] == "Date of contact", "field"].item()
    'date'
    """
    return _heading_frame().copy()


def heading_field(heading: object) -> tuple[str, int] | None:
    """The field a heading names in the shipped table and its priority (1 primary, 2
    fallback; field "" for a known heading that maps to none), or None for a heading the
    table does not hold as written (no near misses, no first or last words).

    >>> heading_field("Voice of the child"), heading_field("Date of contact")
    (('details', 2), ('date', 1))
    """
    return _table().lookup.get(normalise_heading(heading))


def date_priority(heading: object, columns: Mapping[str, str] | None = None) -> int | None:
    """How a heading names a date column: 1 the event's date ("Date", "Date of contact",
    or a heading ``columns`` maps to the date), 2 when the entry was recorded ("Date
    entered", "Recorded date": the date only of a table with no other); None for a heading
    that is no date's.

    >>> date_priority("Date of contact"), date_priority("Date entered"), date_priority("Notes")
    (1, 2, None)
    """
    found = _candidates([heading], columns).get(0)
    if found is None or found[1] != schema.DATE:
        return None
    return max(found[0][1], 1)


# --- mapping ----------------------------------------------------------------------------------
def _check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise TypeError(
            f"columns must be a mapping of heading to field, not {type(columns).__name__}"
        )
    for heading, fld in columns.items():
        if fld not in schema.FIELDS:
            raise ChronologyReadError(
                f"columns= maps {heading!r} to an unknown field",
                found=fld,
                expected=f"one of {', '.join(schema.FIELDS)}",
            )
    return dict(columns)


def _word_budget(word: str) -> int:
    """Edits allowed in one word of a heading: none under 5 letters, 1 up to 8, then 2."""
    if len(word) < _FUZZY_MIN_LENGTH:
        return 0
    return 1 if len(word) < _FUZZY_LONG else 2


def _close(query: str, key: str) -> bool:
    """Same number of words, each within its own budget (judged on the table's spelling)."""
    from rapidfuzz.distance import OSA  # imported on the first heading that needs it

    words, key_words = query.split(" "), key.split(" ")
    return len(words) == len(key_words) and all(
        OSA.distance(w, k) <= _word_budget(k) for w, k in zip(words, key_words, strict=True)
    )


#: Near misses already judged (query -> match or None); the heading table never changes.
_NEAR: dict[str, tuple[str, int] | None] = {}
_NEAR_LIMIT: Final = 50_000


def _near_misses(queries: list[str], table: _Table) -> dict[str, tuple[str, int]]:
    """Near-miss matches by edit distance (see the module docstring).

    A near miss of a heading that maps to no field ("Date of brith") is returned with an
    empty field, so that it stays unmapped rather than falling through to the first word.
    Each query is judged once per process.
    """
    queries = [
        q
        for q in dict.fromkeys(queries)
        if _FUZZY_MIN_LENGTH <= len(q) <= table.max_key + _MAX_EDITS and q not in table.lookup
    ]
    todo = [q for q in queries if q not in _NEAR]
    if todo:
        if len(_NEAR) > _NEAR_LIMIT:
            _NEAR.clear()
        from rapidfuzz.distance import OSA  # only headings not found as written get here
        from rapidfuzz.process import cdist

        distances = cdist(
            todo, table.keys, scorer=OSA.distance, score_cutoff=_MAX_EDITS, dtype=np.int32
        )
        for query, row in zip(todo, distances, strict=True):
            _NEAR[query] = None
            best = int(row.min())
            if best > _MAX_EDITS:
                continue
            nearest = {
                table.lookup[table.keys[j]]
                for j in np.flatnonzero(row == best)
                if _close(query, table.keys[j])
            }
            if len({fld for fld, _ in nearest}) == 1:
                _NEAR[query] = min(nearest, key=lambda item: item[1])
    found: dict[str, tuple[str, int]] = {}
    for query in queries:
        hit = _NEAR.get(query)
        if hit is not None:
            found[query] = hit
    return found


def _trailing_words(key: str, table: _Table) -> tuple[str, int] | None:
    """The field of a compound heading named by its last word(s): "Case Note Date"; a
    heading ending "Date & Time" is read as one ending "Date/Time"."""
    if key.endswith(" date and time"):
        key = key[: -len("and time")] + "time"
    words = key.split(" ")
    if (
        not 2 <= len(words) <= _TRAILING_MAX_WORDS
        or _DIGIT.search(key)
        or not _LINKING_WORDS.isdisjoint(words)
        or key.endswith(table.ignored_suffixes)
        or key.startswith(table.ignored_prefixes)
    ):
        return None
    if len(words) > 2 and (hit := table.trailing.get(" ".join(words[-2:]))) is not None:
        return hit
    return table.trailing.get(words[-1])


def _leading_word(key: str, table: _Table) -> tuple[str, int] | None:
    words = key.split(" ")
    if not 2 <= len(words) <= _LEADING_MAX_WORDS or key.startswith(table.ignored_prefixes):
        return None
    return table.leading.get(words[0])


def _candidates(
    headings: Sequence[object], columns: Mapping[str, str] | None, *, leading: bool = True
) -> dict[int, tuple[tuple[int, int, int, int], str]]:
    """Per position the best (rank, field) a heading could take, before conflicts."""
    overrides = _check_columns(columns)
    table = _table()
    kept = [_normalise(h, keep_brackets=True) for h in headings]
    plain = [normalise_heading(h) for h in headings]
    user_kept = {_normalise(k, keep_brackets=True): v for k, v in overrides.items()}
    user_plain = {normalise_heading(k): v for k, v in overrides.items()}
    near = _near_misses([p for p in plain if p], table)

    out: dict[int, tuple[tuple[int, int, int, int], str]] = {}
    for pos, (key_kept, key) in enumerate(zip(kept, plain, strict=True)):
        if not key:
            continue
        user = user_kept.get(key_kept) or user_plain.get(key)
        if user is not None:
            out[pos] = ((0, 0, _OVERRIDE, pos), user)
            continue
        how = _EXACT
        hit = table.lookup.get(key_kept) or table.lookup.get(key)
        if hit is None:
            how, hit = _FUZZY, near.get(key)
        if hit is None and leading:
            how, hit = _TRAILING, _trailing_words(key, table)
            if hit is not None and hit[0] == schema.COMMENT:
                # "Details/Analysis", "Information/Analysis": the entry's text with the
                # author's analysis in one column is the details (read and classified)
                first = _leading_word(key, table)
                if first is not None and first[0] == schema.DETAILS:
                    how, hit = _LEADING, first
        if hit is None and leading:
            how, hit = _LEADING, _leading_word(key, table)
        if hit is not None and hit[0]:
            fld, priority = hit
            if how != _EXACT and fld in _WHEN and not _RECORDING_WORDS.isdisjoint(key.split()):
                priority = max(priority, 2)  # when it was recorded (see _RECORDING_WORDS)
            out[pos] = ((1, priority, how, pos), fld)
    return out


_WHEN: Final = frozenset({schema.DATE, schema.TIME})


def map_headings(
    headings: Sequence[object], *, columns: Mapping[str, str] | None = None
) -> dict[int, str]:
    """Map the headings of one header row to canonical fields.

    Parameters
    ----------
    headings
        The heading cells in column order, as read (blanks and non-text allowed).
    columns
        Your own headings, as written, mapped to fields of
        :data:`scr_timeline.schema.FIELDS`, e.g. ``{"When": "date"}``; matched after
        normalisation and winning over the shipped table.

    Returns
    -------
    dict of int to str
        Column position -> field, for the columns that map; each field at most once (see
        the module docstring for who wins). Positions left out are unmapped.

    Raises
    ------
    ChronologyReadError
        A value of ``columns`` is not a field (``found`` holds it).
    TypeError
        ``columns`` is not a mapping.

    Examples
    --------
    >>> map_headings(["Date of contct", "Notes", "Details", None, "Who"])
    {0: 'date', 2: 'details', 4: 'practitioner'}
    >>> map_headings(["When?", "What"], columns={"when": "date", "What": "details"})
    {0: 'date', 1: 'details'}
    """
    candidates = _candidates(headings, columns)
    mapping: dict[int, str] = {}
    taken: dict[str, int] = {}  # field -> its column's priority
    for pos, (rank, fld) in sorted(candidates.items(), key=lambda item: item[1][0]):
        if fld not in taken:
            taken[fld] = rank[1]
            mapping[pos] = fld
    # the time an entry was recorded ("Time Entered") goes with the date it was recorded
    # alone: beside the event's date it would give the event a time it never had
    if taken.get(schema.TIME, 1) > 1 and taken.get(schema.DATE, 1) <= 1:
        mapping = {pos: fld for pos, fld in mapping.items() if fld != schema.TIME}
    mapping = _without_time_of_other_date(headings, mapping)
    return dict(sorted(mapping.items()))


def other_date_columns(
    headings: Sequence[object],
    mapping: Mapping[int, str],
    *,
    columns: Mapping[str, str] | None = None,
) -> list[int]:
    """Positions of the columns whose headings name a date but lost it to the table's date
    column ("Reported Date" beside "Occurred From", "Date Created" beside "Date of
    Contact"), best first: a row whose date cell is empty may be dated by them.

    >>> other_date_columns(["Reported Date", "Occurred From", "Summary"], {1: "date", 2: "details"})
    [0]
    """
    found = _candidates(headings, columns)
    return [
        pos
        for pos, (_rank, fld) in sorted(found.items(), key=lambda item: item[1][0])
        if fld == schema.DATE and pos not in mapping
    ]


def _without_time_of_other_date(
    headings: Sequence[object], mapping: dict[int, str]
) -> dict[int, str]:
    """``mapping`` without its time column when that time goes with a date column that is
    not the date: "Reported Time" beside "Reported Date", where the date is "Occurred
    From" (a police export: the time it was reported is not the time it happened).

    >>> _without_time_of_other_date(
    ...     ["Reported Date", "Reported Time", "Occurred From"], {1: "time", 2: "date"})
    {2: 'date'}
    """
    at = [pos for pos, fld in mapping.items() if fld == schema.TIME]
    if not at or schema.DATE not in mapping.values():
        return mapping
    named = [normalise_heading(_written(h)) for h in headings]
    words = named[at[0]].split()
    if "time" not in words:
        return mapping
    partner = " ".join("date" if w == "time" else w for w in words)
    partners = [pos for pos, text in enumerate(named) if text == partner]
    if not partners or any(mapping.get(pos) == schema.DATE for pos in partners):
        return mapping
    return {pos: fld for pos, fld in mapping.items() if pos != at[0]}


# --- the header row -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HeaderInfo:
    """Where a table's header is and what its columns mean.

    Attributes
    ----------
    header_rows
        0-based positions in the raw table of the header row(s): one, or two for a
        two-row header.
    data_start
        0-based position of the first row under the header.
    mapping
        Column position -> canonical field.
    headings
        Every column's heading as written (whitespace collapsed; the two rows joined, as
        "Date From", for a two-row header; "" for a blank heading).
    unmapped
        Non-blank headings that map to no field (unknown, or beaten to their field).
    title_lines
        Text of the non-empty rows above the header, e.g. "Chronology: Whittington
        Hospital".
    header_cells
        The header rows' cells as written, one tuple per header row; used to recognise
        the header repeated on later pages.
    width
        The number of columns the table spans when a key or notes stand beside it, right
        of an empty column (the columns from ``width`` on are not part of the table);
        None when the table runs to the last column.
    """

    header_rows: tuple[int, ...]
    data_start: int
    mapping: dict[int, str]
    headings: list[str]
    unmapped: list[str]
    title_lines: list[str]
    header_cells: tuple[tuple[str, ...], ...] = field(default=())
    width: int | None = None


#: The label over a key or notes beside a table ("Key", "Abbreviations used").
_SIDE_LABEL: Final = regex(
    r"\W*(?:key|legend|abbreviations?|glossary|guidance|instructions?|how to complete\b.*"
    r"|notes? (?:for|on) complet\w*|completion notes|(?:key|notes?|abbreviations?) \w+)\W*",
    re.IGNORECASE,
)


def _side_area(raw: pd.DataFrame, mapping: dict[int, str], data_start: int) -> int | None:
    """Where the table ends when a key or notes stand beside it, right of an empty column:
    the first column right of every mapped one that holds nothing in any row, when the
    columns past it start with a label such as "Key" or "Abbreviations", or hold lines one
    under another in at most half of the rows under the header. None when there is no
    such area (cells right of an empty column that fill most rows, or rows here and there,
    are a column of the table)."""
    last = max(mapping)
    if last + 2 >= raw.shape[1]:
        return None
    used = raw.iloc[:, last + 1 :].notna().to_numpy()
    empty = np.flatnonzero(~used.any(axis=0))
    if not len(empty):
        return None
    gap = last + 1 + int(empty[0])
    side = used[:, gap - last :]
    rows_with: np.ndarray = np.asarray(side.any(axis=1), dtype=bool)
    if not rows_with.any():
        return None
    first_row = int(np.flatnonzero(rows_with)[0])
    label = raw.iat[first_row, gap + 1 + int(np.flatnonzero(side[first_row])[0])]
    below = rows_with[data_start:]
    labelled = isinstance(label, str) and _SIDE_LABEL.fullmatch(label.strip()) is not None
    lines = np.flatnonzero(rows_with)
    block = int(lines[-1] - lines[0]) + 1 == len(lines)  # lines one under another
    return gap if labelled or (block and int(below.sum()) * 2 <= len(below)) else None


def _row_texts(raw: pd.DataFrame, row: int) -> list[str]:
    return [_written(v) for v in raw.iloc[row].tolist()]


def _is_text_row(values: list[object]) -> bool:
    """Every non-blank cell is text, and at least one is not blank."""
    filled = [v for v in values if not _is_blank(v)]
    return bool(filled) and all(isinstance(v, str) for v in filled)


def _maps(text: str, columns: Mapping[str, str] | None, *, leading: bool = True) -> bool:
    return bool(text) and bool(_candidates([text], columns, leading=leading))


class _Combined(NamedTuple):
    written: list[str]  # per column, "upper lower" as written
    matched: list[str]  # per column, the text that is mapped
    lower_used: bool  # every non-blank lower cell takes part in a heading that maps
    spanned: bool  # some upper cell covers two or more lower headings


def _combine(upper: list[str], lower: list[str], columns: Mapping[str, str] | None) -> _Combined:
    """Headings of a two-row header.

    An upper cell merged across several columns is read once and blank after (or, by
    some readers, repeated in each); it is carried right over blank upper cells that have
    a lower heading under them. An upper cell with nothing under it, or the same text
    under it, is merged downwards and read once. Per column the heading as written is
    "upper lower"; the one mapped is the first of "upper lower", lower alone, upper alone
    that maps ("upper lower" when the heading table lists it as mapping to nothing).
    """
    written: list[str] = []
    matched: list[str] = []
    lower_used = True
    spanned = False
    carry = previous = ""
    for up, low in zip(upper, lower, strict=True):
        same = normalise_heading(up) == normalise_heading(low)
        if up:
            spanned |= bool(low) and not same and up == previous
            carry = "" if not low or same else up
        elif low and carry:
            spanned = True
        previous = up
        span = "" if same else up or (carry if low else "")
        both = f"{span} {low}".strip()
        written.append(both)
        # the combination must map as a whole, not by its first word (the group heading)
        if span and low and _maps(both, columns, leading=False):
            matched.append(both)
        elif span and low and heading_field(both) == ("", 1):
            # a heading known to map to nothing ("Time End" under "Time" | "End"): not its
            # lower word, which alone is another field ("End", the end date)
            matched.append(both)
        elif low:
            matched.append(low if _maps(low, columns) else both)
            lower_used &= _maps(low, columns)
        else:
            matched.append(span)
    return _Combined(written, matched, lower_used, spanned)


_LABELLED: Final = regex(r"\w\s*:\s*\w")


def _two_row(
    raw: pd.DataFrame, row: int, single: dict[int, str], columns: Mapping[str, str] | None
) -> tuple[tuple[int, int], list[str], dict[int, str]] | None:
    """The better of (row, row + 1) and (row - 1, row) as a two-row header, if either is."""
    best: tuple[tuple[int, int], list[str], dict[int, str]] | None = None
    here = _row_texts(raw, row)
    # a sub-header under the found row: "From" | "To" under a merged "Date"
    lower = _row_texts(raw, row + 1) if row + 1 < len(raw) else []
    subs = [i for i, low in enumerate(lower) if low]
    digits = any(_DIGIT.search(lower[i]) for i in subs)
    # (with every column mapped by the row alone, a row under it with digits in it, as a
    # first data row has its date, cannot do better: its cells are not read as headings)
    if (
        lower
        and not (digits and len(single) >= raw.shape[1])
        and _is_text_row(raw.iloc[row + 1].tolist())
    ):
        below = _combine(here, lower, columns)
        mapping = map_headings(below.matched, columns=columns)
        # a sub-header may hold a heading that maps to nothing ("Type" under "Contact"),
        # but most of it must map, it must sit under a spanning cell, and it holds no
        # digits (a first data row nearly always has a date in it)
        mostly = below.spanned and sum(i in mapping for i in subs) * 2 >= len(subs) and not digits
        # (a sub-header under a group heading merged across it wins at equal counts: the
        # group heading alone maps as a field it does not hold, "Contact" over "Type" |
        # "Details")
        if ((below.lower_used or mostly) and len(mapping) > len(single)) or (
            mostly and len(mapping) == len(single)
        ):
            best = ((row, row + 1), below.written, mapping)
    # group headings over the found row: "Event" spanning "Date" | "Time" | "Details"
    if row >= 1 and _is_text_row(raw.iloc[row - 1].tolist()):
        upper = _row_texts(raw, row - 1)
        above = _combine(upper, here, columns)
        mapping = map_headings(above.matched, columns=columns)
        filled = [u for u in upper if u]
        # (a form's label and value in one cell, "Agency: Riverside Surgery", is a title
        # line, not a group heading)
        group_like = all(
            len(u) <= _GROUP_MAX_LENGTH
            and not _DIGIT.search(u)
            and not _LABELLED.search(u)
            and _maps(u, columns)
            for u in filled
        )
        # (one line of text over the whole header, in its first column, that adds no field
        # is the table's title: "Health Visiting Service" over "Date" | "Practitioner" |
        # "Details"; a group heading covers some columns, or maps what they do not)
        title = len(filled) == 1 and bool(upper[0]) and len(mapping) == len(single)
        better = len(mapping) > len(single) or (group_like and above.spanned and not title)
        if (
            better
            and len(mapping) >= len(single)
            and schema.DATE in mapping.values()
            and (best is None or len(mapping) > len(best[2]))
        ):
            best = ((row - 1, row), above.written, mapping)
    return best


# a note under a heading on how to fill the column: "(dd/mm/yyyy)", "hh:mm", "24hr clock"
_FORMAT_HINT: Final = regex(
    r"[dmyh]{1,4}(?:\s*[/.:-]\s*[dmyhs]{1,4})+|(?:24 ?h(?:ou)?rs?|24-hour)(?: clock)?",
    re.IGNORECASE,
)
_TIME_HINT: Final = regex(r"\bh{1,2}\s*[:.]\s*mm\b|\b24 ?h|\b24-hour|\btime\b", re.IGNORECASE)


def _hint_row(raw: pd.DataFrame, row: int) -> list[str] | None:
    """The cells of ``row`` when it is a row of notes under the headings ("(dd/mm/yyyy)" |
    "(24hr)" | "(e.g. case file)"): every non-blank cell is a note in brackets without
    digits, or a date or time format (bracketed or not). None otherwise: a data row has a
    date, not its format ("(12/03/2007)" is a date)."""
    if row >= len(raw) or not _is_text_row(raw.iloc[row].tolist()):
        return None
    texts = _row_texts(raw, row)
    formats = notes = 0
    for text in texts:
        if not text:
            continue
        bare = text.strip()
        inner = bare[1:-1].strip() if bare[0] in "([" and bare[-1] in ")]" else None
        if inner is not None and _BRACKETED.sub("", bare).strip():
            inner = None  # "(a) home visit (b) ...": not one note in brackets
        if _FORMAT_HINT.fullmatch(bare if inner is None else inner):
            formats += 1
        elif inner is not None and not _DIGIT.search(inner):
            notes += 1
        else:
            return None
    # one note alone may be a row of its own ("(no date recorded)"): rejected, not lost
    return texts if formats or notes >= 2 else None


_TIME_CELL: Final = regex(
    r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d){1,2}\s*(?:[ap]\.?m\.?|hrs?)?"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs?)?|(?:1[0-2]|0?\d)(?:[:.][0-5]\d)?\s*[ap]\.?m\.?",
    re.IGNORECASE,
)
_TIME_SAMPLE: Final = 20
#: What makes a time of day no date: a colon, or "am", "pm", "hrs" after it ("14:20",
#: "2.30pm", "1430hrs"; "12.10" could be 12 October, "1430" a year).
_CLOCK_MARK: Final = regex(r":|[ap]\.?\s?m\.?$|hrs?\.?$", re.IGNORECASE)


def time_cells(cells: pd.Series, *, clock: bool = False) -> np.ndarray:
    """True where a cell of text (a column of strings) holds a time of day alone ("14:20",
    "2.30pm", "1430hrs", "14.20"), by Arrow over the whole column; with ``clock``, only a
    time that can be no date ("14:20", "2.30pm", "1430hrs": not "14.20" or "1430").

    Examples
    --------
    >>> time_cells(pd.Series(["14:20", "14.20", "12/03/2007", None, "2pm"])).tolist()
    [True, True, False, False, True]
    >>> time_cells(pd.Series(["14:20", "14.20", "1430", "1430hrs"]), clock=True).tolist()
    [True, False, False, True]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pc.utf8_trim_whitespace(pa.array(cells.astype("string").array, type=pa.large_string()))
    found = pc.match_substring_regex(text, f"^(?:{_TIME_CELL.pattern})$", ignore_case=True)
    if clock:
        found = pc.and_(
            found, pc.match_substring_regex(text, _CLOCK_MARK.pattern, ignore_case=True)
        )
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def _looks_like_time(value: object) -> bool:
    if isinstance(value, dt.time):
        return True
    return isinstance(value, str) and _TIME_CELL.fullmatch(value.strip()) is not None


def _unheaded_time_column(
    raw: pd.DataFrame, data_start: int, headings: list[str], mapping: dict[int, str]
) -> int | None:
    """The column right of the date column when it has no heading of its own and holds
    times: a "Date" heading merged over the date and the time (or saved so as CSV, "Date,,"),
    or the date column's heading again ("Date | Date", as an export splits a date-time
    field in two, or a reader repeats a merged heading). Judged on its first non-blank
    cells under the header, nearly all of which must be times."""
    if schema.TIME in mapping.values():
        return None
    date_pos = next(pos for pos, fld in mapping.items() if fld == schema.DATE)
    pos = date_pos + 1
    if pos >= raw.shape[1] or pos in mapping:
        return None
    heading = headings[pos] if pos < len(headings) else ""
    if heading and normalise_heading(heading) != normalise_heading(headings[date_pos]):
        return None
    head = raw.iloc[data_start : data_start + 10 * _TIME_SAMPLE, pos].tolist()
    sample = [v for v in head if not _is_blank(v)][:_TIME_SAMPLE]
    if not sample:
        return None
    times = sum(_looks_like_time(v) for v in sample)
    return pos if times * 10 >= len(sample) * 9 else None


_NARRATIVE_SAMPLE: Final = 50  # cells looked at under the header
_NARRATIVE_WORDS: Final = 6  # a sentence has this many words or more
_NAME_WORDS: Final = frozenset({"of", "and", "the", "for", "in", "at", "on", "to", "&", "-"})


def _sentence(text: str) -> bool:
    """Six words or more, one of them in lower case (not a name's small word): "Home visit
    by SW1, Child A seen", not "Child Abuse Investigation Team - North Area"."""
    words = text.split()
    return len(words) >= _NARRATIVE_WORDS and any(
        w[:1].islower() and w not in _NAME_WORDS for w in words
    )


def _narrative_column(
    raw: pd.DataFrame, data_start: int, headings: list[str], mapping: dict[int, str]
) -> int | None:
    """With no details column, the column that holds what happened all the same: one whose
    heading maps to nothing, to the agency or to the source ("Record" over a health
    visiting record's notes), whose cells are sentences ("Agency involvement" over "Home
    visit by SW1; Child A seen ..."),
    most of its first cells holding sentences (:func:`_sentence`). The longest-worded such
    column, or None."""
    if schema.DETAILS in mapping.values():
        return None
    from scr_timeline.classify.agencies import agency_from_name

    agencies = [pos for pos, fld in mapping.items() if fld in (schema.AGENCY, schema.SOURCE)]
    candidates = [pos for pos, h in enumerate(headings) if h and pos not in mapping]
    if sum(agency_from_name(headings[pos]) is not None for pos in candidates) >= 2:
        return None  # a column per agency ("Date | Police | Health"): each its own
    candidates += agencies
    best: tuple[float, int] | None = None
    for pos in candidates:
        if pos >= raw.shape[1]:
            continue
        cells = raw.iloc[data_start:, pos].dropna().head(_NARRATIVE_SAMPLE)
        texts = [str(v) for v in cells if isinstance(v, str) and v.strip()]
        if len(texts) < 2 or len(texts) * 2 < len(cells):
            continue
        words = np.array([len(t.split()) for t in texts])
        if np.mean([_sentence(t) for t in texts]) < 0.6:
            continue
        score = float(np.median(words))
        if best is None or score > best[0]:
            best = (score, pos)
    return None if best is None else best[1]


_FLAG: Final = regex(r"\s*(?:y|n|yes|no|true|false|x|[✓✔✗✘]|n/?a)\s*", re.IGNORECASE)


def _without_flag_details(
    raw: pd.DataFrame,
    data_start: int,
    headings: list[str],
    mapping: dict[int, str],
    columns: Mapping[str, str] | None,
) -> dict[int, str]:
    """The details column read again when the one its heading names holds only flags: an
    LCS case-note export's "Significant Event" (Yes/No) beside its "Observation", the
    note's text. The flag column is left to ``extra`` and the heading that comes next for
    the details takes them ("Observation"); with none, the table has no details column
    (the narrative column may still be found). A heading you named in ``columns`` stays."""
    pos = next((p for p, fld in mapping.items() if fld == schema.DETAILS), None)
    if pos is None or pos >= raw.shape[1]:
        return mapping
    if columns and any(normalise_heading(k) == normalise_heading(headings[pos]) for k in columns):
        return mapping
    cells = raw.iloc[data_start:, pos].dropna().head(_NARRATIVE_SAMPLE)
    texts = [str(v) for v in cells if str(v).strip()]
    if len(texts) < 2 or not all(_FLAG.fullmatch(t) for t in texts):
        return mapping
    found = map_headings([h if p != pos else None for p, h in enumerate(headings)], columns=columns)
    return found if set(found.values()) >= set(mapping.values()) - {schema.DETAILS} else mapping


_HEADING_MAX_LENGTH: Final = 60


def headings_like(
    values: Sequence[object], *, columns: Mapping[str, str] | None = None
) -> np.ndarray:
    """Per value, True when it reads as a column heading that names a field ("Date",
    "Date of Event (dd/mm/yyyy)", "Occurrence Date"): text of at most 60 characters with
    no digit in it. All values are judged at once (one near-miss search).

    Examples
    --------
    >>> headings_like(["Date of contact", "Agency", "12/03/2007", "Police", None]).tolist()
    [True, True, False, False, False]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    # the text cells with no digit and not too long, picked by Arrow: a column of dates
    # written in words ("early March 2007") has thousands of distinct cells, all with digits
    array = values.array if isinstance(values, pd.Index | pd.Series) else values
    try:
        arrow = pa.array(array, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # cells that are not all text
        texts = [v if isinstance(v, str) else None for v in values]
        arrow = pa.array(texts, type=pa.large_string())
    short = pc.less_equal(pc.utf8_length(arrow), _HEADING_MAX_LENGTH)
    plain = pc.invert(pc.match_substring_regex(arrow, r"\d"))
    at = np.flatnonzero(pc.and_(short, plain).fill_null(False).to_numpy(zero_copy_only=False))
    out = np.zeros(len(arrow), dtype=bool)
    if len(at):
        found = _candidates(arrow.take(pa.array(at)).to_pylist(), columns)
        out[at[list(found)]] = True
    return out


def is_form_row(cells: list[object], mapping: dict[int, str]) -> bool:
    """True for a row of a form above the table ("Agency:" | "Police" | "Date completed:" |
    "01/04/2008"): its date heading is a label with its value in the next cell that holds
    anything (a date, a number, or any text after a label ending in ":"), where a header
    has another heading."""
    date_pos = next(pos for pos, fld in mapping.items() if fld == schema.DATE)
    # the next cell with something in it (a label may be merged over two cells)
    pos = next((i for i in range(date_pos + 1, len(cells)) if not _is_blank(cells[i])), None)
    if pos is None or pos in mapping:
        return False
    value = cells[pos]
    if not isinstance(value, str):
        return True  # a date, a time or a number: a value, not a heading
    return bool(_DIGIT.match(value.strip())) or _written(cells[date_pos]).endswith(":")


def _summary(raw: pd.DataFrame, rows: int, columns: Mapping[str, str] | None) -> str:
    """Row-by-row summary of the text found, for an error message."""
    lines: list[str] = []
    for row in range(rows):
        texts = [t for t in _row_texts(raw, row) if t]
        if not texts:
            continue
        cells = " | ".join(
            repr(t if len(t) <= _SUMMARY_CELL else t[: _SUMMARY_CELL - 3] + "...") for t in texts
        )
        mapped = map_headings(_row_texts(raw, row), columns=columns)
        note = f" (recognised: {', '.join(mapped.values())})" if mapped else ""
        lines.append(f"row {row + 1}: {cells}{note}")
        if len(lines) == _SUMMARY_ROWS:
            lines.append("...")
            break
    return "; ".join(lines) if lines else "no text in any row"


#: A cell that opens with a date as tables write one ("12/03/2007", "2007-03-12",
#: "12th March 2007"): a data row's, not a title's or a heading's.
_DATED_CELL: Final = regex(
    r"^\s*(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{2,4})\b"
)


def _dated_rows_above(raw: pd.DataFrame, row: int, mapping: Mapping[int, str]) -> list[int]:
    """The rows above header ``row`` that hold a date in its date column and more: rows
    of the table, not title lines."""
    dates = [pos for pos, fld in mapping.items() if fld == schema.DATE]
    if row <= 0 or not dates:
        return []
    cells = raw.iloc[:row]
    filled = cells.notna().sum(axis=1).to_numpy()
    out = []
    for at, value in enumerate(cells.iloc[:, dates[0]].tolist()):
        if filled[at] < 2 or _is_blank(value):
            continue
        if isinstance(value, (dt.date, pd.Timestamp)) or _DATED_CELL.match(str(value)):
            out.append(at)
    return out


def find_header(
    raw: pd.DataFrame, *, columns: Mapping[str, str] | None = None, max_scan: int = 30
) -> HeaderInfo:
    """Find the header row of a table read with no header, below any title rows.

    Each of the first ``max_scan`` rows is scored by how many of its cells map to fields;
    a row qualifies when it maps a date column and at least one other. The best row wins
    (the earliest among equals, so a header repeated on later pages never does). The row
    under it, or over it, joins it as a two-row header when combining the two maps more
    columns ("Date" over "From" | "To" gives "Date From", "Date To"), or when the row over
    it holds only short headings of its own (a group heading such as "Event" over "Date"
    | "Time" | "Details", or a merged cell read into both rows). A cell merged across
    columns is read once and blank after, or repeated in each (both are handled).

    Parameters
    ----------
    raw
        The cells of one sheet or table (object dtype: strings, numbers, datetimes,
        None), positional index and columns, no header applied.
    columns
        Your own headings mapped to fields, as for :func:`map_headings`.
    max_scan
        How many rows from the top to look at.

    Returns
    -------
    HeaderInfo

    Raises
    ------
    MissingColumnError
        No row in the first ``max_scan`` qualifies. ``found`` summarises the text of the
        rows looked at, row by row (1-based); ``expected`` says what a header needs. The
        caller adds the file and sheet.
    EmptyChronologyError
        ``raw`` holds no cells at all.
    TypeError
        ``raw`` is not a DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([
    ...     ["Chronology: Whittington Hospital", None, None],
    ...     [None, None, None],
    ...     ["Date", "Practitioner", "Details of contact"],
    ...     ["12/03/2007", "HV1", "Home visit"],
    ... ], dtype=object)
    >>> info = find_header(raw)
    >>> info.header_rows, info.data_start, info.mapping
    ((2,), 3, {0: 'date', 1: 'practitioner', 2: 'details'})
    >>> info.title_lines
    ['Chronology: Whittington Hospital']
    """
    if not isinstance(raw, pd.DataFrame):
        raise TypeError(f"raw must be a pandas DataFrame, not {type(raw).__name__}")
    if isinstance(max_scan, bool) or not isinstance(max_scan, numbers.Integral) or max_scan < 1:
        raise ValueError(f"max_scan must be a positive whole number, not {max_scan!r}")
    _check_columns(columns)
    if raw.shape[0] == 0 or raw.shape[1] == 0:
        raise EmptyChronologyError("the table has no cells", expected="a header row and data")
    scan = min(int(max_scan), len(raw))

    best_row, best_mapping = -1, dict[int, str]()
    for row in range(scan):
        cells = raw.iloc[row].tolist()
        mapping = map_headings(cells, columns=columns)
        if (
            schema.DATE in mapping.values()
            and len(mapping) >= 2
            and len(mapping) > len(best_mapping)
            and not is_form_row(cells, mapping)
        ):
            best_row, best_mapping = row, mapping
            if len(best_mapping) == raw.shape[1]:
                break  # every column mapped: no later row can map more
    if best_row < 0:
        if all(_is_blank(v) for v in raw.iloc[:scan].to_numpy().ravel()):
            raise EmptyChronologyError(
                f"the first {scan} rows are empty", expected="a header row and data"
            )
        raise MissingColumnError(
            f"no header row found in the first {scan} rows: none has a date column "
            "and another recognised column",
            found=_summary(raw, scan, columns),
            expected=(
                "a header row with a date column such as 'Date', 'Date of contact' or "
                "'Date/Time', and another such as 'Agency' or 'Details'; name your own "
                "with columns={'<heading>': 'date'}"
            ),
        )

    dated = _dated_rows_above(raw, best_row, best_mapping)
    if dated and dated[0] > 0:
        # headings typed again lower down map more columns than the table's own header
        # row over its first dated rows: that header is the table's (the rows above the
        # lower one would otherwise be read as title lines, and lost)
        try:
            return find_header(raw, columns=columns, max_scan=dated[0])
        except MissingColumnError:
            pass
    two = _two_row(raw, best_row, best_mapping, columns)
    if two is None:
        header_rows: tuple[int, ...] = (best_row,)
        headings = _row_texts(raw, best_row)
        mapping = best_mapping
    else:
        header_rows, headings, mapping = two
    hints = _hint_row(raw, header_rows[-1] + 1)
    if hints is not None:
        # the template's notes on how to fill each column: part of the header, not data;
        # a time hint under a blank heading (a "Date" merged over the time) names it
        header_rows = (*header_rows, header_rows[-1] + 1)
        if schema.TIME not in mapping.values():
            for pos, hint in enumerate(hints):
                if not headings[pos] and pos not in mapping and _TIME_HINT.search(hint):
                    mapping = dict(sorted({**mapping, pos: schema.TIME}.items()))
                    break
    mapping = _without_flag_details(raw, header_rows[-1] + 1, headings, mapping, columns)
    time_pos = _unheaded_time_column(raw, header_rows[-1] + 1, headings, mapping)
    if time_pos is not None:
        mapping = dict(sorted({**mapping, time_pos: schema.TIME}.items()))
    narrative = _narrative_column(raw, header_rows[-1] + 1, headings, mapping)
    if narrative is not None:
        mapping = dict(sorted({**mapping, narrative: schema.DETAILS}.items()))
    width = _side_area(raw, mapping, header_rows[-1] + 1)
    if width is not None:  # a key or notes beside the table: not its headings or titles
        headings = headings[:width]
    unmapped = [h for pos, h in enumerate(headings) if h and pos not in mapping]
    titles: list[str] = []
    for row in range(header_rows[0]):
        texts = [t for t in _row_texts(raw, row)[:width] if t]
        texts = [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]
        line = " ".join(texts)
        if texts and not (is_key_label(line) or _KEY_PAIRS.match(line)):  # a key: no title
            titles.append(line)
    return HeaderInfo(
        header_rows=header_rows,
        data_start=header_rows[-1] + 1,
        mapping=mapping,
        headings=headings,
        unmapped=unmapped,
        title_lines=titles,
        header_cells=tuple(tuple(_row_texts(raw, row)[:width]) for row in header_rows),
        width=width,
    )


_YEAR_ROW: Final = regex(r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?")


def _year_like(cells: Any) -> np.ndarray:
    """Per cell of an Arrow text column: 4 to 13 bytes starting with four digits from 1 or
    2, or with a space (a year row's cell could be; "12/03/2007" is not), read through the
    offsets."""
    import pyarrow as pa

    parts = []
    from ._arrow import text_buffers

    for chunk in cells.chunks if isinstance(cells, pa.ChunkedArray) else [cells]:
        offsets, data = text_buffers(chunk)
        size = data.size
        if not size:
            parts.append(np.zeros(len(chunk), dtype=bool))
            continue
        start = offsets[:-1]
        byte = [data[np.minimum(start + k, size - 1)] for k in range(4)]
        length = np.diff(offsets)
        digits = (byte[1] >= 0x30) & (byte[1] <= 0x39) & (byte[2] >= 0x30) & (byte[2] <= 0x39)
        digits &= (byte[3] >= 0x30) & (byte[3] <= 0x39) & ((byte[0] == 0x31) | (byte[0] == 0x32))
        like = (length >= 4) & (length <= 13) & (digits | (byte[0] <= 0x20))
        if chunk.null_count:
            like &= np.asarray(chunk.is_valid(), dtype=bool)
        parts.append(like)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def year_rows(raw: pd.DataFrame, header: HeaderInfo) -> list[tuple[int, str]]:
    """Rows under the header that hold only a year, in the date column: the dividers of a
    hand-made chronology ("2007", "2008/09"), as (position in ``raw``, text).

    Such a row is a section heading, not an event (it would span the whole year and name
    no agency or practitioner).

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([["Date", "Details"], ["2007", None], ["12/03/2007", "Seen"],
    ...                     [2008, None], ["2008", "Child A moved school"]], dtype=object)
    >>> year_rows(raw, find_header(raw))
    [(1, '2007'), (3, '2008')]
    """
    date_pos = next((pos for pos, fld in header.mapping.items() if fld == schema.DATE), None)
    if date_pos is None or date_pos >= raw.shape[1] or header.data_start >= len(raw):
        return []
    dates = raw.iloc[:, date_pos]
    if isinstance(dates.dtype, pd.StringDtype) and dates.dtype.storage == "pyarrow":
        # text cells (CSV): only short cells that read as a year, found by Arrow in one pass
        import pyarrow as pa
        import pyarrow.compute as pc

        cells = pa.array(dates.array)
        maybe = np.flatnonzero(_year_like(cells))
        maybe = maybe[maybe >= header.data_start]
        if len(maybe):
            texts = pc.utf8_trim_whitespace(cells.take(pa.array(maybe)))
            year = pc.match_substring_regex(texts, f"^(?:{_YEAR_ROW.pattern})$")
            maybe = maybe[year.fill_null(False).to_numpy(zero_copy_only=False)]
    else:
        maybe = np.flatnonzero(dates.notna().to_numpy())
        maybe = maybe[maybe >= header.data_start]
    if len(maybe) == 0:
        return []
    # rows with nothing but the date cell: the cells of each column at those rows
    filled = np.zeros(len(maybe), dtype=np.int64)
    for _label, column in raw.items():
        filled += column.notna().to_numpy()[maybe]
    alone = maybe[filled == 1]
    out = []
    for row in alone:
        value = raw.iat[int(row), date_pos]
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            text = str(int(value)) if float(value).is_integer() else ""
        else:
            text = _written(value)
        if _YEAR_ROW.fullmatch(text):
            out.append((int(row), text))
    return out


#: The lines a report writer adds under its table: a count of rows, when and by whom it was
#: run, the end of the report, a page number, a protective marking.
#: A line a printed or exported report repeats on every page: "Page 3", "Page 3 of 20",
#: a protective marking ("OFFICIAL-SENSITIVE", "Restricted"). Matched whole, ignoring case.
_PAGE_FURNITURE_TEXT: Final = (
    r"page \d+(?: of \d+)?"
    r"|(?:official|official[ -]sensitive|restricted|confidential|protect|not protectively marked)"
    r"(?:[ -]+\w+){0,2}"
)
PAGE_FURNITURE: Final = regex(rf"\s*(?:{_PAGE_FURNITURE_TEXT})\s*", re.IGNORECASE)


def page_furniture(cells: pd.Series, maybe: np.ndarray) -> np.ndarray:
    """Of the cells ``maybe`` picks, those that are a report's page furniture ("Page 3 of
    20", "OFFICIAL-SENSITIVE"), each distinct text matched once."""
    out = np.zeros(len(cells), dtype=bool)
    if not maybe.any():
        return out
    texts = cells[maybe].astype(str)
    codes, uniques = pd.factorize(texts)
    hit = np.array([PAGE_FURNITURE.fullmatch(u) is not None for u in uniques] + [False])
    out[np.flatnonzero(maybe)[hit[codes]]] = True
    return out


_FOOTER: Final = regex(
    r"(?:total|count|number of|no\.? of)\b[^\n]{0,40}?[:=]?\s*\d[\d,]*\.?"
    r"|\d[\d,]* (?:rows?|records?|entries|items|results|events|lines)"
    r"(?: (?:selected|returned|found|listed|exported|printed|in total))?\.?"
    r"|(?:report|extract|export|data|query|this (?:report|document))"
    r" (?:was )?(?:generated|produced|run|printed|created|extracted|exported)\b[^\n]{0,120}"
    r"|(?:generated|printed|produced|exported|extracted|created|run)"
    r" (?:on|at|by|from|using)\b[^\n]{0,120}"
    r"|(?:date|time|date and time) (?:printed|generated|run|exported|extracted)\s*:[^\n]{0,60}"
    r"|(?:printed|run|report|extract|export|query)"
    r" (?:date|time|by|on|run|generated|printed|produced|created)\s*:[^\n]{0,80}"
    # "Rows: 312", "Record count = 312"
    r"|(?:rows?|records?|entries|results|lines|(?:row|record) count)\s*[:=]\s*\d[\d,]*\.?"
    # the date first: "01/04/2008 14:02:11 - Report generated by SW9"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:,?\s+\d{1,2}[:.]\d{2}(?::\d{2})?)?\s*[-,:]?\s*"
    r"(?:report|extract|export|chronology|data)\s+(?:was\s+)?"
    r"(?:generated|printed|run|exported|extracted)\b[^\n]{0,120}"
    r"|\W*end of (?:the )?(?:report|extract|export|data|chronology|records?|document)\W*"
    rf"|{_PAGE_FURNITURE_TEXT}",
    re.IGNORECASE,
)
_FOOTER_SCAN: Final = 200  # rows from the end looked at

#: The label over a key to abbreviations typed under a table, alone in its row ("Key:",
#: "Abbreviations used", "Key to abbreviations", "Glossary"), or with the key after it
#: ("Key: HV = health visitor; SW = social worker").
_KEY_LABEL: Final = regex(
    r"\W*(?:key(?: to (?:the )?abbreviations)?|legend|glossary|abbreviations?(?: used)?)"
    r"\s*(?::[^\n]{0,300})?",
    re.IGNORECASE,
)
#: A key's abbreviations in a line without its label ("HV = health visitor; SW = social
#: worker").
_KEY_PAIRS: Final = regex(
    r"\W*[A-Z][A-Za-z&]{0,7}\s*=\s*\w[^=]{0,60}[;,]\s*[A-Z][A-Za-z&]{0,7}\s*="
)
#: Something written as a date: a key's lines hold none (a dated line is an event).
_DATE_LIKE: Final = regex(r"\d{1,4}\s*[/.-]\s*\d{1,2}|\b(?:19|20)\d\d\b")
_KEY_LINES: Final = 60  # lines of a key looked at under its label
_KEY_CELL: Final = 200  # characters in a cell of a key's line, at most


def is_footer_line(text: str) -> bool:
    """True for a line a report writer adds under the entries ("End of chronology",
    "Total contacts: 12", "Report generated on 01/04/2008 by ...", "Page 3 of 3").

    Examples
    --------
    >>> is_footer_line("*** End of chronology ***"), is_footer_line("End of visit")
    (True, False)
    """
    return _FOOTER.fullmatch(" ".join(text.split())) is not None


def is_key_label(text: str) -> bool:
    """True for the label over a key to abbreviations ("Key:", "Abbreviations used"), or a
    line that opens with it ("Key: HV = health visitor").

    Examples
    --------
    >>> is_key_label("Key:"), is_key_label("Key to abbreviations"), is_key_label("Key worker")
    (True, True, False)
    """
    return _KEY_LABEL.fullmatch(text) is not None


def _key_line(values: Sequence[object]) -> bool:
    """True for a line of a key to abbreviations: one to three cells of short text, none
    written as a date ("HV" | "Health visitor", "SW = social worker")."""
    return len(values) <= 3 and all(
        isinstance(v, str) and len(v) <= _KEY_CELL and _DATE_LIKE.search(v) is None for v in values
    )


def footer_rows(
    raw: pd.DataFrame, header: HeaderInfo, *, key_open: bool = False
) -> list[tuple[int, str]]:
    """Rows at the foot of a table that a report writer adds under it ("Total rows: 123",
    "Report generated on 01/04/2008 by ...", "End of report", "Page 3 of 3",
    "OFFICIAL-SENSITIVE"), or a key to the abbreviations used ("Key:" over lines such as
    "HV" | "Health visitor"), as (position in ``raw``, text).

    Such a row holds one cell, or a label and its value ("Total:" | 312, "Count of
    records" | 312, "Run date:" | 01/06/2017), and only blank rows or other such rows come
    after it; it is not an event (it would be rejected as an unreadable date). A key's
    lines (one to three cells of text, no date) count when its label stands alone in the
    row above them, or, with ``key_open`` (the page before ended in a key), when they are
    all the table holds.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen"], [None, None],
    ...                     ["Total rows: 1", None], ["Report generated on 01/04/2008", None]])
    >>> footer_rows(raw, find_header(raw))
    [(3, 'Total rows: 1'), (4, 'Report generated on 01/04/2008')]
    >>> raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen by HV1"], ["Key:", None],
    ...                     ["HV", "Health visitor"]])
    >>> footer_rows(raw, find_header(raw))
    [(2, 'Key:'), (3, 'HV Health visitor')]
    """
    start = max(header.data_start, len(raw) - _FOOTER_SCAN)
    tail = raw.iloc[start:]
    if tail.empty:
        return []
    filled = tail.notna().to_numpy()
    counts = filled.sum(axis=1)
    out: list[tuple[int, str]] = []
    key: list[tuple[int, str]] = []  # lines that may be a key's, until its label is met
    for offset in range(len(tail) - 1, -1, -1):  # from the foot up, to the first other row
        if counts[offset] == 0:
            continue
        values = [tail.iat[offset, int(c)] for c in np.flatnonzero(filled[offset])]
        text = " ".join(
            str(int(v)) if isinstance(v, float) and v.is_integer() else _written(v) for v in values
        )
        label = len(values) == 1 and isinstance(values[0], str)
        if label and is_key_label(text) and (key or ":" in text or not out):
            out.extend(key)  # the lines under the label are its key
            key = []
            out.append((start + offset, text))
            continue
        if (
            not key
            and counts[offset] <= 2
            and isinstance(values[0], str)
            and (len(values) == 1 or _footer_pair(values))
            and _FOOTER.fullmatch(text)
        ):
            out.append((start + offset, text))
            continue
        if _key_line(values) and len(key) < _KEY_LINES:
            key.append((start + offset, text))
            continue
        break
    else:  # every line of the table is the foot's
        if key_open and start == header.data_start:
            out.extend(key)
    return sorted(out)


#: A row's number as a template numbers its rows ("4", "4.", "4.1", "(4)", "12a"; 4.0 from a
#: spreadsheet's number cell).
_ROW_NUMBER: Final = r"\s*\(?\d{1,4}(?:\.\d{1,3})*[a-z]?[.)]?\s*"


def _blank_cells(cells: pd.Series, *, missing_only: bool = False) -> np.ndarray:
    """True where a cell is blank (missing, or only whitespace). With ``missing_only``, text
    read from a CSV file (pyarrow strings) is blank only when missing, as its reader leaves
    an empty cell: a cheap first test of a long column."""
    if isinstance(cells.dtype, pd.StringDtype):
        if missing_only:
            return cells.isna().to_numpy(dtype=bool)
        return cells.str.strip().fillna("").eq("").to_numpy(dtype=bool)
    return np.fromiter((_is_blank(v) for v in cells.tolist()), bool, len(cells))


def numbered_rows(raw: pd.DataFrame, header: HeaderInfo) -> list[int]:
    """Positions in ``raw`` of the rows under the header that hold nothing but their
    number in the sequence column ("No.": "4", "5.", "4.1"): a template's rows numbered in
    advance and left unused, not events.

    Every other column is looked at only for the rows whose date cell (or first other
    column) is blank, so a long table costs a test of missing values (in text read from a
    CSV file, a date cell of spaces is written: that row stays a rejected row).

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([["No.", "Date", "Details"], ["1", "12/03/2007", "Seen"],
    ...                     ["2", None, None], ["3.", None, " "]])
    >>> numbered_rows(raw, find_header(raw))
    [2, 3]
    """
    numbers = [pos for pos, fld in header.mapping.items() if fld == schema.SEQUENCE]
    body = raw.iloc[header.data_start :]
    others = [pos for pos in range(raw.shape[1]) if pos not in numbers]
    if not numbers or body.empty:
        return []
    dates = [pos for pos in others if header.mapping.get(pos) == schema.DATE]
    first = (dates or others or numbers)[0]
    at = None
    if first in others:
        at = np.flatnonzero(_blank_cells(body.iloc[:, first], missing_only=True))
    rows = body if at is None else body.iloc[at]
    if rows.empty:
        return []
    blank = np.column_stack([_blank_cells(rows.iloc[:, pos]) for pos in range(raw.shape[1])])
    numbered = np.column_stack(
        [
            rows.iloc[:, pos].astype(object).fillna("").astype(str).str.fullmatch(_ROW_NUMBER)
            for pos in numbers
        ]
    ).astype(bool)
    mask = np.zeros(raw.shape[1], dtype=bool)
    mask[numbers] = True
    only = (
        numbered.any(axis=1)
        & blank[:, ~mask].all(axis=1)
        & ~(~blank[:, mask] & ~numbered).any(axis=1)
    )
    found = np.flatnonzero(only) if at is None else at[only]
    return [header.data_start + int(pos) for pos in found]


#: A template's prompt in a date cell, under the header: the form of a date
#: ("dd/mm/yyyy", "DD.MM.YY hh:mm") or an instruction ("Enter the date of the contact").
_DATE_PROMPT: Final = re.compile(
    r"^\W*(?:d{1,2}\s*[/.\-]\s*m{1,3}\s*[/.\-]\s*y{2,4}(?:\W+h{1,2}\s*[:.]\s*m{2})?"
    r"|(?:enter|insert|add|type|give)\b[^\n]{0,40}\bdate\b[^\n]{0,40})\W*$",
    re.IGNORECASE,
)


def guidance_row(raw: pd.DataFrame, header: HeaderInfo) -> tuple[int, str] | None:
    """The row right under the header whose date cell is a template's prompt
    ("dd/mm/yyyy", "Enter the date of the contact", beside "Name and role", "Brief
    description of the contact"), as (position in ``raw``, the prompt): the template's
    guidance, left in, not an entry. None when there is none.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([["Date", "Details"], ["dd/mm/yyyy", "Brief description"],
    ...                     ["12/03/2007", "Seen"]])
    >>> guidance_row(raw, find_header(raw))
    (1, 'dd/mm/yyyy')
    """
    dates = [pos for pos, fld in header.mapping.items() if fld == schema.DATE]
    at = header.data_start
    if not dates or at >= len(raw):
        return None
    cell = raw.iat[at, dates[0]]
    if not isinstance(cell, str):
        return None
    prompt = " ".join(cell.split())
    return (at, prompt) if _DATE_PROMPT.match(prompt) else None


def _footer_pair(values: Sequence[object]) -> bool:
    """True for a footer's label and value in two cells: "Total:" | 312, "Count of
    records" | "312", "Printed by:" | "ADMIN1" (a label ending in a colon, or one before a
    whole number)."""
    label, value = _written(values[0]), values[1]
    if isinstance(value, bool):
        return False
    if isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer()):
        return True
    if label.endswith(":") or (isinstance(value, str) and value.strip().isdigit()):
        return True
    # two labels with their values: "Report run: 01/04/2008 14:02" | "User: SW9"
    return ":" in label and isinstance(value, str) and _LABELLED_CELL.fullmatch(value) is not None


#: A cell holding a short label and its value ("User: SW9", "Printed by: ADMIN1")
_LABELLED_CELL: Final = regex(r"\s*[A-Za-z][A-Za-z ]{0,20}:\s*\S[^\n]{0,60}")


def is_repeated_header(raw_rows: pd.DataFrame, header: HeaderInfo) -> pd.Series[bool]:
    """Flag data rows that repeat the header (Word and PDF tables repeat it on every page).

    A row is a repeat when every non-blank cell equals, after :func:`normalise_heading`,
    a header cell of its column (either row of a two-row header, or the combined heading),
    and at least two cells do (one, for a one-column header).

    Parameters
    ----------
    raw_rows
        Rows of the raw table (positional columns as in :func:`find_header`), usually
        those from ``header.data_start`` on.
    header
        What :func:`find_header` returned for the table.

    Returns
    -------
    pandas.Series of bool
        Index-aligned with ``raw_rows``.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame([["Date", "Agency", "Details"], ["1/2/07", "GP", "Seen"],
    ...                     ["DATE:", "Agency", "Details"], ["2/2/07", "HV", "Visit"]])
    >>> info = find_header(raw)
    >>> is_repeated_header(raw.iloc[info.data_start:], info).tolist()
    [False, True, False]
    """
    if not isinstance(raw_rows, pd.DataFrame):
        raise TypeError(f"raw_rows must be a pandas DataFrame, not {type(raw_rows).__name__}")
    rows_of_cells = header.header_cells or (tuple(header.headings),)
    accepted: dict[int, set[str]] = {}
    for pos in range(raw_rows.shape[1]):
        texts = {cells[pos] for cells in rows_of_cells if pos < len(cells)}
        if pos < len(header.headings):
            texts.add(header.headings[pos])
        keys = {normalise_heading(t) for t in texts} - {""}
        if keys:
            accepted[pos] = keys
    n = len(raw_rows)
    if not accepted or n == 0:
        return pd.Series(np.zeros(n, dtype=bool), index=raw_rows.index, dtype=bool)
    limit = max(len(t) for keys in accepted.values() for t in keys) + 20
    needed = min(2, len(accepted))

    filled = np.zeros(n, dtype=np.int64)
    equal = np.zeros(n, dtype=np.int64)
    for pos in range(raw_rows.shape[1]):
        # work on the column's distinct cells; a cell that is not text is never a heading
        codes, uniques = pd.factorize(raw_rows.iloc[:, pos], use_na_sentinel=True)
        distinct = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
        length = _text_lengths(distinct)
        blank = np.append(length == 0, True)  # the last slot is the NA sentinel
        filled += ~blank[codes]
        if pos not in accepted:
            continue
        short = distinct[(length > 0) & (length <= limit)]
        keys = accepted[pos]
        hit = np.zeros(len(distinct) + 1, dtype=bool)
        hit[short.index.to_numpy()] = [normalise_heading(text) in keys for text in short]
        equal += hit[codes]
    repeated = (filled > 0) & (equal == filled) & (equal >= needed)
    return pd.Series(repeated, index=raw_rows.index, dtype=bool)


def _text_lengths(values: pd.Series) -> np.ndarray:
    """Length of each value's stripped text; -1 for a value that is not text."""
    try:
        length = values.str.strip().str.len()
    except AttributeError:  # no text at all (numbers, dates)
        return np.full(len(values), -1, dtype=np.int64)
    return length.fillna(-1).to_numpy(dtype=np.int64)


# --- a template's form: "Agency:", "Child's DOB:" -------------------------------------------
#: The fields a template's front sheet (or the form above its table) states once for the
#: whole chronology, by the label written before the value.
FORM_CHILD_DOB: Final = "child_dob"
_FORM_LABELS: Final = {
    FORM_CHILD_DOB: regex(
        r"(?:(?:the )?(?:subject )?(?:childs?|subjects?|young persons?|yp|cyp|babys?|infants?)"
        r"(?: name and)? |name of (?:the )?(?:subject )?(?:child|young person|baby) and "
        r"|name and )?(?:dob|d o b|date of birth|birth date)",
    ),
    schema.AGENCY: regex(
        r"(?:(?:name of|your|authors?|reporting|responding|contributing) )?"
        r"(?:agency|organisation|organization|agency organisation|organisation agency)"
        r"(?: name)?(?: (?:completing|providing|submitting)(?: (?:the|this))?"
        r"(?: chronology| report| information)?)?",
    ),
}
#: Rows of a front sheet looked at for its fields (a form fills the top of a page).
_FORM_ROWS: Final = 60
#: "Label: value" written in one cell.
_LABEL_IN_CELL: Final = regex(r"\s*([^:]{2,60}?)\s*[:\-–]\s+(\S.*)", re.DOTALL)


class FormField(NamedTuple):
    """A field a template's form states once: ``name`` (:data:`FORM_CHILD_DOB` or
    :data:`scr_timeline.schema.AGENCY`), the ``value`` as read (a date, or text), its
    ``label`` as written, and where it is (0-based ``row`` and ``column``)."""

    name: str
    value: object
    label: str
    row: int
    column: int


#: A column holding the date of birth of the person the export is about, on every row
#: (a case system's export of one child: "DOB", "Child DOB", "Person DOB", "Client date of
#: birth"); never a parent's ("Mother's DOB") or a patient's (a parent's GP record).
_DOB_COLUMN: Final = regex(
    r"(?:(?:the )?(?:childs?|subjects?|young persons?|yp|cyp|babys?|infants?|persons?"
    r"|clients?|pupils?|students?|service users?) )?(?:dob|d o b|date of birth|birth date)"
)


def names_child_dob(heading: object) -> bool:
    """Whether a column's heading names the child's date of birth ("DOB", "Child DOB",
    "Person DOB"), not a parent's.

    >>> names_child_dob("Date of Birth"), names_child_dob("Person DOB"), names_child_dob("Mother's DOB")
    (True, True, False)
    """
    key = normalise_heading(heading)
    return bool(key) and _DOB_COLUMN.fullmatch(key) is not None


#: Headings that only a school's safeguarding or pupil system writes (CPOMS, MyConcern,
#: Arbor, SIMS): a table with one of them is a school's record, whoever wrote each row
#: ("Office O1", "Lunchtime supervisor"). Not "Form" (a Mosaic or Liquidlogic form is a
#: workflow step), "Class" or "Year" (a year row), which other records write too.
_SCHOOL_HEADINGS: Final = frozenset(
    {
        "student", "students", "student name", "student names", "students name",
        "pupil", "pupils", "pupil name", "pupil names", "pupils name",
        "linked student", "linked students", "linked pupil", "linked pupils",
        "student involved", "students involved", "pupil involved", "pupils involved",
        "year group", "yr group", "tutor group", "form group", "form tutor", "reg group",
        "registration group", "upn", "pupil number", "unique pupil number", "key stage",
    }
)  # fmt: skip


def school_headings(headings: Sequence[object]) -> list[str]:
    """The headings, as written, that only a school's system writes ("Student", "Pupil",
    "Linked student", "Year group", "Tutor group", "UPN"): a table with any is a school's
    record, its agency education when nothing else names one.

    >>> school_headings(["Student", "Incident date", "Category", "Reported by", "Form"])
    ['Student']
    >>> school_headings(["Date", "Agency", "Student nurse"])
    []
    """
    return [_written(text) for text in headings if normalise_heading(text) in _SCHOOL_HEADINGS]


def _form_label(text: object) -> str | None:
    """The field a form's label names ("Child's DOB:", "Name of agency"), else None."""
    key = normalise_heading(text)
    for name, pattern in _FORM_LABELS.items():
        if key and pattern.fullmatch(key) is not None:
            return name
    return None


def form_fields(raw: pd.DataFrame, rows: int = _FORM_ROWS) -> list[FormField]:
    """The fields a template's form states in the first ``rows`` rows of ``raw``: a label
    ("Agency:", "Name of organisation", "Child's DOB", "D.O.B.") followed, in its row, by
    its value in the next cell holding one, or "Label: value" in one cell. A label with no
    value beside it (a blank form, or the heading of a column beside other headings)
    gives nothing.

    Examples
    --------
    >>> raw = pd.DataFrame([["Agency:", "Riverside Surgery"], ["Child's DOB: 01/03/2016", None]])
    >>> [(f.name, f.value, f.row) for f in form_fields(raw)]
    [('agency', 'Riverside Surgery', 0), ('child_dob', '01/03/2016', 1)]
    """
    out: list[FormField] = []
    top = raw.iloc[:rows]
    filled = top.notna().to_numpy()
    for row in np.flatnonzero(filled.any(axis=1)).tolist():
        cells = top.iloc[row].tolist()
        headings = map_headings(cells)  # a table's header ("DOB | Agency | Details")
        written = [c for c in np.flatnonzero(filled[row]).tolist() if not _is_blank(cells[c])]
        for k, col in enumerate(written):
            cell = cells[col]
            if not isinstance(cell, str):
                continue
            name = _form_label(cell)
            if name is not None:
                at = written[k + 1] if k + 1 < len(written) else None
                if at is not None and at not in headings and _form_label(cells[at]) is None:
                    out.append(FormField(name, cells[at], _written(cell), row, at))
                continue
            inline = _LABEL_IN_CELL.fullmatch(cell)
            if inline is not None and (name := _form_label(inline.group(1))) is not None:
                value = " ".join(inline.group(2).split())
                out.append(FormField(name, value, _written(inline.group(1)), row, col))
    return out
