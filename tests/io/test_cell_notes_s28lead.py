"""A reviewer's note under the record in a table cell, in brackets; a learning disability
nurse's line is the record, not the review's learning (stop 28)."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr


def _read(tmp_path: Path, body: str) -> scr.Chronology:
    path = tmp_path / "cells.csv"
    path.write_text("Date,Agency,Details\n" + body, encoding="utf-8")
    return scr.read(path)


def test_bracketed_reviewer_note_under_the_record_is_the_comment(tmp_path: Path) -> None:
    chron = _read(
        tmp_path,
        '12/03/2007,Health Visiting,"Home visit. Child A seen, bruise to cheek noted.\n'
        '[Reviewer: HV1 should have referred to CSC.]"\n'
        '13/03/2007,GP,"Seen for cough.\n(Reviewer\'s note: no injury recorded.)"\n',
    )
    events = chron.events
    assert events["details"].tolist() == [
        "Home visit. Child A seen, bruise to cheek noted.",
        "Seen for cough.",
    ]
    assert events["comment"].tolist() == ["HV1 should have referred to CSC.", "no injury recorded."]
    # "should have referred" is the reviewer's, not a referral in the record
    assert "referral" not in str(events["event_type"].iloc[0])


def test_learning_disability_nurse_line_stays_in_the_record(tmp_path: Path) -> None:
    chron = _read(
        tmp_path,
        '14/03/2007,GP,"Seen.\nLearning disability nurse: visited Mother at home."\n'
        '15/03/2007,GP,"Seen.\n(Learning support assistant: Child A upset)"\n'
        '16/03/2007,GP,"Seen.\nLearning: the GP should have asked about the bruise."\n',
    )
    events = chron.events
    assert events["details"].tolist() == [
        "Seen.\nLearning disability nurse: visited Mother at home.",
        "Seen.\n(Learning support assistant: Child A upset)",
        "Seen.",
    ]
    assert events["comment"].isna().tolist() == [True, True, False]
    assert events["comment"].iloc[2] == "the GP should have asked about the bruise."
