"""Chronologies as documents, s22 sweep (fictional): what the sweep found misread in
Word, PDF and text chronologies, read row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")


def _days(chron: scr.Chronology) -> list[tuple[str, str]]:
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    return list(zip(ev[S.START].dt.strftime("%d/%m/%Y"), ev[S.DETAILS], strict=True))


def test_days_opening_a_sentence_under_month_headings(tmp_path: Path):
    """Under a month's heading, "On the 12th HV1 visited", "On 19th, Mother ...", "On
    Tuesday 3rd ...", "The 17th - ..." are entries on that day of the month (they were
    one entry dated to the whole month, the heading's); "On the 2nd visit ..." stays text."""
    document = docx.Document()
    document.add_heading("Health visiting records", 1)
    document.add_heading("March 2007", 2)
    document.add_paragraph("On the 12th HV1 visited. Child A seen, weight static.")
    document.add_paragraph("On the 2nd visit that week HV1 noted nappy rash.")
    document.add_paragraph("On 19th, Mother phoned to cancel clinic.")
    document.add_paragraph("26th: HV1 telephoned GP to discuss weight.")
    document.add_heading("April 2007", 2)
    document.add_paragraph("On Tuesday 3rd HV1 visited with a student; Child A seen.")
    document.add_paragraph("The 17th - HV1 attended core group.")
    document.add_paragraph("On the 24th the HV phoned Mother.")
    path = tmp_path / "hv.docx"
    document.save(path)
    chron = scr.read(path)
    assert _days(chron) == [
        (
            "12/03/2007",
            "HV1 visited. Child A seen, weight static.\n"
            "On the 2nd visit that week HV1 noted nappy rash.",
        ),
        ("19/03/2007", "Mother phoned to cancel clinic."),
        ("26/03/2007", "HV1 telephoned GP to discuss weight."),
        ("03/04/2007", "HV1 visited with a student; Child A seen."),
        ("17/04/2007", "HV1 attended core group."),
        ("24/04/2007", "the HV phoned Mother."),
    ]
    assert chron.rejected.empty
    assert (chron.warnings[S.CODE] == "day_under_month").sum() == 1


def test_days_opening_a_sentence_under_a_month_line_of_a_text_file(write_text):
    path = write_text(
        "police.txt",
        "Police log\n\nMarch 2007\n\nOn the 12th PC1 attended the home address.\n\n"
        "On Tuesday the 13th, DC1 phoned CSC.\n",
    )
    chron = scr.read(path)
    assert _days(chron) == [
        ("12/03/2007", "PC1 attended the home address."),
        ("13/03/2007", "DC1 phoned CSC."),
    ]
