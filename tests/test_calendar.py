"""Working days with England and Wales bank holidays."""

from __future__ import annotations

import numpy as np
import pytest

from scr_timeline import calendar as cal


@pytest.mark.parametrize(
    ("trigger", "n", "due"),
    [
        ("2007-04-05", 1, "2007-04-10"),  # Thursday before Easter: Good Friday, Easter Monday
        ("2006-12-22", 1, "2006-12-27"),  # Friday before Christmas: 25 and 26 December
        ("2006-12-29", 1, "2007-01-02"),  # Friday before New Year's Day
        ("2007-03-30", 1, "2007-04-02"),  # a Friday: due Monday
        ("2007-03-31", 1, "2007-04-02"),  # a Saturday: due Monday
        ("2007-04-07", 1, "2007-04-10"),  # Easter Saturday: Monday is a bank holiday
        ("2007-04-05", 35, "2007-05-30"),  # over Easter, May Day and the spring bank holiday
        ("2010-12-24", 1, "2010-12-29"),  # Christmas on a Saturday: substitute days 27 and 28
    ],
)
def test_add_working_days_skips_weekends_and_bank_holidays(trigger, n, due):
    assert str(cal.add_working_days(trigger, n)) == due


def test_add_working_days_is_vectorised():
    days = np.array(["2007-04-05", "2006-12-22"], dtype="datetime64[ns]")
    assert cal.add_working_days(days, 1).astype(str).tolist() == ["2007-04-10", "2006-12-27"]


def test_bank_holidays_come_from_the_holidays_package():
    days = cal.bank_holidays()
    for day in ("2007-04-06", "2007-04-09", "2007-05-07", "2012-06-05", "2022-09-19"):
        assert np.datetime64(day) in days  # incl. the 2012 jubilee and the 2022 state funeral
    assert np.datetime64("2007-03-17") not in days  # St Patrick's Day is not an ENG holiday


def test_bank_holidays_are_exactly_what_country_holidays_gives():
    """bank_holidays() loads holidays' UnitedKingdom class from its own module (skipping the
    import of every country): the days must be the package's own answer, 1950-2099."""
    import holidays

    expected = holidays.country_holidays("GB", subdiv="ENG", years=range(1950, 2100))
    assert cal.bank_holidays().tolist() == sorted(expected)


def test_working_days_between_counts_days_after_the_deadline():
    assert int(cal.working_days_between("2007-04-05", "2007-04-10")) == 1
    assert int(cal.working_days_between("2007-04-10", "2007-04-10")) == 0
    assert int(cal.working_days_between("2007-04-10", "2007-04-12")) == 2
    assert (
        int(cal.working_days_between("2007-03-30", "2007-03-31")) == 1
    )  # Saturday counts as Monday


def test_calendar_windows():
    assert str(cal.shift("2007-04-05", 3, "days")) == "2007-04-08"
    assert str(cal.shift("2007-04-05", 6, "weeks")) == "2007-05-17"
    assert str(cal.shift("2006-12-22", 3, "months")) == "2007-03-22"
    assert str(cal.shift("2007-08-31", 6, "months")) == "2008-02-29"
    with pytest.raises(ValueError, match="unknown calendar unit"):
        cal.add_calendar("2007-01-01", 1, "fortnights")


def test_end_of_day_and_is_working_day():
    assert str(cal.end_of_day("2007-04-10")).startswith("2007-04-10T23:59:59")
    assert cal.is_working_day(["2007-04-06", "2007-04-07", "2007-04-10"]).tolist() == [
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("trigger", "n", "due"),
    [
        # worked out by hand from a calendar of England and Wales bank holidays
        ("2007-04-01", 1, "2007-04-02"),  # a Sunday: due Monday
        ("2007-04-06", 1, "2007-04-10"),  # Good Friday counts as the Thursday before it
        ("2007-04-08", 1, "2007-04-10"),  # Easter Sunday: Easter Monday does not count
        ("2022-05-27", 1, "2022-05-30"),  # 2022: the spring bank holiday moved off 30 May...
        ("2022-06-01", 1, "2022-06-06"),  # ...to Thursday 2 June, with Friday 3 June (jubilee)
        ("2022-09-16", 1, "2022-09-20"),  # the state funeral, Monday 19 September 2022
        ("2023-05-05", 1, "2023-05-09"),  # the coronation, Monday 8 May 2023
        ("2023-05-26", 1, "2023-05-30"),  # the spring bank holiday 2023
        ("2020-05-07", 1, "2020-05-11"),  # 2020: the early May bank holiday was Friday 8 May
        ("2011-04-28", 1, "2011-05-03"),  # the royal wedding, 29 April 2011, then May Day
        ("2012-06-01", 1, "2012-06-06"),  # the diamond jubilee, 4 and 5 June 2012
        ("2021-12-23", 2, "2021-12-29"),  # Christmas at a weekend: 27 and 28 December
    ],
)
def test_working_days_over_weekends_and_every_kind_of_bank_holiday(trigger, n, due):
    assert str(cal.add_working_days(trigger, n)) == due


@pytest.mark.parametrize(
    ("trigger", "due"),
    [
        ("2007-03-30", "2007-03-30"),  # a Friday: that day
        ("2007-03-31", "2007-03-31"),  # a Saturday: that day, not the Friday before it
        ("2007-04-01", "2007-04-01"),  # a Sunday
        ("2007-04-06", "2007-04-06"),  # Good Friday
    ],
)
def test_zero_working_days_is_never_before_the_trigger(trigger, due):
    assert str(cal.add_working_days(trigger, 0)) == due
    assert str(cal.shift(trigger, 0, "WD")) == due


def test_the_2022_and_2023_extra_bank_holidays_are_not_working_days():
    extra = ["2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]
    assert not cal.is_working_day(extra).any()
    assert cal.is_working_day(["2022-05-30", "2023-05-09"]).all()  # 30 May 2022 was not one
