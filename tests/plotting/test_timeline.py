"""Tests of the agency timeline: what is drawn (lanes, markers, whiskers, spans, findings)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection

from scr_timeline import schema as S
from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_timeline
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _chron() -> Chronology:
    return Chronology(
        make_events(
            start=["20/02/2007", "March 2007", "10/04/2007", "12/04/2007", "01/06/2007"],
            agency=["gp", "health_visiting", "csc", "csc", "csc"],
            event_type=["gp_appointment", "home_visit", "referral", "cp_plan_start", "cp_plan_end"],
            counterparts=[("health_visiting",), (), ("gp", "mother"), (), ()],
            injury=[True, False, False, False, False],
        )
    )


def _gid(ax: plt.Axes, gid: str) -> list[object]:
    return [a for a in [*ax.collections, *ax.patches] if a.get_gid() == gid]


def test_the_childs_death_is_marked_across_every_lane() -> None:
    chron = Chronology(
        make_events(
            start=["20/02/2007", "12/04/2007", "03/08/2007"],
            agency=["gp", "csc", "police"],
            event_type=["gp_appointment", "home_visit", "death"],
        )
    )
    ax = plot_timeline(chron)
    (mark,) = [c for c in ax.collections if c.get_gid() == "scr-events-death"]
    assert len(mark.get_offsets()) == 1
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "scr-death"]
    assert line.get_linestyle() == "--"
    assert "Death (dashed across every lane)" in [t.get_text() for t in ax.get_legend().get_texts()]
    # no death, no line
    assert not [ln for ln in plot_timeline(_chron()).lines if ln.get_gid() == "scr-death"]


def test_lanes_ordered_by_first_contact_with_readable_labels() -> None:
    ax = plot_timeline(_chron())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["GP", "Health visiting", "Children's social care"]


def test_agencies_option_selects_and_orders_lanes() -> None:
    ax = plot_timeline(_chron(), agencies=["csc", "gp"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Children's social care", "GP"]


def test_one_marker_per_event_grouped_with_legend() -> None:
    ax = plot_timeline(_chron())
    total = sum(
        len(c.get_offsets()) for c in ax.collections if str(c.get_gid()).startswith("scr-events-")
    )
    assert total == 5
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for entry in (
        "Health",
        "Referral / assessment",
        "Meeting / conference",
        "Injury",
        "Child protection plan",
        "Date uncertain (range)",
        "Contact between agencies",
    ):
        assert entry in legend


def test_uncertain_date_drawn_as_whisker_over_its_month() -> None:
    ax = plot_timeline(_chron())
    (whiskers,) = _gid(ax, "scr-whiskers")
    (seg,) = whiskers.get_segments()  # type: ignore[attr-defined]
    assert seg[1][0] - seg[0][0] == pytest.approx(31, abs=0.01)


def test_injury_ringed_and_contacts_connect_lanes() -> None:
    ax = plot_timeline(_chron())
    (ring,) = _gid(ax, "scr-injuries")
    assert len(ring.get_offsets()) == 1  # type: ignore[attr-defined]
    (contacts,) = _gid(ax, "scr-contacts")
    assert len(contacts.get_segments()) == 2  # type: ignore[attr-defined]  # gp->hv, csc->gp


def test_plan_period_shaded_from_start_to_end() -> None:
    ax = plot_timeline(_chron())
    (spans,) = _gid(ax, "scr-state-cp_plan")
    ((x0, x1),) = _bands(spans)
    assert (x1 - x0) == pytest.approx(
        (pd.Timestamp("2007-06-01") - pd.Timestamp("2007-04-12")).days
    )


def _bands(spans: object) -> list[tuple[float, float]]:
    """The [start, end] date numbers of a state's shaded periods; each must fill the
    plot's height (0 to 1 in axes coordinates) as axvspan would."""
    out = []
    for path in spans.get_paths():  # type: ignore[attr-defined]
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        assert (float(ys.min()), float(ys.max())) == (0.0, 1.0)
        out.append((float(xs.min()), float(xs.max())))
    return out


def test_every_period_of_a_state_is_drawn_in_one_collection() -> None:
    """Case open three times (the last still open at the end), drawn as one collection
    (a 20,000-event chronology has hundreds of periods; one patch each was slow)."""
    chron = Chronology(
        make_events(
            start=[
                *("01/02/2007", "01/03/2007", "05/03/2007", "01/04/2007"),
                *("10/04/2007", "01/05/2007", "01/06/2007", "01/07/2007"),
            ],
            agency="csc",
            event_type=[
                *("referral", "case_closure", "case_closure", "referral"),
                *("allocation", "case_closure", "referral", "home_visit"),
            ],
        )
    )
    ax = plot_timeline(chron)
    (spans,) = _gid(ax, "scr-state-case_open")
    day = pd.Timestamp("1970-01-01")
    expected = [("2007-02-01", "2007-03-01"), ("2007-04-01", "2007-05-01")]
    expected += [("2007-06-01", "2007-07-01 23:59:59")]  # to the end of the last event
    assert _bands(spans) == [
        tuple(pytest.approx((pd.Timestamp(d) - day) / pd.Timedelta(days=1)) for d in pair)
        for pair in expected
    ]
    assert not ax.patches


def test_findings_drawn_missing_and_late_distinguished() -> None:
    findings = pd.DataFrame(
        {
            "rule_id": ["X", "Y"],
            "status": ["missing", "late"],
            "agency": ["csc", "gp"],
            "trigger_start": pd.to_datetime(["2007-04-10", "2007-03-02"]),
            "due": pd.to_datetime(["2007-04-11", "2007-03-03"]),
            "observed_start": pd.to_datetime([pd.NaT, "2007-03-20"]),
        }
    )
    ax = plot_timeline(_chron(), findings=findings)
    assert len(_gid(ax, "scr-findings-missing")) == 1
    assert len(_gid(ax, "scr-findings-late")) == 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("missing" in t for t in legend) and any("late" in t for t in legend)


def test_uk_date_axis_and_given_ax_returned() -> None:
    _fig, given = plt.subplots()
    ax = plot_timeline(_chron(), ax=given)
    assert ax is given
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(len(t.split()) == 2 and t.split()[0].isalpha() for t in labels)


def test_dense_chronology_aggregated_into_count_bars() -> None:
    n = 2000
    starts = pd.date_range("2007-01-01", periods=n, freq="2h").strftime("%d/%m/%Y %H:%M")
    chron = Chronology(make_events(start=list(starts), agency="csc", event_type="home_visit"))
    ax = plot_timeline(chron)
    assert _gid(ax, "scr-density")
    drawn = sum(
        len(c.get_offsets()) for c in ax.collections if str(c.get_gid()).startswith("scr-events-")
    )
    assert drawn < n


def test_sample_with_findings_and_no_show(monkeypatch: pytest.MonkeyPatch) -> None:
    import scr_timeline as scr

    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show called"))
    chron = scr.load_sample("child-a-combined")
    ax = plot_timeline(chron, findings=scr.analyse(chron))
    assert len(ax.get_yticklabels()) == chron.events[S.AGENCY].nunique()


def test_package_import_does_not_load_pyplot() -> None:
    code = "import sys, scr_timeline.plotting; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_findings_overlapping_in_one_lane_are_drawn_on_separate_tracks() -> None:
    # Three findings of the same weeks under the social care lane, one after them.
    findings = pd.DataFrame(
        {
            "rule_id": ["X", "Y", "Z", "W"],
            "status": ["missing", "late", "gap", "missing"],
            "agency": ["csc", "csc", "csc", "csc"],
            "trigger_start": pd.to_datetime(
                ["2007-04-10", "2007-04-12", "2007-04-15", "2007-05-20"]
            ),
            "due": pd.to_datetime(["2007-05-01", "2007-04-20", "2007-05-10", "2007-05-25"]),
            "observed_start": pd.to_datetime([pd.NaT, "2007-04-25", pd.NaT, pd.NaT]),
        }
    )
    ax = plot_timeline(_chron(), findings=findings)
    ys = {
        gid: sorted(float(seg[0][1]) for seg in coll.get_segments())
        for gid in ("scr-findings-missing", "scr-findings-late", "scr-findings-gap")
        for coll in _gid(ax, gid)
    }
    overlapping = {
        ys["scr-findings-missing"][0],
        ys["scr-findings-late"][0],
        ys["scr-findings-gap"][0],
    }
    assert len(overlapping) == 3
    lane = 2  # csc is the third lane
    assert all(lane < y < lane + 0.5 for y in overlapping)
    # The late action's tail stays on its finding's track.
    (tail,) = _gid(ax, "scr-findings-late-tail")
    assert float(tail.get_segments()[0][0][1]) == ys["scr-findings-late"][0]
    # A finding after the others are over goes back to the first track.
    assert len(set(ys["scr-findings-missing"])) == 1


@pytest.mark.parametrize(
    "starts",
    [
        ["14/03/2007 09:00", "14/03/2007 18:30"],  # the day of the incident
        ["14/03/2007"],  # one dated event
        ["01/03/2007", "05/03/2007", "09/03/2007"],  # a week or so
    ],
)
def test_short_spans_never_repeat_a_date_label(starts: list[str]) -> None:
    chron = Chronology(make_events(start=starts, agency="csc", event_type="home_visit"))
    ax = plot_timeline(chron)
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert len(labels) >= 2
    assert len(set(labels)) == len(labels), labels


def test_no_contact_connectors_into_a_lane_drawn_as_count_bars() -> None:
    # Social care is dense (count bars); the GP's few events each name social care and
    # health visiting, whose lane is drawn event by event.
    n = 2000
    starts = list(pd.date_range("2007-01-01", periods=n, freq="2h").strftime("%d/%m/%Y %H:%M"))
    gp = ["05/01/2007", "20/02/2007", "03/04/2007"]
    hv = ["06/01/2007", "21/02/2007", "04/04/2007"]
    chron = Chronology(
        make_events(
            start=starts + gp + hv,
            agency=["csc"] * n + ["gp"] * 3 + ["health_visiting"] * 3,
            event_type="home_visit",
            counterparts=[()] * n + [("csc", "health_visiting")] * 3 + [()] * 3,
        )
    )
    ax = plot_timeline(chron)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    csc, hv_lane = lanes.index("Children's social care"), lanes.index("Health visiting")
    assert _gid(ax, "scr-density")
    (contacts,) = _gid(ax, "scr-contacts")
    ends = sorted(float(seg[1][1]) for seg in contacts.get_segments())
    assert ends == [hv_lane] * 3, "connectors drawn into the count bars of social care"
    assert csc not in ends


def _four_csc_one_gp(start: list[str], event_type: list[str], **extra: object) -> Chronology:
    """Four social care events and one GP event (the GP's lane comes first or second)."""
    agency = ["csc", "csc", "csc", "csc", "gp"]
    return Chronology(make_events(start=start, agency=agency, event_type=event_type, **extra))


def _grey(rgba: tuple[float, ...]) -> float:
    """Lightness (0-255) of a fill over white when printed in greyscale (Rec. 601 luma)."""
    r, g, b, a = rgba
    luma = 0.299 * r + 0.587 * g + 0.114 * b
    return 255 * (a * luma + (1 - a))


def test_shaded_periods_tell_apart_in_greyscale_and_lanes_are_not_shaded() -> None:
    chron = _four_csc_one_gp(
        ["01/02/2007", "10/02/2007", "01/03/2007", "01/04/2007", "01/05/2007"],
        ["referral", "cp_plan_start", "placement", "return_home", "gp_appointment"],
    )
    ax = plot_timeline(chron)
    looks = {}
    for state in ("case_open", "cp_plan", "placement"):
        (spans,) = _gid(ax, f"scr-state-{state}")
        face = tuple(spans.get_facecolor()[0])  # type: ignore[attr-defined]
        looks[state] = (spans.get_hatch() or "", round(_grey(face) / 8))  # type: ignore[attr-defined]
    assert len(set(looks.values())) == 3, looks
    # Every shaded area is one the legend explains: no grey lane stripes.
    fills = [*ax.patches, *(c for c in ax.collections if isinstance(c, PolyCollection))]
    assert fills and all(str(p.get_gid()).startswith("scr-state-") for p in fills)
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"Child protection plan", "Placed away from home"} <= legend


def test_events_on_one_day_in_one_lane_are_stacked_not_hidden() -> None:
    # Referral, strategy discussion and s47 on the day of the presentation, then a visit.
    chron = _four_csc_one_gp(
        ["10/04/2007", "10/04/2007", "10/04/2007", "01/06/2007", "01/02/2007"],
        ["referral", "strategy_discussion", "s47_enquiry", "home_visit", "dna"],
        injury=[True, False, False, False, False],
    )
    ax = plot_timeline(chron)
    lane = [t.get_text() for t in ax.get_yticklabels()].index("Children's social care")
    points = [
        (float(px), float(py))
        for c in ax.collections
        if str(c.get_gid()).startswith("scr-events-")
        for px, py in c.get_offsets()
    ]
    day = sorted(py for px, py in points if px == 13613.0)  # 10/04/2007 as a date number
    assert len(set(day)) == 3 and all(abs(py - lane) <= 0.15 for py in day)
    assert [py for px, py in points if px == 13665.0] == [lane]  # alone on its day: centred
    (ring,) = _gid(ax, "scr-injuries")
    assert float(ring.get_offsets()[0][1]) == day[0]  # the ring stays on the referral


def test_findings_under_a_dense_lane_do_not_cover_its_count_bars() -> None:
    n = 2000
    starts = pd.date_range("2007-01-01", periods=n, freq="2h").strftime("%d/%m/%Y %H:%M")
    chron = Chronology(make_events(start=list(starts), agency="csc", event_type="home_visit"))
    # One action missing from 1 February to 1 March 2007 under the dense lane.
    trigger, due = pd.Timestamp("2007-02-01"), pd.Timestamp("2007-03-01")
    row = {"rule_id": "X", "status": "missing", "agency": "csc", "observed_start": pd.NaT}
    findings = pd.DataFrame([{**row, "trigger_start": trigger, "due": due}])
    ax = plot_timeline(chron, findings=findings)
    (bars,) = _gid(ax, "scr-density")
    lowest_bar = max(float(p.vertices[:, 1].max()) for p in bars.get_paths())
    (missing,) = _gid(ax, "scr-findings-missing")
    finding_y = float(missing.get_segments()[0][0][1])
    assert lowest_bar < finding_y - 0.02  # a clear gap above the 3-point finding line
    assert min(float(p.vertices[:, 1].min()) for p in bars.get_paths()) >= -0.5  # in its lane


@pytest.mark.parametrize(
    ("outcome", "shaded"),
    [
        ("Child A made subject of CP plan under category of physical abuse.", True),
        ("Child A and Child B subject to CP plans - category neglect.", True),
        ("CPPs for all three children.", True),
        ("Threshold for a child protection plan not met. CIN plan.", False),
        ("CP plan not required.", False),
    ],
)
def test_an_icpc_that_makes_a_plan_shades_it(outcome: str, shaded: bool) -> None:
    events = make_events(
        start=["2007-04-12", "2007-06-01"],
        agency="csc",
        event_type=["icpc", "home_visit"],
        details=["Initial child protection conference.", "Home visit."],
        outcome=[outcome, None],
    )
    ax = plot_timeline(Chronology(events))
    assert bool(_gid(ax, "scr-state-cp_plan")) == shaded


def test_a_case_closed_inside_another_record_ends_the_shading_where_the_rules_end_it() -> None:
    """'Single assessment completed. Case closed - NFA.' ends the case-open period for the
    rules (SUP-CADENCE: 'none before it ended on 10 May 2019'); the shading had run on to
    the chronology's end, as only a case_closure event ended it."""
    import scr_timeline as scr
    from scr_timeline.rules.states import state_periods

    chron = scr.parse_table(
        pd.DataFrame(
            {
                "Date": ["15/02/2019", "20/03/2019", "10/05/2019", "02/06/2019"],
                "Agency": ["CSC", "CSC", "CSC", "Police"],
                "Details": [
                    "Police notification (PPN) - DA incident at home. Fa arrested.",
                    "Home visit - Child A seen asleep in cot.",
                    "Single assessment completed. Case closed - NFA.",
                    "Call from neighbour re shouting. Attended - verbal argument only.",
                ],
            }
        ),
        source="case.csv",
    )
    periods = state_periods(chron, "case_open", rulebook="wt2018")
    assert list(periods["start"]) == [pd.Timestamp("2019-02-15")]
    assert list(periods["end"]) == [pd.Timestamp("2019-05-10")]
    findings = scr.analyse(chron, rulebook="wt2018", rules=["SUP-CADENCE"])
    assert "ended on 10 May 2019" in findings.to_frame()["summary"][0]
    ax = plot_timeline(chron, findings=findings)
    (spans,) = _gid(ax, "scr-state-case_open")
    day = pd.Timestamp("1970-01-01")
    assert _bands(spans) == [
        tuple(
            pytest.approx((pd.Timestamp(d) - day) / pd.Timedelta(days=1))
            for d in ("2019-02-15", "2019-05-10")
        )
    ]


def test_state_periods_names_a_state_the_rulebook_lacks() -> None:
    from scr_timeline.exceptions import RulebookError
    from scr_timeline.rules.states import state_periods

    chron = Chronology(make_events(start=["2007-03-12"], agency="csc", event_type="referral"))
    with pytest.raises(RulebookError, match="no state 'open_case'"):
        state_periods(chron, "open_case")
