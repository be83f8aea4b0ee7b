"""Classify what chronologies say: agencies (from aliases), and later event types,
injuries and contacts.

Domain knowledge lives in package data (``scr_timeline/data/*.csv``), not in code.

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

__all__ = ["agency_from_name", "load_agency_aliases", "normalise_agencies"]
