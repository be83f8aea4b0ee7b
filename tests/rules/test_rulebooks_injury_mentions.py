"""The injury rules' expected events, written inside another entry, answer them.

Fictional rows. A paediatric entry 'Child protection medical. Skeletal survey shows healing
rib fractures.' is a medical examination whose entry records the skeletal survey: INJ-SKELETAL
must not say the survey is missing. The same entry saying the survey is to be arranged, or
that one was requested, does not answer it. Every bundled rulebook inherits this from wt2006.
"""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.rulebook import available_rulebooks
from scr_timeline.testing import make_events

_INJURY = "A&E: Child A brought in by Mother. Spiral fracture of the left femur. Explanation vague."
_RULES = ["INJ-SKELETAL", "INJ-MEDICAL", "INJ-STRAT"]


def _missing(entry: str, *, rulebook: str = "wt2006", agency: str = "paediatrics") -> list[str]:
    events = make_events(
        start=["02/04/2007 10:00", "02/04/2007 15:00", "30/04/2007"],
        agency=["hospital", agency, "csc"],
        details=[_INJURY, entry, "Home visit by SW1, Child A seen."],
        child_age_days=[200, 200, 228],
    )
    events, _ = classify_events(events)
    assert bool(events["suspicious_injury"].iloc[0])
    found = analyse(Chronology(events), rulebook=rulebook, rules=_RULES).to_frame()
    return sorted(found["rule_id"])


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_a_survey_medical_and_discussion_recorded_in_one_entry_answer_in_every_rulebook(
    rulebook,
):
    entry = (
        "Child protection medical by Dr X. Fracture inconsistent with explanation. "
        "Skeletal survey shows healing rib fractures. Strategy discussion held with police "
        "and CSC."
    )
    assert _missing(entry, rulebook=rulebook) == []


@pytest.mark.parametrize(
    ("entry", "missing"),
    [
        (
            "Child protection medical. Fracture inconsistent with explanation. "
            "Skeletal survey shows healing rib fractures.",
            ["INJ-STRAT"],
        ),
        ("CP medical by Dr X. Skeletal survey to be arranged.", ["INJ-SKELETAL", "INJ-STRAT"]),
        ("CP medical. Plan: skeletal survey and CT head.", ["INJ-SKELETAL", "INJ-STRAT"]),
        ("Ward round. Awaiting skeletal survey.", ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"]),
        (
            "Skeletal survey NAD. Strategy discussion held with police and CSC; "
            "agreed s47 and CP medical.",
            ["INJ-MEDICAL"],
        ),
        (
            "Referred to Dr Y paediatrician for CP medical. Hospital requested a strategy "
            "discussion.",
            ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"],
        ),
        (
            "Strategy discussion to be held tomorrow. Child protection medical completed "
            "today; skeletal survey and CT head done: no further injuries.",
            ["INJ-STRAT"],
        ),
        # a GP or a ward sending the child for the medical is not the medical itself
        (
            "GP1 referred Child A to Riverside Hospital for paediatric assessment and "
            "phoned the CSC duty desk.",
            ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"],
        ),
        (
            "Admitted to the paediatric ward for a child protection medical.",
            ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"],
        ),
        # the child taken to the medical is at it, as one who 'attended for CP medical' is
        # (the wording reads it so since s21; one admitted for a medical, above, waits for it)
        (
            "SW1 took Child A to Riverside Hospital for a CP medical.",
            ["INJ-SKELETAL", "INJ-STRAT"],
        ),
        # ... and so it is when another entry records it; taking the child is planned only
        # when the words say so
        (
            "Home visit. SW1 then took Child A to Riverside Hospital for a CP medical.",
            ["INJ-SKELETAL", "INJ-STRAT"],
        ),
        (
            "Home visit. Child A to be taken to Riverside Hospital for a CP medical tomorrow.",
            ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"],
        ),
        (
            "Home visit. SW1 will take Child A for a CP medical.",
            ["INJ-MEDICAL", "INJ-SKELETAL", "INJ-STRAT"],
        ),
        (
            "Taken to the ward for a CP medical, which found fingertip bruising.",
            ["INJ-SKELETAL", "INJ-STRAT"],
        ),
    ],
)
def test_a_mention_answers_unless_its_own_words_make_it_a_plan(entry, missing):
    assert _missing(entry) == missing


def test_a_csc_record_of_the_survey_result_answers_it():
    entry = "Call from ward: skeletal survey showed old fracture of radius, to be discussed."
    assert "INJ-SKELETAL" not in _missing(entry, agency="csc")


@pytest.mark.parametrize(
    "entry",
    [
        "Referral from A&E. TM1 decision: strategy discussion and child protection medical.",
        "Contact from hospital about Child A's fracture. Outcome: strategy discussion.",
    ],
)
def test_a_decision_to_hold_a_strategy_discussion_is_not_one(entry):
    assert "INJ-STRAT" in _missing(entry, agency="csc")


def test_a_strategy_discussion_another_agency_records_as_held_answers():
    entry = "CP medical by Dr X completed. Dr X then attended a strategy meeting at CSC with DC1."
    assert "INJ-STRAT" not in _missing(entry)


@pytest.mark.parametrize("rulebook", available_rulebooks())
@pytest.mark.parametrize(
    ("third", "missing"),
    [
        # the referral that makes the third concern records the strategy discussion held
        (
            "Referral received from Hospital re bruising to Child A. Strategy discussion "
            "held with police CAIT and Paediatrician.",
            [],
        ),
        # one that only plans it does not answer ESC-CUMULATIVE
        (
            "Referral received from Hospital re bruising. Strategy discussion to be held.",
            ["ESC-CUMULATIVE"],
        ),
    ],
)
def test_a_strategy_discussion_written_in_the_third_concern_answers_the_escalation(
    rulebook, third, missing
):
    events = make_events(
        start=["01/03/2007", "09/03/2007", "14/03/2007", "30/05/2007"],
        agency=["gp", "hospital", "csc", "csc"],
        details=[
            "Bruising to forehead and chest. Mother says he fell down the stairs.",
            "Attended ED with head injury and bruising to face.",
            third,
            "Case file audit.",
        ],
        child_age_days=[365, 373, 378, 455],
    )
    events, _ = classify_events(events)
    found = analyse(Chronology(events), rulebook=rulebook, rules=["ESC-CUMULATIVE"]).to_frame()
    assert sorted(found["rule_id"]) == missing
