"""'Cont.' in the date column of a table set out in columns with spaces (stop 28)."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr

HEADER = "Date        Agency            Details\n"
FIRST = (
    "12/03/2007  Health Visiting   HV1 home visit. Child A seen, bruise to\n"
    "                              left cheek noted.\n"
)
CONT = "Cont.                         Mother said fall from sofa. Advised GP.\n"
LATER = (
    "14/03/2007  GP                Seen by Dr B for cough.\n"
    "15/03/2007  GP                Seen by Dr B, well.\n"
)


def _read(tmp_path: Path, text: str) -> scr.Chronology:
    path = tmp_path / "chronology.txt"
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_cont_row_carries_on_the_row_above_without_the_mark(tmp_path: Path) -> None:
    chron = _read(tmp_path, HEADER + FIRST + CONT + LATER)
    details = chron.events["details"].tolist()
    assert details[0] == (
        "HV1 home visit. Child A seen, bruise to left cheek noted. "
        "Mother said fall from sofa. Advised GP."
    )
    assert len(chron.events) == 3 and chron.rejected.empty
    assert "extra_text" not in chron.warnings["code"].tolist()


def test_cont_row_after_a_blank_line_does_not_end_the_table(tmp_path: Path) -> None:
    # before: 'Cont.' after a blank line ended the table, and the dated rows below it
    # were only warned of (text_outside_tables), not read
    chron = _read(tmp_path, HEADER + FIRST + "\n" + CONT + "\n" + LATER)
    assert chron.events["start"].dt.day.tolist() == [12, 14, 15]
    assert chron.events["details"].iloc[0].endswith("\nMother said fall from sofa. Advised GP.")
    assert "text_outside_tables" not in chron.warnings["code"].tolist()


def test_undated_prose_after_a_blank_line_still_ends_the_table(tmp_path: Path) -> None:
    chron = _read(
        tmp_path,
        HEADER + FIRST + "\nAnalysis        the visit should have led to a referral.\n",
    )
    assert len(chron.events) == 1
    assert "referral" not in chron.events["details"].iloc[0]
