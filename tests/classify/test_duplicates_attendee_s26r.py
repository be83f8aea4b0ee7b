"""An agency's record of a meeting social care minutes, telling also of an act of its own
(a referral made after it): social care's minutes stay the original of the meeting."""

from pathlib import Path

from scr_timeline.classify.duplicates import find_duplicates
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import finding_rows, make_events, read_rows


def _links(**columns):
    return find_duplicates(classify_events(make_events(**columns))[0]).fillna("").tolist()


def test_the_minutes_stay_the_original_of_an_attendees_record_with_its_own_referral():
    # the school's record also tells of its referral to CAMHS after the meeting; it had
    # made the minutes its copy (it held a referral they did not), so the rules cited the
    # school's row for social care's strategy discussion
    links = _links(
        start=["12/06/2023"] * 2,
        agency=["csc", "education"],
        counterparts=[("police", "education"), ("csc", "police")],
        details=[
            "Strategy discussion held with police and school DSL re Child A. S47 enquiry agreed.",
            "DSL attended strategy discussion with police and SW1 re Child A. S47 enquiry"
            " agreed. DSL made a referral to CAMHS after the meeting.",
        ],
    )
    assert links == ["", "e1"]


def test_an_attendees_record_holding_more_of_the_meeting_is_still_the_original():
    # what the meeting decided is no act of the attendee's own: the police's fuller record
    # of the discussion ('S47 agreed') stays the original of minutes that do not say so
    links = _links(
        start=["12/06/2023"] * 2,
        agency=["csc", "police"],
        counterparts=[("police",), ("csc",)],
        details=[
            "Strategy discussion with DC1 re Child A.",
            "Strategy discussion with SW1 re Child A. Joint s47 agreed.",
        ],
    )
    assert links == ["e2", ""]


def test_the_rules_cite_the_minutes_and_a_referral_to_csc_told_by_the_attendee(
    tmp_path: Path,
) -> None:
    rows = """\
    05/06/2023,School,DSL,DSL attended strategy discussion with SW1 and DC2 police re Child A. S47 enquiry agreed. DSL made a referral to CAMHS after the meeting.,
    05/06/2023,Children's Social Care,TM1,Strategy discussion held with DC2 police; school DSL and school nurse re Child A. S47 enquiry agreed.,
    30/06/2023,Children's Social Care,SW1,Home visit. Child A seen.,
    """
    chron = read_rows(tmp_path / "meeting.csv", rows)
    # 15 WD from Monday 5 June 2023 is Monday 26 June: the conference is social care's to
    # hold, from its own minutes (row 3), not 'recorded by School' (row 2)
    assert finding_rows(chron, "wt2018", "CONF-ICPC") == [
        ("CONF-ICPC", "missing", 3, "2023-06-26", "", None, [3]),
    ]
