"""CSV and Excel tables as agencies export them (s24 sweep)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import scr_timeline as scr
from scr_timeline.exceptions import MissingColumnError


def _mojibake(text: str) -> str:
    """``text`` as a UTF-8 file opened as Windows-1252 and saved again shows it."""
    return text.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "?")


DETAILS = [
    "Mother’s partner at home – Child A seen alone",
    "“DA” call to address – £20 taken from Mother’s purse",
    "Café worker (Dr B’s practice) reported bruise",
]


def test_mojibake_in_a_csv_is_read_as_the_characters_meant(tmp_path: Path) -> None:
    path = tmp_path / "csc.csv"
    rows = [f"1{i}/03/2007,CSC,SW1,{_mojibake(text)}" for i, text in enumerate(DETAILS, start=2)]
    path.write_text("Date,Agency,Worker,Details\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert "â€™" in path.read_text(encoding="utf-8")  # as the file holds it
    chron = scr.read(path)
    assert chron.events["details"].tolist() == DETAILS
    notes = chron.warnings[chron.warnings["code"] == "mojibake_repaired"]
    assert len(notes) == 1
    assert "3 cell(s) of column 'Details'" in notes["message"].iloc[0]
    assert notes["source_row"].iloc[0] == 2


def test_text_read_wrongly_twice_and_plain_accents_are_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "gp.csv"
    twice = _mojibake(_mojibake("Mother’s GP"))  # "MotherÃ¢â‚¬â„¢s GP"
    path.write_text(
        "Date,Agency,Worker,Details\n"
        f"12/03/2007,GP,Dr B,{twice}\n"
        "13/03/2007,GP,Dr B,Seen at café with Zoë – no concerns\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events["details"].tolist() == [
        "Mother’s GP",
        "Seen at café with Zoë – no concerns",
    ]
    notes = chron.warnings[chron.warnings["code"] == "mojibake_repaired"]
    assert notes["message"].str.contains("1 cell").tolist() == [True]


def test_mojibake_in_an_excel_sheet_is_read_as_the_characters_meant(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Agency", "Worker", "Details"])
    for day, text in enumerate(DETAILS, start=12):
        ws.append([dt.datetime(2007, 3, day), "Police", "PC2", _mojibake(text)])
    path = tmp_path / "police.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.events["details"].tolist() == DETAILS
    assert (chron.warnings["code"] == "mojibake_repaired").sum() == 1


def test_mojibake_is_found_in_a_big_column_through_its_sample(tmp_path: Path, monkeypatch) -> None:
    # a column longer than the sample is searched only when the sample shows mojibake
    from scr_timeline.io import csv as csv_module

    monkeypatch.setattr(csv_module, "_SAMPLED_CELLS", 8)
    rows = "".join(f"{d:02d}/03/2007,{_mojibake('Mother’s visit')} {d}\n" for d in range(1, 21))
    path = tmp_path / "notes.csv"
    path.write_text("Date,Case Note\n" + rows, encoding="utf-8")
    chron = scr.read(path)
    assert chron.events["details"].tolist()[:2] == ["Mother’s visit 1", "Mother’s visit 2"]
    assert (
        "20 cell(s)"
        in chron.warnings.loc[chron.warnings["code"] == "mojibake_repaired", "message"].iloc[0]
    )
    plain = "".join(f"{d:02d}/03/2007,Café visit {d}\n" for d in range(1, 21))
    path.write_text("Date,Case Note\n" + plain, encoding="utf-8")
    chron = scr.read(path)
    assert chron.events["details"].tolist()[0] == "Café visit 1"
    assert "mojibake_repaired" not in set(chron.warnings["code"])


def test_a_csv_whose_every_line_is_quoted_as_one_cell(tmp_path: Path) -> None:
    # a CSV opened in one column and saved again: each line one quoted cell, its own
    # quotes doubled. It had been one column of text: no header row found, an error
    import csv
    import io

    lines = [
        ["Date", "Agency", "Worker", "Details"],
        ["12/03/2007", "CSC", "SW1", "Home visit, Child A seen"],
        ["13/03/2007", "Police", "PC2", 'Mother said "he hit me"'],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(lines)
    path = tmp_path / "chronology.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(
            [[line] for line in out.getvalue().splitlines()]
        )
    assert path.read_text(encoding="utf-8").startswith('"Date,Agency,Worker,Details"')
    chron = scr.read(path)
    assert chron.events["details"].tolist() == [
        "Home visit, Child A seen",
        'Mother said "he hit me"',
    ]
    assert chron.events["agency"].tolist() == ["csc", "police"]
    assert chron.events["source_row"].tolist() == [2, 3]


def test_a_one_column_file_of_sentences_is_not_split_at_its_commas(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        '"Notes"\n"Child A seen, Mother present"\n"Call to GP, no answer"\n', encoding="utf-8"
    )
    with pytest.raises(MissingColumnError, match="no header row"):
        scr.read(path)


def test_a_date_of_birth_column_gives_the_childs_date_of_birth(tmp_path: Path) -> None:
    # a case system's export of one child repeats the DOB on every row: it had been kept
    # in extra only, and the age-based rules were off (no date of birth)
    path = tmp_path / "mosaic.csv"
    path.write_text(
        "Person ID,Person DOB,Mother's DOB,Event Date,Event\n"
        "1001,01/02/2006,03/04/1988,12/03/2007,Referral received re bruising\n"
        "1001,01/02/2006,03/04/1988,13/03/2007,Strategy discussion held\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.meta.child_dob == dt.datetime(2006, 2, 1)
    assert chron.events["child_age_days"].tolist() == [404, 405]
    notes = chron.warnings[chron.warnings["code"] == "child_dob_inferred"]
    assert "column 'Person DOB'" in notes["message"].iloc[0]


def test_a_date_of_birth_column_of_two_people_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "family.csv"
    path.write_text(
        "Date of Birth,Date,Details\n"
        "01/02/2006,12/03/2007,Referral received\n"
        "05/06/2008,13/07/2008,Sibling born\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.meta.child_dob is None
    assert (chron.warnings["code"] == "child_dob_conflict").sum() == 1
    assert "01/02/2006, 05/06/2008" in chron.warnings["message"].str.cat()


def test_a_date_of_birth_column_in_a_workbook(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Case notes"
    ws.append(["DOB", "Date", "Worker", "Details"])
    ws.append([dt.datetime(2006, 2, 1), dt.datetime(2007, 3, 12), "SW1", "Home visit"])
    ws.append([dt.datetime(2006, 2, 1), dt.datetime(2007, 3, 19), "SW1", "Home visit"])
    path = tmp_path / "csc.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.meta.child_dob == dt.datetime(2006, 2, 1)
    assert (chron.warnings["code"] == "child_dob_inferred").sum() == 1


def test_a_form_above_the_table_wins_over_the_column(tmp_path: Path) -> None:
    path = tmp_path / "csc.csv"
    path.write_text(
        "DOB: 01/02/2006,,\nDate of Birth,Date,Details\n03/04/2005,12/03/2007,Visit\n",
        encoding="utf-8",
    )
    assert scr.read(path).meta.child_dob == dt.datetime(2006, 2, 1)


def test_mojibake_in_the_title_and_headings_is_read_before_the_header(tmp_path: Path) -> None:
    # "Childâ€™s voice" had mapped to no field (kept in extra) and the title kept "â€™"
    path = tmp_path / "csc.csv"
    text = (
        "Child A’s chronology – CSC,,,\n"
        "Date,Worker,Details,Child’s voice\n"
        "12/03/2007,SW1,Home visit,Said he is scared of Mother’s partner\n"
    )
    path.write_text(_mojibake(text), encoding="utf-8")
    chron = scr.read(path)
    assert chron.meta.title == "Child A’s chronology – CSC"
    assert chron.events["details"].tolist() == [
        "Home visit\nChild’s voice: Said he is scared of Mother’s partner"
    ]
    assert chron.events["extra"].isna().all()
    notes = chron.warnings[chron.warnings["code"] == "mojibake_repaired"]
    assert notes["message"].str[:40].tolist() == [
        "2 cell(s) of the title lines and heading",
        "1 cell(s) of column 'Child’s voice' held",
    ]
    assert notes["source_row"].tolist() == [1, 3]


def test_mojibake_in_an_excel_sheets_headings(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Worker", "Details", _mojibake("Child’s voice")])
    ws.append([dt.datetime(2007, 3, 12), "SW1", "Home visit", "Scared at home"])
    path = tmp_path / "csc.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.events["details"].tolist() == ["Home visit\nChild’s voice: Scared at home"]
    assert (chron.warnings["code"] == "mojibake_repaired").sum() == 1


def test_windows_1252_read_as_latin_1_upstream(tmp_path: Path) -> None:
    # 'Mother’s' saved by a system that read Windows-1252 as Latin-1: U+0092, a control
    # character, in the UTF-8 file; it had reached details as it was
    path = tmp_path / "csc.csv"
    details = "Mother’s partner – seen “on the stairs”"
    path.write_text(
        "Date,Worker,Details\n12/03/2007,SW1," + details.encode("cp1252").decode("latin-1") + "\n",
        encoding="utf-8",
    )
    assert "\x92" in path.read_text(encoding="utf-8")
    chron = scr.read(path)
    assert chron.events["details"].tolist() == [details]
    assert (chron.warnings["code"] == "mojibake_repaired").sum() == 1
