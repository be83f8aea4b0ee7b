"""The Findings object: table, filtering, summary, explain, HTML and CSV."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline.rules.findings as findings_module
from scr_timeline.chronology import Chronology
from scr_timeline.rules import Finding, Findings, analyse
from scr_timeline.testing import make_events


@pytest.fixture
def findings() -> Findings:
    ev = make_events(
        start=["2007-04-09 19:20", "2007-06-11", "2007-06-29"],
        agency=["hospital", "health_visiting", "other"],
        organisation=["North Middlesex Hospital", None, None],
        event_type=["hospital_attendance", "disagreement", "other"],
        injury=[True, False, False],
        suspicious_injury=[True, False, False],
        injury_kinds=[("bruise",), (), ()],
        child_age_days=[405, 468, 486],
        details=["Bruising to face.", '=HYPERLINK("x")', None],
    )
    return analyse(Chronology(ev), rules=["INJ-STRAT", "ESC-DISAGREE"])


def test_table_columns_as_designed(findings):
    frame = findings.to_frame()
    assert tuple(frame.columns) == findings_module.FINDING_COLUMNS
    assert frame["finding_id"].tolist() == ["INJ-STRAT:e1", "ESC-DISAGREE:e2"]
    assert frame["agency"].tolist() == ["csc", "health_visiting"]
    assert frame["trigger_start"].iloc[0] == pd.Timestamp("2007-04-09 19:20")


def test_summary_sentence_a_reviewer_could_paste(findings):
    assert findings[0].summary == (
        "Suspicious injury (bruising, child aged 13 months) recorded by North Middlesex "
        "Hospital on 9 April 2007: no strategy discussion by 10 April 2007; none recorded "
        "before the chronology ends (Working Together 2006, ch. 5)."
    )


def test_finding_objects(findings):
    f = findings["ESC-DISAGREE:e2"]
    assert isinstance(f, Finding)
    assert f.status == "missing" and f.evidence == ("e2",) and f.delay_working_days is None
    assert [x.rule_id for x in findings] == ["INJ-STRAT", "ESC-DISAGREE"]
    with pytest.raises(KeyError):
        findings["nope"]
    with pytest.raises(AttributeError):
        f.status = "late"  # type: ignore[misc]


def test_filter_and_summary(findings):
    assert len(findings.filter(category="injury_procedure")) == 1
    assert len(findings.filter(severity=["high", "medium"], agency="csc")) == 1
    assert len(findings.filter(agency="police")) == 0
    table = findings.summary()
    assert table.loc["missed_escalation", "missing"] == 1
    assert table["total"].sum() == 2


def test_describe_points_back_to_the_rows(findings):
    text = findings.describe("INJ-STRAT:e1")
    assert "Bruising to face." in text and "row 2" in text and "Working Together" in text


def test_explain_gives_the_evidence_rows_with_their_roles_and_provenance(findings):
    rows = findings.explain("INJ-STRAT:e1")
    assert rows.loc["e1", "evidence_role"] == "trigger"
    assert rows.loc["e1", "details"] == "Bruising to face."
    assert {"source_file", "source_sheet", "source_row"} <= set(rows.columns)
    assert rows["start"].is_monotonic_increasing
    with pytest.raises(KeyError):
        findings.explain("nope")


def test_html_and_repr(findings):
    html = findings._repr_html_()
    assert "INJ-STRAT" in html and "<table>" in html
    assert "n=2" in repr(findings)
    assert "none" in Findings()._repr_html_()


def test_to_csv_is_safe_for_spreadsheets(tmp_path, findings):
    path = findings.to_csv(tmp_path / "out")
    assert path.name == "findings.csv"
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["finding_id"].tolist() == ["INJ-STRAT:e1", "ESC-DISAGREE:e2"]
    assert back["evidence"].tolist() == ["e1", "e2"]


def test_finding_fields_match_the_table():
    assert tuple(Finding.__dataclass_fields__) == findings_module.FINDING_COLUMNS


def test_to_csv_bytes_match_the_export_of_the_table_with_hostile_text(tmp_path):
    """The findings CSV is written column by column; its bytes must be those of the
    chronology's generic export (frame_for_export + write_csv_atomic), whatever the text."""
    from scr_timeline.chronology import frame_for_export, write_csv_atomic

    ev = make_events(
        start=["1960-02-29 10:00", "2007-04-09", "2007-04-10", "2007-06-11", "2007-06-12"],
        agency=["hospital", "gp", "police", "health_visiting", "education"],
        organisation=['=SUM(A1), "quoted"', "+44 surgery\nline two", "-1", "@home\rcr", "\tTab"],
        event_type=[
            "hospital_attendance",
            "hospital_attendance",
            "concern",
            "disagreement",
            "concern",
        ],
        injury=[True, True, True, False, True],
        suspicious_injury=[True, True, True, False, True],
        injury_kinds=[("bruise",), ("burn", "fracture"), (), (), ("bruise",)],
        child_age_days=[405, None, 20, 468, 700],
        date_text=["29/02/1960 10:00", "early April 2007", "10/04/07", "June 2007", ""],
        precision=["minute", "month", "day", "month", "day"],
    )
    findings = analyse(Chronology(ev), rules=["INJ-STRAT", "INJ-REFER", "ESC-DISAGREE"])
    assert len(findings) >= 4
    path = findings.to_csv(tmp_path / "new")
    expected = tmp_path / "old.csv"
    write_csv_atomic(frame_for_export(findings.to_frame()), expected)
    assert path.read_bytes() == expected.read_bytes()
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["summary"].str.contains("'=SUM|\n", regex=True).any()
    empty = Findings().to_csv(tmp_path / "empty")
    write_csv_atomic(frame_for_export(Findings().to_frame()), tmp_path / "empty-old.csv")
    assert empty.read_bytes() == (tmp_path / "empty-old.csv").read_bytes()
    hostile = findings.to_frame()
    hostile["summary"] = ["=cmd|' /C calc'!A0", '+1, "two"', "-\r\nx", None, "@x\ty"][
        : len(hostile)
    ]
    hostile["agency"] = ["\tcsc", "\rgp", "csc", "gp", "police"][: len(hostile)]
    crafted = Findings(hostile).to_csv(tmp_path / "crafted")
    write_csv_atomic(frame_for_export(Findings(hostile).to_frame()), tmp_path / "crafted-old.csv")
    assert crafted.read_bytes() == (tmp_path / "crafted-old.csv").read_bytes()
    assert b"'=cmd" in crafted.read_bytes()


def test_findings_point_to_the_file_sheet_and_row_of_their_trigger():
    """A reviewer who opens findings.csv alone sees where each finding's trigger was read."""
    ev = make_events(
        start=["2007-04-09 19:20", "2007-06-11", "2007-06-29"],
        agency=["hospital", "health_visiting", "csc"],
        event_type=["hospital_attendance", "disagreement", "home_visit"],
        injury=[True, False, False],
        suspicious_injury=[True, False, False],
        source_file=["hospital.xlsx", "hv.docx", "csc.csv"],
        source_sheet=["A&E", None, None],
        source_row=[14, 3, 40],
    )
    frame = analyse(Chronology(ev), rules=["INJ-STRAT", "ESC-DISAGREE"]).to_frame()
    assert tuple(frame.columns[-3:]) == ("source_file", "source_sheet", "source_row")
    assert frame["source_file"].tolist() == ["hospital.xlsx", "hv.docx"]
    assert frame["source_sheet"].iloc[0] == "A&E" and pd.isna(frame["source_sheet"].iloc[1])
    assert frame["source_row"].tolist() == [14, 3]
    assert frame.dtypes.to_dict() == findings_module.FINDING_DTYPES
    f = analyse(Chronology(ev), rules=["INJ-STRAT"])[0]
    assert (f.source_file, f.source_sheet, f.source_row) == ("hospital.xlsx", "A&E", 14)


def test_findings_csv_read_back_keeps_the_trigger_source_and_dtypes(tmp_path):
    """batch's resume path reads findings.csv back: the source columns round-trip."""
    from scr_timeline.batch import _read_findings_csv

    ev = make_events(
        start=["2007-04-09", "2007-06-11"],
        agency=["hospital", "health_visiting"],
        event_type=["hospital_attendance", "disagreement"],
        injury=[True, False],
        suspicious_injury=[True, False],
        source_file=["=hospital.xlsx", "hv, notes.docx"],
        source_sheet=["Sheet 1", None],
        source_row=[7, 120],
    )
    findings = analyse(Chronology(ev), rules=["INJ-STRAT", "ESC-DISAGREE"])
    back = _read_findings_csv(findings.to_csv(tmp_path))
    pd.testing.assert_frame_equal(back, findings.to_frame(), check_exact=True)
