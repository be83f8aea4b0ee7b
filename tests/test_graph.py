from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline import schema as S
from scr_timeline.chronology import Chronology
from scr_timeline.graph import (
    COUNTERPART,
    EVENT_TYPES_ATTR,
    FIRST,
    HOPS,
    INJURY_CONTACTS,
    KIND,
    KNOWN_FROM,
    LABEL,
    LAST,
    N_EVENTS,
    N_RECORDED,
    PATH,
    PERIOD,
    VIA_EVENT_ID,
    WEIGHT,
    as_of,
    build_graph,
    chronology_to_ocel,
    contact_matrix,
    graph_for_export,
    knowledge,
    knowledge_of_events,
    to_gexf,
    to_graphml,
    to_node_link_json,
    to_ocel,
)
from scr_timeline.testing import make_events

DATA = Path(__file__).parent / "data"
T = pd.Timestamp


# --- a small chronology for the graph itself -----------------------------------------------
@pytest.fixture
def contacts() -> pd.DataFrame:
    return make_events(
        start=[
            "02/03/2007",
            "05/03/2007",
            "05/03/2007 14:30",
            "02/03/2007",
            "07/03/2007",
            "March 2007",
        ],
        agency=["gp", "gp", "csc", "health_visiting", "police", "gp"],
        counterparts=[
            ("health_visiting",),
            ("health_visiting", "mother"),
            ("police", "csc"),  # csc naming itself is not a contact
            ("gp",),  # the health visitor's copy of e1
            ("Neighbour",),  # in no vocabulary
            ("health_visiting", "health_visiting"),  # named twice, counts once
        ],
        event_type=[
            "information_sharing",
            "home_visit",
            "strategy_discussion",
            "information_sharing",
            "police_incident",
            "other",
        ],
        injury=[True, False, False, True, False, False],
        duplicate_of=[None, None, None, "e1", None, None],
    )


def test_aggregated_graph_has_one_weighted_edge_per_pair(contacts):
    graph = build_graph(contacts)
    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.edges(keys=True)) == [
        ("csc", "police", 0),
        ("gp", "health_visiting", 0),
        ("gp", "mother", 0),
        ("police", "Neighbour", 0),
    ]
    edge = graph.edges["gp", "health_visiting", 0]
    assert edge[WEIGHT] == 3
    assert edge[FIRST] == T("2007-03-01")  # "March 2007" starts on the 1st
    assert edge[LAST] == T("2007-03-31 23:59:59")
    assert edge[INJURY_CONTACTS] == 1
    assert edge[EVENT_TYPES_ATTR] == {"home_visit": 1, "information_sharing": 1, "other": 1}
    assert graph.edges["csc", "police", 0][FIRST] == T("2007-03-05 14:30")


def test_duplicate_copies_and_self_naming_make_no_edges(contacts):
    graph = build_graph(contacts)
    assert not graph.has_edge("health_visiting", "gp")  # e4 is a copy of e1
    assert not graph.has_edge("csc", "csc")
    assert graph.nodes["health_visiting"][N_RECORDED] == 0


def test_nodes_carry_kind_label_span_and_counts(contacts):
    graph = build_graph(contacts)
    gp = graph.nodes["gp"]
    assert gp[KIND] == "agency"
    assert gp[LABEL] == "GP"
    assert (gp[N_RECORDED], gp[N_EVENTS]) == (3, 3)
    assert gp[FIRST] == T("2007-03-01")
    assert gp[LAST] == T("2007-03-31 23:59:59")
    hv = graph.nodes["health_visiting"]
    assert (hv[LABEL], hv[N_EVENTS]) == ("Health visiting", 3)
    assert graph.nodes["csc"][LABEL] == "Children's social care"
    assert graph.nodes["mother"][KIND] == "family"
    assert graph.nodes["mother"][LABEL] == "Mother"
    assert graph.nodes["mother"][N_EVENTS] == 1
    assert graph.nodes["Neighbour"][KIND] == "other"
    assert graph.nodes["police"][N_EVENTS] == 2  # named by csc, recorded one


def test_family_false_keeps_agencies_only(contacts):
    graph = build_graph(contacts, family=False)
    assert set(graph.nodes) == {"csc", "gp", "health_visiting", "police"}
    assert {d[KIND] for _, d in graph.nodes(data=True)} == {"agency"}
    assert graph.nodes["police"][N_EVENTS] == 2


def test_per_event_graph_has_one_edge_per_contact_keyed_by_event_id(contacts):
    graph = build_graph(contacts, per_event=True)
    assert sorted(graph.edges(keys=True)) == [
        ("csc", "police", "e3"),
        ("gp", "health_visiting", "e1"),
        ("gp", "health_visiting", "e2"),
        ("gp", "health_visiting", "e6"),
        ("gp", "mother", "e2"),
        ("police", "Neighbour", "e5"),
    ]
    edge = graph.edges["gp", "health_visiting", "e1"]
    assert edge == {
        S.START: T("2007-03-02"),
        S.END: T("2007-03-02 23:59:59"),
        S.EVENT_TYPE: "information_sharing",
        S.INJURY: True,
    }
    assert graph.graph["per_event"] is True


def test_graph_from_chronology_and_from_events_agree_and_input_unchanged(contacts):
    before = contacts.copy()
    chron = Chronology(contacts, title="Child A")
    from_chron = build_graph(chron)
    from_events = build_graph(contacts)
    assert nx.utils.edges_equal(from_chron.edges(data=True), from_events.edges(data=True))
    assert from_chron.graph["title"] == "Child A"
    pd.testing.assert_frame_equal(contacts, before)


def test_graph_of_an_empty_chronology_is_empty():
    graph = build_graph(Chronology())
    assert graph.number_of_nodes() == 0
    assert graph.number_of_edges() == 0
    assert contact_matrix(Chronology()).shape == (0, 0)


def test_events_without_agency_or_counterparts_make_no_edges():
    events = make_events(start=["01/03/2007", "02/03/2007"], agency=[None, "gp"])
    graph = build_graph(events)
    assert list(graph.nodes) == ["gp"]
    assert graph.number_of_edges() == 0


def test_build_graph_rejects_other_inputs():
    with pytest.raises(TypeError, match="Chronology or an events DataFrame"):
        build_graph([1, 2, 3])  # type: ignore[arg-type]


def test_build_graph_does_not_import_matplotlib():
    code = "import sys, scr_timeline.graph; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- contact matrix ----------------------------------------------------------------------------
def test_contact_matrix_counts_agency_pairs(contacts):
    matrix = contact_matrix(contacts)
    assert list(matrix.index) == ["csc", "police", "gp", "health_visiting"]
    assert list(matrix.columns) == list(matrix.index)
    assert matrix.index.name == S.AGENCY
    assert matrix.columns.name == COUNTERPART
    assert matrix.loc["gp", "health_visiting"] == 3
    assert matrix.loc["csc", "police"] == 1
    assert matrix.loc["health_visiting", "gp"] == 0  # the copy is not counted
    assert matrix.loc["csc", "csc"] == 0
    assert int(matrix.to_numpy().sum()) == 4
    assert matrix.dtypes.eq(np.int64).all()


def test_contact_matrix_agrees_with_graph_weights(contacts):
    matrix = contact_matrix(contacts)
    graph = build_graph(contacts, family=False)
    for u, v, data in graph.edges(data=True):
        assert matrix.loc[u, v] == data[WEIGHT]


def test_contact_matrix_with_family_adds_family_columns(contacts):
    matrix = contact_matrix(contacts, family=True)
    assert matrix.loc["gp", "mother"] == 1
    assert "mother" not in matrix.index


@pytest.mark.parametrize("freq", ["M", "ME"])
def test_contact_matrix_per_month_has_every_month_from_first_to_last(freq):
    events = make_events(
        start=["02/01/2007", "05/01/2007", "01/03/2007"],
        agency=["gp", "gp", "csc"],
        counterparts=[("csc",), ("csc",), ("police",)],
    )
    matrix = contact_matrix(events, freq=freq)
    assert matrix.index.names == [PERIOD, S.AGENCY]
    periods = matrix.index.get_level_values(PERIOD).unique()
    assert [str(p) for p in periods] == ["2007-01", "2007-02", "2007-03"]
    assert matrix.loc[(pd.Period("2007-01", "M"), "gp"), "csc"] == 2
    assert matrix.xs(pd.Period("2007-02", "M"), level=PERIOD).to_numpy().sum() == 0
    assert matrix.loc[(pd.Period("2007-03", "M"), "csc"), "police"] == 1


@pytest.mark.parametrize(("freq", "expected"), [("Q", ["2007Q1", "2007Q2"]), ("YE", ["2007"])])
def test_contact_matrix_per_quarter_and_year(freq, expected):
    events = make_events(start=["02/01/2007", "05/04/2007"], agency="gp", counterparts=("csc",))
    matrix = contact_matrix(events, freq=freq)
    assert [str(p) for p in matrix.index.get_level_values(PERIOD).unique()] == expected
    assert int(matrix.to_numpy().sum()) == 2


def test_contact_matrix_rejects_unknown_freq(contacts):
    with pytest.raises(ValueError, match="freq must be one of"):
        contact_matrix(contacts, freq="W")


# --- who knew what, when: a constructed five-agency case --------------------------------------
DAY = {d: f"{d:02d}/03/2007" for d in range(1, 32)}


@pytest.fixture
def case() -> Chronology:
    """Hospital and csc spoke on 28 Feb, before anything happened; then:

    1 Mar GP sees a bruise (alone); 3 Mar GP phones the health visitor; 5 Mar HV home visit
    (mother only); 6 Mar HV refers to csc; 8 Mar csc strategy discussion with police;
    9 Mar police alone; 10 Mar the hospital alone.
    """
    events = make_events(
        event_id=["h0", "bruise", "call", "visit", "referral", "strategy", "police", "hosp"],
        start=["28/02/2007", DAY[1], DAY[3], DAY[5], DAY[6], DAY[8], DAY[9], DAY[10]],
        agency=[
            "hospital",
            "gp",
            "gp",
            "health_visiting",
            "health_visiting",
            "csc",
            "police",
            "hospital",
        ],
        counterparts=[
            ("csc",),
            (),
            ("health_visiting",),
            ("mother",),
            ("csc",),
            ("police",),
            (),
            (),
        ],
        event_type=[
            "information_sharing",
            "gp_appointment",
            "information_sharing",
            "home_visit",
            "referral",
            "strategy_discussion",
            "police_investigation",
            "hospital_attendance",
        ],
        injury=[False, True, False, False, False, False, False, False],
    )
    rejected = pd.DataFrame(
        {S.SOURCE_FILE: ["gp.csv"], S.SOURCE_ROW: [9], S.REASON_CODE: ["no_date"]}
    )
    warnings = pd.DataFrame({S.CODE: ["vague_date"], S.MESSAGE: ["a vague date"]})
    return Chronology(events, rejected, warnings, title="Child Q")


def _known(frame: pd.DataFrame) -> dict[str, pd.Timestamp]:
    return dict(zip(frame[S.AGENCY], frame[KNOWN_FROM], strict=True))


def test_knowledge_of_the_bruise_follows_the_contacts(case):
    result = knowledge(case, "bruise")
    assert list(result.columns) == [S.AGENCY, KNOWN_FROM, VIA_EVENT_ID, PATH, HOPS]
    known = _known(result)
    assert known["gp"] == T("2007-03-01")
    assert known["health_visiting"] == T("2007-03-03")
    assert known["csc"] == T("2007-03-06")
    assert known["police"] == T("2007-03-08")
    assert pd.isna(known["hospital"])  # its only contact with csc was before the bruise
    assert list(result[S.AGENCY]) == ["gp", "health_visiting", "csc", "police", "hospital"]
    police = result.set_index(S.AGENCY).loc["police"]
    assert police[VIA_EVENT_ID] == "strategy"
    assert police[PATH] == ("bruise", "call", "referral", "strategy")
    assert police[HOPS] == 3
    hospital = result.set_index(S.AGENCY).loc["hospital"]
    assert pd.isna(hospital[VIA_EVENT_ID]) and pd.isna(hospital[HOPS])
    assert hospital[PATH] == ()


def test_knowledge_travels_both_ways_along_a_contact(case):
    # the hospital told csc on 28 Feb; the health visitor's referral to csc on 6 Mar
    # could have passed it on, although the health visitor made that call
    known = _known(knowledge(case, "h0"))
    assert known["hospital"] == known["csc"] == T("2007-02-28")
    assert known["health_visiting"] == T("2007-03-06")
    assert known["police"] == T("2007-03-08")
    assert pd.isna(known["gp"])  # gp spoke to the health visitor only before 6 Mar


def test_knowledge_reports_chosen_agencies_even_if_absent(case):
    result = knowledge(case, "bruise", agencies=["education", "police"])
    assert list(result[S.AGENCY]) == ["police", "education"]
    assert pd.isna(result[KNOWN_FROM].iloc[1])


def test_knowledge_of_several_events_is_each_events_knowledge(case):
    table = knowledge_of_events(case, ["bruise", "h0"])
    assert list(table.columns) == ["event_id", S.AGENCY, KNOWN_FROM, VIA_EVENT_ID, PATH, HOPS]
    for event_id in ("bruise", "h0"):
        one = table[table["event_id"] == event_id].drop(columns="event_id")
        pd.testing.assert_frame_equal(one.reset_index(drop=True), knowledge(case, event_id))
    assert list(table["event_id"].unique()) == ["bruise", "h0"]  # in the order asked
    chosen = knowledge_of_events(case, ["bruise"], agencies=["education", "police"])
    assert list(chosen[S.AGENCY]) == ["police", "education"]
    assert knowledge_of_events(case, []).empty
    with pytest.raises(KeyError, match="no event with event_id 'nope'"):
        knowledge_of_events(case, ["bruise", "nope"])


def test_knowledge_rejects_unknown_event_and_agency(case):
    with pytest.raises(KeyError, match="no event with event_id 'nope'"):
        knowledge(case, "nope")
    with pytest.raises(ValueError, match="unknown agency code 'social services'"):
        knowledge(case, "bruise", agencies=["social services"])


def test_same_day_contacts_chain_whatever_their_order_in_the_table():
    events = make_events(
        start=[DAY[1], DAY[2], DAY[2]],
        agency=["gp", "health_visiting", "gp"],
        counterparts=[(), ("csc",), ("health_visiting",)],  # HV->csc listed before GP->HV
    )
    result = knowledge(events, "e1").set_index(S.AGENCY)
    assert result.loc["csc", KNOWN_FROM] == T("2007-03-02")
    assert result.loc["csc", PATH] == ("e1", "e3", "e2")


def test_uncertain_dates_count_from_their_start():
    events = make_events(
        start=["March 2007", DAY[2], DAY[12], "March 2007"],
        agency=["gp", "gp", "police", "police"],
        counterparts=[(), ("health_visiting",), (), ("csc",)],
    )
    # a bruise "in March" could have been seen by 2 March, so the call on 2 March can carry it
    assert _known(knowledge(events, "e1"))["health_visiting"] == T("2007-03-02")
    # a call "in March" counts from 1 March: it cannot have carried an event of 12 March
    assert pd.isna(_known(knowledge(events, "e3"))["csc"])


def test_a_duplicate_copy_is_not_a_second_contact():
    events = make_events(
        start=[DAY[1], DAY[2], DAY[2 + 1]],
        agency=["gp", "health_visiting", "gp"],
        counterparts=[(), ("gp",), ("health_visiting",)],
        duplicate_of=[None, None, None],
    )
    copy = events.copy()
    copy[S.DUPLICATE_OF] = pd.array([None, "e3", None], dtype="string")  # HV's copy, dated early
    assert _known(knowledge(events, "e1"))["health_visiting"] == T("2007-03-02")
    assert _known(knowledge(copy, "e1"))["health_visiting"] == T("2007-03-03")


def test_knowledge_is_fast_at_1e5_events():
    rng = np.random.default_rng(3)
    n = 100_000
    events = make_events(start=["01/01/2007"])
    events = events.loc[events.index.repeat(n)].copy()
    events.index = pd.Index([f"e{i}" for i in range(n)], dtype="string", name=S.EVENT_ID)
    events[S.START] = pd.Timestamp("2007-01-01") + pd.to_timedelta(
        np.sort(rng.integers(0, 2000, n)), unit="D"
    )
    events[S.END] = events[S.START] + pd.Timedelta("1D") - pd.Timedelta("1s")
    agencies = np.array(S.AGENCIES[:8])
    events[S.AGENCY] = pd.Categorical(rng.choice(agencies, n), categories=list(S.AGENCIES))
    pool = [(), ("csc",), ("police",), ("gp", "mother"), ("health_visiting",), ("hospital", "csc")]
    events[S.COUNTERPARTS] = pd.Series(
        [pool[i] for i in rng.integers(0, len(pool), n)], index=events.index, dtype=object
    )
    chron = Chronology(events)
    import time

    t0 = time.perf_counter()
    result = knowledge(chron, "e0")
    seconds = time.perf_counter() - t0
    assert result[KNOWN_FROM].notna().sum() == 8
    assert seconds < 1.0, f"knowledge() took {seconds:.2f} s at 1e5 events"


# --- as_of ---------------------------------------------------------------------------------
def test_as_of_keeps_events_started_by_the_end_of_the_day(case):
    view = as_of(case, "05/03/2007")
    assert list(view.events.index) == ["h0", "bruise", "call", "visit"]
    assert view.meta.end_date == T("2007-03-05 23:59:59")
    assert view.meta.title == "Child Q"
    pd.testing.assert_frame_equal(view.rejected, case.rejected)
    pd.testing.assert_frame_equal(view.warnings, case.warnings)
    assert len(case) == 8  # the chronology itself is unchanged


def test_as_of_a_timestamp_is_that_moment(case):
    assert list(as_of(case, T("2007-03-03")).events.index) == ["h0", "bruise", "call"]
    assert list(as_of(case, T("2007-03-02 23:00")).events.index) == ["h0", "bruise"]


def test_as_of_csc_before_the_referral_holds_nothing_from_gp_or_hv(case):
    view = as_of(case, "04/03/2007", agency="csc")
    assert list(view.events.index) == ["h0"]  # csc took part in the hospital's call
    assert not view.events[S.AGENCY].isin(["gp", "health_visiting"]).any()


def test_as_of_csc_after_the_referral_holds_the_bruise(case):
    view = as_of(case, "07/03/2007", agency="csc")
    assert list(view.events.index) == ["h0", "bruise", "call", "visit", "referral"]
    assert view.meta.end_date == T("2007-03-07 23:59:59")


def test_as_of_police_learns_at_the_strategy_discussion(case):
    assert list(as_of(case, "07/03/2007", agency="police").events.index) == []
    view = as_of(case, "09/03/2007", agency="police")
    assert list(view.events.index) == [
        "h0",
        "bruise",
        "call",
        "visit",
        "referral",
        "strategy",
        "police",
    ]


def test_as_of_hospital_never_hears_of_the_bruise(case):
    view = as_of(case, "31/03/2007", agency="hospital")
    assert list(view.events.index) == ["h0", "hosp"]


def test_as_of_rejects_unknown_agency_and_bad_when(case):
    with pytest.raises(ValueError, match="unknown agency code"):
        as_of(case, "07/03/2007", agency="Police")
    with pytest.raises(TypeError, match="when must be a date"):
        as_of(case, 7)
    with pytest.raises(TypeError, match="takes a Chronology"):
        as_of(case.events, "07/03/2007")  # type: ignore[arg-type]


def _reference_knowledge(events: pd.DataFrame, event_id: str) -> dict[str, pd.Timestamp]:
    """Earliest arrival by brute force: relax every contact until nothing changes."""

    def agencies_of(i: int) -> set[str]:
        row = events.iloc[i]
        named = {c for c in row[S.COUNTERPARTS] if c in S.AGENCIES}
        return named | ({row[S.AGENCY]} if pd.notna(row[S.AGENCY]) else set())

    pos = events.index.get_loc(event_id)
    t0 = events[S.START].iloc[pos]
    known = dict.fromkeys(agencies_of(pos), t0)
    contacts = [
        (events[S.START].iloc[i], agencies_of(i))
        for i in range(len(events))
        if pd.isna(events[S.DUPLICATE_OF].iloc[i]) and len(agencies_of(i)) > 1
    ]
    changed = True
    while changed:
        changed = False
        for when, group in contacts:
            if when < t0 or not any(a in known and known[a] <= when for a in group):
                continue
            for a in group:
                if a not in known or known[a] > when:
                    known[a] = when
                    changed = True
    return known


AGENCY_POOL = ["gp", "csc", "police", "health_visiting", "hospital"]


@st.composite
def small_chronologies(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(1, 12))
    days = sorted(draw(st.lists(st.integers(1, 9), min_size=n, max_size=n)))
    agencies = draw(st.lists(st.sampled_from(AGENCY_POOL), min_size=n, max_size=n))
    counterparts = draw(
        st.lists(
            st.lists(st.sampled_from([*AGENCY_POOL, "mother"]), max_size=2).map(tuple),
            min_size=n,
            max_size=n,
        )
    )
    hours = draw(st.lists(st.sampled_from([None, "09:00", "15:00"]), min_size=n, max_size=n))
    starts = [f"{d:02d}/03/2007" + (f" {h}" if h else "") for d, h in zip(days, hours, strict=True)]
    events = make_events(start=starts, agency=agencies, counterparts=counterparts)
    copies = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    dup = [f"e{i}" if copies[i] and i > 0 else None for i in range(n)]
    events[S.DUPLICATE_OF] = pd.array(dup, dtype="string")
    return events


@settings(max_examples=60, deadline=None)
@given(events=small_chronologies(), data=st.data())
def test_knowledge_matches_brute_force_and_as_of_matches_knowledge(events, data):
    chron = Chronology(events)
    event_id = data.draw(st.sampled_from(list(events.index)))
    result = knowledge(chron, event_id, agencies=AGENCY_POOL)
    reference = _reference_knowledge(events, event_id)
    for agency, when in zip(result[S.AGENCY], result[KNOWN_FROM], strict=True):
        if agency in reference:
            assert when == reference[agency], agency
        else:
            assert pd.isna(when), agency

    agency = data.draw(st.sampled_from(AGENCY_POOL))
    day = data.draw(st.integers(1, 10))
    when = T(f"2007-03-{day:02d} 12:00")
    view = as_of(chron, when, agency=agency)
    expected = [
        e
        for e in events.index
        if events.loc[e, S.START] <= when
        and (known := _known(knowledge(chron, e, agencies=[agency]))[agency]) is not pd.NaT
        and known <= when
    ]
    assert list(view.events.index) == expected


# --- exports -------------------------------------------------------------------------------
def _assert_same_graph(original: nx.MultiDiGraph, read: nx.Graph, *, keys: bool = True) -> None:
    exported = graph_for_export(original)
    assert set(read.nodes) == set(exported.nodes)
    for node, data in exported.nodes(data=True):
        for name in (KIND, LABEL, FIRST, LAST, N_EVENTS):
            assert read.nodes[node][name] == data[name], (node, name)
    if keys:
        got = sorted((u, v, str(k)) for u, v, k in read.edges(keys=True))
        want = sorted((u, v, str(k)) for u, v, k in exported.edges(keys=True))
    else:
        got = sorted(read.edges())
        want = sorted(exported.edges())
    assert got == want


def test_graphml_round_trip_keeps_nodes_edges_and_weights(contacts, tmp_path):
    graph = build_graph(contacts)
    path = to_graphml(contacts, tmp_path / "graph.graphml")
    read = nx.read_graphml(path, force_multigraph=True)
    _assert_same_graph(graph, read)
    edge = read.edges["gp", "health_visiting", 0]
    assert edge[WEIGHT] == 3
    assert edge[FIRST] == "2007-03-01T00:00:00"
    assert edge[EVENT_TYPES_ATTR] == "home_visit:1;information_sharing:1;other:1"
    assert read.graph["per_event"] is False
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]  # no temporary left


def test_graphml_round_trip_of_the_per_event_graph(contacts, tmp_path):
    graph = build_graph(contacts, per_event=True)
    read = nx.read_graphml(to_graphml(graph, tmp_path / "g.graphml"), force_multigraph=True)
    _assert_same_graph(graph, read)
    edge = read.edges["gp", "health_visiting", "e1"]
    assert edge[S.START] == "2007-03-02T00:00:00"
    assert edge[S.INJURY] is True


def test_gexf_round_trip(contacts, tmp_path):
    graph = build_graph(contacts)
    read = nx.read_gexf(to_gexf(contacts, tmp_path / "graph.gexf"))
    _assert_same_graph(graph, read, keys=False)
    for u, v, data in graph.edges(data=True):
        assert read.edges[u, v][WEIGHT] == data[WEIGHT]
    per_event = nx.read_gexf(to_gexf(contacts, tmp_path / "events.gexf", per_event=True))
    assert per_event.number_of_edges() == 6
    assert {d[S.START] for _, _, d in per_event.edges(data=True)} >= {"2007-03-02T00:00:00"}


def test_node_link_json_round_trip(contacts, tmp_path):
    graph = build_graph(contacts)
    path = to_node_link_json(contacts, tmp_path / "graph.json")
    read = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    _assert_same_graph(graph, read)
    assert read.edges["csc", "police", 0][WEIGHT] == 1


def test_export_overwrites_and_writes_only_the_path_given(contacts, tmp_path):
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")
    to_node_link_json(contacts, target)
    assert json.loads(target.read_text(encoding="utf-8"))["directed"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


def test_export_into_a_missing_folder_fails_without_creating_it(contacts, tmp_path):
    with pytest.raises(FileNotFoundError):
        to_graphml(contacts, tmp_path / "missing" / "graph.graphml")
    assert not (tmp_path / "missing").exists()


# --- OCEL 2.0 ------------------------------------------------------------------------------
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _validate_ocel(doc: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "ocel2-schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []
    # what the schema cannot say: times are RFC 3339, references resolve, types are declared
    object_ids = [o["id"] for o in doc["objects"]]
    assert len(object_ids) == len(set(object_ids))
    object_types = {t["name"]: {a["name"] for a in t["attributes"]} for t in doc["objectTypes"]}
    event_types = {t["name"]: {a["name"] for a in t["attributes"]} for t in doc["eventTypes"]}
    for obj in doc["objects"]:
        assert obj["type"] in object_types
        assert {a["name"] for a in obj["attributes"]} <= object_types[obj["type"]]
        for attr in obj["attributes"]:
            assert _RFC3339.match(attr["time"]), attr
        for rel in obj["relationships"]:
            assert rel["objectId"] in object_ids
    for event in doc["events"]:
        assert event["type"] in event_types
        assert _RFC3339.match(event["time"]), event["time"]
        datetime.fromisoformat(event["time"])
        assert {a["name"] for a in event["attributes"]} <= event_types[event["type"]]
        for rel in event["relationships"]:
            assert rel["objectId"] in object_ids, rel


def test_ocel_file_validates_against_the_ocel2_schema(case, tmp_path):
    path = to_ocel(case, tmp_path / "case.ocel.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    _validate_ocel(doc)
    assert [p.name for p in tmp_path.iterdir()] == ["case.ocel.json"]


def test_ocel_relates_events_to_child_agencies_family_and_practitioners(tmp_path):
    events = make_events(
        start=["12/06/2007 14:30", "12/12/2007"],
        agency=["health_visiting", "csc"],
        practitioner=["HV1", "SW1"],
        role=["health_visitor", "social_worker"],
        counterparts=[("mother", "gp", "child"), ("police",)],
        event_type=["home_visit", "strategy_discussion"],
        details=["Bruise seen on cheek", "=HYPERLINK(x)"],
        injury=[True, False],
        injury_kinds=[("bruise",), ()],
    )
    chron = Chronology(events, child_dob="01/03/2006")
    doc = chronology_to_ocel(chron)
    _validate_ocel(doc)
    by_id = {o["id"]: o for o in doc["objects"]}
    assert by_id["child"]["type"] == "child"
    assert {
        "name": "date_of_birth",
        "time": "1970-01-01T00:00:00Z",
        "value": "2006-03-01T00:00:00+00:00",
    } in by_id["child"]["attributes"]
    assert by_id["family:mother"]["type"] == "mother"
    assert by_id["family:mother"]["relationships"] == [
        {"objectId": "child", "qualifier": "mother of"}
    ]
    assert by_id["agency:gp"]["type"] == "agency"
    assert by_id["practitioner:health_visiting:HV1"]["relationships"] == [
        {"objectId": "agency:health_visiting", "qualifier": "works for"}
    ]
    visit = doc["events"][0]
    assert visit["id"] == "e1"
    assert visit["type"] == "home_visit"
    assert visit["time"] == "2007-06-12T14:30:00+01:00"  # British Summer Time
    assert doc["events"][1]["time"] == "2007-12-12T00:00:00+00:00"
    assert visit["relationships"] == [
        {"objectId": "child", "qualifier": "about"},
        {"objectId": "agency:health_visiting", "qualifier": "recorded by"},
        {"objectId": "practitioner:health_visiting:HV1", "qualifier": "performed by"},
        {"objectId": "family:mother", "qualifier": "involved"},
        {"objectId": "agency:gp", "qualifier": "involved"},
    ]
    attrs = {a["name"]: a["value"] for a in visit["attributes"]}
    assert attrs[S.INJURY] == "true"
    assert attrs[S.INJURY_KINDS] == "bruise"
    assert attrs[S.DETAILS] == "Bruise seen on cheek"
    assert attrs[S.END] == "2007-06-12T14:30:59+01:00"
    assert attrs[S.SOURCE_ROW] == "2"
    declared = {a["name"]: a["type"] for a in doc["eventTypes"][0]["attributes"]}
    assert declared[S.INJURY] == "boolean"
    assert declared[S.SOURCE_ROW] == "integer"
    assert declared[S.END] == "time"
    assert [t["name"] for t in doc["eventTypes"]] == ["strategy_discussion", "home_visit"]
