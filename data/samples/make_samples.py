"""Write the fictional sample chronologies shipped with scr_timeline.

All people, places and events in these files are FICTIONAL. The cases are modelled on the
*patterns* seen in published English serious case reviews (missed injuries, unassessed family
friend placements, professional disagreements that were never escalated), never on their facts.
People are pseudonymised the way reviews do it ("Child A", "Mother", "Mr X", "SW1", "HV1").

Run from anywhere (deterministic: re-running gives byte-identical files)::

    python data/samples/make_samples.py

It writes, both to ``data/samples/`` and to ``scr_timeline/datasets/files/`` (package data):

- ``child-a-combined.csv``: a combined multi-agency chronology (UTF-8, one table).
- ``child-b-agencies.xlsx``: one sheet per agency, title rows above different headings, a
  two-row header, real Excel dates and times on some sheets and text dates on others.
- ``child-c-messy-dates.csv``: messy date forms, mixed time formats, organisations as agency
  names and an unknown agency; encoded cp1252 as many council exports are.

and ``data/samples/README.md`` (descriptions, row counts, rows expected to be rejected), which
is generated from the same row definitions so the row numbers it quotes cannot drift.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PACKAGE_FILES = REPO / "scr_timeline" / "datasets" / "files"

#: Fixed timestamp written into the xlsx container so the file is reproducible byte for byte.
FIXED_TIMESTAMP = dt.datetime(2024, 1, 1, 0, 0, 0)

Cell = str | int | dt.datetime | dt.date | dt.time | None


@dataclass(frozen=True)
class Row:
    """One data row of a sample, with the reason it should be rejected (if it should)."""

    cells: tuple[Cell, ...]
    reject: str | None = None


def row(*cells: Cell, reject: str | None = None) -> Row:
    """Build a :class:`Row` from its cells (``reject`` says why the reader must reject it)."""
    return Row(tuple(cells), reject)


@dataclass(frozen=True)
class Sheet:
    """A worksheet: name, title rows, header rows, data rows and what it demonstrates."""

    name: str
    titles: tuple[str, ...]
    header: tuple[tuple[str | None, ...], ...]
    rows: tuple[Row, ...]
    notes: str
    merges: tuple[str, ...] = ()
    date_format: str | None = None
    time_format: str | None = None

    @property
    def first_data_row(self) -> int:
        """1-based worksheet row of the first data row (after titles, a blank and headers)."""
        blank = 1 if self.titles else 0
        return len(self.titles) + blank + len(self.header) + 1


# =========================================================================================
# Child A: combined multi-agency chronology (pattern of a 2007 infant death review)
# =========================================================================================

CHILD_A_DOB = "2006-03-01"
CHILD_A_HEADER = (
    "Date",
    "Time",
    "Agency",
    "Source of Information",
    "Practitioner",
    "Significant Event",
    "Outcome/Action",
)

CHILD_A_ROWS: tuple[Row, ...] = (
    row(
        "01/03/2006",
        "09:42",
        "Midwifery",
        "Riverside Hospital maternity notes",
        "MW1",
        "Child A born at Riverside Hospital at 39 weeks by normal delivery, birth weight 3.4kg. "
        "Mother (aged 32) has three older children. No antenatal concerns recorded.",
        "Discharged home with Mother on 02/03/2006. Community midwife follow-up arranged.",
    ),
    row(
        "06/03/2006",
        "",
        "Midwifery",
        "Community midwifery record",
        "MW2",
        "Postnatal home visit. Mother and baby well, feeding well. Mother said the children's "
        "father had left the family home in late 2005 and she was managing alone.",
        "No concerns. Transfer to HV at day 10.",
    ),
    row(
        "14/3/06",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "New birth visit at home. Child A weighed 3.5kg. Home cluttered, two dogs in the "
        "living room. Mother reported she was coping with help from maternal grandmother.",
        "Universal service. 6-8 week check booked.",
    ),
    row(
        "19 April 2006",
        "10:10",
        "GP",
        "Elm Road Surgery records",
        "GP1",
        "6-week baby check. Child A well, normal examination. Mother's postnatal check: no "
        "low mood reported.",
        "Primary immunisations booked.",
    ),
    row(
        "03/05/2006",
        "",
        "GP",
        "Elm Road Surgery records",
        "Practice Nurse",
        "First primary immunisations given.",
        "Next due in 4 weeks.",
    ),
    row(
        "05/06/2006",
        "",
        "GP",
        "Elm Road Surgery records",
        "Practice Nurse",
        "Child A not brought for second immunisations (DNA).",
        "Letter sent to Mother with a new appointment.",
    ),
    row(
        "14/06/2006",
        "",
        "GP",
        "Elm Road Surgery records",
        "Practice Nurse",
        "Second primary immunisations given.",
        "Third due in 4 weeks.",
    ),
    row(
        "20/07/2006",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Child A weighed at clinic, 25th centile. Mother said Child A was a grizzly baby and "
        "she was very tired.",
        "Advice on sleep routine. Review at 8 months.",
    ),
    row(
        "Not known",
        "",
        "Police",
        "Police interview with Mother, August 2007",
        "DC2",
        "Mother's partner (Mr X) began staying at the family home some time in 2006. No "
        "agency was aware of him until after the index incident.",
        "Information obtained after the death; not known to any agency at the time.",
        reject="no date: 'Not known' is not a date (the review only learned of it later)",
    ),
    row(
        "11/10/2006",
        "",
        "GP",
        "Elm Road Surgery records",
        "GP2",
        "Child A seen with nappy rash and cough. Mother reported Child A had a bruise on his "
        "chest from when an older sibling fell on him. Small yellowish bruise to chest noted.",
        "Advice re nappy rash. No safeguarding action recorded.",
    ),
    row(
        "26/10/2006",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "8-month developmental check at home. Child A sitting unaided. Mother said Child A "
        "bumped his head on the side of the cot; faint bruise to right temple noted. Mother "
        "appeared low in mood.",
        "Advice on cot safety. No referral made. Review in 3 months.",
    ),
    row(
        "13/12/2006",
        "09:30",
        "GP",
        "Elm Road Surgery records",
        "GP1",
        "Mother brought Child A with bruises to face and chest. Mother said Child A bruises "
        "easily and had fallen from the sofa. GP1 concerned: bruises of different ages to "
        "forehead, left cheek and chest in a 9-month-old who is not yet crawling.",
        "GP1 referred Child A to Riverside Hospital for paediatric assessment and phoned the "
        "CSC duty desk (message left).",
    ),
    row(
        "13/12/2006",
        "11:15",
        "Riverside Hospital",
        "A&E records",
        "A&E SHO",
        "Child A attended A&E on GP referral. Bruising to forehead, left cheek, both sides of "
        "the chest and a small bruise behind the left ear. Mother's explanation: fell from the "
        "sofa onto a toy. Explanation not consistent with the pattern of bruising.",
        "Admitted to paediatric ward for a child protection medical. Hospital social worker "
        "informed.",
    ),
    row(
        "13/12/2006",
        "15:40",
        "CSC",
        "Contact record",
        "Duty SW",
        "Referral received by telephone from Riverside Hospital social worker: unexplained "
        "bruising to Child A (9 months). GP1's telephone message also received.",
        "TM1 decision: strategy discussion to be held, s47 likely. Case allocated to SW1.",
    ),
    row(
        "13/12/2006",
        "16:05",
        "Police",
        "CAIT referral log",
        "DS1",
        "CAIT informed by CSC of the referral regarding Child A.",
        "Crime report created. DC1 allocated.",
    ),
    row(
        "14/12/2006",
        "10:00",
        "Paediatrics",
        "Child protection medical report",
        "Dr P1 (Consultant Paediatrician)",
        "Child protection medical. Multiple bruises of varying ages to face, chest and left "
        "ear. Not consistent with the explanation given. Opinion: likely non-accidental injury.",
        "Skeletal survey and clotting screen requested. Report to CSC and police.",
    ),
    row(
        "14/12/2006",
        "14:00",
        "Riverside Hospital",
        "Radiology report",
        "Radiologist",
        "Skeletal survey: no fractures seen.",
        "Repeat views in 11-14 days.",
    ),
    row(
        "15/12/2006",
        "11:00",
        "CSC",
        "Strategy discussion minutes",
        "TM1",
        "Strategy discussion (TM1, SW1, DS1 CAIT, Dr P1 by phone). Threshold for s47 met. "
        "Joint investigation with police. Child A not to return to Mother's care while "
        "enquiries continue.",
        "s47 enquiry started. Mother to be arrested. Child A to be discharged to the care of "
        "a family friend.",
    ),
    row(
        "15/12/2006",
        "13:30",
        "Police",
        "CRIS report",
        "DC1",
        "Mother arrested on suspicion of child cruelty and interviewed. Mother denied causing "
        "the injuries and said she lived alone with the children.",
        "Bailed to 31/01/2007. Bail conditions: no unsupervised contact with Child A.",
    ),
    row(
        "15/12/2006",
        "17:00",
        "CSC",
        "Case notes",
        "SW1",
        "Child A discharged from Riverside Hospital and placed with Family friend (Ms F) by "
        "agreement with Mother. SW1 visited Ms F's home on arrival; Child A seen and settled.",
        "Family friend not assessed as a carer; no checks on the household undertaken.",
    ),
    row(
        "19/12/2006",
        "",
        "CSC",
        "Supervision record",
        "TM1 / SW1",
        "Supervision: case discussed. Placement with family friend to continue.",
        "ICPC booked for 22/12/2006.",
    ),
    row(
        "20/12/2006",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "HV1 informed by SW1 of the s47 enquiry and the placement with a family friend.",
        "HV1 to attend ICPC. Report submitted.",
    ),
    row(
        "22/12/2006",
        "10:00",
        "CSC",
        "ICPC minutes",
        "IRO1 (Chair)",
        "Initial child protection conference. Present: SW1, TM1, HV1, DC1, Mother; GP1 sent a "
        "report. Child A made subject to a child protection plan under the categories of "
        "physical abuse and neglect.",
        "Core group to meet within 10 working days. Key worker SW1. First review conference "
        "within 3 months.",
    ),
    row(
        "27/12/2006",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Home visit to family friend's address. Child A well and settled. Checked for "
        "bruising, none found.",
        "Universal plus service.",
    ),
    row(
        "02/01/2007",
        "",
        "Riverside Hospital",
        "Radiology report",
        "Radiologist",
        "Repeat skeletal survey views: no fractures seen.",
        "Result to Dr P1.",
    ),
    row(
        "04/01/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit to family friend. Child A seen and appeared well; no marks or bruises "
        "seen. Ms F said Mother visits daily.",
        "Placement to continue.",
    ),
    row(
        "08/01/2007",
        "",
        "Police",
        "CRIS report",
        "DC1",
        "Repeat skeletal survey result received. Investigation continues.",
        "File to be reviewed by DS1.",
    ),
    row(
        "16/01/2007",
        "",
        "CSC",
        "Core group minutes",
        "SW1",
        "First core group meeting (SW1, HV1, Mother, Ms F). Mother asked for Child A to come home.",
        "Written agreement to be drafted. Return home when agreed by TM1.",
    ),
    row(
        "24/01/2007",
        "",
        "CSC",
        "Case notes",
        "TM1",
        "TM1 agreed that Child A can return to Mother's care under a written agreement. Police "
        "view not sought.",
        "SW1 to arrange the return home.",
    ),
    row(
        "26/01/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Child A returned home to Mother's care. Written agreement signed: Mother not to leave "
        "Child A with unknown adults and to attend all appointments.",
        "Ms F to continue to support Mother. Referral to family support charity.",
    ),
    row(
        "31/01/2007",
        "",
        "Police",
        "CRIS report",
        "DC1",
        "Mother answered bail. Further medical opinion needed.",
        "Bail extended to 27/03/2007.",
    ),
    row(
        "02/02/2007",
        "",
        "Family Support Charity",
        "Family support records",
        "FSW1",
        "Referral from CSC accepted. First home visit: Mother, Child A and siblings present. "
        "Home cluttered, dogs in the living room.",
        "Weekly visits agreed.",
    ),
    row(
        "07/02/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Announced home visit. Child A seen in highchair. Small scratch to nose; Mother said "
        "the dog did it.",
        "Advice given about the dogs.",
    ),
    row(
        "12/02/2007",
        "",
        "GP",
        "Elm Road Surgery records",
        "Practice Nurse",
        "Child A not brought to immunisation appointment (DNA).",
        "Appointment re-sent. HV not told.",
    ),
    row(
        "16/02/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A seen with Mother; no marks or bruises seen. Mother said she was "
        "coping well.",
        "Next visit in 2 weeks.",
    ),
    row(
        "21/02/2007",
        "",
        "Family Support Charity",
        "Family support records",
        "FSW1",
        "Home visit. Mother said a male friend sometimes helps with the children; she would "
        "not give his name.",
        "Not shared with SW1.",
    ),
    row(
        "05/03/2007",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Child A was not brought to HV clinic for a weight check.",
        "HV1 wrote to Mother offering a home visit.",
    ),
    row(
        "09/03/2007",
        "",
        "CSC",
        "Core group minutes",
        "SW1",
        "Core group meeting. Mother reported all going well. HV1 sent apologies.",
        "Plan continues.",
    ),
    row(
        "15/03/2007",
        "10:00",
        "CSC",
        "RCPC minutes",
        "IRO1 (Chair)",
        "Review child protection conference. Police reported the investigation was ongoing. "
        "Child A to remain subject to a child protection plan (physical abuse and neglect).",
        "Next review in 6 months.",
    ),
    row(
        "20/03/2007",
        "",
        "CSC",
        "Supervision record",
        "TM1 / SW1",
        "Supervision: case discussed briefly; progress noted.",
        "Plan continues.",
    ),
    row(
        "27/03/2007",
        "",
        "Police",
        "CRIS report",
        "DC1",
        "Mother answered bail. File sent to CPS for advice.",
        "Bail extended.",
    ),
    row(
        "09/04/2007",
        "19:20",
        "Riverside Hospital",
        "A&E records",
        "A&E SHO",
        "Child A brought to A&E by Mother with swelling to the left side of the head. Mother "
        "said Child A fell against the fireplace. Head injury; no skull X-ray taken.",
        "Discharged home with head injury advice. Paediatric liaison form sent to HV. CSC not "
        "told.",
    ),
    row(
        "10/04/2007",
        "",
        "Health Visiting",
        "HV record",
        "Liaison HV",
        "A&E liaison notification received about the attendance on 09/04/2007.",
        "Passed to HV1. Not shared with SW1.",
    ),
    row(
        "13/04/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Mother cancelled the planned home visit by phone as she was going out.",
        "Visit rearranged.",
    ),
    row(
        "19/04/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A seen; fading bruise to left side of forehead, Mother said from the "
        "fall on 09/04/2007.",
        "SW1 emailed TM1.",
    ),
    row(
        "01/05/2007",
        "15:10",
        "CSC",
        "Case notes",
        "SW1",
        "Family friend (Ms F) brought Child A to the CSC office: bruising to the face and "
        "scratches to the head and ears.",
        "SW1 took Child A to Riverside Hospital. Police informed.",
    ),
    row(
        "01/05/2007",
        "17:30",
        "Riverside Hospital",
        "Paediatric ward records",
        "Paediatric registrar",
        "Child A admitted: bruises to face and chest, scratches to scalp and ears. Mother said "
        "the marks were from head lice treatment and falls.",
        "Admitted for child protection medical.",
    ),
    row(
        "02/05/2007",
        "11:00",
        "Paediatrics",
        "Child protection medical report",
        "Dr P2 (Consultant Paediatrician)",
        "Child protection medical: some marks consistent with scratching from head lice; "
        "bruise to the chin unexplained; non-accidental injury cannot be excluded.",
        "Report to SW1 and DC1.",
    ),
    row(
        "04/05/2007",
        "14:00",
        "CSC",
        "Strategy discussion minutes",
        "TM1",
        "Strategy discussion (TM1, SW1, DC1, Dr P2). s47 enquiries to continue. Child A to "
        "return to Mother's care on discharge.",
        "Child A discharged home to Mother. SW1 to visit weekly.",
    ),
    row(
        "04/05/2007",
        "",
        "Police",
        "CRIS report",
        "DC1",
        "Attended strategy discussion. Second investigation opened about the bruising seen on "
        "01/05/2007.",
        "Mother to be re-interviewed.",
    ),
    row(
        "08/05/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A seen; scratches healing. Mother said she is using head lice "
        "treatment as advised.",
        "Next visit in a week.",
    ),
    row(
        "09/05/2007",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Home visit. Child A had scabs on his scalp; Mother said head lice. Mother said a male "
        "friend is supporting her.",
        "Not shared with SW1. Review in 4 weeks.",
    ),
    row(
        "15/05/2007",
        "",
        "Police",
        "CRIS report",
        "DC1",
        "Mother re-interviewed under caution about the bruising of 01/05/2007. She denied "
        "causing it.",
        "Bail extended pending CPS advice.",
    ),
    row(
        "22/05/2007",
        "",
        "Family Support Charity",
        "Family support records",
        "FSW1",
        "Home visit. Child A had a bruise to his cheek; Mother said he fell in the garden.",
        "FSW1 telephoned SW1 and left a message.",
    ),
    row(
        "04/06/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Unannounced home visit. Child A's face appeared smeared with food and SW1 did not ask "
        "for it to be cleaned. Mother said Child A had a cold.",
        "Next visit in 2 weeks.",
    ),
    row(
        "06/06/2007",
        "",
        "GP",
        "Elm Road Surgery records",
        "GP1",
        "Child A seen with ear infection and a rash to the scalp. No bruises seen.",
        "Antibiotics. Referred to Child Development Centre for developmental delay.",
    ),
    row(
        "11/06/2007",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Telephone discussion with SW1. HV1 said she disagreed with the decision to keep "
        "Child A at home given repeated unexplained injuries, and was worried that Mother had "
        "a male friend. SW1 said the plan was working and the police investigation was "
        "continuing.",
        "HV1 did not take the matter to her manager or to TM1.",
    ),
    row(
        "14/06/2007",
        "",
        "CSC",
        "Supervision record",
        "TM1 / SW1",
        "Supervision: HV concerns noted. TM1 view: Mother cooperating, no new injuries since May.",
        "Plan continues. Legal advice to be sought.",
    ),
    row(
        "18/06/2007",
        "",
        "CSC",
        "Core group minutes",
        "SW1",
        "Core group meeting (SW1, HV1, FSW1, Mother).",
        "Plan continues.",
    ),
    row(
        "20/06/2007",
        "",
        "Paediatrics",
        "CDC appointment record",
        "CDC admin",
        "Child A did not attend Child Development Centre appointment.",
        "New appointment sent for 01/08/2007. GP informed by letter.",
    ),
    row(
        "26/06/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A seen in the garden with siblings. No injuries noted.",
        "Next visit in 2 weeks.",
    ),
    row(
        "02/07/2007",
        "",
        "Police",
        "CRIS report",
        "DS1",
        "CPS advice received: insufficient evidence to charge Mother for the injuries of "
        "December 2006 and May 2007.",
        "No further police action. Mother released from bail. CSC informed by letter.",
    ),
    row(
        "10/07/2007",
        "",
        "Family Support Charity",
        "Family support records",
        "FSW1",
        "Home visit. Child A in his cot, appeared withdrawn. A man was in the house and left "
        "when FSW1 arrived; Mother said he was a friend.",
        "Not shared with CSC.",
    ),
    row(
        "12/07/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A seen on Mother's lap; Mother said he was teething.",
        "Next visit in 2 weeks.",
    ),
    row(
        "18/07/2007",
        "12:25",
        "Riverside Hospital",
        "A&E records",
        "A&E SHO",
        "Child A brought to A&E by Mother with a swollen right wrist; Mother said his arm was "
        "trapped in the cot bars. X-ray: buckle fracture of the right wrist. Child protection "
        "plan status not checked.",
        "Plaster applied, fracture clinic follow-up, discharged home. CSC not told.",
    ),
    row(
        "19/07/2007",
        "",
        "GP",
        "Elm Road Surgery records",
        "GP1",
        "A&E discharge letter received about the wrist fracture.",
        "Filed.",
    ),
    row(
        "23/07/2007",
        "",
        "Health Visiting",
        "HV record",
        "HV1",
        "Home visit. Child A's arm in plaster; Mother said he trapped it in his cot. Mother "
        "said Mother's partner was no longer around.",
        "HV1 telephoned SW1 to inform.",
    ),
    row(
        "25/07/2007",
        "",
        "CSC",
        "Legal planning meeting record",
        "TM1",
        "Legal planning meeting (TM1, SW1, LA solicitor). Legal advice: threshold for care "
        "proceedings not met on current evidence.",
        "Child protection plan continues. Review conference to be brought forward.",
    ),
    row(
        "27/07/2007",
        "",
        "CSC",
        "Case notes",
        "SW1",
        "Home visit. Child A not seen: Mother said he was asleep upstairs.",
        "Visit to be rearranged.",
    ),
    row(
        "01/08/2007",
        "10:30",
        "Paediatrics",
        "CDC clinic letter",
        "Dr P3 (Consultant Paediatrician)",
        "Child A seen at the Child Development Centre with Mother. Child A miserable and "
        "unwell; full examination not possible. Bruising to face and back noted; Mother said "
        "he fell. Wrist fracture noted from A&E letter.",
        "Review in 2 months. Letter to GP. No child protection referral made.",
    ),
    row(
        "03/08/2007",
        "11:35",
        "Ambulance Service",
        "LAS patient report form",
        "Paramedic",
        "999 call: Child A found unresponsive in his cot. CPR started. Conveyed to Riverside "
        "Hospital.",
        "Handed over to A&E.",
    ),
    row(
        "03/08/2007",
        "12:20",
        "Riverside Hospital",
        "A&E records",
        "A&E consultant",
        "Child A pronounced dead in A&E (index incident). Multiple bruises to face and body.",
        "Police and CSC informed. Rapid response process started.",
    ),
    row(
        "03/08/2007",
        "16:00",
        "Police",
        "CRIS report",
        "DI1",
        "Mother and Mother's partner (Mr X) arrested on suspicion of causing the death of Child A.",
        "Major investigation team appointed.",
    ),
    row(
        "04/08/2007",
        "",
        "CSC",
        "Case notes",
        "TM1",
        "CSC informed of the death of Child A. Strategy discussion about the siblings.",
        "Siblings placed in foster care.",
    ),
    row(
        "06/08/2007",
        "",
        "Riverside Hospital",
        "Post-mortem report",
        "Pathologist",
        "Post-mortem: fractured spine, eight fractured ribs and multiple bruises of different "
        "ages.",
        "Report to coroner and police.",
    ),
)


# =========================================================================================
# Child B: one sheet per agency (neglect and domestic abuse, 2011-2013)
# =========================================================================================

CHILD_B_DOB = "2005-09-14"
_B_BOARD = "North Borough Safeguarding Children Board"
_B_REVIEW = "Serious Case Review: Child B"


def d(text: str) -> dt.datetime:
    """An Excel date cell value from ``"YYYY-MM-DD"`` (stored as a datetime at midnight)."""
    return dt.datetime.fromisoformat(text)


def t(text: str) -> dt.time:
    """An Excel time cell value from ``"HH:MM"``."""
    return dt.time.fromisoformat(text)


CHILD_B_CSC = Sheet(
    name="CSC",
    titles=(_B_BOARD, _B_REVIEW, "Agency chronology: Children's Social Care"),
    header=(("Date of contact", "Time", "Source", "Worker", "Summary of contact", "Action taken"),),
    date_format="dd/mm/yyyy",
    time_format="hh:mm",
    notes="three title rows; real Excel dates (date format dd/mm/yyyy) and real Excel times in "
    "a separate Time column (some blank); no agency column (agency = sheet name)",
    rows=(
        row(
            d("2011-03-14"),
            t("10:20"),
            "Contact record",
            "Duty SW",
            "Contact from HV2: Sibling born 05/02/2011; home conditions poor. Mother said her "
            "partner (Mr Y) had been violent in the past but has left. Child B (5) attends Oak "
            "Lane Primary School.",
            "Threshold for initial assessment not met. Signposted to children's centre. NFA.",
        ),
        row(
            d("2011-09-26"),
            t("14:05"),
            "Contact record",
            "Duty SW",
            "Referral from Oak Lane Primary School DSL: Child B arriving late, hungry, in unwashed "
            "uniform; persistent head lice.",
            "Initial assessment agreed. Allocated to SW1.",
        ),
        row(
            d("2011-10-05"),
            None,
            "Case notes",
            "SW1",
            "Home visit. Child B and Sibling seen. Home cluttered, little food in the fridge. "
            "Mother said Mr Y no longer lives there.",
            "Initial assessment continues.",
        ),
        row(
            d("2011-10-12"),
            None,
            "Initial assessment record",
            "SW1",
            "Initial assessment completed: neglect concerns; Mother engaging.",
            "Child in need plan. CIN meeting to be arranged.",
        ),
        row(
            d("2011-11-02"),
            t("13:30"),
            "CIN meeting minutes",
            "SW1",
            "Child in need meeting (SW1, school DSL, HV2, Mother).",
            "CIN plan: Mother to attend a parenting course; breakfast club place at school.",
        ),
        row(
            d("2011-12-20"),
            None,
            "Supervision record",
            "TM1",
            "Supervision: progress with the CIN plan noted.",
            "Review in 3 months.",
        ),
        row(
            d("2012-02-06"),
            t("09:15"),
            "Contact record",
            "Duty SW",
            "Police notification (MERLIN) received: domestic incident on 03/02/2012 at the home "
            "address; Mr Y present; children asleep upstairs.",
            "Passed to SW1 to discuss with Mother.",
        ),
        row(
            d("2012-02-09"),
            None,
            "Case notes",
            "SW1",
            "Home visit. Mother said the incident was just an argument and Mr Y has gone. Child "
            "B seen; no marks or bruises seen.",
            "CIN plan continues.",
        ),
        row(
            d("2012-04-18"),
            t("10:00"),
            "CIN meeting minutes",
            "SW1",
            "CIN review. School reported attendance of 84%. Mother did not finish the parenting "
            "course.",
            "Plan to close if attendance improves.",
        ),
        row(
            d("2012-06-27"),
            None,
            "Case notes",
            "TM1",
            "Management decision: concerns reduced, case to close.",
            "Case closed. Letters to Mother and agencies.",
        ),
        row(
            d("2012-07-16"),
            t("11:40"),
            "Contact record",
            "Duty SW",
            "Police notification: domestic incident on 14/07/2012; Mr Y back in the household; "
            "Child B present and upset.",
            "Threshold not met. Letter to Mother with information about DV services.",
        ),
        row(
            d("2012-11-11"),
            t("02:10"),
            "EDT log",
            "EDT SW",
            "Out-of-hours call from police: Mr Y arrested after assaulting Mother; Child B and "
            "Sibling present, Child B woken and crying. Children to stay with Mother; Mr Y in "
            "custody.",
            "Passed to day team for urgent follow-up.",
        ),
        row(
            d("2012-11-12"),
            t("10:05"),
            "Contact record",
            "Duty SW",
            'Referral from Oak Lane Primary School DSL: Child B said Mr Y "hit mummy and I hid" '
            "and that there is no food at home.",
            "Referral accepted. Strategy discussion to be convened. Allocated to SW2.",
        ),
        row(
            d("2012-11-14"),
            t("14:00"),
            "Strategy discussion minutes",
            "TM2",
            "Strategy discussion (TM2, SW2, DS1 CAIT). Health not invited. Agreed s47 enquiries "
            "(neglect and emotional harm).",
            "s47 enquiry. ICPC to be convened.",
        ),
        row(
            d("2012-11-15"),
            None,
            "Case notes",
            "SW2",
            "s47 home visit. Child B seen alone: said she is hungry at night. Home very dirty, "
            "dog faeces on the floor, no bed for Child B.",
            "Written agreement: Mr Y not to return to the home.",
        ),
        row(
            d("2012-12-05"),
            t("10:00"),
            "ICPC minutes",
            "IRO1",
            "Initial child protection conference. Child B and Sibling made subject to child "
            "protection plans under the category of neglect.",
            "Core group within 10 working days. First review in 3 months.",
        ),
        row(
            d("2012-12-13"),
            None,
            "Core group minutes",
            "SW2",
            "First core group meeting (SW2, HV3, school DSL, Mother).",
            "Home conditions and school attendance to be monitored.",
        ),
        row(
            d("2013-01-23"),
            None,
            "Case notes",
            "SW2",
            "Home visit. Children not seen: Child B at school, Sibling at nursery. Mother said Mr "
            "Y visits occasionally.",
            "None recorded.",
        ),
        row(
            d("2013-02-14"),
            None,
            "Supervision record",
            "TM2",
            "Supervision. No visit recorded since 23/01/2013.",
            "SW2 to visit this week.",
        ),
        row(
            d("2013-03-05"),
            t("10:00"),
            "RCPC minutes",
            "IRO1",
            "Review child protection conference. Little progress; Child B's attendance 79%.",
            "Plans continue. Legal advice to be sought.",
        ),
        row(
            d("2013-04-30"),
            None,
            "Case notes",
            "TM2",
            "Case transferred to SW3 as SW2 has left.",
            "SW3 to visit.",
        ),
        row(
            d("2013-06-18"),
            t("16:10"),
            "Contact record",
            "SW3",
            "Hospital social worker phoned: Child B admitted to Riverside Hospital with scald "
            "burns to both legs.",
            "Strategy discussion to be held on the ward.",
        ),
        row(
            d("2013-06-19"),
            t("11:00"),
            "Strategy discussion minutes",
            "TM2",
            "Strategy discussion (TM2, SW3, DC3, Dr P5). s47 enquiry for both children.",
            "Sibling placed in foster care under police protection; Child B to remain in hospital.",
        ),
    ),
)

CHILD_B_POLICE = Sheet(
    name="Police",
    titles=(_B_REVIEW, "Agency chronology: Police"),
    header=(("Date/Time", "Who", "What happened", "Decision"),),
    date_format="dd/mm/yyyy hh:mm",
    notes="two title rows; date and time in ONE real Excel datetime cell (format dd/mm/yyyy "
    "hh:mm; 00:00 where no time was recorded); headings Date/Time | Who | What happened | "
    "Decision",
    rows=(
        row(
            dt.datetime(2011, 8, 20, 21, 30),
            "PC1",
            "Call from neighbour: shouting at the address. Mother and Mr Y arguing; no offences "
            "disclosed. Children in bed, not seen.",
            "DASH risk: standard. Non-crime domestic report.",
        ),
        row(
            dt.datetime(2012, 2, 3, 23, 15),
            "PC2 / PC3",
            "Domestic incident. Mother called police: Mr Y shouting and banging doors. Mr Y left "
            "before police arrived. Child B (6) and Sibling (1) asleep upstairs.",
            "DASH risk: medium. MERLIN notification to CSC.",
        ),
        row(
            dt.datetime(2012, 2, 4, 8, 30),
            "PPU DS2",
            "MERLIN reviewed by the public protection unit.",
            "Sent to CSC by secure email.",
        ),
        row(
            dt.datetime(2012, 7, 14, 19, 50),
            "PC4",
            "Domestic incident: Mr Y drunk and abusive to Mother. Child B present and crying. Mr "
            "Y removed from the address.",
            "DASH risk: medium. MERLIN to CSC.",
        ),
        row(
            dt.datetime(2012, 7, 15, 0, 0),
            "PPU",
            "MERLIN notification sent to CSC.",
            "None.",
        ),
        row(
            dt.datetime(2012, 9, 3, 16, 20),
            "PC5",
            "Mother detained for shoplifting food at a supermarket; Child B with her.",
            "Community resolution.",
        ),
        row(
            dt.datetime(2012, 11, 10, 23, 55),
            "PC6",
            "Domestic incident: Mr Y punched Mother in the face in front of Child B and Sibling. "
            "Mr Y arrested for assault (ABH).",
            "DASH risk: high. Referral to MARAC. EDT informed by phone at 02:10.",
        ),
        row(
            dt.datetime(2012, 11, 11, 14, 0),
            "DC2",
            "Mr Y interviewed and charged with assault (ABH).",
            "Remanded to court on 12/11/2012.",
        ),
        row(
            dt.datetime(2012, 11, 12, 15, 30),
            "CAIT DS1",
            "Notification from CSC about the school's referral.",
            "Strategy discussion on 14/11/2012.",
        ),
        row(
            dt.datetime(2012, 11, 14, 14, 0),
            "DS1",
            "Strategy discussion with CSC.",
            "Single-agency s47 by CSC (neglect); police to pursue the assault.",
        ),
        row(
            dt.datetime(2012, 11, 22, 10, 0),
            "MARAC coordinator",
            "MARAC discussion about Mother.",
            "IDVA allocated; flag placed on the address.",
        ),
        row(
            dt.datetime(2013, 1, 5, 22, 30),
            "PC7",
            "Mr Y found at the home address in breach of bail; arrested. Child B present.",
            "MERLIN notification to CSC.",
        ),
        row(
            dt.datetime(2013, 3, 20, 0, 0),
            "DC2",
            "Mr Y convicted of assault at magistrates' court.",
            "Restraining order: no contact with Mother.",
        ),
        row(
            dt.datetime(2013, 6, 18, 16, 30),
            "DC3 (CAIT)",
            "Attended Riverside Hospital: Child B admitted with scald burns.",
            "Police protection powers used for Child B and Sibling.",
        ),
    ),
)

CHILD_B_GP = Sheet(
    name="GP",
    titles=("Meadow Lane Medical Centre: records relating to Child B",),
    header=(("Ref", "Date", "Professional", "Details", "Action"),),
    notes="one title row; a sequence column (Ref); TEXT dates written '22 Sep 2011'",
    rows=(
        row(
            1,
            "22 Sep 2011",
            "GP1",
            "Child B seen with cough and wheeze; possible asthma. Thin, weight 9th centile.",
            "Salbutamol inhaler. Review in 2 weeks.",
        ),
        row(2, "06 Oct 2011", "GP1", "Child B not brought to asthma review (DNA).", "Rebooked."),
        row(
            3,
            "09 Jan 2012",
            "GP2",
            "Mother seen: low mood, said she argues with her partner. Asked about the children: "
            "said they are fine.",
            "Referral to counselling.",
        ),
        row(
            4,
            "06 Mar 2012",
            "GP1",
            "Child B seen: asthma poorly controlled; Mother said the inhaler was lost.",
            "New prescription.",
        ),
        row(5, "12 Apr 2012", "Practice Nurse", "Child B was not brought to asthma clinic.", ""),
        row(
            6,
            "30 May 2012",
            "Practice Nurse",
            "Child B was not brought to asthma clinic again.",
            "Letter to Mother.",
        ),
        row(
            7,
            "25 Jul 2012",
            "GP1",
            "Child B seen with impetigo and head lice. No injuries noted.",
            "Antibiotic cream.",
        ),
        row(
            8,
            "01 Aug 2012",
            "Admin",
            "A&E letter received: Child B attended 29/07/2012 with forehead laceration.",
            "Filed.",
        ),
        row(
            9,
            "19 Nov 2012",
            "GP1",
            "Request from CSC for a report for the ICPC.",
            "Report sent 30/11/2012.",
        ),
        row(
            10,
            "05 Dec 2012",
            "GP1",
            "ICPC held; GP did not attend (report only).",
            "Child protection alert added to the record.",
        ),
        row(
            11,
            "11 Apr 2013",
            "GP2",
            "Child B seen with cough; weight 2nd centile. Mother said Child B is a fussy eater.",
            "Referred to community paediatrics.",
        ),
        row(
            12,
            "20 Jun 2013",
            "Admin",
            "Letter from Riverside Hospital: Child B admitted 18/06/2013 with scald burns.",
            "Passed to GP1.",
        ),
    ),
)

CHILD_B_HV = Sheet(
    name="Health Visiting",
    titles=("Agency chronology: Health Visiting (household of Child B)",),
    header=(
        ("Date", None, "Practitioner", "Contact", None, "Outcome"),
        ("From", "To", None, "Type", "Details", None),
    ),
    merges=("A3:B3", "C3:C4", "D3:E3", "F3:F4"),
    notes="one title row and a TWO-ROW header: merged 'Date' over 'From' and 'To', merged "
    "'Contact' over 'Type' and 'Details', 'Practitioner' and 'Outcome' merged down both rows; "
    "text dates dd/mm/yy; some rows are periods (From and To)",
    rows=(
        row(
            "14/02/11",
            "",
            "HV2",
            "Home visit",
            "New birth visit for Sibling. Home cluttered. Child B (5) at home, not at school. "
            "Mother said Mr Y has left.",
            "HV2 to contact CSC about home conditions.",
        ),
        row(
            "14/03/11",
            "",
            "HV2",
            "Telephone",
            "HV2 phoned CSC duty desk about home conditions and past DV.",
            "CSC: threshold not met.",
        ),
        row(
            "08/04/11",
            "20/05/11",
            "HV2",
            "Clinic",
            "Sibling weighed at clinic on four occasions in this period; weight fell from the "
            "50th to the 25th centile.",
            "Feeding advice.",
        ),
        row("27/06/11", "", "HV2", "DNA", "Sibling not brought to clinic.", "Letter to Mother."),
        row(
            "11/07/11",
            "",
            "HV2",
            "DNA",
            "Sibling not brought to clinic again.",
            "Home visit planned.",
        ),
        row("20/07/11", "", "HV2", "Home visit", "No reply at the address.", "Card left."),
        row(
            "05/09/11",
            "",
            "HV2",
            "Home visit",
            "Sibling seen: severe nappy rash. Child B at home on a school day.",
            "Advice. School nurse informed.",
        ),
        row(
            "02/11/11",
            "",
            "HV2",
            "Meeting",
            "Attended child in need meeting.",
            "HV to see Sibling monthly.",
        ),
        row(
            "13/02/12",
            "",
            "HV2",
            "Developmental check",
            "Sibling 1-year check: speech delay, home conditions poor. Child B present after "
            "school; no marks or bruises seen.",
            "Referral to speech and language therapy.",
        ),
        row(
            "20/11/12",
            "",
            "HV3",
            "Telephone",
            "HV3 learned of the s47 enquiry from the school nurse; health was not invited to "
            "the strategy discussion.",
            "HV3 to attend ICPC.",
        ),
        row(
            "05/12/12",
            "",
            "HV3",
            "Conference",
            "Attended ICPC; both children made subject to child protection plans.",
            "HV3 to visit every 4 weeks.",
        ),
        row("13/12/12", "", "HV3", "Core group", "Attended core group.", ""),
        row(
            "15/03/13",
            "30/04/13",
            "HV3",
            "Home visits",
            "Three home visits in this period: home conditions unchanged; Sibling's weight static.",
            "Shared with SW2 and then SW3.",
        ),
    ),
)

CHILD_B_HOSPITAL = Sheet(
    name="Hospital",
    titles=(
        _B_BOARD,
        _B_REVIEW,
        "Agency chronology: Riverside Hospital NHS Trust (acute and community paediatrics)",
    ),
    header=(
        (
            "Date of Event",
            "Time",
            "Organisation",
            "Professional",
            "Description",
            "Action/Outcome",
            "Reviewer comment",
        ),
    ),
    date_format="dd/mm/yyyy",
    notes="three title rows; real Excel dates with text times ('14:50'); an Organisation "
    "column (A&E, maternity, paediatric ward, community paediatrics); a Reviewer comment column",
    rows=(
        row(
            d("2011-02-05"),
            "03:12",
            "Riverside Hospital Maternity",
            "MW3",
            "Sibling born. Mother disclosed past domestic abuse by Mr Y.",
            "Health visitor notified.",
            "",
        ),
        row(
            d("2011-12-28"),
            "21:40",
            "Riverside Hospital A&E",
            "ED SHO",
            "Child B (6) attended with wheeze. Mother smelt of alcohol.",
            "Nebuliser given; discharged. No referral.",
            "An opportunity to consider neglect was missed.",
        ),
        row(
            d("2012-07-29"),
            "16:05",
            "Riverside Hospital A&E",
            "ED nurse",
            "Child B with a laceration to the forehead; Mother said she fell off a bunk bed.",
            "Steri-strips. Paediatric liaison notified the school nurse.",
            "",
        ),
        row(
            d("2012-08-30"),
            "",
            "Community Paediatrics",
            "Dr P4",
            "Child B not brought to community paediatric appointment (growth).",
            "Rebooked; GP informed.",
            "",
        ),
        row(
            d("2012-10-18"),
            "09:30",
            "Community Paediatrics",
            "Dr P4",
            "Child B seen for faltering growth: weight 0.4th centile. No organic cause found.",
            "Dietetics referral; review in 3 months.",
            "",
        ),
        row(
            d("2012-11-11"),
            "00:40",
            "Riverside Hospital A&E",
            "ED SHO",
            "Mother attended with a facial injury after an assault by her partner; said the "
            "children were with a neighbour.",
            "Treated and discharged.",
            "No enquiry about the children's safety recorded.",
        ),
        row(
            d("2013-01-17"),
            "",
            "Community Paediatrics",
            "Dr P4",
            "Child B not brought to review.",
            "Letter to GP and SW2.",
            "",
        ),
        row(
            d("2013-06-18"),
            "14:50",
            "Riverside Hospital A&E",
            "ED consultant",
            "Child B (7) brought by Mother with infected scald burns to both legs; Mother said it "
            "happened in the bath 2 days ago. Delay in presentation; burn pattern suggests "
            "immersion.",
            "Admitted. Hospital social worker referred to CSC; police informed.",
            "Index incident.",
        ),
        row(
            d("2013-06-19"),
            "10:00",
            "Riverside Hospital Paediatric Ward",
            "Dr P5",
            "Child protection medical: immersion scald, evidence of severe neglect, weight below "
            "the 0.4th centile.",
            "Report to CSC and police.",
            "",
        ),
        row(
            d("2013-06-19"),
            "11:00",
            "Riverside Hospital Paediatric Ward",
            "Dr P5",
            "Took part in the strategy discussion held on the ward.",
            "Child B to remain in hospital.",
            "",
        ),
    ),
)

CHILD_B_SCHOOL = Sheet(
    name="School",
    titles=("Oak Lane Primary School", "Agency chronology: School"),
    header=(("Date", "Event", "Outcome"),),
    notes="two title rows; headings Date | Event | Outcome only; TEXT dates dd/mm/yyyy",
    rows=(
        row(
            "07/09/2011",
            "Child B started Year 2. Unkempt, head lice.",
            "Letter home about head lice.",
        ),
        row(
            "26/09/2011",
            "Child B arriving late, hungry, in unwashed uniform. DSL discussed with head teacher.",
            "DSL referral to CSC by phone.",
        ),
        row("03/10/2011", "Breakfast club place offered to Child B.", "Mother accepted."),
        row("02/11/2011", "DSL attended child in need meeting.", "Attendance to be monitored."),
        row(
            "06/02/2012",
            'Child B tired in class; said "the police came to our house".',
            "DSL logged it; no call to CSC as it was assumed CSC knew.",
        ),
        row("18/04/2012", "Attendance report to CIN review: 84%.", "Sent to SW1."),
        row(
            "16/07/2012",
            'Child B upset; said Mr Y "smashed the telly".',
            "DSL phoned CSC: told a police notification had been received.",
        ),
        row(
            "",
            "Attendance for the autumn term 2012: 79%, with 14 late marks.",
            "Reported to the education welfare officer.",
            reject="no date: the date cell is empty (a term summary, not an event)",
        ),
        row(
            "12/11/2012",
            'Child B told her teacher that Mr Y "hit mummy and I hid" and that there was no '
            "food at home.",
            "DSL referral to CSC by phone at 09:50, followed up in writing.",
        ),
        row(
            "14/11/2012",
            "School was not invited to the strategy discussion.",
            "DSL asked SW2 for an update.",
        ),
        row("05/12/2012", "DSL attended ICPC.", "Child protection plan for neglect."),
        row(
            "10/01/2013",
            "Child B wearing the same clothes all week and smelling; given clothes from lost "
            "property.",
            "Shared with SW2 by email.",
        ),
        row(
            "21/02/2013",
            "Child B hungry; seen taking food from other children's lunch boxes.",
            "Shared with SW2. Breakfast club restarted.",
        ),
        row("05/03/2013", "DSL attended review conference.", "Plan continues."),
        row(
            "17/06/2013",
            "Child B absent with no call from Mother.",
            "Office phoned Mother: no answer.",
        ),
        row(
            "18/06/2013",
            "Child B absent again; no reply from Mother.",
            "DSL emailed SW3 about the absence.",
        ),
    ),
)

CHILD_B_SHEETS: tuple[Sheet, ...] = (
    CHILD_B_CSC,
    CHILD_B_POLICE,
    CHILD_B_GP,
    CHILD_B_HV,
    CHILD_B_HOSPITAL,
    CHILD_B_SCHOOL,
)


# =========================================================================================
# Child C: messy dates, mixed times, organisations as agencies, cp1252 (2015-2016)
# =========================================================================================

CHILD_C_DOB = "2015-09-02"
CHILD_C_HEADER = (
    "Date or Period of Event",
    "Time",
    "Agency",
    "Practitioner",
    "Event/Details",
    "Outcome",
)
_NBCS = "North Borough Children's Services"
_RUH = "Riverside University Hospital"
_ERS = "Elm Road Surgery"
_ACME = "Acme Tenancy Support"

CHILD_C_ROWS: tuple[Row, ...] = (
    row(
        "12/05/2015",
        "10:30",
        _RUH,
        "MW1 (community midwife)",
        "Late booking at 22 weeks. Mother (19, care leaver) disclosed past domestic abuse by "
        "Father (Mr Z).",
        "Referral to MASH by MW1.",
    ),
    row(
        "15/05/15",
        "",
        _NBCS,
        "MASH SW",
        "Referral received from midwife: unborn baby, past DV, Mother a care leaver.",
        "Pre-birth assessment agreed. Allocated to SW1.",
    ),
    row(
        "3.7.15",
        "",
        _NBCS,
        "SW1",
        "Home visit for the pre-birth assessment. Mother said Father is no longer in contact.",
        "Assessment continues.",
    ),
    row(
        "28/07/2015",
        "9.15am",
        _ERS,
        "GP1",
        "Mother seen: low mood in pregnancy.",
        "Sertraline started. Review in 2 weeks.",
    ),
    row(
        "02/09/2015",
        "1430hrs",
        _RUH,
        "Labour ward midwife",
        "Child C born at 38 weeks, weight 2.9kg.",
        "Transfer to postnatal ward.",
    ),
    row(
        "04/09/2015",
        "2.30pm",
        _RUH,
        "MW2",
        "Father present on the postnatal ward, aggressive to staff; security called.",
        "MW2 phoned SW1. Mother and Child C discharged home.",
    ),
    row(
        "11/09/2015",
        "",
        "Health Visiting",
        "HV1",
        "New birth visit. Child C feeding well. Mother said Father has not visited.",
        "Universal plus service.",
    ),
    row(
        "18/09/2015",
        "",
        _NBCS,
        "SW1",
        "Pre-birth assessment completed after the birth. Child in need plan agreed.",
        "Child in need meeting in 6 weeks.",
    ),
    row(
        "w/c 12/10/15",
        "",
        "HV",
        "HV1",
        "Child C weighed at the children's centre clinic during the week: 9th centile.",
        "Re-weigh in 2 weeks.",
    ),
    row(
        "23/10/2015",
        "2315hrs",
        "Met Police",
        "PC1",
        "Domestic incident: Father assaulted Mother while she held Child C. Father left before "
        "police arrived.",
        "DASH risk: medium. MERLIN notification to CSC.",
    ),
    row(
        "26/10/2015",
        "",
        _NBCS,
        "SW1",
        "Police notification received. SW1 phoned Mother, who said Father will not be let in "
        "again.",
        "CIN plan continues.",
    ),
    row(
        "28/10/2015",
        "",
        _ERS,
        "Practice Nurse",
        "Child C was not brought for 8-week immunisations.",
        "Rebooked.",
    ),
    row(
        "November 2015",
        "",
        _ACME,
        "TSW1",
        "Tenancy support worker visited: flat cold, Mother has £340 rent arrears.",
        "Help to apply for a hardship grant.",
    ),
    row(
        "25/11/2015",
        "",
        _ERS,
        "Practice Nurse",
        "Child C was not brought for immunisations again.",
        "Letter to Mother. HV not informed.",
    ),
    row(
        "07/12/2015",
        "",
        _NBCS,
        "SW1",
        "Child in need meeting (SW1, HV1, Mother). Mother said Father is not around.",
        "CIN plan continues.",
    ),
    row(
        "19/01/2016",
        "",
        _NBCS,
        "TM1",
        "Management decision: case to step down to early help.",
        "Case closed to CSC.",
    ),
    row(
        "2.2.16",
        "",
        "HV",
        "HV1",
        "Developmental check at home. Child C rolling over. No marks or bruises seen.",
        "Review at 8 months.",
    ),
    row(
        "early March 2016",
        "",
        _ACME,
        "TSW1",
        "Tenancy support worker saw Father's coat and boots in the flat; Mother said he ‘pops in’.",
        "Not shared with any agency.",
    ),
    row(
        "Monday 7 March 2016",
        "11:00",
        "Health Visiting",
        "HV1",
        "Home visit. Bruise to Child C's left ear (6 months, not mobile). Mother said Child C "
        "rolled into the cot bars.",
        "HV1 telephoned the MASH the same day.",
    ),
    row(
        "08/03/2016",
        "14:30",
        _NBCS,
        "TM2",
        "Strategy discussion (TM2, SW2, DC1 Met Police CAIT). Health not present.",
        "s47 enquiry. CP medical to be arranged.",
    ),
    row(
        "12-14/03/2016",
        "",
        _RUH,
        "Dr P1 (Consultant Paediatrician)",
        "Child C admitted to the paediatric ward: child protection medical and skeletal "
        "survey. No fractures seen; bruise could be consistent with the explanation.",
        "Discharged home on 14/03/2016.",
    ),
    row(
        "12th Mar 16",
        "2.30pm",
        "Met Police CAIT",
        "DC1",
        "DC1 spoke to Mother at the hospital. Father's whereabouts unknown.",
        "Crime report: no further police action at present.",
    ),
    row(
        "17/03/16",
        "",
        _NBCS,
        "SW2",
        "Home visit after discharge. Child C seen; no injuries noted.",
        "Assessment continues.",
    ),
    row(
        "42450",
        "",
        _NBCS,
        "TM2",
        "Outcome of s47 enquiry: concerns not substantiated; no ICPC.",
        "Child in need plan.",
    ),
    row(
        "Spring 2016",
        "",
        _ACME,
        "TSW1",
        "Mother told the tenancy support worker she was ‘scared’ of Father but would not say more.",
        "Support continues.",
    ),
    row(
        "?22 May 2016",
        "",
        _ERS,
        "Out-of-hours GP",
        "Mother phoned out-of-hours: Child C vomiting and sleepy. (Day unclear in the OOH record.)",
        "Advised to attend A&E if worse.",
    ),
    row(
        "22.05/16",
        "",
        "HV",
        "HV2 (duty)",
        "Phone call from Mother: Child C off his feeds.",
        "Advised to see the GP.",
        reject="malformed date '22.05/16' (mixed separators; the reader may instead accept it "
        "as 22/05/2016 with a warning)",
    ),
    row(
        "31/05/2016",
        "",
        _ERS,
        "GP1",
        "Child C seen with a rash. No injuries noted.",
        "Emollient.",
    ),
    row(
        "between 3 and 5 June 2016",
        "",
        "Met Police CAIT",
        "DC1",
        "Mother said in interview that Father stayed at the flat on these days and looked "
        "after Child C while she was at work.",
        "Statement taken.",
    ),
    row(
        "05/06/2016",
        "19:05",
        _RUH,
        "A&E registrar",
        "Child C (9 months) brought to A&E by Mother: swelling to the right side of the head. "
        "CT scan: skull fracture. No explanation offered.",
        "Admitted. Hospital social worker referred to the MASH; police informed.",
    ),
    row(
        "06/06/2016",
        "10:00",
        _NBCS,
        "TM2",
        "Strategy discussion (TM2, SW2, DC1, Dr P1). Joint s47 investigation.",
        "Child C not to be discharged to Mother's care.",
    ),
    row(
        "c. June 2016",
        "",
        _ERS,
        "Admin",
        "Letter from the hospital about Child C's admission received and scanned.",
        "Filed.",
    ),
    row(
        "31/06/2016",
        "",
        _NBCS,
        "SW2",
        "Legal planning meeting: threshold for care proceedings met.",
        "Pre-proceedings letter to Mother.",
        reject="impossible date '31/06/2016' (June has 30 days)",
    ),
    row(
        "2 weeks later",
        "",
        _NBCS,
        "SW2",
        "Child C discharged from hospital to a foster placement (s20, with Mother's agreement).",
        "Contact with Mother supervised at the contact centre.",
        reject="relative date '2 weeks later' with no usable anchor: the row above is "
        "itself rejected, and the last accepted date above it is only 'c. June 2016'",
    ),
    row(
        "",
        "",
        _NBCS,
        "SW2",
        "Note: see the legal file for the court timetable.",
        "",
        reject="no date: the date cell is empty",
    ),
    row(
        "20/7/2016",
        "",
        _NBCS,
        "SW2",
        "Care proceedings issued. Interim care order granted.",
        "Child C remains in foster care.",
    ),
    row(
        "01/08/2016",
        "0930hrs",
        "Met Police CAIT",
        "DC1",
        "Father arrested and interviewed about the skull fracture. He denied causing it.",
        "Released under investigation.",
    ),
    row(
        "mid August 2016",
        "",
        "Health Visiting",
        "HV1",
        "Child C seen at the foster carer's home: developing well.",
        "Records transferred to the foster carer's HV team.",
    ),
    row(
        "2016",
        "",
        _ACME,
        "TSW1",
        "Mother's tenancy support ended during 2016 (exact date not recorded).",
        "Closed.",
    ),
    row(
        "05/09/2016",
        "15:00",
        _NBCS,
        "IRO2",
        "First looked-after child review. Plan: assessment of Mother and of maternal aunt.",
        "Next review in 3 months.",
    ),
)


# =========================================================================================
# Writers
# =========================================================================================


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Row], encoding: str) -> None:
    """Write a CSV with CRLF line ends (as Excel does) in the given encoding."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for r in rows:
        writer.writerow(["" if c is None else c for c in r.cells])
    path.write_bytes(buffer.getvalue().encode(encoding))


def _write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    """Fill one worksheet: title rows, a blank row, the header rows, then the data."""
    bold = Font(bold=True)
    for title in sheet.titles:
        ws.append([title])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=12)
    if sheet.titles:
        ws.append([])
    for header_row in sheet.header:
        ws.append(list(header_row))
        for cell in ws[ws.max_row]:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for merge in sheet.merges:
        ws.merge_cells(merge)
    for r in sheet.rows:
        ws.append([None if c == "" else c for c in r.cells])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.datetime) and sheet.date_format:
                cell.number_format = sheet.date_format
            elif isinstance(cell.value, dt.time) and sheet.time_format:
                cell.number_format = sheet.time_format
            elif isinstance(cell.value, str) and len(cell.value) > 40:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"A": 16, "B": 12, "C": 20, "D": 24, "E": 60, "F": 40, "G": 36}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def _normalise_zip(path: Path) -> None:
    """Rewrite an xlsx with fixed timestamps so that re-runs give identical bytes."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    start = text.find(f"<{tag}")
                    if start >= 0:
                        open_end = text.index(">", start) + 1
                        close = text.index(f"</{tag}>", open_end)
                        text = text[:open_end] + stamp + text[close:]
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def _write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the multi-sheet workbook and normalise it for reproducibility."""
    wb = Workbook()
    wb.properties.creator = "scr_timeline sample generator (fictional data)"
    wb.properties.title = _B_REVIEW
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    for i, sheet in enumerate(sheets):
        ws = wb.worksheets[0] if i == 0 else wb.create_sheet()
        ws.title = sheet.name
        _write_sheet(ws, sheet)
    wb.save(path)
    _normalise_zip(path)


# =========================================================================================
# README
# =========================================================================================

_README_INTRO = """\
# Sample chronologies (all FICTIONAL)

Every person, place, agency record and event in these files is invented. The cases follow the
*patterns* that published English serious case reviews describe (injuries to a baby seen by
several agencies, a family friend placement without checks, a disagreement that was never
escalated, repeated domestic abuse notifications, neglect), never their facts. People are
pseudonymised as reviews do it: Child A, Mother, Mother's partner (Mr X), Family friend (Ms F),
SW1, TM1, HV1, GP1, DC1, Dr P1. Places are generic (North Borough, Riverside Hospital, Elm Road
Surgery, Oak Lane Primary School).

The files are generated by `make_samples.py` in this folder (deterministic; run
`python data/samples/make_samples.py` to rebuild them). The script writes the same files to
`scr_timeline/datasets/files/` so they ship with the package (`scr_timeline.load_sample`).
This README is generated by the same script: edit the script, not this file.

Row numbers below are the numbers a person sees in Excel (1-based, counting title and header
rows); "data rows" excludes title, blank and header rows.
"""


def _reject_lines(rows: Sequence[Row], first_row: int, date_col: int = 0) -> list[str]:
    """Markdown bullet lines for rows that should be rejected."""
    lines = []
    for i, r in enumerate(rows):
        if r.reject:
            shown = r.cells[date_col]
            shown_text = "(empty)" if shown in ("", None) else f"`{shown}`"
            lines.append(f"- row {first_row + i} (data row {i + 1}), date {shown_text}: {r.reject}")
    return lines or ["- none"]


def _readme() -> str:
    """The README text for the three samples."""
    a_rejects = _reject_lines(CHILD_A_ROWS, 2)
    c_rejects = _reject_lines(CHILD_C_ROWS, 2)
    a_rows = len(CHILD_A_ROWS)
    c_rows = len(CHILD_C_ROWS)
    b_total = sum(len(s.rows) for s in CHILD_B_SHEETS)
    b_rejected = sum(1 for s in CHILD_B_SHEETS for r in s.rows if r.reject)
    a_rejected = sum(1 for r in CHILD_A_ROWS if r.reject)
    c_rejected = sum(1 for r in CHILD_C_ROWS if r.reject)

    parts = [_README_INTRO]
    parts.append(
        f"""
## child-a-combined.csv

Child A, born {CHILD_A_DOB} (pass `child_dob="{CHILD_A_DOB}"`). UTF-8, comma-separated, one
header row: `{" | ".join(CHILD_A_HEADER)}`.

**The case.** A baby boy, living with Mother and three older siblings. A bruise to the chest (GP,
October 2006) and a bruise to the temple (HV, October 2006) are not referred. In December 2006
the GP sees bruises to the face and chest and sends Child A to Riverside Hospital A&E; the
hospital refers to children's social care (CSC); a strategy discussion starts a joint s47
investigation, Mother is arrested and bailed, and Child A is placed with a family friend
without any carer checks (no Regulation 38 assessment). An ICPC makes a child protection plan;
the first core group is late; Child A goes home in January 2007 under a written agreement.
Immunisation and clinic appointments are missed (DNA / was not brought). Further injuries
follow: a head injury seen at A&E (April 2007, CSC not told), bruising and scratches (May
2007, second strategy discussion, Child A returned home), a wrist fracture at A&E (July 2007,
CSC not told). The health visitor disagrees with the plan in June 2007 but the disagreement is
never escalated. Supervision is sparse (December, March, June). Mother's partner (Mr X) is
unknown to agencies. The police investigation ends in July 2007 with no further police action
(not a CSC decision). Child A dies on 03/08/2007 (index incident).

**Demonstrates.** A combined chronology with an Agency column; practitioner style text
(SW, TM, HV, CP medical, s47, ICPC, DNA, "no marks or bruises seen", "Checked for bruising,
none found", "Mother reported ..."); several events on the same day kept in file order; a
separate Time column with blanks; mostly dd/mm/yyyy dates plus `14/3/06` and `19 April 2006`.
Rules it should trigger include INJ-REFER (GP and HV bruises in October 2006, A&E head injury
and fracture), PLC-REG38-CHECKS, CONF-CORE-GROUP (late), ESC-DISAGREE, ESC-WNB, SUP-CADENCE.

**Rows.** {a_rows} data rows (file rows 2-{a_rows + 1}); {a_rows - a_rejected} should become
events. Expected to be rejected:

"""
        + "\n".join(a_rejects)
    )

    sheet_lines = []
    for s in CHILD_B_SHEETS:
        first = s.first_data_row
        last = first + len(s.rows) - 1
        header_text = "; ".join(
            f"row {first - len(s.header) + k}: `"
            + " | ".join("(merged)" if h is None else h for h in header_row)
            + "`"
            for k, header_row in enumerate(s.header)
        )
        sheet_lines.append(
            f"- **{s.name}**: {len(s.rows)} data rows (rows {first}-{last}); "
            f"{len(s.titles)} title row(s), a blank row, then the header ({header_text}). "
            f"{s.notes[0].upper()}{s.notes[1:]}."
        )
    b_reject_lines = []
    for s in CHILD_B_SHEETS:
        for line in _reject_lines(s.rows, s.first_data_row):
            if line != "- none":
                b_reject_lines.append(line.replace("- row", f"- sheet {s.name!r}, row", 1))

    parts.append(
        f"""
## child-b-agencies.xlsx

Child B, a girl born {CHILD_B_DOB} (pass `child_dob="{CHILD_B_DOB}"`); aged 5 to 7 during the
chronology. Her younger sibling (Sibling) was born 05/02/2011.

**The case.** Neglect and domestic abuse, 2011-2013. Mother's partner (Mr Y) is repeatedly
violent; police attend domestic incidents (August 2011, February 2012, July 2012, November
2012, January 2013) and send notifications (MERLIN) to CSC, which closes the case or finds the
threshold not met. School, GP, health visiting and community paediatrics see hunger, poor
hygiene, missed asthma and growth appointments (was not brought) and faltering growth. After
the November 2012 assault and a disclosure at school, a strategy discussion is held without
health or school, and both children become subject to child protection plans for neglect. Visits
lapse, the worker changes, and Child B is admitted to hospital on 18/06/2013 with immersion scald
burns presented two days late (index incident; Child B survives).

**Demonstrates.** One sheet per agency with no agency column on most sheets (the agency is the
sheet name), title rows above the headings, different headings on every sheet, a two-row header
with merged cells, real Excel date cells on some sheets and text dates on others, Excel times in
a separate column, a date+time in one cell, an Organisation column on the hospital sheet,
a Reviewer comment column, and same-day contacts between agencies: the police domestic incident
of 03/02/2012 23:15 (Friday) -> PPU notification 04/02/2012 -> CSC contact 06/02/2012; the
assault of 10/11/2012 23:55 -> EDT call 11/11/2012 02:10 -> school referral and CSC contact on
12/11/2012 -> strategy discussion 14/11/2012 recorded by CSC, police and (as "not invited") by
school and health visiting; the admission of 18/06/2013 recorded by hospital, CSC, police and
school.

**Rows.** {b_total} data rows in all, {b_total - b_rejected} should become events:

"""
        + "\n".join(sheet_lines)
        + "\n\nExpected to be rejected:\n\n"
        + "\n".join(b_reject_lines or ["- none"])
        + """

Note for readers of the two-row header: the lower cells `From` and `To` are only meaningful
with the merged `Date` above them (`Date From` -> date, `Date To` -> end date); likewise
`Contact` / `Type`, `Contact` / `Details`.
"""
    )

    parts.append(
        f"""
## child-c-messy-dates.csv

Child C, a boy born {CHILD_C_DOB} (pass `child_dob="{CHILD_C_DOB}"`). Encoded **cp1252**
(Windows-1252), not UTF-8: it contains `£` and curly quotes (`‘` `’`), so reading it as UTF-8
fails or garbles them. Header: `{" | ".join(CHILD_C_HEADER)}`.

**The case.** Late antenatal booking by a young mother (a care leaver) with a history of
domestic abuse from Father (Mr Z); a pre-birth assessment and a child in need plan; a domestic
incident while Mother held the baby; missed immunisations; the case stepped down to early help
in January 2016; a bruise to the ear of a non-mobile 6-month-old (March 2016) with a strategy
discussion that did not include health and a CP medical days later; a tenancy support worker
who saw signs that Father was around and told nobody; then a skull fracture at 9 months (June
2016), care proceedings and foster care.

**Demonstrates.** The date forms reviewers receive: `?22 May 2016` (uncertain day),
`w/c 12/10/15` (week commencing), `early March 2016`, `mid August 2016`, `Spring 2016`,
`c. June 2016`, `12th Mar 16`, `between 3 and 5 June 2016`, `12-14/03/2016` (a range),
`2016` (year only), `November 2015` (month), `Monday 7 March 2016`, `3.7.15` / `2.2.16` (d.m.yy),
`15/05/15` (dd/mm/yy), `20/7/2016`, an Excel serial `42450` (= 21/03/2016), and rows that must
be rejected (below). The Time column mixes `14:30`, `2.30pm`, `9.15am`, `1430hrs`, `2315hrs`.
Agencies are written as organisations ("{_RUH}", "{_ERS}",
"{_NBCS}", "Met Police", "Met Police CAIT") or as services ("HV",
"Health Visiting"), and one is unknown ("{_ACME}"): its rows should be kept with
agency `other` (organisation kept as written) and a warning, not rejected.

**Rows.** {c_rows} data rows (file rows 2-{c_rows + 1}); {c_rows - c_rejected} should become
events. Expected to be rejected:

"""
        + "\n".join(c_rejects)
        + "\n"
    )
    return "\n".join(parts)


# =========================================================================================
# Main
# =========================================================================================

SAMPLE_FILES = ("child-a-combined.csv", "child-b-agencies.xlsx", "child-c-messy-dates.csv")


HAND_WRITTEN = (
    "<!-- Written by hand from here on: make_samples.py keeps everything below this line. -->"
)


def build(out_dir: Path = HERE, package_dir: Path | None = PACKAGE_FILES) -> list[Path]:
    """Write the samples (and the README) to ``out_dir`` and copy them to ``package_dir``.

    Returns the paths written in ``out_dir``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_csv(out_dir / SAMPLE_FILES[0], CHILD_A_HEADER, CHILD_A_ROWS, "utf-8")
    _write_xlsx(out_dir / SAMPLE_FILES[1], CHILD_B_SHEETS)
    _write_csv(out_dir / SAMPLE_FILES[2], CHILD_C_HEADER, CHILD_C_ROWS, "cp1252")
    readme = out_dir / "README.md"
    kept = ""
    if readme.exists():  # sections written by hand (other samples, expected findings)
        old = readme.read_text(encoding="utf-8")
        if HAND_WRITTEN in old:
            kept = HAND_WRITTEN + old.split(HAND_WRITTEN, 1)[1]
    text = _readme()
    readme.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8", newline="\n")
    written = [out_dir / name for name in SAMPLE_FILES]
    if package_dir is not None:
        package_dir.mkdir(parents=True, exist_ok=True)
        for path in written:
            shutil.copyfile(path, package_dir / path.name)
    return [*written, readme]


def main() -> None:
    """Command-line entry point: build all samples and list what was written."""
    for path in build():
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
