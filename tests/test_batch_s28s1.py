"""The batch classifies and analyses its chronologies in groups, and gives exactly what it
gives running each on its own: the same summary, by_rule, findings CSV bytes and (kept)
chronologies, failures isolated with the same errors."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline.batch as batch
from scr_timeline.batch import analyse_many
from scr_timeline.datasets import sample_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    "child-a-combined.csv",
    "child-b-agencies.xlsx",
    "child-c-messy-dates.csv",
    "child-d-well-handled.csv",
    "child-e-narrative.pdf",
    "child-e-word.docx",
]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "_bench_generate", ROOT / "benchmarks/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The samples, generated chronologies of many sizes, broken files, a text narrative,
    a case folder of two agencies' files and one whose entries write the child's age."""
    folder = tmp_path_factory.mktemp("inputs")
    for name in SAMPLES:
        shutil.copy(sample_path(name), folder / name)
    gen = _generator()
    for i, size in enumerate((1, 3, 20, 75, 160, 400, 900)):
        gen.generate_chronology(size, seed=300 + i).to_csv(folder / f"gen-{i}.csv", index=False)
    (folder / "zz-garbage.csv").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "zz-no-date.csv").write_text("Agency,Details\nGP,Child A seen\n", encoding="utf-8")
    (folder / "zz-header-only.csv").write_text("Date,Agency,Details\n", encoding="utf-8")
    (folder / "narrative.txt").write_text(
        "12/03/2007 HV1 home visit. Child A (5 months) seen; bruise to left cheek.\n\n"
        "14/03/2007 GP1 saw Child A with Mother. No explanation for the bruise.\n",
        encoding="utf-8",
    )
    (folder / "aged.csv").write_text(
        "Date,Age,Agency,Details\n01/03/2007,9/12,GP,Bruise to left cheek.\n"
        "08/03/2007,,HV,Home visit.\n",
        encoding="utf-8",
    )
    case = folder / "case-1"
    case.mkdir()
    gen.generate_chronology(30, seed=1).to_csv(case / "gp.csv", index=False)
    gen.generate_chronology(25, seed=2).to_csv(case / "police.csv", index=False)
    return folder


def _one_by_one(monkeypatch) -> None:
    """The batch as it ran before groups: each chronology read, classified and analysed
    on its own."""
    monkeypatch.setattr(batch, "_run_grouped", lambda tasks: map(batch._run_task, tasks))


def assert_same_batch(got, expected, got_out: Path | None = None, out: Path | None = None):
    columns = [c for c in expected.summary().columns if c != "seconds"]
    pd.testing.assert_frame_equal(got.summary()[columns], expected.summary()[columns])
    pd.testing.assert_frame_equal(got.by_rule(), expected.by_rule())
    pd.testing.assert_frame_equal(got.findings(), expected.findings())
    for mine, theirs in zip(got, expected, strict=True):
        assert (mine.name, mine.status, mine.error, mine.error_type) == (
            theirs.name,
            theirs.status,
            theirs.error,
            theirs.error_type,
        )
        if theirs.chronology is not None:
            assert mine.chronology is not None
            for name in ("events", "rejected", "warnings"):
                left, right = getattr(mine.chronology, name), getattr(theirs.chronology, name)
                pd.testing.assert_frame_equal(left, right, check_exact=True)
            assert mine.chronology.meta == theirs.chronology.meta
        if out is not None and got_out is not None and theirs.ok:
            assert (got_out / mine.name / "findings.csv").read_bytes() == (
                out / theirs.name / "findings.csv"
            ).read_bytes()
    if out is not None and got_out is not None:
        for name in ("findings.csv", "summary.csv"):
            if name == "summary.csv":  # (its seconds differ)
                left = pd.read_csv(got_out / name).drop(columns="seconds")
                right = pd.read_csv(out / name).drop(columns="seconds")
                pd.testing.assert_frame_equal(left, right)
            else:
                assert (got_out / name).read_bytes() == (out / name).read_bytes()


@pytest.mark.parametrize("options", [{}, {"child_dob": "01/03/2006"}], ids=["plain", "dob"])
def test_grouped_batch_gives_what_each_chronology_gives_on_its_own(
    inputs, tmp_path, monkeypatch, options
):
    grouped = analyse_many(
        inputs,
        jobs=1,
        progress=False,
        keep_chronologies=True,
        out=tmp_path / "grouped",
        outputs=["findings"],
        **options,
    )
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        alone = analyse_many(
            inputs,
            jobs=1,
            progress=False,
            keep_chronologies=True,
            out=tmp_path / "alone",
            outputs=["findings"],
            **options,
        )
    assert len(alone.failed) == 3 and len(alone.ok) == len(alone) - 3
    assert_same_batch(grouped, alone, tmp_path / "grouped", tmp_path / "alone")


def test_the_batch_classifies_and_analyses_a_group_at_once(inputs, monkeypatch):
    """The speed of a batch of small chronologies: one classification and one analysis
    call for the group, not one each."""
    import scr_timeline.classify.chronologies as chronologies
    import scr_timeline.rules.engine as engine

    calls: dict[str, list[int]] = {"classify": [], "analyse": []}
    classify_each, analyse_each = chronologies.classify_each, engine.analyse_each

    def counted_classify(chrons, **kwargs):
        calls["classify"].append(len(chrons))
        return classify_each(chrons, **kwargs)

    def counted_analyse(chrons, **kwargs):
        calls["analyse"].append(len(chrons))
        return analyse_each(chrons, **kwargs)

    monkeypatch.setattr(chronologies, "classify_each", counted_classify)
    monkeypatch.setattr(engine, "analyse_each", counted_analyse)
    files = sorted(inputs.glob("gen-*.csv"))
    result = analyse_many(files, jobs=1, progress=False)
    assert len(result.ok) == len(files)
    assert calls == {"classify": [len(files)], "analyse": [len(files)]}


def test_a_group_is_cut_at_its_size_and_its_events(inputs, monkeypatch):
    import scr_timeline.classify.chronologies as chronologies

    sizes: list[int] = []
    classify_each = chronologies.classify_each

    def counted(chrons, **kwargs):
        sizes.append(len(chrons))
        return classify_each(chrons, **kwargs)

    monkeypatch.setattr(chronologies, "classify_each", counted)
    monkeypatch.setattr(batch, "_GROUP", 3)
    files = sorted(inputs.glob("gen-*.csv"))  # 1, 3, 20, 75, 160, 400, 900 rows
    analyse_many(files, jobs=1, progress=False)
    assert sizes == [3, 3, 1]
    sizes.clear()
    monkeypatch.setattr(batch, "_GROUP", 32)
    monkeypatch.setattr(batch, "_GROUP_EVENTS", 500)
    analyse_many(files, jobs=1, progress=False)
    assert sizes == [6, 1]  # 1 + 3 + 20 + 75 + 160 + 400 events reach 500


def test_a_chronology_that_breaks_its_groups_classification_fails_alone(
    inputs, tmp_path, monkeypatch
):
    """One broken chronology never changes another's result: when the group's
    classification fails, each chronology of the group is run on its own again."""
    import scr_timeline.classify.birth as birth

    child_dob_of = birth.child_dob_of

    def breaks_on_gen_3(chron):
        if chron.events["source_file"].eq("gen-3.csv").any():
            raise RuntimeError("classification broke")
        return child_dob_of(chron)

    monkeypatch.setattr(birth, "child_dob_of", breaks_on_gen_3)
    files = sorted(inputs.glob("gen-*.csv"))
    grouped = analyse_many(files, jobs=1, progress=False, keep_chronologies=True)
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        alone = analyse_many(files, jobs=1, progress=False, keep_chronologies=True)
    assert [r.name for r in grouped.failed] == ["gen-3"]
    assert grouped["gen-3"].error == "internal error: RuntimeError: classification broke"
    assert_same_batch(grouped, alone)


def test_a_chronology_that_breaks_the_groups_analysis_fails_alone(inputs, monkeypatch):
    import scr_timeline.rules as rules
    import scr_timeline.rules.engine as engine

    analyse = rules.analyse

    def breaks_on_gen_2(chron, **kwargs):
        if chron.events["source_file"].eq("gen-2.csv").any():
            raise RuntimeError("the rules broke")
        return analyse(chron, **kwargs)

    def analyse_each(chrons, **kwargs):
        return [breaks_on_gen_2(c, **kwargs) for c in chrons]

    monkeypatch.setattr(rules, "analyse", breaks_on_gen_2)
    monkeypatch.setattr(engine, "analyse_each", analyse_each)
    files = sorted(inputs.glob("gen-*.csv"))
    grouped = analyse_many(files, jobs=1, progress=False)
    assert [r.name for r in grouped.failed] == ["gen-2"]
    assert grouped["gen-2"].error == "internal error: RuntimeError: the rules broke"
    assert len(grouped.ok) == len(files) - 1


def test_two_workers_in_groups_give_the_same(inputs, tmp_path, monkeypatch):
    two = analyse_many(inputs, jobs=2, progress=False, out=tmp_path / "two", outputs=["findings"])
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        one = analyse_many(
            inputs, jobs=1, progress=False, out=tmp_path / "one", outputs=["findings"]
        )
    assert_same_batch(two, one, tmp_path / "two", tmp_path / "one")


def test_each_chronologys_rows_of_the_batch_findings_csv_are_its_own_file_s_lines(inputs, tmp_path):
    """The batch's findings.csv rows of a chronology come from its own findings.csv (not
    made a second time): the very bytes making them again gives, also when a cell holds a
    line break or quotes, or the name would need quoting."""
    from scr_timeline.batch import _batch_rows, _findings_rows
    from scr_timeline.rules import Findings

    result = analyse_many(
        sorted(inputs.glob("gen-*.csv")),
        jobs=1,
        progress=False,
        out=tmp_path / "out",
        outputs=["findings"],
    )
    for one in result.ok:
        assert one.csv_rows == _findings_rows(one.name, one.findings)
    biggest = max(result.ok, key=lambda r: len(r.findings))
    table = biggest.findings.copy()
    table.loc[0, "summary"] = 'Two lines:\nthe second, "quoted"'
    table.loc[1, "summary"] = "=1+1, a formula"
    Findings(table).to_csv(tmp_path / "odd")
    written = tmp_path / "odd" / "findings.csv"
    for name in ("gen-odd", "=HYPERLINK", "with,comma"):
        assert _batch_rows(name, table, written) == _findings_rows(name, table)
    table = table.iloc[1:]
    Findings(table).to_csv(tmp_path / "odd")
    assert _batch_rows("gen-odd", table, written) == _findings_rows("gen-odd", table)
    assert _batch_rows("gen-odd", table.iloc[:0], None) == b""


def test_a_chronology_that_cannot_be_put_back_together_is_run_on_its_own(inputs, monkeypatch):
    """Completing a reader's chronology with its classification is the batch's own step:
    should it fail for one, that one is read and analysed on its own (same result), and
    the batch goes on."""
    import scr_timeline.classify.chronologies as chronologies

    complete = chronologies.complete
    put_back: list[str] = []

    def fails_on_gen_4(read, asked, classified):
        if read.events["source_file"].eq("gen-4.csv").any():
            raise ValueError("cannot put it back")
        put_back.append(str(read.events["source_file"].iloc[0]))
        return complete(read, asked, classified)

    monkeypatch.setattr(chronologies, "complete", fails_on_gen_4)
    files = sorted(inputs.glob("gen-*.csv"))
    grouped = analyse_many(files, jobs=1, progress=False, keep_chronologies=True)
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        alone = analyse_many(files, jobs=1, progress=False, keep_chronologies=True)
    assert len(grouped.ok) == len(files) and "gen-4.csv" not in put_back
    assert len(put_back) == len(files) - 1
    assert_same_batch(grouped, alone)
