"""PDF review reports, s26 second sweep (fictional, drawn here with reportlab): a draft
overview report printed with Word's line numbers in its margin."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("reportlab")

_PARAGRAPHS = [
    (
        "4.10",
        [
            "On 3 May 2007 Child A was seen by the GP with a bruise to the left cheek. Mother",
            "said Child A had fallen from the sofa. No referral was made.",
        ],
    ),
    (
        "4.11",
        [
            "On 10 May 2007 the health visitor HV1 made a home visit. Child A was seen and",
            "appeared well. HV1 did not ask about the bruise.",
        ],
    ),
    (
        "4.12",
        [
            "On 14 May 2007 police were called to the family home after a neighbour reported",
            "shouting. PC2 attended and submitted a domestic abuse notification.",
        ],
    ),
]


def _report(path: Path, *, margin_numbers: bool, every: int = 1, repeat: int = 1) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    _width, height = A4
    y = height - 100
    line = 1
    page.setFont("Helvetica-Bold", 12)
    page.drawString(72, y, "4. Narrative of events")
    y -= 24
    for n, (_number, lines) in enumerate(_PARAGRAPHS * repeat):
        number = f"4.{10 + n}"
        for i, text in enumerate(lines):
            page.setFont("Helvetica", 11)
            if i == 0:
                page.drawString(72, y, number)
            page.drawString(108, y, text)
            if margin_numbers and line % every == 0:
                page.setFont("Helvetica", 8)
                page.drawRightString(50, y, str(line))
            line += 1
            y -= 14
        y -= 10
    page.showPage()
    page.save()
    return path


def test_line_numbers_in_the_margin_are_no_text_of_the_entries(tmp_path: Path):
    """A draft report printed with Word's line numbers: the number at the left of each
    line ran into the paragraph ('Mother said 2 Child A had fallen', '... reported 6
    shouting'). They are left out now, with a line_numbers warning naming the page."""
    chron = scr.read(_report(tmp_path / "draft.pdf", margin_numbers=True))
    details = chron.events[S.DETAILS].tolist()
    assert details[0] == (
        "Child A was seen by the GP with a bruise to the left cheek. Mother said Child A had"
        " fallen from the sofa. No referral was made."
    )
    assert details[2].endswith(
        "neighbour reported shouting. PC2 attended and submitted a domestic abuse notification."
    )
    warned = chron.warnings[chron.warnings[S.CODE] == "line_numbers"]
    assert "page 1" in warned[S.MESSAGE].iloc[0]


def test_every_fifth_line_numbered(tmp_path: Path):
    """Word's line numbers counted by 5 (5, 10, 15 ...) are left out too."""
    chron = scr.read(_report(tmp_path / "draft.pdf", margin_numbers=True, every=5, repeat=5))
    assert len(chron.events) == 15
    assert not chron.events[S.DETAILS].str.contains(r"\b(?:5|10|15|20|25|30)\b").any()
    assert "line_numbers" in set(chron.warnings[S.CODE])


def test_paragraph_numbers_at_the_text_edge_are_kept(tmp_path: Path):
    """The report's own paragraph numbers ('4.10' at the headings' left edge) are no line
    numbers: no warning, entries read as before."""
    chron = scr.read(_report(tmp_path / "final.pdf", margin_numbers=False))
    assert "line_numbers" not in set(chron.warnings[S.CODE])
    assert len(chron.events) == 3


def _wide_table(path: Path, widths: list[int]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    rows = [["Date", "Agency", "Practitioner", "Details", "Outcome"]] + [
        [f"{d:02d}/03/2007", "Police", "PC2", f"Entry {d} attended", "Referred to CSC"]
        for d in range(13, 18)
    ]
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def test_a_table_running_past_the_pages_right_edge_is_warned_about(tmp_path: Path):
    """A chronology table wider than the page, printed as it is: its last column runs past
    the right edge (cut off, or printed on a page of its own), and nothing said so. A
    table_cut warning now names the page."""
    chron = scr.read(_wide_table(tmp_path / "wide.pdf", [70, 90, 80, 230, 150]))
    warned = chron.warnings[chron.warnings[S.CODE] == "table_cut"]
    assert warned[S.SOURCE_SHEET].tolist() == ["page 1"]
    assert len(chron.events) == 5


def test_a_table_inside_the_margins_is_not_warned_about(tmp_path: Path):
    chron = scr.read(_wide_table(tmp_path / "fits.pdf", [70, 70, 60, 150, 100]))
    assert "table_cut" not in set(chron.warnings[S.CODE])
