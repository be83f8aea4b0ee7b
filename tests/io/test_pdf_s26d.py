"""PDF chronologies, s26 (fictional, drawn here with reportlab): Word chronologies printed
to PDF, and pages as reviews leave them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")


def _ruled(rows, widths):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return table


def test_the_form_table_on_page_one_gives_its_agency_and_the_childs_dob(tmp_path: Path):
    """A Word template printed to PDF: a details table on page 1 ('Agency:' | 'Northshire
    Police', 'Date of birth:' | '01/02/2006') over the chronology table, which has no
    agency column. The form was skipped and nothing of it read (agency from each officer's
    code, organisation empty, no date of birth); it now gives the table's agency and the
    child's date of birth, as in Word."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    form = _ruled(
        [
            ["Agency:", "Northshire Police"],
            ["Name of child:", "Child A"],
            ["Date of birth:", "01/02/2006"],
            ["Completed by:", "DS1"],
        ],
        [100, 300],
    )
    table = _ruled(
        [
            ["Date", "Officer", "Details"],
            ["12/03/2007 14:30", "PC2", "Attended domestic incident. Mother had a cut lip."],
            ["13/03/2007", "DC1", "PPN1 submitted to MASH."],
        ],
        [95, 60, 330],
    )
    path = tmp_path / "chronology.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Agency chronology", styles["Heading1"]), form, Spacer(1, 12), table]
    )
    chron = scr.read(path)
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007 14:30", "13/03/2007"]
    assert events[S.AGENCY].tolist() == ["police", "police"]
    assert events[S.ORGANISATION].tolist() == ["Northshire Police", "Northshire Police"]
    assert chron.meta.child_dob == pd.Timestamp("2006-02-01")
    assert "child_dob_inferred" in set(chron.warnings[S.CODE])
    assert "no_agency" not in set(chron.warnings[S.CODE])


_ENTRIES = [
    (
        "12/03/2007",
        "Health Visiting",
        "HV1 home visit. Child A seen and weighed. Mother reported that Child A had fallen "
        "from the sofa the previous evening and bruised his left cheek. HV1 saw a bruise of "
        "2cm. Advice on safety given; plan to revisit in two weeks.",
    ),
    (
        "14/03/2007",
        "GP",
        "Child A seen by Dr B with Mother for a cough. Bruise to cheek noted as fading. No "
        "referral.",
    ),
    (
        "20/03/2007",
        "Police",
        "PC2 attended a domestic incident at the home following a call from a neighbour. "
        "Mother had a cut lip. Father arrested. Child A present, asleep in cot.",
    ),
    (
        "22/03/2007",
        "Children's Social Care",
        "MASH received police notification. Strategy discussion held with DS1 and HV1. "
        "Agreed s47 enquiry; SW1 allocated.",
    ),
]


@pytest.mark.parametrize("align", ["MIDDLE", "BOTTOM"])
def test_unruled_table_with_cells_set_in_the_middle_of_their_rows(tmp_path: Path, align: str):
    """A Word chronology table with no borders whose cells are set in the middle of each
    row (Word's 'Align Center Left'; or at its foot), printed to PDF: each entry's date
    stands level with the middle (last) line of its text, so the lines above it were read
    as an undated row and the page was taken for no table at all: the entries were read
    as a narrative, the first lost in its preamble, the others run together across
    agencies ('GP No referral. PC2 attended ...'). Each row is now the block of lines
    around its date, parted from the next by the space between rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["Normal"]
    table = Table(
        [["Date", "Agency", "Details"]]
        + [[Paragraph(cell, body) for cell in entry] for entry in _ENTRIES],
        colWidths=[70, 90, 330],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), align)]))
    path = tmp_path / "combined.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Child A - Combined chronology", styles["Heading1"]), table]
    )
    chron = scr.read(path)
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == [date for date, _a, _d in _ENTRIES]
    assert events[S.AGENCY].tolist() == ["health_visiting", "gp", "police", "csc"]
    assert events[S.ORGANISATION].tolist()[-1] == "Children's Social Care"
    assert events[S.DETAILS].tolist() == [details for _d, _a, details in _ENTRIES]
    assert chron.rejected.empty
    assert "table_without_rules" in set(chron.warnings[S.CODE])
