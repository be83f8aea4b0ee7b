"""A child staying with a family friend, as children's social care records it, is a placement
known to csc (RULES.md, PLC-REG38-CHECKS: "placement with a family friend or relative arranged
by or known to csc (before 2011-04-01)").

Fictional rows: a toddler on a child protection plan whom Mother has left with a family
friend for a few weeks, which the social worker records at a home visit, not as a placement.
"""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.rulebook import available_rulebooks
from scr_timeline.testing import make_events

_LEFT = (
    "Home visit. Mother said Child C staying with family friend Ms W for a few weeks while "
    "she 'sorts herself out'. Child not seen."
)
_RULES = ["PLC-REG38-CHECKS", "PLC-REG38-APPROVAL", "PLC-CONNECTED"]


def _findings(rows, *, rulebook="wt2006"):
    events = make_events(
        start=[day for day, _ in rows],
        agency=["csc"] * len(rows),
        details=[text for _, text in rows],
        outcome=[None] * len(rows),
        source_row=list(range(2, len(rows) + 2)),
    )
    events, _ = classify_events(events)
    frame = analyse(Chronology(events), rulebook=rulebook, rules=_RULES).to_frame()
    return sorted(zip(frame["rule_id"], frame["trigger_event_id"], frame["status"], strict=True))


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_a_child_left_with_a_family_friend_is_a_placement_known_to_csc(rulebook):
    found = _findings(
        [
            ("25/02/2008", _LEFT),
            ("20/03/2008", "Visit to Ms W's address. Child C seen, staying with family friend."),
            ("30/04/2008", "Home visit. Child C seen."),
        ],
        rulebook=rulebook,
    )
    # no checks on or before the day csc knew, no approval within 6 weeks; the visit that
    # mentions the arrangement again is the same placement
    assert found == [
        ("PLC-REG38-APPROVAL", "e1", "missing"),
        ("PLC-REG38-CHECKS", "e1", "missing"),
    ]


def test_checks_recorded_before_the_arrangement_answer_it():
    found = _findings(
        [
            ("22/02/2008", "Regulation 38 checks on Ms W (family friend) completed."),
            ("25/02/2008", _LEFT),
            ("03/03/2008", "Reg 38 assessment: Ms W approved as a carer."),
            ("30/04/2008", "Home visit. Child C seen."),
        ]
    )
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "Home visit. Mother and Child C staying with maternal grandmother.",
        "Home visit. Child C and his mother are staying with maternal grandmother.",
        "Home visit. Mother said she left him with a friend of the family overnight.",
        "Home visit. Mother is living with her aunt.",
    ],
)
def test_a_family_staying_together_or_a_night_with_a_friend_is_no_placement(text):
    assert _findings([("25/02/2008", text), ("30/04/2008", "Home visit. Child C seen.")]) == []


def test_a_private_arrangement_from_2011_is_not_a_connected_person_placement():
    """From 2011-04-01 the connected-person rules are for looked-after children: an
    arrangement a parent made is not one."""
    found = _findings([("25/02/2012", _LEFT), ("30/09/2012", "Home visit. Child C seen.")])
    assert found == []


_KINSHIP = (
    "Child A placed with maternal aunt under s20 following Mother's arrest. Reg 24 temporary "
    "approval as connected person."
)


@pytest.mark.parametrize(
    ("approval", "status"),
    [
        # the approval written as the panel's, not as an assessment: late after 16 weeks
        (
            "Form C assessment of aunt presented to fostering panel - approved as kinship foster "
            "carer.",
            "late",
        ),
        ("Aunt approved by fostering panel as connected person carer.", "late"),
        ("Maternal aunt approved as family and friends foster carer.", "late"),
        # a panel still to come, or a temporary approval, approves no one
        ("Form C assessment to be presented to fostering panel for approval.", "missing"),
        ("Aunt approved as temporary foster carer under Reg 24.", "missing"),
    ],
)
def test_a_connected_person_approved_at_panel_answers_plc_connected(approval, status):
    # placed Thursday 10 May 2012: approval due within 16 weeks, by 30 August 2012
    rows = [
        ("10/05/2012", _KINSHIP),
        ("15/10/2012", approval),
        ("30/03/2013", "LAC review. Plan: remain with aunt."),
    ]
    found = [(rule, state) for rule, _trigger, state in _findings(rows)]
    assert found == [("PLC-CONNECTED", status)]
