"""Text chronologies, s26 (fictional): chronologies as they arrive by email."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline import schema as S

_QUOTED_REPLY = """\
On 14 Apr 2008, at 10:12, SW1 <sw1@example.org> wrote:

Hi, below is our chronology as requested.

> Chronology - Children's Social Care
>
> 12/03/2007 - Referral received from GP (Dr B) re bruising to Child A's
> left cheek. Strategy discussion held with police (DS1) the same day;
> agreed single agency s47.
>
> 14/03/2007 - SW1 home visit. Child A seen and spoken to alone. Mother
> said the bruise was from a fall at nursery.
>
>> 20/03/2007 - ICPC held. Child A made subject of a child protection
>> plan under neglect.

Thanks
SW1
"""


def test_a_chronology_quoted_in_an_email_reply_is_read(tmp_path: Path):
    """A chronology pasted into an email and saved from the reply, each line behind the
    quote marks '> ' (and '>> ' one reply deeper), wrapped at 72 characters: no
    paragraph opened with a date, so reading raised EmptyChronologyError. The quote marks
    are now taken off and the entries read, their wrapped lines joined; the email's own
    lines ('On 14 Apr 2008, at 10:12, SW1 wrote:', which opens with a date, the greeting,
    the signature) are no entry, no title and no text of the last entry: an email_text
    warning quotes them."""
    path = tmp_path / "csc-chronology.txt"
    path.write_text(_QUOTED_REPLY, encoding="utf-8")
    chron = scr.read(path)
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "20/03/2007"]
    assert events[S.DETAILS].tolist() == [
        "Referral received from GP (Dr B) re bruising to Child A's left cheek. Strategy "
        "discussion held with police (DS1) the same day; agreed single agency s47.",
        "SW1 home visit. Child A seen and spoken to alone. Mother said the bruise was from "
        "a fall at nursery.",
        "ICPC held. Child A made subject of a child protection plan under neglect.",
    ]
    assert set(events[S.AGENCY]) == {"csc"}
    assert events[S.SOURCE_ROW].tolist() == [7, 11, 14]
    assert chron.meta.title == "Chronology - Children's Social Care"
    assert chron.rejected.empty
    notes = chron.warnings[chron.warnings[S.CODE] == "email_text"]
    assert len(notes) == 1
    assert "'Thanks'" in notes["message"].iloc[0]
    assert notes[S.SOURCE_ROW].tolist() == [1]


def test_an_email_adding_entries_of_its_own_keeps_them(tmp_path: Path):
    """When the email's own lines hold a dated entry, they are read; only the line over
    the quotation ('On 14 Apr 2008, ... wrote:') is left out, not an entry of 2008."""
    path = tmp_path / "csc.txt"
    path.write_text(
        _QUOTED_REPLY.replace("Thanks\n", "25/03/2007 - Core group held, HV1 attended.\n"),
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "14/03/2007",
        "20/03/2007",
        "25/03/2007",
    ]
    assert chron.events[S.DETAILS].iloc[-1] == "Core group held, HV1 attended. SW1"
    notes = chron.warnings[chron.warnings[S.CODE] == "email_text"]
    assert notes[S.SOURCE_ROW].tolist() == [1]
    assert "wrote:" in notes["message"].iloc[0]


def test_a_line_or_two_opening_with_a_quote_mark_is_text(tmp_path: Path):
    """A '>' typed at a line's start twice in a narrative is no email quotation."""
    path = tmp_path / "gp.txt"
    path.write_text(
        "GP chronology\n\n12/03/2007 - Child A seen by GP1. Temperature\n> 38 degrees.\n\n"
        "14/03/2007 - Reviewed.\n> 2 weeks of cough.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen by GP1. Temperature > 38 degrees.",
        "Reviewed. > 2 weeks of cough.",
    ]


def test_columns_with_cells_set_in_the_middle_of_their_rows(tmp_path: Path):
    """A chronology table whose cells are set in the middle of their rows, as
    'pdftotext -layout' writes it from a Word table (Align Center Left): each date stands
    level with the middle line of its entry, so the line above it was read as an undated
    row (rejected, empty_date) and the rest of each row ran into the row before ('...
    bruised his left cheek.\\nChild A seen by Dr B ...'; an agency 'Children's Social' /
    'Care' cut in two). Rows parted by blank lines, each holding one date, are now each
    a row."""
    path = tmp_path / "combined.txt"
    path.write_text(
        "Child A - Combined chronology\n\n"
        "Date          Agency              Details\n\n"
        "                                  HV1 home visit. Child A seen and weighed.\n"
        "12/03/2007    Health Visiting     Mother said Child A had fallen from the sofa\n"
        "                                  and bruised his left cheek.\n\n"
        "                                  Child A seen by Dr B with Mother for a cough.\n"
        "14/03/2007    GP                  Bruise to cheek noted as fading. No referral.\n\n"
        "              Children's Social   MASH received police notification. Strategy\n"
        "22/03/2007    Care                discussion held with DS1 and HV1. Agreed s47\n"
        "                                  enquiry; SW1 allocated.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    events = chron.events
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "22/03/2007"]
    assert events[S.AGENCY].tolist() == ["health_visiting", "gp", "csc"]
    assert events[S.DETAILS].tolist() == [
        "HV1 home visit. Child A seen and weighed. Mother said Child A had fallen from the "
        "sofa and bruised his left cheek.",
        "Child A seen by Dr B with Mother for a cough. Bruise to cheek noted as fading. No "
        "referral.",
        "MASH received police notification. Strategy discussion held with DS1 and HV1. "
        "Agreed s47 enquiry; SW1 allocated.",
    ]
    assert events[S.SOURCE_ROW].tolist() == [5, 9, 12]
    assert chron.rejected.empty


def test_columns_with_blank_lines_between_rows_that_open_with_their_dates(tmp_path: Path):
    """Rows that open with their dates, a paragraph of a cell after a blank line: as
    before, the paragraph is the row's (after a line break)."""
    path = tmp_path / "hv.txt"
    path.write_text(
        "Date          Practitioner   Details\n\n"
        "12/03/2007    HV1            Home visit. Child A seen.\n\n"
        "                             Mother tearful.\n\n"
        "14/03/2007    HV1            Phoned Mother.\n",
        encoding="utf-8",
    )
    chron = scr.read(path, agency="health_visiting")
    assert chron.events[S.DETAILS].tolist() == [
        "Home visit. Child A seen.\nMother tearful.",
        "Phoned Mother.",
    ]


def test_quoted_lines_wrapped_again_by_the_email_client_are_kept(tmp_path: Path):
    """A quoted line the email client wrapped again, its end on a line without the quote
    mark, is text of its entry, not the email's own words."""
    path = tmp_path / "csc.txt"
    path.write_text(
        "Hi,\n\n"
        "> 12/03/2007 - Referral received from GP (Dr B) re bruising to Child A's left\n"
        "cheek.\n"
        ">\n"
        "> 14/03/2007 - SW1 home visit. Child A seen alone.\n\n"
        "Thanks\n",
        encoding="utf-8",
    )
    chron = scr.read(path, agency="csc")
    assert chron.events[S.DETAILS].tolist() == [
        "Referral received from GP (Dr B) re bruising to Child A's left cheek.",
        "SW1 home visit. Child A seen alone.",
    ]
    notes = chron.warnings[chron.warnings[S.CODE] == "email_text"]
    assert notes[S.SOURCE_ROW].tolist() == [1]
    assert "'Thanks'" in notes["message"].iloc[0]
