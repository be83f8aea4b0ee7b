"""A decision a team or service manager records themselves is that manager's oversight of
it (SUP-KEY-DECISION): 'TM6: Case closed' needs no later supervision; a social worker's
closure does. The predicate key ``role`` reads the practitioner's role."""

from __future__ import annotations

import pytest

import scr_timeline as scr
from scr_timeline.exceptions import RulebookError
from scr_timeline.rules.predicates import EventView, PredicateError, compile_predicate
from scr_timeline.testing import make_events

CASE = """\
Date,Agency,Practitioner,Details,Outcome
04/02/2019,Children's Social Care,SW1,Referral received from HV re home conditions.,Single assessment to start
06/02/2019,Children's Social Care,SW1,Home visit. Child A seen.,
{closure_date},Children's Social Care,{who},Case closed - family engaging with Early Help.,NFA
28/03/2019,GP,Dr B,Child A seen for immunisations.,
"""


def _key_decisions(tmp_path, who: str) -> list[int]:
    path = tmp_path / f"{who}.csv"
    path.write_text(CASE.format(closure_date="04/03/2019", who=who), encoding="utf-8")
    found = scr.analyse(scr.read(path), rules=["SUP-KEY-DECISION"]).to_frame()
    return found["source_row"].astype(int).tolist()  # the closure is row 4


def test_a_managers_own_closure_is_overseen(tmp_path):
    assert _key_decisions(tmp_path, "TM6") == []
    assert _key_decisions(tmp_path, "Service Manager") == []


def test_a_social_workers_closure_still_wants_oversight(tmp_path):
    assert _key_decisions(tmp_path, "SW1") == [4]


def test_the_role_key_selects_by_the_practitioners_role():
    events = make_events(
        start=["2019-02-04", "2019-02-05", "2019-02-06"],
        agency=["csc", "csc", "csc"],
        role=["team_manager", "social_worker", None],
    )
    view = EventView.from_events(events)
    managers = compile_predicate({"role": ["team_manager", "service_manager"]}, where="test")
    assert managers.evaluate(view, {}).tolist() == [True, False, False]


def test_an_unknown_role_is_a_clear_error():
    with pytest.raises((PredicateError, RulebookError)) as err:
        compile_predicate({"role": ["manager"]}, where="test")
    assert "manager" in str(err.value)
