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
