"""The child's age column: "9 months", "6/52", "2y 3m" into days, when no date of birth is known."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.ages import age_in_date_cell, parse_ages, written_ages


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
    assert "age column: 2 of 3 events have one" in chron.summary()


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


@pytest.mark.parametrize(
    ("written", "first", "after", "unit", "approximate"),
    [
        ("Aged 6 weeks", (0, 42), (0, 49), "week", False),
        ("6 weeks old", (0, 42), (0, 49), "week", False),
        ("6/52", (0, 42), (0, 49), "week", False),  # no month 52: always an age
        ("at 6/52", (0, 42), (0, 49), "week", False),
        ("at 4 months", (4, 0), (5, 0), "month", False),
        ("4 months of age", (4, 0), (5, 0), "month", False),
        ("at the age of 9 months", (9, 0), (10, 0), "month", False),
        ("at 9/12", (9, 0), (10, 0), "month", False),
        ("9/12 old", (9, 0), (10, 0), "month", False),
        ("age: 2y 3m", (27, 0), (28, 0), "month", False),
        ("aged 2 years", (24, 0), (36, 0), "year", False),
        ("aged 2.5 years", (30, 0), (31, 0), "month", False),
        ("aged 10 days", (0, 10), (0, 11), "day", False),
        ("at 6 weeks 3 days", (0, 45), (0, 46), "day", False),
        ("aged 6-8 weeks", (0, 42), (0, 63), "week", False),
        ("When 3 months old", (3, 0), (4, 0), "month", False),
        ("about 6 weeks old", (0, 42), (0, 49), "week", True),
        ("c. 6/52", (0, 42), (0, 49), "week", True),
        ("Aged 6 weeks?", (0, 42), (0, 49), "week", True),
        ("at birth", (0, 0), (0, 1), "day", False),
    ],
)
def test_an_age_in_a_date_cell_is_read_as_days_after_the_birth(
    written, first, after, unit, approximate
):
    age = age_in_date_cell(written)
    assert age is not None
    assert (age.first, age.after, age.unit, age.approximate) == (first, after, unit, approximate)


@pytest.mark.parametrize(
    "written",
    # a length of time, a date with no year, the first weeks, a check's name: no age
    ["2 weeks", "9/12", "3/7", "newborn", "6-8 week check", "12/03/2007", "aged", "x"],
)
def test_what_is_no_age_in_a_date_cell(written):
    assert age_in_date_cell(written) is None


# --- ages written in the entries ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("piece", "days"),
    [
        ("child a (5 months) appeared well", 152),
        ("child a (aged 7/12), seen with mother", 213),
        ("baby (2/52) seen by hv", 14),
        ("child a aged 6 months brought with bruise", 183),
        ("child a age: 9 months", 274),
        ("a 6-week-old baby", 42),
        ("bruise to arm on 6 month old", 183),
        ("child a, 6 weeks old, seen", 42),
        ("7/12 old boy brought to a&e", 213),
    ],
)
def test_an_age_written_in_an_entry_is_read_in_days(piece, days):
    assert written_ages(pd.Series([piece])).tolist() == [days]


@pytest.mark.parametrize(
    "piece",
    [
        "mother 19yrs",  # years: a parent's age, too coarse to count a birth from
        "suspended sentence (12 months)",
        "mother 20 weeks pregnant",
        "unwell for (6 weeks)",
        "cough (2/52)",  # in brackets after no child: how long it lasted, as often as an age
        "vomiting (2 days)",
        "seen 4 weeks ago",
        "6/52 check",  # the check is named by its age, not the child's age then
        "booking at 12 weeks",
        "child a (5 months) and child b (3 months)",  # two ages: whose is whose?
        "",
    ],
)
def test_what_is_no_age_in_an_entry(piece):
    assert np.isnan(written_ages(pd.Series([piece]))).all()


def _written_ages_csv(tmp_path, rows):
    path = tmp_path / "ages.csv"
    body = [f'{date},{agency},"{text}"' for date, agency, text in rows]
    path.write_text("\n".join(["Date,Agency,Details", *body]) + "\n", encoding="utf-8")
    return path


def test_the_ages_the_entries_write_give_the_date_of_birth(tmp_path):
    # no date of birth anywhere: Child A is 5 months old on 5 February 2019 (born about 6
    # September 2018) and 6 months old on 14 March (about 12 September): born about 9
    # September, so the bruise of 6 March is a baby's, suspicious whatever the explanation
    path = _written_ages_csv(
        tmp_path,
        [
            ("05/02/2019", "Police", "Call from neighbour. Child A (5 months) appeared well."),
            ("06/03/2019", "GP", "Bruise to upper arm. Mother said he fell."),
            ("14/03/2019", "Health Visiting", "Clinic. Child A aged 6 months, weight 7kg."),
        ],
    )
    chron = scr.read(path)
    assert chron.meta.child_dob == pd.Timestamp("2018-09-09")
    assert chron.events[S.CHILD_AGE_DAYS].tolist() == [149, 178, 186]
    assert chron.events[S.SUSPICIOUS_INJURY].tolist() == [False, True, False]
    note = chron.warnings.set_index(S.CODE).loc[S.CHILD_DOB_INFERRED]
    assert note[S.SOURCE_ROW] == 2
    assert "about 09/09/2018" in note[S.MESSAGE] and "2 row(s)" in note[S.MESSAGE]
    assert "'Call from neighbour. Child A (5 months) appeared well.'" in note[S.MESSAGE]
    assert "no_child_dob" not in set(chron.warnings[S.CODE])
    # a date of birth given wins
    given = scr.read(path, child_dob="01/01/2016")
    assert given.meta.child_dob == pd.Timestamp("2016-01-01")
    assert S.CHILD_DOB_INFERRED not in set(given.warnings[S.CODE])


def test_written_ages_that_disagree_give_no_date_of_birth(tmp_path):
    # two young children in the family, each written once: no date of birth is guessed
    path = _written_ages_csv(
        tmp_path,
        [
            ("05/02/2019", "Police", "Child A (5 months) present."),
            ("06/03/2019", "GP", "Child B (20 months) seen with bruise to arm."),
        ],
    )
    chron = scr.read(path)
    assert chron.meta.child_dob is None
    assert "no_child_dob" in set(chron.warnings[S.CODE])
    # a third entry agreeing with the first outvotes the second
    more = _written_ages_csv(
        tmp_path,
        [
            ("05/02/2019", "Police", "Child A (5 months) present."),
            ("06/03/2019", "GP", "Child B (20 months) seen with bruise to arm."),
            ("07/04/2019", "Health Visiting", "Child A (7/12) weighed."),
        ],
    )
    assert scr.read(more).meta.child_dob == pd.Timestamp("2018-09-06")
