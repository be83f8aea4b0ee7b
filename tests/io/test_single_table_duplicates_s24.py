"""Two agencies' records of one contact in a single combined table (a panel's chronology)."""

import scr_timeline as scr
from scr_timeline.io import table

ROWS = """\
Date,Agency,Worker,Details,Outcome
26/02/2024,Children's Social Care,IRO,ICPC. Child H made subject to a child protection plan under the category of neglect.,
26/02/2024,Education,DSL,DSL attended ICPC. Child H made subject to a CP plan - neglect.,School to attend core groups
14/03/2024,Children's Social Care,SW3,Core group meeting.,
"""


def test_a_combined_table_links_the_copies(tmp_path):
    path = tmp_path / "combined.csv"
    path.write_text(ROWS)
    chron = scr.read(path)
    # the school's record of attending is the copy of social care's minutes (row 2)
    links = chron.events["duplicate_of"]
    assert links.isna().tolist() == [True, False, True]
    assert links.iloc[1] == "combined-r2"
    assert "duplicates_not_checked" not in set(chron.warnings["code"])


def test_a_combined_table_too_big_to_compare_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(table, "DUPLICATES_UP_TO", 2)
    path = tmp_path / "combined.csv"
    path.write_text(ROWS)
    chron = scr.read(path)
    assert chron.events["duplicate_of"].isna().all()
    (message,) = chron.warnings.loc[chron.warnings["code"] == "duplicates_not_checked", "message"]
    assert "3 events from 2 agencies" in message


def test_one_agencys_table_is_not_compared(tmp_path, monkeypatch):
    monkeypatch.setattr(table, "DUPLICATES_UP_TO", 2)
    path = tmp_path / "csc.csv"
    path.write_text(ROWS.replace("Education", "Children's Social Care"))
    chron = scr.read(path)
    assert "duplicates_not_checked" not in set(chron.warnings["code"])
