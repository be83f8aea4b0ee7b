"""docs/cli.md documents every command and every option of the parser (no drift)."""

from __future__ import annotations

import argparse
from pathlib import Path

from scr_timeline.cli import build_parser

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_has_a_section():
    text = DOC.read_text(encoding="utf-8")
    for name in _commands():
        assert f"## `{name}`" in text, name


def test_every_option_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{name} {option}"
        for name, command in _commands().items()
        for action in command._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help" and f"`{option}" not in text
    ]
    assert not missing, missing


def test_the_exit_codes_in_the_module_docstring_are_documented():
    import scr_timeline.cli as cli

    text = DOC.read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert code in text
    assert "3: an internal error" in (cli.__doc__ or "")
