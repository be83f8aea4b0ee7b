"""Counterparts: the other agencies and the family members an event involved.

Found in three places:

* the counterparts column as written ("Contact with", "Agencies involved", "Persons
  present"): agencies, practitioners and family members, the child included;
* the narrative (``details`` and ``outcome``): agencies named by the agency alias table
  (:mod:`scr_timeline.classify.agencies`) and by practitioner codes ("DC Green", "SW1",
  "discussed with TM"), and family members ("Mother", "Mum's boyfriend", "MGM"); the child
  is everywhere in a chronology, so the narrative never adds ``child``;
* the event type: some events always involve an agency (a Merlin involves children's
  social care, a court order the courts, a strategy discussion, a child protection
  conference, a core group or a CIN meeting children's social care, which convenes them:
  "Strategy discussion attended" in a police record names it; only when the recording
  agency is known, as it may be the one implied), and a referral sent by an agency other than
  children's social care goes to children's social care unless the row names another
  agency ("GP referred to paediatrics" goes to paediatrics).

The recording agency is never its own counterpart, and ``other`` (an agency the alias table
cannot name) is never a counterpart. A title that ``roles.csv`` gives to a recording
agency's own staff in its own records (a row whose ``agencies`` hold its ``agency``) names
that agency there, so no one else: "Case discussed with practice manager" in social care's
record is its own manager, not a GP practice's (as the alias table reads "Practice Manager"
elsewhere), and "DSL informed" in a nursery's is the nursery's own lead, not a school. Matching is on word boundaries: "HV" is not found in
"HIV", "ED" not in "edited", "PC" not in "PCT".

A counterpart agency is one the event involved, so an agency the narrative names in a
contact that did not happen, or has not happened yet, is not one: "CSC not told",
"Not shared with SW1", "no referral to CSC", "Health not present", "school not invited",
"will refer to CSC", "CP medical to be arranged", "advised to see the GP", "Advised
referral to CSC", "Plan: refer to children's social care". Nor is an agency named in the
family's history, as a parent tells it or a record shows it: "Mother disclosed previous
involvement with CSC", "known to police in another area", "previous CSC involvement",
"police involved in the past", nor one whose earlier or continuing activity the row only
refers to: "the school had previously raised concerns", "as per police advice last month",
"police investigation was continuing". Those cues live in
``scr_timeline/data/counterpart_cues.csv`` (``phrase``, ``kind``: ``negation_before``,
``negation_after``, ``planned_before``, ``planned_after``, ``history_before`` or
``history_after``, ``match``). A cue covers a whole list: in "school and GP not invited" neither is a counterpart. Family members are
what the event is about, so they stay ("Mother did not attend" names the mother).

Some agency names are ordinary English words, and narrative is read lower-cased: "SEND"
(special educational needs) is the verb in "GP to send letter", the council's "Front
Door" is the family's in "no answer at the front door". The cue file lists them (kind
``word``) and they are read in narrative only in an agency context: after a phrase of
kind ``context_before`` ("referral to SEND", "discussed with SEND"), with a title of kind
``context_title`` ("SEND officer", one counterpart) or before a word of kind
``context_after`` ("Front Door advised"). Agency columns, sheet names and titles read them
as any alias. Phrases of kind ``guard`` name no one where an alias sits inside ordinary
words: "had surgery" (not the GP's surgery), "legal highs", "Father is in prison",
"housing benefit", "school holidays", "Mother has two other children in care".

The family vocabulary lives in ``scr_timeline/data/family_members.csv`` (``phrase``,
``member`` from :data:`scr_timeline.schema.FAMILY_MEMBERS`, ``kind`` ``member`` or
``guard``, ``match``). Guards are words that must not be read as a person or an agency in
narrative: "family home", "met with", "Mother's mental health", "unannounced HV" (a home
visit, not a health visitor). "Mother's partner" names the partner, not the mother.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({
...     "details": ["Strategy discussion with DC Green (CAIT) and HV; Mum's boyfriend arrested.",
...                 "GP referred Child to community paediatrics.", "Referral made.",
...                 "Mother seen at HIV clinic; edited."],
...     "outcome": [None, None, None, None],
...     "counterparts_text": ["Child A, MGM", None, None, None],
...     "agency": ["csc", "gp", "education", "csc"]})
>>> classify_counterparts(rows).tolist()
[('child', 'grandparent', 'health_visiting', 'partner', 'police'), ('paediatrics',), ('csc',), ('mother',)]
>>> rows["details"] = ["Strategy discussion (TM1, DC1). Health visitor and GP not invited.",
...                    "Bruise seen; no referral to CSC.", "School will refer to CSC.",
...                    "CP medical to be arranged."]
>>> classify_counterparts(rows).tolist()
[('child', 'grandparent', 'police'), (), (), ()]
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline.classify import _text as T
from scr_timeline.classify import events as _events
from scr_timeline.classify import roles as _roles
from scr_timeline.classify.agencies import load_agency_aliases
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "COUNTERPART_LABELS",
    "CUE_FILE",
    "CUE_KINDS",
    "FAMILY_FILE",
    "classify_counterparts",
    "counterpart_vocabulary",
    "counterparts_category",
    "load_counterpart_cues",
    "load_family_members",
]

#: The shipped family vocabulary (in ``scr_timeline/data``).
FAMILY_FILE: Final = "family_members.csv"
#: The shipped cues for contacts that did not happen or are only planned.
CUE_FILE: Final = "counterpart_cues.csv"
#: The kinds of row the cue file may hold.
CUE_KINDS: Final = (
    "negation_before",
    "negation_after",
    "planned_before",
    "planned_after",
    "history_before",
    "history_after",
    "word",
    "context_before",
    "context_after",
    "context_title",
    "guard",
)
#: Cue kinds that shape the vocabulary itself rather than the reach around a counterpart.
_VOCABULARY_KINDS: Final = ("word", "context_before", "context_after", "context_title", "guard")
#: Bit ``i`` of a counterpart mask is ``COUNTERPART_LABELS[i]``.
COUNTERPART_LABELS: Final = (*schema.AGENCIES, *schema.FAMILY_MEMBERS)

_N_AGENCIES: Final = len(schema.AGENCIES)
#: The recording-agency slot of a row whose agency is missing or unknown.
_UNKNOWN_SLOT: Final = _N_AGENCIES
_AGENCY_BITS: Final = np.uint32((1 << _N_AGENCIES) - 1)
_OTHER_BIT: Final = np.uint32(1 << schema.AGENCIES.index("other"))
_CHILD_BIT: Final = np.uint32(1 << (_N_AGENCIES + schema.FAMILY_MEMBERS.index("child")))
_GROUP: Final = "c"
_TEXT_FIELD: Final = 2
# a list of counterparts shares its cue: "Not shared with SW1 or the GP"
_LIST_JOIN: Final = (
    r"\s*(?:,|/|&|\bor\b|\band\b|\bnor\b)\s*(?:(?:to|with)\s+)?(?:(?:the|her|his|their)\s+)?"
)
# cues reach a few words, never past a comma or a clause
_CUE_GAPS: Final = r"\s"
#: "Officer" after another agency's name is that agency's officer, not the police: "Elective
#: Home Education officer", "children's services officer" (the title is part of the hit).
_TITLE: Final = r"(?:\s+officers?(?![a-z]))?"
_CUE_BREAKERS: Final = r"(?:but|who|which|although|however|because|so|as|and then)(?![a-z])"
_REACH_BEFORE: Final = 2
_REACH_AFTER: Final = 1
_CUE_GROUPS: Final = ("neg", "negpost", "plan", "planpost")
_CUE_GROUPS_BEFORE: Final = ("neg", "plan")
_CUE_GROUPS_AFTER: Final = ("negpost", "planpost")
#: A word that joins a list's items (a list joined by commas alone has none).
_JOINING_WORD: Final = re.compile(r"(?<![a-z])(?:and|or|nor)(?![a-z])|[&/]")
_HEAD: dict[str, str | None] = {}


def _head(more: str) -> str | None:
    """The items of a list's tail (``more``: ", GP, school") before its last one, when
    commas alone join them ("" for a tail of one item); None when a word joins them."""
    if _JOINING_WORD.search(more) is not None:
        out = None
    else:
        out = more[: more.rfind(",")] if "," in more else None
    if len(_HEAD) < 4096:
        _HEAD[more] = out
    return out


def load_family_members(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the family-member words (and the narrative guards).

    Parameters
    ----------
    path
        A CSV file of your own with the columns ``phrase`` and ``member`` (optionally
        ``kind``: ``member`` or ``guard``, and ``match``: ``words`` or ``regex``). Its rows
        extend the shipped file; a row with the same phrase replaces the shipped one.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an unknown member or kind.

    Examples
    --------
    >>> family = load_family_members()
    >>> family.loc[family["phrase"] == "mgm", "member"].item()
    'grandparent'
    """
    table = T.read_vocabulary(
        FAMILY_FILE,
        path,
        required=("phrase", "member"),
        defaults={"kind": "member", "match": "words", "note": ""},
    )
    table["kind"] = table["kind"].str.lower()
    table["match"] = table["match"].str.lower()
    bad = table.loc[~table["kind"].isin(("member", "guard"))]
    if len(bad):
        raise ChronologyReadError(
            "the family vocabulary has an unknown kind",
            file=str(bad["_source"].iloc[0]),
            found=sorted(set(bad["kind"])),
            expected="member or guard",
        )
    members = table.loc[table["kind"] == "member"]
    T.check_codes(members, "member", schema.FAMILY_MEMBERS, "family members")
    return table.drop(columns="_source")


def load_counterpart_cues(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the cues that make a named agency or person not a counterpart.

    Parameters
    ----------
    path
        A CSV file of your own with the columns ``phrase`` and ``kind`` (one of
        :data:`CUE_KINDS`; optionally ``match``: ``words`` or ``regex``). Its rows extend
        the shipped file; a row with the same phrase and kind replaces the shipped one.
        Kinds ``word`` and ``context_before`` are read as words (their ``match`` is
        ignored); see the module docstring for what each kind does.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, names an unknown kind, or holds a
        regular expression that does not compile.

    Examples
    --------
    >>> cues = load_counterpart_cues()
    >>> cues.loc[cues["phrase"] == "not shared with", "kind"].item()
    'negation_before'
    """
    table = T.read_vocabulary(
        CUE_FILE,
        path,
        required=("phrase", "kind"),
        defaults={"match": "words", "note": ""},
        key=("phrase", "kind"),
    )
    table["kind"] = table["kind"].str.lower()
    table["match"] = table["match"].str.lower()
    for column, allowed in (("kind", CUE_KINDS), ("match", ("words", "regex"))):
        bad = table.loc[~table[column].isin(allowed)]
        if len(bad):
            raise ChronologyReadError(
                f"the counterpart cue vocabulary has an unknown {column}",
                file=str(bad["_source"].iloc[0]),
                found=sorted(set(bad[column])),
                expected=f"one of {', '.join(allowed)}",
            )
    T.check_regexes(table, "counterpart cues")
    return table.drop(columns="_source")


def counterpart_vocabulary(
    *,
    family_path: str | os.PathLike[str] | None = None,
    aliases_path: str | os.PathLike[str] | None = None,
    roles_path: str | os.PathLike[str] | None = None,
    cues_path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Every phrase that names a counterpart in text, with its code ('' for a guard).

    Family words and guards come first, then the guards of the cue file (kind ``guard``:
    "had surgery", "legal highs", "in prison"), then the agency aliases, then the
    practitioner codes of :mod:`scr_timeline.classify.roles` marked ``in_text``; when two
    phrases read the same text, the earlier one wins, except that a practitioner marked
    ``in_text`` outranks an alias of ``other`` written the same ("named nurse"). An alias the cue file lists as an
    ordinary English word (kind ``word``: "SEND", "Front Door", "Family Lives") is read in
    narrative only in an agency context: after a phrase of kind ``context_before``
    ("referral to", "discussed with") or before one of kind ``context_after`` ("team",
    "advised"). Narrative is read lower-cased, so "SEND" and "send" look alike there.

    Examples
    --------
    >>> vocab = counterpart_vocabulary()
    >>> vocab.loc[vocab["phrase"] == "CAIT", "code"].item()
    'police'
    >>> vocab.loc[vocab["phrase"] == "met", "code"].item()
    ''
    >>> send = re.compile(vocab.loc[vocab["phrase"].str.startswith("(?=send)"), "phrase"].item())
    >>> bool(send.search("gp to send letter")), bool(send.search("referral to send"))
    (False, True)
    """
    cues = load_counterpart_cues(cues_path)
    family = load_family_members(family_path)
    family_part = pd.DataFrame(
        {
            "phrase": family["phrase"],
            "code": family["member"].where(family["kind"] == "member", ""),
            "match": family["match"],
        }
    )
    guards = cues.loc[cues["kind"] == "guard"]
    guard_part = pd.DataFrame({"phrase": guards["phrase"], "code": "", "match": guards["match"]})
    aliases = load_agency_aliases(aliases_path)
    # an alias read only as a whole agency cell ("111", "UTC") is not read in narrative
    aliases = aliases.loc[aliases["kind"].str.lower() != "cell"]
    alias_part = pd.DataFrame(
        {
            "phrase": aliases["alias"],
            "code": aliases["agency"].where(aliases["agency"] != "other", ""),
            "match": "words",
        }
    )
    roles = _roles.load_roles(roles_path)
    roles = roles.loc[roles["in_text"] & (roles["agency"] != "")]
    # a practitioner the roles name in text is no agency-less alias there: an agency column
    # 'Named Nurse' says no agency, 'named nurse' at a strategy discussion is health's
    spoken = roles.loc[roles["match"] == "words", "phrase"].str.lower()
    alias_part = alias_part.loc[
        (alias_part["code"] != "") | ~alias_part["phrase"].str.lower().isin(spoken)
    ]
    alias_part = _words_in_context(alias_part, cues)
    role_part = pd.DataFrame(
        {"phrase": roles["phrase"], "code": roles["agency"], "match": roles["match"]}
    )
    own_part = _own_titles(_roles.load_roles(roles_path), pd.concat([alias_part, role_part]))
    vocab = pd.concat([family_part, guard_part, own_part, alias_part, role_part], ignore_index=True)
    vocab["recorders"] = vocab["recorders"].fillna("")
    return vocab


def _own_titles(roles: pd.DataFrame, named: pd.DataFrame) -> pd.DataFrame:
    """The titles that, in a recording agency's own narrative, name its own staff.

    A role phrase of ``roles.csv`` restricted to some recording agencies (column
    ``agencies``) and belonging to one of them (column ``agency``) is that agency's own
    title there: "practice manager" in a social care record is social care's manager (a
    csc team manager), though elsewhere the alias table reads it as a GP practice's. Only
    titles that the vocabulary otherwise reads as another agency are listed, one row per
    recording agency (column ``recorders``), naming that agency itself (so never a
    counterpart).
    """
    scoped = roles.loc[(roles["agencies"] != "") & (roles["match"] == "words")]
    elsewhere: dict[str, set[str]] = {}
    for phrase, code in zip(named["phrase"], named["code"], strict=True):
        if code:
            elsewhere.setdefault(T.normalise_phrase(phrase), set()).add(str(code))
    rows = []
    for phrase, agency, agencies in zip(
        scoped["phrase"], scoped["agency"], scoped["agencies"], strict=True
    ):
        codes = elsewhere.get(T.normalise_phrase(phrase), set())
        if agency in agencies.split() and codes - {agency}:
            rows.append({"phrase": phrase, "code": agency, "match": "words", "recorders": agency})
    return pd.DataFrame(rows, columns=["phrase", "code", "match", "recorders"])


def _words_in_context(aliases: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """The aliases that are ordinary words (cue kind ``word``) rewritten as regexes that
    match only in an agency context (cue kinds ``context_before`` and ``context_after``)."""
    words = set(cues.loc[cues["kind"] == "word", "phrase"].map(T.normalise_phrase))
    ordinary = aliases["phrase"].map(T.normalise_phrase).isin(words).to_numpy()
    if not ordinary.any():
        return aliases
    before = cues.loc[(cues["kind"] == "context_before") & (cues["match"] != "regex"), "phrase"]

    def alternation_of(kind: str) -> str | None:
        rows = cues.loc[cues["kind"] == kind]
        if not len(rows):
            return None
        words = rows.loc[rows["match"] != "regex", "phrase"]
        return T.alternation(words, list(enumerate(rows.loc[rows["match"] == "regex", "phrase"])))

    # a look-behind is of fixed width: each context phrase as written, with "the" and without
    behind = [
        f"(?<={re.escape(text)} )"
        for phrase in dict.fromkeys(before.map(T.normalise_phrase))
        for text in (phrase, f"{phrase} the")
    ]
    # a title after the word is part of the hit ("SEND officer" is one counterpart, not SEND
    # and the police through "officer"); a word after it is only looked at ("Front Door
    # advised referral to ...": "advised" still reaches the referral as a cue)
    gap = r"[\s,:;(/-]+"
    title, after = alternation_of("context_title"), alternation_of("context_after")
    follows = "|".join(
        [*([f"{gap}{title}"] if title else []), *([f"(?={gap}{after})"] if after else [])]
    )
    follows = f"(?:{follows})" if follows else "(?!)"
    out = aliases.copy()
    # a longer alias that starts with the word is read as itself, not as the word in
    # context: regexes are tried before the words' trie ("referral to primary care" is the
    # GP's primary care, not a primary school)
    spelled = aliases["phrase"].map(T.normalise_phrase)
    rewritten = []
    for phrase in out.loc[ordinary, "phrase"]:
        word = T.phrase_regex(phrase)
        head = T.normalise_phrase(phrase) + " "
        longer = sorted({a[len(head) :] for a in spelled if a.startswith(head)})
        if longer:
            word += rf"(?!\s+(?:{'|'.join(T.phrase_regex(rest) for rest in longer)}))"
        start = re.escape(T.literal_start(phrase))  # a cheap test before the look-behinds
        preceded = f"(?:{'|'.join(behind)}){word}" if behind else "(?!)"
        rewritten.append(f"(?={start}){preceded}|(?={start}){word}{follows}")
    out.loc[ordinary, "phrase"] = rewritten
    out.loc[ordinary, "match"] = "regex"
    return out


@dataclass(frozen=True)
class _Matcher:
    pattern: T.VocabularyPattern  # a counterpart or a list of them (group hit), with cues
    one: T.VocabularyPattern  # a single counterpart phrase
    resolver: T.Resolver
    bits: np.ndarray  # uint32 per vocabulary row
    own_slots: np.ndarray  # bool per recording-agency slot: some row serves it alone
    _more: dict[tuple[str, int], int] = field(default_factory=dict)  # a list's later items

    def more_bits(self, text: str, one: re.Pattern[str], column: int = _UNKNOWN_SLOT) -> int:
        """Bits of the counterparts after the first one in a list (cached per text and
        recording-agency slot); ``one`` is ``self.one`` written for the text."""
        key = (text, column)
        if key not in self._more:
            bits = 0
            for part in one.finditer(text):
                row = self.resolver.rows([part.group()], np.array([-1]))[0, column]
                if row >= 0:
                    bits |= int(self.bits[row])
            self._more[key] = bits
        return self._more[key]


def _cue_phrases(cues: pd.DataFrame) -> dict[str, tuple[list[str], list[tuple[int, str]]]]:
    """Per cue kind: its word phrases and its (number, regex) pairs."""
    out = {}
    for kind, rows in cues.groupby("kind", sort=False):
        words = rows.loc[rows["match"] != "regex", "phrase"]
        regex = rows.loc[rows["match"] == "regex", "phrase"]
        out[str(kind)] = (words.tolist(), list(enumerate(regex)))
    return out


def _cue_alternation(
    cues: Mapping[str, tuple[list[str], list[tuple[int, str]]]],
    *kinds: str,
    keep: Container[str] | None = None,
) -> str:
    """One alternation of the cues of ``kinds`` (kinds that act alike share a group: a
    group more is a branch more at every word of every text)."""
    words = [w for kind in kinds for w in cues.get(kind, ([], []))[0]]
    regexes = [r for kind in kinds for r in cues.get(kind, ([], []))[1]]
    return T.alternation(words, regexes, keep=keep)


def _compile(vocab: pd.DataFrame, cues: pd.DataFrame) -> _Matcher:
    cue_phrases = _cue_phrases(cues)
    vocab = vocab.reset_index(drop=True)
    words = vocab.loc[vocab["match"] != "regex", "phrase"]
    regex = vocab.loc[vocab["match"] == "regex", "phrase"]
    regexes = list(zip(regex.index, regex, strict=True))

    def plain(keep: Container[str] | None) -> str:
        return T.alternation(words, regexes, keep=keep)

    def source(keep: Container[str] | None) -> str:
        first = T.alternation(words, regexes, group=_GROUP, keep=keep)
        code = r"(?:\d+[a-z]?)?"  # "SW1", "HV2a": the number is part of the practitioner code
        hits = (
            f"(?P<first>{first}){code}{_TITLE}"
            f"(?P<more>(?:{_LIST_JOIN}{plain(keep)}{code}{_TITLE})*)"
        )
        to = r"(?<![a-z0-9])to(?:\s+the)?"
        before = T.window(_REACH_BEFORE, breakers=_CUE_BREAKERS, gaps=_CUE_GAPS)
        after = T.window(_REACH_AFTER, breakers=_CUE_BREAKERS, gaps=_CUE_GAPS)
        return T.cue_pattern(
            hits,
            before=[
                # the family's history is no contact of this event, as one not made
                (
                    "neg",
                    _cue_alternation(cue_phrases, "negation_before", "history_before", keep=keep),
                    before,
                ),
                ("plan", _cue_alternation(cue_phrases, "planned_before", keep=keep), before),
                # "to" last: a cue that starts with it ("to send a referral to") is tried
                # first, before its next word can be read as a counterpart ("SEND")
                ("to", to, T.window(0)),
            ],
            after=[
                (
                    "negpost",
                    _cue_alternation(cue_phrases, "negation_after", "history_after", keep=keep),
                    after,
                ),
                ("planpost", _cue_alternation(cue_phrases, "planned_after", keep=keep), after),
            ],
            gaps=_CUE_GAPS,
        )

    reach = ~cues["kind"].isin(_VOCABULARY_KINDS)
    phrases = [*words, *cues.loc[reach & (cues["match"] != "regex"), "phrase"]]
    bits = np.array(
        [np.uint32(1 << COUNTERPART_LABELS.index(c)) if c else np.uint32(0) for c in vocab["code"]],
        dtype=np.uint32,
    )
    usable = _usable(vocab["recorders"])
    return _Matcher(
        pattern=T.VocabularyPattern(source, phrases),
        one=T.VocabularyPattern(plain, phrases),
        resolver=T.Resolver(
            T.Entries.build(vocab["phrase"].tolist(), vocab["match"].tolist()),
            usable,
            _GROUP,
        ),
        bits=bits,
        own_slots=np.asarray(usable[~usable.all(axis=1)].any(axis=0), dtype=bool),
    )


def _usable(recorders: pd.Series) -> np.ndarray:
    """May vocabulary row r serve recording-agency slot a (a row with ``recorders``
    serves those agencies only)."""
    usable = np.ones((len(recorders), _UNKNOWN_SLOT + 1), dtype=bool)
    for i, codes in enumerate(recorders.tolist()):
        if codes:
            usable[i] = False
            for code in str(codes).split():
                usable[i, schema.AGENCIES.index(code)] = True
    return usable


@functools.lru_cache(maxsize=8)
def _matcher_for(
    family: tuple[str, int] | None,
    aliases: tuple[str, int] | None,
    roles: tuple[str, int] | None,
    cues: tuple[str, int] | None,
) -> _Matcher:
    if family is aliases is roles is cues is None:
        return _prebuilt.default("counterparts", build_default)
    return _build(family, aliases, roles, cues)


def build_default() -> _Matcher:
    """The matcher of the shipped vocabularies, built from the files (not the snapshot)."""
    return _build(None, None, None, None)


def complete(m: _Matcher) -> None:
    """Compile now every pattern ``m`` would compile when texts need it (the snapshot)."""
    for pattern in (m.pattern, m.one):
        _ = pattern.full


def _build(
    family: tuple[str, int] | None,
    aliases: tuple[str, int] | None,
    roles: tuple[str, int] | None,
    cues: tuple[str, int] | None,
) -> _Matcher:
    cues_path = cues[0] if cues else None
    return _compile(
        counterpart_vocabulary(
            family_path=family[0] if family else None,
            aliases_path=aliases[0] if aliases else None,
            roles_path=roles[0] if roles else None,
            cues_path=cues_path,
        ),
        load_counterpart_cues(cues_path),
    )


def matcher(
    *,
    family_path: str | os.PathLike[str] | None = None,
    aliases_path: str | os.PathLike[str] | None = None,
    roles_path: str | os.PathLike[str] | None = None,
    cues_path: str | os.PathLike[str] | None = None,
) -> _Matcher:
    """The compiled counterpart matcher (cached per files and modification times)."""
    return _matcher_for(
        T.file_stamp(family_path),
        T.file_stamp(aliases_path),
        T.file_stamp(roles_path),
        T.file_stamp(cues_path),
    )


@dataclass(frozen=True, slots=True)
class CounterpartFindings:
    """Per-row counterpart bits found in text (see :data:`COUNTERPART_LABELS`)."""

    named: np.ndarray  # uint32
    addressed: np.ndarray  # uint32: agencies written after "to" ("referral to NSPCC")


@dataclass(frozen=True)
class _Hits:
    """The matches of the counterpart pattern, as arrays (one entry per match)."""

    lines: np.ndarray  # int: the first phrase's line in ``table``
    table: np.ndarray  # int: vocabulary row per line and recording-agency slot
    more: np.ndarray  # object: the rest of a list ("" when none)
    last: np.ndarray  # bool: a cue after the list, none before it
    not_involved: np.ndarray  # bool: a negation, plan or history cue reaches the match
    after_to: np.ndarray  # bool: written after "to"
    piece: np.ndarray  # int: the distinct piece the match is in


def _match_bits(hits: _Hits, at: np.ndarray, column: int, m: _Matcher) -> np.ndarray:
    """Counterpart bits of the matches ``at``, read for one recording-agency slot."""
    rows = hits.table[hits.lines[at], column]
    bits = np.where(rows >= 0, m.bits[np.maximum(rows, 0)], 0).astype(np.uint32)
    more = hits.more[at]
    in_list = more != ""
    kept = np.zeros(len(at), dtype=np.uint32)  # involved whatever the cue says
    if in_list.any():
        codes, uniques = pd.factorize(more[in_list])
        lists = uniques.tolist()
        one = m.one.for_texts(lists)[0]
        extra = np.array([m.more_bits(u, one, column) for u in lists], dtype=np.uint32)
        # a cue after a list joined by commas alone is its last item's: "with police, GP
        # not available" (a joining word makes it the list's: "police and GP not invited")
        head = [_HEAD[u] if u in _HEAD else _head(u) for u in lists]
        commas = np.array([h is not None for h in head], dtype=bool)
        lone = hits.last[at][in_list] & commas[codes]
        if lone.any():
            heads = np.array(
                [m.more_bits(h, one, column) if h else 0 for h in head], dtype=np.uint32
            )
            kept[np.flatnonzero(in_list)[lone]] = (bits[in_list] | heads[codes])[lone]
        bits[in_list] |= extra[codes]
    bits[hits.not_involved[at]] &= ~_AGENCY_BITS  # family members stay: "Mother not present"
    return bits | (kept & _AGENCY_BITS)


def find_counterparts(
    pool: T.Pool, m: _Matcher, slots: np.ndarray | None = None
) -> CounterpartFindings:
    """Counterparts named in the pool's fields (0, 1: narrative; 2: counterparts column).

    ``slots`` (the recording agency's slot per row, :func:`_text.agency_slots`) lets a
    title read as the recording agency's own staff in its own records ("practice manager"
    in social care's); without it every row is read as of an unknown agency.
    """
    n_pieces = len(pool.pieces)
    named = np.zeros(n_pieces, dtype=np.uint32)
    addressed = np.zeros(n_pieces, dtype=np.uint32)
    # per recording-agency slot whose own titles change a piece's reading: the pieces, and
    # their bits read for that slot
    own: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]] = []
    if n_pieces:
        texts = pool.pieces.tolist()
        pattern, whole = m.pattern.for_texts(texts)
        found = T.extract_all(texts, pattern, remember=whole)
        if len(found):
            lines = m.resolver.lines(found.text("first"), m.resolver.regex_rows(found))
            hits = _Hits(
                lines=lines,
                table=m.resolver.table,
                more=np.asarray(found.text("more"), dtype=object),
                last=found.has(*_CUE_GROUPS_AFTER) & ~found.has(*_CUE_GROUPS_BEFORE),
                not_involved=found.has(*_CUE_GROUPS),
                after_to=found.has("to"),
                piece=found.piece,
            )
            every = np.arange(len(found))
            bits = _match_bits(hits, every, _UNKNOWN_SLOT, m)
            np.bitwise_or.at(named, hits.piece, bits)
            after_to = hits.after_to
            np.bitwise_or.at(addressed, hits.piece[after_to], bits[after_to] & _AGENCY_BITS)
            if slots is not None:
                own = _own_readings(hits, slots, m)
    narrative = _piece_or(pool, named & ~_CHILD_BIT, own, slots, _TEXT_FIELD, drop=int(_CHILD_BIT))
    listed = pool.upto(_TEXT_FIELD + 1)
    start = pool.upto(_TEXT_FIELD).stop
    column = np.zeros(pool.n_rows, dtype=np.uint32)
    values = named[pool.piece[start : listed.stop]]
    keep = np.flatnonzero(values)
    np.bitwise_or.at(column, pool.row[start : listed.stop][keep], values[keep])
    return CounterpartFindings(
        named=narrative | column,
        addressed=_piece_or(pool, addressed, own, slots, None, addressed=True),
    )


def _own_readings(
    hits: _Hits, slots: np.ndarray, m: _Matcher
) -> list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
    """Per recording-agency slot with titles of its own (``recorders`` in the vocabulary)
    that rows of that agency hold: the pieces those titles read differently there, with
    their named and addressed bits read for that slot."""
    out = []
    present = np.zeros(_UNKNOWN_SLOT + 1, dtype=bool)
    present[np.unique(slots)] = True
    for slot in np.flatnonzero(present & m.own_slots).tolist():
        differs = (hits.table[:, slot] != hits.table[:, _UNKNOWN_SLOT])[hits.lines]
        listed = np.flatnonzero(hits.more != "")
        if len(listed):
            codes, uniques = pd.factorize(hits.more[listed])
            lists = uniques.tolist()
            one = m.one.for_texts(lists)[0]
            changed = np.array(
                [m.more_bits(u, one, slot) != m.more_bits(u, one, _UNKNOWN_SLOT) for u in lists],
                dtype=bool,
            )
            differs[listed[changed[codes]]] = True
        if not differs.any():
            continue
        pieces = np.unique(hits.piece[differs])
        at = np.flatnonzero(np.isin(hits.piece, pieces))
        slot_bits = _match_bits(hits, at, slot, m)
        where = np.searchsorted(pieces, hits.piece[at])
        named = np.zeros(len(pieces), dtype=np.uint32)
        addressed = np.zeros(len(pieces), dtype=np.uint32)
        np.bitwise_or.at(named, where, slot_bits)
        to = hits.after_to[at]
        np.bitwise_or.at(addressed, where[to], slot_bits[to] & _AGENCY_BITS)
        out.append((slot, pieces, named, addressed))
    return out


def _piece_or(
    pool: T.Pool,
    per_piece: np.ndarray,
    own: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]],
    slots: np.ndarray | None,
    n_fields: int | None,
    *,
    drop: int = 0,
    addressed: bool = False,
) -> np.ndarray:
    """:func:`_text.piece_or`, with the pieces of ``own`` read as their rows' recording
    agency reads them."""
    out = T.piece_or(pool, per_piece, n_fields)
    if not own or slots is None:
        return out
    span = pool.upto(n_fields) if n_fields is not None else slice(0, len(pool.piece))
    piece, row = pool.piece[span], pool.row[span]
    for slot, pieces, named, to in own:
        values = (to if addressed else named) & ~np.uint32(drop)
        at = np.flatnonzero(np.isin(piece, pieces))
        if not len(at):
            continue
        # the rows of that agency: their bits again, the pieces of ``own`` read its way
        mine = at[slots[row[at]] == slot]
        if not len(mine):
            continue
        rows = np.unique(row[mine])
        redo = np.zeros(pool.n_rows, dtype=np.uint32)
        in_rows = np.flatnonzero(np.isin(row, rows))
        vals = per_piece[piece[in_rows]].copy()
        swap = np.isin(piece[in_rows], pieces)
        vals[swap] = values[np.searchsorted(pieces, piece[in_rows][swap])]
        np.bitwise_or.at(redo, row[in_rows], vals)
        out[rows] = redo[rows]
    return out


def counterpart_masks(
    found: CounterpartFindings, slots: np.ndarray, events: _events.EventFindings
) -> np.ndarray:
    """Final counterpart bits per row: named, implied by the event, default recipient,
    without the recording agency itself and without ``other``."""
    own = np.where(
        slots < _N_AGENCIES, np.left_shift(np.uint32(1), np.minimum(slots, 31).astype(np.uint32)), 0
    ).astype(np.uint32)
    others_named = (found.named & _AGENCY_BITS & ~own & ~_OTHER_BIT) != 0
    addressed_self = (found.addressed & own) != 0
    default = np.where(others_named | addressed_self, 0, events.recipient).astype(np.uint32)
    # the agencies an event always involves are counterparts of the other agencies that
    # record it: with no recording agency known, any of them may be the recorder itself
    # ("ICPC held." in a table without an agency column)
    implied = np.where(slots < _N_AGENCIES, events.implies, 0).astype(np.uint32)
    masks = found.named | implied | default
    return (masks & ~own & ~_OTHER_BIT).astype(np.uint32)


def counterparts_column(masks: np.ndarray) -> np.ndarray:
    """Sorted tuples of counterpart labels (an object array) from bit masks.

    Works on the distinct masks only.

    >>> counterparts_column(np.array([1 << 1 | 1 << 0, 0], dtype=np.uint32)).tolist()
    [('csc', 'police'), ()]
    """
    codes, uniques = pd.factorize(masks)
    labels = T.masks_to_tuples(np.asarray(uniques, dtype=np.uint32), COUNTERPART_LABELS)
    sorted_labels = np.empty(len(labels), dtype=object)
    for i, labelled in enumerate(labels):
        sorted_labels[i] = tuple(sorted(labelled))
    return sorted_labels[codes] if len(codes) else np.empty(0, dtype=object)


def counterparts_category(masks: np.ndarray) -> pd.Categorical:
    """The counterparts column as :func:`counterparts_column` gives it, stored once per
    distinct tuple (see :func:`scr_timeline.chronology.tuples_as_category`).

    >>> list(counterparts_category(np.array([1, 0, 1], dtype=np.uint32)))
    [('csc',), (), ('csc',)]
    """
    from scr_timeline.chronology import tuples_as_category

    codes, uniques = pd.factorize(masks)
    labels = T.masks_to_tuples(np.asarray(uniques, dtype=np.uint32), COUNTERPART_LABELS)
    return tuples_as_category(codes, [tuple(sorted(labelled)) for labelled in labels])


def classify_counterparts(
    events: pd.DataFrame, *, vocabularies: Mapping[str, str | os.PathLike[str]] | None = None
) -> pd.Series:
    """The counterparts of each event (see the module docstring).

    Parameters
    ----------
    events
        A frame with ``details``, ``outcome``, ``agency`` and optionally
        ``counterparts_text``.
    vocabularies
        Vocabulary files of your own, by name: ``family_members``, ``agency_aliases``,
        ``roles``, ``counterpart_cues``, ``event_types`` (see :func:`scr_timeline.classify.pipeline.classify_events`).

    Returns
    -------
    pandas.Series
        Tuples of agency codes and family members, sorted, index-aligned with ``events``.
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in (schema.DETAILS, schema.OUTCOME, schema.AGENCY) if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")
    paths = dict(vocabularies or {})
    text = (
        events[schema.COUNTERPARTS_TEXT]
        if schema.COUNTERPARTS_TEXT in events
        else pd.Series(pd.NA, index=events.index, dtype="string")
    )
    pool = T.build_pool([events[schema.DETAILS], events[schema.OUTCOME], text])
    slots = T.agency_slots(events[schema.AGENCY])
    found_events = _events.find_events(pool, slots, _events.matcher(paths.get("event_types")))
    found = find_counterparts(
        pool,
        matcher(
            family_path=paths.get("family_members"),
            aliases_path=paths.get("agency_aliases"),
            roles_path=paths.get("roles"),
            cues_path=paths.get("counterpart_cues"),
        ),
        slots,
    )
    masks = counterpart_masks(found, slots, found_events)
    return pd.Series(
        counterparts_column(masks), index=events.index, name=schema.COUNTERPARTS, dtype=object
    )
