"""The convenor's minutes of a meeting and another agency's note of it with an outcome."""

from scr_timeline.classify.duplicates import find_duplicates
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def test_an_attendees_outcome_note_does_not_make_the_minutes_its_copy():
    # social care's minutes of the ICPC (the plan made) and the school's record of attending
    # it, which adds what the school will do next: the minutes stay the original, the
    # school's record (and the others') are its copies
    events = make_events(
        start=["26/02/2024"] * 3,
        agency=["csc", "education", "police"],
        details=[
            "ICPC. Child H made subject to a child protection plan under the category of neglect.",
            "DSL attended ICPC. Child H made subject to a CP plan - neglect.",
            "Attended ICPC. CP plan made.",
        ],
        outcome=[None, "School to attend core groups", None],
    )
    links = find_duplicates(classify_events(events)[0])
    assert links.isna().tolist()[0]
    assert links.tolist()[1:] == ["e1", "e1"]
