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
