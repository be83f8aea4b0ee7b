"""The command line's start (stop 25, p2): what a run that prints its findings loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "child-a-combined.csv"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_analyse_that_prints_does_not_import_the_batch_module():
    done = _run(
        "import io, sys, contextlib\n"
        "from scr_timeline import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = cli.main(['analyse', {str(SAMPLE)!r}])\n"
        "print(code, 'scr_timeline.batch' in sys.modules)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "False"]


def test_analyse_still_checks_outputs_without_out(capsys):
    from scr_timeline import cli

    assert cli.main(["analyse", str(SAMPLE), "--outputs", "tables,nonsense"]) == 2
    assert "--outputs: unknown output 'nonsense'" in capsys.readouterr().err


def test_analyse_with_out_writes_the_outputs_chosen(tmp_path):
    from scr_timeline import cli

    out = tmp_path / "out"
    assert cli.main(["analyse", str(SAMPLE), "--out", str(out), "--outputs", "findings"]) in (0, 1)
    assert (out / "findings.csv").exists()
    assert not (out / "events.csv").exists()
