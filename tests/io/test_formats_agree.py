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
