"""Tests for scr_timeline.classify.seen: whether the child was seen (RULES.md)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.seen import classify_child_seen, load_child_seen_cues
from scr_timeline.exceptions import ChronologyReadError
from scr_timeline.testing import make_events


def seen(details, event_type, agency="csc", outcome=None, **kwargs):
    events = make_events(
        start="2007-03-12",
        details=[details],
        outcome=[outcome],
        agency=agency,
        event_type=event_type,
    )
    value = classify_child_seen(events, **kwargs).iloc[0]
    return None if pd.isna(value) else bool(value)


@pytest.mark.parametrize(
    ("details", "event_type"),
    [
        ("Statutory visit. Home conditions poor.", "home_visit"),
        ("Unannounced visit; Mother and partner present.", "home_visit"),
        ("Office visit with Mother.", "office_visit"),
        ("Home visit. Father not seen.", "home_visit"),  # the child is still seen by default
    ],
)
def test_csc_visits_default_to_seen(details, event_type):
    assert seen(details, event_type) is True


@pytest.mark.parametrize(
    "details",
    [
        "Unannounced home visit. Child not seen - asleep upstairs per Mother.",
        "Home visit: Child out with friends.",
        "Home visit. Child at nursery.",
        "Home visit: Child not present.",
        "Home visit; SW did not see the child.",
        "Unannounced HV: no reply. Card left.",
        "Home visit: refused entry.",
    ],
)
def test_csc_visits_where_the_text_says_the_child_was_not_seen(details):
    assert seen(details, "home_visit") is False


@pytest.mark.parametrize(
    ("details", "event_type", "agency", "expected"),
    [
        ("Seen by GP: nappy rash.", "gp_appointment", "gp", True),
        ("Examined by paediatrician: bruise to ear.", "medical_examination", "paediatrics", True),
        ("Baby weighed at clinic.", "health_visit", "health_visiting", True),
        ("Police attended: Child A seen asleep in cot.", "police_incident", "police", True),
        ("Child not seen; Mother said he was at his father's.", "police_incident", "police", False),
        ("Telephoned HV to share the plan.", "information_sharing", "csc", None),
        ("Phoned Mother: no answer.", "information_sharing", "csc", None),  # not a visit
        ("HV visit: no reply.", "home_visit", "health_visiting", False),
        ("HV visit: home cluttered.", "home_visit", "health_visiting", None),  # not csc
        ("No marks or bruises seen.", "health_visit", "health_visiting", None),
    ],
)
def test_other_rows_follow_the_text(details, event_type, agency, expected):
    assert seen(details, event_type, agency) is expected


def test_nullable_boolean_column_aligned_with_events():
    events = make_events(
        start=["2007-03-12"] * 2,
        event_id=["p", "q"],
        details=["Home visit.", "Phoned GP."],
        outcome=[None, None],
        agency="csc",
        event_type=["home_visit", "information_sharing"],
    )
    out = classify_child_seen(events)
    assert str(out.dtype) == "boolean"
    assert out.index.tolist() == ["p", "q"]
    assert out.tolist() == [True, pd.NA]


def test_a_users_cue(tmp_path: Path):
    path = tmp_path / "seen.csv"
    path.write_text("pattern,seen,scope\nchild hiding,false,visit\n", encoding="utf-8")
    assert seen("Home visit: Child hiding under the bed.", "home_visit") is True
    assert seen("Home visit: Child hiding under the bed.", "home_visit", path=path) is False


def test_a_users_cue_that_does_not_compile_is_refused(tmp_path: Path):
    path = tmp_path / "seen.csv"
    path.write_text("pattern,seen\n(unclosed,true\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="does not compile"):
        load_child_seen_cues(path)


def test_missing_columns_are_refused():
    with pytest.raises(ValueError, match=schema.EVENT_TYPE):
        classify_child_seen(pd.DataFrame({"details": ["x"], "outcome": [None], "agency": ["csc"]}))


@pytest.mark.parametrize(
    ("details", "event_type", "agency"),
    [
        ("Mother attended with baby, 4/52. Small bruise L cheek.", "gp_appointment", "gp"),
        (
            "Baby B, 8 weeks, brought by mother with swelling to R arm. X-ray: spiral "
            "fracture R humerus.",
            "hospital_attendance",
            "hospital",
        ),
        ("Mother brought Child A to the surgery with a rash.", "gp_appointment", "gp"),
        ("Mum and baby attended clinic.", "health_visit", "health_visiting"),
        ("Child A presented with a burn to the hand.", "hospital_attendance", "hospital"),
        ("X-ray of the left wrist shows a buckle fracture.", "hospital_attendance", "hospital"),
        ("O/E - bruising to buttocks.", "gp_appointment", "gp"),
        ("New birth visit. Baby feeding well.", "health_visit", "health_visiting"),
        # a child protection medical or a skeletal survey examines the child
        (
            "Child protection medical. Fracture inconsistent with explanation given.",
            "medical_examination",
            "paediatrics",
        ),
        ("Skeletal survey: no further fractures.", "skeletal_survey", "hospital"),
    ],
)
def test_a_child_brought_examined_or_x_rayed_was_seen(details, event_type, agency):
    assert seen(details, event_type, agency) is True


@pytest.mark.parametrize(
    ("details", "event_type", "agency"),
    [
        ("Mother attended alone; said baby with grandmother.", "gp_appointment", "gp"),
        ("Child not brought to the appointment.", "dna", "gp"),
        ("8 week check - WNB.", "dna", "health_visiting"),  # a missed contact: not seen
        ("Planned visit - no reply. Card left.", "dna", "health_visiting"),
        ("Home visit. Baby asleep upstairs, not seen.", "home_visit", "health_visiting"),
        # the police at the home, where the child is asleep upstairs
        (
            "Call to address, argument. Child C asleep upstairs. Not a crime.",
            "police_incident",
            "police",
        ),
        ("Child seen through the window; no answer at the door.", "home_visit", "csc"),
        (
            "Home visit. Child seen at the window only, Mother would not open the door.",
            "home_visit",
            "csc",
        ),
        ("Home visit. Baby heard crying upstairs; Mother said he was tired.", "home_visit", "csc"),
        # a child protection medical the child was not brought to
        ("CP medical - Child not brought.", "medical_examination", "paediatrics"),
    ],
)
def test_a_child_not_brought_asleep_unseen_or_seen_through_a_window_was_not_seen(
    details, event_type, agency
):
    assert seen(details, event_type, agency) is False


@pytest.mark.parametrize(
    ("details", "event_type", "agency"),
    [
        ("Mother seen by GP re low mood.", "gp_appointment", "gp"),  # the mother's own
        (
            "Mother attended A&E with a facial injury after an assault.",
            "hospital_attendance",
            "hospital",
        ),
        ("X-ray to be arranged.", "hospital_attendance", "hospital"),
    ],
)
def test_a_parents_own_appointment_says_nothing_about_the_child(details, event_type, agency):
    assert seen(details, event_type, agency) is None


def test_a_users_cue_can_override_a_sighting(tmp_path: Path):
    path = tmp_path / "seen.csv"
    path.write_text("pattern,seen,scope\nseen on the doorstep,false,overrides\n", encoding="utf-8")
    assert seen("Home visit. Child seen on the doorstep.", "home_visit") is True
    assert seen("Home visit. Child seen on the doorstep.", "home_visit", path=path) is False


@pytest.mark.parametrize(
    "details",
    [
        "Letter from A&E: Child attended with head injury.",
        "Email from school: Child A seen today with a bruise to the cheek.",
        "Telephone call to Mother - declined visit this week.",
    ],
)
def test_information_shared_says_nothing_about_seeing_the_child_at_this_contact(details):
    assert seen(details, "information_sharing", "gp") is None


def test_a_social_workers_entry_sharing_information_still_says_the_child_was_seen():
    details = "SW1 saw Child A at school and shared the plan with the DSL."
    assert seen(details, "information_sharing", "csc") is True  # VIS-CP counts it


def test_a_social_care_row_passing_on_another_partys_account_says_nothing_of_csc_seeing():
    # RULES.md: the child is seen by children's social care when csc's row says so; a
    # call or letter passed on ("Hospital social worker phoned: Child B admitted") tells
    # what someone else saw, so VIS-CP must not count it as a visit
    import pandas as pd

    from scr_timeline.classify.seen import classify_child_seen

    passed_on = [
        "Hospital social worker phoned: Child B admitted to Riverside Hospital with scalds.",
        "Letter from GP: Child A seen in surgery with a cough.",
        "Information received from school: Child A seen in class with a bruise.",
        "Received a call from the ward: baby admitted overnight, seen by registrar.",
        "Mother phoned - Child A seen by GP this morning.",
    ]
    own = [
        "SW phoned school: Child A seen in class by SW today.",
        "Home visit. Child seen with Mother. Informed HV.",
    ]
    texts = passed_on + own
    events = pd.DataFrame(
        {
            "details": texts,
            "outcome": [None] * len(texts),
            "agency": ["csc"] * len(texts),
            "event_type": ["information_sharing"] * len(texts),
        }
    )
    got = classify_child_seen(events).tolist()
    assert got[: len(passed_on)] == [pd.NA] * len(passed_on)
    assert got[len(passed_on) :] == [True, True]
