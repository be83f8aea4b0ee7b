"""Layouts reviewers receive, read from text, Word and PDF narratives (all data fictional).

A narrative chronology ends the way its writer's report does: "End of chronology", a
generated-on line, a key to the abbreviations used. Those lines are no entry's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.io.text import parse_paragraphs

ENTRIES = [
    "Health Visiting chronology",
    "01/03/2007 - HV1 new birth visit. Child A seen, weight satisfactory.",
    "Mother appeared low; EPDS to be repeated.",
    "24/04/2007 - HV1 home visit. Child A not seen (asleep upstairs).",
]


def _footers(chron: scr.Chronology) -> list[int]:
    return chron.warnings.loc[chron.warnings[S.CODE] == "footer_row", S.SOURCE_ROW].tolist()


@pytest.mark.parametrize(
    ("foot", "rows"),
    [
        (["End of chronology"], [5]),
        (["*** END OF REPORT ***", "Page 3 of 3"], [5]),
        (["Report generated on 01/05/2007 by ADMIN1"], [5]),
        (["Key: HV = health visitor; EPDS = Edinburgh postnatal depression scale"], [5]),
        (["Abbreviations used:", "HV - health visitor", "EPDS = postnatal depression scale"], [5, 6, 7]),
        (["End of chronology", "Key:", "HV = health visitor"], [5, 6, 7]),
    ],
)  # fmt: skip
def test_lines_under_the_last_entry_that_end_the_report_are_not_its_text(foot, rows):
    # they were joined to the last entry's details ('... asleep upstairs).\nEnd of chronology')
    chron = parse_paragraphs([*ENTRIES, *foot], source="hv.txt", classify=False)
    assert (
        chron.events[S.DETAILS].tolist()[-1]
        == "HV1 home visit. Child A not seen (asleep upstairs)."
    )
    assert _footers(chron) == rows
    assert chron.rejected.empty


@pytest.mark.parametrize(
    "last",
    [
        ["GP - to be told of the weight loss"],  # no key's label over it: the entry's own
        ["Note: Mother not told.", "GP: letter sent"],
        ["End of visit"],
    ],
)
def test_lines_under_the_last_entry_that_carry_on_its_text_stay(last):
    chron = parse_paragraphs([*ENTRIES, *last], source="hv.txt", classify=False)
    assert chron.events[S.DETAILS].tolist()[-1].endswith(last[-1])
    assert _footers(chron) == []


def test_a_key_under_a_narrative_typed_in_a_text_file(tmp_path: Path):
    text = "\n\n".join([*ENTRIES, "Key:\nHV = health visitor\nGP - general practitioner", "Page 2"])
    path = tmp_path / "hv.txt"
    path.write_text(text, encoding="utf-8")
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist()[-1].endswith("(asleep upstairs).")
    assert _footers(chron) == [9]  # the key's first line


def test_a_sentence_ending_before_a_colon_is_no_agency_label():
    # 'HV1 telephone call to GP1. Note' was taken for the entry's agency label: the agency
    # was 'other', with an unknown_agency warning
    chron = parse_paragraphs(
        [
            "Health Visiting chronology",
            "02/03/2007 - HV1 telephone call to GP1. Note: Mother not told.",
            "05/03/2007 - St. Mary's Hospital: Child A seen in ED.",
        ],
        source="hv.txt",
        classify=False,
    )
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "hospital"]
    assert "unknown_agency" not in set(chron.warnings[S.CODE])


def test_a_key_under_a_csv_table_is_no_rejected_row(tmp_path: Path):
    # each line of the key was rejected as an unreadable date ('Key:', 'HV', 'S47')
    lines = ["Date,Practitioner,Details", "12/03/2007,HV1,New birth visit", ",,", "Key:,,"]
    lines += ["HV,Health visitor,", "S47,Section 47 enquiry,"]
    (tmp_path / "hv.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    chron = scr.read(tmp_path / "hv.csv")
    assert len(chron.events) == 1 and chron.rejected.empty
    assert _footers(chron) == [4, 5, 6]
