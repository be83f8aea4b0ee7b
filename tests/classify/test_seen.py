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
