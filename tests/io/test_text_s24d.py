"""Text chronologies, s24 (fictional): lines as case systems export them."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError


def test_practitioner_code_after_the_date_is_no_agency_label(tmp_path: Path):
    """'12/03/2007 16:00 - PC2 - Phone call to Mother': the code between the dashes is
    who acted. It had been taken for an agency label, so the entry's agency was the
    unknown 'PC2', recorded as other with an unknown_agency warning; the code now gives
    the agency as it does in prose (PC: police), and the practitioner is PC2."""
    path = tmp_path / "export.txt"
    path.write_text(
        "12/03/2007 14:30 - SW1 - Home visit - Child A seen.\n"
        "12/03/2007 16:00 - PC2 - Phone call to Mother\n"
        "13/03/2007 09:00 - HV1: Clinic, Child A weighed.\n"
        "14/03/2007 - GP: Dr B saw Child A.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["csc", "police", "health_visiting", "gp"]
    assert chron.events[S.PRACTITIONER].tolist() == ["SW1", "PC2", "HV1", "Dr B"]
    assert "unknown_agency" not in set(chron.warnings[S.CODE])


def test_list_of_markup_on_the_last_pages_of_a_text_is_not_read(tmp_path: Path):
    """A PDF's text (pages parted by form feeds) ending with Word's List of Markup: its
    entries had joined the last entry's text and the deleted text it quotes
    ('14/03/2007 GP saw Child A') had become an event; the list's pages are now left
    out, with a markup_balloons warning quoting its comment."""
    path = tmp_path / "review.txt"
    path.write_text(
        "Chronology - Child A\n\n"
        "12/03/2007 - HV1 visited Child A at home.\n\n"
        "20/03/2007 - SW1 home visit, Child A seen.\n"
        "\f"
        "Page 1: [1] Deleted          TM1          13/03/2020 09:02:00\n"
        "14/03/2007 GP saw Child A\n"
        "Page 1: [2] Commented [SW1]          SW1          12/03/2020 10:14:00\n"
        "Was CSC told about the bruise?\n\f",  # pdftotext ends each page with a form feed
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "20/03/2007"]
    assert chron.events[S.DETAILS].iloc[-1] == "SW1 home visit, Child A seen."
    notes = chron.warnings[chron.warnings[S.CODE] == "markup_balloons"]
    assert notes["message"].tolist() == [
        "page 2: Word's List of Markup (1 comment(s), 1 deletion(s)) printed after the "
        "document was not read: its comments and changes are no entries, and the dates "
        "on it are when they were made; comments: 'Was CSC told about the bruise?'"
    ]


def test_header_block_repeated_on_each_page_is_no_text_of_an_entry(tmp_path: Path):
    """A case system's print-out repeats a header block of three lines at the top of each
    page (form feeds part the pages). Only its first line had been left out: the report
    and print lines ('Printed 05/06/2008 09:12 by TM1') joined the entry running over
    the page, and each page's last entry; the whole block is left out now."""
    head = (
        "NORTHSHIRE COUNCIL - CHILDREN'S SERVICES\n"
        "Case Notes Report - Child A (ID 123456)\n"
        "Printed 05/06/2008 09:12 by TM1\n\n"
    )
    entries = [
        "12/03/2007 14:30 - SW1 - Home visit\n  Child A seen asleep in cot. Advice given.\n",
        "13/03/2007 09:00 - TM1 - Supervision\n  Case discussed. Plan: strategy discussion.\n",
        "14/03/2007 11:00 - SW1 - Strategy discussion\n  With DC1 and HV1. Child A to be\n",
        "  seen by paediatrician.\n15/03/2007 10:00 - SW2 - Medical\n  Dr B examined Child A.\n",
    ]
    pages = [
        f"{head}{e}\n          Page {i + 1} of {len(entries)}\n" for i, e in enumerate(entries)
    ]
    path = tmp_path / "printout.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007 14:30",
        "13/03/2007 09:00",
        "14/03/2007 11:00",
        "15/03/2007 10:00",
    ]
    details = chron.events[S.DETAILS].tolist()
    assert not any("Printed" in d or "Case Notes Report" in d for d in details)
    assert details[2].endswith("Child A to be seen by paediatrician.")


def test_a_line_repeated_under_different_first_lines_stays_text(tmp_path: Path):
    """Only the lines of a block under a running first line count: a line that comes
    back at the same place on two pages, under different entries, is text of its
    entry."""
    path = tmp_path / "notes.txt"
    path.write_text(
        "Chronology - Child A\n12/03/2007 - HV1 visit.\nNo concerns noted.\nWeighed.\n"
        "\fChronology - Child A\n14/03/2007 - HV1 phoned.\nNo concerns noted.\nMother well.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visit. No concerns noted. Weighed.",
        "HV1 phoned. No concerns noted. Mother well.",
    ]


def test_note_under_a_header_line_of_labels_is_its_details(tmp_path: Path):
    """A case system's note: a header line of labels set apart by spaces ending with the
    worker, then the note's text on the lines under it. The text had joined the worker's
    name (practitioner 'SW1 Child A seen. Mother present.', details only the type); it
    is now the entry's details, under the type, and the practitioner SW1."""
    path = tmp_path / "notes.txt"
    path.write_text(
        "Date: 12/03/2007 14:30    Type: Home Visit    Worker: SW1\n"
        "Child A seen. Mother present.\n\n"
        "Date: 13/03/2007 09:00    Type: Phone Call    Worker: HV1\n"
        "Mother phoned re feeding.\n\n"
        "Date: 14/03/2007    Agency: North Middlesex University\n"
        "Hospital NHS Trust\n"
        "Details: A&E attendance.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.PRACTITIONER].tolist()[:2] == ["SW1", "HV1"]
    assert chron.events[S.DETAILS].tolist() == [
        "Type: Home Visit\nChild A seen. Mother present.",
        "Type: Phone Call\nMother phoned re feeding.",
        "A&E attendance.",
    ]
    assert chron.events[S.ORGANISATION].iloc[2] == "North Middlesex University Hospital NHS Trust"


@pytest.mark.parametrize("pages", [1, 2])
def test_list_of_markup_alone_is_a_clear_error(tmp_path: Path, pages: int):
    """Word's List of Markup printed alone (no document before it) had been read as a
    narrative, the deleted text it quotes an entry; it is now a ChronologyReadError
    saying to print the document itself."""
    entry = (
        "Page 1: [1] Deleted          TM1          13/03/2020 09:02:00\n14/03/2007 GP saw Child A\n"
    )
    path = tmp_path / "markup.txt"
    path.write_text("\f".join([entry] * pages), encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="List of Markup"):
        scr.read(path)


def test_several_practitioner_codes_after_the_date_are_no_agency_label(tmp_path: Path):
    """'14/03/2007 - PC2 & PC3 - Attended.', '13/03/2007 - HV1/SW1 - Joint visit.': the
    codes had been one unknown agency 'PC2 & PC3' (other, unknown_agency); the first
    code now gives the agency as in prose, and every code is a practitioner."""
    path = tmp_path / "export.txt"
    path.write_text(
        "13/03/2007 - HV1/SW1 - Joint visit.\n14/03/2007 - PC2 & PC3 - Attended.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "police"]
    assert chron.events[S.PRACTITIONER].tolist() == ["HV1 / SW1", "PC2 / PC3"]
    assert "unknown_agency" not in set(chron.warnings[S.CODE])
