"""One fictional case (Child E) in every format: the dates and agencies must agree.

The files are written here by the functions that write the shipped samples
(``data/samples/make_office_samples.py``): CSV, Excel, a Word table, a ruled PDF table over
several pages with wrapped cells, and the narrative as text and as PDF.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

pytest.importorskip("docx")
pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

import scr_timeline as scr
from scr_timeline import schema as S

SCRIPT = Path(__file__).resolve().parents[2] / "data" / "samples" / "make_office_samples.py"


@pytest.fixture(scope="module")
def case() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_office_samples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_office_samples", module)
    spec.loader.exec_module(module)
    return module


def _writers(case: ModuleType) -> dict[str, Callable[[Path], Path]]:
    return {
        "child-e.csv": case.write_csv,
        "child-e.xlsx": case.write_xlsx,
        "child-e.docx": case.write_docx,
        "child-e-table.pdf": lambda path: case.write_pdf_table(path, repeat=3),
        "child-e.txt": case.write_text,
        "child-e-narrative.pdf": case.write_pdf_narrative,
    }


@pytest.fixture(scope="module")
def chronologies(case: ModuleType, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("child-e")
    return {
        name: scr.read(writer(folder / name), child_dob="2009-06-16")
        for name, writer in _writers(case).items()
    }


def _dates_and_agencies(chron: scr.Chronology) -> pd.DataFrame:
    return pd.DataFrame(
        {
            S.START: chron.events[S.START].to_numpy(),
            S.END: chron.events[S.END].to_numpy(),
            S.AGENCY: chron.events[S.AGENCY].astype(str).to_numpy(),
        }
    )


def test_every_format_gives_the_dates_and_agencies_of_the_csv(chronologies, case):
    expected = _dates_and_agencies(chronologies["child-e.csv"])
    assert len(expected) == case.DATA_ROWS - 1
    for name, chron in chronologies.items():
        assert len(chron.events) + len(chron.rejected) == case.DATA_ROWS, name
        assert chron.rejected[S.REASON_CODE].tolist() == ["impossible_date"], name
        pd.testing.assert_frame_equal(_dates_and_agencies(chron), expected, obj=name)


def test_the_pdf_table_runs_over_pages_and_keeps_every_row(chronologies):
    chron = chronologies["child-e-table.pdf"]
    assert chron.events[S.SOURCE_SHEET].nunique() >= 2  # "page 1 table 1", "page 2 table 1"
    csv = chronologies["child-e.csv"]
    details = chron.events[S.DETAILS].str.split(". ").str[0]
    assert (details == csv.events[S.DETAILS].str.split(". ").str[0].to_numpy()).all()


def test_a_folder_of_every_format(case, tmp_path):
    for name, writer in _writers(case).items():
        writer(tmp_path / name)
    (tmp_path / "README.md").write_text("Notes on this folder, no chronology.\n")
    chron = scr.read(tmp_path)
    assert {s.format for s in chron.meta.sources} == {"csv", "xlsx", "docx", "pdf", "txt"}
    assert len(chron.events) == 6 * (case.DATA_ROWS - 1)


# --- one more case, written here: times, wrapped text and a table over pages -----------------
NOTE = (
    "Mother reported Child A had been unsettled overnight; she had given Calpol. Child A "
    "seen and examined: chest clear, temperature 37.8. Advice given on fluids and to return "
    "if no better in 48 hours. "
)
ROWS = [
    ("12/03/2007", "10:00", "Health Visiting", "HV1", "New birth visit. Child A weighed 3.9kg."),
    ("20/03/2007", "14:30", "GP", "Dr X", "Child A seen with Mother. " + NOTE * 3),
    ("02/04/2007", "23:15", "Police", "PC1", "Domestic incident; Mother's partner arrested."),
    ("03/04/2007", "", "Children's Social Care", "SW1", "Referral received from police."),
    ("04/04/2007", "09:00", "Paediatrics", "Dr Y", "CP medical: bruise to the left cheek, 2cm."),
    ("31/06/2007", "", "Children's Social Care", "SW1", "A date that does not exist."),
] + [
    (f"{day:02d}/05/2007", "11:00", "Health Visiting", "HV2", f"Clinic visit {day}. " + NOTE)
    for day in range(1, 16)
]
HEADINGS = ["Date", "Time", "Agency", "Practitioner", "Details"]


def _write_case(folder: Path) -> dict[str, Path]:
    import docx
    import openpyxl
    from docx.oxml import OxmlElement
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    paths = {fmt: folder / f"child-f.{fmt}" for fmt in ("csv", "xlsx", "docx", "pdf", "txt")}
    pd.DataFrame(ROWS, columns=HEADINGS).to_csv(paths["csv"], index=False)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADINGS, *ROWS]:
        sheet.append(list(row))
    book.save(paths["xlsx"])
    document = docx.Document()
    document.add_heading("Combined chronology: Child F (fictional)", level=2)
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADINGS))
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated
    for r, row in enumerate([HEADINGS, *ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(paths["docx"]))
    body = getSampleStyleSheet()["BodyText"]
    drawn = Table(
        [HEADINGS] + [[d, t, Paragraph(a, body), p, Paragraph(x, body)] for d, t, a, p, x in ROWS],
        colWidths=[70, 40, 100, 60, 450],
        repeatRows=1,
    )
    drawn.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, doc.pagesize[1] - 25, "OFFICIAL - SENSITIVE")
        canvas.drawString(doc.pagesize[0] / 2, 20, f"Page {doc.page} of 4")

    SimpleDocTemplate(str(paths["pdf"]), pagesize=landscape(A4)).build(
        [Paragraph("Combined chronology: Child F (fictional)", body), drawn],
        onFirstPage=furniture,
        onLaterPages=furniture,
    )
    paths["txt"].write_text(
        "Combined chronology: Child F (fictional)\n\n"
        + "\n".join(f"{d} {t} {p} ({a}): {x}" for d, t, a, p, x in ROWS)
        + "\n",
        encoding="utf-8",
    )
    return paths


def _reading(chron: scr.Chronology, *, text: bool = True) -> pd.DataFrame:
    events = chron.events
    frame = _dates_and_agencies(chron)
    if text:
        frame[S.PRACTITIONER] = events[S.PRACTITIONER].astype(str).to_numpy()
        frame[S.DETAILS] = [" ".join(str(x).split()) for x in events[S.DETAILS]]
    return frame


def test_times_wrapped_text_and_pages_read_the_same_in_every_format(tmp_path: Path):
    """Each entry's date and time, agency, practitioner and whole text, the same from the
    CSV as from the Excel sheet, the Word table, the PDF of it over pages (its header
    repeated, its long cells wrapped, a marking and page number on each page) and, for
    the dates and agencies, the narrative."""
    chrons = {fmt: scr.read(path) for fmt, path in _write_case(tmp_path).items()}
    expected = _reading(chrons["csv"])
    assert len(expected) == len(ROWS) - 1
    assert expected[S.START].dt.strftime("%H:%M").tolist()[:3] == ["10:00", "14:30", "23:15"]
    for fmt, chron in chrons.items():
        assert chron.rejected[S.SOURCE_ROW].tolist() == [7 if fmt != "txt" else 8], fmt
        if fmt == "txt":  # the label and practitioner stay in the narrative's text
            pd.testing.assert_frame_equal(
                _reading(chron, text=False), _reading(chrons["csv"], text=False), obj=fmt
            )
        else:
            pd.testing.assert_frame_equal(_reading(chron), expected, obj=fmt)
    assert chrons["pdf"].events[S.SOURCE_SHEET].nunique() >= 2
