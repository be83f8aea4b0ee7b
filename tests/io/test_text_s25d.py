"""Text chronologies, s25 (fictional): pages, footers and case-system exports."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline import schema as S


def test_entries_ending_both_pages_alike_are_no_running_footer(tmp_path: Path):
    """A two-page text whose pages both end with an entry worded alike but for its date
    ('15/03/2007 - SW1 phoned Mother, no answer.', '22/03/2007 - ...'): the lines were
    matched with their digits aside and both dropped as a running footer, losing two
    entries silently. A line starting with a date now comes back only word for word."""
    path = tmp_path / "twopage.txt"
    path.write_text(
        "Chronology - Child A\n\n"
        "12/03/2007 - HV1 visited Child A at home.\n\n"
        "15/03/2007 - SW1 phoned Mother, no answer.\n\f"
        "20/03/2007 - SW1 home visit, Child A seen.\n\n"
        "22/03/2007 - SW1 phoned Mother, no answer.\n\f",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "15/03/2007",
        "20/03/2007",
        "22/03/2007",
    ]
    assert chron.events[S.DETAILS].iloc[-1] == "SW1 phoned Mother, no answer."


def test_running_footer_of_two_pages_is_still_left_out(tmp_path: Path):
    """The true footer of the same two pages ('Child A chronology - page 1') is left out."""
    path = tmp_path / "twopage.txt"
    path.write_text(
        "Chronology - Child A\n\n"
        "12/03/2007 - HV1 visited Child A at home.\n\n"
        "15/03/2007 - SW1 phoned Mother, no answer.\n\n"
        "Child A chronology - printed 01/04/2020\n\f"
        "20/03/2007 - SW1 home visit, Child A seen.\n\n"
        "22/03/2007 - SW1 phoned Mother, no answer.\n\n"
        "Child A chronology - printed 02/04/2020\n\f",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist()[1::2] == ["SW1 phoned Mother, no answer."] * 2


def test_outcome_line_ending_each_page_is_the_entry_outcome(tmp_path: Path):
    """A case-note print-out of one note a page, each ending 'Outcome: NFA': the line was
    taken for a running footer and each outcome was lost; an entry's labelled time, text
    or outcome is never a running line."""
    path = tmp_path / "notes.txt"
    path.write_text(
        "Case notes - Child A\n\n"
        "Date: 12/03/2007\nWorker: SW1\nDetails: Home visit, Child A seen.\nOutcome: NFA\n\f"
        "Date: 20/03/2007\nWorker: SW1\nDetails: Phoned Mother.\nOutcome: NFA\n\f",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.OUTCOME].tolist() == ["NFA", "NFA"]
    assert chron.events[S.DETAILS].tolist() == ["Home visit, Child A seen.", "Phoned Mother."]
