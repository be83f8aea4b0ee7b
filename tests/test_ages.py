"""The child's age column: "9 months", "6/52", "2y 3m" into days, when no date of birth is known."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.ages import parse_ages


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("9 months", 274),
        ("9 mths", 274),
        ("9m", 274),
        ("9/12", 274),
        ("9/12 old", 274),
        ("7 months old", 213),
        ("approx 4 months", 122),
        ("6/52", 42),
        ("6 wks", 42),
        ("5 weeks 3 days", 38),
        ("3/7", 3),
        ("10 days", 10),
        ("2y 3m", 822),
        ("2 years and 3 months", 822),
        ("1 year, 2 months", 426),
        ("1yr 2mths", 426),
        ("2.5 yrs", 913),
        ("2 yo", 730),
        ("24 months", 730),
        ("18 MONTHS", 548),
        ("Newborn", 0),
        ("Day 3", 2),
    ],
)
def test_ages_as_written_are_read_in_days(written, days):
    got, unread = parse_ages(pd.Series([written]))
    assert got.tolist() == [days] and unread == []


@pytest.mark.parametrize("written", ["Unborn", "Pre-birth", "antenatal", "N/A", "-", "", None])
def test_no_age_yet_or_none_written_is_empty_and_not_reported(written):
    got, unread = parse_ages(pd.Series([written], dtype="string"))
    assert got.isna().all() and unread == []


def test_a_bare_number_or_other_text_is_not_guessed_at():
    got, unread = parse_ages(pd.Series(["3", "toddler", "3", "9 months"]))
    assert got.isna().tolist() == [True, True, True, False]
    assert unread == ["3", "toddler"]  # each distinct cell once, in order


def _age_csv(tmp_path, ages):
    rows = [
        ("01/03/2007", "GP", "Bruise to left cheek. Mother said he fell over."),
        ("05/03/2007", "Health Visitor", "Home visit. Child seen, well."),
        ("12/03/2007", "Health Visitor", "Home visit. Child seen, well."),
    ]
    lines = ["Date,Age of child,Agency,Details"]
    lines += [f'{d},{a},{g},"{t}"' for (d, g, t), a in zip(rows, ages, strict=True)]
    path = tmp_path / "ages.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_age_column_gives_child_age_days_and_the_under_two_test(tmp_path):
    path = _age_csv(tmp_path, ["9/12", "9 months", "toddler"])
    chron = scr.read(path)  # "Age of child" is a shipped heading
    assert chron.events[S.CHILD_AGE_DAYS].tolist()[:2] == [274, 274]
    assert pd.isna(chron.events[S.CHILD_AGE_DAYS].iloc[2])
    # a bruise in a baby under 24 months is suspicious; without the column it is not
    assert bool(chron.events[S.SUSPICIOUS_INJURY].iloc[0])
    other = tmp_path / "plain.csv"  # the same without an age column
    other.write_text(path.read_text().replace("Age of child", "Ref"), encoding="utf-8")
    plain = scr.read(other)
    assert not plain.events[S.SUSPICIOUS_INJURY].iloc[0]
    assert "no_child_dob" in set(plain.warnings[S.CODE])
    codes = chron.warnings.set_index(S.CODE)
    assert "no_child_dob" not in codes.index
    unread = codes.loc["age_unread"]
    assert unread[S.SOURCE_ROW] == 4 and "'toddler'" in unread[S.MESSAGE]


def test_a_date_of_birth_wins_over_the_age_column(tmp_path):
    path = _age_csv(tmp_path, ["3 years", "3 years", "3 years"])
    chron = scr.read(path, child_dob="01/10/2006")
    assert chron.events[S.CHILD_AGE_DAYS].tolist() == [151, 155, 162]
    assert bool(chron.events[S.SUSPICIOUS_INJURY].iloc[0])


def test_a_heading_of_your_own_can_name_the_age_column(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("Date,Yrs/mths,Agency,Details\n01/03/2007,1y 6m,GP,Seen.\n", encoding="utf-8")
    assert pd.isna(scr.read(path).events[S.CHILD_AGE_DAYS].iloc[0])
    chron = scr.read(path, columns={"Yrs/mths": S.CHILD_AGE})
    assert chron.events[S.CHILD_AGE_DAYS].tolist() == [548]
