"""Tables as review teams and agencies send them (s26 sweep): a column per agency headed
with a role's initials, and a grid of ticks."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr


def _read(tmp_path: Path, text: str) -> scr.Chronology:
    path = tmp_path / "grid.csv"
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_a_column_per_agency_headed_with_a_roles_initials(tmp_path: Path) -> None:
    # 'SW' is no agency's name: its entries had been 'other' with unknown_agency 'SW'
    chron = _read(
        tmp_path,
        "Date,HV,SW,GP,Police\n"
        "12/03/2018,Home visit - bruise noted,,,\n"
        "14/03/2018,,Strategy discussion with PC2,,Strategy discussion with SW1\n",
    )
    events = chron.events.sort_values(["source_row", "agency"])
    assert events["agency"].astype(str).tolist() == ["health_visiting", "csc", "police"]
    assert events["source"].tolist()[1] == "SW"
    assert "unknown_agency" not in set(chron.warnings["code"])


def test_a_grid_of_ticks_gives_each_row_the_agencies_ticked(tmp_path: Path) -> None:
    # the ticks had been kept in extra ('SW: ✓ | Police: ✓') and every row was 'other'
    chron = _read(
        tmp_path,
        "Date,Event,HV,SW,GP,Police,Comments\n"
        "12/03/2018,Home visit - bruise noted on cheek,✓,,,,\n"
        "14/03/2018,Strategy discussion,,✓,,✓,Police and CSC only\n"
        "20/03/2018,Child A seen at surgery,,,X,,\n"
        "21/03/2018,Case file audit,,,,,\n",
    )
    events = chron.events.sort_values(["source_row", "agency"])
    assert events["agency"].astype(str).tolist() == [
        "health_visiting",
        "csc",
        "police",
        "gp",
        "other",
    ]
    assert events["details"].tolist()[1:3] == ["Strategy discussion", "Strategy discussion"]
    assert events["comment"].tolist()[1] == "Police and CSC only"
    assert events["extra"].isna().all()
    assert events["source_row"].tolist() == [2, 3, 3, 4, 5]
    (note,) = chron.warnings.loc[chron.warnings["code"] == "agency_from_ticks", "message"]
    assert "'HV', 'SW', 'GP', 'Police'" in note and "1 row(s) ticked" in note


def test_yes_and_no_under_the_agencies(tmp_path: Path) -> None:
    chron = _read(
        tmp_path,
        "Date,Details,CSC,Police,Health\n"
        "12/03/2018,Home visit,N,N,Y\n"
        "14/03/2018,Strategy discussion,Yes,Yes,No\n",
    )
    events = chron.events.sort_values(["source_row", "agency"])
    assert events["organisation"].tolist() == ["Health", "CSC", "Police"]


def test_agency_columns_of_words_beside_the_details_are_no_grid(tmp_path: Path) -> None:
    # text under the agencies' headings beside a details column: not ticks, read as before
    chron = _read(
        tmp_path,
        "Date,Details,Police,Health\n"
        "12/03/2018,Home visit,seen,\n"
        "14/03/2018,Strategy discussion,,attended\n",
    )
    assert len(chron.events) == 2
    assert "agency_from_ticks" not in set(chron.warnings["code"])
    assert chron.events["extra"].notna().all()


def test_no_no_agency_warning_when_every_row_took_one_from_its_worker(tmp_path: Path) -> None:
    # an export with no agency column whose workers all name one ('SW4', 'TM3'): the
    # no_agency warning had said the rows were 'other', beside agency_from_practitioner
    chron = _read(
        tmp_path,
        "Case Note Date,Case Note Type,Case Note,Created By\n"
        "12/03/2018,Home Visit,Child A seen alone.,SW4\n"
        "15/03/2018,Supervision,TM3 discussed plan with SW4.,TM3\n",
    )
    assert chron.events["agency"].astype(str).tolist() == ["csc", "csc"]
    codes = set(chron.warnings["code"])
    assert "agency_from_practitioner" in codes and "no_agency" not in codes


def test_the_no_agency_warning_stays_while_a_row_has_none(tmp_path: Path) -> None:
    chron = _read(
        tmp_path,
        "Date,Agency,Practitioner,Details\n"
        "12/03/2018,,SW1,Home visit\n"
        "13/03/2018,,,Letter received\n",
    )
    assert chron.events["agency"].astype(str).tolist() == ["csc", "other"]
    assert "no_agency" in set(chron.warnings["code"])
