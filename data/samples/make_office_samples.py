"""Write the Word and PDF sample chronologies of Child E (FICTIONAL) shipped with scr_timeline.

Every person, place and event here is invented; people are pseudonymised as reviews do it
("Child E", "Mother", "Father", "SW1", "HV1", "Dr P1"). Run by hand (deterministic)::

    python data/samples/make_office_samples.py

It writes, to ``data/samples/`` and to ``scr_timeline/datasets/files/`` (package data):

- ``child-e-word.docx``: a landscape combined chronology table (Date | Agency | Source |
  Event/Details | Outcome/Action | Comment/Analysis) under a heading, with the header row
  repeated on each page (``w:tblHeader``), section rows merged across the table, date cells
  merged down over two events of the same day, and cells with several paragraphs and
  bullet lists;
- ``child-e-narrative.pdf``: the same case as a narrative (one paragraph per event, each
  opening with its date, written as reviewers write them), with a running page header and
  page numbers.

The same functions write the case as CSV, Excel, a PDF table and plain text for
``tests/io/test_formats_agree.py``, which reads every format and checks that the dates and
agencies agree. Needs python-docx and reportlab (the ``dev`` extra).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PACKAGE_FILES = REPO / "scr_timeline" / "datasets" / "files"
FIXED_TIMESTAMP = dt.datetime(2024, 1, 1, 0, 0, 0)
TITLE = "Child E: combined multi-agency chronology (fictional)"
HEADER = ("Date", "Agency", "Source", "Event/Details", "Outcome/Action", "Comment/Analysis")


@dataclass(frozen=True)
class Event:
    """One event of Child E's chronology, as a table row and as a narrative paragraph."""

    date: str
    agency: str
    source: str
    details: str
    outcome: str
    narrative: str  # the paragraph of the narrative version, with its own date form
    more: tuple[str, ...] = ()  # further paragraphs of the narrative (continuations)
    bullets: tuple[str, ...] = ()  # bullet points under the outcome in the Word table


#: (section heading, events under it). The third event of a day shares the date cell above.
CASE: tuple[tuple[str, tuple[Event, ...]], ...] = (
    (
        "Period 1: pregnancy and birth (February - June 2009)",
        (
            Event(
                "02/02/2009",
                "Midwifery",
                "MW1 notes",
                "Booking appointment at 20 weeks. Mother disclosed past domestic abuse by Father.",
                "Referral to CSC considered, not made.",
                "On 2 February 2009 the community midwife (MW1) saw Mother at her booking "
                "appointment at 20 weeks. Mother disclosed past domestic abuse by Father.",
                ("MW1 considered a referral to children's social care and did not make one.",),
            ),
            Event(
                "16/06/2009",
                "Hospital",
                "Maternity notes",
                "Child E born at Riverside Hospital, healthy.",
                "Discharged home on 18/06/2009.",
                "16.6.09 - Hospital: Child E was born at Riverside Hospital, healthy, and went "
                "home two days later.",
            ),
            Event(
                "25/06/2009",
                "Health Visiting",
                "HV1 diary",
                "New birth visit by HV1; Child E seen and weighed.",
                "Universal plan.",
                "25/06/2009: HV1 (health visitor) made the new birth visit; Child E was seen "
                "and weighed.",
            ),
        ),
    ),
    (
        "Period 2: July - October 2009",
        (
            Event(
                "14/07/2009",
                "Police",
                "Incident log",
                "DC1 attended a domestic incident at the home; Father arrested.",
                "Notification sent to CSC.",
                "On 14 July 2009 police officers (DC1) attended a domestic incident at the "
                "home; Father was arrested.",
                ("A notification was sent to children's social care.",),
                ("Father bailed", "Notification to CSC the same day"),
            ),
            Event(
                "14/07/2009",
                "CSC",
                "Case notes",
                "SW1 received the police notification.",
                "Initial assessment started.",
                "14.7.09 - CSC: SW1 received the police notification and started an initial "
                "assessment.",
            ),
            Event(
                "20/07/2009",
                "GP",
                "GP1 notes",
                "Child E seen by GP1 for vomiting; no marks seen.",
                "Reassurance.",
                "20 July 2009: GP1 saw Child E at the surgery for vomiting; no marks were seen.",
            ),
            Event(
                "05/08/2009",
                "CSC",
                "Case notes",
                "SW1 home visit; Child E seen asleep.",
                "Initial assessment completed; case closed.",
                "On 5 August 2009 SW1 visited the home and saw Child E asleep. The initial "
                "assessment was completed and the case closed.",
            ),
            Event(
                "11/09/2009",
                "Health Visiting",
                "HV1 diary",
                "Clinic: bruise to Child E's cheek; Mother said a sibling did it.",
                "Not referred.",
                "11/09/2009 - health visiting clinic: HV1 noted a bruise to Child E's cheek; "
                "Mother said a sibling did it.",
                ("The bruise was not referred.",),
            ),
            Event(
                "31/09/2009",
                "CSC",
                "Case notes",
                "Core group meeting (date as written in the agency return).",
                "",
                "31/09/2009: CSC core group meeting (the date as the agency wrote it).",
            ),
            Event(
                "12/10/2009",
                "Hospital",
                "ED notes",
                "Child E brought to A&E with a swollen arm; fracture found.",
                "Referral to CSC.",
                "On 12 October 2009 Mother brought Child E to A&E with a swollen arm; a "
                "fracture was found and the hospital referred Child E to CSC.",
            ),
            Event(
                "12/10/2009",
                "CSC",
                "Case notes",
                "Strategy discussion: TM1, DC2 and Dr P1.",
                "Section 47 enquiry.",
                "12.10.09 - Children's social care: strategy discussion between TM1, DC2 and "
                "Dr P1; a section 47 enquiry followed.",
            ),
            Event(
                "13/10/2009",
                "Paediatrics",
                "Dr P1 report",
                "Child protection medical and skeletal survey by Dr P1.",
                "Findings consistent with a non-accidental injury.",
                "13 October 2009: the consultant paediatrician (Dr P1) carried out a child "
                "protection medical and a skeletal survey.",
                ("The findings were consistent with a non-accidental injury.",),
            ),
            Event(
                "15/10/2009",
                "Police",
                "CAIT log",
                "DC2 interviewed Mother and Father under caution.",
                "Both bailed.",
                "On 15 October 2009 police (DC2) interviewed Mother and Father under caution; "
                "both were bailed.",
            ),
        ),
    ),
)

EVENTS: tuple[Event, ...] = tuple(e for _, events in CASE for e in events)
#: Data rows of the case (one per event); the one dated 31/09/2009 is rejected.
DATA_ROWS = len(EVENTS)


def write_csv(path: Path) -> Path:
    """The case as a combined CSV (one header row)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for e in EVENTS:
            writer.writerow([e.date, e.agency, e.source, e.details, e.outcome, ""])
    return path


def write_xlsx(path: Path) -> Path:
    """The case as an Excel sheet with a title row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Combined"
    ws.append([TITLE])
    ws.append(list(HEADER))
    for e in EVENTS:
        ws.append([e.date, e.agency, e.source, e.details, e.outcome, None])
    wb.save(path)
    return path


def write_docx(path: Path) -> Path:
    """The case as a landscape Word table with sections, merged dates and bullet lists."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    props = document.core_properties
    props.title, props.author = TITLE, "scr_timeline samples"
    props.created = props.modified = props.last_printed = FIXED_TIMESTAMP
    document.add_heading(TITLE, level=1)
    document.add_paragraph("Prepared for the review panel from the agencies' chronologies.")
    rows = 1 + sum(1 + len(events) for _, events in CASE)
    table = document.add_table(rows=rows, cols=len(HEADER))
    table.style = "Table Grid"
    for c, heading in enumerate(HEADER):
        table.cell(0, c).text = heading
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    r = 1
    for title, events in CASE:
        merged = table.cell(r, 0).merge(table.cell(r, len(HEADER) - 1))
        merged.text = title
        r += 1
        previous: Event | None = None
        for e in events:
            cells = [e.date, e.agency, e.source, e.details, e.outcome, ""]
            for c, value in enumerate(cells):
                if c == 0 and previous is not None and previous.date == e.date:
                    continue
                table.cell(r, c).text = value
            if previous is not None and previous.date == e.date:
                table.cell(r - 1, 0).merge(table.cell(r, 0))  # one date cell for the day
            for bullet in e.bullets:
                table.cell(r, 4).add_paragraph(bullet, style="List Bullet")
            previous = e
            r += 1
    document.save(path)
    _normalise_zip(path)
    return path


def _normalise_zip(path: Path) -> None:
    """Fixed zip timestamps (the writer of the Excel samples does the same)."""
    spec = importlib.util.spec_from_file_location("make_samples", HERE / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_samples", module)  # its dataclasses look themselves up
    spec.loader.exec_module(module)
    module._normalise_zip(path)


def _pdf(path: Path, story: Sequence[Any]) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, doc.pagesize[1] - 25, "OFFICIAL - SENSITIVE  Child E (fictional)")
        canvas.drawString(doc.pagesize[0] - 100, 20, f"Page {doc.page}")

    SimpleDocTemplate(
        str(path), pagesize=landscape(A4), invariant=True, title=TITLE, author="scr_timeline"
    ).build(list(story), onFirstPage=decorate, onLaterPages=decorate)
    return path


def write_pdf_table(path: Path, *, repeat: int = 1) -> Path:
    """The case as a ruled PDF table over several pages (``repeat`` copies of each row's
    text make the cells wrap), with the header repeated on each page."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Table, TableStyle

    styles = getSampleStyleSheet()
    rows: list[list[Any]] = [list(HEADER)]
    for e in EVENTS:
        details = Paragraph(" ".join([e.details] * repeat), styles["BodyText"])
        rows.append([e.date, e.agency, e.source, details, Paragraph(e.outcome), ""])
    table = Table(rows, colWidths=[70, 90, 80, 300, 150, 80], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return _pdf(path, [Paragraph(TITLE, styles["Heading2"]), table])


def narrative_paragraphs() -> list[str]:
    """The narrative version: a title, a preamble, then the paragraphs of each event."""
    out = [TITLE, "Prepared for the review panel from the agencies' chronologies."]
    for e in EVENTS:
        out.append(e.narrative)
        out.extend(e.more)
    return out


def write_text(path: Path) -> Path:
    """The narrative as a plain text file (paragraphs separated by blank lines)."""
    path.write_text("\n\n".join(narrative_paragraphs()) + "\n", encoding="utf-8")
    return path


def write_pdf_narrative(path: Path) -> Path:
    """The narrative as a PDF of paragraphs (no table)."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    styles = getSampleStyleSheet()
    title, *body = narrative_paragraphs()
    story = [Paragraph(title, styles["Title"])]
    story += [Paragraph(text.replace("&", "&amp;"), styles["BodyText"]) for text in body]
    return _pdf(path, story)


SAMPLES = {"child-e-word.docx": write_docx, "child-e-narrative.pdf": write_pdf_narrative}


def build(out_dir: Path = HERE, package_dir: Path | None = PACKAGE_FILES) -> list[Path]:
    """Write the samples to ``out_dir`` and copy them to ``package_dir``."""
    written = [writer(out_dir / name) for name, writer in SAMPLES.items()]
    if package_dir is not None:
        for path in written:
            shutil.copyfile(path, package_dir / path.name)
    return written


def main() -> None:
    """Command-line entry point: build the samples and list what was written."""
    for path in build():
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
