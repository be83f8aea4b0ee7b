"""Shared fixtures: small files written by the tests themselves (all data fictional)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import matplotlib
import pytest

matplotlib.use("Agg")

#: Headless Chromium, for the tests that render pages or print them (`.ci/run` installs it).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium the way this machine needs it (no network, throwaway profile)."""
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write a workbook: ``write_xlsx("x.xlsx", {"GP": [[...], ...]})`` (rows of cells)."""
    import openpyxl

    def _write(
        name: str,
        sheets: dict[str, Sequence[Sequence[Any]]],
        merges: dict[str, list[str]] | None = None,
    ) -> Path:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for sheet, rows in sheets.items():
            ws = wb.create_sheet(sheet)
            for row in rows:
                ws.append(list(row))
            for rng in (merges or {}).get(sheet, []):
                ws.merge_cells(rng)
        path = tmp_path / name
        wb.save(path)
        return path

    return _write


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    """Write a text file in a given encoding: ``write_text("x.csv", "Date,...", "cp1252")``."""

    def _write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _write
