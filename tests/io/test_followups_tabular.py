"""CSV, Excel and text files: a template's rows left in the table, reviewers' comment
columns, and delimited text saved as .txt (fictional data throughout)."""

from __future__ import annotations

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

HEADER = ["No.", "Date", "Time", "Practitioner", "Details"]
GUIDANCE = ["", "dd/mm/yyyy", "hh:mm", "Name and role", "Brief description of the contact"]
FILLED = [
    ["1", "12/03/2007", "10:00", "GP1", "Child A seen with Mother."],
    ["2", "14/03/2007", "", "HV1", "Home visit to Child A."],
]
UNUSED = [["3", "", "", "", ""], ["4.", "", "", "", ""], ["(5)", "", "", "", ""]]


def _template_read(kind: str, write_text, write_xlsx) -> scr.Chronology:
    rows = [HEADER, GUIDANCE, *FILLED, *UNUSED]
    if kind == "csv":
        return scr.read(write_text("gp.csv", "\n".join(",".join(r) for r in rows) + "\n"))
    cells = [[int(c) if c.isdigit() else (c or None) for c in row] for row in rows]
    return scr.read(write_xlsx("gp.xlsx", {"GP": cells}))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_template_rows_left_in_a_csv_or_sheet(kind: str, write_text, write_xlsx):
    """A template's guidance row under the header ('dd/mm/yyyy' | 'hh:mm' | 'Name and
    role') and its rows numbered in advance and left unused ('3', '4.', '(5)' alone in
    'No.') are no rejected rows ('the date cell holds 'dd/mm/yyyy', not a date', 'the
    date cell is empty') but template_rows warnings, as in Word and PDF tables."""
    chron = _template_read(kind, write_text, write_xlsx)
    assert chron.events[S.SOURCE_ROW].tolist() == [3, 4]
    assert chron.rejected.empty
    template = chron.warnings[chron.warnings[S.CODE] == "template_rows"]
    assert sorted(template[S.SOURCE_ROW].tolist()) == [2, 5]
    messages = " ".join(template[S.MESSAGE])
    assert "(5, 6, 7) hold nothing but their number" in messages
    assert "'dd/mm/yyyy'" in messages
    assert "unreadable_time" not in chron.warnings[S.CODE].tolist()


def test_a_numbered_row_with_text_stays_a_rejected_row(write_text):
    """A numbered row with anything else in it ('3' beside 'see below') is no template
    row: it stays a rejected row with its reason."""
    rows = [HEADER, *FILLED, ["3", "", "", "", "see below"]]
    chron = scr.read(write_text("gp.csv", "\n".join(",".join(r) for r in rows) + "\n"))
    assert chron.rejected[S.SOURCE_ROW].tolist() == [4]
    assert "template_rows" not in chron.warnings[S.CODE].tolist()


@pytest.mark.parametrize(
    "heading",
    [
        "Analysis by IMR author",
        "IMR author's analysis",
        "Author's comments",
        "Reviewer's comments",
        "Comment/Analysis",
        "Analysis",
        "Hindsight",
        "Author's analysis of practice",
    ],
)
def test_reviewers_analysis_column_is_the_comment(write_text, heading: str):
    """A column of the author's or reviewer's hindsight is the comment, beside the real
    details column, and is not classified: 'should have referred' in it makes no
    referral."""
    text = (
        f'Date,Agency,Details,"{heading}"\n'
        "12/03/2007,GP,Child A seen with a cold.,The GP should have referred to CSC.\n"
    )
    ev = scr.read(write_text("gp.csv", text)).events
    assert ev[S.DETAILS].tolist() == ["Child A seen with a cold."]
    assert ev[S.COMMENT].tolist() == ["The GP should have referred to CSC."]
    assert ev[S.EVENT_TYPE].astype(str).tolist() != ["referral"]


@pytest.mark.parametrize("heading", ["Details/Analysis", "Event details and analysis"])
def test_details_with_analysis_in_one_column_stays_the_details(write_text, heading: str):
    """One column holding the entry and the author's analysis ('Details/Analysis') is the
    details, read and classified: it was the comment (its last word), leaving the table
    no details."""
    text = f'Date,Agency,"{heading}"\n12/03/2007,GP,Child A referred to CSC by the GP.\n'
    ev = scr.read(write_text("gp.csv", text)).events
    assert ev[S.DETAILS].tolist() == ["Child A referred to CSC by the GP."]
    assert ev[S.EVENT_TYPE].astype(str).tolist() == ["referral"]


@pytest.mark.parametrize(
    ("delimiter", "name"), [(",", "commas"), (";", "semicolons"), ("|", "bars")]
)
def test_csv_saved_as_text_is_read_as_a_table(write_text, delimiter: str, name: str):
    """A CSV file saved as .txt, under a title line: its header is one the heading table
    knows, so it is read as a table (a read_as_table warning says so), each row an event
    with its own agency and details. It was read as a narrative (the row's other cells in
    its details), and with bars it raised EmptyChronologyError."""
    d = delimiter
    text = (
        "Chronology - Child A (fictional)\n\n"
        f"Date{d}Agency{d}Practitioner{d}Details\n"
        f"12/03/2007{d}GP{d}GP1{d}Child A seen with a cold\n"
        f'14/03/2007{d}Police{d}PC1{d}"Call-out{d} no further action"\n'
    )
    chron = scr.read(write_text("child-a.txt", text))
    ev = chron.events
    assert ev[S.DETAILS].tolist() == ["Child A seen with a cold", f"Call-out{d} no further action"]
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "police"]
    assert ev[S.PRACTITIONER].tolist() == ["GP1", "PC1"]
    assert ev[S.SOURCE_ROW].tolist() == [4, 5]
    assert chron.rejected.empty
    note = chron.warnings[chron.warnings[S.CODE] == "read_as_table"][S.MESSAGE]
    assert note.str.contains(f"separated by {name}").tolist() == [True]


@pytest.mark.parametrize(
    "first",
    [
        "12/03/2007 - DV call-out, date, agency, details recorded.",
        "Date: 12/03/2007, Agency: Police, Details: DV call-out",
        "Date, time, agency and details of each contact are set out below, in order.",
    ],
)
def test_a_narrative_with_commas_stays_a_narrative(write_text, first: str):
    """A narrative whose lines hold commas, labelled lines ('Date: ..., Agency: ...') or a
    sentence naming the columns, is no CSV file: none is a header of known headings."""
    text = f"Police chronology\n\n{first}\n\n14/03/2007 - Visit, Child A seen at home.\n"
    chron = scr.read(write_text("police.txt", text))
    assert "read_as_table" not in chron.warnings[S.CODE].tolist()
    assert chron.events[S.DETAILS].iloc[-1].endswith("Visit, Child A seen at home.")
    assert chron.events[S.SOURCE_ROW].iloc[-1] == 5
