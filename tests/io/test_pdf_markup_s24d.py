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


NOTES = [
    (775, ["Was CSC told about", "the bruise?", "Reviewer 1", "12/03/2020, 10:14"]),
    (720, ["Check the date", "with the GP.", "Reviewer 2", "13/03/2020, 09:02"]),
]


def _libreoffice(path: Path, *, table: bool = False, stamp: bool = True) -> Path:
    """A page as LibreOffice exports it with "Comments in margin": the page shrunk to
    the left, each comment a shaded box on the right, its text over its author and the
    day and time it was made."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(40, 800, "Chronology - Child A")
    pdf.setFont("Helvetica", 8)
    if table:
        xs, top, step = [40, 110, 170, 430], 780, 16
        rows = [
            ("Date", "Agency", "Details"),
            ("12/03/2007", "HV", "HV1 visited Child A at home."),
            ("20/03/2007", "CSC", "SW1 home visit, Child A seen."),
        ]
        for i in range(len(rows) + 1):
            pdf.line(xs[0], top - i * step, xs[-1], top - i * step)
        for x in xs:
            pdf.line(x, top, x, top - len(rows) * step)
        for i, cells in enumerate(rows):
            for x, text in zip(xs, cells, strict=False):
                pdf.drawString(x + 3, top - (i + 1) * step + 5, text)
    else:
        for i, text in enumerate(
            [
                "12/03/2007 - HV1 visited Child A at home. Bruise to cheek seen.",
                "",
                "20/03/2007 - SW1 home visit, Child A seen.",
                "Mother said the home was cold.",
            ]
        ):
            pdf.drawString(40, 770 - 12 * i, text)
    for y, lines in NOTES:
        lines = lines if stamp else lines[:-1]
        pdf.setFillColorRGB(1.0, 0.96, 0.75)
        pdf.rect(450, y - 10 * len(lines) + 2, 130, 10 * len(lines) + 6, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        for i, text in enumerate(lines):
            pdf.drawString(454, y - 10 * i, text)
    pdf.save()
    return path


def test_libreoffice_comments_in_the_margin_are_not_read(tmp_path: Path):
    """LibreOffice's comments in the margin had joined the narrative's lines beside them,
    and the day a comment was made ('13/03/2020, 09:02') had become an entry; they are
    now left out, with a markup_balloons warning quoting them."""
    chron = scr.read(_libreoffice(tmp_path / "lo.pdf"))
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "20/03/2007"]
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visited Child A at home. Bruise to cheek seen.",
        "SW1 home visit, Child A seen. Mother said the home was cold.",
    ]
    notes = chron.warnings.loc[chron.warnings[S.CODE] == "markup_balloons", "message"]
    assert notes.tolist() == [
        "page 1: LibreOffice's comments in the margin (2 comment(s); exported with comments "
        "in margin) were left out: they are no text of the entries; comments: 'Was CSC "
        "told about the bruise?'; 'Check the date with the GP.'"
    ]


def test_libreoffice_comments_beside_a_table_are_named(tmp_path: Path):
    """Beside a ruled table the comments were dropped without a word; now warned."""
    chron = scr.read(_libreoffice(tmp_path / "lo.pdf", table=True))
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visited Child A at home.",
        "SW1 home visit, Child A seen.",
    ]
    assert "markup_balloons" in set(chron.warnings[S.CODE])


def test_shaded_boxes_without_a_comment_stamp_are_read(tmp_path: Path):
    """Shaded boxes on the right whose text does not end with the day and time a
    comment was made are the page's own (a sidebar of the report): not taken away."""
    chron = scr.read(_libreoffice(tmp_path / "boxes.pdf", table=True, stamp=False))
    assert len(chron.events) == 2
    assert "markup_balloons" not in set(chron.warnings[S.CODE])


def test_list_of_markup_alone_in_a_pdf_is_a_clear_error(tmp_path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from scr_timeline.exceptions import ChronologyReadError

    pdf = canvas.Canvas(str(tmp_path / "markup.pdf"), pagesize=A4)
    _markup_pages(pdf, [MARKUP, MORE])
    pdf.save()
    with pytest.raises(ChronologyReadError, match="List of Markup"):
        scr.read(tmp_path / "markup.pdf")


def test_unruled_table_header_repeated_in_the_top_margin_is_read(tmp_path: Path):
    """A table without ruling lines whose header line ('Date  Agency  Details') is
    printed again at the top of each page, in the top tenth under the marking: the
    header came back at the same place on each page, so it was taken for a running
    header and left out, and no table was found (the rows were read as a narrative,
    each agency's name in its details). It is now the table's header: the rows are the
    table's, and the row broken by the page is joined over it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "plain.pdf"), pagesize=A4)
    xs = [50, 130, 200]
    pages = [
        [
            ("12/03/2007", "HV", "HV1 visited Child A at home."),
            ("14/03/2007", "GP", "Dr B saw Child A at the surgery."),
            ("20/03/2007", "CSC", "SW1 home visit. Mother said the home was cold and"),
        ],
        [
            ("", "", "the heating had been off for a week."),
            ("21/03/2007", "Police", "PC2 attended a domestic incident."),
        ],
    ]
    for n, rows in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawCentredString(297, 815, "OFFICIAL-SENSITIVE")
        pdf.drawCentredString(297, 20, f"Page {n} of 2")
        pdf.setFont("Helvetica-Bold", 10)
        for x, text in zip(xs, ["Date", "Agency", "Details"], strict=True):
            pdf.drawString(x, 780, text)
        pdf.setFont("Helvetica", 10)
        for i, cells in enumerate(rows):
            for x, text in zip(xs, cells, strict=True):
                pdf.drawString(x, 760 - 20 * i, text)
        pdf.showPage()
    pdf.save()
    chron = scr.read(tmp_path / "plain.pdf")
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "14/03/2007",
        "20/03/2007",
        "21/03/2007",
    ]
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "gp", "csc", "police"]
    assert chron.events[S.DETAILS].tolist()[2] == (
        "SW1 home visit. Mother said the home was cold and the heating had been off for a week."
    )
    assert chron.events[S.SOURCE_SHEET].iloc[0] == "page 1 table 1"
