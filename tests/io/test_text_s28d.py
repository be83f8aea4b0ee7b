"""Text chronologies, s28 (fictional): time zones after times, notes and reviewer's notes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr
from scr_timeline import schema as S


def _read(tmp_path: Path, text: str, name: str = "chron.txt") -> scr.Chronology:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


_ZONED = """\
Police log - Child A

12/03/2007
14:05 UTC - call logged by control, Mother reporting shouting at the address.
15:40 GMT - PC1 left the address.

13/03/2007 at 14.05 BST - SW1 phoned Mother.

12/07/2007 10:00 UTC: HV1 home visit, Child A seen.
"""


def test_a_time_zone_after_a_time_is_part_of_the_time(tmp_path: Path):
    # (the first timed line is the entry of the date alone above it)
    # "UTC" was the entry's agency label (a hospital's urgent treatment centre) and the
    # zones were the first word of the details ("GMT - PC1 left the address.")
    chron = _read(tmp_path, _ZONED)
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[3, S.DATE_TEXT] == "12/03/2007 14:05 UTC"
    assert events.loc[3, S.DETAILS].startswith("call logged by control")
    assert events.loc[5, S.DATE_TEXT] == "12/03/2007 15:40 GMT"
    assert events.loc[5, S.DETAILS] == "PC1 left the address."
    assert events.loc[7, S.DATE_TEXT] == "13/03/2007 14.05 BST"
    assert events.loc[7, S.DETAILS] == "SW1 phoned Mother."
    assert events.loc[9, S.DETAILS] == "HV1 home visit, Child A seen."
    assert (events[S.AGENCY] != "hospital").all()
    # UTC in July is an hour behind the clock in England
    assert events.loc[9, S.START] == pd.Timestamp("2007-07-12 11:00")


_NOTES_THEN_REVIEWER = """\
Chronology - Child A

12/03/2007 - HV1 visited Child A at home.[1] Mother said bruise was from a fall.

20/03/2007 - Strategy discussion held with Police and Health.[2]

Notes
[1] The health visitor's records for this visit were incomplete.
[2] Minutes of the strategy discussion were not found on file.
{gap}[Reviewer: the strategy discussion should have been held within one working day.]
"""


def test_a_reviewers_note_after_the_list_of_notes_stays_the_last_entrys_comment(
    tmp_path: Path,
):
    # on the line under the last note, the reviewer's note was read as the end of that
    # note ("[footnote: Minutes ... [Reviewer: ...]]"); after a blank line, it kept the
    # list from being found, so "Notes [1] ... [2] ..." ran into the last entry's details
    for gap in ("", "\n"):
        chron = _read(tmp_path, _NOTES_THEN_REVIEWER.format(gap=gap))
        events = chron.events.set_index(S.SOURCE_ROW)
        assert events.loc[5, S.DETAILS] == (
            "Strategy discussion held with Police and Health.[2] "
            "[footnote: Minutes of the strategy discussion were not found on file.]"
        )
        assert events.loc[5, S.COMMENT] == (
            "the strategy discussion should have been held within one working day."
        )
        assert events.loc[3, S.DETAILS].endswith(
            "[footnote: The health visitor's records for this visit were incomplete.]"
        )
        assert len(chron.events) == 2
        assert chron.rejected.empty


_THREAD = """\
From: SW1 <sw1@northshire.gov.uk>
Sent: 14 March 2007 16:20
To: HV1 <hv1@nhs.net>
Cc: PC2 <pc2@met.police.uk>
Subject: RE: Child A - bruising

Thanks HV1. Strategy discussion arranged for tomorrow 10am. Please attend.

SW1
Social Worker
Northshire Children's Services

-----Original Message-----
From: HV1 <hv1@nhs.net>
Sent: 12 March 2007 14:05
To: Duty Team <duty@northshire.gov.uk>
Subject: Child A - bruising

I visited Child A today and saw a bruise to the left cheek. Mother said Child A fell
from the sofa. I am making a referral.

Regards
HV1
Health Visitor
Northshire Healthcare NHS Trust

From: PC2 <pc2@met.police.uk>
Date: Tue, 20 Mar 2007 09:05:00 +0000
To: sw1@northshire.gov.uk
Subject: Merlin - Child A

Merlin attached re DA incident at the home address. Child A present.
"""


def test_an_email_thread_pasted_into_a_text_file_is_an_entry_per_email(tmp_path: Path):
    # no paragraph opened with a date, so the file raised EmptyChronologyError: each
    # email (its From / Sent header) is now an entry, dated when it was sent, by its
    # sender, of the agency its signature names (or a police address's)
    chron = _read(tmp_path, _THREAD)
    events = chron.events.set_index(S.SOURCE_ROW)
    assert sorted(events.index) == [1, 14, 27]
    assert events.loc[14, S.START] == pd.Timestamp("2007-03-12 14:05")
    assert events.loc[14, S.PRACTITIONER] == "HV1"
    assert events.loc[14, S.AGENCY] == "health_visiting"
    assert events.loc[14, S.DETAILS].startswith("Subject: Child A - bruising\nI visited")
    assert events.loc[14, S.EVENT_TYPE] == "referral"
    assert events.loc[1, S.AGENCY] == "csc"
    assert events.loc[1, S.ORGANISATION] == "Northshire Children's Services"
    assert "Original Message" not in events.loc[1, S.DETAILS]
    assert set(events.loc[1, S.COUNTERPARTS]) >= {"health_visiting", "police"}
    assert events.loc[27, S.AGENCY] == "police"
    assert events.loc[27, S.START] == pd.Timestamp("2007-03-20 09:05")
    assert (events[S.SOURCE] == "Email").all()
    assert "email_text" in set(chron.warnings["code"])
    assert chron.rejected.empty


def test_a_chronology_sent_by_email_is_read_from_its_entries(tmp_path: Path):
    chron = _read(
        tmp_path,
        "From: HV1 <hv1@nhs.net>\nSent: 02 April 2007 09:00\nTo: Reviewer\n"
        "Subject: HV chronology\n\nPlease see our entries below.\n\n"
        "12/03/2007 - HV1 home visit, bruise to left cheek seen.\n"
        "14/03/2007 - HV1 phoned Mother, no answer.\n",
    )
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007"]


def test_a_block_of_labelled_lines_opening_with_from_is_no_email(tmp_path: Path):
    chron = _read(
        tmp_path,
        "From: Northshire Police\nDate: 12/03/2007\nDetails: PC1 attended DA incident.\n",
    )
    assert "email_text" not in set(chron.warnings["code"])
    assert chron.events[S.DETAILS].iloc[0].startswith("PC1 attended DA incident.")


def test_a_time_with_its_seconds_or_a_zone_in_brackets(tmp_path: Path):
    # "17/03/2007 14:05:30 UTC - CAD opened." kept "30 UTC - CAD opened." as its text;
    # "14:05 (BST):" opened the text with "(BST):"
    chron = _read(
        tmp_path,
        "17/03/2007 14:05:30 UTC - CAD opened.\n\n"
        "18/07/2007, 14:05 (BST): Mother phoned EDT.\n"
        "14:20:15 GMT - EDT SW phoned back.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[1, S.DATE_TEXT] == "17/03/2007 14:05:30 UTC"
    assert events.loc[1, S.DETAILS] == "CAD opened."
    assert events.loc[3, S.DETAILS] == "Mother phoned EDT."
    assert events.loc[3, S.START] == pd.Timestamp("2007-07-18 14:05")
    assert events.loc[4, S.DETAILS] == "EDT SW phoned back."


def test_case_notes_labelled_case_note_date(tmp_path: Path):
    # a case system's print-out ("Case Note Date:", "Note Type:", "Recorded by:", "Note
    # Text:") had no date label the blocks know: EmptyChronologyError
    chron = _read(
        tmp_path,
        "Case Notes - Child A\n\n"
        "Case Note Date: 12/03/2007 10:00\nNote Type: Home Visit\nRecorded by: SW1\n"
        "Note Text: Visited Child A at home; bruise to left cheek noted.\n\n"
        "Note Date: 16/03/2007\nNote Type: Office Visit\nRecorded by: SW2\n"
        "Note Text: Mother attended office; written agreement signed.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[3, S.DATE_TEXT] == "12/03/2007 10:00"
    assert events.loc[3, S.PRACTITIONER] == "SW1"
    assert events.loc[3, S.DETAILS].startswith("Visited Child A at home")
    assert events.loc[8, S.EVENT_TYPE] == "office_visit"


def test_an_email_quoted_in_a_chronologys_entry_is_no_thread(tmp_path: Path):
    chron = _read(
        tmp_path,
        "12/03/2007 - HV1 home visit, Child A seen.\n\n"
        "14/03/2007 - Email received from police:\n"
        "From: PC1 <pc1@met.police.uk>\nSent: 14 March 2007 10:00\nSubject: Child A\n"
        "Merlin to follow.\n",
    )
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007"]
    assert "email_text" not in set(chron.warnings["code"])


def test_a_markdown_row_whose_date_cell_says_continued_carries_on_the_row_above(
    tmp_path: Path,
):
    # "| Cont. | | ... |" was rejected: cannot read 'Cont.' as a date
    chron = _read(
        tmp_path,
        "| Date | Agency | Event |\n|---|---|---|\n"
        "| 12/03/2007 | HV | HV1 home visit, bruise to cheek |\n"
        "| Cont. | | Mother said fall from sofa |\n"
        "| 14/03/2007 | CSC | SW1 phoned Mother |\n",
        "chron.md",
    )
    assert chron.rejected.empty
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 home visit, bruise to cheek\nMother said fall from sofa",
        "SW1 phoned Mother",
    ]
