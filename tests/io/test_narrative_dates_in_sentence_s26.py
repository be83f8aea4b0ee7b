"""Narrative chronologies whose numbered paragraphs carry their date inside the first
sentence, as published reviews write them (fictional): "3.3 Child A was admitted to
hospital on 13/12/2006 with bruising." is an entry of its own on that day, not more text of
the entry above it."""

from __future__ import annotations

from pathlib import Path

import docx
import pandas as pd

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.io.text import parse_paragraphs

NARRATIVE = [
    "Summary chronology (fictional)",
    "3.1 On 11th December 2006 Child A was seen by the GP with a bruise to the forehead. "
    "Mother said he had fallen against a fireplace.",
    "3.2 On 13th December 2006 the GP referred Child A to Children's Social Care.",
    "3.3 Child A was admitted to North Road Hospital on 14/12/2006 with bruising to the face.",
    "3.4 A strategy discussion took place on 15 December 2006 between Police and CSC.",
    "3.5 Mother told SW1 that she would keep the appointments. She had last seen the GP on "
    "3 March 2006.",
    "3.6 On 22.12.06 an initial child protection conference was held.",
]


def _entries(chron: scr.Chronology) -> list[tuple[int, str]]:
    ev = chron.events.sort_values(S.SOURCE_ROW)
    return list(zip(ev[S.SOURCE_ROW].tolist(), ev[S.START].dt.strftime("%d/%m/%Y"), strict=True))


def test_numbered_paragraph_dated_inside_its_first_sentence_is_its_own_entry() -> None:
    chron = parse_paragraphs(NARRATIVE, source="child-a.txt", classify=False)
    assert _entries(chron) == [
        (2, "11/12/2006"),
        (3, "13/12/2006"),
        (4, "14/12/2006"),
        (5, "15/12/2006"),
        (7, "22/12/2006"),
    ]
    details = chron.events.set_index(S.SOURCE_ROW)[S.DETAILS]
    # the sentence keeps its date; the number goes
    assert details[4] == (
        "Child A was admitted to North Road Hospital on 14/12/2006 with bruising to the face."
    )
    # a date in a later sentence is the paragraph's history: it goes on the entry above
    assert "3 March 2006" in details[5]
    assert details[5].startswith("A strategy discussion took place")
    warning = chron.warnings[chron.warnings["code"] == "date_in_sentence"]
    assert len(warning) == 1
    assert "2 numbered paragraph(s)" in warning["message"].iloc[0]
    assert warning[S.SOURCE_ROW].iloc[0] == 4


def test_classified_the_strategy_discussion_is_on_its_own_day() -> None:
    chron = parse_paragraphs(NARRATIVE, source="child-a.txt")
    ev = chron.events.set_index(S.SOURCE_ROW)
    assert ev.loc[5, S.EVENT_TYPE] == "strategy_discussion"
    assert ev.loc[5, S.START] == pd.Timestamp("2006-12-15")
    assert ev.loc[4, S.AGENCY] == "hospital"


def test_unnumbered_narrative_keeps_a_dated_sentence_as_more_text() -> None:
    # without report numbering a paragraph is no entry unless it opens with its date
    paragraphs = [text.split(" ", 1)[1] for text in NARRATIVE[1:]]
    chron = parse_paragraphs(paragraphs, source="child-a.txt", classify=False)
    assert [d for _, d in _entries(chron)] == ["11/12/2006", "13/12/2006", "22/12/2006"]
    assert (chron.warnings["code"] != "date_in_sentence").all()


def test_numbered_paragraphs_with_no_dated_entry_numbered_stay_text() -> None:
    # the entries open with their date unnumbered; a numbered note under one is its text
    paragraphs = [
        "On 11th December 2006 Child A was seen by the GP.",
        "1. Child A was weighed on 11/12/2006 by the practice nurse.",
        "On 13th December 2006 the GP referred Child A to CSC.",
    ]
    chron = parse_paragraphs(paragraphs, source="child-a.txt", classify=False)
    assert [d for _, d in _entries(chron)] == ["11/12/2006", "13/12/2006"]


def test_word_narrative_reads_the_same(tmp_path: Path) -> None:
    document = docx.Document()
    for text in NARRATIVE:
        document.add_paragraph(text)
    path = tmp_path / "overview-report.docx"
    document.save(path)
    chron = scr.read(path)
    assert [d for _, d in _entries(chron)] == [
        "11/12/2006",
        "13/12/2006",
        "14/12/2006",
        "15/12/2006",
        "22/12/2006",
    ]
    assert len(chron.events) + len(chron.rejected) == 5
