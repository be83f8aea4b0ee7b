"""Headings as review templates write them (s25 sweep)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline.io.headers import heading_field


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        # each had been kept in extra, where nothing reads it
        ("Who was involved?", ("counterparts", 1)),
        ("Hindsight analysis", ("comment", 1)),
        ("Outcome/Next steps", ("outcome", 1)),
        ("Agency action", ("outcome", 1)),
        ("Clinician name", ("practitioner", 1)),
        ("Keyworker", ("practitioner", 1)),
        ("Caseworker", ("practitioner", 1)),
        ("Allocated SW", ("practitioner", 1)),
        ("Allocated social worker", ("practitioner", 1)),
        ("O/C", ("practitioner", 1)),  # the officer in charge
        ("Username", ("practitioner", 2)),  # who typed the entry: when no other column says
        ("Entry by", ("practitioner", 2)),
    ],
)
def test_template_headings(heading: str, field: tuple[str, int]) -> None:
    assert heading_field(heading) == field


def test_who_was_involved_names_the_counterparts(tmp_path: Path) -> None:
    path = tmp_path / "csc.csv"
    path.write_text(
        "Date,Agency,Details,Who was involved?\n"
        '12/03/2007,CSC,Strategy discussion,"SW1, PC2 (police)"\n'
    )
    events = scr.read(path).events
    assert events["counterparts_text"].tolist() == ["SW1, PC2 (police)"]
    assert "police" in events["counterparts"].iloc[0]
    assert events["extra"].isna().all()


def test_who_typed_the_entry_gives_way_to_the_practitioner(tmp_path: Path) -> None:
    path = tmp_path / "csc.csv"
    path.write_text("Date,Practitioner,Username,Details\n12/03/2007,SW1,ADMIN2,Home visit\n")
    events = scr.read(path).events
    assert events["practitioner"].tolist() == ["SW1"]
    assert events["extra"].tolist() == ["Username: ADMIN2"]
