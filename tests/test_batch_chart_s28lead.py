"""The batch index's cross-review chart is sized for the rules it draws (stop 28)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from scr_timeline import batch, report


def test_chart_height_counts_only_the_rules_drawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 60 rules with findings: plot_by_rule draws the 25 found most often, so the figure
    # must not be tall enough for 60 (it left about 11 inches of blank space)
    by_rule = pd.DataFrame(
        {
            "rule_id": [f"R-{i:02d}" for i in range(60)],
            "category": "escalation",
            "chronologies": list(range(60, 0, -1)),
            "share": [i / 60 for i in range(60, 0, -1)],
        }
    )
    sizes: list[tuple[float, float]] = []

    def figure_png(draw: Any, *, size: tuple[float, float]) -> bytes:
        sizes.append(size)
        return b"\x89PNG\r\n\x1a\n"

    monkeypatch.setattr(batch, "_figure_png", figure_png)
    monkeypatch.setattr(batch.BatchResult, "by_rule", lambda self: by_rule)
    monkeypatch.setattr(report, "write_batch_index", lambda result, path, images: path)
    batch.BatchResult([]).write_summaries(tmp_path / "out")
    assert sizes == [(9, pytest.approx(0.32 * 25 + 1.3))]


def test_summary_of_a_batch_of_none_has_every_column() -> None:
    table = batch.BatchResult([]).summary()
    assert len(table) == 0
    assert {"chronology", "status", "findings", "seconds"} <= set(table.columns)
