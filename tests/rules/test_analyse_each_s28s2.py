"""``analyse_each`` gives exactly what ``analyse`` gives, chronology by chronology."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse
from scr_timeline.rules.engine import IN_FORCE, analyse_each
from scr_timeline.rules.findings import Findings, csv_bytes
from scr_timeline.testing import make_events

ROOT = Path(__file__).resolve().parents[2]


def _generator():
    spec = importlib.util.spec_from_file_location("_gen_s28s2", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same(got: Findings, want: Findings) -> None:
    assert got.rulebook == want.rulebook
    assert got.horizon == want.horizon
    a, b = got.to_frame(), want.to_frame()
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes) == list(b.dtypes)
    assert csv_bytes(a) == csv_bytes(b)
    pd.testing.assert_frame_equal(got.warnings, want.warnings, check_exact=True)


def assert_each(chrons, **options) -> None:
    got = analyse_each(chrons, **options)
    assert isinstance(got, list)
    assert len(got) == len(chrons)
    for g, c in zip(got, chrons, strict=True):
        assert_same(g, analyse(c, **options))


@pytest.fixture(scope="module")
def samples() -> list[Chronology]:
    return [scr.load_sample(name) for name in scr.list_samples()["name"]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Chronology]:
    gen = _generator()
    folder = tmp_path_factory.mktemp("gen_s28s2")
    out = []
    for i, n in enumerate((200, 350, 60, 500)):
        path = folder / f"g{i}.csv"
        gen.generate_chronology(n, seed=2800 + i).to_csv(path, index=False)
        out.append(scr.read(path))
    return out


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2018", IN_FORCE])
def test_each_equals_analyse_one_by_one(samples, generated, rulebook):
    assert_each(samples + generated, rulebook=rulebook)


def test_each_with_rules_end_date_and_frames(samples, generated):
    chrons = [samples[0], generated[0]]
    assert_each(chrons, rules=["INJ-STRAT", "SUP-CADENCE"])
    assert_each(chrons, end_date="2007-03-01")
    frames = [c.events for c in chrons]
    for g, c in zip(analyse_each(frames), chrons, strict=True):
        assert_same(g, analyse(c))


def test_each_of_none_and_of_an_empty_chronology():
    assert analyse_each([]) == []
    empty = Chronology(make_events(start=["2007-03-01"]).iloc[:0])
    one = Chronology(make_events(start=["2007-03-01", "2007-06-01"], event_type="other"))
    got = analyse_each([empty, one, empty])
    assert [len(f) for f in got] == [0, len(analyse(one)), 0]
    assert_same(got[0], analyse(empty))


def test_each_unknown_rule_raises_like_analyse(samples):
    with pytest.raises(scr.RulebookError):
        analyse_each(samples[:1], rules=["NO-SUCH-RULE"])


def test_each_when_hits_cannot_be_joined(samples, generated, monkeypatch):
    # one rule's hits of several chronologies kept apart (their extra arrays differ)
    from scr_timeline.rules import engine

    joined = engine._merged
    monkeypatch.setattr(
        engine, "_merged", lambda pieces: None if len(pieces) > 1 else joined(pieces)
    )
    assert_each(samples + generated)


def test_each_with_source_columns_of_other_types(samples, generated):
    # a chronology whose source columns are plain objects: its table is built apart
    events = generated[0].events.copy()
    events["source_file"] = events["source_file"].astype(pd.StringDtype("python"))
    events["source_row"] = events["source_row"].astype("float64")
    odd = Chronology(events)
    assert type(odd.events["source_file"].array) is not type(samples[0].events["source_file"].array)
    assert_each([samples[0], odd, generated[1]])
