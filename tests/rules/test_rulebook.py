"""Loading and checking rulebooks: bundled books, extends/drop, and errors that say where."""

from __future__ import annotations

import textwrap

import pytest

from scr_timeline.exceptions import RulebookError
from scr_timeline.rules import available_rulebooks, list_rules, load_rulebook

WT2006_IDS = [
    "INJ-REFER", "INJ-STRAT", "INJ-MEDICAL", "INJ-SKELETAL", "INJ-POLICE",
    "ESC-REF-DECISION", "ESC-CUMULATIVE", "ESC-DOMESTIC", "ESC-WNB", "ESC-DISAGREE",
    "ASM-INITIAL", "ASM-CORE", "CONF-ICPC", "CONF-CORE-GROUP", "CONF-REVIEW",
    "SUP-CADENCE", "SUP-KEY-DECISION", "VIS-CP",
    "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL", "PLC-CONNECTED",
]  # fmt: skip


def test_bundled_rulebooks():
    assert available_rulebooks() == ["wt2006", "wt2010", "wt2013", "wt2015", "wt2018", "wt2023"]
    assert list(load_rulebook("wt2006").rules) == WT2006_IDS


def test_later_rulebooks_per_rules_md():
    ids = {name: set(load_rulebook(name).rules) for name in available_rulebooks()}
    assert ids["wt2010"] == set(WT2006_IDS)
    assert str(load_rulebook("wt2010").rules["ASM-INITIAL"].window) == "10 WD"
    expected_2013 = (set(WT2006_IDS) - {"ASM-INITIAL", "ASM-CORE"}) | {"ASM-SINGLE", "SD-HEALTH"}
    assert ids["wt2013"] == ids["wt2015"] == expected_2013
    assert str(load_rulebook("wt2013").rules["ASM-SINGLE"].window) == "45 WD"
    expected_2018 = (expected_2013 - {"SD-HEALTH"}) | {"SD-PARTIES"}
    assert ids["wt2018"] == ids["wt2023"] == expected_2018
    assert [g for g, _ in load_rulebook("wt2023").rules["SD-PARTIES"].groups] == [
        "csc",
        "police",
        "health",
    ]


def test_list_rules_table():
    table = list_rules("wt2006").set_index("id")
    assert table.loc["INJ-SKELETAL", "window"] == "3 days"
    assert table.loc["CONF-REVIEW", "window"] == "first within 3 months, then 6 months"
    assert table.loc["ESC-WNB", "kind"] == "accumulation"
    assert table["reference"].str.len().min() > 10
    assert set(table["category"]) <= {
        "injury_procedure", "missed_escalation", "supervision_gap", "timescale",
        "procedure", "placement", "child_not_seen",
    }  # fmt: skip


def _write(tmp_path, body, name="local.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_local_rulebook_extends_a_bundled_one(tmp_path):
    path = _write(
        tmp_path,
        """
        [rulebook]
        name = "north-borough"
        extends = "wt2006"
        drop = ["ESC-WNB"]

        [rules.VIS-CP]
        window = "10 WD"
        """,
    )
    book = load_rulebook(path)
    assert book.name == "north-borough"
    assert "ESC-WNB" not in book.rules
    assert str(book.rules["VIS-CP"].window) == "10 WD"
    assert str(load_rulebook(str(path)).rules["VIS-CP"].window) == "10 WD"


def _error(tmp_path, body) -> RulebookError:
    path = _write(tmp_path, body)
    with pytest.raises(RulebookError) as info:
        load_rulebook(path)
    err = info.value
    assert err.file == str(path)
    assert str(path) in str(err)
    return err


RULE = """
[rules.MY-RULE]
kind = "response"
category = "timescale"
severity = "medium"
reference = "local"
expected_label = "x"
trigger = {{ event_type = ["referral"] }}
expected = {{ event_type = ["{expected}"] }}
window = "{window}"
"""


def test_unknown_event_type_names_file_rule_and_key(tmp_path):
    err = _error(tmp_path, RULE.format(expected="initial_asessment", window="7 WD"))
    assert "MY-RULE" in str(err) and "event_type" in str(err)
    assert err.found == "initial_asessment"
    assert "initial_assessment" in (err.expected or "")


def test_bad_window_names_file_rule_and_key(tmp_path):
    err = _error(tmp_path, RULE.format(expected="initial_assessment", window="seven days"))
    assert err.column == "MY-RULE.window"
    assert err.found == "seven days"


def test_unknown_kind(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD").replace(
        '"response"', '"sometimes"'
    )
    err = _error(tmp_path, body)
    assert err.column == "MY-RULE.kind"
    assert "response" in (err.expected or "")


def test_unknown_key_and_missing_key(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD") + 'colour = "red"\n'
    assert _error(tmp_path, body).column == "MY-RULE.colour"
    body = RULE.format(expected="initial_assessment", window="7 WD").replace('window = "7 WD"', "")
    assert _error(tmp_path, body).column == "MY-RULE.window"


def test_unknown_predicate_name_and_bad_agency(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD").replace(
        'trigger = { event_type = ["referral"] }', 'trigger = "refferal_to_csc"'
    )
    err = _error(tmp_path, body)
    assert err.column == "MY-RULE.trigger.predicate" and err.found == "refferal_to_csc"
    body = """
    [predicates]
    to_council = { involves = ["council"] }
    """
    err = _error(tmp_path, body)
    assert err.column == "predicates.to_council.involves"


CADENCE = """
[rules.GAP]
kind = "cadence"
category = "timescale"
severity = "low"
reference = "x"
expected_label = "x"
state = "case_open"
expected = { event_type = ["supervision"] }
window = "28 days"
"""


def test_bad_state_and_unknown_state(tmp_path):
    err = _error(tmp_path, "[states.open]\nopens = { event_type = ['referral'] }\n")
    assert err.column == "states.open.closes"
    assert _error(tmp_path, CADENCE).column == "GAP.state"


def test_bad_regex_category_and_toml(tmp_path):
    err = _error(tmp_path, "[predicates]\nx = { text = '(unclosed' }\n")
    assert err.column == "predicates.x.text"
    body = RULE.format(expected="initial_assessment", window="7 WD").replace(
        '"timescale"', '"timescales"'
    )
    assert _error(tmp_path, body).column == "MY-RULE.category"
    assert "not valid TOML" in str(_error(tmp_path, "[rules\n"))


def test_extends_and_drop_errors(tmp_path):
    err = _error(tmp_path, '[rulebook]\nextends = "wt2006"\ndrop = ["NOPE"]\n')
    assert err.column == "rulebook.drop"
    with pytest.raises(RulebookError, match="no rulebook named 'wt1999'"):
        load_rulebook("wt1999")
    # analyse(rulebook="in_force") picks one per chronology; it is no rulebook of its own
    with pytest.raises(RulebookError, match="'in_force' picks an edition for each chronology"):
        load_rulebook("in_force")
    with pytest.raises(RulebookError, match="no such rulebook file"):
        load_rulebook(tmp_path / "missing.toml")
    with pytest.raises(TypeError):
        load_rulebook(2006)  # type: ignore[arg-type]


def test_predicates_may_refer_forward_but_not_in_a_circle(tmp_path):
    path = _write(tmp_path, "[predicates]\na = { is = 'b' }\nb = { agency = ['csc'] }\n")
    assert set(load_rulebook(path).predicates) == {"a", "b"}
    err = _error(tmp_path, "[predicates]\na = { is = 'b' }\nb = { is = 'a' }\n")
    assert "refers to itself" in str(err)


INVOLVEMENT = """
[rules.MY-SD]
kind = "involvement"
category = "procedure"
severity = "medium"
reference = "local"
expected_label = "health"
trigger = {{ event_type = ["strategy_discussion"] }}
groups = {{ health = ["gp", "hospital"] }}
named = {named}
"""


@pytest.mark.parametrize(
    ("named", "column"),
    [
        ("{ police = 'police' }", "MY-SD.named"),  # not one of the rule's groups
        ("{ health = 3 }", "MY-SD.named"),
        ("['health']", "MY-SD.named"),
        ("{ health = '(unclosed' }", "MY-SD.named.health"),
    ],
)
def test_a_bad_named_table_is_a_rulebook_error(tmp_path, named, column):
    err = _error(tmp_path, INVOLVEMENT.format(named=named))
    assert err.column is not None and err.column.startswith(column)


def test_named_groups_are_read(tmp_path):
    path = _write(tmp_path, INVOLVEMENT.format(named="{ health = 'with health' }"))
    rule = load_rulebook(path).rules["MY-SD"]
    assert [label for label, _ in rule.named] == ["health"]


@pytest.mark.parametrize(
    ("extra", "found"),
    [
        ('match = "trigger_agency"\nmatch_also = { hospital = ["paediatricks"] }\n', None),
        ('match = "trigger_agency"\nmatch_also = { hospitl = ["paediatrics"] }\n', None),
        ('match = "trigger_agency"\nmatch_also = { hospital = "paediatrics" }\n', None),
        ('match = "trigger_agency"\nmatch_also = [["hospital", "paediatrics"]]\n', None),
        ('match_also = { hospital = ["paediatrics"] }\n', "needs"),  # match = "any"
    ],
)
def test_a_bad_match_also_is_a_rulebook_error(tmp_path, extra, found):
    body = RULE.format(expected="initial_assessment", window="7 WD") + extra
    err = _error(tmp_path, body)
    assert err.column == "MY-RULE.match_also"
    assert found is None or found in str(err)


def test_match_also_is_read(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD")
    body += 'match = "trigger_agency"\nmatch_also = { hospital = ["paediatrics"] }\n'
    rule = load_rulebook(_write(tmp_path, body)).rules["MY-RULE"]
    assert rule.also == (("hospital", ("paediatrics",)),)
    assert load_rulebook("wt2006").rules["INJ-REFER"].also == (("hospital", ("paediatrics",)),)


ACCUMULATION = """
[rules.MY-WNB]
kind = "accumulation"
category = "missed_escalation"
severity = "medium"
reference = "local"
expected_label = "follow-up"
trigger = {{ event_type = ["dna"] }}
count = 2
within = "90 days"
expected = {{ event_type = ["referral"] }}
window = "10 WD"
tally = {tally}
"""


def test_a_tally_names_each_kind_of_event_in_order(tmp_path):
    tally = '[{ when = { text = "visit" }, one = "visit", many = "visits" }, ' \
        '{ one = "appointment", many = "appointments" }]'  # fmt: skip
    book = load_rulebook(_write(tmp_path, ACCUMULATION.format(tally=tally)))
    entries = book.rules["MY-WNB"].tally
    assert [(e.when is None, e.one, e.many) for e in entries] == [
        (False, "visit", "visits"),
        (True, "appointment", "appointments"),
    ]
    assert entries[0].words(2) == "2 visits" and entries[1].words(1) == "1 appointment"


@pytest.mark.parametrize(
    ("tally", "column"),
    [
        ('"visits"', "MY-WNB.tally"),
        ('[{ one = "visit" }]', "MY-WNB.tally[0]"),
        ('[{ when = "x", one = "visit", many = "visits", colour = "red" }]', "MY-WNB.tally[0]"),
        ('[{ when = { event_type = ["visit"] }, one = "visit", many = "visits" }]',
         "MY-WNB.tally[0].when.event_type"),
    ],
)  # fmt: skip
def test_a_bad_tally_is_a_rulebook_error(tmp_path, tally, column):
    err = _error(tmp_path, ACCUMULATION.format(tally=tally))
    assert err.column == column
    assert "local.toml" in str(err)


def test_a_tally_is_for_accumulation_and_response_rules(tmp_path):
    """A response rule names its trigger with a tally ({called}): one name is enough."""
    body = RULE.format(expected="initial_assessment", window="7 WD")
    book = load_rulebook(_write(tmp_path, body + 'tally = [{ one = "referral" }]\n'))
    assert book.rules["MY-RULE"].tally[0].words(1) == "1 referral"
    assert _error(tmp_path, ACCUMULATION.format(tally='[{ one = "dna" }]')).column == (
        "MY-WNB.tally[0]"
    )  # an accumulation counts: it needs the plural too
    cadence = (
        CADENCE
        + 'tally = [{ one = "gap", many = "gaps" }]\n'
        + (
            '[states.case_open]\nopens = { event_type = ["referral"] }\n'
            'closes = { event_type = ["case_closure"] }\n'
        )
    )
    assert _error(tmp_path, cadence).column == "GAP.tally"


def test_until_next_is_a_predicate(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD")
    err = _error(tmp_path, body + 'until_next = { event_type = ["refferal"] }\n')
    assert err.column == "MY-RULE.until_next.event_type"
    rule = load_rulebook(_write(tmp_path, body + 'until_next = { agency = ["csc"] }\n'))
    assert rule.rules["MY-RULE"].until_next is not None


def test_not_during_names_a_state(tmp_path):
    body = RULE.format(expected="initial_assessment", window="7 WD")
    states = "[states.plan]\nopens = { event_type = ['icpc'] }\ncloses = { event_type = ['cp_plan_end'] }\n"
    err = _error(tmp_path, states + body + 'not_during = "cp_plan"\n')
    assert err.column == "MY-RULE.not_during" and err.found == "cp_plan"
    assert "plan" in (err.expected or "")
    err = _error(tmp_path, states + body + "not_during = ['plan']\n")
    assert err.column == "MY-RULE.not_during"
    book = load_rulebook(_write(tmp_path, states + body + 'not_during = "plan"\n'))
    during = book.rules["MY-RULE"].not_during
    assert during is not None and during.name == "plan"
    assert load_rulebook("wt2013").rules["CONF-ICPC"].not_during.name == "cp_plan"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("in_force", "column"),
    [
        ('"2006"', "rulebook.in_force"),
        ("{ from = 2006-04-01, to = 2010-03-16 }", "rulebook.in_force"),
        ('{ from = "April 2006x" }', "rulebook.in_force.from"),
        ("{ until = 2010-03-16T12:00:00 }", "rulebook.in_force.until"),
        ("{ from = 2010-03-17, until = 2006-04-01 }", "rulebook.in_force"),
    ],
)
def test_a_bad_in_force_is_a_rulebook_error(tmp_path, in_force, column):
    body = f'[rulebook]\nname = "x"\nin_force = {in_force}\n' + RULE.format(
        expected="initial_assessment", window="7 WD"
    )
    assert _error(tmp_path, body).column == column


def test_in_force_is_read(tmp_path):
    body = '[rulebook]\nname = "x"\nin_force = { from = "2011-04-01" }\n'
    book = load_rulebook(_write(tmp_path, body + RULE.format(expected="icpc", window="7 WD")))
    assert book.in_force_text == "from 1 April 2011" and book.in_force_until is None
