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
