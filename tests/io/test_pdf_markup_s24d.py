"""PDF chronologies, s24 (fictional, drawn here with reportlab): Word's "List of Markup"
(its comments and tracked changes, each under "Page 1: [2] Deleted  TM1  13/03/2020
09:02:00") printed after the document is no text of the chronology."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

MARKUP = [
    "Page 1: [1] Deleted          TM1          13/03/2020 09:02:00",
    "14/03/2007 GP saw Child A",
    "Page 1: [2] Formatted          TM1          13/03/2020 09:05:00",
    "Font: Bold",
    "Page 2: [3] Commented [SW1]          SW1          12/03/2020 10:14:00",
    "Was CSC told about the bruise?",
]
MORE = [
    "and was the child seen alone?",  # a comment carried on from the page before
    "Page 2: [5] Inserted          SW1          14/03/2020 11:30:00",
    "Mother present.",
]


def _markup_pages(pdf, pages) -> None:
    for lines in pages:
        pdf.setFont("Helvetica", 10)
        for i, line in enumerate(lines):
            pdf.drawString(60, 780 - 16 * i, line)
        pdf.showPage()


def _narrative(path: Path, pages) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 790, "Chronology - Child A")
    pdf.setFont("Helvetica", 10)
    for i, text in enumerate(
        [
            "12/03/2007 - HV1 visited Child A at home. Bruise to cheek seen.",
            "",
            "14/03/2007 - Dr B saw Child A at the surgery.",
            "",
            "20/03/2007 - SW1 home visit, Child A seen.",
        ]
    ):
        pdf.drawString(60, 760 - 16 * i, text)
    pdf.showPage()
    _markup_pages(pdf, pages)
    pdf.save()
    return path


def test_list_of_markup_after_a_narrative_is_not_read(tmp_path: Path):
    """The list's lines had joined the last entry's text, and the deleted text it
    quotes ('14/03/2007 GP saw Child A') had become an event of its own; the list's pages
    are now left out, with a markup_balloons warning counting and quoting them."""
    chron = scr.read(_narrative(tmp_path / "narrative.pdf", [MARKUP, MORE]))
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "20/03/2007"]
    assert chron.events[S.DETAILS].iloc[-1] == "SW1 home visit, Child A seen."
    assert not chron.events[S.DETAILS].str.contains("Page|Commented|Font", regex=True).any()
    notes = chron.warnings[chron.warnings[S.CODE] == "markup_balloons"]
    assert len(notes) == 1
    message = notes["message"].iloc[0]
    assert message.startswith("pages 2-3: Word's List of Markup")
    assert "1 comment(s), 1 deletion(s), 2 other change(s)" in message
    assert "Was CSC told about the bruise? and was the child seen alone?" in message


def test_page_opening_with_a_list_entry_in_the_middle_is_read(tmp_path: Path):
    """A page of the chronology after the list's page (no list at the end) is read as
    before: only a list that runs to the end of the PDF is left out."""
    chron = scr.read(_narrative(tmp_path / "middle.pdf", [MARKUP, ["25/03/2007 - PC2 attended."]]))
    assert "25/03/2007" in chron.events[S.DATE_TEXT].tolist()
    assert "markup_balloons" not in set(chron.warnings[S.CODE])
