from __future__ import annotations

import subprocess
import sys

from scr_timeline.cli import main


def test_demo_prints_a_summary_of_every_sample(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for name in ("child-a-combined.csv", "child-b-agencies.xlsx", "child-c-messy-dates.csv"):
        assert name in out
    assert "events from" in out
    assert "rejected rows:" in out
    assert "June has 30 days" in out


def test_demo_out_writes_tables(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "child-a-combined" / "events.csv").exists()
    assert (tmp_path / "child-b-agencies" / "rejected.csv").exists()


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


def test_demo_shows_findings_and_the_well_handled_case(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "findings (wt2006): none" in out
    assert "working days late" in out
