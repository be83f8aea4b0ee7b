"""An injury recorded again is judged once, from its first record; one acute trust refers once.

Fictional rows, read through the classifiers as a reviewer's file would be. RULES.md: the
injury rules start from a suspicious injury "recorded by an agency"; children's social care's
'Referral received from paediatrics re NAI' the day paediatrics examined the child and
referred is the same injury recorded again, not a new one that needs its own medical and
skeletal survey. With no earlier record it is the injury's first record and is judged as
one. The paediatric team of the hospital whose A&E saw the child refers for it (INJ-REFER).
"""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.rulebook import available_rulebooks
from scr_timeline.testing import make_events

_INJURY_RULES = ["INJ-REFER", "INJ-STRAT", "INJ-MEDICAL", "INJ-SKELETAL", "INJ-POLICE"]
_AE = (
    "Baby A, 8 weeks, brought by Mother with swelling to R arm. Mother unsure how it "
    "happened. X-ray: spiral fracture R humerus."
)
_PAEDS = (
    "Child protection medical. Fracture inconsistent with explanation given. Skeletal "
    "survey shows healing rib fractures."
)
_REPORT = "Referral received from paediatrics re NAI."
_STRATEGY = "Strategy discussion held with police and health. Agreed S47 enquiry."
_FILLER = ("30/06/2007", "gp", "Seen for a cough.", "Advised.")  # the chronology goes on
# A&E's fracture, referred and examined that day, discussed with the police the next
_HANDLED = [
    ("02/04/2007", "hospital", _AE, "Referral to CSC. CP medical and skeletal survey done."),
    ("03/04/2007", "csc", _STRATEGY, "Police and CSC joint s47."),
]


def _findings(rows, *, rulebook="wt2006", rules=_INJURY_RULES):
    events = make_events(
        start=[r[0] for r in rows],
        agency=[r[1] for r in rows],
        details=[r[2] for r in rows],
        outcome=[r[3] if len(r) > 3 else None for r in rows],
        child_age_days=[56 + i for i in range(len(rows))],
        source_row=list(range(2, len(rows) + 2)),
    )
    events, _ = classify_events(events)
    frame = analyse(Chronology(events), rulebook=rulebook, rules=rules).to_frame()
    return frame, events


def _said(frame):
    return sorted(zip(frame["rule_id"], frame["trigger_event_id"], frame["status"], strict=True))


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_csc_recording_the_referral_is_not_a_new_injury_in_every_rulebook(rulebook):
    frame, events = _findings(
        [
            ("02/04/2007", "hospital", _AE, "Admitted to paediatric ward."),
            ("03/04/2007", "paediatrics", _PAEDS, "Referral to CSC by phone."),
            ("03/04/2007", "csc", _REPORT, "Strategy discussion to be arranged."),
            ("04/04/2007", "csc", _STRATEGY),
        ],
        rulebook=rulebook,
    )
    assert bool(events["suspicious_injury"].iloc[2])  # still an injury csc knows of
    # A&E's injury: the strategy discussion and the police 2 days after A&E, late; the
    # paediatric team's referral answers A&E (one trust); nothing about csc's own record
    assert _said(frame) == [
        ("INJ-POLICE", "e1", "late"),
        ("INJ-STRAT", "e1", "late"),
    ]


def test_a_report_listed_before_the_record_of_the_same_day_is_answered_by_it():
    """Listed first, the report is the first record; the hospital's own record after it
    answers it (and is not judged again)."""
    frame, _ = _findings(
        [
            ("03/04/2007", "csc", "Call received from A&E re spiral fracture R humerus."),
            (
                "03/04/2007",
                "hospital",
                _AE,
                "Referral to CSC. Skeletal survey and CP medical done.",
            ),
            ("03/04/2007", "csc", _STRATEGY),
        ],
    )
    assert _said(frame) == []


def test_a_report_within_7_days_of_the_injury_is_that_injury():
    frame, _ = _findings(
        [
            *_HANDLED,
            # a letter about the same injury a week later: nothing new to examine
            ("09/04/2007", "csc", "Letter received from hospital re fracture R humerus."),
        ],
    )
    assert _said(frame) == []


def test_a_report_with_no_earlier_record_is_the_injurys_first_record():
    frame, _ = _findings(
        [
            ("05/03/2007", "gp", "Seen for a cough.", "Advised."),
            ("03/04/2007", "csc", _REPORT),
            _FILLER,
        ],
    )
    assert _said(frame) == [
        ("INJ-MEDICAL", "e2", "missing"),
        ("INJ-POLICE", "e2", "missing"),
        ("INJ-SKELETAL", "e2", "missing"),
        ("INJ-STRAT", "e2", "missing"),
    ]


def test_a_report_more_than_7_days_after_an_earlier_injury_is_judged_again():
    frame, _ = _findings(
        [
            *_HANDLED,
            ("16/04/2007", "csc", "Referral received from nursery: bruising to both cheeks."),
            _FILLER,
        ],
    )
    assert {rule for rule, trigger, _ in _said(frame)} == {
        "INJ-MEDICAL",
        "INJ-POLICE",
        "INJ-SKELETAL",
        "INJ-STRAT",
    }
    assert set(frame["trigger_event_id"]) == {"e3"}


def test_a_new_injury_seen_by_an_agency_is_judged_whoever_saw_the_last_one():
    """Only a record of what another record holds joins it: a GP seeing a new bruise two
    days after A&E's fracture is a new injury."""
    frame, _ = _findings(
        [
            *_HANDLED,
            ("05/04/2007", "gp", "Bruise to L cheek seen. Mother said sibling hit baby."),
            _FILLER,
        ],
        rules=["INJ-MEDICAL"],
    )
    assert _said(frame) == [("INJ-MEDICAL", "e3", "missing")]


@pytest.mark.parametrize(
    ("first", "then", "missing"),
    [
        ("hospital", "paediatrics", False),  # A&E sees it, the paediatric team refers
        # not the other way round: community paediatrics (a child development centre)
        # refers for itself, and A&E seeing the child later is no referral of its injury
        ("paediatrics", "hospital", True),
        ("gp", "paediatrics", True),  # the GP still has to refer
        ("hospital", "gp", True),
    ],
)
def test_inj_refer_the_paediatric_team_refers_for_the_hospitals_emergency_department(
    first, then, missing
):
    frame, _ = _findings(
        [
            ("02/04/2007", first, "Spiral fracture R humerus, Mother unsure how it happened."),
            ("03/04/2007", then, "Referral to CSC by phone."),
        ],
        rules=["INJ-REFER"],
    )
    assert _said(frame) == ([("INJ-REFER", "e1", "missing")] if missing else [])


_SCRATCHES = "Child A brought in with bruising to the face and scratches to the scalp."


@pytest.mark.parametrize(
    "seen_again",
    [
        "Home visit. Child A seen; scratches healing.",
        "Home visit. Fading bruise to the face, Mother said from the fall.",
        "Home visit. Child A had scabs on his scalp; Mother said head lice.",
        "Home visit. The bruising to the face is still visible.",
    ],
)
def test_an_injury_seen_again_as_it_heals_is_judged_from_its_first_record(seen_again):
    frame, _ = _findings(
        [
            ("01/05/2007", "hospital", _SCRATCHES, "Referral to CSC. CP medical done."),
            ("02/05/2007", "csc", _STRATEGY, "Police and CSC joint s47. Skeletal survey NAD."),
            ("10/05/2007", "csc", seen_again),
            _FILLER,
        ],
        rules=["INJ-STRAT", "INJ-MEDICAL", "INJ-SKELETAL", "INJ-POLICE"],
    )
    assert _said(frame) == []  # all done for the first record, none asked of the second


@pytest.mark.parametrize(
    ("seen", "new"),
    [
        # a new injury beside the healing one is a new injury
        ("Home visit. Scratches healing; new bruise to the left ear.", True),
        # more than 14 days after the first record: judged again
        ("Home visit on 30/05. Scratches healing.", True),
        ("Home visit. Child A seen; scratches healing.", False),
    ],
)
def test_only_the_healing_injury_of_the_last_14_days_is_seen_again(seen, new):
    day = "30/05/2007" if "30/05" in seen else "10/05/2007"
    frame, _ = _findings(
        [
            ("01/05/2007", "hospital", _SCRATCHES, "Referral to CSC. CP medical done."),
            ("02/05/2007", "csc", _STRATEGY, "Police and CSC joint s47. Skeletal survey NAD."),
            (day, "csc", seen),
            _FILLER,
        ],
        rules=["INJ-MEDICAL"],
    )
    assert ("INJ-MEDICAL", "e3", "missing") in _said(frame) if new else _said(frame) == []


def test_a_healing_injury_with_no_earlier_record_is_judged_as_its_first_record():
    frame, _ = _findings(
        [("10/05/2007", "health_visiting", "Home visit. Healing bruise on the chin."), _FILLER],
        rules=["INJ-REFER", "INJ-MEDICAL"],
    )
    assert _said(frame) == [("INJ-MEDICAL", "e1", "missing"), ("INJ-REFER", "e1", "missing")]


def test_an_agency_that_sees_a_healing_injury_still_refers_it():
    """INJ-REFER: the health visitor seeing the scabs cannot know csc was told; a record of
    being told (a letter received) needs no referral of its own."""
    frame, _ = _findings(
        [
            ("01/05/2007", "hospital", _SCRATCHES, "Referral to CSC. CP medical done."),
            ("09/05/2007", "health_visiting", "Home visit. Scabs on his scalp.", "Not shared."),
            ("10/05/2007", "gp", "Letter received from A&E re scratches to the scalp.", "Filed."),
            _FILLER,
        ],
        rules=["INJ-REFER"],
    )
    assert _said(frame) == [("INJ-REFER", "e2", "missing")]


def test_a_medical_and_an_arrest_about_a_known_injury_are_no_new_injury():
    frame, _ = _findings(
        [
            ("05/06/2016", "hospital", "CT scan: skull fracture. No explanation offered.",
             "Referral to MASH; police informed."),
            ("06/06/2016", "csc", _STRATEGY),
            ("09/06/2016", "paediatrics", "Child protection medical: bruise behind the ear.",
             "Report to CSC and police."),
            ("01/08/2016", "police", "Father arrested and interviewed about the skull fracture.",
             "He denied causing it."),
            ("30/09/2016", "gp", "Seen for a cough.", "Advised."),
        ],
    )  # fmt: skip
    # the medical and the survey for the fracture were never done; nothing on rows 3 and 4
    assert _said(frame) == [
        ("INJ-MEDICAL", "e1", "late"),
        ("INJ-SKELETAL", "e1", "missing"),
    ]
