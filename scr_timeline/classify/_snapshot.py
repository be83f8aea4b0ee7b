"""The shipped vocabularies' matchers, built once at install time and loaded ready to use.

Building the classifiers' matchers for the shipped vocabularies takes a fresh process about
0.3-0.5 s: writing the phrase alternations, compiling them with Python's ``re`` (about
65,000 characters of pattern for a first chronology), the tries and lookup tables. A
command-line run on one chronology, and every batch worker, paid it before reading a row.

:func:`build` (run by the Makefile after installing, as ``make`` byte-compiles) builds
the matchers of the shipped vocabularies with their full patterns, and pickles them beside
this module. A compiled pattern is stored as the program ``re`` compiled it to, so loading
it skips the regex parser and compiler; everything else is plain data (NumPy arrays, dicts,
tuples). A process then loads every matcher in a few milliseconds, the first time one is
asked for.

The snapshot is used only when it was built from exactly this code and these vocabularies
by this Python: its key is a digest of the classifier modules, the schema, the shipped
vocabulary files, the Python version, the regex engine's version and NumPy's. Anything
else (no snapshot, another key, a damaged file) and the matchers are built as before:
the snapshot changes how fast a matcher is ready, never what it finds (a test compares the
two on every sample). Matchers for a user's own vocabulary files are always built.

Only the package's own folder is read; nothing is written at run time.
"""

from __future__ import annotations

# re's own parser and compiler, and the engine's compile (Python >= 3.11): the program
# format is tied to the engine's version, which the key holds (_sre.MAGIC)
import _sre
import hashlib
import io
import pickle
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, Final

import numpy as np

__all__ = ["SNAPSHOT", "build", "default", "disabled", "key", "matcher", "refresh"]

#: The snapshot file, beside this module.
SNAPSHOT: Final = Path(__file__).with_name("_matchers.pickle")

#: The matchers held, by classifier module (each module's default ``_matcher_for``).
_NAMES: Final = ("events", "injuries", "roles", "seen", "counterparts")

_state: dict[str, Any] = {"loaded": None, "tried": False, "off": False}


def key() -> str:
    """Digest of everything the matchers are built from, and of the engine that runs them."""
    digest = hashlib.sha256()
    for part in (sys.version, str(_sre.MAGIC), np.__version__):
        digest.update(part.encode())
    package = resources.files("scr_timeline")
    sources = [package / "schema.py"]
    sources += sorted(
        (p for p in (package / "classify").iterdir() if p.name.endswith(".py")), key=str
    )
    sources += sorted((p for p in (package / "data").iterdir() if p.name.endswith(".csv")), key=str)
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


# --- compiled patterns as programs ------------------------------------------------------------
def _program(pattern: re.Pattern[str]) -> tuple[Any, ...]:
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
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _pattern(
    source: str,
    flags: int,
    code: list[int],
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[str]:
    """A compiled pattern from its program (see :func:`_program`)."""
    compiled: re.Pattern[str] = _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    return compiled


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            return _pattern, _program(obj)
        return NotImplemented


# --- the matchers ---------------------------------------------------------------------------
def _modules() -> dict[str, Any]:
    from scr_timeline.classify import counterparts, events, injuries, roles, seen

    return {
        "events": events,
        "injuries": injuries,
        "roles": roles,
        "seen": seen,
        "counterparts": counterparts,
    }


def _cached(modules: dict[str, Any], name: str) -> Any:
    """The default matcher of classifier ``name`` as the pipeline gets it (cached)."""
    paths = (None,) * (4 if name == "counterparts" else 2)
    return modules[name]._matcher_for(*paths)


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
    for module in modules.values():
        module._matcher_for.cache_clear()
    try:
        for name in _NAMES:
            module = modules[name]
            if hasattr(module, "complete"):  # roles and seen compile their patterns when built
                module.complete(_cached(modules, name))
        for sample in _WARM_UP:
            load_sample(sample)
        return {name: _cached(modules, name) for name in _NAMES}
    finally:
        for module in modules.values():
            module._matcher_for.cache_clear()


def build(path: Path = SNAPSHOT) -> Path:
    """Build the matchers of the shipped vocabularies and write them to ``path``: the key,
    then the matchers, as two pickles (a stale file is recognised from its key alone)."""
    with disabled():
        matchers = _fresh()
    buffer = io.BytesIO()
    pickle.dump(key(), buffer, protocol=pickle.HIGHEST_PROTOCOL)
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(matchers)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(buffer.getvalue())
    temporary.replace(path)
    return path


def refresh(path: Path = SNAPSHOT) -> bool:
    """Build the snapshot at ``path`` unless it is there and current; True if built."""
    if _read(path, matchers=False) is not None:
        return False
    build(path)
    return True


def _read(path: Path, *, matchers: bool = True) -> dict[str, Any] | None:
    """The matchers stored at ``path`` (an empty dict when ``matchers`` is false), or None
    when there is no file, it was built from other sources, or it cannot be read."""
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != key():
                return None
            if not matchers:
                return {}
            stored = pickle.load(handle)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        RuntimeError,
    ):
        return None
    return stored if isinstance(stored, dict) and set(stored) == set(_NAMES) else None


def matcher(name: str) -> Any | None:
    """The snapshot's matcher of classifier ``name``, or None (no usable snapshot)."""
    if _state["off"]:
        return None
    if not _state["tried"]:
        _state["tried"] = True
        _state["loaded"] = _read(SNAPSHOT)
    loaded = _state["loaded"]
    return None if loaded is None else loaded[name]


@contextmanager
def disabled() -> Iterator[None]:
    """Build matchers from the vocabularies inside the block (tests, :func:`build`)."""
    before = _state["off"]
    _state["off"] = True
    try:
        yield
    finally:
        _state["off"] = before


def default(name: str, build_one: Callable[[], Any]) -> Any:
    """The snapshot's matcher ``name``, else ``build_one()``."""
    found = matcher(name)
    return build_one() if found is None else found
