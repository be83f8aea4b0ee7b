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
