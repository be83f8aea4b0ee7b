"""PDF chronologies, s28 (fictional, drawn here with reportlab): a case system's case notes
printed to PDF."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("reportlab")

_NOTES = [
    (
        "12/03/2007 10:00",
        "SW1",
        "Home Visit",
        "Visited Child A and Mother at home. Child A "
        "seen in bedroom, bruise to left cheek noted. Mother said Child A fell from sofa.",
    ),
    ("13/03/2007 09:15", "TM1", "Supervision", "Case discussed in supervision with SW1."),
    ("16/03/2007 10:00", "SW2", "Office Visit", "Mother attended; written agreement signed."),
]


def _case_notes(path: Path, notes=_NOTES, pages: int = 2) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    per_page = -(-len(notes) // pages)
    for page in range(pages):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(40, height - 30, "Northshire Council Children's Services - Case Notes")
        pdf.drawString(40, 25, "Printed by SW9 on 01/04/2008 09:12")
        pdf.drawRightString(width - 40, 25, f"Page {page + 1} of {pages}")
        y = height - 70
        for date, worker, kind, text in notes[page * per_page : (page + 1) * per_page]:
            pdf.setFont("Helvetica-Bold", 9)
            pdf.drawString(40, y, f"Date: {date}")
            pdf.drawString(200, y, f"Worker: {worker}")
            pdf.drawString(330, y, f"Type: {kind}")
            y -= 14
            pdf.setFont("Helvetica", 9)
            for line in textwrap.wrap(text, 60):
                pdf.drawString(40, y, line)
                y -= 12
            y -= 16
        pdf.showPage()
    pdf.save()


def test_a_case_notes_header_line_keeps_the_worker_apart_from_the_notes_type(
    tmp_path: Path,
):
    # "Date: 12/03/2007 10:00    Worker: SW1    Type: Home Visit", which the PDF gives
    # one space apart: the worker was "SW1 Type: Home Visit" (no practitioner code the
    # roles know) and the note's type was lost from its text
    path = tmp_path / "case-notes.pdf"
    _case_notes(path)
    chron = scr.read(path)
    events = chron.events
    assert events[S.PRACTITIONER].tolist() == ["SW1", "TM1", "SW2"]
    assert events[S.DETAILS].iloc[0].startswith("Type: Home Visit\nVisited Child A")
    assert events[S.EVENT_TYPE].tolist() == ["home_visit", "supervision", "office_visit"]
    assert events[S.DATE_TEXT].tolist() == [n[0] for n in _NOTES]
    assert not events[S.DETAILS].str.contains("Printed by|Case Notes").any()
    assert chron.rejected.empty


def test_the_same_header_typed_one_space_apart_in_a_text_file(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "Date: 12/03/2007 10:00 Worker: SW1 Type: Home Visit\n"
        "Visited Child A at home. Mother said: she fell from the sofa.\n\n"
        "Date: 13/03/2007 09:15 Officer: PC1 Subject: DA incident\n"
        "PC1 attended.\n",
        encoding="utf-8",
    )
    events = scr.read(path).events
    assert events[S.PRACTITIONER].tolist() == ["SW1", "PC1"]
    assert events[S.DETAILS].tolist() == [
        "Type: Home Visit\nVisited Child A at home. Mother said: she fell from the sofa.",
        "Subject: DA incident\nPC1 attended.",
    ]


def test_a_sentence_under_an_unruled_table_short_of_its_last_column_ends_it(tmp_path: Path):
    # the review's sentence under a table drawn without lines ran from the date column
    # across three others, but not to the last: it was read as a row, rejected for a date
    # 'The review found' (its end in the details)
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "unruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    _width, height = landscape(A4)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, height - 40, "Multi-agency chronology - Child A")
    xs = [40, 120, 220, 280, 620]
    pdf.setFont("Helvetica-Bold", 9)
    for x, heading in zip(
        xs, ("Date", "Agency", "Practitioner", "Details", "Outcome"), strict=True
    ):
        pdf.drawString(x, height - 70, heading)
    pdf.setFont("Helvetica", 9)
    rows = [
        ("12/03/2007", "Health Visiting", "HV1", "Home visit.|Bruise to left cheek.", "Advice"),
        ("14/03/2007", "CSC", "SW1", "Referral received from HV1|re bruising.", "Strategy"),
        ("20/03/2007", "GP", "Dr B", "Child A seen for cough.|Antibiotics.", ""),
    ]
    y = height - 88
    for row in rows:  # each row two lines, 12 points apart, rows 8 points apart
        for x, text in zip(xs, row, strict=True):
            for k, line in enumerate(text.split("|")):
                pdf.drawString(x, y - 12 * k, line)
        y -= 32
    pdf.drawString(
        40,
        y - 8,
        "The review found that the bruising protocol was not followed by the health "
        "visitor at the first visit.",
    )
    pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "csc", "gp"]
    assert not chron.events[S.DETAILS].str.contains("protocol").any()


def test_a_reviewers_note_typed_in_a_cell_in_other_print_is_the_rows_comment(
    tmp_path: Path,
):
    # the note, set apart from the record only by its italic print (no box around it),
    # was joined to the record's wrapped lines: "... noted. Reviewer: HV1 should have
    # referred to CSC ...", its referral read as the health visitor's
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "hv.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 790, "Health Visiting chronology - Child A")
    rows = [
        ("Date", "Event", "Outcome"),
        ("12/03/2007", "HV1 home visit. Child A seen;|bruise to left cheek noted.", "Advice"),
        ("14/03/2007", "HV1 phoned Mother.", "No answer"),
    ]
    xs, tops = [50, 130, 400, 545], [770, 750, 660, 630]
    for top in tops:
        pdf.line(xs[0], top, xs[-1], top)
    for x in xs:
        pdf.line(x, tops[0], x, tops[-1])
    pdf.setFont("Helvetica", 9)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            for k, line in enumerate(value.split("|")):
                pdf.drawString(xs[j] + 3, tops[i] - 12 - 11 * k, line)
    pdf.setFont("Helvetica-Oblique", 8)
    for k, line in enumerate(["Reviewer: HV1 should have referred to CSC", "under the protocol."]):
        pdf.drawString(xs[1] + 8, tops[1] - 50 - 10 * k, line)
    pdf.showPage()
    pdf.save()
    events = scr.read(path).events
    assert events[S.DETAILS].tolist() == [
        "HV1 home visit. Child A seen; bruise to left cheek noted.",
        "HV1 phoned Mother.",
    ]
    assert events[S.COMMENT].iloc[0] == "HV1 should have referred to CSC under the protocol."


def test_reviewers_notes_in_the_margin_beside_two_entries_are_no_text_of_them(
    tmp_path: Path,
):
    # two notes in the right margin, no box, beside the first and third entries: the
    # margin column was not found (its lines not one run), so each note's lines were
    # read into the middle of the entry level with them ("... noted. Reviewer: HV1 should
    # have Mother said ...")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "hv.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 800, "Health Visiting chronology - Child A")
    entries = [
        (
            "12/03/2007 - HV1 home visit. Child A seen; bruise to left cheek noted. Mother "
            "said Child A fell from the sofa. Advice given on safe handling.",
            ["Reviewer: HV1 should have", "referred to CSC under the", "bruising protocol."],
        ),
        ("14/03/2007 - HV1 phoned Mother; no answer. Letter sent offering a new appointment.", []),
        (
            "20/03/2007 - GP1 saw Child A for a cough. No safeguarding questions were asked "
            "at the appointment.",
            ["Reviewer: no enquiry", "about the bruise."],
        ),
    ]
    entries += [
        (f"2{i}/04/2007 - SW1 visited Child A at home; Child A seen alone.", []) for i in range(6)
    ]
    y = 770
    for text, note in entries:
        top = y
        pdf.setFont("Helvetica", 10)
        for line in textwrap.wrap(text, 70):
            pdf.drawString(50, y, line)
            y -= 13
        pdf.setFont("Helvetica-Oblique", 8)
        for k, line in enumerate(note):
            pdf.drawString(440, top - 10 * k, line)
        y -= 14
    pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    events = chron.events
    assert events[S.DETAILS].iloc[0] == (
        "HV1 home visit. Child A seen; bruise to left cheek noted. Mother said Child A fell "
        "from the sofa. Advice given on safe handling."
    )
    assert events[S.DETAILS].iloc[2] == (
        "GP1 saw Child A for a cough. No safeguarding questions were asked at the appointment."
    )
    quoted = chron.warnings.loc[chron.warnings[S.CODE] == "sidebar_not_read", "message"]
    assert quoted.str.endswith(
        (
            "'Reviewer: HV1 should have referred to CSC under the bruising protocol.'",
            "'Reviewer: no enquiry about the bruise.'",
        )
    ).tolist() == [True, True]
