"""Injuries: whether a row describes an injury to the child, what kind, and whether it is
suspicious as RULES.md defines it.

The words live in ``scr_timeline/data/injuries.csv`` (pass a file of your own to extend
it). Its columns are ``phrase``, ``kind``, ``injury_kind`` (for terms: one or more of
:data:`scr_timeline.schema.INJURY_KINDS_VOCAB`, ``|``-separated), ``match`` (``words`` or
``regex``) and ``note``. Kinds of row:

``term``
    An injury word ("bruising", "fractured", "# radius", "scald", "torn frenulum").
``guard``
    Words that look like an injury and are not ("fracture clinic", "cut off", "head
    circumference", "head injury advice").
``negation_before`` / ``negation_after``
    A negation up to three words before the injury, or after it, in the same clause:
    "*no* marks or bruises seen", "checked for bruising, *none found*", "*denied* any
    injury", "*no evidence of* injury", "bruises *could not be found*".
``conditional_before`` / ``conditional_clause`` / ``conditional_after``
    A hypothetical or advised-about injury: "*to check for* bruises", "*possible*
    fracture", "head injury *advice*". A ``conditional_clause`` cue reaches to the end of
    its clause: "seek help *if* any further injuries", "*safety advice re* stair gates,
    scalds and burns", "*would be concerned if* bruising".
``other_person_before`` / ``other_person_after``
    An injury that is someone else's: "*Mother had* a black eye", "*partner had*
    scratches", "bruise *to Mother's* arm". A word for the child ("child", "baby", "him")
    between the person and the injury ends the cue.
``other_person_clause``
    A label for an adult's injuries, reaching to the end of its clause: "*Mother's
    injuries -* black eye and cut lip", "*Injuries to Mo -* bruising to face and cut lip".
    A word for the child ends it too ("...; Child A had a bruise to cheek").
``past_before`` / ``past_adjacent`` / ``past_after``
    A back-reference to an earlier injury, not one observed at this event: "*previous*
    fracture", "*history of* bruising", "*repeated* unexplained injuries", "*after the*
    bruising" (``past_adjacent``: right before the injury), "the bruising *of 01/05/2007*",
    "the injuries *seen on 13/12*", "*in December 2006*". "Bruises *of different ages*" is
    not one: it describes what is seen now.
``breaker`` / ``breaker_after``
    A word that ends the reach of a cue written before the injury ("but", "explanation",
    "said", "found") or after it ("but", "however"). Cues after an injury reach four
    words ("bruises reported by the nursery *could not be found*").
``negation_breaker``
    What ends the reach of a negation written before the injury, and of no other cue: a
    dash standing alone ends a terse entry's clause, so "NAHI not suspected *-* accidental
    fall, bump to forehead" records the bump, while "Home safety - fireguard, stair gate,
    scalds" remains advice.
``child``
    Words for the child (see above).
``pronoun`` / ``adult_female`` / ``adult_male`` / ``adult``
    A pronoun with an injury ("*she sustained* bruising", "*he had* a cut") and the
    adults it may stand for ("Mother", "Father", "partner"). The injury is an adult's
    when the words before the pronoun in its sentence, or else the sentence before it in
    the same cell, name an adult of its sex (or an ``adult`` of either) and no word for
    the child: "Mother assaulted by partner; she sustained bruising to her face", "Mother
    said partner punched her. She sustained a cut". Otherwise it stays the child's
    ("Child A seen. She sustained a cut", "Mother brought Child A to ED. She had a
    bruise"), as it does right after someone's report ("Foster carer said she had a
    bruise": whoever she reports on).
``benign``
    A skin condition that explains a mark ("Mongolian blue spot", "birthmark", "eczema"):
    injury words in its clause do not count ("marks on back, thought to be Mongolian blue
    spots", "blue spot mistaken for a bruise"); those of another clause of the sentence
    do ("bruise to cheek, also blue spots on back noted at birth": a comma or "and" ends
    the clause unless the words after it explain the mark; ";", "also", "but" do unless
    the condition is named as what the mark is, "a mark on his bottom; it is a Mongolian
    blue spot").
``suspicion``
    RULES.md: the text says the injury is non-accidental, unexplained, suspicious,
    inconsistent with the explanation, or has no explanation ("NAI", "not consistent with
    the explanation", "no explanation offered"). A negated suspicion ("no concerns of
    NAI", "NAI not suspected", "NAI unlikely.", "not consistent with NAI") does not
    count. NAI queried by a professional ("?NAI", "query NAI", "suspected NAI") is an
    injury and a suspicious one; "to rule out NAI" names no injury of its own, but makes
    an injury the row names suspicious (the professional is considering abuse).

A list of injuries shares its cue: in "no marks, bruises or injuries" all three are
negated; in "the bruising and scratches of 01/05/2007" both are earlier injuries. ``other`` is an injury kind only when no specific kind is named. ``suspicious_injury`` is ``injury`` and either the child was under 24 months at
the event or the text is suspicious (anywhere in the row).

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({
...     "details": ["Home visit. No marks or bruises seen.",
...                 "Bruising to both cheeks; explanation inconsistent with the injuries.",
...                 "Mother had a black eye; Child asleep.",
...                 "Advised to seek help if any injuries."],
...     "outcome": [None, None, None, None]})
>>> classify_injuries(rows)
   injury injury_kinds  suspicious_injury
0   False           ()              False
1    True    (bruise,)               True
2   False           ()              False
3   False           ()              False
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Container
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline._prebuilt import regex
from scr_timeline.classify import _text as T
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "INJURY_FILE",
    "INJURY_PHRASE_KINDS",
    "MONTHS_UNDER",
    "classify_injuries",
    "load_injury_vocabulary",
    "under_24_months",
]

#: The shipped vocabulary file (in ``scr_timeline/data``).
INJURY_FILE: Final = "injuries.csv"
#: The kinds of row the vocabulary file may hold.
INJURY_PHRASE_KINDS: Final = (
    "term",
    "guard",
    "negation_before",
    "negation_after",
    "conditional_before",
    "conditional_clause",
    "conditional_after",
    "other_person_before",
    "other_person_clause",
    "other_person_after",
    "past_before",
    "past_adjacent",
    "past_after",
    "breaker",
    "breaker_after",
    "negation_breaker",
    "child",
    "benign",
    "suspicion",
    "pronoun",
    "adult_female",
    "adult_male",
    "adult",
)
#: RULES.md: an injury to a child this young is suspicious whatever the text says.
MONTHS_UNDER: Final = 24
#: When only the age in days is known, 24 months is taken as this many days.
DAYS_UNDER: Final = 730

_REACH: Final = 3
_REACH_AFTER: Final = 4
_GROUP: Final = "i"
_GAPS: Final = r"[\s,:]"  # "Bruising: none seen": a colon answers the term
_LIST_JOIN: Final = r"\s*(?:,|/|&|\bor\b|\band\b|\bnor\b)\s*(?:(?:an?|other|obvious|visible|new|further|any|old|fresh|healing|small|large)\s+)*"
_DEFAULTS: Final = {"injury_kind": "", "match": "words", "note": ""}
# cue groups that make an injury not the child's, not real or not observed at this event
_EXCLUDING: Final = (
    "neg",
    "cond",
    "oth",
    "othlabel",
    "past",
    "pastnear",
    "negpost",
    "othpost",
    "pastpost",
)
# a pronoun before an injury ("she sustained bruising"): whose it is, the words before say
_PRONOUN: Final = "pron"
# words for the child that are pronouns: they may stand for the adult before the pronoun
_PRONOUNS: Final = frozenset({"he", "him", "his", "she", "her", "hers"})
_OTHER_BIT: Final = np.uint16(1 << schema.INJURY_KINDS_VOCAB.index("other"))


def load_injury_vocabulary(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the injury vocabulary (terms, guards, cues).

    Parameters
    ----------
    path
        A CSV file of your own with the columns ``phrase`` and ``kind`` (and, for terms,
        ``injury_kind``). Its rows extend the shipped file; a row with the same phrase and
        kind replaces the shipped one.

    Returns
    -------
    pandas.DataFrame
        One row per phrase; a fresh copy.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an unknown kind or injury kind.

    Examples
    --------
    >>> table = load_injury_vocabulary()
    >>> table.loc[(table["phrase"] == "scald") & (table["kind"] == "term"), "injury_kind"].item()
    'burn'
    """
    table = T.read_vocabulary(
        INJURY_FILE,
        path,
        required=("phrase", "kind"),
        defaults=_DEFAULTS,
        key=("phrase", "kind"),
    )
    table["kind"] = table["kind"].str.lower()
    table["match"] = table["match"].str.lower()
    bad = table.loc[~table["kind"].isin(INJURY_PHRASE_KINDS)]
    if len(bad):
        raise ChronologyReadError(
            "the injury vocabulary has an unknown kind",
            file=str(bad["_source"].iloc[0]),
            found=sorted(set(bad["kind"])),
            expected=f"one of {', '.join(INJURY_PHRASE_KINDS)}",
        )
    terms = table.loc[table["kind"] == "term"]
    T.check_codes(terms, "injury_kind", schema.INJURY_KINDS_VOCAB, "injury kinds")
    no_kind = terms.loc[terms["injury_kind"] == ""]
    if len(no_kind):
        raise ChronologyReadError(
            "an injury term has no injury_kind",
            file=str(no_kind["_source"].iloc[0]),
            found=no_kind["phrase"].iloc[0],
            expected=f"one or more of {', '.join(schema.INJURY_KINDS_VOCAB)}",
        )
    T.check_regexes(table, "injury vocabulary")
    return table.drop(columns="_source")


_Split = tuple[list[str], list[tuple[int, str]]]  # word phrases, (row, regex) pairs


def _split(rows: pd.DataFrame) -> _Split:
    words = rows.loc[rows["match"] != "regex", "phrase"]
    regex = rows.loc[rows["match"] == "regex", "phrase"]
    return words.tolist(), list(zip(regex.index, regex, strict=True))


def _alt(phrases: _Split, group: str | None = None, keep: Container[str] | None = None) -> str:
    return T.alternation(phrases[0], phrases[1], group=group, keep=keep)


@dataclass(frozen=True)
class _Matcher:
    injuries: T.VocabularyPattern  # injury terms (lists) with their cues
    one_term: T.VocabularyPattern  # a single term or guard, regex rows in groups
    suspicion: T.VocabularyPattern  # suspicion wording with its negations
    benign: T.VocabularyPattern
    resolver: T.Resolver
    kind_bits: np.ndarray  # per term/guard row: injury kind bits (0 for guards)
    # who a pronoun before an injury may be: a word for the child, an adult she or he may be
    child: re.Pattern[str]
    adult_she: re.Pattern[str]
    adult_he: re.Pattern[str]


def _compile(table: pd.DataFrame) -> _Matcher:
    def rows(*kinds: str) -> pd.DataFrame:
        return table.loc[table["kind"].isin(kinds)]

    terms = rows("term", "guard").reset_index(drop=True)
    term_phrases = _split(terms)
    # each kind's phrases split once: the patterns are written again for every text set
    splits: dict[tuple[str, ...], _Split] = {}

    def phrases_of(*kinds: str) -> _Split:
        if kinds not in splits:
            splits[kinds] = _split(rows(*kinds))
        return splits[kinds]

    def negation_reach(breakers: str, keep: Container[str] | None) -> str:
        """The reach of a negation before an injury: the breakers and negation breakers."""
        ends = phrases_of("negation_breaker")
        if any(ends):
            breakers = f"{breakers}|{_alt(ends, keep=keep)}"
        return T.window(_REACH, breakers=breakers)

    def injuries(keep: Container[str] | None) -> str:
        breakers = _alt(phrases_of("breaker"), keep=keep)
        child = _alt(phrases_of("child"), keep=keep)
        grouped = _alt(term_phrases, group=_GROUP, keep=keep)
        plain = _alt(term_phrases, keep=keep)
        hits = f"{grouped}(?:{_LIST_JOIN}{plain})*"
        reach = T.window(_REACH, breakers=breakers)
        clause = T.window(1000, breakers=breakers)
        after = T.window(_REACH_AFTER, breakers=_alt(phrases_of("breaker_after"), keep=keep))
        return T.cue_pattern(
            hits,
            before=[
                (
                    "neg",
                    _alt(phrases_of("negation_before", "conditional_before"), keep=keep),
                    negation_reach(breakers, keep),
                ),
                ("cond", _alt(phrases_of("conditional_clause"), keep=keep), clause),
                (  # first, and greedy: the label takes every injury of its clause
                    "othlabel",
                    _alt(phrases_of("other_person_clause"), keep=keep),
                    rf"(?:{_GAPS}+(?!{breakers}|{child}){T.WORD})*",
                ),
                (
                    "oth",
                    _alt(phrases_of("other_person_before"), keep=keep),
                    T.window(_REACH, breakers=f"{breakers}|{child}"),
                ),
                ("past", _alt(phrases_of("past_before"), keep=keep), reach),
                ("pastnear", _alt(phrases_of("past_adjacent"), keep=keep), T.window(0)),
                (  # not excluding: resolved from the words before it (_adults_pronouns)
                    _PRONOUN,
                    _alt(phrases_of("pronoun"), keep=keep),
                    T.window(
                        _REACH,
                        breakers=f"{breakers}|{child}|"
                        + _alt(phrases_of("negation_before", "conditional_before"), keep=keep),
                    ),
                ),
            ],
            after=[
                (
                    "negpost",
                    _alt(phrases_of("negation_after", "conditional_after"), keep=keep),
                    after,
                ),
                (
                    "othpost",
                    _alt(phrases_of("other_person_after"), keep=keep),
                    T.window(1, breakers=breakers),
                ),
                ("pastpost", _alt(phrases_of("past_after"), keep=keep), after),
            ],
            gaps=_GAPS,
        )

    def suspicion(keep: Container[str] | None) -> str:
        breakers = _alt(phrases_of("breaker"), keep=keep)
        after = T.window(_REACH_AFTER, breakers=_alt(phrases_of("breaker_after"), keep=keep))
        return T.cue_pattern(
            _alt(phrases_of("suspicion"), keep=keep),
            before=[
                (
                    "neg",
                    _alt(phrases_of("negation_before"), keep=keep),
                    negation_reach(breakers, keep),
                )
            ],
            after=[("negpost", _alt(phrases_of("negation_after"), keep=keep), after)],
            gaps=_GAPS,
        )

    kind_bits = np.zeros(len(terms), dtype=np.uint16)
    for i, (kind, cell) in enumerate(zip(terms["kind"], terms["injury_kind"], strict=True)):
        if kind == "term":
            for code in T.split_codes(cell):
                kind_bits[i] |= np.uint16(1 << schema.INJURY_KINDS_VOCAB.index(code))
    usable = np.ones((len(terms), 1), dtype=bool)
    words = table.loc[table["match"] != "regex", "phrase"].tolist()
    return _Matcher(
        injuries=T.VocabularyPattern(injuries, words),
        one_term=T.VocabularyPattern(
            lambda keep: _alt(term_phrases, group=_GROUP, keep=keep), words
        ),
        suspicion=T.VocabularyPattern(suspicion, words),
        benign=T.VocabularyPattern(lambda keep: _alt(phrases_of("benign"), keep=keep), words),
        resolver=T.Resolver(
            T.Entries.build(terms["phrase"].tolist(), terms["match"].tolist()), usable, _GROUP
        ),
        kind_bits=kind_bits,
        # the child named, not a pronoun ("he had been assaulted by his brother")
        child=regex(
            _alt(
                (
                    [w for w in phrases_of("child")[0] if w not in _PRONOUNS],
                    phrases_of("child")[1],
                )
            )
        ),
        adult_she=regex(_alt(phrases_of("adult_female", "adult"))),
        adult_he=regex(_alt(phrases_of("adult_male", "adult"))),
    )


@functools.lru_cache(maxsize=8)
def _matcher_for(path: str | None, mtime: int | None) -> _Matcher:
    if path is None:
        return _prebuilt.default("injuries", build_default)
    return _compile(load_injury_vocabulary(path))


def build_default() -> _Matcher:
    """The matcher of the shipped vocabulary, built from the file (not the snapshot)."""
    return _compile(load_injury_vocabulary(None))


def complete(m: _Matcher) -> None:
    """Compile now every pattern ``m`` would compile when texts need it (the snapshot)."""
    for pattern in (m.injuries, m.one_term, m.suspicion, m.benign):
        _ = pattern.full


def matcher(path: str | os.PathLike[str] | None) -> _Matcher:
    """The compiled matcher for the shipped vocabulary extended by ``path`` (cached)."""
    stamp = T.file_stamp(path)
    return _matcher_for(*stamp) if stamp else _matcher_for(None, None)


def _list_bits(m: _Matcher, hit: str, one_term: re.Pattern[str]) -> int:
    """Injury kind bits of every term in a matched list ("marks, bruises or injuries"),
    ``one_term`` being ``m.one_term`` written for the hit."""
    bits = 0
    for part in one_term.finditer(hit):
        regex_row = -1
        if part.lastgroup and part.lastgroup.startswith(_GROUP):
            regex_row = int(part.lastgroup[len(_GROUP) :])
        row = m.resolver.rows([part.group()], np.array([regex_row]))[0, 0]
        if row >= 0:
            bits |= int(m.kind_bits[row])
    return bits


# what ends the clause of a skin condition: "bruise to cheek, *also* blue spots on back"
_HARD_BREAK: Final = regex(
    r";|\b(?:also|as well as|plus|in addition|additionally|separately|but|however|whereas"
    r"|while|although|though|another|other|further)\b"
)
# a list's joins: the condition explains a mark across one only when the words after it
# link them ("marks on back, *thought to be* Mongolian blue spots")
_SOFT_BREAK: Final = regex(r",|\band\b|(?<!consistent )(?<!keeping )(?<!compatible )\bwith\b")
_LINK: Final = regex(
    r"\b(?:is|are|was|were|be|being|been|likely|probably|possibly|prob|poss|query|consistent"
    r"|keeping|thought|think|appears?|appeared|looks?|looked|seems?|seemed|confirmed|identified"
    r"|diagnosed|explained|mistaken|actually|i\.?e|rather|like|likely|known|recorded|documented"
    r"|described|due to|caused by)\b|[-=?(:]"
)


# a clause that names the condition as what the mark before it is: "a mark on baby's
# bottom; examined - *it is a* Mongolian blue spot"
_ANAPHOR: Final = regex(
    r"(?:\b(?:it|this|these|they|that|those|which|both)\s+(?:is|are|was|were)"
    r"(?:\s+(?:a|an|the|likely|probably|possibly|consistent with|in keeping with|thought to be))*"
    r"|\b(?:identified|confirmed|diagnosed|documented)\s+as(?:\s+(?:a|an))?)\s*$"
)


def _explained_by(between: str) -> bool:
    """Whether a skin condition and an injury word with ``between`` between them are one
    clause (the condition explains the mark) rather than two findings side by side."""
    if _HARD_BREAK.search(between):
        return _ANAPHOR.search(_HARD_BREAK.split(between)[-1]) is not None
    parts = _SOFT_BREAK.split(between)
    return len(parts) == 1 or _LINK.search(parts[-1]) is not None


def _kinds_beside_benign(
    m: _Matcher,
    text: str,
    injuries: re.Pattern[str],
    benign: re.Pattern[str],
    one_term: re.Pattern[str],
) -> int:
    """Injury kind bits of a piece that names a skin condition: the injury words the
    condition explains do not count ("marks on back - MBS", "blue spot mistaken for a
    bruise"), those beside it in a clause of their own do ("bruise to cheek, also blue
    spots on back noted at birth")."""
    spans = [b.span() for b in benign.finditer(text)]
    bits = 0
    for found in injuries.finditer(text):
        if any(found.group(name) is not None for name in _EXCLUDING):
            continue
        lo, hi = found.span("hit")
        explained = False
        for b_lo, b_hi in spans:
            if b_lo < hi and lo < b_hi:  # the condition's own words ("birth marks")
                explained = True
            elif b_lo >= hi:
                explained = _explained_by(text[hi:b_lo])
            else:
                explained = _explained_by(text[b_hi:lo])
            if explained:
                break
        if not explained:
            bits |= _list_bits(m, found.group("hit"), one_term)
    return bits


@dataclass(frozen=True, slots=True)
class InjuryFindings:
    """Per-row results of :func:`find_injuries` (arrays aligned with the rows)."""

    kinds: np.ndarray  # uint16 bits of schema.INJURY_KINDS_VOCAB
    suspicious_text: np.ndarray  # bool


def find_injuries(pool: T.Pool, m: _Matcher) -> InjuryFindings:
    """Injury kinds and suspicious wording for every row of ``pool`` (fields 0 and 1)."""
    n_pieces = len(pool.pieces)
    kinds = np.zeros(n_pieces, dtype=np.uint16)
    pron_kinds = np.zeros(n_pieces, dtype=np.uint16)  # of injuries after a pronoun
    pron_cues = np.full(n_pieces, None, dtype=object)  # the pronoun before them ("she had")
    suspicious = np.zeros(n_pieces, dtype=np.uint8)
    texts: list[str] = []
    if n_pieces:
        texts = pool.pieces.tolist()
        pattern, whole = m.injuries.for_texts(texts)
        found = T.extract_all(texts, pattern, remember=whole)
        if len(found):
            excluded = found.has(*_EXCLUDING)
            codes, uniques = pd.factorize(np.asarray(found.text("hit"), dtype=object))
            hits = uniques.tolist()
            one_term = m.one_term.for_texts(hits)[0]
            bits = np.array([_list_bits(m, h, one_term) for h in hits], dtype=np.uint16)[codes]
            piece = found.piece
            keep = ~excluded & (bits != 0)
            pron = keep & found.has(_PRONOUN)
            keep &= ~pron
            np.bitwise_or.at(kinds, piece[keep], bits[keep])
            if pron.any():  # few: "she sustained bruising", whoever she is
                np.bitwise_or.at(pron_kinds, piece[pron], bits[pron])
                first = np.unique(piece[pron], return_index=True)[1]
                pron_cues[piece[pron][first]] = found.column(_PRONOUN)[pron][first]
        benign_pattern, whole = m.benign.for_texts(texts)
        benign = np.flatnonzero(T.contains(texts, benign_pattern, remember=whole))
        if len(benign):  # few pieces: each read again for where its words stand
            one_term = m.one_term.for_texts([texts[i] for i in benign])[0]
            for i in benign.tolist():
                kinds[i] = _kinds_beside_benign(m, texts[i], pattern, benign_pattern, one_term)
            pron_kinds[benign] = 0
        pattern, whole = m.suspicion.for_texts(texts)
        cues = T.extract_all(texts, pattern, remember=whole)
        if len(cues):
            negated = cues.has("neg", "negpost")
            piece = cues.piece
            suspicious[piece[~negated]] = 1
    return InjuryFindings(
        kinds=_owned_kinds(pool, m, texts, kinds, pron_kinds, pron_cues),
        suspicious_text=T.piece_or(pool, suspicious, 2).astype(bool),
    )


# a pronoun right after someone's report may be whoever they report on: "Foster carer
# said she had a bruise on her leg", "Mother told HV she has a bruise"
_REPORTED: Final = regex(
    r"\b(?:said|says|reported|reports|stated|states|told(?: [a-z0-9]+){0,2}|explained|explains"
    r"|thinks|thought|felt|feels|noticed|noted|found|believes|believed|confirmed|confirms"
    r"|mentioned|mentions|worried|concerned|queried|asked if|asked whether)(?: that)?[\s,:]*$"
)


def _whose(m: _Matcher, before: str, cue: str) -> int:
    """Who the pronoun of ``cue`` ("she had", "he sustained") is, from the words
    ``before`` it: 1 an adult (they name an adult of its sex and no child), -1 the child
    or unsure (they name the child, or the pronoun follows someone's report), 0 no one
    named."""
    if m.child.search(before) or _REPORTED.search(before):
        return -1
    adults = m.adult_she if cue.startswith("she") else m.adult_he
    return 1 if adults.search(before) else 0


def _owned_kinds(
    pool: T.Pool,
    m: _Matcher,
    texts: list[str],
    kinds: np.ndarray,
    pron_kinds: np.ndarray,
    cues: np.ndarray,
) -> np.ndarray:
    """Injury kind bits per row: ``kinds`` of each piece, and ``pron_kinds`` (injuries after
    a pronoun, "she sustained bruising") unless the pronoun is an adult: the words before
    it in its sentence, else the sentence before it in the cell, name an adult of its sex
    and no word for the child ("Mother assaulted by partner; she sustained bruising to her
    face", "Mother said partner punched her. She sustained a cut"). Where that is not
    certain the injury stays the child's ("Child A seen. She sustained a cut to her
    head", "Mother brought Child A to ED. She had a bruise"). Only pieces with such an
    injury are read, and the sentences before them."""
    with_pronoun = np.flatnonzero(pron_kinds)
    if not len(with_pronoun):
        return T.piece_or(pool, kinds, 2)
    owner = np.zeros(len(kinds), dtype=np.int8)
    for i in with_pronoun.tolist():
        text, cue = texts[i], str(cues[i])
        at = re.search(rf"(?<![a-z]){re.escape(cue)}", text)
        owner[i] = _whose(m, text[: at.start() if at else 0], cue)
    # no one named before the pronoun in its sentence: the sentence before it
    span = pool.upto(2)
    piece, row, field = pool.piece[span], pool.row[span], pool.field[span]
    occ = np.flatnonzero((pron_kinds[piece] != 0) & (owner[piece] == 0))
    occ = occ[occ > 0]
    prev = occ - 1
    occ = occ[(row[prev] == row[occ]) & (field[prev] == field[occ])]
    adult_occ = np.zeros(len(piece), dtype=bool)
    if len(occ):
        seen: dict[tuple[int, str], int] = {}
        for j, before in zip(occ.tolist(), piece[occ - 1].tolist(), strict=True):
            cue = str(cues[piece[j]])
            key = (before, cue[:3])
            if key not in seen:
                seen[key] = _whose(m, texts[before], cue)
            adult_occ[j] = seen[key] == 1
    # every piece's own kinds; a pronoun's injuries unless it is an adult
    out = T.piece_or(pool, kinds, 2)
    childs = (pron_kinds[piece] != 0) & (owner[piece] != 1) & ~adult_occ
    np.bitwise_or.at(out, row[childs], pron_kinds[piece[childs]])
    return out


def under_24_months(
    start: pd.Series,
    *,
    child_dob: pd.Timestamp | str | None = None,
    child_age_days: pd.Series | None = None,
) -> np.ndarray:
    """Whether the child was under 24 months at each event (False where unknown).

    With a date of birth the test is exact (``dob <= start < dob + 24 months``). Without
    one, ``child_age_days`` is used with 24 months taken as 730 days. Events before the
    birth are not "under 24 months".

    Examples
    --------
    >>> import pandas as pd
    >>> starts = pd.Series(pd.to_datetime(["2006-03-01", "2008-02-29", "2008-03-01"]))
    >>> under_24_months(starts, child_dob="2006-03-01").tolist()
    [True, True, False]
    >>> under_24_months(starts, child_age_days=pd.Series([10, 729, None], dtype="Int64")).tolist()
    [True, True, False]
    """
    if child_dob is not None:
        dob = pd.Timestamp(child_dob)
        limit = dob + pd.DateOffset(months=MONTHS_UNDER)
        when = pd.to_datetime(start)
        return ((when >= dob) & (when < limit)).fillna(False).to_numpy(dtype=bool)
    if child_age_days is None:
        return np.zeros(len(start), dtype=bool)
    days = pd.Series(child_age_days).astype("Int64")
    return ((days >= 0) & (days < DAYS_UNDER)).fillna(False).to_numpy(dtype=bool)


def injury_columns(found: InjuryFindings, under_24: np.ndarray, index: pd.Index) -> pd.DataFrame:
    """The ``injury``, ``injury_kinds`` and ``suspicious_injury`` columns."""
    kinds = found.kinds.copy()
    specific = (kinds & ~_OTHER_BIT) != 0
    kinds[specific] &= ~_OTHER_BIT  # "other" only when no specific kind is named
    injury = kinds != 0
    return pd.DataFrame(
        {
            schema.INJURY: injury,
            schema.INJURY_KINDS: T.masks_to_tuples(kinds, schema.INJURY_KINDS_VOCAB),
            schema.SUSPICIOUS_INJURY: injury & (under_24 | found.suspicious_text),
        },
        index=index,
    )


def classify_injuries(
    events: pd.DataFrame,
    *,
    child_dob: pd.Timestamp | str | None = None,
    path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Find injuries to the child in ``details`` and ``outcome``.

    Parameters
    ----------
    events
        A frame with ``details`` and ``outcome`` (text, may be missing), and for the age
        test ``start`` (with ``child_dob``) or ``child_age_days``.
    child_dob
        The child's date of birth; without it the age test uses ``child_age_days`` when
        the frame has it, else only the wording decides ``suspicious_injury``.
    path
        An injury vocabulary of your own extending the shipped one.

    Returns
    -------
    pandas.DataFrame
        Index-aligned with ``events``: ``injury`` (bool), ``injury_kinds`` (tuple of
        :data:`scr_timeline.schema.INJURY_KINDS_VOCAB`, in that order) and
        ``suspicious_injury`` (bool).

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"details": ["Skeletal survey: no fractures seen.",
    ...                                  "Small bruise to thigh noted."],
    ...                      "outcome": [None, None],
    ...                      "child_age_days": pd.array([100, 100], dtype="Int64")})
    >>> classify_injuries(rows)[["injury", "suspicious_injury"]].to_numpy().tolist()
    [[False, False], [True, True]]
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in (schema.DETAILS, schema.OUTCOME) if c not in events]
    if missing:
        raise ValueError(f"events lack the column(s) {', '.join(missing)}")
    pool = T.build_pool([events[schema.DETAILS], events[schema.OUTCOME]])
    found = find_injuries(pool, matcher(path))
    if child_dob is not None and schema.START in events:
        young = under_24_months(events[schema.START], child_dob=child_dob)
    elif schema.CHILD_AGE_DAYS in events:
        young = under_24_months(
            pd.Series(index=events.index, dtype=object),
            child_age_days=events[schema.CHILD_AGE_DAYS],
        )
    else:
        young = np.zeros(len(events), dtype=bool)
    return injury_columns(found, young, events.index)
