"""``scr-timeline analyse`` and ``batch``: outputs, exit codes, safety, the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.cli import main
from scr_timeline.datasets import sample_path

ANALYSE_FILES = [
    "events.csv",
    "rejected.csv",
    "warnings.csv",
    "contacts.csv",
    "findings.csv",
    "graph.graphml",
    "timeline.png",
    "network.png",
    "report.html",
]


def _script() -> str:
    """The installed console script, next to this interpreter."""
    script = Path(sys.executable).with_name("scr-timeline")
    if not script.exists():  # pragma: no cover - the Makefile installs it
        pytest.fail(f"the console script is not installed next to {sys.executable}")
    return str(script)


def test_analyse_prints_the_summary_and_every_finding(capsys):
    import scr_timeline as scr

    path = sample_path("child-a-combined")
    code = main(["analyse", str(path), "--child-dob", "01/03/2006", "--rulebook", "wt2010"])
    assert code == 0
    out = capsys.readouterr().out
    frame = scr.analyse(scr.read(path, child_dob="01/03/2006"), rulebook="wt2010").to_frame()
    assert "events from" in out and "child's date of birth: 01 Mar 2006" in out
    assert f"findings (wt2010): {len(frame)}" in out
    listed = [line.strip() for line in out.splitlines() if line.startswith("    [")]
    assert len(listed) == len(frame)  # every finding, most severe first
    severities = [line[1 : line.index(",")] for line in listed]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)
    first_high = frame[frame["severity"] == "high"].sort_values("trigger_start", kind="stable")
    row = first_high.iloc[0]
    assert listed[0] == f"[high, {row['status']}] {row['rule_id']}: {row['summary']}"


def test_analyse_out_writes_every_output_and_names_them(tmp_path, capsys):
    out = tmp_path / "child-a"
    code = main(["analyse", str(sample_path("child-a-combined")), "--out", str(out)])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(ANALYSE_FILES)
    printed = capsys.readouterr().out
    assert f"written to {out.resolve()}" in printed
    findings = pd.read_csv(out / "findings.csv", encoding="utf-8-sig")
    # no --child-dob: the birth recorded on row 2 gives it, so the age-based injury rules
    # apply (without it, 14 findings); as many as with the date of birth given, and as
    # many as the library finds
    expected = len(scr.analyse(scr.read(sample_path("child-a-combined"), child_dob="01/03/2006")))
    assert len(findings) == expected > 16
    assert "child's date of birth: 01 Mar 2006 (taken from the chronology" in printed
    assert not list(tmp_path.glob("*.csv"))  # nothing outside --out
    given = tmp_path / "given"
    code = main(
        [
            *("analyse", str(sample_path("child-a-combined")), "--out", str(given)),
            *("--child-dob", "01/03/2006", "--outputs", "findings"),
        ]
    )
    assert code == 0
    pd.testing.assert_frame_equal(
        pd.read_csv(given / "findings.csv", encoding="utf-8-sig"), findings
    )


def test_analyse_outputs_and_no_plots_choose_what_is_written(tmp_path):
    out = tmp_path / "out"
    code = main(
        [
            "analyse",
            str(sample_path("child-d-well-handled")),
            "--out",
            str(out),
            "--outputs",
            "findings,report,plots",
            "--no-plots",
        ]
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv", "report.html"]


def test_analyse_refuses_a_folder_holding_files_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    source = str(sample_path("child-d-well-handled"))
    assert main(["analyse", source, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    assert main(["analyse", source, "--out", str(out), "--force", "--no-plots"]) == 0
    assert (out / "findings.csv").exists() and (out / "mine.txt").exists()


def test_fail_on_exits_1_when_a_finding_reaches_the_severity(capsys):
    child_a = str(sample_path("child-a-combined"))
    assert main(["analyse", child_a, "--fail-on", "high"]) == 1
    assert main(["analyse", str(sample_path("child-d-well-handled")), "--fail-on", "low"]) == 0
    # child-c has medium and low findings and one high: --fail-on medium counts high too
    assert main(["analyse", str(sample_path("child-c-messy-dates")), "--fail-on", "medium"]) == 1
    capsys.readouterr()


def test_analyse_merges_several_agency_files_into_one_case(tmp_path, capsys):
    gp = tmp_path / "gp.csv"
    police = tmp_path / "police.csv"
    gp.write_text(
        "Date,Details\n12/03/2007,Child A seen by GP1: bruise to left cheek\n", encoding="utf-8"
    )
    police.write_text(
        "Date,Details\n13/03/2007,DC1 attended domestic incident at home address\n",
        encoding="utf-8",
    )
    assert main(["analyse", str(gp), str(police)]) == 0
    out = capsys.readouterr().out
    assert "2 events from 2 files" in out or "2 events" in out


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, capsys):
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\x00\x01\x02\x03" * 100)
    assert main(["analyse", str(garbage)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: garbage.csv") and err.count("\n") == 1
    assert main(["analyse", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["analyse", str(garbage), "--outputs", "pictures"]) == 2
    assert "unknown output 'pictures'" in capsys.readouterr().err


def test_an_internal_error_is_one_line_and_exit_3_and_a_traceback_with_debug(monkeypatch, capsys):
    import scr_timeline.rules as rules

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "analyse", explode)
    source = str(sample_path("child-d-well-handled"))
    assert main(["analyse", source]) == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError, match="boom"):
        main(["--debug", "analyse", source])


def test_exported_csvs_neutralise_formula_cells(tmp_path):
    source = tmp_path / "hostile.csv"
    source.write_text(
        "Date,Agency,Details\n"
        '12/03/2007,GP,"=HYPERLINK(""http://example.invalid"",""click"")"\n'
        "13/03/2007,Police,+44 20 7946 0000 called\n"
        "14/03/2007,CSC,@SUM(A1:A2)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["analyse", str(source), "--out", str(out), "--no-plots"]) == 0
    events = pd.read_csv(out / "events.csv", encoding="utf-8-sig", dtype=str)
    details = events["details"].tolist()
    assert all(d.startswith("'") for d in details), details
    for name in ("events.csv", "findings.csv", "contacts.csv", "warnings.csv", "rejected.csv"):
        for line in (out / name).read_text(encoding="utf-8-sig").splitlines():
            for cell in line.split(","):
                assert not cell.lstrip('"').startswith(("=", "+", "@")), (name, line)


def test_batch_writes_a_folder_per_chronology_and_reports_failures(tmp_path, capsys):
    inputs = tmp_path / "reviews"
    inputs.mkdir()
    for name in ("child-a-combined", "child-d-well-handled"):
        shutil.copy(sample_path(name), inputs)
    (inputs / "broken.csv").write_bytes(b"\x00garbage\x00")
    out = tmp_path / "out"
    code = main(["batch", str(inputs), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert code == 2  # a chronology failed; the others were analysed
    captured = capsys.readouterr()
    assert "3 chronologies: 2 ok, 1 failed" in captured.out
    assert captured.err.startswith("error: broken:") and "Traceback" not in captured.err
    summary = pd.read_csv(out / "summary.csv", encoding="utf-8-sig")
    assert summary.set_index("chronology")["status"].to_dict() == {
        "broken": "failed",
        "child-a-combined": "ok",
        "child-d-well-handled": "ok",
    }
    assert (out / "by_rule.csv").exists()
    for name in ANALYSE_FILES:
        assert (out / "child-a-combined" / name).exists(), name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="child-a-combined/report.html"' in index
    # an existing output folder is not overwritten; --resume finishes it without redoing
    assert main(["batch", str(inputs), "--out", str(out), "--no-progress"]) == 2
    assert "--force" in capsys.readouterr().err
    code = main(["batch", str(inputs), "--out", str(out), "--resume", "--no-progress"])
    assert code == 2
    assert "(2 finished earlier, not analysed again)" in capsys.readouterr().out


def test_batch_fail_on_and_all_ok_exit_codes(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(sample_path("child-d-well-handled"), inputs)
    args = ["batch", str(inputs), "--jobs", "1", "--no-progress", "--no-plots"]
    assert main([*args, "--out", str(tmp_path / "a"), "--fail-on", "low"]) == 0
    shutil.copy(sample_path("child-a-combined"), inputs)
    assert main([*args, "--out", str(tmp_path / "b"), "--fail-on", "high"]) == 1
    assert main([*args, "--out", str(tmp_path / "c"), "--jobs", "0"]) == 2
    capsys.readouterr()


def test_console_script_analyse_and_batch_run_in_a_subprocess(tmp_path):
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scr_timeline"}
    out = tmp_path / "one"
    done = subprocess.run(
        [_script(), "analyse", str(sample_path("child-a-combined")), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    expected = len(scr.analyse(scr.read(sample_path("child-a-combined"))))
    assert (out / "report.html").exists()
    assert f"findings (wt2006): {expected}" in done.stdout
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(sample_path("child-d-well-handled"), inputs)
    shutil.copy(sample_path("child-c-messy-dates"), inputs)
    done = subprocess.run(
        [_script(), "batch", str(inputs), "--out", str(tmp_path / "many"), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "2 chronologies: 2 ok, 0 failed" in done.stdout
    assert (tmp_path / "many" / "child-c-messy-dates" / "report.html").exists()
    bad = subprocess.run(
        [_script(), "analyse", str(tmp_path / "missing.xlsx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_analyse_anonymise_writes_the_key_apart_and_no_name_reaches_the_outputs(tmp_path):
    from scr_timeline.anonymise import AnonymisationKey, personalise

    source = tmp_path / "child.csv"
    source.write_text(
        "Date,Agency,Practitioner,Details\n"
        "12/03/2007,GP,Dr Khan,Mother (Tracey Smith) brought Kayden Smith; bruise to cheek\n"
        "13/03/2007,CSC,SW Ms Patel,Referral from GP; Tracey Smith and Steven Jones "
        "(mother's partner) seen at home\n"
        "14/03/2007,Police,DC Green,Steven Jones arrested; Kayden Smith seen\n",
        encoding="utf-8",
    )
    out = tmp_path / "shared"
    key = tmp_path / "secure" / "key.json"
    key.parent.mkdir()
    args = ["analyse", str(source), "--out", str(out), "--anonymise", str(key)]
    assert main(args) == 0
    assert key.is_file() and not (out / "key.json").exists()
    names = ("Tracey", "Smith", "Kayden", "Steven", "Jones", "Khan", "Patel", "Green")
    for path in out.iterdir():
        text = path.read_bytes().decode("utf-8", errors="replace") if path.suffix != ".png" else ""
        for name in names:
            assert name.lower() not in text.lower(), (path.name, name)
    events = pd.read_csv(out / "events.csv", encoding="utf-8-sig")
    assert events["details"].str.contains("Mother").any()
    # the key reverses it, and a second run reuses the same key
    import scr_timeline as scr

    anonymised = scr.anonymise(scr.read(source), names=AnonymisationKey.load(key))[0]
    restored = personalise(anonymised, AnonymisationKey.load(key))
    assert restored.events["details"].tolist() == scr.read(source).events["details"].tolist()
    # the key may not be written into the output folder
    inside = ["analyse", str(source), "--out", str(tmp_path / "o2"), "--anonymise"]
    assert main([*inside, str(tmp_path / "o2" / "key.json")]) == 2


def test_analyse_says_when_the_rulebook_was_not_in_force_for_the_events(capsys):
    path = str(sample_path("child-a-combined"))
    assert main(["analyse", path, "--rulebook", "wt2018"]) == 0
    out = capsys.readouterr().out
    assert "note (rulebook_period): The rulebook wt2018" in out
    # the advice is the command line's option, not the Python argument
    assert "run again with --rulebook wt2006 (or --rulebook in_force)" in out
    assert "analyse with rulebook=" not in out
    assert main(["analyse", path]) == 0
    assert "note (" not in capsys.readouterr().out  # wt2006 was in force


def test_analyse_takes_the_rulebook_in_force_when_asked(capsys):
    path = str(sample_path("child-b-agencies"))  # a 2011-2013 case: Working Together 2010
    assert main(["analyse", path, "--rulebook", "in_force"]) == 0
    out = capsys.readouterr().out
    assert "findings (wt2010)" in out and "note (" not in out
    assert main(["analyse", path]) == 0
    assert "note (rulebook_period)" in capsys.readouterr().out  # judged by wt2006
