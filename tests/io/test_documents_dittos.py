"""Ditto marks in a Word (or PDF) chronology table are the cell above, as in CSV and Excel."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr

docx = pytest.importorskip("docx")


def _table(path: Path, rows: list[list[str]], *, title: str | None = None) -> Path:
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.save(str(path))
    return path


def test_dittos_in_a_word_table(tmp_path: Path) -> None:
    path = _table(
        tmp_path / "combined.docx",
        [
            ["Date", "Agency", "Practitioner", "Details"],
            ["12/03/2007", "Health Visiting", "HV1", "Home visit. Child A seen."],
            ['"', '"', '"', "Phoned GP re weight."],
            ["do.", "Children's Social Care", "SW1", "Referral received from HV."],
            ["14/03/2007", "Police", "DC1", "Strategy discussion."],
        ],
        title="Chronology - Child A",
    )
    chron = scr.read(path)
    events = chron.events
    # the two ditto rows had been rejected as relative dates, with an agency of '"'
    assert len(chron.rejected) == 0
    assert events["start"].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007", "12/03/2007", "12/03/2007", "14/03/2007",
    ]  # fmt: skip
    assert events["date_text"].tolist() == ["12/03/2007", '"', "do.", "14/03/2007"]
    assert events["agency"].astype(str).tolist() == ["health_visiting"] * 2 + ["csc", "police"]
    assert events["practitioner"].tolist() == ["HV1", "HV1", "SW1", "DC1"]
    assert events["source_row"].tolist() == [2, 3, 4, 5]
    dittos = chron.warnings[chron.warnings["code"] == "ditto_filled"]
    assert dittos["source_row"].tolist() == [3, 3, 3]  # the rows the table shows
    assert "(rows 3-4)" in dittos["message"].iat[0]


def test_a_ditto_with_nothing_above_stays_rejected(tmp_path: Path) -> None:
    path = _table(
        tmp_path / "gp.docx",
        [["Date", "Details"], ['"', "Letter to Mother."], ["12/03/2007", "Child A seen."]],
    )
    chron = scr.read(path)
    assert len(chron.events) == 1
    assert chron.rejected["reason"].str.contains("relative").tolist() == [True]
