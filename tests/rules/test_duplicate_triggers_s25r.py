"""A copy's trigger (``duplicate_of``) and the rule's agency condition: the record another
agency holds more of stands in for the copy only where the rule would select it too."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse
from scr_timeline.testing import make_events

# a local rule (as a partnership writes one): health practitioners who see a suspicious
# injury tell their named nurse for safeguarding within 1 WD
LOCAL = """
[rulebook]
name = "north-borough"
extends = "wt2006"

[rules.HEALTH-NAMED-NURSE]
kind = "response"
category = "procedure"
severity = "medium"
trigger = { suspicious_injury = true, agency = ["gp", "health_visiting", "hospital"] }
expected = { text = 'named nurse' }
expected_label = "discussion with the named nurse for safeguarding"
window = "1 WD"
agency = "trigger"
reference = "local"
"""

SUSPICIOUS = {"injury": True, "suspicious_injury": True, "injury_kinds": ("bruise",)}


def _events(rows: list[tuple[str, dict[str, Any]]]) -> pd.DataFrame:
    keys = sorted({k for _, kw in rows for k in kw})
    defaults: dict[str, Any] = {"injury": False, "suspicious_injury": False,
                                "injury_kinds": (), "counterparts": ()}  # fmt: skip
    columns: dict[str, list[Any]] = {"start": [day for day, _ in rows]}
    for key in keys:
        columns[key] = [kw.get(key, defaults.get(key)) for _, kw in rows]
    return make_events(**columns)


def test_a_health_visitors_copy_triggers_its_own_rule_not_social_cares_record(tmp_path):
    # Tuesday 6 March 2007: a joint visit. Social care's record (it holds the strategy
    # discussion to follow) is the original; the health visitor's, its copy, is the only
    # health record of the bruise. The rule is the health visitor's to answer: its trigger
    # had passed to social care's row ('csc did not tell the named nurse'); due Wednesday 7th
    csc = {"agency": "csc", "event_type": "home_visit", "counterparts": ("health_visiting",),
           "details": "Joint home visit with HV1. Bruise to Baby's cheek. Strategy discussion "
                      "to follow.", **SUSPICIOUS}  # fmt: skip
    hv = {"agency": "health_visiting", "event_type": "home_visit", "counterparts": ("csc",),
          "details": "Joint home visit with SW1. Bruise to Baby's cheek.", "duplicate_of": "e1",
          **SUSPICIOUS}  # fmt: skip
    filler = {"agency": "other", "event_type": "other", "details": "Case file audit."}
    rows = [("2007-03-06", csc), ("2007-03-06", hv), ("2007-06-01", filler)]
    path = tmp_path / "north-borough.toml"
    path.write_text(textwrap.dedent(LOCAL), encoding="utf-8")
    frame = analyse(Chronology(_events(rows)), rulebook=path, rules=["HEALTH-NAMED-NURSE"])
    out = frame.to_frame()
    assert out["trigger_event_id"].tolist() == ["e2"]
    assert out["agency"].tolist() == ["health_visiting"]
    assert [str(d.date()) for d in out["due"]] == ["2007-03-07"]
    # the named nurse told the next day: answered, by the health visitor's own record
    told = {"agency": "health_visiting", "event_type": "information_sharing",
            "details": "Discussed with the named nurse for safeguarding."}  # fmt: skip
    rows.insert(2, ("2007-03-07", told))
    assert (
        analyse(Chronology(_events(rows)), rulebook=path, rules=["HEALTH-NAMED-NURSE"])
        .to_frame()
        .empty
    )


def test_a_copy_still_passes_a_trigger_its_original_would_take():
    # the school's concern and social care's record of its referral, the copy: the referral
    # is judged once, from the school's record (RULES.md), as before
    school = {"agency": "education", "event_type": "concern", "counterparts": ("csc",),
              "details": "Child B hungry. DSL phoned MASH."}  # fmt: skip
    csc = {"agency": "csc", "event_type": "referral", "counterparts": ("education",),
           "details": "Referral from school DSL.", "duplicate_of": "e1"}  # fmt: skip
    filler = {"agency": "other", "event_type": "other", "details": "Case file audit."}
    rows = [("2011-09-26", school), ("2011-09-26", csc), ("2011-12-01", filler)]
    out = analyse(Chronology(_events(rows)), rules=["ASM-INITIAL"]).to_frame()
    assert out["trigger_event_id"].tolist() == ["e1"]
