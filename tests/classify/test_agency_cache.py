"""Agency names a matcher has read are not read again (a batch names the same agencies)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify import agencies
from scr_timeline.classify.agencies import load_agency_aliases, normalise_agencies

NAMES = pd.Series(
    ["A & E", "Met Police CAIT", None, "  ", "edited", "Adult Social Care", "HV", "A & E"]
)


def test_names_read_before_are_not_matched_again(monkeypatch: pytest.MonkeyPatch):
    first = normalise_agencies(NAMES)

    def no_matching(*_args: object) -> None:
        raise AssertionError("a name read before was matched again")

    monkeypatch.setattr(agencies, "_match", no_matching)
    again = normalise_agencies(NAMES.iloc[::-1])
    pd.testing.assert_frame_equal(again, first.iloc[::-1])
    assert first["agency"].tolist()[:2] == ["hospital", "police"]
    assert first["matched"].tolist() == [True, True, False, False, False, True, True, True]


def test_a_name_reads_the_same_alone_or_among_others():
    mixed = normalise_agencies(pd.Series(["Health Visitor", "Riverside Hospital", "Unknown Org"]))
    for name, (_, row) in zip(
        ["Health Visitor", "Riverside Hospital", "Unknown Org"], mixed.iterrows(), strict=True
    ):
        alone = normalise_agencies(pd.Series([name]))
        assert alone.iloc[0].tolist() == row.tolist()


def test_the_memory_is_bounded_and_answers_stay_right(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(agencies, "_NAMES_KEPT", 3)
    matcher = agencies._default_matcher()
    expected = normalise_agencies(NAMES)
    for shift in range(4):
        names = pd.Series([f"Ward {shift}{i} Hospital" for i in range(5)] + ["GP"])
        got = normalise_agencies(names)
        assert got["agency"].tolist() == ["hospital"] * 5 + ["gp"]
        assert len(matcher._read) <= max(3, len(names))
    pd.testing.assert_frame_equal(normalise_agencies(NAMES), expected)


def test_each_alias_table_remembers_its_own_readings(tmp_path):
    own = tmp_path / "aliases.csv"
    own.write_text("alias,agency\nEdited,police\n", encoding="utf-8")
    shipped = normalise_agencies(pd.Series(["edited"]))
    mine = normalise_agencies(pd.Series(["edited"]), aliases=load_agency_aliases(own))
    assert shipped["agency"].tolist() == ["other"]
    assert mine["agency"].tolist() == ["police"]
    assert normalise_agencies(pd.Series(["edited"]))["agency"].tolist() == ["other"]
