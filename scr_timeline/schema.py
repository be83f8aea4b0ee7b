"""Canonical column names, dtypes and vocabularies.

Every column name and vocabulary used by the library is spelled here once; other
modules import these constants instead of writing the strings themselves.

Examples
--------
>>> from scr_timeline import schema
>>> schema.START
'start'
>>> "csc" in schema.AGENCIES
True
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "AGENCIES",
    "AGENCY",
    "AGENCY_LABELS",
    "APPROXIMATE",
    "CHILD_AGE_DAYS",
    "CHILD_SEEN",
    "CHILD_SEEN_TEXT",
    "COMMENT",
    "CONTACT_TYPE",
    "COUNTERPARTS",
    "COUNTERPARTS_TEXT",
    "DATE_TEXT",
    "DETAILS",
    "DUPLICATE_OF",
    "END",
    "ERROR",
    "ERROR_CODE",
    "EVENT_COLUMNS",
    "EVENT_ID",
    "EVENT_TYPE",
    "EVENT_TYPES",
    "EXTRA",
    "FAMILY_MEMBERS",
    "FIELDS",
    "INJURY",
    "INJURY_KINDS",
    "INJURY_KINDS_VOCAB",
    "MENTIONS",
    "ORGANISATION",
    "OUTCOME",
    "PRACTITIONER",
    "PRECISION",
    "PRECISIONS",
    "REASON",
    "REASON_CODE",
    "REJECTED_COLUMNS",
    "RELATIVE",
    "ROLE",
    "ROLES",
    "SEQUENCE",
    "SOURCE",
    "SOURCE_FILE",
    "SOURCE_ROW",
    "SOURCE_SHEET",
    "START",
    "SUSPICIOUS_INJURY",
    "WARNING_COLUMNS",
]

# --- canonical events table -------------------------------------------------------------
EVENT_ID: Final = "event_id"
START: Final = "start"
END: Final = "end"
PRECISION: Final = "precision"
DATE_TEXT: Final = "date_text"
AGENCY: Final = "agency"
ORGANISATION: Final = "organisation"
SOURCE: Final = "source"
CONTACT_TYPE: Final = "contact_type"
PRACTITIONER: Final = "practitioner"
ROLE: Final = "role"
EVENT_TYPE: Final = "event_type"
DETAILS: Final = "details"
OUTCOME: Final = "outcome"
COMMENT: Final = "comment"
EXTRA: Final = "extra"
COUNTERPARTS: Final = "counterparts"
COUNTERPARTS_TEXT: Final = "counterparts_text"
MENTIONS: Final = "mentions"
INJURY: Final = "injury"
INJURY_KINDS: Final = "injury_kinds"
SUSPICIOUS_INJURY: Final = "suspicious_injury"
CHILD_SEEN: Final = "child_seen"
#: A "Child seen? (Y/N)" column as written: where it says yes or no, it decides
#: ``child_seen`` over the entry's wording.
CHILD_SEEN_TEXT: Final = "child_seen_text"
CHILD_AGE_DAYS: Final = "child_age_days"
DUPLICATE_OF: Final = "duplicate_of"
SEQUENCE: Final = "sequence"
SOURCE_FILE: Final = "source_file"
SOURCE_SHEET: Final = "source_sheet"
SOURCE_ROW: Final = "source_row"

#: Columns of ``Chronology.events`` in order (``event_id`` is the index).
EVENT_COLUMNS: Final[tuple[str, ...]] = (
    START,
    END,
    PRECISION,
    DATE_TEXT,
    AGENCY,
    ORGANISATION,
    SOURCE,
    CONTACT_TYPE,
    PRACTITIONER,
    ROLE,
    EVENT_TYPE,
    MENTIONS,
    DETAILS,
    OUTCOME,
    COMMENT,
    EXTRA,
    COUNTERPARTS_TEXT,
    COUNTERPARTS,
    INJURY,
    INJURY_KINDS,
    SUSPICIOUS_INJURY,
    CHILD_SEEN_TEXT,
    CHILD_SEEN,
    CHILD_AGE_DAYS,
    DUPLICATE_OF,
    SEQUENCE,
    SOURCE_FILE,
    SOURCE_SHEET,
    SOURCE_ROW,
)

# --- rejected rows and warnings -----------------------------------------------------------
REASON: Final = "reason"
REASON_CODE: Final = "reason_code"
COLUMN: Final = "column"
VALUE: Final = "value"
CODE: Final = "code"
MESSAGE: Final = "message"

#: Columns of ``Chronology.rejected``: where the row came from, why, and its cells.
REJECTED_COLUMNS: Final[tuple[str, ...]] = (
    SOURCE_FILE,
    SOURCE_SHEET,
    SOURCE_ROW,
    REASON_CODE,
    REASON,
    COLUMN,
    VALUE,
    DATE_TEXT,
    DETAILS,
)

#: Columns of ``Chronology.warnings``.
WARNING_COLUMNS: Final[tuple[str, ...]] = (
    CODE,
    MESSAGE,
    SOURCE_FILE,
    SOURCE_SHEET,
    SOURCE_ROW,
)

# --- columns of ParsedDates.frame (scr_timeline.dates) besides START, END, PRECISION -------
APPROXIMATE: Final = "approximate"
RELATIVE: Final = "relative"
ERROR_CODE: Final = "error_code"
ERROR: Final = "error"

# --- fields a heading can map to (GLOSSARY.md "Column headings") -------------------------
DATE: Final = "date"
END_DATE: Final = "end_date"
TIME: Final = "time"
#: Warning code: the child's date of birth was taken from the chronology itself (see
#: :mod:`scr_timeline.classify.birth`).
CHILD_DOB_INFERRED: Final = "child_dob_inferred"
#: The child's age as written ("9 months", "6/52"): gives ``child_age_days`` when no date
#: of birth is known (see :mod:`scr_timeline.ages`).
CHILD_AGE: Final = "child_age"

#: Canonical fields that column headings map onto.
FIELDS: Final[tuple[str, ...]] = (
    DATE,
    END_DATE,
    TIME,
    SEQUENCE,
    AGENCY,
    SOURCE,
    CONTACT_TYPE,
    PRACTITIONER,
    DETAILS,
    OUTCOME,
    COUNTERPARTS,
    COMMENT,
    CHILD_AGE,
    CHILD_SEEN,
)

# --- vocabularies ---------------------------------------------------------------------------
#: Date precisions, finest first.
PRECISIONS: Final[tuple[str, ...]] = ("minute", "day", "week", "month", "season", "year")

#: Canonical agency codes with readable labels (GLOSSARY.md "Agencies").
AGENCY_LABELS: Final[dict[str, str]] = {
    "csc": "Children's social care",
    "police": "Police",
    "gp": "GP",
    "health_visiting": "Health visiting",
    "midwifery": "Midwifery",
    "hospital": "Hospital",
    "paediatrics": "Paediatrics",
    "camhs": "CAMHS",
    "adult_mental_health": "Adult mental health",
    "education": "Education",
    "early_years": "Early years",
    "housing": "Housing",
    "probation": "Probation / youth offending",
    "substance_misuse": "Substance misuse",
    "legal": "Legal / courts",
    "voluntary": "Voluntary sector",
    "ambulance": "Ambulance",
    "other": "Other",
}
AGENCIES: Final[tuple[str, ...]] = tuple(AGENCY_LABELS)

#: Family members: counterpart values that are people, not agencies.
FAMILY_MEMBERS: Final[tuple[str, ...]] = (
    "child",
    "mother",
    "father",
    "partner",
    "carer",
    "sibling",
    "grandparent",
    "family",
)

#: Canonical practitioner roles (GLOSSARY.md "Roles").
ROLES: Final[tuple[str, ...]] = (
    "social_worker",
    "team_manager",
    "service_manager",
    "health_visitor",
    "gp",
    "midwife",
    "paediatrician",
    "nurse",
    "police_officer",
    "teacher",
    "iro",
    "lawyer",
    "family_support_worker",
    "other",
)

#: Canonical event types (GLOSSARY.md "Event types").
EVENT_TYPES: Final[tuple[str, ...]] = (
    "referral",
    "referral_decision",
    "initial_assessment",
    "core_assessment",
    "single_assessment",
    "strategy_discussion",
    "s47_enquiry",
    "icpc",
    "cp_plan_start",
    "core_group",
    "review_conference",
    "cp_plan_end",
    "cin_meeting",
    "legal_planning_meeting",
    "court",
    "placement",
    "return_home",
    "carer_assessment",
    "home_visit",
    "office_visit",
    "supervision",
    "management_oversight",
    "allocation",
    "case_closure",
    "medical_examination",
    "skeletal_survey",
    "hospital_attendance",
    "gp_appointment",
    "health_visit",
    "dna",
    "police_incident",
    "police_investigation",
    "arrest",
    "concern",
    "disagreement",
    "escalation",
    "information_sharing",
    "meeting",
    "death",
    "other",
)

#: Kinds of injury recorded in ``injury_kinds``.
INJURY_KINDS_VOCAB: Final[tuple[str, ...]] = (
    "bruise",
    "fracture",
    "burn",
    "head_injury",
    "bite",
    "laceration",
    "petechiae",
    "swelling",
    "black_eye",
    "other",
)
