"""Shared fixtures: small files written by the tests themselves (all data fictional)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import matplotlib
import pytest

matplotlib.use("Agg")


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
