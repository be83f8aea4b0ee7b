"""A case system's name in a file or sheet name gives the agency, as 'EMIS' and 'Niche' do."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("command-and-control.csv", "police"),
        ("symphony.csv", "hospital"),
        ("Cerner export.csv", "hospital"),
    ],
)
def test_a_system_named_in_the_file_name(tmp_path: Path, name: str, agency: str) -> None:
    path = tmp_path / name
    path.write_text("Date,Details\n12/03/2007,Call from Mother re shouting\n", encoding="utf-8")
    # these had been 'other' with an unknown_agency warning
    assert scr.read(path).events["agency"].astype(str).tolist() == [agency]


def test_a_storm_in_an_entry_names_no_agency(tmp_path: Path) -> None:
    # the police's STORM system is not an alias: its name is a word of the narrative
    path = tmp_path / "csc.csv"
    path.write_text(
        "Date,Agency,Details\n12/03/2007,CSC,Home visit; a storm had damaged the roof\n",
        encoding="utf-8",
    )
    assert scr.read(path).events["counterparts"].iat[0] == ()
