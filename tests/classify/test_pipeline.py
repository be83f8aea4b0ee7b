"""Tests for scr_timeline.classify.pipeline: classify_events, the readers' entry point."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.chronology import EVENT_DTYPES
from scr_timeline.classify.pipeline import (
    NO_CHILD_DOB,
    VOCABULARY_NAMES,
    child_age_days,
    classify_events,
)
from scr_timeline.testing import make_events

CLASSIFIED = (
    schema.EVENT_TYPE,
    schema.MENTIONS,
    schema.ROLE,
    schema.INJURY,
    schema.INJURY_KINDS,
    schema.SUSPICIOUS_INJURY,
    schema.CHILD_SEEN,
    schema.COUNTERPARTS,
    schema.CHILD_AGE_DAYS,
)


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events(
        start=["13/12/2006 09:30", "13/12/2006 15:40", "15/12/2006", "04/01/2007"],
        agency=["gp", "csc", "csc", "csc"],
        practitioner=["GP1", "Duty SW", "TM1", None],
        details=[
            "Mother brought Child with bruises to face and chest; Mother said he fell.",
            "Referral received by telephone from hospital SW: unexplained bruising.",
            "Strategy discussion held; agreed s47 and CP medical.",
            "Home visit to family friend. Child seen; no marks or bruises seen.",
        ],
        outcome=["GP referred to paediatrics and phoned the CSC duty desk.", None, None, None],
        counterparts_text=[None, None, "DS1 (CAIT), Dr P1", "Ms F (family friend), Child A"],
        comment=["Reviewer: the GP should have referred; bruising in a baby.", None, None, None],
    )


def test_every_classification_column_is_filled(events):
    out, _ = classify_events(events, child_dob=pd.Timestamp("2006-03-01"))
    assert out[schema.EVENT_TYPE].tolist() == [
        "gp_appointment",
        "referral",
        "strategy_discussion",
        "home_visit",
    ]
    assert out[schema.MENTIONS].tolist() == [
        ("referral", "information_sharing"),
        ("information_sharing",),  # "by telephone"
        ("s47_enquiry", "medical_examination"),
        (),
    ]
    assert out[schema.ROLE].tolist()[:3] == ["gp", "social_worker", "team_manager"]
    assert pd.isna(out[schema.ROLE].iloc[3])
    assert out[schema.INJURY].tolist() == [True, True, False, False]
    assert out[schema.INJURY_KINDS].tolist() == [("bruise",), ("bruise",), (), ()]
    assert out[schema.SUSPICIOUS_INJURY].tolist() == [True, True, False, False]
    # "Mother brought Child with bruises": a child brought to the GP was seen
    assert out[schema.CHILD_SEEN].tolist() == [True, pd.NA, pd.NA, True]
    assert out[schema.COUNTERPARTS].tolist() == [
        ("csc", "mother", "paediatrics"),
        ("hospital",),  # the hospital SW; csc's own referral has no csc counterpart
        ("paediatrics", "police"),
        ("carer", "child"),
    ]
    assert out[schema.CHILD_AGE_DAYS].tolist() == [287, 287, 289, 309]


def test_the_input_is_not_changed(events):
    before = events.copy()
    out, _ = classify_events(events)
    pd.testing.assert_frame_equal(events, before)
    assert out is not events


def test_dtypes_follow_the_canonical_schema(events):
    out, _ = classify_events(events)
    for column in CLASSIFIED:
        if column == schema.COUNTERPARTS:
            # tuples, each distinct tuple stored once (a categorical of tuples)
            assert isinstance(out[column].dtype, pd.CategoricalDtype)
            assert all(isinstance(value, tuple) for value in out[column])
            continue
        assert str(out[column].dtype) == str(EVENT_DTYPES[column]), column
    assert out.index.equals(events.index)
    assert list(out.columns[: len(events.columns)]) == list(events.columns)


def test_no_date_of_birth_warns_once_that_age_rules_are_off(events):
    out, warnings = classify_events(events)
    assert warnings == [
        {
            schema.CODE: NO_CHILD_DOB,
            schema.MESSAGE: "no date of birth: age-based rules (under 24 months) are off; "
            "only the wording decides suspicious_injury",
            schema.SOURCE_FILE: "test",
            schema.SOURCE_SHEET: None,
            schema.SOURCE_ROW: None,
        }
    ]
    # without an age, a bruise is suspicious only when the wording says so
    assert out[schema.SUSPICIOUS_INJURY].tolist() == [False, True, False, False]
    assert out[schema.CHILD_AGE_DAYS].isna().all()


def test_ages_already_known_are_kept_and_used(events):
    events = events.assign(child_age_days=pd.array([287, 287, 289, 309], dtype="Int64"))
    out, warnings = classify_events(events)
    assert warnings == []
    assert out[schema.SUSPICIOUS_INJURY].tolist() == [True, True, False, False]
    assert out[schema.CHILD_AGE_DAYS].tolist() == [287, 287, 289, 309]


def test_the_reviewers_comment_is_not_read(events):
    events = events.assign(
        details=["Routine check.", None, None, None], outcome=[None, None, None, None]
    )
    out, _ = classify_events(events)
    assert not out[schema.INJURY].any()


def test_child_age_days_from_a_date_of_birth():
    starts = pd.Series(pd.to_datetime(["2006-03-01 10:00", "2006-02-20 00:00", None]))
    ages = child_age_days(starts, "2006-03-01")
    assert ages.iloc[0] == 0
    assert ages.iloc[1:].isna().all()  # before the birth there is no age; no date, no age
    assert child_age_days(starts, "01/03/2006").iloc[0] == 0  # a UK date of birth


def test_missing_optional_columns_count_as_empty():
    events = pd.DataFrame({schema.DETAILS: ["ICPC held.", "Bruise to arm."]})
    out, _ = classify_events(events)
    assert out[schema.EVENT_TYPE].tolist() == ["icpc", "other"]
    assert out[schema.INJURY].tolist() == [False, True]
    assert out[schema.ROLE].isna().all()
    assert out[schema.COUNTERPARTS].tolist() == [(), ()]


def test_an_empty_table():
    events = make_events(start=[], details=[], outcome=[], agency=[])
    out, _ = classify_events(events)
    assert len(out) == 0
    assert set(CLASSIFIED) <= set(out.columns)


def test_users_vocabularies_by_name(events, tmp_path: Path):
    path = tmp_path / "events.csv"
    path.write_text("phrase,event_type\nhome visit to family friend,placement\n", encoding="utf-8")
    out, _ = classify_events(events, vocabularies={"event_types": path})
    assert out[schema.EVENT_TYPE].iloc[3] == "placement"


def test_bad_vocabulary_arguments(events, tmp_path: Path):
    with pytest.raises(ValueError, match=r"'events'.*event_types"):
        classify_events(events, vocabularies={"events": tmp_path / "x.csv"})
    with pytest.raises(TypeError):
        classify_events(events, vocabularies=["event_types"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        classify_events("not a frame")  # type: ignore[arg-type]
    assert "agency_aliases" in VOCABULARY_NAMES
    assert "counterpart_cues" in VOCABULARY_NAMES


def test_same_text_same_answer_across_many_rows():
    """Pieces are matched once and gathered back: every copy gets the same answer."""
    n = 5000
    rng = np.random.default_rng(0)
    texts = np.array(["Home visit. No marks seen.", "ICPC held. Bruise to arm.", "Weight 3kg."])
    pick = rng.integers(0, 3, n)
    events = pd.DataFrame(
        {
            schema.DETAILS: texts[pick],
            schema.OUTCOME: [None] * n,
            schema.AGENCY: pd.Categorical(["csc"] * n, categories=list(schema.AGENCIES)),
        }
    )
    out, _ = classify_events(events)
    expected = np.array(["home_visit", "icpc", "other"])[pick]
    assert (out[schema.EVENT_TYPE].astype(str).to_numpy() == expected).all()
    assert (out[schema.INJURY].to_numpy() == (pick == 1)).all()


def test_rows_are_matched_by_position_not_by_label():
    events = pd.DataFrame(
        {schema.DETAILS: ["ICPC held.", "Bruise to arm."], schema.AGENCY: ["csc", "gp"]},
        index=pd.Index(["dup", "dup"], name=schema.EVENT_ID),
    )
    out, _ = classify_events(events)
    assert out[schema.EVENT_TYPE].tolist() == ["icpc", "other"]
    assert out[schema.INJURY].tolist() == [False, True]


# --- a "Child seen? (Y/N)" column -------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "seen"),
    [
        ("Y", True),
        ("yes", True),
        ("YES - seen alone", True),
        ("Seen", True),
        ("Child seen with mother", True),
        ("\u2713", True),
        ("N", False),
        ("No - asleep upstairs", False),
        ("Not seen", False),
        ("Child not seen", False),
        ("unseen", False),
        ("N/A", None),
        ("n/k", None),
        ("Not known", None),
        ("-", None),
        ("", None),
        (None, None),
    ],
)
def test_a_child_seen_cell_reads_as_yes_no_or_nothing(cell, seen):
    from scr_timeline.classify.pipeline import written_child_seen

    got, unread = written_child_seen(pd.Series([cell], dtype=object))
    assert (None if pd.isna(got.iloc[0]) else bool(got.iloc[0])) is seen
    assert unread.isna().all()


def test_the_child_seen_column_decides_over_the_wording_and_warns_of_what_it_cannot_read(
    tmp_path,
):
    import scr_timeline as scr

    path = tmp_path / "hv.csv"
    path.write_text(
        "Date,Agency,Details,Child seen? Y/N\n"
        "05/01/2012,HV,Home visit. Baby asleep in cot.,Y\n"
        "19/01/2012,HV,Home visit. Baby seen and weighed.,N\n"
        "02/02/2012,HV,Home visit. Baby seen and weighed.,\n"
        "16/02/2012,HV,Home visit. Baby seen and weighed.,Partly\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    events = chron.events
    assert events[schema.CHILD_SEEN_TEXT].tolist()[:2] == ["Y", "N"]
    assert events[schema.CHILD_SEEN].tolist() == [True, False, True, True]
    warned = chron.warnings[chron.warnings[schema.CODE] == "child_seen_unread"]
    assert len(warned) == 1
    assert "'Partly'" in warned[schema.MESSAGE].iloc[0]
    assert "rows 5" in warned[schema.MESSAGE].iloc[0]


def test_a_visit_named_only_by_the_contact_type_that_reached_no_one_is_a_missed_contact(
    tmp_path,
):
    import scr_timeline as scr

    path = tmp_path / "hv.csv"
    path.write_text(
        "Date,Agency,Note Type,Details\n"
        "12/03/2007,HV,Home Visit,No reply. Card left.\n"
        "13/03/2007,HV,Home Visit,Baby weighed.\n",
        encoding="utf-8",
    )
    events = scr.read(path).events
    assert events[schema.EVENT_TYPE].tolist() == ["dna", "health_visit"]
    assert events[schema.CHILD_SEEN].tolist() == [False, True]


def test_a_bare_assessment_is_read_as_the_statutory_assessment_of_its_date(tmp_path: Path):
    import scr_timeline as scr

    path = tmp_path / "csc.csv"
    pd.DataFrame(
        {
            "Date": ["12/03/2008", "09/05/2016"],
            "Agency": ["CSC", "CSC"],
            "Details": ["Assessment completed.", "Assessment completed."],
        }
    ).to_csv(path, index=False)
    out, _ = classify_events(
        make_events(start=["2008-03-12"], details=["Assessment"], agency="csc")
    )
    assert out[schema.EVENT_TYPE].tolist() == ["initial_assessment"]
    # read: wt2006's ASM-INITIAL finds the 2008 one, the later editions' ASM-SINGLE the other
    assert scr.read(path).events[schema.EVENT_TYPE].tolist() == [
        "initial_assessment",
        "single_assessment",
    ]
