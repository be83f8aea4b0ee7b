"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 27's sweep: a baby whose father came out of prison
for violence and moved in, with probation and MAPPA; a looked-after teenage mother and her
baby in a mother and baby foster placement; a toddler taken to three hospitals in two ICBs,
as an Excel workbook with a sheet per agency; a case that escalated over Christmas and New
Year).

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the file (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr
from scr_timeline.testing import finding_rows, read_rows

# --- a father released from prison for violence moves in with a baby ------------------------
# 2011 (Child B born 14 February 2011; Father released on licence on Monday 1 August).
RELEASED_2011 = """\
20/07/2011,Probation,OM1,Pre-release planning. Mr Z (Father) due for release on licence 01/08 (GBH on previous partner). MAPPA level 2. Release address: Mother's flat with Child B (5 months).,Referral to CSC re child at release address
21/07/2011,Children's Social Care,Duty SW,Referral received from Probation re Mr Z to reside with Mother and Child B. Violence to previous partner.,For initial assessment
27/07/2011,Police,DS3,MAPPA level 2 meeting. Present: Probation OM1; Police DS3. CSC apologies. Risk to known adults high; risk to children not assessed.,CSC to complete risk assessment of Mr Z living with Child B before release
01/08/2011,Probation,OM1,Mr Z released on licence. Reported to probation office as required. Living at Mother's address.,
04/08/2011,Health Visiting,HV1,Home visit. Child B seen; weight 7.2kg. Father present - Mother said he is back for good.,Informed SW1 by phone
10/08/2011,Children's Social Care,SW1,Initial assessment completed. Father declined to meet SW; his risk to Child B not assessed.,NFA - case closed
25/08/2011,Police,PC5,Domestic incident at the address. Neighbour called police: shouting; Mother had red mark to face. Father left before police arrived. Child B present asleep.,DASH medium. PPN to CSC
26/08/2011,Children's Social Care,Duty SW,PPN received re domestic incident 25/08.,Threshold not met - letter to Mother
02/09/2011,Probation,OM1,Licence supervision. Mr Z denies any incident. Breach not pursued.,
14/09/2011,GP,Dr B,Child B (7 months) brought by Mother with bruise to left cheek. Mother says he rolled into the cot bars.,Advice given
15/09/2011,Health Visiting,HV1,Tel call from GP re bruise to Child B's cheek.,HV to visit
19/09/2011,Health Visiting,HV1,Home visit. Child B seen. Bruise to cheek fading. Mother anxious; Father in the flat.,Referral to CSC by phone
19/09/2011,Children's Social Care,Duty SW,Referral received from HV re bruise to Child B's cheek. Father on licence for violence.,Strategy discussion to be held
20/09/2011,Children's Social Care,TM2,Strategy discussion held (TM2; DS3 CAIT; Dr P paediatrician). S47 enquiry agreed. TM2 agreed CP medical today.,
20/09/2011,Paediatrics,Dr P,Child protection medical. Fading bruise to left cheek consistent with a slap or grip. Skeletal survey requested.,
22/09/2011,Hospital,Radiology,Skeletal survey: no fractures seen.,
10/10/2011,Children's Social Care,IRO1,Initial child protection conference. Child B made subject to a child protection plan under the category of physical abuse.,Father to leave the home. Core group within 10 WD
24/10/2011,Children's Social Care,SW2,Core group meeting.,
28/10/2011,Probation,OM1,MAPPA review. Risk assessment of Mr Z re children still not completed.,
14/11/2011,Children's Social Care,SW2,Home visit. Child B seen.,
20/12/2011,GP,Dr B,Child B immunisations.,
"""


def test_a_father_released_from_prison(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "released.csv", RELEASED_2011, child_dob="2011-02-14")
    found = finding_rows(chron, "wt2010")
    # probation's referral of Wednesday 20 July (row 2): 10 WD is Wednesday 3 August; the
    # initial assessment of 10 August (without Father) 5 WD late. The GP's bruise to a
    # 7-month-old's cheek (Wednesday 14 September, row 11): no referral by the 15th; the
    # strategy discussion, medical and police on Tuesday 20th, 3 WD late; the skeletal survey
    # due Saturday 17th, done Thursday 22nd. The strategy discussion TM2 recorded (row 15,
    # 'TM2 agreed CP medical today') is the meeting's decision, not oversight of it: no
    # oversight of the injury known to csc by Monday 26th. The plan from Monday 10 October:
    # seen 14 November (due 7 November, 25 WD), then none to 20 December (due 12th, 26 WD)
    assert found == [
        ("ASM-INITIAL", "late", 2, "2011-08-03", "2011-08-10", 5, [2, 3, 7]),
        ("SUP-KEY-DECISION", "missing", 7, "2011-08-17", "", None, [7]),
        ("INJ-MEDICAL", "late", 11, "2011-09-15", "2011-09-20", 3, [11, 16]),
        ("INJ-POLICE", "late", 11, "2011-09-15", "2011-09-20", 3, [11, 15]),
        ("INJ-REFER", "missing", 11, "2011-09-15", "", None, [11]),
        ("INJ-SKELETAL", "late", 11, "2011-09-17", "2011-09-22", 4, [11, 17]),
        ("INJ-STRAT", "late", 11, "2011-09-15", "2011-09-20", 3, [11, 15]),
        ("ASM-INITIAL", "missing", 13, "2011-10-03", "", None, [13, 14]),
        ("SUP-CADENCE", "gap", 13, "2011-10-17", "", 92, [13]),
        ("SUP-KEY-DECISION", "missing", 13, "2011-09-26", "", None, [13, 14, 15]),
        ("ASM-CORE", "missing", 15, "2011-11-08", "", None, [15]),
        ("SUP-KEY-DECISION", "missing", 18, "2011-10-17", "", None, [18]),
        ("VIS-CP", "gap", 18, "2011-11-07", "2011-11-14", 25, [18, 21]),
        ("VIS-CP", "gap", 21, "2011-12-12", "", 26, [21]),
    ]


# --- a looked-after teenage mother and her baby ----------------------------------------------
# 2016 (Child C born 20 June 2016; the August bank holiday Monday 29 August).
TEEN_MOTHER_2016 = """\
04/01/2016,Midwifery,MW1,Booking appointment. Mother (16; looked after by Northshire; in foster placement with FC2) 14 weeks pregnant. Father (19) not known to services.,Pre-birth referral to CSC made by phone and MARF
05/01/2016,Children's Social Care,SW3 (LAC team),Mother's LAC review. Pregnancy discussed with Mother and FC2.,Pre-birth referral to the CIN team to be made by SW3
06/01/2016,Children's Social Care,MASH SW,Referral received from midwife re unborn baby of Mother (16; looked after).,For single assessment - allocated to SW4
15/03/2016,Children's Social Care,SW4,Single assessment completed. Mother and baby foster placement recommended.,CIN plan
20/06/2016,Hospital,Maternity,Child C born at 38 weeks; 2.9kg. Mother and baby well.,
23/06/2016,Children's Social Care,SW3,Mother and Child C placed together in mother and baby foster placement with FC5 for parenting assessment.,
04/07/2016,Health Visiting,HV1,New birth visit at FC5's home. Child C seen. Mother tired; FC5 supportive.,
02/08/2016,Foster Carer,FC5,FC5 noted bruise to Child C's upper arm (6 weeks old). Mother said she gripped him when he slipped in the bath.,Reported to SW3
02/08/2016,Children's Social Care,SW3,Telephone call from FC5 re bruise to Child C's arm. Discussed with TM4.,Strategy discussion to be arranged
04/08/2016,Children's Social Care,TM4,Strategy discussion (TM4; DC7 CAIT; HV1). Agreed s47 enquiry and CP medical.,
05/08/2016,Paediatrics,Dr R,Child protection medical. Bruise to right upper arm 2cm - fingertip pattern. Mother's explanation possible. Skeletal survey: no fractures.,
30/08/2016,Children's Social Care,IRO3,Initial child protection conference. Child C made subject to a child protection plan (physical abuse).,Parenting assessment to continue in placement
12/09/2016,Children's Social Care,SW4,Core group meeting at FC5's home.,
10/10/2016,Children's Social Care,SW4,Home visit. Child C seen with Mother at FC5's.,
15/10/2016,Children's Social Care,EDT,FC5 reported Mother (17) missing from placement overnight with Child C.,Police informed
16/10/2016,Police,PC4,Mother and Child C located at Father's flat; returned to placement.,
30/11/2016,Children's Social Care,IRO3,Review child protection conference. Child C to remain subject to a CP plan.,
15/12/2016,Health Visiting,HV1,Home visit at FC5's. Child C seen; weight on 25th centile.,
"""


def test_a_looked_after_teenage_mother_and_her_baby(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "teen.csv", TEEN_MOTHER_2016, child_dob="2016-06-20")
    found = finding_rows(chron, "wt2015")
    # the foster carer's record of the bruise (row 9, Tuesday 2 August) is social care's
    # own (a carer of its fostering service), and was reported to the SW that day: no
    # INJ-REFER. The strategy discussion of Thursday 4th 1 WD late, the medical of the 5th
    # 2 WD late (its skeletal survey in time, 3 days); the conference due Thursday 25
    # August, held Tuesday 30th (2 WD late, 29 August out)
    assert [f for f in found if f[0].startswith(("INJ", "CONF"))] == [
        ("INJ-MEDICAL", "late", 9, "2016-08-03", "2016-08-05", 2, [9, 12]),
        ("INJ-POLICE", "late", 9, "2016-08-03", "2016-08-04", 1, [9, 11]),
        ("INJ-STRAT", "late", 9, "2016-08-03", "2016-08-04", 1, [9, 11]),
        ("CONF-ICPC", "late", 11, "2016-08-25", "2016-08-30", 2, [11, 13]),
    ]
    # the plan from 30 August: due a visit Tuesday 27 September, seen 10 October (29 WD);
    # then due Monday 7 November, none to 15 December (48 WD)
    assert [f for f in found if f[0] == "VIS-CP"] == [
        ("VIS-CP", "gap", 13, "2016-09-27", "2016-10-10", 29, [13, 15]),
        ("VIS-CP", "gap", 15, "2016-11-07", "", 48, [15]),
    ]
    # the midwife's referral of Monday 4 January, decided on the 6th; the single assessment
    # due Monday 7 March (45 WD), completed 15 March
    assert [f for f in found if f[2] == 2 and f[0] != "SUP-CADENCE"] == [
        ("ASM-SINGLE", "late", 2, "2016-03-07", "2016-03-15", 6, [2, 4, 5]),
        ("ESC-REF-DECISION", "late", 2, "2016-01-05", "2016-01-06", 1, [2, 4]),
    ]


# --- escalation over Christmas and New Year ---------------------------------------------------
# 2008-09 (Child E, 7): Christmas Day Thursday 25 and Boxing Day Friday 26 December 2008,
# New Year's Day Thursday 1 January 2009.
CHRISTMAS_2008 = """\
22/12/2008,Northfield Primary School,DSL,Child E (7) disclosed Mother's partner Mr Y hit her with a belt. Red marks to back of legs seen by DSL.,Referral to CSC by phone
22/12/2008,Children's Social Care,Duty SW,Referral received from school re marks to Child E's legs after being hit with a belt by Mr Y.,Strategy discussion to be held
23/12/2008,Children's Social Care,TM7,Strategy discussion held by phone (TM7; DS9 CAIT). S47 joint investigation agreed.,
23/12/2008,Police,DS9,Strategy discussion with CSC TM7. Joint visit planned 24/12.,
24/12/2008,Children's Social Care,SW8,Joint visit with DC9. Child E seen; linear bruising to back of both thighs. Mr Y asked to leave and went to his mother's.,CP medical to be arranged
29/12/2008,Paediatrics,Dr S,Child protection medical. Linear bruises to both thighs consistent with an implement. NAI.,
30/12/2008,Police,DC9,Mr Y interviewed under caution re assault on Child E. Bailed not to reside at the address.,
31/12/2008,Police,PC6,Call from Mother: Mr Y at the address drunk and shouting. Attended; Mr Y arrested for breach of bail. Child E present.,
02/01/2009,Children's Social Care,EDT,PPN received re incident 31/12.,Passed to allocated worker SW8
06/01/2009,Children's Social Care,SW8,Initial assessment completed.,Proceed to ICPC
07/01/2009,Children's Social Care,TM7,Supervision. Case discussed.,
19/01/2009,Children's Social Care,IRO4,Initial child protection conference. Child E made subject to a child protection plan (physical abuse).,
30/01/2009,Children's Social Care,SW8,Core group meeting.,
10/02/2009,Children's Social Care,SW8,Core assessment completed.,
16/02/2009,Children's Social Care,SW8,Home visit. Child E seen.,
"""


def test_deadlines_across_christmas_and_new_year(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "christmas.csv", CHRISTMAS_2008, child_dob="2001-06-01")
    found = finding_rows(chron, "wt2006")
    # the referral of Monday 22 December: 7 WD (25, 26 December and 1 January out) is
    # Monday 5 January, the initial assessment on the 6th. The strategy discussion of
    # Tuesday 23 December (row 4; the police's record of it, row 5, is a copy): its
    # conference due Friday 16 January, held Monday 19th. The police incident of Wednesday
    # 31 December was notified on Friday 2 January, its first working day: in time.
    # Marks of a belt are suspicious at any age (NICE CG89; stop 27): the injury known to
    # social care on the 22nd is a key event, its oversight due Wednesday 31 December
    # (5 WD), supervision on Wednesday 7 January (4 WD late), the strategy discussion of the
    # 23rd and the joint visit joining it. (The injury procedure rules are in the test
    # below.)
    assert [f for f in found if not f[0].startswith("INJ")] == [
        ("ASM-INITIAL", "late", 2, "2009-01-05", "2009-01-06", 1, [2, 3, 11]),
        ("SUP-KEY-DECISION", "late", 2, "2008-12-31", "2009-01-07", 4, [2, 4, 6, 12]),
        ("CONF-ICPC", "late", 4, "2009-01-16", "2009-01-19", 1, [4, 13]),
        ("SUP-CADENCE", "gap", 12, "2009-02-04", "", 40, [12]),
        ("SUP-KEY-DECISION", "missing", 13, "2009-01-26", "", None, [13]),
    ]


def test_injury_procedures_across_christmas(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "christmas.csv", CHRISTMAS_2008, child_dob="2001-06-01")
    found = finding_rows(chron, "wt2006")
    # the belt marks the school saw on Monday 22 December: referral, police and strategy
    # discussion the next day (in time); the medical due Tuesday 23rd, held Monday 29th
    # (24 and 29 December: 2 WD late)
    assert [f for f in found if f[0].startswith("INJ")] == [
        ("INJ-MEDICAL", "late", 2, "2008-12-23", "2008-12-29", 2, [2, 7]),
    ]


# --- a toddler taken to three hospitals in two ICBs (a workbook, a sheet per agency) ---------
# 2023 (Child D born 10 May 2021; Good Friday 7 April, Easter Monday 10 April).
SHEETS: dict[str, list[tuple[str, str, str, str]]] = {
    "Northgate Hospital ED": [
        (
            "14/01/2023",
            "ED nurse",
            "Child D (20 months) brought by Mother with burn to right palm. Mother says he touched the oven door.",
            "Dressing applied. Discharged. Safeguarding checklist completed - no concerns.",
        ),
        (
            "02/04/2023",
            "ED doctor",
            "Child D (22 months) with head injury - fell off sofa onto tiled floor. Swelling to forehead.",
            "Discharged. HV liaison notification sent.",
        ),
    ],
    "Westbrook Univ Hospital": [
        (
            "20/02/2023",
            "ED nurse",
            "Child D brought by Father with bruising to both ears and left cheek. Father says he fell in the park.",
            "Discharged home; letter to GP.",
        ),
        (
            "15/05/2023",
            "Paeds ED",
            "Child D (2y) with spiral fracture of left tibia. Mother says he jumped off the bed.",
            "Cast applied by orthopaedics. Discharged.",
        ),
        (
            "18/07/2023",
            "Paediatric liaison",
            "CP-IS and NHS record check: four injury presentations to three hospitals since January.",
            "Referral to CSC by phone and e-mail",
        ),
    ],
    "Eastfield MIU": [
        (
            "28/03/2023",
            "ENP",
            "Child D (22 months) with laceration to chin. Mother says he fell against the coffee table.",
            "Wound glued. Discharged.",
        ),
    ],
    "Health Visiting": [
        (
            "10/02/2023",
            "HV1",
            "ED liaison notification from Northgate re burn to palm 14/01. Tel call to Mother - healing well.",
            "",
        ),
        (
            "05/04/2023",
            "HV1",
            "ED liaison notification from Northgate re head injury 02/04. Letter to Mother offering contact.",
            "",
        ),
        ("20/06/2023", "HV1", "2-year developmental review. Child D not brought.", "Letter sent"),
        ("12/07/2023", "HV1", "Rearranged 2-year review. Not brought. WNB.", "Discussed with GP"),
    ],
    "GP": [
        (
            "24/02/2023",
            "Dr B",
            "Letter from Westbrook ED re bruising to ears and cheek 20/02. Filed.",
            "",
        ),
        (
            "30/05/2023",
            "Dr B",
            "Child D seen with Mother - limping after cast removed. Mother says he is so clumsy.",
            "Physio referral",
        ),
    ],
    "Childrens Social Care": [
        (
            "18/07/2023",
            "MASH SW",
            "Referral received from Westbrook paediatric liaison: four injury presentations to three hospitals in two ICBs since January.",
            "Strategy discussion to be held today",
        ),
        (
            "18/07/2023",
            "TM6",
            "Strategy discussion held (TM6; DS8 police; Dr Q named doctor Westbrook). S47 agreed.",
            "CP medical and skeletal survey",
        ),
        ("20/07/2023", "SW9", "Joint visit with DS8. Child D seen. Old bruise to shin.", ""),
        (
            "08/08/2023",
            "IRO5",
            "Initial child protection conference. Child D made subject to a child protection plan (physical abuse).",
            "",
        ),
        ("21/08/2023", "SW9", "Core group meeting.", ""),
    ],
    "Paediatrics": [
        (
            "19/07/2023",
            "Dr Q",
            "Child protection medical. Healed tibial fracture; healing bruises to shins. Skeletal survey: healing fractures of left ribs 6 and 7 - unexplained.",
            "NAI cannot be excluded",
        ),
    ],
    "Police": [
        (
            "18/07/2023",
            "DS8",
            "Strategy discussion with CSC and named doctor.",
            "Joint investigation",
        ),
    ],
}


def _workbook(path: Path) -> Path:
    with pd.ExcelWriter(path) as writer:
        for name, rows in SHEETS.items():
            frame = pd.DataFrame(rows, columns=["Date", "Practitioner", "Details", "Outcome"])
            frame.to_excel(writer, sheet_name=name, index=False)
    return path


def test_injuries_at_three_hospitals_no_one_joined_up(tmp_path: Path) -> None:
    chron = scr.read(_workbook(tmp_path / "attendances.xlsx"), child_dob="2021-05-10")
    frame = scr.analyse(chron, rulebook="wt2018").to_frame()
    sheet = {
        str(k): f"{s}:{r}"
        for k, s, r in zip(
            chron.events.index,
            chron.events["source_sheet"],
            chron.events["source_row"],
            strict=True,
        )
    }
    cumulative = frame[frame["rule_id"] == "ESC-CUMULATIVE"]
    # the burn (Saturday 14 January), the bruised ears (20 February) and the cut chin
    # (Tuesday 28 March) at three hospitals: the third is the cluster's; 10 WD (Easter out)
    # is Thursday 13 April; the head injury of 2 April joins it. The health visitor's
    # record of Northgate's notification of the burn (10 February) had been a second burn
    assert len(cumulative) == 1
    row = cumulative.iloc[0]
    assert str(row["due"].date()) == "2023-04-13"
    assert [sheet[e] for e in row["evidence"].split("; ")] == [
        "Northgate Hospital ED:2",
        "Westbrook Univ Hospital:2",
        "Eastfield MIU:2",
        "Northgate Hospital ED:3",
    ]
    assert row["summary"].startswith("4 suspicious injuries between 14 January 2023 and 2 April")
    # the notification the health visitor was sent starts no injury findings of its own
    assert not (frame["trigger_event_id"].map(sheet) == "Health Visiting:2").any()
    # the strategy discussion of Tuesday 18 July: its conference due Tuesday 8 August (held
    # that day), its core group due Tuesday 22 August (held the 21st); a manager's
    # strategy discussion still wants its oversight
    rules = set(frame["rule_id"])
    assert "CONF-ICPC" not in rules and "CONF-CORE-GROUP" not in rules
    key = frame[frame["rule_id"] == "SUP-KEY-DECISION"]
    assert [sheet[t] for t in key["trigger_event_id"]] == [
        "Childrens Social Care:3",
        "Childrens Social Care:5",
    ]
