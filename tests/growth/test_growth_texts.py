"""Every problem the growth code can raise has a reason and a fix in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dashboard
from dashboard.core.prevalence import Refusal
from dashboard.i18n import TEXTS, t
from dashboard.i18n.growth import TEXTS as GROWTH_TEXTS

SOURCES = ["data/importers/eppgbm.py", "commands/zscores.py", "core/prevalence.py"]


def _keys_used() -> set[str]:
    root = Path(dashboard.__file__).parent
    found = set()
    for source in SOURCES:
        found |= set(re.findall(r'"(growth\.[a-z_.]+?)(?:\.reason|\.fix)?"', (root / source).read_text()))
    return {key for key in found if not key.startswith("growth.quality.")} | {str(r) for r in Refusal}


@pytest.mark.parametrize("key", sorted(_keys_used()))
def test_gro070_problem_keys_have_reason_and_fix(key: str) -> None:
    if key in TEXTS:  # a plain message (the command line's summary lines)
        return
    params = {"today": "01/03/2025", "months": 61, "index": "TB/U", "z": "-6.20", "error": "x", "columns": "JK",
              "rows": 2, "wilayah": "99.01", "days": 2000, "order": "d/m/yyyy", "day_first_row": 3,
              "month_first_row": 5}  # fmt: skip
    for lang in ("id", "en"):
        assert t(f"{key}.reason", lang, **params)
        assert t(f"{key}.fix", lang, **params)


def test_gro071_every_reason_has_a_fix() -> None:
    reasons = {key.removesuffix(".reason") for key in GROWTH_TEXTS if key.endswith(".reason")}
    fixes = {key.removesuffix(".fix") for key in GROWTH_TEXTS if key.endswith(".fix")}
    assert reasons == fixes
