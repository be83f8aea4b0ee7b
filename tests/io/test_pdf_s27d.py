"""PDF chronologies, s27 (fictional, drawn here with reportlab): a reviewer's note in a
Word text box over an entry, printed to PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("reportlab")

_ROWS = [
    ("Date", "Agency", "Event", "Outcome"),
    (
        "12/03/2007",
        "Health Visiting",
        "HV1 home visit. Child A seen;|bruise to left cheek noted.",
        "Advice given",
    ),
    ("14/03/2007", "Health Visiting", "HV1 phoned Mother.", "No answer"),
    ("20/03/2007", "GP", "GP1 saw Child A for a cough.", "Antibiotics"),
]


def _draw(path: Path, box: str, note: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 790, "Health Visiting chronology - Child A")
    pdf.setFont("Helvetica", 9)
    xs = [50, 130, 230, 450, 545]
    tops = [770, 750, 660, 630, 600]
    for top in tops:
        pdf.line(xs[0], top, xs[-1], top)
    for x in xs:
        pdf.line(x, tops[0], x, tops[-1])
    for i, row in enumerate(_ROWS):
        for j, value in enumerate(row):
            for k, line in enumerate(value.split("|")):
                pdf.drawString(xs[j] + 3, tops[i] - 12 - 11 * k, line)
    # the text box, inside the Event cell of the first entry, under its text
    x, y, w, h = xs[2] + 8, tops[1] - 82, 200, 48
    if box == "frame":
        pdf.rect(x, y, w, h)
    else:
        pdf.setFillGray(0.9)
        pdf.rect(x, y, w, h, stroke=0, fill=1)
        pdf.setFillGray(0)
    for k, line in enumerate(note):
        pdf.drawString(x + 4, y + h - 12 - 11 * k, line)
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("box", ["frame", "shaded"])
def test_a_reviewers_note_in_a_box_over_an_entry_is_its_comment(tmp_path: Path, box: str):
    # the box's text was read as the entry's details, so "should have referred" was the
    # health visitor's record
    path = tmp_path / "hv.pdf"
    _draw(
        path,
        box,
        [
            "Reviewer: HV1 should have referred to CSC",
            "under the bruising protocol; the child was",
            "not mobile.",
        ],
    )
    chron = scr.read(path)
    first = chron.events.set_index(S.SOURCE_ROW).loc[2]
    assert first[S.DETAILS] == "HV1 home visit. Child A seen; bruise to left cheek noted."
    assert first[S.COMMENT] == (
        "Reviewer: HV1 should have referred to CSC under the bruising protocol; "
        "the child was not mobile."
    )
    assert first[S.EVENT_TYPE] == "home_visit"
    assert chron.warnings["code"].eq("text_box").any()
    assert len(chron.events) == 3


def test_a_box_of_the_records_own_text_stays_its_details(tmp_path: Path):
    # a body map's label in a box: the agency's record
    path = tmp_path / "hv.pdf"
    _draw(path, "frame", ["Body map: bruise 2cm left cheek"])
    first = scr.read(path).events.set_index(S.SOURCE_ROW).loc[2]
    assert first[S.DETAILS].endswith("noted. Body map: bruise 2cm left cheek")


def test_notes_typed_under_a_chronology_table_go_to_the_rows_marking_them(tmp_path: Path):
    # the notes under the table were not read (text outside the tables)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    table = Table(
        [
            ["Date", "Event", "Outcome"],
            ["12/03/2007", "PC1 attended DA incident.[1]", "DASH standard"],
            ["14/03/2007", "PPN submitted to MASH.[2]", "None"],
        ],
        colWidths=[80, 250, 120],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "police.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("Northshire Police chronology - Child A", styles["Heading1"]),
            table,
            Spacer(1, 20),
            Paragraph("Notes", styles["BodyText"]),
            Paragraph("[1] The officer's body-worn video was not retained.", styles["BodyText"]),
            Paragraph("[2] The PPN was not received by MASH until 19/03/2007.", styles["BodyText"]),
        ]
    )
    details = scr.read(path).events.set_index(S.SOURCE_ROW)[S.DETAILS]
    assert details[2] == (
        "PC1 attended DA incident.[1]\n[footnote: The officer's body-worn video was not retained.]"
    )
    assert details[3].endswith("[footnote: The PPN was not received by MASH until 19/03/2007.]")
