"""What make prebuilds (scr_timeline/_prebuilt.py): loaded, the matchers classify exactly as
those built from the vocabularies and the bank holidays are those the holidays package
works out; a stale, damaged or missing file is not used."""

from __future__ import annotations

import importlib.util
import pickle
import re
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import _prebuilt, calendar, dates
from scr_timeline.classify import _text as T
from scr_timeline.classify import agencies, counterparts, events, injuries, roles, seen
from scr_timeline.datasets import sample_path
from scr_timeline.io import headers
from scr_timeline.rules import available_rulebooks, load_rulebook, predicates

ROOT = Path(__file__).resolve().parents[1]
MODULES = (events, injuries, roles, seen, counterparts)


def _but(module: object, **replaced: object) -> types.SimpleNamespace:
    """A stand-in for ``module`` with some of its names replaced."""
    return types.SimpleNamespace(**{**vars(module), **replaced})


def _forget() -> None:
    """As a new process: nothing read from the file, no matcher built."""
    _prebuilt.forget()
    calendar.bank_holidays.cache_clear()
    calendar._calendar.cache_clear()
    for module in MODULES:
        module._matcher_for.cache_clear()
    agencies._default_matcher.cache_clear()
    headers._table.cache_clear()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The prebuilt file's bytes, built once for the module."""
    return _prebuilt.build(tmp_path_factory.mktemp("prebuilt") / "prebuilt.pickle").read_bytes()


@pytest.fixture
def prebuilt_at(built: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of it, the one the package loads during the test."""
    path = tmp_path / "prebuilt.pickle"
    path.write_bytes(built)
    monkeypatch.setattr(_prebuilt, "FILE", path)
    _forget()
    yield path
    _forget()


def _generated(rows: int, seed: int) -> pd.DataFrame:
    spec = importlib.util.spec_from_file_location("_gen", ROOT / "benchmarks/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    frame: pd.DataFrame = module.generate_chronology(rows, seed=seed)
    return frame


def _classified(paths: list[Path]) -> list[pd.DataFrame]:
    return [scr.read(path).events for path in paths]


def _inputs(tmp_path: Path) -> list[Path]:
    paths = [
        sample_path(name)
        for name in ("child-a-combined", "child-b-agencies", "child-c-messy-dates")
    ]
    for seed in (5, 6):
        path = tmp_path / f"generated-{seed}.csv"
        _generated(400, seed).to_csv(path, index=False)
        paths.append(path)
    corpus = pd.read_csv(ROOT / "tests/data/classification_corpus.csv", dtype=str)
    path = tmp_path / "corpus.csv"
    pd.DataFrame(
        {
            "Date": "01/02/2007",
            "Agency": corpus["agency_written"],
            "Worker": corpus["practitioner"],
            "Details": corpus["details"],
            "Outcome": corpus["outcome"],
        }
    ).to_csv(path, index=False)
    paths.append(path)
    return paths


def test_prebuilt_classifies_as_the_vocabularies_do(prebuilt_at: Path, tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    loaded = _classified(paths)
    assert _prebuilt.matcher("events") is not None  # the file was used
    assert events.matcher(None) is _prebuilt.matcher("events")
    assert agencies._default_matcher() is _prebuilt.matcher("agencies")
    _forget()
    with _prebuilt.disabled():
        built = _classified(paths)
        assert events.matcher(None) is not _prebuilt.matcher("events")
    _forget()
    for path, ours, theirs in zip(paths, loaded, built, strict=True):
        assert len(ours) > 10, path
        pd.testing.assert_frame_equal(ours, theirs, obj=str(path.name))


def test_loaded_patterns_are_the_compiled_ones(prebuilt_at: Path) -> None:
    fresh = events.build_default()
    events.complete(fresh)
    loaded = _prebuilt.matcher("events")
    texts = ["hv home visit, bruise to cheek seen", "strat disc with police; s47 agreed", ""]
    for slot in (0, 3, len(fresh.full) - 1):
        ours, theirs = loaded.full[slot], fresh.full[slot]
        assert (ours.pattern, ours.flags, ours.groups) == (
            theirs.pattern,
            theirs.flags,
            theirs.groups,
        )
        assert ours.groupindex == theirs.groupindex
        assert [ours.findall(t) for t in texts] == [theirs.findall(t) for t in texts]


def test_per_agency_patterns_are_compiled_when_first_asked_for(prebuilt_at: Path) -> None:
    _forget()
    loaded = _prebuilt.matcher("events")
    assert isinstance(loaded.full, _prebuilt.LazyPatterns)
    assert len(loaded.full) == len(events.build_default().usable[0])  # one per agency slot
    # nothing compiled yet: each is its stored program until asked for
    assert not any(isinstance(v, re.Pattern) for v in dict.values(loaded.full))
    first = loaded.full[2]
    assert isinstance(first, re.Pattern) and loaded.full.get(2) is first
    assert [isinstance(v, re.Pattern) for v in dict.values(loaded.full)].count(True) == 1
    assert loaded.full.get(len(loaded.full) + 5) is None
    every = loaded.full.copy()
    assert type(every) is dict and all(isinstance(v, re.Pattern) for v in every.values())
    assert loaded.full == every and every == loaded.full
    assert [p for _, p in loaded.full.items()] == loaded.full.values() == list(every.values())
    again = pickle.loads(pickle.dumps(loaded.full))
    assert isinstance(again, _prebuilt.LazyPatterns) and again == every


def test_lazy_patterns_are_those_compiled() -> None:
    compiled = {
        0: re.compile(r"(?P<a>hv) (visit)" + r"|hv visit \d" * 900),
        1: re.compile(r"gp\b" * 3000),
    }
    lazy = pickle.loads(pickle.dumps(_prebuilt.LazyPatterns(compiled)))
    assert type(lazy) is _prebuilt.LazyPatterns
    assert lazy[0].pattern == compiled[0].pattern and lazy[0].groupindex == {"a": 1}
    assert lazy[0].findall("hv visit" * 2) == compiled[0].findall("hv visit" * 2)
    assert lazy == compiled


def test_stale_prebuilt_is_not_used(prebuilt_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_prebuilt, "key", lambda: "vocabularies edited since")
    assert _prebuilt.matcher("events") is None
    assert events.matcher(None) is not None  # built from the vocabulary instead
    assert _prebuilt.refresh(prebuilt_at) is True  # rebuilt for the new key
    assert _prebuilt.refresh(prebuilt_at) is False  # and then current


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"key": 1})])
def test_damaged_or_foreign_prebuilt_is_not_used(prebuilt_at: Path, content: bytes) -> None:
    prebuilt_at.write_bytes(content)
    assert _prebuilt.matcher("injuries") is None
    assert injuries.matcher(None).injuries.full.pattern  # built instead


def test_missing_prebuilt_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_prebuilt, "FILE", tmp_path / "none.pickle")
    _forget()
    try:
        assert _prebuilt.matcher("roles") is None
        assert isinstance(roles.matcher(None).pattern, re.Pattern)
    finally:
        _forget()


def test_a_users_vocabulary_is_built_not_loaded(prebuilt_at: Path, tmp_path: Path) -> None:
    extra = tmp_path / "event_types.csv"
    shipped = pd.read_csv(Path(events.__file__).parents[1] / "data/event_types.csv", dtype=str)
    shipped.head(3).to_csv(extra, index=False)
    assert events.matcher(extra) is not _prebuilt.matcher("events")


def test_vocabulary_pattern_pickles_only_once_complete() -> None:
    vp = T.VocabularyPattern(lambda keep: T.alternation(["hv", "gp"], keep=keep), ["hv", "gp"])
    with pytest.raises(TypeError, match="full pattern"):
        pickle.dumps(vp)
    _ = vp.full
    again = pickle.loads(pickle.dumps(vp))
    assert again.for_texts(["gp seen"]) == (again.full, True)
    assert again.full.pattern == vp.full.pattern


def test_prebuilt_bank_holidays_are_those_worked_out(prebuilt_at: Path) -> None:
    days = calendar.bank_holidays()
    assert days is _prebuilt.bank_holidays()  # read from the file, not worked out
    assert not days.flags.writeable
    np.testing.assert_array_equal(days, calendar.work_out_bank_holidays())
    assert np.datetime64("2007-12-25") in days and np.datetime64("2099-12-25") in days


def test_holidays_are_worked_out_without_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_prebuilt, "FILE", tmp_path / "none.pickle")
    _forget()
    try:
        assert _prebuilt.bank_holidays() is None
        assert calendar.is_working_day(["2007-12-25", "2007-12-27"]).tolist() == [False, True]
    finally:
        _forget()


def _rulebook_patterns(name: str) -> set[str]:
    """The regular expressions (``text`` and ``not_text``) a bundled rulebook writes."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "not_text") and isinstance(value, str):
                    found.add(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tomllib.loads(Path(load_rulebook(name).path).read_text(encoding="utf-8")))
    return found


def test_stored_patterns_are_those_re_compiles(prebuilt_at: Path) -> None:
    programs = _prebuilt._part("patterns")["regex"]
    stored = {source for source, _ in programs}
    assert any(isinstance(source, bytes) for source in stored)  # the Excel scanner's
    assert dates._PY_DMY.pattern in stored  # the date reader's, compiled when first used
    for name in available_rulebooks():
        assert _rulebook_patterns(name) <= stored, name
    for (source, flags), program in programs.items():
        ours, theirs = _prebuilt._pattern(*program), re.compile(source, flags)
        assert ours == theirs, source  # same source, flags and program
        assert (ours.groups, ours.groupindex) == (theirs.groups, theirs.groupindex)


def test_regex_takes_a_stored_pattern_without_compiling(
    prebuilt_at: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = sorted(_rulebook_patterns("wt2006"))[0]
    monkeypatch.delitem(_prebuilt._compiled, (source, re.IGNORECASE), raising=False)

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled, not loaded")

    # (only _prebuilt's own re.compile: reading the file may compile patterns of its own,
    # pathlib's, that re's cache no longer holds late in a long test run)
    with monkeypatch.context() as patched:
        patched.setattr(_prebuilt, "re", _but(re, compile=no_compiling))
        loaded = _prebuilt.regex(source, re.IGNORECASE)
    assert loaded == re.compile(source, re.IGNORECASE)
    unknown = r"\bnot (?:stored|kept) anywhere\b"
    assert _prebuilt.regex(unknown).pattern == unknown  # compiled


def test_stored_pattern_facts_are_those_worked_out(prebuilt_at: Path) -> None:
    facts = _prebuilt._part("patterns")["facts"]
    for fact in (predicates.required_literals, predicates._clause_separators):
        answers = facts[f"{fact.__module__}.{fact.__qualname__}"]
        assert {source for source, _ in answers} >= _rulebook_patterns("wt2006")
        for (source, flags), answer in answers.items():
            assert fact.__wrapped__.__wrapped__(re.compile(source, flags)) == answer, source
    assert any(answers.values())  # some patterns split into clauses


def test_pattern_facts_are_read_not_worked_out(
    prebuilt_at: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern = predicates._regex(sorted(_rulebook_patterns("wt2006"))[0], "text")
    literals = predicates.required_literals.__wrapped__.__wrapped__(pattern)
    assert literals  # (a pattern the rules can rule texts out for)
    predicates.required_literals.cache_clear()

    def no_parsing(*args: object) -> None:
        raise AssertionError("worked out, not read")

    # (the parser as the rules see it, not re's: re compiles patterns of its own meanwhile,
    # pathlib's when the file is read, which its cache may no longer hold)
    monkeypatch.setattr(predicates, "_sre_parser", _but(predicates._sre_parser, parse=no_parsing))
    assert predicates.required_literals(pattern) == literals


def test_stale_file_compiles_patterns(prebuilt_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_prebuilt, "key", lambda: "patterns edited since")
    source = sorted(_rulebook_patterns("wt2006"))[0]
    monkeypatch.delitem(_prebuilt._compiled, (source, re.IGNORECASE), raising=False)
    assert _prebuilt._stored("regex") == {}
    assert _prebuilt.regex(source, re.IGNORECASE) == re.compile(source, re.IGNORECASE)


def test_prebuilt_heading_table_is_the_one_built(prebuilt_at: Path) -> None:
    loaded = headers._table()
    assert loaded is _prebuilt.table("headings", headers.build_heading_table)  # the file's
    assert loaded == headers.build_heading_table()
    assert headers.map_headings(["Date", "Agency", "Details"]) == {
        0: "date",
        1: "agency",
        2: "details",
    }


def test_bundled_rulebooks_are_kept_parsed(
    prebuilt_at: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = Path(load_rulebook("wt2006").path).read_text(encoding="utf-8")
    parsed = tomllib.loads(text)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed, not kept")

    with monkeypatch.context() as patched:
        patched.setattr(_prebuilt.tomllib, "loads", no_parsing)
        kept = _prebuilt.toml(text)
        assert kept == parsed
        kept["rules"].clear()  # each call gives its own copy
        assert _prebuilt.toml(text) == parsed
    edited = text + "\n# a local note\n"
    assert _prebuilt.toml(edited) == parsed  # (another text: parsed)


def test_prebuilt_alias_spellings_are_the_ones_built(prebuilt_at: Path) -> None:
    from scr_timeline.io import table

    table._alias_spellings.cache_clear()
    try:
        loaded = table._alias_spellings()
        assert loaded is _prebuilt.table("alias_spellings", table.build_alias_spellings)
        assert loaded == table.build_alias_spellings()
        assert table._readable_stem("childrens-social-care.csv") == "Children's social care"
    finally:
        table._alias_spellings.cache_clear()
