"""A date blacked out before the chronology was shared is rejected as an unknown date
(empty_date) whose reason says it was redacted, not as an unreadable date to rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr


@pytest.mark.parametrize(
    "cell", ["[REDACTED]", "[date removed]", "(date withheld)", "Redacted", "███", "XXXX"]
)
def test_a_redacted_date_is_rejected_as_redacted(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "redacted.csv"
    path.write_text(
        f"Date,Agency,Entry\n{cell},Police,PC2 attended the home.\n12/03/2007,CSC,SW1 visited.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert len(chron.events) == 1
    rejected = chron.rejected.iloc[0]
    assert rejected["reason_code"] == "empty_date"
    assert "redacted" in rejected["reason"]
    assert rejected["details"] == "PC2 attended the home."


@pytest.mark.parametrize("cell", ["XX/XX/XXXX", "Date not known", "Redhill"])
def test_other_cells_are_not_called_redacted(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "other.csv"
    path.write_text(f"Date,Agency,Entry\n{cell},Police,PC2 attended.\n", encoding="utf-8")
    reasons = " ".join(scr.read(path).rejected["reason"])
    assert "redacted" not in reasons
