"""Tables (s23 sweep): a title line naming the period gives its year to dates written
without one."""

from __future__ import annotations

import pandas as pd

import scr_timeline as scr

ROWS = (
    "Date,Staff,Details\n"
    "12/9,DSL,Child A arrived late and hungry.\n"
    "14/9,DSL,Bruise on arm seen; Mother says fell.\n"
    "3/10,Class teacher,Child A quiet.\n"
)


def _read(tmp_path, text: str) -> scr.Chronology:
    path = tmp_path / "school.csv"
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_a_title_naming_the_term_dates_a_log_without_years(tmp_path):
    # a school's log under 'School log - Autumn term 2007', its dates without a year: every
    # row had been rejected (missing_year)
    chron = _read(tmp_path, "School log - Autumn term 2007\n" + ROWS)
    assert chron.rejected.empty
    assert chron.events["start"].tolist() == [
        pd.Timestamp("2007-09-12"), pd.Timestamp("2007-09-14"), pd.Timestamp("2007-10-03"),
    ]  # fmt: skip
    first = chron.warnings[chron.warnings["code"] == "year_inferred"].iloc[0]
    assert "School log - Autumn term 2007" in first["message"]


def test_a_title_ending_with_a_year(tmp_path):
    chron = _read(tmp_path, "Education chronology 2007\n" + ROWS)
    assert chron.events["start"].dt.year.tolist() == [2007, 2007, 2007]


def test_a_date_of_birth_or_a_report_date_in_a_title_is_no_period(tmp_path):
    for title in ("Child A DOB: 01/03/2006", "Report printed 12/04/2009", "Chronology"):
        chron = _read(tmp_path, title + "\n" + ROWS)
        assert len(chron.events) == 0, title
        assert set(chron.rejected["reason_code"]) == {"missing_year"}, title


def test_dates_with_their_year_are_not_moved_by_the_title(tmp_path):
    chron = _read(
        tmp_path, "Chronology 2007\nDate,Staff,Details\n12/09/2008,DSL,Seen.\n3/10,DSL,Quiet.\n"
    )
    assert chron.events["start"].tolist() == [
        pd.Timestamp("2008-09-12"), pd.Timestamp("2008-10-03"),
    ]  # fmt: skip


def test_a_gp_consultation_problem_opens_the_details(tmp_path):
    # EMIS-style: the problem heading ('Bruising') titles the consultation; it had been kept
    # in extra, never classified
    path = tmp_path / "emis.csv"
    path.write_text(
        "Date,Time,User,Consultation Type,Problem,History,Examination,Plan\n"
        '12/03/2007,10:30,Dr B,Surgery consultation,Bruising,"Mum says fell off sofa.",'
        '"2cm mark L cheek.","Refer to paeds."\n',
        encoding="utf-8",
    )
    row = scr.read(path).events.iloc[0]
    assert row["details"] == "Bruising. Mum says fell off sofa.\nExamination: 2cm mark L cheek."
    assert pd.isna(row["extra"])
    assert bool(row["injury"])


def test_a_title_naming_several_years_gives_its_span_or_none(tmp_path):
    # 'from 2005 to 2008': the dates at the top are not in 2008 for that
    chron = _read(tmp_path, "Chronology of events from 2005 to 2008\n" + ROWS)
    assert set(chron.rejected["reason_code"]) == {"missing_year"}
    # a span of years read as one: its first year, the chronology running in date order
    chron = _read(tmp_path, "Period 2005 - 2008\n" + ROWS)
    assert chron.events["start"].dt.year.tolist() == [2005, 2005, 2005]
