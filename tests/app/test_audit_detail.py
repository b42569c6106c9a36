"""The audit page reads its entries in words: actions named, details' keys and periods in the reader's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dashboard.i18n import TEXTS
from dashboard.views.audit_page.model import shown_cell, shown_detail

ROOT = Path(__file__).resolve().parents[2] / "dashboard"
# accounts.audit(actor, "publish", ...) / audit("scenario_save", ...) / self._audit(actor, "commitment_add", ...)
_CALL = re.compile(r"""(?<!def )(?<!def _)audit\([^"'\n]{0,60}["']([a-z_]+)["']""")


def test_aud100_every_recorded_action_has_a_name_in_both_languages() -> None:
    actions = {m for path in ROOT.rglob("*.py") for m in _CALL.findall(path.read_text(encoding="utf-8"))}
    assert {"publish", "login", "scenario_update", "lokus_reset", "commitment_add", "import"} <= actions
    # a call passing the action by name captures its outcome ("refused") instead: those are named apart
    missing = sorted(a for a in actions if f"audit.action.{a}" not in TEXTS and f"audit.outcome.{a}" not in TEXTS)
    assert missing == []


def test_aud101_detail_in_words() -> None:
    text = json.dumps({"periods": ["2023-02", "2025-08"], "district": "99.01", "target": 14.5})
    assert shown_detail(text, "id") == "periode: Februari 2023, Agustus 2025 · kabupaten/kota: 99.01 · target: 14,50"
    assert shown_detail(text, "en") == "periods: February 2023, August 2025 · district: 99.01 · target: 14.50"
    assert shown_cell("detail", text, "en", "99.01").startswith("periods: February 2023")
    assert shown_cell("action", "publish", "id", None) == "diterbitkan"
    assert shown_detail("not json", "id") == "not json"


def test_aud102_who_in_the_readers_language() -> None:
    from dashboard.auth.roles import actor_name

    assert actor_name("sistem (baris perintah)", "en") == "system (command line)"
    assert actor_name("sistem (baris perintah)", "id") == "sistem (baris perintah)"
    assert actor_name("rina (baris perintah)", "en") == "rina (command line)"
    assert actor_name("rina", "en") == "rina" and actor_name(None, "en") == ""
    assert shown_cell("username", "sistem (baris perintah)", "en", None) == "system (command line)"
