"""Words of findings: the child's age as a reviewer would write it."""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.rules import Finding, analyse
from scr_timeline.rules.templates import age_words, child_aged_words
from scr_timeline.testing import make_events


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "1 day"),
        (13, "13 days"),
        (14, "2 weeks"),
        (59, "8 weeks"),  # born 2 February, seen 2 April: 8/52, not "1 month"
        (90, "12 weeks"),
        (91, "3 months"),
        (120, "4 months"),  # 1 February to 1 June: four whole months
        (181, "6 months"),  # 1 January to 1 July
        (365, "12 months"),  # a whole year, not "11 months"
        (393, "13 months"),  # 1 February 2009 to 1 March 2010
        (729, "23 months"),
        (730, "2 years"),  # two whole years, not "23 months"
        (830, "2 years 3 months"),
        (1826, "5 years"),
        (2200, "6 years"),
    ],
)
def test_age_words_as_a_reviewer_writes_them(days, words):
    assert age_words(days) == words


def test_age_words_never_short_of_a_whole_calendar_month():
    """Every span of whole calendar months from a birthday is told as at least that many
    months, whatever the birthday (days only: February and leap years give the slack)."""
    import pandas as pd

    births = pd.date_range("2004-01-01", "2008-12-31", freq="D")
    for months in (4, 5, 7, 11, 12, 13, 18, 23):
        ages = ((births + pd.DateOffset(months=months)) - births).days
        told = {age_words(int(d)) for d in set(ages.tolist())}
        assert told <= {f"{months} months", f"{months + 1} months"}, (months, told)


def _strat_finding(**fields: object) -> Finding:
    """The INJ-STRAT finding of one hospital record of a suspicious bruise on a baby of 59
    days, 2 April 2007, with ``fields`` changed."""
    ev = make_events(
        **{
            "start": ["2007-04-02 10:00"],
            "agency": ["hospital"],
            "event_type": ["hospital_attendance"],
            "injury": [True],
            "suspicious_injury": [True],
            "injury_kinds": [("bruise",)],
            "child_age_days": [59],
            **fields,
        }
    )
    (finding,) = analyse(Chronology(ev), rules=["INJ-STRAT"], end_date="2007-06-30")
    return finding


def test_summary_gives_the_age_in_weeks_for_a_young_baby():
    finding = _strat_finding()
    assert "(bruising, child aged 8 weeks)" in finding.summary
    assert child_aged_words(None) == "child's age not known"


@pytest.mark.parametrize(
    ("kinds", "said"),
    [
        (("other",), "(kind not recorded, child aged 8 weeks)"),  # 'Referral re NAI'
        ((), "(kind not recorded, child aged 8 weeks)"),
        (("bruise", "other"), "(bruising, other injury, child aged 8 weeks)"),
        (("fracture", "head_injury"), "(fracture, head injury, child aged 8 weeks)"),
    ],
)
def test_summary_names_the_injury_or_says_its_kind_was_not_recorded(kinds, said):
    """Never 'Suspicious injury (other, ...)' or 'Suspicious injury (injury, ...)'."""
    finding = _strat_finding(injury_kinds=[kinds])
    assert finding.summary.startswith(f"Suspicious injury {said} recorded by")


@pytest.mark.parametrize(
    ("organisation", "agency", "by"),
    [
        # a team or a place read from the chronology: the agency says whose it is
        ("Referral and Assessment", "csc", "Children's social care (Referral and Assessment)"),
        ("North Middlesex", "hospital", "Hospital (North Middlesex)"),
        ("Elm Road Surgery", "gp", "GP (Elm Road Surgery)"),
        # an organisation that says what it is is named as written
        ("Riverside Hospital A&E", "hospital", "Riverside Hospital A&E"),
        ("Children's Services", "csc", "Children's Services"),
        ("Met Police CAIT", "police", "Met Police CAIT"),
        (None, "hospital", "Hospital"),
        ("Riverside Trust", "other", "Riverside Trust"),
    ],
)
def test_a_finding_names_who_recorded_it_with_the_agency_when_the_name_does_not(
    organisation, agency, by
):
    finding = _strat_finding(agency=[agency], organisation=[organisation])
    assert f" recorded by {by} on 2 April 2007:" in finding.summary
