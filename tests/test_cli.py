from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pandas as pd
import pytest

from scr_timeline.cli import main


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """``scr-timeline demo`` run once, from an empty folder, with its default output folder."""
    folder = tmp_path_factory.mktemp("demo")
    buffer = io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(buffer):
            code = main(["demo"])
    finally:
        os.chdir(cwd)
    return code, buffer.getvalue(), folder


def test_demo_prints_a_summary_of_every_sample(demo_run):
    code, out, _folder = demo_run
    assert code == 0
    for name in ("child-a-combined.csv", "child-b-agencies.xlsx", "child-c-messy-dates.csv"):
        assert name in out
    assert "events from" in out
    assert "rejected rows:" in out
    assert "June has 30 days" in out
    # each sample judged by the guidance of its time (child-b is a 2011-2013 case,
    # child-c a 2015-2016 one): no sample needs a rulebook_period note
    assert "findings (wt2010)" in out and "findings (wt2015)" in out
    assert "note (rulebook_period)" not in out


def test_demo_writes_tables_plots_and_a_report_per_sample_and_prints_the_paths(demo_run):
    _code, out, folder = demo_run
    written = folder / "scr-demo-output"
    assert sorted(p.name for p in written.iterdir()) == [
        "child-a-combined",
        "child-b-agencies",
        "child-c-messy-dates",
        "child-d-well-handled",
        "child-e-narrative",
        "child-e-word",
    ]
    sample = written / "child-a-combined"
    for name in (
        "events.csv",
        "rejected.csv",
        "warnings.csv",
        "findings.csv",
        "contacts.csv",
        "graph.graphml",
        "timeline.png",
        "network.png",
        "report.html",
    ):
        assert (sample / name).exists(), name
    assert (sample / "timeline.png").read_bytes().startswith(b"\x89PNG")
    report = (sample / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in report
    assert str((sample / "report.html").resolve()) in out
    assert not list(folder.glob("*.csv"))  # nothing written outside the output folder


def test_demo_out_names_the_folder(tmp_path):
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--out", str(tmp_path / "elsewhere")]) == 0
    assert (tmp_path / "elsewhere" / "child-b-agencies" / "report.html").exists()


def test_validate_lists_rejected_rows_and_warnings(capsys):
    from scr_timeline.datasets import sample_path

    assert main(["validate", str(sample_path("child-c-messy-dates"))]) == 0
    out = capsys.readouterr().out
    assert "impossible_date" in out and "unknown_agency" in out


def test_bad_input_exits_2_with_one_line_no_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Agency,Details\nGP,x\n")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: bad.csv")
    assert "Traceback" not in err


def test_python_dash_m_runs():
    done = subprocess.run(
        [sys.executable, "-m", "scr_timeline", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "scr-timeline" in done.stdout


def test_rules_lists_every_rule_of_a_rulebook(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "rulebook wt2006" in out and "INJ-STRAT" in out and "SUP-CADENCE" in out
    assert main(["rules", "--rulebook", "wt2013"]) == 0
    assert "ASM-SINGLE" in capsys.readouterr().out


def test_rules_with_a_missing_rulebook_is_bad_input(tmp_path, capsys):
    assert main(["rules", "--rulebook", str(tmp_path / "nope.toml")]) == 2
    assert capsys.readouterr().err.startswith("error:")


def test_demo_shows_findings_and_the_well_handled_case(demo_run):
    _code, out, _folder = demo_run
    assert "findings (wt2006): none" in out
    assert "working days late" in out


def test_demo_skips_a_sample_whose_reader_is_not_installed(monkeypatch, tmp_path, capsys):
    import scr_timeline.datasets as datasets
    from scr_timeline.exceptions import MissingDependencyError

    real = datasets.load_sample

    def without_word(name, **kwargs):
        if name == "child-e-word":
            raise MissingDependencyError("python-docx", "word", "reading Word documents")
        return real(name, **kwargs)

    monkeypatch.setattr(datasets, "load_sample", without_word)
    assert main(["demo", "--out", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    assert "child-e-word.docx: skipped: reading Word documents needs" in out
    assert 'pip install "scr-timeline[word]"' in out
    assert not (tmp_path / "demo" / "child-e-word").exists()
    assert (tmp_path / "demo" / "child-a-combined" / "report.html").exists()


def test_validate_reads_its_inputs_as_one_case_and_writes_the_list_with_out(tmp_path, capsys):
    csc = tmp_path / "csc.csv"
    csc.write_text("Date,Details\n22/03/2007,PPN received\n31/06/2007,Visit\n")
    gp = tmp_path / "gp.csv"
    gp.write_text("Date,Details\n05/03/2007,Seen\n=1+1,Formula-like date\n")
    out = tmp_path / "checked"
    assert main(["validate", str(csc), str(gp), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    # one summary for the case, whose social-care dates settle the GP file's order
    assert printed.count("events from") == 1
    assert "day_month_from_other_files" in printed
    table = pd.read_csv(out / "validation.csv", encoding="utf-8-sig", dtype=str)
    assert list(table.columns) == ["file", "sheet", "row", "kind", "code", "message", "value"]
    rejected = table[table["kind"] == "rejected"]
    assert rejected[["file", "row", "code"]].values.tolist() == [
        ["csc.csv", "3", "impossible_date"],
        ["gp.csv", "3", "unreadable_date"],
    ]
    assert rejected["value"].tolist() == ["31/06/2007", "'=1+1"]  # safe to open in Excel
    # an output folder that holds files is not overwritten without --force
    assert main(["validate", str(csc), "--out", str(out)]) == 2
    assert "validation.csv" not in capsys.readouterr().out
    assert main(["validate", str(csc), "--out", str(out), "--force"]) == 0
