"""CSV files as agencies save them (s27 sweep, tables): Excel for Mac's "CSV (Macintosh)"."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline.io.csv import decode_text

_TABLE = (
    "Date,Agency,Practitioner,Entry\n"
    "01/06/2022,CSC,SW1,Child A’s home visit – seen; Mother’s partner present. "
    "Café meeting arranged for 3–5 June.\n"
    '02/06/2022,Police,PC2,"Mother said “he didn’t touch her”. £20 found."\n'
)


def _read(tmp_path: Path, data: bytes) -> scr.Chronology:
    path = tmp_path / "chronology.csv"
    path.write_bytes(data)
    return scr.read(path)


def test_a_csv_saved_as_mac_roman_reads_its_punctuation(tmp_path: Path) -> None:
    # had been read as Windows-1252: "Child AÕs home visit Ð seen", "ÒheÓ", "CafŽ"
    chron = _read(tmp_path, _TABLE.encode("mac_roman"))
    assert chron.events["details"].tolist() == [
        "Child A’s home visit – seen; Mother’s partner present. Café meeting arranged for 3–5 "
        "June.",
        "Mother said “he didn’t touch her”. £20 found.",
    ]
    (note,) = chron.warnings.loc[chron.warnings["code"] == "encoding_guess", "message"]
    assert "Mac Roman" in note


def test_windows_1252_stays_windows_1252(tmp_path: Path) -> None:
    chron = _read(tmp_path, _TABLE.encode("cp1252"))
    assert chron.events["details"].tolist()[1] == "Mother said “he didn’t touch her”. £20 found."
    assert "encoding_guess" not in set(chron.warnings["code"])


def test_windows_1252_capitals_are_not_taken_for_mac_punctuation() -> None:
    # names and words whose capitals are Mac Roman's punctuation bytes
    for text in ("PÓVOA, ÐORÐE", "JOÃO AÇÕES", "Ñandú Ó", "Mr Õzil", "Ms ÐURIĆ".replace("Ć", "C")):
        data = f"Date,Name\n01/06/2022,{text} – seen\n".encode("cp1252")
        assert decode_text(data) == (data.decode("cp1252"), "cp1252"), text
    # Mac Roman accented letters where Windows-1252 has its punctuation: the quotes decide
    data = "Date,Entry\n01/06/2022,“Seen” at home – ‘fine’\n".encode("cp1252")
    assert decode_text(data)[1] == "cp1252"
