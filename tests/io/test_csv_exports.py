"""Whole CSV files as agencies' systems export them, read end to end.

Fictional data ("Child A", "SW1", "PC1"); the layouts are those of case-note exports
(Mosaic, Liquidlogic), police occurrence logs (Niche) and files joined by hand.
"""

from __future__ import annotations

import codecs

import pandas as pd

import scr_timeline as scr
from scr_timeline import schema as S

_CASE_NOTES = (
    "Person ID,Case Note Date,Entered By,Note Type,Case Note Text,Team,,,\r\n"
    '1001,Mon 12/03/2007,SW1,Home Visit,"Home visit to Mother and Child A.\r\n'
    "Child A seen asleep in cot.\r\n"
    'Mother said she had “no money” for the gas – £5 on the meter.",Referral and Assessment,,,\r\n'
    "1001,Tue 13/03/2007,TM1,Management Decision,Proceed to initial assessment.,"
    "Referral and Assessment,,,\r\n"
    ",,,,,,,,\r\n"
    "Total records: 2,,,,,,,,\r\n"
    "Report run by SW9 on 01/04/2007 09:14,,,,,,,,\r\n"
)


def _codes(chron) -> list[str]:
    return chron.warnings[S.CODE].tolist()


def test_a_case_note_export_in_windows_1252(tmp_path):
    path = tmp_path / "csc-case-notes.csv"
    path.write_bytes(_CASE_NOTES.encode("cp1252"))
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.SOURCE_ROW].tolist() == [2, 3]  # records, as Excel shows them
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-12"), pd.Timestamp("2007-03-13")]
    assert ev[S.AGENCY].tolist() == ["csc", "csc"]
    assert ev[S.PRACTITIONER].tolist() == ["SW1", "TM1"]
    assert ev[S.CONTACT_TYPE].tolist() == ["Home Visit", "Management Decision"]
    assert ev[S.DETAILS].iloc[0].splitlines() == [
        "Home visit to Mother and Child A.",
        "Child A seen asleep in cot.",
        "Mother said she had “no money” for the gas – £5 on the meter.",
    ]
    assert ev[S.EXTRA].tolist() == ["Person ID: 1001"] * 2
    assert chron.rejected.empty
    footer = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footer[S.SOURCE_ROW].tolist() == [5, 6]


def test_a_police_log_exported_with_semicolons_and_a_byte_order_mark(tmp_path):
    text = (
        "Occurrence Number;Occurrence Date/Time;Occurrence Type;Location;Officer;Summary\n"
        "OCC/123/07;12/03/2007 14:20;Domestic;12 Oak Road;PC1;Call from neighbour\n"
        "OCC/123/07;14:35;Domestic;12 Oak Road;PC1;Officers attended, Child A present\n"
        "OCC/123/07;15:10;Domestic;Custody;PC1;Partner arrested\n"
    )
    path = tmp_path / "police.csv"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.START].dt.strftime("%H:%M").tolist() == ["14:20", "14:35", "15:10"]
    assert (ev[S.START].dt.normalize() == pd.Timestamp("2007-03-12")).all()
    assert ev[S.AGENCY].tolist() == ["police"] * 3
    assert ev[S.DETAILS].iloc[1] == "Officers attended, Child A present"  # its comma kept
    assert ev[S.EXTRA].iloc[2] == "Occurrence Number: OCC/123/07 | Location: Custody"
    assert chron.rejected.empty
    assert "time_entry" in _codes(chron)


def test_exports_joined_into_one_file_with_their_footers_between(tmp_path):
    one = (
        "Case Note Date,Entered By,Note Type,Case Note Text\n"
        "12/03/2007,SW1,Home Visit,Child A seen\n"
        "\n"
        "Total records: 1\n"
    )
    two = "Case Note Date,Entered By,Note Type,Case Note Text\n20/03/2007,SW2,Home Visit,Not seen\n"
    path = tmp_path / "joined.csv"
    path.write_bytes(codecs.BOM_UTF8 + one.encode() + codecs.BOM_UTF8 + two.encode())
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.SOURCE_ROW].tolist() == [2, 6]
    assert ev[S.PRACTITIONER].tolist() == ["SW1", "SW2"]
    assert chron.rejected.empty
    block = chron.warnings[chron.warnings[S.CODE] == "table_block"][S.MESSAGE].iloc[0]
    assert "(Case Note Date, Entered By" in block  # its heading without the mark


def test_a_quote_never_closed_loses_no_rows(write_text):
    # the quote opening row 2's details made the rest of the file its text: rows 3 and 4
    # were neither events nor rejected rows
    path = write_text(
        "gp.csv",
        'Date,Agency,Details\n12/03/2007,GP,"Mother said no\n'
        "13/03/2007,Police,Domestic incident\n14/03/2007,CSC,Home visit\n",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4]
    assert ev[S.DETAILS].tolist() == ["Domestic incident", "Home visit"]
    rejected = chron.rejected.set_index(S.SOURCE_ROW)
    assert rejected.index.tolist() == [2]
    assert rejected.loc[2, S.REASON_CODE] == "unclosed_quote"
    assert "'Details' cell" in rejected.loc[2, S.REASON]
    assert rejected.loc[2, S.DETAILS] == '"Mother said no'


def test_a_last_cell_left_open_over_lines_of_its_own_is_its_text(write_text):
    # lines without the table's cells after an unclosed quote are that cell's text
    path = write_text(
        "gp.csv",
        'Date,Agency,Details\n12/03/2007,GP,Seen\n13/03/2007,GP,"Seen again.\nMother present.\n',
    )
    chron = scr.read(path)
    assert chron.events.sort_values(S.SOURCE_ROW)[S.DETAILS].tolist()[1] == (
        "Seen again.\nMother present."
    )
    assert chron.rejected.empty


def test_contact_types_under_other_names_place_an_entry(tmp_path):
    """'Encounter Type' and 'Mode of contact' head the kind of contact as health and social
    care systems name it: the type places an entry its words do not ('Home visit' | 'Child A
    weighed', which was other: a health visitor's visit). (A bare 'Type' is not one: in a GP journal it labels each
    part of a consultation, History, Examination, Plan.)"""
    path = tmp_path / "community-health.csv"
    path.write_text(
        "Date,Time,Clinician,Encounter Type,Entry\n"
        '20/03/2007,09:00,HV2,Home visit,"Child A weighed 6.2kg, Mother low mood."\n',
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.CONTACT_TYPE].tolist() == ["Home visit"]
    assert chron.events[S.EVENT_TYPE].tolist() == ["health_visit"]  # the HV's visit
    path = tmp_path / "csc.csv"
    path.write_text(
        "Date,Worker,Mode of contact,Note\n12/03/2007,SW1,Telephone,Mother called re Child A\n",
        encoding="utf-8",
    )
    assert scr.read(path).events[S.CONTACT_TYPE].tolist() == ["Telephone"]


def test_a_school_safeguarding_log_export(tmp_path):
    """A school's safeguarding log as its system exports it (CPOMS-like): 'Incident' is the
    entry, 'Action Taken' its outcome, 'Added By' who wrote it, 'Categories' the kind of
    entry (read when the words name no event)."""
    path = tmp_path / "school-log.csv"
    path.write_text(
        "Student,Date/Time,Categories,Incident,Action Taken,Status,Added By\n"
        'Child A,12/03/2007 08:55,"Safeguarding, Physical injury",Child A arrived with a '
        'bruise on left cheek. Said he fell over.,"Body map completed. DSL informed.",Open,'
        "Class teacher T1\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-12 08:55")]
    assert ev[S.AGENCY].tolist() == ["education"]
    assert ev[S.CONTACT_TYPE].tolist() == ["Safeguarding, Physical injury"]
    assert ev[S.OUTCOME].tolist() == ["Body map completed. DSL informed."]
    assert ev[S.INJURY].tolist() == [True]
    assert ev[S.PRACTITIONER].tolist() == ["Class teacher T1"]
