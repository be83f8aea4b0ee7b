"""The five rule kinds: response, precedence, cadence, accumulation, involvement.

Each kind is one function ``kind(rule, ctx) -> Hits``: it reads the rule's predicates and
windows, evaluates them on the whole chronology at once (NumPy arrays, ``searchsorted`` over
sorted candidate positions), and returns the raw findings as arrays of event positions. The
engine turns those into the findings table. Nothing here knows what a referral or a strategy
discussion is: that is the rulebook's business.

Positions are rows of the :class:`~scr_timeline.rules.predicates.EventView`, which is in the
chronology's order, so "A came before B" is ``a < b``. Times are int64 nanoseconds; days are
``datetime64[D]``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S
from ..calendar import DAY_NS, end_of_day, is_working_day, to_days, working_days_between
from ..exceptions import RulebookError
from .predicates import BoolArray, Cache, EventView, Predicate
from .rulebook import Rule, State

__all__ = ["KIND_FUNCTIONS", "STATUSES", "Context", "Hits", "agency_masks", "authorities"]

IntArray = npt.NDArray[np.int64]
_NONE: Final = -1


@dataclass
class Context:
    """What every rule kind needs: the events, cached predicate results and the horizon."""

    view: EventView
    horizon: int  # ns: the end of the chronology; later deadlines are not judged
    # the index event (a death) and the other records of it: the end of the chronology,
    # never an action that answers a rule ('Child A pronounced dead. Police and CSC
    # informed.' is no referral of the fracture seen two weeks before)
    index: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    cache: Cache = field(default_factory=dict)
    _state_cache: dict[str, tuple[IntArray, IntArray, IntArray]] = field(default_factory=dict)
    # positions per (purpose, predicate): the rulebook's predicates outlive the context
    _positions: dict[tuple[str, int], IntArray] = field(default_factory=dict)
    _positions_cache: dict[str, IntArray] = field(default_factory=dict)
    # the local authority of each event (see :func:`authorities`), once asked for
    _authorities: list[IntArray | None] = field(default_factory=list)
    # per ``by_authority`` state, the authority that held each spell
    _state_holders: dict[str, IntArray] = field(default_factory=dict)

    def mask(self, predicate: Predicate | None) -> BoolArray:
        """Events that satisfy ``predicate`` (all events when it is ``None``)."""
        if predicate is None:
            return np.ones(len(self.view), dtype=bool)
        return predicate.evaluate(self.view, self.cache)

    @property
    def within_horizon(self) -> BoolArray:
        """Events that start on or before the end of the chronology."""
        if "__horizon__" not in self.cache:
            self.cache["__horizon__"] = self.view.start <= self.horizon
        return self.cache["__horizon__"]

    def triggers(self, predicate: Predicate | None) -> IntArray:
        """Positions of trigger events: matching, not a duplicate, within the horizon.

        An event marked ``duplicate_of`` never triggers; when it matches and the record it
        duplicates does not (csc's "referral received from the school" marked as the
        duplicate of the school's own "concern" record), the record it duplicates triggers
        in its place: the contact is judged once, from the record the others duplicate.
        Not where the rule selects the copy for its own agency (a health record of an
        injury under a rule for health, copying social care's record of a joint visit):
        the copy then triggers itself.
        """
        key = ("triggers", id(predicate))
        if key not in self._positions:
            if "__may_trigger__" not in self.cache:
                self.cache["__may_trigger__"] = ~self.view.duplicate & self.within_horizon
            may = self.cache["__may_trigger__"]
            hit = self.mask(predicate)
            mask = hit & may
            copies = np.flatnonzero(hit & self.view.duplicate & self.within_horizon)
            if len(copies):
                original = self.originals()[copies]
                known = original >= 0  # a dangling duplicate_of triggers nothing
                copies, original = copies[known], original[known]
                # a copy whose match needs its own agency (a rule for what an agency other
                # than csc must do) triggers itself: its original, recorded by an agency
                # the rule excludes, cannot stand in for it
                own = self._needs_own_agency(predicate, copies, original)
                mask[copies[own]] = True
                stand_in = original[~own]
                mask[stand_in[may[stand_in]]] = True
            self._positions[key] = np.flatnonzero(mask)
        return self._positions[key]

    def _needs_own_agency(
        self, predicate: Predicate | None, copies: IntArray, original: IntArray
    ) -> BoolArray:
        """Per copy, whether the trigger ``predicate`` holds for it only as recorded by its
        own agency: read as if its original's agency had recorded it (its parties as they
        are), it no longer holds. Worked out on the copies of another agency whose original the predicate does not
        select (the only ones that would pass their trigger on)."""
        own = np.zeros(len(copies), dtype=bool)
        if predicate is None or not len(copies):
            return own
        view = self.view
        hit = self.mask(predicate)
        ask = (view.agency[copies] != view.agency[original]) & ~hit[original]
        if not ask.any():
            return own
        at, to = copies[ask], original[ask]
        agency = view.agency.copy()
        agency[at] = view.agency[to]
        # only the recording agency moves: the parties stay (social care's record of the
        # school's referral still involves social care)
        moved = dataclasses.replace(view, agency=agency)
        within = np.zeros(len(view), dtype=bool)
        within[at] = True
        own[ask] = ~predicate.evaluate(moved, {}, within)[at]
        return own

    def authorities(self) -> IntArray | None:
        """Per event, the local authority whose children's social care recorded it (see
        :func:`authorities`), or None when the chronology's records name fewer than two."""
        if not self._authorities:
            self._authorities.append(authorities(self.view))
        return self._authorities[0]

    def originals(self) -> IntArray:
        """Per event, the position of the event its ``duplicate_of`` names (-1: none)."""
        if "__originals__" not in self._positions_cache:
            self._positions_cache["__originals__"] = original_positions(self.view)
        return self._positions_cache["__originals__"]

    def candidates(self, predicate: Predicate | None) -> IntArray:
        """Positions of events that may answer a rule (within the horizon, and not the
        index event or a record of it)."""
        key = ("candidates", id(predicate))
        if key not in self._positions:
            mask = self.mask(predicate) & self.within_horizon
            if len(self.index):
                mask[self.index] = False
            self._positions[key] = np.flatnonzero(mask)
        return self._positions[key]


#: Words of a children's social care organisation that name no authority: the service, its
#: teams and the words around a council's name ('Haringey CSC', 'London Borough of Enfield
#: Children's Services', 'Northshire MASH', 'CSC - Riverside locality team').
_NOT_A_PLACE: Final = frozenset(
    """
    children childrens child s social care services service csc cscs cyps c f cf mash
    front door referral referrals and assessment assessments team teams edt emergency
    duty fostering adoption la local authority council county borough city metropolitan
    district london of the lb lbc mbc bc cc rbk dept department directorate family
    families support safeguarding hub integrated ifd intake cin cp protection looked
    after lac cla leaving disabled disability disabilities iro independent reviewing
    officer officers unit conference conferences locality localities area north south
    east west central long term short breaks youth young people peoples early help first
    response contact initial r a sw tm lado quality assurance court legal permanence
    resource resources placement placements practice office hq partnership trust for in
    at with to by on sws work worker workers manager management targeted specialist
    """.split()  # noqa: SIM905 (words, read more easily so)
)
#: A word that says an organisation is a council's children's social care (one that names
#: only a team, 'Riverside locality', names no authority).
_COUNCIL_WORD: Final = re.compile(
    r"\b(csc|cscs|cyps|mash|edt|social (care|services|work)|children.?s? services|council|"
    r"borough|county|city|la ?\d+|local authority ?\d*|lb|lbc|mbc)\b",
    re.IGNORECASE,
)
_NUMBERED_LA: Final = re.compile(r"\b(?:la|local authority|authority)\s*(\d+)\b", re.IGNORECASE)
#: A word that says an organisation names a team (one council's 'CSC Hillside Team', 'CSC
#: Riverside locality'), and one that names the council itself beside it ('Haringey Council
#: Leaving Care Team').
_TEAM_WORD: Final = re.compile(
    r"\b(teams?|locality|localities|units?|centre|center|pod|office|area|patch|group|hub)\b",
    re.IGNORECASE,
)
_COUNCIL_NAMED: Final = re.compile(
    r"\b(council|borough|county|city|lb|lbc|mbc|la ?\d+|local authority ?\d+)\b", re.IGNORECASE
)


def _place_words(organisation: str) -> frozenset[str]:
    """The words of a children's social care organisation that name its authority (empty
    when it names none).

    Examples
    --------
    >>> sorted(_place_words("Haringey CSC")), sorted(_place_words("LA2"))
    (['haringey'], ['la2'])
    >>> sorted(_place_words("London Borough of Enfield Children's Services"))
    ['enfield']
    >>> _place_words("Children's Social Care"), _place_words("Riverside locality")
    (frozenset(), frozenset())
    >>> _place_words("CSC Hillside Team"), sorted(_place_words("Haringey Council Leaving Care Team"))
    (frozenset(), ['haringey'])
    """
    if not _COUNCIL_WORD.search(organisation):
        return frozenset()
    if _TEAM_WORD.search(organisation) and not _COUNCIL_NAMED.search(organisation):
        return frozenset()  # a team's name: its place may be a locality of one council
    text = _NUMBERED_LA.sub(lambda m: f" la{m.group(1)} ", organisation.lower())
    words = re.split(r"[^a-z0-9]+", text)
    return frozenset(w for w in words if len(w) > 1 and not w.isdigit() and w not in _NOT_A_PLACE)


def authorities(view: EventView) -> IntArray | None:
    """Per event, a number for the local authority whose children's social care recorded
    it, as its ``organisation`` names it (-1: not children's social care, or an organisation
    that names no authority: "Children's Social Care", "MASH"); None when the records name
    fewer than two authorities (the usual chronology, of one council).

    Organisations that share a place word are one authority ('Haringey CSC', 'Haringey
    MASH', 'London Borough of Haringey Children's Services'); 'Haringey CSC' and 'Enfield
    CSC', or 'LA1' and 'LA2', are two. Worked out on the distinct organisations of
    children's social care's records (few).

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> view = EventView.from_events(make_events(
    ...     start=["2007-03-01", "2007-03-02", "2007-03-03", "2007-03-04"],
    ...     agency=["csc", "csc", "csc", "gp"],
    ...     organisation=["Haringey CSC", "Enfield CSC", "Haringey MASH", "Haringey GP"]))
    >>> authorities(view).tolist()
    [0, 1, 0, -1]
    """
    csc = np.flatnonzero(view.agency == S.AGENCIES.index("csc"))
    orgs = view.take(S.ORGANISATION, csc)
    if orgs is None or len(csc) == 0:
        return None
    # the distinct organisations first (few): most chronologies name one council or none,
    # and need no code per record
    values = [v if isinstance(v, str) else None for v in orgs.unique().tolist()]
    words = [_place_words(v) if v is not None else frozenset() for v in values]
    # organisations that share a place word are one authority (a union of the few)
    roots = _union_of_words(words)
    named = sorted({r for r in roots if r >= 0})
    if not named:
        return None
    number = {r: k for k, r in enumerate(named)}
    place = {w: number[r] for ws, r in zip(words, roots, strict=True) if r >= 0 for w in ws}
    # (one council's records: only those that tell of a transfer-in conference are read,
    # a fast search for the word 'transfer' first)
    holders = _held_by_phrases(view, csc, transfers_only=len(named) == 1)
    if len(named) == 1:
        # one council's records that say another council held a transfer-in conference
        # ('Attended transfer in conference held by LA2', all records LA1's): that council
        # is the second, named in the words alone
        for _k, phrases in holders:
            for phrase in phrases:
                other = _council_named(phrase)
                if other and other.isdisjoint(place):
                    place.update(dict.fromkeys(other, len(set(place.values()))))
        if len(set(place.values())) < 2:
            return None
    of_value = {v: number.get(r, -1) for v, r in zip(values, roots, strict=True) if v is not None}
    codes, uniques = pd.factorize(orgs, use_na_sentinel=True)
    per_value = np.array([of_value.get(str(v), -1) for v in uniques] + [-1], dtype=np.int64)
    out = np.full(len(view), _NONE, dtype=np.int64)
    out[csc] = per_value[codes]  # -1 (no organisation) reads the last entry
    _held_by_another(holders, csc, place, out)
    return out


#: A record that says which council held a meeting: 'Transfer in conference held by LA2',
#: 'Attended TICPC chaired by Enfield CSC', 'transfer-in conference in Enfield'.
_HELD_BY: Final = re.compile(
    r"\b(?:held|chaired|convened|hosted|organi[sz]ed|arranged|called)\s+by\s+"
    r"((?:[\w'&-]+\s*){1,6})|"
    r"\b(?:transfer.?in\s+(?:child\s+protection\s+|cp\s+)?(?:case\s+)?conference|ticpc)"
    r"[^.;\n]{0,30}?\b(?:by|in|at|of)\s+((?:[\w'&-]+\s*){1,6})",
    re.IGNORECASE,
)
_TRANSFER_IN_WORDS: Final = (
    r"transfer.?in\s+(child\s+protection\s+|cp\s+)?(case\s+)?conference|ticpc"
)
_HELD_BY_WORDS: Final = (
    r"(held|chaired|convened|hosted|organi[sz]ed|arranged|called)\s+by\s|"
    r"transfer.?in\s+(child\s+protection\s+|cp\s+)?(case\s+)?conference|ticpc"
)


#: A council named in a record's words: 'LA2', 'LA 2', 'Enfield CSC', 'Northshire County
#: Council', 'London Borough of Enfield' (not 'phone' of 'held by phone', nor a person).
_COUNCIL_IN_WORDS: Final = re.compile(
    r"\b(?:la|local authority)\s*(\d+)\b|"
    r"\b([a-z][a-z'-]+)\s+(?:csc|cscs|cyps|mash|children'?s\s+(?:social\s+care|services)|"
    r"social\s+(?:care|services)|(?:county|borough|city|district)\s+council|council|cc|mbc|lbc)\b|"
    r"\b(?:london\s+borough\s+of|royal\s+borough\s+of|lb|lbc)\s+([a-z][a-z'-]+)\b",
    re.IGNORECASE,
)


def _council_named(phrase: str) -> frozenset[str]:
    """The place words of the councils a phrase names (see :data:`_COUNCIL_IN_WORDS`), as
    :func:`_place_words` writes them ('la2', 'enfield').

    >>> sorted(_council_named("LA 2")), sorted(_council_named("Enfield CSC and DS3"))
    (['la2'], ['enfield'])
    >>> _council_named("phone with DS3"), _council_named("the CSC team")
    (frozenset(), frozenset())
    """
    out: set[str] = set()
    for m in _COUNCIL_IN_WORDS.finditer(phrase):
        word = f"la{m[1]}" if m[1] else (m[2] or m[3]).lower()
        if word not in _NOT_A_PLACE:
            out.add(word)
    return frozenset(out)


def _held_by_phrases(
    view: EventView, csc: IntArray, *, transfers_only: bool = False
) -> list[tuple[int, list[str]]]:
    """The children's social care records (positions in ``csc``) that say which council held
    the meeting they tell of, each with the words naming it ('LA 2' of 'Attended transfer in
    conference held by LA 2'): a search of csc's records for the few that name a holder
    (with ``transfers_only``, of the records of a conference that name a transfer-in one)."""
    if transfers_only:
        # the records of a conference (its own event, or one it mentions), then those that
        # name a transfer-in conference
        conference = [S.EVENT_TYPES.index(t) for t in ("icpc", "review_conference")]
        bits = np.uint64(sum(1 << k for k in conference))  # as predicates._TYPE_BIT
        said = np.isin(view.event_type[csc], conference) | ((view.mentions[csc] & bits) != 0)
        at = np.flatnonzero(said)
        if len(at) == 0:
            return []
        texts = view.texts(csc[at])
        hit = pc.match_substring_regex(texts, _TRANSFER_IN_WORDS, ignore_case=True)
        keep = np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)
        at, texts = at[keep], texts.filter(pa.array(keep))
    else:
        texts = view.texts(csc)
        hit = pc.match_substring_regex(texts, _HELD_BY_WORDS, ignore_case=True)
        at = np.flatnonzero(np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool))
        texts = texts.take(pa.array(at))
    if len(at) == 0:
        return []
    out: list[tuple[int, list[str]]] = []
    for k, text in zip(at.tolist(), texts.to_pylist(), strict=True):
        phrases = [m[1] or m[2] for m in _HELD_BY.finditer(text or "")]
        if phrases:
            out.append((k, phrases))
    return out


def _held_by_another(
    holders: list[tuple[int, list[str]]], csc: IntArray, place: dict[str, int], out: IntArray
) -> None:
    """Give a children's social care record that says another council held the meeting it
    tells of ('Attended transfer in conference held by LA2. Child A remains subject to a CP
    plan', recorded by LA1) to that council: its conference opens that council's case and
    plan, and hands them over, as the council's own record of it would. Only the records
    naming a meeting's holder (:func:`_held_by_phrases`, few) are read."""
    for k, phrases in holders:
        named: set[int] = set()
        for phrase in phrases:
            text = _NUMBERED_LA.sub(lambda n: f" la{n.group(1)} ", phrase.lower())
            named |= {place[w] for w in re.split(r"[^a-z0-9]+", text) if w in place}
        if len(named) == 1:
            out[csc[k]] = named.pop()


def _same_authority(of: IntArray, cand: IntArray, authority: int) -> IntArray:
    """The candidates that may answer for ``authority`` (-1: any): its own records and those
    that name no authority."""
    if authority < 0:
        return cand
    theirs = of[cand]
    return cand[(theirs < 0) | (theirs == authority)]


#: A word that says an organisation is one institution of its agency (a trust, a hospital,
#: a GP practice, a school): 'Northgate Hospital ED', 'Westbrook Univ Hospital', 'Eastfield
#: MIU', 'Oak Lane Surgery', 'Elm Academy'. A ward, team or department alone ('Maple Ward',
#: 'Paediatrics', 'Health Visiting') names none.
_INSTITUTION_WORD: Final = re.compile(
    r"\b(hospitals?|infirmary|trust|nhs|ft|surgery|practice|medical (centre|center)|"
    r"health (centre|center)|clinic|schools?|academy|college|nursery|pre-?school|miu|utc|"
    r"urgent (care|treatment)|ucc|walk.?in|a ?& ?e|ed|emergency department|police|constabulary)\b",
    re.IGNORECASE,
)
#: Words of such an organisation that name no institution: its kind, its departments and
#: the words around its name ('Royal Northgate General Hospital NHS Foundation Trust - ED').
_NOT_AN_INSTITUTION: Final = frozenset(
    """
    hospital hospitals infirmary trust nhs ft foundation university univ uni teaching
    general district royal county city community children childrens child s paediatric
    paediatrics paeds paed ed ae a e emergency department dept unit units ward wards minor
    injuries injury miu utc ucc urgent care treatment centre center walk in clinic clinics
    surgery practice medical health healthcare primary secondary junior infant infants
    school schools academy college nursery pre preschool the of and st saint gp gps dr
    doctor doctors team service services visiting hv midwifery maternity liaison named
    nurse nurses safeguarding police constabulary force cait mash csc social for at with
    to by on main new old group partnership family families national regional integrated
    """.split()  # noqa: SIM905 (words, read more easily so)
)


def _institution_words(organisation: str) -> frozenset[str]:
    """The words of an organisation that name its institution (empty when it names none).

    Examples
    --------
    >>> sorted(_institution_words("Northgate Hospital ED")), sorted(_institution_words("Eastfield MIU"))
    (['northgate'], ['eastfield'])
    >>> _institution_words("Hospital"), _institution_words("Maple Ward"), _institution_words("GP")
    (frozenset(), frozenset(), frozenset())
    """
    if not _INSTITUTION_WORD.search(organisation):
        return frozenset()
    words = re.split(r"[^a-z0-9]+", organisation.lower())
    return frozenset(
        w for w in words if len(w) > 1 and not w.isdigit() and w not in _NOT_AN_INSTITUTION
    )


def _root(parent: list[int], i: int) -> int:
    """The root of ``i`` in a union-find's ``parent`` list, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union_of_words(words: list[frozenset[str]]) -> list[int]:
    """For each set of words, a root shared by every set it shares a word with (directly or
    through others; -1 for an empty set): a union of the few distinct organisations."""
    parent = list(range(len(words)))

    def root(i: int) -> int:
        return _root(parent, i)

    seen: dict[str, int] = {}
    for i, ws in enumerate(words):
        for w in ws:
            if w in seen:
                parent[root(i)] = root(seen[w])
            else:
                seen[w] = i
    return [root(i) if words[i] else -1 for i in range(len(words))]


#: Words of an institution's name that place it rather than name it ('North Middlesex',
#: 'North Devon', 'East London', 'Royal London'): two organisations sharing only such a word
#: are one institution only when neither names more, or the other words of one abbreviate
#: the other's ('North Mid' and 'North Middlesex').
_PLACING_WORDS: Final = frozenset(
    """
    north south east west northern southern eastern western central mid london greater
    inner outer upper lower
    """.split()  # noqa: SIM905 (words, read more easily so)
)


def _one_institution(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two organisations' words name one institution: a word in common that names
    rather than places it, or only placing words in common where neither names more or one
    abbreviates the other ('mid' for 'middlesex')."""
    common = a & b
    if common - _PLACING_WORDS:
        return True
    if not common:
        return False
    rest_a, rest_b = a - common, b - common
    if not (rest_a - _PLACING_WORDS) and not (rest_b - _PLACING_WORDS):
        return True
    return any(
        len(x) >= 3 and len(y) >= 3 and (y.startswith(x) or x.startswith(y))
        for x in rest_a
        for y in rest_b
    )


def _union_of_institutions(words: list[frozenset[str]]) -> list[int]:
    """:func:`_union_of_words` for institutions: organisations are one when
    :func:`_one_institution` says so (a pass over the pairs of the few distinct names)."""
    parent = list(range(len(words)))

    def root(i: int) -> int:
        return _root(parent, i)

    for i in range(len(words)):
        for j in range(i):
            if words[i] and words[j] and _one_institution(words[i], words[j]):
                parent[root(i)] = root(j)
    return [root(i) if words[i] else -1 for i in range(len(words))]


def institutions(
    view: EventView, positions: IntArray
) -> tuple[IntArray, list[frozenset[str]]] | None:
    """For each of ``positions``, a number for the institution its ``organisation`` names
    (-1: none named: 'Hospital', 'Paediatrics', 'GP'); None when they name fewer than two
    (the usual chronology, of one hospital, one practice, one school); with the words
    that name each institution.

    Organisations that share a word are one institution ('Northgate Hospital ED' and
    'Northgate Hospital Paediatrics'); 'Northgate Hospital ED' and 'Westbrook Univ
    Hospital', or 'Oak Lane Surgery' and 'Elm Medical Centre', are two. Worked out on the
    distinct organisations of those records (few).

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> view = EventView.from_events(make_events(
    ...     start=["2023-01-14", "2023-02-20", "2023-03-01", "2023-03-02"],
    ...     agency=["hospital", "hospital", "paediatrics", "hospital"],
    ...     organisation=["Northgate Hospital ED", "Westbrook Univ Hospital",
    ...                   "Northgate Hospital Paediatrics", "Hospital"]))
    >>> keys, words = institutions(view, np.arange(4))
    >>> keys.tolist(), [sorted(w) for w in words]
    ([0, 1, 0, -1], [['northgate'], ['westbrook']])
    """
    orgs = view.take(S.ORGANISATION, positions)
    if orgs is None or len(positions) == 0:
        return None
    codes, uniques = pd.factorize(orgs, use_na_sentinel=True)
    values = [v if isinstance(v, str) else "" for v in uniques.tolist()]
    roots = _union_of_institutions([_institution_words(v) for v in values])
    named = sorted({r for r in roots if r >= 0})
    if len(named) < 2:
        return None
    number = {r: k for k, r in enumerate(named)}
    per_value = np.array([number.get(r, -1) for r in roots] + [-1], dtype=np.int64)
    words: list[frozenset[str]] = [frozenset()] * len(named)
    for v, r in zip(values, roots, strict=True):
        if r >= 0:
            words[number[r]] |= _institution_words(v)
    # the words that name each (its placing words only where it has no other): 'north'
    # in another agency's words names no one of 'North Mid' and 'North Devon'
    words = [ws - _PLACING_WORDS or ws for ws in words]
    return per_value[codes], words  # -1 (no organisation) reads the last entry


def original_positions(view: EventView) -> IntArray:
    """Per event, the position of the event its ``duplicate_of`` names (-1 when it names
    none, or an id the chronology does not have)."""
    out = np.full(len(view), _NONE, dtype=np.int64)
    dups = np.flatnonzero(view.duplicate)
    dup_col = view.take(S.DUPLICATE_OF, dups)
    if dup_col is None or len(dups) == 0:
        return out
    targets = pd.Index(dup_col.astype(str).to_numpy(dtype=object), dtype=object)
    ids = pd.Index(view.ids, dtype=object)
    if ids.has_duplicates:
        ids = ids.where(~ids.duplicated(keep="first"), None)
    out[dups] = ids.get_indexer(targets)
    return out


#: Finding statuses, in the order of :attr:`Hits.status` codes.
STATUSES: Final[tuple[str, ...]] = ("missing", "late", "gap")
MISSING, LATE, GAP = 0, 1, 2


@dataclass
class Hits:
    """Raw findings of one rule: one entry per finding, event positions not ids.

    ``status`` holds codes into :data:`STATUSES`. The evidence of finding ``i`` is
    ``evidence[evidence_offsets[i]:evidence_offsets[i + 1]]``. ``extra`` holds further
    per-finding arrays a kind's sentences need (``more``, ``first_trigger``, ``after``, ``state_open``,
    ``end_kind``, ``to_ns``, ``first_gap``, ``missing``).
    """

    trigger: IntArray
    due: npt.NDArray[np.datetime64]
    observed: IntArray
    status: npt.NDArray[np.int8]
    delay: npt.NDArray[np.float64]
    evidence: IntArray
    evidence_offsets: IntArray
    extra: dict[str, npt.NDArray[Any]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Hits:
        """No findings."""
        return cls(
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype="datetime64[D]"),
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.int8),
            np.zeros(0, dtype=np.float64),
            np.zeros(0, dtype=np.int64),
            np.zeros(1, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.trigger)


def _evidence(*columns: IntArray) -> tuple[IntArray, IntArray]:
    """Flat evidence and offsets from per-finding columns of positions (-1 = none)."""
    stacked = np.stack([np.asarray(c, dtype=np.int64) for c in columns], axis=1)
    present = stacked >= 0
    counts = present.sum(axis=1)
    offsets = np.zeros(len(stacked) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return stacked[present], offsets


def _missing(rule: Rule, key: str) -> RulebookError:
    """The error for a rule that reached the engine without a key its kind needs (the
    rulebook loader checks this, so it only happens to rules built by hand)."""
    return RulebookError(
        f"rule {rule.id} has no {key}",
        column=f"{rule.id}.{key}",
        expected=f"a {key} for a {rule.kind} rule",
    )


def _days(ns: IntArray) -> npt.NDArray[np.datetime64]:
    return to_days(ns.astype("datetime64[ns]"))


def _day_end_ns(days: npt.NDArray[np.datetime64]) -> IntArray:
    return end_of_day(days).astype(np.int64)


def _first_at_or_after(candidates: IntArray, positions: IntArray) -> IntArray:
    """For each position, the first candidate at or after it (-1 when there is none)."""
    at = np.searchsorted(candidates, positions, side="left")
    found = at < len(candidates)
    out = np.full(len(positions), _NONE, dtype=np.int64)
    out[found] = candidates[at[found]]
    return out


def agency_masks(rule: Rule, agencies: IntArray) -> npt.NDArray[np.uint64]:
    """Per agency code (-1: unknown), the agencies whose involvement answers a trigger it
    recorded under ``match = "trigger_agency"``: its own, with those the rule's
    ``match_also`` adds for it (0 for an unknown agency).

    Examples
    --------
    >>> from scr_timeline.rules.rulebook import load_rulebook
    >>> rule = load_rulebook("wt2006").rules["INJ-REFER"]
    >>> codes = np.array([S.AGENCIES.index("hospital"), S.AGENCIES.index("gp"), -1])
    >>> masks = agency_masks(rule, codes)
    >>> bool(masks[0] & (1 << S.AGENCIES.index("paediatrics"))), bool(masks[1] == 1 << codes[1])
    (True, True)
    >>> paediatrics = agency_masks(rule, np.array([S.AGENCIES.index("paediatrics")]))
    >>> bool(paediatrics[0] & (1 << S.AGENCIES.index("hospital")))  # not the other way round
    False
    >>> int(masks[2])
    0
    """
    n = len(S.AGENCIES)
    table = np.zeros(n + 1, dtype=np.uint64)
    table[:n] = np.left_shift(np.uint64(1), np.arange(n, dtype=np.uint64))
    for agency, others in rule.also:
        for other in others:
            table[S.AGENCIES.index(agency)] |= table[S.AGENCIES.index(other)]
    return table[agencies]  # -1 (unknown) reads the last entry: no agency


def via_mask(rule: Rule) -> np.uint64 | None:
    """The agencies whose records answer for another agency under ``match_via`` (None: any
    record that involves the trigger's agency answers)."""
    if rule.via is None:
        return None
    bits = 0
    for agency in rule.via:
        bits |= 1 << S.AGENCIES.index(agency)
    return np.uint64(bits)


def _involvement(
    view: EventView, candidates: IntArray, via: np.uint64 | None
) -> Callable[[int], BoolArray]:
    """Which candidates involve an agency of a mask; with ``via``, recorded by one of
    those agencies, or by an agency of ``via`` (children's social care's record of the
    GP's referral answers for the GP; the health visitor's referral that names the A&E
    attendance does not answer for the hospital). The candidates' bits are taken once, for
    every mask asked about."""
    parties = view.parties[candidates]
    if via is None:
        return lambda mask: (parties & np.uint64(mask)) != 0
    code = view.agency[candidates]
    own = np.zeros(len(candidates), dtype=np.uint64)
    known = code >= 0
    own[known] = np.left_shift(np.uint64(1), code[known].astype(np.uint64))
    by_via = (own & via) != 0

    def hit(mask: int) -> BoolArray:
        bits = np.uint64(mask)
        return ((parties & bits) != 0) & (((own & bits) != 0) | by_via)

    return hit


def _first_involving(
    view: EventView,
    candidates: IntArray,
    positions: IntArray,
    masks: npt.NDArray[np.uint64],
    via: np.uint64 | None = None,
    inst: IntArray | None = None,
    trig: IntArray | None = None,
) -> IntArray:
    """For each position, the first candidate at or after it that involves any agency of
    its mask (see :func:`agency_masks`; with ``via``, see :func:`_involvement`; with
    ``inst``, see :func:`_pools`, of the triggers ``trig``, the positions by default)."""
    out = np.full(len(positions), _NONE, dtype=np.int64)
    of = positions if trig is None else trig
    for mine, pool in _pools(view, candidates, of, masks, None, via, inst):
        out[mine] = _first_at_or_after(pool, positions[mine])
    return out


def _pools(
    view: EventView,
    candidates: IntArray,
    trig: IntArray,
    masks: npt.NDArray[np.uint64],
    selected: BoolArray | None,
    via: np.uint64 | None,
    inst: IntArray | None,
) -> list[tuple[IntArray, IntArray]]:
    """The triggers (positions in ``trig``, of those ``selected``) of each agency mask, each
    with the candidates that answer for that mask (:func:`_involvement`). With ``inst``
    (per event, the institution a record names, see :func:`_answering_institutions`), a
    trigger whose record names an institution is answered only by records that name the
    same one or none: Westbrook's referral is not Northgate's."""
    todo = masks != 0 if selected is None else selected & (masks != 0)
    involving = _involvement(view, candidates, via)
    out: list[tuple[IntArray, IntArray]] = []
    for mask in np.unique(masks[todo]).tolist():
        mine = todo & (masks == mask)
        hit = involving(mask)
        if inst is None:
            out.append((np.flatnonzero(mine), candidates[hit]))
            continue
        theirs = inst[candidates]
        of_trig = inst[trig]
        for key in np.unique(of_trig[mine]).tolist():
            ok = hit if key < 0 else hit & ((theirs < 0) | (theirs == key))
            out.append((np.flatnonzero(mine & (of_trig == key)), candidates[ok]))
    return out


def _answering_institutions(
    rule: Rule,
    view: EventView,
    trig: IntArray,
    cand: IntArray,
    masks: npt.NDArray[np.uint64],
) -> IntArray | None:
    """Per event, the institution a trigger or a candidate answer names (-1: none; see
    :func:`institutions`), for ``match = "trigger_agency"``; None when the triggers name
    none, or the records fewer than two (the usual chronology: agency against agency).

    A record of the triggers' agencies names its institution in its ``organisation``
    ('Northgate Hospital ED'). With ``match_via``, a record of a ``via`` agency (children's
    social care's 'Referral received from Westbrook paediatric liaison') names one in its
    words, when they name exactly one of the institutions the records name. Worked out on
    the distinct organisations, and on the words of the ``via`` agencies' candidates that
    involve the triggers' agencies (few), only where the triggers name an institution."""
    orgs = view.take(S.ORGANISATION, trig)
    if orgs is None or len(trig) == 0:
        return None
    if not any(isinstance(v, str) and _institution_words(v) for v in orgs.unique().tolist()):
        return None  # no trigger names its institution: agency against agency
    n = len(S.AGENCIES)
    every = np.left_shift(np.uint64(1), np.arange(n, dtype=np.uint64))
    asked = np.bitwise_or.reduce(masks)
    code = view.agency[cand]  # -1 (unknown) reads the last entry of a table: no
    own = np.append((every & asked) != 0, False)[code]
    # the triggers and the answers their agencies recorded
    positions = np.concatenate([trig, cand[own]])
    found = institutions(view, positions)
    if found is None:
        return None
    keys, words = found
    out = np.full(len(view), _NONE, dtype=np.int64)
    out[positions] = keys
    via = via_mask(rule)
    if via is None:
        return out
    # a via agency's records that involve the triggers' agencies
    by_via = cand[np.append((every & via) != 0, False)[code]]
    others = by_via[(view.parties[by_via] & asked) != 0]
    if len(others):
        texts = view.texts(others)
        named = np.zeros(len(others), dtype=np.int64)
        which = np.full(len(others), _NONE, dtype=np.int64)
        for k, ws in enumerate(words):
            pattern = r"\b(" + "|".join(sorted(re.escape(w) for w in ws)) + r")\b"
            hit = pc.match_substring_regex(texts, pattern, ignore_case=True)
            said = np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)
            named += said
            which[said] = k
        out[others] = np.where(named == 1, which, _NONE)
    return out


def _first_of_another_source(
    view: EventView, candidates: IntArray, lo: IntArray, hi: IntArray, source: IntArray
) -> IntArray:
    """For each ``i``, the first candidate at a position in ``[lo[i], hi[i])`` whose source
    is not ``source[i]`` (-1 when there is none)."""
    out = np.full(len(lo), _NONE, dtype=np.int64)
    facts = view.order_facts()
    if len(candidates) == 0 or len(lo) == 0 or facts is None:
        return out
    own = facts[1][candidates]
    # the first candidate after each one whose source differs (runs of one source)
    change = np.flatnonzero(own[1:] != own[:-1]) + 1
    run_end = np.append(change, len(candidates))[
        np.searchsorted(change, np.arange(len(candidates)), side="right")
    ]
    first = np.searchsorted(candidates, lo, side="left")
    stop = np.searchsorted(candidates, hi, side="left")
    has = first < stop
    at = first.copy()
    same = has.copy()
    same[has] = own[first[has]] == source[has]
    at[same] = run_end[first[same]]
    found = has & (at < stop)
    out[found] = candidates[at[found]]
    return out


def _unordered_same_day(
    view: EventView,
    candidates: IntArray,
    trig: IntArray,
    masks: npt.NDArray[np.uint64] | None = None,
    via: np.uint64 | None = None,
    inst: IntArray | None = None,
) -> IntArray:
    """For each trigger, a candidate on its day listed before it whose order against it the
    chronology cannot tell (-1 when there is none): a record of another source, where one of
    the two has no time of day (police "12/03/2007 10:15 referral to CSC" and csc's
    "12/03/2007 strategy discussion" from two files). Within one source the file's order
    holds; two times order themselves. With ``masks``, only candidates involving an agency
    of the trigger's mask count (as :func:`_first_involving`)."""
    out = np.full(len(trig), _NONE, dtype=np.int64)
    facts = view.order_facts()
    if len(candidates) == 0 or len(trig) == 0 or facts is None:
        return out
    day, source, timed = facts
    first_of_day = np.searchsorted(day, day[trig], side="left")
    earlier = np.searchsorted(candidates, first_of_day) < np.searchsorted(candidates, trig)
    if not earlier.any():
        return out
    groups: list[tuple[IntArray, IntArray]] = []
    if masks is None:
        groups.append((np.flatnonzero(earlier), candidates))
    else:
        groups += _pools(view, candidates, trig, masks, earlier, via, inst)
    for mine, cands in groups:
        for with_time in (False, True):  # a timed trigger needs a candidate without a time
            which = mine[timed[trig[mine]] == with_time]
            pool = cands[~timed[cands]] if with_time else cands
            out[which] = _first_of_another_source(
                view, pool, first_of_day[which], trig[which], source[trig[which]]
            )
    return out


def _told_before_on_the_day(
    view: EventView,
    candidates: IntArray,
    trig: IntArray,
    masks: npt.NDArray[np.uint64] | None,
    via: np.uint64 | None,
    inst: IntArray | None = None,
) -> IntArray:
    """For each trigger, the first candidate on its day listed before it that involves the
    trigger's agency (with ``masks``, an agency of its mask; -1 when there is none).

    The candidates are records that tell of the trigger (``answers_before``): children's
    social care's 'Contact from Northtown ED: bruise L cheek. Strategy discussion held',
    listed above the emergency department's own record of the bruise, cannot have come
    before the bruise was seen, so what it records answers it."""
    out = np.full(len(trig), _NONE, dtype=np.int64)
    if len(candidates) == 0 or len(trig) == 0:
        return out
    # the first event of each trigger's day (the events are in the chronology's order)
    first_of_day = np.searchsorted(view.start, (view.start[trig] // DAY_NS) * DAY_NS, side="left")
    earlier = np.searchsorted(candidates, first_of_day) < np.searchsorted(candidates, trig)
    if not earlier.any():
        return out
    if masks is None:  # the trigger's own agency
        code = view.agency[trig]
        masks = np.where(
            code >= 0, np.left_shift(np.uint64(1), np.maximum(code, 0).astype(np.uint64)), 0
        ).astype(np.uint64)
    for mine, pool in _pools(view, candidates, trig, masks, earlier, via, inst):
        at = np.searchsorted(pool, first_of_day[mine], side="left")
        found = at < len(pool)
        found[found] &= pool[at[found]] < trig[mine[found]]
        out[mine[found]] = pool[at[found]]
    return out


def _delay_wd(due: npt.NDArray[np.datetime64], when_ns: IntArray) -> npt.NDArray[np.float64]:
    return working_days_between(due, _days(when_ns)).astype(np.float64)


def _answers(
    rule: Rule,
    ctx: Context,
    cand: IntArray,
    trig: IntArray,
    by_agency: npt.NDArray[np.uint64] | None,
    inst: IntArray | None = None,
) -> IntArray:
    """For each trigger of a response rule, the candidate that answers it, before the
    deadline is looked at (-1: none): the first at or after it (with ``match``, involving its
    agency), a record of its day whose order against it is unknown, or a record of it listed
    before it (``answers_before``)."""
    view = ctx.view
    after = trig if rule.self_answer else trig + 1
    if by_agency is not None:
        answer = _first_involving(view, cand, after, by_agency, via_mask(rule), inst, trig)
    else:
        answer = _first_at_or_after(cand, after)
    if rule.self_answer:
        # a record of the trigger's day whose order against it is unknown answers it (not
        # where the trigger's own kind of event answers: another agency's record of the same
        # placement is not the child leaving it)
        unordered = _unordered_same_day(view, cand, trig, by_agency, via_mask(rule), inst)
        answer = np.where(unordered >= 0, unordered, answer)
    if rule.answers_before is not None:
        # a record of the trigger listed before it on its day answers it (``answers_before``)
        told = cand[ctx.mask(rule.answers_before)[cand]]
        before = _told_before_on_the_day(view, told, trig, by_agency, via_mask(rule), inst)
        answer = np.where(before >= 0, before, answer)
    return answer


# --- response ------------------------------------------------------------------------------
def response(rule: Rule, ctx: Context) -> Hits:
    """After each trigger, an expected event within the window (self-answers allowed).

    The deadline runs from the trigger's ``end`` (benefit of the doubt for uncertain
    dates); an expected event counts when it comes at or after the trigger in the
    chronology's order and starts by the end of the deadline day. A record of the trigger's
    day listed before it counts too when the chronology cannot tell their order (another
    source, and one of the two without a time of day: benefit of the doubt), unless the
    rule has ``self_answer = false``. Triggers inside the open
    window of an earlier, still unanswered trigger of the same rule (and, with
    ``match = "trigger_agency"``, the same agency) join that finding as evidence.
    """
    view = ctx.view
    if rule.window is None:
        raise _missing(rule, "window")
    trig = ctx.triggers(rule.trigger)
    if rule.not_during is not None and len(trig):
        trig = trig[~_during(trig, rule.not_during, ctx)]
    if len(trig) == 0:
        return Hits.empty()
    cand = ctx.candidates(rule.expected)
    by_agency = agency_masks(rule, view.agency[trig]) if rule.match == "trigger_agency" else None
    # two hospitals (two practices, two schools) under one agency code are two agencies
    inst = None if by_agency is None else _answering_institutions(rule, view, trig, cand, by_agency)
    of = ctx.authorities() if rule.same_authority else None
    if of is None:
        answer = _answers(rule, ctx, cand, trig, by_agency, inst)
    else:
        # each local authority's triggers are answered by its own records or records that
        # name none (the receiving council's referral is not answered by the sending
        # council's visit); the authorities are few
        answer = np.full(len(trig), _NONE, dtype=np.int64)
        mine = of[trig]
        for authority in np.unique(mine).tolist():
            at = np.flatnonzero(mine == authority)
            answer[at] = _answers(
                rule,
                ctx,
                _same_authority(of, cand, authority),
                trig[at],
                None if by_agency is None else by_agency[at],
                inst,
            )
    start_days = _days(view.end[trig])
    due = rule.window.deadline(start_days)
    if rule.extension is not None and rule.extended_window is not None:
        ext = ctx.candidates(rule.extension)
        first_ext = _first_at_or_after(ext, trig)
        has = first_ext >= 0
        has[has] &= view.start[first_ext[has]] <= _day_end_ns(due[has])
        due = np.where(has, rule.extended_window.deadline(start_days), due)
    due_end = _day_end_ns(due)
    cut = np.full(len(trig), _NONE, dtype=np.int64)
    # the triggers of one agency (with match; and of one institution where they name two)
    group = _agency_groups(by_agency, None if inst is None else inst[trig])
    if rule.until_next is not None and len(trig) > 1:
        # an answer at or after the next trigger that ``until_next`` selects (of the same
        # agency, with match) is that trigger's, when that one came after this one's
        # deadline (one within the window is as likely another record of this one; the
        # first after it is the next, even when one within the window came between)
        new = ctx.mask(rule.until_next)[trig]
        following = _next_in_group(trig, new, group, view.start[trig], due_end)
        if inst is not None:
            # an answer that names no institution is any of the agency's (as before): the
            # agency's next trigger, of whichever institution, takes it
            agency_next = _next_in_group(trig, new, by_agency, view.start[trig], due_end)
            unnamed = (answer >= 0) & (inst[np.maximum(answer, 0)] < 0)
            following = np.where(unnamed, agency_next, following)
        has_next = following >= 0
        theirs = (answer >= 0) & has_next & (answer >= following)
        cut[theirs] = following[theirs]
        answer = np.where(theirs, _NONE, answer)
    answered = answer >= 0
    answer_start = np.where(answered, view.start[np.maximum(answer, 0)], np.iinfo(np.int64).max)
    in_time = answered & (answer_start <= due_end)
    judged = due_end <= ctx.horizon
    flagged = np.flatnonzero(judged & ~in_time)
    if len(flagged) == 0:
        return Hits.empty()
    # episodes per agency (and the agencies that answer for it)
    if group is None:
        group = np.zeros(len(trig), dtype=np.uint64)
    # episodes: a pass over the flagged triggers only (few), in the chronology's order
    heads: dict[int, list[int]] = {}  # group -> [head index, window end, answer]
    head_of: list[int] = []  # for each flagged trigger, the head of its episode
    t_list, s_list = trig.tolist(), view.start[trig].tolist()
    a_list, d_list, g_list = answer.tolist(), due_end.tolist(), group.tolist()
    for k in flagged.tolist():
        open_ = heads.get(g_list[k])
        if (
            open_ is not None
            and s_list[k] <= open_[1]
            and (open_[2] == _NONE or open_[2] > t_list[k])
        ):
            head_of.append(open_[0])
            open_[1] = max(open_[1], d_list[k])
        else:
            heads[g_list[k]] = [k, d_list[k], a_list[k]]
            head_of.append(k)
    head = np.array(head_of, dtype=np.int64)
    is_head = head == flagged
    keep = flagged[is_head]
    rank = np.cumsum(is_head) - 1  # finding number of each head, in order
    finding = rank[np.searchsorted(flagged, head)]  # finding number of every flagged trigger
    # "and N more such events": one event told by several agencies (children's social care's
    # ICPC minutes, the school's 'DSL attended ICPC', the police's 'Attended ICPC') is one
    # event, so a finding's records of one day and one event type count once
    more = _distinct_events(view, trig[flagged], finding, len(keep)) - 1
    late = answered[keep]
    observed = answer[keep]
    delay = np.full(len(keep), np.nan)
    if late.any():
        delay[late] = _delay_wd(due[keep][late], view.start[observed[late]])
    # evidence: the head trigger, the triggers that joined it (in order), then the answer
    members = flagged[~is_head]
    who = np.concatenate([np.arange(len(keep)), finding[~is_head], np.flatnonzero(late)])
    part = np.repeat(np.array([0, 1, 2], dtype=np.int8), [len(keep), len(members), int(late.sum())])
    what = np.concatenate([trig[keep], trig[members], observed[late]])
    order = np.lexsort((part, who))  # stable: members keep the chronology's order
    offsets = np.zeros(len(keep) + 1, dtype=np.int64)
    np.cumsum(np.bincount(who, minlength=len(keep)), out=offsets[1:])
    return Hits(
        trigger=trig[keep],
        due=due[keep],
        observed=observed,
        status=np.where(late, LATE, MISSING).astype(np.int8),
        delay=delay,
        evidence=what[order].astype(np.int64),
        evidence_offsets=offsets,
        extra={"more": more, "cut": cut[keep]}
        | ({"tally": _tally(rule, ctx, trig[keep])} if rule.tally else {}),
    )


def _agency_groups(
    masks: npt.NDArray[np.uint64] | None, inst: IntArray | None
) -> npt.NDArray[np.uint64] | None:
    """A group number per trigger: its agency mask, and with ``inst`` its institution too
    (None without masks: one group).

    Examples
    --------
    >>> masks = np.array([4, 4, 4, 8], dtype=np.uint64)
    >>> _agency_groups(masks, np.array([0, 1, 0, -1])).tolist()
    [0, 1, 0, 2]
    """
    if masks is None or inst is None:
        return masks
    pairs = np.stack([masks.astype(np.int64), inst.astype(np.int64)], axis=1)
    _, group = np.unique(pairs, axis=0, return_inverse=True)
    return group.reshape(-1).astype(np.uint64)


def _distinct_events(view: EventView, told: IntArray, finding: IntArray, n: int) -> IntArray:
    """How many events each of ``n`` findings' records ``told`` (with the finding of each)
    are: records of one day are one event when they are of one event type, or when one
    involves the other's agency (the paediatrician's medical that phoned the referral
    through, and children's social care's 'Referral received from Dr B' that day). A pass
    over findings' records only (few).

    Examples
    --------
    >>> from scr_timeline.testing import make_events
    >>> view = EventView.from_events(make_events(
    ...     start=["2007-03-01"] * 3, agency=["paediatrics", "csc", "gp"],
    ...     counterparts=[("csc",), ("paediatrics",), ()],
    ...     event_type=["medical_examination", "referral", "gp_appointment"]))
    >>> _distinct_events(view, np.array([0, 1, 2]), np.array([0, 0, 0]), 1).tolist()
    [2]
    """
    out = np.zeros(n, dtype=np.int64)
    if not len(told):
        return out
    day = view.start[told] // DAY_NS
    types = view.event_type[told]
    # the records of each (finding, day), each group's members in the given order
    order = np.lexsort((day, finding))
    f_sorted, d_sorted = finding[order], day[order]
    opens = np.ones(len(order), dtype=bool)
    opens[1:] = (f_sorted[1:] != f_sorted[:-1]) | (d_sorted[1:] != d_sorted[:-1])
    heads = np.flatnonzero(opens)
    group = np.cumsum(opens) - 1
    events = np.ones(len(heads), dtype=np.int64)  # a group of one event type is one event
    mixed = np.unique(group[types[order] != types[order][heads][group]])
    if len(mixed):  # records of several event types that day: one by one (few)
        kind, agency = types.tolist(), view.agency[told].tolist()
        involved = view.counterpart_agencies[told].tolist()
        ends = np.append(heads[1:], len(order))
        for g in mixed.tolist():
            distinct: list[int] = []
            for k in order[heads[g] : ends[g]].tolist():
                if not any(_one_event(k, e, kind, agency, involved) for e in distinct):
                    distinct.append(k)
            events[g] = len(distinct)
    np.add.at(out, f_sorted[heads], events)
    return out


def _one_event(k: int, e: int, kind: list[int], agency: list[int], involved: list[int]) -> bool:
    """Whether two records of one day are one event (see :func:`_distinct_events`)."""
    if kind[k] == kind[e]:
        return True
    return bool(
        (agency[e] >= 0 and (involved[k] >> agency[e]) & 1)
        or (agency[k] >= 0 and (involved[e] >> agency[k]) & 1)
    )


def _next_in_group(
    trig: IntArray,
    new: BoolArray,
    group: npt.NDArray[np.uint64] | None,
    starts: IntArray,
    after: IntArray,
) -> IntArray:
    """For each trigger, the position of the first trigger of its group marked ``new`` that
    starts after the trigger's ``after`` (its deadline's end; -1: none); one group when
    ``group`` is ``None``. ``trig`` and ``starts`` are in the chronology's order.

    Examples
    --------
    >>> trig, starts = np.array([2, 5, 7, 9]), np.array([10, 20, 30, 40])
    >>> new = np.array([True, False, True, True])
    >>> _next_in_group(trig, new, None, starts, np.array([15, 25, 35, 45])).tolist()
    [7, 7, 9, -1]
    >>> _next_in_group(trig, new, None, starts, np.array([32, 25, 35, 45])).tolist()
    [9, 7, 9, -1]
    >>> groups = np.array([1, 2, 1, 2], dtype=np.uint64)
    >>> _next_in_group(trig, np.ones(4, dtype=bool), groups, starts, starts).tolist()
    [7, 9, -1, -1]
    """
    out = np.full(len(trig), _NONE, dtype=np.int64)
    keys = np.zeros(len(trig), dtype=np.uint64) if group is None else group
    for key in np.unique(keys).tolist():
        mine = np.flatnonzero(keys == key)
        marked = mine[new[mine]]
        at = np.searchsorted(starts[marked], after[mine], side="right")
        found = at < len(marked)
        out[mine[found]] = trig[marked[at[found]]]
    return out


# --- precedence ----------------------------------------------------------------------------
def precedence(rule: Rule, ctx: Context) -> Hits:
    """Before each trigger, or on its day, an expected event (optionally within a lookback)."""
    view = ctx.view
    trig = ctx.triggers(rule.trigger)
    if len(trig) == 0:
        return Hits.empty()
    cand = ctx.candidates(rule.expected)
    day = _days(view.end[trig])
    bound = _day_end_ns(day)
    starts = view.start[cand]  # sorted: the view is in start order
    at = np.searchsorted(starts, bound, side="right") - 1
    found = at >= 0
    if rule.lookback is not None and found.any():
        earliest = _days(view.start[trig]) - (rule.lookback.deadline(day) - day)
        lower = earliest.astype("datetime64[ns]").astype(np.int64)
        found[found] &= starts[at[found]] >= lower[found]
    keep = np.flatnonzero(~found)
    return _missing_hits(trig[keep], day[keep])


def _missing_hits(
    trigger: IntArray,
    due: npt.NDArray[np.datetime64],
    evidence: IntArray | None = None,
    offsets: IntArray | None = None,
    extra: dict[str, npt.NDArray[Any]] | None = None,
) -> Hits:
    """ "Missing" findings with no observed action (evidence: the trigger alone by default)."""
    n = len(trigger)
    return Hits(
        trigger=trigger.astype(np.int64),
        due=due,
        observed=np.full(n, _NONE, dtype=np.int64),
        status=np.full(n, MISSING, dtype=np.int8),
        delay=np.full(n, np.nan),
        evidence=trigger.astype(np.int64) if evidence is None else evidence,
        evidence_offsets=np.arange(n + 1, dtype=np.int64) if offsets is None else offsets,
        extra=extra or {},
    )


# --- states and cadence -----------------------------------------------------------------------
def state_intervals(rule: Rule, ctx: Context) -> tuple[IntArray, IntArray, IntArray]:
    """The spells of the rule's state: opening position, closing position (-1 when cut at
    the horizon) and the end time (ns) of each spell.

    A state opens at an opening event when it is closed, closes at the next closing event,
    and reopens at a later opening event. An event that both opens and closes opens first.
    """
    if rule.state is None:
        raise _missing(rule, "state")
    return _spells(rule.state, ctx)


def _during(positions: IntArray, state: State, ctx: Context) -> BoolArray:
    """Which of ``positions`` (sorted) fall while ``state`` holds: after an event that
    opened it, before the event that closed it (a strategy discussion while the child is on
    a child protection plan)."""
    open_pos, close_pos, _end = _spells(state, ctx)
    if len(open_pos) == 0:
        return np.zeros(len(positions), dtype=bool)
    spell = np.searchsorted(open_pos, positions, side="left") - 1
    inside = spell >= 0
    close = close_pos[np.maximum(spell, 0)]
    inside &= (close < 0) | (positions < close)
    return inside


def _spells(state: State, ctx: Context) -> tuple[IntArray, IntArray, IntArray]:
    if state.name in ctx._state_cache:
        return ctx._state_cache[state.name]
    view = ctx.view
    # a copy (duplicate_of) opens or closes nothing itself: the record it copies does, as
    # for triggers, so a state and the rules run from the same record of one contact
    opens = ctx.triggers(state.opens)
    closes = ctx.triggers(state.closes)
    pos = np.concatenate([opens, closes])
    kind = np.concatenate([np.ones(len(opens), np.int8), np.zeros(len(closes), np.int8)])
    order = np.lexsort((-kind, pos))  # by position, an opening before a closing
    pos, kind = pos[order], kind[order]
    of = ctx.authorities() if state.by_authority else None
    if of is not None:
        split = _spells_by_authority(pos, kind, of, ctx)
        spells = (split[0], split[1], split[2])
        ctx._state_cache[state.name] = spells
        ctx._state_holders[state.name] = split[3]
        return spells
    prev = np.concatenate([[0], kind[:-1]]) if len(kind) else kind
    starts = np.flatnonzero((kind == 1) & (prev == 0))
    closing = np.flatnonzero(kind == 0)
    at = np.searchsorted(closing, starts, side="right")
    has_close = at < len(closing)
    close_pos = np.full(len(starts), _NONE, dtype=np.int64)
    close_pos[has_close] = pos[closing[at[has_close]]]
    open_pos = pos[starts].astype(np.int64)
    end_ns = np.full(len(starts), ctx.horizon, dtype=np.int64)
    end_ns[has_close] = view.start[close_pos[has_close]]
    result = (open_pos, close_pos, end_ns)
    ctx._state_cache[state.name] = result
    return result


def _spells_by_authority(
    pos: IntArray, kind: npt.NDArray[np.int8], of: IntArray, ctx: Context
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """The spells of a ``by_authority`` state, and the authority that held each (-1: none
    named), from its opening (``kind`` 1) and closing (0) events in order.

    An authority's closing event closes only its own spell, or one no authority holds (the
    sending council's 'Case closed - transferred to Enfield' a week after Enfield's
    transfer-in conference closes nothing of Enfield's); an opening event of another
    authority while the state holds hands it over (a spell ends there and the new
    authority's begins); one that names no authority opens a closed state and keeps an open
    one as it is. The record that hands the state over closes nothing itself (the sending
    council's 'Attended transfer in conference held by Enfield CSC. Case transferred to
    Enfield CSC', which is Enfield's, see :func:`authorities`). A pass over the state's
    opening and closing events, only for chronologies whose records name two authorities
    (rare)."""
    opened: list[int] = []
    closed: list[int] = []
    held: list[int] = []
    current, owner, handed = _NONE, _NONE, _NONE
    for p, k in zip(pos.tolist(), kind.tolist(), strict=True):
        a = int(of[p])
        if k == 1:
            if current == _NONE:
                current, owner = p, a
            elif a >= 0 and owner >= 0 and a != owner:  # handed over
                _spell_ends(opened, closed, held, current, p, owner)
                current, owner, handed = p, a, p
            elif owner < 0:
                owner = a
        elif p == handed:
            continue
        elif current != _NONE and (a < 0 or owner < 0 or a == owner):
            _spell_ends(opened, closed, held, current, p, owner)
            current, owner = _NONE, _NONE
    if current != _NONE:
        _spell_ends(opened, closed, held, current, _NONE, owner)
    open_pos = np.array(opened, dtype=np.int64)
    close_pos = np.array(closed, dtype=np.int64)
    end_ns = np.full(len(open_pos), ctx.horizon, dtype=np.int64)
    has_close = close_pos >= 0
    end_ns[has_close] = ctx.view.start[close_pos[has_close]]
    return open_pos, close_pos, end_ns, np.array(held, dtype=np.int64)


def _spell_ends(
    opened: list[int], closed: list[int], held: list[int], at: int, to: int, owner: int
) -> None:
    """Record a spell of :func:`_spells_by_authority`."""
    opened.append(at)
    closed.append(to)
    held.append(owner)


def _spell_authorities(state: State, ctx: Context) -> IntArray | None:
    """The authority that held each spell of ``state`` (-1: none named), or None when the
    state is not ``by_authority`` or the chronology names fewer than two authorities."""
    _spells(state, ctx)
    return ctx._state_holders.get(state.name)


def _from_birth(open_pos: IntArray, limit: IntArray, view: EventView) -> IntArray:
    """Where each spell's gaps start with ``from_birth``: the spell's opening when the child
    was born by then (or the date of birth is unknown), else the first record on or after
    the birth (-1: none before the spell's ``limit``, the position that closes it). The
    birth is the day an event's age counts from (events before it have no age)."""
    out = open_pos.astype(np.int64).copy()
    known = np.flatnonzero(~np.isnan(view.age_days))
    if len(known) == 0:
        return out
    first = known[0]
    born = (view.start[first] // DAY_NS - int(view.age_days[first])) * DAY_NS
    unborn = np.flatnonzero(view.start[open_pos] < born)
    if len(unborn) == 0:
        return out
    at = np.searchsorted(view.start, born, side="left")
    out[unborn] = np.where(at < limit[unborn], at, _NONE)
    return out


def cadence(rule: Rule, ctx: Context) -> Hits:
    """While a state holds, expected events at most ``window`` apart (the first within
    ``first_window`` when given), the state's start and end counting as boundaries."""
    view = ctx.view
    if rule.window is None:
        raise _missing(rule, "window")
    state_open, close_pos, end_ns = state_intervals(rule, ctx)
    if len(state_open) == 0:
        return Hits.empty()
    assert rule.state is not None  # state_intervals raised otherwise
    held = _spell_authorities(rule.state, ctx)
    limit = np.where(close_pos >= 0, close_pos, len(view))
    open_pos = state_open
    if rule.from_birth:
        # a spell opened before the child was born runs from the first record on or after
        # the birth; one that closed before it is not judged
        open_pos = _from_birth(state_open, limit, view)
        judged = open_pos >= 0
        state_open, close_pos, end_ns = state_open[judged], close_pos[judged], end_ns[judged]
        open_pos, limit = open_pos[judged], limit[judged]
        held = None if held is None else held[judged]
        if len(open_pos) == 0:
            return Hits.empty()
    cand = ctx.candidates(rule.expected)
    spell = np.searchsorted(open_pos, cand, side="right") - 1
    inside = spell >= 0
    # the event that closes the state counts when it is an expected event too (the review
    # conference that ends the plan is the plan's review conference)
    inside[inside] &= (cand[inside] > open_pos[spell[inside]]) & (
        cand[inside] <= limit[spell[inside]]
    )
    if held is not None:
        # a state one authority holds is answered by its own records or records naming
        # none: the sending council's visit is no visit on the receiving council's plan
        of = ctx.authorities()
        assert of is not None  # held is only given when the authorities are
        theirs, holder = of[cand[inside]], held[spell[inside]]
        inside[inside] &= (theirs < 0) | (holder < 0) | (theirs == holder)
    cand, spell = cand[inside], spell[inside]
    n_spells = len(open_pos)
    # points: spell opening (kind 0), expected events (1), spell end (2)
    p_spell = np.concatenate([np.arange(n_spells), spell, np.arange(n_spells)])
    p_kind = np.concatenate(
        [np.zeros(n_spells, np.int8), np.ones(len(cand), np.int8), np.full(n_spells, 2, np.int8)]
    )
    p_pos = np.concatenate([open_pos, cand, close_pos])
    order = np.lexsort((p_kind, np.where(p_kind == 2, np.iinfo(np.int64).max, p_pos), p_spell))
    p_spell, p_kind, p_pos = p_spell[order], p_kind[order], p_pos[order]
    # one gap per consecutive pair of points in the same spell
    a, b = np.arange(len(p_pos) - 1), np.arange(1, len(p_pos))
    pair = p_spell[a] == p_spell[b]
    a, b = a[pair], b[pair]
    from_pos = p_pos[a]
    from_days = _days(view.end[from_pos])
    first = p_kind[a] == 0
    if rule.first_after is not None and first.any():
        # the first window only after the openings ``first_after`` selects
        at = np.flatnonzero(first)
        first[at[~ctx.mask(rule.first_after)[state_open[p_spell[a][at]]]]] = False
    due = rule.window.deadline(from_days)
    if rule.first_window is not None and first.any():
        due[first] = rule.first_window.deadline(from_days[first])
    due_end = _day_end_ns(due)
    to_kind = p_kind[b]
    to_ns = np.where(to_kind == 1, view.start[np.maximum(p_pos[b], 0)], end_ns[p_spell[b]])
    gap = (to_ns > due_end) & (due_end <= ctx.horizon)
    keep = np.flatnonzero(gap)
    observed = np.where(to_kind[keep] == 1, p_pos[b][keep], _NONE)
    spells = p_spell[a][keep]
    if rule.window.unit == "WD":
        to_days = _days(to_ns[keep])
        length = working_days_between(from_days[keep], to_days).astype(np.float64)
        # a gap to the state's end counts the working days up to that day: a chronology
        # that ends on a Sunday (the child's death) has no Monday after it in the gap
        ended = to_kind[keep] != 1
        if ended.any():
            past = ~is_working_day(to_days[ended])
            length[np.flatnonzero(ended)[past]] -= 1
    else:
        length = ((to_ns[keep] // DAY_NS) - (view.end[from_pos[keep]] // DAY_NS)).astype(np.float64)
    to_next = to_kind[keep] == 1
    # how each gap ended: 0 the next expected event, 1 the state closed, 2 the horizon
    end_kind = np.where(to_next, 0, np.where(close_pos[spells] >= 0, 1, 2)).astype(np.int8)
    trigger = from_pos[keep].astype(np.int64)
    evidence, offsets = _evidence(trigger, observed)
    return Hits(
        trigger=trigger,
        due=due[keep],
        observed=observed.astype(np.int64),
        status=np.full(len(keep), GAP, dtype=np.int8),
        delay=length,
        evidence=evidence,
        evidence_offsets=offsets,
        extra={
            "state_open": state_open[spells].astype(np.int64),
            "end_kind": end_kind,
            "to_ns": to_ns[keep].astype(np.int64),
            "first_gap": first[keep],
        },
    )


# --- accumulation --------------------------------------------------------------------------
def _clusters(
    ok: BoolArray,
    k: int,
    group: IntArray,
    start: IntArray,
    due_end: IntArray,
    answer: IntArray,
    answered: BoolArray,
    trig: IntArray,
) -> tuple[IntArray, IntArray]:
    """The clusters of a scan in order: the index of each one's first trigger and the index
    after its last member.

    A cluster is a trigger where ``ok`` and its next ``k - 1``; when nothing answers it in
    time, the triggers of its group that follow by its deadline (and before its late
    answer) join it, and the scan goes on after the last that joined: one lapse, one
    finding. ``due_end``, ``answer`` and ``answered`` are per trigger as the ``k``-th (the
    deadline) and as the first (the answer).
    """
    firsts: list[int] = []
    stops: list[int] = []
    i, n = 0, len(ok)
    ok_list, group_list, start_list = ok.tolist(), group.tolist(), start.tolist()
    while i <= n - k:
        if not ok_list[i]:
            i += 1
            continue
        j = i + k
        if not answered[i]:
            due, ans = int(due_end[i + k - 1]), int(answer[i])
            while (
                j < n
                and group_list[j] == group_list[i]
                and start_list[j] <= due
                and (ans < 0 or int(trig[j]) < ans)
            ):
                j += 1
        firsts.append(i)
        stops.append(j)
        i = j
    return np.array(firsts, dtype=np.int64), np.array(stops, dtype=np.int64)


def accumulation(rule: Rule, ctx: Context) -> Hits:
    """``count`` triggers within ``within`` of the first, and no expected event from the
    first trigger until ``window`` after the last one: one finding per cluster.

    Triggers are scanned in order; a cluster is the first trigger and the next
    ``count - 1``, when the last of them ends within ``within`` of the first one's start.
    When nothing answers it in time, the triggers that follow by its deadline join it as
    evidence (one lapse, one finding: six concerns in a week with no strategy discussion are
    not two findings); the next cluster starts after its last trigger. With ``match =
    "trigger_agency"`` each agency's triggers are scanned on their own (two missed GP
    appointments make a cluster, a missed GP appointment and a health visit that reached no
    one do not: neither agency knew of two), and only an expected event involving that
    agency (or those ``match_also`` adds for it) answers its cluster.
    """
    view = ctx.view
    if rule.window is None or rule.within is None:
        raise _missing(rule, "window" if rule.window is None else "within")
    all_trig = ctx.triggers(rule.trigger)
    k = rule.count
    if len(all_trig) < k:
        return Hits.empty()
    by_agency = rule.match == "trigger_agency"
    cand = ctx.candidates(rule.expected)
    # the triggers of each agency in the chronology's order (one group without a match); of
    # each institution where the records name two (two GP practices' missed appointments
    # are one each)
    group = view.agency[all_trig] if by_agency else np.zeros(len(all_trig), dtype=np.int64)
    inst = None
    if by_agency:
        inst = _answering_institutions(rule, view, all_trig, cand, agency_masks(rule, group))
        if inst is not None:
            named = agency_masks(rule, group)
            groups = _agency_groups(named, inst[all_trig])
            assert groups is not None  # masks and institutions given
            group = groups.astype(np.int64)
    order = np.lexsort((all_trig, group))
    trig = all_trig[order]
    group = group[order]
    reach = rule.within.deadline(_days(view.start[trig]))
    reach_ns = _day_end_ns(reach)
    end_ns = view.end[trig]
    # can trigger i start a cluster? (its (k-1)-th successor, of its group, ends within reach)
    ok = np.zeros(len(trig), dtype=bool)
    ok[: len(trig) - k + 1] = (end_ns[k - 1 :] <= reach_ns[: len(trig) - k + 1]) & (
        group[k - 1 :] == group[: len(trig) - k + 1]
    )
    # per trigger: the deadline were it the k-th, and the first answer were it the first
    due_all = rule.window.deadline(_days(end_ns))
    due_end_all = _day_end_ns(due_all)
    if by_agency:
        # the first expected event, from the first trigger on, involving the cluster's agency
        answer_all = _first_involving(
            view, cand, trig, agency_masks(rule, view.agency[trig]), via_mask(rule), inst
        )
    else:
        answer_all = _first_at_or_after(cand, trig)
        unordered = _unordered_same_day(view, cand, trig)
        answer_all = np.where(unordered >= 0, unordered, answer_all)
    # answered in time, were each trigger the first of a cluster whose k-th is k - 1 on
    in_time = np.zeros(len(trig), dtype=bool)
    lead = len(trig) - k + 1
    ans = answer_all[:lead]
    has = ans >= 0
    in_time[:lead][has] = view.start[ans[has]] <= due_end_all[k - 1 :][has]
    first, stop = _clusters(ok, k, group, view.start[trig], due_end_all, answer_all, in_time, trig)
    if len(first) == 0:
        return Hits.empty()
    last = first + k - 1
    keep = np.flatnonzero(~in_time[first] & (due_end_all[last] <= ctx.horizon))
    first, last, stop = first[keep], last[keep], stop[keep]
    order = np.argsort(trig[last], kind="stable")  # findings by the k-th, in order
    first, last, stop = first[order], last[order], stop[order]
    sizes = stop - first
    offsets = np.zeros(len(first) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    at = np.repeat(first - offsets[:-1], sizes) + np.arange(offsets[-1])
    members = trig[at].astype(np.int64)
    extra: dict[str, npt.NDArray[Any]] = {
        "first_trigger": trig[first].astype(np.int64),
        "last_member": trig[stop - 1].astype(np.int64),
        # the first expected event after the deadline, if any (the sentence names its date)
        "after": answer_all[first],
    }
    if rule.tally:
        extra["tally"] = _tally(rule, ctx, members)
    return _missing_hits(trig[last], due_all[last], evidence=members, offsets=offsets, extra=extra)


def _tally(rule: Rule, ctx: Context, members: IntArray) -> npt.NDArray[np.int8]:
    """For each member of a cluster, the first of the rule's ``tally`` entries it matches
    (``len(rule.tally)`` when it matches none)."""
    codes = np.full(len(members), len(rule.tally), dtype=np.int8)
    for j in range(len(rule.tally) - 1, -1, -1):  # the first entry that matches wins
        when = rule.tally[j].when
        hit = np.ones(len(members), dtype=bool) if when is None else ctx.mask(when)[members]
        codes[hit] = j
    return codes


# --- involvement ---------------------------------------------------------------------------
def _parties_from_own_words(
    view: EventView,
    trig: IntArray,
    parties: npt.NDArray[np.uint64],
    pattern: re.Pattern[str],
    own_types: tuple[str, ...],
) -> tuple[IntArray, pd.Series] | None:
    """Set, in ``parties``, the parties of the triggers told inside an entry of another kind
    (event type not in ``own_types``) to its agency and the counterparts named from
    ``pattern``'s first match on: 'Referral from ED re fracture. | Strategy meeting held -
    Police (DC2) and SW3' involves the police, not the hospital that referred. Only those
    triggers are read (a few per chronology), with the shipped vocabularies. Returns their
    positions in ``trig`` and their own words (None when there are none)."""
    from ..classify.counterparts import classify_counterparts
    from .predicates import _PARTY_BIT, _tuple_bits

    codes = [S.EVENT_TYPES.index(t) for t in own_types]
    told = np.flatnonzero(~np.isin(view.event_type[trig], codes))
    if len(told) == 0:
        return None
    texts = view.texts(trig[told])
    own_pattern = f"(?is)(?P<own>(?:{pattern.pattern}).*)"
    try:  # RE2 (Arrow): the words from the first match on, where there is one
        said = pc.match_substring_regex(texts, f"(?is){pattern.pattern}").to_numpy(
            zero_copy_only=False
        )
        cut = pc.replace_substring_regex(
            texts, f"(?is)^.*?((?:{pattern.pattern}).*)$", r"\1", max_replacements=1
        )
        own_words = pd.Series(cut.to_pylist(), dtype=object).where(said.astype(bool))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # not RE2: Python's re, few rows
        own_words = pd.Series(texts.to_pylist(), dtype=object).str.extract(own_pattern)["own"]
    valid = own_words.notna().to_numpy()
    if not valid.any():
        return None
    at = told[valid]
    agency = view.take(S.AGENCY, trig[at])
    frame = pd.DataFrame(
        {
            S.DETAILS: own_words[valid].reset_index(drop=True),
            S.OUTCOME: "",
            S.AGENCY: pd.Series("other", index=range(len(at))) if agency is None else agency,
        }
    )
    bits = _tuple_bits(classify_counterparts(frame), _PARTY_BIT)
    own = np.zeros(len(at), dtype=np.uint64)
    known = view.agency[trig[at]] >= 0
    own[known] = np.left_shift(np.uint64(1), view.agency[trig[at]][known].astype(np.uint64))
    parties[at] = bits | own
    return at, own_words[valid].reset_index(drop=True)


def involvement(rule: Rule, ctx: Context) -> Hits:
    """Each trigger must involve every group (as agency or counterpart of the event or of
    the other agencies' records of it, ``duplicate_of``).

    Triggers of the same day are one event told by several records (children's social
    care's minutes of a strategy discussion and the police's "attended strategy discussion"):
    the groups any of them involves count for all, and a group none involves makes one
    finding, from the first record, with the others as evidence."""
    view = ctx.view
    trig = ctx.triggers(rule.trigger)
    if len(trig) == 0:
        return Hits.empty()
    from .predicates import PARTIES

    parties = view.parties[trig].copy()
    own_words = None
    if rule.parties_from is not None:
        own_words = _parties_from_own_words(view, trig, parties, *rule.parties_from)
    dups = np.flatnonzero(view.duplicate)
    dup_col = view.take(S.DUPLICATE_OF, dups)
    if dup_col is not None and len(dups):
        # fold the other agencies' records of an event (duplicate_of) into it
        targets = dup_col.astype(str).to_numpy(dtype=object)
        where = pd.Series(np.arange(len(trig)), index=pd.Index(view.ids_at(trig), dtype=object))
        where = where[~where.index.duplicated(keep="last")]
        at = where.index.get_indexer(pd.Index(targets, dtype=object))
        ok = at >= 0
        np.bitwise_or.at(parties, where.to_numpy()[at[ok]], view.parties[dups[ok]])
    absent = np.zeros(len(trig), dtype=np.int64)  # bit g: the event misses group g
    named = dict(rule.named)
    for g, (label, group_parties) in enumerate(rule.groups):
        bits = np.uint64(sum(1 << PARTIES.index(m) for m in group_parties))
        missing = (parties & bits) == 0
        said = named.get(label)
        if said is not None and missing.any():  # "with police and health": named in words
            rows = np.zeros(len(view), dtype=bool)
            rows[trig[missing]] = True
            named_in_words = said.evaluate(view, ctx.cache, rows)[trig]
            if own_words is not None:  # told inside another entry: named in its own words
                at, words = own_words
                rx = re.compile(str(rule.raw["named"][label]), re.IGNORECASE)
                named_in_words[at] = words.map(rx.search).notna().to_numpy()  # a few rows
            missing &= ~named_in_words
        absent |= missing.astype(np.int64) << g
    # one event per day: a group is missing when every record of the day misses it
    day = view.start[trig] // DAY_NS
    head = np.flatnonzero(np.concatenate([[True], day[1:] != day[:-1]]))
    absent = np.bitwise_and.reduceat(absent, head)
    keep = np.flatnonzero(absent)
    sizes = np.diff(np.append(head, len(trig)))[keep]
    offsets = np.zeros(len(keep) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    members = trig[np.repeat(head[keep] - offsets[:-1], sizes) + np.arange(offsets[-1])]
    first = trig[head[keep]]
    originals = ctx.originals()
    copies = np.flatnonzero(originals >= 0)
    if len(copies) and len(members):
        # the other agencies' records of a member (duplicate_of) are evidence too
        finding_of = np.full(len(view), -1, dtype=np.int64)
        finding_of[members] = np.repeat(np.arange(len(keep), dtype=np.int64), sizes)
        owner = finding_of[originals[copies]]
        told = owner >= 0
        if told.any():
            which = np.concatenate([np.repeat(np.arange(len(keep)), sizes), owner[told]])
            members = np.concatenate([members, copies[told]])
            by_finding = np.lexsort((members, which))
            members, which = members[by_finding], which[by_finding]
            offsets = np.zeros(len(keep) + 1, dtype=np.int64)
            np.cumsum(np.bincount(which, minlength=len(keep)), out=offsets[1:])
    return _missing_hits(
        first,
        _days(view.end[first]),
        evidence=members.astype(np.int64),
        offsets=offsets,
        extra={"missing": absent[keep]},
    )


#: The function behind each rule kind.
KIND_FUNCTIONS: Final[dict[str, Callable[[Rule, Context], Hits]]] = {
    "response": response,
    "precedence": precedence,
    "cadence": cadence,
    "accumulation": accumulation,
    "involvement": involvement,
}
