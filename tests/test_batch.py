"""Batch analysis: many chronologies, local processes or Dask, failures isolated, resumable."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.batch import (
    RESULT_FILE,
    BatchResult,
    ChronologyResult,
    analyse_many,
    batch_inputs,
)
from scr_timeline.chronology import frame_for_export
from scr_timeline.datasets import sample_path
from scr_timeline.exceptions import ChronologyReadError, OutputError
from scr_timeline.report import render_batch_index

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "_bench_generate", ROOT / "benchmarks/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_broken(folder: Path) -> list[Path]:
    """Three broken chronologies: binary garbage, no date column, a header and nothing else."""
    garbage = folder / "zz-garbage.csv"
    garbage.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    no_date = folder / "zz-no-date.csv"
    no_date.write_text("Agency,Details\nGP,Child A seen\n", encoding="utf-8")
    header_only = folder / "zz-header-only.csv"
    header_only.write_text("Date,Agency,Details\n", encoding="utf-8")
    return [garbage, no_date, header_only]


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory) -> Path:
    """197 generated chronologies (20 to 80 rows each) and 3 broken ones."""
    folder = tmp_path_factory.mktemp("reviews")
    gen = _generator()
    for i in range(197):
        frame = gen.generate_chronology(20 + (i * 7) % 61, seed=i)
        frame.to_csv(folder / f"review-{i:03d}.csv", index=False)
    _write_broken(folder)
    return folder


@pytest.fixture(scope="module")
def batch_200(two_hundred, tmp_path_factory) -> tuple[BatchResult, Path]:
    out = tmp_path_factory.mktemp("batch-out") / "out"
    result = analyse_many(two_hundred, jobs=2, progress=False, out=out, outputs=["findings"])
    return result, out


def test_two_hundred_chronologies_with_three_broken_give_197_ok_and_3_failed(batch_200):
    result, _out = batch_200
    summary = result.summary()
    assert len(summary) == 200
    assert summary["status"].value_counts().to_dict() == {"ok": 197, "failed": 3}
    failed = summary[summary["status"] == "failed"].set_index("chronology")
    assert sorted(failed.index) == ["zz-garbage", "zz-header-only", "zz-no-date"]
    assert failed.loc["zz-no-date", "error_type"] == "MissingColumnError"
    assert "date" in failed.loc["zz-no-date", "error"]
    assert failed.loc["zz-header-only", "error_type"] == "EmptyChronologyError"
    assert (failed["error"].str.len() > 0).all()
    ok = summary[summary["status"] == "ok"]
    assert (ok["events"] > 0).all() and (ok["error"] == "").all()
    # results come back in input order whatever order the workers finished in
    assert summary["chronology"].tolist() == sorted(summary["chronology"])


def test_summary_counts_findings_by_category_and_agree_with_each_result(batch_200):
    result, _out = batch_200
    summary = result.summary().set_index("chronology")
    category_columns = [c for c in summary.columns if c.startswith("findings_")]
    assert "findings_supervision_gap" in category_columns
    ok = summary[summary["status"] == "ok"]
    assert (ok[category_columns].sum(axis=1) == ok["findings"]).all()
    one = result["review-010"]
    assert one.ok and summary.loc["review-010", "findings"] == len(one.findings)
    assert pd.isna(summary.loc["zz-garbage", "findings"])


def test_by_rule_is_the_thematic_view_across_chronologies(batch_200):
    result, _out = batch_200
    by_rule = result.by_rule()
    rules = scr.list_rules("wt2006")
    assert set(rules["id"]) <= set(by_rule["rule_id"])  # rules with no finding are listed too
    assert by_rule["findings"].sum() == len(result.findings())
    findings = result.findings()
    for row in by_rule.head(3).itertuples():
        mine = findings[findings["rule_id"] == row.rule_id]
        assert row.chronologies == mine["chronology"].nunique()
        assert row.share == pytest.approx(row.chronologies / 197, abs=1e-4)
        assert row.missing + row.late + row.gap == row.findings
    assert by_rule["chronologies"].is_monotonic_decreasing


def test_batch_out_writes_a_folder_per_chronology_and_the_summaries(batch_200):
    _result, out = batch_200
    for name in ("summary.csv", "by_rule.csv", "findings.csv", "index.html"):
        assert (out / name).is_file(), name
    assert (out / "review-000" / "findings.csv").is_file()
    assert not (out / "review-000" / "report.html").exists()  # outputs=["findings"] only
    record = json.loads((out / "zz-garbage" / RESULT_FILE).read_text(encoding="utf-8"))
    assert record["summary"]["status"] == "failed"
    summary = pd.read_csv(out / "summary.csv", encoding="utf-8-sig")
    assert len(summary) == 200 and (summary["status"] == "failed").sum() == 3
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "197" in index and "zz-garbage" in index and "<script" not in index


def test_batch_findings_csv_has_the_bytes_pandas_would_write(batch_200, tmp_path):
    """The combined findings.csv is assembled by Arrow; it must be byte for byte what
    frame_for_export and pandas write, with tricky cells (quotes, commas, line breaks,
    formula-like text) among them."""
    result, out = batch_200
    # each worker made its chronology's rows (the parent only joins them)
    assert all(r.csv_rows is not None for r in result.ok)
    expected = frame_for_export(result.findings()).to_csv(
        index=False, date_format="%Y-%m-%d %H:%M:%S"
    )
    assert (out / "findings.csv").read_bytes() == ("\ufeff" + expected).encode("utf-8")

    # cells the generated chronologies do not have: quotes, line breaks, formulas
    first = next(r for r in result.results if r.ok and r.findings is not None and len(r.findings))
    findings = first.findings.copy()
    findings["summary"] = findings["summary"].astype("string")
    findings.loc[0, "summary"] = 'Mother said "he fell",\nseen with Mother'
    findings.loc[len(findings) - 1, "summary"] = "=HYPERLINK(x), bruising"
    tricky = BatchResult(
        [ChronologyResult('+review, "one"', ("x.csv",), "ok", findings=findings)],
        rulebook="wt2006",
    )
    tricky.write_summaries(tmp_path / "out", chart=False)
    expected = frame_for_export(tricky.findings()).to_csv(
        index=False, date_format="%Y-%m-%d %H:%M:%S"
    )
    written = (tmp_path / "out" / "findings.csv").read_bytes()
    assert written == ("\ufeff" + expected).encode("utf-8")
    assert b'"\'+review, ""one"""' in written and b"'=HYPERLINK" in written


def test_one_process_and_two_give_the_same_findings(two_hundred, tmp_path):
    files = sorted(two_hundred.glob("review-00*.csv"))
    one = analyse_many(files, jobs=1, progress=False)
    two = analyse_many(files, jobs=2, progress=False)
    assert all(r.csv_rows is None for r in two)  # nothing written: no rows kept
    pd.testing.assert_frame_equal(one.findings(), two.findings())
    pd.testing.assert_frame_equal(
        one.summary().drop(columns="seconds"), two.summary().drop(columns="seconds")
    )


def test_existing_output_folder_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    source = sample_path("child-d-well-handled")
    with pytest.raises(OutputError, match="already holds files"):
        analyse_many([source], jobs=1, progress=False, out=out)
    result = analyse_many([source], jobs=1, progress=False, out=out, force=True)
    assert result.summary()["status"].tolist() == ["ok"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_resume_skips_finished_chronologies_and_redoes_changed_or_unfinished(tmp_path):
    gen = _generator()
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(4):
        gen.generate_chronology(30, seed=100 + i).to_csv(inputs / f"r{i}.csv", index=False)
    out = tmp_path / "out"
    first = analyse_many(inputs, jobs=1, progress=False, out=out, outputs=["findings", "tables"])
    assert not any(r.resumed for r in first)
    # an interrupted run: r1 never finished, r2's input changed since
    (out / "r1" / RESULT_FILE).unlink()
    gen.generate_chronology(35, seed=7).to_csv(inputs / "r2.csv", index=False)
    again = analyse_many(
        inputs, jobs=1, progress=False, out=out, outputs=["findings", "tables"], resume=True
    )
    assert [r.resumed for r in again] == [True, False, False, True]
    pd.testing.assert_frame_equal(
        first.findings().query("chronology == 'r0'").reset_index(drop=True).astype(str),
        again.findings().query("chronology == 'r0'").reset_index(drop=True).astype(str),
    )
    assert again["r2"].events != first["r2"].events
    assert len(pd.read_csv(out / "summary.csv", encoding="utf-8-sig")) == 4


def test_inputs_files_case_folders_and_patterns(tmp_path):
    gen = _generator()
    (tmp_path / "case-1").mkdir()
    gen.generate_chronology(10, seed=1).to_csv(tmp_path / "case-1" / "gp.csv", index=False)
    gen.generate_chronology(10, seed=2).to_csv(tmp_path / "case-1" / "police.csv", index=False)
    gen.generate_chronology(10, seed=3).to_csv(tmp_path / "single.csv", index=False)
    (tmp_path / "notes.docx.bak").write_text("not a chronology", encoding="utf-8")
    (tmp_path / "~$single.xlsx").write_bytes(b"lock file")
    found = dict(batch_inputs([tmp_path]))
    assert sorted(found) == ["case-1", "single"]
    assert [p.name for p in found["case-1"]] == ["gp.csv", "police.csv"]
    assert [n for n, _ in batch_inputs([str(tmp_path / "*.csv")])] == ["single"]
    with pytest.raises(ChronologyReadError, match="matches no chronology file"):
        batch_inputs([str(tmp_path / "*.xlsx")])
    with pytest.raises(ChronologyReadError, match="no such file"):
        batch_inputs([tmp_path / "missing"])


def test_names_are_safe_folder_names_and_unique(tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for folder in (a, b):
        (folder / "Child A (GP) ..csv").write_text("Date,Details\n01/02/2007,seen\n", "utf-8")
    names = [n for n, _ in batch_inputs([a / "Child A (GP) ..csv", b / "Child A (GP) ..csv"])]
    assert names == ["Child-A-GP", "Child-A-GP-2"]
    assert all(os.sep not in n and not n.startswith(".") for n in names)


def test_a_merged_case_folder_is_one_chronology(tmp_path):
    gen = _generator()
    case = tmp_path / "cases" / "case-7"
    case.mkdir(parents=True)
    gen.generate_chronology(15, seed=1).to_csv(case / "gp.csv", index=False)
    gen.generate_chronology(12, seed=2).to_csv(case / "police.csv", index=False)
    result = analyse_many(tmp_path / "cases", jobs=1, progress=False, keep_chronologies=True)
    assert len(result) == 1
    only = result["case-7"]
    assert only.ok and only.chronology is not None
    assert only.events + only.rejected == 27
    assert only.chronology.events["source_file"].nunique() == 2


def test_unexpected_errors_are_isolated_with_their_traceback(tmp_path, monkeypatch):
    import scr_timeline.rules as rules

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "analyse", explode)
    result = analyse_many([sample_path("child-d-well-handled")], jobs=1, progress=False)
    failed = result.failed[0]
    assert failed.error == "internal error: RuntimeError: boom"
    assert "Traceback" in failed.traceback


def test_progress_bar_reports_every_chronology(tmp_path, capsys):
    gen = _generator()
    for i in range(3):
        gen.generate_chronology(10, seed=i).to_csv(tmp_path / f"r{i}.csv", index=False)
    analyse_many(tmp_path, jobs=1, progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "chronology" in err


def test_batch_result_repr_and_html():
    result = analyse_many(
        [sample_path("child-a-combined"), sample_path("child-d-well-handled")],
        jobs=1,
        progress=False,
    )
    assert repr(result).startswith("<BatchResult 2 chronologies: 2 ok, 0 failed")
    assert "<table" in result._repr_html_()
    assert result[0].name == "child-a-combined"
    with pytest.raises(KeyError):
        result["nope"]


@pytest.mark.slow
def test_dask_local_cluster_runs_the_same_work(two_hundred, tmp_path):
    distributed = pytest.importorskip("distributed")
    files = [*sorted(two_hundred.glob("review-01*.csv")), two_hundred / "zz-garbage.csv"]
    local = analyse_many(files, jobs=1, progress=False)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = analyse_many(files, client=client, progress=False, out=tmp_path / "out")
        by_address = analyse_many(files[:2], client=cluster.scheduler_address, progress=False)
        from scr_timeline.cli import main

        cli_out = tmp_path / "cli"
        dask = ["--dask", cluster.scheduler_address, "--outputs", "findings", "--no-progress"]
        code = main(["batch", *map(str, files[:2]), "--out", str(cli_out), *dask])
    assert on_dask.summary()["status"].value_counts().to_dict() == {"ok": 10, "failed": 1}
    pd.testing.assert_frame_equal(local.findings(), on_dask.findings())
    assert (tmp_path / "out" / "index.html").is_file()
    assert len(by_address.ok) == 2
    assert code == 0 and (cli_out / "summary.csv").is_file()


class _KillsItsWorker:
    """Unpickled in a worker process, this ends the process at once (as an OOM kill would)."""

    def __reduce__(self):
        return (os._exit, (13,))


def test_a_worker_that_dies_fails_only_its_chronology(two_hundred):
    from scr_timeline.batch import _run_processes, _Task

    def task(i: int, rulebook: object) -> _Task:
        return _Task(
            index=i,
            name=f"review-{i:03d}",
            files=(str(two_hundred / f"review-{i:03d}.csv"),),
            read_options={},
            rulebook=rulebook,
            out=None,
            outputs=frozenset(),
            keep=False,
        )

    tasks = [task(i, "wt2006") for i in range(5)]
    tasks[2] = task(2, _KillsItsWorker())
    results = sorted(_run_processes(tasks, 2), key=lambda r: r.index)
    assert [r.status for r in results] == ["ok", "ok", "failed", "ok", "ok"]
    assert results[2].error_type == "WorkerDied" and "died" in results[2].error


def test_an_output_folder_inside_the_input_folder_is_not_read_as_a_chronology(tmp_path):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "child-d.csv").write_bytes(sample_path("child-d-well-handled").read_bytes())
    out = reviews / "results"
    first = analyse_many(reviews, jobs=1, progress=False, out=out, outputs=["findings", "tables"])
    again = analyse_many(
        reviews, jobs=1, progress=False, out=out, outputs=["findings", "tables"], resume=True
    )
    assert [r.name for r in first] == [r.name for r in again] == ["child-d"]
    assert again["child-d"].resumed


def _write_born_and_none(folder: Path) -> None:
    """born.csv records the child's birth (its date of birth is taken from it); none.csv
    gives neither a date of birth nor ages."""
    (folder / "born.csv").write_text(
        "Date,Agency,Details\n01/03/2006,Midwifery,Child A born at home.\n"
        "11/10/2006,GP,Bruise to the cheek.\n",
        encoding="utf-8",
    )
    (folder / "none.csv").write_text(
        "Date,Agency,Details\n11/10/2006,GP,Bruise to the cheek.\n", encoding="utf-8"
    )


def test_the_summary_says_which_chronologies_had_a_date_of_birth_and_whence(tmp_path):
    """A researcher must see where the age-based rules were on: the date of birth given,
    taken from the chronology itself, or none."""
    _write_born_and_none(tmp_path)
    files = [tmp_path / "born.csv", tmp_path / "none.csv"]
    out = tmp_path / "out"
    result = analyse_many(files, jobs=1, progress=False, out=out, outputs=["findings"])
    summary = result.summary().set_index("chronology")
    assert summary.loc["born", ["child_dob", "child_dob_from"]].tolist() == [
        "01/03/2006",
        "chronology",
    ]
    assert summary.loc["none", ["child_dob", "child_dob_from"]].tolist() == ["", ""]
    assert result["born"].child_dob == pd.Timestamp("2006-03-01")
    resumed = analyse_many(
        files, jobs=1, progress=False, out=out, outputs=["findings"], resume=True
    )
    assert all(r.resumed for r in resumed)
    assert resumed["born"].child_dob == pd.Timestamp("2006-03-01")
    assert resumed["born"].child_dob_from == "chronology"
    given = analyse_many(files[:1], jobs=1, progress=False, child_dob="02/03/2006")
    assert given.summary()["status"].tolist() == ["ok"]
    assert given.summary()[["child_dob", "child_dob_from"]].values.tolist() == [
        ["02/03/2006", "given"]
    ]


def test_the_summary_says_where_each_chronologys_ages_came_from(tmp_path):
    """Stated ages (an age column, no date of birth), a date of birth given or taken from
    the chronology, or none (the age-based rules were off): in summary(), summary.csv,
    the index page, and after a resume."""
    (tmp_path / "aged.csv").write_text(
        "Date,Age,Agency,Details\n01/03/2007,9/12,GP,Bruise to left cheek.\n"
        "08/03/2007,,HV,Home visit.\n15/03/2007,9 months,GP,Review.\n",
        encoding="utf-8",
    )
    _write_born_and_none(tmp_path)
    files = [tmp_path / f"{name}.csv" for name in ("aged", "born", "none")]
    out = tmp_path / "out"
    result = analyse_many(files, jobs=1, progress=False, out=out, outputs=["findings"])
    columns = ["child_dob", "ages_from", "events_with_age"]
    expected = [
        ["", "age_column", 2],
        ["01/03/2006", "dob_inferred", 2],
        ["", "none", 0],
    ]
    assert result.summary()[columns].values.tolist() == expected
    written = pd.read_csv(out / "summary.csv", encoding="utf-8-sig", keep_default_na=False)
    assert written[columns].values.tolist() == expected
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Ages from</th>' in index
    assert '<th scope="col" class="num">Warnings</th>' in index  # no_child_dob for none.csv
    assert "age column (2 of 3 events)" in index
    assert "date of birth 01/03/2006, from the chronology" in index
    assert "none: age-based rules off" in index
    resumed = analyse_many(
        files, jobs=1, progress=False, out=out, outputs=["findings"], resume=True
    )
    assert all(r.resumed for r in resumed)
    assert resumed.summary()[columns].values.tolist() == expected
    given = analyse_many(files[:1], jobs=1, progress=False, child_dob="01/06/2006")
    assert given.summary()[columns].values.tolist() == [["01/06/2006", "dob_given", 3]]


def test_in_force_judges_each_chronology_by_the_edition_of_its_time(tmp_path):
    """A research batch over reviews of several eras: each chronology against the guidance
    of its own time, the summary naming it; with one rulebook for all, the summary carries
    each chronology's rulebook_period note."""
    header = "Date,Agency,Details\n"
    (tmp_path / "case-2007.csv").write_text(
        header + "11/10/2007,GP,Bruise to the cheek of Child A aged 4 months.\n"
        "20/10/2007,Health Visiting,Home visit.\n",
        encoding="utf-8",
    )
    (tmp_path / "case-2019.csv").write_text(
        header + "11/10/2019,GP,Bruise to the cheek of Child A aged 4 months.\n"
        "20/10/2019,Health Visiting,Home visit.\n",
        encoding="utf-8",
    )
    files = sorted(tmp_path.glob("*.csv"))
    out = tmp_path / "out"
    result = analyse_many(files, rulebook="in_force", jobs=1, progress=False, out=out)
    summary = result.summary().set_index("chronology")
    assert summary["rulebook"].tolist() == ["wt2006", "wt2018"]
    assert summary["rulebook_period"].tolist() == ["", ""]
    for name, edition in (("case-2007", "wt2006"), ("case-2019", "wt2018")):
        alone = scr.analyse(scr.read(tmp_path / f"{name}.csv"), rulebook=edition).to_frame()
        assert result[name].findings["rule_id"].tolist() == alone["rule_id"].tolist()
    # the thematic view lists the rules of both editions (wt2018's own rule ids too)
    by_rule = result.by_rule()
    wt2018_only = set(scr.list_rules("wt2018")["id"]) - set(scr.list_rules("wt2006")["id"])
    assert wt2018_only and wt2018_only <= set(by_rule["rule_id"])
    assert by_rule["category"].notna().all()
    # a rule of both editions cites each edition's own paragraph
    (strat,) = by_rule.loc[by_rule["rule_id"] == "INJ-STRAT", "reference"]
    assert strat.startswith("wt2006: Working Together to Safeguard Children 2006")
    assert "; wt2018: Working Together to Safeguard Children 2018" in strat
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Rulebooks: the edition in force for each chronology (wt2006, wt2018)" in page
    assert "not in force then" not in page
    written = pd.read_csv(out / "summary.csv", encoding="utf-8-sig", keep_default_na=False)
    assert written["rulebook"].tolist() == ["wt2006", "wt2018"]
    resumed = analyse_many(files, rulebook="in_force", jobs=1, progress=False, out=out, resume=True)
    assert all(r.resumed for r in resumed)
    assert [r.rulebook for r in resumed] == ["wt2006", "wt2018"]
    # one rulebook for every era: the 2019 case's note says it was not in force then
    fixed_run = analyse_many(files, rulebook="wt2006", jobs=1, progress=False)
    fixed = fixed_run.summary()
    assert fixed["rulebook"].tolist() == ["wt2006", "wt2006"]
    page = render_batch_index(fixed_run)
    assert "Rulebook wt2006 ·" in page
    assert page.count("not in force then") == 1  # the 2019 case's row, its note in the title
    assert 'title="The rulebook wt2006 (Working Together to Safeguard Children 2006' in page
    assert fixed["rulebook_period"][0] == ""
    assert (
        "Working Together to Safeguard Children 2018 (wt2018) applied"
        in (fixed["rulebook_period"][1])
    )
