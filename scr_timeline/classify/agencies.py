"""Map agency names as written to canonical agency codes.

Chronologies name the same agency in dozens of ways ("Children's Social Care", "CSC",
"Haringey Children's Services", "R&A"). The shipped alias table
(``scr_timeline/data/agency_aliases.csv``) lists what each canonical code in
:data:`scr_timeline.schema.AGENCIES` is called; users extend it with their own CSV file.

How a name is matched
---------------------
1. Both the name and every alias are *normalised*: Unicode NFKC, case-folded,
   apostrophes dropped ("Children's" and "Childrens" are the same word), "&" read as
   "and", dotted initials joined ("G.P." is "gp"), every other run of punctuation or
   whitespace turned into one space ("A & E", "A&E" and "A and E" are the same).
2. A name equal to an alias maps to that alias's agency.
3. Otherwise every alias found inside the name as whole words is a candidate ("HV" is
   found in "HV team", never in "HIV" or "shove"; "ED" never in "edited"; "PC" never in
   "PCT"). An alias of kind ``setting`` (a place that hosts many services: "Hospital",
   "NHS Trust") loses to any other alias found, so "Midwife (Riverside Hospital)" is
   midwifery and "CAMHS (Riverside Hospital)" camhs; a setting mapped to ``"other"``
   ("Named Nurse", "PCT", "Practice Review") also loses to an agency's setting that does
   not lie inside it, so "Named Nurse, Riverside Hospital" is hospital while "Practice
   Review" is not a GP practice through its "practice". Otherwise the **longest** alias
   wins, so "Met Police CAIT" is police through "met police", and "Hospital social work
   team" is csc through "social work team"; among equally long aliases the **earliest**
   in the name wins.
4. A non-blank name that matches no alias is ``"other"`` with ``matched`` False, so the
   caller can warn about it. A blank name (missing, empty, punctuation only) is NA.

An alias of kind ``cell`` is read only as the whole name (step 2), never found inside a
longer name or in narrative: "111" and "UTC" as the agency cell are NHS 111 and an urgent
treatment centre, "Flat 111" and "Elstree UTC" are not.

Aliases of kind ``guard`` map a longer name to ``"other"`` on purpose, so that a shorter
alias cannot claim it: "Adult Social Care" would otherwise be csc through "social care".
A ``setting`` may map to ``"other"`` in the same way, to stop a shorter setting without
beating a real agency: "Practice Review" keeps "Child Safeguarding Practice Review: Child
A" from being a GP practice, while "... Practice Review - Riverside Police" is still police.
Aliases of kind ``sector`` name health services in general, not one agency ("Health",
"NHS", "Community Health Services"): none of the codes fits ("Health" in a combined
chronology is the GP, the health visitor and the hospital alike), so such a name is
``"other"`` with ``matched`` False (the caller warns, as for an unknown name), and it loses
to any other alias in the name ("Health - HV" is health visiting).
:func:`agencies_from_clues` then lets the row's practitioner or source decide ("HV1",
"GP records"). Short abbreviations ("Met", "PC", "ED") are safe in agency columns, sheet names and
titles; a caller scanning narrative text should skip rows whose ``kind`` is
``abbreviation``.

Examples
--------
>>> import pandas as pd
>>> from scr_timeline.classify.agencies import normalise_agencies
>>> normalise_agencies(pd.Series(["HV", "Haringey Children’s Services", "HIV clinic", None]))
            agency  matched
0  health_visiting     True
1              csc     True
2            other    False
3              NaN    False
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Final, cast

import numpy as np
import pandas as pd

from scr_timeline import _prebuilt, schema
from scr_timeline.classify import _text
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "ALIAS",
    "HEALTH_AGENCIES",
    "KIND",
    "MATCHED",
    "NOTE",
    "agencies_from_clues",
    "agency_from_name",
    "load_agency_aliases",
    "names_a_sector",
    "normalise_agencies",
]

#: Column of the alias table: the name as written.
ALIAS: Final = "alias"
#: Column of the alias table: what sort of alias (name, abbreviation, organisation, role, guard,
#: setting, sector, cell).
KIND: Final = "kind"
#: Column of the alias table: why an alias maps where it does (free text, may be empty).
NOTE: Final = "note"
#: Column of :func:`normalise_agencies`' result: True when an alias matched.
MATCHED: Final = "matched"

_OTHER: Final = "other"
_GUARD: Final = "guard"
_SETTING: Final = "setting"  # loses to any other alias found in the same name
#: Kind of a name that covers a sector, not one agency ("Health", "NHS"): a setting that
#: leaves the name unmatched (``"other"``, ``matched`` False), for the row's practitioner or
#: source to decide among :data:`HEALTH_AGENCIES`.
_SECTOR: Final = "sector"
_SECTOR_CODE: Final = ""  # the matcher's code for a sector alias: no agency
#: Kind of an alias read only as a whole name, never inside a longer one or in narrative
#: ("111", "UTC": "Flat 111", "Elstree UTC").
_CELL: Final = "cell"
#: The agencies a row written as a health sector ("Health", "NHS", "Community Health
#: Services") may be, as its practitioner or source names them.
HEALTH_AGENCIES: Final = frozenset(
    {
        "gp",
        "health_visiting",
        "midwifery",
        "hospital",
        "paediatrics",
        "camhs",
        "adult_mental_health",
        "ambulance",
    }
)
_DEFAULT_KIND: Final = "alias"
_ALIAS_COLUMNS: Final = (ALIAS, schema.AGENCY, KIND, NOTE)
_PACKAGE_FILE: Final = "agency_aliases.csv"
_AGENCY_DTYPE: Final = pd.CategoricalDtype(list(schema.AGENCIES))

# --- normalisation (shared by names and aliases, so both are read the same way) ------------
_APOSTROPHES = re.compile(r"['’‘`´]")
_DOTTED_INITIAL = re.compile(r"\b(\w)\.(?=\w\b)")  # the dots of "G.P.", "A.E."
_NON_WORD = re.compile(r"[\W_]+")
# file-name separators: underscores, hyphens and digits ("03_health_visiting"); dots are
# left to the normaliser, which joins dotted initials ("G.P.") and spaces the rest
_FILE_SEPARATORS = re.compile(r"[_\-\d]+")
_FILE_SUFFIX = re.compile(
    r"\.(?:xlsx|xlsm|xls|ods|docx|doc|odt|rtf|pdf|csv|tsv|txt)$", re.IGNORECASE
)


def _normalise_text(values: pd.Series) -> pd.Series:
    """Normalise names vectorised: case, apostrophes, '&', dotted initials, punctuation."""
    text = values.astype(str).str.normalize("NFKC").str.casefold()
    text = text.str.replace(_APOSTROPHES.pattern, "", regex=True)
    text = text.str.replace("&", " and ", regex=False)
    text = text.str.replace(_DOTTED_INITIAL.pattern, r"\1", regex=True)
    text = text.str.replace(_NON_WORD.pattern, " ", regex=True)
    return text.str.strip()


def _normalise_one(text: str) -> str:
    """:func:`_normalise_text` for one string, without pandas' per-call cost."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    text = _NON_WORD.sub(" ", _DOTTED_INITIAL.sub(r"\1", text))
    return text.strip()


# --- the alias table --------------------------------------------------------------------------
def _read_alias_csv(source: str | os.PathLike[str] | None) -> pd.DataFrame:
    """Read and check one alias CSV (the package's when ``source`` is None)."""
    if source is None:  # read as the other shipped vocabularies are, without pandas' reader
        where = _text.SHIPPED + _PACKAGE_FILE
        table = _text.read_vocabulary(
            _PACKAGE_FILE,
            None,
            required=(ALIAS, schema.AGENCY),
            defaults={KIND: _DEFAULT_KIND, NOTE: ""},
        ).drop(columns="_source")
        table[schema.AGENCY] = table[schema.AGENCY].str.lower()
    else:
        where = os.fspath(source)
        table = _read_users_alias_csv(source)
    unknown = sorted(set(table[schema.AGENCY]) - set(schema.AGENCIES))
    if unknown:
        raise ChronologyReadError(
            "the agency alias file names unknown agency codes",
            file=where,
            found=unknown,
            expected=f"one of {', '.join(schema.AGENCIES)}",
        )
    return table.reset_index(drop=True)


def _read_users_alias_csv(source: str | os.PathLike[str]) -> pd.DataFrame:
    where = os.fspath(source)
    try:
        table = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ChronologyReadError(f"cannot read the agency alias file: {err}", file=where) from err
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in (ALIAS, schema.AGENCY) if c not in table.columns]
    if missing:
        raise ChronologyReadError(
            "the agency alias file lacks a required column",
            file=where,
            found=list(table.columns),
            expected="columns 'alias' and 'agency' (optionally 'kind' and 'note')",
        )
    for optional, default in ((KIND, _DEFAULT_KIND), (NOTE, "")):
        if optional not in table.columns:
            table[optional] = default
    table = table.loc[:, list(_ALIAS_COLUMNS)].astype(object)
    for column in _ALIAS_COLUMNS:
        table[column] = table[column].astype(str).str.strip()
    table = table.loc[table[ALIAS] != ""]
    table[schema.AGENCY] = table[schema.AGENCY].str.lower()
    table.loc[table[KIND] == "", KIND] = _DEFAULT_KIND
    return table


@functools.lru_cache(maxsize=16)
def _alias_table(key: tuple[str, int] | None) -> pd.DataFrame:
    """The package table, extended by the user file named in ``key`` (path, mtime)."""
    table = _read_alias_csv(None)
    if key is not None:
        table = pd.concat([table, _read_alias_csv(key[0])], ignore_index=True)
        # a user's alias replaces the package's alias that reads the same
        normalised = _normalise_text(table[ALIAS])
        table = table.loc[~normalised.duplicated(keep="last")].reset_index(drop=True)
    return table


def load_agency_aliases(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the agency alias table.

    Parameters
    ----------
    path
        A CSV file of your own with columns ``alias`` and ``agency`` (and optionally
        ``kind`` and ``note``). Its rows extend the shipped table; an alias that reads the
        same as a shipped one (after normalisation) replaces it. None: the shipped table.

    Returns
    -------
    pandas.DataFrame
        Columns ``alias``, ``agency``, ``kind``, ``note``; one row per alias. A fresh copy:
        changing it changes nothing else.

    Raises
    ------
    ChronologyReadError
        The file cannot be read, lacks a column, or names an agency code that is not in
        :data:`scr_timeline.schema.AGENCIES`.

    Examples
    --------
    >>> aliases = load_agency_aliases()
    >>> aliases.loc[aliases["alias"] == "CAIT", "agency"].item()
    'police'
    >>> len(aliases) > 200
    True
    """
    if path is None:
        return _alias_table(None).copy()
    resolved = Path(path).resolve()
    try:
        mtime = resolved.stat().st_mtime_ns
    except OSError as err:
        raise ChronologyReadError(
            f"cannot read the agency alias file: {err.strerror}", file=os.fspath(path)
        ) from err
    return _alias_table((str(resolved), mtime)).copy()


# --- matching ---------------------------------------------------------------------------------
_Trie = dict[str, "_Trie"]


#: Patterns kept compiled per matcher (each written for the names at hand).
_PATTERNS_KEPT: Final = 64
#: Names as written whose reading a matcher remembers (a batch of chronologies names the
#: same few agencies over and over); the memory is emptied when it would hold more.
_NAMES_KEPT: Final = 50_000
#: Names (characters) searched for each alias before the pattern is written; past this,
#: searching costs more than compiling every alias.
_NAMES_SEARCHED_UP_TO: Final = 100_000


@dataclass(frozen=True, slots=True)
class _Matcher:
    """Normalised alias -> agency, and the aliases (sorted) the patterns are written from."""

    lookup: dict[str, str]
    aliases: tuple[str, ...]
    settings: frozenset[str] = frozenset()  # aliases that lose to any other found
    # settings mapped to "other": they lose to an agency's setting too, unless it lies
    # inside them ("Practice Review" claims its "practice", not "Riverside Hospital")
    other_settings: frozenset[str] = frozenset()
    _patterns: dict[tuple[str, ...], re.Pattern[str] | None] = field(default_factory=dict)
    # name as written -> (agency code or None, blank once normalised)
    _read: dict[str, tuple[str | None, bool]] = field(default_factory=dict)

    def pattern_for(self, names: Iterable[str]) -> re.Pattern[str] | None:
        """One regex finding, at every position of ``names``, the aliases found there.

        The alternation of every alias is written as a trie ("gp(?: surgery)?") so that
        each position costs a character or two, not one attempt per alias. Its optional
        tails are greedy: at any one position the longest alias that ends on a word
        boundary is the one captured. It sits in a lookahead, so every position where an
        alias starts is reported, even inside a longer, overlapping match found earlier.
        Only the aliases that occur in ``names`` are written (the others cannot match
        there), so matching a sheet or file name never compiles all six hundred of them;
        None when no alias occurs.
        """
        blob = "\n".join(names)
        if len(blob) > _NAMES_SEARCHED_UP_TO:  # many names: every alias, as one pattern
            present = self.aliases
        else:
            present = tuple(alias for alias in self.aliases if alias in blob)
        if not present:
            return None
        if present not in self._patterns:
            if len(self._patterns) >= _PATTERNS_KEPT:
                self._patterns.clear()
            self._patterns[present] = re.compile(
                rf"(?<!\w)(?=({_trie_regex(list(present))})(?!\w))"
            )
        return self._patterns[present]


@functools.lru_cache(maxsize=32)
def _matcher(triples: tuple[tuple[str, str, str], ...]) -> _Matcher:
    """The matcher of (alias, agency code, how it matches) triples: ``_SETTING``, ``_CELL``
    or ``""`` (an alias found anywhere in a name)."""
    aliases = pd.Series([alias for alias, _, _ in triples], dtype=object)
    normalised = _normalise_text(aliases).tolist()
    lookup: dict[str, str] = {}
    settings: set[str] = set()
    cells: set[str] = set()
    for alias, (_, agency, how) in zip(normalised, triples, strict=True):
        if alias:
            lookup[alias] = agency
            # a later row of the same alias decides
            (settings.add if how == _SETTING else settings.discard)(alias)
            (cells.add if how == _CELL else cells.discard)(alias)
    others = frozenset(alias for alias in settings if lookup[alias] == _OTHER)
    found_in_names = tuple(sorted(alias for alias in lookup if alias not in cells))
    return _Matcher(lookup, found_in_names, frozenset(settings), others)


def _trie_regex(words: list[str]) -> str:
    r"""A regex matching exactly ``words``, longest first, factored as a trie.

    >>> print(_trie_regex(["gp", "gp surgery", "ed"]))
    (?:gp(?:\ surgery)?|ed)
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def render(node: _Trie) -> str:
        branches = [re.escape(char) + render(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


@functools.cache
def _default_matcher() -> _Matcher:
    return _prebuilt.default("agencies", build_default)


def build_default() -> _Matcher:
    """The matcher of the shipped alias table, built from the file (not the prebuilt one)."""
    return _matcher_for(_alias_table(None))


def _matcher_for(aliases: pd.DataFrame | None) -> _Matcher:
    if aliases is None:
        return _default_matcher()
    if not isinstance(aliases, pd.DataFrame):
        raise TypeError(f"aliases must be a pandas DataFrame, not {type(aliases).__name__}")
    missing = [c for c in (ALIAS, schema.AGENCY) if c not in aliases.columns]
    if missing:
        raise ChronologyReadError(
            "the agency alias table lacks a required column",
            found=list(map(str, aliases.columns)),
            expected="columns 'alias' and 'agency'",
        )
    codes = aliases[schema.AGENCY].astype(str).str.strip().str.lower()
    unknown = sorted(set(codes) - set(schema.AGENCIES))
    if unknown:
        raise ChronologyReadError(
            "the agency alias table names unknown agency codes",
            found=unknown,
            expected=f"one of {', '.join(schema.AGENCIES)}",
        )
    if KIND in aliases.columns:
        kinds = aliases[KIND].astype(str).str.strip().str.lower()
        how = np.where(
            kinds.isin((_SETTING, _SECTOR)), _SETTING, np.where(kinds == _CELL, _CELL, "")
        ).tolist()
        # a sector is a setting matched to no agency (its code is checked above as "other")
        codes = codes.where(kinds != _SECTOR, _SECTOR_CODE)
    else:
        how = [""] * len(aliases)
    triples = tuple(zip(aliases[ALIAS].astype(str).tolist(), codes.tolist(), how, strict=True))
    return _matcher(triples)


#: A whole name that abbreviates an NHS trust by the letters of its kind, after the letters
#: or words of its place ("NMUH", "Northshire UH", "UHB", "BEH MHT", "BSMHFT", "Northshire
#: CHT"), or numbers an anonymised local authority ("LA1", "LA 2"): read where no alias
#: matches, for those few distinct names only. A university or teaching hospitals trust is
#: the hospital; a mental health trust adult mental health; a community health or
#: healthcare trust, or a foundation trust of unnamed kind ("Northshire FT"), a sector
#: (no agency: the row's practitioner or source decides).
_TRUST_CELL: Final = re.compile(
    r"(?:[a-z]{1,12} ){0,2}(?:"
    r"(?P<csc>la ?\d{1,2}|local authority ?\d{1,2})"
    r"|(?P<hospital>[a-z]{0,5}(?:uh|uhb|uht|uhs|uhft|uhsft|tht|thft)|uh[a-z]{1,3})"
    r"|(?P<amh>[a-z]{0,5}mh(?:t|ft|pt|sct|nhsft|nhst))"
    r"|(?P<sector>[a-z]{0,5}(?:cht|chft|chs|hct|hcft|hcpt)|[a-z]{1,12} (?:nhs ?)?ft)"
    r")"
)
_TRUST_CODES: Final = {"csc": "csc", "hospital": "hospital", "amh": "adult_mental_health"}


def _trust_cell(normalised: str) -> str | None:
    """The agency code of a name that abbreviates a trust or numbers a local authority
    (see :data:`_TRUST_CELL`; ``""`` for a sector), None for any other name."""
    found = _TRUST_CELL.fullmatch(normalised)
    if found is None:
        return None
    return _TRUST_CODES.get(str(found.lastgroup), _SECTOR_CODE)


def _match(normalised: pd.Series, matcher: _Matcher) -> pd.Series:
    """Agency code per normalised name (NA where no alias matches); vectorised. A name no
    alias matches may abbreviate a trust (:data:`_TRUST_CELL`)."""
    found = _match_aliases(normalised, matcher)
    rest = found.isna() & (normalised != "")
    if rest.any():  # few distinct names: those no alias matches
        found.loc[rest] = normalised[rest].map(_trust_cell).to_numpy()
    return found


def _match_aliases(normalised: pd.Series, matcher: _Matcher) -> pd.Series:
    """Agency code per normalised name by the aliases alone (NA where none matches)."""
    found = normalised.map(matcher.lookup).astype(object)
    todo = found.isna() & (normalised != "")
    if not todo.any():
        return found
    pattern = matcher.pattern_for(normalised[todo].tolist())
    if pattern is None:
        return found
    hits = normalised[todo].str.extractall(pattern.pattern)[0]
    if hits.empty:
        return found
    rows = hits.index.get_level_values(0)
    position = hits.index.get_level_values(1)  # matches come in order of position
    length = hits.str.len().to_numpy()
    weak = hits.isin(matcher.settings).to_numpy()
    # sort by name, then any alias before a setting, then longest alias, then earliest
    # position; keep each name's first
    order = np.lexsort((position, -length, weak, rows))
    first = np.ones(len(order), dtype=bool)
    first[1:] = rows[order][1:] != rows[order][:-1]
    best = hits.iloc[order[first]]
    found.loc[best.index.get_level_values(0)] = best.map(matcher.lookup).to_numpy()
    # a setting mapped to other may lose to an agency's setting beside it: those few names
    # are weighed one by one, where the aliases' places in the name are known
    for row in best.index.get_level_values(0)[best.isin(matcher.other_settings).to_numpy()]:
        found.loc[row] = _match_one(normalised.loc[row], matcher)
    return found


def _match_one(normalised: str, matcher: _Matcher) -> str | None:
    """:func:`_match` for one normalised name, without pandas' per-call cost."""
    if not normalised:
        return None
    if normalised in matcher.lookup:
        return matcher.lookup[normalised]
    pattern = matcher.pattern_for([normalised])
    if pattern is None:
        return _trust_cell(normalised)
    found = [(m.start(), m.group(1)) for m in pattern.finditer(normalised)]
    others = [(at, at + len(alias)) for at, alias in found if alias in matcher.other_settings]

    def agency_setting(at: int, alias: str) -> bool:
        """A setting that names an agency and lies inside no setting mapped to other."""
        end = at + len(alias)
        return (
            alias in matcher.settings
            and alias not in matcher.other_settings
            and not any(o_at <= at and end <= o_end for o_at, o_end in others)
        )

    hits = [
        (alias not in matcher.settings, agency_setting(at, alias), len(alias), -at, alias)
        for at, alias in found
    ]
    return matcher.lookup[max(hits)[4]] if hits else _trust_cell(normalised)


def _read_names(names: np.ndarray, matcher: _Matcher) -> tuple[list[str | None], np.ndarray]:
    """Each distinct name's agency code (None when no alias matches) and whether it is
    blank once normalised; names the matcher has read before are not read again."""
    memo = matcher._read
    known = [memo.get(name) if isinstance(name, str) else None for name in names]
    todo = [i for i, reading in enumerate(known) if reading is None]
    if todo:
        fresh = names[todo]
        normalised = _normalise_text(pd.Series(fresh, dtype=object))
        found = _match(normalised, matcher)
        if len(memo) + len(todo) > _NAMES_KEPT:
            memo.clear()
        for i, name, code, norm in zip(
            todo, fresh.tolist(), found.tolist(), normalised.tolist(), strict=True
        ):
            reading = (None if pd.isna(code) else str(code), norm == "")
            known[i] = reading
            if isinstance(name, str):
                memo[name] = reading
    readings = cast(list[tuple[str | None, bool]], known)
    return [code for code, _ in readings], np.array([blank for _, blank in readings], dtype=bool)


def normalise_agencies(values: pd.Series, *, aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Map agency names as written to canonical agency codes.

    Works on the distinct values only, so a column of a million rows naming fifty
    agencies costs fifty matches. See the module docstring for the matching rules.

    Parameters
    ----------
    values
        Agency names as written: strings, with None/NaN for blanks. Other values
        (numbers) are read as their text.
    aliases
        The alias table to use instead of the shipped one, e.g. from
        :func:`load_agency_aliases` with a path of your own. Columns ``alias``, ``agency``.

    Returns
    -------
    pandas.DataFrame
        Index-aligned with ``values``. ``agency``: categorical over
        :data:`scr_timeline.schema.AGENCIES`, NA for a blank name, ``"other"`` for a name
        no alias matches. ``matched``: True when an alias matched (including *guard*
        aliases that map a name to ``"other"`` on purpose, such as "Adult Social Care").

    Raises
    ------
    TypeError
        ``values`` is not a Series, or ``aliases`` not a DataFrame.
    ChronologyReadError
        ``aliases`` lacks a column or names an unknown agency code.

    Examples
    --------
    >>> import pandas as pd
    >>> names = pd.Series(["A & E", "North Middlesex University Hospital", "Met Police CAIT",
    ...                    "edited", "  "], index=[10, 11, 12, 13, 14])
    >>> normalise_agencies(names)
          agency  matched
    10  hospital     True
    11  hospital     True
    12    police     True
    13     other    False
    14       NaN    False
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"values must be a pandas Series, not {type(values).__name__}")
    matcher = _matcher_for(aliases)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found, blank = _read_names(np.asarray(uniques, dtype=object), matcher)
    matched_unique = np.array([bool(code) for code in found], dtype=bool)
    agency_unique = np.array([code or _OTHER for code in found], dtype=object)
    unique_codes = pd.Categorical(agency_unique, dtype=_AGENCY_DTYPE).codes
    unique_codes = np.where(blank, -1, unique_codes)
    # append a slot for the NA sentinel (-1) so one take() covers every row
    unique_codes = np.append(unique_codes, -1)
    matched_unique = np.append(matched_unique & ~blank, False)
    agency = pd.Categorical.from_codes(unique_codes[codes], dtype=_AGENCY_DTYPE)
    return pd.DataFrame(
        {schema.AGENCY: agency, MATCHED: matched_unique[codes]},
        index=values.index,
    )


@functools.cache
def _clue_aliases() -> pd.DataFrame:
    """The shipped aliases and the role phrases that name their agency whatever the
    context ("SW", "TM", "DSL": :mod:`scr_timeline.classify.roles`), for reading a
    practitioner or source cell; an alias decides where both read the same."""
    from scr_timeline.classify.roles import load_roles

    roles = load_roles()
    words = roles.loc[
        (roles[schema.AGENCY] != "") & (roles["agencies"] == "") & (roles["match"] == "words")
    ]
    shipped = _alias_table(None)
    words = words.loc[~_normalise_text(words["phrase"]).isin(set(_normalise_text(shipped[ALIAS])))]
    extra = pd.DataFrame(
        {ALIAS: words["phrase"], schema.AGENCY: words[schema.AGENCY], KIND: "role", NOTE: ""}
    )
    return pd.concat([shipped, extra], ignore_index=True)


#: A practitioner's number ("HV1", "SW2", "PC1234"): digits right after a letter.
_PRACTITIONER_NUMBER: Final = r"(?<=[^\W\d_])\d+"


def names_a_sector(values: pd.Series, *, aliases: pd.DataFrame | None = None) -> np.ndarray:
    """Per name, True when it names a sector of services, not one agency ("Health", "NHS",
    "Community Health Services": an alias of kind ``sector`` with no other alias beside it).

    >>> import pandas as pd
    >>> names_a_sector(pd.Series(["Health", "Health - HV", "Sirona", None])).tolist()
    [True, False, False, False]
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"values must be a pandas Series, not {type(values).__name__}")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found, _ = _read_names(np.asarray(uniques, dtype=object), _matcher_for(aliases))
    return np.append([code == _SECTOR_CODE for code in found], False).astype(bool)[codes]


def agencies_from_clues(
    written: pd.Series,
    clues: Sequence[pd.Series],
    *,
    aliases: pd.DataFrame | None = None,
) -> pd.Series:
    """The agency of rows whose agency is not written, or is written as a sector, as
    their practitioner or source names it.

    A combined chronology may give a health contact's agency as "Health" (or "NHS",
    "Community Health Services"): health services in general, not one agency (an alias of
    kind ``sector``, which :func:`normalise_agencies` leaves ``"other"`` and unmatched). Such a
    row's practitioner ("HV1", "Community Midwife") or source ("GP records", "ED notes")
    often says which service acted; a row with no agency at all may be decided the same way.
    The clues are read in turn, the first that names an agency deciding, with the role
    phrases that name their agency as well as the aliases ("SW1" is children's social care,
    "DSL" education); a practitioner's number is no part of the name ("HV1" is "HV"). A
    sector row takes only a health agency
    (:data:`HEALTH_AGENCIES`: "Health" with "PC1" stays undecided).

    Parameters
    ----------
    written
        The agency as written per row (NA or blank where none is).
    clues
        Columns index-aligned with ``written``, most telling first (practitioner, source).
    aliases
        The alias table to use instead of the shipped one.

    Returns
    -------
    pandas.Series
        Index-aligned with ``written``: the agency code found, None where the agency is
        written as an agency (or an unknown name), or no clue names one.

    Examples
    --------
    >>> import pandas as pd
    >>> written = pd.Series(["Health", "Health", None, "Police", "Health"])
    >>> practitioner = pd.Series(["HV1", "Dr X", "PC2", "PC1", "PC3"])
    >>> source = pd.Series([None, "GP records", None, None, None])
    >>> agencies_from_clues(written, [practitioner, source]).tolist()
    ['health_visiting', 'gp', 'police', None, None]
    """
    if not isinstance(written, pd.Series):
        raise TypeError(f"written must be a pandas Series, not {type(written).__name__}")
    out = pd.Series([None] * len(written), index=written.index, dtype=object)
    codes, uniques = pd.factorize(written, use_na_sentinel=True)
    found, blank = _read_names(np.asarray(uniques, dtype=object), _matcher_for(aliases))
    sector = np.append([code == _SECTOR_CODE for code in found], False).astype(bool)[codes]
    open_rows = sector | np.append(blank, True)[codes]
    for clue in clues:
        rows = np.flatnonzero(open_rows)
        if not len(rows):
            break
        text = clue.iloc[rows].astype("string").str.replace(_PRACTITIONER_NUMBER, "", regex=True)
        read = normalise_agencies(
            text.reset_index(drop=True), aliases=_clue_aliases() if aliases is None else aliases
        )
        code = read[schema.AGENCY].astype(object).to_numpy()
        ok = read[MATCHED].to_numpy(dtype=bool) & (code != _OTHER)
        ok &= ~sector[rows] | np.isin(code, list(HEALTH_AGENCIES))
        out.iloc[rows[ok]] = code[ok]
        open_rows[rows[ok]] = False
    return out


def agency_from_name(
    text: str | os.PathLike[str], *, aliases: pd.DataFrame | None = None
) -> str | None:
    """The agency a sheet name, title line or file name refers to.

    File-name separators (underscores, hyphens, dots, digits) count as spaces and a file
    suffix (".xlsx", ".docx", ".pdf", ".csv"...) is dropped, so "03_health_visiting.xlsx" reads as "health visiting". A path
    object is reduced to its file name. A name that matches nothing so is tried with its
    digits and hyphens ("NHS 111").

    Parameters
    ----------
    text
        A sheet name, a title line or a file name.
    aliases
        The alias table to use instead of the shipped one.

    Returns
    -------
    str or None
        The canonical agency code, or None when no alias matches (never ``"other"``).

    Examples
    --------
    >>> agency_from_name("Chronology: Whittington Hospital")
    'hospital'
    >>> agency_from_name("03_health_visiting.xlsx")
    'health_visiting'
    >>> agency_from_name("child-a-police")
    'police'
    >>> agency_from_name("Sheet1") is None
    True
    """
    if isinstance(text, PurePath):
        text = text.name
    elif isinstance(text, os.PathLike):
        text = os.fspath(text)
    if not isinstance(text, str):
        raise TypeError(f"text must be a string or a path, not {type(text).__name__}")
    matcher = _matcher_for(aliases)
    unsuffixed = _FILE_SUFFIX.sub("", text.strip())
    cleaned = _FILE_SEPARATORS.sub(" ", unsuffixed)
    code = _match_one(_normalise_one(cleaned), matcher)
    if not code and cleaned != unsuffixed:  # a name with digits of its own: "NHS 111"
        code = _match_one(_normalise_one(unsuffixed), matcher) or code
    return None if not code or code == _OTHER else code
