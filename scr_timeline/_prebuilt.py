"""What every process would otherwise build from the shipped data: built once at install
time, loaded ready to use.

Five things are kept, in ``_prebuilt.pickle`` beside this module:

* **The package's own regular expressions compiled** (:func:`regex`): the patterns its
  modules compile as they are imported, the date reader's, the bundled rulebooks' and
  the vocabulary rows', each as the program ``re`` compiled it to, and what the rules
  read from each rulebook pattern before searching with it (:func:`pattern_fact`).
  Compiling and reading them took a command-line run about 0.08 s.

* **The classifiers' matchers** for the shipped vocabularies (and the agency names'). Building them takes a fresh
  process about 0.3-0.5 s: writing the phrase alternations, compiling them with Python's
  ``re`` (about 65,000 characters of pattern for a first chronology), the tries and lookup
  tables. A command-line run on one chronology, and every batch worker, paid it before
  reading a row. They are kept with their full patterns compiled, each pattern as the
  program ``re`` compiled it to (loading it skips the regex parser and compiler; a
  matcher's patterns per recording agency are made ready when first used, see
  :class:`LazyPatterns`), and their caches of vocabulary hits warmed on the shipped
  samples.
* **The table of headings** the readers map a header row's cells with (about 0.015 s),
  the agency aliases' spellings, and **the bundled rulebooks parsed** (:func:`toml`).
* **The report's templates compiled** by jinja2 (about 0.07 s a run; jinja2 checks each
  against its template's source before using it).
* **The England and Wales bank holidays** of :func:`scr_timeline.calendar.bank_holidays`
  (150 years worked out by the ``holidays`` package: about 0.02 s).

:func:`refresh` (run by the Makefile after installing, as it byte-compiles the package)
writes the file when it is missing or stale. A process loads the holidays, or the
matchers, the first time one is asked for (the matchers in a few milliseconds).

The file is used only when it was built from exactly this code and this data by this
Python: its key is a digest of this module, the classifier modules, the calendar, the
schema, the shipped vocabulary files, and the versions of Python, its regex engine, NumPy
and ``holidays``. Anything else (no file, another key, a damaged file) and everything is built
as before: the file changes how fast things are ready, never what they are (tests compare
the two on the samples, generated chronologies and the classification corpus). Matchers
for a user's own vocabulary files are always built.

Only the package's own folder is read; nothing is written at run time.
"""

from __future__ import annotations

# re's own parser and compiler, and the engine's compile (Python >= 3.11): the program
# format is tied to the engine's version, which the key holds (_sre.MAGIC)
import _sre
import array
import dataclasses
import functools
import hashlib
import io
import mmap
import pickle
import re
import sys
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, AnyStr, Final, cast

import numpy as np

__all__ = [
    "FILE",
    "bank_holidays",
    "build",
    "default",
    "disabled",
    "key",
    "matcher",
    "pattern_fact",
    "refresh",
    "regex",
    "searched_fact",
    "table",
    "templates",
    "toml",
]

#: The file, beside this module.
FILE: Final = Path(__file__).with_name("_prebuilt.pickle")

#: The matchers held, by classifier module (each module's default ``_matcher_for``).
_NAMES: Final = ("events", "injuries", "roles", "seen", "counterparts", "agencies")

#: The file holds, after its key, one pickle per part, in this order (the patterns first:
#: modules compile theirs as they are imported).
_PARTS: Final = ("patterns", "holidays", "templates", "tables", "matchers")

#: Per part: whether the file was read for it, and what it gave (None: build instead).
_state: dict[str, Any] = {
    "off": False,
    "patterns": (False, None),
    "holidays": (False, None),
    "templates": (False, None),
    "tables": (False, None),
    "matchers": (False, None),
}


def key() -> str:
    """Digest of everything the matchers and holidays are built from, and of the engine
    that runs the patterns (worked out once per process: about 0.015 s)."""
    return _digest()


@functools.lru_cache(maxsize=1)
def _digest() -> str:
    digest = hashlib.sha256()
    versions = [metadata.version(name) for name in ("holidays", "jinja2")]
    for part in (sys.version, str(_sre.MAGIC), np.__version__, *versions):
        digest.update(part.encode())
    package = resources.files("scr_timeline")
    sources = [package / "_prebuilt.py", package / "schema.py", package / "calendar.py"]
    sources.append(package / "rules" / "predicates.py")  # the pattern facts' code
    sources.append(package / "io" / "headers.py")  # the headings' table's
    sources.append(package / "io" / "table.py")  # the aliases' spellings
    sources += sorted(
        (p for p in (package / "classify").iterdir() if p.name.endswith(".py")), key=str
    )
    sources += sorted((p for p in (package / "data").iterdir() if p.name.endswith(".csv")), key=str)
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


# --- compiled patterns as programs ------------------------------------------------------------
def _program(pattern: re.Pattern[Any]) -> tuple[Any, ...]:
    """The arguments ``_sre.compile`` takes for ``pattern``, as ``re.compile`` builds them."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    code = _compiler._code(parsed, pattern.flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    flags = int(pattern.flags | parsed.state.flags)
    return (
        pattern.pattern,
        flags,
        array.array(_CODE, code).tobytes(),  # (loads several times faster than a list)
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _pattern(
    source: str | bytes,
    flags: int,
    code: bytes,
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[Any]:
    """A compiled pattern from its program (see :func:`_program`)."""
    program = array.array(_CODE)
    program.frombytes(code)
    compiled: re.Pattern[Any] = _sre.compile(
        source, flags, program.tolist(), groups, groupindex, indexgroup
    )
    return compiled


#: The array type of a program's words (the engine's own code size).
_CODE: Final = next(t for t in "HILQ" if array.array(t).itemsize == _sre.CODESIZE)


class LazyPatterns(dict[Any, re.Pattern[Any]]):
    """A dict of compiled patterns that the file keeps as programs, each compiled when it
    is first asked for.

    A matcher's patterns per recording agency (the events matcher's 19, about 0.4 MB of
    program each) are loaded this way: a chronology's rows use some of the agencies, and
    turning a program back into a pattern (about 1.5 ms each) is paid only for those.
    Reading a value (``[]``, ``get``, ``values``, ``items``) gives the compiled pattern;
    it equals a dict of the same patterns.
    """

    def __getitem__(self, key: Any) -> re.Pattern[Any]:
        value: Any = super().__getitem__(key)
        if not isinstance(value, re.Pattern):  # a stored program
            value = _pattern(*value)
            super().__setitem__(key, value)
        return cast("re.Pattern[Any]", value)

    def get(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def values(self) -> Any:
        return [self[key] for key in self]

    def items(self) -> Any:
        return [(key, self[key]) for key in self]

    def copy(self) -> dict[Any, re.Pattern[Any]]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, dict) and dict(self.items()) == dict(other.items())

    __hash__ = None

    def __reduce__(self) -> Any:
        programs = {
            key: _program(value) if isinstance(value, re.Pattern) else _in_bytes(value)
            for key, value in dict.items(self)
        }
        return _lazy_patterns, (programs,)


def _in_bytes(program: tuple[Any, ...]) -> tuple[Any, ...]:
    """A stored program with its code as bytes (read from the file, the code is a view of
    the file's pages, which a pickle cannot hold)."""
    code = program[2]
    return program if isinstance(code, bytes) else (*program[:2], bytes(code), *program[3:])


def _out_of_band(program: tuple[Any, ...]) -> tuple[Any, ...]:
    """A program whose code the file keeps outside its part's pickle (see :func:`build`)."""
    return (*program[:2], pickle.PickleBuffer(program[2]), *program[3:])


def _lazy_patterns(programs: dict[Any, Any]) -> LazyPatterns:
    patterns = LazyPatterns()
    dict.update(patterns, programs)
    return patterns


class _Pickler(pickle.Pickler):
    """The file's pickler: patterns as their programs, each program's code out of band
    (given to ``buffer_callback``; see :func:`build`)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            return _pattern, _out_of_band(_program(obj))
        if isinstance(obj, LazyPatterns):
            programs = {
                key: _out_of_band(
                    _program(value) if isinstance(value, re.Pattern) else _in_bytes(value)
                )
                for key, value in dict.items(obj)
            }
            return _lazy_patterns, (programs,)
        return NotImplemented


#: A dict of patterns longer than this (in characters of source) is kept lazily (see
#: :class:`LazyPatterns`; the small ones are asked for too often to pay for the wrapper).
_LAZY_FROM: Final = 10_000


def _large_patterns(obj: Any) -> bool:
    return (
        type(obj) is dict
        and bool(obj)
        and all(isinstance(v, re.Pattern) and len(v.pattern) > _LAZY_FROM for v in obj.values())
    )


def _lazy_fields(matcher: Any) -> Any:
    """``matcher`` (about to be stored) with each of its dicts of large patterns made a
    :class:`LazyPatterns` (the pickler is not asked how to store a plain dict), and
    without the phrase tries it has cached (see :func:`_unneeded`)."""
    for field in dataclasses.fields(matcher):
        value = getattr(matcher, field.name)
        if _large_patterns(value):
            lazy = LazyPatterns()
            dict.update(lazy, value)
            object.__setattr__(matcher, field.name, lazy)  # (a frozen dataclass)
    for name in _unneeded(matcher):
        del matcher.__dict__[name]
    return matcher


def _unneeded(matcher: Any) -> list[str]:
    """The names of the phrase tries (:class:`~scr_timeline.classify._text.PhraseTrie`)
    ``matcher`` holds as cached properties. A trie serves only to write a pattern for
    some of the phrases, and a stored matcher has every full pattern compiled, which
    serves every text from then on; unpickling the events matcher's trie (thousands of
    paths and tokens) took a third of loading the matchers, in every process. A matcher
    that needs one after all builds it again when first asked (a cached property)."""
    from scr_timeline.classify._text import PhraseTrie

    held = getattr(matcher, "__dict__", {})
    return [
        name
        for name, value in held.items()
        if isinstance(value, PhraseTrie)
        and isinstance(getattr(type(matcher), name, None), functools.cached_property)
    ]


# --- the package's own patterns -------------------------------------------------------------
#: Every pattern :func:`regex` gave in this process, by source and flags (what
#: :func:`build` stores).
_compiled: dict[tuple[str | bytes, int], re.Pattern[Any]] = {}

#: The functions :func:`pattern_fact` answers, by name (:func:`forget` clears their caches).
_fact_functions: dict[str, Any] = {}

#: The functions :func:`searched_fact` answers, by name: facts of the patterns the
#: classifiers search texts with (a matcher's, compiled by ``re``), not of those
#: :func:`regex` gave.
_searched_facts: dict[str, Any] = {}


def _stored(name: str) -> dict[Any, Any]:
    patterns = _part("patterns")
    found = patterns.get(name) if isinstance(patterns, dict) else None
    return found if isinstance(found, dict) else {}


def regex(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``: from the program stored at install time when the
    file has this pattern (the same program: same source, flags and regex engine), else
    compiled. Kept for the process: unlike ``re``'s own cache, which keeps 512, this
    keeps every one, a bounded set (the package's own patterns, its vocabularies' rows
    and the rulebooks' patterns; a user's vocabulary or rulebook adds its own).

    Examples
    --------
    >>> regex(r"\bCSC\b", re.I) == re.compile(r"\bCSC\b", re.I)
    True
    """
    flags = int(flags)
    found = _compiled.get((source, flags))
    if found is None:
        program = _stored("regex").get((source, flags))
        found = _pattern(*program) if program is not None else re.compile(source, flags)
        _compiled[source, flags] = found
    return cast("re.Pattern[AnyStr]", found)


def pattern_fact(work: Callable[[re.Pattern[str]], Any]) -> Callable[[re.Pattern[str]], Any]:
    """``work`` (a function of a compiled pattern alone, defined in a module the file's
    key covers), answered from the file for every pattern :func:`regex` gave at install
    time, and cached (256 patterns) like :func:`functools.lru_cache`."""
    name = f"{work.__module__}.{work.__qualname__}"

    @functools.lru_cache(maxsize=256)
    @functools.wraps(work)  # (its name, module and examples)
    def fact(pattern: re.Pattern[str]) -> Any:
        at = (pattern.pattern, int(pattern.flags))
        stored = _stored("facts").get(name)
        return stored[at] if isinstance(stored, dict) and at in stored else work(pattern)

    _fact_functions[name] = fact
    return fact


def searched_fact(work: Callable[[re.Pattern[str]], Any]) -> Callable[[re.Pattern[str]], Any]:
    """``work`` (as for :func:`pattern_fact`) of a pattern the classifiers search texts
    with, stored at install time for each pattern searched while the shipped samples
    were read (see :func:`build`). ``kept(pattern)`` is the stored answer, None when
    the file has none (the caller decides whether working it out pays)."""
    name = f"{work.__module__}.{work.__qualname__}"

    def kept(pattern: re.Pattern[str]) -> tuple[Any] | None:
        stored = _stored("facts").get(name)
        at = (pattern.pattern, int(pattern.flags))
        return (stored[at],) if isinstance(stored, dict) and at in stored else None

    work.kept = kept  # type: ignore[attr-defined]
    _searched_facts[name] = work
    return work


def _patterns_part(
    asked: Sequence[re.Pattern[Any]], searched: Sequence[re.Pattern[Any]] = ()
) -> dict[str, Any]:
    """Every pattern :func:`regex` gave in this process as its program, every fact of
    each of ``asked`` (the rules ask some facts only of long chronologies) and every
    searched fact (:func:`searched_fact`) of each of ``searched``, to store."""
    # a fact is asked of a compiled pattern: by its source and its flags as compiled
    # (re.compile adds re.UNICODE to a str pattern's)
    patterns = [c for c in asked if isinstance(c.pattern, str)]
    texts = [c for c in searched if isinstance(c.pattern, str)]
    facts = {
        name: {(c.pattern, c.flags): fact(c) for c in patterns}
        for name, fact in _fact_functions.items()
    }
    for name, work in _searched_facts.items():
        facts[name] = {(c.pattern, c.flags): work(c) for c in texts}
    return {
        "regex": {at: _out_of_band(_program(compiled)) for at, compiled in _compiled.items()},
        "facts": facts,
    }


def _searched() -> list[re.Pattern[Any]]:
    """The patterns the classifiers searched texts with in this process (for the
    searched facts), with what each fact makes of them made now (the patterns a fact
    compiles through :func:`regex` are then stored with the others)."""
    from scr_timeline.classify import _text

    searched = list(_text.searched_patterns())
    for pattern in searched:
        _text.quick_pattern(pattern, force=True)
        _text.literal_filter(pattern, force=True)
    return searched


# --- the matchers ---------------------------------------------------------------------------
def _modules() -> dict[str, Any]:
    from scr_timeline.classify import agencies, counterparts, events, injuries, roles, seen

    return {
        "events": events,
        "injuries": injuries,
        "roles": roles,
        "seen": seen,
        "counterparts": counterparts,
        "agencies": agencies,
    }


def _cached(modules: dict[str, Any], name: str) -> Any:
    """The default matcher of classifier ``name`` as the pipeline gets it (cached)."""
    if name == "agencies":
        return modules[name]._default_matcher()
    paths = (None,) * (4 if name == "counterparts" else 2)
    return modules[name]._matcher_for(*paths)


def _forget_built(modules: dict[str, Any]) -> None:
    """Drop the default matchers the modules keep (the next use builds or loads again)."""
    for name, module in modules.items():
        cached = module._default_matcher if name == "agencies" else module._matcher_for
        cached.cache_clear()


#: Shipped samples read while building, so that the matchers' caches of vocabulary hits
#: (which row a matched phrase is, the regex of a row) start with the common ones.
_WARM_UP: Final = (
    "child-a-combined",
    "child-b-agencies",
    "child-c-messy-dates",
    "child-d-well-handled",
)


def _fresh() -> dict[str, Any]:
    """Every default matcher built from the vocabularies, its full patterns compiled and
    its caches warmed on the shipped samples."""
    from scr_timeline.datasets import load_sample

    modules = _modules()
    _forget_built(modules)
    try:
        for name in _NAMES:
            module = modules[name]
            if hasattr(module, "complete"):  # roles and seen compile their patterns when built
                module.complete(_cached(modules, name))
        for sample in _WARM_UP:
            load_sample(sample)
        return {name: _lazy_fields(_cached(modules, name)) for name in _NAMES}
    finally:
        _forget_built(modules)


def _exercise() -> list[re.Pattern[Any]]:
    """Read every shipped sample and analyse it with every bundled rulebook, and compile
    every vocabulary row's pattern, so that the patterns reading and the rules compile
    (:func:`regex`, :func:`pattern_fact`) are stored; returns the patterns compiled
    before the vocabulary rows' (those the rules may ask facts of)."""
    from scr_timeline.datasets import list_samples, load_sample
    from scr_timeline.rules import analyse, available_rulebooks

    for sample in list_samples()["name"]:
        chronology = load_sample(sample)
        for rulebook in available_rulebooks():
            analyse(chronology, rulebook=rulebook)
    read_and_rules = list(_compiled.values())
    # every vocabulary row's own pattern (compiled when a text has the row's first word)
    from scr_timeline.classify import _text

    modules = _modules()
    for name in _NAMES:
        matcher = _cached(modules, name)
        for field in dataclasses.fields(matcher):
            value = getattr(matcher, field.name)
            if isinstance(value, _text.Resolver):
                for row in range(len(value.entries.phrases)):
                    value.entries.fragment(row)
    return read_and_rules


def build(path: Path = FILE) -> Path:
    """Build every part from the shipped data and write the file at ``path``: the key,
    where each part starts, then the parts, as pickles in a row (a stale file is
    recognised from its key alone, and each part is read without the others)."""
    from scr_timeline import calendar, report

    with disabled():
        parts = {
            "holidays": calendar.work_out_bank_holidays(),
            "templates": report.compile_templates(),
            "matchers": _fresh(),
            "tables": {name: build_one() for name, build_one in _tables().items()},
        }
        asked = _exercise()
        parts["patterns"] = _patterns_part(asked, _searched())
    pickled = {}
    codes: dict[str, list[bytes]] = {}
    for part in _PARTS:
        buffer = io.BytesIO()
        held: list[pickle.PickleBuffer] = []

        def aside(view: pickle.PickleBuffer, held: list[pickle.PickleBuffer] = held) -> bool:
            # a program's code (bytes) out of band; anything else pickled as usual (NumPy
            # arrays offer their data too, and the matchers write into some of theirs)
            if isinstance(view.raw().obj, bytes):
                held.append(view)
                return False
            return True

        _Pickler(buffer, protocol=5, buffer_callback=aside).dump(parts[part])
        pickled[part] = buffer.getvalue()
        codes[part] = [bytes(view.raw()) for view in held]
    # after the key and this table: the parts' pickles, then the programs' codes; each
    # part's offset and its codes' (start, end), from the end of the table
    where: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    at = sum(len(pickled[part]) for part in _PARTS)
    spans: dict[str, list[tuple[int, int]]] = {}
    for part in _PARTS:
        spans[part] = []
        for code in codes[part]:
            spans[part].append((at, at + len(code)))
            at += len(code)
    at = 0
    for part in _PARTS:
        where[part] = (at, spans[part])
        at += len(pickled[part])
    buffer = io.BytesIO()
    pickle.dump(key(), buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(where, buffer, protocol=pickle.HIGHEST_PROTOCOL)
    for part in _PARTS:
        buffer.write(pickled[part])
    for part in _PARTS:
        for code in codes[part]:
            buffer.write(code)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(buffer.getvalue())
    temporary.replace(path)
    return path


def refresh(path: Path = FILE) -> bool:
    """Build the file at ``path`` unless it is there and current; True if built."""
    if _read(path, None):
        return False
    build(path)
    return True


def _read(path: Path, part: str | None) -> Any:
    """The ``part`` stored at ``path`` (for None: True when the file is current), or None
    when there is no file, it was built from other sources, or it cannot be read."""
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != key():
                return None
            if part is None:
                return True
            where = pickle.load(handle)
            start, spans = where[part]
            base = handle.tell()
            handle.seek(start, io.SEEK_CUR)
            if not spans:
                return pickle.load(handle)
            # the programs' codes are read where they lie in the file, mapped into memory:
            # only the pages of the patterns compiled are ever read (the events matcher's
            # per-agency programs are 13 MB), and none is copied into a bytes object first
            pages = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
            return pickle.load(handle, buffers=[pages[base + a : base + b] for a, b in spans])
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        KeyError,
        RuntimeError,
    ):
        return None
    return None


def _part(part: str) -> Any:
    if _state["off"]:
        return None
    tried, value = _state[part]
    if not tried:
        value = _read(FILE, part)
        _state[part] = (True, value)
    return value


def matcher(name: str) -> Any | None:
    """The prebuilt matcher of classifier ``name``, or None (no usable file)."""
    matchers = _part("matchers")
    if not isinstance(matchers, dict) or set(matchers) != set(_NAMES):
        return None
    return matchers[name]


def bank_holidays() -> np.ndarray | None:
    """The prebuilt bank holidays (sorted ``datetime64[D]``), or None (no usable file)."""
    days = _part("holidays")
    return days if isinstance(days, np.ndarray) and days.dtype == "datetime64[D]" else None


def _tables() -> dict[str, Callable[[], Any]]:
    """The tables kept, each with the function that builds it from the shipped data."""
    from scr_timeline.io import headers, table

    return {
        "headings": headers.build_heading_table,
        "alias_spellings": table.build_alias_spellings,
        "toml": _bundled_toml,
    }


def _bundled_toml() -> dict[bytes, bytes]:
    """Each bundled rulebook as ``tomllib`` parses it (pickled), by its text's digest."""
    folder = resources.files("scr_timeline") / "rules" / "rulebooks"
    texts = [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".toml")]
    return {_text_digest(text): pickle.dumps(tomllib.loads(text)) for text in texts}


def _text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``: a fresh copy of what the file keeps for this exact text (a
    bundled rulebook; parsing all of them took a run about 0.05 s), else parsed."""
    tables = _part("tables")
    kept = tables.get("toml") if isinstance(tables, dict) else None
    found = kept.get(_text_digest(text)) if isinstance(kept, dict) else None
    return tomllib.loads(text) if found is None else cast("dict[str, Any]", pickle.loads(found))


def table(name: str, build_one: Callable[[], Any]) -> Any:
    """The prebuilt table ``name`` (see :func:`_tables`), else ``build_one()``."""
    tables = _part("tables")
    found = tables.get(name) if isinstance(tables, dict) else None
    return build_one() if found is None else found


def templates() -> dict[str, bytes] | None:
    """The report's templates as compiled at install time (jinja2 bytecode by cache key),
    or None (no usable file)."""
    compiled = _part("templates")
    return compiled if isinstance(compiled, dict) else None


@contextmanager
def disabled() -> Iterator[None]:
    """Build everything from the data inside the block (tests, :func:`build`)."""
    before = _state["off"]
    _state["off"] = True
    try:
        yield
    finally:
        _state["off"] = before


def forget() -> None:
    """Read the file again when next asked (after it changed: tests)."""
    _digest.cache_clear()
    _state.update(
        patterns=(False, None),
        holidays=(False, None),
        templates=(False, None),
        matchers=(False, None),
    )
    for fact in _fact_functions.values():  # (patterns compiled stay: they are the same)
        fact.cache_clear()


def default(name: str, build_one: Callable[[], Any]) -> Any:
    """The prebuilt matcher ``name``, else ``build_one()``."""
    found = matcher(name)
    return build_one() if found is None else found
