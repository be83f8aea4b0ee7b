"""'Seen by' names who saw the child: the practitioner, not someone the event involved."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr


def test_seen_by_is_the_practitioner(tmp_path: Path) -> None:
    path = tmp_path / "ed.csv"
    path.write_text(
        "Date,Agency,Seen by,Details\n"
        "12/03/2007,Hospital,SHO (Dr B),Child A brought with a bruise to the cheek\n"
        "13/03/2007,Health Visiting,HV1,Home visit; Child A seen\n",
        encoding="utf-8",
    )
    events = scr.read(path).events
    assert events["practitioner"].tolist() == ["SHO (Dr B)", "HV1"]
    # it had been read as counterparts: the health visitor 'involved' in its own visit
    assert all("health_visiting" not in c for c in events["counterparts"])


def test_a_practitioner_column_comes_first_and_seen_by_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "gp.csv"
    path.write_text(
        "Date,Practitioner,Seen by,Details\n12/03/2007,GP1,Practice nurse,Immunisations given\n",
        encoding="utf-8",
    )
    events = scr.read(path).events
    assert events["practitioner"].tolist() == ["GP1"]
    assert "Practice nurse" in str(events["extra"].iat[0])
