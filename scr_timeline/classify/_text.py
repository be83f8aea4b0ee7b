"""Shared machinery for the text classifiers (private to :mod:`scr_timeline.classify`).

Three things live here:

* **Vocabulary files**: every classifier keeps its words in a CSV file in
  ``scr_timeline/data``; :func:`read_vocabulary` reads the shipped file and, optionally, a
  user's file whose rows extend it (a user's phrase that reads the same as a shipped one
  replaces it).
* **Phrase patterns**: a phrase written as words ("home visit", "A&E", "children's social
  care") becomes a tolerant regular expression (case already lowered, spaces and hyphens
  interchangeable, apostrophes optional, "&" and "and" alike; a dash standing between
  spaces ends a clause, so no phrase reads across it), and a list of phrases becomes one
  alternation written as a trie, so that each position of the text costs a character
  or two, not one attempt per phrase. The longest phrase starting at a position wins.
  Word boundaries are letters and digits on the left and letters on the right, so "HV"
  never matches inside "HIV" or "shove" and "ED" never inside "edited", while
  practitioner codes such as "DC1" and "SW2" still name their agency.
* **The piece pool**: narrative cells are split into pieces at ". " with Arrow (one
  pass over the whole column), the pieces are dictionary-encoded, and the regular
  expressions run on the *distinct* pieces only. Per-piece results are then gathered back
  to rows with NumPy. Chronologies repeat themselves at the level of the sentence ("Home
  visit.", "No marks or bruises seen.", "NFA."), so a million rows cost a few thousand
  regex searches.

Examples
--------
>>> import re
>>> rx = re.compile(phrase_regex("A&E"))
>>> [bool(rx.fullmatch(t)) for t in ("a&e", "a & e", "a and e", "ae")]
[True, True, True, False]
>>> alternation = re.compile(trie_regex([phrase_tokens(p) for p in ["hv", "hv visit", "gp"]]))
>>> [m.group() for m in alternation.finditer("hv visit to hiv clinic; gp1 seen")]
['hv visit', 'gp']
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import os
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from scr_timeline import schema
from scr_timeline._prebuilt import regex, searched_fact
from scr_timeline.exceptions import ChronologyReadError

__all__ = [
    "LEFT",
    "WORD",
    "Entries",
    "Found",
    "Pool",
    "Resolver",
    "build_pool",
    "check_regexes",
    "clear_match_cache",
    "contains",
    "cue_pattern",
    "extract_all",
    "file_stamp",
    "masks_to_tuples",
    "phrase_regex",
    "phrase_tokens",
    "piece_or",
    "read_vocabulary",
    "row_or",
    "trie_regex",
    "window",
]

#: The text before a phrase must not be a letter or digit.
LEFT: Final = r"(?<![a-z0-9])"
#: After a phrase ending in a letter: no letter (digits allowed: "DC1", "HV2").
RIGHT_LETTER: Final = r"(?![a-z])"
#: After a phrase ending in a digit: no letter or digit ("s47" is not "s470").
RIGHT_DIGIT: Final = r"(?![a-z0-9])"

#: A regex that looks ahead or behind.
LOOKAROUND: Final = regex(r"\(\?<?[=!]")

#: Between the words of a phrase: spaces, or a hyphen ("re-referral", "re -referral"), but
#: not a dash standing between spaces, which ends a clause in a terse entry ("ICPC - report
#: submitted" attended a conference and sent a report: no "ICPC report").
_SPACE: Final = r"(?:\s+|-\s*|\s+-(?=\S))"
_HYPHEN: Final = r"[\s\-]?"
_AND: Final = r"\s*(?:&|and)\s*"
_DOT: Final = r"\.?\s?"
_SLASH: Final = r"\s*/\s*"
_APOSTROPHE: Final = "'?"
#: ``re.escape`` of each character it changes (one look-up per character of a phrase).
_ESCAPED: Final = {c: re.escape(c) for c in map(chr, range(128)) if re.escape(c) != c}
_CURLY = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})


# --- phrases as regular expressions ---------------------------------------------------------
# The phrase helpers below are pure and run on the same few thousand vocabulary phrases for
# every pattern a process writes, so each remembers its answers.
_PHRASES_KEPT: Final = 65_536


@functools.lru_cache(maxsize=_PHRASES_KEPT)
def normalise_phrase(text: str) -> str:
    """Lower-case a phrase, straighten quotes and collapse whitespace.

    >>> normalise_phrase("  Children’s   Social Care ")
    "children's social care"
    """
    return " ".join(str(text).translate(_CURLY).lower().split())


@functools.lru_cache(maxsize=_PHRASES_KEPT)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The regex atoms of a phrase written as words, boundaries included.

    >>> phrase_tokens("c&f")
    ('(?<![a-z0-9])', 'c', '\\\\s*(?:&|and)\\\\s*', 'f', '(?![a-z])')
    """
    text = normalise_phrase(phrase)
    atoms: list[str] = []
    words = text.split(" ")
    for i, word in enumerate(words):
        if word == "and" and 0 < i < len(words) - 1:
            atoms.append(_AND)
            continue
        if i and words[i - 1] != "and":
            atoms.append(_SPACE)
        for char in word:
            if char == "-":
                atoms.append(_HYPHEN)
            elif char == "'":
                atoms.append(_APOSTROPHE)
            elif char == "&":
                atoms.append(_AND)
            elif char == ".":
                atoms.append(_DOT)
            elif char == "/":
                atoms.append(_SLASH)
            else:
                atoms.append(_ESCAPED.get(char, char))
    if text[:1].isalnum():
        atoms.insert(0, LEFT)
    if text[-1:].isalpha():
        atoms.append(RIGHT_LETTER)
    elif text[-1:].isdigit():
        atoms.append(RIGHT_DIGIT)
    return tuple(atoms)


def phrase_regex(phrase: str) -> str:
    """One phrase written as words, as a regular expression (see the module docstring).

    >>> bool(re.fullmatch(phrase_regex("re-referral"), "re referral"))
    True
    """
    return "".join(phrase_tokens(phrase))


def wrap_regex(pattern: str) -> str:
    """A phrase written as a regex, with the standard word boundaries around it."""
    return f"{LEFT}(?:{pattern}){RIGHT_LETTER}"


_Trie = dict[str, "_Trie"]
_END: Final = "\x00end"
_BOUNDARIES: Final = (RIGHT_LETTER, RIGHT_DIGIT)
#: Regex atoms that do not stand for themselves: the literal start of a phrase ends there.
_NOT_LITERAL: Final = frozenset(" -'&./")
#: The signs among them that a phrase's regex bends (all but the space between words).
_BENDING: Final = _NOT_LITERAL - {" "}


@functools.lru_cache(maxsize=_PHRASES_KEPT)
def literal_start(phrase: str) -> str:
    """The text every match of a phrase written as words starts with (maybe empty).

    A phrase cannot match a text that does not contain it, which lets a matcher leave out
    of its pattern the phrases whose start is nowhere in the texts at hand.

    >>> literal_start("Children's social care"), literal_start("A&E"), literal_start("-x")
    ('children', 'a', '')
    """
    text = normalise_phrase(phrase)
    for i, char in enumerate(text):
        if char in _NOT_LITERAL:
            return text[:i]
    return text


_NOT_WORD: Final = regex(r"[^a-z0-9]+")
_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
_LETTERS_DIGITS: Final = _LETTERS | frozenset("0123456789")


def phrases_in(words: Mapping[str, Sequence[str]], texts: Sequence[str]) -> set[str]:
    """The phrases (keys of ``words``, each with its :func:`literal_words`) that could match
    somewhere in ``texts``: those whose every literal word occurs there, at the start of a
    word when it is all ASCII letters and digits.

    >>> words = {p: literal_words(p) for p in ("hv", "clinic", "a&e", "hv clinic")}
    >>> sorted(phrases_in(words, ["shv clinic, a&e"]))
    ['a&e', 'clinic']
    """
    blob = "\n".join(texts)
    if len(blob) <= _PREFIXES_KEPT_UP_TO:
        prefixes = _kept_word_prefixes(blob)
    else:
        prefixes = _word_prefixes(blob)
    out = set()
    for phrase, literal in words.items():
        for start in literal:
            if start.isalnum() and start.isascii():
                if start not in prefixes:
                    break
            elif start not in blob:
                break
        else:
            out.add(phrase)
    return out


#: Texts longer than this have the starts of their words found again for each vocabulary
#: (not kept: their memory would outlive the chronology; the matching dwarfs the cost).
_PREFIXES_KEPT_UP_TO: Final = 1_000_000


def _word_prefixes(blob: str) -> frozenset[str]:
    """Every start of every word of ``blob``."""
    return frozenset(w[:i] for w in set(_NOT_WORD.split(blob)) for i in range(1, len(w) + 1))


#: The same, remembered: the texts of one chronology are looked up by every vocabulary.
_kept_word_prefixes = functools.lru_cache(maxsize=4)(_word_prefixes)


@functools.lru_cache(maxsize=_PHRASES_KEPT)
def literal_words(phrase: str) -> tuple[str, ...]:
    """Text every match of a phrase written as words contains: the literal start of each
    of its words (see :func:`literal_start`), the words after "and" left out.

    Each one that is all ASCII letters and digits starts a word of the text (the phrase's
    first word after a boundary, the others after a space or hyphen).

    >>> literal_words("Children's social care"), literal_words("A and E"), literal_words("x-ray")
    (('children', 'social', 'care'), ('a',), ('x',))
    """
    words = normalise_phrase(phrase).split(" ")
    out = []
    for i, word in enumerate(words):
        if word == "and" and 0 < i < len(words) - 1:
            continue
        if i and words[i - 1] == "and":
            continue
        start = literal_start(word)
        if start:
            out.append(start)
    return tuple(out)


def _build_trie(token_lists: Iterable[tuple[str, Sequence[str]]]) -> _Trie:
    """A trie of (key, tokens) pairs; each end remembers the keys that end there."""
    trie: _Trie = {}
    for key, tokens in token_lists:
        body = list(tokens)
        end = body.pop() if body and body[-1] in _BOUNDARIES else ""
        node = trie
        for token in body:
            node = node.setdefault(token, {})
        ends = node.setdefault(_END, {})
        ends.setdefault(end, {})[key] = {}
    return trie


def _render_trie(trie: _Trie, keep: Container[str] | None = None) -> str:
    """The alternation of a trie; with ``keep``, only the branches of the keys in it (the
    others left out in place, so the branches kept are tried in the same order)."""

    def render(node: _Trie) -> str | None:
        branches = []
        for token, child in node.items():
            if token != _END:
                sub = render(child)
                if sub is not None:
                    branches.append(token + sub)
        ends = node.get(_END)
        if ends:
            kept = [e for e, keys in ends.items() if keep is None or any(k in keep for k in keys)]
            branches.extend(sorted(kept, key=len, reverse=True))
        if not branches:
            return None
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    out = render(trie) if trie else None
    return "(?!)" if out is None else out


class PhraseTrie:
    """Word phrases as one trie, written out for the phrases one agency slot may use, or
    for some of them in the places they hold there.

    ``render(slot)`` is ``trie_regex`` over the slot's phrases; ``render(slot, keep)``
    leaves out the phrases not in ``keep`` and writes the others in the same order, which
    finds the same matches in any text where the phrases left out cannot match.

    The trie is held flat: a node is a number, its token is ``tokens[node]``, and each
    phrase keeps the nodes on its path. Thousands of small node objects would cost their
    allocation, and the garbage collector's passes over them, in every process that
    reads a chronology.

    Parameters
    ----------
    words
        The word phrases, in vocabulary order (repeats allowed).
    usable
        A boolean (phrases x slots) table: may phrase ``i`` serve slot ``s``.
    """

    def __init__(self, words: Sequence[str], usable: np.ndarray) -> None:
        self.words = list(words)
        self._usable = usable
        self._columns: dict[int, list[bool]] = {}
        self._firsts: dict[int, list[int]] = {}
        self._positions: dict[str, list[int]] = {}
        self._valid: list[int] = []
        self._tokens = [""]  # node 0 is the root
        self._paths: list[tuple[int, ...]] = []  # per phrase: its nodes after the root
        self._ends: list[str] = []  # per phrase: the boundary written after its last node
        nodes: dict[str, int] = {}  # "parent \x00 token" -> node
        for i, word in enumerate(self.words):
            path: list[int] = []
            end = ""
            if normalise_phrase(word):
                self._positions.setdefault(word, []).append(i)
                self._valid.append(i)
                body = phrase_tokens(word)
                if body and body[-1] in _BOUNDARIES:
                    body, end = body[:-1], body[-1]
                node = 0
                for token in body:
                    key = f"{node}\x00{token}"
                    child = nodes.get(key)
                    if child is None:
                        child = nodes[key] = len(self._tokens)
                        self._tokens.append(token)
                    path.append(child)
                    node = child
            self._paths.append(tuple(path))
            self._ends.append(end)

    def _column(self, slot: int) -> list[bool]:
        column = self._columns.get(slot)
        if column is None:
            column = self._columns[slot] = self._usable[:, slot].tolist()
        return column

    def _first(self, slot: int) -> list[int]:
        """Per node: the first phrase the slot may use whose path runs through it (the
        order the node's branch takes among its siblings)."""
        first = self._firsts.get(slot)
        if first is None:
            usable = self._column(slot)
            first = [-1] * len(self._tokens)
            for i in self._valid:
                if usable[i]:
                    for node in self._paths[i]:
                        if first[node] < 0:
                            first[node] = i
            self._firsts[slot] = first
        return first

    def render(self, slot: int, keep: Container[str] | None = None) -> str | None:
        """The slot's alternation (None when the slot has no phrase kept)."""
        usable = self._column(slot)
        if keep is None:
            chosen = [i for i in self._valid if usable[i]]
        else:
            chosen = [i for w, at in self._positions.items() if w in keep for i in at if usable[i]]
        if not chosen:
            return None
        children: dict[int, dict[int, None]] = {}
        ends: dict[int, set[str]] = {}
        for i in chosen:
            parent = 0
            for node in self._paths[i]:
                children.setdefault(parent, {})[node] = None
                parent = node
            ends.setdefault(parent, set()).add(self._ends[i])
        first = self._first(slot).__getitem__
        tokens = self._tokens

        def render(node: int) -> str:
            branches = [tokens[c] + render(c) for c in sorted(children.get(node, ()), key=first)]
            # a phrase that ends where a longer one continues is tried last; the boundaries
            # ("", RIGHT_LETTER, RIGHT_DIGIT) differ in length, so longest first is an order
            branches.extend(sorted(ends.get(node, ()), key=len, reverse=True))
            if len(branches) == 1:
                return branches[0]
            return "(?:" + "|".join(branches) + ")"

        return render(0)


def trie_regex(token_lists: Iterable[Sequence[str]]) -> str:
    r"""One alternation matching any of the token sequences; longest first at a position.

    Shared prefixes are written once, so the regex engine decides between hundreds of
    phrases in a few steps. A phrase that ends where a longer one continues is tried
    last, so the longer phrase wins.

    >>> trie_regex([("a", "b"), ("a",)])
    'a(?:b|)'
    >>> trie_regex([("h", "v", "(?![a-z])"), ("h", "v", " ", "x", "(?![a-z])")])
    'hv(?: x(?![a-z])|(?![a-z]))'
    """
    return _render_trie(_build_trie(("", tokens) for tokens in token_lists))


def alternation(
    words: Iterable[str],
    regexes: Iterable[tuple[int, str]] = (),
    *,
    group: str | None = None,
    keep: Container[str] | None = None,
) -> str:
    """Phrases written as words (a trie) and phrases written as regexes, as one group.

    Regex phrases are tried first at each position; among word phrases the longest wins.
    ``regexes`` are ``(row number, regex)`` pairs; with ``group``, each regex that looks
    ahead or behind is captured in a group named ``{group}{row number}``, so a match says
    which row it came from (the text it matched cannot). With ``keep``, only the word
    phrases in it are written (in the places they hold in the full alternation): for
    texts where the others cannot match, the smaller pattern finds the same matches.

    >>> rx = re.compile(alternation(["no", "none"], [(7, r"nil(?= found)")], group="r"))
    >>> [(m.group(), m.lastgroup) for m in rx.finditer("none, nil found, no")]
    [('none', None), ('nil', 'r7'), ('no', None)]
    """
    phrases = [w for w in dict.fromkeys(words) if normalise_phrase(w)]
    trie = None
    if phrases and keep is None:
        trie = _render_trie(_build_trie((w, phrase_tokens(w)) for w in phrases))
    elif phrases:
        trie = _phrase_trie(tuple(phrases)).render(0, keep) or "(?!)"
    return join_alternation(regexes, trie, group=group)


@functools.lru_cache(maxsize=64)
def _phrase_trie(words: tuple[str, ...]) -> PhraseTrie:
    """A vocabulary's trie, built once, for writing it with some of its phrases."""
    return PhraseTrie(words, np.ones((len(words), 1), dtype=bool))


def join_alternation(
    regexes: Iterable[tuple[int, str]], trie: str | None, *, group: str | None = None
) -> str:
    """Regex phrases (see :func:`alternation`), then a rendered trie, as one group.

    Every regex phrase starts at a word's start (:func:`wrap_regex`); that boundary is
    written once, before all of them, so at a position inside a word the regex phrases
    cost one look-behind instead of one each (the matches are the same: the boundary is
    zero-width, and the phrases keep their order and groups). Many of them are written
    behind look-aheads for their first characters (:func:`_dispatched`).

    >>> join_alternation([(3, "nfa"), (4, "s47(?= agreed)")], None, group="r")
    '(?:(?<![a-z0-9])(?:(?:nfa)(?![a-z])|(?P<r4>(?:s47(?= agreed))(?![a-z]))))'
    """
    phrases = []
    bodies = []
    for number, phrase in regexes:
        phrases.append(phrase)
        body = f"(?:{phrase}){RIGHT_LETTER}"
        # only a regex that looks around needs a group: the others are recognised again
        # from the text they matched (see Resolver), and groups cost matching time
        needs_group = group is not None and LOOKAROUND.search(phrase) is not None
        bodies.append(f"(?P<{group}{number}>{body})" if needs_group else body)
    parts = []
    if bodies:
        if len(bodies) >= _DISPATCH_FROM:
            parts.append(f"{LEFT}{_dispatched(bodies, phrases)}")
        else:
            parts.append(f"{LEFT}(?:{'|'.join(bodies)})")
    if trie is not None:
        parts.append(trie)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


#: Regex phrases in an alternation from which it is written behind look-aheads for their
#: first characters (see :func:`_dispatched`); fewer cost less as they are.
_DISPATCH_FROM: Final = 8


def _dispatched(bodies: Sequence[str], phrases: Sequence[str]) -> str:
    """Regex phrases' ``bodies`` (see :func:`join_alternation`) as one alternation, in
    their order, halved again and again, each half behind a look-ahead for the
    characters its phrases' matches can start with.

    The regex engine tries the alternatives of a group one after the other, and passes
    over one cheaply only when it opens with a plain character; a regex phrase that
    opens with a group, a look-around or a choice is entered, at the start of every
    word, before it fails (a few hundred of them were most of the time of matching a
    sentence). Behind the look-aheads a position enters only the halves that hold a
    phrase that can start with its character, a few look-aheads deep. The phrases keep
    their order and are written once each, so the first one that matches at a position
    is the one the plain alternation takes: the same matches, groups and rows. A half
    holding a phrase whose start cannot be read off (a class such as ``\\d``, any
    character, a flag), or that can match nothing, has no look-ahead.

    >>> _dispatched(["(?:ab)", "(?:b|c)", "(?:.x)", "(?:d)"], ["ab", "b|c", ".x", "d"])
    '(?:(?=[abc])(?:(?=a)(?:ab)|(?=[bc])(?:b|c))|(?:(?:.x)|(?=d)(?:d)))'
    """
    heads = [_phrase_head(phrase) for phrase in phrases]

    def half(lo: int, hi: int) -> tuple[str, frozenset[str] | None]:
        if hi - lo == 1:
            return bodies[lo], heads[lo]
        mid = (lo + hi) // 2
        parts = []
        union: frozenset[str] | None = frozenset()
        for start, end in ((lo, mid), (mid, hi)):
            inner, chars = half(start, end)
            parts.append(inner if chars is None else f"(?={_char_class(sorted(chars))}){inner}")
            union = None if union is None or chars is None else union | chars
        return "(?:" + "|".join(parts) + ")", union

    return half(0, len(bodies))[0]


@functools.lru_cache(maxsize=_PHRASES_KEPT)
def _phrase_head(phrase: str) -> frozenset[str] | None:
    """The characters every match of a regex phrase starts with; None when not known or
    when it can match nothing (it may then match anywhere)."""
    try:
        parsed = _parser.parse(phrase, 0)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    chars, empty = _sequence_starts(parsed)
    return None if chars is None or empty or not chars else frozenset(chars)


def _char_class(chars: Sequence[str]) -> str:
    """Characters as a regex matching any one of them."""
    escaped = "".join(c if c.isalnum() and c.isascii() else "\\" + c for c in chars)
    return escaped if len(chars) == 1 else f"[{escaped}]"


#: A word inside a cue's reach (letters, digits and the punctuation words are made of).
WORD: Final = r"[a-z0-9'()&/-]+"


def window(words: int, *, breakers: str | None = None, gaps: str = r"[\s,]") -> str:
    r"""Up to ``words`` words, none of them a breaker, each after a gap; as few as possible.

    >>> bool(re.fullmatch(window(2), " any further"))
    True
    """
    guard = f"(?!{breakers})" if breakers else ""
    return rf"(?:{gaps}+{guard}{WORD}){{0,{words}}}?"


def cue_pattern(
    hits: str,
    *,
    before: Sequence[tuple[str, str, str]] = (),
    after: Sequence[tuple[str, str, str]] = (),
    gaps: str = r"[\s,]",
) -> str:
    """A regex finding ``hits`` (group ``hit``) with the cues around each one.

    Each ``before`` item is ``(name, cue alternation, window)``: group ``name`` holds the
    cue when the hit follows it within the window. Each ``after`` item is ``(name, cue
    alternation, window)``: group ``name`` holds the window and cue that follow the hit (a
    lookahead, so a cue never swallows the next hit). A hit that starts where a cue starts
    is taken as a hit ("no access visit" is a phrase, not "no" + "access visit").

    >>> rx = re.compile(cue_pattern("(?:no access visit|visit)",
    ...                             before=[("pre", "(?:no)", window(1))]))
    >>> [(m["hit"], m["pre"]) for m in rx.finditer("visit; no home visit; no access visit")]
    [('visit', None), ('visit', 'no'), ('no access visit', None)]
    """
    source = ""
    if before:
        cues = "|".join(f"(?P<{name}>{alt}){win}" for name, alt, win in before)
        source += f"(?:(?:{cues}){gaps}*)??"
    source += f"(?P<hit>{hits})"
    for name, alt, win in after:
        source += f"(?:(?=(?P<{name}>{win}{gaps}*{alt})))?"
    return source


# --- vocabulary files -----------------------------------------------------------------------
def file_stamp(path: str | os.PathLike[str] | None) -> tuple[str, int] | None:
    """A vocabulary file as (absolute path, modification time): the key compiled matchers are
    cached under, so an edited file is read again. ``None`` for the shipped vocabulary alone.

    Raises
    ------
    ChronologyReadError
        The file cannot be read.
    """
    if path is None:
        return None
    resolved = os.path.abspath(os.fspath(path))
    try:
        return resolved, os.stat(resolved).st_mtime_ns
    except OSError as err:
        raise ChronologyReadError(
            f"cannot read the vocabulary file: {err.strerror}", file=os.fspath(path)
        ) from err


#: Where the rows of a shipped vocabulary come from (their ``_source``).
SHIPPED: Final = "scr_timeline/data/"


def check_regexes(table: pd.DataFrame, what: str) -> None:
    """Compile every ``match == "regex"`` phrase a user's file adds to a vocabulary table
    (with its ``_source`` column) so a bad pattern is reported with its file, not when
    text is first matched. The shipped phrases are checked by the test suite.

    Raises
    ------
    ChronologyReadError
        A pattern does not compile.
    """
    users = table.loc[(table["match"] == "regex") & ~table["_source"].str.startswith(SHIPPED)]
    for phrase, source in zip(users["phrase"], users["_source"], strict=True):
        try:
            re.compile(phrase)
        except re.error as err:
            raise ChronologyReadError(
                f"a regular expression in the {what} does not compile ({err})",
                file=str(source),
                found=phrase,
            ) from err


def _read_csv(source: str | os.PathLike[str]) -> pd.DataFrame:
    try:
        return pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ChronologyReadError(
            f"cannot read the vocabulary file: {err}", file=os.fspath(source)
        ) from err


def _shipped_table(
    package_file: str, required: tuple[str, ...], defaults: tuple[tuple[str, str], ...]
) -> pd.DataFrame:
    """A shipped vocabulary file as :func:`_checked_table` would make it, read with the
    csv module (pandas' reader and string methods cost more than the file, on every first
    chronology a process reads). The files are ours: every row has every cell."""
    text = (resources.files("scr_timeline") / "data" / package_file).read_text(encoding="utf-8")
    header, *rows = (row for row in csv.reader(io.StringIO(text)) if row)
    position = {name.strip().lower(): i for i, name in enumerate(header)}
    columns: dict[str, list[str]] = {}
    for name in required:
        columns[name] = [row[position[name]].strip() for row in rows]
    for name, default in defaults:
        at = position.get(name)
        cells = [row[at].strip() for row in rows] if at is not None else [""] * len(rows)
        columns[name] = [cell or default for cell in cells]
    keep = [i for i, phrase in enumerate(columns[required[0]]) if phrase]
    data = {name: [cells[i] for i in keep] for name, cells in columns.items()}
    data["_source"] = [SHIPPED + package_file] * len(keep)
    return pd.DataFrame(data, dtype="str")


def _checked_table(
    where: str,
    table: pd.DataFrame,
    required: tuple[str, ...],
    defaults: tuple[tuple[str, str], ...],
) -> pd.DataFrame:
    """A vocabulary file's table with its columns checked, trimmed and defaulted."""
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise ChronologyReadError(
            f"the vocabulary file lacks the column(s) {', '.join(missing)}",
            file=where,
            found=list(table.columns),
            expected=f"columns {', '.join(required)}",
        )
    for column, default in defaults:
        if column not in table.columns:
            table[column] = default
    columns = [*required, *(c for c, _ in defaults)]
    table = table.loc[:, columns].astype(object)
    for column in columns:
        table[column] = table[column].astype(str).str.strip()
    for column, default in defaults:
        table.loc[table[column] == "", column] = default
    table = table.loc[table[required[0]] != ""]
    table["_source"] = where
    return table


@functools.lru_cache(maxsize=64)
def _vocabulary(
    package_file: str,
    user: tuple[str, int] | None,
    required: tuple[str, ...],
    defaults: tuple[tuple[str, str], ...],
    key: tuple[str, ...],
) -> pd.DataFrame:
    shipped = _shipped_table(package_file, required, defaults)
    if user is None:
        return shipped
    checked = [shipped, _checked_table(user[0], _read_csv(user[0]), required, defaults)]
    table = pd.concat(checked, ignore_index=True)
    ident = table[required[0]].map(normalise_phrase)
    for column in key[1:]:
        ident = ident + "\x1f" + table[column].str.lower()
    table = table.loc[~ident.duplicated(keep="last")]
    return table.reset_index(drop=True)


def read_vocabulary(
    package_file: str,
    path: str | os.PathLike[str] | None,
    *,
    required: tuple[str, ...],
    defaults: Mapping[str, str] | None = None,
    key: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Read a shipped vocabulary file, extended by a user's file when ``path`` is given.

    ``required[0]`` is the phrase column. Rows of the user's file whose ``key`` columns
    (default: the phrase, normalised) read the same as a shipped row replace it. The
    result is cached per file and modification time; a copy is returned.

    Raises
    ------
    ChronologyReadError
        The file cannot be read or lacks a required column.
    """
    user = None
    if path is not None:
        resolved = Path(path).resolve()
        try:
            user = (str(resolved), resolved.stat().st_mtime_ns)
        except OSError as err:
            raise ChronologyReadError(
                f"cannot read the vocabulary file: {err.strerror}", file=os.fspath(path)
            ) from err
    table = _vocabulary(
        package_file,
        user,
        tuple(required),
        tuple((defaults or {}).items()),
        tuple(key or (required[0],)),
    )
    return table.copy()


def check_codes(table: pd.DataFrame, column: str, allowed: Iterable[str], what: str) -> None:
    """Raise ChronologyReadError when ``column`` holds codes outside ``allowed``."""
    allowed_set = set(allowed)
    values = {v for cell in set(table[column].tolist()) for v in split_codes(cell)}
    unknown = sorted(values - allowed_set)
    if unknown:
        bad = table.loc[table[column].map(lambda c: bool(set(split_codes(c)) - allowed_set))]
        raise ChronologyReadError(
            f"the vocabulary names unknown {what}",
            file=str(bad["_source"].iloc[0]),
            found=unknown,
            expected=f"one of {', '.join(sorted(allowed_set))}",
        )


def split_codes(cell: str) -> list[str]:
    """Codes in a cell separated by spaces, commas, semicolons or '|'.

    >>> split_codes("gp; -police|csc")
    ['gp', '-police', 'csc']
    """
    return list(_codes(str(cell)))


@functools.lru_cache(maxsize=1024)
def _codes(cell: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,;|]+", cell.strip().lower()) if c)


def agency_mask(cell: str) -> np.ndarray:
    """Which recording agencies (plus a last slot for an unknown agency) a phrase serves.

    Empty: all. Codes: only those. Codes with a leading '-': all but those.

    >>> agency_mask("-csc")[:3].tolist()
    [False, True, True]
    """
    codes = split_codes(cell)
    n = len(schema.AGENCIES) + 1
    if not codes:
        return np.ones(n, dtype=bool)
    include = [c for c in codes if not c.startswith("-")]
    exclude = [c[1:] for c in codes if c.startswith("-")]
    mask = np.zeros(n, dtype=bool) if include else np.ones(n, dtype=bool)
    for code in include:
        mask[schema.AGENCIES.index(code)] = True
    for code in exclude:
        mask[schema.AGENCIES.index(code)] = False
    return mask


# --- matching phrases found in text back to the vocabulary rows ------------------------------
_REGEX_SPECIAL: Final = frozenset("\\.^$*+?{}[]()|")
_QUANTIFIERS: Final = frozenset("*+?{")


def _top_level(pattern: str) -> list[str] | None:
    """A regex cut at the alternatives of its top level (None: its groups do not close)."""
    parts = []
    depth = 0
    cut = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":  # a class: up to its closing bracket ("[]" and "[^]" open one)
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            if i >= len(pattern):
                return None
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            parts.append(pattern[cut:i])
            cut = i + 1
        i += 1
    return [*parts, pattern[cut:]] if depth == 0 else None


def regex_prefixes(pattern: str) -> tuple[str, ...]:
    """Texts one of which every match of a regular expression starts with (conservative:
    none when that cannot be read off simply).

    Each alternative gives the plain characters it opens with, less the last one when a
    quantifier follows it; an alternative that opens with a group, the texts of the
    group's alternatives, unless the group may be skipped.

    >>> regex_prefixes("attend(?:ed|s)? (?:at )?"), regex_prefixes("discharged? to")
    (('attend',), ('discharge',))
    >>> regex_prefixes(r"(?:tm|sm)\\d* agreed|manager"), regex_prefixes("(?:self )?presented")
    (('tm', 'sm', 'manager'), ())
    """
    parts = _top_level(pattern)
    if parts is None:
        return ()
    out: list[str] = []
    for part in parts:
        end = 0
        while end < len(part) and part[end] not in _REGEX_SPECIAL:
            end += 1
        if part[end : end + 1] in _QUANTIFIERS:
            end -= 1
        if end > 0:
            out.append(part[:end])
            continue
        if not part.startswith("(") or (part.startswith("(?") and not part.startswith("(?:")):
            return ()  # a sign, a class, a look-around or flags first
        close = _closing(part)
        if close is None or part[close + 1 : close + 2] in _QUANTIFIERS:
            return ()
        inner = regex_prefixes(part[3 if part.startswith("(?:") else 1 : close])
        if not inner:
            return ()
        out.extend(inner)
    return tuple(dict.fromkeys(out))


def _closing(pattern: str) -> int | None:
    """Where the group that opens ``pattern`` closes."""
    for end in range(1, len(pattern)):
        if pattern[end] == ")" and _top_level(pattern[1:end]) is not None:
            return end
    return None


def _spaced_end(hit: str, words: tuple[str, ...], after: frozenset[str]) -> int:
    """Where the regex of a phrase of plain words joined by single spaces ends when it
    matches ``hit`` from its start (0: no match): each word as written, then what
    ``_SPACE`` matches (spaces; or a hyphen, then spaces; or spaces, then a hyphen
    against the next word), the next word starting with neither."""
    if not hit.startswith(words[0]):
        return 0
    end = len(words[0])
    for word in words[1:]:
        run = end + 1 if hit.startswith("-", end) else end
        while run < len(hit) and hit[run].isspace():
            run += 1
        if run > end and hit[end] != "-" and hit.startswith("-", run):
            run += 1  # "re -referral"; a dash between spaces ends the clause
            if run == len(hit) or hit[run].isspace():
                return 0
        if run == end or not hit.startswith(word, run):
            return 0
        end = run + len(word)
    return 0 if hit[end : end + 1] in after else end


# --- the characters a regex's matches start with -------------------------------------------
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_WIDEST_RANGE = 256


def _sequence_starts(items: Any) -> tuple[set[str] | None, bool]:
    """(characters a match of the sequence can start with, can it match nothing), or
    (None, False) when that cannot be read off simply."""
    chars: set[str] = set()
    for op, av in items:
        first, empty = _item_starts(op, av)
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _item_starts(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE and value[1] - value[0] <= _WIDEST_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:  # a negated set, a category (\d, \w, \s), a wide range
                return None, False
        return chars, False
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _sequence_starts(sub)
    if op is C.ATOMIC_GROUP:
        return _sequence_starts(av)
    if op is C.BRANCH:
        chars, empty = set[str](), False
        for alternative in av[1]:
            first, nothing = _sequence_starts(alternative)
            if first is None:
                return None, False
            chars |= first
            empty = empty or nothing
        return chars, empty
    if op in _REPEATS:
        low, _, sub = av
        first, empty = _sequence_starts(sub)
        return (None, False) if first is None else (first, empty or low == 0)
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False  # any character, a back-reference, a conditional...


def match_starts(source: str) -> frozenset[str] | None:
    """The characters every non-empty match of ``source`` can start with (None: not
    known: a class such as ``\\d``, any character, a flag...).

    >>> sorted(match_starts(r"(?<![a-z])(?:^|x )(?:online )?ref")), match_starts(r"\\d+ days")
    (['o', 'r', 'x'], None)
    """
    try:
        parsed = _parser.parse(source, 0)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    chars, _ = _sequence_starts(parsed)
    return None if chars is None else frozenset(chars)


class Entries:
    """Vocabulary rows compiled for resolution, in file order.

    The matching pattern captures each regex phrase in its own group, which settles most
    hits; the rows here settle word phrases, and fall back for regex phrases shadowed by
    another agency's regex. A phrase of plain words is matched by hand, as its regex
    would match; another row's regex is compiled the first time a hit could be its
    phrase (only for hits starting with its literal start or :func:`regex_prefixes`).
    """

    def __init__(self, phrases: Sequence[str], kinds: Sequence[str]) -> None:
        self.is_regex = tuple(kind == "regex" for kind in kinds)
        self.phrases = tuple(phrases)
        self._starts: dict[str, list[int]] | None = None
        self._literal: list[str | tuple[str, ...]] = []  # what a hit must start with
        # a phrase without spaces or signs that bend: its text and what may not follow it
        self._plain: dict[int, tuple[str, frozenset[str]]] = {}
        # plain words joined by single spaces: the words and what may not follow the last
        self._spaced: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}
        self._words: dict[int, tuple[str, ...]] = {}
        self._always: list[int] = []
        self._fragments: dict[int, re.Pattern[str]] = {}
        # per hit, its candidates (a resolver asks for the rows of a hit and for its lines)
        self._found: dict[str, tuple[int, ...]] = {}
        # per row without a literal start: the characters its matches can start with
        self._firsts: dict[int, frozenset[str] | None] = {}

    @classmethod
    def build(cls, phrases: Sequence[str], kinds: Sequence[str]) -> Entries:
        return cls(phrases, kinds)

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: all but the candidates found per hit (the resolvers keep
        what they found for the common hits)."""
        return {**self.__dict__, "_found": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"_found": {}, "_firsts": {}, **state})

    def _index(self) -> dict[str, list[int]]:
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            literal = []
            for row, (phrase, regex) in enumerate(zip(self.phrases, self.is_regex, strict=True)):
                start: str | tuple[str, ...] = (
                    regex_prefixes(phrase) if regex else literal_start(phrase)
                )
                literal.append(start)
                text = "" if regex else normalise_phrase(phrase)
                if not regex:
                    self._words[row] = literal_words(phrase)
                # what may follow the phrase: its regex ends with a boundary by its last sign
                after = (
                    _LETTERS
                    if text[-1:].isalpha()
                    else _LETTERS_DIGITS
                    if text[-1:].isdigit()
                    else frozenset()
                )
                if start and start == text:
                    # letters, digits and signs only: the regex is the text, then a boundary
                    self._plain[row] = (start, after)
                elif text and not (set(text) & _BENDING) and "and" not in text.split(" "):
                    self._spaced[row] = (tuple(text.split(" ")), after)
                # filed under the first two characters of its start (one when it has one
                # only), so that a hit is checked against few rows
                keys = {p[:2] for p in start} if isinstance(start, tuple) else {start[:2]}
                keys.discard("")
                keys = {k for k in keys if len(k) == 1 or k[:1] not in keys}
                for key in sorted(keys):
                    starts.setdefault(key, []).append(row)
                if not start:
                    self._always.append(row)
            self._literal = literal
            self._starts = starts
        return self._starts

    def _source(self, row: int) -> str:
        phrase = self.phrases[row]
        return wrap_regex(phrase) if self.is_regex[row] else phrase_regex(phrase)

    def fragment(self, row: int) -> re.Pattern[str]:
        """The compiled regex of one row (anchored by :meth:`re.Pattern.match`)."""
        frag = self._fragments.get(row)
        if frag is None:
            frag = self._fragments[row] = regex(self._source(row))
        return frag

    def _first_characters(self, row: int) -> frozenset[str] | None:
        """The characters a match of the row's regex can start with (None: not known),
        worked out once per row."""
        if row not in self._firsts:
            self._firsts[row] = match_starts(self._source(row))
        return self._firsts[row]

    def occurs(self, row: int, texts: Sequence[str]) -> bool:
        """Does the row's phrase match anywhere in one of ``texts`` (its regex compiled
        only when its literal start occurs in one of them)."""
        self._index()
        start = self._literal[row]
        needles = (start,) if isinstance(start, str) else start
        if start and not any(needle in text for text in texts for needle in needles):
            return False
        fragment = self.fragment(row)
        return any(fragment.search(text) for text in texts)

    def candidates(self, hit: str) -> list[int]:
        """Rows whose phrase matches ``hit`` from its start, longest match first.

        A shorter phrase that ends on a word boundary inside ``hit`` is a candidate too,
        so that a longer phrase restricted to other agencies does not hide it; so is a
        regex phrase for other agencies that reads the same text.
        """
        found = self._found.get(hit)
        if found is None:
            if len(self._found) >= MATCH_CACHE_LIMIT:
                self._found.clear()
            found = self._found[hit] = tuple(self._candidates(hit))
        return list(found)

    def _candidates(self, hit: str) -> list[int]:
        starts = self._index()
        filed = starts.get(hit[:1], [])
        if len(hit) > 1 and hit[:2] in starts:
            filed = filed + starts[hit[:2]]
        rows = [r for r in filed if hit.startswith(self._literal[r])]
        if self._always:
            # a row without a literal start is matched against the hit unless no match of
            # its regex can start with the hit's first character
            first = hit[:1]
            may = [
                r for r in self._always if (f := self._first_characters(r)) is None or first in f
            ]
            rows = sorted([*rows, *may])
        found: list[tuple[int, bool, int]] = []
        for row in rows:
            plain = self._plain.get(row)
            if plain is not None:  # what the phrase's regex does, without compiling it
                start, after = plain
                end = len(start)
                if end and hit[end : end + 1] not in after:
                    found.append((-end, False, row))
                continue
            spaced = self._spaced.get(row)
            if spaced is not None:
                end = _spaced_end(hit, *spaced)
                if end:
                    found.append((-end, False, row))
                continue
            if not all(word in hit for word in self._words.get(row, ())):
                continue  # a word of the phrase is not in the hit
            m = self.fragment(row).match(hit)
            if m is not None and m.end() > 0:
                found.append((-m.end(), self.is_regex[row], row))
        found.sort()
        return [row for _, _, row in found]


#: Patterns whose regex rows' groups a :class:`Resolver` keeps found.
_GROUPS_KEPT: Final = 256


class Resolver:
    """Vocabulary row per hit and recording-agency slot, cached across calls.

    Parameters
    ----------
    entries
        The word phrases of the vocabulary.
    usable
        A boolean (vocabulary rows x agency slots) table: may row r serve agency a.
    group
        The prefix of the groups that capture regex phrases (see :func:`alternation`).
    """

    def __init__(self, entries: Entries, usable: np.ndarray, group: str) -> None:
        self.entries = entries
        self.usable = usable
        self.group = group
        # per (hit, regex row): its line in a table of rows per slot (grown by doubling)
        self._line: dict[tuple[str, int], int] = {}
        self._table = np.zeros((64, usable.shape[1]), dtype=np.int32)
        self._origin: dict[str, int] = {}
        # per pattern's group names: where its regex rows' groups are, and their rows
        self._groups: dict[tuple[str | int, ...], tuple[np.ndarray, np.ndarray]] = {}

    def regex_rows(self, found: Found) -> np.ndarray:
        """The regex row whose group matched, per match (-1: a word phrase matched)."""
        out = np.full(len(found), -1, dtype=np.int64)
        if not len(found):
            return out
        at, numbers = self._regex_groups(found.columns)
        if not len(at):
            return out
        # the groups' columns at once; where several took part, the last one's row ("==
        # None" costs numpy half what "!= None" does on an object array)
        missing = found.groups[:, at] == None  # noqa: E711 - elementwise on an object array
        hit = ~missing.all(axis=1)
        if hit.any():
            last = len(at) - 1 - np.argmin(missing[hit][:, ::-1], axis=1)
            out[hit] = numbers[last]
        return out

    def _regex_groups(self, columns: tuple[str | int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The positions of the regex rows' groups among a pattern's ``columns`` and
        their rows (worked out once per pattern: a chronology asks for each pattern
        many times)."""
        found = self._groups.get(columns)
        if found is None:
            at, numbers = [], []
            for i, column in enumerate(columns):
                name = str(column)
                if name.startswith(self.group) and name[len(self.group) :].isdigit():
                    at.append(i)
                    numbers.append(int(name[len(self.group) :]))
            if len(self._groups) >= _GROUPS_KEPT:
                self._groups.clear()
            found = self._groups[columns] = (
                np.asarray(at, dtype=np.intp),
                np.asarray(numbers, dtype=np.int64),
            )
        return found

    def matched_rows(self, hits: Sequence[str], regex_rows: np.ndarray) -> np.ndarray:
        """The vocabulary row each match came from, whatever agency it serves."""
        out = regex_rows.copy()
        for i in np.flatnonzero(out < 0).tolist():
            hit = hits[i]
            if hit not in self._origin:
                candidates = self.entries.candidates(hit)
                self._origin[hit] = candidates[0] if candidates else -1
            out[i] = self._origin[hit]
        return out

    def rows(self, hits: Sequence[str], regex_rows: np.ndarray) -> np.ndarray:
        """A (matches x slots) table of vocabulary rows, -1 where none applies."""
        lines = self.lines(hits, regex_rows)  # may grow the table: read it after
        return self._table[lines]

    def lines(self, hits: Sequence[str], regex_rows: np.ndarray) -> np.ndarray:
        """Per match, its line in :attr:`table` (vocabulary rows per slot): a caller that
        needs one slot or two reads those columns only, not the whole (matches x slots)
        table."""
        n_slots = self.usable.shape[1]
        keys = list(zip(hits, regex_rows.tolist(), strict=True))
        line = self._line
        for key in dict.fromkeys(keys):
            if key in line:
                continue
            hit, regex_row = key
            row_for = np.full(n_slots, -1, dtype=np.int32)
            order = ([regex_row] if regex_row >= 0 else []) + [
                r for r in self.entries.candidates(hit) if r != regex_row
            ]
            for row in order:
                row_for[(row_for < 0) & self.usable[row]] = row
            if len(line) == len(self._table):
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._table[len(line)] = row_for
            line[key] = len(line)
        return np.array([line[k] for k in keys], dtype=np.int64)

    @property
    def table(self) -> np.ndarray:
        """The vocabulary row per line (see :meth:`lines`) and slot, -1 where none applies."""
        return self._table


# --- patterns written for the texts at hand ----------------------------------------------
#: Per use of a pattern written for the texts at hand, what it costs besides its phrases
#: (the cues, the regex phrases), as a share of the full pattern.
WRITTEN_OVERHEAD: Final = 0.5
#: Patterns written for texts at hand kept compiled, per vocabulary pattern.
_WRITTEN_KEPT: Final = 64


def spent(kept: int, total: int) -> float:
    """The cost of a pattern written with ``kept`` of ``total`` phrases, as a share of the
    full pattern's (see :class:`VocabularyPattern`)."""
    return WRITTEN_OVERHEAD + kept / max(total, 1)


class VocabularyPattern:
    """A pattern over a vocabulary, written only with the phrases that could match.

    ``write(keep)`` returns the pattern's source with only the word phrases in ``keep``
    (every one for None), through :func:`alternation`'s ``keep``. For the first uses in a
    process, :meth:`for_texts` writes the pattern with the phrases whose literal start
    occurs in the texts (see :func:`phrases_in`): on those texts it finds what the full
    pattern finds, and compiling it costs a fraction of the full one. Once the patterns
    written so far have cost about what the full one would (by the share of the phrases
    they hold), the full pattern is compiled, once, and used from then on: a process
    reading one chronology never compiles it, a process reading many pays for it at most
    twice.

    >>> vp = VocabularyPattern(lambda keep: alternation(["hv", "gp"], keep=keep), ["hv", "gp"])
    >>> pattern, whole = vp.for_texts(["gp1 seen"])
    >>> pattern.pattern, whole, vp.full.pattern
    ('(?:(?<![a-z0-9])gp(?![a-z]))', False, '(?:(?<![a-z0-9])(?:hv(?![a-z])|gp(?![a-z])))')
    """

    def __init__(
        self, write: Callable[[Container[str] | None], str], phrases: Iterable[str]
    ) -> None:
        self._write = write
        self._phrases = tuple(dict.fromkeys(phrases))
        self._starts: dict[str, tuple[str, ...]] | None = None
        self._full: re.Pattern[str] | None = None
        self._written: dict[str, re.Pattern[str]] = {}
        self._spent = 0.0

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps (the matchers' snapshot): the full pattern, which must be
        compiled, and the phrases; the writer (a closure) and the patterns written for
        texts are left out, as the full pattern serves every text from then on."""
        if self._full is None:
            raise TypeError("a VocabularyPattern is pickled only once its full pattern is compiled")
        return {**self.__dict__, "_write": None, "_written": {}, "_spent": 1.0}

    @property
    def full(self) -> re.Pattern[str]:
        """The pattern with every phrase (compiled on first use)."""
        if self._full is None:
            self._full = re.compile(self._write(None))
        return self._full

    def for_texts(self, texts: Sequence[str]) -> tuple[re.Pattern[str], bool]:
        """A pattern finding in ``texts`` what the full pattern finds, and whether it is
        the full pattern (whose matches are worth remembering)."""
        if self._full is not None or self._spent >= 1:
            return self.full, True
        if self._starts is None:
            self._starts = {w: literal_words(w) for w in self._phrases}
        keep = phrases_in(self._starts, texts)
        self._spent += spent(len(keep), len(self._phrases))
        source = self._write(keep)
        pattern = self._written.get(source)
        if pattern is None:
            if len(self._written) >= _WRITTEN_KEPT:
                self._written.clear()
            pattern = self._written[source] = re.compile(source)
        return pattern, False


# --- matching distinct texts, remembered across calls ----------------------------------------
#: Distinct texts remembered per compiled pattern; past this many the memory starts again.
MATCH_CACHE_LIMIT: Final = 200_000
_Matches = list[Any]  # what re.Pattern.findall gives
_FOUND: dict[re.Pattern[str], dict[str, _Matches]] = {}
_CONTAINS: dict[re.Pattern[str], dict[str, bool]] = {}
_V = TypeVar("_V")


def _memory(store: dict[re.Pattern[str], dict[str, _V]], pattern: re.Pattern[str]) -> dict[str, _V]:
    memo = store.get(pattern)
    if memo is None or len(memo) > MATCH_CACHE_LIMIT:
        memo = store[pattern] = {}
    return memo


def clear_match_cache() -> None:
    """Forget the matches remembered by :func:`extract_all` and :func:`contains` (for
    benchmarks that time matching text the process has not seen)."""
    _FOUND.clear()
    _CONTAINS.clear()


@dataclass(frozen=True, slots=True)
class Found:
    """Every match of a pattern in a list of texts, as ``Series.str.extractall`` finds
    them (a group that matched nothing or the empty string is None), without the frame.

    Attributes
    ----------
    piece, match_no
        Per match: which text (its position) and which match within that text.
    columns
        The group names, unnamed groups by number (as pandas names the columns).
    groups
        Per match, the groups in order (an object array, matches x groups).
    """

    piece: np.ndarray
    match_no: np.ndarray
    columns: tuple[str | int, ...]
    groups: np.ndarray
    # per group asked about: did it take part, per match (the classifiers ask again)
    _taken: dict[str | int, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.piece)

    def column(self, name: str | int) -> np.ndarray:
        """One group per match (object array, None where it did not take part)."""
        return self.groups[:, self.columns.index(name)]

    def _took_part(self, name: str | int) -> np.ndarray:
        taken = self._taken.get(name)
        if taken is None:
            taken = self._taken[name] = self.column(name) != None  # noqa: E711 - elementwise
        return taken

    def has(self, *names: str | int) -> np.ndarray:
        """Per match: did any of the groups ``names`` take part (a new array)."""
        if len(names) == 1:
            return self._took_part(names[0]).copy()
        out = np.zeros(len(self.piece), dtype=bool)
        for name in names:
            out |= self._took_part(name)
        return out

    def text(self, name: str | int) -> list[str]:
        """One group per match as text ("" where it did not take part)."""
        return [g or "" for g in self.column(name).tolist()]


def extract_all(
    texts: Sequence[str] | pd.Series, pattern: re.Pattern[str], *, remember: bool = True
) -> Found:
    """Every match of ``pattern`` in each text (what ``Series.str.extractall`` gives).

    Each distinct text is searched once per process: the matches are remembered with the
    compiled pattern, so the sentences chronologies share ("Home visit.", "NFA.") cost a
    dictionary look-up in every later chronology. ``remember=False``: a pattern written for
    these texts only, whose matches would never be looked up again.

    >>> found = extract_all(["a1 b2", "c"], re.compile(r"(?P<l>[a-z])(\\d)?"))
    >>> found.piece.tolist(), found.match_no.tolist(), found.columns
    ([0, 0, 1], [0, 1, 0], ('l', 1))
    >>> found.groups.tolist()
    [['a', '1'], ['b', '2'], ['c', None]]
    """
    if isinstance(texts, pd.Series):
        texts = texts.tolist()
    n_groups = pattern.groups
    if not n_groups:
        raise ValueError("pattern contains no capture groups")
    names = {index: name for name, index in pattern.groupindex.items()}
    columns = tuple(names.get(1 + i, i) for i in range(n_groups))
    memo = _memory(_FOUND, pattern) if remember else {}
    per_text: list[Any] = list(map(memo.get, texts))  # None: not searched yet
    for i in [i for i, matches in enumerate(per_text) if matches is None]:
        text = texts[i]
        found = memo.get(text) if isinstance(text, str) else []
        if found is None:  # not a repeat of a text searched above
            found = memo[text] = pattern.findall(text)
        per_text[i] = found
    counts = np.fromiter(map(len, per_text), dtype=np.int64, count=len(per_text))
    total = int(counts.sum())
    groups = np.empty((total, n_groups), dtype=object)
    if total:
        # findall gives each match's text (one group) or its groups (several), "" for a
        # group that matched nothing or did not take part: None, as pandas has it
        flat = list(itertools.chain.from_iterable(per_text))
        if n_groups == 1:
            groups[:, 0] = flat
        else:
            groups[:] = flat
        groups[groups == ""] = None
    piece = np.repeat(np.arange(len(per_text), dtype=np.int64), counts)
    starts = np.cumsum(counts) - counts
    match_no = np.arange(total, dtype=np.int64) - np.repeat(starts, counts)
    return Found(piece, match_no, columns, groups)


def contains(
    texts: Sequence[str] | pd.Series, pattern: re.Pattern[str], *, remember: bool = True
) -> np.ndarray:
    """Per text: does ``pattern`` occur in it (``Series.str.contains``; each distinct text
    searched once per process, as in :func:`extract_all`).

    >>> contains(["no marks", "marks"], re.compile(r"^no")).tolist()
    [True, False]
    """
    if isinstance(texts, pd.Series):
        texts = texts.tolist()
    memo = _memory(_CONTAINS, pattern) if remember else {}
    out = list(map(memo.get, texts))  # None: not searched yet
    todo = [i for i, hit in enumerate(out) if hit is None]
    if todo:
        search = quick_pattern(pattern, len(todo)).search
        needed = literal_filter(pattern, len(todo))
        if needed is None:
            for i in todo:
                text = texts[i]
                hit = memo.get(text)
                if hit is None:  # not a repeat of a text searched above
                    hit = memo[text] = isinstance(text, str) and search(text) is not None
                out[i] = hit
        else:  # a text holding none of the literals every match needs is not searched
            holds = needed.search
            for i in todo:
                text = texts[i]
                hit = memo.get(text)
                if hit is None:
                    hit = memo[text] = (
                        isinstance(text, str)
                        and holds(text) is not None
                        and search(text) is not None
                    )
                out[i] = hit
    return np.array(out, dtype=bool)


#: Texts to search at once from which :func:`quick_pattern` writes and compiles a pattern
#: the file does not hold (below, compiling it would cost more than it saves).
_QUICK_FROM_TEXTS: Final = 4096
#: Patterns :func:`quick_pattern` answered, by pattern (None: the pattern itself).
_QUICK: dict[re.Pattern[str], re.Pattern[str] | None] = {}
_QUICK_KEPT: Final = 256


def searched_patterns() -> list[re.Pattern[str]]:
    """The patterns :func:`contains` searched texts with in this process (see
    :func:`scr_timeline._prebuilt.build`)."""
    return list(_CONTAINS)


def quick_pattern(
    pattern: re.Pattern[str], n_texts: int = 0, *, force: bool = False
) -> re.Pattern[str]:
    """A pattern that matches at exactly the places ``pattern`` matches (so it finds a
    match in the same texts), written to be searched faster: when ``pattern`` is an
    alternation of many parts (a vocabulary's rows joined by ``|``), the parts behind
    look-aheads for their first characters (see :func:`_dispatched`). A position then
    enters only the parts that can match there, where the engine entered every part
    that opens with a group or a choice at every character of the text.

    The rewritten pattern of each shipped matcher's pattern is kept by the prebuilt
    file; another is written and compiled only for ``n_texts`` of at least
    ``_QUICK_FROM_TEXTS`` (or with ``force``); otherwise ``pattern`` itself is used.

    >>> rx = re.compile("|".join(f"(?:{w}(?:s|es)?)" for w in "abcdefghij"))
    >>> quick = quick_pattern(rx, force=True)
    >>> quick.pattern.startswith("(?:(?=[abcde])"), bool(quick.search("x ds")), quick.search("xyz")
    (True, True, None)
    """
    quick = _QUICK.get(pattern, pattern)
    if quick is not pattern:
        return quick or pattern
    kept = quick_source.kept(pattern)  # type: ignore[attr-defined]
    if kept is None and not force and n_texts < _QUICK_FROM_TEXTS:
        return pattern  # (asked again with more texts, it may be written then)
    source = kept[0] if kept is not None else quick_source(pattern)
    found = None
    if source is not None:
        try:
            found = regex(source, pattern.flags)
        except re.error:  # a flag written inline at the start ("(?m)^..."): as written
            found = None
    if len(_QUICK) >= _QUICK_KEPT:
        _QUICK.clear()
    _QUICK[pattern] = found
    return found or pattern


@searched_fact
def quick_source(pattern: re.Pattern[str]) -> str | None:
    """The source of :func:`quick_pattern`'s pattern for ``pattern`` (None: none
    quicker: not an alternation of enough parts whose starts can be read off, or a
    flag that changes what a character matches)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    parts = _top_level(pattern.pattern)
    if parts is None or len(parts) < _DISPATCH_FROM:
        return None
    if all(_phrase_head(part) is None for part in parts):
        return None
    return _dispatched(parts, parts)


#: Patterns :func:`literal_filter` answered, by pattern (None: no filter).
_FILTER: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def literal_filter(
    pattern: re.Pattern[str], n_texts: int = 0, *, force: bool = False
) -> re.Pattern[str] | None:
    """A pattern of plain strings one of which every match of ``pattern`` holds (see
    :func:`required_source`), or None. A text it does not find in cannot match
    ``pattern``: searching for a few strings costs a fraction of searching with an
    alternation of many phrases, most of whose texts do not match (the child-seen cues
    match one piece in five).

    As for :func:`quick_pattern`: the filter of each shipped matcher's pattern is kept by
    the prebuilt file; another is worked out only for ``n_texts`` of at least
    ``_QUICK_FROM_TEXTS`` (or with ``force``).

    >>> rx = re.compile(r"(?:child|baby) (?:was )?seen|examined")
    >>> literal_filter(rx, force=True).pattern
    'examined|child|baby'
    """
    if pattern in _FILTER:
        return _FILTER[pattern]
    kept = required_source.kept(pattern)  # type: ignore[attr-defined]
    if kept is None and not force and n_texts < _QUICK_FROM_TEXTS:
        return None
    source = kept[0] if kept is not None else required_source(pattern)
    found = regex(source) if source is not None else None
    if len(_FILTER) >= _QUICK_KEPT:
        _FILTER.clear()
    _FILTER[pattern] = found
    return found


@searched_fact
def required_source(pattern: re.Pattern[str]) -> str | None:
    """A regex alternation of plain strings, one of which every match of ``pattern``
    holds as written (case kept), or None when no such strings can be read from it.

    Only plain structure is read (runs of literal characters, groups, alternatives):
    anything else (classes, repeats, look-arounds) is passed over, so a text holding
    none of the strings cannot match. None for a pattern ignoring case.

    >>> required_source(re.compile(r"\\bno (?:home )?visit|nfa"))
    'visit|nfa'
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = required_literals(list(parsed))
    if not found:
        return None
    return "|".join(re.escape(text) for text in sorted(found, key=lambda t: (-len(t), t)))


def required_literals(
    items: list[tuple[Any, Any]], *, lower: bool = False
) -> frozenset[str] | None:
    """Strings one of which every match of a parsed sequence holds (None: none known);
    of the sequence's candidates, the one whose shortest string is longest. With ``lower``
    (a pattern searched case-free) the strings are lower-cased and groups with flags of
    their own are read too; without it such groups are passed."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(option: frozenset[str] | None) -> None:
        nonlocal best
        if option and all(option) and (best is None or min(map(len, option)) > min(map(len, best))):
            best = option

    def end_run() -> None:
        if run:
            consider(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is C.LITERAL and av < 128:
            run.append(chr(av).lower() if lower else chr(av))
            continue
        end_run()
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if lower or (not add_flags and not del_flags):
                consider(required_literals(list(inner), lower=lower))
        elif op is C.BRANCH:
            branches = [required_literals(list(branch), lower=lower) for branch in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
    end_run()
    return best


# --- the piece pool -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Pool:
    """Narrative cells split into pieces, with the distinct pieces held once.

    Attributes
    ----------
    n_rows
        Number of rows the cells came from.
    pieces
        The distinct pieces, lower-cased, quotes straightened (a pandas Series of str).
    piece, row, field
        One entry per piece occurrence: which distinct piece, which row, and which of
        the input columns (0, 1, ...). Occurrences come field by field, rows in order
        within a field and pieces in reading order within a cell, so the position of an
        occurrence is its reading order within its row.
    ends
        Where each field's occurrences end.
    """

    n_rows: int
    pieces: pd.Series
    piece: np.ndarray
    row: np.ndarray
    field: np.ndarray
    ends: tuple[int, ...] = ()

    def upto(self, n_fields: int) -> slice:
        """The occurrences of fields ``0 .. n_fields - 1`` (they come first, in order)."""
        end = self.ends[n_fields - 1] if 0 < n_fields <= len(self.ends) else len(self.piece)
        return slice(0, end)


def _arrow_strings(values: pd.Series) -> pa.ChunkedArray:
    """A Series of text as an Arrow string or large_string chunked array.

    Arrow-backed strings pass through without a copy; numbers are cast by Arrow; a column
    mixing types is converted through its distinct values only.
    """
    try:
        # the Series' array, not the Series: pyarrow looks for ``__arrow_array__`` on what
        # it is given, and a Series answers an unknown attribute by searching its index
        # (about 20 ms a column at a million rows when the index is the events' ids)
        arr = pa.array(values.array, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        texts = pa.array([str(u) for u in uniques], type=pa.large_string())
        arr = texts.take(pa.array(codes, mask=codes < 0))
    chunked = arr if isinstance(arr, pa.ChunkedArray) else pa.chunked_array([arr])
    if pa.types.is_large_string(chunked.type) or pa.types.is_string(chunked.type):
        return chunked
    return pc.cast(chunked, pa.large_string())


#: Rows split at a time: the pieces of a slice are encoded before the next one is split, so
#: a column's text is never held again as pieces (a million rows: ~0.25 GB less at peak).
_POOL_SLICE: Final = 1 << 16


def build_pool(columns: Sequence[pd.Series], *, separator: str = ". ") -> Pool:
    """Split text columns into pieces at ``separator`` and deduplicate the pieces.

    Parameters
    ----------
    columns
        Text columns of equal length (missing values allowed); column ``i`` becomes
        ``field == i``.
    separator
        Literal text a cell is split at (Arrow's literal split; no regex per row).

    Examples
    --------
    >>> pool = build_pool([pd.Series(["Home visit. Child seen.", None]),
    ...                    pd.Series(["NFA.", "Home visit."])])
    >>> sorted(pool.pieces)
    ['child seen.', 'home visit', 'home visit.', 'nfa.']
    >>> pool.row.tolist(), pool.field.tolist()
    ([0, 0, 0, 1], [0, 0, 1, 1])
    """
    n_rows = len(columns[0]) if columns else 0
    flats: list[pa.DictionaryArray] = []  # the pieces of each slice, encoded
    rows: list[np.ndarray] = []
    fields: list[np.ndarray] = []
    ends: list[int] = []
    count = 0
    for number, column in enumerate(columns):
        if len(column) != n_rows:
            raise ValueError("all text columns must have the same length")
        offset = 0
        for chunk in _arrow_strings(column).chunks:
            for start in range(0, len(chunk), _POOL_SLICE):
                part = chunk.slice(start, _POOL_SLICE)
                if part.null_count == len(part):
                    continue
                # a line break ends a piece as a full stop does: a cue on the next line
                # ("Advised, review if worse") is not about the line above ("2cm bruise")
                part = pc.replace_substring(part, pattern="\n", replacement=separator)
                lists = pc.split_pattern(part, pattern=separator)
                encoded = pc.dictionary_encode(pc.list_flatten(lists))
                parent = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
                flats.append(
                    pa.DictionaryArray.from_arrays(
                        encoded.indices, encoded.dictionary.cast(pa.large_string())
                    )
                )
                rows.append(parent.astype(np.int64) + (offset + start))
                fields.append(np.full(len(encoded), number, dtype=np.int8))
                count += len(encoded)
            offset += len(chunk)
        ends.append(count)
    if count == 0:
        return Pool(
            n_rows,
            pd.Series([], dtype=object),
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.int8),
            tuple(0 for _ in columns),
        )
    # one dictionary for every slice: each distinct piece once, in order of first appearance
    unified = pa.chunked_array(flats).unify_dictionaries()
    dictionary = unified.chunk(0).dictionary
    piece = np.concatenate(
        [c.indices.to_numpy(zero_copy_only=False) for c in unified.chunks]
    ).astype(np.int64)
    texts = pd.Series(dictionary.to_pylist(), dtype=object)
    texts = texts.str.translate(_CURLY).str.lower()
    return Pool(
        n_rows,
        texts,
        piece,
        np.concatenate(rows),
        np.concatenate(fields),
        tuple(ends),
    )


# --- rows from pieces --------------------------------------------------------------------
def row_or(n_rows: int, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Bitwise OR of ``values`` per row (rows without values get 0).

    >>> row_or(3, np.array([0, 2, 2]), np.array([1, 2, 4], dtype=np.uint32)).tolist()
    [1, 0, 6]
    """
    out = np.zeros(n_rows, dtype=values.dtype)
    keep = np.flatnonzero(values)
    if len(keep):
        np.bitwise_or.at(out, rows[keep], values[keep])
    return out


def piece_or(pool: Pool, per_piece: np.ndarray, n_fields: int | None = None) -> np.ndarray:
    """Bitwise OR per row of a per-piece value, over the occurrences of the first
    ``n_fields`` fields (all when None); pieces whose value is 0 cost one gather only."""
    span = pool.upto(n_fields) if n_fields is not None else slice(0, len(pool.piece))
    nonzero = np.flatnonzero(per_piece)
    out = np.zeros(pool.n_rows, dtype=per_piece.dtype)
    if not len(nonzero):
        return out
    values = per_piece[pool.piece[span]]
    keep = np.flatnonzero(values)
    np.bitwise_or.at(out, pool.row[span][keep], values[keep])
    return out


def row_min(n_rows: int, rows: np.ndarray, values: np.ndarray, empty: int) -> np.ndarray:
    """Minimum of ``values`` per row (``empty`` where a row has none below it)."""
    out = np.full(n_rows, empty, dtype=np.int64)
    keep = values < empty
    if keep.any():
        np.minimum.at(out, rows[keep], values[keep])
    return out


def masks_to_tuples(masks: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """Bit masks to tuples of labels (bit ``i`` is ``labels[i]``), as an object array.

    Works on the distinct masks only.

    >>> masks_to_tuples(np.array([5, 0, 5], dtype=np.uint32), ["a", "b", "c"]).tolist()
    [('a', 'c'), (), ('a', 'c')]
    """
    codes, uniques = pd.factorize(masks)
    known = _LABELLED.setdefault(tuple(labels), {})
    if len(known) > _LABELLED_KEPT:
        known.clear()
    as_tuples = np.empty(len(uniques), dtype=object)
    for i, mask in enumerate(np.asarray(uniques).tolist()):
        labelled = known.get(mask)
        if labelled is None:
            labelled = known[mask] = tuple(x for b, x in enumerate(labels) if mask >> b & 1)
        as_tuples[i] = labelled
    out = as_tuples[codes] if len(codes) else np.empty(0, dtype=object)
    return out


#: Label tuples per label list and mask, remembered across chronologies (their masks repeat).
_LABELLED: dict[tuple[str, ...], dict[int, tuple[str, ...]]] = {}
_LABELLED_KEPT: Final = 65_536


def agency_slots(agency: pd.Series) -> np.ndarray:
    """Agency code index per row (``len(AGENCIES)`` for a missing or unknown agency).

    >>> agency_slots(pd.Series(["gp", None, "csc", "nowhere"])).tolist()
    [2, 18, 0, 18]
    """
    unknown = len(schema.AGENCIES)
    if isinstance(agency.dtype, pd.CategoricalDtype):
        codes = agency.cat.codes.to_numpy()
        categories = [str(c) for c in agency.cat.categories]
    else:
        codes, uniques = pd.factorize(agency)
        categories = [str(c) for c in uniques]
    lookup = np.array(
        [schema.AGENCIES.index(c) if c in schema.AGENCIES else unknown for c in categories]
        + [unknown],
        dtype=np.int64,
    )
    return lookup[np.where(codes < 0, len(categories), codes)]
