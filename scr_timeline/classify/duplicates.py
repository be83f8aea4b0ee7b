"""Find contacts that two agencies both recorded.

When agency chronologies are merged, or a panel's combined chronology lists every agency's
entries in one table, one phone call or meeting often appears twice: the GP wrote "phoned HV
re bruise on arm" and the health visitor wrote "call from GP re bruise on arm". The copy (the
record that holds nothing the other does not; of two that hold the same, the later-listed) is
linked to the other through ``duplicate_of``; nothing is deleted, and the graph and the
knowledge queries count the contact once.

Two events are copies of one contact when all of these hold:

1. **Same day, or the next for a record of being told.** Their ``[start, end]`` spans share a
   calendar day; or one is an agency's record of being told (a ``referral`` or
   ``information_sharing``: "PPN received re DA incident", "Letter from ED: attended with a
   bruise to the cheek") dated the day after the other, which is not itself a message (the
   police's call-out logged at 23:40, the hospital's attendance). Two calls a day apart stay
   two calls; two visits of the same kind (:data:`JOINT_CONTACTS`) both timed to the minute
   and more than :data:`HOURS_APART` hours apart stay two visits (the HV's at 10:00, social
   care's at 14:00), unless both call it joint. Only events dated to within a week (minute, day or week precision, or a range
   of at most seven days) take part: a month or a season cannot establish the same day.
2. **Different agencies that name each other.** A's counterparts include B's agency and B's
   counterparts include A's agency. Two records of the same kind of meeting
   (:data:`MEETINGS`) on the same day need not: social care's "ICPC - CP plan (physical
   abuse)" seldom lists who came, and the school's "Attended ICPC" names social care at most;
   both are the one conference.
3. **Similar text.** ``rapidfuzz`` ``token_set_ratio`` of their ``details`` (lower-cased,
   punctuation removed) is at least ``threshold`` (0 to 100); or, as agencies tell the same
   thing in their own words, the texts share at least three telling words (not the words
   every entry uses: "child", "mother", "phoned", "seen"; compared by their first five
   letters, so "bruise" and "bruising" are one) making up at least ``threshold - 20`` per
   cent of the shorter text's telling words (counted as if it had one more); or both are the
   same kind of meeting (:data:`MEETINGS`: a strategy discussion, a conference, a core group)
   on the same day, which each agency minutes in its own words: the police's "Strategy
   discussion held. Agreed joint s47" and children's social care's "Strategy discussion with
   DC1 re bruising" are one discussion; or both are the same kind of contact made together
   (:data:`JOINT_CONTACTS`: a visit, an s47 enquiry, an interview) that both texts call
   joint ("joint", "jointly", "JHV"): the police's "Joint visit with SW2 to the home" and
   social care's "Joint visit with DC1 - Child A seen alone" are one visit. Events without
   details are never copies: without text there is nothing to compare.
4. **The same child.** Two records that name children as reviews name them ("Child A",
   "Sibling B", "Baby D"), but no child in common, are two contacts: the strategy
   discussions held for Child A and for Sibling B on one morning are two discussions.

**Which is the copy.** A copy never triggers a rule: the record it copies is judged in its
place (RULES.md). So the copy is the record that holds nothing the other does not, where what
a record holds is its ``event_type``, the event types it ``mentions`` (a decision, a plan, a
further event: "S47 enquiry agreed", "CP plan - neglect", "Father arrested", "Home visit same
day"), whether its ``outcome`` cell records anything (not "-", "N/A", "Nil", nor only
"Filed", "Noted", "Scanned to notes"), and whether it tells of a suspicious injury
(``suspicious_injury``: what the injury rules start from). A record of being told ("Letter from ED", "PPN received", typed ``referral`` or ``information_sharing``)
holds the message, which is the contact both share, and information shared ("Report to CSC
and police", "by phone") is how a contact is told, not a further one: neither counts.

- When one record holds all the other does and more, the other is the copy, whichever is
  listed first: social care's minute of a strategy discussion ("S47 enquiry agreed") is the
  original of the police's "Attended strategy discussion", and the hospital's attendance of
  the GP's "Letter from ED".
- When each holds something the other does not (the police's "joint visit - father
  arrested" and social care's "joint visit - Child A to stay with grandmother"; social care's
  "Referral from school. Strategy discussion held; S47" and the school's own "Child B came in
  with a bruise"), neither is a copy: both are judged.
- When both hold the same, the convenor's (:data:`CONVENOR`, social care) record of a
  meeting (:data:`MEETINGS`) is the original of the other agencies' records of it; the
  record of a referral received ("Referral received from school DSL re bruise", "Contact
  from school") is the copy of the referrer's own; else the *later-listed* (by position in
  the table given: pass events in input order, source by source and row by row, for "later
  in the input") is the copy.

When several records qualify as a copy's original, the most similar wins (then the
earliest); a copy of a copy points at the original of both (each step holds no less), so
every group of copies has one original, and it is never itself a copy.

Candidates are generated without comparing every pair: events are expanded to (day, agency,
named agency) rows and joined to themselves on (day, named agency = agency, agency = named
agency), so only events that could be the same contact are ever scored; and two that each
hold more than the other are dropped before their texts are compared.

Examples
--------
>>> from scr_timeline.testing import make_events
>>> events = make_events(
...     start=["12/03/2007", "12/03/2007", "12/03/2007"],
...     agency=["gp", "health_visiting", "csc"],
...     counterparts=[("health_visiting",), ("gp",), ("gp",)],
...     details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm",
...              "Strategy discussion"],
... )
>>> find_duplicates(events).tolist()
[<NA>, 'e1', <NA>]
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from scr_timeline import schema as S

__all__ = [
    "CONVENOR",
    "HOURS_APART",
    "JOINT_CONTACTS",
    "MAX_SPAN_DAYS",
    "MEETINGS",
    "find_duplicates",
    "mark_duplicates",
]

#: Events whose date spans more days than this cannot be matched to one day.
MAX_SPAN_DAYS: Final = 7
#: Event types of a meeting between agencies that is held once on a day: two agencies'
#: records of the same one of these on the same day are one meeting, whatever their words.
MEETINGS: Final = (
    "strategy_discussion",
    "icpc",
    "review_conference",
    "core_group",
    "cin_meeting",
    "legal_planning_meeting",
)
#: The agency that convenes and minutes those meetings: of two records of one meeting that
#: hold the same, its record is the original.
CONVENOR: Final = "csc"
#: A referral's record of receiving it ("Referral received from school", "Contact from
#: school DSL", "PPN rec'd"), in text lower-cased with punctuation removed: of two records
#: of one referral that hold the same, it is the copy of the referrer's.
_RECEIVED: Final = re.compile(r"\b(?:received|receipt|recd|rec d|from)\b")
_REFERRAL: Final = "referral"
#: Event types of a contact two agencies may make together: two agencies' records of the same
#: one of these on the same day that both call it joint are one contact.
JOINT_CONTACTS: Final = (
    "home_visit",
    "office_visit",
    "s47_enquiry",
    "police_investigation",
    "medical_examination",
)
#: Two records of a visit (:data:`JOINT_CONTACTS`) timed more hours apart than this are two
#: visits, unless both call it joint (a joint visit's notes may be written up later).
HOURS_APART: Final = 3
_JOINT: Final = re.compile(r"\b(?:joint|jointly|jhv|jv)\b")

_AGENCY_CODES: Final[dict[str, int]] = {code: i for i, code in enumerate(S.AGENCIES)}
_NS_PER_DAY: Final = 86_400 * 10**9
_ROW: Final = "row"
_DAY: Final = "day"
_NAMED: Final = "named"
_DAY_BEFORE: Final = "day_before"  # a record of being told, on the day before its own
#: Event types that record being told of something (a notification, a letter, a call): such a
#: record may be dated the day after what it tells of.
_TOLD: Final = ("referral", "information_sharing")
_MESSAGE: Final = "information_sharing"
#: Telling words two records must share when their wording differs (see the module docstring).
_SHARED_WORDS: Final = 3
_OVERLAP_MARGIN: Final = 20.0  # the share of telling words may fall this far below threshold
_STEM: Final = 5
_WORD: Final = re.compile(r"[a-z][a-z']{2,}")
#: Words every entry uses: they tell two records of one event from two events apart no better
#: than chance (function words, the family, and the verbs and nouns of contact itself).
_COMMON_WORDS: Final = frozenset(
    (
        "the",
        "and",
        "for",
        "with",
        "from",
        "was",
        "were",
        "has",
        "had",
        "have",
        "this",
        "that",
        "then",
        "than",
        "into",
        "onto",
        "upon",
        "about",
        "after",
        "before",
        "also",
        "not",
        "but",
        "are",
        "his",
        "her",
        "him",
        "she",
        "they",
        "them",
        "their",
        "there",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "would",
        "will",
        "could",
        "should",
        "said",
        "says",
        "told",
        "seen",
        "saw",
        "see",
        "today",
        "yesterday",
        "tomorrow",
        "re",
        "regarding",
        "via",
        "per",
        "being",
        "been",
        "its",
        "our",
        "out",
        "one",
        "two",
        "any",
        "all",
        "child",
        "children",
        "baby",
        "mother",
        "mum",
        "mother's",
        "father",
        "dad",
        "father's",
        "parent",
        "parents",
        "family",
        "phoned",
        "phone",
        "telephoned",
        "telephone",
        "call",
        "called",
        "calls",
        "rang",
        "email",
        "emailed",
        "letter",
        "letters",
        "received",
        "sent",
        "message",
        "spoke",
        "visit",
        "visited",
        "home",
        "address",
        "informed",
        "record",
        "recorded",
        "attended",
        "attend",
        "brought",
        "notification",
        "notified",
        "referral",
        "referred",
        "report",
        "reported",
        "information",
        "concern",
        "concerns",
        "noted",
        "present",
    )
)

IntArray = npt.NDArray[np.int64]


def _named_agencies(value: object) -> list[int]:
    """Agency codes named in one counterparts cell (a tuple, or text joined with ";")."""
    if isinstance(value, str):
        parts: list[Any] = value.split(";")
    elif isinstance(value, tuple | list):
        parts = list(value)
    else:
        return []
    codes = {_AGENCY_CODES.get(str(p).strip().lower()) for p in parts if isinstance(p, str)}
    return sorted(c for c in codes if c is not None)


#: :func:`_named_agencies` of each counterparts cell met (a batch meets the same few again).
_NAMED_SEEN: Final[dict[object, list[int]]] = {}
_NAMED_SEEN_MAX: Final = 65_536


def _named_once(value: object) -> list[int]:
    """:func:`_named_agencies`, worked out once per distinct hashable cell value."""
    if not isinstance(value, str | tuple):
        return _named_agencies(value)
    try:
        return _NAMED_SEEN[value]
    except KeyError:
        named = _named_agencies(value)
        if len(_NAMED_SEEN) < _NAMED_SEEN_MAX:
            _NAMED_SEEN[value] = named
        return named
    except TypeError:  # a tuple holding something unhashable
        return _named_agencies(value)


def _agency_codes(values: pd.Series) -> IntArray:
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype) and list(dtype.categories) == list(S.AGENCIES):
        return values.cat.codes.to_numpy().astype(np.int64)
    cat = pd.Categorical(values.astype("object"), categories=list(S.AGENCIES))
    return np.asarray(cat.codes, dtype=np.int64)


def _days(values: pd.Series) -> IntArray:
    """Calendar day number of each time (days since 1970-01-01; NaT gives a huge negative)."""
    ns = np.asarray(values.to_numpy(dtype="datetime64[ns]").view(np.int64))
    return ns // _NS_PER_DAY


def _kinds(events: pd.DataFrame) -> npt.NDArray[np.object_]:
    """Each event's ``event_type`` as Python objects (all None without the column)."""
    if S.EVENT_TYPE not in events:
        return np.full(len(events), None, dtype=object)
    return events[S.EVENT_TYPE].astype("object").to_numpy()


def _candidate_rows(
    events: pd.DataFrame, kind: npt.NDArray[np.object_], agency: IntArray
) -> dict[str, npt.NDArray[Any]]:
    """One entry per (event, day it may be on, agency it names), for the eligible events:
    arrays of equal length keyed by ``_ROW``, ``_DAY``, ``S.AGENCY``, ``_NAMED`` and
    ``_DAY_BEFORE``."""
    start = events[S.START].to_numpy(dtype="datetime64[ns]")
    end = events[S.END].to_numpy(dtype="datetime64[ns]")
    end = np.where(np.isnat(end), start, end)  # no end: the start's day
    first_day = start.view(np.int64) // _NS_PER_DAY
    last_day = end.view(np.int64) // _NS_PER_DAY
    span = last_day - first_day + 1
    eligible = ~np.isnat(start) & (agency >= 0) & (span >= 1) & (span <= MAX_SPAN_DAYS)
    # a record of being told may be of the day before: it takes part on that day as well
    told = np.isin(kind, _TOLD)
    first_day = first_day - told.astype(np.int64)
    span = span + told.astype(np.int64)

    position = np.flatnonzero(eligible)
    cells = events[S.COUNTERPARTS].to_numpy(dtype=object)[position]
    tuple_codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    named_per_unique = [_named_once(u) for u in uniques] + [[]]  # -1 -> no agencies
    lengths_u = np.array([len(n) for n in named_per_unique], dtype=np.int64)
    offsets_u = np.concatenate([[0], np.cumsum(lengths_u)]).astype(np.int64)
    flat = np.array([c for n in named_per_unique for c in n], dtype=np.int64)

    # explode events over the agencies they name ...
    tid = np.asarray(tuple_codes, dtype=np.int64)  # -1 indexes the trailing empty entry
    lengths = lengths_u[tid]
    rep = np.repeat(np.arange(len(position), dtype=np.int64), lengths)
    named = flat[offsets_u[tid][rep] + _within(lengths)]
    rows = position[rep]
    # ... and over the days they may be on
    days_n = span[rows]
    rep2 = np.repeat(np.arange(len(rows), dtype=np.int64), days_n)
    offset = _within(days_n)
    return {
        _ROW: rows[rep2],
        _DAY: first_day[rows][rep2] + offset,
        S.AGENCY: agency[rows][rep2],
        _NAMED: named[rep2],
        _DAY_BEFORE: (offset == 0) & told[rows][rep2],
    }


def _within(lengths: IntArray) -> IntArray:
    """0, 1, ... ``lengths[i] - 1`` for each ``i`` in turn: positions within exploded runs."""
    return np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths
    )


def _rows_of(n: int, *pairs: IntArray) -> IntArray:
    """The distinct positions (below ``n``) named in ``pairs``, in order."""
    named = np.zeros(n, dtype=bool)
    for side in pairs:
        named[side] = True
    return np.flatnonzero(named)


def _join(left: IntArray, right: IntArray) -> tuple[IntArray, IntArray]:
    """Every pair ``(i, j)`` with ``left[i] == right[j]``: an equi-join of two key arrays
    (sorted ``right`` searched for each ``left`` key; the matches exploded)."""
    order = np.argsort(right, kind="stable")
    ordered = right[order]
    lo = np.searchsorted(ordered, left, side="left")
    hi = np.searchsorted(ordered, left, side="right")
    lengths = (hi - lo).astype(np.int64)
    i = np.repeat(np.arange(len(left), dtype=np.int64), lengths)
    j = order[np.repeat(lo, lengths) + _within(lengths)]
    return i, j


def _meeting_pairs(
    events: pd.DataFrame, kind: npt.NDArray[np.object_], agency: IntArray
) -> tuple[IntArray, IntArray]:
    """Pairs (earlier, later) of two agencies' records of the same kind of meeting
    (:data:`MEETINGS`) on the same day, whether or not they name each other: social care's
    minute of the conference it chairs seldom lists who came."""
    meeting = np.flatnonzero(
        np.isin(kind, MEETINGS) & events[S.START].notna().to_numpy() & (agency >= 0)
    )
    if len(meeting) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes, _uniques = pd.factorize(kind[meeting])
    key = _days(events[S.START])[meeting] * len(MEETINGS) + codes
    a, b = _join(key, key)
    a, b = meeting[a], meeting[b]
    keep = (a < b) & (agency[a] != agency[b])
    return a[keep], b[keep]


def _same_meeting(
    events: pd.DataFrame,
    kind: npt.NDArray[np.object_],
    earlier: IntArray,
    later: IntArray,
    processed: npt.NDArray[np.object_],
) -> npt.NDArray[np.bool_]:
    """Per candidate pair, whether both are the same kind of meeting (:data:`MEETINGS`), or
    of contact (:data:`JOINT_CONTACTS`) both texts (``processed``: per event, lower-cased)
    call joint, on the same calendar day (a record of being told of one, a day later, is
    none)."""
    if S.EVENT_TYPE not in events or not len(earlier):
        return np.zeros(len(earlier), dtype=bool)
    start = _days(events[S.START])
    same = (kind[earlier] == kind[later]) & (start[earlier] == start[later])
    meeting = np.isin(kind[earlier], MEETINGS)
    joint = same & np.isin(kind[earlier], JOINT_CONTACTS)
    if joint.any():
        # only the pairs that may be one joint contact: each of their events' texts once
        at = np.flatnonzero(joint)
        rows = np.unique(np.concatenate([earlier[at], later[at]]))
        said = np.zeros(len(processed), dtype=bool)
        said[rows] = pd.Series(processed[rows], dtype=object).str.contains(_JOINT, regex=True)
        joint[at] = said[earlier[at]] & said[later[at]]
    return same & (meeting | joint)


def _hours_apart(
    events: pd.DataFrame, kind: npt.NDArray[np.object_], earlier: IntArray, later: IntArray
) -> npt.NDArray[np.bool_]:
    """Per candidate pair, whether both are the same kind of contact made in person
    (:data:`JOINT_CONTACTS`), both timed to the minute, and more than
    :data:`HOURS_APART` hours apart (the HV's home visit at 10:00, social care's at 14:00)."""
    out = (kind[earlier] == kind[later]) & np.isin(kind[earlier], JOINT_CONTACTS)
    if S.PRECISION not in events or not out.any():
        return np.zeros(len(earlier), dtype=bool)
    at = np.flatnonzero(out)
    precision = events[S.PRECISION]
    timed = (precision.iloc[earlier[at]].to_numpy() == "minute") & (
        precision.iloc[later[at]].to_numpy() == "minute"
    )
    start = events[S.START]
    gap = np.abs(
        start.iloc[earlier[at]].to_numpy(dtype="datetime64[ns]").view(np.int64)
        - start.iloc[later[at]].to_numpy(dtype="datetime64[ns]").view(np.int64)
    )
    out[at] = timed & (gap > HOURS_APART * 3_600 * 10**9)
    return out


def _telling_words(texts: npt.NDArray[np.object_]) -> tuple[IntArray, IntArray, np.int64]:
    """The telling words of each text (see the module docstring), each as its first
    letters: ``(keys, counts, width)``, where ``keys`` (sorted) holds ``i * width + word``
    for each distinct word (as a code below ``width``) of text ``i``, and ``counts[i]``
    says how many text ``i`` has.

    ``texts`` are rapidfuzz-processed (lower case, no punctuation), so a word is a run of
    three letters or more. One Arrow pass over all texts, no loop per text.
    """
    pieces = pc.split_pattern_regex(pa.array(texts, pa.large_string()), "[^a-z]+")
    parents = pc.list_parent_indices(pieces).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(pieces)
    keep = pc.and_(
        pc.greater_equal(pc.utf8_length(flat), 3),
        pc.invert(pc.is_in(flat, value_set=_common_words())),
    )
    stems = pc.utf8_slice_codeunits(pc.filter(flat, keep), 0, _STEM)
    codes, uniques = pd.factorize(stems.to_numpy(zero_copy_only=False), sort=False)
    width = np.int64(max(len(uniques), 1))
    owner = parents[keep.to_numpy(zero_copy_only=False)].astype(np.int64)
    keys = np.sort(owner * width + np.asarray(codes, dtype=np.int64))
    keys = keys[np.diff(keys, prepend=np.int64(-1)) != 0]  # distinct per text
    counts = np.bincount(keys // width, minlength=len(texts)).astype(np.int64)
    return keys, counts, width


@functools.cache
def _common_words() -> pa.Array:
    return pa.array(sorted(_COMMON_WORDS), pa.large_string())


def _shared_share(
    processed: npt.NDArray[np.object_], earlier: IntArray, later: IntArray
) -> npt.NDArray[np.float64]:
    """Per pair ``(earlier[i], later[i])`` of events, the share (0-100) of the shorter
    text's telling words the other holds, counted as if the shorter had one more word
    (three words of three is no proof), or 0 when they share fewer than
    :data:`_SHARED_WORDS`.

    Each event's words are found once (:func:`_telling_words`); the pairs' shared words
    are counted by looking each word of one side up among the other side's, all pairs at
    once.
    """
    out = np.zeros(len(earlier), dtype=float)
    if not len(earlier):
        return out
    rows = _rows_of(len(processed), earlier, later)
    keys, counts, width = _telling_words(processed[rows])
    if not len(keys):
        return out
    offsets = np.cumsum(counts) - counts
    side_a, side_b = np.searchsorted(rows, earlier), np.searchsorted(rows, later)
    # each pair exploded over its earlier text's words, each looked up in the later text's
    lengths = counts[side_a]
    pair = np.repeat(np.arange(len(earlier), dtype=np.int64), lengths)
    within = np.arange(len(pair), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    words = keys[offsets[side_a][pair] + within] % width
    wanted = side_b[pair] * width + words
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    shared = np.bincount(pair[keys[found] == wanted], minlength=len(earlier))
    fewer = np.minimum(counts[side_a], counts[side_b]) + 1
    enough = shared >= _SHARED_WORDS
    out[enough] = 100.0 * shared[enough] / fewer[enough]
    return out


#: Event types that hold no event of their own: ``other``, and information shared (a
#: letter, a call, "report to CSC and police", "strategy discussion by phone"), which is how
#: a contact is told, not a further one.
#: A child named as review chronologies name children ("Child A", "Sibling B", "Baby D",
#: "Twin 2"), in text lower-cased with punctuation removed: the letter or number names one.
_CHILD_NAMED: Final = re.compile(
    r"\b(?:child|sibling|baby|twin|infant|young person|yp|subject)\s+([a-z]|[0-9])\b"
)


def _children_named(processed: npt.NDArray[np.object_], rows: IntArray) -> IntArray:
    """Per event (filled in at ``rows``), the children its text names ("Child A", "Sibling
    B") as a bit mask, one bit per letter or digit; 0 where it names none. Each distinct
    text is read once."""
    out = np.zeros(len(processed), dtype=np.int64)
    if not len(rows):
        return out
    codes, uniques = pd.factorize(processed[rows])
    found = pd.Series(uniques, dtype=object).str.findall(_CHILD_NAMED)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    masks = [sum({1 << letters.index(x) for x in names}) for names in found]
    out[rows] = np.array([*masks, 0], dtype=np.int64)[codes]
    return out


_NO_EVENT: Final = ("other", "information_sharing")
#: An outcome cell that records nothing ("-", "N/A", "Nil", "None", "Not known"), or only
#: that the record was kept ("Filed", "Noted", "Read and filed", "Scanned to notes", "For
#: information"): a GP's note of a letter from ED is no more than the attendance.
_NO_OUTCOME: Final = re.compile(
    r"[\W_]*(?:(?:nil|none|n/?a|not\s+(?:known|applicable|recorded)|unknown|blank"
    r"|(?:(?:letter|report|copy)\s+)?(?:read\s+and\s+)?(?:filed|noted|scanned)"
    r"(?:\s+(?:in|into|on|to)\s+(?:the\s+)?(?:notes|records?|file))?"
    r"|for\s+info(?:rmation)?(?:\s+only)?|info(?:rmation)?\s+only)[\W_]*)?",
    re.IGNORECASE,
)


@functools.cache
def _holding_bits() -> dict[str, int]:
    """The bit of each event type in :func:`_holds`'s masks (the outcome's is the last)."""
    bits = {kind: 1 << i for i, kind in enumerate(S.EVENT_TYPES)}
    for kind in _NO_EVENT:
        bits[kind] = 0
    return bits


_OUTCOME_BIT: Final = np.uint64(1 << len(S.EVENT_TYPES))
_SUSPICIOUS_BIT: Final = np.uint64(1 << (len(S.EVENT_TYPES) + 1))
#: What an agency's record of a meeting the convenor minutes may tell of beside the meeting
#: as its own act, not the meeting's business: a referral it made ("DSL made a referral to
#: CAMHS after the meeting"), or the meeting named again. Of the two records, the minutes
#: stay the original; a referral to csc so told still triggers from the attendee's record
#: (a copy the rule would not select as the original's agency's triggers itself:
#: docs/rules.md, "Duplicates"). A decision or a further event of another kind (an arrest)
#: still makes each record hold something the other does not.
_ATTENDEES_OWN: Final = np.uint64(_holding_bits()["referral"] | _holding_bits()["meeting"])


def _type_bits(value: object) -> int:
    """The bits of the event types one ``mentions`` cell names (a tuple, or text joined
    with ";")."""
    if isinstance(value, str):
        parts: list[Any] = value.split(";")
    elif isinstance(value, tuple | list):
        parts = list(value)
    else:
        return 0
    bits = _holding_bits()
    out = 0
    for part in parts:
        if isinstance(part, str):
            out |= bits.get(part.strip().lower(), 0)
    return out


def _holds(
    events: pd.DataFrame, kind: npt.NDArray[np.object_], rows: IntArray
) -> npt.NDArray[np.uint64]:
    """What each event at ``rows`` holds, as a bit mask: its event type, the event types it
    mentions (a decision, a plan, a further event: "s47 agreed", "CP plan", "allocated to
    SW1"), whether its outcome cell records something, and whether it tells of a
    suspicious injury (not the outcome of another agency's record of a meeting the
    convenor minutes: its own part after it). A record of being told
    (:data:`_TOLD`: "Letter from ED", "PPN received") holds the message, which is the
    contact it shares, and so only what it mentions. Worked out once per distinct value,
    not per row."""
    mask = np.zeros(len(rows), dtype=np.uint64)
    codes, uniques = pd.factorize(kind[rows])
    own = [0 if u in _TOLD else _type_bits((u,)) for u in uniques]
    mask |= np.array([*own, 0], dtype=np.uint64)[codes]  # -1 (no type) takes the last 0
    # another agency's record of a meeting (the convenor's is the minutes): its outcome, and
    # the acts of its own it tells of beside the meeting, are its own part ("DSL attended
    # ICPC ... | School to attend core groups", "DSL attended the strategy discussion. DSL
    # made a referral to CAMHS after the meeting"), no more than the meeting
    attendee = np.isin(kind[rows], MEETINGS) & (
        _agency_codes(events[S.AGENCY].iloc[rows]) != _AGENCY_CODES[CONVENOR]
    )
    if S.MENTIONS in events:
        cells = events[S.MENTIONS].to_numpy(dtype=object)[rows]
        codes, uniques = pd.factorize(cells)
        named = np.array([*(_type_bits(u) for u in uniques), 0], dtype=np.uint64)[codes]
        named[attendee] &= ~_ATTENDEES_OWN
        mask |= named
    if S.OUTCOME in events:
        # each distinct outcome read once (by Python's re, as pandas reads a pattern with \s)
        outcome = events[S.OUTCOME].iloc[rows].astype("string").array
        codes, distinct = outcome.factorize()  # -1: no outcome, which records nothing
        recorded = [_NO_OUTCOME.fullmatch(u) is None for u in distinct.tolist()]
        said = np.array([*recorded, False], dtype=bool)[codes]
        mask[said & ~attendee] |= _OUTCOME_BIT
    if S.SUSPICIOUS_INJURY in events:
        suspicious = events[S.SUSPICIOUS_INJURY].iloc[rows].fillna(False).to_numpy(dtype=bool)
        mask[suspicious] |= _SUSPICIOUS_BIT
    return mask


def _rank(
    events: pd.DataFrame,
    kind: npt.NDArray[np.object_],
    agency: IntArray,
    processed: npt.NDArray[np.object_],
    rows: IntArray,
) -> IntArray:
    """Per event (filled in at ``rows``), its rank as the original of a record that holds
    the same (see the module docstring): 2 for the convenor's record of a meeting, 0 for the
    record of a referral received (:data:`_RECEIVED`), 1 for any other."""
    rank = np.zeros(len(events), dtype=np.int64)
    minute = (agency[rows] == _AGENCY_CODES[CONVENOR]) & np.isin(kind[rows], MEETINGS)
    received = kind[rows] == _REFERRAL
    if received.any():
        texts = pd.Series(processed[rows[received]], dtype=object)
        received[received] = texts.str.contains(_RECEIVED, regex=True).to_numpy(dtype=bool)
    rank[rows] = 2 * minute + ~received
    return rank


def find_duplicates(events: pd.DataFrame, *, threshold: float = 80.0) -> pd.Series:
    """Link each copy of a contact to the record of it another agency made that holds no less.

    Parameters
    ----------
    events
        A canonical events table (``Chronology.events`` or one built with
        :func:`scr_timeline.testing.make_events`), in the order that decides which of two
        records holding the same is "later": input order (source by source, row by row)
        when called while merging, the table's order for one combined table.
    threshold
        Least ``token_set_ratio`` (0-100) between the two ``details`` texts.

    Returns
    -------
    pandas.Series
        Aligned with ``events`` (same index), dtype ``string``, named ``duplicate_of``: the
        ``event_id`` of the original for each copy (the record that holds no more than its
        original: see the module docstring), NA elsewhere. The input is not changed.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["12/03/2007 10:15", "12/03/2007"],
    ...     agency=["csc", "police"],
    ...     counterparts=[("police", "mother"), ("csc",)],
    ...     details=["Strategy discussion with DC Smith", "Strategy discussion with CSC"],
    ... )
    >>> find_duplicates(events)
    event_id
    e1    <NA>
    e2      e1
    Name: duplicate_of, dtype: string
    >>> find_duplicates(events, threshold=95).isna().all()
    np.True_
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not 0 <= threshold <= 100:
        raise ValueError(f"threshold must be between 0 and 100, not {threshold!r}")
    missing = [c for c in (S.START, S.END, S.AGENCY, S.COUNTERPARTS, S.DETAILS) if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")

    out = pd.Series(pd.NA, index=events.index, dtype="string", name=S.DUPLICATE_OF)
    kind = _kinds(events)
    agency = _agency_codes(events[S.AGENCY])
    table = _candidate_rows(events, kind, agency)
    a, b = _meeting_pairs(events, kind, agency)
    if len(table[_ROW]):
        # (day, named agency = agency, agency = named agency): each event meets the events
        # of the agencies it names, on its days, that name its agency
        width = len(S.AGENCIES) + 1
        day = table[_DAY] - table[_DAY].min()
        left = (day * width + table[_NAMED]) * width + table[S.AGENCY]
        right = (day * width + table[S.AGENCY]) * width + table[_NAMED]
        i, j = _join(left, right)
        earlier, later = table[_ROW][i], table[_ROW][j]
        keep = (earlier < later) & (table[S.AGENCY][i] != table[S.AGENCY][j])
        # a record of being told meets the day before only what it may tell of: not another
        # message (two calls a day apart are two calls), nor another record's day before
        before_a, before_b = table[_DAY_BEFORE][i], table[_DAY_BEFORE][j]
        message = kind == _MESSAGE
        keep &= ~(before_a & before_b)
        keep &= ~(before_a & message[later]) & ~(before_b & message[earlier])
        a, b = np.concatenate([earlier[keep], a]), np.concatenate([later[keep], b])
    if not len(a):
        return out
    # each pair once, in the order first met
    first = np.unique(a * len(events) + b, return_index=True)[1]
    first.sort()
    a, b = a[first], b[first]
    # what each holds (see the module docstring): two records that each hold more than the
    # other are no copies, so they are never scored
    held = np.zeros(len(events), dtype=np.uint64)
    rows = _rows_of(len(events), a, b)
    held[rows] = _holds(events, kind, rows)
    nested = ((held[b] & ~held[a]) == 0) | ((held[a] & ~held[b]) == 0)
    if not nested.any():
        return out

    from rapidfuzz import fuzz, process, utils  # only when there are candidate pairs

    earlier, later = a[nested], b[nested]
    # each event's text processed once (lower case, punctuation removed), "" without one
    processed = np.full(len(events), "", dtype=object)
    rows = _rows_of(len(events), earlier, later)
    texts = events[S.DETAILS].astype("object")
    texts = texts.where(texts.notna(), "")
    processed[rows] = [utils.default_process(str(t)) for t in texts.to_numpy()[rows]]
    scores = np.asarray(
        process.cpdist(
            processed[earlier],
            processed[later],
            scorer=fuzz.token_set_ratio,
            workers=1,
        ),
        dtype=float,
    )
    has_text = (processed[earlier] != "") & (processed[later] != "")
    score = np.where(has_text, scores, -1.0)  # no text: nothing to compare
    # the same event in each agency's own words: enough telling words in common
    shared = _shared_share(processed, earlier, later)
    worded = has_text & (shared >= threshold - _OVERLAP_MARGIN) & (scores < threshold)
    score[worded] = threshold + shared[worded] / 1000.0
    # the same meeting (or joint contact) on the same day, in each agency's own words
    together = _same_meeting(events, kind, earlier, later, processed)
    met = together & has_text & (score < threshold)
    score[met] = threshold
    # two agencies' visits the table times hours apart are two visits, however alike their
    # words, unless both call it joint
    apart = _hours_apart(events, kind, earlier, later) & ~together
    score[apart] = -1.0
    # two records about different children are two contacts, however alike (the strategy
    # discussions held for Child A and for Sibling B on one day)
    children = _children_named(processed, _rows_of(len(events), earlier, later))
    others = (children[earlier] & children[later]) == 0
    others &= (children[earlier] != 0) & (children[later] != 0)
    score[others] = -1.0
    matched = np.flatnonzero(score >= threshold)
    if not len(matched):
        return out
    # which of the two is the copy: the one that holds nothing the other does not (one of
    # them does: the others were never scored); holding the same, the lower in rank
    earlier, later, score = earlier[matched], later[matched], score[matched]
    later_copy = (held[later] & ~held[earlier]) == 0
    same = np.flatnonzero(later_copy & (held[earlier] == held[later]))
    if len(same):
        rank = _rank(events, kind, agency, processed, _rows_of(len(events), earlier, later))
        later_copy[same] = rank[later[same]] <= rank[earlier[same]]
    copy = np.where(later_copy, later, earlier)
    original = np.where(later_copy, earlier, later)
    # per copy, its most similar original (then the earliest)
    order = np.lexsort((original, -score, copy))
    copy, original = copy[order], original[order]
    best = np.flatnonzero(np.diff(copy, prepend=np.int64(-1)) != 0)
    root = np.arange(len(events), dtype=np.int64)
    root[copy[best]] = original[best]
    while True:  # a copy of a copy points at the original: each step halves the chains
        further = root[root]
        if np.array_equal(further, root):
            break
        root = further
    copies = np.flatnonzero(root != np.arange(len(events)))
    ids = events.index.astype(str).to_numpy()
    values = out.to_numpy(dtype=object)
    values[copies] = ids[root[copies]]
    return pd.Series(values, index=events.index, dtype="string", name=S.DUPLICATE_OF)


def mark_duplicates(events: pd.DataFrame, *, threshold: float = 80.0) -> pd.DataFrame:
    """A copy of ``events`` with ``duplicate_of`` filled in where it was empty.

    Links already present are kept; see :func:`find_duplicates` for what counts as a copy.

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> events = make_events(
    ...     start=["12/03/2007", "12/03/2007"], agency=["gp", "health_visiting"],
    ...     counterparts=[("health_visiting",), ("gp",)],
    ...     details=["Phoned HV re bruise on left arm", "Call from GP re bruise on left arm"],
    ... )
    >>> mark_duplicates(events)["duplicate_of"].tolist()
    [<NA>, 'e1']
    >>> events["duplicate_of"].isna().all()  # the input is unchanged
    np.True_
    """
    found = find_duplicates(events, threshold=threshold)
    out = events.copy()
    if S.DUPLICATE_OF in out.columns:
        current = out[S.DUPLICATE_OF].astype("string")
        out[S.DUPLICATE_OF] = current.where(current.notna(), found)
    else:
        out[S.DUPLICATE_OF] = found
    return out
