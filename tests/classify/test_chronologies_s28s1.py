"""classify_each: many chronologies classified at once give exactly what classifying each on
its own gives (events, dtypes, index, rejected rows, warnings, metadata); and a reader's
classification put off (a batch) and completed gives exactly what the reader returns."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.chronologies import (
    DUPLICATES_NOT_CHECKED,
    classify_each,
    complete,
    deferred_classification,
)
from scr_timeline.classify.pipeline import classify_events, classify_events_each
from scr_timeline.datasets import sample_path
from scr_timeline.io import read
from scr_timeline.io.table import classify_chronology
from scr_timeline.testing import make_events

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [
    "child-a-combined",
    "child-b-agencies",
    "child-c-messy-dates",
    "child-d-well-handled",
    "child-e-narrative",
    "child-e-word",
]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "_bench_generate", ROOT / "benchmarks/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unclassified(path: Path | pd.DataFrame, **options) -> Chronology:
    """What a reader asks to classify (its chronology before classification)."""
    with deferred_classification() as asked:
        read(path, **options)
    assert len(asked) == 1
    return asked[0].chronology


def assert_same_chronology(got: Chronology, expected: Chronology) -> None:
    for name in ("events", "rejected", "warnings"):
        left, right = getattr(got, name), getattr(expected, name)
        pd.testing.assert_frame_equal(left, right, check_exact=True)
        assert left.dtypes.astype(str).tolist() == right.dtypes.astype(str).tolist()
        assert left.index.dtype == right.index.dtype
        assert left.columns.tolist() == right.columns.tolist()
    assert got.meta == expected.meta


def _written_ages_chronology() -> Chronology:
    """No date of birth, no ages: the ages the entries write give one."""
    return Chronology(
        make_events(
            start=["01/08/2006", "15/09/2006", "20/09/2006"],
            agency=["health_visiting", "gp", "csc"],
            details=[
                "Child A (5 months) seen at clinic; weight fine.",
                "Baby (6 months) brought with bruise to cheek.",
                "Referral from GP re bruising.",
            ],
            source_file="ages.csv",
        )
    )


def _seen_column_chronology() -> Chronology:
    """A "Child seen?" column, two of whose cells say neither yes nor no."""
    events = make_events(
        start=["01/08/2006", "02/08/2006", "03/08/2006", "04/08/2006"],
        agency=["csc", "csc", "health_visiting", "gp"],
        details=["Home visit.", "Home visit.", "Clinic.", "Phoned Mother."],
        source_file="seen.csv",
    )
    events["child_seen_text"] = pd.array(["Y", "at the door", "N", "?? asleep"], dtype="string")
    events["contact_type"] = pd.array([None, "Home Visit", None, "Telephone"], dtype="string")
    return Chronology(events, child_dob="01/03/2006")


@pytest.fixture(scope="module")
def chronologies() -> list[Chronology]:
    """Chronologies of every kind before classification: the samples (CSV, Excel, PDF,
    Word), generated ones of many sizes, an empty one, one with a date of birth given, one
    whose entries write ages, one with a "Child seen?" and a contact type column."""
    gen = _generator()
    chrons = [_unclassified(sample_path(name)) for name in SAMPLES]
    chrons.append(_unclassified(sample_path("child-a-combined"), child_dob="01/03/2006"))
    for i, size in enumerate((1, 7, 40, 250, 1200)):
        events = gen.generate_chronology(size, seed=50 + i)
        chrons.append(_unclassified(events, title=f"generated {i}"))
    chrons.insert(3, Chronology(make_events(start=[], agency=[])))
    chrons.append(_written_ages_chronology())
    chrons.append(_seen_column_chronology())
    return [Chronology(c.events, c.rejected, c.warnings, c.meta) for c in chrons]


def test_classify_each_is_classifying_each_on_its_own(chronologies):
    """The point of classify_each: the same events, dtypes, index, rejected rows, warnings
    and metadata as one classification per chronology, the matching done once."""
    alone = [classify_chronology(c) for c in chronologies]
    together = classify_each(chronologies)
    assert len(together) == len(alone)
    for got, expected in zip(together, alone, strict=True):
        assert_same_chronology(got, expected)
    codes = {code for c in together for code in c.warnings["code"]}
    # the per-chronology parts were exercised: ages counted back, a child-seen column's
    # unread cells, no date of birth at all
    assert {"child_dob_inferred", "child_seen_unread", "no_child_dob"} <= codes


def test_classify_each_in_any_grouping_and_order(chronologies):
    """A chronology's classification does not depend on what it is classified with."""
    alone = [classify_chronology(c) for c in chronologies]
    order = np.random.default_rng(3).permutation(len(chronologies))
    shuffled = classify_each([chronologies[i] for i in order])
    for got, i in zip(shuffled, order, strict=True):
        assert_same_chronology(got, alone[i])
    for first, last in ((0, 2), (2, 9), (9, len(chronologies))):
        for got, expected in zip(
            classify_each(chronologies[first:last]), alone[first:last], strict=True
        ):
            assert_same_chronology(got, expected)


def test_duplicates_asked_per_chronology_and_the_size_above_which_they_are_not_searched(
    monkeypatch,
):
    from scr_timeline.io import table

    monkeypatch.setattr(table, "DUPLICATES_UP_TO", 10)
    gen = _generator()
    combined = [_unclassified(gen.generate_chronology(60, seed=s)) for s in (1, 2, 3)]
    flags = [True, False, False]
    got = classify_each(combined, duplicates=flags, duplicates_up_to=10)
    for chron, flag, done in zip(combined, flags, got, strict=True):
        assert_same_chronology(done, classify_chronology(chron, duplicates=flag))
    notes = [set(c.warnings["code"]) for c in got]
    assert DUPLICATES_NOT_CHECKED not in notes[0]
    assert DUPLICATES_NOT_CHECKED in notes[1] and DUPLICATES_NOT_CHECKED in notes[2]
    message = got[1].warnings.set_index("code").loc[DUPLICATES_NOT_CHECKED, "message"]
    assert "above 10 events" in message


def test_classify_events_each_is_classify_events_of_each(chronologies):
    frames = [c.events for c in chronologies]
    dobs = [pd.Timestamp("2006-03-01") if i % 3 == 0 else None for i in range(len(frames))]
    together = classify_events_each(frames, child_dobs=dobs)
    for frame, dob, (events, notes) in zip(frames, dobs, together, strict=True):
        expected, expected_notes = classify_events(frame, child_dob=dob)
        pd.testing.assert_frame_equal(events, expected, check_exact=True)
        assert notes == expected_notes


def test_classify_events_each_checks_its_arguments():
    frame = make_events(start=["01/08/2006"], agency=["gp"])
    with pytest.raises(TypeError, match="DataFrame"):
        classify_events_each([frame, "events"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="2 dates of birth for 1 events tables"):
        classify_events_each([frame], child_dobs=[None, None])
    with pytest.raises(TypeError, match="Chronology"):
        classify_each([frame])  # type: ignore[list-item]
    assert classify_each([]) == [] and classify_events_each([]) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_a_readers_classification_put_off_and_completed_is_what_it_returns(name):
    """The batch reads each file with its classification put off, classifies many at once
    and completes each: what the reader returns, also after it added warnings, rejected
    rows or a title once it had asked."""
    for options in ({}, {"title": "Review of Child A"}, {"child_dob": "01/03/2006"}):
        with deferred_classification() as asked:
            deferred = read(sample_path(name), **options)
        assert len(asked) == 1
        classified = classify_each([asked[0].chronology])[0]
        done = complete(deferred, asked[0], classified)
        assert done is not None
        assert_same_chronology(done, read(sample_path(name), **options))


def test_a_case_of_several_files_is_classified_once_after_merging(tmp_path):
    gen = _generator()
    files = []
    for i, agency in enumerate(("gp", "police")):
        files.append(tmp_path / f"{agency}.csv")
        gen.generate_chronology(25, seed=i).to_csv(files[-1], index=False)
    with deferred_classification() as asked:
        deferred = read(files)
    assert len(asked) == 1 and asked[0].duplicates
    done = complete(deferred, asked[0], classify_each([asked[0].chronology], duplicates=True)[0])
    assert done is not None
    assert_same_chronology(done, read(files))


def test_complete_refuses_a_reader_that_changed_its_events_after_asking():
    chron = _written_ages_chronology()
    with deferred_classification() as asked:
        classify_chronology(chron)
    later = Chronology(chron.events.iloc[:2], chron.rejected, chron.warnings, chron.meta)
    classified = classify_each([chron])[0]
    assert complete(later, asked[0], classified) is None
    other_dob = Chronology(chron.events, chron.rejected, chron.warnings, child_dob="01/01/2006")
    assert complete(other_dob, asked[0], classified) is None
    assert_same_chronology(complete(chron, asked[0], classified), classify_chronology(chron))


def test_outside_the_block_readers_classify_again():
    with deferred_classification() as asked:
        inside = read(sample_path("child-d-well-handled"))
    outside = read(sample_path("child-d-well-handled"))
    assert len(asked) == 1
    assert inside.events["event_type"].isna().all()
    assert outside.events["event_type"].notna().all()
