"""scr_timeline.limits: each limit refuses what breaks it, naming the file, before reading."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import limits

from .conftest import GENERATORS, HEADER, ROWS, _workbook, _write_csv


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "child-a.xlsx", {"GP": [HEADER, *ROWS], "Police": [HEADER]})


def test_every_limit_is_far_above_a_real_chronology() -> None:
    assert limits.MAX_FILE_BYTES >= 1 << 30
    assert limits.MAX_EXPANDED_BYTES >= 1 << 30
    assert limits.MAX_SHEET_CELLS >= 1_000_000 * 20
    assert limits.MAX_COLUMNS >= 1_000
    assert limits.MAX_ZIP_MEMBERS >= 10_000


def test_a_file_over_the_size_limit_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_csv(tmp_path / "child-a.csv", [HEADER, *ROWS])
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(
        scr.InputLimitError, match=r"child-a\.csv: the file is [0-9,]+ bytes, .*MAX_FILE_BYTES"
    ):
        scr.read(path)


def test_an_archive_with_too_many_parts_is_refused(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 3)
    with pytest.raises(scr.InputLimitError, match=r"child-a\.xlsx: .* parts"):
        scr.read(workbook)


def test_a_sheet_over_the_cell_limit_is_named(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 19)  # sheet GP: 4 rows x 5 columns
    with pytest.raises(
        scr.InputLimitError, match=r"child-a\.xlsx, sheet 'GP': .* row 4 and column 5"
    ):
        scr.read(workbook)
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 20)
    assert len(scr.read(workbook).events) == len(ROWS)


def test_the_used_range_counts_cells_without_references(tmp_path: Path) -> None:
    """A sheet may leave out cell references (positions then count from the left)."""
    path = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            "<worksheet><sheetData>"
            + "<row>" + "<c t='inlineStr'><is><t>x</t></is></c>" * 40 + "</row>"
            + '<row r="900"><c r="B900"/></row>'
            + "</sheetData></worksheet>",
        )  # fmt: skip
    with zipfile.ZipFile(path) as archive:
        assert limits._sheet_extent(archive, archive.getinfo("xl/worksheets/sheet1.xml")) == (
            900,
            40,
        )


def test_the_used_range_is_found_across_chunks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(limits, "_SCAN_CHUNK", 7)  # every reference cut somewhere
    path = GENERATORS["far_cell_xlsx"](tmp_path).path
    with zipfile.ZipFile(path) as archive:
        names = limits._sheet_names(archive)
        member = next(m for m in archive.infolist() if m.filename in names)
        assert limits._sheet_extent(archive, member) == (1_048_576, 16_384)


@pytest.mark.parametrize(
    ("sheet_data", "extent"),
    [
        ('<row r="3" spans="1:2"><c r="B3" s="1"><v>1</v></c></row>', (3, 2)),
        ("<row r='7'><c s='2' r='AB7' t='s'><v>0</v></c></row>", (7, 28)),  # ' quotes, order
        ('<x:row r="2"><x:c r="C2"/><x:c r="XFD1048576"/></x:row>', (1_048_576, 16_384)),
        ('<row r="1"><c r="ABCD1"/></row>', (1, 1 << 40)),  # past XFD: the largest there is
        ('<row r="1"><c r="A123456789"/></row>', (1 << 40, 1)),  # past row 1,048,576
        ("<row><c><v>1</v></c><c/><c\n t='s'/></row><row/>", (2, 3)),  # no references
        ('<row r="5"><c r="A5"/><c><v>2</v></c></row>', (5, 1)),  # one of each: 1 + 1 - 1
        ('<mergeCell ref="A1:Z99"/><hyperlink r:id="rId1" ref="C4"/>', (0, 0)),  # not cells
    ],
)
def test_the_used_range_read_from_the_references(
    tmp_path: Path, sheet_data: str, extent: tuple[int, int]
) -> None:
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f"<worksheet><sheetData>{sheet_data}</sheetData></worksheet>",
        )
    with zipfile.ZipFile(path) as archive:
        assert limits._sheet_extent(archive, archive.getinfo("xl/worksheets/sheet1.xml")) == extent


@pytest.mark.parametrize(("letters", "number"), [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16384)])
def test_column_number(letters: str, number: int) -> None:
    assert limits.column_number(letters) == number


def test_a_real_workbook_is_not_mistaken_for_a_protected_one(workbook: Path) -> None:
    assert not limits.is_encrypted_office_file(workbook)
