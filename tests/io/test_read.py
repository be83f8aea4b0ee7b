from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError, UnsupportedFormatError


def test_read_several_agency_files_merges_and_sorts(write_text, write_xlsx):
    police = write_text("police.csv", "Date,Details\n14/03/2007,DV call-out\n")
    gp = write_xlsx("gp.xlsx", {"Sheet1": [["Date", "Details"], ["12/03/2007", "seen"]]})
    chron = scr.read([police, gp], child_dob="01/03/2006", title="Child A")
    assert chron.events[S.AGENCY].tolist() == ["gp", "police"]
    assert chron.meta.title == "Child A"
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert len(chron.meta.sources) == 2


def test_read_folder(tmp_path, write_text):
    write_text("police.csv", "Date,Details\n14/03/2007,a\n")
    write_text("gp.csv", "Date,Details\n12/03/2007,b\n")
    (tmp_path / "notes.docx.tmp").write_text("x")
    chron = scr.read(tmp_path)
    assert sorted(chron.events[S.AGENCY].astype(str)) == ["gp", "police"]


def test_read_dataframe():
    frame = pd.DataFrame({"Date": ["12/03/2007"], "Agency": ["HV"], "Details": ["x"]})
    assert scr.read(frame).events[S.AGENCY].tolist() == ["health_visiting"]


def test_unsupported_and_missing(tmp_path):
    odd = tmp_path / "x.odt"
    odd.write_text("x")
    with pytest.raises(UnsupportedFormatError, match=r"x\.odt"):
        scr.read(odd)
    with pytest.raises(ChronologyReadError, match="no such file"):
        scr.read(tmp_path / "missing.csv")
    with pytest.raises(TypeError):
        scr.read(42)  # type: ignore[arg-type]
