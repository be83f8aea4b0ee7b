"""Rules: check a chronology against a rulebook of safeguarding procedures.

Rulebooks are TOML data (``rulebooks/*.toml``); the engine knows five rule kinds
(response, precedence, cadence, accumulation, involvement) and nothing about
safeguarding. See ``docs/rules.md`` for every rule, its window and its source.

Examples
--------
>>> from scr_timeline.rules import list_rules
>>> "INJ-STRAT" in list_rules()["id"].tolist()
True
"""

from __future__ import annotations

from .engine import IN_FORCE, analyse, analyse_each, rulebook_in_force
from .findings import Finding, Findings
from .rulebook import Rulebook, available_rulebooks, list_rules, load_rulebook

__all__ = [
    "IN_FORCE",
    "Finding",
    "Findings",
    "Rulebook",
    "analyse",
    "analyse_each",
    "available_rulebooks",
    "list_rules",
    "load_rulebook",
    "rulebook_in_force",
]
