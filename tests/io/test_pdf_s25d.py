"""PDF chronologies, s25 (fictional, drawn here with reportlab): pages as reviews and
agencies print them."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

BODY = [
    "12/03/2007 - HV1 visited Child A at home. Mother said the",
    "bruise on the arm was from a fall at nursery.",
    "",
    "14/03/2007 - GP: Dr B saw Child A, bruising to the cheek",
    "noted. No referral made.",
    "",
    "20/03/2007 - SW1 home visit, Child A seen alone in her room.",
]


def _page_with_box(path: Path, box_lines: list[str], *, fill: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, height - 60, "Chronology - Child A")
    pdf.setFont("Helvetica", 10)
    for i, line in enumerate(BODY):
        pdf.drawString(60, height - 100 - 14 * i, line)
    if fill:
        pdf.setFillGray(0.9)
        pdf.rect(400, height - 220, 150, 110, stroke=0, fill=1)
        pdf.setFillGray(0)
    else:
        pdf.rect(400, height - 220, 150, 110)
    for i, line in enumerate(box_lines):
        pdf.drawString(405, height - 125 - 13 * i, line)
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("fill", [False, True])
def test_boxed_note_beside_the_text_is_no_text_of_the_entries(tmp_path: Path, fill: bool):
    """A review's 'Key learning point' box (drawn, or shaded) beside the chronology's
    paragraphs: each of its lines was read into the line of the entry level with it
    ('... from a fall at nursery. Key learning point: Bruising in a non-mobile 14/03/2007
    ...'), so two entries ran together. The box is now read apart from the text and,
    opening with no date, is left out with a sidebar_not_read warning quoting it."""
    path = _page_with_box(
        tmp_path / "review.pdf",
        ["Key learning point:", "Bruising in a non-mobile", "child must be referred to", "CSC."],
        fill=fill,
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "20/03/2007"]
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visited Child A at home. Mother said the bruise on the arm was from a fall at "
        "nursery.",
        "GP: Dr B saw Child A, bruising to the cheek noted. No referral made.",
        "SW1 home visit, Child A seen alone in her room.",
    ]
    notes = chron.warnings[chron.warnings[S.CODE] == "sidebar_not_read"]
    assert notes["message"].tolist() == [
        "page 1: a boxed note beside the text (a sidebar) was not read as text of the "
        "entries beside it: 'Key learning point: Bruising in a non-mobile child must be "
        "referred to CSC.'"
    ]


def test_boxed_entry_beside_the_text_is_an_entry_of_its_own(tmp_path: Path):
    """A box beside the text that opens with a date (a key event set apart) is an entry of
    its own, not lines of the entries level with it."""
    path = _page_with_box(
        tmp_path / "review.pdf", ["13/03/2007 - Police:", "PC2 attended after a", "999 call."]
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "13/03/2007",
        "14/03/2007",
        "20/03/2007",
    ]
    assert chron.events[S.DETAILS].tolist()[1] == "Police: PC2 attended after a 999 call."
    assert chron.events[S.DETAILS].tolist()[2] == (
        "GP: Dr B saw Child A, bruising to the cheek noted. No referral made."
    )
    assert "sidebar_not_read" not in set(chron.warnings[S.CODE])
