"""The prebuilt file keeps the programs' codes outside its pickles, read where they lie
(stop 27, p2): what is loaded is what was stored, and stays usable as before."""

from __future__ import annotations

import copy
import pickle
import re

import numpy as np
import pytest

from scr_timeline import _prebuilt


@pytest.fixture
def loaded() -> dict[str, object]:
    if not _prebuilt._read(_prebuilt.FILE, None):
        pytest.skip("no current prebuilt file (run make or _prebuilt.refresh())")
    matchers = _prebuilt._read(_prebuilt.FILE, "matchers")
    assert isinstance(matchers, dict)
    return matchers


def test_per_agency_programs_are_read_from_the_file_not_copied(loaded: dict) -> None:
    full = loaded["events"].full
    assert isinstance(full, _prebuilt.LazyPatterns)
    stored = [dict.__getitem__(full, key) for key in full]
    assert all(isinstance(program[2], memoryview) for program in stored)
    compiled = full[next(iter(full))]
    assert compiled.pattern == stored[0][0] and isinstance(compiled, re.Pattern)


def test_loaded_lazy_patterns_pickle_and_copy_as_before(loaded: dict) -> None:
    full = loaded["events"].full
    for protocol in (4, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(full, protocol=protocol))
        assert isinstance(again, _prebuilt.LazyPatterns) and set(again) == set(full)
    first = next(iter(full))
    assert copy.deepcopy(full)[first] == full[first]


def test_loaded_arrays_are_not_views_of_the_file(loaded: dict) -> None:
    """Only the programs' codes are left in the file: the matchers' NumPy arrays (some
    of which grow and are written to) are their own."""
    resolver = loaded["events"].resolver
    assert isinstance(resolver._table, np.ndarray) and resolver._table.flags.writeable
    assert loaded["events"].usable.flags.writeable


def test_stored_regex_programs_compile_to_the_same_patterns() -> None:
    if not _prebuilt._read(_prebuilt.FILE, None):
        pytest.skip("no current prebuilt file")
    patterns = _prebuilt._read(_prebuilt.FILE, "patterns")
    programs = list(patterns["regex"].items())[:50]
    assert programs
    for (source, flags), program in programs:
        assert isinstance(program[2], memoryview)
        assert _prebuilt._pattern(*program) == re.compile(source, flags)
