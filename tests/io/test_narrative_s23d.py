"""Narrative chronologies, s23 documents sweep (fictional): review reports whose
paragraphs carry three-part numbers ("3.4.12"), which read as dates in figures too, and
the words a review's narrative puts before a part of a month."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.io.text import parse_paragraphs, split_date_prefix


def _days(chron: scr.Chronology) -> list[tuple[str, str]]:
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    return list(zip(ev[S.START].dt.strftime("%d/%m/%Y"), ev[S.DETAILS], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the paragraph number is no date when a date follows it
        ("3.4.12 On 20 March 2007 the HV visited", ("20 March 2007", None, "the HV visited")),
        ("3.4.12 12/03/2007 - PC1 attended", ("12/03/2007", None, "PC1 attended")),
        ("3.4.12. On 20 March 2007 the HV visited", ("20 March 2007", None, "the HV visited")),
        (
            "3.4.12 At 14:30 on 12 March 2007 PC1 attended",
            ("12 March 2007", "14:30", "PC1 attended"),
        ),
        # a date in figures with no date after it stays a date
        ("14.7.99 GP appointment", ("14.7.99", None, "GP appointment")),
        ("14.7.99 - On arrival Mother was out", ("14.7.99", None, "On arrival Mother was out")),
        ("12.03.07 14:30 PC1 attended", ("12.03.07", "14:30", "PC1 attended")),
        # "towards the end of", "in the middle of" a month
        (
            "Towards the end of March 2007 the school raised concerns.",
            ("end of March 2007", None, "the school raised concerns."),
        ),
        (
            "In the middle of March 2007 SW1 visited.",
            ("middle of March 2007", None, "SW1 visited."),
        ),
    ],
)
def test_date_after_a_paragraph_number_and_parts_of_a_month(text, expected):
    assert split_date_prefix(text) == expected


def test_three_part_paragraph_numbers_are_no_dates(tmp_path: Path):
    """A review's paragraphs numbered "3.4.10", "3.4.11" ... had each been an event dated
    by its number (3 April 2010, 3 April 2011 ...), the real dates left in the text: now
    a number followed by a date is a number, and so is a number followed by text in a
    document numbered so (the paragraph carries on the entry above)."""
    path = tmp_path / "overview.txt"
    path.write_text(
        "Overview report - Child A\n\n"
        "3.4.10 On 12 March 2007 the health visitor (HV1) visited Child A and saw a bruise.\n"
        "3.4.11 Mother said the bruise came from a fall. HV1 did not refer.\n"
        "3.4.12 On 20 March 2007 PC2 attended a domestic incident at the home.\n"
        "3.4.13 The children were not seen by PC2.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert _days(chron) == [
        (
            "12/03/2007",
            "the health visitor (HV1) visited Child A and saw a bruise.\n"
            "3.4.11 Mother said the bruise came from a fall. HV1 did not refer.",
        ),
        (
            "20/03/2007",
            "PC2 attended a domestic incident at the home.\n"
            "3.4.13 The children were not seen by PC2.",
        ),
    ]
    assert chron.rejected.empty


def test_numbers_one_after_another_are_a_numbering():
    """Without any date after a number, two numbers one after the other ("5.2.11",
    "5.2.12") show the numbering; the dated paragraphs are read by their words."""
    chron = parse_paragraphs(
        [
            "Summary of involvement",
            "On 12 March 2007 the GP saw Child A.",
            "5.2.11 Mother said Child A had fallen.",
            "5.2.12 The GP did not examine the bruise.",
            "On 14 March 2007 HV1 visited.",
        ],
        source="report.txt",
        classify=False,
    )
    assert _days(chron) == [
        (
            "12/03/2007",
            "the GP saw Child A.\n5.2.11 Mother said Child A had fallen.\n"
            "5.2.12 The GP did not examine the bruise.",
        ),
        ("14/03/2007", "HV1 visited."),
    ]


def test_dates_in_figures_without_numbering_stay_dates():
    """Dates written "14.7.99 GP appointment" (no numbering in the document) are dates."""
    chron = parse_paragraphs(
        ["14.7.99 GP appointment, cough.", "16.7.99 HV1 visited."],
        source="gp.txt",
        classify=False,
    )
    assert _days(chron) == [
        ("14/07/1999", "GP appointment, cough."),
        ("16/07/1999", "HV1 visited."),
    ]


def test_towards_the_end_of_a_month_opens_an_entry(tmp_path: Path):
    """ "4.1.4 Towards the end of March 2007 the school ..." had been text of the entry
    above (no date read); now an entry of its own, dated to the end of March."""
    chron = parse_paragraphs(
        [
            "4.1.3 On 20 March 2007 the police attended a domestic incident.",
            "4.1.4 Towards the end of March 2007 the school raised concerns.",
        ],
        source="report.txt",
        classify=False,
    )
    assert _days(chron) == [
        ("20/03/2007", "the police attended a domestic incident."),
        ("21/03/2007", "the school raised concerns."),
    ]


def test_on_or_about_a_date_is_approximate():
    """ "On or about 20 March 2007" and "Around 20 March 2007" had lost their "about" and
    "around" with the words before the date (read as exact days, no warning); the date
    keeps them now, and the date parser marks it approximate, as in a date cell."""
    chron = parse_paragraphs(
        [
            "On or about 20 March 2007 PC2 attended a domestic incident.",
            "Around 24 March 2007 Mother moved to the refuge.",
            "In or around April 2007 the school noticed weight loss.",
            "On 30 April 2007 HV1 visited.",
        ],
        source="report.txt",
        classify=False,
    )
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.DATE_TEXT].tolist() == [
        "about 20 March 2007",
        "Around 24 March 2007",
        "around April 2007",
        "30 April 2007",
    ]
    approximate = chron.warnings[chron.warnings["code"] == "approximate_date"]
    assert sorted(approximate[S.SOURCE_ROW].tolist()) == [1, 2, 3]


def test_a_wrapped_line_opening_with_a_date_goes_on_with_its_sentence(tmp_path: Path):
    """A text file wrapped at a fixed width, a sentence running on to a line that opens
    with a date ("... at the clinic on" / "14/03/2007 at 10:00. Mother said ..."), had
    made that line a new entry (an appointment not yet kept, 'other' agency; "21 March
    2007 - it was shared with CSC" a CSC event). A line ending with a word that leads on
    (on, at, of, the, until ...) goes on with the next; one entry a line is read as before,
    and so is an entry ending "Child A"."""
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Chronology - Child A\n\n"
        "12/03/2007 - The health visitor (HV1) visited Child A at home and arranged\n"
        "to see the family again at the clinic on\n"
        "14/03/2007 at 10:00. Mother said she would attend.\n\n"
        "20/03/2007 - PC2 attended a domestic incident. A Merlin was submitted on\n"
        "21 March 2007 - it was shared with CSC.\n"
        "22/03/2007 - SW1 visited and saw Child A\n"
        "23/03/2007 - GP1 saw Child A\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert _days(chron) == [
        (
            "12/03/2007",
            "The health visitor (HV1) visited Child A at home and arranged to see the family "
            "again at the clinic on 14/03/2007 at 10:00. Mother said she would attend.",
        ),
        (
            "20/03/2007",
            "PC2 attended a domestic incident. A Merlin was submitted on 21 March 2007 - it "
            "was shared with CSC.",
        ),
        ("22/03/2007", "SW1 visited and saw Child A"),
        ("23/03/2007", "GP1 saw Child A"),
    ]


def test_headings_underlined_in_a_text_file(tmp_path: Path):
    """Agencies' headings underlined as plain text and Markdown do it ("Metropolitan
    Police" over "-------------------", "GP" over "--") had been text of the entry above
    ("... no concerns raised.\\nMetropolitan Police") and the police's entries took the
    health visitor's agency; now they are headings, giving the agency of the entries
    under them. An entry ruled off from the next stays an entry."""
    path = tmp_path / "sections.txt"
    path.write_text(
        "Chronology - Child A\n====================\n\n"
        "Health Visiting\n---------------\n\n"
        "12/03/2007 - Home visit, Child A seen, weight recorded.\n\n"
        "14/03/2007 - Telephone call to Mother, no concerns raised.\n\n"
        "Metropolitan Police\n-------------------\n\n"
        "20/03/2007 - Domestic incident attended, children not seen.\n"
        "---------------------------------------------------------\n"
        "22/03/2007 - Report submitted and shared.\n\n"
        "GP\n--\n\n"
        "25/03/2007 - Child A seen with a cough.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert list(zip(ev[S.AGENCY], ev[S.DETAILS], strict=True)) == [
        ("health_visiting", "Home visit, Child A seen, weight recorded."),
        ("health_visiting", "Telephone call to Mother, no concerns raised."),
        ("police", "Domestic incident attended, children not seen."),
        ("police", "Report submitted and shared."),
        ("gp", "Child A seen with a cough."),
    ]
    assert chron.meta.title == "Chronology - Child A"


def test_agency_subheadings_set_off_by_marks(tmp_path: Path):
    """An agency's subheading typed in a text file with a colon, in brackets or between
    asterisks ("Metropolitan Police:", "[Children's Social Care]", "*** GP ***") over its
    dated entries had been text of the entry above ("...\\nMetropolitan Police:") and the
    entries under it kept the agency above; now it is a heading. "Police:" over undated
    text, and a list item ("- GP informed") over the next entry stays text of its own."""
    path = tmp_path / "marked.txt"
    path.write_text(
        "Chronology - Child A\n\n"
        "HEALTH VISITING\n\n"
        "12/03/2007 - Home visit, Child A seen, weight recorded.\n\n"
        "Metropolitan Police:\n\n"
        "20/03/2007 - Strategy discussion with CSC.\n\n"
        "Police:\n\n"
        "PC2 to visit the home.\n\n"
        "*** GP ***\n\n"
        "25/03/2007 - Child A seen with a cough.\n\n"
        "[Children's Social Care]\n\n"
        "26/03/2007 - Referral received from school.\n\n"
        "- GP informed\n\n"
        "27/03/2007 - Strategy discussion.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert list(zip(ev[S.AGENCY], ev[S.DETAILS], strict=True)) == [
        ("health_visiting", "Home visit, Child A seen, weight recorded."),
        ("police", "Strategy discussion with CSC.\nPolice:\nPC2 to visit the home."),
        ("gp", "Child A seen with a cough."),
        ("csc", "Referral received from school.\n- GP informed"),
        ("csc", "Strategy discussion."),
    ]
