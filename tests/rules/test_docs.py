"""docs/rules.md is generated from the rulebooks and must not drift from them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_committed_rules_doc_matches_the_rulebooks():
    spec = importlib.util.spec_from_file_location("make_rules_doc", DOCS / "make_rules_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert committed == module.render(), "run: python docs/make_rules_doc.py"
    assert "**local**" in committed and "PLC-CONNECTED" in committed


def _section(title: str) -> str:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_how_time_is_counted_says_what_a_reviewer_asks():
    """0 WD, same-day order within and across sources, duplicates and the accumulation
    sentence are each described (the words quoted are the engine's own)."""
    from scr_timeline.rules import engine

    section = _section("How time is counted")
    for said in (
        "**0 WD** means the trigger's own day",
        "Within one source",
        "which came first is unknown",
        "the original triggers in its place",
    ):
        assert said in section
    for sentence in ("none recorded before the chronology ends", "the first was on "):
        assert sentence in section
        assert sentence in Path(engine.__file__).read_text(encoding="utf-8")


def test_findings_table_section_names_every_column_in_order():
    from scr_timeline.rules.findings import FINDING_COLUMNS

    section = _section("The findings table")
    places = [section.index(f"`{column}`") for column in FINDING_COLUMNS]
    assert places == sorted(places)


def test_the_named_predicates_the_docs_point_to_exist():
    from scr_timeline.rules.rulebook import load_rulebook

    section = _section("How time is counted")
    book = load_rulebook("wt2006")
    for name in ("strategy_discussion_held", "medical_done", "skeletal_survey_done"):
        assert f"`{name}`" in section and name in book.predicates


def test_the_injury_episode_predicates_the_docs_name_exist_and_drive_the_injury_rules():
    from scr_timeline.rules.rulebook import available_rulebooks, load_rulebook

    section = _section("How time is counted")
    for name in (
        "new_suspicious_injury",
        "suspicious_injury_seen",
        "injury_report",
        "injury_follow_up",
        "injury_reported_again",
        "injury_seen_again",
    ):
        assert f"`{name}`" in section
    for rulebook in available_rulebooks():
        book = load_rulebook(rulebook)
        assert book.rules["INJ-REFER"].raw["trigger"]["is"] == "suspicious_injury_seen"
        for rule in ("INJ-STRAT", "INJ-MEDICAL", "INJ-POLICE"):
            assert book.rules[rule].raw["trigger"] == "new_suspicious_injury"
        assert book.rules["INJ-SKELETAL"].raw["trigger"]["is"] == "new_suspicious_injury"
