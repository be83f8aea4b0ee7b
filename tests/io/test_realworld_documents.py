"""Word and PDF chronologies as agency authors really leave them (all data fictional).

Partnership chronology templates in Word: content controls, tracked changes left in,
hidden guidance text, nested tables, agency banner rows across a combined table, .docm
files; PDFs that are password-protected. Each document is built here, with raw
WordprocessingML where python-docx cannot write it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

import scr_timeline as scr  # noqa: E402
from scr_timeline import schema as S  # noqa: E402
from scr_timeline.exceptions import ChronologyReadError  # noqa: E402

TEMPLATE = ["Date", "Time", "Source", "Event / contact", "Action / outcome", "Comments / analysis"]
TRACKED = "w:author='Reviewer' w:date='2020-01-01T00:00:00Z'"


def run(text: str, props: str = "") -> str:
    return f"<w:r><w:rPr>{props}</w:rPr><w:t xml:space='preserve'>{text}</w:t></w:r>"


def para(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def tc(content: str, props: str = "") -> str:
    """A cell: ``content`` is plain text, or WordprocessingML (starting with '<')."""
    body = content if content.startswith("<") else para(run(content)) if content else "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tr(cells: Sequence[str], props: str = "") -> str:
    """A row; a cell already written as XML (``<w:tc`` or ``<w:sdt``) is kept as it is."""
    xml = "".join(c if c.startswith(("<w:tc", "<w:sdt")) else tc(c) for c in cells)
    return f"<w:tr><w:trPr>{props}</w:trPr>{xml}</w:tr>"


def banner(text: str, width: int) -> str:
    """A row that is one cell merged across the table."""
    return tr([tc(text, f"<w:gridSpan w:val='{width}'/>")])


def control(content: str, *, placeholder: bool = False) -> str:
    """A content control (w:sdt) around ``content``; ``placeholder``: showing its prompt."""
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return f"<w:sdt><w:sdtPr>{shown}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def write(
    path: Path,
    *blocks: str | tuple[str, int],
    width: int = 6,
    parts: Sequence[tuple[str, str, str, str, bytes]] = (),
) -> Path:
    """A document of headings (text, level), paragraphs (text, or XML) and tables (rows as
    XML); ``parts``: more parts of the package, as (rId, relationship type after
    RELS, part name, content type, bytes)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    for rid, reltype, name, kind, blob in parts:
        part = Part(PackURI(name), kind, blob, document.part.package)
        document.part.rels.add_relationship(RELS + reltype, part, rid)
    end = document.element.body[-1]  # the section properties stay last
    grid = "<w:gridCol w:w='1500'/>" * width
    for block in blocks:
        if isinstance(block, tuple):
            document.add_heading(block[0], level=block[1])
        elif block.startswith("<w:p>"):
            end.addprevious(parse_xml(block.replace("<w:p>", f"<w:p {nsdecls('w')}>", 1)))
        elif block.startswith("<w:altChunk"):
            end.addprevious(
                parse_xml(block.replace("<w:altChunk", f"<w:altChunk {nsdecls('w', 'r')}", 1))
            )
        elif block.startswith("<w:tr") or block.startswith("<w:sdt"):
            end.addprevious(
                parse_xml(
                    f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val='TableGrid'/></w:tblPr>"
                    f"<w:tblGrid>{grid}</w:tblGrid>{block}</w:tbl>"
                )
            )
        else:
            document.add_paragraph(block)
    document.save(path)
    return path


def rows(*xml: str) -> str:
    return "".join(xml)


def details(chron: scr.Chronology) -> list[str]:
    return chron.events[S.DETAILS].tolist()


def test_tracked_changes_hidden_text_and_fields_read_as_word_shows_them(tmp_path: Path):
    edited = para(
        run("Home visit by SW1. "),
        f"<w:ins w:id='1' {TRACKED}>{run('Child A seen alone.')}</w:ins>",
        f"<w:del w:id='2' {TRACKED}><w:r><w:delText>Child A not seen.</w:delText></w:r></w:del>",
    )
    moved = para(
        f"<w:moveFrom w:id='3' {TRACKED}>{run('Mother present. ')}</w:moveFrom>",
        run("GP1 saw Child A."),
        f"<w:moveTo w:id='4' {TRACKED}>{run(' Mother present.')}</w:moveTo>",
    )
    guidance = para(run("Record every contact. ", "<w:vanish/>"), run("Strategy discussion"))
    field = para(
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>",
        "<w:r><w:instrText> REF note1 \\h </w:instrText></w:r>",
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>",
        run("See note 1"),
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>",
    )
    path = write(
        tmp_path / "csc.docx",
        ("Children's Social Care", 2),
        rows(
            tr(TEMPLATE, "<w:tblHeader/>"),
            tr(["12/03/2007", "10:00", "Case notes", edited, "", ""]),
            tr(["13/03/2007", "", "Case notes", moved, "", ""]),
            tr(["14/03/2007", "", "Case notes", guidance, field, ""]),
        ),
    )
    chron = scr.read(path)
    assert details(chron) == [
        "Home visit by SW1. Child A seen alone.",
        "GP1 saw Child A. Mother present.",  # the moved text once, where it was moved to
        "Strategy discussion",
    ]
    assert chron.events[S.OUTCOME].iloc[2] == "See note 1"


def test_content_controls_in_a_template(tmp_path: Path):
    path = write(
        tmp_path / "police.docx",
        ("Metropolitan Police chronology", 2),
        rows(
            tr(TEMPLATE, "<w:tblHeader/>"),
            # a cell wrapped in a content control, in the middle of its row
            "<w:tr>"
            + tc("14/03/2007")
            + control(tc("11:00"))
            + tc("PNC")
            + tc("DV call-out")
            + tc("CSC notified")
            + tc("")
            + "</w:tr>",
            # a repeating section: whole rows inside a content control
            control(
                tr(["15/03/2007", "", "PNC", "Welfare check", "", ""])
                + tr(["16/03/2007", "", "PNC", "Arrest of Father", "", ""])
            ),
            # the template's spare row: every field still showing its prompt
            "<w:tr>"
            + tc(control(para(run("Click or tap to enter a date.")), placeholder=True))
            + control(tc("Click or tap here to enter text."), placeholder=True)
            + "".join(
                tc(
                    para(
                        run(
                            "Click or tap here to enter text.",
                            "<w:rStyle w:val='PlaceholderText'/>",
                        )
                    )
                )
                for _ in range(4)
            )
            + "</w:tr>",
        ),
    )
    chron = scr.read(path)
    ev = chron.events
    assert details(chron) == ["DV call-out", "Welfare check", "Arrest of Father"]
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "14/03/2007 11:00",
        "15/03/2007 00:00",
        "16/03/2007 00:00",
    ]
    assert ev[S.OUTCOME].iloc[0] == "CSC notified"
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 4]
    assert chron.rejected.empty  # the prompts are not dates to reject


def test_nested_table_text_box_and_deleted_row(tmp_path: Path):
    nested = (
        para(run("Core group held. Present:"))
        + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + tr(["SW1", "Social worker"])
        + tr(["HV1", "Health visitor"])
        + "</w:tbl><w:p/>"
    )
    box = (
        "<w:txbxContent>" + para(run("Bruise to left cheek")) + "</w:txbxContent>"
    )  # a text box drawn in a cell, as DrawingML with its VML fallback
    drawing = para(
        run("Body map completed."),
        "<w:r><mc:AlternateContent xmlns:mc="
        "'http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    )
    deleted = f"<w:del w:id='5' {TRACKED}/>"
    path = write(
        tmp_path / "csc.docx",
        ("Children's Social Care", 2),
        rows(
            tr(TEMPLATE),
            tr(["19/03/2007", "", "CSC", nested, "", ""]),
            tr(["20/03/2007", "", "CSC", drawing, "", ""]),
            tr(["21/03/2007", "", "CSC", "Entered in error", "", ""], deleted),
            tr(["22/03/2007", "", "CSC", "Visit", "", ""]),
        ),
    )
    chron = scr.read(path)
    assert details(chron) == [
        "Core group held. Present:\nSW1 | Social worker\nHV1 | Health visitor",
        "Body map completed.\nBruise to left cheek",
        "Visit",
    ]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 5]
    assert chron.rejected.empty


def test_macro_enabled_document(tmp_path: Path):
    plain = write(
        tmp_path / "gp.docx",
        ("GP records", 2),
        rows(tr(["Date", "Details"]), tr(["12/03/2007", "Child A seen"])),
        width=2,
    )
    docm = tmp_path / "gp.docm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(docm, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    b"application/vnd.ms-word.document.macroEnabled",
                )
            target.writestr(item, data)
    assert b"macroEnabled" in zipfile.ZipFile(docm).read("[Content_Types].xml")
    chron = scr.read(docm)
    assert chron.events[[S.AGENCY, S.DETAILS]].astype(str).values.tolist() == [
        ["gp", "Child A seen"]
    ]
    assert chron.meta.sources[0].format == "docm"


def test_agency_banner_rows_in_a_combined_table(tmp_path: Path):
    header = ["Date", "Time", "Event / contact", "Action / outcome"]
    path = write(
        tmp_path / "combined.docx",
        ("Combined chronology for Child A", 1),
        rows(
            tr(header, "<w:tblHeader/>"),
            banner("METROPOLITAN POLICE", 4),
            tr(["01/02/2007", "", "DV call-out to the home", "CSC notified"]),
            tr(["02/02/2007", "", "Welfare check", "None"]),
            banner("Health Visiting", 4),
            tr(["03/02/2007", "", "New birth visit", "Weighed"]),
            banner("2007", 4),  # a period: the agency carries on
            tr(["04/02/2007", "", "Clinic", "Weighed"]),
            tr(["GP", "", "", ""]),  # a banner typed in the first cell, not merged
            tr(["05/02/2007", "", "Seen by GP1 for a cough", "Antibiotics"]),
        ),
        width=4,
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == [
        "police",
        "police",
        "health_visiting",
        "health_visiting",
        "gp",
    ]
    assert ev[S.ORGANISATION].tolist()[::2] == ["METROPOLITAN POLICE", "Health Visiting", "GP"]
    assert chron.rejected.empty  # the unmerged "GP" row is a banner, not a bad date
    warned = chron.warnings
    assert "no_agency" not in set(warned[S.CODE])
    sections = warned[warned[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 5, 7, 9]
    assert "names the agency of the rows below it: gp" in sections[S.MESSAGE].iloc[3]


def test_period_rows_do_not_replace_the_agency_of_one_agency_chronology(tmp_path: Path):
    path = write(
        tmp_path / "police.docx",
        ("Metropolitan Police chronology", 2),
        rows(
            tr(["Date", "Details"]),
            banner("School years", 2),  # names a school, but is a period of the child's life
            tr(["01/09/2012", "Child A reported missing from school"]),
        ),
        width=2,
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].astype(str).tolist() == ["police"]


def test_agency_banner_carries_to_the_next_page_of_the_table(tmp_path: Path):
    """Banners naming two agencies across the document's pages are agency banners on each
    page, under a heading that names a third."""
    header = ["Date", "Event / contact"]
    path = write(
        tmp_path / "combined.docx",
        ("Health Visiting", 2),
        rows(
            tr(header),
            tr(["31/01/2007", "New birth visit by HV1"]),
            banner("Police", 2),
            tr(["01/02/2007", "DV call-out"]),
        ),
        "",  # a blank paragraph (the page break): the table carries on below it
        rows(
            tr(["02/02/2007", "Welfare check by PC1"]),
            banner("GP", 2),
            tr(["03/02/2007", "GP1 phoned HV1"]),
        ),
        width=2,
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].astype(str).tolist() == [
        "health_visiting",
        "police",
        "police",
        "gp",
    ]


def test_password_protected_pdf_says_so(tmp_path: Path):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.platypus import SimpleDocTemplate, Table

    path = tmp_path / "locked.pdf"
    SimpleDocTemplate(str(path), encrypt=pdfencrypt.StandardEncryption("secret")).build(
        [Table([["Date", "Details"], ["12/03/2007", "DV call-out"]])]
    )
    with pytest.raises(ChronologyReadError, match=r"locked\.pdf.*password-protected"):
        scr.read(path)


def test_cover_page_document_control_and_agency_details_form(tmp_path: Path):
    path = write(
        tmp_path / "chronology.docx",
        ("Child Safeguarding Practice Review: Child A", 1),
        "Document control",
        rows(
            tr(["Version", "Date", "Author", "Changes"]),
            tr(["0.1", "01/06/2015", "DC1", "First draft"]),
            tr(["0.2", "15/06/2015", "DS2", "Panel comments added"]),
        ),
        "Agency details",
        rows(
            tr(["Agency:", "Metropolitan Police", "", ""]),
            tr(["Author:", "DC1", "", ""]),
            tr(["Date completed:", "01/06/2015", "", ""]),
        ),
        ("Chronology", 2),
        rows(
            tr(["Date", "Time", "Event / contact", "Action / outcome"]),
            tr(["12/03/2007", "10:00", "DV call-out", "CSC notified"]),
        ),
        width=4,
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == ["DV call-out"]  # the versions of the report are no events
    assert ev[[S.AGENCY, S.ORGANISATION]].astype(str).values.tolist() == [
        ["police", "Metropolitan Police"]
    ]
    skipped = chron.warnings[chron.warnings[S.CODE] == "table_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["table 1", "table 2"]
    assert "document control table" in skipped[S.MESSAGE].iloc[0]


def test_agency_field_in_a_paragraph(tmp_path: Path):
    path = write(
        tmp_path / "chronology.docx",
        "Agency: Elm Road Surgery",
        "Instructions: one row per contact, newest last.",
        rows(tr(["Date", "Details"]), tr(["12/03/2007", "Child A seen by GP1"])),
        width=2,
    )
    assert scr.read(path).events[S.AGENCY].astype(str).tolist() == ["gp"]


def test_chronology_inside_a_one_cell_frame(tmp_path: Path):
    inner = (
        "<w:tbl><w:tblGrid>"
        + "<w:gridCol/>" * 4
        + "</w:tblGrid>"
        + tr(["Date/Time", "Agency", "Practitioner", "Event"])
        + tr(["12/03/2007 14:30", "Police", "DC1", "DV call-out"])
        + tr(["13/03/2007", "GP", "GP1", "Seen"])
        + "</w:tbl>"
    )
    path = write(
        tmp_path / "framed.docx",
        ("Child A", 1),
        tr([tc(para(run("Chronology")) + inner + "<w:p/>")]),
        width=1,
    )
    chron = scr.read(path)
    assert chron.events[[S.AGENCY, S.PRACTITIONER, S.DETAILS]].astype(str).values.tolist() == [
        ["police", "DC1", "DV call-out"],
        ["gp", "GP1", "Seen"],
    ]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]


def draw_table(
    path: Path,
    cells: Sequence[tuple[int, int, int, str]],
    *,
    widths: Sequence[float],
    height: float = 24,
    header_fill: tuple[float, float, float] | None = None,
    boxes: Sequence[tuple[int, int, float, float]] = (),
) -> Path:
    """A PDF page with a table drawn as a browser prints one: every cell its own borders,
    the side ones row by row (also those of a cell merged down). ``cells``: (row, column, rows spanned, text);
    ``boxes``: black boxes drawn over the text of (row, column) from x offset, this wide."""
    pytest.importorskip("pdfplumber")
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(842, 595))
    page.setFont("Helvetica-Bold", 14)
    page.drawString(40, 540, "Health visiting chronology")
    lefts = [40 + sum(widths[:i]) for i in range(len(widths))]
    top = 520

    def y(row: int) -> float:
        return top - row * height

    for row, col, span, text in cells:
        left, right = lefts[col], lefts[col] + widths[col]
        if row == 0 and header_fill is not None:
            page.setFillColorRGB(*header_fill)
            page.rect(left, y(row + span), widths[col], span * height, stroke=0, fill=1)
        page.line(left, y(row), right, y(row))
        page.line(left, y(row + span), right, y(row + span))
        for r in range(row, row + span):  # side borders row by row, as Chromium draws them
            page.line(left, y(r), left, y(r + 1))
            page.line(right, y(r), right, y(r + 1))
        page.setFillColorRGB(*((1, 1, 1) if row == 0 and header_fill else (0, 0, 0)))
        page.setFont("Helvetica", 9)
        page.drawString(lefts[col] + 3, y(row) - 14, text)
    page.setFillColorRGB(0, 0, 0)
    for row, col, offset, width in boxes:
        page.rect(lefts[col] + offset, y(row + 1) + 4, width, height - 8, stroke=0, fill=1)
    page.save()
    return path


def test_pdf_date_merged_down_as_a_browser_prints_it(tmp_path: Path):
    """The date cell spans two rows; its border is drawn in two pieces (the tall cell's
    and the next row's): the end of the first piece is no page cut splitting the cell."""
    header = ["Date", "Time", "Event / contact", "Action / outcome"]
    cells = [(0, c, 1, h) for c, h in enumerate(header)]
    cells += [(1, 0, 2, "04/04/2010"), (1, 1, 1, "10:00"), (1, 2, 1, "Home visit"), (1, 3, 1, "")]
    cells += [(2, 1, 1, "11:00"), (2, 2, 1, "Second visit the same day"), (2, 3, 1, "None")]
    cells += [(3, c, 1, t) for c, t in enumerate(["05/04/2010", "", "Clinic", "Weighed"])]
    path = draw_table(tmp_path / "hv.pdf", cells, widths=[80, 50, 300, 150])
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "04/04/2010 10:00",
        "04/04/2010 11:00",
        "05/04/2010 00:00",
    ]


def test_pdf_text_under_black_boxes_is_left_out(tmp_path: Path):
    """A redaction drawn over text left in the file: the hidden words are not read (white
    text on a dark header row is)."""
    header = ["Date", "Event / contact", "Action / outcome"]
    cells = [(0, c, 1, h) for c, h in enumerate(header)]
    cells += [(1, c, 1, t) for c, t in enumerate(["12/03/2007", "Visit to 12 Elm Road", "None"])]
    cells += [(2, c, 1, t) for c, t in enumerate(["13/03/2007", "Seen by GP1", "Advice"])]
    over_address = (1, 1, 35, 60)  # "12 Elm Road" in row 1's event cell
    path = draw_table(
        tmp_path / "redacted.pdf",
        cells,
        widths=[80, 300, 150],
        header_fill=(0.12, 0.22, 0.39),
        boxes=[over_address],
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == ["Visit to", "Seen by GP1"]
    assert chron.events[S.OUTCOME].tolist() == ["None", "Advice"]
    redacted = chron.warnings[chron.warnings[S.CODE] == "redacted_text"]
    assert redacted[S.MESSAGE].str.startswith("page 1: text under black boxes").tolist() == [True]


def test_agency_named_in_a_bold_line_above_long_instructions(tmp_path: Path):
    instructions = (
        "Please list every contact your agency had with Child A or the family during the "
        "review period, in date order, with the source of the information and the outcome."
    )
    header = tr(["Date", "Event / contact", "Action / outcome"])
    bold = "<w:b/>"
    path = write(
        tmp_path / "agencies.docx",
        ("Child A: agency chronologies", 1),
        para(run("Metropolitan Police", bold)),
        para(run(instructions)),
        rows(header, tr(["01/02/2007", "DV call-out", "CSC notified"])),
        para(run("Elm Road Surgery", bold)),
        para(run(instructions)),
        rows(header, tr(["02/02/2007", "Seen by the doctor", "Antibiotics"])),
        para(run("03/02/2007: Mother phoned the surgery", bold)),  # a dated line, not a title
        width=3,
    )
    chron = scr.read(path)
    assert chron.events[[S.AGENCY, S.ORGANISATION]].astype(str).values.tolist() == [
        ["police", "Metropolitan Police"],
        ["gp", "Elm Road Surgery"],
    ]
    outside = chron.warnings[chron.warnings[S.CODE] == "text_outside_tables"]
    assert len(outside) == 1


def test_scanned_pdf_with_a_stamped_header_says_ocr_is_needed(tmp_path: Path):
    """A review bundle's scanned pages with a marking and page number stamped on as text."""
    pytest.importorskip("pdfplumber")
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("RGB", (120, 170), "white").save(image)
    path = tmp_path / "bundle.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    for number in (1, 2):
        page.drawImage(str(image), 20, 40, width=A4[0] - 40, height=A4[1] - 80)
        page.drawString(40, A4[1] - 25, f"OFFICIAL-SENSITIVE    Page {number} of 2")
        page.showPage()
    page.save()
    with pytest.raises(ChronologyReadError, match=r"bundle\.pdf.*no text layer.*OCR"):
        scr.read(path)


def test_damaged_spans_and_merges(tmp_path: Path):
    """A header cell marked merged-down with nothing above it is read (as Word shows it);
    a cell spanning a hundred thousand columns is read as the 63 Word allows."""
    from scr_timeline.io.docx import read_docx_tables

    path = write(
        tmp_path / "damaged.docx",
        rows(
            tr([tc("Date", "<w:vMerge/>"), "Event / contact"]),
            tr(["01/02/2007", "DV call-out"]),
            tr([tc("02/02/2007", "<w:gridSpan w:val='100000'/>"), "Seen"]),
        ),
        width=2,
    )
    tables, _paragraphs, _title = read_docx_tables(path)
    assert tables[0].width == 64  # 63 spanned columns and the one after
    chron = scr.read(path, agency="police")
    assert chron.events[S.DETAILS].fillna("").tolist() == ["DV call-out", ""]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]


@pytest.mark.parametrize(
    "style",
    [
        pytest.param("banded", id="banded-rows-no-lines"),
        pytest.param("box", id="outer-border-only"),
        pytest.param("columns", id="column-lines-only"),
    ],
)
def test_pdf_of_a_word_table_style_without_a_full_grid(tmp_path: Path, style: str):
    """Word's table styles other than "Table Grid" print shading or partial borders: the
    box or shading found around the text is not the table's grid, so the page is read by
    its columns (as a table without ruling lines)."""
    pytest.importorskip("pdfplumber")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    note = "Child A seen with Mother; a long note about the visit that wraps in its cell. " * 2
    agencies = ["Police", "GP", "CSC"]
    data: list[list[object]] = [["Date", "Agency", "Event / contact", "Action / outcome"]]
    for day in range(1, 25):
        data.append(
            [
                f"{day:02d}/03/2007",
                agencies[day % 3],
                Paragraph(f"Contact {day}: {note}", styles["BodyText"]),
                Paragraph("Advice given", styles["BodyText"]),
            ]
        )
    shading = {
        "banded": [
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.85, 0.9, 1)]),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.2, 0.3, 0.6)),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ],
        "box": [
            ("BOX", (0, 0), (-1, -1), 1, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),  # the header underlined
        ],
        "columns": [
            ("LINEBEFORE", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ],
    }[style]
    table = Table(
        data,
        repeatRows=1,
        colWidths=[70, 70, 400, 150],
        style=[*shading, ("VALIGN", (0, 0), (-1, -1), "TOP")],
    )
    path = tmp_path / "styled.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Multi-agency chronology", styles["Heading2"]), table]
    )
    chron = scr.read(path)
    ev = chron.events
    assert len(ev) == 24 and chron.rejected.empty
    assert ev[S.AGENCY].astype(str).tolist() == [
        ["police", "gp", "csc"][day % 3] for day in range(1, 25)
    ]
    assert ev[S.DETAILS].tolist() == [f"Contact {day}: {note}".strip() for day in range(1, 25)]
    assert set(ev[S.OUTCOME]) == {"Advice given"}


def test_dates_in_a_list_styled_first_column(tmp_path: Path):
    """Templates number their rows through the first column's list style: the date cell is
    a one-paragraph list item, read as its date (a cell of several items keeps "• ")."""

    def item(text: str) -> str:
        return (
            "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>"
            f"{run(text)}</w:p>"
        )

    path = write(
        tmp_path / "police.docx",
        ("Police chronology", 2),
        rows(
            tr(["Date", "Event / contact"]),
            tr([item("12/03/2007"), "DV call-out"]),
            tr([item("13/03/2007"), item("Arrest") + item("Interview under caution")]),
        ),
        width=2,
    )
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "13/03/2007"]
    assert chron.events[S.DETAILS].tolist() == [
        "DV call-out",
        "• Arrest\n• Interview under caution",
    ]


def test_pdf_agency_named_on_the_cover_page(tmp_path: Path):
    """A template printed to PDF: the agency details on the cover page, the chronology
    (under a heading that names no agency) on the next page."""
    pytest.importorskip("pdfplumber")
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    story = [
        Paragraph("Child Safeguarding Practice Review: Child A", styles["Title"]),
        Paragraph("Agency: Metropolitan Police", styles["BodyText"]),
        Paragraph("Author: DC1", styles["BodyText"]),
        PageBreak(),
        Paragraph("Chronology", styles["Heading2"]),
        Table(
            [["Date", "Event / contact"], ["12/03/2007", "DV call-out"]],
            style=[("GRID", (0, 0), (-1, -1), 0.5, "black")],
        ),
    ]
    path = tmp_path / "chronology.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    chron = scr.read(path)
    assert chron.events[[S.AGENCY, S.ORGANISATION]].astype(str).values.tolist() == [
        ["police", "Metropolitan Police"]
    ]


def test_table_without_its_own_header_after_a_heading(tmp_path: Path):
    """Each agency's table under its heading, the header typed only in the first: the
    later tables (their rows start with dates) are read under those headings; a key to
    abbreviations with the same columns is still skipped."""
    path = write(
        tmp_path / "agencies.docx",
        ("Metropolitan Police", 2),
        rows(tr(["Date", "Event / contact"]), tr(["12/03/2007", "DV call-out"])),
        ("Elm Road Surgery", 2),
        rows(tr(["13/03/2007", "Seen by GP1"]), tr(["14/03/2007", "Mother phoned"])),
        ("Key", 2),
        rows(tr(["GP", "General practitioner"]), tr(["DV", "Domestic violence"])),
        width=2,
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[[S.AGENCY, S.DETAILS]].astype(str).values.tolist() == [
        ["police", "DV call-out"],
        ["gp", "Seen by GP1"],
        ["gp", "Mother phoned"],
    ]
    assert ev[S.SOURCE_ROW].tolist() == [2, 1, 2]
    codes = chron.warnings.set_index(S.SOURCE_SHEET)[S.CODE]
    assert codes.loc["table 2"] == "table_continued"
    assert codes.loc["table 3"] == "table_skipped"


def notes_part(kind: str, notes: dict[int, str]) -> tuple[str, str, str, str, bytes]:
    """A footnotes or endnotes part (``kind`` "footnote" or "endnote") holding ``notes``."""
    body = "".join(
        f"<w:{kind} w:id='{i}'><w:p><w:r><w:{kind}Ref/></w:r>{run(' ' + text)}</w:p></w:{kind}>"
        for i, text in notes.items()
    )
    xml = (
        f"<w:{kind}s {nsdecls('w')}><w:{kind} w:type='separator' w:id='-1'><w:p><w:r>"
        f"<w:separator/></w:r></w:p></w:{kind}>{body}</w:{kind}s>"
    )
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    return f"rId{kind}s", f"{kind}s", f"/word/{kind}s.xml", content_type, xml.encode()


def test_footnotes_endnotes_and_comments_in_chronology_cells(tmp_path: Path):
    """A footnote on a date cell goes to the row's details (the date stays readable); one
    on a details cell is added to it; an endnote too; comments in the margin are counted
    in a warning, not read as text; a footnote in the header is a warning."""

    def mark(kind: str, i: int) -> str:
        return f"<w:r><w:{kind}Reference w:id='{i}'/></w:r>"

    def commented(text: str, i: int) -> str:
        return para(
            f"<w:commentRangeStart w:id='{i}'/>",
            run(text),
            f"<w:commentRangeEnd w:id='{i}'/>",
            f"<w:r><w:commentReference w:id='{i}'/></w:r>",
        )

    path = write(
        tmp_path / "gp.docx",
        ("GP records", 2),
        rows(
            tr(["Date", tc(para(run("Details"), mark("footnote", 3)))]),
            tr([tc(para(run("12/03/2007"), mark("footnote", 1))), "Child A seen by GP1"]),
            tr(["13/03/2007", tc(para(run("Mother phoned"), mark("footnote", 2)))]),
            tr(["14/03/2007", tc(para(run("Bruise noted"), mark("endnote", 1)))]),
            tr([commented("15/03/2007", 0), commented("Seen again", 1)]),
        ),
        width=2,
        parts=[
            notes_part(
                "footnote",
                {1: "Date from the GP letter.", 2: "Mother later denied this.", 3: "Summary."},
            ),
            notes_part("endnote", {1: "Body map on file."}),
        ],
    )
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "13/03/2007",
        "14/03/2007",
        "15/03/2007",
    ]
    assert details(chron) == [
        "Child A seen by GP1\n[footnote: Date from the GP letter.]",
        "Mother phoned\n[footnote: Mother later denied this.]",
        "Bruise noted\n[endnote: Body map on file.]",
        "Seen again",
    ]
    warned = chron.warnings.set_index(S.CODE)
    assert warned.loc["footnote", S.MESSAGE].endswith("[footnote: Summary.]")
    assert warned.loc["comments_not_read", S.SOURCE_SHEET] == "table 1"
    assert warned.loc["comments_not_read", S.MESSAGE].startswith("2 comment(s)")


def test_cells_inserted_and_deleted_with_tracked_changes(tmp_path: Path):
    """A cell deleted with changes tracked is gone (the cells after it move left, as when
    the change is accepted); an inserted cell is read."""
    path = write(
        tmp_path / "police.docx",
        ("Metropolitan Police", 2),
        rows(
            tr(["Date", "Time", "Event / contact"]),
            tr(["12/03/2007", tc("Old note", f"<w:cellDel w:id='1' {TRACKED}/>"), "09:00", "DV"]),
            tr(["13/03/2007", tc("10:00", f"<w:cellIns w:id='2' {TRACKED}/>"), "Arrest"]),
        ),
        width=3,
    )
    chron = scr.read(path)
    assert chron.events[S.START].dt.strftime("%d/%m %H:%M").tolist() == [
        "12/03 09:00",
        "13/03 10:00",
    ]
    assert details(chron) == ["DV", "Arrest"]


def test_date_field_in_a_cell_is_read_as_shown_and_warned(tmp_path: Path):
    """A DATE field shows the day the document was opened or printed: its result is read
    (what Word shows), with a warning naming the row; other fields are not warned about."""

    def field(instr: str, shown: str) -> str:
        return para(
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r>",
            f"<w:r><w:instrText xml:space='preserve'> {instr} </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>",
            run(shown),
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>",
        )

    path = write(
        tmp_path / "police.docx",
        ("Metropolitan Police", 2),
        rows(
            tr(["Date", "Event / contact"]),
            tr(["12/03/2007", field("REF note1 \\h", "See note 1")]),
            tr([field("DATE \\@ dd/MM/yyyy", "01/05/2024"), "DV call-out"]),
        ),
        width=2,
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "01/05/2024"]
    warned = chron.warnings[chron.warnings[S.CODE] == "document_date_field"]
    assert warned[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["table 1", 3]]
    assert "DATE field" in warned[S.MESSAGE].iloc[0]


def test_embedded_chunks_as_case_systems_export_to_word(tmp_path: Path):
    """ "Export to Word" from case systems embeds its content as chunks (w:altChunk): an
    HTML chunk (a table with a date merged down two rows, a heading naming the agency)
    and a whole Word document are read in place; an RTF chunk is named in a warning."""
    html = (
        b"<html><head><meta charset='utf-8'><title>Export</title></head><body>"
        b"<h2>Children's Social Care</h2><p>Exported 01/05/2015</p>"
        b"<table border='1'><thead><tr><th>Date</th><th>Worker</th><th>Case note</th></tr>"
        b"</thead><tbody>"
        b"<tr><td rowspan='2'>12/03/2007</td><td>SW1</td><td>Home visit<br>Child A seen</td></tr>"
        b"<tr><td>TM1</td><td>Supervision &amp; case discussed</td></tr>"
        b"<tr><td colspan='3'>April 2007</td></tr>"
        b"<tr><td>02/04/2007</td><td>SW1</td><td>Strategy discussion</td></tr>"
        b"</tbody></table></body></html>"
    )
    inner = docx.Document()
    inner.add_heading("Health Visiting", level=2)
    table = inner.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Date", "Details"
    table.cell(1, 0).text, table.cell(1, 1).text = "20/03/2007", "New birth visit by HV1"
    buffer = io.BytesIO()
    inner.save(buffer)
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    path = write(
        tmp_path / "export.docx",
        ("Child A: case record export", 1),
        "<w:altChunk r:id='rIdHtml'/>",
        "<w:altChunk r:id='rIdDocx'/>",
        "<w:altChunk r:id='rIdRtf'/>",
        parts=[
            ("rIdHtml", "aFChunk", "/word/afchunk1.htm", "text/html", html),
            ("rIdDocx", "aFChunk", "/word/afchunk2.docx", word, buffer.getvalue()),
            ("rIdRtf", "aFChunk", "/word/afchunk3.rtf", "application/rtf", b"{\\rtf1 x}"),
        ],
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[[S.DATE_TEXT, S.AGENCY, S.DETAILS]].astype(str).values.tolist() == [
        ["12/03/2007", "csc", "Home visit\nChild A seen"],
        ["12/03/2007", "csc", "Supervision & case discussed"],
        ["20/03/2007", "health_visiting", "New birth visit by HV1"],
        ["02/04/2007", "csc", "Strategy discussion"],
    ]
    assert ev[S.PRACTITIONER].fillna("").tolist() == ["SW1", "TM1", "", "SW1"]
    assert ev[S.SOURCE_SHEET].tolist() == ["table 1", "table 1", "table 2", "table 1"]
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 2, 5]
    assert chron.rejected.empty
    codes = chron.warnings[S.CODE].tolist()
    assert codes.count("alt_chunk_read") == 2
    not_read = chron.warnings[chron.warnings[S.CODE] == "alt_chunk_not_read"][S.MESSAGE]
    assert not_read.str.contains("RTF chunk (/word/afchunk3.rtf", regex=False).tolist() == [True]


def test_a_form_per_entry_is_one_event_per_form(tmp_path: Path):
    """An agency template giving each contact a form of label and value cells: one table
    per entry (the later ones under no heading), and entries repeated in one table; a form
    about the report itself is no entry."""

    def form(date: str, time: str, who: str, text: str, outcome: str | None = None) -> str:
        return rows(
            tr(["Date of contact:", date, "Time:", time]),
            tr(["Practitioner:", who, "", ""]),
            tr(["Details of contact:", tc(text, "<w:gridSpan w:val='3'/>")]),
            *([tr(["Outcome:", tc(outcome, "<w:gridSpan w:val='3'/>")])] if outcome else []),
        )

    path = write(
        tmp_path / "chronology.docx",
        ("Child A: agency chronology", 1),
        rows(
            tr(["Agency:", "Health Visiting", "", ""]),
            tr(["Date completed:", "01/06/2015", "", ""]),
            tr(["Contact details:", "HV1, Elm Road Clinic", "", ""]),
        ),
        ("Contacts", 2),
        form("12/03/2007", "10:00", "HV1", "New birth visit; Child A seen", "Weighed"),
        "",
        form("20/03/2007", "", "HV2", "Clinic"),
        "",
        form("31/06/2007", "", "HV1", "Phoned GP1") + form("02/07/2007", "14:30", "HV1", "Visit"),
        width=4,
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 10:00",
        "20/03/2007 00:00",
        "02/07/2007 14:30",
    ]
    assert ev[[S.AGENCY, S.PRACTITIONER, S.DETAILS]].astype(str).values.tolist() == [
        ["health_visiting", "HV1", "New birth visit; Child A seen"],
        ["health_visiting", "HV2", "Clinic"],
        ["health_visiting", "HV1", "Visit"],
    ]
    assert ev[S.OUTCOME].fillna("").tolist() == ["Weighed", "", ""]
    # where each entry starts: its table, and the row of its first label
    assert ev[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["table 2", 1],
        ["table 3", 1],
        ["table 4", 4],
    ]
    assert ev.index[-1] == "chronology-table-4-r4"  # the id says where the entry is too
    rejected = chron.rejected
    assert rejected[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["table 4", 1, "impossible_date"]
    ]
    codes = chron.warnings.set_index(S.SOURCE_SHEET)[S.CODE]
    assert codes.loc["table 1"] == "table_skipped"  # the report's own details
    assert "form_read" in set(codes)


def test_undated_row_in_an_agency_block_merged_down_carries_on_the_row_above(tmp_path: Path):
    """A combined chronology with the agency cell merged over each agency's block: an
    entry typed over two rows (the date only in the first) is one event, though the
    merged agency cell reaches its second row; a row that names its agency itself is not
    joined."""
    down, on = "<w:vMerge w:val='restart'/>", "<w:vMerge/>"
    path = write(
        tmp_path / "combined.docx",
        rows(
            tr(["Date", "Agency", "Event / Contact", "Outcome/Action"]),
            tr(["12/03/2007", tc("Health Visiting", down), "Home visit", "Advice"]),
            tr(["", tc("", on), "Bruise to the left cheek seen.", ""]),
            tr(["14/03/2007", tc("", on), "Clinic", ""]),
            tr(["15/03/2007", "Police", "Call-out", ""]),
            tr(["", "Police", "Undated entry of its own", ""]),
        ),
        width=4,
    )
    chron = scr.read(path)
    assert details(chron) == ["Home visit\nBruise to the left cheek seen.", "Clinic", "Call-out"]
    assert chron.events[S.AGENCY].astype(str).tolist() == [
        "health_visiting",
        "health_visiting",
        "police",
    ]
    assert bool(chron.events[S.INJURY].iloc[0])
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[S.SOURCE_ROW].tolist() == [3]
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[6, "empty_date"]]


def test_pdf_undated_row_in_an_agency_block_merged_down_carries_on_the_row_above(
    tmp_path: Path,
):
    pytest.importorskip("pdfplumber")
    from reportlab.platypus import SimpleDocTemplate, Table

    table = Table(
        [
            ["Date", "Agency", "Event / Contact", "Outcome/Action"],
            ["12/03/2007", "Health Visiting", "Home visit", "Advice"],
            ["", "", "Bruise to the left cheek seen.", ""],
            ["14/03/2007", "", "Clinic", ""],
            ["15/03/2007", "Police", "Call-out", ""],
        ],
        colWidths=[70, 100, 220, 100],
        style=[("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 1), (1, 3))],
    )
    path = tmp_path / "combined.pdf"
    SimpleDocTemplate(str(path)).build([table])
    chron = scr.read(path)
    assert details(chron) == ["Home visit\nBruise to the left cheek seen.", "Clinic", "Call-out"]
    assert chron.events[S.AGENCY].astype(str).tolist()[:2] == ["health_visiting"] * 2
    assert chron.rejected.empty


@pytest.mark.parametrize(
    ("title", "header", "row"),
    [
        # headed as what it is, whatever its columns
        ("Document history", ["Date", "Status", "Author", "Comments"], "Draft"),
        ("1.2 Version control", ["Date", "Author", "Description", "Comments"], "Draft"),
        ("Distribution list", ["Name", "Role", "Date", "Notes"], "Panel chair"),
        # or its columns say so, whatever its heading
        ("Cover", ["Date", "Status", "Author", "Reason for change"], "Draft"),
        ("Cover", ["Version date", "Summary of changes", "Author", "Notes"], "Draft"),
        ("Cover", ["Name", "Role", "Date sent", "Notes"], "Panel chair"),
        ("Cover", ["Date of issue", "Issued to", "Author", "Notes"], "Panel"),
        ("Cover", ["Date", "Amendments", "Approved by", "Notes"], "Panel"),
        # the professionals involved, and when
        ("Professionals involved", ["Period of involvement", "Name", "Role", "Agency"], "SW1"),
        ("Cover", ["Dates involved", "Name", "Role", "Agency"], "SW1"),
    ],
)
def test_tables_about_the_report_itself_are_no_events(
    tmp_path: Path, title: str, header: list[str], row: str
):
    """A cover page's document history, version control or distribution list has dates
    of the report (drafts, who it was sent to), not of the case; a table of the
    professionals involved has periods of involvement."""
    path = write(
        tmp_path / "chronology.docx",
        ("Child Safeguarding Practice Review: Child A", 1),
        (title, 2),
        rows(tr(header), tr(["03/02/2019", row, "Lead reviewer", ""][: len(header)])),
        ("Combined chronology", 2),
        rows(
            tr(["Date", "Agency", "Event / contact", "Action / outcome"]),
            tr(["12/03/2007", "Police", "DV call-out", "CSC notified"]),
        ),
        width=4,
    )
    chron = scr.read(path)
    assert details(chron) == ["DV call-out"]
    skipped = chron.warnings[chron.warnings[S.CODE] == "table_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["table 1"]
    assert ("about the report" if row != "SW1" else "who was involved") in skipped[S.MESSAGE].iloc[
        0
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["Date", "Status", "Practitioner", "Details"],  # a child's status, in a chronology
        ["Date", "Issue", "Action", "Comments"],
        ["Date", "Agency", "Event", "Sent to"],
    ],
)
def test_chronologies_with_columns_like_a_document_history_are_read(
    tmp_path: Path, header: list[str]
):
    path = write(
        tmp_path / "chronology.docx",
        ("Chronology", 2),
        rows(tr(header), tr(["12/03/2007", "CP plan", "SW1", "Home visit"])),
        width=4,
    )
    assert len(scr.read(path).events) == 1


def test_a_table_per_agency_under_agency_field_headings(tmp_path: Path):
    """Agency sections each under a heading "Agency: ...": the organisation is the name
    written, without the label."""
    blocks: list[str | tuple[str, int]] = [("Agency chronologies: Child A", 1)]
    for agency, text in [
        ("Health Visiting", "New birth visit"),
        ("Metropolitan Police", "DV call-out"),
        ("Children's Social Care", "Contact received from police"),
    ]:
        blocks += [
            (f"Agency: {agency}", 2),
            rows(tr(["Date", "Practitioner", "Details"]), tr(["12/03/2007", "X1", text])),
        ]
    chron = scr.read(write(tmp_path / "agencies.docx", *blocks, width=3))
    ev = chron.events.sort_values(S.SOURCE_SHEET)
    assert ev[[S.AGENCY, S.ORGANISATION]].astype(str).values.tolist() == [
        ["health_visiting", "Health Visiting"],
        ["police", "Metropolitan Police"],
        ["csc", "Children's Social Care"],
    ]


@pytest.mark.parametrize(
    "key",
    [
        [["Abbreviation", "Meaning", "Agency"], ["HV", "Health visitor", "Health"]],
        [["Key", "", ""], ["HV", "Health visitor", ""], ["GP1", "General practitioner", ""]],
    ],
)
def test_key_table_right_after_the_chronology_is_not_its_next_page(
    tmp_path: Path, key: list[list[str]]
):
    """A key to abbreviations with as many columns as the chronology, with only an empty
    paragraph between them: skipped with a warning, not rows of the chronology."""
    path = write(
        tmp_path / "chronology.docx",
        ("Chronology", 1),
        rows(
            tr(["Date", "Agency", "Details"]),
            tr(["12/03/2007", "GP", "Seen by GP1"]),
            tr(["13/03/2007", "HV", "HV visit"]),
        ),
        "",
        rows(*(tr(row) for row in key)),
        width=3,
    )
    chron = scr.read(path)
    assert details(chron) == ["Seen by GP1", "HV visit"]
    assert chron.rejected.empty
    skipped = chron.warnings[chron.warnings[S.CODE] == "table_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["table 2"]
    assert "table_continued" not in set(chron.warnings[S.CODE])


def test_period_headings_typed_in_the_date_cell_are_section_rows(tmp_path: Path):
    """Years and periods typed in the first cell of a row of their own (not merged across
    the table) head the rows below: not events dated the whole year, nor undated rows. A
    day's date alone in its row stays an event, and other text alone an undated row."""
    path = write(
        tmp_path / "chronology.docx",
        ("Chronology", 1),
        rows(
            tr(["No.", "Date", "Agency", "Details"]),
            tr(["", "2007", "", ""]),
            tr(["1", "12/03/2007", "GP", "Seen by GP1"]),
            tr(["Period 2: April 2007 - June 2008", "", "", ""]),
            tr(["2", "13/04/2007", "GP", "Seen by GP1"]),
            tr(["", "Spring 2008", "", ""]),
            tr(["3", "14/04/2008", "", ""]),
            tr(["", "Mother phoned", "", ""]),
        ),
        width=4,
    )
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [3, 5, 7]
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[8, "unreadable_date"]]
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 4, 6]
    assert "'Period 2: April 2007 - June 2008'" in sections[S.MESSAGE].iloc[1]


def test_protective_marking_typed_above_a_table_is_no_title(tmp_path: Path):
    """A protective marking ("OFFICIAL-SENSITIVE") and "Page 1 of 14" typed into the body
    (not the page header) above each table: neither titles the chronology."""
    path = write(
        tmp_path / "chronology.docx",
        "OFFICIAL-SENSITIVE",
        rows(tr(["Date", "Agency", "Details"]), tr(["12/03/2007", "GP", "Seen by GP1"])),
        "Page 2 of 14",
        "OFFICIAL - SENSITIVE: PERSONAL",
        rows(tr(["Date", "Agency", "Details"]), tr(["13/03/2007", "GP", "Seen by GP1"])),
        width=3,
    )
    chron = scr.read(path)
    assert len(chron.events) == 2
    assert chron.meta.title is None


def test_dates_without_their_year_under_a_year_row_take_its_year(tmp_path: Path):
    """A year typed alone in a row, then days without their year ("12 March"): the rows
    take the year from the row above, so the year row stays a row of the table."""
    path = write(
        tmp_path / "chronology.docx",
        ("GP chronology", 1),
        rows(
            tr(["Date", "Details"]),
            tr(["2007", ""]),
            tr(["12 March", "Seen by GP1"]),
            tr(["15 April", "Seen by GP2"]),
            tr(["2008", ""]),
            tr(["3 Jan", "Seen by GP1"]),
        ),
        width=2,
    )
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = chron.events[chron.events[S.DETAILS].notna()]
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "15/04/2007",
        "03/01/2008",
    ]
