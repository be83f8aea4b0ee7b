"""Every hostile input, through scr.read and the command line: nothing lost, clear errors.

Each input either reads (every data row an event or a rejected row with its reason) or is
refused with a ScrTimelineError whose message names the file; the CLI exits 0 or 2 with no
traceback, and nothing hangs (conftest's time limit).
"""

from __future__ import annotations

import pytest

import scr_timeline as scr
from scr_timeline.cli import main
from scr_timeline.exceptions import ChronologyReadError, ScrTimelineError

from .conftest import GENERATORS, Hostile


def _names_file(message: str, hostile: Hostile) -> bool:
    return hostile.path.name in message or str(hostile.path) in message


def test_read_loses_nothing_or_refuses_naming_the_file(hostile_input: Hostile) -> None:
    try:
        chron = scr.read(hostile_input.path)
    except ScrTimelineError as err:
        assert _names_file(str(err), hostile_input), str(err)
        if not hostile_input.refuse:
            # allowed to refuse a file with rows only when it cannot be read as text at all
            assert hostile_input.may_refuse, str(err)
            assert type(err) is ChronologyReadError, str(err)
        return
    assert not hostile_input.refuse, f"{hostile_input.name} was read: {chron.summary()}"
    assert len(chron.events) + len(chron.rejected) == hostile_input.data_rows
    assert (chron.events["start"] <= chron.events["end"]).all()
    assert chron.rejected["reason"].notna().all()


@pytest.mark.parametrize("suffix", ["xlsx", "xlsm", "xls", "docx"])
def test_a_password_protected_file_is_named_as_such(tmp_path, suffix: str) -> None:
    hostile = GENERATORS[f"encrypted_{suffix}"](tmp_path)
    with pytest.raises(ChronologyReadError, match="password-protected, so it cannot be read"):
        scr.read(hostile.path)


def test_a_macro_enabled_workbook_is_read_and_its_macros_are_not_run(tmp_path) -> None:
    chron = scr.read(GENERATORS["macro_xlsm"](tmp_path).path)
    assert len(chron.events) == 3
    assert "macros_not_run" in set(chron.warnings["code"])


@pytest.mark.parametrize("command", ["validate", "analyse"])
def test_the_cli_exits_cleanly_with_one_line_per_error(
    hostile_input: Hostile, command: str, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    argv = [command, str(hostile_input.path)]
    if command == "analyse":
        argv += ["--out", str(tmp_path / "out"), "--no-plots"]
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "internal error" not in captured.err, captured.err
    if hostile_input.refuse:
        assert code == 2
        lines = captured.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    else:
        assert code in (0, 2)
        if code == 2:
            assert len(captured.err.splitlines()) == 1, captured.err
