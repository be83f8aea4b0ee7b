"""A council's name in the agency column with a team column beside it: the name and the
team together name the agency ("Northshire Council" | "Duty & Assessment" is children's
social care), with an agency_not_specific warning saying how many rows were decided so."""

from __future__ import annotations

import scr_timeline as scr

TABLE = """\
Date,Agency,{team},Worker,Details
12/03/2007,Northshire Council,Assessment,SW1,Home visit. Child A seen.
13/03/2007,Northshire Council,Duty & Assessment,SW2,Strategy discussion with police.
14/03/2007,Northshire Council,MASH,SW3,Contact received from school.
15/03/2007,Northshire Council,Housing Options,HO1,Mother presented as homeless.
16/03/2007,Children's Services,Housing Options,SW1,Visit.
17/03/2007,Northshire Council,,SW1,Visit.
"""


def _read(tmp_path, team="Team"):
    path = tmp_path / "council.csv"
    path.write_text(TABLE.format(team=team), encoding="utf-8")
    return scr.read(path)


def test_a_council_and_its_team_name_the_agency(tmp_path):
    chron = _read(tmp_path)
    assert chron.events["agency"].astype(str).tolist() == [
        "other",  # 'Assessment' alone names no agency
        "csc",
        "csc",
        "housing",
        "csc",  # a known agency is kept whatever the team
        "other",  # no team
    ]
    # the agency as written is kept
    assert set(chron.events["organisation"].astype(str)) == {
        "Northshire Council",
        "Children's Services",
    }
    codes = chron.warnings.set_index("code")["message"]
    assert (
        "3 of its row(s) took their agency from the team named beside it"
        in (codes["agency_not_specific"])
    )
    assert "csc (2), housing (1)" in codes["agency_not_specific"]
    # the rows still undecided are named as before
    assert "(2 row(s)) recorded as 'other'" in codes["unknown_agency"]


def test_a_service_area_column_is_a_team_too(tmp_path):
    chron = _read(tmp_path, team="Service area")
    assert chron.events["agency"].astype(str).tolist()[1:4] == ["csc", "csc", "housing"]


def test_a_column_of_another_heading_is_no_team(tmp_path):
    chron = _read(tmp_path, team="Notes")
    assert set(chron.events["agency"].astype(str)) == {"other", "csc"}
    assert chron.events["agency"].astype(str).tolist()[1] == "other"
    assert not (chron.warnings["code"] == "agency_not_specific").any()
