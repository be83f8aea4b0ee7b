"""Narratives of published reviews, s26 second sweep (fictional): numbered paragraphs whose
first sentence carries the date, before any paragraph that opens with one."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

_MIXED = """\
Child A - Overview Report

4. Narrative of events

4.1 Child A was seen by the GP on 3 May 2007 with a bruise to the left cheek. Mother said
Child A had fallen from the sofa.

4.2 Police were called to the family home on 8 May 2007 after a neighbour reported shouting.

4.3 On 10 May 2007 the health visitor (HV1) made a home visit. Child A was seen.

4.4 Children's social care received a referral from the school on 14 May 2007.
"""


def _read(tmp_path: Path, text: str) -> scr.Chronology:
    path = tmp_path / "overview-report.txt"
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_numbered_paragraphs_dated_in_their_sentence_above_the_first_dated_one_are_events(
    tmp_path: Path,
):
    """'4.1 Child A was seen by the GP on 3 May 2007 ...' and '4.2 Police were called ...
    on 8 May 2007' came before the first paragraph opening with its date ('4.3 On 10 May
    2007 ...'): they were kept out as the preamble, so the GP's bruise and the police call
    were lost; only those after it were read as entries. They are entries now."""
    chron = _read(tmp_path, _MIXED)
    events = chron.events
    assert events[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "03/05/2007",
        "08/05/2007",
        "10/05/2007",
        "14/05/2007",
    ]
    assert events[S.AGENCY].astype(str).tolist() == ["gp", "police", "health_visiting", "csc"]
    assert events[S.DETAILS].iloc[0].startswith("Child A was seen by the GP on 3 May 2007")
    warned = chron.warnings[chron.warnings[S.CODE] == "date_in_sentence"]
    assert "3 numbered paragraph(s)" in warned[S.MESSAGE].iloc[0]


def test_a_narrative_with_no_paragraph_opening_with_a_date_is_read_from_its_first_sentences(
    tmp_path: Path,
):
    """Every numbered paragraph carries its date in its first sentence: no paragraph opened
    with a date, so reading failed (EmptyChronologyError). The report's lone dated
    paragraph of its introduction ('1.1 This review was commissioned ... on 12 January
    2009') is no event; the narrative's paragraphs are."""
    text = (
        "Child A - Overview Report\n\n1. Introduction\n\n"
        "1.1 This review was commissioned by the Safeguarding Partnership on 12 January 2009"
        " following a serious incident.\n\n"
        "4. Narrative of events\n\n"
        "4.1 Child A was seen by the GP on 3 May 2007 with a bruise to the left cheek.\n\n"
        "4.2 Police were called to the family home on 8 May 2007 after a report of shouting.\n"
    )
    events = _read(tmp_path, text).events
    assert events[S.START].dt.strftime("%d/%m/%Y").tolist() == ["03/05/2007", "08/05/2007"]
    assert events[S.AGENCY].astype(str).tolist() == ["gp", "police"]


def test_a_lone_dated_paragraph_of_another_chapter_stays_in_the_preamble(tmp_path: Path):
    """The introduction's '1.1 ... on 12 January 2009' is not pulled in with the narrative's
    chapter 4 entries."""
    text = (
        "Child A - Overview Report\n\n"
        "1.1 This review was commissioned by the Safeguarding Partnership on 12 January 2009"
        " following a serious incident.\n\n" + _MIXED.split("\n\n", 1)[1]
    )
    events = _read(tmp_path, text).events
    assert events[S.START].dt.year.tolist() == [2007, 2007, 2007, 2007]


def test_word_overview_report_numbered_paragraphs_dated_in_their_sentence(tmp_path: Path):
    """The same in a Word overview report (headings in heading styles)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Child A - Overview Report", 0)
    document.add_heading("1. Introduction", 1)
    document.add_paragraph(
        "1.1 This review was commissioned by the Safeguarding Partnership on 12 January 2009."
    )
    document.add_heading("4. Narrative of events", 1)
    for block in _MIXED.split("\n\n")[2:]:
        document.add_paragraph(" ".join(block.split()))
    path = tmp_path / "overview.docx"
    document.save(path)
    events = scr.read(path).events
    assert events[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "03/05/2007",
        "08/05/2007",
        "10/05/2007",
        "14/05/2007",
    ]
