"""Classify what chronologies say: agencies (from aliases), event types, roles, injuries,
whether the child was seen, counterparts, and contacts recorded twice.

Domain knowledge lives in package data (``scr_timeline/data/*.csv``), not in code; every
vocabulary can be extended with a file of your own.

Examples
--------
>>> from scr_timeline.classify import agency_from_name
>>> agency_from_name("GP")
'gp'
"""

from scr_timeline.classify.agencies import (
    agency_from_name,
    load_agency_aliases,
    normalise_agencies,
)
from scr_timeline.classify.duplicates import find_duplicates, mark_duplicates
from scr_timeline.classify.pipeline import VOCABULARY_NAMES, child_age_days, classify_events

__all__ = [
    "VOCABULARY_NAMES",
    "agency_from_name",
    "child_age_days",
    "classify_events",
    "find_duplicates",
    "load_agency_aliases",
    "mark_duplicates",
    "normalise_agencies",
]
