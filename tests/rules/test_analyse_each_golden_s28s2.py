"""Golden equality: ``analyse_each`` gives byte for byte what ``analyse`` gives, chronology
by chronology, under every bundled rulebook, on the samples, 40 generated chronologies of
200 to 2,000 rows (fixed seeds) and the chronologies written in the rule tests."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse, available_rulebooks, engine
from scr_timeline.rules.engine import IN_FORCE, analyse_each
from scr_timeline.rules.findings import Findings, csv_bytes
from scr_timeline.testing import make_events, read_rows

pytestmark = pytest.mark.slow  # (analyse over about 60,000 events under 7 rulebooks, twice)

ROOT = Path(__file__).resolve().parents[2]
_DATED = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}[, ]")


def _generator():
    spec = importlib.util.spec_from_file_location(
        "_gen_s28s2g", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _written_cases() -> list[str]:
    """The CSV rows written as module constants in the rule tests (a date first)."""
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "rules").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                text = node.value.value
                if isinstance(text, str) and text.count("\n") >= 2 and _DATED.match(text):
                    found.append(text)
    return found


def _same(got: Findings, want: Findings) -> None:
    assert got.rulebook == want.rulebook
    assert got.horizon == want.horizon
    a, b = got.to_frame(), want.to_frame()
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes) == list(b.dtypes)
    assert csv_bytes(a) == csv_bytes(b)
    pd.testing.assert_frame_equal(got.warnings, want.warnings, check_exact=True)


@pytest.fixture(scope="module")
def chronologies(tmp_path_factory) -> list[Chronology]:
    folder = tmp_path_factory.mktemp("golden_s28s2")
    out = [scr.load_sample(name) for name in scr.list_samples()["name"]]
    gen = _generator()
    sizes = np.random.default_rng(28).integers(200, 2001, size=40)
    for i, n in enumerate(sizes.tolist()):
        path = folder / f"g{i}.csv"
        gen.generate_chronology(n, seed=28_000 + i).to_csv(path, index=False)
        out.append(scr.read(path))
    cases = _written_cases()
    assert len(cases) >= 20
    for i, rows in enumerate(cases):
        out.append(read_rows(folder / f"case{i}.csv", rows))
    return out


@pytest.mark.parametrize("rulebook", [*available_rulebooks(), IN_FORCE])
def test_golden_every_rulebook(chronologies, rulebook):
    want = [analyse(c, rulebook=rulebook) for c in chronologies]
    got = analyse_each(chronologies, rulebook=rulebook)
    assert len(got) == len(want)
    assert sum(len(f) for f in want) > 0
    for g, w in zip(got, want, strict=True):
        _same(g, w)


def test_golden_small_stacks_and_a_big_one_alone(chronologies, monkeypatch):
    # stacks of a few chronologies, one too big for any stack, empty ones between
    monkeypatch.setattr(engine, "_STACK_EVENTS", 2_500)
    empty = Chronology(make_events(start=["2007-03-01"]).iloc[:0])
    chrons = [empty, *chronologies[:20], empty, *chronologies[-5:]]
    for options in ({}, {"end_date": "2010-01-01"}, {"rules": ["INJ-STRAT", "VIS-CP"]}):
        got = analyse_each(chrons, **options)
        for g, c in zip(got, chrons, strict=True):
            _same(g, analyse(c, **options))


def test_follows_never_reaches_into_another_chronology():
    # the second chronology's referral would follow the first's concern, a day before it,
    # were the two one chronology
    first = Chronology(
        make_events(start=["2007-03-01", "2007-03-01"], event_type=["other", "concern"],
                    agency="education", counterparts=[(), ("csc",)])
    )  # fmt: skip
    second = Chronology(
        make_events(start=["2007-03-02", "2007-06-01"], event_type=["referral", "other"],
                    agency="csc")
    )  # fmt: skip
    for chrons in ([first, second], [second, first]):
        got = analyse_each(chrons)
        for g, c in zip(got, chrons, strict=True):
            _same(g, analyse(c))
