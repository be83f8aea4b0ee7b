"""Headings as schools' and agencies' systems write them (s27 sweep, tables)."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline.io.headers import map_headings


def test_a_bare_category_is_the_entrys_kind_when_no_named_one_is_there(tmp_path: Path) -> None:
    # MyConcern / CPOMS 'Category' had been kept in extra only ('Category: Attendance')
    path = tmp_path / "school-log.csv"
    path.write_text(
        "Student,Incident date,Category,Incident,Action taken,Reported by\n"
        "Child A,12/09/2022,Physical injury,Child A arrived with bruise on arm.,Logged.,T1\n"
        "Child A,13/09/2022,Attendance,Child A absent. No reason given.,Called.,Office O1\n",
        encoding="utf-8",
    )
    events = scr.read(path).events
    assert events["contact_type"].tolist() == ["Physical injury", "Attendance"]
    assert events["extra"].tolist() == ["Student: Child A", "Student: Child A"]


def test_a_named_type_column_wins_and_the_category_is_kept() -> None:
    assert map_headings(["Date", "Contact type", "Category", "Details"]) == {
        0: "date",
        1: "contact_type",
        3: "details",
    }


def test_headings_naming_the_category_are_not_read_by_their_other_word() -> None:
    # 'Category description' would otherwise take the details from 'Entry'
    assert map_headings(["Date", "Category description", "Entry"]) == {0: "date", 2: "details"}
    assert map_headings(["Category date", "Date", "Details"]) == {1: "date", 2: "details"}
