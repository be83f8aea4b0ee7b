"""PDF chronologies, s23 documents sweep (fictional, written here by reportlab): a Word
chronology printed to PDF "showing markup", its comments and changes in balloons in a
pane right of the shrunk page, with dotted lines leading to them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import scr_timeline as scr
from scr_timeline import schema as S

WIDTH, HEIGHT = A4
PANE = 0.72 * WIDTH  # where Word's markup pane starts, right of the page it shrank
AUTHOR = Color(0.8, 0.2, 0.4)


def _balloon(
    page: canvas.Canvas,
    anchor: tuple[float, float],
    y: float,
    lines: list[str],
    pieces: bool = False,
):
    """A balloon as Word prints it: a dotted line from the text it belongs to along that
    line to the pane (and on to the balloon; as one dashed line, or drawn ``pieces`` by
    piece as some PDF printers do), a box with the author's border, the label in bold
    ("Commented [R1]:", "Deleted:")."""
    page.saveState()
    page.setStrokeColor(AUTHOR)
    page.setLineWidth(0.5)
    if pieces:
        x = anchor[0]
        while x < PANE + 4:
            page.line(x, anchor[1] - 2, x + 1, anchor[1] - 2)
            x += 3
    page.setDash(1, 2)
    if not pieces:
        page.line(anchor[0], anchor[1] - 2, PANE + 4, anchor[1] - 2)
    page.line(PANE + 4, anchor[1] - 2, PANE + 8, y + 6)
    page.setDash()
    height = 10 * len(lines) + 6
    page.setFillColor(Color(0.98, 0.93, 0.95))
    page.roundRect(PANE + 8, y - height + 12, WIDTH - PANE - 20, height, 3, stroke=1, fill=1)
    page.setFillColor(black)
    for i, line in enumerate(lines):
        label, colon, rest = line.partition(": ") if i == 0 else ("", "", line)
        x = PANE + 12
        if colon:
            page.setFont("Helvetica-Bold", 7)
            page.drawString(x, y - 10 * i, label + ":")
            x += page.stringWidth(label + ": ", "Helvetica-Bold", 7)
        page.setFont("Helvetica", 7)
        page.drawString(x, y - 10 * i, rest)
    page.restoreState()


def _narrative(path: Path) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica-Bold", 12)
    page.drawString(50, HEIGHT - 60, "Chronology - Child A")
    page.setFont("Helvetica", 9)
    y = HEIGHT - 90
    tops = []
    for lines in (
        [
            "12/03/2007 - HV1 visited Child A at home. A bruise was seen on",
            "the left arm. Mother said Child A fell from the sofa.",
        ],
        ["14/03/2007 - GP1 saw Child A with a cough. No concerns noted."],
        [
            "20/03/2007 - PC2 attended a domestic incident at the home. The",
            "children were not seen.",
        ],
        ["Deleted: entries are listed at the end of the report."],
    ):
        for line in lines:
            page.drawString(50, y, line)
            tops.append(y)
            y -= 12
        y -= 8
    _balloon(
        page, (300, tops[1]), tops[0] + 2, ["Deleted: Mother said the bruise was from", "a fall."]
    )
    _balloon(
        page,
        (200, tops[2]),
        tops[2] - 30,
        ["Commented [R1]: Is this the right date?", "Check with the GP's records."],
    )
    _balloon(page, (250, tops[4]), tops[4] - 10, ["Formatted: Font: Bold"])
    page.save()
    return path


def _table(path: Path, last: list[str], balloons: bool = True, pieces: bool = False) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica-Bold", 12)
    page.drawString(50, HEIGHT - 60, "Health Visiting chronology - Child A")
    right = PANE - 20 if balloons else WIDTH - 40
    columns = [50, 120, 200, 300, right]
    rows = [
        ["Date", "Practitioner", "Event", "Outcome"],
        ["12/03/2007", "HV1", "Home visit, bruise seen", "No referral"],
        ["14/03/2007", "HV1", "Phoned Mother", last[0]],
        ["20/03/2007", "HV2", "Clinic, weight taken", last[1]],
    ]
    top, height = HEIGHT - 80, 24
    page.setLineWidth(0.5)
    for i in range(len(rows) + 1):
        page.line(columns[0], top - i * height, columns[-1], top - i * height)
    for x in columns:
        page.line(x, top, x, top - len(rows) * height)
    for i, row in enumerate(rows):
        page.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 8)
        for j, value in enumerate(row):
            page.drawString(columns[j] + 3, top - i * height - 14, value)
    if balloons:
        _balloon(
            page,
            (250, top - 2 * height - 14),
            top - 2 * height - 10,
            ["Commented [R1]: Why was no referral made", "to CSC? Check the HV's records."],
            pieces,
        )
        _balloon(
            page,
            (200, top - 3 * height - 14),
            top - 3 * height - 20,
            ["Deleted: and Mother"],
            pieces,
        )
    page.save()
    return path


def _rows(chron: scr.Chronology) -> list[tuple[str, str, str]]:
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    return list(
        zip(
            ev[S.START].dt.strftime("%d/%m/%Y"),
            ev[S.DETAILS],
            ev[S.OUTCOME].fillna(""),
            strict=True,
        )
    )


def test_balloons_beside_a_narrative_are_no_text_of_its_entries(tmp_path: Path):
    """The balloons' lines had been read into the entries beside them ("... seen on
    Deleted:Mother said the bruise was from", and a comment's letters mixed with a
    formatting note's: "CFohremcka twteitdh"): now the pane is left out, with a
    markup_balloons warning quoting the comment. A line of the page opening "Deleted:"
    stays text."""
    chron = scr.read(_narrative(tmp_path / "child-a.pdf"))
    assert [(d, t) for d, t, _o in _rows(chron)] == [
        (
            "12/03/2007",
            "HV1 visited Child A at home. A bruise was seen on the left arm. Mother said "
            "Child A fell from the sofa.",
        ),
        ("14/03/2007", "GP1 saw Child A with a cough. No concerns noted."),
        (
            "20/03/2007",
            "PC2 attended a domestic incident at the home. The children were not seen.\n"
            "Deleted: entries are listed at the end of the report.",
        ),
    ]
    notes = chron.warnings[chron.warnings["code"] == "markup_balloons"]
    assert len(notes) == 1
    message = notes["message"].iloc[0]
    assert "1 comment(s), 1 deletion(s), 1 other change(s)" in message
    assert "'Is this the right date? Check with the GP's records.'" in message


@pytest.mark.parametrize("pieces", [False, True])
def test_balloons_beside_a_table_split_none_of_its_rows(tmp_path: Path, pieces: bool):
    """The dotted lines from the table's cells to the balloons had been taken for ruling
    lines: the rows they crossed were read twice (14/03/2007 'Phoned Mother' two events,
    20/03/2007 a second, empty one). Now three events, as printed without markup, also
    when each dot of the line is drawn as a piece of its own."""
    chron = scr.read(_table(tmp_path / "hv.pdf", ["None", "Review"], pieces=pieces))
    assert _rows(chron) == [
        ("12/03/2007", "Home visit, bruise seen", "No referral"),
        ("14/03/2007", "Phoned Mother", "None"),
        ("20/03/2007", "Clinic, weight taken", "Review"),
    ]
    assert "side_notes" not in set(chron.warnings["code"])
    assert "markup_balloons" in set(chron.warnings["code"])


def test_a_cell_opening_like_a_balloon_is_read(tmp_path: Path):
    """A table reaching the right of the page whose last column has a cell opening
    "Inserted:" (a ward's note) has no markup pane: the column is read."""
    chron = scr.read(
        _table(
            tmp_path / "ward.pdf", ["Inserted: cannula, bloods", "Formatted: no"], balloons=False
        )
    )
    assert [o for _d, _t, o in _rows(chron)] == [
        "No referral",
        "Inserted: cannula, bloods",
        "Formatted: no",
    ]
    assert "markup_balloons" not in set(chron.warnings["code"])


def test_a_table_nested_in_a_cell_is_that_cells_text(tmp_path: Path):
    """A list of attendees set as a table nested in the details column (its own row under
    the entry, as Word prints it) had split the column into columns no heading names: its
    rows were rejected for an empty date with no text kept, and the nested table was
    skipped as a table of its own. Now its rows are lines of the entry, cells joined with
    " | ", as in Word."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    attendees = Table(
        [["Name", "Role"], ["SW1", "Social worker"], ["PC2", "Police"]], colWidths=[50, 90]
    )
    attendees.setStyle(grid)
    outer = Table(
        [
            ["Date", "Agency", "Details", "Outcome"],
            ["12/03/2007", "CSC", Paragraph("Strategy discussion. Attendees:", body), "S47"],
            ["", "", attendees, ""],
            ["14/03/2007", "Police", Paragraph("PC2 visited, Child A seen.", body), "NFA"],
        ],
        colWidths=[70, 60, 220, 100],
    )
    outer.setStyle(grid)
    path = tmp_path / "strategy.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([outer])
    chron = scr.read(path, agency="csc")
    assert _rows(chron) == [
        (
            "12/03/2007",
            "Strategy discussion. Attendees:\nName | Role\nSW1 | Social worker\nPC2 | Police",
            "S47",
        ),
        ("14/03/2007", "PC2 visited, Child A seen.", "NFA"),
    ]
    assert chron.rejected.empty
    assert "table_skipped" not in set(chron.warnings["code"])


def test_notes_added_in_a_pdf_reader_are_warned_about(tmp_path: Path):
    """A reviewer's sticky note on a PDF chronology (an annotation, not text of the page)
    had gone unmentioned; a comments_not_read warning now names the page and quotes it."""
    path = tmp_path / "annotated.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 9)
    page.drawString(50, 700, "12/03/2007 - HV1 visited Child A at home.")
    page.drawString(50, 680, "14/03/2007 - GP1 saw Child A.")
    page.textAnnotation(
        "Is this date right? Check the GP record", Rect=(300, 690, 320, 710), relative=0
    )
    page.save()
    chron = scr.read(path)
    assert len(chron.events) == 2
    notes = chron.warnings[chron.warnings["code"] == "comments_not_read"]
    assert notes[S.SOURCE_SHEET].tolist() == ["page 1"]
    assert "'Is this date right? Check the GP record'" in notes["message"].iloc[0]
