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


def test_days_as_list_items_under_markdown_month_headings(write_text):
    """A school's Markdown notes: "## September 2009", then "- 10th - ...", "- 15th: ..."
    (a nested item under it), "- Mon 21st - ...": an entry per day of that month (they
    were one entry dated to the whole month, its text the list)."""
    path = write_text(
        "school.md",
        "# School chronology: Child A\n\n## September 2009\n\n"
        "- 10th - Child A arrived late and hungry.\n"
        "- 15th: bruise on forearm seen by T1, reported to DSL1.\n"
        "  - DSL1 phoned Mother, who said Child A fell off a bike.\n"
        "- Mon 21st - Child A absent, no call from Mother.\n\n"
        "## October 2009\n\n* 2nd – DSL1 referred to CSC.\n",
    )
    chron = scr.read(path)
    assert _days(chron) == [
        ("10/09/2009", "Child A arrived late and hungry."),
        (
            "15/09/2009",
            "bruise on forearm seen by T1, reported to DSL1.\n"
            "- DSL1 phoned Mother, who said Child A fell off a bike.",
        ),
        ("21/09/2009", "Child A absent, no call from Mother."),
        ("02/10/2009", "DSL1 referred to CSC."),
    ]
    assert chron.events[S.SOURCE_ROW].sort_values().tolist() == [5, 6, 8, 12]


def test_the_title_line_of_a_block_of_labelled_lines_is_not_the_block_above(write_text):
    """A police report of incidents, each a block under its title ("Incident 2", then
    "Date/Time: ...", "Officers: ...", "Summary: ..."): the title is no text of the
    incident above it (it was added to the first incident's details)."""
    path = write_text(
        "police.txt",
        "NORTHSHIRE POLICE\n\nIncident 1\nDate/Time: 12/03/2007 23:10\nOfficers: PC1, PC2\n"
        "Summary: Neighbour reported shouting. Child A not seen.\n"
        "Action: DASH completed - standard.\n\n"
        "Incident 2\nDate/Time: 02/07/2007 18:45\nOfficers: DC1\n"
        "Summary: Mother reported Mr X pushed her.\nAction: Statement taken.\n\n"
        "Not a title\n",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.DETAILS].tolist() == [
        "Neighbour reported shouting. Child A not seen.",
        "Mother reported Mr X pushed her.\nIncident 2\nNot a title",
    ]
    assert ev[S.OUTCOME].tolist() == ["DASH completed - standard.", "Statement taken."]
    assert ev[S.SOURCE_ROW].tolist() == [4, 9]  # the second block from its title


# --- PDF ------------------------------------------------------------------------------------
def _pdf(path: Path, story: list, decorate=None) -> Path:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    def plain(canvas, doc) -> None:
        pass

    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=decorate or plain, onLaterPages=decorate or plain
    )
    return path


def _styles():
    pytest.importorskip("reportlab")
    from reportlab.lib.styles import getSampleStyleSheet

    return getSampleStyleSheet()


def _diagonal_draft(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica-Bold", 70)
    canvas.setFillGray(0.85)
    canvas.translate(doc.pagesize[0] / 2, doc.pagesize[1] / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, 0, "DRAFT - NOT FOR CIRCULATION")
    canvas.restoreState()


def _level_confidential(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica-Bold", 60)
    canvas.setFillColorRGB(0.9, 0.75, 0.75)
    canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] / 2, "CONFIDENTIAL")
    canvas.restoreState()


@pytest.mark.parametrize("watermark", [_diagonal_draft, _level_confidential])
def test_a_watermark_across_a_ruled_table_is_no_text_of_its_rows(tmp_path: Path, watermark):
    """A combined chronology printed with "DRAFT - NOT FOR CIRCULATION" from corner to
    corner (or "CONFIDENTIAL" across the middle in large pale print): its letters had
    fallen into the cells they cross ("U Entry 4...", outcome "A NFA")."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = _styles()
    agencies = ["Police", "CSC", "Health Visiting", "GP", "School"]
    rows: list[list] = [["Date", "Agency", "Details", "Outcome"]]
    for i in range(24):
        text = f"Entry {i + 1}. Contact about Child A with Mother; concerns were discussed."
        rows.append(
            [f"{i + 1:02d}/02/2011", agencies[i % 5], Paragraph(text, st["BodyText"]), "NFA"]
        )
    table = Table(rows, colWidths=[70, 90, 280, 80], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = _pdf(tmp_path / "combined.pdf", [table], watermark)
    chron = scr.read(path)
    ev = chron.events
    assert len(ev) == 24 and chron.rejected.empty
    assert ev[S.DETAILS].str.fullmatch(r"Entry \d+\. Contact about .*discussed\.").all()
    assert set(ev[S.OUTCOME]) == {"NFA"}
    assert (chron.warnings[S.CODE] == "watermark").sum() == 1


def test_a_watermark_across_a_narrative_is_no_text_of_its_entries(tmp_path: Path):
    """Letters of a diagonal watermark had made headings of their own ('L', 'U') and
    fallen into the words of entries ('recordAed', 'NOn 15 March 2008 ...', joining two
    entries into one)."""
    from reportlab.platypus import Paragraph

    st = _styles()
    story = [Paragraph("Health visiting IMR: Child A", st["Title"])]
    for i in range(28):
        story.append(
            Paragraph(
                f"On {i + 1} March 2008 HV1 contacted the family (entry {i + 1}). Child A "
                "was seen and the visit was recorded on the system.",
                st["BodyText"],
            )
        )
    chron = scr.read(_pdf(tmp_path / "hv.pdf", story, _diagonal_draft))
    ev = chron.events
    assert len(ev) == 28
    assert (
        ev[S.DETAILS]
        .str.fullmatch(
            r"HV1 contacted the family \(entry \d+\)\. Child A was seen and the visit was"
            r"\s+recorded on the system\."
        )
        .all()
    )
    assert not (chron.warnings[S.CODE] == "narrative_heading").any()


def test_a_slanted_heading_in_the_page_s_own_size_is_kept(tmp_path: Path):
    """Text at a slant in the page's own print (a sheet's angled column heading) is no
    watermark: a page of it is read as before, with no watermark warning."""
    from reportlab.platypus import Flowable, Paragraph

    class Slanted(Flowable):
        def wrap(self, *args):
            return (200, 40)

        def draw(self) -> None:
            self.canv.saveState()
            self.canv.setFont("Helvetica", 10)
            self.canv.rotate(30)
            self.canv.drawString(0, 0, "Angled note")
            self.canv.restoreState()

    st = _styles()
    story = [Slanted()] + [
        Paragraph(f"{i + 1:02d}/05/2009 - PC1 attended the home address.", st["BodyText"])
        for i in range(5)
    ]
    chron = scr.read(_pdf(tmp_path / "police.pdf", story))
    assert len(chron.events) == 5
    assert not (chron.warnings[S.CODE] == "watermark").any()


def test_footnote_marks_raised_in_a_pdf_narrative_stay_in_their_line(tmp_path: Path):
    """A footnote's mark set small and raised ("at home¹. Mother ...") was read as a line
    of its own, so the entry ended with "\\n2" (the next entry's mark) and read "at home .
    Mother"; the mark is now left out of the text, and a raised "th" stays in its word."""
    from reportlab.platypus import Paragraph

    st = _styles()
    story = [Paragraph("Overview report: Child A", st["Title"])]
    for i in range(6):
        story.append(
            Paragraph(
                f"{i + 1}.1 On {i + 1} April 2007 the health visitor (HV1) saw Child A at "
                f"home<super>{i + 1}</super>. Mother reported no concerns; the next visit "
                "was booked for the 14<super>th</super>.",
                st["BodyText"],
            )
        )
    chron = scr.read(_pdf(tmp_path / "overview.pdf", story))
    ev = chron.events.sort_values(S.START)
    assert len(ev) == 6
    assert ev[S.START].dt.day.tolist() == [1, 2, 3, 4, 5, 6]
    assert set(ev[S.DETAILS].str.replace("\n", " ")) == {
        "the health visitor (HV1) saw Child A at home. Mother reported no concerns; the "
        "next visit was booked for the 14th."
    }


def _notes_at_foot(notes: dict[int, list[str]]):
    def decorate(canvas, doc) -> None:
        canvas.setFont("Helvetica", 7.5)
        for k, line in enumerate(notes.get(doc.page, [])):
            canvas.drawString(72, 110 - 9 * k, line)
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(doc.pagesize[0] / 2, 25, f"Page {doc.page} of 2")

    return decorate


def test_footnotes_at_the_foot_of_a_pdf_narrative_go_to_their_entry(tmp_path: Path):
    """An overview report's footnotes in small print at the foot of each page: "3 12 March
    2007 is the date in the GP record ..." had been an event of 12 March 2007, and notes
    in the page's bottom tenth were dropped as a running footer; each is now its entry's
    "[footnote: ...]", as in Word, and no event."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = _styles()
    notes = {
        1: [
            "1 HV1's record of 14/03/2007 says the bruise was 2cm across.",
            "2 Working Together (2006), paragraph 5.56, sets out the",
            "expectation of a strategy discussion.",
            "3 12 March 2007 is the date in the GP record; the police log says 13 March.",
        ],
        2: ["4 Dr B's letter of 30/03/2007 is on the GP file."],
    }
    story = [Paragraph("Overview report: Child A", st["Title"])]
    marks = {2: 1, 5: 2, 14: 3, 24: 4}
    for i in range(26):
        mark = f"<super>{marks[i]}</super>" if i in marks else ""
        story.append(
            Paragraph(
                f"On {i + 1} March 2007 HV1 contacted the family (entry {i + 1}){mark}. "
                "Child A was seen and the contact was recorded on the file the same day.",
                st["BodyText"],
            )
        )
    path = tmp_path / "overview.pdf"
    decorate = _notes_at_foot(notes)
    SimpleDocTemplate(str(path), bottomMargin=140).build(
        story, onFirstPage=decorate, onLaterPages=decorate
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.START].dt.day.tolist() == list(range(1, 27))
    noted = ev[ev[S.DETAILS].str.contains("[footnote:", regex=False)]
    assert noted[S.START].dt.day.tolist() == [3, 6, 15, 25]
    assert noted[S.DETAILS].str.extract(r"\[footnote: (.*)\]$")[0].tolist() == [
        "HV1's record of 14/03/2007 says the bruise was 2cm across.",
        "Working Together (2006), paragraph 5.56, sets out the expectation of a strategy "
        "discussion.",
        "12 March 2007 is the date in the GP record; the police log says 13 March.",
        "Dr B's letter of 30/03/2007 is on the GP file.",
    ]
    assert noted[S.DETAILS].str.contains(r"\(entry \d+\)\. Child A", regex=True).all()
    assert chron.rejected.empty


@pytest.mark.parametrize("ruled", [True, False])
def test_a_footnote_to_a_pdf_table_cell_is_a_warning_not_text(tmp_path: Path, ruled: bool):
    """A footnote to a cell of a table: its raised mark is no text of the cell (it read
    "1 Entry 3: ..."); the note, which had been dropped as a running footer, is quoted in
    a footnote warning."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    st = _styles()
    rows: list[list] = [["Date", "Agency", "Details"]]
    for i in range(8):
        mark = "<super>1</super>" if i == 2 else ""
        text = f"Entry {i + 1}: Child A seen{mark} by Dr B."
        rows.append([f"{i + 1:02d}/03/2007", "GP", Paragraph(text, st["BodyText"])])
    table = Table(rows, colWidths=[80, 80, 300])
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = tmp_path / "gp.pdf"
    decorate = _notes_at_foot({1: ["1 The GP record gives 4 March 2007 for this visit."]})
    SimpleDocTemplate(str(path), bottomMargin=140).build(
        [table], onFirstPage=decorate, onLaterPages=decorate
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].sort_values().tolist() == [
        f"Entry {i}: Child A seen by Dr B." for i in range(1, 9)
    ]
    warned = chron.warnings[chron.warnings[S.CODE] == "footnote"]
    assert warned[S.MESSAGE].str.contains(
        "[footnote: The GP record gives 4 March 2007 for this visit.]", regex=False
    ).tolist() == [True]


def test_a_cell_holding_entries_of_other_days_is_warned(tmp_path: Path):
    """An IMR row whose details cell sums up several days, each on a line opening with its
    date ("Strategy discussion ...", then "07/06/2008 - s47 joint visit ..."): the row is
    one event on its own date, so an entries_in_one_cell warning names it (nothing said
    the s47 visit had been dated to the day of the strategy discussion). A line dated the
    row's own day, or a date inside a sentence, is no other entry."""
    document = docx.Document()
    document.add_heading("Children's Social Care chronology", 1)
    rows = [
        ("Ref", "Date", "Event", "Worker"),
        ("CSC/1", "05/06/2008", "Referral from school.\n05/06/2008 - screened by TM1.", "SW1"),
        (
            "CSC/2",
            "06/06/2008",
            "Strategy discussion with police (DS1) and school.\n"
            "07/06/2008 - s47 joint visit, Child A seen alone.\n"
            "9 June 2008: child protection medical.",
            "SW1",
        ),
        ("CSC/3", "20/06/2008", "ICPC; review set for 20 September 2008.", "TM1"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            lines = value.split("\n")
            table.cell(r, c).text = lines[0]
            for line in lines[1:]:
                table.cell(r, c).add_paragraph(line)
    path = tmp_path / "csc.docx"
    document.save(path)
    chron = scr.read(path)
    assert len(chron.events) == 3
    warned = chron.warnings[chron.warnings[S.CODE] == "entries_in_one_cell"]
    assert warned[S.SOURCE_ROW].tolist() == [3]
    assert "07/06/2008 - s47 joint visit" in warned[S.MESSAGE].iloc[0]


def test_a_table_with_banded_shading_and_month_rows_in_pdf(tmp_path: Path):
    """A combined chronology printed from a system with banded rows (every other row
    shaded, no ruling lines) and a shaded month row across the table: the shaded rows
    had each been a 'ruled' table of one row (skipped: no header), the others text read
    as a narrative, so 13 of the 27 entries and the Agency column were lost; and
    "September 2012" across the date and agency columns was read as an entry dated
    'September' of agency '2012'."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = _styles()
    agencies = ["Police", "Children's Social Care", "Health Visiting", "GP", "School"]
    rows: list[list] = [["Date", "Agency", "Event", "Outcome"]]
    spans = []
    for m, month in enumerate(["September 2012", "October 2012", "November 2012"]):
        spans.append(len(rows))
        rows.append([month, "", "", ""])
        for d in range(9):
            text = f"Entry {m * 9 + d + 1}. Child A seen with Mother; routines discussed."
            rows.append(
                [
                    f"{d * 3 + 1:02d}/{m + 9:02d}/2012",
                    agencies[(d + m) % 5],
                    Paragraph(text, st["BodyText"]),
                    "NFA" if d % 2 else "",
                ]
            )
    table = Table(rows, colWidths=[75, 110, 260, 60], repeatRows=1)
    # each cell shaded on its own, as browsers and Word print a shaded row
    style: list = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in range(2, len(rows), 2):
        style += [("BACKGROUND", (c, r), (c, r), "#e6e6e6") for c in range(4)]
    for r in spans:
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), "#ccccdd")]
    table.setStyle(TableStyle(style))
    chron = scr.read(_pdf(tmp_path / "early-help.pdf", [table]))
    ev = chron.events.sort_values(S.START)
    assert len(ev) == 27 and chron.rejected.empty
    numbers = ev[S.DETAILS].str.extract(r"^Entry (\d+)\.")[0].astype(int).tolist()
    assert numbers == list(range(1, 28))
    assert ev[S.PRECISION].astype(str).eq("day").all()
    assert ev[S.AGENCY].astype(str).tolist()[:5] == [
        "police",
        "csc",
        "health_visiting",
        "gp",
        "education",
    ]
    sections = chron.warnings.loc[chron.warnings[S.CODE] == "section_row", S.MESSAGE]
    assert sections.str.contains("'September 2012'").sum() == 1


@pytest.mark.parametrize(
    "status",
    [
        "Draft v2 - not for circulation",
        "OFFICIAL-SENSITIVE    Draft v2 - not for circulation    Page 1 of 1",
        "DRAFT 3.1 for panel only",
        "Strictly confidential - do not copy",
    ],
)
def test_the_report_s_status_line_is_page_furniture(write_text, status: str):
    """A report's status typed at its foot ("Draft v2 - not for circulation"), alone or
    beside its marking and page number, had been read as the end of the last entry (and
    at its head, as the chronology's title)."""
    path = write_text(
        "gp.txt",
        f"GP chronology\n{status}\n\n01/06/2010 - Dr B saw Child A.\n"
        f"02/06/2010 - Dr B saw Child A again.\n\n{status}\n",
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == ["Dr B saw Child A.", "Dr B saw Child A again."]
    preamble = chron.warnings.loc[chron.warnings[S.CODE] == "narrative_preamble", S.MESSAGE]
    assert preamble.str.contains("title: 'GP chronology'").all()


def test_a_status_line_at_the_foot_of_a_single_page_pdf_is_no_text(tmp_path: Path):
    """On a one-page PDF nothing comes back on another page: its footer "Draft v2 - not
    for circulation    Page 1 of 1" had been joined to the last entry."""
    from reportlab.platypus import Paragraph

    def decorate(canvas, doc) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(40, doc.pagesize[1] - 30, "OFFICIAL-SENSITIVE")
        canvas.drawRightString(doc.pagesize[0] - 40, doc.pagesize[1] - 30, "Draft v2")
        canvas.drawString(40, 30, "Draft v2 - not for circulation")
        canvas.drawRightString(doc.pagesize[0] - 40, 30, "Page 1 of 1")

    st = _styles()
    story = [Paragraph("GP chronology", st["Heading2"])] + [
        Paragraph(f"{i + 1:02d}/06/2010 - Dr B saw Child A (entry {i + 1}).", st["BodyText"])
        for i in range(5)
    ]
    chron = scr.read(_pdf(tmp_path / "gp.pdf", story, decorate))
    assert chron.events[S.DETAILS].tolist() == [
        f"Dr B saw Child A (entry {i + 1})." for i in range(5)
    ]


def test_tables_of_days_under_month_headings_of_an_agency_s_chronology(tmp_path: Path):
    """A health visiting chronology set out as a table per month: "March 2007" (a
    heading), then a table whose "Day" column holds "12", "19th"; "April 2007", then the
    next. The days were rejected (no month or year), and the second table, whose only
    title line is its month, had no agency ('other'): each day is now of the heading's
    month, and the tables under a period's subheading keep the agency the heading above
    named."""
    document = docx.Document()
    document.add_heading("Health visiting chronology", 1)
    for month, rows in [
        ("March 2007", [("12", "HV1", "Home visit, Child A seen."), ("19th", "HV1", "Call.")]),
        ("April 2007", [("3", "HV2", "Clinic: Child A weighed.")]),
    ]:
        document.add_heading(month, 2)
        table = document.add_table(rows=len(rows) + 1, cols=3)
        for r, cells in enumerate([("Day", "Practitioner", "Contact"), *rows]):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
    path = tmp_path / "hv.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = chron.events.sort_values(S.START)
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "19/03/2007",
        "03/04/2007",
    ]
    assert set(ev[S.AGENCY].astype(str)) == {"health_visiting"}
    assert (chron.warnings[S.CODE] == "day_under_month").sum() == 2


def test_a_table_under_another_agency_s_heading_takes_that_agency(tmp_path: Path):
    """The agency carried over a period's subheading stops at the next agency's heading."""
    document = docx.Document()
    for heading, sub, date in [
        ("Police chronology", "2007", "12/03/2007"),
        ("GP records", "2008", "14/01/2008"),
    ]:
        document.add_heading(heading, 1)
        for title in (None, sub):
            if title:
                document.add_heading(title, 2)
            table = document.add_table(rows=2, cols=2)
            for c, (head, value) in enumerate([("Date", date), ("Details", f"Entry {title}")]):
                table.cell(0, c).text = head
                table.cell(1, c).text = value
    path = tmp_path / "combined.docx"
    document.save(path)
    chron = scr.read(path)
    ev = chron.events.sort_values([S.SOURCE_SHEET])
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "police", "gp", "gp"]


def test_dates_without_their_year_in_tables_under_year_headings(tmp_path: Path):
    """A school's chronology as a table per year under its heading ("2009", then "12
    March", "3 Nov"; "2010", then "14 Jan"): the dates take the heading's year (they were
    rejected: no year, and no row above to take it from)."""
    document = docx.Document()
    document.add_heading("School chronology", 1)
    for year, rows in [
        ("2009", [("12 March", "T1", "Bruise to arm."), ("3 Nov", "DSL1", "Child A hungry.")]),
        ("2010", [("14 Jan", "T2", "Absent.")]),
    ]:
        document.add_heading(year, 2)
        table = document.add_table(rows=len(rows) + 1, cols=3)
        for r, cells in enumerate([("Date", "Staff", "Concern"), *rows]):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
    path = tmp_path / "school.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = chron.events.sort_values(S.START)
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2009",
        "03/11/2009",
        "14/01/2010",
    ]
    inferred = chron.warnings.loc[chron.warnings[S.CODE] == "year_inferred", S.MESSAGE]
    assert inferred.str.contains("heading of table 1 ('2009')", regex=False).any()


def test_an_agency_set_apart_by_bars_after_the_date(write_text):
    """Entries pasted from a table's cells as text, "12.03.2007 | GP | Dr B saw ...",
    "14.03.2007 | HV | HV1 phoned ...": the agency between the bars is the entry's (the
    second had taken the title's agency, GP), as "GP: ..." and "Police - ..." are."""
    path = write_text(
        "summary.txt",
        "GP summary\n\n12.03.2007 | GP | Dr B saw Child A, bruise to cheek.\n"
        "14.03.2007 | HV | HV1 phoned Mother.\n15.03.2007 | Police | PC1 attended.\n",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "health_visiting", "police"]
    assert ev[S.DETAILS].tolist()[1] == "HV | HV1 phoned Mother."


def test_endnotes_and_sources_of_information_are_the_report_s_own(write_text):
    """An overview report read as a narrative: the dated items under "Sources of
    information" (a letter to the panel of 12/01/2009) and "Endnotes" ("1. 13 March 2007
    is the date given in the police log.") had been events of the case."""
    path = write_text(
        "overview.md",
        "Overview report\n\n## Sources of information\n\n"
        "1. 12/01/2009 - letter from the GP practice to the panel.\n\n"
        "## Summary of involvement\n\n12/03/2007 - PC1 attended a domestic incident.\n"
        "14/03/2007 - PPN sent to CSC.\n\n## Endnotes\n\n"
        "1. 13 March 2007 is the date given in the police log.\n",
    )
    chron = scr.read(path)
    assert _days(chron) == [
        ("12/03/2007", "PC1 attended a domestic incident."),
        ("14/03/2007", "PPN sent to CSC."),
    ]
    sections = chron.warnings.loc[chron.warnings[S.CODE] == "report_section", S.MESSAGE]
    assert sections.str.contains("'Sources of information'|'Endnotes'").sum() == 2


def test_a_paragraph_opening_between_two_whole_dates_is_an_entry(write_text):
    """ "Between 12/03/2007 and 14/03/2007 HV1 tried to visit ..." had no date (only
    "between 3 and 5 June 2007" and "between March and May 2007" were read), so it was
    added to the entry above it."""
    path = write_text(
        "hv.txt",
        "HV records\n\n10/03/2007 - HV1 phoned Mother.\n\n"
        "Between 12/03/2007 and 14/03/2007 HV1 tried to visit three times; no answer.\n",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.DETAILS].tolist() == [
        "HV1 phoned Mother.",
        "HV1 tried to visit three times; no answer.",
    ]
    assert ev[S.START].dt.strftime("%d/%m").tolist() == ["10/03", "12/03"]
    assert ev[S.END].dt.strftime("%d/%m").tolist() == ["10/03", "14/03"]


def test_the_day_of_the_week_in_brackets_after_a_date_is_no_text(write_text):
    """ "12 March 2007 (Monday) - HV1 visited": the weekday is a note on the date; the
    entry's text had opened "(Monday) - HV1 visited"."""
    path = write_text(
        "hv.txt",
        "HV records\n\n12 March 2007 (Monday) - HV1 visited.\n14/03/2007 (Wed): HV1 phoned.\n",
    )
    assert [text for _day, text in _days(scr.read(path))] == ["HV1 visited.", "HV1 phoned."]


def test_a_footnote_whose_own_number_is_raised_beside_it(tmp_path: Path):
    """Word sets a footnote's own number raised and small beside its text ("¹12 March
    2007 is the date ..."), which pdfplumber keeps in the line: it read "112 March 2007";
    the note is its entry's "[footnote: 12 March 2007 ...]"."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    def decorate(canvas, doc) -> None:
        if doc.page == 1:
            canvas.setFont("Helvetica", 5)
            canvas.drawString(72, 114, "1")
            canvas.setFont("Helvetica", 8)
            canvas.drawString(76, 110, "12 March 2007 is the date in the GP record.")

    st = _styles()
    story = [Paragraph("Overview report", st["Title"])] + [
        Paragraph(
            f"On {i + 1} March 2007 HV1 saw Child A{'<super>1</super>' if i == 2 else ''}. "
            "The visit was routine.",
            st["BodyText"],
        )
        for i in range(8)
    ]
    path = tmp_path / "overview.pdf"
    SimpleDocTemplate(str(path), bottomMargin=140).build(
        story, onFirstPage=decorate, onLaterPages=decorate
    )
    chron = scr.read(path)
    days = _days(chron)
    assert len(days) == 8
    assert days[2] == (
        "03/03/2007",
        "HV1 saw Child A. The visit was routine. "
        "[footnote: 12 March 2007 is the date in the GP record.]",
    )


@pytest.mark.parametrize(
    "opening",
    [
        "w/b 12/03/2007 -",
        "WB 12.03.07 -",
        "Wk commencing 12 March 2007:",
        "Week starting 12/03/2007 -",
    ],
)
def test_a_week_beginning_opens_an_entry(write_text, opening: str):
    """ "w/b 12/03/2007 - HV1 visited daily" (week beginning, as "w/c" is week
    commencing): an entry of that week; it had no date and was added to the entry above
    (the date parser read it in a table's date cell)."""
    path = write_text(
        "hv.txt", f"HV records\n\n05/03/2007 - HV1 phoned.\n\n{opening} HV1 visited daily.\n"
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.DETAILS].tolist() == ["HV1 phoned.", "HV1 visited daily."]
    assert ev[S.PRECISION].astype(str).tolist() == ["day", "week"]


def test_a_weekday_then_the_day_opens_an_entry(write_text):
    """ "On Monday the 12th of March 2007 HV1 visited." had no date (added to the entry
    above); it is an entry of 12 March 2007."""
    path = write_text(
        "hv.txt",
        "HV records\n\n05/03/2007 - HV1 phoned.\n\nOn Monday the 12th of March 2007 HV1 visited.\n",
    )
    assert _days(scr.read(path)) == [("05/03/2007", "HV1 phoned."), ("12/03/2007", "HV1 visited.")]


def test_text_struck_through_in_a_pdf_showing_markup_is_left_out(tmp_path: Path):
    """A chronology printed from Word "showing markup": the deleted words are struck
    through and had been read as text of the entry; an underline is no strike."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "hv.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    y = 780.0
    for i in range(6):
        text = f"{i + 1:02d}/03/2007 - HV1 visited Child A (entry {i + 1})."
        pdf.drawString(72, y, text)
        width = pdf.stringWidth(text, "Helvetica", 10)
        if i == 2:  # deleted words after the entry, struck through
            extra = " Mother said the bruise was from a fall."
            pdf.drawString(72 + width, y, extra)
            pdf.line(
                72 + width + 2, y + 3, 72 + width + pdf.stringWidth(extra, "Helvetica", 10), y + 3
            )
        if i == 4:  # underlined
            pdf.line(72, y - 2, 72 + width, y - 2)
        y -= 16
    pdf.save()
    chron = scr.read(path)
    assert [text for _day, text in _days(chron)] == [
        f"HV1 visited Child A (entry {i + 1})." for i in range(6)
    ]
    assert (chron.warnings[S.CODE] == "struck_text").sum() == 1
