"""Tables as schools and agencies export them (s27 sweep, tables): a school system's export
with no agency column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr
from scr_timeline.io.headers import school_headings

_CPOMS = (
    "Student,Incident date,Incident time,Category,Incident,Action taken,Reported by,"
    "Assigned to,Status\n"
    'Child A,12/09/2022,08:45,Physical injury,"Child A arrived with bruise on right forearm.",'
    '"DSL informed. Referral to MASH at 10:15.",Teacher T1,DSL1,Closed\n'
    "Child A,13/09/2022,,Attendance,Child A absent. No reason given.,First day calling.,"
    "Office O1,,Closed\n"
)


def _read(tmp_path: Path, text: str, name: str = "export.csv", **kwargs: object) -> scr.Chronology:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scr.read(path, **kwargs)


def _codes(chron: scr.Chronology) -> set[str]:
    return set(chron.warnings["code"])


def test_a_school_systems_export_with_no_agency_column_is_educations(tmp_path: Path) -> None:
    # 'Office O1' (a role the vocabulary does not know) had been 'other' with no_agency
    chron = _read(tmp_path, _CPOMS)
    assert chron.events["agency"].astype(str).tolist() == ["education", "education"]
    assert "no_agency" not in _codes(chron)
    (note,) = chron.warnings.loc[chron.warnings["code"] == "agency_from_headings", "message"]
    assert "'Student'" in note and "'education'" in note
    assert chron.events["extra"].str.contains("Student: Child A").all()  # nothing lost


def test_the_same_in_excel(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Pupil": ["Child A"],
            "Date": ["12/09/2022"],
            "Concern": ["Child A withdrawn in class."],
            "Reported by": ["Office O1"],
        }
    )
    path = tmp_path / "export.xlsx"
    frame.to_excel(path, index=False, sheet_name="Sheet1")
    chron = scr.read(path)
    assert chron.events["agency"].astype(str).tolist() == ["education"]
    assert "agency_from_headings" in _codes(chron)


def test_a_named_agency_wins_over_the_headings(tmp_path: Path) -> None:
    text = "Date,Agency,Student,Details\n12/09/2022,Police,Child A,PC2 attended school.\n"
    chron = _read(tmp_path, text)
    assert chron.events["agency"].astype(str).tolist() == ["police"]
    assert "agency_from_headings" not in _codes(chron)
    # the file name, or agency=, wins too
    chron = _read(tmp_path, _CPOMS, name="gp.csv")
    assert set(chron.events["agency"].astype(str)) == {"gp"}
    assert "agency_from_headings" not in _codes(chron)
    chron = _read(tmp_path, _CPOMS, agency="csc")
    assert set(chron.events["agency"].astype(str)) == {"csc"}


def test_a_blank_agency_cell_takes_education_from_the_headings(tmp_path: Path) -> None:
    text = (
        "Date,Agency,Year group,Details\n"
        "12/09/2022,,Year 3,Child A withdrawn in class.\n"
        "13/09/2022,Police,Year 3,PC2 attended school.\n"
    )
    chron = _read(tmp_path, text)
    assert chron.events["agency"].astype(str).tolist() == ["education", "police"]
    assert "agency_from_headings" in _codes(chron) and "no_agency" not in _codes(chron)


def test_headings_other_records_write_too_say_nothing(tmp_path: Path) -> None:
    # a Mosaic 'Form' is a workflow step; 'Student nurse' is a health record's
    assert school_headings(["Date", "Form", "Class", "Student nurse", "Year"]) == []
    assert school_headings(["Linked student(s)", "Tutor group", "UPN"]) == [
        "Linked student(s)",
        "Tutor group",
        "UPN",
    ]
    chron = _read(tmp_path, "Date,Form,Details\n12/09/2022,Strategy discussion,Held.\n")
    assert "no_agency" in _codes(chron) and "agency_from_headings" not in _codes(chron)
