"""An alias read only as a whole agency cell ('111', 'UTC': kind ``cell`` in
agency_aliases.csv) names a narrative paragraph's agency only as its label, never as words
of its sentence ('Flat 111', '14:05 UTC')."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr


def _agencies(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "narrative.txt"
    path.write_text(text, encoding="utf-8")
    return scr.read(path).events["agency"].tolist()


def test_a_cell_alias_inside_a_sentence_names_no_agency(tmp_path: Path) -> None:
    text = (
        "Chronology of Child A\n\n"
        "12/03/2007 Home visit to Flat 111, Tower Road. Child A seen.\n\n"
        "14/03/2007 Message left at 14:05 UTC for Mother.\n\n"
        "15/03/2007 Police: PC2 attended.\n"
    )
    assert _agencies(tmp_path, text) == ["other", "other", "police"]


def test_a_cell_alias_as_the_paragraphs_label_is_its_agency(tmp_path: Path) -> None:
    text = (
        "Chronology of Child A\n\n"
        "12/03/2007 UTC: Child A seen with a cut to the hand. Dressed and discharged.\n\n"
        "15/03/2007 111: Mother phoned about Child A's fever.\n"
    )
    assert _agencies(tmp_path, text) == ["hospital", "ambulance"]
