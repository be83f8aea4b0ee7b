"""Synthetic multi-agency chronologies for benchmarks (FICTIONAL text, random but seeded).

The generator builds rows the way practitioners write them: agency names given as codes or
organisations, practitioner codes (SW3, TM1, HV2, DC4), event wording taken from the project
glossary (referrals, strategy discussions, home visits, supervision, A&E attendances with
bruises, negated injuries, DNAs, domestic incidents, ...), and dates mostly dd/mm/yyyy with
some dd/mm/yy, d.m.yy, ISO and long forms, plus a chosen fraction of fuzzy forms ("early June
2006", "w/c 12/03/07", "?22 May 2006", "Spring 2007"). Rows are in date order apart from a few
displaced ones, with several events on most days.

Everything is vectorised (numpy choices over template tables, then whole-array string
concatenation), so a million rows take a few seconds.

Usage::

    from benchmarks.generate import generate_chronology
    df = generate_chronology(10_000, seed=1)

    python benchmarks/generate.py --rows 100000 --format csv --out /tmp/x.csv
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "AGENCY_NAMES",
    "COLUMNS",
    "DEFAULT_AGENCY_WEIGHTS",
    "generate_chronology",
    "main",
    "write_chronology",
]

#: Output columns, in order (the headings of a typical combined chronology template).
COLUMNS: tuple[str, ...] = (
    "Date",
    "Time",
    "Agency",
    "Source of Information",
    "Practitioner",
    "Significant Event",
    "Outcome/Action",
)

# -----------------------------------------------------------------------------------------
# Vocabulary
# -----------------------------------------------------------------------------------------

#: How each agency is written in the Agency column (codes, services and organisations).
AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "csc": (
        "CSC",
        "CSC",
        "Children's Social Care",
        "North Borough Children's Services",
        "Social Services",
        "LA CSC",
        "CSC (MASH)",
        "EDT",
    ),
    "police": ("Police", "Met Police", "Met Police CAIT", "CAIT", "Police PPU", "Police"),
    "gp": ("GP", "GP", "Elm Road Surgery", "Meadow Lane Medical Centre", "GP practice"),
    "health_visiting": (
        "HV",
        "Health Visiting",
        "Health Visitor",
        "North Borough Health Visiting Service",
    ),
    "hospital": (
        "Riverside Hospital A&E",
        "Riverside University Hospital",
        "A&E",
        "ED",
        "Hospital",
        "Riverside Hospital Paediatric Ward",
    ),
    "paediatrics": ("Community Paediatrics", "Paediatrics", "CDC"),
    "midwifery": ("Midwifery", "Community Midwife", "Riverside Hospital Maternity"),
    "education": ("School", "Oak Lane Primary School", "Education", "Nursery"),
    "housing": ("Housing", "North Borough Housing", "Homeless Persons Unit"),
    "voluntary": ("Family Support Charity", "IDVA service", "Women's Aid"),
    "ambulance": ("LAS", "Ambulance Service"),
    "adult_mental_health": ("CMHT", "Adult Mental Health"),
}

#: Default share of rows per agency (children's social care records the most).
DEFAULT_AGENCY_WEIGHTS: dict[str, float] = {
    "csc": 0.34,
    "police": 0.12,
    "gp": 0.09,
    "health_visiting": 0.11,
    "hospital": 0.08,
    "paediatrics": 0.04,
    "midwifery": 0.03,
    "education": 0.08,
    "housing": 0.03,
    "voluntary": 0.04,
    "ambulance": 0.01,
    "adult_mental_health": 0.03,
}

_SOURCES: dict[str, tuple[str, ...]] = {
    "csc": (
        "Case notes",
        "Contact record",
        "Framework-i",
        "Supervision record",
        "Strategy discussion minutes",
        "Conference minutes",
        "Case file",
    ),
    "police": ("CRIS report", "Merlin", "Incident log", "CAIT file", "Custody record"),
    "gp": ("GP records", "EMIS record", "Practice records", "Scanned letter"),
    "health_visiting": ("HV record", "HV diary", "Child health record", "Red book"),
    "hospital": ("A&E records", "ED notes", "Ward notes", "Discharge summary", "Radiology report"),
    "paediatrics": ("Clinic letter", "CP medical report", "CDC records"),
    "midwifery": ("Maternity notes", "Community midwifery record", "Booking record"),
    "education": ("Safeguarding log", "School records", "CPOMS", "Attendance records"),
    "housing": ("Housing file", "Tenancy records"),
    "voluntary": ("Family support records", "IDVA case notes"),
    "ambulance": ("Patient report form", "999 call log"),
    "adult_mental_health": ("CMHT notes", "Psychiatric review letter"),
}

_ROLES: dict[str, tuple[str, ...]] = {
    "csc": ("SW", "SW", "SW", "TM", "Duty SW", "SM", "FSW", "IRO", "NQSW"),
    "police": ("PC", "PC", "DC", "DS", "DI"),
    "gp": ("GP", "GP", "Practice Nurse "),
    "health_visiting": ("HV", "HV", "Nursery Nurse ", "Liaison HV"),
    "hospital": ("A&E SHO ", "ED Nurse ", "Paediatric Registrar ", "Dr P", "Ward Sister "),
    "paediatrics": ("Dr P", "Consultant Paediatrician ", "CDC Nurse "),
    "midwifery": ("MW", "MW", "Community Midwife "),
    "education": ("DSL", "Class Teacher ", "Head Teacher ", "EWO"),
    "housing": ("Housing Officer ", "HO"),
    "voluntary": ("FSW", "IDVA"),
    "ambulance": ("Paramedic ",),
    "adult_mental_health": ("CPN", "Psychiatrist ", "Dr M"),
}

# Templates: agency -> (event_type, weight, details variants, outcome variants).
_Template = tuple[str, float, tuple[str, ...], tuple[str, ...]]

_TEMPLATES: dict[str, tuple[_Template, ...]] = {
    "csc": (
        (
            "referral",
            6,
            (
                "Referral received from school regarding Child's presentation.",
                "Contact received from police: notification of domestic incident at the home.",
                "Re-referral from HV: concerns about home conditions and the baby's weight.",
                "MARF received from GP: unexplained bruise to Child's arm.",
                "Referral received by telephone from hospital SW: Child attended A&E with "
                "bruising to the face.",
                "Anonymous referral: children left alone in the flat overnight.",
            ),
            (
                "Passed to duty TM for decision.",
                "TM decision: initial assessment.",
                "Strategy discussion to be convened.",
                "Allocated to SW for assessment.",
            ),
        ),
        (
            "referral_decision",
            3,
            (
                "Duty TM reviewed the contact.",
                "Referral screened at the MASH.",
                "Management decision on the police notification.",
            ),
            (
                "NFA. Letter to Mother.",
                "Threshold not met; signposted to early help.",
                "No further action. Information shared with HV.",
                "Case closed at referral.",
            ),
        ),
        (
            "initial_assessment",
            3,
            (
                "Initial assessment started; Mother seen at home.",
                "IA completed: concerns about neglect and Mother's alcohol use.",
                "Initial assessment: Child seen alone in bedroom.",
            ),
            ("Core assessment to follow.", "CIN plan recommended.", "TM to sign off IA."),
        ),
        (
            "core_assessment",
            1.5,
            (
                "Core assessment commenced following s47 enquiries.",
                "Core assessment completed and signed off by TM.",
            ),
            ("Shared with Mother.", "Recommendations to ICPC."),
        ),
        (
            "strategy_discussion",
            3,
            (
                "Strategy discussion held by phone (TM, SW, DC from CAIT, HV).",
                "Strategy meeting held: police, CSC and paediatrician present.",
                "Strat meeting following A&E attendance with bruising; GP not invited.",
            ),
            (
                "s47 enquiry to be undertaken jointly with police.",
                "Single agency s47 by CSC.",
                "Agreed NFA; no further action by CSC.",
                "CP medical to be arranged today.",
            ),
        ),
        (
            "s47_enquiry",
            2.5,
            (
                "S47 enquiry: home visit with DC; Child seen and spoken to alone.",
                "Section 47 enquiries completed; concerns substantiated.",
                "s.47 joint investigation: Mother interviewed.",
            ),
            (
                "ICPC to be convened within 15 working days.",
                "Outcome: concerns not substantiated; CIN plan.",
                "Report to conference.",
            ),
        ),
        (
            "icpc",
            1.2,
            (
                "Initial child protection conference held.",
                "ICPC: Child made subject to a child protection plan under the category of "
                "neglect.",
                "Initial case conference: registered under the category of physical abuse.",
            ),
            (
                "Core group within 10 working days.",
                "Review conference in 3 months.",
                "Key worker SW allocated.",
            ),
        ),
        (
            "core_group",
            2,
            (
                "Core group meeting (SW, HV, school, Mother).",
                "CG meeting: Mother did not attend.",
                "Core group: progress against the plan reviewed.",
            ),
            ("Plan updated.", "Next core group in 6 weeks.", "Actions agreed."),
        ),
        (
            "review_conference",
            1,
            (
                "Review child protection conference.",
                "RCPC held: little progress.",
                "Review conference: plan ended, Child deregistered.",
            ),
            ("Plan continues.", "Child remains subject to a CP plan.", "Step down to CIN."),
        ),
        (
            "cin_meeting",
            1.5,
            ("Child in need meeting held.", "CIN review: attendance improved."),
            ("CIN plan continues.", "Case to close if progress maintained."),
        ),
        (
            "home_visit",
            12,
            (
                "Home visit. Child seen; no marks or bruises seen.",
                "Unannounced home visit. Child not seen: asleep upstairs.",
                "Statutory visit. Home conditions poor, little food in the fridge.",
                "Announced home visit. Child seen in the living room with Mother.",
                "Home visit: no reply at the address.",
                "Home visit. Small bruise to Child's cheek; Mother said Child fell.",
                "Home visit. Child seen alone in bedroom; Child said things were fine.",
            ),
            (
                "Next visit in 2 weeks.",
                "Visit to be rearranged.",
                "Advice given to Mother.",
                "SW to discuss with TM.",
                "Recorded on file.",
            ),
        ),
        (
            "office_visit",
            1,
            ("Mother seen at the office with Child.", "Contact at the contact centre observed."),
            ("Recorded.", "Next contact next week."),
        ),
        (
            "supervision",
            4,
            (
                "Supervision: case discussed with TM.",
                "Case discussed in supervision; drift noted.",
                "Supervision record: TM reviewed the plan.",
            ),
            ("Actions set for SW.", "Plan continues.", "Legal advice to be sought."),
        ),
        (
            "management_oversight",
            2,
            (
                "Management oversight: TM reviewed the file.",
                "TM decision recorded on file.",
                "Manager reviewed the case after the new referral.",
            ),
            ("Proceed with assessment.", "Case to remain open.", "Strategy discussion needed."),
        ),
        (
            "allocation",
            1,
            ("Case allocated to SW.", "Case transferred to long-term team.", "Reallocated."),
            ("SW to visit within 5 days.", "Handover completed."),
        ),
        (
            "placement",
            0.8,
            (
                "Child placed with family friend by agreement with Mother.",
                "Child placed in foster placement under s20.",
                "Child moved to the care of maternal grandmother.",
            ),
            ("Placement to be reviewed.", "No checks on the carer recorded.", "LAC review due."),
        ),
        (
            "carer_assessment",
            0.5,
            (
                "Regulation 38 checks started on the family friend.",
                "Viability assessment of maternal aunt completed.",
                "Connected person assessment: carer approved.",
            ),
            ("Report to panel.", "Carer approved temporarily."),
        ),
        (
            "return_home",
            0.5,
            ("Child returned home to Mother's care.", "Child rehabilitated home."),
            ("Written agreement signed.", "Visits weekly."),
        ),
        (
            "legal_planning_meeting",
            0.5,
            ("Legal planning meeting held.", "LPM: threshold for proceedings not met."),
            ("PLO letter to parents.", "Continue CP plan."),
        ),
        (
            "case_closure",
            1,
            ("Case closed.", "Closure summary completed."),
            ("Letter to family and agencies.", "NFA."),
        ),
        (
            "information_sharing",
            3,
            (
                "SW telephoned HV to share the outcome of the visit.",
                "SW emailed school for an attendance update.",
                "Letter to GP requesting information.",
                "SW informed police of the plan.",
            ),
            ("Awaiting reply.", "Information received.", "Shared."),
        ),
    ),
    "police": (
        (
            "police_incident",
            6,
            (
                "Domestic incident at the address: Mother and partner arguing; children present.",
                "DV call-out: partner assaulted Mother; Child woke and was crying.",
                "Police attended the address following a neighbour's call about shouting.",
                "DA incident: partner left before police arrived; children asleep.",
            ),
            (
                "DASH risk: medium. Merlin to CSC.",
                "DASH standard; notification to CSC.",
                "Partner arrested; MARAC referral.",
                "No offences disclosed.",
            ),
        ),
        (
            "referral",
            3,
            (
                "Merlin created: child coming to notice.",
                "Notification to CSC of the domestic incident.",
                "PPU reviewed the report and referred to CSC.",
            ),
            ("Sent to MASH.", "Emailed to CSC.", "Shared with CSC and HV."),
        ),
        (
            "police_investigation",
            3,
            (
                "CAIT investigation: Mother interviewed under caution.",
                "Joint investigation with CSC commenced.",
                "CAIT reviewed the medical evidence.",
            ),
            ("Bailed pending CPS advice.", "No further police action.", "File to CPS."),
        ),
        (
            "arrest",
            1.5,
            ("Mother's partner arrested for assault.", "Mother arrested on suspicion of neglect."),
            ("Released on bail.", "Charged and remanded."),
        ),
        (
            "strategy_discussion",
            1.5,
            ("Strategy discussion with CSC.", "Attended strategy meeting at CSC office."),
            ("Joint s47 agreed.", "Police to lead on criminal investigation."),
        ),
    ),
    "gp": (
        (
            "gp_appointment",
            6,
            (
                "Child seen with cough and fever.",
                "Seen by GP: nappy rash; no injuries noted.",
                "Child seen with Mother: bruise to forehead, Mother said Child fell.",
                "Mother reported Child not feeding well; weight checked.",
                "GP appointment: eczema flare.",
            ),
            ("Antibiotics prescribed.", "Review in 2 weeks.", "Advice given.", "Recorded."),
        ),
        (
            "dna",
            3,
            (
                "Child not brought to immunisation appointment (DNA).",
                "Was not brought for asthma review.",
                "DNA 8-week check.",
            ),
            ("Rebooked.", "Letter to Mother.", "HV informed."),
        ),
        (
            "referral",
            1,
            ("GP referred Child to paediatrics.", "GP referred to CSC: unexplained bruising."),
            ("Referral faxed.", "Phoned duty desk."),
        ),
        (
            "information_sharing",
            1.5,
            ("Report sent to ICPC.", "Letter from A&E received and filed."),
            ("Filed.", "GP did not attend conference."),
        ),
    ),
    "health_visiting": (
        (
            "health_visit",
            6,
            (
                "New birth visit. Baby weighed; feeding well.",
                "Developmental check at home. No marks or bruises seen.",
                "Child weighed at clinic: weight dropped to the 9th centile.",
                "HV contact at home: faint bruise to Child's ear noted.",
                "Home visit: home conditions cluttered; dogs in the living room.",
            ),
            (
                "Review in 4 weeks.",
                "Advice on feeding.",
                "Universal plus service.",
                "HV to discuss with SW.",
            ),
        ),
        (
            "dna",
            3,
            (
                "Child was not brought to clinic.",
                "DNA developmental review.",
                "No access visit; card left.",
            ),
            ("Letter offering home visit.", "Rebooked.", "GP informed."),
        ),
        (
            "concern",
            1.5,
            ("HV worried about Mother's low mood.", "HV raised concerns about the baby's weight."),
            ("Discussed with named nurse.", "Shared with SW."),
        ),
        (
            "disagreement",
            0.4,
            ("HV disagreed with the decision to close the case.",),
            ("Not taken further.", "Discussed with safeguarding lead."),
        ),
    ),
    "hospital": (
        (
            "hospital_attendance",
            6,
            (
                "Attended A&E with head injury; Mother said Child fell from the sofa.",
                "ED attendance: bruising to both cheeks, explanation inconsistent.",
                "Attended A&E with wheeze.",
                "Admitted to paediatric ward with vomiting.",
                "A&E attendance: burn to hand; Mother said Child touched the iron.",
                "Discharged home; no injuries noted on examination.",
            ),
            (
                "Discharged with advice.",
                "Paediatric liaison notified HV.",
                "Referred to CSC by hospital SW.",
                "Admitted for observation.",
            ),
        ),
        (
            "skeletal_survey",
            0.8,
            ("Skeletal survey: no fractures seen.", "Skeletal survey: healing rib fracture."),
            ("Result to paediatrician.", "Repeat views in 14 days."),
        ),
        (
            "medical_examination",
            1,
            (
                "Child protection medical on the ward.",
                "CP medical: bruising consistent with non-accidental injury.",
            ),
            ("Report to CSC and police.", "Skeletal survey requested."),
        ),
    ),
    "paediatrics": (
        (
            "medical_examination",
            2,
            (
                "CP medical: multiple bruises of different ages.",
                "Paediatric assessment: no injuries noted.",
                "Examined by paediatrician: bruise unexplained.",
            ),
            ("Report to SW.", "Skeletal survey requested.", "No further medical action."),
        ),
        (
            "dna",
            1,
            ("Child not brought to CDC appointment.", "Did not attend paediatric clinic."),
            ("Rebooked.", "Letter to GP."),
        ),
    ),
    "midwifery": (
        (
            "health_visit",
            2,
            ("Antenatal booking at 24 weeks.", "Postnatal home visit: Mother and baby well."),
            ("Routine DV enquiry completed.", "Transfer to HV."),
        ),
        (
            "referral",
            1,
            ("Midwife referred unborn baby to CSC.",),
            ("Pre-birth assessment requested.",),
        ),
    ),
    "education": (
        (
            "concern",
            4,
            (
                "Child arrived hungry and in dirty clothes.",
                "Child said the police came to the house last night.",
                "Child disclosed that partner hit Mother.",
                "Attendance has fallen to 82%.",
            ),
            ("DSL logged on CPOMS.", "Referred to CSC.", "Shared with SW.", "Letter home."),
        ),
        (
            "meeting",
            1,
            ("DSL attended professionals meeting.", "Attended multi-agency meeting."),
            ("Actions noted.", "School to monitor."),
        ),
    ),
    "housing": (
        (
            "other",
            2,
            ("Tenancy visit: rent arrears of 800 pounds.", "Family presented as homeless."),
            ("Temporary accommodation arranged.", "Referral to tenancy support."),
        ),
    ),
    "voluntary": (
        (
            "home_visit",
            2,
            ("Family support home visit.", "IDVA telephone contact with Mother."),
            ("Safety plan reviewed.", "Weekly visits continue."),
        ),
        (
            "escalation",
            0.3,
            ("Worker escalated concerns to CSC TM under the escalation policy.",),
            ("TM agreed to review the case.",),
        ),
    ),
    "ambulance": (
        (
            "hospital_attendance",
            1,
            ("999 call: Child found unresponsive.", "Conveyed to A&E after a fall."),
            ("Handed over to ED.",),
        ),
    ),
    "adult_mental_health": (
        (
            "other",
            1,
            ("Mother seen by CMHT: low mood.", "Psychiatric review of Mother."),
            ("Medication reviewed.", "Discharged to GP."),
        ),
    ),
}

# Extra fragments appended to details (the empty string keeps some rows short).
_CONTEXT: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    " Mother reported she was coping.",
    " Mother reported that partner no longer visits.",
    " Mother said Child had been unwell for 2 days.",
    " Partner present and hostile.",
    " Mr X not present.",
    " Siblings also seen.",
    " Maternal grandmother present.",
    " Home conditions adequate.",
    " Home cluttered and cold.",
    " Dogs in the home.",
    " Mother appeared low in mood.",
    " Mother smelt of alcohol.",
    " Child appeared withdrawn.",
    " Child appeared happy and well cared for.",
    " Interpreter not used.",
    " Father's whereabouts unknown.",
    " Family friend present.",
    " Checked for bruising, none found.",
    " Denied any injury.",
    " Mother disclosed previous DV.",
    " Child's weight 9th centile.",
    " Child's weight 25th centile.",
    " Rent arrears reported.",
    " Child had head lice.",
    " Nappy not changed for some time.",
    " Mother was late for the appointment.",
)

_TAIL: tuple[str, ...] = (
    "",
    "",
    "",
    " See file.",
    " (late entry)",
    " Recorded retrospectively.",
    " Discussed with colleague.",
    " Seen with sibling.",
    " Same day.",
)

_MONTHS = tuple(calendar.month_name)  # "", "January", ...
_SEASONS = {3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer", 7: "Summer", 8: "Summer"}
_SEASONS |= {9: "Autumn", 10: "Autumn", 11: "Autumn"}

# Date styles: index -> weight among ordinary (non-fuzzy) dates.
_PLAIN_STYLE_WEIGHTS = (0.86, 0.05, 0.04, 0.03, 0.02)
_N_PLAIN = len(_PLAIN_STYLE_WEIGHTS)
_N_FUZZY = 7


def _number_fragments(seed: int, size: int = 8192) -> np.ndarray:
    """A pool of short fragments carrying numbers (weights, refs, ages, times, centiles).

    They make most details cells unique, as real narrative is, so that per-value caching
    in a reader does not make a benchmark unrealistically easy.
    """
    rng = np.random.default_rng(seed + 7919)
    patterns = (
        lambda: f" Weight {rng.uniform(2.5, 25):.2f}kg.",
        lambda: f" Crime ref {rng.integers(1, 99):02d}/{rng.integers(10000, 99999)}/07.",
        lambda: f" Framework-i ref {rng.integers(100000, 999999)}.",
        lambda: f" Child aged {rng.integers(1, 60)} months.",
        lambda: f" Phoned at {rng.integers(8, 19):02d}:{rng.integers(0, 60):02d}.",
        lambda: f" Attendance {rng.integers(55, 100)}% this term.",
        lambda: f" Head circumference {rng.uniform(33, 50):.1f}cm.",
        lambda: f" Bruise approx {rng.integers(1, 6)}cm x {rng.integers(1, 4)}cm.",
        lambda: f" {rng.integers(2, 9)} previous notifications.",
        lambda: f" Visit lasted {rng.integers(10, 90)} minutes.",
    )
    picks = rng.integers(0, len(patterns), size=size)
    return np.array([patterns[k]() for k in picks], dtype=object)


def _ordinal(day: int) -> str:
    """``1 -> "1st"``, ``12 -> "12th"``, ``22 -> "22nd"``."""
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _date_forms(day: dt.date) -> tuple[str, ...]:
    """Every written form of one date: 5 ordinary styles then 7 fuzzy ones."""
    d, m, y = day.day, day.month, day.year
    month = _MONTHS[m]
    part = "early" if d <= 10 else "mid" if d <= 20 else "late"
    monday = day - dt.timedelta(days=day.weekday())
    season = _SEASONS.get(m)
    return (
        # ordinary
        f"{d:02d}/{m:02d}/{y}",
        f"{d:02d}/{m:02d}/{y % 100:02d}",
        f"{d}.{m}.{y % 100:02d}",
        day.isoformat(),
        f"{d} {month} {y}",
        # fuzzy
        f"{_ordinal(d)} {month} {y}",
        f"{month} {y}",
        f"{part} {month} {y}",
        f"w/c {monday:%d/%m/%y}",
        f"c. {month} {y}",
        f"?{d} {month} {y}",
        f"{season} {y}" if season else f"{part} {month} {y}",
    )


def _time_forms() -> np.ndarray:
    """Table (3 styles x 1440 minutes) of time strings: 14:30, 2.30pm, 1430hrs."""
    minutes = range(24 * 60)
    table = np.empty((3, 24 * 60), dtype=object)
    for i in minutes:
        h, mi = divmod(i, 60)
        h12 = h % 12 or 12
        table[0, i] = f"{h:02d}:{mi:02d}"
        table[1, i] = f"{h12}.{mi:02d}{'am' if h < 12 else 'pm'}"
        table[2, i] = f"{h:02d}{mi:02d}hrs"
    return table


_TIME_TABLE = _time_forms()


class _Tables:
    """Flat numpy tables of every agency's names, sources, practitioners and templates."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        codes = [c for c, w in weights.items() if w > 0]
        if not codes:
            raise ValueError("at least one agency needs a positive weight")
        total = float(sum(weights[c] for c in codes))
        self.codes = np.array(codes, dtype=object)
        self.p = np.array([weights[c] / total for c in codes])
        self.names, self.name_start, self.name_len = self._flatten(AGENCY_NAMES, codes)
        self.sources, self.source_start, self.source_len = self._flatten(_SOURCES, codes)
        practitioners = {c: self._practitioners(_ROLES[c]) for c in codes}
        self.pract, self.pract_start, self.pract_len = self._flatten(practitioners, codes)

        event_types: list[str] = []
        cum: list[float] = []
        details: list[str] = []
        outcomes: list[str] = []
        d_start: list[int] = []
        d_len: list[int] = []
        o_start: list[int] = []
        o_len: list[int] = []
        for a, code in enumerate(codes):
            templates = _TEMPLATES[code]
            total_w = sum(tpl[1] for tpl in templates)
            running = 0.0
            for k, (etype, weight, det, out) in enumerate(templates):
                running += weight / total_w
                cum.append(a + (1.0 if k == len(templates) - 1 else running))
                event_types.append(etype)
                d_start.append(len(details))
                d_len.append(len(det))
                details.extend(det)
                o_start.append(len(outcomes))
                o_len.append(len(out))
                outcomes.extend(out)
        self.tpl_cum = np.array(cum)
        self.tpl_type = np.array(event_types, dtype=object)
        self.details = np.array(details, dtype=object)
        self.outcomes = np.array(outcomes, dtype=object)
        self.d_start, self.d_len = np.array(d_start), np.array(d_len)
        self.o_start, self.o_len = np.array(o_start), np.array(o_len)
        self.context = np.array(_CONTEXT, dtype=object)
        self.tail = np.array(_TAIL, dtype=object)

    @staticmethod
    def _practitioners(roles: Sequence[str]) -> list[str]:
        """Role codes with numbers: SW1..SW12; roles ending in a space get 1..4."""
        out: list[str] = []
        for role in roles:
            top = 5 if role.endswith(" ") else 13
            out.extend(f"{role}{n}" for n in range(1, top))
        return out

    @staticmethod
    def _flatten(
        table: Mapping[str, Sequence[str]], codes: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Concatenate per-agency lists; return values, start offsets and lengths."""
        values: list[str] = []
        start: list[int] = []
        length: list[int] = []
        for code in codes:
            start.append(len(values))
            length.append(len(table[code]))
            values.extend(table[code])
        return np.array(values, dtype=object), np.array(start), np.array(length)


def _pick(rng: np.random.Generator, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """For each row, a uniform index into its own segment ``[start, start + length)``."""
    return start + (rng.random(start.shape[0]) * length).astype(np.int64)


def _agency_weights(agencies: Sequence[str] | Mapping[str, float] | None) -> dict[str, float]:
    """Normalise the ``agencies`` argument to a weight per agency code."""
    if agencies is None:
        return dict(DEFAULT_AGENCY_WEIGHTS)
    if isinstance(agencies, Mapping):
        weights = {str(k): float(v) for k, v in agencies.items()}
    else:
        weights = {str(code): DEFAULT_AGENCY_WEIGHTS.get(str(code), 0.05) for code in agencies}
    unknown = sorted(set(weights) - set(_TEMPLATES))
    if unknown:
        raise ValueError(f"unknown agency codes {unknown}; choose from {sorted(_TEMPLATES)}")
    return weights


def generate_chronology(
    n_rows: int,
    *,
    seed: int = 0,
    messy_fraction: float = 0.05,
    start: str = "2005-01-01",
    agencies: Sequence[str] | Mapping[str, float] | None = None,
    include_truth: bool = False,
) -> pd.DataFrame:
    """Generate a synthetic combined chronology.

    Parameters
    ----------
    n_rows
        Number of rows.
    seed
        Seed for :func:`numpy.random.default_rng`; the same arguments give the same frame.
    messy_fraction
        Share of rows whose date is written in a fuzzy form ("early June 2006", "w/c
        12/03/07", "?22 May 2006", "Spring 2007", "c. June 2007", "March 2007", "12th March
        2007"). The rest use dd/mm/yyyy (86%), dd/mm/yy, d.m.yy, ISO or "12 March 2007".
    start
        First possible date (ISO). The chronology spans about three days per row, at least
        six months and at most twelve years, so most days carry several events at scale.
    agencies
        Agency codes to include (default weights kept), or a mapping code -> weight.
        Default: all agencies in :data:`DEFAULT_AGENCY_WEIGHTS`.
    include_truth
        Add ``_agency_code`` and ``_event_type`` columns with the generating template's
        agency and event type (for accuracy benchmarks of the classifiers).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, all strings (empty string where a cell is blank).

    Examples
    --------
    >>> df = generate_chronology(5, seed=1)
    >>> list(df.columns) == list(COLUMNS)
    True
    >>> len(df)
    5
    """
    if n_rows < 0:
        raise ValueError("n_rows must be >= 0")
    if not 0.0 <= messy_fraction <= 1.0:
        raise ValueError("messy_fraction must be between 0 and 1")
    tables = _Tables(_agency_weights(agencies))
    rng = np.random.default_rng(seed)
    n = int(n_rows)

    # --- dates: sorted day offsets, a few displaced, written in mixed styles ------------
    first = dt.date.fromisoformat(start)
    span = int(np.clip(n * 3, 183, 12 * 365))
    forms = np.array(
        [_date_forms(first + dt.timedelta(days=i)) for i in range(span)], dtype=object
    ).T  # (styles, days)
    days = np.sort(rng.integers(0, span, size=n))
    n_displaced = n // 200
    if n_displaced:
        idx = rng.choice(n, size=n_displaced, replace=False)
        shift = rng.integers(-45, 46, size=n_displaced)
        days[idx] = np.clip(days[idx] + shift, 0, span - 1)
    style = rng.choice(_N_PLAIN, size=n, p=_PLAIN_STYLE_WEIGHTS)
    fuzzy = rng.random(n) < messy_fraction
    style[fuzzy] = _N_PLAIN + rng.integers(0, _N_FUZZY, size=int(fuzzy.sum()))
    date_col = forms[style, days]

    # --- times: blank for most rows, mixed styles otherwise ------------------------------
    minute = np.clip(rng.normal(13 * 60, 4 * 60, size=n), 0, 24 * 60 - 1).astype(np.int64)
    minute -= minute % 5
    time_style = rng.choice(3, size=n, p=(0.8, 0.1, 0.1))
    time_col = _TIME_TABLE[time_style, minute]
    time_col[rng.random(n) < 0.6] = ""

    # --- agency, template, text ----------------------------------------------------------
    numbers = _number_fragments(seed)
    numbers[: len(numbers) // 3] = ""  # a third of rows carry no number
    n_ctx = len(tables.context)
    ctx1 = rng.integers(0, n_ctx, size=n)
    ctx2 = (ctx1 + 1 + rng.integers(0, n_ctx - 1, size=n)) % n_ctx  # never the same sentence
    agency = rng.choice(len(tables.codes), size=n, p=tables.p)
    tpl = np.searchsorted(tables.tpl_cum, agency + rng.random(n), side="right")
    tpl = np.minimum(tpl, len(tables.tpl_cum) - 1)
    agency_col = tables.names[_pick(rng, tables.name_start[agency], tables.name_len[agency])]
    source_col = tables.sources[_pick(rng, tables.source_start[agency], tables.source_len[agency])]
    pract_col = tables.pract[_pick(rng, tables.pract_start[agency], tables.pract_len[agency])]
    details_col = (
        tables.details[_pick(rng, tables.d_start[tpl], tables.d_len[tpl])]
        + tables.context[ctx1]
        + tables.context[ctx2]
        + numbers[rng.integers(0, len(numbers), size=n)]
        + tables.tail[rng.integers(0, len(tables.tail), size=n)]
    )
    outcome_col = tables.outcomes[_pick(rng, tables.o_start[tpl], tables.o_len[tpl])]

    data: dict[str, np.ndarray] = dict(
        zip(
            COLUMNS,
            (date_col, time_col, agency_col, source_col, pract_col, details_col, outcome_col),
            strict=True,
        )
    )
    if include_truth:
        data["_agency_code"] = tables.codes[agency]
        data["_event_type"] = tables.tpl_type[tpl]
    frame = pd.DataFrame({k: v.astype(object) for k, v in data.items()})
    return frame.astype(str)


def write_chronology(
    path: str | Path,
    n_rows: int,
    *,
    seed: int = 0,
    fmt: str = "csv",
    **options: object,
) -> Path:
    """Generate a chronology and write it to ``path`` as CSV or XLSX.

    ``options`` are passed to :func:`generate_chronology` (``messy_fraction``, ``start``,
    ``agencies``). XLSX is written with openpyxl's write-only mode (one sheet,
    "Chronology"; dates stay text as in many submitted files). Returns the path.
    """
    path = Path(path)
    frame = generate_chronology(n_rows, seed=seed, **options)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Chronology")
        ws.append(list(frame.columns))
        for values in frame.itertuples(index=False, name=None):
            ws.append([v or None for v in values])  # blank cells, not empty strings
        wb.save(path)
    else:
        raise ValueError(f"fmt must be 'csv' or 'xlsx', not {fmt!r}")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python benchmarks/generate.py --rows N --format csv --out PATH``."""
    parser = argparse.ArgumentParser(description="Write a synthetic (fictional) chronology.")
    parser.add_argument("--rows", type=int, required=True, help="number of rows")
    parser.add_argument("--out", type=Path, required=True, help="output file")
    parser.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        default=None,
        help="file format (default: from the --out suffix, else csv)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--messy-fraction", type=float, default=0.05)
    parser.add_argument("--start", default="2005-01-01", help="first possible date (ISO)")
    parser.add_argument(
        "--agencies", default=None, help="comma-separated agency codes (default: all)"
    )
    args = parser.parse_args(argv)
    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "csv")
    agencies = args.agencies.split(",") if args.agencies else None
    began = time.perf_counter()
    try:
        path = write_chronology(
            args.out,
            args.rows,
            seed=args.seed,
            fmt=fmt,
            messy_fraction=args.messy_fraction,
            start=args.start,
            agencies=agencies,
        )
    except ValueError as exc:
        parser.error(str(exc))
    elapsed = time.perf_counter() - began
    print(f"wrote {args.rows} rows to {path} ({fmt}) in {elapsed:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
