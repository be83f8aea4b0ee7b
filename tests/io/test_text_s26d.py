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
