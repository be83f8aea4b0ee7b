"""A police 'DVN' (domestic violence notification) is a referral to children's social care,
as a PPN or PVP is (stop 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr


@pytest.mark.parametrize(
    "details",
    ["DVN submitted to CSC. Child A present.", "DVN submitted.", "DVN sent to MASH re Child A."],
)
def test_dvn_is_a_referral_to_social_care(tmp_path: Path, details: str) -> None:
    path = tmp_path / "police.csv"
    path.write_text(f'Date,Agency,Details\n12/03/2007,Police,"{details}"\n', encoding="utf-8")
    events = scr.read(path).events
    assert events["event_type"].tolist() == ["referral"]
    assert "csc" in events["counterparts"].iloc[0]


def test_dvn_told_in_another_agencys_record_is_not_its_referral(tmp_path: Path) -> None:
    # the word is read only in the police's own records (as 'PVP submitted')
    path = tmp_path / "hv.csv"
    path.write_text(
        "Date,Agency,Details\n12/03/2007,Health Visiting,"
        '"HV informed by CSC of DVN from police. Home visit, Child A seen."\n',
        encoding="utf-8",
    )
    assert scr.read(path).events["event_type"].tolist() == ["information_sharing"]
