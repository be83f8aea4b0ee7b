"""Event types: what kind of contact a row records, and which other events it names.

Keyword and phrase rules live in ``scr_timeline/data/event_types.csv`` (one row per
phrase; pass a file of your own to extend it). Its columns:

``phrase``
    The words as practitioners write them ("strat meeting", "s47", "NFA"), or a regular
    expression on the lower-cased text when ``match`` is ``regex``.
``event_type``
    One of :data:`scr_timeline.schema.EVENT_TYPES` (empty for guards and cues).
``kind``
    ``event`` (the phrase names the event type), ``guard`` (a phrase that must not be read
    as an event: "referral order" is a sentence, "cardiac arrest" is not an arrest; a
    phrase whose ``event_type`` is ``other`` claims the row as ``other`` outright),
    ``before`` or ``after`` (a word that, up to two words before or after a phrase, makes
    the event planned or past: "*agreed* s47", "strategy discussion *to be convened*",
    "*following* the ICPC"), ``negation_before`` or ``negation_after`` (a word that says
    the event did not happen: "*no* referral made", "*not* made subject to a child
    protection plan", "strategy discussion *not held*") or ``breaker`` (a word that ends
    the reach of a negation written before a phrase: "no concerns *at* the home visit").
``agencies``
    Recording agencies the phrase applies to (space-separated codes; empty = all; a
    leading ``-`` excludes): "NFA" is a ``referral_decision`` when children's social care
    writes it and a ``police_investigation`` when the police do; "HV visit" is a home visit
    when health visiting writes it.
``strength``
    ``dominant`` (the main event wherever it is named: a death, an escalation),
    ``decision`` (a decision such as "NFA" or "case closed", which in the outcome column
    outranks a weak phrase in the details), ``strong`` (default), ``incidental`` (strong in
    the details, but only a mention in the outcome, where "Police informed" or "Referred to
    CSC" records an action taken, not what the row is about) or ``weak`` (the main event
    only when nothing stronger is named in the details: "visit", "meeting", "concerned")
    , ``mention`` (never the main event: "..., Mother informed.") or ``manager`` (a
    manager's decision: strong, but when the outcome records a decision such as "NFA" the
    row is that decision: "Management decision on the police notification" / "NFA" is a
    ``referral_decision``).
``implies``
    Counterparts the event always involves (agency codes): a Merlin involves children's
    social care and the police, a court order involves the courts.
``default_recipient``
    For a referral: the agency it goes to when the row names no other agency.

How the main event is chosen
----------------------------
Every phrase found is a *mention*. The main event is the first one, in reading order, of
the best class: a dominant phrase; else a strong phrase in the details; else a decision in
the outcome; else a weak phrase in the details; else a strong phrase in the outcome.
Planned and past events (a cue before or after them) are never the main event, and the
counterparts an event implies or a referral is sent to count only for an event the row
records as happening. An event the row says did not happen (a negation cue) is not even
a mention: "No referral made" mentions nothing. A row whose details mention nothing
but the sharing of information ("Police CAIT informed.") is ``information_sharing``: that
is what the row records. An appointment (a developmental check, a GP, clinic or hospital
appointment, a medical) whose outcome's main event is a missed one ("8 week check" /
"WNB") is a ``dna``: the appointment did not happen. A row whose details name no event and
whose outcome records a referral made ("Child B seen getting into car with older males." /
"Referral to MASH re CSE") is that ``referral``. A return home whose row tells of a missing
episode ("Located by police at friend's address. Returned home.") stays a ``return_home``
with a ``police_incident`` (the child found) among its mentions. A row naming nothing is
``"other"``. "Strategy discussion held; agreed s47 and CP medical" is a
``strategy_discussion`` that mentions ``s47_enquiry`` and ``medical_examination``.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({
...     "details": ["Strategy discussion held; agreed s47 and CP medical",
...                 "Duty TM reviewed the contact.", "No further police action."],
...     "outcome": [None, "NFA.", None],
...     "agency": ["csc", "csc", "police"]})
>>> classify_event_types(rows)
            event_type                                  mentions
0  strategy_discussion  (s47_enquiry, medical_examination)
1    referral_decision                                        ()
2  police_investigation                                       ()
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline.classify import _text as T
from scr_timeline.classify import seen as _seen
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "EVENT_TYPE_FILE",
    "SINGLE_ASSESSMENT_FROM",
    "STRENGTHS",
    "assessments_of_their_time",
    "classify_event_types",
    "load_event_types",
]

#: The shipped vocabulary file (in ``scr_timeline/data``).
EVENT_TYPE_FILE: Final = "event_types.csv"
#: Strengths of a phrase, strongest first.
STRENGTHS: Final = ("dominant", "decision", "strong", "incidental", "weak", "mention", "manager")

_COLUMNS: Final = ("phrase", "event_type", "kind", "match", "agencies", "strength")
_DEFAULTS: Final = {
    "kind": "event",
    "match": "words",
    "agencies": "",
    "strength": "strong",
    "implies": "",
    "default_recipient": "",
    "note": "",
}
_KINDS: Final = (
    "event",
    "guard",
    "before",
    "after",
    "negation_before",
    "negation_after",
    "breaker",
    "no_access",
    "reached",
    "back_from_missing",
)
_WINDOW_WORDS: Final = 2
#: The day Working Together 2013 came into force (15 April 2013): the single assessment
#: replaced the initial and core assessments of Working Together 2006 and 2010.
SINGLE_ASSESSMENT_FROM: Final = pd.Timestamp("2013-04-15")
_SINGLE_NAME: Final = "single_assessment"
_SINGLE: Final = schema.EVENT_TYPES.index(_SINGLE_NAME)
_INITIAL: Final = schema.EVENT_TYPES.index("initial_assessment")
_NONE: Final = 99  # class of a phrase that cannot be the main event
_EMPTY: Final = np.iinfo(np.int64).max
_OTHER: Final = schema.EVENT_TYPES.index("other")
_SHARING: Final = schema.EVENT_TYPES.index("information_sharing")
_SHARING_BIT: Final = np.uint64(1 << _SHARING)
_DNA: Final = schema.EVENT_TYPES.index("dna")
_REFERRAL: Final = schema.EVENT_TYPES.index("referral")
_REFERRAL_BIT: Final = np.uint64(1 << _REFERRAL)
_DISAGREEMENT: Final = schema.EVENT_TYPES.index("disagreement")
_ESCALATION: Final = schema.EVENT_TYPES.index("escalation")
_ESCALATION_BIT: Final = np.uint64(1 << _ESCALATION)
#: Appointments an outcome of "DNA" or "WNB" says did not happen (meetings go on without
#: the parent who did not come: "ICPC" / "Mother DNA" is a conference).
_APPOINTMENTS: Final = np.array(
    [
        schema.EVENT_TYPES.index(t)
        for t in (
            "health_visit",
            "gp_appointment",
            "office_visit",
            "hospital_attendance",
            "medical_examination",
        )
    ],
    dtype=np.int16,
)
_N_SLOTS: Final = len(schema.AGENCIES) + 1
#: What may stand between a cue and its event, and between the words a cue reaches over: a
#: label's colon too ("Strategy discussion: not held", "Plan: strategy discussion").
_CONTEXT_GAPS: Final = r"[\s,:]"
_GROUP: Final = "e"
#: Agency patterns kept compiled (each written for the texts at hand).
_SLOT_PATTERNS: Final = 256
_PLANNED: Final = 1  # a cue makes the event planned or past
_NEGATED: Final = 2  # a cue says the event did not happen


def load_event_types(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the event-type phrases.

    Parameters
    ----------
    path
        A CSV file of your own with at least the columns ``phrase`` and ``event_type``
        (the others default as described in the module docstring). Its rows extend the
        shipped file; a phrase for the same event type and agencies that reads the same
        replaces the shipped row. None: the shipped file only.

    Returns
    -------
    pandas.DataFrame
        One row per phrase; a fresh copy.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an unknown event type, agency,
        kind or strength.

    Examples
    --------
    >>> table = load_event_types()
    >>> table.loc[table["phrase"] == "strat meeting", "event_type"].item()
    'strategy_discussion'
    """
    table = T.read_vocabulary(
        EVENT_TYPE_FILE,
        path,
        required=("phrase", "event_type"),
        defaults=_DEFAULTS,
        key=("phrase", "event_type", "kind", "agencies"),
    )
    table["kind"] = table["kind"].str.lower()
    table["strength"] = table["strength"].str.lower()
    table["match"] = table["match"].str.lower()
    for column, allowed in (
        ("kind", _KINDS),
        ("strength", STRENGTHS),
        ("match", ("words", "regex")),
    ):
        bad = table.loc[~table[column].isin(allowed)]
        if len(bad):
            raise ChronologyReadError(
                f"the event-type vocabulary has an unknown {column}",
                file=str(bad["_source"].iloc[0]),
                found=sorted(set(bad[column])),
                expected=f"one of {', '.join(allowed)}",
            )
    events = table.loc[table["kind"] == "event"]
    T.check_codes(events, "event_type", schema.EVENT_TYPES, "event types")
    agencies = [*schema.AGENCIES, *(f"-{a}" for a in schema.AGENCIES)]
    T.check_codes(table, "agencies", agencies, "agencies")
    T.check_codes(table, "implies", schema.AGENCIES, "agencies")
    T.check_codes(table, "default_recipient", schema.AGENCIES, "agencies")
    T.check_regexes(table, "event-type vocabulary")
    return table.drop(columns="_source")


def _bits(cells: pd.Series, labels: tuple[str, ...]) -> np.ndarray:
    out = np.zeros(len(cells), dtype=np.uint32)
    for i, cell in enumerate(cells.tolist()):
        for code in T.split_codes(cell):
            out[i] |= np.uint32(1 << labels.index(code))
    return out


_Phrases = tuple[tuple[str, ...], tuple[tuple[int, str], ...]]  # words, (row, regex)


_Around = tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]


@dataclass(frozen=True)
class _Cues:
    """The cue phrases of the vocabulary, by kind (see the module docstring)."""

    negation_before: _Phrases
    before: _Phrases
    negation_after: _Phrases
    after: _Phrases
    breaker: _Phrases

    def words(self) -> tuple[str, ...]:
        kinds = (self.negation_before, self.before, self.negation_after, self.after, self.breaker)
        return tuple(w for words, _ in kinds for w in words)

    def around(self, keep: Container[str] | None = None) -> _Around:
        """The ``before`` and ``after`` arguments of :func:`_text.cue_pattern`.

        A planned cue before an event does not reach over a negation: in "advised no
        referral needed" the referral is not made, not advised."""
        reach = T.window(_WINDOW_WORDS, gaps=_CONTEXT_GAPS)
        negation = _alternation(self.negation_before, keep=keep)
        negation_reach = T.window(
            _WINDOW_WORDS,
            breakers=_alternation(self.breaker, keep=keep) if any(self.breaker) else None,
            gaps=_CONTEXT_GAPS,
        )
        planned_reach = T.window(
            _WINDOW_WORDS,
            breakers=negation if any(self.negation_before) else None,
            gaps=_CONTEXT_GAPS,
        )
        before = [
            ("neg", negation, negation_reach),
            ("pre", _alternation(self.before, keep=keep), planned_reach),
        ]
        after = [
            ("negpost", _alternation(self.negation_after, keep=keep), reach),
            ("post", _alternation(self.after, keep=keep), reach),
        ]
        return before, after


@dataclass(frozen=True)
class _Matcher:
    """The compiled vocabulary: one alternation with every phrase, and, for the pieces
    where a phrase restricted to other agencies could hide a phrase of this agency's, one
    with the phrases of a recording agency."""

    phrases: _Phrases  # event phrases and guards: words, (row, regex)
    word_rows: np.ndarray  # the row of each word phrase
    usable: np.ndarray  # (rows x agency slots)
    cues: _Cues
    resolver: T.Resolver
    type_id: np.ndarray  # event type index, -1 for guards
    strength: np.ndarray  # index into STRENGTHS
    implies: np.ndarray  # agency bits
    recipient: np.ndarray  # agency bits
    no_access: re.Pattern[str]  # a visit that did not reach the family ("no reply")
    reached: re.Pattern[str]  # ... but did after all ("Mother then opened the door")
    # a child found after a missing episode ("located by police", "reported missing")
    back_from_missing: re.Pattern[str]
    # the single assessment named as such ("single assessment", "C&F assessment"): the word
    # phrases of that type (a bare "Assessment" is a regex row)
    named_single: re.Pattern[str]
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    around: dict[frozenset[str], _Around] = field(default_factory=dict)
    full: dict[int, re.Pattern[str]] = field(default_factory=dict)
    spent: dict[int, float] = field(default_factory=dict)  # per slot, see VocabularyPattern

    @functools.cached_property
    def pattern(self) -> T.VocabularyPattern:
        """Every phrase, whatever agency it serves, with the cues."""

        def write(keep: Container[str] | None) -> str:
            before, after = self.cues.around(keep)
            return T.cue_pattern(
                _alternation(self.phrases, group=_GROUP, keep=keep),
                before=before,
                after=after,
                gaps=_CONTEXT_GAPS,
            )

        return T.VocabularyPattern(write, self.starts)

    @functools.cached_property
    def trie(self) -> T.PhraseTrie:
        return T.PhraseTrie(self.phrases[0], self.usable[self.word_rows])

    def full_slot_pattern(self, slot: int) -> re.Pattern[str]:
        """Every phrase recording agency ``slot`` may use, with the cues (compiled once)."""
        compiled = self.full.get(slot)
        if compiled is None:
            before, after = self.cues.around()
            regexes = [(row, rx) for row, rx in self.phrases[1] if self.usable[row, slot]]
            source = T.cue_pattern(
                T.join_alternation(regexes, self.trie.render(slot), group=_GROUP),
                before=before,
                after=after,
                gaps=_CONTEXT_GAPS,
            )
            compiled = self.full[slot] = re.compile(source)
        return compiled

    def slot_pattern(self, slot: int, texts: Sequence[str]) -> re.Pattern[str]:
        """The phrases recording agency ``slot`` may use, for matching ``texts`` only.

        The pattern writes only the word phrases and cues whose literal words occur in
        the texts, and the regex phrases that match in one of them, each where it stands
        in the agency's full pattern (the phrases left out could never match these texts):
        it finds what the full pattern would, and compiles in a fraction of the time.
        """
        present = T.phrases_in(self.starts, texts)
        self.spent[slot] = self.spent.get(slot, 0.0) + T.spent(len(present), len(self.starts))
        entries = self.resolver.entries
        regexes = [
            (row, rx)
            for row, rx in self.phrases[1]
            if self.usable[row, slot] and entries.occurs(row, texts)
        ]
        cues = frozenset(self.cue_words & present)
        if cues not in self.around:
            if len(self.around) >= _SLOT_PATTERNS:
                self.around.clear()
            self.around[cues] = self.cues.around(cues)
        before, after = self.around[cues]
        source = T.cue_pattern(
            T.join_alternation(regexes, self.trie.render(slot, present), group=_GROUP),
            before=before,
            after=after,
            gaps=_CONTEXT_GAPS,
        )
        compiled = self.compiled.get(source)
        if compiled is None:
            if len(self.compiled) >= _SLOT_PATTERNS:
                self.compiled.clear()
            compiled = self.compiled[source] = re.compile(source)
        return compiled

    @functools.cached_property
    def cue_words(self) -> frozenset[str]:
        return frozenset(self.cues.words())

    @functools.cached_property
    def starts(self) -> dict[str, tuple[str, ...]]:
        """The literal words of every word phrase and cue (see :func:`_text.literal_words`)."""
        return {w: T.literal_words(w) for w in (*self.phrases[0], *self.cues.words())}


def _phrases(rows: pd.DataFrame) -> _Phrases:
    words = rows.loc[rows["match"] == "words", "phrase"]
    regex = rows.loc[rows["match"] == "regex", "phrase"]
    return tuple(words), tuple(zip(regex.index, regex, strict=True))


def _alternation(
    phrases: _Phrases, group: str | None = None, keep: Container[str] | None = None
) -> str:
    return T.alternation(phrases[0], phrases[1], group=group, keep=keep)


def _compile(table: pd.DataFrame) -> _Matcher:
    phrases = table.loc[table["kind"].isin(("event", "guard"))].reset_index(drop=True)
    usable = np.stack([T.agency_mask(c) for c in phrases["agencies"].tolist()])
    cues = _Cues(
        *(
            _phrases(table.loc[table["kind"] == kind])
            for kind in ("negation_before", "before", "negation_after", "after", "breaker")
        )
    )
    type_id = np.array(
        [
            schema.EVENT_TYPES.index(t) if k == "event" else -1
            for t, k in zip(phrases["event_type"], phrases["kind"], strict=True)
        ],
        dtype=np.int16,
    )
    return _Matcher(
        phrases=_phrases(phrases),
        word_rows=np.flatnonzero((phrases["match"] == "words").to_numpy()),
        usable=usable,
        cues=cues,
        resolver=T.Resolver(
            T.Entries.build(phrases["phrase"].tolist(), phrases["match"].tolist()),
            usable,
            _GROUP,
        ),
        type_id=type_id,
        strength=np.array(
            [STRENGTHS.index(s) for s in phrases["strength"].tolist()], dtype=np.int8
        ),
        implies=_bits(phrases["implies"], schema.AGENCIES),
        recipient=_bits(phrases["default_recipient"], schema.AGENCIES),
        no_access=re.compile(_alternation(_phrases(table.loc[table["kind"] == "no_access"]))),
        reached=re.compile(_alternation(_phrases(table.loc[table["kind"] == "reached"]))),
        back_from_missing=re.compile(
            _alternation(_phrases(table.loc[table["kind"] == "back_from_missing"]))
        ),
        named_single=re.compile(
            T.alternation(
                phrases.loc[
                    (phrases["event_type"] == _SINGLE_NAME) & (phrases["match"] == "words"),
                    "phrase",
                ]
            )
        ),
    )


@functools.lru_cache(maxsize=8)
def _matcher_for(path: str | None, mtime: int | None) -> _Matcher:
    if path is None:
        return _prebuilt.default("events", build_default)
    return _compile(load_event_types(path))


def build_default() -> _Matcher:
    """The matcher of the shipped vocabulary, built from the file (not the snapshot)."""
    return _compile(load_event_types(None))


def complete(m: _Matcher) -> None:
    """Compile now every pattern ``m`` would compile when texts need it (the snapshot)."""
    _ = m.pattern.full
    for slot in range(_N_SLOTS):
        m.full_slot_pattern(slot)
        m.spent[slot] = 1.0


def matcher(path: str | os.PathLike[str] | None) -> _Matcher:
    """The compiled matcher for the shipped vocabulary extended by ``path`` (cached)."""
    stamp = T.file_stamp(path)
    return _matcher_for(*stamp) if stamp else _matcher_for(None, None)


@dataclass(frozen=True, slots=True)
class EventFindings:
    """Per-row results of :func:`find_events` (arrays aligned with the rows)."""

    code: np.ndarray  # index into schema.EVENT_TYPES
    mentions: np.ndarray  # uint64 bits of schema.EVENT_TYPES, main type excluded
    implies: np.ndarray  # uint32 bits of schema.AGENCIES
    recipient: np.ndarray  # uint32 bits of schema.AGENCIES (default recipients)
    #: uint64 bits of schema.EVENT_TYPES the row records as done (neither planned nor past)
    happened: np.ndarray | None = None
    #: bool per row: the main event is a statutory assessment the words do not name
    #: ("Assessment", "Assessment completed"): its date decides which (see event_columns)
    unnamed_assessment: np.ndarray | None = None


# class of a phrase by strength (dominant, decision, strong, incidental, weak, mention) in
# the details and in the outcome; lower classes win
_CLASS_DETAILS: Final = np.array([0, 1, 1, 1, 3, _NONE, 1], dtype=np.int64)
_CLASS_OUTCOME: Final = np.array([0, 2, 4, _NONE, _NONE, _NONE, 4], dtype=np.int64)
_DECISION: Final = STRENGTHS.index("decision")
_MANAGER: Final = STRENGTHS.index("manager")
_MANAGER_FLAG: Final = 0x40  # in the type byte of a key: the phrase is a manager's decision
_TYPE_MASK: Final = 0x3F
# a row's main event is the minimum of: class << 50 | field << 48 | occurrence << 20 |
# match number << 8 | event type (occurrences are in reading order within a row)
_ORDER_SHIFT: Final = 20
_IMPLIED_SHIFT: Final = np.uint64(32)


def find_events(pool: T.Pool, slots: np.ndarray, m: _Matcher) -> EventFindings:
    """Event types for every row of ``pool`` (fields 0 = details, 1 = outcome).

    ``slots`` is the recording agency's index per row (see :func:`_text.agency_slots`).
    """
    found = found_after_missing(pool, unreached_visits(pool, _find_events(pool, slots, m), m), m)
    single = found.code == _SINGLE
    if single.any():
        single &= ~_rows_with(pool, single, m.named_single)
    return replace(found, unnamed_assessment=single)


#: Visits a no-access cue says did not happen ("Home visit - no reply", "New birth visit:
#: no answer, card left").
_VISITS: Final = np.array(
    [schema.EVENT_TYPES.index(t) for t in ("home_visit", "health_visit")], dtype=np.int16
)
_VISIT_BITS: Final = np.uint64(sum(1 << int(t) for t in _VISITS))
_HOME_VISIT_BIT: Final = np.uint64(1 << schema.EVENT_TYPES.index("home_visit"))


def unreached_visits(pool: T.Pool, found: EventFindings, m: _Matcher) -> EventFindings:
    """A visit whose text says it did not reach the family ("Planned visit - no reply.
    Card left.", "Home visit - no answer. Neighbour said family away.") is a ``dna``, a
    missed contact as ESC-WNB counts them, and no longer a visit (not even a mention):
    unless the text says the family was reached after all ("no answer at first; Mother
    then opened the door", "Child seen"). So is a row that records such a visit beside a
    call ("Telephoned - no reply. Visit attempted - no reply."). A row already a ``dna``
    that says so ("NAV - card left") loses its visit mentions as well.

    A row whose main event is another ("Referral received from school. Home visit - no
    reply, card left.", an EWO's "Attendance 62%. Home visit - no reply.") keeps it, and
    the visit that did not reach the family is a missed contact among its mentions, not a
    visit: social care's action on a referral is not a door no one opened. Only when the
    visit and the cue are written in one sentence ("Home visit completed. Phoned GP - no
    answer." visited)."""
    visit = np.isin(found.code, _VISITS) | (found.code == _DNA)
    if found.happened is not None:
        visited = (found.happened & _HOME_VISIT_BIT) != 0
        visit |= (found.code == _SHARING) & visited
        found = _missed_beside(pool, found, visited & ~visit, m)
    if not visit.any():
        return found
    missed = visit & _rows_with(pool, visit, m.no_access)
    if not missed.any():
        return found
    cues = _seen.matcher(None)  # "Child seen" reached the family; "seen at the window" not
    missed &= ~_rows_with(pool, missed, m.reached)
    missed &= ~_rows_with(pool, missed, cues.seen, unless=cues.not_properly)
    if not missed.any():
        return found
    drop = _VISIT_BITS | np.uint64(1 << _DNA)
    was = np.left_shift(np.uint64(1), found.code.astype(np.uint64))  # "Telephoned" stays
    return replace(
        found,
        code=np.where(missed, np.int16(_DNA), found.code).astype(found.code.dtype),
        mentions=np.where(missed, (found.mentions | was) & ~drop, found.mentions),
    )


#: A visit named in a sentence ("Home visit - no reply", "HV: no answer, card left").
_VISIT_WORDS: Final = re.compile(r"\bvisit|\bhv\b|\bnav\b|\bu/?a\b")


def _missed_beside(
    pool: T.Pool, found: EventFindings, rows: np.ndarray, m: _Matcher
) -> EventFindings:
    """``found`` with the visits of ``rows`` (whose main event is another) that a no-access
    cue in the visit's own sentence says did not happen, made a missed contact: the visit
    leaves the mentions and a ``dna`` joins them (see :func:`unreached_visits`). Only the
    sentences of those rows are read."""
    if not rows.any():
        return found
    span = pool.upto(2)
    pieces = np.unique(pool.piece[span][rows[pool.row[span]]])
    texts = pool.pieces.iloc[pieces].tolist()
    hit = T.contains(texts, m.no_access)
    if hit.any():
        hit[hit] &= T.contains([texts[i] for i in np.flatnonzero(hit)], _VISIT_WORDS)
    if hit.any():
        cues = _seen.matcher(None)
        kept = [texts[i] for i in np.flatnonzero(hit)]
        seen = T.contains(kept, cues.seen)  # "Child seen", not "seen at the window"
        if seen.any():
            seen[seen] &= ~T.contains([kept[i] for i in np.flatnonzero(seen)], cues.not_properly)
        hit[hit] &= ~(T.contains(kept, m.reached) | seen)
    if not hit.any():
        return found
    flags = np.zeros(len(pool.pieces), dtype=np.uint8)
    flags[pieces[hit]] = 1
    missed = T.piece_or(pool, flags, 2).astype(bool) & rows
    if not missed.any():
        return found
    return replace(
        found,
        mentions=np.where(
            missed, (found.mentions & ~_VISIT_BITS) | np.uint64(1 << _DNA), found.mentions
        ),
    )


_RETURN_HOME: Final = schema.EVENT_TYPES.index("return_home")
_POLICE_INCIDENT: Final = schema.EVENT_TYPES.index("police_incident")
_POLICE_INCIDENT_BIT: Final = np.uint64(1 << _POLICE_INCIDENT)


def found_after_missing(pool: T.Pool, found: EventFindings, m: _Matcher) -> EventFindings:
    """A return home whose row tells of a missing episode ("Located by police at a
    friend's address. Returned home.", "Returned home after being reported missing
    overnight", "Child A self-returned") records the child found, the end of the missing
    episode: a ``police_incident`` among its mentions, as the missing report is one (the
    return home interview is a later event of its own). The main event stays the return
    home, which the rulebooks read as a child back from a missing episode
    (``back_from_missing``), so the episode is not counted twice as a concern. Only rows
    whose main event is a return home are searched."""
    home = found.code == _RETURN_HOME
    if not home.any():
        return found
    back = _rows_with(pool, home, m.back_from_missing)
    if not back.any():
        return found
    return replace(
        found, mentions=np.where(back, found.mentions | _POLICE_INCIDENT_BIT, found.mentions)
    )


def _rows_with(
    pool: T.Pool,
    rows: np.ndarray,
    pattern: re.Pattern[str],
    *,
    unless: re.Pattern[str] | None = None,
) -> np.ndarray:
    """Per row: whether one of its pieces (details, outcome) matches ``pattern`` (and not
    ``unless``); only the pieces of ``rows`` are searched."""
    span = pool.upto(2)
    pieces = np.unique(pool.piece[span][rows[pool.row[span]]])
    texts = pool.pieces.iloc[pieces].tolist()
    hit = T.contains(texts, pattern)
    if unless is not None and hit.any():
        hit[hit] &= ~T.contains([texts[i] for i in np.flatnonzero(hit)], unless)
    flags = np.zeros(len(pool.pieces), dtype=np.uint8)
    flags[pieces[hit]] = 1
    return T.piece_or(pool, flags, 2).astype(bool) & rows


def _find_events(pool: T.Pool, slots: np.ndarray, m: _Matcher) -> EventFindings:
    n_pieces = len(pool.pieces)
    # per (piece, agency slot, field): the best key; per (piece, slot): the bits
    best = np.full(n_pieces * _N_SLOTS * 2, _EMPTY, dtype=np.int64)
    mention = np.zeros(n_pieces * _N_SLOTS, dtype=np.uint64)
    linked = np.zeros(n_pieces * _N_SLOTS, dtype=np.uint64)  # implies | recipient << 32
    decision = np.full(n_pieces * _N_SLOTS, _EMPTY, dtype=np.int64)  # best decision phrase
    happened = np.zeros(n_pieces * _N_SLOTS, dtype=np.uint64)  # events neither planned nor past
    if not n_pieces:
        return _rows(pool, slots, best, mention, linked, decision, happened)
    span = pool.upto(2)
    present = np.zeros((n_pieces, _N_SLOTS), dtype=bool)
    present[pool.piece[span], slots[pool.row[span]]] = True
    tables = (best, mention, linked, decision, happened)
    texts = pool.pieces.tolist()
    pattern, whole = m.pattern.for_texts(texts)
    found = T.extract_all(texts, pattern, remember=whole)
    if not len(found):
        return _rows(pool, slots, *tables)
    hits = found.text("hit")
    regex_rows = m.resolver.regex_rows(found)
    entry = m.resolver.rows(hits, regex_rows)
    origin = m.resolver.matched_rows(hits, regex_rows)
    # a match whose phrase serves other agencies only may hide one of this agency's
    hidden = (origin[:, None] >= 0) & ~m.resolver.usable[np.maximum(origin, 0)]
    piece = found.piece
    match_no = found.match_no
    demoted = _cues(found, texts)
    # every agency's matches are folded in at once at the end (the tables take minima and
    # unions, which do not depend on the order): one pass instead of two per agency
    folds: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]] = []
    for slot in np.flatnonzero(present.any(axis=0)).tolist():
        rescan = np.zeros(n_pieces, dtype=bool)
        rescan[piece[hidden[:, slot]]] = True
        rescan &= present[:, slot]
        use = np.flatnonzero(present[piece, slot] & ~rescan[piece])
        folds.append((piece[use], match_no[use], entry[use, slot], demoted[use], slot))
        if rescan.any():
            subset = np.flatnonzero(rescan)
            again_texts = [texts[i] for i in subset.tolist()]
            if m.spent.get(slot, 0.0) < 1:
                again = T.extract_all(
                    again_texts, m.slot_pattern(slot, again_texts), remember=False
                )
            else:
                again = T.extract_all(again_texts, m.full_slot_pattern(slot))
            if len(again):
                rows = m.resolver.rows(again.text("hit"), m.resolver.regex_rows(again))
                cues = _cues(again, again_texts)
                folds.append((subset[again.piece], again.match_no, rows[:, slot], cues, slot))
    if folds:
        pieces, numbers, entries, cues, agency = zip(*folds, strict=True)
        _accumulate(
            m,
            np.repeat(np.asarray(agency, dtype=np.int64), [len(p) for p in pieces]),
            np.concatenate(pieces),
            np.concatenate(numbers),
            np.concatenate(entries),
            np.concatenate(cues),
            *tables,
        )
    return _rows(pool, slots, *tables)


def _cues(found: T.Found, texts: Sequence[str]) -> np.ndarray:
    """Per match: 0 (the event happened), _PLANNED (planned or past) or _NEGATED."""
    post_given, post_held = _cue_in_the_next(found, "post")
    negpost_given, negpost_held = _cue_in_the_next(found, "negpost")
    post = found.has("post") & ~_cue_of_the_next(found, "post", "pre") & ~post_given
    post &= ~_held_before_the_cue(found, post)
    negpost = found.has("negpost") & ~_cue_of_the_next(found, "negpost", "neg") & ~negpost_given
    planned = found.has("pre") | post | post_held
    negated = found.has("neg") | negpost | negpost_held
    status = np.where(negated, _NEGATED, np.where(planned, _PLANNED, 0)).astype(np.int8)
    return _shared_with_the_next(found, texts, status)


#: The words right after an event that say it happened, closed by a dash, comma or
#: semicolon: "ICPC held - requested by SW1 following strategy discussion" held the
#: conference; the cue after the dash tells who asked for it, not that it is to come.
_HELD_THEN: Final = re.compile(
    r"[\s,:]*(?:was |were |has been |had been )?(?:held|took place|went ahead|convened|"
    r"happened|proceeded|completed|undertaken|carried out)\s*[-\u2013;,]"
)


def _held_before_the_cue(found: T.Found, post: np.ndarray) -> np.ndarray:
    """Per match: whether the words between it and its planned or past cue after it
    (group ``post``) open by saying it happened ("ICPC held - requested by SW1"): the
    cue then belongs to the next clause, and the event happened. Only the matches with
    such a cue are read (a few per text)."""
    out = np.zeros(len(found), dtype=bool)
    rows = np.flatnonzero(post)
    if not len(rows):
        return out
    windows = found.column("post")[rows]
    out[rows] = [w is not None and _HELD_THEN.match(w) is not None for w in windows.tolist()]
    return out


def _shared_with_the_next(found: T.Found, texts: Sequence[str], status: np.ndarray) -> np.ndarray:
    """``status`` with a match that has no cue of its own taking the cue after the next
    match, when only a word that joins them stands between the two and that cue plans or
    negates the next: "Skeletal survey and CT head requested", "Strategy discussion and CP
    medical to be arranged" plan both, though the cue lies beyond the first one's reach of
    two words (a list of three shares it too). "Strategy discussion held and CP medical to
    be arranged" held the discussion: more than a joining word stands between them.

    A comma joins them too when the list it starts ends with a joining word: "Skeletal
    survey, CT head and bloods requested" plans the survey (the last item need not be an
    event); "Skeletal survey done, CT requested" does not, nor does a bare comma with no
    joining word after it."""
    if len(found) < 2:
        return status
    own = found.has("pre", "post", "neg", "negpost")
    # the next match's status comes from a cue after it, not one before it
    trailing = (status != 0) & found.has("post", "negpost") & ~found.has("pre", "neg")
    same = found.piece[:-1] == found.piece[1:]
    near = np.isin(found.piece[:-1], found.piece[trailing])  # texts with such a cue only
    pairs = np.flatnonzero(~own[:-1] & same & near & (trailing[1:] | ~own[1:]))
    if not len(pairs):
        return status
    hits = found.column("hit")
    cue_after = found.column("post")
    starts: dict[int, list[int]] = {}  # per piece: where each of its matches' hit starts
    out = status.copy()
    shared = trailing.copy()
    # per match: a list runs on from it to its end after a joining word ("CT head and
    # bloods requested"), so a comma before it joins too
    listed = np.zeros(len(found), dtype=bool)
    for i in reversed(pairs.tolist()):  # a handful: matches without a cue beside one
        if not shared[i + 1]:
            continue
        if not listed[i + 1] and cue_after[i + 1] is not None:
            listed[i + 1] = _LIST_ENDS.match(cue_after[i + 1]) is not None
        piece = int(found.piece[i])
        at = starts.get(piece)
        if at is None:
            at = starts[piece] = _hit_starts(texts[piece], hits[found.piece == piece])
        k = int(found.match_no[i])
        if at[k] < 0 or at[k + 1] < 0:
            continue
        gap = texts[piece][at[k] + len(hits[i]) : at[k + 1]]
        joined = bool(gap.strip()) and _JOINED.fullmatch(gap) is not None
        if joined or (listed[i + 1] and _COMMA.fullmatch(gap) is not None):
            out[i] = out[i + 1]
            shared[i] = listed[i] = True
    return out


def _hit_starts(text: str, hits: np.ndarray) -> list[int]:
    """Where each hit of one text starts, in reading order (-1 where not found)."""
    out, cursor = [], 0
    for hit in hits.tolist():
        at = text.find(hit, cursor) if hit else -1
        out.append(at)
        if at >= 0:
            cursor = at + len(hit)
    return out


#: What may stand between two events that share the cue after the second: nothing, or a
#: word that joins them ("Strategy discussion and s47 to be arranged" plans both).
_JOINED: Final = re.compile(r"\s*(?:(?:and/or|and|or|&|\+|/)(?:\s+(?:a|an|the))?\s*)?")
#: A comma between two items of a list that ends with a joining word.
_COMMA: Final = re.compile(r"\s*,\s*")
#: A cue's reach that starts with a list's last joining word (" and bloods requested").
_LIST_ENDS: Final = re.compile(r"[\s,]*(?:and/or|and|or|&|\+)\s")


def _cue_in_the_next(found: T.Found, after: str) -> tuple[np.ndarray, np.ndarray]:
    """Per match: whether its cue after it (group ``after``) is written in the words of
    the next match, which has no cue of its own, and so is that match's: "RCPC: CP plan
    will be ended" held the review conference and plans the plan's end ("plan will be
    ended" is a phrase, the cue its last words), when something stands between the two
    ("ICPC invitations sent": the invitations are the conference's). Returns ``(given, held)``: the match
    whose cue it is not (more than a word that joins them stands between the two: "RCPC
    and plan to be ended" plans both), and the match that holds the cue in its words."""
    given = np.zeros(len(found), dtype=bool)
    held = np.zeros(len(found), dtype=bool)
    if len(found) < 2:
        return given, held
    cue = found.column(after)
    has = cue != None  # noqa: E711 - elementwise on an object array
    bare = ~found.has("pre", "post", "neg", "negpost")
    pairs = np.flatnonzero(has[:-1] & bare[1:] & (found.piece[:-1] == found.piece[1:]))
    hits = found.column("hit")
    for i in pairs.tolist():  # a cue followed by a match without one before its end: few
        window, hit = cue[i], hits[i + 1]
        at = window.find(hit) if hit else -1
        # something stands between them (a word, a label's colon, a dash): "ICPC
        # invitations sent" names the conference's invitations, whose words are the cue
        if at > 0 and at + len(hit) >= len(window) and window[:at].strip():
            held[i + 1] = True
            given[i] = _JOINED.fullmatch(window[:at]) is None
    return given, held


def _cue_of_the_next(found: T.Found, after: str, before: str) -> np.ndarray:
    """Per match: whether its cue after it (group ``after``: "post", planned or past;
    "negpost", not done) belongs to the next match, which stands between them in a
    clause of its own. "Strategy discussion held, S47 to be initiated", "Strategy mtg -
    S47 to be initiated" and "Strategy discussion agreed S47 to be initiated" hold a
    meeting and plan an enquiry; "ICPC held - not made subject to a CP plan" held a
    conference.
    Only when the next match has a cue of the same kind, after it or before it (group
    ``before``), and more than a word that joins them stands between the two ("Strategy
    discussion and s47 to be arranged" plans both)."""
    out = np.zeros(len(found), dtype=bool)
    if len(found) < 2:
        return out
    cue = found.column(after)
    ahead = found.column(before)
    has = cue != None  # noqa: E711 - elementwise on an object array
    next_has = has[1:] | (ahead[1:] != None)  # noqa: E711
    pairs = np.flatnonzero(has[:-1] & next_has & (found.piece[:-1] == found.piece[1:]))
    hits = found.column("hit")
    for i in pairs.tolist():  # matches with a cue followed by one with a cue: a handful
        window = cue[i]  # the words after this match, up to its cue's end
        at = window.find(hits[i + 1])
        if at < 0 and ahead[i + 1] is not None:  # the cue is the next one's before it
            at = window.find(ahead[i + 1])
        if at >= 0:
            out[i] = _JOINED.fullmatch(window[:at]) is None
    return out


def _accumulate(
    m: _Matcher,
    slot: np.ndarray,
    piece: np.ndarray,
    match_no: np.ndarray,
    entry: np.ndarray,
    demoted: np.ndarray,
    best: np.ndarray,
    mention: np.ndarray,
    linked: np.ndarray,
    decision: np.ndarray,
    happened: np.ndarray,
) -> None:
    """Fold matches into the per-(piece, agency) tables, in place (``slot``: the
    recording agency per match)."""
    entry = entry.astype(np.int64)
    type_id = np.where(entry >= 0, m.type_id[np.maximum(entry, 0)], -1).astype(np.int64)
    keep = np.flatnonzero((entry >= 0) & (type_id >= 0) & (demoted != _NEGATED))
    if not len(keep):
        return
    rows, kind = entry[keep], type_id[keep]
    strength, ruled_out = m.strength[rows], demoted[keep] != 0
    cell = piece[keep] * _N_SLOTS + slot[keep]
    flag = np.where(strength == _MANAGER, _MANAGER_FLAG, 0)
    tail = (np.minimum(match_no[keep], 4095) << 8) | kind | flag
    for f, classes in enumerate((_CLASS_DETAILS, _CLASS_OUTCOME)):
        cls = np.where(ruled_out, _NONE, classes[strength])
        use = cls < _NONE
        np.minimum.at(best, cell[use] * 2 + f, (cls[use] << 50) | (f << 48) | tail[use])
    ruling = ~ruled_out & (strength == _DECISION)
    np.minimum.at(decision, cell[ruling], tail[ruling])
    bits = np.left_shift(np.uint64(1), kind.astype(np.uint64))
    # a visit only planned or referred back to ("Visit planned for next week", "HV to
    # visit on 12/03", "following the home visit") is no visit of this row, not even a
    # mention: rules that read mentions (a csc action on a referral) would take it as made
    told = ~(ruled_out & ((bits & _VISIT_BITS) != 0))
    np.bitwise_or.at(mention, cell[told], bits[told])
    sent = ~ruled_out  # only an event that happened involves an agency
    np.bitwise_or.at(happened, cell[sent], bits[sent])
    links = m.implies[rows[sent]].astype(np.uint64)
    links |= m.recipient[rows[sent]].astype(np.uint64) << _IMPLIED_SHIFT
    np.bitwise_or.at(linked, cell[sent], links)


def _rows(
    pool: T.Pool,
    slots: np.ndarray,
    best: np.ndarray,
    mention: np.ndarray,
    linked: np.ndarray,
    decision: np.ndarray,
    happened: np.ndarray,
) -> EventFindings:
    n = pool.n_rows
    span = pool.upto(2)
    any_piece = (mention.reshape(-1, _N_SLOTS) != 0).any(axis=1)
    occurrences = np.flatnonzero(any_piece[pool.piece[span]])
    piece = pool.piece[occurrences]
    row = pool.row[occurrences]
    cell = piece * _N_SLOTS + slots[row]
    key = best[cell * 2 + pool.field[occurrences]]
    ranked = np.flatnonzero(key < _EMPTY)
    reading = occurrences[ranked].astype(np.int64) << _ORDER_SHIFT
    winner = T.row_min(n, row[ranked], key[ranked] + reading, _EMPTY)
    code = np.where(winner < _EMPTY, winner & _TYPE_MASK, _OTHER).astype(np.int16)
    manager = (winner < _EMPTY) & ((winner & _MANAGER_FLAG) != 0)
    if manager.any():  # a manager's decision whose outcome is a decision: the decision
        outcome = np.flatnonzero(pool.field[occurrences] == 1)
        ruled = decision[cell[outcome]]
        has = ruled < _EMPTY
        reading_out = occurrences[outcome[has]].astype(np.int64) << _ORDER_SHIFT
        verdict = T.row_min(n, row[outcome[has]], ruled[has] + reading_out, _EMPTY)
        switch = manager & (verdict < _EMPTY)
        code[switch] = (verdict[switch] & _TYPE_MASK).astype(np.int16)
    # an appointment whose outcome's main event is a missed one ("8 week check" / "WNB")
    # did not happen: the row is the dna (ESC-WNB counts it), the appointment a mention
    booked = np.isin(code, _APPOINTMENTS)
    if booked.any():
        outcome = np.flatnonzero((pool.field[occurrences] == 1) & booked[row])
        said = best[cell[outcome] * 2 + 1]
        has = said < _EMPTY
        reading_out = occurrences[outcome[has]].astype(np.int64) << _ORDER_SHIFT
        first = T.row_min(n, row[outcome[has]], said[has] + reading_out, _EMPTY)
        missed = booked & (first < _EMPTY) & ((first & _TYPE_MASK) == _DNA)
        code[missed] = _DNA
    # a disagreement the row records as escalated ("HV challenged the decision" /
    # "Escalated to SM under the escalation policy") is the escalation: what ESC-DISAGREE
    # waits for happened, and the disagreement is a mention
    done = T.row_or(n, row, happened[cell])
    code[(code == _DISAGREEMENT) & ((done & _ESCALATION_BIT) != 0)] = _ESCALATION
    # a row whose details name no event and whose outcome records a referral made ("Child
    # B seen getting into car with older males after school." / "Referral to MASH re CSE
    # concerns") is that referral: the row's only event (a row whose details name one,
    # a concern, a visit, an incident, stays it, the referral a mention)
    nothing = winner == _EMPTY
    if nothing.any():
        said = nothing[row] & (pool.field[occurrences] == 1)
        referred_out = T.row_or(n, row[said], happened[cell[said]])
        code[nothing & ((referred_out & _REFERRAL_BIT) != 0)] = _REFERRAL
    mentions = T.row_or(n, row, mention[cell])
    # a row whose details record nothing but telling someone ("Police CAIT informed.") is
    # that (told in the outcome only, it is what was done about the row's own matter)
    in_details = pool.field[occurrences] == 0
    told = T.row_or(n, row[in_details], mention[cell[in_details]])
    only_told = (code == _OTHER) & (mentions == _SHARING_BIT) & (told == _SHARING_BIT)
    code[only_told] = _SHARING
    mentions &= ~np.left_shift(np.uint64(1), code.astype(np.uint64))
    mentions &= ~np.uint64(1 << _OTHER)
    links = T.row_or(n, row, linked[cell])
    return EventFindings(
        code=code,
        mentions=mentions,
        implies=(links & np.uint64(0xFFFFFFFF)).astype(np.uint32),
        recipient=(links >> _IMPLIED_SHIFT).astype(np.uint32),
        happened=done,
    )


#: The event_type column's dtype (made once: building it checks its categories each time).
_EVENT_DTYPE: Final = pd.CategoricalDtype(list(schema.EVENT_TYPES))


def assessments_of_their_time(found: EventFindings, start: pd.Series | None) -> np.ndarray:
    """Event type codes, with an assessment its words do not name read as its time's.

    A case system's "Assessment" step, or "Assessment completed", is the statutory
    assessment of its day: the single assessment from 15 April 2013
    (:data:`SINGLE_ASSESSMENT_FROM`), before it the initial assessment of Working Together
    2006 and 2010 (the first assessment after a referral: a core assessment was always
    named as one). Dated before then it is an ``initial_assessment``, so that ASM-INITIAL
    (wt2006, wt2010) finds it; from then, or undated, a ``single_assessment`` (ASM-SINGLE).
    An assessment named as single ("Single assessment completed") stays one whenever it
    is dated.
    """
    code = found.code
    if start is None or found.unnamed_assessment is None or not found.unnamed_assessment.any():
        return code
    when = pd.to_datetime(start, errors="coerce").to_numpy(dtype="datetime64[ns]")
    earlier = found.unnamed_assessment & (when < SINGLE_ASSESSMENT_FROM.to_datetime64())
    return np.where(earlier & (code == _SINGLE), np.int16(_INITIAL), code).astype(code.dtype)


def event_columns(
    found: EventFindings, index: pd.Index, *, start: pd.Series | None = None
) -> pd.DataFrame:
    """The ``event_type`` and ``mentions`` columns from :func:`find_events` results.

    With ``start`` (the rows' ``start``), an assessment the words do not name is read as
    its time's (see :func:`assessments_of_their_time`).
    """
    code = assessments_of_their_time(found, start)
    return pd.DataFrame(
        {
            schema.EVENT_TYPE: pd.Categorical.from_codes(code, dtype=_EVENT_DTYPE),
            schema.MENTIONS: pd.Series(
                T.masks_to_tuples(found.mentions, schema.EVENT_TYPES), dtype=object
            ).to_numpy(),
        },
        index=index,
    )


def classify_event_types(
    events: pd.DataFrame, *, path: str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """Classify each row's main event type and the other event types it names.

    Parameters
    ----------
    events
        A frame with the columns ``details``, ``outcome`` (text, may be missing) and
        ``agency`` (canonical agency codes of the recording agency); with a ``start``
        column, an assessment the words do not name ("Assessment") is read as its time's:
        an initial assessment before 15 April 2013, a single assessment from then (see
        :func:`assessments_of_their_time`).
    path
        An event-type vocabulary of your own extending the shipped one (see
        :func:`load_event_types`).

    Returns
    -------
    pandas.DataFrame
        Index-aligned with ``events``: ``event_type`` (categorical over
        :data:`scr_timeline.schema.EVENT_TYPES`; ``"other"`` when nothing matches) and
        ``mentions`` (a tuple of further event types named, in vocabulary order).

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"details": ["HV visit: baby weighed.", "Home visit - NFA"],
    ...                      "outcome": [None, None], "agency": ["health_visiting", "csc"]})
    >>> classify_event_types(rows)["event_type"].tolist()
    ['home_visit', 'home_visit']
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in (schema.DETAILS, schema.OUTCOME, schema.AGENCY) if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")
    pool = T.build_pool([events[schema.DETAILS], events[schema.OUTCOME]])
    found = find_events(pool, T.agency_slots(events[schema.AGENCY]), matcher(path))
    return event_columns(found, events.index, start=events.get(schema.START))
