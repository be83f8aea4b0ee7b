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
