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


def _export(tmp_path: Path, text: str) -> scr.Chronology:
    path = tmp_path / "case-notes.txt"
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_created_by_date_subject_blocks_ruled_off(tmp_path: Path):
    """A case system's notes export: each note a 'Created by:' / 'Date:' / 'Subject:'
    block over its text, the notes ruled off by '-----'. 'Created by: SW1' was cut at
    'by:' ('Created' left in the details); the agency came from the first agency the
    note's text named ('nursery', 'PC2'), not from its author; the text ran on from the
    subject with a space ('Subject: Home visit Child A seen ...'); and the last, short
    note was taken for a footer line ('Created by ...') and lost. The author's label is
    now the practitioner and gives the agency, the text goes on its own line, and the
    last note is an entry."""
    chron = _export(
        tmp_path,
        "Case Notes Report - Child A\n\n"
        "-----------------------------------------\n"
        "Created by: SW1\nDate: 12/03/2007 14:30\nSubject: Home visit\n"
        "Child A seen in her bedroom. Mother said the bruise was from a fall\n"
        "at nursery.\n"
        "-----------------------------------------\n"
        "Created by: SW1\nDate: 14/03/2007\nSubject: Strategy discussion\n"
        "Held with PC2.\n",
    )
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007 14:30", "14/03/2007"]
    assert events[S.PRACTITIONER].tolist() == ["SW1", "SW1"]
    assert events[S.AGENCY].tolist() == ["csc", "csc"]
    assert events[S.DETAILS].tolist() == [
        "Subject: Home visit\nChild A seen in her bedroom. Mother said the bruise was from "
        "a fall at nursery.",
        "Subject: Strategy discussion\nHeld with PC2.",
    ]
    assert "footer_row" not in set(chron.warnings[S.CODE])


def test_note_header_on_one_line_with_author_first(tmp_path: Path):
    """The note's header printed on one line, its author before its date ('Created By:
    SW1    Date: 14/03/2007 10:00    Subject: ...'), the notes parted by blank lines and
    the text after a blank line: the line did not start an entry (only a line opening
    with its date label did), so the note was run into the one above, or at the end
    taken for a footer. It now starts its entry as the same labels on lines of their
    own do."""
    chron = _export(
        tmp_path,
        "Case Notes Report - Child A\n\n"
        "Created By: SW1    Date: 12/03/2007 14:30    Subject: Home visit\n\n"
        "Child A seen in her bedroom.\n\n"
        "Created By: TM1    Date: 13/03/2007    Subject: Supervision\n\n"
        "Case discussed, strategy discussion to be arranged.\n\n"
        "Created By: SW1    Date: 14/03/2007 10:00    Subject: Strategy discussion\n"
        "Strategy discussion with PC2 and Dr B.\n",
    )
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007 14:30", "13/03/2007", "14/03/2007 10:00"]
    assert events[S.PRACTITIONER].tolist() == ["SW1", "TM1", "SW1"]
    assert events[S.SOURCE_ROW].tolist() == [3, 7, 11]
    assert events[S.DETAILS].tolist() == [
        "Subject: Home visit\nChild A seen in her bedroom.",
        "Subject: Supervision\nCase discussed, strategy discussion to be arranged.",
        "Subject: Strategy discussion\nStrategy discussion with PC2 and Dr B.",
    ]
    assert events[S.EVENT_TYPE].tolist()[1:] == ["supervision", "strategy_discussion"]
    assert chron.rejected.empty


def test_footer_opening_with_the_print_date_is_still_a_running_footer(tmp_path: Path):
    """A print-out's footer that opens with the day it was printed and ends with its page
    number ('01/04/2020 14:32  Child A chronology  Page 1 of 2'): its date is matched as
    written and its page number with its digits aside, so it stays a running footer
    (matched word for word it would be read as an event of 2020 on each page)."""
    chron = _export(
        tmp_path,
        "12/03/2007 - HV1 visited Child A at home.\n\n"
        "15/03/2007 - SW1 phoned Mother, no answer.\n\n"
        "01/04/2020 14:32  Child A chronology  Page 1 of 2\n\f"
        "20/03/2007 - SW1 home visit, Child A seen.\n\n"
        "01/04/2020 14:32  Child A chronology  Page 2 of 2\n\f",
    )
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "15/03/2007", "20/03/2007"]


def test_each_page_takes_the_agency_its_running_header_names(tmp_path: Path):
    """A PDF's text (pages parted by form feeds) of two agencies' chronologies printed one
    after the other, each page headed with its agency ('Northshire Police', then 'Elm
    Road Surgery'): the running headers were left out and every entry took the first
    page's title, so the GP's entries were the police's. A page whose running header
    names another agency than the page before now opens with that name as a heading
    (narrative_heading), which gives the agency of the entries under it; an entry going
    on over a page of the same agency is still one entry."""
    chron = _export(
        tmp_path,
        "Northshire Police      OFFICIAL-SENSITIVE\n\n"
        "12/03/2007 - Attended address after 999 call.\n\n"
        "14/03/2007 - Strategy discussion with CSC,\n\f"
        "Northshire Police      OFFICIAL-SENSITIVE\n"
        "Child A to be seen.\n\n"
        "15/03/2007 - Welfare check.\n\f"
        "Elm Road Surgery      OFFICIAL-SENSITIVE\n\n"
        "13/03/2007 - Child A seen with bruise to cheek.\n\f"
        "Elm Road Surgery      OFFICIAL-SENSITIVE\n\n"
        "20/03/2007 - Mother phoned for results.\n\f",
    )
    events = chron.events.sort_values(S.SOURCE_ROW)
    assert events[S.AGENCY].tolist() == ["police", "police", "police", "gp", "gp"]
    assert events[S.DETAILS].tolist()[1] == "Strategy discussion with CSC, Child A to be seen."
    assert chron.rejected.empty
