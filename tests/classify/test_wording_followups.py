"""Follow-ups to the wording families: entries the lead found misread.

Every row is fictional ("Child A", "Mother", "TM1"). Each case was misread before the
vocabulary line that reads it, and each misreading reached a rule: a strategy discussion
that did not happen answered INJ-STRAT and opened CONF-ICPC, a supervision that left the
case out answered SUP-CADENCE, a phone call counted as the child seen for VIS-CP.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(agency: str, details: str) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    rows, _ = classify_events(make_events(start="12/03/2007", agency=agency, details=details))
    return rows.iloc[0]


@pytest.mark.parametrize(
    "details",
    [
        "Strategy discussion could not take place as police unavailable.",
        "Strategy discussion could not go ahead",
        "Strategy meeting unable to proceed",
        "Strategy meeting cancelled",
        "Strategy discussion did not go ahead",
    ],
)
def test_a_strategy_discussion_that_did_not_happen_is_not_named(details):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] != "strategy_discussion"
    assert "strategy_discussion" not in row[schema.MENTIONS]


@pytest.mark.parametrize(
    "details",
    [
        "Supervision with TM1 - case not discussed.",
        "Sup with TM - case not discussed",
        "Case not discussed in supervision",
    ],
)
def test_a_supervision_that_left_the_case_out_is_no_supervision_of_it(details):
    assert classified("csc", details)[schema.EVENT_TYPE] != "supervision"


@pytest.mark.parametrize(
    ("details", "event_type"),
    [
        # held, though someone could not attend it
        ("Strategy discussion held - Mother could not attend", "strategy_discussion"),
        ("Supervision with TM1 - case discussed, plan agreed", "supervision"),
        ("Sup with TM", "supervision"),
    ],
)
def test_what_was_held_stays_held(details, event_type):
    assert classified("csc", details)[schema.EVENT_TYPE] == event_type


@pytest.mark.parametrize(
    ("details", "child_seen"),
    [
        ("Spoke to Child A on phone.", False),
        ("Telephone call with Child A", False),
        ("Child A spoken to on the phone", False),
        ("Spoke to CA on the telephone", False),
        ("Phoned Child A re contact", False),
        # the child seen at another contact the entry records
        ("Spoke to Child A on phone. Home visit later, Child A seen", True),
        ("Home visit - spoke to Child A", True),
    ],
)
def test_a_phone_call_with_the_child_is_not_seeing_the_child(details, child_seen):
    value = classified("csc", details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is child_seen


@pytest.mark.parametrize(
    "details",
    [
        "Form C assessment of aunt presented to fostering panel - approved as kinship foster "
        "carer.",
        "Aunt approved as temporary connected person carer",
        "Grandmother approved at fostering panel",
        "Connected persons assessment approved at panel",
        "Kinship assessment completed",
    ],
)
def test_a_connected_persons_assessment_is_a_carer_assessment(details):
    # PLC-REG38-APPROVAL and PLC-CONNECTED wait for the assessment that approves the carer
    assert classified("csc", details)[schema.EVENT_TYPE] == "carer_assessment"


def test_a_form_c_assessment_to_come_is_only_named():
    row = classified("csc", "Form C assessment to be completed")
    assert row[schema.EVENT_TYPE] != "carer_assessment"
    assert "carer_assessment" in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Strategy discussion held MASH SW, DS Police, named nurse.", {"police"}),
        ("police", "Strategy discussion held MASH SW, DS Police, named nurse.", {"csc"}),
        ("csc", "Strategy discussion with safeguarding nurse and named GP", {"gp"}),
        ("csc", "Strategy meeting - designated doctor, designated nurse", {"paediatrics"}),
    ],
)
def test_a_safeguarding_nurse_at_a_strategy_discussion_is_health(agency, details, expected):
    # SD-HEALTH and SD-PARTIES (wt2013 on) want health at every strategy discussion
    counterparts = set(classified(agency, details)[schema.COUNTERPARTS])
    assert counterparts == expected | {"health_visiting"}


def test_a_named_nurse_in_health_visitings_own_record_is_its_own():
    assert classified("health_visiting", "Discussed with named nurse.")[schema.COUNTERPARTS] == ()


@pytest.mark.parametrize(
    "details",
    [
        "DNA - Mother (own appointment).",
        "Mother did not attend her own appointment.",
        "Mother DNA own appt",
    ],
)
def test_a_parents_own_missed_appointment_is_no_child_not_brought(details):
    # ESC-WNB counts dna rows: the child not brought, not the parent's own appointment
    assert classified("gp", details)[schema.EVENT_TYPE] != "dna"


@pytest.mark.parametrize(
    "details",
    [
        "DNA - Child A 12 month imms",
        "Mother did not attend appointment with Child A",
        "Mother DNA'd her own appointment and did not bring Child A to clinic",
    ],
)
def test_the_child_not_brought_stays_a_dna(details):
    assert classified("gp", details)[schema.EVENT_TYPE] == "dna"


@pytest.mark.parametrize(
    ("details", "injury"),
    [
        ("Mother's injuries - black eye", False),
        ("Mother's injuries: black eye, cut lip", False),
        ("Victim's injuries - bruising to face", False),
        ("Child A's injuries - bruise to cheek", True),
        ("Mother's injuries - black eye. Child A had a bruise to the cheek", True),
    ],
)
def test_an_adults_injuries_under_a_label_are_not_the_childs(details, injury):
    assert bool(classified("csc", details)[schema.INJURY]) is injury
