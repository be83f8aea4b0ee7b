"""Text chronologies, s24 (fictional): lines as case systems export them."""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline import schema as S


def test_practitioner_code_after_the_date_is_no_agency_label(tmp_path: Path):
    """'12/03/2007 16:00 - PC2 - Phone call to Mother': the code between the dashes is
    who acted. It had been taken for an agency label, so the entry's agency was the
    unknown 'PC2', recorded as other with an unknown_agency warning; the code now gives
    the agency as it does in prose (PC: police), and the practitioner is PC2."""
    path = tmp_path / "export.txt"
    path.write_text(
        "12/03/2007 14:30 - SW1 - Home visit - Child A seen.\n"
        "12/03/2007 16:00 - PC2 - Phone call to Mother\n"
        "13/03/2007 09:00 - HV1: Clinic, Child A weighed.\n"
        "14/03/2007 - GP: Dr B saw Child A.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["csc", "police", "health_visiting", "gp"]
    assert chron.events[S.PRACTITIONER].tolist() == ["SW1", "PC2", "HV1", "Dr B"]
    assert "unknown_agency" not in set(chron.warnings[S.CODE])
