"""Write child-d-well-handled.csv: a FICTIONAL case in which every procedure is followed in time.

All people, places and events are invented. Child D, a girl born 10/06/2001, arrives at school
on Thursday 5 April 2007 with an unexplained bruise; the school refers to children's social
care the same morning, a child protection medical follows that afternoon and the police are
told. The strategy discussion is held on Tuesday 10 April 2007: one working day after the
referral only because Good Friday (6 April) and Easter Monday (9 April) are bank holidays.
The s47 enquiry, initial assessment, conference, core assessment and monthly supervision all
meet their timescales, so the default rulebook (wt2006) finds nothing.

Run from anywhere (deterministic)::

    python data/samples/make_well_handled.py

It writes ``data/samples/child-d-well-handled.csv`` and the same bytes to
``scr_timeline/datasets/files/child-d-well-handled.csv`` (package data).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE_FILES = HERE.parents[1] / "scr_timeline" / "datasets" / "files"
NAME = "child-d-well-handled.csv"

HEADER = (
    "Date",
    "Time",
    "Agency",
    "Source of Information",
    "Practitioner",
    "Significant Event",
    "Outcome/Action",
)

ROWS: tuple[tuple[str, ...], ...] = (
    (
        "03/09/2006", "", "Oak Lane Primary School", "School admission record", "Head teacher",
        "Child D started in Year 1. Mother gave the family's new address.",
        "Welcome meeting held with Mother.",
    ),
    (
        "05/04/2007", "09:10", "Oak Lane Primary School", "DSL log", "DSL1",
        "Child D arrived with a bruise to her left cheek. She could not say how it happened; "
        "unexplained injury.",
        "DSL1 made a referral to CSC by telephone at 09:30 and followed it up in writing.",
    ),
    (
        "05/04/2007", "10:30", "North Borough Children's Services", "CSC referral record", "TM1",
        "Referral received from Oak Lane Primary School about an unexplained bruise to Child "
        "D's left cheek.",
        "TM1 decision: strategy discussion and child protection medical. Police informed. "
        "Case allocated to SW1.",
    ),
    (
        "05/04/2007", "14:00", "Riverside Hospital paediatrics", "Paediatric notes", "Dr P1",
        "Child protection medical. Bruise to the left cheek; non-accidental injury cannot be "
        "excluded.",
        "Report to CSC and police.",
    ),
    (
        "05/04/2007", "15:00", "Police", "CAIT log", "DC1",
        "CAIT informed by CSC of the referral about Child D.",
        "DC1 allocated.",
    ),
    (
        "10/04/2007", "10:00", "North Borough Children's Services", "Strategy discussion minutes",
        "TM1",
        "Strategy discussion (TM1, SW1, DC1, Dr P1 and the school DSL). Threshold for section 47 "
        "met.",
        "Joint section 47 enquiry agreed with the police.",
    ),
    (
        "10/04/2007", "14:00", "North Borough Children's Services", "CSC case record", "SW1",
        "Section 47 enquiry started jointly with the police.",
        "Mother and Child D to be seen.",
    ),
    (
        "11/04/2007", "", "North Borough Children's Services", "CSC case record", "TM1",
        "TM1 management oversight: reviewed the referral, the medical and the strategy "
        "discussion.",
        "Enquiry plan agreed.",
    ),
    (
        "12/04/2007", "", "North Borough Children's Services", "CSC case record", "SW1",
        "Initial assessment completed.",
        "Child protection conference to be convened.",
    ),
    (
        "12/04/2007", "", "North Borough Children's Services", "CSC case record", "SW1",
        "Home visit. Child D seen alone in her bedroom and spoke with SW1.",
        "Next visit agreed.",
    ),
    (
        "24/04/2007", "10:00", "North Borough Children's Services", "Conference minutes", "Chair",
        "Initial child protection conference. Child D was not made subject to a child "
        "protection plan.",
        "Child in need plan agreed.",
    ),
    (
        "26/04/2007", "", "North Borough Children's Services", "Supervision record", "TM1",
        "Supervision: case discussed with TM1.",
        "Child in need plan to continue.",
    ),
    (
        "17/05/2007", "", "North Borough Children's Services", "CSC case record", "SW1",
        "Core assessment completed.",
        "Child in need plan to continue.",
    ),
    (
        "21/05/2007", "", "North Borough Children's Services", "Supervision record", "TM1",
        "Supervision: case discussed with TM1.",
        "Plan continues.",
    ),
    (
        "12/06/2007", "", "North Borough Children's Services", "CIN review minutes", "SW1",
        "Child in need review meeting with Mother and the school.",
        "Plan continues.",
    ),
)  # fmt: skip


def render() -> bytes:
    """The CSV file's bytes (UTF-8, CRLF line ends as Excel writes them)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    """Write the sample to data/samples/ and to the package's datasets/files/."""
    data = render()
    for folder in (HERE, PACKAGE_FILES):
        (folder / NAME).write_bytes(data)
        print(f"wrote {folder / NAME}")


if __name__ == "__main__":
    main()
